/**
 * Spliced status lines: two writers on one console cut each other mid-token. systemd's status word and
 * its message survive on either side of the other writer's text:
 *   `[FAILEDsystemd[1]: Stopped target Timers.] Failed to start Integrity Setup for /dev/mapper/root.`
 *   `[DEPEND[1]: Reached target Slices.] Dependency failed for /dev/mapper/root.`
 *   `Scanning: 12.5% TIME ] Timed out waiting for device dev-disk-by\x2dlabel-data.device.`
 * A message is recovered only when its text parses whole and its status word fits its verb.
 */
import { parseStatusMessage, type StatusMessage, type StatusWord, type Verb } from './status.js';
import { codeAt } from './kernel.js';

export interface SplicedStatus {
  /** The other writer's text (before the recovered message). */
  before: string;
  word: StatusWord;
  message: string;
  msg: StatusMessage;
  /** The line as the report quotes it. */
  shown: string;
}

const WORD_AT_START = /^\[\s{0,3}(OK|FAILED|DEPEND|TIME|ASSERT|UNSUPP)(?!\s{0,3}\])/;
const WORD_CLOSE = /(OK|FAILED|DEPEND|TIME|ASSERT|UNSUPP)\s{0,3}\] /g;
const FAILURE_WORDS = new Set(['FAILED', 'DEPEND', 'TIME']);

const FITS: Readonly<Record<string, ReadonlySet<Verb>>> = {
  FAILED: new Set(['start-failed', 'stop-failed', 'mount-failed', 'unmount-failed', 'swap-failed', 'swapoff-failed', 'listen-failed', 'automount-failed']),
  DEPEND: new Set(['dependency-failed']),
  TIME: new Set(['start-timeout', 'stop-timeout', 'mount-timeout', 'device-timeout']),
  OK: new Set(['started', 'stopped', 'finished', 'reached-target', 'stopped-target', 'mounted', 'unmounted', 'swap-activated', 'swap-deactivated', 'device-found', 'listening', 'created-slice', 'automount']),
  ASSERT: new Set(['assert-failed']),
  UNSUPP: new Set(['unsupported']),
  SKIP: new Set(['cycle-skipped']),
};

function recover(word: string, rest: string): StatusMessage | null {
  const msg = parseStatusMessage(rest.trim());
  return msg !== null && FITS[word]?.has(msg.verb) === true ? msg : null;
}

