#!/usr/bin/env bash
# Load generator and benchmark of ingest on PostgreSQL (see docs/benchmarks.md and decision 0036):
#   scripts/bench-ingest.sh [standard|overload|reconnect-storm] [--kiosks N] [--connections N]
#       [--duration S] [--rate R] [--batch N] [--backlog N] [--server-heap 1g] [--skip broker,db]
#       [--jfr /tmp/server.jfr] [--machine-broker] [--skip-build]
# Needs the mosquitto binary and PostgreSQL at 127.0.0.1:5432 (scripts/services.sh installs and starts
# both). It runs a Mosquitto of its own on a free port, set as docs/operations.md says (Nagle off,
# in-flight 100, queue 10,000); --machine-broker uses the one at 127.0.0.1:1883 as it was started. Simulated kiosks (default 1,000, sharing 20 MQTT connections) publish batches of 10
# records in the protocol's format.
#   standard         (a) the broker with a subscriber that acks at once, (b) PostgreSQL alone (the
#                    server's write path, COPY), (c) the server's jar end to end (publish → commit →
#                    ack); closed loop (next batch after the ack) for --duration seconds, then a fixed
#                    --rate (records/s offered); medians of 10 s windows, ack p50/p95/p99, ratios
#   overload         3× the sustainable rate for 60 s, then --rate: recovery time, lost (acked but
#                    not stored, must be 0), stored twice (must be 0)
#   reconnect-storm  every kiosk connects at once with --backlog records (default 200, batches of 50):
#                    time to drain completely, the server's heap
# The generator's own heap is bounded (-Xmx768m): it keeps no payloads, one bit per record.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk

MODE=standard
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    standard|overload|reconnect-storm) MODE=$1 ;;
    --kiosks) export SSC_BENCH_KIOSKS=$2; shift ;;
    --connections) export SSC_BENCH_CONNECTIONS=$2; shift ;;
    --duration) export SSC_BENCH_DURATION=$2; shift ;;
    --rate) export SSC_BENCH_RATE=$2; shift ;;
    --batch) export SSC_BENCH_BATCH=$2; shift ;;
    --backlog) export SSC_BENCH_BACKLOG=$2; shift ;;
    --server-heap) export SSC_BENCH_SERVER_HEAP=$2; shift ;;
    --skip) export SSC_BENCH_SKIP=$2; shift ;;
    --machine-broker) export SSC_BENCH_BROKER=machine ;;
    --jfr) export SSC_BENCH_JFR=$2; shift ;;
    --skip-build) BUILD="" ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
  shift
done
export SSC_BENCH_MODE=$MODE
REACTOR=protocol,firmware-config,edge-app,server
[ -z "$BUILD" ] || mvn -B -ntp -q -Dstyle.color=never -pl "$REACTOR" -DskipTests package
SSC_REQUIRE_SERVICES=1 mvn -B -ntp -q -Dstyle.color=never -pl "$REACTOR" test -Dtest=IngestBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx768m
cat server/target/bench-ingest.txt
