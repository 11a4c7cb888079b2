#!/usr/bin/env bash
# Updates the kiosk software from a signed bundle (see build-update-bundle.sh), atomically, keeping
# the previous version to roll back to.
#
#   ssc-update.sh install <bundle.tar.gz> [<bundle.tar.gz.sig>]   verify, unpack, switch, check, or roll back
#   ssc-update.sh rollback                                         switch back to the previous version
#   ssc-update.sh current                                          print the running version
#
# Layout: /opt/smartsenior/releases/<version>/ holds each version; /opt/smartsenior/kiosk is a symlink
# to the running one (the kiosk unit starts /opt/smartsenior/kiosk/smartsenior-kiosk.jar) and
# /opt/smartsenior/previous to the one before. The switch is a rename of a symlink: atomic, so a power
# cut leaves either the old or the new version, never half of one. After the switch the kiosk is
# restarted and must stay up for SSC_UPDATE_SETTLE_S seconds without systemd restarting it (NRestarts),
# else the previous version comes back.
#
# The kiosk unit restarted is exactly the one in /etc/smartsenior/kiosk-unit (written by the image
# command and by first boot). Without that file, or with a file that names no kiosk unit, it refuses
# (exit 2, nothing changed): guessing could turn a center's kiosk into the simulation.
# Environment: SSC_ROOT (default /), SYSTEMCTL (default systemctl), SSC_UPDATE_KEY (public key, default
# /etc/smartsenior/update-key.pub), SSC_UPDATE_SETTLE_S (default 20), SSC_UPDATE_KEEP (releases kept, default 3).
set -euo pipefail
ROOT=${SSC_ROOT:-/}
ROOT=${ROOT%/}
SYSTEMCTL=${SYSTEMCTL:-systemctl}
KEY=${SSC_UPDATE_KEY:-$ROOT/etc/smartsenior/update-key.pub}
SETTLE=${SSC_UPDATE_SETTLE_S:-20}
KEEP=${SSC_UPDATE_KEEP:-3}
BASE="$ROOT/opt/smartsenior"
RELEASES="$BASE/releases"
# the kiosk unit first boot enabled (the screen on the real devices, or the headless simulation), as
# recorded in kiosk-unit: never a default (an old default here turned real kiosks into the simulation)
UNIT_FILE="$ROOT/etc/smartsenior/kiosk-unit"
SERVICE=""
case "${1:-}" in
  install|rollback)
    if [ ! -f "$UNIT_FILE" ]; then
      echo "ssc-update: REFUSED: $UNIT_FILE is missing, so which kiosk unit to restart is unknown; nothing changed." >&2
      echo "ssc-update: write the unit first boot enabled into it (normally: echo smartsenior-kiosk-screen.service > /etc/smartsenior/kiosk-unit)" >&2
      exit 2
    fi
    SERVICE=$(head -n 1 "$UNIT_FILE" | tr -d '[:space:]')
    case "$SERVICE" in
      smartsenior-kiosk-screen.service|smartsenior-kiosk-sim.service) ;;
      *) echo "ssc-update: REFUSED: $UNIT_FILE names no kiosk unit ('$(printf '%s' "$SERVICE" | tr -dc 'A-Za-z0-9@._-' | cut -c1-60)'); nothing changed." >&2
         echo "ssc-update: it must say smartsenior-kiosk-screen.service (a center's kiosk) or smartsenior-kiosk-sim.service (the simulation)" >&2
         exit 2 ;;
    esac ;;
esac
log() { echo "ssc-update: $*" >&2; }

switch_to() { # atomically point $BASE/<link> at a release directory
  local link=$1 target=$2
  ln -sfn "$target" "$BASE/.$link.new"
  mv -T "$BASE/.$link.new" "$BASE/$link"
}

restarts() { # how often systemd restarted the unit by itself (Restart=always) since it was last started
  local n; n=$("$SYSTEMCTL" show -p NRestarts --value "$SERVICE" 2>/dev/null || true)
  [[ $n =~ ^[0-9]+$ ]] && echo "$n" || echo ""
}

