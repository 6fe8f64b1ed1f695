/**
 * Input layer, line envelopes: what CI systems, log stores and people wrap around console lines, taken
 * off one physical line at a time so every line keeps its number in the file the user has.
 *
 * - LAVA job logs (YAML: `- {"dt": "…", "lvl": "target", "msg": "…"}`): the target's lines are the
 *   console; the dispatcher's own lines (info, debug, results) are not.
 * - Timestamp prefixes added by CI: GitHub Actions (`2024-03-01T12:34:56.1234567Z `), GitLab
 *   (`2024-03-01T12:34:56.123456Z 00O `), Jenkins' timestamper (`[2024-03-01T12:34:56.123Z] `,
 *   `12:34:56 `), moreutils' `ts` (`Mar 01 12:34:56 `), `dmesg -r` / `/dev/kmsg` levels (`<6>`).
 * - Pastes: Markdown code fences, e-mail quoting (`> `), indentation.
 * - Escapes that lost their ESC byte (`[0;1;31mFAILED[0m`) or were written in caret notation
 *   (`^[[0;31m`): removed, so the status word underneath is read.
 *
 * A prefix is taken off only when what follows is console text; a journal's own timestamp and host
 * (`Mar 01 12:34:56 host systemd[1]: …`) stay for the line grammar.
 */
import { LineSplitter, type PhysicalLine } from '../terminal/line-splitter.js';
import { kernelStampAt, MTK_CALLER } from '../grammar/kernel.js';
import { parseDmesgTime } from '../grammar/sources.js';

export type EnvelopeKind =
  | 'html-entities'
  | 'html-breaks'
  | 'lava'
  | 'ci-timestamps'
  | 'markdown-fence'
  | 'quoted'
  | 'commented'
  | 'indented'
  | 'kmsg-level'
  | 'syslog-level'
  | 'talos-dmesg'
  | 'cut-prefix'
  | 'caret-escapes'
  | 'caret-cr'
  | 'bare-escapes'
  | 'web-escapes'
  | 'vm-name'
  | 'grabserial'
  | 'compose'
  | 'markdown-bold'
  | 'markdown-escapes'
  | 'quoted-printable'
  | 'ebcdic-brackets'
  | 'forum-markup'
  | 'double-spaced'
  | 'container-log'
  | 'journal-delta'
  | 'logcat'
  | 'bracketless-stamps'
  | 'line-numbers'
  | 'grep-prefix'
  | 'dialog-frame'
  | 'journal-json';

/** Journal-style host and identifier after a timestamp: then the timestamp is the line's own. journalctl
 *  prints `ident[pid]: `, or a bare `kernel: `/`audit: ` for the kernel's messages; console text such as
 *  `cosa-devsh login: core`, `Hardware name: …` or `: Dependency failed …` is not a journal line. */
// (A host name a paste redacted stays one: `$HOST`, `<hostname>`, `***`.)
const JOURNAL_REST = /^(?:[\w.$<>*@-]{1,64} )?(?:[^\s[:]{1,64}\[\d{1,9}\]|kernel|audit): |^(?:DEBUG|INFO|NOTICE|WARNING|WARN|ERR|ERROR|CRIT|ALERT|EMERG) [^\s[:]{1,64}(?:\[\d{1,9}\])?:/;
/** Seven fractional digits and a `Z`: GitHub Actions' own clock, never a journal's or syslog's. */
const CI_CLOCK = /^\[?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z/;
// (Avocado's serial logs put a colon after the time: `2015-01-23 10:57:53: atest-guest login:`.)
const ISO_PREFIX = /^\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\]?:? (?:\d\d[OE]\+? )?/;
/** After a container runtime's clock in a Kubernetes pod log (CRI format: `2024-05-01T10:00:00.123456789Z
 *  stdout F …`): the stream and whether the record is a whole line (F) or a part the runtime cut (P) that
 *  the next record goes on. (KubeVirt's guest-console-log container is a VM's serial console so saved.) */
const CRI_STREAM = /^(?:stdout|stderr) ([FP]) /;
/** Longest line a container runtime's parts are joined into; past it the line goes on in a record of its own. */
const MAX_CRI_LINE = 64 * 1024;
/** A time of day with microseconds or milliseconds and nothing before it. */
const FRACTION_CLOCK = /^\d\d:\d\d:\d\d[.,]\d{3,6}(?: {1,2}(?! )|$)/;
const CLOCK_PREFIX = /^\[?\d\d:\d\d:\d\d(?:[.,]\d{1,6})?\]? /;
const FRACTION_CLOCK_SEEN = /^\d\d:\d\d:\d\d[.,]\d{3,6}(?: |$)/;
const TS_PREFIX = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)? /;
/** Linux From Scratch's bootscripts log `date +"%b %d %T %:z"` and the host name before each message. */
const LFS_PREFIX = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [+-]\d\d:\d\d \S+ {1,3}/;
const LFS_INNER = /[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [+-]\d\d:\d\d \S+ {1,3}/g;
const KMSG_LEVEL = /^<\d{1,3}>/;
/** logcat's columns up to the message, with an empty tag's colon (the kernel's buffer). */
const LOGCAT = /^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} +\d{1,7} +\d{1,7} [VDIWEFA] (?: *: )?/;
/** `journalctl -o short-delta`'s stamp, its monotonic part kept (group 1). */
// (journalctl 257 pads the delta inside its brackets, `<    0.011911 >`, and leaves it blank on a boot's first entry:
// `[   14.202943                ]`.)
const SHORT_DELTA = /^(\[ {0,12}\d{1,10}\.\d{6})(?: < {0,12}\d{1,10}\.\d{6} ?>| {8,40})\]/;
/** A /dev/kmsg record's header (`6,1234,5140900,-;`, with `,caller=T1` or other fields before the `;`), or a
 *  printk caller id alone (`T115;`, `C2;`, or in its brackets, `[  T669] `, from a kernel with printk.time=0). */
const KMSG_RECORD = /^(?:\d{1,3},\d{1,12},(\d{1,15}),[-+c][^;\s]{0,40};|[TC]\d{1,7};|\[ {0,6}[TC]\d{1,7}\] )/;
/** Whether a `[` begins a caller id (`[  T669]`), not a kernel timestamp: cheap, as every kernel line begins with `[`. */
function callerInBrackets(text: string): boolean {
  let i = 1;
  while (text.charCodeAt(i) === 0x20 && i < 8) i++;
  const c = text.charCodeAt(i);
  return c === 0x54 /* T */ || c === 0x43 /* C */;
}
/** socklog's `daemon.info: `, `dmesg -x`'s `kern  :warn  : `. */
const SYSLOG_LEVEL = /^(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])(?:\.| *:)(?:emerg|alert|crit|err|warn|warning|notice|info|debug) *: /;
/** `talosctl dmesg`: the node (when asked of one or more), the facility, the level right-aligned, the time
 *  in RFC 3339 in brackets, then the kernel's message (`10.5.0.2: kern:    info: [2023-08-22T01:37:21.4Z]: …`). */
