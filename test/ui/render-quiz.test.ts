import { describe, expect, it } from 'vitest';
import { findQuoteSentence, splitSentences } from '../../src/domain/article.js';
import type { Question } from '../../src/domain/deck.js';
import { createRandom } from '../../src/domain/random.js';
import { presentQuestion, type PresentedQuestion } from '../../src/domain/selection.js';
import type { RunSummary } from '../../src/session/run-state.js';
import { kindLabel, renderFeedback, renderHeader, renderPlainQuestion, renderProgress, renderSummary, type FeedbackInput } from '../../src/ui/render-quiz.js';
import { createStyle } from '../../src/ui/style.js';
import { choiceQuestion, cloze, fact, multiSelect, orderQuestion, shortAnswer, trueFalse } from '../helpers/builders.js';

const plainStyle = createStyle(false);
const ESC = '\u001b';
const EVIL = `${ESC}[31mred${ESC}[0m${ESC}]0;pwned\u0007`;

const ARTICLE =
  'Harbour Town Opens New Library\n' +
  'Riverside: The mayor of Harbour Town, Dana Ortiz, opened a new public library on Monday. The building holds 40,000 books and a small theatre.';

const mayor = fact({
  id: 'f-mayor',
  statement: 'Dana Ortiz, the mayor of Harbour Town, opened the library.',
  quote: 'The mayor of Harbour Town, Dana Ortiz, opened a new public library',
});
const books = fact({ id: 'f-books', statement: 'The library holds 40,000 books.', quote: 'holds 40,000 books', topic: 'building' });

/** The sentence the feedback shows, found the way a run finds it. */
const sentenceOf = (quote: string, article = ARTICLE): string | null => findQuoteSentence(splitSentences(article), quote)?.text ?? null;

function feedback(input: Partial<FeedbackInput> & Pick<FeedbackInput, 'question'>): string {
  const fact = input.fact ?? mayor;
  return renderFeedback({ correct: true, typo: false, dontKnow: false, fact, sentence: sentenceOf(fact.quote), ...input }, plainStyle, true);
}

