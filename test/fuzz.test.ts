/**
 * A bounded slice of the fuzz harness (support/fuzz.ts), run by every `npm test`: each corpus log mutated
 * once, then random bytes, line soups and floods past the analyzer's limits. Each input is checked whole,
 * twice, in 1- and 7-byte chunks, in random chunks (with `report()` asked between writes) and read as a
 * live console. The seed is the UTC date unless BOOTWHY_FUZZ_SEED says otherwise; a failure prints the
 * seed, the case index and the file holding the input. The long run is `npm run fuzz`.
 * Also here: the harness catching broken analyzers, and regressions the fuzzer found.
 */
import { tmpdir } from 'node:os';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze } from '../parsers/index.js';
import { loadCorpus } from './support/corpus.js';
import {
  caseSeed,
  checkCase,
  checkInput,
  chunkSizes,
  consistency,
  describeChunking,
  escapeSequence,
  flood,
  latin1,
  makeCase,
  mutate,
  parseSeed,
  randomBytes,
  replayFile,
  Rng,
  saveFailure,
  seedOfTheDay,
  shrink,
  sliceCase,
  type AnalyzerLike,
  type Chunking,
  type Log,
} from './support/fuzz.js';

const SEED = process.env['BOOTWHY_FUZZ_SEED'] ? parseSeed(process.env['BOOTWHY_FUZZ_SEED']) : seedOfTheDay();
console.log(`fuzz: seed ${SEED} (BOOTWHY_FUZZ_SEED=${SEED} npm test replays this slice)`);

const logs: Log[] = loadCorpus().map((c) => ({ name: c.name, log: c.log }));
/** Random-bytes, line-soup and flood cases after the corpus ones. */
const EXTRA_CASES = 560;

// ---- the harness itself --------------------------------------------------------------------------

test('a seed and a case index always make the same case, another index another one', () => {
  for (const index of [0, 1, 57, logs.length + 3]) {
    const a = sliceCase(SEED, index, logs);
    const b = sliceCase(SEED, index, logs);
    assert.equal(a.input, b.input);
    assert.is(a.recipe, b.recipe);
    assert.equal(a.options, b.options);
  }
  assert.is.not(caseSeed(SEED, 1), caseSeed(SEED, 2));
  assert.is.not(caseSeed(1, 0), caseSeed(2, 0));
  const x = makeCase(SEED, 1, logs).input;
  const y = makeCase(SEED, 2, logs).input;
  assert.not.equal(x, y);
});

