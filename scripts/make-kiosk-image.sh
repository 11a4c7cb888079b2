#!/usr/bin/env bash
# Makes the district's kiosk SD-card image from a stock Raspberry Pi OS Lite (64-bit) image, in one
# command, without root, mounts or loop devices (decision 0041): the FAT boot partition is written with
# mtools, the ext4 root with debugfs (e2fsprogs), the partition table read and grown with sfdisk.
#
#   make-kiosk-image.sh --base <raspios-lite-arm64.img[.xz]> --jdk <JDK 25 aarch64 .tar.gz>
#                       --jdk-sha256 <hex> --release <kiosk release .tar.gz or directory> --out <kiosk.img>
#                       [--server-url https://ssc.<district>.go.kr] [--update-key <update-key.pub>]
#                       [--kiosk-unit smartsenior-kiosk-screen.service|smartsenior-kiosk-sim.service]
#                       [--boot-file <file>]...
#
# What the image gets:
#   boot partition  config.txt + the kiosk's lines (I2C, UART, camera), cmdline.txt + consoleblank=0,
#                   smartsenior-server.txt (--server-url: first boot enrolls by code), any --boot-file
#                   (e.g. userconf.txt)
#   root partition  /opt/smartsenior/jdk (the JDK, checked: SHA-256, aarch64, version 25),
#                   /opt/smartsenior/releases/<version> and the symlink /opt/smartsenior/kiosk (the release,
#                   checked: JavaFX natives for aarch64), /opt/smartsenior/bin/{smartsenior-firstboot.sh,
#                   ssc-update.sh}, /opt/smartsenior/packages.txt (first boot installs them),
#                   the units in /etc/systemd/system (only smartsenior-firstboot.service enabled: first
#                   boot enables the kiosk unit once the device is enrolled), the watchdog setting,
#                   /etc/sysusers.d/smartsenior.conf (the ssc user), /etc/smartsenior/kiosk-java.env,
#                   /etc/smartsenior/kiosk-unit (the unit updates restart), /etc/smartsenior/update-key.pub
# The root partition must be the last one; it is grown when the JDK and release need room (Raspberry Pi
# OS still expands it to the whole card at its first boot). Everything is owned by root.
#
# The JDK cannot be downloaded here: see docs/operations.md ("Java on the Pi") for where it comes from.
# Needs: sfdisk (fdisk), mtools, e2fsprogs (debugfs, e2fsck, resize2fs), tar, sha256sum, python3, xz-utils.
set -euo pipefail
export LC_ALL=C   # the order of find | sort and the tools' messages

here=$(cd "$(dirname "$0")" && pwd)
FIRMWARE=${SSC_FIRMWARE_DIR:-$here/../firmware-config/src/main/resources/firmware}
die() { echo "make-kiosk-image: $*" >&2; exit 1; }
log() { echo "make-kiosk-image: $*" >&2; }
usage() { sed -n '6,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

base="" jdk="" jdk_sha="" release="" out="" server_url="" update_key="" kiosk_unit=smartsenior-kiosk-screen.service
boot_files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=${2:?}; shift 2 ;;
    --jdk) jdk=${2:?}; shift 2 ;;
    --jdk-sha256) jdk_sha=${2:?}; shift 2 ;;
    --release) release=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --server-url) server_url=${2:?}; shift 2 ;;
    --update-key) update_key=${2:?}; shift 2 ;;
    --kiosk-unit) kiosk_unit=${2:?}; shift 2 ;;
    --boot-file) boot_files+=("${2:?}"); shift 2 ;;
    -h|--help) usage ;;
    *) echo "make-kiosk-image: unknown option $1" >&2; usage ;;
  esac
done
[ -n "$base" ] && [ -n "$jdk" ] && [ -n "$jdk_sha" ] && [ -n "$release" ] && [ -n "$out" ] || usage
for tool in sfdisk mtype mcopy debugfs e2fsck resize2fs tar sha256sum python3 od; do
  command -v "$tool" >/dev/null 2>&1 || die "needs $tool (Debian packages: fdisk mtools e2fsprogs tar coreutils python3)"
