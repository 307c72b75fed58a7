// Builders of database records for storage tests: valid by default, override what a test is about.

import type { AliasRecord, Attempt, DatabaseData, SessionRecord } from '../../src/storage/schema.js';
import { emptyDatabase } from '../../src/storage/schema.js';

export function anAttempt(overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: 'a1',
    sessionId: 's1',
    profile: 'default',
    deckId: 'blinken-beijing',
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
    deckId: 'blinken-beijing',
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
    deckId: 'blinken-beijing',
    questionId: 'q1',
    text: 'U.S.',
    at: '2024-06-01T09:00:00.000Z',
    ...overrides,
  };
}

export function aDatabase(overrides: Partial<DatabaseData> = {}): DatabaseData {
  return { ...emptyDatabase(), ...overrides };
}