/** The status message inside a spliced line; 'lost' when a failure word is there but its text is not. */
export function findSplicedStatus(text: string): SplicedStatus | 'lost' | null {
  if (!text.includes('] ')) return text.includes('   ') ? unbracketed(text) : null;
  const start = WORD_AT_START.exec(text);
  if (start) {
    const word = start[1]!;
    for (let i = text.indexOf('] ', start[0].length); i >= 0; i = text.indexOf('] ', i + 1)) {
      const rest = text.slice(i + 2);
      const msg = recover(word, rest);
      if (msg) {
        return { before: text.slice(start[0].length, i), word: word as StatusWord, message: rest.trim(), msg, shown: text };
      }
    }
    return FAILURE_WORDS.has(word) ? 'lost' : null;
  }
  let lost = false;
  WORD_CLOSE.lastIndex = 0;
  for (let m = WORD_CLOSE.exec(text); m !== null; m = WORD_CLOSE.exec(text)) {
    if (m.index < 4 && text.charCodeAt(0) === 0x5b) continue; // an ordinary status line
    const prev = m.index > 0 ? text.charCodeAt(m.index - 1) : 0x20;
    if ((prev >= 0x41 && prev <= 0x5a) || (prev >= 0x61 && prev <= 0x7a)) continue; // inside a word
    // Someone quoting a status line (`the cause is "[FAILED] Failed to mount …"`) is no second writer.
    const open = text.slice(0, m.index).replace(/\[\s{0,3}$/, '');
    if (/["'`“‘]$/.test(open)) continue;
    const word = m[1]!;
    const rest = text.slice(m.index + m[0].length);
    const msg = recover(word, rest);
    if (msg) {
      const before = text.slice(0, m.index).replace(/\[\s{0,3}$/, '');
      return { before, word: word as StatusWord, message: rest.trim(), msg, shown: text.slice(before.length) };
    }
    if (FAILURE_WORDS.has(word) && /^[A-Z]/.test(rest)) lost = true;
  }
  return lost ? 'lost' : unbracketed(text);
}

/** `Checking: 048.9%         Starting Emergency Shell...`: an unbracketed job line after other output. */
function unbracketed(text: string): SplicedStatus | null {
  const job = UNBRACKETED_INSIDE.exec(text);
  if (job && job.index > 0) {
    const rest = text.slice(text.indexOf(job[1]!, job.index));
    const msg = parseStatusMessage(rest.trim());
    if (msg !== null && msg.verb.endsWith('-begin')) return { before: text.slice(0, job.index + 1), word: '', message: rest.trim(), msg, shown: text.slice(job.index + 1).trimStart() };
  }
  return null;
}

const UNBRACKETED_INSIDE = /\S\s{3,}((?:Starting|Stopping|Mounting|Unmounting) )\S/;

const EMBEDDED_WORD = /\[\s{0,3}(OK|FAILED|DEPEND|TIME|ASSERT|UNSUPP)\s{0,3}\] |\s{9}(?=(?:Starting|Stopping|Mounting|Unmounting) \S)/;

export interface EmbeddedStatus {
  /** The kernel message with the status line taken out (the two halves joined again). */
  message: string;
  word: StatusWord;
  status: string;
  msg: StatusMessage;
}

/**
 * A status line printed into the middle of a kernel message, as PID 1's console output and its kmsg
 * lines interleave when both go to one console: `s[FAILED] Failed to start X.ystemd[1]: …`. The status
 * message ends where the kernel message resumes: the cut is chosen so the two halves of the kernel
 * message join into one (`systemd[1]: …`), else at the end of the line.
 */
export function findEmbeddedStatus(message: string): EmbeddedStatus | null {
  const m = EMBEDDED_WORD.exec(message);
  if (m === null || m.index === 0) return null;
  const word = (m[1] ?? '') as StatusWord;
  const start = m.index + m[0].length;
  const head = message.slice(0, m.index);
  const body = message.slice(start);
  let fallback: EmbeddedStatus | null = null;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    let end = -1;
    if (ch === 0x2e /* . */) end = body.startsWith('...', i) ? i + 3 : i + 1;
    else if (ch === 0x2026 /* … */) end = i + 1;
    if (end < 0) continue;
    const status = body.slice(0, end);
    const msg = parseStatusMessage(status);
    if (msg === null || (word !== '' && FITS[word]?.has(msg.verb) !== true) || (word === '' && !msg.verb.endsWith('-begin'))) continue;
    const joined = head + body.slice(end);
    const found: EmbeddedStatus = { message: joined, word, status, msg };
    if (/^\S{0,40}\[\d{1,9}\]: /.test(joined) || end === body.length) return found;
    fallback ??= found;
    if (body.startsWith('...', i)) i += 2;
  }
  return fallback;
}

const HEAD_WORD = /^\[\s{0,3}(OK|FAILED|DEPEND|TIME)\s{0,3}(?=\[\s*\d+\.\d+\])/;
const TAIL_WORD = /(?:^|[^A-Za-z])(OK|FAILED|DEPEND|TIME)\s{0,3}$/;

/** The status word a line ends with when another writer's line end cut it from its `] ` (or null). */
export function tailStatusWord(text: string): StatusWord | null {
  // `[FAILED[    9.875659] WCN: …`: a kernel line cut in right after the status word and took the rest of
  // the line; the status's `] Failed to start …` comes on the next line.
  if (text.length > 6 && text.charCodeAt(0) === 0x5b /* [ */) {
    // (By hand first: every kernel line begins with `[`, then spaces and digits.)
    let i = 1;
    while (i < 4 && text.charCodeAt(i) === 0x20) i++;
    const w = text.charCodeAt(i);
    if (w === 0x4f /* O */ || w === 0x46 /* F */ || w === 0x44 /* D */ || w === 0x54 /* T */) {
      const h = HEAD_WORD.exec(text);
      if (h) return h[1] as StatusWord;
    }
  }
  const c = codeAt(text, text.length - 1);
  if (!(c === 0x20 || (c >= 0x41 && c <= 0x5a))) return null;
  const m = TAIL_WORD.exec(text);
  return m ? (m[1] as StatusWord) : null;
}

/** `] Dependency failed for /sysroot/usr.` after a line that ended with `DEPEND`. */
export function continuedStatus(word: StatusWord, text: string): { message: string; msg: StatusMessage } | null {
  const m = /^\s{0,3}\]\s(.+)$/.exec(text);
  if (m === null) return null;
  // (A photo read by OCR ends a message with `,` or `;` where the screen had `.`.)
  const said = m[1]!.trimEnd().replace(/[,;]$/, '.');
  const msg = recover(word, said);
  return msg ? { message: said, msg } : null;
}
