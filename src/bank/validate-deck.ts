// The deck validator: checks a parsed deck.json against the format and its article, and returns every
// problem found (never just the first) with its JSON path, the offending id and a hint. Pure: the caller
// reads the files.

import { findQuoteSentence, splitSentences, type Sentence } from '../domain/article.js';
import {
  CLOZE_BLANK,
  DECK_ORIGINS,
  DECK_SCHEMA_VERSION,
  QUESTION_KINDS,
  type Deck,
  type Fact,
  type Question,
  type SentenceSpan,
} from '../domain/deck.js';
import { formatPath } from './json-location.js';

export type ProblemCode =
  | 'json-syntax'
  | 'unreadable'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-fact'
  | 'id-mismatch'
  | 'missing-article'
  | 'quote-not-found'
  | 'answer-not-in-choices'
  | 'order-not-permutation'
  | 'multi-select-not-subset'
  | 'duplicate-choice'
  | 'answer-in-prompt'
  | 'cloze-without-blank'
  | 'too-many-problems';

export interface DeckProblem {
  code: ProblemCode;
  /** JSON path of the offending value, e.g. `questions[12].answer`; empty for the whole file. */
  path: string;
  /** Id of the fact or question concerned, when there is one. */
  id?: string;
  message: string;
  hint: string;
}

export interface ValidationContext {
  /** The name of the folder the deck sits in; the deck's id must equal it. */
  folderName?: string;
  /**
   * The article's text, or null when the folder has none. False when it is there but could not be read
   * (too large, not UTF-8): the caller reports that, and the quotes go unchecked rather than each being
   * reported as "not in article.txt".
   */
  article: string | null | false;
}

export interface ValidationResult {
  /** The deck, when it has no schema problems (other problems may remain). */
  deck: Deck | null;
  problems: DeckProblem[];
  /** Where each fact's quote sentence stands in the article, by fact id (when there is an article). */
  sources?: Map<string, SentenceSpan>;
}

type Path = (string | number)[];

const DECK_FIELDS = ['$schema', 'schemaVersion', 'id', 'title', 'source', 'origin', 'facts', 'questions'];
const SOURCE_FIELDS = ['headline', 'dateline', 'date'];
const FACT_FIELDS = ['id', 'statement', 'quote', 'topic'];
const BASE_QUESTION_FIELDS = ['id', 'factId', 'relatedFactIds', 'kind', 'prompt', 'answer', 'explanation'];
const KIND_FIELDS: Record<Question['kind'], string[]> = {
  choice: ['choices'],
  'true-false': [],
  cloze: ['accept'],
  'short-answer': ['accept'],
  order: ['items'],
  'multi-select': ['choices'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Case- and space-insensitive containment as whole words, for "does the prompt give the answer away". */
function mentions(haystack: string, needle: string): boolean {
  const fold = (text: string): string => text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
  const n = fold(needle);
  if (n.length < 2) return false;
  const h = fold(haystack);
  const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let at = h.indexOf(n); at !== -1; at = h.indexOf(n, at + 1)) {
    if (!isWordChar(h[at - 1]) && !isWordChar(h[at + n.length])) return true;
  }
  return false;
}

/**
 * Problems kept in full. A hostile deck.json of a few megabytes can hold millions of wrong values: each
 * kept as an object (and printed) would take gigabytes; past this many, they are only counted.
 */
export const MAX_PROBLEMS = 500;

class Collector {
  readonly problems: DeckProblem[] = [];
  /** Every problem found, kept or not: what "did this part add a problem?" is decided on. */
  count = 0;

  add(code: ProblemCode, path: Path, message: string, hint: string, id?: string): void {
    this.count++;
    if (this.problems.length >= MAX_PROBLEMS) return;
    const problem: DeckProblem = { code, path: formatPath(path), message, hint };
    if (id !== undefined) problem.id = id;
    this.problems.push(problem);
  }

  /** The problems, with one more that says how many were left out. */
  all(): DeckProblem[] {
    const left = this.count - this.problems.length;
    if (left === 0) return this.problems;
    return [
      ...this.problems,
      { code: 'too-many-problems', path: '', message: `and ${left} more problem${left === 1 ? '' : 's'} not listed`, hint: `fix the ones above (the first ${MAX_PROBLEMS}) and check again` },
    ];
  }

  schema(path: Path, message: string, hint: string, id?: string): void {
    this.add('schema', path, message, hint, id);
  }

  /** Checks a required non-empty string; returns it when valid. */
  text(record: Record<string, unknown>, key: string, path: Path, options: { id?: string; allowEmpty?: boolean } = {}): string | undefined {
    const value = own(record, key);
    if (value === undefined) {
      this.schema([...path, key], `missing field "${key}"`, `add "${key}": a string`, options.id);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.schema([...path, key], `"${key}" must be a string, found ${describeType(value)}`, `write it in double quotes`, options.id);
      return undefined;
    }
    if (!options.allowEmpty && value.trim() === '') {
      this.schema([...path, key], `"${key}" is empty`, `give it some text`, options.id);
      return undefined;
    }
    return value;
  }

  /** Checks a required array of non-empty strings; returns it when valid. */
  texts(record: Record<string, unknown>, key: string, path: Path, id: string | undefined, minItems: number): string[] | undefined {
    const value = own(record, key);
    if (!Array.isArray(value)) {
      const found = value === undefined ? 'it is missing' : `found ${describeType(value)}`;
      this.schema([...path, key], `"${key}" must be an array of strings; ${found}`, `write "${key}": ["...", "..."]`, id);
      return undefined;
    }
    let ok = true;
    value.forEach((item, index) => {
      if (typeof item !== 'string' || item.trim() === '') {
        ok = false;
        this.schema([...path, key, index], `"${key}" items must be non-empty strings, found ${describeType(item)}`, 'remove it or write it as text', id);
      }
    });
    if (ok && value.length < minItems) {
      ok = false;
      this.schema([...path, key], `"${key}" needs at least ${minItems} items, has ${value.length}`, `add more items`, id);
    }
    return ok ? (value as string[]) : undefined;
  }

  unknownFields(record: Record<string, unknown>, allowed: readonly string[], path: Path, id?: string): void {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) {
        this.schema([...path, key], `unknown field "${key}"`, `the fields here are: ${allowed.filter((f) => f !== '$schema').join(', ')}`, id);
      }
    }
  }
}

