/**
 * A boot as one bar: its phases and its cycles' phases side by side, each as wide as it lasted, fitted to
 * the terminal. A phase where something failed is marked `!` (red with colour); a phase whose length the
 * log does not show gets one cell and a `?`.
 *
 *   kernel 8.0s    initrd 15.3s           system 78.7s                                      sd
 *   [=====|=========|===========================================!=====================|=]
 */
import type { Boot, Phase } from '../../parsers/report/schema.js';
import type { Palette } from '../terminal-safe.js';

interface Segment {
  name: string;
  seconds: number | null;
  failed: boolean;
}

const SHORT: Readonly<Record<string, string>> = { firmware: 'fw', bootloader: 'boot', kernel: 'kern', initrd: 'initrd', system: 'sys', shutdown: 'sd' };

function segments(boot: Boot): Segment[] {
  const failedLines = boot.cycles.flatMap((c) => [...c.failures.filter((f) => f.kind !== 'dependency').map((f) => f.line), ...c.hungJobs.map((j) => j.firstLine)]);
  const crashLines = boot.crashes.map((c) => c.line);
  const seg = (p: Phase & { seconds: number | null }, lines: number[]): Segment => ({ name: p.name, seconds: p.seconds, failed: lines.some((l) => l >= p.startLine && l <= p.endLine) });
  return [...boot.phases.map((p) => seg(p, crashLines)), ...boot.cycles.flatMap((c) => c.phases.map((p) => seg(p, [...failedLines, ...crashLines])))];
}

function fmt(s: number): string {
  return s >= 100 ? `${Math.round(s)}s` : `${s.toFixed(1)}s`;
}

/** Two lines (labels over the bar), `width` columns at most; null when no phase has a known length. */
export function timelineBar(boot: Boot, width: number, p: Palette, ascii: boolean): [string, string] | null {
  const segs = segments(boot);
  const total = segs.reduce((t, s) => t + (s.seconds ?? 0), 0);
  if (segs.length === 0 || total <= 0) return null;
  // Each segment gets at least one cell; the rest is shared by length.
  const inner = Math.max(segs.length * 2, width - 2 - (segs.length - 1));
  const spare = inner - segs.length;
  const cells = segs.map((s) => 1 + (s.seconds === null ? 0 : Math.floor((s.seconds / total) * spare)));
  // (Rounding down leaves a few cells: to the longest.)
  let left = inner - cells.reduce((a, b) => a + b, 0);
  const order = segs.map((s, i) => [s.seconds ?? 0, i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const j = order[k]![1];
    cells[j] = cells[j]! + 1;
  }
  const fill = ascii ? '=' : '━';
  const sep = ascii ? '|' : '│';
  let bar = '';
  let labels = '';
  segs.forEach((s, i) => {
    const n = cells[i]!;
    let body = s.seconds === null ? '?'.padEnd(n, fill) : fill.repeat(n);
    if (s.failed) body = body.slice(0, Math.floor(n / 2)) + '!' + body.slice(Math.floor(n / 2) + 1);
    bar += (i > 0 ? sep : '') + (s.failed ? p.red(body) : body);
    const full = s.seconds === null ? s.name : `${s.name} ${fmt(s.seconds)}`;
    const short = s.seconds === null ? SHORT[s.name]! : `${SHORT[s.name]} ${fmt(s.seconds)}`;
    const label = full.length <= n ? full : short.length <= n ? short : SHORT[s.name]!.length <= n ? SHORT[s.name]! : '';
    labels += (i > 0 ? ' ' : '') + label.padEnd(n);
  });
  return [` ${labels.trimEnd()}`, `[${bar}]`];
}
