// The deck model: facts drawn from an article and the questions that ask about them.
// Question kinds are one tagged union; a question's content is kept apart from the state of answering it.

export const QUESTION_KINDS = ['choice', 'true-false', 'cloze', 'short-answer', 'order', 'multi-select'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const DECK_ORIGINS = ['hand', 'generated', 'imported'] as const;
export type DeckOrigin = (typeof DECK_ORIGINS)[number];

export const DECK_SCHEMA_VERSION = 1;

/** The blank in a cloze prompt: three or more underscores. */
export const CLOZE_BLANK = /_{3,}/;

export interface Fact {
  id: string;
  /** One claim in plain words. */
  statement: string;
  /** The exact words of the article that support it, verbatim, within one sentence. */
  quote: string;
  topic: string;
}

interface QuestionBase {
  id: string;
  /** The main fact this question asks about. */
  factId: string;
  /** Other facts a question draws on (an ordering of events, say). */
  relatedFactIds?: string[];
  prompt: string;
  explanation: string;
}

export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  choices: string[];
  answer: string;
}

export interface TrueFalseQuestion extends QuestionBase {
  kind: 'true-false';
  answer: boolean;
}

export interface ClozeQuestion extends QuestionBase {
  kind: 'cloze';
  answer: string;
  accept: string[];
}

export interface ShortAnswerQuestion extends QuestionBase {
  kind: 'short-answer';
  answer: string;
  accept: string[];
}

export interface OrderQuestion extends QuestionBase {
  kind: 'order';
  /** The items as authored; they are shown shuffled. */
  items: string[];
  /** The items in the right order. */
  answer: string[];
}

export interface MultiSelectQuestion extends QuestionBase {
  kind: 'multi-select';
  choices: string[];
  /** The right subset of the choices. */
  answer: string[];
}

export type Question =
  | ChoiceQuestion
  | TrueFalseQuestion
  | ClozeQuestion
  | ShortAnswerQuestion
  | OrderQuestion
  | MultiSelectQuestion;

export type TypedQuestion = ClozeQuestion | ShortAnswerQuestion;

/**
 * What a learner gave: typed text or the chosen choice's text, a true/false pick, the items in the order
 * given (order) or the chosen choices (multi-select), or null for "don't know".
 */
export type Given = string | boolean | string[] | null;

export interface DeckSource {
  headline: string;
  dateline: string;
  date: string;
}

export interface Deck {
  $schema?: string;
  schemaVersion: number;
  id: string;
  title: string;
  source: DeckSource;
  origin: DeckOrigin;
  facts: Fact[];
  questions: Question[];
}

/** What choosing questions needs of a fact: no texts. A Fact is one. */
export interface FactOutline {
  id: string;
  topic: string;
}

/** What choosing questions needs of a question: no texts. A Question is one. */
export interface QuestionOutline {
  id: string;
  factId: string;
  kind: QuestionKind;
}

/** A deck without its texts: what choosing, counting and scheduling need. A Deck is one. */
export interface DeckOutline {
  id: string;
  title: string;
  origin: DeckOrigin;
  facts: readonly FactOutline[];
  questions: readonly QuestionOutline[];
}

/** A deck as read from disk, with where it came from and its article (null for imported decks). */
export interface LoadedDeck {
  /**
   * The whole deck. A deck remembered as checked is parsed whole only when this is first used: what is
   * on the way to a first question asks for its outline and the few facts and questions it shows.
   */
  readonly deck: Deck;
  /** Its facts and questions without their texts (ids, topics, kinds). */
  readonly outline: DeckOutline;
  /** One fact or question in full, by id, without parsing the whole deck. */
  fact(id: string): Fact | undefined;
  question(id: string): Question | undefined;
  /** The questions of one fact, in deck order, in full. */
  questionsOf(factId: string): Question[];
  /**
   * Where a fact's quote sentence stands in the article (offsets), as the deck's check found it: feedback
   * shows it without splitting the whole article again. Undefined when the check did not record it.
   */
  sourceOf(factId: string): SentenceSpan | undefined;
  dir: string;
  file: string;
  article: string | null;
}

/** A LoadedDeck of a deck parsed whole. */
export function wholeDeck(deck: Deck, where: { dir: string; file: string; article: string | null; sources?: ReadonlyMap<string, SentenceSpan> }): LoadedDeck {
  let facts: Map<string, Fact> | undefined;
  let questions: Map<string, Question> | undefined;
  const { sources, ...place } = where;
  return {
    deck,
    outline: deck,
    fact: (id) => (facts ??= factsById(deck)).get(id),
    question: (id) => (questions ??= new Map(deck.questions.map((question) => [question.id, question]))).get(id),
    questionsOf: (factId) => deck.questions.filter((question) => question.factId === factId),
    sourceOf: (factId) => sources?.get(factId),
    ...place,
  };
}

/** A stretch of an article: from `start` to just before `end` (UTF-16 offsets). */
export interface SentenceSpan {
  start: number;
  end: number;
}

export function isTypedQuestion(question: Question): question is TypedQuestion {
  return question.kind === 'cloze' || question.kind === 'short-answer';
}

/** The answer as a person would read it, for feedback. */
export function describeAnswer(question: Question): string {
  switch (question.kind) {
    case 'true-false':
      return question.answer ? 'True' : 'False';
    case 'order':
      return question.answer.map((item, i) => `${i + 1}. ${item}`).join('  ');
    case 'multi-select':
      return question.answer.join('; ');
    default:
      return question.answer;
  }
}

export function factsById(deck: Deck): Map<string, Fact> {
  return new Map(deck.facts.map((fact) => [fact.id, fact]));
}
