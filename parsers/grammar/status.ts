/**
 * systemd's status lines (`[  OK  ] Started …`, `[FAILED] …`, the start-job spinner) and the messages
 * PID 1 writes, as data: one row per message, from systemd's job.c, mount.c, swap.c, device.c, … .
 */

/** `!!!!!!`: PID 1 itself failed and freezes or exits (`[!!!!!!] Failed to mount API filesystems.`). */
export type StatusWord = 'OK' | 'FAILED' | 'DEPEND' | 'TIME' | 'ASSERT' | 'UNSUPP' | 'INFO' | 'ONCE' | 'SKIP' | '!!' | '!!!!!!' | '';

export type Verb =
  | 'start-begin'
  | 'started'
  | 'start-failed'
  | 'dependency-failed'
  | 'start-timeout'
  | 'assert-failed'
  | 'unsupported'
  | 'once'
  | 'stop-begin'
  | 'stopped'
  | 'stop-failed'
  | 'stop-timeout'
  | 'finished'
  | 'reached-target'
  | 'stopped-target'
  | 'mount-begin'
  | 'mounted'
  | 'mount-failed'
  | 'mount-timeout'
  | 'unmount-begin'
  | 'unmounted'
  | 'unmount-failed'
  | 'swap-begin'
  | 'swap-activated'
  | 'swap-failed'
  | 'swapoff-begin'
  | 'swap-deactivated'
  | 'swapoff-failed'
  | 'device-expect'
  | 'device-found'
  | 'device-timeout'
  | 'listening'
  | 'listen-failed'
  | 'automount-failed'
  | 'created-slice'
  | 'automount'
  | 'skipped'
  | 'cycle-skipped'
  | 'not-active'
  | 'see-status';

export type Severity = 'primary' | 'dependency' | 'progress' | 'done';

/** How a message counts: a failure of its own, a failure caused by another, or ordinary progress. */
export const VERB_SEVERITY: Readonly<Record<Verb, Severity>> = {
  'start-begin': 'progress',
  started: 'done',
  'start-failed': 'primary',
  'dependency-failed': 'dependency',
  'start-timeout': 'primary',
  'assert-failed': 'primary',
  unsupported: 'primary',
  once: 'primary',
  'stop-begin': 'progress',
  stopped: 'done',
  'stop-failed': 'primary',
  'stop-timeout': 'primary',
  finished: 'done',
  'reached-target': 'done',
  'stopped-target': 'done',
  'mount-begin': 'progress',
  mounted: 'done',
  'mount-failed': 'primary',
  'mount-timeout': 'primary',
  'unmount-begin': 'progress',
  unmounted: 'done',
  'unmount-failed': 'primary',
  'swap-begin': 'progress',
  'swap-activated': 'done',
  'swap-failed': 'primary',
  'swapoff-begin': 'progress',
  'swap-deactivated': 'done',
  'swapoff-failed': 'primary',
  'device-expect': 'progress',
  'device-found': 'done',
  'device-timeout': 'primary',
  listening: 'done',
  'automount-failed': 'primary',
  'listen-failed': 'primary',
  'created-slice': 'done',
  automount: 'done',
  skipped: 'done',
  // (systemd deleted the unit's start job to break an ordering cycle: it never runs.)
  'cycle-skipped': 'primary',
  // (Alone it breaks nothing; the [DEPEND]s of units that required it follow it.)
  'not-active': 'progress',
  'see-status': 'progress',
};

export type FailureKind = 'failed' | 'timeout' | 'dependency' | 'assert' | 'unsupported' | 'once' | 'skipped';

export const VERB_FAILURE: Partial<Record<Verb, FailureKind>> = {
  'start-failed': 'failed',
  'dependency-failed': 'dependency',
  'start-timeout': 'timeout',
  'assert-failed': 'assert',
  unsupported: 'unsupported',
  once: 'once',
  'cycle-skipped': 'skipped',
  'stop-failed': 'failed',
  'stop-timeout': 'timeout',
  'mount-failed': 'failed',
  'mount-timeout': 'timeout',
  'unmount-failed': 'failed',
  'swap-failed': 'failed',
  'swapoff-failed': 'failed',
  'device-timeout': 'timeout',
  'listen-failed': 'failed',
  'automount-failed': 'failed',
};

interface MessageRow {
  verb: Verb;
  prefix: string;
  /** Accepted endings after the unit text; `...` and `…` are both printed depending on the locale. */
  suffixes: readonly string[];
  /** A message the row must read (test/rules.test.ts feeds it through the whole Analyzer). */
  example: string;
}

