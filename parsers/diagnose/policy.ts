/**
 * A team's policy applied to a report: failures it expects on its machines (a unit glob and the reason,
 * shown as expected, never hidden) and which findings fail a run. No I/O: the CLI reads and checks the
 * policy file (cli/config.ts) and hands it here.
 */
import type { Failure, Report } from '../report/schema.js';
import type { PatternDef, Severity } from './patterns.js';

export type FailOn = 'failed' | 'emergency' | 'crash' | 'degraded' | 'any';

/** The kinds of finding a policy can give a severity: failure results, shells, crash kinds, damage. */
export const FINDING_KINDS = [
  'failed', 'timeout', 'dependency', 'assert', 'once', 'unsupported', 'skipped',
  'emergency', 'rescue', 'dracut-shell', 'initramfs-shell',
  'panic', 'oops', 'bug', 'warning', 'hung-task', 'oom',
  'degraded',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The fail-on class a kind belongs to. */
export function classOf(kind: FindingKind): Exclude<FailOn, 'any'> {
  switch (kind) {
    case 'emergency': case 'rescue': case 'dracut-shell': case 'initramfs-shell': return 'emergency';
    case 'panic': case 'oops': case 'bug': case 'warning': case 'hung-task': case 'oom': return 'crash';
    case 'degraded': return 'degraded';
    default: return 'failed';
  }
}

export interface Policy {
  /** Where the policy came from (shown in the report). */
  file: string | null;
  expected: ReadonlyArray<{ unit: string; reason: string }>;
  failOn: readonly FailOn[];
  /** Per kind of finding, over what fail-on says: fail, note (listed, not failing) or ignore. */
  severity?: Partial<Record<FindingKind, Severity>>;
  /** The team's own patterns (the Analyzer finds them; they are in `report.matches`). */
  patterns?: readonly PatternDef[];
}

export const DEFAULT_FAIL_ON: readonly FailOn[] = ['failed', 'emergency', 'crash'];

/** What each kind of finding does under a policy: its own severity, else fail when fail-on names its
 *  class (an unsupported job never fails unless the policy says so: it breaks nothing). */
export function severities(policy: Policy): Record<FindingKind, Severity> {
  const on = new Set(policy.failOn);
  const out = {} as Record<FindingKind, Severity>;
  for (const k of FINDING_KINDS) {
    const byClass: Severity = k !== 'unsupported' && (on.has('any') || on.has(classOf(k))) ? 'fail' : 'note';
    out[k] = policy.severity?.[k] ?? byClass;
  }
  return out;
}

/** A unit glob (`*`, `?`) as an anchored regex. */
function unitGlob(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

export function applyPolicy(report: Report, policy: Policy): Report {
  const rules = policy.expected.map((e) => ({ re: unitGlob(e.unit), reason: e.reason }));
  const reasonFor = (name: string): string | null => rules.find((r) => r.re.test(name))?.reason ?? null;
  const sev = severities(policy);
  let expectedCount = 0;
  const failing: string[] = [];
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
      // A user manager's failures are the user's services: they do not fail the machine's boot.
      for (const f of failures) if (f.manager === null && f.expected === null && !rootExpected && sev[f.kind] === 'fail') failing.push(f.kind);
      if (c.emergency !== null && !c.emergency.requested && !rootExpected && sev[c.emergency.kind] === 'fail') failing.push(c.emergency.kind);
      return { ...c, failures };
    });
    if (b.emergency !== null && sev[b.emergency.kind] === 'fail') failing.push(b.emergency.kind);
    if (b.rootCause !== null && b.rootCause.kind !== 'kernel-crash' && reasonFor(b.rootCause.unit ?? b.rootCause.kind) === null && sev.failed === 'fail') failing.push('failed');
    for (const k of b.crashes) if (sev[k.kind] === 'fail') failing.push(k.kind);
    return { ...b, cycles };
  });
  if (report.degraded.length > 0 && sev.degraded === 'fail') failing.push('degraded');
  for (const m of report.matches) if (m.severity === 'fail') failing.push(`'${m.title}'`);
  const fails = failing.length > 0;
  const verdict: Report['verdict'] = report.verdict === 'empty' ? 'empty' : fails ? 'failed' : 'ok';
  const why = [...new Set(failing)].join(', ');
  const headline =
    verdict === report.verdict
      ? report.headline
      : verdict === 'ok'
        ? `${report.boots.length} boot${report.boots.length === 1 ? '' : 's'}; nothing failed that the policy does not expect or note (${expectedCount} expected failure${expectedCount === 1 ? '' : 's'})`
        : report.verdict === 'ok'
          ? `${report.boots.length} boot${report.boots.length === 1 ? '' : 's'}; failing by the policy: ${why}`
          : `${report.headline} (failing by the policy: ${why})`;
  return { ...report, boots, verdict, headline, policy: { file: policy.file, expected: expectedCount, failOn: [...policy.failOn], severity: sev } };
}
