/**
 * `bootwhy a.log b.log dir/ 'artifacts/**\/console*.txt'`: many inputs in one process, on all cores,
 * reported in input order in one format, with a summary at the end and the worst exit code of them all.
 * An input that cannot be read is one error line; the run goes on.
 */
import { appendFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { expandInputs } from '../batch/expand.js';
import { findConfig } from '../config-find.js';
import type { PolicyOptions } from '../policy.js';
import { analyzeAll } from '../batch/pool.js';
import type { FileOutcome } from '../batch/analyze-file.js';
import { FORMATS, markdownSummary, type FormatContext, type FormatName, type Summary } from '../reporters/formats.js';
import { safeText } from '../terminal-safe.js';
import { EXIT, worse } from '../exit-codes.js';

export interface BatchOptions {
  inputs: readonly string[];
  format: FormatName;
  verbose: boolean;
  color: 'auto' | 'always' | 'never';
  jobs?: number;
  policy: PolicyOptions;
}


export async function batchCommand(opts: BatchOptions, stdout: Writable & { isTTY?: boolean }, stderr: NodeJS.WriteStream = process.stderr): Promise<number> {
  const { paths, errors } = await expandInputs(opts.inputs);
  let code = 0;
  for (const e of errors) {
    stderr.write(`bootwhy: ${safeText(e)}\n`);
    code = worse(code, EXIT.error);
  }
  // Nothing readable was named: the error lines say why; no empty table.
  if (paths.length === 0) return EXIT.error;
  // A policy file with a mistake stops the run before anything is read (one line, exit 2).
  const configs = new Set(paths.map((p) => opts.policy.config ?? findConfig(p)).filter((f): f is string => f !== null));
  if (configs.size > 0) {
    const { loadConfig } = await import('../config.js');
    for (const f of configs) loadConfig(f);
  }
  const format = FORMATS[opts.format]();
  const ctx: FormatContext = { verbose: opts.verbose, color: opts.color, isTTY: stdout.isTTY === true, env: { NO_COLOR: process.env['NO_COLOR'] ?? '' } };
  const rows: Summary[] = [];
  const progress = stderr.isTTY === true && paths.length > 1;
  const started = Date.now();
  let bytes = 0;
  const onDone = (outcome: FileOutcome, done: number): void => {
    bytes += outcome.bytes;
    if (!progress) return;
    const mbs = bytes / 1048576 / Math.max(0.001, (Date.now() - started) / 1000);
    stderr.write(`\r\u001b[K${done}/${paths.length} files, ${mbs.toFixed(1)} MB/s`);
  };
  let written = 0;
  for await (const outcome of analyzeAll(paths, { format: opts.format, ctx, policy: opts.policy }, { ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}), onDone })) {
    if (outcome.error !== null && opts.format !== 'github' && opts.format !== 'ndjson' && opts.format !== 'json') {
      stderr.write(`${progress ? '\r\u001b[K' : ''}bootwhy: ${safeText(outcome.error)}\n`);
    }
    code = worse(code, outcome.code);
    const sep = written === 0 ? (format.begin ?? '') : (format.separator ?? '');
    if (outcome.out !== '') {
      await write(stdout, sep + outcome.out);
      written++;
    }
    rows.push(outcome.summary);
  }
  if (progress) stderr.write('\r\u001b[K');
  await write(stdout, format.end(rows, ctx));
  // On GitHub Actions the github format also leaves the Markdown summary on the run's page.
  const summaryFile = process.env['GITHUB_STEP_SUMMARY'];
  if (opts.format === 'github' && summaryFile !== undefined && summaryFile !== '') {
    try {
      appendFileSync(summaryFile, markdownSummary(rows));
    } catch (err) {
      stderr.write(`bootwhy: cannot append to GITHUB_STEP_SUMMARY (${safeText(err instanceof Error ? err.message : String(err))})\n`);
    }
  }
  return code;
}

/** Writes and waits for the stream to take it (a slow reader must not make memory grow). */
function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve);
  });
}
