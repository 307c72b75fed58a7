// The text of a file to import -> the deck to write, or every problem with its line. Pure: the command
// reads the file, decides where the deck goes, and writes it only when there is no problem at all.
//
// Text files (Anki, CSV, TSV; see read-cards.ts) become a deck of origin "imported" without an article:
// one fact per card and one short-answer question (prompt = the front, answer = the back's first line,
// accept = []). A back of several lines is an answer and what explains it (factdeck's own export writes
// the answer, then the article's sentence): the lines after the first are the fact's statement and quote
// and the question's explanation, so feedback does not say the answer twice ("Mayor Mayor João ...").
// A back of one line is all of those. The topic is the first tag with underscores read as spaces, or
// "imported". Ids come from the content (content-id.ts), so importing the same file twice gives the same
// ids and progress carries over.
//
// A factdeck JSON file is a deck: checked by the same validator as `factdeck check` and kept as it is,
// with two exceptions, both reported as notes: its id follows the folder it goes to (the validator wants
// the two equal), and a "hand" or "generated" deck becomes "imported", because it arrives without its
// article and only imported decks may go without one (a deck of another origin with no article.txt is
// refused by `check` and by every command that opens it).

import { locateJsonError } from '../json-location.js';
import { locateProblemValues, nearestLocation } from '../parse-deck.js';
import { validateDeck, type DeckProblem } from '../validate-deck.js';
import { DECK_SCHEMA_VERSION, type Deck, type Fact, type ShortAnswerQuestion } from '../../domain/deck.js';
import { contentId } from './content-id.js';
import { stripBom, type LineProblem } from './delimited.js';
import { readCards, type CardFormat, type ReadCard } from './read-cards.js';
import { fileStem, isDeckId, slugify } from './slug.js';

export type ImportFormat = CardFormat | 'json';

export interface ImportProblem extends LineProblem {
  /** For a JSON deck: the column, and the JSON path of the value. */
  column?: number;
  path?: string;
}

export interface ImportOptions {
  /** The file's name (or path): its extension helps tell the format, its stem is the default title. */
  fileName: string;
  /** --title: the deck's title (and, without folderName, its folder). */
  title?: string;
  /** The name of the folder the deck goes to, when the user chose it (--out); else one is made. */
  folderName?: string;
  /** `$schema` for a new deck (the command knows whether the deck lands beside deck.schema.json). */
  schemaRef?: string;
}

export interface ImportPlan {
  format: ImportFormat;
  /** The deck to write; null when there are problems. */
  deck: Deck | null;
  problems: ImportProblem[];
  /** Changes the user should hear about (a JSON deck's id or origin). */
  notes: string[];
}

/**
 * The topic a card's first tag stands for: export writes "the visit" as the tag "the_visit". Only an
 * underscore between two other characters stands for a space, so "__proto__" stays as it is.
 */
export function topicFromTags(tags: readonly string[]): string {
  const topic = (tags[0] ?? '').replace(/(?<=[^_\s])_(?=[^_\s])/g, ' ').trim();
  return topic === '' ? 'imported' : topic;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text.trim();
}

/** The lines of a back after its first (the answer): what explains it, or the whole back when there are none. */
function afterFirstLine(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const rest = lines.slice(first + 1).join('\n').trim();
  return rest === '' ? text : rest;
}

