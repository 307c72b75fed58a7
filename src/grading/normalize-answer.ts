// The normal form of a typed answer: what is left once everything a fair grader ignores is gone.
// Case, diacritics, curly vs straight quotes and apostrophes, punctuation, hyphens, extra spaces, articles,
// a leading preposition ("to Russia", "on Wednesday"), a country's possessive for its demonym ("China's" for
// "Chinese"), "&" for "and", "%" for "percent", numbers as words or ordinals, abbreviated months and
// weekdays, day-first dates, "of" between a month and its year ("March of 2008"), the ways of writing a range
// of dates ("June 16 - June 21", "from June 16 through 21", "between June 16 and 21" are all "June 16 to
// 21"), a unit of length or weight after a number
// by its short form ("28 kilometres" is "28 km", "100m" is "100 m"), and a currency's word after an amount,
// as its sign is ("6000 euros" is "€6000").

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
/**
 * Words that may open an answer without changing it: "to Russia" is "Russia", "on Wednesday" is "Wednesday",
 * "in its national strategies" is "national strategies". Only words that never turn an answer into its
 * opposite: "from", "before", "after", "since", "until" and "without" stay.
 */
const LEADING_FILLERS: ReadonlySet<string> = new Set([
  ...LEADING_ARTICLES,
  'to', 'in', 'on', 'at', 'by', 'with', 'for', 'during', 'into', 'toward', 'towards',
  'its', 'their',
]);
const RANGE_WORDS: ReadonlySet<string> = new Set(['to', 'through', 'thru', 'until', 'till']);
/** Words that frame a range: "from June 16 to 21", "between June 16 and 21". */
const RANGE_FRAMES: ReadonlySet<string> = new Set(['from', 'between']);

/**
 * A country's possessive (its apostrophe already gone) and its demonym say the same in an answer:
 * "China's Foreign Minister" is the "Chinese Foreign Minister".
 */
const DEMONYM_OF_POSSESSIVE: ReadonlyMap<string, string> = new Map([
  ['chinas', 'chinese'], ['russias', 'russian'], ['americas', 'american'], ['japans', 'japanese'],
  ['indias', 'indian'], ['britains', 'british'], ['frances', 'french'], ['germanys', 'german'],
  ['koreas', 'korean'], ['taiwans', 'taiwanese'], ['ukraines', 'ukrainian'], ['irans', 'iranian'],
  ['israels', 'israeli'], ['indonesias', 'indonesian'], ['italys', 'italian'], ['spains', 'spanish'],
  ['mexicos', 'mexican'], ['canadas', 'canadian'], ['australias', 'australian'], ['brazils', 'brazilian'],
  ['pakistans', 'pakistani'], ['vietnams', 'vietnamese'], ['egypts', 'egyptian'], ['europes', 'european'],
]);

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

/** Where a date or number ends just before `i`: "16", or "16 June" (a month after a day). */
function endsDate(tokens: readonly string[], i: number): boolean {
  return isPlainNumber(tokens[i - 1]) || (isMonth(tokens[i - 1] ?? '') && isDayOfMonth(tokens[i - 2]));
}

/** Where a date or number starts at `i`: "21", or "June 21" (a month before a day). */
function startsDate(tokens: readonly string[], i: number): boolean {
  return isPlainNumber(tokens[i]) || (isMonth(tokens[i] ?? '') && isDayOfMonth(tokens[i + 1]));
}

/**
 * "from June 16 to 21" and "between June 16 and 21" are the range "June 16 to 21": the frame goes, and
 * the "and" of "between" becomes a range word. Only when what follows holds two numbers (a range at all):
 * "from Russia" is not "Russia".
 */
function dropRangeFrame(tokens: readonly string[]): string[] {
  const frame = tokens[0];
  if (frame === undefined || !RANGE_FRAMES.has(frame) || tokens.filter((token) => isPlainNumber(token)).length < 2) return [...tokens];
  const rest = tokens.slice(1);
  if (frame !== 'between') return rest;
  const and = rest.findIndex((token, i) => token === 'and' && endsDate(rest, i) && startsDate(rest, i + 1));
  return and === -1 ? rest : [...rest.slice(0, and), 'to', ...rest.slice(and + 1)];
}

/** "16 to 21", "16-21" (already "16 21"), "June 16 to June 21" and "16 June to 21 June" are one range each. */
function dropRangeWords(tokens: readonly string[]): string[] {
  return tokens.filter((token, i) => !(RANGE_WORDS.has(token) && endsDate(tokens, i) && startsDate(tokens, i + 1)));
}

/**
 * "16 June", "16 of June" and "16-21 June" are written month first, as "June 16" and "June 16 21". A month
 * written first owns the days after it, so "June 30 July 2" stays as it is; one written after its days
 * owns none after it, so "16 June 21 June" becomes "June 16 June 21".
 */
function monthFirst(tokens: readonly string[]): string[] {
  const out = [...tokens];
  let owned = 0; // Tokens before this index belong to a date already read.
  for (let m = 0; m < out.length; m += 1) {
    if (!isMonth(out[m] ?? '')) continue;
    let end = m;
    if (out[end - 1] === 'of') end -= 1;
    let start = end;
    while (start > owned && isDayOfMonth(out[start - 1])) start -= 1;
    if (start < end) {
      const days = out.slice(start, end);
      out.splice(start, m + 1 - start, out[m] ?? '', ...days);
      owned = start + 1 + days.length;
    } else {
      owned = m + 1;
      while (isDayOfMonth(out[owned])) owned += 1;
    }
    m = owned - 1;
  }
  return out;
}