const DOTS = ['...', '…'] as const;
/** A status line ends with its full stop, or with systemd's `…` where it cut the line to the console's width
 *  (`Timed out waiting for device dev-disk-by\\x2duuid-…a0.device - /dev/disk/by-uuid/00065e8e-…`). */
const STOP = ['.', '…'] as const;

/** Longer prefixes first where one is the start of another. */
export const MESSAGES: readonly MessageRow[] = [
  { verb: 'dependency-failed', prefix: 'Dependency failed for ', suffixes: STOP, example: 'Dependency failed for Local File Systems.' },
  { verb: 'start-failed', prefix: 'Failed to start ', suffixes: STOP, example: 'Failed to start lab-broken.service - Lab service that fails.' },
  { verb: 'stop-failed', prefix: 'Failed to stop ', suffixes: STOP, example: 'Failed to stop Network Manager.' },
  { verb: 'mount-failed', prefix: 'Failed to mount ', suffixes: STOP, example: 'Failed to mount var.mount - /var.' },
  { verb: 'unmount-failed', prefix: 'Failed unmounting ', suffixes: STOP, example: 'Failed unmounting /var.' },
  { verb: 'swap-failed', prefix: 'Failed to activate swap ', suffixes: STOP, example: 'Failed to activate swap /dev/vdb2.' },
  { verb: 'listen-failed', prefix: 'Failed to listen on ', suffixes: STOP, example: 'Failed to listen on D-Bus System Message Bus Socket.' },
  { verb: 'automount-failed', prefix: 'Failed to set up automount ', suffixes: STOP, example: 'Failed to set up automount Arbitrary Executable File Formats File System Automount Point.' },
  { verb: 'start-timeout', prefix: 'Timed out starting ', suffixes: STOP, example: 'Timed out starting Lab slow service.' },
  { verb: 'stop-timeout', prefix: 'Timed out stopping ', suffixes: STOP, example: 'Timed out stopping Lab slow service.' },
  { verb: 'mount-timeout', prefix: 'Timed out mounting ', suffixes: STOP, example: 'Timed out mounting /mnt/nfs.' },
  { verb: 'device-timeout', prefix: 'Timed out waiting for device ', suffixes: STOP, example: 'Timed out waiting for device dev-disk-by\\x2dlabel-data.device - /dev/disk/by-label/data.' },
  { verb: 'assert-failed', prefix: 'Assertion failed for ', suffixes: STOP, example: 'Assertion failed for Lab asserted service.' },
  { verb: 'unsupported', prefix: 'Starting of ', suffixes: [' unsupported.', ' not supported.'], example: 'Starting of proc-sys-fs-binfmt_misc.automount unsupported.' },
  { verb: 'once', prefix: 'Unit ', suffixes: [' can only be started once.'], example: 'Unit lab-once.service can only be started once.' },
  // `[ SKIP ] Ordering cycle found, skipping Login Prompts` (no full stop): PID 1 deleted the unit's start job.
  { verb: 'cycle-skipped', prefix: 'Ordering cycle found, skipping ', suffixes: [''], example: 'Ordering cycle found, skipping Login Prompts' },
  { verb: 'skipped', prefix: 'Condition check resulted in ', suffixes: [' being skipped.'], example: 'Condition check resulted in Load Kernel Modules being skipped.' },
  // `[ INFO ] X is not active.`: a unit required with Requisite= was not running, so the start jobs that
  // required it fail with [DEPEND] right after (systemd before v233 printed it; the message has no prefix).
  { verb: 'not-active', prefix: '', suffixes: [' is not active.'], example: 'ABRT Automated Bug Reporting Tool is not active.' },
  { verb: 'start-begin', prefix: 'Starting ', suffixes: DOTS, example: 'Starting systemd-udevd.service - Rule-based Manager for Device Events and Files...' },
  { verb: 'stop-begin', prefix: 'Stopping ', suffixes: DOTS, example: 'Stopping Network Manager...' },
  { verb: 'stopped-target', prefix: 'Stopped target ', suffixes: STOP, example: 'Stopped target Multi-User System.' },
  { verb: 'stop-failed', prefix: 'Stopped ', suffixes: [' with error.'], example: 'Stopped lab-broken.service with error.' },
  { verb: 'stopped', prefix: 'Stopped ', suffixes: STOP, example: 'Stopped Network Manager.' },
  { verb: 'started', prefix: 'Started ', suffixes: STOP, example: 'Started Journal Service.' },
  { verb: 'finished', prefix: 'Finished ', suffixes: STOP, example: 'Finished Load Kernel Modules.' },
  { verb: 'reached-target', prefix: 'Reached target ', suffixes: STOP, example: 'Reached target Local File Systems.' },
  { verb: 'mount-begin', prefix: 'Mounting ', suffixes: DOTS, example: 'Mounting /var...' },
  { verb: 'mounted', prefix: 'Mounted ', suffixes: STOP, example: 'Mounted boot.mount - /boot.' },
  { verb: 'unmount-begin', prefix: 'Unmounting ', suffixes: DOTS, example: 'Unmounting /var...' },
  { verb: 'unmounted', prefix: 'Unmounted ', suffixes: STOP, example: 'Unmounted /var.' },
  { verb: 'swap-begin', prefix: 'Activating swap ', suffixes: DOTS, example: 'Activating swap /dev/vdb2...' },
  { verb: 'swap-activated', prefix: 'Activated swap ', suffixes: STOP, example: 'Activated swap /dev/vdb2.' },
  { verb: 'swapoff-begin', prefix: 'Deactivating swap ', suffixes: DOTS, example: 'Deactivating swap /dev/vdb2...' },
  { verb: 'swap-deactivated', prefix: 'Deactivated swap ', suffixes: STOP, example: 'Deactivated swap /dev/vdb2.' },
  { verb: 'swapoff-failed', prefix: 'Failed deactivating swap ', suffixes: STOP, example: 'Failed deactivating swap /dev/vdb2.' },
  { verb: 'device-expect', prefix: 'Expecting device ', suffixes: DOTS, example: 'Expecting device /dev/ttyS0...' },
  { verb: 'device-found', prefix: 'Found device ', suffixes: STOP, example: 'Found device /dev/ttyS0.' },
  { verb: 'listening', prefix: 'Listening on ', suffixes: STOP, example: 'Listening on Journal Socket.' },
  { verb: 'created-slice', prefix: 'Created slice ', suffixes: STOP, example: 'Created slice Slice /system/getty.' },
  { verb: 'automount', prefix: 'Set up automount ', suffixes: STOP, example: 'Set up automount Arbitrary Executable File Formats File System Automount Point.' },
];

