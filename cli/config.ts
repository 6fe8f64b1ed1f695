/**
 * The policy file, `bootwhy.yaml`: found upward from the log's directory (or given with --config), read
 * as YAML and checked with zod; any mistake is one line, `file:line: what is wrong`, and exit 2.
 *
 *   expected:                      # failures this team expects on its machines (shown as expected)
 *     - unit: dev-ttyS1.device     # a unit name; * and ? match any characters
 *       reason: the board has one serial port
 *   fail-on: [failed, emergency, crash]   # what makes the exit status 1 (also --fail-on)
 *   severity:                      # per kind of finding, over fail-on: fail, note or ignore
 *     warning: note
 *   patterns:                      # the team's own findings: a regex on each console line
 *     - match: 'mmc\d+: error -110'
 *       title: SD card timed out
 *       severity: fail             # the default
 */
import { readFileSync } from 'node:fs';
import { findConfig } from './config-find.js';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DEFAULT_FAIL_ON, FINDING_KINDS, type FailOn, type Policy } from '../parsers/diagnose/policy.js';
import { InputError } from './errors.js';

const FAIL_ON = ['failed', 'emergency', 'crash', 'degraded', 'any'] as const;
const SEVERITIES = ['fail', 'note', 'ignore'] as const;

const ConfigFile = z
  .object({
    expected: z
      .array(
        z
          .object({
            unit: z.string().min(1, 'unit must name a unit (a glob: * and ? match)'),
            reason: z.string().min(1, 'reason must say why the failure is expected'),
          })
          .strict(),
      )
      .default([]),
    'fail-on': z.array(z.enum(FAIL_ON)).min(1).optional(),
    severity: z.partialRecord(z.enum(FINDING_KINDS), z.enum(SEVERITIES)).optional(),
    patterns: z
      .array(
        z
          .object({
            match: z.string().min(1, 'match must be a regular expression').refine(compiles, { message: 'match is not a valid regular expression' }),
            title: z.string().min(1, 'title must say what the match means'),
            severity: z.enum(SEVERITIES).default('fail'),
            'ignore-case': z.boolean().default(false),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Reads and checks a policy file; throws an InputError `file:line: what is wrong`. */
export function loadConfig(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: cannot read the policy file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const at = lines.linePos(first.pos[0]);
    throw new InputError(`${file}:${at.line}: ${first.message.split('\n')[0]}`);
  }
  const parsed = ConfigFile.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    // An unknown key first: it is usually the typo behind the other complaints.
    const issues = parsed.error.issues;
    const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
    const path = issue.path as Array<string | number>;
    let line = 1;
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const owner = doc.getIn(path, true);
    if (unknown !== undefined && isMap(owner)) {
      // The line of the unknown key itself.
      const pair = owner.items.find((it) => isScalar(it.key) && it.key.value === unknown);
      if (pair && isNode(pair.key) && pair.key.range) line = lines.linePos(pair.key.range[0]).line;
    } else {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) {
          line = lines.linePos(node.range[0]).line;
          break;
        }
      }
    }
    const where = path.length > 0 ? path.join('.') : 'the file';
    const what =
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')} (known: ${keysAt(path)})`
        : issue.code === 'invalid_type' && /received undefined/.test(issue.message)
          ? 'missing'
          : issue.message;
    throw new InputError(`${file}:${line}: ${where}: ${what}`);
  }
  const d = parsed.data;
  return {
    file,
    expected: d.expected,
    failOn: d['fail-on'] ?? DEFAULT_FAIL_ON,
    severity: d.severity ?? {},
    patterns: d.patterns.map((p) => ({ title: p.title, severity: p.severity, regex: new RegExp(p.match, p['ignore-case'] ? 'iu' : 'u') })),
  };
}

function keysAt(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'expected, fail-on, severity, patterns';
  if (path[0] === 'severity') return FINDING_KINDS.join(', ');
  return path[0] === 'patterns' ? 'match, title, severity, ignore-case' : 'unit, reason';
}

import type { PolicyOptions } from './policy.js';

const loaded = new Map<string, Policy>();
/** The policy for one log, or null for none (the default verdict). */
export function policyFor(log: string, opts: PolicyOptions): Policy | null {
  const file = opts.config ?? findConfig(log);
  if (file === null) return opts.failOn === null ? null : { file: null, expected: [], failOn: opts.failOn };
  let policy = loaded.get(file);
  if (policy === undefined) {
    policy = loadConfig(file);
    loaded.set(file, policy);
  }
  return opts.failOn === null ? policy : { ...policy, failOn: opts.failOn };
}

export function parseFailOn(value: string): FailOn[] {
  const parts = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const p of parts) if (!(FAIL_ON as readonly string[]).includes(p)) throw new InputError(`--fail-on takes ${FAIL_ON.join(', ')} (comma-separated), not '${p}'`);
  if (parts.length === 0) throw new InputError(`--fail-on takes ${FAIL_ON.join(', ')} (comma-separated)`);
  return parts as FailOn[];
}
