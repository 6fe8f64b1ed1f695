/** Where the policy file is: the bootwhy.yaml nearest above a log (no YAML or zod loaded to look). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAME = 'bootwhy.yaml';

/** The bootwhy.yaml nearest above a log (its directory, then each parent), or null. */
const found = new Map<string, string | null>();
export function findConfig(log: string): string | null {
  let dir = resolve(log === '-' ? '.' : dirname(log));
  const seen: string[] = [];
  for (;;) {
    const cached = found.get(dir);
    if (cached !== undefined) {
      for (const d of seen) found.set(d, cached);
      return cached;
    }
    seen.push(dir);
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) {
      for (const d of seen) found.set(d, candidate);
      return candidate;
    }
    const up = dirname(dir);
    if (up === dir) {
      for (const d of seen) found.set(d, null);
      return null;
    }
    dir = up;
  }
}

