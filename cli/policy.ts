/** The policy for a log applied to its report; YAML and zod are loaded only when a policy exists. */
import type { FailOn, Policy } from '../parsers/diagnose/policy.js';
import type { Report } from '../parsers/report/schema.js';
import type { PatternDef } from '../parsers/index.js';
import { statSync } from 'node:fs';
import { findConfig } from './config-find.js';

export interface PolicyOptions {
  /** --config FILE (null: the bootwhy.yaml nearest above each log, if any). */
  config: string | null;
  /** --fail-on, over the file's. */
  failOn: readonly FailOn[] | null;
}

export const NO_POLICY: PolicyOptions = { config: null, failOn: null };

/** The policy for one log (null: none, the default verdict). Read before the log is, since its
 *  patterns are tried on every line. Throws an InputError (`file:line: what is wrong`) for a bad file. */
export async function policyForLog(log: string, opts: PolicyOptions): Promise<Policy | null> {
  if (opts.config === null && opts.failOn === null && findConfig(log) === null) return null;
  const { policyFor } = await import('./config.js');
  return policyFor(log, opts);
}

/** Where a live source's policy is looked for: a regular file's own directory, else the working one. */
export function policyAnchor(source: string): string {
  try {
    return statSync(source).isFile() ? source : '-';
  } catch {
    return '-';
  }
}

/** The Analyzer's patterns under a policy. */
export function patternsOf(policy: Policy | null): readonly PatternDef[] {
  return policy?.patterns ?? [];
}

export async function applyPolicyTo(report: Report, policy: Policy | null): Promise<Report> {
  if (policy === null) return report;
  const { applyPolicy } = await import('../parsers/diagnose/policy.js');
  return applyPolicy(report, policy);
}
