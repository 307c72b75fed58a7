// Words of a sentence with their offsets in the article and their part-of-speech tags. Possessive "’s" is
// its own token ("Norway’s" -> "Norway", "’s") so a name ends where its possessive starts; abbreviations keep
// their full stop ("Calif.", "Dr.", "U.S.").

import { isAbbreviation, WEEKDAY_ABBREVIATIONS } from '../domain/article.js';
import type { TaggedTerm, Tagger } from './tagger.js';

export interface Token {
  text: string;
  lower: string;
  /** Offsets into the article. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** Letters or digits (not punctuation). */
  isWord: boolean;
  /** Starts with a capital letter. */
  isCap: boolean;
  /** All capitals, two or more letters: "NASA", "U.S.", "MMR". */
  isAcronym: boolean;
  /** Starts with a digit or a currency sign. */
  isNumber: boolean;
}

const TOKEN =
  /(?:\p{L}\.){2,}|[$€£]?\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?|\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐‑][\p{L}\p{M}\p{N}]+)*(?:['’](?!s(?![\p{L}\p{N}]))\p{L}+)*|['’]s(?![\p{L}\p{N}])|\S/gu;

const NO_TAGS: ReadonlySet<string> = new Set();

/** Splits `text` (which starts at `offset` in the article) into tokens, tagged by `tagger`. */
export function tokenize(text: string, offset: number, tagger: Tagger): Token[] {
  return tokenizeTagged(text, offset, tagger.tagText(text));
}

/**
 * Splits `text` (which starts at `offset` in the article) into tokens, with tags from `terms` (offsets
 * relative to `text`, in order): the article is tagged once, then each sentence takes its share.
 */
export function tokenizeTagged(text: string, offset: number, terms: readonly TaggedTerm[]): Token[] {
  const tokens: Token[] = [];
  let termIndex = 0;
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0];
    const index = match.index;
    // ("as hot as the Sun." at a sentence's end: a weekday's abbreviation there is a word and its full stop.)
    const endsSentence = /^\.["'”’)\]]*\s*$/.test(text.slice(index + word.length)) && WEEKDAY_ABBREVIATIONS.has(word.toLowerCase());
    if (/^\p{L}/u.test(word) && text.charAt(index + word.length) === '.' && !word.endsWith('.') && isAbbreviation(word) && !endsSentence) {
      word += '.';
    }
    const start = index;
    const end = index + word.length;
    while (termIndex < terms.length && (terms[termIndex]?.end ?? 0) <= start) termIndex++;
    const term = terms[termIndex];
    const tags = term !== undefined && term.start <= start ? term.tags : NO_TAGS;
    const isWord = /[\p{L}\p{N}]/u.test(word) && !/^['’]s$/.test(word);
    const letters = word.replace(/[^\p{L}]/gu, '');
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start: offset + start,
      end: offset + end,
      tags,
      isWord,
      isCap: /^\p{Lu}/u.test(word),
      isAcronym: letters.length >= 2 && letters.length <= 6 && /^\p{Lu}+$/u.test(letters),
      isNumber: /^[$€£]?\d/.test(word),
    });
  }
  // Matches can overlap when a full stop was added to an abbreviation; drop the stray stop token.
  return tokens.filter((token, i) => i === 0 || token.start >= (tokens[i - 1]?.end ?? 0));
}

export function hasTag(token: Token | undefined, ...tags: string[]): boolean {
  return token !== undefined && tags.some((tag) => token.tags.has(tag));
}
