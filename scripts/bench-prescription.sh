#!/usr/bin/env bash
# Benchmark of evaluation and prescription (see docs/benchmarks.md):
#   scripts/bench-prescription.sh
# Starts the server in-process (embedded broker, SQLite in a temp folder), stores a site of
# SSC_BENCH_MEMBERS seniors (default 60) with SSC_BENCH_YEARS (default 5) years of weekly tests
# and three exercise sessions a week each, and prints the medians of SSC_BENCH_ROUNDS (default 9):
# evaluate one senior, evaluate and prescribe one senior, re-prescribe the whole site.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
mvn -B -ntp -q -Dstyle.color=never -pl server -am test -Dtest=PrescriptionBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false
cat server/target/bench-prescription.txt
