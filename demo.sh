#!/usr/bin/env bash
# The whole system on one machine: the server (embedded MQTT broker, SQLite) and a simulated,
# headless kiosk that keeps producing fitness results and, once the server's plans arrive in the
# roster, the seniors' prescribed exercise sessions with their effort ratings. Ctrl-C stops both.
#
#   ./demo.sh                 run until Ctrl-C
#   ./demo.sh --for 60        run for 60 seconds, then stop (used to check the demo itself)
#
# The kiosk's simulated seniors take the fitness tests on simulated sensors, measured by the real
# protocols, SSC_SIM_SPEED (30) times faster than real time: a visit of about four minutes takes ~8 s,
# a prescribed 10-minute exercise program 20 s.
#
# Settings (environment): SSC_HTTP_PORT (8080), SSC_MQTT_PORT (1883), SSC_DATA_DIR (./data/demo),
# SSC_ADMIN_PASSWORD (generated once and kept in the data directory).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
ssc_select_jdk

RUN_FOR=""
if [ "${1:-}" = "--for" ]; then RUN_FOR="${2:?--for needs seconds}"; fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() { # name wanted -> prints a free port, saying so when the wanted one is taken
  local name=$1 port=$2
  if port_taken "$port"; then
    local free=$port
    while port_taken "$free"; do free=$((free + 1)); done
    echo "Port $port ($name) is taken on this machine; using $free instead. Set $name to choose another." >&2
    port=$free
  fi
  echo "$port"
}

HTTP_PORT=$(pick_port SSC_HTTP_PORT "${SSC_HTTP_PORT:-8080}")
MQTT_PORT=$(pick_port SSC_MQTT_PORT "${SSC_MQTT_PORT:-1883}")
DATA_DIR=${SSC_DATA_DIR:-./data/demo}
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)

PASSWORD_FILE="$DATA_DIR/admin-password"
if [ -n "${SSC_ADMIN_PASSWORD:-}" ]; then
  ADMIN_PASSWORD=$SSC_ADMIN_PASSWORD
elif [ -s "$PASSWORD_FILE" ]; then
  ADMIN_PASSWORD=$(cat "$PASSWORD_FILE")
else
  ADMIN_PASSWORD="demo-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"
  (umask 077 && printf '%s' "$ADMIN_PASSWORD" > "$PASSWORD_FILE")
fi

echo "Building (mvn -DskipTests package)…"
mvn -B -ntp -q -Dstyle.color=never -DskipTests package

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  echo
  echo "Stopping the demo…"
  for pid in "${PIDS[@]}" ${SCREEN_PID:-}; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "Starting the server: http://localhost:$HTTP_PORT (embedded MQTT broker on 127.0.0.1:$MQTT_PORT, data in $DATA_DIR)"
# The demo's visits are 30 times faster than real ones, so a senior's plan is re-made after 10 s
# without a new result (at most a minute after the first), not after the real 10 / 60 minutes: the
# longest pause between two results of one visit is ~7 s, and the plan must come soon enough for the
# simulated seniors to exercise by it within the demo's first minute.
SSC_HTTP_PORT=$HTTP_PORT SSC_MQTT_PORT=$MQTT_PORT SSC_MQTT_URL= SSC_DB_URL= SSC_DATA_DIR="$DATA_DIR" \
  SSC_ADMIN_PASSWORD="$ADMIN_PASSWORD" SSC_PRESCRIPTION_QUIET_PERIOD="${SSC_PRESCRIPTION_QUIET_PERIOD:-10s}" \
  SSC_PRESCRIPTION_MAX_DELAY="${SSC_PRESCRIPTION_MAX_DELAY:-60s}" \
  java -jar server/target/smartsenior-server.jar > "$DATA_DIR/server.log" 2>&1 &
PIDS+=($!)

for _ in $(seq 1 120); do
  curl -fs "http://localhost:$HTTP_PORT/actuator/health" >/dev/null 2>&1 && break
  if ! kill -0 "${PIDS[0]}" 2>/dev/null; then
    echo "The server stopped while starting; its log:" >&2
    tail -30 "$DATA_DIR/server.log" >&2
    exit 1
  fi
  sleep 1
done
curl -fs "http://localhost:$HTTP_PORT/actuator/health" >/dev/null || { echo "The server did not become healthy; see $DATA_DIR/server.log" >&2; exit 1; }

