/**
 * Keys → named commands. The view acts on commands only, so a binding is one row here, the help screen is
 * made from the same table, and tests press keys by the names people know.
 */
import type { Key } from 'ink';

export type Command =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'left'
  | 'right'
  | 'toggle'
  | 'nextPane'
  | 'prevPane'
  | 'search'
  | 'searchNext'
  | 'searchPrev'
  | 'failuresOnly'
  | 'follow'
  | 'help'
  | 'quit';

interface Binding {
  keys: string;
  command: Command;
  help: string;
  match: (input: string, key: Key) => boolean;
}

const ch = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;

export const BINDINGS: readonly Binding[] = [
  { keys: '↑ k', command: 'up', help: 'previous entry / scroll up', match: (i, k) => k.upArrow || ch('k')(i, k) },
  { keys: '↓ j', command: 'down', help: 'next entry / scroll down', match: (i, k) => k.downArrow || ch('j')(i, k) },
  { keys: 'PgUp', command: 'pageUp', help: 'a page up', match: (_, k) => k.pageUp },
  { keys: 'PgDn space', command: 'pageDown', help: 'a page down', match: (i, k) => k.pageDown || i === ' ' },
  { keys: 'g Home', command: 'top', help: 'first entry / top of the console', match: (i, k) => ch('g')(i, k) || k.home },
  { keys: 'G End', command: 'bottom', help: 'last entry / end of the console (follows it)', match: (i, k) => ch('G')(i, k) || k.end },
  { keys: '← h', command: 'left', help: 'console: scroll left', match: (i, k) => k.leftArrow || ch('h')(i, k) },
  { keys: '→ l', command: 'right', help: 'console: scroll right', match: (i, k) => k.rightArrow || ch('l')(i, k) },
  { keys: 'Enter', command: 'toggle', help: 'expand or collapse; on a finding, show its line in the console', match: (_, k) => k.return },
  { keys: 'Tab', command: 'nextPane', help: 'next pane (timeline → findings → console)', match: (_, k) => k.tab && !k.shift },
  { keys: 'S-Tab', command: 'prevPane', help: 'previous pane', match: (_, k) => k.tab && k.shift },
  { keys: '/', command: 'search', help: 'search the console', match: ch('/') },
  { keys: 'n', command: 'searchNext', help: 'next match', match: ch('n') },
  { keys: 'N', command: 'searchPrev', help: 'previous match', match: ch('N') },
  { keys: 'f', command: 'failuresOnly', help: 'failures only (timeline and findings)', match: ch('f') },
  { keys: 'F', command: 'follow', help: 'console: follow new output', match: ch('F') },
  { keys: '?', command: 'help', help: 'this help', match: ch('?') },
  { keys: 'q Ctrl-C', command: 'quit', help: 'quit and print the report', match: (i, k) => ch('q')(i, k) || (k.ctrl && i === 'c') },
];

export function commandFor(input: string, key: Key): Command | null {
  for (const b of BINDINGS) if (b.match(input, key)) return b.command;
  return null;
}