const TALOS_DMESG = /^(?:[\w.:-]{1,64}: )?(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7]): {1,8}(?:emerg|alert|crit|err|warning|warn|notice|info|debug): \[(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)\]: /;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** `talosctl dmesg`'s time as `dmesg -T` prints it (`[Tue Aug 22 01:37:21 2023] `): the line is the kernel's, on the wall clock. */
function dmesgWallStamp(year: string, month: string, day: string, time: string): string {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? 'Mon';
  return `[${weekday} ${MONTHS[m - 1] ?? 'Jan'} ${String(d).padStart(2)} ${time} ${year}] `;
}
/** A /dev/kmsg record's dictionary, a line of its own after the message (` SUBSYSTEM=pci`, ` DEVICE=+pci:0000:00:01.0`). */
const KMSG_DICTIONARY = /^ [A-Z][A-Z0-9_]{0,31}=\S*$/;
const FENCE = /^\s{0,3}(?:```|~~~)[\w+-]*\s*$/;
/** A whole line a person put between `<<` and `>>` to point at it (see unwrap). */
const ANGLE_EMPHASIS = /^<<[^<>]*[A-Za-z][^<>]*>>\s*$/;
/** A quoted-printable byte (`=3D`, `=20`, `=E2=80=A6`). */
const QP_ESCAPE = /=[0-9A-F]{2}/;
const QP_RUN = /(?:=[0-9A-F]{2})+/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** A line of a quoted-printable body that goes on in the next: it ends in one `=`, near the 76-column limit. */
function softBreak(text: string): boolean {
  return text.endsWith('=') && !text.endsWith('==') && text.length >= 60 && text.length <= 77;
}

export function decodeQuotedPrintable(text: string): string {
  if (!text.includes('=')) return text;
  return text.replace(QP_RUN, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    // (A mail in ISO-8859-1 writes its no-break space as one byte, `[=A0 675.895298]`: not UTF-8, read as Latin-1.)
    try {
      return utf8.decode(bytes);
    } catch {
      return latin1.decode(bytes);
    }
  });
}

/** grabserial's two clocks (`-t`: since the base time, and since the line before). */
const GRABSERIAL = /^\[\d{1,7}\.\d{6} \d{1,7}\.\d{6}\] ?/;
/** docker compose's service column (names padded to one width, then `| `). */
const COMPOSE_PREFIX = /^([A-Za-z0-9][\w.-]{0,63}) +\| /;
/** What the first line of a container's console says, before compose's column is known to be there. */
const COMPOSE_FIRST = /^(?:systemd \d+|\[\s*(?:OK|FAILED|DEPEND|\d+\.\d{6})|Welcome to |Detected virtualization |Failed to |\[!!!!!!\])/;
/** A line that begins with a Markdown escape (`\* Starting …`, ` \* ERROR: …`, `\# …`), or holds an escaped pair of
 *  brackets (`\[ ok \]`, `\[VSERVER\]`). */
const MD_ESCAPED_START = /^\s{0,8}\\[*[#]|\\\[[^\]\\]{1,40}\\\]/;
const MD_ESCAPE_ALL = /\\([*[\]#])/g;
/** `**…**` around words, not stars of the text's own (`*** Starting kernel ***`). */
const MARKDOWN_BOLD = /(?<![*\w])\*\*([^\s*](?:[^*]*[^\s*])?)\*\*(?![*\w])/;
/** A test driver's machine name before a console line (NixOS: `machine # `, `server # `). */
const VM_NAME_PREFIX = /^([a-z][\w-]{0,31}) #(?: |$)/;
/** A harness's label and a colon before a console line (`console: `). */
/** grep's file name (and line number, `-n`; `-` on a context line) before a line it printed. */
const GREP_PREFIX = /^((?:\.{1,2}\/|\/)?[\w.@+-]{1,64}(?:\/[\w.@+-]{1,64}){0,8})(?::\d{1,9}:|-\d{1,9}-|:)/;
/** The names of the files logs are kept in (`syslog`, `messages.1`, `kern.log`, `boot.log`, `dmesg.txt`). */
/** A name that is a log file's and nothing else's (no source file is called so). */
const LOG_FILE_ONLY = /^(?:syslog|messages|kern|daemon|dmesg|boot|journal|console|serial|user|debug)(?:\.log)?(?:\.\d{1,2})?$|\.(?:log|txt)(?:\.\d{1,2})?$/;
const LOG_FILE_NAME = /^(?:syslog|messages|kern|daemon|dmesg|boot|journal|console|serial|user|debug)(?:\.[\w-]{1,8}){0,2}$|\.(?:log|txt)(?:\.\d)?$/;
/** The number grep -n (or an editor's copy) puts before each matching line, with its colon: `2458: Aug 05 …`,
 *  `  2458:Aug 05 …`. (Read as a column only when three lines in a row have one, each above the last.) */
const GREP_NUMBER = /^ {0,8}(\d{1,9}):(?! ?\d)[ \t]?/;
/** A line number in a column of its own before a line (` 1407 09:14:46.553691  <6>[ …`). */
const SPACED_NUMBER = /^ {0,8}(\d{1,9})[ \t]/;
/** A logging level and a dash before a line (`DEBUG - `, `INFO - `). */
const LEVEL_DASH = /^(DEBUG|INFO|WARNING|ERROR|CRITICAL) - /;
const LABEL_PREFIX = /^([a-z][\w-]{0,31}|[0-9][0-9A-F]): /;
/** Words a journal or syslog puts before the kernel's own lines: never a harness's label. */
const JOURNAL_WORDS = new Set(['kernel', 'audit', 'dmesg', 'klogd']);
/** SGR and erase sequences whose ESC was lost, and caret-notation escapes. */
const BARE_ESC = /\[(?:[0-9;]{1,16}[mK]|[mK](?![A-Za-z]))/g;
/** The same with the ESC shown as a dot. */
const DOT_ESC = /\.\[(?:[0-9;]{1,16}[mK]|[mK](?![A-Za-z]))/g;
// (`^M` is a CR: before an erase of the line, or at its end, it leaves the text as it is.)
const CARET_ESC = /\^\[\[[0-9;?]{0,16}[A-Za-z]|\^\[[()][0-9A-B]|\^\[[=>78M]|\^M(?=\^\[\[[0-2]?K|$)/g;
/** The end of a line whose `^M` lost its caret: an `M` right after the line's own final full stop, ellipsis,
 *  bracket or colon. */
const LOST_CARET_CR = /(?:[.)\]:]|\.\.\.|…)M$/;
/** Escapes as web pages copy them: `␛[0;31m` (the control picture) or `\e[0;31m` / `\033[0;31m` / `\x1b[`. */
// (And spelled out, as some log viewers show the byte: `ESC[2JESC[01;01H`.)
const WEB_ESC = /(?:\u241b|\\e|\\033|\\x1[bB]|\\u001[bB]|ESC)\[[0-9;?=]{0,16}[A-Za-z]/g;
/** autopkgtest's seconds since the test began, before each line of its log (`10165s [   41.134118] …`). */
const ELAPSED_PREFIX = /^\d{1,7}s(?: |$)/;
const OBS_ELAPSED = /^\[ {0,6}\d{1,7}s\](?: |$)/;
const LAVA = /^- \{\s*"?dt"?:\s*/;
/** A journal or syslog record's clock at a line's start (`Oct 23 19:55:33 `, `mar 03 08:12:45 `, `2025-11-24T07:19:15`). */
const RECORD_TIME = /^(?:[^\s\d[\]<>-]{2,5}\.? {1,2}\d{1,2},? \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d)/;
/** A record and what wraps it back together stay within this many characters. */
const MAX_JOINED = 4096;

/** The next physical line is the rest of a hard-wrapped record: not a record, a kernel line, a status or
 *  indented line, a journal separator or catalog line, or a shell prompt of its own. */
function continuesWrappedRecord(text: string): boolean {
  if (text === '' || text.length > 2000) return false;
  const c = text.charCodeAt(0);
  // (A cut just before a space leaves that one space in front of the rest: ` is not supported.`)
  if ((c === 0x20 && (text.charCodeAt(1) === 0x20 || text.charCodeAt(1) === 0x09 || text.length < 2)) || c === 0x09 || c === 0x5b /* [ */ || c === 0x2d /* - */ || c === 0x2591 /* ░ */ || c === 0x3c /* < */ || c === 0x23 /* # */ || c === 0x24 /* $ */ || c === 0x3e /* > */ || c === 0x60 /* ` */) return false;
  return !RECORD_TIME.test(text) && !/^[\w.-]+@[\w.-]+[:\s]/.test(text) && !/^\S+\[\d+\]: /.test(text);
}
/** A kernel message cut after a word no message ends on (a preposition or article). */
const DANGLING_END = / (?:to|for|at|of|on|from|with|by|the|an?|in|into)$/;
/** The rest of such a line: one word (a device, a path, a number), nothing after it. */
const DANGLING_REST = /^[\w./:@-]{1,64}\.?$/;
/** A first line quoted with `| ` (or a bare `|`), not a table row (`| a | b |`). */
const BAR_QUOTE_FIRST = /^\|(?: (?!.*\|\s*$)|\s*$)/;
/** What may stand in front of a LAVA record: mail quoting, a CI clock. */
const OUTER_ENVELOPE = /^(?:(?:> ?)+|\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\]? (?:(?:stdout|stderr) F )?)/;
/** A kernel stamp without its brackets, its caller's id after it (`    0.031403    T0 WARNING: …`). */
// (An Android kernel's log as some tools save it: the seconds with a colon, the record's level and the wall clock,
// ` 1276.705430:   <1> (01-28 07:22:33.304698634) Unable to handle kernel …`.)
const BRACKETLESS_STAMP = /^ {0,8}(\d{1,6}\.\d{6}):? {1,6}(?:<\d> {1,4})?(?:\(\d\d-\d\d \d\d:\d\d:\d\d\.\d{3,9}\) )?(?:([TC]\d{1,6}) {1,3})?(?=\S)/;
/** An HTML line break tag at a line's end. */
const BR_TAG_END = /\s*<br\s*\/?>\s*$/i;
const HTML_ENTITY = /&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|amp|lt|gt|quot|apos|nbsp);/;
const HTML_ENTITY_ALL = /&(?:#(\d{2,7})|#x([0-9a-fA-F]{2,6})|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name] ?? whole;
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  // Control characters stay as they were written: the terminal layer already decided about those.
  return code >= 0x20 && code <= 0x10ffff && !(code >= 0x7f && code < 0xa0) ? String.fromCodePoint(code) : whole;
}

export interface UnwrapCounters {
  /** Lines unwrapped, by envelope. */
  envelopes: Map<EnvelopeKind, number>;
  /** LAVA dispatcher lines that are not console output. */
  droppedLines: number;
}

/**
 * A column of line numbers before each line (see take). One stands outside every other envelope (a page's code
 * block copied whole); another inside them, on the lines as they are unwrapped (a log viewer's numbered lines
 * pasted into a mail, a CI job's clock before each).
 */
class GutterColumn {
  constructor(
    private readonly emit: (line: PhysicalLine) => void,
    private readonly counted: () => void,
  ) {}

  /**
   * A web page's code block copied with its line numbers (`1U-Boot 2016.01 (May 13 2016 …)`, `2CPU: Freescale
   * …`, `176536576 bytes read …` for line 17): the file's first lines are held until three in a row begin with
   * their own number (1, 2, 3: not the digits of what they say), then every line's number is taken off while
   * the count goes on. True when the line was taken (held, or passed on without its number).
   * (Or a log viewer's column of line numbers, from wherever the excerpt begins, spaced from the line:
   * ` 1407 09:14:46.553691  <6>[    7.23] hub 1-0:1.0: USB hub found`, then 1408, 1409.)
   */
  take(line: PhysicalLine): boolean {
    const t = line.text;
    if (this.gutter > 0 && this.gutterGrep) {
      // (grep's numbers go up by any step: the lines between did not match.)
      const g = GREP_NUMBER.exec(t);
      if (g === null || Number(g[1]) < this.gutter) {
        this.gutter = -1;
        return false;
      }
      this.gutter = Number(g[1]) + 1;
      this.counted();
      this.emit({ ...line, text: t.slice(g[0].length) });
      return true;
    }
    if (this.gutter > 0) {
      // (A column of numbers a few ahead of the count: lines the terminal layer joined or overwrote (`527\tESC M\r[  OK  ] …`
      // moved the cursor up a line) took theirs with them; the count goes on from there.)
      if (this.gutterSpaced) {
        const ahead = SPACED_NUMBER.exec(t);
        const k = ahead === null ? 0 : Number(ahead[1]);
        if (k > this.gutter && k - this.gutter <= 8) this.gutter = k;
      }
      const n = String(this.gutter);
      const at = this.gutterSpaced ? t.length - t.trimStart().length : 0;
      const after = at + n.length;
      if (!t.startsWith(n, at) || (this.gutterSpaced && !(t.charCodeAt(after) === 0x20 || t.charCodeAt(after) === 0x09 || after === t.length))) {
        // (One line of a spaced column whose number the terminal layer lost goes through as it is, once: the
        // column holds if the next line has the number after.)
        if (this.gutterSpaced && !this.gutterMissed && SPACED_NUMBER.exec(t) === null) {
          this.gutterMissed = true;
          this.gutter++;
          return false;
        }
        this.gutter = -1;
        return false;
      }
      this.gutterMissed = false;
      this.gutter++;
      this.counted();
      this.emit({ ...line, text: this.gutterSpaced ? t.slice(after).replace(/^[ \t]/, '') : t.slice(n.length) });
      return true;
    }
    // (Deciding: the first lines, one by one. A blank line or a fence before the first number decides nothing:
    // a paste's code block opens so.)
    const k = this.gutterHeld.length;
    if (k === 0 && (t.trim() === '' || t.startsWith('```'))) return false;
    const spaced = SPACED_NUMBER.exec(t);
    const grep = GREP_NUMBER.exec(t);
    let fits = false;
    if (k === 0 && grep !== null) {
      this.gutterGrep = true;
      this.gutterBase = Number(grep[1]);
      fits = true;
    } else if (this.gutterGrep) {
      fits = grep !== null && Number(grep[1]) > this.gutterBase;
      if (fits) this.gutterBase = Number(grep![1]);
    } else if (k === 0) {
      const next = t.charCodeAt(1);
      this.gutterSpaced = spaced !== null && !(t.startsWith('1') && !(next >= 0x30 && next <= 0x39) && next !== 0x20 && next !== 0x09);
      this.gutterBase = this.gutterSpaced ? Number(spaced![1]) : 1;
      fits = this.gutterSpaced || (t.startsWith('1') && !(next >= 0x30 && next <= 0x39));
    } else if (this.gutterSpaced) {
      fits = spaced !== null && Number(spaced[1]) === this.gutterBase + k;
    } else {
      const n = String(k + 1);
      const next = t.charCodeAt(n.length);
      fits = t.startsWith(n) && !(next >= 0x30 && next <= 0x39);
    }
    if (fits) {
      this.gutterHeld.push(line);
      if (k < 2) return true;
      const held = this.gutterHeld;
      this.gutterHeld = [];
      if (this.gutterGrep) {
        this.gutter = this.gutterBase + 1;
        for (const h of held) {
          this.counted();
          this.emit({ ...h, text: h.text.slice(GREP_NUMBER.exec(h.text)![0].length) });
        }
        return true;
      }
      this.gutter = this.gutterBase + k + 1;
      held.forEach((h, i) => {
        this.counted();
        const num = String(this.gutterBase + i);
        const text = this.gutterSpaced ? h.text.trimStart().slice(num.length).replace(/^[ \t]/, '') : h.text.slice(num.length);
        this.emit({ ...h, text });
      });
      return true;
    }
    this.release();
    return false;
  }

  /** No line numbers after all (or the input ends while deciding): the held lines as they were. */
  release(): void {
    this.gutter = -1;
    const held = this.gutterHeld;
    this.gutterHeld = [];
    for (const h of held) this.emit(h);
  }

  /** The next line number a page's code block put in front of each line (see gutterLine); 0 while deciding, -1: none. */
  gutter = 0;
  gutterHeld: PhysicalLine[] = [];
  /** The line just before lacked its number in a spaced column (see gutterLine). */
  private gutterMissed = false;
  /** The first line's number, and whether a space or tab comes between each number and its line. */
  private gutterBase = 1;
  private gutterSpaced = false;
  /** grep -n's numbers (`2458: …`, `2459:…`): rising by any step, each with its colon (see GREP_NUMBER). */
  private gutterGrep = false;
}

export class LineUnwrapper {
  readonly counters: UnwrapCounters = { envelopes: new Map(), droppedLines: 0 };
  /** LAVA's log was recognised: lines that are not records of it are not console output either. */
  private lava = false;
  /** /dev/kmsg's records were seen (its own or `talosctl dmesg`'s): their dictionary lines are dropped (see KMSG_DICTIONARY). */
  private kmsgRecords = false;
  /** autopkgtest's elapsed-seconds prefix was seen (see ELAPSED_PREFIX). */
  private elapsedPrefix = false;
  /** A CI timestamp prefix was seen: `HH:MM:SS ` at a line start is that prefix, not text. */
  private clockPrefix = false;
  /** A capture tool's time of day with its fraction was seen before a line (see FRACTION_CLOCK). */
  private fractionClock = false;
  /** moreutils' `ts` clock (`Mar 01 12:34:56 `) was seen in front of a status or kernel line. */
  private tsPrefix = false;
  /** The line just unwrapped was a container runtime's partial record (see CRI_STREAM). */
  private criPartial = false;
  /** Partial records held until the record that ends their line. */
  private criHeld: PhysicalLine | null = null;

  /** Line numbers outside every other envelope, and inside them (see GutterColumn). */
  private readonly outerGutter: GutterColumn;
  private readonly innerGutter: GutterColumn;
  private readonly out: (line: PhysicalLine) => void;

  constructor(out: (line: PhysicalLine) => void) {
    const count = (): void => this.count('line-numbers');
    this.outerGutter = new GutterColumn((line) => this.pushLine(line), count);
    const inner = new GutterColumn(out, count);
    this.innerGutter = inner;
    this.out = (line) => {
      if (inner.gutter !== -1 && !line.overwritten && inner.take(line)) return;
      out(line);
    };
  }

  push(line: PhysicalLine): void {
    const g = this.outerGutter;
    if (g.gutter !== -1 && !line.overwritten && g.take(line)) return;
    this.pushLine(line);
  }


  private pushLine(line: PhysicalLine): void {
    // A mail's quoted-printable body (RFC 2045): lines of at most 76 characters, a `=` at the end of one
    // that goes on in the next (a soft break), bytes written as `=XX`.
    if (!line.overwritten && (this.qpHeld !== null || line.text.endsWith('=') || (this.qp && line.text.includes('=')))) {
      const whole = this.quotedPrintable(line);
      if (whole !== null) this.read(whole);
      return;
    }
    this.read(line);
  }

  /** One line, quoted-printable already taken off. */
  private read(line: PhysicalLine): void {
    if (!line.overwritten) {
      const c = line.text.charCodeAt(0);
      if (c === 0x2d /* - */ && LAVA.test(line.text)) return this.lavaRecord(line);
      // A LAVA log that was itself quoted in a mail or saved by a CI job with its clock in front.
      // (Checked by hand first: kernel lines begin with `[` and digits too; a CI clock has its `-` at 4 or 5.)
      const t = line.text;
      if ((c === 0x3e /* > */ || (c >= 0x30 && c <= 0x39 && t.charCodeAt(4) === 0x2d) || (c === 0x5b && t.charCodeAt(5) === 0x2d)) && t.includes('- {')) {
        const inner = t.replace(OUTER_ENVELOPE, '');
        if (inner !== t && LAVA.test(inner)) {
          this.count(c === 0x3e ? 'quoted' : 'ci-timestamps');
          return this.lavaRecord({ ...line, text: inner });
        }
      }
    }
    // The last record's line, held by the inner terminal layer for an ESC M, goes out before this one.
    this.inner?.flushHeld();
    if (line.overwritten) {
      this.releaseWrapped();
      return this.out(line);
    }
    let text = this.unwrap(line.text);
    if (text.charCodeAt(0) === 0x5b /* [ */) text = this.shortDelta(text);
    // A container runtime's partial records are one line of the guest's, joined here (a line longer than
    // MAX_CRI_LINE goes on in the next record, marked as cut, as the line splitter does).
    const held = this.criHeld;
    if (this.criPartial || held !== null) {
      const partial = this.criPartial;
      this.criPartial = false;
      const joined: PhysicalLine = held === null ? { ...line, text } : { ...held, text: held.text + text, byteEnd: line.byteEnd, truncated: false };
      if (partial && joined.text.length < MAX_CRI_LINE) {
        this.criHeld = joined;
        return;
      }
      this.criHeld = null;
      if (partial) joined.truncated = true;
      line = joined;
      text = joined.text;
    }
    // (`-o json-pretty`: an entry over many lines, `{`, a field a line, `}`; held until it closes.)
    if (!this.releasingJson && (this.prettyHeld !== null || text === '{')) return this.prettyLine({ ...line, text });
    this.readUnwrapped(line, text);
  }

  /** A line with its envelopes taken off (see read). */
  private readUnwrapped(line: PhysicalLine, text0: string): void {
    let text = text0;
    // `journalctl -o json`: one entry an object a line, read as journalctl's short lines would show it (inside
    // whatever envelope: a CI job's clock, a mail's quote, a page's entities).
    if (text.charCodeAt(0) === 0x7b /* { */ && text.includes('"MESSAGE"') && text.includes('"__REALTIME_TIMESTAMP"')) {
      const entry = journalJson(text);
      if (entry !== null) return this.journalEntry(line, entry);
    }
    // A terminal program's padding to its width (spaces to the line's end): nothing of the machine's.
    const e = text.length - 1;
    if (e > 0 && (text.charCodeAt(e) === 0x20 || text.charCodeAt(e) === 0x09) && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0x09)) text = text.trimEnd();
    // A paste double-spaced by the page or mailer it went through (an empty line after every line): once
    // eight lines in a row came so, the empty lines are no part of the log (what follows a line is the line
    // after the empty one).
    if (text === '' || (text.charCodeAt(0) <= 0x20 && text.trim() === '')) {
      if (this.doubleSpaced) {
        this.count('double-spaced');
        return;
      }
      if (this.prevBlank) this.spacedRun = 0;
      this.prevBlank = true;
    } else {
      if (!this.doubleSpaced) {
        this.spacedRun = this.prevBlank ? this.spacedRun + 1 : 0;
        if (this.spacedRun >= 8) this.doubleSpaced = true;
      }
      this.prevBlank = false;
    }
    this.emitLine(text === line.text ? line : { ...line, text });
  }

  /** A journal or syslog line that may go on in the next physical line (a paste hard-wrapped at a width:
   *  `… systemd[595]: ryzen-tctl.service: Failed wit` / `h result 'exit-code'.`). */
  private wrapped: PhysicalLine | null = null;
  /** The held line is a kernel line cut as format=flowed cuts (see flowedCut). */
  private flowed = false;
  /** The held line is a kernel line cut after a word that leaves it unfinished (see DANGLING_END). */
  private dangling = false;
  /** The held line is PID 1's audit record of a unit, cut before its `res=…'` (see AUDIT_OPEN): lines joined so far + 1. */
  private auditOpen = 0;

  private emitLine(line: PhysicalLine, joinedNow = false): void {
    // (The widest physical line so far: a mail's wrap width is never passed.)
    if (!joinedNow) {
      const n = line.text.length;
      if (n > this.widest) this.widest = n;
      if (n <= 100) this.lengths[n]!++;
      else this.overWide++;
    }
    const held = this.wrapped;
    if (held !== null) {
      this.wrapped = null;
      // Cut at a column (a space at the cut stays in front of the rest): the next line starts nothing of its own.
      const dangling = this.dangling;
      this.dangling = false;
      const atWidth = this.atWidth;
      this.atWidth = 0;
      const audit = this.auditOpen;
      this.auditOpen = 0;
      // (Cut at the width with the space dropped: the rest's first word would not have fit on the line.)
      // (The width is the widest line so far, but no less than mail clients wrap at: early in a paste fewer lines were seen.)
      const wordCut = atWidth > 0 && atWidth + 1 + firstWordLength(line.text) > Math.max(this.widest, 76) && line.text.charCodeAt(0) !== 0x20;
      if (continuesWrappedRecord(line.text) && held.text.length + line.text.length <= MAX_JOINED && (!dangling || DANGLING_REST.test(line.text)) && (atWidth === 0 || wordCut)) {
        // (A journal line cut short of the widest, its rest's first word too long to have fit: a word wrap that
        // dropped its space, `… Weston, a Wayland` / `compositor, as a system service.`; cut at the very column,
        // `… Failed wit` / `h result`, the rest goes on at once.)
        const spaced = audit > 0 || dangling || atWidth > 0 || (!this.flowed && this.wordWrapped(held.text, line.text));
        const joined = { ...held, text: spaced ? `${held.text} ${line.text}` : held.text + line.text, byteEnd: line.byteEnd };
        // (An audit record goes on until its result, over as many lines as the mail cut it into.)
        if (audit > 0 && audit < 6 && auditRecordOpen(joined.text)) {
          this.wrapped = joined;
          this.auditOpen = audit + 1;
          return;
        }
        // (A line wrapped twice goes on again when its rest, too, reached the width.)
        if (atWidth > 0 && this.cutAtWidth(line.text)) {
          this.wrapped = joined;
          this.atWidth = line.text.length;
          return;
        }
        // (A flowed paragraph goes on while its lines end in a soft break.)
        if (this.flowed && flowedCut(line.text)) {
          this.wrapped = joined;
          return;
        }
        this.flowed = false;
        return this.emitLine(joined, true);
      }
      this.flowed = false;
      this.out(held);
    }
    // (Most lines are the kernel's or systemd's, begun by `[` or a space: one comparison before the regex.
    // A record's clock begins with a letter or a digit.)
    const c = line.text.charCodeAt(0);
    // PID 1's audit record of a unit (`audit: type=1130 audit(…): pid=1 uid=0`, then `auid=4294967295 … msg='unit=emergency
    // comm="systemd"` on the next line): it always ends with its result, `res=success'`; cut before it, it goes on.
    if (c === 0x5b /* [ */ && !line.truncated && line.text.length < 400 && auditRecordOpen(line.text) && isKernelStamp(line.text)) {
      this.wrapped = line;
      this.auditOpen = 1;
      return;
    }
    // (Or one a mail client cut as format=flowed, its one space left at the cut, however short the cut left it when
    // the next word was long: `… kernel: Linux version ` / `6.9.0-1-git-01560-ga7c840ba5fa7 (linux-git@archlinux) …`.
    // A colon ends a line that opens a list, but not with the soft break's space after it: `… Failed to enumerate
    // /proc/: ` / `Invalid argument`.)
    if (((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c >= 0x61) && (line.text.length >= 60 ? !/[.:]\s*$/.test(line.text) || /[^\s:]: $/.test(line.text) : line.text.length >= 36 && journalFlowed(line.text)) && !line.truncated && RECORD_TIME.test(line.text)) {
      this.wrapped = line;
      return;
    }
    // A kernel line a mail client wrapped as format=flowed (RFC 3676): cut at a space near the 78th column,
    // the space left at the line's end (`… unknown-block(179,2): ` / `error -117`). (One space only: a console
    // that pads its lines with spaces to the screen's width is not a mail.)
    if (c === 0x5b /* [ */ && flowedCut(line.text) && !line.truncated && isKernelStamp(line.text)) {
      this.wrapped = line;
      this.flowed = true;
      return;
    }
    // (Or cut at a word with its space dropped, the message ending on a word no message ends on: `… failed to
    // create device link to` / `ci_hdrc.0.ulpi`: the rest, one word, joins it with a space.)
    if (c === 0x5b /* [ */ && line.text.length >= 50 && line.text.length <= 100 && !line.truncated && DANGLING_END.test(line.text) && isKernelStamp(line.text)) {
      this.wrapped = line;
      this.dangling = true;
      return;
    }
    // (Or hard-wrapped at a width no line of the paste passes, the space at the cut dropped, as most mail clients
    // send it: a kernel or status line as wide as the widest, whose rest's first word would not have fit.)
    if (c === 0x5b /* [ */ && !joinedNow && !line.truncated && this.cutAtWidth(line.text) && (isKernelStamp(line.text) || STATUS_OPEN.test(line.text))) {
      this.wrapped = line;
      this.atWidth = line.text.length;
      return;
    }
    this.out(line);
  }

  /** The widest physical line so far (see cutAtWidth). */
  private widest = 0;
  /** The held line was cut at the paste's width: the length of its last physical line (0: it was not). */
  private atWidth = 0;
  /** How many physical lines so far had each length up to 100 (see cutAtWidth). */
  private readonly lengths = new Uint32Array(101);

  /** A held line and the rest on the next line were one line with a space between, its space dropped by the
   *  wrap: the rest's first word would not have fit on the held line, or the cut came just after a comma (`…
   *  Disk failure on sdb3,` / `disabling device.`: prose puts a space there). */
  private wordWrapped(held: string, rest: string): boolean {
    const end = held.charCodeAt(held.length - 1);
    if (end === 0x20 || rest.charCodeAt(0) === 0x20) return false;
    if (end === 0x2c /* , */ && /^[a-z]/.test(rest)) return true;
    // (Held as the widest line yet, early in a short paste, the width is no less than mail clients wrap at: the line
    // itself says nothing of a cut at its very column, which terminals make at 80.)
    const seen = this.pasteWidth();
    const width = held.length >= seen - 1 && seen < 78 ? 78 : seen;
    return held.length < width - 1 && held.length + 1 + firstWordLength(rest) > width;
  }

  /** Lines so far wider than 100 columns. */
  private overWide = 0;

  /** The width a paste was wrapped at: its widest line, or when a few lines were left unwrapped (a mail client
   *  does not break a line without a space, an ACPI table's), the widest of the others. */
  private pasteWidth(): number {
    if (this.widest <= 100) return this.widest;
    let total = this.overWide;
    for (let k = 0; k <= 100; k++) total += this.lengths[k]!;
    if (this.overWide > Math.max(2, total / 50)) return this.widest;
    for (let k = 100; k >= 60; k--) if (this.lengths[k]! > 0) return k;
    return this.widest;
  }

  /** A line as wide as a paste hard-wrapped at a mail's width (60 to 100 columns) makes its lines. */
  private cutAtWidth(text: string): boolean {
    const n = text.length;
    // (A line that ends a sentence, `… configuration system.`, or opens a list, `… the following:`, was not cut.)
    const last = text.charCodeAt(n - 1);
    if (n < 60 || this.widest > 100 || n < this.widest - 12 || last === 0x20 || last === 0x2e /* . */ || last === 0x3a /* : */) return false;
    // (The paste shows a width it was wrapped at: four lines and more reached within four columns of the widest.
    // A short paste of lines of every length says nothing of a wrap.)
    // (A terminal that cut its lines at its width, minicom's 80 or 90 columns, puts most of them at that very column,
    // the rest lost: a word wrap spreads them over the columns below it.)
    let below = 0;
    for (let k = this.widest - 5; k < this.widest; k++) below += this.lengths[k]!;
    // (A start job's spinner frames are all of one length: narrower than any terminal, 80 columns, they were cut by a
    // mail even when they all reached the same column.)
    return below + this.lengths[this.widest]! >= 4 && (this.lengths[this.widest]! <= below || (this.widest < 80 && SPINNER_FRAME.test(text)));
  }

  private releaseWrapped(): void {
    const held = this.wrapped;
    this.wrapped = null;
    this.flowed = false;
    this.dangling = false;
    this.atWidth = 0;
    this.auditOpen = 0;
    if (held !== null) this.out(held);
  }

  /** LAVA keeps the target's bytes (escapes, CRs, spinner redraws) JSON-encoded in `msg`: they go through
   *  a terminal layer of their own, and what it shows is the record's line (same line number). */
  private inner: LineSplitter | null = null;
  /** The service name docker compose put before its lines (see COMPOSE_PREFIX). */
  private composeName: string | null = null;
  /** The machine name a test driver put before the console's lines (see VM_NAME_PREFIX). */
  private vmName: string | null = null;
  /** The label a test harness put before the console's lines (see LABEL_PREFIX). */
  private labelName: string | null = null;
  /** A harness put its logging level before each line (see unwrap). */
  private levelDash = false;
  /** The file name grep put before each line (see unwrap). */
  private grepPath: string | null = null;
  /** Lines in a row that ended in a `^M` whose caret was lost (see LOST_CARET_CR). */
  private lostCaretCr = 0;
  /** The whole paste is quoted with `| ` (null: no line with text seen yet). */
  private barQuote: boolean | null = null;
  /** The whole paste is commented out with `# ` (null: no line with text seen yet). */
  private hashQuote: boolean | null = null;
  /** The indent before every line of the file ('': none; null: no line with text seen yet). */
  private outerIndent: string | null = null;
  /** Kernel stamps without their brackets (see unwrap): null until two lines in a row show it or a kernel line with
   *  brackets says otherwise. */
  private bracketless: boolean | null = null;
  private bracketlessRun = 0;

  private bracketStamp(text: string): string {
    const m = BRACKETLESS_STAMP.exec(text);
    if (m === null) {
      if (this.bracketless === null) this.bracketlessRun = 0;
      return text;
    }
    // (The caller's id column is the kernel's alone: one line with it is enough.)
    if (this.bracketless === null) {
      if (m[2] === undefined && ++this.bracketlessRun < 2) return text;
      this.bracketless = true;
    }
    this.count('bracketless-stamps');
    return `[${m[1]!.padStart(12)}]${m[2] !== undefined ? `[${m[2].padStart(6)}]` : ''} ${text.slice(m[0].length)}`;
  }
  private prevBlank = false;
  private spacedRun = 0;
  private doubleSpaced = false;
  /** The log came through a Markdown conversion that escaped its stars and brackets (see unwrap). */
  private mdEscapes = false;
  private deepFirst = 0;
  /** The indent the deeper first lines shared (null: they differed). */
  private deepWs: string | null = null;
  private unindent(text: string): string {
    const ws = /^[ \t]*/.exec(text)![0];
    if (ws.length === text.length) return text;
    if (this.outerIndent === null) {
      // (A tab, or two to eight spaces: a first line indented otherwise is the log's own. A tab and then
      // more is the paste's tab before the log's own indent.)
      // (A first line indented deeper, a title or a command line above the paste, leaves it to the next.)
      // (Two lines in a row indented alike, deeper than eight, are a code block inside a list item: `docker
      // run …` and what it printed under nine spaces. The first stays as it was.)
      const same = ws === this.deepWs && ws.length <= 16 && !ws.includes('\t');
      if (ws.length > 8 && !same && this.deepFirst++ < 2) {
        this.deepWs = this.deepFirst === 1 ? ws : null;
        return text;
      }
      this.outerIndent = ws.charCodeAt(0) === 0x09 ? '\t' : ws.length >= 2 && (ws.length <= 8 || same) && !ws.includes('\t') ? ws : '';
      if (this.outerIndent === '') return text;
    }
    const n = this.outerIndent.length;
    if (ws.length >= n && text.startsWith(this.outerIndent)) {
      this.count('indented');
      return text.slice(n);
    }
    // (A first line indented further than the rest: the rest's indent is the paste's.)
    if (ws.length >= 2 && this.outerIndent.startsWith(ws)) {
      this.outerIndent = ws;
      this.count('indented');
      return text.slice(ws.length);
    }
    this.outerIndent = '';
    return text;
  }

  /** The indent of a whole indented paste (0: none; null: no line seen yet). */
  private pasteIndent: number | null = null;
  /** Where each recent record's bytes start in the inner stream (a line is emitted once the next
   *  record's bytes show it is finished: it belongs to the record its first byte came from). */
  private records: Array<{ at: number; line: PhysicalLine }> = [];
  private innerBytes = 0;
  private readonly encoder = new TextEncoder();

  /** The lines of a `journalctl -o json-pretty` entry so far (see prettyLine). */
  private prettyHeld: PhysicalLine[] | null = null;
  private releasingJson = false;

  /** A line of what may be a `journalctl -o json-pretty` entry: held until its `}`, then read as one entry at the
   *  line of its MESSAGE; anything else (a `{` of another program's, a field no entry has) goes out as it was. */
  private prettyLine(line: PhysicalLine): void {
    const held = (this.prettyHeld ??= []);
    held.push(line);
    const t = line.text;
    if (held.length === 1) return;
    if (t === '}') {
      this.prettyHeld = null;
      const entry = journalJson(held.map((l) => l.text).join('\n'));
      if (entry === null) return this.releasePretty(held);
      const at = held.find((l) => PRETTY_MESSAGE.test(l.text)) ?? held[0]!;
      return this.journalEntry(at, entry);
    }
    if (!PRETTY_FIELD.test(t) || held.length > MAX_PRETTY_LINES) {
      this.prettyHeld = null;
      this.releasePretty(held);
    }
  }

  /** Held lines that were no json-pretty entry after all, read as they came. */
  private releasePretty(held: PhysicalLine[]): void {
    this.releasingJson = true;
    try {
      for (const l of held) this.readUnwrapped(l, l.text);
    } finally {
      this.releasingJson = false;
    }
  }

  /** `journalctl -o short-delta`'s stamp read as short-monotonic's, the delta dropped (see unwrap; read again
   *  once the other envelopes are off, a CI clock or a mail's quote in front of it). */
  private shortDelta(text: string): string {
    // (Its stamp's seconds end with a space, where the kernel's and short-monotonic's end with `]`: looked at
    // there, not searched for along the line, which is most lines' cost.)
    let i = 1;
    while (i < 14 && text.charCodeAt(i) === 0x20) i++;
    let c = text.charCodeAt(i);
    while ((c >= 0x30 && c <= 0x39) || c === 0x2e) c = text.charCodeAt(++i);
    if (c !== 0x20) return text;
    const d = SHORT_DELTA.exec(text);
    if (d === null) return text;
    this.count('journal-delta');
    return `${d[1]}]${text.slice(d[0].length)}`;
  }

  /** The boot of the last `journalctl -o json` entry (see journalEntry). */
  private jsonBoot: string | null = null;

  /** One `journalctl -o json` entry: a `-- Boot … --` separator where its boot changed, then its message's lines
   *  as `-o short` prints them (`Dec 07 08:19:30 host systemd[1]: …`). */
  private journalEntry(line: PhysicalLine, entry: JournalJsonEntry): void {
    this.releaseWrapped();
    this.count('journal-json');
    if (entry.boot !== null && entry.boot !== this.jsonBoot) {
      if (this.jsonBoot !== null) this.out({ ...line, text: `-- Boot ${entry.boot} --` });
      this.jsonBoot = entry.boot;
    }
    for (const text of entry.lines) this.out({ ...line, text });
  }

  private lavaRecord(line: PhysicalLine): void {
    this.releaseWrapped();
    this.lava = true;
    this.count('lava');
    const msg = lavaMessage(line.text);
    if (msg === null) {
      this.counters.droppedLines++;
      this.inner?.flushHeld();
      this.out({ ...line, text: '' });
      return;
    }
    this.inner ??= new LineSplitter((l) => {
      let at = this.records[0]!.line;
      for (const r of this.records) if (r.at <= l.byteStart) at = r.line;
      // The target's text may carry envelopes of its own (kmsg levels `<30>`, escapes LAVA stripped of ESC).
      this.out({ ...at, text: l.overwritten ? l.text : this.unwrap(l.text), overwritten: l.overwritten, truncated: l.truncated });
    });
    const bytes = this.encoder.encode(msg.endsWith('\n') ? msg : msg + '\n');
    this.records.push({ at: this.innerBytes, line });
    if (this.records.length > 64) this.records.shift();
    this.innerBytes += bytes.length;
    this.inner.write(bytes);
  }

  /** Live input gone quiet: a line held for the rest a wrap would put on the next line has none coming (a
   *  console does not wrap; a paste's next line comes at once). */
  flushWrapped(): void {
    if (this.outerGutter.gutterHeld.length > 0) this.outerGutter.release();
    this.releaseWrapped();
    if (this.innerGutter.gutterHeld.length > 0) this.innerGutter.release();
  }

  /** The last LAVA record's line, held by the inner terminal layer until more bytes come. */
  end(): void {
    if (this.outerGutter.gutterHeld.length > 0) this.outerGutter.release();
    const pretty = this.prettyHeld;
    this.prettyHeld = null;
    if (pretty !== null) this.releasePretty(pretty);
    // (A last line that looked like a soft break: as it was, or decoded.)
    const held = this.qpHeld;
    this.qpHeld = null;
    if (held !== null) this.read(this.qp ? { ...held, text: decodeQuotedPrintable(held.text) } : { ...held, text: held.text + '=' });
    // (A container log cut off in the middle of a line: what of it came.)
    const part = this.criHeld;
    this.criHeld = null;
    if (part !== null) this.emitLine({ ...part, truncated: true });
    this.releaseWrapped();
    this.inner?.end();
    if (this.innerGutter.gutterHeld.length > 0) this.innerGutter.release();
  }

  /** quoted-printable was seen (a soft break, then `=XX` or another soft break). */
  private qp = false;
  /** A line that ended in what may be a soft break, its `=` taken off, waiting for its next line. */
  private qpHeld: PhysicalLine | null = null;

  /** The line with its soft breaks joined and its `=XX` decoded; null while it goes on in the next line. */
  private quotedPrintable(line: PhysicalLine): PhysicalLine | null {
    const held = this.qpHeld;
    this.qpHeld = null;
    let text = line.text;
    if (held !== null) {
      // Not quoted-printable after all: the held line goes out as it was, then this one is read anew.
      if (!this.qp && !QP_ESCAPE.test(held.text) && !QP_ESCAPE.test(text) && !softBreak(text)) {
        this.read({ ...held, text: held.text + '=' });
        return this.qp || text.endsWith('=') ? this.quotedPrintable(line) : line;
      }
      this.qp = true;
      text = held.text + text;
    }
    // (Once the body is known to be quoted-printable, where a `=` of its own is written `=3D`, any line that ends in
    // one `=` goes on, however short: a mailer breaks before a word too long for the rest of the line,
    // `… dracut-initqueue[311]: Warning: =` / `/dev/disk/by-uuid/c8396182-… does not exist`.)
    if (softBreak(line.text) || (this.qp && line.text.endsWith('=') && !line.text.endsWith('=='))) {
      this.qpHeld = { ...(held ?? line), text: text.slice(0, -1), byteEnd: line.byteEnd };
      return null;
    }
    if (!this.qp) return line;
    this.count('quoted-printable');
    return { ...(held ?? line), text: decodeQuotedPrintable(text), byteEnd: line.byteEnd };
  }

  /** A `| ` quote taken off, while the paste is so quoted (learned from its first line with text). */
  private unbar(text: string): string {
    if (text.charCodeAt(0) === 0x7c /* | */) {
      this.barQuote ??= BAR_QUOTE_FIRST.test(text);
      if (this.barQuote) {
        this.count('quoted');
        return text.charCodeAt(1) === 0x20 ? text.slice(2) : text.slice(1);
      }
    } else if (text.trim() !== '' && !FENCE.test(text)) this.barQuote = false;
    return text;
  }

  /**
   * A paste commented out in a source file (`# ` before every line: Nix, shell, Python, YAML), learned from
   * the input's first line with text, taken off each line that has it until one without. (A root shell's
   * prompt, `# dmesg`, is followed by output that is not so marked: the marker ends there.)
   */
  private unhash(text: string): string {
    // (Indented alike before the `#`, as in a Nix file, when no outer indent came off: inside a mail's quote.)
    let at = 0;
    while (text.charCodeAt(at) === 0x20 && at < 16) at++;
    if (text.charCodeAt(at) === 0x23 /* # */ && (text.length === at + 1 || text.charCodeAt(at + 1) === 0x20)) {
      this.hashQuote ??= true;
      if (this.hashQuote) {
        this.count('commented');
        return text.slice(at + 2);
      }
    } else if (text.trim() !== '' && !FENCE.test(text)) this.hashQuote = false;
    return text;
  }

  /** E-mail quoting taken off (`> `, `>> `); null for a quoted empty line. */
  private unquote(text: string): string | null {
    const m = /^(?:> ?)+/.exec(text);
    if (m && m[0].length === text.length && /^(?:> ?)+$/.test(text) && this.counters.envelopes.has('quoted')) {
      this.count('quoted');
      return null;
    }
    if (m && m[0].length < text.length && !text.startsWith('>=')) {
      this.count('quoted');
      return text.slice(m[0].length);
    }
    return text;
  }

  private count(kind: EnvelopeKind): void {
    this.counters.envelopes.set(kind, (this.counters.envelopes.get(kind) ?? 0) + 1);
  }

  /** The line without its final `M`, when that is a `^M` whose caret was lost (see LOST_CARET_CR). */
  private lostCaret(text: string): string {
    if (text.charCodeAt(text.length - 1) === 0x4d /* M */ && text.length > 1) {
      if (this.lostCaretCr >= 2 || LOST_CARET_CR.test(text)) {
        this.lostCaretCr++;
        this.count('caret-cr');
        return text.slice(0, -1);
      }
    } else if (text.trim() !== '') this.lostCaretCr = 0;
    return text;
  }

  /** A log pasted into HTML or Markdown with a line break tag ending each line (`… Freezing execution.<br>`). */
  private breakTag(text: string): string {
    if (text.charCodeAt(text.length - 1) !== 0x3e /* > */ || !BR_TAG_END.test(text)) return text;
    this.count('html-breaks');
    return text.replace(BR_TAG_END, '');
  }

  unwrap(input: string): string {
    let text = input;
    if (text === '') return text;
    // Pages and archives that kept HTML entities (`&#269;en`, `&lt;`, `&amp;`): the outermost envelope, so what is
    // inside it (a mail's `&gt; ` quote, a `&lt;br&gt;`, a kernel line's `&quot;`) is read as it was.
    if (text.includes('&') && HTML_ENTITY.test(text)) {
      text = text.replace(HTML_ENTITY_ALL, decodeEntity);
      this.count('html-entities');
    }
    // A whole file indented as a code block (a forum, a README, a commit message: a tab or a few spaces
    // before every line, mail quotes and CI clocks included): the outermost envelope, taken off first.
    const c00 = text.charCodeAt(0);
    if (this.outerIndent !== '' && (c00 === 0x20 || c00 === 0x09 || this.outerIndent === null)) text = this.unindent(text);
    if (text === '') return text;
    // Kernel stamps that lost their brackets on the way (a mail archive, a page): `    0.031403    T0 WARNING: …`
    // for `[    0.031403][    T0] WARNING: …`. Learned from two such lines in a row, then put back on each.
    // (Or inside another envelope, a mail's quote or a CI clock: tried again once that is off, see below.)
    const d0 = text.charCodeAt(0);
    let stampTried = false;
    if (((d0 >= 0x30 && d0 <= 0x39) || d0 === 0x20) && this.bracketless !== false && BRACKETLESS_STAMP.test(text)) {
      text = this.bracketStamp(text);
      stampTried = true;
    }
    const c = text.charCodeAt(0);
    // Most lines of a console are the kernel's (`[    1.234567] …`): nothing wraps them, and the kernel
    // prints no colour. They pass untouched (checked by hand: this runs on every line).
    // (But for a `^M` that lost its caret at their end, as on every line of such a paste.)
    if (c === 0x5b /* [ */ && !this.lava && isKernelStamp(text)) {
      this.hashQuote = false;
      if (this.bracketless === null) this.bracketless = false;
      return this.lostCaret(this.breakTag(text));
    }
    // `journalctl -o short-delta`: the monotonic time and, in angle brackets, the time since the entry before
    // (`[    5.123456 <    0.000512>] host kernel: …`): read as short-monotonic, the delta dropped.
    if (c === 0x5b) text = this.shortDelta(text);
    // grabserial (a board's serial capture): `[74.536364 0.165909] ` before each line, the time since its
    // base and since the line before.
    if (c === 0x5b && GRABSERIAL.test(text)) {
      text = text.slice(GRABSERIAL.exec(text)![0].length);
      this.count('grabserial');
      if (text === '') return text;
    }
    // LAVA: `- {"dt": …, "lvl": …, "msg": …}`.
    if (c === 0x2d /* - */ && LAVA.test(text)) {
      this.lava = true;
      this.count('lava');
      return this.lavaMessage(text);
    }
    if (this.lava && text.startsWith('- ')) {
      this.counters.droppedLines++;
      return '';
    }
    // E-mail quoting (`> `, `>> `).
    if (c === 0x3e /* > */) {
      const q = this.unquote(text);
      if (q === null) return '';
      text = q;
    }
    // A paste quoted with `| ` before every line (some mailers): learned from the input's first line with
    // text (not a table row, which ends in `|` too), taken off each line that has it until one without.
    // (Behind a CI clock, it is looked for after the clock: see below.)
    const b0 = text.charCodeAt(0);
    const barLater = this.barQuote !== false && ((b0 >= 0x30 && b0 <= 0x39) || b0 === 0x5b) && looksTimestamped(text, b0 === 0x5b ? 1 : 0);
    if (this.barQuote !== false && !barLater) {
      text = this.unbar(text);
      if (text === '') return text;
    }
    const c0 = text.charCodeAt(0);
    if (c0 === 0x60 /* ` */ || c0 === 0x7e /* ~ */ || c0 === 0x20) {
      if (FENCE.test(text)) {
        this.count('markdown-fence');
        return '';
      }
      // A fence with the paste's first line glued to it (`` ```[  211.96] dracut … ``).
      if (text.startsWith('```') && text.charCodeAt(3) === 0x5b && isKernelStamp(text.slice(3))) {
        text = text.slice(3);
        this.count('markdown-fence');
      }
      // An inline code span opened on a paste's first line and closed on its last (`` `[FAILED] … ``, then
      // `` … /var/log.` ``): a lone backtick at either end is Markdown's.
      else if (c0 === 0x60 && text.charCodeAt(1) !== 0x60 && text.indexOf('`', 1) < 0) {
        text = text.slice(1);
        this.count('markdown-fence');
      }
    }
    if (text.charCodeAt(text.length - 1) === 0x60 /* ` */ && text.charCodeAt(text.length - 2) !== 0x60 && text.indexOf('`') === text.length - 1 && text.length > 1) {
      text = text.slice(0, -1);
      this.count('markdown-fence');
    }
    // Android's `logcat -v threadtime` (`05-26 20:26:46.899     0     0 I         : Booting Linux …`): its
    // date, time, PID, TID and level, then the tag; the kernel's buffer (`logcat -b kernel`) has none, and on
    // MediaTek kernels its lines carry the CPU and task (`-(0)[0:swapper]`).
    if (c0 >= 0x30 && c0 <= 0x39 && text.charCodeAt(2) === 0x2d /* - */ && LOGCAT.test(text)) {
      text = text.slice(LOGCAT.exec(text)![0].length);
      // (A process writing to the kernel's log shows its name as the task's: `(7)[1:init]: init first stage
      // started!` is init's `init: …`.)
      const caller = MTK_CALLER.exec(text);
      if (caller !== null) text = text.startsWith(': ', caller[0].length) ? `${caller[3]}${text.slice(caller[0].length)}` : text.slice(caller[0].length);
      this.count('logcat');
    }
    // CI timestamps: `2024-…`, `[2024-…`, `12:34:56`, `[12:34:56]` (checked by hand first: kernel lines
    // begin with `[` too, and this runs on every line).
    if (((c0 >= 0x30 && c0 <= 0x39) || c0 === 0x5b) && looksTimestamped(text, c0 === 0x5b ? 1 : 0)) {
      // (A bare time of day with its fraction, `17:04:58.487065 `, is a capture tool's clock (moreutils' `ts
      // %.T`, grabserial): no kernel, systemd, journal or syslog line begins so.)
      // (Once a capture tool's clock with its fraction was seen, it is taken off with its one space whatever follows:
      // an indented status line, `12:00:01.123456          Starting foo.service…`.)
      const m = ISO_PREFIX.exec(text) ?? (this.clockPrefix || c0 === 0x5b ? CLOCK_PREFIX.exec(text) : this.fractionClock ? FRACTION_CLOCK_SEEN.exec(text) : FRACTION_CLOCK.exec(text));
      // (journalctl never brackets its time: `[2024-03-01T12:34:56.123Z] systemd[1]: …` is Jenkins' clock
      // before a journal line that lost its own.)
      if (m && (CI_CLOCK.test(m[0]) || c0 === 0x5b || !JOURNAL_REST.test(text.slice(m[0].length)))) {
        if (m[0].includes('T') || m[0].startsWith('[')) this.clockPrefix = true;
        else if (c0 !== 0x5b && FRACTION_CLOCK.test(m[0])) this.fractionClock = true;
        text = text.slice(m[0].length);
        this.count('ci-timestamps');
        const cri = text.charCodeAt(0) === 0x73 /* s */ ? CRI_STREAM.exec(text) : null;
        if (cri !== null) {
          text = text.slice(cri[0].length);
          this.criPartial = cri[1] === 'P';
          this.count('container-log');
        }
        // A CI job's clock in front of a log that kept a clock of its own (Avocado's serial log in an
        // Actions job): both come off.
        const inner = text.charCodeAt(0) >= 0x30 && text.charCodeAt(0) <= 0x39 && looksTimestamped(text, 0) ? (ISO_PREFIX.exec(text) ?? FRACTION_CLOCK.exec(text)) : null;
        if (inner && !JOURNAL_REST.test(text.slice(inner[0].length))) text = text.slice(inner[0].length);
      }
    }
    // The Open Build Service's build log: the worker's elapsed seconds in brackets before each line of the build
    // VM's console (`[  159s] [    1.234567] Linux version …`, `[   67s] [FAILED] Failed to start Switch Root.`).
    // (No kernel stamp is whole seconds with an `s`: HiSilicon's has its fraction, `[   32.422210s]`.)
    if (text.charCodeAt(0) === 0x5b /* [ */ && (text.charCodeAt(1) === 0x20 || (text.charCodeAt(1) >= 0x30 && text.charCodeAt(1) <= 0x39)) && text.includes('s]')) {
      const m = OBS_ELAPSED.exec(text);
      if (m !== null) {
        text = text.slice(m[0].length);
        this.count('ci-timestamps');
      }
    }
    // autopkgtest's elapsed seconds: taken off once a line showed them before a kernel stamp or a status
    // line, and from every line after (a line of text may begin `5s …` too).
    const ce = text.charCodeAt(0);
    if (ce >= 0x30 && ce <= 0x39 && text.charCodeAt(1) !== 0x2e) {
      const m = ELAPSED_PREFIX.exec(text);
      if (m !== null && (this.elapsedPrefix || text.charCodeAt(m[0].length) === 0x5b /* [ */)) {
        this.elapsedPrefix = true;
        text = text.slice(m[0].length);
        this.count('ci-timestamps');
      }
    }
    // moreutils' `ts` and LFS's bootscripts: a clock of the log's own (after a CI job's, if it had one).
    const ct = text.charCodeAt(0);
    if (ct >= 0x41 && ct <= 0x5a && TS_PREFIX.test(text)) {
      const lfs = LFS_PREFIX.exec(text);
      const m = lfs ?? TS_PREFIX.exec(text)!;
      const rest = text.slice(m[0].length);
      // A journal or syslog line is `time host ident[pid]: …`; a status or kernel line after the time is
      // `ts`'s. Once `ts` was seen, every line has its clock in front: the rest is console text unless it
      // reads as a journal line of its own.
      // (With a fraction of a second and no journal's host and identifier after it, `Apr 24 21:09:05.381747
      // Starting nftables: none`, it is a capture tool's clock too: journalctl -o short-precise names both.)
      const fraction = m[0].charCodeAt(15) === 0x2e /* . */ && !JOURNAL_REST.test(rest);
      if (lfs !== null || rest.charCodeAt(0) === 0x5b /* [ */ || rest.startsWith('   ') || rest === '' || fraction || (this.tsPrefix && !JOURNAL_REST.test(rest))) {
        if (rest.charCodeAt(0) === 0x5b /* [ */ || fraction) this.tsPrefix = true;
        // (LFS logs a script's message with a prefix of its own after the step's `...`: `Bringing up the
        // ens3 interface...Oct 02 23:40:30 +02:00 host  Interface ens3 doesn't exist. FAIL`.)
        text = lfs !== null ? rest.replace(LFS_INNER, ' ') : rest;
        this.count('ci-timestamps');
      }
    } else if (ct === 0x3c /* < */ && KMSG_LEVEL.test(text)) {
      const m = KMSG_LEVEL.exec(text)!;
      text = text.slice(m[0].length);
      this.count('kmsg-level');
    } else if ((ct === 0x54 /* T */ || ct === 0x43 /* C */ || (ct >= 0x30 && ct <= 0x39) || (ct === 0x5b /* [ */ && callerInBrackets(text))) && KMSG_RECORD.test(text)) {
      // /dev/kmsg's records (`6,1234,5140900,-,caller=T1;message`: level, sequence, microseconds, flags), as
      // netconsole's extended format and tools that read /dev/kmsg write them, or only the caller left
      // (`T115;INFO: task …`). The microseconds become the kernel's stamp.
      const m = KMSG_RECORD.exec(text)!;
      const rest = text.slice(m[0].length);
      const us = m[1];
      text = us === undefined ? rest : `[${String(Math.floor(Number(us) / 1e6)).padStart(5)}.${us.slice(-6).padStart(6, '0')}] ${rest}`;
      if (us !== undefined) this.kmsgRecords = true;
      this.count('kmsg-level');
    }
    // A CI job's clock in front of a mail quote (a mailed log saved by a job).
    if (text.charCodeAt(0) === 0x3e /* > */ && c !== 0x3e) {
      const q = this.unquote(text);
      if (q === null) return '';
      text = q;
    } else if (barLater) {
      text = this.unbar(text);
      if (text === '') return text;
    }
    // A paste commented out with `# ` (after a CI job's clock or a mail's quote, when it has them).
    if (this.hashQuote !== false) {
      text = this.unhash(text);
      if (text === '') return text;
    }
    if (!stampTried && this.bracketless !== false) text = this.bracketStamp(text);
    // `talosctl dmesg`'s node, facility, level and time before each kernel message; the kernel's dictionary
    // lines under a message, once such records were seen, are no part of it.
    if (text.includes(']: ') && TALOS_DMESG.test(text)) {
      const t = TALOS_DMESG.exec(text)!;
      text = dmesgWallStamp(t[1]!, t[2]!, t[3]!, t[4]!) + text.slice(t[0].length);
      this.kmsgRecords = true;
      this.count('talos-dmesg');
    } else if (this.kmsgRecords && text.charCodeAt(0) === 0x20 && KMSG_DICTIONARY.test(text)) {
      this.counters.droppedLines++;
      return '';
    }
    // socklog/svlogd (runit systems) put `facility.level: ` between their timestamp and the message.
    const c1 = text.charCodeAt(0);
    if (c1 >= 0x61 && c1 <= 0x7a && SYSLOG_LEVEL.test(text)) {
      text = text.slice(SYSLOG_LEVEL.exec(text)![0].length);
      this.count('syslog-level');
    } else if (c1 === 0x3a /* : */ && text.charCodeAt(1) === 0x20 && text.length > 2 && text.charCodeAt(2) !== 0x20) {
      // A journal or syslog paste whose `time host ident[pid]` was cut away up to its colon.
      text = text.slice(2);
      this.count('cut-prefix');
    }
    // docker compose puts the service's name before each line of its output (`freeipa  | systemd 252 …`).
    // (`|` first: a search that begins with a space stops at every word.)
    if (text.includes('|') && text.includes(' | ')) {
      const m = COMPOSE_PREFIX.exec(text);
      if (m !== null) {
        const rest = text.slice(m[0].length);
        if (m[1] === this.composeName || COMPOSE_FIRST.test(rest)) {
          this.composeName = m[1]!;
          text = rest;
          this.count('compose');
        }
      }
    }
    // A z/VM 3270 console shows `[` as `¬` and `]` as `|` (`¬  595.61| systemd¬1|: …`, `¬ ¬0;1;31m SKIP  ¬0m| …`):
    // each `¬` is a `[` again, and the first `|` after it its `]`.
    if (text.includes('\u00ac')) {
      const t = ebcdicBrackets(text);
      if (t !== text) {
        text = t;
        this.count('ebcdic-brackets');
      }
    }
    // A line inside a text-mode dialog's frame (whiptail, dialog: `│ [FAILED] Unknown install state │`): the frame
    // comes off, and the padding inside it.
    const f0 = text.charCodeAt(0);
    if ((f0 === 0x2502 || f0 === 0x2551) && text.length > 2) {
      const end = text.trimEnd();
      if (end.length > 2 && end.charCodeAt(end.length - 1) === f0) {
        text = end.slice(1, -1).trim();
        this.count('dialog-frame');
      }
    }
    // A line a person emphasised in Markdown (`**Start operation timed out.**`): the stars come off.
    if (text.includes('**')) {
      const b = MARKDOWN_BOLD.exec(text);
      if (b !== null) {
        text = text.slice(0, b.index) + b[1]! + text.slice(b.index + b[0].length);
        this.count('markdown-bold');
      }
    }
    // (Or a whole line put between double angle brackets to point at it, `<<invalid extent block>>`: no console
    // prints a line so.)
    else if (text.charCodeAt(0) === 0x3c /* < */ && text.startsWith('<<') && ANGLE_EMPHASIS.test(text)) {
      text = text.slice(2, text.lastIndexOf('>>'));
      this.count('markdown-bold');
    }
    // A page converted to Markdown escaped the punctuation Markdown would read (`\* Starting udev`, `\[ ok \]`):
    // learned from a line that begins so (no console line begins with a backslash), then taken off every line.
    // (Only stars, brackets and hashes: a kernel's `\_SB_` is ACPI's own backslash.)
    if (text.includes('\\')) {
      if (!this.mdEscapes && MD_ESCAPED_START.test(text)) this.mdEscapes = true;
      const plain = this.mdEscapes ? text.replace(MD_ESCAPE_ALL, '$1') : text;
      if (plain !== text) {
        text = plain;
        this.count('markdown-escapes');
      }
    }
    // NixOS's test driver puts the machine's name before each console line (`machine # [    1.2] …`).
    const cv = text.charCodeAt(0);
    if (cv >= 0x61 && cv <= 0x7a && text.includes(' #')) {
      const m = VM_NAME_PREFIX.exec(text);
      if (m !== null) {
        const rest = text.slice(m[0].length);
        if (m[1] === this.vmName || rest === '' || rest.startsWith('<<< ') || (rest.charCodeAt(0) === 0x5b && isKernelStamp(rest))) {
          this.vmName = m[1]!;
          text = rest;
          this.count('vm-name');
        }
      }
    }
    // grep's file name before each line it found (`grep -r resolved /var/log`: `./syslog:Jun  7 14:59:07 host …`,
    // `/var/log/kern.log:123:[    2.01] …` with -n), learned from a line whose rest is a log's own line (a
    // syslog or ISO clock, a kernel stamp): taken off every line that carries it.
    if ((cv === 0x2e /* . */ || cv === 0x2f /* / */ || (cv >= 0x61 && cv <= 0x7a)) && (this.grepPath === null ? text.indexOf(':') > 0 : text.startsWith(this.grepPath))) {
      const m = GREP_PREFIX.exec(text);
      if (m !== null) {
        const rest = text.slice(m[0].length);
        // (With -n, a log file's name and a line number, `console.log:1:SeaBIOS (version …)`, say it whatever the line.)
        // (Only a log's own name, not a source file's: a Go program's `daemon.go:247: started snapd/2.61.1` is its words.)
        const numbered = m[0].endsWith(':') && m[0].length > m[1]!.length + 2;
        if (m[1] === this.grepPath || (this.grepPath === null && (m[1]!.includes('/') || LOG_FILE_NAME.test(m[1]!)) && ((numbered && LOG_FILE_ONLY.test(m[1]!.slice(m[1]!.lastIndexOf('/') + 1))) || TS_PREFIX.test(rest) || ISO_PREFIX.test(rest) || (rest.charCodeAt(0) === 0x5b && isKernelStamp(rest))))) {
          this.grepPath = m[1]!;
          text = rest;
          this.count('grep-prefix');
        }
      }
    }
    // A harness's logging level before each line it passed on (Python's `%(levelname)s - %(message)s`: `DEBUG - vyos
    // login: vyos`): once seen, taken off every line that carries a level so.
    if (cv >= 0x41 && cv <= 0x57 && text.includes(' - ')) {
      const m = LEVEL_DASH.exec(text);
      // (Learned from a DEBUG or INFO line: a script's own `ERROR - …` keeps its word until a harness is seen.)
      if (m !== null && (this.levelDash || m[1] === 'DEBUG' || m[1] === 'INFO')) {
        this.levelDash = true;
        text = text.slice(m[0].length);
        this.count('vm-name');
      }
    }
    // A test harness's log label before each console line (QEMU's avocado tests: `console: [    0.000000] …`),
    // learned from a line whose rest is the kernel's: taken off every line that carries it.
    // (z/VM's console spool puts the virtual CPU's number first: `00: [   39.17] dasd-eckd …`, `01: …`.)
    if (((cv >= 0x61 && cv <= 0x7a) || (cv >= 0x30 && cv <= 0x39)) && text.includes(': ')) {
      const m = LABEL_PREFIX.exec(text);
      if (m !== null) {
        const rest = text.slice(m[0].length);
        const label = m[1]!.length === 2 && cv <= 0x39 ? '##' : m[1]!;
        if (label === this.labelName || (this.labelName === null && !JOURNAL_WORDS.has(label) && rest.charCodeAt(0) === 0x5b && isKernelStamp(rest))) {
          this.labelName = label;
          text = rest;
          this.count('vm-name');
        }
      }
    }
    // Escapes whose ESC byte was lost, or written as text: one pass over the line's `[`s says which.
    const kinds = escapeKinds(text);
    if (kinds !== 0) {
      if (kinds & CARET) {
        const t = text.replace(CARET_ESC, '');
        if (t !== text) {
          text = t;
          this.count('caret-escapes');
        }
      }
      if (kinds & WEB) {
        const t = text.replace(WEB_ESC, '');
        if (t !== text) {
          text = t;
          this.count('web-escapes');
        }
      }
      if (kinds & BBCODE) {
        const t = text.replace(BBCODE_TAG, '');
        if (t !== text) {
          text = t;
          this.count('forum-markup');
        }
      }
      if (kinds & BARE) {
        // (A copy that shows the ESC byte as `.`, as a hex dump's text column and some viewers do:
        // `[.[0;1;31mFAILED.[0m] Failed to start .[0;1;39mLoad Kernel Modules.[0m.`: every escape of the
        // line behind a dot, the dots go too.)
        const all = text.match(BARE_ESC)?.length ?? 0;
        const dotted = all >= 2 ? (text.match(DOT_ESC)?.length ?? 0) : 0;
        const t = (dotted === all && all >= 2 ? text.replace(DOT_ESC, '') : text).replace(BARE_ESC, '');
        if (t !== text && looksLikeConsoleAfter(t)) {
          text = t;
          this.count('bare-escapes');
        }
      }
    }
    // A paste whose `^M` (a CR in caret notation) lost its caret: each line ends in an `M` after its own
    // last character (`[  OK  ] Finished Set console font and keymap.M`, `cloud-init[581]: Traceback (most
    // recent call last):M`). An `M` after a full stop, a bracket or a colon is one; once two lines in a row
    // ended so, so is any final `M` while the lines go on ending in one.
    text = this.lostCaret(text);
    text = this.breakTag(text);
    // A whole paste indented as a code block (reStructuredText, Markdown, a forum): its first line sets
    // the indent, taken off every line after it until a line with less (the paste ended).
    if (this.pasteIndent === null && text.trim() !== '') {
      const n = text.length - text.trimStart().length;
      this.pasteIndent = n >= 2 && n <= 8 && text.slice(0, n) === ' '.repeat(n) ? n : 0;
    }
    if (this.pasteIndent !== null && this.pasteIndent > 0 && text !== '') {
      const n = this.pasteIndent;
      if (text.length > n && text.startsWith(' '.repeat(n))) {
        text = text.slice(n);
        this.count('indented');
      } else if (text.trim() !== '') this.pasteIndent = 0;
    }
    // A paste indented as a Markdown code block or by a forum: status and kernel lines begin at `[`.
    if (text.charCodeAt(0) === 0x20 || text.charCodeAt(0) === 0x09) {
      const trimmed = text.trimStart();
      if (trimmed.charCodeAt(0) === 0x5b && text.length - trimmed.length <= 8 && /^\[(?:\s{0,3}(?:OK|FAILED|DEPEND|TIME|ASSERT|UNSUPP|INFO|ONCE|!!)\s{0,3}\]|\s*\d+\.\d+\])/.test(trimmed)) {
        text = trimmed;
        this.count('indented');
      }
    }
    return text;
  }

  private lavaMessage(line: string): string {
    const msg = lavaMessage(line);
    if (msg === null) {
      this.counters.droppedLines++;
      return '';
    }
    const text = consoleText(msg);
    return text.startsWith('- ') ? text : this.unwrap(text);
  }
}

/** The target's text of a LAVA record, or null for the dispatcher's own records. */
function lavaMessage(line: string): string | null {
    let level = '';
    let msg: unknown = null;
    try {
      const rec = JSON.parse(line.slice(2)) as { lvl?: unknown; msg?: unknown };
      level = typeof rec.lvl === 'string' ? rec.lvl : '';
      msg = rec.msg;
    } catch {
      const m = /"lvl":\s*"(\w+)",\s*"msg":\s*"((?:[^"\\]|\\.)*)"/.exec(line);
      if (m) {
        level = m[1]!;
        try {
          msg = JSON.parse(`"${m[2]!}"`);
        } catch {
          msg = m[2]!;
        }
      }
    }
    if ((level !== 'target' && level !== 'feedback') || typeof msg !== 'string') return null;
    return msg;
}

/** What a terminal would show for a message that kept its control bytes (LAVA keeps them). */
function consoleText(msg: string): string {
  // eslint-disable-next-line no-control-regex
  let t = msg.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-B]|\x1b[@-Z\\-_]/g, '');
  t = t.replace(/\r+$/, '');
  const cr = t.lastIndexOf('\r');
  if (cr >= 0) t = t.slice(cr + 1);
  // eslint-disable-next-line no-control-regex
  return t.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

const CARET = 1;
const WEB = 2;
const BARE = 4;
const BBCODE = 8;
/** Forum software's auto-links, kept as markup by an archive (`[email]systemd-fsck@…servic[/email]e`,
 *  `[url]http://…[/url]`): the tags come off, the text between stays. */
// (And its formatting, where a poster coloured a line: `[COLOR=#ff0000]Timed out waiting for device …[/COLOR]`.)
const BBCODE_TAG = /\[\/?(?:email|url|color|size|font|highlight|b|i|u)(?:=[^\]\s]{1,200})?\]/gi;
/** A forum tag's start after `[`: a closing tag, or a formatting tag with its value. */
const BBCODE_START = /^(?:\/(?:email|url|color|size|font|highlight|b|i|u)\]|(?:email|url)[\]=]|(?:color|size|font|highlight)=[^\]\s]{1,40}\])/i;

/** Which kinds of textual escape a line may hold, from the characters around each `[` (0: none). */
function escapeKinds(text: string): number {
  let kinds = 0;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (prev === 0x5e /* ^ */) kinds |= CARET;
    else if (prev === 0x241b || prev === 0x65 /* e */ || prev === 0x33 /* 3 */ || prev === 0x62 /* b */ || prev === 0x42 /* B */ || (prev === 0x43 /* C */ && text.startsWith('ES', i - 3))) kinds |= WEB;
    const next = text.charCodeAt(i + 1);
    if ((next === 0x2f /* / */ || next === 0x65 /* e */ || next === 0x75 /* u */ || next === 0x63 /* c */ || next === 0x43 /* C */ || next === 0x73 /* s */ || next === 0x53 /* S */ || next === 0x66 /* f */ || next === 0x46 /* F */ || next === 0x68 /* h */ || next === 0x48) /* H */ && BBCODE_START.test(text.slice(i + 1, i + 64))) kinds |= BBCODE;
    if (next === 0x6d /* m */ || next === 0x4b /* K */) {
      // `[m` / `[K` alone, not the start of a word (`[mem 0x…]`).
      const after = text.charCodeAt(i + 2);
      if (!((after >= 0x41 && after <= 0x5a) || (after >= 0x61 && after <= 0x7a))) kinds |= BARE;
    }
    else if (next >= 0x30 && next <= 0x39) {
      // `[0;1;31m`: digits and semicolons, then m or K.
      let j = i + 2;
      while (j < text.length && j < i + 18) {
        const c = text.charCodeAt(j);
        if ((c >= 0x30 && c <= 0x39) || c === 0x3b) j++;
        else break;
      }
      const end = text.charCodeAt(j);
      if (end === 0x6d || end === 0x4b) kinds |= BARE;
    }
  }
  return kinds;
}

