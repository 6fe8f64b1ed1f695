/**
 * Measures the analyzer on crafted classes (crafted.ts), each against plain text of the same size, and prints
 * one JSON object: class → [plain text's result, the class's]. Run by robustness.test.ts with `--expose-gc`,
 * so that heap figures are what the analyzer keeps.
 *
 *   node --expose-gc dist/test/support/crafted-probe.js BYTES [CLASS…]
 *
 * Time is CPU time over the second half of the input (see `run`), the best of three runs, plain text's runs
 * taken in turn with the class's. A run that falls below 1/STOP of plain text's rate is stopped there
 * (marked incomplete) rather than left to run on for minutes.
 */
import { Analyzer } from '../../parsers/index.js';
import { CRAFTED, plain } from './crafted.js';

const CHUNK = 64 * 1024;
const STOP = 40;

export interface ProbeResult {
  name: string;
  /** MB/s over the second half of the input, CPU time, best run. */
  rate: number;
  /** The same for plain text of the same size, its runs taken in turn with these. */
  plainRate: number;
  /** Every run read all of its input. */
  complete: boolean;
  /**
   * Heap kept (bytes) in the first run: the most at 5/8 and 6/8 of the input, the least at 7/8 and its end.
   * Limits fill in the first half and the first quarter after it (a class may change its lines at half
   * way); after that, what is bounded only wavers (the least after falls short of the most before), while
   * what grows with the input grows by an eighth of it at least.
   */
  before: number;
  after: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Heap kept (after a full collection, the analyzer alive) at 5/8, 6/8, 7/8 and the end of the input. */
type Heap = number[];

/**
 * One run, timed over the second half of the input and the report: the marginal cost, once the limits
 * have filled and what is bounded (units learnt, caches) is paid for; what is superlinear costs more there,
 * not less. Stops when it has taken longer than `limit` seconds. With `heap`, the heap kept is read at
 * points of the input (the collections forced for it are not timed); without, no collection is forced: a
 * full collection throws away the optimised code that inlined an earlier analyzer's callbacks.
 */
function run(data: Uint8Array, limit: number, heap: Heap | null): { seconds: number; complete: boolean } {
  const a = new Analyzer({ name: 'probe' });
  const half = data.length >> 1;
  let heap0 = 0;
  if (heap !== null) {
    gc!();
    heap0 = process.memoryUsage().heapUsed;
  }
  let seconds = 0;
  for (let k = 1; k <= 8; k++) {
    const from = Math.floor((data.length * (k - 1)) / 8);
    const to = Math.floor((data.length * k) / 8);
    const t0 = cpuSeconds();
    for (let at = from; at < to; at += CHUNK) {
      a.write(data.subarray(at, Math.min(to, at + CHUNK)));
      if (from >= half && seconds + cpuSeconds() - t0 > limit) return { seconds: seconds + cpuSeconds() - t0, complete: false };
    }
    if (from >= half) seconds += cpuSeconds() - t0;
    if (heap !== null && k >= 5) {
      gc!();
      heap.push(process.memoryUsage().heapUsed - heap0);
    }
  }
  const t0 = cpuSeconds();
  a.end();
  return { seconds: seconds + cpuSeconds() - t0, complete: true };
}

/**
 * A crafted input and plain text of the same size, their runs taken in turn (so that both see the same load
 * on the machine and the same state of V8's compiled code): the best rate of each, and the heap kept in
 * their first runs.
 */
function probe(name: string, data: Uint8Array, text: Uint8Array, runs: number): ProbeResult[] {
  const mb = data.length / 2 / 1048576;
  let best = Infinity;
  let bestPlain = Infinity;
  const heap: Heap = [];
  const plainHeap: Heap = [];
  let complete = true;
  for (let i = 0; i < runs && complete; i++) {
    const p = run(text, Infinity, i === 0 ? plainHeap : null);
    bestPlain = Math.min(bestPlain, p.seconds);
    const r = run(data, p.seconds * STOP, i === 0 ? heap : null);
    complete = r.complete;
    best = Math.min(best, r.seconds);
  }
  const result = (n: string, seconds: number, h: Heap): ProbeResult => ({
    name: n,
    rate: mb / seconds,
    plainRate: mb / bestPlain,
    complete,
    before: Math.max(h[0]!, h[1]!),
    after: Math.min(h[2]!, h[3]!),
  });
  return [result('plain', bestPlain, plainHeap), result(name, best, heap)];
}

const [size, ...only] = process.argv.slice(2);
const bytes = Number(size);
const text = plain(bytes);
// The first class is not to pay for compiling the analyzer.
run(text, Infinity, null);
run(text, Infinity, null);
const results: Record<string, ProbeResult[]> = {};
for (const c of CRAFTED) if (only.length === 0 || only.includes(c.name)) results[c.name] = probe(c.name, c.make(bytes), text, 3);
console.log(JSON.stringify(results));
