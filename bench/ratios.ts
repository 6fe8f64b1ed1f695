/**
 * bootwhy side by side with its peers, in one run, as ratios: for each class of input, the `bootwhy --json`
 * command against a naive Node scan (decode, split, strip escapes by regex, match FAILED/DEPEND), against
 * @xterm/headless emulating the same bytes, against `lnav -n` indexing them (when lnav is installed) and
 * against `grep -c FAILED` (the I/O ceiling). Every tool is a process of its own, timed whole (wall clock,
 * best of BENCH_RUNS), its peak RSS read by `/usr/bin/time` when that is installed.
 *
 * The figures are compared with bench/baseline.json by their ratio to the naive scan measured in the same
 * run, which the machine's speed and load move far less than MB/s: a class whose ratio fell by more than
 * the baseline's tolerance is marked SLOWER. `BENCH_WRITE_BASELINE=1` writes this run as the baseline.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../test/support/corpus.js';
import { CRAFTED } from '../test/support/crafted.js';
import { LineClassifier } from '../parsers/grammar/classify.js';

const CHUNK = 64 * 1024;
const me = fileURLToPath(import.meta.url);

export interface InputClass {
  name: string;
  what: string;
  /** About `bytes` bytes of this class. */
  make: (bytes: number) => Uint8Array;
}

/** Repeats `unit` until `bytes`. */
function repeat(unit: Uint8Array, bytes: number): Uint8Array {
  const out = new Uint8Array(Math.max(bytes, 1));
  for (let at = 0; at < out.length; at += unit.length) out.set(unit.subarray(0, Math.min(unit.length, out.length - at)), at);
  return out;
}

let corpus: ReturnType<typeof loadCorpus> | null = null;
function corpusLogs(filter: (path: string) => boolean = () => true): Buffer {
  corpus ??= loadCorpus();
  return Buffer.concat(
    corpus
      .filter((c) => filter(c.dir))
      .map((c) => Buffer.from(c.log)),
  );
}

/** The kernel's own lines of the corpus, one boot's worth of them again and again with uptimes that only go up. */
function kernelFlood(bytes: number): Uint8Array {
  const messages: string[] = [];
  for (const line of corpusLogs().toString('latin1').split('\n')) {
    const m = /^\[\s*\d+\.\d+\] (.*?)\r?$/.exec(line);
    // (The kernel's plain messages only, as the grammar reads them: no process's (`systemd[1]: …`), no
    // event, crash or failure.)
    if (m && !/\[|\x1b/.test(m[1]!) && isPlainKernel(m[1]!)) messages.push(m[1]!);
  }
  const parts: string[] = ['[    0.000000] Linux version 6.8.0 (bench@bootwhy) #1 SMP\r\n'];
  let n = parts[0]!.length;
  for (let i = 0; n < bytes; i++) {
    const l = `[${(1 + i / 1000).toFixed(6).padStart(12)}] ${messages[i % messages.length]}\r\n`;
    parts.push(l);
    n += l.length;
  }
  return Buffer.from(parts.join(''), 'latin1');
}

/** The grammar reads this kernel message as nothing but a kernel line. */
function isPlainKernel(message: string): boolean {
  let plain = false;
  const k = new LineClassifier((r) => {
    plain = r.kind === 'kernel' && r.event === null && r.crash === null && r.failure === null && !r.storageError && r.process === null && r.crashLocation === null && r.manager === null && r.msg === null && r.audit === null;
  });
  k.push({ text: `[    1.000000] ${message}`, lineNo: 1, byteStart: 0, byteEnd: 0, overwritten: false, truncated: false });
  k.end();
  return plain;
}

export const CLASSES: readonly InputClass[] = [
  { name: 'mixed', what: 'every corpus log end to end, repeated (real captures, pastes, journals, boards)', make: (b) => repeat(corpusLogs(), b) },
  { name: 'kernel-flood', what: 'plain kernel lines of the corpus, restamped as one long boot', make: kernelFlood },
  { name: 'status-boot', what: "the lab's captures (systemd boots, status-heavy), repeated", make: (b) => repeat(corpusLogs((d) => d.includes('/lab/')), b) },
  { name: 'spinner', what: 'start-job spinners redrawing their line with escapes', make: (b) => CRAFTED.find((c) => c.name === 'spinner-jobs')!.make(b) },
  { name: 'huge-line', what: 'one line of printable text, no newline', make: (b) => repeat(new TextEncoder().encode('abcdefgh [    1.000000] eth0: link up, FAILED not; '), b) },
  { name: 'tiny-boots', what: 'boot after boot, each with a cycle, a failure and a crash', make: (b) => CRAFTED.find((c) => c.name === 'many-boots')!.make(b) },
];

export const TOOLS = ['bootwhy', 'naive', 'xterm', 'lnav', 'grep'] as const;
type Tool = (typeof TOOLS)[number];

interface Measure {
  seconds: number;
  rssMiB: number | null;
}

export interface Row {
  cls: string;
  bytes: number;
  results: Partial<Record<Tool, Measure | string>>;
}

function cliNodeFlags(): string[] {
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const shebang = readFileSync(cli, 'utf8').split('\n', 1)[0] ?? '';
  return shebang.split(/\s+/).filter((w) => w.startsWith('--'));
}

const hasTime = existsSync('/usr/bin/time');
const hasLnav = spawnSync('lnav', ['-V'], { stdio: 'ignore' }).status === 0;

/** Runs a command `runs` times; the best wall time and that run's peak RSS. */
function timeCommand(cmd: string[], runs: number, okStatus: readonly number[]): Measure {
  let best: Measure | null = null;
  for (let r = 0; r < runs; r++) {
    const argv = hasTime ? ['/usr/bin/time', '-f', '@@rss %M', ...cmd] : cmd;
    const t = process.hrtime.bigint();
    const out = spawnSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    if (out.status === null || !okStatus.includes(out.status)) throw new Error(`${cmd.join(' ')}: exit ${out.status}: ${(out.stderr ?? '').slice(-400)}`);
    const rss = /@@rss (\d+)/.exec(out.stderr ?? '');
    const m = { seconds, rssMiB: rss ? Number(rss[1]) / 1024 : null };
    if (best === null || m.seconds < best.seconds) best = m;
  }
  return best!;
}

/** The naive scan the issue measured bootwhy against (run in a child: `ratios.js naive FILE`). */
function naive(file: string): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(CHUNK);
  const dec = new TextDecoder();
  let rest = '';
  let hits = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, CHUNK, null);
    const text = rest + dec.decode(buf.subarray(0, n), { stream: n > 0 });
    const lines = text.split('\n');
    rest = n > 0 ? lines.pop()! : '';
    for (const l of lines) if (/FAILED|DEPEND/.test(l.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''))) hits++;
    if (n === 0) break;
  }
  closeSync(fd);
  return hits;
}

