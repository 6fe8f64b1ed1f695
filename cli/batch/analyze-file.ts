/**
 * One input of a batch, read, analysed and written out in the run's format, where it was analysed (a
 * worker thread): what goes back to the main thread is text and a summary, not the report (copying and
 * formatting every report in one thread made two cores slower than one).
 */
import { Analyzer } from '../../parsers/index.js';
import type { Report } from '../../parsers/report/schema.js';
import { EXIT, exitForReport } from '../exit-codes.js';
import { InputError } from '../errors.js';
import { FORMATS, summarise, type FormatContext, type FormatName, type Summary } from '../reporters/formats.js';
import { readInput } from '../sources/read-input.js';
import { NO_POLICY, applyPolicyTo, patternsOf, policyForLog, type PolicyOptions } from '../policy.js';
import type { Policy } from '../../parsers/diagnose/policy.js';

export type FileResult = { path: string; report: Report; error: null } | { path: string; report: null; error: string };

/** A file done: its text in the run's format, its summary, its exit code and size. */
export interface FileOutcome {
  path: string;
  error: string | null;
  out: string;
  summary: Summary;
  code: number;
  bytes: number;
}

export interface FormatJob {
  format: FormatName;
  ctx: FormatContext;
  policy: PolicyOptions;
}

export async function analyzeFile(path: string, policyOpts: PolicyOptions = NO_POLICY): Promise<FileResult> {
  let policy: Policy | null;
  try {
    policy = await policyForLog(path, policyOpts);
  } catch (err) {
    return { path, report: null, error: err instanceof Error ? err.message : String(err) };
  }
  const analyzer = new Analyzer({ name: path === '-' ? 'standard input' : path, patterns: patternsOf(policy) });
  try {
    await readInput(path, analyzer);
  } catch (err) {
    return { path, report: null, error: err instanceof InputError ? err.message : `${path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  return { path, report: await applyPolicyTo(analyzer.end(), policy), error: null };
}

export async function processFile(path: string, job: FormatJob): Promise<FileOutcome> {
  const result = await analyzeFile(path, job.policy);
  return {
    path,
    error: result.error,
    out: FORMATS[job.format]().each(result, job.ctx),
    summary: summarise(result),
    code: result.report === null ? EXIT.error : exitForReport(result.report),
    bytes: result.report?.input.bytes ?? 0,
  };
}
