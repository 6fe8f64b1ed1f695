/**
 * `npm run score`: the corpus as a scoreboard. For every case, what the analysis got right of what its
 * expected.json says (root cause, emergency, boot and cycle counts, no false OK), and the totals by
 * corpus (wild: logs nobody here made; lab; the rest). `--only wild` narrows, `-v` prints each miss,
 * `--root DIR` scores a directory of cases kept outside the corpus (a held-out batch) instead.
 */
import { analyze } from '../parsers/index.js';
import { loadCorpus } from './support/corpus.js';
import { findings } from './support/findings.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const verbose = args.includes('-v');
// `--root DIR` scores cases kept outside the corpus (a held-out batch being collected), one group for all.
const root = args.includes('--root') ? args[args.indexOf('--root') + 1] : undefined;

interface Tally {
  cases: number;
  rootCause: number;
  emergency: number;
  shape: number;
  falseOk: number;
  falseCause: number;
  crashes: number;
}
const tallies = new Map<string, Tally>();
const misses: string[] = [];

for (const c of root !== undefined ? loadCorpus(root.replace(/\/+$/, ''), true) : loadCorpus(undefined, true)) {
  const group = root !== undefined ? 'batch' : c.name.startsWith('wild/') ? 'wild' : c.name.startsWith('lab/') ? 'lab' : 'other';
  if (only && group !== only) continue;
  let got;
  try {
    got = findings(analyze(c.log, { name: c.name }));
  } catch (err) {
    misses.push(`${c.name}: CRASH ${(err as Error).message}`);
    const t = tallies.get(group) ?? { cases: 0, rootCause: 0, emergency: 0, shape: 0, falseOk: 0, falseCause: 0, crashes: 0 };
    t.cases++;
    t.crashes++;
    tallies.set(group, t);
    continue;
  }
  const report = analyze(c.log, { name: c.name });
  const want = c.expected;
  const t = tallies.get(group) ?? { cases: 0, rootCause: 0, emergency: 0, shape: 0, falseOk: 0, falseCause: 0, crashes: 0 };
  tallies.set(group, t);
  t.cases++;
  const wrong: string[] = [];
  // (The measure the issue states: the root cause's unit or its description, as the label gives it.)
  const strip = (x: string | null): string => (x ?? '').replace(/[.…]+$/, '');
  if (got.rootCause === want.rootCause || (want.rootCause === 'root-device' && got.rootCauseKind === 'root-device')) t.rootCause++;
  else if (want.rootCause !== null && got.rootCauseDescription !== null && strip(got.rootCauseDescription) === strip(want.rootCause)) t.rootCause++;
  else wrong.push(`rootCause ${JSON.stringify(got.rootCause)} ≠ ${JSON.stringify(want.rootCause)}`);
  if (got.emergency === want.emergency) t.emergency++;
  else wrong.push(`emergency ${got.emergency} ≠ ${want.emergency}`);
  if (got.boots === want.boots && got.cycles === want.cycles) t.shape++;
  else wrong.push(`boots/cycles ${got.boots}/${got.cycles} ≠ ${want.boots}/${want.cycles}`);
  const wantFail = want.rootCause !== null || want.kernelCrashes.length > 0;
  if (wantFail && report.verdict !== 'failed') {
    t.falseOk++;
    wrong.push(`verdict ${report.verdict} on a failing log`);
  }
  if (want.rootCause === null && got.rootCause !== null) t.falseCause++;
  if (wrong.length > 0) misses.push(`${c.name}: ${wrong.join('; ')}`);
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${Math.round((100 * n) / d)}%`);
for (const [group, t] of tallies) {
  console.log(
    `${group.padEnd(6)} ${String(t.cases).padStart(3)} cases  root cause ${pct(t.rootCause, t.cases)}  emergency ${pct(t.emergency, t.cases)}  boots+cycles ${pct(t.shape, t.cases)}  false OK ${t.falseOk}  false root cause on clean ${t.falseCause}  crashes ${t.crashes}`,
  );
}
if (verbose) for (const m of misses) console.log('  ' + m);
