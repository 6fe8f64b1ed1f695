/**
 * A failing boot held against one that worked: which units failed only in the bad one, which targets it
 * never reached, which units took longer, and the first point where the two went different ways. The
 * comparison is of two userspace cycles (two logs, or two cycles of one log: a good cycle, then a
 * `systemctl soft-reboot` into a bad one). Units are matched by name, or by the description their status
 * line printed where the log names no unit (the same machine prints the same words).
 */
import type { ConsoleRecord } from '../grammar/classify.js';
import { VERB_FAILURE, VERB_SEVERITY, type StatusMessage, type Verb } from '../grammar/status.js';
import { parseUnitText } from '../grammar/units.js';
import type { Cycle, Report } from '../report/schema.js';

/** One thing systemd said about a unit: its line, what it said, and the kernel's uptime just before. */
export interface UnitEvent {
  key: string;
  verb: Verb;
  line: number;
  text: string;
  /** Seconds since the kernel started, from the last timestamp seen at or before the line (approximate
   *  on a console, whose status lines carry no time). */
  uptime: number | null;
}

/** Collects PID 1's messages about units from the record stream (`Analyzer`'s `onRecord`). */
export class UnitEvents {
  readonly events: UnitEvent[] = [];
  private uptime: number | null = null;
  /** Events kept; later ones are counted (a diff needs the start of a boot, not a soak test's hours). */
  static readonly MAX = 20000;
  dropped = 0;

  push(r: ConsoleRecord): void {
    let msg: StatusMessage | null = null;
    if (r.kind === 'kernel') {
      if (r.uptime !== null) this.uptime = r.uptime;
      msg = r.msg;
    } else if (r.kind === 'status' || r.kind === 'journal') {
      msg = r.msg;
    }
    if (msg === null) return;
    const key = keyOf(msg.unitText);
    if (key === '') return;
    if (this.events.length >= UnitEvents.MAX) {
      this.dropped++;
      return;
    }
    this.events.push({ key, verb: msg.verb, line: r.at.lineNo, text: r.at.text, uptime: this.uptime });
  }
}

export interface DiffSide {
  name: string;
  boot: number;
  cycle: number;
  outcome: Cycle['outcome'];
  rootCause: string | null;
}

export interface UnitChange {
  unit: string;
  /** What became of it in the bad cycle (`failed`, `dependency`, `timeout`, …). */
  bad: string;
  badLine: number;
  badText: string;
  /** What became of it in the good one, and where (null: the good cycle never mentions it). */
  good: string | null;
  goodLine: number | null;
}

export interface SlowerUnit {
  unit: string;
  goodSeconds: number;
  badSeconds: number;
  badLine: number;
  approximate: boolean;
}

export interface BootDiff {
  good: DiffSide;
  bad: DiffSide;
  /** The first message of the bad cycle that tells something the good one did not. */
  firstDivergence: UnitChange | null;
  failedOnlyInBad: UnitChange[];
  failedInBoth: string[];
  fixedInBad: string[];
  /** Targets the good cycle reached and the bad one never did, in the good cycle's order. */
  targetsNotReached: string[];
  slower: SlowerUnit[];
}

/** Units whose start took at least this much longer (seconds), and half as long again, are slower. */
const SLOWER_BY = 1;

/** What a verb says became of its unit, in one word. */
function outcome(verb: Verb): string {
  return VERB_FAILURE[verb] ?? (VERB_SEVERITY[verb] === 'done' ? 'ok' : 'begun');
}

/** The events of one cycle (its lines). */
function eventsOf(events: readonly UnitEvent[], c: Cycle): UnitEvent[] {
  return events.filter((e) => e.line >= c.startLine && e.line <= c.endLine);
}

/** Each unit's first failure, else its last outcome. */
function fates(events: readonly UnitEvent[]): Map<string, UnitEvent> {
  const out = new Map<string, UnitEvent>();
  for (const e of events) {
    const was = out.get(e.key);
    if (was !== undefined && VERB_FAILURE[was.verb] !== undefined) continue;
    if (VERB_SEVERITY[e.verb] === 'progress' && was !== undefined) continue;
    out.set(e.key, e);
  }
  return out;
}

/** How long each unit's start took: from its `Starting`/`Mounting` to its result, where both have a time. */
function durations(events: readonly UnitEvent[]): Map<string, { seconds: number; line: number }> {
  const begun = new Map<string, number>();
  const out = new Map<string, { seconds: number; line: number }>();
  for (const e of events) {
    if (e.uptime === null) continue;
    if (e.verb === 'start-begin' || e.verb === 'mount-begin' || e.verb === 'swap-begin' || e.verb === 'device-expect') {
      if (!begun.has(e.key)) begun.set(e.key, e.uptime);
    } else if (VERB_SEVERITY[e.verb] !== 'progress' && begun.has(e.key) && !out.has(e.key)) {
      out.set(e.key, { seconds: Math.round((e.uptime - begun.get(e.key)!) * 1000) / 1000, line: e.line });
    }
  }
  return out;
}

