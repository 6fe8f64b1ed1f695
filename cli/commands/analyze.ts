/** `bootwhy analyze <file|->`: read a whole log, print the report, exit 0 (ok) or 1 (failures found). */
import { Analyzer } from '../../parsers/index.js';
import type { Report } from '../../parsers/report/schema.js';
import { renderText } from '../reporters/text.js';
import { readInput } from '../sources/read-input.js';
import { NO_POLICY, withPolicy, type PolicyOptions } from '../policy.js';
import { choosePalette, safeJson } from '../terminal-safe.js';

export interface AnalyzeOptions {
  source: string;
  json: boolean;
  verbose: boolean;
  color: 'auto' | 'always' | 'never';
  policy?: PolicyOptions;
}

export async function analyzeCommand(opts: AnalyzeOptions, stdout: NodeJS.WriteStream): Promise<number> {
  const analyzer = new Analyzer({ name: opts.source === '-' ? 'standard input' : opts.source });
  await readInput(opts.source, analyzer);
  const report = await withPolicy(analyzer.end(), opts.source, opts.policy ?? NO_POLICY);
  if (opts.json) stdout.write(safeJson(report, 2) + '\n');
  else stdout.write(renderText(report, { palette: choosePalette(opts.color, stdout.isTTY === true, process.env), verbose: opts.verbose }));
  return exitCode(report);
}

/** Exit status: 0 nothing failed, 1 failures found, 6 nothing in the input is boot output bootwhy
 *  recognises (empty, or not a boot log): never 0, which would read as "booted fine". */
export const EXIT_UNRECOGNISED = 6;

export function exitCode(report: Report): number {
  if (report.verdict === 'failed') return 1;
  if (report.verdict === 'empty') return EXIT_UNRECOGNISED;
  // A damaged input (a compressed file cut short) was read only in part: not a clean bill of health.
  if (report.degraded.some((d) => d.code === 'damaged-input')) return 2;
  return 0;
}
