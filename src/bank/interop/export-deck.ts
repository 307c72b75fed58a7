// A deck -> the text of an export: Anki's text import format, CSV (RFC 4180) or the deck's JSON. Pure: the
// command reads the deck and writes the text.
//
// One card per fact:
// - front: the fact's first typed question (cloze or short answer, in deck order), else its first choice
//   question, else its first multi-select question, else a fill-in-the-blank made from the statement
//   (a number or a capitalised name in it blanked out), else "Does the article say this? <statement>";
// - back: the answer, then on the next line the article's sentence that holds the fact's quote. A deck
//   without an article (origin "imported") has no sentence to show: its back is the answer, then the
//   fact's statement, unless the statement already starts with the answer (import reads a back the same
//   way: the first line is the answer, the rest explains it, so a round trip gives the same rows);
// - tags: the topic as `factdeck::topic::<topic>` (topic-tag.ts), then the deck id, each with white
//   space turned into underscores (Anki splits tags on spaces). Anki sorts tags, so the topic is marked
//   by its prefix, not by coming first.
// In CSV and Anki text, a cell a spreadsheet would run as a formula gets a leading apostrophe
// (formula-cells.ts), unless the export is asked to be raw.

import { findQuoteSentence, splitSentences } from '../../domain/article.js';
import { isTypedQuestion, type Deck, type Fact, type Question } from '../../domain/deck.js';
import { ANKI_FORMAT, CSV_FORMAT, formatDelimited, type FormatOptions } from './delimited.js';
import { trimKeepingInert } from './formula-cells.js';
import { TOPIC_TAG_PREFIX } from './topic-tag.js';

export const EXPORT_FORMATS = ['anki', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Cells exactly as the deck has them, formula-like ones included (default: neutralized). */
  raw?: boolean;
}

export interface Card {
  front: string;
  back: string;
  tags: string[];
}

/** Fill-in-the-blank fronts and the prompts of cloze questions mark the gap like this. */
const BLANK = '_____';

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** A tag as Anki stores it: no white space inside. Empty when there is nothing to tag. */
export function toTag(text: string): string {
  return text.trim().replace(/\s+/g, '_');
}

function containsFolded(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

/** Words of the statement worth asking for, longest first: numbers, then capitalised names. */
function blankCandidates(statement: string): string[] {
  const numbers = statement.match(/\d[\d,.:]*\d|\d/g) ?? [];
  const names = [...statement.matchAll(/\p{Lu}[\p{L}\p{M}\p{N}’'-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}\p{N}’'-]*)*/gu)]
    .filter((match) => match.index !== 0) // the first word is capitalised anyway
    .map((match) => match[0]);
  const byLength = (a: string, b: string): number => b.length - a.length;
  return [...[...numbers].sort(byLength), ...names.sort(byLength)];
}

/** The statement turned into a question: a fill-in-the-blank when a word can be blanked fairly. */
export function statementCard(fact: Fact): { front: string; answer: string } {
  const statement = fact.statement.trim();
  for (const candidate of blankCandidates(statement)) {
    const at = statement.indexOf(candidate);
    const front = `Fill in the blank: ${statement.slice(0, at)}${BLANK}${statement.slice(at + candidate.length)}`;
    // A blank whose answer still shows elsewhere in the sentence asks nothing.
    if (!containsFolded(front, candidate)) return { front, answer: candidate };
  }
  return { front: `Does the article say this? ${statement}`, answer: 'Yes' };
}

/** The question a card is made from, and its answer as one line of text. */
function cardQuestion(questions: readonly Question[]): { prompt: string; answer: string } | null {
  const typed = questions.find(isTypedQuestion);
  if (typed !== undefined) return { prompt: typed.prompt, answer: typed.answer };
  for (const question of questions) {
    if (question.kind === 'choice') return { prompt: question.prompt, answer: question.answer };
  }
  for (const question of questions) {
    if (question.kind === 'multi-select') return { prompt: question.prompt, answer: question.answer.join('; ') };
  }
  return null;
}

/** The cards of a deck, one per fact, in the deck's order of facts. */
export function deckCards(deck: Deck, article: string | null): Card[] {
  const sentences = article === null ? [] : splitSentences(article);
  const byFact = new Map<string, Question[]>();
  for (const question of deck.questions) {
    const list = byFact.get(question.factId);
    if (list === undefined) byFact.set(question.factId, [question]);
    else list.push(question);
  }
  const deckTag = toTag(deck.id);
  return deck.facts.map((fact) => {
    const question = cardQuestion(byFact.get(fact.id) ?? []);
    const { front, answer } = question === null ? statementCard(fact) : { front: question.prompt, answer: question.answer };
    const sentence = article === null ? null : (findQuoteSentence(sentences, fact.quote)?.text ?? fact.quote);
    // A statement that already starts with the answer (one line, or imported before backs were split)
    // is the back as it is.
    const saysAnswer = sentence === null && fact.statement.trim().split('\n')[0]?.trim() === answer.trim();
    const back = saysAnswer ? fact.statement : `${answer.trim()}\n${(sentence ?? fact.statement).trim()}`;
    const topicTag = toTag(fact.topic);
    const tags = [topicTag === '' ? '' : `${TOPIC_TAG_PREFIX}${topicTag}`, deckTag].filter((tag, i, all) => tag !== '' && all.indexOf(tag) === i);
    return { front: trimKeepingInert(front), back: trimKeepingInert(back).replace(/\r\n?/g, '\n'), tags };
  });
}

/** A header value must stay on its line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Anki's text import format (Anki 2.1.55+ reads the headers; older versions skip `#` lines as comments):
 * UTF-8, tab-separated, plain text (`#html:false`: Anki escapes < and & and turns line breaks into <br>),
 * tags in column 3, `#notetype:Basic` (the note type the rows are for), and `#deck`, the deck the notes go
 * to (current Anki creates it when there is none of that name). No `#columns`: with column names Anki
 * maps note fields by name, and the fields of a localised "Basic" note type are not called Front and
 * Back, so the back would go unmapped; without names it maps them by position, which is what we want.
 */
export function formatAnki(deck: Deck, cards: readonly Card[], options: ExportOptions = {}): string {
  const header = ['#separator:tab', '#html:false', '#notetype:Basic', '#tags column:3', `#deck:${oneLine(deck.title)}`];
  return `${header.join('\n')}\n${formatDelimited(cardRows(cards), withFormulas(ANKI_FORMAT, options))}`;
}

/** CSV per RFC 4180 with a header row `front,back,tags`. */
export function formatCsvCards(cards: readonly Card[], options: ExportOptions = {}): string {
  return formatDelimited([['front', 'back', 'tags'], ...cardRows(cards)], withFormulas(CSV_FORMAT, options));
}

function withFormulas(format: FormatOptions, options: ExportOptions): FormatOptions {
  return { ...format, neutralizeFormulas: options.raw !== true };
}

/** The deck exactly as deck.json holds it, pretty-printed. */
export function formatJsonDeck(deck: Deck): string {
  return `${JSON.stringify(deck, null, 2)}\n`;
}

function cardRows(cards: readonly Card[]): string[][] {
  return cards.map((card) => [card.front, card.back, card.tags.join(' ')]);
}

export function exportDeck(deck: Deck, article: string | null, format: ExportFormat, options: ExportOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJsonDeck(deck);
    case 'csv':
      return formatCsvCards(deckCards(deck, article), options);
    case 'anki':
      return formatAnki(deck, deckCards(deck, article), options);
  }
}
