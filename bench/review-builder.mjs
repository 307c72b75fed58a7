// `node bench/review-builder.mjs [--article ID] [--seed N] [--summary] [--carry]`: the grading tool for the
// builder (test/builder/review.ts), compiled on the fly with esbuild so it runs on the sources as they are,
// no build step needed. It reads only the corpus's development part; see test/builder/REVIEW.md.

import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.bench', 'review-builder.mjs');
mkdirSync(join(root, '.bench'), { recursive: true });
await build({
  entryPoints: [join(root, 'test', 'builder', 'review.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['compromise', 'vitest'],
  // The tool finds the project from test/builder/ (helpers.ts), wherever the compiled file lands.
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'test', 'builder', 'helpers.ts')).href) },
  logLevel: 'warning',
});
// compromise resolves from the project's node_modules: the compiled file sits inside the project.
await import(pathToFileURL(out).href);
