#!/bin/sh
# Checks bin/compose2bake against `java -jar target/compose2bake.jar`: same stdout, stderr and exit
# code on good and bad input, stdin, -o, arguments with spaces, a symlinked launcher; and the
# archive life cycle: created once by racing runs, never used when stale, nothing written with
# COMPOSE2BAKE_CACHE=off, a clear error without a jar.
#
#   sh bench/test-launcher.sh [CHECKOUT]     (default: this checkout; needs target/compose2bake.jar)
#
# It works on a copy of bin/ and the jar in a temporary folder, never on the checkout itself.
set -u
here=$(CDPATH='' cd -P -- "$(dirname -- "$0")" && pwd -P)
repo=${1:-$(dirname -- "$here")}
[ -f "$repo/target/compose2bake.jar" ] || { echo "no $repo/target/compose2bake.jar: build first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/c2b-launcher-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
lay="$work/check out"                 # a space in the path on purpose
mkdir -p "$lay/bin" "$lay/target" "$work/p"
cp "$repo/bin/compose2bake" "$repo/bin/compose2bake-warm" "$lay/bin/"
cp "$repo/target/compose2bake.jar" "$lay/target/"
jar="$lay/target/compose2bake.jar"
L="$lay/bin/compose2bake"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

fails=0 n=0
ok() { n=$((n + 1)); printf 'ok   %s\n' "$1"; }
bad() { n=$((n + 1)); fails=$((fails + 1)); printf 'FAIL %s\n' "$1"; }

# same NAME ARGS...: the launcher and plain java agree on stdout, stderr and exit code (cwd: $work/p)
same() {
  name=$1; shift
  (cd "$work/p" && "$JAVA" -jar "$jar" "$@" <"$work/stdin" >"$work/a.out" 2>"$work/a.err"; echo $? >"$work/a.rc")
  (cd "$work/p" && "$L" "$@" <"$work/stdin" >"$work/b.out" 2>"$work/b.err"; echo $? >"$work/b.rc")
  if cmp -s "$work/a.out" "$work/b.out" && cmp -s "$work/a.err" "$work/b.err" && cmp -s "$work/a.rc" "$work/b.rc"; then
    ok "$name (exit $(cat "$work/a.rc"))"
  else
    bad "$name: java -jar exit $(cat "$work/a.rc"), launcher exit $(cat "$work/b.rc")"
    diff "$work/a.out" "$work/b.out" | head -5
    diff "$work/a.err" "$work/b.err" | head -5
  fi
}

cat >"$work/p/compose.yaml" <<'EOF'
services:
  api:
    image: example/api:${TAG:-1}
    build:
      context: ./api
      args: {A: "1"}
  web:
    build: ./web
EOF
mkdir -p "$work/p/dir with space"
cp "$work/p/compose.yaml" "$work/p/dir with space/my compose.yaml"
printf 'services:\n  x: [\n' >"$work/p/broken.yaml"
cp "$work/p/compose.yaml" "$work/stdin"

# 1. outputs, before any archive exists (plain JVM, background creation starts) and after
for phase in cold warm; do
  if [ $phase = warm ]; then
    COMPOSE2BAKE_CACHE=warm "$L" 2>/dev/null || bad "warm-up failed"
    [ -f "$lay/target/compose2bake.launch" ] && ok "warm-up wrote the state file" || bad "no state file after warm-up"
  else
    COMPOSE2BAKE_CACHE=off
    export COMPOSE2BAKE_CACHE
  fi
  same "$phase: convert, HCL to stdout" -f compose.yaml
  same "$phase: convert, JSON" convert -f compose.yaml --format json
  same "$phase: one service" -f compose.yaml api
  same "$phase: stdin" -f -
  same "$phase: path and service with spaces" -f "dir with space/my compose.yaml" "no such service"
  same "$phase: glob characters are not expanded" -f compose.yaml '*'
  same "$phase: invalid YAML" -f broken.yaml
  same "$phase: missing file" -f nothing.yaml
  same "$phase: unknown option" --no-such-option
  same "$phase: --help" --help
  same "$phase: --version" --version
  (cd "$work/p" && "$JAVA" -jar "$jar" -f compose.yaml -o "o u t.hcl" && mv "o u t.hcl" a.hcl \
    && "$L" -f compose.yaml -o "o u t.hcl")
  cmp -s "$work/p/a.hcl" "$work/p/o u t.hcl" && ok "$phase: -o writes the same file" || bad "$phase: -o files differ"
  if [ $phase = cold ]; then
    unset COMPOSE2BAKE_CACHE
    ls "$lay/target" | grep -q 'compose2bake\.\(jsa\|aot\|launch\|lock\)' \
      && bad "COMPOSE2BAKE_CACHE=off wrote beside the jar" || ok "COMPOSE2BAKE_CACHE=off writes nothing"
  fi
done

# 2. a symlinked launcher, called through PATH and through a relative path
mkdir -p "$work/links"
ln -s "$L" "$work/links/c2b"
(cd "$work/p" && PATH="$work/links:$PATH" c2b -f compose.yaml >"$work/s.out" 2>&1)
(cd "$work/p" && "$JAVA" -jar "$jar" -f compose.yaml >"$work/j.out" 2>&1)
cmp -s "$work/s.out" "$work/j.out" && ok "symlink on PATH" || bad "symlink on PATH"
(cd "$work/links" && ./c2b -f ../p/compose.yaml >/dev/null 2>&1) && ok "relative symlink" || bad "relative symlink"

# 3. a rebuilt jar: the state is stale, the run is correct, and a new archive appears
sleep 1
cp "$jar" "$jar.new" && mv "$jar.new" "$jar"  # new mtime, same content
same "stale archive: output still identical" -f compose.yaml
fresh() { [ -f "$lay/target/compose2bake.launch" ] && [ ! "$jar" -nt "$lay/target/compose2bake.launch" ] \
  && [ ! "$jar" -ot "$lay/target/compose2bake.launch" ]; }
i=0
while [ $i -lt 120 ] && ! fresh; do sleep 1; i=$((i + 1)); done
if fresh; then
  ok "stale archive re-created in the background (${i}s)"
else
  bad "no fresh state after a rebuilt jar"
fi

# 3b. an archive damaged after it was made (JDK 17 aborts on a truncated one): not used
f=$lay/target/compose2bake.jsa
if [ -f "$f" ]; then
  chmod u+w "$f" && : >"$f"
  same "truncated archive ${f##*.}: not used" -f compose.yaml
fi
i=0
while [ $i -lt 120 ] && ! fresh; do sleep 1; i=$((i + 1)); done

# 4. racing first runs: all correct, one creation, no leftovers
rm -f "$lay/target/compose2bake.jsa" "$lay/target/compose2bake.launch"
pids=
for k in 1 2 3 4; do
  (cd "$work/p" && "$L" -f compose.yaml >"$work/race$k.out" 2>&1; echo $? >"$work/race$k.rc") &
  pids="$pids $!"
done
wait $pids
allok=1
for k in 1 2 3 4; do
  cmp -s "$work/race$k.out" "$work/j.out" && [ "$(cat "$work/race$k.rc")" = 0 ] || allok=0
done
[ $allok = 1 ] && ok "4 racing runs: same output" || bad "racing runs differ"
i=0
while [ $i -lt 120 ] && [ -d "$lay/target/compose2bake.lock" ]; do sleep 1; i=$((i + 1)); done
[ -f "$lay/target/compose2bake.launch" ] && ok "racing runs: one archive made (${i}s)" || bad "racing runs: no state"
left=$(ls -a "$lay/target" | grep -c '\.[0-9][0-9]*$')
[ "$left" = 0 ] && ok "no temporary files left" || bad "temporary files left: $(ls "$lay/target")"

# 5. a folder the launcher cannot write to (skipped as root, who can write anywhere)
if [ "$(id -u)" != 0 ]; then
  rm -f "$lay/target/compose2bake.launch"
  chmod a-w "$lay/target"
  same "read-only folder" -f compose.yaml
  chmod u+w "$lay/target"
else
  echo "skip read-only folder (running as root)"
fi

# 6. no jar
mv "$jar" "$jar.away"
"$L" -f x >/dev/null 2>"$work/nojar.err"; rc=$?
[ $rc = 70 ] && grep -q "compose2bake.jar is missing" "$work/nojar.err" && ok "no jar: exit 70 and a message" \
  || bad "no jar: exit $rc, $(cat "$work/nojar.err")"
mv "$jar.away" "$jar"

echo "$((n - fails))/$n passed"
[ $fails = 0 ]
