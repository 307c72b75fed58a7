import { describe, expect, it } from 'vitest';
import { applyEdit, type DeckEdit } from '../../src/domain/deck-edit.js';
import type { Deck, Question } from '../../src/domain/deck.js';
import { isLastOfFact, suspendedFactIds, suspendedIds, withoutSuspended } from '../../src/domain/suspension.js';
import { choiceQuestion, cloze, deck, fact, multiSelect, orderQuestion, shortAnswer, trueFalse } from '../helpers/builders.js';

const library = deck({
  facts: [fact({ id: 'f1' }), fact({ id: 'f2', statement: 'Two.' }), fact({ id: 'f3', statement: 'Three, asked by nothing.' })],
  questions: [choiceQuestion(), trueFalse(), cloze(), shortAnswer(), orderQuestion({ factId: 'f2', relatedFactIds: ['f1'] }), multiSelect({ factId: 'f2' })],
});

function edited(edit: DeckEdit): Deck {
  const result = applyEdit(library, edit);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.deck;
}

const question = (d: Deck, id: string): Question | undefined => d.questions.find((q) => q.id === id);

describe('applyEdit', () => {
  it.each<[string, DeckEdit, (d: Deck) => unknown, unknown]>([
    ['a prompt', { kind: 'prompt', questionId: 'f1-cloze', text: '  Who opened it? _____  ' }, (d) => question(d, 'f1-cloze')?.prompt, 'Who opened it? _____'],
    ['a choice answer by number', { kind: 'answer', questionId: 'f1-choice', text: '3' }, (d) => question(d, 'f1-choice'), expect.objectContaining({ answer: 'The town council' })],
    ['a choice answer by text, any case', { kind: 'answer', questionId: 'f1-choice', text: 'a librarian' }, (d) => question(d, 'f1-choice'), expect.objectContaining({ answer: 'A librarian' })],
    ['a new choice key, which replaces the old one among the choices', { kind: 'answer', questionId: 'f1-choice', text: 'Mayor Dana Ortiz' }, (d) => question(d, 'f1-choice'), expect.objectContaining({ answer: 'Mayor Dana Ortiz', choices: ['Mayor Dana Ortiz', 'A local trust', 'The town council', 'A librarian'] })],
    ['a true/false answer', { kind: 'answer', questionId: 'f1-true-false', text: 'True' }, (d) => question(d, 'f1-true-false'), expect.objectContaining({ answer: true })],
    ['a typed answer', { kind: 'answer', questionId: 'f1-cloze', text: 'Mayor Ortiz' }, (d) => question(d, 'f1-cloze'), expect.objectContaining({ answer: 'Mayor Ortiz' })],
    ['accepted answers, split at |', { kind: 'accept', questionId: 'f1-short-answer', text: 'Ortiz | D. Ortiz |' }, (d) => question(d, 'f1-short-answer'), expect.objectContaining({ accept: ['Ortiz', 'D. Ortiz'] })],
    ['accepted answers emptied', { kind: 'accept', questionId: 'f1-cloze', text: '' }, (d) => question(d, 'f1-cloze'), expect.objectContaining({ accept: [] })],
    ['a multi-select answer by numbers', { kind: 'answer', questionId: 'f2-multi-select', text: '1, 4' }, (d) => question(d, 'f2-multi-select'), expect.objectContaining({ answer: ['books', 'a museum'] })],
    ['an order answer by item numbers', { kind: 'answer', questionId: 'f2-order', text: '2 3 1' }, (d) => question(d, 'f2-order'), expect.objectContaining({ answer: ['Construction began', 'The trust paid', 'The library opened'] })],
    ['a choice that is the key: the key follows it', { kind: 'choice', questionId: 'f1-choice', index: 0, text: 'Mayor Dana Ortiz' }, (d) => question(d, 'f1-choice'), expect.objectContaining({ answer: 'Mayor Dana Ortiz', choices: ['Mayor Dana Ortiz', 'A local trust', 'The town council', 'A librarian'] })],
    ['a wrong choice', { kind: 'choice', questionId: 'f1-choice', index: 3, text: 'A builder' }, (d) => question(d, 'f1-choice'), expect.objectContaining({ answer: 'Dana Ortiz', choices: ['Dana Ortiz', 'A local trust', 'The town council', 'A builder'] })],
    ['an order item: the answer follows it', { kind: 'choice', questionId: 'f2-order', index: 1, text: 'Building began' }, (d) => question(d, 'f2-order'), expect.objectContaining({ items: ['The library opened', 'Building began', 'The trust paid'], answer: ['Building began', 'The trust paid', 'The library opened'] })],
    ['a fact statement', { kind: 'statement', factId: 'f2', text: 'Two, said better.' }, (d) => d.facts.find((f) => f.id === 'f2')?.statement, 'Two, said better.'],
  ])('changes %s, and nothing else', (_name, edit, read, expected) => {
    const after = edited(edit);
    expect(read(after)).toEqual(expected);
    // Ids never change: progress keyed by them survives every edit.
    expect(after.questions.map((q) => q.id)).toEqual(library.questions.map((q) => q.id));
    expect(after.facts.map((f) => f.id)).toEqual(library.facts.map((f) => f.id));
    const others = (d: Deck): Question[] => d.questions.filter((q) => q.id !== ('questionId' in edit ? edit.questionId : ''));
    expect(others(after)).toEqual(others(library));
  });

  it('drops a question; a fact left with no question goes with it, one still asked or never asked stays', () => {
    let d = edited({ kind: 'drop', questionId: 'f2-multi-select' });
    expect(d.questions.map((q) => q.id)).not.toContain('f2-multi-select');
    expect(d.facts.map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    const result = applyEdit(d, { kind: 'drop', questionId: 'f2-order' });
    if (!result.ok) throw new Error(result.reason);
    d = result.deck;
    // f2 had only those two; f1 is still asked; f3 was never asked and stays as it was.
    expect(d.facts.map((f) => f.id)).toEqual(['f1', 'f3']);
  });

  it.each<[string, DeckEdit, RegExp]>([
    ['an unknown question', { kind: 'prompt', questionId: 'nope', text: 'x' }, /no question nope/],
    ['an empty prompt', { kind: 'prompt', questionId: 'f1-cloze', text: '  ' }, /cannot be empty/],
    ['a true/false answer that is neither', { kind: 'answer', questionId: 'f1-true-false', text: 'maybe' }, /true or false/],
    ['accepted answers of a choice question', { kind: 'accept', questionId: 'f1-choice', text: 'x' }, /only typed answers/],
    ['a choice of a typed question', { kind: 'choice', questionId: 'f1-cloze', index: 0, text: 'x' }, /has no choices/],
    ['a choice that is not there', { kind: 'choice', questionId: 'f1-choice', index: 7, text: 'x' }, /there is no choice 8 \(there are 4\)/],
    ['a multi-select answer naming no choice', { kind: 'answer', questionId: 'f2-multi-select', text: '9' }, /name the right choices/],
    ['an empty statement', { kind: 'statement', factId: 'f1', text: '' }, /needs a statement/],
  ])('refuses %s with the reason, leaving the deck as it was', (_name, edit, reason) => {
    const before = structuredClone(library);
    const result = applyEdit(library, edit);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    expect(library).toEqual(before);
  });
});

describe('suspension', () => {
  const records = [
    { profile: 'ann', deckId: library.id, questionId: 'f2-order' },
    { profile: 'ann', deckId: 'other', questionId: 'f1-cloze' },
    { profile: 'bob', deckId: library.id, questionId: 'f1-cloze' },
  ];

  it("takes one profile's suspended questions of one deck", () => {
    expect([...suspendedIds(records, 'ann', library.id)]).toEqual(['f2-order']);
  });

  it('leaves suspended questions out, and a fact whose every question is suspended; its card is then suspended', () => {
    const one = new Set(['f2-order']);
    expect(withoutSuspended(library, one).questions.map((q) => q.id)).not.toContain('f2-order');
    expect(withoutSuspended(library, one).facts.map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    expect(isLastOfFact(library, one, multiSelect({ factId: 'f2' }))).toBe(true);
    expect(isLastOfFact(library, new Set(), multiSelect({ factId: 'f2' }))).toBe(false);
    const both = new Set(['f2-order', 'f2-multi-select']);
    expect(withoutSuspended(library, both).facts.map((f) => f.id)).toEqual(['f1', 'f3']);
    expect(suspendedFactIds(library, both)).toEqual(['f2']);
    expect(withoutSuspended(library, new Set())).toBe(library);
  });
});
