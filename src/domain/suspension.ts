// Suspended questions: ones a learner took out of their runs as wrong or unfair. A run sees the deck
// without them; a fact whose every question is suspended has its card suspended too (it leaves study),
// which follows from the deck itself, so an edit that adds a question to the fact brings the card back.

import type { Deck, DeckOutline, LoadedDeck, QuestionOutline } from './deck.js';

export interface Suspension {
  profile: string;
  deckId: string;
  questionId: string;
}

/** The ids of the questions of one deck suspended for one profile. */
export function suspendedIds(records: readonly Suspension[], profile: string, deckId: string): Set<string> {
  return new Set(records.filter((r) => r.profile === profile && r.deckId === deckId).map((r) => r.questionId));
}

/** The deck without the suspended questions, and without facts left with none (a fact never given any stays). */
export function withoutSuspended(deck: Deck, suspended: ReadonlySet<string>): Deck {
  if (suspended.size === 0) return deck;
  const questions = deck.questions.filter((q) => !suspended.has(q.id));
  const asked = new Set(questions.flatMap((q) => [q.factId, ...(q.relatedFactIds ?? [])]));
  const hadQuestions = new Set(deck.questions.map((q) => q.factId));
  return { ...deck, facts: deck.facts.filter((fact) => asked.has(fact.id) || !hadQuestions.has(fact.id)), questions };
}

/**
 * The same, read from a deck's outline: exact without the deck's texts unless a fact that had questions is
 * left with none of its own (whether it stays then depends on the related facts of the questions left,
 * which only the whole deck holds, so the whole deck is read).
 */
export function outlineWithoutSuspended(loaded: Pick<LoadedDeck, 'outline' | 'deck'>, suspended: ReadonlySet<string>): DeckOutline {
  const outline = loaded.outline;
  if (suspended.size === 0) return outline;
  const questions = outline.questions.filter((q) => !suspended.has(q.id));
  const kept = new Set(questions.map((q) => q.factId));
  const hadQuestions = new Set(outline.questions.map((q) => q.factId));
  if (outline.facts.every((fact) => kept.has(fact.id) || !hadQuestions.has(fact.id))) {
    return { id: outline.id, title: outline.title, origin: outline.origin, facts: outline.facts, questions };
  }
  return withoutSuspended(loaded.deck, suspended);
}

/** Whether suspending this question leaves its fact with no question: then its card is suspended too. */
export function isLastOfFact(deck: { questions: readonly QuestionOutline[] }, suspended: ReadonlySet<string>, question: QuestionOutline): boolean {
  return deck.questions.every((q) => q.factId !== question.factId || q.id === question.id || suspended.has(q.id));
}

/** Facts of the deck whose every question is suspended (their cards are suspended). */
export function suspendedFactIds(deck: Deck, suspended: ReadonlySet<string>): string[] {
  const kept = withoutSuspended(deck, suspended);
  const left = new Set(kept.facts.map((f) => f.id));
  return deck.facts.filter((f) => !left.has(f.id)).map((f) => f.id);
}
