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

echo "== make the disk image"
rm -f "$CACHE/base.img"
truncate -s 2G "$CACHE/base.img"
mkfs.ext4 -q -L labroot -d "$ROOT" "$CACHE/base.img"
echo "== done: $CACHE/{base.img,vmlinuz,initrd.img}"
