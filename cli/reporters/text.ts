/** The readable report: what the log holds, what failed, and why, with the lines that prove it. */
import type { CascadeNodeT } from '../../parsers/report/schema.js';
import type { Boot, Cycle, Evidence, Failure, Hint, Phase, Report, RootCause } from '../../parsers/report/schema.js';
import { safeText, type Palette } from '../terminal-safe.js';
import { askedBecause } from '../../parsers/report/asked.js';
import { classOf, type FindingKind } from '../../parsers/diagnose/policy.js';
import { timelineBar } from './timeline-bar.js';
import { GENERIC_FRAME } from '../../parsers/segment/crashes.js';

export interface TextOptions {
  palette: Palette;
  /** Show every failure and all evidence, not only the root cause and the cascade. */
  verbose: boolean;
  /** The report's known-issue hints (renderText fills it in). */
  hints?: readonly Hint[];
  /** The policy's severity per kind of finding (renderText fills it in). */
  severity?: Readonly<Record<string, 'fail' | 'note' | 'ignore'>> | null;
  /** Columns the timeline bar may take (the terminal's width; 80 when not a terminal). */
  width?: number;
}

export function renderText(report: Report, opts: TextOptions): string {
  const p = opts.palette;
  const out: string[] = [];
  const verdict =
    report.verdict === 'failed' ? p.red(p.bold('FAILED')) : report.verdict === 'ok' ? p.green(p.bold('OK')) : p.yellow(p.bold('EMPTY'));
  out.push(`${verdict}  ${safeText(report.headline)}`);
  out.push(p.dim(`${safeText(report.input.name)}: ${report.input.lines} lines, ${report.input.bytes} bytes${readAs(report)}`));
  if (report.policy !== null) {
    const from = report.policy.file !== null ? safeText(report.policy.file) : '--fail-on';
    // The kinds the policy's own severities keep from failing (not those fail-on leaves out anyway).
    const on = new Set<string>(report.policy.failOn);
    const lenient = Object.entries(report.policy.severity)
      .filter(([k, v]) => v !== 'fail' && k !== 'unsupported' && (on.has('any') || on.has(classOf(k as FindingKind))))
      .map(([k, v]) => `${k} ${v}`);
    out.push(p.dim(`policy: ${from}; ${report.policy.expected} expected failure${report.policy.expected === 1 ? '' : 's'}; fails on ${report.policy.failOn.join(', ')}${lenient.length > 0 ? ` (not failing: ${lenient.join(', ')})` : ''}`));
  }
  for (const m of report.matches) {
    if (m.severity === 'ignore') continue;
    const first = m.lines[0]!;
    const word = m.severity === 'fail' ? p.red('match') : p.yellow('match');
    out.push(`${word}: ${safeText(m.title)} (${m.severity}) ${m.count} line${m.count === 1 ? '' : 's'}, first at line ${first.line}: ${p.dim(safeText(first.text))}`);
  }
  for (const d of report.degraded) out.push(p.yellow(`warning: ${safeText(d.message)}`));
  if (report.droppedBoots > 0) out.push(p.dim(`(${report.droppedBoots} earlier boots not shown)`));
  const withHints: TextOptions = { ...opts, hints: report.hints, severity: report.policy?.severity ?? null };
  for (const boot of report.boots) renderBoot(boot, out, withHints);
  return out.join('\n') + '\n';
}