done
[ -f "$base" ] || die "no base image $base"
[ -f "$jdk" ] || die "no JDK tarball $jdk"
[ -e "$release" ] || die "no kiosk release $release"
[ -d "$FIRMWARE/systemd" ] || die "the firmware files are not at $FIRMWARE (set SSC_FIRMWARE_DIR)"
case "$kiosk_unit" in
  smartsenior-kiosk-screen.service|smartsenior-kiosk-sim.service) ;;
  *) die "--kiosk-unit must be smartsenior-kiosk-screen.service (a center's kiosk) or smartsenior-kiosk-sim.service (the simulation)" ;;
esac
if [ -n "$server_url" ]; then
  [[ $server_url =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?$ ]] \
    || die "--server-url must be an https:// address (first boot refuses anything else), not '$server_url'"
fi
[ -z "$update_key" ] || [ -f "$update_key" ] || die "no update key $update_key"
for f in "${boot_files[@]+"${boot_files[@]}"}"; do [ -f "$f" ] || die "no boot file $f"; done

work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-image.XXXXXX")
trap 'rm -rf "$work" "$out.partial"' EXIT
export MTOOLS_SKIP_CHECK=1 MTOOLS_NO_VFAT=0

# --- the JDK: the checksum the admin copied from the vendor's .sha256.txt, then what is inside ------
want=$(printf '%s' "$jdk_sha" | tr 'A-F' 'a-f' | tr -d '[:space:]')
[[ $want =~ ^[0-9a-f]{64}$ ]] || die "--jdk-sha256 must be 64 hex digits (the first word of the .sha256.txt)"
have=$(sha256sum "$jdk" | cut -d' ' -f1)
[ "$have" = "$want" ] || die "REFUSED: the JDK's SHA-256 is $have, not $want: a damaged or different download; nothing written"
mkdir "$work/jdk"
tar -C "$work/jdk" -xzf "$jdk" || die "REFUSED: $jdk is not a .tar.gz"
jdk_top=$(find "$work/jdk" -mindepth 1 -maxdepth 1 -type d)
[ "$(printf '%s\n' "$jdk_top" | grep -c .)" = 1 ] || die "REFUSED: $jdk must hold one top directory (jdk-25…)"
[ -f "$jdk_top/release" ] && [ -f "$jdk_top/bin/java" ] || die "REFUSED: $jdk has no release file or bin/java: not a JDK"
os_arch=$(sed -n 's/^OS_ARCH="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$jdk_top/release")
java_version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$jdk_top/release")
elf_machine() { # the ELF e_machine of $1: 183 aarch64, 62 x86-64
  [ "$(od -An -t x1 -N 4 "$1" | tr -d ' \n')" = 7f454c46 ] || { echo none; return; }
  od -An -t u2 -j 18 -N 2 "$1" | tr -d ' \n'
}
java_machine=$(elf_machine "$jdk_top/bin/java")
if [ "$os_arch" != aarch64 ] || [ "$java_machine" != 183 ]; then
  die "REFUSED: the JDK is not for the Pi's arm64 (release OS_ARCH=${os_arch:-?}, bin/java ELF machine ${java_machine}; want aarch64 = 183): take the aarch64 Linux tar.gz"
fi
case "$java_version" in 25|25.*) ;; *) die "REFUSED: the JDK is version ${java_version:-?}; the kiosk needs Java 25" ;; esac
log "JDK $java_version aarch64, SHA-256 checked"

# --- the kiosk release ------------------------------------------------------------------------------
mkdir "$work/release"
if [ -d "$release" ]; then
  [ -f "$release/VERSION" ] || die "REFUSED: the release directory $release has no VERSION file (build-update-bundle.sh writes one)"
  version=$(head -n 1 "$release/VERSION" | tr -d '[:space:]')
  cp -R "$release" "$work/release/$version"
else
  tar -tzf "$release" > "$work/release.list" || die "REFUSED: $release is not a .tar.gz"
  version=$(sed -n '1s:/.*::p' "$work/release.list")
  if grep -qvE "^$version(/|$)" "$work/release.list" || grep -q '\.\./' "$work/release.list"; then
    die "REFUSED: $release holds files outside $version/"
  fi
  tar -C "$work/release" -xzf "$release"
