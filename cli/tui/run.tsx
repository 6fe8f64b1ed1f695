/**
 * `bootwhy tui SOURCE`: the full-screen UI on any source `watch` takes, or a saved log. On exit it prints
 * the report `analyze` prints, so nothing seen is lost.
 */
import { exitForReport } from '../exit-codes.js';
import { NO_POLICY, applyPolicyTo, patternsOf, policyAnchor, policyForLog, type PolicyOptions } from '../policy.js';
import type { PatternDef } from '../../parsers/index.js';
import { createReadStream, openSync } from 'node:fs';
import { Writable } from 'node:stream';
import { ReadStream } from 'node:tty';
import { render, type Instance } from 'ink';
import type { Report } from '../../parsers/index.js';
import { InputError, UsageError } from '../errors.js';
import { renderText } from '../reporters/text.js';
import { describeSource, parseSource } from '../sources/live.js';
import { LiveSession } from '../sources/session.js';
import { choosePalette } from '../terminal-safe.js';
import { App } from './app.js';
import { TuiModel } from './model.js';

export interface TuiOptions {
  source: string;
  color: 'auto' | 'always' | 'never';
  save: string | null;
  /** Keep reading a regular file as it grows instead of reading it once. */
  follow: boolean;
  once: boolean;
  /** The policy: its patterns are tried on every line; the report printed on exit is decided by it. */
  policy?: PolicyOptions;
  /** The policy's patterns (tuiCommand fills them in). */
  patterns?: readonly PatternDef[];
}

export interface Screen {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

const QUIT_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';

/**
 * ink ends its lines with LF and leaves CR to the terminal's output processing (ONLCR). When the keys are
 * read from /dev/tty, raw mode on it can leave that off, and every row then starts where the last one
 * ended: write CRLF ourselves (a terminal that adds CR anyway is unharmed).
 */
function withCrlf(real: NodeJS.WriteStream): NodeJS.WriteStream {
  const proxy = new Writable({
    write: (chunk: Buffer | string, _enc, done) => void real.write(String(chunk).replace(/\r?\n/g, '\r\n'), done),
  });
  // A terminal that reports no size (a serial console, a pty nobody sized) reads as 80×24, as the App
  // lays it out: ink would otherwise ask terminal-size on every frame, which opens /dev/tty and never
  // closes it (an fd and a tty.WriteStream a frame), and clear the whole screen on every frame.
  Object.defineProperty(proxy, 'columns', { get: () => real.columns || 80 });
  Object.defineProperty(proxy, 'rows', { get: () => real.rows || 24 });
  Object.defineProperty(proxy, 'isTTY', { value: true });
  real.on('resize', () => proxy.emit('resize'));
  return proxy as unknown as NodeJS.WriteStream;
}

export async function tuiCommand(opts: TuiOptions, stdout: NodeJS.WriteStream): Promise<number> {
  if (!stdout.isTTY) throw new UsageError('tui needs a terminal; use bootwhy watch or bootwhy analyze for pipes and files');
  const spec = await parseSource(opts.source);
  const keys = keyboard(spec.kind === 'stdin');
  try {
    const policy = await policyForLog(policyAnchor(opts.source), opts.policy ?? NO_POLICY);
    const tui = await startTui({ ...opts, patterns: patternsOf(policy) }, { stdout: withCrlf(stdout), stdin: keys });
    const report = await applyPolicyTo(await tui.done, policy);
    const palette = choosePalette(opts.color, true, process.env);
    stdout.write(renderText(report, { palette, verbose: false }));
    return exitForReport(report);
  } finally {
    if (keys !== process.stdin) keys.destroy();
  }
}

export interface RunningTui {
  model: TuiModel;
  /** Resolves with the report once the person quits (or `quit()` is called). */
  done: Promise<Report>;
  quit(): void;
}

/** Starts reading the source and shows the UI on `screen`. */
export async function startTui(opts: TuiOptions, screen: Screen, frameMs?: number): Promise<RunningTui> {
  const spec = await parseSource(opts.source);
  const model = new TuiModel(describeSource(spec), { live: spec.kind !== 'file' || opts.follow, patterns: opts.patterns ?? [] });
  const saved = spec.kind === 'file' && !opts.follow;
  let session: LiveSession | null = null;
  let reading: Promise<unknown>;
  if (saved) {
    if (opts.save) throw new UsageError('--save is for live sources');
    model.setStatus(`reading ${spec.path}`);
    reading = readSaved(spec.path, model);
  } else {
    session = new LiveSession({
      spec,
      analyzer: model.analyzer,
      onData: (chunk) => model.screen.write(chunk),
      onStatus: (text) => model.setStatus(text),
      once: opts.once,
      save: opts.save,
      onSaveError: (message) => model.setStatus(message),
    });
    const s = session;
    reading = s.run().then(() => {
      model.bytes = s.bytes;
      model.finish();
    });
    // The session writes to the analyzer itself; the model counts bytes from it.
    const count = setInterval(() => {
      if (model.bytes !== s.bytes) {
        model.bytes = s.bytes;
        model.version++;
      }
      if (Date.now() - s.lastData > 250) model.analyzer.checkPartialLine();
    }, 100);
    void reading.finally(() => clearInterval(count));
  }
  let quit: () => void = () => {};
  const shown = showUntilQuit(model, screen, frameMs, (q) => (quit = q));
  const done = shown.then(async (report) => {
    session?.stop();
    await session?.close();
    await Promise.race([reading, new Promise((r) => setTimeout(r, 100))]);
    return report;
  });
  return { model, done, quit: () => quit() };
}

/** Renders the UI on the alternate screen until `q`; returns the report as of then. */
export function showUntilQuit(model: TuiModel, screen: Screen, frameMs?: number, onStart?: (quit: () => void) => void): Promise<Report> {
  return new Promise((resolve) => {
    let ink: Instance | null = null;
    let closed = false;
    // Whatever ends the process, the user's terminal gets its screen and cursor back.
    const restore = (): void => {
      if (!closed) screen.stdout.write(`${ALT_SCREEN_OFF}\u001b[?25h`);
    };
    const quit = (): void => {
      if (closed) return;
      closed = true;
      ink?.unmount();
      screen.stdout.write(ALT_SCREEN_OFF);
      for (const sig of QUIT_SIGNALS) process.removeListener(sig, quit);
      process.removeListener('exit', restore);
      resolve(model.finished ? model.end() : model.report(true));
    };
    screen.stdout.write(ALT_SCREEN_ON);
    ink = render(<App model={model} onQuit={quit} {...(frameMs !== undefined ? { frameMs } : {})} />, {
      stdout: screen.stdout,
      stdin: screen.stdin,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 20,
      incrementalRendering: false,
    });
    // A signal quits as `q` does: the screen comes back and the report is printed.
    for (const sig of QUIT_SIGNALS) process.once(sig, quit);
    process.once('exit', restore);
    onStart?.(quit);
  });
}

/** A saved log: read in chunks, yielding between them so the UI draws while a large file loads. */
async function readSaved(path: string, model: TuiModel): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      model.write(chunk as Buffer);
      await new Promise((r) => setImmediate(r));
    }
    model.setStatus(`read ${path}`);
  } catch (err) {
    model.setStatus(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  model.finish();
}

/** Keys come from the terminal: stdin, or /dev/tty when stdin carries the console (`… | bootwhy tui -`). */
function keyboard(stdinIsSource: boolean): NodeJS.ReadStream {
  if (!stdinIsSource && process.stdin.isTTY) return process.stdin;
  try {
    return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
  } catch {
    throw new InputError('tui needs a terminal to read keys from (/dev/tty could not be opened)');
  }
}
