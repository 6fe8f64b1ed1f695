#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=192 --interrupt-budget=300000 --max-inlined-bytecode-size-cumulative=300
/** bootwhy: reads a Linux machine's boot console output and says what happened and why.
 *  The shebang's heap flags make V8 collect early: the analyzer retains a bounded few MiB, and without
 *  them V8 lets garbage grow the process to ~150 MiB on long inputs before collecting. Its tier-up flags
 *  (a larger interrupt budget, less inlining) make V8 optimise less of the grammar's rarely hot code and
 *  recompile less after deoptimisations: on 500 corpus logs in one run, CPU time fell from 7.1 to 3.9 s on
 *  one core and the wall time on two from 5.3 to 2.9 s, with single-log throughput unchanged
 *  (`npm run bench -- batch`, `npm run bench`). */
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { VERSION } from '../parsers/diagnose/report.js';
import { analyzeCommand } from './commands/analyze.js';
import { parseDuration, parseUntil, watchCommand } from './commands/watch.js';
import { InputError, UsageError } from './errors.js';
import type { PolicyOptions } from './policy.js';
import { forgetCi } from './tui/ci.js';
import { safeText } from './terminal-safe.js';
import { EXIT } from './exit-codes.js';

const USAGE = `Usage: bootwhy [analyze] <file|->  [--json] [--verbose] [--color=auto|always|never]
       bootwhy [analyze] FILE|DIR|'GLOB'...  [--format text|json|ndjson|markdown|github|junit|svg] [--jobs N]
                                many logs in one run, on the cores; a summary at the end, the worst exit code
                                (svg: one log as a chart of its boots, phases, failures and slowest starts)
       bootwhy ... [--config bootwhy.yaml] [--fail-on failed,emergency,crash,degraded,any]
                                a policy: failures expected on these machines, what fails the run
       bootwhy watch SOURCE     [--json] [--save FILE] [--until login|emergency|panic|failed|cycle=N]
                                [--timeout 90s] [--once]
                                SOURCE: /dev/pts/N or /dev/ttyS0, unix:PATH, tcp:HOST:PORT, a growing file, -
       bootwhy tui SOURCE       [--save FILE] [--follow] [--once]
                                full-screen view of a live console or a saved log; prints the report on exit
       bootwhy diff GOOD BAD  [--json]   a failing boot held against one that worked: what failed only in BAD,
       bootwhy diff LOG --cycles A B     targets never reached, slower units, the first point they diverge
       bootwhy schema [--events]  print the JSON Schema of the --json report (--events: of watch --json's lines)
       bootwhy --help | --version

Reads a boot console log (a saved serial console, or '-' for standard input, as in
'virsh console vm | bootwhy -') and reports its kernel boots, systemd userspace cycles,
what failed and the root cause, with the line numbers that prove it.

Exit status: 0 nothing failed (watch: the --until condition was met), 1 failures found,
2 usage or input error, 6 nothing in the input is boot output bootwhy recognises (empty, or not
a boot log); watch also: 3 emergency/rescue mode or an initrd shell, 4 kernel panic (while
waiting for something else), 5 --timeout ran out.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      color: { type: 'string', default: 'auto' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', default: false },
      save: { type: 'string' },
      until: { type: 'string' },
      timeout: { type: 'string' },
      once: { type: 'boolean', default: false },
      follow: { type: 'boolean', default: false },
      format: { type: 'string' },
      jobs: { type: 'string' },
      config: { type: 'string' },
      events: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      cycles: { type: 'string', multiple: true },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return EXIT.ok;
  }
  if (values.version) {
    process.stdout.write(`bootwhy ${VERSION}\n`);
    return EXIT.ok;
  }
  const color = values.color;
  if (color !== 'auto' && color !== 'always' && color !== 'never') throw new UsageError(`--color must be auto, always or never, not '${color}'`);
  const [first, ...rest] = positionals;
  if (first === 'schema') {
    if (rest.length > 0) throw new UsageError('schema takes no arguments');
    // Loaded only here: the schema (zod) is not needed to analyse a log.
    const { schemaCommand } = await import('./commands/schema.js');
    return schemaCommand(process.stdout, values.events);
  }
  if (first === 'diff') {
    const { diffCommand } = await import('./commands/diff.js');
    // `--cycles 1 2` (the second number a positional) or `--cycles 1 --cycles 2` or `--cycles 1,2`.
    let inputs = rest;
    let cycles: [number, number] | null = null;
    if (values.cycles !== undefined) {
      const nums = values.cycles.flatMap((v) => v.split(','));
      if (nums.length === 1 && rest.length > 0 && /^\d+$/.test(rest.at(-1)!)) {
        nums.push(rest.at(-1)!);
        inputs = rest.slice(0, -1);
      }
      if (nums.length !== 2 || !nums.every((n) => /^\d+$/.test(n) && Number(n) >= 1)) throw new UsageError(`--cycles takes two cycle numbers (GOOD BAD), not '${values.cycles.join(' ')}'`);
      cycles = [Number(nums[0]), Number(nums[1])];
    }
    return diffCommand({ inputs, cycles, json: values.json, color }, process.stdout);
  }
  if (values.cycles !== undefined) throw new UsageError('--cycles is an option of diff');
  const policy: PolicyOptions = { config: values.config ?? null, failOn: null };
  if (values['fail-on'] !== undefined) {
    const { parseFailOn } = await import('./config.js');
    policy.failOn = parseFailOn(values['fail-on']);
  }
  if (policy.config !== null && !(await fs.stat(policy.config).catch(() => null))?.isFile()) throw new InputError(`${policy.config}: no such policy file`);
  if (first === 'watch') {
    if (rest.length !== 1) throw new UsageError('watch takes one SOURCE');
    return watchCommand(
      {
        source: rest[0]!,
        json: values.json,
        color,
        save: values.save ?? null,
        until: values.until !== undefined ? parseUntil(values.until) : null,
        timeoutMs: values.timeout !== undefined ? parseDuration(values.timeout) : null,
        once: values.once,
        policy,
      },
      process.stdout,
    );
  }
  if (first === 'tui') {
    if (rest.length !== 1) throw new UsageError('tui takes one SOURCE');
    if (values.json || values.until !== undefined || values.timeout !== undefined) throw new UsageError('--json, --until and --timeout are options of watch');
    if (!process.stdout.isTTY) throw new UsageError('tui needs a terminal; use bootwhy watch or bootwhy analyze for pipes and files');
    // ink reads the CI hint when it is loaded: drop it first (see ci.ts), then load the UI.
    forgetCi();
    // React picks its build from NODE_ENV when it is loaded. The development build times every render of
    // a component whose props changed with performance.measure, and Node keeps every measure (with its
    // props diff) in its performance timeline until cleared: about 1 MiB a second while the console moves,
    // without bound. A person running bootwhy is not developing React components.
    process.env['NODE_ENV'] = 'production';
    // ink colours through chalk, which reads FORCE_COLOR (not NO_COLOR) when it is loaded.
    const noColour = color === 'never' || (color === 'auto' && (process.env['NO_COLOR'] ?? '') !== '');
    if (noColour) process.env['FORCE_COLOR'] = '0';
    else if (color === 'always') process.env['FORCE_COLOR'] = '3';
    const { tuiCommand } = await import('./tui/run.js');
    return tuiCommand({ source: rest[0]!, color, save: values.save ?? null, follow: values.follow, once: values.once, policy }, process.stdout);
  }
  if (values.follow) throw new UsageError('--follow is an option of tui (watch always follows)');
  if (values.save !== undefined || values.until !== undefined || values.timeout !== undefined || values.once) {
    throw new UsageError('--save, --until, --timeout and --once are options of watch');
  }
  const args = first === 'analyze' ? rest : positionals;
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (values.format !== undefined && values.json && values.format !== 'json') throw new UsageError(`--json is --format json; it cannot go with --format ${values.format}`);
  if (!isFormatName(format)) throw new UsageError(`--format must be text, json, ndjson, markdown, github, junit or svg, not '${format}'`);
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not '${values.jobs}'`);
  }
  // A picture is of one log.
  if (format === 'svg' && (args.length > 1 || (args.length === 1 && (await isBatchInput(args[0]!))))) throw new UsageError('--format svg draws one log: give one input');
  // Many inputs (several, a directory, a glob) or a CI format: the batch command.
  if (args.length > 1 || (format !== 'text' && format !== 'json') || jobs !== undefined || (args.length === 1 && (await isBatchInput(args[0]!)))) {
    const { batchCommand } = await import('./commands/batch.js');
    return batchCommand({ inputs: args.length === 0 ? ['-'] : args, format, verbose: values.verbose, color, policy, ...(jobs !== undefined ? { jobs } : {}) }, process.stdout);
  }
  let source = args[0];
  if (source === undefined) {
    if (process.stdin.isTTY) throw new UsageError('no input: give a log file, or - to read standard input');
    source = '-';
  }
  return analyzeCommand({ source, json: format === 'json', verbose: values.verbose, color, policy }, process.stdout);
}

