/**
 * `node dist/test/excerpt-sweep.js [-v]`: what a paste does to the answer. Every wild case whose label names
 * a root cause that bootwhy gets right is cut the way people cut logs for an issue thread (from a few lines
 * before the root cause's first evidence line to a few lines after its last, and from there to the end),
 * and the root cause of the excerpt is compared with the whole log's. Not a test: a measure of how much
 * the answer leans on context a paste leaves out.
 */
import { analyze } from '../parsers/index.js';
import { loadCorpus } from './support/corpus.js';
import { findings } from './support/findings.js';

const verbose = process.argv.includes('-v');
const root = process.argv.includes('--root') ? process.argv[process.argv.indexOf('--root') + 1] : undefined;
let tried = 0;
let kept = 0;
const lost: string[] = [];
for (const c of loadCorpus(root, true)) {
  if (root === undefined && !c.name.startsWith('wild/')) continue;
  const want = c.expected.rootCause;
  if (want === null) continue;
  const whole = analyze(c.log, { name: c.name });
  const got = findings(whole);
  if (got.rootCause !== want) continue;
  const boot = whole.boots.find((b) => b.rootCause !== null || b.cycles.some((y) => y.rootCause !== null));
  const cause = boot?.rootCause ?? boot?.cycles.find((y) => y.rootCause !== null)?.rootCause ?? null;
  if (cause === null || cause.evidence.length === 0) continue;
  const text = Buffer.from(c.log).toString('latin1');
  const lines = text.split('\n');
  const first = Math.min(...cause.evidence.map((e) => e.line));
  const last = Math.max(...cause.evidence.map((e) => e.line));
  for (const [name, from, to] of [
    ['tight', first - 3, last + 2],
    ['context', first - 25, last + 15],
    ['to-end', first - 10, lines.length],
  ] as const) {
    const a = Math.max(0, from - 1);
    const b = Math.min(lines.length, to);
    if (a === 0 && b === lines.length) continue;
    const excerpt = Buffer.from(lines.slice(a, b).join('\n'), 'latin1');
    tried++;
    let r;
    try {
      r = findings(analyze(excerpt, { name: c.name }));
    } catch (err) {
      lost.push(`${c.name} [${name} ${a + 1}-${b}]: CRASH ${(err as Error).message}`);
      continue;
    }
    if (r.rootCause === want) kept++;
    else lost.push(`${c.name} [${name} ${a + 1}-${b}]: ${JSON.stringify(r.rootCause)} (whole: ${JSON.stringify(want)})`);
  }
}
process.stdout.write(`${tried} excerpts of cases right whole; the root cause kept in ${kept} (${((100 * kept) / Math.max(1, tried)).toFixed(0)}%)\n`);
if (verbose) for (const l of lost) process.stdout.write(`  ${l}\n`);
