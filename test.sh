#!/usr/bin/env bash
# Runs every test: unit tests (Surefire) and integration tests (Failsafe) against the real
# broker and database when they are there. Set SSC_REQUIRE_SERVICES=1 to fail instead of skip
# when Mosquitto (127.0.0.1:1883) or PostgreSQL (127.0.0.1:5432, database "test") is missing.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
ssc_select_jdk
exec mvn -B -ntp -Dstyle.color=never verify "$@"
