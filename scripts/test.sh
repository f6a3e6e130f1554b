#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the reference tools (docker buildx and
# docker compose from Debian, into .tools/), starts the project's own Docker engine
# (scripts/engine.sh: dockerd + containerd from Debian, private socket and data folder), runs
# `mvn verify` (unit, golden, conformance and differential tests, and the engine tests that build
# the examples with `compose2bake build` and check the images), and stops the engine again if it
# started it. With CI=true a missing tool or engine fails the tests instead of skipping them.
#
# Environment: C2B_ENGINE=off  do not start an engine (the engine tests then skip, or fail in CI)
#              C2B_ENGINE_DIR  where the engine keeps its state (default .tools/engine)
# Arguments are passed to mvn, e.g. scripts/test.sh -Dtest=EngineTest
set -euo pipefail
cd "$(dirname "$0")/.."

command -v java >/dev/null || { echo "test.sh: Java 17 is required (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
if ! command -v mvn >/dev/null; then
  echo "test.sh: installing Maven" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null
fi

# The engine's packages too when we may start it, so that Debian's lists are read once.
if [ "${C2B_ENGINE:-on}" != off ] && { [ "$(id -u)" = 0 ] || [ "${CI:-}" = true ]; }; then
  scripts/install-tools.sh --engine
else
  scripts/install-tools.sh
fi
export DOCKER_CONFIG="$PWD/.tools/docker-config"
# pre-commit, for the test of the hooks in .pre-commit-hooks.yaml (it skips without it, except in CI).
if ! command -v pre-commit >/dev/null && { [ "$(id -u)" = 0 ] || [ "${CI:-}" = true ]; }; then
  echo "test.sh: installing pre-commit" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
fi

started=0
stop_engine() {
  if [ "$started" = 1 ]; then
    echo "test.sh: stopping the engine" >&2
    scripts/engine.sh stop || true
  fi
}
trap stop_engine EXIT
if [ "${C2B_ENGINE:-on}" = off ]; then
  echo "test.sh: C2B_ENGINE=off: no engine; the engine tests skip (and fail with CI=true)" >&2
elif scripts/engine.sh status >/dev/null 2>&1; then
  echo "test.sh: using the engine that is already running (it stays running)" >&2
  eval "$(scripts/engine.sh env)"
elif [ "$(id -u)" != 0 ] && [ "${CI:-}" != true ]; then
  echo "test.sh: not root, so no engine of our own (dockerd needs root); the engine tests use DOCKER_HOST's, or skip" >&2
else
  started=1
  scripts/engine.sh start >/dev/null
  eval "$(scripts/engine.sh env)"
fi

mvn -B -ntp verify "$@"

# The launcher against `java -jar`, byte for byte, and its archive life cycle (on the jar just built);
# skipped when the run was narrowed with arguments such as -Dtest=...
if [ $# = 0 ]; then
  sh bench/test-launcher.sh
fi
