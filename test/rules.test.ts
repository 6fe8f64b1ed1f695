/**
 * Every detection rule row carries an example line; each is fed through the whole Analyzer (terminal
 * layer, input layer, gates, grammar, segmentation, report) and must be found. A row whose gate or
 * prefilter cuts it off fails here, so no rule can be unreachable.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Analyzer } from '../parsers/index.js';
import type { ConsoleRecord } from '../parsers/grammar/classify.js';
import { BOOTLOADER_ERRORS, INIT_RULES, KERNEL_EVENTS, MANAGER_EVENTS, MARKER_RULES, PROMPT_RULES } from '../parsers/grammar/console-lines.js';
import { CRASH_RULES } from '../parsers/grammar/kernel.js';
import { MESSAGES } from '../parsers/grammar/status.js';
import type { Report } from '../parsers/report/schema.js';

function run(text: string): { report: Report; records: ConsoleRecord[] } {
  const records: ConsoleRecord[] = [];
  const a = new Analyzer({ onRecord: (r) => records.push(r) });
  a.write(new TextEncoder().encode(text));
  return { report: a.end(), records };
}

/** A systemd userspace is known to run before the example (prompts such as a shell need one). */
const SYSTEMD = '[   12.000000] systemd[1]: systemd 257 running in system mode (+PAM)\n[  OK  ] Reached target basic.target - Basic System.\n';

test('every crash rule finds its example in a kernel line, with its kind', () => {
  for (const rule of CRASH_RULES) {
    const { report } = run(`[   42.123456] ${rule.example}\n`);
    const kinds = report.boots.flatMap((b) => b.crashes.map((c) => c.kind));
    assert.ok(kinds.includes(rule.kind), `${rule.kind} rule (${rule.literal}) did not find: ${rule.example} (found ${kinds.join(', ') || 'nothing'})`);
  }
});

test('every crash rule finds its example in a journal line too', () => {
  for (const rule of CRASH_RULES) {
    const { report } = run(`Mar 03 08:12:45 host kernel: ${rule.example}\n`);
    const kinds = report.boots.flatMap((b) => b.crashes.map((c) => c.kind));
    assert.ok(kinds.includes(rule.kind), `${rule.kind} rule (${rule.literal}) did not find in a journal: ${rule.example}`);
  }
});

test('every firmware and bootloader marker opens its phase', () => {
  for (const rule of MARKER_RULES) {
    const { report } = run(`${rule.example}\n`);
    const phases = report.boots.flatMap((b) => b.phases.map((p) => p.name));
    assert.ok(phases.includes(rule.kind), `marker (${rule.literal}) did not open a ${rule.kind} phase: ${rule.example}`);
    // (A line from inside a firmware's run, its later stage's log, opens a boot that began before the log did.)
    assert.is(report.boots[0]?.startReason, rule.inside === true ? 'log-start' : rule.kind, rule.example);
  }
});

test("a firmware's line from inside its run opens a boot begun before the log; its banner just after says the log began at the power-on", () => {
  const inside = run('MESS:00:00:04.313087:0: arasan: arasan_emmc_open\nMESS:00:00:04.481784:0: boot-part: 1 fs-type: 0\n').report;
  assert.is(inside.boots.length, 1);
  assert.is(inside.boots[0]?.startReason, 'log-start');
  assert.is(inside.boots[0]?.startsMidway, true);
  const powerOn = run('PM_RSTS: 0x00001020\nRPi: BOOTLOADER release VERSION:c258ef8f DATE: Jul  6 2021 TIME: 11:44:56 BOOTMODE: 0x00000006\nPM_RSTS: 0x00001020\n').report;
  assert.is(powerOn.boots.length, 1);
  assert.is(powerOn.boots[0]?.startReason, 'firmware');
  assert.is(powerOn.boots[0]?.startsMidway, false);
});

test('every prompt rule is found: modes, logins, shells', () => {
  for (const rule of PROMPT_RULES) {
    const { report } = run(`${SYSTEMD}${rule.example}\n`);
    const cycles = report.boots.flatMap((b) => b.cycles);
    if (rule.kind === 'login' || rule.kind === 'shell') {
      assert.ok(cycles.some((c) => c.loginLine === 3), `${rule.kind} (${rule.literal}) not seen: ${rule.example}`);
      continue;
    }
    const modes = [...report.boots.map((b) => b.emergency), ...cycles.map((c) => c.emergency)].filter((m) => m !== null);
    assert.ok(modes.length > 0, `${rule.kind} (${rule.literal}) not seen: ${rule.example}`);
    // Rescue mode with nothing failed before it was asked for (systemd enters it only when asked).
    if (rule.kind === 'rescue' && modes.some((m) => m.requested)) {
      assert.is(report.verdict, 'ok', `${rule.example}: verdict ${report.verdict}`);
      continue;
    }
    assert.ok(report.verdict === 'failed', `${rule.example}: verdict ${report.verdict}`);
  }
});

test('every kernel boot event is read from its example', () => {
  for (const row of KERNEL_EVENTS) {
    const { records } = run(`[    1.000000] ${row.example}\n`);
    const k = records.find((r) => r.kind === 'kernel');
    assert.ok(k && k.kind === 'kernel' && k.event?.kind === row.kind, `kernel event ${row.kind} not read: ${row.example}`);
  }
});

test("every PID 1 event is read from its example, from the kernel log and from a journal", () => {
  for (const row of MANAGER_EVENTS) {
    for (const line of [`[    1.000000] systemd[1]: ${row.example}`, `Mar 03 08:12:45 host systemd[1]: ${row.example}`]) {
      const { records } = run(`${line}\n`);
      const r = records.find((x) => x.kind === 'kernel' || x.kind === 'journal');
      const manager = r && (r.kind === 'kernel' || r.kind === 'journal') ? r.manager : null;
      assert.is(manager?.kind, row.kind, line);
    }
  }
});

test('every status message row reads its example, with a status word, bare in a journal, and in the kernel log', () => {
  for (const row of MESSAGES) {
    const forms = [`[  OK  ] ${row.example}`, `         ${row.example}`, `[    1.000000] systemd[1]: ${row.example}`, `Mar 03 08:12:45 host systemd[1]: ${row.example}`];
    for (const line of forms) {
      if (line.startsWith('         ') && !['start-begin', 'stop-begin', 'mount-begin', 'unmount-begin', 'swap-begin', 'device-expect'].includes(row.verb)) continue;
      const { records } = run(`${line}\n`);
      const r = records.find((x) => x.kind === 'status' || x.kind === 'kernel' || x.kind === 'journal');
      const msg = r && (r.kind === 'status' || r.kind === 'kernel' || r.kind === 'journal') ? r.msg : null;
      assert.is(msg?.verb, row.verb, line);
    }
  }
});

test('every bootloader error, printed before any kernel, is the root cause of its boot', () => {
  for (const row of BOOTLOADER_ERRORS) {
    const { report } = run(`U-Boot 2024.07 (Jul 01 2024 - 00:00:00 +0000)\n${row.example}\n`);
    assert.is(report.boots[0]?.rootCause?.kind, 'bootloader', row.example);
    assert.is(report.verdict, 'failed', row.example);
  }
});

test('every other init system is named, and its failed services are the root cause', () => {
  for (const row of INIT_RULES) {
    const { report } = run(`${row.example}\n`);
    assert.is(report.boots[0]?.init, row.init, row.example);
    assert.is(report.boots[0]?.cycles.length, 0, `${row.example}: no systemd userspace cycle`);
    if (row.failed !== undefined) assert.is(report.boots[0]?.rootCause?.kind, 'unit', row.example);
  }
});

test.run();
