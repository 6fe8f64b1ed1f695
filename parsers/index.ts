/**
 * The streaming analysis core: `write(chunk)` console bytes, `end()` for the report; typed events come out
 * as findings arrive. No I/O and no `node:` imports: the CLI, tests and benchmarks wrap it.
 */
import { LineClassifier, type ConsoleRecord } from './grammar/classify.js';
import { buildReport } from './diagnose/report.js';
import type { AnalyzerEvent, Report } from './report/schema.js';
import { Segmenter } from './segment/segmenter.js';
import { LineSplitter, type LineSplitterOptions, type PhysicalLine } from './terminal/line-splitter.js';

export interface AnalyzerOptions extends LineSplitterOptions {
  /** Input name shown in the report. */
  name?: string;
  onEvent?: (event: AnalyzerEvent) => void;
  /** Every physical line, for callers that show the console (TUI) or record it. */
  onLine?: (line: PhysicalLine) => void;
  /** Every classified record, for debugging the grammar. */
  onRecord?: (record: ConsoleRecord) => void;
}

export class Analyzer {
  private readonly splitter: LineSplitter;
  private readonly classifier: LineClassifier;
  private readonly segmenter: Segmenter;
  private readonly name: string;
  private replacementChars = 0;
  private ended = false;

  constructor(options: AnalyzerOptions = {}) {
    this.name = options.name ?? '-';
    this.segmenter = new Segmenter(options.onEvent);
    const onRecord = options.onRecord;
    this.classifier = new LineClassifier(
      onRecord
        ? (r) => {
            onRecord(r);
            this.segmenter.push(r);
          }
        : (r) => this.segmenter.push(r),
    );
    const onLine = options.onLine;
    this.splitter = new LineSplitter((line) => {
      if (line.text.includes('\uFFFD')) this.replacementChars += countReplacements(line.text);
      onLine?.(line);
      this.classifier.push(line);
    }, options);
  }

  write(chunk: Uint8Array): void {
    if (this.ended) throw new Error('write after end');
    this.splitter.write(chunk);
  }

  /** Flushes the last line and returns the report. */
  end(): Report {
    if (!this.ended) {
      this.ended = true;
      this.splitter.end();
      this.classifier.end();
      this.segmenter.end();
    }
    return this.report();
  }

  /** For live input gone quiet: the last finished line and a prompt on the unfinished one count now,
   *  not at the next byte. */
  checkPartialLine(): void {
    this.splitter.flushHeld();
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
      resolver: this.segmenter.resolver,
      counters: { ...this.splitter.counters, replacementChars: this.replacementChars },
      recognised: this.segmenter.recognised,
    });
  }
}

/** Analyses a whole buffer at once. */
export function analyze(input: Uint8Array | string, options: AnalyzerOptions = {}): Report {
  const a = new Analyzer(options);
  a.write(typeof input === 'string' ? new TextEncoder().encode(input) : input);
  return a.end();
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

export type { AnalyzerEvent, Report } from './report/schema.js';
export type { PhysicalLine } from './terminal/line-splitter.js';
export { LineSplitter } from './terminal/line-splitter.js';
