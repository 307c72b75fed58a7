// Sentences of an article: how a quote is found in its text and shown whole in feedback.
// The headline (the first line) and every paragraph break end a sentence.

import type { SentenceSpan } from './deck.js';

/** Words ending in a full stop that do not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'calif', 'mass', 'fla', 'ariz', 'wash', 'ave', 'blvd', 'dept', 'est', 'approx', 'fig', 'vol',
  // State abbreviations in datelines ("Pensacola, Fla."), titles ("Adm."), places ("Mt.", "Ft.")
  'ala', 'colo', 'conn', 'ga', 'ind', 'ky', 'la', 'md', 'mich', 'minn', 'mont', 'neb', 'nev', 'okla', 'tenn', 'va', 'vt', 'wis', 'wyo',
  'adm', 'cmdr', 'maj', 'supt', 'rev', 'mt', 'ft',
]);

export interface Sentence {
  text: string;
  /** Offset of the first character in the article. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/**
 * Whether a word (without its full stop) is an abbreviation whose full stop does not end a sentence:
 * initials and dotted acronyms ("J", "U.S", "p.m") and the known abbreviations ("Calif", "Dr", "Aug").
 */
export function isAbbreviation(word: string): boolean {
  if (word === '') return false;
  if (/^([A-Za-z]\.)*[A-Za-z]$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function endsWithAbbreviation(before: string, after: string, finer: boolean): boolean {
  // The whole word before the stop: "1980s." ends a sentence, its "s" is no initial.
  if (!finer) return isAbbreviation(/(?:^|[^A-Za-z0-9.])([A-Za-z.]+)\.$/.exec(before)?.[1] ?? '');
  // The finer split: "Raúl." is a word, not the initial "l" after a letter beyond ASCII.
  const word = /(?:^|[^\p{L}\p{N}.])([A-Za-z.]+)\.$/u.exec(before)?.[1] ?? '';
  // "Sat. Oct. 4", "Sun. 12": a weekday's abbreviation comes before a date; "as hot as the Sun. The" ends a sentence.
  if (WEEKDAY_ABBREVIATIONS.has(word.toLowerCase())) return DATE_AFTER.test(after);
  return isAbbreviation(word);
}

/** Weekdays' abbreviations: a full stop after one ends a sentence unless a date follows (the finer split). */
export const WEEKDAY_ABBREVIATIONS: ReadonlySet<string> = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const DATE_AFTER = /^["'“‘([]?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\b)/;

/** Words that start a sentence and never a name: after "D.C." or "U.S." they start a new sentence. */
const SENTENCE_OPENERS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'These', 'Those', 'That', 'But', 'And', 'However', 'Its', 'His', 'Her', 'Their', 'There', 'After', 'When', 'While', 'Since', 'For', 'According']);

/** "... in Washington D.C. The team ...": dotted initials, then a word that only opens a sentence. */
function initialsEndSentence(before: string, after: string): boolean {
  const word = /(?:^|[^A-Za-z0-9.])([A-Za-z.]+)\.$/.exec(before)?.[1] ?? '';
  if (!/^(?:[A-Z]\.)+[A-Z]$/.test(word)) return false;
  return SENTENCE_OPENERS.has(/^["'“‘([]?([A-Za-z]+)/.exec(after)?.[1] ?? '');
}

/**
 * Round 19: "the Soviet Union (1968. Obligations assumed by Russia), the United Kingdom (1968)": a full stop
 * inside a bracket the sentence opened, which closes a little later on the same line (before another opens),
 * ends no sentence (the finer split).
 */
function insideBrackets(article: string, start: number, end: number): boolean {
  const sentence = article.slice(start, end);
  const open = (sentence.match(/\(/g) ?? []).length - (sentence.match(/\)/g) ?? []).length;
  return open > 0 && /^[^\n()]{0,200}\)/.test(article.slice(end, end + 201));
}

/**
 * Splits an article into sentences, keeping offsets into the original text. `finer` (the builder's) also
 * ends a sentence at a full stop after a word with letters beyond ASCII ("by Raúl. Kellin played") and
 * after a weekday's abbreviation that no date follows ("as hot as the Sun. The planet"), and not at one
 * inside a bracket that closes soon after ("Kellin (1968. Ratified 1992), Varno"). Without it, the
 * split decks have always been checked and shown with: a deck drafted before may quote across such a stop,
 * and it must still load.
 */
export function splitSentences(article: string, options: { finer?: boolean } = {}): Sentence[] {
  const finer = options.finer === true;
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = article.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') sentences.push({ text, start: start + lead, end: start + lead + text.length });
    start = end;
  };
  const boundary = /([.!?]["'”’)\]]*)(\s+)(?=["'“‘([]?[A-Z0-9])|\n+/g;
  for (let match = boundary.exec(article); match !== null; match = boundary.exec(article)) {
    if (match[0].startsWith('\n')) {
      push(match.index);
      continue;
    }
    const end = match.index + (match[1]?.length ?? 0);
    const paragraphBreak = (match[2] ?? '').includes('\n');
    // Only the word before the full stop matters: look at a short stretch, not the whole text so far.
    const before = article.slice(Math.max(0, end - 40), end);
    const after = article.slice(end + (match[2]?.length ?? 0), end + (match[2]?.length ?? 0) + 20);
    if (!paragraphBreak && match[1] === '.' && endsWithAbbreviation(before, after, finer) && !initialsEndSentence(before, after)) continue;
    if (finer && !paragraphBreak && insideBrackets(article, start, end)) continue;
    push(end);
  }
  push(article.length);
  return sentences;
}

/** Where a quote stands in a text, white space compared folded; null when it does not. */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const words = foldSpace(quote).split(' ').filter((word) => word !== '');
  if (words.length === 0) return null;
  const pattern = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const match = new RegExp(pattern).exec(text);
  return match === null ? null : { start: match.index, end: match.index + match[0].length };
}

/** Folds runs of white space so a quote matches across line breaks. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface SentenceIndex {
  /** Each sentence's text with white space folded, made when first needed. */
  folded: (string | undefined)[];
  /** Sentence numbers by the words they contain (as written: a quote is matched case and all). */
  byWord: Map<string, number[]>;
}

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const indexes = new WeakMap<readonly Sentence[], SentenceIndex>();

/** The length of the word character (1, or 2 for a surrogate pair) at `at`, or 0: what WORD matches. */
function wordCharAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 1 : 0;
  const point = text.codePointAt(at) as number;
  const length = point > 0xffff ? 2 : 1;
  return WORD_CHAR.test(text.slice(at, at + length)) ? length : 0;
}

