/**
 * How long each unit took to start: from its `Starting …`/`Mounting …` to its result, where both lines have
 * a time. A kmsg line (`[  4.1] systemd[1]: Started …`) and a journal line carry their own; a console's
 * status lines carry none, and the kernel's last stamp before them stands in (approximate). Kept per
 * userspace cycle in bounded memory: the units still starting (at most OPEN_LIMIT), and the slowest few.
 */
import { VERB_SEVERITY, type Verb } from '../grammar/status.js';

/** A time on one clock: kernel uptime, or a wall clock's seconds of the day. */
export interface Clock {
  t: number;
  clock: 'uptime' | 'wall';
  /** The line carries the time itself (else it is the last time seen before it). */
  exact: boolean;
}

export interface SlowStart {
  unit: string;
  seconds: number;
  /** The line of its result (or of the spinner that showed it still starting). */
  line: number;
  /** `timestamps`: from its begin and end lines' times; `spinner`: the start job's own elapsed time. */
  source: 'timestamps' | 'spinner';
  approximate: boolean;
  /** Kernel uptime when it began, where the clock is the kernel's. */
  startUptime: number | null;
}

// (Not `Expecting device …`: a device appears when udev gets to it, which is no start of its own.)
const BEGIN = new Set<Verb>(['start-begin', 'mount-begin', 'swap-begin']);
/** Units still starting that are remembered (a cycle starts hundreds; those never finished are dropped first). */
const OPEN_LIMIT = 512;
/** The slowest starts reported. */
export const SLOWEST_KEPT = 5;
/** … and kept while reading (approximate ones that share their times with another are dropped at the end). */
const KEPT_WHILE_READING = 16;

export class StartTimes {
  private readonly open = new Map<string, { at: Clock; line: number }>();
  private readonly slowest: Array<SlowStart & { pair?: string }> = [];
  /** How many approximate starts ran between the same two stamps: a console that printed no kernel line
   *  while many units started gives them all one duration, which tells nothing of any of them. */
  private readonly pairs = new Map<string, number>();
  private readonly keep: number;

  constructor(keep = KEPT_WHILE_READING) {
    this.keep = keep;
  }

  /** The slowest starts, longest first, without the approximate ones that share their stamps with another. */
  result(): SlowStart[] {
    return this.slowest.filter((s) => s.pair === undefined || (this.pairs.get(s.pair) ?? 0) < 2).map(({ pair: _, ...s }) => s);
  }

  message(key: string, verb: Verb, at: Clock | null, line: number): void {
    if (at === null) return;
    if (BEGIN.has(verb)) {
      if (this.open.has(key)) return;
      if (this.open.size >= OPEN_LIMIT) this.open.delete(this.open.keys().next().value!);
      this.open.set(key, { at, line });
      return;
    }
    if (VERB_SEVERITY[verb] === 'progress') return;
    const begun = this.open.get(key);
    if (begun === undefined) return;
    this.open.delete(key);
    if (begun.at.clock !== at.clock) return;
    let seconds = at.t - begun.at.t;
    // (A wall clock read as seconds of the day goes round at midnight.)
    if (at.clock === 'wall' && seconds < 0) seconds += 86400;
    if (seconds < 0) return;
    const approximate = !(begun.at.exact && at.exact);
    let pair: string | undefined;
    if (approximate) {
      pair = `${begun.at.t} ${at.t}`;
      if (this.pairs.size >= OPEN_LIMIT && !this.pairs.has(pair)) this.pairs.clear();
      this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1);
    }
    this.add({ unit: key, seconds: Math.round(seconds * 1000) / 1000, line, source: 'timestamps', approximate, startUptime: at.clock === 'uptime' ? begun.at.t : null, ...(pair !== undefined ? { pair } : {}) });
  }

  /** A start job's spinner showed it running this long. */
  spinner(key: string, seconds: number, line: number, uptimeThen: number | null = null): void {
    this.add({ unit: key, seconds, line, source: 'spinner', approximate: false, startUptime: uptimeThen === null ? null : Math.max(0, Math.round((uptimeThen - seconds) * 1000) / 1000) });
  }

  /** The unit's longest start, among the slowest few. */
  add(s: SlowStart & { pair?: string }): void {
    const list = this.slowest;
    const i = list.findIndex((x) => x.unit === s.unit);
    if (i >= 0) {
      if (list[i]!.seconds >= s.seconds) return;
      list.splice(i, 1);
    }
    if (list.length >= this.keep && list[list.length - 1]!.seconds >= s.seconds) return;
    let at = list.length;
    while (at > 0 && list[at - 1]!.seconds < s.seconds) at--;
    list.splice(at, 0, s);
    if (list.length > this.keep) list.pop();
  }
}

/** `08:12:45`, `08:12:45.123456` in a journal's or syslog's time column: seconds of the day. */
export function wallClock(time: string): Clock | null {
  const m = /(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?/.exec(time);
  if (m !== null) {
    const frac = m[4] !== undefined ? Number(`0.${m[4]}`) : 0;
    return { t: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + frac, clock: 'wall', exact: m[4] !== undefined };
  }
  // `-o short-unix`: seconds since the epoch.
  const u = /^\s*(\d{9,10}\.\d{1,6})$/.exec(time);
  return u !== null ? { t: Number(u[1]) % 86400, clock: 'wall', exact: true } : null;
}