function renderBoot(boot: Boot, out: string[], opts: TextOptions): void {
  const p = opts.palette;
  out.push('');
  const how = boot.startsMidway
    ? 'the log starts midway (no firmware, bootloader or kernel banner)'
    : boot.startReason === 'log-start'
      ? boot.firstUptime === null
        ? 'the log starts where its machine or container started (no kernel timestamps)'
        : `the log starts as the kernel starts (first timestamp ${boot.firstUptime.toFixed(2)} s)`
      : boot.startReason === 'timestamps-restarted'
      ? 'kernel timestamps restarted'
      : boot.startReason === 'kexec'
      ? 'started by the kernel before (kexec)'
      : `from the ${boot.startReason.replace('-', ' ')}`;
  const kernel = boot.kernelVersion ? `, kernel ${safeText(boot.kernelVersion)}` : '';
  out.push(p.bold(`Boot ${boot.index}`) + ` — ${how}${kernel}  ${p.dim(lines(boot.startLine, boot.endLine))}`);
  if (boot.phases.length > 0) out.push(`  phases: ${phases(boot.phases)}`);
  // (Plain characters where there is no colour: a log file, a pipe, NO_COLOR.)
  const bar = timelineBar(boot, Math.max(40, Math.min(opts.width ?? 80, 160)) - 2, p, p.red('x') === 'x');
  if (bar !== null && (boot.phases.length + boot.cycles.reduce((n, c) => n + c.phases.length, 0)) > 1) out.push(`  ${bar[0]}`, `  ${bar[1]}`);
  if (boot.rootCause) {
    renderRootCause(boot.rootCause, '  ', out, opts);
    renderHints(opts.hints?.filter((h) => h.boot === boot.index && h.cycle === null) ?? [], '  ', out, opts);
  }
  else if (boot.emergency?.requested) out.push(`  ${boot.emergency.kind} at line ${boot.emergency.line}, as asked: ${safeText(askedBecause({ emergency: boot.emergency, defaultTarget: null }))}`);
  else if (boot.emergency) out.push(`  ${p.red(boot.emergency.kind)} at line ${boot.emergency.line}`);
  for (const c of boot.crashes) {
    const severity = opts.severity?.[c.kind] ?? 'fail';
    if (severity === 'ignore') continue;
    const colour = c.kind === 'warning' || severity === 'note' ? p.yellow : p.red;
    const noted = severity === 'note' ? p.dim(' (noted by the policy, not failing)') : '';
    out.push(`  ${colour('crash')}: ${safeText(c.title)}${noted}  ${p.dim(`line ${c.line}${c.uptime !== null ? `, ${c.uptime.toFixed(1)} s` : ''}`)}`);
    const d = c.details;
    const task = d.comm !== null ? `${safeText(d.comm)} (PID ${d.pid})${d.cpu !== null ? ` on CPU ${d.cpu}` : ''}${d.tainted !== null && d.tainted !== 'Not tainted' ? `, tainted ${safeText(d.tainted)}` : ''}` : '';
    // (The kernel's own reporting frames, `dump_stack_lvl`, `__warn`, `panic`, say nothing of where it went wrong.)
    const frames = d.frames.filter((f) => !GENERIC_FRAME.test(f));
    const trace = frames.length > 0 ? `trace: ${frames.slice(0, 4).map(safeText).join(' ← ')}${frames.length > 4 ? ' ← …' : ''}` : '';
    if (task !== '' || trace !== '') out.push(`    ${p.dim([task, trace].filter((x) => x !== '').join('; '))}`);
  }
  for (const cycle of boot.cycles) renderCycle(cycle, out, opts);
  if (boot.end !== 'log-end') out.push(`  ended: ${boot.end}`);
}

