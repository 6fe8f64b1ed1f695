/**
 * The corpus as the test: every real log, fed whole and in 1- and 7-byte chunks, must give the same report,
 * valid against the report schema, and find what its expected.json says (written by reading the log).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Analyzer } from '../parsers/index.js';
import { Report, type Report as ReportT } from '../parsers/report/schema.js';
import type { PhysicalLine } from '../parsers/terminal/line-splitter.js';
import { loadCorpus } from './support/corpus.js';
import { feed } from './support/feed.js';
import { LineUnwrapper, decodeQuotedPrintable, journalJson } from '../parsers/input/unwrap.js';
import { findings } from './support/findings.js';

function run(log: Uint8Array, size: number, lines?: PhysicalLine[]): ReportT {
  const a = new Analyzer({ name: 'corpus', onLine: lines ? (l) => lines.push(l) : undefined });
  feed(log, size, (c) => a.write(c));
  return a.end();
}

const cases = loadCorpus();

test('the corpus has cases', () => {
  assert.ok(cases.length >= 2, `found ${cases.length} cases`);
});

for (const c of cases) {
  test(`corpus: ${c.name}`, () => {
    const lines: PhysicalLine[] = [];
    const whole = run(c.log, 0, lines);
    const json = JSON.stringify(whole);
    for (const size of [1, 7]) assert.is(JSON.stringify(run(c.log, size)), json, `fed in ${size}-byte chunks, the report differs`);

    const parsed = Report.safeParse(whole);
    assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);

    // Invariant: every evidence line exists and shows (the start of) the quoted text.
    // Evidence quotes a line as read: with the envelope (CI prefix, lost escapes, …) taken off.
    const byLine = new Map<number, string>();
    const unwrapper = new LineUnwrapper(() => {});
    // (A `journalctl -o json` entry is quoted as the short line it is read as.)
    // (A mail's quoted-printable body is quoted decoded: `nice=3D0` as `nice=0`.)
    for (const l of lines) byLine.set(l.lineNo, (byLine.get(l.lineNo) ?? '') + l.text + '\u0000' + unwrapper.unwrap(l.text) + '\u0000' + decodeQuotedPrintable(l.text) + '\u0000' + (l.text.startsWith('{') ? (journalJson(l.text)?.lines.join('\u0000') ?? '') : ''));
    const evidence = [
      ...whole.boots.flatMap((b) => [...(b.rootCause?.evidence ?? []), ...b.crashes.flatMap((x) => x.evidence)]),
      ...whole.boots.flatMap((b) => b.cycles.flatMap((cy) => [...(cy.rootCause?.evidence ?? []), ...cy.failures.flatMap((f) => f.evidence), ...(cy.emergency?.evidence ?? [])])),
    ];
    for (const e of evidence) {
      const shown = byLine.get(e.line);
      assert.ok(shown !== undefined, `evidence line ${e.line} is not a line of the input`);
      if (e.text.startsWith('(rest of')) continue;
      const head = e.text.slice(0, 16);
      // (A `-o json-pretty` entry is quoted as its short line at its MESSAGE's line: the message is what that line shows.)
      const pretty = /^\s+"MESSAGE" : ("(?:[^"\\]|\\.)*")/.exec(shown);
      if (pretty !== null) assert.ok(e.text.includes((JSON.parse(pretty[1]!) as string).slice(0, 40)), `line ${e.line}'s message is not in "${e.text.slice(0, 80)}"`);
      else assert.ok(shown.includes(head), `line ${e.line} does not show "${head}" (it shows "${shown.slice(0, 80)}")`);
    }

    const got = findings(whole);
    const want = c.expected;
    if (want.knownGap !== undefined) {
      // (An emergency or rescue mode that was asked for, with nothing failed, is no failure.)
      const asked = want.rootCause === null && whole.boots.every((b) => b.cycles.every((y) => y.emergency === null || y.emergency.requested));
      const failing = want.rootCause !== null || (want.emergency !== 'none' && !asked) || want.kernelCrashes.length > 0;
      if (failing) assert.is(whole.verdict, 'failed', 'a known gap may miss the cause, never the failure');
      assert.is(got.boots, want.boots, 'boots');
      return;
    }
    if (!c.name.startsWith('wild/')) assert.ok(want.failed && want.dependencyFailed && want.timedOut, 'only wild cases may leave out the unit lists');
    assert.is(got.boots, want.boots, 'boots');
    assert.is(got.cycles, want.cycles, 'cycles');
    assert.is(got.startsMidway, want.startsMidway, 'startsMidway');
    // The root cause is its unit, or its description where the label gives that (the unit's description
    // the log printed, the message of a failure that has no unit), with or without the full stop.
    // (With or without the final full stop or ellipsis: `Waiting for root device /dev/sda2...`.)
    const byDescription = want.rootCause !== null && got.rootCauseDescription !== null && got.rootCauseDescription.replace(/[.…]+$/, '') === want.rootCause.replace(/[.…]+$/, '');
    assert.is(want.rootCause === 'root-device' && got.rootCauseKind === 'root-device' ? 'root-device' : byDescription ? want.rootCause : got.rootCause, want.rootCause, 'rootCause');
    assert.is(got.emergency, want.emergency, 'emergency');
    // (A label lists a unit by its name, or by the words its status line printed when the log names it
    // nowhere: bootwhy's name for it is then compared in the label's form.)
    const asLabelled = (names: string[], listed: string[]): string[] =>
      names.map((n) => {
        const said = got.printedAs.get(n);
        return !listed.includes(n) && said !== undefined && listed.includes(said) ? said : n;
      });
    if (want.failed) assert.equal(asLabelled(got.failed, want.failed), want.failed, 'failed');
    if (want.dependencyFailed) assert.equal(asLabelled(got.dependencyFailed, want.dependencyFailed), want.dependencyFailed, 'dependencyFailed');
    if (want.timedOut) assert.equal(asLabelled(got.timedOut, want.timedOut), want.timedOut, 'timedOut');
    assert.equal(got.kernelCrashes, want.kernelCrashes, 'kernelCrashes');
    if (want.cycleStarts) assert.equal(got.cycleStarts, want.cycleStarts, 'cycleStarts');
    // The details below (what the root cause shows, the trigger of emergency mode, crash titles) may be
    // a labelled gap of their own (`evidenceGap`): then a miss is printed, not failed.
    let missed = false;
    const detail = (ok: boolean, what: string): void => {
      if (want.evidenceGap === undefined) assert.ok(ok, what);
      else if (!ok) {
        missed = true;
        console.log(`  ${c.name}: ${what} (known: ${want.evidenceGap.slice(0, 60)}…)`);
      }
    };
    if (want.emergencyTriggeredBy !== undefined) detail(got.emergencyTriggeredBy === want.emergencyTriggeredBy, `emergencyTriggeredBy ${got.emergencyTriggeredBy} ≠ ${want.emergencyTriggeredBy}`);
    if (want.loginReached !== undefined) assert.is(got.loginReached, want.loginReached, 'loginReached');
    if (want.hungJobs) assert.equal(got.hungJobs, want.hungJobs, 'hungJobs');
    if (want.defaultTargets) assert.equal(got.defaultTargets, want.defaultTargets, 'defaultTargets');
    for (const s of want.evidenceContains ?? []) detail(got.rootEvidence.some((t) => t.includes(s)), `root cause evidence lacks "${s}"`);
    // (A label names a crash in bootwhy's title or in the kernel's own header line, which the report quotes.)
    (want.crashTitles ?? []).forEach((s, i) => detail((got.crashTitles[i] ?? '').includes(s) || (got.crashHeaders[i] ?? '').includes(s), `crash ${i + 1} title "${got.crashTitles[i]}" lacks "${s}"`));
    // (A gap bootwhy has since closed is no gap: its label drops it, so that the details are held to from now on.)
    if (want.evidenceGap !== undefined) assert.ok(missed, 'every detail of the label is met now: remove its evidenceGap');
  });
}

test.run();
