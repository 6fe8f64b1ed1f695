/**
 * The long fuzz run: `npm run fuzz -- --minutes 10 [--seed N]`. Cases are made from the seed and their index
 * (see support/fuzz.ts) and checked in a worker thread; this thread watches it, so a case that never ends
 * is reported like a failing one. Exits non-zero and prints the seed on the first property violation.
 *
 *   --minutes N        how long to run (default 5)
 *   --seed N           the run's seed (default: random, printed)
 *   --case I           check only case I of the seed (with --seed), and show how it was made
 *   --slice            with --case: case I of the CI slice (test/fuzz.test.ts) rather than of a long run
 *   --start I          first case index (default 0)
 *   --replay FILE      check a saved input (and the chunking recorded next to it)
 *   --jobs N           worker threads (default 1), each taking every Nth case
 *   --max-bytes N      bound on generated inputs (default 1 MiB)
 *   --no-shrink        do not look for a smaller failing input
 *   --shrink-seconds N time allowed to shrink (default 60)
 *   --hang-seconds N   a case running longer than this is reported (default 120)
 */
import { randomInt } from 'node:crypto';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadCorpus } from './support/corpus.js';
import { checkCase, describeChunking, literal, makeCase, parseSeed, replayFile, saveFailure, shrink, sliceCase, type FuzzCase, type Log, type Violation } from './support/fuzz.js';

interface Args {
  minutes: number;
  seed: number;
  seedGiven: boolean;
  only: number | null;
  slice: boolean;
  start: number;
  replay: string | null;
  jobs: number;
  maxBytes: number;
  shrink: boolean;
  shrinkSeconds: number;
  hangSeconds: number;
}

interface WorkerInput {
  args: Args;
  job: number;
}

type Message =
  | { type: 'start'; index: number; at: number }
  | { type: 'done'; index: number; bytes: number; ms: number; kind: string }
  | { type: 'violation'; index: number; text: string }
  | { type: 'failed'; text: string }
  | { type: 'finished' };

function parseArgs(argv: string[]): Args {
  const args: Args = { minutes: 5, seed: randomInt(0, 2 ** 32), seedGiven: false, only: null, slice: false, start: 0, replay: null, jobs: 1, maxBytes: 1 << 20, shrink: true, shrinkSeconds: 60, hangSeconds: 120 };
  const num = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${name} needs a number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--minutes':
        args.minutes = num(flag, value());
        break;
      case '--seed':
        args.seed = parseSeed(value() ?? '');
        args.seedGiven = true;
        break;
      case '--case':
        args.only = Math.floor(num(flag, value()));
        break;
      case '--slice':
        args.slice = true;
        break;
      case '--start':
        args.start = Math.floor(num(flag, value()));
        break;
      case '--replay':
        args.replay = value() ?? null;
        break;
      case '--jobs':
        args.jobs = Math.max(1, Math.floor(num(flag, value())));
        break;
      case '--max-bytes':
        args.maxBytes = Math.max(1024, Math.floor(num(flag, value())));
        break;
      case '--no-shrink':
        args.shrink = false;
        break;
      case '--shrink-seconds':
        args.shrinkSeconds = num(flag, value());
        break;
      case '--hang-seconds':
        args.hangSeconds = num(flag, value());
        break;
      case '--help':
      case '-h':
        console.log('usage: npm run fuzz -- [--minutes N] [--seed N] [--case I [--slice]] [--start I] [--replay FILE] [--jobs N] [--max-bytes N] [--no-shrink] [--shrink-seconds N] [--hang-seconds N]');
        process.exit(0);
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  if (args.only !== null && !args.seedGiven) throw new Error('--case needs --seed');
  return args;
}

function logs(): Log[] {
  return loadCorpus().map((c) => ({ name: c.name, log: c.log }));
}

function replayHint(seed: number, index: number, file: string, slice = false): string {
  return `replay: npm run fuzz -- ${slice ? '--slice ' : ''}--seed ${seed} --case ${index}   or   npm run fuzz -- --replay ${file}`;
}