/** The --format names (cli/reporters/formats.ts holds the formats; it is loaded only for a batch). */
const FORMAT_NAMES = ['text', 'json', 'ndjson', 'markdown', 'github', 'junit', 'svg'] as const;
function isFormatName(name: string): name is (typeof FORMAT_NAMES)[number] {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** A directory or a glob stands for many inputs. */
async function isBatchInput(arg: string): Promise<boolean> {
  if (arg === '-') return false;
  if (/[*?[]/.test(arg)) {
    // A file whose name has a wildcard character is that file.
    const stat = await fs.stat(arg).catch(() => null);
    return stat === null;
  }
  const stat = await fs.stat(arg).catch(() => null);
  return stat?.isDirectory() === true;
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // A closed pipe (`bootwhy log | head`) or a terminal that hung up (EIO) is not an error of ours.
  if (err.code === 'EPIPE' || err.code === 'EIO') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A message may quote a path or a guest's text: nothing in it may steer the terminal.
    const say = (text: string): void => void process.stderr.write(text.split('\n').map(safeText).join('\n'));
    if (err instanceof UsageError) {
      say(`bootwhy: ${err.message}\n${USAGE.split('\n')[0]}\n`);
    } else if (err instanceof InputError) {
      say(`bootwhy: ${err.message}\n`);
    } else if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument is ambiguous/.test(err.message)) {
      // `--timeout -5`: parseArgs takes the value for an option.
      const opt = /'(--\w+)/.exec(err.message)?.[1] ?? 'an option';
      say(`bootwhy: ${opt} needs a value, and a value starting with '-' is not one (${opt}=VALUE if you mean it)\n${USAGE.split('\n')[0]}\n`);
    } else if (err instanceof Error && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      say(`bootwhy: ${err.message.split(/\.\s/)[0]}\n${USAGE.split('\n')[0]}\n`);
    } else {
      const msg = err instanceof Error ? err.message : String(err);
      say(`bootwhy: internal error: ${msg.split('\n')[0]}\n`);
      if (process.env['BOOTWHY_DEBUG']) console.error(err);
    }
    process.exitCode = EXIT.error;
  },
);
