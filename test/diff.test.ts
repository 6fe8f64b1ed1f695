/** `bootwhy diff`: a failing boot held against one that worked, on real lab captures, through the real binary. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Analyzer } from '../parsers/index.js';
import { diffCycles, UnitEvents, type BootDiff } from '../parsers/diagnose/diff.js';
import { CORPORA } from './support/corpus.js';

const BIN = join(resolve(CORPORA, '..'), 'dist/bin/bootwhy.js');
const lab = (name: string): string => join(CORPORA, 'lab', name, 'console.log');

function bootwhy(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, maxBuffer: 16 * 1024 * 1024 });
}

function json(r: SpawnSyncReturns<string>): BootDiff {
  return JSON.parse(r.stdout) as BootDiff;
}

for (const capture of ['var-bind-soft-reboot', 'var-bind-soft-reboot-name-format', 'var-bind-soft-reboot-description-format']) {
  test(`a good cycle, then a soft-reboot into a bad one (${capture}): the diff points at var.mount`, () => {
    const r = bootwhy(['diff', lab(capture), '--cycles', '1', '2', '--json']);
    assert.is(r.status, 1, r.stderr);
    const d = json(r);
    assert.is(d.firstDivergence?.unit, 'var.mount');
    assert.is(d.failedOnlyInBad[0]?.unit, 'var.mount');
    // (The good cycle mounted it.)
    assert.is(d.firstDivergence?.good, 'ok');
    assert.ok(d.targetsNotReached.includes('local-fs.target'), d.targetsNotReached.join(', '));
    // (The good cycle's shutdown for the soft-reboot reached targets of its own: not a startup target missed.)
    assert.not.ok(d.targetsNotReached.includes('soft-reboot.target'));
    assert.is(d.good.cycle, 1);
    assert.is(d.bad.cycle, 2);
  });
}

test('two logs of one machine: a clean boot against one whose data disk never came', () => {
  const r = bootwhy(['diff', lab('bookworm/clean-boot'), lab('bookworm/device-timeout')]);
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /First divergence: line \d+: dev-disk-by\\x2duuid-0a0a0a0a\\x2ddead\\x2dbeef\\x2d0000\\x2d0123456789ab\.device timeout \(the good cycle never mentions it\)/);
  assert.match(r.stdout, /dependency data\.mount/);
  // The same machine, the same unit, ellipsized on the console: told by its full name.
  const d = json(bootwhy(['diff', lab('bookworm/clean-boot'), lab('bookworm/failing-service'), '--json']));
  assert.is(d.firstDivergence?.unit, 'lab-broken.service');
});

test('a boot against itself: nothing diverges, exit 0', () => {
  const r = bootwhy(['diff', lab('clean-boot'), lab('clean-boot'), '--json']);
  assert.is(r.status, 0, r.stderr);
  const d = json(r);
  assert.is(d.firstDivergence, null);
  assert.equal(d.failedOnlyInBad, []);
  assert.equal(d.targetsNotReached, []);
});

test('diff usage: one log needs --cycles; a cycle the log lacks is named; one-line errors, exit 2', () => {
  for (const [args, pattern] of [
    [['diff', lab('soft-reboot')], /needs --cycles/],
    [['diff', lab('var-bind-soft-reboot'), '--cycles', '1', '9'], /no cycle 9 \(the bad one\); it has cycles 1, 2/],
    [['diff', lab('var-bind-soft-reboot'), '--cycles', 'x', 'y'], /--cycles takes two cycle numbers/],
    [[lab('clean-boot'), '--cycles', '1', '2'], /--cycles is an option of diff/],
  ] as const) {
    const r = bootwhy([...args]);
    assert.is(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.is(r.stderr.trim().split('\n').filter((l) => !l.startsWith('Usage')).length, 1, r.stderr);
  }
});

/** A journal (`-o short-monotonic`) of a unit that starts in `seconds`. */
function journal(seconds: number, fail: boolean): string {
  const at = (t: number): string => `[${t.toFixed(6).padStart(12)}]`;
  return [
    `${at(0)} host kernel: Linux version 6.1.0 (x@y) #1 SMP`,
    `${at(1)} host systemd[1]: systemd 252.30-1 running in system mode (+PAM)`,
    `${at(2)} host systemd[1]: Starting app.service - The app...`,
    fail ? `${at(2 + seconds)} host systemd[1]: Failed to start app.service - The app.` : `${at(2 + seconds)} host systemd[1]: Started app.service - The app.`,
    `${at(3 + seconds)} host systemd[1]: Reached target multi-user.target - Multi-User System.`,
  ].join('\n');
}

function read(text: string): { report: ReturnType<Analyzer['end']>; events: UnitEvents } {
  const events = new UnitEvents();
  const a = new Analyzer({ onRecord: (r) => events.push(r) });
  a.write(new TextEncoder().encode(text));
  return { report: a.end(), events };
}

test('a unit that took longer: timed from the journal, not approximate; a fast one is not listed', () => {
  const good = read(journal(1, false));
  const bad = read(journal(9, false));
  const cyc = (s: typeof good) => s.report.boots[0]!.cycles[0]!;
  const d = diffCycles({ report: good.report, cycle: cyc(good), events: good.events.events }, { report: bad.report, cycle: cyc(bad), events: bad.events.events });
  assert.equal(d.slower.map((s) => [s.unit, s.goodSeconds, s.badSeconds, s.approximate]), [['app.service', 1, 9, false]]);
  assert.is(d.firstDivergence, null);
  const same = diffCycles({ report: good.report, cycle: cyc(good), events: good.events.events }, { report: good.report, cycle: cyc(good), events: good.events.events });
  assert.equal(same.slower, []);
  // And one that failed where it had started: the divergence, with where the good one started it.
  const failed = read(journal(1, true));
  const f = diffCycles({ report: good.report, cycle: cyc(good), events: good.events.events }, { report: failed.report, cycle: cyc(failed), events: failed.events.events });
  assert.is(f.firstDivergence?.unit, 'app.service');
  assert.is(f.firstDivergence?.good, 'ok');
  assert.is(f.firstDivergence?.goodLine, 4);
});

test.run();
