// A learner whose memory follows known FSRS parameters: each card is learnt on its first day, comes back
// when a scheduler with the true parameters says, and is recalled with the true probability at that
// moment. Seeded: the same learner every run. Used to check that fitting moves toward the truth, and to
// give end-to-end tests a history long enough to fit.

import type { Deck } from '../../src/domain/deck.js';
import type { HistoryReview } from '../../src/scheduling/fit.js';
import { rateCard, type MemoryCard, type RatingName } from '../../src/scheduling/fsrs.js';

const DAY = 86_400_000;

/** A seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
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
export function recall(parameters: readonly number[], days: number, s: number): number {
  const decay = parameters[20] as number;
  const factor = 0.9 ** (1 / -decay) - 1;
  return (1 + (factor * days) / s) ** -decay;
}

export interface LearnerReview {
  at: string;
  rating: RatingName;
  before: MemoryCard | null;
  after: MemoryCard;
}

export interface Learner {
  /** Per card (fact id): its ratings, oldest first, and its card at the end. */
  reviews: Map<string, LearnerReview[]>;
  cards: Map<string, MemoryCard>;
  history: HistoryReview[];
}

export function simulateLearner(truth: readonly number[], cards: number, options: { start: number; days: number; seed: number }): Learner {
  const next = seeded(options.seed);
  const settings = { retention: 0.85, parameters: truth };
  const learner: Learner = { reviews: new Map(), cards: new Map(), history: [] };
  const end = options.start + options.days * DAY;
  for (let c = 0; c < cards; c++) {
    const id = `c${c}`;
    let at = options.start + Math.floor(next() * 20) * DAY;
    let card: MemoryCard | null = null;
    const list: LearnerReview[] = [];
    while (at < end) {
      let rating: RatingName;
      if (card === null) rating = next() < 0.2 ? 'again' : 'good';
      else {
        const elapsed = (at - Date.parse(card.lastReview ?? card.due)) / DAY;
        const p = recall(truth, Math.max(0, elapsed), card.stability);
        rating = next() < p ? (next() < 0.15 ? 'hard' : next() < 0.1 ? 'easy' : 'good') : 'again';
      }
      const after: MemoryCard = rateCard(card, rating, new Date(at), settings).card;
      list.push({ at: new Date(at).toISOString(), rating, before: card, after });
      learner.history.push({ card: id, at: new Date(at).toISOString(), rating, first: card === null });
      card = after;
      // Learning steps are minutes apart; the learner comes back the next day, or when due.
      at = Math.max(Date.parse(card.due), at + (card.state === 'review' ? 0 : DAY));
    }
    learner.reviews.set(id, list);
    if (card !== null) learner.cards.set(id, card);
  }
  return learner;
}

/** A deck with one short-answer question per card of the learner. */
export function learnerDeck(id: string, cards: number): Deck {
  const facts = Array.from({ length: cards }, (_, c) => ({ id: `c${c}`, statement: `Item ${c} is number ${c}.`, quote: `Item ${c} is number ${c}.`, topic: 'items' }));
  return {
    schemaVersion: 1,
    id,
    title: `Items (${cards})`,
    source: { headline: 'Items', dateline: '', date: '' },
    origin: 'imported',
    facts,
    questions: facts.map((fact, c) => ({ id: `q${c}`, factId: fact.id, kind: 'short-answer' as const, prompt: `Which code goes with item ${c}?`, answer: `k${(c * 7919 + 101).toString(36)}x`, accept: [], explanation: fact.statement })),
  };
}
