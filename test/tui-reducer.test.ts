/**
 * The TUI's reducer without a screen: the seed-shaped lab capture's report (a good cycle, then a
 * soft-reboot into emergency mode), its timeline and findings as the view
 * derives them, and the console pane's lookups over the log's own lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze } from '../parsers/index.js';
import { findings, timeline } from '../cli/tui/outline.js';
import { defaultIndex, initial, reduce, type Action, type UiState, type View } from '../cli/tui/reducer.js';
import { CORPORA } from './support/corpus.js';

const bytes = readFileSync(join(CORPORA, 'lab/var-bind-soft-reboot/console.log'));
const report = analyze(new Uint8Array(bytes));
const lines = bytes.toString('utf8').split('\n');

/** The view as app.tsx derives it from the state: rows, the selected entry's findings, a 10-row console. */
function viewOf(s: UiState): View {
  const rows = timeline(report, s.failuresOnly);
  const sel = s.timelineKey !== null ? rows.findIndex((r) => r.key === s.timelineKey) : defaultIndex(rows);
  const found = findings(report, rows[Math.max(0, sel)], s.expanded, s.collapsed);
  const consoleHeight = 10;
  const consoleEnd = Math.max(0, lines.length - consoleHeight);
  return {
    rows,
    found,
    consoleHeight,
    consoleTop: s.consoleTop === null ? consoleEnd : Math.min(s.consoleTop, consoleEnd),
    consoleEnd,
    topRows: 8,
    consoleCols: 120,
    // (Console row n shows log line n + 1 here: one row a line.)
    rowOf: (line) => (line >= 1 && line <= lines.length ? line - 1 : -1),
    search: (query, from, direction) => {
      for (let r = from + direction; r >= 0 && r < lines.length; r += direction) if (lines[r]!.includes(query)) return r;
      return -1;
    },
  };
}

function step(s: UiState, ...actions: Array<Action | Action['type'] | string>): UiState {
  for (const a of actions) {
    const action: Action = typeof a !== 'string' ? a : ['search-erase', 'search-enter', 'search-cancel', 'help-close'].includes(a) ? ({ type: a } as Action) : ({ type: 'command', command: a } as Action);
    s = reduce(s, action, viewOf(s));
  }
  return s;
}

test('the selection starts on the failed cycle; Enter opens its findings, j moves to the evidence and marks its console row', () => {
  const rows = timeline(report, false);
  const first = rows[defaultIndex(rows)]!;
  assert.ok(first.failed && first.cycle !== null, JSON.stringify(first));
  let s = step(initial, 'toggle');
  assert.is(s.pane, 'findings');
  s = step(s, 'down');
  assert.is(s.findingIndex, 1);
  const f = viewOf(s).found[1]!;
  if (f.line !== null) {
    assert.is(s.mark, f.line - 1);
    assert.match(s.message, /^line \d+$/);
    assert.ok(s.consoleTop !== null && s.consoleTop <= s.mark!);
  }
  // Up past the first entry stays there.
  assert.is(step(s, 'up', 'up', 'up').findingIndex, 0);
});

test('Enter on the root cause folds its cascade and unfolds it again', () => {
  const s0 = step(initial, 'toggle');
  const before = viewOf(s0).found.length;
  const root = viewOf(s0).found.findIndex((f) => f.expandable);
  assert.ok(root >= 0);
  const at = { ...s0, findingIndex: root };
  const folded = step(at, 'toggle');
  assert.ok(viewOf(folded).found.length < before, 'fewer rows when folded');
  assert.is(viewOf(step(folded, 'toggle')).found.length, before);
});

test('Tab goes round the panes; the console scrolls, stops at its ends and follows again at the bottom', () => {
  assert.equal([1, 2, 3].map((n) => step(initial, ...Array<string>(n).fill('nextPane')).pane), ['findings', 'console', 'timeline']);
  assert.is(step(initial, 'prevPane').pane, 'console');
  const c = step(initial, 'nextPane', 'nextPane');
  const end = viewOf(c).consoleEnd;
  const up = step(c, 'pageUp');
  assert.is(up.consoleTop, end - 10);
  assert.is(step(c, 'top', 'up').consoleTop, 0);
  // Down to the end: following again (null), as G does.
  assert.is(step(up, 'pageDown', 'pageDown').consoleTop, null);
  assert.is(step(up, 'bottom').consoleTop, null);
  assert.is(step(c, 'left').consoleLeft, 0);
  assert.is(step(c, 'right', 'right').consoleLeft, 16);
});

test('/ then a query and Enter: the console shows the match; n finds the next, and a miss says so', () => {
  // (From the top of the console: a search goes on from the rows shown.)
  let s = step(initial, 'nextPane', 'nextPane', 'top', 'search');
  assert.ok(s.searching);
  s = step(s, { type: 'search-type', text: 'var.mou' }, { type: 'search-type', text: 'nt\u001b]0;x\u0007' }, 'search-erase');
  // (What the guest's bytes could do in a query is neutered as in every output.)
  assert.not.ok(s.query.includes('\u001b'));
  s = step(s, { type: 'search-type', text: '' });
  s = { ...s, query: 'var.mount' };
  s = step(s, 'search-enter');
  assert.is(s.pane, 'console');
  assert.not.ok(s.searching);
  const first = s.mark!;
  assert.ok(lines[first]!.includes('var.mount'));
  const next = step(s, 'searchNext').mark!;
  assert.ok(next > first && lines[next]!.includes('var.mount'));
  assert.match(step({ ...s, query: 'no such text anywhere' }, 'searchNext').message, /^not found/);
  assert.match(step(initial, 'searchNext').message, /no search yet/);
  assert.is(step(step(initial, 'search'), 'search-cancel').searching, false);
});

test('f keeps failed entries only, and says so; ? opens and closes the help', () => {
  const f = step(initial, 'failuresOnly');
  assert.ok(f.failuresOnly);
  assert.is(f.message, 'failures only');
  assert.ok(viewOf(f).rows.every((r) => r.failed));
  assert.ok(viewOf(f).rows.length < viewOf(initial).rows.length);
  assert.is(step(f, 'failuresOnly').message, 'showing everything');
  assert.ok(step(initial, 'help').help);
  assert.not.ok(step(initial, 'help', 'help-close').help);
});

test.run();
