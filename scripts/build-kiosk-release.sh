#!/usr/bin/env bash
# Builds the kiosk release for the Pi (or this machine) in one command, on any build machine:
#
#   scripts/build-kiosk-release.sh [--arch aarch64|x86_64] [--version <version>] [--out <dir>] [--sign <key.pem>]
#
# --arch     aarch64 (default: the Raspberry Pi's arm64) or x86_64
# --version  the release's version (default: the project's version from pom.xml)
# --out      where the tarball goes (default: out/)
# --sign     also sign it for ssc-update.sh (RSA/SHA-256, as firmware/update/build-update-bundle.sh does)
#
# Runs Maven with -Djavafx.platform=linux-aarch64 (the openjfx jars with the Pi's natives: libprism_es2.so,
# libglass.so, ... for arm64) and the edge-app profile kiosk-release (built in
# edge-app/target/release-<platform>/, tests skipped: another machine's natives do not load here), packs
# <out>/smartsenior-kiosk-<version>.tar.gz in the layout ssc-update.sh and make-kiosk-image.sh take
# (<version>/smartsenior-kiosk.jar, lib/, kiosk-session.sh, VERSION) and checks that every JavaFX native
# library in it is built for that machine (scripts/check-kiosk-release.sh). Prints the tarball's path.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
arch=aarch64 version="" out=out key=""
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=${2:?}; shift 2 ;;
    --version) version=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --sign) key=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-kiosk-release: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$arch" in
  aarch64|arm64) arch=aarch64; platform=linux-aarch64 ;;
  x86_64|amd64) arch=x86_64; platform=linux ;;
  *) echo "build-kiosk-release: --arch must be aarch64 (the Pi) or x86_64" >&2; exit 2 ;;
esac
if [ -z "$version" ]; then
  version=$(python3 -c 'import xml.etree.ElementTree as E; n={"m":"http://maven.apache.org/POM/4.0.0"}; print(E.parse("pom.xml").getroot().find("m:version", n).text)')
fi
[[ $version =~ ^[0-9A-Za-z][0-9A-Za-z.+-]{0,40}$ ]] || { echo "build-kiosk-release: version '$version' is not a plain version name" >&2; exit 2; }
[ -z "$key" ] || [ -f "$key" ] || { echo "build-kiosk-release: no signing key $key" >&2; exit 2; }

. scripts/jdk.sh
ssc_select_jdk
mvn -B -ntp -q -Pkiosk-release -Djavafx.platform="$platform" -DskipTests \
  -pl protocol,firmware-config,edge-app package
built="$repo/edge-app/target/release-$platform"
[ -f "$built/smartsenior-kiosk.jar" ] && [ -d "$built/lib" ] || { echo "build-kiosk-release: Maven left no kiosk in $built" >&2; exit 1; }

mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$version"
cp "$built/smartsenior-kiosk.jar" "$stage/$version/"
cp -R "$built/lib" "$stage/$version/lib"
install -m 0755 firmware-config/src/main/resources/firmware/kiosk-session/kiosk-session.sh "$stage/$version/kiosk-session.sh"
echo "$version" > "$stage/$version/VERSION"
tarball="$out/smartsenior-kiosk-$version.tar.gz"
tar -C "$stage" -czf "$tarball" "$version"
scripts/check-kiosk-release.sh "$tarball" "$arch" >&2 || { rm -f "$tarball"; exit 1; }
if [ -n "$key" ]; then
  openssl dgst -sha256 -sign "$key" -out "$tarball.sig" "$tarball"
fi
echo "$tarball"
