/** The policy for a log applied to its report; YAML and zod are loaded only when a policy exists. */
import type { FailOn } from '../parsers/diagnose/policy.js';
import type { Report } from '../parsers/report/schema.js';
import { findConfig } from './config-find.js';

export interface PolicyOptions {
  /** --config FILE (null: the bootwhy.yaml nearest above each log, if any). */
  config: string | null;
  /** --fail-on, over the file's. */
  failOn: readonly FailOn[] | null;
}

export const NO_POLICY: PolicyOptions = { config: null, failOn: null };

/** Throws an InputError (`file:line: what is wrong`) for a bad policy file. */
export async function withPolicy(report: Report, log: string, opts: PolicyOptions): Promise<Report> {
  if (opts.config === null && opts.failOn === null && findConfig(log) === null) return report;
  const [{ policyFor }, { applyPolicy }] = await Promise.all([import('./config.js'), import('../parsers/diagnose/policy.js')]);
  const policy = policyFor(log, opts);
  return policy === null ? report : applyPolicy(report, policy);
}