describe('renderFeedback', () => {
  it.each([
    [true, false, false, 'Correct.'],
    [true, true, false, 'Correct. (mind the spelling: Dana Ortiz)'],
    [false, false, false, 'Wrong. The answer: Dana Ortiz'],
    [false, false, true, "Wrong (don't know). The answer: Dana Ortiz"],
  ])('correct=%s typo=%s dontKnow=%s starts with %j', (correct, typo, dontKnow, first) => {
    const lines = feedback({ question: choiceQuestion({ factId: 'f-mayor' }), correct, typo, dontKnow }).split('\n');
    expect(lines[0]).toBe(first);
  });

  it('names the accepted spelling nearest to what was typed, cleaned like any deck text', () => {
    const question = shortAnswer({ factId: 'f-mayor', answer: 'Dana Ortiz', accept: ['Mayor Ortiz'] });
    expect(feedback({ question, typo: true, spelling: 'Mayor Ortiz' }).split('\n')[0]).toBe('Correct. (mind the spelling: Mayor Ortiz)');
    expect(feedback({ question, typo: true }).split('\n')[0]).toBe('Correct. (mind the spelling: Dana Ortiz)');
    expect(feedback({ question, typo: true, spelling: `Mayor ${EVIL}` }).split('\n')[0]).not.toContain(ESC);
  });

  it('shows the explanation, the fact and the whole source sentence with quote and answer marked', () => {
    const text = feedback({ question: choiceQuestion({ factId: 'f-mayor' }), correct: false });
    expect(text.split('\n')).toEqual([
      'Wrong. The answer: Dana Ortiz',
      '  The mayor, Dana Ortiz, opened it.',
      '  Fact: Dana Ortiz, the mayor of Harbour Town, opened the library.',
      '  Source: Riverside: «The mayor of Harbour Town, *Dana Ortiz*, opened a new public library» on Monday.',
    ]);
  });

  it('says a drafted question\'s sentence once, where its explanation and fact only repeat the source line', () => {
    const sentence = 'The building holds 40,000 books and a small theatre.';
    const drafted = fact({ id: 'f-same', statement: sentence, quote: sentence });
    const question = cloze({ factId: 'f-same', answer: '40,000', explanation: `The article says: “${sentence}”` });
    const text = renderFeedback({ correct: true, typo: false, dontKnow: false, question, fact: drafted, sentence }, plainStyle, true);
    expect(text.split('\n')).toEqual(['Correct.', '  Source: «The building holds *40,000* books and a small theatre.»']);
  });

  it.each([
    ['cloze', cloze({ factId: 'f-books', answer: '40,000' }), 'The building «holds *40,000* books» and a small theatre.'],
    ['short answer, matched ignoring case', shortAnswer({ factId: 'f-books', answer: 'HOLDS 40,000' }), 'The building «*holds 40,000* books» and a small theatre.'],
    ['answer outside the quote', shortAnswer({ factId: 'f-books', answer: 'theatre' }), 'The building «holds 40,000 books» and a small theatre.'],
    ['true/false (no answer to mark)', trueFalse({ factId: 'f-books' }), 'The building «holds 40,000 books» and a small theatre.'],
  ])('marks the source sentence for a %s question', (_name, question, source) => {
    const text = feedback({ question, fact: books });
    expect(text).toContain(`  Source: ${source}`);
  });

  it.each([
    [trueFalse({ answer: true }), 'True'],
    [trueFalse({ answer: false }), 'False'],
    [orderQuestion({ answer: ['Construction began', 'The library opened'], items: ['The library opened', 'Construction began'] }), '1. Construction began  2. The library opened'],
    [multiSelect({ answer: ['books', 'a small theatre'] }), 'books; a small theatre'],
  ])('shows the answer of a $kind question as a person reads it', (question, shown) => {
    expect(feedback({ question, correct: false }).split('\n')[0]).toBe(`Wrong. The answer: ${shown}`);
  });

  it('leaves out the source line without a sentence, and fact lines without a fact', () => {
    const question = choiceQuestion({ factId: 'f-mayor' });
    const noSentence = renderFeedback({ correct: true, typo: false, dontKnow: false, question, fact: mayor, sentence: null }, plainStyle, true);
    expect(noSentence).toContain('Fact: Dana Ortiz');
    expect(noSentence).not.toContain('Source:');
    const noFact = renderFeedback({ correct: true, typo: false, dontKnow: false, question, fact: undefined, sentence: 'Some sentence.' }, plainStyle, true);
    expect(noFact).not.toContain('Fact:');
    expect(noFact).not.toContain('Source:');
  });

  it('says an imported card\'s back side once, though it is the answer, the explanation and the fact alike', () => {
    const card = fact({ id: 'f-card', statement: 'Jupiter', quote: 'Jupiter' });
    const question = shortAnswer({ factId: 'f-card', prompt: 'Largest planet?', answer: 'Jupiter', explanation: 'Jupiter' });
    const text = renderFeedback({ correct: false, typo: false, dontKnow: false, question, fact: card, sentence: null }, plainStyle, true);
    expect(text).toBe('Wrong. The answer: Jupiter');
    // Different words are all kept: the answer, the explanation, the fact.
    const full = renderFeedback({ correct: false, typo: false, dontKnow: false, question: { ...question, explanation: 'The largest by far.' }, fact: { ...card, statement: 'Jupiter is the largest planet.' }, sentence: null }, plainStyle, true);
    expect(full.split('\n')).toEqual(['Wrong. The answer: Jupiter', '  The largest by far.', '  Fact: Jupiter is the largest planet.']);
  });

  it('leaves out the explanation line when there is none', () => {
    expect(feedback({ question: choiceQuestion({ factId: 'f-mayor', explanation: '' }) }).split('\n')).toHaveLength(3);
  });

  // The validator accepts a quote with white space folded, so feedback must mark it the same way.
  it('marks a quote that matches its sentence only with white space folded', () => {
    const article = 'Harbour Town Opens New Library\nThe building holds  40,000 books and a small theatre.';
    const sentence = sentenceOf(books.quote, article);
    expect(sentence).toBe('The building holds  40,000 books and a small theatre.');
    const text = renderFeedback({ correct: true, typo: false, dontKnow: false, question: cloze({ factId: 'f-books', answer: '40,000' }), fact: books, sentence }, plainStyle, true);
    expect(text).toContain('The building «holds  *40,000* books» and a small theatre.');
  });
});

