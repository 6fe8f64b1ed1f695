/**
 * Terminal layer: console bytes → the physical lines a terminal would show.
 *
 * A byte state machine in the manner of a VT500 parser, reduced to what decides line content:
 * printable runs are copied in one go, CR/LF/BS/TAB move the cursor, `ESC[K` erases, `ESC M` reopens the
 * previous line (systemd's start-job spinner redraws itself that way), every other escape sequence is
 * consumed and dropped. No I/O, nothing kept beyond the current and the previous line.
 *
 * Work is linear in the input whatever it holds: the current line is a gap buffer (bytes before the point
 * of the last edit, and those after it), so a redraw in the middle of a long line moves only the bytes
 * between two edits; the column a tab needs is counted from the last one known; and a long line is
 * reopened by `ESC M` only when most of it was written since it last was (else every few bytes could
 * make the line's whole text again: such redraws are counted and the lines kept as they are).
 */

export interface PhysicalLine {
  /** What a terminal shows on this line: escapes removed, invalid UTF-8 replaced by U+FFFD. */
  text: string;
  /** 1-based number of the raw line (counting LF bytes) on which this content was written. */
  lineNo: number;
  /** Offset of the first byte of this content in the raw input. */
  byteStart: number;
  /** Offset just past the last byte that belongs to this line (its terminator included). */
  byteEnd: number;
  /** The terminal later replaced this line in place (`ESC M`, `\r`, `ESC[K`): an ephemeral frame. */
  overwritten: boolean;
  /** The line reached the maximum length and goes on in the next record. */
  truncated: boolean;
  /** The same string as `text` when the splitter read it from ASCII bytes alone (null otherwise): a layer that
   *  changes `text` leaves this behind, so `ascii === text` says the text is still that ASCII. */
  ascii?: string | null;
}

/** The line's bytes end with `login:` (and spaces): a getty's prompt. */
function endsWithLogin(buf: Uint8Array, len: number): boolean {
  let end = len;
  while (end > 0 && buf[end - 1] === 0x20) end--;
  if (end < 6) return false;
  // l o g i n :
  return buf[end - 1] === 0x3a && buf[end - 2] === 0x6e && buf[end - 3] === 0x69 && buf[end - 4] === 0x67 && buf[end - 5] === 0x6f && buf[end - 6] === 0x6c;
}

export interface LineSplitterOptions {
  /** Longest line kept as one record, in bytes; longer lines are split (nothing is dropped). */
  maxLineBytes?: number;
  /** Longest OSC/DCS/APC string consumed before it is given up as unterminated. */
  maxStringBytes?: number;
}

export interface LineSplitterCounters {
  bytes: number;
  lines: number;
  escapeSequences: number;
  truncatedLines: number;
  unterminatedStrings: number;
  controlBytes: number;
  /** `ESC M` not applied to a long line that was mostly not rewritten since it was last reopened. */
  reopensRefused: number;
  /** U+FFFD in the lines made: bytes that were not UTF-8. */
  replacementChars: number;
}

const State = {
  ground: 0,
  escape: 1,
  escapeIntermediate: 2,
  csi: 3,
  string: 4,
  /** A CSI broken by a multi-byte character: the character goes with it, as a terminal drops it. */
  skipUtf8: 5,
  /** A 0xC2 byte ended the chunk: with the next byte it may be a C1 control (U+0080–U+009F). */
  leadC2: 6,
} as const;
type State = (typeof State)[keyof typeof State];

const ESC = 0x1b;
const DEFAULT_MAX_LINE = 64 * 1024;
const DEFAULT_MAX_STRING = 64 * 1024;
const TAB_WIDTH = 8;
/** Columns a cursor move may pad a line to (a terminal's width is far less). */
const MAX_COLUMN_MOVE = 1024;
const SPACES = new Uint8Array(TAB_WIDTH).fill(0x20);
const LEAD_C2 = new Uint8Array([0xc2]);
/** A line this long (bytes) is always reopened by `ESC M`; a longer one when at least half of it is new. */
const REOPEN_FREE = 256;
/** Node's Buffer reads ASCII into a string faster than TextDecoder (about 50 ns against 85 a line, plus
 *  the subarray TextDecoder needs); elsewhere TextDecoder does it. It works on any Uint8Array. */
