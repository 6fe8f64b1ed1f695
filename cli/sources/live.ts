/**
 * Live console sources for `bootwhy watch`: a serial or pty device (serialport), a QEMU chardev socket
 * (`unix:PATH`, `tcp:HOST:PORT`), a file that is still growing (followed like `tail -F`), or stdin (`-`).
 * Each connection is one `LiveConnection`; the watch command reconnects when one ends.
 */
import { createConnection, Socket } from 'node:net';
import { constants as fsc, openSync, promises as fs, type Stats } from 'node:fs';
import { describeFsError, InputError, UsageError } from '../errors.js';

export interface LiveConnection {
  /** Resolves when the connection ends, with why (`closed`, an error message). */
  readonly ended: Promise<string>;
  close(): void;
  /** Stop reading for now (a slow --save or UI): the source waits, nothing is dropped. */
  pause(): void;
  resume(): void;
}

export type DataSink = (chunk: Uint8Array) => void;

export type SourceSpec =
  | { kind: 'stdin' }
  | { kind: 'unix'; path: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'device'; path: string }
  /** A named pipe: read as a stream (a FIFO has no offsets to follow), reopened for the next writer. */
  | { kind: 'fifo'; path: string }
  | { kind: 'file'; path: string };

export async function parseSource(text: string): Promise<SourceSpec> {
  if (text === '-') return { kind: 'stdin' };
  if (text.startsWith('unix:')) return { kind: 'unix', path: text.slice(5) };
  if (text.startsWith('tcp:')) {
    const m = /^tcp:(.+):(\d{1,5})$/.exec(text);
    if (!m) throw new UsageError(`'${text}': expected tcp:HOST:PORT`);
    const port = Number(m[2]);
    if (port < 1 || port > 65535) throw new UsageError(`'${text}': a TCP port is 1 to 65535`);
    return { kind: 'tcp', host: m[1]!.replace(/^\[(.*)\]$/, '$1'), port };
  }
  let stat: Stats;
  try {
    stat = await fs.stat(text);
  } catch (err) {
    throw new InputError(describeFsError(err, text));
  }
  if (stat.isDirectory()) throw new InputError(describeFsError({ code: 'EISDIR' }, text));
  if (stat.isCharacterDevice()) return { kind: 'device', path: text };
  if (stat.isFIFO()) return { kind: 'fifo', path: text };
  return { kind: 'file', path: text };
}

export function describeSource(spec: SourceSpec): string {
  switch (spec.kind) {
    case 'stdin':
      return 'standard input';
    case 'unix':
      return `unix:${spec.path}`;
    case 'tcp':
      return `tcp:${spec.host}:${spec.port}`;
    default:
      return spec.path;
  }
}

/** Opens one connection; rejects when the source cannot be opened now (the caller retries). */
export function connect(spec: SourceSpec, sink: DataSink, follow: FollowState): Promise<LiveConnection> {
  switch (spec.kind) {
    case 'stdin':
      return Promise.resolve(fromStream(process.stdin, sink));
    case 'unix':
      return socket(createConnection({ path: spec.path }), sink);
    case 'tcp':
      return socket(createConnection({ host: spec.host, port: spec.port }), sink);
    case 'device':
      return device(spec.path, sink);
    case 'fifo':
      return fifo(spec.path, sink);
    case 'file':
      return followFile(spec.path, sink, follow);
  }
}

function fromStream(stream: NodeJS.ReadableStream, sink: DataSink): LiveConnection {
  const ended = new Promise<string>((resolve) => {
    stream.on('data', (c: Buffer) => sink(c));
    stream.on('end', () => resolve('closed'));
    stream.on('error', (e: Error) => resolve(e.message));
  });
  return {
    ended,
    close: () => {
      stream.removeAllListeners('data');
      stream.pause();
    },
    pause: () => stream.pause(),
    resume: () => stream.resume(),
  };
}

/** What a failed connection attempt says, in words rather than errno names. */
export function describeConnectError(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  switch (e?.code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing is listening there)';
    case 'ENOENT':
      return 'no such socket';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTSOCK':
      return 'not a socket';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return (e instanceof Error ? e.message : String(err)).split('\n')[0]!;
  }
}

function socket(sock: Socket, sink: DataSink): Promise<LiveConnection> {
  return new Promise((resolve, reject) => {
    sock.once('error', (err) => reject(new Error(describeConnectError(err))));
    sock.once('connect', () => {
      sock.removeAllListeners('error');
      const ended = new Promise<string>((done) => {
        sock.on('data', (c: Buffer) => sink(c));
        sock.on('error', (e: NodeJS.ErrnoException) => done(describeConnectError(e)));
        sock.on('close', () => done('closed'));
      });
      resolve({ ended, close: () => sock.destroy(), pause: () => sock.pause(), resume: () => sock.resume() });
    });
  });
}

/**
 * A named pipe, opened without blocking (a blocking open waits for a writer and holds a thread the
 * process cannot exit past); read through a socket handle, which waits for data without polling.
 */
async function fifo(path: string, sink: DataSink): Promise<LiveConnection> {
  let fd: number;
  try {
    fd = openSync(path, fsc.O_RDONLY | fsc.O_NONBLOCK);
  } catch (err) {
    throw new Error(describeFsError(err, path));
  }
  const sock = new Socket({ fd, readable: true, writable: false });
  const ended = new Promise<string>((done) => {
    sock.on('data', (c: Buffer) => sink(c));
    sock.on('error', (e: Error) => done(e.message));
    sock.on('close', () => done('closed'));
  });
  // The socket owns the descriptor now: closing it closes the pipe.
  return { ended, close: () => sock.destroy(), pause: () => sock.pause(), resume: () => sock.resume() };
}

