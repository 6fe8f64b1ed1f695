/**
 * `npm run bench`: throughput (MB/s) and peak RSS of the analyzer on a large input made by repeating the
 * corpus, and of @xterm/headless alone on the same bytes for comparison. Each measurement runs in its
 * own process so that peak RSS belongs to it alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { Analyzer } from '../parsers/index.js';
import { loadCorpus } from '../test/support/corpus.js';
import { watchCommand } from '../cli/commands/watch.js';
import { forgetCi } from '../cli/tui/ci.js';
import { CLASSES, formatRatios, measureRatios, toBaseline, type Baseline, type Row } from './ratios.js';

const CHUNK = 64 * 1024;

/** The corpus logs end to end, repeated until `mb` megabytes have been produced, in 64 KiB chunks. */
function* input(mb: number): Generator<Uint8Array> {
  const cases = loadCorpus();
  const unit = Buffer.concat(cases.map((c) => Buffer.from(c.log)));
  const total = mb * 1024 * 1024;
  let sent = 0;
  let at = 0;
  while (sent < total) {
    const n = Math.min(CHUNK, total - sent, unit.length - at);
    yield unit.subarray(at, at + n);
    sent += n;
    at = (at + n) % unit.length;
  }
}

async function measure(kind: string, mb: number): Promise<{ seconds: number; bytes: number; rssMiB: number; extra: string }> {
  const started = process.hrtime.bigint();
  let bytes = 0;
  let extra = '';
  if (kind === 'analyzer') {
    const a = new Analyzer({ name: 'bench' });
    for (const chunk of input(mb)) {
      a.write(chunk);
      bytes += chunk.length;
    }
    const r = a.end();
    extra = `${r.input.lines} lines, ${r.boots.length} boots`;
  } else if (kind === 'xterm') {
    // scrollback 0: with scrollback, xterm keeps memory after OSC 8 + RIS (see the reference page).
    const term = new xterm.Terminal({ cols: 200, rows: 50, scrollback: 0, allowProposedApi: true, logLevel: 'off' });
    for (const chunk of input(mb)) {
      await new Promise<void>((done) => term.write(chunk, done));
      bytes += chunk.length;
    }
    term.dispose();
  } else if (kind === 'latency') {
    // From a line's bytes reaching the analyzer to its event: the line, then the next line's first bytes.
    const samples: number[] = [];
    let t0 = 0n;
    const a = new Analyzer({ name: 'latency', onEvent: (e) => void (e.type === 'failure' && samples.push(Number(process.hrtime.bigint() - t0) / 1000)) });
    const enc = new TextEncoder();
    for (let i = 0; i < 1000; i++) {
      const chunk = enc.encode(`[FAILED] Failed to start u${i}.service - Unit ${i}.\r\n[`);
      t0 = process.hrtime.bigint();
      a.write(chunk);
      bytes += chunk.length;
      a.write(enc.encode('  OK  ] Started x.service.\r\n'));
    }
    samples.sort((x, y) => x - y);
    const q = (p: number) => samples[Math.floor(p * (samples.length - 1))]!.toFixed(1);
    extra = `line → event: p50 ${q(0.5)} µs, p99 ${q(0.99)} µs, max ${q(1)} µs over ${samples.length} lines (a last line alone waits for watch's 250 ms idle check)`;
  } else if (kind === 'flood-watch' || kind === 'flood-tui') {
    const source = `unix:${process.env['BENCH_SOCKET']}`;
    if (kind === 'flood-watch') {
      let last = '';
      const sink = new Writable({ write: (c: Buffer, _e, done) => void ((last = (last + c.toString()).slice(-4 * 1024 * 1024)), done()) });
      await watchCommand({ source, json: true, color: 'never', save: null, until: null, timeoutMs: null, once: true }, sink as unknown as NodeJS.WriteStream);
      const report = last.split('\n').find((l) => l.startsWith('{"type":"report"'));
      bytes = report ? (JSON.parse(report) as { report: { input: { bytes: number } } }).report.input.bytes : 0;
    } else {
      forgetCi();
      const { startTui } = await import('../cli/tui/run.js');
      let frames = 0;
      const stdout = Object.assign(new Writable({ write: (_c, _e, done) => void (frames++, done()) }), { isTTY: true, columns: 120, rows: 40 });
      const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin });
      const tui = await startTui({ source, color: 'never', save: null, follow: false, once: true }, { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream });
      while (!tui.model.finished) await new Promise((r) => setTimeout(r, 5));
      bytes = tui.model.report(true).input.bytes;
      extra = `${frames} writes to the terminal, console pane skipped ${tui.model.screen.skipped} bytes`;
      tui.quit();
      await tui.done;
    }
    extra = `${extra}${extra ? '; ' : ''}finished at ${Date.now()}`;
  } else {
    throw new Error(`unknown benchmark ${kind}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, bytes, rssMiB: process.resourceUsage().maxRSS / 1024, extra };
}

function cliNodeFlags(): string[] {
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const shebang = readFileSync(cli, 'utf8').split('\n', 1)[0] ?? '';
  return shebang.split(/\s+/).filter((w) => w.startsWith('--'));
}

async function main(): Promise<void> {
  const [, , kind, mbArg] = process.argv;
  if (kind === 'batch') {
    // `npm run bench -- batch`: the many-logs figure alone.
    for (const line of batch()) process.stdout.write(line + '\n');
    return;
  }
  if (kind === 'ratios') {
    // `npm run bench -- ratios`: the side-by-side table alone.
    ratioRun();
    return;
  }
  if (kind === 'cli') {
    // `npm run bench -- cli`: the command's wall time on one log alone.
    for (const line of cliRun()) process.stdout.write(line + '\n');
    return;
  }
  if (kind) {
    const result = await measure(kind, Number(mbArg));
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const me = fileURLToPath(import.meta.url);
  ratioRun();
  const rows: Array<[string, number, { seconds: number; bytes: number; rssMiB: number; extra: string }]> = [];
  const r = spawnSync(process.execPath, [me, 'latency', '0'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`latency: ${r.stderr}`);
  rows.push(['latency', 0, JSON.parse(r.stdout) as { seconds: number; bytes: number; rssMiB: number; extra: string }]);
  for (const line of await floods(me)) rows.push(line);
  for (const [kind, size, r] of rows) {
    if (kind === 'latency') process.stdout.write(`latency   ${r.extra}\n`);
    else process.stdout.write(`${kind.padEnd(11)} ${String(size).padStart(4)} MB sent at 10 MB/s: analysed at ${(r.bytes / 1024 / 1024 / r.seconds).toFixed(1)} MB/s, done ${r.extra}; peak RSS ${r.rssMiB.toFixed(0)} MiB\n`);
  }
  for (const line of batch()) process.stdout.write(line + '\n');
  for (const line of cliRun()) process.stdout.write(line + '\n');
}

/**
 * `bootwhy FILE` on the corpus log closest to 100 KB, whole process, wall time: the shipped command (the
 * bundle, dist/bin/bootwhy.js), the modules tsc wrote (dist/cli/main.js), and `node -e 0` as the floor,
 * each with the command's node flags; the median of BENCH_CLI_RUNS (10) runs, the runs interleaved.
 */
function cliRun(): string[] {
  const runs = Number(process.env['BENCH_CLI_RUNS'] ?? 10);
  const log = loadCorpus()
    .filter((c) => c.log.length > 0)
    .reduce((a, b) => (Math.abs(b.log.length - 100_000) < Math.abs(a.log.length - 100_000) ? b : a));
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-bench-cli-'));
  const file = join(dir, 'console.log');
  writeFileSync(file, log.log);
  const flags = cliNodeFlags();
  const settings = [
    { name: 'node -e 0', args: [...flags, '-e', '0'] },
    { name: 'bootwhy (dist/bin/bootwhy.js, the bundle)', args: [...flags, fileURLToPath(new URL('../bin/bootwhy.js', import.meta.url)), file] },
    { name: 'bootwhy (dist/cli/main.js, the modules)', args: [...flags, fileURLToPath(new URL('../cli/main.js', import.meta.url)), file] },
  ];
  const times: number[][] = settings.map(() => []);
  try {
    for (let i = 0; i < runs; i++) {
      for (const [k, s] of settings.entries()) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, s.args, { stdio: 'ignore' });
        if (r.error) throw r.error;
        times[k]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  return [`bootwhy FILE on a ${(log.log.length / 1024).toFixed(0)} KiB log (${log.name}), median wall time of ${runs} runs:`, ...settings.map((s, k) => `  ${s.name.padEnd(44)} ${median(times[k]!).toFixed(0).padStart(5)} ms`)];
}

/**
 * The side-by-side table (bench/ratios.ts): each input class through bootwhy and its peers. BENCH_MB sizes
 * each class (200), BENCH_XTERM_MB caps @xterm/headless (20, scaled), BENCH_RUNS (1) takes the best of
 * several, BENCH_CLASSES picks classes (comma-separated); BENCH_WRITE_BASELINE=1 records the run as
 * bench/baseline.json.
 */
function ratioRun(): Row[] {
  const mb = Number(process.env['BENCH_MB'] ?? 200);
  const baselineFile = fileURLToPath(new URL('../../bench/baseline.json', import.meta.url));
  const baseline = existsSync(baselineFile) ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as Baseline) : null;
  const rows = measureRatios({
    mb,
    xtermMb: Number(process.env['BENCH_XTERM_MB'] ?? 20),
    runs: Number(process.env['BENCH_RUNS'] ?? 1),
    ...(process.env['BENCH_CLASSES'] ? { classes: process.env['BENCH_CLASSES'].split(',') } : {}),
  });
  process.stdout.write(`bootwhy and its peers, ${mb} MB of each class of input (${CLASSES.map((c) => c.name).join(', ')})\n`);
  for (const line of formatRatios(rows, baseline)) process.stdout.write(line + '\n');
  if (process.env['BENCH_WRITE_BASELINE'] === '1') {
    const machine = `${cpus()[0]?.model ?? '?'}, ${availableParallelism()} cores, Node ${process.version}`;
    writeFileSync(baselineFile, JSON.stringify(toBaseline(rows, mb, machine), null, 2) + '\n');
    process.stdout.write(`baseline written: ${baselineFile}\n`);
  }
  return rows;
}

/**
 * Many logs in one run (`bootwhy DIR`): the real command on BENCH_BATCH_FILES copies of the corpus logs, on
 * one core (taskset -c 0, one worker) and on two (--jobs 1 and --jobs 2); best of BENCH_BATCH_RUNS, the runs
 * interleaved so that a slow spell of the machine falls on every setting alike.
 */
function batch(): string[] {
  const files = Number(process.env['BENCH_BATCH_FILES'] ?? 500);
  const runs = Number(process.env['BENCH_BATCH_RUNS'] ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-bench-batch-'));
  const cases = loadCorpus().filter((c) => c.log.length > 0);
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const c = cases[i % cases.length]!;
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.log`), c.log);
    bytes += c.log.length;
  }
  const main = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const taskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  const cores = availableParallelism();
  const settings: Array<{ name: string; cmd: string[] }> = [
    ...(taskset ? [{ name: 'one core (taskset -c 0, --jobs 1)', cmd: ['taskset', '-c', '0', process.execPath, ...cliNodeFlags(), main, dir, '--jobs', '1', '--format', 'ndjson'] }] : []),
    { name: `${cores} cores, --jobs 1`, cmd: [process.execPath, ...cliNodeFlags(), main, dir, '--jobs', '1', '--format', 'ndjson'] },
    { name: `${cores} cores, --jobs 2`, cmd: [process.execPath, ...cliNodeFlags(), main, dir, '--jobs', '2', '--format', 'ndjson'] },
  ];
  const best = settings.map(() => Infinity);
  for (let r = 0; r < runs; r++) {
    settings.forEach((s, i) => {
      const t = process.hrtime.bigint();
      const out = spawnSync(s.cmd[0]!, s.cmd.slice(1), { stdio: ['ignore', 'ignore', 'ignore'] });
      if (out.status === null || out.status === 2) throw new Error(`batch ${s.name}: exit ${out.status}`);
      best[i] = Math.min(best[i]!, Number(process.hrtime.bigint() - t) / 1e9);
    });
  }
  rmSync(dir, { recursive: true, force: true });
  const mb = bytes / 1024 / 1024;
  const lines = settings.map((s, i) => `batch     ${files} files, ${mb.toFixed(0)} MB, ${s.name}: ${best[i]!.toFixed(2)} s (${(mb / best[i]!).toFixed(1)} MB/s)`);
  const one = best[0]!;
  const two = best[settings.length - 1]!;
  lines.push(`batch     --jobs 2 on ${cores} cores is ${(one / two).toFixed(2)}x ${taskset ? 'the one-core rate' : '--jobs 1 (no taskset here)'}; --jobs 1 alone already uses more than one core (V8's GC and compiler threads)`);
  return lines;
}

