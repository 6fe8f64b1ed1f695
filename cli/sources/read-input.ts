/** Reads a saved log or standard input to its end, in chunks, into a sink (the analyzer). */
import { createReadStream, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import { describeFsError, InputError } from '../errors.js';

export interface ChunkSink {
  write(chunk: Uint8Array): void;
}

/** `-` is standard input; anything else a path. */
export async function readInput(source: string, sink: ChunkSink, stdin: Readable = process.stdin): Promise<void> {
  if (source === '-') return pump(stdin, sink, 'standard input');
  let stat;
  try {
    stat = await fs.stat(source);
  } catch (err) {
    throw new InputError(describeFsError(err, source));
  }
  if (stat.isDirectory()) throw new InputError(describeFsError({ code: 'EISDIR' }, source));
  return pump(createReadStream(source, { highWaterMark: 256 * 1024 }), sink, source);
}

async function pump(stream: Readable, sink: ChunkSink, name: string): Promise<void> {
  try {
    for await (const chunk of stream) sink.write(chunk as Uint8Array);
  } catch (err) {
    throw new InputError(describeFsError(err, name));
  }
}
