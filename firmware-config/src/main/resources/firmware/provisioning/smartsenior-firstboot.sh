#!/usr/bin/env bash
# First boot of a new kiosk: installs the device's bundle (made by POST /api/sites/{site}/devices and
# copied as smartsenior-bundle.json onto the SD card's boot partition or a USB stick), enables the
# kiosk service and the hardware watchdog, and removes the bundle (it holds the device's password).
# Run once by smartsenior-firstboot.service; safe to run again with a new bundle (a replaced kiosk).
#
#   smartsenior-firstboot.sh [bundle.json]
#
# Environment (for tests and for imaging a card on another machine):
#   SSC_ROOT     the root of the Pi's file system (default /)
#   SYSTEMCTL    the systemctl to call (default systemctl; "true" to skip)
#   SSC_ENABLE_OVERLAY=1   also switch on the read-only root overlay (raspi-config), see docs/operations.md
set -euo pipefail

ROOT=${SSC_ROOT:-/}
ROOT=${ROOT%/}
SYSTEMCTL=${SYSTEMCTL:-systemctl}
ETC="$ROOT/etc/smartsenior"
DATA="$ROOT/var/lib/smartsenior"
ENV_FILE="$ETC/kiosk.env"
log() { echo "smartsenior-firstboot: $*" >&2; }

bundle=${1:-}
if [ -z "$bundle" ]; then
  for candidate in "$ROOT/boot/firmware/smartsenior-bundle.json" "$ROOT/boot/smartsenior-bundle.json" \
                   "$ROOT"/media/*/smartsenior-bundle.json "$ROOT"/media/*/*/smartsenior-bundle.json; do
    if [ -f "$candidate" ]; then bundle=$candidate; break; fi
  done
fi
if [ -z "$bundle" ] || [ ! -f "$bundle" ]; then
  log "no smartsenior-bundle.json on the boot partition or a USB stick; nothing to install"
  exit 3
fi

# Read and check the bundle; print shell-safe KEY=value lines (python3 is part of Raspberry Pi OS).
values=$(python3 - "$bundle" <<'PY'
import json, re, sys
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,31}\Z")
def fail(why):
    print("bundle refused: " + why, file=sys.stderr); sys.exit(1)
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        b = json.load(f)
except Exception as e:
    fail("not JSON (%s)" % e.__class__.__name__)
if not isinstance(b, dict) or b.get("format") != 1:
    fail("format must be 1")
mqtt = b.get("mqtt") or {}
site, device = b.get("siteId"), b.get("deviceId")
for name, value in (("siteId", site), ("deviceId", device)):
    if not isinstance(value, str) or not ID.match(value):
        fail(name + " must be 1-32 lower-case letters, digits and hyphens")
url = mqtt.get("url")
if not isinstance(url, str) or not re.match(r"(tcp|ssl|ws|wss)://[^\s'\"]+\Z", url):
    fail("mqtt.url must look like ssl://host:8883")
user, password = mqtt.get("username"), mqtt.get("password")
for name, value in (("mqtt.username", user), ("mqtt.password", password)):
    if not isinstance(value, str) or not re.match(r"[A-Za-z0-9._-]{1,64}\Z", value):
        fail(name + " missing or not plain letters and digits")
pin = b.get("pinMapRevision") or "rev-a"
if not re.match(r"[a-z0-9][a-z0-9.-]{0,31}\Z", pin):
    fail("pinMapRevision is not a revision name")
print("SITE=" + site); print("DEVICE=" + device); print("URL=" + url)
print("USER=" + user); print("PASSWORD=" + password); print("PIN=" + pin)
print("CA=" + ("1" if mqtt.get("caCertificatePem") else ""))
print("CONFIG=" + ("1" if isinstance(b.get("config"), dict) else ""))
PY
) || { log "the bundle $bundle was refused; nothing changed"; exit 1; }
get() { sed -n "s/^$1=//p" <<<"$values"; }

install -d -m 0755 "$ETC"
install -d -m 0750 "$DATA"
tmp="$ENV_FILE.tmp"
umask 027
cat > "$tmp" <<ENV
# Written by smartsenior-firstboot from the device's bundle. Holds the device's broker password.
SSC_SITE_ID=$(get SITE)
SSC_DEVICE_ID=$(get DEVICE)
SSC_MQTT_URL=$(get URL)
SSC_MQTT_USER=$(get USER)
SSC_MQTT_PASSWORD=$(get PASSWORD)
SSC_PIN_MAP_REVISION=$(get PIN)
SSC_DATA_DIR=/var/lib/smartsenior
ENV
if [ -n "$(get CA)" ]; then
  # the kiosk trusts only the district CA for its ssl:// broker (written below)
  echo "SSC_MQTT_CA_FILE=/etc/smartsenior/ca.crt" >> "$tmp"
fi
chmod 0640 "$tmp"
mv -f "$tmp" "$ENV_FILE"

if [ -n "$(get CA)" ]; then
  python3 -c 'import json,sys; sys.stdout.write(json.load(open(sys.argv[1]))["mqtt"]["caCertificatePem"])' "$bundle" > "$ETC/ca.crt"
  chmod 0644 "$ETC/ca.crt"
fi
if [ -n "$(get CONFIG)" ]; then
  # the kiosk starts with the configuration it was provisioned with; later ones come over MQTT
  python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))["config"], sys.stdout)' "$bundle" > "$DATA/remote-config.json"
fi
if id ssc >/dev/null 2>&1 && [ "$ROOT" = "" ]; then
  chgrp ssc "$ENV_FILE" && chown -R ssc:ssc "$DATA"
fi

# The bundle holds the password: do not leave it on a FAT partition anyone can read.
if command -v shred >/dev/null 2>&1; then shred -u "$bundle"; else rm -f "$bundle"; fi

"$SYSTEMCTL" enable smartsenior-kiosk.service
if [ "${SSC_ENABLE_OVERLAY:-}" = 1 ] && [ "$ROOT" = "" ] && command -v raspi-config >/dev/null 2>&1; then
  raspi-config nonint enable_overlayfs   # takes effect at the next boot
fi
date -u +%Y-%m-%dT%H:%M:%SZ > "$ETC/provisioned"
log "installed kiosk $(get DEVICE) of site $(get SITE); the kiosk starts now"
"$SYSTEMCTL" restart smartsenior-kiosk.service
