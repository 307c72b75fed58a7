// Fitting FSRS to a learner: the optimizer's training data from a review history, the fit itself on a
// synthetic learner whose true parameters are known (the fit must move toward them), and the clamp that
// keeps any parameters from giving the scheduler absurd intervals.

import { describe, expect, it } from 'vitest';
import { fitParameters } from '../../src/commands/optimize.js';
import { buildFitItems, countTrainingItems, evaluateParameters, MIN_FIT_ITEMS } from '../../src/scheduling/fit.js';
import { DEFAULT_PARAMETERS, MAXIMUM_INTERVAL_DAYS, rateCard, safeParameters, type MemoryCard, type RatingName } from '../../src/scheduling/fsrs.js';
import { simulateLearner } from '../helpers/synthetic-learner.js';

const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 5, 12);

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
  const history = simulateLearner(truth, 400, { start, days: 240, seed: 7 }).history;
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
