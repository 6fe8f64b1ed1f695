/**
 * `--format svg`: the boot as a chart. It must be a well-formed document (xmllint), hold nothing of the
 * guest's text that could act (no markup, no script, no control characters), and render in a real browser:
 * headless Chromium takes a screenshot and the test looks at its pixels.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze } from '../parsers/index.js';
import { FAILURE_COLOUR, PHASE_COLOUR, renderSvg } from '../cli/reporters/svg.js';
import { readPng, type Image } from './support/png.js';
import { CORPORA } from './support/corpus.js';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'dist/bin/bootwhy.js');
const dir = mkdtempSync(join(tmpdir(), 'bootwhy-svg-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function svgOf(path: string): string {
  return renderSvg(analyze(new Uint8Array(readFileSync(join(CORPORA, path))), { name: path }));
}

async function wellFormed(file: string): Promise<void> {
  await run('xmllint', ['--noout', file]);
}

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].map((c) => `/usr/bin/${c}`).find((p) => existsSync(p)) ?? 'chromium';

/** Headless Chromium's screenshot of the file, as pixels. */
async function screenshot(file: string, width: number, height: number): Promise<Image> {
  const png = join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.png`);
  await run(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${width},${height}`, `--screenshot=${png}`, `file://${file}`], { timeout: 120_000 });
  return readPng(new Uint8Array(readFileSync(png)));
}

function hex(c: string): [number, number, number] {
  return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
}

/** Pixels of about this colour (anti-aliasing blends the edges). */
function count(img: Image, colour: string, within = 12): number {
  const [r, g, b] = hex(colour);
  let n = 0;
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
    const [pr, pg, pb] = img.rgb(x, y);
    if (Math.abs(pr - r) <= within && Math.abs(pg - g) <= within && Math.abs(pb - b) <= within) n++;
  }
  return n;
}

test('the seed-shaped lab capture as a chart: well formed, and Chromium draws its phases and its failure', async () => {
  const svg = svgOf('lab/var-bind-soft-reboot/console.log');
  const file = join(dir, 'seed.svg');
  writeFileSync(file, svg);
  await wellFormed(file);
  // Two cycles, both drawn; the root cause in words, in the failure's colour.
  assert.match(svg, /cycle 1 \(after the kernel\)/);
  assert.match(svg, /cycle 2 \(soft-reboot\)/);
  assert.match(svg, /class="root-cause">✗ var\.mount failed to mount \/var/);
  assert.ok(!/<script|javascript:|href=/i.test(svg));
  const height = Number(/height="(\d+)"/.exec(svg)![1]);
  const img = await screenshot(file, 1200, height);
  assert.is(img.width, 1200);
  // Rendered, not blank: the system phase's colour fills bars, the failure's marks and text show.
  assert.ok(count(img, PHASE_COLOUR.system) > 2000, `system phase pixels: ${count(img, PHASE_COLOUR.system)}`);
  assert.ok(count(img, PHASE_COLOUR.kernel) > 200, 'kernel phase pixels');
  assert.ok(count(img, FAILURE_COLOUR, 30) > 100, `failure pixels: ${count(img, FAILURE_COLOUR, 30)}`);
});

test('a clean log draws no failure; a log without uptimes is drawn along its lines', async () => {
  const clean = svgOf('lab/clean-boot/console.log');
  assert.ok(!clean.includes('class="root-cause"'));
  const file = join(dir, 'clean.svg');
  writeFileSync(file, clean);
  await wellFormed(file);
  const img = await screenshot(file, 1200, Number(/height="(\d+)"/.exec(clean)![1]));
  assert.ok(count(img, PHASE_COLOUR.system) > 2000);
  // (The legend's small marks only: no failure bar or root cause text.)
  assert.ok(count(img, FAILURE_COLOUR, 30) < 150, `failure pixels on a clean log: ${count(img, FAILURE_COLOUR, 30)}`);
  // A journal in wall-clock time has no kernel uptimes: the axis is the log's lines.
  const journal = svgOf('lab/clean-boot-journal/console.log');
  assert.match(journal, />log line</);
});

test("the guest's text cannot act in the picture: markup, entities and control characters are inert", async () => {
  const hostile = [
    '[    0.000000] Linux version 6.1.0 (x@y) #1 SMP',
    '[    2.000000] systemd[1]: systemd 252 running in system mode (+PAM)',
    '[FAILED] Failed to start <script>alert(1)</script> & "quoted" \u001b]0;title\u0007 ]]> \ud800 Service.',
    '[DEPEND] Dependency failed for <a href="javascript:x">Multi-User</a>.',
  ].join('\n');
  const svg = renderSvg(analyze(hostile + '\n', { name: 'evil<name>.log' }));
  const file = join(dir, 'hostile.svg');
  writeFileSync(file, svg);
  await wellFormed(file);
  assert.ok(!svg.includes('<script'), 'no script element');
  assert.ok(!svg.includes('<a '), 'no link element');
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(svg), 'no control characters');
  assert.match(svg, /&lt;script&gt;/);
  assert.match(svg, /evil&lt;name&gt;\.log/);
});

test('bootwhy --format svg writes the chart for one log and refuses many', async () => {
  const { stdout } = await run('node', [BIN, '--format', 'svg', join(CORPORA, 'lab/soft-reboot/console.log')]).catch((e: { stdout: string; code: number }) => e);
  assert.ok(stdout.startsWith('<?xml'));
  assert.match(stdout, /cycle 2 \(soft-reboot\)/);
  const many = await run('node', [BIN, '--format', 'svg', join(CORPORA, 'lab/soft-reboot/console.log'), join(CORPORA, 'lab/clean-boot/console.log')]).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  assert.ok(many !== null);
  assert.is(many.code, 2);
  assert.match(many.stderr, /--format svg draws one log/);
});

test.run();
