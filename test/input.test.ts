/**
 * The input layer: envelopes come off line by line, and a log read through any envelope gives the report
 * the bare log gives (same boots, cycles, root causes, and line numbers of the file the user has).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze } from '../parsers/index.js';
import { LineUnwrapper } from '../parsers/input/unwrap.js';
import { LineEnds } from '../parsers/input/line-ends.js';
import type { Report } from '../parsers/report/schema.js';
import { CORPORA } from './support/corpus.js';

const unwrap = (lines: string[]): string[] => {
  const u = new LineUnwrapper(() => {});
  return lines.map((l) => u.unwrap(l));
};

/** Lines through the unwrapper as the analyzer feeds it (its column of line numbers and its joins included). */
const pushed = (lines: string[]): string[] => {
  const seen: string[] = [];
  const u = new LineUnwrapper((l) => seen.push(l.text));
  lines.forEach((text, i) => u.push({ text, lineNo: i + 1, byteStart: 0, byteEnd: 0, overwritten: false, truncated: false, ascii: text }));
  u.end();
  return seen;
};

test('kernel and status lines are left as they are', () => {
  const lines = [
    '[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable',
    '[  OK  ] Started Journal Service.',
    '[   12.345678] systemd[1]: Failed to mount var.mount - /var.',
    'Nov 24 07:19:15 host systemd[1]: Started Foo.',
    '2025-11-24T07:19:15+0000 host systemd[1]: Started Foo.',
    '         Starting Foo...',
  ];
  assert.equal(unwrap(lines), lines);
});

test('CI timestamps, quoting, fences, levels and HTML entities come off', () => {
  assert.equal(
    unwrap([
      '2024-03-01T12:34:56.1234567Z [    0.000000] Linux version 6.1.0',
      '2024-03-01T12:34:56.123456Z 00O [  OK  ] Reached target Basic System.',
      '[2024-03-01T12:34:56.123Z] [FAILED] Failed to start Foo.',
      'Mar 01 12:34:56 [DEPEND] Dependency failed for Local File Systems.',
      '> [FAILED] Failed to mount /var.',
      '```text',
      '<6>[    1.000000] random: crng init done',
      '&#269;en 27 07:47:51 host systemd[1]: Started Foo &amp; Bar.',
    ]),
    [
      '[    0.000000] Linux version 6.1.0',
      '[  OK  ] Reached target Basic System.',
      '[FAILED] Failed to start Foo.',
      '[DEPEND] Dependency failed for Local File Systems.',
      '[FAILED] Failed to mount /var.',
      '',
      '[    1.000000] random: crng init done',
      'čen 27 07:47:51 host systemd[1]: Started Foo & Bar.',
    ],
  );
});

test('a paste commented out with # comes off while every line has it; a root prompt is not a comment', () => {
  assert.equal(
    unwrap(['      # <<< NixOS Stage 1 >>>', '', '      # [    0.000000] Linux version 6.16.3 (nixbld@localhost)', '      #', '      # retrying...']),
    ['<<< NixOS Stage 1 >>>', '', '[    0.000000] Linux version 6.16.3 (nixbld@localhost)', '', 'retrying...'],
  );
  // (A shell's `# ` prompt, then what the command printed: the marker ends at the first line without it.)
  assert.equal(unwrap(['# dmesg | tail -2', '[    1.000000] random: crng init done', '# exit']), ['dmesg | tail -2', '[    1.000000] random: crng init done', '# exit']);
  const r = analyze(['# [    0.000000] Linux version 6.1.0 (x@y) #1 SMP', '# [    1.000000] Run /init as init process', '# [FAILED] Failed to start foo.service - Foo.'].join('\n') + '\n');
  assert.equal(r.input.envelopes.find((e) => e.kind === 'commented')?.lines, 3);
  assert.is(r.rootCause?.unit, 'foo.service');
});

