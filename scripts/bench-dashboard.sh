#!/usr/bin/env bash
# Benchmark of the dashboard's pages on PostgreSQL (see docs/benchmarks.md):
#   scripts/bench-dashboard.sh
# Needs a JDK 25 (selected by scripts/jdk.sh), Maven and PostgreSQL at 127.0.0.1:5432 with trust auth
# and a database "test" (scripts/services.sh: ssc_install_prerequisites, ssc_start_services); no broker.
# In a fresh schema (dropped afterwards) it generates SSC_BENCH_SENIORS seniors (default 1000; half in
# one site, the rest in sites of 50) with SSC_BENCH_YEARS (default 3) years of results each (nine tests
# every four weeks, exercise twice a week with its effort answer), then prints p50/p95/p99 server time
# of the site overview, the senior page and the alert inbox over SSC_BENCH_ROUNDS requests (default 60),
# and of 10 staff signed in at once. SSC_BENCH_SCHEMA=it_name keeps the data in that schema and reuses
# it on the next run (to time two builds on the same data; drop it with DROP SCHEMA it_name CASCADE).
# Takes about 6 minutes on 2 cores (generating ~2.5 of them; more on a busy machine).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "PostgreSQL is not listening on 127.0.0.1:5432. Start it first, e.g.:" >&2
  echo "  bash -c '. scripts/services.sh; ssc_install_prerequisites; ssc_start_services'" >&2
  exit 2
fi
started=$(date +%s)
echo "Building the server and running DashboardBenchmark (load average now: $(cut -d' ' -f1-3 /proc/loadavg))..."
SSC_REQUIRE_SERVICES=1 mvn -B -ntp -q -Dstyle.color=never -pl server -am test -Dtest=DashboardBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false
cat server/target/bench-dashboard.txt
echo "whole run: $(( $(date +%s) - started )) s"
