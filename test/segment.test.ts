/** Segmentation rules: boots, userspace cycles and phases, from the markers systemd and the kernel print. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze, Analyzer } from '../parsers/index.js';
import type { AnalyzerEvent } from '../parsers/report/schema.js';

const BANNER = '[    0.000000] Linux version 6.12.38+deb13-amd64 (debian-kernel@lists.debian.org) (gcc-14)';
const MANAGER = (t: string) => `[ ${t}] systemd[1]: systemd 257.13-1~deb13u1 running in system mode (+PAM +AUDIT +SELINUX)`;

const initrdBoot = [
  BANNER,
  '[    1.000000] Run /init as init process',
  MANAGER('   1.500000'),
  '[    1.600000] systemd[1]: Running in initrd.',
  'Welcome to \u001b[0;34mFedora Linux 43 (Forty Three) dracut-107 (Initramfs)\u001b[0m!',
  '[  OK  ] Reached target initrd.target - Initrd Default Target.',
  '[    5.000000] systemd[1]: Switching root.',
  MANAGER('   5.500000'),
  'Welcome to \u001b[0;34mFedora Linux 43 (Forty Three)\u001b[0m!',
  '[  OK  ] Reached target multi-user.target - Multi-User System.',
  '[    9.000000] systemd[1]: Startup finished in 1.2s (kernel) + 3.8s (initrd) + 4.0s (userspace) = 9.0s.',
  'localhost login: ',
];

test('initrd and switch-root are one cycle with two phases', () => {
  const r = analyze(initrdBoot.join('\r\n'));
  assert.is(r.boots.length, 1);
  const b = r.boots[0]!;
  assert.is(b.startReason, 'kernel-banner');
  assert.is(b.startsMidway, false);
  assert.is(b.kernelVersion, '6.12.38+deb13-amd64');
  assert.is(b.cycles.length, 1);
  const c = b.cycles[0]!;
  assert.equal(c.phases.map((p) => p.name), ['initrd', 'system']);
  assert.is(c.start, 'kernel-boot');
  assert.is(c.os, 'Fedora Linux 43 (Forty Three)');
  assert.is(c.systemdVersion, '257');
  assert.is(c.loginLine, 12);
  assert.is(c.outcome, 'ok');
  assert.match(c.startupFinished ?? '', /= 9\.0s/);
  assert.is(r.verdict, 'ok');
});

test('a soft-reboot starts a new cycle on the same kernel', () => {
  const log = [
    ...initrdBoot,
    '[  OK  ] Stopped target multi-user.target - Multi-User System.',
    '[  OK  ] Reached target soft-reboot.target - Reboot System Userspace.',
    MANAGER(' 130.100000'),
    'Welcome to \u001b[0;34mFedora Linux 43 (Forty Three)\u001b[0m!',
    '[  OK  ] Reached target multi-user.target - Multi-User System.',
    'localhost login: ',
  ];
  const r = analyze(log.join('\r\n'));
  assert.is(r.boots.length, 1);
  const cycles = r.boots[0]!.cycles;
  assert.equal(cycles.map((c) => c.start), ['kernel-boot', 'soft-reboot']);
  assert.equal(cycles.map((c) => c.end), ['soft-reboot', 'log-end']);
  assert.equal(cycles[0]!.phases.map((p) => p.name), ['initrd', 'system', 'shutdown']);
  assert.equal(cycles[1]!.phases.map((p) => p.name), ['system']);
  assert.is(cycles[1]!.startUptime, 130.1);
});

test('daemon-reexec is not a cycle', () => {
  const log = [...initrdBoot, '[   60.000000] systemd[1]: Reexecuting.', MANAGER('  60.200000')];
  assert.is(analyze(log.join('\n')).boots[0]!.cycles.length, 1);
});

test('a full reboot: shutdown, firmware, a new kernel banner → two boots', () => {
  const log = [
    ...initrdBoot,
    '[  OK  ] Reached target reboot.target - System Reboot.',
    '[   70.000000] systemd-shutdown[1]: Syncing filesystems and block devices.',
    '[   70.500000] reboot: Restarting system',
    'SeaBIOS (version 1.16.2-debian-1.16.2-1)',
    'Booting from Hard Disk...',
    ...initrdBoot,
  ];
  const r = analyze(log.join('\r\n'));
  assert.equal(r.boots.map((b) => [b.startReason, b.end]), [
    ['kernel-banner', 'reboot'],
    ['firmware', 'log-end'],
  ]);
  assert.equal(r.boots[1]!.phases.map((p) => p.name), ['firmware', 'kernel']);
  assert.equal(r.boots[0]!.cycles[0]!.end, 'reboot');
  assert.equal(r.boots.flatMap((b) => b.cycles.map((c) => c.index)), [1, 2]);
});

// (The shape of a dmesg without timestamps mailed with the kexec'd kernel's after it, kexec's list, 2019.)
test("an untimed banner after init ran is /proc/version printed, unless the kernel's command line follows it (kexec)", () => {
  const banner = 'Linux version 5.3.11-gentoo (m@n) (gcc version 9.2.0 (Gentoo 9.2.0-r2 p3)) #29 SMP Thu Nov 21 20:40:28 CET 2019';
  const first = [banner, 'Command line: BOOT_IMAGE=/boot/vmlinuz root=/dev/sda2', 'Run /sbin/init as init process', ' * Starting sshd ...  [ ok ]', 'kexec_file: kernel signature verification successful.', 'kexec_file: Loading segment 0: buf=0x00000000e99b31ad bufsz=0x5000 mem=0x91000 memsz=0x6000', ''];
  const kexeced = analyze([...first, banner, 'Command line: ', "x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'"].join('\n'));
  assert.is(kexeced.boots.length, 2);
  assert.is(kexeced.boots[1]!.startLine, first.length + 1);
  const printed = analyze([...first, banner, ' * Stopping sshd ...  [ ok ]'].join('\n'));
  assert.is(printed.boots.length, 1);
});

test('kernel timestamps restarting near zero start a new boot even without a banner', () => {
  const r = analyze(['[  100.000000] foo', '[  101.000000] bar', '[    0.500000] baz'].join('\n'));
  assert.equal(r.boots.map((b) => b.startReason), ['log-start', 'timestamps-restarted']);
  assert.ok(r.boots[0]!.startsMidway);
});

test('a timestamp that steps back a little (printk interleaving) is not a new boot', () => {
  const r = analyze(['[  130.211783] FAT-fs (vda2): Volume was not properly unmounted.', '[  130.008035] sh[1385]: nc: Connection refused'].join('\n'));
  assert.is(r.boots.length, 1);
});

test('initramfs-tools giving up on the root device is the boot\'s root cause', () => {
  const r = analyze(
    [
      BANNER,
      '[    1.000000] Run /init as init process',
      'Gave up waiting for root file system device.  Common problems:',
      'ALERT!  UUID=0000-dead does not exist.  Dropping to a shell!',
      '(initramfs) ',
    ].join('\n'),
  );
  const b = r.boots[0]!;
  assert.equal(b.phases.map((p) => p.name), ['kernel', 'initrd']);
  assert.is(b.cycles.length, 0);
  assert.is(b.emergency?.kind, 'initramfs-shell');
  assert.is(b.emergency?.device, 'UUID=0000-dead');
  assert.is(b.rootCause?.kind, 'root-device');
  assert.match(b.rootCause?.headline ?? '', /UUID=0000-dead never appeared/);
  assert.is(r.verdict, 'failed');
});

test('a kernel panic before init is the boot\'s root cause, titled from its header', () => {
  const r = analyze([BANNER, '[    2.000000] Run /bin/false as init process', '[    2.100000] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100', '[    2.200000] ---[ end Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100 ]---'].join('\n'));
  const b = r.boots[0]!;
  assert.equal(b.crashes.map((c) => c.kind), ['panic']);
  assert.is(b.end, 'panic');
  assert.is(b.rootCause?.kind, 'kernel-crash');
  assert.match(b.rootCause?.headline ?? '', /Attempted to kill init/);
});

test('an oops is titled with the function it happened in', () => {
  const r = analyze(['[   5.000000] BUG: kernel NULL pointer dereference, address: 0000000000000008', '[   5.000100] Oops: 0000 [#1] PREEMPT SMP NOPTI', '[   5.000200] RIP: 0010:ext4_fill_super+0x1a2/0x3c40'].join('\n'));
  const crashes = r.boots[0]!.crashes;
  assert.is(crashes[0]!.title, 'BUG: kernel NULL pointer dereference, address: 0000000000000008 in ext4_fill_super');
  // (The BUG line and its Oops are one incident: the Oops line is its evidence.)
  assert.equal(crashes.map((c) => c.kind), ['oops']);
  assert.ok(crashes[0]!.evidence.some((e) => e.why === 'the oops' && e.line === 2));
});

test('a BUG and its Oops are one crash; a later Oops, or one after a lockup, is a crash of its own', () => {
  const one = analyze(['[  130.000000] kernel BUG at mm/slub.c:3802!', '[  130.100000] Internal error: Oops - BUG: 0 [#1] PREEMPT SMP', '[  130.200000] pc : kfree+0x1a0/0x1d0'].join('\n'));
  assert.equal(one.boots[0]!.crashes.map((c) => c.kind), ['bug']);
  const filler = Array.from({ length: 20 }, (_, i) => `[  131.${String(i).padStart(6, '0')}] filler line ${i}`);
  const two = analyze(['[  130.000000] BUG: kernel NULL pointer dereference, address: 0000000000000008', ...filler, '[  132.000000] Oops: 0000 [#2] SMP'].join('\n'));
  // (x86's page-fault header is an oops itself; a second die(), `[#2]`, well after it is another.)
  assert.equal(two.boots[0]!.crashes.map((c) => c.kind), ['oops', 'oops']);
  // (`dmesg` typed later prints the BUG line again, untimed: the same report, not a new crash.)
  const again = analyze(['[  130.000000] BUG: kernel NULL pointer dereference, address: 0000000000000008', '[  130.100000] Oops: 0000 [#1] SMP', 'kern  :alert : BUG: kernel NULL pointer dereference, address: 0000000000000008'].join('\n'));
  assert.equal(again.boots[0]!.crashes.map((c) => c.kind), ['oops']);
  const lockup = analyze(['[  130.000000] watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [kworker:33]', '[  130.100000] Oops: 0000 [#1] SMP'].join('\n'));
  assert.equal(lockup.boots[0]!.crashes.map((c) => c.kind), ['bug', 'oops']);
});

test("a crash report's task, taint, modules, fault address and call trace are read, other drivers' lines in it passed over", () => {
  const r = analyze(
    [
      '[    5.464036] BUG: kernel NULL pointer dereference, address: 00000000000002fc',
      '[    5.475929] #PF: supervisor read access in kernel mode',
      '[    5.493331] Oops: 0000 [#1] SMP NOPTI',
      '[    5.493336] CPU: 1 PID: 154 Comm: udevd Tainted: G        W  O      5.15.161 #1',
      '[    5.505599] RIP: 0010:cros_ec_check_features+0x7/0x110',
      '[    5.525380] Call Trace:',
      '[    5.525382]  <TASK>',
      '[    5.534856] usb 1-6: Manufacturer: Realtek',
      '[    5.539980]  ? __die_body.cold+0x1a/0x1f',
      '[    5.632062]  cros_typec_probe+0xd4/0x4d9 [cros_ec_typec]',
      '[    5.687198]  platform_probe+0x3a/0xa0',
      '[    5.744988]  do_one_initcall+0x3f/0x1c0',
      '[    5.745000]  </TASK>',
      '[    5.745001] Modules linked in: cros_ec_typec(+) typec r8152',
      '[    5.745002]  nothing_after+0x1/0x2',
      '[    5.745100] ---[ end trace 0000000000000000 ]---',
    ].join('\n'),
  );
  const c = r.boots[0]!.crashes[0]!;
  assert.equal(c.details, { cpu: 1, pid: 154, comm: 'udevd', tainted: 'G W O', modules: ['cros_ec_typec(+)', 'typec', 'r8152'], address: '00000000000002fc', frames: ['cros_typec_probe [cros_ec_typec]', 'platform_probe', 'do_one_initcall'] });
  // 32-bit ARM's frames, and a report without a task line.
  const arm = analyze(
    [
      '[   12.000000] Unable to handle kernel NULL pointer dereference at virtual address 00000010',
      '[   12.000100] Internal error: Oops: 17 [#1] SMP ARM',
      '[   12.000200] Backtrace:',
      '[   12.000300] [<c0303e5c>] (ext4_fill_super) from [<c0243c8c>] (mount_bdev+0x160/0x194)',
      '[   12.000400] [<c0243c8c>] (mount_bdev) from [<c02fd9a4>] (ext4_mount+0x1c/0x24)',
    ].join('\n'),
  ).boots[0]!.crashes[0]!;
  assert.equal(arm.details.frames, ['ext4_fill_super', 'mount_bdev']);
  assert.is(arm.details.address, '00000010');
  assert.is(arm.details.pid, null);
});

test('a device that never appears: the spinner becomes one hung job, and the device is the root cause', () => {
  const ESC = '\u001b';
  const log =
    `[    5.000000] systemd[1]: Expecting device dev-disk-by\\x2duuid-1234.device - /dev/disk/by-uuid/1234...\r\n` +
    `[***   ] Job dev-disk-by\\x2duuid-1234.device/start running (5s / 10s)\r\n` +
    `${ESC}M\r${ESC}[K[ ***  ] Job dev-disk-by\\x2duuid-1234.device/start running (9s / 10s)\r\n` +
    `${ESC}M\r${ESC}[K[ TIME ] Timed out waiting for device ${ESC}[0;1;39mdev-disk-by\\x2duuid-1234.device${ESC}[0m - /dev/disk/by-uuid/1234.\r\n` +
    `[DEPEND] Dependency failed for ${ESC}[0;1;39mdata.mount${ESC}[0m - /data.\r\n` +
    `[DEPEND] Dependency failed for ${ESC}[0;1;39mlocal-fs.target${ESC}[0m - Local File Systems.\r\n` +
    `[  OK  ] Reached target ${ESC}[0;1;39memergency.target${ESC}[0m - Emergency Mode.\r\n`;
  const r = analyze(log);
  const c = r.boots[0]!.cycles[0]!;
  assert.is(c.hungJobs.length, 1);
  const job = c.hungJobs[0]!;
  assert.equal([job.unit.name, job.elapsedText, job.limitText, job.frames, job.ranToLimit, job.outcome], ['dev-disk-by\\x2duuid-1234.device', '9s', '10s', 2, false, 'device-timeout']);
  assert.is(c.rootCause?.unit, 'dev-disk-by\\x2duuid-1234.device');
  assert.equal(c.failures.map((f) => [f.unit.name, f.kind, f.causedBy]), [
    ['dev-disk-by\\x2duuid-1234.device', 'timeout', null],
    ['data.mount', 'dependency', 'dev-disk-by\\x2duuid-1234.device'],
    ['local-fs.target', 'dependency', 'data.mount'],
  ]);
  assert.is(c.emergency?.triggeredBy, 'local-fs.target');
});

test('events stream out as findings arrive', () => {
  const events: AnalyzerEvent[] = [];
  const a = new Analyzer({ onEvent: (e) => events.push(e) });
  a.write(new TextEncoder().encode([...initrdBoot, '[FAILED] Failed to start foo.service - Foo.'].join('\n') + '\n'));
  a.end();
  assert.equal(
    events.map((e) => e.type),
    ['boot', 'phase', 'phase', 'cycle', 'phase', 'login', 'failure'],
  );
});



test('memory stays bounded: past the boot limit the earliest boots give way, and the report says so', () => {
  const oneBoot = [BANNER, MANAGER('   1.500000'), 'Welcome to Debian GNU/Linux 13 (trixie)!', '[FAILED] Failed to start foo.service - Foo.', '[   9.000000] reboot: Restarting system'].join('\n');
  const r = analyze(Array.from({ length: 70 }, () => oneBoot).join('\n'));
  assert.is(r.boots.length, 64);
  assert.is(r.droppedBoots, 6);
  assert.is(r.boots[0]!.index, 7, 'boot numbers stay those of the log');
  assert.ok(r.degraded.some((d) => d.code === 'truncated-report'));
});

test('initramfs shells other than Debian\'s: mkinitcpio and Alpine name the device they did not find', () => {
  const arch = analyze(["ERROR: device 'UUID=4f3c' not found. Skipping fsck.", "mount: /new_root: can't find UUID=4f3c.", 'You are now being dropped into an emergency shell.', 'sh: can\'t access tty; job control turned off', '[rootfs ]# '].join('\n'));
  assert.is(arch.verdict, 'failed');
  assert.is(arch.boots.length, 1);
  assert.is(arch.boots[0]!.cycles.length, 0);
  assert.is(arch.boots[0]!.emergency?.kind, 'initramfs-shell');
  assert.is(arch.boots[0]!.rootCause?.kind, 'root-device');
  assert.ok(arch.boots[0]!.rootCause!.headline.includes('UUID=4f3c'));
  assert.ok(arch.boots[0]!.rootCause!.evidence.some((e) => e.text.startsWith('mount: /new_root')));
  const alpine = analyze(['mounting /dev/sda3 on /sysroot failed: No such file or directory', "initramfs emergency recovery shell launched. Type 'exit' to continue boot"].join('\n'));
  assert.is(alpine.boots[0]!.emergency?.kind, 'initramfs-shell');
  assert.ok(alpine.boots[0]!.rootCause!.headline.includes('/dev/sda3'));
});

test('dracut without systemd: its own failure is the cause, its shell the boot\'s mode, no userspace cycle', () => {
  const r = analyze(
    [
      '[    2.143932] dracut: Checking ext4: /dev/nvme0n1p2',
      '[    2.144928] dracut Warning: e2fsck returned with 16',
      '[    2.144964] dracut Warning: *** Dropping you to a shell; the system will try',
    ].join('\n'),
  );
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]!.cycles.length, 0);
  assert.is(r.boots[0]!.emergency?.kind, 'dracut-shell');
  assert.is(r.boots[0]!.rootCause?.unit, 'e2fsck returned with 16');
  // With systemd in the initrd the same shell belongs to the cycle (emergency.target runs dracut's hook).
  const withSystemd = analyze(['[    1.000000] systemd[1]: Running in initrd.', '[  OK  ] Reached target basic.target - Basic System.', '[    9.000000] dracut Warning: *** Dropping you to a shell; the system will try'].join('\n'));
  assert.is(withSystemd.boots[0]!.cycles.length, 1);
  assert.ok(withSystemd.boots[0]!.cycles[0]!.emergency !== null);
  assert.is(withSystemd.boots[0]!.emergency, null);
});

test('lines read with no boot made of them are not an OK', () => {
  const r = analyze('Reached target Basic System.\n');
  assert.is.not(r.verdict, 'ok');
});


test('the See line right after a failure names its unit even when the description was ellipsized', () => {
  const r = analyze(['[  OK  ] Reached target basic.target - Basic System.', '[FAILED] Failed to start Access poi…server for Wi-Fi and Ethernet.', "See 'systemctl status hostapd.service' for details."].join('\n'));
  assert.is(r.boots[0]!.cycles[0]!.rootCause?.unit, 'hostapd.service');
  // An ellipsized unit name must still fit the name it is given.
  const n = analyze(['[  OK  ] Reached target basic.target - Basic System.', '[FAILED] Failed to start dev-disk-by…abel-x.device.', "See 'systemctl status foo.service' for details."].join('\n'));
  assert.is.not(n.boots[0]!.cycles[0]!.rootCause?.unit, 'foo.service');
});

test('a program a unit runs under another name (switch-root runs systemctl) is evidence of its failure', () => {
  const r = analyze(
    [
      '[  294.362643] localhost systemd[1]: Starting Switch Root...',
      "[  294.374891] localhost systemctl[794]: Failed to switch root: Specified switch root path '/sysroot' does not seem to be an OS tree. os-release file is missing.",
      '[  294.376440] localhost systemd[1]: initrd-switch-root.service: Main process exited, code=exited, status=1/FAILURE',
      "[  294.376846] localhost systemd[1]: initrd-switch-root.service: Failed with result 'exit-code'.",
    ].join('\n'),
  );
  const rc = r.boots[0]!.cycles[0]!.rootCause!;
  assert.is(rc.unit, 'initrd-switch-root.service');
  assert.ok(rc.evidence.some((e) => e.text.includes('Failed to switch root')));
});


test('a mount\'s own timeout in a journal is its failure, even when PID 1 then logs it mounted', () => {
  const r = analyze(['Oct 03 14:08:33 wendy systemd[1]: Mounting /backup...', 'Oct 03 14:10:04 wendy systemd[1]: backup.mount: Mounting timed out. Stopping.', 'Oct 03 14:10:04 wendy systemd[1]: Mounted /backup.'].join('\n'));
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]!.cycles[0]!.rootCause?.unit, 'backup.mount');
  // While shutting down, an unmount that times out is no boot failure.
  const down = analyze(['Oct 03 14:08:33 wendy systemd[1]: Reached target Power-Off.', 'Oct 03 14:10:04 wendy systemd[1]: backup.mount: Unmounting timed out. Stopping.'].join('\n'));
  assert.is.not(down.verdict, 'failed');
});


test('a disk fails on its third I/O error in a boot; one error, or a floppy\'s, is no failure', () => {
  const io = (t: string, dev: string, sector: number) => `[ ${t}] blk_update_request: I/O error, dev ${dev}, sector ${sector}`;
  const head = [BANNER, '[    1.000000] sd 0:0:0:0: [sda] Attached SCSI disk'];
  const once = analyze([...head, io('   5.000000', 'sda', 8)].join('\n'));
  assert.is(once.boots[0]!.rootCause, null);
  const floppy = analyze([...head, io('   5.000000', 'fd0', 0), io('   6.000000', 'fd0', 0), io('   7.000000', 'fd0', 0)].join('\n'));
  assert.is(floppy.boots[0]!.rootCause, null);
  const failing = analyze([...head, io('   5.000000', 'sda', 8), io('   6.000000', 'sda', 16), io('   7.000000', 'sda', 24)].join('\n'));
  const cause = failing.boots[0]!.rootCause;
  assert.ok(cause !== null);
  assert.is(cause.kind, 'kernel-error');
  assert.is(cause.lines[0], 3, 'named by its first error');
  assert.equal(cause.evidence.map((e) => e.line), [3, 4, 5]);
});

test('a resume from hibernation that a driver refused is one failure told over its lines', () => {
  const log = [
    'PM: Image signature found, resuming',
    'PM: hibernation: resume from hibernation',
    'nvidia 0000:64:00.0: PM: pci_pm_freeze(): nv_pmops_freeze [nvidia] returns -5',
    'nvidia 0000:64:00.0: PM: failed to quiesce async: error -5',
    'PM: hibernation: Failed to load image, recovering.',
    'PM: hibernation: resume failed (-5)',
  ];
  const cause = analyze(log.join('\n')).boots[0]!.rootCause;
  assert.ok(cause !== null);
  assert.match(cause.headline, /could not resume from hibernation/);
  assert.equal(cause.evidence.map((e) => e.line), [3, 4, 5, 6]);
});

test('a journal whose date and time were cut off whole is still a journal: the host, then `kernel: ` or `ident[pid]: `', () => {
  const log = [
    'tinynix kernel: Linux version 6.6.87.2-microsoft-standard-WSL2 (root@439a258ad544) (gcc (GCC) 11.2.0) #1 SMP',
    'tinynix kernel: Command line: initrd=\\initrd.img panic=-1 console=hvc0',
    'tinynix systemd[1]: systemd 258.1 running in system mode (+PAM +AUDIT)',
    'tinynix systemd[1]: Failed to start Foo Service.',
  ];
  const r = analyze(log.join('\n'));
  assert.is(r.boots.length, 1);
  assert.is(r.boots[0]!.startsMidway, false, 'the kernel banner on line 1 begins the boot');
  assert.is(r.boots[0]!.startLine, 1);
  // (Console text that merely has two words before a colon is not such a line.)
  const text = analyze('Booting from: hard disk\nPress any key: to continue\n');
  assert.is(text.input.recognisedAs === 'journal', false);
});

test('dm-verity refusing the blocks below a file system is why it would not mount (Amlogic stamps, two spaces after)', () => {
  const log = [
    '[    1.720344@1]  device-mapper: verity: 179:9: metadata block 256001 is corrupted',
    '[    1.720710@0]  EXT4-fs (dm-0): unable to read superblock',
  ];
  const cause = analyze(log.join('\n')).boots[0]!.rootCause;
  assert.ok(cause !== null);
  assert.is(cause.unit, 'device-mapper: verity: 179:9: metadata block 256001 is corrupted');
  assert.equal(cause.lines, [1, 2]);
  // (Not below another device: a mapping's corruption explains only a dm device's mount.)
  const other = analyze(['[    1.720344@1]  device-mapper: verity: 179:9: metadata block 256001 is corrupted', '[    1.720710@0]  EXT4-fs (sda1): unable to read superblock'].join('\n')).boots[0]!.rootCause;
  assert.is(other?.unit, 'EXT4-fs (sda1): unable to read superblock');
});

test("fsck's exit code says whether it failed: 1 is errors it corrected, 4 errors it left", () => {
  const fixed = analyze('fsck.fat 4.1 (2017-01-24)\n/dev/mmcblk0p1: 1 files, 3334/16343 clusters\nfsck exited with status code 1\ndone.\n');
  assert.is(fixed.rootCause, null);
  const left = analyze('/dev/sda1: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.\nfsck exited with status code 4\nThe root filesystem on /dev/sda1 requires a manual fsck\n');
  assert.ok(left.rootCause !== null);
});

test("initramfs-tools' root mount failing, then no init on it: the root device, with no shell's prompt in the paste", () => {
  const log = ['Error: Socket failed: Connection refused', 'mount: mounting /dev/nbd0 on /root failed: Input/output error', "Target filesystem doesn't have requested /sbin/init.", 'No init found. Try passing init= bootarg.'];
  const cause = analyze(log.join('\n')).rootCause;
  assert.is(cause?.kind, 'root-device');
  assert.ok(cause!.lines.includes(2));
});

test("an ordering cycle through systemd's own units is named by the one unit in it that is not theirs", () => {
  const cycle = (extra: string[]) =>
    [
      '[    6.600188] systemd[1]: local-fs.target: Found ordering cycle on local-fs.target/start',
      '[    6.611187] systemd[1]: local-fs.target: Found dependency on local-fs-pre.target/start',
      '[    6.622190] systemd[1]: local-fs.target: Found dependency on systemd-tmpfiles-setup-dev.service/start',
      ...extra.map((u) => `[    6.644161] systemd[1]: local-fs.target: Found dependency on ${u}/start`),
      '[    6.664161] systemd[1]: local-fs.target: Found dependency on local-fs.target/start',
      '[    6.686187] systemd[1]: local-fs-pre.target: Job local-fs-pre.target/start deleted to break ordering cycle starting with local-fs.target/start',
    ].join('\n');
  const one = analyze(cycle(['coreos-tmpfiles.service'])).rootCause;
  assert.is(one?.unit, 'coreos-tmpfiles.service');
  assert.match(one!.headline, /closed an ordering cycle/);
  assert.equal(one!.lines, [4, 6]);
  // (Two such units: the log does not say whose ordering is wrong; the deleted job is named.)
  assert.is(analyze(cycle(['coreos-tmpfiles.service', 'foo.path'])).rootCause?.unit, 'local-fs-pre.target');
  // (A job deleted of a unit that is not systemd's own is that unit's.)
  const own = analyze('systemd[1]: sockets.target: Found ordering cycle on tangd.socket/start\nsystemd[1]: sockets.target: Found dependency on basic.target/start\nsystemd[1]: sockets.target: Job tangd.socket/start deleted to break ordering cycle starting with sockets.target/start\n').rootCause;
  assert.is(own?.unit, 'tangd.socket');
});

test("the Open Build Service's elapsed seconds before each line of the build VM's console are taken off", () => {
  const r = analyze(['[   66s] [    5.123456] systemd[1]: Starting Switch Root...', "[   67s] [FAILED] Failed to start Switch Root.", '[   67s] See \'systemctl status initrd-switch-root.service\' for details.'].join('\n'));
  assert.is(r.rootCause?.unit, 'initrd-switch-root.service');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'ci-timestamps' && e.lines === 3));
});

test("CoreOS's Ignition failure banner, then its stage's log: that stage's unit failed", () => {
  const log = ['Ignition has failed. Please ensure your config is valid. Note that only', 'Ignition spec v3.0.0+ configs are accepted.', '', 'Here are the Ignition logs:', 'Ignition 2.2.1', 'Stage: fetch', 'reading system config file "/usr/lib/ignition/base.ign"'];
  const r = analyze(log.join('\n'));
  assert.is(r.rootCause?.unit, 'ignition-fetch.service');
  assert.is(r.boots[0]!.cycles[0]!.emergency?.kind, 'emergency');
  assert.equal(r.rootCause!.lines, [1, 6]);
});

test("LK's own ERROR lines are the bootloader's failure", () => {
  const r = analyze(['[12300] fastboot: boot', '[13010] Updating device tree: start', '[13010] Invalid device tree header ', '[13010] ERROR: Updating Device Tree Failed '].join('\n'));
  assert.is(r.rootCause?.kind, 'bootloader');
  assert.match(r.rootCause!.headline, /Updating Device Tree Failed/);
});

test('systemd-fsck asking for emergency.target is tied to its unit when PID 1 reports it failed just after', () => {
  const log = [
    'Apr 03 19:33:17 h systemd[1]: Starting File System Check on /dev/disk/by-uuid/efb0f972-eaca-4eee-98df-2c9b69b8a5d3...',
    'Apr 03 19:33:18 h systemd-fsck[452]: home: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.',
    'Apr 03 19:33:18 h systemd-fsck[452]: fsck failed with exit status 4.',
    'Apr 03 19:33:18 h systemd-fsck[452]: Running request emergency.target/start/replace',
    'Apr 03 19:33:18 h systemd[1]: systemd-fsck@dev-disk-by\\x2duuid-efb0f972\\x2deaca\\x2d4eee\\x2d98df\\x2d2c9b69b8a5d3.service: Main process exited, code=exited, status=1/FAILURE',
    'Apr 03 19:33:18 h systemd[1]: Failed to start File System Check on /dev/disk/by-uuid/efb0f972-eaca-4eee-98df-2c9b69b8a5d3.',
  ];
  const e = analyze(log.join('\n')).boots[0]!.cycles[0]!.emergency;
  assert.is(e?.triggeredBy, 'systemd-fsck@dev-disk-by\\x2duuid-efb0f972\\x2deaca\\x2d4eee\\x2d98df\\x2d2c9b69b8a5d3.service');
});

test("a service PID 1 killed because it would not stop: a failure, unless a shutdown went on past it", () => {
  const killed = (prefix: string) => [`${prefix}foo.service: State 'stop-sigterm' timed out. Killing.`, `${prefix}foo.service: Killing process 275 (foo) with signal SIGKILL.`];
  // (A restart: the stop timed out, the unit failed.)
  const restart = analyze(['Apr 05 10:30:48 h systemd[1]: Stopping Foo...', ...killed('Apr 05 10:32:18 h systemd[1]: ')].join('\n'));
  assert.is(restart.rootCause?.unit, 'foo.service');
  assert.match(restart.rootCause!.headline, /timed out stopping/);
  // (A shutdown the log ends in: it hung there.)
  const hung = analyze(['[  626.575342] systemd[1]: Stopping Load/Save Random Seed...', '[  626.585342] systemd[1]: Reached target Shutdown.', ...killed('[  716.365836] systemd[1]: ')].join('\n'));
  assert.is(hung.rootCause?.unit, 'foo.service');
  // (A shutdown that went on, and the next boot came: held up, nothing failed.)
  const next = analyze(['Jan 06 22:40:25 h systemd[1]: Reached target Shutdown.', ...killed('Jan 06 22:40:48 h systemd[1]: '), '-- Reboot --', 'Jan 07 08:00:00 h kernel: Linux version 5.3.0-26-generic (buildd@lgw01-amd64-039) (gcc version 9.2.1)', 'Jan 07 08:00:05 h systemd[1]: Started Foo.'].join('\n'));
  assert.is(next.rootCause, null);
  // (A session's scope killed at a shutdown is not a service's failure.)
  assert.is(analyze(["Jan 05 23:39:40 h systemd[1]: session-c2.scope: Stopping timed out. Killing."].join('\n')).rootCause, null);
});

test("BusyBox's shell after an initramfs gave up, in the older banner's words or cut after its version", () => {
  const gaveUp = ['mount: Mounting /dev/hda1 on /root failed: Device or resource busy', "Target filesystem doesn't have /sbin/init", ''];
  for (const banner of ['BusyBox v1.01 (Debian 1:1.01-4ubuntu3) Built-in shell (ash)', 'BusyBox v1.01 ...']) {
    const r = analyze([...gaveUp, banner].join('\n'));
    assert.is(r.boots[0]!.emergency?.kind, 'initramfs-shell', banner);
    assert.is(r.rootCause?.kind, 'root-device', banner);
  }
  // (Its version alone with nothing wrong before it is no shell.)
  assert.is(analyze('Uncompressing Linux... Ok, booting the kernel.\nBusyBox v1.01 ...\n').boots[0]?.emergency ?? null, null);
});
test("EDK II's exception is named in its own words, without its frame of bangs and the CPU; Xen's EFI loader begins a boot", () => {
  const r = analyze(['Xen 4.14.0 (c/s ) EFI loader', "Using configuration file 'BOOTX64.cfg'", '!!!! X64 Exception Type - 0D(#GP - General Protection)  CPU Apic ID - 00000000 !!!!', 'ExceptionData - 0000000000000000'].join('\n'));
  assert.is(r.boots[0]!.startsMidway, false);
  assert.is(r.rootCause?.kind, 'bootloader');
  assert.is(r.rootCause?.description, 'X64 Exception Type - 0D(#GP - General Protection)');
  // (After the kernel powered the machine down: the firmware's fault, in the same words.)
  const after = analyze(['[   30.123456] reboot: Power down', '!!!! X64 Exception Type - 0E(#PF - Page-Fault) CPU Apic ID - 00000000 !!!!'].join('\n'));
  assert.is(after.rootCause?.description, 'X64 Exception Type - 0E(#PF - Page-Fault)');
});

test("the cascade stays a tree when a device's failure is bound to a unit that makes devices (found by the fuzzer)", () => {
  // (The device's timeout is bound to zfs-import-cache.service by the `See …` line: it would be its own cause.)
  const r = analyze("[ TIME ] Timed out waiting for device foo - Foo Daemon.\nSee 'systemctl status zfs-import-cache.service' for details.\n");
  assert.is(r.verdict, 'failed');
});

test("a GPU that hung, then a unit that fell a few lines on: the device's first error is why; a job that was running before is not", () => {
  const hang = [
    'Nov 24 11:39:40 deck kernel: [drm:gfx_v10_0_priv_reg_irq [amdgpu]] *ERROR* Illegal register access in command stream',
    'Nov 24 11:39:40 deck kernel: [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=17934, emitted seq=17937',
    'Nov 24 11:39:40 deck kernel: amdgpu 0000:04:00.0: amdgpu: GPU reset begin!',
    'Nov 24 11:39:40 deck systemd[1]: fan-control.service: Main process exited, code=exited, status=1/FAILURE',
    "Nov 24 11:39:40 deck systemd[1]: fan-control.service: Failed with result 'exit-code'.",
  ];
  const r = analyze(hang.join('\n') + '\n');
  assert.is(r.rootCause?.kind, 'kernel-error');
  assert.is(r.rootCause?.description, '[drm:gfx_v10_0_priv_reg_irq [amdgpu]] *ERROR* Illegal register access in command stream');
  assert.ok(r.rootCause?.lines.includes(2) && r.rootCause.lines.includes(4));
  assert.not.match(r.headline, /fan-control\.service failed; fan-control/);
  // (Far from the hang, the unit's failure is its own.)
  const far = analyze([...hang.slice(0, 3), ...Array.from({ length: 12 }, (_, i) => `Nov 24 11:39:4${i % 10} deck steam[3188]: frame ${i}`), ...hang.slice(3)].join('\n') + '\n');
  assert.is(far.rootCause?.unit ?? far.boots[0]?.cycles[0]?.rootCause?.unit, 'fan-control.service');
});

test("systemd-shutdown's error that it went on after is the cycle's failure; those it shrugs off (`, ignoring`) are not", () => {
  const lines = (err: string) => [`[   70.100000] systemd-shutdown[1]: Sending SIGTERM to remaining processes...`, `[   70.200000] systemd-shutdown[1]: ${err}`, '[   70.300000] systemd-shutdown[1]: Unmounting file systems.', '[   70.400000] reboot: Restarting system'].join('\n') + '\n';
  const r = analyze(lines('Failed to enumerate /proc/: Invalid argument'));
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]?.cycles[0]?.rootCause?.kind, 'manager');
  assert.is(r.boots[0]?.cycles[0]?.rootCause?.unit, 'Failed to enumerate /proc/: Invalid argument');
  assert.is(analyze(lines('Failed to finalize file systems, loop devices, ignoring.')).verdict, 'ok');
});

test("a status line's description binds to the unit whose forked process could not run, recorded failed just before", () => {
  const r = analyze([
    'May  8 12:47:05 h systemd[22959]: glusterfssharedstorage.service: Failed at step EXEC spawning /usr/lib/glusterfs/mount-shared-storage.sh: No such file or directory',
    'May  8 12:47:05 h systemd[1]: glusterfssharedstorage.service: Control process exited, code=exited status=203',
    'May  8 12:47:05 h systemd[1]: Failed to start Mount glusterfs sharedstorage.',
    "May  8 12:47:05 h systemd[1]: glusterfssharedstorage.service: Failed with result 'exit-code'.",
  ].join('\n') + '\n');
  const c = r.boots[0]!.cycles[0]!;
  assert.is(c.rootCause?.unit, 'glusterfssharedstorage.service');
  assert.is(c.failures.length, 1);
  // (A description nothing fits stays unbound: it is another unit's.)
  const other = analyze(['May  8 12:47:05 h systemd[22959]: glusterfssharedstorage.service: Failed at step EXEC spawning /x: No such file or directory', 'May  8 12:47:05 h systemd[1]: Failed to start Network Time Synchronization.'].join('\n') + '\n');
  assert.is(other.boots[0]!.cycles[0]!.failures.length, 2);
});

test("BusyBox init respawning a process on its own console: a loop, told by what the process said before it exited", () => {
  const lines: string[] = ['[    1.000000] Run /sbin/init as init process'];
  for (let pid = 17; pid < 21; pid++) lines.push("Can't open /dev/ttyS0: No such file or directory", `process '/bin/sh' (pid ${pid}) exited. Scheduling it for restart.`);
  const r = analyze(lines.join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(r.rootCause?.unit, '/bin/sh');
  assert.is(r.rootCause?.description, "Can't open /dev/ttyS0: No such file or directory");
  // (Twice is no loop.)
  assert.is(analyze(lines.slice(0, 5).join('\n') + '\n').verdict, 'ok');
});

test("Debian's LSB step whose `failed` comes on a line of its own, after its program's lines, failed (an excerpt of them is a boot)", () => {
  const r = analyze(['[....] Configuring network interfaces...error getting socket: Address family not supported by protocol', 'ifup: failed to lock lockfile /run/network/ifstate.lo: Permission denied', 'failed.', '[ ok ] Starting OpenBSD Secure Shell server: sshd.'].join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(r.rootCause?.unit, 'Configuring network interfaces');
  assert.equal(r.rootCause?.lines, [1, 2, 3]);
  // (A step that went on to `done.` did not fail.)
  assert.is(analyze(['[....] Configuring network interfaces...', 'done.', '[ ok ] Starting OpenBSD Secure Shell server: sshd.'].join('\n') + '\n').verdict, 'ok');
});

test("a trace whose header is before the log begins: the WARN machinery's frames make it a warning; old kernels' `Badness in` is one too", () => {
  const trace = ['[11480839.438577] Call Trace:', '[11480839.439615] [<ffffffff816045b6>] dump_stack+0x19/0x1b', '[11480839.441556] [<ffffffff8106e29b>] warn_slowpath_common+0x6b/0xb0', '[11480839.443818] [<ffffffff8106e33c>] warn_slowpath_fmt+0x5c/0x80', '[11480839.445983] [<ffffffff8123e585>] sysfs_add_one+0xa5/0xd0', '[11480839.487072] ---[ end trace 1f7736c59e96a8a0 ]---'];
  const r = analyze(trace.join('\n') + '\n');
  assert.equal(r.boots[0]?.crashes.map((c) => c.kind), ['warning']);
  assert.is(r.verdict, 'failed');
  // (Without those frames, the report's kind is not known: no warning is made up.)
  assert.equal(analyze(trace.filter((l) => !l.includes('warn_slowpath')).join('\n') + '\n').boots[0]?.crashes.map((c) => c.kind) ?? [], []);
  const badness = analyze(['NTFS driver 2.1.25 [Flags: R/W MODULE].', 'Badness in __writeback_single_inode at fs/fs-writeback.c:251', ' [<c0193dca>] __writeback_single_inode+0x1aa/0x1c0', ' [<c02d04ee>] io_schedule+0xe/0x20'].join('\n') + '\n');
  assert.equal(badness.boots[0]?.crashes.map((c) => c.kind), ['warning']);
  assert.match(badness.boots[0]!.crashes[0]!.title, /__writeback_single_inode/);
  // (A script's own `Badness in` prose is no kernel's.)
  assert.is(analyze('Badness in the config file, see above\n').verdict, 'empty');
});

test("the kernel's refusals to mount: ntfs3 on a volume Windows left dirty; old dracut's `Cannot find init!` is a root it could not use", () => {
  const ntfs = analyze(['Jul 06 13:56:34 t kernel: nvme0n1: p1 p2 p3 p4', 'Jul 06 13:57:02 t kernel: ntfs3: nvme0n1p3: volume is dirty and "force" flag is not set!', 'Jul 06 13:57:03 t systemd[1]: Started Foo.'].join('\n') + '\n');
  assert.is(ntfs.rootCause?.kind, 'kernel-error');
  assert.is(ntfs.rootCause?.unit, 'ntfs3: nvme0n1p3: volume is dirty and "force" flag is not set!');
  const dracut = analyze(['<30>dracut: Mounted root filesystem /dev/mapper/live-rw', '<28>dracut Warning: Cannot find init!', '<28>dracut Warning: Please check to make sure you passed a valid root filesystem!'].join('\n') + '\n');
  assert.is(dracut.rootCause?.kind, 'root-device');
  assert.match(dracut.rootCause!.headline, /Cannot find init/);
});

test('sysvinit leaving for runlevel 0 while its boot scripts ran: the step printed last stopped the boot; a shutdown after the runlevel was entered did not', () => {
  const booting = ['INIT: version 2.88 booting', 'Starting udev', 'Missing devtmpfs, which is required for udev to run', 'Halting...', 'INIT: Switching to runlevel: 0', 'INIT: Sending processes the TERM signal'];
  const r = analyze(booting.join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(r.rootCause?.unit, 'Starting udev');
  assert.equal(r.rootCause?.lines, [2, 3, 4, 5]);
  const shutdown = ['INIT: version 2.88 booting', 'Starting udev', 'INIT: Entering runlevel: 5', 'Starting syslogd', 'INIT: Switching to runlevel: 0'];
  assert.is(analyze(shutdown.join('\n') + '\n').verdict, 'ok');
  // (A restart while booting is a first boot's own resize unless something failed before it.)
  assert.is(analyze(['INIT: version 2.88 booting', 'Starting resize', 'Resizing the root partition', 'INIT: Switching to runlevel: 6'].join('\n') + '\n').verdict, 'ok');
});

test("an ordering cycle whose excerpt ends at `Breaking ordering cycle by deleting job X/start`: X is skipped; Xen restarting the machine for dom0's crash is a panic", () => {
  const cycle = ['[    1.547772] systemd[1]: Found ordering cycle on local-fs.target/start', '[    1.547779] systemd[1]: Found dependency on qubes-mount-dirs.service/start', '[    1.547796] systemd[1]: Found dependency on local-fs.target/start', '[    1.547802] systemd[1]: Breaking ordering cycle by deleting job qubes-mount-dirs.service/start'];
  const r = analyze(cycle.join('\n') + '\n');
  assert.is(r.boots[0]?.cycles[0]?.rootCause?.unit, 'qubes-mount-dirs.service');
  // (With PID 1's `Job … deleted` after it, still one failure.)
  const both = analyze([...cycle, '[    1.547810] systemd[1]: Job qubes-mount-dirs.service/start deleted to break ordering cycle starting with local-fs.target/start'].join('\n') + '\n');
  assert.is(both.boots[0]?.cycles[0]?.failures.length, 1);
  const xen = analyze(['[    0.301609] x86/fpu: Enabled xstate features 0x7, context size is 832 bytes', '(XEN) Domain 0 (vcpu#0) crashed on cpu#11:', '(XEN) Hardware Dom0 crashed: rebooting machine in 5 seconds.'].join('\n') + '\n');
  assert.equal(xen.boots[0]?.crashes.map((c) => c.kind), ['panic']);
});

test("initramfs-tools' step left without its `done.` is no hang when the system's init ran after it and a login came", () => {
  const lines = ['[    0.000000] Linux version 2.6.27-7-server (buildd@crested) #1 SMP', 'Begin: Running /scripts/init-bottom ...', ' * Starting system log daemon...                                         [ OK ] ', ' * Doing Wacom setup...     cat: */id: No such file or directory', ' * Starting OpenBSD Secure Shell server sshd                             [ OK ] ', 'host login: '];
  assert.is(analyze(lines.join('\n') + '\n').rootCause, null);
  // (Ended inside the step, it hung there.)
  assert.is(analyze(['[    0.000000] Linux version 2.6.27-7-server (buildd@crested) #1 SMP', 'Begin: Waiting for root file system ...', '[   30.000000] usb 1-1: new device'].join('\n') + '\n').rootCause?.kind, 'root-device');
});

test.run();