/**
 * A console flood: a unix socket sends the corpus at 10 MB/s to `watch --json` and to `tui`, each in its own
 * process; both must keep up, finishing their analysis right after the last byte was sent.
 */
async function floods(me: string): Promise<Array<[string, number, { seconds: number; bytes: number; rssMiB: number; extra: string }]>> {
  const mb = Number(process.env['BENCH_FLOOD_MB'] ?? 50);
  const out: Array<[string, number, { seconds: number; bytes: number; rssMiB: number; extra: string }]> = [];
  for (const kind of ['flood-watch', 'flood-tui']) {
    const sock = join(mkdtempSync(join(tmpdir(), 'bootwhy-bench-')), 'flood.sock');
    let sentStart = 0;
    let sentEnd = 0;
    const server = createServer(async (client) => {
      client.on('error', () => {});
      sentStart = Date.now();
      const slice = 100 * 1024; // every 10 ms: 10 MB/s
      let next = Date.now();
      for (const chunk of input(mb)) {
        for (let i = 0; i < chunk.length; i += slice) {
          if (!client.write(chunk.subarray(i, i + slice))) await new Promise((r) => client.once('drain', r));
          next += (10 * Math.min(slice, chunk.length - i)) / slice;
          const wait = next - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      }
      sentEnd = Date.now();
      client.end();
    });
    await new Promise<void>((r) => server.listen(sock, r));
    const child = spawn(process.execPath, [...cliNodeFlags(), me, kind, String(mb)], { env: { ...process.env, BENCH_SOCKET: sock }, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    server.close();
    if (code !== 0) throw new Error(`${kind} exited with ${code}`);
    const r = JSON.parse(text) as { seconds: number; bytes: number; rssMiB: number; extra: string };
    const finished = Number(/finished at (\d+)/.exec(r.extra)?.[1] ?? 0);
    const sendSeconds = (sentEnd - sentStart) / 1000;
    r.seconds = (finished - sentStart) / 1000;
    r.extra = `${((finished - sentEnd) / 1000).toFixed(2)} s after the last byte (sending took ${sendSeconds.toFixed(1)} s)${r.extra.replace(/;? ?finished at \d+/, '').replace(/^(.)/, ', $1')}`;
    out.push([kind, mb, r]);
  }
  return out;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
