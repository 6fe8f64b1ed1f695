/**
 * Live console sources for `bootwhy watch`: a serial or pty device (serialport), a QEMU chardev socket
 * (`unix:PATH`, `tcp:HOST:PORT`), a file that is still growing (followed like `tail -F`), or stdin (`-`).
 * Each connection is one `LiveConnection`; the watch command reconnects when one ends.
 */
import { createConnection, type Socket } from 'node:net';
import { constants as fsc, promises as fs, type Stats } from 'node:fs';
import { describeFsError, InputError, UsageError } from '../errors.js';

export interface LiveConnection {
  /** Resolves when the connection ends, with why (`closed`, an error message). */
  readonly ended: Promise<string>;
  close(): void;
}

export type DataSink = (chunk: Uint8Array) => void;

export type SourceSpec =
  | { kind: 'stdin' }
  | { kind: 'unix'; path: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'device'; path: string }
  | { kind: 'file'; path: string };

export async function parseSource(text: string): Promise<SourceSpec> {
  if (text === '-') return { kind: 'stdin' };
  if (text.startsWith('unix:')) return { kind: 'unix', path: text.slice(5) };
  if (text.startsWith('tcp:')) {
    const m = /^tcp:(.+):(\d{1,5})$/.exec(text);
    if (!m) throw new UsageError(`'${text}': expected tcp:HOST:PORT`);
    return { kind: 'tcp', host: m[1]!.replace(/^\[(.*)\]$/, '$1'), port: Number(m[2]) };
  }
  let stat: Stats;
  try {
    stat = await fs.stat(text);
  } catch (err) {
    throw new InputError(describeFsError(err, text));
  }
  if (stat.isDirectory()) throw new InputError(describeFsError({ code: 'EISDIR' }, text));
  if (stat.isCharacterDevice()) return { kind: 'device', path: text };
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
  return { ended, close: () => stream.removeAllListeners('data') };
}

function socket(sock: Socket, sink: DataSink): Promise<LiveConnection> {
  return new Promise((resolve, reject) => {
    sock.once('error', reject);
    sock.once('connect', () => {
      sock.removeListener('error', reject);
      const ended = new Promise<string>((done) => {
        sock.on('data', (c: Buffer) => sink(c));
        sock.on('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNRESET' ? 'connection reset' : e.message));
        sock.on('close', () => done('closed'));
      });
      resolve({ ended, close: () => sock.destroy() });
    });
  });
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
      });
    });
  });
}

/** Where a followed file was read up to, kept across reopenings to find truncation and rotation. */
export interface FollowState {
  offset: number;
  ino: number | null;
  note: string | null;
}

const POLL_MS = 100;

function followFile(path: string, sink: DataSink, state: FollowState): Promise<LiveConnection> {
  return new Promise((resolve, reject) => {
    void fs.open(path, 'r').then(async (handle) => {
      const st = await handle.stat();
      if (state.ino !== null && st.ino !== state.ino) {
        state.note = 'the file was replaced (rotated): reading the new one from its start';
        state.offset = 0;
      }
      state.ino = st.ino;
      let stopped = false;
      let finish: (why: string) => void = () => {};
      const ended = new Promise<string>((done) => (finish = done));
      const buf = Buffer.alloc(256 * 1024);
      const tick = async (): Promise<void> => {
        if (stopped) return;
        try {
          const now = await fs.stat(path).catch(() => null);
          if (now === null || now.ino !== state.ino) {
            stopped = true;
            await handle.close();
            return finish(now === null ? 'the file was removed' : 'the file was replaced');
          }
          if (now.size < state.offset) {
            state.note = `the file was truncated (from ${state.offset} to ${now.size} bytes): reading on from its start`;
            state.offset = 0;
            stopped = true;
            await handle.close();
            return finish('truncated');
          }
          for (;;) {
            const { bytesRead } = await handle.read(buf, 0, buf.length, state.offset);
            if (bytesRead === 0) break;
            state.offset += bytesRead;
            sink(buf.subarray(0, bytesRead));
          }
        } catch (err) {
          stopped = true;
          return finish(err instanceof Error ? err.message : String(err));
        }
        setTimeout(() => void tick(), POLL_MS);
      };
      void tick();
      resolve({
        ended,
        close: () => {
          if (!stopped) {
            stopped = true;
            void handle.close();
            finish('closed');
          }
        },
      });
    }, reject);
  });
}
