#!/usr/bin/env bash
# First boot of a new kiosk: installs the device's bundle (made by POST /api/sites/{site}/devices and
# copied as smartsenior-bundle.json onto the SD card's boot partition or a USB stick), enables the
# kiosk service and the hardware watchdog, and removes the bundle (it holds the device's password).
# Run once by smartsenior-firstboot.service; safe to run again with a new bundle (a replaced kiosk).
#
# Without a bundle, but with the server's address in smartsenior-server.txt on the boot partition (or
# SSC_ENROLL_URL), it enrolls by code instead: asks the server for a short code, shows it on the
# screen (tty1), waits until an admin enters it in the dashboard (새 키오스크 등록), then fetches the
# bundle once and installs it as above.
#
#   smartsenior-firstboot.sh [bundle.json]
#
# Environment (for tests and for imaging a card on another machine):
#   SSC_ROOT     the root of the Pi's file system (default /)
#   SYSTEMCTL    the systemctl to call (default systemctl; "true" to skip)
#   SSC_ENABLE_OVERLAY=1   also switch on the read-only root overlay (raspi-config), see docs/operations.md
#   SSC_KIOSK_UNIT         the unit to enable and start (default: the one the image command recorded in
#                          /etc/smartsenior/kiosk-unit, else smartsenior-kiosk-screen.service: the screen on
#                          the real devices; smartsenior-kiosk-sim.service is the headless simulation)
#   APT_GET                the apt-get to call for /opt/smartsenior/packages.txt (default apt-get)
#   SSC_PACKAGES_RETRY_S   seconds between tries while the packages cannot be installed (default 30)
#   SSC_PACKAGES_MAX_TRIES give up after this many tries (exit 6, nothing else done; default: for ever)
#   SSC_ENROLL_URL         the server (https://ssc.<district>.go.kr); else smartsenior-server.txt
#   SSC_SCREEN             where the code is shown (default /dev/tty1)
#   SSC_ENROLL_POLL_S      seconds between polls (default: what the server says, 5)
#   SSC_ENROLL_MAX_WAIT_S  give up after this many seconds (exit 4; default: wait for ever)
#   SSC_ENROLL_ALLOW_HTTP=1  TESTS ONLY: accept an http:// server. The answer holds the device's broker
#                          password and the CA it will trust alone, so a real kiosk enrolls over https://
#                          only (exit 5 otherwise); the server's integration test runs plain HTTP.
set -euo pipefail

ROOT=${SSC_ROOT:-/}
ROOT=${ROOT%/}
SYSTEMCTL=${SYSTEMCTL:-systemctl}
ETC="$ROOT/etc/smartsenior"
DATA="$ROOT/var/lib/smartsenior"
ENV_FILE="$ETC/kiosk.env"
KIOSK_UNIT=${SSC_KIOSK_UNIT:-}
if [ -z "$KIOSK_UNIT" ] && [ -f "$ETC/kiosk-unit" ]; then
  KIOSK_UNIT=$(head -n 1 "$ETC/kiosk-unit" | tr -d '[:space:]')   # recorded by make-kiosk-image.sh
fi
KIOSK_UNIT=${KIOSK_UNIT:-smartsenior-kiosk-screen.service}
case "$KIOSK_UNIT" in
  smartsenior-kiosk-screen.service|smartsenior-kiosk-sim.service) ;;
  *) echo "smartsenior-firstboot: SSC_KIOSK_UNIT must be smartsenior-kiosk-screen.service or smartsenior-kiosk-sim.service (it comes from the environment or /etc/smartsenior/kiosk-unit)" >&2; exit 2 ;;
esac
log() { echo "smartsenior-firstboot: $*" >&2; }

