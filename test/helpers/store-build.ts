// The compiled storage layer, for tests that run the store in child processes (plain `node` cannot load
// TypeScript). `npm test` builds dist/ before vitest runs; run `npm run build` first when running a test
// file alone.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface BuiltStorage {
  /** file: URL of a compiled storage module, e.g. moduleUrl('store') for dist/storage/store.js. */
  moduleUrl(name: string): string;
  remove(): Promise<void>;
}

export async function buildStorage(): Promise<BuiltStorage> {
  const outDir = join(root, 'dist', 'storage');
  if (!existsSync(join(outDir, 'store.js'))) {
    throw new Error('dist/storage/store.js is missing: run `npm run build` first (npm test does it)');
  }
  return {
    moduleUrl: (name) => pathToFileURL(join(outDir, `${name}.js`)).href,
    remove: async () => {},
  };
}