test('escapes whose ESC a copy showed as a dot come off with their dots, only when every escape of the line has one', () => {
  assert.equal(unwrap(['[.[0;1;31mFAILED.[0m] Failed to start .[0;1;39mLoad Kernel Modules.[0m.']), ['[FAILED] Failed to start Load Kernel Modules.']);
  // (A lost ESC after a full stop of the text's own: the stop stays.)
  assert.equal(unwrap(['[[0;1;31mFAILED[0m] Failed to start Foo.[0m']), ['[FAILED] Failed to start Foo.']);
});

test("Android's logcat columns come off; a MediaTek kernel's CPU and task too, in logcat and after a dmesg stamp", () => {
  assert.equal(
    unwrap(['05-26 20:26:46.899     0     0 I         : -(0)[0:swapper]Booting Linux on physical CPU 0x0', '05-26 20:26:47.582     1     1 I (7)[1:init]: init first stage started!']),
    ['Booting Linux on physical CPU 0x0', 'init: init first stage started!'],
  );
  const logcat = analyze(['05-26 20:26:46.899     0     0 I         : -(0)[0:swapper]Linux version 4.14.141 (nobody@android-build) #1 SMP PREEMPT', '05-26 20:26:47.075     1     1 W (7)[1:swapper/0]WARNING: CPU: 7 PID: 1 at net/wireless/reg.c:517 regulatory_init+0x15c/0x164'].join('\n') + '\n');
  assert.equal(logcat.boots.map((b) => b.crashes.map((c) => c.kind)), [['warning']]);
  assert.ok(logcat.input.envelopes.some((e) => e.kind === 'logcat'));
  const dmesg = analyze('[    0.000000] -(0)[0:swapper]Linux version 4.14.141 (nobody@android-build) #1 SMP\n[    0.175000] (7)[1:swapper/0]WARNING: CPU: 7 PID: 1 at net/wireless/reg.c:517 regulatory_init+0x15c/0x164\n');
  assert.equal(dmesg.boots.map((b) => b.crashes.map((c) => c.kind)), [['warning']]);
});

test('socklog facility.level prefixes and journal lines cut to their colon come off', () => {
  assert.equal(unwrap(['2023-03-03T08:14:16.63393 daemon.warn: [    2.144928] dracut Warning: e2fsck returned with 16', 'kern.info: [    0.000000] Linux version 6.1']), [
    '[    2.144928] dracut Warning: e2fsck returned with 16',
    '[    0.000000] Linux version 6.1',
  ]);
  assert.equal(unwrap([': Dependency failed for Mount /boot early in initramfs.', ':  two spaces stay', 'daemon.info is not a prefix']), [
    'Dependency failed for Mount /boot early in initramfs.',
    ':  two spaces stay',
    'daemon.info is not a prefix',
  ]);
  // Cut to the colon, PID 1's lines still tell a cycle and its failure.
  const r = analyze(
    [': dev-vda2.device: Job dev-vda2.device/start timed out.', ': Timed out waiting for device /dev/vda2.', ': Dependency failed for /sysroot.'].join('\n'),
  );
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]?.cycles.length, 1);
  assert.is(r.boots[0]?.cycles[0]?.rootCause?.unit, 'dev-vda2.device');
});

test("talosctl dmesg: its node, facility, level and time come off, the kernel's dictionary lines under a message are dropped, and the driver's chain reads as in dmesg -T", () => {
  // A real `talosctl dmesg` paste (corpus case), and the same lines as `dmesg -T` prints them.
  const name = 'wild/ho-dmesg-talos155-carrizo-amdgpu-pfp-firmware-missing';
  const talos = readFileSync(join(CORPORA, name, 'console.log'), 'utf8');
  const r = analyze(talos);
  assert.is(r.input.recognisedAs, 'dmesg');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'talos-dmesg'));
  assert.is(r.boots[0]?.rootCause?.unit, 'amdgpu 0000:00:01.0: Direct firmware load for amdgpu/carrizo_pfp.bin failed with error -2');
  const t = [...talos.matchAll(/^(?:\S+: )?kern: +\w+: \[2023-12-14T(\d\d:\d\d:\d\d)\.\d+Z\]: (.*)$/gm)].map((m) => `[Thu Dec 14 ${m[1]} 2023] ${m[2]}`);
  assert.ok(t.length >= 6, 'the paste holds its kernel lines');
  assert.is(analyze(t.join('\n')).boots[0]?.rootCause?.unit, r.boots[0]?.rootCause?.unit);
  // The dictionary lines are dropped only once such records were seen: a line of console text shaped so stays.
  assert.equal(unwrap([' SUBSYSTEM=pci', 'kern:    info: [2023-08-22T01:37:21.411112442Z]: Linux agpgart interface v0.103', ' SUBSYSTEM=pci']), [
    ' SUBSYSTEM=pci',
    '[Tue Aug 22 01:37:21 2023] Linux agpgart interface v0.103',
    '',
  ]);
  // With the node named first, as `talosctl -n` prints it.
  assert.equal(unwrap(['10.5.0.2: kern: warning: [2023-12-14T11:16:10.461233972Z]: tpm tpm0: AMD fTPM']), ['[Thu Dec 14 11:16:10 2023] tpm tpm0: AMD fTPM']);
});

