/**
 * Property-based fuzzing of the streaming analyzer.
 *
 * Every case is made from (seed, case index) alone, so a failure found by the long run (`npm run fuzz`) or
 * by the CI slice (`test/fuzz.test.ts`) is replayed from those two numbers, or from the input file written
 * under os.tmpdir() when a property fails. The properties, for every input:
 *   - `write` and `end` never throw;
 *   - the report validates against the zod report schema, and is consistent (boots in input order without
 *     overlaps, cycles inside their boot, nothing ending before it starts, every byte counted);
 *   - analysing the same bytes twice gives the same report, and `end()` asked twice gives the same report;
 *   - every chunking of the bytes (whole, 1-byte, 7-byte, random sizes, random sizes with `report()` asked
 *     between writes as live use does) gives the same report, compared as JSON;
 *   - read as a live console is (`checkPartialLine()` at pauses, a few `markGap()`s), nothing throws and
 *     the report is valid and consistent (not compared: a gap changes what is read);
 *   - listening to events changes nothing in the report; the events validate against their schema and are
 *     the same for every chunking.
 * Inputs: random bytes (invalid UTF-8, NUL floods, escape sequences, CR/BS/TAB, very long lines, kernel and
 * status lines), mutations of every corpus log (byte flips, splices of two logs, truncations, duplicated
 * regions, inserted escape sequences and kernel-timestamp lines, …) and soups of corpus lines.
 *
 * No dependency: a seeded sfc32 generator and a few mutators are all it takes, and a library's generic
 * shrinking does not see the line structure that the shrinker below works on.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer, type AnalyzerOptions } from '../../parsers/index.js';
import { AnalyzerEvent, Report, type Report as ReportT } from '../../parsers/report/schema.js';

// ---- seeded PRNG ---------------------------------------------------------------------------------

/** splitmix32's finaliser: a good 32-bit mix, used to derive states and case seeds. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's small fast counting generator), seeded through splitmix32. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed);
    this.b = mix32(this.a ^ 0x85ebca6b);
    this.c = mix32(this.b ^ 0xc2b2ae35);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** In [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.float() * n);
  }

  /** In [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** Log-uniform in [1, max]: small values as likely as large ones, order of magnitude by order of magnitude. */
  logSize(max: number): number {
    return Math.min(max, Math.max(1, Math.floor(Math.exp(this.float() * Math.log(max + 1)))));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[this.int(xs.length)]!;
  }

  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let r = this.float() * total;
    for (const [w, v] of choices) {
      if ((r -= w) < 0) return v;
    }
    return choices[choices.length - 1]![1];
  }
}

/** The seed of case `index` of a run seeded with `seed`: every case can be made on its own. */
export function caseSeed(seed: number, index: number): number {
  return mix32(mix32(seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1));
}

/** A run's seed as given on a command line or in an environment variable (decimal or 0x hex). */
export function parseSeed(text: string): number {
  const t = text.trim();
  const n = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t.slice(2), 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`a seed is a number from 0 to 4294967295, not "${text}"`);
  return n;
}

/** The seed of the day, UTC (e.g. 20250614): CI runs differ day to day and a failure replays all day. */
export function seedOfTheDay(now = new Date()): number {
  return now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
}

// ---- byte building -------------------------------------------------------------------------------

const enc = new TextEncoder();

class Bytes {
  private buf = new Uint8Array(1024);
  length = 0;

