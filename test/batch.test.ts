/**
 * Many inputs in one run (the real binary): directories and globs expanded by bootwhy, reports in input
 * order whatever the worker that finished first, the summary, the worst exit code, an unreadable input
 * as one line while the run goes on, and the CI formats (ndjson, markdown, github) escaped as their
 * readers need.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Report } from '../parsers/report/schema.js';
import { ghData, ghProperty, mdText } from '../cli/reporters/formats.js';
import { globRegExp } from '../cli/batch/expand.js';
import { worse } from '../cli/exit-codes.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist/bin/bootwhy.js');
const CORPORA = join(ROOT, 'corpora');

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env, GITHUB_STEP_SUMMARY: env['GITHUB_STEP_SUMMARY'] ?? '' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A directory of logs: a failing one, a clean one, a non-log, in nested directories. */
function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-batch-'));
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  copyFileSync(join(CORPORA, 'tmt-soft-reboot-var-mount', 'console.log'), join(dir, 'a', '1-failed.log'));
  copyFileSync(join(CORPORA, 'lab', 'clean-boot', 'console.log'), join(dir, 'a', 'b', '2-clean.log'));
  writeFileSync(join(dir, '3-notes.txt'), 'nothing to see here\n');
  return dir;
}

test('a directory: every file in path order, a summary, and the worst exit code', () => {
  const dir = fixture();
  try {
    const r = run([dir]);
    assert.is(r.code, 1, r.err);
    const heads = [...r.out.matchAll(/^==> (.+) <==$/gm)].map((m) => m[1]);
    assert.equal(heads, [join(dir, '3-notes.txt'), join(dir, 'a', '1-failed.log'), join(dir, 'a', 'b', '2-clean.log')]);
    assert.match(r.out, /3 inputs: 1 failed, 1 ok, 1 not boot logs, 0 unreadable/);
    assert.match(r.out, /1-failed\.log\s+FAILED\s+1\s+1\s+var\.mount: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unreadable input is one line; the run goes on and exits 2', () => {
  const dir = fixture();
  try {
    const r = run([join(dir, 'a', '1-failed.log'), join(dir, 'missing.log'), join(dir, 'a', 'b', '2-clean.log')]);
    assert.is(r.code, 2);
    assert.match(r.err, /^bootwhy: .*missing\.log: no such file$/m);
    assert.match(r.out, /2 inputs: 1 failed, 1 ok/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('globs are expanded by bootwhy (quoted, as a shell passes them), ** crossing directories', () => {
  const dir = fixture();
  try {
    const r = run([`${dir}/**/*.log`, '--format', 'ndjson']);
    const reports = r.out.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.is(reports.length, 2);
    for (const rep of reports) assert.ok(Report.safeParse(rep).success);
    assert.equal(
      reports.map((rep) => (rep as { input: { name: string } }).input.name),
      [join(dir, 'a', '1-failed.log'), join(dir, 'a', 'b', '2-clean.log')],
    );
    assert.is(run([`${dir}/*.nothing`]).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(globRegExp('**/console*.txt').test('x/y/console-1.txt'));
  assert.ok(globRegExp('**/console*.txt').test('console.txt'));
  assert.not.ok(globRegExp('*.log').test('a/b.log'));
  assert.ok(globRegExp('[ab]?.log').test('b1.log'));
});

test('reports come in input order with all cores as with one, on the whole corpus', () => {
  const one = run([`${CORPORA}/**/console.log`, '--format', 'ndjson', '--jobs', '1']);
  const two = run([`${CORPORA}/**/console.log`, '--format', 'ndjson', '--jobs', '2']);
  assert.is(one.code, two.code);
  const a = one.out.trim().split('\n');
  assert.ok(a.length > 100, `${a.length} reports`);
  assert.equal(two.out.trim().split('\n'), a);
});

test('github: workflow commands with their data and properties escaped; the step summary appended', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-gh-'));
  try {
    const log = join(dir, 'odd, name: 100%.log');
    writeFileSync(log, '[  OK  ] Reached target basic.target - Basic System.\n[FAILED] Failed to start disk%sync: stage 1, retry.\n');
    const summary = join(dir, 'summary.md');
    const r = run([log, '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    assert.is(r.code, 1);
    const line = r.out.split('\n').find((l) => l.startsWith('::error '));
    assert.ok(line, r.out);
    // Properties: `,` `:` `%` escaped; the message: `%` escaped, `:` and `,` kept.
    assert.ok(line.includes(`file=${join(dir, 'odd%2C name%3A 100%25.log').replace(/:/g, '%3A')},line=2,`), line);
    assert.match(line, /::disk%25sync: stage 1, retry failed to start$/);
    assert.match(readFileSync(summary, 'utf8'), /^\| .*odd, name: 100%\.log \| ❌ failed \| 1 \| 1 \|/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // A CR is a control character: taken out (U+FFFD) before GitHub's escaping; a newline is escaped.
  assert.is(ghData('a%b\r\nc'), 'a%25b\uFFFD%0Ac');
  assert.is(ghProperty('x:y,z\n'), 'x%3Ay%2Cz%0A');
});

test('markdown: a table and the details of each failure, guest text unable to inject HTML or break the table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-md-'));
  try {
    const log = join(dir, 'x.log');
    writeFileSync(log, '[  OK  ] Reached target basic.target - Basic System.\n[FAILED] Failed to start <img src=x onerror=alert(1)> | evil ```.\n');
    const r = run([log, join(CORPORA, 'tmt-soft-reboot-var-mount', 'console.log'), '--format', 'markdown']);
    assert.is(r.code, 1);
    const rows = r.out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Log'));
    assert.is(rows.length, 2);
    for (const row of rows) assert.is(row.split(/(?<!\\)\|/).length, 7, row);
    // Outside code blocks (which show text as it is) no guest HTML survives.
    const prose = r.out.replace(/^(`{3,})\n[\s\S]*?\n\1$/gm, '');
    assert.not.match(prose, /<img/);
    assert.match(r.out, /&lt;img src=x onerror=alert\(1\)&gt; \\\| evil/);
    assert.is((r.out.match(/<details>/g) ?? []).length, 2);
    assert.match(r.out, /Cascade:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.is(mdText('a|b<c>'), 'a\\|b&lt;c&gt;');
});

test('exit codes: input error over failures over not a boot log over OK', () => {
  assert.is(worse(0, 6), 6);
  assert.is(worse(6, 1), 1);
  assert.is(worse(1, 2), 2);
  assert.is(worse(2, 1), 2);
  assert.is(worse(1, 0), 1);
});


test('junit: the whole corpus validates against the schema Jenkins and GitLab read; a failed cycle is a failure with its root cause', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bootwhy-junit-')), 'report.xml');
  try {
    const r = spawnSync(process.execPath, [BIN, `${CORPORA}/**/console.log`, '--format', 'junit'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.is(r.status, 1, r.stderr);
    writeFileSync(out, r.stdout);
    const lint = spawnSync('xmllint', ['--noout', '--schema', join(ROOT, 'docs', 'junit.xsd'), out], { encoding: 'utf8' });
    assert.is(lint.status, 0, lint.stderr.slice(0, 2000));
    const suites = r.stdout.match(/<testsuite /g) ?? [];
    assert.ok(suites.length > 100, `${suites.length} suites`);
    // The seed: its cycle fails with var.mount, the cascade in the body.
    const seed = r.stdout.slice(r.stdout.indexOf('tmt-soft-reboot-var-mount/console.log'));
    assert.match(seed, /<failure message="var\.mount failed to mount \/var;[^"]*" type="unit">line 6: \[FAILED\] Failed to mount var\.mount - \/var\./);
    assert.match(seed, /cascade:\nvar\.mount  failed line 6\n  └─ cloud-init-main\.service  dependency line 8/);
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
});

test.run();
