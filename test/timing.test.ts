/** Where the time went: phase durations, systemd's `Startup finished` in numbers, and the boot as a bar. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze } from '../parsers/index.js';
import { parseStartupFinished, parseTimespan, phaseDurations } from '../parsers/diagnose/timing.js';
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

test.run();
