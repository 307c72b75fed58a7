// Fitting FSRS to a learner (the pure half of `factdeck optimize`): a review history -> the training data
// the optimizer takes (per card, its ratings with the days between them, as the FSRS project defines its
// items), how much of it there is, and how well a set of parameters predicts it (log loss and RMSE over
// bins of predicted recall, computed by ts-fsrs, the scheduler that will use the parameters).

import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { safeParameters, type RatingName } from './fsrs.js';
import { daysBetween, studyDay } from './study-day.js';

/** One rating as the optimizer sees it: 1-4 and whole study days since the card's previous rating. */
export interface FitReview {
  rating: number;
  deltaT: number;
}

/** The ratings of one card up to and including the one to predict. */
export type FitItem = FitReview[];

export interface HistoryReview {
  /** Which card: reviews of one card share it. */
  card: string;
  at: string;
  rating: RatingName;
  /** True for the first rating of a card ever (the card was new). */
  first: boolean;
}

/**
 * FSRS's optimizer trains only on cards reviewed on at least two days after the day they were learnt
 * (it returns its defaults below 8 of them); fewer than this many is noise, so `optimize` asks for more.
 */
export const MIN_FIT_ITEMS = 64;

const RATING_NUMBERS: Record<RatingName, number> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * The optimizer's items: for every rating on a later day than the card's previous one, the card's ratings
 * up to it. Cards whose history does not start with their first rating (a history carried over without
 * it) are left out: the optimizer would take their first rating here for their first ever.
 */
export function buildFitItems(reviews: readonly HistoryReview[], dayStartHour: number): FitItem[] {
  const byCard = new Map<string, HistoryReview[]>();
  for (const review of reviews) {
    const list = byCard.get(review.card);
    if (list === undefined) byCard.set(review.card, [review]);
    else list.push(review);
  }
  const items: FitItem[] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    if (!list[0]?.first) continue;
    const sequence: FitReview[] = [];
    let previousDay = studyDay(new Date(list[0].at), dayStartHour);
    for (const review of list) {
      const day = studyDay(new Date(review.at), dayStartHour);
      const deltaT = sequence.length === 0 ? 0 : Math.max(0, daysBetween(previousDay, day));
      previousDay = day;
      sequence.push({ rating: RATING_NUMBERS[review.rating], deltaT });
      if (sequence.length > 1 && deltaT > 0) items.push([...sequence]);
    }
  }
  return items;
}

/** Items the optimizer trains on: the rating to predict is the card's second or later on a new day. */
export function countTrainingItems(items: readonly FitItem[]): number {
  return items.filter((item) => item.slice(1).filter((review) => review.deltaT > 0).length >= 2).length;
}

export interface FitQuality {
  /** Mean log loss of predicted recall against what happened (lower is better). */
  logLoss: number;
  /** Root mean square error between predicted and actual recall over 20 bins of prediction (lower is better). */
  rmse: number;
  /** How many ratings were predicted. */
  predictions: number;
}

/** How well parameters predict recall on the items (each item's last rating, from the ratings before it). */
export function evaluateParameters(parameters: readonly number[] | null, items: readonly FitItem[]): FitQuality {
  const model = new FSRSAlgorithm(generatorParameters({ w: safeParameters(parameters), enable_short_term: true }));
  const bins = Array.from({ length: 20 }, () => ({ count: 0, predicted: 0, actual: 0 }));
  let loss = 0;
  let predictions = 0;
  for (const item of items) {
    let state: { stability: number; difficulty: number } | null = null;
    item.forEach((review, i) => {
      if (i === item.length - 1 && state !== null) {
        const p = Math.min(1 - 1e-6, Math.max(1e-6, model.forgetting_curve(review.deltaT, state.stability)));
        const recalled = review.rating > 1 ? 1 : 0;
        loss -= recalled * Math.log(p) + (1 - recalled) * Math.log(1 - p);
        predictions++;
        const bin = bins[Math.min(19, Math.floor(p * 20))] as { count: number; predicted: number; actual: number };
        bin.count++;
        bin.predicted += p;
        bin.actual += recalled;
        return;
      }
      state = model.next_state(state, review.deltaT, review.rating);
    });
  }
  let squares = 0;
  for (const bin of bins) if (bin.count > 0) squares += bin.count * ((bin.predicted - bin.actual) / bin.count) ** 2;
  return { logLoss: predictions === 0 ? 0 : loss / predictions, rmse: predictions === 0 ? 0 : Math.sqrt(squares / predictions), predictions };
}
