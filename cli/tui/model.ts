/**
 * What the TUI shows, kept apart from how: the analyzer, the console pane's terminal, the source's state,
 * and a report snapshot rebuilt at most a few times a second. Bytes go in through `write` and never wait
 * on rendering; the view polls `version` and redraws at its own pace.
 */
import { Analyzer, type AnalyzerEvent, type PatternDef, type Report } from '../../parsers/index.js';
import { ConsoleScreen } from './console-screen.js';

export type MachineState = 'waiting' | 'firmware' | 'bootloader' | 'kernel' | 'initrd' | 'system' | 'shutdown' | 'emergency' | 'login' | 'panic';

/** A start job's spinner as last seen, to count its elapsed time on while nothing new arrives. */
export interface LiveJob {
  unit: string;
  elapsed: string;
  limit: string;
  /** Milliseconds since the epoch when the frame arrived. */
  at: number;
  line: number;
}

const SNAPSHOT_MS = 200;

export class TuiModel {
  readonly analyzer: Analyzer;
  readonly screen: ConsoleScreen;
  readonly startedAt = Date.now();
  /** Bumped on every change the view may want to show. */
  version = 0;
  bytes = 0;
  live: boolean;
  /** The source has ended for good (a saved log read to its end, stdin closed). */
  finished = false;
  status = '';
  state: MachineState = 'waiting';
  lastJob: LiveJob | null = null;
  /** Lines the analyzer has numbered so far. */
  lines = 0;
  private snapshot: Report | null = null;
  private snapshotVersion = -1;
  private snapshotAt = 0;

  constructor(
    readonly source: string,
    options: { live: boolean; screen?: ConsoleScreen; patterns?: readonly PatternDef[] },
  ) {
    this.live = options.live;
    this.screen = options.screen ?? new ConsoleScreen();
    this.analyzer = new Analyzer({
      name: source,
      onEvent: (e) => this.onEvent(e),
      onLine: (l) => void (this.lines = l.lineNo),
      patterns: options.patterns ?? [],
    });
  }

  write(chunk: Uint8Array): void {
    this.analyzer.write(chunk);
    this.screen.write(chunk);
    this.bytes += chunk.length;
    this.version++;
  }

  setStatus(text: string): void {
    this.status = text;
    this.version++;
  }

  /** When the source ended (the header's clock stops there). */
  finishedAt: number | null = null;

  finish(): void {
    this.analyzer.checkPartialLine();
    this.finished = true;
    this.finishedAt ??= Date.now();
    this.version++;
  }

  /** The report as of now; rebuilt when something changed, at most every 200 ms unless `fresh`. */
  report(fresh = false): Report {
    const now = Date.now();
    if (this.snapshot === null || (this.snapshotVersion !== this.version && (fresh || now - this.snapshotAt >= SNAPSHOT_MS))) {
      this.snapshot = this.analyzer.report();
      this.snapshotVersion = this.version;
      this.snapshotAt = now;
    }
    return this.snapshot;
  }

  /** The final report, as `analyze` prints it. */
  end(): Report {
    return this.analyzer.end();
  }

  private onEvent(e: AnalyzerEvent): void {
    this.version++;
    switch (e.type) {
      case 'boot':
        this.state = 'kernel';
        this.lastJob = null;
        break;
      case 'phase':
        if (this.state !== 'emergency' && this.state !== 'panic') this.state = e.phase;
        if (e.phase === 'shutdown' || e.phase === 'kernel') this.state = e.phase;
        break;
      case 'cycle':
        if (this.state === 'emergency' || this.state === 'login') this.state = 'system';
        this.lastJob = null;
        break;
      case 'emergency':
        this.state = 'emergency';
        break;
      case 'login':
        if (this.state !== 'emergency') this.state = 'login';
        break;
      case 'crash':
        if (e.kind === 'panic') this.state = 'panic';
        break;
      case 'job':
        this.lastJob = { unit: e.unit, elapsed: e.elapsed, limit: e.limit, at: Date.now(), line: e.line };
        break;
      case 'failure':
        if (this.lastJob && e.unit === this.lastJob.unit) this.lastJob = null;
        break;
      default:
        break;
    }
  }
}
