#!/usr/bin/env bash
# Installs the reference tools into a project-local folder (default .tools/), without changing the
# system's package set: docker buildx and docker compose (CLI plugins, from Debian sid), and for the
# engine tests dockerd + containerd (Debian trixie) with the system's own runc and busybox-static.
#
#   scripts/install-tools.sh [--engine] [DIR]
#
# Afterwards:  export DOCKER_CONFIG=DIR/docker-config   (the docker client finds the plugins there)
#              export PATH=DIR/root/usr/bin:DIR/root/usr/sbin:$PATH   (dockerd, containerd; --engine only)
# Idempotent: a second run with everything present does nothing.
set -euo pipefail

engine=0
if [ "${1:-}" = "--engine" ]; then engine=1; shift; fi
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$here/.tools}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
plugins=$dir/docker-config/cli-plugins
root=$dir/root

have_plugins() { [ -x "$plugins/docker-buildx" ] && [ -x "$plugins/docker-compose" ]; }
have_engine() { [ -x "$root/usr/sbin/dockerd" ] && [ -x "$root/usr/bin/containerd" ] && command -v runc >/dev/null \
                && [ -x /bin/busybox ]; }

if have_plugins && { [ $engine = 0 ] || have_engine; }; then
  echo "install-tools: already installed in $dir"
  exit 0
fi

command -v docker >/dev/null || { echo "install-tools: the docker client is missing (apt-get install docker-cli, or docker.io)" >&2; exit 1; }

apt_state=$dir/apt
mkdir -p "$apt_state/lists/partial" "$apt_state/archives/partial" "$dir/debs"
cat > "$apt_state/sources.list" <<SRC
deb http://deb.debian.org/debian sid main
deb http://deb.debian.org/debian trixie main
SRC
apt_opts=(-o "Dir::Etc::SourceList=$apt_state/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$apt_state/lists" -o "Dir::Cache::Archives=$apt_state/archives"
          -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
echo "install-tools: reading Debian's package lists (sid, trixie)"
apt-get "${apt_opts[@]}" update -qq

fetch() {  # fetch PACKAGE/SUITE...: download the .deb files into $dir/debs
  (cd "$dir/debs" && apt-get "${apt_opts[@]}" download -qq "$@")
}

if ! have_plugins; then
  fetch docker-buildx/sid docker-compose/sid
  mkdir -p "$plugins"
  for deb in "$dir"/debs/docker-buildx_*.deb "$dir"/debs/docker-compose_*.deb; do dpkg -x "$deb" "$root"; done
  for p in docker-buildx docker-compose; do
    ln -sf "$root/usr/libexec/docker/cli-plugins/$p" "$plugins/$p"
  done
fi

if [ $engine = 1 ] && ! have_engine; then
  fetch docker.io/trixie containerd/trixie
  for deb in "$dir"/debs/docker.io_*.deb "$dir"/debs/containerd_*.deb; do dpkg -x "$deb" "$root"; done
  # trixie's runc needs a newer glibc than bookworm's: use the system's own runc instead.
  rm -f "$root/usr/sbin/runc" "$root/usr/bin/runc"
  missing=()
  command -v runc >/dev/null || missing+=(runc)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

export DOCKER_CONFIG=$dir/docker-config
docker buildx version
docker compose version
if [ $engine = 1 ]; then "$root/usr/sbin/dockerd" --version; fi