function renderCycle(c: Cycle, out: string[], opts: TextOptions): void {
  const p = opts.palette;
  out.push('');
  const os = c.os ? ` ${safeText(c.os)}` : '';
  out.push(`  ${p.bold(`Cycle ${c.index}`)}${os} — ${safeText(c.startNote)}  ${p.dim(lines(c.startLine, c.endLine))}`);
  out.push(`    phases: ${phases(c.phases)}`);
  const st = c.startup;
  if (st !== null && st.total !== null) {
    const parts = (['firmware', 'loader', 'kernel', 'initrd', 'userspace'] as const).filter((k) => st[k] !== null).map((k) => `${k} ${seconds(st[k]!)}`);
    out.push(`    startup (systemd's count): ${parts.length > 0 ? `${parts.join(' + ')} = ` : ''}${seconds(st.total)}`);
  }
  // The slowest starts worth a look (from a second up); `~` where the time is the last stamp before the line.
  const slowest = c.slowest.filter((s) => s.seconds >= 1).slice(0, 3);
  if (slowest.length > 0) out.push(`    slowest starts: ${slowest.map((s) => `${safeText(s.unit)} ${s.approximate ? '~' : ''}${seconds(s.seconds)}${s.source === 'spinner' ? ' (its start job’s count)' : ''}`).join(', ')}`);
  if (c.defaultTarget && c.defaultTarget !== 'graphical.target' && c.defaultTarget !== 'multi-user.target') {
    const why = c.defaultTarget === 'system-update.target' ? ' (an offline update)' : '';
    out.push(`    default target: ${safeText(c.defaultTarget)}${why}`);
  }
  const outcome =
    c.outcome === 'ok'
      ? p.green('ok')
      : c.outcome === 'incomplete'
        ? p.dim('incomplete (the log ends)')
        : c.emergency?.requested
          ? p.yellow(`${c.outcome} mode`)
          : p.red(c.outcome === 'emergency' || c.outcome === 'rescue' ? `${c.outcome} mode` : c.outcome);
  let tail = '';
  if (c.emergency) tail += ` at line ${c.emergency.line}${c.emergency.triggeredBy ? `, triggered by ${c.emergency.triggeredBy}` : ''}`;
  if (c.emergency?.requested) tail += `, as asked: ${safeText(askedBecause(c))}`;
  if (c.loginLine !== null) tail += `; login prompt at line ${c.loginLine}${when(c.toLogin)}`;
  else if (c.toFailure !== null && c.outcome !== 'ok') tail += `; first failure at line ${c.toFailure.line}${when(c.toFailure)}`;
  if (c.startupFinished) tail += `; startup finished in ${safeText(c.startupFinished)}`;
  if (c.end !== 'log-end') tail += `; ended by ${c.end}`;
  out.push(`    outcome: ${outcome}${tail}`);
  if (c.rootCause) {
    renderRootCause(c.rootCause, '    ', out, opts);
    renderHints(opts.hints?.filter((h) => h.cycle === c.index) ?? [], '    ', out, opts);
  }
  const inCascade = new Set<string>();
  if (c.rootCause?.cascade) collect(c.rootCause.cascade, inCascade);
  const others = c.failures.filter((f) => !inCascade.has(f.unit.name ?? f.unit.text));
  if (others.length > 0) {
    out.push(`    ${p.bold('Other failures')}:`);
    for (const f of opts.verbose ? others : others.slice(0, 20)) out.push(`      ${failureLine(f, p)}`);
    if (!opts.verbose && others.length > 20) out.push(p.dim(`      … ${others.length - 20} more (--verbose)`));
  }
  const slow = c.hungJobs;
  if (slow.length > 0) {
    out.push(`    ${p.bold('Slow start/stop jobs (systemd showed its spinner)')}:`);
    for (const j of slow) {
      const name = safeText(j.unit.name ?? j.unit.text);
      const limit = j.ranToLimit ? p.red(' — ran to its limit') : '';
      const after = j.outcome ? `, then ${j.outcome}` : '';
      out.push(`      ${name} (${j.op}): ${safeText(j.elapsedText)} / ${safeText(j.limitText)}${limit}${after}  ${p.dim(lines(j.firstLine, j.lastLine))}`);
    }
  }
}

/** Known issues that match the root cause just printed (parsers/diagnose/hints.ts). */
function renderHints(hints: readonly Hint[], indent: string, out: string[], opts: TextOptions): void {
  const p = opts.palette;
  for (const h of hints) {
    out.push(`${indent}${p.cyan('Hint')}: ${safeText(h.text)}`);
    out.push(`${indent}  ${p.dim(safeText(h.link))}`);
  }
}

function renderRootCause(rc: RootCause, indent: string, out: string[], opts: TextOptions): void {
  const p = opts.palette;
  out.push(`${indent}${p.red(p.bold('Root cause'))}: ${safeText(rc.headline)}`);
  const evidence = opts.verbose ? rc.evidence : rc.evidence.slice(0, 8);
  for (const e of evidence) out.push(`${indent}  ${evidenceLine(e, p)}`);
  if (rc.cascade && rc.cascade.children.length > 0) {
    out.push(`${indent}${p.bold('Cascade')}:`);
    tree(rc.cascade, `${indent}  `, '', true, true, out, p);
  }
}

function tree(node: CascadeNodeT, indent: string, prefix: string, last: boolean, top: boolean, out: string[], p: Palette): void {
  const word = node.kind === 'dependency' ? p.yellow('DEPEND') : node.kind === 'timeout' ? p.red(' TIME ') : p.red('FAILED');
  const branch = top ? '' : last ? '└─ ' : '├─ ';
  out.push(`${indent}${prefix}${branch}${safeText(node.unit)}  ${word} ${p.dim(`line ${node.line}`)}`);
  const childPrefix = top ? '' : prefix + (last ? '   ' : '│  ');
  node.children.forEach((child, i) => tree(child, indent, childPrefix, i === node.children.length - 1, false, out, p));
}