function checkSource(raw: unknown, out: Collector): void {
  if (!isRecord(raw)) {
    out.schema(['source'], `"source" must be an object, found ${describeType(raw)}`, 'write "source": {"headline": "", "dateline": "", "date": ""}');
    return;
  }
  for (const key of SOURCE_FIELDS) out.text(raw, key, ['source'], { allowEmpty: true });
  out.unknownFields(raw, SOURCE_FIELDS, ['source']);
}

/** The parts of a deck sound enough to check their content, each with its index in the file. */
interface SoundParts {
  facts: { index: number; fact: Fact }[];
  questions: { index: number; question: Question }[];
  /** Every fact id written as a string, sound or not (a question naming one of them names a fact). */
  factIds: Set<string>;
  /** Whether "facts" is a list at all: if not, no factId can be told to name no fact. */
  factsListed: boolean;
}

function checkFacts(raw: unknown, out: Collector, sound: SoundParts): void {
  if (!Array.isArray(raw)) {
    out.schema(['facts'], `"facts" must be an array, found ${describeType(raw)}`, 'write "facts": [ ... ]');
    return;
  }
  sound.factsListed = true;
  raw.forEach((fact, index) => {
    const path = ['facts', index];
    if (!isRecord(fact)) {
      out.schema(path, `a fact must be an object, found ${describeType(fact)}`, 'write it as {"id": ..., "statement": ..., "quote": ..., "topic": ...}');
      return;
    }
    const id = typeof own(fact, 'id') === 'string' ? (own(fact, 'id') as string) : undefined;
    if (id !== undefined) sound.factIds.add(id);
    const before = out.count;
    for (const key of FACT_FIELDS) out.text(fact, key, path, { id });
    out.unknownFields(fact, FACT_FIELDS, path, id);
    if (out.count === before) sound.facts.push({ index, fact: fact as unknown as Fact });
  });
}

function checkQuestion(question: Record<string, unknown>, path: Path, out: Collector): boolean {
  const before = out.count;
  const id = typeof own(question, 'id') === 'string' ? (own(question, 'id') as string) : undefined;
  out.text(question, 'id', path, { id });
  out.text(question, 'factId', path, { id });
  out.text(question, 'prompt', path, { id });
  out.text(question, 'explanation', path, { id });
  const related = own(question, 'relatedFactIds');
  if (related !== undefined) out.texts(question, 'relatedFactIds', path, id, 0);

  const kind = own(question, 'kind');
  if (typeof kind !== 'string' || !(QUESTION_KINDS as readonly string[]).includes(kind)) {
    const found = kind === undefined ? 'it is missing' : `found ${JSON.stringify(kind)}`;
    out.schema([...path, 'kind'], `"kind" must be one of ${QUESTION_KINDS.join(', ')}; ${found}`, 'pick one of the six question kinds', id);
    return false;
  }
  const typed = kind as Question['kind'];
  out.unknownFields(question, [...BASE_QUESTION_FIELDS, ...KIND_FIELDS[typed]], path, id);
  const answer = own(question, 'answer');
  switch (typed) {
    case 'true-false':
      if (typeof answer !== 'boolean') {
        out.schema([...path, 'answer'], `a true-false answer must be true or false, found ${describeType(answer)}`, 'write true or false without quotes', id);
      }
      break;
    case 'choice':
      out.texts(question, 'choices', path, id, 2);
      out.text(question, 'answer', path, { id });
      break;
    case 'cloze':
    case 'short-answer':
      out.text(question, 'answer', path, { id });
      if (own(question, 'accept') === undefined) {
        out.schema([...path, 'accept'], 'missing field "accept"', 'add "accept": [] or a list of other accepted answers', id);
      } else {
        out.texts(question, 'accept', path, id, 0);
      }
      break;
    case 'order':
      out.texts(question, 'items', path, id, 2);
      out.texts(question, 'answer', path, id, 2);
      break;
    case 'multi-select':
      out.texts(question, 'choices', path, id, 2);
      out.texts(question, 'answer', path, id, 1);
      break;
  }
  return out.count === before;
}

