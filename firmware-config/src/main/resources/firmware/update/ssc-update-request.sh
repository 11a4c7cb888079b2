#!/usr/bin/env bash
# Carries out an update the kiosk asked for (decision 0040): run as root by smartsenior-update.service when
# smartsenior-update.path sees <dir>/request. The kiosk (user ssc, NoNewPrivileges) downloaded the bundle and
# its signature into <dir> and checked their SHA-256 against the server's command; ssc-update.sh checks the
# signature against the kiosk's update key, switches, restarts the kiosk unit first boot enabled and rolls
# back if it does not stay up. The result is left for the kiosk's next start (or for it still running):
#   <dir>/result       "<exit code>"   (0 installed and stayed up; 1 refused or rolled back; 2 unusable)
#   <dir>/result.log   what ssc-update.sh said
#
#   ssc-update-request.sh <dir>      (default /var/lib/smartsenior/update)
# Environment: SSC_UPDATE_SCRIPT (default: ssc-update.sh beside this script), and what ssc-update.sh reads.
set -euo pipefail
dir=${1:-/var/lib/smartsenior/update}
[ -f "$dir/request" ] || exit 0
here=$(cd "$(dirname "$0")" && pwd)
UPDATE=${SSC_UPDATE_SCRIPT:-$here/ssc-update.sh}
# the request's content is never read: as root, that would read whatever file the kiosk's user linked there
# the directory belongs to the kiosk's user: write nothing through a path it could have made a symlink;
# results are made in a private directory and renamed into place (a rename replaces the name, never follows it)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
set +e
"$UPDATE" install "$dir/bundle.tar.gz" "$dir/bundle.tar.gz.sig" > "$out/result.log" 2>&1
code=$?
set -e
printf '%s\n' "$code" > "$out/result"
chmod 0644 "$out/result" "$out/result.log"
rm -f "$dir/request"
mv -fT "$out/result.log" "$dir/result.log"
mv -fT "$out/result" "$dir/result"
rm -f "$dir/bundle.tar.gz" "$dir/bundle.tar.gz.sig"
exit 0
