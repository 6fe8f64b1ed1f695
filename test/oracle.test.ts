/**
 * @xterm/headless is the oracle for the terminal layer: each corpus log, rendered by a real terminal
 * emulator (wide, large scrollback), must show the same lines the terminal layer emits.
 */
import xterm from '@xterm/headless';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCorpus } from './support/corpus.js';
import { splitLines } from './support/feed.js';

const COLS = 4000;

function render(data: Uint8Array): Promise<string[]> {
  const term = new xterm.Terminal({ cols: COLS, rows: 60, scrollback: 1_000_000, convertEol: true, allowProposedApi: true, logLevel: 'off' });
  return new Promise((done) => {
    term.write(data, () => {
      const buf = term.buffer.active;
      const out: string[] = [];
      for (let y = 0; y < buf.length; y++) {
        const line = buf.getLine(y);
        if (!line) continue;
        const text = line.translateToString(true);
        if (line.isWrapped && out.length > 0) out[out.length - 1] += text;
        else out.push(text);
      }
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
      term.dispose();
      done(out);
    });
  });
}

/** A full reset or a screen erase wipes what a terminal shows; compare what each part of the log shows. */
function segments(data: Uint8Array): Uint8Array[] {
  const text = Buffer.from(data).toString('latin1');
  const cuts = [0];
  // Cut before the erase: it wipes what came before it, not what follows.
  for (const m of text.matchAll(/\x1bc|\x1b\[[23]?J/g)) cuts.push(m.index!);
  cuts.push(data.length);
  const out: Uint8Array[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1]! > cuts[i]!) out.push(data.subarray(cuts[i], cuts[i + 1]));
  return out;
}

/** The part moves the cursor to screen positions (other than agetty's unanswered size probe), or designates
 *  a national character set (`ESC ( K`: a terminal then shows `[` as `Ä`; the terminal layer keeps the
 *  bytes' own characters, which is what the analysis reads). */
function drawsScreen(part: Uint8Array): boolean {
  const text = Buffer.from(part).toString('latin1');
  if (/\x1b[()][^B0]/.test(text)) return true;
  // A shell's line editor moving up into lines already printed (`ESC[A` while recalling history): the
  // terminal layer keeps lines as printed and does not go back to rewrite them.
  if (/\x1b\[\d*A/.test(text)) return true;
  for (const m of text.matchAll(/\x1b\[(\d+);(\d+)[Hf]/g)) if (m[1] !== '32766' && m[1] !== '1') return true;
  // A scrolling region (a full-screen installer's dialogs under screen(1): `ESC[8;19r`), or the cursor sent
  // home to draw over the top line (screen(1)'s status line: `ESC[H … ESC[32m[ (0*start) ]`), not to clear.
  if (/\x1b\[\d+;\d+r/.test(text) || /\x1b\[H(?!\x1b\[[23]?J)/.test(text)) return true;
  // A line wider than the emulated terminal that moves back along itself (YaST's redraws after their ESC bytes
  // were lost: thousands of spaces, then `\b \b` and the next frame): the terminal wraps it where the layer,
  // which has no width, does not, and the backspaces land on other cells.
  for (const line of text.split('\n')) if (line.length > COLS && (line.includes('\b') || line.includes('\r'))) return true;
  return false;
}

for (const c of loadCorpus()) {
  test(`xterm shows what the terminal layer emits: ${c.name}`, async () => {
    const shown: string[] = [];
    const whole = segments(c.log);
    // A bootloader's menu is drawn at absolute screen positions (GRUB: ESC[5;78H …), which the terminal
    // layer deliberately does not emulate: such a screen is left out on both sides.
    const drawn = whole.filter(drawsScreen);
    for (const seg of whole) if (!drawsScreen(seg)) shown.push(...(await render(seg)));
    // (A line longer than the terminal layer's limit goes on in records of its own (`truncated`): one line
    // on a terminal, joined back for the comparison.)
    const ours = (drawn.length === 0 ? [c.log] : whole.filter((s) => !drawsScreen(s)))
      .flatMap((s) => splitLines(s))
      .filter((l) => !l.overwritten)
      .reduce<{ out: string[]; open: boolean }>((acc, l) => {
        if (acc.open) acc.out[acc.out.length - 1] += l.text;
        else acc.out.push(l.text);
        acc.open = l.truncated;
        return acc;
      }, { out: [], open: false })
      .out.map((t) => t.replace(/\s+$/, ''));
    while (ours.length > 0 && ours[ours.length - 1] === '') ours.pop();
    // A byte that is not UTF-8 (a board's firmware noise: 0xFE) is U+FFFD in the terminal layer, on
    // purpose (the report says the input was damaged); xterm drops it. Compared without it.
    // A zero-width no-break space (a BOM a file pasted into a command line kept: `Command line: \ufeff root=…`)
    // takes no cell in xterm; the terminal layer keeps the character. Compared without it too.
    const strip = (xs: string[]) => xs.map((s) => s.replace(/[\ufffd\ufeff]/g, '').replace(/\s+$/, ''));
    // agetty's size probe (ESC[32766;32766H, unanswered) leaves the cursor at the far right, so the next
    // output starts there on a real terminal; the terminal layer deliberately ignores absolute positions.
    const unjump = (xs: string[]) => xs.map((s) => s.replace(/^ {1000,}/, ''));
    // The same probe moves the cursor to the bottom row: on a screen not yet full, the rows it skips
    // read as empty lines. Blank lines are left out of the comparison on both sides for that reason.
    const nonBlank = (xs: string[]) => xs.filter((s) => s !== '');
    assert.equal(nonBlank(strip(ours)), nonBlank(unjump(strip(shown))));
  });
}

test.run();
