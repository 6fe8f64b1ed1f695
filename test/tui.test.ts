/**
 * The TUI rendered into a terminal emulated by @xterm/headless: what a person sees after key presses.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forgetCi } from '../cli/tui/ci.js';
import { CORPORA } from './support/corpus.js';
import { DEADLINE_MS, FakeTerminal } from './support/fake-terminal.js';
import { runOnPty, shebangFlags } from './support/pty.js';

// ink reads CI when it is loaded: the TUI drops it first, and so must the test before loading the UI.
forgetCi();
const { showUntilQuit } = await import('../cli/tui/run.js');
const { TuiModel } = await import('../cli/tui/model.js');
type Model = InstanceType<typeof TuiModel>;

const SEED = readFileSync(join(CORPORA, 'tmt-soft-reboot-var-mount-status/console.log'));

function loaded(bytes: Buffer, name = 'seed.log'): Model {
  const m = new TuiModel(name, { live: false });
  m.write(bytes);
  m.finish();
  return m;
}

/** UIs still on screen; a failed test leaves its UI open, which would keep the test run alive. */
const opened: Array<() => void> = [];

async function open(model: Model, cols = 80, rows = 24) {
  const t = new FakeTerminal(cols, rows);
  let stop: () => void = () => {};
  const quit = showUntilQuit(model, { stdout: t.stdout, stdin: t.stdin }, 20, (q) => (stop = q));
  opened.push(() => stop());
  await t.waitFor(/bootwhy/);
  return { t, quit };
}

test.after.each(() => {
  for (const stop of opened.splice(0)) stop();
});