/** "June 16 June 21" (from "June 16 - June 21") names the month once: "June 16 21". */
function collapseRepeatedMonth(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const sameMonthAgain = isMonth(token) && isDayOfMonth(tokens[i + 1]) && isDayOfMonth(out[out.length - 1]) && out[out.length - 2] === token;
    if (!sameMonthAgain) out.push(token);
  }
  return out;
}

/** Drops "the" anywhere and a leading "a"/"an", unless nothing would be left. */
function dropArticles(tokens: readonly string[]): string[] {
  const kept = tokens.filter((token, i) => token !== 'the' && !(i === 0 && LEADING_ARTICLES.has(token)));
  return kept.length > 0 ? kept : [...tokens];
}

/** Drops the words that may open an answer without changing it (see LEADING_FILLERS), leaving at least one. */
function dropLeadingFillers(tokens: readonly string[]): string[] {
  let start = 0;
  while (start < tokens.length - 1 && LEADING_FILLERS.has(tokens[start] ?? '')) start += 1;
  return tokens.slice(start);
}

/** Units of length and weight, each by its short form: "28 kilometres", "28 km" and "28km" are one answer. */
const UNIT_OF: ReadonlyMap<string, string> = new Map([
  ...['kilometre', 'kilometres', 'kilometer', 'kilometers', 'km', 'kms'].map((w) => [w, 'km'] as const),
  ...['metre', 'metres', 'meter', 'meters', 'm'].map((w) => [w, 'm'] as const),
  ...['centimetre', 'centimetres', 'centimeter', 'centimeters', 'cm'].map((w) => [w, 'cm'] as const),
  ...['millimetre', 'millimetres', 'millimeter', 'millimeters', 'mm'].map((w) => [w, 'mm'] as const),
  ...['kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kg', 'kgs'].map((w) => [w, 'kg'] as const),
  ...['mile', 'miles', 'mi'].map((w) => [w, 'mi'] as const),
  ...['foot', 'feet', 'ft'].map((w) => [w, 'ft'] as const),
]);

/** A number with letters written on ("100m", "28km"): a unit when UNIT_OF knows the letters. */
const NUMBER_WITH_LETTERS = /^(\d+(?:\.\d+)?)(\p{L}+)$/u;

/**
 * A unit after a number by its short form ("100 metre" and "100m" are "100 m"), and a currency's word after an
 * amount dropped ("6000 euros" is "6000", as "€6000" is); a unit's or a currency's word anywhere else ("the
 * metre", "m" alone, "the euro") is left as it is.
 */
function foldUnits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const glued = NUMBER_WITH_LETTERS.exec(token);
    const gluedUnit = glued === null ? undefined : UNIT_OF.get(glued[2] as string);
    if (glued !== null && gluedUnit !== undefined) {
      out.push(glued[1] as string, gluedUnit);
      continue;
    }
    const unit = UNIT_OF.get(token);
    // A currency's word after an amount, as its sign is ("6000 euros" is "€6000", whose sign is punctuation).
    if (CURRENCY_WORDS.has(token) && isPlainNumber(out[out.length - 1])) continue;
    out.push(unit !== undefined && isPlainNumber(out[out.length - 1]) ? unit : token);
  }
  return out;
}

/**
 * Currencies by their words: a sign ("$", "€", "£") is punctuation to the matcher, so the word goes too. A word
 * of scale before it is a digit by then ("1 billion pounds" is "1000000000").
 */
const CURRENCY_WORDS: ReadonlySet<string> = new Set(['dollar', 'dollars', 'euro', 'euros', 'pound', 'pounds', 'yen', 'yuan', 'rupee', 'rupees', 'usd', 'eur', 'gbp']);

/** "March of 2008" is "March 2008": the "of" between a month and its year says nothing. */
function dropOfBeforeYear(tokens: readonly string[]): string[] {
  return tokens.filter((token, i) => !(token === 'of' && isMonth(tokens[i - 1] ?? '') && /^\d{4}$/.test(tokens[i + 1] ?? '')));
}

/** The normalized words of an answer, in order. Empty when the answer has no letters or digits. */
export function answerTokens(answer: string): string[] {
  let tokens = rawTokens(answer);
  tokens = mergePerCent(tokens);
  tokens = tokens.map((token) => DEMONYM_OF_POSSESSIVE.get(token) ?? token);
  tokens = dropArticles(tokens);
  tokens = tokens.map(expandCalendarAbbreviation);
  tokens = numbersToDigits(tokens);
  tokens = foldUnits(tokens);
  tokens = dropRangeFrame(tokens);
  tokens = dropRangeWords(tokens);
  tokens = monthFirst(tokens);
  tokens = dropOfBeforeYear(tokens);
  tokens = collapseRepeatedMonth(tokens);
  tokens = dropLeadingFillers(tokens);
  return tokens;
}

/** The normalized answer as one string: `answerTokens` joined by single spaces. */
export function normalizeAnswer(answer: string): string {
  return answerTokens(answer).join(' ');
}
