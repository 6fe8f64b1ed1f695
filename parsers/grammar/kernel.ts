/** Kernel printk lines: the `[  t]` / `[  t][T123]` prefix and the crash reports the kernel prints. */

import { anyLiteral, anyStart, escapeRegExp } from './literals.js';

export interface KernelPrefix {
  /** Seconds since the kernel started. */
  uptime: number;
  /** Caller id from CONFIG_PRINTK_CALLER (`T123` or `C1`), if present. */
  caller: string | null;
  /** Where the message starts in the line. */
  messageStart: number;
  /** The seconds had lost printk's padding (`[0.000000]`), and were read as the kernel's anyway. */
  unpadded?: boolean;
}

// `[    7.779483] `, `[ 130.009798]` (web copies collapse spaces), `[    0.000000][    T0] `.
// Android and vendor kernels print their own caller right after: `[    0.691373][7:1:init] `,
// `[    2.083638]  [4:           init:    1] ` (cpu, comm, pid).
// HiSilicon's vendor kernels (Huawei phones) print seconds with an `s` and the task after them:
// `[   32.422210s][pid:1,cpu5,init]init: …`.
// (Kylin's and openEuler's kernels print the CPU alone: `[   13.380405][  0] Unable to handle kernel …`.)
const PREFIX = /^\[\s*(\d{1,10}\.\d{6})s?\](?:\[\s*([TC]\d{1,10}|\d{1,4}:\d{1,7}:[^\]]{1,40}|pid:\d{1,7},cpu\d{1,4},[^\]]{1,40}|\d{1,4})\])?\s?/;
const CALLER_AFTER = /\s?\[\s*([TC]\d{1,10}|\d{1,4}:\s*[^\]:]{1,40}:\s*\d{1,7})\] ?/y;
/** MediaTek's `(7)[1:swapper/0]` (CPU, then PID and task) before a kernel message, `-` first on the boot CPU's
 *  early lines: after the stamp, or after logcat's columns (input/unwrap.ts). */
export const MTK_CALLER = /^-?\((\d{1,3})\)\[(\d{1,7}):([^\]]{1,40})\]/;
// A timestamp somewhere inside a line: printk output that landed in the middle of another line.
const EMBEDDED = /\[\s{0,12}\d{1,10}\.\d{6}\](?:\[\s*[TC]\d{1,10}\])?/;

