// The numbers behind `factdeck stats`, computed from a profile's attempts, sessions, cards and reviews.
// Pure: the records, the decks and the clock are passed in; the same input gives the same numbers.

import type { MemoryCard } from '../scheduling/fsrs.js';
import { addDays, daysBetween, studyDay } from '../scheduling/study-day.js';
import type { Deck } from './deck.js';

export interface StatsAttempt {
  deckId: string;
  questionId: string;
  factId: string;
  kind: string;
  correct: boolean;
  at: string;
}

export interface StatsSession {
  deckId: string;
  mode: 'quiz' | 'review';
  startedAt: string;
  correct: number;
  answered: number;
}

export interface StatsCard extends MemoryCard {
  deckId: string;
  factId: string;
}

export interface StatsReview {
  at: string;
  source: string;
}

export interface StatsInput {
  decks: readonly Deck[];
  attempts: readonly StatsAttempt[];
  sessions: readonly StatsSession[];
  cards: readonly StatsCard[];
  reviews: readonly StatsReview[];
  now: Date;
  dayStartHour: number;
}

export interface Accuracy {
  label: string;
  correct: number;
  total: number;
  percent: number;
}

export interface Stats {
  /** Cards due now (new ones not counted). */
  due: number;
  cards: { new: number; learning: number; review: number; relearning: number };
  attempts: number;
  accuracy: Accuracy;
  scores: { at: string; deckId: string; correct: number; answered: number; percent: number }[];
  byTopic: Accuracy[];
  byKind: Accuracy[];
  missed: { deckId: string; factId: string; statement: string }[];
  /** Cards falling due on each of the next 14 study days (today includes overdue). */
  forecast: { day: string; count: number }[];
  /** Answers and ratings per study day, the last 12 weeks. */
  activity: { day: string; count: number }[];
  /** Study days in a row with some activity, up to today (or yesterday when nothing yet today). */
  streak: number;
  today: string;
}

function accuracy(label: string, correct: number, total: number): Accuracy {
  return { label, correct, total, percent: total === 0 ? 0 : Math.round((correct / total) * 100) };
}

function tallyBy(attempts: readonly StatsAttempt[], keyOf: (a: StatsAttempt) => string | undefined): Accuracy[] {
  const tallies = new Map<string, { correct: number; total: number }>();
  for (const attempt of attempts) {
    const key = keyOf(attempt);
    if (key === undefined) continue;
    const tally = tallies.get(key) ?? { correct: 0, total: 0 };
    tally.total++;
    if (attempt.correct) tally.correct++;
    tallies.set(key, tally);
  }
  return [...tallies].map(([label, t]) => accuracy(label, t.correct, t.total)).sort((a, b) => a.label.localeCompare(b.label));
}

export const FORECAST_DAYS = 14;
export const HEATMAP_WEEKS = 12;

export function computeStats(input: StatsInput): Stats {
  const { now, dayStartHour } = input;
  const today = studyDay(now, dayStartHour);
  const deckIds = new Set(input.decks.map((d) => d.id));
  const factKey = (deckId: string, factId: string): string => `${deckId}\u0000${factId}`;
  const facts = new Map<string, { topic: string; statement: string }>();
  const questionIds = new Set<string>();
  for (const deck of input.decks) {
    for (const fact of deck.facts) facts.set(factKey(deck.id, fact.id), fact);
    for (const question of deck.questions) questionIds.add(`${deck.id}\u0000${question.id}`);
  }
  // Attempts on questions that no longer exist are kept in the database but not counted.
  const attempts = input.attempts.filter((a) => questionIds.has(`${a.deckId}\u0000${a.questionId}`) && facts.has(factKey(a.deckId, a.factId)));
  const cards = input.cards.filter((c) => facts.has(factKey(c.deckId, c.factId)));

  const counts = { new: 0, learning: 0, review: 0, relearning: 0 };
  const withCard = new Set(cards.map((c) => factKey(c.deckId, c.factId)));
  for (const card of cards) counts[card.state]++;
  counts.new += [...facts.keys()].filter((key) => !withCard.has(key)).length;
  const due = cards.filter((c) => c.state !== 'new' && Date.parse(c.due) <= now.getTime()).length;

  const latest = new Map<string, StatsAttempt>();
  for (const attempt of attempts) {
    const key = factKey(attempt.deckId, attempt.factId);
    const known = latest.get(key);
    if (!known || known.at <= attempt.at) latest.set(key, attempt);
  }
  const missed = [...latest.values()]
    .filter((a) => !a.correct)
    .map((a) => ({ deckId: a.deckId, factId: a.factId, statement: facts.get(factKey(a.deckId, a.factId))?.statement ?? '' }));

  const forecast = Array.from({ length: FORECAST_DAYS }, (_, i) => ({ day: addDays(today, i), count: 0 }));
  for (const card of cards) {
    if (card.state === 'new') continue;
    const offset = Math.max(0, daysBetween(today, studyDay(new Date(card.due), dayStartHour)));
    const slot = forecast[offset];
    if (slot) slot.count++;
  }

  const firstDay = addDays(today, -(HEATMAP_WEEKS * 7 - 1));
  const activityByDay = new Map<string, number>();
  const note = (at: string): void => {
    const day = studyDay(new Date(at), dayStartHour);
    activityByDay.set(day, (activityByDay.get(day) ?? 0) + 1);
  };
  for (const attempt of input.attempts) if (deckIds.has(attempt.deckId)) note(attempt.at);
  for (const review of input.reviews) if (review.source === 'study') note(review.at);
  const activity = Array.from({ length: HEATMAP_WEEKS * 7 }, (_, i) => {
    const day = addDays(firstDay, i);
    return { day, count: activityByDay.get(day) ?? 0 };
  });
  let streak = 0;
  for (let day = (activityByDay.get(today) ?? 0) > 0 ? today : addDays(today, -1); (activityByDay.get(day) ?? 0) > 0; day = addDays(day, -1)) streak++;

  const scores = input.sessions
    .filter((s) => s.mode === 'quiz' && s.answered > 0 && deckIds.has(s.deckId))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((s) => ({ at: s.startedAt, deckId: s.deckId, correct: s.correct, answered: s.answered, percent: Math.round((s.correct / s.answered) * 100) }));

  return {
    due,
    cards: counts,
    attempts: attempts.length,
    accuracy: accuracy('all', attempts.filter((a) => a.correct).length, attempts.length),
    scores,
    byTopic: tallyBy(attempts, (a) => facts.get(factKey(a.deckId, a.factId))?.topic),
    byKind: tallyBy(attempts, (a) => a.kind),
    missed,
    forecast,
    activity,
    streak,
    today,
  };
}
