/**
 * Attribution: which failure caused each `[DEPEND]`. systemd does not say (systemd issue #21190), so it is
 * rebuilt from the standard dependency chains (data below), mount paths, and the order of the lines.
 */
import { pathForMountUnit, unitType } from '../grammar/units.js';
import type { FailureState } from '../segment/state.js';

/** A unit → the units whose failure fails it, by systemd's standard units (first present wins). */
export const STANDARD_CHAINS: Readonly<Record<string, readonly string[]>> = {
  'graphical.target': ['multi-user.target'],
  'multi-user.target': ['basic.target'],
  'basic.target': ['sysinit.target'],
  'initrd.target': ['initrd-fs.target', 'initrd-root-fs.target', 'initrd-root-device.target'],
  'initrd-fs.target': ['initrd-root-fs.target'],
  'initrd-root-fs.target': ['sysroot.mount', 'initrd-root-device.target'],
  'initrd-switch-root.target': ['initrd.target'],
  'initrd-switch-root.service': ['initrd-switch-root.target', 'initrd.target'],
  'initrd-cleanup.service': ['initrd.target'],
  'initrd-parse-etc.service': ['initrd-root-fs.target'],
  'rpc_pipefs.target': ['var-lib-nfs-rpc_pipefs.mount'],
  'nfs-client.target': ['rpc_pipefs.target'],
  'getty.target': ['basic.target'],
};

/** Targets that pull in mounts, swaps and block devices: a failed mount or device fails them. */
export const STORAGE_TARGETS: ReadonlySet<string> = new Set([
  'local-fs.target',
  'local-fs-pre.target',
  'swap.target',
  'cryptsetup.target',
  'initrd-root-fs.target',
  'initrd-root-device.target',
  'initrd-fs.target',
  'initrd-usr-fs.target',
]);

/** udev's units: without them no device unit appears. */
const UDEV_UNITS: ReadonlySet<string> = new Set(['systemd-udevd.service', 'systemd-udev-trigger.service', 'systemd-udevd-kernel.socket', 'systemd-udevd-control.socket']);

const DEVICE_PROVIDERS = /^(?:systemd-(?:cryptsetup|veritysetup|integritysetup)@.+|lvm2-(?:pvscan@.+|activation.*|monitor)|mdmonitor|mdadm.*|multipathd|iscsid|iscsi|zfs-import-(?:cache|scan)|zfs-import@.+)\.service$/;

const ZFS_IMPORT = /^zfs-import(?:-cache|-scan|@.+)\.service$/;

/** Targets with OnFailure=emergency.target: their failure is what puts a machine in emergency mode. */
export const EMERGENCY_TRIGGERS: readonly string[] = [
  'local-fs.target',
  'initrd.target',
  'initrd-root-fs.target',
  'initrd-root-device.target',
  'initrd-fs.target',
  'initrd-switch-root.target',
  'initrd-usr-fs.target',
  'sysinit.target',
];

export interface CascadeEntry {
  failure: FailureState;
  name: string;
  parent: CascadeEntry | null;
  root: CascadeEntry | null;
  children: CascadeEntry[];
}

function isStorageUnit(f: FailureState): boolean {
  const name = f.ref.name ?? '';
  const type = unitType(name);
  return type === 'mount' || type === 'swap' || type === 'device' || type === 'automount' || name.startsWith('systemd-fsck') || name.startsWith('systemd-cryptsetup@') || f.verb === 'device-timeout' || f.verb === 'mount-failed' || f.verb === 'mount-timeout';
}

function isMountLike(f: FailureState): boolean {
  const type = unitType(f.ref.name ?? '');
  return type === 'mount' || type === 'swap' || (f.ref.name ?? '').startsWith('systemd-cryptsetup@');
}

function isUnder(path: string, parent: string): boolean {
  return parent === '/' ? path !== '/' : path.startsWith(parent + '/');
}

/** The device unit a unit's name is made from: `systemd-fsck@dev-sda1.service` and `dev-sda1.swap` → `dev-sda1.device`. */
export function deviceOf(name: string): string | null {
  const at = name.indexOf('@');
  const base = at >= 0 ? name.slice(at + 1, name.lastIndexOf('.')) : unitType(name) === 'swap' ? name.slice(0, -'.swap'.length) : null;
  return base !== null && base.startsWith('dev-') ? `${base}.device` : null;
}

const SHELL_UNIT = /^(?:emergency|rescue)\.(?:service|target)$/;

