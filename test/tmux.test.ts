/** bootwhy in a real terminal (tmux): colour on a tty, NO_COLOR honoured, guest escapes without effect. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPORA } from './support/corpus.js';

const BIN = join(resolve(CORPORA, '..'), 'dist/cli/main.js');
const SOCKET = `bootwhy-test-${process.pid}`;
const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-tmux-'));

// The tmux server passes its environment to panes: start it without the caller's NO_COLOR.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'FORCE_COLOR'));

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8', env: ENV });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs a shell command in a fresh 160x50 pane and returns the screen (with SGR) once it printed `DONE`. */
function screen(command: string, env: string[] = []): { text: string; title: string } {
  const session = `s${Math.random().toString(36).slice(2, 8)}`;
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', ...env.flatMap((e) => ['-e', e]), `${command}; echo DONE; sleep 30`);
  try {
    let text = '';
    for (let i = 0; i < 100; i++) {
      sleep(100);
      text = tmux('capture-pane', '-p', '-e', '-t', session);
      if (text.includes('DONE')) break;
    }
    const title = tmux('display-message', '-p', '-t', session, '#{pane_title}').trim();
    return { text, title };
  } finally {
    tmux('kill-session', '-t', session);
  }
}

test('tmux is installed (CI installs it; this test never skips)', () => {
  assert.is(spawnSync('tmux', ['-V']).status, 0);
});

test('on a terminal the report is coloured; NO_COLOR turns that off', () => {
  const seed = join(CORPORA, 'tmt-soft-reboot-var-mount/console.log');
  const tty = screen(`node ${BIN} ${seed}`);
  assert.match(tty.text, /\u001b\[[0-9;]*31m/, 'red appears on a tty');
  assert.match(tty.text, /Root cause/);
  const piped = screen(`node ${BIN} ${seed} | cat`);
  assert.match(piped.text, /Root cause/);
  assert.not.match(piped.text, /\u001b\[[0-9;]*31m/, 'no colour through a pipe');
  const plain = screen(`node ${BIN} ${seed}`, ['NO_COLOR=1']);
  assert.match(plain.text, /Root cause/);
  assert.not.match(plain.text, /\u001b\[[0-9;]*3[1-7]m/);
});

test('a guest that sets the title, clears the screen and moves the cursor changes nothing on the user\'s terminal', () => {
  const evil = join(tmp, 'evil.log');
  writeFileSync(
    evil,
    'marker-before\r\n\u001b]0;pwned-title\u0007\u001b]2;pwned-title\u0007[FAILED] Failed to start \u001b[2J\u001b[Hevil\u001b[10;10Hx.service.\r\n\u001b]52;c;ZXZpbA==\u0007\u001bPq#0;2;0;0;0#0~~@@vv@@~~$\u001b\\done\r\n',
  );
  const s = screen(`printf 'title-before\\n'; node ${BIN} ${evil} --color=never`);
  assert.not.ok(s.title.includes('pwned'), `pane title: ${s.title}`);
  assert.match(s.text, /title-before/, 'the screen was not cleared');
  assert.match(s.text, /evilx\.service/);
});

test.after(() => {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

test.run();