async function xterm(file: string): Promise<void> {
  const { default: xt } = await import('@xterm/headless');
  // scrollback 0: with scrollback, xterm keeps memory after OSC 8 + RIS (see the reference page).
  const term = new xt.Terminal({ cols: 200, rows: 50, scrollback: 0, allowProposedApi: true, logLevel: 'off' });
  const fd = openSync(file, 'r');
  for (;;) {
    const buf = Buffer.alloc(CHUNK);
    const n = readSync(fd, buf, 0, CHUNK, null);
    if (n === 0) break;
    await new Promise<void>((done) => term.write(buf.subarray(0, n), done));
  }
  closeSync(fd);
  term.dispose();
}

export interface RatioOptions {
  /** Size of each class's input. */
  mb: number;
  /** @xterm/headless is slow and grows: it gets at most this many MB. */
  xtermMb: number;
  runs: number;
  classes?: readonly string[];
}

/** Measures every class with every tool. */
export function measureRatios(opts: RatioOptions): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'bootwhy-bench-ratios-'));
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const rows: Row[] = [];
  try {
    for (const cls of CLASSES) {
      if (opts.classes && !opts.classes.includes(cls.name)) continue;
      const data = cls.make(Math.round(opts.mb * 1024 * 1024));
      const file = join(dir, `${cls.name}.log`);
      writeFileSync(file, data);
      const row: Row = { cls: cls.name, bytes: data.length, results: {} };
      // bootwhy as its users run it: the command, its shebang's V8 flags, the JSON report written out.
      row.results.bootwhy = timeCommand([process.execPath, ...cliNodeFlags(), cli, '--json', file], opts.runs, [0, 1, 6]);
      row.results.naive = timeCommand([process.execPath, me, 'naive', file], opts.runs, [0]);
      if (data.length <= opts.xtermMb * 1024 * 1024) row.results.xterm = timeCommand([process.execPath, me, 'xterm', file], opts.runs, [0]);
      else {
        // (A prefix of the same input, timed and scaled: xterm's speed does not depend on the size.)
        const part = join(dir, `${cls.name}.xterm.log`);
        writeFileSync(part, data.subarray(0, opts.xtermMb * 1024 * 1024));
        const m = timeCommand([process.execPath, me, 'xterm', part], opts.runs, [0]);
        row.results.xterm = { seconds: (m.seconds * data.length) / (opts.xtermMb * 1024 * 1024), rssMiB: m.rssMiB };
      }
      if (hasLnav) {
        // lnav 0.11 crashes on the cursor-position probe agetty prints (ESC[32766;32766H): it gets a copy without it.
        const copy = join(dir, `${cls.name}.lnav.log`);
        writeFileSync(copy, Buffer.from(data).toString('latin1').replaceAll('\x1b[32766;32766H', ''), 'latin1');
        try {
          row.results.lnav = timeCommand(['lnav', '-n', copy], opts.runs, [0]);
        } catch (err) {
          // (lnav 0.11 also crashes on other corpus content: said in the table, not measured.)
          row.results.lnav = `exited with an error on this input (${/: exit (\w+)/.exec(String(err))?.[1] ?? '?'}): not measured`;
        }
        rmSync(copy, { force: true });
      } else row.results.lnav = 'not installed (apt-get install lnav)';
      row.results.grep = timeCommand(['grep', '-c', 'FAILED', file], opts.runs, [0, 1]);
      rows.push(row);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export interface Baseline {
  recorded: string;
  machine: string;
  /** A ratio this much below the baseline's is a regression (0.25: 25%). */
  tolerance: number;
  mb: number;
  classes: Record<string, { bootwhyMBps: number; rssMiB: number | null; vsNaive: number }>;
}

const mbps = (row: Row, m: Measure): number => row.bytes / 1024 / 1024 / m.seconds;

/** The table, one class a row: bootwhy's MB/s and RSS, then each peer as bootwhy's speed over the peer's. */
export function formatRatios(rows: readonly Row[], baseline: Baseline | null): string[] {
  const out: string[] = [];
  out.push('class         MB   bootwhy MB/s  RSS MiB   ×naive (MB/s)   ×xterm (MB/s)   ×lnav (MB/s)    ×grep (MB/s)    baseline');
  for (const row of rows) {
    const b = row.results.bootwhy as Measure;
    const bw = mbps(row, b);
    const peer = (t: Tool): string => {
      const m = row.results[t];
      if (m === undefined) return '—'.padEnd(15);
      if (typeof m === 'string') return 'n/a'.padEnd(15);
      return `${(bw / mbps(row, m)).toFixed(2)} (${mbps(row, m).toFixed(0)})`.padEnd(15);
    };
    const naiveM = row.results.naive as Measure;
    const vsNaive = bw / mbps(row, naiveM);
    let base = '';
    const bl = baseline?.classes[row.cls];
    if (bl && baseline) {
      const change = vsNaive / bl.vsNaive - 1;
      base = `×naive ${bl.vsNaive.toFixed(2)} then, ${change >= 0 ? '+' : ''}${(100 * change).toFixed(0)}%${change < -baseline.tolerance ? ' SLOWER' : ''}`;
    }
    out.push(
      `${row.cls.padEnd(12)} ${(row.bytes / 1024 / 1024).toFixed(0).padStart(4)}  ${bw.toFixed(1).padStart(12)}  ${b.rssMiB === null ? '   ?' : b.rssMiB.toFixed(0).padStart(7)}   ${peer('naive')} ${peer('xterm')} ${peer('lnav')} ${peer('grep')} ${base}`,
    );
  }
  for (const row of rows) if (typeof row.results.lnav === 'string') out.push(`lnav on ${row.cls}: ${row.results.lnav}`);
  if (!hasTime) out.push('peak RSS: /usr/bin/time is not installed (apt-get install time)');
  out.push('×peer: bootwhy --json as fast as the peer times this (above 1: bootwhy is faster); every tool a process of its own, timed whole');
  return out;
}

export function toBaseline(rows: readonly Row[], mb: number, machine: string): Baseline {
  const classes: Baseline['classes'] = {};
  for (const row of rows) {
    const b = row.results.bootwhy as Measure;
    const n = row.results.naive as Measure;
    classes[row.cls] = { bootwhyMBps: Number(mbps(row, b).toFixed(1)), rssMiB: b.rssMiB === null ? null : Math.round(b.rssMiB), vsNaive: Number((n.seconds / b.seconds).toFixed(3)) };
  }
  return { recorded: new Date().toISOString().slice(0, 10), machine, tolerance: 0.25, mb, classes };
}

// Children: `node ratios.js naive FILE`, `node ratios.js xterm FILE`.
if (process.argv[1] === me) {
  const [, , kind, file] = process.argv;
  if (kind === 'naive') naive(file!);
  else if (kind === 'xterm') await xterm(file!);
}
