// What a learner's past attempts say about each fact of a deck: seen or not, last right or wrong, and which
// facts are missed (their latest attempt was wrong). Attempts on questions or facts that no longer exist in
// the deck are kept in the database and ignored here.

import type { Deck } from './deck.js';

/** The fields of a saved attempt that the core reads. */
export interface AttemptRecord {
  questionId: string;
  factId: string;
  kind: string;
  correct: boolean;
  at: string;
}

export interface FactHistory {
  factId: string;
  attempts: number;
  lastCorrect: boolean;
  lastAt: string;
  lastKind: string;
}

/** The latest attempt per fact, from attempts already filtered to one profile and deck. */
export function summarizeHistory(deck: Deck, attempts: readonly AttemptRecord[]): Map<string, FactHistory> {
  const questionIds = new Set(deck.questions.map((q) => q.id));
  const factIds = new Set(deck.facts.map((f) => f.id));
  const history = new Map<string, FactHistory>();
  for (const attempt of attempts) {
    if (!questionIds.has(attempt.questionId) || !factIds.has(attempt.factId)) continue;
    const known = history.get(attempt.factId);
    if (known && known.lastAt > attempt.at) {
      known.attempts++;
      continue;
    }
    history.set(attempt.factId, {
      factId: attempt.factId,
      attempts: (known?.attempts ?? 0) + 1,
      lastCorrect: attempt.correct,
      lastAt: attempt.at,
      lastKind: attempt.kind,
    });
  }
  return history;
}

/** Facts whose latest attempt was wrong, in deck order. */
export function missedFactIds(deck: Deck, history: Map<string, FactHistory>): string[] {
  return deck.facts.filter((fact) => history.get(fact.id)?.lastCorrect === false).map((fact) => fact.id);
}

/** What the database keeps per fact: counts and the latest attempt. */
export interface FactProgressRecord {
  factId: string;
  attempts: number;
  lastCorrect: boolean;
  lastAt: string;
  lastKind: string;
}

/**
 * The same view from the per-fact progress the database keeps (one record per fact seen, already
 * filtered to one profile and deck). Facts no longer in the deck are ignored.
 */
export function historyFromProgress(deck: Deck, progress: readonly FactProgressRecord[]): Map<string, FactHistory> {
  const factIds = new Set(deck.facts.map((f) => f.id));
  const history = new Map<string, FactHistory>();
  for (const p of progress) {
    if (!factIds.has(p.factId)) continue;
    history.set(p.factId, { factId: p.factId, attempts: p.attempts, lastCorrect: p.lastCorrect, lastAt: p.lastAt, lastKind: p.lastKind });
  }
  return history;
}
