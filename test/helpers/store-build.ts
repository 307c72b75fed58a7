// The compiled storage layer, for tests that run the store in child processes (plain `node` cannot load
// TypeScript): their fixtures import ../../../dist/storage/*.js. `npm test` builds dist/ before vitest
// runs; run `npm run build` first when running a test file alone. A dist/ older than src/storage would
// test yesterday's code, so that is refused too.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Throws, saying what to run, unless dist/storage holds a build of every src/storage module at least as new as it. */
export function assertStorageBuilt(): void {
  const srcDir = join(root, 'src', 'storage');
  const outDir = join(root, 'dist', 'storage');
  for (const name of readdirSync(srcDir).filter((file) => file.endsWith('.ts'))) {
    const built = join(outDir, name.replace(/\.ts$/, '.js'));
    if (!existsSync(built)) throw new Error(`dist/storage/${name.replace(/\.ts$/, '.js')} is missing: run \`npm run build\` first (npm test does it)`);
    if (statSync(built).mtimeMs < statSync(join(srcDir, name)).mtimeMs) {
      throw new Error(`dist/storage is older than src/storage/${name}: run \`npm run build\` first (npm test does it)`);
    }
  }
}
