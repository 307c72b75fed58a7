// The numbers behind `factdeck stats`, computed from what a profile's history adds up to (per-fact
// progress, tallies per kind and per day, recent sessions, cards), never from the whole history, so stats
// cost the same after five years as after a week. Pure: the records, the decks and the clock are passed in.

import type { MemoryCard } from '../scheduling/fsrs.js';
import { addDays, studyDay, studyDayStarts } from '../scheduling/study-day.js';
import type { FactOutline } from './deck.js';
import { byCodeUnits, byLabel } from './order.js';

export interface StatsFact {
  deckId: string;
  factId: string;
  attempts: number;
  correct: number;
  lastCorrect: boolean;
}

export interface StatsKind {
  deckId: string;
  kind: string;
  attempts: number;
  correct: number;
}

export interface StatsDay {
  deckId: string;
  day: string;
  answers: number;
  studied: number;
  reviewed?: number;
  recalled?: number;
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

export interface StatsInput {
  /** The decks counted: their facts' ids and topics (a Deck will do). */
  decks: readonly { id: string; facts: readonly (FactOutline & { statement?: string })[] }[];
  /** A missed fact's statement, when the decks' facts do not carry theirs. */
  statementOf?: (deckId: string, factId: string) => string | undefined;
  facts: readonly StatsFact[];
  kinds: readonly StatsKind[];
  days: readonly StatsDay[];
  sessions: readonly StatsSession[];
  cards: readonly StatsCard[];
  now: Date;
  dayStartHour: number;
  /** The profile's desired retention, shown beside the true one. */
  desiredRetention: number;
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
  /**
   * True retention, as Anki counts it: of the ratings of cards that were in review (not new or being
   * learnt), the share that was not Again; beside the retention the profile asks the scheduler for.
   */
  retention: { reviewed: number; recalled: number; percent: number | null; desired: number };
  today: string;
}

function accuracy(label: string, correct: number, total: number): Accuracy {
  return { label, correct, total, percent: total === 0 ? 0 : Math.round((correct / total) * 100) };
}

function sumBy<T>(items: readonly T[], labelOf: (item: T) => string | undefined, counts: (item: T) => { correct: number; total: number }): Accuracy[] {
  const tallies = new Map<string, { correct: number; total: number }>();
  for (const item of items) {
    const label = labelOf(item);
    if (label === undefined) continue;
    const tally = tallies.get(label) ?? { correct: 0, total: 0 };
    const add = counts(item);
    tally.correct += add.correct;
    tally.total += add.total;
    tallies.set(label, tally);
  }
  return [...tallies].map(([label, t]) => accuracy(label, t.correct, t.total)).sort((a, b) => byLabel(a.label, b.label));
}

export const FORECAST_DAYS = 14;
export const HEATMAP_WEEKS = 12;

export function computeStats(input: StatsInput): Stats {
  const { now, dayStartHour } = input;
  const today = studyDay(now, dayStartHour);
  const deckIds = new Set(input.decks.map((d) => d.id));
  // The facts of each deck by id (facts no longer in a deck are kept in the database but not counted).
  const factsOf = new Map<string, Map<string, FactOutline & { statement?: string }>>();
  for (const deck of input.decks) {
    let facts = factsOf.get(deck.id);
    if (facts === undefined) factsOf.set(deck.id, (facts = new Map()));
    for (const fact of deck.facts) facts.set(fact.id, fact);
  }
  const factOf = (deckId: string, factId: string): (FactOutline & { statement?: string }) | undefined => factsOf.get(deckId)?.get(factId);
  const progress = input.facts.filter((f) => factOf(f.deckId, f.factId) !== undefined);
  const cards = input.cards.filter((c) => factOf(c.deckId, c.factId) !== undefined);

  const counts = { new: 0, learning: 0, review: 0, relearning: 0 };
  const withCard = new Map<string, Set<string>>();
  for (const card of cards) {
    counts[card.state]++;
    let seen = withCard.get(card.deckId);
    if (seen === undefined) withCard.set(card.deckId, (seen = new Set()));
    seen.add(card.factId);
  }
  for (const [deckId, facts] of factsOf) counts.new += facts.size - (withCard.get(deckId)?.size ?? 0);

  const missed = progress
    .filter((f) => !f.lastCorrect)
    .map((f) => ({ deckId: f.deckId, factId: f.factId, statement: factOf(f.deckId, f.factId)?.statement ?? input.statementOf?.(f.deckId, f.factId) ?? '' }));

  // Each card's due time read once: counted as due now, and placed in the forecast by the study day it
  // falls in (today for anything overdue).
  const forecast = Array.from({ length: FORECAST_DAYS }, (_, i) => ({ day: addDays(today, i), count: 0 }));
  const starts = studyDayStarts(now, FORECAST_DAYS, dayStartHour);
  let due = 0;
  for (const card of cards) {
    if (card.state === 'new') continue;
    const at = Date.parse(card.due);
    if (Number.isNaN(at)) continue;
    if (at <= now.getTime()) due++;
    let slot = 0;
    while (slot < FORECAST_DAYS && at >= (starts[slot + 1] as number)) slot++;
    if (slot < FORECAST_DAYS) (forecast[slot] as { count: number }).count++;
  }

  const firstDay = addDays(today, -(HEATMAP_WEEKS * 7 - 1));
  const activityByDay = new Map<string, number>();
  for (const day of input.days) {
    if (deckIds.has(day.deckId)) activityByDay.set(day.day, (activityByDay.get(day.day) ?? 0) + day.answers + day.studied);
  }
  const activity = Array.from({ length: HEATMAP_WEEKS * 7 }, (_, i) => {
    const day = addDays(firstDay, i);
    return { day, count: activityByDay.get(day) ?? 0 };
  });
  let streak = 0;
  for (let day = (activityByDay.get(today) ?? 0) > 0 ? today : addDays(today, -1); (activityByDay.get(day) ?? 0) > 0; day = addDays(day, -1)) streak++;

  let reviewed = 0;
  let recalled = 0;
  for (const day of input.days) {
    if (!deckIds.has(day.deckId)) continue;
    reviewed += day.reviewed ?? 0;
    recalled += day.recalled ?? 0;
  }
  const retention = { reviewed, recalled, percent: reviewed === 0 ? null : Math.round((recalled / reviewed) * 1000) / 10, desired: input.desiredRetention };

  const scores = input.sessions
    .filter((s) => s.mode === 'quiz' && s.answered > 0 && deckIds.has(s.deckId))
    .sort((a, b) => byCodeUnits(a.startedAt, b.startedAt))
    .map((s) => ({ at: s.startedAt, deckId: s.deckId, correct: s.correct, answered: s.answered, percent: Math.round((s.correct / s.answered) * 100) }));

  return {
    due,
    cards: counts,
    attempts: progress.reduce((sum, f) => sum + f.attempts, 0),
    accuracy: accuracy('all', progress.reduce((sum, f) => sum + f.correct, 0), progress.reduce((sum, f) => sum + f.attempts, 0)),
    scores,
    byTopic: sumBy(progress, (f) => factOf(f.deckId, f.factId)?.topic, (f) => ({ correct: f.correct, total: f.attempts })),
    byKind: sumBy(input.kinds.filter((k) => deckIds.has(k.deckId)), (k) => k.kind, (k) => ({ correct: k.correct, total: k.attempts })),
    missed,
    forecast,
    activity,
    streak,
    retention,
    today,
  };
}
