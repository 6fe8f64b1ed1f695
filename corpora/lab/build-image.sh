#!/usr/bin/env bash
# Builds the lab's Debian VM into a cache directory outside the repo: a root file system by debootstrap, an
# ext4 disk image made from it, and the kernel and initrd to boot. Needs root and Debian's debootstrap,
# e2fsprogs and qemu-utils (and grub-pc-bin's tools in the guest for --grub). Rebuilds only what is missing.
#
#   build-image.sh [--suite trixie|bookworm|bullseye] [--dracut | --grub]
#
# trixie (systemd 257, kernel 6.12) is the default and lives in the cache directory itself; another suite
# (bookworm: systemd 252, kernel 6.1; bullseye: systemd 247, kernel 5.10) lives in a subdirectory named
# after it, with its own root file system, image, kernel and initrd.
set -euo pipefail
SUITE=trixie
MODE=
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) SUITE=$2; shift 2 ;;
    --dracut | --grub) MODE=$1; shift ;;
    *) echo "usage: build-image.sh [--suite SUITE] [--dracut | --grub]" >&2; exit 2 ;;
  esac
done
CACHE=${BOOTWHY_LAB_CACHE:-$HOME/.cache/bootwhy-lab}
[ "$SUITE" = trixie ] || CACHE=$CACHE/$SUITE
MIRROR=${BOOTWHY_LAB_MIRROR:-http://deb.debian.org/debian}
ROOT=$CACHE/rootfs
mkdir -p "$CACHE"

if [ ! -x "$ROOT/usr/bin/systemctl" ] && [ ! -x "$ROOT/bin/systemctl" ]; then
  echo "== debootstrap $SUITE into $ROOT (several minutes)"
  rm -rf "$ROOT"
  debootstrap --variant=minbase \
    --include=systemd,systemd-sysv,udev,linux-image-amd64,initramfs-tools,kmod,e2fsprogs,util-linux,login,passwd,procps,dbus \
    "$SUITE" "$ROOT" "$MIRROR"
fi

echo "== configure the guest"
echo lab > "$ROOT/etc/hostname"
# Root logs in on the serial console with the password 'lab'.
chroot "$ROOT" sh -c 'echo root:lab | chpasswd'
cat > "$ROOT/etc/fstab" <<'FSTAB'
LABEL=labroot / ext4 defaults 0 1
FSTAB
# The kernel's own lines reach the console at the level Debian uses; keep the default.
mkdir -p "$ROOT/etc/systemd/system/serial-getty@ttyS0.service.d"
ln -sf /dev/null "$ROOT/etc/systemd/system/systemd-timesyncd.service" 2>/dev/null || true
# initramfs-tools: find the root by label.
chroot "$ROOT" update-initramfs -u -k all >/dev/null 2>&1 || true
cp -L "$ROOT/vmlinuz" "$CACHE/vmlinuz"
cp -L "$ROOT/initrd.img" "$CACHE/initrd.img"

# A copy of the root file system with proc, sys and dev mounted, to install something into for one
# special image; its bind mounts are undone however the script ends.
scratch() {
  D=$1
  rm -rf "$D"
  cp -a "$ROOT" "$D"
  for m in proc sys dev; do mount --bind "/$m" "$D/$m"; done
  trap 'for m in proc sys dev; do umount "$D/$m" 2>/dev/null || true; done' EXIT
}
unscratch() {
  for m in proc sys dev; do umount "$D/$m"; done
  trap - EXIT
}

if [ "$MODE" = --dracut ]; then
  # A second initrd made by dracut (the initramfs generator of Fedora, RHEL and bootc images), for the
  # scenarios that fail inside a dracut initrd. Built in a copy of the root file system, which installing
  # dracut changes (it replaces initramfs-tools); only the initrd is kept.
  if [ ! -f "$CACHE/initrd-dracut.img" ]; then
    echo "== a dracut initrd"
    scratch "$CACHE/rootfs-dracut"
    chroot "$D" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dracut >/dev/null'
    kver=$(ls "$D/lib/modules" | head -n1)
    chroot "$D" dracut --quiet --force --no-hostonly --kver "$kver" /boot/initrd-dracut.img
    cp "$D/boot/initrd-dracut.img" "$CACHE/initrd-dracut.img"
    unscratch
    rm -rf "$D"
  fi
  echo "== done: $CACHE/initrd-dracut.img"
  exit 0
fi

if [ "$MODE" = --grub ]; then
  # A whole disk as an installed system has it, booted by the firmware rather than by QEMU's -kernel: an
  # MBR partition table, one ext4 partition with the root file system, and GRUB (grub-pc, for BIOS)
  # installed in the MBR gap by the guest's own grub-install, with its menu and the kernel on the serial
  # console (/etc/default/grub, then update-grub as on any Debian system).
  if [ ! -f "$CACHE/grub.img" ]; then
    echo "== a partitioned disk with GRUB"
    scratch "$CACHE/rootfs-grub"
    chroot "$D" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends grub-pc-bin grub2-common >/dev/null'
    cat > "$D/etc/default/grub" <<'GRUB'
GRUB_DEFAULT=0
GRUB_TIMEOUT=3
GRUB_DISTRIBUTOR=`( . /etc/os-release && echo ${NAME} )`
GRUB_CMDLINE_LINUX_DEFAULT=""
GRUB_CMDLINE_LINUX="console=ttyS0"
GRUB_TERMINAL=serial
GRUB_SERIAL_COMMAND="serial --unit=0 --speed=115200"
GRUB_DISABLE_OS_PROBER=true
GRUB
    unscratch
    G=$CACHE/grub.img.part
    rm -f "$G"
    truncate -s 2G "$G"
    echo 'start=2048, type=83, bootable' | sfdisk -q "$G"
    mkfs.ext4 -q -L labroot -E offset=$((2048 * 512)) -d "$D" "$G" $((2048 * 1024 - 1024))k
    L=$(losetup -f --show -P "$G")
    partx -a "$L" 2>/dev/null || true
    M=$CACHE/grub-mnt
    mkdir -p "$M"
    mount "${L}p1" "$M"
    for m in proc sys dev; do mount --bind "/$m" "$M/$m"; done
    trap 'for m in proc sys dev; do umount "$M/$m" 2>/dev/null || true; done; umount "$M" 2>/dev/null || true; losetup -d "$L" 2>/dev/null || true' EXIT
    chroot "$M" grub-install --target=i386-pc "$L"
    # udev is not running here: give update-grub the /dev/disk/by-uuid link it looks for, so the menu
    # boots root=UUID=… as on an installed system rather than this loop device's name.
    U=$(blkid -o value -s UUID "${L}p1")
    mkdir -p /dev/disk/by-uuid
    ln -sfn "${L}p1" "/dev/disk/by-uuid/$U"
    chroot "$M" update-grub
    rm -f "/dev/disk/by-uuid/$U"
    rmdir /dev/disk/by-uuid /dev/disk 2>/dev/null || true
    for m in proc sys dev; do umount "$M/$m"; done
    umount "$M"
    losetup -d "$L"
    trap - EXIT
    rm -rf "$D" "$M"
    mv "$G" "$CACHE/grub.img"
  fi
  echo "== done: $CACHE/grub.img"
  exit 0
fi

echo "== make the disk image"
rm -f "$CACHE/base.img"
truncate -s 2G "$CACHE/base.img"
mkfs.ext4 -q -L labroot -d "$ROOT" "$CACHE/base.img"
echo "== done: $CACHE/{base.img,vmlinuz,initrd.img}"
