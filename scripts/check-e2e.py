#!/usr/bin/env python3
"""Checks the images built from an end-to-end project against the project's `expect` file.

    scripts/check-e2e.py check PROJECT PREFIX [--expect FILE]
        Check the images that are already in the engine (built by `compose2bake build` or by buildx).
        Lines `fail` and `allow` are about how to build, not about images: `check` skips them.
    scripts/check-e2e.py bake PROJECT PREFIX [--expect FILE]
        The reference run with the real tools: remove the project's images, run
        `docker buildx bake -f compose.yaml --load --progress=plain` in PROJECT with C2B_IMAGE_PREFIX=PREFIX
        (first without the `allow` entitlements, which must fail, then with them), check `fail`, then
        check the images. Prints buildx's output for the failing runs and the time each build took.
    scripts/check-e2e.py names PROJECT PREFIX [--expect FILE]
        Print the image of every service named in the expect file, one a line.

PROJECT is a folder holding compose.yaml and (unless --expect names another file) `expect`; builds run
with PROJECT as the working directory. The docker client is used as configured by the environment
(`eval "$(scripts/engine.sh env)"` points it at the project's own engine). Exit status 0 when every
line holds, 1 when one does not (each failure is reported), 2 for usage or expect-file errors.

Image names. The compose files name their images `${C2B_IMAGE_PREFIX:-<default>}SERVICE`, so the image
of service SERVICE is PREFIX + SERVICE (tag `latest`), e.g. prefix `c2b-e2e-chain-` and service `b` give
`c2b-e2e-chain-b:latest`; a dotted service `base.v1` gives `c2b-e2e-dotted-base.v1:latest`.

Expect-file format. UTF-8 text, one statement a line. Blank lines and lines whose first non-blank
character is `#` are ignored. A statement is a keyword and fields separated by single spaces; the last
field of `file`, `label`, `env` and `fail` is TEXT: the rest of the line after the single space that
follows the preceding field (it may contain spaces; trailing spaces are kept). PATH is an absolute path
inside the image (`/etc/x.conf`), without a trailing slash.

    file SERVICE PATH TEXT      PATH is a regular file whose content is exactly TEXT followed by one "\n"
    exists SERVICE PATH         PATH exists (file, directory or symbolic link)
    absent SERVICE PATH         PATH does not exist
    only SERVICE PATH...        the image's non-directory entries (files and links, after all layers and
                                their whiteouts are applied) are exactly these PATHs, in any order
    label SERVICE KEY TEXT      the image config has label KEY with value TEXT (TEXT may be empty:
                                `label SERVICE KEY ` with the space)
    nolabel SERVICE KEY         the image config has no label KEY
    env SERVICE NAME TEXT       the image config's Env holds NAME=TEXT
    allow ENTITLEMENT           the build needs `--allow ENTITLEMENT` (as buildx spells it; a relative
                                path in it is relative to PROJECT, the working directory of the build)
                                and fails without it; several lines = several entitlements. `bake`
                                checks that buildx, run without them, asks for exactly this set
    fail TEXT                   the build fails: exit status non-zero and TEXT appears in its output
                                (stdout + stderr); the file then holds no image statements
    status N                    with `fail`: the exit status must be exactly N

The file system of an image is read from `docker save` (layers applied in order, OCI whiteouts
`.wh.NAME` and `.wh..wh..opq` honoured), the config from `docker image inspect`.
"""
import io
import json
import os
import re
import shlex
import subprocess
import sys
import tarfile
import tempfile
import time

IMAGE_KEYWORDS = {"file": 3, "exists": 2, "absent": 2, "only": 1, "label": 3, "nolabel": 2, "env": 3}
BUILD_KEYWORDS = {"allow": 1, "fail": 1, "status": 1}


class ExpectError(Exception):
    pass


def parse_expect(path):
    """Returns a list of (line number, keyword, fields) with TEXT fields kept verbatim."""
    statements = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            keyword, _, rest = line.partition(" ")
            if keyword in ("file", "label", "env"):
                parts = rest.split(" ", 2)
                if len(parts) < 3 or not parts[0] or not parts[1]:
                    raise ExpectError(f"{path}:{number}: `{keyword}` needs SERVICE, a name and TEXT")
                if keyword == "file" and parts[2] == "":
                    raise ExpectError(f"{path}:{number}: `file` needs a non-empty TEXT")
                fields = parts
            elif keyword in ("fail",):
                if not rest:
                    raise ExpectError(f"{path}:{number}: `fail` needs TEXT")
                fields = [rest]
            elif keyword in IMAGE_KEYWORDS or keyword in BUILD_KEYWORDS:
                fields = rest.split(" ") if rest else []
                want = IMAGE_KEYWORDS.get(keyword, BUILD_KEYWORDS.get(keyword))
                if keyword == "only":
                    if len(fields) < 1:
                        raise ExpectError(f"{path}:{number}: `only` needs SERVICE")
                elif len(fields) != want or not all(fields):
                    raise ExpectError(f"{path}:{number}: `{keyword}` takes {want} field(s)")
            else:
                raise ExpectError(f"{path}:{number}: unknown statement `{keyword}`")
            if keyword in ("file", "exists", "absent", "only"):
                for p in fields[1:] if keyword == "only" else fields[1:2]:
                    if not p.startswith("/") or (len(p) > 1 and p.endswith("/")):
                        raise ExpectError(f"{path}:{number}: `{p}` is not an absolute path without a trailing /")
            if keyword == "status" and not fields[0].isdigit():
                raise ExpectError(f"{path}:{number}: `status` takes a number")
            statements.append((number, keyword, fields))
    fails = [s for s in statements if s[1] == "fail"]
    images = [s for s in statements if s[1] in IMAGE_KEYWORDS]
    if fails and images:
        raise ExpectError(f"{path}: `fail` and image statements exclude each other")
    if any(s[1] == "status" for s in statements) and not fails:
        raise ExpectError(f"{path}: `status` only goes with `fail`")
    return statements


