/**
 * Line sources other than a raw console: journal separators, `dmesg -T` times and the audit records
 * PID 1 writes for each service (`msg='unit=foo comm="systemd" … res=failed'`).
 */
import { isUnitName } from './units.js';

/** `-- Boot 3c9…f2 --`, `-- Reboot --`, and the header journalctl prints first. */
export function matchJournalSeparator(text: string): 'boot' | 'reboot' | 'header' | null {
  // plymouth's /var/log/boot.log appends each boot after a line with its date.
  if (text.startsWith('------------ ') && PLYMOUTH_BOOT.test(text)) return 'boot';
  if (!text.startsWith('-- ') || !text.endsWith(' --')) return null;
  if (/^-- Boot [0-9a-f]{32} --$/.test(text)) return 'boot';
  if (text === '-- Reboot --') return 'reboot';
  if (/^-- (?:Logs begin at|Journal begins at|No entries|Journal starts at) /.test(text) || text === '-- No entries --') return 'header';
  return null;
}

/** `------------ Thu Feb 05 09:40:47 IST 2026 ------------` (plymouth's boot.log, one per boot). */
const PLYMOUTH_BOOT = /^-{12} \S+ \S+ {1,2}\d{1,2} \d\d:\d\d:\d\d (?:\S+ )?\d{4} -{12}$/;

// `[Mon Mar  3 08:12:45 2025] ` (any language's day and month words).
const DMESG_T = /^\[[^\]\d\s]{2,12}\.? [^\]\d\s]{2,12}\.? {1,2}\d{1,2} \d\d:\d\d:\d\d \d{4}\] ?/;

/** Where the message starts after a `dmesg -T` time, or 0. */
export function parseDmesgTime(text: string): number {
  const c = text.charCodeAt(1);
  if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c > 0x7f)) return 0;
  const m = DMESG_T.exec(text);
  return m ? m[0].length : 0;
}

export interface AuditRecord {
  /** The unit name: a service's audit record gives it without `.service`. */
  unit: string;
  /** SERVICE_START, SERVICE_STOP, … */
  type: string | null;
  success: boolean;
}

const AUDIT = /(?:type=(\w+)|^(SERVICE_\w+)|type=\d+ audit\([^)]*\)).*?msg='unit=(\S+) comm="systemd".*?res=(success|failed)/;

export function matchAudit(message: string): AuditRecord | null {
  const m = AUDIT.exec(message);
  if (m === null) return null;
  const raw = m[3]!;
  const unit = isUnitName(raw) ? raw : `${raw}.service`;
  const type = m[1] ?? m[2] ?? null;
  return { unit, type: type === '1130' ? 'SERVICE_START' : type === '1131' ? 'SERVICE_STOP' : type, success: m[4] === 'success' };
}
