// The spaced-repetition part of progress as events: a profile's settings and cards, and the events that
// rate a card, undo a rating or change settings. The decisions are the scheduler's (pure); these
// functions turn them into events for Store.record, so a rating and the card it changes are saved as one.

import { DEFAULT_RETENTION, rateCard, type MemoryCard, type RatingName, type SchedulerSettings } from '../scheduling/fsrs.js';
import { DEFAULT_DAY_START_HOUR } from '../scheduling/study-day.js';
import type { HistoryEvent, UndoneAttempt } from './history.js';
import type { CardRecord, DatabaseData, FactProgress, ProfileRecord, ReviewRecord } from './schema.js';

export const DEFAULT_NEW_PER_DAY = 10;

export type ProfileSettings = Omit<ProfileRecord, 'name'>;

export const DEFAULT_SETTINGS: ProfileSettings = {
  desiredRetention: DEFAULT_RETENTION,
  newPerDay: DEFAULT_NEW_PER_DAY,
  dayStartHour: DEFAULT_DAY_START_HOUR,
};

/** What the scheduler needs of a profile's settings. */
export function schedulerSettings(settings: ProfileSettings): SchedulerSettings {
  return { retention: settings.desiredRetention, parameters: settings.fsrsParameters ?? null };
}

export function settingsFor(data: DatabaseData, profile: string): ProfileSettings {
  const record = data.profiles.find((p) => p.name === profile);
  if (!record) return { ...DEFAULT_SETTINGS };
  const { name: _name, ...settings } = record;
  return settings;
}

function memoryOf(record: CardRecord): MemoryCard {
  // Field by field (the card's memory, without whose and since when it is): a rest copy costs several
  // times more, and cardsFor makes one per card of a deck.
  return {
    due: record.due,
    stability: record.stability,
    difficulty: record.difficulty,
    elapsedDays: record.elapsedDays,
    scheduledDays: record.scheduledDays,
    learningSteps: record.learningSteps,
    reps: record.reps,
    lapses: record.lapses,
    state: record.state,
    lastReview: record.lastReview,
  };
}

/** The profile's cards in one deck, by fact id. */
export function cardsFor(data: DatabaseData, profile: string, deckId: string): Map<string, MemoryCard> {
  const map = new Map<string, MemoryCard>();
  for (const card of data.cards) if (card.profile === profile && card.deckId === deckId) map.set(card.factId, memoryOf(card));
  return map;
}

/** The profile's card of one fact, or null (without copying every card of the deck, as cardsFor does). */
export function cardOf(data: DatabaseData, profile: string, deckId: string, factId: string): MemoryCard | null {
  const card = data.cards.find((c) => c.factId === factId && c.profile === profile && c.deckId === deckId);
  return card === undefined ? null : memoryOf(card);
}

/**
 * When each card `study` introduced was first rated (for its new-cards-a-day limit). Facts first met in a
 * quiz or review are not new any more, but do not use up the day's new cards either.
 */
export function firstReviewTimes(data: DatabaseData, profile: string, deckId: string): string[] {
  return data.cards.filter((c) => c.profile === profile && c.deckId === deckId && (c.firstSource ?? 'study') === 'study').map((c) => c.firstSeen);
}

export interface RatingInput {
  id: string;
  profile: string;
  deckId: string;
  factId: string;
  rating: RatingName;
  now: Date;
  attemptId: string | null;
  source: ReviewRecord['source'];
}

/** The event that rates the fact's card as it is now (a new card on first sight). */
export function ratingEvent(data: DatabaseData, input: RatingInput): Extract<HistoryEvent, { type: 'review' }> {
  const settings = settingsFor(data, input.profile);
  const current = data.cards.find((c) => c.profile === input.profile && c.deckId === input.deckId && c.factId === input.factId);
  const { card, entry } = rateCard(current ? memoryOf(current) : null, input.rating, input.now, schedulerSettings(settings));
  return {
    type: 'review',
    review: { id: input.id, profile: input.profile, deckId: input.deckId, factId: input.factId, attemptId: input.attemptId, source: input.source, ...entry, after: card },
  };
}