/** Saves a violation; what to print about it. */
function describeViolation(fc: FuzzCase, v: Violation, args: Args): { text: string; base: string } {
  const base = `${args.slice ? 'slice-' : ''}seed-${fc.seed}-case-${fc.index}`;
  const file = saveFailure(fc.input, { seed: fc.seed, index: fc.index, recipe: fc.recipe, options: fc.options, violation: v }, base);
  const text = [
    `\nPROPERTY VIOLATED: ${v.property} (seed ${fc.seed}, case ${fc.index})`,
    `  input: ${fc.recipe}; ${fc.input.length} bytes; options ${JSON.stringify(fc.options)}`,
    `  chunking: ${describeChunking(v.chunking)}`,
    `  ${v.message.replace(/\n/g, '\n  ')}`,
    `  saved: ${file}`,
    `  ${replayHint(fc.seed, fc.index, file, args.slice)}`,
    args.shrink ? `  shrinking (up to ${args.shrinkSeconds}s)…` : '',
  ];
  return { text: text.filter((l) => l !== '').join('\n'), base };
}

/** Shrinks a violation's input and saves the result; what to print about it. */
function shrinkViolation(fc: FuzzCase, v: Violation, args: Args, base: string): string {
  const lines: string[] = [];
  if (args.shrink) {
    const small = shrink(fc.input, v.property, { options: fc.options, budgetMs: args.shrinkSeconds * 1000, extra: [v.chunking] });
    const smallFile = saveFailure(small, { seed: fc.seed, index: fc.index, recipe: `${fc.recipe} (shrunk)`, options: fc.options, violation: v }, `${base}-min`);
    lines.push(`  shrunk to ${small.length} bytes: ${smallFile}`);
    if (small.length <= 2000) lines.push(`  latin1(${literal(small)})`);
  }
  lines.push(`\nseed ${fc.seed}, case ${fc.index}: ${v.property}`);
  return lines.join('\n');
}

// ---- worker --------------------------------------------------------------------------------------

function work({ args, job }: WorkerInput): void {
  const port = parentPort!;
  const post = (m: Message): void => port.postMessage(m);
  const corpus = logs();
  const deadline = Date.now() + args.minutes * 60_000;
  for (let index = args.start + job; Date.now() < deadline; index += args.jobs) {
    post({ type: 'start', index, at: Date.now() });
    const t0 = performance.now();
    const fc = makeCase(args.seed, index, corpus, { maxBytes: args.maxBytes });
    const v = checkCase(fc);
    if (v) {
      // The worker's own console output may not reach the terminal before the process exits: the main
      // thread prints what the messages carry.
      const { text, base } = describeViolation(fc, v, args);
      post({ type: 'violation', index, text });
      post({ type: 'failed', text: shrinkViolation(fc, v, args, base) });
      return;
    }
    post({ type: 'done', index, bytes: fc.input.length, ms: performance.now() - t0, kind: fc.kind });
  }
  post({ type: 'finished' });
}

// ---- main ----------------------------------------------------------------------------------------

function runOne(args: Args): number {
  const fc = args.slice ? sliceCase(args.seed, args.only!, logs()) : makeCase(args.seed, args.only!, logs(), { maxBytes: args.maxBytes });
  console.log(`seed ${fc.seed}, case ${fc.index}: ${fc.recipe}; ${fc.input.length} bytes; options ${JSON.stringify(fc.options)}`);
  const t0 = performance.now();
  const v = checkCase(fc);
  console.log(`checked in ${Math.round(performance.now() - t0)} ms`);
  if (!v) {
    console.log('every property holds');
    return 0;
  }
  const { text, base } = describeViolation(fc, v, args);
  console.error(text);
  console.error(shrinkViolation(fc, v, args, base));
  return 1;
}

function runReplay(args: Args): number {
  const { input, record, violation } = replayFile(args.replay!);
  console.log(`replaying ${args.replay}: ${input.length} bytes${record ? `, recorded as seed ${record.seed}, case ${record.index}: ${record.violation.property}` : ''}`);
  if (!violation) {
    console.log('every property holds');
    return 0;
  }
  console.error(`PROPERTY VIOLATED: ${violation.property}\n  chunking: ${describeChunking(violation.chunking)}\n  ${violation.message.replace(/\n/g, '\n  ')}`);
  if (record?.seed != null) console.error(`seed ${record.seed}, case ${record.index}`);
  return 1;
}

