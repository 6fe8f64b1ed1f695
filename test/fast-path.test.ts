/**
 * The fast paths against the reference. Most of a console is the kernel's plain lines; the segmenter reads
 * those with a few field checks instead of every kernel rule (see Segmenter.plainKernel and the grammar's
 * KERNEL_LEDGER_* words). The reference runs every rule on every line. On every corpus log, the report and
 * the events must be the same both ways. (Chunking is tested apart, in corpus.test: a report does not
 * depend on how the bytes came, so fast whole = fast chunked and this test covers every chunking.)
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Analyzer, type AnalyzerEvent } from '../parsers/index.js';
import { loadCorpus } from './support/corpus.js';

function run(log: Uint8Array, reference: boolean): string {
  const events: AnalyzerEvent[] = [];
  const a = new Analyzer({ name: 'x', reference, onEvent: (e) => events.push(e) });
  a.write(log);
  return JSON.stringify({ report: a.end(), events });
}

const cases = loadCorpus();

test('every corpus log: the fast path tells exactly what the reference tells', () => {
  const differ: string[] = [];
  for (const c of cases) if (run(c.log, false) !== run(c.log, true)) differ.push(c.name);
  assert.equal(differ, [], `${differ.length} logs differ: ${differ.slice(0, 10).join(', ')}`);
});

test('the fast path is taken: plain kernel lines skip the rules, a rule word does not', () => {
  const lines: string[] = ['[    0.000000] Linux version 6.1.0 (x@y) #1 SMP'];
  for (let i = 0; i < 200; i++) lines.push(`[${(2 + i / 100).toFixed(6).padStart(12)}] usb 1-1: new high-speed USB device number ${i} using xhci_hcd`);
  // A rule word among them (the storage driver that did not probe) must still be read.
  lines.push('[    4.100000] ahci: probe of 0000:00:1f.2 failed with error -12');
  const text = new TextEncoder().encode(lines.join('\n') + '\n');
  const plain: boolean[] = [];
  const a = new Analyzer({ onRecord: (r) => { if (r.kind === 'kernel') plain.push(r.plain); } });
  a.write(text);
  const fast = a.end();
  assert.equal(plain.filter((p) => p).length, 200, 'the USB lines are plain');
  assert.is(plain.at(-1), false, 'the probe failure is not plain');
  const ref = new Analyzer({ reference: true });
  ref.write(text);
  assert.equal(JSON.stringify(fast), JSON.stringify(ref.end()));
});

test.run();
