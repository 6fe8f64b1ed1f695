/**
 * Output formats, one row each: how a batch of reports is written. `text` and `json` of a single input are
 * the analyze command's own (cli/commands/analyze.ts); every format here handles one input or many.
 * Guest text is untrusted in every one of them: it goes through safeText/safeJson, and each format's own
 * escaping (Markdown, GitHub workflow commands) on top.
 */
import type { Report, RootCause } from '../../parsers/report/schema.js';
import type { FileResult } from '../batch/analyze-file.js';
import { choosePalette, safeJson, safeText } from '../terminal-safe.js';
import { renderSvg } from './svg.js';
import { xmlText } from './xml.js';
import { renderText } from './text.js';

export interface FormatContext {
  verbose: boolean;
  color: 'auto' | 'always' | 'never';
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export interface Format {
  /** Written before the first input's text, and between two inputs' texts (a JSON array's brackets and commas). */
  begin?: string;
  separator?: string;
  /** Written for each input, in input order (made where the input was analysed: no state). */
  each(result: FileResult, ctx: FormatContext): string;
  /** Written once after the last input. */
  end(results: readonly Summary[], ctx: FormatContext): string;
}

/** What the end of a run needs of each input (reports themselves are not kept: memory stays bounded). */
export interface Summary {
  path: string;
  error: string | null;
  verdict: Report['verdict'] | 'error';
  boots: number;
  cycles: number;
  cause: string | null;
  causeLine: number | null;
  /** Markdown details of each failed cycle or boot (for `markdown` and GitHub's step summary). */
  details: string;
}

/** Root causes of a report in line order, boot-level and cycle-level together. */
export function rootCauses(report: Report): Array<{ where: string; cause: RootCause }> {
  const out: Array<{ where: string; cause: RootCause; line: number }> = [];
  for (const b of report.boots) {
    if (b.rootCause) out.push({ where: `boot ${b.index}`, cause: b.rootCause, line: Math.min(...b.rootCause.lines, Infinity) });
    for (const c of b.cycles) if (c.rootCause) out.push({ where: `boot ${b.index}, cycle ${c.index}`, cause: c.rootCause, line: Math.min(...c.rootCause.lines, Infinity) });
  }
  return out.sort((a, b) => a.line - b.line);
}

export function summarise(result: FileResult): Summary {
  if (result.report === null) return { path: result.path, error: result.error, verdict: 'error', boots: 0, cycles: 0, cause: null, causeLine: null, details: '' };
  const r = result.report;
  const causes = rootCauses(r);
  const first = causes[0];
  return {
    path: result.path,
    error: null,
    verdict: r.verdict,
    boots: r.boots.length,
    cycles: r.boots.reduce((n, b) => n + b.cycles.length, 0),
    cause: first ? `${first.cause.unit ?? first.cause.kind}: ${first.cause.headline}` : null,
    causeLine: first ? (first.cause.lines[0] ?? null) : null,
    details: causes.map((c) => markdownDetails(result.path, c.where, c.cause)).join(''),
  };
}

// ---- text -----------------------------------------------------------------------------------------

const text: Format = {
  each(result, ctx) {
    const head = `==> ${safeText(result.path)} <==\n`;
    if (result.report === null) return `${head}bootwhy: ${safeText(result.error)}\n\n`;
    return head + renderText(result.report, { palette: choosePalette(ctx.color, ctx.isTTY, ctx.env), verbose: ctx.verbose }) + '\n';
  },
  end(rows) {
    const verdictWord = (v: Summary['verdict']): string => (v === 'failed' ? 'FAILED' : v === 'ok' ? 'OK' : v === 'empty' ? 'EMPTY' : 'ERROR');
    const width = Math.min(60, Math.max(4, ...rows.map((r) => r.path.length)));
    const cut = (s: string, n: number): string => (s.length > n ? '…' + s.slice(s.length - n + 1) : s);
    const lines = [`${'file'.padEnd(width)}  verdict  boots  cycles  root cause`];
    for (const r of rows) {
      const cause = r.error ?? r.cause ?? '';
      lines.push(`${safeText(cut(r.path, width)).padEnd(width)}  ${verdictWord(r.verdict).padEnd(7)}  ${String(r.boots).padStart(5)}  ${String(r.cycles).padStart(6)}  ${safeText(cause).slice(0, 160)}`);
    }
    const count = (v: Summary['verdict']): number => rows.filter((r) => r.verdict === v).length;
    lines.push(`${rows.length} inputs: ${count('failed')} failed, ${count('ok')} ok, ${count('empty')} not boot logs, ${count('error')} unreadable`);
    return lines.join('\n') + '\n';
  },
};

// ---- json / ndjson --------------------------------------------------------------------------------

/** One report per line; an unreadable input is `{"input": …, "error": …}`. */
const ndjson: Format = {
  each(result) {
    return (result.report === null ? safeJson({ input: result.path, error: result.error }) : safeJson(result.report)) + '\n';
  },
  end() {
    return '';
  },
};

/** One JSON array of reports (an unreadable input is `{"input": …, "error": …}` in its place). */
const json: Format = {
  begin: '[\n',
  separator: ',\n',
  each(result) {
    return result.report === null ? safeJson({ input: result.path, error: result.error }, 2) : safeJson(result.report, 2);
  },
  end(rows) {
    return rows.length === 0 ? '[]\n' : '\n]\n';
  },
};

// ---- markdown -------------------------------------------------------------------------------------

/** Text safe in Markdown prose and table cells: no HTML, no table breaks, no emphasis runs. */
export function mdText(s: string): string {
  return safeText(s).replace(/[\\`*_[\]<>|&#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '|' ? '\\|' : `\\${c}`));
}

/** A fenced code block whose fence no line of the content can close. */
function mdCode(lines: readonly string[]): string {
  const body = lines.map(safeText).join('\n');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}\n`;
}

function cascadeLines(node: RootCause['cascade'], depth = 0, out: string[] = []): string[] {
  if (node === null || out.length >= 40) return out;
  out.push(`${'  '.repeat(depth)}${depth === 0 ? '' : '└─ '}${node.unit}  ${node.kind} line ${node.line}`);
  for (const c of node.children) cascadeLines(c, depth + 1, out);
  return out;
}

function markdownDetails(path: string, where: string, cause: RootCause): string {
  const evidence = cause.evidence.slice(0, 12).map((e) => `line ${e.line}: ${e.text}`);
  const cascade = cascadeLines(cause.cascade);
  return (
    `<details><summary>${mdText(path)} — ${mdText(where)}: ${mdText(cause.headline)}</summary>\n\n` +
    `Evidence:\n\n${mdCode(evidence)}\n` +
    (cascade.length > 1 ? `Cascade:\n\n${mdCode(cascade)}\n` : '') +
    `</details>\n\n`
  );
}

export function markdownSummary(rows: readonly Summary[]): string {
  const icon = (v: Summary['verdict']): string => (v === 'failed' ? '❌ failed' : v === 'ok' ? '✅ ok' : v === 'empty' ? '⚠️ not a boot log' : '⚠️ unreadable');
  const out = ['## bootwhy', '', '| Log | Verdict | Boots | Cycles | Root cause |', '|---|---|---:|---:|---|'];
  for (const r of rows) out.push(`| ${mdText(r.path)} | ${icon(r.verdict)} | ${r.boots} | ${r.cycles} | ${mdText(r.error ?? r.cause ?? '')} |`);
  out.push('', ...rows.map((r) => r.details).filter((d) => d !== ''));
  return out.join('\n') + '\n';
}

const markdown: Format = {
  each() {
    return '';
  },
  end(rows) {
    return markdownSummary(rows);
  },
};

// ---- github ---------------------------------------------------------------------------------------

/** A workflow command's message: `%`, CR and LF escaped as GitHub's runner reads them. */
export function ghData(s: string): string {
  return safeText(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`. */
export function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const github: Format = {
  each(result) {
    const file = ghProperty(result.path);
    if (result.report === null) return `::error file=${file},title=${ghProperty('bootwhy: unreadable input')}::${ghData(result.error)}\n`;
    const r = result.report;
    const out: string[] = [];
    const causeLines = new Set<number>();
    for (const { where, cause } of rootCauses(r)) {
      const line = cause.lines[0];
      if (line !== undefined) causeLines.add(line);
      const title = `bootwhy: ${cause.unit ?? cause.kind} (${where})`;
      // A root cause the policy expects or notes (the log is OK by it) is a warning, not an error.
      out.push(`::${r.verdict === 'failed' ? 'error' : 'warning'} file=${file}${line !== undefined ? `,line=${line}` : ''},title=${ghProperty(title)}::${ghData(cause.headline)}`);
    }
    for (const b of r.boots) {
      for (const c of b.crashes) {
        const severity = r.policy?.severity[c.kind] ?? 'fail';
        if (causeLines.has(c.line) || severity === 'ignore') continue;
        out.push(`::${severity === 'fail' ? 'error' : 'warning'} file=${file},line=${c.line},title=${ghProperty(`bootwhy: kernel ${c.kind} (boot ${b.index})`)}::${ghData(c.title)}`);
      }
    }
    for (const m of r.matches) {
      if (m.severity === 'ignore') continue;
      for (const l of m.lines) out.push(`::${m.severity === 'fail' ? 'error' : 'warning'} file=${file},line=${l.line},title=${ghProperty(`bootwhy: ${m.title}`)}::${ghData(l.text)}`);
    }
    if (r.verdict === 'failed' && !out.some((l) => l.startsWith('::error'))) out.push(`::error file=${file},title=${ghProperty('bootwhy: failed')}::${ghData(r.headline)}`);
    if (r.verdict === 'empty') out.push(`::warning file=${file},title=${ghProperty('bootwhy: not a boot log')}::${ghData(r.headline)}`);
    for (const d of r.degraded) out.push(`::warning file=${file}${d.line !== null ? `,line=${d.line}` : ''},title=${ghProperty(`bootwhy: ${d.code}`)}::${ghData(d.message)}`);
    return out.length > 0 ? out.join('\n') + '\n' : '';
  },
  end(rows) {
    const count = (v: Summary['verdict']): number => rows.filter((r) => r.verdict === v).length;
    return `bootwhy: ${rows.length} inputs, ${count('failed')} failed, ${count('ok')} ok, ${count('empty')} not boot logs, ${count('error')} unreadable\n`;
  },
};

// ---- junit ----------------------------------------------------------------------------------------


function junitCase(classname: string, name: string, failure: { message: string; type: string; body: string } | null, error = false): string {
  const open = `    <testcase classname="${xmlText(classname)}" name="${xmlText(name)}" time="0"`;
  if (failure === null) return `${open}/>\n`;
  const tag = error ? 'error' : 'failure';
  return `${open}>\n      <${tag} message="${xmlText(failure.message)}" type="${xmlText(failure.type)}">${xmlText(failure.body)}</${tag}>\n    </testcase>\n`;
}

function causeBody(cause: RootCause | null, extra: readonly string[] = []): string {
  if (cause === null) return extra.join('\n');
  const lines = [...cause.evidence.slice(0, 12).map((e) => `line ${e.line}: ${e.text}`), ...extra];
  const cascade = cascadeLines(cause.cascade);
  if (cascade.length > 1) lines.push('', 'cascade:', ...cascade);
  return lines.join('\n');
}

/** One `<testsuite>` per input, one `<testcase>` per kernel boot and per userspace cycle (what Jenkins and GitLab read). */
const junit: Format = {
  begin: '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bootwhy">\n',
  each(result) {
    const suite = (cases: string[], failures: number, errors: number): string =>
      `  <testsuite name="${xmlText(result.path)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0">\n${cases.join('')}  </testsuite>\n`;
    if (result.report === null) return suite([junitCase(result.path, 'read the log', { message: result.error, type: 'input-error', body: result.error }, true)], 0, 1);
    const r = result.report;
    if (r.verdict === 'empty') return suite([junitCase(result.path, 'boot log', { message: r.headline, type: 'not-a-boot-log', body: r.degraded.map((d) => d.message).join('\n') }, true)], 0, 1);
    const cases: string[] = [];
    let failures = 0;
    // Under a policy that makes the log OK (expected failures, noted kinds), no testcase fails.
    const failing = r.verdict === 'failed';
    const fatal = (kind: string): boolean => (r.policy?.severity[kind] ?? 'fail') === 'fail';
    for (const b of r.boots) {
      const fatalCrashes = b.crashes.filter((c) => fatal(c.kind));
      const crashes = b.crashes.map((c) => `kernel ${c.kind} at line ${c.line}: ${c.title}${fatal(c.kind) ? '' : ' (noted by the policy)'}`);
      const bootFailed = failing && (b.rootCause !== null || fatalCrashes.length > 0 || (b.emergency !== null && fatal(b.emergency.kind)));
      if (bootFailed) failures++;
      const message = b.rootCause?.headline ?? (fatalCrashes[0] ? `kernel ${fatalCrashes[0].kind}: ${fatalCrashes[0].title}` : b.emergency ? `${b.emergency.kind} shell at line ${b.emergency.line}` : '');
      cases.push(junitCase(result.path, `boot ${b.index}`, bootFailed ? { message, type: b.rootCause?.kind ?? (fatalCrashes.length > 0 ? 'kernel-crash' : 'emergency'), body: causeBody(b.rootCause, crashes) } : null));
      for (const c of b.cycles) {
        const failed = failing && c.outcome !== 'ok' && c.outcome !== 'incomplete' && c.emergency?.requested !== true;
        if (failed) failures++;
        const message = c.rootCause?.headline ?? `${c.outcome}${c.emergency ? ` at line ${c.emergency.line}` : ''}`;
        cases.push(junitCase(result.path, `boot ${b.index} / cycle ${c.index} (${c.start})`, failed ? { message, type: c.rootCause?.kind ?? c.outcome, body: causeBody(c.rootCause) } : null));
      }
    }
    // The policy's own patterns that fail a run: one testcase each.
    for (const m of r.matches) {
      if (m.severity !== 'fail') continue;
      failures++;
      const body = m.lines.map((l) => `line ${l.line}: ${l.text}`).join('\n');
      cases.push(junitCase(result.path, `pattern: ${m.title}`, { message: `${m.title}: ${m.count} line${m.count === 1 ? '' : 's'}`, type: 'pattern', body }));
    }
    return suite(cases, failures, 0);
  },
  end() {
    return '</testsuites>\n';
  },
};

// ---- svg ------------------------------------------------------------------------------------------

/** One log as a chart (cli/reporters/svg.ts); the command lets it have one input only. */
const svg: Format = {
  each(result) {
    if (result.report !== null) return renderSvg(result.report);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="800" height="40"><text x="10" y="24" font-size="14">${xmlText(`bootwhy: ${result.path}: ${result.error ?? 'unreadable'}`)}</text></svg>\n`;
  },
  end() {
    return '';
  },
};

export const FORMATS = {
  text: () => text,
  json: () => json,
  ndjson: () => ndjson,
  markdown: () => markdown,
  github: () => github,
  junit: () => junit,
  svg: () => svg,
} as const satisfies Record<string, () => Format>;

export type FormatName = keyof typeof FORMATS;

export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
