#!/usr/bin/env bash
# Benchmarks the kiosk screen: JVM start to the first drawn idle screen, pad press to the next screen
# laid out for drawing, and resident memory (RSS) after three full journeys. Each round is a fresh JVM
# running kr.smartsenior.edge.bench.UiBenchmark under a virtual 1920x1080 display (Xvfb, GTK glass).
#
#   scripts/bench-ui.sh                    # 5 rounds with the Pi's JVM options (firmware-config)
#   SSC_BENCH_ROUNDS=3 SSC_BENCH_SKIP_BUILD=1 SSC_BENCH_JVM_OPTS="-Xmx256m" scripts/bench-ui.sh
#
# Needs: xvfb (Debian: apt-get install xvfb) and GTK 3 (libgtk-3-0) for JavaFX's desktop platform.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
ROUNDS=${SSC_BENCH_ROUNDS:-5}
# the JVM options of the kiosk's systemd unit on a Raspberry Pi 4 with 2 GB
PI_OPTS=$(sed -n 's/^SSC_KIOSK_JAVA_OPTS="\(.*\)"$/\1/p' firmware-config/src/main/resources/firmware/kiosk-session/kiosk-java.env)
# the Pi keeps its AppCDS archive in /var/lib/smartsenior; here a temporary folder does
CDS_DIR=$(mktemp -d)
JVM_OPTS=${SSC_BENCH_JVM_OPTS:-${PI_OPTS//\/var\/lib\/smartsenior/$CDS_DIR}}
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install xvfb" >&2; exit 1; }
if [ -z "${SSC_BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -ntp -q -pl edge-app -am package -DskipTests
fi
results=$(mktemp); trap 'rm -f "$results"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  # shellcheck disable=SC2086
  line=$(SSC_DATA_DIR=$(mktemp -d) xvfb-run -a -s "-screen 0 1920x1080x24" \
    java $JVM_OPTS -Dlogback.configurationFile=kiosk-logback.xml \
      -cp edge-app/target/smartsenior-kiosk.jar kr.smartsenior.edge.bench.UiBenchmark 2>/dev/null | grep '^startup_ms=')
  echo "round $round: $line"
  echo "$line" >> "$results"
done
median() { # key
  sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$results" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
echo "JVM options: $JVM_OPTS"
echo "medians of $ROUNDS rounds: startup $(median startup_ms) ms, RSS after journeys $(median rss_mb) MB," \
  "pad reaction $(median pad_reaction_median_ms) ms (median), $(median pad_reaction_max_ms) ms (max)"
