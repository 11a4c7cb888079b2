#!/usr/bin/env bash
# Screenshots of the dashboard's main pages (see docs/screenshots/README or docs/architecture.md):
#   scripts/dashboard-screenshots.sh [DIR]      (default docs/screenshots)
# Runs the browser test DashboardBrowserIT (headless Chromium at tablet size, 1280x800, with a
# seeded site of Korean seniors) and saves dashboard-*.png into DIR.
# Needs the packages chromium and chromium-driver (scripts/services.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$(realpath -m "${1:-docs/screenshots}")"
. scripts/jdk.sh
ssc_select_jdk
SSC_REQUIRE_SERVICES=1 mvn -B -ntp -q -Dstyle.color=never -pl server -am verify -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DashboardBrowserIT,AlertInboxBrowserIT -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dssc.screenshots="$dir"
ls -1 "$dir"/dashboard-*.png
