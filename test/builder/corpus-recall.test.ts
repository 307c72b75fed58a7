// Key-fact recall on the development part of the real-news corpus: the share of its gold facts (written
// before the builder ever ran on the article) that some answer of the drafted deck names. REVIEW.md gives
// the figures per article; this keeps them from falling. It reads only dev/: the test part is measured by
// someone else.

import { describe, expect, it } from 'vitest';
import { loadCorpusPart, recallOf } from './corpus-measure.js';
import { build } from './helpers.js';

/**
 * The recall reached on the development part when REVIEW.md was last written; it must not fall. (The 22
 * articles the rules were tuned on gave 146/175 = 83.4%; the fifth batch's 10, added untuned, 43/80; all 32
 * together 189/255 = 74.1%. Round 13 took all 32 to 200/255 = 78.4%. The sixth batch's 10, added untuned
 * before round 15, gave 40/79, and all 42 240/334 = 71.9%; round 15 took the 42 to 252/334 = 75.4%.)
 */
const DEV_RECALL = 0.75;

describe('key-fact recall on the development part of the corpus', () => {
  const articles = loadCorpusPart('dev');
  const results = articles.map((entry) => ({ id: entry.id, ...recallOf(build(entry.article, 1, entry.id).deck, entry.gold) }));

  it('has gold facts to measure', () => {
    expect(articles.length).toBeGreaterThanOrEqual(20);
    for (const entry of articles) expect(entry.gold.length, entry.id).toBeGreaterThanOrEqual(6);
  });

  it(`names at least ${DEV_RECALL * 100}% of the gold facts among the answers`, () => {
    const facts = results.reduce((n, r) => n + r.facts, 0);
    const found = results.reduce((n, r) => n + r.found, 0);
    console.log(`\ndev recall ${found}/${facts} = ${((100 * found) / facts).toFixed(1)}%\n${results.map((r) => `  ${r.id}: ${r.found}/${r.facts}`).join('\n')}\n`);
    expect(found / facts).toBeGreaterThanOrEqual(DEV_RECALL);
  });

  it('gives the same recall for another seed: the seed varies choices, not which keys are asked', () => {
    const other = articles.reduce((n, entry) => n + recallOf(build(entry.article, 7, entry.id).deck, entry.gold).found, 0);
    const found = results.reduce((n, r) => n + r.found, 0);
    expect(Math.abs(other - found)).toBeLessThanOrEqual(2);
  });
});