function checkQuestions(raw: unknown, out: Collector, sound: SoundParts): void {
  if (!Array.isArray(raw)) {
    out.schema(['questions'], `"questions" must be an array, found ${describeType(raw)}`, 'write "questions": [ ... ]');
    return;
  }
  raw.forEach((question, index) => {
    if (!isRecord(question)) {
      out.schema(['questions', index], `a question must be an object, found ${describeType(question)}`, 'write it as {"id": ..., "factId": ..., "kind": ..., ...}');
      return;
    }
    if (checkQuestion(question, ['questions', index], out)) sound.questions.push({ index, question: question as unknown as Question });
  });
}

/**
 * Checks that only need the deck's shape. Returns the deck when all of it is sound, and in `sound` the
 * facts and questions that are, so that their content is checked in the same run (a wrong type in one
 * question must not hide a factId that names no fact in another).
 */
function checkShape(raw: unknown, context: ValidationContext, out: Collector, sound: SoundParts): Deck | null {
  if (!isRecord(raw)) {
    out.schema([], `a deck must be a JSON object, found ${describeType(raw)}`, 'see questions/deck.schema.json for the format');
    return null;
  }
  const before = out.count;
  const version = own(raw, 'schemaVersion');
  if (version !== DECK_SCHEMA_VERSION) {
    const newer = typeof version === 'number' && version > DECK_SCHEMA_VERSION;
    out.schema(
      ['schemaVersion'],
      version === undefined ? 'missing field "schemaVersion"' : `"schemaVersion" is ${JSON.stringify(version)}; this factdeck reads version ${DECK_SCHEMA_VERSION}`,
      newer ? 'upgrade factdeck to read this deck' : `write "schemaVersion": ${DECK_SCHEMA_VERSION}`,
    );
  }
  const id = out.text(raw, 'id', []);
  if (id !== undefined && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
    out.schema(['id'], `deck id ${JSON.stringify(id)} is not a simple name`, 'use lowercase letters, digits and hyphens (the folder name)');
  } else if (id !== undefined && context.folderName !== undefined && id !== context.folderName) {
    out.add('id-mismatch', ['id'], `deck id "${id}" differs from its folder "${context.folderName}"`, `rename the folder or set "id": "${context.folderName}"`);
  }
  out.text(raw, 'title', []);
  checkSource(own(raw, 'source'), out);
  const origin = own(raw, 'origin');
  if (typeof origin !== 'string' || !(DECK_ORIGINS as readonly string[]).includes(origin)) {
    out.schema(['origin'], `"origin" must be one of ${DECK_ORIGINS.join(', ')}; found ${JSON.stringify(origin) ?? 'nothing'}`, 'use "hand" for a deck written by a person');
  }
  checkFacts(own(raw, 'facts'), out, sound);
  checkQuestions(own(raw, 'questions'), out, sound);
  out.unknownFields(raw, DECK_FIELDS, []);
  return out.count === before ? (raw as unknown as Deck) : null;
}

function checkIds(sound: SoundParts, out: Collector): void {
  // Where each id was first seen; its path is written out only for a duplicate.
  const seen = new Map<string, Path>();
  const note = (id: string, path: Path): void => {
    const first = seen.get(id);
    if (first !== undefined) {
      out.add('duplicate-id', [...path, 'id'], `id "${id}" is used twice (first at ${formatPath(first)})`, 'give each fact and question its own id', id);
    } else {
      seen.set(id, path);
    }
  };
  sound.facts.forEach(({ fact, index }) => note(fact.id, ['facts', index]));
  sound.questions.forEach(({ question, index }) => note(question.id, ['questions', index]));

  const factIds = sound.factIds;
  if (!sound.factsListed) return;
  sound.questions.forEach(({ question, index }) => {
    if (!factIds.has(question.factId)) {
      out.add('unknown-fact', ['questions', index, 'factId'], `factId "${question.factId}" names no fact of this deck`, 'use the id of one of the deck\'s facts', question.id);
    }
    question.relatedFactIds?.forEach((related, r) => {
      if (!factIds.has(related)) {
        out.add('unknown-fact', ['questions', index, 'relatedFactIds', r], `related fact "${related}" names no fact of this deck`, 'use the id of one of the deck\'s facts', question.id);
      }
    });
  });
}

