/**
 * The TUI's state and how each action changes it: a pure function of the state, the action and what the
 * frame shows (`View`: the timeline's rows, the findings, the console pane's geometry and its two lookups).
 * app.tsx draws the state and dispatches actions; tests run this without a screen (test/tui.test.ts).
 */
import { safeText } from '../terminal-safe.js';
import type { Command } from './keys.js';
import type { FindingRow, TimelineRow } from './outline.js';

export type Pane = 'timeline' | 'findings' | 'console';
export const PANES: readonly Pane[] = ['timeline', 'findings', 'console'];

export interface UiState {
  pane: Pane;
  timelineKey: string | null;
  findingIndex: number;
  expanded: Set<string>;
  collapsed: Set<string>;
  failuresOnly: boolean;
  /** Top row of the console pane; null follows the end. */
  consoleTop: number | null;
  consoleLeft: number;
  /** A console row to highlight (a finding's line, a search match). */
  mark: number | null;
  help: boolean;
  searching: boolean;
  query: string;
  message: string;
}

export const initial: UiState = {
  pane: 'timeline',
  timelineKey: null,
  findingIndex: 0,
  expanded: new Set(),
  collapsed: new Set(),
  failuresOnly: false,
  consoleTop: null,
  consoleLeft: 0,
  mark: null,
  help: false,
  searching: false,
  query: '',
  message: '',
};

/** What the frame shows that an action acts on. */
export interface View {
  rows: readonly TimelineRow[];
  found: readonly FindingRow[];
  consoleHeight: number;
  /** The console pane's top row as drawn (following the end when the state says null). */
  consoleTop: number;
  consoleEnd: number;
  topRows: number;
  consoleCols: number;
  /** The console row that shows a log line (-1: scrolled out). */
  rowOf(line: number, text: string | null): number;
  /** The next console row holding `query` from `from` on in `direction` (-1: none). */
  search(query: string, from: number, direction: 1 | -1): number;
}

export type Action =
  | { type: 'command'; command: Exclude<Command, 'quit'> }
  | { type: 'search-type'; text: string }
  | { type: 'search-erase' }
  | { type: 'search-enter' }
  | { type: 'search-cancel' }
  | { type: 'help-close' };

export function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Until a person picks an entry, the selection follows the newest failed cycle, else failed boot, else the newest. */
export function defaultIndex(rows: readonly TimelineRow[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.failed && rows[i]!.cycle !== null) return i;
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.failed) return i;
  return rows.length - 1;
}

/** Show a finding's line in the console pane, a third of the way down. */
function jumpTo(f: FindingRow | undefined, s: UiState, v: View): UiState {
  if (!f || f.line === null) return s;
  const row = v.rowOf(f.line, f.lineText);
  if (row < 0) return { ...s, message: `line ${f.line} is no longer in the console pane's scrollback` };
  return { ...s, mark: row, consoleTop: Math.max(0, row - Math.floor(v.consoleHeight / 3)), message: `line ${f.line}` };
}

function findNext(s: UiState, direction: 1 | -1, v: View): UiState {
  if (s.query === '') return { ...s, message: 'no search yet: press /' };
  const from = s.mark ?? (direction === 1 ? v.consoleTop - 1 : v.consoleTop + v.consoleHeight);
  const row = v.search(s.query, from, direction);
  if (row < 0) return { ...s, mark: null, message: `not found: ${s.query}` };
  return { ...s, mark: row, consoleTop: Math.max(0, row - Math.floor(v.consoleHeight / 3)), message: `/${s.query}` };
}

export function reduce(s: UiState, action: Action, v: View): UiState {
  switch (action.type) {
    case 'search-type':
      return { ...s, query: s.query + safeText(action.text) };
    case 'search-erase':
      return { ...s, query: s.query.slice(0, -1) };
    case 'search-enter':
      return findNext({ ...s, searching: false, pane: 'console' }, 1, v);
    case 'search-cancel':
      return { ...s, searching: false, message: '' };
    case 'help-close':
      return { ...s, help: false };
    case 'command':
      return command(s, action.command, v);
  }
}

function command(s: UiState, cmd: Exclude<Command, 'quit'>, v: View): UiState {
  const { rows, found } = v;
  const list = s.pane === 'timeline' ? rows.length : found.length;
  const page = s.pane === 'console' ? v.consoleHeight : v.topRows;
  // Positions come from `s`, not from the last frame: keys typed faster than frames all count.
  const moveList = (delta: number): UiState => {
    if (s.pane === 'timeline') {
      const cur = s.timelineKey !== null ? Math.max(0, rows.findIndex((r) => r.key === s.timelineKey)) : defaultIndex(rows);
      const i = clamp(cur + delta, 0, list - 1);
      return { ...s, timelineKey: rows[i]?.key ?? null, findingIndex: 0, mark: null };
    }
    const i = clamp(Math.min(s.findingIndex, list - 1) + delta, 0, list - 1);
    return jumpTo(found[i], { ...s, findingIndex: i }, v);
  };
  const scroll = (delta: number): UiState => {
    const top = clamp(v.consoleTop + delta, 0, v.consoleEnd);
    return { ...s, consoleTop: top >= v.consoleEnd && delta > 0 ? null : top };
  };
  switch (cmd) {
    case 'up':
      return s.pane === 'console' ? scroll(-1) : moveList(-1);
    case 'down':
      return s.pane === 'console' ? scroll(1) : moveList(1);
    case 'pageUp':
      return s.pane === 'console' ? scroll(-page) : moveList(-page);
    case 'pageDown':
      return s.pane === 'console' ? scroll(page) : moveList(page);
    case 'top':
      return s.pane === 'console' ? { ...s, consoleTop: 0 } : moveList(-list);
    case 'bottom':
      return s.pane === 'console' ? { ...s, consoleTop: null } : moveList(list);
    case 'left':
      return { ...s, consoleLeft: Math.max(0, s.consoleLeft - 8) };
    case 'right':
      return { ...s, consoleLeft: Math.max(0, Math.min(v.consoleCols - 8, s.consoleLeft + 8)) };
    case 'toggle': {
      if (s.pane === 'timeline') return { ...s, pane: 'findings', findingIndex: 0 };
      const f = found[Math.min(s.findingIndex, found.length - 1)];
      if (!f) return s;
      if (f.expandable) {
        // (Entries down to depth 1 start open: collapsing one is remembered, as is opening a deeper one.)
        const defaultOpen = f.depth <= 1;
        const expanded = new Set(s.expanded);
        const collapsed = new Set(s.collapsed);
        if (defaultOpen) {
          if (f.expanded) collapsed.add(f.key);
          else collapsed.delete(f.key);
        } else if (f.expanded) expanded.delete(f.key);
        else expanded.add(f.key);
        return jumpTo(f, { ...s, expanded, collapsed }, v);
      }
      return jumpTo(f, s, v);
    }
    case 'nextPane':
    case 'prevPane': {
      const i = PANES.indexOf(s.pane) + (cmd === 'nextPane' ? 1 : PANES.length - 1);
      return { ...s, pane: PANES[i % PANES.length]! };
    }
    case 'search':
      return { ...s, searching: true, query: '', message: '' };
    case 'searchNext':
    case 'searchPrev':
      return findNext(s, cmd === 'searchNext' ? 1 : -1, v);
    case 'failuresOnly':
      return { ...s, failuresOnly: !s.failuresOnly, findingIndex: 0, message: s.failuresOnly ? 'showing everything' : 'failures only' };
    case 'follow':
      return { ...s, consoleTop: null, mark: null };
    case 'help':
      return { ...s, help: !s.help };
  }
}