/** Waits for the UI to end (after `q`), failing clearly if it never does. */
async function ended<T>(quit: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the UI did not end within ${DEADLINE_MS} ms of q`)), DEADLINE_MS)));
  try {
    return await Promise.race([quit, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The console row shown inverse (the line a finding or a search points at), or '' if none is. */
function markedRow(t: FakeTerminal, firstRow: number): string {
  const b = t.term.buffer.active;
  for (let y = firstRow; y < t.rows; y++) {
    const line = b.getLine(b.baseY + y)!;
    if (line.getCell(5)?.isInverse()) return line.translateToString(true);
  }
  return '';
}

function noWrappedRows(t: FakeTerminal): void {
  const b = t.term.buffer.active;
  for (let y = 0; y < t.rows; y++) assert.not.ok(b.getLine(b.baseY + y)?.isWrapped, `row ${y} wrapped`);
}

test('seed case: the state, the root cause and the cascade are on screen at 80×24', async () => {
  const { t, quit } = await open(loaded(SEED));
  const s = await t.waitFor(/ROOT CAUSE/);
  const text = s.join('\n');
  assert.match(s[0]!, /^ bootwhy {2}EMERGENCY {2}finished/);
  assert.match(text, /ROOT CAUSE: var\.mount failed to mount \/var/);
  assert.match(text, /cloud-init-main\.service — dependency failed/);
  // (The cycle's row says in words how it began: userspace restarted on a kernel already running.)
  assert.match(text, /cycle 1 restarted/, text);
  assert.ok(s.every((row) => row.length <= 80));
  noWrappedRows(t);
  await t.press('q');
  const report = await ended(quit);
  assert.is(report.verdict, 'failed');
});

test('Tab to the findings, j: the console pane jumps to the evidence line', async () => {
  const { t, quit } = await open(loaded(SEED));
  await t.waitFor(/ROOT CAUSE/);
  // j: the root cause (line 6), j: the first unit of its cascade (line 8).
  await t.press('\t', 'j');
  await t.waitFor(/line 6 /);
  await t.press('j');
  const s = await t.waitFor(/line 8 /);
  const consoleStart = s.findIndex((r) => /console row/.test(r));
  assert.ok(consoleStart > 0, s.join('\n'));
  const consoleRows = s.slice(consoleStart + 1).join('\n');
  assert.match(consoleRows, /Dependency failed for cloud-init-m…rvice/);
  // The line it points at is highlighted (inverse) in the console pane.
  assert.match(markedRow(t, consoleStart + 1), /\[DEPEND\] Dependency failed for cloud-init-m…rvice/);
  await t.press('q');
  await ended(quit);
});

test('keys typed faster than frames all count', async () => {
  const { t, quit } = await open(loaded(SEED));
  await t.waitFor(/ROOT CAUSE/);
  await t.press('\t', 'jj');
  await t.waitFor(/line 8 /);
  await t.press('q');
  await ended(quit);
});

test('Enter on the root cause folds the cascade and unfolds it again', async () => {
  const { t, quit } = await open(loaded(SEED));
  await t.waitFor(/ROOT CAUSE/);
  await t.press('\t', 'k', 'j');
  // j moved onto the root cause (row 1 after the cycle's start note); fold it.
  await t.press('g', 'j', '\r');
  await t.waitFor((rows) => !/cloud-init-main\.service — dependency failed/.test(rows.join('\n')));
  await t.press('\r');
  await t.waitFor(/cloud-init-main\.service — dependency failed/);
  await t.press('q');
  await ended(quit);
});

test('/ searches the console, n finds the next match; ? shows the keys', async () => {
  const { t, quit } = await open(loaded(SEED));
  await t.waitFor(/ROOT CAUSE/);
  await t.press('/', 'X', 'F', 'S');
  await t.waitFor(/\/XFS▏/);
  await t.press('\r');
  // The prompt shows `/XFS▏` while typing; only the search itself leaves `/XFS` as the message (the prompt
  // gone) and marks the first match in the console pane.
  const consoleRows = (rows: string[]) => rows.findIndex((r) => /console row/.test(r)) + 1;
  let s = await t.waitFor((rows) => /\/XFS {2}·/.test(rows.join('\n')) && consoleRows(rows) > 0 && /XFS/.test(markedRow(t, consoleRows(rows))));
  assert.match(s.slice(12).join('\n'), /XFS \(vda3\)/);
  assert.match(markedRow(t, consoleRows(s)), /XFS \(vda3\): Mounting V5 Filesystem/);
  // n: the mark moves on to the next match.
  await t.press('n');
  s = await t.waitFor((rows) => consoleRows(rows) > 0 && /XFS \(vda3\): Ending clean mount/.test(markedRow(t, consoleRows(rows))));
  await t.press('?');
  s = await t.waitFor(/Keys/);
  assert.match(s.join('\n'), /failures only/);
  await t.press('\u001b');
  // The help itself names the timeline: wait for the help to be gone and the panes back.
  await t.waitFor((rows) => !/Esc closes this help/.test(rows.join('\n')) && /timeline ─/.test(rows.join('\n')));
  await t.press('q');
  await ended(quit);
});

test('a search typed faster than frames (one chunk) keeps every character', async () => {
  const { t, quit } = await open(loaded(SEED));
  await t.waitFor(/ROOT CAUSE/);
  await t.press('/XFS');
  await t.waitFor(/\/XFS▏/);
  await t.press('\r');
  const s = await t.waitFor(/\/XFS  ·/);
  assert.match(s.slice(12).join('\n'), /XFS \(vda3\)/);
  await t.press('q');
  await ended(quit);
});

test('f keeps only failed entries in the timeline', async () => {
  const both = Buffer.concat([readFileSync(join(CORPORA, 'lab/soft-reboot/console.log')), readFileSync(join(CORPORA, 'lab/failing-service/console.log'))]);
  const { t, quit } = await open(loaded(both), 100, 30);
  let s = await t.waitFor(/Boot 2/);
  const timelineRows = (rows: string[]) => rows.slice(2, 15).map((r) => r.split('│')[0]!).join('\n');
  assert.match(timelineRows(s), /Boot 1/);
  await t.press('f');
  s = await t.waitFor(/timeline \(failures\)/);
  assert.not.match(timelineRows(s), /Boot 1/, timelineRows(s));
  assert.match(timelineRows(s), /Boot 2/);
  await t.press('q');
  await ended(quit);
});

test('a start job still running on a live console: its elapsed time counts on while nothing arrives', async () => {
  const log = readFileSync(join(CORPORA, 'lab/device-timeout/console.log'));
  // Up to the spinner frame that says 8s of 10s, before systemd gives up on the device.
  const cut = log.indexOf('(8s / 10s)') + 20;
  const model = new TuiModel('live.sock', { live: true });
  model.write(log.subarray(0, cut));
  model.analyzer.checkPartialLine();
  const { t, quit } = await open(model, 100, 30);
  const first = await t.waitFor(/⧗ \d+min \d+s \/ 10s waiting on dev-disk-by/);
  const seconds = (rows: string[]): number | null => {
    const m = /⧗ (\d+)min (\d+)s \/ 10s waiting on dev-disk-by/.exec(rows.join('\n'));
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  };
  const before = seconds(first)!;
  // No byte arrives: the clock alone must move it on by two seconds (however long that takes here).
  const later = await t.waitFor((rows) => (seconds(rows) ?? -1) >= before + 2);
  assert.ok(seconds(later)! >= before + 2, `${before} → ${seconds(later)}`);
  assert.match(later[0]!, /live/);
  await t.press('q');
  await ended(quit);
});

test('resizing redraws at the new size', async () => {
  const { t, quit } = await open(loaded(SEED));
  await t.waitFor(/ROOT CAUSE/);
  t.resize(120, 30);
  // Redrawn: the pane titles run to the new width.
  const s = await t.waitFor((rows) => rows.some((r) => r.length > 100) && /cloud-init-main\.service — dependency failed/.test(rows.join('\n')));
  assert.match(s[0]!, /^ bootwhy/);
  noWrappedRows(t);
  t.resize(60, 20);
  await t.waitFor((rows) => /ROOT CAUSE/.test(rows.join('\n')) && rows.every((r) => r.length <= 60) && /^ bootwhy/.test(rows[0]!));
  noWrappedRows(t);
  await t.press('q');
  await ended(quit);
});

test('guest escape sequences never reach the terminal: titles, clipboard, cursor moves are rendered or dropped', async () => {
  const hostile = Buffer.from(
    '[    0.000000] Linux version 6.12.0 (x@y) #1 SMP\r\n' +
      '\u001b]0;pwned title\u0007\u001b]52;c;ZWNobyBoaQ==\u0007\u001b[2J\u001b[H\u001b[?1049l' +
      '[    1.000000] after the escapes\r\n\u001b[31mred text\u001b[0m\r\n',
  );
  const model = loaded(hostile, 'hostile.log');
  const { t, quit } = await open(model);
  let title = '';
  t.term.onTitleChange((s) => (title = s));
  const s = await t.waitFor(/after the escapes/);
  assert.not.ok(t.written.includes(']52;'), 'no clipboard write');
  assert.not.ok(t.written.includes('pwned'), 'no title');
  assert.is(title, '');
  assert.match(s.join('\n'), /red text/);
  await t.press('q');
  await ended(quit);
});

/** A console generated line by line: systemd's coloured status lines (every unit distinct) and kernel lines. */
function floodLog(lines: number): Buffer {
  const out: string[] = ['[    0.000000] Linux version 6.12.0 (x@y) #1 SMP\r\n', '[    1.000000] Run /init as init process\r\n'];
  for (let n = 0; n < lines; n++) {
    if (n % 5 === 0) out.push(`[${(2 + n / 1000).toFixed(6).padStart(12)}] e1000e ${n}: eth${n % 8}: link is up, 1000 Mbps full duplex\r\n`);
    else if (n % 5 === 1) out.push(`[\u001b[0;32m  OK  \u001b[0m] Started \u001b[0;1;39mservice-${n}.service\u001b[0m - Service Number ${n}.\r\n`);
    else if (n % 5 === 2) out.push(`[\u001b[0;1;31mFAILED\u001b[0m] Failed to start \u001b[0;1;39munit-${n}.service\u001b[0m - Unit Number ${n}.\r\n`);
    else out.push(`[\u001b[0;1;38;5;185mDEPEND\u001b[0m] Dependency failed for \u001b[0;1;39mUnit Number ${n}\u001b[0m.\r\n`);
  }
  return Buffer.from(out.join(''));
}

test('memory: the real TUI on a pty stays under 150 MiB on a large console, near what it takes on a small log', async () => {
  const root = resolve(CORPORA, '..');
  const bin = join(root, 'dist/bin/bootwhy.js');
  const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-tui-memory-'));
  // The process's own accounting at exit: peak RSS, open descriptors, performance entries kept.
  const preload = join(tmp, 'stats.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => {
      const fs = require('fs');
      const { performance } = require('perf_hooks');
      let fds = -1;
      try { fds = fs.readdirSync('/proc/self/fd').length; } catch {}
      const kept = performance.getEntriesByType('measure').length + performance.getEntriesByType('mark').length;
      fs.writeFileSync(process.env.BOOTWHY_STATS, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, fds, kept }));
    });`,
  );
  // 150,000 lines (about 10 MB): fifty times the console pane's history, past the analyzer's limits on
  // failures kept and the pane's queue, and long enough to draw many frames while it is read.
  const big = join(tmp, 'big.log');
  writeFileSync(big, floodLog(150_000));
  const bigBytes = statSync(big).size;
  const small = join(tmp, 'small.log');
  writeFileSync(small, SEED);
  const measure = async (log: string, name: string) => {
    const stats = join(tmp, `${name}.json`);
    // Started as its launcher starts it (the #! line's V8 flags); on a pty that reports no size, as an
    // unsized serial console does; quit with q once the header says the whole log was read.
    const out = await runOnPty([process.execPath, ...shebangFlags(bin), '-r', preload, bin, 'tui', log], {
      trigger: '  finished  ',
      env: { BOOTWHY_STATS: stats, NODE_ENV: '' },
    });
    let text: string;
    try {
      text = readFileSync(stats, 'utf8');
    } catch {
      throw new Error(`the TUI on ${name} left no statistics; its output ended with:\n${out.toString('utf8').slice(-2000)}`);
    }
    assert.match(out.toString('utf8'), /Root cause|Boot 1/, `the report is printed after the TUI on ${name}`);
    return JSON.parse(text) as { maxRssKiB: number; fds: number; kept: number };
  };
  let base: Awaited<ReturnType<typeof measure>>;
  let large: typeof base;
  try {
    base = await measure(small, 'small');
    large = await measure(big, 'big');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
  const figures = `peak RSS ${mib(large.maxRssKiB)} on ${(bigBytes / 1e6).toFixed(0)} MB, ${mib(base.maxRssKiB)} on a ${SEED.length}-byte log`;
  // React's development build keeps a performance measure for every component render (Node holds them).
  assert.is(large.kept, 0, `performance entries kept: ${large.kept} (${figures})`);
  // ink asks terminal-size, which opens /dev/tty, on every frame when the terminal reports no size.
  if (base.fds >= 0) assert.ok(large.fds <= base.fds + 2, `open descriptors ${large.fds} at the end, ${base.fds} on the small log`);
  assert.ok(large.maxRssKiB < 150 * 1024, figures);
  // Bounded: the pane's history, the analyzer's limits and the heap they need; not the input's size.
  assert.ok(large.maxRssKiB - base.maxRssKiB < 40 * 1024, figures);
});

test.run();
