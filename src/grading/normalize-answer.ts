// The normal form of a typed answer: what is left once everything a fair grader ignores is gone.
// Case, diacritics, curly vs straight quotes and apostrophes, punctuation, hyphens, extra spaces, articles,
// "&" for "and", "%" for "percent", numbers as words or ordinals, abbreviated months and day-first dates.

import { expandCalendarAbbreviation, isMonth } from './calendar-words.js';
import { numbersToDigits } from './number-words.js';

const APOSTROPHES = /['’‘ʼʻ`´′]/g;
/** "U.S.", "u.s", "D.C.": letters separated by dots, standing alone. */
const DOTTED_ACRONYM = /(?<![\p{L}\p{N}])(?:\p{L}\.)+\p{L}?(?![\p{L}\p{N}])/gu;
/** The comma of a thousands group: "1,200". */
const DIGIT_GROUP = /(\d),(?=\d{3}(?!\d))/g;
const NOT_WORD = /[^\p{L}\p{N}.]+/gu;
/** A dot that is not a decimal point. */
const STRAY_DOT = /(?<!\d)\.|\.(?!\d)/g;

const LEADING_ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
const RANGE_WORDS: ReadonlySet<string> = new Set(['to', 'through', 'thru', 'until', 'till']);

function isPlainNumber(token: string | undefined): boolean {
  return token !== undefined && /^\d+(\.\d+)?$/.test(token);
}

function isDayOfMonth(token: string | undefined): boolean {
  return isPlainNumber(token) && Number(token) >= 1 && Number(token) <= 31 && !String(token).includes('.');
}

/** Splits cleaned text into raw lower-case tokens. */
function rawTokens(answer: string): string[] {
  const text = answer
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/&/g, ' and ')
    .replace(/%/g, ' percent ')
    .replace(DOTTED_ACRONYM, (acronym) => acronym.replace(/\./g, ''))
    .replace(DIGIT_GROUP, '$1')
    .replace(NOT_WORD, ' ')
    .replace(STRAY_DOT, ' ');
  return text.split(/\s+/).filter((token) => token !== '');
}

function mergePerCent(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (token === 'cent' && out[out.length - 1] === 'per') out[out.length - 1] = 'percent';
    else out.push(token);
  }
  return out;
}

/** "16 to 21" and "16-21" (already "16 21") are one range. */
function dropRangeWords(tokens: readonly string[]): string[] {
  return tokens.filter(
    (token, i) => !(RANGE_WORDS.has(token) && isPlainNumber(tokens[i - 1]) && isPlainNumber(tokens[i + 1])),
  );
}

/** "16 June", "16 of June" and "16-21 June" are written month first, as "June 16" and "June 16 21". */
function monthFirst(tokens: readonly string[]): string[] {
  const out = [...tokens];
  for (let m = 0; m < out.length; m += 1) {
    if (!isMonth(out[m] ?? '')) continue;
    let end = m;
    if (out[end - 1] === 'of') end -= 1;
    let start = end;
    while (start > 0 && isDayOfMonth(out[start - 1])) start -= 1;
    if (start === end) continue;
    const days = out.slice(start, end);
    out.splice(start, m + 1 - start, out[m] ?? '', ...days);
    m = start + days.length;
  }
  return out;
}

/** Drops "the" anywhere and a leading "a"/"an", unless nothing would be left. */
function dropArticles(tokens: readonly string[]): string[] {
  const kept = tokens.filter((token, i) => token !== 'the' && !(i === 0 && LEADING_ARTICLES.has(token)));
  return kept.length > 0 ? kept : [...tokens];
}

/** The normalized words of an answer, in order. Empty when the answer has no letters or digits. */
export function answerTokens(answer: string): string[] {
  let tokens = rawTokens(answer);
  tokens = mergePerCent(tokens);
  tokens = dropArticles(tokens);
  tokens = tokens.map(expandCalendarAbbreviation);
  tokens = numbersToDigits(tokens);
  tokens = dropRangeWords(tokens);
  tokens = monthFirst(tokens);
  return tokens;
}

/** The normalized answer as one string: `answerTokens` joined by single spaces. */
export function normalizeAnswer(answer: string): string {
  return answerTokens(answer).join(' ');
}
