/**
 * A command on a real pty (python's pty module), for the TUI: it starts, draws, and is quit with `q` (or a
 * signal) once its output shows a trigger text. Nothing waits a fixed time: the quit follows the trigger,
 * and the run ends when the command exits (or fails after a generous deadline).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface PtyRun {
  /** The command's output is searched for this text (in its last few KiB) before quitting. */
  trigger: string;
  /** `q` (typed) or a signal name. */
  quit?: string;
  /** The pty's size; unset, the pty reports 0×0, as an unsized serial console does. */
  cols?: number;
  rows?: number;
  env?: NodeJS.ProcessEnv;
  /** Seconds before the run is abandoned (the command killed). */
  deadline?: number;
}

const SCRIPT = `
import os, pty, sys, select, signal, struct, time, fcntl, termios
cols, rows = int(os.environ['PTY_COLS']), int(os.environ['PTY_ROWS'])
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'xterm-256color'
    if cols and rows:
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execv(sys.argv[1], sys.argv[1:])
trigger = os.environ['PTY_TRIGGER'].encode()
quit = os.environ['PTY_QUIT']
out = []
tail = b''
sent = False
deadline = time.time() + float(os.environ['PTY_DEADLINE'])
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out.append(data)
        tail = (tail + data)[-8192:]
        if not sent and trigger in tail:
            if quit == 'q':
                os.write(fd, b'q')
            else:
                os.kill(pid, getattr(signal, quit))
            sent = True
    elif sent:
        try:
            if os.waitpid(pid, os.WNOHANG)[0]:
                break
        except ChildProcessError:
            break
else:
    os.kill(pid, signal.SIGKILL)
sys.stdout.buffer.write(b''.join(out))
`;

/** Runs `argv` on a pty until it exits after the quit; resolves with everything it wrote to the terminal. */
export function runOnPty(argv: string[], run: PtyRun): Promise<Buffer> {
  return new Promise((done, fail) => {
    const env = {
      ...process.env,
      ...run.env,
      PTY_TRIGGER: run.trigger,
      PTY_QUIT: run.quit ?? 'q',
      PTY_COLS: String(run.cols ?? 0),
      PTY_ROWS: String(run.rows ?? 0),
      PTY_DEADLINE: String(run.deadline ?? 180),
    };
    const py = spawn('python3', ['-c', SCRIPT, ...argv], { stdio: ['ignore', 'pipe', 'inherit'], env });
    const chunks: Buffer[] = [];
    py.stdout.on('data', (c: Buffer) => chunks.push(c));
    py.on('error', fail);
    py.on('close', () => done(Buffer.concat(chunks)));
  });
}

/** The node flags of a script's `#!/usr/bin/env -S node …` line: how its launcher starts it. */
export function shebangFlags(script: string): string[] {
  const first = readFileSync(script, 'utf8').split('\n', 1)[0] ?? '';
  const m = /^#!\S*env -S node\s*(.*)$/.exec(first) ?? /^#!\S*node\s*(.*)$/.exec(first);
  return m ? m[1]!.split(/\s+/).filter((f) => f !== '') : [];
}