/** Links every dependency failure to the failure that caused it and each to its root. */
export function attribute(failures: readonly FailureState[]): CascadeEntry[] {
  const entries = failures.map<CascadeEntry>((failure) => ({ failure, name: failure.ref.name ?? failure.ref.text, parent: null, root: null, children: [] }));
  const byName = new Map<string, CascadeEntry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  const mounts = entries.filter((e) => e.failure.ref.name !== null && pathForMountUnit(e.failure.ref.name) !== null);

  for (const e of entries) {
    if (e.failure.kind !== 'dependency') continue;
    const parent = findParent(e, entries, byName, mounts);
    if (parent !== null) link(e, parent);
  }
  // Devices appear through udev: with udevd (or its coldplug trigger) failed, a device that then never
  // appeared waited for it, and everything that waited for the device follows from it.
  // The same for the units that make block devices (cryptsetup, LVM, md, multipath, iSCSI, ZFS, verity):
  // one that failed just before a device timed out is why the device never came.
  const udev = entries.find((e) => e.failure.kind !== 'dependency' && (UDEV_UNITS.has(e.name) || DEVICE_PROVIDERS.test(e.name)));
  if (udev !== undefined) {
    for (const e of entries) {
      // (ZFS mounts its datasets by name, with no device unit between: a mount that failed after the pool's
      // import failed, `Failed to mount /sysroot.` after `Failed to start Import ZFS pools by cache file.`,
      // failed for want of the pool.)
      const zfsMount = e.failure.verb === 'mount-failed' && ZFS_IMPORT.test(udev.name);
      if ((e.failure.verb !== 'device-timeout' && !zfsMount) || e.failure.seq < udev.failure.seq || e.parent !== null) continue;
      link(e, udev);
    }
  }
  // (And one that could not run for want of its own device, `[DEPEND] Dependency failed for Cryptography Setup
  // for luksroot.` after `/dev/disk/by-label/cryptroot` timed out: a device that timed out after it, the
  // volume it would have opened, `/dev/disk/by-label/root`, never came for the same reason.)
  for (const provider of entries) {
    if (provider.failure.kind !== 'dependency' || provider.parent === null || provider.parent.failure.verb !== 'device-timeout' || !DEVICE_PROVIDERS.test(provider.name)) continue;
    for (const e of entries) {
      if (e.failure.verb !== 'device-timeout' || e.failure.seq < provider.failure.seq || e.parent !== null || e === provider.parent) continue;
      link(e, provider);
    }
  }
  // A service whose socket failed just before it (`foo.socket`, or one of its named sockets such as
  // `systemd-journald-audit.socket` for `systemd-journald.service`): systemd starts a service after its
  // sockets, and one whose socket could not listen fails for want of it.
  for (const e of entries) {
    if (e.failure.kind === 'dependency' || e.parent !== null || unitType(e.name) !== 'service') continue;
    const socket = entries.find((c) => c !== e && c.failure.kind !== 'dependency' && c.failure.seq < e.failure.seq && c.parent === null && unitType(c.name) === 'socket' && triggers(c.name, e.name));
    if (socket === undefined) continue;
    link(e, socket);
  }
  for (const e of entries) {
    let cur: CascadeEntry = e;
    const seen = new Set<CascadeEntry>();
    while (cur.parent !== null && !seen.has(cur)) {
      seen.add(cur);
      cur = cur.parent;
    }
    e.root = cur.failure.kind === 'dependency' ? null : cur;
  }
  return entries;
}

/** `e` failed for want of `parent`, unless `parent` already follows from `e` (a log that says both, as a spliced or
 *  made-up one may): the cascade stays a tree. */
function link(e: CascadeEntry, parent: CascadeEntry): void {
  for (let cur: CascadeEntry | null = parent, n = 0; cur !== null && n < 10_000; cur = cur.parent, n++) if (cur === e) return;
  e.parent = parent;
  parent.children.push(e);
}

/** A socket, path or timer that starts this service: named after it (`foo.socket` for `foo.service`), or one of its
 *  named sockets (`systemd-journald-dev-log.socket` for `systemd-journald.service`). */
function triggers(trigger: string, service: string): boolean {
  const stem = trigger.slice(0, trigger.lastIndexOf('.'));
  const serviceStem = service.slice(0, -'.service'.length);
  return stem === serviceStem || stem.startsWith(`${serviceStem}-`);
}

