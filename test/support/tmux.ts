/**
 * tmux for tests: a private server, panes that run a command, send-keys in, capture-pane out.
 *
 * Nothing here waits a fixed time: a test waits for what the pane shows (polled at a short interval), and
 * a wait that runs past its generous deadline fails with the pane's screen.
 */
import { execFileSync, spawnSync } from 'node:child_process';

const SOCKET = `bootwhy-test-${process.pid}`;
// The tmux server passes its environment to panes: start it without the caller's NO_COLOR.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'FORCE_COLOR'));

/** How long a pane may take to show what a test waits for; a loaded machine is slow, never this slow. */
export const DEADLINE_MS = 30_000;
/** How often a pane is captured again while waiting. */
const POLL_MS = 25;

export function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8', env: ENV });
}

export function killTmuxServer(): void {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
}

/** Blocks the thread for `ms` between two looks at a condition (never on its own, to sequence things). */
function pollPause(ms = POLL_MS): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

type Condition = RegExp | ((screen: string) => boolean);
const holds = (c: Condition, text: string): boolean => (typeof c === 'function' ? c(text) : c.test(text));

/**
 * Captures `target` until the capture satisfies `c` (`-e` keeps the colour codes); fails with the last
 * capture after `ms`.
 */
export function waitForPane(target: string, c: Condition, ms = DEADLINE_MS, withEscapes = false): string {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = tmux('capture-pane', '-p', ...(withEscapes ? ['-e'] : []), '-t', target);
    if (holds(c, text)) return text;
    if (Date.now() > deadline) throw new Error(`the pane never showed ${c} (waited ${ms} ms):\n${text}`);
    pollPause();
  }
}

/** A pane that stays open, for the full-screen UI: keys go in with send-keys, the screen comes back. */
export class Pane {
  readonly name = `p${Math.random().toString(36).slice(2, 8)}`;
  constructor(command: string, cols: number, rows: number) {
    tmux('new-session', '-d', '-s', this.name, '-x', String(cols), '-y', String(rows), `${command}; echo EXIT=$?; sleep 600`);
  }
  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.name);
  }
  /** The screen and all the pane's scrollback above it (what a program printed that scrolled off). */
  history(): string {
    return tmux('capture-pane', '-p', '-S', '-', '-t', this.name);
  }
  waitFor(re: Condition, ms = DEADLINE_MS): string {
    return waitForPane(this.name, re, ms);
  }
  /** Like waitFor, without blocking the event loop (other work goes on meanwhile). */
  async waitForAsync(re: Condition, ms = DEADLINE_MS): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const text = this.screen();
      if (holds(re, text)) return text;
      if (Date.now() > deadline) throw new Error(`the pane never showed ${re} (waited ${ms} ms):\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /**
   * Sends keys as they are. Keys sent together may reach the program in one read: when the order matters
   * (Esc then q would read as Alt-q), send one with `press` and wait for what it does.
   */
  keys(...keys: string[]): void {
    for (const k of keys) tmux('send-keys', '-t', this.name, k);
  }
  /** Sends one key, then waits until the screen shows its effect; returns that screen. */
  press(key: string, effect: Condition, ms = DEADLINE_MS): string {
    tmux('send-keys', '-t', this.name, key);
    return this.waitFor(effect, ms);
  }
  close(): void {
    tmux('kill-session', '-t', this.name);
  }
}
