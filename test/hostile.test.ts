/**
 * A guest's bytes must never steer the user's terminal. Hostile consoles (titles, clipboard writes, screen
 * clears, mode switches, in 7-bit ESC form and as C1 characters, bidi overrides, zero-width characters)
 * go through every command and output format of the real `bootwhy`; what it writes is fed to a terminal
 * emulated by @xterm/headless, which must see no title, no clipboard write, no screen clear or reset and no
 * mode change. The commands are read from `bootwhy --help`: a new command or format that is not in the
 * matrix below fails this test until it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import xterm from '@xterm/headless';
import { CORPORA } from './support/corpus.js';
import { runOnPty } from './support/pty.js';
import { safeJson, safeText } from '../cli/terminal-safe.js';

const ROOT = resolve(CORPORA, '..');
const BIN = join(ROOT, 'dist/bin/bootwhy.js');
const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-hostile-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

const ESC = '\u001b';
const C1 = { CSI: '\u009b', OSC: '\u009d', ST: '\u009c', DCS: '\u0090', APC: '\u009f' };
/** What a hostile guest tries, each in the places a report repeats guest text (unit names, descriptions,
 *  crash titles, prompts, journal messages). */
const PAYLOADS = [
  `${ESC}]2;PWNED-TITLE\u0007`,
  `${ESC}]0;PWNED-TITLE${ESC}\\`,
  `${ESC}]52;c;UFdORUQ=\u0007`,
  `${C1.OSC}2;PWNED-TITLE${C1.ST}`,
  `${C1.OSC}52;c;UFdORUQ=${C1.ST}`,
  `${C1.CSI}2J`,
  `${C1.CSI}?1049h`,
  `${ESC}[2J${ESC}[3J`,
  `${ESC}c`,
  `${ESC}[?1049h${ESC}[?1000h${ESC}[?2004h${ESC}[?25l`,
  `${C1.DCS}qpwn${C1.ST}`,
  `${C1.APC}pwn${C1.ST}`,
  '\u202eevil\u202c \u2066iso\u2069 zero\u200bwidth\u200d \u061c\ufeff',
];

function hostileLog(): string {
  const lines: string[] = ['[    0.000000] Linux version 6.1.0-hostile (gcc) #1 SMP', '[    1.000000] Run /init as init process'];
  PAYLOADS.forEach((p, i) => {
    lines.push(`[  OK  ] Started evil${i}.service - Evil ${p} Service.`);
    lines.push(`[FAILED] Failed to start evil${i}.service - Evil ${p} failing.`);
    lines.push(`[DEPEND] Dependency failed for Dep ${p} ${i}.`);
    lines.push(`[ TIME ] Timed out waiting for device dev-evil${i}.device - ${p}.`);
    lines.push(`[    ${10 + i}.000000] systemd[1]: evil${i}.service: Main process exited, code=exited, status=1/${p}`);
  });
  lines.push(`[   40.000000] BUG: unable to handle page fault for address: ${PAYLOADS[0]}`);
  lines.push(`[   41.000000] Kernel panic - not syncing: ${PAYLOADS[3]} ${PAYLOADS[5]}`);
  lines.push(`You are in emergency mode. ${PAYLOADS[4]}`);
  lines.push(`Give root password for maintenance ${PAYLOADS[2]}`);
  return lines.join('\r\n') + '\r\n';
}

const LOG = join(tmp, 'hostile.log');
writeFileSync(LOG, hostileLog());

interface Damage {
  titles: string[];
  oscs: string[];
  clears: string[];
  modes: string[];
  alternate: boolean;
}

/** Feeds `bytes` to an emulated terminal and lists everything that changed it beyond printing text. */
async function terminalEffects(bytes: Buffer, opts: { tui: boolean }): Promise<Damage> {
  const term = new xterm.Terminal({ cols: 120, rows: 40, allowProposedApi: true, convertEol: true, logLevel: 'off' });
  const d: Damage = { titles: [], oscs: [], clears: [], modes: [], alternate: false };
  term.onTitleChange((t) => d.titles.push(t));
  for (const id of [0, 1, 2, 4, 7, 8, 10, 11, 12, 52, 104, 133, 633, 1337]) {
    term.parser.registerOscHandler(id, (data) => {
      d.oscs.push(`${id};${data}`);
      return false;
    });
  }
  term.parser.registerEscHandler({ final: 'c' }, () => {
    d.clears.push('RIS');
    return false;
  });
  term.parser.registerCsiHandler({ final: 'J' }, (params) => {
    // The TUI draws on the alternate screen it asked for; there ink may clear. Elsewhere nothing may.
    if (!opts.tui) d.clears.push(`ED ${params.join(';')}`);
    return false;
  });
  // What ink itself sets: cursor visibility, the alternate screen, synchronized output (2026).
  const ALLOWED_TUI_MODES = new Set([25, 1049, 47, 1047, 2026]);
  for (const final of ['h', 'l']) {
    term.parser.registerCsiHandler({ prefix: '?', final }, (params) => {
      for (const p of params) {
        const n = typeof p === 'number' ? p : p[0]!;
        if (!opts.tui || !ALLOWED_TUI_MODES.has(n)) d.modes.push(`?${n}${final}`);
      }
      return false;
    });
  }
  await new Promise<void>((r) => term.write(bytes, r));
  d.alternate = term.buffer.active.type === 'alternate';
  term.dispose();
  return d;
}

