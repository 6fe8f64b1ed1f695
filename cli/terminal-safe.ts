/**
 * Guest text is untrusted: before anything reaches the user's terminal, every character that can steer
 * a terminal or hide what it shows is taken out of the text. One list for every output (text, JSON,
 * NDJSON events, the TUI):
 * - C0 controls and DEL (ESC starts every sequence), C1 controls (U+009B is a one-character CSI to some
 *   terminals, U+009D an OSC: titles, clipboard writes);
 * - bidirectional marks, embeddings, overrides and isolates (text that reads otherwise than it is);
 * - zero-width and invisible format characters (U+061C, U+200B–U+200D, U+2060–U+2064, U+FEFF, soft hyphen)
 *   and the line and paragraph separators U+2028/U+2029.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = '\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb';
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, 'g');

export function safeText(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\u001b' ? '␛' : '\uFFFD')).replace(/\t/g, ' ');
}

/**
 * JSON for a terminal or a pipe: `JSON.stringify` escapes C0 controls but writes C1 controls, bidi and
 * zero-width characters raw; here they are `\u009b`-style escapes. Such characters only occur inside
 * strings (JSON.stringify has escaped the C0 ones already; tab and newline are not in the list), so the
 * escaped text parses to the very same value.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
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
