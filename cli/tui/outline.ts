/**
 * The report laid out as the TUI's rows: the timeline (boots → userspace cycles, with their phases) and,
 * for the selected entry, its findings (root cause, the cascade as a tree, hung jobs, emergency mode,
 * kernel crashes). Pure functions of the report, so they are tested without a screen.
 */
import type { Boot, CascadeNodeT, Cycle, Evidence, Failure, Phase, Report, RootCause } from '../../parsers/report/schema.js';
import { askedBecause } from '../../parsers/report/asked.js';

export type Outcome = 'ok' | 'failed' | 'emergency' | 'panic' | 'running';

export interface TimelineRow {
  key: string;
  boot: number;
  /** null for the boot's own row. */
  cycle: number | null;
  label: string;
  detail: string;
  outcome: Outcome;
  failed: boolean;
}

export interface FindingRow {
  key: string;
  depth: number;
  icon: string;
  tone: 'red' | 'yellow' | 'green' | 'plain' | 'dim';
  text: string;
  /** The input line this finding points at, and its text when known (to find it in the console). */
  line: number | null;
  lineText: string | null;
  /** Has children that Enter shows or hides. */
  expandable: boolean;
  expanded: boolean;
  /** A failure (hidden when only... is off; kept with `f`). */
  failure: boolean;
}

export function timeline(report: Report, failuresOnly: boolean): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const boot of report.boots) {
    const bootFailed = boot.rootCause !== null || boot.crashes.some((c) => c.kind !== 'warning') || boot.cycles.some(cycleFailed);
    if (failuresOnly && !bootFailed) continue;
    const kernel = boot.kernelVersion ? ` ${boot.kernelVersion}` : '';
    rows.push({
      key: `b${boot.index}`,
      boot: boot.index,
      cycle: null,
      label: `Boot ${boot.index}${kernel}`,
      detail: boot.startsMidway ? 'log starts midway' : boot.end === 'log-end' ? '' : boot.end,
      outcome: boot.crashes.some((c) => c.kind === 'panic') ? 'panic' : bootFailed ? 'failed' : boot.end === 'log-end' ? 'running' : 'ok',
      failed: bootFailed,
    });
    for (const cycle of boot.cycles) {
      if (failuresOnly && !cycleFailed(cycle)) continue;
      rows.push({
        key: `b${boot.index}c${cycle.index}`,
        boot: boot.index,
        cycle: cycle.index,
        label: `cycle ${cycle.index} ${startWord(cycle)}`,
        detail: phases(cycle.phases),
        outcome: cycleOutcome(cycle),
        failed: cycleFailed(cycle),
      });
    }
  }
  return rows;
}

function cycleFailed(c: Cycle): boolean {
  return c.outcome !== 'ok' && c.outcome !== 'incomplete' && c.emergency?.requested !== true;
}

function cycleOutcome(c: Cycle): Outcome {
  switch (c.outcome) {
    case 'ok':
      return 'ok';
    case 'incomplete':
      return c.failures.some((f) => f.kind !== 'dependency') ? 'failed' : 'running';
    case 'emergency':
    case 'rescue':
      return 'emergency';
    case 'panic':
      return 'panic';
    default:
      return 'failed';
  }
}

function startWord(c: Cycle): string {
  switch (c.start) {
    case 'kernel-boot':
      return 'booted';
    case 'soft-reboot':
      return 'soft-reboot';
    case 'userspace-restart':
      return 'restarted';
    case 'log-start':
      return 'log starts';
  }
}

function phases(list: Phase[]): string {
  return list
    .filter((p) => p.name === 'initrd' || p.name === 'system' || p.name === 'shutdown')
    .map((p) => {
      const d = p.startUptime !== null && p.endUptime !== null ? ` ${seconds(p.endUptime - p.startUptime)}` : '';
      return `${p.name}${d}`;
    })
    .join(' › ');
}

