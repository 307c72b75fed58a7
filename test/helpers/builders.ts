// Builders of core test data (facts, questions of every kind, decks, attempts, run results): valid by
// default, so a test spells out only what it is about.

import type {
  ChoiceQuestion,
  ClozeQuestion,
  Deck,
  Fact,
  MultiSelectQuestion,
  OrderQuestion,
  Question,
  QuestionKind,
  ShortAnswerQuestion,
  TrueFalseQuestion,
} from '../../src/domain/deck.js';
import type { FactProgressRecord } from '../../src/domain/history.js';
import type { RunResult } from '../../src/session/run-state.js';

/** What a question builder accepts: anything but its kind. */
type Overrides<Q extends Question> = Partial<Omit<Q, 'kind'>>;

/** The id a question gets unless given one: its fact and kind, e.g. "f1-cloze". */
function questionId(overrides: { id?: string; factId?: string }, kind: QuestionKind): string {
  return overrides.id ?? `${overrides.factId ?? 'f1'}-${kind}`;
}

export function fact(overrides: Partial<Fact> = {}): Fact {
  return {
    id: 'f1',
    statement: 'Dana Ortiz, the mayor of Harbour Town, opened the library.',
    quote: 'The mayor of Harbour Town, Dana Ortiz, opened a new public library on Monday.',
    topic: 'people',
    ...overrides,
  };
}

export function choiceQuestion(overrides: Overrides<ChoiceQuestion> = {}): ChoiceQuestion {
  return {
    factId: 'f1',
    prompt: 'Who opened the new library?',
    choices: ['Dana Ortiz', 'A local trust', 'The town council', 'A librarian'],
    answer: 'Dana Ortiz',
    explanation: 'The mayor, Dana Ortiz, opened it.',
    ...overrides,
    id: questionId(overrides, 'choice'),
    kind: 'choice',
  };
}

export function trueFalse(overrides: Overrides<TrueFalseQuestion> = {}): TrueFalseQuestion {
  return {
    factId: 'f1',
    prompt: 'True or false: the library opened on a Friday.',
    answer: false,
    explanation: 'It opened on Monday.',
    ...overrides,
    id: questionId(overrides, 'true-false'),
    kind: 'true-false',
  };
}

export function cloze(overrides: Overrides<ClozeQuestion> = {}): ClozeQuestion {
  return {
    factId: 'f1',
    prompt: 'The library was opened by _____.',
    answer: 'Dana Ortiz',
    accept: ['Ortiz'],
    explanation: 'The mayor, Dana Ortiz, opened it.',
    ...overrides,
    id: questionId(overrides, 'cloze'),
    kind: 'cloze',
  };
}

export function shortAnswer(overrides: Overrides<ShortAnswerQuestion> = {}): ShortAnswerQuestion {
  return {
    factId: 'f1',
    prompt: 'Who is the mayor of Harbour Town?',
    answer: 'Dana Ortiz',
    accept: ['Ortiz'],
    explanation: 'The mayor is Dana Ortiz.',
    ...overrides,
    id: questionId(overrides, 'short-answer'),
    kind: 'short-answer',
  };
}

export function orderQuestion(overrides: Overrides<OrderQuestion> = {}): OrderQuestion {
  return {
    factId: 'f1',
    prompt: 'Put these in the order they happened.',
    items: ['The library opened', 'Construction began', 'The trust paid'],
    answer: ['Construction began', 'The trust paid', 'The library opened'],
    explanation: 'Construction began in 2021; the library opened on Monday.',
    ...overrides,
    id: questionId(overrides, 'order'),
    kind: 'order',
  };
}

export function multiSelect(overrides: Overrides<MultiSelectQuestion> = {}): MultiSelectQuestion {
  return {
    factId: 'f1',
    prompt: 'What does the building hold?',
    choices: ['books', 'a small theatre', 'a swimming pool', 'a museum'],
    answer: ['books', 'a small theatre'],
    explanation: 'Books and a small theatre.',
    ...overrides,
    id: questionId(overrides, 'multi-select'),
    kind: 'multi-select',
  };
}

const BUILDERS: { [K in QuestionKind]: (overrides: { factId: string }) => Question } = {
  choice: choiceQuestion,
  'true-false': trueFalse,
  cloze,
  'short-answer': shortAnswer,
  order: orderQuestion,
  'multi-select': multiSelect,
};

/** One question of `kind` about `factId`, with id "<factId>-<kind>". */
export function questionOfKind(kind: QuestionKind, factId: string): Question {
  return BUILDERS[kind]({ factId });
}

/** Questions about `factId`, one of each kind given (all six by default). */
export function questionsOfKinds(factId: string, kinds: readonly QuestionKind[] = Object.keys(BUILDERS) as QuestionKind[]): Question[] {
  return kinds.map((kind) => questionOfKind(kind, factId));
}

export function deck(parts: Partial<Deck> & Pick<Deck, 'facts' | 'questions'>): Deck {
  return {
    schemaVersion: 1,
    id: 'harbour-library',
    title: "Harbour Town's new library",
    source: { headline: 'Harbour Town Opens New Library', dateline: 'Riverside', date: '2024-06-03' },
    origin: 'hand',
    ...parts,
  };
}

/** Facts "f1".."fN" with topics cycling through `topics`. */
export function facts(count: number, topics: readonly string[] = ['people']): Fact[] {
  return Array.from({ length: count }, (_, i) =>
    fact({ id: `f${i + 1}`, statement: `Statement ${i + 1}.`, quote: `Quote ${i + 1}`, topic: topics[i % topics.length] ?? 'people' }),
  );
}

/** What the database keeps about one fact (one right choice answer on 1 June 2024 by default). */
export function progress(overrides: Partial<FactProgressRecord> = {}): FactProgressRecord {
  const made = { factId: 'f1', attempts: 1, lastCorrect: true, lastAt: '2024-06-01T09:00:00.000Z', lastKind: 'choice', ...overrides };
  // Unless told, every attempt was right when the last one was, and none otherwise.
  return { correct: made.lastCorrect ? made.attempts : 0, ...made };
}

/** The result of answering `question` (right by default). */
export function runResult(question: Question, overrides: Partial<Omit<RunResult, 'question'>> = {}): RunResult {
  return { question, given: 'Dana Ortiz', correct: true, ms: 1000, attemptId: `a-${question.id}`, claimed: false, ...overrides };
}
