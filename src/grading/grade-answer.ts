// The one entry point the quiz uses to judge an answer: any question kind, any given value, a verdict.
// Choices are compared exactly (they come from the deck); typed answers leniently (see lenient-match.ts).
// It never throws: a value of the wrong shape for the question's kind is simply a wrong answer.

import type { Given, Question } from '../domain/deck.js';
import { isLenientMatch } from './lenient-match.js';
import { NO_WORDS, type WordCheck } from './real-words.js';

export { isLenientMatch } from './lenient-match.js';
export type { LenientMatch } from './lenient-match.js';
export type { WordCheck } from './real-words.js';
export type { Given };

export interface Verdict {
  correct: boolean;
  /** Right, but only within typo tolerance. */
  typo: boolean;
  /** Which accepted form matched. */
  matched?: string;
  /** For a typo: the accepted spelling nearest to what was typed (see LenientMatch). */
  spelling?: string;
}

const WRONG: Verdict = { correct: false, typo: false };

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function right(matched?: string): Verdict {
  return matched === undefined ? { correct: true, typo: false } : { correct: true, typo: false, matched };
}

function sameSequence(given: readonly string[], answer: readonly string[]): boolean {
  return given.length === answer.length && given.every((item, i) => item === answer[i]);
}

function sameSet(given: readonly string[], answer: readonly string[]): boolean {
  const chosen = new Set(given);
  const wanted = new Set(answer);
  return chosen.size === wanted.size && [...chosen].every((item) => wanted.has(item));
}

function gradeTyped(answer: string, accept: readonly string[], given: string, extraAliases: readonly string[], isRealWord: WordCheck): Verdict {
  const { match, typo, matched, spelling } = isLenientMatch(given, [answer, ...accept, ...extraAliases], isRealWord);
  if (!match) return WRONG;
  return { correct: true, typo, ...(matched === undefined ? {} : { matched }), ...(spelling === undefined ? {} : { spelling }) };
}

/**
 * Judges `given` against `question`; `extraAliases` are the learner's own accepted answers ("I was right");
 * `isRealWord` tells a typed real word from a slip (a quiz passes the English word list and the deck's
 * vocabulary; by default no word is known, and every slip within the budget is forgiven).
 */
export function gradeAnswer(question: Question, given: Given, extraAliases: readonly string[] = [], isRealWord: WordCheck = NO_WORDS): Verdict {
  if (given === null || given === undefined) return WRONG;
  const extras = isStringList(extraAliases) ? extraAliases : [];
  switch (question.kind) {
    case 'choice':
      return typeof given === 'string' && given === question.answer ? right(question.answer) : WRONG;
    case 'true-false':
      return typeof given === 'boolean' && given === question.answer ? right() : WRONG;
    case 'cloze':
    case 'short-answer': {
      if (typeof given !== 'string' || typeof question.answer !== 'string') return WRONG;
      const accept = isStringList(question.accept) ? question.accept : [];
      return gradeTyped(question.answer, accept, given, extras, typeof isRealWord === 'function' ? isRealWord : NO_WORDS);
    }
    case 'order':
      return isStringList(given) && isStringList(question.answer) && sameSequence(given, question.answer) ? right() : WRONG;
    case 'multi-select':
      return isStringList(given) && isStringList(question.answer) && sameSet(given, question.answer) ? right() : WRONG;
    default:
      return WRONG;
  }
}
