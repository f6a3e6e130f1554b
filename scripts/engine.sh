#!/usr/bin/env bash
# A private Docker engine for the project's own tests: dockerd + containerd from Debian's packages
# (installed into .tools/ by scripts/install-tools.sh --engine), with every file they write kept under a
# project-local folder, and a unix socket that no other Docker client uses by default.
#
#   scripts/engine.sh start          install if needed, start (or find running) containerd + dockerd,
#                                    wait until `docker info` answers, print DOCKER_HOST=unix://...
#   scripts/engine.sh stop           stop both by their pid files, wait for them, clean pid files/sockets
#   scripts/engine.sh status         print the state; exit 0 when running, 3 when not
#   scripts/engine.sh env            print export lines for `eval "$(scripts/engine.sh env)"`
#   scripts/engine.sh load-busybox   (engine running) build c2b-busybox:local FROM scratch with the
#                                    system's static /bin/busybox and a link for each applet, for tests
#                                    that need RUN (use `RUN --network=none`: the engine has no bridge)
#
# Layout (ENGINE = $C2B_ENGINE_DIR, default .tools/engine next to this script's project):
#   ENGINE/data           dockerd --data-root (images, build cache; storage driver chosen by dockerd)
#   ENGINE/containerd     containerd root
#   ENGINE/daemon.json    dockerd --config-file (so /etc/docker/daemon.json is never read)
#   ENGINE/containerd.toml
#   ENGINE/dockerd.log, ENGINE/containerd.log
#   RUN/docker.sock, RUN/containerd.sock, RUN/dockerd.pid, RUN/containerd.pid, RUN/exec (--exec-root),
#   RUN/containerd-state  where RUN = ENGINE/run, or /tmp/c2b-engine-<hash> when ENGINE's path is too long
#                         for a unix socket name (108 bytes, containerd's own sockets nest deeper).
# Outside these folders the daemons only create empty /run/docker/plugins and /run/containerd (fixed
# places in their code); `stop` removes them again if they were not there before `start`.
# The docker client is pointed at it with DOCKER_HOST, and DOCKER_CONFIG=.tools/docker-config keeps
# buildx's state and the CLI plugins away from ~/.docker. Must run as root (dockerd needs it).
#
# Environment: C2B_TOOLS_DIR (default PROJECT/.tools), C2B_ENGINE_DIR (default TOOLS/engine),
#              C2B_ENGINE_TIMEOUT (seconds to wait for `docker info`, default 60),
#              C2B_STORAGE_DRIVER (dockerd --storage-driver; empty = dockerd's own choice, overlay2 here).
set -euo pipefail
umask 022

project=$(cd "$(dirname "$0")/.." && pwd)
tools=${C2B_TOOLS_DIR:-$project/.tools}
mkdir -p "$tools"
tools=$(cd "$tools" && pwd)
engine=${C2B_ENGINE_DIR:-$tools/engine}
mkdir -p "$engine"
engine=$(cd "$engine" && pwd)
root=$tools/root
docker_config=$tools/docker-config
timeout=${C2B_ENGINE_TIMEOUT:-60}

# Unix socket names are limited to 107 bytes; containerd.sock.ttrpc under RUN is the longest we create.
if [ ${#engine} -le 70 ]; then
  run=$engine/run
else
  run=/tmp/c2b-engine-$(printf '%s' "$engine" | sha256sum | cut -c1-12)
fi
docker_sock=$run/docker.sock
containerd_sock=$run/containerd.sock
dockerd_pid=$run/dockerd.pid
containerd_pid=$run/containerd.pid
dockerd_bin=$root/usr/sbin/dockerd
containerd_bin=$root/usr/bin/containerd

say() { echo "engine: $*" >&2; }
die() { echo "engine: $*" >&2; exit 1; }

# pid_of FILE BINARY: the pid in FILE if that process is alive and runs BINARY, else nothing.
pid_of() {
  local file=$1 bin=$2 pid exe
  [ -f "$file" ] || return 0
  pid=$(tr -dc 0-9 < "$file")
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 0
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null || true)
  exe=${exe% (deleted)}
  [ "$exe" = "$(readlink -f "$bin")" ] && echo "$pid"
  return 0
}

tool_path() { echo "$root/usr/bin:$root/usr/sbin:$PATH"; }

docker_cmd() {  # the docker client, talking to our engine only
  env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u BUILDX_BUILDER \
    DOCKER_HOST="unix://$docker_sock" DOCKER_CONFIG="$docker_config" PATH="$(tool_path)" docker "$@"
}

engine_answers() { docker_cmd info --format '{{.ServerVersion}}' >/dev/null 2>&1; }

# stop_pid PID NAME: SIGTERM, wait up to 30 s, then SIGKILL and wait.
stop_pid() {
  local pid=$1 name=$2 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 300); do
    [ -d "/proc/$pid" ] || { say "$name ($pid) stopped"; return 0; }
    sleep 0.1
  done
  say "$name ($pid) did not stop in 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  while [ -d "/proc/$pid" ]; do sleep 0.1; done
}

