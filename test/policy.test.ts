/**
 * A team's policy (bootwhy.yaml, --config, --fail-on) through the real binary: an expected failure turns a
 * FAILED log into OK with the failure still listed (as expected); a mistake in the file is one line naming
 * the file, the line and the key, exit 2, before anything is read.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Report } from '../parsers/report/schema.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist/cli/main.js');
const SEED = join(ROOT, 'corpora', 'tmt-soft-reboot-var-mount', 'console.log');

function run(args: string[], cwd = ROOT): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A project: bootwhy.yaml at its top, the seed log two directories down. */
function project(yaml: string | null): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-policy-'));
  mkdirSync(join(dir, 'runs', 'guest-1'), { recursive: true });
  const log = join(dir, 'runs', 'guest-1', 'console.txt');
  copyFileSync(SEED, log);
  if (yaml !== null) writeFileSync(join(dir, 'bootwhy.yaml'), yaml);
  return { dir, log };
}

test('an expected failure, found upward from the log: OK, exit 0, the failures listed as expected', () => {
  const { dir, log } = project('expected:\n  - unit: var.mount\n    reason: this image has no /var partition yet\n');
  try {
    const text = run([log]);
    assert.is(text.code, 0, text.out + text.err);
    assert.match(text.out, /^OK /);
    assert.match(text.out, /policy: .*bootwhy\.yaml; 20 expected failures/);
    const json = run([log, '--json']);
    const r = Report.parse(JSON.parse(json.out));
    assert.is(r.verdict, 'ok');
    const failures = r.boots[0]!.cycles[0]!.failures;
    assert.is(failures.find((f) => f.unit.name === 'var.mount')!.expected, 'this image has no /var partition yet');
    // Its dependents are expected with it; the root cause is still told.
    assert.ok(failures.every((f) => f.expected !== null), 'every failure traces to var.mount');
    assert.is(r.boots[0]!.cycles[0]!.rootCause?.unit, 'var.mount');
    // Without the file: FAILED as before.
    rmSync(join(dir, 'bootwhy.yaml'));
    assert.is(run([log]).code, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an expectation that does not match leaves the log FAILED; --fail-on decides what fails', () => {
  const { dir, log } = project('expected:\n  - unit: "dev-ttyS*.device"\n    reason: one serial port\n');
  try {
    assert.is(run([log]).code, 1);
    assert.is(run([log, '--fail-on', 'crash']).code, 0);
    assert.is(run([log, '--fail-on', 'crash,emergency']).code, 1);
    const bad = run([log, '--fail-on', 'crash,oops']);
    assert.is(bad.code, 2);
    assert.match(bad.err, /--fail-on takes failed, emergency, crash, degraded, any/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a mistake in the policy file: file:line: key and what is wrong, exit 2, nothing analysed', () => {
  const cases: Array<[string, RegExp]> = [
    ['expected:\n  - unit: var.mount\n    reson: typo\n', /bootwhy\.yaml:3: expected\.0: unknown key 'reson' \(known: unit, reason\)$/],
    ['expected:\n  - unit: var.mount\n', /bootwhy\.yaml:2: expected\.0\.reason: missing$/],
    ['expectd: []\n', /bootwhy\.yaml:1: the file: unknown key 'expectd'/],
    ['fail-on: [crash, oops]\n', /bootwhy\.yaml:1: fail-on\.1: /],
    ['expected:\n  - unit: [x\n', /bootwhy\.yaml:\d+: /],
  ];
  for (const [yaml, want] of cases) {
    const { dir, log } = project(yaml);
    try {
      for (const args of [[log], [join(dir, 'runs'), '--format', 'github']]) {
        const r = run(args);
        assert.is(r.code, 2, `${yaml}: ${r.err}`);
        assert.match(r.err.trim(), want);
        assert.is(r.err.trim().split('\n').length, 1, r.err);
        assert.is(r.out, '', 'nothing analysed');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('--config names the file to use, over any found upward', () => {
  const { dir, log } = project('expected: []\n');
  try {
    const other = join(dir, 'other.yaml');
    writeFileSync(other, 'expected:\n  - unit: "*.mount"\n    reason: mounts are not tested here\n');
    assert.is(run([log]).code, 1);
    assert.is(run([log, '--config', other]).code, 0);
    assert.is(run([log, '--config', join(dir, 'missing.yaml')]).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
