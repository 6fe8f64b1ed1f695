/** bootwhy in a real terminal (tmux): colour on a tty, NO_COLOR honoured, guest escapes without effect. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPORA } from './support/corpus.js';
import { killTmuxServer, Pane, tmux, waitForPane } from './support/tmux.js';

const BIN = join(resolve(CORPORA, '..'), 'dist/bin/bootwhy.js');

const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-tmux-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a shell command in a fresh 160x50 pane and returns the screen (with SGR) once it printed `DONE`. */
function screen(command: string, env: string[] = []): { text: string; title: string } {
  const session = `s${Math.random().toString(36).slice(2, 8)}`;
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', ...env.flatMap((e) => ['-e', e]), `${command}; echo DONE; sleep 600`);
  try {
    // DONE on a line of its own: the command has ended and everything it printed is on the screen.
    const text = waitForPane(session, /^(?:\u001b\[[0-9;]*m)*DONE\s*$/m, undefined, true);
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

test('bootwhy tui on the seed case: root cause, cascade and emergency on screen at 80×24; keys, resize, report on exit', () => {
  const seed = join(CORPORA, 'tmt-soft-reboot-var-mount-status/console.log');
  const pane = new Pane(`node ${BIN} tui ${seed}`, 80, 24);
  try {
    let s = pane.waitFor(/ROOT CAUSE/);
    assert.match(s, /EMERGENCY/);
    assert.match(s, /ROOT CAUSE: var\.mount failed to mount \/var/);
    assert.match(s, /cloud-init-main\.service — dependency failed/);
    assert.match(s, /systemd-homed\.service — dependency failed/);
    const rows = s.split('\n');
    assert.ok(rows.every((r) => [...r].length <= 80), 'nothing wider than the terminal');
    // To the findings, down to the first unit of the cascade: the console shows its line. Each key is sent
    // once the one before has shown its effect.
    pane.press('Tab', /▶ boot \d/);
    pane.press('j', /line 6 /);
    s = pane.press('j', /line 8 /);
    assert.match(s.split('\n').slice(11).join('\n'), /Dependency failed for cloud-init-m…rvice/);
    // The emergency-mode finding is further down the list.
    s = pane.press('G', /emergency mode/);
    tmux('resize-window', '-t', pane.name, '-x', '120', '-y', '40');
    s = pane.waitFor((text) => text.split('\n').some((r) => [...r].length > 80));
    assert.match(s.split('\n')[0]!, /^ bootwhy {2}EMERGENCY/);
    s = pane.press('q', /EXIT=\d/);
    assert.match(s, /Root cause/);
    assert.match(s, /EXIT=1/);
  } finally {
    pane.close();
  }
});

test('a long path: the footer keeps every key hint whole at 80×24 and at 120×40, the path cut in its middle', () => {
  const deep = join(tmp, 'a-very-long-directory-name-that-a-ci-artifact-store-would-make'.repeat(3));
  mkdirSync(deep, { recursive: true });
  const log = join(deep, 'console-of-the-guest-that-failed-after-soft-reboot.log');
  copyFileSync(join(CORPORA, 'tmt-soft-reboot-var-mount-status/console.log'), log);
  const hint = '↑↓ move  Enter open  Tab pane  / search  f failures  ? help  q quit';
  for (const [cols, rows] of [[80, 24], [120, 40]] as const) {
    const pane = new Pane(`node ${BIN} tui ${log}`, cols, rows);
    try {
      // (A whole frame: the root cause and the footer drawn. ink writes a frame in pieces, and a loaded
      // machine can show one half-drawn.)
      const s = pane.waitFor((text) => /ROOT CAUSE/.test(text) && text.includes('q quit'));
      const lines = s.split('\n');
      assert.ok(lines.every((r) => [...r].length <= cols), 'nothing wider than the terminal');
      const footer = lines.filter((l) => l.trim() !== '').at(-1)!;
      assert.ok(footer.includes(hint), `footer at ${cols}×${rows}: ${footer}`);
      if (cols === 120) assert.match(footer, /…/);
    } finally {
      pane.close();
    }
  }
});

test('bootwhy tui honours NO_COLOR: no colour codes on the screen', () => {
  const seed = join(CORPORA, 'tmt-soft-reboot-var-mount/console.log');
  const coloured = new Pane(`node ${BIN} tui ${seed}`, 100, 30);
  const plain = new Pane(`NO_COLOR=1 node ${BIN} tui ${seed}`, 100, 30);
  try {
    coloured.waitFor(/ROOT CAUSE/);
    plain.waitFor(/ROOT CAUSE/);
    const sgr = (p: Pane) => tmux('capture-pane', '-p', '-e', '-t', p.name);
    assert.match(sgr(coloured), /\u001b\[[0-9;]*3[1-7]m/);
    assert.not.match(sgr(plain), /\u001b\[[0-9;]*3[1-7]m/);
  } finally {
    coloured.close();
    plain.close();
  }
});

test('console piped into bootwhy tui -: keys come from the terminal, the report follows on q', () => {
  const seed = join(CORPORA, 'tmt-soft-reboot-var-mount/console.log');
  const pane = new Pane(`cat ${seed} | node ${BIN} tui -`, 100, 30);
  try {
    pane.waitFor(/ROOT CAUSE: var\.mount/);
    pane.press('?', /Esc closes this help/);
    // Esc and q sent together would read as Alt-q: q goes once the help is gone.
    pane.press('Escape', (text) => !/Esc closes this help/.test(text) && /ROOT CAUSE/.test(text));
    const s = pane.press('q', /EXIT=\d/);
    // The end of the printed report: the cascade under the root cause.
    assert.match(s, /Cascade:[\s\S]*var\.mount +FAILED line 6/);
    assert.match(s, /EXIT=1/);
  } finally {
    pane.close();
  }
});

test.after(() => killTmuxServer());

test.run();
