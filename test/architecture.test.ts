/** The core stays a core: no I/O, no Node built-ins, nothing from the CLI. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPORA, loadCorpus } from './support/corpus.js';
import { Analyzer } from '../parsers/index.js';
import type { Segmenter } from '../parsers/segment/segmenter.js';

const PARSERS = join(resolve(CORPORA, '..'), 'parsers');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

test('parsers/ imports no node: modules, no Node globals for I/O, and nothing from cli/', () => {
  const files = sources(PARSERS);
  assert.ok(files.length > 5);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\b[^;=]*?\bfrom\s+'([^']+)'/gms)) {
      const spec = m[1]!;
      assert.ok(spec.startsWith('.') || spec === 'zod', `${f} imports ${spec}`);
      assert.not.ok(spec.includes('/cli/'), `${f} imports ${spec}`);
    }
    assert.not.match(text, /\b(?:process\.\w|require\s*\(|Buffer\s*[.(])/, `${f} uses a Node global`);
  }
});

/** What `bootwhy FILE` loads before it runs: the static imports of the compiled CLI, followed from main. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // Compiled JavaScript: `import type` is gone; `await import(…)` is lazy and not followed.
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) visit(join(file, '..', spec));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

test('analysing a log loads no zod, ink, React, serialport or xterm (they are for schema, tui and devices)', () => {
  const graph = staticGraph(join(resolve(CORPORA, '..'), 'dist/cli/main.js'));
  assert.ok([...graph].some((f) => f.endsWith('parsers/index.js')), 'the graph reaches the core');
  for (const heavy of ['zod', 'yaml', 'ink', 'react', 'serialport', '@xterm/headless']) assert.not.ok(graph.has(heavy), `main.js loads ${heavy} eagerly`);
});

test("the segmenter's boots and cycles each have one shape (the same fields in the same order) whatever the log, so reading them stays monomorphic", () => {
  const boots = new Set<string>();
  const cycles = new Set<string>();
  const sample = loadCorpus().filter((_, i) => i % 7 === 0);
  for (const c of sample) {
    const a = new Analyzer({ name: c.name });
    a.write(c.log);
    a.end();
    const seg = (a as unknown as { segmenter: Segmenter }).segmenter;
    for (const b of seg.boots) {
      boots.add(Object.keys(b).join(','));
      for (const y of b.cycles) cycles.add(Object.keys(y).join(','));
    }
  }
  assert.ok(sample.length > 100);
  assert.is(boots.size, 1, `boot shapes: ${boots.size} (a field added to a BootState after startBoot made it; give it a place, undefined, in startBoot's literal)`);
  assert.is(cycles.size, 1, `cycle shapes: ${cycles.size} (likewise, newCycle's literal)`);
});

test.run();
