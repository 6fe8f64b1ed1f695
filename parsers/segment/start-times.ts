/**
 * How long each unit took to start: from its `Starting …`/`Mounting …` to its result, where both lines have
 * a time. A kmsg line (`[  4.1] systemd[1]: Started …`) and a journal line carry their own; a console's
 * status lines carry none, and the kernel's last stamp before them stands in (approximate). Kept per
 * userspace cycle in bounded memory: the units still starting (at most OPEN_LIMIT), and the slowest few.
 */
import { VERB_SEVERITY, type Verb } from '../grammar/status.js';
import { own } from '../grammar/units.js';

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
const OPEN_LIMIT = 256;
/** The slowest starts reported. */
export const SLOWEST_KEPT = 5;
/** … and kept while reading (approximate ones that share their times with another are dropped at the end). */
const KEPT_WHILE_READING = 16;

export class StartTimes {
  /** Units starting: when (on which clock, whether their own line's time) and where. */
  private readonly open = new Map<string, { t: number; wall: boolean; exact: boolean }>();
  private readonly slowest: Array<SlowStart & { pair?: number }> = [];
  /** How many approximate starts ran between the same two stamps: a console that printed no kernel line
   *  while many units started gives them all one duration, which tells nothing of any of them. (Keyed by a
   *  number made of the two: this runs on every result line of a console.) */
  private readonly pairs = new Map<number, number>();
  private readonly keep: number;

  constructor(keep = KEPT_WHILE_READING) {
    this.keep = keep;
  }

  /** The slowest starts, longest first, without the approximate ones that share their stamps with another. */
  result(): SlowStart[] {
    return this.slowest.filter((s) => s.pair === undefined || (this.pairs.get(s.pair) ?? 0) < 2).map(({ pair: _, ...s }) => s);
  }

  /** A unit message at time `t` (kernel uptime, or with `wall` a wall clock's seconds of the day; `exact`:
   *  the line carries it). Runs on every status line: no allocation but for a start begun. */
  message(key: string, verb: Verb, t: number, wall: boolean, exact: boolean, line: number): void {
    if (BEGIN.has(verb)) {
      if (this.open.has(key)) return;
      // (Starts that never finished, many: forgotten all at once rather than walked.)
      if (this.open.size >= OPEN_LIMIT) this.open.clear();
      // (A copy of the name: a slice would keep the whole chunk of the log it came from alive.)
      this.open.set(own(key), { t, wall, exact });
      return;
    }
    if (VERB_SEVERITY[verb] === 'progress') return;
    const begun = this.open.get(key);
    if (begun === undefined) return;
    this.open.delete(key);
    if (begun.wall !== wall) return;
    let seconds = t - begun.t;
    // (A wall clock read as seconds of the day goes round at midnight.)
    if (wall && seconds < 0) seconds += 86400;
    if (seconds < 0) return;
    const approximate = !(begun.exact && exact);
    let pair: number | undefined;
    if (approximate) {
      pair = begun.t * 1048576 + t;
      if (this.pairs.size >= OPEN_LIMIT && !this.pairs.has(pair)) this.pairs.clear();
      this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1);
    }
    // (Only a start that can be among the slowest is made into a record.)
    const kept = this.slowest;
    if (kept.length >= this.keep && kept[kept.length - 1]!.seconds >= seconds) return;
    this.add({ unit: own(key), seconds: Math.round(seconds * 1000) / 1000, line, source: 'timestamps', approximate, startUptime: wall ? null : begun.t, ...(pair !== undefined ? { pair } : {}) });
  }

  /** A start job's spinner showed it running this long. */
  spinner(key: string, seconds: number, line: number, uptimeThen: number | null = null): void {
    this.add({ unit: key, seconds, line, source: 'spinner', approximate: false, startUptime: uptimeThen === null ? null : Math.max(0, Math.round((uptimeThen - seconds) * 1000) / 1000) });
  }

  /** The unit's longest start, among the slowest few. */
  add(s: SlowStart & { pair?: number }): void {
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
