/** What a report found, in the vocabulary of a corpus case's expected.json. */
import { AUDIT_FAILED, BAD_UNIT_FILE } from '../../parsers/segment/state.js';
import type { Report as ReportT } from '../../parsers/report/schema.js';

const unique = (xs: string[]): string[] => [...new Set(xs)];

/** What the report found, in the vocabulary of expected.json. */
export function findings(r: ReportT) {
  const cycles = r.boots.flatMap((b) => b.cycles);
  const failures = cycles.flatMap((c) => c.failures).sort((a, b) => a.line - b.line);
  const name = (f: (typeof failures)[number]) => f.unit.name ?? f.unit.text;
  // The log's root cause is the report's own (`rootCause`: the one its headline names first).
  const rc = r.rootCause;
  const causes = rc === null ? [] : [{ what: rc.kind === 'kernel-crash' ? (rc.crash ?? 'kernel-crash') : (rc.unit ?? rc.kind), kind: rc.kind, description: rc.description, evidence: rc.evidence.map((e) => e.text) }];
  const modes = [...r.boots.map((b) => b.emergency), ...cycles.map((c) => c.emergency)].filter((m) => m !== null).sort((a, b) => a.line - b.line);
  return {
    boots: r.boots.length,
    cycles: cycles.length,
    startsMidway: r.boots[0]?.startsMidway ?? false,
    rootCause: causes[0]?.what ?? null,
    /** The root cause's kind: a missing root device (`root-device`) is said either way, by its kind or its device unit. */
    rootCauseKind: causes[0]?.kind ?? null,
    /** The root cause in the log's words (a unit's description, a message): a label may give either. */
    rootCauseDescription: causes[0]?.description ?? null,
    rootEvidence: causes[0]?.evidence ?? [],
    emergency: modes[0]?.kind ?? 'none',
    emergencyTriggeredBy: modes[0]?.triggeredBy ?? null,
    // (`[ INFO ] X is not active.` is counted as the cause of the [DEPEND]s after it, not as a [FAILED] line; an
    // `[ASSERT]` line is no `Failed to …` line either; nor is PID 1's audit record of a failed start, nor its
    // refusal of a unit file it would not load.)
    failed: unique(failures.filter((f) => ((f.kind === 'failed' && f.verb !== 'not-active') || f.kind === 'once') && !f.evidence.every((e) => e.why === AUDIT_FAILED) && f.evidence[0]?.why !== BAD_UNIT_FILE).map(name)),
    // (Not a socket that failed with its service's start limit, `Failed with result 'service-start-limit-hit'`: a
    // failure for want of another unit, as a [DEPEND] is, but no `Dependency failed for …` line.)
    dependencyFailed: unique(failures.filter((f) => f.kind === 'dependency' && f.result !== 'service-start-limit-hit').map(name)),
    timedOut: unique(failures.filter((f) => f.kind === 'timeout').map(name)),
    /** Each failed unit's name → the words its status line printed (a label may list a unit by those). */
    printedAs: new Map(failures.filter((f) => f.unit.name !== null).map((f) => [f.unit.name!, f.unit.text.replace(/\.$/, '')])),
    kernelCrashes: r.boots.flatMap((b) => b.crashes.map((c) => c.kind)),
    crashTitles: r.boots.flatMap((b) => b.crashes.map((c) => c.title)),
    /** Each crash's own header line(s) as the log printed them (a label may name a crash by the kernel's words). */
    // (ARM's oops has two: `Unable to handle kernel NULL pointer dereference …`, then `Internal error: Oops: 5 [#1]`.)
    crashHeaders: r.boots.flatMap((b) => b.crashes.map((c) => c.evidence.filter((e) => e.line === c.line || e.why === 'the oops').map((e) => e.text).join('\n'))),
    cycleStarts: cycles.map((c) => c.start),
    hungJobs: unique(cycles.flatMap((c) => c.hungJobs.map((j) => j.unit.name ?? j.unit.text))),
    loginReached: cycles.some((c) => c.loginLine !== null) || r.boots.some((b) => b.loginLine !== null),
    defaultTargets: cycles.map((c) => c.defaultTarget),
  };
}

