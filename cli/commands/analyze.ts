/** `bootwhy analyze <file|->`: read a whole log, print the report, exit 0 (ok) or 1 (failures found). */
import { Analyzer } from '../../parsers/index.js';
import { renderText } from '../reporters/text.js';
import { readInput } from '../sources/read-input.js';
import { NO_POLICY, applyPolicyTo, patternsOf, policyForLog, type PolicyOptions } from '../policy.js';
import { choosePalette, safeJson } from '../terminal-safe.js';
import { exitForReport } from '../exit-codes.js';

export interface AnalyzeOptions {
  source: string;
  json: boolean;
  verbose: boolean;
  color: 'auto' | 'always' | 'never';
  policy?: PolicyOptions;
}

export async function analyzeCommand(opts: AnalyzeOptions, stdout: NodeJS.WriteStream): Promise<number> {
  const policy = await policyForLog(opts.source, opts.policy ?? NO_POLICY);
  const analyzer = new Analyzer({ name: opts.source === '-' ? 'standard input' : opts.source, patterns: patternsOf(policy) });
  await readInput(opts.source, analyzer);
  const report = await applyPolicyTo(analyzer.end(), policy);
  if (opts.json) stdout.write(safeJson(report, 2) + '\n');
  else stdout.write(renderText(report, { palette: choosePalette(opts.color, stdout.isTTY === true, process.env), verbose: opts.verbose, width: stdout.isTTY === true ? stdout.columns : 80 }));
  return exitForReport(report);
}