/** Ids unique within the deck: the same content twice gets a counter mixed in. */
function makeIdSource(): (seed: string) => string {
  const used = new Set<string>();
  return (seed: string): string => {
    for (let n = 0; ; n++) {
      const id = contentId(n === 0 ? seed : `${seed}\u0000${n}`);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** Builds the deck of an imported card file. */
export function buildImportedDeck(cards: readonly ReadCard[], meta: { id: string; title: string; schemaRef?: string }): Deck {
  const nextId = makeIdSource();
  const facts: Fact[] = [];
  const questions: ShortAnswerQuestion[] = [];
  for (const card of cards) {
    const topic = topicFromTags(card.tags);
    const content = `${card.front}\u0000${card.back}\u0000${topic}`;
    const factId = nextId(`fact\u0000${content}`);
    const said = afterFirstLine(card.back);
    facts.push({ id: factId, statement: said, quote: said, topic });
    questions.push({
      id: nextId(`question\u0000${content}`),
      factId,
      kind: 'short-answer',
      prompt: card.front,
      answer: firstLine(card.back),
      accept: [],
      explanation: said,
    });
  }
  const deck: Deck = {
    schemaVersion: DECK_SCHEMA_VERSION,
    id: meta.id,
    title: meta.title,
    source: { headline: meta.title, dateline: '', date: '' },
    origin: 'imported',
    facts,
    questions,
  };
  return meta.schemaRef === undefined ? deck : { $schema: meta.schemaRef, ...deck };
}

/** `facts[3].statement` or `questions[3]` -> 3. */
function rowOfPath(path: string): number | null {
  const match = /^(?:facts|questions)\[(\d+)\]/.exec(path);
  return match === null ? null : Number(match[1]);
}

function describeForCard(problem: DeckProblem, card: ReadCard): { message: string; hint: string } {
  if (problem.code === 'answer-in-prompt') {
    return {
      message: `the front gives away its answer ${JSON.stringify(firstLine(card.back))} (the first line of the back)`,
      hint: 'reword the front, or start the back with a different answer: factdeck will not ask a question that holds its answer',
    };
  }
  return { message: problem.message, hint: problem.hint };
}

/** Problems of the whole file first, then by line (a stable sort keeps each line's problems in order). */
function byLine(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function importCardText(text: string, options: ImportOptions): ImportPlan {
  const read = readCards(text, options.fileName);
  const title = cleanTitle(options.title ?? read.title ?? fileStem(options.fileName)) || 'Imported deck';
  const id = options.folderName ?? slugify(title);
  if (read.problems.length > 0) return { format: read.format, deck: null, problems: byLine(read.problems), notes: [] };

  const deck = buildImportedDeck(read.cards, { id, title, schemaRef: options.schemaRef });
  // The validator of `check` has the last word, so an imported deck always opens; its problems point
  // back at the rows they come from.
  const problems = validateDeck(deck, { folderName: id, article: null }).problems.map((problem): ImportProblem => {
    const row = rowOfPath(problem.path);
    const card = row === null ? undefined : read.cards[row];
    return card === undefined ? { line: null, message: problem.message, hint: problem.hint } : { line: card.line, ...describeForCard(problem, card) };
  });
  return { format: read.format, deck: problems.length === 0 ? deck : null, problems: byLine(problems), notes: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}


function importJson(input: string, options: ImportOptions): ImportPlan {
  const text = stripBom(input);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const found = locateJsonError(text);
    return {
      format: 'json',
      deck: null,
      notes: [],
      problems: [
        {
          line: found?.line ?? 1,
          column: found?.column ?? 1,
          message: text.trim() === '' ? 'the file is empty' : `invalid JSON: ${found?.reason ?? 'not valid JSON'}`,
          hint: 'fix the JSON at that line and column (a missing comma or quote is the usual cause)',
        },
      ],
    };
  }

  const notes: string[] = [];
  let folderName = options.folderName;
  if (isRecord(raw)) {
    if (options.title !== undefined) raw.title = cleanTitle(options.title) || 'Imported deck';
    const id = own(raw, 'id');
    const title = own(raw, 'title');
    if (folderName === undefined) {
      if (options.title === undefined && typeof id === 'string' && isDeckId(id)) folderName = id;
      else folderName = slugify(typeof title === 'string' ? title : fileStem(options.fileName));
    }
    if (typeof id === 'string' && id !== folderName) {
      raw.id = folderName;
      notes.push(`the deck's id "${id}" is now "${folderName}", the name of its folder`);
    }
    const origin = own(raw, 'origin');
    if (origin === 'hand' || origin === 'generated') {
      raw.origin = 'imported';
      notes.push(`its origin "${origin}" is now "imported": a JSON file carries no article, and only imported decks go without one`);
    }
  }
  const result = validateDeck(raw, { folderName, article: null });
  // "No article.txt" can only mean a broken origin here, which the validator reports on its own.
  const found = result.problems.filter((problem) => problem.code !== 'missing-article');
  if (found.length === 0) return { format: 'json', deck: result.deck, problems: [], notes };
  const locations = locateProblemValues(text, raw);
  return {
    format: 'json',
    deck: null,
    notes,
    problems: found.map((problem) => {
      const location = nearestLocation(locations, problem.path);
      return {
        line: location?.line ?? null,
        column: location?.column,
        path: problem.path,
        message: problem.id === undefined ? problem.message : `${problem.message} [${problem.id}]`,
        hint: problem.hint,
      };
    }),
  };
}

/** A JSON deck by its extension or, whatever the name, by a first character of `{` (a card file may well
 * start with `[`: Anki's `[sound:...]`). */
export function looksLikeJson(text: string, fileName: string): boolean {
  return /\.json$/i.test(fileName) || /^[\s\uFEFF]*\{/.test(text);
}

/** The plan of an import: the deck to write or every problem found. Never throws on input. */
export function planImport(text: string, options: ImportOptions): ImportPlan {
  return looksLikeJson(text, options.fileName) ? importJson(text, options) : importCardText(text, options);
}