  push(part: Uint8Array | string | readonly number[]): void {
    const bytes = typeof part === 'string' ? enc.encode(part) : part instanceof Uint8Array ? part : Uint8Array.from(part);
    this.ensure(this.length + bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  fill(byte: number, n: number): void {
    this.ensure(this.length + n);
    this.buf.fill(byte, this.length, this.length + n);
    this.length += n;
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  private ensure(size: number): void {
    if (size <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < size) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---- vocabulary ----------------------------------------------------------------------------------

const ESC = '\u001b';

const UNITS = [
  'foo.service',
  'var.mount',
  'tmp.mount',
  'home.mount',
  'systemd-fsck-root.service',
  'dev-disk-by\\x2duuid-0b2a6d9e\\x2d1c3f.device',
  'dev-vdb1.device',
  'sysroot.mount',
  'initrd-switch-root.service',
  'local-fs.target',
  'emergency.target',
  'dbus.service',
  'NetworkManager-wait-online.service',
  'systemd-networkd-wait-online.service',
  'user@1000.service',
  'getty@tty1.service',
  'serial-getty@ttyS0.service',
  'systemd-…-setup.service',
  'a-very-long-unit-name-that-systemd-would-ellipsize-somewhere-in-the-middle.service',
  'snap-core20-1234.mount',
  'x.socket',
  'cloud-init.service',
  'ünïcode.service',
  '.service',
  'foo',
];

const DESCRIPTIONS = ['Foo Daemon', '/var', 'Temporary Directory /tmp', 'D-Bus System Message Bus', 'Network Manager Wait Online', 'File System Check on /dev/vdb1', '', 'Emergency Mode', 'a description with [brackets] and (parens)'];

function unit(rng: Rng): string {
  return rng.pick(UNITS);
}

function desc(rng: Rng): string {
  return rng.pick(DESCRIPTIONS);
}

function uptime(rng: Rng): string {
  const secs = rng.weighted<number>([
    [6, rng.int(200)],
    [2, rng.int(100000)],
    [1, 0],
    [1, rng.u32() * 1000],
  ]);
  const s = String(secs);
  return `[${s.length < 5 ? ' '.repeat(5 - s.length) + s : s}.${String(rng.int(1000000)).padStart(6, '0')}]`;
}

const KERNEL_TEXTS: Array<(rng: Rng) => string> = [
  () => 'Linux version 6.8.0-fuzz (gcc (GCC) 13.2.1) #1 SMP PREEMPT_DYNAMIC',
  () => 'Command line: BOOT_IMAGE=/vmlinuz root=/dev/vda1 console=ttyS0',
  () => 'Run /init as init process',
  () => 'Run /sbin/init as init process',
  () => 'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
  () => 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100',
  () => '---[ end Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100 ]---',
  () => 'BUG: kernel NULL pointer dereference, address: 0000000000000008',
  () => 'Oops: 0000 [#1] PREEMPT SMP NOPTI',
  () => 'WARNING: CPU: 1 PID: 1 at drivers/foo/bar.c:123 baz+0x12/0x40',
  () => 'INFO: task kworker/0:1:42 blocked for more than 122 seconds.',
  () => 'Out of memory: Killed process 1234 (stress) total-vm:1234kB',
  () => 'watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [swapper/0:1]',
  (r) => `systemd[1]: Failed to start ${unit(r)} - ${desc(r)}.`,
  (r) => `systemd[1]: ${unit(r)}: Failed with result 'exit-code'.`,
  (r) => `systemd[1]: ${unit(r)}: Job ${unit(r)}/start timed out.`,
  (r) => `systemd[1]: Started ${unit(r)} - ${desc(r)}.`,
  () => 'systemd[1]: systemd 255.4-1 running in system mode (+PAM +AUDIT +SELINUX)',
  () => 'systemd[1]: Detected virtualization kvm.',
  () => 'systemd[1]: Reached target emergency.target - Emergency Mode.',
  () => 'systemd-shutdown[1]: Syncing filesystems and block devices.',
  () => 'reboot: Restarting system',
  () => 'reboot: Power down',
  () => 'EXT4-fs (vda1): VFS: Can\'t find ext4 filesystem',
  () => 'XFS (vdb1): Metadata corruption detected at xfs_buf_ioend+0x1/0x2',
  () => 'Freeing unused kernel image (initmem) memory: 2000K',
  () => 'RIP: 0010:foo+0x1/0x2',
  () => 'Call Trace:',
  () => ' <TASK>',
  (r) => 'x'.repeat(r.logSize(300)),
  () => '',
];

const CONSOLE_LINES: Array<(rng: Rng) => string> = [
  (r) => `[  OK  ] Started ${unit(r)} - ${desc(r)}.`,
  (r) => `[  OK  ] Reached target ${unit(r)} - ${desc(r)}.`,
  (r) => `[  OK  ] Mounted ${unit(r)} - ${desc(r)}.`,
  (r) => `[FAILED] Failed to start ${unit(r)} - ${desc(r)}.`,
  (r) => `[FAILED] Failed to mount ${unit(r)} - ${desc(r)}.`,
  (r) => `[FAILED] Failed to start ${desc(r)}.`,
  (r) => `[DEPEND] Dependency failed for ${unit(r)} - ${desc(r)}.`,
  (r) => `[ TIME ] Timed out waiting for device ${unit(r)} - ${desc(r)}.`,
  (r) => `See 'systemctl status ${unit(r)}' for details.`,
  (r) => `[${r.pick(['*     ', '**    ', '***   ', ' ***  ', '  *** ', '   ***', '    **', '     *'])}] A start job is running for ${desc(r)} (${r.int(200)}s / ${r.pick(['1min 30s', 'no limit', '5min', '90s'])})`,
  (r) => `[${r.pick([' *    ', '  *** '])}] Job ${unit(r)}/start running (${r.int(100)}s / 1min 30s)`,
  () => 'You are in emergency mode. After logging in, type "journalctl -xb" to view',
  () => 'Give root password for maintenance',
  () => '(or press Control-D to continue): ',
  () => 'You are in rescue mode. After logging in, type "journalctl -xb" to view',
  () => 'dracut:/# ',
  () => 'Dropping to a shell!',
  () => '(initramfs) ',
  () => 'ALERT!  /dev/disk/by-uuid/1234 does not exist.  Dropping to a shell!',
  () => 'Welcome to Fedora Linux 40 (Server Edition)!',
  () => 'Welcome to \u001b[1mDebian GNU/Linux 12 (bookworm)\u001b[0m!',
  () => 'localhost login: ',
  () => 'Ubuntu 24.04 LTS ubuntu ttyS0',
  () => '-- Boot 0123456789abcdef0123456789abcdef --',
  () => '-- Reboot --',
  () => '-- No entries --',
  (r) => `Jan 0${r.between(1, 9)} 12:${String(r.int(60)).padStart(2, '0')}:00 host systemd[1]: ${unit(r)}: Failed with result 'exit-code'.`,
  (r) => `2024-01-01T12:00:${String(r.int(60)).padStart(2, '0')}+0000 host systemd[1]: Failed to start ${unit(r)} - ${desc(r)}.`,
  (r) => `Jan 01 12:00:00 host kernel: ${r.pick(KERNEL_TEXTS)(r)}`,
  () => 'Startup finished in 1.234s (kernel) + 2.345s (initrd) + 5.678s (userspace) = 9.257s.',
  () => 'systemd[1]: Shutting down.',
  () => 'Reached target soft-reboot.target - Reboot System Userspace.',
  () => 'Stopping session-1.scope - Session 1 of User root...',
  () => 'U-Boot 2023.01 (Jan 01 2023 - 00:00:00 +0000)',
  () => 'Booting `Fedora Linux (6.8.0) 40\'',
  () => 'BdsDxe: loading Boot0001 "UEFI QEMU HARDDISK" from PciRoot(0x0)/Pci(0x1,0x1)',
  () => 'error: file `/vmlinuz\' not found.',
  () => 'SeaBIOS (version 1.16.3)',
  () => ' * Starting OpenBSD Secure Shell server sshd                      [fail]',
  () => 'INIT: version 3.06 booting',
  () => 'OpenRC 0.53 is starting up Alpine Linux',
  (r) => `<${r.int(8)}>${uptime(r)} ${r.pick(KERNEL_TEXTS)(r)}`,
];

/** One escape or control sequence a console can carry, well-formed or not. */
export function escapeSequence(rng: Rng): Uint8Array {
  const params = (): string =>
    Array.from({ length: rng.int(4) }, () => (rng.chance(0.8) ? String(rng.int(rng.chance(0.9) ? 110 : 1_000_000)) : '')).join(rng.chance(0.9) ? ';' : ':');
  const choice = rng.int(24);
  switch (choice) {
    case 0:
      return enc.encode(`${ESC}[${params()}m`); // SGR
    case 1:
      return enc.encode(`${ESC}[${rng.pick(['', '0', '1', '2', '3', '?'])}K`);
    case 2:
      return enc.encode(`${ESC}M`);
    case 3:
      return enc.encode(`${ESC}M\r${ESC}[K`); // the spinner's redraw
    case 4:
      return enc.encode(`${ESC}${rng.pick(['D', 'E', '7', '8', 'c', '=', '>', '(B', ')0', '#8', '%G'])}`);
    case 5: {
      // any CSI
      const priv = rng.chance(0.3) ? rng.pick(['?', '<', '=', '>']) : '';
      const inter = rng.chance(0.1) ? rng.pick([' ', '!', '"', '$']) : '';
      return enc.encode(`${ESC}[${priv}${params()}${inter}${String.fromCharCode(rng.between(0x40, 0x7e))}`);
    }
    case 6: {
      const term = rng.pick(['\u0007', `${ESC}\\`, '', '\u0018', '\u001a']);
      return enc.encode(`${ESC}]${rng.pick(['0', '2', '8', '52', '133'])};${'t'.repeat(rng.logSize(200))}${term}`); // OSC
    }
    case 7: {
      // an unterminated string that runs on (past the splitter's string limit, sometimes)
      const b = new Bytes();
      b.push(`${ESC}${rng.pick([']', 'P', 'X', '^', '_'])}`);
      b.fill(0x41 + rng.int(26), rng.logSize(80_000));
      return b.done();
    }
    case 8:
      return enc.encode(ESC); // lone ESC
    case 9:
      return enc.encode(`${ESC}${ESC}[1m`);
    case 10:
      return enc.encode(`${ESC}[${params()}…`); // systemd's ellipsis inside a colour sequence
    case 11:
      return enc.encode(`${ESC}…`);
    case 12:
      return Uint8Array.from([0x9b, ...enc.encode(params()), 0x6d]); // 8-bit CSI (invalid UTF-8)
    case 13:
      return Uint8Array.from([rng.pick([0x90, 0x9d, 0x9e, 0x9f, 0x9c, 0x84, 0x85, 0x8d])]); // other C1
    case 14:
      return enc.encode(`${ESC}[${params()}${rng.pick(['A', 'B', 'C', 'D', 'G', 'H', 'J', 'f', 'r', 'd'])}`); // cursor moves
    case 15:
      return enc.encode(`${ESC}[${params()}\u0018`); // cancelled
    case 16:
      return enc.encode(`${ESC}[${params()}\r\n`); // a line end inside CSI
    case 17:
      return enc.encode(`${ESC}[${params()}\u00e9`); // a 2-byte character inside CSI
    case 18:
      return Uint8Array.from([0x1b, 0x5b, 0x31, 0xf0, 0x9f]); // CSI broken by a cut 4-byte character
    case 19:
      return enc.encode(`${ESC}P1$r0m${ESC}\\`); // DCS
    case 20:
      return enc.encode(`${ESC}[0;1;31mFAILED${ESC}[0m`);
    case 21:
      return enc.encode(`${ESC}[?25l${ESC}[?25h`);
    case 22:
      return enc.encode(`${ESC}[${'1;'.repeat(rng.logSize(5000))}m`); // long parameter list
    default:
      return enc.encode(`${ESC}[${rng.int(3)}J${ESC}[H`);
  }
}

/** Bytes that are not valid UTF-8, or are valid and awkward. */
function awkwardUtf8(rng: Rng): Uint8Array {
  return Uint8Array.from(
    rng.pick<number[]>([
      [0x80],
      [0xbf, 0x80],
      [0xc0, 0x80], // overlong NUL
      [0xc1, 0xbf],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80], // a surrogate
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf5],
      [0xff, 0xfe],
      [0xc3], // cut 2-byte
      [0xe2, 0x80], // cut 3-byte (an ellipsis missing its last byte)
      [0xf0, 0x9f, 0x98], // cut 4-byte
      [0xe2, 0x80, 0xa6], // …
      [0xf0, 0x9f, 0x98, 0x80], // an emoji
      [0xef, 0xbb, 0xbf], // BOM
      [0xe2, 0x80, 0xae], // RLO
      [0xcc, 0x81], // combining acute
      [0xef, 0xbf, 0xbd], // U+FFFD itself
      [0xc2, 0x85], // NEL
      [0xe2, 0x80, 0xa8], // line separator
    ]),
  );
}

function kernelLine(rng: Rng): string {
  const stamp = rng.weighted<string>([
    [20, uptime(rng)],
    [1, '[ 12.3'],
    [1, '[-1.000000]'],
    [1, '[    1.000000'],
    [1, '[   ]'],
    [1, `[T${rng.int(100)}] `],
    [1, `${uptime(rng)}[    T1] `],
  ]);
  return `${stamp} ${rng.pick(KERNEL_TEXTS)(rng)}`;
}

function consoleLine(rng: Rng): string {
  return rng.pick(CONSOLE_LINES)(rng);
}

function eol(rng: Rng): string {
  return rng.weighted<string>([
    [10, '\n'],
    [6, '\r\n'],
    [1, '\r\r\n'],
    [1, '\r'],
    [1, '\n\r'],
    [1, ''],
  ]);
}

// ---- the corpus as material ----------------------------------------------------------------------

export interface Log {
  name: string;
  log: Uint8Array;
}

/** Line starts of a log, made once per log. */
const lineStarts = new WeakMap<Uint8Array, Uint32Array>();
function starts(log: Uint8Array): Uint32Array {
  let s = lineStarts.get(log);
  if (!s) {
    const out: number[] = [0];
    for (let i = log.indexOf(0x0a); i >= 0 && i + 1 < log.length; i = log.indexOf(0x0a, i + 1)) out.push(i + 1);
    s = Uint32Array.from(out);
    lineStarts.set(log, s);
  }
  return s;
}

/** A random offset in `log`: at a line start half the time, anywhere (mid-UTF-8, mid-escape) otherwise. */
function offset(rng: Rng, log: Uint8Array): number {
  if (log.length === 0) return 0;
  if (rng.chance(0.5)) {
    const s = starts(log);
    return s[rng.int(s.length)]!;
  }
  return rng.int(log.length + 1);
}

function randomLine(rng: Rng, log: Uint8Array): Uint8Array {
  const s = starts(log);
  const i = rng.int(s.length);
  return log.subarray(s[i]!, i + 1 < s.length ? s[i + 1]! : log.length);
}

/** Random lines of `n` lines from `log`, contiguous. */
function randomLines(rng: Rng, log: Uint8Array, n: number): Uint8Array {
  const s = starts(log);
  const i = rng.int(s.length);
  const j = Math.min(s.length, i + n);
  return log.subarray(s[i]!, j < s.length ? s[j]! : log.length);
}

// ---- generators ----------------------------------------------------------------------------------

/** Random bytes: every awkward thing a console can send, in runs. */
export function randomBytes(rng: Rng, maxBytes: number): Uint8Array {
  const target = rng.logSize(maxBytes);
  const out = new Bytes();
  while (out.length < target) {
    const room = Math.max(1, target - out.length);
    switch (
      rng.weighted<string>([
        [4, 'noise'],
        [6, 'text'],
        [3, 'utf8'],
        [2, 'nul'],
        [5, 'escape'],
        [4, 'control'],
        [1, 'long-line'],
        [4, 'kernel'],
        [4, 'console'],
        [3, 'eol'],
      ])
    ) {
      case 'noise':
        for (let n = rng.logSize(Math.min(room, 4096)); n > 0; n--) out.push([rng.int(256)]);
        break;
      case 'text':
        out.push(Array.from({ length: rng.logSize(Math.min(room, 400)) }, () => rng.between(0x20, 0x7e)));
        break;
      case 'utf8':
        for (let n = rng.logSize(20); n > 0; n--) out.push(awkwardUtf8(rng));
        break;
      case 'nul':
        out.fill(0, rng.logSize(Math.min(room, 100_000)));
        break;
      case 'escape':
        out.push(escapeSequence(rng));
        break;
      case 'control':
        for (let n = rng.logSize(40); n > 0; n--) out.push([rng.pick([0x0d, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x07, 0x00, 0x7f, 0x18, 0x1a, 0x01, 0x1c])]);
        break;
      case 'long-line':
        // Past the splitter's 64 KiB line limit, sometimes; a long line of one byte repeated is as good.
        out.fill(rng.pick([0x41, 0x20, 0x5b, 0x2e]), rng.between(1000, 140_000));
        break;
      case 'kernel':
        out.push(kernelLine(rng) + eol(rng));
        break;
      case 'console':
        out.push(consoleLine(rng) + eol(rng));
        break;
      default:
        out.push(eol(rng));
    }
  }
  return out.done();
}

const MUTATIONS = [
  'flip',
  'splice',
  'truncate',
  'behead',
  'duplicate',
  'delete',
  'escapes',
  'kernel-lines',
  'console-lines',
  'transplant',
  'line-endings',
  'controls',
  'nul-flood',
  'long-line',
  'swap',
  'utf8',
  'envelope',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

function insertAt(data: Uint8Array, at: number, part: Uint8Array): Uint8Array {
  return concat(data.subarray(0, at), part, data.subarray(at));
}

/** One mutation of `data`; `logs` lends material for splices and transplants. */
export function mutate(rng: Rng, data: Uint8Array, logs: readonly Log[], kind: Mutation): Uint8Array {
  const other = (): Uint8Array => (logs.length > 0 ? rng.pick(logs).log : data);
  switch (kind) {
    case 'flip': {
      if (data.length === 0) return data;
      const out = data.slice();
      for (let n = rng.logSize(64); n > 0; n--) {
        const i = rng.int(out.length);
        out[i] = rng.chance(0.5) ? out[i]! ^ (1 << rng.int(8)) : rng.int(256);
      }
      return out;
    }
    case 'splice': {
      const b = other();
      return concat(data.subarray(0, offset(rng, data)), b.subarray(offset(rng, b)));
    }
    case 'truncate':
      return data.subarray(0, offset(rng, data));
    case 'behead':
      return data.subarray(offset(rng, data));
    case 'duplicate': {
      const a = offset(rng, data);
      const len = rng.logSize(Math.max(1, Math.min(data.length - a, 200_000)));
      const region = data.slice(a, a + len);
      const times = rng.logSize(5);
      const rep = new Bytes();
      for (let k = 0; k < times; k++) rep.push(region);
      return insertAt(data, rng.chance(0.5) ? a + len : offset(rng, data), rep.done());
    }
    case 'delete': {
      const a = offset(rng, data);
      const b = Math.min(data.length, a + rng.logSize(Math.max(1, data.length - a)));
      return concat(data.subarray(0, a), data.subarray(b));
    }
    case 'escapes': {
      let out = data;
      for (let n = rng.logSize(24); n > 0; n--) out = insertAt(out, offset(rng, out), escapeSequence(rng));
      return out;
    }
    case 'kernel-lines': {
      let out = data;
      for (let n = rng.logSize(16); n > 0; n--) out = insertAt(out, offset(rng, out), enc.encode(kernelLine(rng) + eol(rng)));
      return out;
    }
    case 'console-lines': {
      let out = data;
      for (let n = rng.logSize(16); n > 0; n--) out = insertAt(out, offset(rng, out), enc.encode(consoleLine(rng) + eol(rng)));
      return out;
    }
    case 'transplant': {
      let out = data;
      for (let n = rng.logSize(16); n > 0; n--) out = insertAt(out, offset(rng, out), randomLines(rng, other(), rng.logSize(50)));
      return out;
    }
    case 'line-endings': {
      const a = offset(rng, data);
      const b = Math.min(data.length, a + rng.logSize(Math.max(1, data.length - a)));
      const to = enc.encode(rng.pick(['\r\n', '\n', '\r\r\n', '\r', '\n\n']));
      const out = new Bytes();
      out.push(data.subarray(0, a));
      let from = a;
      for (let i = data.indexOf(0x0a, a); i >= 0 && i < b; i = data.indexOf(0x0a, i + 1)) {
        let cut = i;
        while (cut > from && data[cut - 1] === 0x0d) cut--;
        out.push(data.subarray(from, cut));
        out.push(to);
        from = i + 1;
      }
      out.push(data.subarray(from));
      return out.done();
    }
    case 'controls': {
      let out = data;
      for (let n = rng.logSize(32); n > 0; n--) {
        const run = Array.from({ length: rng.logSize(12) }, () => rng.pick([0x0d, 0x08, 0x09, 0x00, 0x07, 0x0b, 0x0c, 0x7f, 0x1c]));
        out = insertAt(out, offset(rng, out), Uint8Array.from(run));
      }
      return out;
    }
    case 'nul-flood':
      return insertAt(data, offset(rng, data), new Uint8Array(rng.logSize(200_000)));
    case 'long-line': {
      const line = randomLine(rng, other()).filter((c) => c !== 0x0a && c !== 0x0d);
      const n = rng.between(40_000, 160_000);
      const out = new Bytes();
      while (out.length < n) out.push(line.length > 0 ? line : [0x41]);
      return insertAt(data, offset(rng, data), out.done());
    }
    case 'swap': {
      if (data.length < 2) return data;
      const [a, b, c] = [offset(rng, data), offset(rng, data), offset(rng, data)].sort((x, y) => x - y) as [number, number, number];
      return concat(data.subarray(0, a), data.subarray(b, c), data.subarray(a, b), data.subarray(c));
    }
    case 'envelope': {
      // A region of lines wrapped as CI systems, LAVA and pastes wrap them (parsers/input/unwrap.ts).
      const a = offset(rng, data);
      const b = Math.min(data.length, a + rng.logSize(Math.max(1, Math.min(data.length - a, 300_000))));
      const kind = rng.pick(['lava', 'github', 'gitlab', 'jenkins', 'clock', 'ts', 'kmsg', 'quote', 'indent', 'fence', 'caret', 'bare', 'web', 'html'] as const);
      const dec = new TextDecoder();
      const wrap = (line: string, k: number): string => {
        switch (kind) {
          case 'lava':
            return rng.chance(0.1)
              ? `- {"dt": "2023-12-05T11:20:${String(k % 60).padStart(2, '0')}.1", "lvl": "${rng.pick(['info', 'debug', 'results', 'input'])}", "msg": "dispatcher ${k}"}\n` + `- {"dt": "2023-12-05T11:20:54.1", "lvl": "target", "msg": ${JSON.stringify(line)}}`
              : `- {"dt": "2023-12-05T11:20:54.${k}", "lvl": "${rng.chance(0.9) ? 'target' : 'feedback'}", "msg": ${rng.chance(0.95) ? JSON.stringify(line) : JSON.stringify(line).slice(0, -1)}}`;
          case 'github':
            return `2024-03-01T12:34:${String(k % 60).padStart(2, '0')}.1234567Z ${line}`;
          case 'gitlab':
            return `2024-03-01T12:34:56.123456Z 00${rng.pick(['O', 'E'])}${rng.chance(0.2) ? '+' : ''} ${line}`;
          case 'jenkins':
            return `[2024-03-01T12:34:56.123Z] ${line}`;
          case 'clock':
            return `12:34:${String(k % 60).padStart(2, '0')} ${line}`;
          case 'ts':
            return `Mar 01 12:34:56 ${line}`;
          case 'kmsg':
            return `<${rng.int(8)}>${line}`;
          case 'quote':
            return `${'> '.repeat(rng.between(1, 3))}${line}`;
          case 'indent':
            return `${' '.repeat(rng.between(1, 10))}${line}`;
          case 'fence':
            return k % 40 === 0 ? '```\n' + line : line;
          case 'caret':
            return line.replace(/\u001b/g, '^[');
          case 'bare':
            return line.replace(/\u001b/g, '');
          case 'web':
            return line.replace(/\u001b/g, rng.pick(['\u241b', '\\e', '\\033', '\\x1b']));
          case 'html':
            return line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/é/g, '&#233;');
        }
      };
      const lines = dec.decode(data.subarray(a, b)).split('\n');
      const wrapped = lines.map((l, k) => (k === lines.length - 1 && l === '' ? l : wrap(l.replace(/\r$/, ''), k) + (l.endsWith('\r') ? '\r' : ''))).join('\n');
      return concat(data.subarray(0, a), enc.encode(wrapped), data.subarray(b));
    }
    case 'utf8': {
      let out = data;
      for (let n = rng.logSize(24); n > 0; n--) out = insertAt(out, offset(rng, out), awkwardUtf8(rng));
      return out;
    }
  }
}

/** Lines of corpus logs and templates, shuffled together: reaches states no single log does. */
export function lineSoup(rng: Rng, logs: readonly Log[], maxBytes: number): Uint8Array {
  const target = rng.logSize(maxBytes);
  const out = new Bytes();
  const own = logs.length > 0 ? rng.pick(logs).log : new Uint8Array();
  while (out.length < target) {
    const r = rng.int(10);
    if (r < 4 && own.length > 0) out.push(randomLines(rng, own, rng.logSize(40)));
    else if (r < 6 && logs.length > 0) out.push(randomLine(rng, rng.pick(logs).log));
    else if (r < 8) out.push(consoleLine(rng) + eol(rng));
    else if (r < 9) out.push(kernelLine(rng) + eol(rng));
    else out.push(escapeSequence(rng));
  }
  return out.done();
}

/**
 * Many of one thing, past the analyzer's limits (LIMITS in parsers/segment/evidence.ts: 64 boots, 64 cycles
 * a boot, 1000 failures a cycle, 5000 units, 500 jobs, 200 crashes, 64 phases): where it starts leaving
 * things out.
 */
export function flood(rng: Rng, logs: readonly Log[], maxBytes: number): { input: Uint8Array; what: string } {
  const out = new Bytes();
  const header = (): void => out.push(`[    0.000000] Linux version 6.8.0-fuzz (gcc) #1 SMP\r\n[    1.000000] Run /init as init process\r\nWelcome to Fedora Linux 40!\r\n`);
  const what = rng.pick(['boots', 'cycles', 'failures', 'units', 'jobs', 'crashes', 'phases', 'log'] as const);
  const n = what === 'failures' ? rng.between(900, 2500) : what === 'units' ? rng.between(4000, 6500) : what === 'jobs' ? rng.between(400, 900) : rng.between(50, 300);
  if (what !== 'boots' && what !== 'log') header();
  const u = (k: number): string => `unit${k}.${rng.pick(['service', 'mount', 'socket', 'device'])}`;
  for (let k = 0; k < n && out.length < maxBytes; k++) {
    switch (what) {
      case 'boots':
        header();
        out.push(rng.chance(0.5) ? `[FAILED] Failed to start ${u(k)} - Unit ${k}.\r\n` : `[  OK  ] Reached target multi-user.target.\r\n`);
        if (rng.chance(0.3)) out.push('[   50.000000] reboot: Restarting system\r\n');
        break;
      case 'cycles':
        out.push(`[  OK  ] Started ${u(k)}.\r\n[  OK  ] Reached target soft-reboot.target - Reboot System Userspace.\r\n[!!!!!!] Soft-rebooting\r\nWelcome to Fedora Linux 40!\r\n`);
        if (rng.chance(0.2)) out.push(`[FAILED] Failed to start ${u(k)}.\r\n`);
        break;
      case 'failures':
        out.push(rng.chance(0.8) ? `[FAILED] Failed to start ${u(k)} - Unit ${k}.\r\n` : `[DEPEND] Dependency failed for ${u(k)} - Unit ${k}.\r\n`);
        break;
      case 'units':
        out.push(`[  OK  ] Started ${u(k)} - Unit ${k}.\r\n`);
        break;
      case 'jobs':
        out.push(`[  *** ] A start job is running for ${u(k)} (${rng.int(90)}s / 1min 30s)\r\n`);
        if (rng.chance(0.5)) out.push(`${ESC}M\r${ESC}[K[ TIME ] Timed out waiting for device ${u(k)}.\r\n`);
        break;
      case 'crashes':
        out.push(`[${String(100 + k).padStart(5, ' ')}.000000] ${rng.pick(['WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2', 'BUG: soft lockup - CPU#0 stuck for 22s!', 'Oops: 0000 [#1] SMP', 'INFO: task a:1 blocked for more than 120 seconds.', 'Out of memory: Killed process 1 (a)'])}\r\n`);
        break;
      case 'phases':
        out.push(rng.pick(['Welcome to Fedora Linux 40!\r\n', '[  OK  ] Reached target initrd.target.\r\n', '[  OK  ] Reached target shutdown.target.\r\n', 'U-Boot 2023.01\r\n', '[    2.000000] Run /sbin/init as init process\r\n']));
        break;
      case 'log': {
        const small = logs.filter((l) => l.log.length < 60_000);
        if (small.length === 0) return { input: out.done(), what };
        const l = rng.pick(small).log;
        for (let times = 0; times < n && out.length < maxBytes; times++) out.push(l);
        return { input: out.done(), what };
      }
    }
  }
  return { input: out.done(), what };
}

// ---- cases ---------------------------------------------------------------------------------------

export interface FuzzCase {
  seed: number;
  index: number;
  kind: 'mutation' | 'bytes' | 'soup' | 'flood';
  /** How the input was made, for people. */
  recipe: string;
  input: Uint8Array;
  /** Splitter limits for this case (small ones reach the long-line paths with short inputs). */
  options: AnalyzerOptions;
}

export interface CaseOptions {
  /** Start from this corpus log (an index into `logs`) rather than a random one, and mutate it. */
  base?: number;
  /** Make this kind of input rather than a random kind. */
  kind?: FuzzCase['kind'];
  /** Bound on the size of generated inputs; a corpus log longer than this is cut to a window. */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 1 << 20;

/** Case `index` of the run seeded `seed`: the same numbers always give the same case. */
export function makeCase(seed: number, index: number, logs: readonly Log[], opts: CaseOptions = {}): FuzzCase {
  const rng = new Rng(caseSeed(seed, index));
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const options: AnalyzerOptions = {};
  if (rng.chance(0.15)) options.maxLineBytes = rng.between(256, 4096);
  if (rng.chance(0.1)) options.maxStringBytes = rng.logSize(4096);
  const kind =
    opts.kind ??
    (opts.base !== undefined
      ? 'mutation'
      : logs.length === 0
        ? 'bytes'
        : rng.weighted<FuzzCase['kind']>([
            [6, 'mutation'],
            [3, 'bytes'],
            [2, 'soup'],
            [1, 'flood'],
          ]));
  let input: Uint8Array;
  let recipe: string;
  if (kind === 'bytes') {
    input = randomBytes(rng, Math.min(maxBytes, 300_000));
    recipe = 'random bytes';
  } else if (kind === 'soup') {
    input = lineSoup(rng, logs, Math.min(maxBytes, 400_000));
    recipe = 'line soup';
  } else if (kind === 'flood') {
    const f = flood(rng, logs, maxBytes);
    input = f.input;
    recipe = `flood of ${f.what}`;
    // A flood's lines are mangled too, now and then, where the limits are reached.
    if (rng.chance(0.3)) {
      const m = rng.pick(MUTATIONS);
      input = mutate(rng, input, logs, m);
      recipe += `: ${m}`;
    }
  } else {
    const baseIndex = opts.base ?? rng.int(logs.length);
    const base = logs[baseIndex]!;
    let data = base.log;
    const steps: string[] = [];
    if (data.length > maxBytes) {
      const at = rng.int(data.length - maxBytes + 1);
      data = data.subarray(at, at + maxBytes);
      steps.push(`window@${at}`);
    }
    for (let n = rng.weighted<number>([[5, 1], [3, 2], [2, 3], [1, 6]]); n > 0; n--) {
      const m = rng.pick(MUTATIONS);
      data = mutate(rng, data, logs, m);
      steps.push(m);
      if (data.length > maxBytes * 2) {
        data = data.subarray(0, maxBytes * 2);
        steps.push('cut');
      }
    }
    input = data;
    recipe = `${base.name}: ${steps.join(', ')}`;
  }
  return { seed, index, kind, recipe, input, options };
}

/** Inputs of the CI slice are bounded to this. */
export const SLICE_MAX_BYTES = 256 * 1024;

/**
 * Case `index` of the CI slice (test/fuzz.test.ts): cases 0 … logs.length - 1 mutate each corpus log in turn
 * (a window of a long log), later ones alternate random bytes and line soups, one in ten a flood.
 * `npm run fuzz -- --slice --seed N --case I` makes the same case.
 */
export function sliceCase(seed: number, index: number, logs: readonly Log[]): FuzzCase {
  if (index < logs.length) return makeCase(seed, index, logs, { base: index, maxBytes: SLICE_MAX_BYTES });
  if (index % 10 === 5) return makeCase(seed, index, logs, { kind: 'flood', maxBytes: SLICE_MAX_BYTES / 2 });
  return makeCase(seed, index, logs, { kind: index % 2 === 0 ? 'bytes' : 'soup', maxBytes: SLICE_MAX_BYTES });
}

// ---- chunkings -----------------------------------------------------------------------------------

/**
 * How bytes are handed to `write`: whole, in fixed slices, or in random slices, with `report()` asked
 * between some writes when `peek`, and as a live console is read when `live` (`checkPartialLine()` when the
 * input pauses, now and then a `markGap()`: the report may then differ, it must still be valid). A random
 * chunking is made from its seed, so it replays.
 */
export type Chunking = { kind: 'whole' } | { kind: 'fixed'; size: number } | { kind: 'random'; seed: number; style: 'tiny' | 'small' | 'mixed'; peek: boolean; live?: boolean };

export function describeChunking(c: Chunking): string {
  if (c.kind !== 'random') return c.kind === 'whole' ? 'whole' : `${c.size}-byte chunks`;
  return `random ${c.style} chunks (seed ${c.seed}${c.peek ? ', report() between writes' : ''}${c.live ? ', read live: checkPartialLine() and markGap() between writes' : ''})`;
}

/** The chunk sizes of `c` for `length` bytes. */
export function chunkSizes(c: Chunking, length: number): number[] {
  if (c.kind === 'whole') return length === 0 ? [] : [length];
  const out: number[] = [];
  if (c.kind === 'fixed') {
    for (let at = 0; at < length; at += c.size) out.push(Math.min(c.size, length - at));
    return out;
  }
  const rng = new Rng(c.seed);
  for (let at = 0; at < length; ) {
    const size = Math.min(length - at, c.style === 'tiny' ? rng.between(1, 4) : c.style === 'small' ? rng.between(1, 64) : rng.logSize(65536));
    out.push(size);
    at += size;
  }
  return out;
}

/** The chunkings every case is checked with (the first, whole, is the reference; a live one last). */
export function chunkingsFor(rng: Rng, randomOnes = 2, live = true): Chunking[] {
  const out: Chunking[] = [{ kind: 'whole' }, { kind: 'fixed', size: 1 }, { kind: 'fixed', size: 7 }];
  for (let k = 0; k < randomOnes; k++) {
    out.push({ kind: 'random', seed: rng.u32(), style: rng.pick(['tiny', 'small', 'mixed'] as const), peek: k === randomOnes - 1 });
  }
  if (live) out.push({ kind: 'random', seed: rng.u32(), style: rng.pick(['tiny', 'small', 'mixed'] as const), peek: true, live: true });
  return out;
}

// ---- properties ----------------------------------------------------------------------------------

/** What the properties need of an analyzer (a test gives a broken one to see the harness catch it). */
export interface AnalyzerLike {
  write(chunk: Uint8Array): void;
  end(): unknown;
  report(): unknown;
  checkPartialLine?(): void;
  markGap?(reason: string, seconds: number | null): void;
}

export type Property = 'throws' | 'schema' | 'consistency' | 'determinism' | 'end-twice' | 'chunking' | 'mid-report' | 'live' | 'events';

export interface Violation {
  property: Property;
  chunking: Chunking;
  message: string;
}

export interface CheckOptions {
  analyzer?: (options: AnalyzerOptions) => AnalyzerLike;
  options?: AnalyzerOptions;
  chunkings?: Chunking[];
  /** Returns why the report is invalid, or null. Defaults to the zod report schema. */
  validate?: (report: unknown) => string | null;
  /** Returns why a valid report contradicts itself or its input, or null. Defaults to `consistency`. */
  consistent?: (report: unknown, input: Uint8Array) => string | null;
}

export function validateReport(report: unknown): string | null {
  const parsed = Report.safeParse(report);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * What a valid report must also get right, whatever the input: it counts every byte, its boots come in
 * input order without overlapping, a boot's userspace cycles lie inside it in order, and nothing ends
 * before it starts. (Line numbers are the input's raw lines; `input.lines` counts what the terminal layer
 * emitted, redrawn frames included, so the two are not compared.)
 */
export function consistency(report: unknown, input: Uint8Array): string | null {
  const r = report as ReportT;
  if (r.input.bytes !== input.length) return `input.bytes is ${r.input.bytes}, the input has ${input.length}`;
  const span = (what: string, start: number, end: number): string | null => (start > end ? `${what} starts on line ${start} after it ends (${end})` : null);
  let prevEnd = 0;
  for (const b of r.boots) {
    const at = `boot ${b.index}`;
    const bad = span(at, b.startLine, b.endLine);
    if (bad) return bad;
    if (b.startLine < prevEnd) return `${at} starts on line ${b.startLine}, before the boot ahead of it ends (${prevEnd})`;
    prevEnd = b.endLine;
    for (const p of b.phases) {
      const bp = span(`${at} phase ${p.name}`, p.startLine, p.endLine);
      if (bp) return bp;
    }
    let cycleEnd = 0;
    for (const c of b.cycles) {
      const cat = `${at} cycle ${c.index}`;
      const bc = span(cat, c.startLine, c.endLine);
      if (bc) return bc;
      if (c.startLine < b.startLine || c.endLine > b.endLine) return `${cat} (lines ${c.startLine}–${c.endLine}) is not inside its boot (${b.startLine}–${b.endLine})`;
      if (c.startLine < cycleEnd) return `${cat} starts on line ${c.startLine}, before the cycle ahead of it ends (${cycleEnd})`;
      cycleEnd = c.endLine;
      for (const p of c.phases) {
        const bp = span(`${cat} phase ${p.name}`, p.startLine, p.endLine);
        if (bp) return bp;
      }
      for (const j of c.hungJobs) {
        const bj = span(`${cat} job ${j.unit.text}`, j.firstLine, j.lastLine);
        if (bj) return bj;
      }
    }
  }
  return null;
}

const realAnalyzer = (options: AnalyzerOptions): AnalyzerLike => new Analyzer({ name: 'fuzz', ...options });

/** Where two JSON values first differ, as a path with both values (cut short). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    const show = (v: unknown): string => {
      const s = JSON.stringify(v) ?? String(v);
      return s.length > 160 ? s.slice(0, 160) + '…' : s;
    };
    return `${path}: ${show(a)} vs ${show(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : `${path}: length ${a.length} vs ${b.length}`;
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  for (const k of new Set([...ka, ...kb])) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

class PropertyError extends Error {
  constructor(readonly violation: Violation) {
    super(violation.message);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : String(e);
}

interface Run {
  json: string;
  report: unknown;
  /** JSON of a second `end()`. */
  again: string;
  /** The events emitted, when listened to. */
  events: unknown[];
}

/** Feeds `input` with chunking `c` (listening to events when `listen`): the report, as JSON too. */
function runOnce(input: Uint8Array, c: Chunking, make: (o: AnalyzerOptions) => AnalyzerLike, options: AnalyzerOptions, validate: (r: unknown) => string | null, listen: boolean): Run {
  let a: AnalyzerLike;
  let report: unknown;
  const events: unknown[] = [];
  try {
    a = make(listen ? { ...options, onEvent: (e) => events.push(e) } : options);
    const sizes = chunkSizes(c, input.length);
    const peekRng = c.kind === 'random' && c.peek ? new Rng(c.seed ^ 0x5bd1e995) : null;
    const liveRng = c.kind === 'random' && c.live ? new Rng(c.seed ^ 0x1b873593) : null;
    let peeks = 0;
    let gaps = 0;
    let pauses = 0;
    let at = 0;
    for (const size of sizes) {
      a.write(input.subarray(at, at + size));
      at += size;
      if (liveRng) {
        if (pauses < 400 && liveRng.chance(Math.min(0.5, 100 / sizes.length))) {
          pauses++;
          a.checkPartialLine?.();
        }
        if (gaps < 3 && liveRng.chance(Math.min(0.05, 2 / sizes.length))) {
          gaps++;
          a.markGap?.(liveRng.pick(['closed', 'connection reset', 'the file was truncated']), liveRng.chance(0.5) ? null : liveRng.float() * 100);
        }
      }
      if (peekRng && peeks < 12 && peekRng.chance(Math.min(0.5, 16 / sizes.length))) {
        peeks++;
        const mid = a.report();
        const why = validate(mid);
        if (why) throw new PropertyError({ property: 'mid-report', chunking: c, message: `report() after ${at} bytes does not validate: ${why}` });
      }
    }
    report = a.end();
  } catch (e) {
    if (e instanceof PropertyError) throw e;
    throw new PropertyError({ property: 'throws', chunking: c, message: errorText(e) });
  }
  let again: unknown;
  try {
    again = a.end();
  } catch (e) {
    throw new PropertyError({ property: 'end-twice', chunking: c, message: `end() a second time threw: ${errorText(e)}` });
  }
  return { json: JSON.stringify(report), report, again: JSON.stringify(again), events };
}

function validateEvents(events: unknown[]): string | null {
  for (let i = 0; i < events.length; i++) {
    const parsed = AnalyzerEvent.safeParse(events[i]);
    if (!parsed.success) return `event ${i} (${JSON.stringify(events[i]).slice(0, 200)}) does not validate: ${parsed.error.issues[0]?.message ?? ''}`;
  }
  return null;
}

/**
 * Checks every property on `input`; the first violation, or null. The reference run (the first chunking)
 * has no event listener; every other run listens, so the report must not depend on being listened to, and
 * the events of every chunking must validate and be the same (a live reading's are not compared).
 */
export function checkInput(input: Uint8Array, opts: CheckOptions = {}): Violation | null {
  const make = opts.analyzer ?? realAnalyzer;
  const options = opts.options ?? {};
  const validate = opts.validate ?? validateReport;
  const consistent = opts.consistent ?? (opts.validate ? () => null : consistency);
  const checkEvents = opts.validate ? () => null : validateEvents;
  const chunkings = opts.chunkings ?? [{ kind: 'whole' }, { kind: 'fixed', size: 1 }, { kind: 'fixed', size: 7 }];
  const first = chunkings[0] ?? { kind: 'whole' };
  try {
    const ref = runOnce(input, first, make, options, validate, false);
    const why = validate(ref.report);
    if (why) return { property: 'schema', chunking: first, message: `the report does not validate: ${why}` };
    const wrong = consistent(ref.report, input);
    if (wrong) return { property: 'consistency', chunking: first, message: `the report contradicts itself: ${wrong}` };
    if (ref.again !== ref.json) {
      return { property: 'end-twice', chunking: first, message: `end() a second time gives another report: ${firstDifference(JSON.parse(ref.json), JSON.parse(ref.again))}` };
    }
    const twice = runOnce(input, first, make, options, validate, true);
    if (twice.json !== ref.json) {
      return { property: 'determinism', chunking: first, message: `the same bytes analysed again (listening to events) give another report: ${firstDifference(JSON.parse(twice.json), JSON.parse(ref.json))}` };
    }
    const badEvent = checkEvents(twice.events);
    if (badEvent) return { property: 'events', chunking: first, message: badEvent };
    const refEvents = JSON.stringify(twice.events);
    for (const c of chunkings.slice(1)) {
      const got = runOnce(input, c, make, options, validate, true);
      if (c.kind === 'random' && c.live) {
        const bad = validate(got.report) ?? consistent(got.report, input) ?? checkEvents(got.events);
        if (bad) return { property: 'live', chunking: c, message: `read live (${describeChunking(c)}), the report or an event is wrong: ${bad}` };
        continue;
      }
      if (got.json !== ref.json) {
        return { property: 'chunking', chunking: c, message: `fed in ${describeChunking(c)}, the report differs from the whole input's: ${firstDifference(JSON.parse(got.json), JSON.parse(ref.json))}` };
      }
      if (JSON.stringify(got.events) !== refEvents) {
        return { property: 'events', chunking: c, message: `fed in ${describeChunking(c)}, the events differ from the whole input's: ${firstDifference(got.events, twice.events)}` };
      }
    }
    return null;
  } catch (e) {
    if (e instanceof PropertyError) return e.violation;
    throw e;
  }
}

/** Checks case `index` of run `seed`: the chunkings are made from the case's seed too. */
export function checkCase(fc: FuzzCase, opts: Omit<CheckOptions, 'chunkings' | 'options'> & { randomChunkings?: number; live?: boolean } = {}): Violation | null {
  const rng = new Rng(caseSeed(fc.seed, fc.index) ^ 0x27d4eb2f);
  return checkInput(fc.input, { ...opts, options: fc.options, chunkings: chunkingsFor(rng, opts.randomChunkings ?? 2, opts.live ?? true) });
}

// ---- failures: saved, replayed, shrunk -----------------------------------------------------------

export interface FailureRecord {
  seed: number | null;
  index: number | null;
  recipe: string;
  options: AnalyzerOptions;
  violation: Violation;
}

export const FAILURE_DIR = join(tmpdir(), 'bootwhy-fuzz');

/** Writes the failing input (`<base>.bin`) and what failed (`<base>.json`); returns the input's path. */
export function saveFailure(input: Uint8Array, record: FailureRecord, base?: string): string {
  mkdirSync(FAILURE_DIR, { recursive: true });
  const name = base ?? (record.seed !== null && record.index !== null ? `seed-${record.seed}-case-${record.index}` : `replay-${Date.now()}`);
  const file = join(FAILURE_DIR, `${name}.bin`);
  writeFileSync(file, input);
  writeFileSync(join(FAILURE_DIR, `${name}.json`), JSON.stringify(record, null, 2) + '\n');
  return file;
}

/** Replays a saved input: every default chunking plus the one recorded next to it, with its options. */
export function replayFile(file: string, opts: Omit<CheckOptions, 'chunkings' | 'options'> = {}): { input: Uint8Array; record: FailureRecord | null; violation: Violation | null } {
  const input = new Uint8Array(readFileSync(file));
  let record: FailureRecord | null = null;
  try {
    record = JSON.parse(readFileSync(file.replace(/\.bin$/, '') + '.json', 'utf8')) as FailureRecord;
  } catch {
    record = null;
  }
  const chunkings: Chunking[] = [{ kind: 'whole' }, { kind: 'fixed', size: 1 }, { kind: 'fixed', size: 7 }];
  if (record && record.violation.chunking.kind === 'random') chunkings.push(record.violation.chunking);
  chunkings.push({ kind: 'random', seed: 3, style: 'small', peek: true, live: true });
  chunkings.push({ kind: 'random', seed: 1, style: 'small', peek: true }, { kind: 'random', seed: 2, style: 'mixed', peek: false });
  return { input, record, violation: checkInput(input, { ...opts, options: record?.options ?? {}, chunkings }) };
}

/**
 * A smaller input that still violates the same property: whole lines dropped first (halves, quarters, …),
 * then bytes, within `budgetMs`. Chunk-dependence is checked with 1-byte, 7-byte and a few random chunkings
 * at every step, so a bug that needed one particular cut may be lost: the original input stays saved.
 */
export function shrink(input: Uint8Array, property: Property, opts: Omit<CheckOptions, 'chunkings'> & { budgetMs?: number; extra?: Chunking[] } = {}): Uint8Array {
  const deadline = Date.now() + (opts.budgetMs ?? 60_000);
  const chunkings: Chunking[] = [
    { kind: 'whole' },
    { kind: 'fixed', size: 1 },
    { kind: 'fixed', size: 7 },
    { kind: 'random', seed: 11, style: 'tiny', peek: property === 'mid-report' },
    { kind: 'random', seed: 12, style: 'small', peek: true },
    ...(property === 'live' ? [{ kind: 'random' as const, seed: 13, style: 'small' as const, peek: true, live: true }] : []),
    ...(opts.extra ?? []),
  ];
  const fails = (data: Uint8Array): boolean => {
    const v = checkInput(data, { ...opts, chunkings });
    return v !== null && v.property === property;
  };
  return shrinkWith(input, fails, deadline);
}

/** ddmin over lines (halves, quarters, …), then over bytes, until `deadline` (a Date.now() value): the
 *  smallest input found for which `fails` still holds. */
export function shrinkWith(input: Uint8Array, fails: (data: Uint8Array) => boolean, deadline: number): Uint8Array {
  if (!fails(input)) return input;
  let best = input;
  /** Unit boundaries: line starts, or every byte. */
  const cuts = (data: Uint8Array, byLine: boolean): number[] => {
    if (!byLine) return Array.from({ length: data.length + 1 }, (_, i) => i);
    const out = [0];
    for (let i = data.indexOf(0x0a); i >= 0 && i + 1 < data.length; i = data.indexOf(0x0a, i + 1)) out.push(i + 1);
    out.push(data.length);
    return out;
  };
  for (const byLine of [true, false]) {
    let at = cuts(best, byLine);
    let n = 2;
    while (at.length > 2 && Date.now() < deadline) {
      const units = at.length - 1;
      const size = Math.ceil(units / n);
      let reduced = false;
      for (let lo = 0; lo < units && Date.now() < deadline; lo += size) {
        const hi = Math.min(units, lo + size);
        const candidate = concat(best.subarray(0, at[lo]!), best.subarray(at[hi]!));
        if (fails(candidate)) {
          best = candidate;
          at = cuts(best, byLine);
          n = Math.max(2, n - 1);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (size === 1) break;
        n = Math.min(units, n * 2);
      }
    }
  }
  return best;
}

/** Bytes from a string of char codes 0–255 (what `literal` prints). */
export function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

/** An input as a JavaScript string literal of one char per byte, for `latin1(…)` in regression tests. */
export function literal(input: Uint8Array): string {
  let s = '';
  for (const b of input) {
    if (b === 0x5c) s += '\\\\';
    else if (b === 0x27) s += "\\'";
    else if (b === 0x0a) s += '\\n';
    else if (b === 0x0d) s += '\\r';
    else if (b === 0x09) s += '\\t';
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `'${s}'`;
}
