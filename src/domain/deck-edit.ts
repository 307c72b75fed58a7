// Edits a learner makes to a deck while going through it (`factdeck edit`): drop a question, change its
// prompt, its answer, its accepted answers or one choice, or the statement of its fact. Pure: each edit
// returns a new deck or a reason it cannot be made; ids never change, so progress keyed by them survives.
// Whether the result is a valid deck is for the validator (`check`) to say, run by the caller on each save.

import type { Deck, Fact, Question } from './deck.js';

export type EditResult = { ok: true; deck: Deck } | { ok: false; reason: string };

export type DeckEdit =
  | { kind: 'drop'; questionId: string }
  | { kind: 'prompt'; questionId: string; text: string }
  | { kind: 'answer'; questionId: string; text: string }
  | { kind: 'accept'; questionId: string; text: string }
  | { kind: 'choice'; questionId: string; index: number; text: string }
  | { kind: 'statement'; factId: string; text: string };

/** Accepted answers and order items are typed on one line, separated by `|`. */
export const LIST_SEPARATOR = '|';

export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const fail = (reason: string): EditResult => ({ ok: false, reason });

function replaceQuestion(deck: Deck, question: Question): Deck {
  return { ...deck, questions: deck.questions.map((q) => (q.id === question.id ? question : q)) };
}

/** The deck without a question; a fact no question asks about any more goes with it. */
function dropQuestion(deck: Deck, questionId: string): Deck {
  const questions = deck.questions.filter((q) => q.id !== questionId);
  const before = new Set(deck.questions.flatMap((q) => [q.factId, ...(q.relatedFactIds ?? [])]));
  const after = new Set(questions.flatMap((q) => [q.factId, ...(q.relatedFactIds ?? [])]));
  const facts = deck.facts.filter((fact: Fact) => after.has(fact.id) || !before.has(fact.id));
  return { ...deck, facts, questions };
}

/** "2", or the text of one of the choices (any case) -> its index; -1 when neither. */
function choiceIndex(choices: readonly string[], text: string): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= choices.length ? n - 1 : -1;
  }
  return choices.findIndex((choice) => choice.toLowerCase() === text.toLowerCase());
}

function editAnswer(question: Question, text: string): Question | string {
  switch (question.kind) {
    case 'true-false': {
      const word = text.toLowerCase();
      if (['true', 't', 'yes'].includes(word)) return { ...question, answer: true };
      if (['false', 'f', 'no'].includes(word)) return { ...question, answer: false };
      return 'a true/false answer is true or false';
    }
    case 'choice': {
      const at = choiceIndex(question.choices, text);
      if (at !== -1) return { ...question, answer: question.choices[at] as string };
      // A new key replaces the old one among the choices.
      return { ...question, choices: question.choices.map((c) => (c === question.answer ? text : c)), answer: text };
    }
    case 'multi-select': {
      const parts = text.includes(LIST_SEPARATOR) || !/^[\d\s,]+$/.test(text) ? splitList(text) : text.split(/[\s,]+/).filter((p) => p !== '');
      const indexes = parts.map((part) => choiceIndex(question.choices, part));
      if (parts.length === 0 || indexes.includes(-1)) return `name the right choices by number (1 to ${question.choices.length}, e.g. 1,3) or by their text separated by "|"`;
      return { ...question, answer: question.choices.filter((_, i) => indexes.includes(i)) };
    }
    case 'order': {
      const parts = /^[\d\s,]+$/.test(text) ? text.split(/[\s,]+/).filter((p) => p !== '').map((n) => question.items[Number(n) - 1] ?? '') : splitList(text);
      return { ...question, answer: parts };
    }
    default:
      return { ...question, answer: text };
  }
}

function editChoice(question: Question, index: number, text: string): Question | string {
  if (question.kind === 'choice' || question.kind === 'multi-select') {
    const old = question.choices[index];
    if (old === undefined) return `there is no choice ${index + 1} (there are ${question.choices.length})`;
    const choices = question.choices.map((c, i) => (i === index ? text : c));
    if (question.kind === 'choice') return { ...question, choices, answer: question.answer === old ? text : question.answer };
    return { ...question, choices, answer: question.answer.map((a) => (a === old ? text : a)) };
  }
  if (question.kind === 'order') {
    const old = question.items[index];
    if (old === undefined) return `there is no item ${index + 1} (there are ${question.items.length})`;
    return { ...question, items: question.items.map((c, i) => (i === index ? text : c)), answer: question.answer.map((a) => (a === old ? text : a)) };
  }
  return `a ${question.kind} question has no choices`;
}

/** Applies one edit; refuses what cannot apply (an unknown id, a choice of a typed question). */
export function applyEdit(deck: Deck, edit: DeckEdit): EditResult {
  if (edit.kind === 'statement') {
    if (!deck.facts.some((f) => f.id === edit.factId)) return fail(`no fact ${edit.factId} in the deck`);
    if (edit.text.trim() === '') return fail('a fact needs a statement');
    return { ok: true, deck: { ...deck, facts: deck.facts.map((f) => (f.id === edit.factId ? { ...f, statement: edit.text.trim() } : f)) } };
  }
  const question = deck.questions.find((q) => q.id === edit.questionId);
  if (question === undefined) return fail(`no question ${edit.questionId} in the deck`);
  if (edit.kind === 'drop') return { ok: true, deck: dropQuestion(deck, edit.questionId) };
  const text = edit.text.trim();
  if (edit.kind === 'accept') {
    if (question.kind !== 'cloze' && question.kind !== 'short-answer') return fail(`only typed answers (fill in the blank, short answer) have accepted answers; this is ${question.kind}`);
    return { ok: true, deck: replaceQuestion(deck, { ...question, accept: splitList(text) }) };
  }
  if (text === '') return fail(`the ${edit.kind} cannot be empty`);
  if (edit.kind === 'prompt') return { ok: true, deck: replaceQuestion(deck, { ...question, prompt: text }) };
  const changed = edit.kind === 'answer' ? editAnswer(question, text) : editChoice(question, edit.index, text);
  return typeof changed === 'string' ? fail(changed) : { ok: true, deck: replaceQuestion(deck, changed) };
}