/** A status line's marker (`[FAILED]`, `[  OK  ]`, `[DEPEND]`, `[ TIME ]`): a line that may have been wrapped. */
/** A start job's spinner frame, its stars in any phase (`[   ***] A start job is running for …`). */
const SPINNER_FRAME = /^\[(?! {6})[ *]{6}\] /;
const STATUS_OPEN = /^\[(?:FAILED|DEPEND| TIME |  OK  |(?! {6})[ *]{6}|UNSUPP| SKIP |ASSERT| INFO )\] /;

/** The length of a line's first word (to its first space). */
function firstWordLength(text: string): number {
  const sp = text.indexOf(' ');
  return sp < 0 ? text.length : sp;
}

/** A unit's audit record (SERVICE_START, SERVICE_STOP) not yet at its result (`res=success'`, `res=failed'`). */
const AUDIT_UNIT_RECORD = /audit: type=113[01] audit\(|\bSERVICE_(?:START|STOP) pid=/;
function auditRecordOpen(text: string): boolean {
  return text.includes('audit') && AUDIT_UNIT_RECORD.test(text) && !/\bres=\w+'?\s*$/.test(text);
}

/** A journal line ending in one space (not the padding of a terminal's width, not a full stop's): cut there. */
function journalFlowed(text: string): boolean {
  const n = text.length;
  return text.charCodeAt(n - 1) === 0x20 && text.charCodeAt(n - 2) !== 0x20 && text.charCodeAt(n - 2) !== 0x2e /* . */;
}

/** A line that ends as format=flowed's soft break does: one space, at the width mail clients wrap at. */
function flowedCut(text: string): boolean {
  const n = text.length;
  return n >= 60 && n <= 100 && text.charCodeAt(n - 1) === 0x20 && text.charCodeAt(n - 2) !== 0x20;
}

/** `[    1.234567]` or `[12345.678901]` at the start (or `dmesg -T`'s time). */
function isKernelStamp(text: string): boolean {
  // (A page or mail may have put no-break spaces in the stamp's padding, `[\u00a0 \u00a0 0.000000]`: the
  // classifier reads them as spaces, and so does this.)
  // (Or `dmesg -T`'s wall clock in its place: `[Sat Jun  1 13:18:54 2019] BTRFS critical (device md127): unable to`.)
  return kernelStampAt(text, 0) || (text.charCodeAt(1) === 0xa0 && kernelStampAt(text.slice(0, 20).replace(/\u00a0/g, ' '), 0)) || parseDmesgTime(text) > 0;
}

function looksTimestamped(text: string, at: number): boolean {
  const d = (i: number): boolean => {
    const c = text.charCodeAt(at + i);
    return c >= 0x30 && c <= 0x39;
  };
  if (!d(0) || !d(1)) return false;
  return (d(2) && d(3) && text.charCodeAt(at + 4) === 0x2d) || text.charCodeAt(at + 2) === 0x3a;
}

/** Taking the `[0;31m` pieces out left a status line or ordinary text, not a mangled kernel prefix. */
function looksLikeConsoleAfter(t: string): boolean {
  return !/^\s*$/.test(t);
}

/** `¬` back to `[`, and the first `|` after each (before another `¬`) back to `]`. */
function ebcdicBrackets(text: string): string {
  let out = '';
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\u00ac') {
      out += '[';
      open++;
    } else if (c === '|' && open > 0) {
      out += ']';
      open--;
    } else out += c;
  }
  return out;
}