API="http://localhost:$HTTP_PORT/api"
auth=(-u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json')
MEMBERS_FILE="$DATA_DIR/demo-members"
if [ ! -s "$MEMBERS_FILE" ]; then
  curl -fs "${auth[@]}" -X POST "$API/sites" -d '{"id":"demo-01","name":"스마트 경로당 (데모)"}' >/dev/null
  ids=()
  for member in '{"siteId":"demo-01","displayName":"김순자","birthYear":1944,"sex":"F"}' \
                '{"siteId":"demo-01","displayName":"이영호","birthYear":1950,"sex":"M"}' \
                '{"siteId":"demo-01","displayName":"박말순","birthYear":1938,"sex":"F"}'; do
    ids+=("$(curl -fs "${auth[@]}" -X POST "$API/members" -d "$member" | sed -E 's/.*"id":"([^"]+)".*/\1/')")
  done
  (IFS=,; echo "${ids[*]}") > "$MEMBERS_FILE"
fi
MEMBERS=$(cat "$MEMBERS_FILE")
FIRST_MEMBER=${MEMBERS%%,*}

echo "Starting a simulated kiosk (site demo-01, device kiosk-01) for members $MEMBERS"
SSC_SITE_ID=demo-01 SSC_DEVICE_ID=kiosk-01 SSC_MQTT_URL="tcp://127.0.0.1:$MQTT_PORT" \
  SSC_DATA_DIR="$DATA_DIR/kiosk" SSC_SIM_MEMBERS="$MEMBERS" SSC_SIM_INTERVAL_MS="${SSC_SIM_INTERVAL_MS:-1000}" \
  SSC_SIM_SPEED="${SSC_SIM_SPEED:-30}" \
  java -jar edge-app/target/smartsenior-kiosk.jar --simulate --headless > "$DATA_DIR/kiosk.log" 2>&1 &
PIDS+=($!)

# On a desktop, a second kiosk shows the seniors' screens in a window: keys stand in for the pads
# and 1-3 show the demo seniors' cards (README, "The kiosk screens"). SSC_DEMO_SCREEN=0 turns it off.
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${SSC_DEMO_SCREEN:-1}" != 0 ]; then
  echo "Starting a kiosk screen in a window (site demo-01, device kiosk-02): keys 1-3 show a senior's card"
  SSC_SITE_ID=demo-01 SSC_DEVICE_ID=kiosk-02 SSC_MQTT_URL="tcp://127.0.0.1:$MQTT_PORT" \
    SSC_DATA_DIR="$DATA_DIR/kiosk-screen" SSC_SIM_MEMBERS="$MEMBERS" SSC_UI_WINDOWED=1 \
    java -jar edge-app/target/smartsenior-kiosk.jar --simulate > "$DATA_DIR/kiosk-screen.log" 2>&1 &
  SCREEN_PID=$! # not in PIDS: closing the window (Ctrl+Q) does not end the demo
fi

echo
echo "Dashboard: http://localhost:$HTTP_PORT/  (sign in as admin, password $ADMIN_PASSWORD)"
echo "API: $API"
echo "  curl -u admin:$ADMIN_PASSWORD $API/ingest/stats"
echo "  curl -u admin:$ADMIN_PASSWORD $API/members/$FIRST_MEMBER/measurements"
echo "Logs: $DATA_DIR/server.log, $DATA_DIR/kiosk.log"
echo

started=$(date +%s)
while :; do
  sleep 5
  for i in "${!PIDS[@]}"; do
    kill -0 "${PIDS[$i]}" 2>/dev/null || { echo "A demo process stopped; see the logs in $DATA_DIR" >&2; exit 1; }
  done
  stats=$(curl -fs -u "admin:$ADMIN_PASSWORD" "$API/ingest/stats" || echo '{}')
  stored=$(sed -nE 's/.*"stored":([0-9]+).*/\1/p' <<<"$stats")
  duplicate=$(sed -nE 's/.*"duplicate":([0-9]+).*/\1/p' <<<"$stats")
  rejected=$(sed -nE 's/.*"rejected":([0-9]+).*/\1/p' <<<"$stats")
  echo "$(date +%H:%M:%S)  서버에 저장된 측정 결과 ${stored:-?}건 · stored ${stored:-?}, re-sent ${duplicate:-?}, rejected ${rejected:-?}"
  if [ -n "$RUN_FOR" ] && [ $(( $(date +%s) - started )) -ge "$RUN_FOR" ]; then
    break
  fi
done
