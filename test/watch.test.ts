/**
 * `bootwhy watch` against real sources: a unix socket and a TCP socket on loopback, a real pty (Python's
 * pty module holds the master), a growing file that is truncated, and stdin; reconnects and --save.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPORA } from './support/corpus.js';

const BIN = join(resolve(CORPORA, '..'), 'dist/bin/bootwhy.js');
const CAPTURE = readFileSync(join(CORPORA, 'lab/var-bind-soft-reboot/console.log'));
const CLEAN = readFileSync(join(CORPORA, 'lab/clean-boot/console.log'));
const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-watch-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Nothing here waits a fixed time to let something happen: a test waits for what shows it happened (a
 * line printed, bytes saved, a client connected), polled at a short interval, and fails with what it
 * waited for after a generous deadline. Every watch also runs with its own --timeout.
 */
const DEADLINE_MS = 30_000;
/** How long a watch may run in all: longer than any --timeout given here. */
const EXIT_DEADLINE_MS = 120_000;

async function until(condition: () => boolean, what: () => string, ms = DEADLINE_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what()} (waited ${ms} ms)`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Bytes in a file so far (0 while it does not exist). */
const sizeOf = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** Waits until `watch --save` has written at least `n` bytes: the watch has read that much. */
const saved = (run: Run, path: string, n: number): Promise<void> =>
  until(
    () => sizeOf(path) >= n,
    () => `--save ${path} never reached ${n} bytes (${sizeOf(path)}); the watch printed:\n${run.output()}`,
  );

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves once stdout has printed a line matching `re`. */
  printed(re: RegExp): Promise<void>;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
}

function watch(args: string[], input?: Buffer): Run {
  const child = spawn(process.execPath, [BIN, 'watch', ...args], { env: { PATH: process.env['PATH'] ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  if (input) child.stdin!.end(input);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((r, reject) => {
    const late = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the watch was still running after ${EXIT_DEADLINE_MS} ms:\n${stdout}${stderr}`));
    }, EXIT_DEADLINE_MS);
    child.on('close', (code) => {
      clearTimeout(late);
      r({ code, stdout, stderr });
    });
  });
  done.catch(() => {}); // reported to whoever awaits it; a test that failed earlier does not
  const printed = (re: RegExp): Promise<void> =>
    new Promise((r, reject) => {
      const check = (): void => {
        if (re.test(stdout)) settle(r);
      };
      const exited = (): void => settle(() => reject(new Error(`exited before printing ${re}:\n${stdout}${stderr}`)));
      const late = setTimeout(() => settle(() => reject(new Error(`never printed ${re} (waited ${DEADLINE_MS} ms):\n${stdout}${stderr}`))), DEADLINE_MS);
      const settle = (how: () => void): void => {
        clearTimeout(late);
        child.stdout!.off('data', check);
        child.off('close', exited);
        how();
      };
      child.stdout!.on('data', check);
      child.once('close', exited);
      check();
    });
  return { child, done, printed, output: () => stdout + stderr };
}

const events = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

/** The first line a helper process prints (the pty it made), failing if it exits or stays silent. */
function firstLine(py: ChildProcess): Promise<string> {
  return new Promise((r, reject) => {
    let out = '';
    const late = setTimeout(() => reject(new Error(`python printed no line in ${DEADLINE_MS} ms`)), DEADLINE_MS);
    py.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) {
        clearTimeout(late);
        r(out.slice(0, out.indexOf('\n')).trim());
      }
    });
    py.once('exit', (code) => {
      clearTimeout(late);
      reject(new Error(`python exited (${code}) before printing its pty`));
    });
  });
}

