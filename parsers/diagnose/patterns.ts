/**
 * A team's own patterns (a policy's `patterns:`): a regex tried on every console line, each hit a finding
 * with the pattern's title and severity. The core only finds and counts them; what they do to the verdict
 * is the policy's (diagnose/policy.ts). Memory is bounded: each pattern keeps its first hits and counts
 * the rest.
 */
import type { Boot, PatternMatch } from '../report/schema.js';

export type Severity = 'fail' | 'note' | 'ignore';

export interface PatternDef {
  title: string;
  regex: RegExp;
  severity: Severity;
}

/** Hits kept per pattern (the rest are counted), and the length of a kept line. */
const KEEP = 20;
const TEXT = 400;

export class PatternMatcher {
  private readonly hits: Array<{ count: number; lines: Array<{ line: number; text: string }> }>;

  constructor(private readonly defs: readonly PatternDef[]) {
    // A global or sticky regex keeps state between lines: a copy without those flags.
    this.defs = defs.map((d) => ({ ...d, regex: new RegExp(d.regex.source, d.regex.flags.replace(/[gy]/g, '')) }));
    this.hits = defs.map(() => ({ count: 0, lines: [] }));
  }

  test(text: string, line: number): void {
    for (let i = 0; i < this.defs.length; i++) {
      if (!this.defs[i]!.regex.test(text)) continue;
      const h = this.hits[i]!;
      h.count++;
      if (h.lines.length < KEEP) h.lines.push({ line, text: text.length > TEXT ? text.slice(0, TEXT) + '…' : text });
    }
  }

  result(boots: readonly Boot[]): PatternMatch[] {
    const bootOf = (line: number): number | null => {
      let found: number | null = null;
      for (const b of boots) if (b.startLine <= line) found = b.index;
      return found;
    };
    return this.defs.flatMap((d, i) => {
      const h = this.hits[i]!;
      if (h.count === 0) return [];
      return [{ title: d.title, pattern: d.regex.source, severity: d.severity, count: h.count, lines: h.lines.map((l) => ({ ...l, boot: bootOf(l.line) })) }];
    });
  }
}