function run(args: string[], input?: Buffer): Buffer {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, env: { PATH: process.env['PATH'] ?? '' }, maxBuffer: 64 << 20, timeout: 60_000 });
  assert.ok(r.status !== null, `bootwhy ${args.join(' ')} did not exit (signal ${r.signal})`);
  assert.not.match(r.stderr.toString(), /\n\s+at /, 'no stack trace');
  return Buffer.concat([r.stdout, r.stderr]);
}

/** The TUI on a real pty, quit with `q` (or a signal) once it has drawn the report. */
function runTui(args: string[], quitWith = 'q'): Promise<Buffer> {
  // (Quit once the header says the source has ended: the whole log was read.)
  return runOnPty([process.execPath, BIN, ...args], { trigger: '  finished  ', quit: quitWith });
}

/** Every command and format; `bootwhy --help` must list no command that is not here. */
const MATRIX: Array<{ command: string; name: string; output: () => Promise<Buffer>; tui?: boolean; format?: string }> = [
  { command: 'analyze', name: 'analyze (text)', output: async () => run([LOG]) },
  { command: 'analyze', name: 'analyze --verbose', output: async () => run(['analyze', LOG, '--verbose']) },
  { command: 'analyze', name: 'analyze --color=always', output: async () => run([LOG, '--color=always', '-v']) },
  { command: 'analyze', name: 'analyze --json', output: async () => run([LOG, '--json']) },
  { command: 'analyze', name: 'analyze - (stdin)', output: async () => run(['-', '-v'], Buffer.from(hostileLog())) },
  { command: 'watch', name: 'watch - (text, colour)', output: async () => run(['watch', '-', '--color=always'], Buffer.from(hostileLog())) },
  { command: 'watch', name: 'watch FILE --json --timeout', output: async () => run(['watch', LOG, '--json', '--timeout', '1s']) },
  { command: 'watch', name: 'watch - --json', output: async () => run(['watch', '-', '--json'], Buffer.from(hostileLog())) },
  { command: 'watch', name: 'watch --save (error path names a hostile path)', output: async () => run(['watch', LOG, '--timeout', '1s', '--save', join(tmp, `no-such-dir${ESC}]2;PWNED\u0007/x`)]) },
  { command: 'analyze', name: 'analyze of a hostile file name', output: async () => run([join(tmp, `missing${C1.OSC}2;PWNED${C1.ST}.log`)]) },
  { command: 'analyze', name: 'many inputs (text and summary)', output: async () => run([LOG, LOG, '--jobs', '2']), format: 'text' },
  { command: 'analyze', name: 'many inputs --format json', output: async () => run([LOG, LOG, '--format', 'json']), format: 'json' },
  { command: 'analyze', name: '--format ndjson', output: async () => run([LOG, '--format', 'ndjson']), format: 'ndjson' },
  { command: 'analyze', name: '--format markdown', output: async () => run([LOG, '--format', 'markdown']), format: 'markdown' },
  { command: 'analyze', name: '--format github', output: async () => run([LOG, '--format', 'github']), format: 'github' },
  { command: 'analyze', name: '--format junit', output: async () => run([LOG, '--format', 'junit']), format: 'junit' },
  { command: 'analyze', name: '--format svg', output: async () => run([LOG, '--format', 'svg']), format: 'svg' },
  { command: 'diff', name: 'diff LOG LOG (text, colour)', output: async () => run(['diff', LOG, LOG, '--color=always']) },
  { command: 'diff', name: 'diff LOG --cycles --json', output: async () => run(['diff', LOG, '--cycles', '1', '2', '--json']) },
  { command: 'schema', name: 'schema', output: async () => run(['schema']) },
  { command: 'schema', name: 'schema --events', output: async () => run(['schema', '--events']) },
  { command: 'tui', name: 'tui FILE (on a pty)', output: () => runTui(['tui', LOG]), tui: true },
];

