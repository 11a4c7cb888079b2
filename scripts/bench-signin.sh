#!/usr/bin/env bash
# Sign-in timing (see docs/benchmarks.md): does a wrong password take as long for an unknown user
# name as for a known one?
#   scripts/bench-signin.sh            # SSC_BENCH_ROUNDS (default 40)
# Starts a whole server (embedded broker, SQLite) and times HTTP Basic calls over loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk
mvn -B -ntp -q -Dstyle.color=never -pl protocol,firmware-config,edge-app,server test -Dtest=SignInBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false
cat server/target/bench-signin.txt
