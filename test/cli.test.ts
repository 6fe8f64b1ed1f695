/** The real `bootwhy` binary: exit codes, one-line errors, JSON that validates, bad input, safe output. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gzipSync } from 'node:zlib';
import { Report } from '../parsers/report/schema.js';
import { WatchEvent } from '../cli/commands/schema.js';
import { CORPORA } from './support/corpus.js';

const ROOT = resolve(CORPORA, '..');
const BIN = join(ROOT, 'dist/bin/bootwhy.js');
const SEED = join(CORPORA, 'tmt-soft-reboot-var-mount/console.log');
const SEED_STATUS = join(CORPORA, 'tmt-soft-reboot-var-mount-status/console.log');
const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-cli-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

function bootwhy(args: string[], input?: Buffer | string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

function assertOneLineError(r: SpawnSyncReturns<string>, pattern: RegExp): void {
  assert.is(r.status, 2, `exit status (stderr: ${r.stderr})`);
  assert.match(r.stderr, pattern);
  assert.not.match(r.stderr, /\n\s+at /, 'no stack trace');
  assert.is(r.stdout, '');
}

test('the seed capture: root cause, the whole cascade by full names, emergency mode, exit 1', () => {
  const r = bootwhy([SEED]);
  assert.is(r.status, 1);
  const out = r.stdout;
  assert.match(out, /Root cause: var\.mount failed to mount \/var/);
  assert.match(out, /started at ~130 s of kernel uptime with no kernel boot before it: userspace restarted on a running kernel \(as a soft-reboot does\)/);
  assert.match(out, /emergency mode at line \d+, triggered by local-fs\.target/);
  for (const unit of ['cloud-init-main.service', 'systemd-homed.service', 'systemd-pstore.service', 'raid-check.timer', 'fstrim.timer', 'var-lib-nfs-rpc_pipefs.mount', 'rpc-gssd.service', 'systemd-update-utmp.service', 'systemd-random-seed.service', 'selinux-autorelabel-mark.service', 'systemd-journal-flush.service', 'local-fs.target', 'graphical.target']) {
    assert.ok(out.includes(`${unit}  DEPEND`), `cascade lists ${unit}`);
  }
  assert.match(out, /line\s+6: \[FAILED\] Failed to mount var\.mount - \/var\./);
});

test('rescue mode asked for on the kernel command line is not a failure; the same mode after a failure is', () => {
  const asked = bootwhy([join(CORPORA, 'lab/rescue-mode/console.log'), '--json']);
  assert.is(asked.status, 0, asked.stderr);
  const report = JSON.parse(asked.stdout) as { verdict: string; boots: Array<{ cycles: Array<{ outcome: string; rootCause: unknown; emergency: { requested: boolean; evidence: Array<{ text: string }> } }> }> };
  const cycle = report.boots[0]!.cycles[0]!;
  assert.is(report.verdict, 'ok');
  assert.is(cycle.outcome, 'rescue');
  assert.is(cycle.rootCause, null);
  assert.is(cycle.emergency.requested, true);
  assert.match(cycle.emergency.evidence[0]!.text, /default target rescue\.target/);
  const failedInto = JSON.parse(bootwhy([SEED, '--json']).stdout) as typeof report;
  assert.is(failedInto.boots[0]!.cycles[0]!.emergency.requested, false);
});

test('with systemctl status output in the log, the diagnosis carries why the mount failed', () => {
  const r = bootwhy([SEED_STATUS]);
  assert.is(r.status, 1);
  const first = r.stdout.split('\n')[0]!;
  assert.match(first, /var\.mount failed to mount \/var \(special device \/sysroot\/ostree\/deploy\/default\/var …\)/);
  assert.match(r.stdout, /mount: \/var: special device \/sysroot\/ost>/);
});

test('--json validates against the zod schemas and against the JSON Schema `bootwhy schema` prints', () => {
  const r = bootwhy(['analyze', SEED_STATUS, '--json']);
  assert.is(r.status, 1);
  const report = JSON.parse(r.stdout) as unknown;
  const parsed = Report.safeParse(report);
  assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
  const schema = bootwhy(['schema']);
  assert.is(schema.status, 0);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(schema.stdout) as object);
  assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 3)));
  // The JSON Schema rejects what it should: a report without its schemaVersion.
  const broken = { ...(report as Record<string, unknown>) };
  delete broken['schemaVersion'];
  assert.not.ok(validate(broken));
});

test('the committed JSON Schema is the one the zod schemas generate', () => {
  const fresh = bootwhy(['schema']).stdout;
  const committed = readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8');
  assert.is(committed, fresh, 'run `node dist/cli/main.js schema > docs/report.schema.json` and review the change');
});

test('watch --json: every line validates against `bootwhy schema --events` (zod and JSON Schema); the committed one is current', () => {
  const r = bootwhy(['watch', SEED_STATUS, '--json', '--timeout', '3s']);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
  assert.ok(lines.length > 5, r.stdout.slice(0, 300));
  assert.equal([...new Set(lines.map((l) => l.type))].sort().filter((t) => ['source', 'failure', 'emergency', 'report'].includes(t)), ['emergency', 'failure', 'report', 'source']);
  const schema = bootwhy(['schema', '--events']);
  assert.is(schema.status, 0);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(schema.stdout) as object);
  for (const l of lines) {
    assert.ok(WatchEvent.safeParse(l).success, JSON.stringify(l).slice(0, 200));
    assert.ok(validate(l), `${JSON.stringify(validate.errors?.slice(0, 2))} in ${JSON.stringify(l).slice(0, 200)}`);
  }
  assert.not.ok(validate({ type: 'failure', t: 1 }), 'a failure without its fields');
  assert.is(readFileSync(join(ROOT, 'docs/events.schema.json'), 'utf8'), schema.stdout, 'run `node dist/cli/main.js schema --events > docs/events.schema.json`');
});

test('standard input gives the same report as the file', () => {
  const fromFile = JSON.parse(bootwhy([SEED, '--json']).stdout) as { input: { name: string } };
  const fromStdin = JSON.parse(bootwhy(['-', '--json'], readFileSync(SEED)).stdout) as { input: { name: string } };
  fromFile.input.name = fromStdin.input.name;
  assert.equal(fromStdin, fromFile);
});

test('usage and input errors: one line, exit 2, no stack trace', () => {
  assertOneLineError(bootwhy([join(tmp, 'missing.log')]), /^bootwhy: .*missing\.log: no such file\n$/);
  // A directory is many inputs (see test/batch.test.ts); an empty one is an input error.
  const emptyDir = join(tmp, 'empty-dir');
  mkdirSync(emptyDir, { recursive: true });
  assertOneLineError(bootwhy([emptyDir]), /^bootwhy: .*empty-dir: no files in this directory\n$/);
  assertOneLineError(bootwhy(['--bogus', SEED]), /^bootwhy: Unknown option '--bogus'\n/);
  assertOneLineError(bootwhy(['--format', 'xml', SEED]), /--format must be text, json, ndjson, markdown, github, junit or svg/);
  assertOneLineError(bootwhy(['--jobs', '0', SEED]), /--jobs must be a whole number/);
  assertOneLineError(bootwhy(['--color=purple', SEED]), /--color must be auto, always or never/);
  assertOneLineError(bootwhy(['schema', 'extra']), /schema takes no arguments/);
  if (process.getuid?.() !== 0) {
    const locked = join(tmp, 'locked.log');
    writeFileSync(locked, 'x', { mode: 0o000 });
    assertOneLineError(bootwhy([locked]), /permission denied/);
  }
});

test('an empty file, or text that is no boot log: its own exit status (6), never the 0 of a clean boot', () => {
  const empty = join(tmp, 'empty.log');
  writeFileSync(empty, '');
  const r = bootwhy([empty, '--json']);
  assert.is(r.status, 6);
  assert.is((JSON.parse(r.stdout) as { verdict: string }).verdict, 'empty');
  const prose = bootwhy(['-'], 'Dear team,\nthe build is green again. Thanks for the quick fix!\n');
  assert.is(prose.status, 6);
  assert.match(prose.stdout, /^EMPTY/);
  assert.match(prose.stdout, /nothing in the input looks like boot console output/);
});

test('gzip, xz and zstd input is recognised by its magic bytes and read as the log it holds', () => {
  const plain = readFileSync(join(CORPORA, 'lab/var-bind-soft-reboot/console.log'));
  const want = JSON.parse(bootwhy(['-', '--json'], plain).stdout) as { headline: string; boots: unknown; input: { bytes: number; compression: string | null } };
  assert.is(want.input.compression, null);
  const gz = join(tmp, 'console.txt'); // named as anything: the bytes decide
  writeFileSync(gz, gzipSync(plain));
  const cases: Array<[string, string]> = [
    [gz, 'gzip'],
    [join(ROOT, 'test/fixtures/var-bind-soft-reboot.log.xz'), 'xz'],
    [join(ROOT, 'test/fixtures/var-bind-soft-reboot.log.zst'), 'zstd'],
  ];
  for (const [file, kind] of cases) {
    const r = bootwhy([file, '--json']);
    assert.is(r.status, 1, `${kind}: ${r.stderr}`);
    const got = JSON.parse(r.stdout) as typeof want;
    assert.is(got.input.compression, kind);
    assert.is(got.input.bytes, plain.length, `${kind}: every decompressed byte was read`);
    assert.is(got.headline, want.headline, kind);
    assert.equal(got.boots, want.boots, kind);
    // Piped in, one byte at a time or whole, the same.
    const piped = JSON.parse(bootwhy(['-', '--json'], readFileSync(file)).stdout) as typeof want;
    assert.is(piped.headline, want.headline, `${kind} on standard input`);
  }
});

test('a compressed log cut short: what it held is analysed, the damage is said, and the exit status is not 0', () => {
  const plain = readFileSync(join(CORPORA, 'lab/var-bind-soft-reboot/console.log'));
  const cut = join(tmp, 'cut.gz');
  writeFileSync(cut, gzipSync(plain).subarray(0, 3000));
  const r = bootwhy([cut]);
  assert.is(r.status, 2);
  assert.match(r.stdout, /gzip data is damaged or cut short/);
  assert.match(r.stdout, /Boot 1/);
  assert.not.match(r.stderr, /\n\s+at /);
});

test('binary noise: a degraded finding, no crash', () => {
  let x = 12345;
  const noise = Buffer.alloc(1 << 20);
  for (let i = 0; i < noise.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = x >> 16;
  }
  const r = bootwhy(['-', '--json'], noise);
  assert.ok(r.status === 6 || r.status === 1, `status ${r.status}: ${r.stderr}`);
  assert.is(r.stderr, '');
  const report = JSON.parse(r.stdout) as { degraded: Array<{ code: string }>; input: { bytes: number } };
  assert.is(report.input.bytes, noise.length, 'every byte was read');
  assert.ok(report.degraded.some((d) => d.code === 'binary-input'));
});

test('a 50 MB line without a newline is split, read to the end, and reported as degraded', () => {
  const big = join(tmp, 'long-line.log');
  const fd = openSync(big, 'w');
  writeSync(fd, '[FAILED] Failed to start before.service.\n');
  const block = Buffer.alloc(1 << 20, 'x');
  for (let i = 0; i < 50; i++) writeSync(fd, block);
  writeSync(fd, '\n[FAILED] Failed to start after.service.\n');
  closeSync(fd);
  const r = bootwhy([big, '--json']);
  assert.is(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.ok(report.degraded.some((d) => d.code === 'long-lines'));
  const failed = report.boots.flatMap((b) => b.cycles.flatMap((c) => c.failures.map((f) => f.unit.name)));
  assert.equal(failed, ['before.service', 'after.service'], 'lines on both sides of the long one are analysed');
});

test('invalid UTF-8 is replaced and reported', () => {
  const r = bootwhy(['-', '--json'], Buffer.concat([Buffer.from('[FAILED] Failed to start b'), Buffer.from([0xff, 0xfe]), Buffer.from('d.service.\n')]));
  const report = JSON.parse(r.stdout) as Report;
  assert.ok(report.degraded.some((d) => d.code === 'invalid-utf8'));
  assert.is(r.status, 1);
});

test('guest escape sequences and C1 controls never reach the terminal', () => {
  const evil =
    '[FAILED] Failed to start \u001b]0;pwned\u0007ev\u001b]52;c;ZXZpbA==\u0007il\u009b2J\u202e.service - x\u001b[2J\u001b[H.\r\n' +
    'Kernel panic - not syncing: \u009d0;title\u009c boom\r\n';
  const never = bootwhy(['-', '--color=never'], evil);
  assert.is(never.status, 1);
  assert.not.ok(/[\u001b\u0080-\u009f\u202e]/.test(never.stdout), JSON.stringify(never.stdout));
  const always = bootwhy(['-', '--color=always'], evil);
  const escapes = always.stdout.match(/\u001b[^m]*m?/g) ?? [];
  assert.ok(escapes.length > 0, 'colour is on');
  for (const e of escapes) assert.match(e, /^\u001b\[\d+m$/, `only SGR colour codes: ${JSON.stringify(e)}`);
  assert.not.ok(/[\u0080-\u009f\u202e]/.test(always.stdout));
});

test('NO_COLOR turns colour off even when asked for auto', () => {
  const r = bootwhy([SEED, '--color=auto'], undefined, { NO_COLOR: '1' });
  assert.not.ok(r.stdout.includes('\u001b'));
});

test('the built command runs by its shebang, as npm links it', () => {
  const r = spawnSync(BIN, [SEED, '--color=never'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /Root cause: var\.mount/);
});

test('--help and --version', () => {
  const h = bootwhy(['--help']);
  assert.is(h.status, 0);
  assert.match(h.stdout, /Usage: bootwhy/);
  assert.match(bootwhy(['--version']).stdout, /^bootwhy \d+\.\d+\.\d+\n$/);
});

test('the shipped command (the bundle) says what the modules tsc wrote say: every command path, workers too', () => {
  const modules = join(ROOT, 'dist/cli/main.js');
  const run = (bin: string, args: string[], input?: string) =>
    spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const gz = join(tmp, 'seed.log.gz');
  writeFileSync(gz, gzipSync(readFileSync(SEED)));
  const runs: string[][] = [
    [SEED, '-v'],
    [SEED_STATUS, '--json'],
    [gz],
    [join(CORPORA, 'lab'), '--format', 'junit', '--jobs', '2'],
    [join(CORPORA, 'lab/soft-reboot/console.log'), '--format', 'svg'],
    ['diff', join(CORPORA, 'lab/var-bind-soft-reboot/console.log'), '--cycles', '1', '2'],
    ['watch', '-', '--json'],
    ['schema', '--events'],
    ['--fail-on', 'nonsense', SEED],
  ];
  for (const args of runs) {
    const input = args[1] === '-' ? readFileSync(SEED, 'utf8') : undefined;
    const a = run(BIN, args, input);
    const b = run(modules, args, input);
    assert.is(a.status, b.status, `exit status of ${args.join(' ')}`);
    assert.ok(a.stdout.length > 0 || a.stderr.length > 0, `${args.join(' ')} said something`);
    // (watch's events carry the time since it began, JUnit the time taken; nothing else may differ.)
    const norm = (t: string) => t.replace(/"t":[\d.]+/g, '"t":0').replace(/time="[\d.]+"/g, 'time="0"');
    assert.is(norm(a.stdout), norm(b.stdout), `stdout of ${args.join(' ')}`);
    assert.is(a.stderr, b.stderr, `stderr of ${args.join(' ')}`);
  }
  const piped = run(BIN, ['-'], readFileSync(SEED, 'utf8'));
  assert.is(piped.status, 1);
  assert.match(piped.stdout, /var\.mount/);
});

test.run();
