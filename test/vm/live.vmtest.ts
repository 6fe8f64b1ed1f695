/**
 * End to end with a real VM (the lab's Debian trixie under QEMU): `bootwhy watch` attached to the serial
 * console on a pty and on a QEMU socket sees the boot to login, and on the seed scenario the soft-reboot,
 * the var.mount failure and emergency mode, exiting on `--until emergency` well before its timeout.
 * The test types on a second serial port (ttyS1, with its own getty) so the watched console stays
 * the machine's own. Run by `npm run test:vm`; .ci/run installs QEMU and builds the image first.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CORPORA } from '../support/corpus.js';
import { killTmuxServer, Pane } from '../support/tmux.js';

const ROOT = resolve(CORPORA, '..');
const BIN = join(ROOT, 'dist/bin/bootwhy.js');
const CACHE = process.env['BOOTWHY_LAB_CACHE'] ?? join(homedir(), '.cache/bootwhy-lab');
const tmp = mkdtempSync(join(tmpdir(), 'bootwhy-vm-'));
// (The VMs' disk overlays are hundreds of MB: gone with the run, whatever its outcome.)
test.after(() => rmSync(tmp, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ensureImage(): void {
  if (['base.img', 'vmlinuz', 'initrd.img'].every((f) => existsSync(join(CACHE, f)))) return;
  execFileSync('bash', [join(CORPORA, 'lab/build-image.sh')], { stdio: 'inherit' });
}

interface Vm {
  qemu: ChildProcess;
  stderr: () => string;
}

/** Boots the lab VM; ttyS0 is the console (`serial` decides how it is exposed), ttyS1 a socket to type on. */
function bootVm(name: string, serial: string[]): Vm {
  const disk = join(tmp, `${name}.qcow2`);
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', join(CACHE, 'base.img'), '-F', 'raw', disk]);
  const qemu = spawn('qemu-system-x86_64', [
    '-machine', 'q35', '-accel', 'tcg', '-m', '1024', '-smp', '1', '-display', 'none', '-monitor', 'none', '-no-reboot', '-nic', 'none',
    '-kernel', join(CACHE, 'vmlinuz'), '-initrd', join(CACHE, 'initrd.img'),
    // ttyS0 is the console; a getty on ttyS1 is for typing (a second console= would split the output).
    '-append', 'console=ttyS0 root=/dev/vda rw systemd.wants=serial-getty@ttyS1.service',
    '-drive', `file=${disk},if=virtio,format=qcow2`,
    ...serial,
    '-chardev', `socket,id=typing,path=${join(tmp, `${name}-typing.sock`)},server=on,wait=off`, '-serial', 'chardev:typing',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  qemu.stdout!.on('data', (c: Buffer) => (err += c.toString()));
  qemu.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return { qemu, stderr: () => err };
}

/** A minimal expect on ttyS1: log in as root and type commands. */
class Typist {
  private buf = '';
  private constructor(private readonly sock: Socket) {
    sock.on('data', (c: Buffer) => (this.buf = (this.buf + c.toString('latin1')).slice(-20000)));
  }
  static async connect(path: string): Promise<Typist> {
    for (let i = 0; i < 100; i++) {
      try {
        const sock = await new Promise<Socket>((ok, no) => {
          const s = createConnection({ path });
          s.once('connect', () => ok(s));
          s.once('error', no);
        });
        return new Typist(sock);
      } catch {
        await sleep(200);
      }
    }
    throw new Error(`cannot connect to ${path}`);
  }
  async expect(text: string, seconds: number): Promise<void> {
    const end = Date.now() + seconds * 1000;
    let kicked = Date.now();
    while (!this.buf.includes(text)) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${JSON.stringify(text)}; saw ${JSON.stringify(this.buf.slice(-300))}`);
      // A prompt printed before we listened is lost; an empty line makes the getty print it again.
      if (text === 'login: ' && Date.now() - kicked > 10000) {
        this.sock.write('\n');
        kicked = Date.now();
      }
      await sleep(500);
    }
    this.buf = '';
  }
  send(line: string): void {
    this.sock.write(line + '\n');
  }
  async login(): Promise<void> {
    await this.expect('login: ', 600);
    this.send('root');
    await this.expect('Password: ', 60);
    this.send('lab');
    await this.expect('# ', 60);
  }
  async run(command: string): Promise<void> {
    this.send(command);
    await this.expect('# ', 120);
  }
  close(): void {
    this.sock.destroy();
  }
}

function watch(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; out: string; ms: number }> } {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'watch', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return { child, done: new Promise((r) => child.on('close', (code) => r({ code, out, ms: Date.now() - started }))) };
}

test.before(() => ensureImage());

test('pty console: watch sees the boot through to the login prompt', async () => {
  const { vm, pts } = await ptyVm('pty');
  try {
    const w = watch([pts, '--json', '--until', 'login', '--timeout', '10m']);
    const r = await w.done;
    assert.is(r.code, 0, r.out.slice(-2000));
    const types = r.out.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { type: string }).type);
    for (const t of ['boot', 'cycle', 'login']) assert.ok(types.includes(t), `saw ${t}: ${types.join(',')}`);
  } finally {
    vm.qemu.kill();
  }
});

test('socket console, the seed scenario: soft-reboot, var.mount fails, emergency mode; --save equals QEMU\'s logfile', async () => {
  const sock = join(tmp, 'console.sock');
  const logfile = join(tmp, 'qemu-console.log');
  const save = join(tmp, 'saved-console.log');
  const vm = bootVm('seed', ['-chardev', `socket,id=con,path=${sock},server=on,wait=on,logfile=${logfile}`, '-serial', 'chardev:con']);
  try {
    for (let i = 0; i < 100 && !existsSync(sock); i++) await sleep(100);
    const w = watch([`unix:${sock}`, '--json', '--until', 'emergency', '--timeout', '15m', '--save', save]);
    const typist = await Typist.connect(join(tmp, 'seed-typing.sock'));
    await seedScenario(typist);
    const r = await w.done;
    typist.close();
    assert.is(r.code, 0, r.out.slice(-3000));
    assert.ok(r.ms < 14 * 60 * 1000, 'well before the timeout');
    const ev = r.out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(ev.some((e) => e['type'] === 'cycle' && e['cycle'] === 2), 'a second userspace cycle');
    assert.ok(ev.some((e) => e['type'] === 'failure' && e['unit'] === 'var.mount'));
    assert.ok(ev.some((e) => e['type'] === 'emergency'));
    const report = ev.find((e) => e['type'] === 'report')!['report'] as { boots: Array<{ cycles: Array<{ start: string; rootCause: { unit: string } | null }> }> };
    const cycles = report.boots[0]!.cycles;
    assert.equal(cycles.map((c) => c.start), ['kernel-boot', 'soft-reboot']);
    assert.is(cycles[1]!.rootCause?.unit, 'var.mount');
    await sleep(500);
    const saved = readFileSync(save);
    const logged = readFileSync(logfile);
    // QEMU's logfile goes on after bootwhy stopped, and QEMU 7.2 logs a byte twice whenever its write to
    // a momentarily full socket fails with EAGAIN (chardev/char.c, see shared/reference): so the logfile
    // must be the saved bytes plus only such repeated bytes, and nothing else may differ.
    assert.ok(saved.length > 10000);
    let j = 0;
    let repeats = 0;
    for (let i = 0; i < saved.length; i++, j++) {
      while (j < logged.length && logged[j] !== saved[i] && j > 0 && logged[j] === logged[j - 1]) {
        j++;
        repeats++;
      }
      if (logged[j] !== saved[i]) assert.unreachable(`--save and QEMU's logfile part at saved byte ${i} (logfile byte ${j}) after ${repeats} repeated bytes`);
    }
    assert.ok(repeats < 200, `${repeats} bytes repeated by QEMU's logfile`);
  } finally {
    vm.qemu.kill();
  }
});

