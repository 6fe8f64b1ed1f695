/**
 * Metamorphic checks over the whole corpus: the same boot, saved or pasted another way, must tell the same
 * story. Each transformation is one the world applies to console logs — a CI system's clock in front of
 * every line, a mail quote, a Kubernetes pod log's clock and stream, a Markdown fence, CRLF line ends, a log store that stripped the colours, and
 * systemd before v243 (or `status_unit_format=description`) printing descriptions instead of unit names.
 * What must not change: boots, cycles, the root cause, the emergency mode and the kernel crashes.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze } from '../parsers/index.js';
import { loadCorpus } from './support/corpus.js';
import { findings } from './support/findings.js';

const ESC = /\x1b\[[0-9;?]*[A-Za-z]/g;
const UNIT = String.raw`\S+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope)`;
const VERBS = String.raw`Failed to start|Started|Starting|Stopping|Stopped|Dependency failed for|Timed out waiting for device|Mounting|Mounted|Failed to mount|Reached target|Unmounting|Unmounted|Finished|Failed to activate|Activating|Activated|Listening on|Closed`;
const WITH_NAME = new RegExp(`(${VERBS}) (${UNIT}) - `, 'g');

const perLine = (s: string, f: (l: string, i: number) => string): string => s.split('\n').map(f).join('\n');

const TRANSFORMS: ReadonlyArray<[string, (s: string) => string]> = [
  ['CRLF line ends', (s) => s.replace(/\r?\n/g, '\r\n')],
  ['GitHub Actions clock', (s) => perLine(s, (l, i) => `2024-03-01T12:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.1234567Z ${l}`)],
  ['mail quote', (s) => perLine(s, (l) => `> ${l}`)],
  ['Kubernetes pod log', (s) => perLine(s, (l, i) => `2024-03-01T12:34:${String(i % 60).padStart(2, '0')}.123456789Z stdout F ${l}`)],
  ['Markdown fence', (s) => '```\n' + s + '\n```\n'],
  ['colours stripped', (s) => s.replace(ESC, '')],
  ['descriptions instead of unit names', (s) => s.replace(ESC, '').replace(WITH_NAME, '$1 ')],
  // (A web page that kept HTML's entities: the outermost envelope, whatever is inside it.)
  ['HTML entities', (s) => s.replace(ESC, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
];
/** Logs a transform does not apply to: a page's entities on a log that already has them would be escaped twice. */
// (And a journal saved as JSON names each entry's unit in fields of its own (`UNIT`, `_SYSTEMD_UNIT`), which the
// descriptions transform leaves in place while it takes the name out of the message.)
// (Nor a line prefix outside a mail's quoted-printable body: that encoding is the mail's outermost, for its transport;
// a reply quotes the text decoded, and no CI job or pod logs a mail's encoded body.)
const QUOTED_PRINTABLE = (s: string): boolean => /=\r?\n/.test(s) && /=[0-9A-F]{2}/.test(s);
const SKIP: Readonly<Record<string, (s: string) => boolean>> = {
  'GitHub Actions clock': QUOTED_PRINTABLE,
  'mail quote': QUOTED_PRINTABLE,
  'Kubernetes pod log': QUOTED_PRINTABLE,
  'HTML entities': (s) => /&(?:#\d|[a-z]{2,6};)/.test(s),
  'descriptions instead of unit names': (s) => s.startsWith('{'),
};

const shape = (input: Uint8Array | string) => {
  const f = findings(analyze(input));
  return { boots: f.boots, cycles: f.cycles, rootCause: f.rootCause, emergency: f.emergency, kernelCrashes: f.kernelCrashes, description: f.rootCauseDescription, evidence: f.rootEvidence };
};
const story = (s: ReturnType<typeof shape>) => JSON.stringify({ boots: s.boots, cycles: s.cycles, rootCause: s.rootCause, emergency: s.emergency, kernelCrashes: s.kernelCrashes });

const cases = loadCorpus().filter((c) => c.expected.knownGap === undefined && c.log[0] !== 0x1f && c.log[0] !== 0xfd && c.log[0] !== 0x28);

for (const [what, transform] of TRANSFORMS) {
  test(`every corpus log tells the same story through: ${what}`, () => {
    const differ: string[] = [];
    for (const c of cases) {
      if (SKIP[what]?.(Buffer.from(c.log).toString('utf8')) === true) continue;
      const b = shape(c.log);
      const input = transform(Buffer.from(c.log).toString('utf8'));
      const t = shape(input);
      // With the name gone from every line, the description as printed is the honest answer (the
      // name is never invented).
      if (what.startsWith('descriptions') && b.rootCause !== null && t.rootCause !== b.rootCause && !input.includes(b.rootCause)) t.rootCause = b.rootCause;
      // (So is the description when every line the name was read from was a status line that lost it: the
      // name left elsewhere only in commands typed at a shell.)
      const onlyStatus = b.evidence.length > 0 && b.evidence.every((e) => new RegExp(`(?:${VERBS}) ${b.rootCause?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} - `).test(e));
      if (what.startsWith('descriptions') && b.rootCause !== null && onlyStatus && t.rootCause === b.description) t.rootCause = b.rootCause;
      const bare = story(b);
      const changed = story(t);
      if (changed !== bare) differ.push(`${c.name}\n    bare: ${bare}\n    then: ${changed}`);
    }
    assert.ok(cases.length > 250, 'the corpus was read');
    assert.equal(differ, [], `${differ.length} of ${cases.length} logs changed`);
  });
}

test.run();