export interface StatusMessage {
  verb: Verb;
  /** The unit text between the message's words (name, description or both; maybe ellipsized). */
  unitText: string;
}

// (Another writer's text may follow at once: `… for details.systemd[1]: Stopped …`.)
// (A web page or a word processor curls the quotes: `See ‘systemctl status foo.service’ for details.`)
const SEE_STATUS = /^See [`'"‘“]?systemctl (?:status )?(\S+?)[`'"’”]? for details(?:\.?$|\.(?=\S))/;

/** Matches a systemd message such as `Failed to mount var.mount - /var.`. */
/** The rows by the first letter of their prefix, so a message is checked against few. */
const BY_FIRST = new Map<string, MessageRow[]>();
/** Rows whose message has no words before the unit: tried on every message. */
const NO_PREFIX = MESSAGES.filter((row) => row.prefix === '');
for (const row of MESSAGES) {
  if (row.prefix === '') continue;
  const first = row.prefix[0]!;
  const list = BY_FIRST.get(first) ?? [];
  list.push(row);
  BY_FIRST.set(first, list);
}

/** The same rows by the code of their first character (this runs on every status line). */
const BY_CODE: Array<MessageRow[] | undefined> = [];
for (const [first, rows] of BY_FIRST) BY_CODE[first.charCodeAt(0)] = rows;

// What a spinner's line left at the end of a shorter status line written over it, where the erase to the
// line's end was lost (`Timed out waiting for device /dev/vdb. (9s / 10s)`): its times, after the period.
const SPINNER_TAIL = /\.\s+(?:\S{1,3}\s+)?\([^()/]{1,20} \/ [^()/]{1,20}\)\s*$/;

export function parseStatusMessage(message: string): StatusMessage | null {
  if (message.charCodeAt(message.length - 1) === 0x29 /* ) */ && message.includes(' / ')) {
    const tail = SPINNER_TAIL.exec(message);
    if (tail !== null) message = message.slice(0, tail.index + 1);
  }
  const rows = BY_CODE[message.charCodeAt(0)];
  const last = message.charCodeAt(message.length - 1);
  if (last === 0x2e /* . */) {
    for (const row of NO_PREFIX) {
      const suffix = row.suffixes[0]!;
      if (message.endsWith(suffix) && message.length > suffix.length && NOT_BLANK.test(message.slice(0, -suffix.length))) return { verb: row.verb, unitText: message.slice(0, -suffix.length) };
    }
  }
  if (rows === undefined) return null;
  const text = last === 0x2e /* . */ || last === 0x2026 /* … */ ? message : message.trimEnd();
  if (text.startsWith('See ')) {
    const see = SEE_STATUS.exec(text);
    if (see === null) return null;
    // systemd quotes a name that holds a backslash as a shell would (`"systemd-fsck@dev-mapper-vg\\x2dhome.service"`,
    // its backslash doubled by newer versions).
    const quoted = /^["“](.+)["”]$/.exec(see[1]!);
    return { verb: 'see-status', unitText: quoted ? quoted[1]!.replace(/\\\\/g, '\\') : see[1]! };
  }
  for (const row of rows) {
    if (!text.startsWith(row.prefix)) continue;
    for (const suffix of row.suffixes) {
      if (suffix !== '' && !text.endsWith(suffix)) continue;
      // (A line systemd cut keeps its `…`: the unit's text is ellipsized, as in a name cut in the middle.)
      const unitText = text.slice(row.prefix.length, text.length - (suffix === '…' ? 0 : suffix.length));
      if (!NOT_BLANK.test(unitText)) continue;
      return { verb: row.verb, unitText };
    }
  }
  return null;
}

// `[  OK  ] `, `[FAILED] `, `[ TIME ] `, `[DEPEND] `; web copies collapse spaces: `[ OK ] `.
const STATUS = /^\[\s{0,3}(OK|FAILED|DEPEND|TIME|ASSERT|UNSUPP|INFO|ONCE|SKIP|!!!!!!|!!)\s{0,3}\]\s?/;

export interface StatusLine {
  word: StatusWord;
  message: string;
}

const WORDS = new Set(['OK', 'FAILED', 'DEPEND', 'TIME', 'ASSERT', 'UNSUPP', 'INFO', 'ONCE', 'SKIP', '!!', '!!!!!!']);
/** The words as systemd pads them to six columns. */
const PADDED: ReadonlyArray<readonly [string, StatusWord]> = [['  OK  ', 'OK'], ['FAILED', 'FAILED'], ['DEPEND', 'DEPEND'], [' TIME ', 'TIME'], ['ASSERT', 'ASSERT'], ['UNSUPP', 'UNSUPP'], [' INFO ', 'INFO'], [' ONCE ', 'ONCE'], [' SKIP ', 'SKIP'], ['!!!!!!', '!!!!!!']];
const NOT_BLANK = /\S/;
const TITLE_CASE_WORD = /^(?:Ok|Failed|Depend|Time)$/;

/** A photo of the screen read by OCR: the closing bracket came out as `1`, `J`, `j`, `l` or `|`
 *  (`[ TIME 1 Timed out waiting for device …`, `[ OK J Stopped …`). */
const OCR_STATUS = /^\[\s{0,3}(OK|FAILED|DEPEND|TIME)\s{1,3}[1Jjl|I]\s(.+?)[,;]?$/;

function ocrStatusLine(text: string): StatusLine | null {
  const m = OCR_STATUS.exec(text);
  if (m === null || parseStatusMessage(m[2]!.endsWith('.') ? m[2]! : m[2]! + '.') === null) return null;
  return { word: m[1] as StatusWord, message: m[2]!.endsWith('.') ? m[2]! : m[2]! + '.' };
}

export function parseStatusLine(text: string): StatusLine | null {
  if (text.charCodeAt(0) !== 0x5b /* [ */) return null;
  // `[` up to 3 spaces, the word, up to 3 spaces, `]`: checked by hand, this runs on every line.
  const close = text.indexOf(']', 2);
  if (close < 0 || close > 13) return ocrStatusLine(text);
  // systemd's own padding, by far the most common: no regular expression needed.
  if (close === 7) {
    for (const [inner, word] of PADDED) if (text.startsWith(inner, 1)) return { word, message: text.slice(8).trim() };
  }
  const inner = text.slice(1, close);
  let word = inner.trim();
  if (!WORDS.has(word)) {
    // A screen retyped by hand: `[Failed] Failed to mount /boot`, `[Ok]`.
    if (!TITLE_CASE_WORD.test(word) || !WORDS.has(word.toUpperCase())) return null;
    word = word.toUpperCase();
    return { word: word as StatusWord, message: text.slice(close + 1).trim() };
  }
  // systemd pads INFO (`[ INFO ]`; a copy may collapse that to one space): `[INFO]` is firmware's own
  // log level (EDK II, Patina, TF-A). (People who retype a screen write `[TIME]`, `[OK]`: those stay.)
  if (word === 'INFO' && inner === word) return null;
  const m = STATUS.exec(text);
  if (m === null) return null;
  return { word: word as StatusWord, message: text.slice(m[0].length).trim() };
}

export interface Spinner {
  op: 'start' | 'stop';
  unitText: string;
  /** Seconds, or null when unreadable. */
  elapsed: number | null;
  /** Seconds; null for `no limit`. */
  limit: number | null;
  elapsedText: string;
  limitText: string;
}

// `[***   ] Job var.mount/start running (8s / 1min 30s)` or
// `[  *** ] (2 of 3) A start job is running for /dev/disk/by-uuid/… (12s / 1min 30s)`.
const SPINNER = /^\[[ *]{1,8}\]\s+(?:\(\d+ of \d+\)\s+)?(?:A (start|stop) job is running for ?(.+) \(([^()/]+) \/ ([^()/]+)\)|Job (\S+)\/(start|stop|\w+) running \(([^()/]+) \/ ([^()/]+)\))\s*$/;

// The whole line cut in its middle to the console's width (systemd ellipsizes a status line at 50%):
// `[    **] A start job is running for LSB: Raise network interf...10s / no limit)`, the ` (` lost with
// the middle. The `…` becomes `...` where the console had no UTF-8.
const SPINNER_CUT = /^\[[ *]{1,8}\]\s+(?:\(\d+ of \d+\)\s+)?A (start|stop) job is running for ?(.+?)(?:\.\.\.|…)([^()/]*) \/ ([^()/]+)\)\s*$/;

// A frame whose bytes were lost on the line, taking the job's `/start` with them (`Job
// systemd-networkd-wait-online.se\ufffdtart running (1min 10s / no limit)`): the name as far as it is whole.
const SPINNER_DAMAGED = /^\[[ *]{1,8}\]\s+(?:\(\d+ of \d+\)\s+)?Job ([^\s\ufffd]{8,})\ufffd\S* running \(([^()/]+) \/ ([^()/]+)\)\s*$/;

export function parseSpinner(text: string): Spinner | null {
  if (text.charCodeAt(0) !== 0x5b || !text.includes('running')) return null;
  const m = SPINNER.exec(text);
  if (m === null) {
    const cut = SPINNER_CUT.exec(text);
    if (cut === null) {
      const d = text.includes('\ufffd') ? SPINNER_DAMAGED.exec(text) : null;
      if (d === null) return null;
      const elapsedText = d[2]!.trim();
      const limitText = d[3]!.trim();
      return { op: 'start', unitText: `${d[1]!}…`, elapsed: parseTimespan(elapsedText), limit: parseTimespan(limitText), elapsedText, limitText };
    }
    const elapsedText = cut[3]!.trim();
    const limitText = cut[4]!.trim();
    return { op: cut[1] === 'stop' ? 'stop' : 'start', unitText: `${cut[2]!}…`, elapsed: parseTimespan(elapsedText), limit: parseTimespan(limitText), elapsedText, limitText };
  }
  const op = ((m[1] ?? m[6]) === 'stop' ? 'stop' : 'start') as 'start' | 'stop';
  const unitText = (m[2] ?? m[5])!;
  const elapsedText = (m[3] ?? m[7])!.trim();
  const limitText = (m[4] ?? m[8])!.trim();
  return { op, unitText, elapsed: parseTimespan(elapsedText), limit: parseTimespan(limitText), elapsedText, limitText };
}

const SPAN_UNITS: Readonly<Record<string, number>> = { us: 1e-6, ms: 1e-3, s: 1, min: 60, h: 3600, d: 86400, w: 604800 };

/** `1min 30s` → 90; `no limit` and unreadable text → null. */
export function parseTimespan(text: string): number | null {
  const re = /(\d+(?:\.\d+)?)\s*(us|ms|min|s|h|d|w)\b/g;
  let total = 0;
  let any = false;
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * SPAN_UNITS[m[2]!]!;
    any = true;
  }
  return any ? total : null;
}
