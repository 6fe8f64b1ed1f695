/**
 * A team's policy (bootwhy.yaml, --config, --fail-on) through the real binary: an expected failure turns a
 * FAILED log into OK with the failure still listed (as expected); a mistake in the file is one line naming
 * the file, the line and the key, exit 2, before anything is read.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Report } from '../parsers/report/schema.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist/bin/bootwhy.js');
const SEED = join(ROOT, 'corpora', 'tmt-soft-reboot-var-mount', 'console.log');

function run(args: string[], cwd = ROOT): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A project: bootwhy.yaml at its top, the seed log two directories down. */
function project(yaml: string | null, source = SEED): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-policy-'));
  mkdirSync(join(dir, 'runs', 'guest-1'), { recursive: true });
  const log = join(dir, 'runs', 'guest-1', 'console.txt');
  copyFileSync(source, log);
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
    ['severity:\n  warnings: note\n', /bootwhy\.yaml:2: severity: unknown key 'warnings' \(known: failed, timeout, /],
    ['severity:\n  warning: maybe\n', /bootwhy\.yaml:2: severity\.warning: /],
    ['patterns:\n  - title: x\n    match: "mmc(0"\n', /bootwhy\.yaml:3: patterns\.0\.match: match is not a valid regular expression$/],
    ['patterns:\n  - match: x\n', /bootwhy\.yaml:2: patterns\.0\.title: missing$/],
    ['patterns:\n  - match: x\n    title: y\n    level: fail\n', /bootwhy\.yaml:4: patterns\.0: unknown key 'level' \(known: match, title, severity, ignore-case\)$/],
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

const WARNING_LOG = join(ROOT, 'corpora', 'wild', 'ho-lava-tuxrun-fvp-panel-simple-warning', 'console.log');
const CLEAN_LOG = join(ROOT, 'corpora', 'lab', 'clean-boot', 'console.log');

test('severity per kind: a kernel WARNING noted (OK, exit 0, still shown and annotated as a warning) or failing as before', () => {
  const { dir, log } = project('severity:\n  warning: note\n', WARNING_LOG);
  try {
    const text = run([log]);
    assert.is(text.code, 0, text.out + text.err);
    assert.match(text.out, /^OK /);
    assert.match(text.out, /not failing: warning note/);
    assert.match(text.out, /crash: WARNING in panel_simple_parse_panel_timing_node .*noted by the policy/);
    const r = Report.parse(JSON.parse(run([log, '--json']).out));
    assert.is(r.verdict, 'ok');
    assert.is(r.policy?.severity['warning'], 'note');
    assert.is(r.policy?.severity['panic'], 'fail');
    assert.is(r.boots[0]!.crashes[0]!.kind, 'warning', 'the crash is still in the report');
    const gh = run([log, '--format', 'github']);
    assert.match(gh.out, /^::warning file=.*,line=857,title=bootwhy/m);
    assert.not.match(gh.out, /^::error/m);
    // ignore: not shown in the text; fail (the default) fails.
    writeFileSync(join(dir, 'bootwhy.yaml'), 'severity:\n  warning: ignore\n');
    const ignored = run([log]);
    assert.is(ignored.code, 0);
    assert.not.match(ignored.out, /crash: WARNING/);
    writeFileSync(join(dir, 'bootwhy.yaml'), 'severity:\n  warning: fail\n');
    assert.is(run([log]).code, 1);
    // A severity over fail-on: nothing fails on crashes but an oops would; the WARNING is failing by name.
    writeFileSync(join(dir, 'bootwhy.yaml'), 'fail-on: [failed]\nseverity:\n  warning: fail\n');
    assert.is(run([log]).code, 1);
    writeFileSync(join(dir, 'bootwhy.yaml'), 'fail-on: [failed]\n');
    assert.is(run([log]).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a policy's own patterns: each matching line a finding with its title; fail fails a clean log, note lists it", () => {
  const yaml = (sev: string) => `patterns:\n  - match: 'Reached target .*multi-user'\n    ignore-case: true\n    title: "reached multi-user, %: and, commas"\n    severity: ${sev}\n`;
  const { dir, log } = project(yaml('fail'), CLEAN_LOG);
  try {
    const lines = readFileSync(log, 'utf8').split('\n');
    const want = lines.flatMap((l, i) => (/Reached target .*multi-user/i.test(l) ? [i + 1] : []));
    assert.ok(want.length > 0, 'the clean lab boot reaches multi-user');
    const text = run([log]);
    assert.is(text.code, 1, text.out + text.err);
    assert.match(text.out, /^FAILED .*failing by the policy: 'reached multi-user, %: and, commas'/);
    assert.match(text.out, new RegExp(`match: reached multi-user, %: and, commas \\(fail\\) ${want.length} lines?, first at line ${want[0]}`));
    const r = Report.parse(JSON.parse(run([log, '--json']).out));
    assert.equal(r.matches[0]!.lines.map((l) => l.line), want);
    assert.is(r.matches[0]!.lines[0]!.boot, 1);
    // GitHub: an error on the line, its title escaped as a property (%, :, ,).
    const gh = run([log, '--format', 'github']);
    assert.match(gh.out, new RegExp(`^::error file=[^,]*,line=${want[0]},title=bootwhy%3A reached multi-user%2C %25%3A and%2C commas::`, 'm'));
    // JUnit: the pattern is a failing testcase, and the document still validates.
    const junit = run([log, '--format', 'junit']);
    assert.match(junit.out, /<testcase [^>]*name="pattern: reached multi-user, %: and, commas"[^>]*>\s*<failure /);
    const xsd = join(ROOT, 'docs', 'junit.xsd');
    const out = join(dir, 'junit.xml');
    writeFileSync(out, junit.out);
    const lint = spawnSync('xmllint', ['--noout', '--schema', xsd, out], { encoding: 'utf8' });
    assert.is(lint.status, 0, lint.stderr);
    // note: listed, not failing.
    writeFileSync(join(dir, 'bootwhy.yaml'), yaml('note'));
    const noted = run([log]);
    assert.is(noted.code, 0, noted.out);
    assert.match(noted.out, /match: reached multi-user, %: and, commas \(note\)/);
    assert.match(run([log, '--format', 'github']).out, /^::warning file=.*title=bootwhy%3A reached multi-user/m);
    // Without the policy: no matches at all.
    rmSync(join(dir, 'bootwhy.yaml'));
    assert.equal(Report.parse(JSON.parse(run([log, '--json']).out)).matches, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('watch takes the policy too: bootwhy.yaml in the working directory for a piped console, --config, and patterns on the live lines', () => {
  const { dir, log } = project('expected:\n  - unit: var.mount\n    reason: this image has no /var partition yet\n');
  try {
    const watch = (args: string[], input: string): { code: number | null; out: string } => {
      const r = spawnSync(process.execPath, [BIN, 'watch', '-', ...args], { cwd: dir, input: readFileSync(input), encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, timeout: 60_000 });
      return { code: r.status, out: r.stdout };
    };
    const ok = watch([], log);
    assert.is(ok.code, 0, ok.out);
    assert.match(ok.out, /^OK .*expected failures/m);
    const other = join(dir, 'strict.yaml');
    writeFileSync(other, `patterns:\n  - match: 'Reached target .*Multi-User'\n    title: multi-user reached\n`);
    const json = watch(['--json', '--config', other], CLEAN_LOG);
    assert.is(json.code, 1, 'a failing pattern fails the watch');
    const last = JSON.parse(json.out.trim().split('\n').at(-1)!) as { type: string; report: unknown };
    assert.is(last.type, 'report');
    const r = Report.parse(last.report);
    assert.is(r.matches[0]?.title, 'multi-user reached');
    assert.is(r.verdict, 'failed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