test('escapes that lost their ESC, or were written as text, come off', () => {
  assert.equal(
    unwrap(['[[0;1;31mFAILED[0m] Failed to start [0;1;39mfoo.service[0m.', '[^[[0;32m  OK  ^[[0m] Started Foo.', '[\\e[0;32m  OK  \\e[0m] Started Bar.']),
    ['[FAILED] Failed to start foo.service.', '[  OK  ] Started Foo.', '[  OK  ] Started Bar.'],
  );
});

test('LAVA: target lines are the console, the dispatcher lines are dropped, escapes rendered', () => {
  assert.equal(
    unwrap([
      '- {"dt": "2024-01-01T00:00:00.000000", "lvl": "info", "msg": "start: 2.4.1 bootloader-commands"}',
      '- {"dt": "2024-01-01T00:00:01.000000", "lvl": "target", "msg": "[    0.000000] Linux version 6.1.0"}',
      '- {"dt": "2024-01-01T00:00:02.000000", "lvl": "target", "msg": "[\\u001b[0;1;31mFAILED\\u001b[0m] Failed to start Foo.\\r"}',
      '- {"dt": "2024-01-01T00:00:03.000000", "lvl": "results", "msg": {"case": "job", "result": "fail"}}',
    ]),
    ['', '[    0.000000] Linux version 6.1.0', '[FAILED] Failed to start Foo.', ''],
  );
});

/** What must survive any envelope. */
function shape(r: Report) {
  return {
    headline: r.headline,
    boots: r.boots.map((b) => ({
      start: b.startLine,
      crashes: b.crashes.map((c) => [c.kind, c.line]),
      root: b.rootCause?.unit ?? b.rootCause?.kind ?? null,
      cycles: b.cycles.map((c) => ({ start: c.startLine, outcome: c.outcome, root: c.rootCause?.unit ?? null, lines: c.rootCause?.lines ?? [] })),
    })),
  };
}

const CASES = ['lab/var-bind-soft-reboot', 'lab/device-timeout', 'lab/kernel-panic', 'lab/bullseye/failing-service', 'tmt-soft-reboot-var-mount'];

test('a log read through any envelope gives the report the bare log gives, with the same line numbers', () => {
  for (const name of CASES) {
    const raw = readFileSync(join(CORPORA, name, 'console.log'));
    const bare = shape(analyze(raw));
    // The lines as a terminal shows them: what CI systems and LAVA store.
    const lines = raw.toString('utf8').split('\n');
    const wrappers: Array<[string, (l: string, i: number) => string]> = [
      ['GitHub Actions', (l, i) => `2024-03-01T12:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.1234567Z ${l}`],
      ['Jenkins timestamper', (l) => `[2024-03-01T12:34:56.789Z] ${l}`],
      ['e-mail quoting', (l) => `> ${l}`],
      ['LAVA', (l, i) => `- ${JSON.stringify({ dt: `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}.000000`, lvl: 'target', msg: l })}`],
      ['a Kubernetes pod log', (l, i) => `2024-03-01T12:34:${String(i % 60).padStart(2, '0')}.123456789Z stdout F ${l}`],
    ];
    for (const [what, wrap] of wrappers) {
      const wrapped = lines.map((l, i) => (i === lines.length - 1 && l === '' ? '' : wrap(l, i))).join('\n');
      const r = analyze(wrapped);
      assert.equal(shape(r), bare, `${name} through ${what}`);
      assert.ok(r.input.envelopes.length > 0, `${name}: ${what} was said in input.envelopes`);
    }
  }
});


