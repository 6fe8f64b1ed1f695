/** Where the time went: phase durations, systemd's `Startup finished` in numbers, and the boot as a bar. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze } from '../parsers/index.js';
import { parseStartupFinished, parseTimespan, phaseDurations } from '../parsers/diagnose/timing.js';
import { StartTimes, wallClock } from '../parsers/segment/start-times.js';
import { timelineBar } from '../cli/reporters/timeline-bar.js';
import { renderText } from '../cli/reporters/text.js';
import { COLOUR, PLAIN } from '../cli/terminal-safe.js';
import { CORPORA } from './support/corpus.js';

test('systemd timespans and its Startup finished line read into seconds', () => {
  assert.is(parseTimespan('2.085s'), 2.085);
  assert.is(parseTimespan('1min 2.345s'), 62.345);
  assert.is(parseTimespan('523ms'), 0.523);
  assert.is(parseTimespan('1h 3min'), 3780);
  assert.is(parseTimespan('soon'), null);
  assert.equal(parseStartupFinished('2.085s (kernel) + 4.543s (initrd) + 21.379s (userspace) = 28.008s.'), { firmware: null, loader: null, kernel: 2.085, initrd: 4.543, userspace: 21.379, total: 28.008 });
  assert.equal(parseStartupFinished('5.616s (firmware) + 3.012s (loader) + 1.234s (kernel) + 1min 2.5s (userspace) = 1min 12.362s'), { firmware: 5.616, loader: 3.012, kernel: 1.234, initrd: null, userspace: 62.5, total: 72.362 });
  // A user manager's: the total alone.
  assert.equal(parseStartupFinished('123ms.'), { firmware: null, loader: null, kernel: null, initrd: null, userspace: null, total: 0.123 });
  assert.is(parseStartupFinished('whenever'), null);
});

test('a phase lasts from its first uptime to the next one’s, the last to its own last; unknown edges give null', () => {
  const p = (start: number | null, end: number | null) => ({ startUptime: start, endUptime: end });
  assert.equal(
    phaseDurations([p(0, 7.9), p(8, 23)], [p(23.4, 100)]).map((x) => x.seconds),
    [8, 15.4],
  );
  assert.equal(phaseDurations([p(23.4, 102), p(102, 102.5)]).map((x) => x.seconds), [78.6, 0.5]);
  assert.equal(phaseDurations([p(null, null), p(5, 6)]).map((x) => x.seconds), [null, 1]);
});

test('a real capture: the report gives each phase its duration and the text shows them with a bar that fits', () => {
  const r = analyze(new Uint8Array(readFileSync(join(CORPORA, 'lab/var-bind-soft-reboot/console.log'))));
  const boot = r.boots[0]!;
  const kernel = boot.phases.find((x) => x.name === 'kernel')!;
  const initrd = boot.phases.find((x) => x.name === 'initrd')!;
  assert.ok(kernel.seconds !== null && Math.abs(kernel.seconds - (initrd.startUptime! - kernel.startUptime!)) < 0.001);
  // The initrd lasts until the first cycle's system phase begins.
  assert.ok(Math.abs(initrd.seconds! - (boot.cycles[0]!.phases[0]!.startUptime! - initrd.startUptime!)) < 0.001);
  for (const width of [40, 80, 120]) {
    const bar = timelineBar(boot, width, PLAIN, true)!;
    assert.ok(bar[1].length <= width, `bar of ${bar[1].length} columns in ${width}`);
    assert.ok(bar[0].length <= width + 1, `labels of ${bar[0].length} columns in ${width}`);
    assert.match(bar[1], /^\[[=|!?]+\]$/);
    // Cycle 2 failed: its system phase is marked.
    assert.ok(bar[1].includes('!'), bar[1]);
  }
  const text = renderText(r, { palette: PLAIN, verbose: false, width: 80 });
  assert.match(text, /phases: kernel \d+\.\d+ s → initrd \d+\.\d+ s {2}\(from uptime 0\.0 s\)/);
  assert.match(text, /\n {2}\[[=|!]+\]\n/);
  // With colour, box characters and the failed phase in red; without, none of that.
  assert.match(renderText(r, { palette: COLOUR, verbose: false, width: 80 }), /━.*\u001b\[31m/);
  assert.not.match(text, /[━│\u001b]/);
});


test('start times: timed lines give exact durations, a console stamp an approximate one, and a console that printed one stamp for many units says nothing of them', () => {
  const exact = new StartTimes();
  exact.message('a.service', 'start-begin', 1, false, true, 1);
  exact.message('b.service', 'start-begin', 1.5, false, true, 2);
  exact.message('a.service', 'started', 4.25, false, true, 3);
  exact.message('b.service', 'start-failed', 2, false, true, 4);
  // (A result on another clock than its start's measures nothing.)
  exact.message('c.service', 'start-begin', 1, false, true, 5);
  exact.message('c.service', 'started', 30000, true, true, 6);
  assert.equal(exact.result().map((s) => [s.unit, s.seconds, s.approximate]), [['a.service', 3.25, false], ['b.service', 0.5, false]]);

  const console = new StartTimes();
  for (const u of ['x.service', 'y.service', 'z.service']) console.message(u, 'start-begin', 10, false, false, 1);
  for (const u of ['x.service', 'y.service']) console.message(u, 'started', 14, false, false, 2);
  console.message('z.service', 'started', 19, false, false, 3);
  assert.equal(console.result().map((s) => [s.unit, s.seconds, s.approximate]), [['z.service', 9, true]]);

  // A wall clock reads as seconds of the day, and goes round at midnight.
  const wall = new StartTimes();
  wall.message('late.service', 'start-begin', wallClock('Nov 24 23:59:58.5')!.t, true, wallClock('Nov 24 23:59:58.5')!.exact, 1);
  wall.message('late.service', 'started', wallClock('Nov 25 00:00:01.25')!.t, true, wallClock('Nov 25 00:00:01.25')!.exact, 2);
  assert.equal(wall.result().map((s) => [s.seconds, s.approximate]), [[2.75, false]]);
  assert.equal(wallClock('2025-11-24T07:19:15+0000'), { t: 7 * 3600 + 19 * 60 + 15, clock: 'wall', exact: false });
  assert.is(wallClock('whenever'), null);
});

test('a real journal with monotonic stamps: the slowest starts are timed exactly, the login and the failure placed on the kernel clock', () => {
  const r = analyze(new Uint8Array(readFileSync(join(CORPORA, 'lab/clean-boot-journal-monotonic/console.log'))));
  const c = r.boots[0]!.cycles.at(-1)!;
  assert.ok(c.slowest.length > 0 && c.slowest.length <= 5);
  assert.ok(c.slowest.every((s) => !s.approximate && s.source === 'timestamps'));
  for (let i = 1; i < c.slowest.length; i++) assert.ok(c.slowest[i - 1]!.seconds >= c.slowest[i]!.seconds);
  assert.ok(c.toLogin !== null && c.toLogin.uptime !== null && c.toLogin.uptime > 60 && c.toLogin.uptime < 90, JSON.stringify(c.toLogin));
  assert.is(c.toFailure, null);
  // The seed-shaped lab capture: the soft-reboot's cycle failed, the first one logged in; the hung device's
  // spinner is its slowest start.
  const t = analyze(new Uint8Array(readFileSync(join(CORPORA, 'lab/device-timeout/console.log'))));
  const [good, bad] = t.boots[0]!.cycles;
  assert.ok(good!.toLogin !== null && good!.toFailure === null);
  assert.ok(bad!.toFailure !== null && bad!.toFailure.uptime! > good!.toLogin!.uptime!);
  assert.is(bad!.slowest[0]!.source, 'spinner');
  assert.ok(bad!.slowest[0]!.unit.startsWith('dev-disk-by\\x2duuid-'));
  const text = renderText(t, { palette: PLAIN, verbose: false, width: 100 });
  assert.match(text, /slowest starts: dev-disk-by\\x2duuid-\S+ \d+\.\d+ s \(its start job’s count\)/);
  assert.match(text, /first failure at line \d+ \(\d+\.\d s after the kernel started\)/);
});

test('power-on: the firmware and loader times PID 1 reports put the login on the machine’s own clock', () => {
  const log = [
    '[    0.000000] Linux version 6.1.0 (x@y) #1 SMP',
    '[    2.000000] systemd[1]: systemd 252 running in system mode (+PAM)',
    '[    3.000000] systemd[1]: Startup finished in 5.500s (firmware) + 1.500s (loader) + 1.000s (kernel) + 2.000s (userspace) = 10.000s.',
    '',
    'host login: ',
  ].join('\n');
  const c = analyze(log + '\n').boots[0]!.cycles[0]!;
  assert.equal(c.toLogin, { line: 5, uptime: 3, fromPowerOn: 10 });
});

test.run();
