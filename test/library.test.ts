/**
 * bootwhy as a library: the packed tarball installed in a project of its own, the README's example
 * type-checked against the shipped declarations and run. The UI packages (ink, React, serialport,
 * @xterm/headless) are removed from that project first: importing the parser must not need them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The example the README shows, between its markers. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- library-example -->\s*```ts\n([\s\S]*?)```/.exec(readme);
  if (m === null) throw new Error('README.md has no library example');
  return m[1]!;
}

test('the packed package imports as a library, with types, without the UI packages', () => {
  const work = mkdtempSync(join(tmpdir(), 'bootwhy-lib-'));
  try {
    const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
    // dist/ is built by `npm test` before the tests run; pack it as it stands.
    npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack made no tarball');

    const app = join(work, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'uses-bootwhy', private: true, type: 'module', dependencies: { bootwhy: `file:../${tarball}` } }));
    npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], app);
    for (const ui of ['ink', 'react', 'serialport', '@serialport', '@xterm']) rmSync(join(app, 'node_modules', ui), { recursive: true, force: true });

    writeFileSync(join(app, 'console.log'), readFileSync(join(ROOT, 'corpora', 'tmt-soft-reboot-var-mount', 'console.log')));
    writeFileSync(join(app, 'example.ts'), readmeExample());
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], outDir: 'out' }, files: ['example.ts'] }),
    );
    // Node's types for the example's fs import: the ones this project uses.
    execFileSync('ln', ['-s', join(ROOT, 'node_modules', '@types'), join(app, 'node_modules', '@types')]);
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });

    const out = execFileSync(process.execPath, ['out/example.js', 'console.log'], { cwd: app, encoding: 'utf8' });
    assert.match(out, /^failed /m, out);
    assert.match(out, /var\.mount/, out);

    // The package's command is the bundle with its chunks (dist/bin): installed, it runs from npm's link,
    // and its analysis path needs none of the UI packages either.
    const cli = spawnSync(join(app, 'node_modules', '.bin', 'bootwhy'), ['console.log', '--json'], { cwd: app, encoding: 'utf8' });
    assert.is(cli.status, 1, cli.stderr);
    assert.is((JSON.parse(cli.stdout) as { rootCause: { unit: string } }).rootCause.unit, 'var.mount');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test.run();
