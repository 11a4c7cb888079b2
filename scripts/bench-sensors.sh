#!/usr/bin/env bash
# Benchmark of the kiosk's sensor pipeline (see docs/benchmarks.md):
#   scripts/bench-sensors.sh
# Runs the real step-mat and TF-Luna drivers on Pi4J's mock providers at real-time speed: pad-edge
# to listener latency (median, p99) and the CPU share of the sensor threads at 50 Hz.
# SSC_BENCH_SECONDS (default 20) per round, SSC_BENCH_ROUNDS (default 3), SSC_BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk

[ -n "${SSC_BENCH_SKIP_BUILD:-}" ] || mvn -B -ntp -q -Dstyle.color=never -DskipTests -pl edge-app -am package

java --enable-native-access=ALL-UNNAMED -cp "edge-app/target/smartsenior-kiosk.jar" kr.smartsenior.edge.sensor.SensorBenchmark
