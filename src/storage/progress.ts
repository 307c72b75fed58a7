// Reading and changing the spaced-repetition part of the database: a profile's settings and cards, and
// applying or undoing one rating. The decisions are the scheduler's (pure); these functions apply them to
// the data inside one Store.update, so a rating and the card it changes are saved together.

import { DEFAULT_RETENTION, rateCard, type MemoryCard, type RatingName } from '../scheduling/fsrs.js';
import { DEFAULT_DAY_START_HOUR } from '../scheduling/study-day.js';
import type { CardRecord, DatabaseData, ProfileRecord, ReviewRecord } from './schema.js';

export const DEFAULT_NEW_PER_DAY = 10;

export type ProfileSettings = Omit<ProfileRecord, 'name'>;

export const DEFAULT_SETTINGS: ProfileSettings = {
  desiredRetention: DEFAULT_RETENTION,
  newPerDay: DEFAULT_NEW_PER_DAY,
  dayStartHour: DEFAULT_DAY_START_HOUR,
};

export function settingsFor(data: DatabaseData, profile: string): ProfileSettings {
  const record = data.profiles.find((p) => p.name === profile);
  if (!record) return { ...DEFAULT_SETTINGS };
  const { name: _name, ...settings } = record;
  return settings;
}

function memoryOf(record: CardRecord): MemoryCard {
  const { profile: _p, deckId: _d, factId: _f, ...card } = record;
  return card;
}

/** The profile's cards in one deck, by fact id. */
export function cardsFor(data: DatabaseData, profile: string, deckId: string): Map<string, MemoryCard> {
  const map = new Map<string, MemoryCard>();
  for (const card of data.cards) if (card.profile === profile && card.deckId === deckId) map.set(card.factId, memoryOf(card));
  return map;
}

/** When each of the profile's new cards in a deck was first rated (for the new-cards-a-day limit). */
export function firstReviewTimes(data: DatabaseData, profile: string, deckId: string): string[] {
  return data.reviews.filter((r) => r.profile === profile && r.deckId === deckId && r.before === null).map((r) => r.at);
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

/** Rates the fact's card (creating it on first sight) and logs the review; returns the log entry. */
export function applyRating(data: DatabaseData, input: RatingInput): ReviewRecord {
  const settings = settingsFor(data, input.profile);
  const index = data.cards.findIndex((c) => c.profile === input.profile && c.deckId === input.deckId && c.factId === input.factId);
  const before = index === -1 ? null : memoryOf(data.cards[index] as CardRecord);
  const { card, entry } = rateCard(before, input.rating, input.now, settings.desiredRetention);
  const record: CardRecord = { profile: input.profile, deckId: input.deckId, factId: input.factId, ...card };
  if (index === -1) data.cards.push(record);
  else data.cards[index] = record;
  const review: ReviewRecord = { id: input.id, profile: input.profile, deckId: input.deckId, factId: input.factId, attemptId: input.attemptId, source: input.source, ...entry };
  data.reviews.push(review);
  return review;
}

/** Undoes one review exactly: the card as it was before (or no card), and the log entry dropped. */
export function undoReview(data: DatabaseData, reviewId: string): boolean {
  const at = data.reviews.findIndex((r) => r.id === reviewId);
  if (at === -1) return false;
  const review = data.reviews[at] as ReviewRecord;
  data.reviews.splice(at, 1);
  const index = data.cards.findIndex((c) => c.profile === review.profile && c.deckId === review.deckId && c.factId === review.factId);
  if (review.before === null) {
    if (index !== -1) data.cards.splice(index, 1);
  } else {
    const restored: CardRecord = { profile: review.profile, deckId: review.deckId, factId: review.factId, ...review.before };
    if (index === -1) data.cards.push(restored);
    else data.cards[index] = restored;
  }
  return true;
}