export interface JournalJsonEntry {
  boot: string | null;
  lines: string[];
}

/** A field of a `journalctl -o json-pretty` entry: a tab (spaces, once a terminal expanded it), its name quoted,
 *  ` : `, its value. */
const PRETTY_FIELD = /^(?:\t| {2,8})"[A-Z_][A-Z0-9_]*" : /;
const PRETTY_MESSAGE = /^(?:\t| {2,8})"MESSAGE" : /;
/** The most lines one json-pretty entry is held for (an entry has a few dozen fields). */
const MAX_PRETTY_LINES = 400;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UTF8 = new TextDecoder();

/** A journal entry as `journalctl -o json` writes it (its fields as strings; a message that is not UTF-8 as an
 *  array of bytes), or null. The time is shown in UTC: the entry does not say the machine's zone. */
export function journalJson(text: string): JournalJsonEntry | null {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return null;
  const f = o as Record<string, unknown>;
  const str = (k: string): string | null => (typeof f[k] === 'string' ? (f[k] as string) : null);
  const raw = f['MESSAGE'];
  const message = typeof raw === 'string' ? raw : Array.isArray(raw) && raw.every((b) => typeof b === 'number') ? UTF8.decode(Uint8Array.from(raw as number[])) : null;
  const us = Number(str('__REALTIME_TIMESTAMP'));
  if (message === null || !Number.isFinite(us)) return null;
  const d = new Date(us / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  const time = `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const host = str('_HOSTNAME') ?? 'localhost';
  // (As journalctl names them: PID 1 writing to the kernel's log while journald is away, at a soft-reboot, is
  // still `systemd[1]` by its SYSLOG_IDENTIFIER and SYSLOG_PID; the kernel's own entries have neither.)
  const ident = str('SYSLOG_IDENTIFIER') ?? str('_COMM') ?? (str('_TRANSPORT') === 'kernel' ? 'kernel' : 'unknown');
  const pid = str('_PID') ?? str('SYSLOG_PID');
  const head = `${time} ${host} ${ident}${pid !== null ? `[${pid}]` : ''}: `;
  return { boot: str('_BOOT_ID'), lines: message.split('\n').map((l) => head + l) };
}
