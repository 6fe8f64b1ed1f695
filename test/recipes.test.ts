/**
 * The README's CI recipes, run as written: each fenced block under "Recipes for CI" gives its `npx bootwhy`
 * line, which runs in a shell (`bootwhy` on PATH is the built CLI) in a directory laid out like the CI
 * system's artifacts, with the system's environment; what it leaves is checked as that system reads it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist/bin/bootwhy.js');
const SEED = join(ROOT, 'corpora', 'tmt-soft-reboot-var-mount', 'console.log');
const CLEAN = join(ROOT, 'corpora', 'lab', 'clean-boot', 'console.log');
const LAVA_CLEAN = join(ROOT, 'corpora', 'wild', 'ho-lava-tuxrun-x86-bookworm-login-clean', 'console.log');
const LAVA_FAILED = join(ROOT, 'corpora', 'wild', 'ho-lava-tuxrun-x86-modules-load-failed', 'console.log');

/** The README's recipes: each fenced block's `npx bootwhy …` command, as the CI system's shell gets it. */
function recipes(): Array<{ title: string; command: string }> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Recipes for CI');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  const out: Array<{ title: string; command: string }> = [];
  for (const m of section.matchAll(/\n\n((?:[^\n`][^\n]*\n)+)\n```\w*\n([\s\S]*?)```/g)) {
    const line = m[2]!.split('\n').find((l) => l.includes('npx bootwhy'))!;
    let command = line.slice(line.indexOf('npx bootwhy'));
    // Jenkins: `sh "…"` gives the shell what is between the quotes.
    if (/^\s*sh "/.test(line)) command = command.replace(/"\s*$/, '');
    out.push({ title: m[1]!.split(' (')[0]!, command: command.replace(/^npx bootwhy/, 'bootwhy') });
  }
  return out;
}

/** A CI workspace: two guests' consoles (one failing), two tmt runs, two LAVA job logs; `bootwhy` on PATH. */
function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-recipes-'));
  const put = (from: string, to: string): void => {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    copyFileSync(from, join(dir, to));
  };
  put(SEED, 'artifacts/guest-1/console.log');
  put(CLEAN, 'artifacts/guest-2/console-ttyS0.log');
  put(CLEAN, 'tmt/run-001/plans/smoke/provision/default-0/console.txt');
  put(SEED, 'tmt/run-002/plans/soft-reboot/provision/default-0/console.txt');
  put(CLEAN, 'tmt/run-002/plans/soft-reboot/provision/default-1/console.txt');
  put(LAVA_CLEAN, 'lava-job-1001.log');
  put(LAVA_FAILED, 'lava-job-1002.log');
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'bootwhy'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'bootwhy'), 0o755);
  return { dir, env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: dir, NO_COLOR: '1' } };
}

function sh(command: string, dir: string, env: NodeJS.ProcessEnv): { code: number | null; out: string; err: string } {
  const r = spawnSync('sh', ['-c', command], { cwd: dir, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function validJunit(file: string): void {
  const lint = spawnSync('xmllint', ['--noout', '--schema', join(ROOT, 'docs', 'junit.xsd'), file], { encoding: 'utf8' });
  assert.is(lint.status, 0, lint.stderr);
}

const all = recipes();

test('the README has the five recipes, each with one bootwhy line', () => {
  assert.equal(all.map((r) => r.title), ['GitHub Actions', 'GitLab CI', 'Jenkins', 'tmt / Testing Farm', 'LAVA']);
});

test('GitHub Actions: an ::error on the failing log line, the step summary table, the step fails', () => {
  const { dir, env } = workspace();
  try {
    const summary = join(dir, 'step-summary.md');
    const r = sh(all[0]!.command, dir, { ...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    assert.is(r.code, 1, r.err);
    assert.match(r.out, /^::error file=artifacts\/guest-1\/console\.log,line=\d+,title=bootwhy%3A var\.mount/m);
    assert.not.match(r.out, /guest-2/, 'the clean guest has no annotation');
    const md = readFileSync(summary, 'utf8');
    assert.match(md, /\| artifacts\/guest-1\/console\.log \| ❌ failed \|/);
    assert.match(md, /\| artifacts\/guest-2\/console-ttyS0\.log \| ✅ ok \|/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const [i, name] of [[1, 'GitLab CI'], [2, 'Jenkins']] as const) {
  test(`${name}: the JUnit report validates, the failing guest's boot fails with its root cause`, () => {
    const { dir, env } = workspace();
    try {
      const r = sh(all[i]!.command, dir, env);
      // GitLab: the job fails (artifacts are kept with `when: always`); Jenkins: the junit step decides.
      assert.is(r.code, i === 1 ? 1 : 0, r.err);
      const file = join(dir, 'bootwhy-junit.xml');
      validJunit(file);
      const xml = readFileSync(file, 'utf8');
      assert.match(xml, /<testsuite name="artifacts\/guest-1\/console\.log" tests="\d+" failures="[1-9]/);
      assert.match(xml, /<failure message="var\.mount failed/);
      assert.match(xml, /<testsuite name="artifacts\/guest-2\/console-ttyS0\.log" tests="\d+" failures="0"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("tmt: every guest's console of the last run, in one Markdown summary", () => {
  const { dir, env } = workspace();
  try {
    const r = sh(all[3]!.command, dir, { ...env, TMT_WORKDIR_ROOT: join(dir, 'tmt') });
    assert.is(r.code, 1, `a run with a failed boot fails the step: ${r.err}`);
    const md = readFileSync(join(dir, 'bootwhy.md'), 'utf8');
    assert.match(md, /run-002\/plans\/soft-reboot\/provision\/default-0\/console\.txt \| ❌ failed \| 1 \| \d+ \| var\.mount/);
    assert.match(md, /run-002\/plans\/soft-reboot\/provision\/default-1\/console\.txt \| ✅ ok/);
    assert.not.match(md, /run-001/, 'only the last run');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("LAVA: job logs as the dispatcher saves them, the target's lines read", () => {
  const { dir, env } = workspace();
  try {
    assert.is(sh(all[4]!.command, dir, env).code, 1);
    const md = readFileSync(join(dir, 'bootwhy.md'), 'utf8');
    assert.match(md, /\| lava-job-1001\.log \| ✅ ok \| 1 \| 1 \|/);
    assert.match(md, /\| lava-job-1002\.log \| ❌ failed \| 1 \| 1 \| systemd-modules-load\.service/);
    assert.ok(existsSync(join(dir, 'bootwhy.md')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