healthy() {
  "$SYSTEMCTL" restart "$SERVICE" || return 1
  local before after; before=$(restarts)
  sleep "$SETTLE"
  # is-active alone passes a unit that crashes and comes back every few seconds (Restart=always),
  # so the restart count must not have moved while it settled either
  "$SYSTEMCTL" is-active --quiet "$SERVICE" || return 1
  after=$(restarts)
  if [ -n "$before" ] && [ -n "$after" ] && [ "$after" -gt "$before" ]; then
    log "$SERVICE restarted $((after - before)) time(s) by itself within ${SETTLE}s: crash-looping"
    return 1
  fi
}

current() {
  [ -L "$BASE/kiosk" ] && basename "$(readlink "$BASE/kiosk")" || echo none
}

rollback() {
  [ -L "$BASE/previous" ] || { log "no previous version to roll back to"; return 1; }
  local back; back=$(readlink "$BASE/previous")
  local broken; broken=$(readlink "$BASE/kiosk" || true)
  switch_to kiosk "$back"
  [ -n "$broken" ] && switch_to previous "$broken"
  log "rolled back to $(basename "$back")"
  "$SYSTEMCTL" restart "$SERVICE" || true
}

install_bundle() {
  local tarball=$1 sig=${2:-$1.sig}
  [ -f "$tarball" ] && [ -f "$sig" ] || { log "need the bundle and its signature"; return 2; }
  [ -f "$KEY" ] || { log "no update key at $KEY"; return 2; }
  if ! openssl dgst -sha256 -verify "$KEY" -signature "$sig" "$tarball" >/dev/null 2>&1; then
    log "REFUSED: the signature of $(basename "$tarball") does not verify; nothing changed"
    return 1
  fi
  local entries; entries=$(tar -tzf "$tarball")
  local version; version=$(head -1 <<<"$entries" | cut -d/ -f1)
  [[ $version =~ ^[0-9A-Za-z][0-9A-Za-z.+-]{0,40}$ ]] || { log "REFUSED: odd version '$version'"; return 1; }
  if grep -qvE "^$version(/|$)" <<<"$entries" || grep -q '\.\./' <<<"$entries"; then
    log "REFUSED: the bundle holds files outside $version/"; return 1
  fi
  [ "$(current)" = "$version" ] && { log "$version is already running"; return 0; }
  mkdir -p "$RELEASES"
  rm -rf "$RELEASES/.$version.unpack"
  mkdir "$RELEASES/.$version.unpack"
  tar -C "$RELEASES/.$version.unpack" -xzf "$tarball"
  [ -f "$RELEASES/.$version.unpack/$version/smartsenior-kiosk.jar" ] || { log "REFUSED: no smartsenior-kiosk.jar"; return 1; }
  rm -rf "${RELEASES:?}/$version"
  mv "$RELEASES/.$version.unpack/$version" "$RELEASES/$version"
  rm -rf "$RELEASES/.$version.unpack"
  sync
  local old; old=$(readlink "$BASE/kiosk" || true)
  switch_to kiosk "$RELEASES/$version"
  [ -n "$old" ] && switch_to previous "$old"
  log "switched to $version${old:+ (previous: $(basename "$old"))}"
  if ! healthy; then
    log "the kiosk did not stay up on $version"
    rollback
    return 1
  fi
  # keep the newest releases, never the running or previous one
  local keep_run keep_prev; keep_run=$(readlink "$BASE/kiosk"); keep_prev=$(readlink "$BASE/previous" || true)
  ls -1dt "$RELEASES"/*/ 2>/dev/null | sed 's:/$::' | tail -n +$((KEEP + 1)) | while read -r old_release; do
    [ "$old_release" = "$keep_run" ] || [ "$old_release" = "$keep_prev" ] || rm -rf "$old_release"
  done
  log "$version is running"
}

case "${1:-}" in
  install) shift; install_bundle "$@" ;;
  rollback) rollback ;;
  current) current ;;
  *) echo "usage: ssc-update.sh install <bundle.tar.gz> [sig] | rollback | current" >&2; exit 2 ;;
esac
