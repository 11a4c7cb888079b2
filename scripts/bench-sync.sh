#!/usr/bin/env bash
# Benchmark of the kiosk-to-server path (see docs/benchmarks.md):
#   scripts/bench-sync.sh [embedded|mosquitto-postgres]
# Starts a server (embedded broker + SQLite, or the machine's Mosquitto + a fresh PostgreSQL schema),
# registers a site and members, then runs the kiosk's SyncBenchmark: for each round it appends
# SSC_BENCH_RECORDS results to a fresh outbox while offline (durable appends), then connects and
# times until the server has acknowledged every one (publish, validate, commit, ack, delete).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ssc_select_jdk

MODE=${1:-embedded}
RECORDS=${SSC_BENCH_RECORDS:-5000}
ROUNDS=${SSC_BENCH_ROUNDS:-5}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while port_taken "$p"; do p=$((p + 1)); done; echo "$p"; }

[ -n "${SSC_BENCH_SKIP_BUILD:-}" ] || mvn -B -ntp -q -Dstyle.color=never -DskipTests package

DATA=$(mktemp -d)
HTTP_PORT=$(free_port 18080)
PASSWORD="bench-$RANDOM$RANDOM"
SCHEMA=""
SERVER_ENV=(SSC_HTTP_PORT="$HTTP_PORT" SSC_DATA_DIR="$DATA" SSC_ADMIN_PASSWORD="$PASSWORD")
case "$MODE" in
  embedded)
    MQTT_PORT=$(free_port 18830)
    SERVER_ENV+=(SSC_MQTT_URL= SSC_MQTT_PORT="$MQTT_PORT" SSC_DB_URL=)
    KIOSK_MQTT="tcp://127.0.0.1:$MQTT_PORT"
    ;;
  mosquitto-postgres)
    SCHEMA="bench_$RANDOM$RANDOM"
    psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA $SCHEMA"
    SERVER_ENV+=(SSC_MQTT_URL=tcp://127.0.0.1:1883 SSC_MQTT_SHARED_GROUP="bench-${SCHEMA#bench_}"
                 "SSC_DB_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$SCHEMA")
    KIOSK_MQTT="tcp://127.0.0.1:1883"
    ;;
  *) echo "usage: $0 [embedded|mosquitto-postgres]" >&2; exit 2 ;;
esac

SERVER_PID=""
cleanup() {
  [ -z "$SERVER_PID" ] || { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; }
  [ -z "$SCHEMA" ] || psql -h 127.0.0.1 -U postgres -d test -q -v ON_ERROR_STOP=1 -c "SET client_min_messages=warning" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" || true
  rm -rf "$DATA"
}
trap cleanup EXIT

env "${SERVER_ENV[@]}" java -jar server/target/smartsenior-server.jar > "$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped; its log:" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
  sleep 1
done
API="http://127.0.0.1:$HTTP_PORT/api"
auth=(-fs -u "admin:$PASSWORD" -H 'Content-Type: application/json')
curl "${auth[@]}" -X POST "$API/sites" -d '{"id":"bench-01","name":"벤치마크 경로당"}' >/dev/null
MEMBERS=""
for i in 1 2 3; do
  id=$(curl "${auth[@]}" -X POST "$API/members" -d "{\"siteId\":\"bench-01\",\"displayName\":\"측정 $i\",\"birthYear\":1945,\"sex\":\"F\"}" \
       | sed -E 's/.*"id":"([^"]+)".*/\1/')
  MEMBERS="${MEMBERS:+$MEMBERS,}$id"
done

echo "mode $MODE: $ROUNDS rounds of $RECORDS records, $(nproc) cores, $(java -version 2>&1 | head -1)"
SSC_SITE_ID=bench-01 SSC_MQTT_URL="$KIOSK_MQTT" SSC_SIM_MEMBERS="$MEMBERS" SSC_LOG_LEVEL=WARN \
  SSC_BENCH_RECORDS="$RECORDS" SSC_BENCH_ROUNDS="$ROUNDS" \
  java --enable-native-access=ALL-UNNAMED -cp edge-app/target/smartsenior-kiosk.jar kr.smartsenior.edge.bench.SyncBenchmark
echo "server counters: $(curl -fs -u "admin:$PASSWORD" "$API/ingest/stats")"