# The Debian packages the kiosk screen needs (cage, XWayland, GTK, Korean fonts, ALSA): the image command
# cannot install packages into an arm64 image on the build machine, so it leaves their list here and the
# Pi installs them on its first boot (it needs the network then, as enrollment by code does anyway).
PACKAGES_FILE="$ROOT/opt/smartsenior/packages.txt"
if [ -f "$PACKAGES_FILE" ] && [ ! -f "$ETC/packages-installed" ]; then
  packages=$(sed -e 's/#.*//' "$PACKAGES_FILE" | tr -s '[:space:]' ' ' | sed -e 's/^ //' -e 's/ $//')
  if [ -n "$packages" ]; then
    APT=${APT_GET:-apt-get}
    tries=0
    log "installing the kiosk's packages: $packages"
    if [ "$ROOT" = "" ] && [ -w "${SSC_SCREEN:-/dev/tty1}" ]; then   # on the Pi: say why the screen waits
      printf '\033[2J\033[H\n  SMART SENIOR CENTER KIOSK\n\n  INSTALLING THE KIOSK SOFTWARE (a few minutes; needs the network)...\n' \
        > "${SSC_SCREEN:-/dev/tty1}" 2>/dev/null || true
    fi
    until DEBIAN_FRONTEND=noninteractive "$APT" update -q && \
          DEBIAN_FRONTEND=noninteractive "$APT" install -y -q --no-install-recommends $packages; do
      tries=$((tries + 1))
      if [ -n "${SSC_PACKAGES_MAX_TRIES:-}" ] && [ "$tries" -ge "$SSC_PACKAGES_MAX_TRIES" ]; then
        log "could not install the kiosk's packages after $tries tries (no network?); nothing else done"
        exit 6
      fi
      log "could not install the kiosk's packages (no network yet?); trying again in ${SSC_PACKAGES_RETRY_S:-30}s"
      sleep "${SSC_PACKAGES_RETRY_S:-30}"
    done
    install -d -m 0755 "$ETC"
    date -u +%Y-%m-%dT%H:%M:%SZ > "$ETC/packages-installed"
  fi
fi

bundle=${1:-}
if [ -z "$bundle" ]; then
  for candidate in "$ROOT/boot/firmware/smartsenior-bundle.json" "$ROOT/boot/smartsenior-bundle.json" \
                   "$ROOT"/media/*/smartsenior-bundle.json "$ROOT"/media/*/*/smartsenior-bundle.json; do
    if [ -f "$candidate" ]; then bundle=$candidate; break; fi
  done
fi
enroll_url=${SSC_ENROLL_URL:-}
if [ -z "$bundle" ] && [ -z "$enroll_url" ]; then
  for candidate in "$ROOT/boot/firmware/smartsenior-server.txt" "$ROOT/boot/smartsenior-server.txt"; do
    if [ -f "$candidate" ]; then enroll_url=$(head -n 1 "$candidate" | tr -d '[:space:]'); break; fi
  done
