// The last step of `npm run build`, after tsc: the `bootwhy` command as one module (dist/bin/bootwhy.js) with
// the batch worker beside it (dist/bin/worker.js) and a chunk for each part a command loads only when it
// runs (the TUI, the batch reporters, the schema). Node 20 then reads one file where it read some forty and
// resolves no imports between them: about 25 ms less for every run of `bootwhy FILE`
// (`npm run bench -- cli` measures both). dist/cli stays as tsc wrote it: the library, the tests and the
// module graph's checks (test/architecture.test.ts) read it.
//
// esbuild, not hand-written concatenation: it resolves the ES modules, keeps their order of initialisation
// and splits the lazily imported parts into chunks, and it is the bundler most tools of this kind use.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/bin');
rmSync(out, { recursive: true, force: true });
await build({
  // The worker's name is the one dist/cli/batch/pool.js gives it (`new URL('./worker.js', import.meta.url)`):
  // beside the chunk that holds the pool, as it is beside pool.js.
  entryPoints: { bootwhy: join(root, 'dist/cli/main.js'), worker: join(root, 'dist/cli/batch/worker.js') },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages stay where npm put them (serialport's native addon, ink's own lazy imports).
  packages: 'external',
  outdir: out,
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
});
chmodSync(join(out, 'bootwhy.js'), 0o755);
