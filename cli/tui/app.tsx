/**
 * The TUI: a header, the timeline (boots → userspace cycles), the selected entry's findings (root cause on
 * top, the cascade as a tree), and the console as a terminal shows it. Keys act through named commands
 * (keys.ts); the model is polled, so a console flood never waits on drawing.
 */
import { Box, Text, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState, type ReactElement } from 'react';
import type { Report } from '../../parsers/index.js';
import { safeText } from '../terminal-safe.js';
import type { Segment } from './console-screen.js';
import { BINDINGS, commandFor, type Command } from './keys.js';
import type { TuiModel } from './model.js';
import { findings, seconds, timeline, type FindingRow, type TimelineRow } from './outline.js';
import { clamp, defaultIndex, initial, reduce, type UiState, type View } from './reducer.js';

export interface AppProps {
  model: TuiModel;
  onQuit: () => void;
  /** Redraw interval, ms. */
  frameMs?: number;
}

export function App({ model, onQuit, frameMs = 100 }: AppProps): ReactElement {
  const { stdout } = useStdout();
  const [size, setSize] = useState({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [ui, setUi] = useState<UiState>(initial);
  /** Search mode as of the last key, not the last frame. */
  const searching = useRef(false);
  /** The help screen is open, as of the last key (not the last frame: Esc then q typed fast both count). */
  const helpOpen = useRef(false);

  useEffect(() => {
    const onResize = (): void => setSize({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout]);

  // Poll the model: redraw when it changed, and once a second for the clocks.
  useEffect(() => {
    let seen = -1;
    let ticked = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      if (model.version !== seen || now - ticked >= 1000) {
        seen = model.version;
        ticked = now;
        redraw();
      }
    }, frameMs);
    return () => clearInterval(timer);
  }, [model, frameMs]);

  const report = model.report();
  const layout = computeLayout(size.cols, size.rows);
  const rows = useMemo(() => timeline(report, ui.failuresOnly), [report, ui.failuresOnly]);
  // Until a person picks an entry, the selection follows the newest failed entry, else the newest.
  const selectedIndex = Math.max(0, ui.timelineKey !== null ? rows.findIndex((r) => r.key === ui.timelineKey) : defaultIndex(rows));
  const selected = rows[selectedIndex];
  const found = useMemo(() => {
    const list = findings(report, selected, ui.expanded, ui.collapsed);
    return ui.failuresOnly ? list.filter((f) => f.failure || f.depth > 0) : list;
  }, [report, selected, ui.expanded, ui.collapsed, ui.failuresOnly]);
  const liveJob = !model.finished && selected && isNewest(report, selected) ? model.lastJob : null;
  const findingIndex = Math.min(ui.findingIndex, Math.max(0, found.length - 1));

  const consoleHeight = layout.consoleRows;
  const consoleEnd = Math.max(0, model.screen.length - consoleHeight);
  const consoleTop = ui.consoleTop === null ? consoleEnd : Math.min(ui.consoleTop, consoleEnd);

  // What the keys act on, as of this frame: the reducer (reducer.ts) is pure, and tested without a screen.
  const view: View = {
    rows,
    found,
    consoleHeight,
    consoleTop,
    consoleEnd,
    topRows: layout.topRows,
    consoleCols: model.screen.cols,
    rowOf: (line, text) => model.screen.rowOf(line, text),
    search: (query, from, direction) => model.screen.search(query, from, direction),
  };

  const run = (cmd: Command): void => {
    if (cmd === 'quit') return onQuit();
    setUi((s) => reduce(s, { type: 'command', command: cmd }, view));
  };

  useInput((input, key) => {
    // Read from a ref, not the last render: keys typed faster than frames (`/` then `XFS`) belong to the
    // search as soon as `/` was pressed.
    if (searching.current) {
      if (key.return) {
        searching.current = false;
        return setUi((s) => reduce(s, { type: 'search-enter' }, view));
      }
      if (key.escape) {
        searching.current = false;
        return setUi((s) => reduce(s, { type: 'search-cancel' }, view));
      }
      if (key.backspace || key.delete) return setUi((s) => reduce(s, { type: 'search-erase' }, view));
      if (input && !key.ctrl && !key.meta) return setUi((s) => reduce(s, { type: 'search-type', text: input }, view));
      return;
    }
    if (helpOpen.current && (key.escape || input === 'q')) {
      helpOpen.current = false;
      return setUi((s) => reduce(s, { type: 'help-close' }, view));
    }
    // Keys typed fast (or pasted) arrive together: each character is a key of its own.
    const presses = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
    for (let i = 0; i < presses.length; i++) {
      if (searching.current) {
        // The rest of a chunk typed after `/` is the query.
        const rest = presses.slice(i).join('');
        setUi((s) => reduce(s, { type: 'search-type', text: rest }, view));
        break;
      }
      const cmd = commandFor(presses[i]!, key);
      if (cmd === 'search') searching.current = true;
      if (cmd === 'help') helpOpen.current = !helpOpen.current;
      if (cmd) run(cmd);
    }
  });

  return (
    <Box flexDirection="column" width={size.cols} height={layout.height}>
      <Header model={model} report={report} width={size.cols} />
      {ui.help ? (
        <Help height={layout.height - 2} width={size.cols} />
      ) : (
        <>
          <Box height={layout.topRows + 1}>
            <Box flexDirection="column" width={layout.leftWidth}>
              <Title text={`timeline${ui.failuresOnly ? ' (failures)' : ''}`} focused={ui.pane === 'timeline'} width={layout.leftWidth} />
              <Timeline rows={rows} selected={selectedIndex} height={layout.topRows} width={layout.leftWidth} focused={ui.pane === 'timeline'} />
            </Box>
            <Box flexDirection="column" width={1}>
              {Array.from({ length: layout.topRows + 1 }, (_, i) => (
                <Text key={i} dimColor>
                  │
                </Text>
              ))}
            </Box>
            <Box flexDirection="column" width={layout.rightWidth}>
              <Title text={selected ? `${selected.cycle === null ? `boot ${selected.boot}` : `boot ${selected.boot} · cycle ${selected.cycle}`}` : 'findings'} focused={ui.pane === 'findings'} width={layout.rightWidth} />
              <Findings rows={found} selected={findingIndex} height={layout.topRows} width={layout.rightWidth} focused={ui.pane === 'findings'} liveJob={liveJob} />
            </Box>
          </Box>
          <Title
            text={`console${ui.consoleTop === null ? ' (following)' : ` row ${consoleTop + 1}/${model.screen.length}`}${ui.consoleLeft > 0 ? ` ←${ui.consoleLeft}` : ''}${model.screen.skipped > 0 ? ` · ${model.screen.skipped} bytes skipped in a flood` : ''}`}
            focused={ui.pane === 'console'}
            width={size.cols}
          />
          <ConsolePane segments={model.screen.rows(consoleTop, consoleHeight, size.cols, ui.consoleLeft)} top={consoleTop} mark={ui.mark} />
        </>
      )}
      <StatusBar ui={ui} width={size.cols} status={model.status} />
    </Box>
  );
}

interface Layout {
  /** Rows the app draws: one less than the terminal, so ink never scrolls it. */
  height: number;
  topRows: number;
  consoleRows: number;
  leftWidth: number;
  rightWidth: number;
}

export function computeLayout(cols: number, rows: number): Layout {
  const height = Math.max(8, rows - 1);
  const body = height - 4; // header, two pane titles, status bar
  const topRows = Math.max(3, Math.floor(body * 0.45));
  const consoleRows = Math.max(1, body - topRows - 1); // the console title
  const leftWidth = clamp(Math.floor(cols * 0.34), 20, 40);
  return { height, topRows, consoleRows, leftWidth, rightWidth: Math.max(10, cols - leftWidth - 1) };
}


function isNewest(report: Report, row: TimelineRow): boolean {
  const boot = report.boots[report.boots.length - 1];
  if (!boot || boot.index !== row.boot) return false;
  return row.cycle === null || boot.cycles[boot.cycles.length - 1]?.index === row.cycle;
}

const STATE_TONE: Record<string, string> = { emergency: 'red', panic: 'red', login: 'green', waiting: 'gray' };

function Header({ model, report, width }: { model: TuiModel; report: Report; width: number }): ReactElement {
  const failures = report.boots.reduce((n, b) => n + b.cycles.reduce((m, c) => m + c.failures.length, 0), 0);
  const where = model.finished ? 'finished' : model.live ? 'live' : 'reading';
  // (A saved log read to its end, a source that closed: the clock stops where it ended.)
  const elapsed = seconds(((model.finishedAt ?? Date.now()) - model.startedAt) / 1000);
  const uptime = report.boots[report.boots.length - 1]?.lastUptime;
  return (
    <Box width={width}>
      <Text wrap="truncate-end" inverse>
        {' bootwhy  '}
        <Text color={STATE_TONE[model.state] ?? 'cyan'} bold>
          {model.state.toUpperCase()}
        </Text>
        {`  ${where}  ${elapsed}${uptime != null ? `  uptime ${uptime.toFixed(1)}s` : ''}  ${bytes(model.bytes)}  ${failures} failure${failures === 1 ? '' : 's'}  `}
        <Text bold>{safeText(model.source)}</Text>
        {' '.repeat(width)}
      </Text>
    </Box>
  );
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function Title({ text, focused, width }: { text: string; focused: boolean; width: number }): ReactElement {
  return (
    <Box width={width}>
      <Text wrap="truncate-end" bold={focused} color={focused ? 'cyan' : 'gray'}>
        {`${focused ? '▶' : ' '} ${text} ${'─'.repeat(width)}`}
      </Text>
    </Box>
  );
}

const OUTCOME_ICON: Record<TimelineRow['outcome'], [string, string]> = {
  ok: ['✓', 'green'],
  failed: ['✗', 'red'],
  emergency: ['⚠', 'red'],
  panic: ['☠', 'red'],
  running: ['…', 'cyan'],
};

function window<T>(list: T[], selected: number, height: number): { items: T[]; offset: number } {
  const offset = clamp(selected - Math.floor(height / 2), 0, Math.max(0, list.length - height));
  return { items: list.slice(offset, offset + height), offset };
}

function Timeline({ rows, selected, height, width, focused }: { rows: TimelineRow[]; selected: number; height: number; width: number; focused: boolean }): ReactElement {
  const { items, offset } = window(rows, selected, height);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {items.length === 0 ? <Text dimColor>waiting for console output…</Text> : null}
      {items.map((r, i) => {
        const [icon, colour] = OUTCOME_ICON[r.outcome];
        const isSel = offset + i === selected;
        const indent = r.cycle === null ? '' : '  ';
        return (
          <Text key={r.key} wrap="truncate-end" inverse={isSel && focused} bold={isSel}>
            {indent}
            <Text color={colour}>{icon}</Text> {safeText(r.label)}
            {r.detail ? <Text dimColor> {safeText(r.detail)}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}

function liveElapsed(text: string, since: number): string {
  const min = /(\d+)\s*min/.exec(text);
  const sec = /(\d+(?:\.\d+)?)\s*s\b/.exec(text);
  if (!min && !sec) return text;
  const total = (min ? Number(min[1]) * 60 : 0) + (sec ? Number(sec[1]) : 0) + (Date.now() - since) / 1000;
  return `${Math.floor(total / 60)}min ${Math.floor(total % 60)}s`;
}

function Findings(props: { rows: FindingRow[]; selected: number; height: number; width: number; focused: boolean; liveJob: TuiModel['lastJob'] }): ReactElement {
  const { rows, selected, height, width, focused, liveJob } = props;
  // The root cause is read whole: it wraps onto up to three lines; the rest scroll under it.
  const head = rows[0]?.key.endsWith('-root') ? rows[0] : rows[1]?.key.endsWith('-root') ? rows[1] : undefined;
  let headLines = head ? wrapWords(`${head.icon} ${safeText(head.text)}${head.line !== null ? `  :${head.line}` : ''}`, width, 4) : [];
  if (head && headLines.length > 3) headLines = wrapWords(`${head.icon} ${safeText(head.text)}`, width, 3);
  const h = Math.max(1, height - (liveJob ? 1 : 0) - Math.max(0, headLines.length - 1));
  const { items, offset } = window(rows, selected, h);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {liveJob ? (
        <Text wrap="truncate-end" color="yellow">
          {`⧗ ${liveElapsed(liveJob.elapsed, liveJob.at)}${liveJob.limit ? ` / ${safeText(liveJob.limit)}` : ''} waiting on ${safeText(liveJob.unit)}`}
        </Text>
      ) : null}
      {items.map((f, i) => {
        const isSel = offset + i === selected;
        if (f === head) {
          return (
            <Box key={f.key} flexDirection="column" height={headLines.length} width={width} flexShrink={0}>
              {headLines.map((l, k) => (
                <Text key={k} wrap="truncate-end" inverse={isSel && focused} bold color="red">
                  {l}
                </Text>
              ))}
            </Box>
          );
        }
        return (
          <Text key={f.key} wrap="truncate-end" inverse={isSel && focused} bold={f.depth === 0 && f.tone === 'red'}>
            {'  '.repeat(f.depth)}
            <Text color={f.tone === 'plain' ? undefined : f.tone === 'dim' ? 'gray' : f.tone}>{f.icon}</Text> {safeText(f.text)}
            {f.line !== null ? <Text dimColor>{`  :${f.line}`}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}

/** Word-wraps `text` to `width` columns, at most `max` lines (the last one ellipsized if cut). */
export function wrapWords(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let cur = '';
  // Words longer than a line (escaped device unit names) are cut where the line ends.
  const words = text.split(/\s+/).flatMap((w) => {
    const chars = [...w];
    if (chars.length <= width) return [w];
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += width) parts.push(chars.slice(i, i + width).join(''));
    return parts;
  });
  for (const word of words) {
    if (cur === '') cur = word;
    else if ([...cur].length + 1 + [...word].length <= width) cur += ' ' + word;
    else {
      lines.push(cur);
      cur = word;
    }
  }
  if (cur !== '') lines.push(cur);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = [...kept[max - 1]!].slice(0, Math.max(0, width - 1)).join('') + '…';
    return kept;
  }
  return lines;
}

function ConsolePane({ segments, top, mark }: { segments: Segment[][]; top: number; mark: number | null }): ReactElement {
  return (
    <Box flexDirection="column" height={segments.length} flexShrink={0}>
      {segments.map((segs, i) => (
        <Text key={i} wrap="truncate-end" inverse={top + i === mark}>
          {segs.length === 0 ? ' ' : null}
          {segs.map((s, j) => (
            <Text key={j} color={s.fg} backgroundColor={s.bg} bold={s.bold} dimColor={s.dim} italic={s.italic} underline={s.underline} inverse={s.inverse}>
              {s.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}

/** `text` in at most `room` characters: its start and end with `…` between (nothing when it has no room). */
export function fitMiddle(text: string, room: number): string {
  const chars = [...text];
  if (chars.length <= room) return text;
  if (room < 5) return '';
  const head = Math.ceil((room - 1) / 3);
  return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - (room - 1 - head)).join('');
}

function StatusBar({ ui, width, status }: { ui: UiState; width: number; status: string }): ReactElement {
  if (ui.searching) {
    return (
      <Box width={width}>
        <Text wrap="truncate-end">{`/${ui.query}▏  Enter search · Esc cancel`}</Text>
      </Box>
    );
  }
  const hint = '↑↓ move  Enter open  Tab pane  / search  f failures  ? help  q quit';
  // The keys stay whole at any width from 80 up; the note (a message, the source's state with its path)
  // gets the rest, cut in the middle where a path's start and end say the most.
  const room = width - 1 - hint.length - 5;
  const note = fitMiddle(ui.message || safeText(status), room);
  return (
    <Box width={width}>
      <Text wrap="truncate-end" dimColor>
        {note ? `${note}  ·  ${hint}` : hint}
      </Text>
    </Box>
  );
}

function Help({ height, width }: { height: number; width: number }): ReactElement {
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold>Keys</Text>
      {BINDINGS.slice(0, height - 2).map((b) => (
        <Text key={b.command} wrap="truncate-end">
          <Text color="cyan">{b.keys.padEnd(12)}</Text> {b.help}
        </Text>
      ))}
      <Text dimColor>? or Esc closes this help</Text>
    </Box>
  );
}
