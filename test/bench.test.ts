/**
 * The benchmark harness, run small (CI runs benchmarks only as a smoke test: figures are not asserted,
 * the harness is): every input class is what it says, every tool runs on it, the table has a row per class
 * with ratios, and a ratio that fell below the baseline's tolerance is marked.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLASSES, formatRatios, measureRatios, toBaseline } from '../bench/ratios.js';
import { analyze } from '../parsers/index.js';

test('each input class is what its name says', () => {
  const get = (name: string): Uint8Array => CLASSES.find((c) => c.name === name)!.make(200_000);
  for (const c of CLASSES) assert.ok(c.make(200_000).length >= 190_000, `${c.name} is about the size asked for`);
  const flood = analyze(get('kernel-flood'));
  assert.is(flood.boots.length, 1, 'a kernel flood is one boot');
  assert.is(flood.verdict, 'ok', 'with nothing failed in it');
  assert.ok(flood.input.lines > 1000);
  assert.not.ok(get('huge-line').includes(0x0a), 'one line: no newline');
  assert.ok(Buffer.from(get('spinner')).includes('\u001bM'), 'spinner frames reopen their line');
  assert.ok(analyze(get('tiny-boots')).boots.length > 50, 'many boots');
  const status = Buffer.from(get('status-boot')).toString('latin1');
  assert.ok((status.match(/ OK .{0,8}\] /g) ?? []).length > 100, 'the lab captures are status-heavy');
  assert.ok(analyze(get('status-boot')).boots.some((b) => b.cycles.length > 0), 'systemd boots');
});

test('the harness measures every class with every tool and prints ratios', () => {
  const rows = measureRatios({ mb: 0.1, xtermMb: 0.05, runs: 1 });
  assert.equal(
    rows.map((r) => r.cls),
    CLASSES.map((c) => c.name),
  );
  for (const row of rows) {
    for (const tool of ['bootwhy', 'naive', 'xterm', 'grep'] as const) {
      const m = row.results[tool];
      assert.ok(typeof m === 'object' && m.seconds > 0, `${row.cls}: ${tool} was timed`);
    }
    assert.ok(row.results.lnav !== undefined, `${row.cls}: lnav timed or said to be missing`);
  }
  const table = formatRatios(rows, null);
  for (const c of CLASSES) assert.match(table.join('\n'), new RegExp(`^${c.name} +\\d+ +[\\d.]+ `, 'm'));

  // Against a baseline: the same run is no change; a baseline twice as fast relative to the naive scan is SLOWER.
  const same = toBaseline(rows, 0.1, 'test');
  assert.not.match(formatRatios(rows, same).join('\n'), /SLOWER/);
  const faster = structuredClone(same);
  for (const k of Object.keys(faster.classes)) faster.classes[k]!.vsNaive *= 2;
  const marked = formatRatios(rows, faster).filter((l) => l.includes('SLOWER'));
  assert.is(marked.length, CLASSES.length);
});

test("`npm run bench -- cli` times the shipped command, the modules and node's own start", () => {
  const run = fileURLToPath(new URL('../bench/run.js', import.meta.url));
  const r = spawnSync(process.execPath, [run, 'cli'], { encoding: 'utf8', env: { ...process.env, BENCH_CLI_RUNS: '1' }, timeout: 120_000 });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /^bootwhy FILE on a \d+ KiB log \(.+\), median wall time of 1 runs:$/m);
  for (const name of ['node -e 0', 'dist/bin/bootwhy.js', 'dist/cli/main.js']) assert.match(r.stdout, new RegExp(`${name.replace(/[.]/g, '\\.')}.* \\d+ ms$`, 'm'));
});

test.run();
