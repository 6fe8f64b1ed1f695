/**
 * The boot as a picture, for CI artifacts and Markdown summaries: a chart in the manner of
 * `systemd-analyze plot`. Each kernel boot gets a time axis (the kernel's uptime, or the log's lines where
 * the log has no uptimes) and rows under it: the boot's own phases (firmware, bootloader, kernel) and its
 * crashes; each userspace cycle's phases (initrd, system, shutdown) with where the login came and where the
 * first failure was, its root cause in words; and the cycle's slowest starts as bars.
 *
 * Guest text is untrusted here too: everything the log said goes through safeText and XML escaping, and
 * the document holds no script, no link and nothing loaded from elsewhere.
 */
import type { Boot, Cycle, Phase, Report } from '../../parsers/report/schema.js';
import { xmlText as xml } from './xml.js';

const WIDTH = 1200;
const LEFT = 170;
const RIGHT = 30;
const ROW = 22;
const BAR = 14;
const PLOT = WIDTH - LEFT - RIGHT;
/** Boots drawn; a soak test's thousand boots would make a picture nobody can read. */
const MAX_BOOTS = 12;
const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';

export const PHASE_COLOUR: Readonly<Record<Phase['name'], string>> = {
  firmware: '#8c8c8c',
  bootloader: '#b07aa1',
  kernel: '#4e79a7',
  initrd: '#59a14f',
  system: '#76b7b2',
  shutdown: '#bab0ac',
};
export const FAILURE_COLOUR = '#d62728';
const LOGIN_COLOUR = '#2ca02c';
const MODE_COLOUR = '#f28e2b';
const SLOW_COLOUR = '#edc948';

/** Guest text for the picture: escaped, and at most `max` characters (160 unless told). */
function xmlText(s: string, max = 160): string {
  return xml(s, max);
}

/** A round step for an axis of `span` units with about `ticks` ticks: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, ticks: number): number {
  const raw = span / Math.max(1, ticks);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = raw / pow;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * pow;
}

function seconds(s: number): string {
  return s >= 120 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`;
}

/** Where things of one boot go on its axis: by uptime where the log has them, else by line. */
interface Axis {
  unit: 'seconds' | 'lines';
  from: number;
  to: number;
  x(v: number): number;
}

function phaseSpan(p: Phase, unit: Axis['unit']): [number, number] | null {
  if (unit === 'lines') return [p.startLine, p.endLine + 1];
  if (p.startUptime === null) return null;
  const end = p.seconds !== null ? p.startUptime + p.seconds : (p.endUptime ?? p.startUptime);
  return [p.startUptime, Math.max(end, p.startUptime)];
}

function axisOf(boot: Boot): Axis {
  const times: number[] = [];
  const phases = [...boot.phases, ...boot.cycles.flatMap((c) => c.phases)];
  for (const p of phases) {
    const s = phaseSpan(p, 'seconds');
    if (s !== null) times.push(...s);
  }
  for (const c of boot.crashes) if (c.uptime !== null) times.push(c.uptime);
  for (const c of boot.cycles) {
    for (const m of [c.toLogin, c.toFailure]) if (m !== null && m.uptime !== null) times.push(m.uptime);
    for (const s of c.slowest) if (s.startUptime !== null) times.push(s.startUptime, s.startUptime + s.seconds);
  }
  const finite = times.filter((t) => Number.isFinite(t));
  if (finite.length >= 2 && Math.max(...finite) > Math.min(...finite)) {
    const from = Math.min(0, ...finite);
    const to = Math.max(...finite);
    return { unit: 'seconds', from, to, x: (v) => LEFT + ((v - from) / (to - from)) * PLOT };
  }
  const from = boot.startLine;
  const to = Math.max(boot.endLine + 1, from + 1);
  return { unit: 'lines', from, to, x: (v) => LEFT + ((v - from) / (to - from)) * PLOT };
}

/** Where a line of the log falls on a boot's axis (a crash without an uptime, on a lines axis). */
function at(axis: Axis, uptime: number | null, line: number): number | null {
  if (axis.unit === 'seconds') return uptime === null ? null : axis.x(uptime);
  return axis.x(line);
}

class Canvas {
  readonly parts: string[] = [];
  y = 0;
  text(x: number, y: number, s: string, attrs = ''): void {
    this.parts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${s}</text>`);
  }
  rect(x: number, y: number, w: number, h: number, fill: string, title: string | null, attrs = ''): void {
    const body = title === null ? '' : `<title>${title}</title>`;
    this.parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, w).toFixed(1)}" height="${h}" fill="${fill}" ${attrs}>${body}</rect>`);
  }
  /** A marker under a row: a small triangle pointing down at `x`. */
  marker(x: number, y: number, fill: string, title: string): void {
    this.parts.push(`<path d="M${(x - 5).toFixed(1)},${y} L${(x + 5).toFixed(1)},${y} L${x.toFixed(1)},${y + 8} Z" fill="${fill}"><title>${title}</title></path>`);
  }
  cross(x: number, y: number, title: string): void {
    this.parts.push(`<g stroke="${FAILURE_COLOUR}" stroke-width="3"><title>${title}</title><line x1="${(x - 6).toFixed(1)}" y1="${y - 6}" x2="${(x + 6).toFixed(1)}" y2="${y + 6}"/><line x1="${(x - 6).toFixed(1)}" y1="${y + 6}" x2="${(x + 6).toFixed(1)}" y2="${y - 6}"/></g>`);
  }
}

