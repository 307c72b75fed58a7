import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, rateCard, type MemoryCard, type RatingName, type SchedulerSettings } from '../../src/scheduling/fsrs.js';
import { replayRatings, type Rated } from '../../src/scheduling/replay.js';

const DAY = 86_400_000;
const RATINGS: readonly RatingName[] = ['again', 'hard', 'good', 'easy'];

/** What rateCard gives, rating after rating from a fact never reviewed: the reference. */
function rateOneByOne(ratings: readonly { at: string; rating: RatingName }[], settings: SchedulerSettings): Rated[] {
  const out: Rated[] = [];
  let card: MemoryCard | null = null;
  for (const { at, rating } of ratings) {
    const rated = rateCard(card, rating, new Date(at), settings);
    out.push(rated);
    card = rated.card;
  }
  return out;
}

const arithmeticOnly: typeof rateCard = () => {
  throw new Error('the replay handed a rating to ts-fsrs');
};

/** The outcome as the database and the history log would hold it (JSON), or the error thrown. */
function outcome(run: () => Rated[]): string {
  try {
    return JSON.stringify(run());
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}

/** Times between ratings: within a learning step, hours, days, and years apart; 0 (two at once) included. */
const gap = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 * 60_000 }), fc.integer({ min: 0, max: 2 * DAY }), fc.integer({ min: 0, max: 60 * DAY }), fc.integer({ min: 0, max: 3 * 365 * DAY }));

function history(gaps: fc.Arbitrary<number>): fc.Arbitrary<{ at: string; rating: RatingName }[]> {
  return fc.tuple(fc.integer({ min: Date.UTC(2012, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.array(fc.tuple(gaps, fc.constantFrom(...RATINGS)), { minLength: 1, maxLength: 40 })).map(([start, steps]) => {
    let at = start;
    return steps.map(([wait, rating]) => {
      at += wait;
      return { at: new Date(at).toISOString(), rating };
    });
  });
}

/** FSRS-6's 21 parameters, each from a little below to a little above the range ts-fsrs clamps it to (a fit, or a hand-edited one). */
const BOUNDS: readonly [number, number][] = [
  [0.001, 100], [0.001, 100], [0.001, 100], [0.001, 100], [1, 10], [0.001, 4], [0.001, 4], [0.001, 0.75], [0, 4.5], [0, 0.8], [0.001, 3.5],
  [0.001, 5], [0.001, 0.25], [0.001, 0.9], [0, 4], [0, 1], [1, 6], [0, 2], [0, 2], [0.01, 0.8], [0.1, 0.8],
];
const fitted = fc.tuple(...BOUNDS.map(([low, high]) => fc.double({ min: low - (high - low) / 10, max: high + (high - low) / 10, noNaN: true })));
const settings: fc.Arbitrary<SchedulerSettings> = fc.record({
  retention: fc.oneof(fc.constant(DEFAULT_RETENTION), fc.double({ min: 0.7, max: 0.97, noNaN: true })),
  parameters: fc.oneof(fc.constant(null), fitted),
});

describe('replaying a review log as arithmetic (replay.ts)', () => {
  it('gives what ts-fsrs gives rating after rating, to the last bit, with the default parameters', () => {
    fc.assert(
      fc.property(history(gap), (ratings) => {
        const defaults = { retention: DEFAULT_RETENTION };
        expect(JSON.stringify(replayRatings(ratings, defaults, arithmeticOnly))).toBe(JSON.stringify(rateOneByOne(ratings, defaults)));
      }),
      { numRuns: 400 },
    );
  });

  it('gives what ts-fsrs gives with fitted parameters and other retentions', () => {
    fc.assert(
      fc.property(history(gap), settings, (ratings, chosen) => {
        expect(JSON.stringify(replayRatings(ratings, chosen, arithmeticOnly))).toBe(JSON.stringify(rateOneByOne(ratings, chosen)));
      }),
      { numRuns: 400 },
    );
  });

  it('hands a rating on a day before the last one to ts-fsrs, and ends as it does (its error included)', () => {
    const backwards = fc.oneof(gap, fc.integer({ min: -3 * DAY, max: 0 }));
    fc.assert(
      fc.property(history(backwards), settings, (ratings, chosen) => {
        expect(outcome(() => replayRatings(ratings, chosen))).toBe(outcome(() => rateOneByOne(ratings, chosen)));
      }),
      { numRuns: 300 },
    );
  });

  it('goes through learning steps, review, a lapse and relearning as ts-fsrs does', () => {
    const start = Date.UTC(2026, 0, 5, 9);
    const ratings = [
      [0, 'again'],
      [1, 'good'],
      [11, 'good'],
      [3 * 24 * 60, 'again'],
      [10, 'hard'],
      [15, 'good'],
      [5 * 24 * 60, 'easy'],
    ].map(([, rating], i, all) => ({
      // Each rating so many minutes after the one before.
      at: new Date(start + all.slice(0, i + 1).reduce((sum, [minutes]) => sum + (minutes as number), 0) * 60_000).toISOString(),
      rating: rating as RatingName,
    }));
    const replayed = replayRatings(ratings, { retention: 0.9 }, arithmeticOnly);
    expect(replayed.map((r) => `${r.entry.log.state}->${r.card.state}`)).toEqual([
      'new->learning',
      'learning->learning',
      'learning->review',
      'review->relearning',
      'relearning->relearning',
      'relearning->review',
      'review->review',
    ]);
    expect(replayed.map((r) => r.card.lapses)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(rateOneByOne(ratings, { retention: 0.9 })));
    // Each entry keeps the card as it was before its rating, as rateCard's do (undo restores it).
    expect(replayed[0]?.entry.before).toBeNull();
    expect(replayed[3]?.entry.before).toBe(replayed[2]?.card);
  });
});
