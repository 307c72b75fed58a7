// Fitting FSRS to a learner: the optimizer's training data from a review history, the fit itself on a
// synthetic learner whose true parameters are known (the fit must move toward them), and the clamp that
// keeps any parameters from giving the scheduler absurd intervals.

import { describe, expect, it } from 'vitest';
import { fitParameters } from '../../src/commands/optimize.js';
import { buildFitItems, countTrainingItems, evaluateParameters, MIN_FIT_ITEMS, type HistoryReview } from '../../src/scheduling/fit.js';
import { DEFAULT_PARAMETERS, MAXIMUM_INTERVAL_DAYS, rateCard, safeParameters, type MemoryCard, type RatingName } from '../../src/scheduling/fsrs.js';

const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 5, 12);

/** A seeded generator (mulberry32): the same learner every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Recall probability after `days` at stability `s`, FSRS-6's curve with the parameters' decay. */
function recall(parameters: readonly number[], days: number, s: number): number {
  const decay = parameters[20] as number;
  const factor = 0.9 ** (1 / -decay) - 1;
  return (1 + (factor * days) / s) ** -decay;
}

/**
 * A learner whose memory follows `truth`: each card is learnt on its first day, then comes back when a
 * scheduler with the true parameters says, and is recalled with the true probability at that moment.
 */
function simulate(truth: readonly number[], cards: number, days: number, seed: number): HistoryReview[] {
  const next = random(seed);
  const settings = { retention: 0.85, parameters: truth };
  const reviews: HistoryReview[] = [];
  for (let c = 0; c < cards; c++) {
    let at = start + Math.floor(next() * 20) * DAY;
    let card: MemoryCard | null = null;
    let first = true;
    while (at < start + days * DAY) {
      let rating: RatingName;
      if (card === null) rating = next() < 0.2 ? 'again' : 'good';
      else {
        const elapsed = (at - Date.parse(card.lastReview ?? card.due)) / DAY;
        const p = recall(truth, Math.max(0, elapsed), card.stability);
        rating = next() < p ? (next() < 0.15 ? 'hard' : next() < 0.1 ? 'easy' : 'good') : 'again';
      }
      reviews.push({ card: `c${c}`, at: new Date(at).toISOString(), rating, first });
      first = false;
      card = rateCard(card, rating, new Date(at), settings).card;
      // Learning steps are minutes apart; the learner comes back the next day, or when due.
      at = Math.max(Date.parse(card.due), at + (card.state === 'review' ? 0 : DAY));
    }
  }
  return reviews;
}

describe('the optimizer\'s training data', () => {
  it('gives one item per rating on a later day, with whole study days between ratings', () => {
    const at = (day: number, hour = 10): string => new Date(2026, 0, day, hour).toISOString();
    const items = buildFitItems(
      [
        { card: 'a', at: at(1), rating: 'good', first: true },
        { card: 'a', at: at(1, 11), rating: 'good', first: false },
        { card: 'a', at: at(3), rating: 'again', first: false },
        { card: 'a', at: at(9), rating: 'good', first: false },
        // A history that starts in the middle of a card's life is left out.
        { card: 'b', at: at(2), rating: 'good', first: false },
        { card: 'b', at: at(5), rating: 'good', first: false },
      ],
      4,
    );
    expect(items).toEqual([
      [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }],
      [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }, { rating: 3, deltaT: 6 }],
    ]);
    expect(countTrainingItems(items)).toBe(1);
  });

  it('counts a day from the profile\'s day start: 03:00 still belongs to the day before', () => {
    const items = buildFitItems(
      [
        { card: 'a', at: new Date(2026, 0, 1, 10).toISOString(), rating: 'good', first: true },
        { card: 'a', at: new Date(2026, 0, 2, 3).toISOString(), rating: 'good', first: false },
        { card: 'a', at: new Date(2026, 0, 2, 5).toISOString(), rating: 'good', first: false },
      ],
      4,
    );
    expect(items).toEqual([[{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 1 }]]);
  });
});

describe('fitting FSRS to a synthetic learner', () => {
  // The true learner remembers far longer after the first rating than the defaults assume.
  const truth = safeParameters(DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 4 : i === 8 ? w * 0.75 : w)));
  const history = simulate(truth, 400, 240, 7);
  const items = buildFitItems(history, 4);

  it('has enough history to fit', () => {
    expect(countTrainingItems(items)).toBeGreaterThanOrEqual(MIN_FIT_ITEMS);
  });

  it('moves the parameters toward the true ones, and predicts the history better than the defaults', async () => {
    const fitted = await fitParameters(items);
    expect(fitted).toHaveLength(21);
    // The initial stabilities are what this learner differs in: in log space, the fit is nearer the truth.
    const distance = (w: readonly number[]): number => Math.hypot(...[0, 1, 2, 3].map((i) => Math.log((w[i] as number) / (truth[i] as number))));
    expect(distance(fitted)).toBeLessThan(distance(DEFAULT_PARAMETERS) * 0.6);
    const byDefaults = evaluateParameters(null, items);
    const byFit = evaluateParameters(fitted, items);
    const byTruth = evaluateParameters(truth, items);
    expect(byFit.logLoss).toBeLessThan(byDefaults.logLoss);
    expect(Math.abs(byFit.logLoss - byTruth.logLoss)).toBeLessThan(Math.abs(byDefaults.logLoss - byTruth.logLoss));
  }, 60_000);
});

describe('parameters the scheduler can trust', () => {
  const now = new Date(Date.UTC(2026, 5, 1, 9));
  const intervalDays = (card: MemoryCard): number => (Date.parse(card.due) - now.getTime()) / DAY;

  it.each([
    ['huge', DEFAULT_PARAMETERS.map(() => 1e9)],
    ['negative', DEFAULT_PARAMETERS.map(() => -5)],
    ['zero', DEFAULT_PARAMETERS.map(() => 0)],
  ])('clamps %s parameters: every interval is a real number of days from 1 to 100 years', (_name, wild) => {
    let card: MemoryCard | null = null;
    let at = now;
    for (const rating of ['good', 'good', 'easy', 'good', 'again', 'good', 'easy', 'easy'] as RatingName[]) {
      card = rateCard(card, rating, at, { retention: 0.9, parameters: wild }).card;
      expect(Number.isFinite(card.stability) && Number.isFinite(card.difficulty)).toBe(true);
      expect(Date.parse(card.due)).toBeGreaterThan(at.getTime());
      expect((Date.parse(card.due) - at.getTime()) / DAY).toBeLessThanOrEqual(MAXIMUM_INTERVAL_DAYS);
      at = new Date(card.due);
    }
    expect(intervalDays(rateCard(null, 'easy', now, { retention: 0.99, parameters: wild }).card)).toBeLessThanOrEqual(MAXIMUM_INTERVAL_DAYS);
  });

  it('gives the defaults for a list that is not 21 finite numbers', () => {
    expect(safeParameters([1, 2, 3])).toEqual(DEFAULT_PARAMETERS);
    expect(safeParameters([...DEFAULT_PARAMETERS.slice(0, 20), Number.NaN])).toEqual(DEFAULT_PARAMETERS);
    expect(safeParameters(null)).toEqual(DEFAULT_PARAMETERS);
  });

  it('keeps parameters inside FSRS-6\'s bounds as they are', () => {
    expect(safeParameters(DEFAULT_PARAMETERS)).toEqual(DEFAULT_PARAMETERS);
  });
});
