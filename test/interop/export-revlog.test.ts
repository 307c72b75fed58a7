// The review log an Anki export carries, packed into numbers to come back from its worker thread: unpacked,
// it is what the ratings give one by one (revlogEntry), per fact and oldest first, for the deck asked.

import { describe, expect, it } from 'vitest';
import { revlogEntry } from '../../src/bank/interop/anki-package.js';
import { packRevlog, unpackRevlog } from '../../src/commands/export-revlog.js';
import { rateCard, type MemoryCard, type RatingName } from '../../src/scheduling/fsrs.js';
import type { ReviewRecord } from '../../src/storage/schema.js';

/** Ratings of several facts of two decks, interleaved as a log holds them, some out of time order. */
function ratings(): ReviewRecord[] {
  const out: ReviewRecord[] = [];
  const cards = new Map<string, MemoryCard | null>();
  const plan: [string, string, RatingName, number][] = [
    ['d1', 'f1', 'good', 0],
    ['d1', 'f2', 'again', 1],
    ['d2', 'f1', 'easy', 2],
    ['d1', 'f1', 'hard', 60 * 24],
    ['d1', 'f2', 'good', 10],
    ['d1', 'f1', 'again', 60 * 24 * 9],
    // Saved later but dated earlier (a clock set back): sorted by time within its fact.
    ['d1', 'f2', 'good', 5],
    ['d1', 'f1', 'good', 60 * 24 * 9 + 10],
  ];
  plan.forEach(([deckId, factId, rating, minutes], i) => {
    const key = `${deckId}/${factId}`;
    const now = new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);
    const { card, entry } = rateCard(cards.get(key) ?? null, rating, now);
    cards.set(key, card);
    out.push({ id: `r${i}`, profile: 'p', deckId, factId, attemptId: null, source: 'study', ...entry, after: card });
  });
  return out;
}

describe('packRevlog / unpackRevlog', () => {
  it('gives each fact of the deck its revlog entries, oldest first, and nothing of other decks', () => {
    const all = ratings();
    const packed = packRevlog(all);
    expect(packed.numbers.length).toBe(all.length * 8);
    for (const deckId of ['d1', 'd2']) {
      const expected = new Map<string, ReturnType<typeof revlogEntry>[]>();
      for (const review of all.filter((r) => r.deckId === deckId)) expected.set(review.factId, [...(expected.get(review.factId) ?? []), revlogEntry(review)]);
      for (const list of expected.values()) list.sort((a, b) => a.at - b.at);
      expect(unpackRevlog(packed, deckId)).toEqual(expected);
    }
    const f2 = unpackRevlog(packed, 'd1').get('f2') ?? [];
    expect(f2.map((entry) => entry.at)).toEqual([...f2.map((entry) => entry.at)].sort((a, b) => a - b));
    expect(f2[0]?.ease).toBe(1);
    expect(unpackRevlog(packed, 'd2').get('f1')?.[0]).toMatchObject({ ease: 4, type: 0 });
  });

  it('gives nothing for a deck without ratings, or no ratings at all', () => {
    expect(unpackRevlog(packRevlog(ratings()), 'd3').size).toBe(0);
    expect(unpackRevlog(packRevlog([]), 'd1').size).toBe(0);
  });
});
