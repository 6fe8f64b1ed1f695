/**
 * Line grammar: physical lines → typed console records. Stateful only to repair interleaving: a kernel
 * line that landed inside a systemd status line is split out and the status line is joined again.
 */
import type { PhysicalLine } from '../terminal/line-splitter.js';
import {
  DINIT_SERVICE,
  DRACUT_PREFIX,
  initramfsRootNotFound,
  matchBootloaderError,
  matchOtherInit,
  type OtherInit,
  matchFailedRow,
  KERNEL_EVENT_LITERALS,
  KERNEL_LEDGER_STARTS,
  KERNEL_LEDGER_WORDS,
  matchJournalLine,
  matchKernelEvent,
  matchSystemctlError,
  matchManagerEvent,
  matchMarker,
  matchMountError,
  matchPrompt,
  matchStatusField,
  matchStatusHeader,
  matchTalos,
  matchProcd,
  matchAndroidInit,
  matchTypedCommand,
  matchWelcome,
  splitProcessPrefix,
  type JournalLine,
  type KernelEvent,
  type ManagerEvent,
  type MarkerKind,
  type PromptMatch,
  type TypedCommand,
} from './console-lines.js';
import { matchAudit, matchJournalSeparator, parseDmesgTime, type AuditRecord } from './sources.js';
import { findEmbeddedKernelPrefix, kernelStampAt, isDriverFailure, matchDeadDisk, matchDriverWords, nfsRootFailed, udevSettleTimedOut, isStorageError, kernelGate, matchBrokenFilesystem, matchCrash, matchCrashLocation, untimedCrashWords, matchProcessDie, parseKernelPrefix, type CrashMatch } from './kernel.js';
import { isUnitName, parseUnitText } from './units.js';
import { continuedStatus, findEmbeddedStatus, findSplicedStatus, tailStatusWord } from './splice.js';
import { parseSpinner, parseStatusLine, parseStatusMessage, VERB_FAILURE, type Spinner, type StatusLine, type StatusMessage, type StatusWord } from './status.js';

/** A line of a user's service manager. */
export interface UserManagerLine {
  pid: number;
  /** The message after `systemd[PID]: `. */
  message?: string;
  msg: StatusMessage | null;
  manager: ManagerEvent | null;
}

/** Where a record came from: the raw line number(s) and the text shown there. */
export interface LineRef {
  lineNo: number;
  /** Further raw lines the record was assembled from (interleave repair). */
  more?: number[];
  text: string;
}

export type ConsoleRecord =
  | {
      kind: 'status';
      at: LineRef;
      word: StatusWord;
      message: string;
      msg: StatusMessage | null;
      repaired: boolean;
      /** A line with no status word that was not indented as systemd indents its job lines: only
       *  systemd's when systemd is known to be running. */
      bare?: boolean;
    }
  | { kind: 'spinner'; at: LineRef; spinner: Spinner }
  | {
      kind: 'kernel';
      at: LineRef;
      /** Seconds since the kernel started; null where the line carries wall-clock time (journal, `dmesg -T`). */
      uptime: number | null;
      message: string;
      process: { ident: string; pid: number | null } | null;
      manager: ManagerEvent | null;
      msg: StatusMessage | null;
      event: KernelEvent | null;
      crash: CrashMatch | null;
      crashLocation: string | null;
      storageError: boolean;
      /** A filesystem the kernel could not mount or found damaged, or a driver that could not load. */
      failure: KernelFailure | null;
      /** The line came from a journal or syslog (kernel messages there, or `-o short-monotonic`). */
      fromJournal: boolean;
      audit: AuditRecord | null;
      /** A user's service manager (`systemd[1203]: …`), not PID 1. */
      userManager: UserManagerLine | null;
      /** Someone logged in (a journal's `login[…]: ROOT LOGIN ON ttyS0`). */
      login: boolean;
      /** None of the words of any kernel rule (the grammar's or the segmenter's, KERNEL_LEDGER_LITERALS)
       *  is in the message: a plain line, that only moves the clock. */
      plain: boolean;
    }
  | {
      kind: 'journal';
      at: LineRef;
      journal: JournalLine;
      msg: StatusMessage | null;
      manager: ManagerEvent | null;
      /** A user's service manager (`systemd[1203]: …`), not PID 1. */
      userManager: boolean;
      audit: AuditRecord | null;
      /** Someone logged in (`login[…]: ROOT LOGIN ON ttyS0`, `systemd-logind[…]: New session …`). */
      login: boolean;
    }
  | { kind: 'journal-boot'; at: LineRef; separator: 'boot' | 'reboot' | 'header' }
  /** journalctl -x's catalog text about a unit (`-- Subject: Unit foo.service has failed`,
   *  `░░ Subject: A start job for unit foo.service has failed`). */
  /** `failed` null: the catalog's subject in another language, which names the unit but not what became of it. */
  | { kind: 'catalog'; at: LineRef; unit: string; failed: boolean | null }
  /** An init system other than systemd said something (`OpenRC 0.52 is starting up`, ` * ERROR: networking failed to start`). */
  | { kind: 'init'; at: LineRef; init: OtherInit; failed: string | null; opens: boolean; step?: true }
  /** PID 1's own log line with no prefix (`systemd.log_target=console`, `journalctl -o cat`):
   *  `foo.service: Failed with result 'exit-code'.` */
  | { kind: 'pid1'; at: LineRef; manager: ManagerEvent }
  /** A bootloader's error (`Could not find a valid device tree`, GRUB's `error: file … not found`). */
  | { kind: 'bootloader-error'; at: LineRef; message: string }
  /** An initrd that is not systemd gave up (NixOS stage 1). */
  | { kind: 'initrd-failure'; at: LineRef; initrd: 'nixos-stage-1' }
  /** NixOS's scripted boot stages: `<<< NixOS Stage 1 >>>` (its initrd), `<<< NixOS Stage 2 >>>` (which starts systemd). */
  | { kind: 'nixos-stage'; at: LineRef; stage: 1 | 2 }
  | { kind: 'prompt'; at: LineRef; prompt: PromptMatch }
  | { kind: 'marker'; at: LineRef; marker: MarkerKind; banner: string | null; handover: boolean; inside?: true }
  | { kind: 'welcome'; at: LineRef; os: string }
  | { kind: 'command'; at: LineRef; command: TypedCommand }
  /** `bare`: without the leading dot (systemd before v209), a header only after a typed `systemctl status`. */
  | { kind: 'status-header'; at: LineRef; unit: string; description: string | null; bare: boolean }
  | { kind: 'status-field'; at: LineRef; field: string; value: string }
  | { kind: 'failed-row'; at: LineRef; unit: string; sub: string; description: string; why?: string }
  | {
      kind: 'text';
      at: LineRef;
      crash: CrashMatch | null;
      /** Where an untimed crash report says the kernel was executing (`PC is at …`, `RIP: …`). */
      location?: string | null;
      mountError: { path: string; reason: string } | null;
      /** The root device an initramfs says it cannot find (mkinitcpio, Alpine). */
      rootNotFound: string | null;
      /** dracut's own message without a kernel timestamp (`dracut Warning: …`). */
      dracut: boolean;
    };

