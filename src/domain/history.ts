// What a learner's past answers say about each fact of a deck: seen or not, last right or wrong, and which
// facts are missed (their latest answer was wrong). The database keeps this per fact (storage adds it up
// from the history log); facts no longer in the deck are kept there and ignored here.


export interface FactHistory {
  factId: string;
  attempts: number;
  /** How many of the attempts were right. */
  correct: number;
  lastCorrect: boolean;
  lastAt: string;
  lastKind: string;
}

/** Facts whose latest attempt was wrong, in deck order. */
export function missedFactIds(deck: { facts: readonly { id: string }[] }, history: Map<string, FactHistory>): string[] {
  return deck.facts.filter((fact) => history.get(fact.id)?.lastCorrect === false).map((fact) => fact.id);
}

/** What the database keeps per fact: counts and the latest attempt. */
export interface FactProgressRecord {
  factId: string;
  attempts: number;
  correct: number;
  lastCorrect: boolean;
  lastAt: string;
  lastKind: string;
}

/**
 * The same view from the per-fact progress the database keeps (one record per fact seen, already
 * filtered to one profile and deck). Facts no longer in the deck are ignored.
 */
export function historyFromProgress(deck: { facts: readonly { id: string }[] }, progress: readonly FactProgressRecord[]): Map<string, FactHistory> {
  const factIds = new Set(deck.facts.map((f) => f.id));
  const history = new Map<string, FactHistory>();
  // The records themselves, not copies (10,000 facts seen: 10,000 objects fewer before the first
  // question); the map is read, never written through.
  for (const p of progress) {
    if (factIds.has(p.factId)) history.set(p.factId, p);
  }
  return history;
}