function main(): void {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`fuzz-run: ${(e as Error).message}`);
    process.exit(2);
  }
  if (args.replay) process.exit(runReplay(args));
  if (args.only !== null) process.exit(runOne(args));

  console.log(`bootwhy fuzz: seed ${args.seed}, ${args.minutes} min, ${args.jobs} job(s), inputs up to ${args.maxBytes} bytes (replay a case: --seed ${args.seed} --case I)`);
  const began = Date.now();
  let cases = 0;
  let bytes = 0;
  const kinds = new Map<string, number>();
  const slowest: Array<{ index: number; ms: number; bytes: number }> = [];
  const current = new Map<number, { index: number; at: number }>();
  const workers: Worker[] = [];
  let failing = false;
  let live = args.jobs;

  const finish = (code: number): void => {
    clearInterval(timer);
    for (const w of workers) void w.terminate();
    const minutes = (Date.now() - began) / 60_000;
    console.log(
      `\n${cases} inputs in ${minutes.toFixed(1)} min: ${Math.round(cases / Math.max(minutes, 1e-9))} inputs/min, ${(bytes / 1e6 / Math.max(minutes, 1e-9)).toFixed(1)} MB of input/min ` +
        `(each analysed 7 times: whole twice, 1-byte, 7-byte, 2 random chunkings, once read live) — ${[...kinds].map(([k, n]) => `${k}: ${n}`).join(', ')}`,
    );
    if (slowest.length) console.log(`slowest: ${slowest.map((s) => `case ${s.index} ${Math.round(s.ms)} ms (${s.bytes} bytes)`).join(', ')}`);
    console.log(code === 0 ? `no property violated (seed ${args.seed})` : `seed ${args.seed}`);
    process.exit(code);
  };

  const timer = setInterval(() => {
    const now = Date.now();
    for (const [job, c] of current) {
      if (!failing && now - c.at > args.hangSeconds * 1000) {
        failing = true;
        const fc = makeCase(args.seed, c.index, logs(), { maxBytes: args.maxBytes });
        const file = saveFailure(fc.input, { seed: fc.seed, index: fc.index, recipe: fc.recipe, options: fc.options, violation: { property: 'throws', chunking: { kind: 'whole' }, message: `still running after ${args.hangSeconds}s` } }, `seed-${fc.seed}-case-${fc.index}-hang`);
        console.error(`\nCASE DID NOT FINISH in ${args.hangSeconds}s (job ${job}; seed ${args.seed}, case ${c.index}): ${fc.recipe}; ${fc.input.length} bytes\n  saved: ${file}\n  ${replayHint(args.seed, c.index, file)}`);
        finish(1);
      }
    }
    if (now - lastProgress >= 30_000) {
      lastProgress = now;
      const minutes = (now - began) / 60_000;
      console.log(`${minutes.toFixed(1)} min: ${cases} inputs (${Math.round(cases / minutes)}/min), ${(bytes / 1e6).toFixed(0)} MB`);
    }
  }, 1000);
  let lastProgress = began;

  for (let job = 0; job < args.jobs; job++) {
    const w = new Worker(new URL(import.meta.url), { workerData: { args, job } satisfies WorkerInput });
    workers.push(w);
    w.on('message', (m: Message) => {
      if (m.type === 'start') current.set(job, { index: m.index, at: m.at });
      else if (m.type === 'done') {
        current.delete(job);
        cases++;
        bytes += m.bytes;
        kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
        slowest.push({ index: m.index, ms: m.ms, bytes: m.bytes });
        slowest.sort((a, b) => b.ms - a.ms);
        slowest.length = Math.min(slowest.length, 3);
      } else if (m.type === 'violation') {
        console.error(m.text);
        failing = true;
        current.clear();
        for (const other of workers) if (other !== w) void other.terminate();
      } else if (m.type === 'failed') {
        console.error(m.text);
        finish(1);
      } else if (m.type === 'finished') {
        current.delete(job);
        if (--live === 0 && !failing) finish(0);
      }
    });
    w.on('error', (e) => {
      console.error(`worker ${job} died: ${e.stack ?? e.message}\nseed ${args.seed}, case ${current.get(job)?.index ?? '?'}`);
      finish(1);
    });
  }
}

if (isMainThread) main();
else work(workerData as WorkerInput);
