/**
 * One place decides every exit status: the README's table lists exactly the codes of cli/exit-codes.ts,
 * the batch order it states is the one `worse` applies, and no command under cli/ returns a bare number.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, worse } from '../cli/exit-codes.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Exit status'), readme.indexOf('\n## ', readme.indexOf('## Exit status') + 5));

test('the README table lists exactly the codes of cli/exit-codes.ts', () => {
  assert.ok(section.length > 100, 'README has an Exit status section');
  const rows = [...section.matchAll(/^\| (\d+) \| (.+?) \| (.+?) \|$/gm)].map((m) => Number(m[1]));
  const codes = [...new Set(Object.values(EXIT))].sort((a, b) => a - b);
  assert.equal(rows, codes);
});

test('the batch order the README states is the one worse() applies', () => {
  const order = /in the order ([\d, ]+)\./.exec(section)?.[1]?.split(',').map((s) => Number(s.trim()));
  assert.ok(order !== undefined && order.length === Object.keys(EXIT).length, 'the order names every code');
  for (let i = 0; i < order!.length; i++)
    for (let j = i + 1; j < order!.length; j++) {
      assert.is(worse(order![i]!, order![j]!), order![i], `${order![i]} is worse than ${order![j]}`);
      assert.is(worse(order![j]!, order![i]!), order![i], `${order![i]} is worse than ${order![j]} (either way round)`);
    }
});

test('no command under cli/ decides an exit status with a bare number', () => {
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && name !== 'exit-codes.ts') {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/\bexitCode\s*=\s*\d|\bprocess\.exit\(\d|\bcode:\s*\d\b|\bdecide\(\d/.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
          });
      }
    }
  };
  walk(join(repoRoot, 'cli'));
  assert.equal(offenders, []);
});

test.run();