test('journalctl -o short-delta reads as short-monotonic: the same report, the delta said in input.envelopes', () => {
  for (const name of ['lab/failing-service-journal-monotonic', 'lab/device-timeout-journal-monotonic', 'lab/fsck-failure-journal-monotonic']) {
    const raw = readFileSync(join(CORPORA, name, 'console.log'), 'utf8');
    const bare = shape(analyze(raw));
    const delta = raw.replace(/^(\[ *\d+\.\d{6})\]/gm, (_, t: string) => `${t} <    0.000125>]`);
    assert.ok(delta !== raw, name);
    const r = analyze(delta);
    assert.equal(shape(r), bare, name);
    assert.ok(r.input.envelopes.some((e) => e.kind === 'journal-delta'), name);
  }
});

test('a pod log whose runtime cut long lines into parts (stdout P …) reads as the whole lines, the cause and its evidence the same', () => {
  for (const name of CASES) {
    const raw = readFileSync(join(CORPORA, name, 'console.log'));
    const bare = analyze(raw);
    const lines = raw.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    // Every line over 100 characters in parts of about 100, as containerd cuts at its buffer's size (16 KB; here
    // never inside an escape sequence: the terminal layer reads those before the envelope comes off).
    const parts = lines.flatMap((l) => {
      const out: string[] = [];
      let part = '';
      for (const piece of l.match(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;?]*[A-Za-z]|[\s\S]/g) ?? []) {
        if (part.length >= 100) {
          out.push(`2024-03-01T12:34:56.123456789Z stdout P ${part}`);
          part = '';
        }
        part += piece;
      }
      return [...out, `2024-03-01T12:34:56.123456789Z stderr F ${part}`];
    });
    const r = analyze(parts.join('\n') + '\n');
    assert.is(r.headline, bare.headline, name);
    assert.equal(r.boots.map((b) => b.rootCause?.evidence.map((e) => e.text)), bare.boots.map((b) => b.rootCause?.evidence.map((e) => e.text)), name);
    assert.ok(r.input.envelopes.some((e) => e.kind === 'container-log'), name);
  }
  // A log cut off inside a line keeps what came of it.
  const cut = analyze('2024-03-01T12:34:56.1Z stdout F [    0.000000] Linux version 6.1.0\n2024-03-01T12:34:57.1Z stdout P [    9.000000] Kernel panic - not syncing: VFS: Unable to mount root fs\n');
  assert.is(cut.boots[0]?.crashes[0]?.kind, 'panic');
});

test('dmesg -x levels come off; a caller id after a space is the kernel line\'s, not its message\'s; the kernel 7 WARNING form is a warning', () => {
  const r = analyze('kern  :warn  : [    3.078160] [      T0] WARNING: mm/memblock.c:904 at __free_reserved_area+0xd3/0xf0, CPU#0: swapper/0/0\n');
  assert.equal(r.boots[0]?.crashes.map((c) => c.kind), ['warning']);
  assert.match(r.boots[0]!.crashes[0]!.title, /mm\/memblock\.c:904/);
});

test('plymouth\'s boot.log: each date line starts a boot', () => {
  const r = analyze(['------------ Thu Feb 05 09:40:47 IST 2026 ------------', '[  OK  ] Started Journal Service.', '------------ Fri Mar 13 11:42:59 IST 2026 ------------', '[  OK  ] Started Journal Service.'].join('\n'));
  assert.is(r.boots.length, 2);
});

/** `bytes` through LineEnds in chunks of `size`: what comes out, joined. */
function lineEnds(bytes: Uint8Array, size: number): { out: string; lines: number } {
  const parts: Uint8Array[] = [];
  const le = new LineEnds((c) => parts.push(Uint8Array.from(c)));
  for (let at = 0; at < bytes.length; at += size) le.write(bytes.subarray(at, at + size));
  le.end();
  return { out: Buffer.concat(parts).toString('latin1'), lines: le.lines };
}

