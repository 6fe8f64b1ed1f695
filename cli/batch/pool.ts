/**
 * Many files on the machine's cores: this thread and a pool of worker threads take the files one at a time; results
 * come back in input order (a result that arrives early waits for the ones before it). One file, or one core,
 * runs in this thread alone: a worker's start-up would cost more than it saves.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { processFile, type FileOutcome, type FormatJob } from './analyze-file.js';

export interface PoolOptions {
  /** Jobs, this thread among them (default: the machine's cores, at most one per file). */
  jobs?: number;
  /** Called as each file finishes (in completion order), for progress. */
  onDone?: (outcome: FileOutcome, done: number) => void;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function* analyzeAll(paths: readonly string[], job: FormatJob, options: PoolOptions = {}): AsyncGenerator<FileOutcome> {
  // A job on every core: with the shebang's tier-up flags V8's compiler threads no longer fill a second core, and
  // two jobs on two cores beat one (`npm run bench -- batch`, 500 corpus logs: 1.6x the one-core rate).
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), paths.length));
  let done = 0;
  if (jobs === 1 || paths.includes('-')) {
    for (const path of paths) {
      const r = await processFile(path, job);
      options.onDone?.(r, ++done);
      yield r;
    }
    return;
  }
  const results = new Map<number, FileOutcome>();
  let wake: (() => void) | null = null;
  // The largest files go first: one big file started last would leave the other cores idle at the end
  // (500 corpus logs with a 2.5 MB one among them). Results still print in input order.
  const order = await largestFirst(paths);
  // Workers take the largest files first; this thread, one of the jobs, the smallest from the other end (each a
  // few milliseconds, so the workers' results and requests are never kept waiting long): one thread fewer to
  // start and warm up than jobs.
  let next = 0;
  let last = order.length - 1;
  let failure: Error | null = null;
  const workers: Worker[] = [];
  const feed = (w: Worker): void => {
    if (next > last) return;
    const id = order[next++]!;
    w.postMessage({ id, path: paths[id] });
  };
  const here = async (): Promise<void> => {
    while (next <= last && failure === null) {
      const id = order[last--]!;
      const r = await processFile(paths[id]!, job);
      results.set(id, r);
      options.onDone?.(r, ++done);
      wake?.();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  for (let i = 0; i < jobs - 1; i++) {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
    w.on('message', (m: { id: number; outcome: FileOutcome }) => {
      results.set(m.id, m.outcome);
      options.onDone?.(m.outcome, ++done);
      feed(w);
      wake?.();
    });
    w.on('error', (err) => {
      failure ??= err;
      wake?.();
    });
    workers.push(w);
    feed(w);
  }
  const mine = here().catch((err: Error) => {
    failure ??= err;
    wake?.();
  });
  try {
    for (let want = 0; want < paths.length; want++) {
      while (!results.has(want)) {
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      const r = results.get(want)!;
      results.delete(want);
      yield r;
    }
  } finally {
    last = next - 1;
    await mine;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Input indexes ordered by file size, largest first (a file that cannot be stat'ed counts as empty: its error comes from the worker). */
async function largestFirst(paths: readonly string[]): Promise<number[]> {
  const sizes = await Promise.all(paths.map((p) => stat(p).then((s) => s.size, () => 0)));
  return paths.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}