fi
[[ $version =~ ^[0-9A-Za-z][0-9A-Za-z.+-]{0,40}$ ]] || die "REFUSED: odd release version '$version'"
rel="$work/release/$version"
[ -f "$rel/smartsenior-kiosk.jar" ] || die "REFUSED: the release has no smartsenior-kiosk.jar"
[ -f "$rel/kiosk-session.sh" ] || die "REFUSED: the release has no kiosk-session.sh (pack it with build-update-bundle.sh)"
"$here/check-kiosk-release.sh" "$rel" aarch64 >/dev/null || die "REFUSED: the release is not built for the Pi (see above)"
log "kiosk release $version, JavaFX for aarch64"

# --- the image: a copy of the base, grown when the root needs room -----------------------------------
mkdir -p "$(dirname "$out")"
case "$base" in
  *.xz) xz -dc "$base" | dd of="$out.partial" bs=1M iflag=fullblock conv=sparse status=none ;;
  *) cp --sparse=always "$base" "$out.partial" ;;
esac
partitions() { # "start size type" per partition, in sectors
  sfdisk --json "$1" | python3 -c '
import json, sys
t = json.load(sys.stdin)["partitiontable"]
assert t.get("sectorsize", 512) == 512, "sector size"
for p in t["partitions"]:
    print(p["start"], p["size"], p["type"])'
}
mapfile -t parts < <(partitions "$out.partial") || true
[ "${#parts[@]}" -ge 2 ] || die "REFUSED: $base has no partition table with a boot and a root partition"
read -r boot_start _ boot_type <<<"${parts[0]}"
read -r root_start root_size root_type <<<"${parts[1]}"
case "$boot_type" in b|c|e|ebd0a0a2-b9e5-4433-87c0-68b6b72699c7) ;; *) die "REFUSED: partition 1 is not FAT (type $boot_type)" ;; esac
case "$root_type" in 83|0fc63daf-8483-4772-8e79-3d69d8477de4) ;; *) die "REFUSED: partition 2 is not a Linux partition (type $root_type)" ;; esac
boot_img="$out.partial@@$((boot_start * 512))"
root_img="$out.partial?offset=$((root_start * 512))"
mtype -i "$boot_img" ::config.txt >/dev/null 2>&1 || die "REFUSED: the first partition has no config.txt: not a Raspberry Pi OS image"
debugfs -R 'stat /etc/os-release' "$root_img" >/dev/null 2>&1 || die "REFUSED: the second partition is not an ext4 root file system"

need_kib=$(( $(du -sk "$jdk_top" | cut -f1) + $(du -sk "$rel" | cut -f1) + 65536 ))
read -r block_size free_blocks < <(debugfs -R stats "$root_img" 2>/dev/null \
  | awk -F: '/^Block size/ {b=$2} /^Free blocks/ {f=$2} END {gsub(/ /,"",b); gsub(/ /,"",f); print b, f}')
free_kib=$(( block_size * free_blocks / 1024 ))
if [ "$free_kib" -lt "$need_kib" ]; then
  [ "${#parts[@]}" = 2 ] || die "REFUSED: the root partition needs room and is not the last partition"
  grow_mib=$(( (need_kib - free_kib) / 1024 + 128 ))
  log "growing the root partition by $grow_mib MiB"
  truncate -s +"${grow_mib}M" "$out.partial"
  echo ", +" | sfdisk -q --no-reread --no-tell-kernel -N 2 "$out.partial" >/dev/null
  old_root_size=$root_size
  read -r _ root_size _ < <(partitions "$out.partial" | sed -n 2p)
  # resize2fs sizes a file by the file system's size, ignoring ?offset= (it would cut the image short):
  # grow the root as a file of its own and put it back
  part="$work/root.ext4"
  dd if="$out.partial" of="$part" bs=1M iflag=skip_bytes,count_bytes skip=$((root_start * 512)) \
     count=$((old_root_size * 512)) conv=sparse status=none
  truncate -s $((root_size * 512)) "$part"
  e2fsck -fy "$part" >/dev/null 2>&1 || [ $? -le 1 ] || die "the base image's root file system has errors"
  resize2fs "$part" >/dev/null 2>&1 || die "could not grow the root file system"
  [ "$(stat -c %s "$part")" = $((root_size * 512)) ] || die "the grown root file system has the wrong size"
  dd if="$part" of="$out.partial" bs=1M oflag=seek_bytes seek=$((root_start * 512)) conv=notrunc status=none
  rm -f "$part"
