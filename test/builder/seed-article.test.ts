// The seed article, drafted: the keys a reader must learn are asked, every quote is the article's own
// words, the draft passes the validator, the same seed gives the same deck; and the same article with
// every name swapped for another does as well (the builder knows no name of it).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeckText } from '../../src/bank/parse-deck.js';
import { findQuoteSentence, splitSentences } from '../../src/domain/article.js';
import type { Deck } from '../../src/domain/deck.js';
import { answerNamesKey, build, entityAnswers, SEED_ARTICLE_FILE } from './helpers.js';

const article = readFileSync(SEED_ARTICLE_FILE, 'utf8');
const REQUIRED = ['Qin Gang', 'Bali', 'June 16 to 21', 'Xi Jinping', 'Joe Biden', 'Russia'];
/**
 * Named in the deck's title, which the learner sees above every question: never an answer. The title says
 * whom the story is about, not where he goes (round 40): the headline's "Beijing" is asked.
 */
const IN_TITLE = ['Blinken'];
const NOT_IN_TITLE = ['Beijing'];

/** Whether some question of the deck has `key` for its answer (or one of its answers). */
function asks(deck: Deck, key: string): boolean {
  return entityAnswers(deck).some((answer) => answerNamesKey(answer, key, true));
}

describe('the seed article', () => {
  const { deck } = build(article, 1, 'blinken-visit-beijing');

  it.each(REQUIRED)('asks about %s', (key) => {
    expect(asks(deck, key)).toBe(true);
  });

  it.each(IN_TITLE)('never asks for %s, which the deck title shows', (key) => {
    expect(deck.title).toContain(key);
    expect(asks(deck, key)).toBe(false);
  });

  it.each(NOT_IN_TITLE)('asks about %s, which the headline tells and the deck title does not', (key) => {
    expect(deck.title).not.toContain(key);
    expect(asks(deck, key)).toBe(true);
  });

  it('quotes the article word for word, each quote within one sentence', () => {
    const sentences = splitSentences(article);
    for (const fact of deck.facts) expect(findQuoteSentence(sentences, fact.quote), fact.quote).not.toBeNull();
  });

  it('passes the validator `factdeck check` runs', () => {
    const result = parseDeckText(JSON.stringify(deck, null, 2), { article, folderName: 'blinken-visit-beijing' });
    expect(result.problems).toEqual([]);
    expect(deck.origin).toBe('generated');
    expect(deck.source.headline).toBe(article.split('\n')[0]);
    expect(deck.source.dateline).toBe('Washington');
    // The dateline is boilerplate: no question asks where the article was filed.
    expect(deck.questions.some((q) => /dateline|filed/.test(q.prompt))).toBe(false);
  });

  it('has questions of several kinds, a few on each informative sentence, never more than three', () => {
    const kinds = new Set(deck.questions.map((q) => q.kind));
    // With the headline's names out, this short article is asked by cloze, choice and short answer; its
    // statements are long and hold no number or date to make them false, so none is asked true/false (a
    // true statement that copies a 25-word sentence was graded WEAK by outside readers).
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    for (const q of deck.questions.filter((x) => x.kind === 'true-false')) expect(q.answer === false || q.prompt.split(/\s+/).length <= 17, q.prompt).toBe(true);
    expect(deck.facts.length).toBeGreaterThanOrEqual(6);
    expect(deck.questions.length).toBeGreaterThanOrEqual(7);
    const perFact = new Map<string, number>();
    for (const q of deck.questions) perFact.set(q.factId, (perFact.get(q.factId) ?? 0) + 1);
    expect(Math.max(...perFact.values())).toBeLessThanOrEqual(3);
  });

  it('gives the same deck, byte for byte, for the same seed; another deck for another seed', () => {
    const again = JSON.stringify(build(article, 1, 'blinken-visit-beijing').deck);
    expect(again).toBe(JSON.stringify(deck));
    const other = build(article, 2, 'blinken-visit-beijing').deck;
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(deck));
    expect(parseDeckText(JSON.stringify(other), { article, folderName: 'blinken-visit-beijing' }).problems).toEqual([]);
  });
});

// Every name, place and date of the seed article, swapped for another, the same way everywhere.
const SWAPS: [string, string][] = [
  ['Antony Blinken', 'Maria Lindqvist'],
  ['Blinken', 'Lindqvist'],
  ['Joe Biden', 'Claire Dubois'],
  ['Biden', 'Dubois'],
  ['Xi Jinping', 'Budi Hartono'],
  ['President Xi', 'President Hartono'],
  ['Qin Gang', 'Dewi Santoso'],
  ['Beijing', 'Jakarta'],
  ['Bali', 'Kyoto'],
  ['Russia', 'Belarus'],
  ['Chinese', 'Indonesian'],
  ['China', 'Indonesia'],
  ['United States', 'United Kingdom'],
  ['US', 'UK'],
  ['Washington', 'London'],
  ['State Department', 'Foreign Office'],
  ['Wednesday', 'Thursday'],
  ['June 16 to 21', 'September 4 to 9'],
];
const SWAPPED_REQUIRED = ['Dewi Santoso', 'Kyoto', 'September 4 to 9', 'Budi Hartono', 'Claire Dubois', 'Belarus'];

function swapNames(text: string): string {
  let out = text;
  // Longest first, through placeholders, so "Blinken" inside "Antony Blinken" is swapped once.
  SWAPS.forEach(([from], i) => {
    out = out.split(from).join(`\u0000${i}\u0000`);
  });
  SWAPS.forEach(([, to], i) => {
    out = out.split(`\u0000${i}\u0000`).join(to);
  });
  return out;
}

describe('the seed article with its names swapped', () => {
  const swapped = swapNames(article);
  const { deck } = build(swapped, 1, 'swapped');

  it('really has none of the original names left', () => {
    for (const [from] of SWAPS) expect(swapped, from).not.toMatch(new RegExp(`\\b${from}\\b`));
  });

  it.each(SWAPPED_REQUIRED)('asks about %s', (key) => {
    expect(asks(deck, key)).toBe(true);
  });

  it.each(['Lindqvist'])('never asks for %s, which the deck title shows', (key) => {
    expect(deck.title).toContain(key);
    expect(asks(deck, key)).toBe(false);
  });

  it('does as well as the original: as many facts and questions, as many keys asked', () => {
    const original = build(article, 1, 'blinken-visit-beijing').deck;
    expect(deck.facts.length).toBe(original.facts.length);
    expect(Math.abs(deck.questions.length - original.questions.length)).toBeLessThanOrEqual(2);
    expect(entityAnswers(deck).length).toBeGreaterThanOrEqual(entityAnswers(original).length);
    expect(parseDeckText(JSON.stringify(deck), { article: swapped, folderName: 'swapped' }).problems).toEqual([]);
  });
});
