/**
 * A team's policy applied to a report: failures it expects on its machines (a unit glob and the reason,
 * shown as expected, never hidden) and which findings fail a run. No I/O: the CLI reads and checks the
 * policy file (cli/config.ts) and hands it here.
 */
import type { Failure, Report } from '../report/schema.js';

export type FailOn = 'failed' | 'emergency' | 'crash' | 'degraded' | 'any';

export interface Policy {
  /** Where the policy came from (shown in the report). */
  file: string | null;
  expected: ReadonlyArray<{ unit: string; reason: string }>;
  failOn: readonly FailOn[];
}

export const DEFAULT_FAIL_ON: readonly FailOn[] = ['failed', 'emergency', 'crash'];

/** A unit glob (`*`, `?`) as an anchored regex. */
function unitGlob(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

export function applyPolicy(report: Report, policy: Policy): Report {
  const rules = policy.expected.map((e) => ({ re: unitGlob(e.unit), reason: e.reason }));
  const reasonFor = (name: string): string | null => rules.find((r) => r.re.test(name))?.reason ?? null;
  let expectedCount = 0;
  let unexpectedFailure = false;
  let unexpectedEmergency = false;
  let anyFailure = false;
  const boots = report.boots.map((b) => {
    const cycles = b.cycles.map((c) => {
      // A dependency failure is expected when the failure it traces back to is.
      const direct = new Map<string, string>();
      for (const f of c.failures) {
        const reason = reasonFor(f.unit.name ?? f.unit.text);
        if (reason !== null) direct.set(f.unit.name ?? f.unit.text, reason);
      }
      const failures: Failure[] = c.failures.map((f) => {
        const name = f.unit.name ?? f.unit.text;
        const expected = direct.get(name) ?? (f.rootCause !== null ? (direct.get(f.rootCause) ?? null) : null);
        if (expected !== null) expectedCount++;
        return { ...f, expected };
      });
      const rootName = c.rootCause?.unit ?? null;
      const rootExpected = rootName !== null && (direct.has(rootName) || reasonFor(rootName) !== null);
      const breaking = failures.filter((f) => f.kind !== 'unsupported' && f.manager === null);
      if (breaking.length > 0) anyFailure = true;
      if (breaking.some((f) => f.expected === null) && !rootExpected) unexpectedFailure = true;
      if (c.emergency !== null && !c.emergency.requested && !rootExpected) unexpectedEmergency = true;
      return { ...c, failures };
    });
    if (b.emergency !== null) unexpectedEmergency = true;
    if (b.rootCause !== null && b.rootCause.kind !== 'kernel-crash' && reasonFor(b.rootCause.unit ?? b.rootCause.kind) === null) unexpectedFailure = true;
    return { ...b, cycles };
  });
  const crashes = report.boots.some((b) => b.crashes.length > 0);
  const on = new Set(policy.failOn);
  const fails =
    (on.has('failed') && unexpectedFailure) ||
    (on.has('emergency') && unexpectedEmergency) ||
    (on.has('crash') && crashes) ||
    (on.has('degraded') && report.degraded.length > 0) ||
    (on.has('any') && (anyFailure || unexpectedEmergency || crashes || report.degraded.length > 0));
  const verdict: Report['verdict'] = report.verdict === 'empty' ? 'empty' : fails ? 'failed' : 'ok';
  const headline =
    verdict === report.verdict
      ? report.headline
      : verdict === 'ok'
        ? `${report.boots.length} boot${report.boots.length === 1 ? '' : 's'}; nothing failed that the policy does not expect (${expectedCount} expected failure${expectedCount === 1 ? '' : 's'})`
        : `${report.headline} (failing by the policy: ${[...on].join(', ')})`;
  return { ...report, boots, verdict, headline, policy: { file: policy.file, expected: expectedCount, failOn: [...policy.failOn] } };
}
