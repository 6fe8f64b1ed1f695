/**
 * Known-issue hints, one row each: a condition on a root cause and where it happened, the words that
 * tell what is known about that situation, and where to read more. Hints add to a root cause; they never
 * make one. Each row carries an example the test feeds through the whole Analyzer.
 */
import type { Boot, Cycle, Hint, RootCause } from '../report/schema.js';

interface HintContext {
  cause: RootCause;
  boot: Boot;
  /** The cycle the cause belongs to (null for a boot-level cause). */
  cycle: Cycle | null;
}

export interface HintRow {
  id: string;
  text: string;
  link: string;
  applies(ctx: HintContext): boolean;
  /** A console log this hint must be given for (test/hints.test.ts). */
  example: string;
}

const restarted = (c: Cycle | null): boolean => c !== null && (c.start === 'soft-reboot' || c.start === 'userspace-restart');
const unit = (ctx: HintContext): string => ctx.cause.unit ?? '';
const ESSENTIAL_MOUNTS = new Set(['-.mount', 'sysroot.mount', 'usr.mount', 'sysroot-usr.mount']);

const SOFT_REBOOT_HEAD = [
  '[    0.000000] Linux version 6.12.0 (mockbuild@example) (gcc 14)',
  '[    2.000000] systemd[1]: systemd 257 running in system mode (+PAM)',
  '[  OK  ] Reached target multi-user.target - Multi-User System.',
  '[  OK  ] Reached target soft-reboot.target - Reboot System Userspace.',
  '[  130.000000] systemd[1]: systemd 257 running in system mode (+PAM)',
];

export const HINTS: readonly HintRow[] = [
  {
    id: 'soft-reboot-mount',
    text: 'A mount failed in the userspace a soft-reboot started: no initrd runs on the way, so a source the initrd prepared may be gone (on ostree and bootc systems /var is bound from /sysroot/ostree/deploy/…/var, and /sysroot must still be mounted). Check What= in `systemctl status` of the unit; a full reboot brings it back.',
    link: 'https://github.com/teemtee/tmt/issues/4298',
    applies: (ctx) => restarted(ctx.cycle) && unit(ctx).endsWith('.mount'),
    example: [...SOFT_REBOOT_HEAD, '[FAILED] Failed to mount var.mount - /var.', '[DEPEND] Dependency failed for local-fs.target - Local File Systems.', ''].join('\n'),
  },
  {
    id: 'soft-reboot-crypt',
    text: 'An encrypted device failed after a soft-reboot: the old userspace detached it on the way down unless its /etc/crypttab line has x-initrd.attach (devices the root file system or /usr live on must keep it).',
    link: 'https://www.freedesktop.org/software/systemd/man/latest/systemd-soft-reboot.service.html',
    applies: (ctx) => restarted(ctx.cycle) && (/^systemd-cryptsetup@/.test(unit(ctx)) || /^dev-mapper-/.test(unit(ctx))),
    example: [...SOFT_REBOOT_HEAD, '[FAILED] Failed to start systemd-cryptsetup@data.service - Cryptography Setup for data.', ''].join('\n'),
  },
  {
    id: 'fstab-nofail',
    text: 'The failed mount pulled local-fs.target down, and with it the machine into emergency mode. If the mount is optional, `nofail` in its /etc/fstab options lets the boot go on without it (and `x-systemd.device-timeout=` shortens the wait for its device).',
    link: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.mount.html',
    applies: (ctx) => {
      const u = unit(ctx);
      const em = ctx.cycle?.emergency;
      return em !== null && em !== undefined && em.triggeredBy === 'local-fs.target' && (u.endsWith('.mount') || u.endsWith('.device')) && !ESSENTIAL_MOUNTS.has(u) && !restarted(ctx.cycle);
    },
    example: [
      '[    2.000000] systemd[1]: systemd 257 running in system mode (+PAM)',
      '[FAILED] Failed to mount mnt-data.mount - /mnt/data.',
      '[DEPEND] Dependency failed for local-fs.target - Local File Systems.',
      '[    3.000000] systemd[1]: local-fs.target: Triggering OnFailure= dependencies.',
      'You are in emergency mode. After logging in, type "journalctl -xb" to view system logs,',
      '',
    ].join('\n'),
  },
  {
    id: 'root-locked',
    text: "Emergency mode could not open a shell: the root account is locked (cloud and container images often lock it). Boot once with systemd.debug-shell=1 on the kernel command line (a root shell on tty9), or give root a password in the image.",
    link: 'https://www.freedesktop.org/software/systemd/man/latest/systemd-debug-generator.html',
    applies: (ctx) => [ctx.cycle?.emergency, ctx.boot.emergency].some((m) => m?.evidence.some((e) => e.text.includes('root account is locked'))) || ctx.cause.evidence.some((e) => e.text.includes('root account is locked')),
    example: [
      '[    2.000000] systemd[1]: systemd 257 running in system mode (+PAM)',
      '[FAILED] Failed to mount mnt-data.mount - /mnt/data.',
      '[DEPEND] Dependency failed for local-fs.target - Local File Systems.',
      'You are in emergency mode. After logging in, type "journalctl -xb" to view system logs,',
      'Cannot open access to console, the root account is locked.',
      '',
    ].join('\n'),
  },
  {
    id: 'wait-online',
    text: 'wait-online waits until every link it manages is online: one cable unplugged or one interface nobody configured keeps it waiting until it times out. Limit it (`--any`, `--interface=`), or mark the link optional (RequiredForOnline=no in its .network file).',
    link: 'https://www.freedesktop.org/software/systemd/man/latest/systemd-networkd-wait-online.service.html',
    applies: (ctx) => unit(ctx) === 'systemd-networkd-wait-online.service' || unit(ctx) === 'NetworkManager-wait-online.service',
    example: [
      '[    2.000000] systemd[1]: systemd 257 running in system mode (+PAM)',
      '[FAILED] Failed to start systemd-networkd-wait-online.service - Wait for Network to be Configured.',
      '',
    ].join('\n'),
  },
  {
    id: 'offline-update',
    text: 'An offline update (system-update.target) failed: the machine booted only to apply updates, so the package manager\'s own log of that boot says which package failed (`journalctl -b -u` the update service).',
    link: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.offline-updates.html',
    applies: (ctx) => /^(?:packagekit-offline-update|dnf-system-upgrade|system-update-cleanup|pk-offline-update)\.service$|^system-update\.target$/.test(unit(ctx)),
    example: [
      '[    2.000000] systemd[1]: systemd 257 running in system mode (+PAM)',
      '[FAILED] Failed to start packagekit-offline-update.service - Update the operating system whilst offline.',
      '',
    ].join('\n'),
  },
];

/** Every hint for every root cause of a boot, in order. */
export function hintsFor(boot: Boot): Hint[] {
  const out: Hint[] = [];
  const consider = (cause: RootCause | null, cycle: Cycle | null): void => {
    if (cause === null) return;
    for (const row of HINTS) {
      if (row.applies({ cause, boot, cycle })) out.push({ id: row.id, text: row.text, link: row.link, boot: boot.index, cycle: cycle?.index ?? null, line: cause.lines[0] ?? null });
    }
  };
  consider(boot.rootCause, null);
  for (const c of boot.cycles) consider(c.rootCause, c);
  return out;
}
