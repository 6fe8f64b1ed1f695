/**
 * Every exit status bootwhy gives, for every command, in one place: the README's table is checked
 * against this one by test/exit-codes.test.ts, and no command returns a number of its own.
 */
import type { Report } from '../parsers/report/schema.js';

export const EXIT = {
  /** A boot log was read and nothing in it failed (or all that failed is expected by the policy);
   *  watch: the --until condition was met. */
  ok: 0,
  /** Failures were found: a failed unit, emergency/rescue mode, an initrd shell, a kernel crash
   *  (or what the policy's fail-on / severity makes fatal). */
  failed: 1,
  /** A usage or input error: a bad option, a missing or unreadable file, a policy file with a mistake,
   *  a compressed file cut short (the report of what it held is still printed). */
  error: 2,
  /** watch: emergency or rescue mode, or an initrd shell, while waiting for something else. */
  emergency: 3,
  /** watch: a kernel panic while waiting for something else. */
  panic: 4,
  /** watch: --timeout ran out before the condition. */
  timeout: 5,
  /** Nothing in the input is boot output bootwhy recognises (empty, or not a boot log). */
  unrecognised: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit status a finished report gives, for analyze, the TUI, watch without --until, and each
 *  input of a batch. */
export function exitForReport(report: Report): ExitCode {
  if (report.verdict === 'failed') return EXIT.failed;
  if (report.verdict === 'empty') return EXIT.unrecognised;
  // A damaged input (a compressed file cut short) was read only in part: not a clean bill of health.
  if (report.degraded.some((d) => d.code === 'damaged-input')) return EXIT.error;
  return EXIT.ok;
}

/** Of several inputs' statuses, the one a batch exits with: an input error, then failures, then
 *  watch's own states, then not a boot log, then OK. */
const RANK: readonly number[] = [EXIT.ok, EXIT.unrecognised, EXIT.timeout, EXIT.panic, EXIT.emergency, EXIT.failed, EXIT.error];
export function worse(a: number, b: number): number {
  return RANK.indexOf(b) > RANK.indexOf(a) ? b : a;
}
