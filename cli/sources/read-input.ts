/**
 * Reads a saved log or standard input to its end, in chunks, into a sink (the analyzer). Compressed
 * input (gzip, xz, zstd: CI artifact stores compress) is recognised by its magic bytes, not its name,
 * and decompressed as a stream: memory stays bounded whatever the size.
 *
 * Decompressors: node:zlib for gzip; fzstd (pure JS, streaming) for zstd, as Node 20's zlib has none;
 * xz-decompress (liblzma's decoder in WebAssembly, no native build) for xz. Each is loaded only when
 * its magic is seen.
 */
import { createReadStream, promises as fs, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeFsError, InputError } from '../errors.js';

/** Files up to this size are read whole (memory stays bounded by it). */
const WHOLE_READ_MAX = 8 * 1024 * 1024;

export interface ChunkSink {
  write(chunk: Uint8Array): void;
  /** Told which compression was taken off, when there was one. */
  setCompression?(kind: string | null): void;
  /** Told that the input was damaged past some point (what came before it was read). */
  damaged?(message: string): void;
}

export type Compression = 'gzip' | 'xz' | 'zstd';

/** The compression a stream's first bytes announce, or null (or 'short' when more bytes are needed). */
export function sniffCompression(head: Uint8Array): Compression | null | 'short' {
  const is = (magic: readonly number[]): boolean | 'short' => {
    for (let i = 0; i < magic.length; i++) {
      if (i >= head.length) return 'short';
      if (head[i] !== magic[i]) return false;
    }
    return true;
  };
  const checks: Array<[Compression, readonly number[]]> = [
    ['gzip', [0x1f, 0x8b]],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ];
  let short = false;
  for (const [kind, magic] of checks) {
    const r = is(magic);
    if (r === true) return kind;
    if (r === 'short') short = true;
  }
  return short ? 'short' : null;
}

/** `-` is standard input; anything else a path. */
export async function readInput(source: string, sink: ChunkSink, stdin?: Readable): Promise<void> {
  // (process.stdin is touched only when read: in a worker thread it would open a channel to the main one.)
  if (source === '-') return pump(stdin ?? process.stdin, sink, 'standard input');
  let stat;
  try {
    stat = await fs.stat(source);
  } catch (err) {
    throw new InputError(describeFsError(err, source));
  }
  if (stat.isDirectory()) throw new InputError(describeFsError({ code: 'EISDIR' }, source));
  // A small regular file in one read: a stream's round trips through the thread pool left a batch of
  // CI logs waiting on I/O a sixth of its time. Larger files and anything else stream (bounded memory).
  if (stat.isFile() && stat.size <= WHOLE_READ_MAX) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(source);
    } catch (err) {
      throw new InputError(describeFsError(err, source));
    }
    return pump(Readable.from([bytes], { objectMode: false }), sink, source);
  }
  return pump(createReadStream(source, { highWaterMark: 256 * 1024 }), sink, source);
}

async function pump(stream: Readable, sink: ChunkSink, name: string): Promise<void> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  // Enough bytes to tell the magic apart (a pipe may deliver one byte at a time).
  let head: Uint8Array = new Uint8Array(0);
  let ended = false;
  try {
    while (sniffCompression(head) === 'short') {
      const r = await it.next();
      if (r.done) {
        ended = true;
        break;
      }
      head = concat(head, r.value);
    }
  } catch (err) {
    throw new InputError(describeFsError(err, name));
  }
  const kind = sniffCompression(head);
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  };
  if (kind === null || kind === 'short') {
    try {
      for await (const chunk of rest()) sink.write(chunk);
    } catch (err) {
      throw new InputError(describeFsError(err, name));
    }
    return;
  }
  sink.setCompression?.(kind);
  try {
    for await (const chunk of decompress(kind, rest())) sink.write(chunk);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const why = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    const message = `the ${kind} data is damaged or cut short (${why}); what came before was analysed`;
    if (sink.damaged) sink.damaged(message);
    else throw new InputError(`${name}: ${message}`);
  }
}

async function* decompress(kind: Compression, input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (kind === 'gzip') {
    // Concatenated gzip members (log rotation appends) are read one after another, as zcat does.
    const gunzip = createGunzip();
    yield* Readable.from(input).pipe(gunzip) as AsyncIterable<Uint8Array>;
    return;
  }
  if (kind === 'zstd') {
    const { Decompress } = await import('fzstd');
    const out: Uint8Array[] = [];
    const d = new Decompress((chunk: Uint8Array) => {
      out.push(chunk);
    });
    for await (const chunk of input) {
      d.push(chunk);
      while (out.length > 0) yield out.shift()!;
    }
    d.push(new Uint8Array(0), true);
    while (out.length > 0) yield out.shift()!;
    return;
  }
  // A CommonJS module: its exports arrive as the default export.
  const xz = (await import('xz-decompress')) as typeof import('xz-decompress') & { default?: typeof import('xz-decompress') };
  const XzReadableStream = xz.XzReadableStream ?? xz.default!.XzReadableStream;
  const web = Readable.toWeb(Readable.from(input)) as unknown as ReadableStream<Uint8Array>;
  const reader = new XzReadableStream(web).getReader();
  for (;;) {
    const r = await reader.read();
    if (r.done) return;
    yield r.value;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
