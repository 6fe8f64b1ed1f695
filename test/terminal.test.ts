import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { feed, splitEveryWay, splitLines, texts } from './support/feed.js';
import { LineSplitter, type PhysicalLine } from '../parsers/terminal/line-splitter.js';

const ESC = '\u001b';

test('LF, CRLF and the tty\'s CR CR LF all end a line', () => {
  const lines = splitEveryWay('one\ntwo\r\nthree\r\r\nfour');
  assert.equal(texts(lines), ['one', 'two', 'three', 'four']);
  assert.equal(lines.map((l) => l.lineNo), [1, 2, 3, 4]);
});

test('line numbers and byte ranges point into the raw input', () => {
  const input = 'ab\r\n\u001b[0;32mcd\u001b[0m\r\n\nef';
  const lines = splitEveryWay(input);
  assert.equal(texts(lines), ['ab', 'cd', '', 'ef']);
  assert.equal(lines.map((l) => [l.lineNo, l.byteStart, l.byteEnd]), [
    [1, 0, 4],
    [2, 11, 19],
    [3, 19, 20],
    [4, 20, 22],
  ]);
});

test('CR then text overwrites from column 0, keeping the rest', () => {
  assert.equal(texts(splitEveryWay('abcdef\rXY\n')), ['XYcdef']);
  assert.equal(texts(splitEveryWay('héllo\rH\n')), ['Héllo']);
  assert.equal(texts(splitEveryWay('abc\rxé\n')), ['xéc']);
});

test('CR ESC[K erases the line (old systemd spinner without a newline)', () => {
  assert.equal(texts(splitEveryWay(`[  *** ] A start job is running\r${ESC}[K[  OK  ] Started x.\r\n`)), ['[  OK  ] Started x.']);
});

test('ESC M CR ESC[K reopens the previous line: the spinner frame becomes an overwritten record', () => {
  const input =
    `[*     ] Job var.mount/start running (1s / 1min 30s)\r\n` +
    `${ESC}M\r${ESC}[K[**    ] Job var.mount/start running (2s / 1min 30s)\r\n` +
    `${ESC}M\r${ESC}[K[FAILED] Failed to mount var.mount - /var.\r\n`;
  const lines = splitEveryWay(input);
  assert.equal(
    lines.map((l) => [l.text, l.overwritten]),
    [
      ['[*     ] Job var.mount/start running (1s / 1min 30s)', true],
      ['[**    ] Job var.mount/start running (2s / 1min 30s)', true],
      ['[FAILED] Failed to mount var.mount - /var.', false],
    ],
  );
  assert.equal(lines[2]!.lineNo, 3, 'the final content is on the third raw line');
});

test('ESC M with nothing written after it leaves the line as it was', () => {
  const lines = splitEveryWay(`first\r\n${ESC}M\nsecond\n`);
  assert.equal(lines.map((l) => [l.text, l.overwritten]), [['first', false], ['second', false]]);
});

test('ESC M in the middle of a line is ignored, not applied to an unrelated line', () => {
  assert.equal(texts(splitEveryWay(`a\nbc${ESC}Mde\n`)), ['a', 'bcde']);
});

test('SGR with colon sub-parameters is consumed whole', () => {
  assert.equal(texts(splitEveryWay(`[${ESC}[0;1;38:5:185mDEPEND${ESC}[0m] Dependency failed for x.\r\n`)), ['[DEPEND] Dependency failed for x.']);
});

test('capture preamble: ESC c, ESC[?7l, ESC[2J, ESC[!p, OSC 104 BEL are dropped', () => {
  const input = `${ESC}c${ESC}[?7l${ESC}[2J${ESC}[0;0H${ESC}[!p${ESC}]104\u0007${ESC}[?7hWelcome to ${ESC}[1mDebian${ESC}[0m!\r\n`;
  assert.equal(texts(splitEveryWay(input)), ['Welcome to Debian!']);
});

test('OSC 8 hyperlinks, OSC 0 titles and OSC 52 clipboard writes leave only their visible text', () => {
  const input = `see ${ESC}]8;;file://host/etc/fstab${ESC}\\/etc/fstab${ESC}]8;;${ESC}\\ now${ESC}]0;evil title\u0007${ESC}]52;c;ZXZpbA==\u0007\n`;
  assert.equal(texts(splitEveryWay(input)), ['see /etc/fstab now']);
});