fi
if [ -z "$bundle" ] && [ -n "$enroll_url" ]; then
  case "$enroll_url" in
    https://*) ;;
    http://*)
      if [ "${SSC_ENROLL_ALLOW_HTTP:-}" != 1 ]; then
        log "refusing to enroll over $enroll_url: the answer holds the device's password and its CA; use https://"
        exit 5
      fi
      log "SSC_ENROLL_ALLOW_HTTP=1: enrolling over plain HTTP (tests only)" ;;
    *) log "the enrollment server must be an https:// address, not $enroll_url"; exit 5 ;;
  esac
  install -d -m 0750 "$DATA"
  bundle="$DATA/enrolled-bundle.json"
  screen=${SSC_SCREEN:-/dev/tty1}
  if [ "$screen" = /dev/tty1 ] && command -v setfont >/dev/null 2>&1; then
    setfont -C /dev/tty1 Lat15-TerminusBold32x16 2>/dev/null || true   # large enough to read across a room
  fi
  log "no bundle; enrolling with $enroll_url"
  # the kiosk app is not installed yet, so the code is shown on the text console, in ASCII
  (umask 077; python3 - "$enroll_url" "$bundle" "$screen" <<'PY'
import json, os, sys, time, urllib.error, urllib.request
base, out, screen = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
poll_override = float(os.environ.get("SSC_ENROLL_POLL_S") or 0)
max_wait = float(os.environ.get("SSC_ENROLL_MAX_WAIT_S") or 0)
def log(msg):
    print("smartsenior-firstboot: " + msg, file=sys.stderr, flush=True)
def call(path, token=None):
    request = urllib.request.Request(base + path, data=b"", method="POST", headers={"Accept": "application/json"})
    if token:
        request.add_header("X-Enrollment-Token", token)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.load(e)
        except ValueError:
            return e.code, {}
def show(text):
    try:
        with open(screen, "w", encoding="ascii") as f:
            f.write("\033[2J\033[H" + text)
    except OSError as e:
        log("cannot write to the screen %s (%s)" % (screen, e))
# 5x5 block letters for the code's alphabet (no look-alikes: no I, L, O, 0, 1), readable across a room
FONT = {
    "A": (" ### ", "#   #", "#####", "#   #", "#   #"), "B": ("#### ", "#   #", "#### ", "#   #", "#### "),
    "C": (" ####", "#    ", "#    ", "#    ", " ####"), "D": ("#### ", "#   #", "#   #", "#   #", "#### "),
    "E": ("#####", "#    ", "#### ", "#    ", "#####"), "F": ("#####", "#    ", "#### ", "#    ", "#    "),
    "G": (" ####", "#    ", "#  ##", "#   #", " ####"), "H": ("#   #", "#   #", "#####", "#   #", "#   #"),
    "J": ("  ###", "    #", "    #", "#   #", " ### "), "K": ("#   #", "#  # ", "###  ", "#  # ", "#   #"),
    "M": ("#   #", "## ##", "# # #", "#   #", "#   #"), "N": ("#   #", "##  #", "# # #", "#  ##", "#   #"),
    "P": ("#### ", "#   #", "#### ", "#    ", "#    "), "Q": (" ### ", "#   #", "# # #", "#  # ", " ## #"),
    "R": ("#### ", "#   #", "#### ", "#  # ", "#   #"), "S": (" ####", "#    ", " ### ", "    #", "#### "),
    "T": ("#####", "  #  ", "  #  ", "  #  ", "  #  "), "U": ("#   #", "#   #", "#   #", "#   #", " ### "),
    "V": ("#   #", "#   #", "#   #", " # # ", "  #  "), "W": ("#   #", "#   #", "# # #", "## ##", "#   #"),
    "X": ("#   #", " # # ", "  #  ", " # # ", "#   #"), "Y": ("#   #", " # # ", "  #  ", "  #  ", "  #  "),
    "Z": ("#####", "   # ", "  #  ", " #   ", "#####"), "2": (" ### ", "#   #", "  ## ", " #   ", "#####"),
    "3": ("#### ", "    #", " ### ", "    #", "#### "), "4": ("#   #", "#   #", "#####", "    #", "    #"),
    "5": ("#####", "#    ", "#### ", "    #", "#### "), "6": (" ### ", "#    ", "#### ", "#   #", " ### "),
    "7": ("#####", "    #", "   # ", "  #  ", "  #  "), "8": (" ### ", "#   #", " ### ", "#   #", " ### "),
    "9": (" ### ", "#   #", " ####", "    #", " ### "), "-": ("     ", "     ", "#####", "     ", "     "),
}
def big(text):
    blank = ("     ",) * 5
    return "\n".join("  " + " ".join(FONT.get(c, blank)[row] for c in text) for row in range(5))
started = time.monotonic()
code = token = None
poll = poll_override or 5
while True:
    if max_wait and time.monotonic() - started > max_wait:
        log("gave up waiting for the enrollment code to be entered"); sys.exit(4)
    try:
        if token is None:
            status, body = call("/api/enrollments")
            if status != 201:
                log("the server did not start an enrollment (HTTP %s: %s); trying again" % (status, body.get("detail", "")))
                time.sleep(poll_override or 30); continue
            code, token = body["code"], body["token"]
            poll = poll_override or float(body.get("pollAfterSeconds") or 5)
            log("enrollment code %s is on the screen; waiting for an admin to enter it" % code)
        # drawn again before every poll: boot messages or a login prompt on tty1 may have covered it
        show("\n  SMART SENIOR CENTER KIOSK\n\n  ENROLLMENT CODE:   %s\n\n%s\n\n"
             "  Enter this code in the dashboard: New kiosk (dashboard: /admin/enroll).\n"
             "  The kiosk then installs its settings and starts by itself.\n" % (code, big(code)))
        status, body = call("/api/enrollments/%s/bundle" % code, token)
    except (OSError, ValueError, KeyError) as e:
        # the reason matters: a wrong CA or host name (SSL) needs a person, a network that is not up yet does not
        reason = getattr(e, "reason", None) or e
        log("cannot reach the server (%s: %s); trying again" % (e.__class__.__name__, reason))
        time.sleep(poll); continue
    if status == 200 and isinstance(body.get("bundle"), dict):
        with open(out, "w", encoding="utf-8") as f:
            json.dump(body["bundle"], f)
        show("\n\n  ENROLLED as %s. Starting the kiosk...\n" % body["bundle"].get("deviceId", "?"))
        log("enrollment %s: bundle received" % code); sys.exit(0)
    if status in (404, 410):
        log("enrollment %s ended (%s); asking for a new code" % (code, body.get("detail", status)))
        token = None; continue
    if status != 202:
        log("unexpected answer HTTP %s (%s); trying again" % (status, body.get("detail", "")))
    time.sleep(poll)
PY
  ) || { rc=$?; log "enrollment did not finish; nothing changed"; exit "$rc"; }
