// Builders of database records and history events for storage tests: valid by default, override what a
// test is about. Times are fixed; a review event is made by the real ratingEvent, so its card is what the
// scheduler says.

import type { HistoryEvent } from '../../src/storage/history.js';
import { type RatingInput, ratingEvent } from '../../src/storage/progress.js';
import type {
  AliasRecord,
  Attempt,
  CardRecord,
  DatabaseData,
  DayTally,
  FactProgress,
  KindTally,
  ProfileRecord,
  ReviewRecord,
  SessionRecord,
} from '../../src/storage/schema.js';
import { emptyDatabase } from '../../src/storage/schema.js';

export type AttemptEvent = Extract<HistoryEvent, { type: 'attempt' }>;
export type ClaimEvent = Extract<HistoryEvent, { type: 'claim' }>;
export type ReviewEvent = Extract<HistoryEvent, { type: 'review' }>;
export type SessionEvent = Extract<HistoryEvent, { type: 'session' }>;

export const DECK = 'blinken-beijing';

export function anAttempt(overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: 'a1',
    sessionId: 's1',
    profile: 'default',
    deckId: DECK,
    questionId: 'q1',
    factId: 'f1',
    kind: 'choice',
    given: 'Beijing',
    correct: true,
    at: '2024-06-01T09:00:00.000Z',
    ms: 1200,
    ...overrides,
  };
}

export function aSession(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 's1',
    profile: 'default',
    deckId: DECK,
    mode: 'quiz',
    startedAt: '2024-06-01T09:00:00.000Z',
    endedAt: null,
    status: 'active',
    correct: 0,
    answered: 0,
    planned: 10,
    seed: 42,
    ...overrides,
  };
}

export function anAlias(overrides: Partial<AliasRecord> = {}): AliasRecord {
  return {
    profile: 'default',
    deckId: DECK,
    questionId: 'q1',
    text: 'U.S.',
    at: '2024-06-01T09:00:00.000Z',
    ...overrides,
  };
}

export function aCard(overrides: Partial<CardRecord> = {}): CardRecord {
  return {
    profile: 'default',
    deckId: DECK,
    factId: 'f1',
    firstSeen: '2024-06-01T09:00:00.000Z',
    due: '2024-06-04T09:00:00.000Z',
    stability: 3.17,
    difficulty: 5.28,
    elapsedDays: 0,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 'review',
    lastReview: '2024-06-01T09:00:00.000Z',
    ...overrides,
  };
}

export function aFactProgress(overrides: Partial<FactProgress> = {}): FactProgress {
  return {
    profile: 'default',
    deckId: DECK,
    factId: 'f1',
    attempts: 1,
    correct: 1,
    lastCorrect: true,
    lastAt: '2024-06-01T09:00:00.000Z',
    lastKind: 'choice',
    lastQuestionId: 'q1',
    lastAttemptId: 'a1',
    ...overrides,
  };
}

export function aKindTally(overrides: Partial<KindTally> = {}): KindTally {
  return { profile: 'default', deckId: DECK, kind: 'choice', attempts: 1, correct: 1, ...overrides };
}

export function aDayTally(overrides: Partial<DayTally> = {}): DayTally {
  return { profile: 'default', deckId: DECK, day: '2024-06-01', answers: 1, studied: 0, ...overrides };
}

export function aProfile(overrides: Partial<ProfileRecord> = {}): ProfileRecord {
  return { name: 'default', desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4, ...overrides };
}

export function aDatabase(overrides: Partial<DatabaseData> = {}): DatabaseData {
  return { ...emptyDatabase(), ...overrides };
}

export function attemptEvent(overrides: Partial<Attempt> = {}): AttemptEvent {
  return { type: 'attempt', attempt: anAttempt(overrides) };
}

export function sessionEvent(overrides: Partial<SessionRecord> = {}): SessionEvent {
  return { type: 'session', session: aSession(overrides) };
}

export function claimEvent(overrides: Partial<Omit<ClaimEvent, 'type'>> = {}): ClaimEvent {
  return {
    type: 'claim',
    attemptId: 'a1',
    sessionId: 's1',
    profile: 'default',
    deckId: DECK,
    questionId: 'q1',
    factId: 'f1',
    kind: 'short',
    text: 'U.S.',
    at: '2024-06-01T09:00:05.000Z',
    ...overrides,
  };
}

export function resetEvent(profile = 'default', at = '2024-06-02T09:00:00.000Z'): HistoryEvent {
  return { type: 'reset', profile, at };
}

/** A rating of the fact's card as `data` holds it (a new card on first sight), via the real ratingEvent. */
export function reviewEvent(data: DatabaseData, overrides: Partial<RatingInput> = {}): ReviewEvent {
  return ratingEvent(data, {
    id: 'r1',
    profile: 'default',
    deckId: DECK,
    factId: 'f1',
    rating: 'good',
    now: new Date('2024-06-01T09:00:00.000Z'),
    attemptId: null,
    source: 'study',
    ...overrides,
  });
}

/** An undo event as it stands in a log (whatever the card is now): for tests of how the log adds up. */
export function undoOf(review: ReviewRecord, at: Date): HistoryEvent {
  return { type: 'undo', reviewId: review.id, profile: review.profile, deckId: review.deckId, factId: review.factId, source: review.source, before: review.before, at: at.toISOString() };
}

/** A version 2 database (answers and ratings kept in the file), as factdeck 0.1 wrote it. */
export function aVersion2Database(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { profile: _p, deckId: _d, factId: _f, firstSeen: _s, ...memory } = aCard();
  return {
    schemaVersion: 2,
    attempts: [
      anAttempt({ id: 'a1', factId: 'f1', correct: true, at: '2024-06-01T09:00:00.000Z' }),
      anAttempt({ id: 'a2', factId: 'f1', correct: false, kind: 'cloze', questionId: 'q2', at: '2024-06-01T09:01:00.000Z' }),
      anAttempt({ id: 'a3', factId: 'f2', correct: true, questionId: 'q3', at: '2024-06-01T09:02:00.000Z' }),
    ],
    sessions: [aSession({ status: 'finished', endedAt: '2024-06-01T09:03:00.000Z', answered: 3, correct: 2, planned: 3 })],
    aliases: [anAlias()],
    cards: [{ profile: 'default', deckId: DECK, factId: 'f1', ...memory }],
    reviews: [
      {
        id: 'r1',
        profile: 'default',
        deckId: DECK,
        factId: 'f1',
        attemptId: 'a1',
        source: 'quiz',
        rating: 'good',
        at: '2024-06-01T09:00:00.000Z',
        before: null,
        log: { state: 'new', due: '2024-06-01T09:00:00.000Z', stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0 },
      },
    ],
    profiles: [aProfile({ name: 'ann', desiredRetention: 0.85 })],
    ...overrides,
  };
}