/** A console server that sends `data` in small slices to each client, as a VM console would. */
function serve(listen: (s: Server) => void, data: Buffer, onClient?: (sock: Socket, n: number) => boolean): Promise<Server> {
  let clients = 0;
  const server = createServer(async (sock) => {
    const n = ++clients;
    sock.on('error', () => {});
    if (onClient && !onClient(sock, n)) return;
    // One slice at a time: the next goes once the last has been handed to the socket.
    for (let i = 0; i < data.length && !sock.destroyed; i += 1024) {
      await new Promise((r) => sock.write(data.subarray(i, i + 1024), r));
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
  let first: Socket | null = null;
  let turnedAway = 0;
  let server = await serve(
    (s) => s.listen(path),
    CLEAN.subarray(0, half),
    (sock, n) => {
      // The first client gets the boot up to its middle; later ones are turned away until the console returns.
      if (n === 1) first = sock;
      else {
        turnedAway++;
        sock.destroy();
      }
      return n === 1;
    },
  );
  const save = join(tmp, 'flaky.log');
  const run = watch([`unix:${path}`, '--json', '--until', 'login', '--timeout', '60s', '--save', save]);
  // Mid-boot, once everything sent has arrived, the first client is dropped; it comes back and is turned away.
  await saved(run, save, half);
  (first as Socket | null)!.destroy();
  await run.printed(/closed; waiting for it to come back/);
  await until(() => turnedAway > 0, () => `the watch never came back after the drop:\n${run.output()}`);
  // The console goes away (its socket file with it) and returns with the rest of the boot.
  server.close();
  server = await serve((s) => s.listen(path), CLEAN.subarray(half));
  const r = await run.done;
  server.close();
  assert.is(r.code, 0, r.stdout + r.stderr);
  const src = events(r.stdout).filter((e) => e['type'] === 'source').map((e) => String(e['message']));
  assert.ok(src.some((m) => /connection reset|closed/.test(m)), src.join('\n'));
  assert.ok(src.some((m) => /back again/.test(m)), src.join('\n'));
  assert.ok(readFileSync(save).equals(CLEAN.subarray(0, readFileSync(save).length)), 'the saved bytes are the stream without a hole');
  assert.ok(readFileSync(save).length > half, 'bytes after the gap were read');
});

test('a real pty: the console on /dev/pts/N is read through serialport until login', async () => {
  // Python holds the pty master and writes the capture into it, like QEMU's -serial pty.
  const script = `
import os, pty, sys
m, s = pty.openpty()
os.system('stty raw -echo < ' + os.ttyname(s))
print(os.ttyname(s), flush=True)
data = open(sys.argv[1], 'rb').read()
sys.stdin.readline()  # the watch has opened the device
for i in range(0, len(data), 512):
    os.write(m, data[i:i+512])
sys.stdin.read()  # the pty stays until the test ends
`;
  const py = spawn('python3', ['-c', script, join(CORPORA, 'lab/clean-boot/console.log')], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const ptsPath = await firstLine(py);
    const run = watch([ptsPath, '--json', '--until', 'login', '--timeout', '60s']);
    // Bytes written before the device is open would be flushed by the open: send once it is.
    await run.printed(/attached to/);
    py.stdin!.write('go\n');
    const r = await run.done;
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.ok(events(r.stdout).some((e) => e['type'] === 'login'));
  } finally {
    py.kill();
  }
});

test('a pty whose other end hangs up and comes back: the gap is in the report, every byte sent is kept', async () => {
  // Python holds the master as QEMU does. The console is reached through a stable path (a symlink to
  // the /dev/pts/N, as a udev rule or a wrapper script gives one): mid-boot a new pty is made and the
  // link moved to it, then the old master is closed (the VM went away and came back on a new pty).
  const link = join(tmp, 'console-pty');
  const script = `
import os, pty, sys
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
sys.stdin.readline()  # go: the watch is attached
for i in range(0, half, 512):
    os.write(m, data[i:min(i + 512, half)])
sys.stdin.readline()  # hang up: the watch has read the first half
m2, s2 = open_pty()
os.close(s); os.close(m)
sys.stdin.readline()  # go: the watch is back, on the new pty
for i in range(half, len(data), 512):
    os.write(m2, data[i:i + 512])
sys.stdin.read()  # the new pty stays until the test ends
`;
  const py = spawn('python3', ['-c', script, join(CORPORA, 'lab/clean-boot/console.log'), link], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const ptsPath = await firstLine(py);
    const save = join(tmp, 'pty-hangup.log');
    const run = watch([ptsPath, '--json', '--until', 'login', '--timeout', '60s', '--save', save]);
    await run.printed(/attached to/);
    py.stdin!.write('go\n');
    // The old pty goes away only once the watch has read all that was sent on it.
    const half = CLEAN.indexOf('Welcome to');
    await saved(run, save, half);
    py.stdin!.write('hang up\n');
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
  let first: Socket | null = null;
  const server = createServer((sock) => {
    sock.on('error', () => {});
    const n = ++clients;
    if (n === 1) first = sock;
    sock.write(n === 1 ? CLEAN.subarray(0, half) : CLEAN.subarray(half));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const save = join(tmp, 'rst.log');
  const run = watch([`tcp:127.0.0.1:${port}`, '--until', 'login', '--timeout', '60s', '--color=never', '--save', save]);
  // Once the watch has read the first half, the connection is reset, as a host-side proxy or a killed
  // QEMU leaves it.
  await saved(run, save, half);
  (first as Socket | null)!.resetAndDestroy();
  const r = await run.done;
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
  const save = join(tmp, 'serial-saved.log');
  const run = watch([file, '--json', '--until', 'cycle=1', '--timeout', '60s', '--save', save]);
  await saved(run, save, 5000);
  writeFileSync(file, ''); // truncated, as a rotating logger does
  // The watch must see the file shorter before it grows again (else it would look like an append).
  await run.printed(/truncated/);
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