/** Verbs systemd prints without a status word, indented by 9 spaces. */
const UNBRACKETED = new Set(['start-begin', 'stop-begin', 'mount-begin', 'unmount-begin', 'swap-begin', 'swapoff-begin', 'device-expect', 'see-status']);
const MESSAGE_START = /^\s*(?:Starting|Stopping|Mounting|Unmounting|Activating swap|Expecting device|See [`'"‘“]?systemctl) /;
// Status lines glued together (web copies, or old systemd's `\r ESC[K` without a newline).
const GLUED = /(?<=[.…])\s+(?=\[\s{0,3}(?:OK|FAILED|DEPEND|TIME|ASSERT|UNSUPP|INFO|ONCE|!!)\s{0,3}\] |(?:Starting|Stopping|Mounting|Unmounting|Activating swap|Expecting device) \S|You are in (?:emergency|rescue) mode\. )/;
const MAX_TEXT = 4096;
const STATUS_WORD = /\[\s{0,3}(?:OK|FAILED|DEPEND|TIME)\s{0,3}\] [A-Z]/;

/** Where the first of the status lines at the end of an overlong line begins (within MAX_TEXT of its end), or -1. */
function statusInTail(text: string): number {
  const from = text.length - MAX_TEXT;
  const m = STATUS_WORD.exec(text.slice(from));
  return m === null ? -1 : from + m.index;
}
/** The kernel's own lines that end a boot or start init, untimed. */
/** What the kernel failed at, when nothing else failed: a filesystem it could not mount or found damaged, a driver. */
/** (`netdev`: a network controller or its PHY said it failed; no failure of the boot's by itself, see the segmenter.) */
export type KernelFailure = 'mount' | 'damage' | 'driver' | 'hang' | 'disk' | 'network' | 'settle' | 'io' | 'suspend' | 'resume' | 'ioerror' | 'netdev';
const UNTIMED_FILESYSTEM = /^(?:NVRM: |VFS: Cannot open root device|No filesystem could mount root|BTRFS(?::? error| critical| warning| info)? \(device [^)]*\)|EXT4-fs (?:error )?\(\S+\): |XFS \(\S+\): |SQUASHFS error: |(?:squashfs: )?Filesystem uses "\w+" compression\. This is not supported|UBIFS error |F2FS-fs \(\S+\): |jffs2: (?:Too few erase blocks|Erase at 0x)|VFS: Mounted root \()/;
const UNTIMED_EVENT = /^(?:reboot: (?:Restarting system|machine restart|Power down|System halted)|Restarting system\.\s*$|Run \/\S* as init process$|Waiting for root device \S+?\.{0,3}$|request_module: runaway loop modprobe \S+$|do_page_fault\(\): sending SIG(?:SEGV|BUS) to \S+ for invalid)/;
/** A kmsg record's level before a kernel stamp. */
const KMSG_LEVEL_STAMP = /^<\d{1,3}>(?=\[)/;
const SYSLOG_HEADER_END = /\d\d:\d\d:\d\d(?:[.,]\d+)?(?:[+-]\d\d:?\d\d|Z)? \S+ (?:[a-z]+\.[a-z]+ )?(?:[\w@.\-/]{1,64}\[\d{1,9}\]|kernel): (?:<\d{1,3}>)?$/;
/** (Or a process systemd forked for a unit, named in parentheses until it runs the unit's program: `(journald)[559]: …`.) */
const BARE_ENTRY = /^([a-z][\w@.\-]{0,63}|\([a-z][\w@.\-]{0,61}\))\[(\d{1,9})\]: /;
/** The same with the host before it (`journalctl -o short` whose time column was cut off). */
const HOSTED_ENTRY = /^([a-z][\w.-]{0,63}) ([a-z][\w@.\-]{0,63})\[(\d{1,9})\]: /;
const SPLICED_JOB_TIMEOUT = /\bJob (\S+?\.(?:device|mount|swap|service|target|socket))\/start timed out/;
const UNTIMED_SYSTEMD = /^(?:systemd|dracut)(?:-[a-z-]{1,32})?\[\d{1,9}\]: \S/;
const UNTIMED_BANNER = /^Linux version \d\S*(?: \(| ?$)/;
/** How an untimed kernel crash header begins (a line that merely mentions one is not one). */
/** A kernel stamp just before a message. */
const STAMP_BEFORE = /\[\s*(\d+\.\d+)\] ?$/;
// (The 0-day robot's own verdict after the console it kept, `BUG: kernel hang in boot stage`, is one too: see
// Segmenter's crash(), where it joins a crash the kernel reported before it.)
const UNTIMED_CRASH = /^(?:(?:NMI )?watchdog: )?(?:Kernel panic|PANIC: early exception|BUG|kernel BUG|Oops|Internal error|general protection|WARNING|Badness in |INFO: task|INFO: rcu|rcu: INFO|Out of memory|Memory cgroup out of memory|PANIC at \S+:\d+:\w+\(\)|\(XEN\) Panic on CPU|\(XEN\) Hardware Dom0 crashed)/;
/** A journal catalog's subject in any language: the unit it names. */
const LOCAL_CATALOG = /^░░ Subject: .*?([\w@:.\\-]+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope))(?=[\s.,:;»"')]|$)/;
/** journalctl -x catalog lines that name a unit and say what became of its job. */
const CATALOG = /^(?:--|░░) (?:Subject: )?Unit (\S+) has (failed|finished start-up|begun start-up|finished shutting down|begun shutting down)|^(?:--|░░) Subject: A (?:start|stop) job for unit (\S+) has (failed|finished successfully|begun execution)/;
/** Where a second journal entry (timestamp, then `host`) starts inside a message, or -1. */
function gluedEntry(message: string, host: string): number {
  for (let k = message.indexOf(` ${host} `); k > 0; k = message.indexOf(` ${host} `, k + 1)) {
    const m = GLUED_TIME.exec(message.slice(0, k + 1));
    if (m && m.index > 0) return m.index;
  }
  return -1;
}
const GLUED_TIME = /(?:[^\s\d.]{2,5}\.? {1,2}\d{1,2}|\d{4}-\d\d-\d\d[T ]?) ?\d\d:\d\d:\d\d(?:[.,]\d+)?(?:[+-]\d{4})? $/;

/** Text another writer's line ran into (brackets of a timestamp or an ident, `ident: `): a status message
 *  that holds it is not taken as complete without its full stop. */
const SPLICED_TEXT = /[[\]]|: /;
/** PID 1's messages about a unit that are read without a prefix: they begin with the unit's name. */
const BARE_MANAGER = new Set(['job-result', 'unit-result', 'unit-error', 'cycle-deleted', 'process-exited', 'on-failure', 'restart-scheduled', 'operation-timeout', 'stop-timeout', 'mount-timeout', 'job-timeout']);

function isUnitNameStart(text: string): boolean {
  const colon = text.indexOf(': ');
  return colon > 2 && isUnitName(text.slice(0, colon));
}

/** Old PID 1's words about a unit without a colon (`foo.socket failed to listen on sockets: …`, `foo.service failed.`). */
function isUnitNameThenFailed(text: string): boolean {
  const sp = text.indexOf(' ');
  return sp > 2 && (text.startsWith(' failed', sp) || text.startsWith(' Failed', sp)) && isUnitName(text.slice(0, sp));
}

/**
 * The kernel killed a user process for a bad memory access, in each architecture's words after the process:
 * x86's `segfault at …`, RISC-V's and PowerPC's `unhandled signal 11 code 0x2 at …`, arm64's `unhandled
 * exception` (5.x: `unhandled level 2 translation fault (11) at …`).
 */
// (powerpc's own words, the signal's name and number and where: `systemd[1]: illegal instruction (4) at 3fff8b7e615c
// nip 3fff8b7e615c lr 3fff8b7e613c code 1 in libc-2.33.so[…]`, then the instructions there, `systemd[1]: code: 60000000 …`.)
const USER_FAULT = /^(?:segfault at |unhandled (?:signal \d|exception\b|level \d \w+ fault \(\d+\) at )|[a-z][a-z -]{2,30} \(\d{1,2}\) at [0-9a-f]+ nip [0-9a-f]+ lr |code: (?:<?[0-9a-f]{8}>? ){3})/;

/**
 * A watchdog's report that began on the line of a message still being printed (a test's `augmented rbtree
 * testing` written without its newline, then `NMI watchdog: BUG: soft lockup - CPU#0 stuck for 23s!`): the
 * stall is why the message never ended.
 */
function splicedCrash(message: string): ReturnType<typeof matchCrash> {
  // (Or MIPS's die() glued to a driver's message that had no newline: `bss channel not setupBreak instruction in
  // kernel code[#1]:`.)
  const die = message.indexOf(' instruction in kernel code[#');
  if (die > 0) {
    const from = MIPS_DIE_GLUED.exec(message.slice(0, die));
    return from === null ? null : matchCrash(message.slice(from.index));
  }
  const at = message.indexOf('BUG: soft lockup');
  if (at <= 0) return null;
  const w = message.lastIndexOf('watchdog: ', at);
  const from = w >= 0 && at - w === 10 ? (message.startsWith('NMI ', w - 4) ? w - 4 : w) : at;
  // (Glued to the text before it, and in the watchdog's own words: `… the BUG: soft lockup detector` is not one.)
  if (from <= 0 || message.charCodeAt(from - 1) === 0x20 || !SOFT_LOCKUP.test(message.slice(at))) return null;
  return matchCrash(message.slice(from));
}
const SOFT_LOCKUP = /^BUG: soft lockup - CPU#\d+ stuck for /;
const MIPS_DIE_GLUED = /(?<=[a-z.!)])(?:Reserved|Break|Trap)$/;

/** Every kernel rule's literal: a line with none of them skips the kernel rules. */
/** The journal names of boot stages that are scripts printing on the console (NixOS). */
const STAGE_IDENT = /^stage-[12]-init$/;
const KERNEL_GATE = kernelGate([...KERNEL_EVENT_LITERALS, ...KERNEL_LEDGER_STARTS], KERNEL_LEDGER_WORDS);
/** A web page's or a mail's typography for what a console prints in ASCII (see push). */
const WEB_TYPOGRAPHY_ALL = /[\u00a0\u2013\u2014]/g;
const WEB_PLAIN: Readonly<Record<string, string>> = { '\u00a0': ' ', '\u2013': '-', '\u2014': '-' };
/** A line that ends where a kernel stamp began: its `[` and padding, after other text. */
const STAMP_CUT_AT_END = /\S\[ {0,5}$/;
/** A kernel stamp whose digits a person blanked out, as printk pads it (12 or 13 columns) or near that. */
/** A kernel stamp that lost its `[` (and its padding) to where a paste was cut. */
/** What a container's console shows of systemd's status: its words, or the hint under a failure. */
const CONSOLE_FORWARDED = /^(?:\s*\[[ A-Z!]{4,8}\] |See ['`‘]systemctl status |\s+(?:Starting|Stopping|Mounting|Unmounting) )/;
const LOST_BRACKET = /^ {0,5}(\d{1,5}\.\d{6})\] /;
const UNTIMED_DEVICE = /^(?:ata\d{1,2}(?:\.\d\d)?: |(?:ahci|nvme|xhci_hcd|ehci-pci|pcieport|i915|amdgpu|nouveau|radeon|r8169|e1000e|igb|ixgbe|mpt3sas|megaraid_sas|sdhci-pci) [0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]: )/;
const TASK_STATE = /^task:\S{1,16} +state:[A-Z]\b/;
const RELATIVE_STAMP = /^\[(?: {0,5}\+ {0,5}\d{1,6}\.\d{6}|[A-Z][a-z]{2}\d{1,2} \d\d:\d\d)\] (?=\S)/;
const BLANK_STAMP = /^\[ {4,14}\] (?=\S)/;
/** Verbs read from a line with no status word and no prefix. */
const BARE_VERBS = new Set(['dependency-failed', 'start-failed', 'mount-failed', 'device-timeout', 'start-timeout', 'mount-timeout', 'swap-failed', 'reached-target', 'stop-failed', 'listen-failed']);
/** A BusyBox or sysvinit rc script's step, its program's own words after it and no result yet. */
const RC_STEP_OPEN = /^(?:Starting|Running|Initializing) ([^:]{1,60}): (?!.*(?:\bOK|\bFAIL(?:ED)?|\bdone\.?)$)\S/;
/** A line that ends in a preposition or article: a description cut there goes on after a space. */
const FUNCTION_WORD_END = / (?:for|of|on|in|at|to|the|and|with|from|by|a|an)$/;
/** systemd's spinner in its unit-name form without the bracket: `Job foo.service/start running (1min 26s / no limit)`. */
const BARE_JOB_SPINNER = /^Job \S+\/\w+ running \([^()/]+ \/ [^()/]+\)/;
/** A status word without its brackets, then a message of its kind. */
const BRACKETLESS = /^(?:(FAILED|DEPEND)|\s?(TIME)|\s{0,2}(OK))\s{1,3}(?=[A-Z])/;
const WORD_FITS: Readonly<Record<string, (kind: string | undefined) => boolean>> = {
  FAILED: (k) => k === 'failed',
  DEPEND: (k) => k === 'dependency',
  TIME: (k) => k === 'timeout',
  OK: (k) => k === undefined,
};

function bracketlessStatus(text: string): { word: StatusWord; message: string; msg: StatusMessage } | null {
  const m = BRACKETLESS.exec(text);
  if (m === null) return null;
  const word = (m[1] ?? m[2] ?? m[3]) as StatusWord;
  const message = text.slice(m[0].length).trim();
  const msg = parseStatusMessage(message);
  // (The word must fit what the message says: `OK Failed to …` is no status line.)
  if (msg === null || !WORD_FITS[word]!(VERB_FAILURE[msg.verb])) return null;
  return { word, message, msg };
}

/** A journal line as wide as a pager or terminal showed it, cut there (`journalctl` in `less -S`, a
 *  screen copied): a failure message missing its end (`Timed out waiting for device dev-disk-by\x2duuid-d3…`)
 *  is read with what is left of its unit text, marked as cut (`…`) so only a unit whose name or description
 *  begins so can be it. Only failures: a cut `Started …` says nothing that matters. */
function cutFailureMessage(line: string, message: string): StatusMessage | null {
  if (line.length < CUT_WIDTH_MIN) return null;
  const last = message.charCodeAt(message.length - 1);
  if (last === 0x2e /* . */ || last === 0x2026 /* … */ || last === 0x20) return null;
  const msg = parseStatusMessage(message + '.');
  if (msg === null || VERB_FAILURE[msg.verb] === undefined || msg.unitText.length < 8) return null;
  return { verb: msg.verb, unitText: msg.unitText + '…' };
}
/**
 * PID 1's message in a journal line too short to have been cut, without the full stop systemd ends it with
 * (`systemd[1]: Failed to start Network Service`: a paste, or a log tool that trimmed it): the message whole,
 * once the log has shown two such lines (see LineClassifier.stopless).
 */
function stoplessMessage(line: string, message: string): StatusMessage | null {
  if (line.length >= CUT_WIDTH_MIN) return null;
  const last = message.charCodeAt(message.length - 1);
  if (!((last >= 0x61 && last <= 0x7a) || (last >= 0x41 && last <= 0x5a) || (last >= 0x30 && last <= 0x39) || last === 0x29) /* ) */) return null;
  const msg = parseStatusMessage(message + '.');
  return msg !== null && msg.unitText.length >= 3 ? msg : null;
}
/** The narrowest width a journal line is taken to have been cut at (an 80-column terminal less its margin). */
const CUT_WIDTH_MIN = 78;

/** netifd's word that a device (a radio, a bridge) could not be set up, and why. */
const NETIFD_DEVICE_FAILED = /^([\w.-]{1,32}) \(\d+\): Device setup failed: [A-Z_]+\s*$/;
/** OpenRC's ebegin (` * Mounting /proc ...`), with eend's result on the same line when nothing was printed between
 *  (` * Mounting /run ... [ !! ]`); else the result comes alone on a line later (` [ !! ]`). */
const OPENRC_EBEGIN = /^\*\s{1,8}([^*[\]\s][^*[\]]{1,80}?) \.\.\.(?:\s*\[ (ok|!!) \])?\s*$/;
/** ebegin's words, waiting for eend's `ok.` / `failed.`. */
const EBEGIN = /^\* ([A-Z][^:*[\]]{2,60}):$/;
/** The same step with another writer's words glued after its colon, the newline the step never printed still to
 *  come (` * Mounting boot media: EXT4-fs (mmcblk0p2): mounted filesystem …`). */
const EBEGIN_GLUED = /^\* ([A-Z][^:*[\]]{2,60}): (?=\S)/;
/** lsb-base's step (Ubuntu's Upstart years) whose status went to the next line, the column past the
 *  console's width: ` * Starting Postfix Mail Transport Agent postfix`, then `[ OK ]` or `[fail]` alone. */
const LSB_STEP_OPEN = /^\* ((?:Starting|Stopping) [^[\]]{1,100}?)\s*$/;
const LSB_STATUS_ALONE = /^\[ ?(OK|fail|Fail) ?\]$/;
/** A Red Hat initscript's step as `action` prints it, its name up to the colon (what its program said may follow). */
const RH_STEP = /^((?:Starting|Stopping|Finding|Checking|Mounting|Setting|Bringing up|Loading|Enabling|Activating|Remounting|Initializing|Configuring|Applying|Unmounting|Turning|Saving|Bringing|Running|Updating|Creating|Determining|Retrigger|Waiting)\b[^:[\]]{0,70}):(?:\s|$)/;

/**
 * systemd's `Starting Foo...` ends in three dots. An rc script's step that waits on something names itself up to
 * a colon and prints a dot a moment (`Starting network: Waiting for interface eth0 to appear...............`),
 * its result on a line below: no systemd job.
 */
function scriptStepWaiting(text: string): boolean {
  return text.endsWith('....') && text.includes(': ');
}

/** A process's kmsg line with spaces before its name. */
const SPACED_PROCESS = /^ {1,3}[\w@.\-/]{1,64}\[\d{1,9}\]: /;

/** `host kernel: ` or `host ident[pid]: ` after a monotonic timestamp (the host is one word). */
const JOURNAL_MONOTONIC = /^[\w.-]{1,64} (kernel|[\w@.\-/]{1,64}\[(\d{1,9})\]): /;

/** A line of Trusted Firmware-A's log: its level, then the stage (`NOTICE:  BL2: …`, `INFO:    BL31: …`),
 *  or its level padded as only it pads it (`NOTICE:       Entry 0: …`);
 *  a console that cut it (`NOTI[    0.000292] NOTICE:  BL2: …`) leaves the stamp of the second copy before it. */
const TF_A_LINE = /^(?:\S{0,8}\[\s*\d+\.\d+\]\s+)?(?:(?:NOTICE|INFO|WARNING|ERROR|VERBOSE):\s+BL(?:1|2|2U|31|32|33)\b|(?:NOTICE: |INFO:   |VERBOSE:) )/;

/**
 * Where a classifier's records go: a function, or an object that takes them in its `record` method. (A method is
 * one function for every analysis; a closure is new with each, and V8 throws away the optimized code that called
 * the first one when the next analysis calls another: this layer's largest functions, push, kernel and classifyOne,
 * compiled again at every second analysis in a process. The Analyzer passes an object.)
 */
export interface RecordSink {
  record(record: ConsoleRecord): void;
}

export class LineClassifier {
  /** The status word the previous line ended with, cut from its `]` by the line end. */
  private tailWord: StatusWord | null = null;
  /** The previous line ended with a kernel stamp's `[` (and its padding): the next begins with its digits. */
  private stampCut = false;
  /** Unit lines still to come under `Failed Units: N`. */
  private failedUnitsLeft = 0;
  /** An init script's step begun (` * Mounting boot media: `) whose `ok.` or `failed.` is still to come. */
  private openStep: { name: string; at: LineRef } | null = null;
  /** Alpine's initramfs said its banner (`Alpine Init 3.5.0-r0`): its steps print their name, then whatever the
   *  kernel says, then their result. */
  private alpineInit = false;
  /** OpenRC's step begun (` * Mounting /proc ...`) whose eend is still to come (see OPENRC_EBEGIN). */
  private ebegin: { name: string; at: LineRef } | null = null;
  /** A Red Hat initscript's step (`Finding module dependencies:  …`) whose result may come alone on a line after it. */
  private rhStep: { name: string; at: LineRef } | null = null;
  /** lsb-base's step whose status is on the next line (see LSB_STEP_OPEN). */
  private lsbStep: { name: string; at: LineRef } | null = null;
  /** A status line cut short by a kernel line, waiting for its continuation. */
  private fragment: { line: PhysicalLine; text: string; whole: boolean } | null = null;

  /** A line read with its no-break spaces as spaces: its text as read, and as the log has it (for evidence). */
  private asRead: string | null = null;
  private asShown = '';
  private readonly sink: RecordSink;

  constructor(sink: ((record: ConsoleRecord) => void) | RecordSink) {
    this.sink = typeof sink === 'function' ? { record: sink } : sink;
  }

  private out(record: ConsoleRecord): void {
    // (Evidence shows the line as the log has it.)
    if (this.asRead !== null && record.at.text === this.asRead) record.at = { ...record.at, text: this.asShown };
    this.sink.record(record);
  }

  push(line0: PhysicalLine): void {
    // A log copied from a web page or a mail often has no-break spaces where the console had spaces
    // (`[\u00a0 675.89] Unable to handle kernel …`): read as the spaces they stand for. A page's typography
    // also turns a hyphen between spaces into a dash (`Kernel panic – not syncing`): read as the hyphen the
    // console printed. (Not curly quotes: NixOS puts them in its units' descriptions, `OpenVPN instance ‘server’`.)
    let line = line0;
    this.asRead = null;
    // (Not searched for in a line the splitter read from ASCII bytes alone, most of them.)
    const shown = line0.text;
    if (line0.ascii !== shown && (shown.includes('\u00a0') || shown.includes('\u2013') || shown.includes('\u2014'))) {
      line = { ...line0, text: line0.text.replace(WEB_TYPOGRAPHY_ALL, (c) => WEB_PLAIN[c] ?? c) };
      this.asRead = line.text;
      this.asShown = line0.text;
    }
    if (line.overwritten) {
      const spinner = parseSpinner(line.text);
      if (spinner) this.out({ kind: 'spinner', at: ref(line, line.text), spinner });
      // A login prompt a kernel message wrote over (`host login: \r[  33625.2] e1000 …`): it was shown.
      else if (line.text.includes('login:')) {
        const prompt = matchPrompt(line.text.trim());
        if (prompt?.kind === 'login') this.out({ kind: 'prompt', at: ref(line, line.text), prompt });
      }
      return;
    }
    // A kernel stamp a wrap cut after its `[` (`… (1min 22s / 2min 25s)[  ` then `84.295876] watchdog: BUG: …`):
    // the line is the kernel's.
    const cutStamp = this.stampCut;
    const t0 = line.text;
    const last = t0.length > 0 ? t0.charCodeAt(t0.length - 1) : -1;
    this.stampCut = (last === 0x20 || last === 0x5b) && STAMP_CUT_AT_END.test(t0);
    if (cutStamp && t0.charCodeAt(0) >= 0x30 && t0.charCodeAt(0) <= 0x39) {
      // (Its padding went with the `[`: put back as printk pads the seconds, to five places.)
      const pad = '     '.slice(Math.min(5, t0.indexOf('.')));
      const k = parseKernelPrefix(`[${pad}${t0}`);
      if (k) {
        this.end();
        this.tailWord = null;
        this.kernel({ lineNo: line.lineNo, text: t0 }, k.uptime, t0.slice(k.messageStart - 1 - pad.length), false);
        return;
      }
    }
    if (this.fragment) {
      const frag = this.fragment;
      this.fragment = null;
      if (line.text !== '' && !startsNewLine(line.text)) {
        // A line cut at a column (no space lost) or at a word (the space went with the break).
        let joined = frag.text + line.text;
        const st = parseStatusLine(joined);
        let reads = st !== null && parseStatusMessage(st.message) !== null;
        // Cut after a preposition (`Dependency failed for Host logger for` / `ttyVUART0.`, a mail client's
        // wrap): the words were two, unless glued they name a unit.
        if (reads && FUNCTION_WORD_END.test(frag.text) && /^[A-Za-z0-9]/.test(line.text) && parseUnitText(parseStatusMessage(st!.message)!.unitText).name === null) {
          const spaced = frag.text + ' ' + line.text;
          const st2 = parseStatusLine(spaced);
          if (st2 !== null && parseStatusMessage(st2.message) !== null) joined = spaced;
        }
        if (st !== null && !reads) {
          const spaced = frag.text + ' ' + line.text.trimStart();
          const st2 = parseStatusLine(spaced);
          if (st2 !== null && parseStatusMessage(st2.message) !== null) {
            joined = spaced;
            reads = true;
          }
        }
        // Joined, it reads as no message; alone, with the full stop a person left out when copying it,
        // it does: a line of its own (a hand-copied log), not a wrapped one.
        if (!reads && frag.whole && this.readsWithStop(frag.text)) {
          this.classifyText(frag.line, frag.text, undefined, false, undefined, true);
        } else {
          this.classifyText({ ...line, lineNo: frag.line.lineNo }, joined, [line.lineNo], true);
          return;
        }
      } else {
        this.classifyText(frag.line, frag.text, undefined, false, undefined, frag.whole);
      }
    }
    let text = line.text;
    if (text.length > MAX_TEXT) {
      // Spinner frames with no CR between them (a boot.log) run past the limit: the job's result at the end
      // is what the screen kept, and what counts.
      // (So is systemd's status line glued at the end of a full-screen program's redraws that never printed a
      // newline, an installer's `…[ Rebooting...  ][FAILED] Failed unmounting cdrom.mount - /cdrom.`.)
      const end = text.includes(' job is running for ') ? resultAfterFrames(text) : text.charCodeAt(0) !== 0x5b ? statusInTail(text) : -1;
      text = end > 0 && text.length - end <= MAX_TEXT ? text.slice(end) : text.slice(0, MAX_TEXT);
    }
    // A status word cut from its bracket by a line end (`…timed out.DEPEND` / `] Dependency failed for X.`).
    // (Its first character read once, -1 for an empty line: `charCodeAt(0)` there is NaN, out of the string, and V8
    // throws away the optimized code of this function, the layer's largest, at each place that first reads one so.)
    const c0 = text.length > 0 ? text.charCodeAt(0) : -1;
    const tail = this.tailWord;
    this.tailWord = tailStatusWord(text);
    if (tail !== null && c0 !== 0x5b) {
      const cut = continuedStatus(tail, text);
      if (cut) {
        this.splicesRepaired++;
        this.out({ kind: 'status', at: { lineNo: line.lineNo, text }, word: tail, message: cut.message, msg: cut.msg, repaired: true });
        return;
      }
    }
    // Kernel lines are most of a console: straight to the kernel rules (no status line starts `[ digits.`).
    if (c0 === 0x5b /* [ */) {
      const k = parseKernelPrefix(text, this.unpaddedKernel);
      if (k) {
        // (Once the kernel's crash report showed its stamps without padding, all of them are its.)
        if (k.unpadded === true) this.unpaddedKernel = true;
        const message = text.slice(k.messageStart);
        // `[    5.19] [FAILEDsystemd[1]: Stopped target Timers.] Failed to start X.`: the status line began
        // right after the kernel's stamp and the kernel's message cut into it after its word.
        if (message.length > 8 && message.charCodeAt(0) === 0x5b /* [ */) {
          const found = findSplicedStatus(message);
          if (found !== null && found !== 'lost' && found.before.trim() !== '') {
            this.splicesRepaired++;
            this.out({ kind: 'status', at: { lineNo: line.lineNo, text }, word: found.word, message: found.message, msg: found.msg, repaired: true });
            this.kernel({ lineNo: line.lineNo, text }, k.uptime, found.before, false);
            return;
          }
        }
        // Another kernel line written into this one before it ended (`ehci-pci 0000:00:1d.0: EHCI[   36.42]
        // systemd-networkd[740]: eth0: Configured`): two lines, as they were printed.
        // (Glued to the text it cut, and padded as printk pads: `[SECLOG C4] [000014.865209]` is a message's own clock.)
        const inner = message.indexOf('[');
        if (inner > 0) {
          const at = stampInside(message, inner);
          const before = at > 0 ? message.charCodeAt(at - 1) : 0x20;
          if (before !== 0x20 && before !== 0x09 && before !== 0x5d /* ] */ && !(message.charCodeAt(at + 1) === 0x30 && message.charCodeAt(at + 2) !== 0x2e)) {
            const rest = message.slice(at);
            const k2 = parseKernelPrefix(rest);
            if (k2 !== null && k2.uptime >= k.uptime) {
              // (The same line begun again, `NOTI[    0.000292] NOTICE:  BL2: …`: only the second is.)
              const cut = message.slice(0, at);
              if (!rest.startsWith(cut, k2.messageStart)) this.kernel({ lineNo: line.lineNo, text }, k.uptime, cut, false);
              this.classifyText(line, rest, undefined, false);
              return;
            }
          }
        }
        // A reset cut the kernel's line and the next power-on's firmware wrote on (`… (__enableNOTICE:  CPU:
        // STM32MP157AAA Rev.B`, `…from [<c0101674>] U-Boot SPL 2021.01 (…)`): the line's end is a new boot's first.
        // (Most kernel lines hold none of the words of the two checks below, nor of kernel()'s splicedCrash and
        // netDeviceFailed: one search for all of them, not six. Not under `reference`: every check on every line.)
        const quiet = !this.reference && !SPLICE_WORDS.test(message);
        if (!quiet) {
          const glued = gluedBanner(message);
          if (glued > 0) {
            const rest = message.slice(glued);
            this.kernel({ lineNo: line.lineNo, text }, k.uptime, message.slice(0, glued), false);
            this.classifyText(line, rest, undefined, false);
            return;
          }
          if (mayHoldStatus(message)) {
            const inside = findEmbeddedStatus(message);
            if (inside) {
              this.splicesRepaired++;
              this.out({ kind: 'status', at: { lineNo: line.lineNo, text }, word: inside.word, message: inside.status, msg: inside.msg, repaired: true });
              this.kernel({ lineNo: line.lineNo, text }, k.uptime, inside.message, false);
              return;
            }
          }
        }
        this.quietMessage = quiet ? message : null;
        this.kernel({ lineNo: line.lineNo, text }, k.uptime, message, false);
        return;
      }
      // A status word that lost its `]` to the kernel's stamp (`[ TIME    94.982368] systemd[1]: Timed out
      // waiting for device …`, the status line's own text cut up on the lines after): the kernel's line.
      const ate = WORD_ATE_STAMP.exec(text);
      if (ate !== null) {
        const rest = '[' + text.slice(ate[0].length);
        const k3 = parseKernelPrefix(rest);
        if (k3) {
          this.kernel({ lineNo: line.lineNo, text }, k3.uptime, rest.slice(k3.messageStart), false);
          return;
        }
      }
      // `dmesg -T`: `[Mon Mar  3 08:12:45 2025] …`.
      const t = parseDmesgTime(text);
      if (t > 0) {
        // (A console server's wall clock before the kernel's own stamp: `[Thu Dec  7 02:40:44 2017][  138.39] …`.)
        const rest = text.slice(t);
        const k2 = rest.charCodeAt(0) === 0x5b ? parseKernelPrefix(rest) : null;
        this.kernel({ lineNo: line.lineNo, text }, k2 ? k2.uptime : null, k2 ? rest.slice(k2.messageStart) : rest, false);
        return;
      }
      // A kernel stamp blanked by whoever posted the log (`[      ] INFO: task shutdown:1 blocked for more than
      // 120 seconds.`): the kernel's line, its time unknown. (No status word or spinner frame is all spaces.)
      // (So is `dmesg -H`'s and `dmesg --reltime`'s: the time since the line before, `[  +0.000028] i915 …`, after
      // a first line stamped with the wall clock's minute, `[Apr16 14:51] Linux version …`.)
      const c1 = text.charCodeAt(1);
      if (c1 === 0x20 || c1 === 0x2b /* + */ || (c1 >= 0x41 && c1 <= 0x5a)) {
        const blank = BLANK_STAMP.exec(text) ?? RELATIVE_STAMP.exec(text);
        if (blank !== null) {
          this.kernel({ lineNo: line.lineNo, text }, null, text.slice(blank[0].length), false);
          return;
        }
      }
    }
    // A paste cut inside the first kernel stamp, its `[` and padding gone (` 4.789343] No filesystem could mount
    // root, tried:`): the kernel's line.
    if ((c0 === 0x20 || (c0 >= 0x30 && c0 <= 0x39)) && text.includes('] ')) {
      const lost = LOST_BRACKET.exec(text);
      if (lost !== null) {
        this.kernel({ lineNo: line.lineNo, text }, Number(lost[1]), text.slice(lost[0].length), false);
        return;
      }
    }
    // A kernel line inside a systemd status line: split it out, keep the status part for its continuation.
    const st = parseStatusLine(text);
    const status = st !== null || MESSAGE_START.test(text);
    if (status && text.indexOf('[', 1) > 0) {
      const at = findEmbeddedKernelPrefix(text);
      if (at > 0) {
        const head = text.slice(0, at);
        this.classifyText(line, text.slice(at), undefined, false);
        if (!looksComplete(head)) {
          this.fragment = { line, text: head, whole: false };
          return;
        }
        this.classifyText(line, head, undefined, false);
        return;
      }
    }
    // A kernel line printed after a prompt or other unfinished text (`root@host:~# [   65.3] INFO: …`):
    // the text first, then the kernel line, as they were printed.
    if (!status && text.indexOf('[', 1) > 0) {
      // (Unless the text is a status word whose message the kernel line's end carries: `[DEPEND[    5.22]
      // systemd[1]: ] Dependency failed for X.`)
      if (c0 === 0x5b /* [ */ && text.includes(': ] ') && this.splice({ lineNo: line.lineNo, text }, text, false)) return;
      // (A firmware that stamps its lines with a clock of its own after its tag, `[ATF][    13.42]…`, is not
      // a kernel line after a tag: it is the firmware's.)
      const at = text.startsWith('[ATF][') ? -1 : findEmbeddedKernelPrefix(text);
      // (After a syslog header `host kernel[610]: ` the kernel line is that entry's message: BusyBox klogd
      // replaying the ring buffer, or a script logging dmesg. It is read as the entry, not split off.)
      if (at > 0 && !SYSLOG_HEADER_END.test(text.slice(Math.max(0, at - 80), at))) {
        this.classifyText(line, text.slice(0, at), undefined, false);
        this.classifyText(line, text.slice(at), undefined, false);
        return;
      }
    }
    // A status line wrapped by whoever saved it: its message goes on on the next line.
    // (Not Finit's `[ OK ] Stopping Status daemon`: its lines end without a stop.)
    if (st !== null && st.message.length >= 12 && !looksComplete(st.message) && parseStatusMessage(st.message) === null && !text.startsWith('[ OK ] ')) {
      this.fragment = { line, text, whole: true };
      return;
    }
    this.classifyText(line, text, undefined, false, st);
  }

  end(): void {
    if (this.fragment) {
      const frag = this.fragment;
      this.fragment = null;
      this.classifyText(frag.line, frag.text, undefined, false, undefined, frag.whole);
    }
  }

  /** A status line whose message reads once a full stop is put at its end. */
  private readsWithStop(text: string): boolean {
    const st = parseStatusLine(text);
    return st !== null && parseStatusMessage(st.message) === null && !SPLICED_TEXT.test(st.message) && parseStatusMessage(st.message.trimEnd() + '.') !== null;
  }

  /** `stopless`: a status line that ended where its message did, without its full stop (copied by hand). */
  private classifyText(line: PhysicalLine, text: string, more: number[] | undefined, repaired: boolean, parsed?: StatusLine | null, stopless = false): void {
    const at: LineRef = more ? { lineNo: line.lineNo, more, text } : { lineNo: line.lineNo, text };
    const st = parsed === undefined ? parseStatusLine(text) : parsed;
    if ((text.includes('. ') || text.includes('… ')) && (st !== null || MESSAGE_START.test(text))) {
      const parts = text.split(GLUED);
      if (parts.length > 1) {
        for (const part of parts) this.classifyOne({ ...at, text: part }, part, repaired, parseStatusLine(part));
        return;
      }
    }
    this.classifyOne(at, text, repaired, st, stopless);
  }

  private classifyOne(at: LineRef, text: string, repaired: boolean, st: StatusLine | null, stopless = false): void {
    if (this.lsbStep !== null) {
      const step = this.lsbStep;
      this.lsbStep = null;
      const status = at.lineNo - step.at.lineNo <= 2 ? LSB_STATUS_ALONE.exec(text.trim()) : null;
      if (status !== null) {
        // (Told at the step's line, which names it; its status line goes with it.)
        this.out({ kind: 'init', at: { lineNo: step.at.lineNo, text: step.at.text, more: [at.lineNo] }, init: 'upstart', failed: status[1] === 'OK' ? null : step.name, opens: false });
        return;
      }
    }
    // OpenRC's eend alone on a line (` [ !! ]`), the step's own output having come between: the step's result.
    if (st !== null && st.message.trim() === '' && this.ebegin !== null && (st.word === '!!' || st.word === 'OK')) {
      const step = this.ebegin;
      this.ebegin = null;
      if (at.lineNo - step.at.lineNo <= 40) {
        this.out({ kind: 'init', at: { lineNo: step.at.lineNo, text: step.at.text, more: [at.lineNo] }, init: 'openrc', failed: st.word === '!!' ? step.name : null, opens: false, step: true });
        return;
      }
    }
    // Red Hat's result alone on a line after its step (`Finding module dependencies:  depmod: Can't open`, the
    // program's words wrapped, then `[FAILED]`: the cursor's move to column 60 lost): the step's result.
    if (st !== null && st.message.trim() === '' && this.rhStep !== null) {
      const step = this.rhStep;
      this.rhStep = null;
      if (at.lineNo - step.at.lineNo <= 3 && (st.word === 'FAILED' || st.word === 'OK')) {
        this.out({ kind: 'init', at: { lineNo: step.at.lineNo, text: step.at.text, more: [at.lineNo] }, init: 'sysvinit', failed: st.word === 'FAILED' ? step.name : null, opens: false });
        return;
      }
    }
    if (st !== null) {
      const msg =
        parseStatusMessage(st.message) ??
        (stopless && st.word !== '' && !SPLICED_TEXT.test(st.message) ? parseStatusMessage(st.message.trimEnd() + '.') : null) ??
        // Retyped by hand: `[FAILED] Failed to Start Create Volatile Files and Directories`.
        (st.word === 'FAILED' && /^Failed to [A-Z]/.test(st.message) ? parseStatusMessage(`Failed to ${st.message.charAt(10).toLowerCase()}${st.message.slice(11).trimEnd().replace(/\.?$/, '.')}`) : null);
      // Finit's `[ OK ] Bootstrapping YANG datastore`: one space inside its bracket, no stop after its words
      // (systemd's `[  OK  ]` messages end with `.` or `...`).
      if (st.word === 'OK' && text.startsWith('[ OK ] ') && !/(?:\.|…)\s*$/.test(st.message)) {
        this.out({ kind: 'init', at, init: 'finit', failed: null, opens: false });
        return;
      }
      if (msg === null && (st.word === 'OK' || st.word === 'FAILED') && text.charCodeAt(0) === 0x5b && DINIT_SERVICE.test(st.message.trimEnd())) {
        const service = st.message.trimEnd();
        this.out({ kind: 'init', at, init: 'dinit', failed: st.word === 'FAILED' ? service : null, opens: false });
        return;
      }
      this.out({ kind: 'status', at, word: st.word, message: st.message, msg, repaired });
      return;
    }
    const first = text.length > 0 ? text.charCodeAt(0) : -1;
    // The spinner's words without its bracket (a console copied or retyped without it): only systemd says them.
    if (first === 0x4a /* J */ && text.startsWith('Job ') && BARE_JOB_SPINNER.test(text)) {
      const spinner = parseSpinner(`[ *** ] ${text.trimEnd()}`);
      if (spinner) {
        this.out({ kind: 'spinner', at, spinner });
        return;
      }
    }
    // Status words whose brackets were lost (a console log that kept the letters of each escape-coloured
    // field only: `FAILED Failed to start foo.service.`, `DEPEND Dependency failed for …`).
    if (first === 0x46 /* F */ || first === 0x44 /* D */ || first === 0x54 /* T */ || first === 0x20 || first === 0x4f /* O */) {
      const st = bracketlessStatus(text);
      if (st !== null) {
        this.out({ kind: 'status', at, word: st.word, message: st.message, msg: st.msg, repaired: false });
        return;
      }
    }
    // (Indented with the rest of a paste, or not.)
    const words = first === 0x20 ? text.trimStart() : text;
    if (words.length > 0 && words.charCodeAt(0) === 0x41 /* A */ && (words.startsWith('A start job is running for ') || words.startsWith('A stop job is running for ')) && !words.includes('[')) {
      const spinner = parseSpinner(`[ *** ] ${/\(\S.* \/ .+\)\s*$/.test(words) ? words.trimEnd() : words.trimEnd() + ' (? / ?)'}`);
      if (spinner) {
        this.out({ kind: 'spinner', at, spinner });
        return;
      }
    }
    if (first === 0x5b /* [ */) {
      // Spinner frames one after another with nothing between (plymouth's boot.log keeps no CR or escape,
      // and cuts each frame short), then the job's result: `[  *** ] (1 of 2) A start job is running for
      // dev-disk-by\x2duuid-…[ TIME ] Timed out waiting for device …`. The result is what the screen kept.
      const end = text.includes(' job is running for ') ? resultAfterFrames(text) : -1;
      if (end > 0) {
        const tail = text.slice(end);
        this.classifyOne({ ...at, text: tail }, tail, repaired, parseStatusLine(tail));
        return;
      }
      const spinner = parseSpinner(text);
      if (spinner) {
        this.out({ kind: 'spinner', at, spinner });
        return;
      }
      const k = parseKernelPrefix(text);
      if (k) {
        this.kernel(at, k.uptime, text.slice(k.messageStart), false);
        return;
      }
      const spliced = this.splice(at, text, repaired);
      if (spliced) return;
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      this.out({ kind: 'text', at, crash: null, mountError: null, rootNotFound: null, dracut: false });
      return;
    }
    const c0 = trimmed.charCodeAt(0);
    if (c0 === 0x2591 /* ░ */ || (c0 === 0x2d && trimmed.startsWith('-- '))) {
      const cat = CATALOG.exec(trimmed);
      if (cat) {
        this.out({ kind: 'catalog', at, unit: cat[1] ?? cat[3]!, failed: (cat[2] ?? cat[4]) === 'failed' });
        return;
      }
      // (Translated: `░░ Subject: Ошибка юнита kheaders.service`.)
      const local = c0 === 0x2591 ? LOCAL_CATALOG.exec(trimmed) : null;
      if (local !== null) {
        this.out({ kind: 'catalog', at, unit: local[1]!, failed: null });
        return;
      }
    }
    if (c0 === 0x2d /* - */) {
      const sep = matchJournalSeparator(trimmed);
      if (sep) {
        this.out({ kind: 'journal-boot', at, separator: sep });
        return;
      }
    }
    // U-Boot and barebox hand over to the kernel: `Starting kernel ...` is no systemd job.
    if (c0 === 0x53 /* S */ && (trimmed.startsWith('Starting kernel') || trimmed.startsWith('Starting depthcharge'))) {
      const marker = matchMarker(trimmed);
      if (marker) {
        this.out({ kind: 'marker', at, marker: marker.kind, banner: marker.banner, handover: marker.handover });
        return;
      }
    }
    // (Alpine's initramfs says its steps in systemd's words, `Mounting boot media...`, with no bracket: its own.)
    if (!this.alpineInit && MESSAGE_START.test(text)) {
      const msg = parseStatusMessage(trimmed);
      if (msg && UNBRACKETED.has(msg.verb) && !scriptStepWaiting(trimmed)) {
        const bare = text.charCodeAt(0) !== 0x20 && text.charCodeAt(0) !== 0x09 && !repaired;
        this.out({ kind: 'status', at, word: '', message: trimmed, msg, repaired, bare });
        return;
      }
    }
    const welcome = matchWelcome(trimmed);
    if (welcome !== null) {
      this.out({ kind: 'welcome', at, os: welcome });
      return;
    }
    // A status line another writer's text ran into (`pi@raspberrypi:~$ [ TIME ] Timed out …`) first.
    if (first !== 0x5b && text.includes('] ') && this.splice(at, text, repaired)) return;
    const prompt0 = matchPrompt(trimmed);
    // (sulogin's second line just under its first is the same prompt: told once, at the first.)
    const prompt = prompt0 !== null && prompt0.kind === 'emergency' && trimmed.charCodeAt(0) === 0x28 /* ( */ && this.emergencyPromptAt === at.lineNo - 1 ? null : prompt0;
    if (prompt0 !== null && prompt0.kind === 'emergency') this.emergencyPromptAt = at.lineNo;
    if (prompt) {
      this.out({ kind: 'prompt', at, prompt });
      // `dmesg` typed at a shell's prompt (`root@host:~# dmesg | grep -i iommu`): the ring buffer follows
      // again. (A `systemctl status` typed there is read from its own output's header.)
      const typed = prompt.kind === 'shell' && text.includes('dmesg') ? matchTypedCommand(text) : null;
      if (typed !== null && typed.kind === 'dmesg') this.out({ kind: 'command', at, command: typed });
      return;
    }
    const marker = matchMarker(text);
    if (marker) {
      this.out({ kind: 'marker', at, marker: marker.kind, banner: marker.banner, handover: marker.handover, ...(marker.inside ? { inside: true as const } : {}) });
      return;
    }
    const command = matchTypedCommand(text);
    if (command) {
      this.out({ kind: 'command', at, command });
      return;
    }
    const journal = matchJournalLine(text);
    if (journal) {
      // Two entries glued on one line (a paste that lost a newline): the second begins with a timestamp
      // and the same host.
      const glued = journal.host !== '' ? gluedEntry(journal.message, journal.host) : -1;
      if (glued > 0) {
        this.journalLine(at, { ...journal, message: journal.message.slice(0, glued) });
        const rest = journal.message.slice(glued);
        this.classifyOne({ ...at, text: rest }, rest, repaired, null);
        return;
      }
      return this.journalLine(at, journal);
    }
    const header = matchStatusHeader(text);
    if (header) {
      this.out({ kind: 'status-header', at, unit: header.unit, description: header.description, bare: header.bare });
      return;
    }
    const field = matchStatusField(text);
    if (field) {
      this.out({ kind: 'status-field', at, field: field.field, value: field.value });
      return;
    }
    const row = matchFailedRow(text);
    if (row) {
      this.out({ kind: 'failed-row', at, ...row });
      return;
    }
    // Fedora/RHEL CoreOS's login messages (console-login-helper-messages): `Failed Units: 2` and the
    // units, indented, one a line.
    if (this.failedUnitsLeft > 0) {
      const unit = /^\s+(\S+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope))$/.exec(text);
      if (unit) {
        this.failedUnitsLeft--;
        this.out({ kind: 'failed-row', at, unit: unit[1]!, sub: 'failed', description: '', why: 'listed under Failed Units by the login messages' });
        return;
      }
      this.failedUnitsLeft = 0;
    }
    if (c0 === 0x46 /* F */ && trimmed.startsWith('Failed Units: ')) {
      const n = /^Failed Units: (\d{1,4})$/.exec(trimmed);
      if (n) {
        this.failedUnitsLeft = Math.min(Number(n[1]), 256);
        return;
      }
    }
    // systemctl refusing a job at a shell (`Failed to start default.target: Transaction is destructive.`, `Failed
    // to start nginx.service: Unit nginx.service not found.`): the unit named in full, then its reason.
    if (c0 === 0x46 /* F */ && trimmed.startsWith('Failed to ') && trimmed.includes(': ')) {
      const refused = matchSystemctlError(trimmed, true);
      if (refused !== null) {
        this.out({ kind: 'pid1', at, manager: refused });
        return;
      }
    }
    // PID 1's messages without any prefix (`journalctl -o cat`, pastes that lost the prefix, old
    // systemd's unbracketed console lines): failures and targets only, which nothing else prints so.
    if (c0 >= 0x41 && c0 <= 0x5a) {
      // A person who retyped the screen often leaves the full stop off; these two phrases are systemd's alone.
      const msg =
        parseStatusMessage(trimmed) ??
        (!trimmed.endsWith('.') && (trimmed.startsWith('Timed out waiting for device ') || trimmed.startsWith('Dependency failed for ')) ? parseStatusMessage(trimmed + '.') : null);
      // (And a start in systemd 253's own form, the unit's name and its description, `Started foo.service - Foo.`:
      // a restarted unit that came back, in `-o cat`.)
      // (Not a session's scope: `Started session-c1.scope - Session c1 of User x.` is a login, read as such below.)
      const started = msg !== null && msg.verb === 'started' && msg.unitText.includes(' - ') ? (parseUnitText(msg.unitText).name ?? '') : '';
      const named = started !== '' && isUnitName(started) && !started.endsWith('.scope');
      if (msg && (BARE_VERBS.has(msg.verb) || named) && !scriptStepWaiting(trimmed)) {
        this.out({ kind: 'status', at, word: '', message: trimmed, msg, repaired, bare: true });
        return;
      }
    }
    // (Retyped or read off a photo, lower case and without its stop: `failed to mount boot-efi.mount - /boot/efi`;
    // then only with the unit named in full.)
    if ((c0 === 0x66 /* f */ || c0 === 0x74 /* t */ || c0 === 0x64) /* d */ && trimmed.length < 300) {
      const upper = trimmed[0]!.toUpperCase() + trimmed.slice(1);
      const msg = parseStatusMessage(upper) ?? (upper.endsWith('.') ? null : parseStatusMessage(upper + '.'));
      if (msg && BARE_VERBS.has(msg.verb) && isUnitName(parseUnitText(msg.unitText).name ?? '')) {
        this.out({ kind: 'status', at, word: '', message: trimmed, msg, repaired, bare: true });
        return;
      }
    }
    if (first !== 0x5b && (text.includes('] ') || text.includes('   ')) && this.splice(at, text, repaired)) return;
    // (systemd in a container writes its log to the console without a prefix, and no status lines:
    // `Job systemd-update-utmp-runlevel.service/start failed with result 'dependency'.`)
    // (PID 1's word that it restarts userspace, and its first words when it starts, alone on their lines:
    // `journalctl -o cat`, a container's console.)
    if ((c0 === 0x53 /* S */ && trimmed.startsWith('Soft-reboot')) || (c0 === 0x73 /* s */ && trimmed.startsWith('systemd ') && trimmed.includes(' running in system mode'))) {
      const manager = matchManagerEvent(trimmed);
      if (manager !== null && (manager.kind === 'soft-reboot' || manager.kind === 'manager-start')) {
        this.out({ kind: 'pid1', at, manager });
        return;
      }
    }
    // systemctl's own error, typed at a shell (`Job for foo.service failed because …`).
    if (c0 === 0x4a /* J */ && trimmed.startsWith('Job for ')) {
      const job = matchSystemctlError(trimmed);
      if (job !== null) {
        this.out({ kind: 'pid1', at, manager: job });
        return;
      }
    }
    // (Or old systemd's own words for a job that timed out, copied without the prefix: `Job dev-md1.device/start timed out.`)
    if ((trimmed.includes(': ') && isUnitNameStart(trimmed)) || isUnitNameThenFailed(trimmed) || (c0 === 0x4a /* J */ && trimmed.startsWith('Job ') && (trimmed.includes(' failed with result ') || trimmed.includes(' timed out')))) {
      const manager = matchManagerEvent(trimmed);
      if (manager !== null && BARE_MANAGER.has(manager.kind)) {
        this.out({ kind: 'pid1', at, manager });
        return;
      }
    }
    this.classifyUntimed(at, text, repaired, first, trimmed, c0);
  }

  /** classifyOne, last: a line of the kernel's or init's without its prefix, or text (on its own: see the segmenter's kernel). */
  private classifyUntimed(at: LineRef, text: string, repaired: boolean, first: number, trimmed: string, c0: number): void {
    // A kernel without printk timestamps (printk.time=0, `dmesg -r` levels taken off): its banner and
    // crashes still tell where a boot begins and what broke, and PID 1's kmsg lines (`systemd[1]: …`,
    // `systemd-shutdown[1]: …`, `systemd-journald[93]: …`) are what they are with a timestamp.
    if (((c0 === 0x73 /* s */ || c0 === 0x64) /* d */ && UNTIMED_SYSTEMD.test(trimmed)) || ((c0 === 0x72 /* r */ || c0 === 0x52 /* R */ || c0 === 0x57 /* W */ || c0 === 0x64) /* d */ && UNTIMED_EVENT.test(trimmed))) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    // A filesystem's or NVIDIA's kernel messages copied without their timestamps (`BTRFS error (device sda2): open_ctree failed`).
    // (And the kernel's word that it mounted the root: the boot is past that.)
    if ((c0 === 0x42 /* B */ || c0 === 0x45 /* E */ || c0 === 0x58 /* X */ || c0 === 0x53 /* S */ || c0 === 0x55 /* U */ || c0 === 0x4e /* N */ || c0 === 0x56 /* V */ || c0 === 0x6a /* j */ || c0 === 0x46 /* F */ || c0 === 0x73) /* s */ && UNTIMED_FILESYSTEM.test(trimmed)) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    // The kernel's network configuration failing, untimed (`!!! IP-Config: Auto-configuration of network failed !!!`).
    // (So is its NFS root that could not be had, `Root-NFS: Unable to get mountd port number from server`.)
    if (((c0 === 0x21 /* ! */ || c0 === 0x49) /* I */ && (trimmed.startsWith('!!! IP-Config: ') || trimmed.startsWith('IP-Config: Auto-configuration'))) || nfsRootFailed(trimmed)) {
      this.kernel(at, null, trimmed.replace(/^!!! (.*?)(?: !!!)?$/, '$1'), false);
      return;
    }
    // OpenWrt's preinit on a kernel printing without timestamps (`mount_root: switching to jffs2 failed - fallback to ramoverlay`).
    if ((c0 === 0x6d /* m */ || c0 === 0x70) /* p */ && matchProcd(trimmed) !== null) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    if (c0 === 0x4c /* L */ && UNTIMED_BANNER.test(trimmed)) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    // The last line of a panic without its timestamp (`---[ end Kernel panic - not syncing: … ]---`): an
    // excerpt that kept only the end of the report still shows the panic.
    if (c0 === 0x2d /* - */ && trimmed.startsWith('---[ end Kernel panic - not syncing: ')) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    if (c0 === 0x6b /* k */ && trimmed.startsWith('kexec_core: Starting new kernel')) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    // udevadm settle's complaint on the console, where a scripted initramfs ran it: read as the kernel's
    // log would carry it.
    if (c0 === 0x54 /* T */ && udevSettleTimedOut(trimmed)) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    // A file system's own error without the kernel's stamp (printk.time=0, or a mail that quoted the lines without
    // it: `    EXT4-fs error (device sda1): ext4_get_branch:171: …`): the kernel's, as its stamped line would be.
    if ((c0 === 0x45 /* E */ || c0 === 0x42 /* B */ || c0 === 0x58 /* X */ || c0 === 0x53 /* S */ || c0 === 0x55 /* U */ || c0 === 0x46 /* F */ || c0 === 0x6a /* j */ || c0 === 0x62 /* b */) && trimmed.length < 400 && isStorageError(trimmed) && matchBrokenFilesystem(trimmed) !== null) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    const bootError = matchBootloaderError(trimmed);
    if (bootError !== null) {
      this.out({ kind: 'bootloader-error', at, message: bootError });
      return;
    }
    // (Talos's own lines without the kernel's stamp: `docker logs` of Talos run in a container, `talosctl logs`.)
    const init = (c0 === 0x5b /* [ */ ? matchTalos(trimmed) : null) ?? matchOtherInit(trimmed);
    if (init) {
      this.rcStep = null;
      this.out({ kind: 'init', at, init: init.init, failed: init.failed, opens: init.opens });
      return;
    }
    // An rc script's step whose program spoke before its result, up to a few lines of it (`Starting sntp: sntp 4.2.8p15 …`, then
    // `pool.ntp.org lookup error …`, then `FAIL` on a line of its own).
    if ((c0 === 0x53 /* S */ || c0 === 0x52 /* R */ || c0 === 0x49 /* I */) && trimmed.length < 200) {
      const step = RC_STEP_OPEN.exec(trimmed);
      if (step) this.rcStep = { service: step[1]!, lineNo: at.lineNo, text: at.text };
    } else if (this.rcStep !== null && (trimmed === 'FAIL' || trimmed === 'FAILED' || trimmed === 'OK')) {
      const step = this.rcStep;
      this.rcStep = null;
      if (trimmed !== 'OK' && at.lineNo - step.lineNo <= 8) {
        // (Said at the step's line, which names it; the result's line goes with it.)
        this.out({ kind: 'init', at: { lineNo: step.lineNo, more: [at.lineNo], text: step.text }, init: 'busybox', failed: step.service, opens: false });
        return;
      }
    }
    if (c0 === 0x3c /* < */ && trimmed.startsWith('<<<')) {
      const st = /^<<< ?(?:NixOS|NotOS) Stage ([12]) ?>>>$/.exec(trimmed);
      if (st) {
        this.out({ kind: 'nixos-stage', at, stage: st[1] === '1' ? 1 : 2 });
        return;
      }
    }
    if (c0 === 0x41 /* A */ && trimmed.startsWith('An error occurred in stage 1')) {
      this.out({ kind: 'initrd-failure', at, initrd: 'nixos-stage-1' });
      return;
    }
    // A panic that another writer's text cut into, or that cut into it character by character
    // (`fsck.ext4: Bad magic numbe[r  in  s  0.881388] Kernel panic - not syncing: …`): its words survive.
    if (c0 !== 0x4b /* K */ && c0 !== 0x2d /* - (`---[ end Kernel panic …`) */ && trimmed.length > 40) {
      const p = trimmed.indexOf('Kernel panic - not syncing');
      if (p > 0) {
        // (With its stamp when the stamp came through whole: `… attempts. '[   16.29] Kernel panic - …`.)
        const stamp = STAMP_BEFORE.exec(trimmed.slice(Math.max(0, p - 24), p));
        this.kernel(at, stamp !== null ? Number(stamp[1]) : null, trimmed.slice(p), false);
        return;
      }
    }
    // The kernel's journal entries without their time and host (`kernel: Linux version 6.3.0 …`).
    if (c0 === 0x6b /* k */ && trimmed.startsWith('kernel: ') && trimmed.length > 8) {
      this.kernel(at, null, trimmed.slice(8), true);
      return;
    }
    // A journal pasted without its time and host columns: `sshd[1209]: fatal: Cannot bind any address.`
    if (((c0 >= 0x61 && c0 <= 0x7a) || c0 === 0x28) /* ( */ && trimmed.includes(']: ')) {
      const bare = BARE_ENTRY.exec(trimmed);
      if (bare && bare[1] !== 'kernel') {
        this.journalLine(at, { time: '', host: '', ident: bare[1]!, pid: Number(bare[2]), message: trimmed.slice(bare[0].length) });
        return;
      }
      // … or without its time column only: `fedora systemd[1]: Timed out waiting for device …`.
      const hosted = HOSTED_ENTRY.exec(trimmed);
      if (hosted && hosted[2] !== 'kernel') {
        this.journalLine(at, { time: '', host: hosted[1]!, ident: hosted[2]!, pid: Number(hosted[3]), message: trimmed.slice(hosted[0].length) });
        return;
      }
    }
    // An init script's step in the manner of OpenRC's ebegin/eend (Alpine's initramfs: ` * Mounting boot
    // media: `, the kernel's lines, then `ok.` or `failed.` on a line of its own).
    if (c0 === 0x41 /* A */ && trimmed.startsWith('Alpine Init ')) this.alpineInit = true;
    if (c0 === 0x2a /* * */) {
      const step = EBEGIN.exec(trimmed);
      const rc = step === null && trimmed.includes(' ...') ? OPENRC_EBEGIN.exec(trimmed) : null;
      if (rc !== null) {
        // (Its result on the same line: told now; a failure is OpenRC's failed step.)
        if (rc[2] === undefined) this.ebegin = { name: rc[1]!, at };
        else {
          this.ebegin = null;
          if (rc[2] === '!!') {
            this.out({ kind: 'init', at, init: 'openrc', failed: rc[1]!, opens: false, step: true });
            return;
          }
        }
      } else if (step !== null) this.openStep = { name: step[1]!, at };
      else if (this.alpineInit && EBEGIN_GLUED.test(trimmed)) this.openStep = { name: EBEGIN_GLUED.exec(trimmed)![1]!, at };
      else {
        const lsb = LSB_STEP_OPEN.exec(text.trimStart());
        if (lsb !== null) this.lsbStep = { name: lsb[1]!, at };
      }
    } else if (this.openStep !== null && (c0 === 0x6f /* o */ || c0 === 0x66 /* f */ || trimmed.startsWith(this.openStep.name))) {
      // (Its result may come with the step's name again, the step's line printed over by the kernel's: `Mounting
      // boot media: failed.`.)
      const result = c0 === 0x6f || c0 === 0x66 ? trimmed : trimmed.startsWith(': ', this.openStep.name.length) ? trimmed.slice(this.openStep.name.length + 2) : '';
      // (Within a screenful of the step: a `failed.` far below it is some other program's.)
      if ((result === 'failed.' || result === 'failed') && at.lineNo - this.openStep.at.lineNo <= 200) {
        const step = this.openStep;
        this.openStep = null;
        // (Told at the step's line, which names it; its `failed.` line goes with it. A result that names the step
        // again is told at its own line, whose words are the step's alone.)
        const told = result === trimmed ? { lineNo: step.at.lineNo, text: step.at.text, more: [at.lineNo] } : { lineNo: at.lineNo, text: at.text, more: [step.at.lineNo] };
        this.out({ kind: 'init', at: told, init: 'busybox', failed: step.name, opens: false });
        return;
      }
      if (result === 'ok.' || result === 'ok') this.openStep = null;
    }
    // Kernel output without timestamps (printk.time=0) still names its crashes, at the start of a line.
    // (PA-RISC's die report begins with a cow, `< Your System ate a SPARC! Gah! >`; the task's line after it,
    // `init (pid 1): Spinlock was trashed (code 1)`, is the crash's header.)
    if (c0 === 0x3c /* < */ && trimmed.startsWith('< Your System ate a SPARC! Gah!')) this.parisCowAt = at.lineNo;
    if (c0 >= 0x41 && c0 <= 0x5a) {
      const rh = RH_STEP.exec(trimmed);
      // (A service's start or stop is named by its service, as on one line: `Starting sshd:` is sshd's.)
      if (rh !== null) this.rhStep = { name: rh[1]!.replace(/^(?:Starting|Stopping) /, ''), at };
    }
    // A kernel line without its stamp, known by the device it names the way only the kernel does (libata's
    // `ata1.00: failed command: READ DMA`, a PCI driver's `ahci 000c:01:00.0: AHCI controller unavailable!`), or by
    // what only the kernel says of a device or a mount that failed (`nfs: server 192.168.0.110 not responding, still
    // trying`, `mmc1: Timeout waiting for hardware interrupt.`, `xenbus_probe_frontend: Timeout connecting to device: …`),
    // as a kernel printing without timestamps (printk.time=0) shows them.
    const lower = c0 >= 0x61 && c0 <= 0x7a;
    // (And the power management core's `PM: ` lines: a suspend or a hibernation told by the kernel.)
    // (And the scheduler's line on a task, `task:zulip state:D stack:0 pid:1127285 …`, as a hung task or a failed freeze shows it.)
    if ((lower && UNTIMED_DEVICE.test(trimmed)) || (c0 === 0x50 /* P */ && trimmed.startsWith('PM: ')) || (c0 === 0x74 /* t */ && TASK_STATE.test(trimmed)) || ((lower || (c0 >= 0x41 && c0 <= 0x5a) || c0 === 0x5b) && trimmed.length < 300 && (matchDriverWords(trimmed) !== null || nfsRootFailed(trimmed)))) {
      this.kernel(at, null, trimmed, false);
      return;
    }
    const afterCow = this.parisCowAt > 0 && at.lineNo - this.parisCowAt <= 8;
    this.out({
      kind: 'text',
      at,
      crash: (UNTIMED_CRASH.test(trimmed) || afterCow || untimedCrashWords(trimmed) ? matchCrash(trimmed) : null) ?? (trimmed.includes('[#') ? splicedCrash(trimmed) : null),
      location: c0 === 0x50 /* P */ || c0 === 0x4e /* N */ || c0 === 0x52 /* R */ || c0 === 0x45 /* E */ || c0 === 0x49 /* I */ || c0 === 0x70 /* p */ || c0 === 0x65 /* e */ ? matchCrashLocation(trimmed) : null,
      mountError: matchMountError(trimmed),
      rootNotFound: initramfsRootNotFound(trimmed),
      dracut: c0 === 0x64 /* d */ && DRACUT_PREFIX.test(trimmed),
    });
  }

  /** The line of PA-RISC's die banner (its cow), untimed: the crash header follows within a few lines. */
  private parisCowAt = 0;
  /** PID 1's journal messages read only with a full stop put back (see stoplessMessage). */
  private stoplessSeen = 0;
  /** One such line may be a message cut short; from the second on, it is how this log prints them. */
  private stopless(line: string, message: string): StatusMessage | null {
    const msg = stoplessMessage(line, message);
    if (msg === null) return null;
    return ++this.stoplessSeen >= 2 ? msg : null;
  }

  private journalLine(at: LineRef, journal: JournalLine): void {
    const ident = journal.ident;
    // (`kernel[610]: [    0.000000] Linux version …` is BusyBox klogd replaying the ring buffer under the
    // kernel's name: a process with a pid, not the kernel's own lines, which the journal has already.)
    if (ident === 'kernel' && journal.pid === null) {
      // The kernel's messages in a journal or syslog: kernel lines, with their uptime when syslog kept it.
      // (With the record's level kept before the stamp, `<30>[  339.53] udevd[404]: …`, as sysklogd's klogd
      // writes what userspace wrote to /dev/kmsg.)
      const lv = journal.message.charCodeAt(0) === 0x3c /* < */ ? KMSG_LEVEL_STAMP.exec(journal.message) : null;
      const m = lv !== null ? journal.message.slice(lv[0].length) : journal.message;
      const k = m.charCodeAt(0) === 0x5b ? parseKernelPrefix(m) : null;
      this.kernel(at, k ? k.uptime : null, k ? m.slice(k.messageStart) : journal.message, true);
      return;
    }
    const systemd = ident === 'systemd';
    // What a scripted boot stage printed on the console, logged under its own name too (NixOS's stage 1 and
    // 2: `stage-1-init: An error occurred in stage 1 of the boot process, …`): read as the console line.
    // (So is systemd-nspawn's: the container's console, which it forwards line by line, `[FAILED] Failed to start …`
    // and the `See 'systemctl status …' for details.` under it.)
    if (ident.charCodeAt(0) === 0x73 /* s */ && (STAGE_IDENT.test(ident) || (ident === 'systemd-nspawn' && CONSOLE_FORWARDED.test(journal.message)))) {
      this.classifyOne({ ...at, text: journal.message }, journal.message, false, null);
      return;
    }
    // Another init system as PID 1 (GNU Shepherd's `shepherd[1]: Service x has been disabled.`): its own
    // words, as on its console.
    if (!systemd && journal.pid === 1) {
      const init = matchOtherInit(journal.message.trim());
      if (init !== null) {
        this.out({ kind: 'init', at, init: init.init, failed: init.failed, opens: init.opens });
        return;
      }
    }
    // OpenWrt's network daemon could not bring a whole device up (`netifd: radio1 (2181): Device setup failed:
    // HOSTAPD_START_FAILED`): a service of procd's world that failed. (One interface of a device that came up,
    // `Interface 1 setup failed`, is not the device.)
    if (ident === 'netifd' && journal.message.includes(': Device setup failed: ')) {
      const d = NETIFD_DEVICE_FAILED.exec(journal.message);
      if (d !== null) {
        this.out({ kind: 'init', at, init: 'procd', failed: d[1]!, opens: false });
        return;
      }
    }
    // A system generator PID 1 ran that failed, logged by the helper PID 1 forked to run them (`(sd-exec-[756]:
    // …`, `systemd[606]: /usr/lib/systemd/system-generators/x-generator failed with exit status 1.`): PID 1's.
    if ((systemd || ident.charCodeAt(0) === 0x28) /* ( */ && journal.message.includes('-generator failed with exit status') && (ident.startsWith('(sd-exe') || journal.message.includes('/system-generators/'))) {
      const g = /(\S*-generator failed with exit status \d+)/.exec(journal.message);
      if (g !== null) {
        this.out({ kind: 'journal', at, journal, msg: null, manager: { kind: 'generator-failed', groups: [g[1]!] }, userManager: false, audit: null, login: false });
        return;
      }
    }
    // RHEL 7's rsyslog writes PID 1's messages as `host systemd: …`, without the pid.
    const pid1 = systemd && (journal.pid === 1 || journal.pid === null);
    const user = systemd && journal.pid !== 1 && journal.pid !== null;
    this.out({
      kind: 'journal',
      at,
      journal,
      msg: pid1 || user ? (parseStatusMessage(journal.message) ?? cutFailureMessage(at.text, journal.message) ?? this.stopless(at.text, journal.message)) : null,
      manager: pid1 || user ? matchManagerEvent(journal.message) : systemd ? null : matchSystemctlError(journal.message),
      userManager: user,
      audit: ident === 'audit' || journal.message.includes('comm="systemd"') ? matchAudit(journal.message) : null,
      login: isLoginMessage(ident, journal.message),
    });
  }

  /**
   * A status line another writer cut into (`[FAILEDsystemd[1]: Stopped target Timers.] Failed to start X.`,
   * `Scanning: 12.5% TIME ] Timed out waiting for device Y.`): the status message is recovered when
   * its text survived whole and its word fits it; otherwise the line is counted as lost.
   */
  private splice(at: LineRef, text: string, repaired: boolean): boolean {
    const found = findSplicedStatus(text);
    if (found === null) return false;
    if (found === 'lost') {
      this.splicesLost++;
      return false;
    }
    this.splicesRepaired++;
    if (found.before.trim() !== '') this.classifyOne({ ...at, text: found.before }, found.before, repaired, parseStatusLine(found.before));
    this.out({ kind: 'status', at: { ...at, text: found.shown }, word: found.word, message: found.message, msg: found.msg, repaired: true });
    return true;
  }

  private kernel(at: LineRef, uptime: number | null, message0: string, fromJournal: boolean): void {
    // (push found none of SPLICE_WORDS in this message: taken once, for this call. Nor are they in the part of it
    // read below, a journal's message after its host.)
    const quiet = this.quietMessage !== null && this.quietMessage === message0;
    this.quietMessage = null;
    // (A capture that put two spaces after the timestamp: `[  200.16]  dracut-initqueue[779]: …`.)
    let message = message0.length > 0 && message0.charCodeAt(0) === 0x20 && SPACED_PROCESS.test(message0) ? message0.trimStart() : message0;
    // `journalctl -o short-monotonic`: `[    5.123456] host kernel: …` / `[    5.123456] host systemd[1]: …`.
    const sp = message.indexOf(' ');
    // (A host name has no `:` or `[` before its space; the kernel's own messages mostly do.)
    const jm =
      sp > 0 && sp <= 64 && message.charCodeAt(sp - 1) !== 0x3a /* : */ && (message.startsWith('kernel: ', sp + 1) || isIdentWithPid(message, sp + 1)) ? JOURNAL_MONOTONIC.exec(message) : null;
    if (jm) {
      fromJournal = true;
      message = jm[1] === 'kernel' ? message.slice(jm[0].length) : message.slice(message.indexOf(' ') + 1);
    }
    // A bootloader that stamps its lines as the kernel does hands over (`[ 17.01] *** Starting kernel ***`).
    // (-1 for an empty message, `[    0.986318] `: see push.)
    const m0 = message.length > 0 ? message.charCodeAt(0) : -1;
    if (!fromJournal && (m0 === 0x2a || m0 === 0x23 || m0 === 0x3d || m0 === 0x7e || m0 === 0x2d || m0 === 0x53 || m0 === 0x20) && message.includes('Starting kernel')) {
      const marker = matchMarker(message.trim());
      if (marker?.handover) {
        this.out({ kind: 'marker', at, marker: marker.kind, banner: marker.banner, handover: true });
        return;
      }
    }
    // Trusted Firmware's boot stages stamp their lines as the kernel does on some boards (Renesas R-Car's
    // BL2: `[    0.100785] NOTICE:  BL2: v1.3(release):b330e0e`): the firmware, not a kernel.
    if (!fromJournal && (m0 === 0x4e /* N */ || m0 === 0x49 /* I */ || m0 === 0x57 /* W */ || m0 === 0x45 /* E */ || m0 === 0x56 /* V */) && TF_A_LINE.test(message)) {
      const marker = matchMarker(message.trim());
      this.out({ kind: 'marker', at, marker: 'firmware', banner: marker?.kind === 'firmware' ? marker.banner : null, handover: false });
      return;
    }
    if (m0 === 0x5b /* [ */ && !fromJournal) {
      const talos = matchTalos(message);
      if (talos !== null) {
        this.out({ kind: 'init', at, init: talos.init, failed: talos.failed, opens: talos.opens });
        return;
      }
    } else if (m0 === 0x70 /* p */ || m0 === 0x6d /* m */) {
      // (Its failures in a syslog too: OpenWrt's logread, `… user.err kernel: [   14.45] mount_root: …`.)
      const procd = matchProcd(message);
      if (procd !== null && (!fromJournal || procd.failed !== null)) {
        this.out({ kind: 'init', at, init: procd.init, failed: procd.failed, opens: procd.opens });
        return;
      }
    } else if (m0 === 0x69 /* i */ && !fromJournal) {
      const android = matchAndroidInit(message);
      if (android !== null) {
        this.out({ kind: 'init', at, init: android.init, failed: android.failed, opens: android.opens });
        return;
      }
      // Upstart writes its own words to the kernel's log too (`[   10.08] init: networking main process (373)
      // terminated with status 1`).
      if (message.startsWith('init: ')) {
        const upstart = matchOtherInit(message);
        if (upstart !== null && upstart.init === 'upstart') {
          this.out({ kind: 'init', at, init: upstart.init, failed: upstart.failed, opens: upstart.opens });
          return;
        }
      }
    }
    const interesting = KERNEL_GATE.test(message);
    const proc = message.includes('[') ? splitProcessPrefix(message) : null;
    const audit = m0 === 0x61 /* a */ && message.startsWith('audit') ? matchAudit(message) : null;
    let manager: ManagerEvent | null = null;
    let msg: StatusMessage | null = null;
    let userManager: UserManagerLine | null = null;
    if (proc && proc.ident === 'systemd' && proc.pid === 1) {
      manager = matchManagerEvent(proc.rest);
      if (manager === null) msg = parseStatusMessage(proc.rest);
    } else if (proc && proc.ident !== 'systemd') {
      manager = matchSystemctlError(proc.rest);
    } else if (proc === null && m0 === 0x28 /* ( */ && message.includes('generator failed with exit status')) {
      // systemd 254+ runs generators in a helper (`(sd-exec-[180]: …-generator failed with exit status 1.`).
      const g = /(\S*-generator failed with exit status \d+)/.exec(message);
      if (g) manager = { kind: 'generator-failed', groups: [g[1]!] };
    } else if (proc === null && message.length > 0 && message.charCodeAt(message.length - 1) === 0x2e /* . */ && message.includes('/start timed out')) {
      // PID 1's prefix chewed up by another writer (`[systemd TIME [1]: ] dev-x.device: Job dev-x.device/start
      // timed out.`): the job's own words name the unit.
      const jt = SPLICED_JOB_TIMEOUT.exec(message);
      if (jt) manager = { kind: 'job-timeout', groups: [jt[1]!] };
    } else if (proc && proc.ident === 'systemd' && proc.pid !== null) {
      userManager = { pid: proc.pid, message: proc.rest, manager: matchManagerEvent(proc.rest), msg: parseStatusMessage(proc.rest) };
    }
    const storageError = interesting && isStorageError(message);
    this.out({
      kind: 'kernel',
      at,
      uptime,
      message,
      process: proc ? { ident: proc.ident, pid: proc.pid } : null,
      manager,
      msg,
      event: proc ? (USER_FAULT.test(proc.rest) ? { kind: 'user-fault', detail: proc.ident } : null) : !interesting ? null : matchKernelEvent(message),
      crash: proc ? (interesting ? matchProcessDie(message) : null) : ((interesting ? matchCrash(message) : null) ?? (quiet ? null : splicedCrash(message))),
      crashLocation: interesting ? matchCrashLocation(message) : null,
      storageError,
      // (`VFS: Unable to mount root fs via NFS` is a storage line too.)
      // (And the kernel's own word that it cannot open the root it was given, before its panic: `VFS: Cannot open root
      // device "/dev/vda" or unknown-block(0,0): error -6`.)
      failure: storageError ? (matchBrokenFilesystem(message) ?? matchDeadDisk(message) ?? (proc === null && (nfsRootFailed(message) || message.startsWith('VFS: Cannot open root device')) ? 'mount' : null)) : interesting && message.startsWith('NVRM: ') ? (isDriverFailure(message) ? 'driver' : null) : proc === null ? (nfsRootFailed(message) ? 'mount' : udevSettleTimedOut(message) ? 'settle' : (matchDriverWords(message) ?? (!quiet && netDeviceFailed(message) ? 'netdev' : null))) : udevSettleTimedOut(proc.rest) ? 'settle' : null,
      fromJournal,
      audit,
      userManager,
      login: proc !== null ? isLoginMessage(proc.ident, proc.rest) : audit === null && m0 === 0x61 /* a */ && AUDIT_LOGIN.test(message),
      // (dracut's lines without the process prefix split off, as a page spaced it: `dracut - initqueue[312]:Warning: …`.)
      plain: !interesting && !(proc === null && m0 === 0x64 /* d */ && message.startsWith('dracut')),
    });
  }

  /** Every rule on every line, no fast lane (the Analyzer's `reference`: what the fast lanes are tested against). */
  reference = false;
  /** The kernel message push just found none of SPLICE_WORDS in, for the kernel() call that follows (see push). */
  private quietMessage: string | null = null;

  /** The line of the last emergency prompt (see classifyText). */
  private emergencyPromptAt = -1;
  /** This log's kernel stamps lost printk's padding (`[0.000000] BUG: …`): read them all as the kernel's. */
  private unpaddedKernel = false;

  /** The last rc script step begun without its result on the same line (see classifyOne). */
  private rcStep: { service: string; lineNo: number; text: string } | null = null;

  /** Spliced status lines recovered, and those whose text did not survive. */
  splicesRepaired = 0;
  splicesLost = 0;
}

/** Where a job's result begins after spinner frames on one line (`[ TIME ] `, `[FAILED] `, `[  OK  ] `,
 *  `[DEPEND] `), or -1. */
/** A network controller or its PHY saying it failed (`ravb e6800000.ethernet eth0: failed to connect PHY`,
 *  `RTL8211E Gigabit Ethernet e6800000.ethernet-ffffffff:00: Master/Slave resolution failed, …`). */
function netDeviceFailed(message: string): boolean {
  // (Its words in one search, not three: this runs on every kernel line without a process, and most have none.)
  return NET_DEVICE_WORDS.test(message) && NET_DEVICE_FAILED.test(message);
}
const NET_DEVICE_WORDS = /thernet|PHY| eth/;
const NET_DEVICE_FAILED = /^(?:\S+ ){0,4}\S*(?:[Ee]thernet|\beth\d+|\bPHY\b)\S*:.*\b(?:[Ff]ailed|[Ee]rror|[Uu]nable to|[Tt]imeout|timed out|[Nn]o PHY)\b/;

function resultAfterFrames(text: string): number {
  const m = RESULT_AFTER_FRAMES.exec(text);
  return m === null ? -1 : m.index + m[0].length - m[1]!.length;
}
const RESULT_AFTER_FRAMES = /.*\S(\[(?: TIME |FAILED|DEPEND|  OK  )\] \S)/;

const WORD_ATE_STAMP = /^\[ ?(?:TIME|FAILED|DEPEND|OK|INFO|ASSERT)(?= +\d{1,10}\.\d{6}\] )/;

/** Where a kernel stamp (`[   36.425579]`) begins in `m`, looking from `from` (a `[`); -1 when none does. */
function stampInside(m: string, from: number): number {
  for (let b = from; b >= 0; b = m.indexOf('[', b + 1)) if (kernelStampAt(m, b)) return b;
  return -1;
}

function ref(line: PhysicalLine, text: string): LineRef {
  return { lineNo: line.lineNo, text };
}

/** `ident[123]: ` at `at` (checked by hand: this runs on every kernel line with a space). */
function isIdentWithPid(m: string, at: number): boolean {
  // The word after the host ends in `]:`.
  const end = m.indexOf(' ', at);
  if (end < 0 || m.charCodeAt(end - 1) !== 0x3a /* : */ || m.charCodeAt(end - 2) !== 0x5d /* ] */) return false;
  const open = m.lastIndexOf('[', end);
  if (open <= at) return false;
  const close = m.indexOf(']: ', open);
  return close > open && close - open <= 10;
}

/** Where a firmware's banner begins inside a kernel message a reset cut short (see push), or -1. */
function gluedBanner(m: string): number {
  for (const word of GLUED_BANNER_WORDS) {
    const i = m.indexOf(word, 1);
    if (i > 0 && m.charCodeAt(i - 1) !== 0x20) {
      const marker = matchMarker(m.slice(i));
      if (marker !== null && marker.banner !== null && (marker.kind === 'firmware' || marker.kind === 'bootloader')) return i;
    }
  }
  return -1;
}
const GLUED_BANNER_WORDS = ['NOTICE:  ', 'U-Boot '];
/** Every word gluedBanner, mayHoldStatus, splicedCrash and netDeviceFailed look for (or a shorter part of it): a
 *  message with none of them is none of theirs. (`] ` first, and the space before `eth` and the nine spaces shared:
 *  measured on plain kernel lines, 61 ns a line against 149 for the four.) */
const SPLICE_WORDS = /\] |thernet|PHY|NOTICE: {2}|U-Boot |BUG: soft lockup|code\[#| (?:eth| {8})/;

/** A kernel message another writer's status line may have landed in (cheap tests before the regex). */
function mayHoldStatus(m: string): boolean {
  // The end of ` OK `, `FAILED`, `DEPEND`, ` TIME `, `ASSERT`, `UNSUPP`, `OK` before `] `; or an unbracketed
  // job line (`         Starting X...`), which has nine spaces.
  for (let i = m.indexOf('] '); i > 0; i = m.indexOf('] ', i + 2)) {
    const c = m.charCodeAt(i - 1);
    if (c === 0x20 || c === 0x44 || c === 0x4b || c === 0x54 || c === 0x50) return true;
  }
  // An unbracketed job line lands right after the kernel line's first characters (`s         Starting …`).
  for (let k = 0; k <= 3; k++) if (m.startsWith('         ', k)) return true;
  return false;
}

/** `login[…]: ROOT LOGIN ON ttyS0`, `systemd-logind[…]: New session 1 of user root.` */
/** The kernel's audit record of a session that login(1) opened: someone logged in on a console. Or one that
 *  sudo, doas or su opened for a user who had logged in (the record's auid is set): a login came before it. */
const AUDIT_LOGIN = /^audit: type=(?:1100|1105|USER_AUTH|USER_START) (?=.*op=PAM:(?:authentication|session_open) )(?=.*res=success)(?:.*exe="\/(?:usr\/)?bin\/login"|(?=.*\bauid=(?!4294967295\b)\d+ ).*exe="\/(?:usr\/)?s?bin\/(?:sudo|doas|su)")/;

const USER_SESSION = /^Started (?:session-c?\d+\.scope - )?Session c?\d+ of [Uu]ser (?!gdm\b|lightdm\b|sddm\b|gdm-greeter)\S+?\.?$/;
/** PID 1 started a person's login session (a display manager's session `c1` too, unless its greeter's user). */
export function isSessionStart(message: string): boolean {
  return message.charCodeAt(0) === 0x53 /* S */ && USER_SESSION.test(message);
}

const GETTY_UNIT = /^(?:serial-|console-|container-)?getty@\S*\.service$/;

function isLoginMessage(ident: string, message: string): boolean {
  return (
    // (shadow-utils' login says it its own way: `ROOT LOGIN  on '/dev/ttyS4'`.)
    // (Named by its getty's unit in `journalctl -o with-unit`: `serial-getty@ttyS0.service[468]: ROOT LOGIN ON ttyS0`.)
    ((ident === 'login' || GETTY_UNIT.test(ident)) && /LOGIN ON |LOGIN {1,2}on '|session opened for user/.test(message)) ||
    (ident === 'systemd-logind' && message.startsWith('New session ')) ||
    // A desktop session's authentication agent registers with polkit: someone logged in (a graphical
    // autologin prints nothing else of it).
    (ident.startsWith('polkitd') && message.startsWith('Registered Authentication Agent for unix-session:')) ||
    // PID 1 starts a login's session scope (`Started Session 2 of user roy.`, `Started session-2.scope - Session 2 of
    // User roy.`): logind numbers people's sessions; a display manager's greeter runs in `Session c1`.
    (ident === 'systemd' && message.charCodeAt(0) === 0x53 /* S */ && USER_SESSION.test(message))
  );
}

/** The next physical line begins a line of its own (so it does not continue a cut status line). */
function startsNewLine(text: string): boolean {
  // (A prompt or emergency mode's message is a line of its own too: `You are in emergency mode.`)
  return text.charCodeAt(0) === 0x5b /* [ */ || MESSAGE_START.test(text) || /^\s{4,}/.test(text) || matchPrompt(text.trim()) !== null;
}

/** A status line's message reads as finished. */
function looksComplete(head: string): boolean {
  const t = head.trimEnd();
  return t.endsWith('.') || t.endsWith('…') || t.endsWith('...');
}
