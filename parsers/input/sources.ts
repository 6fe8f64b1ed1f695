/**
 * Input layer, line sources: what each classified record came from (a console's status lines and
 * prompts, the kernel's own lines, a journal or syslog), so the report can say what the input was
 * recognised as.
 */
import type { ConsoleRecord } from '../grammar/classify.js';

export type RecognisedAs = 'console' | 'journal' | 'syslog' | 'dmesg' | 'unrecognised';

export interface LineSourceCounts {
  /** systemd status lines, spinners, prompts, firmware and bootloader lines. */
  console: number;
  /** Kernel lines with a console or dmesg timestamp. */
  kernel: number;
  /** Journal and syslog lines (`Mon DD HH:MM:SS host ident[pid]: …`, `-o short-monotonic`, separators). */
  journal: number;
}

export class LineSources {
  private readonly counts: LineSourceCounts = { console: 0, kernel: 0, journal: 0 };
  /** Kernel lines of a syslog file keep the kernel's own timestamp inside (`kernel: [    1.2] …`). */
  private syslogKernel = 0;
  private dmesgTime = 0;

  count(r: ConsoleRecord): void {
    const kind = r.kind;
    if (kind === 'kernel') {
      if (r.fromJournal) {
        this.counts.journal++;
        if (r.uptime !== null && r.at.text.charCodeAt(0) !== 0x5b /* [ */) this.syslogKernel++;
      } else {
        this.counts.kernel++;
        if (r.uptime === null) this.dmesgTime++;
      }
      return;
    }
    switch (kind) {
      case 'status':
      case 'spinner':
      case 'prompt':
      case 'marker':
      case 'welcome':
        this.counts.console++;
        return;
      case 'journal':
      case 'journal-boot':
        this.counts.journal++;
        return;
      default:
        return;
    }
  }

  summary(): LineSourceCounts {
    return { ...this.counts };
  }

  kind(recognised: number): RecognisedAs {
    const c = this.counts;
    if (recognised === 0 && c.console + c.kernel + c.journal === 0) return 'unrecognised';
    if (c.journal > c.console + c.kernel) return this.syslogKernel > 0 ? 'syslog' : 'journal';
    if (c.console === 0 && c.kernel > 0) return 'dmesg';
    return 'console';
  }
}
