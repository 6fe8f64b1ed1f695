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
import type { Report } from '../parsers/report/schema.js';
import { CORPORA } from './support/corpus.js';

const unwrap = (lines: string[]): string[] => {
  const u = new LineUnwrapper(() => {});
  return lines.map((l) => u.unwrap(l));
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
    ];
    for (const [what, wrap] of wrappers) {
      const wrapped = lines.map((l, i) => (i === lines.length - 1 && l === '' ? '' : wrap(l, i))).join('\n');
      const r = analyze(wrapped);
      assert.equal(shape(r), bare, `${name} through ${what}`);
      assert.ok(r.input.envelopes.length > 0, `${name}: ${what} was said in input.envelopes`);
    }
  }
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

test.run();