function drawAxis(cv: Canvas, axis: Axis): void {
  const span = axis.to - axis.from;
  const step = niceStep(span, 10);
  const y = cv.y;
  cv.parts.push(`<line x1="${LEFT}" y1="${y}" x2="${LEFT + PLOT}" y2="${y}" stroke="#999"/>`);
  for (let v = Math.ceil(axis.from / step) * step; v <= axis.to + 1e-9; v += step) {
    const x = axis.x(v);
    cv.parts.push(`<line x1="${x.toFixed(1)}" y1="${y}" x2="${x.toFixed(1)}" y2="${y + 4}" stroke="#999"/>`);
    const label = axis.unit === 'seconds' ? `${Number(v.toFixed(3))} s` : `${Math.round(v)}`;
    cv.text(x, y - 4, label, 'font-size="10" fill="#555" text-anchor="middle"');
  }
  cv.text(LEFT - 8, y + 4, axis.unit === 'seconds' ? 'kernel uptime' : 'log line', 'font-size="10" fill="#555" text-anchor="end"');
  cv.y += 10;
}

function drawPhases(cv: Canvas, axis: Axis, phases: readonly Phase[], y: number): void {
  for (const p of phases) {
    const span = phaseSpan(p, axis.unit);
    if (span === null) continue;
    const x0 = axis.x(span[0]);
    const x1 = axis.x(span[1]);
    const len = p.seconds !== null ? ` ${seconds(p.seconds)}` : '';
    cv.rect(x0, y, x1 - x0, BAR, PHASE_COLOUR[p.name], xmlText(`${p.name}${len} (lines ${p.startLine}–${p.endLine})`), `class="phase phase-${p.name}"`);
    if (x1 - x0 > 60) cv.text(x0 + 4, y + BAR - 3, xmlText(`${p.name}${len}`), 'font-size="10" fill="#fff"');
  }
}

function drawCycle(cv: Canvas, axis: Axis, c: Cycle): void {
  const y = cv.y;
  const start = { 'kernel-boot': 'after the kernel', 'soft-reboot': 'soft-reboot', 'userspace-restart': 'userspace restart', 'log-start': 'log starts' }[c.start];
  cv.text(LEFT - 8, y + BAR - 3, xmlText(`cycle ${c.index} (${start})`), 'font-size="12" text-anchor="end"');
  drawPhases(cv, axis, c.phases, y);
  const failed = c.outcome !== 'ok' && c.outcome !== 'incomplete';
  if (c.toLogin !== null) {
    const x = at(axis, c.toLogin.uptime, c.toLogin.line);
    if (x !== null) cv.marker(x, y + BAR + 1, LOGIN_COLOUR, xmlText(`login at line ${c.toLogin.line}${c.toLogin.uptime !== null ? `, ${seconds(c.toLogin.uptime)}` : ''}`));
  }
  if (c.toFailure !== null && failed) {
    const x = at(axis, c.toFailure.uptime, c.toFailure.line);
    if (x !== null) cv.marker(x, y + BAR + 1, FAILURE_COLOUR, xmlText(`first failure at line ${c.toFailure.line}${c.toFailure.uptime !== null ? `, ${seconds(c.toFailure.uptime)}` : ''}`));
  }
  if (c.emergency !== null) {
    // (The shell's line, on this cycle's axis: at its end when the log has no time for it.)
    const x = axis.unit === 'lines' ? axis.x(c.emergency.line) : axis.x(c.endUptime ?? axis.to);
    cv.marker(x, y + BAR + 1, MODE_COLOUR, xmlText(`${c.emergency.kind} at line ${c.emergency.line}`));
  }
  cv.y += ROW + 4;
  if (c.rootCause !== null) {
    cv.text(LEFT, cv.y + 4, xmlText(`✗ ${c.rootCause.headline}`, 150), `font-size="12" fill="${FAILURE_COLOUR}" class="root-cause"`);
    cv.y += ROW - 4;
  } else {
    const outcome = c.outcome === 'ok' ? 'ok' : c.outcome === 'incomplete' ? 'incomplete (the log ends)' : c.outcome;
    cv.text(LEFT, cv.y + 4, xmlText(outcome), `font-size="12" fill="${c.outcome === 'ok' ? LOGIN_COLOUR : '#555'}"`);
    cv.y += ROW - 4;
  }
  // The slowest starts, each a bar from when it began (where the log tells).
  for (const s of c.slowest.filter((x) => x.seconds >= 1)) {
    const label = xmlText(`${s.unit} ${s.approximate ? '~' : ''}${seconds(s.seconds)}${s.source === 'spinner' ? ' (start job)' : ''}`, 90);
    if (axis.unit === 'seconds' && s.startUptime !== null) {
      // (A spinner's start is reckoned back from the last stamp before it: never before its cycle began.)
      const from = Math.max(s.startUptime, c.startUptime ?? s.startUptime);
      const x0 = axis.x(from);
      const x1 = axis.x(Math.max(from, s.startUptime + s.seconds));
      cv.rect(x0, cv.y, x1 - x0, 8, SLOW_COLOUR, label, 'class="slow"');
      // The label beside the bar, on whichever side has room (about 6 px a character at this size).
      const room = label.length * 6;
      if (x1 + 4 + room <= LEFT + PLOT) cv.text(x1 + 4, cv.y + 8, label, 'font-size="10" fill="#555"');
      else cv.text(Math.max(LEFT + room, x0 - 4), cv.y + 8, label, 'font-size="10" fill="#555" text-anchor="end"');
    } else {
      cv.text(LEFT, cv.y + 8, label, 'font-size="10" fill="#555"');
    }
    cv.y += 13;
  }
  cv.y += 6;
}

