// `node bench/review-builder.mjs [--article ID] [--seed N] [--summary] [--carry]`: the grading tool for the
// builder (test/builder/review.ts), compiled on the fly with esbuild so it runs on the sources as they are,
// no build step needed. It reads the corpus's development part (`--part test`: the held-out part, for its graders only); see test/builder/REVIEW.md.

import { runTs } from './run-ts.mjs';

await runTs('test/builder/review.ts', 'review-builder.mjs');
