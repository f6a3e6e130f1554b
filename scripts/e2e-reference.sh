#!/usr/bin/env bash
# The end-to-end projects built by the real tools alone (docker buildx bake reading compose.yaml), each
# checked against its `expect` file: proves the projects and expectations before compose2bake is judged
# by them. Starts the project's engine if it is not running, and stops it again at the end if it did.
#
#   scripts/e2e-reference.sh [PROJECT...]    default: examples/dependent-images and every
#                                            testdata/e2e/**/expect
# Images are named c2b-ref-<project path with / as ->-SERVICE.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

started=0
if ! scripts/engine.sh status >/dev/null; then
  scripts/engine.sh start >/dev/null
  started=1
fi
trap '[ $started = 0 ] || scripts/engine.sh stop' EXIT
eval "$(scripts/engine.sh env)"
echo "buildx: $(docker buildx version)"
echo "engine: $(docker version --format '{{.Server.Version}}')"

if [ $# -gt 0 ]; then
  projects=("$@")
else
  projects=(examples/dependent-images)
  while read -r f; do projects+=("$(dirname "$f")"); done < <(find testdata/e2e -name expect | sort)
fi

failed=0
for p in "${projects[@]}"; do
  p=${p%/}
  prefix="c2b-ref-$(echo "${p#testdata/e2e/}" | tr '/A-Z' '-a-z')-"
  scripts/check-e2e.py bake "$p" "$prefix" || failed=$((failed + 1))
done
if [ $failed -gt 0 ]; then
  echo "e2e-reference: $failed of ${#projects[@]} projects FAILED" >&2
  exit 1
fi
echo "e2e-reference: all ${#projects[@]} projects ok"
