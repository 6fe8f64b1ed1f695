/**
 * A live console session: connects to a source, reconnects with backoff when it goes away, saves every
 * byte received (`--save`), and tells the analyzer where the gaps are. `watch` and `tui` both run on it;
 * what they do with the bytes and the status messages is theirs.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Analyzer } from '../../parsers/index.js';
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

  private stopped = false;
  private stopSignal: () => void = () => {};
  private readonly stopping = new Promise<void>((resolve) => (this.stopSignal = resolve));
  private conn: LiveConnection | null = null;
  private readonly saveStream: WriteStream | null;
  private readonly follow: FollowState = { offset: 0, ino: null, note: null };

  constructor(private readonly opts: SessionOptions) {
    this.name = describeSource(opts.spec);
    this.saveStream = opts.save ? createWriteStream(opts.save, { flags: 'w' }) : null;
    this.saveStream?.on('error', (err) => {
      opts.onSaveError(`--save ${opts.save}: ${err.message}`);
      this.stop();
    });
  }

  private readonly sink = (chunk: Uint8Array): void => {
    if (this.stopped) return;
    this.saveStream?.write(Buffer.from(chunk));
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
      try {
        this.conn = await connect(spec, this.sink, this.follow);
        if (this.stopped) break;
        this.connected = true;
        if (away !== null) {
          onStatus(`${name}: back again; bytes between are missing from the timeline`);
          analyzer.markGap(away.why, (Date.now() - away.since) / 1000);
          away = null;
        } else if (!connectedOnce) onStatus(`attached to ${name}`);
        connectedOnce = true;
        delay = 250;
        const why = await Promise.race([this.conn.ended, this.stopping.then(() => 'stopped')]);
        this.connected = false;
        if (this.follow.note) {
          onStatus(this.follow.note);
          this.follow.note = null;
        }
        if (this.stopped) break;
        if (spec.kind === 'stdin' || once) {
          onStatus(`${name}: ${why}`);
          result = why;
          break;
        }
        if (why === 'truncated') {
          analyzer.markGap('the file was truncated', null);
          continue;
        }
        onStatus(`${name}: ${why}; waiting for it to come back`);
        away = { why, since: Date.now() };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (once || spec.kind === 'stdin') {
          onStatus(`${name}: ${message}`);
          result = message;
          break;
        }
        if (!connectedOnce && delay === 250) onStatus(`${name}: ${message}; retrying`);
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

  /** Waits until everything received has been written to --save. */
  async close(): Promise<void> {
    this.stop();
    const save = this.saveStream;
    if (save && !save.closed) await new Promise<void>((r) => save.end(r));
  }
}