function checkQuotes(sound: SoundParts, origin: unknown, article: string | null | false, out: Collector): Map<string, SentenceSpan> | undefined {
  if (article === false) return undefined;
  if (article === null) {
    if (origin !== 'imported') {
      out.add('missing-article', [], 'the deck folder has no article.txt', 'put the article\'s text, exactly as given, in article.txt beside deck.json (only decks of origin "imported" go without)');
    }
    return undefined;
  }
  const sentences: Sentence[] = splitSentences(article);
  const sources = new Map<string, SentenceSpan>();
  let folded: string | undefined;
  sound.facts.forEach(({ fact, index }) => {
    const found = findQuoteSentence(sentences, fact.quote);
    if (found !== null) {
      sources.set(fact.id, { start: found.start, end: found.end });
      return;
    }
    folded ??= article.replace(/\s+/g, ' ');
    const inText = folded.includes(fact.quote.replace(/\s+/g, ' ').trim());
    out.add(
      'quote-not-found',
      ['facts', index, 'quote'],
      inText ? 'the quote runs across two sentences of the article' : 'the quote is not in article.txt word for word',
      inText ? 'quote words from within one sentence' : 'copy the words from article.txt exactly (mind curly quotes ’ and spelling)',
      fact.id,
    );
  });
  return sources;
}

function checkAnswers(sound: SoundParts, out: Collector): void {
  sound.questions.forEach(({ question, index }) => {
    const path: Path = ['questions', index];
    const id = question.id;
    const choices = question.kind === 'choice' || question.kind === 'multi-select' ? question.choices : question.kind === 'order' ? question.items : [];
    // Sets, not indexOf in a loop: a hostile deck may list hundreds of thousands of choices.
    const listed = new Set<string>();
    const duplicate = choices.find((choice) => listed.size === listed.add(choice).size);
    if (duplicate !== undefined) {
      out.add('duplicate-choice', [...path, question.kind === 'order' ? 'items' : 'choices'], `"${duplicate}" is listed twice`, 'list each option once', id);
    }
    switch (question.kind) {
      case 'choice':
        if (!question.choices.includes(question.answer)) {
          out.add('answer-not-in-choices', [...path, 'answer'], `the answer "${question.answer}" is not one of the choices`, 'make the answer exactly equal to one of "choices"', id);
        }
        break;
      case 'order': {
        const sorted = (list: string[]): string => JSON.stringify([...list].sort());
        if (sorted(question.items) !== sorted(question.answer)) {
          out.add('order-not-permutation', [...path, 'answer'], 'the answer is not the items rearranged', 'list every item of "items" exactly once, in the right order', id);
        }
        break;
      }
      case 'multi-select': {
        const stray = question.answer.find((item) => !listed.has(item));
        if (stray !== undefined) {
          out.add('multi-select-not-subset', [...path, 'answer'], `"${stray}" is in the answer but not among the choices`, 'every answer must be one of "choices"', id);
        }
        break;
      }
      case 'cloze':
        if (!CLOZE_BLANK.test(question.prompt)) {
          out.add('cloze-without-blank', [...path, 'prompt'], 'a cloze prompt has no blank', 'mark the missing words with _____ (three or more underscores)', id);
        }
        break;
      default:
        break;
    }
    if ((question.kind === 'choice' || question.kind === 'cloze' || question.kind === 'short-answer') && mentions(question.prompt, question.answer)) {
      out.add('answer-in-prompt', [...path, 'prompt'], `the prompt gives away its answer "${question.answer}"`, 'reword the prompt so the answer is not in it', id);
    }
  });
}

/** Validates a parsed deck.json. */
export function validateDeck(raw: unknown, context: ValidationContext): ValidationResult {
  const out = new Collector();
  const sound: SoundParts = { facts: [], questions: [], factIds: new Set(), factsListed: false };
  const deck = checkShape(raw, context, out, sound);
  let sources: Map<string, SentenceSpan> | undefined;
  // Every problem in one run: the content of whatever is sound is checked even when other parts are not.
  if (isRecord(raw)) {
    checkIds(sound, out);
    sources = checkQuotes(sound, own(raw, 'origin'), context.article, out);
    checkAnswers(sound, out);
  }
  return sources === undefined ? { deck, problems: out.all() } : { deck, problems: out.all(), sources };
}
