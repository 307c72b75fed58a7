// Mechanical promises of `factdeck build` on the whole real-news corpus, development and test parts alike:
// no answer is a pronoun, an article or a single character, and every draft passes the validator
// `factdeck check` runs. Only these properties are checked, and a failure names a test-part article by
// its number alone: the test part is graded by someone else and is not looked at here.

import { describe, expect, it } from 'vitest';
import { parseDeckText } from '../../src/bank/parse-deck.js';
import type { Deck } from '../../src/domain/deck.js';
import { loadCorpusPart, type CorpusArticle } from './corpus-measure.js';
import { build } from './helpers.js';

const PRONOUNS = new Set(
  'i me my mine myself we us our ours ourselves you your yours he him his himself she her hers herself it its itself they them their theirs themselves this that these those who whom'.split(' '),
);

/** Why an answer is no answer (a pronoun, an article, a lone character), or null. */
function badAnswer(answer: string): string | null {
  const text = answer.trim();
  const bare = text.replace(/[^\p{L}\p{N}]/gu, '');
  // A lone letter or initial ("I", "J."); a lone digit ("8%", "2") is a number, and may be asked.
  if (bare.length === 0 || (bare.length === 1 && /\p{L}/u.test(bare))) return 'a single character';
  const lower = text.toLowerCase();
  if (lower === 'a' || lower === 'an' || lower === 'the') return 'an article';
  // "US" in capitals is a country; "us" is the pronoun.
  if (PRONOUNS.has(lower) && !(text === text.toUpperCase() && text.length > 1 && lower !== 'i')) return 'a pronoun';
  if (/^i['’]/i.test(text)) return 'a pronoun';
  return null;
}

function answersOf(deck: Deck): string[] {
  return deck.questions.flatMap((q) => {
    if (q.kind === 'choice' || q.kind === 'cloze' || q.kind === 'short-answer') return [q.answer];
    if (q.kind === 'multi-select') return q.answer;
    return [];
  });
}

/** Each article's deck, built once for every check of this file (the corpus grows, and builds are slow). */
const decks = new Map<CorpusArticle, Deck>();
function deckOf(entry: CorpusArticle): Deck {
  let deck = decks.get(entry);
  if (deck === undefined) {
    deck = build(entry.article, 1, 'corpus-deck').deck;
    decks.set(entry, deck);
  }
  return deck;
}

/** Building a whole part of the corpus takes some seconds a hundred articles, more on a loaded machine. */
const WHOLE_PART_MS = 180_000;

const parts: ['dev' | 'test', CorpusArticle[]][] = [
  ['dev', loadCorpusPart('dev')],
  ['test', loadCorpusPart('test')],
];

describe('the answer check itself', () => {
  it.each([
    ['I', 'a single character'],
    ['she', 'a pronoun'],
    ['The', 'an article'],
    ['I’d', 'a pronoun'],
    ['J.', 'a single character'],
  ])('refuses "%s" (%s)', (answer, why) => {
    expect(badAnswer(answer)).toBe(why);
  });

  it.each(['US', 'Ana Ruiz', '12', '8%', 'the Senate'])('accepts "%s"', (answer) => {
    expect(badAnswer(answer)).toBeNull();
  });
});

describe.each(parts)('factdeck build on the %s part of the corpus', (part, articles) => {
  it('has articles', () => {
    if (part === 'dev') expect(articles.length).toBeGreaterThanOrEqual(20);
    else expect(articles.length).toBeGreaterThanOrEqual(0);
  });

  it('asks no answer that is a pronoun, an article or a single character', () => {
    articles.forEach((entry, i) => {
      const name = part === 'dev' ? entry.id : `test article #${i + 1}`;
      const bad = answersOf(deckOf(entry)).filter((answer) => badAnswer(answer) !== null);
      // A test-part failure shows only how many answers: its words are not to be seen while tuning.
      if (part === 'dev') expect(bad, name).toEqual([]);
      else expect(bad.length, name).toBe(0);
    });
  }, WHOLE_PART_MS);

  it('drafts decks that pass the validator `factdeck check` runs', () => {
    articles.forEach((entry, i) => {
      const name = part === 'dev' ? entry.id : `test article #${i + 1}`;
      const deck = deckOf(entry);
      const problems = parseDeckText(JSON.stringify(deck), { article: entry.article, folderName: 'corpus-deck' }).problems;
      if (part === 'dev') expect(problems, name).toEqual([]);
      else expect(problems.length, name).toBe(0);
      expect(deck.questions.length, name).toBeGreaterThan(0);
    });
  }, WHOLE_PART_MS);
});
