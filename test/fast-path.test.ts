/**
 * The fast paths against the reference. Most of a console is the kernel's plain lines: the classifier sends
 * them out after one pass of two patterns instead of its kernel rules (LineClassifier.push, NOISE_*), and the
 * segmenter reads them with a few field checks instead of every kernel rule (see Segmenter.plainKernel and
 * the grammar's KERNEL_LEDGER_* words). The reference runs every rule on every line. On every corpus log, the report and
 * the events must be the same both ways. (Chunking is tested apart, in corpus.test: a report does not
 * depend on how the bytes came, so fast whole = fast chunked and this test covers every chunking.)
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Analyzer, type AnalyzerEvent } from '../parsers/index.js';
import { LineClassifier, type ConsoleRecord } from '../parsers/grammar/classify.js';
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

test('the classifier sends plain kernel lines out without its rules, and the same records', () => {
  const lines = [
    '[    2.100000] usb 1-1: new high-speed USB device number 2 using xhci_hcd',
    '[    2.200000] e1000 0000:00:03.0 eth0: (PCI:33MHz:32-bit) 52:54:00:12:34:56',
    // Each of these has a word some kernel rule of the classifier reads: a process, a stamp written into the
    // line, a journal host, a soft lockup glued to text, a driver that failed.
    '[    2.300000] systemd[1]: Started Journal Service.',
    '[    2.400000] ehci-pci 0000:00:1d.0: EHCI[    2.41] foo',
    '[    2.500000] host kernel: usb 1-1: new device',
    '[    2.600000] augmented rbtree testingBUG: soft lockup - CPU#0 stuck for 23s! [swapper/0:1]',
    '[    2.700000] ahci 0000:00:1f.2: probe of 0000:00:1f.2 failed with error -12',
  ];
  const read = (reference: boolean): { records: string; fast: number } => {
    const records: ConsoleRecord[] = [];
    const c = new LineClassifier((r) => records.push(r));
    c.reference = reference;
    lines.forEach((text, i) => c.push({ text, lineNo: i + 1, byteStart: 0, byteEnd: 0, overwritten: false, truncated: false }));
    c.end();
    return { records: JSON.stringify(records), fast: c.plainFast };
  };
  const fast = read(false);
  const ref = read(true);
  assert.is(fast.fast, 2, 'the two plain lines took the fast path, no other did');
  assert.is(ref.fast, 0);
  assert.is(fast.records, ref.records);
});

test.run();
