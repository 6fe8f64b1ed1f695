/**
 * `npm run bench`: throughput (MB/s) and peak RSS of the analyzer on a large input made by repeating the
 * corpus, and of @xterm/headless alone on the same bytes for comparison. Each measurement runs in its
 * own process so that peak RSS belongs to it alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { Analyzer } from '../parsers/index.js';
import { loadCorpus } from '../test/support/corpus.js';

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
    const term = new xterm.Terminal({ cols: 200, rows: 50, scrollback: 0, allowProposedApi: true });
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
  if (kind) {
    const result = await measure(kind, Number(mbArg));
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const me = fileURLToPath(import.meta.url);
  const mb = Number(process.env['BENCH_MB'] ?? 200);
  const xtermMb = Number(process.env['BENCH_XTERM_MB'] ?? 50);
  const baseline = process.env['BENCH_BASELINE'] ? (JSON.parse(readFileSync(process.env['BENCH_BASELINE'], 'utf8')) as Record<string, number>) : null;
  const rows: Array<[string, number, { seconds: number; bytes: number; rssMiB: number; extra: string }]> = [];
  for (const [kind, size] of [
    ['analyzer', mb],
    ['xterm', xtermMb],
    ['latency', 0],
  ] as const) {
    // The analyzer runs with the V8 flags the bootwhy command runs with (its shebang).
    const flags = kind === 'analyzer' ? cliNodeFlags() : [];
    const r = spawnSync(process.execPath, [...flags, me, kind, String(size)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${kind}: ${r.stderr}`);
    rows.push([kind, size, JSON.parse(r.stdout) as { seconds: number; bytes: number; rssMiB: number; extra: string }]);
  }
  process.stdout.write(`input: the corpus (${loadCorpus().length} logs) repeated, fed in ${CHUNK / 1024} KiB chunks\n`);
  for (const [kind, size, r] of rows) {
    if (kind === 'latency') {
      process.stdout.write(`latency   ${r.extra}\n`);
      continue;
    }
    const mbps = r.bytes / 1024 / 1024 / r.seconds;
    const vs = baseline?.[kind] ? `  (baseline ${baseline[kind]!.toFixed(1)} MB/s)` : '';
    process.stdout.write(`${kind.padEnd(9)} ${String(size).padStart(4)} MB  ${mbps.toFixed(1).padStart(7)} MB/s  peak RSS ${r.rssMiB.toFixed(0).padStart(4)} MiB  ${r.extra}${vs}\n`);
  }
  const [a, x] = [rows[0]![2], rows[1]![2]];
  const ratio = a.bytes / a.seconds / (x.bytes / x.seconds);
  process.stdout.write(`analyzer is ${ratio.toFixed(1)}x the speed of @xterm/headless emulation alone\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