def run(cmd, cwd=None, env=None):
    return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def image_name(prefix, service):
    return f"{prefix}{service}:latest"


class Image:
    """The merged file system and config of one image in the engine."""

    def __init__(self, ref):
        self.ref = ref
        out = run(["docker", "image", "inspect", ref])
        if out.returncode != 0:
            raise LookupError(" ".join(out.stdout.split()))
        self.config = json.loads(out.stdout)[0].get("Config") or {}
        self.entries = self._read_fs(ref)

    @staticmethod
    def _norm(name):
        while name.startswith("./"):
            name = name[2:]
        name = name.strip("/")
        return "/" if name in ("", ".") else "/" + name

    def _read_fs(self, ref):
        with tempfile.TemporaryDirectory(prefix="c2b-save-") as tmp:
            archive = os.path.join(tmp, "image.tar")
            out = run(["docker", "save", "-o", archive, ref])
            if out.returncode != 0:
                raise LookupError(" ".join(out.stdout.split()))
            entries = {}  # path -> ("file", bytes) | ("dir", None) | ("symlink", target) | ("hardlink", target)
            with tarfile.open(archive) as outer:
                manifest = json.load(outer.extractfile("manifest.json"))
                for layer in manifest[0]["Layers"]:
                    data = outer.extractfile(layer).read()
                    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tar:
                        self._apply_layer(entries, tar)
            return entries

    def _apply_layer(self, entries, tar):
        members = tar.getmembers()
        # Whiteouts hide what the layers below put there; entries of this layer are added afterwards.
        for m in members:
            path = self._norm(m.name)
            parent, base = os.path.split(path)
            if base == ".wh..wh..opq":
                for p in [p for p in entries if p.startswith(parent.rstrip("/") + "/")]:
                    del entries[p]
            elif base.startswith(".wh."):
                gone = os.path.join(parent, base[4:])
                for p in [p for p in entries if p == gone or p.startswith(gone + "/")]:
                    del entries[p]
        for m in members:
            path = self._norm(m.name)
            if os.path.basename(path).startswith(".wh."):
                continue
            if m.isdir():
                entries[path] = ("dir", None)
            elif m.issym():
                entries[path] = ("symlink", m.linkname)
            elif m.islnk():
                target = self._norm(m.linkname)
                entries[path] = entries.get(target, ("hardlink", target))
            elif m.isfile():
                entries[path] = ("file", tar.extractfile(m).read())
            else:
                entries[path] = ("other", None)

    def files(self):
        return sorted(p for p, (kind, _) in self.entries.items() if kind != "dir" and p != "/")


def check_images(project, prefix, statements):
    """Checks the image statements; returns the list of failure messages."""
    failures = []
    images = {}

    def image(service):
        if service not in images:
            try:
                images[service] = Image(image_name(prefix, service))
            except LookupError as e:
                images[service] = e
        return images[service]

    for number, keyword, fields in statements:
        if keyword not in IMAGE_KEYWORDS:
            continue
        service = fields[0]
        where = f"line {number}: {keyword} {' '.join(fields)}"
        img = image(service)
        if isinstance(img, LookupError):
            failures.append(f"{where}: image {image_name(prefix, service)} is missing: {img}")
            continue
        if keyword == "file":
            path, text = fields[1], fields[2]
            entry = img.entries.get(path)
            if entry is None:
                failures.append(f"{where}: {path} does not exist")
            elif entry[0] != "file":
                failures.append(f"{where}: {path} is a {entry[0]}, not a regular file")
            elif entry[1] != (text + "\n").encode("utf-8"):
                failures.append(f"{where}: {path} holds {entry[1]!r}")
        elif keyword == "exists":
            if fields[1] not in img.entries:
                failures.append(f"{where}: {fields[1]} does not exist")
        elif keyword == "absent":
            if fields[1] in img.entries:
                failures.append(f"{where}: {fields[1]} exists ({img.entries[fields[1]][0]})")
        elif keyword == "only":
            have, want = set(img.files()), set(fields[1:])
            if have != want:
                extra, missing = sorted(have - want), sorted(want - have)
                failures.append(f"{where}: unexpected {extra}, missing {missing}")
        elif keyword == "label":
            labels = img.config.get("Labels") or {}
            if fields[1] not in labels:
                failures.append(f"{where}: no label {fields[1]} (labels: {labels})")
            elif labels[fields[1]] != fields[2]:
                failures.append(f"{where}: label {fields[1]} is {labels[fields[1]]!r}")
        elif keyword == "nolabel":
            labels = img.config.get("Labels") or {}
            if fields[1] in labels:
                failures.append(f"{where}: label {fields[1]} is present ({labels[fields[1]]!r})")
        elif keyword == "env":
            env = img.config.get("Env") or []
            if f"{fields[1]}={fields[2]}" not in env:
                failures.append(f"{where}: Env is {env}")
    return failures


