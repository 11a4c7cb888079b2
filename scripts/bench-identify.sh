#!/usr/bin/env bash
# Benchmark of card reading on the kiosk (see docs/benchmarks.md): decode time per 640x480 frame
# (clean, degraded, no card), recognition over SSC_BENCH_IMAGES (default 500) generated degraded
# card images (one frame, and a card held up for 3 frames with fresh noise) with false
# identifications counted (wrong texts, empty frames, foreign QR codes), and scan-to-identified
# latency through the identifier. Needs no broker or server. SSC_BENCH_SKIP_BUILD=1 skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
[ -n "${SSC_BENCH_SKIP_BUILD:-}" ] || mvn -B -ntp -q -Dstyle.color=never -DskipTests -pl edge-app -am package
exec java -cp edge-app/target/smartsenior-kiosk.jar kr.smartsenior.edge.identify.IdentifyBenchmark