function drawBoot(cv: Canvas, b: Boot): void {
  const axis = axisOf(b);
  const head = `Boot ${b.index}${b.kernelVersion !== null ? ` — kernel ${b.kernelVersion}` : ''}${b.startsMidway ? ' (the log starts midway)' : ''}`;
  cv.text(10, cv.y + 14, xmlText(head, 120), 'font-size="14" font-weight="bold"');
  cv.y += 36;
  drawAxis(cv, axis);
  const y = cv.y;
  cv.text(LEFT - 8, y + BAR - 3, 'boot', 'font-size="12" text-anchor="end"');
  drawPhases(cv, axis, b.phases, y);
  for (const c of b.crashes) {
    const x = at(axis, c.uptime, c.line);
    if (x !== null) cv.cross(x, y + BAR / 2, xmlText(`${c.kind}: ${c.title} (line ${c.line})`));
  }
  cv.y += ROW + 4;
  if (b.rootCause !== null) {
    cv.text(LEFT, cv.y + 4, xmlText(`✗ ${b.rootCause.headline}`, 150), `font-size="12" fill="${FAILURE_COLOUR}" class="root-cause"`);
    cv.y += ROW;
  }
  for (const c of b.cycles) drawCycle(cv, axis, c);
  cv.y += 10;
}

function legend(cv: Canvas): void {
  let x = 10;
  const y = cv.y;
  for (const [name, colour] of Object.entries(PHASE_COLOUR)) {
    cv.rect(x, y, 12, 12, colour, null);
    cv.text(x + 16, y + 10, name, 'font-size="11"');
    x += 30 + name.length * 7;
  }
  const marks: Array<[string, string]> = [
    [LOGIN_COLOUR, 'login'],
    [FAILURE_COLOUR, 'first failure'],
    [MODE_COLOUR, 'emergency/rescue'],
  ];
  for (const [colour, name] of marks) {
    cv.marker(x + 6, y + 2, colour, name);
    cv.text(x + 16, y + 10, name, 'font-size="11"');
    x += 30 + name.length * 7;
  }
  cv.cross(x + 6, y + 6, 'kernel crash');
  cv.text(x + 16, y + 10, 'kernel crash', 'font-size="11"');
  x += 30 + 12 * 7;
  cv.rect(x, y + 2, 20, 8, SLOW_COLOUR, null);
  cv.text(x + 24, y + 10, 'slowest starts', 'font-size="11"');
  cv.y += 24;
}

/** The report as one standalone SVG document. */
export function renderSvg(report: Report): string {
  const cv = new Canvas();
  cv.y = 24;
  const verdict = report.verdict === 'failed' ? 'FAILED' : report.verdict === 'ok' ? 'OK' : 'EMPTY';
  cv.text(10, cv.y, `${verdict} `, `font-size="16" font-weight="bold" fill="${report.verdict === 'failed' ? FAILURE_COLOUR : report.verdict === 'ok' ? LOGIN_COLOUR : '#555'}"`);
  cv.text(90, cv.y, xmlText(report.input.name, 100), 'font-size="14"');
  cv.y += 20;
  cv.text(10, cv.y, xmlText(report.headline, 170), 'font-size="12" fill="#333"');
  cv.y += 16;
  for (const b of report.boots.slice(0, MAX_BOOTS)) drawBoot(cv, b);
  if (report.boots.length > MAX_BOOTS) {
    cv.text(10, cv.y + 10, xmlText(`… ${report.boots.length - MAX_BOOTS} more boots (bootwhy --json has them all)`), 'font-size="12" fill="#555"');
    cv.y += 24;
  }
  legend(cv);
  const height = Math.ceil(cv.y + 8);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ${FONT}>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...cv.parts,
    '</svg>',
    '',
  ].join('\n');
}
