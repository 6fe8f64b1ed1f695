/**
 * A live console session: connects to a source, reconnects with backoff when it goes away, saves every
 * byte received (`--save`), and tells the analyzer where the gaps are. `watch` and `tui` both run on it;
 * what they do with the bytes and the status messages is theirs.
 */
import { constants as fsc, createWriteStream, openSync, statSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import type { Analyzer } from '../../parsers/index.js';
import { describeFsError, InputError, UsageError } from '../errors.js';
import { connect, describeSource, type FollowState, type LiveConnection, type SourceSpec } from './live.js';

export interface SessionOptions {
  spec: SourceSpec;
  analyzer: Analyzer;
  /** Every chunk received, after the analyzer has seen it. */
  onData?: (chunk: Uint8Array) => void;
  /** A line about the source itself: attached, gone, back again. */
  onStatus: (text: string) => void;
  /** Exit instead of reconnecting when the source goes away. */
  once: boolean;
  save: string | null;
  /** --save could not be written: the session stops. */
  onSaveError: (message: string) => void;
}

export class LiveSession {
  readonly name: string;
  /** Bytes received so far. */
  bytes = 0;
  /** Milliseconds since the epoch of the last byte received. */
  lastData = Date.now();
  /** The source is connected now. */
  connected = false;
  /** The source ended for good (stdin closed, --once, or stop()). */
  ended = false;
  /** With --once: the source could not be reached at all (why), which is an input error, not a log. */
  unreachable: string | null = null;

  private stopped = false;
  private stopSignal: () => void = () => {};
  private readonly stopping = new Promise<void>((resolve) => (this.stopSignal = resolve));
  private conn: LiveConnection | null = null;
  private readonly saveStream: Writable | null;
  private readonly follow: FollowState = { offset: 0, ino: null, note: null };

  constructor(private readonly opts: SessionOptions) {
    this.name = describeSource(opts.spec);
    this.saveStream = opts.save ? openSave(opts.spec, opts.save) : null;
    this.saveStream?.on('error', (err) => {
      opts.onSaveError(`--save ${opts.save}: ${err.message}`);
      this.stop();
    });
  }

  /** --save cannot keep up: the source waits (a socket, pty or pipe holds the bytes; a file is read later). */
  private savePaused = false;

  private readonly sink = (chunk: Uint8Array): void => {
    if (this.stopped) return;
    const save = this.saveStream;
    if (save && !save.write(Buffer.from(chunk)) && !this.savePaused) {
      this.savePaused = true;
      this.conn?.pause();
      save.once('drain', () => {
        this.savePaused = false;
        this.conn?.resume();
      });
    }
    this.opts.analyzer.write(chunk);
    this.bytes += chunk.length;
    this.lastData = Date.now();
    this.opts.onData?.(chunk);
  };

  /** Runs until the source ends for good or `stop()` is called; resolves with why it ended. */
  async run(): Promise<string> {
    const { spec, once, onStatus, analyzer } = this.opts;
    const name = this.name;
    let delay = 250;
    let connectedOnce = false;
    let away: { why: string; since: number } | null = null;
    let result = 'stopped';
    while (!this.stopped) {
      let received = this.bytes;
      try {
        // A stop while the source is still opening wins; a connection that opens afterwards is closed.
        const opening = connect(spec, this.sink, this.follow);
        const conn = await Promise.race([opening, this.stopping.then(() => null)]);
        if (conn === null || this.stopped) {
          opening.then((c) => c.close(), () => {});
          break;
        }
        this.conn = conn;
        if (this.savePaused) conn.pause();
        received = this.bytes;
        this.connected = true;
        if (away !== null) {
          onStatus(`${name}: back again; bytes between are missing from the timeline`);
          analyzer.markGap(away.why, (Date.now() - away.since) / 1000);
          away = null;
        } else if (!connectedOnce) onStatus(`attached to ${name}`);
        connectedOnce = true;
        const openedAt = Date.now();
        const why = await Promise.race([conn.ended, this.stopping.then(() => 'stopped')]);
        this.connected = false;
        // Back to quick retries only after a connection that carried something or lasted: a listener
        // that accepts and hangs up at once is retried with backoff like one that refuses.
        if (this.bytes > received || Date.now() - openedAt > 5000) delay = 250;
        const note = this.follow.note;
        if (note) {
          onStatus(note);
          this.follow.note = null;
        }
        if (this.stopped) break;
        // A named pipe with no writer opens and ends at once, with nothing read: that is still waiting.
        const idlePipe = spec.kind === 'fifo' && this.bytes === received;
        if (spec.kind === 'stdin' || (once && !idlePipe)) {
          onStatus(`${name}: ${why}`);
          result = why;
          break;
        }
        if (why === 'truncated') {
          analyzer.markGap(note ?? 'the file was truncated', null);
          continue;
        }
        if (why === 'the file was replaced') {
          // Rotated: the new file is there now; read it at once (the note says it is a new file).
          analyzer.markGap('the file was replaced (rotated)', null);
          continue;
        }
        if (idlePipe) {
          // Poll for the next writer at a steady pace (no backoff: a writer waits on us to open).
          await Promise.race([new Promise((r) => setTimeout(r, 250)), this.stopping]);
          continue;
        }
        onStatus(`${name}: ${why}; waiting for it to come back`);
        away = { why, since: Date.now() };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (once || spec.kind === 'stdin') {
          onStatus(`${name}: ${message}`);
          if (!connectedOnce) this.unreachable = message;
          result = message;
          break;
        }
        if (!connectedOnce && delay === 250) onStatus(`${name}: ${message}; retrying until it answers`);
      }
      await Promise.race([new Promise((r) => setTimeout(r, delay)), this.stopping]);
      delay = Math.min(delay * 2, 5000);
    }
    this.ended = true;
    this.connected = false;
    return result;
  }

  /** Stops reading: closes the connection and flushes --save. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopSignal();
    this.conn?.close();
  }

  /** Waits until everything received has been written to --save (or the save file failed). */
  async close(): Promise<void> {
    this.stop();
    const save = this.saveStream;
    if (save === null || save.closed || save.destroyed) return;
    await new Promise<void>((r) => {
      save.once('close', r);
      save.once('error', () => r());
      save.end();
    });
  }
}

/**
 * Opens --save now, so a path that cannot be written is a one-line error before anything is read; and
 * refuses to save over the very log being watched (opening it for writing would empty it).
 */
function openSave(spec: SourceSpec, path: string): Writable {
  const target = statOrNull(path);
  if (spec.kind === 'file' || spec.kind === 'device' || spec.kind === 'fifo') {
    const a = statOrNull(spec.path);
    if (a && target && a.dev === target.dev && a.ino === target.ino) throw new UsageError(`--save ${path} is the source being watched: saving would overwrite it`);
  }
  if (target?.isFIFO()) {
    // A named pipe: opened without blocking (a blocking open waits for a reader, and holds the
    // process), written through a socket handle, whose backpressure pauses the source.
    let fd: number;
    try {
      fd = openSync(path, fsc.O_WRONLY | fsc.O_NONBLOCK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENXIO' ? `--save ${path}: a named pipe with no reader` : `--save ${describeFsError(err, path)}`);
    }
    return new Socket({ fd, readable: false, writable: true });
  }
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (err) {
    throw new InputError(`--save ${describeFsError(err, path)}`);
  }
  return createWriteStream('', { fd });
}

function statOrNull(path: string): { dev: number; ino: number; isFIFO(): boolean } | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
