// The long article the benchmark builds: deterministic, as long as asked, and drafted into a valid deck.

import { describe, expect, it } from 'vitest';
import { parseDeckText } from '../../src/bank/parse-deck.js';
import { build } from './helpers.js';
import { makeLongArticle } from './long-article.js';

describe('makeLongArticle', () => {
  it('is the same text every time, with at least the words asked for', () => {
    const article = makeLongArticle(10_000);
    expect(makeLongArticle(10_000)).toBe(article);
    const words = article.split(/\s+/).filter((w) => w !== '').length;
    expect(words).toBeGreaterThanOrEqual(10_000);
    expect(words).toBeLessThan(10_500);
    expect(article.split('\n')[0]).toMatch(/^Long Report/);
  });

  it('builds into a deck that passes the validator', () => {
    const article = makeLongArticle(10_000);
    const { deck } = build(article, 1, 'long-article');
    expect(deck.questions.length).toBeGreaterThan(100);
    expect(parseDeckText(JSON.stringify(deck), { article, folderName: 'long-article' }).problems).toEqual([]);
  });
});
