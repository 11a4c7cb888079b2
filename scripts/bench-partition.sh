#!/usr/bin/env bash
# Benchmark of measurement's monthly partitions on PostgreSQL (decision 0038, docs/benchmarks.md):
#   scripts/bench-partition.sh
# Needs PostgreSQL at 127.0.0.1:5432 (scripts/services.sh starts it). Two fresh schemas (dropped
# afterwards) get the same district (SSC_BENCH_SENIORS seniors, default 1000, SSC_BENCH_YEARS years,
# default 3, as scripts/bench-dashboard.sh makes it), one plain and one migrated by V45; then the
# pages' measurement queries and the ingest's insert run on both in turn, SSC_BENCH_ROUNDS rounds
# (default 30), and the medians and their ratios are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
SSC_REQUIRE_SERVICES=1 mvn -B -ntp -q -Dstyle.color=never -pl server -am test -Dtest=PartitionBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false
cat server/target/bench-partition.txt
