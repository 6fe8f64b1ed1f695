/** The corpus: one directory per real console log, `console.log` (raw bytes) and `expected.json`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
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

/** A log published gzipped (a mail's `dmesg.txt.gz`) is kept so; the analysis reads what the CLI reads: its
 *  content (the CLI tells gzip by its magic bytes, and a test runs such a case through it). */
function unwrapped(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
}
