/**
 * `bootwhy watch` against real sources: a unix socket and a TCP socket on loopback, a real pty (Python's
 * pty module holds the master), a growing file that is truncated, and stdin; reconnects and --save.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPORA } from './support/corpus.js';

const BIN = join(resolve(CORPORA, '..'), 'dist/cli/main.js');
const CAPTURE = readFileSync(join(CORPORA, 'lab/var-bind-soft-reboot/console.log'));
const CLEAN = readFileSync(join(CORPORA, 'lab/clean-boot/console.log'));
const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-watch-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves once stdout has printed a line matching `re`. */
  printed(re: RegExp): Promise<void>;
}

function watch(args: string[], input?: Buffer): Run {
  const child = spawn(process.execPath, [BIN, 'watch', ...args], { env: { PATH: process.env['PATH'] ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  if (input) child.stdin!.end(input);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((r) => child.on('close', (code) => r({ code, stdout, stderr })));
  const printed = (re: RegExp): Promise<void> =>
    new Promise((r, reject) => {
      const check = (): void => {
        if (re.test(stdout)) {
          child.stdout!.off('data', check);
          r();
        }
      };
      child.stdout!.on('data', check);
      child.once('close', () => reject(new Error(`exited before printing ${re}:\n${stdout}${stderr}`)));
      check();
    });
  return { child, done, printed };
}

const events = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

/** A console server that sends `data` in small slices to each client, as a VM console would. */
function serve(listen: (s: Server) => void, data: Buffer, onClient?: (sock: Socket, n: number) => boolean): Promise<Server> {
  let clients = 0;
  const server = createServer(async (sock) => {
    const n = ++clients;
    sock.on('error', () => {});
    if (onClient && !onClient(sock, n)) return;
    for (let i = 0; i < data.length && !sock.destroyed; i += 1024) {
      sock.write(data.subarray(i, i + 1024));
      await sleep(2);
    }
  });
  return new Promise((r) => {
    server.on('listening', () => r(server));
    listen(server);
  });
}

test('unix socket: --until emergency ends with 0 as soon as emergency mode shows, --save holds the bytes', async () => {
  const path = join(tmp, 'con.sock');
  const server = await serve((s) => s.listen(path), CAPTURE);
  const save = join(tmp, 'saved.log');
  const run = watch([`unix:${path}`, '--json', '--until', 'emergency', '--timeout', '60s', '--save', save]);
  const r = await run.done;
  server.close();
  assert.is(r.code, 0, r.stderr);
  const ev = events(r.stdout);
  assert.ok(ev.some((e) => e['type'] === 'failure' && e['unit'] === 'var.mount'));
  assert.ok(ev.some((e) => e['type'] === 'emergency'));
  assert.ok(ev.every((e) => typeof e['t'] === 'number'), 'received-time stamps');
  const report = ev.find((e) => e['type'] === 'report')!['report'] as { verdict: string };
  assert.is(report.verdict, 'failed');
  const saved = readFileSync(save);
  assert.ok(saved.length > 60000);
  assert.ok(saved.equals(CAPTURE.subarray(0, saved.length)), '--save is byte-identical to what was sent');
});

test('tcp: waiting for login fails fast with 3 when emergency mode comes instead', async () => {
  const server = await serve((s) => s.listen(0, '127.0.0.1'), CAPTURE);
  const port = (server.address() as { port: number }).port;
  const r = await watch([`tcp:127.0.0.1:${port}`, '--until', 'login', '--timeout', '60s', '--color=never']).done;
  server.close();
  // The first cycle reaches its login prompt before the soft-reboot: that ends the wait with 0.
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /login prompt/);
  const server2 = await serve((s) => s.listen(0, '127.0.0.1'), CAPTURE.subarray(CAPTURE.indexOf('soft-reboot.target')));
  const port2 = (server2.address() as { port: number }).port;
  const r2 = await watch([`tcp:127.0.0.1:${port2}`, '--until', 'login', '--timeout', '60s', '--color=never']).done;
  server2.close();
  assert.is(r2.code, 3, r2.stdout);
  assert.match(r2.stdout, /emergency mode/);
});

test('a source that resets and comes back: the gap is reported, nothing after it is lost', async () => {
  const path = join(tmp, 'flaky.sock');
  const half = CLEAN.indexOf('Welcome to');
  let server = await serve(
    (s) => s.listen(path),
    CLEAN.subarray(0, half),
    (sock, n) => {
      // The first client is dropped mid-boot; later ones are turned away until the console returns.
      if (n === 1) setTimeout(() => sock.destroy(), 300);
      else sock.destroy();
      return n === 1;
    },
  );
  const save = join(tmp, 'flaky.log');
  const run = watch([`unix:${path}`, '--json', '--until', 'login', '--timeout', '30s', '--save', save]);
  await sleep(800);
  server.close();
  await sleep(300);
  server = await serve((s) => s.listen(path), CLEAN.subarray(half));
  const r = await run.done;
  server.close();
  assert.is(r.code, 0, r.stdout + r.stderr);
  const src = events(r.stdout).filter((e) => e['type'] === 'source').map((e) => String(e['message']));
  assert.ok(src.some((m) => /connection reset|closed/.test(m)), src.join('\n'));
  assert.ok(src.some((m) => /back again/.test(m)), src.join('\n'));
  assert.ok(readFileSync(save).equals(CLEAN.subarray(0, readFileSync(save).length)), 'the saved bytes are the stream without a hole');
});

test('a real pty: the console on /dev/pts/N is read through serialport until login', async () => {
  // Python holds the pty master and writes the capture into it, like QEMU's -serial pty.
  const script = `
import os, pty, sys, time
m, s = pty.openpty()
os.system('stty raw -echo < ' + os.ttyname(s))
print(os.ttyname(s), flush=True)
data = open(sys.argv[1], 'rb').read()
time.sleep(1.5)
for i in range(0, len(data), 512):
    os.write(m, data[i:i+512]); time.sleep(0.002)
time.sleep(5)
`;
  const py = spawn('python3', ['-c', script, join(CORPORA, 'lab/clean-boot/console.log')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ptsPath = await new Promise<string>((r) => py.stdout!.once('data', (c: Buffer) => r(c.toString().trim())));
  const r = await watch([ptsPath, '--json', '--until', 'login', '--timeout', '60s']).done;
  py.kill();
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.ok(events(r.stdout).some((e) => e['type'] === 'login'));
});

test('a pty whose other end hangs up and comes back: the gap is in the report, every byte sent is kept', async () => {
  // Python holds the master as QEMU does. The console is reached through a stable path (a symlink to
  // the /dev/pts/N, as a udev rule or a wrapper script gives one): mid-boot a new pty is made and the
  // link moved to it, then the old master is closed (the VM went away and came back on a new pty).
  const link = join(tmp, 'console-pty');
  const script = `
import os, pty, sys, time
data = open(sys.argv[1], 'rb').read()
link = sys.argv[2]
half = data.index(b'Welcome to')
def open_pty():
    m, s = pty.openpty()
    os.system('stty raw -echo < ' + os.ttyname(s))
    os.symlink(os.ttyname(s), link + '.new')
    os.replace(link + '.new', link)
    return m, s
m, s = open_pty()
print(link, flush=True)
sys.stdin.readline()
for i in range(0, half, 512):
    os.write(m, data[i:min(i + 512, half)]); time.sleep(0.002)
time.sleep(0.5)
m2, s2 = open_pty()
os.close(s); os.close(m)
sys.stdin.readline()
for i in range(half, len(data), 512):
    os.write(m2, data[i:i + 512]); time.sleep(0.002)
time.sleep(10)
`;
  const py = spawn('python3', ['-c', script, join(CORPORA, 'lab/clean-boot/console.log'), link], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const ptsPath = await new Promise<string>((r) => py.stdout!.once('data', (c: Buffer) => r(c.toString().trim())));
    const save = join(tmp, 'pty-hangup.log');
    const run = watch([ptsPath, '--json', '--until', 'login', '--timeout', '60s', '--save', save]);
    await run.printed(/attached to/);
    py.stdin!.write('go\n');
    await run.printed(/hung up|closed/);
    await run.printed(/back again/);
    py.stdin!.write('go\n');
    const r = await run.done;
    assert.is(r.code, 0, r.stdout + r.stderr);
    const ev = events(r.stdout);
    assert.ok(ev.some((e) => e['type'] === 'login'));
    const gap = ev.find((e) => e['type'] === 'gap');
    assert.ok(gap, 'a gap event');
    const report = ev.find((e) => e['type'] === 'report')!['report'] as { input: { gaps: { line: number; reason: string; seconds: number }[] }; degraded: { code: string }[] };
    assert.is(report.input.gaps.length, 1);
    assert.match(report.input.gaps[0]!.reason, /hung up|closed|I\/O/);
    assert.ok(report.input.gaps[0]!.seconds > 0.2);
    assert.ok(report.degraded.some((d) => d.code === 'source-gap'));
    // The gap sits where the first half ended: the line numbers before it match the capture's.
    const half = CLEAN.indexOf('Welcome to');
    assert.is(report.input.gaps[0]!.line, CLEAN.subarray(0, half).toString('latin1').split('\n').length);
    assert.ok(readFileSync(save).equals(CLEAN.subarray(0, readFileSync(save).length)), 'no byte lost or doubled around the gap');
    assert.ok(readFileSync(save).length > half, 'bytes after the gap were read');
  } finally {
    py.kill();
  }
});

test('a TCP connection reset (RST) mid-boot: reported as a reset, the gap marked, the rest read on reconnect', async () => {
  const half = CLEAN.indexOf('Welcome to');
  let clients = 0;
  const server = createServer((sock) => {
    sock.on('error', () => {});
    const n = ++clients;
    const data = n === 1 ? CLEAN.subarray(0, half) : CLEAN.subarray(half);
    sock.write(data, () => {
      // The first connection is reset, as a host-side proxy or a killed QEMU leaves it.
      if (n === 1) setTimeout(() => sock.resetAndDestroy(), 200);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const r = await watch([`tcp:127.0.0.1:${port}`, '--until', 'login', '--timeout', '60s', '--color=never']).done;
  server.close();
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /connection reset; waiting for it to come back/);
  assert.match(r.stdout, /gap.*connection reset/);
  assert.match(r.stdout, /login prompt/);
  assert.match(r.stdout, /source went away once/);
});

test('a followed file: appended bytes are read as they come, a truncation is reported and read from the start', async () => {
  const file = join(tmp, 'serial.log');
  writeFileSync(file, CLEAN.subarray(0, 5000));
  const run = watch([file, '--json', '--until', 'cycle=1', '--timeout', '60s']);
  await sleep(600);
  writeFileSync(file, ''); // truncated, as a rotating logger does
  await sleep(500);
  appendFileSync(file, CLEAN.subarray(0, CLEAN.indexOf('Welcome to') + 100));
  const r = await run.done;
  assert.is(r.code, 0, r.stdout + r.stderr);
  const src = events(r.stdout).filter((e) => e['type'] === 'source').map((e) => String(e['message']));
  assert.ok(src.some((m) => /truncated/.test(m)), src.join('\n'));
  assert.ok(events(r.stdout).some((e) => e['type'] === 'cycle'));
});

test('stdin: read to its end, then the full report; exit 1 when failures were seen', async () => {
  const r = await watch(['-', '--color=never'], CAPTURE).done;
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stdout, /FAILED .*var\.mount failed to mount \/var/);
});

test('--timeout ends the wait with 5; bad --until and missing sources are usage errors', async () => {
  const path = join(tmp, 'quiet.sock');
  const server = await serve((s) => s.listen(path), Buffer.from('nothing yet\r\n'));
  const r = await watch([`unix:${path}`, '--until', 'login', '--timeout', '1s', '--color=never']).done;
  server.close();
  assert.is(r.code, 5, r.stdout + r.stderr);
  const bad = await watch([`unix:${path}`, '--until', 'lunch']).done;
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--until must be/);
  const missing = await watch([join(tmp, 'nope.log')]).done;
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /no such file/);
});

test.run();