/**
 * Built once per list of sentences, so checking thousands of quotes stays fast: every word (what WORD
 * matches) filed under the sentences it occurs in, found by one scan of each sentence's characters.
 */
function indexOf(sentences: readonly Sentence[]): SentenceIndex {
  let index = indexes.get(sentences);
  if (index !== undefined) return index;
  const byWord = new Map<string, number[]>();
  sentences.forEach((sentence, i) => {
    const text = sentence.text;
    let wordStart = -1;
    for (let at = 0; at < text.length; ) {
      const length = wordCharAt(text, at);
      if (length > 0) {
        if (wordStart < 0) wordStart = at;
        at += length;
        continue;
      }
      if (wordStart >= 0) {
        file(byWord, text.slice(wordStart, at), i);
        wordStart = -1;
      }
      at++;
    }
    if (wordStart >= 0) file(byWord, text.slice(wordStart), i);
  });
  index = { folded: new Array<string | undefined>(sentences.length), byWord };
  indexes.set(sentences, index);
  return index;
}

function file(byWord: Map<string, number[]>, word: string, sentence: number): void {
  const list = byWord.get(word);
  if (list === undefined) byWord.set(word, [sentence]);
  else if (list[list.length - 1] !== sentence) list.push(sentence);
}

/**
 * The sentence that holds the whole quote, or null when the quote is not in the article or spans
 * sentences. White space is compared folded.
 */
export function findQuoteSentence(sentences: readonly Sentence[], quote: string): Sentence | null {
  if (quote.trim() === '') return null;
  const index = indexOf(sentences);
  // Words inside the quote are whole words of its sentence (the first and last may be cut), so only the
  // sentences holding the rarest inner word need a look.
  const words = quote.match(WORD) ?? [];
  let candidates: readonly number[] | undefined;
  for (let w = 1; w < words.length - 1; w++) {
    const list = index.byWord.get(words[w] as string) ?? [];
    if (candidates === undefined || list.length < candidates.length) candidates = list;
    if (candidates.length === 0) return null;
  }
  const scan = (holds: (i: number) => boolean): Sentence | null => {
    if (candidates !== undefined) {
      for (const i of candidates) if (holds(i)) return sentences[i] as Sentence;
      return null;
    }
    for (let i = 0; i < sentences.length; i++) if (holds(i)) return sentences[i] as Sentence;
    return null;
  };
  // A quote copied as the article writes it is in its sentence as it is (and then also white space
  // folded); only a quote whose spacing differs needs both folded.
  const verbatim = scan((i) => (sentences[i] as Sentence).text.includes(quote));
  if (verbatim !== null) return verbatim;
  const needle = foldSpace(quote);
  return scan((i) => {
    let folded = index.folded[i];
    if (folded === undefined) {
      folded = foldSpace((sentences[i] as Sentence).text);
      index.folded[i] = folded;
    }
    return folded.includes(needle);
  });
}

/**
 * The text of the sentence each fact's quote stands in, for feedback: where the deck's check found it
 * (`sourceOf`), else looked for (the article split into sentences once, at the first fact that needs it).
 * Null without an article or when the quote is not found.
 */
export function sentenceFinder(article: string | null, sourceOf?: (factId: string) => SentenceSpan | undefined): (fact: { id: string; quote: string }) => string | null {
  let sentences: Sentence[] | undefined;
  return (fact) => {
    if (article === null) return null;
    const span = sourceOf?.(fact.id);
    if (span !== undefined) return article.slice(span.start, span.end);
    sentences ??= splitSentences(article);
    return findQuoteSentence(sentences, fact.quote)?.text ?? null;
  };
}
