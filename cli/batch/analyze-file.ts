/** One input of a batch, read and analysed: its report, or the one line that says why it could not be read. */
import { Analyzer } from '../../parsers/index.js';
import type { Report } from '../../parsers/report/schema.js';
import { InputError } from '../errors.js';
import { readInput } from '../sources/read-input.js';

export type FileResult = { path: string; report: Report; error: null } | { path: string; report: null; error: string };

export async function analyzeFile(path: string): Promise<FileResult> {
  const analyzer = new Analyzer({ name: path === '-' ? 'standard input' : path });
  try {
    await readInput(path, analyzer);
  } catch (err) {
    return { path, report: null, error: err instanceof InputError ? err.message : `${path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  return { path, report: analyzer.end(), error: null };
}
