/**
 * `bootwhy watch SOURCE`: attach to a running machine's console and report findings as they arrive;
 * reconnect when the source goes away; stop on --until / --timeout with a distinct exit code.
 */
import { Analyzer } from '../../parsers/index.js';
import type { AnalyzerEvent, Report } from '../../parsers/report/schema.js';
import { renderText } from '../reporters/text.js';
import { describeSource, parseSource } from '../sources/live.js';
import { LiveSession } from '../sources/session.js';
import { choosePalette, safeJson, safeText, type Palette } from '../terminal-safe.js';
import { InputError, UsageError } from '../errors.js';
import { EXIT, exitForReport } from '../exit-codes.js';
import { NO_POLICY, applyPolicyTo, patternsOf, policyAnchor, policyForLog, type PolicyOptions } from '../policy.js';


export type Until = { kind: 'login' | 'emergency' | 'panic' | 'failed' } | { kind: 'cycle'; n: number };

export interface WatchOptions {
  source: string;
  json: boolean;
  color: 'auto' | 'always' | 'never';
  save: string | null;
  until: Until | null;
  timeoutMs: number | null;
  once: boolean;
  /** The policy (bootwhy.yaml, --config, --fail-on): its patterns are tried on every line, and the final
   *  report and the exit status are decided by it. */
  policy?: PolicyOptions;
}

export function parseUntil(text: string): Until {
  const m = /^cycle=(\d+)$/.exec(text);
  if (m) return { kind: 'cycle', n: Number(m[1]) };
  if (text === 'login' || text === 'emergency' || text === 'panic' || text === 'failed') return { kind: text };
  throw new UsageError(`--until must be login, emergency, panic, failed or cycle=N, not '${text}'`);
}

export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  if (!m) throw new UsageError(`--timeout takes a duration such as 90s, 5m or 1h, not '${text}'`);
  const unit = { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? 's']!;
  return Number(m[1]) * unit;
}

export async function watchCommand(opts: WatchOptions, stdout: NodeJS.WriteStream): Promise<number> {
  const spec = await parseSource(opts.source);
  const name = describeSource(spec);
  const palette = choosePalette(opts.color, stdout.isTTY === true, process.env);
  const started = Date.now();
  const seconds = (): number => Math.round((Date.now() - started) / 10) / 100;
  const out = (line: string): void => void stdout.write(line + '\n');

  let decided: number | null = null;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const decide = (code: number): void => {
    if (decided === null) {
      decided = code;
      finish();
    }
  };

  const onEvent = (e: AnalyzerEvent): void => {
    if (opts.json) out(safeJson({ ...e, t: seconds() }));
    else out(describeEvent(e, seconds(), palette));
    const u = opts.until;
    if (e.type === 'login' && u?.kind === 'login') decide(EXIT.ok);
    // Fail fast: while waiting for something else, emergency mode or a panic ends the wait.
    if (e.type === 'emergency' && u) decide(u.kind === 'emergency' ? EXIT.ok : EXIT.emergency);
    if (e.type === 'crash' && e.kind === 'panic' && u) decide(u.kind === 'panic' ? EXIT.ok : EXIT.panic);
    if (e.type === 'failure' && u?.kind === 'failed') decide(EXIT.ok);
    if (e.type === 'cycle' && u?.kind === 'cycle' && e.cycle >= u.n) decide(EXIT.ok);
  };
  const policy = await policyForLog(policyAnchor(opts.source), opts.policy ?? NO_POLICY);
  const analyzer = new Analyzer({ name, onEvent, patterns: patternsOf(policy) });
  const status = (text: string): void => {
    if (opts.json) out(safeJson({ type: 'source', t: seconds(), message: text }));
    else out(palette.dim(`[${seconds().toFixed(1)} s] ${safeText(text)}`));
  };
  const session = new LiveSession({
    spec,
    analyzer,
    onStatus: status,
    once: opts.once,
    save: opts.save,
    onSaveError: (message) => {
      process.stderr.write(`bootwhy: ${safeText(message)}\n`);
      decide(EXIT.error);
    },
  });
  // A prompt waits without a newline: look at the unfinished line once the console goes quiet.
  const idle = setInterval(() => {
    if (Date.now() - session.lastData > 250) analyzer.checkPartialLine();
  }, 250);
  const timer = opts.timeoutMs !== null ? setTimeout(() => decide(EXIT.timeout), opts.timeoutMs) : null;
  const interrupt = (): void => decide(-1);
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const running = session.run().then(() => decide(-2));
  await finished;
  clearInterval(idle);
  if (timer) clearTimeout(timer);
  process.removeListener('SIGINT', interrupt);
  process.removeListener('SIGTERM', interrupt);
  await session.close();
  await running;
  // --once on a source that never answered: an input error, not an empty log.
  if (session.unreachable !== null && session.bytes === 0 && (decided === -1 || decided === -2)) throw new InputError(`${name}: ${session.unreachable}`);

  const report = await applyPolicyTo(analyzer.end(), policy);
  if (opts.json) out(safeJson({ type: 'report', t: seconds(), report }));
  else stdout.write('\n' + renderText(report, { palette, verbose: false }));
  if (decided === -1 || decided === -2) return exitForReport(report);
  return decided!;
}


function describeEvent(e: AnalyzerEvent, t: number, p: Palette): string {
  const at = p.dim(`[${t.toFixed(1)} s] line ${e.line}:`);
  switch (e.type) {
    case 'boot':
      return `${at} ${p.bold(`boot ${e.boot}`)} (${e.reason.replace('-', ' ')})`;
    case 'cycle':
      return `${at} ${p.bold(`userspace cycle ${e.cycle}`)}${e.start === 'soft-reboot' ? ' after a soft-reboot' : ''}`;
    case 'phase':
      return `${at} phase ${e.phase}`;
    case 'failure':
      return `${at} ${e.kind === 'dependency' ? p.yellow('DEPEND') : p.red(e.kind.toUpperCase())} ${safeText(e.unit)}`;
    case 'job':
      return `${at} waiting on ${safeText(e.unit)} (${safeText(e.elapsed)} / ${safeText(e.limit)})`;
    case 'emergency':
      return `${at} ${p.red(`${e.kind} mode`)}`;
    case 'crash':
      return `${at} ${p.red(safeText(e.title))}`;
    case 'login':
      return `${at} ${p.green('login prompt')}`;
    case 'gap':
      return `${at} ${p.yellow('gap')}: the source was away (${safeText(e.reason)}${e.seconds !== null ? `, ${e.seconds.toFixed(1)} s` : ''}); bytes sent meanwhile are missing`;
  }
}
