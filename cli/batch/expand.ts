/**
 * The inputs of a batch run: files as given, directories walked (recursively, in name order), globs
 * (`*`, `?`, `[…]`, `**`) expanded by bootwhy itself, so quoting works the same on every shell. What
 * cannot be read is one error line; the run goes on without it.
 */
import { promises as fs } from 'node:fs';
import { join, sep } from 'node:path';
import { describeFsError } from '../errors.js';

export interface Expanded {
  /** Input paths in the order given (a directory's or a glob's files in name order). */
  paths: string[];
  /** One line for each argument that gave nothing readable. */
  errors: string[];
}

const GLOB = /[*?[]/;

export function isGlob(arg: string): boolean {
  return GLOB.test(arg);
}

export async function expandInputs(args: readonly string[]): Promise<Expanded> {
  const paths: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    if (seen.has(p)) return;
    seen.add(p);
    paths.push(p);
  };
  for (const arg of args) {
    if (arg === '-') {
      add(arg);
      continue;
    }
    if (isGlob(arg)) {
      const found = await glob(arg);
      if (found.length === 0) errors.push(`${arg}: no file matches`);
      found.forEach(add);
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch (err) {
      errors.push(describeFsError(err, arg));
      continue;
    }
    if (stat.isDirectory()) {
      const found = await walk(arg);
      if (found.length === 0) errors.push(`${arg}: no files in this directory`);
      found.forEach(add);
    } else {
      add(arg);
    }
  }
  return { paths, errors };
}

/** Every file under `dir`, sorted by path; unreadable subdirectories are skipped. */
async function walk(dir: string, depth = Infinity): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 1) out.push(...(await walk(p, depth - 1)));
    } else if (e.isFile()) out.push(p);
    else if (e.isSymbolicLink()) {
      const s = await fs.stat(p).catch(() => null);
      if (s?.isFile()) out.push(p);
    }
  }
  return out;
}

/** Files matching a glob: the directory part before the first wildcard is walked, the rest matched. */
async function glob(pattern: string): Promise<string[]> {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !isGlob(parts[0]!)) fixed.push(parts.shift()!);
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  const rest = parts.join('/');
  const re = globRegExp(rest);
  // Without `**` a pattern reaches only as deep as it has parts: the walk stops there.
  const files = await walk(base, rest.includes('**') ? Infinity : parts.length);
  const prefix = base === '.' ? '' : base.endsWith('/') ? base : base + '/';
  return files.filter((f) => {
    const rel = f.slice(prefix.length);
    return re.test(sep === '/' ? rel : rel.split(sep).join('/'));
  });
}

/** A glob as an anchored regex over a `/`-separated relative path: `**` crosses directories, `*` and `?` do not. */
export function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches any number of directories, a trailing `**` anything.
        if (pattern[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) {
        re += '\\[';
      } else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else {
      re += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}