/** The fields of a memory card, in one order, for comparing two cards. */
const MEMORY_FIELDS = ['due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview'] as const;

function sameMemory(a: MemoryCard, b: MemoryCard): boolean {
  return MEMORY_FIELDS.every((field) => a[field] === b[field]);
}

/**
 * Whether the fact's card is still the one `review` left. An undo puts back the card as it was before the
 * review only then: if another process has rated the card since (and told its learner "saved"), putting
 * the old card back would silently lose that rating. `data` must be the state under the lock.
 */
export function cardUnchangedSince(data: DatabaseData, review: ReviewRecord): boolean {
  const current = data.cards.find((c) => c.profile === review.profile && c.deckId === review.deckId && c.factId === review.factId);
  return current !== undefined && review.after !== null && sameMemory(memoryOf(current), review.after);
}

/**
 * The event that undoes a review exactly (the card as it was before, or no card), or null when the card
 * is no longer as that review left it (see cardUnchangedSince).
 */
export function undoEvent(data: DatabaseData, review: ReviewRecord, at: Date): Extract<HistoryEvent, { type: 'undo' }> | null {
  if (!cardUnchangedSince(data, review)) return null;
  return { type: 'undo', reviewId: review.id, profile: review.profile, deckId: review.deckId, factId: review.factId, source: review.source, before: review.before, at: at.toISOString(), rating: review.rating };
}

/** What a quiz or review answer needs kept to be taken back (see undoAnswerEvent). */
export interface AnswerUndo {
  review: ReviewRecord;
  attempt: Omit<UndoneAttempt, 'factBefore'>;
  /** The fact's progress just before the answer was added to it. */
  factBefore: FactProgress | null;
}

/** The fact's progress as it is, copied: kept before an answer so that the answer can be undone exactly. */
export function factProgressBefore(data: DatabaseData, profile: string, deckId: string, factId: string): FactProgress | null {
  const found = data.facts.find((f) => f.profile === profile && f.deckId === deckId && f.factId === factId);
  return found === undefined ? null : { ...found };
}

/**
 * The event that takes back a quiz or review answer and its rating, exactly (the card, the fact's
 * progress and every tally as they were before it), or why it cannot be: the card or the fact was
 * answered or rated since, by another factdeck on the same data.
 */
export function undoAnswerEvent(data: DatabaseData, undo: AnswerUndo, at: Date): { event: HistoryEvent } | { refused: string } {
  const { review, attempt } = undo;
  const fact = data.facts.find((f) => f.profile === review.profile && f.deckId === review.deckId && f.factId === review.factId);
  const undone = undoEvent(data, review, at);
  if (undone === null || fact?.lastAttemptId !== attempt.id) {
    return { refused: 'this fact was answered or studied since, in another factdeck on the same data: its answer stays' };
  }
  return { event: { ...undone, attempt: { ...attempt, factBefore: undo.factBefore } } };
}

export function settingsEvent(profile: string, settings: ProfileSettings, at: Date): HistoryEvent {
  return { type: 'settings', profile, settings, at: at.toISOString() };
}

/** The profile's per-fact progress in one deck. */
export function factProgressFor(data: DatabaseData, profile: string, deckId: string): DatabaseData['facts'] {
  return data.facts.filter((f) => f.profile === profile && f.deckId === deckId);
}

/** A review rated again from the card as it was before it (for "I was right": Again becomes Good). */
export function reRatedEvent(data: DatabaseData, review: ReviewRecord, rating: RatingName, id: string): Extract<HistoryEvent, { type: 'review' }> {
  const settings = settingsFor(data, review.profile);
  const { card, entry } = rateCard(review.before, rating, new Date(review.at), schedulerSettings(settings));
  return { type: 'review', review: { ...review, id, ...entry, after: card } };
}

/** Suspends a question for a profile (or, `unsuspend`, brings it back). */
export function suspendEvent(type: 'suspend' | 'unsuspend', profile: string, deckId: string, question: { id: string; factId: string }, at: Date): HistoryEvent {
  return { type, profile, deckId, questionId: question.id, factId: question.factId, at: at.toISOString() };
}