describe('renderPlainQuestion', () => {
  const shown = (question: Question, options: string[] = []): PresentedQuestion => ({ question, options });

  it('numbers the options and tells how to answer', () => {
    const text = renderPlainQuestion(shown(choiceQuestion(), ['A librarian', 'Dana Ortiz', 'A local trust']), 3, 10);
    expect(text.split('\n')).toEqual([
      'Question 3 of 10 [multiple choice]',
      'Who opened the new library?',
      '  1) A librarian',
      '  2) Dana Ortiz',
      '  3) A local trust',
      "Answer with a number. An empty line: don't know.",
    ]);
  });

  it.each([
    [trueFalse(), 'Answer true or false (t/f, or 1/2).'],
    [cloze(), 'Type the missing words.'],
    [shortAnswer(), 'Type your answer.'],
    [orderQuestion(), 'Type the numbers in the right order, e.g. 2 1 3.'],
    [multiSelect(), 'Type the numbers of every right choice, separated by commas.'],
  ])('tells how to answer a $kind question', (question, how) => {
    const text = renderPlainQuestion(presentQuestion(question, createRandom(1)), 1, 1);
    expect(text.split('\n')[0]).toBe(`Question 1 of 1 [${kindLabel(question.kind)}]`);
    expect(text.split('\n').at(-1)).toBe(`${how} An empty line: don't know.`);
  });

  it('marks a retry', () => {
    expect(renderPlainQuestion(shown(cloze()), 4, 5, true).split('\n')[0]).toBe('Question 4 of 5 (again) [fill in the blank]');
  });

  it('keeps a prompt with line breaks on one line', () => {
    expect(renderPlainQuestion(shown(shortAnswer({ prompt: 'Who is\nthe mayor?' })), 1, 1).split('\n')[1]).toBe('Who is the mayor?');
  });
});

describe('renderProgress', () => {
  it.each([
    [1, 10, 'Question 1 of 10  [--------------------]'],
    [3, 10, 'Question 3 of 10  [####----------------]'],
    [10, 10, 'Question 10 of 10  [##################--]'],
    [1, 0, 'Question 1 of 0  [--------------------]'],
  ])('shows question %d of %d', (number, total, expected) => {
    expect(renderProgress(number, total, plainStyle)).toBe(expected);
  });

  it('marks a retry', () => {
    expect(renderProgress(3, 10, plainStyle, true)).toBe('Question 3 of 10  [####----------------]  (again)');
  });
});

describe('renderSummary', () => {
  const summary = (overrides: Partial<RunSummary> = {}): RunSummary => ({
    correct: 3,
    total: 4,
    percent: 75,
    ms: 95_000,
    byTopic: [
      { topic: 'building', correct: 1, total: 2 },
      { topic: 'people', correct: 2, total: 2 },
    ],
    missed: [books],
    cleared: [],
    ...overrides,
  });

  const after = (stillMissed: number) => ({ stillMissed, review: 'factdeck review --data /tmp/d' });

  it('shows the score, the topics and the missed facts of a quiz', () => {
    expect(renderSummary(summary(), 'quiz', plainStyle, after(1)).split('\n')).toEqual([
      'Score: 3/4 (75%)  ·  time 1m 35s',
      'By topic:',
      '  building  1/2',
      '  people    2/2',
      'Missed (1):',
      '  - The library holds 40,000 books.',
      'Run `factdeck review --data /tmp/d` to go over what you missed (1 fact).',
    ]);
  });

  it('shows no score when nothing was answered (q at the first question)', () => {
    const text = renderSummary(summary({ correct: 0, total: 0, percent: 0, byTopic: [], missed: [] }), 'quiz', plainStyle, after(0));
    expect(text).not.toMatch(/Score|0\/0/);
    expect(text).toBe('');
  });

  it('shows what a review cleared and what is still missed', () => {
    const text = renderSummary(summary({ cleared: [mayor] }), 'review', plainStyle, after(1));
    expect(text).toContain('Learned this time (1):\n  + Dana Ortiz, the mayor of Harbour Town, opened the library.');
    expect(text).toContain('Missed (1):\n  - The library holds 40,000 books.');
    expect(text).toContain('1 fact still to review: run `factdeck review --data /tmp/d` again later.');
  });

  it('a review stopped early (q, --count, end of input) with nothing missed in it says how many are left, not "well done"', () => {
    const text = renderSummary(summary({ correct: 1, total: 1, percent: 100, missed: [], cleared: [mayor] }), 'review', plainStyle, after(2));
    expect(text).not.toContain('Well done');
    expect(text.split('\n').at(-1)).toBe('2 facts still to review: run `factdeck review --data /tmp/d` again.');
  });

  it.each([
    ['quiz', 'Nothing missed. Well done.'],
    ['review', 'Nothing left to review. Well done.'],
  ] as const)('praises a %s with nothing missed', (mode, praise) => {
    const text = renderSummary(summary({ correct: 4, percent: 100, missed: [] }), mode, plainStyle, after(0));
    expect(text.split('\n')[0]).toBe('Score: 4/4 (100%)  ·  time 1m 35s');
    expect(text.split('\n').at(-1)).toBe(praise);
    expect(text).not.toContain('Missed');
  });

  it.each([
    [0, '0s'],
    [59_400, '59s'],
    [60_000, '1m 00s'],
    [605_000, '10m 05s'],
  ])('shows %d ms as %s', (ms, shown) => {
    expect(renderSummary(summary({ ms }), 'quiz', plainStyle, after(1)).split('\n')[0]).toBe(`Score: 3/4 (75%)  ·  time ${shown}`);
  });
});

