#!/usr/bin/env bash
# Checks that a kiosk release (a directory with smartsenior-kiosk.jar and lib/, or the release tarball
# of build-update-bundle.sh / build-kiosk-release.sh) carries JavaFX natives for the given machine,
# so an x86-64 build never reaches a Pi (it would start to a black screen: no libprism_es2.so for arm64).
#
#   check-kiosk-release.sh <release dir | release .tar.gz> [aarch64|x86_64]   (default aarch64)
#
# Exit 0 and one line per checked library on success; exit 1 with the reason otherwise.
# Needs python3 (zip reading) and tar.
set -euo pipefail
release=${1:?release directory or tarball}
arch=${2:-aarch64}
case "$arch" in
  aarch64) classifier=linux-aarch64 ;;
  x86_64) classifier=linux ;;
  *) echo "check-kiosk-release: machine must be aarch64 or x86_64, not '$arch'" >&2; exit 2 ;;
esac
work=""
trap '[ -n "$work" ] && rm -rf "$work"' EXIT
if [ -f "$release" ]; then
  work=$(mktemp -d)
  tar -C "$work" -xzf "$release" --wildcards '*/lib/javafx-*' '*/smartsenior-kiosk.jar' 2>/dev/null || true
  dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -print -quit)
  [ -n "$dir" ] || { echo "check-kiosk-release: $release holds no release directory" >&2; exit 1; }
else
  dir=$release
fi
[ -f "$dir/smartsenior-kiosk.jar" ] || { echo "check-kiosk-release: no smartsenior-kiosk.jar in $release" >&2; exit 1; }
exec python3 - "$dir/lib" "$classifier" "$arch" <<'PY'
import glob, os, re, struct, sys, zipfile
lib, classifier, arch = sys.argv[1:4]
MACHINES = {183: "aarch64", 62: "x86_64", 40: "arm", 3: "i386"}
def fail(why):
    print("check-kiosk-release: REFUSED: " + why, file=sys.stderr); sys.exit(1)
jars = sorted(glob.glob(os.path.join(lib, "javafx-*.jar")))
graphics = [j for j in jars if re.search(r"javafx-graphics-[^/]*-%s\.jar$" % re.escape(classifier), j)]
if not graphics:
    found = ", ".join(os.path.basename(j) for j in jars) or "none"
    fail("no javafx-graphics-*-%s.jar in lib/ (JavaFX jars found: %s); build with scripts/build-kiosk-release.sh --arch %s" % (classifier, found, arch))
checked = 0
for jar in jars:
    with zipfile.ZipFile(jar) as z:
        for name in z.namelist():
            if not name.endswith(".so"):
                continue
            head = z.open(name).read(20)
            if head[:4] != b"\x7fELF" or len(head) < 20:
                fail("%s in %s is not an ELF library" % (name, os.path.basename(jar)))
            machine = struct.unpack("<H", head[18:20])[0]
            if MACHINES.get(machine) != arch:
                fail("%s in %s is built for %s, not %s" % (name, os.path.basename(jar), MACHINES.get(machine, "machine %d" % machine), arch))
            print("%s %s: %s" % (os.path.basename(jar), name, arch))
            checked += 1
if not any(n.endswith("libprism_es2.so") for j in graphics for n in zipfile.ZipFile(j).namelist()):
    fail("%s has no libprism_es2.so (the Pi's OpenGL ES renderer)" % os.path.basename(graphics[0]))
print("check-kiosk-release: %d JavaFX native libraries, all %s" % (checked, arch))
PY
