/**
 * `bootwhy diff GOOD BAD` and `bootwhy diff LOG --cycles A B`: a boot that failed held against one that
 * worked. Exit 0 when the bad cycle lost nothing the good one had, 1 when it did, 2 on bad input.
 */
import { Analyzer } from '../../parsers/index.js';
import { diffCycles, UnitEvents, type BootDiff } from '../../parsers/diagnose/diff.js';
import type { Cycle, Report } from '../../parsers/report/schema.js';
import { readInput } from '../sources/read-input.js';
import { UsageError, InputError } from '../errors.js';
import { choosePalette, safeJson, safeText, type Palette } from '../terminal-safe.js';
import { EXIT } from '../exit-codes.js';

export interface DiffOptions {
  inputs: string[];
  /** Cycle numbers (as the report numbers them): of the one log, or the first of GOOD and the second of BAD. */
  cycles: [number, number] | null;
  json: boolean;
  color: 'auto' | 'always' | 'never';
}

async function read(source: string): Promise<{ report: Report; events: UnitEvents }> {
  const events = new UnitEvents();
  const analyzer = new Analyzer({ name: source === '-' ? 'standard input' : source, onRecord: (r) => events.push(r) });
  await readInput(source, analyzer);
  return { report: analyzer.end(), events };
}

function cyclesOf(r: Report): Cycle[] {
  return r.boots.flatMap((b) => b.cycles);
}

function pick(r: Report, n: number, what: string): Cycle {
  const c = cyclesOf(r).find((x) => x.index === n);
  if (c === undefined) throw new InputError(`${r.input.name}: no cycle ${n} (${what}); it has ${cyclesOf(r).length === 0 ? 'no userspace cycle' : `cycles ${cyclesOf(r).map((x) => x.index).join(', ')}`}`);
  return c;
}

/** Of a log taken as the good one: its last cycle that did not fail, else its last. */
function goodCycle(r: Report): Cycle {
  const all = cyclesOf(r);
  if (all.length === 0) throw new InputError(`${r.input.name}: no userspace cycle to compare`);
  return [...all].reverse().find((c) => c.outcome === 'ok') ?? all.at(-1)!;
}

/** Of a log taken as the bad one: its first cycle that failed, else its last. */
function badCycle(r: Report): Cycle {
  const all = cyclesOf(r);
  if (all.length === 0) throw new InputError(`${r.input.name}: no userspace cycle to compare`);
  return all.find((c) => c.outcome !== 'ok' && c.outcome !== 'incomplete') ?? all.at(-1)!;
}

export async function diffCommand(opts: DiffOptions, stdout: NodeJS.WriteStream): Promise<number> {
  let d: BootDiff;
  if (opts.inputs.length === 1) {
    if (opts.cycles === null) throw new UsageError('diff with one log needs --cycles GOOD BAD (two cycle numbers of that log)');
    const one = await read(opts.inputs[0]!);
    d = diffCycles({ report: one.report, cycle: pick(one.report, opts.cycles[0], 'the good one'), events: one.events.events }, { report: one.report, cycle: pick(one.report, opts.cycles[1], 'the bad one'), events: one.events.events });
  } else if (opts.inputs.length === 2) {
    if (opts.inputs[0] === '-' && opts.inputs[1] === '-') throw new UsageError('only one of the two logs can be standard input');
    const good = await read(opts.inputs[0]!);
    const bad = await read(opts.inputs[1]!);
    const gc = opts.cycles ? pick(good.report, opts.cycles[0], 'the good one') : goodCycle(good.report);
    const bc = opts.cycles ? pick(bad.report, opts.cycles[1], 'the bad one') : badCycle(bad.report);
    d = diffCycles({ report: good.report, cycle: gc, events: good.events.events }, { report: bad.report, cycle: bc, events: bad.events.events });
  } else {
    throw new UsageError('diff takes GOOD BAD (two logs), or one log with --cycles GOOD BAD');
  }
  if (opts.json) stdout.write(safeJson(d, 2) + '\n');
  else stdout.write(renderDiff(d, choosePalette(opts.color, stdout.isTTY === true, process.env)));
  return d.failedOnlyInBad.length > 0 || d.targetsNotReached.length > 0 ? EXIT.failed : EXIT.ok;
}

function where(s: BootDiff['good']): string {
  return `${safeText(s.name)}, boot ${s.boot}, cycle ${s.cycle} (${s.outcome})`;
}

export function renderDiff(d: BootDiff, p: Palette): string {
  const out: string[] = [];
  out.push(`good: ${where(d.good)}`);
  out.push(`bad:  ${where(d.bad)}`);
  if (d.bad.rootCause !== null) out.push(`bad cycle's root cause: ${safeText(d.bad.rootCause)}`);
  out.push('');
  const f = d.firstDivergence;
  if (f !== null) {
    const before = f.good === null ? 'the good cycle never mentions it' : `in the good one it was ${f.good === 'ok' ? 'fine' : f.good} at line ${f.goodLine}`;
    out.push(`${p.bold('First divergence')}: line ${f.badLine}: ${safeText(f.unit)} ${f.bad} (${before})`);
    out.push(`  ${p.dim(safeText(f.badText.trim()))}`);
  } else {
    out.push(`${p.bold('First divergence')}: none: no unit failed in the bad cycle that did not fail in the good one`);
  }
  if (d.failedOnlyInBad.length > 0) {
    out.push('', p.bold(`Failed only in the bad cycle (${d.failedOnlyInBad.length}):`));
    for (const u of d.failedOnlyInBad.slice(0, 40)) out.push(`  ${p.red(u.bad.padEnd(10))} ${safeText(u.unit)}  ${p.dim(`line ${u.badLine}`)}`);
    if (d.failedOnlyInBad.length > 40) out.push(`  … and ${d.failedOnlyInBad.length - 40} more`);
  }
  if (d.targetsNotReached.length > 0) out.push('', p.bold('Targets the good cycle reached and the bad one never did:'), `  ${d.targetsNotReached.map(safeText).join(', ')}`);
  if (d.slower.length > 0) {
    out.push('', p.bold(`Slower in the bad cycle${d.slower.some((s) => s.approximate) ? ' (times approximate: the kernel’s last timestamp before each status line)' : ''}:`));
    for (const s of d.slower) out.push(`  ${safeText(s.unit)}: ${s.goodSeconds.toFixed(1)} s → ${s.badSeconds.toFixed(1)} s  ${p.dim(`line ${s.badLine}`)}`);
  }
  if (d.failedInBoth.length > 0) out.push('', `Failed in both: ${d.failedInBoth.map(safeText).join(', ')}`);
  if (d.fixedInBad.length > 0) out.push('', `Failed only in the good cycle: ${d.fixedInBad.map(safeText).join(', ')}`);
  return out.join('\n') + '\n';
}
