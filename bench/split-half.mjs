// `node bench/split-half.mjs [-v]`: what a builder change does to the graded dev drafts, per half of the dev
// part (bench/split-half.ts), compiled on the fly with esbuild like bench/review-builder.mjs. Reads dev/ only.

import { runTs } from './run-ts.mjs';

await runTs('bench/split-half.ts', 'split-half.mjs');