test('bootwhy --help lists no command that the hostile matrix leaves out', () => {
  const help = run(['--help']).toString();
  const commands = new Set([...help.matchAll(/^(?:Usage:)?\s+bootwhy \[?(\w+)/gm)].map((m) => m[1]!));
  assert.ok(commands.has('analyze') && commands.has('watch'), `commands read from --help: ${[...commands].join(', ')}`);
  const covered = new Set(MATRIX.map((m) => m.command));
  for (const c of commands) assert.ok(covered.has(c), `command '${c}' is not in the hostile matrix`);
  for (const flag of ['--json', '--verbose', '--color']) assert.ok(help.includes(flag), `help no longer shows ${flag}`);
  const formats = /--format ([\w|]+)/.exec(help)?.[1]?.split('|') ?? [];
  assert.ok(formats.length >= 5, `formats read from --help: ${formats.join(', ')}`);
  const formatsCovered = new Set(MATRIX.map((m) => m.format));
  for (const f of formats) assert.ok(formatsCovered.has(f), `format '${f}' is not in the hostile matrix`);
});

for (const m of MATRIX) {
  test(`hostile console through ${m.name}: no title, clipboard, clear or mode change`, async () => {
    const out = await m.output();
    assert.ok(out.length > 0, 'some output');
    const d = await terminalEffects(out, { tui: m.tui === true });
    assert.equal(d.titles, [], 'title changes');
    assert.equal(d.oscs, [], 'OSC sequences');
    assert.equal(d.clears, [], 'screen clears or resets');
    assert.equal(d.modes, [], 'terminal mode changes');
    if (!m.tui) assert.not.ok(d.alternate, 'left on the alternate screen');
    else assert.not.ok(d.alternate, 'the TUI left its alternate screen on');
    const text = out.toString('utf8');
    for (const c of ['\u009b', '\u009d', '\u009c', '\u0090', '\u009f', '\u202e', '\u2066', '\u200b', '\u061c', '\ufeff']) {
      assert.not.ok(text.includes(c), `raw U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in the output`);
    }
    if (!m.tui) assert.not.ok(/\u001b\](?!8;)/.test(text), 'an OSC in the output');
  });
}

for (const sig of ['SIGINT', 'SIGHUP', 'SIGTERM']) {
  test(`the TUI on ${sig}: the terminal gets its screen back and the report is printed`, async () => {
    const out = (await runTui(['tui', LOG], sig)).toString('utf8');
    const off = out.lastIndexOf('\u001b[?1049l');
    assert.ok(out.includes('\u001b[?1049h'), 'the TUI started');
    assert.ok(off > 0, 'the alternate screen was left');
    assert.match(out.slice(off), /Root cause/, 'the report follows');
  });
}

test('a guest reset or scrollback erase does not empty the console pane', async () => {
  const { ConsoleScreen } = await import('../cli/tui/console-screen.js');
  const pane = new ConsoleScreen({ cols: 80, rows: 10, scrollback: 1000 });
  for (let i = 1; i <= 40; i++) pane.write(Buffer.from(`line ${i}\r\n`));
  pane.write(Buffer.from(`${ESC}c${ESC}[3J${ESC}[2Jafter the reset\r\n`));
  await pane.drain();
  assert.is(pane.text(0), 'line 1');
  const rows = Array.from({ length: pane.length }, (_, i) => pane.text(i));
  assert.ok(rows.includes('line 40'), 'the last line before the reset is kept');
  assert.ok(rows.some((r) => r.includes('after the reset')));
});

test('bytes the emulator cannot parse (DEL in plain text) write nothing to stderr under the TUI', async () => {
  const { ConsoleScreen } = await import('../cli/tui/console-screen.js');
  const pane = new ConsoleScreen({ cols: 80, rows: 10, scrollback: 100 });
  const said: unknown[] = [];
  const saved = [console.error, console.warn, console.log] as const;
  console.error = console.warn = console.log = (...a: unknown[]) => void said.push(a);
  try {
    pane.write(Buffer.from('login: rooo\u007f\u007ft\r\nafter\r\n'));
    await pane.drain();
  } finally {
    [console.error, console.warn, console.log] = saved;
  }
  assert.equal(said, []);
  assert.ok(Array.from({ length: pane.length }, (_, i) => pane.text(i)).includes('after'));
});

test('JSON keeps the guest text: unsafe characters are escapes that parse back to the same string', () => {
  const value = { s: `a${C1.CSI}2J b\u202e c\u200b d${ESC}]0;x\u0007 e\ttab\nnl` };
  const json = safeJson(value, 2);
  assert.not.match(json, /[\u0080-\u009f\u202e\u200b\u001b]/);
  assert.match(json, /\\u009b/);
  assert.equal(JSON.parse(json), value);
  assert.is(safeText('x\u061cy\ufeffz\u200bw'), 'x\ufffdy\ufffdz\ufffdw');
});

test.run();
