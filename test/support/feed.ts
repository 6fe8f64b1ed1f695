/** Feeding helpers: the same input whole and in slices must give the same result. */
import { LineSplitter, type PhysicalLine } from '../../parsers/terminal/line-splitter.js';
import type { LineSplitterOptions } from '../../parsers/terminal/line-splitter.js';

export function bytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

/** Writes `data` in slices of `size` bytes (0: whole). */
export function feed(data: Uint8Array, size: number, write: (chunk: Uint8Array) => void): void {
  if (size <= 0) return write(data);
  for (let i = 0; i < data.length; i += size) write(data.subarray(i, Math.min(data.length, i + size)));
}

export function splitLines(input: string | Uint8Array, size = 0, options: LineSplitterOptions = {}): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  const s = new LineSplitter((l) => out.push(l), options);
  feed(bytes(input), size, (c) => s.write(c));
  s.end();
  return out;
}

/** Lines as every chunking gives them; throws if two chunkings disagree. */
export function splitEveryWay(input: string | Uint8Array, options: LineSplitterOptions = {}): PhysicalLine[] {
  const data = bytes(input);
  const whole = splitLines(data, 0, options);
  const expect = JSON.stringify(whole);
  for (const size of [1, 2, 3, 7]) {
    const got = JSON.stringify(splitLines(data, size, options));
    if (got !== expect) throw new Error(`chunk size ${size} differs:\n${got}\nvs whole:\n${expect}`);
  }
  // Every split point into two writes, as xterm.js's parser tests do.
  if (data.length <= 400) {
    for (let cut = 1; cut < data.length; cut++) {
      const out: PhysicalLine[] = [];
      const s = new LineSplitter((l) => out.push(l), options);
      s.write(data.subarray(0, cut));
      s.write(data.subarray(cut));
      s.end();
      const got = JSON.stringify(out);
      if (got !== expect) throw new Error(`split at ${cut} differs:\n${got}\nvs whole:\n${expect}`);
    }
  }
  return whole;
}

export const texts = (lines: PhysicalLine[]): string[] => lines.filter((l) => !l.overwritten).map((l) => l.text);
