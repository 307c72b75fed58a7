// What `factdeck edit` shows for one question: the question as the learner sees it (choices and items in
// the deck's order), its key and accepted answers, its fact and the article's sentence, and the keys.

import { describeAnswer, type Fact, type Question } from '../domain/deck.js';
import { printable } from './printable.js';
import { kindLabel, markSentence } from './render-quiz.js';
import type { Style } from './style.js';

export interface EditScreen {
  number: number;
  total: number;
  question: Question;
  fact: Fact | undefined;
  sentence: string | null;
  /** What happened last (saved, refused and why), shown above the keys. */
  notice: string;
}

const clean = (text: string): string => printable(text, { singleLine: true });

export function renderEditScreen(screen: EditScreen, style: Style, plain: boolean): string {
  const { question, fact } = screen;
  const lines = [style.bold(`Question ${screen.number} of ${screen.total} · ${kindLabel(question.kind)}${fact ? ` · topic ${clean(fact.topic)}` : ''}`), '', clean(question.prompt)];
  const options = question.kind === 'choice' || question.kind === 'multi-select' ? question.choices : question.kind === 'order' ? question.items : question.kind === 'true-false' ? ['True', 'False'] : [];
  options.forEach((option, i) => lines.push(`  ${i + 1}) ${clean(option)}`));
  lines.push('', `${style.dim('Key:')} ${style.green(clean(describeAnswer(question)))}`);
  if ((question.kind === 'cloze' || question.kind === 'short-answer') && question.accept.length > 0) {
    lines.push(`${style.dim('Also accepted:')} ${question.accept.map(clean).join(' | ')}`);
  }
  if (fact !== undefined) lines.push(`${style.dim('Fact:')} ${clean(fact.statement)}`);
  if (screen.sentence !== null && fact !== undefined) lines.push(`${style.dim('Source:')} ${markSentence(screen.sentence, fact.quote, null, style, plain)}`);
  if (screen.notice !== '') lines.push('', screen.notice);
  return lines.join('\n');
}

export const EDIT_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['Enter', 'keep, next'],
  ['d', 'drop'],
  ['p', 'prompt'],
  ['a', 'answer'],
  ['o', 'other accepted answers'],
  ['c', 'a choice'],
  ['s', 'fact statement'],
  ['u', 'undo'],
  ['←', 'back'],
  ['/', 'go to'],
  ['q', 'quit'],
];

/** The plain-mode spelling of every action, one line each. */
export const PLAIN_EDIT_HELP = [
  'Each line is one action: an empty line keeps the question and goes to the next; b goes back;',
  'd drops it; p TEXT sets the prompt; a TEXT the answer; o A | B the other accepted answers;',
  'c N TEXT sets choice (or item) N; s TEXT the fact\'s statement; u undoes; /N or /WORDS goes to a',
  'question; q quits. Every change is saved at once.',
].join('\n');
