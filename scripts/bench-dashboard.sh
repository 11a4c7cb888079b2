#!/usr/bin/env bash
# Benchmark of the dashboard's pages on PostgreSQL (see docs/benchmarks.md):
#   scripts/bench-dashboard.sh
# Needs PostgreSQL at 127.0.0.1:5432 (scripts/services.sh starts it). In a fresh schema (dropped
# afterwards) it generates SSC_BENCH_SENIORS seniors (default 1000; half in one site, the rest in
# sites of 50) with SSC_BENCH_YEARS (default 3) years of results each (nine tests every four weeks,
# exercise twice a week), then prints median and p95 server time of the site overview and the
# senior page over SSC_BENCH_ROUNDS requests (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
SSC_REQUIRE_SERVICES=1 mvn -B -ntp -q -Dstyle.color=never -pl server -am test -Dtest=DashboardBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false
cat server/target/bench-dashboard.txt
