// Progress databases written by hand, as a hostile or careless editor could: valid version-3 files
// (see src/storage/schema.ts) whose strings are chosen by the test.

import { emptyDatabase, type DatabaseData } from '../../../src/storage/schema.js';

export interface HandWrittenOptions {
  deckId?: string;
  factId?: string;
  /** The question kind of the tallies (stats shows it as a label). */
  kind?: string;
}

/** A valid version-3 database whose profiles are `names`, each with two answers (one right) on one fact. */
export function databaseWithProfiles(names: readonly string[], options: HandWrittenOptions = {}): DatabaseData {
  const { deckId = 'constructor', factId = 'constructor', kind = 'true-false' } = options;
  const at = '2026-05-01T10:00:00.000Z';
  return {
    ...emptyDatabase(),
    profiles: names.map((name) => ({ name, desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 })),
    facts: names.map((name) => ({ profile: name, deckId, factId, attempts: 2, correct: 1, lastCorrect: false, lastAt: at, lastKind: kind, lastQuestionId: 'q', lastAttemptId: 'a1' })),
    kinds: names.map((name) => ({ profile: name, deckId, kind, attempts: 2, correct: 1 })),
    days: names.map((name) => ({ profile: name, deckId, day: '2026-05-01', answers: 2, studied: 0 })),
  };
}