test('a file whose lines end with CR alone: its CRs are its line ends, whatever the chunking; a console with LFs keeps its CRs', () => {
  const cases: Array<[string, string, number]> = [
    // [input, output, CR-only lines]
    ['OF stdout device is: /bootconsole\rPreparing to boot Linux version 6.10.0\rDetected machine type: 0000000000000101\rMax number of cores passed\rcommand line: root=/dev/sda4\r', 'OF stdout device is: /bootconsole\nPreparing to boot Linux version 6.10.0\nDetected machine type: 0000000000000101\nMax number of cores passed\ncommand line: root=/dev/sda4\n', 5],
    // (CR LF, and a spinner written over its line before an LF: a terminal's.)
    ['[  OK  ] Started A.\r\n[  *** ] A start job is running\r[ TIME ] Timed out\r\nlogin: ', '[  OK  ] Started A.\r\n[  *** ] A start job is running\r[ TIME ] Timed out\r\nlogin: ', 0],
    ['host login: \r[ 33625.20] e1000: eth0 NIC Link is Up\n', 'host login: \r[ 33625.20] e1000: eth0 NIC Link is Up\n', 0],
    // (Three lines, no LF at all: the file's end settles it.)
    ['one line\rtwo lines\rthree\r', 'one line\ntwo lines\nthree\n', 3],
    // (Settled as CR-only, a CR LF that comes after all ends one line, not two, whatever the chunking.)
    ['a\rb\rc\rd\re\r\nf\r', 'a\nb\nc\nd\ne\r\nf\n', 5],
    // (One CR with no LF anywhere: a line written over, as a terminal shows it.)
    ['Loading 10%\rLoading 100%', 'Loading 10%\rLoading 100%', 0],
    ['', '', 0],
    // (A console that writes over its line for longer than the bytes held while undecided, then ends four
    // lines with CR alone: a terminal's, settled at the same byte whether it came in one chunk or many.)
    ['\r' + 'Detected architecture x86-64.'.repeat(3000) + '\r\ra\rb\rc\r', '\r' + 'Detected architecture x86-64.'.repeat(3000) + '\r\ra\rb\rc\r', 0],
  ];
  for (const [input, output, lines] of cases) {
    const bytes = Buffer.from(input, 'latin1');
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      const got = lineEnds(bytes, size);
      assert.is(got.out, output, `${JSON.stringify(input.slice(0, 20))} in chunks of ${size}`);
      assert.is(got.lines, lines);
    }
  }
});

test('a CR-only capture reads as its lines: none is written over another, line numbers are the lines an editor shows', () => {
  const lines = ['Linux version 6.10.0-rc6 (x@y) (gcc 13) #1 SMP', 'Run /init as init process', 'Begin: Loading essential drivers ... done.', 'ata1.00: failed to IDENTIFY (I/O error, err_mask=0x4)', 'Gave up waiting for root file system device.  Common problems:', 'ALERT!  UUID=abcd does not exist.  Dropping to a shell!', '(initramfs) '];
  const lf = analyze(lines.join('\n'));
  const cr = analyze(lines.join('\r'));
  assert.is(cr.rootCause?.headline, lf.rootCause?.headline);
  assert.equal(cr.rootCause?.lines, lf.rootCause?.lines);
  assert.ok(cr.input.envelopes.some((e) => e.kind === 'cr-line-ends' && e.lines === lines.length - 1));
  assert.not.ok(lf.input.envelopes.some((e) => e.kind === 'cr-line-ends'));
});

