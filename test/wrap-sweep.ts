/**
 * `node dist/test/wrap-sweep.js [WIDTH] [-v]`: what a mail client's hard wrap does to the answer. Every corpus
 * log (escapes taken off, as a mail carries them) is wrapped as most mail clients send a paste: a line longer
 * than WIDTH (78 unless given) is cut at its last space that fits, the space dropped, its rest on the next line.
 * The story told of the wrapped log (boots, cycles, root cause, emergency mode, kernel crashes) is compared with
 * the story of the unwrapped one. Not a test: a measure of how well the input layer puts wrapped lines back
 * together (the metamorphic test holds the transformations that must change nothing).
 */
import { analyze } from '../parsers/index.js';
import { loadCorpus } from './support/corpus.js';
import { findings } from './support/findings.js';

const width = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 78);
const verbose = process.argv.includes('-v');
const ESC = /\x1b\[[0-9;?]*[A-Za-z]/g;

function wrap(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut));
    rest = rest.slice(rest[cut] === ' ' ? cut + 1 : cut);
  }
  out.push(rest);
  return out.join('\n');
}

const story = (text: string): string => {
  const f = findings(analyze(text));
  return JSON.stringify({ boots: f.boots, cycles: f.cycles, rootCause: f.rootCause, emergency: f.emergency, kernelCrashes: f.kernelCrashes });
};

let tried = 0;
const changed: string[] = [];
for (const c of loadCorpus(undefined, true)) {
  // (Compressed and other binary envelopes are not pasted into mails.)
  if (c.expected.knownGap !== undefined || c.log[0] === 0x1f || c.log[0] === 0xfd || c.log[0] === 0x28 || c.log.length > 400_000) continue;
  const text = Buffer.from(c.log).toString('utf8').replace(ESC, '');
  const bare = story(text);
  const wrapped = story(text.split('\n').map(wrap).join('\n'));
  tried++;
  if (wrapped !== bare) changed.push(`${c.name}\n    bare:    ${bare}\n    wrapped: ${wrapped}`);
}
if (verbose) for (const line of changed) console.log(line);
console.log(`${changed.length} of ${tried} logs tell another story when wrapped at ${width} columns`);
