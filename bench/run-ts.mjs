// Runs one of the builder's TypeScript tools (test/builder/review.ts, bench/weak-features.ts) on the
// sources as they are: compiled on the fly with esbuild into .bench/, no build step needed.

import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;

/** Compiles `entry` (relative to the project) to .bench/<name> and runs it. */
export async function runTs(entry, name) {
  const out = join(root, '.bench', name);
  mkdirSync(join(root, '.bench'), { recursive: true });
  await build({
    entryPoints: [join(root, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['compromise', 'vitest'],
    // The tools find the project from test/builder/ (helpers.ts), wherever the compiled file lands.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'test', 'builder', 'helpers.ts')).href) },
    logLevel: 'warning',
  });
  // compromise resolves from the project's node_modules: the compiled file sits inside the project.
  await import(pathToFileURL(out).href);
}