# Mounts left under our folders by a daemon that was killed (normally there are none).
unmount_leftovers() {
  local m
  { awk '{print $5}' /proc/self/mountinfo | grep -E "^($engine|$run)/" || true; } | sort -r | while read -r m; do
    say "unmounting leftover $m"
    umount -l "$m" 2>/dev/null || true
  done
}

write_configs() {
  mkdir -p "$engine/data" "$engine/containerd" "$engine/containerd/opt" "$engine/tmp" "$run/exec" "$run/containerd-state"
  [ -f "$engine/daemon.json" ] || echo '{}' > "$engine/daemon.json"
  cat > "$engine/containerd.toml" <<TOML
# written by scripts/engine.sh: a containerd for this project's engine only
version = 2
root = "$engine/containerd"
state = "$run/containerd-state"
temp = "$engine/tmp"
disabled_plugins = ["io.containerd.grpc.v1.cri", "io.containerd.nri.v1.nri",
                    "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing",
                    "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
                    "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs",
                    "io.containerd.snapshotter.v1.blockfile"]
[grpc]
  address = "$containerd_sock"
[ttrpc]
  address = "$containerd_sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$engine/containerd/opt"
TOML
}

start() {
  [ "$(id -u)" = 0 ] || die "must run as root (dockerd needs it)"
  exec 9>"$engine/lock"
  flock 9  # one start at a time, the install included
  "$project/scripts/install-tools.sh" --engine "$tools" >&2 9>&-
  mkdir -p "$run"
  if [ -n "$(pid_of "$dockerd_pid" "$dockerd_bin")" ] && engine_answers; then
    say "already running (dockerd $(pid_of "$dockerd_pid" "$dockerd_bin"))"
    echo "DOCKER_HOST=unix://$docker_sock"
    return 0
  fi
  # A half-started or crashed engine: stop what is left and start afresh.
  local pid
  pid=$(pid_of "$dockerd_pid" "$dockerd_bin"); [ -z "$pid" ] || stop_pid "$pid" dockerd
  pid=$(pid_of "$containerd_pid" "$containerd_bin"); [ -z "$pid" ] || stop_pid "$pid" containerd
  unmount_leftovers
  rm -f "$dockerd_pid" "$containerd_pid" "$docker_sock" "$containerd_sock" "$containerd_sock.ttrpc"
  write_configs

  # dockerd and containerd create a few empty folders at fixed places (/run/docker/plugins for plugin
  # discovery, /run/containerd); note the ones that do not exist yet, so that `stop` removes them again.
  local d
  touch "$run/created-dirs"  # kept from a crashed run, if any
  for d in /run/docker /run/docker/plugins /run/containerd; do
    [ -e "$d" ] || echo "$d" >> "$run/created-dirs"
  done

  local t0=$SECONDS path
  path=$(tool_path)
  # setsid + all descriptors redirected: the daemons outlive this script and hold none of its pipes.
  env PATH="$path" TMPDIR="$engine/tmp" setsid "$containerd_bin" --config "$engine/containerd.toml" \
      </dev/null >"$engine/containerd.log" 2>&1 9>&- &
  local cpid=$!  # env, then setsid, then containerd: the same process (pid_of checks the final binary)
  echo "$cpid" > "$containerd_pid"
  while [ ! -S "$containerd_sock" ]; do
    if [ ! -d "/proc/$cpid" ]; then
      tail -n 30 "$engine/containerd.log" >&2; die "containerd exited during start-up (log: $engine/containerd.log)"
    fi
    [ $((SECONDS - t0)) -lt "$timeout" ] || { tail -n 30 "$engine/containerd.log" >&2; die "containerd not ready after ${timeout}s"; }
    sleep 0.1
  done

  local args=(--config-file "$engine/daemon.json" --data-root "$engine/data" --exec-root "$run/exec"
              --pidfile "$dockerd_pid" --host "unix://$docker_sock" --containerd "$containerd_sock"
              --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false --bridge=none
              --userland-proxy=false)
  [ -z "${C2B_STORAGE_DRIVER:-}" ] || args+=(--storage-driver "$C2B_STORAGE_DRIVER")
  # dockerd writes its own pid file (and refuses to start if that file names a live process).
  env PATH="$path" TMPDIR="$engine/tmp" setsid "$dockerd_bin" "${args[@]}" \
      </dev/null >"$engine/dockerd.log" 2>&1 9>&- &
  local spawned=$!
  until engine_answers; do
    if [ ! -d "/proc/$spawned" ]; then
      tail -n 30 "$engine/dockerd.log" >&2; stop; die "dockerd exited during start-up (log: $engine/dockerd.log)"
    fi
    if [ $((SECONDS - t0)) -ge "$timeout" ]; then
      tail -n 30 "$engine/dockerd.log" >&2; stop_pid "$spawned" dockerd; stop
      die "dockerd did not answer within ${timeout}s (log: $engine/dockerd.log)"
    fi
    sleep 0.2
  done
  say "started in $((SECONDS - t0))s: dockerd $(pid_of "$dockerd_pid" "$dockerd_bin"), containerd $(pid_of "$containerd_pid" "$containerd_bin"), $(docker_cmd info --format 'engine {{.ServerVersion}}, storage driver {{.Driver}}, cgroups v{{.CgroupVersion}} ({{.CgroupDriver}})')"
  echo "DOCKER_HOST=unix://$docker_sock"
}

