/**
 * Input layer, line ends: a file whose lines end with CR alone (a capture tool that wrote what the serial
 * line sent and dropped its LFs, an old Mac editor). On a terminal a CR only returns the cursor, so every
 * line would be written over the one before and all but the longest lost: such a file's CRs are its line
 * ends, as every editor shows them.
 *
 * The choice is made on the bytes, the same whatever the chunking: the first LF settles it (a console
 * with LFs, whose CRs are the terminal's); bytes up to the first CR pass at once; from there they wait
 * until an LF comes, or CR_LINES lines end with CR alone (a CR-only file), or the input ends.
 */
export class LineEnds {
  /** `null` until settled; then whether CRs end lines. */
  private crOnly: boolean | null = null;
  /** Bytes held from the first CR while undecided. */
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private bareCrs = 0;
  private lastWasCr = false;
  private holding = false;
  /** Lines the file ended with CR alone (reported as an envelope of the input). */
  lines = 0;

  constructor(private readonly out: (chunk: Uint8Array) => void) {}

  write(chunk: Uint8Array): void {
    if (this.crOnly === false) return this.out(chunk);
    if (this.crOnly === true) return this.out(this.translate(chunk));
    // Undecided: look for the first LF, counting the CRs not followed by one on the way.
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) return this.settle(false, chunk.subarray(from));
      if (this.lastWasCr && ++this.bareCrs >= CR_LINES) return this.settle(true, chunk.subarray(from));
      this.lastWasCr = b === 0x0d;
      if (this.lastWasCr && !this.holding) {
        // (Everything before the first CR is the first line's, either way.)
        if (i > from) this.out(chunk.subarray(from, i));
        from = i;
        this.holding = true;
      }
      // (Held no further than MAX_HELD bytes, at the same byte whatever the chunking: see hold().)
      if (this.holding && this.heldBytes + (i + 1 - from) > MAX_HELD) return this.settle(false, chunk.subarray(from));
    }
    if (this.holding) this.hold(chunk.subarray(from));
    else if (from < chunk.length) this.out(chunk.subarray(from));
  }

  /** The input ended: what was held goes out as the bytes said (CRs as line ends when there were some). */
  end(): void {
    if (this.crOnly === null) this.settle(this.bareCrs >= 2, new Uint8Array(0));
    if (this.crOnly && this.crHeld) {
      this.ending = true;
      this.out(this.translate(new Uint8Array(0)));
      this.ending = false;
    }
  }

  private hold(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    // (A chunk is the caller's to reuse: held bytes are copied.)
    this.held.push(Uint8Array.from(bytes));
    this.heldBytes += bytes.length;
    // (Held no further than this: a console that writes over its lines for a long time without an LF, a
    // progress bar before any line ended, is a terminal's.)
    if (this.heldBytes > MAX_HELD) this.settle(false, new Uint8Array(0));
  }

  private settle(crOnly: boolean, rest: Uint8Array): void {
    this.crOnly = crOnly;
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const h of held) this.out(crOnly ? this.translate(h) : h);
    if (rest.length > 0) this.out(crOnly ? this.translate(rest) : rest);
  }

  /** A bare CR → LF, in a copy; a CR LF stays as it is (should one come after all, it ends one line, not two). */
  private translate(chunk0: Uint8Array): Uint8Array {
    let chunk = chunk0;
    // (A CR at a chunk's end waits for the next byte, which says whether it is one of a CR LF.)
    if (this.crHeld) {
      this.crHeld = false;
      const joined = new Uint8Array(chunk.length + 1);
      joined[0] = 0x0d;
      joined.set(chunk, 1);
      chunk = joined;
    }
    let at = chunk.indexOf(0x0d);
    if (at < 0) return chunk;
    const copy = chunk === chunk0 ? Uint8Array.from(chunk) : chunk;
    let end = copy.length;
    if (copy[end - 1] === 0x0d && !this.ending) {
      this.crHeld = true;
      end--;
    }
    for (; at >= 0 && at < end; at = copy.indexOf(0x0d, at + 1)) {
      if (at + 1 < copy.length && copy[at + 1] === 0x0a) continue;
      copy[at] = 0x0a;
      this.lines++;
    }
    return end === copy.length ? copy : copy.subarray(0, end);
  }
  private crHeld = false;
  private ending = false;
}

/** Lines ended by a CR alone, with no LF before them, that make a file's CRs its line ends. */
const CR_LINES = 4;
/** Bytes held at most while undecided. */
const MAX_HELD = 64 * 1024;