function findParent(e: CascadeEntry, entries: readonly CascadeEntry[], byName: ReadonlyMap<string, CascadeEntry>, mounts: readonly CascadeEntry[]): CascadeEntry | null {
  const name = e.failure.ref.name;
  // A socket, path or timer that failed because its service hit its start limit: that service (`foo.socket` →
  // `foo.service`; a named socket of it, `systemd-journald-dev-log.socket` → `systemd-journald.service`).
  if (name !== null && e.failure.result === 'service-start-limit-hit') {
    const service = entries.find((c) => c !== e && c.failure.kind !== 'dependency' && unitType(c.name) === 'service' && c.failure.seq < e.failure.seq && triggers(name, c.name));
    if (service !== undefined) return service;
  }
  if (name !== null) {
    for (const candidate of STANDARD_CHAINS[name] ?? []) {
      const p = byName.get(candidate);
      if (p && p !== e) return p;
    }
    // A unit named after its device (systemd-fsck@dev-sda1.service, dev-sda3.swap,
    // systemd-cryptsetup@… for its backing device): that device's failure.
    const device = deviceOf(name);
    if (device !== null) {
      const p = byName.get(device);
      if (p && p !== e) return p;
    }
    // A mount failed right after the check of its file system (device → fsck → mount, in that order).
    if (unitType(name) === 'mount') {
      const prev = entries.find((c) => c.failure.seq === e.failure.seq - 1);
      if (prev && (prev.failure.ref.name ?? '').startsWith('systemd-fsck@')) return prev;
    }
    const path = pathForMountUnit(name);
    if (path !== null) {
      let best: CascadeEntry | null = null;
      let bestLen = -1;
      for (const m of mounts) {
        const mp = pathForMountUnit(m.failure.ref.name!)!;
        // (Printed before it: systemd prints a failure before the dependency failures it causes, so a mount
        // above it that failed only later, `/boot` after `/boot/efi` had failed for want of its own device,
        // is not why.)
        if (m !== e && isUnder(path, mp) && mp.length > bestLen && m.failure.seq < e.failure.lastSeq) {
          best = m;
          bestLen = mp.length;
        }
      }
      if (best) return best;
    }
    if (STORAGE_TARGETS.has(name)) {
      // systemd prints a job's failure as it propagates (device → fsck → mount → target): a mount that
      // failed for want of its device just before this line is the one, over a mount that failed
      // long before (had the target needed that one, it would have failed then).
      const justBefore = entries.find((c) => c.failure.seq === e.failure.seq - 1);
      if (justBefore && justBefore.failure.kind === 'dependency' && isMountLike(justBefore.failure)) return justBefore;
      // A mount that failed itself; else a mount failed by its device; else the device or other storage.
      const mount = latestPrimaryBefore(e, entries, isMountLike);
      if (mount) return mount;
      const devicesMount = entries.find(
        (c) => c.failure.kind === 'dependency' && c.failure.seq < e.failure.lastSeq && isMountLike(c.failure) && c.parent !== null && c.parent.failure.verb === 'device-timeout',
      );
      if (devicesMount) return devicesMount;
      // A mount that failed for want of something itself, just before.
      const dependentMount = [...entries].reverse().find((c) => c !== e && c.failure.kind === 'dependency' && c.failure.seq < e.failure.seq && isMountLike(c.failure));
      if (dependentMount && !latestPrimaryBefore(e, entries, isStorageUnit)) return dependentMount;
      const storage = latestPrimaryBefore(e, entries, isStorageUnit);
      if (storage) return storage;
    }
  }
  // (A user manager's units wait only on that manager's units; PID 1's on PID 1's.)
  return latestPrimaryBefore(e, entries, (f) => f.manager === e.failure.manager);
}

function latestPrimaryBefore(e: CascadeEntry, entries: readonly CascadeEntry[], accept: (f: FailureState) => boolean): CascadeEntry | null {
  let best: CascadeEntry | null = null;
  // A [DEPEND] printed again after a failure is attributed from its latest report.
  const before = e.failure.lastSeq;
  for (const c of entries) {
    const f = c.failure;
    // Nothing depends on emergency or rescue mode's own units: they fail after whatever called them.
    if (f.kind === 'dependency' || f.seq > before || !accept(f) || SHELL_UNIT.test(c.name)) continue;
    if (best === null || f.seq > best.failure.seq) best = c;
  }
  return best;
}

/** The number of dependency failures that trace back to a root. */
export function dependentsOf(root: CascadeEntry, entries: readonly CascadeEntry[]): number {
  let n = 0;
  for (const e of entries) if (e.root === root && e !== root) n++;
  return n;
}