async function device(path: string, sink: DataSink): Promise<LiveConnection> {
  // Loaded only here: the native binding is not needed to analyse a file.
  const { SerialPort } = await import('serialport');
  // The watchdog below checks the device this connection opened, not what a link points to later.
  const node = await fs.realpath(path).catch(() => path);
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
    port.open((err) => {
      if (err) return reject(err);
      let lastData = Date.now();
      let watchdog: NodeJS.Timeout | null = null;
      const ended = new Promise<string>((done) => {
        const finish = (why: string): void => {
          if (watchdog) clearInterval(watchdog);
          watchdog = null;
          done(why);
        };
        port.on('data', (c: Buffer) => {
          lastData = Date.now();
          sink(c);
        });
        port.on('close', () => finish('closed (hung up)'));
        port.on('error', (e: Error) => finish(e.message));
        // A hang-up shows as a read error, but not always at once (seen with a pty whose master closed
        // while the read waited): once the line is quiet, open the device a second time. A pty whose
        // other end is gone refuses (EIO); a vanished USB adapter is gone (ENOENT, ENXIO, ENODEV); a busy
        // or locked port is alive.
        watchdog = setInterval(() => {
          if (Date.now() - lastData < 1000) return;
          fs.open(node, fsc.O_RDONLY | fsc.O_NOCTTY | fsc.O_NONBLOCK).then(
            (h) => void h.close(),
            (e: NodeJS.ErrnoException) => {
              if (e.code !== 'EIO' && e.code !== 'ENOENT' && e.code !== 'ENXIO' && e.code !== 'ENODEV') return;
              finish('closed (hung up)');
              if (port.isOpen) port.close();
            },
          );
        }, 1000);
      });
      resolve({
        ended,
        close: () => {
          if (watchdog) clearInterval(watchdog);
          watchdog = null;
          if (port.isOpen) port.close();
        },
        pause: () => void port.pause(),
        resume: () => void port.resume(),
      });
    });
  });
}

/** Where a followed file was read up to, kept across reopenings to find truncation, rotation and
 *  rewriting in place. */
export interface FollowState {
  offset: number;
  ino: number | null;
  note: string | null;
  /** The last bytes read (up to TAIL_BYTES), to notice a file rewritten in place between two polls. */
  tail?: Buffer;
}

const POLL_MS = 100;
const TAIL_BYTES = 64;

function followFile(path: string, sink: DataSink, state: FollowState): Promise<LiveConnection> {
  return new Promise((resolve, reject) => {
    void fs.open(path, 'r').then(async (handle) => {
      const st = await handle.stat();
      if (state.ino !== null && st.ino !== state.ino) {
        state.note = 'the file was replaced (rotated): reading the new one from its start';
        state.offset = 0;
        state.tail = undefined;
      }
      state.ino = st.ino;
      let stopped = false;
      let paused = false;
      let finish: (why: string) => void = () => {};
      const ended = new Promise<string>((done) => (finish = done));
      const buf = Buffer.alloc(256 * 1024);
      const check = Buffer.alloc(TAIL_BYTES);
      let timer: NodeJS.Timeout | null = null;
      const schedule = (): void => {
        if (!stopped && !paused && timer === null) timer = setTimeout(() => void tick(), POLL_MS);
      };
      const restart = async (note: string): Promise<void> => {
        state.note = note;
        state.offset = 0;
        state.tail = undefined;
        stopped = true;
        await handle.close();
        finish('truncated');
      };
      const tick = async (): Promise<void> => {
        timer = null;
        if (stopped || paused) return;
        try {
          const now = await fs.stat(path).catch(() => null);
          if (now === null || now.ino !== state.ino) {
            stopped = true;
            await handle.close();
            return finish(now === null ? 'the file was removed' : 'the file was replaced');
          }
          if (now.size < state.offset) return await restart(`the file was truncated (from ${state.offset} to ${now.size} bytes): reading on from its start`);
          while (!stopped && !paused) {
            const { bytesRead } = await handle.read(buf, 0, buf.length, state.offset);
            if (bytesRead === 0) break;
            // Rewritten in place (truncated and written past where we were, between two polls or while
            // we read): the bytes before our offset are not the ones we read, so neither are these.
            // Checked after the read, so a rewrite before it cannot slip new bytes in as a continuation.
            const tail = state.tail;
            if (tail && tail.length > 0) {
              const seen = await handle.read(check, 0, tail.length, state.offset - tail.length);
              if (seen.bytesRead !== tail.length || !check.subarray(0, seen.bytesRead).equals(tail)) {
                return await restart(`the file was rewritten in place (the bytes before offset ${state.offset} changed): reading it again from its start`);
              }
            }
            state.offset += bytesRead;
            const got = buf.subarray(0, bytesRead);
            state.tail = Buffer.from(bytesRead >= TAIL_BYTES ? got.subarray(bytesRead - TAIL_BYTES) : Buffer.concat([state.tail ?? Buffer.alloc(0), got]).subarray(-TAIL_BYTES));
            sink(got);
          }
        } catch (err) {
          stopped = true;
          return finish(err instanceof Error ? err.message : String(err));
        }
        schedule();
      };
      void tick();
      resolve({
        ended,
        close: () => {
          if (!stopped) {
            stopped = true;
            if (timer) clearTimeout(timer);
            timer = null;
            void handle.close();
            finish('closed');
          }
        },
        pause: () => {
          paused = true;
        },
        resume: () => {
          if (!paused) return;
          paused = false;
          schedule();
        },
      });
    }, reject);
  });
}