const latin1Slice = (globalThis as { Buffer?: { prototype: { latin1Slice?: (this: Uint8Array, from: number, to: number) => string } } }).Buffer?.prototype.latin1Slice;

export class LineSplitter {
  /** Continuation bytes still to drop in State.skipUtf8. */
  private skipBytes = 0;
  readonly counters: LineSplitterCounters = {
    bytes: 0,
    lines: 0,
    escapeSequences: 0,
    truncatedLines: 0,
    unterminatedStrings: 0,
    controlBytes: 0,
    reopensRefused: 0,
    replacementChars: 0,
  };

  private readonly maxLine: number;
  private readonly maxString: number;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly onLine: (line: PhysicalLine) => void;

  private state: State = State.ground;
  private csiParam = 0;
  private csiFlags = 0; // 1: private marker or intermediate seen, 2: a second parameter started
  /** The last parameter of the CSI sequence (the column of `ESC[row;colH`). */
  private csiLast = 0;
  private stringBytes = 0;

  // Current line: buf[0..len) then the bytes after the last edit, kept reversed in tail[0..tailLen) (the
  // byte just after the edit is tail[tailLen - 1]). Appending at the end, the usual case, leaves tail empty.
  private buf: Uint8Array;
  private len = 0;
  private tail = new Uint8Array(0);
  private tailLen = 0;
  private cursor = 0; // byte offset in the line, on a code point boundary
  /** The column (code points) at byte offset colByte, from the last time it was needed. */
  private colByte = 0;
  private colValue = 0;
  /** The first `blank` bytes of the line are known to be spaces (`ESC[1K` need not write them again). */
  private blank = 0;
  /** Bytes printed into the current line since it began (not those it had when reopened). */
  private fresh = 0;
  private lineNo = -1;
  private byteStart = -1;
  /** Set when the current line was reopened with ESC M: its original content, until it is changed. */
  private reopened: PhysicalLine | null = null;

  // The last finished line, held back until we know no ESC M reopens it; its bytes stay in `spare`.
  private held: PhysicalLine | null = null;
  private spare: Uint8Array;
  private heldLen = 0;
  private heldFresh = 0;
  /** The held line's bytes are still in this chunk, from heldFrom (not yet in `spare`). */
  private heldSrc: Uint8Array | null = null;
  private heldFrom = 0;
  /** Index in the chunk being written of the byte whose action runs (where a redrawn line's content begins). */
  private at = 0;

  private rawLine = 1;
  private offset = 0;
  /** Offset just past the previous line's terminator. */
  private lineBegin = 0;
  /** The raw line an empty line that ends now began on (VT, FF and ESC D end a line without a LF). */
  private emptyLineNo = 1;

  constructor(onLine: (line: PhysicalLine) => void, options: LineSplitterOptions = {}) {
    this.onLine = onLine;
    this.maxLine = Math.max(256, options.maxLineBytes ?? DEFAULT_MAX_LINE);
    this.maxString = options.maxStringBytes ?? DEFAULT_MAX_STRING;
    this.buf = new Uint8Array(Math.min(4096, this.maxLine));
    this.spare = new Uint8Array(this.buf.length);
  }

  write(chunk: Uint8Array): void {
    this.scan(chunk);
    // The held line's bytes may still be in the caller's chunk, which it may reuse after this call.
    if (this.heldSrc !== null) this.keepHeld();
    this.offset += chunk.length;
    this.counters.bytes += chunk.length;
  }

