/**
 * Linear time and bounded memory on crafted input (issue 10, point 4): each class of test/support/crafted.ts
 * against plain text of the same size, measured in the same run, so that only ratios are asserted.
 *
 * - Time: a crafted class reads at least 1/TIME_RATIO as fast as plain text (CPU time over the second half
 *   of the input, best of 3). The guard is for cost that grows with the input (a quadratic scan reads at a
 *   fortieth of plain text's rate or less at this size, and the probe stops it there); the classes made of
 *   nothing but status lines cost 5 to 8 times plain text by design, every line classified in full, and a
 *   loaded machine's noise (CI's: 10.2 on one run) must not read as a regression.
 * - Memory: from the third quarter of its input to its end, the analyzer keeps more by less than a byte in
 *   GROWTH of an eighth of the input (or than plain text keeps in all, which is next to nothing), and in
 *   all at most MEMORY_RATIO times that.
 * - What a limit left out is said in the report's `degraded` list.
 *
 * The measuring runs in one child started with --expose-gc (test/support/crafted-probe.ts).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Analyzer } from '../parsers/index.js';
import { CRAFTED } from './support/crafted.js';
import type { ProbeResult } from './support/crafted-probe.js';

const BYTES = 2 * 1024 * 1024;
const TIME_RATIO = 20;
const GROWTH = 2;
const MEMORY_RATIO = 128;

const PROBE = join(dirname(fileURLToPath(import.meta.url)), 'support/crafted-probe.js');
let measured: Record<string, [ProbeResult, ProbeResult]> | null = null;

function measure(name: string): [ProbeResult, ProbeResult] {
  if (measured === null) {
    const p = spawnSync(process.execPath, ['--expose-gc', PROBE, String(BYTES)], { encoding: 'utf8', timeout: 10 * 60 * 1000 });
    if (p.status !== 0) throw new Error(`crafted-probe failed (${p.status ?? p.signal}): ${p.stderr}`);
    measured = JSON.parse(p.stdout) as Record<string, [ProbeResult, ProbeResult]>;
  }
  return measured[name]!;
}

test.after(() => {
  if (measured === null) return;
  const mib = (n: number): string => (n / 1048576).toFixed(2);
  console.log(`\n  ${'class'.padEnd(24)} ${'MB/s'.padStart(7)} ${'plain'.padStart(7)} ${'×'.padStart(5)} ${'kept MiB'.padStart(9)} ${'growth'.padStart(7)}`);
  for (const [, r] of Object.values(measured)) {
    console.log(`  ${r.name.padEnd(24)} ${r.rate.toFixed(1).padStart(7)} ${r.plainRate.toFixed(1).padStart(7)} ${(r.plainRate / r.rate).toFixed(1).padStart(5)} ${mib(r.after).padStart(9)} ${mib(r.after - r.before).padStart(7)}`);
  }
});

for (const c of CRAFTED) {
  test(`${c.name}: ${c.what}`, () => {
    const [plain, r] = measure(c.name);
    assert.ok(r.complete, `${c.name} was stopped: it reads far slower than plain text (${r.rate.toFixed(2)} MB/s against ${r.plainRate.toFixed(1)})`);
    assert.ok(r.rate * TIME_RATIO >= r.plainRate, `${c.name} reads at ${r.rate.toFixed(2)} MB/s, plain text at ${r.plainRate.toFixed(1)}: more than ${TIME_RATIO} times slower`);
    const allowed = Math.max(plain.after, BYTES / 8 / GROWTH);
    const growth = r.after - r.before;
    assert.ok(growth <= allowed, `${c.name} keeps growing: ${growth} bytes more at the end of its input than in its third quarter (allowed ${allowed}; plain text keeps ${plain.after})`);
    assert.ok(r.after <= MEMORY_RATIO * allowed, `${c.name} keeps ${r.after} bytes, more than ${MEMORY_RATIO} times ${allowed}`);
  });
}

test('what the limits leave out is said in the report', () => {
  const lines: string[] = ['[    0.000000] Linux version 6.8.0 #1 SMP', 'Welcome to Fedora!'];
  for (let i = 0; i < 1100; i++) lines.push(`[FAILED] Failed to start u${i}.service - U ${i}.`);
  for (let i = 0; i < 200; i++) lines.push(`[  OK  ] Stopped target multi-user.target - Multi-User System.`, `[    3.000000] systemd[1]: Switching root.`, `Welcome to Fedora!`);
  const a = new Analyzer({ name: 'limits' });
  a.write(new TextEncoder().encode(lines.join('\r\n') + '\r\n' + 'y'.repeat(5000) + '\r\n' + '\u001bM\r1\r\n'.repeat(3)));
  const degraded = a.end().degraded.map((d) => d.message).join('\n');
  assert.match(degraded, /100 failures/);
  assert.match(degraded, /phases/);
  assert.match(degraded, /redraws \(ESC M\)/);
});

test.run();
