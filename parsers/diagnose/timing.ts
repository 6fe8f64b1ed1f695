/**
 * Where the time went: each phase's duration from the uptimes at its edges, and PID 1's own account
 * (`Startup finished in 2.085s (kernel) + 4.543s (initrd) + 21.379s (userspace) = 28.008s.`) read into
 * numbers.
 */
import type { Phase } from '../report/schema.js';

export interface StartupTimes {
  firmware: number | null;
  loader: number | null;
  kernel: number | null;
  initrd: number | null;
  userspace: number | null;
  total: number | null;
}

const UNITS: Readonly<Record<string, number>> = {
  y: 31557600,
  month: 2629800,
  w: 604800,
  d: 86400,
  h: 3600,
  min: 60,
  s: 1,
  ms: 1e-3,
  us: 1e-6,
  'µs': 1e-6,
  'μs': 1e-6,
};

/** One systemd timespan (`1min 2.345s`, `500ms`, `1h 3min`), in seconds; null if it is none. */
export function parseTimespan(text: string): number | null {
  const parts = text.trim().split(/\s+/);
  if (parts.length === 0 || parts[0] === '') return null;
  let total = 0;
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)(y|month|w|d|h|min|s|ms|us|µs|μs)$/.exec(p);
    if (m === null) return null;
    total += Number(m[1]) * UNITS[m[2]!]!;
  }
  return Math.round(total * 1e6) / 1e6;
}

const PART = /^(.+?) \((firmware|loader|kernel|initrd|userspace)\)$/;

/** `2.085s (kernel) + 4.543s (initrd) + 21.379s (userspace) = 28.008s` (what follows `Startup finished in `). */
export function parseStartupFinished(text: string): StartupTimes | null {
  const out: StartupTimes = { firmware: null, loader: null, kernel: null, initrd: null, userspace: null, total: null };
  const t = text.trim().replace(/\.$/, '');
  const eq = t.lastIndexOf(' = ');
  const sum = eq >= 0 ? t.slice(0, eq) : t;
  if (eq >= 0) out.total = parseTimespan(t.slice(eq + 3));
  let any = out.total !== null;
  for (const part of sum.split(' + ')) {
    const m = PART.exec(part.trim());
    if (m !== null) {
      const s = parseTimespan(m[1]!);
      if (s !== null) {
        out[m[2] as keyof StartupTimes] = s;
        any = true;
      }
    } else if (eq < 0) {
      // A user manager's `Startup finished in 123ms.`: the total alone.
      out.total = parseTimespan(part);
      any ||= out.total !== null;
    }
  }
  return any ? out : null;
}

/**
 * The phases with their durations: from a phase's first uptime to the next phase's (to the first phase of
 * `following` for the last one), or to its own last uptime when nothing follows. Null where an edge has no
 * uptime (a log without kernel timestamps, a journal's wall clock).
 */
export function phaseDurations<P extends Pick<Phase, 'startUptime' | 'endUptime'>>(phases: readonly P[], following: readonly P[] = []): Array<P & { seconds: number | null }> {
  return phases.map((p, i) => {
    const next = i + 1 < phases.length ? phases[i + 1]!.startUptime : (following[0]?.startUptime ?? p.endUptime);
    const seconds = p.startUptime !== null && next !== null && next >= p.startUptime ? Math.round((next - p.startUptime) * 1000) / 1000 : null;
    return { ...p, seconds };
  });
}