fi

# --- boot partition (FAT, mtools) --------------------------------------------------------------------
mtype -i "$boot_img" ::config.txt | tr -d '\r' > "$work/config.txt"
if ! grep -q 'Smart Senior Center kiosk' "$work/config.txt"; then
  { printf '\n[all]\n'; cat "$FIRMWARE/boot/config.txt.fragment"; } >> "$work/config.txt"
fi
mcopy -o -i "$boot_img" "$work/config.txt" ::config.txt
if mtype -i "$boot_img" ::cmdline.txt > "$work/cmdline.txt" 2>/dev/null; then
  line=$(head -n 1 "$work/cmdline.txt" | tr -d '\r\n')
  for add in $(grep -v '^#' "$FIRMWARE/kiosk-session/cmdline-append.txt"); do
    case " $line " in *" $add "*) ;; *) line="$line $add" ;; esac
  done
  printf '%s\n' "$line" > "$work/cmdline.txt"
  mcopy -o -i "$boot_img" "$work/cmdline.txt" ::cmdline.txt
else
  log "no cmdline.txt on the boot partition: consoleblank=0 not added"
fi
if [ -n "$server_url" ]; then
  printf '%s\n' "$server_url" > "$work/smartsenior-server.txt"
  mcopy -o -i "$boot_img" "$work/smartsenior-server.txt" ::smartsenior-server.txt
fi
for f in "${boot_files[@]+"${boot_files[@]}"}"; do mcopy -o -i "$boot_img" "$f" "::$(basename "$f")"; done

