// Numbers written as words, as ordinals or as digits, all turned into one digit form so that "six", "6",
// "sixth" and "6th" compare equal, and "one thousand two hundred" equals "1,200" (once its comma is gone).

type WordKind = 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';

interface NumberWord {
  kind: WordKind;
  value: number;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNIT_ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEEN_ORDINALS = [
  'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth',
];
const TENS_ORDINALS = ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
const SCALES: ReadonlyArray<readonly [string, string, number]> = [
  ['thousand', 'thousandth', 1e3],
  ['million', 'millionth', 1e6],
  ['billion', 'billionth', 1e9],
];

function entries(words: readonly string[], kind: WordKind, valueAt: (i: number) => number): [string, NumberWord][] {
  return words.map((word, i) => [word, { kind, value: valueAt(i) }]);
}

const WORDS: ReadonlyMap<string, NumberWord> = new Map([
  ...entries(UNITS, 'unit', (i) => i),
  ...entries(UNIT_ORDINALS, 'unit', (i) => i),
  ...entries(TEENS, 'teen', (i) => 10 + i),
  ...entries(TEEN_ORDINALS, 'teen', (i) => 10 + i),
  ...entries(TENS, 'tens', (i) => 20 + 10 * i),
  ...entries(TENS_ORDINALS, 'tens', (i) => 20 + 10 * i),
  ...entries(['fourty'], 'tens', () => 40),
  ...entries(['hundred', 'hundredth'], 'hundred', () => 100),
  ...SCALES.flatMap(([word, ordinal, value]) => entries([word, ordinal], 'scale', () => value)),
]);

const DIGITS = /^\d+(\.\d+)?$/;
const ORDINAL_DIGITS = /^(\d+)(st|nd|rd|th)$/;

/** One canonical spelling of a digit token: no leading zeros, no trailing decimal zeros. */
function canonicalDigits(token: string): string {
  const ordinal = ORDINAL_DIGITS.exec(token);
  const digits = ordinal?.[1] ?? token;
  if (!DIGITS.test(digits)) return token;
  const [whole = '', fraction] = digits.split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = (fraction ?? '').replace(/0+$/, '');
  return trimmedFraction === '' ? trimmedWhole : `${trimmedWhole}.${trimmedFraction}`;
}

/** Avoids 1.1 * 1e6 printing as 1100000.0000000002. */
function formatNumber(value: number): string {
  return canonicalDigits(String(Number(value.toPrecision(12))));
}

/** Reads one number phrase starting at `start`; null when no number starts there. */
function readPhrase(tokens: readonly string[], start: number): { value: number; end: number } | null {
  let total = 0;
  let current = 0;
  let last: WordKind | 'digits' | 'none' = 'none';
  let lastScale = Infinity;
  let i = start;
  const first = tokens[start] ?? '';
  const next = WORDS.get(tokens[start + 1] ?? '');
  // "6 million", "1.5 thousand": digits are only part of a phrase when a scale word follows them.
  if (DIGITS.test(first) && next !== undefined && (next.kind === 'hundred' || next.kind === 'scale')) {
    current = Number(first);
    last = 'digits';
    i += 1;
  }
  while (i < tokens.length) {
    const token = tokens[i] ?? '';
    if (token === 'and' && (last === 'hundred' || last === 'scale')) {
      const after = WORDS.get(tokens[i + 1] ?? '');
      if (after !== undefined && (after.kind === 'unit' || after.kind === 'teen' || after.kind === 'tens')) {
        i += 1;
        continue;
      }
      break;
    }
    const word = WORDS.get(token);
    if (word === undefined) break;
    const afterSmall = last === 'none' || last === 'hundred' || last === 'scale';
    if (word.kind === 'unit' && (afterSmall || last === 'tens')) {
      current += word.value;
    } else if ((word.kind === 'teen' || word.kind === 'tens') && afterSmall) {
      current += word.value;
    } else if (word.kind === 'hundred' && last !== 'hundred' && last !== 'scale') {
      current = (last === 'none' ? 1 : current) * 100;
    } else if (word.kind === 'scale' && last !== 'scale' && word.value < lastScale) {
      total += (last === 'none' ? 1 : current) * word.value;
      current = 0;
      lastScale = word.value;
    } else {
      // "twenty twenty" is two numbers, not forty: end this phrase and let the next one start.
      break;
    }
    last = word.kind;
    i += 1;
  }
  if (last === 'none' || last === 'digits') return null;
  return { value: total + current, end: i };
}

const SHARES: ReadonlyMap<string, number> = new Map([
  ['half', 0.5],
  ['quarter', 0.25],
]);

/** "half a million" (0.5e6), "quarter of a billion" (0.25e9) at `start`, or null. */
function shareOf(tokens: readonly string[], start: number): { value: number; end: number } | null {
  const share = SHARES.get(tokens[start] ?? '');
  if (share === undefined) return null;
  let i = start + 1;
  if (tokens[i] === 'of') i++;
  if (tokens[i] !== 'a') return null;
  const round = WORDS.get(tokens[i + 1] ?? '');
  if (round === undefined || (round.kind !== 'scale' && round.kind !== 'hundred') || /th$/.test(tokens[i + 1] ?? '')) return null;
  return { value: share * round.value, end: i + 2 };
}

/**
 * Replaces number words and ordinals with digits: ["twenty", "one"] -> ["21"], ["16th"] -> ["16"].
 * Tokens must already be lower case with punctuation removed.
 */
export function numbersToDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    // "half a million", "a quarter of a million": a share of a round number is that number.
    const share = shareOf(tokens, i);
    if (share !== null) {
      out.push(formatNumber(share.value));
      i = share.end;
      continue;
    }
    const phrase = readPhrase(tokens, i);
    if (phrase !== null) {
      out.push(formatNumber(phrase.value));
      i = phrase.end;
    } else {
      out.push(canonicalDigits(tokens[i] ?? ''));
      i += 1;
    }
  }
  return out;
}

/** True for a token that is (or contains) a number once normalized: never forgiven as a typo. */
export function isNumericToken(token: string): boolean {
  return /\p{N}/u.test(token);
}
