// The text of a file to import -> the deck to write, or every problem with its line. Pure: the command
// reads the file, decides where the deck goes, and writes it only when there is no problem at all.
//
// Text files (Anki, CSV, TSV; see read-cards.ts) become a deck of origin "imported" without an article:
// one fact per card and one short-answer question (prompt = the front, answer = the back's first line,
// accept = []). A back of several lines is an answer and what explains it (factdeck's own export writes
// the answer, then the article's sentence): the lines after the first are the fact's statement and quote
// and the question's explanation, so feedback does not say the answer twice ("Mayor Mayor João ...").
// A back of one line is all of those. The topic is the `factdeck::topic::` tag, or else the first tag,
// underscores read as spaces, or "imported". A cloze card gives a fact and a cloze question per cloze
// number. Ids come from the content (content-id.ts), so importing the same file twice gives the same ids
// and progress carries over.
//
// A row that cannot be a card (no back, only an image, a question that gives its answer away) is
// skipped and listed with its line; the rest is imported. With `strict`, any such row refuses the whole
// file, as does a problem of the whole file (a bad header, a quote never closed) in any case.
//
// A factdeck JSON file is a deck: checked by the same validator as `factdeck check` and kept as it is,
// with two exceptions, both reported as notes: its id follows the folder it goes to (the validator wants
// the two equal), and a "hand" or "generated" deck becomes "imported", because it arrives without its
// article and only imported decks may go without one (a deck of another origin with no article.txt is
// refused by `check` and by every command that opens it).

import { locateJsonError } from '../json-location.js';
import { locateProblemValues, nearestLocation } from '../parse-deck.js';
import { validateDeck, type DeckProblem } from '../validate-deck.js';
import { DECK_SCHEMA_VERSION, type Deck, type Fact, type Question } from '../../domain/deck.js';
import { clozeCard, clozeNumbers, clozeShown } from './anki-package.js';
import { contentId } from './content-id.js';
import { stripBom, type LineProblem } from './delimited.js';
import { readCards, type CardFormat, type ReadCard } from './read-cards.js';
import { fileStem, isDeckId, slugify } from './slug.js';
import { topicFromTags } from './topic-tag.js';

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
  /** All or nothing: a row that cannot be imported refuses the whole file. */
  strict?: boolean;
}

export interface ImportPlan {
  format: ImportFormat;
  /** The deck to write; null when there are problems. */
  deck: Deck | null;
  problems: ImportProblem[];
  /** Rows left out of the deck, each with its line and why (none with `strict`: they are problems then). */
  skipped: ImportProblem[];
  /** Changes the user should hear about (a JSON deck's id or origin, fields left out). */
  notes: string[];
}

export { topicFromTags } from './topic-tag.js';

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
  return buildDeckWithLines(cards, meta).deck;
}

/** The deck, and the card each fact came from (by index). */
function buildDeckWithLines(cards: readonly ReadCard[], meta: { id: string; title: string; schemaRef?: string }): { deck: Deck; cardOfFact: number[] } {
  const nextId = makeIdSource();
  const facts: Fact[] = [];
  const questions: Question[] = [];
  const cardOfFact: number[] = [];
  for (const [index, card] of cards.entries()) {
    const topic = topicFromTags(card.tags);
    if (card.cloze === true) {
      const statement = clozeShown(card.front);
      for (const number of clozeNumbers(card.front)) {
        const made = clozeCard(card.front, number, (text) => text.trim());
        if (made === null) continue;
        const content = `${made.prompt}\u0000${made.answer}\u0000${topic}`;
        const factId = nextId(`fact\u0000${content}`);
        facts.push({ id: factId, statement, quote: statement, topic });
        questions.push({ id: nextId(`question\u0000${content}`), factId, kind: 'cloze', prompt: made.prompt, answer: made.answer, accept: [], explanation: card.back === '' ? statement : `${statement}\n${card.back}` });
        cardOfFact.push(index);
      }
      continue;
    }
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
    cardOfFact.push(index);
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
  return { deck: meta.schemaRef === undefined ? deck : { $schema: meta.schemaRef, ...deck }, cardOfFact };
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
  const strict = options.strict === true;
  const refused = (problems: readonly ImportProblem[]): ImportPlan => ({ format: read.format, deck: null, problems: byLine(problems), skipped: [], notes: [] });
  if (read.fatal || (strict && read.problems.length > 0)) return refused(read.problems);

  const skipped: ImportProblem[] = [...read.problems];
  let cards = read.cards;
  let built = buildDeckWithLines(cards, { id, title, schemaRef: options.schemaRef });
  // The validator of `check` has the last word, so an imported deck always opens; its problems point
  // back at the rows they come from, and those rows are left out (or, with strict, refuse the file).
  const found = validateDeck(built.deck, { folderName: id, article: null }).problems.map((problem): { row: number | null; problem: ImportProblem } => {
    const match = /^(facts|questions)\[(\d+)\]/.exec(problem.path);
    const factIndex = match === null ? null : match[1] === 'facts' ? Number(match[2]) : built.deck.facts.findIndex((fact) => fact.id === built.deck.questions[Number(match[2])]?.factId);
    const row = factIndex === null || factIndex < 0 ? null : (built.cardOfFact[factIndex] ?? null);
    const card = row === null ? undefined : cards[row];
    return { row, problem: card === undefined ? { line: null, message: problem.message, hint: problem.hint } : { line: card.line, ...describeForCard(problem, card) } };
  });
  if (found.length > 0) {
    if (strict || found.some((f) => f.row === null)) return refused(found.map((f) => f.problem));
    const bad = new Set(found.map((f) => f.row));
    skipped.push(...found.map((f) => f.problem).filter((problem, i, all) => all.findIndex((other) => other.line === problem.line) === i));
    cards = cards.filter((_card, row) => !bad.has(row));
    if (cards.length === 0) return refused(skipped);
    built = buildDeckWithLines(cards, { id, title, schemaRef: options.schemaRef });
  }
  const notes: string[] = [];
  if (read.extraFields.length > 0) {
    const lines = read.extraFields.slice(0, 10).join(', ') + (read.extraFields.length > 10 ? ', ...' : '');
    notes.push(`${read.extraFields.length} row${read.extraFields.length === 1 ? '' : 's'} had more fields than a front and a back; only those two were read (line${read.extraFields.length === 1 ? '' : 's'} ${lines})`);
  }
  return { format: read.format, deck: built.deck, problems: [], skipped: byLine(skipped), notes };
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
      skipped: [],
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
  if (found.length === 0) return { format: 'json', deck: result.deck, problems: [], skipped: [], notes };
  const locations = locateProblemValues(text, raw);
  return {
    format: 'json',
    deck: null,
    notes,
    skipped: [],
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
