// `node bench/weak-features.mjs [--tsv]`: what predicts a WEAK or WRONG grade on the dev drafts
// (bench/weak-features.ts), compiled on the fly with esbuild like bench/review-builder.mjs. Reads dev/ only.

import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.bench', 'weak-features.mjs');
mkdirSync(join(root, '.bench'), { recursive: true });
await build({
  entryPoints: [join(root, 'bench', 'weak-features.ts')],
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