# --- root partition (ext4, debugfs) ------------------------------------------------------------------
# One debugfs script: every directory, file and symlink owned by root, with the mode given.
cmds="$work/debugfs.cmds"
: > "$cmds"
q() { printf '"%s"' "$1"; }   # debugfs quotes; names with quotes or newlines are refused below
check_name() { case "$1" in *'"'*|*$'\n'*|*'\'*) die "REFUSED: a file name debugfs cannot write: $1" ;; esac; }
dir() { # dir <path> <mode>
  check_name "$1"
  printf 'mkdir %s\nsif %s mode 040%s\nsif %s uid 0\nsif %s gid 0\n' "$(q "$1")" "$(q "$1")" "$2" "$(q "$1")" "$(q "$1")" >> "$cmds"
}
file() { # file <local> <path> <mode>
  check_name "$2"
  local d=${2%/*} n=${2##*/}
  printf 'cd %s\nrm %s\nwrite %s %s\nsif %s mode 0100%s\nsif %s uid 0\nsif %s gid 0\ncd /\n' \
    "$(q "${d:-/}")" "$(q "$n")" "$(q "$1")" "$(q "$n")" "$(q "$n")" "$3" "$(q "$n")" "$(q "$n")" >> "$cmds"
}
link() { # link <path> <target>
  check_name "$1"
  local d=${1%/*} n=${1##*/}
  printf 'cd %s\nrm %s\nsymlink %s %s\ncd /\n' "$(q "${d:-/}")" "$(q "$n")" "$(q "$n")" "$(q "$2")" >> "$cmds"
}
tree() { # tree <local dir> <path>: the directory's contents, modes kept (files 0755 or 0644)
  local src=$1 dst=$2 p rel_path
  while IFS= read -r -d '' p; do
    rel_path=${p#"$src"}; rel_path=${rel_path#/}
    [ -n "$rel_path" ] || continue
    if [ -L "$p" ]; then link "$dst/$rel_path" "$(readlink "$p")"
    elif [ -d "$p" ]; then dir "$dst/$rel_path" 755
    elif [ -x "$p" ]; then file "$p" "$dst/$rel_path" 755
    else file "$p" "$dst/$rel_path" 644
    fi
  done < <(find "$src" -mindepth 1 -print0 | sort -z)
}
for d in /opt /opt/smartsenior /opt/smartsenior/bin /opt/smartsenior/releases "/opt/smartsenior/releases/$version" \
         /opt/smartsenior/jdk /etc/smartsenior /etc/sysusers.d /etc/systemd /etc/systemd/system \
         /etc/systemd/system/multi-user.target.wants /etc/systemd/system.conf.d; do
  dir "$d" 755
done
tree "$jdk_top" /opt/smartsenior/jdk
tree "$rel" "/opt/smartsenior/releases/$version"
link /opt/smartsenior/kiosk "/opt/smartsenior/releases/$version"
file "$FIRMWARE/provisioning/smartsenior-firstboot.sh" /opt/smartsenior/bin/smartsenior-firstboot.sh 755
# the kiosk-side update scripts (ssc-update.sh and any helper beside it; build-update-bundle.sh is for
# the build machine) and update units (a .path unit that wants multi-user.target is enabled)
for f in "$FIRMWARE"/update/*.sh; do
  [ "$(basename "$f")" = build-update-bundle.sh ] || file "$f" "/opt/smartsenior/bin/$(basename "$f")" 755
done
for unit in "$FIRMWARE"/update/*.service "$FIRMWARE"/update/*.path; do
  [ -f "$unit" ] || continue
  file "$unit" "/etc/systemd/system/$(basename "$unit")" 644
  if [[ $unit == *.path ]] && grep -q '^WantedBy=multi-user.target' "$unit"; then
    link "/etc/systemd/system/multi-user.target.wants/$(basename "$unit")" "/etc/systemd/system/$(basename "$unit")"
  fi
done
file "$FIRMWARE/kiosk-session/packages.txt" /opt/smartsenior/packages.txt 644
for unit in "$FIRMWARE/systemd/smartsenior-firstboot.service" "$FIRMWARE/systemd/smartsenior-kiosk-sim.service" \
            "$FIRMWARE/kiosk-session/smartsenior-kiosk-screen.service"; do
  file "$unit" "/etc/systemd/system/$(basename "$unit")" 644
done
# first boot is enabled; the kiosk unit is enabled by first boot once the device is enrolled
link /etc/systemd/system/multi-user.target.wants/smartsenior-firstboot.service /etc/systemd/system/smartsenior-firstboot.service
file "$FIRMWARE/systemd/system.conf.d/smartsenior-watchdog.conf" /etc/systemd/system.conf.d/smartsenior-watchdog.conf 644
file "$FIRMWARE/systemd/sysusers.d/smartsenior.conf" /etc/sysusers.d/smartsenior.conf 644
file "$FIRMWARE/kiosk-session/kiosk-java.env" /etc/smartsenior/kiosk-java.env 644
printf '%s\n' "$kiosk_unit" > "$work/kiosk-unit"
file "$work/kiosk-unit" /etc/smartsenior/kiosk-unit 644
[ -z "$update_key" ] || file "$update_key" /etc/smartsenior/update-key.pub 644

debugfs -w -f "$cmds" "$root_img" > "$work/debugfs.out" 2> "$work/debugfs.err" || die "debugfs failed: $(tail -n 3 "$work/debugfs.err")"
# debugfs goes on after an error: anything but its banner, a directory that is there already, or
# "rm" of a file that is not there yet is a failure
errors=$(grep -v -E '^debugfs [0-9.]+ \(|directory already exists|^rm: File not found by ext2_lookup|^rm: .* while trying to resolve filename|^$' "$work/debugfs.err" || true)
[ -z "$errors" ] || die "writing the root file system failed: $(head -n 5 <<<"$errors")"
e2fsck -fn "$root_img" > "$work/fsck.out" 2>&1 || die "the root file system does not check clean after writing: $(tail -n 5 "$work/fsck.out")"

mv -f "$out.partial" "$out"
log "wrote $out: kiosk $version ($kiosk_unit), JDK $java_version${server_url:+, enrolls with $server_url}"
log "flash it (Raspberry Pi Imager: Use custom; or balenaEtcher), boot the Pi on the network, enter the code it shows"
