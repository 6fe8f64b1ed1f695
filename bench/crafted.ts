/**
 * Throughput and memory of the analyzer on crafted inputs (test/support/crafted.ts) against plain text of
 * the same size, each class in its own process (so peak RSS is its own).
 *
 *   node --expose-gc dist/bench/crafted.js [--mb N] [--budget SECONDS] [--module PATH] [CLASS…]
 *
 * `--module` points at another checkout's dist/parsers/index.js to measure an older analyzer on the same
 * inputs. A class that does not finish within the budget is measured on what it read by then.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CRAFTED, plain } from '../test/support/crafted.js';

const CHUNK = 64 * 1024;
const here = fileURLToPath(import.meta.url);

interface Result {
  name: string;
  bytes: number;
  seconds: number;
  complete: boolean;
  heapMiB: number;
  rssMiB: number;
}

async function child(name: string, size: number, modulePath: string, budget: number): Promise<Result> {
  const { Analyzer } = (await import(pathToFileURL(resolve(modulePath)).href)) as typeof import('../parsers/index.js');
  const make = name === 'plain' ? plain : CRAFTED.find((c) => c.name === name)!.make;
  const data = make(size);
  const gc = (globalThis as { gc?: () => void }).gc;
  // One call per run: an analyzer left in the frame of a loop would still count in the next run's heap.
  const once = (): Result => {
    gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const a = new Analyzer({ name });
    const t0 = process.hrtime.bigint();
    let at = 0;
    let complete = true;
    while (at < data.length) {
      a.write(data.subarray(at, Math.min(data.length, at + CHUNK)));
      at += CHUNK;
      if (Number(process.hrtime.bigint() - t0) / 1e9 > budget) {
        complete = at >= data.length;
        break;
      }
    }
    gc?.();
    const heap = process.memoryUsage().heapUsed - heap0;
    a.end();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { name, bytes: Math.min(at, data.length), seconds, complete, heapMiB: heap / 1048576, rssMiB: 0 };
  };
  let best: Result | null = null;
  for (let rep = 0; rep < 3; rep++) {
    const r = once();
    // The first run's heap: later ones may still count an earlier analyzer V8 has not let go of.
    if (best !== null) r.heapMiB = best.heapMiB;
    if (best === null || r.bytes / r.seconds > best.bytes / best.seconds) best = r;
    if (!r.complete || r.seconds > budget / 3) break;
  }
  best!.rssMiB = process.resourceUsage().maxRSS / 1024;
  return best!;
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, name, size, modulePath, budget] = args;
  console.log(JSON.stringify(await child(name!, Number(size), modulePath!, Number(budget))));
} else {
  let mb = 4;
  let budget = 20;
  let modulePath = resolve(here, '../../parsers/index.js');
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--mb') mb = Number(args[++i]);
    else if (args[i] === '--budget') budget = Number(args[++i]);
    else if (args[i] === '--module') modulePath = args[++i]!;
    else names.push(args[i]!);
  }
  const classes = ['plain', ...(names.length > 0 ? names : CRAFTED.map((c) => c.name))];
  console.log(`analyzer ${modulePath}, ${mb} MB per class, budget ${budget} s`);
  console.log('class'.padEnd(26) + 'MB/s'.padStart(9) + '  read'.padStart(10) + 'heap MiB'.padStart(10) + 'RSS MiB'.padStart(9));
  for (const name of classes) {
    const p = spawnSync(process.execPath, ['--expose-gc', here, '--child', name, String(mb * 1024 * 1024), modulePath, String(budget)], { encoding: 'utf8' });
    if (p.status !== 0) {
      console.log(`${name.padEnd(26)} failed: ${p.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const r = JSON.parse(p.stdout.trim().split('\n').at(-1)!) as Result;
    const rate = r.bytes / 1048576 / r.seconds;
    const read = r.complete ? 'all' : `${((100 * r.bytes) / (mb * 1048576)).toFixed(0)}%`;
    console.log(name.padEnd(26) + rate.toFixed(2).padStart(9) + read.padStart(10) + r.heapMiB.toFixed(1).padStart(10) + r.rssMiB.toFixed(0).padStart(9));
  }
}
