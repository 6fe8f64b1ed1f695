/** One test per grammar rule: what a console line means. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LineClassifier, type ConsoleRecord } from '../parsers/grammar/classify.js';
import { matchPrompt } from '../parsers/grammar/console-lines.js';
import { matchCrash, parseKernelPrefix } from '../parsers/grammar/kernel.js';
import { findSplicedStatus } from '../parsers/grammar/splice.js';
import { parseSpinner, parseStatusLine, parseStatusMessage, parseTimespan } from '../parsers/grammar/status.js';
import { mountUnitForPath, parseUnitText, pathForMountUnit, UnitResolver } from '../parsers/grammar/units.js';
import { splitLines } from './support/feed.js';

function classify(text: string): ConsoleRecord[] {
  const out: ConsoleRecord[] = [];
  const c = new LineClassifier((r) => out.push(r));
  for (const line of splitLines(text)) c.push(line);
  c.end();
  return out;
}

test('status words, padded as systemd prints them and collapsed as web copies show them', () => {
  for (const [line, word] of [
    ['[  OK  ] Started foo.service.', 'OK'],
    ['[FAILED] Failed to start foo.service.', 'FAILED'],
    ['[ TIME ] Timed out waiting for device dev-vdb.device.', 'TIME'],
    ['[DEPEND] Dependency failed for local-fs.target.', 'DEPEND'],
    ['[ OK ] Reached target basic.target.', 'OK'],
    ['[ASSERT] Assertion failed for foo.service.', 'ASSERT'],
    ['[UNSUPP] Starting of foo.service unsupported.', 'UNSUPP'],
    ['[ INFO ] Unit foo.service is masked.', 'INFO'],
    ['[  !!  ] Soft-rebooting: exit code', '!!'],
  ] as const) {
    assert.is(parseStatusLine(line)?.word, word, line);
  }
  assert.is(parseStatusLine('[    7.779483] systemd[1]: x'), null);
});

test('every failure message maps to its verb', () => {
  const cases: Array<[string, string]> = [
    ['Failed to start foo.service - Foo.', 'start-failed'],
    ['Dependency failed for local-fs.target - Local File Systems.', 'dependency-failed'],
    ['Timed out starting foo.service.', 'start-timeout'],
    ['Assertion failed for foo.service.', 'assert-failed'],
    ['Starting of foo.service unsupported.', 'unsupported'],
    ['Failed to mount var.mount - /var.', 'mount-failed'],
    ['Timed out mounting var.mount.', 'mount-timeout'],
    ['Failed unmounting var.mount - /var.', 'unmount-failed'],
    ['Failed to activate swap dev-vdb.swap.', 'swap-failed'],
    ['Timed out waiting for device dev-disk-by\\x2duuid-1234.device - /dev/disk/by-uuid/1234.', 'device-timeout'],
    ['Failed to listen on foo.socket.', 'listen-failed'],
    ['Stopped foo.service with error.', 'stop-failed'],
    ['Stopped foo.service.', 'stopped'],
    ['Timed out stopping foo.service.', 'stop-timeout'],
    ['Starting foo.service - Foo...', 'start-begin'],
    ['Starting foo.service - Foo…', 'start-begin'],
    ['Mounting boot.mount - /boot...', 'mount-begin'],
    ['Reached target emergency.target - Emergency Mode.', 'reached-target'],
    ["See 'systemctl status var.mount' for details.", 'see-status'],
  ];
  for (const [msg, verb] of cases) assert.is(parseStatusMessage(msg)?.verb, verb, msg);
  assert.is(parseStatusMessage('Started foo.service - Foo.')?.unitText, 'foo.service - Foo');
});

test('the three unit formats: name, description, name - description', () => {
  assert.equal(parseUnitText('var.mount - /var'), { name: 'var.mount', description: '/var', text: 'var.mount - /var', partial: false, resolvedBy: null });
  assert.equal(parseUnitText('rpc_pipefs.target').name, 'rpc_pipefs.target');
  const d = parseUnitText('Local File Systems');
  assert.is(d.name, null);
  assert.is(d.description, 'Local File Systems');
  assert.ok(d.partial);
  const e = parseUnitText('systemd-homed.service - Home…ager');
  assert.is(e.name, 'systemd-homed.service', 'a cut description keeps a certain name');
});

test('ellipsized names resolve from the log when it shows the unit in full, else from the table', () => {
  const r = new UnitResolver();
  assert.is(r.resolve(parseUnitText('cloud-init-m…rvice - Cloud-init: Single Process')).name, 'cloud-init-main.service');
  assert.is(r.resolve(parseUnitText('cloud-init-m…rvice - Cloud-init: Single Process')).resolvedBy, 'table');
  r.learn(parseUnitText('my-very-long-custom-unit-name.service - A Custom Thing'));
  const fromLog = r.resolve(parseUnitText('my-very-long…ame.service - A Custom Thing'));
  assert.is(fromLog.name, 'my-very-long-custom-unit-name.service');
  assert.is(fromLog.resolvedBy, 'log');
  const byDescription = r.resolve(parseUnitText('A Custom Thing'));
  assert.is(byDescription.name, 'my-very-long-custom-unit-name.service');
  const unknown = r.resolve(parseUnitText('nothing-kn…n.service - Nobody Knows'));
  assert.is(unknown.name, null);
  assert.ok(unknown.partial);
});

test('two units that fit an ellipsized text leave it partial', () => {
  const r = new UnitResolver();
  r.learn(parseUnitText('foo-alpha.service - Same Thing'));
  r.learn(parseUnitText('foo-beta.service - Same Thing'));
  const ref = r.resolve(parseUnitText('foo-…service - Same Thing'));
  assert.is(ref.name, null);
  assert.ok(ref.partial);
});

test('mount unit names and paths convert both ways', () => {
  assert.is(mountUnitForPath('/var/lib/nfs/rpc_pipefs'), 'var-lib-nfs-rpc_pipefs.mount');
  assert.is(mountUnitForPath('/'), '-.mount');
  // (Only a dot that begins the name is escaped, as systemd-escape --path does it.)
  assert.is(mountUnitForPath('/.snapshots'), '\\x2esnapshots.mount');
  assert.is(mountUnitForPath('/nix/.ro-store'), 'nix-.ro\\x2dstore.mount');
  assert.is(mountUnitForPath('/my dir'), 'my\\x20dir.mount');
  assert.is(pathForMountUnit('var-lib-nfs-rpc_pipefs.mount'), '/var/lib/nfs/rpc_pipefs');
  assert.is(pathForMountUnit('foo.service'), null);
});

test('kernel prefixes: plain, caller id, collapsed spaces', () => {
  assert.equal(parseKernelPrefix('[    7.779483] systemd[1]: x'), { uptime: 7.779483, caller: null, messageStart: 15 });
  assert.equal(parseKernelPrefix('[    0.000000][    T0] Linux version 6.12.0')?.caller, 'T0');
  assert.is(parseKernelPrefix('[ 130.009798] XFS (vda3): Mounting')?.uptime, 130.009798);
  assert.is(parseKernelPrefix('[  OK  ] Started x.'), null);
});

test('PID 1 in the kernel log: manager events and status messages', () => {
  const recs = classify(
    [
      '[    7.779483] systemd[1]: systemd 257.13-1~deb13u1 running in system mode (+PAM +AUDIT)',
      '[    0.912345] systemd[1]: Switching root.',
      '[   12.000000] systemd[1]: Failed to mount var.mount - /var.',
      "[   12.000001] systemd[1]: var.mount: Failed with result 'exit-code'.",
      "[   12.000002] systemd[1]: Job local-fs.target/start failed with result 'dependency'.",
    ].join('\n'),
  );
  const k = recs.filter((r): r is Extract<ConsoleRecord, { kind: 'kernel' }> => r.kind === 'kernel');
  assert.is(k[0]!.manager?.kind, 'manager-start');
  assert.is(k[0]!.manager?.groups[0], '257');
  assert.is(k[1]!.manager?.kind, 'switch-root');
  assert.is(k[2]!.msg?.verb, 'mount-failed');
  assert.is(k[3]!.manager?.kind, 'unit-result');
  assert.equal(k[4]!.manager?.groups.slice(0, 4), ['', 'local-fs.target', 'start', 'dependency']);
  const [prefixed] = classify("[   12.100000] systemd[1]: local-fs.target: Job local-fs.target/start failed with result 'dependency'.");
  assert.is(prefixed!.kind === 'kernel' && prefixed!.manager?.groups[0], 'local-fs.target');
});

test('journal and syslog-style lines', () => {
  const [r] = classify('Nov 24 07:19:15 default-0 mount[1356]: mount: /var: special device /sysroot/ost>');
  assert.is(r!.kind, 'journal');
  if (r!.kind !== 'journal') return;
  assert.equal([r.journal.host, r.journal.ident, r.journal.pid], ['default-0', 'mount', 1356]);
  const [iso] = classify('2025-11-24T07:19:15+0000 host systemd[1]: Failed to start foo.service - Foo.');
  assert.is(iso!.kind === 'journal' && iso!.msg?.verb, 'start-failed');
});

test('kernel banner, firmware and bootloader markers, Welcome', () => {
  const recs = classify(
    [
      'SeaBIOS (version 1.16.2-debian-1.16.2-1)',
      'Booting from Hard Disk...',
      '    Booting `Debian GNU/Linux\'',
      '[    0.000000] Linux version 6.12.38+deb13-amd64 (debian-kernel@lists.debian.org)',
      'Welcome to \u001b[1mDebian GNU/Linux 13 (trixie)\u001b[0m!',
    ].join('\r\n'),
  );
  assert.equal(
    recs.map((r) => r.kind),
    ['marker', 'marker', 'marker', 'kernel', 'welcome'],
  );
  const k = recs[3]!;
  assert.is(k.kind === 'kernel' && k.event?.detail, '6.12.38+deb13-amd64');
  assert.is(recs[4]!.kind === 'welcome' && recs[4]!.os, 'Debian GNU/Linux 13 (trixie)');
});

test('prompts: login, emergency, rescue, dracut, initramfs-tools', () => {
  assert.is(matchPrompt('debian login: ')?.kind, 'login');
  assert.is(matchPrompt('You are in emergency mode. After logging in, type "journalctl -xb" to view')?.kind, 'emergency');
  assert.is(matchPrompt('Enter root password for system maintenance')?.kind, 'emergency');
  assert.is(matchPrompt('Give root password for maintenance')?.kind, 'emergency');
  assert.is(matchPrompt('You are in rescue mode. After logging in, type "journalctl -xb"')?.kind, 'rescue');
  assert.is(matchPrompt('dracut-initqueue[123]: Entering emergency mode. Exit the shell to continue.')?.kind, 'dracut-shell');
  assert.is(matchPrompt('Gave up waiting for root file system device.  Common problems:')?.kind, 'initramfs-shell');
  assert.is(matchPrompt('ALERT!  UUID=1234 does not exist.  Dropping to a shell!')?.kind, 'initramfs-shell');
  assert.is(matchPrompt('(initramfs) ')?.kind, 'initramfs-shell');
  assert.is(matchPrompt('Looks like the cause is var'), null);
});

test('kernel crashes get short titles', () => {
  assert.equal(matchCrash('Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100'), {
    kind: 'panic',
    title: 'kernel panic: Attempted to kill init! exitcode=0x00000100',
  });
  assert.is(matchCrash('---[ end Kernel panic - not syncing: Attempted to kill init! ]---'), null);
  assert.is(matchCrash('BUG: kernel NULL pointer dereference, address: 0000000000000000')?.kind, 'bug');
  assert.is(matchCrash('Oops: 0000 [#1] PREEMPT SMP NOPTI')?.kind, 'oops');
  assert.is(matchCrash('WARNING: CPU: 0 PID: 1 at kernel/fork.c:123 foo+0x1/0x2')?.title, 'WARNING in foo (kernel/fork.c:123)');
  assert.is(matchCrash('WARNING: CPU: 0 PID: 1 at kernel/fork.c:123')?.title, 'WARNING in kernel/fork.c:123');
  // An out-of-tree build's path is cut to the source tree's top, as syzkaller and the kernel's own builds name files.
  assert.is(matchCrash('WARNING: CPU: 1 PID: 1 at /build/linux-ezBi1T/linux-4.8.0/arch/x86/kernel/fpu/xstate.c:593 fpu__init+0x1/0x2')?.title, 'WARNING in fpu__init (arch/x86/kernel/fpu/xstate.c:593)');
  assert.is(matchCrash('kernel BUG at /srv/oe/build/work-shared/hikey/kernel-source/kernel/sched/walt.c:109!')?.title, 'kernel BUG at kernel/sched/walt.c:109');
  // (A path outside any source tree stays as printed.)
  assert.is(matchCrash('WARNING: CPU: 0 PID: 1 at /opt/vendor/blob.c:7')?.title, 'WARNING in /opt/vendor/blob.c:7');
  assert.is(matchCrash('INFO: task kworker/0:1:12 blocked for more than 120 seconds.')?.title, 'INFO: task kworker/0:1 blocked for more than 120 seconds');
  assert.equal(matchCrash('Out of memory: Killed process 412 (perl) total-vm:1012345kB, anon-rss:900000kB, file-rss:4kB, shmem-rss:0kB, UID:0 pgtables:1800kB oom_score_adj:0'), {
    kind: 'oom',
    title: 'out of memory: killed perl',
  });
  assert.is(matchCrash('Memory cgroup out of memory: Killed process 77 (java) total-vm:1kB')?.title, 'out of memory: killed java');
  assert.is(matchCrash('perl invoked oom-killer: gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO), order=0, oom_score_adj=0'), null);
});

test('the start-job spinner in both formats, and timespans', () => {
  const a = parseSpinner('[***   ] Job var.mount/start running (8s / 1min 30s)');
  assert.equal([a?.op, a?.unitText, a?.elapsed, a?.limit], ['start', 'var.mount', 8, 90]);
  const b = parseSpinner('[  *** ] (2 of 3) A start job is running for /dev/disk/by-uuid/abcd (1min 29s / 1min 30s)');
  assert.equal([b?.op, b?.unitText, b?.elapsed, b?.limit], ['start', '/dev/disk/by-uuid/abcd', 89, 90]);
  const c = parseSpinner('[ ***  ] A stop job is running for User Manager for UID 0 (5s / no limit)');
  assert.equal([c?.op, c?.limit], ['stop', null]);
  assert.is(parseTimespan('1h 2min 3s'), 3723);
  assert.is(parseTimespan('no limit'), null);
});

test('interleave repair: a kernel line inside a status line is split out and the status line joined', () => {
  const recs = classify('[DEPEND] Dependency failed for syste[ 130.037685] XFS (vda3): Ending clean mount\nmd-homed.service - Home Area Manager.\n[ OK ] Mounted boot.mount - /boot.\n');
  assert.equal(
    recs.map((r) => r.kind),
    ['kernel', 'status', 'status'],
  );
  const st = recs[1]!;
  assert.ok(st.kind === 'status');
  if (st.kind !== 'status') return;
  assert.is(st.msg?.unitText, 'systemd-homed.service - Home Area Manager');
  assert.equal([st.at.lineNo, st.at.more], [1, [2]]);
  assert.ok(st.repaired);
});

test('why a mount or the root device failed: mount(8) errors and dracut\'s missing-device warning', () => {
  const recs = classify('mount: /var: special device /sysroot/ostree/deploy/default/var does not exist.\nWarning: "/dev/disk/by-uuid/0a0a-dead" does not exist\nWarning: /dev/mapper/root does not exist\nWarning: something else\n');
  const errs = recs.map((r) => (r.kind === 'text' ? r.mountError : null));
  assert.equal(errs, [
    { path: '/var', reason: 'special device /sysroot/ostree/deploy/default/var does not exist.' },
    { path: '/dev/disk/by-uuid/0a0a-dead', reason: 'does not exist' },
    { path: '/dev/mapper/root', reason: 'does not exist' },
    null,
  ]);
});

test('interleave repair: a kernel line printed after a prompt is split from it', () => {
  const recs = classify('root@lab:~# [   65.355825] INFO: task touch:362 blocked for more than 5 seconds.\nlab login: [   12.000001] random: crng init done\n');
  // (A user's shell prompt is a prompt record of its own: someone logged in.)
  assert.equal(recs.map((r) => r.kind), ['prompt', 'kernel', 'prompt', 'kernel']);
  const k = recs[1]!;
  assert.ok(k.kind === 'kernel' && k.uptime === 65.355825 && k.crash?.kind === 'hung-task');
  assert.is(recs[0]!.at.text, 'root@lab:~# ');
  // Brackets that are not a printk timestamp stay in their line.
  assert.equal(classify('root@lab:~# echo [1.5] done\n').map((r) => r.kind), ['prompt']);
});

test('a cut status line followed by a new status line is kept as it is', () => {
  const recs = classify('[DEPEND] Dependency failed for syste[ 130.037685] XFS (vda3): Ending clean mount\n[ OK ] Mounted boot.mount - /boot.\n');
  assert.equal(recs.map((r) => r.kind), ['kernel', 'status', 'status']);
  assert.is(recs[1]!.kind === 'status' && recs[1]!.msg, null);
});

test('status messages glued on one line are split', () => {
  const recs = classify('[ OK ] Reached target local-fs-pre.target…Preparation for Local File Systems. Starting systemd-udevd.service - R…ager for Device Events and Files...');
  assert.equal(
    recs.map((r) => (r.kind === 'status' ? r.msg?.verb : r.kind)),
    ['reached-target', 'start-begin'],
  );
});

test('systemctl output typed at a prompt: status header, fields, --failed rows', () => {
  const recs = classify(['bash-5.3# systemctl status var.mount', '× var.mount - /var', 'Active: failed (Result: exit-code) since Mon', '  ● var.mount loaded failed failed /var'].join('\n'));
  assert.equal(recs.map((r) => r.kind), ['command', 'status-header', 'status-field', 'failed-row']);
});

test('spliced status lines: recovered when their text survived, counted when not, and a quoted one is neither', () => {
  const got = findSplicedStatus('[FAILEDsystemd[1]: Stopped target Timers.] Failed to start Integrity Setup for /dev/mapper/root.');
  assert.ok(got !== null && got !== 'lost' && got.msg.verb === 'start-failed' && got.word === 'FAILED');
  const time = findSplicedStatus('Scanning: 12.5% TIME ] Timed out waiting for device dev-disk-by\\x2dlabel-data.device.');
  assert.ok(time !== null && time !== 'lost' && time.msg.verb === 'device-timeout');
  assert.is(findSplicedStatus('[DEPENDsystemd[1]: Reached target Slices.] Dependency failed f'), 'lost');
  assert.is(findSplicedStatus('Looks like the cause is var "[FAILED] Failed to mount var.mount - /var."'), null);
});


test('the kernel gate passes every storage word wherever it stands and every rule start, and little else', async () => {
  const { kernelGate, STORAGE_ANYWHERE, STORAGE_STARTS, CRASH_RULES } = await import('../parsers/grammar/kernel.js');
  const { KERNEL_EVENT_LITERALS } = await import('../parsers/grammar/console-lines.js');
  const gate = kernelGate(KERNEL_EVENT_LITERALS);
  for (const w of STORAGE_ANYWHERE) assert.ok(gate.test(`ata1.00: something ${w} here`), w);
  for (const s of [...STORAGE_STARTS, ...KERNEL_EVENT_LITERALS, ...CRASH_RULES.flatMap((r) => r.starts ?? [r.literal])]) {
    assert.ok(gate.test(`${s}x`), s);
    assert.ok(gate.test(`watchdog: ${s}x`), `watchdog: ${s}`);
  }
  for (const quiet of ['interrupt storm on IRQ 9', 'e1000: eth0 NIC Link is Up, carrier found', 'Run-time PM enabled', 'virtio_net virtio1 enp0s2: renamed from eth0']) assert.not.ok(gate.test(quiet), quiet);
});

test('a unit named first and described later is found by its description, and two units printed alike bind neither', () => {
  const r = new UnitResolver();
  r.learn({ name: 'foo.service', description: null, text: 'foo.service', partial: false, resolvedBy: null });
  r.learn({ name: 'foo.service', description: 'Foo Daemon', text: 'Foo Daemon', partial: false, resolvedBy: null });
  const byDescription = r.resolve({ name: null, description: null, text: 'Foo Daemon', partial: false, resolvedBy: null });
  assert.is(byDescription.name, 'foo.service');
  assert.is(byDescription.description, 'Foo Daemon');
  r.learn({ name: 'bar.service', description: 'Shared Name', text: 'Shared Name', partial: false, resolvedBy: null });
  r.learn({ name: 'baz.service', description: 'Shared Name', text: 'Shared Name', partial: false, resolvedBy: null });
  assert.is(r.resolve({ name: null, description: null, text: 'Shared Name', partial: false, resolvedBy: null }).name, null);
  assert.is(r.resolve({ name: null, description: null, text: 'foo.service - Foo Daemon', partial: false, resolvedBy: null }).name, 'foo.service');
  assert.is(r.resolve({ name: null, description: null, text: 'Foo Da…', partial: false, resolvedBy: null }).name, 'foo.service');
});


test('a status line copied without its full stop reads as a message, unless another writer\'s text is in it', () => {
  const recs = classify('[TIME] Timed out waiting for device /dev/disk/by-uuid/4C45-1F05\n[DEPEND] Dependency failed for /boot\n[DEPEND] Dependency failed for Local File Systems\nYou are in emergency mode....\n');
  assert.equal(recs.map((r) => (r.kind === 'status' ? r.msg?.verb ?? null : r.kind)), ['device-timeout', 'dependency-failed', 'dependency-failed', 'prompt']);
  const spliced = classify('[FAILED] Failed to start     3.188183] ostree-prepare-root[297]: Failed to create /run/ostree: File exists\n[  OK  ] Reached target basic.target - Basic System.\n');
  assert.is(spliced[0]!.kind === 'status' && spliced[0]!.msg, null);
});

test.run();