test('a column of line numbers is taken off inside other envelopes too: a mail quote, a CI clock, a fence', () => {
  const log = [
    "Jan 28 13:27:15 h systemd[1]: Stopping Foo...",
    "Jan 28 13:27:15 h foo[2481]: /sbin/foo: line 52: /etc/foo.data: Read-only file system",
    "Jan 28 13:27:15 h systemd[1]: foo.service: Control process exited, code=exited, status=1/FAILURE",
    "Jan 28 13:27:15 h systemd[1]: foo.service: Failed with result 'exit-code'.",
  ].map((l, i) => `${i + 1}  ${l}`);
  const bare = analyze(log.join('\n'));
  assert.is(bare.rootCause?.unit, 'foo.service');
  for (const [name, wrapped] of [
    ['mail quote', log.map((l) => `> ${l}`)],
    ['CI clock', log.map((l) => `2024-03-01T12:00:00.1234567Z ${l}`)],
    ['fence', ['```', ...log, '```']],
  ] as const) {
    const r = analyze(wrapped.join('\n'));
    assert.is(r.rootCause?.unit, 'foo.service', name);
    assert.ok(r.input.envelopes.some((e) => e.kind === 'line-numbers' && e.lines === 4), name);
  }
  // (Lines that only begin with digits are not a column: `1 drive`, then other words.)
  const plain = analyze('> 1 drive found\n> nothing else\n> 3 more\n');
  assert.not.ok(plain.input.envelopes.some((e) => e.kind === 'line-numbers'));
});

test("grep -n's numbers come off: rising by any step, each with its colon; a clock's digits or one numbered line are no column", () => {
  // (A real shape, corpus case wild/ho-journal-bazzite-rpm-ostreed-missing-boot1-deployment: journal lines grepped with -n.)
  const log = [
    "  2458: Aug 05 23:14:40 host rpm-ostree[2199]: error: Couldn't start daemon: Error setting up sysroot",
    '  2459: Aug 05 23:14:40 host systemd[1]: rpm-ostreed.service: Main process exited, code=exited, status=1/FAILURE',
    "  2460: Aug 05 23:14:40 host systemd[1]: rpm-ostreed.service: Failed with result 'exit-code'.",
    '  2461: Aug 05 23:14:40 host systemd[1]: Failed to start rpm-ostreed.service - rpm-ostree System Management Daemon.',
    '  2497: Aug 05 23:14:41 host systemd[1]: Reached target Multi-User System.',
  ];
  const r = analyze(log.join('\n') + '\n');
  assert.is(r.verdict, 'failed');
  assert.is(r.boots[0]?.cycles[0]?.rootCause?.unit, 'rpm-ostreed.service');
  assert.ok(r.input.envelopes.some((e) => e.kind === 'line-numbers' && e.lines === 5));
  // Without the column, the same report (line numbers are the file's either way).
  const bare = analyze(log.map((l) => l.replace(/^ *\d+: /, '')).join('\n') + '\n');
  assert.equal(JSON.stringify(bare.boots), JSON.stringify(r.boots));
  // (Numbers that fall back end the column: the line goes through as it is.)
  assert.equal(pushed(['10: a', '20: b', '30: c', '5: d']), ['a', 'b', 'c', '5: d']);
  // (A clock is not a column: `12:34:56`. Nor two numbered lines and then one without.)
  assert.equal(pushed(['12:34:56 a', '13:00:01 b', '14:00:00 c']), ['12:34:56 a', '13:00:01 b', '14:00:00 c']);
  assert.equal(pushed(['7: a', '9: b', 'c']), ['7: a', '9: b', 'c']);
});

test('a journal line a mail cut after a colon, its soft break left at the end, joins its next line; one that ends at its colon does not', () => {
  const r = analyze(['Aug 19 22:45:46 abreu systemd-shutdown[1]: Sending SIGTERM to remaining processes...', 'Aug 19 22:45:46 abreu systemd-shutdown[1]: Failed to enumerate /proc/: ', 'Invalid argument', 'Aug 19 22:45:46 abreu systemd-shutdown[1]: Unmounting file systems.'].join('\n') + '\n');
  assert.is(r.boots[0]?.cycles[0]?.rootCause?.unit, 'Failed to enumerate /proc/: Invalid argument');
  assert.equal(r.boots[0]?.cycles[0]?.rootCause?.lines, [2]);
  const lines = ['Aug 19 22:45:46 host systemd[1]: Listing the units that were left running as follows:', 'foo.service'];
  assert.equal(pushed(lines), lines);
});

test.run();
