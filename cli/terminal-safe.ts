/**
 * Guest text is untrusted: before anything reaches the user's terminal, every control character (C0, DEL,
 * C1 — U+009B is a one-character CSI to some terminals) and bidirectional override is replaced.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safeText(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\u001b' ? '␛' : '\uFFFD')).replace(/\t/g, ' ');
}

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: string, close: string) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOUR: Palette = {
  red: wrap('31', '39'),
  yellow: wrap('33', '39'),
  green: wrap('32', '39'),
  cyan: wrap('36', '39'),
  bold: wrap('1', '22'),
  dim: wrap('2', '22'),
};

const id = (s: string) => s;
export const PLAIN: Palette = { red: id, yellow: id, green: id, cyan: id, bold: id, dim: id };

/** Colour on a terminal unless NO_COLOR says otherwise (https://no-color.org), or as asked. */
export function choosePalette(mode: 'auto' | 'always' | 'never', isTTY: boolean, env: NodeJS.ProcessEnv): Palette {
  if (mode === 'always') return COLOUR;
  if (mode === 'never') return PLAIN;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return PLAIN;
  return isTTY ? COLOUR : PLAIN;
}
