/**
 * `bootwhy watch` under faults a probe found: it must always end (with the code its docs give), never
 * empty the log it watches, say when a source cannot be reached, and never lose bytes silently when a
 * followed file is rewritten. Every wait is on a condition (output seen, a process gone), with a deadline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPORA } from './support/corpus.js';

const ROOT = resolve(CORPORA, '..');
const BIN = join(ROOT, 'dist/bin/bootwhy.js');
const CLEAN = join(CORPORA, 'lab/clean-boot/console.log');
const FAILING = join(CORPORA, 'tmt-soft-reboot-var-mount-status/console.log');
const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-watch-faults-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
/** Generous: a loaded CI machine is slow, but a hang is forever. */
const DEADLINE_MS = 30_000;

function runSync(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: DEADLINE_MS, env: { PATH: process.env['PATH'] ?? '' } });
  assert.is(r.signal, null, `bootwhy ${args.join(' ')} did not end by itself (killed by ${r.signal}); stdout: ${r.stdout.slice(-500)}`);
  return r;
}

interface Running {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, out: () => out, exited };
}

async function until(what: string, cond: () => boolean, ms = DEADLINE_MS, shown?: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${shown ? `; output:\n${shown().slice(-1500)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function exitWithin(r: Running, what: string): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([r.exited, new Promise<'hung'>((done) => (timer = setTimeout(() => done('hung'), DEADLINE_MS)))]);
  clearTimeout(timer);
  if (code === 'hung') {
    r.child.kill('SIGKILL');
    throw new Error(`${what}: bootwhy never exited; output:\n${r.out().slice(-800)}`);
  }
  return code;
}

test('--save into a directory that does not exist: a one-line error and exit 2, not a report that never ends', () => {
  const r = runSync(['watch', CLEAN, '--once', '--save', join(tmp, 'no/such/dir/x.log'), '--timeout', '3s']);
  assert.is(r.status, 2);
  assert.match(r.stderr, /^bootwhy: --save .*no such file\n$/);
  assert.not.match(r.stderr, /\n\s+at /);
});

test('--timeout 0 ends at once, every time', () => {
  for (let i = 0; i < 5; i++) {
    const r = runSync(['watch', CLEAN, '--timeout', '0']);
    assert.is(r.status, 5, `run ${i}: ${r.stderr}`);
  }
});

test('watch X --save X refuses and leaves X as it was', () => {
  const log = join(tmp, 'self.log');
  copyFileSync(CLEAN, log);
  const before = readFileSync(log);
  const r = runSync(['watch', log, '--once', '--save', log]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /is the source being watched/);
  assert.equal(readFileSync(log), before);
});

test('a TCP peer that accepts and never sends: --timeout still ends the watch', async () => {
  const held: Socket[] = [];
  const server: Server = createServer((s) => held.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const w = start(['watch', `tcp:127.0.0.1:${port}`, '--timeout', '1s']);
    await until('the connection', () => held.length > 0);
    assert.is(await exitWithin(w, 'tcp hold'), 5);
  } finally {
    for (const s of held) s.destroy();
    server.close();
  }
});

test('a listener that accepts and hangs up at once is retried with backoff, not four times a second', async () => {
  const times: number[] = [];
  const server: Server = createServer((s) => {
    times.push(Date.now());
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const w = start(['watch', `tcp:127.0.0.1:${port}`]);
  try {
    await until('five connections', () => times.length >= 5);
    // Delays double from 250 ms: the fourth wait is 2 s or more (a loaded machine only lengthens it).
    assert.ok(times[4]! - times[3]! >= 1500, `waits between connections: ${times.slice(1).map((t, i) => t - times[i]!).join(', ')} ms`);
  } finally {
    w.child.kill('SIGTERM');
    await exitWithin(w, 'hang-up listener');
    server.close();
  }
});

test('sources that cannot be reached are input errors in words, not EMPTY with exit 0', async () => {
  // A port nobody listens on: bind one, note it, close it.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  let r = runSync(['watch', `tcp:127.0.0.1:${port}`, '--once']);
  assert.is(r.status, 2);
  assert.match(r.stderr, /^bootwhy: tcp:127\.0\.0\.1:\d+: connection refused/);
  r = runSync(['watch', `unix:${join(tmp, 'nothing.sock')}`, '--once']);
  assert.is(r.status, 2);
  assert.match(r.stderr, /no such socket/);
  assert.not.match(r.stderr, /ENOENT|ECONNREFUSED/);
  r = runSync(['watch', 'tcp:127.0.0.1:0']);
  assert.is(r.status, 2);
  assert.match(r.stderr, /a TCP port is 1 to 65535/);
  r = runSync(['watch', CLEAN, '--timeout', '-5']);
  assert.is(r.status, 2);
  assert.match(r.stderr, /--timeout needs a value/);
  assert.not.match(r.stderr, /ambiguous/);
});

test('without --once an unreachable source is retried, said once in words, and SIGTERM ends it with a report', async () => {
  const w = start(['watch', `unix:${join(tmp, 'later.sock')}`]);
  await until('the retry notice', () => /no such socket; retrying/.test(w.out()));
  w.child.kill('SIGTERM');
  const code = await exitWithin(w, 'retrying source');
  assert.is(code, 6);
  assert.is(w.out().match(/retrying/g)?.length, 1);
});

test('a named pipe: --once waits for a writer, reads it to its end; the first SIGTERM ends an idle wait', async () => {
  const fifo = join(tmp, 'console.fifo');
  assert.is(spawnSync('mkfifo', [fifo]).status, 0);
  const w = start(['watch', fifo, '--once']);
  await until('attach', () => /attached to/.test(w.out()));
  // The writer opens after bootwhy: QEMU's `-serial pipe:` does the same.
  const fd = openSync(fifo, 'w');
  writeSync(fd, readFileSync(FAILING));
  closeSync(fd);
  assert.is(await exitWithin(w, 'fifo --once'), 1);
  assert.match(w.out(), /Root cause: var\.mount/);

  const idle = start(['watch', fifo, '--once']);
  await until('attach', () => /attached to/.test(idle.out()));
  idle.child.kill('SIGTERM');
  assert.is(await exitWithin(idle, 'idle fifo after one SIGTERM'), 6);
});

test('a followed file rewritten in place between two polls: a gap is noted and the new bytes are read', async () => {
  const log = join(tmp, 'rewritten.log');
  writeFileSync(log, readFileSync(CLEAN));
  const w = start(['watch', log, '--json']);
  await until('the first boot read', () => /"type":"login"/.test(w.out()));
  // Rewritten as `cat other > log` does (truncate, then write), longer than before: a poll in between
  // may see the truncation; one after sees a longer file whose bytes before our offset are new.
  const failing = readFileSync(FAILING);
  const other = Buffer.concat(Array.from({ length: Math.ceil((readFileSync(CLEAN).length * 1.5) / failing.length) }, () => failing));
  writeFileSync(log, other);
  assert.ok(statSync(log).size > readFileSync(CLEAN).length);
  await until('the rewrite noticed', () => /rewritten in place|truncated/.test(w.out()), DEADLINE_MS, w.out);
  await until('the new content read', () => /"type":"emergency"/.test(w.out()), DEADLINE_MS, w.out);
  w.child.kill('SIGINT');
  await exitWithin(w, 'rewritten file');
  const report = JSON.parse(w.out().trim().split('\n').at(-1)!).report;
  assert.ok(report.input.gaps.length >= 1, 'the report has a gap');
  assert.match(report.input.gaps[0].reason, /rewritten in place|truncated/);
});

test('--save to a pipe whose reader is slow: the source waits (bounded backlog) and every byte is saved', async () => {
  const fifo = join(tmp, 'save.fifo');
  assert.is(spawnSync('mkfifo', [fifo]).status, 0);
  const big = join(tmp, 'big.log');
  const unit = readFileSync(CLEAN);
  const copies = Math.ceil((24 << 20) / unit.length);
  writeFileSync(big, Buffer.concat(Array.from({ length: copies }, () => unit)));
  const size = statSync(big).size;
  // The reader opens the pipe first (without blocking, so it can say so), then reads slowly (about
  // 6 MB/s, slower than bootwhy reads) to the end, then prints how much it received.
  const script = [
    'import os, sys, time, fcntl',
    'fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NONBLOCK)',
    'print("ready", flush=True)',
    'fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)',
    'n = 0',
    'while True:',
    '    b = os.read(fd, 65536)',
    '    if not b:',
    '        if n > 0: break',
    '        time.sleep(0.01); continue',
    '    n += len(b); time.sleep(0.01)',
    'print("done", n, flush=True)',
  ].join('\n');
  const reader = spawn('python3', ['-c', script, fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
  let counted = '';
  reader.stdout.on('data', (c: Buffer) => (counted += c.toString()));
  const readerDone = new Promise<void>((r) => reader.on('exit', () => r()));
  await until('the reader', () => counted.startsWith('ready'));
  // What the reader has received: the bytes its read() calls returned (/proc/PID/io), counted by the
  // kernel, so a test process slow to see the reader's own output does not make the backlog look larger.
  const rchar = (): number => Number(/^rchar:\s*(\d+)/m.exec(readFileSync(`/proc/${reader.pid}/io`, 'utf8'))?.[1]);
  const base = rchar();
  const received = (): number => rchar() - base;
  // bootwhy reads its standard input (a file, which ends: the watch ends with it). How far it has read
  // is the file offset of that descriptor (/proc/PID/fdinfo/0); what it holds and has not yet handed on
  // is that offset less what the reader has received. Sampled while it runs, not guessed from RSS,
  // which varies with the machine's allocator and GC.
  const input = openSync(big, 'r');
  const child = spawn(process.execPath, [BIN, 'watch', '-', '--save', fifo], { stdio: [input, 'ignore', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } });
  closeSync(input);
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const w: Running = { child, out: () => err, exited: new Promise((r) => child.on('exit', (code) => r(code))) };
  const backlog: number[] = [];
  let running = true;
  void w.exited.then(() => (running = false));
  while (running) {
    try {
      // (bootwhy's offset first: by the time the reader's count is read it can only have grown, so a
      // sample never shows more backlog than there was.)
      const pos = Number(/^pos:\s*(\d+)/m.exec(readFileSync(`/proc/${child.pid}/fdinfo/0`, 'utf8'))?.[1]);
      const got = received();
      if (Number.isFinite(pos) && Number.isFinite(got)) {
        backlog.push(pos - got);
      }
    } catch {
      // The process ended between two samples.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await exitWithin(w, '--save to a slow pipe');
  await readerDone;
  assert.match(counted, new RegExp(`done ${size}\\n`), 'every byte reached the slow reader');
  assert.ok(backlog.length >= 10, `sampled only ${backlog.length} times`);
  // Without backpressure bootwhy reads the whole file at once and then waits while the reader drains it:
  // most samples show most of its 24 MB. With it, the backlog is a few chunks and the pipe's buffer. (The
  // median, not the largest: on a loaded machine a rare sample was seen far off, which the median of
  // dozens of samples does not follow.)
  backlog.sort((a, b) => a - b);
  const median = backlog[backlog.length >> 1]!;
  assert.ok(median < 2 << 20, `bootwhy held ${(median / 1048576).toFixed(1)} MiB (median of ${backlog.length} samples; largest ${(backlog.at(-1)! / 1048576).toFixed(1)} MiB) that the slow reader had not taken`);

  // The same through a file: every byte saved.
  const copy = join(tmp, 'fast-copy.log');
  const r = spawnSync(process.execPath, [BIN, 'watch', '-', '--save', copy], { input: readFileSync(big), timeout: DEADLINE_MS * 2, env: { PATH: process.env['PATH'] ?? '' } });
  assert.is(r.signal, null);
  assert.is(statSync(copy).size, size);
});

test.run();
