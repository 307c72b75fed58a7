// The two sides of a flashcard for `study`, as text: the front asks about the fact (a cloze of it where the
// deck has one, else another of its questions), its choices or items in the order the run shuffled them,
// as a quiz shows them; the back gives the answer, the fact and the article's sentence with the quote
// marked. Pure.

import { describeAnswer, type Fact, type Question } from '../domain/deck.js';
import type { PresentedQuestion } from '../domain/selection.js';
import { markSentence, sameText } from './render-quiz.js';
import { printable } from './printable.js';
import type { Style } from './style.js';

const FRONT_PREFERENCE: Question['kind'][] = ['cloze', 'short-answer', 'choice', 'multi-select', 'true-false', 'order'];

/** The question a card shows on its front: the deck's cloze of the fact where there is one. */
export function frontQuestion(fact: Fact, questions: readonly Question[]): Question | null {
  const own = questions.filter((q) => q.factId === fact.id);
  for (const kind of FRONT_PREFERENCE) {
    const found = own.find((q) => q.kind === kind);
    if (found) return found;
  }
  return null;
}

export interface CardSides {
  front: string;
  back: string;
}

/** `presented`: the front question with its options as shown (see presentQuestion), or null for none. */
export function renderCardSides(fact: Fact, presented: PresentedQuestion | null, sentence: string | null, style: Style, plain: boolean): CardSides {
  const clean = (text: string): string => printable(text, { singleLine: true });
  const question = presented === null ? null : presented.question;
  const frontLines: string[] = [];
  if (presented === null) {
    frontLines.push(`What does the article say? (${clean(fact.topic)})`);
  } else {
    frontLines.push(clean(presented.question.prompt));
    presented.options.forEach((option, i) => frontLines.push(`  ${i + 1}) ${clean(option)}`));
  }
  const backLines: string[] = [];
  if (question !== null) backLines.push(`${style.bold('Answer:')} ${clean(describeAnswer(question))}`);
  // (Not where the source line below says the same words: a drafted fact is often its sentence.)
  if (sentence === null || !sameText(fact.statement, sentence)) backLines.push(`${style.dim('Fact:')} ${clean(fact.statement)}`);
  if (sentence !== null) {
    const answer = question && (question.kind === 'cloze' || question.kind === 'short-answer' || question.kind === 'choice') ? question.answer : null;
    backLines.push(`${style.dim('Source:')} ${markSentence(sentence, fact.quote, answer, style, plain)}`);
  }
  return { front: frontLines.join('\n'), back: backLines.join('\n') };
}
