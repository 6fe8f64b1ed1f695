/**
 * A terminal for component tests: ink writes to a stdout whose bytes go through @xterm/headless, so a test
 * reads the screen a person would see; keys go in through a stdin that says it is a TTY.
 */
import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import xterm from '@xterm/headless';

export class FakeTerminal {
  readonly term: xterm.Terminal;
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  /** Every byte written to stdout, to check what reached the terminal. */
  written = '';
  private pending = 0;

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
        this.pending++;
        this.term.write(s, () => void this.pending--);
        done();
      },
    }) as unknown as NodeJS.WriteStream & EventEmitter;
    Object.assign(out, { isTTY: true, columns: cols, rows });
    this.stdout = out;
    const input = new PassThrough();
    Object.assign(input, { isTTY: true, isRaw: false, setRawMode: () => input, ref: () => input, unref: () => input });
    this.stdin = input as unknown as NodeJS.ReadStream;
  }

  /** Types keys: a string, or names such as 'tab', 'enter', 'down', 'up', 'escape'. */
  async press(...keys: string[]): Promise<void> {
    const named: Record<string, string> = { tab: '\t', enter: '\r', down: '\u001b[B', up: '\u001b[A', left: '\u001b[D', right: '\u001b[C', escape: '\u001b', backspace: '\u007f' };
    for (const k of keys) {
      (this.stdin as unknown as PassThrough).write(named[k] ?? k);
      await settle(60);
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
  async waitFor(re: RegExp | ((rows: string[]) => boolean), ms = 5000): Promise<string[]> {
    const until = Date.now() + ms;
    for (;;) {
      const s = await this.screen();
      if (typeof re === 'function' ? re(s) : re.test(s.join('\n'))) return s;
      if (Date.now() > until) throw new Error(`the screen never showed ${re}:\n${s.join('\n')}`);
      await settle(50);
    }
  }
}

export const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
