# Sourced by .ci/run (and usable by hand): installs what the tests need on a fresh Debian machine
# and starts the local Mosquitto and PostgreSQL the integration tests talk to.

ssc_port_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

ssc_apt_install() {
  local SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if [ -z "${SSC_APT_UPDATED:-}" ]; then
    $SUDO apt-get update -qq
    SSC_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}

ssc_install_prerequisites() {
  local missing=()
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
  command -v mosquitto_pub >/dev/null 2>&1 || missing+=(mosquitto-clients)
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql-client)
  # Korean TrueType fonts: printed member cards (SSC_CARD_FONT), the prescription PDF
  # (SSC_REPORT_FONT) and the kiosk screens (the screen
  # rules test measures real text layout)
  ls /usr/share/fonts/truetype/nanum/NanumBarunGothic*.ttf /usr/share/fonts/truetype/nanum/NanumGothic.ttf \
    >/dev/null 2>&1 || missing+=(fonts-nanum)
  # firmware-config tests run the Pi's first-boot and update scripts (python3 reads the bundle, openssl checks signatures)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # the kiosk image command (scripts/make-kiosk-image.sh) and its test: partition table (sfdisk), the FAT
  # boot partition (mtools; dosfstools makes the test's synthetic one), the ext4 root (e2fsprogs), .img.xz
  command -v sfdisk >/dev/null 2>&1 || [ -x /usr/sbin/sfdisk ] || [ -x /sbin/sfdisk ] || missing+=(fdisk)
  command -v mcopy >/dev/null 2>&1 || missing+=(mtools)
  command -v mkfs.vfat >/dev/null 2>&1 || [ -x /usr/sbin/mkfs.vfat ] || [ -x /sbin/mkfs.vfat ] || missing+=(dosfstools)
  command -v debugfs >/dev/null 2>&1 || [ -x /usr/sbin/debugfs ] || [ -x /sbin/debugfs ] || missing+=(e2fsprogs)
  command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
  # the dashboard's browser tests drive Debian's headless Chromium through chromedriver (Selenium)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    ssc_apt_install "${missing[@]}"
  fi
  . "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
  if ! ssc_select_jdk 2>/dev/null; then
    echo "Installing a JDK 25 from the distribution's packages"
    ssc_apt_install openjdk-25-jdk-headless || {
      echo "No JDK 25 package is available here: install a JDK 25 (e.g. Temurin 25) under /usr/lib/jvm." >&2
      return 1
    }
  fi
}

ssc_start_services() {
  if ! ssc_port_open 127.0.0.1 1883; then
    echo "Starting Mosquitto on 127.0.0.1:1883"
    # anonymous on loopback for the tests, with the tuning of docs/operations.md (decision 0033)
    local conf="${TMPDIR:-/tmp}/ssc-test-mosquitto.conf"
    printf '%s\n' 'listener 1883 127.0.0.1' 'allow_anonymous true' 'set_tcp_nodelay true' \
      'max_inflight_messages 100' 'max_queued_messages 10000' 'max_queued_bytes 67108864' > "$conf"
    mosquitto -d -c "$conf"
  fi
  if ! ssc_port_open 127.0.0.1 5432; then
    echo "Starting PostgreSQL on 127.0.0.1:5432"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  fi
  local i
  for i in $(seq 1 30); do
    ssc_port_open 127.0.0.1 1883 && ssc_port_open 127.0.0.1 5432 && break
    sleep 1
  done
  # The tests connect as user postgres without a password to database "test" (trust auth).
  if ! psql -h 127.0.0.1 -U postgres -d test -Atc 'select 1' >/dev/null 2>&1; then
    echo "Preparing PostgreSQL: trust auth on loopback and database 'test'"
    local hba
    hba=$(su postgres -c "psql -Atc 'show hba_file'")
    grep -q "ssc-tests" "$hba" || sed -i '1i host all all 127.0.0.1/32 trust # ssc-tests\nhost all all ::1/128 trust # ssc-tests' "$hba"
    su postgres -c "psql -Atc 'select pg_reload_conf()'" >/dev/null
    su postgres -c "psql -Atc \"select 1 from pg_database where datname='test'\"" | grep -q 1 \
      || su postgres -c "createdb test"
  fi
}