test('the generators make what they promise', () => {
  const rng = new Rng(SEED);
  let nul = 0;
  let esc = 0;
  let invalid = 0;
  let longest = 0;
  for (let k = 0; k < 40; k++) {
    const b = randomBytes(rng, 200_000);
    nul += b.filter((c) => c === 0).length;
    esc += b.filter((c) => c === 0x1b).length;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      invalid++;
    }
    let run = 0;
    for (const c of b) longest = Math.max(longest, (run = c === 0x0a ? 0 : run + 1));
  }
  assert.ok(nul > 1000, `NULs: ${nul}`);
  assert.ok(esc > 40, `ESCs: ${esc}`);
  assert.ok(invalid > 10, `invalid UTF-8 inputs: ${invalid}`);
  assert.ok(longest > 65536, `longest line: ${longest}`);
  for (let k = 0; k < 50; k++) assert.ok(escapeSequence(rng).length > 0);
  for (let k = 0; k < 10; k++) {
    const { input, what } = flood(rng, logs, 1 << 20);
    assert.ok(input.filter((c) => c === 0x0a).length >= 50, `a flood of ${what} has many lines`);
  }
  const log = logs[0]!.log;
  assert.ok(mutate(rng, log, logs, 'truncate').length <= log.length);
  const dup = mutate(rng, log, logs, 'duplicate');
  assert.ok(dup.length > log.length);
  const kl = new TextDecoder().decode(mutate(rng, log, logs, 'kernel-lines'));
  assert.match(kl, /\[[ \d]{5,}\.\d{6}\]|\[ 12\.3|\[-1\.0|\[   \]|\[T\d/);
});

test('every chunking hands over every byte once, in order', () => {
  const rng = new Rng(SEED);
  const chunkings: Chunking[] = [
    { kind: 'whole' },
    { kind: 'fixed', size: 1 },
    { kind: 'fixed', size: 7 },
    ...(['tiny', 'small', 'mixed'] as const).map((style) => ({ kind: 'random' as const, seed: rng.u32(), style, peek: false })),
  ];
  for (const length of [0, 1, 6, 7, 8, 1000, 200_003]) {
    for (const c of chunkings) {
      const sizes = chunkSizes(c, length);
      assert.ok(sizes.every((s) => s > 0 && Number.isInteger(s)), describeChunking(c));
      assert.is(sizes.reduce((s, n) => s + n, 0), length, `${describeChunking(c)} of ${length} bytes`);
    }
  }
  assert.equal(chunkSizes({ kind: 'fixed', size: 7 }, 16), [7, 7, 2]);
  const r: Chunking = { kind: 'random', seed: 5, style: 'mixed', peek: false };
  assert.equal(chunkSizes(r, 500_000), chunkSizes(r, 500_000), 'a random chunking replays from its seed');
});

/** An analyzer whose report counts its writes: correct whole, wrong in any other chunking. */
const chunkCounter = (): AnalyzerLike => {
  let writes = 0;
  return { write: () => void writes++, end: () => ({ writes }), report: () => ({ writes }) };
};

test('the harness catches a chunk-dependent analyzer, saves the input, replays and shrinks it', () => {
  const input = new TextEncoder().encode('[    1.000000] Linux version 6.8.0\n[FAILED] Failed to start foo.service.\n');
  const v = checkInput(input, { analyzer: chunkCounter, validate: () => null });
  assert.ok(v, 'a violation');
  assert.is(v.property, 'chunking');
  assert.equal(v.chunking, { kind: 'fixed', size: 1 });

  const file = saveFailure(input, { seed: 7, index: 3, recipe: 'test', options: {}, violation: v }, `selftest-${process.pid}`);
  assert.ok(file.startsWith(tmpdir()));
  const replay = replayFile(file, { analyzer: chunkCounter, validate: () => null });
  assert.equal(replay.input, input);
  assert.is(replay.record?.seed, 7);
  assert.is(replay.violation?.property, 'chunking');
  assert.is(replayFile(file).violation, null, 'the real analyzer passes the same input');

  const small = shrink(input, 'chunking', { analyzer: chunkCounter, validate: () => null, budgetMs: 10_000 });
  assert.is(small.length, 2, 'two bytes are the least that can be cut');
});

test('the harness catches a throw, an invalid report, a report that changes run to run, a second end() that differs, events that depend on the chunking, and a live reading gone wrong', () => {
  const input = new TextEncoder().encode('abc\xff\n');
  const thrower = (): AnalyzerLike => ({
    write: (c) => {
      if (c.includes(0x63)) throw new Error('boom');
    },
    end: () => ({}),
    report: () => ({}),
  });
  assert.is(checkInput(input, { analyzer: thrower })?.property, 'throws');
  assert.match(checkInput(input, { analyzer: thrower })!.message, /boom/);

  const invalid = (): AnalyzerLike => ({ write: () => {}, end: () => ({ schemaVersion: 1 }), report: () => ({}) });
  const v = checkInput(input, { analyzer: invalid });
  assert.is(v?.property, 'schema');
  assert.match(v!.message, /tool|input|verdict/);

  let runs = 0;
  const drifting = (): AnalyzerLike => {
    const run = ++runs;
    return { write: () => {}, end: () => ({ run }), report: () => ({}) };
  };
  assert.is(checkInput(input, { analyzer: drifting, validate: () => null })?.property, 'determinism');

  const endTwice = (): AnalyzerLike => {
    let ends = 0;
    return { write: () => {}, end: () => ({ ends: ++ends }), report: () => ({}) };
  };
  assert.is(checkInput(input, { analyzer: endTwice, validate: () => null })?.property, 'end-twice');

  const midInvalid = (): AnalyzerLike => ({ write: () => {}, end: () => ({}), report: () => ({ bad: true }) });
  const peeking: Chunking[] = [{ kind: 'whole' }, { kind: 'random', seed: 3, style: 'tiny', peek: true }];
  assert.is(checkInput(input, { analyzer: midInvalid, chunkings: peeking, validate: (r) => ((r as { bad?: boolean }).bad ? 'bad' : null) })?.property, 'mid-report');

  // Events: the same for every chunking.
  const eventPerWrite = (options: { onEvent?: (e: never) => void }): AnalyzerLike => ({
    write: () => options.onEvent?.({ type: 'login', boot: 1, cycle: null, line: 1 } as never),
    end: () => ({}),
    report: () => ({}),
  });
  const ev = checkInput(input, { analyzer: eventPerWrite, validate: () => null });
  assert.is(ev?.property, 'events');
  assert.match(ev!.message, /1-byte chunks/);

  // Read live: a gap may change the report (not compared), but it must stay valid.
  const live: Chunking[] = [{ kind: 'whole' }, { kind: 'random', seed: 4, style: 'tiny', peek: false, live: true }];
  const gapBreaks = (): AnalyzerLike => {
    let gap = false;
    return { write: () => {}, end: () => ({ bad: gap }), report: () => ({}), markGap: () => void (gap = true), checkPartialLine: () => {} };
  };
  const lv = checkInput(new Uint8Array(400), { analyzer: gapBreaks, chunkings: live, validate: (r) => ((r as { bad?: boolean }).bad ? 'bad' : null) });
  assert.is(lv?.property, 'live');
  const pauseThrows = (): AnalyzerLike => ({ write: () => {}, end: () => ({}), report: () => ({}), checkPartialLine: () => { throw new Error('pause'); } });
  assert.is(checkInput(input, { analyzer: pauseThrows, chunkings: live, validate: () => null })?.property, 'throws');
});

test('the consistency rules hold for every corpus log as recorded (they are rules, not guesses)', () => {
  for (const l of logs) assert.is(consistency(analyze(l.log), l.log), null, l.name);
});

// ---- the slice -----------------------------------------------------------------------------------

function check(index: number): void {
  const fc = sliceCase(SEED, index, logs);
  const v = checkCase(fc);
  if (!v) return;
  const file = saveFailure(fc.input, { seed: SEED, index, recipe: fc.recipe, options: fc.options, violation: v }, `slice-seed-${SEED}-case-${index}`);
  assert.unreachable(
    `${v.property} violated by case ${index} of seed ${SEED} (${fc.recipe}; ${fc.input.length} bytes; options ${JSON.stringify(fc.options)})\n` +
      `chunking: ${describeChunking(v.chunking)}\n${v.message}\n` +
      `input saved to ${file}\nreplay: npm run fuzz -- --replay ${file}   or   npm run fuzz -- --slice --seed ${SEED} --case ${index}`,
  );
}

test(`fuzz: every corpus log, mutated (${logs.length} cases)`, () => {
  assert.ok(logs.length > 0);
  for (let i = 0; i < logs.length; i++) check(i);
});

test(`fuzz: random bytes, line soups and floods (${EXTRA_CASES} cases)`, () => {
  for (let i = logs.length; i < logs.length + EXTRA_CASES; i++) check(i);
});

// ---- regressions found by the fuzzer -------------------------------------------------------------

/** Found by the fuzzer's consistency check (`npm run fuzz -- --seed 5`, case 10; the slice of seed 20261202,
 *  case 211; both shrink to the first input below): a LAVA record's line waited in the inner terminal layer
 *  for a possible ESC M while the plain line after it went ahead, so the segmenter saw line 2 before line 1
 *  and the boot begun by line 1's restarted timestamps came out after, and overlapping, the one begun by
 *  line 2. */
test('regression: a plain line after a LAVA record does not overtake it', () => {
  const lava = (msg: string): string => `- {"dt": "2023-12-05T11:20:54.146686", "lvl": "target", "msg": ${JSON.stringify(msg)}}\n`;
  const inputs = [
    latin1('- {dt:"lvl":"target","msg":"[ 0.839348]"\n[97564.884045]'),
    latin1(lava('[    0.839348] sd 0:0:0:0: [sda] 5000672 512-byte logical blocks') + '[97564.884045] reboot: Restarting system\n'),
    latin1(lava('[ 3000.000000] late line') + '- {"dt": "2023-12-05T11:20:55", "lvl": "info", "msg": "dispatcher"}\n' + '[    0.500000] Linux version 6.8.0 (gcc) #1 SMP\n'),
  ];
  for (const input of inputs) {
    assert.is(checkInput(input), null);
    const r = analyze(input);
    const starts = r.boots.map((b) => b.startLine);
    assert.equal(starts, [...starts].sort((a, b) => a - b), `boots in input order: ${JSON.stringify(starts)}`);
  }
  // Uptime goes forward from line 1 to line 2: one boot, read in order.
  assert.equal(analyze(inputs[1]!).boots.map((b) => [b.startReason, b.startLine, b.endLine]), [['log-start', 1, 2]]);
  assert.equal(analyze(inputs[2]!).boots.map((b) => [b.startReason, b.startLine, b.endLine]), [['log-start', 1, 2], ['kernel-banner', 3, 3]]);
});

/** Found by the fuzzer's consistency check (the slice of seed 20261207, case 3188, shrunk to the input below) and by
 *  the corpus's consistency rules (`ho-console-sles-hpe-systemctl-kexec-6.7.7-clean`): after kexec, the next boot
 *  begins at the first line after it, which the boot before had already been read to; its cycle kept that line. */
test('regression: a boot begun after kexec leaves no cycle of the boot before reaching into it', () => {
  const inputs = [
    latin1('21:59:56 1 systemd[1]:[ 2.113191]kexec_core: Starting new kernel\n0\n0'),
    latin1('[    5.000000] systemd[1]: Reached target Multi-User System.\n[    9.000000] kexec_core: Starting new kernel\nGROWROOT: NOCHANGE\n\nDebian GNU/Linux 9 debian ttyS0\n\ndebian login:\n'),
  ];
  for (const input of inputs) assert.is(checkInput(input), null);
  const r = analyze(inputs[1]!);
  assert.equal(r.boots.map((b) => [b.startReason, b.startLine]), [['log-start', 1], ['kexec', 3]]);
  assert.ok(r.boots[0]!.cycles.every((c) => c.endLine <= 2), JSON.stringify(r.boots[0]!.cycles.map((c) => [c.startLine, c.endLine])));
});

test.run();
