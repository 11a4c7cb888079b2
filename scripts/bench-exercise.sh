#!/usr/bin/env bash
# Benchmark of the exercise programs' feedback (see docs/benchmarks.md):
#   scripts/bench-exercise.sh
# A step & jump session at level 5 on simulated sensors at real-time speed, played by a quick simulated
# senior through the real adapter and the screens' controller: pad edge to feedback (median, p99) in the
# exercise engine and on the controller's thread. SSC_BENCH_PLAY_S (default 120) seconds of play per
# round, SSC_BENCH_ROUNDS (default 3), SSC_BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
ROUNDS=${SSC_BENCH_ROUNDS:-3}
[ -n "${SSC_BENCH_SKIP_BUILD:-}" ] || mvn -B -ntp -q -Dstyle.color=never -DskipTests -pl edge-app -am package
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round: $(java -Dlogback.configurationFile=kiosk-logback.xml -cp edge-app/target/smartsenior-kiosk.jar \
    kr.smartsenior.edge.bench.ExerciseBenchmark 2>/dev/null | grep '^hits=')"
done
