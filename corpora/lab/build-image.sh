#!/usr/bin/env bash
# Builds the lab's Debian trixie VM (systemd 257, kernel 6.12) into a cache directory outside the repo:
# a root file system by debootstrap, an ext4 disk image made from it, and the kernel and initrd to boot.
# Needs root and Debian's debootstrap, e2fsprogs and qemu-utils. Rebuilds only what is missing.
set -euo pipefail
CACHE=${BOOTWHY_LAB_CACHE:-$HOME/.cache/bootwhy-lab}
MIRROR=${BOOTWHY_LAB_MIRROR:-http://deb.debian.org/debian}
ROOT=$CACHE/rootfs
mkdir -p "$CACHE"

if [ ! -x "$ROOT/usr/bin/systemctl" ]; then
  echo "== debootstrap trixie into $ROOT (several minutes)"
  rm -rf "$ROOT"
  debootstrap --variant=minbase \
    --include=systemd,systemd-sysv,udev,linux-image-amd64,initramfs-tools,kmod,e2fsprogs,util-linux,login,passwd,procps,dbus \
    trixie "$ROOT" "$MIRROR"
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

if [ "${1:-}" = "--dracut" ]; then
  # A second initrd made by dracut (the initramfs generator of Fedora, RHEL and bootc images), for the
  # scenarios that fail inside a dracut initrd. Built in a copy of the root file system, which installing
  # dracut changes (it replaces initramfs-tools); only the initrd is kept.
  if [ ! -f "$CACHE/initrd-dracut.img" ]; then
    echo "== a dracut initrd"
    D=$CACHE/rootfs-dracut
    rm -rf "$D"
    cp -a "$ROOT" "$D"
    for m in proc sys dev; do mount --bind "/$m" "$D/$m"; done
    trap 'for m in proc sys dev; do umount "$D/$m" 2>/dev/null || true; done' EXIT
    chroot "$D" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dracut >/dev/null'
    kver=$(ls "$D/lib/modules" | head -n1)
    chroot "$D" dracut --quiet --force --no-hostonly --kver "$kver" /boot/initrd-dracut.img
    cp "$D/boot/initrd-dracut.img" "$CACHE/initrd-dracut.img"
    for m in proc sys dev; do umount "$D/$m"; done
    trap - EXIT
    rm -rf "$D"
  fi
  echo "== done: $CACHE/initrd-dracut.img"
  exit 0
fi

echo "== make the disk image"
rm -f "$CACHE/base.img"
truncate -s 2G "$CACHE/base.img"
mkfs.ext4 -q -L labroot -d "$ROOT" "$CACHE/base.img"
echo "== done: $CACHE/{base.img,vmlinuz,initrd.img}"
