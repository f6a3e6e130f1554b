#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the reference tools (docker buildx and
# docker compose from Debian, into .tools/), then runs `mvn verify` (unit, golden, conformance and
# differential tests). With CI=true a missing tool fails the tests instead of skipping them.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v java >/dev/null || { echo "test.sh: Java 17 is required (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
if ! command -v mvn >/dev/null; then
  echo "test.sh: installing Maven" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null
fi

scripts/install-tools.sh
export DOCKER_CONFIG="$PWD/.tools/docker-config"
mvn -B -ntp verify "$@"
