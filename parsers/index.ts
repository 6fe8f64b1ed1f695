/**
 * The streaming analysis core: `write(chunk)` console bytes, `end()` for the report; typed events come out
 * as findings arrive. No I/O and no `node:` imports: the CLI, tests and benchmarks wrap it.
 */
import { LineClassifier, type ConsoleRecord, type RecordSink } from './grammar/classify.js';
import { buildReport } from './diagnose/report.js';
import type { AnalyzerEvent, Gap, Report } from './report/schema.js';
import { Segmenter } from './segment/segmenter.js';
import { LineSplitter, type LineSplitterOptions, type PhysicalLine } from './terminal/line-splitter.js';
import { LineUnwrapper } from './input/unwrap.js';
import { LineSources } from './input/sources.js';
import { LineEnds } from './input/line-ends.js';
import { PatternMatcher, type PatternDef } from './diagnose/patterns.js';

export interface AnalyzerOptions extends LineSplitterOptions {
  /** Input name shown in the report. */
  name?: string;
  onEvent?: (event: AnalyzerEvent) => void;
  /** Every physical line, for callers that show the console (TUI) or record it. */
  onLine?: (line: PhysicalLine) => void;
  /** Every classified record, for debugging the grammar. */
  onRecord?: (record: ConsoleRecord) => void;
  /** A policy's own patterns: each line that matches one is a finding (`report.matches`). */
  patterns?: readonly PatternDef[];
  /** Every rule on every line, no fast path: the reference the fast paths are tested against (slower). */
  reference?: boolean;
}

export class Analyzer {
  private readonly splitter: LineSplitter;
  private readonly classifier: LineClassifier;
  private readonly segmenter: Segmenter;
  private readonly unwrapper: LineUnwrapper;
  private readonly lineEnds: LineEnds;
  private readonly sources = new LineSources();
  private readonly name: string;
  private ended = false;
  private readonly gaps: Gap[] = [];
  private droppedGaps = 0;
  private readonly onEvent: ((event: AnalyzerEvent) => void) | undefined;
  private readonly patterns: PatternMatcher | null;

  constructor(options: AnalyzerOptions = {}) {
    this.name = options.name ?? '-';
    this.onEvent = options.onEvent;
    this.segmenter = new Segmenter(options.onEvent);
    this.segmenter.reference = options.reference === true;
    this.classifier = new LineClassifier(new RecordRoute(this.sources, this.segmenter, options.onRecord));
    this.classifier.reference = options.reference === true;
    const onLine = options.onLine;
    const patterns = options.patterns !== undefined && options.patterns.length > 0 ? new PatternMatcher(options.patterns) : null;
    this.patterns = patterns;
    this.unwrapper = new LineUnwrapper(
      patterns === null
        ? (line) => this.classifier.push(line)
        : (line) => {
            patterns.test(line.text, line.lineNo);
            this.classifier.push(line);
          },
    );
    this.splitter = new LineSplitter((line) => {
      onLine?.(line);
      this.unwrapper.push(line);
    }, options);
    const splitter = this.splitter;
    this.lineEnds = new LineEnds((chunk) => splitter.write(chunk));
  }

  write(chunk: Uint8Array): void {
    if (this.ended) throw new Error('write after end');
    this.lineEnds.write(chunk);
  }

  /** Flushes the last line and returns the report. */
  end(): Report {
    if (!this.ended) {
      this.ended = true;
      this.lineEnds.end();
      this.splitter.end();
      this.unwrapper.end();
      this.classifier.end();
      this.segmenter.end();
    }
    return this.report();
  }

  /** The caller took a compression envelope off the bytes (gzip, xz, zstd): the report says so. */
  private compression: string | null = null;
  setCompression(kind: string | null): void {
    this.compression = kind;
  }

  /** The input was damaged past this point (a compressed file cut short): said in `degraded`. */
  private damage: string | null = null;
  damaged(message: string): void {
    this.damage ??= message;
  }

  /**
   * Live input: the source went away and is back (`seconds` later, when known); whatever it sent
   * meanwhile is missing. The line the gap cut is finished, so later bytes do not continue it.
   */
  markGap(reason: string, seconds: number | null): void {
    if (this.ended) return;
    this.lineEnds.end();
    this.splitter.end();
    this.classifier.end();
    const { line, byte } = this.splitter.position();
    const gap: Gap = { line, byte, reason, seconds: seconds === null ? null : Math.round(seconds * 100) / 100 };
    if (this.gaps.length < MAX_GAPS) this.gaps.push(gap);
    else this.droppedGaps++;
    this.onEvent?.({ type: 'gap', ...gap });
  }

  /** For live input gone quiet: the last finished line and a prompt on the unfinished one count now,
   *  not at the next byte. */
  checkPartialLine(): void {
    this.splitter.flushHeld();
    this.unwrapper.flushWrapped();
    const partial = this.splitter.peekPartial();
    if (partial) this.segmenter.partialLine(partial.text, partial.lineNo);
  }

  /** The report for what has been read so far (live use); the input stays open. */
  report(): Report {
    return buildReport({
      name: this.name,
      boots: this.segmenter.boots,
      droppedBoots: this.segmenter.droppedBoots,
      droppedCycles: this.segmenter.droppedCycles,
      capped: this.segmenter.capped,
      resolver: this.segmenter.resolver,
      counters: this.splitter.counters,
      recognised: this.segmenter.recognised,
      gaps: this.gaps,
      droppedGaps: this.droppedGaps,
      ended: this.ended,
      patterns: this.patterns,
      input: {
        recognisedAs: this.sources.kind(this.segmenter.recognised),
        lineSources: this.sources.summary(),
        envelopes: [...(this.lineEnds.lines > 0 ? [{ kind: 'cr-line-ends', lines: this.lineEnds.lines }] : []), ...[...this.unwrapper.counters.envelopes].map(([kind, lines]) => ({ kind, lines }))],
        compression: this.compression,
        damage: this.damage,
        splicesRepaired: this.classifier.splicesRepaired,
        splicesLost: this.classifier.splicesLost,
      },
    });
  }
}

/**
 * The classifier's records to the line-source counts and the segmenter (and to `onRecord`). An object, not a
 * closure: its method is the same function in every Analyzer, so a second analysis in a process (the batch
 * command, a test run) does not make V8 compile the classifier's largest functions again (see RecordSink).
 */
class RecordRoute implements RecordSink {
  constructor(
    private readonly sources: LineSources,
    private readonly segmenter: Segmenter,
    private readonly onRecord: ((record: ConsoleRecord) => void) | undefined,
  ) {}

  record(r: ConsoleRecord): void {
    if (this.onRecord !== undefined) this.onRecord(r);
    this.sources.count(r);
    this.segmenter.push(r);
  }
}

/** Gaps kept in the report; later ones are only counted. */
const MAX_GAPS = 256;

/** Analyses a whole buffer at once. */
export function analyze(input: Uint8Array | string, options: AnalyzerOptions = {}): Report {
  const a = new Analyzer(options);
  a.write(typeof input === 'string' ? new TextEncoder().encode(input) : input);
  return a.end();
}

export type { AnalyzerEvent, Report } from './report/schema.js';
export type { PhysicalLine } from './terminal/line-splitter.js';
export type { PatternDef, Severity } from './diagnose/patterns.js';
export { LineSplitter } from './terminal/line-splitter.js';