test('DCS, APC, PM and SOS strings are consumed up to ST', () => {
  assert.equal(texts(splitEveryWay(`a${ESC}P1$qm${ESC}\\b${ESC}_apc${ESC}\\c${ESC}^pm${ESC}\\d${ESC}Xsos${ESC}\\e\n`)), ['abcde']);
});

test('an unterminated OSC is given up after the maximum string length, so the console is not swallowed', () => {
  const lines = splitLines(`${ESC}]0;${'x'.repeat(5000)}\nvisible\n`, 0, { maxStringBytes: 1000 });
  assert.ok(texts(lines).includes('visible'));
});

test('huge cursor coordinates (the login prompt\'s size probe) are ordinary input', () => {
  const input = `${ESC}7${ESC}[r${ESC}[32766;32766H${ESC}[6n${ESC}8debian login: `;
  assert.equal(texts(splitEveryWay(input)), ['debian login: ']);
});

test('UTF-8 split across writes decodes the same; invalid UTF-8 becomes U+FFFD', () => {
  assert.equal(texts(splitEveryWay('cloud-init-m…rvice\n')), ['cloud-init-m…rvice']);
  assert.equal(texts(splitEveryWay(new Uint8Array([0x61, 0xff, 0xfe, 0x62, 0x0a]))), ['a\uFFFD\uFFFDb']);
  assert.equal(texts(splitEveryWay(new Uint8Array([0x61, 0xe2, 0x80, 0x0a]))), ['a\uFFFD']);
});

test('NUL and BEL are dropped; TAB moves to the next tab stop; BS moves back', () => {
  assert.equal(texts(splitEveryWay('a\u0000b\u0007c\td\n')), ['abc     d']);
  assert.equal(texts(splitEveryWay('abc\bX\n')), ['abX']);
});

test('a line that begins with a tab begins at the tab\'s byte', () => {
  const lines = splitEveryWay('ab\n\tfoo\n  \tbar\n');
  assert.equal(texts(lines), ['ab', '        foo', '        bar']);
  assert.equal(lines.map((l) => [l.byteStart, l.byteEnd]), [
    [0, 3],
    [3, 8],
    [8, 15],
  ]);
});

test('NUL bytes are counted as control bytes (a NUL flood reads as binary); BEL is not', () => {
  const s = new LineSplitter(() => {});
  s.write(new Uint8Array(1000));
  s.write(new TextEncoder().encode('a\u0007b\n'));
  s.end();
  assert.is(s.counters.controlBytes, 1000);
});

test('invalid UTF-8 is counted once per line made, whichever way the line was read', () => {
  for (const size of [0, 1, 7]) {
    const s = new LineSplitter(() => {});
    feed(new Uint8Array([0x61, 0xff, 0x0a, 0x62, 0xc3, 0x0d, 0x0a, 0x1b, 0x5b, 0x6d, 0xfe, 0xfe, 0x0a, 0x63, 0x0a]), size, (c) => s.write(c));
    s.end();
    assert.is(s.counters.replacementChars, 4, `chunk size ${size}`);
  }
});

test('whole lines read straight from a chunk the caller reuses afterwards stay intact, ESC M included', () => {
  // A live source reads into one buffer again and again: a held line must not point into it.
  const input = new TextEncoder().encode('[    1.000000] first line\r\n\u001bM\rNEW\nplain one\nplain two\n');
  const expected = splitEveryWay(input); // every chunking agrees, byte ranges included
  for (const size of [5, 16, 27, 28, 40]) {
    const out: PhysicalLine[] = [];
    const s = new LineSplitter((l) => out.push({ ...l }));
    const reused = new Uint8Array(size);
    for (let i = 0; i < input.length; i += size) {
      const n = Math.min(size, input.length - i);
      reused.set(input.subarray(i, i + n));
      s.write(reused.subarray(0, n));
      reused.fill(0x58); // the caller's next read overwrites it
    }
    s.end();
    assert.equal(out, expected, `chunk size ${size}`);
  }
  // The redraw changes only the first columns: the rest is the reopened line's own bytes.
  assert.equal(texts(expected), ['NEW  1.000000] first line', 'plain one', 'plain two']);
});

test('an empty line ended by FF or VT keeps its own line number, so ESC M cannot send a later line back to an earlier one', () => {
  // Found by the fuzzer (seed 20261203, case 1598): the empty line took the number of the line before it.
  const lines = splitEveryWay('[ 7.476628]\nV\u000c\u000c\u001bM[ 0.978419]');
  assert.equal(lines.map((l) => [l.text, l.lineNo]), [
    ['[ 7.476628]', 1],
    ['V', 2],
    ['[ 0.978419]', 2],
  ]);
});