describe('untrusted text', () => {
  const evilFact = fact({ id: 'f-evil', statement: `Statement ${EVIL}`, quote: 'holds 40,000 books', topic: `topic ${EVIL}` });
  const evilQuestion = choiceQuestion({
    factId: 'f-evil',
    prompt: `Prompt ${EVIL}`,
    choices: [`Choice ${EVIL}`, 'Other'],
    answer: `Choice ${EVIL}`,
    explanation: `Because ${EVIL}`,
  });

  it.each([
    ['a plain question', () => renderPlainQuestion({ question: evilQuestion, options: evilQuestion.choices }, 1, 1)],
    ['feedback', () => renderFeedback({ correct: false, typo: false, dontKnow: false, question: evilQuestion, fact: evilFact, sentence: `It ${EVIL} holds 40,000 books.` }, plainStyle, true)],
    ['a summary', () => renderSummary({ correct: 0, total: 1, percent: 0, ms: 0, byTopic: [{ topic: evilFact.topic, correct: 0, total: 1 }], missed: [evilFact], cleared: [evilFact] }, 'review', plainStyle, { stillMissed: 1, review: 'factdeck review' })],
    ['a header', () => renderHeader(`Title ${EVIL}`, 'Quiz', plainStyle)],
  ])('does not reach the output of %s', (_name, render) => {
    const text = render();
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('pwned');
    expect(text).toContain('red');
  });

  it('keeps the words around an escape sequence', () => {
    const text = renderPlainQuestion({ question: evilQuestion, options: [] }, 1, 1);
    expect(text.split('\n')[1]).toBe('Prompt red');
  });
});

describe('select-all feedback, choice by choice', () => {
  it('says of each choice, in the order shown, whether ticking it (or not) was right', () => {
    const question = multiSelect({ choices: ['a', 'b', 'c', 'd'], answer: ['a', 'c'] });
    const text = renderFeedback({ correct: false, typo: false, dontKnow: false, question, fact: undefined, sentence: null, given: ['a', 'b'], options: ['d', 'c', 'b', 'a'] }, plainStyle, true);
    expect(text.split('\n').slice(1, 6)).toEqual([
      '  Your ticks:',
      '    [ ] d  rightly left out',
      '    [ ] c  missed: it is in the answer',
      '    [x] b  wrong: not in the answer',
      '    [x] a  right',
    ]);
  });

  it("says nothing of the kind for don't know", () => {
    const question = multiSelect({ choices: ['a', 'b'], answer: ['a'] });
    expect(renderFeedback({ correct: false, typo: false, dontKnow: true, question, fact: undefined, sentence: null, given: null, options: ['a', 'b'] }, plainStyle, true)).not.toContain('Your ticks');
  });
});

describe('header and progress in a narrow terminal', () => {
  it('the rule never outgrows the width, and the progress bar shrinks, then goes', () => {
    const header = renderHeader('A very long deck title that will not fit in thirty columns at all', 'Quiz', plainStyle, 29);
    for (const line of header.split('\n')) expect([...line].length).toBeLessThanOrEqual(29);
    expect(renderProgress(3, 10, plainStyle, false, 29)).toBe('Question 3 of 10  [##-------]');
    expect(renderProgress(3, 10, plainStyle, false, 20)).toBe('Question 3 of 10');
    expect(renderProgress(3, 10, plainStyle)).toBe('Question 3 of 10  [####----------------]');
  });
});