  /**
   * The byte loop, in a method of its own: V8 optimises a long loop while it runs (on-stack replacement),
   * and code after the loop that had not yet run when it did (keeping a held line at the end of a chunk)
   * threw the optimised loop away again, chunk after chunk.
   */
  private scan(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const b = chunk[i]!;
      switch (this.state) {
        case State.ground: {
          if (b === 0xc2 && (i + 1 === n || (chunk[i + 1]! & 0xe0) === 0x80)) {
            // A C1 control in UTF-8 (U+0085 NEL from a mail gateway's `…`, U+009B CSI): a terminal obeys it.
            if (i + 1 === n) {
              this.state = State.leadC2;
              i++;
            } else {
              this.c1(chunk[i + 1]!, i + 1);
              i += 2;
            }
            continue;
          }
          if (b >= 0x20 && b !== 0x7f) {
            let j = i + 1;
            let bits = b;
            while (j < n) {
              const c = chunk[j]!;
              if (c < 0x20 || c === 0x7f) break;
              bits |= c;
              j++;
            }
            // A run with non-ASCII bytes ends before a C1 control (0xC2 then 0x80–0x9F, or 0xC2 at the chunk's end).
            if (bits >= 0x80) {
              for (let k = i + 1; k < j; k++) {
                if (chunk[k] === 0xc2 && (k + 1 === n || (chunk[k + 1]! & 0xe0) === 0x80)) {
                  j = k;
                  break;
                }
              }
            }
            // The usual line: printable bytes from its start to `\n` or `\r\n`, all in this chunk. Its text
            // is read straight from the chunk (no copy into the line buffer, no edit to track).
            if (j < n && this.len === 0 && this.lineNo < 0 && this.tailLen === 0 && this.reopened === null && j - i < this.maxLine) {
              const lf = chunk[j] === 0x0d ? j + 1 : j;
              if (lf < n && chunk[lf] === 0x0a) {
                this.plainLine(chunk, i, j, lf, bits < 0x80);
                i = lf + 1;
                continue;
              }
            }
            this.at = i;
            this.print(chunk, i, j);
            i = j;
            continue;
          }
          if (b === ESC) {
            this.state = State.escape;
          } else {
            this.control(b, i);
          }
          break;
        }
        case State.escape: {
          if (b === 0x5b /* [ */) {
            this.state = State.csi;
            this.csiParam = 0;
            this.csiFlags = 0;
            this.csiLast = 0;
          } else if (b === 0x5d /* ] */ || b === 0x50 /* P */ || b === 0x58 /* X */ || b === 0x5e /* ^ */ || b === 0x5f /* _ */) {
            this.state = State.string;
            this.stringBytes = 0;
          } else if (b >= 0x20 && b <= 0x2f) {
            this.state = State.escapeIntermediate;
          } else if (b >= 0x30 && b <= 0x7e) {
            this.counters.escapeSequences++;
            this.state = State.ground;
            this.escapeDispatch(b, i);
          } else if (b === ESC) {
            // ESC ESC: the first one is dropped.
          } else if (b < 0x20) {
            this.control(b, i);
            if (b === 0x18 || b === 0x1a) this.state = State.ground;
          } else if (b >= 0xc2 && b <= 0xf4) {
            // ESC then a character (systemd's ellipsis cut a colour sequence after its ESC): a terminal
            // drops both.
            this.skipBytes = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
            this.state = State.skipUtf8;
          } else {
            this.state = State.ground;
            continue; // not an escape after all: reprocess as text
          }
          break;
        }
        case State.escapeIntermediate: {
          if (b >= 0x30 && b <= 0x7e) {
            this.counters.escapeSequences++;
            this.state = State.ground;
          } else if (b === ESC) {
            this.state = State.escape;
          } else if (b < 0x20) {
            this.control(b, i);
            if (b === 0x18 || b === 0x1a) this.state = State.ground;
          } else if (b >= 0xc2 && b <= 0xf4) {
            this.skipBytes = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
            this.state = State.skipUtf8;
          } else if (b >= 0x80) {
            this.state = State.ground;
            continue;
          }
          break;
        }
        case State.csi: {
          // Parameters and intermediates in one local loop (SGR runs between most words of a status line).
          if (b >= 0x20 && b <= 0x3f) {
            let param = this.csiParam;
            let flags = this.csiFlags;
            let last = this.csiLast;
            let j = i;
            for (; j < n; j++) {
              const c = chunk[j]!;
              if (c >= 0x30 && c <= 0x39) {
                if (flags === 0 && param < 100000) param = param * 10 + (c - 0x30);
                if (last < 100000) last = last * 10 + (c - 0x30);
              } else if (c === 0x3b || c === 0x3a) {
                flags |= 2;
                last = 0;
              } else if (c >= 0x20 && c <= 0x3f) flags |= 1; // private markers (< = > ?) and intermediates
              else break;
            }
            this.csiParam = param;
            this.csiFlags = flags;
            this.csiLast = last;
            i = j;
            continue;
          }
          if (b >= 0x40 && b <= 0x7e) {
            this.counters.escapeSequences++;
            this.state = State.ground;
            if (b === 0x4b /* K */ && (this.csiFlags & 1) === 0) {
              this.at = i;
              this.eraseInLine(this.csiParam);
            } else if ((b === 0x47 /* G: to column */ || b === 0x43 /* C: forward */) && this.csiFlags === 0) {
              // Upstart's and LSB's `[ OK ]` at the right margin: `ESC[74G[ OK ]`.
              const target = b === 0x47 ? Math.max(this.csiParam, 1) - 1 : this.column() + Math.max(this.csiParam, 1);
              this.moveToColumn(Math.min(target, MAX_COLUMN_MOVE), i);
            } else if ((b === 0x48 /* H */ || b === 0x66 /* f */) && (this.csiFlags & 1) === 0 && this.csiLast <= 1) {
              // The cursor to the first column (`ESC[H`, `ESC[1;1H`: GRUB's countdown redrawn in place): the
              // line is written again from its start, as after a CR. (Other rows and columns are a screen
              // drawn at absolute positions, which the terminal layer does not emulate.)
              this.cursor = 0;
            } else if (b === 0x4a /* J: erase in display */ && (this.csiFlags & 1) === 0) {
              // A screen erased: what it showed was shown; what comes next begins a line of its own.
              if (this.len + this.tailLen > 0) this.finishLine(this.offset + i + 1, false);
            }
          } else if (b === ESC) {
            this.state = State.escape;
          } else if (b < 0x20) {
            this.control(b, i);
            if (b === 0x18 || b === 0x1a) this.state = State.ground;
          } else if (b >= 0xc2 && b <= 0xf4) {
            // A character inside CSI breaks it (systemd's ellipsis can land inside a colour sequence):
            // xterm drops the sequence and the character, so do we.
            this.skipBytes = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
            this.state = State.skipUtf8;
          } else {
            this.state = State.ground; // DEL or another byte >= 0x80 inside CSI: the sequence is broken
          }
          break;
        }
        case State.leadC2: {
          this.state = State.ground;
          if ((b & 0xe0) === 0x80) {
            this.c1(b, i);
            break;
          }
          // Not a C1 control: the lead byte is text (an invalid sequence, as the decoder will say).
          if (this.len === 0 && this.tailLen === 0 && this.lineNo < 0) {
            this.lineNo = this.rawLine;
            this.byteStart = this.offset - 1;
          }
          this.at = i;
          this.print(LEAD_C2, 0, 1);
          continue;
        }
        case State.skipUtf8: {
          if ((b & 0xc0) === 0x80 && this.skipBytes > 0) {
            if (--this.skipBytes === 0) this.state = State.ground;
            break;
          }
          this.state = State.ground;
          continue;
        }
        case State.string: {
          // Skip to the terminator in one scan: BEL ends an OSC, ESC starts ST (or a new sequence).
          let j = i;
          while (j < n) {
            const c = chunk[j]!;
            if (c === 0x07 || c === ESC || c === 0x18 || c === 0x1a) break;
            j++;
          }
          const allowed = this.maxString - this.stringBytes;
          if (j - i > allowed) {
            // An unterminated string would swallow the rest of the console: give it up there.
            this.counters.unterminatedStrings++;
            this.state = State.ground;
            i += Math.max(0, allowed);
            continue;
          }
          this.stringBytes += j - i;
          if (j < n) {
            const c = chunk[j]!;
            this.counters.escapeSequences++;
            this.state = c === ESC ? State.escape : State.ground;
            i = j + 1;
            continue;
          }
          i = j;
          continue;
        }
      }
      i++;
    }
  }

  /**
   * A whole line of printable bytes [from, to) ended by the LF at `lf` (a CR may stand between), begun on
   * an empty line: the same line the byte-by-byte path makes, read from the chunk. Its bytes are copied
   * for a possible `ESC M` only if it is still held when the chunk ends.
   */
  private plainLine(chunk: Uint8Array, from: number, to: number, lf: number, ascii: boolean): void {
    this.releaseHeld();
    const byteEnd = this.offset + lf + 1;
    const text = ascii && latin1Slice !== undefined ? latin1Slice.call(chunk, from, to) : this.counted(this.decoder.decode(chunk.subarray(from, to)));
    const line: PhysicalLine = {
      text,
      lineNo: this.rawLine,
      byteStart: this.offset + from,
      byteEnd,
      overwritten: false,
      truncated: false,
      ascii: ascii ? text : null,
    };
    this.rawLine++;
    this.lineBegin = byteEnd;
    this.emptyLineNo = this.rawLine;
    this.held = line;
    this.heldLen = to - from;
    this.heldFresh = to - from;
    this.heldSrc = chunk;
    this.heldFrom = from;
  }

  /** Copies the held line's bytes out of the chunk they were read from (see plainLine). */
  private keepHeld(): void {
    const src = this.heldSrc!;
    this.heldSrc = null;
    if (this.spare.length < this.heldLen) this.spare = new Uint8Array(Math.max(this.heldLen, 2 * this.spare.length));
    this.spare.set(src.subarray(this.heldFrom, this.heldFrom + this.heldLen));
  }

  /** Flushes the held and the current line. The splitter can be written to again afterwards. */
  end(): void {
    if (this.state === State.leadC2) {
      // The input ended on a lone lead byte: it is text, shown as U+FFFD.
      if (this.len === 0 && this.tailLen === 0 && this.lineNo < 0) {
        this.lineNo = this.rawLine;
        this.byteStart = this.offset - 1;
      }
      this.at = 0;
      this.print(LEAD_C2, 0, 1);
    }
    this.releaseHeld();
    if (this.len + this.tailLen > 0 || this.reopened) this.finishLine(this.offset, false);
    this.releaseHeld();
    this.state = State.ground;
  }

  /** Live input gone quiet: give up waiting for an `ESC M` and emit the held line now. */
  flushHeld(): void {
    if (this.len + this.tailLen === 0 && this.reopened === null) this.releaseHeld();
  }

  /** Where the next byte lands: its raw line number and its offset in the input. */
  position(): { line: number; byte: number } {
    return { line: this.rawLine, byte: this.offset };
  }

  /** The unfinished current line (a prompt waits without a newline), without consuming it. */
  peekPartial(): { text: string; lineNo: number } | null {
    if (this.len + this.tailLen === 0) return null;
    this.moveEditTo(this.len + this.tailLen);
    return { text: this.decode(this.buf, this.len), lineNo: this.lineNo >= 0 ? this.lineNo : this.rawLine };
  }

  /** A line's text, its U+FFFD counted (once per line made; ASCII lines cannot hold one). */
  private counted(text: string): string {
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) this.counters.replacementChars++;
    return text;
  }

  /** TextDecoder beats String.fromCharCode even on ASCII (measured here: 80 ns against 300 ns a line). */
  private decode(buf: Uint8Array, len: number): string {
    return this.decoder.decode(buf.subarray(0, len));
  }

  /** `text` when the line's bytes were all ASCII, else null (see PhysicalLine.ascii): the same for a line however
   *  its bytes came. */
  private asciiOf(buf: Uint8Array, len: number, text: string): string | null {
    for (let i = 0; i < len; i++) if (buf[i]! >= 0x80) return null;
    return text;
  }

  // ---- actions -----------------------------------------------------------------------------

  private print(src: Uint8Array, from: number, to: number): void {
    if (this.held && !this.reopened) this.releaseHeld();
    let start = from;
    while (start < to) {
      if (this.len === 0 && this.lineNo < 0) {
        this.lineNo = this.rawLine;
        this.byteStart = this.offset + start;
      }
      const room = this.maxLine - this.cursor;
      const end = Math.min(to, start + room);
      if (this.cursor === this.len && this.tailLen === 0) {
        this.ensure(this.len + (end - start));
        if (end - start < 64) {
          // Short runs (between escape sequences) copy faster by hand than through a subarray view.
          const buf = this.buf;
          let at = this.len;
          for (let k = start; k < end; k++) buf[at++] = src[k]!;
        } else {
          this.buf.set(src.subarray(start, end), this.len);
        }
        this.len += end - start;
        this.cursor = this.len;
      } else {
        this.overwrite(src, start, end);
      }
      this.fresh += end - start;
      start = end;
      if (this.cursor >= this.maxLine) {
        this.counters.truncatedLines++;
        this.finishLine(this.offset + start, true);
      }
    }
  }

  /** Writes over existing content from the cursor, one code point for one code point. */
  private overwrite(src: Uint8Array, from: number, to: number): void {
    this.markChanged();
    const cursor = this.cursor;
    // A login prompt that other output now writes over from its first column (`host login: \r[ 3.2] e1000 …`):
    // it was shown, so it goes out as an overwritten frame before it is lost.
    if (cursor === 0 && this.tailLen === 0 && this.len >= 7 && this.len <= 160 && endsWithLogin(this.buf, this.len)) {
      const text = this.decode(this.buf, this.len);
      this.emit({ text, lineNo: this.lineNo >= 0 ? this.lineNo : this.rawLine, byteStart: this.byteStart >= 0 ? this.byteStart : this.lineBegin, byteEnd: this.offset + this.at, overwritten: true, truncated: false, ascii: this.asciiOf(this.buf, this.len, text) });
    }
    // What changes lies after the cursor: the column known there stays right.
    const col = this.colByte <= cursor ? -1 : this.column();
    if (cursor < this.blank) this.blank = cursor;
    this.moveEditTo(cursor);
    let points = 0;
    for (let k = from; k < to; k++) if ((src[k]! & 0xc0) !== 0x80) points++;
    // Drop as many code points after the edit as the run brings.
    const tail = this.tail;
    let t = this.tailLen;
    for (let n = points; n > 0 && t > 0; n--) {
      t--;
      while (t > 0 && (tail[t - 1]! & 0xc0) === 0x80) t--;
    }
    this.tailLen = t;
    this.ensure(this.len + (to - from));
    this.buf.set(src.subarray(from, to), this.len);
    this.len += to - from;
    this.cursor = this.len;
    if (col >= 0) {
      this.colByte = this.len;
      this.colValue = col + points;
    }
  }

  /** Moves the edit point (the end of buf's part) to byte offset `pos` of the line. */
  private moveEditTo(pos: number): void {
    let len = this.len;
    if (pos < len) {
      this.ensureTail(this.tailLen + (len - pos));
      const buf = this.buf;
      const tail = this.tail;
      let t = this.tailLen;
      while (len > pos) tail[t++] = buf[--len]!;
      this.tailLen = t;
      this.len = len;
    } else if (pos > len) {
      this.ensure(pos);
      const buf = this.buf;
      const tail = this.tail;
      let t = this.tailLen;
      while (len < pos) buf[len++] = tail[--t]!;
      this.tailLen = t;
      this.len = len;
    }
  }

  private byteAt(i: number): number {
    return i < this.len ? this.buf[i]! : this.tail[this.tailLen - 1 - (i - this.len)]!;
  }

  /** Code points in bytes [from, to) of the line. */
  private points(from: number, to: number): number {
    let n = 0;
    const mid = Math.min(to, this.len);
    const buf = this.buf;
    for (let k = from; k < mid; k++) if ((buf[k]! & 0xc0) !== 0x80) n++;
    if (to > this.len) {
      const tail = this.tail;
      // Line offset p >= len is tail[tailLen - 1 - (p - len)].
      const hi = this.tailLen - 1 - (Math.max(from, this.len) - this.len);
      const lo = this.tailLen - (to - this.len);
      for (let k = lo; k <= hi; k++) if ((tail[k]! & 0xc0) !== 0x80) n++;
    }
    return n;
  }

  /** The cursor's column, counted from the nearest of the line start and the last column known. */
  private column(): number {
    const c = this.cursor;
    const m = this.colByte;
    const v = c >= m ? this.colValue + this.points(m, c) : c <= m - c ? this.points(0, c) : this.colValue - this.points(c, m);
    this.colByte = c;
    this.colValue = v;
    return v;
  }

  /** The cursor to a column of this line (CHA, CUF): over the cells there are, then spaces, as a
   *  terminal shows cells it never wrote. */
  private moveToColumn(target: number, at: number): void {
    const total = this.len + this.tailLen;
    let col = this.column();
    if (target < col) {
      this.cursor = 0;
      col = 0;
    }
    while (col < target && this.cursor < total) {
      this.cursor++;
      while (this.cursor < total && (this.byteAt(this.cursor) & 0xc0) === 0x80) this.cursor++;
      col++;
    }
    if (col >= target) return;
    if (this.len === 0 && this.tailLen === 0 && this.lineNo < 0) {
      this.lineNo = this.rawLine;
      this.byteStart = this.offset + at;
    }
    this.at = at;
    for (let left = target - col; left > 0; left -= TAB_WIDTH) this.print(SPACES, 0, Math.min(left, TAB_WIDTH));
  }

  private control(b: number, at: number): void {
    switch (b) {
      case 0x0a: // LF
        this.rawLine++;
        this.finishLine(this.offset + at + 1, false);
        return;
      case 0x0b: // VT and FF move down like LF
      case 0x0c:
        this.finishLine(this.offset + at + 1, false);
        return;
      case 0x0d: // CR
        this.cursor = 0;
        return;
      case 0x08: // BS
        if (this.cursor > 0) {
          this.cursor--;
          while (this.cursor > 0 && (this.byteAt(this.cursor) & 0xc0) === 0x80) this.cursor--;
        }
        return;
      case 0x09: {
        // TAB: to the next tab stop; cells passed over at the end of the line read as spaces. A line that
        // begins with it begins at the tab's byte.
        if (this.len === 0 && this.tailLen === 0 && this.lineNo < 0) {
          this.lineNo = this.rawLine;
          this.byteStart = this.offset + at;
        }
        this.at = at;
        const spaces = TAB_WIDTH - (this.column() % TAB_WIDTH);
        this.print(SPACES, 0, spaces);
        return;
      }
      case 0x07: // BEL: a beep
        return;
      case 0x00: // NUL: a terminal shows nothing, but a flood of them is no console (counted as binary)
      default:
        this.counters.controlBytes++;
    }
  }

  /** A C1 control's second byte `b` (0x80–0x9F) at `at`: what xterm does with it, as with its 7-bit form. */
  private c1(b: number, at: number): void {
    this.counters.escapeSequences++;
    switch (b) {
      case 0x84: // IND
      case 0x85: // NEL
        this.escapeDispatch(b - 0x40, at);
        return;
      case 0x9b: // CSI
        this.state = State.csi;
        this.csiParam = 0;
        this.csiFlags = 0;
        this.csiLast = 0;
        return;
      case 0x90: // DCS, SOS, OSC, PM, APC: a string up to its terminator
      case 0x98:
      case 0x9d:
      case 0x9e:
      case 0x9f:
        this.state = State.string;
        this.stringBytes = 0;
        return;
      default:
        return; // the rest change nothing a line shows
    }
  }

  private escapeDispatch(b: number, at: number): void {
    switch (b) {
      case 0x4d: // ESC M: reverse index
        this.reverseIndex();
        return;
      case 0x44: // ESC D: index
      case 0x45: // ESC E: next line
        this.finishLine(this.offset + at + 1, false);
        return;
      case 0x63: // ESC c: a full reset (SeaBIOS's `Booting from ROM..` then the kernel's first line): what
        // follows begins a line of its own, as on a terminal's cleared screen.
        if (this.len + this.tailLen > 0) this.finishLine(this.offset + at + 1, false);
        return;
      default:
        return; // ESC 7, ESC 8, ESC =, …: no effect on line content
    }
  }

  private eraseInLine(mode: number): void {
    const total = this.len + this.tailLen;
    if (mode === 0) {
      if (this.cursor < total) {
        this.markChanged();
        if (this.colByte > this.cursor) this.column();
        if (this.blank > this.cursor) this.blank = this.cursor;
        this.moveEditTo(this.cursor);
        this.tailLen = 0;
      }
    } else if (mode === 1) {
      if (total > 0) {
        // The cells from the line start to the cursor's, inclusive, become spaces.
        this.markChanged();
        const col = this.column();
        this.moveEditTo(this.cursor);
        this.ensure(col + 1);
        if (this.blank < col) this.buf.fill(0x20, this.blank, col);
        let len = col;
        if (this.tailLen > 0) {
          const tail = this.tail;
          let t = this.tailLen - 1;
          while (t > 0 && (tail[t - 1]! & 0xc0) === 0x80) t--;
          this.tailLen = t;
          this.buf[len++] = 0x20;
        }
        this.len = len;
        this.cursor = col;
        this.blank = Math.max(this.blank, len);
        this.colByte = col;
        this.colValue = col;
      }
    } else if (mode === 2) {
      if (total > 0) {
        this.markChanged();
        this.clearLine();
      }
    }
    if (this.len + this.tailLen === 0) {
      this.lineNo = -1;
      this.byteStart = -1;
      this.fresh = 0;
    }
  }

  /** Empties the current line. */
  private clearLine(): void {
    this.len = 0;
    this.tailLen = 0;
    this.cursor = 0;
    this.colByte = 0;
    this.colValue = 0;
    this.blank = 0;
  }

  private reverseIndex(): void {
    // Only the spinner's pattern matters: the cursor at the start of an empty line moves back onto the
    // line just finished. Anything else keeps the lines as they are.
    if (this.len + this.tailLen !== 0 || this.held === null) return;
    if (this.heldLen > REOPEN_FREE && this.heldLen > 2 * this.heldFresh) {
      this.counters.reopensRefused++;
      return;
    }
    if (this.heldSrc !== null) this.keepHeld();
    const prev = this.held;
    this.held = null;
    const cur = this.buf;
    this.buf = this.spare;
    this.spare = cur;
    this.clearLine();
    this.len = this.heldLen;
    this.fresh = 0;
    this.reopenedFresh = this.heldFresh;
    this.heldLenAtReopen = this.heldLen;
    this.lineNo = prev.lineNo;
    this.byteStart = prev.byteStart;
    this.reopened = prev;
  }

  /** How much of the reopened line was new when it was last finished. */
  private reopenedFresh = 0;
  private heldLenAtReopen = 0;

  /** A reopened line is about to change: its original content becomes an overwritten frame. */
  private markChanged(): void {
    const prev = this.reopened;
    if (prev === null) return;
    this.reopened = null;
    this.emit({ ...prev, overwritten: true });
    this.lineNo = this.rawLine;
    this.byteStart = this.offset + this.at;
  }

  private finishLine(byteEnd: number, truncated: boolean): void {
    this.releaseHeld();
    if (this.tailLen > 0) this.moveEditTo(this.len + this.tailLen);
    // Reopened and left as it was (any change but an append to an empty line marks it changed).
    const same = this.reopened !== null && this.len > 0 && this.len === this.heldLenAtReopen ? this.reopened : null;
    const text = same !== null && !truncated ? '' : this.len === 0 ? '' : this.counted(this.decode(this.buf, this.len));
    const line: PhysicalLine =
      same !== null && !truncated
        ? { ...same, byteEnd, overwritten: false, truncated: false }
        : {
            text,
            lineNo: this.lineNo >= 0 ? this.lineNo : truncated ? this.rawLine : this.emptyLineNo,
            byteStart: this.byteStart >= 0 ? this.byteStart : this.lineBegin,
            byteEnd,
            overwritten: false,
            truncated,
            ascii: this.asciiOf(this.buf, this.len, text),
          };
    this.reopened = null;
    this.lineBegin = byteEnd;
    this.emptyLineNo = this.rawLine;
    if (truncated) {
      this.emit(line);
    } else {
      // Keep the bytes for a possible ESC M by swapping buffers instead of copying.
      this.held = line;
      this.heldLen = this.len;
      this.heldFresh = same !== null ? this.reopenedFresh : this.fresh;
      const cur = this.buf;
      this.buf = this.spare;
      this.spare = cur;
    }
    this.clearLine();
    this.fresh = 0;
    this.lineNo = truncated ? this.rawLine : -1;
    this.byteStart = truncated ? byteEnd : -1;
  }

  private releaseHeld(): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    this.heldSrc = null;
    this.emit(held);
  }

  private emit(line: PhysicalLine): void {
    this.counters.lines++;
    this.onLine(line);
  }

  private ensure(size: number): void {
    if (size <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < size) cap *= 2;
    const next = new Uint8Array(Math.min(cap, Math.max(size, this.maxLine)));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  private ensureTail(size: number): void {
    if (size <= this.tail.length) return;
    const next = new Uint8Array(Math.max(size, 2 * this.tail.length, 256));
    next.set(this.tail.subarray(0, this.tailLen));
    this.tail = next;
  }
}
