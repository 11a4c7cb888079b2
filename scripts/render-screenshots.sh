#!/usr/bin/env bash
# Renders every kiosk screen (the gallery in EveryScreenTest) at 1920x1080 into docs/screenshots/,
# on the headless JavaFX platform, checking the rules for seniors on each as it goes.
# The PNGs are generated, never edited by hand: run this after changing a screen and commit them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
OUT="$PWD/docs/screenshots"
rm -f "$OUT"/*.png
mvn -B -ntp -q -pl edge-app -am verify -Dtest=EveryScreenTest -Dit.test=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dssc.screenshots="$OUT"
echo "$(ls "$OUT"/*.png | wc -l) screens in $OUT"
