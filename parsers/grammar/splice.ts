/**
 * Spliced status lines: two writers on one console cut each other mid-token. systemd's status word and
 * its message survive on either side of the other writer's text:
 *   `[FAILEDsystemd[1]: Stopped target Timers.] Failed to start Integrity Setup for /dev/mapper/root.`
 *   `[DEPEND[1]: Reached target Slices.] Dependency failed for /dev/mapper/root.`
 *   `Scanning: 12.5% TIME ] Timed out waiting for device dev-disk-by\x2dlabel-data.device.`
 * A message is recovered only when its text parses whole and its status word fits its verb.
 */
import { parseStatusMessage, type StatusMessage, type StatusWord, type Verb } from './status.js';

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
  FAILED: new Set(['start-failed', 'stop-failed', 'mount-failed', 'unmount-failed', 'swap-failed', 'listen-failed']),
  DEPEND: new Set(['dependency-failed']),
  TIME: new Set(['start-timeout', 'stop-timeout', 'mount-timeout', 'device-timeout']),
  OK: new Set(['started', 'stopped', 'finished', 'reached-target', 'stopped-target', 'mounted', 'unmounted', 'swap-activated', 'device-found', 'listening', 'created-slice', 'automount']),
  ASSERT: new Set(['assert-failed']),
  UNSUPP: new Set(['unsupported']),
};

function recover(word: string, rest: string): StatusMessage | null {
  const msg = parseStatusMessage(rest.trim());
  return msg !== null && FITS[word]?.has(msg.verb) === true ? msg : null;
}

/** The status message inside a spliced line; 'lost' when a failure word is there but its text is not. */
export function findSplicedStatus(text: string): SplicedStatus | 'lost' | null {
  if (!text.includes('] ')) return null;
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
    const word = m[1]!;
    const rest = text.slice(m.index + m[0].length);
    const msg = recover(word, rest);
    if (msg) {
      const before = text.slice(0, m.index).replace(/\[\s{0,3}$/, '');
      return { before, word: word as StatusWord, message: rest.trim(), msg, shown: text };
    }
    if (FAILURE_WORDS.has(word) && /^[A-Z]/.test(rest)) lost = true;
  }
  return lost ? 'lost' : null;
}
