/** Known-issue hints: every row is given for its own example, through the whole Analyzer, and only there. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze } from '../parsers/index.js';
import { HINTS } from '../parsers/diagnose/hints.js';
import { loadCorpus } from './support/corpus.js';

test('every hint is given for its example, at a root cause', () => {
  for (const row of HINTS) {
    const r = analyze(row.example);
    const ids = r.hints.map((h) => h.id);
    assert.ok(ids.includes(row.id), `${row.id} not given for its example (got ${ids.join(', ') || 'none'}; verdict ${r.verdict})`);
    const h = r.hints.find((x) => x.id === row.id)!;
    assert.ok(h.line !== null && h.link.startsWith('https://'), row.id);
  }
});

test('no hint on a clean log, and no two rows say the same', () => {
  for (const c of loadCorpus()) {
    // (Clean: nothing failed. A log whose emergency mode has no cause in it is not clean.)
    if (c.expected.rootCause !== null || c.expected.emergency !== 'none' || c.expected.kernelCrashes.length > 0) continue;
    const r = analyze(c.log);
    assert.equal(r.hints, [], `${c.name}: ${r.hints.map((h) => h.id).join(', ')}`);
  }
  assert.is(new Set(HINTS.map((h) => h.id)).size, HINTS.length);
});

test('the seed: var.mount failing after a soft-reboot gets the soft-reboot hint, under its cycle', () => {
  const seed = loadCorpus().find((c) => c.name === 'tmt-soft-reboot-var-mount')!;
  const r = analyze(seed.log);
  assert.equal(r.hints.map((h) => [h.id, h.cycle, h.line]), [['soft-reboot-mount', 1, 6]]);
});

test.run();