fi
if [ -z "$bundle" ] || [ ! -f "$bundle" ]; then
  log "no smartsenior-bundle.json on the boot partition or a USB stick, and no smartsenior-server.txt to enroll with; nothing to install"
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
# The keys written here; any other line of an existing kiosk.env (hand-set hardware settings such as
# SSC_CAMERA, SSC_SCANNER, SSC_KIOSK_ARGS, SSC_PIN_MAP, and their comments) is kept on re-provisioning.
MANAGED='SSC_SITE_ID|SSC_DEVICE_ID|SSC_MQTT_URL|SSC_MQTT_USER|SSC_MQTT_PASSWORD|SSC_PIN_MAP_REVISION|SSC_DATA_DIR|SSC_MQTT_CA_FILE'
HEADER='# Written by smartsenior-firstboot from the device'"'"'s bundle. Holds the device'"'"'s broker password.'
cat > "$tmp" <<ENV
$HEADER
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
if [ -f "$ENV_FILE" ]; then
  kept=$(grep -v -E "^[[:space:]]*(export[[:space:]]+)?($MANAGED)[[:space:]]*=" "$ENV_FILE" | grep -v -F -x "$HEADER" || true)
  if [ -n "$kept" ]; then
    printf '%s\n' "$kept" >> "$tmp"
    log "kept $(grep -c -E '^[[:space:]]*[A-Z_]+=' <<<"$kept" || true) setting(s) of the previous kiosk.env that the bundle does not set"
  fi
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

echo "$KIOSK_UNIT" > "$ETC/kiosk-unit"   # the unit ssc-update.sh restarts after an update
# the two kiosk units share the store and the MQTT identity (Conflicts=): only the chosen one may come up at boot
case "$KIOSK_UNIT" in
  smartsenior-kiosk-screen.service) other_unit=smartsenior-kiosk-sim.service ;;
  *) other_unit=smartsenior-kiosk-screen.service ;;
esac
"$SYSTEMCTL" disable "$other_unit" || log "could not disable $other_unit (not installed?)"
"$SYSTEMCTL" enable "$KIOSK_UNIT"
if [ "${SSC_ENABLE_OVERLAY:-}" = 1 ] && [ "$ROOT" = "" ] && command -v raspi-config >/dev/null 2>&1; then
  raspi-config nonint enable_overlayfs   # takes effect at the next boot
fi
date -u +%Y-%m-%dT%H:%M:%SZ > "$ETC/provisioned"
log "installed kiosk $(get DEVICE) of site $(get SITE); the kiosk starts now"
"$SYSTEMCTL" restart "$KIOSK_UNIT"