function collect(node: CascadeNodeT, into: Set<string>): void {
  into.add(node.unit);
  for (const c of node.children) collect(c, into);
}

function failureLine(f: Failure, p: Palette): string {
  const word = f.kind === 'dependency' ? p.yellow('DEPEND') : f.kind === 'timeout' ? p.red(' TIME ') : f.kind === 'skipped' ? p.red(' SKIP ') : p.red(f.kind.toUpperCase().padEnd(6).slice(0, 6));
  const name = safeText(f.unit.name ?? f.unit.text) + (f.unit.partial ? p.dim(' (name not certain)') : '');
  const times = f.count > 1 ? ` ×${f.count}` : '';
  const expected = f.expected !== null ? p.cyan(` (expected: ${safeText(f.expected)})`) : '';
  return `${word} ${name}${times}${expected}  ${p.dim(`line ${f.line}`)}`;
}

function evidenceLine(e: Evidence, p: Palette): string {
  return `${p.dim(`line ${String(e.line).padStart(5)}:`)} ${safeText(e.text)}`;
}

/** Each phase with how long it lasted (`kernel 8.0 s → initrd 15.4 s`), and the uptime the first began at. */
function phases(list: readonly Phase[]): string {
  const shown = list.map((ph) => `${ph.name}${ph.seconds !== null ? ` ${seconds(ph.seconds)}` : ''}`).join(' → ');
  const from = list[0]?.startUptime;
  return from !== null && from !== undefined ? `${shown}  (from uptime ${from.toFixed(1)} s)` : shown;
}

/** ` (25.1 s after the kernel started, 31.2 s from power-on)`, as far as the log tells. */
function when(m: Cycle['toLogin']): string {
  if (m === null || m.uptime === null) return '';
  return ` (${seconds(m.uptime)} after the kernel started${m.fromPowerOn !== null ? `, ${seconds(m.fromPowerOn)} from power-on` : ''})`;
}

function seconds(s: number): string {
  return s >= 120 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`;
}

function lines(a: number, b: number): string {
  return a === b ? `line ${a}` : `lines ${a}–${b}`;
}

/** What the input was read as: `, read as a journal (gzip; LAVA job log, CI timestamps)`. */
function readAs(report: Report): string {
  const i = report.input;
  if (i.recognisedAs === 'unrecognised') return '';
  const what = { console: 'a console', journal: 'a journal', syslog: 'a syslog file', dmesg: 'a kernel log' }[i.recognisedAs];
  const wrappers = [...(i.compression ? [i.compression] : []), ...i.envelopes.map((e) => ENVELOPE_WORDS[e.kind] ?? e.kind)];
  const init = report.boots.map((b) => b.init).find((x) => x !== null);
  return `, read as ${what}${wrappers.length > 0 ? ` (${[...new Set(wrappers)].join(', ')})` : ''}${init ? `; no systemd: ${init}` : ''}`;
}

const ENVELOPE_WORDS: Readonly<Record<string, string>> = {
  'cr-line-ends': 'lines ended by CR alone',
  lava: 'LAVA job log',
  'ci-timestamps': 'CI timestamps',
  'markdown-fence': 'Markdown fence',
  quoted: 'e-mail quoting',
  commented: 'commented out with #',
  indented: 'indented',
  'kmsg-level': 'kmsg levels',
  'syslog-level': 'syslog facility.level',
  'talos-dmesg': 'talosctl dmesg',
  'cut-prefix': 'journal prefixes cut to the colon',
  'caret-escapes': 'escapes as ^[',
  'caret-cr': '^M that lost its caret at line ends',
  'bare-escapes': 'escapes without ESC',
  'web-escapes': 'escapes as text',
  'html-entities': 'HTML entities',
  'forum-markup': 'forum markup',
  'container-log': 'Kubernetes pod log',
  'journal-delta': 'journalctl -o short-delta stamps',
  logcat: 'Android logcat',
  'line-numbers': 'line numbers before each line',
  'dialog-frame': 'a dialog’s frame',
  'grep-prefix': 'grep’s file name before each line',
};
