/** tmux for tests: a private server, panes that run a command, send-keys in, capture-pane out. */
import { execFileSync, spawnSync } from 'node:child_process';

const SOCKET = `bootwhy-test-${process.pid}`;
// The tmux server passes its environment to panes: start it without the caller's NO_COLOR.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'FORCE_COLOR'));

export function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8', env: ENV });
}

export function killTmuxServer(): void {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
}

export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A pane that stays open, for the full-screen UI: keys go in with send-keys, the screen comes back. */
export class Pane {
  readonly name = `p${Math.random().toString(36).slice(2, 8)}`;
  constructor(command: string, cols: number, rows: number) {
    tmux('new-session', '-d', '-s', this.name, '-x', String(cols), '-y', String(rows), `${command}; echo EXIT=$?; sleep 60`);
  }
  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.name);
  }
  waitFor(re: RegExp | ((screen: string) => boolean), ms = 10000): string {
    const until = Date.now() + ms;
    let text = '';
    while (Date.now() < until) {
      text = this.screen();
      if (typeof re === 'function' ? re(text) : re.test(text)) return text;
      sleep(100);
    }
    throw new Error(`the pane never showed ${re}:\n${text}`);
  }
  /** Like waitFor, without blocking the event loop (other work goes on meanwhile). */
  async waitForAsync(re: RegExp | ((screen: string) => boolean), ms: number): Promise<string> {
    const until = Date.now() + ms;
    let text = '';
    while (Date.now() < until) {
      text = this.screen();
      if (typeof re === 'function' ? re(text) : re.test(text)) return text;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the pane never showed ${re}:\n${text}`);
  }
  keys(...keys: string[]): void {
    for (const k of keys) {
      tmux('send-keys', '-t', this.name, k);
      sleep(80);
    }
  }
  close(): void {
    tmux('kill-session', '-t', this.name);
  }
}