const UNPADDED_PROCESS = /^[\w@.-]{1,40}\[\d{1,7}\]: /;
/** Or the kernel's crash report (`[0.000000] BUG: Kernel NULL pointer dereference at 0x00000028`): no firmware says that. */
const UNPADDED_CRASH = /^(?:BUG: |Oops|Kernel panic - not syncing|Unable to handle kernel |WARNING: CPU|Call Trace:|---\[ end trace)/;

/** `unpadded`: stamps that lost printk's padding are this log's kernel lines (the caller saw its crash report so). */
export function parseKernelPrefix(text: string, unpadded0 = false): KernelPrefix | null {
  if (codeAt(text, 0) !== 0x5b /* [ */) return null;
  // By hand for the common `[ 12.345678] `: this runs on every kernel line.
  let i = 1;
  while (codeAt(text, i) === 0x20) i++;
  const digits = i;
  while (isDigit(codeAt(text, i))) i++;
  if (i === digits || codeAt(text, i) !== 0x2e /* . */) return null;
  // printk pads the seconds to five places (`[    2.873679]`); firmware's `[2.873679]` is not the kernel's,
  // unless a process speaks after it (`[186.175174] dracut-initqueue[268]: …`, a paste that lost the padding).
  const unpadded = digits === 1 && i - digits < 5;
  i++;
  const frac = i;
  while (isDigit(codeAt(text, i))) i++;
  // printk prints six digits (`%5lu.%06lu`); firmware's `[00.340]` is not the kernel's.
  // (Seven: a stamp copied by hand with a digit too many, `[17179574.9760000]`.)
  const places = i - frac;
  if (places !== 6 && places !== 7) return null;
  // Amlogic's vendor kernels put the CPU after an `@` (`[    0.000000@0] Booting Linux on physical CPU`).
  let cpuAt = -1;
  if (codeAt(text, i) === 0x40 /* @ */ && isDigit(codeAt(text, i + 1))) {
    cpuAt = i;
    i++;
    while (isDigit(codeAt(text, i)) && i - cpuAt <= 4) i++;
  }
  // (HiSilicon's `s` after the seconds: read by the pattern, with the task that follows.)
  if (codeAt(text, i) === 0x73 /* s */ && cpuAt < 0 && codeAt(text, i + 1) === 0x5d && codeAt(text, i + 2) === 0x5b) {
    const m = PREFIX.exec(text);
    return m === null ? null : { uptime: Number(m[1]), caller: m[2] ?? null, messageStart: m[0].length };
  }
  if (codeAt(text, i) !== 0x5d /* ] */) return null;
  if (codeAt(text, i + 1) === 0x5b /* [ */) {
    const m = PREFIX.exec(text);
    if (m === null) return null;
    return { uptime: Number(m[1]), caller: m[2] ?? null, messageStart: m[0].length };
  }
  // Seconds from the digits, exactly as Number() would read them: both integers are exact and one
  // division rounds once (a slice and a parse cost twice the rest of this function).
  let whole = 0;
  for (let k = digits; k < frac - 1; k++) whole = whole * 10 + text.charCodeAt(k) - 0x30;
  let micro = 0;
  for (let k = frac; k < (cpuAt >= 0 ? cpuAt : i); k++) micro = micro * 10 + text.charCodeAt(k) - 0x30;
  const uptime = whole < 9e9 && places === 6 ? (whole * 1e6 + micro) / 1e6 : Number(text.slice(digits, cpuAt >= 0 ? cpuAt : i));
  // (Qualcomm's vendor kernels put the CPU after the bracket: `[   49.655037]@0 Kernel BUG at …`.)
  let end = i + 1;
  let cpuAfter: string | null = null;
  if (codeAt(text, end) === 0x40 /* @ */ && isDigit(codeAt(text, end + 1))) {
    let j = end + 1;
    while (isDigit(codeAt(text, j)) && j - end <= 3) j++;
    if (codeAt(text, j) === 0x20) {
      cpuAfter = `C${text.slice(end + 1, j)}`;
      end = j;
    }
  }
  let start = codeAt(text, end) === 0x20 ? end + 1 : end;
  // (Some of Amlogic's kernels print two spaces after their `@cpu` stamp: `[    1.720344@1]  device-mapper: …`;
  // the message begins after both, as it does after one.)
  if (cpuAt >= 0 && start > end && codeAt(text, start) === 0x20 && codeAt(text, start + 1) > 0x20) start++;
  if (unpadded && !unpadded0 && !UNPADDED_PROCESS.test(text.slice(start, start + 80)) && !UNPADDED_CRASH.test(text.slice(start, start + 40))) return null;
  // The caller id after a space (`[    3.078160] [      T0] WARNING: …`, as dmesg prints it).
  let caller: string | null = cpuAfter;
  if (codeAt(text, start) === 0x5b /* [ */ || (codeAt(text, start) === 0x20 && codeAt(text, start + 1) === 0x5b)) {
    CALLER_AFTER.lastIndex = start;
    const c = CALLER_AFTER.exec(text);
    if (c) {
      caller = c[1]!;
      start += c[0].length;
    }
  }
  // MediaTek's vendor kernels put the CPU and the task after the stamp, a `-` first on the boot CPU's
  // early lines: `[    0.175000] (7)[1:swapper/0]WARNING: CPU: 7 …`, `[    0.000000] -(0)[0:swapper]Booting Linux …`.
  if (caller === null && (codeAt(text, start) === 0x28 /* ( */ || (codeAt(text, start) === 0x2d /* - */ && codeAt(text, start + 1) === 0x28))) {
    const c = MTK_CALLER.exec(text.slice(start, start + 64));
    if (c) {
      caller = `${c[2]}:${c[1]}`;
      start += c[0].length;
    }
  }
  // PREEMPT_RT's printk of the 4.19–5.10 years put the CPU's number after the stamp: `[  195.694278] 002: nfs: …`.
  if (caller === null && isDigit(codeAt(text, start)) && isDigit(codeAt(text, start + 1)) && isDigit(codeAt(text, start + 2)) && codeAt(text, start + 3) === 0x3a /* : */ && codeAt(text, start + 4) === 0x20) {
    caller = `C${Number(text.slice(start, start + 3))}`;
    start += 5;
  }
  return unpadded ? { uptime, caller, messageStart: start, unpadded: true } : { uptime, caller, messageStart: start };
}

/** printk's stamp (`[   36.425579]`: padding, seconds, six places) begins at `at` in `text` (its `[`). */
export function kernelStampAt(text: string, at: number): boolean {
  let i = at + 1;
  while (codeAt(text, i) === 0x20) i++;
  const digits = i;
  while (isDigit(codeAt(text, i))) i++;
  if (i === digits || codeAt(text, i) !== 0x2e /* . */) return false;
  const frac = ++i;
  while (isDigit(codeAt(text, i))) i++;
  return i - frac === 6 && codeAt(text, i) === 0x5d /* ] */;
}

/**
 * The character code at `i`, -1 outside the text. (`charCodeAt` there is NaN, and V8 throws away the optimized code
 * of the function it was inlined in at each place that first reads past a line's end: these run inside the
 * classifier's largest functions, whose compiling again costs more than the lines do. -1 compares as NaN does
 * wherever a character is tested for being one or in a range.)
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The literals the location rule looks for (RISC-V names the faulting PC `epc : spacemit_snd_pcm_new+0x19a/0x280`,
 *  MIPS its address first: `epc   : 801be4f0 cmpxchg_futex_value_locked+0x2c/0x78`). */
export const LOCATION_LITERALS = ['RIP:', 'pc : ', 'epc : ', 'epc   : ', 'EIP:', 'EIP is at', 'IP: [<', 'PC is at', 'pc is at ', 'NIP [', 'Krnl PSW : ', 'TPC: <', 'PC: <', 'ip is at '] as const;

/** A test of one kernel message. */
export interface KernelGate {
  test(message: string): boolean;
}

/**
 * The gate every kernel line passes before any kernel rule runs: every rule's own literal (crash rules,
 * boot events, locations, storage words), so no rule can be unreachable. Two regexes, not one: an
 * anchored alternation of how messages begin (after an optional `watchdog: `) fails at once on most
 * lines, and the few storage words that can stand anywhere are searched for on their own (one regex
 * mixing both tries the anchored part at every position; measured here: 107 ns a line against 51).
 */
export function kernelGate(extraStarts: readonly string[], extraWords: readonly string[] = []): KernelGate {
  const literal = escapeRegExp;
  const starts = [...new Set([...CRASH_RULES.flatMap((r) => r.starts ?? [r.literal]), ...LOCATION_LITERALS, ...STORAGE_STARTS, ...DRIVER_FAILURE_STARTS, ...extraStarts])];
  const atStart = new RegExp(`^(?:(?:NMI )?watchdog: )?(?:${starts.map(literal).join('|')})`);
  // `rror` and `orrupt` share `rr`: one alternative begun there scans faster (`interrupt` is not `orrupt`).
  const words = STORAGE_ANYWHERE.filter((w) => w !== 'rror' && w !== 'orrupt').map(literal);
  const anywhere = new RegExp(['rr(?:or|(?<=orr)upt)', ...words, ...COMM_CRASH_WORDS.map(literal), ...extraWords.map(literal)].join('|'));
  return { test: (m: string): boolean => atStart.test(m) || anywhere.test(m) };
}

/** Alpha's and PA-RISC's crash headers begin with the task (`systemd(1): Instruction fault 4`): the gate looks for their
 *  words anywhere (a character class at the start of the anchored alternatives cost 5% of the speed). */
const COMM_CRASH_WORDS = ['Instruction fault', 'Kernel Bug', 'Kernel Unaligned', 'unhandled page fault', ' (code ', '): Oops', 'bugcheck!', 'NaT consumption', 'General Exception', 'Unsupported data reference', 'Illegal operation fault', 'Unaligned reference', 'Disabled FPL fault'];

/** How the subsystems whose errors are storage evidence begin their messages. */
export const STORAGE_STARTS = ['/dev/', 'ntfs3: ', 'bcachefs', 'VFS: ', 'UBI error: ', 'jffs2: Erase at ', 'jffs2: Too few erase blocks', 'No filesystem could mount root', 'Failed to create /dev/root', 'RAMDISK: ', 'EXT4-fs', 'XFS (', 'BTRFS', 'FAT-fs', 'F2FS-fs', 'SQUASHFS error', 'squashfs: ', 'Filesystem uses ', 'UBIFS error', 'Buffer I/O', 'blk_update_request', 'print_req_error', 'I/O error', 'sd ', 'device-mapper:', 'swapon: '];
/** Storage words that can be anywhere in a message (every STORAGE_ERROR alternative not begun by a
 *  STORAGE_STARTS prefix holds one). */
export const STORAGE_ANYWHERE = ['rror', 'I/O', 'orrupt', 'superblock', 'no such device', 'unknown filesystem', 'shut down', 'wrong fs'];

/** Index of a kernel timestamp that starts after position 0, or -1. */
export function findEmbeddedKernelPrefix(text: string): number {
  const at = text.indexOf('[', 1);
  if (at < 0) return -1;
  const m = EMBEDDED.exec(text.slice(at));
  return m === null ? -1 : at + m.index;
}

export type CrashKind = 'panic' | 'oops' | 'bug' | 'warning' | 'hung-task' | 'oom';

export interface CrashRule {
  kind: CrashKind;
  /** Cheap literal test before the regex. */
  literal: string;
  pattern: RegExp;
  /** Short title in the manner of syzkaller's report titles; `$<name>` refers to a capture group. */
  title: string;
  /** A kernel message the rule must find (test/rules.test.ts feeds it through the whole Analyzer). */
  example: string;
  /** How the messages the rule finds begin (after an optional `watchdog: `), when that is not its literal:
   *  the kernel gate tests message starts only. */
  starts?: readonly string[];
}

/** How s390's program-check names begin (the gate tests message starts). */
const S390_PROGRAM_CHECKS = ['illegal operation', 'privileged operation', 'execute exception', 'protection exception', 'addressing exception', 'specification exception', 'data exception', 'fixed point', 'hfp ', 'translation exception', 'special operation', 'operand exception', 'monitor event', 'transaction constraint', 'vector '];

/** The names x86's die() gives its traps (general protection fault has a row of its own). */
const X86_TRAPS = ['invalid opcode', 'divide error', 'int3', 'stack segment', 'double fault', 'invalid TSS', 'segment not present', 'alignment check', 'bounds', 'coprocessor segment overrun', 'device not available'];
/** … as some kernels name them, with an underscore (5.9's `divide_error: 0000 [#1]`). */
const X86_TRAP_STARTS = [...X86_TRAPS, ...X86_TRAPS.filter((t) => t.includes(' ')).map((t) => t.replace(/ /g, '_'))];

/** One row per detection; specific formats first. */
export const CRASH_RULES: readonly CrashRule[] = [
  { kind: 'panic', literal: 'Kernel panic', starts: ['Kernel panic'], pattern: /Kernel panic(?: - not syncing)? ?: ?(?<reason>.*?)\s*$/, title: 'kernel panic: $<reason>', example: 'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)' },
  // (x86's page-fault header: an oops, its `Oops:` line after it whether or not the log kept it.)
  { kind: 'oops', literal: 'BUG: unable to handle', starts: ['BUG: '], pattern: /BUG: unable to handle (?<what>[^\s]+(?: [^\s]+)*?) (?:at|for)/, title: 'BUG: unable to handle $<what>', example: 'BUG: unable to handle kernel NULL pointer dereference at 0000000000000018' },
  { kind: 'bug', literal: 'BUG: soft lockup', starts: ['BUG: '], pattern: /BUG: soft lockup - CPU#\d+ stuck for \d+s! \[(?<comm>[^\]]+?)(?::\d+)?(?:\]|\s*$)/, title: 'BUG: soft lockup in $<comm>', example: 'watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [jackett:333]' },
  { kind: 'bug', literal: 'BUG: ', pattern: /^(?:watchdog: |NMI watchdog: )?BUG: (?<what>.*?)\s*$/, title: 'BUG: $<what>', example: 'BUG: KASAN: slab-out-of-bounds in ip6_fragment+0x11c8/0x3730' },
  // x86's early exception handler, before the kernel's console and its panic() are up (printed without a
  // timestamp): `PANIC: early exception 0x0d IP 10:ffffffff812cef11 error 0 cr2 0xffff888004a3aff8`.
  { kind: 'panic', literal: 'PANIC: early exception', pattern: /^PANIC: early exception (?<vector>(?:0x)?[0-9a-f]+)/, title: 'PANIC: early exception $<vector>', example: 'PANIC: early exception 0x0d IP 10:ffffffff812cef11 error 0 cr2 0xffff888004a3aff8' },
  // arm64's asynchronous external abort (`SError Interrupt on CPU0, code 0xbf000000 -- SError`): arm64_serror_panic()
  // prints it, the registers, and panics (`Asynchronous SError Interrupt`); a log cut in the registers has it alone.
  { kind: 'panic', literal: 'SError Interrupt on CPU', starts: ['SError Interrupt on CPU'], pattern: /^SError Interrupt on CPU(?<cpu>\d+), code 0x[0-9a-fA-F]+/, title: 'SError Interrupt on CPU$<cpu>', example: 'SError Interrupt on CPU0, code 0xbf000000 -- SError' },
  // The Xen hypervisor's own panic, on its console under dom0's (`(XEN) Panic on CPU 0:`, its reason on the
  // next line): the machine stops there, before or under Linux.
  { kind: 'panic', literal: 'Panic on CPU', starts: ['(XEN) Panic on CPU'], pattern: /^\(XEN\) Panic on CPU (?<cpu>\d+):/, title: 'Xen hypervisor panic on CPU $<cpu>', example: '(XEN) Panic on CPU 0:' },
  // (Or dom0's kernel crashed under it, so early that only Xen said so, and Xen takes the machine down: `(XEN) Hardware
  // Dom0 crashed: rebooting machine in 5 seconds.`, after its `Domain 0 (vcpu#0) crashed on cpu#11:` and registers.)
  { kind: 'panic', literal: 'Hardware Dom0 crashed', starts: ['(XEN) Hardware Dom0 crashed'], pattern: /^\(XEN\) Hardware Dom0 crashed/, title: 'Xen: dom0 crashed (the hypervisor restarts the machine)', example: '(XEN) Hardware Dom0 crashed: rebooting machine in 5 seconds.' },
  // ZFS's SPL assertions (spl_panic): the thread that failed them stops for good, as after a BUG().
  { kind: 'bug', literal: 'PANIC at ', starts: ['PANIC at '], pattern: /^PANIC at (?<where>[\w.-]+:\d+:\w+)\(\)/, title: 'SPL PANIC at $<where>()', example: 'PANIC at range_tree.c:186:range_tree_add()' },
  { kind: 'bug', literal: 'kernel BUG at', pattern: /kernel BUG at (?<where>\S+?)!?\s*$/, title: 'kernel BUG at $<where>', example: 'kernel BUG at fs/ext4/inode.c:2715!' },
  // (Built without CONFIG_DEBUG_BUGVERBOSE, BUG() says only where it trapped: `Kernel BUG at bch2_bio_compress+0x4a6/0x5b0
  // [bcachefs] [verbose debug info unavailable]`.)
  { kind: 'bug', literal: 'Kernel BUG at', starts: ['Kernel BUG at '], pattern: /^Kernel BUG at (?<where>\S+)(?: \[\w+\])? \[verbose debug info unavailable\]/, title: 'kernel BUG at $<where>', example: 'Kernel BUG at bch2_bio_compress+0x4a6/0x5b0 [bcachefs] [verbose debug info unavailable]' },
  { kind: 'bug', literal: 'hard LOCKUP', starts: ['Watchdog detected hard LOCKUP'], pattern: /Watchdog detected hard LOCKUP on cpu (?<cpu>\d+)/, title: 'hard LOCKUP on cpu $<cpu>', example: 'NMI watchdog: Watchdog detected hard LOCKUP on cpu 2' },
  // (The kernel's own, begun by those words or, since 6.12, by `Oops: `; `traps: foo[12] general protection fault ip:…`
  // is a user process's, which the kernel logs and survives.)
  { kind: 'oops', literal: 'general protection fault', starts: ['general protection fault'], pattern: /^(?:Oops: )?general protection fault(?<rest>.*)$/, title: 'general protection fault', example: 'general protection fault: 0000 [#1] SMP KASAN' },
  // x86's other traps in the kernel (die() with the trap's name: `invalid opcode: 0000 [#1] SMP NOPTI`, an
  // instruction the CPU lacks or a BUG()'s ud2 without its `kernel BUG at` line; since 6.12 after `Oops: `).
  { kind: 'oops', literal: ' [#', starts: X86_TRAP_STARTS, pattern: new RegExp(`^(?:Oops: )?(?<what>${X86_TRAPS.map((t) => t.replace(/ /g, '[ _]')).join('|')}): [0-9a-f]{4} \\[#\\d+\\]`), title: '$<what>', example: 'invalid opcode: 0000 [#1] SMP NOPTI' },
  { kind: 'oops', literal: 'Oops', starts: ['Oops', 'Internal error: Oops'], pattern: /^(?:Internal error: Oops|Oops(?=: [0-9a-fA-F]+(?:\s|$)|.*\[#\d+\]))(?<rest>.*)$/, title: 'Oops$<rest>', example: 'Internal error: Oops: 5 [#1] SMP ARM' },
  // ARC's die() prints its string alone on a line (`Oops` for a fault the kernel could not handle), then `Path: …` and
  // `CPU: 0 PID: 0 Comm: swapper …`: the line is the word and nothing else.
  { kind: 'oops', literal: 'Oops', starts: ['Oops'], pattern: /^Oops\s*$/, title: 'Oops', example: 'Oops' },
  // PowerPC's die() before it counted its oopses (Linux 2.4 and early 2.6): `Oops: kernel access of bad area, sig: 11`.
  { kind: 'oops', literal: 'Oops', starts: ['Oops'], pattern: /^Oops: (?<what>[a-z][^,[]{2,80}), sig: \d+\s*$/, title: 'Oops: $<what>', example: 'Oops: kernel access of bad area, sig: 11' },
  // Linux 2.4 on MIPS named where it died: `Oops in traps.c::do_be, line 385:`.
  { kind: 'oops', literal: 'Oops in ', starts: ['Oops in '], pattern: /^Oops in (?<where>[\w.-]+::?\w+), line \d+/, title: 'Oops in $<where>', example: 'Oops in traps.c::do_be, line 385:' },
  // (MIPS 2.4's die_if_kernel() for an unaligned access the kernel itself made: `Kernel unaligned instruction access in
  // unaligned.c:do_ade, line 407:`.)
  { kind: 'oops', literal: 'Kernel unaligned', starts: ['Kernel unaligned'], pattern: /^(?<what>Kernel unaligned (?:instruction|data) access) in (?<where>[\w.-]+::?\w+), line \d+/, title: '$<what> in $<where>', example: 'Kernel unaligned instruction access in unaligned.c:do_ade, line 407:' },
  // PA-RISC's oops: `Kernel Fault: Code=26 (Data memory access rights trap) at addr 113c5f90`, then its
  // registers and `Kernel panic - not syncing: Kernel Fault`.
  { kind: 'oops', literal: 'Kernel Fault: ', starts: ['Kernel Fault: '], pattern: /^Kernel Fault: Code=\d+ \((?<what>[^)]+)\)/, title: 'Kernel Fault: $<what>', example: 'Kernel Fault: Code=26 (Data memory access rights trap) at addr 113c5f90' },
  // (Later kernels print the registers' address and the faulting address instead of the trap's name.)
  { kind: 'oops', literal: 'Kernel Fault: ', starts: ['Kernel Fault: '], pattern: /^Kernel Fault: Code=(?<code>\d+) regs=[0-9a-f]+ \(Addr=[0-9a-f]+\)/, title: 'Kernel Fault: Code=$<code>', example: 'Kernel Fault: Code=26 regs=00000040bf1807d0 (Addr=0000000000000000)' },
  // s390's die() names the program interruption and its code (`illegal operation: 0001 ilc:3 [#1] SMP`,
  // `specification exception: 0006 ilc:2 [#1]`); a page fault's is `Oops: 0004 ilc:3 [#1]`.
  { kind: 'oops', literal: ' ilc:', starts: S390_PROGRAM_CHECKS, pattern: /^(?<what>[a-z][a-z -]{2,40}): (?<code>[0-9a-f]{4}) ilc:\d \[#\d+\]/, title: '$<what>: $<code>', example: 'illegal operation: 0001 ilc:3 [#1] SMP' },
  // s390's decompressor and early boot code, before die() can run: `Kernel fault: interruption code 0005 ilc:2`,
  // then the PSW and registers (the machine stops there).
  { kind: 'oops', literal: 'Kernel fault: interruption code', pattern: /Kernel fault: interruption code (?<code>[0-9a-f]{4}) ilc:\d/, title: 'Kernel fault: interruption code $<code>', example: 'Kernel fault: interruption code 0005 ilc:2' },
  // powerpc's kernel debugger taking a fault the kernel could not handle (`cpu 0x14: Vector: 300 (Data Access)
  // at [c000001feb4a3780]`); not its entry on a system reset, a breakpoint or a single step (100, d00).
  { kind: 'oops', literal: ': Vector: ', starts: ['cpu 0x'], pattern: /^cpu 0x[0-9a-f]+: Vector: (?!100 |d00 |0 )(?<vector>[0-9a-f]{1,4}) \((?<what>[^)]+)\) at \[/, title: 'xmon: Vector $<vector> ($<what>)', example: 'cpu 0x14: Vector: 300 (Data Access) at [c000001feb4a3780]' },
  // Alpha's and sparc's die_if_kernel(): `comm(pid): Instruction fault 4`, `swapper/0(0): Oops [#1]` (its gate words are COMM_CRASH_WORDS).
  { kind: 'oops', literal: '): ', starts: [], pattern: /^(?<comm>[^\s()]{1,16})\(\d{1,7}\): (?<what>Oops|Instruction fault|Kernel Bug|Kernel Unaligned)\b/, title: '$<what> in $<comm>', example: 'systemd(1): Instruction fault 4' },
  // PA-RISC's die_if_kernel(): a cow saying `Your System ate a SPARC! Gah!`, then `comm (pid N): what (code N)`
  // (a user-mode fault has ` at <address>` after it and is not the kernel's).
  { kind: 'oops', literal: ' (code ', starts: [], pattern: /^(?<comm>[^\s()]{1,16}) \(pid \d{1,7}\): (?<what>\S.{0,80}?) \(code -?\d+\)\s*$/, title: '$<what> in $<comm>', example: 'init (pid 1): Spinlock was trashed (code 1)' },
  // ia64's die(): `systemd-udevd[111]: NaT consumption 17179869216 [2]`, `modprobe[112]: bugcheck! 0 [1]` (the
  // task, what it hit, the error number, the oops count; its gate words are COMM_CRASH_WORDS).
  { kind: 'oops', literal: ']: ', starts: [], pattern: /^(?<comm>[^\s[\]]{1,16})\[\d{1,7}\]: (?<what>bugcheck!|NaT consumption|General Exception|Unsupported data reference|Illegal operation fault|Unaligned reference|Disabled FPL fault)[^[]{0,80} -?\d+ \[\d+\]\s*$/, title: '$<what> in $<comm>', example: 'systemd-udevd[111]: NaT consumption 17179869216 [2]' },
  // MIPS's die() with its trap's words (`Unhandled kernel unaligned access or invalid instruction[#1]:`, `Reserved
  // instruction in kernel code[#1]:`), glued at times to a partition list the fault cut (`hda:Unhandled …`).
  { kind: 'oops', literal: 'Unhandled kernel unaligned access', starts: ['Unhandled kernel unaligned access'], pattern: /^(?:\S{1,16}:)?(?<what>Unhandled kernel unaligned access(?: or invalid instruction)?)\[#\d+\]:/, title: '$<what>', example: 'Unhandled kernel unaligned access or invalid instruction[#1]:' },
  { kind: 'oops', literal: ' instruction in kernel code', starts: ['Reserved instruction in kernel code', 'Break instruction in kernel code', 'Trap instruction in kernel code'], pattern: /^(?:\S{1,16}:)?(?<what>(?:Reserved|Break|Trap) instruction in kernel code)\[#\d+\]:/, title: '$<what>', example: 'Reserved instruction in kernel code[#1]:' },
  // Old MIPS kernels' die() for a page fault the kernel took in an interrupt handler, its words and the error code
  // before the registers (`page fault from irq handler: 0000`, then `$0 : …`).
  { kind: 'oops', literal: 'page fault from irq handler', starts: ['page fault from irq handler'], pattern: /^page fault from irq handler: [0-9a-f]{4}\s*$/, title: 'page fault from irq handler', example: 'page fault from irq handler: 0000' },
  // LoongArch's die() for an address or alignment error in the kernel (its `ade`/`ale` exceptions).
  { kind: 'oops', literal: 'Kernel a', starts: ['Kernel ade access', 'Kernel ale access'], pattern: /^(?<what>Kernel a[dl]e access)\[#\d+\]:/, title: '$<what>', example: 'Kernel ade access[#1]:' },
  // ARM's die() with another string than `Oops` (an external abort: `Internal error: : 8 [#1] SMP ARM`).
  // (Its `[#1] …` may have gone to the next line, wrapped by a mail: `Internal error: synchronous external abort: 96000210`.)
  { kind: 'oops', literal: 'Internal error: ', starts: ['Internal error: '], pattern: /^Internal error: (?<what>[^:]*): (?<code>[0-9a-fA-F]{1,16})(?: (?<rest>\[#\d+\].*?))?\s*$/, title: 'Internal error: $<what>: $<code> $<rest>', example: 'Internal error: : 8 [#1] SMP ARM' },
  // lockdep's reports in the brackets it puts some headers in (`[ BUG: Invalid wait context ]`; before 4.9
  // `[ INFO: possible circular locking dependency detected ]`, `[ BUG: bad unlock balance detected! ]`).
  { kind: 'bug', literal: '[ BUG: ', starts: ['[ BUG: '], pattern: /^\[ BUG: (?<what>[^\]]*?[^\]\s!])!? \]\s*$/, title: 'BUG: $<what>', example: '[ BUG: Invalid wait context ]' },
  { kind: 'warning', literal: '[ INFO: ', starts: ['[ INFO: '], pattern: /^\[ INFO: (?<what>(?:possible|inconsistent|suspicious|held lock|lock held)\b[^\]]*?)\.? \]\s*$/, title: 'WARNING: $<what>', example: '[ INFO: possible circular locking dependency detected ]' },
  // lockdep's reports: `WARNING: suspicious RCU usage`, `WARNING: possible circular locking dependency detected`.
  { kind: 'warning', literal: 'WARNING: ', starts: ['WARNING:'], pattern: /^WARNING: (?<what>(?:suspicious|possible|inconsistent|bad|held lock|lock held|nested lock)\b[\w ]*\w)\s*$/, title: 'WARNING: $<what>', example: 'WARNING: suspicious RCU usage' },
  { kind: 'warning', literal: 'WARNING:', pattern: /^WARNING: (?:CPU: \d+ PID: \d+ at (?<where>[^\s,]+)|(?:at )?(?<where2>[^\s,]*\/[^\s,]*|[^\s,/]+\.[chS]:\d+))(?: (?:at )?(?<fn>[A-Za-z_][\w.]*)\+0x)?/, title: 'WARNING in $<where>$<where2>', example: 'WARNING: CPU: 6 PID: 0 at net/sched/sch_generic.c:447 dev_watchdog+0x258/0x260' },
  // (Its header cut after `at` by a wrap or a console's width: a WARNING still, where unknown.)
  { kind: 'warning', literal: 'WARNING: CPU: ', pattern: /^WARNING: CPU: \d+ PID: \d+ at\s*$/, title: 'WARNING', example: 'WARNING: CPU: 0 PID: 345 at ' },
  // The undefined-behaviour sanitizer reports and goes on, as a WARNING does (`UBSAN: shift-out-of-bounds in
  // ./include/linux/log2.h:57:13`; before 5.11 `UBSAN: Undefined behaviour in …`).
  // Kernels before 2.6.25 said WARN_ON() so: `Badness in __writeback_single_inode at fs/fs-writeback.c:251`.
  // The workqueue code's warning about a driver flushing a system-wide workqueue (6.x, before it became a WARN()):
  // its word, then the stack of who did it (`WARNING: Flushing system-wide workqueues will be prohibited in near
  // future.`, then `CPU: 6 PID: 1234 Comm: Xorg …`, `Call Trace:`).
  { kind: 'warning', literal: 'WARNING: Flushing', starts: ['WARNING: Flushing system-wide workqueues'], pattern: /^WARNING: Flushing system-wide workqueues will be prohibited/, title: 'WARNING: Flushing system-wide workqueues', example: 'WARNING: Flushing system-wide workqueues will be prohibited in near future.' },
  { kind: 'warning', literal: 'Badness in ', starts: ['Badness in '], pattern: /^Badness in (?<fn>[A-Za-z_]\w*) at (?<where>\S+:\d+)\s*$/, title: 'WARNING in $<fn>', example: 'Badness in __writeback_single_inode at fs/fs-writeback.c:251' },
  { kind: 'warning', literal: 'UBSAN: ', starts: ['UBSAN: '], pattern: /^UBSAN: (?<what>\S.*?)\s*$/, title: 'UBSAN: $<what>', example: 'UBSAN: shift-out-of-bounds in ./include/linux/log2.h:57:13' },
  {
    kind: 'hung-task',
    literal: ' for more than ',
    starts: ['INFO: task '],
    // (A mail or a bug tracker may wrap the line before its `seconds.`. A task that was killed and does not
    // exit: `INFO: task (sd-executor):42 can't die for more than 368 seconds.`)
    pattern: /INFO: task (?<comm>.+?):\d+ (?:blocked|can't die) for more than (?<secs>\d+)(?: seconds|\s*$|\s*secon?d?s?\s*$)/,
    title: 'INFO: task $<comm> blocked for more than $<secs> seconds',
    example: 'INFO: task touch:362 blocked for more than 5 seconds.',
  },
  {
    kind: 'oom',
    literal: 'of memory: Killed process',
    starts: ['Out of memory', 'Memory cgroup out of memory'],
    pattern: /(?:Memory cgroup out|Out) of memory: Killed process \d+ \((?<comm>[^)]*)\)/,
    title: 'out of memory: killed $<comm>',
    example: 'Out of memory: Killed process 412 (perl) total-vm:1040000kB, anon-rss:900000kB',
  },
  {
    // Kernels before 5.0 chose first, then killed: `Out of memory: Kill process 1234 (foo) score 900 or sacrifice child`.
    kind: 'oom',
    literal: 'ill process',
    starts: ['Out of memory', 'Memory cgroup out of memory'],
    // (2.6 kernels wrote `kill process` in lower case.)
    pattern: /(?:Memory cgroup out|Out) of memory: [Kk]ill process \d+ \((?<comm>[^)]*)\)/,
    title: 'out of memory: killed $<comm>',
    example: 'Out of memory: Kill process 1234 (java) score 912 or sacrifice child',
  },
  {
    kind: 'oom',
    literal: 'no killable processes',
    starts: ['Out of memory'],
    pattern: /^Out of memory and no killable processes/,
    title: 'out of memory and no killable processes',
    example: 'Out of memory and no killable processes...',
  },
  { kind: 'bug', literal: 'rcu_sched detected stalls', starts: ['INFO: rcu_sched', 'rcu_sched detected'], pattern: /rcu_sched detected stalls/, title: 'INFO: rcu detected stall', example: 'INFO: rcu_sched detected stalls on CPUs/tasks:' },
  { kind: 'bug', literal: 'rcu: INFO:', starts: ['rcu: INFO:'], pattern: /rcu: INFO: (?<what>\S+) (?:self-)?detected (?:expedited )?stalls?/, title: 'INFO: rcu detected stall', example: 'rcu: INFO: rcu_sched self-detected stall on CPU' },
  { kind: 'bug', literal: 'INFO: rcu_', starts: ['INFO: rcu_'], pattern: /^INFO: rcu_\w+ (?:self-)?detected (?:expedited )?stalls?/, title: 'INFO: rcu detected stall', example: 'INFO: rcu_preempt self-detected stall on CPU' },
];

export interface CrashMatch {
  kind: CrashKind;
  title: string;
}

/** A kernel built out of tree names its sources by the build machine's path
 *  (`/srv/oe/build/…/kernel-source/kernel/watchdog.c:352`): the path from the source tree's top, as the
 *  kernel's own builds print it (`kernel/watchdog.c:352`). */
const TREE_TOP = /^\/.*?\/(?=(?:arch|block|crypto|drivers|fs|include|init|io_uring|ipc|kernel|lib|mm|net|rust|security|sound|virt)\/[\w./-]+\.[chS]:\d)/;
function sourcePath(path: string): string {
  return path.startsWith('/') ? path.replace(TREE_TOP, '') : path;
}

/** What a rule's crash header begins with, and the long words of those that may come anywhere in a line. */
const UNTIMED_STARTS = [...new Set(CRASH_RULES.flatMap((r) => r.starts ?? []))];
// (With die_if_kernel()'s words after the task, `swapper(0): Oops [#1]`: sparc's and Alpha's consoles print them untimed.)
const UNTIMED_ANYWHERE = [...CRASH_RULES.filter((r) => r.literal.length >= 20).map((r) => r.literal), '): Oops', '): Instruction fault', '): Kernel Bug', '): Kernel Unaligned'];

/** A line printed without a kernel timestamp may be a crash's header: it begins as some rule's header does
 *  (`cpu 0x14: Vector: 300 …`), or holds a rule's long words (`…UTC 2020Kernel fault: interruption code 0005`,
 *  a wrapped banner glued to the fault). The rules' patterns decide. */
export function untimedCrashWords(t: string): boolean {
  return UNTIMED_START_GATE.test(t) || UNTIMED_ANYWHERE_GATE.test(t);
}
const UNTIMED_START_GATE = anyStart(UNTIMED_STARTS);
const UNTIMED_ANYWHERE_GATE = anyLiteral(UNTIMED_ANYWHERE);
/** Every crash rule's literal in one regex: most kernel lines hold none (one test, not a loop of them). */
const CRASH_LITERALS = anyLiteral(CRASH_RULES.map((r) => r.literal));

export function matchCrash(message: string): CrashMatch | null {
  // `---[ end Kernel panic - not syncing: … ]---` closes a report, it does not open one.
  if (message.startsWith('---[ end')) return null;
  // (The scheduler's word about a topology the firmware described wrong, printed with no report and no stop:
  // `BUG: arch topology borken`, then `     the CLS domain not a subset of the MC domain`.)
  if (message.startsWith('BUG: arch topology borken')) return null;
  if (!CRASH_LITERALS.test(message)) return null;
  for (const rule of CRASH_RULES) {
    if (!message.includes(rule.literal)) continue;
    const m = rule.pattern.exec(message);
    if (m === null) continue;
    const groups = m.groups ?? {};
    let title = rule.title.replace(/\$<(\w+)>/g, (_, name: string) => sourcePath((groups[name] ?? '').trim())).trimEnd();
    // A WARNING names its function after the file (`at fs/x.c:12 func+0x…`): both, as syzkaller titles it.
    if (rule.kind === 'warning' && groups['fn']) title = `WARNING in ${groups['fn']} (${sourcePath(groups['where'] ?? groups['where2'] ?? '')})`;
    return { kind: rule.kind, title: title.length > 160 ? title.slice(0, 159) + '…' : title };
  }
  return null;
}

/** `RIP: 0010:func+0x12/0x40` or `pc : func+0x12/0x40` — the function a crash happened in. */
// (powerpc: `NIP [c0000000003d55f4] ___slab_alloc+0x1f4/0x760`.)
// (x86 before 4.10: `IP: [<ffffffffc01cc246>] amdgpu_bo_list_set+0x196/0x3d0 [amdgpu]`.)
// (Kernels before 4.9 print the address twice: `RIP: e030:[<ffffffff81014dc3>]  [<ffffffff81014dc3>] fn+0x63/0x80`;
// 32-bit x86 says `EIP is at fn+0x…` on a line of its own.)
// (A trace run through decode_stacktrace.sh has the source line for the offset: `RIP: 0010:pick_next_task_fair
// (kernel/sched/fair.c:8252)`.)
const LOCATION = /(?:RIP: [0-9a-f]{4}:|pc : |^T?PC: <(?=[A-Za-z_.])|^epc {1,3}: [0-9a-f]{8,16} |EIP: |EIP is at |PC is at |^pc is at |^ip is at |NIP \[[0-9a-f]+\] |\bIP: (?=\[<))(?:\[<[0-9a-f]+>\]\s{1,2}){0,2}(?<fn>[A-Za-z_.][\w.]*)(?:\+0x| \((?:[\w.+-]+\/)*[\w.+-]+\.[chS]:\d+)/;

/** s390's program status word at the fault, with its function: `Krnl PSW : 0704d00180000000 0000000000579fbc (load_elf_binary+0x31c/0x11c0)`. */
const S390_PSW = /^Krnl PSW : [0-9a-f]{16} [0-9a-f]{16} \((?<fn>[A-Za-z_.][\w.]*)\+0x/;

/** ia64's die() names the task as a process's line does (`systemd-udevd[111]: NaT consumption 17179869216 [2]`):
 *  the one crash header read on a line that looks like a process's. */
const PROCESS_DIE = /^[^\s[\]]{1,16}\[\d{1,7}\]: (?:bugcheck!|NaT consumption|General Exception|Unsupported data reference|Illegal operation fault|Unaligned reference|Disabled FPL fault)[^[]{0,80} -?\d+ \[\d+\]\s*$/;
export function matchProcessDie(message: string): CrashMatch | null {
  return message.charCodeAt(message.trimEnd().length - 1) === 0x5d /* ] */ && PROCESS_DIE.test(message) ? matchCrash(message) : null;
}

export function matchCrashLocation(message0: string): string | null {
  // (A kernel printing without timestamps indents some lines of its reports: ` NIP [c008…] fn+0x7c/0xa0`.)
  const message = message0.charCodeAt(0) === 0x20 ? message0.trimStart() : message0;
  if (message.startsWith('Krnl PSW : ')) return S390_PSW.exec(message)?.groups?.['fn'] ?? null;
  // (Alpha's own: `pc is at nautilus_init_pci+0x1e0/0x3d4`.)
  // (sparc64's: `TPC: <mem_cgroup_from_obj+0x78/0x120>`, sparc32's `PC: <srmmu_paging_init+0x450/0xba0>`; ia64's: `ip is at get_plt.part.0+0x190/0x360`.)
  if (!message.includes('IP:') && !message.includes('pc : ') && !message.includes('PC is at') && !message.startsWith('NIP [') && !message.startsWith('EIP is at') && !message.startsWith('pc is at ') && !message.startsWith('epc ') && !message.startsWith('TPC: <') && !message.startsWith('PC: <') && !message.startsWith('ip is at ')) return null;
  const m = LOCATION.exec(message);
  return m?.groups?.['fn'] ?? null;
}

/** A disk's own read error, not a filesystem's (`end_request: I/O error, dev hdc, sector 1280032`,
 *  `blk_update_request: I/O error, dev sda, …`, old IDE's `hdc: media error (bad sector): …`). */
export const DISK_READ_ERROR = /^(?:(?:end_request|blk_update_request|print_req_error|I\/O error)\b.*\bI\/O error, dev \w|I\/O error, dev \w|(?:critical medium|Buffer I\/O) error on (?:dev|device) \w|[hs]d[a-z]\d*: media error\b)/;

/** Kernel messages that are evidence when they appear near a unit failure: filesystem and I/O errors. */
const STORAGE_ERROR = /(?:ntfs3: \S+: volume is dirty|I\/O error|jffs2: (?:Erase at 0x[0-9a-f]+ failed|Too few erase blocks)|EXT4-fs error|EXT4-fs \(\S+\): (?:error|mounting .* requires|VFS|couldn't mount)|XFS \(\S+\): (?:.*(?:corrupt|error|Corruption|metadata I\/O)|Filesystem has been shut down|log mount failed)|BTRFS:? (?:error|critical)|Buffer I\/O error|blk_update_request|critical medium error|sd \S+: \[\S+\] tag#|FAT-fs \(\S+\): (?:.*error)|SQUASHFS error|UBIFS error|UBI error: |F2FS-fs \(\S+\): (?:Failed to|Mismatch|Can't find valid|Unable to read|inconsistent|[Cc]orrupt)|VFS: (?:Cannot open root device|Unable to mount root)|^Failed to create \/dev\/root\b|No filesystem could mount root|RAMDISK: (?:incomplete write|Couldn't find valid RAM disk image|image too big)|device-mapper: .* error|device-mapper: (?:verity|integrity): .*(?:block \d+ is corrupted|[Cc]hecksum failed)|swapfile (?:must not be|has holes|must have)|no such device|unknown filesystem type|wrong fs type|superblock|: Can't open blockdev|\bmedia error\b|^(?:squashfs: )?Filesystem uses "\w+" compression\. This is not supported|^bcachefs(?: \(\S+\))?: .*\berror\b)/i;

export const STORAGE_WORDS = ['rror', 'volume is dirty', 'Filesystem uses ', 'I/O', 'Erase at', 'erase blocks', 'swapfile', 'orrupt', 'shut down', 'critical', 'superblock', 'no such device', 'unknown filesystem', 'wrong fs', 'root device', 'Failed to create /dev/root', 'mount root', 'tag#', 'blk_update_request', 'VFS: ', 'mount failed', "couldn't mount", 'RAMDISK: ', 'open blockdev', 'F2FS-fs ('];

const STORAGE_GATE = anyLiteral(STORAGE_WORDS);

export function isStorageError(message: string): boolean {
  // Most kernel lines are not errors: a few substring checks before the regex.
  if (!STORAGE_GATE.test(message)) return false;
  return STORAGE_ERROR.test(message);
}

/**
 * A filesystem the kernel could not mount (`mount`), or one it found damaged (`damage`): on a boot where
 * nothing else failed, that is why it failed. Plain I/O errors are not among them: an empty card reader or
 * a virtual floppy prints those on boots that work. (JFFS2 on a router's raw flash: `Too few erase blocks`,
 * the firmware image left no room for the writable overlay, is its failed mount; an erase the flash refused
 * is its damage.)
 */
// (Not F2FS's `Can't find valid F2FS filesystem in 1th superblock`: what it says of every device that mount or the
// kernel tries it on before another type fits (mdev mounting a FAT card); when the mount fails, its own failure follows.)
const FS_MOUNT_FAILED = /^(?:ntfs3: \S+: volume is dirty and "force" flag is not set|BTRFS(?: error| critical)? \(device [^)]*\): open_ctree failed|EXT4-fs \(\S+\): (?:unable to read superblock|VFS: Can't find ext[234] filesystem|couldn't mount (?!as ext[23] due to feature))|XFS \(\S+\): log mount failed|SQUASHFS error: (?:Can't find a SQUASHFS superblock|unable to read)|(?:(?:SQUASHFS error|squashfs): )?Filesystem uses "\w+" compression\. This is not supported|jffs2: Too few erase blocks|F2FS-fs \(\S+\): (?:Failed to (?:initialize F2FS (?:segment|node) manager|get valid F2FS checkpoint|read root inode)|Unable to read \d+\w* superblock)|bcachefs(?: \(\S+\))?: bch2_fs_(?:start|get_tree)\(\):? error)/;
const FS_DAMAGED = /^(?:device-mapper: verity: \S+: (?:data|metadata) block \d+ is corrupted|device-mapper: integrity: .*[Cc]hecksum failed|BTRFS(?:: error| error| critical) \(device |EXT4-fs error \(device |XFS \(\S+\): (?:.*[Cc]orruption|Internal error XFS_WANT_CORRUPTED|Filesystem has been shut down|Metadata I\/O error)|SQUASHFS error: |UBIFS error |jffs2: Erase at 0x[0-9a-f]+ failed|F2FS-fs \(\S+\): (?:Mismatch valid blocks|inconsistent |[Cc]orrupted )|bcachefs \(\S+\): (?:error reading btree|.*\binconsistency\b))/;

/** A filesystem's own word for damage it found (the tree checker's `corrupt leaf`, a `critical` message):
 *  the damage that explains the errors and the failed mount after it. */
export const NAMED_DAMAGE = /\bcorrupt(?:ion|ed)?\b|^BTRFS critical |^bcachefs \(\S+\): error reading btree /;

export function matchBrokenFilesystem(message: string): 'mount' | 'damage' | null {
  if (FS_MOUNT_FAILED.test(message)) return 'mount';
  if (FS_DAMAGED.test(message)) return 'damage';
  return null;
}

/** A disk that will not answer the controller's IDENTIFY (libata gives up on it: no block device comes). */
const DISK_UNIDENTIFIED = /^ata\d+(?:\.\d+)?: failed to IDENTIFY \(I\/O error, err_mask=0x[0-9a-f]+\)/;

/** A storage device the kernel could not bring up at all: its driver's failure. */
export function matchDeadDisk(message: string): 'driver' | 'disk' | 'ioerror' | null {
  const c0 = message.charCodeAt(0);
  if (c0 === 0x61 /* a */) return DISK_UNIDENTIFIED.test(message) ? 'driver' : message.endsWith('(media error)') && ATA_MEDIA_ERROR.test(message) ? 'ioerror' : null;
  if (c0 === 0x73 /* s */) return message.startsWith('sd ') && SCSI_OFFLINED.test(message) ? 'disk' : null;
  return DISK_IO_ERROR.test(message) ? 'ioerror' : null;
}
/** libata's word that the drive could not read a sector (`ata1.00: tag 0 cmd 0x25 Emask 0x9 stat 0x51 err 0x40 (media error)`). */
const ATA_MEDIA_ERROR = /^ata\d+\.\d+: .*\(media error\)$/;

/** How the messages of a driver that could not load begin (NVIDIA's kernel module speaks as `NVRM`). */
export const DRIVER_FAILURE_STARTS = ['NVRM: '];
// (i915's own words: `i915 0000:01:00.0: Failed to initialize GPU, declaring it wedged!`.)
const GPU_INIT_FAILED = /^\S+ [\w:.]+: (?:\w+: )?(?:Fatal error during GPU init$|Failed to initialize GPU, declaring it wedged!?$)/;
const XEN_VIF_FAILED = /^vif vif-\d+: \d{1,3} [a-z]+ \S/;
const GPU_HANG = /^\S+ \S+: \[drm\] GPU HANG: ecode /;
/** The kernel's own network root (`root=/dev/nfs ip=dhcp`) could not be had: no address, no server. */
const NFS_ROOT_FAILED = /^(?:Sending (?:DHCP|BOOTP)(?: and RARP)? requests[ .]*timed out!|IP-Config: Retrying forever \(NFS root\)|IP-Config: No network devices available|VFS: Unable to mount root fs via NFS|Root-NFS: (?:Unable to get (?:nfsd|mountd) port number|Server returned error|no NFS server address|No NFS server available)|NFS: Unable to mount server)/;

export function nfsRootFailed(message: string): boolean {
  const c = codeAt(message, 0);
  // (Most kernel lines begin otherwise: one comparison before the regex.)
  return (c === 0x53 /* S */ || c === 0x49 /* I */ || c === 0x56 /* V */ || c === 0x52 /* R */ || c === 0x4e /* N */) && NFS_ROOT_FAILED.test(message);
}

/** `udevadm settle` gave up waiting for udev to finish the devices' events (systemd's udevadm, run by a
 *  scripted initramfs or another init: `Timed out for waiting the udev queue being empty.`): devices the boot
 *  waits for may never have come. */
export function udevSettleTimedOut(message: string): boolean {
  // (With the program that ran it first when that one wrote it to the kernel's log: `virtme-ng-init: Timed out …`.)
  // (Its last character first: one comparison on most of the kernel's other lines.)
  const last = codeAt(message, message.length - 1);
  if (last !== 0x2e /* . */ && last !== 0x79 /* y */ && last !== 0x20 /*   */) return false;
  return message.includes('the udev queue') && /^(?:[\w.-]{1,32}: )?Timed out for waiting the udev queue being empty\.?\s*$/.test(message);
}

/** A network card that stopped sending (Intel's e1000e, igb, igc, ixgbe: `Detected Tx Unit Hang`). */
const DEVICE_HANG = /^\S+ \S+(?: \S+)?: Detected (?:Tx|Hardware) Unit Hang\b/;
const NVME_TIMEOUT = /^nvme nvme\d+: I\/O \d+ QID \d+ timeout, (?:aborting|reset controller)/;
const PM_RESUME_FAILED = /^\S+ \S+: PM: (?:dpm_run_callback\(\): \w*resume\w* returns -\d+|failed to resume(?: async| early| noirq)?: error -\d+)/;
const XENBUS_TIMEOUT = /^xenbus_probe_frontend: Timeout connecting to device: \S/;
const XHCI_HANG = /^xhci[-_]hcd \S+: Timeout while waiting for [\w ]{0,40}command\b/;
const MMC_HANG = /^mmc\d+: Timeout waiting for hardware (?:cmd )?interrupt\.?$/;
/** amdgpu's video BIOS interpreter gave up (`[drm:amdgpu_atom_execute_table_locked [amdgpu]] *ERROR* atombios stuck in loop …`). */
/** A GPU ring's job that never finished (`[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx timeout, signaled seq=1, emitted seq=3`). */
const RING_TIMEOUT = /\*ERROR\* ring \S+ timeout\b/;
/** i915's hang check before Linux 4.x (`[drm:i915_hangcheck_hung] *ERROR* Hangcheck timer elapsed... GPU hung`). */
const HANGCHECK = /\*ERROR\* Hangcheck timer elapsed\.\.\. .{1,40}? hung\b/;
const ATOM_HANG = /\*ERROR\* atombios stuck in loop for more than \d+secs aborting/;

/**
 * What a driver says after its device's or module's name and `: ` (`zfs: Unknown symbol …`, `igc
 * 0000:03:00.0 enp3s0: Detected Tx Unit Hang`): a module that could not load, a device that hung. Read
 * by hand first, as it runs on kernel lines the gate let pass and those it did not.
 */
const STORAGE_DRIVER_FAILED = /^(?:smartpqi|megaraid_sas|mpt[23]sas|mpi3mr|hpsa|aacraid|qla2xxx|lpfc|ahci|nvme|vmw_pvscsi|hv_storvsc) [0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]: failed to (?:allocate|initiali[sz]e|init|map|enable|request|set up)\b/;
const NFS_NOT_RESPONDING = /^nfs: server \S+ not responding, (?:still trying|timed out)$/;

export function matchDriverWords(message: string): 'driver' | 'hang' | 'disk' | 'network' | 'suspend' | 'resume' | 'ioerror' | null {
  // The kernel could not suspend the machine (`Error taking CPU1 down: -16`, `Non-boot CPUs are not disabled`,
  // `PM: Some devices failed to suspend, or early wake event detected`, `Freezing of tasks failed after 20.01
  // seconds`): it gave up and resumed; whatever asked for the suspend did not get it.
  const c0 = codeAt(message, 0);
  if ((c0 === 0x45 /* E */ || c0 === 0x4e /* N */ || c0 === 0x50 /* P */ || c0 === 0x46) /* F */ && SUSPEND_FAILED.test(message)) return 'suspend';
  // The kernel could not bring back the machine a hibernation saved (`PM: hibernation: Failed to load image,
  // recovering.`, `PM: Image mismatch: architecture specific data`, x86's `Hibernate inconsistent memory map
  // detected!`): it boots afresh, and what was open is lost.
  if ((c0 === 0x50 /* P */ || c0 === 0x48) /* H */ && RESUME_FAILED.test(message)) return 'resume';
  // A RAID or SAS controller's driver that could not bring its controller up: the disks behind it never come.
  if (c0 === 0x6d /* m */ && STORAGE_CONTROLLER_FAILED.test(message)) return 'driver';
  // The SCSI layer took a disk that stopped answering out of service (`sd 0:0:0:0: [sda] tag#0 Medium access timeout
  // failure. Offlining disk!`): what is on it is gone.
  if (c0 === 0x73 /* s */ && message.startsWith('sd ') && SCSI_OFFLINED.test(message)) return 'disk';
  // A disk that could not read or write a block (`end_request: I/O error, dev sda, sector 976751999`): one such line is
  // an error, several a disk failing (counted where the boot is kept).
  if (c0 === 0x49 /* I */ && message.startsWith('I/O error, dev ') && DISK_IO_ERROR.test(message)) return 'ioerror';
  if (c0 === 0x5b /* [ */ && message.startsWith('[drm:') && (ATOM_HANG.test(message) || RING_TIMEOUT.test(message) || HANGCHECK.test(message))) return 'hang';
  const colon = message.indexOf(': ');
  if (colon <= 0 || colon > 48) return null;
  const c = codeAt(message, colon + 2);
  if (c === 0x55 /* U */) return DRIVER_FAILED.test(message) ? 'driver' : null;
  // A GPU driver that could not bring its card up (`amdgpu 0000:0b:00.0: amdgpu: Fatal error during GPU init`).
  if (c === 0x61 /* a */ || c === 0x46 /* F */) return GPU_INIT_FAILED.test(message) ? 'driver' : null;
  if (c === 0x64 /* d */) return DRIVER_FAILED.test(message) ? 'driver' : DISK_FAILED.test(message) ? 'disk' : null;
  // The kernel could not load the handler of a program's binary format: modprobe, itself of that format
  // (a 64-bit userspace under a 32-bit kernel), asked for it again and again, and init never ran.
  if (c === 0x72 /* r */) return message.startsWith('request_module: runaway loop modprobe ') ? 'driver' : null;
  // Xen's network front end could not set its card up (xenbus's error: the errno, then what it was doing,
  // `vif vif-0: 2 parsing device/vif/0/mac`): the guest has no network card. (Not the block front's
  // `vbd vbd-5632: 19 xenbus_dev_probe …`, which an HVM guest whose disk is emulated prints on boots that work.)
  if (c >= 0x30 && c <= 0x39) return message.startsWith('vif vif-') && XEN_VIF_FAILED.test(message) ? 'driver' : null;
  // An interrupt that no handler claimed, over and over (`irq 36: nobody cared (try booting with the
  // "irqpoll" option)`): the kernel disables it, and the devices on that line stop answering.
  if (c === 0x6e /* n */) return IRQ_NOBODY_CARED.test(message) ? 'hang' : null;
  if (c === 0x44 /* D */) return DEVICE_HANG.test(message) ? 'hang' : DISK_FAILED.test(message) ? 'disk' : null;
  // The AMD IOMMU stopped taking commands (`AMD-Vi: Command buffer timeout`): the devices behind it with it.
  if (c === 0x43 /* C */) return IOMMU_HANG.test(message) ? 'hang' : null;
  // An NVMe command the drive did not complete in time (`nvme nvme1: I/O 852 QID 15 timeout, aborting`):
  // the controller is reset next, and what waits on the drive waits.
  if (c === 0x49 /* I */) return NVME_TIMEOUT.test(message) ? 'hang' : DISK_IO_ERROR.test(message) ? 'ioerror' : null;
  // An SD/MMC controller that stopped answering (`mmc1: Timeout waiting for hardware interrupt.`, then its
  // register dump): the card behind it is gone.
  // (Or a USB host controller that stopped completing its commands: `xhci_hcd 0000:29:00.3: Timeout while
  // waiting for setup device command`. Not `xHCI host controller not responding, assume dead`: a Thunderbolt
  // dock's controller unplugged says that on boots that are fine.)
  // (Or a Xen guest's paravirtual device the host never connected: `xenbus_probe_frontend: Timeout connecting to
  // device: device/vfb/0 (local state 3, remote state 1)`, after the frontend waited its 30 s for it.)
  if (c === 0x54 /* T */) return MMC_HANG.test(message) || XHCI_HANG.test(message) || XENBUS_TIMEOUT.test(message) ? 'hang' : null;
  // Intel's GPU driver resets a hung GPU: `i915 0000:00:02.0: [drm] GPU HANG: ecode 9:1:85df9cff, in sddm-greeter [579]`.
  if (c === 0x5b /* [ */) return GPU_HANG.test(message) ? 'hang' : null;
  // POWER's EEH froze a PCI device once too often and took it away for good (`EEH: PHB#10-PE#10000 has
  // failed 6 times in the last hour and has been permanently disabled.`): what its driver served is gone.
  // (Or a device whose driver could not bring it back on resume: `rtsx_pci 0000:3b:00.0: PM: dpm_run_callback():
  // pci_pm_resume returns -110`, `… PM: failed to resume async: error -110`.)
  if (c === 0x50 /* P */) return EEH_DISABLED.test(message) || PM_RESUME_FAILED.test(message) ? 'hang' : PM_SUSPEND_FAILED.test(message) ? 'suspend' : null;
  // The NFS server the kernel mounted from stopped answering (`nfs: server 192.168.0.110 not responding, still
  // trying`): what reads from it waits (its `nfs: server … OK` takes it back).
  if (c === 0x73 /* s */) return NFS_NOT_RESPONDING.test(message) ? 'hang' : null;
  // bcache gave up on its cache set (`bcache: bch_cache_set_error() error on <uuid>: corrupted btree …,
  // disabling caching`): the devices behind it do not come.
  if (c === 0x62 /* b */) return message.startsWith('bcache: bch_cache_set_error() error on') ? 'disk' : null;
  // A hotplug slot whose link came up with no device answering on it (`pcieport 0000:00:1c.0: pciehp: Slot(0):
  // No device found`, an error the kernel prints for the slot): the card behind it is not there for its driver.
  if (c === 0x70 /* p */) return PCIEHP_NO_DEVICE.test(message) ? 'hang' : null;
  // A storage controller's driver that could not set its controller up (`smartpqi 0000:23:00.0: failed to allocate
  // PQI error buffer`): the disks behind it never come.
  if (c === 0x66 /* f */) return STORAGE_DRIVER_FAILED.test(message) ? 'driver' : null;
  // The kernel's own network configuration (`ip=dhcp`) found no address: what it was for (a network
  // root, a test harness's server) is out of reach.
  if (c === 0x41 /* A */) return IPCONFIG_FAILED.test(message) ? 'network' : null;
  return null;
}
const PCIEHP_NO_DEVICE = /^\S+ \S+: pciehp: Slot\([^)]{1,16}\): No device found/;
// (Or a hibernation with nowhere to write its image: `PM: Cannot find swap device, try swapon -a.`.)
const SUSPEND_FAILED = /^(?:PM: (?:hibernation: )?Cannot find swap device\b|Error taking CPU\d+ down: -?\d+$|Non-boot CPUs are not disabled$|PM: Some devices failed to suspend\b|PM: Device \S+ failed to suspend\w*: error -?\d+|Freezing (?:of tasks|user space processes|remaining freezable tasks) failed after [\d.]+ seconds)/;
/** A device's driver refused to suspend it (`rtsx_pci 0000:3b:00.0: PM: dpm_run_callback(): pci_pm_suspend returns -110`). */
// (Or to freeze it for a hibernation, or to quiesce it before the saved image is put back: `nvidia 0000:64:00.0: PM:
// pci_pm_freeze(): nv_pmops_freeze [nvidia] returns -5`, `… PM: failed to quiesce async: error -5`.)
const PM_SUSPEND_FAILED = /^\S+ \S+: PM: (?:dpm_run_callback\(\): \w*(?:suspend|freeze|quiesce|poweroff)\w* returns -\d+|pci_pm_(?:suspend|freeze|poweroff)\w*\(\): \S+(?: \[\w+\])? returns -\d+|failed to (?:suspend|freeze|quiesce|poweroff)(?: async| late| noirq)?: error -\d+)/;
const SCSI_OFFLINED = /^sd \S+ \[\w+\] (?:tag#\d+ )?Medium access timeout failure\. Offlining disk!/;
/** A disk's block that could not be read or written: `end_request: I/O error, dev sda, sector 976751999`,
 *  `blk_update_request: I/O error, dev sda, sector 0`, `I/O error, dev nvme0n1, sector 2048 op 0x0:(READ) …`. (Not a
 *  floppy's or an optical drive's: QEMU's empty `fd0` and a drive with no disc say so on boots that work.) */
const DISK_IO_ERROR = /^(?:(?:end_request|blk_update_request): )?I\/O error, dev (?:sd[a-z]{1,3}|hd[a-z]|vd[a-z]{1,3}|xvd[a-z]{1,3}|nvme\d+n\d+|mmcblk\d+), sector \d+/;
const RESUME_FAILED = /^(?:PM: (?:hibernation: )?(?:Failed to load (?:hibernation )?image, recovering|[Rr]esume failed \(-?\d+\)|Error -?\d+ resuming|Image mismatch: )|Hibernate inconsistent memory map detected!)/;
/** megaraid_sas's `Init cmd return status FAILED for SCSI host 0`, `FW in FAULT state`, `Failed from megasas_init_fw 6407`;
 *  mpt3sas's request to its firmware that timed out (`mpt2sas_cm0: _base_event_notification: timeout`) and its probe's
 *  `failure at drivers/scsi/mpt3sas/mpt3sas_scsih.c:8592/_scsih_probe()!`. */
const STORAGE_CONTROLLER_FAILED = /^(?:megaraid_sas \S+: (?:Init cmd return status FAILED\b|FW in FAULT state\b|Failed (?:from megasas_init_fw|to transition controller to ready)\b)|mpt[23]sas_cm\d+: (?:_base_\w+: timeout$|failure at \S+\/_scsih_probe\(\)!))/;
/** An interrupt no handler claimed (`irq 36: nobody cared …`): the kernel turns it off. */
export const IRQ_NOBODY_CARED = /^irq \d+: nobody cared\b/;
const EEH_DISABLED = /^EEH: \S+ has failed \d+ times in the last hour and has been permanently disabled/;
const IPCONFIG_FAILED = /^(?:!!! )?IP-Config: Auto-configuration of network failed/;
/** A disk the kernel took out of service: md dropped a failing member from its array (`md/raid1:md127: Disk
 *  failure on sda1, disabling device.`), libata gave up on a device after its errors (`ata1.00: disabled`). */
const IOMMU_HANG = /^AMD-Vi: (?:Command buffer timeout|Completion-Wait loop timed out)/;
const DISK_FAILED = /^(?:md\/raid\d+:\S+: Disk failure on \S+, disabling device\.?|ata\d+\.\d+: disabled)$/;
// (NVIDIA's `NVRM: The NVIDIA GPU 0000:09:00.0 (PCI ID: 10de:1d01)` begins its word that the GPU cannot be driven: not
// supported by this module, fallen off the bus.)
const DRIVER_FAILED = /^(?:\S+: (?:Unknown symbol \S+ \(err -\d+\)|disagrees about version of symbol \S+)|NVRM: (?:The NVIDIA GPU \S+ \(PCI ID: [0-9a-fA-F:]+\)\s*$|API mismatch|The NVIDIA probe routine failed|RmInitAdapter failed|failed to allocate|request_irq\(\) failed|GPU \S+: RmInitAdapter failed|No NVIDIA (?:GPU|graphics adapter) found))/;

/** A kernel module that could not load or start its device: the driver, not the machine, is broken. */
export function isDriverFailure(message: string): boolean {
  return DRIVER_FAILED.test(message);
}