/** Boots the VM with its console on a pty and returns the pty's path. */
async function ptyVm(name: string): Promise<{ vm: Vm; pts: string }> {
  const vm = bootVm(name, ['-chardev', 'pty,id=con', '-serial', 'chardev:con']);
  let pts = '';
  for (let i = 0; i < 100 && pts === ''; i++) {
    await sleep(100);
    pts = /char device redirected to (\/dev\/pts\/\d+) \(label con\)/.exec(vm.stderr())?.[1] ?? '';
  }
  assert.ok(pts, vm.stderr());
  return { vm, pts };
}

/** The seed scenario typed on ttyS1: /var a bind mount whose source is gone by the soft-reboot. */
async function seedScenario(typist: Typist): Promise<void> {
  await typist.login();
  await typist.run('mkdir -p /srv/deploy/var && cp -a /var/. /srv/deploy/var/');
  await typist.run("echo '/srv/deploy/var /var none bind 0 0' >> /etc/fstab && systemctl daemon-reload && mount /var");
  await typist.run('mv /srv/deploy/var /srv/var.gone && chattr +i /srv/deploy && sync');
  typist.send('systemctl soft-reboot');
}

test('tui in tmux on a live pty console, the seed scenario: emergency, the root cause and its cascade appear on screen', async () => {
  const { vm, pts } = await ptyVm('tui');
  const pane = new Pane(`node ${BIN} tui ${pts}`, 100, 30);
  try {
    await pane.waitForAsync(/attached to/, 30000);
    const typist = await Typist.connect(join(tmp, 'tui-typing.sock'));
    // While it boots, the timeline fills in live.
    await pane.waitForAsync(/Boot 1/, 10 * 60 * 1000);
    await seedScenario(typist);
    // The root cause shows as soon as var.mount's failure is read; its cascade fills in as the [DEPEND] lines
    // that follow it arrive, possibly a frame later, so the wait is for all of them together.
    const s = await pane.waitForAsync(
      (t) =>
        /EMERGENCY/.test(t) &&
        /ROOT CAUSE: var\.mount failed to mount \/var/.test(t) &&
        /dependency failed/.test(t),
      10 * 60 * 1000,
    );
    typist.close();
    assert.match(s, /soft-reboot/);
    assert.match(s.split('\n')[0]!, /EMERGENCY {2}live/);
    pane.keys('q');
    const after = await pane.waitForAsync(/EXIT=\d/, 20000);
    assert.match(after, /EXIT=1/);
    // The report printed on exit can be taller than the pane: read what scrolled off too.
    assert.match(pane.history(), /Root cause: var\.mount failed to mount \/var/);
  } finally {
    pane.close();
    killTmuxServer();
    vm.qemu.kill();
  }
});

test.run();