def services_of(statements):
    seen = []
    for _, keyword, fields in statements:
        if keyword in IMAGE_KEYWORDS and fields[0] not in seen:
            seen.append(fields[0])
    return seen


def bake(project, prefix, statements):
    """The reference build with docker buildx bake; returns the list of failure messages."""
    failures = []
    env = dict(os.environ, C2B_IMAGE_PREFIX=prefix)
    for service in services_of(statements):
        run(["docker", "image", "rm", "-f", image_name(prefix, service)])
    allows = [f[0] for _, k, f in statements if k == "allow"]
    fail = [f[0] for _, k, f in statements if k == "fail"]
    status = [int(f[0]) for _, k, f in statements if k == "status"]
    base = ["docker", "buildx", "bake", "-f", "compose.yaml", "--load", "--progress=plain"]

    def build(extra, label):
        cmd = base + extra
        start = time.monotonic()
        out = run(cmd, cwd=project, env=env)
        took = time.monotonic() - start
        print(f"$ (cd {project} && C2B_IMAGE_PREFIX={prefix} {shlex.join(cmd)})  # {label}")
        print(f"  exit {out.returncode} in {took:.2f}s")
        return out

    if allows:
        out = build([], "without --allow: must fail")
        print(indent(tail(out.stdout, 12)))
        if out.returncode == 0:
            failures.append(f"the build succeeded without --allow {' '.join(allows)}")
        else:
            # buildx names what it wants: Pass "--allow=fs.read=../x --allow=..." to grant requested privileges.
            asked = re.search(r'Pass "([^"]*)" to grant requested privileges', out.stdout)
            asked = sorted(a[len("--allow="):] for a in asked.group(1).split()) if asked else None
            if asked != sorted(allows):
                failures.append(f"buildx asked for {asked}, the expect file says {sorted(allows)}")
    extra = [a for entitlement in allows for a in ("--allow", entitlement)]
    out = build(extra, "the build" + (" (must fail)" if fail else ""))
    if fail:
        print(indent(tail(out.stdout, 12)))
        if out.returncode == 0:
            failures.append("the build succeeded")
        for text in fail:
            if text not in out.stdout:
                failures.append(f"the build's output lacks {text!r}")
        for n in status:
            if out.returncode != n:
                failures.append(f"the build exited {out.returncode}, not {n}")
        return failures
    if out.returncode != 0:
        print(indent(tail(out.stdout, 30)))
        return failures + [f"the build failed with exit status {out.returncode}"]
    return failures + check_images(project, prefix, statements)


def tail(text, n):
    return "\n".join(text.rstrip("\n").split("\n")[-n:])


def indent(text):
    return "\n".join("  | " + line for line in text.split("\n"))


def main(argv):
    args = list(argv)
    expect = None
    if "--expect" in args:
        i = args.index("--expect")
        if i + 1 >= len(args):
            print(__doc__, file=sys.stderr)
            return 2
        expect = args[i + 1]
        del args[i:i + 2]
    if len(args) != 3 or args[0] not in ("check", "bake", "names"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, project, prefix = args
    project = os.path.abspath(project)
    expect = os.path.abspath(expect) if expect else os.path.join(project, "expect")
    try:
        statements = parse_expect(expect)
    except (ExpectError, OSError) as e:
        print(f"check-e2e: {e}", file=sys.stderr)
        return 2
    if mode == "names":
        for service in services_of(statements):
            print(image_name(prefix, service))
        return 0
    if mode == "bake":
        failures = bake(project, prefix, statements)
    else:
        failures = check_images(project, prefix, statements)
    checked = sum(1 for s in statements if mode == "bake" or s[1] in IMAGE_KEYWORDS)
    name = os.path.relpath(project)
    if failures:
        for f in failures:
            print(f"check-e2e: {name}: {f}", file=sys.stderr)
        print(f"check-e2e: {name}: FAILED ({len(failures)} of {checked} statements)", file=sys.stderr)
        return 1
    print(f"check-e2e: {name}: ok ({checked} statements)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
