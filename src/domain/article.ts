// Sentences of an article: how a quote is found in its text and shown whole in feedback.
// The headline (the first line) and every paragraph break end a sentence.

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

function endsWithAbbreviation(before: string): boolean {
  // The whole word before the stop: "1980s." ends a sentence, its "s" is no initial.
  return isAbbreviation(/(?:^|[^A-Za-z0-9.])([A-Za-z.]+)\.$/.exec(before)?.[1] ?? '');
}

/** Words that start a sentence and never a name: after "D.C." or "U.S." they start a new sentence. */
const SENTENCE_OPENERS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'These', 'Those', 'That', 'But', 'And', 'However', 'Its', 'His', 'Her', 'Their', 'There', 'After', 'When', 'While', 'Since', 'For', 'According']);

/** "... in Washington D.C. The team ...": dotted initials, then a word that only opens a sentence. */
function initialsEndSentence(before: string, after: string): boolean {
  const word = /(?:^|[^A-Za-z0-9.])([A-Za-z.]+)\.$/.exec(before)?.[1] ?? '';
  if (!/^(?:[A-Z]\.)+[A-Z]$/.test(word)) return false;
  return SENTENCE_OPENERS.has(/^["'“‘([]?([A-Za-z]+)/.exec(after)?.[1] ?? '');
}

/** Splits an article into sentences, keeping offsets into the original text. */
export function splitSentences(article: string): Sentence[] {
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
    if (!paragraphBreak && match[1] === '.' && endsWithAbbreviation(before) && !initialsEndSentence(before, article.slice(end + (match[2]?.length ?? 0), end + (match[2]?.length ?? 0) + 20))) continue;
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
  folded: string[];
  /** Sentence numbers by the lower-case words they contain. */
  byWord: Map<string, number[]>;
}

const WORD = /[\p{L}\p{N}]+/gu;
const indexes = new WeakMap<readonly Sentence[], SentenceIndex>();

/** Built once per list of sentences, so checking thousands of quotes stays fast. */
function indexOf(sentences: readonly Sentence[]): SentenceIndex {
  let index = indexes.get(sentences);
  if (index === undefined) {
    const byWord = new Map<string, number[]>();
    const folded = sentences.map((sentence, i) => {
      const text = foldSpace(sentence.text);
      for (const word of new Set(text.toLowerCase().match(WORD) ?? [])) {
        const list = byWord.get(word);
        if (list) list.push(i);
        else byWord.set(word, [i]);
      }
      return text;
    });
    index = { folded, byWord };
    indexes.set(sentences, index);
  }
  return index;
}

/**
 * The sentence that holds the whole quote, or null when the quote is not in the article or spans
 * sentences. White space is compared folded.
 */
export function findQuoteSentence(sentences: readonly Sentence[], quote: string): Sentence | null {
  const needle = foldSpace(quote);
  if (needle === '') return null;
  const index = indexOf(sentences);
  // Words inside the quote are whole words of its sentence (the first and last may be cut), so only the
  // sentences holding the rarest inner word need a look.
  const words = needle.toLowerCase().match(WORD) ?? [];
  const inner = words.slice(1, -1);
  let candidates: readonly number[] | undefined;
  for (const word of inner) {
    const list = index.byWord.get(word) ?? [];
    if (candidates === undefined || list.length < candidates.length) candidates = list;
  }
  const scan = candidates ?? sentences.map((_, i) => i);
  for (const i of scan) {
    if ((index.folded[i] as string).includes(needle)) return sentences[i] as Sentence;
  }
  return null;
}
