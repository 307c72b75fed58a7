// `node bench/weak-features.mjs [--tsv]`: what predicts a WEAK or WRONG grade on the dev drafts
// (bench/weak-features.ts), compiled on the fly with esbuild like bench/review-builder.mjs. Reads dev/ only.

import { runTs } from './run-ts.mjs';

await runTs('bench/weak-features.ts', 'weak-features.mjs');