export function seconds(s: number): string {
  if (s < 10) return `${s.toFixed(1)}s`;
  if (s < 120) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

/** The findings of the selected timeline entry. `expanded` holds the keys of opened cascade nodes. */
export function findings(report: Report, row: TimelineRow | undefined, expanded: ReadonlySet<string>, collapsed: ReadonlySet<string>): FindingRow[] {
  if (!row) return [];
  const boot = report.boots.find((b) => b.index === row.boot);
  if (!boot) return [];
  const out: FindingRow[] = [];
  if (row.cycle === null) {
    bootFindings(boot, out, expanded, collapsed);
    return out;
  }
  const cycle = boot.cycles.find((c) => c.index === row.cycle);
  if (!cycle) return out;
  out.push(plain(`c${cycle.index}-start`, 'dim', '·', cycle.startNote + (cycle.os ? ` — ${cycle.os}` : ''), cycle.startLine));
  if (cycle.rootCause) rootCause(cycle.rootCause, `c${cycle.index}`, cycle.failures, out, expanded, collapsed);
  const inCascade = new Set<string>();
  if (cycle.rootCause?.cascade) walk(cycle.rootCause.cascade, (n) => inCascade.add(n.unit));
  for (const f of cycle.failures) {
    if (inCascade.has(unitName(f)) || f.kind === 'dependency' && cycle.rootCause) continue;
    out.push({ ...plain(`c${cycle.index}-f${f.line}`, f.kind === 'dependency' ? 'yellow' : 'red', kindIcon(f.kind), `${unitName(f)} ${f.verb}${f.count > 1 ? ` ×${f.count}` : ''}`, f.line, evidenceText(f.evidence, f.line)), failure: true });
  }
  for (const j of cycle.hungJobs) {
    const limit = j.limitText ? ` / ${j.limitText}` : '';
    out.push({ ...plain(`c${cycle.index}-j${j.firstLine}`, j.ranToLimit ? 'red' : 'yellow', '⧗', `${j.op} job ${j.unit.name ?? j.unit.text}: ${j.elapsedText}${limit}${j.ranToLimit ? ' (ran to its limit)' : ''}${j.outcome ? ` → ${j.outcome}` : ''}`, j.lastLine), failure: j.ranToLimit });
  }
  if (cycle.emergency?.requested) {
    out.push(plain(`c${cycle.index}-em`, 'yellow', '⚠', `${cycle.emergency.kind} mode, as asked (${askedBecause(cycle)})`, cycle.emergency.line, evidenceText(cycle.emergency.evidence, cycle.emergency.line)));
  } else if (cycle.emergency) {
    const by = cycle.emergency.triggeredBy ? ` (pulled in by ${cycle.emergency.triggeredBy})` : '';
    out.push({ ...plain(`c${cycle.index}-em`, 'red', '⚠', `${cycle.emergency.kind} mode${by}`, cycle.emergency.line, evidenceText(cycle.emergency.evidence, cycle.emergency.line)), failure: true });
  }
  for (const c of boot.crashes.filter((k) => k.cycle === cycle.index)) {
    out.push({ ...plain(`c${cycle.index}-k${c.line}`, c.kind === 'warning' ? 'yellow' : 'red', '☠', c.title, c.line, evidenceText(c.evidence, c.line)), failure: c.kind !== 'warning' });
  }
  if (cycle.loginLine !== null) out.push(plain(`c${cycle.index}-login`, 'green', '✓', 'login prompt', cycle.loginLine));
  if (cycle.startupFinished) out.push(plain(`c${cycle.index}-up`, 'dim', '·', cycle.startupFinished, null));
  if (!out.some((r) => r.failure) && !cycle.rootCause) out.push(plain(`c${cycle.index}-ok`, 'green', '✓', cycle.outcome === 'incomplete' ? 'no failures so far' : 'no failures', null));
  return out;
}

function bootFindings(boot: Boot, out: FindingRow[], expanded: ReadonlySet<string>, collapsed: ReadonlySet<string>): void {
  out.push(plain(`b${boot.index}-start`, 'dim', '·', boot.startsMidway ? 'the log starts midway through this boot' : boot.startReason === 'kexec' ? 'boot started by the kernel before (kexec)' : `boot from the ${boot.startReason.replace('-', ' ')}`, boot.startLine));
  if (boot.rootCause) rootCause(boot.rootCause, `b${boot.index}`, [], out, expanded, collapsed);
  else if (boot.emergency) out.push({ ...plain(`b${boot.index}-em`, 'red', '⚠', boot.emergency.kind, boot.emergency.line, evidenceText(boot.emergency.evidence, boot.emergency.line)), failure: true });
  for (const c of boot.crashes) {
    out.push({ ...plain(`b${boot.index}-k${c.line}`, c.kind === 'warning' ? 'yellow' : 'red', '☠', c.title, c.line, evidenceText(c.evidence, c.line)), failure: c.kind !== 'warning' });
  }
  const failedCycles = boot.cycles.filter((c) => c.rootCause);
  for (const c of failedCycles) out.push({ ...plain(`b${boot.index}-c${c.index}`, 'red', '✗', `cycle ${c.index}: ${c.rootCause!.headline}`, c.rootCause!.lines[0] ?? c.startLine), failure: true });
  if (!out.some((r) => r.failure)) out.push(plain(`b${boot.index}-ok`, 'green', '✓', 'no failures', null));
}

function rootCause(rc: RootCause, prefix: string, failures: Failure[], out: FindingRow[], expanded: ReadonlySet<string>, collapsed: ReadonlySet<string>): void {
  const first = rc.lines[0] ?? null;
  const key = `${prefix}-root`;
  const hasTree = rc.cascade !== null && rc.cascade.children.length > 0;
  // The cascade is open unless closed; deeper levels are closed unless opened.
  const open = hasTree && !collapsed.has(key);
  out.push({
    key,
    depth: 0,
    icon: '✗',
    tone: 'red',
    text: `ROOT CAUSE: ${rc.headline}`,
    line: first,
    lineText: first !== null ? evidenceText(rc.evidence, first) : null,
    expandable: hasTree,
    expanded: open,
    failure: true,
  });
  if (!open || !rc.cascade) return;
  const byUnit = new Map(failures.map((f) => [unitName(f), f]));
  const add = (node: CascadeNodeT, depth: number, path: string): void => {
    for (const child of node.children) {
      const k = `${path}/${child.unit}`;
      const hasKids = child.children.length > 0;
      const isOpen = hasKids && (depth === 1 ? !collapsed.has(k) : expanded.has(k));
      const f = byUnit.get(child.unit);
      out.push({
        key: k,
        depth,
        icon: hasKids ? (isOpen ? '▾' : '▸') : '└',
        tone: child.kind === 'dependency' ? 'yellow' : 'red',
        text: `${child.unit}${child.kind === 'dependency' ? ' — dependency failed' : ` — ${child.kind}`}${hasKids && !isOpen ? ` (+${count(child)})` : ''}`,
        line: child.line,
        lineText: f ? evidenceText(f.evidence, child.line) ?? f.message : null,
        expandable: hasKids,
        expanded: isOpen,
        failure: true,
      });
      if (isOpen) add(child, depth + 1, k);
    }
  };
  add(rc.cascade, 1, key);
}

function count(n: CascadeNodeT): number {
  return n.children.reduce((s, c) => s + 1 + count(c), 0);
}

function walk(n: CascadeNodeT, f: (n: CascadeNodeT) => void): void {
  f(n);
  for (const c of n.children) walk(c, f);
}

function unitName(f: Failure): string {
  return f.unit.name ?? f.unit.text;
}

function kindIcon(kind: Failure['kind']): string {
  return kind === 'timeout' ? '⧗' : kind === 'dependency' ? '↳' : '✗';
}

function evidenceText(evidence: Evidence[], line: number): string | null {
  return evidence.find((e) => e.line === line)?.text ?? null;
}

function plain(key: string, tone: FindingRow['tone'], icon: string, text: string, line: number | null, lineText: string | null = null): FindingRow {
  return { key, depth: 0, icon, tone, text, line, lineText, expandable: false, expanded: false, failure: false };
}
