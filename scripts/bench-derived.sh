#!/usr/bin/env bash
# Benchmark of derived work, one server instance against two on one PostgreSQL (see docs/benchmarks.md):
#   scripts/bench-derived.sh
# Needs PostgreSQL at 127.0.0.1:5432 (scripts/services.sh). Stores SSC_BENCH_SITES sites (default 4) of
# SSC_BENCH_MEMBERS seniors (default 80) with three-year histories in a fresh schema, starts two servers
# in one JVM (embedded brokers), and times SSC_BENCH_ROUNDS rounds (default 5) of each: every senior's
# prescription and alerts and every site's roster due at once, done by one instance, then by two.
# SSC_DERIVED_THREADS (default 2) threads per instance. Prints the medians and the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
rm -f server/target/bench-derived.txt
SSC_REQUIRE_SERVICES=1 mvn -B -ntp -q -Dstyle.color=never -pl protocol,firmware-config,edge-app,server test \
    -Dtest=DerivedWorkBenchmark -Dsurefire.failIfNoSpecifiedTests=false
cat server/target/bench-derived.txt
