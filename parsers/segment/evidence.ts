/** Evidence lines and the caps that bound the segmenter's memory. */
import { type FailureKind } from '../grammar/status.js';
import type { Evidence } from '../report/schema.js';
import type { FailureState, ModeKind } from './state.js';
import { own } from '../grammar/units.js';
export const LIMITS = {
  boots: 64,
  cyclesPerBoot: 64,
  failuresPerCycle: 1000,
  /** Failures kept over all boots; past it the oldest cycles are left out of the report. */
  failuresRetained: 10000,
  unitsPerCycle: 5000,
  /** Unit names kept over all boots (each cycle's count of units seen goes on past it). */
  unitsRetained: 50000,
  evidencePerFinding: 10,
  jobsPerCycle: 500,
  /** Hung jobs kept over all boots. */
  jobsRetained: 20000,
  crashesPerBoot: 200,
  /** Phases of a boot or a cycle; past it the earliest but the first give way. */
  phases: 64,
  /** Services another init system said failed, per boot. */
  initFailures: 50,
  evidenceText: 400,
} as const;

/** Kernel lines earlier than this many lines before a failure still count as "near" it. */
export const NEAR_LINES = 12;

export function addEvidence(list: Evidence[], ev: Evidence): void {
  if (list.length >= LIMITS.evidencePerFinding) return;
  if (list.some((e) => e.line === ev.line && e.text === ev.text)) return;
  // `why` is often made of pieces of the line: it is kept, the line is not.
  ev.why = clip(ev.why);
  list.push(ev);
}

/**
 * An empty list for objects that already has V8's elements kind for them (one `undefined`, taken off again). A
 * list made empty as `[]` holds small integers by kind until its first object comes, and the segmenter's lists
 * get theirs early in a log: the optimized code then reads lists of the object kind only, and the next analysis
 * in the same process (the batch command, a test run), whose lists are new and empty again, throws that code away
 * ("wrong map") in the segmenter's largest functions.
 */
/** A ring of `size` places, each empty (undefined) until written: for lists written at `i & (size - 1)`, whose
 *  readers skip the empty places. */
export function ring<T>(size: number): T[] {
  const list = objectList<T>();
  for (let i = 0; i < size; i++) list.push(undefined as T);
  return list;
}

export function objectList<T>(): T[] {
  const list: T[] = [undefined as T];
  list.pop();
  return list;
}

/** A line as evidence (or a word from one): trimmed, at most LIMITS.evidenceText long, and not holding on to the line (see `own`). */
export function clip(text: string, limit: number = LIMITS.evidenceText): string {
  const t = text.trim();
  if (t.length <= limit) return own(t);
  // (Its start and its end: a long line's last words are often what it says, an errno after a long path:
  // `Failed to create /kubepods.slice/…/init.scope control group: Permission denied`.)
  const tail = Math.floor(limit / 3);
  return own(t.slice(0, limit - tail - 1) + '…' + t.slice(t.length - tail));
}

export function whyLine(kind: FailureKind, source: FailureState['source']): string {
  const who = source === 'kmsg' ? 'PID 1 (kernel log)' : source === 'journal' ? 'PID 1 (journal)' : source === 'systemctl' ? 'systemctl' : 'status line';
  switch (kind) {
    case 'dependency':
      return `${who}: a dependency failed`;
    case 'timeout':
      return `${who}: timed out`;
    case 'assert':
      return `${who}: assertion failed`;
    case 'unsupported':
      return `${who}: unsupported`;
    case 'once':
      return `${who}: can only be started once`;
    case 'skipped':
      return `${who}: its start job was deleted to break an ordering cycle`;
    default:
      return `${who}: the unit failed`;
  }
}

export function modeWhy(kind: ModeKind): string {
  switch (kind) {
    case 'emergency':
      return 'emergency mode';
    case 'rescue':
      return 'rescue mode';
    case 'dracut-shell':
      return 'dracut dropped to its emergency shell';
    case 'initramfs-shell':
      return 'initramfs-tools dropped to its shell';
  }
}