stop() {
  local pid d
  pid=$(pid_of "$dockerd_pid" "$dockerd_bin")
  if [ -n "$pid" ]; then stop_pid "$pid" dockerd; else say "dockerd is not running"; fi
  pid=$(pid_of "$containerd_pid" "$containerd_bin")
  if [ -n "$pid" ]; then stop_pid "$pid" containerd; else say "containerd is not running"; fi
  unmount_leftovers
  if [ -f "$run/created-dirs" ]; then  # deepest first; rmdir leaves a folder that is not empty alone
    sort -r "$run/created-dirs" | while read -r d; do rmdir "$d" 2>/dev/null || true; done
    rm -f "$run/created-dirs"
  fi
  rm -f "$dockerd_pid" "$containerd_pid" "$docker_sock" "$containerd_sock" "$containerd_sock.ttrpc"
  if [ "$run" != "$engine/run" ]; then rm -rf "$run"; fi
}

status() {
  local d c
  d=$(pid_of "$dockerd_pid" "$dockerd_bin"); c=$(pid_of "$containerd_pid" "$containerd_bin")
  if [ -n "$d" ] && engine_answers; then
    echo "running: dockerd $d, containerd ${c:-?}, DOCKER_HOST=unix://$docker_sock"
    return 0
  fi
  echo "stopped${d:+ (dockerd $d alive but not answering)}${c:+ (containerd $c alive)}"
  return 3
}

print_env() {
  printf 'export DOCKER_HOST=%q\n' "unix://$docker_sock"
  printf 'export DOCKER_CONFIG=%q\n' "$docker_config"
  printf 'export PATH=%q:"$PATH"\n' "$root/usr/bin:$root/usr/sbin"
  echo 'unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH BUILDX_BUILDER'
}

load_busybox() {
  engine_answers || die "the engine is not running (scripts/engine.sh start)"
  local busybox=${C2B_BUSYBOX:-/bin/busybox} ctx applet
  [ -x "$busybox" ] || die "$busybox is missing (apt-get install busybox-static)"
  ctx=$(mktemp -d "$engine/tmp/busybox.XXXXXX")
  mkdir -p "$ctx/rootfs/bin" "$ctx/rootfs/tmp"
  cp "$busybox" "$ctx/rootfs/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$ctx/rootfs/bin/$applet"
  done
  printf 'FROM scratch\nCOPY rootfs/ /\nENV PATH=/bin\nCMD ["/bin/sh"]\n' > "$ctx/Dockerfile"
  docker_cmd buildx build --quiet --load -t c2b-busybox:local "$ctx" >&2
  rm -rf "$ctx"
  say "built c2b-busybox:local"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  load-busybox) load_busybox ;;
  *) echo "usage: scripts/engine.sh start|stop|status|env|load-busybox" >&2; exit 2 ;;
esac