function side(report: Report, c: Cycle): DiffSide {
  const boot = report.boots.find((b) => b.cycles.some((x) => x === c))!;
  const rc = c.rootCause;
  return { name: report.input.name, boot: boot.index, cycle: c.index, outcome: c.outcome, rootCause: rc === null ? null : rc.headline };
}

/** The key a unit's printed text gives (its name, else its description). */
function keyOf(text: string): string {
  const unit = parseUnitText(text);
  return unit.name ?? unit.description ?? text.trim();
}

/** Startup only: what a cycle said before it began to shut down (a shutdown reaches targets of its own). */
function startupOf(events: readonly UnitEvent[], c: Cycle): UnitEvent[] {
  const shutdown = c.phases.find((p) => p.name === 'shutdown');
  return shutdown === undefined ? [...events] : events.filter((e) => e.line < shutdown.startLine);
}

export function diffCycles(good: { report: Report; cycle: Cycle; events: readonly UnitEvent[] }, bad: { report: Report; cycle: Cycle; events: readonly UnitEvent[] }): BootDiff {
  // Names the reports made certain (an ellipsized `systemd-rand…service` is systemd-random-seed.service):
  // events are matched and told by them.
  const names = new Map<string, string>();
  for (const f of [...good.cycle.failures, ...bad.cycle.failures]) if (f.unit.name !== null) names.set(keyOf(f.unit.text), f.unit.name);
  const named = (events: UnitEvent[]): UnitEvent[] => events.map((e) => (names.has(e.key) ? { ...e, key: names.get(e.key)! } : e));
  const gAll = named(eventsOf(good.events, good.cycle));
  const gEvents = startupOf(gAll, good.cycle);
  const bEvents = startupOf(named(eventsOf(bad.events, bad.cycle)), bad.cycle);
  const gFate = fates(gEvents);
  const bFate = fates(bEvents);
  // (What the good cycle did with a unit it never started on screen: it stopped it at its end, so it ran.)
  const gSeen = fates(gAll);
  const failed = (e: UnitEvent | undefined): boolean => e !== undefined && VERB_FAILURE[e.verb] !== undefined;

  const failedOnlyInBad: UnitChange[] = [];
  const failedInBoth: string[] = [];
  for (const [key, e] of bFate) {
    if (!failed(e)) continue;
    const g = gFate.get(key) ?? gSeen.get(key);
    if (failed(gFate.get(key))) failedInBoth.push(key);
    else failedOnlyInBad.push({ unit: key, bad: outcome(e.verb), badLine: e.line, badText: e.text, good: g === undefined ? null : outcome(g.verb), goodLine: g?.line ?? null });
  }
  failedOnlyInBad.sort((a, b) => a.badLine - b.badLine);
  const fixedInBad = [...gFate].filter(([key, e]) => failed(e) && !failed(bFate.get(key))).map(([key]) => key);

  const reached = new Set(bEvents.filter((e) => e.verb === 'reached-target').map((e) => e.key));
  const targetsNotReached = [...new Set(gEvents.filter((e) => e.verb === 'reached-target' && !reached.has(e.key)).map((e) => e.key))];

  const gTime = durations(gEvents);
  const bTime = durations(bEvents);
  // (A console's status lines carry no time: the kernel's last stamp before them stands in for it.)
  const approximate = bad.report.input.recognisedAs === 'console' || good.report.input.recognisedAs === 'console';
  const slower: SlowerUnit[] = [];
  for (const [key, b] of bTime) {
    const g = gTime.get(key);
    if (g !== undefined && b.seconds - g.seconds >= SLOWER_BY && b.seconds >= 1.5 * g.seconds) slower.push({ unit: key, goodSeconds: g.seconds, badSeconds: b.seconds, badLine: b.line, approximate });
  }
  slower.sort((a, b) => b.badSeconds - b.goodSeconds - (a.badSeconds - a.goodSeconds));

  // The first thing the bad cycle says that the good one did not: a unit failing that had not.
  const firstDivergence = failedOnlyInBad.length > 0 ? failedOnlyInBad[0]! : null;

  return { good: side(good.report, good.cycle), bad: side(bad.report, bad.cycle), firstDivergence, failedOnlyInBad, failedInBoth, fixedInBad, targetsNotReached, slower: slower.slice(0, 20) };
}
