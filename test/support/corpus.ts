/** The corpus: one directory per real console log, `console.log` (raw bytes) and `expected.json`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { decompress as unzstd } from 'fzstd';
import { fileURLToPath } from 'node:url';
import { CorpusExpectations } from './expectations.js';

export const CORPORA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../corpora');

export interface CorpusCase {
  name: string;
  dir: string;
  log: Uint8Array;
  expected: CorpusExpectations;
}

/** Every case, recursively (lab recordings live in subfolders). Invalid expectations throw. */
/** BOOTWHY_CORPUS_PARTIAL=1 skips cases still being recorded (no expected.json yet); CI never sets it. */
export function loadCorpus(root = CORPORA, skipIncomplete = process.env['BOOTWHY_CORPUS_PARTIAL'] === '1'): CorpusCase[] {
  const out: CorpusCase[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
      const sub = join(dir, entry.name);
      if (existsSync(join(sub, 'console.log'))) {
        if (skipIncomplete && !existsSync(join(sub, 'expected.json'))) continue;
        const name = sub.slice(root.length + 1);
        const raw = JSON.parse(readFileSync(join(sub, 'expected.json'), 'utf8')) as unknown;
        const parsed = CorpusExpectations.safeParse(raw);
        if (!parsed.success) throw new Error(`${name}/expected.json: ${parsed.error.message}`);
        out.push({ name, dir: sub, log: unwrapped(new Uint8Array(readFileSync(join(sub, 'console.log')))), expected: parsed.data });
      } else {
        walk(sub);
      }
    }
  };
  walk(root);
  return out;
}

/** A log published compressed (a mail's `dmesg.txt.gz`, a robot's `dmesg.xz`) is kept so; the analysis reads
 *  what the CLI reads, its content, told by the same magic bytes and opened by the same libraries. */
function unwrapped(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return new Uint8Array(gunzipSync(bytes));
  if (bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd) return unzstd(bytes);
  if (bytes[0] === 0xfd && bytes[1] === 0x37 && bytes[2] === 0x7a && bytes[3] === 0x58 && bytes[4] === 0x5a && bytes[5] === 0x00) {
    // (xz-decompress streams asynchronously; the corpus loads synchronously: a child process decodes it.)
    return new Uint8Array(execFileSync(process.execPath, ['--input-type=module', '-e', XZ_CHILD], { input: bytes, maxBuffer: 1 << 30, cwd: CORPORA }));
  }
  return bytes;
}

const XZ_CHILD = `
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
const { XzReadableStream } = createRequire(process.cwd() + '/')('xz-decompress');
const reader = new XzReadableStream(Readable.toWeb(process.stdin)).getReader();
for (;;) { const r = await reader.read(); if (r.done) break; process.stdout.write(r.value); }
`;
