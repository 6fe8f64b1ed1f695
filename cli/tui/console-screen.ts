/**
 * The console pane's terminal: the guest's bytes go through @xterm/headless, which emulates them exactly
 * (colours, cursor moves, the start-job spinner), and the pane reads back cells. Nothing the guest sent
 * reaches the user's terminal: only cell characters and their colours leave this module, as data.
 */
import xterm from '@xterm/headless';
import { safeText } from '../terminal-safe.js';

export interface Segment {
  text: string;
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

/** Bytes given to xterm but not parsed yet, beyond which new bytes skip the pane (the analyzer still
 *  reads them): a console flood never makes memory grow without bound. */
const MAX_PENDING = 2 * 1024 * 1024;

export class ConsoleScreen {
  readonly cols: number;
  /** Bytes the pane skipped because xterm was too far behind. */
  skipped = 0;
  private readonly term: xterm.Terminal;
  private pending = 0;
  /** Physical lines written (counting LF), to place the analyzer's line numbers in the buffer. */
  private lineFeeds = 0;

  constructor(options: { cols?: number; rows?: number; scrollback?: number } = {}) {
    this.cols = options.cols ?? 200;
    this.term = new xterm.Terminal({
      cols: this.cols,
      rows: options.rows ?? 50,
      // 3000 rows of 200 cells: about 7 MiB of cells, most of the TUI's memory beyond its baseline.
      scrollback: options.scrollback ?? 3000,
      allowProposedApi: true,
      // Saved logs often lost their CRs; a serial console sends CRLF, on which this changes nothing.
      convertEol: true,
      scrollOnEraseInDisplay: true,
      // xterm logs a parsing error (a DEL byte in plain text is one) as an object dump on stderr, which
      // would land in the middle of the TUI's frame: the guest's bytes are its to get wrong.
      logLevel: 'off',
    });
    this.term.onLineFeed(() => void this.lineFeeds++);
    // The pane keeps what the guest printed: a guest's full reset (`ESC c`) or erase of the scrollback
    // (`CSI 3 J`) would empty its history, so they are dropped; a screen erase scrolls into history.
    this.term.parser.registerEscHandler({ final: 'c' }, () => true);
    this.term.parser.registerCsiHandler({ final: 'J' }, (params) => params[0] === 3);
  }

  write(chunk: Uint8Array): void {
    if (this.pending > MAX_PENDING) {
      this.skipped += chunk.length;
      return;
    }
    this.pending += chunk.length;
    const n = chunk.length;
    // A copy: xterm parses later, and a live source reuses its read buffer.
    this.term.write(chunk.slice(), () => void (this.pending -= n));
  }

  /** Resolves when xterm has parsed everything written so far. */
  drain(): Promise<void> {
    return new Promise((r) => this.term.write('', r));
  }

  /** Rows in the buffer up to the cursor's row (rows below it are empty screen). */
  get length(): number {
    const b = this.term.buffer.active;
    return b.baseY + b.cursorY + (b.cursorX > 0 ? 1 : 0);
  }

  text(row: number): string {
    return this.term.buffer.active.getLine(row)?.translateToString(true) ?? '';
  }

  /** `count` rows from `start`, `width` cells wide from column `left`, as styled segments. */
  rows(start: number, count: number, width: number, left: number): Segment[][] {
    const b = this.term.buffer.active;
    const out: Segment[][] = [];
    const cell = b.getNullCell();
    for (let y = start; y < start + count; y++) {
      const line = y >= 0 ? b.getLine(y) : undefined;
      const segs: Segment[] = [];
      if (line) {
        let cur: Segment | null = null;
        let key = '';
        let used = 0;
        for (let x = left; x < Math.min(this.cols, left + width) && used < width; x++) {
          line.getCell(x, cell);
          if (cell.getWidth() === 0) continue; // the right half of a wide character
          if (cell.getWidth() === 2 && used + 2 > width) break;
          const chars = safeText(cell.getChars() || ' ');
          const style = styleOf(cell);
          const k = JSON.stringify(style);
          if (cur && k === key) cur.text += chars;
          else {
            cur = { text: chars, ...style };
            key = k;
            segs.push(cur);
          }
          used += cell.getWidth();
        }
        // Trailing blanks without a background say nothing.
        const last = segs[segs.length - 1];
        if (last && !last.bg && !last.inverse) last.text = last.text.trimEnd();
      }
      out.push(segs);
    }
    return out;
  }

  /**
   * The buffer row that shows input line `lineNo`, whose text is `text`: the row nearest to where the
   * line count says it should be among those that show that text; -1 when it left the scrollback.
   */
  rowOf(lineNo: number, text: string | null): number {
    const last = this.length - 1;
    const hint = last - Math.max(0, this.lineFeeds + 1 - lineNo);
    if (text === null) return hint >= 0 ? hint : -1;
    const want = safeText(text).slice(0, this.cols).trimEnd();
    let best = -1;
    for (let y = 0; y <= last; y++) {
      if (this.text(y).trimEnd() !== want) continue;
      if (best < 0 || Math.abs(y - hint) < Math.abs(best - hint)) best = y;
    }
    return best;
  }

  /** Rows containing `query` (case-insensitive), searching from `from` in `direction`. */
  search(query: string, from: number, direction: 1 | -1): number {
    const q = query.toLowerCase();
    const n = this.length;
    for (let i = 1; i <= n; i++) {
      const y = (((from + direction * i) % n) + n) % n;
      if (this.text(y).toLowerCase().includes(q)) return y;
    }
    return -1;
  }

  dispose(): void {
    this.term.dispose();
  }
}

const NAMED = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const BRIGHT = ['gray', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright'];

function colour(mode: 'fg' | 'bg', cell: xterm.IBufferCell): string | undefined {
  const isDefault = mode === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
  if (isDefault) return undefined;
  const value = mode === 'fg' ? cell.getFgColor() : cell.getBgColor();
  if (mode === 'fg' ? cell.isFgRGB() : cell.isBgRGB()) return `#${value.toString(16).padStart(6, '0')}`;
  if (value < 8) return NAMED[value];
  if (value < 16) return BRIGHT[value - 8];
  return `ansi256(${value})`;
}

function styleOf(cell: xterm.IBufferCell): Omit<Segment, 'text'> {
  const s: Omit<Segment, 'text'> = {};
  const fg = colour('fg', cell);
  const bg = colour('bg', cell);
  if (fg) s.fg = fg;
  if (bg) s.bg = bg;
  if (cell.isBold()) s.bold = true;
  if (cell.isDim()) s.dim = true;
  if (cell.isItalic()) s.italic = true;
  if (cell.isUnderline()) s.underline = true;
  if (cell.isInverse()) s.inverse = true;
  return s;
}
