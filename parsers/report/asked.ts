/**
 * Why a cycle's emergency or rescue mode counts as asked for, in words for a headline, the text report and
 * the TUI alike: the kernel command line's break (`rd.break=`, `break=`), else the default target it named
 * (`systemd.unit=rescue.target`), else nothing failed before it (systemd enters rescue mode only when asked).
 */
import type { Cycle } from './schema.js';

export function askedBecause(c: Pick<Cycle, 'emergency' | 'defaultTarget'>): string {
  const first = c.emergency?.evidence[0];
  // (Its words without the kernel's timestamp: `dracut-pre-mount[249]: Warning: Break before pre-mount`.)
  if (first !== undefined && /\bbreak=/.test(first.why)) return `the kernel command line asked for it, line ${first.line}: ${first.text.replace(/^\s*\[\s*\d+\.\d+\]\s*/, '').trim()}`;
  if (first !== undefined && /\bsystemd\.unit=/.test(first.why)) return `the command line asked for it, line ${first.line}: ${first.why.slice(first.why.indexOf('systemd.unit='), -1)}`;
  if (c.defaultTarget !== null) return `${c.defaultTarget} was the default target${first !== undefined ? `, line ${first.line}` : ''}`;
  return 'nothing failed before it (systemd enters rescue mode only when asked)';
}
