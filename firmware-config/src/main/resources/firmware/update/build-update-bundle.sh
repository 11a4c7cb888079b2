#!/usr/bin/env bash
# On the build machine: packs the kiosk (edge-app/target/smartsenior-kiosk.jar and lib/) as a signed
# update bundle for ssc-update.sh.
#
#   build-update-bundle.sh <version> <kiosk dir with smartsenior-kiosk.jar and lib/> <private key.pem> <out dir>
#
# The release also carries kiosk-session.sh (the screen session's start script, from ../kiosk-session/).
# Writes <out>/smartsenior-kiosk-<version>.tar.gz and its .sig (RSA/SHA-256 over the tarball, made with
# openssl). Keep the private key off the servers; kiosks hold only the public key.
set -euo pipefail
version=${1:?version}; src=${2:?kiosk directory}; key=${3:?private key}; out=${4:?output directory}
[[ $version =~ ^[0-9A-Za-z][0-9A-Za-z.+-]{0,40}$ ]] || { echo "version '$version' is not a plain version name" >&2; exit 2; }
[ -f "$src/smartsenior-kiosk.jar" ] || { echo "$src has no smartsenior-kiosk.jar" >&2; exit 2; }
mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$version"
cp -R "$src"/. "$stage/$version/"
echo "$version" > "$stage/$version/VERSION"
# the screen session starts /opt/smartsenior/kiosk/kiosk-session.sh: it travels with each release
here=$(cd "$(dirname "$0")" && pwd)
session=""
for candidate in "$here/kiosk-session.sh" "$here/../kiosk-session/kiosk-session.sh"; do
  if [ -f "$candidate" ]; then session=$candidate; break; fi
done
[ -n "$session" ] || { echo "kiosk-session.sh not found beside $0 or in ../kiosk-session/" >&2; exit 2; }
install -m 0755 "$session" "$stage/$version/kiosk-session.sh"
tarball="$out/smartsenior-kiosk-$version.tar.gz"
tar -C "$stage" -czf "$tarball" "$version"
openssl dgst -sha256 -sign "$key" -out "$tarball.sig" "$tarball"
echo "$tarball"
