/**
 * A terminal for component tests: ink writes to a stdout whose bytes go through @xterm/headless, so a test
 * reads the screen a person would see; keys go in through a stdin that says it is a TTY.
 *
 * Nothing here waits a fixed time: a key press waits until the UI has read the key, and `waitFor` polls
 * the screen until it shows what the test expects, failing with the screen after a generous deadline.
 */
import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import xterm from '@xterm/headless';

/** How long a wait may take before the test fails; a loaded machine is slow, never this slow. */
export const DEADLINE_MS = 20_000;
/** How often a condition is looked at again. */
const POLL_MS = 10;

export class FakeTerminal {
  readonly term: xterm.Terminal;
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  /** Every byte written to stdout, to check what reached the terminal. */
  written = '';
  private readonly input: PassThrough;

  constructor(
    public cols = 80,
    public rows = 24,
  ) {
    // convertEol: a tty's output processing (ONLCR) turns ink's LF into CRLF.
    this.term = new xterm.Terminal({ cols, rows, scrollback: 0, allowProposedApi: true, convertEol: true });
    const out = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        const s = chunk.toString();
        this.written += s;
        this.term.write(s);
        done();
      },
    }) as unknown as NodeJS.WriteStream & EventEmitter;
    Object.assign(out, { isTTY: true, columns: cols, rows });
    this.stdout = out;
    const input = new PassThrough();
    Object.assign(input, { isTTY: true, isRaw: false, setRawMode: () => input, ref: () => input, unref: () => input });
    this.input = input;
    this.stdin = input as unknown as NodeJS.ReadStream;
  }

  /**
   * Types keys, one at a time: a string (sent as one chunk, as a fast typist or a paste sends it), or names
   * such as 'tab', 'enter', 'down', 'up', 'escape'. Each key is sent only once the UI has read the one
   * before, so two keys never arrive as one chunk (an Esc followed by `q` would read as Alt-q).
   */
  async press(...keys: string[]): Promise<void> {
    const named: Record<string, string> = { tab: '\t', enter: '\r', down: '\u001b[B', up: '\u001b[A', left: '\u001b[D', right: '\u001b[C', escape: '\u001b', backspace: '\u007f' };
    for (const k of keys) {
      this.input.write(named[k] ?? k);
      await until(() => this.input.readableLength === 0, () => `the UI never read the key ${JSON.stringify(k)}`);
      // ink hands a lone Esc on, and React runs the effects that re-bind the key handler to the new state,
      // in callbacks queued while the key was read: let those run before the next key.
      for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    }
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.term.resize(cols, rows);
    Object.assign(this.stdout, { columns: cols, rows });
    (this.stdout as unknown as EventEmitter).emit('resize');
  }

  /** The screen's rows as text, once xterm has parsed everything written. */
  async screen(): Promise<string[]> {
    await new Promise<void>((r) => this.term.write('', r));
    const b = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.rows; y++) out.push(b.getLine(b.baseY + y)?.translateToString(true) ?? '');
    return out;
  }

  /** Waits until the screen shows `re`, or satisfies a predicate (or fails after `ms`); returns the screen. */
  async waitFor(re: RegExp | ((rows: string[]) => boolean), ms = DEADLINE_MS): Promise<string[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const s = await this.screen();
      if (typeof re === 'function' ? re(s) : re.test(s.join('\n'))) return s;
      if (Date.now() > deadline) throw new Error(`the screen never showed ${re} (waited ${ms} ms):\n${s.join('\n')}`);
      await pause(POLL_MS);
    }
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `condition` until it holds; fails with `what()` after `ms`. */
export async function until(condition: () => boolean, what: () => string, ms = DEADLINE_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what()} (waited ${ms} ms)`);
    await pause(POLL_MS);
  }
}