test('a line longer than the maximum is split into records, nothing lost', () => {
  const long = 'x'.repeat(2500);
  const lines = splitEveryWay(`${long}\nnext\n`, { maxLineBytes: 1000 });
  assert.equal(lines.map((l) => [l.text.length, l.truncated]), [
    [1000, true],
    [1000, true],
    [500, false],
    [4, false],
  ]);
  assert.equal(lines.map((l) => l.text).join('').length, 2504);
});

test('C0 controls inside a CSI are executed (the CSI goes on)', () => {
  assert.equal(texts(splitEveryWay(`ab${ESC}[1\n;2mcd\n`)), ['ab', 'cd']);
});

test('CAN aborts a sequence; the rest is text', () => {
  assert.equal(texts(splitEveryWay(`a${ESC}[12\u0018b\n`)), ['ab']);
});

test('the last line without a newline (a prompt) is emitted at end', () => {
  assert.equal(texts(splitEveryWay('Enter root password for system maintenance\r\n(or press Control-D to continue): ')), [
    'Enter root password for system maintenance',
    '(or press Control-D to continue): ',
  ]);
});

test("the cursor sent to the first column redraws the line from its start; a screen erase ends the line it showed", () => {
  // GRUB's countdown on Azure's serial console: `ESC[1;1H1    ESC[1;1H0    ESC[H ESC[J ESC[1;1HGRUB_…`.
  const grub = `${ESC}[1;1H1    ${ESC}[1;1H0    ${ESC}[H${ESC}[J${ESC}[1;1HGRUB_FORCE_PARTUUID set.\n[    0.000000] Linux version 6.8.0\n`;
  assert.equal(texts(splitEveryWay(grub)).map((t) => t.trimEnd()), ['0', 'GRUB_FORCE_PARTUUID set.', '[    0.000000] Linux version 6.8.0']);
  assert.equal(texts(splitEveryWay(`abc${ESC}[Hx\n`)), ['xbc']);
  // Another column is a screen drawn at absolute positions: not emulated, the text stays in order.
  assert.equal(texts(splitEveryWay(`abc${ESC}[1;5Hx\n`)), ['abcx']);
  // An erase on an empty line makes no line of its own.
  assert.equal(texts(splitEveryWay(`${ESC}[2J${ESC}[Hone\n`)), ['one']);
});

test('C1 controls in UTF-8 do what their 7-bit forms do, as xterm does them; a lone lead byte stays text', () => {
  // A mail gateway that took `…` for cp1252's 0x85 and wrote it back as U+0085 (NEL): a terminal breaks the line.
  assert.equal(texts(splitEveryWay('[  OK  ] Started Foo Serv\u0085ice.\nnext\n')), ['[  OK  ] Started Foo Serv', 'ice.', 'next']);
  // U+009B is a one-character CSI: `\u009b0;31m` colours, it prints nothing.
  assert.equal(texts(splitEveryWay('[\u009b0;1;31mFAILED\u009b0m] Failed to start x.\n')), ['[FAILED] Failed to start x.']);
  // U+009D opens an OSC (a title) up to its BEL.
  assert.equal(texts(splitEveryWay('a\u009d0;title\u0007b\n')), ['ab']);
  // Other C2 sequences are characters; a 0xC2 before a non-continuation byte or at the end is U+FFFD.
  assert.equal(texts(splitEveryWay('caf\u00e9 \u00a9 2024\n')), ['caf\u00e9 \u00a9 2024']);
  const bytes = (s: string) => Buffer.concat([Buffer.from(s, 'latin1')]);
  for (const input of [bytes('x\xc2y\n'), bytes('x\xc2')]) {
    for (const size of [1, 2, 3, input.length]) {
      const lines: PhysicalLine[] = [];
      const sp = new LineSplitter((l) => lines.push(l));
      for (let i = 0; i < input.length; i += size) sp.write(input.subarray(i, i + size));
      sp.end();
      assert.equal(lines[0]!.text, input[input.length - 1] === 0x0a ? 'x\ufffdy' : 'x\ufffd', `chunks of ${size}`);
      assert.equal(lines[0]!.byteStart, 0);
    }
  }
});

test.run();
