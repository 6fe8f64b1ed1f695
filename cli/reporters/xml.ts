/**
 * Text for XML character data and attributes (JUnit, SVG): the terminal-unsafe characters out first
 * (safeText: XML 1.0 forbids most controls anyway), then the markup characters escaped, and nothing else XML
 * 1.0 forbids (lone surrogates, U+FFFE and U+FFFF) left in.
 */
import { safeText } from '../terminal-safe.js';

const FORBIDDEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `max`: at most this many characters of the text (cut before escaping, so no entity is cut). */
export function xmlText(s: string, max = Infinity): string {
  let t = safeText(s).replace(FORBIDDEN, '\uFFFD');
  if (t.length > max) t = t.slice(0, max - 1) + '…';
  return t.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
