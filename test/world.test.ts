/**
 * Shapes of the world's logs that the held-out batches and the metamorphic checks found: each test is a
 * general mechanism, written from systemd's, the kernel's and the initramfs tools' own strings.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Analyzer, analyze } from '../parsers/index.js';
import { findings } from './support/findings.js';

const f = (lines: string[]) => findings(analyze(lines.join('\n') + '\n'));

test('a CI clock in front of console text that looks like `host ident: …` is still taken off', () => {
  const lines = ['Fedora CoreOS 35', 'cosa-devsh login: core (automatic login)', 'Hardware name: QEMU', ': Dependency failed for Mount /boot.'];
  const clocked = lines.map((l, i) => `2024-03-01T12:00:0${i}.1234567Z ${l}`);
  const r = analyze(clocked.join('\n') + '\n');
  assert.is(r.input.lineSources.journal, 0, 'no line was read as a journal entry');
  assert.ok(findings(r).loginReached);
  // A journal's own short-iso lines keep their timestamps (they have `ident[pid]:`).
  const j = analyze('2024-03-01T12:00:00+0000 host systemd[1]: Failed to start foo.service - Foo.\n');
  assert.is(j.input.recognisedAs, 'journal');
  assert.is(findings(j).rootCause, 'foo.service');
});

test('a LAVA log quoted in a mail or saved behind a CI clock is still read as LAVA', () => {
  const rec = (msg: string) => `- {"dt": "2024-01-01T00:00:00.000000", "lvl": "target", "msg": ${JSON.stringify(msg)}}`;
  const log = [rec('[    0.000000] Linux version 6.1.0 (x@y) (gcc) #1 SMP'), rec('[    1.000000] systemd[1]: systemd 252 running in system mode (+PAM)'), rec('[FAILED] Failed to start foo.service - Foo.')];
  for (const wrap of [(l: string) => `> ${l}`, (l: string) => `2024-03-01T12:00:00.1234567Z ${l}`]) {
    const r = analyze(log.map(wrap).join('\n') + '\n');
    assert.ok(r.input.envelopes.some((e) => e.kind === 'lava'));
    assert.is(findings(r).rootCause, 'foo.service');
  }
});

test('moreutils ts: once its clock was seen before a status line, it comes off every line', () => {
  const r = f(['Mar 01 12:00:00 [  OK  ] Reached target multi-user.target - Multi-User System.', 'Mar 01 12:00:01 ', 'Mar 01 12:00:02 debian login: ']);
  assert.ok(r.loginReached);
});

test('printk.time=0: PID 1 lines, reboots and the next banner are read without timestamps', () => {
  const boot = ['Linux version 6.1.0-50-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP', 'Run /init as init process', 'systemd[1]: systemd 252 running in system mode (+PAM)', 'systemd[1]: Failed to start foo.service - Foo.'];
  const r = f([...boot, 'debian login: root', 'systemd-shutdown[1]: Rebooting.', 'reboot: Restarting system', ...boot]);
  assert.is(r.boots, 2);
  assert.is(r.cycles, 2);
  assert.is(r.rootCause, 'foo.service');
  // After a login with no restart in between, `cat /proc/version` is not a boot.
  assert.is(f([...boot, 'debian login: root', '# cat /proc/version', boot[0]!]).boots, 1);
});

test('a panic cut into another program\'s text is still a panic; its end marker is not another', () => {
  const r = f(['mounting /dev/xvdb on /tmp...', 'fsck.ext4: Bad magic numbe[r  in  s  0.881388] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100']);
  assert.equal(r.kernelCrashes, ['panic']);
  const end = f(['[    2.000000] Kernel panic - not syncing: System is deadlocked on memory', '[    2.000100] ---[ end Kernel panic - not syncing: System is deadlocked on memory ]---']);
  assert.equal(end.kernelCrashes, ['panic']);
});

test('a status word whose line a kernel message took: `[FAILED[  9.8] …` then `] Failed to start X.`', () => {
  const r = f(['[    9.000000] systemd[1]: systemd 253 running in system mode (+PAM)', '[FAILED[    9.875659] WCN: marlin_request_firmware start!', '] Failed to start Remount Root and Kernel File Systems.', "See 'systemctl status systemd-remount-fs.service' for details."]);
  assert.is(r.rootCause, 'systemd-remount-fs.service');
});

test('PID 1 could not isolate the default target, in any of its words', () => {
  const r = f(['[   11.004523] systemd[1]: Failed to isolate default target: Unit xyz.openbmc_project.State.Host@0.service failed to load properly, please adjust/correct and reload service manager: File exists', '[!!!!!!] Failed to isolate default target.', '[   11.308690] systemd[1]: Freezing execution.']);
  assert.is(r.rootCause, 'xyz.openbmc_project.State.Host@0.service');
});

test('systemctl\'s "Unit X not found" from a script is that unit failing', () => {
  const r = f(['[    1.346253] gl-laptop dracut-initqueue[663]: Failed to start systemd-cryptsetup@luks\\x2d0f85.service: Unit systemd-cryptsetup@luks\\x2d0f85.service not found.']);
  assert.is(r.rootCause, 'systemd-cryptsetup@luks\\x2d0f85.service');
});

test('a device job that timed out is the device timeout, when the status line was mangled', () => {
  const r = f(['[   92.052396] [systemd TIME [1]: ] dev-disk-by\\x2dlabel-usr.device: Job dev-disk-by\\x2dlabel-usr.device/start timed out.', '[DEPEND] Dependency failed for /sysroot/usr.']);
  assert.is(r.rootCause, 'dev-disk-by\\x2dlabel-usr.device');
});

test('retyped screens: a bare timeout without its full stop, sulogin with a locked root, mkinitcpio\'s double quotes', () => {
  const a = findings(analyze('Timed out waiting for device /dev/mapper\n\nCannot open access to console, the root account is locked.\n'));
  assert.is(a.emergency, 'emergency');
  assert.is(a.rootCause, 'dev-mapper.device');
  const m = findings(analyze('ERROR: device "UUID=1234" not found. Skipping fsck\nYou are now being dropped into emergency shell.\n'));
  assert.is(m.emergency, 'initramfs-shell');
  assert.is(m.rootCauseKind, 'root-device');
});

test('other inits\' emergency shells: KISS init, initramfs-tools\' ZFS script', () => {
  assert.is(f(['=> Init system encountered an error, starting emergency shell.']).emergency, 'emergency');
  const z = f(["Message: cannot import 'rpool': pool may be in use from other system", 'Manually import the root pool at the command prompt then exit.']);
  assert.is(z.emergency, 'initramfs-shell');
  assert.is(z.cycles, 0);
});

test('NixOS stages: stage 1 is the initrd, stage 2 starts systemd; stage 1 says what failed before it stops', () => {
  const clean = f(['<<< NixOS Stage 1 >>>', 'loading module dm_mod...', 'mounting /dev/vg/root on /...', '<<< NixOS Stage 2 >>>']);
  assert.is(clean.boots, 1);
  assert.is(clean.cycles, 1);
  assert.is(clean.rootCause, null);
  const failed = f(['Booting the kernel.', '<<<NixOS Stage 1 >>>', 'state 2 init script (/mnt-root/nix/store/x/init) not found', '', 'An error occurred in stage 1 of the boot process, which must mount the root filesystem on /mnt-root and then start stage 2.']);
  assert.is(failed.startsMidway, false);
  assert.match(failed.rootCause ?? '', /^state 2 init script .* not found$/);
});

test('initramfs-tools: a log that ends inside `Begin: … ...` hung there, never OK', () => {
  const r = analyze(['Begin: Running /scripts/init-premount ... done.', 'Begin: Mounting root file system ... Begin: Running /scripts/local-top ... Please unlock disk crypt_root:', '/bin/clevis-luks-common-functions: line 121: /dev/fd/62: No such file or directory'].join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.match(r.boots[0]!.rootCause!.headline, /hung in 'Mounting root file system › Running \/scripts\/local-top'/);
  // The same steps finished, then systemd ran: nothing hung.
  const ok = analyze(['Begin: Mounting root file system ... done.', '[    3.000000] systemd[1]: systemd 252 running in system mode (+PAM)', 'debian login: '].join('\n') + '\n');
  assert.is(ok.verdict, 'ok');
});

test('TI K3: SPL on the boot core, TF-A, then SPL on the application cores is one power-on', () => {
  const r = f(['U-Boot SPL 2026.01 (May 14 2026 - 08:08:16 +0900)', 'Starting ATF on ARM64 core...', 'NOTICE:  BL31: v2.14.0(release)', 'U-Boot SPL 2026.01 (May 14 2026 - 08:09:09 +0900)', 'U-Boot 2026.01 (May 14 2026 - 08:09:09 +0900)', 'Starting kernel ...', '[    0.000000] Linux version 6.12.0 (x@y) (gcc) #1 SMP']);
  assert.is(r.boots, 1);
  // Without TF-A in between, SPL seen again is a reset.
  assert.is(f(['U-Boot SPL 2026.01 (May 14 2026 - 08:08:16 +0900)', 'Trying to boot from MMC2', 'U-Boot SPL 2026.01 (May 14 2026 - 08:08:16 +0900)']).boots, 2);
});

test('Android and vendor kernels print their caller after the timestamp: the message is still read', () => {
  assert.equal(f(['[    0.691373][7:1:init] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00007f00']).kernelCrashes, ['panic']);
  assert.equal(f(['<0>[    2.083638]  [4:           init:    1] Kernel panic - not syncing: Attempted to kill init task group! exitcode=0x00007f00']).kernelCrashes, ['panic']);
  // arm64's boot-protocol complaint is printed as `WARNING:` but is no splat.
  assert.equal(f(['[    0.000000] WARNING: x1-x3 nonzero in violation of boot protocol:']).kernelCrashes, []);
  // Two RCU flavours reporting the same stall are one incident.
  assert.equal(f(['[   58.670004] INFO: rcu_preempt detected stalls on CPUs/tasks:', '[   58.670006] INFO: rcu_sched detected stalls on CPUs/tasks:']).kernelCrashes.length, 1);
});

test("RHEL 7's /var/log/messages: PID 1 is `systemd:` without a pid, in systemd 219's words", () => {
  const r = f(['Feb 12 23:18:19 ip-172-31-84-133 systemd: Starting Crash recovery kernel arming...', 'Feb 12 23:18:19 ip-172-31-84-133 kdumpctl: Starting kdump: [FAILED]', 'Feb 12 23:18:19 ip-172-31-84-133 systemd: kdump.service: main process exited, code=exited, status=1/FAILURE', 'Feb 12 23:18:19 ip-172-31-84-133 systemd: Failed to start Crash recovery kernel arming.', 'Feb 12 23:18:19 ip-172-31-84-133 systemd: Unit kdump.service entered failed state.']);
  assert.is(r.rootCause, 'kdump.service');
});

test('bootloaders and root devices that never come: GRUB rescue, archiso, the kernel waiting with rootwait', () => {
  assert.is(f(['Booting from Hard Disk...', "error: file '/grub/i386-pc/normal.mod' not found.", 'Entering rescue mode...', 'grub rescue>']).rootCause, "file '/grub/i386-pc/normal.mod' not found");
  const a = f(['Waiting 30 seconds for device /dev/disk/by-label/ARTIX_202002...', "ERROR: '/dev/disk/by-label/ARTIX_202002' device did not show up after 30 seconds...", 'Falling back to interactive prompt']);
  assert.is(a.emergency, 'initramfs-shell');
  assert.is(a.rootCauseKind, 'root-device');
  const w = analyze('[    1.588806] Waiting for root device PARTUUID=a6706617-208c...\n[   11.594292] platform fe2b0000.mmc: deferred probe pending\n');
  assert.is(w.verdict, 'failed');
  assert.is(w.boots[0]!.rootCause!.kind, 'root-device');
  // The root device came: init ran, nothing hung.
  assert.is(analyze('[    1.5] Waiting for root device /dev/mmcblk0p2...\n[    2.000000] Run /sbin/init as init process\n'.replace('1.5]', '1.500000]')).verdict, 'ok');
});

test('init systems other than systemd: Upstart\'s lsb lines, LFS bootscripts, sysvinit\'s shutdown in a syslog', () => {
  const up = analyze(' * Starting Mount filesystems on boot\u001b[74G[ OK ]\r\n * Starting Bridge socket events into upstart\u001b[74G[fail]\r\n');
  assert.is(up.boots.length, 1);
  assert.is(up.boots[0]!.cycles.length, 0);
  assert.match(up.boots[0]!.rootCause?.unit ?? '', /Bridge socket events into upstart/);
  const lfs = f(['Feb 09 17:07:11 +03:00 (none)  Mounting virtual file systems: /run /proc /sys /dev/shm OK', 'Feb 09 17:07:25 +03:00 lfs113  Adding default gateway 10.0.0.2 to the enp0s3 interface...FAIL', '--------', 'Feb 12 09:19:27 +03:00 (none)  Mounting virtual file systems: /run /proc /sys /dev/shm OK']);
  assert.is(lfs.boots, 2);
  assert.is(lfs.rootCause, 'Adding default gateway 10.0.0.2 to the enp0s3 interface');
  const sys = f(['Jul  8 10:34:17 kuro shutdown[3262]: shutting down for system reboot', 'Jul  8 10:34:18 kuro kernel: Kernel logging (proc) stopped.', 'Jul  8 10:35:27 kuro kernel: Linux version 3.4.0 (root@kuro) (gcc version 4.6.3 (Debian 4.6.3-1) ) #1']);
  assert.is(sys.boots, 2);
});

test('failures told in other words: a generator that failed, ostree-prepare-root\'s own error, a vendor `Login:`', () => {
  const g = f(['[    3.864489] (sd-exec-[180]: /usr/lib/systemd/system-generators/systemd-fstab-generator failed with exit status 1.']);
  assert.is(g.rootCause, '/usr/lib/systemd/system-generators/systemd-fstab-generator failed with exit status 1');
  const o = f(["[    2.103382] ostree-prepare-root[722]: ostree-prepare-root: Couldn't find specified OSTree root '/sysroot//ostree/boot.1/default/x/0': No such file or directory"]);
  assert.is(o.rootCause, 'ostree-prepare-root.service');
  assert.ok(f(['Starting kernel ...', '[    0.000000] Linux version 3.18.21 (x@y) (gcc) #1', 'Login: ']).loginReached);
});

test('a [DEPEND] repeated after emergency mode\'s shell failed still belongs to the failure that caused it', () => {
  const j = (t: string, m: string) => `Aug 16 ${t} host systemd[1]: ${m}`;
  const r = f([
    j('13:11:40', 'Running in initial RAM disk.'),
    j('13:11:45', "ignition-ostree-transposefs-save.service: Failed with result 'exit-code'."),
    j('13:11:45', 'Dependency failed for Initrd Default Target.'),
    j('13:11:45', 'initrd.target: Triggering OnFailure= dependencies.'),
    j('13:11:46', 'Started Emergency Shell.'),
    j('13:32:57', "emergency.service: Failed with result 'exit-code'."),
    j('13:32:59', "ignition-ostree-transposefs-save.service: Failed with result 'exit-code'."),
    j('13:32:59', 'Dependency failed for Initrd Default Target.'),
  ]);
  assert.is(r.rootCause, 'ignition-ostree-transposefs-save.service');
});

test('a login prompt after the kernel\'s messages and no word of systemd is another init\'s, unless /etc/issue names a systemd release', () => {
  const kernel = ['Starting kernel ...', '[    0.839283] sun20i-codec 2030000.audio-codec: error -EINVAL: Failed to initialize card'];
  assert.is(f([...kernel, 'slarm64 GNU/Linux (ttyS0)', '', 'mangopi login: root']).cycles, 0);
  assert.is(f([...kernel, 'Ubuntu 18.04.3 LTS linux ttyS0', '', 'linux login: nvidia']).cycles, 1);
  // Without the kernel's messages (a quiet console), a login is systemd's userspace as before.
  assert.is(f(['Debian GNU/Linux 13 lab ttyS0', '', 'lab login: root']).cycles, 1);
});

test('firmware and old kernels: `[INFO]` is firmware\'s log level, EDK II\'s boot manager giving up, Linux 2.4\'s panic', () => {
  const fw = f(['[INFO] Finished Dispatching Drivers', '[Bds] Unable to boot!', '[Bds] Booting Boot Manager Menu.']);
  assert.is(fw.cycles, 0);
  assert.is(fw.rootCause, '[Bds] Unable to boot');
  // systemd's own INFO keeps its padding.
  assert.is(f(['[ INFO ] Finished foo.service.']).cycles, 1);
  assert.equal(f(['Internal error: Oops: ffffffff', '     Kernel panic: Aiee, killing interrupt handler!']).kernelCrashes, ['oops', 'panic']);
  const w = analyze('Waiting for root device /dev/mmcblk0p2...\n\n');
  assert.is(w.verdict, 'failed');
  assert.is(w.boots[0]!.rootCause!.kind, 'root-device');
});

test('BusyBox klogd replaying the ring buffer as `kernel[610]:` in a journal is not a second kernel', () => {
  const r = f(['Apr 23 15:48:10 imx8 kernel: Linux version 5.4.91 (peter@mb) (gcc version 9.3.0) #1 SMP', 'Apr 23 15:48:11 imx8 systemd[1]: systemd 244 running in system mode. (+PAM)', 'Apr 23 15:48:12 imx8 kernel[610]: klogd started: BusyBox v1.31.1 ()', 'Apr 23 15:48:12 imx8 kernel[610]: [    0.000000] Linux version 5.4.91 (peter@mb) (gcc version 9.3.0) #1 SMP']);
  assert.is(r.boots, 1);
  assert.is(r.cycles, 1);
});

test('a login prompt a kernel message wrote over after a CR was still shown', () => {
  const r = analyze('[    1.000000] systemd[1]: systemd 229 running in system mode. (+PAM)\r\nubuntu-xenial login: \r\r[33625.204201] e1000 0000:00:03.0 enp0s3: Detected Tx Unit Hang\r\n');
  assert.ok(findings(r).loginReached);
});

test('a device that never came after the unit that makes it failed: that unit is the cause (cryptsetup, LVM, md…)', () => {
  const r = f(['[FAILED] Failed to start Cryptography setup for root.', 'See `systemctl systemd-cryptsetup@root.service` for details.', '[ TIME ] Timed out waiting for device /dev/gpt-auto-root.', '[DEPEND] Dependency failed for Initrd Root Device.', '[DEPEND] Dependency failed for Initrd Root File System.']);
  assert.is(r.rootCause, 'systemd-cryptsetup@root.service');
});

test("the kernel's EFI stub could not load a file: no kernel ran, never OK", () => {
  const r = analyze("Starting vmlinuz-5.0.13_1\nUsing load options 'root=/dev/sda6 ro initrd=boot\\initramfs-5.0.13_1.img'\nEFI stub: ERROR: Failed to read file\n");
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]!.rootCause!.kind, 'bootloader');
});

test("a WARNING's own words are its evidence, printed before the header (older kernels) or after it (newer)", () => {
  const older = analyze(['Apr 11 09:26:26 HP kernel: [    3.839199] ------------[ cut here ]------------', 'Apr 11 09:26:26 HP kernel: [    3.839200] Could not determine valid watermarks for inherited state', 'Apr 11 09:26:26 HP kernel: [    3.839251] WARNING: CPU: 3 PID: 173 at drivers/gpu/drm/i915/intel_display.c:14537 intel_modeset_init+0xfcf/0x1010 [i915]'].join('\n') + '\n');
  assert.ok(older.boots[0]!.crashes[0]!.evidence.some((e) => e.text.includes('Could not determine valid watermarks')));
  const newer = analyze(['[   31.608344] ------------[ cut here ]------------', '[   31.611091] WARNING: CPU: 0 PID: 297 at drivers/gpu/drm/drm_atomic_helper.c:1530 drm_atomic_helper_wait_for_vblanks+0x2ac/0x2b0', '[   31.611277] [CRTC:54:crtc-0] vblank wait timed out', '[   31.611358] Modules linked in: cmac'].join('\n') + '\n');
  const ev = newer.boots[0]!.crashes[0]!.evidence.map((e) => e.text);
  assert.ok(ev.some((t) => t.includes('vblank wait timed out')));
  assert.not.ok(ev.some((t) => t.includes('Modules linked in')));
});

test('journal lines without their time and host, systemd 219\'s `X failed.`, zram-generator\'s swap description', () => {
  const r = f(['sshd[1209]: fatal: Cannot bind any address.', 'systemd[1]: sshd.service: Main process exited, code=exited, status=255/EXCEPTION', 'systemd[1]: sshd.service: Failed with result exit-code.']);
  assert.is(r.rootCause, 'sshd.service');
  assert.is(f(['Mar 01 12:00:00 host systemd: Started Kubernetes Kubelet.', 'Mar 01 12:00:01 host systemd: kubelet.service failed.']).rootCause, 'kubelet.service');
  assert.equal(f(['[    9.000000] systemd[1]: systemd 249 running in system mode (+PAM)', '[ TIME ] Timed out waiting for device /dev/zram0.', '[DEPEND] Dependency failed for Compressed Swap on /dev/zram0.']).dependencyFailed, ['dev-zram0.swap']);
});

test("a failing unit's own process said why just before, even when the unit got its name only later", () => {
  const r = analyze(['sshd[1822]: error: Bind to port 22 on 192.168.77.222 failed: Cannot assign requested address.', 'sshd[1822]: fatal: Cannot bind any address.', 'systemd[1]: sshd.service never wrote its PID file. Failing.', 'systemd[1]: Failed to start SSH Daemon.', 'systemd[1]: Unit sshd.service entered failed state.'].join('\n') + '\n');
  const rc = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.unit, 'sshd.service');
  assert.ok(rc.evidence.some((e) => e.text.includes('fatal: Cannot bind any address.')));
});


test('a filesystem the kernel could not mount or found damaged, with nothing else failing: that is the cause', () => {
  const lines = ['BTRFS error (device nvme0n1p2): bad tree block start, want 91291648 have 0', 'BTRFS error (device nvme0n1p2): bad tree block start, want 91291648 have 0', 'BTRFS: error (device nvme0n1p2: state A) in btrfs_recovery_log_trees:6764: errno=-5 IO failure', 'BTRFS: error (device nvme0n1p2: state A) in btrfs_recovery_log_trees:6764: errno=-5 IO failure', 'BTRFS error (device nvme0n1p2: state EA): open_ctree failed'];
  // Copied without timestamps, or with them: the mount failure is the cause, the earlier errors its evidence.
  for (const log of [lines, lines.map((l, i) => `[    5.12345${i}] ${l}`)]) {
    const r = analyze(log.join('\n') + '\n');
    assert.is(r.verdict, 'failed');
    const rc = r.boots[0]!.rootCause!;
    assert.is(rc.kind, 'kernel-error');
    assert.is(rc.unit, lines.at(-1));
    assert.equal(rc.lines, [2, 3, 4, 5], 'the mount failure and the errors just before it');
  }
  // ext4 tries ext3 first on every boot that works: not a failure.
  assert.is(f(['[    2.000000] EXT4-fs (mmcblk0p2): couldn\'t mount as ext3 due to feature incompatibilities', '[    2.100000] EXT4-fs (mmcblk0p2): mounted filesystem with ordered data mode.']).rootCause, null);
  // A unit's failure explains a boot before any kernel message does.
  const unit = f(['[    1.000000] systemd[1]: systemd 252 running in system mode (+PAM)', '[    5.000000] XFS (vdb): Corruption warning: Metadata has LSN (1:2) ahead of current LSN', '[FAILED] Failed to mount data.mount - /data.']);
  assert.is(unit.rootCause, 'data.mount');
});

test("a unit's stop kills its process: `Stopped X.` then `x.service: Failed with result 'signal'` is no failure", () => {
  const j = (m: string) => `Jun 10 21:22:40 host systemd[1]: ${m}`;
  const stopped = f([j('Starting Bisect Testing...'), j('bisect.service: Main process exited, code=killed, status=15/TERM'), j('Stopped Bisect Testing.'), j("bisect.service: Failed with result 'signal'."), '-- Reboot --', j('Starting Bisect Testing...')]);
  assert.is(stopped.rootCause, null);
  // Killed by a signal without a stop: a failure.
  const killed = f([j('Starting Bisect Testing...'), j('bisect.service: Main process exited, code=killed, status=11/SEGV'), j("bisect.service: Failed with result 'signal'.")]);
  assert.is(killed.rootCause, 'bisect.service');
});

test('a device path cut by an ellipsis names no device unit: the description stays', () => {
  const r = f(['systemd[1]: Timed out waiting for device /dev/disk/by-uuid/[…].', 'systemd[1]: Dependency failed for Initrd Root Device', 'systemd[1]: Reached target Emergency Mode.']);
  assert.is(r.rootCause, '/dev/disk/by-uuid/[…]');
});


test('a kernel module that could not load (built for another kernel, or against another version of its other half)', () => {
  const nvrm = ['NVRM: API mismatch: the client has the version 390.25, but', 'NVRM: this kernel module has the version 390.12.  Please'];
  for (const log of [nvrm, nvrm.map((l) => `[   12.000000] ${l}`)]) {
    const r = analyze(log.join('\n') + '\n');
    assert.is(r.verdict, 'failed');
    assert.is(r.boots[0]!.rootCause?.kind, 'kernel-error');
    assert.is(r.boots[0]!.rootCause?.unit, nvrm[0]);
  }
  assert.is(f(['[    3.000000] zfs: Unknown symbol spl_kmem_cache_alloc (err -2)']).rootCause, 'zfs: Unknown symbol spl_kmem_cache_alloc (err -2)');
  // Tainting the kernel is no failure.
  assert.is(f(['[    3.000000] nvidia: module verification failed: signature and/or required key missing - tainting kernel']).rootCause, null);
});


test("PID 1's own fatal error (`[!!!!!!]`): the innermost error of the chain it logged is the cause", () => {
  const r = analyze(['Failed to create /init.scope control group: Read-only file system', 'Failed to allocate manager object: Read-only file system', '[!!!!!!] Failed to allocate manager object, freezing.', 'Freezing execution.'].join('\n') + '\n');
  const rc = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.kind, 'manager');
  assert.is(rc.unit, 'Failed to create /init.scope control group: Read-only file system');
  assert.equal(rc.lines, [1, 2, 3, 4]);
  assert.is(rc.description, 'Failed to allocate manager object');
  // Not restated: PID 1's failures just before it, the first of them with its errno the cause (the
  // message itself is the description); one it went on from (`…, ignoring: …`) is no link of the chain.
  const api = analyze(['Failed to mount sysfs at /sys: Operation not permitted', '[!!!!!!] Failed to mount API filesystems, freezing.'].join('\n') + '\n');
  assert.is(api.boots[0]!.cycles[0]!.rootCause!.unit, 'Failed to mount sysfs at /sys: Operation not permitted');
  assert.is(api.boots[0]!.cycles[0]!.rootCause!.description, 'Failed to mount API filesystems');
  assert.equal(api.boots[0]!.cycles[0]!.rootCause!.lines, [1, 2]);
  const ignoring = analyze(['Failed to install release agent, ignoring: No such file or directory', 'Failed to create root cgroup hierarchy: No such file or directory', 'Failed to allocate manager object: No such file or directory', '[!!!!!!] Failed to allocate manager object, freezing.'].join('\n') + '\n');
  assert.is(ignoring.boots[0]!.cycles[0]!.rootCause!.unit, 'Failed to create root cgroup hierarchy: No such file or directory');
  // PID 1's own crash handler: the crash is the cause.
  const segv = analyze(['         Mounting POSIX Message Queue File System...', 'Caught <SEGV>, dumped core as pid 9.', 'Freezing execution.'].join('\n') + '\n');
  assert.is(segv.verdict, 'failed');
  assert.is(segv.boots[0]!.cycles[0]!.rootCause!.kind, 'manager');
  assert.match(segv.boots[0]!.cycles[0]!.rootCause!.unit ?? '', /^Caught <SEGV>, dumped core as pid 9/);
  // A unit it named as it gave up is the more precise cause.
  assert.is(f(['[    4.458063] systemd[1]: Failed to isolate default target: Unit sysroot.mount not found.', '[!!!!!!] Failed to isolate default target, freezing.']).rootCause, 'sysroot.mount');
});

test("PID 1's job results alone (a journal grepped for one unit): failures of their kind; a swap's [DEPEND] names its device", () => {
  const j = (m: string) => `Jul 27 12:09:30 ds9 systemd[1]: ${m}`;
  const swap = 'dev-disk-by\\x2duuid-aa7d.swap';
  const r = f([j("swap.target: Job swap.target/start failed with result 'dependency'."), j(`${swap}: Job ${swap}/start failed with result 'dependency'.`)]);
  assert.equal(r.dependencyFailed, ['swap.target', swap]);
  assert.is(r.rootCause, 'dev-disk-by\\x2duuid-aa7d.device');
});

test('a screen retyped or copied without its status column: a run of `Dependency failed for` lines is systemd\'s, in any case', () => {
  const r = f(['A start job is runnign for /dev/vg0/root -> then timeout', 'Dependency failed for initrd root device', 'Dependency failed for File system check on /dev/vg0/root', 'Emergency mode']);
  assert.is(r.rootCause, 'dev-vg0-root.device');
  // One such line alone may be anyone's.
  assert.is(analyze('Dependency failed for Local File Systems.\n').verdict, 'empty');
});

test("an initramfs's scripts say why they gave up: fsck, an encrypted root, a ZFS pool; ALERT! and the shell on lines of their own", () => {
  const fsck = f(['/dev/sda6 contains a file system with errors, check forced.', '/dev/sda6 UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.', 'fsck exited with status code 4', 'The root filesystem on /dev/sda6 requires a manual fsck', '', 'BusyBox v1.22.1 (Ubuntu 1:1.22.0-15ubuntu1) built-in shell (ash)', '(initramfs) ']);
  assert.is(fsck.rootCause, 'The root filesystem on /dev/sda6 requires a manual fsck');
  assert.ok(fsck.rootEvidence.some((e) => e.includes('UNEXPECTED INCONSISTENCY')), 'what fsck found is evidence');
  assert.is(f(['Please unlock disk cryptroot:', 'cryptsetup: cryptsetup failed, bad password or options?']).rootCause, 'cryptsetup: cryptsetup failed, bad password or options?');
  const tank = f(['Importing pool tank', "cannot import 'tank': no such pool available"]);
  assert.is(tank.rootCauseKind, 'root-device');
  assert.is(tank.rootCauseDescription, "cannot import 'tank': no such pool available");
  const alert = analyze(['ALERT! UUID=8093e2a9 does not exist.', 'Dropping to a shell', '(initramfs) '].join('\n') + '\n');
  assert.is(alert.boots[0]!.rootCause?.kind, 'root-device');
  // fsck that fixed what it found: no failure.
  assert.is(analyze('/dev/sda1 contains a file system with errors, check forced.\n').verdict, 'empty');
});

test('a panic that a detector raised names the kind of crash when the report before it is not in the log', () => {
  assert.is(f(['Kernel panic - not syncing: hung_task: blocked tasks', 'CPU: 3 PID: 27 Comm: khungtaskd']).rootCause, 'hung-task');
  assert.is(f(['[ 5.0] Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled']).rootCause, 'oom');
  // `Oops: ` in a driver's message is no oops; an oops header has its count (or, before 2.6, its code).
  assert.equal(f(['[    1.000000] Oops: efitime: can\'t read time!']).kernelCrashes, []);
  assert.equal(f(['[    1.000000] Oops: 0000 [#1] SMP']).kernelCrashes, ['oops']);
  assert.equal(f(['[    1.000000] Oops: 0002']).kernelCrashes, ['oops']);
  assert.equal(f(['Internal error: Oops: ffffffff']).kernelCrashes, ['oops']);
});

test('kernel reports the console garbled or printed without timestamps still count', () => {
  // Kernels before 3.x: `WARNING: at file:line fn()`, here without timestamps.
  assert.equal(f(['WARNING: at arch/x86/mm/ioremap.c:104 __ioremap_caller+0xa7/0x290()', 'Modules linked in:']).kernelCrashes, ['warning']);
  // A header the serial line garbled, between `cut here` and `end trace`: a warning.
  const r = f(['[    0.000000] ------------[ cut here ]------------', '[    0.000000] AANNIN: PP::00PPID  0 at /uull//iinu', '[    0.000000] ---[ end trace e375fa1a061b120 ]---']);
  assert.equal(r.kernelCrashes, ['warning']);
  // A report whose header was read is not counted twice.
  assert.equal(f(['[    1.000000] ------------[ cut here ]------------', '[    1.000000] WARNING: CPU: 0 PID: 1 at fs/x.c:1 f+0x1/0x2', '[    1.000000] ---[ end trace 0 ]---']).kernelCrashes, ['warning']);
});

test("no systemd: a mount that failed just before sulogin's maintenance prompt is why", () => {
  const r = f(['mount: mounting /dev/mtdblock5 on run/initramfs/rw failed: Input/output error', 'Mounting read-write /dev/mtdblock5 filesystem failed.  Please fix and run', 'Give root password for system maintenance', '(or type Control-D for normal startup):']);
  // (Onto the initramfs's own writable layer: the initramfs's script asked, the shell is the initramfs's.)
  assert.is(r.rootCause, 'root-device');
  assert.is(r.rootCauseDescription, 'mount: mounting /dev/mtdblock5 on run/initramfs/rw failed: Input/output error');
  assert.is(r.emergency, 'initramfs-shell');
  // The script's own words as it gave up are evidence.
  assert.ok(r.rootEvidence.some((e) => e.startsWith('Mounting read-write /dev/mtdblock5 filesystem failed.')));
  // What made the mount fail, just before it, is the cause (OpenBMC's overlay on a full flash).
  const full = f(["mkdir: can't create directory 'run/initramfs/rw/work': No space left on device", "overlayfs: failed to resolve 'run/initramfs/rw/work': -2", 'mount: mounting cow on /root failed: No such file or directory', 'Change Root test failed!  Invoking emergency shell.', 'Give root password for system maintenance', '(or type Control-D for normal startup):']);
  assert.is(full.rootCauseDescription, "mkdir: can't create directory 'run/initramfs/rw/work': No space left on device");
  assert.ok(full.rootEvidence.includes('mount: mounting cow on /root failed: No such file or directory'));
  // A maintenance prompt after a mount elsewhere (a data disk of the real root) stays the init system's emergency.
  assert.is(f(['mount: mounting /dev/sdb1 on /data failed: No such device', 'Give root password for system maintenance', '(or type Control-D for normal startup):']).emergency, 'emergency');
});

test("initramfs-tools' LVM script could not activate the root volume: that volume is the root device, device mapper's complaint its evidence", () => {
  const r = f(['  device-mapper: resume ioctl on  failed: Invalid argument', '  Unable to resume vg0-root (253:0)', 'Unable to find LVM volume vg0/root', 'Gave up waiting for root device.  Common problems:', ' - Check root= (did the system wait for the right device?)', 'ALERT!  /dev/mapper/vg0-root does not exist.  Dropping to a shell!', '(initramfs) ']);
  assert.is(r.rootCause, 'dev-mapper-vg0\\x2droot.device');
  assert.ok(r.rootEvidence.includes('Unable to find LVM volume vg0/root'));
  assert.ok(r.rootEvidence.includes('Unable to resume vg0-root (253:0)'));
});

test("a program's error printed between a unit's Starting line and its failure, nothing else started between, is that unit's", () => {
  const lines = ['[  OK  ] Started Bottlerocket API server.', '         Starting User-specified setting generators...', '[    4.676152] settings-committer[366]: Error sending POST to /tx/commit: Failed to send request', '[FAILED] Failed to start User-specified setting generators.', "See 'systemctl status sundog.service' for details."];
  const r = f(lines);
  assert.is(r.rootCause, 'sundog.service');
  assert.ok(r.rootEvidence.some((e) => e.includes('settings-committer[366]: Error sending POST')));
  // Another unit started between: the error may be that one's.
  const other = f([...lines.slice(0, 3), '         Starting Other Thing...', ...lines.slice(3)]);
  assert.not.ok(other.rootEvidence.some((e) => e.includes('settings-committer[366]')));
});

test("a container's boot begins with PID 1: not midway; an audit record of login(1) is a login", () => {
  const r = f(['systemd 245.4-4ubuntu3.17 running in system mode. (+PAM +AUDIT)', 'Detected virtualization docker.', 'Detected architecture x86-64.', '', 'Welcome to Ubuntu 20.04.5 LTS!', '[  OK  ] Reached target Multi-User System.']);
  assert.is(r.startsMidway, false);
  // A VM detects virtualization too: its boot is not a container's.
  assert.is(f(['systemd 245 running in system mode. (+PAM)', 'Detected virtualization kvm.', '', 'Welcome to Ubuntu 20.04.5 LTS!']).startsMidway, true);
  const audit = '[   41.832177] audit: type=1100 audit(1587143791.204:26): pid=721 uid=0 auid=4294967295 ses=4294967295 msg=\'op=PAM:authentication grantors=pam_unix acct="me" exe="/usr/bin/login" hostname=H addr=? terminal=tty1 res=success\'';
  assert.ok(f(['[    1.000000] systemd[1]: systemd 245 running in system mode. (+PAM)', audit]).loginReached);
});


test('a photo of the screen read by OCR: `]` read as `1` or `J`, the status word on a line of its own, `,` for `.`', () => {
  const r = f(['[    1.000000] systemd[1]: systemd 254 running in system mode', '[ TIME 1 Timed out waiting for device /dev/disk/by-label/cryptroot', '[DEPEND] Dependency failed for Cryptography Setup for luksroot.', 'OK', '] Started Emergency Shell.', 'OK', '] Reached target Emergency Mode,']);
  assert.is(r.rootCause, 'dev-disk-by\\x2dlabel-cryptroot.device');
  assert.is(r.emergency, 'emergency');
  // `[ OK 1` is no status line unless a status message follows.
  assert.is(f(['[ OK 1 2 3']).boots, 0);
});


test('other inits and their words: Talos, k3OS, OpenRC naming the service that would not start, BusyBox init respawning', () => {
  const talos = analyze('[    5.245646] [talos] task enforceKSPPRequirements (1/7): starting\n[    5.246800] [talos] task enforceKSPPRequirements (1/7): failed\n');
  assert.is(talos.boots[0]!.init, 'talos');
  assert.is(talos.boots[0]!.rootCause?.unit, 'enforceKSPPRequirements');
  assert.is(analyze('[FATAL] Failed to determine boot mode\nexit 1\n').boots[0]!.rootCause?.unit, 'Failed to determine boot mode');
  assert.is(analyze('udev                      | * ERROR: cannot start udev as sysfs would not start\n').boots[0]!.rootCause?.unit, 'sysfs');
  const j = (m: string) => `Feb 11 02:55:09 localhost daemon.info init: ${m}`;
  const getty = (pid: number) => j(`process '/sbin/getty -L 0 ttyS0 vt100' (pid ${pid}) exited. Scheduling for restart.`);
  // Twice is a login and a logout; a third time it keeps failing.
  assert.is(analyze([getty(1), getty(2)].join('\n') + '\n').verdict, 'ok');
  assert.is(analyze([getty(1), getty(2), getty(3)].join('\n') + '\n').boots[0]!.rootCause?.unit, '/sbin/getty -L 0 ttyS0 vt100');
  // BusyBox syslogd starts once a boot: a syslog without kernel lines splits there.
  const started = 'Feb 11 02:54:56 localhost syslog.info syslogd started: BusyBox v1.32.1';
  assert.is(analyze([started, j("starting pid 1, tty '': '/sbin/openrc default'"), started].join('\n') + '\n').boots.length, 2);
});

test('a syslog or typed dmesg printing the ring buffer again is the same boot; a watchdog reset the next firmware names fails the boot before', () => {
  const k = (t: number, m: string) => `[${t.toFixed(6).padStart(12)}] ${m}`;
  const boot = [k(0, 'Linux version 5.0.0 (x@y) (gcc) #1 SMP'), k(3.5, 'Run /sbin/init as init process'), 'Starting logging: OK'];
  const replay = ['Jan  1 00:00:03 buildroot kern.notice kernel: [    0.000000] Linux version 5.0.0 (x@y) (gcc) #1 SMP', 'Jan  1 00:00:04 buildroot kern.notice kernel: [    4.200491] random: dd: uninitialized urandom read'];
  assert.is(f([...boot, ...replay]).boots, 1);
  assert.is(f([...boot, 'buildroot login: root', '# dmesg', k(0, 'Linux version 5.0.0 (x@y) (gcc) #1 SMP'), k(1, 'Run /sbin/init as init process')]).boots, 1);
  // A reset without a word from the kernel, and the next firmware saying the watchdog did it.
  const r = analyze(['U-Boot 2019.01 (Feb 06 2019)', 'Reset cause: POR', 'Starting kernel ...', '', 'U-Boot 2019.01 (Feb 06 2019)', 'Reset cause: WDOG', 'Starting kernel ...'].join('\n') + '\n');
  assert.is(r.boots.length, 2);
  assert.is(r.boots[0]!.rootCause?.lines[0], 6);
  // (The second kernel printed nothing before the log ends: that silence is its boot's failure.)
  assert.is(r.boots[1]!.rootCause?.kind, 'unexplained');
  assert.is(r.boots[1]!.rootCause?.description, 'Starting kernel ...');
});

test('a paste indented as a whole, an unpadded kernel stamp with a process after it, the end of a panic whose start was cut', () => {
  const r = f(['    U-Boot 2019.01 (Feb 06 2019)', '    Starting kernel ...', '', '    U-Boot 2019.01 (Feb 06 2019)']);
  assert.is(r.boots, 2);
  const dracut = analyze('[186.175174] dracut-initqueue[268]: Warning: dracut-initqueue timeout - starting timeout scripts\n[186.175675] dracut-initqueue[268]: Warning: Could not boot.\n');
  assert.is(dracut.boots[0]!.rootCause?.unit, 'dracut-initqueue timeout - starting timeout scripts');
  // Firmware's own unpadded stamps are not the kernel's.
  assert.is(analyze('[2.873679] Loading image\n').verdict, 'empty');
  assert.equal(f(['[    0.056000] ---[ end Kernel panic - not syncing: IO-APIC + timer doesn\'t work!  Boot with apic=debug ]---']).kernelCrashes, ['panic']);
});

test("a network card its driver says hung; a script's failure pointing at its unit's journal; a console's getty is no cause when something else failed", () => {
  assert.is(f(['[  100.000000] igc 0000:03:00.0 enp3s0: Detected Tx Unit Hang']).rootCause, 'igc 0000:03:00.0 enp3s0: Detected Tx Unit Hang');
  assert.is(f(['[  100.000000] i915 0000:00:02.0: [drm] GPU HANG: ecode 9:1:85df9cff, in sddm-greeter [579]']).rootCause, 'i915 0000:00:02.0: [drm] GPU HANG: ecode 9:1:85df9cff, in sddm-greeter [579]');
  const nix = f(['<<< Welcome to NixOS 24.05 (x86_64) - ttyS0 >>>', 'nixos login: nixos (automatic login)', 'pre-nixos: Provisioning failed.', "             Inspect 'journalctl -u pre-nixos' for failure details."]);
  assert.is(nix.rootCause, 'pre-nixos.service');
  const c = f(['[    1.000000] systemd[1]: systemd 252 running in system mode (+PAM)', '[FAILED] Failed to start resin-init.service - Resin init service.', '[ TIME ] Timed out waiting for device dev-ttyS0.device - /dev/ttyS0.', '[DEPEND] Dependency failed for serial-getty@ttyS0.service - Serial Getty on ttyS0.']);
  assert.is(c.rootCause, 'resin-init.service');
});


test("bootloaders' last words (U-Boot's bootflow, systemd-boot's assertion), BusyBox init's missing rcS, dracut's scripts dying with `fatal:`", () => {
  assert.is(analyze('** Booting bootflow \'mmc@11230000.bootdev.part_5\' with extlinux\nmissing environment variable: kernel_addr_r\nBoot failed (err=-14)\n').boots[0]!.rootCause?.unit, 'missing environment variable: kernel_addr_r');
  assert.is(analyze("systemd-boot: Assertion 'prefix' failed at ../src/boot/efi/stub.c:372@load_addons, halting.\n").boots[0]!.rootCause?.unit, "Assertion 'prefix' failed at ../src/boot/efi/stub.c:372@load_addons, halting");
  assert.is(f(['Run /sbin/init as init process', "can't run '/etc/init.d/rcS': No such file or directory"]).rootCause, "can't run '/etc/init.d/rcS': No such file or directory");
  // Other scripts BusyBox init may try are optional.
  assert.is(f(['Run /sbin/init as init process', "can't run '/etc/preinit': No such file or directory"]).rootCause, null);
  const xcat = analyze("[Thu Dec  7 02:40:44 2017][  138.390561] dracut-initqueue[1550]: awk: /tmp/updateflag:19: fatal: can't redirect to `/var/log/x.log'\n");
  assert.is(xcat.boots[0]!.rootCause?.unit, "awk: /tmp/updateflag:19: fatal: can't redirect to `/var/log/x.log'");
});

test("the spinner's words without its bracket, one systemd program's journal line", () => {
  assert.equal(f(['A start job is running for Wait for Network to be Configured']).hungJobs, ['systemd-networkd-wait-online.service']);
  const one = analyze('Jul 02 23:23:15 archlinux systemd-cryptsetup[258]: Failed to unseal secret using TPM2: Operation not permitted\n');
  assert.is(one.boots.length, 1);
  assert.is(one.boots[0]!.cycles.length, 1);
  // Another program's single line is not enough to say a machine booted.
  assert.is(analyze('Jul 02 23:23:15 archlinux sshd[258]: Server listening on 0.0.0.0 port 22.\n').verdict, 'empty');
});


test("a status line retyped with a capital verb, systemd 230's `X: Unit entered failed state.`, a unit still restarting when the log ends", () => {
  assert.is(f(['[FAILED] Failed to Start Create Volatile Files and Directories', "See 'systemctl status systemd-tmpfiles-setup.service' for details"]).rootCause, 'systemd-tmpfiles-setup.service');
  assert.is(f(['minecraft@vanilla.service: Unit entered failed state.', "minecraft@vanilla.service: Failed with result 'exit-code"]).rootCause, 'minecraft@vanilla.service');
  const j = (m: string) => `Jun 18 08:05:49 pinkberry systemd[1]: ${m}`;
  const looping = [j('mysterium-node.service: Main process exited, code=exited, status=1/FAILURE'), j("mysterium-node.service: Failed with result 'exit-code'."), j('mysterium-node.service: Scheduled restart job, restart counter is at 2.')];
  assert.is(f(looping).rootCause, 'mysterium-node.service');
  // Restarted and started: it recovered.
  assert.is(f([...looping, j('Started mysterium-node.service - Mysterium node.')]).rootCause, null);
});

test("a boot.log's boots: the initramfs checks the root file system once a boot, before systemd", () => {
  const boot = ['/dev/sda7: clean, 605075/3547136 files, 4742494/14178646 blocks', '[  OK  ] Started Journal Service.', '[FAILED] Failed to start Load Kernel Modules.', "See 'systemctl status systemd-modules-load.service' for details.", '[  OK  ] Reached target Multi-User System.'];
  const r = f([...boot, ...boot, ...boot]);
  assert.is(r.boots, 3);
  assert.is(r.cycles, 3);
  // Another file system checked in the same boot is not a boot.
  assert.is(f([boot[0]!, boot[1]!, '/dev/sda1: clean, 11/65536 files, 1234/262144 blocks', boot[4]!]).boots, 1);
});

test("systemd's unit highlight, its escape stripped up to a colon, leaves digits glued to the unit's name", () => {
  const r = f(['[  601.012049] systemd[1]: 5:185mfoo-wait.service: start operation timed out. Terminating.', "[  602.167716] systemd[1]: 5:185mfoo-wait.service: Failed with result 'timeout'."]);
  assert.is(r.rootCause, 'foo-wait.service');
  assert.is(f(["Jun 24 13:03:16 host systemd[1]: 38:5:185mbar.service: Failed with result 'exit-code'."]).rootCause, 'bar.service');
});

test('a start that timed out, in kmsg with nothing after it: the unit failed, in a cycle of its own', () => {
  const r = f(['[    1.835141] audit: type=1334 audit(1750080380.868:10): prog-id=28 op=LOAD', '[   46.870799] systemd[1]: systemd-nsresourced.service: start operation timed out. Terminating.']);
  assert.is(r.rootCause, 'systemd-nsresourced.service');
  assert.is(r.cycles, 1);
  // A stop that timed out is no failure to start.
  assert.is(f(['[   46.870799] systemd[1]: foo.service: stop operation timed out. Killing.']).rootCause, null);
});

test("a description two units share: the message's verb says which (a target neither fails to start nor starts)", () => {
  const failed = analyze('[FAILED] Failed to start Switch Root.\nEntering emergency mode. Exit the shell to continue.\n');
  const rc = failed.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.unit, 'initrd-switch-root.service');
  assert.is(rc.description, 'Switch Root');
  // The switch-root service failing after `Reached target Switch Root.` is the switch failing.
  const j = (m: string) => `[  294.360309] localhost systemd[1]: ${m}`;
  const r = f([j('Started Emergency Shell.'), j('Reached target Emergency Mode.'), j('Reached target Switch Root.'), j('Starting Switch Root...'), j('initrd-switch-root.service: Main process exited, code=exited, status=1/FAILURE'), j("initrd-switch-root.service: Failed with result 'exit-code'.")]);
  assert.is(r.rootCause, 'initrd-switch-root.service');
});

test("an initramfs that names no device: its first error is the cause's description (Alpine's recovery shell)", () => {
  const r = analyze(['ERROR: musl-1.2.3-r4: BAD archive', 'ERROR: busybox-1.35.0r29.post-install: script exited with error 127', '/sbin/init not found in new root. Launching emergency recovery shell', 'Type exit to continue boot.', '/ #'].join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  const got = findings(r);
  assert.is(got.emergency, 'initramfs-shell');
  assert.is(got.rootCauseDescription, 'ERROR: musl-1.2.3-r4: BAD archive');
  // The end of a line whose start went elsewhere (`failed.`) says nothing: the cause stays the root device's.
  const cut = findings(analyze('[    2.0] clocksource: Switched to clocksource tsc\nfailed.\ninitramfs emergency recovery shell launched. Type \'exit\' to continue boot\n'));
  assert.is(cut.rootCauseKind, 'root-device');
  assert.is.not(cut.rootCauseDescription, 'failed');
});

test("a board whose kernel counts from power-on: its banner, on the same clock as its first line, is that kernel's", () => {
  const r = f(['U-Boot 2017.09-armbian (May 27 2023 - 19:31:23 +0000)', 'Starting kernel ...', '', '[   14.905596] Booting Linux on physical CPU 0x0000000000 [0x412fd050]', '[   14.905620] Linux version 5.10.160 (nixbld@localhost) (gcc 12.2.0) #1-NixOS SMP', '[   15.100000] Run /init as init process']);
  assert.is(r.boots, 1);
  // A banner after the kernel ran on is the next boot's.
  assert.is(f(['[   14.905596] Booting Linux on physical CPU 0x0', '[   24.000000] reboot: Restarting system', '[   14.905620] Linux version 5.10.160 (x@y) (gcc) #1 SMP']).boots, 2);
});

test("OpenRC's own start failing, a systemd-shutdown tail, an Avocado serial log's clock", () => {
  const openrc = f([' * Mounting /run ...mount: /run: permission denied.', ' * Unable to mount tmpfs on /run.', " * Can't continue.", '   OpenRC 0.44.10 is starting up Gentoo Linux (x86_64) [DOCKER]']);
  assert.is(openrc.rootCause, 'Unable to mount tmpfs on /run.');
  const tail = f(['[   14.299057] systemd-shutdown[1]: Unmounting /usr.', '[   14.307076] reboot: Restarting system']);
  assert.is(tail.cycles, 1);
  const avocado = analyze('2015-01-23 10:58:15: Fedora release 17 (Beefy Miracle)\n2015-01-23 10:58:15: atest-guest login:\n');
  assert.ok(avocado.input.envelopes.some((e) => e.kind === 'ci-timestamps'));
  assert.ok(findings(avocado).loginReached);
});

test("the root cause's description: the unit's as the log printed it, or systemd's own unit's", () => {
  const printed = analyze('[FAILED] Failed to start foo.service - Foo Configuration Service.\n');
  assert.is(printed.boots[0]!.cycles[0]!.rootCause!.description, 'Foo Configuration Service');
  const named = analyze("[    5.000000] systemd[1]: systemd-networkd-wait-online.service: Failed with result 'timeout'.\n");
  assert.is(named.boots[0]!.cycles[0]!.rootCause!.description, 'Wait for Network to be Online');
});

test('a main process that exited with failure, the last word on its unit: the unit failed (a clean SIGTERM did not)', () => {
  const j = (m: string) => `Mar 10 12:48:44 host systemd[1]: ${m}`;
  assert.is(f(['Mar 10 12:48:44 host sh[228]: ifup: failed to bring up eth0', j('ifup@eth0.service: Main process exited, code=exited, status=1/FAILURE')]).rootCause, 'ifup@eth0.service');
  assert.is(f(['[   26.240891] archlinux systemd[1]: sysroot.mount: Mount process exited, code=exited, status=32/n/a']).rootCause, 'sysroot.mount');
  assert.is(f([j('geoclue.service: Main process exited, code=killed, status=15/TERM'), j('geoclue.service: Succeeded.')]).rootCause, null);
  assert.is(f([j('Stopping Foo...'), j('Stopped Foo.'), j('foo.service: Main process exited, code=exited, status=1/FAILURE')]).rootCause, null);
});

test("OpenWrt's module loader probing in any order (`Unknown symbol … (err 0)`) is no driver failure; an empty record stamped 0 is no new boot", () => {
  assert.is(f(['[    7.130000] nf_nat_amanda: Unknown symbol nf_nat_amanda_hook (err 0)']).rootCause, null);
  assert.is(f(['[    3.000000] zfs: Unknown symbol spl_kmem_cache_alloc (err -2)']).rootCause, 'zfs: Unknown symbol spl_kmem_cache_alloc (err -2)');
  const r = f(['[6052842.699821] device-mapper: core: periodic/1: sending ioctl 5401 to DM device without required privilege.', '[    0.000000] ', '[6052842.700436] device-mapper: core: periodic/1: sending ioctl 5401 to DM device without required privilege.']);
  assert.is(r.boots, 1);
});

test("a root device's description is the initrd's words without their level (`Warning: /dev/… does not exist`)", () => {
  const r = findings(analyze(['[  OK  ] Started Show Plymouth Boot Screen.', '[  184.8] dracut-initqueue[380]: Warning: dracut-initqueue timeout - starting timeout scripts', '[  185.0] dracut-initqueue[380]: Warning: Could not boot.', 'Warning: /dev/disk/by-uuid/6076c7dd-4a2a does not exist', '', 'Generating "/run/initramfs/rdsosreport.txt"', 'Entering emergency mode. Exit the shell to continue.'].join('\n') + '\n'));
  assert.is(r.rootCauseKind, 'root-device');
  assert.is(r.rootCauseDescription, '/dev/disk/by-uuid/6076c7dd-4a2a does not exist');
});

test("journalctl's output is systemd-journald's: a boot it shows ran systemd, even with none of PID 1's lines", () => {
  const k = ['-- Logs begin at Mon 2024-01-01 00:00:00 UTC, end at Mon 2024-01-01 00:10:00 UTC. --', 'Jan 01 00:00:01 haos kernel: Booting Linux on physical CPU 0x0000000000 [0x414fd0b1]', 'Jan 01 00:00:05 haos kernel: Unable to handle kernel paging request at virtual address ffffffc0813e0000'];
  assert.is(f(k).cycles, 1);
  // The same lines from a syslog file (no journalctl marks) say nothing of the init system.
  assert.is(f(k.slice(1)).cycles, 0);
  // A syslog writes the kernel's own stamp inside its lines; journalctl does not.
  assert.is(f([k[0]!, 'Jan 01 00:00:01 host kernel: [    0.000000] Linux version 2.6.32 (x@y) #1 SMP']).cycles, 0);
});

test("sysvinit's and Upstart's maintenance shells: rc.sysinit's fsck shell, mountall's `Press enter for maintenance`", () => {
  const rc = f(['Checking filesystems', 'fsck.ext3: No such file or directory while trying to open /dev/sdh', '[FAILED]', '', '*** An error occurred during the file system check.', '*** Dropping you to a shell; the system will reboot', '*** when you leave the shell.', 'Give root password for maintenance']);
  assert.is(rc.emergency, 'emergency');
  assert.is(rc.rootCause, 'fsck.ext3: No such file or directory while trying to open /dev/sdh');
  // dracut's own words for its shell stay dracut's.
  assert.is(f(['dracut Warning: *** Dropping you to a shell; the system will try', 'dracut Warning: *** to mount the filesystem(s), when you leave the shell.']).emergency, 'dracut-shell');
  const upstart = f(['mountall: root filesystem isn\'t mounted', 'init: mountall main process (221) terminated with status 1', '', 'General error mounting filesystems.', 'A maintenance shell will now be started.', 'Press enter for maintenance', '(or type Control-D to continue):']);
  assert.is(upstart.emergency, 'emergency');
});

test("a combined-format status line that lost its unit's name (`- /dev/disk/by-label/x`); mkinitcpio's recovery shell; 2.6's `kill process`", () => {
  const r = f(['[ [0;1;31m TIME [0m] Timed out waiting for device - /dev/disk/by-label/var_log.', 'You are in emergency mode. After logging in, type "journalctl -xb" to view']);
  assert.is(r.rootCause, 'dev-disk-by\\x2dlabel-var_log.device');
  const m = f(["ERROR: Unable to determine major/minor number of root device '/dev/xvda1'.", 'You are being dropped to a recovery shell', '    Type \'exit\' to try and continue booting', 'sh: can\'t access tty; job control turned off', '[rootfs /]#']);
  assert.is(m.emergency, 'initramfs-shell');
  assert.is(m.rootCause, 'dev-xvda1.device');
  assert.equal(f(['[115879.769795] Out of memory: kill process 20273 (httpd) score 1285879 or a child']).kernelCrashes, ['oom']);
});

test("a motd's `Welcome to X!` after a login is no new cycle", () => {
  const motd = f(['[  OK  ] Reached target Multi-User System.', '', 'vyos login: vyos', 'Password: ', 'Welcome to VyOS!', 'vyos@vyos:~$']);
  assert.is(motd.cycles, 1);
});

test("NixOS stage 1 waiting for its root device, the log ending there; Alpine's `Launching initramfs emergency recovery shell`; ZFS's `more than one matching pool`", () => {
  const wait = analyze('waiting for device /dev/disk/by-path/pci-0000 to appear....\nwaiting for device 00 to appear....\n');
  assert.is(wait.verdict, 'failed');
  assert.is(findings(wait).rootCause, 'dev-disk-by\\x2dpath-pci\\x2d0000.device');
  assert.is(findings(wait).rootCauseDescription, 'waiting for device /dev/disk/by-path/pci-0000 to appear');
  const anyway = findings(analyze('Timed out waiting for device /dev/root, trying to mount anyway.\nmounting /dev/root on /iso...\n'));
  assert.is(anyway.rootCause, 'dev-root.device');
  // Waiting and then going on (a stage 2 follows) is no failure.
  assert.is(f(['waiting for device /dev/disk/by-label/nixos to appear...', '<<< NixOS Stage 2 >>>', 'running activation script...']).rootCause, null);
  const alpine = f(['mount: mounting /dev/vda3 on /sysroot failed: Invalid argument', 'Mounting root failed.', 'Launching initramfs emergency recovery shell.']);
  assert.is(alpine.emergency, 'initramfs-shell');
  const two = f(["cannot import 'rpool': more than one matching pool", "import by numeric ID instead"]);
  assert.is(two.rootCauseKind, 'root-device');
  assert.is(two.rootCauseDescription, "cannot import 'rpool': more than one matching pool");
});

test("Amlogic's vendor kernels stamp the CPU after an `@` (`[    0.000000@0] Linux version …`): kernel lines, so the bootloader's earlier error was not the end", () => {
  const r = analyze(['U-Boot 2015.01 (Jun 30 2020 - 05:31:57)', 'Bad Linux ARM64 Image magic!', 'Starting kernel ...', '', '[    0.000000@0] Booting Linux on physical CPU 0x0', '[    0.000000@0] Linux version 4.9.113 (masaki@ubuntu) (gcc version 6.3.1) #2 SMP PREEMPT', '[    1.234567@3] Run /init as init process'].join('\n') + '\n');
  assert.is(r.boots[0]!.kernelVersion, '4.9.113');
  assert.is(r.verdict, 'ok');
});

test("dinit's status lines (`[  OK  ] dbus`, `[FAILED] dhcpcd`): another init, not systemd's status lines", () => {
  const clean = f(['[  OK  ] syslog-ng', '[  OK  ] local.target', '[  OK  ] dbus', '[STOPPD] dbus']);
  assert.is(clean.boots, 1);
  assert.is(clean.cycles, 0);
  assert.is(clean.rootCause, null);
  const failed = analyze('[  OK  ] udevd\n[FAILED] dhcpcd\n');
  assert.is(failed.verdict, 'failed');
  assert.is(failed.boots[0]!.init, 'dinit');
  // systemd's own lines always say what happened, with a capital: still systemd's.
  assert.is(f(['[  OK  ] Started dbus.service - D-Bus System Message Bus.']).cycles, 1);
});

test("PID 1 freezing after its fatal error, said without the status column: the line before is the cause", () => {
  const r = f(['Starting Switch Root...', 'Refusing to run in unsupported environment where /usr/ is not populated', 'systemd[1]: Freezing execution.']);
  assert.is(r.cycles, 1);
  assert.is(r.rootCauseDescription, 'Refusing to run in unsupported environment where /usr/ is not populated');
  // With the `[!!!!!!]` line read first, the freeze adds evidence and changes nothing.
  const bang = f(['[!!!!!!] Failed to mount API filesystems.', '[    1.2] systemd[1]: Freezing execution.']);
  assert.is(bang.rootCauseDescription, 'Failed to mount API filesystems');
});

test("status words that lost their brackets, the spinner's `Job X/start running` without its bracket, `unit: Job unit/start timed out.`", () => {
  const r = f(['Job foo.service/start running (1min 27s / no limit)', 'FAILED Failed to start foo.service - Foo.', 'DEPEND Dependency failed for multi-user.target - Multi-User System.']);
  assert.is(r.rootCause, 'foo.service');
  assert.equal(r.hungJobs, ['foo.service']);
  // The word must fit the message: `OK Failed to …` is text.
  assert.is(f(['OK Failed to start foo.service - Foo.']).rootCause, null);
  assert.is(f(['dev-sdb1.device: Job dev-sdb1.device/start timed out.']).rootCause, 'dev-sdb1.device');
  // A journal line whose time column was cut off: `host ident[pid]: …`.
  assert.is(f(['fedora systemd[1]: Timed out waiting for device dev-sdb1.device - /dev/sdb1.']).rootCause, 'dev-sdb1.device');
});

test("a test driver's machine name before each line (`machine # `); a fence with the first line glued to it; systemd's description retyped in another case", () => {
  const nix = analyze(['machine # <<< NixOS Stage 1 >>>', 'machine # ', "machine # /init: source: line 125: can't open '/nix/store/x-mounts.sh': No such file or directory", 'machine # An error occurred in stage 1 of the boot process, which must mount the'].join('\n') + '\n');
  assert.ok(nix.input.envelopes.some((e) => e.kind === 'vm-name' && e.lines === 4));
  assert.is(findings(nix).rootCause, "/init: source: line 125: can't open '/nix/store/x-mounts.sh': No such file or directory");
  // A prompt is not a machine name (`livecd ~ # ` has more than one word before its `#`).
  assert.is(analyze('livecd ~ # ls\n').input.envelopes.length, 0);
  const fence = analyze('```[    1.000000] Linux version 6.1.0 (x@y) #1 SMP\n```\n');
  assert.is(fence.boots[0]!.kernelVersion, '6.1.0');
  assert.is(f(['[  OK  ] Reached target Basic System.', 'Starting Dracut Emergency shell...']).emergency, 'dracut-shell');
});

test("a login, then a motd that names a release booting with systemd: that login was systemd's", () => {
  const r = f(['[   17.449715] ACPI: button: Power Button [PWRF]', '', 'localhost login: core (automatic login)', '', 'Flatcar Container Linux by Kinvolk alpha 4372.0.0 for QEMU', 'core@localhost ~ $']);
  assert.is(r.cycles, 1);
  assert.ok(r.loginReached);
  // Without it, a login on a console with kernel lines and no word of systemd is another init's.
  assert.is(f(['[   17.449715] ACPI: button: Power Button [PWRF]', '', 'localhost login: root']).cycles, 0);
});

test("grabserial's two clocks before each line; a status line a mail client wrapped after a preposition", () => {
  const r = analyze(['[74.370455 0.424681] [  OK  ] Started ttyS2 Console Server.', '[74.536364 0.165909] [DEPEND] Dependency failed for Host logger for', 'ttyVUART0.', '[74.680219 0.143855] [  OK  ] Started Phosphor Dump core monitor.'].join('\n') + '\n');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'grabserial' && e.lines === 3));
  assert.equal(findings(r).dependencyFailed, ['Host logger for ttyVUART0']);
  // Cut inside a unit's name, the glued text names the unit: no space is put in.
  assert.equal(f(['[DEPEND] Dependency failed for syste', 'md-homed.service - Home Area Manager.']).dependencyFailed, ['systemd-homed.service']);
});

test("a journal whose date (or time and host) columns were cut off; a status word retyped in title case", () => {
  const r = f(['\t18:28:47 LibreELEC kernel: sd 0:0:0:0: [sda] Attached SCSI disk', '\t18:30:06 LibreELEC systemd[1]: dev-sda1.device: Job dev-sda1.device/start timed out.', '\t18:30:06 LibreELEC systemd[1]: Timed out waiting for device /dev/sda1.']);
  assert.is(r.rootCause, 'dev-sda1.device');
  // A CI clock before console text is not a journal (no `ident[pid]:` after it).
  assert.is(analyze('12:00:01 [  OK  ] Started foo.service - Foo.\n').input.lineSources.journal, 0);
  const k = analyze('kernel: Linux version 6.3.0-060300-generic (kernel@sita) (gcc 12.2.0) #1 SMP\nsystemd[1]: Starting Login to default iSCSI targets...\n');
  assert.is(k.boots[0]!.kernelVersion, '6.3.0-060300-generic');
  assert.is(k.boots[0]!.startsMidway, false);
  const typed = f(['[Failed] Failed to mount /boot', "See 'systemctl status boot.mount' for details", 'You are in emergency mode.']);
  assert.is(typed.rootCause, 'boot.mount');
  // Only the words systemd prints: `[Error]` stays text.
  assert.is(f(['[Error] Failed to mount /boot']).rootCause, null);
});

test("a shell on the console with no login, right after an initramfs's error: its shell, whatever words it dropped there with", () => {
  const r = f(['mount: mounting /dev/mmcblk0p2 on /rootfs failed: No such device', 'Mounting root partition /dev/mmcblk0p2 failed', '', 'BusyBox v1.20.2 (Debian 1:1.20.0-7) built-in shell (ash)', "/bin/sh: can't access tty: job control turned off", '/ #']);
  assert.is(r.emergency, 'initramfs-shell');
  assert.ok(r.rootEvidence.some((t) => t.startsWith('mount: mounting /dev/mmcblk0p2')));
  // The same shell after an init's scripts ran (KernelCI's buildroot), or with no error before it: no emergency.
  assert.is(f(['udevadm settle failed', 'Starting network: OK', "/bin/sh: can't access tty; job control turned off", '/ #']).emergency, 'none');
  assert.is(f(['BusyBox v1.36.1 (2023-11-14) built-in shell (ash)', 'root@OpenWrt:~#']).emergency, 'none');
});

test("docker compose's service column; a line a person put in bold; dracut's hooks without their timestamps", () => {
  const r = analyze(['Attaching to freeipa', 'freeipa  | systemd 252-18.el9 running in system mode (+PAM +AUDIT)', 'freeipa  | Detected virtualization container-other.', 'freeipa  | Failed to create /docker/00f6/init.scope control group: Read-only file system', 'freeipa  | Failed to allocate manager object: Read-only file system', 'freeipa  | [!!!!!!] Failed to allocate manager object.', 'freeipa  | Exiting PID 1...', 'freeipa exited with code 255'].join('\n') + '\n');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'compose' && e.lines === 6));
  assert.is(findings(r).rootCause, 'Failed to create /docker/00f6/init.scope control group: Read-only file system');
  assert.ok(findings(r).rootEvidence.includes('Exiting PID 1...'));
  // A table's column is no compose prefix unless a container's console begins after it.
  assert.is(analyze('NAME  | STATUS\nweb   | running\n').input.envelopes.length, 0);
  const bold = analyze('Jun 29 04:34:31 t2 systemd[1]: foo.service: **Start operation timed out.** Terminating.\n');
  assert.is(findings(bold).rootCause, 'foo.service');
  // The stars of the text's own stay.
  assert.is(analyze('*** Starting kernel ***\n').input.envelopes.length, 0);
  const dracut = f(['dracut-initqueue[268]: Warning: dracut-initqueue timeout - starting timeout scripts', 'dracut-initqueue[268]: Warning: Could not boot.']);
  assert.is(dracut.rootCause, 'dracut-initqueue timeout - starting timeout scripts');
});

test("U-Boot's own exception handler (`data abort`, `\"Synchronous Abort\" handler`): the bootloader failed; ext4's probe as ext3 is no failure even cut short", () => {
  const r = analyze(['U-Boot 2013.04 (Apr 20 2013 - 11:00:56)', 'DRAM:  256 MiB', 'data abort', '', 'pc : [<8000c878>]          lr : [<80008160>]', 'Resetting CPU ...'].join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]!.rootCause?.kind, 'bootloader');
  assert.is(findings(analyze('U-Boot 2020.01\n"Synchronous Abort" handler, esr 0x96000010\nResetting CPU ...\n')).rootCauseKind, 'bootloader');
  // The words in a sentence are not U-Boot's handler.
  assert.is(analyze('U-Boot 2020.01\nthe data abort happened twice\n').verdict, 'ok');
  assert.is(analyze("[    4.670723] EXT4-fs (mmcblk0p2): couldn't mount as ext3 due to feature\n").verdict, 'ok');
});

test("rescue mode with nothing failed before it was asked for; after a failure it is the failure's", () => {
  const asked = analyze('You are in rescue mode. After logging in, type "journalctl -xb" to view\nsystem logs, "systemctl reboot" to reboot, "systemctl default" or "exit"\nto boot into default mode.\n');
  assert.is(asked.verdict, 'ok');
  assert.ok(asked.boots[0]!.cycles[0]!.emergency!.requested);
  const failed = analyze('[FAILED] Failed to mount /data.\nYou are in rescue mode. After logging in, type "journalctl -xb" to view\n');
  assert.is(failed.verdict, 'failed');
  assert.is(findings(failed).rootCause, 'data.mount');
});

test("a root device the kernel waited for that its partition scan then shows; Upstart's respawns and its TERM at the end of failsafe", () => {
  assert.is(analyze('[    1.261911] Waiting for root device /dev/mmcblk0p2...\n[    1.338761] mmc0: error -84 whilst initialising SD card\n[    1.719247]  mmcblk0: p1 p2\n').verdict, 'ok');
  assert.is(analyze('[    1.261911] Waiting for root device /dev/sda2...\n[    1.719247]  sda: sda1 sda2\n').verdict, 'ok');
  // The scan shows other partitions only: still waiting.
  assert.is(analyze('[    1.261911] Waiting for root device /dev/mmcblk0p2...\n[    1.719247]  mmcblk0: p1\n').verdict, 'failed');
  const respawned = ['init: plymouth-upstart-bridge main process (641) terminated with status 1', 'init: plymouth-upstart-bridge main process ended, respawning', 'init: failsafe main process (1220) killed by TERM signal'];
  assert.is(f(respawned).rootCause, null);
  // (Nor is its giving up on plymouth's bridge, which has no splash to talk to on a headless console; another job's is.)
  assert.is(f([...respawned, 'init: plymouth-upstart-bridge respawning too fast, stopped']).rootCause, null);
  assert.is(f(['init: tty1 main process (1220) terminated with status 1', 'init: tty1 main process ended, respawning', 'init: tty1 respawning too fast, stopped']).rootCause, 'tty1');
  // Upstart's words in the kernel's log, as it writes them there.
  assert.is(f(['[   10.080302][    T1] init: udev-fallback-graphics main process (366) terminated with status 1']).rootCause, 'udev-fallback-graphics');
  assert.is(f(['[   32.588676] init: cups main process (920) killed by HUP signal', '[   32.588691] init: cups main process ended, respawning']).rootCause, null);
});

test("`See 'systemctl status X'` right after a failure names it over a template's guess; Talos's failed phase; a hung job before a paste's closing fence", () => {
  const r = f(['         Starting File System Check on /dev/disk/by-label/\\x2f...', '[FAILED] Failed to start File System Check on /dev/disk/by-label/\\x2f.', "See 'systemctl status systemd-fsck-root.service' for details."]);
  assert.is(r.rootCause, 'systemd-fsck-root.service');
  // With nothing pointing at it, the template's instance stands.
  assert.is(f(['[FAILED] Failed to start File System Check on /dev/sda1.']).rootCause, 'systemd-fsck@dev-sda1.service');
  assert.is(f(['[  131.965731] [talos] phase config (6/6): failed', '[  131.966101] [talos] initialize sequence: failed']).rootCause, 'config');
  const hung = f(['```', '  A start job is running for Resume from hibernation using device /dev/system/swap (24s / no limit)', '  ...', '```']);
  assert.is(hung.rootCause, 'systemd-hibernate-resume@dev-system-swap.service');
  assert.is(hung.rootCauseDescription, 'Resume from hibernation using device /dev/system/swap');
});

test("a mail's quoted-printable body: soft breaks joined, `=XX` decoded; a line that only ends in `=` is left alone", () => {
  const qp = [
    // (76 characters and the `=`: RFC 2045's limit.)
    '[    2.000000] dracut-initqueue[418]: Warning: /dev/mapper/rhel-root=20=',
    'does not exist',
    'Generating "/run/initramfs/rdsosreport.txt"=20',
    'Entering emergency mode. Exit the shell to continue.',
  ];
  const read: Array<{ line: number; text: string }> = [];
  const r = analyze(qp.join('\n') + '\n', { onRecord: (rec) => read.push({ line: rec.at.lineNo, text: rec.at.text }) });
  assert.ok(r.input.envelopes.some((e) => e.kind === 'quoted-printable'));
  assert.is.not(findings(r).emergency, 'none');
  // The soft break joined (the line keeps its first line's number), `=20` decoded.
  assert.ok(read.some((x) => x.line === 1 && x.text.endsWith('/dev/mapper/rhel-root does not exist')), JSON.stringify(read));
  assert.ok(read.some((x) => x.line === 3 && x.text === 'Generating "/run/initramfs/rdsosreport.txt" '));
  // A console line that merely ends in `=` (and no `=XX` after it) is not quoted-printable.
  const plain = analyze('[    0.000000] Kernel command line: BOOT_IMAGE=/vmlinuz root=UUID=1234 console=ttyS0 quiet splash x=\n[    0.100000] Linux version 6.1.0 (x@y) #1 SMP\n');
  assert.is(plain.input.envelopes.length, 0);
  assert.is(plain.boots[0]!.kernelVersion, '6.1.0');
  // Such a line last in the input is read too (held for its next line, it is let go at the end).
  const lines: string[] = [];
  const last = '[    0.000000] Kernel command line: BOOT_IMAGE=/vmlinuz root=UUID=1234 x=';
  analyze(`${last}\n`, { onLine: (l) => lines.push(l.text), onRecord: (r) => lines.push(`record ${r.at.text}`) });
  assert.ok(lines.includes(`record ${last}`), JSON.stringify(lines));
});

test("the end of a panic alone; shim's and GRUB's own errors before any kernel, the first of them the cause", () => {
  const end = analyze('Kernel Offset: disabled\n---[ end Kernel panic - not syncing: System is deadlocked on memory ]---\n');
  assert.is(end.verdict, 'failed');
  assert.equal(findings(end).kernelCrashes, ['panic']);
  assert.is(findings(end).rootCause, 'panic');
  const shim = analyze('Failed to open \\EFI\\BOOT\\mmx64.efi - Not Found\nFailed to load image ??: Not Found\nFailed to start MokManager: Not Found\nSomething has gone seriously wrong: import_mok_state() failed: Not Found\n');
  assert.is(shim.verdict, 'failed');
  assert.is(shim.boots[0]!.rootCause!.kind, 'bootloader');
  assert.ok(shim.boots[0]!.rootCause!.unit!.startsWith('Failed to open \\EFI\\BOOT\\mmx64.efi'));
  assert.is(shim.boots[0]!.rootCause!.evidence.length, 4);
  const grub = analyze('error: ../../grub-core/kern/efi/sb.c:182:bad shim signature\nerror: ../../grub-core/loader/i386/efi/linux.c:258:you need to load the kernel first.\n');
  assert.ok(grub.boots[0]!.rootCause!.unit!.endsWith('bad shim signature'));
  // A program's `error: …` after the kernel started is not the bootloader's.
  assert.is(analyze('[    1.000000] Linux version 6.1.0 (x@y) #1 SMP\nerror: ../../grub-core/kern/efi/sb.c:182:bad shim signature\n').verdict, 'ok');
  // Older GRUB names no file: `error: file not found.`, then its rescue shell.
  const rescue = analyze('error: file not found.\nEntering rescue mode...\ngrub rescue> \n');
  assert.is(rescue.verdict, 'failed');
  assert.is(rescue.boots[0]!.rootCause!.kind, 'bootloader');
});

test("systemd in a container logs its job results to the console bare; systemctl's `Job for X failed`; `[ INFO ] X is not active.` before [DEPEND]s", () => {
  const container = ['systemd 219 running in system mode. (+PAM +AUDIT)', 'Detected virtualization docker.', 'Startup finished in 27ms.', "Job systemd-update-utmp-runlevel.service/start failed with result 'dependency'."];
  assert.is(f(container).rootCause, 'systemd-update-utmp-runlevel.service');
  // On a console that shows status lines, such a line is not the failure's only word: it is not read as one.
  assert.is(f(['[  OK  ] Started Journal Service.', "Job foo.service/start failed with result 'dependency'."]).rootCause, null);
  assert.is(f(['Job for mysql.service failed because the control process exited with error code.']).rootCause, 'mysql.service');
  assert.is(f(['Jan 25 02:49:52 m0 configure-ovs.sh[1583]: Job for NetworkManager-wait-online.service failed because the control process exited with error code.']).rootCause, 'NetworkManager-wait-online.service');
  assert.is(f(['Job for foo.service canceled.']).rootCause, null);
  const info = f(['[ INFO ] ABRT Automated Bug Reporting Tool is not active.', '[DEPEND] Dependency failed for ABRT kernel log watcher.', '[DEPEND] Dependency failed for ABRT Xorg log watcher.']);
  assert.is(info.rootCauseDescription, 'ABRT Automated Bug Reporting Tool');
  assert.equal(info.failed, []);
  // Alone, it breaks nothing.
  assert.is(f(['[ INFO ] ABRT Automated Bug Reporting Tool is not active.', '[  OK  ] Started Login Service.']).rootCause, null);
});

test('a journal shown for one unit: its process\'s error is its failure; PID 1 speaking in a dmesg is a userspace cycle; an unexplained [DEPEND] names what the log shows', () => {
  const scoped = ['$ LC_ALL=C journalctl -b-1 -u systemd-cryptsetup@storage1', "Jan 07 19:10:23 host systemd-cryptsetup[324]: Failed to activate with key file '/etc/keys/storage1': Device or resource busy"];
  assert.is(f(scoped).rootCause, 'systemd-cryptsetup@storage1.service');
  // Without the command the line is only a process's complaint.
  assert.is(f(scoped.slice(1)).rootCause, null);
  // An error it goes on after is none.
  assert.is(f(['$ journalctl -u foo', 'Jan 07 19:10:23 host foo[324]: Failed to read cache, ignoring']).rootCause, null);
  const dmesg = analyze('[    0.000000] Linux version 3.19.5 (b@h) #4 SMP\n[    4.445763] systemd[1]: Successfully loaded SELinux policy in 306.444ms.\n');
  assert.is(dmesg.boots[0]!.cycles.length, 1);
  const dep = analyze('[DEPEND] Dependency failed for Host logger for ttyVUART0.\n');
  assert.is(dep.boots[0]!.cycles[0]!.rootCause!.kind, 'unexplained');
  assert.is(findings(dep).rootCauseDescription, 'Host logger for ttyVUART0');
});

test("systemd-sulogin-shell's words are emergency mode's; a log cut on an initramfs step's first line shows no hang", () => {
  const r = analyze('sulogin: cannot open password database\nReloading system manager configuration\nStarting default target\n');
  assert.is(findings(r).emergency, 'emergency');
  assert.is(r.boots[0]!.cycles.length, 1);
  const cut = '[    1.000000] Linux version 4.15.0 (b@h) #1 SMP\n[   10.9] sd 2:0:1:0: [sdb] Attached SCSI disk\nBegin: Loading essential drivers ... \n';
  assert.is(findings(analyze(cut)).rootCause, null);
  assert.is.not(findings(analyze(cut + '[   40.000000] random: crng init done\n')).rootCause, null);
});

test("dracut's root device missing on kmsg (its `Warning: ` went with the prefix), with two spaces after the timestamp too; `Entering emergency mode.` alone", () => {
  for (const gap of [' ', '  ']) {
    const r = f([`[  200.161146]${gap}dracut-initqueue[779]: Warning: /dev/vgroot/root does not exist`, `[  200.170895]${gap}systemd[1]: Starting Dracut Emergency Shell...`]);
    assert.is(r.rootCause, 'dev-vgroot-root.device');
    assert.is(r.rootCauseDescription, '/dev/vgroot/root does not exist');
    assert.is(r.emergency, 'dracut-shell');
  }
  assert.is(f(['Warning: Could not boot.', 'Entering emergency mode.']).emergency, 'dracut-shell');
  // The words inside another sentence are not the shell.
  assert.is(f(['Entering emergency mode. Press any key']).emergency, 'none');
});

test("initramfs-tools' failure written to the kernel's log; an ebegin step that eend says failed, kernel lines between", () => {
  const r = f(['[    2.607329] Target filesystem doesn\'t have requested /sbin/init.', '[    2.611232] No init found. Try passing init= bootarg.']);
  assert.is(r.rootCauseDescription, "Target filesystem doesn't have requested /sbin/init");
  const alpine = [' * Loading boot drivers: [    1.042033] loop: module loaded', 'ok.', ' * Mounting boot media: [    1.066929] virtio-pci 0000:00:02.0: virtio_pci: leaving for legacy driver', '[    1.077376]  vda: vda1 vda2 vda3', 'failed.'];
  assert.is(f(alpine).rootCause, 'Mounting boot media');
  assert.is(f(alpine.slice(0, 2)).rootCause, null);
  // `failed.` with no step begun is no step's, nor one far below the step.
  assert.is(f(['failed.']).rootCause, null);
  assert.is(f([' * Mounting boot media: ', ...Array.from({ length: 250 }, (_, i) => `[    1.${String(100000 + i)}] x`), 'failed.']).rootCause, null);
});

test("lsb-base's status pushed to the next line by the console's width: `[fail]` alone is the step's above it", () => {
  const upstart = [' * Starting OpenSSH server[ OK ]', ' * Starting Postfix Mail Transport Agent postfix        ', '[ OK ]', ' * Starting authentication failure monitor fail2ban        ', '[fail]', ' * Starting MySQL Server[ OK ]'];
  assert.is(f(upstart).rootCause, 'Starting authentication failure monitor fail2ban');
  assert.is(f(upstart.slice(0, 3)).rootCause, null);
  // (A `[fail]` with no step just above it names nothing.)
  assert.is(f([' * Starting authentication failure monitor fail2ban', 'some other line', 'and another', '[fail]']).rootCause, null);
});

test("Upstart's mountall waiting on a file system: the boot's cause when the log ends in the wait, nothing when init goes on", () => {
  const wait = [' * Starting userspace bootsplash                                         [ OK ]', 'The disk drive for /tmp is not ready yet or not present.', 'keys:Continue to wait, or Press S to skip mounting or M for manual recovery', '', 'keys:', 'The disk drive for /boot is not ready yet or not present.', 'keys:Continue to wait, or Press S to skip mounting or M for manual recovery'];
  assert.is(f(wait).rootCause, 'The disk drive for /tmp is not ready yet or not present');
  assert.is(f([...wait, ' * Starting Mount network filesystems                                    [ OK ]', 'host login:']).rootCause, null);
});

test("bcachefs's own errors: the btree it could not read is why the mount failed; the 0-day robot's hang verdict is the kernel's hang, or the crash before it", () => {
  const bch = ['[   41.494922][ T1447] bcachefs (sda1): error reading btree root btree=accounting level=0: btree_node_read_error, fixing', '[   41.505517][ T1447] bcachefs (sda1): bch2_fs_recovery(): error btree_node_read_error', '[   41.513201][ T1447] bcachefs (sda1): bch2_fs_start(): error starting filesystem btree_node_read_error'];
  assert.is(f(bch).rootCause, 'bcachefs (sda1): error reading btree root btree=accounting level=0: btree_node_read_error, fixing');
  const hang = ['[    2.061046] hid_generic 0003:0627:0001.0001: input,hidraw0: USB HID v0.01 Mouse', 'BUG: kernel hang in boot stage'];
  assert.equal(f(hang).kernelCrashes, ['bug']);
  const oops = ['[    3.000000] BUG: kernel NULL pointer dereference, address: 00000000', '[    3.000100] Oops: 0000 [#1] SMP', 'BUG: kernel hang in boot stage'];
  assert.equal(f(oops).kernelCrashes, ['oops']);
});

test("switch_root could not move a root that was never mounted: the root device's failure, in mount's words (util-linux before 2.30 too)", () => {
  const r = f(['mount: /sysroot not mounted or bad option', '', '       In some cases useful info is found in syslog - try', '       dmesg | tail or so.', 'switch_root: failed to mount moving /sysroot to /: Invalid argument', 'switch_root: failed. Sorry.', '[    1.138742] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100']);
  assert.is(r.rootCause, 'root-device');
  assert.equal(r.kernelCrashes, ['panic']);
});

test("Linux From Scratch's boot.log: a script's message with its own prefix after the step's `...`, then FAIL; systemd's own programs on kmsg are a userspace cycle, udevd's are not", () => {
  const lfs = ['Oct 02 23:40:30 +02:00 yeshua-os  Starting kernel log daemon... OK', "Oct 02 23:40:30 +02:00 yeshua-os  Bringing up the ens3 interface...Oct 02 23:40:30 +02:00 yeshua-os  Interface ens3 doesn't exist. FAIL"];
  assert.is(f(lfs).rootCause, 'Bringing up the ens3 interface');
  assert.is(f(['Adding default gateway 10.0.0.2 to the enp0s3 interface...FAIL']).rootCause, 'Adding default gateway 10.0.0.2 to the enp0s3 interface');
  assert.is(f(lfs.slice(0, 1)).rootCause, null);
  const banner = '[    0.000000] Linux version 5.10.0 (b@h) #1 SMP';
  assert.is(f([banner, '[   13.083080] systemd-journald[219]: Received request to flush runtime journal from PID 1']).cycles, 1);
  assert.is(f([banner, '[    2.1] systemd-xdg-autostart-generator[462]: Not generating service for XDG autostart app-x.'].map((l) => l.replace('[    2.1]', '[    2.100000]'))).cycles, 1);
  // udevd and logind run under Upstart and in installers too.
  assert.is(f([banner, '[    1.131103] systemd-udevd[64]: starting version 215']).cycles, 0);
});

test('a kernel that prints nothing after the bootloader hands over; U-Boot, SPL and Tegra firmware errors before any kernel; PowerPC prom_init and U-Boot loads as boot markers', () => {
  const uboot = ['U-Boot 2009.11 (Jan 01 2010)', '## Booting kernel from Legacy Image at c0700000 ...', 'Verifying Checksum ... OK', 'Starting kernel ...'];
  const silent = analyze(uboot.join('\n') + '\n');
  assert.is(silent.verdict, 'failed');
  assert.is(silent.boots[0]!.rootCause?.description, 'Starting kernel ...');
  // Before the next power-on too (the board reset, or a lab power-cycled it).
  const again = analyze([...uboot, '', ...uboot.slice(0, 1)].join('\n') + '\n');
  assert.is(again.boots.length, 2);
  assert.ok(again.boots[0]!.rootCause!.headline.includes('started again'));
  // Anything after the handover (the kernel's untimed words, a login) is not silence.
  assert.is(analyze([...uboot, 'Uncompressing Linux... done, booting the kernel.', 'Booting Linux on physical CPU 0x0'].join('\n') + '\n').boots[0]!.rootCause, null);
  // (The kernel's first instant and nothing more is no silence either: it stopped as it began.)
  const first = analyze([...uboot, '[    0.000000] Booting Linux on physical CPU 0x0'].join('\n') + '\n').boots[0]!.rootCause;
  assert.not.match(first?.headline ?? '', /printed nothing/);
  assert.is(first?.description, 'Booting Linux on physical CPU 0x0');
  assert.is(analyze('OpenWrt kernel loader for AR7XXX/AR9XXX\nDecompressing kernel... done!\nStarting kernel at 80060000...\n').boots[0]!.rootCause?.description, 'Starting kernel at 80060000...');
  // U-Boot's and its SPL's own errors, the first of them the cause.
  assert.is(f(['U-Boot 2020.07 (Jul 01 2020)', 'reading uImage', 'Error reading cluster', '** Unable to read file uImage **']).rootCause, 'Error reading cluster');
  assert.is(f(['U-Boot SPL 2020.07 (Jul 01 2020)', 'Trying to boot from MMC2', 'mmc_load_image_raw_sector: mmc block read error', 'SPL: failed to boot from all boot devices', '### ERROR ### Please RESET the board ###']).rootCause, 'mmc_load_image_raw_sector: mmc block read error');
  assert.is(f(['26129699 bytes read in 1634 ms (15.3 MiB/s)', 'Wrong Ramdisk Image Format', 'Ramdisk image is corrupt or invalid']).rootCause, 'Wrong Ramdisk Image Format');
  // After a kernel ran, the same words are no bootloader's.
  assert.is(f(['[    1.000000] Linux version 6.1.0 (x@y) #1 SMP', 'Error reading cluster']).rootCause, null);
  // NVIDIA Tegra's MB1: its clock and level in front, the first error the cause.
  const tegra = f(['[0000.034] I> MB1 (prd-version: 1.5.1.6-t194-41334769-1740dd39)', '[0000.086] E> LOADER: Failed to verify SMD.', '[0000.128] C> LOADER: Could not read binary 0.']);
  assert.is(tegra.boots, 1);
  assert.is(tegra.rootCause, 'LOADER: Failed to verify SMD');
  assert.is(f(['[0000.034] I> MB1 (prd-version: 1.5.1.6-t194-41334769-1740dd39)', '[0000.039] I> Boot-mode: Coldboot']).rootCause, null);
  // U-Boot loading files starts a boot; PowerPC's prom_init hands over to the kernel.
  assert.is(f(['loading /boot/vmlinuz-4.4.91-ti-r133 ...', '8886912 bytes read in 522 ms (16.2 MiB/s)']).boots, 1);
  assert.is(analyze('Quiescing Open Firmware ...\nBooting Linux via __start() @ 0x0000000004800000 ...\n').boots[0]!.rootCause?.description, 'Booting Linux via __start() @ 0x0000000004800000 ...');
});

test("ARM's decompressor hands over to the kernel; BusyBox init's `Please press Enter to activate this console.` is its login prompt", () => {
  const r = analyze('U-Boot 2019.07 (Oct 01 2019 - 10:00:00 +0000)\nUncompressing Linux... done, booting the kernel.\n[    0.000000] Booting Linux on physical CPU 0x0\nU-Boot 2019.07 (Oct 01 2019 - 10:00:00 +0000)\nUncompressing Linux... done, booting the kernel.\n');
  assert.is(r.boots.length, 2);
  assert.ok(r.boots[0]!.phases.some((p) => p.name === 'kernel'));
  const busybox = analyze('[    1.000000] Linux version 4.14.0 (b@h) #1 SMP\nPlease press Enter to activate this console.\n');
  assert.ok(findings(busybox).loginReached);
  assert.is(findings(busybox).cycles, 0);
});

test("genkernel's initramfs (Gentoo): the root device it found not valid, then its `root block device() ::` prompt", () => {
  const lines = ['[    2.101234] Freeing unused kernel memory: 1234K', '>> Determining root device...', '!! Block device /dev/sda3 is not a valid root device...', '!! Could not find the root block device in .', '   Please specify another value or: press Enter for the same, type "shell" for a shell, or "q" to skip...', 'root block device() :: '];
  const r = f(lines);
  assert.is(r.emergency, 'initramfs-shell');
  assert.is(r.rootCause, 'dev-sda3.device');
  // The same words from someone's notes, not a log of a boot that stopped, and a valid device: no shell.
  assert.is(f(['[    2.101234] Freeing unused kernel memory: 1234K', '>> Determining root device...', '>> Mounting /dev/sda3 as root...']).emergency, 'none');
});

test("a panic that names a fatal oops whose header the excerpt lacks: the oops is the cause; dracut's two names of a logical volume: the device mapper's is the root", () => {
  const oops = f(['[   26.872689] Call trace:', '[   26.875121]  0xffffffc078f78a18 [mt76@00000000936acc78+0xe000]', '[   26.911489] ---[ end trace 0000000000000000 ]---', '[   26.924445] Kernel panic - not syncing: Oops: Fatal exception in interrupt', '[   26.949962] Rebooting in 1 seconds.']);
  assert.is(oops.rootCause, 'oops');
  assert.equal(oops.kernelCrashes, ['oops', 'panic']);
  // With the oops's header in the log, that is the one oops; x86's bare `Fatal exception` names none.
  assert.equal(f(['[    5.1] Internal error: Oops: 96000005 [#1] SMP', '[    5.2] Kernel panic - not syncing: Oops: Fatal exception']).kernelCrashes, ['oops', 'panic']);
  assert.equal(f(['[    5.765287] RIP: 0010:cros_ec_check_features+0xf/0xed', '[    5.867574] Kernel panic - not syncing: Fatal exception']).kernelCrashes, ['panic']);
  const lvm = ['Starting Dracut Emergency Shell...', 'Warning: /dev/centos/root does not exist', 'Warning: /dev/centos/swap does not exist', 'Warning: /dev/mapper/centos-root does not exist', 'Entering emergency mode. Exit the shell to continue.'];
  const r = f(lvm);
  assert.is(r.rootCause, 'dev-mapper-centos\\x2droot.device');
  // (In dracut's words, as it printed them first.)
  assert.is(r.rootCauseDescription, '/dev/centos/root does not exist');
  // A volume whose name has a dash: the mapper doubles it.
  assert.is(f(['Warning: /dev/vg-sys/lv-root does not exist', 'Warning: /dev/mapper/vg--sys-lv--root does not exist', 'Entering emergency mode. Exit the shell to continue.']).rootCause, 'dev-mapper-vg\\x2d\\x2dsys\\x2dlv\\x2d\\x2droot.device');
});

test("kernel crashes as older kernels and other architectures print them: where the CPU was, a hung task's frame on 32-bit ARM, an RCU self-detected stall; the kernel's words as the cause's description", () => {
  const r = analyze(['[17350396.328981] general protection fault: 0000 [#1] SMP', '[17350396.329023] RIP: e030:[<ffffffff81014dc3>]  [<ffffffff81014dc3>] rapl_cpu_online+0x63/0x80'].join('\n') + '\n');
  assert.is(r.boots[0]!.crashes[0]!.title, 'general protection fault in rapl_cpu_online');
  assert.is(r.boots[0]!.rootCause!.description, 'general protection fault: 0000 [#1] SMP');
  const arm = f(['[  246.829223] INFO: task swapper/0:1 blocked for more than 120 seconds.', '[  246.853685] [<c0c4d684>] (__schedule) from [<c0c4da3c>] (schedule+0xb8/0xd0)', '[  246.884986] [<c0c4e344>] (bit_wait_io) from [<c0c4df58>] (__wait_on_bit+0x70)', '[  246.917847] [<c0276da8>] (__bread_gfp) from [<c0303e5c>] (ext4_fill_super+0x)', '[  246.925847] [<c0303e5c>] (ext4_fill_super) from [<c0243c8c>] (mount_bdev+0x1)']);
  assert.ok(arm.crashTitles[0]!.endsWith(' in ext4_fill_super'));
  // A WARNING of 4.4's form names only its file: the PC names the function.
  const warn = f(['[   36.207762] WARNING: at /srv/oe/build/work-shared/hikey/kernel-source/kernel/watchdog.c:352', '[   36.207782] Modules linked in:', '[   36.207887] PC is at watchdog_timer_fn+0x2a8/0x3c8']);
  assert.is(warn.crashTitles[0], 'WARNING in watchdog_timer_fn (kernel/watchdog.c:352)');
  const stall = f(['[    0.201956]  vda: vda1', '[   21.204272] rcu: INFO: rcu_sched self-detected stall on CPU']);
  assert.equal(stall.kernelCrashes, ['bug']);
  assert.is(stall.rootCauseDescription, 'rcu: INFO: rcu_sched self-detected stall on CPU');
  // No init to run: the kernel's attempts are the panic's evidence; a driver's complaint just before an oops is too.
  const init = f(['[    0.547163] Run /bin/sh as init process', '[    0.547183] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.']);
  assert.ok(init.rootEvidence.some((t) => t.includes('Run /bin/sh as init process')));
  const wa = f(['[   58.079200] mt798x-wmac 18000000.wifi: Failed to start WA firmware', '[   58.079218] Unable to handle kernel write to read-only memory at virtual address 0000000000000008']);
  assert.ok(wa.rootEvidence.some((t) => t.includes('Failed to start WA firmware')));
  // …not a complaint minutes before.
  const late = f(['[    4.445965] ttyS2 - failed to request DMA', '[  246.829223] INFO: task swapper/0:1 blocked for more than 120 seconds.']);
  assert.not.ok(late.rootEvidence.some((t) => t.includes('failed to request DMA')));
});

test("a unit the log never names: its description as printed in full stands for an ellipsized one; a process's last words before its unit's process exited are evidence", () => {
  const r = analyze('[  OK  ] Started Journal Service.\n         Starting Wait for network to be configured by Foobar...\n[FAILED] Failed to start Wait for n…k to be configured by Foobar.\n');
  assert.is(r.boots[0]!.cycles[0]!.rootCause!.description, 'Wait for network to be configured by Foobar');
  // Two descriptions the text fits: neither is chosen.
  const two = analyze('         Starting Wait for network to be configured by Foobar...\n         Starting Wait for nothing to be configured by Foobar...\n[FAILED] Failed to start Wait for n… to be configured by Foobar.\n');
  assert.is(two.boots[0]!.cycles[0]!.rootCause!.description, 'Wait for n… to be configured by Foobar');
  const j = f(['Sep 23 01:40:19 host systemd[1]: Starting coreos-ignition-unique-boot.service - CoreOS Ensure Unique Boot Filesystem...', "Sep 23 01:40:19 host rdcore[1076]: Error: System has 0 devices with a filesystem labeled 'boot': []", 'Sep 23 01:40:19 host systemd[1]: coreos-ignition-unique-boot.service: Main process exited, code=exited, status=1/FAILURE', "Sep 23 01:40:19 host systemd[1]: coreos-ignition-unique-boot.service: Failed with result 'exit-code'."]);
  assert.is(j.rootCause, 'coreos-ignition-unique-boot.service');
  assert.ok(j.rootEvidence.some((t) => t.includes('System has 0 devices')));
});

test("a sanitizer's report is a warning; ARM's head code refusing the machine ID stops the boot; a console server's own words after a handover are not the kernel's; an rc script's step that FAILs at once", () => {
  const ub = f(['[    4.385425] UBSAN: shift-out-of-bounds in ./include/linux/log2.h:57:13', "[    4.391951] shift exponent 32 is too large for 32-bit type 'long unsigned int'"]);
  assert.equal(ub.kernelCrashes, ['warning']);
  assert.is(ub.rootCauseDescription, 'UBSAN: shift-out-of-bounds in ./include/linux/log2.h:57:13');
  const arm = f(['## Booting kernel from Legacy Image at 20000000 ...', 'Starting kernel ...', '', 'Uncompressing Linux... done, booting the kernel.', '', 'Error: unrecognized/unsupported machine ID (r1 = 0x00000722).', '', 'Available machine support:']);
  assert.is(arm.rootCause, 'Error: unrecognized/unsupported machine ID (r1 = 0x00000722)');
  const silent = ['Exiting depthcharge with code 4 at timestamp: 51411034', 'Starting kernel ...', "[Enter `^Ec?' for help]"];
  assert.is(analyze(silent.join('\n') + '\n').boots[0]!.rootCause?.description, 'Starting kernel ...');
  // (The kernel's own untimed words after it are not silence.)
  assert.is(analyze([...silent, 'Booting Linux on physical CPU 0x0'].join('\n') + '\n').boots[0]!.rootCause, null);
  assert.is(f(['Bringing up the enp4s0 interface... ', ' Starting dhclient on the enp4s0 interface...FAIL']).rootCause, 'Starting dhclient on the enp4s0 interface');
});

test("a syslog that opens with the daemons of the boot before (cron, ntpd), then a kernel that starts: two boots; rsyslogd's own lines before the kernel it replays are the same boot", () => {
  const before = ['Apr  5 06:39:01 raspberrypi /USR/SBIN/CRON[4174]: (root) CMD (  [ -x /usr/lib/php5/maxlifetime ])', 'Apr  5 06:44:28 raspberrypi ntpd_intres[2483]: host name not found: 0.debian.pool.ntp.org'];
  const boot = ['Apr  5 06:17:17 raspberrypi kernel: imklog 5.8.11, log source = /proc/kmsg started.', 'Apr  5 06:17:17 raspberrypi rsyslogd: [origin software="rsyslogd" swVersion="5.8.11" x-pid="1872"] start', 'Apr  5 06:17:17 raspberrypi kernel: [    0.000000] Booting Linux on physical CPU 0x0', 'Apr  5 06:17:17 raspberrypi kernel: [    0.000000] Linux version 3.10.33+ (dc4@dc4-arm-01) #654 PREEMPT'];
  assert.is(f([...before, ...boot]).boots, 2);
  assert.is(f(boot).boots, 1);
  assert.is(f(['Sep  9 08:40:47 ip-172-31-23-55 rsyslogd-2039: Could no open output pipe', ...boot.slice(2)]).boots, 1);
});

test("PID 1's setup errors it does not survive, in a log cut before it froze; the initramfs's failed mount of the root; a journal paste hard-wrapped at a column; the host's own prompt around a container's console", () => {
  const nspawn = ['systemd 219 running in system mode. (+PAM +AUDIT)', 'Detected virtualization systemd-nspawn.', '', 'Welcome to CentOS Linux 7 (Core)!', '', 'Failed to read AF_UNIX datagram queue length, ignoring: No such file or directory', 'Failed to create root cgroup hierarchy: Permission denied'];
  assert.is(f(nspawn).rootCauseDescription, 'Failed to create root cgroup hierarchy: Permission denied');
  const mk = [':: running early hook [udev]', ':: mounting \'UUID=0b30\' on real root', "mount: /new_root: unknown filesystem type 'ext4'"];
  const r = analyze(mk.join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(findings(r).rootCauseDescription, "mount: /new_root: unknown filesystem type 'ext4'");
  const wrapped = ['Oct 23 19:55:33 chimeraos systemd[595]: Started D-Bus User Message Bus.', 'Oct 23 19:55:33 chimeraos systemd[595]: ryzen-tctl.service: Main process exited, c', 'ode=exited, status=2/INVALIDARGUMENT', 'Oct 23 19:55:33 chimeraos systemd[595]: ryzen-tctl.service: Failed wit', "h result 'exit-code'."];
  assert.is(f(wrapped).rootCause, 'ryzen-tctl.service');
  // A journal line that ends and the next that is a prompt of its own: not joined.
  assert.is(analyze(['Oct 23 19:55:33 chimeraos systemd[1]: Started Network Manager Script Dispatcher Service xx', 'root@chimeraos:~# ls'].join('\n') + '\n').input.lines, 2);
  const host = ['[me@klf osmaker]$ sudo docker run -it fedora:37 /sbin/init', 'systemd 251 running in system mode (+PAM)', 'Detected virtualization docker.', 'Failed to create /init.scope control group: Read-only file system', 'Failed to allocate manager object: Read-only file system', '[!!!!!!] Failed to allocate manager object.', 'Exiting PID 1...', '[me@klf osmaker]$ uname -a'];
  assert.is(f(host).loginReached, false);
});

test("a kernel that cannot get its NFS root; amdgpu's video BIOS that hangs; a crash read from a syslog is described in the kernel's words", () => {
  const nfs = f(['[  162.004298] cpsw-switch 4a100000.switch eth0: Link is Up - 100Mbps/Full - flow control off', '[  162.053314] Sending DHCP and RARP requests ...... timed out!', '[  252.071192] IP-Config: Retrying forever (NFS root)...']);
  assert.is(nfs.rootCauseDescription, 'Sending DHCP and RARP requests ...... timed out!');
  const atom = f(['[    5.000000] amdgpu 0000:03:00.0: amdgpu: Fetched VBIOS from VFCT', '[   25.000000] [drm:atom_op_jump [amdgpu]] *ERROR* atombios stuck in loop for more than 20secs aborting']);
  // (Named without the DRM's location tag; described as printed, with it.)
  assert.is(atom.rootCause, 'atombios stuck in loop for more than 20secs aborting');
  assert.is(atom.rootCauseDescription, '[drm:atom_op_jump [amdgpu]] *ERROR* atombios stuck in loop for more than 20secs aborting');
  const zfs = f(['Oct 27 23:48:02 akira kernel: VERIFY3S(err, ==, ENOENT) failed (52 == 2)', 'Oct 27 23:48:02 akira kernel: PANIC at dsl_dataset.c:4912:dsl_dataset_get_remap_deadlist_object()']);
  assert.is(zfs.rootCauseDescription, 'PANIC at dsl_dataset.c:4912:dsl_dataset_get_remap_deadlist_object()');
});

test('why a root device never came: what went wrong as the initramfs set it up, and the kernel\'s storage errors of that boot; runit as the init', () => {
  const nbd = f([
    '[   20.867028] Run /init as init process',
    'Begin: Mounting root file system ... Begin: Running /scripts/local-top ... Begin: Setting up nbd-client ... done.',
    'Negotiation: ..Error: Unknown error returned by server. Server said: Export unknown',
    'done.',
    'Begin: Running /scripts/local-premount ... done.',
    'Begin: Waiting for root file system ... Begin: Running /scripts/local-block ... done.',
    'done.',
    'Gave up waiting for root file system device.  Common problems:',
    ' - Boot args (cat /proc/cmdline)',
    'ALERT!  /dev/nbd0 does not exist.  Dropping to a shell!',
    '(initramfs) ',
  ]);
  assert.is(nbd.rootCause, 'dev-nbd0.device');
  assert.ok(nbd.rootEvidence.some((e) => e.includes('Export unknown')), 'the nbd error is evidence');
  const ata = f([
    '[    1.771260] ata1.00: failed to IDENTIFY (I/O error, err_mask=0x2)',
    '[   27.985661] Run /init as init process',
    'Begin: Waiting for root file system ... Begin: Running /scripts/local-block ... done.',
    'done.',
    'Gave up waiting for root file system device.  Common problems:',
    'ALERT!  /dev/sda does not exist.  Dropping to a shell!',
  ]);
  assert.is(ata.rootCause, 'dev-sda.device');
  assert.ok(ata.rootEvidence.some((e) => e.includes('failed to IDENTIFY')), "the disk's error is evidence");
  // (In the initramfs's own words: its last, the ALERT line, as people quote it.)
  assert.is(ata.rootCauseDescription, 'ALERT!  /dev/sda does not exist.  Dropping to a shell!');
  // runit: its first words open a boot; a stage that fails is a failure; a clean one is not.
  const clean = analyze(['- runit: $Id: 25da3b86f7 $: booting.', '- runit: enter stage: /etc/runit/1', '=> Welcome to Void!', '- runit: leave stage: /etc/runit/1', '- runit: enter stage: /etc/runit/2'].join('\n') + '\n');
  assert.is(clean.boots.length, 1);
  assert.is(clean.boots[0]!.init, 'runit');
  assert.is(findings(clean).rootCause, null);
  const failed = f(['- runit: $Id: 25da3b86f7 $: booting.', '- runit: enter stage: /etc/runit/1', '- runit: warning: child failed: /etc/runit/1', '- runit: leave stage: /etc/runit/1', '- runit: warning: skipping stage 2...']);
  assert.is(failed.rootCause, '/etc/runit/1');
});

test("dracut's shell in a systemd initrd was started by the root device it gave up on, after its `Could not boot.`; a board that boots into BusyBox's shell with nothing wrong reached its end", () => {
  const r = f([
    '[  OK  ] Reached target Basic System.',
    '[  124.522110] dracut-initqueue[240]: Warning: dracut-initqueue timeout - starting timeout scripts',
    '[  185.082387] dracut-initqueue[240]: Warning: Could not boot.',
    '[  185.119239] dracut-initqueue[240]: Warning: /dev/mapper/centos-root does not exist',
    '         Starting Dracut Emergency Shell...',
    'Generating "/run/initramfs/rdsosreport.txt"',
    'Entering emergency mode. Exit the shell to continue.',
  ]);
  assert.is(r.rootCause, 'dev-mapper-centos\\x2droot.device');
  assert.is(r.emergency, 'dracut-shell');
  assert.is(r.emergencyTriggeredBy, 'dev-mapper-centos\\x2droot.device');
  assert.ok(r.rootEvidence.some((e) => e.includes('Could not boot.')));
  const board = ['[    1.220000] Freeing unused kernel memory: 12K', '', 'BusyBox v1.27.2 (2018-03-13 19:50:58 CET) hush - the humble shell', "Enter 'help' for a list of built-in commands.", '', '/ # '];
  assert.ok(f(board).loginReached);
  assert.is(f(board).rootCause, null);
  // (After an initramfs said what went wrong, the same banner is its emergency shell.)
  const broken = f(['[    1.000000] Run /init as init process', 'mount: mounting /dev/mmcblk0p2 on /root failed: No such device', 'BusyBox v1.27.2 (2018-03-13 19:50:58 CET) hush - the humble shell', '/ # ']);
  assert.not.ok(broken.loginReached);
  assert.is(broken.emergency, 'initramfs-shell');
});

test("dracut's hooks speaking with a PID are systemd services: the initrd is a userspace cycle, and a log that ends at dracut's timeout still names it; an rc script's step whose FAIL comes lines later", () => {
  const r = f(['[186.175174] dracut-initqueue[268]: Warning: dracut-initqueue timeout - starting timeout scripts', '[186.175675] dracut-initqueue[268]: Warning: Could not boot.']);
  assert.is(r.cycles, 1);
  assert.is(r.rootCause, 'dracut-initqueue timeout - starting timeout scripts');
  // (dracut without systemd writes `dracut: ` alone: no cycle.)
  const old = f(['[    1.601856] dracut: FATAL: No or empty root= argument', '[    1.602316] dracut: Refusing to continue']);
  assert.is(old.cycles, 0);
  const rc = f(['[    2.000000] Run /sbin/init as init process', 'Starting syslogd: OK', 'Starting sntp: sntp 4.2.8p15@1.3728-o Tue Aug 27 04:52:21 UTC 2024 (1)', 'pool.ntp.org lookup error Temporary failure in name resolution', 'FAIL', 'Starting ntpd: OK', 'Welcome to Buildroot', 'buildroot login: ']);
  assert.is(rc.rootCause, 'sntp');
  assert.ok(rc.rootEvidence.some((e) => e.startsWith('Starting sntp:')));
  // (A step whose result came on a line of its own and was OK is no failure.)
  assert.is(f(['[    2.000000] Run /sbin/init as init process', 'Starting pulseaudio: W: [pulseaudio] main.c: This program is not intended to be run as root.', 'OK', 'buildroot login: ']).rootCause, null);
});

test("the log's root cause is the one its headline names first: a kernel crash of the boot before a unit of its cycle that failed earlier and did not stop it", () => {
  const r = analyze(
    [
      '[    0.000000] Linux version 6.8.0 (gcc) #1 SMP',
      '[    1.000000] Run /init as init process',
      '[    2.000000] systemd[1]: systemd 252 running in system mode (+PAM)',
      '[FAILED] Failed to start systemd-modules-load.service - Load Kernel Modules.',
      '[  OK  ] Reached target multi-user.target - Multi-User System.',
      'test login: ',
      '[   23.749730] general protection fault, probably for non-canonical address 0xdffffc000000000a: 0000 [#1] PREEMPT SMP KASAN NOPTI',
      '[   23.752100] RIP: 0010:__lock_acquire+0xe83/0x5e10',
    ].join('\n') + '\n',
  );
  assert.is(r.rootCause?.kind, 'kernel-crash');
  assert.is(r.rootCause?.boot, 1);
  assert.is(r.rootCause?.cycle, null);
  assert.ok(r.headline.indexOf('general protection fault') < r.headline.indexOf('systemd-modules-load'));
  // The unit's failure stays its cycle's cause.
  assert.is(r.boots[0]!.cycles[0]!.rootCause?.unit, 'systemd-modules-load.service');
  // With no crash, the cycle's cause is the log's, with where it is.
  const unit = analyze('[    2.000000] systemd[1]: systemd 252 running in system mode (+PAM)\n[FAILED] Failed to mount var.mount - /var.\n');
  assert.is(unit.rootCause?.unit, 'var.mount');
  assert.is(unit.rootCause?.cycle, 1);
  assert.is(analyze('[    2.000000] systemd[1]: systemd 252 running in system mode (+PAM)\n[  OK  ] Reached target multi-user.target - Multi-User System.\n').rootCause, null);
});

test("an OOM kill's first evidence is the allocation that set off the killer, however long the memory dump between", () => {
  const dump = Array.from({ length: 300 }, (_, i) => `[   31.5${String(i).padStart(5, '0')}] Node 0 DMA32: ${i}*4kB (UM) = ${i * 4}kB`);
  const r = analyze(
    ['[    0.000000] Linux version 6.8.0 (gcc) #1 SMP', '[   31.419074] chronyd invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0', ...dump, '[   31.687784] Out of memory: Killed process 937 (repro) total-vm:19292kB, anon-rss:0kB'].join('\n') + '\n',
  );
  const crash = r.boots[0]!.crashes[0]!;
  assert.is(crash.kind, 'oom');
  assert.ok(crash.evidence[0]!.text.includes('chronyd invoked oom-killer'));
  // (Each kill its own: the next report's invoker is not the first one's.)
  const two = analyze(['[    1.0] a invoked oom-killer: gfp_mask=0x0, order=0, oom_score_adj=0', '[    1.100000] Out of memory: Killed process 1 (x)', '[    2.000000] b invoked oom-killer: gfp_mask=0x0, order=0, oom_score_adj=0', '[    2.100000] Out of memory: Killed process 2 (y)'].map((l) => l.replace('[    1.0]', '[    1.000000]')).join('\n') + '\n');
  assert.ok(two.boots[0]!.crashes[1]!.evidence[0]!.text.includes('b invoked oom-killer'));
});

test("in a `journalctl -u` of one unit, PID 1's `Failed to start <description>.` after the unit's result lines is that unit, though its own process's error named it first", () => {
  const r = f([
    '[root@nixos:~]# journalctl --no-pager -u pre-nixos.service -b',
    'Oct 08 06:07:35 nixos systemd[1]: Starting Pre-NixOS setup...',
    'Oct 08 06:07:50 nixos systemctl[953]: Failed to restart systemd-networkd.service: Unit systemd-networkd.service not found.',
    'Oct 08 06:07:50 nixos systemd[1]: pre-nixos.service: Main process exited, code=exited, status=1/FAILURE',
    "Oct 08 06:07:50 nixos systemd[1]: pre-nixos.service: Failed with result 'exit-code'.",
    'Oct 08 06:07:50 nixos systemd[1]: Failed to start Pre-NixOS setup.',
  ]);
  assert.is(r.rootCause, 'pre-nixos.service');
  assert.ok(r.rootEvidence.some((e) => e.includes('Failed to start Pre-NixOS setup.')));
  assert.not.ok(r.failed.includes('Pre-NixOS setup'), 'no failure of its own under the description');
});

test("a user process's general protection fault (`traps: comm[pid] general protection fault ip:…`) is no kernel crash; the kernel's own is, with or without 6.12's `Oops: ` before it", () => {
  const user = f(['[    0.000000] Linux version 6.18.2 (nixbld@localhost) (gcc 14.3.0) #1-NixOS SMP', '[   42.412609] traps: .ibus-x11-wrapp[1965] general protection fault ip:7f0a2ca4412f sp:7fffd09a00c0 error:0 in libc.so.6[4412f,7f0a2ca28000+17f000]']);
  assert.is(user.rootCause, null);
  assert.equal(user.kernelCrashes, []);
  for (const line of ['[   23.749730] general protection fault, probably for non-canonical address 0xdffffc000000000a: 0000 [#1] PREEMPT SMP KASAN NOPTI', '[   88.485216] Oops: general protection fault, probably for non-canonical address 0xdffffc0000000940: 0000 [#1] PREEMPT SMP KASAN PTI']) {
    assert.is(f([line]).rootCause, 'oops', line);
  }
});

test("a board's U-Boot boot script that gives up on its boot source is the bootloader's error (or its next one)", () => {
  const alone = f(['U-Boot 2016.11-2.7.4+gb1e5d9ba2a (Jul 13 2017 - 20:37:08 +0000)', 'Booting from internal eMMC chip...', 'emmcboot failed']);
  assert.is(alone.rootCause, 'emmcboot failed');
  const after = f(['U-Boot 2016.11-2.7.4+gb1e5d9ba2a (Jul 13 2017 - 20:37:08 +0000)', 'reading uImage', 'Error reading cluster', '** Unable to read file uImage **', '', 'emmcboot failed']);
  assert.is(after.rootCause, 'Error reading cluster');
  assert.ok(after.rootEvidence.includes('emmcboot failed'));
});

test("what a service printed just before its init system said it failed is the root cause's evidence (OpenRC's `Starting X ...` with the program's error on it)", () => {
  const lines = [
    '   OpenRC 0.54 is starting up Linux 6.1.0 (riscv64)',
    ' * Setting hostname ... [ ok ]',
    ' * Starting networking ...ifquery: could not parse /etc/network/interfaces',
    ' * ERROR: networking failed to start',
    ' * Starting sshd ... [ ok ]',
    'host login: ',
  ];
  const got = f(lines);
  assert.is(got.rootCause, 'networking');
  assert.ok(got.rootEvidence.some((t) => t.includes('ifquery: could not parse')), 'the program’s error');
  assert.not.ok(got.rootEvidence.some((t) => t.includes('Setting hostname')), 'not a line that names neither the service nor an error');
  // (A line that says nothing of the service, farther up, is not its words.)
  const far = f([lines[0]!, lines[2]!, ' * Mounting /tmp ... [ ok ]', ' * Remounting filesystems ... [ ok ]', ' * Loading modules ... [ ok ]', lines[3]!]);
  assert.not.ok(far.rootEvidence.some((t) => t.includes('ifquery')));
});

test("GRUB legacy's numbered errors and Xen's domain builder under PV-GRUB are the bootloader's errors; OpenWrt's mount_root falling back to a RAM overlay is procd's failure; the kernel's runaway modprobe loop is a module it could not load", () => {
  const grub = f(["  Booting 'Fallback'", 'root (hd0)', ' Filesystem type is ext2fs, using whole disk', 'kernel /vmlinuz.old root=/dev/sda1 ro', 'Error 15: File not found']);
  assert.is(grub.boots, 1);
  assert.is(grub.rootCauseKind, 'bootloader');
  assert.is(grub.rootCause, 'Error 15: File not found');
  const pv = f(['kernel /vmlinuz root=/dev/sda1 ro', 'initrd /initrd.img', 'ERROR Invalid kernel: elf_xen_note_check: ERROR: Will only load images', 'xc_dom_parse_image returned -1', 'Error 9: Unknown boot failure']);
  assert.is(pv.rootCause, 'ERROR Invalid kernel: elf_xen_note_check: ERROR: Will only load images', 'the first error is the cause');
  // (The same words once a kernel runs are some program's.)
  const later = f(['[    0.000000] Linux version 6.1.0 (x@y) #1 SMP', '[    2.000000] Run /sbin/init as init process', 'Error 15: File not found', 'host login: ']);
  assert.is(later.rootCause, null);

  const openwrt = (fallback: boolean) =>
    f([
      '[    0.000000] Linux version 4.14.171 (builder@buildhost) #0 Mon Feb 24 09:56:46 2020',
      '[   13.212840] mount_root: switching to jffs2 overlay',
      '[   13.265635] mount_root: mount failed: lowerdir=/,upperdir=/overlay/upper,workdir=/overlay/work, options No such device',
      ...(fallback ? ['[   13.276838] mount_root: switching to jffs2 failed - fallback to ramoverlay'] : []),
      '[   13.414889] procd: - early -',
      '[   14.165573] procd: - init -',
      'Please press Enter to activate this console.',
    ]);
  const failed = openwrt(true);
  assert.is(failed.rootCause, 'mount_root: switching to jffs2 failed - fallback to ramoverlay');
  assert.is(failed.boots, 1);
  assert.is(openwrt(false).rootCause, null, 'an overlay that mounted is no failure');

  const loop = f(['Linux version 2.6.16-xenU (builder@xenbat) (gcc version 4.0.1) #1 SMP Mon May 28 03:41:49 SAST 2007', '0MB HIGHMEM available.', ...Array(5).fill('request_module: runaway loop modprobe binfmt-464c')]);
  assert.is(loop.rootCauseKind, 'kernel-error');
  assert.is(loop.rootCause, 'request_module: runaway loop modprobe binfmt-464c');
});

test("a burst of the kernel's storage errors before a failure is its evidence from its first line, however long the hex dump in it", () => {
  const dump = Array.from({ length: 9 }, (_, i) => `[    8.56${i}000] 000000${i}0: 58 41 47 49 00 00 00 01 00 00 00 00 00 00 00 00  XAGI............`);
  const got = f([
    '[    8.543984] XFS (sdc1): Metadata CRC error detected at xfs_agi_read_verify+0xd0/0xf0 [xfs], xfs_agi block 0x10',
    '[    8.553867] XFS (sdc1): Unmount and run xfs_repair',
    ...dump,
    '[    8.629731] XFS (sdc1): metadata I/O error in "xfs_trans_read_buf_map" at daddr 0x10 len 8 error 74',
    '[FAILED] Failed to mount /data.',
    "See 'systemctl status data.mount' for details.",
  ]);
  assert.is(got.rootCause, 'data.mount');
  assert.ok(got.rootEvidence.some((t) => t.includes('Metadata CRC error detected')), 'the burst’s first line');
  // (An error far above, with nothing between, is not part of it.)
  const far = f(['[    1.000000] XFS (sdb1): Metadata CRC error detected at xfs_agi_read_verify+0xd0/0xf0 [xfs]', ...Array.from({ length: 20 }, (_, i) => `[    2.${String(i).padStart(6, '0')}] eth0: link up`), '[FAILED] Failed to mount /data.']);
  assert.not.ok(far.rootEvidence.some((t) => t.includes('Metadata CRC')));
});

test("PID 1's `X: Starting requested but asserts failed.` names the unit of the description-only `Assertion failed for …` beside it; sudo or doas opening a session for a logged-in user means a login was reached", () => {
  const report = analyze(
    [
      '[    1.000000] systemd[1]: systemd 245.4-4ubuntu3 running in system mode (+PAM)',
      '[   68.264607] systemd[1]: emergency.service: Starting requested but asserts failed.',
      '[   68.266049] systemd[1]: Assertion failed for Emergency Shell.',
      '[   68.268743] systemd[1]: Dependency failed for Emergency Mode.',
    ].join('\n') + '\n',
  );
  const asserted = report.boots.flatMap((b) => b.cycles.flatMap((c) => c.failures)).filter((x) => x.kind === 'assert');
  assert.equal(asserted.map((x) => x.unit.name), ['emergency.service']);
  // (An `[ASSERT]` line is no `Failed to …` line: a label's `failed` list does not hold it.)
  assert.not.ok(findings(report).failed.includes('emergency.service'));
  const audit = (auid: string, exe: string) =>
    f([
      'Jun 11 20:15:39 hyperv systemd[1]: Reached target Multi-User System.',
      `Jun 11 20:16:12 hyperv kernel: audit: type=1105 audit(1623467772.655:81): pid=997 uid=1000 auid=${auid} ses=2 msg='op=PAM:session_open grantors=pam_limits,pam_unix acct="root" exe="${exe}" hostname=hyperv addr=? terminal=pts/1 res=success'`,
    ]).loginReached;
  assert.ok(audit('1000', '/usr/bin/doas'));
  assert.ok(audit('1000', '/usr/bin/sudo'));
  assert.not.ok(audit('4294967295', '/usr/bin/sudo'), 'sudo run by a service, no one logged in');
  assert.not.ok(audit('1000', '/usr/bin/cron'));
  // A desktop session's polkit agent: a graphical (auto)login that logind's lines did not show.
  assert.ok(
    f([
      'Oct 01 17:56:40 dadkvm systemd[1]: Reached target Graphical Interface.',
      'Oct 01 17:56:48 dadkvm polkitd(authority=local)[499]: Registered Authentication Agent for unix-session:c1 (system bus name :1.49 [/usr/lib/x86_64-linux-gnu/polkit-mate/polkit-mate-authentication-agent-1], object path /org/mate/PolicyKit1/AuthenticationAgent, locale en_GB.UTF-8)',
    ]).loginReached,
  );
});

test("an initramfs's hand-over that could not run the new root's init (switch_root, klibc's run-init) is the cause of the panic that follows, not the panic", () => {
  const panic = (said: string) =>
    f([
      'mounting /dev/disk/by-label/nixos on /...',
      said,
      '[   12.427694] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100',
      '[   12.427713] CPU: 0 PID: 1 Comm: switch_root Not tainted 4.4.23 #1-NixOS',
    ]);
  const nix = panic("switch_root: can't execute '/nix/store/8h3n6wvij-nixos-system-16.09/init': No such file or directory");
  assert.is(nix.rootCause, "switch_root: can't execute '/nix/store/8h3n6wvij-nixos-system-16.09/init': No such file or directory");
  assert.is(panic('run-init: /sbin/init: No such file or directory').rootCause, 'run-init: /sbin/init: No such file or directory');
  // (Words of another program before a panic are not the hand-over's.)
  assert.is(panic('resize2fs: Please run e2fsck -f first.').rootCause, 'panic');
});

test("Android's init: a critical service that kept dying is the cause (it reboots into recovery); HiSilicon's `[  t s][pid:N,cpuN,comm]` prefix is the kernel's", () => {
  const got = f([
    '[    0.000000s][pid:0,cpu0,swapper]Booting Linux on physical CPU 0x0',
    '[    0.000000s][pid:0,cpu0,swapper]Linux version 3.10.90 (android@builder) (gcc version 4.9) #1 SMP PREEMPT',
    '[    5.120000s][pid:1,cpu2,init]init: init first stage started!',
    '[   32.422210s][pid:1,cpu5,init]init: property_set("ro.expect.recovery_id", "0x8c12") failed',
    "[   58.913604s][pid:1,cpu4,init]init: critical process 'zygote' exited 4 times in 4 minutes; rebooting into recovery mode",
    "[   59.563232s][pid:1,cpu0,init]Restarting system with command 'recovery'.",
  ]);
  assert.is(got.boots, 1);
  assert.is(got.cycles, 0);
  assert.is(got.rootCause, 'zygote');
  // (A service that exited once is no critical failure.)
  assert.is(f(['[    0.000000] Linux version 4.14.0 (a@b) #1 SMP', "[   20.100000] init: Service 'vendor.foo' (pid 420) exited with status 1"]).rootCause, null);
});

test("a vendor U-Boot that starts a newer one (`## Starting application at …`) is one boot; mkinitcpio's root that would not mount is its shell's cause, not a warning it passed over; a disk that will not IDENTIFY is the kernel's failure", () => {
  const chain = f([
    'U-Boot 2013.07 (Mar 12 2024 - 14:08:49)',
    'DRAM:  496 MiB',
    '## Starting application at 0x83000000 ...',
    '',
    'U-Boot 2019.04 (Mar 25 2024 - 04:43:19 +0000)',
    'Starting kernel ...',
    '[    0.000000] Linux version 6.6.30 (oe-user@oe-host) #1 Mon May 13 00:55:18 UTC 2024',
    '[   10.990385] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100',
    'U-Boot 2013.07 (Mar 12 2024 - 14:08:49)',
  ]);
  assert.is(chain.boots, 2, 'the chain-loaded U-Boot is the same power-on; the banner after the panic is a reset');
  const mkinitcpio = f([
    ':: running early hook [udev]',
    'Warning: /lib/modules/6.7.0/modules.devname not found - ignoring',
    ":: mounting '/dev/vda2' on real root",
    'mount: /new_root: wrong fs type, bad option, bad superblock on /dev/vda2, missing codepage or helper program, or other error.',
    'You are now being dropped into an emergency shell.',
    "sh: can't access tty; job control turned off",
    '[rootfs ]#',
  ]);
  assert.is(mkinitcpio.rootCauseDescription, 'mount: /new_root: wrong fs type, bad option, bad superblock on /dev/vda2, missing codepage or helper program, or other error');
  const disk = f(['[    0.000000] Linux version 5.15.2-arch1-1 (linux@archlinux) #1 SMP', '[    5.950616] ata1.00: failed to IDENTIFY (I/O error, err_mask=0x4)', '[   16.403940] ata1.00: failed to IDENTIFY (I/O error, err_mask=0x4)']);
  assert.is(disk.rootCause, 'ata1.00: failed to IDENTIFY (I/O error, err_mask=0x4)');
});

test("a kernel that stopped at its first instant after the bootloader's hand-over, and an SD controller that stopped answering, are what went wrong; a kernel that goes on is not", () => {
  const early = f(['U-Boot 2019.07 (Aug 10 2019 - 10:00:00 +0000)', 'Starting kernel ...', '', '[    0.000000] Booting Linux on physical CPU 0xf']);
  assert.is(early.rootCauseDescription, 'Booting Linux on physical CPU 0xf');
  assert.is(f(['U-Boot 2019.07 (Aug 10 2019 - 10:00:00 +0000)', 'Starting kernel ...', '[    0.000000] Booting Linux on physical CPU 0xf', '[    0.000000] Linux version 5.4.0 (a@b) #1 SMP', '[    0.120000] smp: Bringing up secondary CPUs ...', '[    0.130000] smp: Brought up 1 node, 4 CPUs']).rootCause, null);
  const mmc = f(['[   33.760561] LDO5: disabling', '[   81.119861] mmc1: Timeout waiting for hardware interrupt.', '[   81.119872] mmc1: sdhci: ============ SDHCI REGISTER DUMP ===========']);
  assert.is(mmc.rootCauseDescription?.replace(/\.$/, ''), 'mmc1: Timeout waiting for hardware interrupt');
  // (A USB controller that dies is not one: clean boots show it too, a dock unplugged.)
  assert.is(f(['[    0.000000] Linux version 5.9.0 (a@b) #1 SMP', '[   31.962123] xhci_hcd 0000:29:00.3: xHCI host controller not responding, assume dead', '[   31.962160] xhci_hcd 0000:29:00.3: HC died; cleaning up']).rootCause, null);
  // U-Boot's own exception handler, in any of its words (`"Error" handler`, not only `"Synchronous Abort"`).
  assert.is(f(['Net:   eth0: ethernet@7d580000', 'PCIe BRCM: link up, 5.0 Gbps x1 (SSC)', '"Error" handler, esr 0xbf000002', 'elr: 00000000000af544 lr : 00000000000af500 (reloc)']).rootCause, '"Error" handler, esr 0xbf000002');
});

test("a generator that fails breaks the boot only when it makes units the boot needs", () => {
  const kmsg = (gen: string) => ['[    0.000000] Linux version 6.6.0 (x@y) #1 SMP', '[    4.100000] systemd[1]: systemd 252 running in system mode (+PAM)', `[    4.909638] (sd-execu[167]: /lib/systemd/system-generators/${gen} failed with exit status 1.`, '[    9.000000] systemd[1]: Startup finished in 4.1s (kernel) + 4.9s (userspace) = 9.0s.', '', 'host login: '];
  // gpt-auto on a root it cannot trace to a disk: PID 1 goes on and the boot is whole.
  const gpt = analyze(kmsg('systemd-gpt-auto-generator').join('\n') + '\n');
  assert.is(gpt.verdict, 'ok');
  assert.is(gpt.boots[0]!.cycles[0]!.failures.length, 1, 'still listed');
  // fstab's: the mounts it should have made are missing.
  const fstab = f(kmsg('systemd-fstab-generator'));
  assert.is(fstab.rootCause, '/lib/systemd/system-generators/systemd-fstab-generator failed with exit status 1');
});

test('a kernel that printed its banner without a time, then PID 1 with one, is one boot; after a panic says it reboots, the next power-on\'s lines begin a boot', () => {
  const untimed = ['Linux version 5.3.0 (x@y) #1 SMP', 'Run /init as init process', 'systemd[1]: systemd 219 running in system mode. (+PAM)', 'systemd[1]: Running in initial RAM disk.', '[  OK  ] Reached target Local File Systems.', '[    0.925423] systemd[1]: Reached target Local File Systems.', '[  OK  ] Reached target Timers.'];
  const one = f(untimed);
  assert.is(one.boots, 1);
  assert.is(one.cycles, 1);
  const panicked = [...untimed, ' BUG: Kernel NULL pointer dereference at 0x00000148', ' Oops: Kernel access of bad area, sig: 11 [#1]', ' NIP [c0080000006f97dc] lpfc_sli4_write_cq_db+0x7c/0xa0 [lpfc]', ' Kernel panic - not syncing: Fatal exception', ' Rebooting in 10 seconds..', '', '!!! 01FT700 FCode, Copyright (c) 2000-2017 Emulex !!!  Version 4.03a12', '', '!!! 01FT700 FCode, Copyright (c) 2000-2017 Emulex !!!  Version 4.03a12'];
  const r = f(panicked);
  assert.is(r.boots, 2);
  assert.ok(r.crashTitles[0]!.endsWith(' in lpfc_sli4_write_cq_db'), r.crashTitles[0]);
  // A vendor kernel that goes on talking, with its timestamps, after the same words is still the same boot.
  const vendor = f(['[    8.600000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)', '[    8.610000] Rebooting in 5 seconds..', '<0>  - Fail to set CP uploadmode.', '[   13.663737]   - Fail to set CP uploadmode.', '0> modem_wait_count : 501', '[   13.670236]  modem_wait_count : 501']);
  assert.is(vendor.boots, 1);
});

test("an init script's mount the kernel refused is the cause of a boot without systemd, in the kernel's words; mounts a board's kernel just lacks are not", () => {
  const arpl = f(['[    1.425491] tmpfs: Unknown parameter \'mode\'', 'mount: mounting tmpfs on /tmp failed: Invalid argument', 'Starting syslogd: OK', 'Starting network: OK', '', 'Please press Enter to activate this console.']);
  assert.is(arpl.rootCauseDescription, "tmpfs: Unknown parameter 'mode'");
  assert.ok(arpl.rootEvidence.some((t) => t.startsWith('mount: mounting tmpfs on /tmp failed')));
  const smack = f(['[    1.425491] Run /sbin/init as init process', 'mount: mounting smackfs on /sys/fs/smackfs failed: No such file or directory', 'Starting syslogd: OK', '', 'Please press Enter to activate this console.']);
  assert.is(smack.rootCause, null);
});

test("NixOS stage 1's word that it gave up waiting for a device is the cause's description; a kernel's reason before its report's cut line is evidence", () => {
  const nix = f(['<<< NixOS Stage 1 >>>', '', 'waiting for device /dev/disk/by-partlabel/disk-nvme0n1-var to appear.......................', '', 'Timed out waiting for device /dev/disk/by-partlabel/disk-nvme0n1-var, trying to mount anyway.', '', 'mounting /dev/disk/by-partlabel/disk-nvme0n1-var on /var...']);
  assert.is(nix.rootCause, 'dev-disk-by\\x2dpartlabel-disk\\x2dnvme0n1\\x2dvar.device');
  assert.is(nix.rootCauseDescription, 'Timed out waiting for device /dev/disk/by-partlabel/disk-nvme0n1-var, trying to mount anyway');
  const usercopy = f(["[    1.955512] usercopy: Kernel memory exposure attempt detected from SLUB object 'cpumask' (offset 0, size 16)!", '[    1.955531] ------------[ cut here ]------------', '[    1.955535] kernel BUG at mm/usercopy.c:102!']);
  assert.ok(usercopy.rootEvidence.some((t) => t.includes('Kernel memory exposure attempt')));
});

test('a log copied with no-break spaces reads as the console; a stack overflow after a fault is the fault\'s; the real console replaying the log is the same boot', () => {
  const nbsp = f(['[\u00a0 675.895298] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000058', '[\u00a0 675.945244] Internal error: Oops: 96000005 [#1] PREEMPT SMP', '[\u00a0 676.020692] pc : tpm_transmit+0x148/0x678', '[\u00a0 676.226710] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b']);
  assert.equal(nbsp.kernelCrashes, ['oops', 'panic']);
  assert.is(nbsp.rootCause, 'oops');
  const overflow = f(['[    0.000000] Unable to handle kernel paging request at virtual address ffff00003de10000', '[    0.000000] Mem abort info:', '[    0.000000] Unable to handle kernel paging request at virtual address ffff00007dff8000', '[    0.000000] Kernel panic - not syncing: kernel stack overflow']);
  assert.is(overflow.rootCause, 'oops');
  const replay = f([
    '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
    '[    0.000000] Linux version 5.4.0 (x@y) #8 SMP PREEMPT',
    '[    0.003991] printk: console [tty1] enabled',
    '[    0.004387] printk: bootconsole [uart8250] disabled',
    '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
    '[    0.000000] Linux version 5.4.0 (x@y) #8 SMP PREEMPT',
    '[    0.003991] printk: console [tty1] enabled',
    '[    0.004387] printk: bootconsole [uart8250] disabled',
    '[    0.012000] Calibrating delay loop (skipped)',
    '[    2.100000] Run /sbin/init as init process',
  ]);
  assert.is(replay.boots, 1);
  // (A kernel that starts again from 0 without that hand-over is a new boot.)
  assert.is(f(['[    0.000000] Linux version 5.4.0 (x@y) #8 SMP PREEMPT', '[    9.100000] Run /sbin/init as init process', '[    0.000000] Linux version 5.4.0 (x@y) #8 SMP PREEMPT']).boots, 2);
});

test("Trusted Firmware's stamped lines are the firmware's, not a kernel's; bootm's missing device tree is the bootloader's error", () => {
  const r = f([
    '[    0.000292] NOTICE:  BL2: R-Car Gen3 Initial Program Loader(CA57) Rev.1.0.16',
    '[    0.079872] NOTICE:       Entry 0: DCMPAREACRAx:0x80000540 DCMPAREACRBx:0x570',
    '[    0.100785] NOTICE:  BL2: v1.3(release):b330e0e',
    'U-Boot 2015.04 (Dec 06 2017 - 15:26:59)',
    'booti 0x48080000 0x4a000000 0x48000000',
    '## Loading init Ramdisk from Legacy Image at 4a000000 ...',
    'ERROR: Did not find a cmdline Flattened Device Tree',
  ]);
  assert.is(r.boots, 1);
  assert.is(r.rootCauseDescription, 'ERROR: Did not find a cmdline Flattened Device Tree');
});

test("PA-RISC's Kernel Fault is its oops; an NFS root with no server explains the panic for want of init; a deferred-probe timeout at the log's end is a hang", () => {
  const parisc = f(['[   12.422487] Kernel Fault: Code=26 (Data memory access rights trap) at addr 113c5f90', '[   12.557345] Kernel panic - not syncing: Kernel Fault']);
  assert.equal(parisc.kernelCrashes, ['oops', 'panic']);
  assert.is(parisc.rootCause, 'oops');
  const nfs = f(['[    0.000000] Linux version 7.0.0-rc5 (x@y) #1', '[   12.882043] Root-NFS: no NFS server address', '[   12.938264] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.']);
  assert.is(nfs.rootCauseDescription, 'Root-NFS: no NFS server address');
  const hang = f(['[    0.000000] Linux version 6.0.0-rc3 (x@y) #1', '[    1.408111] Trying to probe devices needed for running init ...', '[   11.419128] platform fixedregulator-sd: deferred probe pending', '[   11.425140] platform ti-cpufreq: deferred probe pending', '[   13.899322] l3init-clkctrl:0068:0: failed to disable']);
  assert.is(hang.rootCauseDescription, 'platform fixedregulator-sd: deferred probe pending');
  // (The same lines with init run after them: no hang.)
  assert.is(f(['[    0.000000] Linux version 6.0.0-rc3 (x@y) #1', '[   11.419128] platform fixedregulator-sd: deferred probe pending', '[   12.000000] Run /sbin/init as init process', 'Starting syslogd: OK', 'Please press Enter to activate this console.']).rootCause, null);
});

test("dracut's initqueue still waiting on a device when the log ends: that device never appeared", () => {
  const r = f([
    '[  146.633622] dracut-initqueue[320]: Warning: dracut-initqueue: timeout, still waiting for following initqueue hooks:',
    '[  147.204238] dracut-initqueue[320]: Warning: /lib/dracut/hooks/initqueue/finished/devexists-\\x2fdev\\x2fdisk\\x2fby-uuid\\x2fc034bf95-13cb-46a0-b66e-78faa57bc520.sh: "[ -e "/dev/disk/by-uuid/c034bf95-13cb-46a0-b66e-78faa57bc520" ]"',
    '[  147.205561] dracut-initqueue[320]: Warning: dracut-initqueue: starting timeout scripts',
  ]);
  assert.is(r.rootCause, 'dev-disk-by\\x2duuid-c034bf95\\x2d13cb\\x2d46a0\\x2db66e\\x2d78faa57bc520.device');
});

test('the root file system not remounted read-write, first of many failures, is their cause; failures after emergency mode began did not bring it', () => {
  const ro = f(['[    1.0] Linux version 5.16 (x@y) #1', '[FAILED] Failed to start Remount Root and Kernel File Systems.', "See 'systemctl status systemd-remount-fs.service' for details.", '[FAILED] Failed to start Security Auditing Service.', "See 'systemctl status auditd.service' for details.", '[FAILED] Failed to start Update UTMP about System Boot/Shutdown.', "See 'systemctl status systemd-update-utmp.service' for details.", '[DEPEND] Dependency failed for Update UTMP about System Runlevel Changes.', '[FAILED] Failed to start NTP client/server.']);
  assert.is(ro.rootCause, 'systemd-remount-fs.service');
  const late = f(['[FAILED] Failed to start Load Kernel Modules.', "See 'systemctl status systemd-modules-load.service' for details.", '[  OK  ] Started Emergency Shell.', '[  OK  ] Reached target Emergency Mode.', '[FAILED] Failed to start Network Time Synchronization.', "See 'systemctl status systemd-timesyncd.service' for details.", '[DEPEND] Dependency failed for System Time Synchronized.']);
  assert.is(late.rootCause, 'systemd-modules-load.service');
});

test('ordering cycles: the unit whose start job PID 1 deleted was skipped, named from its kmsg line or the journal; other failures explain a boot first', () => {
  const console = f(['[    5.100000] systemd[1]: multi-user.target: Job getty.target/start deleted to break ordering cycle starting with multi-user.target/start', '[ SKIP ] Ordering cycle found, skipping Login Prompts', '[  OK  ] Reached target Multi-User System.']);
  assert.is(console.rootCause, 'getty.target');
  const journal = f(['Mar 06 15:51:01 host systemd[1]: cloud-init.service: Found ordering cycle on cloud-init-local.service/start', 'Mar 06 15:51:01 host systemd[1]: cloud-init.service: Job svc1.service/start deleted to break ordering cycle starting with cloud-init.service/start']);
  assert.is(journal.rootCause, 'svc1.service');
  const both = f(['[ SKIP ] Ordering cycle found, skipping Login Prompts', '[FAILED] Failed to start foo.service - Foo.']);
  assert.is(both.rootCause, 'foo.service');
});

test("a z/VM 3270 console's `¬`/`|` brackets, a harness's `console: ` label and z/VM's CPU numbers come off before reading", () => {
  const ebcdic = analyze(['\u00ac  595.610434| systemd\u00ac1|: Failed unmounting /cdrom. ', '\u00ac \u00ac0;1;31mFAILED \u00ac0m| Failed unmounting  \u00ac0;1;39m/cdrom \u00ac0m. '].join('\n') + '\n');
  assert.ok(ebcdic.input.envelopes.some((e) => e.kind === 'ebcdic-brackets'));
  assert.is(findings(ebcdic).rootCause, 'cdrom.mount');
  const labelled = f(['console: [    0.000000] Linux version 4.5.0-2-4kc-malta (x@y) #1', 'console: Freeing unused kernel memory: 412K', 'console: do_page_fault(): sending SIGSEGV to mount for invalid write access to 0018a000', 'console: do_page_fault(): sending SIGSEGV to sh for invalid write access to 0018a000', 'console: do_page_fault(): sending SIGSEGV to cat for invalid write access to 0018a000']);
  assert.is(labelled.rootCauseDescription, 'do_page_fault(): sending SIGSEGV to mount for invalid write access to 0018a000');
  // (One process's fault on a boot that reaches its login is no cause.)
  assert.is(f(['[    0.000000] Linux version 4.5.0 (x@y) #1', 'do_page_fault(): sending SIGSEGV to mount for invalid write access to 0018a000', 'Please press Enter to activate this console.', 'buildroot login:']).rootCause, null);
  const zvm = f(['00: [   39.176304] dasd-eckd 0.0.0120: A channel path to the device has become operational', '01: Warning: /dev/mapper/rhel-root does not exist', '01: Entering emergency mode. Exit the shell to continue.', '00: dracut:/# ']);
  assert.is(zvm.emergency, 'dracut-shell');
});

test('jobs still running at the end: the one that started first is named; a socket that failed before its service is the cause; PID 1 on a unit is evidence', () => {
  const hung = f(['[   13.295230] kauditd_printk_skb: 48 callbacks suppressed', '[   ***] (7 of 8) A start job is running for Journal Service (20s / 1min 30s)[   24.063792] EXT4-fs (vda3): re-mounted. Opts: (null)', '[  OK  ] Started udev Coldplug all Devices.', '[   24.075129] audit: type=1130 audit(1516793702.384:60): pid=1 uid=0 msg=\'unit=systemd-udev-trigger res=success\'', '         Starting udev Wait for Complete Device Initialization...', '[***   ] (3 of 8) A start job is running for…ce Initialization (30s / 3min 20s)', '[  OK  ] Started Remount Root and Kernel File Systems.']);
  assert.is(hung.rootCause, 'systemd-journald.service');
  const socket = f(['systemd-journald-audit.socket failed to listen on sockets: Operation not permitted', '[FAILED] Failed to listen on Journal Audit Socket.', 'See "systemctl status systemd-journald-audit.socket" for details.', '         Starting Journal Service...', 'systemd-journald.service: main process exited, code=exited, status=1/FAILURE', '[FAILED] Failed to start Journal Service.', 'See "systemctl status systemd-journald.service" for details.', '[DEPEND] Dependency failed for Flush Journal to Persistent Storage.']);
  assert.is(socket.rootCause, 'systemd-journald-audit.socket');
  assert.ok(socket.rootEvidence.some((t) => t.includes('failed to listen on sockets: Operation not permitted')));
});

test("firmware and platforms: SLOF's errors, s390's program check, a network root without its network controller, a journal cut inside the kernel", () => {
  const slof = f(['SLOF **********************************************************************', 'QEMU Starting', 'Trying to load:  from: /pci@800000020000000/usb@0/storage@1/disk@101000000000000 ...', 'E3405: No such device', '', 'E3407: Load failed']);
  assert.is(slof.boots, 1);
  assert.is(slof.rootCauseDescription, 'E3405: No such device');
  const s390 = findings(analyze(['[    1.675787] illegal operation: 0001 ilc:3 [#1] SMP', '[    1.676202] Krnl PSW : 0704d00180000000 0000000000579fbc (load_elf_binary+0x31c/0x11c0)', '[    1.678012] Kernel panic - not syncing: Fatal exception: panic_on_oops'].join('\n') + '\n'));
  assert.equal(s390.kernelCrashes, ['oops', 'panic']);
  assert.is(s390.crashTitles[0], 'illegal operation: 0001 in load_elf_binary');
  const nfs = f(['[    0.000000] Linux version 6.6.63 (x@y) #1', '[   12.094856] platform cac80000.ethernet: deferred probe pending', '[  111.657623] VFS: Unable to mount root fs via NFS.', '[  111.747032] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.']);
  assert.is(nfs.rootCauseDescription, 'platform cac80000.ethernet: deferred probe pending');
  const head = f(['-- Logs begin at Tue 2018-05-29 19:51:06 CEST, end at Sun 2019-09-01 14:31:04 CEST. --', 'sep. 01 14:24:53 host kernel: Linux version 4.15.0-60-generic (buildd@lgw01) (gcc version 7.4.0) #67-Ubuntu SMP', 'sep. 01 14:24:53 host kernel: Command line: BOOT_IMAGE=/boot/vmlinuz root=UUID=7e6b ro quiet', 'sep. 01 14:24:53 host kernel: e820: BIOS-provided physical RAM map:']);
  assert.is(head.cycles, 0);
  const whole = f(['-- Logs begin at Tue 2018-05-29 19:51:06 CEST, end at Sun 2019-09-01 14:31:04 CEST. --', 'sep. 01 14:24:53 host kernel: Linux version 4.15.0-60-generic (buildd@lgw01) (gcc version 7.4.0) #67-Ubuntu SMP', 'sep. 01 14:24:55 host kernel: Freeing unused kernel image memory: 2304K']);
  assert.is(whole.cycles, 1);
});

test("generic BUG() then panic('BUG!'), U-Boot's decompression error, MIPS's fault header and ARM's user fault before a kill-init panic", () => {
  const bug = f(['[    4.310000] BUG: failure at include/linux/mmap_lock.h:81/mmap_assert_locked()!', '[    4.340000] Kernel panic - not syncing: BUG!']);
  assert.equal(bug.kernelCrashes, ['bug', 'panic']);
  assert.is(bug.rootCause, 'bug');
  const lzma = f(['U-Boot 1.1.3 (Dec 15 2014 - 10:12:44)', 'We have SEAMA, Image Size = 2424768', 'Verifying Checksum ...', 'Uncompressing SEAMA linux.lzma ... LZMA ERROR 1 - must RESET board to recover']);
  assert.is(lzma.boots, 1);
  assert.is(lzma.rootCauseDescription, 'Uncompressing SEAMA linux.lzma ... LZMA ERROR 1 - must RESET board to recover');
  const mips = f(['[   16.907038] CPU 0 Unable to handle kernel paging request at virtual address 00000084, epc == 8024fc08, ra == 802708dc', '[   17.034579] Oops[#1]:', '[   19.846446] Kernel panic - not syncing: Fatal exception in interrupt']);
  assert.equal(mips.kernelCrashes, ['oops', 'panic']);
  const arm = f(['[    5.899614] init: unhandled page fault (11) at 0x000008ec, code 0x005', '[    5.909925] CPU: 0 UID: 0 PID: 1 Comm: init Not tainted 6.12.6 #96', '[    5.976264] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b']);
  assert.ok(arm.rootEvidence.some((t) => t.includes('init: unhandled page fault (11)')));
});

test("a service's process killed for a bad memory access just before the service failed is its evidence, once systemd's pointer names the unit", () => {
  const r = f(['[  351.243261] watchdog[1844]: segfault at 0 ip 00000000 sp bfd01fac error 4 in watchdog[49d000+2000]', '[FAILED] Failed to start watchdog daemon.', "See 'systemctl status watchdog.service' for details."]);
  assert.is(r.rootCause, 'watchdog.service');
  assert.ok(r.rootEvidence.some((t) => t.includes('watchdog[1844]: segfault at 0')));
});

test("`dmesg` typed at a shell prompt prints this boot's ring buffer again; emergency mode made the default target by its description was asked for", () => {
  const typed = f(['[    0.000000] Linux version 5.8.0 (x@y) #1', '[  107.189918] audit: type=1327 audit(1592389745.195:3): proctitle="(systemd)"', 'root@hihope-rzg2h:~# dmesg | grep -i iommu', '[    0.042130] iommu: Default domain type: Translated ', 'root@hihope-rzg2h:~# ']);
  assert.is(typed.boots, 1);
  const asked = f(['[    0.000000] Linux version 6.14.2-arch1-1 (linux@archlinux) #1', '[    4.115083] systemd[1]: Queued start job for default target Emergency Mode.', '[    4.134161] systemd[1]: Started Emergency Shell.', '[    4.134340] systemd[1]: Reached target Emergency Mode.']);
  assert.is(asked.emergency, 'emergency');
  assert.is(asked.rootCause, null);
});

test("dracut's initqueue timing out as the log ends is the boot's hang, unless the root came up after it", () => {
  const initrd = ['[    0.000000] Linux version 5.14.0-1.el7.elrepo.x86_64 (mockbuild@x) #1 SMP', '[    1.200000] systemd[1]: Running in initial RAM disk.', '         Starting dracut initqueue hook...', '[    3.440559] nvme nvme0: 15/0/0 default/read/poll queues'];
  const timeout = '[  128.522397] dracut-initqueue[353]: Warning: dracut-initqueue timeout - starting timeout scripts';
  const hung = f([...initrd, timeout, timeout]);
  assert.is(hung.rootCause, 'dracut-initqueue timeout - starting timeout scripts');
  assert.ok(hung.rootEvidence.some((t) => t.includes('dracut-initqueue timeout')));
  // LVM activated by the timeout scripts: the root appears, the initrd switches root, the system boots on.
  const late = f([...initrd, timeout, '[  130.000000] systemd[1]: Reached target Initrd Root File System.', '[  131.000000] systemd[1]: Starting Switch Root...', '[  132.000000] systemd[1]: systemd 219 running in system mode. (+PAM)', '[  133.000000] systemd[1]: Started Journal Service.']);
  assert.is(late.rootCause, null);
});

test("a status line begun right after a kernel stamp and cut by the kernel's message; systemd's pointer past the kernel's lines between", () => {
  const r = f([
    '[    5.196741] [FAILEDsystemd[1]: Stopped target Local File Systems.] Failed to start Verity Setup for /dev/mapper/usr.',
    '[    5.204884] systemd[1]: Stopping Network Name Resolution...',
    '[    5.208221]',
    "See 'systemctl status verity-setup.service' for details.systemd",
    '[1]: Stopped target Paths.',
  ]);
  assert.is(r.rootCause, 'verity-setup.service');
  assert.ok(r.rootEvidence.some((t) => t.includes('Failed to start Verity Setup for /dev/mapper/usr.')));
  // The status word, then the kernel's stamp and prefix, then the status's own `] …`.
  const cut = f(['[    5.196741] [FAILEDsystemd[1]: Stopped target Local File Systems.] Failed to start Verity Setup for /dev/mapper/usr.', '[DEPEND[    5.224366] systemd[1]: ] Dependency failed for Initrd File Systems.']);
  assert.equal(cut.dependencyFailed, ['initrd-fs.target']);
});

test('a mount whose mount(8) failed as the log ends, before systemd said the result, failed', () => {
  const begin = ['Nov 06 21:20:49 host systemd[1]: Finished Flush Journal to Persistent Storage.', 'Nov 06 21:20:49 host systemd[1]: Started Rule-based Manager for Device Events and Files.', 'Nov 06 21:20:50 host systemd[1]: Mounting /mnt/h...'];
  const failed = f([...begin, 'Nov 06 21:20:50 host mount[149]: mount: /mnt/h: special device H: does not exist.', 'Nov 06 21:20:50 host mount[149]:        dmesg(1) may have more information after failed mount system call.']);
  assert.is(failed.rootCause, 'mnt-h.mount');
  assert.ok(failed.rootEvidence.some((t) => t.includes('special device H: does not exist')));
  // A retry that mounted it: nothing failed.
  const mounted = f([...begin, 'Nov 06 21:20:50 host mount[149]: mount: /mnt/h: special device H: does not exist.', 'Nov 06 21:20:51 host systemd[1]: Mounted /mnt/h.']);
  assert.is(mounted.rootCause, null);
});

test("a dmesg of older systemd: 'Running in initial RAM disk', a version from git, the real root's PID 1 without 'Switching root'; an initrd daemon torn down then is no failure", () => {
  const boot = [
    '[    0.000000] Linux version 5.5.6-1-default (geeko@buildhost) #1 SMP',
    '[    6.220857] systemd[1]: systemd +suse.138.gf8adabc2b1 running in system mode. (+PAM -AUDIT)',
    '[    6.397858] systemd[1]: Running in initial RAM disk.',
    '[    8.094430] systemd[1]: Started Entropy Daemon based on the HAVEGE algorithm.',
    '[   15.413496] systemd[1]: systemd +suse.138.gf8adabc2b1 running in system mode. (+PAM -AUDIT)',
    '[   15.861953] systemd[1]: haveged.service: Main process exited, code=exited, status=1/FAILURE',
    "[   15.862103] systemd[1]: haveged.service: Failed with result 'exit-code'.",
    '[   15.862439] systemd[1]: Stopped Entropy Daemon based on the HAVEGE algorithm.',
    '[   15.862797] systemd[1]: initrd-switch-root.service: Succeeded.',
  ];
  const r = analyze(boot.join('\n') + '\n');
  assert.equal(r.boots[0]!.cycles[0]!.phases.map((p) => p.name), ['initrd', 'system']);
  assert.is(findings(r).rootCause, null);
  // The same lines later in the system's life (a restart scheduled between, or no initrd before): a failure.
  const later = f([...boot.slice(0, 5), ...Array.from({ length: 50 }, (_, i) => `[   16.${String(100 + i)}] systemd[1]: Started Unit ${i}.`), ...boot.slice(5, 8)]);
  assert.is(later.rootCause, 'haveged.service');
  const restarted = f([...boot.slice(0, 7), '[   15.862200] systemd[1]: haveged.service: Scheduled restart job, restart counter is at 5.', boot[7]!]);
  assert.not.equal(restarted.rootCause, null);
});

test("the fault the kernel names before its report (ARM's `Unhandled fault:`, arm64's SError) and the root's mount errors before a VFS panic are the crash's evidence", () => {
  const arm = f(['[    0.000000] Linux version 5.10.0-rc6 (x@y) #3 SMP', '[    3.265594] 8<--- cut here ---', '[    3.268707] Unhandled fault: external abort on non-linefetch (0x1028) at 0xfa0b402c', '[    3.276397] pgd = (ptrval)', '[    3.283203] Internal error: : 1028 [#1] SMP ARM', '[    3.309082] PC is at omap_hsmmc_set_bus_width+0x8/0x78']);
  assert.is(arm.rootCause, 'oops');
  assert.ok(arm.rootEvidence.some((t) => t.includes('Unhandled fault: external abort')));
  const serror = f(['[    0.000000] Linux version 5.9.0-next (x@y) #1 SMP', '[    1.563008] SError Interrupt on CPU5, code 0xbf000002 -- SError', '[    1.563010] CPU: 5 PID: 1 Comm: swapper/0 Not tainted 5.9.0', '[    1.563053] Kernel panic - not syncing: Asynchronous SError Interrupt']);
  assert.ok(serror.rootEvidence.some((t) => t.includes('SError Interrupt on CPU5')));
  const vfs = f(['[    0.000000] Linux version 6.12.0-rc7 (x@y) #1 SMP', '[    1.979727] EXT4-fs (vda): mount failed', '[    1.985849] VFS: Cannot open root device "/dev/vda" or unknown-block(254,0): error -12', '[    1.991778] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(254,0)']);
  assert.is(vfs.rootCause, 'panic');
  assert.ok(vfs.rootEvidence.some((t) => t.includes('VFS: Cannot open root device')));
});

test("a bootloader error it got past (an empty slot, then the kernel loaded from another) is not what stopped it; U-Boot's bootarg overflow is", () => {
  const uboot = ['U-Boot 2024.01-rc4 (Dec 11 2023 - 10:00:00 +0000)', 'Hit any key to stop autoboot:  0', 'Card did not respond to voltage select! : -110', 'Boot failed (err=-14)'];
  const r = f([...uboot, "** Booting bootflow 'mmc@16020000.bootdev.part_1' with extlinux", 'Retrieving file: /boot/Image', 'Retrieving file: /boot/uInitrd', 'bootarg overflow 265+0+0+1 > 256', 'Boot failed (err=-14)', 'BOOTP broadcast 1']);
  assert.is(r.rootCause, 'bootarg overflow 265+0+0+1 > 256');
  assert.ok(r.rootEvidence.some((t) => t.includes('Card did not respond')), 'the earlier error stays as evidence');
  // Nothing loaded between two errors: the first is still the cause.
  const first = f([...uboot, 'bootarg overflow 265+0+0+1 > 256']);
  assert.is(first.rootCause, 'Card did not respond to voltage select! : -110');
});

test("x86's other traps in the kernel are oopses; a hung task's line wrapped before `seconds`; a kernel stamp a wrap cut after its `[`; a firmware banner glued on a line a reset cut", () => {
  const ud = f(['[    0.000000] Linux version 6.2.0-rc7 (x@y) #1 SMP', '[   74.625768] invalid opcode: 0000 [#1] SMP NOPTI', '[   74.625842] RIP: 0010:__aria_aesni_avx_crypt_16way+0x225/0x6000 [aria_aesni_avx_x86_64]']);
  assert.is(ud.rootCause, 'oops');
  assert.equal(ud.kernelCrashes, ['oops']);
  const hung = f(['[    0.000000] Linux version 6.4.6-arch1-1 (x@y) #1 SMP', '[327726.678181] INFO: task f2fs_ckpt-254:0:421 blocked for more than 122', 'seconds.']);
  assert.equal(hung.kernelCrashes, ['hung-task']);
  const cut = f(['[    1.000000] Linux version 5.15.4 (x@y) #1 SMP', '[*     ] A start job is running for /sysroot (1min 22s / 2min 25s)[  ', '84.295876] watchdog: BUG: soft lockup - CPU#0 stuck for 26s! [kworker/0:1:7]']);
  assert.equal(cut.kernelCrashes, ['bug']);
  assert.ok(cut.crashTitles[0]!.includes('soft lockup in kworker/0:1'));
  const reset = f(['[    0.000000] Linux version 5.16.0-rc6 (x@y) #17 SMP PREEMPT', '[    2.0] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b', '[    2.266369] [<c016b18c>] (cpu_startup_entry) from [<c0101674>] (__enableNOTICE:  CPU: STM32MP157AAA Rev.B']);
  assert.is(reset.boots, 2);
  // (A banner's words after a space are a message's own words, not a reset.)
  assert.is(f(['[    0.000000] Linux version 5.16.0 (x@y) #1 SMP', '[    1.000000] efi: booted by U-Boot SPL 2021.01 (Jan 01 2021 - 00:00:00 +0000)']).boots, 1);
});

test("a unit's result long after its console failure (a journal dumped later) takes its process's last errors as evidence", () => {
  const r = f([
    '[FAILED] Failed to start pre-nixos.service.',
    "See 'systemctl status pre-nixos.service' for details.",
    ...Array.from({ length: 30 }, (_, i) => `[  OK  ] Started Unit ${i}.`),
    'nixos login: root (automatic login)',
    'Oct 14 04:29:35 nixos pre-nixos-start[821]: subprocess.CalledProcessError: Command disko returned non-zero exit status 1.',
    'Oct 14 04:29:36 nixos systemd[1]: pre-nixos.service: Main process exited, code=exited, status=1/FAILURE',
    "Oct 14 04:29:36 nixos systemd[1]: pre-nixos.service: Failed with result 'exit-code'.",
  ]);
  assert.is(r.rootCause, 'pre-nixos.service');
  assert.ok(r.rootEvidence.some((t) => t.includes('CalledProcessError')));
});

test("an excerpt that begins with mount(8)'s failures, then the hand-over's complaint and init's panic: the mount is why", () => {
  const r = f([
    'mount: /squash/root: fsconfig system call failed: Filesystem uses "lz4" compression. This is not supported.',
    '       dmesg(1) may have more information after failed mount system call.',
    'switch_root: cannot access /init: No such file or directory',
    'switch_root: failed to execute /init: No such file or directory',
    'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00007f00',
  ]);
  assert.is(r.rootCause, 'panic');
  assert.is(r.boots, 1);
  assert.ok(r.rootEvidence.some((t) => t.includes('not supported')), 'the mount that failed is evidence');
  assert.ok(r.rootEvidence.some((t) => t.includes('cannot access /init')), 'so is the hand-over that found nothing');
  // Without the panic (its shell came instead), the hand-over's complaint stays the initramfs's stop.
  const shell = f(['mount: /newroot: unknown filesystem type \'erofs\'.', 'switch_root: failed to execute /sbin/init: No such file or directory', '(initramfs) ']);
  assert.not.equal(shell.rootCause, 'panic');
});

test('a disk the kernel took out of service, then tasks hung on it: the disk is why; alone it fails the boot too', () => {
  const hung = f([
    '[    1.642677] md/raid1:md0: active with 2 out of 2 mirrors',
    '[  132.241968] md/raid1:md0: Disk failure on sdb1, disabling device.',
    '[  240.717878] INFO: task jbd2/md0-8:666 blocked for more than 120 seconds.',
  ]);
  assert.is(hung.rootCause, 'md/raid1:md0: Disk failure on sdb1, disabling device.');
  assert.ok(hung.rootEvidence.some((t) => t.includes('blocked for more than')));
  assert.equal(hung.kernelCrashes, ['hung-task']);
  const alone = analyze(['[    0.000000] Linux version 6.1.0 (x@y) #1 SMP', '[   20.000000] ata3.00: disabled', '[   30.000000] systemd[1]: Reached target Multi-User System.'].join('\n') + '\n');
  assert.is(alone.verdict, 'failed');
  // (A member that md merely finds missing at assembly is no failure of this boot.)
  assert.is(analyze('[    0.000000] Linux version 6.1.0 (x@y) #1 SMP\n[    1.6] md/raid1:md127: active with 1 out of 2 mirrors\n').verdict, 'ok');
});

test("a trace run through decode_stacktrace.sh still says where the kernel was; a WARNING the same task hit just before its oops is where the chain began", () => {
  const decoded = f(['[    7.924106][    T6] BUG: kernel NULL pointer dereference, address: 00000000000000a0', '[    7.924990][    T6] Oops: 0000 [#1] PREEMPT SMP', '[    7.924990][    T6] RIP: 0010:pick_next_task_fair (kernel/sched/fair.c:8252)']);
  assert.ok(decoded.crashTitles[0]!.endsWith(' in pick_next_task_fair'), decoded.crashTitles[0]);
  const chain = [
    '[   10.032583] WARNING: CPU: 0 PID: 11 at drivers/clk/clk.c:1254 clk_core_enable+0xb4/0x1b0',
    '[   10.045000] CPU: 0 PID: 11 Comm: kworker/u4:0 Not tainted 6.13.0-rc2-next #1',
    '[   10.221182] ---[ end trace 0000000000000000 ]---',
    '[   10.444885] Internal error: : 1028 [#1] SMP ARM',
    '[   10.450000] CPU: 0 PID: 11 Comm: kworker/u4:0 Tainted: G        W  6.13.0-rc2-next #1',
    '[   10.478343] PC is at omap_gpio_probe+0x14c/0x5c0',
  ];
  const led = f(chain);
  assert.is(led.rootCause, 'warning');
  assert.ok(led.rootEvidence.some((t) => t.includes('Internal error')), 'the oops it led to is evidence');
  // Another task's WARNING, or one long before, is not the oops's beginning.
  const other = f([chain[0]!.replace('PID: 11', 'PID: 12'), chain[1]!.replace('PID: 11', 'PID: 12'), ...chain.slice(2)]);
  assert.is(other.rootCause, 'oops');
  const early = f([chain[0]!.replace('10.032583', '2.000000'), chain[1]!, ...chain.slice(2)]);
  assert.is(early.rootCause, 'oops');
});

test("mount(8)'s own words in a journal are its mount unit's evidence; KASAN's access line is its report's reason and its own frames are not the caller", () => {
  const j = f([
    'Mar 15 06:17:15 localhost mount[333]: mount: /sysroot: wrong fs type, bad option, bad superblock on /dev/vda, missing codepage or helper program, or other error.',
    'Mar 15 06:17:15 localhost mount[333]:        dmesg(1) may have more information after failed mount system call.',
    'Mar 15 06:17:15 localhost systemd[1]: sysroot.mount: Mount process exited, code=exited, status=32/n/a',
    "Mar 15 06:17:15 localhost systemd[1]: sysroot.mount: Failed with result 'exit-code'.",
    'Mar 15 06:17:15 localhost systemd[1]: Failed to mount /sysroot.',
  ]);
  assert.is(j.rootCause, 'sysroot.mount');
  assert.ok(j.rootEvidence.some((t) => t.includes('wrong fs type')));
  const k = f([
    '[    6.359904] BUG: KASAN: slab-out-of-bounds in inotify_read+0x271/0x350 at addr ffff88000b67a3ec',
    '[    6.361207] Read of size 5 by task init/1',
    '[    6.369000] Call Trace:',
    '[    6.369729]  [<ffffffff8117aba7>] kasan_object_err+0x27/0x90',
    '[    6.370586]  [<ffffffff8117af0d>] kasan_report+0x23d/0x4a0',
    '[    6.373162]  [<ffffffff811799e1>] check_memory_region+0x141/0x170',
    '[    6.374919]  [<ffffffff811ba841>] inotify_read+0x271/0x350',
    '[    6.377517]  [<ffffffff81187fc3>] __vfs_read+0x23/0x110',
  ]);
  assert.ok(k.rootEvidence.some((t) => t.includes('Read of size 5 by task init/1')));
  assert.not.ok(k.rootEvidence.some((t) => t.includes('kasan_report')), 'KASAN\'s own frames are not the code that led to it');
  assert.ok(k.rootEvidence.some((t) => t.includes('__vfs_read')));
});

test('a process systemd forked for a unit, named in parentheses before it runs the program, says why the unit could not start', () => {
  for (const prefix of ['', '[    3.101234] ']) {
    const r = f([
      `${prefix}(journald)[559]: systemd-journald.service: Failed at step CREDENTIALS spawning /usr/lib/systemd/systemd-journald: Invalid argument`,
      `${prefix}systemd[1]: systemd-journald.service: Main process exited, code=exited, status=243/CREDENTIALS`,
      "[FAILED] Failed to start systemd-journald.service - Journal Service.",
    ]);
    assert.is(r.rootCause, 'systemd-journald.service', prefix);
    assert.ok(r.rootEvidence.some((t) => t.includes('Failed at step CREDENTIALS')), `the child's own words (${prefix === '' ? 'untimed' : 'kmsg'})`);
  }
});

test("x86's NX refusal said before the page fault's report opens it, with a paste's own words between", () => {
  const r = f([
    '[    4.231005] usb 1-11: new high-speed USB device number 3 using xhci_hcd',
    '[    4.261646] kernel tried to execute NX-protected page - exploit attempt? (uid: 0)',
    '',
    'Guessing the execmem did not make it exec somehow?',
    '',
    '[    4.269136] BUG: unable to handle page fault for address: ffffffffc0641010',
    '[    4.276009] #PF: supervisor instruction fetch in kernel mode',
    '[    4.294818] Oops: Oops: 0011 [#1] PREEMPT SMP NOPTI',
  ]);
  assert.is(r.rootCause, 'oops');
  assert.ok(r.rootEvidence.some((t) => t.includes('NX-protected page')));
});

test("the secure world's firmware panicking explains the kernel's stalls after it; U-Boot's bootm and MMC driver errors stop a boot", () => {
  const r = f([
    '[    0.000000] Linux version 6.12.6 (x@x) #1 SMP PREEMPT',
    '[    2.100000] Run /sbin/init as init process',
    "E/TC:4 0 Panic 'Secure interrupt handler not defined' at core/kernel/interrupt.c:139 <itr_core_handler>",
    'E/TC:4 0 TEE load address @ 0x30000000',
    '[   22.722238] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:',
    '[   22.722774] rcu:     4-...0: (1 GPs behind) idle=11cc/1/0x4000000000000000 softirq=2393/2393 fqs=2625',
  ]);
  assert.is(r.rootCauseKind, 'firmware');
  assert.is(r.rootCause, "Panic 'Secure interrupt handler not defined' at core/kernel/interrupt.c:139 <itr_core_handler>");
  assert.ok(r.rootEvidence.some((t) => t.includes('rcu_preempt detected stalls')), 'what the kernel saw after it');
  // A kernel crash before the firmware's panic stays the cause.
  const before = f(['[    0.000000] Linux version 6.12.6 (x@x) #1 SMP PREEMPT', '[    1.500000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)', 'E/TC:0 0 Panic at core/arch/arm/kernel/thread.c:123 <thread_foo>']);
  assert.is(before.rootCause, 'panic');
  const bootm = f(['## Booting kernel from Legacy Image at 00200000 ...', '   Verifying Checksum ... OK', '   Uncompressing Kernel Image ... OK', 'ERROR: image overwritten - must RESET the board to recover.']);
  assert.is(bootm.rootCause, 'image overwritten - must RESET the board to recover');
  const spl = f(['U-Boot SPL 2019.10-rc2 (Aug 26 2019 - 04:46:03 +0530)', 'Trying to boot from MMC1', 'Sending CMD17', 'dwmci_data_transfer: DATA ERROR!', 'mmc_load_image_raw_sector: mmc block read error', 'SPL: failed to boot from all boot devices']);
  assert.is(spl.rootCause, 'dwmci_data_transfer: DATA ERROR');
});

test("netifd's device that could not be set up is a failed service of procd's (one interface of a device that came up is not)", () => {
  const w = f([
    'Fri Nov 15 07:55:28 2019 kern.notice kernel: [    0.000000] Linux version 4.19.82 (I@my-vbox) (gcc version 9.2.0 (OpenWrt GCC 9.2.0 r11467-3ff3b044c0))',
    'Fri Nov 15 07:55:59 2019 daemon.notice netifd: radio0 (2161): Interface 1 setup failed: IFUP_ERROR',
    'Fri Nov 15 07:56:27 2019 daemon.notice netifd: radio1 (2181): Command failed: Request timed out',
    'Fri Nov 15 07:56:27 2019 daemon.notice netifd: radio1 (2181): Device setup failed: HOSTAPD_START_FAILED',
  ]);
  assert.is(w.rootCause, 'radio1');
});

test('HTML line breaks at the end of each pasted line are markup, not the machine\'s', () => {
  const r = f([
    '[    1.383402] Run /sbin/init as init process<br>',
    '[    1.933935] systemd[1]: Failed to look up module alias \'autofs4\': Function not implemented<br>',
    '[    1.948148] systemd[1]: Failed to mount tmpfs at /sys/fs/cgroup: No such file or directory<br>',
    '[!!!!!!] Failed to mount API filesystems.<br/>',
    '[    1.989410] systemd[1]: Freezing execution.<BR>',
  ]);
  assert.is(r.rootCause, 'Failed to mount tmpfs at /sys/fs/cgroup: No such file or directory');
});

test("systemd-coredump's word just before PID 1's `code=dumped` is the unit's process's core dump", () => {
  const lines = [
    'Aug 29 15:01:22 evb systemd-coredump[339]: Process 334 (netipmid) of user 0 dumped core.',
    'Aug 29 15:01:22 evb systemd[1]: phosphor-ipmi-net@eth0.service: Main process exited, code=dumped, status=11/SEGV',
    'Aug 29 15:01:23 evb systemd-coredump[338]: Process 329 (ipmid) of user 0 dumped core.',
    'Aug 29 15:01:23 evb systemd[1]: phosphor-ipmi-host.service: Main process exited, code=dumped, status=11/SEGV',
    "Aug 29 15:01:23 evb systemd[1]: phosphor-ipmi-host.service: Failed with result 'core-dump'.",
    'Aug 29 15:01:40 evb systemd[1]: Failed to start phosphor-ipmi-host.service.',
  ];
  // (Each failure's evidence holds its own process's core, the nearest before PID 1's word, not the other's.)
  const report = analyze(lines.join('\n') + '\n');
  const failures = report.boots[0]!.cycles[0]!.failures;
  const host = failures.find((x) => x.unit.name === 'phosphor-ipmi-host.service')!;
  const net = failures.find((x) => x.unit.name === 'phosphor-ipmi-net@eth0.service')!;
  assert.ok(host.evidence.some((e) => e.text.includes('Process 329 (ipmid)')));
  assert.not.ok(host.evidence.some((e) => e.text.includes('Process 334 (netipmid)')), "the other service's core");
  assert.ok(net.evidence.some((e) => e.text.includes('Process 334 (netipmid)')));
});

test('kernel stamps that lost their brackets (a mail archive) are put back, the caller id too', () => {
  const r = f([
    '    0.021080    T0 Mount-cache hash table entries: 8192 (order: 0, 65536 bytes, linear)',
    '    0.030154    T0 ------------ cut here ------------',
    '    0.031403    T0 WARNING: CPU: 0 PID: 0 at mm/slub.c:2574 ___slab_alloc+0x2f8/0x7b0',
    '    0.032048    T0 CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.10.0-rc4 #2',
  ]);
  assert.is(r.rootCause, 'warning');
  assert.is(r.startsMidway, false, 'the first stamp is near 0: the kernel started here');
  // (Two lines in a row without the caller id; a digit-led line of a log with bracketed stamps is left alone.)
  assert.is(f(['  12.500000 usb 1-1: new high-speed USB device', '  12.600000 Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)']).rootCause, 'panic');
  const kept = analyze(['[    1.000000] Linux version 6.1.0 (x@y) #1 SMP', '12.600000 T1 a line of its own'].join('\n') + '\n');
  assert.not.ok(kept.input.envelopes.some((e) => e.kind === 'bracketless-stamps'), 'a log whose stamps have brackets keeps its other lines as they are');
  const taken = analyze(['    0.031403    T0 WARNING: CPU: 0 PID: 0 at mm/slub.c:2574 ___slab_alloc+0x2f8/0x7b0'].join('\n') + '\n');
  assert.ok(taken.input.envelopes.some((e) => e.kind === 'bracketless-stamps'), 'the report says what it took off');
});

test('a USB host controller that stopped completing its commands is a device that stopped responding', () => {
  const r = f([
    '[    0.000000] Linux version 5.9.16-200.fc33.x86_64 (mockbuild@bkernel01) #1 SMP',
    '[    1.900000] xhci_hcd 0000:29:00.3: xHCI Host Controller',
    '[   12.100000] xhci_hcd 0000:29:00.3: Timeout while waiting for setup device command',
    '[   17.300000] usb 4-3: device not accepting address 2, error -62',
  ]);
  assert.is(r.rootCause, 'xhci_hcd 0000:29:00.3: Timeout while waiting for setup device command');
  assert.is(f(['[    0.000000] Linux version 6.1.0 (x@y) #1 SMP', '[   40.1] xhci_hcd 0000:00:14.0: xHCI host controller not responding, assume dead']).rootCause, null, "a dock's controller unplugged");
  // A hotplug slot whose link came up with nothing answering on it.
  assert.is(f(['[    0.000000] Linux version 6.18.0-rc1 (x@y) #1 SMP', '[    1.500000] pcieport 0000:00:1c.0: pciehp: Slot #0 AttnBtn- PwrCtrl- MRL- AttnInd- PwrInd- HotPlug+ Surprise+', '[    1.900000] pcieport 0000:00:1c.0: pciehp: Slot(0): No device found']).rootCause, 'pcieport 0000:00:1c.0: pciehp: Slot(0): No device found');
  assert.is(f(['[    0.000000] Linux version 6.18.0-rc1 (x@y) #1 SMP', '[    1.900000] pcieport 0000:00:1c.0: pciehp: Slot(0): Card not present']).rootCause, null, 'an empty slot');
  // The kernel gave up suspending the machine (a CPU it could not take down, a device that refused, tasks that
  // would not freeze).
  const suspend = (said: string) => f(['[    0.000000] Linux version 6.13.0 (x@y) #1 SMP', '[   53.708238] PM: suspend entry (deep)', '[   53.717088] Freezing user space processes', said, '[   56.464976] PM: suspend exit']).rootCause;
  assert.is(suspend('[   54.518103] Error taking CPU1 down: -16'), 'Error taking CPU1 down: -16');
  assert.is(suspend('[   54.518103] PM: Some devices failed to suspend, or early wake event detected'), 'PM: Some devices failed to suspend, or early wake event detected');
  assert.is(suspend('[   54.518103] rtsx_pci 0000:3b:00.0: PM: dpm_run_callback(): pci_pm_suspend returns -110'), 'rtsx_pci 0000:3b:00.0: PM: dpm_run_callback(): pci_pm_suspend returns -110');
  assert.is(suspend('[   54.518103] Freezing user space processes completed (elapsed 0.001 seconds)'), null, 'a suspend that went through');
  // A device its driver could not bring back on resume.
  assert.is(f(['[    0.000000] Linux version 6.14.0-rc1 (x@y) #1 SMP', '[  600.100000] PM: suspend exit', '[  600.200000] rtsx_pci 0000:3b:00.0: PM: dpm_run_callback(): pci_pm_resume returns -110', '[  600.300000] rtsx_pci 0000:3b:00.0: PM: failed to resume async: error -110']).rootCause, 'rtsx_pci 0000:3b:00.0: PM: dpm_run_callback(): pci_pm_resume returns -110');
});

test('an IOMMU fault storm (so many faults the kernel holds its reports back) is a device that cannot work; one fault is not', () => {
  const storm = (faults: string[], suppressed: string) => f(['[    0.000000] Linux version 5.4.0 (x@y) #1 SMP', '[    4.466461] DMAR: Host address width 46', ...faults, suppressed, ...faults]);
  const intel = '[   46.410000] DMAR: [DMA Read] Request device [02:00.0] PASID ffffffff fault addr bdf83000 [fault reason 06] PTE Read access is not set';
  const r = storm([intel, '[   46.420000] DMAR: DRHD: handling fault status reg 2'], '[   56.380000] dmar_fault: 14 callbacks suppressed');
  assert.is(r.rootCause, 'DMAR: [DMA Read] Request device [02:00.0] PASID ffffffff fault addr bdf83000 [fault reason 06] PTE Read access is not set');
  assert.ok(r.rootEvidence.some((t) => t.includes('callbacks suppressed')), 'the rate limit is the evidence of a storm');
  // Newer kernels' words, AMD's and an Arm SMMU's.
  assert.ok(storm(['[    9.100000] DMAR: [DMA Write NO_PASID] Request device [0x00:0x02.0] fault addr 0x7f000 [fault reason 0x05] PTE Write access is not set'], '[   14.200000] dmar_fault: 3 callbacks suppressed').rootCause?.startsWith('DMAR: [DMA Write NO_PASID]'));
  assert.ok(storm(['[    9.100000] ahci 0000:01:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000d address=0xfff00000 flags=0x0000]'], '[   14.200000] amd_iommu_report_page_fault: 10 callbacks suppressed').rootCause?.includes('IO_PAGE_FAULT'));
  assert.ok(storm(['[    9.100000] arm-smmu 5040000.iommu: Unhandled context fault: fsr=0x402, iova=0x00000000, fsynr=0x1, cbfrsynra=0x800, cb=3'], '[   14.200000] arm_smmu_context_fault: 45 callbacks suppressed').rootCause?.includes('Unhandled context fault'));
  // One fault, and a rate limit of something else: nothing broke that shows.
  assert.is(f(['[    0.000000] Linux version 5.4.0 (x@y) #1 SMP', intel, '[   60.100000] systemd-journald[300]: 12 callbacks suppressed']).rootCause, null);
  assert.is(f(['[    0.000000] Linux version 5.4.0 (x@y) #1 SMP', intel, '[   61.000000] printk: 5 callbacks suppressed']).rootCause, null);
});

test("a panic line cut before what it killed (`Attempted to kill` / `the idle task!`) just after an oops is the oops's doing", () => {
  const lines = [
    '[    0.000000][    T0] BUG: Unable to handle kernel data access on read at 0xc00e0000a83f4ff0',
    '[    0.000000][    T0] Faulting instruction address: 0xc000000000761aec',
    '[    0.000000][    T0] Oops: Kernel access of bad area, sig: 11 [#1]',
    '[    0.000000][    T0] NIP [c000000000761aec] __asan_store8+0x60/0xe0',
    '[    0.000000][    T0] ---[ end trace 0000000000000000 ]---',
    '[    0.000000][    T0] Kernel panic - not syncing: Attempted to kill',
    'the idle task!',
  ];
  assert.is(f(lines).rootCause, 'oops');
  // A panic of its own reason after the oops stays the cause.
  assert.is(f([...lines.slice(0, 5), '[    0.000000][    T0] Kernel panic - not syncing: Attempted to allocate', 'the percpu areas!']).rootCause, 'panic');
});

test("sparc32's untimed oops: `swapper(0): Oops [#1]` is the fault's oops, `PC: <fn+off/len>` where it happened", () => {
  const r = f(['Linux version 5.7.0-rc6 (x@y) #1 Sat May 23 2020', 'Unable to handle kernel paging request at virtual address d9440000', 'tsk->{mm,active_mm}->context = ffffffff', 'swapper(0): Oops [#1]', 'CPU: 0 PID: 0 Comm: swapper Not tainted 5.7.0-rc6 #1', 'PSR: 04901fc3 PC: f06592a0 NPC: f06592a4 Y: 00000000    Not tainted', 'PC: <srmmu_paging_init+0x450/0xba0>', 'Kernel panic - not syncing: Attempted to kill the idle task!']);
  assert.is(r.rootCause, 'oops');
  assert.ok(r.rootEvidence.some((t) => t === 'swapper(0): Oops [#1]'), 'the oops line');
  assert.ok(r.rootEvidence.some((t) => t.startsWith('PC: <srmmu_paging_init')), 'where it happened');
});

test("a program's error said again word for word is kept once, leaving room for its other errors and PID 1's lines", () => {
  const ctx = 'Jan 30 08:28:38 host systemd-modules-load[503]: ctx=0x55f4c7007de0 path=/lib/modules/4.15.0/kernel/drivers/parport/parport.ko error=No such file or directory';
  const r = f([
    'Jan 30 08:28:38 host systemd[1]: Starting Load Kernel Modules...',
    ...[ 'lp', 'ppdev', 'parport_pc', 'lp' ].flatMap((m) => [ctx, ctx, `Jan 30 08:28:38 host systemd-modules-load[503]: Failed to insert '${m}': No such file or directory`]),
    'Jan 30 08:28:38 host systemd[1]: systemd-modules-load.service: Main process exited, code=exited, status=1/FAILURE',
    "Jan 30 08:28:38 host systemd[1]: systemd-modules-load.service: Failed with result 'exit-code'.",
    'Jan 30 08:28:38 host systemd[1]: Failed to start Load Kernel Modules.',
  ]);
  assert.is(r.rootCause, 'systemd-modules-load.service');
  assert.is(r.rootEvidence.filter((t) => t.includes('ctx=')).length, 1, 'the repeated line once');
  assert.ok(r.rootEvidence.some((t) => t.includes("Failed to insert 'parport_pc'")), 'its other errors');
  assert.ok(r.rootEvidence.some((t) => t.endsWith('Failed to start Load Kernel Modules.')), "PID 1's own line");
});

test('a return address decoded by decode_stacktrace.sh (`lr : fn (file.c:N)`) names the caller past an allocator', () => {
  const r = f([
    '[    1.052086] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000',
    '[    1.057264] Internal error: Oops: 0000000096000004 [#1] PREEMPT SMP',
    '[    1.058105] CPU: 4 UID: 0 PID: 1 Comm: swapper/0 Not tainted 6.16.0-rc1 #1',
    '[    1.059854] pc : devm_kmalloc (include/linux/device.h:805 drivers/base/devres.c:828)',
    '[    1.060225] lr : rk_iommu_of_xlate (drivers/iommu/rockchip-iommu.c:1152)',
    '[    1.078059] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
  ]);
  assert.is(r.rootCause, 'oops');
  assert.ok(r.rootEvidence.some((t) => t.includes('lr : rk_iommu_of_xlate')));
});

test("kCFI's own line before the WARNING it raises (`CFI failure at … (target: …)`) is the report's first evidence", () => {
  const r = f([
    '[    4.352313][    T1] CFI failure at do_basic_setup+0x64/0xa0 (target: asan.module_ctor+0x0/0x20; expected type: 0xe5c47d60)',
    '[    4.354089][    T1] WARNING: CPU: 0 PID: 1 at do_basic_setup+0x64/0xa0',
    '[    4.356607][    T1] CPU: 0 UID: 0 PID: 1 Comm: swapper Not tainted 6.11.0-rc4 #1',
    '[    4.359086][    T1] RIP: 0010:do_basic_setup+0x64/0xa0',
    '[    4.390000][    T1] ---[ end trace 0000000000000000 ]---',
  ]);
  assert.is(r.rootCause, 'warning');
  assert.ok(r.rootEvidence.some((t) => t.includes('CFI failure at do_basic_setup')));
});

test("Red Hat's initscripts: a step whose result is [FAILED], at the line's end or alone after its program's words, failed", () => {
  const boot = (...lines: string[]) => f(['Linux version 2.4.31 (x@y) #1', 'INIT: version 2.85 booting', 'Starting udev: [  OK  ]', ...lines, 'INIT: Entering runlevel: 3', 'host login: ']);
  assert.is(boot('Finding module dependencies:  [FAILED]').rootCause, 'Finding module dependencies');
  assert.is(boot("Finding module dependencies:  depmod: Can't open", '/lib/modules/2.4.31/modules.dep for writing', '[FAILED]').rootCause, 'Finding module dependencies');
  assert.is(boot('Checking filesystems', 'Checking all file systems.', '[  OK  ]').rootCause, null);
  assert.is(boot('Starting sshd:', '[  OK  ]').rootCause, null);
  assert.is(boot('Starting sshd: [FAILED]').rootCause, 'sshd');
  assert.is(boot('Starting sshd: Missing privilege separation directory', '[FAILED]').rootCause, 'sshd', 'named the same way when its result comes alone');
});

test("U-Boot's `FDT creation failed! hanging...` stops the boot, told without the hang() banner glued after it", () => {
  const r = f(['U-Boot 2019.04 (Jun 01 2020 - 00:00:00 +0000)', '## Loading fdt from FIT Image at 20100000 ...', '   Loading Device Tree to 8ce4b000, end 8ce56823 ... OK', 'fdt_root: FDT_ERR_BADMAGIC', 'ERROR: root node setup failed', ' - must RESET the board to recover.', '', 'FDT creation failed! hanging...### ERROR ### Please RESET the board ###']);
  assert.is(r.rootCause, 'FDT creation failed');
});

test('a terminal device that never appeared is not laid at a storage driver that failed to probe', () => {
  const j = (m: string) => `Jan 01 00:00:30 bmc ${m}`;
  const lines = [j('kernel: Linux version 5.3.11 (x@y) #1'), j('kernel: aspeed-smc 1e630000.spi: Aspeed SMC probe failed -2'), j('kernel: aspeed-smc: probe of 1e630000.spi failed with error -2'), j('systemd[1]: systemd 242 running in system mode. (+PAM)'), j('systemd[1]: dev-ttyVUART0.device: Job dev-ttyVUART0.device/start timed out.'), j('systemd[1]: Timed out waiting for device /dev/ttyVUART0.'), j("systemd[1]: dev-ttyVUART0.device: Job dev-ttyVUART0.device/start failed with result 'timeout'.")];
  assert.is(f(lines).rootCause, 'dev-ttyVUART0.device');
  assert.ok(f([...lines, j("login[624]: ROOT LOGIN  on '/dev/ttyS4'")]).loginReached, "shadow-utils' login");
  // A disk that never came after the same failure is the driver's doing.
  assert.is(f(lines.map((l) => l.replaceAll('ttyVUART0', 'mtdblock5').replace('dev-mtdblock5.device: Job', 'dev-mtdblock5.device: Job'))).rootCause, 'aspeed-smc 1e630000.spi: Aspeed SMC probe failed -2');
});

test('the caller shown for a crash is past the allocator and DMA frames it was raised in, and the return address names it where the trace is cut', () => {
  const w = f([
    '[    2.075414] WARNING: CPU: 51 PID: 403 at mm/page_alloc.c:4727 __alloc_pages_noprof+0x788/0xd08',
    '[    2.075467] epc : __alloc_pages_noprof+0x788/0xd08',
    '[    2.075473]  ra : __dma_direct_alloc_pages.isra.0+0x1f8/0x434',
    '[    2.075521] [<ffffffff8029e252>] __alloc_pages_noprof+0x788/0xd08',
    '[    2.075529] [<ffffffff800d1f96>] __dma_direct_alloc_pages.isra.0+0x1f8/0x434',
    '[    2.075533] [<ffffffff800d27ac>] dma_direct_alloc_pages+0x28/0x11c',
    '[    2.075537] [<ffffffff800cdc54>] __dma_alloc_pages+0x3a/0x54',
    '[    2.075551] [<ffffffff80a3f352>] nvme_setup_host_mem+0x2a8/0x446',
    '[    2.075558] [<ffffffff80a42dbc>] nvme_probe+0x730/0x802',
    '[    2.075640] ---[ end trace 0000000000000000 ]---',
  ]);
  assert.is(w.rootCause, 'warning');
  assert.ok(w.rootEvidence.some((t) => t.includes('nvme_setup_host_mem+0x2a8')), 'the driver that asked the allocator');
  assert.not.ok(w.rootEvidence.some((t) => t.includes('dma_direct_alloc_pages+0x28')), 'the DMA layer is not the caller');
  assert.not.ok(w.rootEvidence.some((t) => t.includes(' ra : __dma_direct')), 'nor is its return address');
  // MIPS: the trace is cut after the registers; `ra` is where the faulting function was called from.
  const m = f([
    'CPU 0 Unable to handle kernel paging request at virtual address 00000000, epc == 801be4f0, ra == 80993778',
    'Oops[#1]:',
    'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.9.0-rc8 #3',
    'epc   : 801be4f0 cmpxchg_futex_value_locked+0x2c/0x78',
    'ra    : 80993778 futex_init+0xb4/0x124',
    'Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
  ]);
  assert.ok(m.rootEvidence.some((t) => t.includes('ra    : 80993778 futex_init')), "MIPS's return address");
});

test("autopkgtest's elapsed seconds before each line and escapes spelled `ESC[`: taken off, so OVMF's restart is a new boot", () => {
  const r = analyze(
    [
      '10165s [   41.134118] reboot: Restarting system',
      '10165s ESC[2JESC[01;01HESC[=3hESC[2JESC[01;01HBdsDxe: loading Boot0001 "UEFI Misc Device" from PciRoot(0x0)/Pci(0x6,0x0)',
      '10165s BdsDxe: starting Boot0001 "UEFI Misc Device" from PciRoot(0x0)/Pci(0x6,0x0)',
      '10165s EFI stub: Loaded initrd from LINUX_EFI_INITRD_MEDIA_GUID device path',
      '10256s [ TIME ] Timed out waiting for device dev-gpt\\x2dauto\\x2droot.device - /dev/gpt-auto-root.',
    ].join('\n') + '\n',
  );
  assert.is(r.boots.length, 2);
  assert.is(findings(r).rootCause, 'dev-gpt\\x2dauto\\x2droot.device');
  // (A line of text that begins with a count of seconds, with no such prefix seen before, keeps it.)
  assert.ok(analyze('5s remaining\n').input.envelopes.every((e) => e.kind !== 'ci-timestamps'));
});

test('an ellipsized name whose description is a path: the unit the path escapes to, when it fits the name\'s ends', () => {
  const r = f(['[ TIME ] Timed out waiting for device dev-d…evice - /dev/disk/by-uuid/PARTUUID.', '[DEPEND] Dependency failed for boot.mount - Boot Partition.']);
  assert.is(r.rootCause, 'dev-disk-by\\x2duuid-PARTUUID.device');
  // A path whose unit does not fit what is left of the name stays unnamed.
  assert.not.equal(f(['[ TIME ] Timed out waiting for device dev-x…evice - /dev/disk/by-uuid/PARTUUID.']).rootCause, 'dev-disk-by\\x2duuid-PARTUUID.device');
});

test("plymouth's boot.log: spinner frames run together on one line, past the line limit, then the job's result", () => {
  const frames = Array.from({ length: 120 }, (_, i) => `[${i % 2 ? '  *** ' : ' ***  '}] (1 of 2) A start job is running for dev-disk-by\\x2duuid-\\x5cx2fswapfile (${i}s /`).join('');
  const r = f([frames + '[ TIME ] Timed out waiting for device dev-disk-by\\x2duuid-\\x5cx2fswapfile.device.', '[DEPEND] Dependency failed for /dev/mapper/cryptswap1.', '[DEPEND] Dependency failed for Swap.']);
  assert.ok(frames.length > 4096);
  assert.is(r.rootCause, 'dev-disk-by\\x2duuid-\\x5cx2fswapfile.device');
  assert.ok(r.rootEvidence.some((t) => t.includes('Dependency failed for /dev/mapper/cryptswap1')), 'the first unit that failed for want of it is evidence');
});

test("an ALERT retyped without its '!', ATF's own clock between U-Boot and the kernel, an old kernel's kexec", () => {
  const alert = f(['Gave up waiting for root device.  Common problems:', 'ALERT!  /dev/mapper/isw_jhdfjbgej_Volume01 does not exist.  Dropping to a shell']);
  assert.is(alert.rootCause, 'dev-mapper-isw_jhdfjbgej_Volume01.device');
  assert.is(alert.emergency, 'initramfs-shell');
  const atf = f(['U-Boot 2014.04-rc1 (Aug 13 2021 - 06:46:59)', 'Starting kernel ...', '', '[ATF][    13.425391]save kernel info', '[ATF][    13.452635]el3_exit', '[    0.000000] Booting Linux on physical CPU 0x0', '[    0.000000] Linux version 4.4.124 (oe-user@oe-host) #1 SMP PREEMPT', '[    5.000000] Freeing unused kernel memory: 1024K']);
  assert.is(atf.boots, 1);
  const kexec = analyze(['[    0.000000] Linux version 5.3.0 (root@h) #1 SMP', '[ 4200.000000] systemd[1]: systemd 219 running in system mode. (+PAM)', 'h login: root', '[39292.387052] kexec: Starting new kernel', 'Linux version 5.3.0-rc6 (root@h) #2 SMP', 'Run /init as init process'].join('\n') + '\n');
  assert.is(kexec.boots.length, 2, 'the kernel kexec started is a boot of its own');
});

test('a soft lockup reported 22 s after it began, in the task whose WARNING came just before it: the chain began at the WARNING', () => {
  const r = f([
    '[  386.455621] WARNING: CPU: 0 PID: 1 at drivers/power/reset/gpio-restart.c:46 gpio_restart_notify+0x84/0x94',
    '[  386.543330] CPU: 0 PID: 1 Comm: systemd-shutdow Not tainted 5.10.6+ #26',
    '[  386.600000] ---[ end trace 1d3c7bb2c1c4d6e1 ]---',
    '[  412.148970] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [systemd-shutdow:1]',
    '[  412.233990] CPU: 0 PID: 1 Comm: systemd-shutdow Tainted: G        W         5.10.6+ #26',
  ]);
  assert.is(r.rootCause, 'warning');
  // Stuck for 2 s only: it began 24 s after the WARNING, another matter.
  const late = f(['[  386.455621] WARNING: CPU: 0 PID: 1 at drivers/power/reset/gpio-restart.c:46 gpio_restart_notify+0x84/0x94', '[  386.543330] CPU: 0 PID: 1 Comm: systemd-shutdow Not tainted 5.10.6+ #26', '[  412.148970] watchdog: BUG: soft lockup - CPU#0 stuck for 2s! [systemd-shutdow:1]', '[  412.233990] CPU: 0 PID: 1 Comm: systemd-shutdow Tainted: G        W         5.10.6+ #26']);
  assert.is(late.rootCause, 'bug');
});

test("Xen's own panic; the AMD IOMMU that stopped taking commands; Upstart jobs nothing waits on; a root the kernel mounted after waiting for it", () => {
  const xen = f(['(XEN) Detected 998.204 MHz processor.', '(XEN) ****************************************', '(XEN) Panic on CPU 0:', '(XEN) Timed out waiting for alternatives self-NMI to hit', '(XEN) ****************************************']);
  assert.is(xen.rootCause, 'panic');
  assert.equal(xen.kernelCrashes, ['panic']);
  const iommu = f(['[ 0.176137] Translation was enabled for IOMMU:0 but we are not in kdump mode', '[ 0.184000] AMD-Vi: Command buffer timeout', '[ 0.184000] AMD-Vi: Command buffer timeout']);
  assert.is(iommu.rootCause, 'AMD-Vi: Command buffer timeout');
  const upstart = [
    '[    0.000000] Linux version 3.8.0 (x@y) #1 SMP',
    '[    3.100000] EXT4-fs (mmcblk0p2): mounted filesystem with ordered data mode. Opts: (null)',
    'init: ureadahead main process (644) terminated with status 5',
    'init: plymouth main process (51) killed by SEGV signal',
    'init: plymouth-splash main process (320) terminated with status 2',
  ];
  assert.is(f([...upstart, 'Ubuntu 12.04 LTS board ttyPS0', '', 'board login: ']).rootCause, null);
  assert.is(f([...upstart, 'init: cloud-init main process (368) terminated with status 1']).rootCause, 'cloud-init');
  // (ureadahead's other exits are still its failure.)
  assert.is(f([upstart[0]!, 'init: ureadahead main process (644) terminated with status 1']).rootCause, 'ureadahead');
  const mounted = f(['[    0.000000] Linux version 3.8.0 (x@y) #1 SMP', '[    1.000000] Waiting for root device /dev/mmcblk0p2...', '[    3.100000] EXT4-fs (mmcblk0p2): mounted filesystem with ordered data mode. Opts: (null)']);
  assert.is(mounted.rootCause, null, 'the root it waited for came: the kernel mounted it');
});

test('a journal pasted from a pager cut at its width: the failures cut short are read, and named by their catalog lines', () => {
  const host = 'Mar 13 16:18:22 box systemd[1]: ';
  const dev = 'dev-disk-by\\x2duuid-d381bb29\\x2d4376\\x2d4c46\\x2dab65\\x2dbf922f3be7a9.device';
  const width = 118;
  const cut = (l: string) => l.slice(0, width);
  const log = [
    cut(`${host}Timed out waiting for device ${dev} - /dev/disk/by-uuid/d381bb29-4376-4c46-ab65-bf922f3be7a9.`),
    `-- Subject: Unit ${dev} has failed`,
    '-- The result is timeout.',
    cut(`${host}Dependency failed for File System Check on /dev/disk/by-uuid/d381bb29-4376-4c46-ab65-bf922f3be7a9.`),
    `-- Subject: Unit systemd-fsck@${dev.replace(/\.device$/, '.service')} has failed`,
    `${host}Dependency failed for /home.`,
    '-- Subject: Unit home.mount has failed',
  ];
  assert.ok(log[0]!.length === width && !log[0]!.endsWith('.'), 'the first line is cut');
  const r = f(log);
  assert.is(r.rootCause, dev);
  assert.ok(r.dependencyFailed.includes('home.mount'));
  // A short line without its full stop is not taken as cut: only lines as wide as a terminal are.
  assert.is(f([`${host}Timed out waiting for device dev-sdb1`]).rootCause, null);
  // Unless the log prints PID 1's messages so, line after line (a paste that lost every full stop).
  assert.is(f([`${host}Stopped Network Service`, `${host}Timed out waiting for device dev-sdb1`]).rootCause, 'dev-sdb1');
  // A cut `Started …` says nothing: only failures are read from cut lines.
  assert.is(f([cut(`${host}Started Some Service With A Long Description That Runs Past The Width Of The Terminal Here And More.`)]).rootCause, null);
});

test("a forum archive's [email] tags around auto-linked unit names come off", () => {
  const r = analyze(['Mar 13 16:18:22 box systemd[1]: Failed to start [email]getty@tty1.servic[/email]e - Getty on tty1.', ''].join('\n'));
  assert.is(findings(r).rootCause, 'getty@tty1.service');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'forum-markup'));
  // Firmware's own bracketed words stay (`[mem 0x…]`, `[url`-like text without a closing tag is not markup).
  assert.is(analyze('[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n').input.envelopes.length, 0);
});

test("mkinitcpio's last words: the real root has no init, or did not mount; its shell takes over", () => {
  const tail = ['Bailing out, you are on your own. Good luck.', '', 'sh: cannot set terminal process group (-1): Inappropriate ioctl for device', 'sh: no job control in this shell', '[rootfs ]# '];
  const noInit = f([":: mounting '/dev/mmcblk1p1' on real root", '[    4.934895] EXT4-fs (mmcblk1p1): mounted filesystem with ordered data mode.', 'ERROR: Root device mounted successfully, but /sbin/init does not exist.', ...tail]);
  assert.is(noInit.emergency, 'initramfs-shell');
  assert.match(noInit.rootCause ?? '', /\/sbin\/init does not exist/);
  const noMount = f([":: mounting '/dev/sda2' on real root", "mount: /new_root: can't find UUID=abc.", 'ERROR: Failed to mount the real root device.', ...tail]);
  assert.is(noMount.emergency, 'initramfs-shell');
  assert.ok(noMount.rootCause !== null);
});

test('a device named with its escapes lost is the unit the log named with them', () => {
  const lines = [
    '[    1.808479] systemd[1]: systemd 261 running in system mode (+PAM)',
    '[    1.872348] systemd[1]: Expecting device dev-gpt\\x2dauto\\x2droot.device - /dev/gpt-auto-root...',
    '[ TIME ] Timed out waiting for device dev-gpt-auto-root.device.',
    '[DEPEND] Dependency failed for sysroot.mount - Root Partition.',
  ];
  assert.is(f(lines).rootCause, 'dev-gpt\\x2dauto\\x2droot.device');
  // Without the escaped name in the log, the name stays as printed.
  assert.is(f([lines[0]!, ...lines.slice(2)]).rootCause, 'dev-gpt-auto-root.device');
});

test("a log that ends at agetty's /etc/issue lost the login prompt printed with it; a mail's wrap of an ALERT; the kernel's `Can't open blockdev`", () => {
  const cycle = ['[    1.000000] systemd[1]: systemd 239 running in system mode (+PAM)', '[  OK  ] Reached target Multi-User System.', '', 'Red Hat Enterprise Linux 8.4 (Ootpa)', 'Kernel 5.16.0-rc2 on an ppc64le'];
  assert.ok(f(cycle).loginReached, 'the issue banner is the last thing in the log');
  assert.ok(!f([...cycle, '', '[  OK  ] Stopped target Multi-User System.', '[  OK  ] Reached target Shutdown.']).loginReached, 'not when the log goes on');
  const alert = f(['Gave up waiting for root file system device.  Common problems:', ' - Boot args (cat /proc/cmdline)', 'ALERT!  UUID=b2a4b397-1c2c does not exist.  Dropping', 'to a shell!', '(initramfs) ']);
  assert.is(alert.emergency, 'initramfs-shell');
  assert.ok(alert.rootEvidence.some((t) => t.startsWith('ALERT!  UUID=b2a4b397-1c2c does not exist.')));
  const blockdev = f(['[    3.257960] /dev/root: Can\'t open blockdev', '[    3.258940] VFS: Cannot open root device "/dev/sda" or unknown-block(8,0): error -16', '[    3.265665] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(8,0)']);
  assert.is(blockdev.rootCause, 'panic');
  assert.ok(blockdev.rootEvidence.some((t) => t.includes("Can't open blockdev")));
});

test("an excerpt cut just after a unit's start began and its own program's error: that unit did not start", () => {
  const lines = [
    '[   18.764271] systemd[1]: Starting foo-setup.service - Foo Setup...',
    '[   18.775260] foo-setup[557]: reading /etc/foo.conf',
    '[   18.778340] foo-setup[557]: error: cannot open /etc/foo.conf: No such file or directory',
  ];
  const r = f(lines);
  assert.is(r.rootCause, 'foo-setup.service');
  assert.ok(r.rootEvidence.some((t) => t.includes('cannot open /etc/foo.conf')));
  // Not when the log goes on past it, nor when the error is another program's.
  assert.is(f([...lines, '[   19.000000] systemd[1]: Started foo-setup.service - Foo Setup.']).rootCause, null);
  assert.is(f([lines[0]!, '[   18.778340] NetworkManager[557]: error: cannot open /etc/foo.conf: No such file or directory']).rootCause, null);
  assert.is(f([...lines, '[   19.000000] systemd[1]: Starting bar.service - Bar...', '[   19.100000] systemd[1]: Started bar.service - Bar.', '[   19.200000] systemd[1]: Reached target Multi-User System.']).rootCause, null);
});

test('a root given as UUID=, LABEL= or PARTUUID= is the device unit of its /dev/disk link', () => {
  const alert = (dev: string) => f(['Gave up waiting for root file system device.  Common problems:', ` - Missing modules (cat /proc/modules; ls /dev)`, `ALERT!  ${dev} does not exist.  Dropping to a shell!`, '(initramfs) ']);
  assert.is(alert('UUID=b2a4b397-1c2c-4f9f').rootCause, 'dev-disk-by\\x2duuid-b2a4b397\\x2d1c2c\\x2d4f9f.device');
  assert.is(alert('PARTUUID=4e639091-02').rootCause, 'dev-disk-by\\x2dpartuuid-4e639091\\x2d02.device');
  assert.is(alert('LABEL=rootfs').rootCause, 'dev-disk-by\\x2dlabel-rootfs.device');
  // A label udev would encode (a space) names no unit: the cause is the missing root device.
  assert.is(alert('LABEL="my root"').rootCause, 'root-device');
});

test('a paste quoted with `| ` before every line is read as the console it quotes; a table row is not such a quote', () => {
  const quoted = ['| U-Boot 2019.10 (Oct 06 2019 - 21:56:51 +0000)', '| ', '| Starting kernel ...', '| ', '| [    0.000000] Linux version 5.3.4 (x@y) #1 SMP', '| [    1.000000] systemd[1]: systemd 252 running in system mode (+PAM)', '| [FAILED] Failed to start foo.service - Foo.'];
  const r = analyze(quoted.join('\n') + '\n');
  assert.is(findings(r).rootCause, 'foo.service');
  assert.ok(r.boots[0]!.phases.some((p) => p.name === 'bootloader'), 'U-Boot is read behind the quote');
  // A Markdown table is not a quote: its rows stay as they are.
  const table = analyze(['| unit | state |', '| foo.service | failed |', '[    0.000000] Linux version 5.3.4 (x@y) #1 SMP'].join('\n') + '\n');
  assert.ok(!table.input.envelopes.some((e) => e.kind === 'quoted'));
});

test("LVM refusing the root's volume in the initrd, the log ending there: the root device cannot appear", () => {
  const lines = [
    '[  146.018051] host kernel: nvme nvme0: pci function 0030:0d:00.0',
    '[  146.053905] host systemd[1]: Starting modprobe@configfs.service - Load Kernel Module configfs...',
    '[  146.054112] host systemd[1]: Starting dracut-initqueue.service - dracut initqueue hook...',
    '[  149.362539] host dracut-cmdline[659]: Using kernel command line parameters:    root=/dev/mapper/vg-root ro rd.lvm.lv=vg/root',
    '[  176.934893] host kernel: I/O error, dev nvme0n1, sector 1875384832 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 0',
    '[  317.353416] host dracut-initqueue[1607]: WARNING: VG vg is missing PV MFWATY-ZceS (last written to /dev/md0).',
    "[  317.353877] host dracut-initqueue[1607]: Refusing activation of partial LV vg/root.  Use '--activationmode partial' to override.",
  ];
  const r = f(lines);
  assert.is(r.rootCause, 'dev-mapper-vg\\x2droot.device');
  assert.ok(r.rootEvidence.some((t) => t.includes('I/O error, dev nvme0n1')), "the kernel's storage error is evidence");
  assert.ok(r.rootEvidence.some((t) => t.includes('is missing PV')));
  // The cycle began in the initrd: a kernel boot whose start the excerpt lacks, not userspace restarted.
  assert.ok(!r.cycleStarts.includes('userspace-restart'), String(r.cycleStarts));
  // Another volume than the root (root= names it): not the root's failure.
  const swap = lines.map((l) => l.replace('partial LV vg/root', 'partial LV vg/swap'));
  assert.ok(!String(f(swap).rootCause).startsWith('dev-mapper-vg'), 'not named as the missing root device');
  // A whole volume group not found: the root's when root= is in it.
  const vg = [...lines.slice(0, 4), '[  317.353877] host dracut-initqueue[1607]:   Volume group "vg" not found'];
  assert.is(f(vg).rootCause, 'dev-mapper-vg\\x2droot.device');
  // The boot goes on past it (the volume came up in the end): no cause.
  assert.is(f([...lines, '[  320.000000] host systemd[1]: Reached target initrd-root-device.target - Initrd Root Device.', '[  321.000000] host systemd[1]: Switching root.', '[  322.000000] host systemd[1]: systemd 255 running in system mode (+PAM)', '[  330.000000] host systemd[1]: Startup finished in 3.1s (kernel) + 5.0s (initrd) + 10.2s (userspace) = 18.3s.']).rootCause, null);
});

test('NixOS stage 1 failing to mount a path the system needs names that mount unit; its message is the description', () => {
  const r = f([
    'mounting /mnt-root/persistent/var/lib/nixos on /var/lib/nixos...',
    'mount: mounting /mnt-root/persistent/var/lib/nixos on /mnt-root/var/lib/nixos failed: No such file or directory',
    '',
    'An error occurred in stage 1 of the boot process, which must mount the',
    'root filesystem on `/mnt-root` and then start stage 2. Press one',
    'of the following keys:',
  ]);
  assert.is(r.rootCause, 'var-lib-nixos.mount');
  assert.is(r.rootCauseDescription, 'mount: mounting /mnt-root/persistent/var/lib/nixos on /mnt-root/var/lib/nixos failed: No such file or directory');
});

test('without kernel timestamps, the banner the real console prints again after the boot console is the same boot', () => {
  const banner = 'Linux version 6.18.0-rc7 (x@y) (gcc 11.2.0) #1016 SMP Mon Nov 24 16:17:40 CET 2025';
  const early = [banner, 'earlycon: pl11 at MMIO32 0x0000000000800000 (options \'\')', 'printk: legacy bootconsole [pl11] enabled', 'Memory: 1000K/2000K available'];
  const r = f([...early, 'printk: legacy console [ttyAMA0] enabled', 'printk: legacy bootconsole [pl11] disabled', ...early, 'Run /init as init process', '/ # ']);
  assert.is(r.boots, 1);
  // A different kernel after it, or the same one long after the switch, is a new boot.
  assert.is(f([...early, 'printk: legacy bootconsole [pl11] disabled', 'reboot: Restarting system', ...early]).boots, 2);
  assert.is(f([...early, 'printk: legacy bootconsole [pl11] disabled', 'Run /init as init process', 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100', ...early]).boots, 2);
  // After init ran, the same banner with nothing of a restart or crash before it is /proc/version printed by a script.
  assert.is(f([...early, 'printk: legacy bootconsole [pl11] disabled', 'Run /init as init process', 'Starting network: OK', 'Found console ttyS0', '', early[0]!, 'Boot successful.']).boots, 1);
});

test("a GPU driver that gave up: the first error of its run of lines is the cause, without the device's address in its description", () => {
  const r = f([
    '[    2.768311] amdgpu 0000:0b:00.0: Direct firmware load for amdgpu/navy_flounder_sos.bin failed with error -2',
    '[    2.768314] amdgpu 0000:0b:00.0: amdgpu: failed to init sos firmware',
    '[    2.768319] [drm:psp_sw_init [amdgpu]] *ERROR* Failed to load psp firmware!',
    '[    2.768690] amdgpu 0000:0b:00.0: amdgpu: amdgpu_device_ip_init failed',
    '[    2.768698] amdgpu 0000:0b:00.0: amdgpu: Fatal error during GPU init',
    '[    2.768730] amdgpu: probe of 0000:0b:00.0 failed with error -2',
  ]);
  assert.is(r.rootCauseKind, 'kernel-error');
  assert.is(r.rootCauseDescription, 'Direct firmware load for amdgpu/navy_flounder_sos.bin failed with error -2');
  assert.ok(r.rootEvidence.some((t) => t.includes('Fatal error during GPU init')));
  // A missing firmware file alone (the driver carried on) is no failure.
  assert.is(f(['[    2.768311] amdgpu 0000:0b:00.0: Direct firmware load for amdgpu/navy_flounder_ta.bin failed with error -2', '[    3.000000] amdgpu 0000:0b:00.0: amdgpu: SE 1, SH per SE 2']).rootCause, null);
});

test("a program's `already exists` just before its unit's main process exited is that unit's error", () => {
  const j = f([
    "Mar 21 20:59:46 x2100 systemd[1]: Starting Bind mount or link '/persist/etc/machine-id' to '/etc/machine-id'...",
    'Mar 21 20:59:46 x2100 impermanence-mount-file[1303]: A file already exists at /etc/machine-id!',
    'Mar 21 20:59:46 x2100 systemd[1]: persist-etc-machine-id.service: Main process exited, code=exited, status=1/FAILURE',
    "Mar 21 20:59:46 x2100 systemd[1]: persist-etc-machine-id.service: Failed with result 'exit-code'.",
  ]);
  assert.is(j.rootCause, 'persist-etc-machine-id.service');
  assert.ok(j.rootEvidence.some((t) => t.includes('A file already exists at /etc/machine-id!')));
});

test("no root file system after the storage stack warned while bringing a device up: the warning is why", () => {
  const log = (at: string) => [
    '[    0.777953] ------------[ cut here ]------------',
    `[    0.782683] WARNING: CPU: 0 PID: 1 at ${at} add_mtd_device+0x84/0x5f4`,
    '[    0.790000] Modules linked in:',
    '[    0.943375] ---[ end trace 62e0927fba490f68 ]---',
    '[    2.266513] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
  ];
  const r = f(log('drivers/mtd/mtdcore.c:621'));
  assert.is(r.rootCause, 'warning');
  assert.ok(r.rootEvidence.some((t) => t.includes('VFS: Unable to mount root fs')), 'the panic is evidence of what it led to');
  // A warning elsewhere (a GPU driver) does not explain a missing root: the panic does.
  assert.is(f(log('drivers/gpu/drm/drm_edid.c:1234')).rootCause, 'panic');
});

test("systemd-fsck asking for emergency.target after fsck failed: its unit failed and emergency mode follows, though PID 1 said Started", () => {
  const r = f([
    'Apr 20 17:04:10 k8 systemd-fsck[19721]: /dev/mapper/vg_main-lv_var: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.',
    'Apr 20 17:04:10 k8 systemd-fsck[19721]: fsck failed with error code 4.',
    'Apr 20 17:04:10 k8 systemd-fsck[19721]: Running request emergency.target/start/replace',
    'Apr 20 17:04:10 k8 systemd[1]: Started File System Check on /dev/mapper/vg_main-lv_var.',
  ]);
  assert.is(r.rootCause, 'systemd-fsck@dev-mapper-vg_main\\x2dlv_var.service');
  assert.is(r.emergency, 'emergency');
  // fsck's failure alone (no request) is not read as emergency mode.
  assert.is(f(['Apr 20 17:04:10 k8 systemd-fsck[19721]: fsck failed with error code 4.', 'Apr 20 17:04:11 k8 systemd[1]: Started File System Check.']).emergency, 'none');
});

test('an RCU stall after an SD/MMC controller stopped answering: the controller is why', () => {
  const r = f([
    '[   14.564084] mmc1: Timeout waiting for hardware cmd interrupt.',
    '[   45.000000] rcu: INFO: rcu_sched self-detected stall on CPU',
    '[   45.000100] rcu: \t0-....: (5249 ticks this GP) idle=8a2/1/0x4000000000000002 softirq=1/1 fqs=2599',
  ]);
  assert.is(r.rootCause, 'mmc1: Timeout waiting for hardware cmd interrupt.');
});

test("the same kernel's banner at 0 s again within its first second is a replay of one boot, not a second boot", () => {
  const early = ['[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd034]', '[    0.000000] Linux version 5.4.0 (x@y) (gcc version 8.3.0) #1 SMP PREEMPT', '[    0.000000] Machine model: HiKey960', '[    0.019110] Console: colour dummy device 80x25'];
  const r = f([...early, ...early, '[    0.512075] printk: console [tty0] enabled', '[    4.000000] Run /sbin/init as init process', 'Welcome to Buildroot', 'buildroot login: ']);
  assert.is(r.boots, 1);
  // After the kernel ran for a while (a reset with no firmware line), the banner is a new boot.
  assert.is(f([...early, '[    9.000000] Run /sbin/init as init process', ...early]).boots, 2);
});

test("the log ends on the error of the program of a unit whose start began: that unit did not start; another program's words do not count", () => {
  const r = f(['[   18.764271] systemd[1]: Starting Frobnicate Root Setup...', '[   18.778340] frobnicate-root[557]: error: sysroot=readonly currently requires writable / in initramfs']);
  // (No name in the log: the program named after the description's words names the service.)
  assert.is(r.rootCause, 'frobnicate-root.service');
  // Its words that are no error show a start under way where an excerpt was cut, not a failure.
  assert.is(f(['[   18.764271] systemd[1]: Starting Frobnicate Root Setup...', '[   18.778340] frobnicate-root[557]: frobnicate-root: mounting /sysroot read-only']).rootCause, null);
  // A daemon of another unit speaking last (systemd-networkd while wait-online starts) is no cause.
  const other = f(['Jun 11 18:46:28 host systemd[1]: Starting Wait for Network to be Configured...', 'Jun 11 18:46:30 host systemd-networkd[256]: br0: Gained IPv6LL']);
  assert.is(other.rootCause, null);
  // Nor the unit's own program when more of the log follows it.
  assert.is(f(['[   18.7] systemd[1]: Starting Frobnicate Root Setup...', '[   18.8] frobnicate-root[557]: loading', '[   19.0] systemd[1]: Reached target Basic System.']).rootCause, null);
});

test("the bootloader's exception handler after its hand-over, then a kernel that ran on: the fault is the failure", () => {
  const r = f([
    'U-Boot 2019.10-rc4 (Oct 01 2019 - 12:00:00 +0000)',
    'Starting kernel ...',
    '',
    'exception code: 2 , Illegal instruction , epc 88000004 , ra 88000000',
    '### ERROR ### Please RESET the board ###',
    '[    0.000000] Linux version 5.3.4 (x@y) (gcc version 9.2.1) #1 SMP',
    '[    5.090625] CPU1: failed to come online',
  ]);
  assert.is(r.rootCauseDescription, 'exception code: 2 , Illegal instruction , epc 88000004 , ra 88000000');
  assert.ok(r.rootEvidence.some((e) => e.includes('Please RESET the board')));
  // The same kernel lines without the fault: no failure.
  assert.is(f(['U-Boot 2019.10-rc4 (Oct 01 2019 - 12:00:00 +0000)', 'Starting kernel ...', '[    0.000000] Linux version 5.3.4 (x@y) (gcc version 9.2.1) #1 SMP', '[    5.090625] CPU1: failed to come online', '[    6.000000] Run /sbin/init as init process', 'buildroot login: ']).rootCause, null);
});

test("systemd quotes a unit name that holds a backslash in its `See 'systemctl status'` pointer; shortened on both lines, the name is kept as printed", () => {
  const quoted = f(['[FAILED] Failed to start File System Check on /dev/mapper/fedora-home.', `See 'systemctl status "systemd-fsck@dev-mapper-fedora\\\\x2dhome.service"' for details.`]);
  assert.is(quoted.rootCause, 'systemd-fsck@dev-mapper-fedora\\x2dhome.service');
  const short = f(['[FAILED] Failed to start File System Check o…03f04-af81-46c6-817c-e788adfa1d51.', `See 'systemctl status "systemd-fsck@dev…\\x2de788adfa1d51.service"' for details.`, '[DEPEND] Dependency failed for /boot.']);
  assert.is(short.rootCause, 'systemd-fsck@dev…\\x2de788adfa1d51.service');
});

test('initramfs-tools found no init because it could not mount the root: the mount error is the cause', () => {
  const r = f([
    'Begin: Mounting root file system ... Begin: Running /scripts/local-top ... done.',
    'Begin: Running /scripts/local-premount ... done.',
    'mount: can\'t find /root in /etc/fstab',
    'done.',
    'Begin: Running /scripts/init-bottom ... mount: mounting /dev on /root/dev failed: No such file or directory',
    'done.',
    "Target filesystem doesn't have requested /sbin/init.",
    'No init found. Try passing init= bootarg.',
    '(initramfs) ',
  ]);
  assert.is(r.rootCauseDescription, "mount: can't find /root in /etc/fstab");
  assert.ok(r.rootEvidence.some((e) => e.startsWith('Target filesystem')));
  // With the root mounted and only its init missing, the script's own words stay the cause.
  assert.is(f(['Begin: Mounting root file system ... done.', "Target filesystem doesn't have requested /sbin/init.", '(initramfs) ']).rootCauseDescription, "Target filesystem doesn't have requested /sbin/init");
});

test('emergency mode with no failure to explain it, then a kernel oops: the oops is the one failure shown', () => {
  const r = f([
    '[    6.770464] systemd[1]: Started Emergency Shell.',
    '[    6.770916] systemd[1]: Reached target Emergency Mode.',
    '[   21.700000] BUG: kernel NULL pointer dereference, address: 0000000000000000',
    '[   21.700100] Oops: 0000 [#1] PREEMPT SMP PTI',
    '[   21.700200] RIP: 0010:percpu_counter_add_batch+0x10/0x70',
  ]);
  assert.is(r.rootCause, 'oops');
  assert.is(r.emergency, 'emergency');
});

test('a crash asked for through sysrq (to test a crash-dump kernel) is shown but explains nothing; the dump kernel\'s oops does', () => {
  const r = f([
    '[ 2285.405357] sysrq: SysRq : Trigger a crash',
    '[ 2285.409592] Kernel panic - not syncing: sysrq triggered crash',
    '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x420f1000]',
    '[    0.000000] Linux version 5.0.0 (x@y) (gcc version 8.2.0) #1 SMP',
    '[    0.000000] Unable to handle kernel paging request at virtual address ffff00000a4b0000',
    '[    0.000000] Internal error: Oops: 96000005 [#1] SMP',
  ]);
  assert.is(r.rootCause, 'oops');
  assert.equal(r.kernelCrashes.slice(0, 1), ['panic']);
});

test("a status word that lost its `]` to the kernel's stamp (`[ TIME    94.98] systemd[1]: Timed out …`) is still PID 1's line", () => {
  const r = f([
    '[ TIME    94.982368] systemd[1]: Timed out waiting for device dev-disk-by\\x2dlabel-\\x5cx2f.device.',
    '0m] Timed out wa[   94.982696] systemd[1]: Dependency failed for /sysroot.',
    '[   95.000182] systemd[1]: Dependency failed for Initrd Root File System.',
  ]);
  assert.is(r.rootCause, 'dev-disk-by\\x2dlabel-\\x5cx2f.device');
});

test("the filesystem's damage reported just before its mount failed on the same device is why the mount failed", () => {
  const r = f([
    '[    4.656758] BTRFS critical (device sda2): corrupt leaf: block=353828864 slot=148 invalid generation',
    '[    4.656783] BTRFS: error (device sda2) in __btrfs_free_extent:7000: errno=-5 IO failure',
    '[    4.656788] BTRFS: error (device sda2) in btrfs_run_delayed_refs:3083: errno=-5 IO failure',
    '[    4.657768] BTRFS error (device sda2): pending csums is 475136',
    '[    4.657781] BTRFS: error (device sda2) in btrfs_replay_log:2369: errno=-5 IO failure',
    '[    4.700025] BTRFS error (device sda2): open_ctree failed',
  ]);
  assert.ok(r.rootCause?.startsWith('BTRFS critical (device sda2): corrupt leaf'));
  // Damage on another device is not why: the mount failure stays the cause.
  assert.is(f(['[    4.600000] BTRFS critical (device sdb1): corrupt leaf: block=1 slot=1', '[    4.700000] BTRFS error (device sda2): open_ctree failed']).rootCause, 'BTRFS error (device sda2): open_ctree failed');
});

test('an NVMe command that timed out, then tasks hung: the drive is why', () => {
  const r = f([
    'Feb 24 20:36:58 thinkpad kernel: nvme nvme1: I/O 852 QID 15 timeout, aborting',
    'Feb 24 20:37:29 thinkpad kernel: nvme nvme1: I/O 852 QID 15 timeout, reset controller',
    'Feb 24 20:40:50 thinkpad kernel: INFO: task jbd2/nvme1n1p2-:523 blocked for more than 120 seconds.',
  ]);
  assert.is(r.rootCause, 'nvme nvme1: I/O 852 QID 15 timeout, aborting');
});

test('/proc/version printed by a script after init ran, in a boot with only a WARNING: not a second boot', () => {
  const r = f([
    '[    0.000000][    T0] Linux version 5.14.0 (x@y) (gcc 7.4.0) #1 SMP',
    '[   10.000000][    T1] WARNING: possible circular locking dependency detected',
    '[   13.000000][    T1] Run /sbin/init as init process',
    'Starting network: OK',
    'Linux version 5.14.0 (x@y) (gcc 7.4.0) #1 SMP',
    'Boot successful.',
  ]);
  assert.is(r.boots, 1);
});

test("the OOM killer's report printed without timestamps: its `invoked oom-killer` line opens the crash's evidence", () => {
  const r = analyze(['Linux version 5.19.0 (x@y) (gcc version 12.2.0) #1', 'Run /init as init process', 'kworker/u2:0 invoked oom-killer: gfp_mask=0x140cc2(GFP_HIGHUSER|__GFP_COMP), order=0, oom_score_adj=0', 'Mem-Info:', 'Out of memory and no killable processes...', 'Kernel panic - not syncing: System is deadlocked on memory'].join('\n') + '\n');
  assert.is(findings(r).rootCause, 'oom');
  assert.ok(r.rootCause!.evidence.some((e) => e.text.includes('invoked oom-killer')));
});

test("U-Boot's extlinux could not load the device tree it names, then bootm had none: the load is the cause", () => {
  const r = f(["Retrieving file: /boot/extlinux/../dtbs/starfive/board.dtb", "Failed to load '/boot/extlinux/../dtbs/starfive/board.dtb'", 'Device tree not found or missing FDT support']);
  assert.is(r.boots, 1);
  assert.is(r.rootCause, "Failed to load '/boot/extlinux/../dtbs/starfive/board.dtb'");
});

test("BusyBox ash's bare prompt (`~ # `) at the end of a boot without systemd is a shell of the booted system", () => {
  const boot = ['[    0.000000] Linux version 4.17.0 (x@y) (gcc version 7.3.0) #1', '[    1.000000] Run /init as init process', 'Sysinit starting'];
  assert.ok(f([...boot, '~ # ']).loginReached);
  assert.ok(f([...boot, '/ #']).loginReached);
  // A path with a `#` in a message is no prompt.
  assert.not.ok(f([...boot, '/etc/init.d/rcS: line 3 #']).loginReached);
});

test('of several boots, the one that stopped tells the story: a unit failing as the old system shut down comes second to the next boot\'s dracut shell', () => {
  const r = f([
    'host login: root',
    '[root@host ~]# reboot',
    '[FAILED] Failed to stop Firewall Daemon.',
    '[  100.000000] reboot: Restarting system',
    '[    0.000000] Linux version 3.11.10 (x@y) (gcc version 4.8.2) #1 SMP',
    '[    2.000000] systemd[1]: systemd 208 running in system mode. (+PAM)',
    '[    2.100000] systemd[1]: Running in initial RAM disk.',
    '[  180.000000] dracut-initqueue[200]: Warning: Could not boot.',
    '[  180.100000] dracut-initqueue[200]: Warning: /dev/mapper/vg-root does not exist',
    'Entering emergency mode. Exit the shell to continue.',
  ]);
  assert.ok(r.rootCauseKind === 'root-device' || r.rootCause === 'dev-mapper-vg\\x2droot.device', String(r.rootCause));
  // With no boot stopped, the first failure that says what failed comes before one that says nothing.
  const quiet = f(['U-Boot 2021.01 (Jan 11 2021 - 18:11:43 +0000)', 'Starting kernel ...', 'U-Boot 2021.01 (Jan 11 2021 - 18:11:43 +0000)', 'Starting kernel ...', 'U-Boot 2021.01 (Jan 11 2021 - 18:11:43 +0000)', 'Starting kernel ...', '[    0.000000] Linux version 5.10.0 (x@y) (gcc) #1 SMP', '[    1.000000] UBSAN: shift-out-of-bounds in ./include/linux/log2.h:57:13', '[    2.000000] Run /init as init process', '/ # ']);
  assert.is(quiet.boots, 3);
  assert.ok(quiet.rootCauseKind === 'kernel-crash' && quiet.rootEvidence.some((e) => e.includes('UBSAN')), String(quiet.rootCause));
});

test("a storage controller's driver failed to probe, then the root device never came: the driver's first error is why", () => {
  const r = f([
    '[    1.074227] ibmvscsi 30000069: SRP_VERSION: 16.a',
    '[    1.074238] ibmvscsi 30000069: Error -4 opening adapter',
    '[    1.074255] ibmvscsi 30000069: couldn\'t initialize crq. rc=-1',
    '[    1.181132] ibmvscsi 30000069: probe with driver ibmvscsi failed with error -4',
    '[    2.000000] systemd[1]: systemd 239 running in system mode. (+PAM)',
    '[    2.100000] systemd[1]: Running in initrd.',
    '[  146.631585] dracut-initqueue[320]: Warning: dracut-initqueue timeout - starting timeout scripts',
    '[  146.632266] dracut-initqueue[320]: Warning: /lib/dracut/hooks/initqueue/finished/devexists-\\x2fdev\\x2fdisk\\x2fby-uuid\\x2fc034bf95.sh: "[ -e "/dev/disk/by-uuid/c034bf95" ]"',
  ]);
  assert.is(r.rootCause, 'ibmvscsi 30000069: Error -4 opening adapter');
  // A driver of no storage (a sensor's) failing to probe explains no missing root device.
  const other = f(['[    1.1] x', '[    1.181132] pca953x 0-0020: probe with driver pca953x failed with error -110', '[    2.000000] systemd[1]: systemd 239 running in system mode. (+PAM)', '[    2.100000] systemd[1]: Running in initrd.', '[  146.632266] dracut-initqueue[320]: Warning: /lib/dracut/hooks/initqueue/finished/devexists-\\x2fdev\\x2fsda1.sh: "[ -e "/dev/sda1" ]"']);
  assert.is.not(other.rootCause, 'pca953x 0-0020: probe with driver pca953x failed with error -110');
  // And a storage driver's failure in a boot that found its root is no failure at all.
  assert.is(f(['[    1.181132] ahci: probe of 0000:00:1f.2 failed with error -12', '[    2.000000] systemd[1]: systemd 239 running in system mode. (+PAM)', 'host login: ']).rootCause, null);
});

test("UBI's error opening the flash partition is why the kernel then found no root to mount, past its list of block devices", () => {
  const ram = Array.from({ length: 24 }, (_, i) => [`[    3.3${String(i).padStart(2, '0')}000] 01${i.toString(16).padStart(2, '0')}           65536 ram${i}`, `[    3.3${String(i).padStart(2, '0')}100]  (driver?)`]).flat();
  const r = analyze(['[    3.206295] UBI error: cannot open mtd 2, error -19', ...ram, '[    3.385648] No filesystem could mount root, tried:', '[    3.385666]  ubifs', '[    3.394181] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)'].join('\n') + '\n');
  assert.ok(r.rootCause!.evidence.some((e) => e.text.includes('UBI error: cannot open mtd 2')));
});

test('a kernel stamp copied by hand with a seventh digit, and a panic with no space after its colon, are still the kernel\'s', () => {
  const r = f(['Begin: Running /scripts/local-premount ...', '[17179574.9760000] Attempting manual resume', '[17179574.9760000] attempt to access beyond end of device', '[17179574.9760000] Kernel panic - not syncing:I/O error reading memory image']);
  assert.is(r.rootCause, 'panic');
  assert.ok(r.crashTitles[0]?.includes('I/O error reading memory image'));
  // (Read as the kernel's: the crash has the stamp's uptime.)
  const r2 = analyze('[17179574.9760000] Kernel panic - not syncing:I/O error reading memory image\n');
  assert.is(r2.boots[0]!.crashes[0]!.uptime, 17179574.976);
});

test('init printed an error and the machine stopped at once, before any userspace: that error is why', () => {
  const r = f(['[    1.818509] Run /init as init process', '<3>ERROR: ConnectHvSocket:670: connect failed 19', '[    1.824506] kvm: exiting hardware virtualization', '[    1.834333] reboot: Power down']);
  assert.is(r.rootCauseKind, 'unexplained');
  assert.ok(String(r.rootCause).includes('ConnectHvSocket:670: connect failed 19'), String(r.rootCause));
  // A machine that ran init, then a long test run, then powered off after an error is not init giving up.
  const long = f(['[    1.800000] Run /init as init process', ...Array.from({ length: 60 }, (_, i) => `test ${i}: ok`), 'ERROR: test 61 failed', '[   90.000000] reboot: Power down']);
  assert.is(long.rootCause, null);
  // Nor an error before a login, then a power-off someone asked for.
  assert.is(f(['[    1.800000] Run /sbin/init as init process', 'mount: cannot mount /dev/sdb1', 'host login: root', '# poweroff', '[   20.000000] reboot: Power down']).rootCause, null);
});

test("a dracut hook's scripts failed and it dropped to the debug shell: the hook's service is the failure, its first error the reason", () => {
  const r = f([
    '[  132.803820] dracut-pre-mount[4067]: LNet: loaded lnet module.',
    '[  132.840080] dracut-pre-mount[4077]: lnetctl: error while loading shared libraries: liblnetconfig.so.4: cannot open shared object file: No such file or directory',
    '[  132.840195] dracut-pre-mount[4063]: Warning: ERROR: dvs-setup.sh failed; dropping to debug.',
    '',
    'Generating "/run/initramfs/rdsosreport.txt"',
    '',
    'Entering emergency mode. Exit the shell to continue.',
    'Press Enter for maintenance',
    '(or press Control-D to continue): ',
  ]);
  assert.is(r.rootCause, 'dracut-pre-mount.service');
  assert.ok(r.rootEvidence.some((e) => e.includes('liblnetconfig.so.4')), String(r.rootEvidence));
});

test("systemd's own helpers on a quiet console (`systemd-fsck[83]: root: clean`) show a systemd userspace running; systemd-udevd alone does not", () => {
  const quiet = ['Starting kernel ...', '', '[    2.589651] musb-hdrc musb-hdrc.0.auto: musb_init_controller failed with status -517', 'systemd-fsck[83]: Angstrom: clean, 50607/218160 files, 306348/872448 blocks', '', 'beaglebone login:'];
  assert.is(f(quiet).cycles, 1);
  assert.is(f(['[    1.000000] Linux version 5.10.0 (x@y) (gcc) #1 SMP', '[    3.000000] systemd-udevd[120]: starting version 247', 'INIT: Entering runlevel: 2', 'host login: ']).cycles, 0);
});

test('the kernel refused modules (their BTF, a symbol) and then the root never came: the first refusal is why, also in a dmesg typed at the shell', () => {
  const r = f([
    '[rootfs ]# dmesg',
    '[    0.000000] Linux version 5.13.0-rc2-next-20210521 (x@y) (gcc) #1 SMP',
    '[    0.703422] Run /init as init process',
    '[    0.745995] BPF:Invalid offset',
    '[    0.746803] failed to validate module [jbd2] BTF: -22',
    '[    0.810494] failed to validate module [crc32c_intel] BTF: -22',
  ]);
  assert.is(r.rootCause, 'failed to validate module [jbd2] BTF: -22');
  const sym = f(['[    0.000000] Linux version 5.10.0 (x@y) (gcc) #1 SMP', '[    1.900000] ext4: Unknown symbol jbd2_journal_start (err -2)', '[    2.000000] Run /init as init process', 'Gave up waiting for root file system device.  Common problems:', 'ALERT!  UUID=1234 does not exist.  Dropping to a shell!', '(initramfs) ']);
  assert.is(sym.rootCause, 'ext4: Unknown symbol jbd2_journal_start (err -2)');
});

test("a log viewer's table ruled with `│` (time, program, message) is a journal; HTML entities in it are decoded first", () => {
  const r = f([
    '12-11 23:07:48.251 systemd &#9474; Finished Wait for Network to be Configured.',
    '12-11 23:09:13.784 systemd &#9474; dev-disk-by\\x2duuid-c78b9e55.device: Job dev-disk-by\\x2duuid-c78b9e55.device/start timed out.',
    '12-11 23:09:13.784 systemd &#9474; Timed out waiting for device /dev/disk/by-uuid/c78b9e55.',
    '12-11 23:09:13.785 systemd &#9474; Dependency failed for /boot.',
    '12-11 23:09:13.786 systemd &#9474; Dependency failed for Local File Systems.',
  ]);
  assert.is(r.rootCause, 'dev-disk-by\\x2duuid-c78b9e55.device');
  assert.is(r.cycles, 1);
});

test('what init printed on the line just before `Attempted to kill init!` is why it died, in words of its own (glibc: `FATAL: kernel too old`)', () => {
  const r = analyze(['[    4.281021] Run /sbin/init as init process', 'FATAL: kernel too old', '[    4.331408] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00007f00'].join('\n') + '\n');
  assert.ok(r.boots[0]!.rootCause!.evidence.some((e) => e.text === 'FATAL: kernel too old'));
});

test('no root fs on unknown-block(0,0) because there was no initramfs: the bootloader that could not load it, or the kernel that could not unpack it, is in the evidence', () => {
  const grub = analyze(['Loading Linux  ...', 'Loading initial ramdisk ...', "error: file `/boot/grub2/../initrd.img.xz' not found.", 'Press any key to continue...', '[    2.528752] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)'].join('\n') + '\n');
  assert.ok(grub.boots[0]!.rootCause!.evidence.some((e) => e.text.includes('initrd.img.xz')));
  const unpack = analyze(['http://10.0.0.1/boot/kernel... ok', 'http://10.0.0.1/boot/initrd... ok', '[    0.554122] Initramfs unpacking failed: invalid magic at start of compressed archive', '[    1.588403] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)'].join('\n') + '\n');
  assert.ok(unpack.boots[0]!.rootCause!.evidence.some((e) => e.text.includes('Initramfs unpacking failed')));
  // (iPXE fetching the kernel is firmware: the log starts at the boot's beginning, not midway.)
  assert.is(unpack.boots[0]!.startsMidway, false);
});

test("the same unit's failure told twice (`Failed with result 'timeout'`, then `Failed to mount /media/672.`) shows both lines; a forked child's `Failed at step` is its unit's reason", () => {
  const r = analyze(['May 10 15:16:20 h systemd[1]: Mounting /media/672...', 'May 10 15:17:51 h systemd[1]: media-672.mount: Mounting timed out. Terminating.', "May 10 15:17:51 h systemd[1]: media-672.mount: Failed with result 'timeout'.", 'May 10 15:17:51 h systemd[1]: Failed to mount /media/672.'].join('\n') + '\n');
  assert.ok(r.boots[0]!.cycles[0]!.rootCause!.evidence.some((e) => e.line === 4));
  const seccomp = analyze(['[    5.000000] systemd[1]: systemd-logind.service: Main process exited, code=exited, status=228/SECCOMP', "[    5.000000] systemd[1]: systemd-logind.service: Failed with result 'exit-code'.", '[    5.100000] systemd[935]: systemd-logind.service: Failed at step SECCOMP spawning /usr/lib/systemd/systemd-logind: Invalid argument'].join('\n') + '\n');
  assert.ok(seccomp.boots[0]!.cycles[0]!.rootCause!.evidence.some((e) => e.text.includes('Failed at step SECCOMP')));
  // An error's indented second line brings its first (mount(8): the reason, then `dmesg(1) may have more …`).
  const remount = analyze(['Feb 22 13:28:48 k systemd-remount-fs[19855]: mount: /: mount point not mounted or bad option.', 'Feb 22 13:28:48 k systemd-remount-fs[19855]:        dmesg(1) may have more information after failed mount system call.', 'Feb 22 13:28:48 k systemd[1]: systemd-remount-fs.service: Main process exited, code=exited, status=1/FAILURE', "Feb 22 13:28:48 k systemd[1]: systemd-remount-fs.service: Failed with result 'exit-code'."].join('\n') + '\n');
  assert.ok(remount.boots[0]!.cycles[0]!.rootCause!.evidence.some((e) => e.line === 1));
});

test("a WARNING in a driver's code, then that driver failing just after the report ends: the failure is the warning's evidence", () => {
  const r = analyze([
    '[    2.153897] WARNING: CPU: 1 PID: 36 at drivers/gpu/drm/nouveau/nvkm/subdev/mmu/vmmgf100.c:273 gf100_vmm_valid+0x2c4/0x390',
    '[    2.153950] pc : gf100_vmm_valid+0x2c4/0x390',
    '[    2.154273] ---[ end trace 0000000000000000 ]---',
    '[    2.154285] nouveau 57000000.gpu: acr: one-time init failed, -22',
    '[    2.154290] usb 1-1: new high-speed USB device number 2 using xhci failed',
    '[    2.162905] nouveau: probe of 57000000.gpu failed with error -22',
  ].join('\n') + '\n');
  const ev = r.boots[0]!.rootCause!.evidence.map((e) => e.line);
  assert.ok(ev.includes(4) && ev.includes(6), String(ev));
  assert.not.ok(ev.includes(5));
});

test("the kernel's log in /dev/kmsg's record format (`6,339,5140900,-,caller=T1;…`) or with only the caller id (`T115;…`, netconsole) is the kernel's", () => {
  const rec = analyze(['6,339,5140900,-,caller=T1;Run /init as init process', '0,340,5200000,-,caller=T1;Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100'].join('\n') + '\n');
  assert.is(rec.boots[0]!.crashes[0]!.kind, 'panic');
  assert.is(rec.boots[0]!.crashes[0]!.uptime, 5.2);
  const caller = f(['T1;systemd-shutdown[1]: Syncing filesystems and block devices.', 'T1;systemd-shutdown[1]: Rebooting.', 'T115;INFO: task systemd-shutdow:1 blocked for more than 61 seconds.', 'T115;      Not tainted 6.11.0-next-20240925 #478']);
  assert.is(caller.rootCause, 'hung-task');
});

test('a DHCP timeout the kernel got past (its root mounted after it) does not explain a later `No working init found` panic', () => {
  const r = f(['[    0.000000] Linux version 5.19.0 (x@y) (gcc) #1 SMP', '[    6.013287] Sending DHCP requests ...... timed out!', '[  168.408693] VFS: Mounted root (ext4 filesystem) on device 254:0.', '[  168.500000] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.']);
  assert.is(r.rootCause, 'panic');
  // (Without the mount, the network root's failure is why there was no init.)
  const nfs = f(['[    0.000000] Linux version 5.19.0 (x@y) (gcc) #1 SMP', '[    6.013287] Sending DHCP requests ...... timed out!', '[  168.500000] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.']);
  assert.is.not(nfs.rootCause, 'panic');
});

test("a router's JFFS2 overlay the kernel refused (`Too few erase blocks`, an erase the flash failed) is the failure, even without timestamps, and before procd's fallback to a RAM overlay", () => {
  const untimed = f(['VFS: Mounted root (squashfs filesystem) readonly on device 31:3.', 'init: - preinit -', 'jffs2: Too few erase blocks (4)  --> Your image is probably too big, leaving not enough space for jffs2.', 'mount_root: failed to mount -t jffs2 /dev/mtdblock4 /tmp/overlay: Invalid argument', 'mount_root: switching to jffs2 failed - fallback to ramoverlay']);
  assert.is(untimed.boots, 1);
  assert.ok(untimed.rootCause?.startsWith('jffs2: Too few erase blocks'), String(untimed.rootCause));
  const erase = f(['[    0.000000] Linux version 4.14.171 (x@y) (gcc) #0 SMP', '[   13.986700] mount_root: switching to jffs2 overlay', '[   84.740892] jffs2: Erase at 0x01ab0000 failed immediately: errno -22']);
  assert.ok(erase.rootCause?.startsWith('jffs2: Erase at 0x01ab0000 failed'), String(erase.rootCause));
});

test('a root filesystem type the kernel tried before the one that mounted (`Can\'t find a SQUASHFS superblock`, then `Mounted root (yaffs …)`) is no failure', () => {
  const r = f(['[    0.000000] Linux version 2.6.32.61 (x@y) (gcc) #1 SMP', "[    6.070000] SQUASHFS error: Can't find a SQUASHFS superblock on mtdblock3", '[    6.070000] yaffs: dev is 32505859 name is "mtdblock3" ro', '[    6.110000] VFS: Mounted root (yaffs filesystem) readonly on device 31:3.', '[    6.180000] trying /sbin/init']);
  assert.is(r.rootCause, null);
  // (With no root mounted after it, it is one.)
  const none = f(['[    0.000000] Linux version 2.6.32.61 (x@y) (gcc) #1 SMP', "[    6.070000] SQUASHFS error: Can't find a SQUASHFS superblock on mtdblock3", '[    6.180000] trying /sbin/init']);
  assert.ok(none.rootCause?.startsWith('SQUASHFS error'), String(none.rootCause));
});

test('processes killed for bad memory accesses in RISC-V\'s and arm64\'s words; five and more of three programs are a userspace that cannot run, login or not', () => {
  const kill = (comm: string, pid: number) => `[    0.${200 + pid}000] ${comm}[${pid}]: unhandled signal 11 code 0x2 at 0x00000000836000e4`;
  const lines = ['[    0.000000] Linux version 5.4.0 (x@y) (gcc) #64 SMP', '[    0.209017] Run /sbin/init as init process', kill('mount', 24), kill('mount', 25), kill('mkdir', 27), kill('mount', 28), kill('ln', 30), 'SEGV', 'Welcome to Buildroot', 'buildroot login: '];
  const r = analyze(lines.join('\n') + '\n');
  assert.ok(r.boots[0]!.rootCause?.description?.includes('mount[24]: unhandled signal 11'), r.boots[0]!.rootCause?.headline);
  assert.ok(f(lines).loginReached);
  // (Three faults, fewer than five, before a login are daemons' trouble, not the boot's.)
  const two = f(['[    0.000000] Linux version 5.4.0 (x@y) (gcc) #64 SMP', '[    0.209017] Run /sbin/init as init process', kill('mount', 24), kill('mkdir', 27), kill('ln', 30), 'buildroot login: ']);
  assert.is(two.rootCause, null);
  const arm64 = f(['[    0.000000] Linux version 5.10.0 (x@y) (gcc) #1 SMP', '[    1.000000] Run /sbin/init as init process', '[    1.100000] sh[1]: unhandled level 2 translation fault (11) at 0x00000008, esr 0x92000006, in libc.so.6[ffff9000+150000]', '[    1.200000] mount[2]: unhandled level 2 translation fault (11) at 0x00000008, esr 0x92000006, in libc.so.6[ffff9000+150000]', '[    1.300000] udevd[3]: unhandled level 2 translation fault (11) at 0x00000008, esr 0x92000006, in libc.so.6[ffff9000+150000]']);
  assert.is(arm64.rootCause, 'unexplained');
});

test("BusyBox init's shutdown (`reboot` typed at its shell) before a kernel's banner: the log began in the boot before", () => {
  const r = f(['reboot', "starting pid 1414, tty '/dev/ttyS0': '/bin/sh -c /var/post_install'", 'The system is going down NOW!', 'Sent SIGTERM to all processes', 'Requesting system reboot', '', 'U-Boot 2013.01 (Jan 01 2013)', '[    0.000000] Linux version 2.6.32.61 (x@y) (gcc) #1 SMP', 'Please press Enter to activate this console.']);
  assert.is(r.boots, 2);
  assert.ok(r.loginReached);
});

test('a kernel that prints only its caller id in brackets (`[  T669] `, printk.time=0 with CONFIG_PRINTK_CALLER) is read as the kernel', () => {
  const r = f(['[  T669] BUG: kernel NULL pointer dereference, address: 0000000000000330', '[  T669] Oops: Oops: 0000 [#1] SMP NOPTI', '[  T669] RIP: 0010:msi_domain_first_desc+0x4/0x30', '[  T155] ACPI: battery: Slot [BAT1] (battery present)']);
  assert.is(r.boots, 1);
  assert.is(r.rootCause, 'oops');
  // (A timestamp before the caller stays the timestamp.)
  const timed = analyze('[    3.078160][  T669] Kernel panic - not syncing: Fatal exception\n');
  assert.is(timed.boots[0]!.crashes[0]!.uptime, 3.07816);
});

test("libata giving up on a disk's link before the initramfs found no root: the link is why", () => {
  const r = analyze(['[  298.294546] ata1: failed to reset engine (errno=-5)', '[  339.270943] ata1: EH pending after 5 tries, giving up', 'Gave up waiting for root file system device.  Common problems:', 'ALERT!  UUID=0a1b does not exist.  Dropping to a shell!', '(initramfs) '].join('\n') + '\n');
  const rc = r.boots[0]!.rootCause!;
  assert.is(rc.unit, 'ata1: failed to reset engine (errno=-5)');
  assert.match(rc.headline, /gave up on a disk's link/);
  // (Without the link's failure, the missing root is the cause.)
  const plain = analyze(['Gave up waiting for root file system device.  Common problems:', 'ALERT!  UUID=0a1b does not exist.  Dropping to a shell!', '(initramfs) '].join('\n') + '\n');
  assert.is.not(plain.boots[0]!.rootCause!.unit, 'ata1: failed to reset engine (errno=-5)');
});

test("a dracut hook that printed error after error while systemd said it started, on a boot where nothing else failed, is the story; one complaint is not", () => {
  const lines = (n: number) => ['[   10.000000] systemd[1]: systemd 219 running in system mode. (+PAM)', '         Starting dracut pre-pivot and cleanup hook...', ...Array.from({ length: n }, (_, i) => `[   14.92${i}081] dracut-pre-pivot[644]: Device sda1 not found`), '[  OK  ] Started dracut pre-pivot and cleanup hook.', 'localhost login: '];
  assert.is(f(lines(3)).rootCause, 'dracut-pre-pivot.service');
  assert.is(f(lines(1)).rootCause, null);
});

test('a bootloader error it got past (it loaded its files after it) in a run that was then reset is no failure', () => {
  const run = (after: string[]) => f(['U-Boot 2019.07-g2e30fa4be2 (Jan 14 2021 - 09:03:27 -0800)', 'Hit any key to stop autoboot:  0', '** No partition table - mmc 1 **', 'Scanning mmc 0:1...', ...after, 'U-Boot 2019.07-g2e30fa4be2 (Jan 14 2021 - 09:03:27 -0800)', 'Starting kernel ...', '[    0.000000] Linux version 5.11.0 (x@y) (gcc) #1 SMP', '[    1.000000] Run /sbin/init as init process', 'cardhu login: ']);
  assert.is(run(['Retrieving file: /boot/extlinux/extlinux.conf', '413 bytes read in 25 ms (15.6 KiB/s)']).rootCause, null);
  assert.is(run([]).rootCause, 'No partition table - mmc 1');
});

test("POWER's EEH taking a PCI device away for good, then tasks hung: the device is why; the kernel's `ip=` configuration failing is a failure of its own", () => {
  const eeh = analyze(['[    0.000000] Linux version 5.15.0 (x@y) (gcc) #1 SMP', '[   42.665303] EEH: PHB#10-PE#10000 has failed 6 times in the last hour and has been permanently disabled.', '[  246.000000] INFO: task eehd:105 blocked for more than 122 seconds.', '[  246.000001]       Not tainted 5.15.0 #1'].join('\n') + '\n');
  assert.match(eeh.boots[0]!.rootCause!.headline, /^a device stopped responding: EEH: PHB#10-PE#10000 has failed 6 times/);
  const ip = f(['[   10.338228] ipconfig: wpan1: socket(AF_INET): Address family not supported by protocol', '!!! IP-Config: Auto-configuration of network failed !!!', '         Stopping LKP bootstrap...']);
  assert.is(ip.rootCause, 'IP-Config: Auto-configuration of network failed');
  const ipr = analyze(['[   10.338228] ipconfig: wpan1: socket(AF_INET): Address family not supported by protocol', '!!! IP-Config: Auto-configuration of network failed !!!'].join('\n') + '\n');
  assert.ok(ipr.boots[0]!.rootCause!.evidence.some((e) => e.line === 1));
});

test("a mount unit's program is mount(8): its error just before the unit failed is the failure's evidence (systemd 208's journal)", () => {
  const r = analyze(["dic 13 12:29:10 localhost.localdomain mount[859]: mount: unknown filesystem type 'vfat'", 'dic 13 12:29:10 localhost.localdomain systemd[1]: boot-efi.mount mount process exited, code=exited status=32', 'dic 13 12:29:10 localhost.localdomain systemd[1]: Failed to mount /boot/efi.', 'dic 13 12:29:10 localhost.localdomain systemd[1]: Unit boot-efi.mount entered failed state.'].join('\n') + '\n');
  const rc = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.unit, 'boot-efi.mount');
  assert.ok(rc.evidence.some((e) => e.line === 1));
});

test("the kernel's word on a swap file it refused (`swapfile must not be copy-on-write`) is the swap unit's evidence", () => {
  const r = analyze(['[    3.315380] systemd[1]: Activating swap /swapfile...', '[    3.320216] BTRFS warning (device nvme0n1p2): swapfile must not be copy-on-write', "[    3.320983] systemd[1]: swapfile.swap: Swap process exited, code=exited, status=255/EXCEPTION", "[    3.320989] systemd[1]: swapfile.swap: Failed with result 'exit-code'.", '[    3.321419] systemd[1]: Failed to activate swap /swapfile.'].join('\n') + '\n');
  const rc = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.unit, 'swapfile.swap');
  assert.ok(rc.evidence.some((e) => e.line === 2));
});

test("a soft lockup reported on the line of a message that never got its newline (`augmented rbtree testingNMI watchdog: BUG: soft lockup …`) is a crash", () => {
  const r = analyze(['[  482.381374] augmented rbtree testingNMI watchdog: BUG: soft lockup - CPU#0 stuck for 23s! [swapper:1]', '[  511.119241] Kernel panic - not syncing: softlockup: hung tasks'].join('\n') + '\n');
  assert.equal(r.boots[0]!.crashes.map((c) => c.kind), ['bug', 'panic']);
  // (The words elsewhere in a message are no crash: `… BUG: soft lockup detector enabled`.)
  const quiet = analyze('[    0.100000] testing the BUG: soft lockup detector\n');
  assert.is(quiet.boots[0]?.crashes.length ?? 0, 0);
});

test("emergency mode with no failed unit, after the kernel said the root's filesystem is damaged: the kernel's words are the cause", () => {
  const r = analyze(['[    5.000000] systemd[1]: systemd 219 running in system mode. (+PAM)', '[    9.100000] XFS (dm-0): Internal error XFS_WANT_CORRUPTED_GOTO at line 1664 of file fs/xfs/libxfs/xfs_alloc.c.  Caller xfs_free_extent+0xaa/0x140 [xfs]', '[    9.200000] XFS (dm-0): Corruption of in-memory data detected.  Shutting down filesystem', 'Generating "/run/initramfs/rdsosreport.txt"', 'Entering emergency mode. Exit the shell to continue.'].join('\n') + '\n');
  const rc = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.kind, 'kernel-error');
  assert.match(rc.headline, /XFS_WANT_CORRUPTED_GOTO.*then the machine entered emergency mode/);
  // (Without the kernel's words, the emergency stays unexplained.)
  const bare = analyze(['[    5.000000] systemd[1]: systemd 219 running in system mode. (+PAM)', 'Entering emergency mode. Exit the shell to continue.'].join('\n') + '\n');
  assert.is(bare.boots[0]!.cycles[0]!.rootCause!.kind, 'unexplained');
});

test('bcache disabling its cache set before the root device never came: the disk is why', () => {
  const r = analyze(['[    0.975019] bcache: bch_cache_set_error() error on 6de5186a: corrupted btree at bucket 818470, block 267, 324 keys, disabling caching', 'Gave up waiting for root file system device.  Common problems:', 'ALERT!  UUID=5864ba4a does not exist.  Dropping to a shell!', '(initramfs) '].join('\n') + '\n');
  const rc = r.boots[0]!.rootCause!;
  assert.match(rc.headline, /^a disk failed \(bcache: bch_cache_set_error\(\) error on/);
});

test("the kernel's I/O errors on the root's disk before the initramfs's fsck or mount failed: the disk is why; the kernel's refusal of a root mount is the shell's evidence", () => {
  const r = analyze(['[    1.265823] blk_update_request: I/O error, dev mmcblk1, sector 136 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0', 'Begin: Will now check root file system ... fsck from util-linux 2.34', '/dev/mmcblk1p1: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.', 'fsck exited with status code 4', 'The root filesystem on /dev/mmcblk1p1 requires a manual fsck', '', 'BusyBox v1.30.1 (Ubuntu 1:1.30.1-4ubuntu6.4) built-in shell (ash)', '(initramfs) '].join('\n') + '\n');
  const rc = r.boots[0]!.rootCause!;
  assert.is(rc.kind, 'kernel-error');
  assert.match(rc.headline, /^the disk mmcblk1 failed/);
  // (I/O errors on another disk explain nothing here.)
  const other = analyze(['[    1.265823] blk_update_request: I/O error, dev sdb, sector 136 op 0x0:(READ) flags 0x0', '/dev/mmcblk1p1: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.', 'fsck exited with status code 4', 'The root filesystem on /dev/mmcblk1p1 requires a manual fsck', '(initramfs) '].join('\n') + '\n');
  assert.is.not(other.boots[0]!.rootCause!.kind, 'kernel-error');
  const btrfs = analyze(['[   27.258259] BTRFS error (device sda3): devid 2 uuid 5b50e238 is missing', '[   27.275696] BTRFS error (device sda3): open_ctree failed', 'mount: mounting /dev/sda3 on /root failed: Invalid argument', 'Failed to mount /dev/sda3 as root file system.', '', 'BusyBox v1.30.1 (Debian 1:1.30.1-6+b3) built-in shell (ash)', '(initramfs) '].join('\n') + '\n');
  assert.ok(btrfs.boots[0]!.rootCause!.evidence.some((e) => e.line === 1));
});

test("a filesystem's or a driver's own words, then a crash in that same code: the words are why (btrfs's corrupt leaf, amdgpu's ring timeout); a crash elsewhere is not theirs", () => {
  const btrfs = analyze(['[    1.000000] BTRFS critical (device sda): corrupt leaf: block=2089035464704 slot=85 invalid extent refs', '[    1.100000] WARNING: CPU: 3 PID: 1 at fs/btrfs/block-group.c:132 btrfs_put_block_group+0x3e/0x50 [btrfs]', '[    1.100001] Modules linked in: btrfs', '[    1.100002] ---[ end trace 0000000000000000 ]---'].join('\n') + '\n');
  assert.match(btrfs.boots[0]!.rootCause!.headline, /^the kernel found a filesystem damaged: BTRFS critical \(device sda\): corrupt leaf.*then the kernel crashed in the same code/);
  const gpu = analyze(['[   52.772273] [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx timeout, signaled seq=1, emitted seq=3', '[   78.104815] BUG: kernel NULL pointer dereference, address: 0000000000000008', '[   78.104900] Call Trace:', '[   78.104901]  dc_commit_state+0x1f/0x80 [amdgpu]', '[   78.104902]  amdgpu_dm_atomic_commit_tail+0x3a/0x900 [amdgpu]'].join('\n') + '\n');
  assert.is(gpu.boots[0]!.rootCause!.description, '[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx timeout, signaled seq=1, emitted seq=3');
  const elsewhere = analyze(['[    1.000000] BTRFS critical (device sda): corrupt leaf: block=2089035464704 slot=85 invalid extent refs', '[    1.100000] WARNING: CPU: 3 PID: 1 at drivers/usb/core/hub.c:132 hub_event+0x3e/0x50', '[    1.100002] ---[ end trace 0000000000000000 ]---'].join('\n') + '\n');
  assert.is(elsewhere.boots[0]!.rootCause!.kind, 'kernel-crash');
});

test("U-Boot's own capitalised image checks (`Bad Header Checksum.`, `Bad Data CRC`) are the bootloader's failure", () => {
  for (const said of ['Bad Header Checksum.', 'Bad Data CRC']) {
    const r = f(['## Booting image at bfc50000 ...', 'Verifying Checksum ...', said, '', 'Entering HTTP server.']);
    assert.is(r.boots, 1);
    assert.is(r.rootCause, said.replace(/\.$/, ''));
  }
});

test("the EFI stub's errors it works around (`FIRMWARE BUG: …`, no memreserve table) are not what stopped the boot; the one after them is", () => {
  const r = f(['EFI stub: Booting Linux Kernel...', 'EFI stub: ERROR: FIRMWARE BUG: efi_loaded_image_t::image_base has bogus value', 'EFI stub: ERROR: FIRMWARE BUG: kernel image not aligned on 64k boundary', 'EFI stub: ERROR: Failed to install memreserve config table!', 'EFI stub: Using DTB from configuration table', 'EFI stub: Exiting boot services...', 'EFI stub: ERROR: Unable to construct new device tree.']);
  assert.is(r.rootCause, 'EFI stub: ERROR: Unable to construct new device tree');
});

test("a kernel line a mail client wrapped as format=flowed (one space at the cut) is one line again; a console's padded lines are not joined", () => {
  const lines = ['[    1.572323] F2FS-fs (mmcblk1p2): Mismatch valid blocks 512 vs. 508 ', ' ', '', '[    1.578552] F2FS-fs (mmcblk1p2): Failed to initialize F2FS segment manager ', '(-117) ', '', '[    1.586374] VFS: Cannot open root device "mmcblk1p2" or unknown-block(179,2): ', 'error -117 ', ''];
  const r = analyze(lines.join('\n') + '\n');
  const rc = r.boots[0]!.rootCause!;
  assert.is(rc.description, 'F2FS-fs (mmcblk1p2): Failed to initialize F2FS segment manager (-117)');
  assert.ok(rc.evidence.some((e) => e.line === 7 && e.text.endsWith('unknown-block(179,2): error -117')), 'the VFS line, joined, is evidence');
  // (A board's console padded to 80 columns: `Starting syslogd: OK` is its own line.)
  const padded = f(['[    1.554445]  mmcblk0: p1 p2' + ' '.repeat(50), 'Starting network: FAIL' + ' '.repeat(40)]);
  assert.equal(padded.rootCause, 'network');
});

test('another kernel line written into one that had not ended is two lines (`EHCI[   36.4] systemd-networkd[740]: …`); a message that carries a clock of its own is one', () => {
  const r = f(['[   21.830940] ehci-pci 0000:00:1d.0: EHCI[   36.425579] systemd-networkd[740]: eth0: Configured', '[   52.191081] nvme nvme0: I/O 23 QID 1 timeout, aborting']);
  assert.is(r.cycles, 1, "systemd's network daemon speaks: systemd runs");
  const own = f(['[    1.048094]  [0:    kworker/0:0:    3] [SECLOG C4] [000014.865209] [RPMB] get provision : 1', '[    1.050443]  [4:scsi_srpmb_work:  950] exynos-ufs-srpmb ufs-srpmb: Sent reply']);
  assert.is(own.boots, 1);
});

test("dracut's die() in a systemd initrd (`FATAL: …`, `Refusing to continue`): the hook whose service spoke last failed", () => {
  const r = analyze(['[    5.122764] dracut-pre-udev[327]: fips-load-crypto: start', '[    5.360747] dracut-pre-udev[327]: Self testing crypto algorithms', '[    6.436434] dracut: FATAL: FIPS integrity test failed', '[    6.451445] dracut: Refusing to continue', '[    6.528452] systemd-shutdown[1]: Syncing filesystems and block devices.'].join('\n') + '\n');
  const rc = r.rootCause!;
  assert.is(rc.unit, 'dracut-pre-udev.service');
  assert.ok(rc.evidence.some((e) => e.text.includes('FATAL: FIPS integrity test failed')));
  // (Without its refusal, a FATAL alone is not dracut giving up.)
  assert.is(analyze(['[    5.122764] dracut-pre-udev[327]: fips-load-crypto: start', '[    6.436434] dracut: FATAL: FIPS integrity test failed'].join('\n') + '\n').rootCause, null);
});

test("a user manager's description-only failure takes its name from that manager's lines just before; its start timeout is evidence", () => {
  const r = f(['Oct  1 08:13:16 dk frobd[4403]: E: main.c: pid file create failed.', 'Oct  1 08:13:16 dk systemd[1485]: frobd.service: Main process exited, code=exited, status=1/FAILURE', 'Oct  1 08:13:16 dk systemd[1485]: Failed to start Frobnicator Daemon.']);
  assert.is(r.rootCause, 'frobd.service');
  // (PID 1's lines do not name a user manager's unit.)
  const other = analyze(['Oct  1 08:13:16 dk systemd[1]: frobd.service: Main process exited, code=exited, status=1/FAILURE', 'Oct  1 08:13:16 dk systemd[1485]: Failed to start Frobnicator Daemon.'].join('\n') + '\n');
  const user = other.boots[0]!.cycles.flatMap((c) => c.failures).find((x) => x.manager !== null)!;
  assert.is(user.unit.name, null);
  const t = analyze(['jan 06 20:27:20 T systemd[2195]: xdg-desktop-portal.service: start operation timed out. Terminating.', "jan 06 20:27:20 T systemd[2195]: xdg-desktop-portal.service: Failed with result 'timeout'.", 'jan 06 20:27:20 T systemd[2195]: Failed to start xdg-desktop-portal.service - Portal service.'].join('\n') + '\n');
  assert.ok(t.rootCause!.evidence.some((e) => e.line === 1));
});

test("a forum's colour tags around a pasted line come off (`[COLOR=#ff0000]Timed out waiting for device …[/COLOR]`)", () => {
  const r = f(['Sep 13 17:54:11 host systemd[1]: [COLOR=#ff0000]Timed out waiting for device dev-sdb1.device.[/COLOR]', 'Sep 13 17:54:11 host systemd[1]: Dependency failed for /data.']);
  assert.is(r.rootCause, 'dev-sdb1.device');
});

test("init's own FATAL line just before the kernel panics because init died is the panic's evidence", () => {
  const r = analyze(['mvm-verity-init: FATAL: no mvm.roothash= on kernel cmdline', 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100'].join('\n') + '\n');
  assert.ok(r.rootCause!.evidence.some((e) => e.line === 1));
});

test("a crash report whose stamps lost printk's padding (`[0.000000] BUG: …`) is the kernel's, and so are the stamps after it", () => {
  const r = analyze(['[0.000000] BUG: Kernel NULL pointer dereference at 0x00000028', '[0.000000] Oops: Kernel access of bad area, sig: 11 [#1]', '[0.000000] CPU: 0 PID: 0 Comm: swapper Not tainted 5.7.0', '[0.000000] NIP [c00000000102caa0] emergency_stack_init+0xb8/0x118', '[0.000000] Kernel panic - not syncing: Attempted to kill the idle task!'].join('\n') + '\n');
  assert.match(r.rootCause!.headline, /in emergency_stack_init/);
  // (A firmware's own unpadded clock is not the kernel's.)
  const kinds: string[] = [];
  const a = new Analyzer({ onRecord: (rec) => kinds.push(rec.kind) });
  a.write(new TextEncoder().encode('[2.873679] NOTICE: loading image\n[2.900000] jumping to kernel\n'));
  a.end();
  assert.not.ok(kinds.includes('kernel'));
});

test("Alpha's `pc is at fn+0x…` says where the kernel was", () => {
  const r = analyze(['[    0.099609] Unable to handle kernel paging request at virtual address 0000000000000000', '[    0.102539] pc is at nautilus_init_pci+0x1e0/0x3d4'].join('\n') + '\n');
  assert.match(r.boots[0]!.crashes[0]!.title, / in nautilus_init_pci$/);
});

test("a secondary CPU's own clock as it comes up is the same boot; a kernel starting over is a new one", () => {
  const lines = ['[    0.000000][    T0] Linux version 6.0.0 (x@y) #1 SMP', '[   13.251636][    T1] smp: Bringing up secondary CPUs ...', '[   13.262172][    T1] x86: Booting SMP configuration:', '[   13.262984][    T1] .... node  #0, CPUs:      #1', '[    0.056435][    T0] masked ExtINT on CPU#1', '[   13.279980][    T1] smp: Brought up 1 node, 2 CPUs'];
  assert.is(f(lines).boots, 1);
  assert.is(f([...lines, '[   20.000000][    T1] Run /init as init process', '[    0.000000][    T0] Booting Linux on physical CPU 0x0', '[    0.100000][    T0] Memory: 2048K']).boots, 2);
});

test("a panic of its own reason that the same task's WARNING led up to, down the same calls: the WARNING began it", () => {
  const r = analyze(['[   13.417487][    T1] WARNING: CPU: 1 PID: 1 at fs/sysfs/group.c:291 sysfs_remove_group+0xd6/0x142', '[   13.417500][    T1] CPU: 1 PID: 1 Comm: swapper/0 Not tainted 6.0.0-rc4', '[   13.417600][    T1] Call Trace:', '[   13.417601][    T1]  <TASK>', '[   13.417602][    T1]  dpm_sysfs_add+0x10/0x20', '[   13.417603][    T1]  platform_bus_init+0x10/0x20', '[   13.417604][    T1]  driver_init+0x51/0x80', '[   13.417605][    T1]  kernel_init_freeable+0x3f8/0x4ea', '[   13.417606][    T1] ---[ end trace 0000000000000000 ]---', '[   13.538878][    T1] Kernel panic - not syncing: Failed to register CPU subsystem', '[   13.539000][    T1] CPU: 1 PID: 1 Comm: swapper/0 Tainted: G        W 6.0.0-rc4', '[   13.539100][    T1] Call Trace:', '[   13.539101][    T1]  <TASK>', '[   13.539666][    T1]  cpu_dev_init+0x66/0xde', '[   13.539667][    T1]  driver_init+0x51/0x80', '[   13.539668][    T1]  kernel_init_freeable+0x3f8/0x4ea'].join('\n') + '\n');
  assert.match(r.rootCause!.headline, /WARNING in sysfs_remove_group/);
  // (Sharing only init's own frames says nothing: the panic stands.)
  const other = analyze(['[   13.417487][    T1] WARNING: CPU: 1 PID: 1 at fs/sysfs/group.c:291 sysfs_remove_group+0xd6/0x142', '[   13.417500][    T1] CPU: 1 PID: 1 Comm: swapper/0 Not tainted 6.0.0-rc4', '[   13.417600][    T1] Call Trace:', '[   13.417602][    T1]  dpm_sysfs_add+0x10/0x20', '[   13.417605][    T1]  kernel_init_freeable+0x3f8/0x4ea', '[   13.417606][    T1] ---[ end trace 0000000000000000 ]---', '[   13.538878][    T1] Kernel panic - not syncing: Failed to register CPU subsystem', '[   13.539000][    T1] CPU: 1 PID: 1 Comm: swapper/0 Tainted: G        W 6.0.0-rc4', '[   13.539100][    T1] Call Trace:', '[   13.539666][    T1]  cpu_dev_init+0x66/0xde', '[   13.539668][    T1]  kernel_init_freeable+0x3f8/0x4ea'].join('\n') + '\n');
  assert.match(other.rootCause!.headline, /panicked/);
});

test("`WARNING: WARNING: Bad or missing .orc_unwind table` is a message, not a WARN(); a WARN() header cut after `at` is one", () => {
  assert.equal(f(['[   29.429680][    T0] WARNING: WARNING: Bad or missing .orc_unwind table.  Disabling unwinder.']).kernelCrashes, []);
  assert.equal(f(['[ 1555.670343] WARNING: CPU: 0 PID: 345 at ', 'drivers/usb/musb/musb_host.c:125 musb_h_tx_flush_fifo+0x1c0/0x20c']).kernelCrashes, ['warning']);
});

test("a journal's systemd-fsck line says systemd runs: a bare `Failed to start File System Check on …` after it is its failure", () => {
  const r = f(['Aug 21 23:14:44 Sys-1 systemd-fsck[1008]: root contains a file system with errors, check forced.', 'fsck failed with exit status 4.', 'Failed to start File System Check on /dev/disk/by-uuid/6dfe2260-a4b9-4915-bbbd-dfc1ee46b02f.', 'Aug 21 23:14:45 Sys-1 systemd[1]: Dependency failed for /home.']);
  assert.is(r.rootCause, 'systemd-fsck@dev-disk-by\\x2duuid-6dfe2260\\x2da4b9\\x2d4915\\x2dbbbd\\x2ddfc1ee46b02f.service');
});

test('a journal paste that ends at its `-- Reboot --` separator shows no more of the next boot: one boot', () => {
  const lines = ['lug 02 12:57:23 ubuntu18 systemd[1]: Starting Snappy daemon...', 'lug 02 12:58:54 ubuntu18 systemd[1]: Started Snappy daemon.', '-- Reboot --'];
  assert.is(f(lines).boots, 1);
  assert.is(f([...lines, 'lug 02 13:00:01 ubuntu18 kernel: Linux version 4.15.0-24-generic']).boots, 2);
});

test("lsb-base's failure message with its status (` * File system check failed  [Fail]`) is the failed step; the error a few lines before is its evidence", () => {
  const r = analyze(['Checking drive /dev/sda3: 67% (stage 1/5, 1814/1886)', 'Error reading block 61371369 (Attempt to read block from filesystem resulted in short read) while reading indirect blocks of inode 14860312', '', '/dev/sda3: UNEXPECTED INCONSISTENCY; run fsck manually', 'fsck died with exit status 4', '', '* File system check failed                               [Fail]', '* A maintenance shell will now be started', 'Give root password for maintenance', '(or type Control-D to continue):'].join('\n') + '\n');
  const rc = r.rootCause!;
  assert.match(rc.headline, /File system check failed/);
  assert.ok(rc.evidence.some((e) => e.line === 2));
});

test("a sleeping-in-atomic BUG's own reason line (`in_atomic(): 1, irqs_disabled(): 0, …`) is its evidence", () => {
  const r = analyze(['[  100.000000] BUG: sleeping function called from invalid context at kernel/module/main.c:100', '[  100.000001] in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 3487, name: trinity-main'].join('\n') + '\n');
  assert.ok(r.rootCause!.evidence.some((e) => e.line === 2));
});

test("OpenWrt's preinit that never hands over to procd, the log going on past its failsafe prompt, is where the boot hung; cut at the prompt, nothing shows a hang", () => {
  const head = ['[    0.000000] Linux version 4.14.162 (builder@buildhost) #0 Mon Jan 6 16:47:09 2020', '[    2.026942] init: Console is alive', '[    2.030709] init: - watchdog -', '[    3.193344] init: - preinit -', 'Press the [f] key and hit [enter] to enter failsafe mode', 'Press the [1], [2], [3] or [4] key and hit [enter] to select the debug level'];
  const hung = analyze([...head, '[    6.266613] eth0: link up (1000Mbps/Full duplex)'].join('\n') + '\n');
  assert.match(hung.rootCause!.headline, /preinit never handed over to procd/);
  assert.is(hung.rootCause!.description, 'Press the [f] key and hit [enter] to enter failsafe mode');
  assert.is(analyze(head.join('\n') + '\n').rootCause, null, 'cut at the prompt');
  // procd took over: no hang.
  assert.is(analyze([...head, '[    5.100000] procd: - early -', '[    6.266613] eth0: link up (1000Mbps/Full duplex)'].join('\n') + '\n').rootCause, null);
});

test("a crash in a subsystem's own code quotes that subsystem's error just before it, and the task and work that crashed", () => {
  const r = analyze(
    [
      '[   64.330988] ACPI Error: Needed [Integer/String/Buffer], found [Device] 00000000bb8dd8d6 (20230628/exresop-388)',
      '[   64.332167] ACPI Error: AE_AML_OPERAND_TYPE, While resolving operands for [Add] (20230628/dswexec-433)',
      '[   64.333280] general protection fault, probably for non-canonical address 0x915f308712880693: 0000 [#1] PREEMPT SMP NOPTI',
      '[   64.334291] CPU: 9 PID: 178 Comm: kworker/9:1 Tainted: G     U             6.6.8-arch1-1 #1',
      '[   64.336405] Workqueue: pm pm_runtime_work',
      '[   64.337523] RIP: 0010:acpi_ps_delete_parse_tree+0xd0/0x1b0',
    ].join('\n') + '\n',
  );
  const lines = r.rootCause!.evidence.map((e) => e.line);
  for (const l of [2, 4, 5, 6]) assert.ok(lines.includes(l), `line ${l} is evidence`);
  // (An error of another subsystem is not this crash's.)
  const other = analyze(['[   64.332167] usb 1-1: device descriptor read/64, error -71', '[   64.333280] general protection fault, probably for non-canonical address 0x915f308712880693: 0000 [#1] PREEMPT SMP NOPTI', '[   64.337523] RIP: 0010:acpi_ps_delete_parse_tree+0xd0/0x1b0'].join('\n') + '\n');
  assert.not.ok(other.rootCause!.evidence.some((e) => e.line === 1 && /usb said/.test(e.why)));
});

test('a prompt of the user name alone (`root#`, PS1=\'\\u# \') is a shell of the booted system', () => {
  assert.ok(f(['[  OK  ] Reached target Multi-User System.', 'root#']).loginReached);
  assert.not.ok(f(['[  OK  ] Reached target Multi-User System.', 'root# is the prompt']).loginReached);
});

test('a unit PID 1 restarts again and again after it failed, or in pre-236 words, never stays up; a getty restarted after each logout is no loop', () => {
  const old = ['Jul 11 00:37:04 localhost systemd[1]: serial-getty@ttyS0.service: Service hold-off time over, scheduling restart.', 'Jul 11 00:37:04 localhost systemd[1]: Stopped Serial Getty on ttyS0.', 'Jul 11 00:37:04 localhost systemd[1]: Started Serial Getty on ttyS0.'];
  const r = f([...old, ...old, ...old]);
  assert.is(r.rootCause, 'serial-getty@ttyS0.service');
  assert.is(f(old).rootCause, null, 'one restart is no loop');
  const logout = (t: string) => [`Aug 26 ${t} debian systemd[1]: getty@tty1.service: Succeeded.`, `Aug 26 ${t} debian systemd[1]: getty@tty1.service: Scheduled restart job, restart counter is at 1.`, `Aug 26 ${t} debian systemd[1]: Stopped Getty on tty1.`, `Aug 26 ${t} debian systemd[1]: Started Getty on tty1.`];
  assert.is(f([...logout('12:01:01'), ...logout('12:01:45'), ...logout('12:02:30')]).rootCause, null);
  const failing = (n: number) => [`Aug 26 12:0${n}:01 h systemd[1]: foo.service: Main process exited, code=exited, status=1/FAILURE`, `Aug 26 12:0${n}:01 h systemd[1]: foo.service: Failed with result 'exit-code'.`, `Aug 26 12:0${n}:02 h systemd[1]: foo.service: Scheduled restart job, restart counter is at ${n}.`];
  assert.is(f([...failing(1), ...failing(2), ...failing(3)]).rootCause, 'foo.service');
});

test("sysvinit's `INIT: Id \"X\" respawning too fast` is the failure, unless someone logged in on another console", () => {
  assert.is(f(['INIT: Id "O0" respawning too fast: disabled for 5 minutes']).rootCause, 'INIT: Id "O0" respawning too fast');
  assert.is(f(['INIT: version 2.88 booting', 'INIT: Id "acm" respawning too fast: disabled for 5 minutes', 'buildroot login: root']).rootCause, null);
  // (A prompt alone is no login: the getty that keeps failing may be the one that should have shown it.)
  assert.is(f(['INIT: version 2.88 booting', 'INIT: Id "acm" respawning too fast: disabled for 5 minutes', 'buildroot login: ']).rootCause, 'INIT: Id "acm" respawning too fast');
});

test("udev killing a worker whose device event never finished is a device that stopped responding", () => {
  const r = analyze('Jan 17 10:06:02 slack64 udevd[209]:  worker [219] /devices/pci0000:00/usb3/3-4/host8/target8:0:0/8:0:0:0/block/sr0 timeout; kill it\n');
  assert.match(r.rootCause!.headline, /device stopped responding: worker \[219\] .*sr0 timeout; kill it/);
});

test("PID 1's `Unit initrd.target not found.` (an initrd built without dracut's systemd module) is the failure", () => {
  assert.is(f(['[    3.666695] systemd[1]: Running in initial RAM disk.', '[    3.753486] systemd[1]: Unit initrd.target not found.']).rootCause, 'initrd.target');
  assert.is(f(['[    3.753486] systemd[1]: Unit foo.target not found.']).rootCause, null, 'another target is not the one it boots into');
});

test('a log that ends on the kernel beginning a step (`smp: Bringing up secondary CPUs ...`), before init, is where the kernel stopped', () => {
  const head = ['[    0.000000] Linux version 5.6.0-rc4 (x@y) #1 SMP', '[    0.141784] rcu: Hierarchical SRCU implementation.'];
  const r = analyze([...head, '[    0.147537] smp: Bringing up secondary CPUs ...'].join('\n') + '\n');
  assert.is(r.rootCause!.description, 'smp: Bringing up secondary CPUs ...');
  assert.is(analyze([...head, '[    0.147537] smp: Bringing up secondary CPUs ...', '[    0.150000] smp: Brought up 1 node, 8 CPUs'].join('\n') + '\n').rootCause, null);
});

test("a firmware's `Welcome to Microwatt !` is no systemd welcome, and the kernel's log replayed to a console registering late is the same boot", () => {
  const kernel = ['[    0.000000] printk: bootconsole [udbg0] enabled', '[    0.000000] Linux version 5.7.0 (x@y) #7 Sun Jan 2 19:32:23 GMT 2022', '[    2.546014] printk: console [ttyS0] disabled', '[    2.571655] serial8250.0: ttyS0 at MMIO 0xc0002000 (irq = 16, base_baud = 3125000) is a 16550A'];
  const r = f(['Welcome to Microwatt !', ...kernel, '[    0.000000] printk: bootconsole [udbg0] enabled', '[    0.000000] Linux version 5.7.0 (x@y) #7 Sun Jan 2 19:32:23 GMT 2022', '[    7.501594] random: fast init done']);
  assert.is(r.boots, 1);
  assert.is(r.cycles, 0);
});

test("MIPS's untimed `CPU 0 Unable to handle kernel …` opens the oops, and its `epc   : <address> fn+0x…` says where", () => {
  const r = analyze(['CPU 0 Unable to handle kernel paging request at virtual address 00000000, epc == 801be4f0, ra == 80993778', 'Oops[#1]:', 'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.9.0-rc8 #3', 'epc   : 801be4f0 cmpxchg_futex_value_locked+0x2c/0x78'].join('\n') + '\n');
  assert.match(r.rootCause!.headline, /in cmpxchg_futex_value_locked/);
  assert.ok(r.rootCause!.evidence.some((e) => e.line === 1));
});

test("a unit whose process could not even be run (`(strun.sh)[518]: X: Failed at step EXEC spawning …`) failed, in a journal excerpt that shows nothing else of it", () => {
  assert.is(f(['...', 'Jan 29 19:58:24 raspberrypi (strun.sh)[518]: kernel-command-line.service: Failed at step EXEC spawning /boot/firstrun.sh: No such file or directory', '...']).rootCause, 'kernel-command-line.service');
  const r = analyze(["Jan 29 06:23:47 h (_manager)[775]: foo.service: Unable to locate executable '/usr/bin/foo': No such file or directory", "Jan 29 06:23:47 h systemd[1]: foo.service: Main process exited, code=exited, status=203/EXEC", "Jan 29 06:23:47 h systemd[1]: foo.service: Failed with result 'exit-code'."].join('\n') + '\n');
  assert.is(findings(r).rootCause, 'foo.service');
  assert.ok(r.rootCause!.evidence.some((e) => e.line === 1));
  // (Alone it is no failure: an ExecStartPre=- command may be missing, and the unit goes on.)
  assert.is(f(["Dec 02 04:07:45 lab systemd[1]: Started emergency.service - Emergency Shell.", "Dec 02 04:07:52 lab (plymouth)[437]: emergency.service: Unable to locate executable 'plymouth': No such file or directory"]).failed.length, 0);
});

test("arm64's `pc : fn+0x…` printed with an SError before the panic's report is where the kernel was", () => {
  const r = analyze(['[    4.012850] SError Interrupt on CPU2, code 0x00000000bf000002 -- SError', '[    4.012877] pc : clk_imx8mp_audiomix_runtime_resume+0x38/0x48', '[    4.012973] Kernel panic - not syncing: Asynchronous SError Interrupt'].join('\n') + '\n');
  const lines = r.rootCause!.evidence.map((e) => e.line);
  assert.ok(lines.includes(1) && lines.includes(2));
});


test('on a release candidate or linux-next kernel a WARNING is the finding, not a unit that failed with nothing after it; on a release kernel the unit is', () => {
  const log = (version: string) => [
    `[    0.000000] Linux version ${version} (x@y) (gcc 9) #1 SMP`,
    '[    1.000000] systemd[1]: systemd 245 running in system mode. (+PAM)',
    '[FAILED] Failed to start Load Kernel Modules.',
    "See 'systemctl status systemd-modules-load.service' for details.",
    '[   20.000000] ------------[ cut here ]------------',
    '[   20.000001] WARNING: CPU: 0 PID: 567 at fs/attr.c:327 notify_change+0x4c/0x4a0',
    '[   20.000002] Modules linked in:',
    '[   20.000003] ---[ end trace 0000000000000000 ]---',
    '',
    'host login: ',
  ];
  assert.is(f(log('6.1.0-rc1-4a6f278d4827+')).rootCause, 'warning');
  assert.is(f(log('5.3.0-rc4-next-20190814-autotest')).rootCause, 'warning');
  assert.is(f(log('6.1.0-13-amd64')).rootCause, 'systemd-modules-load.service');
});

test("one program crashing again and again until the log ends (systemd-coredump's own crashes, their aborted cores counted once) is why the boot went no further", () => {
  const crash = (pid: number) => [`[  129.355889] Process ${pid}(systemd-coredum) has RLIMIT_CORE set to 1`, '[  129.355893] Aborting core'];
  const lines = [...crash(582), '[  129.356418] systemd-coredum[583]: unhandled signal 4 code 0x1 at 0x0000003fb8b162c4 in ld-2.32.so[3fb8b11000+1b000]', ...crash(583), ...crash(584), ...crash(585), ...crash(586)];
  const r = f(lines);
  assert.is(r.rootCauseDescription, 'systemd-coredum[583]: unhandled signal 4 code 0x1 at 0x0000003fb8b162c4 in ld-2.32.so[3fb8b11000+1b000]');
  assert.is(r.cycles, 1);
  // Four crashes are not yet a loop; a login after them is a boot that went on.
  assert.is(f(lines.slice(0, 7)).rootCause, null);
  assert.is(f([...lines, 'host login: ']).rootCause, null);
});

test('a complaint said again and again, its numbers changing, until the log ends is where the boot went round; a loop that says all is well is none', () => {
  const declines = [51, 53, 54, 55, 56, 57, 58].map((n) => `dracut-initqueue[1902]: wicked: eth0: Declining DHCPv4 lease with address 10.252.0.${n}`);
  const r = f(['dracut-initqueue[1902]: wicked: eth0: Request to acquire DHCPv4 lease', declines[0]!, 'random: fast init done', ...declines.slice(1)]);
  assert.is(r.rootCauseDescription, 'wicked: eth0: Declining DHCPv4 lease with address 10.252.0.51');
  // Not when the boot goes on past it, nor for a line that complains of nothing.
  assert.is(f([...declines, 'host login: ']).rootCause, null);
  assert.is(f(declines.map((d) => d.replace('Declining DHCPv4 lease with address', 'Successfully acquired lease'))).rootCause, null);
});

test("an SD card its host cannot bring up while the kernel waits for its root is why the root never came", () => {
  const lines = ['[    0.000000] Linux version 5.9.0-rc3-next-20200902 (x@y) (gcc 10) #1 SMP', '[    1.735564] mmc1: SDHCI controller on fe340000.emmc2 [fe340000.emmc2] using ADMA', '[    1.752060] Waiting for root device PARTUUID=45a8dd8a-02...'];
  const errs = [1.80, 1.89, 1.97, 2.07].flatMap((t) => [`[    ${t.toFixed(6)}] mmc1: unrecognised SCR structure version 4`, `[    ${(t + 0.005).toFixed(6)}] mmc1: error -22 whilst initialising SD card`]);
  const r = f([...lines, ...errs]);
  assert.is(r.rootCause, 'mmc1: error -22 whilst initialising SD card');
  assert.ok(r.rootEvidence.some((e) => e.includes('Waiting for root device PARTUUID=45a8dd8a-02')));
  // Without the card's errors, the wait alone.
  assert.is(f(lines).rootCause, 'dev-disk-by\\x2dpartuuid-45a8dd8a\\x2d02.device');
});

test("a WARNING in the task whose BUG follows at once is where the chain began, the task known by its name when the BUG gives no id", () => {
  const r = f([
    '[    4.581667] WARNING: CPU: 2 PID: 552 at drivers/iommu/dma-iommu.c:848 iommu_dma_unmap_page+0x79/0xa0',
    '[    4.581712] CPU: 2 PID: 552 Comm: napi/phy0-324 Tainted: G        W  OE     5.16.0-1-MANJARO #1',
    '[    4.581716] RIP: 0010:iommu_dma_unmap_page+0x79/0xa0',
    '[    4.581766] ---[ end trace 36df375102c4934b ]---',
    '[    4.581873] BUG: Bad page state in process napi/phy0-324  pfn:11ec10',
    '[    4.581883] page dumped because: nonzero _refcount',
  ]);
  assert.is(r.rootCause, 'warning');
  // Another task's BUG: its own.
  assert.is(f(['[    4.581667] WARNING: CPU: 2 PID: 552 at drivers/iommu/dma-iommu.c:848 iommu_dma_unmap_page+0x79/0xa0', '[    4.581712] CPU: 2 PID: 552 Comm: napi/phy0-324 Tainted: G        W  OE     5.16.0-1-MANJARO #1', '[    4.581766] ---[ end trace 36df375102c4934b ]---', '[    4.581873] BUG: Bad page state in process modprobe  pfn:11ec10']).rootCause, 'bug');
});

test("a BusyBox shell's banner just before the initramfs's prompt is that shell's: no login", () => {
  const r = f(['[    0.000000] Linux version 6.10.0 (x@y) (gcc 9) #1 SMP', '[    1.000000] Run /init as init process', '[    5.000000] ata1.00: failed to IDENTIFY (I/O error, err_mask=0x4)', ...Array.from({ length: 16 }, (_, i) => `+ mkdir -p /run/step${i}`), '', 'BusyBox v1.35.0 (Debian 1:1.35.0-2) built-in shell (ash)', "Enter 'help' for a list of built-in commands.", '', '(initramfs) ']);
  assert.is(r.emergency, 'initramfs-shell');
  assert.is(r.loginReached, false);
  // A board that boots into its shell, nothing wrong before: that shell is where the boot ends.
  assert.is(f(['[    0.000000] Linux version 6.10.0 (x@y) (gcc 9) #1 SMP', '[    1.000000] Run /sbin/init as init process', 'BusyBox v1.35.0 (2024-01-01) built-in shell (ash)', '/ # ']).loginReached, true);
});

test("a screen retyped in lower case without its stop still names the unit it names in full; a line that names none is no status line", () => {
  const r = f(['cros-ec-uart: probe of serial0-0 failed with error -5', 'failed to mount boot-efi.mount - /boot/efi']);
  assert.is(r.rootCause, 'boot-efi.mount');
  assert.is(f(['failed to mount the share']).rootCause, null);
});

test('a ZFS pool whose import failed just before a mount failed is why the mount failed (ZFS mounts by name, no device between)', () => {
  const r = f(['[FAILED] Failed to start Import ZFS pools by cache file.', "See 'systemctl status zfs-import-cache.service' for details.", '[FAILED] Failed to mount /sysroot.', "See 'systemctl status sysroot.mount' for details.", '[DEPEND] Dependency failed for Initrd Root File System.']);
  assert.is(r.rootCause, 'zfs-import-cache.service');
  // Another service failing before a mount is no cause of it.
  assert.is(f(['[FAILED] Failed to start Foo Service.', "See 'systemctl status foo.service' for details.", '[FAILED] Failed to mount /sysroot.', "See 'systemctl status sysroot.mount' for details.", '[DEPEND] Dependency failed for Initrd Root File System.']).rootCause, 'sysroot.mount');
});

test("PID 1's job result cut off at the end of a pasted line is the result it begins; its status line joins the failure it made", () => {
  const r = f([
    "systemd[1]: cryptosd-luks@x.service: Job cryptosd-luks@x.service/start failed with result 'dependenc",
    'systemd[1]: Dependency failed for Open DM-Crypt LUKS on SD-card x.',
    'systemd[1]: Timed out waiting for device dev-crypto_luks_x.device.',
  ]);
  assert.equal(r.dependencyFailed, ['cryptosd-luks@x.service']);
});

test("the scheduler's `BUG: arch topology borken` is a message, not a crash", () => {
  assert.equal(f(['[    0.400000] BUG: arch topology borken', '[    0.400001]      the CLS domain not a subset of the MC domain']).kernelCrashes, []);
});

test('a LUKS device that never came, then the volume inside it: the first is why the second never came', () => {
  const r = f([
    '[ TIME ] Timed out waiting for device /dev/disk/by-label/cryptroot.',
    '[DEPEND] Dependency failed for Cryptography Setup for luksroot.',
    '[DEPEND] Dependency failed for Local Encrypted Volumes.',
    '[ TIME ] Timed out waiting for device /dev/disk/by-label/root.',
    '[DEPEND] Dependency failed for /sysroot.',
    '[DEPEND] Dependency failed for Initrd Root File System.',
    'You are in emergency mode. After logging in, type "journalctl -xb" to view',
  ]);
  assert.is(r.rootCause, 'dev-disk-by\\x2dlabel-cryptroot.device');
  // Without the crypt setup between them, the device the root waited for.
  assert.is(f(['[ TIME ] Timed out waiting for device /dev/disk/by-label/data.', '[DEPEND] Dependency failed for /data.', '[ TIME ] Timed out waiting for device /dev/disk/by-label/root.', '[DEPEND] Dependency failed for /sysroot.', '[DEPEND] Dependency failed for Initrd Root File System.', 'You are in emergency mode. After logging in, type "journalctl -xb" to view']).rootCause, 'dev-disk-by\\x2dlabel-root.device');
});

test("the kernel's last lines one complaint said again and again (its numbers changing) is where the boot went no further", () => {
  const phy = [8, 9, 1, 4, 5, 6].map((n, i) => `[  147.${String(613121 + i).padStart(6, '0')}] fsl_dpa soc:fsl,dpaa:ethernet@${n} eth${i}: phy device not initialized`);
  const head = ['[    0.000000] Linux version 6.6.0 (x@y) (gcc 12) #1 SMP', '[   69.708828] systemd[1]: systemd 252 running in system mode (+PAM)', '[  OK  ] Reached target Multi-User System.'];
  const r = f([...head, ...phy]);
  assert.is(r.rootCauseDescription, 'fsl_dpa soc:fsl,dpaa:ethernet@8 eth0: phy device not initialized');
  // Five are not yet a loop; a login after them is a boot that went on.
  assert.is(f([...head, ...phy.slice(1)]).rootCause, null);
  assert.is(f([...head, ...phy, 'vyos login: ']).rootCause, null);
});

test("e2fsck's `UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.` before a maintenance shell is what went wrong; Android's first stage init that could not mount its partitions failed", () => {
  const r = f(['Checking root filesystem', '/dev/hdc2: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.', '        (i.e., without -a or -p options)', '[FAILED]', '', '*** An error occurred during the file system check.', '*** Dropping you to a shell; the system will reboot', 'Give root password for maintenance', '(or type Control-D for normal startup):']);
  assert.is(r.rootCause, '/dev/hdc2: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.');
  const a = f(['[    2.754379][    T1] init: Failed to create FirstStageMount failed to read default fstab for first stage mount', '[    2.755361][    T1] init: Failed to mount required partitions early ...', '[    2.769961][    T1] init: InitFatalReboot: signal 6', "[    2.889932][    T1] reboot: Restarting system with command 'bootloader'"]);
  assert.is(a.rootCause, 'Failed to mount required partitions early');
});

test("dracut's mount hook that could not mount the root gave up: the root is the cause, and with no root= on the command line the command line is the evidence", () => {
  const tail = ['[    2.139919] fedora systemd[1]: Starting dracut-mount.service - dracut mount hook...', "[    2.238220] fedora dracut-mount[670]: Warning: Can't mount root filesystem", '[    2.247504] fedora systemd[1]: Starting dracut-emergency.service - Dracut Emergency Shell...'];
  const r = f(['[    0.000000] fedora kernel: Linux version 6.14.0 (x@y) (gcc) #1 SMP', '[    0.000000] fedora kernel: Kernel command line: console=ttyS0,115200', '[    1.500000] fedora systemd[1]: systemd 257 running in system mode (+PAM)', ...tail]);
  assert.is(r.rootCauseKind, 'root-device');
  assert.ok(r.rootEvidence.some((e) => e.includes('Kernel command line: console=ttyS0,115200')));
  assert.is(r.emergencyTriggeredBy, 'dracut-mount.service');
  // A root= that would not mount: that root is named, and the command line is not needed to say so.
  const named = analyze(['[    0.000000] fedora kernel: Linux version 6.14.0 (x@y) (gcc) #1 SMP', '[    0.000000] fedora kernel: Kernel command line: root=/dev/vda3 ro', '[    1.500000] fedora systemd[1]: systemd 257 running in system mode (+PAM)', ...tail].join('\n') + '\n');
  assert.match(named.boots[0]!.cycles[0]!.rootCause!.headline, /\/dev\/vda3/);
  // Without the hook's words, no such cause.
  assert.not.equal(f(['[    1.500000] fedora systemd[1]: systemd 257 running in system mode (+PAM)', tail[0]!, tail[2]!]).rootCauseKind, 'root-device');
});

test("rsyslog writes journald's first lines of a boot, then the kernel's ring buffer from its banner, in the same second: one boot", () => {
  const early = ['Feb  8 22:48:39 host systemd[1]: Mounted Kernel Trace File System.', 'Feb  8 22:48:39 host systemd[1]: Finished Load Kernel Module fuse.'];
  const ring = ['Feb  8 22:48:39 host kernel: [    0.000000] Linux version 5.15.0-78-generic (buildd@x) (gcc) #85-Ubuntu SMP', 'Feb  8 22:48:39 host kernel: [    0.000000] Command line: BOOT_IMAGE=/vmlinuz', 'Feb  8 22:48:40 host systemd[1]: Started Foo.'];
  const r = f([...early, ...ring]);
  assert.is(r.boots, 1);
  assert.is(r.cycles, 1);
  // Lines written a minute before a banner are the boot before it.
  const before = early.map((l) => l.replace('22:48:39', '22:47:30'));
  assert.is(f([...before, ...ring]).boots, 2);
});

test("PID 1 starting a person's session scope is a login; a greeter's session is not", () => {
  assert.ok(f(['Nov  1 12:30:19 host systemd[1]: Started Login Service.', 'Nov  1 12:30:32 host systemd[1]: Started Session 2 of user roy.']).loginReached);
  assert.ok(f(['Nov  1 12:30:19 host systemd[1]: Started Login Service.', 'Nov  1 12:30:32 host systemd[1]: Started session-3.scope - Session 3 of User root.']).loginReached);
  assert.not.ok(f(['Nov  1 12:30:19 host systemd[1]: Started Login Service.', 'Nov  1 12:30:21 host systemd[1]: Started Session c1 of user gdm.']).loginReached);
});

test("PID 1's own error a line or two up on the kernel's log, an audit record between, is why it froze", () => {
  const r = f(['[    3.255868] systemd[1]: Successfully loaded SELinux policy in 95.276ms.', '[    3.257693] systemd[1]: Failed to initialize SELinux labeling handle: Permission denied', '[    3.257699] audit: type=1400 audit(1747377930.732:4): avc:  denied  { read } for  pid=1 comm="systemd"', '[!!!!!!] Failed to initialize MAC support.', '[    3.261189] systemd[1]: Freezing execution.']);
  assert.ok(r.rootEvidence.some((e) => e.includes('Failed to initialize SELinux labeling handle')));
});

test("an RCU stall's `kthread starved` line, with or without the `rcu: ` prefix of newer kernels, is why the report was made", () => {
  for (const prefix of ['', 'rcu: ']) {
    const r = f(['[ 2789.148915] INFO: rcu_sched self-detected stall on CPU', '[ 2789.190000] \t0-...!: (1 GPs behind) idle=7ee/1/0', `[ 2789.208168] ${prefix}rcu_sched kthread starved for 146198 jiffies! g18446744073709551440 c18446744073709551439 f0x0 RCU_GP_WAIT_FQS(3) ->state=0x402 ->cpu=0`]);
    assert.ok(r.rootEvidence.some((e) => e.includes('kthread starved for 146198 jiffies')), prefix);
  }
});

test("a unit's process's errors just above its last words, before PID 1 says the process exited, are the failure's evidence", () => {
  const r = f([
    'Nov  1 17:26:01 host systemd[1]: Starting The Apache HTTP Server...',
    'Nov  1 17:26:01 host apachectl[681]: AH00526: Syntax error on line 11 of /etc/apache2/sites-enabled/nagios.conf:',
    "Nov  1 17:26:01 host apachectl[681]: Invalid command 'SSLRequireSSL', perhaps misspelled",
    "Nov  1 17:26:01 host apachectl[681]: Action 'start' failed.",
    'Nov  1 17:26:01 host apachectl[681]: The Apache error log may have more information.',
    'Nov  1 17:26:01 host systemd[1]: apache2.service: Control process exited, code=exited status=1',
    "Nov  1 17:26:01 host systemd[1]: apache2.service: Failed with result 'exit-code'.",
    'Nov  1 17:26:01 host systemd[1]: Failed to start The Apache HTTP Server.',
  ]);
  assert.is(r.rootCause, 'apache2.service');
  assert.ok(r.rootEvidence.some((e) => e.includes('AH00526: Syntax error')));
});

test('a WARNING in the format of kernels since 6.18 (file first, `CPU#0:` last) is a warning without timestamps too, with its words after `cut here`', () => {
  const r = f(['ftrace: allocated 287 pages with 6 groups', '------------[ cut here ]------------', 'DEBUG_LOCKS_WARN_ON(lock->magic != lock)', 'WARNING: kernel/locking/mutex.c:156 at mutex_lock+0xcc/0x100, CPU#0: swapper/0/0', 'Modules linked in:', 'CPU: 0 UID: 0 PID: 0 Comm: swapper/0 Not tainted 6.18.0-rc6 #1 VOLUNTARY']);
  assert.equal(r.kernelCrashes, ['warning']);
  assert.ok(r.rootEvidence.some((e) => e.includes('DEBUG_LOCKS_WARN_ON')));
  // A script's own `WARNING:` is still no kernel's.
  assert.equal(f(['WARNING: config file not found, using defaults']).kernelCrashes, []);
});

test("a test harness quoting the kernel's lines it matched is no new boot and no new crash", () => {
  const k = (t: string, m: string) => `2023-01-13T04:31:10 [${t.padStart(12)}] ${m}`;
  const lines = [k('0.000000', 'Linux version 6.2.0-rc3 (x@y) (gcc) #1 SMP'), k('1.400214', 'RETBleed: WARNING: Spectre v2 mitigation leaves CPU vulnerable to RETBleed attacks, data leaks possible!'), k('15.000000', 'Run /sbin/init as init process'), k('16.295799', 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000009')];
  const quoted = [`2023-01-13T04:31:10 {'case': 'kernel-messages', 'definition': 'lava', 'extra': {'extra': [{'kind': 'warning', 'message': '[    1.400214] RETBleed: WARNING: Spectre v2 mitigation leaves CPU vulnerable\\r\\n'}]}}`, `2023-01-13T04:31:10 auto-login-action failed: 1 of 1 attempts. '[   16.295799] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000009`, k('16.295799', 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000009')];
  const r = f([...lines, ...quoted]);
  assert.is(r.boots, 1);
  assert.equal(r.kernelCrashes, ['panic']);
  // After the kernel said it restarts, its first lines at the same stamps are the next boot's (a coarse clock).
  const again = f(['[    0.000000] Linux version 3.11.6 (x@y) #1 SMP', '[    0.020000] Failed to access perfctr msr (MSR c1 is 0)', '[  392.044198] reboot: Restarting system', '[    0.020000] Failed to access perfctr msr (MSR c1 is 0)']);
  assert.is(again.boots, 2);
});

test("a system generator's failure in a journal, logged by the helper PID 1 forked, with the generator's own error; gpt-auto's breaks the boot only when the log shows nothing went on", () => {
  const r = f(['Nov 23 06:41:08 hp systemd-gpt-auto-generator[613]: Failed to dissect: Permission denied', 'Nov 23 06:41:08 hp systemd[606]: /usr/lib/systemd/system-generators/systemd-gpt-auto-generator failed with exit status 1.']);
  assert.is(r.rootCauseDescription ?? r.rootCause, '/usr/lib/systemd/system-generators/systemd-gpt-auto-generator failed with exit status 1');
  assert.ok(r.rootEvidence.some((e) => e.includes('Failed to dissect')));
  const after = f(['Sep 24 22:09:24 circus (sd-exec-[756]: /usr/lib/systemd/system-generators/systemd-gpt-auto-generator failed with exit status 1.', 'Sep 24 22:09:24 circus systemd-gpt-auto-generator[763]: /dev/nvme0n1: No root partition for specified root hash found.']);
  assert.ok(after.rootEvidence.some((e) => e.includes('No root partition')));
  // A user manager's own generators are not PID 1's.
  assert.is(f(['Nov 23 06:41:08 hp systemd[1606]: /usr/lib/systemd/user-generators/foo-generator failed with exit status 1.']).rootCause, null);
});

test('a unit killed in the initrd, as the switch to the real root stopped it, failed; stopped so elsewhere it did not', () => {
  const lines = (where: string[]) => [...where, 'systemd[1]: Starting Cleaning Up and Shutting Down Daemons...', 'systemd[1]: initrd-cleanup.service: Main process exited, code=killed, status=15/TERM', 'systemd[1]: Stopped Cleaning Up and Shutting Down Daemons.', 'systemd[1]: initrd-cleanup.service: Unit entered failed state.'];
  assert.is(f(lines(['systemd[1]: Reached target Initrd File Systems.', 'systemd[1]: Reached target Initrd Default Target.'])).rootCause, 'initrd-cleanup.service');
  const foo = ['systemd[1]: Reached target Multi-User System.', 'systemd[1]: Starting Foo Daemon...', 'systemd[1]: foo.service: Main process exited, code=killed, status=15/TERM', 'systemd[1]: Stopped Foo Daemon.', 'systemd[1]: foo.service: Unit entered failed state.'];
  assert.is(f(foo).rootCause, null);
  assert.is(f(['systemd[1]: Reached target Initrd Default Target.', ...foo.slice(1)]).rootCause, 'foo.service');
});

test("the process systemd forked for a unit that could not set itself up (before exec) is that unit's failure", () => {
  const r = f(['[   11.566696] systemd[1]: Mounting POSIX Message Queue File System...', '[   11.583212] systemd[106]: dev-mqueue.mount: Failed to apply ambient capabilities (before UID change): Invalid argument', '[   11.611878] systemd[1]: Mounting Kernel Debug File System...']);
  assert.is(r.rootCause, 'dev-mqueue.mount');
});

test('kernel modules that did not load, first, explain a kernel file system that then would not mount', () => {
  const r = f(['[FAILED] Failed to start Load Kernel Modules.', "See 'systemctl status systemd-modules-load.service' for details.", '[FAILED] Failed to mount RPC Pipe File System.', "See 'systemctl status run-rpc_pipefs.mount' for details.", '[DEPEND] Dependency failed for RPC security service for NFS client and server.']);
  assert.is(r.rootCause, 'systemd-modules-load.service');
  // Another mount is not a module's.
  assert.is(f(['[FAILED] Failed to start Load Kernel Modules.', "See 'systemctl status systemd-modules-load.service' for details.", '[FAILED] Failed to mount /data.', "See 'systemctl status data.mount' for details.", '[DEPEND] Dependency failed for Local File Systems.']).rootCause, 'data.mount');
});

test("`systemctl status`'s journal lines and a process's very last line before it exited are the failure's evidence", () => {
  const st = f(['$ sudo systemctl -l status mnt.mount', '● mnt.mount - /mnt', '   Loaded: loaded (/etc/fstab; bad; vendor preset: disabled)', '   Active: failed (Result: exit-code) since Tue 2017-10-10 21:17:25 UTC; 9min ago', '', 'Oct 10 21:17:25 host systemd[1]: Mounting /mnt...', "Oct 10 21:17:25 host mount[1025]: mount: unknown filesystem type 'ntfs'", 'Oct 10 21:17:25 host systemd[1]: Failed to mount /mnt.']);
  assert.ok(st.rootEvidence.some((e) => e.includes("unknown filesystem type 'ntfs'")));
  const last = f(['systemd[1]: Starting CoreOS Metadata Agent (SSH Keys)...', 'coreos-metadata[726]: Error: writing ssh keys', 'coreos-metadata[726]: Caused by: update-ssh-keys: no keys found in "/home/core/.ssh/authorized_keys.d"', 'systemd[1]: coreos-metadata-sshkeys@core.service: Main process exited, code=exited, status=1/FAILURE']);
  assert.ok(last.rootEvidence.some((e) => e.includes('no keys found')));
});

test('emergency mode\'s banner glued after a [DEPEND] line is the mode, and the [DEPEND] names its unit', () => {
  const r = f(['[FAILED] Failed to mount /boot.', '[DEPEND] Dependency failed for Local File Systems. You are in emergency mode. After logging in, type "journalctl -xb" to view']);
  assert.is(r.emergency, 'emergency');
  assert.equal(r.dependencyFailed, ['local-fs.target']);
});

test("PID 1 that could not run init, then not its fallback shell: the first it could not run is why it froze", () => {
  const r = f(['[  !!  ] Failed to execute /sbin/init', '[  155.046531] systemd[1]: No /sbin/init, trying fallback', '[  155.046987] systemd[1]: Failed to execute /bin/sh, giving up: No such file or directory', '[!!!!!!] Failed to execute fallback shell, freezing.']);
  assert.is(r.rootCause, 'Failed to execute /sbin/init');
  assert.ok(r.rootEvidence.some((e) => e.includes('[  !!  ] Failed to execute /sbin/init')));
});

test("32-bit ARM's `Unhandled fault: …` before its `Internal error` titles the oops; alone (a user program's fault) it is no crash", () => {
  const head = ['[    0.000000] Linux version 5.9.0 (x@y) #1 SMP', '[    1.800000] foo: bar'];
  const r = analyze([...head, '[    2.235200] Unhandled fault: page domain fault (0x01b) at 0x00000000', '[    2.235300] pgd = (ptrval)', '[    2.237675] Internal error: : 1b [#1] SMP ARM', '[    2.237800] PC is at pl011_dma_probe+0x1c/0x100'].join('\n') + '\n');
  assert.match(r.boots[0]!.crashes[0]!.title, /^Unhandled fault: page domain fault \(0x01b\) at 0x00000000/);
  assert.equal(f([...head, '[    2.235200] Unhandled fault: page domain fault (0x01b) at 0x00000000', '[    2.300000] foo: bar']).kernelCrashes, []);
});

test("a program's uncaught Python traceback when nothing of systemd's failed is what went wrong, under the unit its description names", () => {
  const head = ['[    0.000000] Linux version 6.6.0 (x@y) #1 SMP', '[    5.000000] systemd[1]: systemd 252 running in system mode (+PAM)', '[  OK  ] Started VyOS Router.'];
  const tb = ['[   60.633474] vyos-router[2211]: Traceback (most recent call last):', '[   60.642149] vyos-router[2211]:   File "/usr/libexec/vyos/run-config-migration.py", line 73, in <module>', '[   60.655197] vyos-router[2211]:     config_migrate.run()', '[   60.776230] vyos-router[2211]: ValueError: Failed to parse config: Syntax error on line 348, character 13: Invalid syntax.'];
  const r = f([...head, ...tb]);
  assert.is(r.rootCause, 'vyos-router.service');
  assert.ok(r.rootEvidence.some((e) => e.includes('ValueError: Failed to parse config')));
  // Without a unit the log ties to the program, the error as printed; a traceback that never ends is no finding.
  assert.is(f([head[0]!, head[1]!, ...tb]).rootCauseDescription, 'ValueError: Failed to parse config: Syntax error on line 348, character 13: Invalid syntax.');
  assert.is(f([...head, ...tb.slice(0, 3)]).rootCause, null);
});

test('s6-overlay in a container: its services, one it could not start, and the container begun where its log begins', () => {
  const r = f(['s6-rc: info: service s6rc-oneshot-runner: starting', 's6-rc: info: service s6rc-oneshot-runner successfully started', 's6-rc: info: service entryinit: starting', 's6-sudoc: fatal: unable to get exit status from server: Operation timed out', 's6-rc: warning: unable to start service entryinit: command exited 111']);
  assert.is(r.boots, 1);
  assert.is(r.cycles, 0);
  assert.is(r.rootCause, 'entryinit');
  const clean = analyze(['/package/admin/s6-overlay/libexec/preinit: notice: /var/run is not a symlink to /run, fixing it', 's6-rc: info: service s6rc-oneshot-runner: starting', 's6-rc: info: service s6rc-oneshot-runner successfully started', 's6-rc: info: service legacy-services successfully started'].join('\n') + '\n');
  assert.is(clean.verdict, 'ok');
  assert.is(clean.boots.length, 1);
  assert.is(clean.boots[0]!.startsMidway, false);
});

test("Finit's `[ OK ]` and `[FAIL]` (one space, no stop) are another init's, not systemd's", () => {
  const r = f(['[ OK ] Verifying SSH host keys', '[ OK ] Starting Configuration daemon', '[FAIL] Loading startup-config', '[ OK ] Loading failure-config', 'failed-00-00-00 login:']);
  assert.is(r.cycles, 0);
  assert.is(r.rootCause, 'Loading startup-config');
  // systemd's own lines retyped with one space keep their stop: still systemd's.
  assert.is(f(['[ OK ] Started Foo Service.', '[FAILED] Failed to start Bar Service.', "See 'systemctl status bar.service' for details."]).cycles, 1);
});

test("an ARM `Internal error:` whose `[#1]` a mail wrapped to the next line is still an oops; a process named systemd reading the random pool is systemd running", () => {
  assert.equal(f(['[  198.750252] pci_bus 0000:01: read pcie, devfn 2, at 0, size 4', '[  198.750881] Internal error: synchronous external abort: 96000210', '[#1] PREEMPT SMP', '[  198.752861] CPU: 1 PID: 1686 Comm: systemd-udevd Not tainted']).kernelCrashes, ['oops']);
  const r = f(['[    0.000000] Linux version 5.5.0 (x@y) #1 SMP', '[   15.331325] random: systemd: uninitialized urandom read (16 bytes read)', '[   16.000000] foo: bar']);
  assert.is(r.cycles, 1);
  assert.is(f(['[    0.000000] Linux version 5.5.0 (x@y) #1 SMP', '[   15.331325] random: udevd: uninitialized urandom read (16 bytes read)']).cycles, 0);
});

test("a kernel that prints the CPU alone after its stamp (`[   13.38][  0] …`, Kylin's and openEuler's) is read as the kernel; PID 1's SERVICE_START audit records, wrapped, are systemd running", () => {
  const r = f(['[   13.380405][  0] Unable to handle kernel NULL pointer dereference', 'at virtual address 0000000000000000', '[   13.441968][  0] Internal error: Oops: 96000045 [#1] SMP', '[   13.472675][  5] audit: type=1130 audit(1599118767.260:14): pid=1', "uid=0 auid=4294967295 ses=4294967295 msg='unit=initrd-parse-etc", '[   13.692051][  0] Kernel panic - not syncing: Fatal exception']);
  assert.equal(r.kernelCrashes, ['oops', 'panic']);
  assert.is(r.cycles, 1);
  // Another program's audit record is not PID 1's.
  assert.is(f(['[    0.000000] Linux version 4.19.90 (x@y) #1 SMP', '[   13.472675] audit: type=1130 audit(1599118767.260:14): pid=734 uid=0 msg=\'op=login\'']).cycles, 0);
});

test("a journal catalog's subject in another language names the failure just above it, when that failure had no name", () => {
  const r = f(['systemd[1]: Failed to start Adjust kernel headers.', '░░ Subject: Ошибка юнита kheaders.service', '░░ Defined-By: systemd']);
  assert.is(r.rootCause, 'kheaders.service');
  // Far from any failure, it names nothing.
  assert.is(f(['systemd[1]: Failed to start Adjust kernel headers.', 'systemd[1]: Started Foo.', 'systemd[1]: Started Bar.', 'systemd[1]: Started Baz.', '░░ Subject: Ошибка юнита kheaders.service']).rootCauseDescription, 'Adjust kernel headers');
});

test("a kernel built from a git tree between releases (git describe's `-12510-g09324d3`, a bisection's commit suffix) is under development: its WARNING outranks a unit that failed", () => {
  const log = (v: string) => [`[    0.000000] Linux version ${v} (x@y) (gcc) #1 SMP`, '[    5.000000] systemd[1]: systemd 252 running in system mode (+PAM)', '[FAILED] Failed to start Load Kernel Modules.', "See 'systemctl status systemd-modules-load.service' for details.", '[   80.000000] ------------[ cut here ]------------', '[   80.000001] WARNING: CPU: 0 PID: 9 at kernel/dma/swiotlb.c:1 swiotlb_map+0x1/0x2', 'debian login: '];
  assert.is(f(log('5.1.0-12510-g09324d3')).rootCause, 'warning');
  assert.is(f(log('6.1.0-830b3c68c1fb')).rootCause, 'warning');
  assert.is(f(log('6.1.0-13-amd64')).rootCause, 'systemd-modules-load.service');
});

test("systemd's `See 'systemctl status X'` with no whole status line above it (torn apart by the kernel's lines) is X's failure", () => {
  const r = f(['[FAILED] Fa[   36.555937] renesas-cpg-mssr e6150000.clock-controller: MSTP 926/i2c-dvfs OFF', '[   36.564451] renesas-cpg-mssr e6150000.clock-controller: MSTP 926/i2c-dvfs ON', 'iled to start    36.572085] renesas-cpg-mssr e6150000.clock-controller: MSTP 926/i2c-dvfs OFF', 'ervice.', "See 'systemctl status pvrinit.service' for details."]);
  assert.ok(r.failed.includes('pvrinit.service'));
  // Just under its whole status line, it names that failure and adds none.
  const whole = f(['[FAILED] Failed to start PowerVR init.', "See 'systemctl status pvrinit.service' for details."]);
  assert.equal(whole.failed, ['pvrinit.service']);
});

test("a [DEPEND] line that lost bytes, just after PID 1's line of the same failure, is that failure again", () => {
  const r = f(['[   34.101315] systemd[1]: Dependency failed for Start psplash-systemd progress communication helper.', '[DEPEND] Dependency failed for Star\uFFFDcprogress communication helper.']);
  assert.equal(r.dependencyFailed.length, 1);
});

test("STM32MP's BL2 names its SoC, then its version, in one run: one boot; the SoC line again is a reset", () => {
  const run = ['NOTICE:  CPU: STM32MP151CAB Rev.?', 'NOTICE:  Model: IKEA home smart prototype', 'NOTICE:  BL2: v2.4-r2.0(release):v2.4-dirty'];
  assert.is(f(run).boots, 1);
  assert.is(f([...run, 'U-Boot 2020.10 (Nov 17 2020)', ...run]).boots, 2);
});

test("GNU Shepherd as PID 1 in a syslog: a service that exited with an error and that it disabled is a failure of another init", () => {
  const log = ['Sep  4 14:48:11 localhost shepherd[1]: Service ntpd has been started.', 'Sep  4 14:48:11 localhost shepherd[1]: Service foo (PID 19010) exited with 3.', 'Sep  4 14:48:11 localhost shepherd[1]: Service foo has been disabled.'];
  const r = f(log);
  assert.is(r.rootCause, 'foo');
  assert.is(r.cycles, 0);
  // Started and nothing else: no failure; a process that is not PID 1 saying the same words is not init.
  assert.is(f([log[0]!]).rootCause, null);
  assert.is(f(['Sep  4 14:48:11 localhost myapp[33]: Service foo has been disabled.']).rootCause, null);
});

test("NixOS's stage 1 logged under its own name (`stage-1-init: …`) is read as its console lines; its stopping is the root device's failure", () => {
  const r = analyze(['Nov 05 15:46:50 stage-1-init: fsck on /dev/vda1 failed.', 'Nov 05 15:46:50 stage-1-init: An error occurred in stage 1 of the boot process, which must mount the', "Nov 05 15:46:50 stage-1-init: root filesystem on `/mnt-root' and then start stage 2.  Press one"].join('\n') + '\n');
  assert.is(r.boots[0]!.rootCause?.kind, 'root-device');
  assert.is(findings(r).rootCause, 'fsck on /dev/vda1 failed.');
  // On the console, a stage 1 that found no stage 2 on the root it mounted is not the root device's failure.
  const s2 = analyze(['state 2 init script (/mnt-root//nix/store/x-nixos-system/init) not found', 'An error occurred in stage 1 of the boot process, which must mount the'].join('\n') + '\n');
  assert.is.not(s2.boots[0]!.rootCause?.kind, 'root-device');
});

test("NixOS's stage 1 could not mount the root on /mnt-root: the root device's failure, even in an excerpt of its last lines", () => {
  const r = analyze(['running udev...', 'importing root ZFS pool "rpool"...', 'mounting rpool/root/nixos on /...', 'mount: mounting rpool/root/nixos on /mnt-root/ failed: Device or resource busy'].join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]!.rootCause?.kind, 'root-device');
  // A file system under the root is the system's mount, not the root.
  assert.is.not(analyze('mount: mounting /dev/sda3 on /mnt-root/home failed: No such device\n').boots[0]?.rootCause?.kind, 'root-device');
});

test("PID 1's error restated by each caller on the kernel's log, with the security policy's denial before it: the first of the chain is the cause", () => {
  const r = analyze(['Welcome to Fedora 32 (Thirty Two)!', '[    1.434571] systemd[1]: Set hostname to <h>', '[    1.436839] audit: type=1400 audit(1604408868.681:4): avc:  denied  { write } for  pid=1 comm="systemd" dev="cgroup2" ino=2 permissive=0', '[    1.436840] systemd[1]: Failed to create /init.scope control group: Permission denied', '[    1.438039] systemd[1]: Failed to allocate manager object: Permission denied', '[!!!!!!] Failed to allocate manager object.', '[    1.438281] systemd[1]: Freezing execution.'].join('\n') + '\n');
  const w = findings(r);
  // One boot: PID 1's line at 1.4 s after the welcome is that userspace's, on the kernel's clock first seen.
  assert.is(w.boots, 1);
  assert.is(w.rootCause, 'Failed to create /init.scope control group: Permission denied');
  assert.ok(w.rootEvidence.some((t) => t.includes('avc:  denied')));
  // A different errno above is no link of the chain.
  const other = findings(analyze(['[    1.436840] systemd[1]: Failed to create /init.scope control group: Read-only file system', '[    1.438039] systemd[1]: Failed to allocate manager object: Permission denied', '[!!!!!!] Failed to allocate manager object.'].join('\n') + '\n'));
  assert.is(other.rootCause, 'Failed to allocate manager object: Permission denied');
});

test("a process's kmsg line stamped near zero well after the kernel's clock ran (a capture that lost a digit) is no new kernel", () => {
  const log = ['[    0.000000] Linux version 4.4.0-59-generic (buildd@lgw01) (gcc) #80-Ubuntu SMP', '[   50.100000] systemd[1]: systemd 229 running in system mode. (+PAM)', '[   51.034164] systemd[1]: Reached target User and Group Name Lookups.', '[   1.084018] sstemd[1]: Listening on /de/itctl Comptibility Named Pipe.', '[   51.299953] systemd[1]: Listening on LVM2 poll daemon socket.'];
  assert.is(f(log).boots, 1);
  // A kernel's own line near zero is one.
  assert.is(f([...log, '[    0.000000] Linux version 4.4.0-59-generic (buildd@lgw01) (gcc) #80-Ubuntu SMP']).boots, 2);
});

test("a mail's `| ` quoting behind a CI job's clock comes off too", () => {
  const log = ['| U-Boot 2019.10 (Oct 06 2019)', '| Starting kernel ...', '| ', '| exception code: 2 , Illegal instruction , epc 88000004 , ra 88000000'];
  const bare = findings(analyze(log.join('\n') + '\n'));
  const clocked = analyze(log.map((l) => `2024-03-01T12:00:00.1234567Z ${l}`).join('\n') + '\n');
  assert.ok(clocked.input.envelopes.some((e) => e.kind === 'quoted'));
  assert.is(findings(clocked).rootCause, bare.rootCause);
  assert.ok(bare.rootCause !== null);
});

test("`journalctl -o cat` (messages only): PID 1 starting a person's session is a login, a display manager's `c1` too, its greeter's not", () => {
  const head = ['Linux version 6.8.0-rc3 (root@host) (gcc (Debian 13.2.0-13) 13.2.0) #399 SMP PREEMPT_DYNAMIC', 'Run /sbin/init as init process', 'systemd 255.3-2 running in system mode (+PAM)', 'Expecting device dev-vda1.device - /dev/vda1...', 'Reached target cryptsetup.target - Local Encrypted Volumes.'];
  assert.ok(f([...head, 'Started session-c1.scope - Session c1 of User romosan.']).loginReached);
  assert.not.ok(f([...head, 'Started session-c1.scope - Session c1 of User gdm.']).loginReached);
});

test("the kernel's complaint on the lines just before a unit's process reported its error is that failure's evidence", () => {
  const h = 'Okt 09 16:12:03 localhost ';
  const r = f([`${h}systemd[1]: Starting Create swap on /dev/zram0...`, `${h}kernel: zram: Cannot initialise zstd compressing backend`, `${h}zram-generator[3938]: Error: Failed to configure disk size into /sys/block/zram0/disksize`, `${h}systemd[1]: swap-create@zram0.service: Main process exited, code=exited, status=1/FAILURE`]);
  assert.is(r.rootCause, 'swap-create@zram0.service');
  assert.ok(r.rootEvidence.some((t) => t.includes('Cannot initialise zstd')));
  // A kernel line that complains of nothing is not evidence.
  const quiet = f([`${h}kernel: zram0: detected capacity change from 0 to 8388608`, `${h}zram-generator[3938]: Error: Failed to configure disk size`, `${h}systemd[1]: swap-create@zram0.service: Main process exited, code=exited, status=1/FAILURE`]);
  assert.not.ok(quiet.rootEvidence.some((t) => t.includes('capacity change')));
});

test("a line just before a crash header that names the same fault opens its report (powerpc's `Machine check in kernel mode.`); one that does not is not taken", () => {
  const r = f(['[   46.600000] Run /sbin/init as init process', '[   46.649135] Machine check in kernel mode.', '[   46.699359] Caused by (from SRR1=41020): Transfer error ack signal', '[   46.776706] Oops: Machine check, sig: 7 [#1]', '[   47.733625] NIP [c0018aa8] flush_hash_pages+0x70/0x164']);
  assert.ok(r.rootEvidence.some((t) => t.includes('Machine check in kernel mode.')));
  assert.not.ok(r.rootEvidence.some((t) => t.includes('Run /sbin/init')));
});

test('`do_page_fault(): sending SIGSEGV to init for invalid` wrapped by a mail before its access words still says why init died', () => {
  const r = f(['[   34.576358] Run /sbin/init as init process', '[   35.011380] do_page_fault(): sending SIGSEGV to init for invalid', 'read access from 0000000000000360', '[   35.253603] epc = 0000000000000360 in systemd[aaab121000+12d000]', '[   35.492165] Kernel panic - not syncing: Attempted to kill init!']);
  assert.ok(r.rootEvidence.some((t) => t.includes('sending SIGSEGV to init')));
  // (And MIPS's next line, where in the program it faulted.)
  assert.ok(r.rootEvidence.some((t) => t.includes('epc = 0000000000000360 in systemd')));
});

test("GRUB's banner retyped as `Welcome to Grub!` is the bootloader, not an OS's welcome; its error before the rescue prompt is the cause", () => {
  const r = f(['Welcome to Grub!', '', "error: symbol 'grub_debug_malloc' not found", 'Entering rescue mode...', 'grub rescue> ']);
  assert.is(r.cycles, 0);
  assert.ok(r.rootCause !== null && r.rootCause.includes("symbol 'grub_debug_malloc' not found"));
});

test("EDK II's failed assertion or exception dump stops the firmware; the line before that says what it could not do is the failure", () => {
  const r = f(['LinuxBoot: Looking for bzimage', 'LinuxBoot: unable to load bzImage image', 'ASSERT [DxeCore] /edk2/MdeModulePkg/Core/Dxe/DxeMain/DxeMain.c(607): ((BOOLEAN)(0==1))', '!!!! X64 Exception Type - 03(#BP - Breakpoint)  CPU Apic ID - 00000000 !!!!']);
  assert.is(r.rootCause, 'LinuxBoot: unable to load bzImage image');
  // An assertion after a line that complains of nothing is itself the failure.
  const a = f(['LinuxBoot: Looking for bzimage', 'ASSERT [DxeCore] /edk2/MdeModulePkg/Core/Dxe/DxeMain/DxeMain.c(607): ((BOOLEAN)(0==1))']);
  assert.ok(a.rootCause !== null && a.rootCause.startsWith('ASSERT [DxeCore]'));
});

test("PID 1 crashed right after an error of its own: that error is the cause; a long cause keeps its words", () => {
  const r = f(['systemd 245.6-2 running in system mode.', 'Detected virtualization systemd-nspawn.', 'Failed to enqueue loopback interface start request: Operation not supported', 'Caught <SEGV>, dumped core as pid 3.', 'Exiting PID 1...']);
  assert.is(r.rootCause, 'Failed to enqueue loopback interface start request: Operation not supported');
  const path = '/kubepods.slice/' + 'kubepods-besteffort-pod3bbed45f_634a_4f60_bb07_5f080c483f0f.slice/'.repeat(3) + 'init.scope';
  const long = f(['systemd 239 running in system mode.', `Failed to create ${path} control group: Permission denied`, '[!!!!!!] Failed to allocate manager object, freezing.']);
  assert.is(long.rootCause, `Failed to create ${path} control group: Permission denied`);
});

test('an initramfs mount of the root written with doubled slashes (`/root//`) is still the root; what the script said of the same source just before is its evidence', () => {
  const r = analyze(['Command: mount -o zfsutil -t zfs pool/root /root//', "Message: filesystem 'pool/root' can not be mounted due to error 13", 'lvm is not available', 'mount: mounting pool/root on /root// failed: Permission denied', 'Error: 1'].join('\n') + '\n');
  assert.is(r.boots[0]!.rootCause?.kind, 'root-device');
  const texts = r.boots[0]!.rootCause!.evidence.map((e) => e.text);
  assert.ok(texts.some((t) => t.startsWith('Message: filesystem')));
  assert.not.ok(texts.some((t) => t.startsWith('lvm') || t.startsWith('Command:')));
});

test("x86's early exception handler's `PANIC: early exception` is a panic; the 0-day robot's own `BUG: kernel hang in boot stage` after the console is no crash of the kernel", () => {
  const r = f(['[    0.000000][    T0] Linux version 5.18.0-rc5 (kbuild@host) (clang) #4 SMP', 'PANIC: early exception 0x0d IP 10:ffffffff812cef11 error 0 cr2 0xffff888004a3aff8', '[    0.000000][    T0] Call Trace:', 'BUG: kernel hang in boot stage']);
  assert.equal(r.kernelCrashes, ['panic']);
  assert.is(r.rootCause, 'panic');
});

test('secondary CPUs brought up print on their own clocks until `smp: Brought up`, however many there are: no new boot', () => {
  const lines = ['[    0.000000][    T0] Linux version 6.1.0 (x@y) (gcc) #1 SMP', '[    5.100000][    T1] x86: Booting SMP configuration:'];
  for (let cpu = 1; cpu < 96; cpu++) lines.push(`[    ${(5.1 + cpu / 100).toFixed(6)}][    T1]  #${cpu}`, `[    0.716522][    T0] masked ExtINT on CPU#${cpu}`);
  lines.push('[    6.100000][    T1] smp: Brought up 2 nodes, 96 CPUs');
  assert.is(f(lines).boots, 1);
});

test("systemd-nspawn's `Container x failed with error code 255.` goes with PID 1's failure; a network OS's `Username:` prompt is a login", () => {
  const r = f(['systemd 245.6-2 running in system mode.', 'Failed to mount tmpfs at /run: Operation not permitted', '[!!!!!!] Failed to mount API filesystems.', 'Exiting PID 1...', 'Container sid failed with error code 255.']);
  assert.ok(r.rootEvidence.some((t) => t.startsWith('Container sid failed')));
  assert.ok(f(['[    9.000000] systemd[1]: systemd 230 running in system mode (+PAM)', 'Username: cisco', 'Password: ']).loginReached);
});

test("PID 1's setup failing before anything else of a boot (a container's `docker logs`): the log begins at PID 1's start, not midway", () => {
  const r = f(['Failed to create /init.scope control group: Read-only file system', 'Failed to allocate manager object: Read-only file system', '[!!!!!!] Failed to allocate manager object, freezing.', 'Freezing execution.']);
  assert.is(r.startsMidway, false);
  // Behind a kernel's lines, it is a boot's PID 1 like any other (the kernel began the boot).
  assert.is(f(['[    0.000000] Linux version 6.1.0 (x@y) (gcc) #1 SMP', '[    1.000000] Run /sbin/init as init process', 'Failed to create /init.scope control group: Read-only file system', '[!!!!!!] Failed to allocate manager object, freezing.']).startsMidway, false);
});

test("syzkaller's report says a WARNING line again for an inlined frame: one warning; a second WARNING elsewhere is another", () => {
  const w1 = '[   10.000000] WARNING: CPU: 0 PID: 1 at kernel/kthread.c:75 to_kthread kernel/kthread.c:75 [inline]';
  const w2 = '[   10.000001] WARNING: CPU: 0 PID: 1 at kernel/kthread.c:75 kthread_should_stop+0xaf/0xd0 kernel/kthread.c:157';
  assert.equal(f([w1, w2]).kernelCrashes, ['warning']);
  assert.equal(f([w1, '[   10.000001] WARNING: CPU: 0 PID: 1 at mm/slub.c:12 kfree+0x1/0x2']).kernelCrashes, ['warning', 'warning']);
  // (Any report's first line: a KASAN report and a panic, titled by the frame nothing was inlined into.)
  const kasan = f(['BUG: KASAN: null-ptr-deref in instrument_atomic_read include/linux/instrumented.h:71 [inline]', 'BUG: KASAN: null-ptr-deref in get_mm_rss include/linux/mm.h:2049 [inline]', 'BUG: KASAN: null-ptr-deref in task_nr_scan_windows.isra.0+0x23/0x120 kernel/sched/fair.c:1123']);
  assert.equal(kasan.kernelCrashes, ['bug']);
  assert.match(kasan.crashTitles[0]!, /task_nr_scan_windows/);
  const panic = f(['Kernel panic - not syncing: kasan_populate_pud arch/x86/mm/kasan_init_64.c:99 [inline]: Failed to allocate page, nid=0 from=1000000', 'Kernel panic - not syncing: kasan_populate_shadow+0x57f/0x71f arch/x86/mm/kasan_init_64.c:153: Failed to allocate page, nid=0 from=1000000']);
  assert.equal(panic.kernelCrashes, ['panic']);
});

test("mkinitcpio's shell: what sent it there is the root's mount that failed", () => {
  const r = f([':: running early hook [udev]', "ERROR: device 'UUID=1dd7' not found. Skipping fsck.", "mount: /new_root: can't find UUID=1dd7.", "ERROR: failed to mount '1dd7' on real root", 'You are now being dropped into an emergency shell.', 'sh: can\'t access tty; job control turned off', '[rootfs ~]# ']);
  assert.is(r.emergency, 'initramfs-shell');
  assert.is(r.emergencyTriggeredBy, "mount: /new_root: can't find UUID=1dd7.");
});

test("systemd-shutdown gave up (`Critical error while doing system shutdown`): the machine froze; its error before, its errno wrapped onto the next line by a mail, is why", () => {
  const r = f(['[   16.159309] systemd-shutdown[1]: Powering off.', '[   16.160685] systemd-shutdown[1]: Failed to invoke reboot():', 'Operation not permitted', '[   16.162408] systemd-shutdown[1]: Critical error while doing system', 'shutdown: Operation not permitted']);
  assert.is(r.rootCause, 'Failed to invoke reboot(): Operation not permitted');
  // A shutdown that powers off is no failure, its ignored errors aside.
  assert.is(f(['[   16.140467] systemd-shutdown[1]: Failed to finalize  file systems, ignoring', '[   16.159309] systemd-shutdown[1]: Powering off.', '[   16.170000] reboot: Power down']).rootCause, null);
});

test("kdump's capture scripts: the step that failed is the cause, with the user-space fault the kernel reported just before", () => {
  const r = f(['kdump: saving to /sysroot//var/crash/127.0.0.1-2020-01-16-02:06:14/', 'kdump: saving vmcore-dmesg.txt complete', 'kdump: saving vmcore', '[   44.337708] makedumpfile[469]: unhandled signal 7 at 00007fffba400000 nip 00007fffbbc4d7fc code 2', '/lib/kdump-lib-initramfs.sh: line 98:   469 Bus error               $CORE_COLLECTOR /proc/vmcore', 'kdump: saving vmcore failed, exitcode:135']);
  assert.is(r.rootCause, 'kdump: saving vmcore failed');
  assert.ok(r.rootEvidence.some((t) => t.includes('unhandled signal 7')), 'the kernel saw the collector fault');
  assert.ok(r.rootEvidence.some((t) => t.includes('Bus error')));
  // A dump that was saved is no failure.
  assert.is(f(['kdump: saving to /sysroot//var/crash/x/', 'kdump: saving vmcore-dmesg.txt complete', 'kdump: saving vmcore', 'kdump: saving vmcore complete']).rootCause, null);
});

test("PA-RISC's die report (a cow, then `comm (pid N): what (code N)`) is the oops the panic after it comes from, timestamps or not", () => {
  const cow = ['      _______________________________', '     < Your System ate a SPARC! Gah! >', '      -------------------------------', '             \\   ^__^'];
  const r = f(['Run /sbin/init as init process', ...cow, 'init (pid 1): Spinlock was trashed (code 1)', 'CPU: 1 PID: 1 Comm: init Not tainted 6.4.10 #1', 'Kernel panic - not syncing: Fatal exception']);
  assert.is(r.rootCause, 'oops');
  assert.equal(r.kernelCrashes, ['oops', 'panic']);
  assert.equal(f(['[    2.000000] Run /sbin/init as init process', '[    2.100000] init (pid 1): Spinlock was trashed (code 1)', '[    2.200000] Kernel panic - not syncing: Fatal exception']).kernelCrashes, ['oops', 'panic']);
  // Without the cow, an untimed line of that shape is some program's; a user-mode fault has its address after it.
  assert.equal(f(['Run /sbin/init as init process', 'init (pid 1): Spinlock was trashed (code 1)']).kernelCrashes, []);
  assert.equal(f(['[    2.100000] Xorg (pid 812): Illegal instruction (code 8) at 00000000f0f40a84']).kernelCrashes, []);
});

test("Linux 2.4 on MIPS: `Oops in traps.c::do_be, line 385:` is an oops, the bus error said before it opens the report, and `Process x (pid: N, …)` names the task", () => {
  const r = analyze(['Freeing unused kernel memory: 84k freed', 'Data bus error, epc == 800a9134, ra == 800a9210', 'Oops in traps.c::do_be, line 385:', '$0 : 00000000 1000fc00 00000000 b8000000', 'Process ifconfig (pid: 25, stackpage=80596000)', 'Call Trace:   [<800c313c>] [<80097288>]'].join('\n') + '\n');
  const crash = r.boots[0]!.crashes[0]!;
  assert.is(crash.kind, 'oops');
  assert.is(crash.title, 'Oops in traps.c::do_be');
  assert.is(crash.details.comm, 'ifconfig');
  assert.is(crash.details.pid, 25);
  assert.ok(crash.evidence.some((e) => e.text.startsWith('Data bus error')));
  // ARM's form of the task line too.
  assert.is(analyze('[    5.000000] Unable to handle kernel NULL pointer dereference at virtual address 00000000\n[    5.000000] Internal error: Oops: 17 [#1] ARM\n[    5.000000] Process init (pid: 1, stack limit = 0xc7838238)\n').boots[0]!.crashes[0]!.details.comm, 'init');
});

test("a board's memory training (`DDR3 init.`) after a panic is the next power-on: a boot of its own, and its later lines (`DRAMC init done.`) are the same one", () => {
  const r = f(['Linux version 5.9.9 (x@y) #1 SMP', 'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)', 'Machine restart ... ', 'BGA IC', 'DDR3 init.', 'DRAMC init done. ', 'DRAM size=128MB', 'Press any key in 3 secs to enter boot command mode.']);
  assert.is(r.boots, 2);
});

test("`irq N: nobody cared`: the kernel turns the interrupt off; with a device failing after it, that is why; alone, nothing failed", () => {
  const head = ['[    0.000000] Linux version 5.2.0 (x@y) #1', '[   32.291454] irq 36: nobody cared (try booting with the "irqpoll" option)', '[   32.291500] handlers:', '[   32.292654] Disabling IRQ #36'];
  const r = f([...head, '[   41.898356] ata2.00: qc timeout (cmd 0xa0)', '[   52.811220] ata2.00: disabled']);
  assert.is(r.rootCause, 'irq 36: nobody cared (try booting with the "irqpoll" option)');
  assert.ok(r.rootEvidence.includes('[   32.292654] Disabling IRQ #36'));
  assert.is(f(head).rootCause, null);
});

test("without timestamps, a WARNING whose calls the oops after it shares (32-bit ARM's `a from b+0x…` frames) begins the chain", () => {
  const warn = ['WARNING: CPU: 4 PID: 1 at block/bio.c:229 bio_free+0x6c/0x70', 'CPU: 4 PID: 1 Comm: swapper/0 Not tainted 5.17.0 #1', ' warn_slowpath_fmt from bio_free+0x6c/0x70', ' bio_free from squashfs_read_data+0x118/0x748', ' squashfs_read_data from squashfs_read_table+0xdc/0x144', '---[ end trace 0000000000000000 ]---'];
  const oops = ['Unable to handle kernel NULL pointer dereference at virtual address 00000004', 'Internal error: Oops: 5 [#1] PREEMPT SMP ARM', 'CPU: 4 PID: 1 Comm: swapper/0 Tainted: G        W 5.17.0 #1', 'PC is at bio_free+0x24/0x70', ' bio_free from squashfs_read_data+0x118/0x748', ' squashfs_read_data from squashfs_read_table+0xdc/0x144', '---[ end trace 0000000000000000 ]---', 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b'];
  const r = f([...warn, ...oops]);
  assert.is(r.rootCause, 'warning');
  assert.ok(r.rootEvidence.some((t) => t.startsWith('Internal error: Oops')), 'the oops it led to');
  // A WARNING down other calls stays a crash of its own: the oops is the cause.
  const other = warn.map((l) => l.replace(/bio_free/g, 'foo_probe').replace(/squashfs_read_data|squashfs_read_table/g, 'bar_init'));
  assert.is(f([...other, ...oops]).rootCause, 'oops');
});

test("lockdep's RCU report: the line under its dashes names the dereference it caught", () => {
  const r = f(['[    6.236018] WARNING: suspicious RCU usage', '[    6.236280] 6.11.0-rc6 #1 Tainted: G                 N', '[    6.236398] -----------------------------', '[    6.236474] lib/maple_tree.c:832 suspicious rcu_dereference_check() usage!', '[    6.236579] ', '[    6.236579] other info that might help us debug this:']);
  assert.is(r.rootCause, 'warning');
  assert.ok(r.rootEvidence.some((t) => t.includes('lib/maple_tree.c:832 suspicious rcu_dereference_check() usage!')));
});

test("a capture that ends on agetty's /etc/issue (`Debian GNU/Linux 12 host ttyS0`) reached the login prompt; a capture tool's bare clock (`17:05:09.646023 `) comes off", () => {
  const r = f(['17:04:58.563700 UEFI firmware (version  built at 22:13:20 on Apr 23 2020)', '17:04:58.853653 Welcome to GRUB!', '17:05:01.408861 /dev/vda2: clean, 37882/500960 files, 457154/2001920 blocks', '17:05:09.646023 Debian GNU/Linux bullseye/sid rpi4vm64 ttyS0']);
  assert.ok(r.loginReached);
  assert.is(analyze('17:05:09.646023 [    1.000000] Linux version 6.1.0 (x@y) #1\n').boots[0]!.kernelVersion, '6.1.0');
  // (Not a unit's line naming a terminal.)
  assert.not.ok(f(['Started Serial Getty on ttyS0']).loginReached);
});

test("powerpc's `kernel tried to execute exec-protected page` before `BUG: Unable to handle kernel instruction fetch` opens that report; `hid-generic …: parse failed` after a WARNING in drivers/hid is what it led to", () => {
  const r = f(['[    8.496850] kernel tried to execute exec-protected page (c008000004073278) - exploit', 'attempt? (uid: 0)', '[    8.496921] BUG: Unable to handle kernel instruction fetch', '[    8.496994] Oops: Kernel access of bad area, sig: 11 [#1]']);
  assert.ok(r.rootEvidence.some((t) => t.includes('kernel tried to execute exec-protected page')));
  const w = f(['[    0.297086] WARNING: CPU: 0 PID: 11 at drivers/hid/hid-core.c:1234 hid_open_report+0x268/0x2f0 [hid]', '[    0.306799] ---[ end trace 0000000000000000 ]---', '[    0.306953] hid-generic 0006:045E:0621.0001: parse failed']);
  assert.ok(w.rootEvidence.some((t) => t.includes('parse failed')));
});

test("a kernel line a mail cut after a word no message ends on (`… device link to` / `ci_hdrc.0.ulpi`) is joined back with its space", () => {
  const lines: string[] = ['[    0.000000] Booting Linux on physical CPU 0x0', '[    0.000000] Linux version 5.6.0 (x@y) #1 SMP'];
  for (let i = 0; i < 7; i++) lines.push(`[    4.${561843 + i * 1000}] msm_hsusb 78d9000.usb: failed to create device link to`, 'ci_hdrc.0.ulpi');
  assert.is(f(lines).rootCauseDescription, 'msm_hsusb 78d9000.usb: failed to create device link to ci_hdrc.0.ulpi');
  // A line of its own after it (more words, or a stamp) stays apart.
  const r = analyze('[    4.561843] foo 78d9000.usb: failed to create device link to\nthe quick brown fox\n');
  assert.is(r.input.lines, 2);
});

test("PID 0 is every early crash's task: a WARNING before an oops there begins its chain only when their calls meet; RISC-V's headerless `[<addr>] fn+0x…` frames are read", () => {
  const warn = ['[    0.000000] WARNING: CPU: 0 PID: 0 at kernel/printk/printk.c:3327 register_console+0x1c/0x2a0', '[    0.000000] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.19.0 #1', '[    0.000000] Call trace:', '[    0.000000]  register_console+0x1c/0x2a0', '[    0.000000]  of_setup_earlycon+0x2c0/0x2f0', '[    0.000000]  setup_arch+0x11c/0x5a8', '[    0.000000]  start_kernel+0x90/0x6f4', '[    0.000000]  __primary_switched+0xbc/0xc4', '[    0.000000] ---[ end trace 0000000000000000 ]---'];
  const oops = ['[    0.092881] Unable to handle kernel paging request at virtual address ffff000800000008', '[    0.092881] Internal error: Oops: 96000004 [#1] PREEMPT SMP', '[    0.092881] CPU: 0 PID: 0 Comm: swapper/0 Tainted: G        W 5.19.0 #1', '[    0.092881] pc : mem_cgroup_from_obj+0x2c/0x120', '[    0.092881] Call trace:', '[    0.092881]  mem_cgroup_from_obj+0x2c/0x120', '[    0.092881]  register_pernet_subsys+0x2c/0x64', '[    0.092881]  net_ns_init+0x3c/0x134', '[    0.092881]  start_kernel+0x4c0/0x6f4', '[    0.092881]  __primary_switched+0xbc/0xc4'];
  assert.is(f([...warn, ...oops]).rootCause, 'oops');
  const riscv = analyze(['[    0.060606] WARNING: CPU: 0 PID: 0 at mm/vmalloc.c:479 __vmap_pages_range_noflush+0x2d4/0x4c8', '[    0.073421] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 6.2.0 #1', '[    0.195060] [<ffffffff8014762a>] __vmalloc_node_range+0x392/0x52e', '[    0.201802] [<ffffffff8000dfc4>] copy_process+0x636/0x1196'].join('\n') + '\n');
  assert.equal(riscv.boots[0]!.crashes[0]!.details.frames, ['__vmalloc_node_range', 'copy_process']);
});

test("`kernel BUG at mm/usercopy.c:102!`: what usercopy said just before it gave up is the report's reason", () => {
  const r = f(['usercopy: Kernel memory exposure attempt detected from SLUB object', "'skbuff_small_head' (offset 130, size 12)!", '[   24.673364] ------------[ cut here ]------------', '[   24.673812] kernel BUG at mm/usercopy.c:102!', '[   24.674631] Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP']);
  assert.is(r.rootCause, 'bug');
  assert.ok(r.rootEvidence.some((t) => t.startsWith('usercopy: Kernel memory exposure')));
});

test("a status line systemd cut at the console's width (`…` for its full stop) still counts; a UUID device's name cut in the middle is put back from its cut path", () => {
  const r = f(['[ TIME ] Timed out waiting for device dev-disk-by\\x2duuid-00065e8e\\x2d2656\\x2d45ea\\x2d…978a8508a0.device - /dev/disk/by-uuid/00065e8e-2656-45ea-8635-6897…', '[DEPEND] Dependency failed for srv-app.mount - /srv/app.', '[DEPEND] Dependency failed for local-fs.target - Local File Systems.', '[  OK  ] Reached target emergency.target - Emergency Mode.']);
  assert.is(r.rootCause, 'dev-disk-by\\x2duuid-00065e8e\\x2d2656\\x2d45ea\\x2d8635\\x2d68978a8508a0.device');
  assert.equal(r.timedOut, ['dev-disk-by\\x2duuid-00065e8e\\x2d2656\\x2d45ea\\x2d8635\\x2d68978a8508a0.device']);
  // A failure line cut so is a failure too.
  assert.equal(f(['[FAILED] Failed to start nginx.service - A high performance web server and a reverse proxy se…']).failed, ['nginx.service']);
});

test("CoreOS's `Displaying logs from failed units: X` names what sent its initrd to emergency mode", () => {
  const r = f(['Displaying logs from failed units: ignition-ostree-growfs.service', 'Nov 04 10:00:01 ignition-ostree-growfs[812]: growpart: failed', 'Press Enter for emergency shell or wait 5 minutes for reboot.']);
  assert.is(r.emergency, 'emergency');
  assert.is(r.emergencyTriggeredBy, 'ignition-ostree-growfs.service');
});

test("the W+X check's summary after its WARNING (`x86/mm: Checked W+X mappings: FAILED, …`) is what the warning led to", () => {
  const r = f(['[   29.102438] WARNING: CPU: 0 PID: 1 at arch/x86/mm/dump_pagetables.c:225 note_page+0xe0/0x50f', '[   29.117090] ---[ end trace abe6f705a196d176 ]---', '[   29.117821] x86/mm: Checked W+X mappings: FAILED, 96 W+X pages found.']);
  assert.ok(r.rootEvidence.some((t) => t.includes('Checked W+X mappings: FAILED')));
});

test("sparc64's `swapper/0(0): Oops [#1]` and `TPC: <fn+0x…>`, ia64's `comm[pid]: NaT consumption … [2]` and `ip is at fn+0x…`", () => {
  const sparc = analyze(['[    0.217017] Unable to handle kernel paging request at virtual address 000612000002e000', '[    0.217406] swapper/0(0): Oops [#1]', '[    0.217458] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.19.0 #376', '[    0.217500] TPC: <mem_cgroup_from_obj+0x78/0x120>'].join('\n') + '\n');
  const c = sparc.boots[0]!.crashes;
  assert.is(c.length, 1);
  assert.is(c[0]!.title, 'Unable to handle kernel paging request in mem_cgroup_from_obj');
  assert.ok(c[0]!.evidence.some((e) => e.text.includes('swapper/0(0): Oops [#1]')));
  const ia64 = analyze(['[    3.818840] systemd-udevd[111]: NaT consumption 17179869216 [2]', '[    3.818840] Modules linked in: mptsas', '[    3.818840] ip is at get_plt.part.0+0x190/0x360'].join('\n') + '\n');
  assert.is(ia64.boots[0]!.crashes[0]!.title, 'NaT consumption in systemd-udevd');
  assert.ok(ia64.boots[0]!.crashes[0]!.evidence.some((e) => e.text.includes('ip is at get_plt.part.0') && e.why === 'where the kernel was executing'));
  // A process's own line of that shape with another word is a process's line.
  assert.is(analyze('[    3.0] systemd-udevd[111]: Using default interface naming scheme 17 [2]\n').boots.flatMap((b) => b.crashes).length, 0);
});

test("a panic whose reason a report named itself by before it (`NON-RESUMABLE ERROR: …`, parisc's `Bad Address (null pointer deref?): Code=15 …`) ends that report", () => {
  const r = f(['[   25.245863] NON-RESUMABLE ERROR: Reporting on cpu 64', '[   25.245973] NON-RESUMABLE ERROR: TPC [0x00000000005f6900] <msix_prepare_msi_desc+0x90/0xa0>', '[   25.246544] NON-RESUMABLE ERROR: asi [0x00]', '[   25.247961] Kernel panic - not syncing: Non-resumable error.']);
  assert.ok(r.rootEvidence.some((t) => t.includes('NON-RESUMABLE ERROR: TPC')));
  const p = f(['Bad Address (null pointer deref?): Code=15 (Data TLB miss fault) at addr 000000413fc00000', 'CPU: 0 PID: 0 Comm: swapper Not tainted 5.5.0-rc1 #231', 'Kernel panic - not syncing: Bad Address (null pointer deref?)']);
  assert.ok(p.rootEvidence.some((t) => t.startsWith('Bad Address (null pointer deref?): Code=15')));
  // Words the panic does not give are no report of it.
  assert.not.ok(f(['[   25.2] Memory Init Done: 64 GB', '[   25.3] Kernel panic - not syncing: Attempted to kill init!']).rootEvidence.some((t) => t.includes('Memory Init')));
});

test("a BusyBox rc step whose programs said several lines before its `FAIL` (a wait that timed out, run-parts' status) failed", () => {
  const r = f(['Starting network: ip: RTNETLINK answers: Operation not permitted', 'ip: SIOCSIFFLAGS: Operation not permitted', 'sed: /proc/mounts: No such file or directory', 'Waiting for interface eth0 to appear............... timeout!', 'run-parts: /etc/network/if-pre-up.d/wait_iface: exit status 1', 'FAIL']);
  assert.is(r.rootCause, 'network');
});

test("a service whose `[  OK  ] Started` status line comes three times in one cycle, never stopped between, keeps exiting (Restart=)", () => {
  const boot = ['[    0.000000] Linux version 6.12.0 (gcc)', 'Welcome to Debian GNU/Linux 13 (trixie)!', '[  OK  ] Reached target basic.target - Basic System.'];
  const started = '[  OK  ] Started lab-crashloop.service - Lab daemon that keeps crashing.';
  const r = f([...boot, started, '         Starting systemd-logind.service - User Login Management...', started, '[  OK  ] Started getty@tty1.service - Getty on tty1.', started, 'lab login: ']);
  assert.is(r.rootCause, 'lab-crashloop.service');
  // Twice is no loop; nor is a start again after a stop, nor instances of one template by their shared description.
  assert.is(f([...boot, started, started, 'lab login: ']).rootCause, null);
  assert.is(f([...boot, started, '[  OK  ] Stopped lab-crashloop.service - Lab daemon that keeps crashing.', started, started, 'lab login: ']).rootCause, null);
  const poller = '[  OK  ] Started Phosphor Hwmon Poller.';
  assert.is(f([...boot, poller, poller, poller, poller, 'lab login: ']).rootCause, null);
  // (PID 1's kmsg copy of each status line, early in a boot, is no line between them.)
  const kmsg = '[    5.000000] systemd[1]: Started Phosphor Hwmon Poller.';
  assert.is(f([...boot, kmsg, poller, kmsg, poller, kmsg, poller, 'lab login: ']).rootCause, null);
  // By description (systemd before 243), restarts with other units' lines between are still a loop.
  const byDescription = '[  OK  ] Started Lab daemon that keeps crashing.';
  const r2 = f([...boot, byDescription, '         Starting Login Service...', byDescription, '[  OK  ] Started Getty on tty1.', byDescription, 'lab login: ']);
  assert.is(r2.rootCauseDescription, 'Lab daemon that keeps crashing');
});

test("an initramfs that could not import or mount its root (`cannot import 'rpool': …`, then init died) failed on its root device, in its own words", () => {
  const r = analyze([':: running hook [zfs]', 'ZFS: Importing pool rpool.', "cannot import 'rpool': pool was previously in use from another system.", 'ERROR: ZFS: Unable to import pool rpool.', 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100'].join('\n') + '\n');
  const rc = r.boots[0]!.rootCause!;
  assert.is(rc.kind, 'root-device');
  assert.is(rc.description, "cannot import 'rpool': pool was previously in use from another system");
  // No init on a root it did mount is not the device's failure.
  assert.is.not(analyze('Begin: Running /scripts/init-bottom ... done.\nTarget filesystem doesn\'t have requested /sbin/init.\nKernel panic - not syncing: Attempted to kill init! exitcode=0x00000100\n').boots[0]!.rootCause!.kind, 'root-device');
});

test("initramfs-tools' shell that `break=` asked for (`Spawning shell within the initramfs`) is no failure; one it gave up into still is", () => {
  const asked = analyze(['[    0.000000] Kernel command line: console=ttyS0 root=/dev/vda break=premount', 'Begin: Loading essential drivers ... done.', 'Spawning shell within the initramfs', '', '(initramfs) exit', 'Welcome to Debian GNU/Linux 13 (trixie)!', 'lab login: '].join('\n') + '\n');
  assert.is(asked.verdict, 'ok');
  assert.is(asked.boots[0]!.emergency?.requested, true);
  const gaveUp = analyze(['Gave up waiting for root file system device.  Common problems:', 'ALERT!  /dev/vdz does not exist.  Dropping to a shell!', '(initramfs) '].join('\n') + '\n');
  assert.is(gaveUp.verdict, 'failed');
  assert.is(gaveUp.boots[0]!.emergency?.requested, false);
});

test("dracut's shell that `rd.break=` asked for (`Break before pre-mount`) is no failure", () => {
  const r = analyze(['[    0.000000] Kernel command line: root=/dev/vda rd.break=pre-mount', '[    3.100000] systemd[1]: systemd 257 running in system mode', '[   14.755800] dracut-pre-mount[249]: Warning: Break before pre-mount', '         Starting dracut-emergency.service - Dracut Emergency Shell...', 'Entering emergency mode. Exit the shell to continue.', 'Cannot open access to console, the root account is locked.', 'Press Enter to continue.', '[  OK  ] Finished dracut-emergency.service - Dracut Emergency Shell.', 'Welcome to Debian GNU/Linux 13 (trixie)!', 'lab login: '].join('\n') + '\n');
  assert.is(r.verdict, 'ok');
  const c = r.boots[0]!.cycles[0]!;
  assert.is(c.emergency?.requested, true);
  assert.is(c.emergency?.triggeredBy, null);
  assert.ok(r.headline.includes('as asked'));
});

test("Talos's initramfs halting (`[talos] [initramfs] … required, halting`) is the boot's failure in its words", () => {
  const r = f(['[    0.779218] [talos] [initramfs] booting Talos v1.7.0', '[    0.782346] [talos] [initramfs] x86_64 microarchitecture level 2 or higher is required, halting']);
  assert.is(r.rootCause, 'x86_64 microarchitecture level 2 or higher is required, halting');
  assert.is(f(['[    0.779218] [talos] [initramfs] booting Talos v1.7.0', '[    1.000000] [talos] [initramfs] mounting the rootfs']).rootCause, null);
});

test('a cut `[DEPEND]` that fits a device that timed out is the swap on it: a device fails no dependency', () => {
  const r = f(['[   43.248175] systemd[1]: Expecting device dev-disk-by\\x2duuid-0b0b0b0b\\x2ddead\\x2dbeef\\x2d0000\\x2d0123456789ab.device - /dev/disk/by-uuid/0b0b0b0b-dead-beef-0000-0123456789ab...', '[ TIME ] Timed out waiting for device dev-d…0b0b0b-dead-beef-0000-0123456789ab.', '[DEPEND] Dependency failed for dev-disk-by\\…0b0b0b-dead-beef-0000-0123456789ab.', '[DEPEND] Dependency failed for swap.target - Swaps.']);
  assert.is(r.rootCause, 'dev-disk-by\\x2duuid-0b0b0b0b\\x2ddead\\x2dbeef\\x2d0000\\x2d0123456789ab.device');
  assert.ok(r.dependencyFailed.includes('dev-disk-by\\x2duuid-0b0b0b0b\\x2ddead\\x2dbeef\\x2d0000\\x2d0123456789ab.swap'));
});

test('a spinner line cut in its middle to the console width (` (` lost) is still a job; `LSB: X.` is the unit that says X', () => {
  const r = f(['[  OK  ] Started Update UTMP about System Boot/Shutdown.', '[    **] A start job is running for LSB: Raise network interf...10s / no limit)[   17.551433] nfs: server 192.168.0.106 not responding, still trying', '[*     ] A start job is running for LSB: Raise network interf…13s / no limit)']);
  assert.is(r.rootCause, 'networking.service');
  // (An init script the table does not know keeps its description.)
  assert.is(f(['[  OK  ] Started Update UTMP about System Boot/Shutdown.', '[    **] A start job is running for LSB: Start the lab daem...10s / no limit)']).rootCause, 'LSB: Start the lab daem…');
});

test("udevadm settle's timeout (`Timed out for waiting the udev queue being empty.`) is a failure, on the console or in the kernel's log", () => {
  const console = f(['[    1.900000] scsi 5:0:0:0: CD-ROM            HL-DT-ST DVD+-RW GSA-H21L 1.04 PQ: 0 ANSI: 5', 'Timed out for waiting the udev queue being empty.', 'Begin: Loading essential drivers ... done.', 'Begin: Mounting root file system ... done.', 'Welcome to Debian GNU/Linux 12 (bookworm)!', 'host login: ']);
  assert.is(console.rootCause, 'Timed out for waiting the udev queue being empty.');
  const kmsg = f(['[    1.533147] virtme-ng-init: waiting for udev to settle', '[  121.588624] virtme-ng-init: Timed out for waiting the udev queue being empty.', '[  121.588710] virtme-ng-init: udev is done']);
  assert.is(kmsg.rootCause, 'Timed out for waiting the udev queue being empty.');
  assert.is(f(['[    1.533147] virtme-ng-init: waiting for udev to settle', '[    1.588710] virtme-ng-init: udev is done']).rootCause, null);
});

test("the kernel's NFS root that never mounted is the root device's failure, in the kernel's words", () => {
  const r = analyze(['[    0.000000] Linux version 5.10.156-rc1 (tuxmake@tuxmake) #1 SMP PREEMPT', '[    7.253259] Sending DHCP requests ......', '[   98.657252]  timed out!', '[   98.691276] IP-Config: Retrying forever (NFS root)...', '[  102.841257] Sending DHCP requests ....'].join('\n') + '\n');
  const rc = r.boots[0]!.rootCause!;
  assert.is(rc.kind, 'root-device');
  assert.is(rc.unit, 'IP-Config: Retrying forever (NFS root)...');
});

test("a unit's control process (ExecStop=, ExecStartPre=) that exited with failure, PID 1's last word on it, failed", () => {
  const r = f(['Jun 18 15:23:47 bluefin systemd[1]: Stopping ostree-finalize-staged.service - OSTree Finalize Staged Deployment...', 'Jun 18 15:23:49 bluefin ostree[8251]: error: Finalizing deployment: Finalizing SELinux policy: failed to run semodule: Child process exited with code 1', 'Jun 18 15:23:49 bluefin systemd[1]: ostree-finalize-staged.service: Control process exited, code=exited, status=1/FAILURE']);
  assert.is(r.rootCause, 'ostree-finalize-staged.service');
  // (A stop's SIGTERM ends a control process cleanly.)
  assert.is(f(['Jun 18 15:23:47 host systemd[1]: Stopping foo.service - Foo...', 'Jun 18 15:23:49 host systemd[1]: foo.service: Control process exited, code=killed, status=15/TERM']).rootCause, null);
});

test("mkinitcpio's emergency shell is its shell also as a person copied it (`Your are now being dropped …`)", () => {
  const r = analyze(["ERROR: device 'LABEL=frzr_root' not found. Skipping fsck.", "mount: /new_root: can't find LABEL=frzr_root.", 'Your are now being dropped into an emergency shell.'].join('\n') + '\n');
  assert.is(r.boots[0]!.emergency?.kind, 'initramfs-shell');
});

test("a scripted initramfs's `Dropping to a shell.` after waiting for its root is its shell, given up into", () => {
  const r = analyze(['[   11.563007] scene_lock_init name=ohci_standby', 'Waiting for root system /dev/mmcblk0p2, countdown : 1', 'Rootfs: /dev/mmcblk0p2', 'Dropping to a shell.', '', '/ # ls'].join('\n') + '\n');
  assert.is(r.boots[0]!.emergency?.kind, 'initramfs-shell');
  assert.is(r.verdict, 'failed');
});

test("a journal's PID 1 speaking in words bootwhy has no row for is still systemd running (a cycle), as its kernel-log lines are", () => {
  const r = analyze(['Jan 24 18:43:05 prod1 systemd[1]: sysinit.target: Found ordering cycle on systemd-timesyncd.service/stop', 'Jan 24 18:43:05 prod1 systemd[1]: sysinit.target: Found dependency on sysinit.target/stop'].join('\n') + '\n');
  assert.is(r.boots.length, 1);
  assert.is(r.boots[0]!.cycles.length, 1);
});

test('a stop job PID 1 deleted to break an ordering cycle is a fault, told as a stop (two units of the system\'s own in the cycle: neither is blamed)', () => {
  const r = analyze(['Jan 24 18:43:05 prod1 systemd[1]: sysinit.target: Found ordering cycle on systemd-timesyncd.service/stop', 'Jan 24 18:43:05 prod1 systemd[1]: sysinit.target: Found dependency on mnt-pve-cephfs.mount/stop', 'Jan 24 18:43:05 prod1 systemd[1]: sysinit.target: Found dependency on rbdmap.service/stop', 'Jan 24 18:43:05 prod1 systemd[1]: sysinit.target: Job remote-fs-pre.target/stop deleted to break ordering cycle starting with sysinit.target/stop'].join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(findings(r).rootCause, 'remote-fs-pre.target');
  assert.ok(r.headline.includes('stop job'));
});

test("GRUB's error with its source location and no `error: ` (Red Hat's GRUB under Secure Boot) stops the boot before any kernel", () => {
  const r = f(['../../grub-core/loader/i386/efi/linux.c:215:/boot/vmlinuz-4.18.0-193.6.3.el8_2.x86_64 has invalid signature.']);
  assert.is(r.rootCause, '../../grub-core/loader/i386/efi/linux.c:215:/boot/vmlinuz-4.18.0-193.6.3.el8_2.x86_64 has invalid signature');
});

test("a start that a journal excerpt cuts off on its program's own words (no error) did not fail", () => {
  const r = f(['Nov 19 13:13:48 dev6 systemd[1]: Starting PVE guests...', "Nov 19 13:13:48 dev6 pve-startall-delay[2318]: Delaying on-boot 'startall' command for 2 second(s).", 'Nov 19 13:13:50 dev6 pve-guests[2339]: <root@pam> starting task UPID:dev6:00000924:00000529:5DD3DC7E:startall::root@pam:']);
  assert.is(r.rootCause, null);
});

test("a spinner's description cut differently in each frame is one job, under the description its Starting line printed", () => {
  const r = analyze(['         Starting Lab service that never finishes...[   22.805460] [drm] Initialized bochs-drm 1.0.0 20130925 for 0000:00:01.0 on minor 0', '[*     ] A start job is running for Lab serv…at never finishes (59s / no limit)', '[**    ] A start job is running for Lab serv…t never finishes (1min / no limit)', '[***   ] A start job is running for Lab serv…ver finishes (1min 31s / no limit)'].join('\n') + '\n');
  const c = r.boots[0]!.cycles[0]!;
  assert.is(c.hungJobs.length, 1);
  assert.is(findings(r).rootCause, 'Lab service that never finishes');
});

test("a unit a target wants that PID 1 would not load (`has a bad unit file setting`) never started: a failure with PID 1's reasons", () => {
  const r = analyze(['[   46.802651] systemd[1]: /etc/systemd/system/lab-typo.service:5: Unknown key \'ExecStrat\' in section [Service], ignoring.', '[   46.804942] systemd[1]: lab-typo.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.', '[   47.188135] systemd[1]: lab-typo.service: Cannot add dependency job, ignoring: Unit lab-typo.service has a bad unit file setting.', 'lab login: '].join('\n') + '\n');
  assert.is(findings(r).rootCause, 'lab-typo.service');
  assert.ok(r.headline.includes('would not load its unit file'));
  assert.is(r.boots[0]!.cycles[0]!.rootCause!.evidence.length, 3);
  // (A unit that is not there is no bad setting: `Unit foo.service not found.` is PID 1's warning, and the boot's business.)
  assert.is(f(['[    4.100000] systemd[1]: multi-user.target: Cannot add dependency job for unit foo.service, ignoring: Unit foo.service failed to load: No such file or directory.']).rootCause, null);
});

test('a [DEPEND] on a path the console cut short (`/dev…b-dead-beef-…`) names no unit: its escape would be of the cut', () => {
  const r = f(['[ TIME ] Timed out waiting for device \x1b[0;1;…b-dead-beef-0000-0123456789ab\x1b[0m.', '[DEPEND] Dependency failed for /dev…b-dead-beef-0000-0123456789ab.', '[DEPEND] Dependency failed for Swap.']);
  assert.ok(r.dependencyFailed.includes('/dev…b-dead-beef-0000-0123456789ab'));
  assert.not.ok(r.dependencyFailed.some((u) => u.includes('\\x2026')));
});

test("a spinner's times left after a status line's period, where the erase to the line's end was lost, are not the unit's", () => {
  assert.is(f(['[FAILED] Failed to start Foo Service. (9s / 1min 30s)']).rootCause, 'Foo Service');
  assert.is(f(['[ TIME ] Timed out waiting for device /dev/disk/by-label/data. (9s / 10s)', '[DEPEND] Dependency failed for /data.']).rootCause, 'dev-disk-by\\x2dlabel-data.device');
});

test("Samsung's phone bootloader in a ram console saved across resets opens a boot of its own", () => {
  const r = analyze(['<0>[   24.461316]  [3:     bluetoothd: 2541] Kernel panic - not syncing: Fatal exception', '[0:       0.230] Samsung S-Boot 4.0 for SM-N770F (Jan 30 2024 - 17:55:25 76738385)', '[0:       0.240] [Debug] dram size 0x180000000', '<6>[    0.000000]  [0:        swapper:    0] Booting Linux on physical CPU 0x0', '<5>[    0.000000]  [0:        swapper:    0] Linux version 4.9.191-samsung-r7 (root@7309daaaee9e) #1 SMP PREEMPT', '[0:       0.230] Samsung S-Boot 4.0 for SM-N770F (Jan 30 2024 - 17:55:25 76738385)'].join('\n') + '\n');
  assert.is(r.boots.length, 3);
});

test("x86's `traps:` line for PID 1 is init's fault: the `Attempted to kill init!` panic after it quotes it", () => {
  const r = analyze(['[   46.447620] traps: systemd[1] trap invalid opcode ip:7f44c485fee6 sp:7ffee96e6960 error:0 in libm.so.6[7f44c481a000+181000]', '[   46.492643] traps: systemd-coredum[1029] trap invalid opcode ip:7f2f60471ee6 sp:7ffd58f76e00 error:0 in libm.so.6[7f2f6042c000+181000]', '[   46.520024] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000084'].join('\n') + '\n');
  const ev = r.boots[0]!.rootCause!.evidence;
  assert.ok(ev.some((e) => e.line === 1 && e.why.includes('trap')), 'the fault of PID 1, not the later one of the core dump helper');
  assert.not.ok(ev.some((e) => e.line === 2));
});

test("a panic's reason wrapped onto the next line is its reason; a panic with no reason after an oops is the oops's", () => {
  const oops = ['[    3.704578] BUG: kernel NULL pointer dereference, address: 00000000000001c8', '[    3.704865] Oops: 0000 [#1] SMP NOPTI', '[    3.704865] CPU: 0 PID: 1 Comm: systemd Not tainted 5.9.0 #1', '[    3.704865] RIP: 0010:security_port_sid+0x2f/0xb0'];
  const wrapped = f([...oops, '[    3.744849] Kernel panic - not syncing:', 'Fatal exception in interrupt']);
  assert.equal(wrapped.kernelCrashes, ['oops', 'panic']);
  assert.is(wrapped.crashTitles[1], 'kernel panic: Fatal exception in interrupt');
  assert.is(wrapped.rootCause, 'oops');
  // (Its reason lost altogether: the oops just before is still why.)
  assert.is(f([...oops, '[    3.744849] Kernel panic - not syncing:']).rootCause, 'oops');
  // (Alone, such a panic is the cause: there is nothing else.)
  assert.is(f(['[    3.744849] Kernel panic - not syncing:']).rootCause, 'panic');
});

test("32-bit ARM's call trace as decode_stacktrace.sh leaves it (`a from b (file.c:12)`) gives the frames: the WARNING the same task hit first leads", () => {
  const r = f(['[    0.140554] WARNING: CPU: 0 PID: 0 at mm/percpu.c:1766 pcpu_alloc_noprof (mm/percpu.c:1766 (discriminator 2))', '[    0.154511] CPU: 0 UID: 0 PID: 0 Comm: swapper Not tainted 6.15.0 #1', '[    0.168456] Call trace:', '[    0.168485] unwind_backtrace from show_stack (arch/arm/kernel/traps.c:259)', '[    0.197674] pcpu_alloc_noprof from ss_rstat_init (kernel/cgroup/rstat.c:515)', '[    0.203393] ss_rstat_init from cgroup_init_subsys (kernel/cgroup/cgroup.c:6134 (discriminator 2))', '[    0.209267] cgroup_init_subsys from cgroup_init (kernel/cgroup/cgroup.c:6240)', '[    0.223837] ---[ end trace 0000000000000000 ]---', '[    0.233239] kernel BUG at kernel/cgroup/cgroup.c:6134!', '[    0.238450] Internal error: Oops - BUG: 0 [#1] ARM', '[    0.243323] CPU: 0 UID: 0 PID: 0 Comm: swapper Tainted: G        W           6.15.0 #1', '[    0.437197] Call trace:', '[    0.437219] cgroup_init_subsys from cgroup_init (kernel/cgroup/cgroup.c:6240)', '[    0.445566] cgroup_init from start_kernel (init/main.c:1093)', '[    0.460550] ---[ end trace 0000000000000000 ]---', '[    0.465252] Kernel panic - not syncing: Attempted to kill the idle task!']);
  assert.equal(r.kernelCrashes, ['warning', 'bug', 'panic']);
  assert.is(r.rootCause, 'warning');
});

test("a kernel line a crash quotes, wrapped by a mail client, is quoted with its tail; a WARNING's function wrapped off its header still names it", () => {
  const r = analyze(['[    0.000000] ------------[ cut here ]------------', '[    0.000000] WARNING: CPU: 0 PID: 0 at kernel/jump_label.c:199', 'static_key_enable_cpuslocked+0xb8/0xf4', "[    0.000000] static_key_enable_cpuslocked(): static key '0xc1fb4cb0'", 'used before call to jump_label_init()', '[    0.000000] Modules linked in:', '[    0.000000] CPU: 0 UID: 0 PID: 0 Comm: swapper Not tainted', '6.11.0-rc1 #7'].join('\n') + '\n');
  const c = r.boots[0]!.crashes[0]!;
  assert.is(c.title, 'WARNING in static_key_enable_cpuslocked (kernel/jump_label.c:199)');
  assert.equal(c.evidence.map((e) => e.line).slice(0, 4), [2, 3, 4, 5]);
  assert.not.ok(c.evidence.some((e) => e.line === 8), "the task line's wrapped version is not worth quoting");
});

test('an oops opener indented as a mail quotes it (` \u00a0Unable to handle kernel …`) opens the oops as it does unindented', () => {
  for (const indent of [' ', ' \u00a0', '\t']) {
    const r = f([`${indent}Unable to handle kernel NULL pointer dereference at virtual address 00000068`, `${indent}Mem abort info:`, `${indent}Internal error: Oops: 96000004 [#1] PREEMPT SMP`]);
    assert.equal(r.kernelCrashes, ['oops'], JSON.stringify(indent));
    assert.ok(r.rootEvidence.some((e) => e.includes('Unable to handle kernel')));
  }
});

test("a panic's end marker after long backtraces of the other CPUs is the same panic, not a second one", () => {
  const cpuStop = Array.from({ length: 330 }, (_, i) => `[    5.${String(100000 + i).slice(1)}] [<c0188af0>] (cpu_startup_entry) from [<c0ba899c>] (rest_init+0x180/0x270)`);
  const r = f(['[    5.015319] Kernel panic - not syncing: corrupted stack end detected inside scheduler', '[    5.020000] CPU0: stopping', ...cpuStop, '[    7.286285] ---[ end Kernel panic - not syncing: corrupted stack end detected inside scheduler ]---']);
  assert.equal(r.kernelCrashes, ['panic']);
});

test("the kernel's `Failed to create /dev/root` before it cannot mount its root is quoted with the panic", () => {
  const r = f(['[    6.776007] Failed to create /dev/root: -2', '[    6.778989] VFS: Cannot open root device "PARTLABEL=rootfs" or unknown-block(179,6): error -2', '[    6.787200] Please append a correct "root=" boot option; here are the available partitions:', '[    7.138722] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(179,6)']);
  assert.ok(r.rootEvidence.some((e) => e.includes('Failed to create /dev/root')));
});

test("init's last step in the kernel's log under its PID (`systemd-shutdown[1]: Detaching DM devices.`) is quoted with the panic its exit caused", () => {
  const r = f(['[ 7303.287890] systemd-shutdown[1]: All loop devices detached.', '[ 7303.287930] systemd-shutdown[1]: Detaching DM devices.', '[ 7303.441674] printk: shutdown: 9 output lines suppressed due to ratelimiting', '[ 7303.443999] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100']);
  assert.ok(r.rootEvidence.some((e) => e.includes('Detaching DM devices')));
  assert.not.ok(r.rootEvidence.some((e) => e.includes('All loop devices detached')));
});

test('a paste hard-wrapped at a mail width, the space at each cut dropped, is read as the lines it was cut from', () => {
  // (Kernel lines of every length, wrapped as a mail client wraps them at 78 columns.)
  const wrap = (l: string, w = 78): string[] => {
    const out: string[] = [];
    while (l.length > w) {
      const cut = l.lastIndexOf(' ', w);
      out.push(l.slice(0, cut));
      l = l.slice(cut + 1);
    }
    return [...out, l];
  };
  const words = ['mmc1:', 'new', 'HS200', 'MMC', 'card', 'at', 'address', '0001', 'sdhci-pltfm:', 'SDHCI', 'platform', 'and', 'OF', 'driver', 'helper', 'registered'];
  const lines = Array.from({ length: 12 }, (_, i) => `[    1.${String(1000000 + i).slice(1)}] ${Array.from({ length: 10 + (i % 5) }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ')}`);
  const failing = '[    1.265823] blk_update_request: I/O error, dev mmcblk1, sector 136 op 0x0:(READ) flags 0x80700 phys_seg 8 prio class 0';
  const log = [...lines, failing, '[    1.300000] EXT4-fs (mmcblk1p1): unable to read superblock', 'Gave up waiting for root file system device.', 'ALERT! /dev/mmcblk1p1 does not exist. Dropping to a shell!', '(initramfs) '].flatMap((l) => wrap(l));
  assert.ok(log.length > 20, 'the paste was wrapped');
  const r = analyze(log.join('\n') + '\n');
  const all = r.boots.flatMap((b) => b.rootCause?.evidence ?? []);
  assert.ok(all.some((e) => e.text.includes('sector 136 op 0x0:(READ) flags')), JSON.stringify(all));
  assert.is(findings(r).emergency, 'initramfs-shell');
});

test('no wrap is read into a short paste, nor into a terminal capture whose lines were cut at its width', () => {
  // (A short paste: its widest line says nothing of a width it was wrapped at.)
  const short = f(['[TIME] Timed out waiting for device /dev/disk/by-uuid/4C45-1F05', '[DEPEND] Dependency failed for File System Check on /dev/disk/by-uuid/4C45-1F05', 'You are in emergency mode....']);
  assert.is(short.emergency, 'emergency');
  // (minicom at 90 columns: most long lines end at the 90th, their rest lost; the next line is a line of its own.)
  const cut = Array.from({ length: 10 }, (_, i) => `[   1${i}.571067] EXT4-fs (mmcblk0p2): couldn't mount as ext3 due to feature incompatibilitis`.padEnd(90, 'x').slice(0, 90));
  const r = analyze([...cut, 'Waiting for root system /dev/mmcblk0p2, countdown : 1', ...cut, 'Gave up waiting for root file system device.', 'ALERT! /dev/mmcblk0p2 does not exist. Dropping to a shell!', '(initramfs) '].join('\n') + '\n');
  assert.is(findings(r).emergency, 'initramfs-shell');
});

test("a description-only failure is not bound to a unit whose result came before that description's own start began", () => {
  const j = (t: string, m: string) => `ago 03 11:04:${t} user-laptop ${m}`;
  const r = analyze([j('32', 'systemd[1]: systemd-modules-load.service: Main process exited, code=exited, status=1/FAILURE'), j('32', "systemd[1]: systemd-modules-load.service: Failed with result 'exit-code'."), j('43', 'gpu-manager[1142]: Error: can\'t open /lib/modules/4.13.0-45-generic/updates/dkms'), j('49', 'systemd[1]: Starting LSB: VirtualBox Linux kernel module...'), j('49', 'virtualbox[1552]:  * No suitable module for running kernel found'), j('49', 'systemd[1]: Failed to start LSB: VirtualBox Linux kernel module.')].join('\n') + '\n');
  const failures = r.boots.flatMap((b) => b.cycles.flatMap((c) => c.failures));
  assert.ok(failures.some((x) => x.unit.name === null && x.unit.text === 'LSB: VirtualBox Linux kernel module'), JSON.stringify(failures.map((x) => x.unit)));
  // (Its result just before its status line still names it.)
  const named = f(['Mar 01 12:00:01 host systemd[1]: Starting Foo Daemon...', "Mar 01 12:00:02 host systemd[1]: foo.service: Failed with result 'exit-code'.", 'Mar 01 12:00:02 host systemd[1]: Failed to start Foo Daemon.']);
  assert.is(named.rootCause, 'foo.service');
});

test("systemd before 230 says a unit hit its start limit in its own words: `start request repeated too quickly for X`", () => {
  const r = f(['Jul  8 07:28:49 pc systemd[1]: lightdm.service: main process exited, code=exited, status=1/FAILURE', 'Jul  8 07:28:49 pc systemd[1]: lightdm.service holdoff time over, scheduling restart.', 'Jul  8 07:28:49 pc systemd[1]: start request repeated too quickly for lightdm.service', 'Jul  8 07:28:49 pc systemd[1]: Failed to start Light Display Manager.', 'Jul  8 07:28:49 pc systemd[1]: lightdm.service failed.']);
  assert.is(r.rootCause, 'lightdm.service');
  assert.ok(r.rootEvidence.some((e) => e.includes('start request repeated too quickly')));
});

test("a quiet initramfs that waited for a root device that never came: what its programs said as it waited is quoted", () => {
  const r = analyze(['[    5.110355] i8042.c: No controller found.', 'Loading, please wait...', '/sbin/udevd: error while loading shared libraries: libdl.so.2: cannot open shared object file: No such file or directory', 'dmraid: error while loading shared libraries: libdl.so.2: cannot open shared object file: No such file or directory', 'Gave up waiting for root device. Common problems:', ' - Boot args (cat /proc/cmdline)', ' - Missing modules (cat /proc/modules; ls /dev)', 'ALERT! /dev/mapper/nvidia_dgcgcffh1 does not exist. Dropping to a shell!', '', 'BusyBox v1.13.3 (Ubuntu 1:1.13.3-1ubuntu7) built-in shell (ash)', '(initramfs) '].join('\n') + '\n');
  const ev = r.boots[0]!.rootCause!.evidence.map((e) => e.text);
  assert.ok(ev.some((t) => t.startsWith('dmraid: error while loading shared libraries')), JSON.stringify(ev));
  assert.ok(ev.some((t) => t.startsWith('/sbin/udevd: error')));
});

test("a journal line word-wrapped at the paste's width, its space dropped, is joined with the space; one cut at the very column is joined as it was", () => {
  const pre = (m: string) => `Jan 10 10:00:00 imx8qxpmek ${m}`;
  const filler = ['systemd[1]: Started Load/Save Random Seed and a few other things too.', 'systemd[1]: Reached target Local File Systems (Pre) and then some more.', 'kernel: imx-drm display-subsystem: bound imx-dpu-crtc.0 (ops 0x1234)', 'kernel: mmcblk0: mmc0:0001 DG4016 14.7 GiB and the partitions p1 p2 p3'].map(pre);
  // (Wrapped as a mail client wraps at 78 columns: at the last space that fits, the space dropped.)
  const wrap = (l: string): string[] => (l.length <= 78 ? [l] : [l.slice(0, l.lastIndexOf(' ', 78)), ...wrap(l.slice(l.lastIndexOf(' ', 78) + 1))]);
  const wrapped = [...filler, ...filler, pre('systemd[1]: weston.service: Main process exited, code=exited, status=1/FAILURE'), pre('systemd[1]: Failed to start Weston, a Wayland compositor, as a system service.')].flatMap(wrap);
  assert.ok(wrapped.includes('compositor, as a system service.'), JSON.stringify(wrapped));
  const report = analyze(wrapped.join('\n') + '\n');
  assert.is(findings(report).rootCause, 'weston.service');
  assert.is(report.boots[0]!.cycles[0]!.failures[0]!.unit.description, 'Weston, a Wayland compositor, as a system service');
  // (A line the mail client could not break, one long word, leaves the paste's width what the others show.)
  const unbroken = pre(`kernel: Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-imx8-${'x'.repeat(60)}`);
  const withLong = analyze([unbroken, ...wrapped].join('\n') + '\n');
  assert.is(withLong.boots[0]!.cycles[0]!.failures[0]!.unit.description, 'Weston, a Wayland compositor, as a system service');
});

test("a journal line a mail cut just after a comma is joined with the space prose has there: md's disabling of a failed member is read", () => {
  const j = (m: string) => `touko 05 09:19:00 taavi kernel: ${m}`;
  const long = (i: number) => j(`ACPI: SSDT 0x00000000CAFE${i}000 00${i}ABC (v02 AMD    AmdTable 00000002 MSFT 04000000) and more`);
  const r = f([...Array.from({ length: 4 }, (_, i) => long(i)), j('I/O error, dev sdb, sector 157634824 op 0x0:(READ) flags 0x80700 phys_seg 32 prio class 0'), j('md/raid1:md1: Disk failure on sdb3,'), 'disabling device.', j('md/raid1:md1: Operation continuing on 1 devices.')]);
  assert.is(r.rootCause, 'md/raid1:md1: Disk failure on sdb3, disabling device.');
});

test('live input gone quiet: a line held for a wrapped rest that is not coming counts at once', () => {
  const a = new Analyzer({ name: 'live' });
  a.write(new TextEncoder().encode(['Mar 01 12:00:01 host systemd[1]: Starting Foo Daemon that does some things...', 'Mar 01 12:00:02 host systemd[1]: foo.service: Main process exited, code=exited, status=1/FAILURE', 'Mar 01 12:00:02 host systemd[1]: Failed to start Foo Daemon that does some things and more', ''].join('\n')));
  // (A journal line of that length with no full stop may go on in the next line of a paste: it waits for it.)
  assert.is(a.report().rootCause, null);
  a.checkPartialLine();
  assert.is(a.report().rootCause?.unit, 'foo.service');
});

test('init run on a console that showed its bootloader, then nothing from userspace while the kernel clock runs on a minute: the boot stopped there', () => {
  const k = (t: string, m: string) => `[${t.padStart(12)}] ${m}`;
  const head = ['U-Boot 2021.07 (May 28 2021 - 17:05:35 +0200)', 'Hit any key to stop autoboot:  0', 'Starting kernel ...', '', k('0.000000', 'Booting Linux on physical CPU 0x0'), k('0.000000', 'Linux version 5.13.0 (x@y) (gcc) #1'), k('4.401197', 'Run /linuxrc as init process'), k('4.478612', '  with arguments:'), k('4.555066', '    /linuxrc'), k('4.595404', '  with environment:'), k('4.672212', '    HOME=/')];
  const hung = analyze([...head, k('206.785288', 'random: crng init done')].join('\n') + '\n');
  assert.is(hung.rootCause?.description, 'Run /linuxrc as init process');
  assert.ok(hung.rootCause!.evidence.some((e) => e.text.includes('crng init done')));
  // (A few seconds only, a line from userspace, or a dmesg with no bootloader before it: nothing to say.)
  assert.is(analyze([...head, k('9.785288', 'random: crng init done')].join('\n') + '\n').rootCause, null);
  assert.is(analyze([...head, 'Starting syslogd: OK', k('206.785288', 'random: crng init done')].join('\n') + '\n').rootCause, null);
  assert.is(analyze([...head.slice(4), k('206.785288', 'random: crng init done')].join('\n') + '\n').rootCause, null);
});

test("an rc script's step that prints a dot a moment as it waits is no systemd job: its FAIL lines below are the step's", () => {
  const r = f(['Starting syslogd: OK', 'Starting network: Waiting for interface eth0 to appear...............', 'timeout!', 'run-parts: /etc/network/if-pre-up.d/wait_iface: exit status 1', 'FAIL', '', 'Welcome to Buildroot', 'buildroot login:']);
  assert.is(r.rootCause, 'network');
  assert.is(r.cycles, 0);
  // (systemd's own `Starting Foo...` is still its job.)
  assert.is(f(['[  OK  ] Reached target Basic System.', 'Starting Network Manager...', '[FAILED] Failed to start Network Manager.']).cycles, 1);
});

test("a BUG whose report the log lost after its header, right after a task's WARNINGs: the chain began at the first WARNING", () => {
  const j = (m: string) => `Mar 18 12:38:45 n100 kernel: ${m}`;
  const warn = (at: string, fn: string) => [j('------------[ cut here ]------------'), j(`WARNING: CPU: 3 PID: 7219 at ${at} ${fn}+0xba/0x110`), j('Modules linked in: igc'), j('CPU: 3 PID: 7219 Comm: transmission-da Tainted: P           OE      6.1.0-6-amd64 #1  Debian 6.1.15-1'), j(`RIP: 0010:${fn}+0xba/0x110`), j('Call Trace:'), j(' <TASK>'), j(' igc_poll+0x1d1/0x1560 [igc]'), j(' </TASK>'), j('---[ end trace 0000000000000000 ]---')];
  const log = [j('Linux version 6.1.0-6-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP'), j('igc 0000:02:00.0 enp2s0: Reset adapter'), j('refcount_t: underflow; use-after-free.'), ...warn('lib/refcount.c:28', 'refcount_warn_saturate'), ...warn('drivers/iommu/dma-iommu.c:1038', 'iommu_dma_unmap_page'), j('------------[ cut here ]------------'), j('kernel BUG at lib/dynamic_queue_limits.c:27!')];
  const r = analyze(log.join('\n') + '\n');
  assert.is(findings(r).kernelCrashes.join(' '), 'warning warning bug');
  assert.ok(r.rootCause?.headline.includes('refcount_warn_saturate'), r.rootCause?.headline);
  // (With the BUG's own report, another task's: a crash of its own.)
  const other = analyze([...log, j('Internal error: Oops - BUG: 0 [#1] SMP'), j('CPU: 1 PID: 88 Comm: kworker/1:2 Tainted: P           OE      6.1.0-6-amd64 #1'), j('Call Trace:'), j(' dql_completed+0x10/0x20')].join('\n') + '\n');
  assert.ok(other.rootCause?.headline.includes('dynamic_queue_limits'), other.rootCause?.headline);
});

test('`Fatal hardware error!`: the APEI report it ends, under its record number, is the evidence', () => {
  const k = (m: string) => `[    6.308886] ${m}`;
  const r = analyze([k('Linux version 5.10.0 (x@y) (gcc) #3 SMP'), k('{1}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 4'), k('{1}[Hardware Error]: event severity: fatal'), k('{1}[Hardware Error]:  Error 0, type: fatal'), k('{1}[Hardware Error]:   section_type: memory error'), k('{1}[Hardware Error]:   DIMM location: CPU 1 DIMM 8'), k('Kernel panic - not syncing: Fatal hardware error!')].join('\n') + '\n');
  const ev = r.rootCause!.evidence.map((e) => e.text);
  assert.ok(ev.some((t) => t.includes('event severity: fatal')), JSON.stringify(ev));
  assert.ok(ev.some((t) => t.includes('Generic Hardware Error Source')));
});

test("a short journal paste wrapped by a mail: the line held is the widest yet, and still its rest's first word did not fit", () => {
  const r = f(['Oct 03 16:28:20 testnode systemd[1]: Stopped OSTree Finalize Staged', 'Deployment.', "Oct 03 16:28:20 testnode systemd[1]: ostree-finalize-staged.service: Failed", "with result 'exit-code'.", 'Oct 03 16:28:20 testnode systemd[1]: ostree-finalize-staged.service: Control', 'process exited, code=exited status=1']);
  assert.is(r.rootCause, 'ostree-finalize-staged.service');
  // (A terminal's hard cut at its 80th column, mid-word, still joins without a space.)
  const cut = f(["Oct 03 16:28:20 testnode systemd[1]: ostree-finalize-staged.service: Failed wit", "h result 'exit-code'."]);
  assert.is(cut.rootCause, 'ostree-finalize-staged.service');
});

test('the kernel waits for a root device the storage stack failed to set up just before: its error is evidence', () => {
  const k = (t: string, m: string) => `[${t.padStart(12)}] ${m}`;
  const r = analyze(['Starting kernel ...', k('0.000000', 'Booting Linux on physical CPU 0x0000000000 [0x411fd090]'), k('6.522222', 'ubi0 error: ubi_attach_mtd_dev: failed to attach mtd1, error -22'), k('6.529294', 'UBI error: cannot attach mtd1'), k('6.533450', 'clk: Disabling unused clocks'), k('6.537583', 'Waiting for root device /dev/ubiblock0_5...')].join('\n') + '\n');
  assert.is(r.rootCause?.kind, 'root-device');
  assert.ok(r.rootCause!.evidence.some((e) => e.text.includes('cannot attach mtd1')), JSON.stringify(r.rootCause!.evidence));
});

test("a start job's spinner frame a mail wrapped, whatever phase its stars were in: its time limit on the next line is joined", () => {
  const wrap = (l: string): string[] => (l.length <= 78 ? [l] : [l.slice(0, l.lastIndexOf(' ', 78)), ...wrap(l.slice(l.lastIndexOf(' ', 78) + 1))]);
  const frames = ['[   ***]', '[    **]', '[     *]', '[*     ]', '[**    ]', '[***   ]'].map((s, i) => `${s} A start job is running for /dev/disk/by-label/data-volume (1min ${10 + i}s / 1min 30s)`);
  const log = ['[  OK  ] Reached target Basic System.', ...frames].flatMap(wrap);
  assert.ok(log.includes('1min 30s)'), JSON.stringify(log));
  const r = analyze(log.join('\n') + '\n');
  assert.ok(r.rootCause?.headline.includes('of 1min 30s'), r.rootCause?.headline);
});

test('init killed as it read a file system the kernel had just found damaged: the damage is why, not a mount that failed before it', () => {
  const k = (t: string, m: string) => `[${t.padStart(12)}] ${m}`;
  const r = analyze([k('5.900000', 'Freeing unused kernel memory: 1024K'), 'mount: mounting /dev/mmcblk0p1 on /mnt/sdcard/ failed: No such file or directory', k('7.121111', 'block ubiblock0_1: created from ubi0:1(recoveryfs)'), k('7.627410', 'SQUASHFS error: zlib decompression failed, data probably corrupt'), k('7.627449', 'SQUASHFS error: squashfs_read_data failed to read block 0x1e97f5'), k('7.670215', 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000007'), k('7.670249', 'CPU: 0 PID: 1 Comm: init Not tainted 4.9.155 #1')].join('\n') + '\n');
  assert.is(r.rootCause?.description, 'SQUASHFS error: zlib decompression failed, data probably corrupt');
  assert.ok(r.rootCause!.evidence.some((e) => e.text.includes('Attempted to kill init')));
});

test("a user manager's dependency failure is not laid at a system unit's door", () => {
  const j = (who: string, m: string) => `May 29 15:02:45 xps ${who}: ${m}`;
  const r = f([j('systemd[1]', 'fancontrol.service: Failed with result \'exit-code\'.'), j('systemd[1]', 'Failed to start fancontrol.service - fan speed regulator.'), j('systemd[1]', 'clamav-clamonacc.service: Main process exited, code=exited, status=2/INVALIDARGUMENT'), j('systemd[1]', "clamav-clamonacc.service: Failed with result 'exit-code'."), j('systemd[2215]', 'Dependency failed for wireplumber.service - Multimedia Service Session Manager.')]);
  assert.is(r.rootCause, 'fancontrol.service');
});

test("an oops the kernel numbers [#2], its panic far below: the chain began at oops [#1], however far above, and ARM's `Unhandled fault` opens it", () => {
  const k = (t: string, m: string) => `[${t.padStart(12)}] ${m}`;
  const filler = Array.from({ length: 450 }, (_, i) => k(`5.${String(100000 + i).slice(1)}`, `[<c0c1d2e${i % 10}>] (handle_fasteoi_irq) from [<c0c1d2f0>] (generic_handle_irq+0x34/0x44)`));
  const r = analyze([k('5.002197', 'Waiting for root device PARTUUID=6b10e805-12ad-b44e-88b8-3abf3d5f52ed...'), k('5.022918', '8<--- cut here ---'), k('5.026000', 'Unhandled fault: imprecise external abort (0x1406) at 0x00000000'), k('5.035797', '[00000000] *pgd=00000000'), k('5.039398', 'Internal error: : 1406 [#1] SMP ARM'), k('5.047027', 'CPU: 0 PID: 22 Comm: kworker/0:1 Not tainted 5.13.0-rc1-next-20210510 #1'), k('5.065002', 'PC is at xhci_hub_control+0x5c/0x1f4'), ...filler, k('5.921081', 'Unable to handle kernel paging request at virtual address f880350c'), k('5.934661', 'Internal error: Oops: 5 [#2] SMP ARM'), k('5.942382', 'CPU: 0 PID: 22 Comm: kworker/0:1 Tainted: G      D           5.13.0-rc1-next-20210510 #1'), k('5.961730', 'PC is at l3_interrupt_handler+0x80/0x39c'), ...filler.slice(0, 60), k('7.286621', 'Kernel panic - not syncing: Fatal exception in interrupt')].join('\n') + '\n');
  assert.ok(r.rootCause?.headline.includes('xhci_hub_control'), r.rootCause?.headline);
  assert.ok(r.rootCause!.evidence.some((e) => e.text.includes('Unhandled fault: imprecise external abort')));
});

test('no working init after the kernel could not unpack its initramfs: the unpack failure is the evidence', () => {
  const k = (t: string, m: string) => `<0>[${t.padStart(12)}] ${m}`;
  const r = analyze([k('0.000000', 'Linux version 5.5.0-rc7 (x@y) (gcc) #1 SMP'), k('2.779878', 'Trying to unpack rootfs image as initramfs...'), k('2.783430', 'Initramfs unpacking failed: junk within compressed archive'), k('3.338337', 'Failed to execute /init (error -2)'), k('3.342371', 'Run /sbin/init as init process'), k('3.357448', 'Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.')].join('\n') + '\n');
  assert.is(findings(r).rootCause, 'panic');
  assert.ok(r.rootCause!.evidence.some((e) => e.text.includes('Initramfs unpacking failed')), JSON.stringify(r.rootCause!.evidence));
});

test("a file system's error without the kernel's stamp, quoted indented in a mail, is the kernel's: the damage is found", () => {
  const r = f(['    EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)', '    VFS: Mounted root (ext3 filesystem) readonly on device 8:1.', '    EXT4-fs error (device sda1): ext4_get_branch:171: inode #1980:', 'block 27550: comm jbd2/sda1-1980: invalid block', '    Aborting journal on device sda1-1980.', '    EXT4-fs (sda1): Remounting filesystem read-only']);
  assert.ok(String(r.rootCause).startsWith('EXT4-fs error (device sda1): ext4_get_branch:171'), String(r.rootCause));
  // (A file system's ordinary words, untimed, are not its damage.)
  assert.is(f(['EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)', 'EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro']).rootCause, null);
});

test("a journal a mail cut as format=flowed, a short line ending in its one space where the next word was long: the kernel's banner is read", () => {
  const r = analyze(['May 13 21:22:23 archlinux kernel: Linux version ', '6.9.0-1-git-01560-ga7c840ba5fa7 (linux-git@archlinux) (gcc (GCC) 14.1.1 ', '20240507, GNU ld (GNU Binutils) 2.42.0) #1 SMP PREEMPT_DYNAMIC Tue, 14 ', 'May 2024 01:49:25 +0000', 'May 13 21:22:23 archlinux kernel: Command line: ', 'initrd=\\initramfs-linux-git.img root=/dev/nvme0n1p2 rw', 'May 13 21:22:30 archlinux systemd[1]: Reached target Multi-User System.'].join('\n') + '\n');
  assert.is(r.boots[0]!.startsMidway, false);
  assert.is(r.boots[0]!.kernelVersion, '6.9.0-1-git-01560-ga7c840ba5fa7');
});

test("Upstart's init, dying, says why in the kernel's log and then that it died: both are quoted with the panic", () => {
  const r = f(['[    4.541048] Run /init as init process', '[    4.547403] init: timer.c:289: Assertion failed in nih_timer_poll: clock_gettime (CLOCK_MONOTONIC, &now) == 0', '[    4.548967] init: Caught abort, core dumped', '[    4.549626] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000600']);
  assert.is(r.rootCause, 'panic');
  assert.ok(r.rootEvidence.some((e) => e.includes('Assertion failed in nih_timer_poll')), JSON.stringify(r.rootEvidence));
});

test("PID 1's audit record of a unit, cut by a mail before its result, goes on to its `res=`: emergency mode known only from it is read", () => {
  const r = f(['[   10.963274] BTRFS critical (device sdb1): corrupt leaf: root=5', 'block=3210507616256 slot=24 ino=265, invalid inode generation', '[   11.734989] audit: type=1130 audit(1563271482.275:8): pid=1 uid=0', "auid=4294967295 ses=4294967295 msg='unit=emergency comm=\"systemd\"", 'exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=?', "res=success'", '[   11.810131] random: crng init done']);
  assert.is(r.emergency, 'emergency');
});

test("an excerpt that begins inside an oops's report (no header, `---[ end trace`), then a report tainted D: the oops is the first crash and the cause", () => {
  const body = ['[    0.584703] Call trace:', '[    0.585012]  neon_poly1305_update+0x6c/0x180', '[    0.585244]  crypto_shash_update+0x2c/0x40', '[    0.587690] Code: bad PC value', '[    0.587938] ---[ end trace c96c5ab80417cd3f ]---', '[    0.588322] ------------[ cut here ]------------', '[    0.588665] WARNING: CPU: 0 PID: 314 at arch/arm64/kernel/fpsimd.c:156 __get_cpu_fpsimd_context+0x2c/0x38', '[    0.589219] Modules linked in:'];
  const died = f([...body, '[    0.589471] CPU: 0 PID: 314 Comm: cryptomgr_test Tainted: G      D           5.5.7-1-ARCH #1', '[    0.590715] pstate: 80400085 (Nzcv daIf +PAN -UAO)']);
  assert.equal(died.kernelCrashes, ['oops', 'warning']);
  assert.is(died.rootCause, 'oops');
  // (Tainted W only: a warning before it, not a death; nothing is made of the headless report.)
  const warned = f([...body, '[    0.589471] CPU: 0 PID: 314 Comm: cryptomgr_test Tainted: G        W         5.5.7-1-ARCH #1', '[    0.590715] pstate: 80400085 (Nzcv daIf +PAN -UAO)']);
  assert.equal(warned.kernelCrashes, ['warning']);
});

test("a web page's code block copied with its line numbers glued on: the numbers are taken off while they count on, and said", () => {
  const lines = ['U-Boot 2016.01 (May 13 2016 - 19:24:15 +0800)', 'CPU: Freescale Treerunner S32V234 at 1000 MHz', 'Board: s32v234evb', 'reading uImage', '6536576 bytes read in 558 ms (11.2 MiB/s)', '## Booting kernel from Legacy Image at 8007ffc0 ...', 'Unsupported Architecture 0x2', "ERROR: can't get kernel image!", '=> '];
  const r = analyze(lines.map((l, i) => `${i + 1}${l}`).join('\n') + '\n');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'line-numbers' && e.lines === lines.length));
  assert.is(r.boots[0]!.rootCause?.headline.includes('Unsupported Architecture 0x2'), true);
  // (Line 5's own digits are not taken for its number: only the count's `5` is.)
  const texts: string[] = [];
  const a = new Analyzer({ onRecord: (rec) => void texts.push(rec.at.text) });
  a.write(new TextEncoder().encode(lines.map((l, i) => `${i + 1}${l}`).join('\n') + '\n'));
  a.end();
  assert.ok(texts.includes('6536576 bytes read in 558 ms (11.2 MiB/s)'), texts.join(' | '));
  // A list that does not go on counting is left as it is.
  const plain = analyze('1 CPU online\n2 nodes\nLinux version 6.1.0 (x@y) #1 SMP\n');
  assert.not.ok(plain.input.envelopes.some((e) => e.kind === 'line-numbers'));
});

test("a page's typography and a person's retyping: a dash for the hyphen, `the root device`, `Dropping to shell`, e2fsck's colon and full stops", () => {
  assert.is(f(['VFS: Cannot open root device "sda1" or unknown-block (0,0)', 'Kernel panic \u2013 not syncing : VFS: Unable to mount root fs on unknown-block (0,0)']).rootCause, 'panic');
  const gave = f(['Gave up waiting for the root device. Common problems:', ' - Boot args (cat /proc/cmdline)', 'ALERT! does not exist. Dropping to shell']);
  assert.is(gave.emergency, 'initramfs-shell');
  const fsck = f(['/dev/sda1 contains a file system with errors, check forced.', '/dev/sda1: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.', '(i.e., without -a or -p options)', 'fsck exited with status code 4.', 'The root filesystem on /dev/sda1 requires a manual fsck.', 'BusyBox v1.30.1 (Ubuntu 1:1.30.1-4ubuntu6.1) built-in shell (ash)', "Enter 'help' for a list of built-in commands.", '(initramfs)']);
  assert.is(fsck.rootCause, 'The root filesystem on /dev/sda1 requires a manual fsck');
});

test('a path a person shortened with `...` names no unit: the fsck unit of `/dev/disk/by-uuid/e84be969...` stays unnamed', () => {
  const r = analyze(['[ TIME ] Timed out waiting for device /dev/disk/by-uuid/e84be969... .', '[DEPEND] Dependency failed for File System Check on /dev/disk/by-uuid/e84be969... .', '[DEPEND] Dependency failed for /data/vault.', '[DEPEND] Dependency failed for Local File Systems.'].join('\n') + '\n');
  const names = r.boots[0]!.cycles[0]!.failures.map((x) => x.unit.name);
  assert.not.ok(names.some((n) => n !== null && n.startsWith('systemd-fsck@')), names.join(' '));
  assert.ok(names.includes('data-vault.mount'));
});

test("a page's curly quotes around systemd's own: `See ‘systemctl status foo.service’` names the unit, `Failed with result ‘exit-code’` is its result", () => {
  const see = analyze("[FAILED] Failed to start Foo Configuration Service.\nSee \u2018systemctl status foo-config.service\u2019 for details.\n");
  assert.is(see.boots[0]!.cycles[0]!.failures[0]!.unit.name, 'foo-config.service');
  const result = analyze('Mar 01 12:00:01 host systemd[1]: foo.service: Main process exited, code=exited, status=1/FAILURE\nMar 01 12:00:01 host systemd[1]: foo.service: Failed with result \u2018exit-code\u2019.\nMar 01 12:00:02 host systemd[1]: bar.service: Job bar.service/start failed with result \u2018dependency\u2019.\n');
  const failures = result.boots[0]!.cycles[0]!.failures;
  assert.ok(failures.some((x) => x.unit.name === 'foo.service' && x.result === 'exit-code'), JSON.stringify(failures.map((x) => [x.unit.name, x.result])));
  assert.ok(failures.some((x) => x.unit.name === 'bar.service'), JSON.stringify(failures.map((x) => [x.unit.name, x.result])));
});

test("arm64's SError report is a panic, where it was (`pc : …`) named; the panic it ends in and other CPUs' reports after it are the same incident", () => {
  const cut = analyze(['[    0.000000] Linux version 5.10.120 (x@y) #1 SMP', '[    0.000000] SError Interrupt on CPU0, code 0xbf000000 -- SError', '[    0.000000] CPU: 0 PID: 0 Comm: swapper Not tainted 5.10.120 #1', '[    0.000000] pc : setup_arch+0x164/0x58c', '[    0.000000] lr : setup_arch+0x15c/0x58c'].join('\n') + '\n');
  assert.equal(cut.boots[0]!.crashes.map((c) => [c.kind, c.title]), [['panic', 'SError Interrupt on CPU0 in setup_arch']]);
  const whole = analyze(['[    1.000000] SError Interrupt on CPU0, code 0xbf000000 -- SError', '[    1.000001] pc : rcar_pci_read_reg+0xc/0x20', '[    1.000003] Kernel panic - not syncing: Asynchronous SError Interrupt', '[    1.000004] SError Interrupt on CPU3, code 0xbf000000 -- SError', '[    1.000005] ---[ end Kernel panic - not syncing: Asynchronous SError Interrupt ]---'].join('\n') + '\n');
  const crashes = whole.boots[0]!.crashes;
  assert.equal(crashes.map((c) => c.title), ['kernel panic: Asynchronous SError Interrupt']);
  assert.ok(crashes[0]!.evidence.some((e) => e.text.includes('SError Interrupt on CPU0')));
});

test("dracut's emergency words retyped (`Entering emergency mode. exit shell to continue`) are its shell; a unit whose process could not execute its program says so", () => {
  assert.is(f(['Entering emergency mode. exit shell to continue', 'type journalctl to view system logs']).emergency, 'dracut-shell');
  const r = analyze(['2025-12-06T12:43:28.155491+01:00 host systemd[1]: Starting User Manager for UID 461...', '2025-12-06T12:43:28.182766+01:00 host (systemd)[1486]: user@461.service: Failed to execute /usr/lib/systemd/systemd: Permission denied', '2025-12-06T12:43:28.183714+01:00 host systemd[1]: user@461.service: Main process exited, code=exited, status=203/EXEC', '2025-12-06T12:43:28.183800+01:00 host systemd[1]: user@461.service: Failed with result \'exit-code\'.'].join('\n') + '\n');
  const failure = r.boots[0]!.cycles[0]!.failures.find((x) => x.unit.name === 'user@461.service');
  assert.ok(failure?.evidence.some((e) => e.text.includes('Failed to execute /usr/lib/systemd/systemd: Permission denied')), JSON.stringify(failure?.evidence));
});

test("dracut's lines as a page spaced them (`dracut - initqueue[312]:Warning: Could not boot.`) are dracut's: the root it waited for is the cause", () => {
  const r = f(['[ 189.478627] dracut - initqueue[312]:Warning: dracut-initqueue timeout - starting timeout scripts', '[ 189.479027] dracut - initqueue[312]:Warning: Could not boot.', '[ 189.922409] dracut - initqueue[312]:Warning: /dev/disk/by-uuid/5058256d-1234-4321-abcd-45b98cfe68fe does not exist.', 'Starting Dracut Emergency Shell...', 'Entering emergency mode. Exit the shell to continue.', 'dracut:/#']);
  assert.is(r.emergency, 'dracut-shell');
  assert.is.not(r.rootCause, 'unexplained');
});

test("Trusted Firmware's `ERROR:` lines after its banner, no kernel after them: the firmware's failure is the boot's cause", () => {
  const r = analyze(['[  236.371243] reboot: Restarting system', 'NOTICE:  BL2: v1.5(release):LSDK-20.12-8-g9115785', 'NOTICE:  BL2: Built : 19:24:37, Jun 15 2021', 'ERROR:   Read error = fffffffd', 'ERROR:   Failed to load 29 firmware.', 'ERROR:   BL2: Failed to load image (-2)'].join('\n') + '\n');
  const last = r.boots.at(-1)!;
  assert.ok(last.rootCause !== null && last.rootCause.headline.includes('Read error = fffffffd'), JSON.stringify(last.rootCause));
  // (The same words from a program after a kernel ran are not the firmware's.)
  const later = analyze(['[    0.000000] Linux version 6.1.0 (x@y) #1 SMP', '[    1.000000] Run /init as init process', 'ERROR: device not found'].join('\n') + '\n');
  assert.not.ok(JSON.stringify(later.boots[0]!.rootCause ?? '').includes('bootloader'));
});

test("old systemd's `Job dev-md1.device/start timed out.` copied without its prefix is PID 1's; TegraBoot's `PT: Partition TBC NOT found` stops the boot", () => {
  const r = f(['Job dev-md1.device/start timed out.', 'Dependency failed for /user3.', 'Dependency failed for File System Check on /dev/md1.']);
  assert.is(r.rootCause, 'dev-md1.device');
  const t = analyze(['[0000.163] [L4T TegraBoot] (version 00.00.2018.01-l4t-e82258de)', '[0000.168] Processing in cold boot mode Bootloader 2', '[0000.334] Using BFS PT to query partitions ', '[0000.338] PT: Partition TBC NOT found ! '].join('\n') + '\n');
  assert.ok(t.boots[0]!.rootCause?.headline.includes('PT: Partition TBC NOT found'), JSON.stringify(t.boots[0]!.rootCause));
});

test("`Triggering OnFailure= dependencies` in systemd 229's and 219's words (bare after the unit's failure, `… of local-fs.target.`) starts emergency mode as local-fs.target's does", () => {
  const bare = f(['systemd[1]: dev-mmcblk0p1.device: Job dev-mmcblk0p1.device/start timed out.', 'systemd[1]: Timed out waiting for device dev-mmcblk0p1.device.', 'systemd[1]: Dependency failed for /mnt/tfcard.', 'systemd[1]: Dependency failed for Local File Systems.', "systemd[1]: Job failed with result 'dependency'.", 'systemd[1]: Triggering OnFailure= dependencies.']);
  assert.is(bare.emergency, 'emergency');
  const of = f(['Jul 30 12:29:11 host systemd[1]: Dependency failed for Local File Systems.', "Jul 30 12:29:11 host systemd[1]: Job local-fs.target/start failed with result 'dependency'.", 'Jul 30 12:29:11 host systemd[1]: Triggering OnFailure= dependencies of local-fs.target.']);
  assert.is(of.emergency, 'emergency');
  // (A service's own OnFailure= is no emergency.)
  const svc = f(['Jul 20 21:55:11 host systemd[1]: Failed to start Update the operating system whilst offline.', 'Jul 20 21:55:11 host systemd[1]: Triggering OnFailure= dependencies of packagekit-offline-update.service.']);
  assert.is(svc.emergency, 'none');
});

test("newer dracut's initqueue timeout (`dracut-initqueue: starting timeout scripts`) with the device it still waits for, in a journal of the initrd alone: that device is the cause", () => {
  const hook = 'Warning: /lib/dracut/hooks/initqueue/finished/devexists-\\x2fdev\\x2fdisk\\x2fby-uuid\\x2f95230fe4-199a-4b39-a8bf-762c425e0230.sh: "[ -e "/dev/disk/by-uuid/95230fe4-199a-4b39-a8bf-762c425e0230" ]"';
  const report = analyze([`[  135.847868] localhost dracut-initqueue[441]: ${hook}`, '[  135.866389] localhost dracut-initqueue[441]: Warning: dracut-initqueue: starting timeout scripts', '[  136.438166] localhost dracut-initqueue[441]: Warning: dracut-initqueue: timeout, still waiting for following initqueue hooks:', `[  136.442699] localhost dracut-initqueue[441]: ${hook}`].join('\n') + '\n');
  assert.is(findings(report).rootCauseKind, 'root-device');
  assert.ok(report.headline.includes('/dev/disk/by-uuid/95230fe4-199a-4b39-a8bf-762c425e0230'), report.headline);
});

test("EDK II's boot manager that could load no boot option (`BdsDxe: failed to load Boot0002 … : Not Found`, then PXE) failed the boot; one it then started (`BdsDxe: starting Boot0003`) got past it", () => {
  const failed = ['BdsDxe: failed to load Boot0002 "UEFI QEMU QEMU CD-ROM " from PciRoot(0x0)/Pci(0x2,0x0)/Scsi(0x0,0x0): Not Found', '', '>>Start PXE over IPv4.', '  PXE-E16: No valid offer received.', 'BdsDxe: failed to load Boot0007 "UEFI PXEv4 (MAC:525555DDF77C)" from PciRoot(0x0)/Pci(0x3,0x0)/MAC(525555DDF77C,0x1): Not Found'];
  const r = analyze(failed.join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.ok(r.boots[0]!.rootCause?.headline.includes('failed to load Boot0002'), JSON.stringify(r.boots[0]!.rootCause));
  const got = analyze([failed[0], 'BdsDxe: loading Boot0003 "UEFI Misc Device" from PciRoot(0x0)/Pci(0x4,0x0)', 'BdsDxe: starting Boot0003 "UEFI Misc Device" from PciRoot(0x0)/Pci(0x4,0x0)', 'Welcome to GRUB!'].join('\n') + '\n');
  assert.is(got.boots[0]!.rootCause, null, JSON.stringify(got.boots[0]!.rootCause));
});

test("a log viewer's syslog with the time alone and PID 1 named `systemd:` without its PID (CentOS 7's rsyslog) is PID 1's", () => {
  const r = f(['01:52:38 systemd-remount: /bin/mount for / exited with exit status 32.', '01:52:39 systemd: Failed to start Remount Root and Kernel File Systems.']);
  assert.is(r.rootCause, 'systemd-remount-fs.service');
  // (A CI clock before console text is still taken off: `12:00:01 [  OK  ] Started …` is the console's line.)
  const ci = f(['12:00:01 [  OK  ] Started Journal Service.', '12:00:02 [FAILED] Failed to start foo.service - Foo.']);
  assert.is(ci.rootCause, 'foo.service');
});

test("GRUB's `can't find command` in a menu entry and its `Failed to boot both default and fallback entries.` fail the boot before any kernel", () => {
  const r = analyze(["  Booting `openSUSE Tumbleweed'", '', 'Loading Linux 5.6.8-1-default ...', "error: can't find command `linuxefi'.", 'Loading initial ramdisk ...', "error: can't find command `initrdefi'.", '', 'Press any key to continue...', '', '  Failed to boot both default and fallback entries.'].join('\n') + '\n');
  assert.ok(r.boots[0]!.rootCause?.headline.includes("can't find command `linuxefi'"), JSON.stringify(r.boots[0]!.rootCause));
});

test("firmware rows are tried by every first character their pattern allows: Amlogic's boot ROM of any SoC (`SM1:BL:…;FEAT:`), iPXE's `tftp://…… ok`, and the Pi's bootcode.bin start a boot", () => {
  const aml = analyze(['SM1:BL:511f6b:81ca2f;FEAT:A0F83180:20282000;POC:F;RCY:0;EMMC:0;READ:0;0.0;CHK:0;', 'bl2_stage_init 0x01', 'Board ID = 4'].join('\n') + '\n');
  assert.is(aml.boots.length, 1);
  const ipxe = analyze(['tftp://10.0.0.1/deploy/bzImage... ok', '[    0.000000] Linux version 6.1.0 (x@y) #1 SMP'].join('\n') + '\n');
  assert.is(ipxe.boots.length, 1);
  assert.ok(ipxe.boots[0]!.phases.some((p) => p.name === 'firmware'), JSON.stringify(ipxe.boots[0]!.phases));
  // (bootcode.bin run twice in one power-on, from the SD card and then from a USB drive: one boot.)
  const pi = analyze(['Raspberry Pi Bootcode', '', 'USB MSD boot', 'Read File: config.txt, 1685 (bytes)', '', 'Raspberry Pi Bootcode', 'Read File: start.elf, 2857060 (bytes)'].join('\n') + '\n');
  assert.is(pi.boots.length, 1);
});

test("U-Boot that read its kernel after an error (`** Unable to read file uEnv.txt **`, then `4277208 bytes read in 516 ms`) got past that error: the one after it is the cause", () => {
  const r = analyze(['reading uEnv.txt', '** Unable to read file uEnv.txt **', '4277208 bytes read in 516 ms (7.9 MiB/s)', '** File not found /boot/am335x-boneblack.dtb **', 'Booting from mmc ...', 'ERROR: Did not find a cmdline Flattened Device Tree', 'Could not find a valid device tree'].join('\n') + '\n');
  assert.ok(r.boots[0]!.rootCause?.headline.includes('File not found /boot/am335x-boneblack.dtb'), JSON.stringify(r.boots[0]!.rootCause));
});

test("udev's worker still at a device's event after a minute (`Spawned process … is taking longer than 59s to complete`, `Worker [107] processing SEQNUM=718 is taking a long time`) is a hang when nothing else failed", () => {
  const r = analyze(["Nov 30 20:17:26 runeall systemd-udevd[107]: card0: Spawned process '/srv/http/command/refresh_ao' [112] is taking longer than 59s to complete", 'Nov 30 20:17:26 runeall systemd-udevd[104]: card0: Worker [107] processing SEQNUM=718 is taking a long time', 'Nov 30 20:17:48 runeall kernel: random: crng init done'].join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.ok(r.boots[0]!.rootCause?.headline.includes('refresh_ao'), JSON.stringify(r.boots[0]!.rootCause));
  // (A device that timed out after it is still the cause: the slow worker is why, not what failed.)
  const t = f(["[   62.553176] systemd-udevd[210]: seq 730 '/devices/vbd-2048' is taking a long time", '[   92.000001] systemd[1]: dev-vdb.device: Job dev-vdb.device/start timed out.', '[   92.000002] systemd[1]: Timed out waiting for device dev-vdb.device.', '[   92.000003] systemd[1]: Dependency failed for /data.']);
  assert.is(t.rootCause, 'dev-vdb.device');
});

test("PID 1 that aborted on an assertion of its own (`Assertion '…' failed at …. Aborting.`, then `Caught <ABRT>, from our own process.`) is named by the assertion, in a journal too, after a console's broadcast of the crash", () => {
  const a = f(["Feb 02 08:10:51 host systemd[1]: Assertion 'path_is_absolute(p)' failed at src/basic/chase.c:648, function chase(). Aborting.", 'Feb 02 08:10:51 host systemd[1]: Caught <ABRT>, from our own process.']);
  assert.is(a.rootCause, "Assertion 'path_is_absolute(p)' failed at src/basic/chase.c:648, function chase(). Aborting.");
  const b = f(['Broadcast message from systemd-journald@h (Tue 2022-09-06 12:18:06 UTC):', '', 'systemd[1]: Caught <ABRT>, dumped core as pid 3960.', '', "Sep 06 12:18:06 h systemd[1]: Assertion 'hashmap_isempty(m->jobs)' failed at src/core/manager.c:1474, function manager_clear_jobs_and_units(). Aborting.", 'Sep 06 12:18:06 h systemd[1]: Caught <ABRT> from our own process.', 'Sep 06 12:18:06 h systemd[1]: Caught <ABRT>, dumped core as pid 3960.', 'Sep 06 12:18:06 h systemd[1]: Freezing execution.']);
  assert.ok(String(b.rootCause).startsWith("Assertion 'hashmap_isempty(m->jobs)'"), String(b.rootCause));
});

test("CoreOS's `Press Enter for emergency shell or wait … for reboot.` is its emergency shell; a line inside a text-mode dialog's frame (`│ [FAILED] … │`) is read without the frame", () => {
  const r = f(['[    3.576507] systemd[1]: Failed to start Ignition (disks).', "[    3.578366] systemd[1]: ignition-disks.service: Failed with result 'exit-code'.", 'Press Enter for emergency shell or wait 4 minutes 45 seconds for reboot.']);
  assert.is(r.emergency, 'emergency');
  assert.is(r.rootCause, 'ignition-disks.service');
  const d = analyze(['[  OK  ] Started foo.service - Foo.', '│                                              │', '│ [FAILED] Failed to start bar.service - Bar.  │', '│                                              │'].join('\n') + '\n');
  assert.ok(d.input.envelopes.some((e) => e.kind === 'dialog-frame'));
  assert.is(d.boots[0]!.cycles[0]!.rootCause?.unit, 'bar.service', JSON.stringify(d.boots[0]!.cycles[0]!.rootCause));
});

test("U-Boot's errors loading its saved environment (`Loading Environment from FAT... Card did not respond to voltage select! : -110`, `** Bad device specification mmc 0 **`) stop nothing: it goes on with its default one", () => {
  const r = analyze(['U-Boot 2025.04 (Jun 08 2025 - 12:36:03 +0000)', '', 'MMC:   mmc@fff000: 0', 'Loading Environment from FAT... Card did not respond to voltage select! : -110', '** Bad device specification mmc 0 **', 'In:    serial,usbkbd', 'Hit any key to stop autoboot:  0 ', 'U-Boot> pci'].join('\n') + '\n');
  assert.is(r.boots[0]!.rootCause, null, JSON.stringify(r.boots[0]!.rootCause));
  // (The same error when U-Boot reads what it boots is its failure.)
  const k = analyze(['U-Boot 2025.04 (Jun 08 2025 - 12:36:03 +0000)', 'Loading Environment from FAT... OK', 'Card did not respond to voltage select! : -110', '** Bad device specification mmc 0 **'].join('\n') + '\n');
  assert.ok(k.boots[0]!.rootCause?.headline.includes('voltage select'), JSON.stringify(k.boots[0]!.rootCause));
});

test("dracut that gave up on its root device itself, no unit failed and no emergency.service in sight, starts its own shell (dracut-emergency.service): `Entering emergency mode. Exit the shell to continue.` is dracut's shell", () => {
  const r = f(['17:35:13   32m  OK   0m! Started dracut pre-udev hook.', '17:35:18          Starting dracut initqueue hook...', '17:35:18   32m  OK   0m! Reached target System Initialization.', '17:40:15 Warning: /dev/root does not exist', '17:40:15 Generating "/run/initramfs/rdsosreport.txt"', '17:40:16 Entering emergency mode. Exit the shell to continue.']);
  assert.is(r.emergency, 'dracut-shell');
});

test("EDK II's exception dump after the kernel powered the machine down (`reboot: Power down`, then `!!!! X64 Exception Type - 0E(#PF - Page-Fault) …`) is the firmware's fault: the boot's cause when nothing else failed", () => {
  const lines = ['[    0.000000] Linux version 5.14.21 (x@y) #1 SMP', '[    5.000000] systemd[1]: Reached target Multi-User System.', 'localhost login: [ 115.792006][ T1] reboot: Power down', '!!!! X64 Exception Type - 0E(#PF - Page-Fault) CPU Apic ID - 00000000 !!!!', 'ExceptionData - 0000000000000000 I:0 R:0 U:0 W:0 P:0 PK:0 S:0', 'RIP - 000000000E0675BD, CS - 0000000000000018, RFLAGS - 0000000000210202'];
  const r = f(lines);
  assert.is(r.rootCause, 'X64 Exception Type - 0E(#PF - Page-Fault)');
  // (Before the power-down, the same words are no firmware's.)
  const before = f([lines[0]!, lines[1]!, lines[3]!, 'localhost login:']);
  assert.is.not(before.rootCause, 'X64 Exception Type - 0E(#PF - Page-Fault)');
});

test("more bootloader and firmware errors are failures before a kernel: U-Boot's \`Wrong image format for \"source\" command\`, \`** Unable to read \"X\" from usb 0:1 **\`, its SPL's \`Could not get FIT buffer\`, shim's \`Invalid image\`, OVMF's SEV \`VerifyBlob: Hash comparison failed\`", () => {
  const cause = (lines: string[]): string => analyze(lines.join('\n') + '\n').boots[0]?.rootCause?.headline ?? 'none';
  assert.ok(cause(['U-Boot 2016.01-armbian (Sep 02 2019 - 08:57:37 +0200)', 'Hit any key to stop autoboot:  0', '1277 bytes read in 31 ms (40 KiB/s)', '## Executing script at 40000000', 'Wrong image format for "source" command', 'nanoPi#']).includes('Wrong image format for "source" command'));
  assert.ok(cause(['reading openwrt-initramfs.bin', '** Unable to read "openwrt-initramfs.bin" from usb 0:1 **', 'Wrong Image Format for bootm command', "ERROR: can't get kernel image!"]).includes('Unable to read "openwrt-initramfs.bin"'));
  assert.ok(cause(['U-Boot SPL 2024.01-rc1 (Oct 31 2023 - 08:53:02 +0000)', 'Trying to boot from MMC1', 'Could not get FIT buffer of 1074176 bytes', '        check CONFIG_SPL_SYS_MALLOC_SIZE', '### ERROR ### Please RESET the board ###']).includes('Could not get FIT buffer'));
  assert.ok(cause(['shim.c:866:load_image() attempting to load \\EFI\\BOOT\\', 'Invalid image', 'Failed to read header: Unsupported', 'Failed to load image: Unsupported']).includes('Invalid image'));
  assert.ok(cause(['FetchBlob: loading 10580240 bytes for "kernel"', 'VerifyBlob: Found GUID 4DE79437-ABD2-427F-B835-D5B172D2045B in table', 'VerifyBlob: Hash comparison failed for "kernel"']).includes('Hash comparison failed'));
});

test("the Raspberry Pi 4's EEPROM bootloader loading the GPU firmware (\`Loading start4.elf hnd: …\`, \`Starting start4.elf @ 0x…\`) starts a boot, its banner cut off; its tries of the recovery files are no failure", () => {
  const r = analyze(["Initialising SDRAM 'Samsung' 16Gb x2 total-size: 32 Gbit 3200", 'Loading recover4.elf hnd: 0x00000000', 'Failed to read recover4.elf error: 6', 'Loading start4.elf hnd: 0x000002d8', 'Loading fixup4.dat hnd: 0x00000594', 'Starting start4.elf @ 0xfec00200'].join('\n') + '\n');
  assert.is(r.boots.length, 1);
  assert.is(r.verdict, 'ok');
});

test("dracut's hooks in a journal (\`[  135.84] localhost dracut-initqueue[441]: …\`) are the initrd's systemd running them: a userspace cycle", () => {
  const r = f(['[  149.801317] focal dracut-initqueue[408]: Warning: dracut-initqueue timeout - starting timeout scripts', '[  150.369316] focal dracut-initqueue[408]: Warning: dracut-initqueue timeout - starting timeout scripts']);
  assert.is(r.cycles, 1);
});

test("x86's trap named with an underscore, as 5.9 printed it (`divide_error: 0000 [#1]`), opens an oops", () => {
  const r = f(['[   16.396361] divide_error: 0000 [#1]', '[   16.397014] CPU: 0 PID: 156 Comm: main_func Not tainted 5.9.0 #1', '[   16.399668] RIP: 0010:main_func+0x299/0x369']);
  assert.is(r.rootCause, 'oops');
});

test("U-Boot's `Verifying Checksum ... Bad Data CRC` is why it then says `ERROR: can't get kernel image!`; RCU's expedited stalls (`rcu: INFO: rcu_preempt detected expedited stalls on CPUs/tasks`) are stall reports", () => {
  const u = analyze(['## Booting kernel from Legacy Image at 82000000 ...', '   Verifying Checksum ... Bad Data CRC', "ERROR: can't get kernel image!", 'U-Boot#'].join('\n') + '\n');
  assert.ok(u.boots[0]!.rootCause?.headline.includes('Bad Data CRC'), JSON.stringify(u.boots[0]!.rootCause));
  const r = f(['[   27.285351] rcu: INFO: rcu_preempt detected expedited stalls on CPUs/tasks: { 0-... } 6 jiffies s: 85 root: 0x1/.', '[   27.286588] rcu: blocking rcu_node structures (internal RCU debug):']);
  assert.is(r.rootCause, 'bug');
});

test("a socket that failed because its service hit its start limit (`systemd-journald.socket: Failed with result 'service-start-limit-hit'.`) failed for want of that service: it counts in the service's cascade", () => {
  const r = analyze(['console-setup.service: Main process exited, code=exited, status=1/FAILURE', "console-setup.service: Failed with result 'exit-code'.", '[FAILED] Failed to start Set console font and keymap.', 'systemd-journald.service: Start request repeated too quickly.', "systemd-journald.service: Failed with result 'exit-code'.", '[FAILED] Failed to start Journal Service.', "systemd-journald-dev-log.socket: Failed with result 'service-start-limit-hit'.", "systemd-journald.socket: Failed with result 'service-start-limit-hit'."].join('\n') + '\n');
  const cause = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(cause.unit, 'systemd-journald.service');
  assert.is(cause.dependents, 2);
});

test("after the kernel said it hands over (`kexec_core: Starting new kernel`), a clock back in a kernel's first minute is the next kernel's, its first lines missed; a fragment hours in, behind a power-down, is not", () => {
  const r = analyze(['[  OK  ] Reached target Shutdown.', '[  998.495186] kexec_core: Starting new kernel', '[    4.478680] rc.local[401]: + sonic-cfggen -y /etc/sonic/sonic_version.yml -v build_version', '[    6.170090] rc.local[401]: + SONIC_VERSION=HEAD.843-cacff75'].join('\n') + '\n');
  assert.is(r.boots.length, 2);
  const frag = analyze(['[    0.000000] Linux version 4.15.0 (x@y) #1 SMP', '[   33.103059] cloud-init[1456]: Cloud-init finished', '[16064.526670] reboot: Power down', 'ket.', '[16007.821100] reboot: Power down'].join('\n') + '\n');
  assert.is(frag.boots.length, 1);
});

test("a kernel stamp a person blanked out (`[      ] INFO: task shutdown:1 blocked for more than 120 seconds.`) still marks the kernel's line", () => {
  const r = f(['[  OK  ] Reached target Shutdown.', '[      ] INFO: task shutdown:1 blocked for more than 120 seconds.', '[      ]       Not tainted 4.19.0-arch1-1-ARCH #1', '[      ] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.']);
  assert.is(r.rootCause, 'hung-task');
});

test("grep's file name before each line it found (`./syslog:Jun  7 14:59:07 host …`) comes off, learned from a line whose rest is a log's own", () => {
  const r = analyze(["./syslog:Jun  7 14:59:07 localhost systemd-resolved[408]: Failed to initialize SELinux labeling handle: No such file or directory", "./syslog:Jun  7 14:59:07 localhost systemd[1]: systemd-resolved.service: Main process exited, code=exited, status=1/FAILURE", "./syslog:Jun  7 14:59:07 localhost systemd[1]: systemd-resolved.service: Failed with result 'exit-code'."].join('\n') + '\n');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'grep-prefix'));
  assert.is(findings(r).rootCause, 'systemd-resolved.service');
  // (A journal's own ISO clock is no file name.)
  const j = analyze('2024-03-01T12:00:00+0000 host systemd[1]: Failed to start foo.service - Foo.\n');
  assert.not.ok(j.input.envelopes.some((e) => e.kind === 'grep-prefix'));
});

test('a log viewer\'s column of line numbers, from wherever the excerpt begins (` 1407 09:14:46.553691  <6>[    7.23] …`), comes off; arm64\'s `Internal error: BRK handler: 00000000f20003e8 [#1]` (a 64-bit ESR) is an oops', () => {
  const r = analyze([' 1413 09:14:46.648542  <6>[    7.321671] mt8173-afe-pcm 11220000.audio-controller: MT8173 AFE driver initialized.', ' 1414 09:14:46.666204  <4>[    7.341993] Unexpected kernel BRK exception at EL1', ' 1415 09:14:46.673299  <0>[    7.347156] Internal error: BRK handler: 00000000f20003e8 [#1] PREEMPT SMP', ' 1416 09:14:46.676714  <4>[    7.354290] Modules linked in:'].join('\n') + '\n');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'line-numbers'));
  assert.is(findings(r).rootCause, 'oops');
  assert.ok(r.boots[0]!.rootCause!.evidence.some((e) => e.text.includes('Unexpected kernel BRK exception')));
  // (Numbers that do not count on are the log's own words.)
  assert.not.ok(analyze(' 12 apples\n 40 pears\n 13 plums\n').input.envelopes.some((e) => e.kind === 'line-numbers'));
});

test("old-style init scripts' step (`Configuring network interfaces: `) left open to the log's end is where the boot hung; one whose `done.`/`OK` came, or whose script went on talking, is not", () => {
  const boot = ['Linux version 2.6.37 (x@y) #1', 'Executing /sbin/init', 'INIT: version 2.86 booting', 'Starting internet superserver: inetd done.'];
  const hung = f([...boot, 'Configuring network interfaces: nfs: server 10.75.6.41 not responding, still trying', 'nfs: server 10.75.6.41 not responding, still trying']);
  assert.is(hung.rootCause, 'Configuring network interfaces');
  assert.is(f([...boot, 'Starting dnsmasq: [    6.714004] configfs-gadget gadget: high-speed config #1: c', 'OK', 'Trying to connect to SWUpdate...']).rootCause, null);
  assert.is(f([...boot, 'Starting Dropbear SSH server: /usr/sbin/dropbear is already running', '597', 'csMsgFd:3', 'chpasswd: unknown user user', 'killall: telnetd: no process killed']).rootCause, null);
});

test("a network root that never came after the network controller said it failed is named by the controller's words", () => {
  const r = analyze(['[    2.821001] RTL8211E Gigabit Ethernet e6800000.ethernet-ffffffff:00: attached PHY driver [RTL8211E Gigabit Ethernet] (mii_bus:phy_addr=e6800000.ethernet-ffffffff:00, irq=190)', '[    2.838052] RTL8211E Gigabit Ethernet e6800000.ethernet-ffffffff:00: Master/Slave resolution failed, maybe conflicting manual settings?', '[   12.841484] Waiting up to 110 more seconds for network.', '[  122.861490] Sending DHCP requests ...... timed out!', '[  209.890289] IP-Config: Retrying forever (NFS root)...', '[  209.910604] ravb e6800000.ethernet eth0: failed to connect PHY'].join('\n') + '\n');
  const cause = r.boots[0]!.rootCause!;
  assert.is(cause.kind, 'root-device');
  assert.ok(cause.unit!.includes('Master/Slave resolution failed'), cause.unit!);
  assert.ok(cause.evidence.some((e) => e.text.includes('failed to connect PHY')));
  // (A controller's complaint in a boot whose root came is no failure of it.)
  assert.is(f(['[    2.838052] RTL8211E Gigabit Ethernet e6800000.ethernet-ffffffff:00: Master/Slave resolution failed, maybe conflicting manual settings?', '[    3.1] VFS: Mounted root (nfs filesystem) on device 0:14.', '[    3.5] Run /sbin/init as init process', 'buildroot login: ']).rootCause, null);
});

test("Xen's panic names its reason on the next line: a `Xen BUG at …` there is a BUG", () => {
  const r = analyze(['(XEN) ****************************************', '(XEN) Panic on CPU 0:', '(XEN) Xen BUG at drivers/passthrough/amd/iommu_init.c:1386', '(XEN) ****************************************'].join('\n') + '\n');
  assert.is(findings(r).rootCause, 'bug');
  assert.ok(r.boots[0]!.crashes[0]!.title.includes('Xen BUG at drivers/passthrough/amd/iommu_init.c:1386'));
  const t = analyze(['(XEN) Panic on CPU 0:', '(XEN) Timed out waiting for alternatives self-NMI to hit', '(XEN) ****************************************'].join('\n') + '\n');
  assert.is(findings(t).rootCause, 'panic');
  assert.ok(t.boots[0]!.crashes[0]!.title.endsWith('Timed out waiting for alternatives self-NMI to hit'));
});

test("the kernel's words on PID 1 killed for a fault (powerpc's `systemd[1]: illegal instruction (4) at … nip …`) are no systemd speaking", () => {
  const r = f(['Run /sbin/init as init process', 'systemd[1]: illegal instruction (4) at 3fff8b7e615c nip 3fff8b7e615c lr 3fff8b7e613c code 1 in libc-2.33.so[3fff8b799000+1fe000]', 'systemd[1]: code: 60000000 38600006 9122b7d0 4801bf19 60000000 60000000 8122b7d0 2c090004 ', 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000004']);
  assert.is(r.cycles, 0);
  assert.is(r.rootCause, 'panic');
});

test("a motd's `Welcome to LinuxKit!` under a login, in a boot with no systemd, opens no cycle; sysklogd's `kernel: <30>[  339.53] udevd[404]: …` keeps the record's stamp, so the next banner at 0 s is a new boot", () => {
  assert.is(f(['[    2.676891] IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready', 'getty: starting getty for ttyS0', '', 'linuxkit-3a39f3081c68 login: root (automatic login)', '', 'Welcome to LinuxKit!']).cycles, 0);
  const k = (t: string, m: string) => `Sep  4 ${t} host kernel: ${m}`;
  const r = f([k('06:28:51', '[    0.000000] Linux version 6.7.4 (root@livecd) #1 SMP'), k('06:28:51', '<30>[  339.538165] udevd[404]: Starting systemd-udevd version 255'), k('06:36:36', 'Kernel log daemon terminating.'), k('19:36:36', '[    0.000000] Linux version 6.7.4 (root@livecd) #1 SMP')]);
  assert.is(r.boots, 2);
});

test("`systemctl status` outside a UTF-8 locale (`x foo.service - …`) and with its options (`systemctl -l status systemd-repart`) names the unit", () => {
  const r = f(['sh-5.1# systemctl -l status systemd-repart', 'x systemd-repart.service - Repartition Root Disk', '     Loaded: loaded (/lib/systemd/system/systemd-repart.service; static)', '     Active: failed (Result: exit-code) since Mon 2022-08-08 09:10:05 UTC; 1min 27s ago']);
  assert.is(r.rootCause, 'systemd-repart.service');
  const g = f(['sh-5.1# systemctl status -l systemd-growfs@-', '     Active: failed (Result: exit-code) since Fri 2021-11-19 17:19:34 UTC; 31s ago']);
  assert.is(g.rootCause, 'systemd-growfs@-.service');
});

test("a description a template shares without naming an instance (`Enable File System Quotas`: quotaon.service, quotaon@.service) is the plain unit's; on the machine's own console a tty that never came, taking its getty, is the cause over a unit that failed alone", () => {
  const r = analyze(['[    0.001000] Booting Linux on physical CPU 0x0', '[    2.080000] Run /sbin/init as init process', '[FAILED] Failed to start Enable File System Quotas.', '[ TIME ] Timed out waiting for device /dev/ttyS0.', '[DEPEND] Dependency failed for Serial Getty on ttyS0.'].join('\n') + '\n');
  const g = findings(r);
  assert.is(g.rootCause, 'dev-ttyS0.device');
  assert.ok(g.failed.includes('quotaon.service'), JSON.stringify(g.failed));
  // (A container's missing tty is no cause over the unit that failed.)
  assert.is(f(['systemd 252 running in system mode (+PAM)', 'Detected virtualization docker.', '[FAILED] Failed to start Resin init service.', '[ TIME ] Timed out waiting for device /dev/ttyS0.', '[DEPEND] Dependency failed for Serial Getty on ttyS0.']).rootCause, 'Resin init service');
});

test("a kernel stamp a paste cut before its digits (` 4.789343] No filesystem could mount root, tried:`) still marks the kernel's line; systemd-nspawn's journal lines are its container's console", () => {
  const r = analyze([' 4.789343] No filesystem could mount root, tried:', '[    4.789344]  ext3', '[    4.809396] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(1,0)'].join('\n') + '\n');
  assert.ok(r.boots[0]!.rootCause!.evidence.some((e) => e.line === 1));
  const n = analyze(["Apr 15 22:26:58 motoko systemd-nspawn[2959]: [FAILED] Failed to start Create Volatile Files and Directories.", "Apr 15 22:26:58 motoko systemd-nspawn[2959]: See 'systemctl status systemd-tmpfiles-setup.service' for details."].join('\n') + '\n');
  assert.ok(n.boots[0]!.cycles[0]!.rootCause!.evidence.some((e) => e.line === 2));
});

test('firmware banners and errors: AT91Bootstrap, LiteX BIOS, OpenBIOS traps', () => {
  const a = analyze(['AT91Bootstrap 3.8.6-00008-gb04fe6ffd399 (Thu Oct  6 15:29:25 IDT 2016)', 'SD/MMC: Image: Read file u-boot.bin to 0x26f00000', '*** FATFS: f_open, filename: [u-boot.bin]: error', 'SD/MMC: Failed to load image'].join('\n') + '\n');
  assert.is(a.boots[0]!.rootCause!.description, 'FATFS: f_open, filename: [u-boot.bin]: error');
  assert.is(f(['        __   _ __      _  __', ' (c) Copyright 2012-2023 Enjoy-Digital', ' BIOS CRC passed (b7fd5a52)']).boots, 1);
  assert.ok(f(['Welcome to OpenBIOS v1.1 built on May 14 2023 10:45', '[sparc64] Kernel already loaded', 'Unhandled Exception 0x0000000000000020', 'Stopping execution']).rootCauseDescription?.startsWith('Unhandled Exception'));
});

test("postmarketOS's initramfs giving up (`ERROR: boot partition not found!`) with nothing after it is the root device's failure; Korean month names (` 9월 15 11:23:40`) are a journal's", () => {
  const r = analyze(['### postmarketOS initramfs ###', 'Setup usb network', 'Start the dhcpcd daemon (forks into background)', 'fbsplash: can\'t open console', 'ERROR: boot partition not found!', 'fbsplash: can\'t open console'].join('\n') + '\n');
  assert.is(r.boots[0]!.rootCause!.kind, 'root-device');
  const k = f([' 9월 15 11:23:40 localhost.localdomain systemd[1]: Failed to start System Logger Daemon.', ' 9월 15 11:23:40 localhost.localdomain systemd[1]: start request repeated too quickly for syslog-ng.service', ' 9월 15 11:23:40 localhost.localdomain systemd[1]: Unit syslog-ng.service entered failed state.']);
  assert.is(k.rootCause, 'syslog-ng.service');
});

test("snapd's units are named from their description (`Service for snap application canonical-livepatch.canonical-livepatchd`)", () => {
  const r = f(['Apr 28 10:00:01 host systemd[1]: Starting Service for snap application canonical-livepatch.canonical-livepatchd...', 'Apr 28 10:00:02 host systemd[1]: Failed to start Service for snap application canonical-livepatch.canonical-livepatchd.']);
  assert.is(r.rootCause, 'snap.canonical-livepatch.canonical-livepatchd.service');
});

test("initramfs-tools' `Target filesystem doesn't have /sbin/init` (older, without `requested`) after its mount of the root failed is the root device's failure; alone, its own words", () => {
  const tail = ['Target filesystem doesn\'t have /sbin/init', 'No init found. Try passing init= bootarg', '', 'BusyBox v1.13.3 (Ubuntu 1:1.13.3-1ubuntu11) built-in shell (ash)', "Enter 'help' for a list of built-in commands.", '', '(initramfs)'];
  const mounted = analyze(['mount: mounting /dev/disk/by-uuid/7ba7385a-47d0-461b-86cf-7157206a2e38 on /root failed: Invalid argument', 'mount: mounting /dev on /root/dev failed: No such file or directory', ...tail].join('\n') + '\n');
  assert.is(mounted.boots[0]!.rootCause!.kind, 'root-device');
  const alone = f(['Decompressing Linux... Parsing ELF... done.', 'Booting the kernel', 'Loading, please wait...', 'mount: mounting /dev on /root/dev failed: No Such file or directory', ...tail]);
  assert.is(alone.rootCause, "Target filesystem doesn't have /sbin/init");
  assert.is(alone.startsMidway, false);
});

test("x86's page-fault header (`BUG: unable to handle page fault for address: …`) is an oops without its `Oops:` line, and one incident with it when other CPUs' lines come between", () => {
  const head = ['[  146.506804] BUG: unable to handle page fault for address: ff44dbc1e0994000', '[  146.513753] #PF: supervisor write access in kernel mode'];
  assert.equal(f(head).kernelCrashes, ['oops']);
  const probe = Array.from({ length: 30 }, (_, i) => `[    5.26${String(i).padStart(4, '0')}] gpio gpiochip1: registered GPIOs ${i} to ${i + 40} on INT3452:01`);
  const r = f(['[    5.261988] BUG: unable to handle page fault for address: 0000000000200286', ...probe, '[    5.269676] #PF: supervisor read access in kernel mode', '[    5.269686] Oops: 0000 [#1] PREEMPT SMP PTI', '[    5.269690] CPU: 3 PID: 185 Comm: udevd Tainted: G        W         5.10.219-rc1 #1']);
  assert.equal(r.kernelCrashes, ['oops']);
});

test("BUG() built without verbose info (`Kernel BUG at bch2_bio_compress+0x4a6/0x5b0 [bcachefs] [verbose debug info unavailable]`), and a CPU after the stamp's bracket (`[   49.655037]@0 …`), are read", () => {
  assert.equal(f(['[  517.475042] Kernel BUG at bch2_bio_compress+0x4a6/0x5b0 [bcachefs] [verbose debug info unavailable]', '[  517.475093] Oops: invalid opcode: 0000 [#2] PREEMPT SMP NOPTI']).kernelCrashes, ['bug']);
  assert.equal(f(['[   49.655037]@0 Kernel BUG at ffffffc0001deeec [verbose debug info unavailable]', '[   49.655045]@0 Internal error: Oops - BUG: 0 [#1] PREEMPT SMP', '[   49.655052]@0 Modules linked in:']).kernelCrashes, ['bug']);
});

test("an Android kernel log saved with the seconds, level and wall clock unbracketed (` 1276.715086:   <1> (01-28 07:22:33.314355613) …`) is the kernel's", () => {
  const r = f([' 1276.705430:   <1> (01-28 07:22:33.304698634) Unable to handle kernel NULL pointer dereference at virtual address 00000010', '  1276.715086:   <1> (01-28 07:22:33.314355613) pgd = d836c000', '  1276.725940:   <0> (01-28 07:22:33.325209103) Internal error: Oops: 5 [#1] PREEMPT SMP ARM', '  1276.747940:   <6> (01-28 07:22:33.347208893) PC is at exfat_d_hashi+0x6c/0xc0']);
  assert.is(r.rootCause, 'oops');
});

test("the kernel's `VFS: Cannot open root device \"/dev/vda\" …` is its failure even when the log ends before the panic; the Raspberry Pi EEPROM's `Failed to open device: 'nvme'` is the bootloader's, unless it loads from the next boot mode", () => {
  const r = f(['[    7.248541][    T1] VFS: Cannot open root device "/dev/vda" or unknown-block(0,0): error -6', '[    7.250444][    T1] Please append a correct "root=" boot option; here are the available partitions:', '[    7.252597][    T1] 0100            4096 ram0 ']);
  assert.ok(r.rootCause?.startsWith('VFS: Cannot open root device'), String(r.rootCause));
  const pi = ['RPi: BOOTLOADER release VERSION:c258ef8f DATE: Jul  6 2021 TIME: 11:44:56 BOOTMODE: 0x00000006 part: 0 BUILD_TIMESTAMP=1625568293', 'Boot mode: NVME (06) order f1', "Failed to open device: 'nvme'", 'Boot mode: SD (01) order f', 'SD retry 1 oc 0'];
  assert.is(f(pi).rootCauseDescription, "Failed to open device: 'nvme'");
  assert.is(f([...pi, 'Loading start4.elf hnd: 0x000002d8', 'Starting start4.elf @ 0xfec00200']).rootCause, null);
});

test("dmesg -H's relative stamps (`[  +0.000028] i915 …`, after `[Apr16 14:51] …`) mark the kernel's lines; i915's `Failed to initialize GPU, declaring it wedged!` is a driver's failure; a harness's `DEBUG - ` before each line comes off", () => {
  const r = analyze(['[Apr16 14:51] Linux version 6.5.0 (x@y) #1 SMP', '[  +0.000001] fb0: switching to inteldrmfb from EFI VGA', '[  +0.036067] i915 0000:01:00.0: Failed to initialize GPU, declaring it wedged!'].join('\n') + '\n');
  assert.is(r.boots.length, 1);
  assert.is(r.boots[0]!.rootCause!.kind, 'kernel-error');
  const v = f(['DEBUG - Welcome to VyOS - vyos ttyAMA0', 'DEBUG - ', 'DEBUG - vyos login: vyos', 'DEBUG - Password: vyos']);
  assert.ok(v.loginReached);
  // (A script's own `ERROR - …` keeps its word until a harness's DEBUG or INFO line is seen.)
  assert.not.ok(analyze('ERROR - could not mount /data\n').input.envelopes.some((e) => e.kind === 'vm-name'));
});

test("a kernel line without its stamp is still the kernel's when it names a device the way only the kernel does (`ata1.00: …`, `ahci 000c:01:00.0: …`): an excerpt of them is a boot log, not EMPTY", () => {
  const r = analyze(['ata1.00: qc timeout (cmd 0xec)', 'ahci 000c:01:00.0: AHCI controller unavailable!', 'ata1.00: failed to IDENTIFY (I/O error, err_mask=0x4)'].join('\n') + '\n');
  assert.is(r.boots.length, 1);
  assert.ok(r.input.lineSources.kernel! >= 3, JSON.stringify(r.input.lineSources));
  // (A program's own words that begin so do not: `atari: …` is no libata port.)
  assert.is(analyze('atari800: starting emulation\n').boots.length, 0);
});

test("sulogin's prompt is emergency mode with its first letter lost (`[ive root password for maintenance`) or its second line alone; both lines are one prompt, told at the first", () => {
  const lost = f(['[ TIME ] Timed out waiting for device dev-nbd1.device.', '[DEPEND] Dependency failed for /mnt/data.', '[ive root password for maintenance', '(or press Control-D to continue): ']);
  assert.is(lost.emergency, 'emergency');
  assert.is(lost.rootCause, 'dev-nbd1.device');
  assert.is(f(['[DEPEND] Dependency failed for Local File Systems.', '(or type Control-D to continue): ']).emergency, 'emergency');
  const both = analyze(['Checking all file systems...', 'fsck failed. Please repair manually.', 'Give root password for maintenance', '(or type Control-D to continue): '].join('\n') + '\n');
  const ev = both.boots.flatMap((b) => [...(b.rootCause?.evidence ?? []), ...(b.emergency?.evidence ?? []), ...b.cycles.flatMap((c) => c.emergency?.evidence ?? [])]);
  assert.ok(ev.some((e) => e.line === 3), JSON.stringify(ev));
  assert.not.ok(ev.some((e) => e.line === 4), 'the second line is the same prompt');
});

test("an initrd's script quoting the mount command of the root that failed (`>>> 'mount /dev/nbd0 /newroot' failed`) is the root device's failure", () => {
  const r = analyze([">>> Attaching nbd0...", ">>> Mounting nbd0 root...", ">>> 'mount /dev/nbd0 /newroot' failed ", '>>> Attaching nbd1...'].join('\n') + '\n');
  assert.is(r.boots.length, 1);
  assert.is(r.boots[0]!.rootCause!.kind, 'root-device');
  // (A quoted mount of anything else is no root's.)
  assert.is.not(analyze("'mount /dev/sdb1 /srv' failed\n").boots[0]?.rootCause?.kind, 'root-device');
});

test("systemctl status binds its unit's processes by PID and by program (`Process: 1112 ExecStartPre=/sbin/modprobe …`, `Main PID: 669`): their journal lines below the header are its evidence, whatever their name", () => {
  const r = analyze(['● nvmf-autoconnect.service - Connect NVMe-oF subsystems automatically during boot', '     Loaded: loaded (/lib/systemd/system/nvmf-autoconnect.service; enabled; vendor preset: enabled)', '     Active: failed (Result: exit-code) since Sat 2022-06-18 23:14:23 CST; 3h 52min ago', '    Process: 1112 ExecStartPre=/sbin/modprobe nvme-fabrics (code=exited, status=1/FAILURE)', '    Process: 414 ExecStart=/usr/bin/btuart (code=exited, status=1/FAILURE)', '', 'Jun 18 23:14:22 Khadas other[99]: something failed elsewhere', 'Jun 18 23:14:23 Khadas systemd[1]: Starting Connect NVMe-oF subsystems automatically during boot...', 'Jun 18 23:14:23 Khadas modprobe[1112]: modprobe: FATAL: Module nvme-fabrics not found in directory /lib/modules/5.4.125', "Jun 18 23:14:23 Khadas btuart[415]: Can't set device: Protocol not supported", 'Jun 18 23:14:23 Khadas btuart[415]: bcm43xx_init', 'Jun 18 23:14:23 Khadas systemd[1]: nvmf-autoconnect.service: Start request repeated too quickly.', 'Jun 18 23:14:23 Khadas systemd[1]: Failed to start Connect NVMe-oF subsystems automatically during boot.'].join('\n') + '\n');
  const rc = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.unit, 'nvmf-autoconnect.service');
  const lines = rc.evidence.map((e) => e.line);
  assert.ok(lines.includes(9), 'by PID');
  assert.ok(lines.includes(10), 'by program');
  assert.ok(lines.includes(12), 'the start limit');
  // (Its process's lines without an error's words are not.)
  assert.not.ok(lines.includes(11), 'a plain line');
});

test("a systemctl status header without its bullet and with no command above it is one when its Loaded: line follows; PID 1's lines in a status block show systemd runs", () => {
  const r = f(['bootloader-update.service - Update bootloader on boot', '     Loaded: loaded (/usr/lib/systemd/system/bootloader-update.service; enabled; preset: enabled)', '     Active: failed (Result: exit-code) since Tue 2025-11-25 15:05:25 CET; 23h ago', '   Main PID: 1721 (code=exited, status=1/FAILURE)', '', 'Nov 25 15:05:24 ser systemd[1]: Starting bootloader-update.service - Update bootloader on boot...', 'Nov 25 15:05:25 ser bootupctl[1721]: error: Failed to update BIOS']);
  assert.is(r.rootCause, 'bootloader-update.service');
  // (A line that merely reads `x.service - y` with no Loaded: under it is no header.)
  assert.is(f(['foo.service - Foo', 'nothing else']).rootCause, null);
  const ok = f(['apache2.service - The Apache Webserver', '   Loaded: loaded (/usr/lib/systemd/system/apache2.service; disabled)', '   Active: active (running) since Tue 2014-02-18 07:39:27 EST; 15s ago', '', 'Feb 18 07:39:27 susetest systemd[1]: Started The Apache Webserver.']);
  assert.is(ok.cycles, 1);
  assert.is(ok.rootCause, null);
});

test("an SELinux denial names its process (`avc:  denied … comm=\"chronyd\"`): the evidence of that process's unit when it fails", () => {
  const r = analyze(['[  OK  ] Started Login Service.', '[    4.257100] type=1400 audit(1490302444.420:4): avc:  denied  { append } for  pid=683 comm="chronyd" name="chrony.keys" dev="dm-0" ino=6294783 scontext=system_u:system_r:chronyd_t:s0 tcontext=system_u:object_r:etc_t:s0 tclass=file', '[FAILED] Failed to start NTP client/server.', "See 'systemctl status chronyd.service' for details."].join('\n') + '\n');
  const rc = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.unit, 'chronyd.service');
  assert.ok(rc.evidence.some((e) => e.line === 2));
});

test("the same untimed kernel banner word for word again before the kernel ran init, nothing between (the real console replaying the early one's lines): one boot; after init ran, a new one", () => {
  const banner = 'Linux version 2.6.21.1 (florian@dorelei) (gcc version 4.1.2) #1 Tue Jun 5 16:25:45 CEST 2007';
  const head = [banner, 'CPU revision is: 00018448', 'Kernel command line: init=/etc/preinit rootfstype=squashfs,jffs2, console=ttyS0,38400n8r', 'Using 75.000 MHz high precision timer.'];
  assert.is(f(['Adam2_AR7RD >', ...head, ...head, 'Memory: 13468k/16388k available', 'Please press Enter to activate this console.']).boots, 1);
  // (Once the kernel said it restarts, the same banner is the next boot's.)
  assert.is(f([...head, 'reboot: Restarting system', ...head]).boots, 2);
  assert.is(f([...head, 'Restarting system.', ...head]).boots, 2);
});

test("MIPS's die() glued to a driver's message that had no newline (`bss channel not setupBreak instruction in kernel code[#1]:`) is the crash, before the panic it leads to", () => {
  const r = f(['eth0: up', 'bss channel not setupBreak instruction in kernel code[#1]:', 'Cpu 0', 'epc   : c00f5898 ieee80211_dup_bss+0xa4/0x2b8 [wlan]     Tainted: P', 'Kernel panic - not syncing: Aiee, killing interrupt handler!']);
  assert.equal(r.kernelCrashes, ['oops', 'panic']);
  assert.is(r.rootCause, 'oops');
});

test("F2FS's `Can't find valid F2FS filesystem in 1th superblock` is what it says of any device tried before another type fits: no failure of its own", () => {
  const r = f(['Starting mdev...', "F2FS-fs (mmcblk0p1): Can't find valid F2FS filesystem in 1th superblock", "F2FS-fs (mmcblk0p1): Can't find valid F2FS filesystem in 2th superblock", 'Starting network: OK', 'Welcome to Buildroot', 'buildroot login: ']);
  assert.is(r.rootCause, null);
  // (Its real failures stay failures.)
  assert.is.not(f(['[    1.578552] F2FS-fs (mmcblk1p2): Failed to initialize F2FS segment manager (-117)', '[    1.586374] VFS: Cannot open root device "mmcblk1p2" or unknown-block(179,2): error -117']).rootCause, null);
});

test("PID 1's line cut where a pager chopped it (`Main process exited, code=>`) is still its line", () => {
  const r = analyze(['● systemd-modules-load.service - Load Kernel Modules', '   Loaded: loaded (/usr/lib/systemd/system/systemd-modules-load.service; static; vendor preset:>', '   Active: failed (Result: exit-code) since Thu 2018-05-31 09:19:05 CST; 13h ago', '', ' 5月 31 09:19:05 Julian-PC systemd[1]: systemd-modules-load.service: Main process exited, code=>', ' 5月 31 09:19:05 Julian-PC systemd[1]: Failed to start Load Kernel Modules.'].join('\n') + '\n');
  assert.ok(r.boots[0]!.cycles[0]!.rootCause!.evidence.some((e) => e.line === 5));
});

test("a syslog whose host a paste redacted (`$HOST`) keeps its ISO clock as the line's own: the kernel's lines in it are read", () => {
  const r = f(['2025-01-21T12:07:13.528044+01:00 $HOST kernel: NFSD: Using nfsdcld client tracking operations.', '2025-01-21T12:07:18.015541+01:00 $HOST kernel: BUG: kernel NULL pointer dereference, address: 0000000000000090', '2025-01-21T12:07:18.015568+01:00 $HOST kernel: Oops: Oops: 0000 [#1] PREEMPT SMP NOPTI', '2025-01-21T12:07:18.015573+01:00 $HOST kernel: RIP: 0010:svc_wake_up+0x9/0x20 [sunrpc]']);
  assert.is(r.boots, 1);
  assert.is(r.rootCause, 'oops');
});

test("initramfs-tools' `Failed to mount X as root file system.`, even with no root= to name (`Failed to mount  as root file system.`), is why it found no init there: the root device", () => {
  for (const dev of ['/dev/sda1 ', ' ']) {
    const r = analyze(['[   10.107050] Run /init as init process', 'Begin: Mounting root file system ... Begin: Running /scripts/local-top ... done.', `Failed to mount ${dev}as root file system.`, "Target filesystem doesn't have requested /sbin/init.", 'No init found. Try passing init= bootarg.', '[   10.323745] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100'].join('\n') + '\n');
    assert.is(r.boots[0]!.rootCause!.kind, 'root-device', dev);
  }
});

test("OpenWrt's mount_root in a logread syslog: its own failed mount of the overlay is the failure, and the fallback to RAM just after is the same one", () => {
  const r = analyze(['Sun Nov  5 12:35:58 2017 kern.err kernel: [   14.021593] blk_update_request: I/O error, dev mtdblock9, sector 8', 'Sun Nov  5 12:35:58 2017 user.err kernel: [   14.171652] mount_root: failed to mount -t jffs2 /dev/mtdblock8 /tmp/overlay: I/O error', 'Sun Nov  5 12:35:58 2017 user.err kernel: [   14.448523] mount_root: unable to set filesystem state', 'Sun Nov  5 12:35:58 2017 user.err kernel: [   14.458805] mount_root: switching to jffs2 failed - fallback to ramoverlay'].join('\n') + '\n');
  const rc = r.boots[0]!.rootCause!;
  assert.is(rc.unit, 'mount_root: failed to mount -t jffs2 /dev/mtdblock8 /tmp/overlay: I/O error');
  assert.not.match(rc.headline, /other service/);
  assert.ok(rc.evidence.some((e) => e.line === 4), 'the fallback is its evidence');
});

test("procd's `Failed to connect to ubus` is its failure on a boot procd runs, and some tool's words on a boot BusyBox init runs", () => {
  const procd = f(['[    9.919914] mount_root: mounting /dev/root', '[    9.996799] procd: - early -', '[    9.997218] procd: - watchdog -', 'Failed to connect to ubus']);
  assert.is(procd.rootCause, 'Failed to connect to ubus');
  const busybox = f(['[    1.000000] Run /sbin/init as init process', 'init started: BusyBox v1.31.1 (2020-04-14 08:40:00 UTC)', 'Starting syslogd: OK', 'Failed to connect to ubus', 'Starting network: OK', 'Welcome to Buildroot', 'buildroot login: ']);
  assert.is(busybox.rootCause, null);
});

test("Broadcom CFE as a vendor builds it (`CFE for WGR614v8 version: 1.3`) opens a boot; its `Could not load flash0.os:: Error` is the bootloader's failure; so is Marvell's SPL and BootROM finding the next image's checksum wrong", () => {
  const cfe = f(['CFE for WGR614v8 version: 1.3', 'Build Date: Fri Apr 20 14:04:44 CST 2007', 'Committing NVRAM...done', '', 'CFE for WGR614v8 version: 1.3', 'Loader:raw Filesys:raw Dev:flash0.os File: Options:(null)', 'Loading: . 0 bytes read', 'Failed.', 'Could not load flash0.os:: Error', 'CFE>']);
  assert.is(cfe.boots, 2);
  assert.is(cfe.rootCause, 'Could not load flash0.os:: Error');
  const mvebu = f(['BootROM - 1.73', 'Booting from SPI flash', '', 'U-Boot SPL 2022.10-rc4-OpenWrt-r16653 (Sep 15 2022 - 18:21:35 +0000)', 'Trying to boot from SPI', 'ERROR: Invalid data checksum in kwbimage', 'Trying to boot from BOOTROM', 'BootROM: Image checksum verification FAILED']);
  assert.match(mvebu.rootCause ?? '', /Invalid data checksum in kwbimage/);
});

test("a storage controller's driver that could not set its controller up (`smartpqi 0000:23:00.0: failed to allocate PQI error buffer`) is why dracut's initqueue then timed out waiting", () => {
  const r = analyze(['[    9.447237] smartpqi 0000:23:00.0: Microsemi Smart Family Controller found', '         Starting dracut initqueue hook...', '[    9.487108] smartpqi 0000:23:00.0: failed to allocate PQI error buffer', '[  139.050544] dracut-initqueue[949]: Warning: dracut-initqueue timeout - starting timeout scripts'].join('\n') + '\n');
  const rc = r.boots[0]!.rootCause!;
  assert.is(rc.kind, 'kernel-error');
  assert.is(rc.unit, 'smartpqi 0000:23:00.0: failed to allocate PQI error buffer');
  // (Another driver's words of the kind are not a storage controller's.)
  const nic = analyze(['[    9.487108] i40e 0000:04:00.0: failed to allocate rings', '[  139.050544] dracut-initqueue[949]: Warning: dracut-initqueue timeout - starting timeout scripts'].join('\n') + '\n');
  assert.is.not(nic.boots[0]!.rootCause?.unit, 'i40e 0000:04:00.0: failed to allocate rings');
});

test("grep -n's file name and line number before each line (`console.log:1:SeaBIOS …`) come off from the first line, whatever it says", () => {
  const lines = ['SeaBIOS (version 1.16.2-debian-1.16.2-1)', '[    0.000000] Linux version 6.1.0-20-amd64 (debian-kernel@lists.debian.org) #1 SMP', '[    1.000000] systemd[1]: systemd 252 running in system mode (+PAM)', '[FAILED] Failed to start foo.service - Foo.', 'debian login: '];
  const r = analyze(lines.map((l, i) => `console.log:${i + 1}:${l}`).join('\n') + '\n');
  assert.is(r.boots.length, 1);
  assert.is(r.boots[0]!.startReason, 'firmware');
  assert.is(findings(r).rootCause, 'foo.service');
});

test("a capture tool's clock with its fraction (`12:00:01.123456 `) comes off an indented status line too, once seen", () => {
  const lines = ['[    1.000000] systemd[1]: systemd 252 running in system mode (+PAM)', '         Starting foo.service - Foo...', '[FAILED] Failed to start foo.service - Foo.', "See 'systemctl status foo.service' for details."];
  const r = f(lines.map((l, i) => `12:00:0${i}.12345${i} ${l}`));
  assert.is(r.rootCause, 'foo.service');
  assert.is(r.cycles, 1);
});

test("HTML entities are the outermost envelope: a mail's quote and a kernel line's quotes inside them are read", () => {
  const r = f(['&gt; [    0.000000] Linux version 6.1.0 (x@y) #1 SMP', '&gt; [    1.523105] VFS: Cannot open root device &quot;/dev/vda&quot; or unknown-block(0,0): error -6', '&gt; [    1.523200] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)']);
  assert.is(r.boots, 1);
  assert.is(r.rootCause, 'panic');
});

test("a spaced column of line numbers holds when the terminal layer lost one line's number (`527\\tESC M\\r[  OK  ] …`)", () => {
  const body = ['[    0.000000] Linux version 6.1.0 (x@y) #1 SMP', '[    0.100000] Command line: console=ttyS0', '[    1.000000] systemd[1]: systemd 252 running in system mode (+PAM)', '[  OK  ] Started bar.service - Bar.', '[FAILED] Failed to start foo.service - Foo.', "See 'systemctl status foo.service' for details."];
  const numbered = body.map((l, i) => `${String(i + 1).padStart(6)}\t${l}`);
  numbered[3] = '[  OK  ] Started bar.service - Bar.';
  const r = analyze(numbered.join('\n') + '\n');
  assert.is(findings(r).rootCause, 'foo.service');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'line-numbers' && e.lines === 5), JSON.stringify(r.input.envelopes));
  // (Two lines in a row without theirs: no column any more.)
  numbered[4] = body[4]!;
  assert.ok(analyze(numbered.join('\n') + '\n').input.envelopes.some((e) => e.kind === 'line-numbers' && e.lines === 3));
});

test("a kernel printing without timestamps still says what only the kernel says of a device that stopped answering (`nfs: server … not responding`, `mmc1: Timeout waiting for hardware interrupt.`): its lines are the kernel's", () => {
  const r = f(['Linux version 5.4.0 (x@y) #1 SMP PREEMPT', 'VFS: Mounted root (nfs filesystem) on device 0:20.', 'Run /sbin/init as init process', 'nfs: server 192.168.0.110 not responding, still trying']);
  assert.is(r.boots, 1);
  assert.is(r.rootCause, 'nfs: server 192.168.0.110 not responding, still trying');
  const mmc = analyze('mmc1: Timeout waiting for hardware interrupt.\n');
  assert.ok((mmc.input.lineSources.kernel ?? 0) >= 1, JSON.stringify(mmc.input.lineSources));
  // (A program's words that merely begin with a name and a colon are not.)
  assert.is(analyze('nfs: mounting the share failed, see the log\n').input.lineSources.kernel ?? 0, 0);
});

test("`journalctl -o json`: each entry is read as its short line (PID 1's failures, the kernel's lines), a new `_BOOT_ID` starts a boot, a message that is not UTF-8 comes as bytes", () => {
  const e = (boot: string, us: number, fields: Record<string, unknown>) => JSON.stringify({ __CURSOR: `s=1;i=${us}`, __REALTIME_TIMESTAMP: String(us), __MONOTONIC_TIMESTAMP: '5000000', _BOOT_ID: boot, _HOSTNAME: 'lab', PRIORITY: '6', ...fields });
  const a = '6f1c0a2e9b7d4e1f8a3c5d7e9f0a1b2c';
  const b = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e';
  const lines = [
    e(a, 1765094400000000, { _TRANSPORT: 'kernel', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: 'Linux version 6.12.117+deb13-amd64 (debian-kernel@lists.debian.org) #1 SMP' }),
    e(a, 1765094401000000, { _TRANSPORT: 'journal', SYSLOG_IDENTIFIER: 'systemd', _PID: '1', _COMM: 'systemd', MESSAGE: 'systemd 257.13-1~deb13u1 running in system mode (+PAM +AUDIT)' }),
    e(a, 1765094402000000, { _TRANSPORT: 'journal', SYSLOG_IDENTIFIER: 'systemd', _PID: '1', MESSAGE: 'Reached target multi-user.target - Multi-User System.' }),
    e(b, 1765094500000000, { _TRANSPORT: 'kernel', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: 'Linux version 6.12.117+deb13-amd64 (debian-kernel@lists.debian.org) #1 SMP' }),
    e(b, 1765094501000000, { _TRANSPORT: 'journal', SYSLOG_IDENTIFIER: 'systemd', _PID: '1', MESSAGE: 'systemd 257.13-1~deb13u1 running in system mode (+PAM +AUDIT)' }),
    e(b, 1765094502000000, { _TRANSPORT: 'stdout', SYSLOG_IDENTIFIER: 'lab-broken', _PID: '412', MESSAGE: [101, 114, 114, 111, 114, 58, 32, 0xff, 32, 110, 111, 32, 99, 111, 110, 102, 105, 103] }),
    e(b, 1765094503000000, { _TRANSPORT: 'journal', SYSLOG_IDENTIFIER: 'systemd', _PID: '1', MESSAGE: 'lab-broken.service: Main process exited, code=exited, status=1/FAILURE' }),
    e(b, 1765094503100000, { _TRANSPORT: 'journal', SYSLOG_IDENTIFIER: 'systemd', _PID: '1', MESSAGE: 'Failed to start lab-broken.service - Lab service that fails.' }),
  ];
  const r = analyze(lines.join('\n') + '\n');
  assert.is(r.input.recognisedAs, 'journal');
  assert.ok(r.input.envelopes.some((x) => x.kind === 'journal-json' && x.lines === 8), JSON.stringify(r.input.envelopes));
  const got = findings(r);
  assert.is(got.boots, 2);
  assert.is(got.rootCause, 'lab-broken.service');
  // (The report's lines are the file's: the failure is on line 8.)
  assert.ok(r.boots[1]!.cycles[0]!.rootCause!.evidence.some((x) => x.line === 8));
  // (A JSON line that is no journal entry is text.)
  assert.is(analyze('{"MESSAGE": "hello", "__REALTIME_TIMESTAMP": "not a number"}\n').input.envelopes.length, 0);
});

test("`journalctl -o json-pretty`: an entry over its lines, `{` to `}`, is read as one short line at its MESSAGE's line; another program's braces go out as they were", () => {
  const entry = (us: number, fields: Record<string, string>) => {
    const all = Object.entries({ __REALTIME_TIMESTAMP: String(us), _BOOT_ID: '6f1c0a2e9b7d4e1f8a3c5d7e9f0a1b2c', _HOSTNAME: 'lab', ...fields });
    return ['{', ...all.map(([k, v], i) => `\t${JSON.stringify(k)} : ${JSON.stringify(v)}${i < all.length - 1 ? ',' : ''}`), '}'];
  };
  const lines = [
    ...entry(1765094401000000, { SYSLOG_IDENTIFIER: 'systemd', _PID: '1', MESSAGE: 'systemd 257.13-1~deb13u1 running in system mode (+PAM +AUDIT)' }),
    ...entry(1765094402000000, { SYSLOG_IDENTIFIER: 'systemd', _PID: '1', MESSAGE: 'Failed to start lab-broken.service - Lab service that fails.', UNIT: 'lab-broken.service' }),
  ];
  const r = analyze(lines.join('\n') + '\n');
  assert.is(findings(r).rootCause, 'lab-broken.service');
  const msg = lines.findIndex((l) => l.includes('Failed to start')) + 1;
  assert.ok(r.boots[0]!.cycles[0]!.rootCause!.evidence.some((e) => e.line === msg), `evidence at line ${msg}`);
  // (A program's own JSON on the console is text, line for line.)
  const other = analyze(['{', '  "name": "x"', '}', '[FAILED] Failed to start foo.service - Foo.'].join('\n') + '\n');
  assert.is(findings(other).rootCause, 'foo.service');
  assert.not.ok(other.input.envelopes.some((e) => e.kind === 'journal-json'));
});

test("U-Boot that found nothing to boot: its EFI boot manager's `Cannot load any image` is the cause when no kernel follows, nothing when one does", () => {
  const uboot = ['U-Boot 2023.01 (Sep 18 2025 - 23:22:33 +0700)', '', 'Model: TI AM335x BeagleBone Black', 'Hit any key to stop autoboot:  0', 'Scanning mmc 0:1...', 'No EFI system partition', 'BootOrder not defined', 'EFI boot manager: Cannot load any image'];
  const failed = analyze([...uboot, '## Error: "bootcmd_nand0" not defined'].join('\n') + '\n');
  assert.is(failed.verdict, 'failed');
  assert.is(findings(failed).rootCause, 'EFI boot manager: Cannot load any image');
  // (Tried first on each device; the next way loaded a kernel that booted: no failure.)
  const booted = analyze([...uboot, 'Retrieving file: /extlinux/extlinux.conf', '6853120 bytes read in 442 ms (14.8 MiB/s)', 'Starting kernel ...', '', '[    0.000000] Booting Linux on physical CPU 0x0', '[    0.000000] Linux version 6.1.0 (x@y) #1 SMP', '[    2.000000] Run /sbin/init as init process'].join('\n') + '\n');
  assert.is(findings(booted).rootCause, null);
});

test("Xen's network front end that could not set its card up (`vif vif-0: 2 parsing device/vif/0/mac`) is a driver's failure; the block front's probe error on an HVM guest is not", () => {
  const head = ['[    0.780169] Linux agpgart interface v0.103', '[    0.787508] vbd vbd-5632: 19 xenbus_dev_probe on device/vbd/5632', '[    0.798153] Initialising Xen virtual ethernet driver.'];
  const tail = ['[    0.916033] XENBUS: Device with no driver: device/vfb/0', '[    1.236938] EXT4-fs (dm-0): mounted filesystem with ordered data mode. Opts: (null)'];
  const r = analyze([...head, '[    0.816282] vif vif-0: 2 parsing device/vif/0/mac', ...tail].join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.ok(findings(r).rootCause?.includes('vif vif-0: 2 parsing device/vif/0/mac'), String(findings(r).rootCause));
  assert.is(analyze([...head, ...tail].join('\n') + '\n').verdict, 'ok');
});

test("dracut's rd.debug trace: emergency_shell warning why is dracut giving up (its quote unquoted), though the trace ends before the shell's banner; a log begun after the command line does not say it lacked root=", () => {
  const lines = [
    "[   18.432232] dracut-mount[2146]: /bin/dracut-mount@34(): action_on_fail 'Can'\\''t mount root filesystem'",
    "[   18.432993] dracut-mount[2146]: /lib/dracut-lib.sh@1142(action_on_fail): emergency_shell 'Can'\\''t' mount root filesystem",
    '[   18.435722] dracut-mount[2146]: /lib/dracut-lib.sh@1105(emergency_shell): echo',
    "[   18.436498] dracut-mount[2146]: /lib/dracut-lib.sh@1106(emergency_shell): warn 'Can'\\''t mount root filesystem'",
  ];
  const r = analyze(lines.join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  const got = findings(r);
  assert.is(got.emergency, 'dracut-shell');
  const cause = r.rootCause;
  assert.ok(cause?.headline.startsWith('the initrd could not mount the root file system'), cause?.headline);
  assert.not.ok(cause?.headline.includes('no root='), cause?.headline);
  // (Another function's warn is only a trace.)
  const other = analyze(['[   18.400000] Run /init as init process', "[   18.400001] dracut-pre-udev[300]: /lib/dracut-lib.sh@80(getarg): warn 'Can'\\''t mount root filesystem'"].join('\n') + '\n');
  assert.is.not(other.verdict, 'failed');
  assert.is(findings(other).emergency, 'none');
});

test("systemctl's `Job for X failed` relayed by the program that ran it (cloud-init's `Stderr: Job for …`) names the unit that failed", () => {
  const lines = [
    'Jan 03 04:00:32 vm systemd[1]: Starting Cloud-init: Network Stage...',
    "Jan 03 04:02:32 vm cloud-init[517]: Command: ['systemctl', 'start', 'systemd-networkd-wait-online.service']",
    'Jan 03 04:02:32 vm cloud-init[517]: Exit code: 1',
    'Jan 03 04:02:32 vm cloud-init[517]: Stderr: Job for systemd-networkd-wait-online.service failed because the control process exited with error code.',
  ];
  assert.is(f(lines).rootCause, 'systemd-networkd-wait-online.service');
  // (Its output otherwise is only output.)
  assert.is(f([...lines.slice(0, 3), 'Jan 03 04:02:32 vm cloud-init[517]: Stderr: Job for x.service canceled.']).rootCause, null);
});

test("kexec to a kernel booted `quiet`: what follows `kexec_core: Starting new kernel` is the next kernel's boot, though it printed nothing of its start", () => {
  const lines = ['root@debian:~# systemctl start kexec.target', '[268181.341191] kexec_core: Starting new kernel', '/dev/sda1: clean, 35704/655360 files, 366185/2621179 blocks', 'GROWROOT: NOCHANGE: partition 1 is size 20969439. it cannot be grown', '', 'Debian GNU/Linux 9 debian ttyS0', '', 'debian login: root'];
  const r = analyze(lines.join('\n') + '\n');
  assert.is(r.boots.length, 2);
  assert.is(r.boots[1]!.startReason, 'kexec');
  assert.is(r.boots[1]!.startLine, 3);
  assert.is(r.boots[0]!.endLine, 2);
  assert.is(r.verdict, 'ok');
  // (A kernel that does print goes by its own start, as before.)
  const loud = analyze([...lines.slice(0, 2), '[    0.000000] Linux version 4.9.0-13-amd64 (debian-kernel@lists.debian.org) #1 SMP', '[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=/dev/sda1', '[    2.100000] Run /init as init process'].join('\n') + '\n');
  assert.is(loud.boots.length, 2);
  assert.is(loud.boots[1]!.startReason, 'kernel-banner');
});

test("U-Boot's prompt: `version` typed there prints its banner, no reset; `reset` typed there (`resetting ...`) ends the boot the log began in", () => {
  const lines = ['=> reset', 'resetting ...', '', 'U-Boot SPL 2021.10 (Sep 27 2021 - 08:59:58 +0200)', 'Trying to boot from SPI', '', 'U-Boot 2021.10 (Sep 27 2021 - 08:59:58 +0200)', '', 'Hit any key to stop autoboot:  0 ', '=> vers', 'U-Boot 2021.10 (Sep 27 2021 - 08:59:58 +0200)', '', 'aarch64-linux-gnu-gcc (Debian 8.3.0-2) 8.3.0', '=> '];
  const r = analyze(lines.join('\n') + '\n');
  assert.is(r.boots.length, 2, r.boots.map((b) => `${b.startReason}@${b.startLine}`).join(' '));
  assert.is(r.boots[0]!.startsMidway, true);
  assert.is(r.boots[1]!.startLine, 4);
  // (The same banner after a reset the log does not show is a new boot.)
  assert.is(analyze([...lines.slice(3, 9), 'U-Boot 2021.10 (Sep 27 2021 - 08:59:58 +0200)'].join('\n') + '\n').boots.length, 2);
});

test("a log that went through a Markdown conversion (`\\* Starting udev`, `\\[ ok \\]`): its escapes come off once a line shows them, and OpenRC's words read", () => {
  const r = analyze(['OpenRC 0.4.3 is starting up Gentoo Linux (x86\\_64) \\[VSERVER\\]', '\\* Mounting /dev', " \\* Starting udev", ' \\* Failed to start udev', ' \\* ERROR: udev failed to start'].join('\n') + '\n');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'markdown-escapes'), JSON.stringify(r.input.envelopes));
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]!.startsMidway, false, 'OpenRC named the container it starts in');
  // (A kernel's own backslashes stay: ACPI's `\_SB_`.)
  const acpi = analyze(['[    0.512345] ACPI: \\_SB_.PCI0: _OSC: OS supports [ExtendedConfig ASPM ClockPM Segments MSI HPX-Type3]', '[    0.612345] ACPI: \\_SB_.PCI0: _OSC: platform does not support [PCIeHotplug LTR]'].join('\n') + '\n');
  assert.not.ok(acpi.input.envelopes.some((e) => e.kind === 'markdown-escapes'));
});

test("sysvinit's step the log ends in, its program's errors after it, is where the boot stopped, with no kernel line in the log", () => {
  const lines = ['INIT: version 3.06 booting', 'Using makefile-style concurrent boot in runlevel S.', 'Starting fake hwclock: loading system time.', 'Starting log2ram:', "touch: cannot touch '/var/hdd.log/log2ram.test': Read-only file system"];
  assert.is(f(lines).rootCause, 'Starting log2ram');
  assert.is(f([...lines, 'done.', 'INIT: Entering runlevel: 2', 'debian login:']).rootCause, null);
});

test("s6-overlay: a log that opens on its first words began with the container; one that opens on a later service's began after it", () => {
  const later = analyze(['s6-rc: info: service legacy-cont-init successfully started', 's6-rc: info: service legacy-services: starting', 's6-rc: info: service legacy-services successfully started'].join('\n') + '\n');
  assert.is(later.boots[0]!.startsMidway, true);
  const first = analyze(['s6-rc: info: service s6rc-oneshot-runner: starting', 's6-rc: info: service s6rc-oneshot-runner successfully started', 's6-rc: info: service legacy-services successfully started'].join('\n') + '\n');
  assert.is(first.boots[0]!.startsMidway, false);
});

test("a quoted-printable mail's short soft break (a word too long for the rest of the line) joins, and a Latin-1 byte (`=A0`) is read as Latin-1", () => {
  const qp = [
    '[    2.000000] dracut-initqueue[311]: Warning: /dev/mapper/rhel-root=20=',
    'does not exist',
    '[  197.067020] dracut-initqueue[311]: Warning: =',
    '/dev/disk/by-uuid/c8396182-9335-4bf7-a963-f14e85f41f23 does not exist',
    '[=A0 675.895298] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000058',
  ];
  const read: Array<{ line: number; text: string }> = [];
  const r = analyze(qp.join('\n') + '\n', { onRecord: (rec) => read.push({ line: rec.at.lineNo, text: rec.at.text }) });
  assert.ok(read.some((x) => x.line === 3 && x.text.endsWith('Warning: /dev/disk/by-uuid/c8396182-9335-4bf7-a963-f14e85f41f23 does not exist')), JSON.stringify(read));
  // (`=A0` is no UTF-8: the no-break space it is in ISO-8859-1, so the kernel's stamp reads.)
  assert.is(r.boots[0]!.crashes[0]?.uptime, 675.895298);
  // Before the body is known to be quoted-printable, a short line ending in `=` is left as it is.
  const early = analyze('[    1.000000] foo: bar=\nbaz\n', { onRecord: (rec) => read.push({ line: 100 + rec.at.lineNo, text: rec.at.text }) });
  assert.is(early.input.envelopes.length, 0);
});

test("LK hands over to U-Boot chain-loaded as its kernel (`booting linux @ …`): one power-on, not a reset", () => {
  const lines = ['Format: Log Type - Time(microsec) - Message - Optional Info', 'S - QC_IMAGE_VERSION_STRING=BOOT.XF.1.0-00301', '[0] welcome to lk', '[5290] Updating device tree: done', '[5300] booting linux @ 0x80080000, ramdisk @ 0x82200000 (0), tags/device tree @ 0x82000000', '[5310] Jumping to kernel via monitor', '', 'U-Boot 2017.11-00145-ge895117 (Nov 29 2017 - 10:04:06 +0100)', 'Qualcomm-DragonBoard 820C', 'DRAM:  3 GiB'];
  assert.is(analyze(lines.join('\n') + '\n').boots.length, 1);
  // (Without its hand-over, U-Boot's banner after LK's lines is the next power-on's.)
  assert.is(analyze(lines.filter((l) => !l.includes('booting linux @')).join('\n') + '\n').boots.length, 2);
});

test("U-Boot counted down to its autoboot past an error of its bring-up: the boot command's failure after is the cause; a FIT image's signature refused is named", () => {
  const lines = ['U-Boot 2010.06 (Sep 21 2017 - 18:01:31)', 'MMC:', 'EMMC/MMC/SD controller initialization.', 'Card did not respond to voltage select!', 'No EMMC/MMC/SD device found !', 'In:    serial', 'Press Ctrl+q/Q to stop autoboot:  0', '16384 KiB hi_fmc at 0:0 is now current device', '', 'Wrong Image Format for bootm command', "ERROR: can't get kernel image!", 'hisilicon # '];
  assert.is(f(lines).rootCause, 'Wrong Image Format for bootm command');
  // (With no countdown between them, the first error is still the cause.)
  assert.is(f(lines.filter((l) => !l.includes('autoboot'))).rootCause, 'Card did not respond to voltage select');
  const fit = ['U-Boot 2016.03-gbc6d93cf5e-dirty (Mar 21 2020 - 09:10:46 +0530)', 'Hit any key to stop autoboot:  0', 'reading image.fit', '10638260 bytes read in 923 ms (11 MiB/s)', '## Loading kernel from FIT Image at 1f000000 ...', "   Using 'config-1' configuration", "   Verifying Hash Integrity ... sha256,rsa2048:dev- Failed to verify required signature 'key-dev'", 'Bad Data Hash', "ERROR: can't get kernel image!", 'U-Boot> '];
  assert.is(f(fit).rootCause, "Failed to verify required signature 'key-dev'");
});

test("an untimed UBSAN report (syzbot keeps the console without stamps) is a warning, with what it found; a line that merely says UBSAN is not", () => {
  const lines = ['Linux version 5.10.0-syzkaller (syzkaller@syzkaller) #0 SMP PREEMPT now', 'Command line: BOOT_IMAGE=/vmlinuz root=/dev/sda1 console=ttyS0', '================================================================================', 'UBSAN: null-ptr-deref in drivers/acpi/acpica/tbfadt.c:459:37', "member access within null pointer of type 'struct acpi_table_fadt'", 'CPU: 0 PID: 0 Comm: swapper Not tainted 5.10.0-syzkaller #0', 'Call Trace:', '================================================================================', 'ACPI: DSDT 0x00000000BFFFDA80 0018BA (v01 Google GOOGDSDT 00000001 GOOG 00000001)'];
  const r = analyze(lines.join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(findings(r).rootCause, 'warning');
  assert.ok(r.boots[0]!.rootCause!.evidence.some((e) => e.text.startsWith('member access within null pointer')), JSON.stringify(r.boots[0]!.rootCause!.evidence));
  assert.is(analyze([...lines.slice(0, 2), 'UBSAN: checks are on in this build'].join('\n') + '\n').verdict, 'ok');
});

test("dracut's bare `Warning: Could not boot.` on the console is evidence of the root it could not find", () => {
  const lines = ['dracut-initqueue[402]: Warning: dracut-initqueue timeout - starting timeout scripts', 'Warning: Could not boot.', 'Warning: /dev/centos/root does not exist', 'Starting Dracut Emergency Shell... ', '', 'Warning: /dev/mapper/centos-root does not exist', 'Entering emergency mode. Exit the shell to continue.'];
  const r = analyze(lines.join('\n') + '\n');
  const cause = r.boots[0]!.cycles[0]?.rootCause ?? r.boots[0]!.rootCause;
  assert.ok(cause!.evidence.some((e) => e.line === 2), JSON.stringify(cause!.evidence));
});

test("NixOS stage 1 that could not mount a file system for the system: the kernel's word just before mount's error is evidence, and the unit is systemd-escape's", () => {
  const lines = ['<<< NixOS Stage 1 >>>', '', 'mounting /dev/disk/by-label/nixos on /...', 'mounting nix-store on /nix/.ro-store...', '[    0.253387] 9pnet_virtio: no channels available for device nix-store', 'mount: mounting nix-store on /mnt-root/nix/.ro-store failed: No such file or directory', '', 'An error occurred in stage 1 of the boot process, which must mount the', "root filesystem on `/mnt-root' and then start stage 2.  Press one", 'of the following keys:'];
  const r = analyze(lines.join('\n') + '\n');
  assert.is(findings(r).rootCause, 'nix-.ro\\x2dstore.mount');
  assert.ok(r.boots[0]!.rootCause!.evidence.some((e) => e.text.includes('9pnet_virtio')), JSON.stringify(r.boots[0]!.rootCause!.evidence));
});

test("a dracut hook's errors while the initrd went on into the system (an image probing for an iSCSI root it does not use) are no failure; where the log ends in the initrd they are", () => {
  const lines = ['[    1.900000] systemd[1]: Running in initrd.', 'Welcome to Oracle Linux Server 9.7 dracut-057-53.git20240104.0.1.el9 (Initramfs)!', '         Starting dracut initqueue hook...', '[    5.281961] dracut-initqueue[716]: iscsiadm: cannot resolve host name iscsi', '[    5.296493] dracut-initqueue[716]: iscsiadm: cannot resolve host name iscsi', '[    5.340643] dracut-initqueue[652]: Warning: Target discovery to iscsi:3260 failed with status 0', '[  OK  ] Started dracut initqueue hook.', '[  OK  ] Reached target Preparation for Remote File Systems.'];
  assert.is(f(lines).rootCause, 'dracut-initqueue.service');
  const on = [...lines, '[  OK  ] Reached target Switch Root.', '         Starting Switch Root...', '[    8.100000] systemd-journald[300]: Received SIGTERM from PID 1 (systemd).', '[    8.300000] systemd[1]: systemd 252-32.0.1.el9 running in system mode (+PAM +AUDIT +SELINUX)', 'Welcome to Oracle Linux Server 9.7!', '[  OK  ] Reached target Multi-User System.'];
  assert.is(f(on).rootCause, null);
});

test("cloud-final.service's program logs as cloud-init: its script's error just before the unit failed is the failure's evidence", () => {
  const lines = ['Feb 04 09:44:53 host cloud-init[876]: + ifconfig', 'Feb 04 09:44:53 host cloud-init[876]: /var/lib/cloud/instance/scripts/runcmd: 152: ifconfig: not found', "Feb 04 09:44:53 host cloud-init[876]: 2022-02-04 09:44:53,354 - cc_scripts_user.py[WARNING]: Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)", 'Feb 04 09:44:54 host systemd[1]: cloud-final.service: Main process exited, code=exited, status=1/FAILURE', "Feb 04 09:44:54 host systemd[1]: cloud-final.service: Failed with result 'exit-code'.", 'Feb 04 09:44:54 host systemd[1]: Failed to start Execute cloud user/final scripts.'];
  const r = analyze(lines.join('\n') + '\n');
  const cause = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(cause.unit, 'cloud-final.service');
  assert.ok(cause.evidence.some((e) => e.text.includes('ifconfig: not found')), JSON.stringify(cause.evidence));
  // (Lines apart from the failure, they are cloud-final's, not another unit's.)
  const between = ['Feb 04 09:44:53 host cloud-init[2690]: ####', 'Feb 04 09:44:53 host cloud-init[2692]: -----BEGIN SSH HOST KEY FINGERPRINTS-----', 'Feb 04 09:44:53 host cloud-init[2704]: -----END SSH HOST KEY FINGERPRINTS-----', 'Feb 04 09:44:53 host cloud-init[2705]: ####'];
  const apart = (unit: string) => analyze([lines[1]!, ...between, `Feb 04 09:44:54 host systemd[1]: ${unit}: Main process exited, code=exited, status=1/FAILURE`, `Feb 04 09:44:54 host systemd[1]: ${unit}: Failed with result 'exit-code'.`].join('\n') + '\n').boots[0]!.cycles[0]!.rootCause!.evidence;
  assert.ok(apart('cloud-final.service').some((e) => e.text.includes('ifconfig')));
  assert.not.ok(apart('foo.service').some((e) => e.text.includes('ifconfig')));
});

test("init killed by the signal of the oops just before it is the oops's, whatever zeros the exit code kept (`exitcode=0x09` on a line cut at its width)", () => {
  const lines = (code: string) => ['[    1.069579] BUG: unable to handle kernel paging request at ffffaffc4065c000', '[    1.073554] IP: iommu_go_to_state+0xf8a/0x1260', '[    1.073554] Oops: 0000 [#1] SMP NOPTI', '[    1.073554] CPU: 1 PID: 1 Comm: swapper/0 Not tainted 4.14.50 #13', `[    1.255973] Kernel panic - not syncing: Attempted to kill init! exitcode=${code}`];
  assert.is(f(lines('0x09')).rootCause, 'oops');
  assert.is(f(lines('0x00000009')).rootCause, 'oops');
  // (An exit status of init's own is its own reason.)
  assert.is(f(lines('0x00000100')).rootCause, 'panic');
});

test("the kernel waiting for a root device its command line never named (`Waiting for root device ...`, no root=): said so, with the command line", () => {
  const lines = ['[    0.000000] Linux version 5.13.0-1011-generic (buildd@lcy01) #12 SMP', '[    0.000000] Kernel command line: rootwait rw console=ttyS0 earlycon=sbi snapd_recovery_mode=install', '[    0.548532] Waiting for root device ...'];
  const r = analyze(lines.join('\n') + '\n');
  const cause = r.boots[0]!.rootCause!;
  assert.is(cause.kind, 'root-device');
  assert.is(cause.unit, null);
  assert.match(cause.headline, /names none \(no root=\)/);
  assert.ok(cause.evidence.some((e) => e.line === 2));
  // (A device it names is still the device.)
  assert.match(analyze([lines[0]!, '[    0.000000] Kernel command line: root=/dev/vda2 rootwait', '[    0.548532] Waiting for root device /dev/vda2...'].join('\n') + '\n').boots[0]!.rootCause!.headline, /root device \/dev\/vda2/);
});

test("a panic in a subsystem's words (FIPS's failed self-test): that subsystem's line just before it is its evidence", () => {
  const lines = ['[   22.301826] alg: skcipher: xts-aes-aesni encryption failed on test vector "random: len=28 klen=64"; expected_error=0, actual_error=-22', '[   22.304800] Kernel panic - not syncing: alg: self-tests for xts-aes-aesni (xts(aes)) failed in fips mode!', '[   22.305709] CPU: 0 PID: 259 Comm: cryptomgr_test Not tainted 5.3.0-rc1+ #9'];
  const r = analyze(lines.join('\n') + '\n');
  assert.ok(r.boots[0]!.rootCause!.evidence.some((e) => e.line === 1), JSON.stringify(r.boots[0]!.rootCause!.evidence));
  // (Another subsystem's line is not.)
  const other = analyze(['[   22.301826] usb 1-1: new high-speed USB device number 2 using ehci', lines[1]!].join('\n') + '\n');
  assert.not.ok(other.boots[0]!.rootCause!.evidence.some((e) => e.line === 1));
});

test("an empty floppy's or CD drive's I/O error just after a unit failed is not that unit's evidence; a disk's is", () => {
  const lines = (dev: string) => ['[    2.091519] XFS (sda1): Failed to recover EFIs', '[    2.092299] XFS (sda1): log mount finish failed', '[FAILED] Failed to mount /sysroot.', 'See \'systemctl status sysroot.mount\' for more details.', `[    2.178103] blk_update_request: I/O error, dev ${dev}, sector 0`];
  const evidence = (dev: string) => analyze(lines(dev).join('\n') + '\n').boots[0]!.cycles[0]!.rootCause!.evidence.map((e) => e.line);
  assert.not.ok(evidence('fd0').includes(5));
  assert.ok(evidence('sda').includes(5));
});

test.run();
