// Numbers and amounts in a sentence ("$4.5 million", "30.6 percent", "22,000", "8 to 12", "four",
// "Category 3") and wrong-but-plausible variants in the same style: "22,000" -> "33,000", "four" -> "five".

import { NUMBER_WORDS, ORDINAL_WORDS } from './vocabulary.js';
import { valueOf } from './fixed-by-stem.js';
import { gateTester } from './text.js';

export type NumberShape = 'money' | 'percent' | 'scaled' | 'plain' | 'range' | 'word' | 'ordinal' | 'label' | 'measure' | 'duration';

export interface NumberSpan {
  shape: NumberShape;
  /** Offsets into the text searched. */
  start: number;
  end: number;
  text: string;
}

const NUM = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const SCALE = '(?: (?:thousand|million|billion|trillion))';
const PERCENT = '(?: ?%| percent| per cent| percentage points?)';
const BEFORE = '(?<![\\p{L}\\d.,:$€£/‘’\'-])';
const AFTER = '(?![\\d]|[.,:/]\\d|-\\d)';
const TENS_WORD = [...NUMBER_WORDS].filter(([, v]) => v >= 20 && v <= 90).map(([w]) => w);
const UNIT_WORD = ['one', ...[...NUMBER_WORDS].filter(([, v]) => v < 10).map(([w]) => w)];
/**
 * A number in words: "thirty-five" and "thirty five" whole, never their "thirty" or "five" alone (a blank
 * on either half would cut the number in two); `capital`: its first letter a capital.
 */
function wordsNumber(capital: boolean): string {
  const tens = capital ? capitalisedAlternatives(TENS_WORD.join('|')) : TENS_WORD.join('|');
  const single = capital ? capitalisedAlternatives([...NUMBER_WORDS.keys()].join('|')) : [...NUMBER_WORDS.keys()].join('|');
  const compound = `${compoundWords(tens)}(?![\\p{L}])`;
  const afterTens = `(?<!(?:${TENS_WORD.join('|')}|${capitalisedAlternatives(TENS_WORD.join('|'))}) )`;
  return `(?:${compound}|(?!${compound})${afterTens}(?:${single}))`;
}
/** Tens (`tens`, as alternatives), then a hyphen or a space, then units: "thirty-five", "Thirty five". */
function compoundWords(tens: string): string {
  return `(?:${tens})[- ](?:${UNIT_WORD.join('|')})`;
}
const NUMBER_WORD = wordsNumber(false);
const LABEL_WORDS =
  'Category|Highway|Route|Interstate|Phase|Level|Stage|Flight|Section|Article|Chapter|Room|Gate|Terminal|Platform|Building|Station|Game|Round|Grade|Class|Type|Model|Series|Version|Windows|Apollo|Mission|Sector|Zone|Unit|Ward|District|Precinct|Lot|Pier|Runway|Lane|Exit|Bowl|Proposition|Measure|Amendment|Resolution|Bill|Title|Part|Item|Page|Figure|Table';
/** Units a measure is written with: "18 inches", "50 mph", "four-foot waves", "a 34-yard field goal". */
const UNIT =
  '(?:miles?|mi|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|yards?|mph|km/h|knots?|kilograms?|kg|pounds?|lbs?|tons?|tonnes?|acres?|hectares?|degrees?|gallons?|lit(?:re|er)s?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|megawatts?|gigawatt-hours?|MW|GW|kWh)(?![\\p{L}]|[-‐‑]\\p{L}| old\\b)';
// "several million" is no number to ask: it names none.
const SCALE_WORD = `(?:${NUMBER_WORD}|one|a|half a) (?:hundred|thousand|million|billion|trillion)(?![\\p{L}])`;
const ORDINAL_WORD = [...ORDINAL_WORDS.keys()].join('|');
/** Capitalised words that come before a number without naming it ("About 300", "Nearly 40"). */
const NOT_LABELS = new Set(
  'about nearly more most some only around almost over under up roughly approximately all the of in at on by for to from with and than some least just another each every page'.split(' '),
);

interface Pattern {
  shape: NumberShape;
  regex: RegExp;
  /**
   * What a text must hold for the pattern to be tried on it, quick to test (no Unicode classes, no
   * lookbehind at every character): most sentences hold no number word, and the word patterns, the slowest,
   * are skipped there.
   */
  gates: readonly RegExp[];
}

/** A figure. */
const HAS_DIGIT = /\d/;
/** A number word at a word's start (every word pattern opens on one of these). */
const HAS_NUMBER_WORD = new RegExp(`(?<![A-Za-z-])(?:one|${[...NUMBER_WORDS.keys()].join('|')})`, 'i');
const HAS_SCALE_WORD = /hundred|thousand|million|billion|trillion/;
const HAS_ONCE = /once|twice/;
const HAS_ORDINAL_WORD = new RegExp(ORDINAL_WORD);

/**
 * Round 38: a race time, "2:24:50" (hours, minutes, seconds) or "1:45.32" (minutes, seconds and hundredths),
 * never a clock time ("2:30 p.m.", "14:05 GMT"), which the time finder takes.
 */
const DURATION = /(?<![\d:.])(?:\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d{1,3})?|\d{1,2}:[0-5]\d\.\d{1,3})(?![\d:]|\.\d| ?(?:[ap]\.?m\b|GMT|UTC|local|hours?\b|h\b))/gu;
const HAS_COLON_DIGIT = /\d:\d/;

const PATTERNS: readonly Pattern[] = [
  { shape: 'duration', regex: DURATION, gates: [HAS_COLON_DIGIT] },
  { shape: 'money', regex: new RegExp(`${BEFORE}[$€£] ?${NUM}${SCALE}?${AFTER}`, 'gu'), gates: [HAS_DIGIT] },
  { shape: 'range', regex: new RegExp(`${BEFORE}${NUM}${SCALE}?${PERCENT}? ?(?:-|–|to) ?${NUM}${SCALE}?${PERCENT}?${AFTER}`, 'gu'), gates: [HAS_DIGIT] },
  { shape: 'range', regex: new RegExp(`(?<=\\bbetween (?:the ages of )?)${NUM} and ${NUM}${SCALE}?${PERCENT}?${AFTER}`, 'gu'), gates: [HAS_DIGIT] },
  { shape: 'percent', regex: new RegExp(`${BEFORE}${NUM}${PERCENT}${AFTER}`, 'gu'), gates: [HAS_DIGIT] },
  { shape: 'scaled', regex: new RegExp(`${BEFORE}${NUM}${SCALE}${AFTER}`, 'gu'), gates: [HAS_DIGIT] },
  { shape: 'measure', regex: new RegExp(`${BEFORE}${NUM}(?:-| )${UNIT}`, 'gu'), gates: [HAS_DIGIT] },
  { shape: 'measure', regex: new RegExp(`(?<![\\p{L}-])(?:${NUMBER_WORD}|${wordsNumber(true)}|one|One)(?:-| )${UNIT}`, 'gu'), gates: [HAS_NUMBER_WORD] },
  { shape: 'percent', regex: new RegExp(`(?<![\\p{L}-])(?:${NUMBER_WORD}|(?<=^|[“"‘]\\s?)${wordsNumber(true)}|one|One)${PERCENT}(?![\\p{L}])`, 'gu'), gates: [HAS_NUMBER_WORD] },
  { shape: 'scaled', regex: new RegExp(`(?<![\\p{L}-])${SCALE_WORD}`, 'gu'), gates: [HAS_SCALE_WORD] },
  // "visited once", "once a week" count; "once they reach the coast", "was once the largest" do not (rule
  // "conjunction": a blank there is guessed from the grammar, and "when"/"after" fit it as well).
  { shape: 'word', regex: /(?<![\p{L}-])(?:twice(?![\p{L}])|once(?=[.,;:!?)”"]|\s+(?:a|an|per|every|each|more|or|and|before|during|this|last|since)\b|\s*$))/gu, gates: [HAS_ONCE] },
  // "Category 3", "Highway 101", "Phase 1": a number that is part of a name, after a word that takes one.
  { shape: 'label', regex: new RegExp(`(?<![\\p{L}])(?:${LABEL_WORDS}) \\d+${AFTER}(?![\\p{L}])`, 'gu'), gates: [HAS_DIGIT] },
  { shape: 'ordinal', regex: new RegExp(`${BEFORE}\\d+(?:st|nd|rd|th)(?![\\p{L}\\d])`, 'gu'), gates: [HAS_DIGIT] },
  { shape: 'plain', regex: new RegExp(`${BEFORE}${NUM}${AFTER}(?![\\p{L}])`, 'gu'), gates: [HAS_DIGIT] },
  // A capitalised number word counts only where a sentence starts: "Big Four" is a name.
  { shape: 'word', regex: new RegExp(`(?<![\\p{L}-])(?:${NUMBER_WORD}|(?<=^|[“"‘]\\s?)${wordsNumber(true)})(?= [\\p{Ll}])`, 'gu'), gates: [HAS_NUMBER_WORD] },
  // Round 18: "Two Kellin employees were killed": at a sentence's start a count may stand before a name that
  // describes its noun (one capitalised word, then a word in lower case).
  { shape: 'word', regex: new RegExp(`(?<=^|[“"‘]\\s?)${wordsNumber(true)}(?= \\p{Lu}[\\p{L}-]+ \\p{Ll}+)`, 'gu'), gates: [HAS_NUMBER_WORD] },
  { shape: 'ordinal', regex: new RegExp(`(?<![\\p{L}-]|per )(?:${ORDINAL_WORD})(?= [\\p{Ll}])`, 'gu'), gates: [HAS_ORDINAL_WORD] },
];

function capitalisedAlternatives(alternatives: string): string {
  return alternatives
    .split('|')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('|');
}

/** Every number in `text` not inside one of `taken` (dates and times found before), in order. */
export function findNumbers(text: string, taken: readonly { start: number; end: number }[] = []): NumberSpan[] {
  const found: NumberSpan[] = [];
  const open = gateTester(text);
  for (const { shape, regex, gates } of PATTERNS) {
    if (!gates.every(open)) continue;
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (shape === 'label' && NOT_LABELS.has(match[0].split(' ')[0]?.toLowerCase() ?? '')) continue;
      found.push({ shape, start, end, text: match[0] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: NumberSpan[] = [];
  for (const span of found) {
    const last = kept[kept.length - 1];
    if (last !== undefined && span.start < last.end) continue;
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    kept.push(span);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------
// Variants

const WORD_OF = new Map<number, string>();
for (const [word, value] of NUMBER_WORDS) if (!WORD_OF.has(value)) WORD_OF.set(value, word);
const ORDINAL_OF = new Map<number, string>();
for (const [word, value] of ORDINAL_WORDS) ORDINAL_OF.set(value, word);

/** A number of tens and units in words, either way it is written ("thirty-five", "thirty five"). */
const COMPOUND_WORDS = compoundWords(TENS_WORD.join('|'));

/**
 * `value` in words, a compound joined as `like` joins its own ("thirty five" -> "thirty six", else with a
 * hyphen); undefined when no word names it.
 */
function wordsFor(value: number, like: string): string | undefined {
  if (value === 1) return 'one';
  const word = WORD_OF.get(value);
  if (word !== undefined || value < 21 || value > 99) return word;
  const joiner = new RegExp(`^(?:${TENS_WORD.join('|')}) `).test(like) ? ' ' : '-';
  return `${WORD_OF.get(value - (value % 10))}${joiner}${UNIT_WORD[(value % 10) - 1]}`;
}

/** " day" after "two" is " days", " years" after "one" is " year"; "-foot" before a noun stays as it is. */
function agree(rest: string, value: number): string {
  if (!rest.startsWith(' ')) return rest;
  const unit = rest.slice(1);
  if (value === 1) return ` ${unit.replace(/(?<=\p{L}{3})s$/u, '').replace(/^feet$/, 'foot').replace(/inche$/, 'inch')}`;
  // "percent", "million", "dozen": words that take no plural after a number.
  if (/s$|^feet$|^(?:percent|per cent|million|billion|thousand|hundred|dozen|mph|km|kg)$/.test(unit)) return rest;
  return ` ${unit === 'foot' ? 'feet' : /(ch|sh|x)$/.test(unit) ? `${unit}es` : `${unit}s`}`;
}

/** Formats `value` like `like` (a digit string): its decimals, its thousands separators. */
function formatLike(value: number, like: string): string {
  const decimals = /\.(\d+)$/.exec(like)?.[1]?.length ?? 0;
  let rounded = value;
  if (decimals === 0) {
    const digits = like.replace(/\D/g, '');
    // Round 36: as round as the key ("5,000" has "4,000" and "6,000" beside it, not "6,300" and "3,800", which
    // name no usual figure): a key that ends in zeros keeps its own significant digits; one that does not ("8",
    // "12") keeps two at least ("8 to 12" has "12 to 18").
    const trimmed = digits.replace(/0+$/, '');
    const significant = trimmed.length < digits.length ? Math.max(1, trimmed.length) : Math.max(2, trimmed.length);
    const magnitude = Math.floor(Math.log10(Math.max(1, Math.abs(value)))) + 1;
    const unit = 10 ** Math.max(0, magnitude - significant);
    rounded = Math.round(value / unit) * unit;
  }
  // "8.5 million" doubled is "17 million", not "17.0 million".
  const fixed = Number.isInteger(rounded) && decimals > 0 && !/\.0+$/.test(like) ? String(rounded) : rounded.toFixed(decimals);
  if (!like.includes(',') && Math.abs(rounded) < 10000) return fixed;
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function parseDigits(text: string): number {
  return Number(text.replace(/,/g, ''));
}

// Near values first: "81 minutes" -> 101, 65, 61; doubling or halving only if nothing nearer is left.
const FACTORS = [1.25, 0.8, 0.75, 1.5, 0.5, 2];
const STEPS = [1, -1, 2, -2, 3];

/**
 * Other values for a number written as digits: small counts step by one or two, larger ones scale, and a
 * bare number with decimals under 20 (a magnitude, a rating, a score) steps by a few of its last decimal
 * place (about 4% of it), so that "8.6" has "8.3" and "8.9" beside it rather than "10.8" or "4.3", which no
 * one would choose. (Amounts and percentages still scale: "$4.5 million" against "$6.8 million".)
 */
function otherValues(value: number, percent: boolean, scaleOnly: boolean, like = '', bare = false): number[] {
  const isSmall = !scaleOnly && Number.isInteger(value) && value <= 12;
  const decimals = /\.(\d+)$/.exec(like)?.[1]?.length ?? 0;
  let values: number[];
  if (isSmall) values = STEPS.map((step) => value + step);
  else if (bare && !scaleOnly && decimals > 0 && value < 20) {
    const unit = 10 ** -decimals;
    const step = unit * Math.max(1, Math.round((value / unit) * 0.04));
    // (A whole number would stand out among values written with decimals.)
    values = [1, -1, 2, -2, 3, -3, 4, -4].map((k) => Math.round((value + k * step) / unit) * unit).filter((v) => !Number.isInteger(Math.round(v * 1e6) / 1e6));
  } else values = FACTORS.map((factor) => value * factor);
  return values.filter((v) => v > 0 && v !== value && (!percent || value > 100 || v <= 100));
}

/**
 * Other race times in the same form: a few seconds to a minute and a half away (a time of the same race is
 * near the key, as the article's other times are), none below zero.
 */
function durationVariants(text: string, pick: (n: number) => number): string[] {
  const parts = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(text);
  if (parts === null) return [];
  const [, hours, minutes = '0', seconds = '0', fraction] = parts;
  const scale = fraction === undefined ? 1 : 10 ** fraction.length;
  const total = ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * scale + Number(fraction ?? 0);
  // With hours, steps of seconds to a minute or so; a time of minutes and hundredths, of tenths of a second.
  const unit = hours !== undefined ? scale : scale / 10 >= 1 ? scale / 10 : 1;
  const base = hours !== undefined ? [37, -52, 81, -23, 64] : [7, -4, 12, -9, 15];
  const offset = pick(3);
  const out: string[] = [];
  for (const step of base) {
    const value = total + (step + offset) * unit;
    if (value <= 0) continue;
    const whole = Math.floor(value / scale);
    const rest = value % scale;
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const sec = whole % 60;
    const pad = (n: number): string => String(n).padStart(2, '0');
    const head = hours !== undefined ? `${h}:${pad(m)}` : `${m + h * 60}`;
    out.push(`${head}:${pad(sec)}${fraction === undefined ? '' : `.${String(rest).padStart(fraction.length, '0')}`}`);
  }
  return out;
}

/** Up to `count` other numbers in the style of `span`, different from it and from each other. */
export function numberVariants(span: Pick<NumberSpan, 'shape' | 'text'>, count: number, pick: (n: number) => number): string[] {
  const text = span.text;
  const candidates: string[] = [];
  const capital = /^\p{Lu}/u.test(text);
  const recase = (word: string): string => (capital ? word.charAt(0).toUpperCase() + word.slice(1) : word);
  // A number written as a word inside a longer key ("four-foot", "one million", "thirty-five percent"): the
  // words change.
  const wordInside = new RegExp(`^(?:${COMPOUND_WORDS}|half a|a few|several|a|one|[\\p{L}]+)(?=[- ])`, 'iu').exec(text);
  if (span.shape !== 'word' && !/\d/.test(text) && wordInside !== null) {
    const word = wordInside[0].toLowerCase();
    const value = word === 'a' ? 1 : (valueOf(word) ?? 0);
    for (const step of STEPS) {
      const next = value + step;
      const other = wordsFor(next, word);
      if (other !== undefined && next >= 1) candidates.push(recase(other) + agree(text.slice(wordInside[0].length), next));
    }
    const unique = [...new Set(candidates.filter((c) => c !== text))];
    const startAt = unique.length === 0 ? 0 : pick(Math.min(unique.length, 3));
    return [...unique.slice(startAt), ...unique.slice(0, startAt)].slice(0, count);
  }
  switch (span.shape) {
    case 'word': {
      if (/^(once|twice)$/i.test(text)) {
        candidates.push(...['once', 'twice', 'three times', 'four times'].map(recase));
        break;
      }
      const value = valueOf(text) ?? 0;
      for (const step of STEPS) {
        const word = wordsFor(value + step, text.toLowerCase());
        if (word !== undefined && value + step >= 2) candidates.push(recase(word));
      }
      break;
    }
    case 'ordinal': {
      const digits = /^(\d+)/.exec(text)?.[1];
      const value = digits !== undefined ? Number(digits) : (ORDINAL_WORDS.get(text.toLowerCase()) ?? 0);
      for (const step of STEPS) {
        const next = value + step;
        if (next < 2) continue;
        if (digits !== undefined) candidates.push(`${next}${['th', 'st', 'nd', 'rd'][next % 100 >= 11 && next % 100 <= 13 ? 0 : next % 10] ?? 'th'}`);
        else {
          const word = ORDINAL_OF.get(next);
          if (word !== undefined) candidates.push(recase(word));
        }
      }
      break;
    }
    case 'duration':
      candidates.push(...durationVariants(text, pick));
      break;
    case 'label': {
      const [, label = '', digits = '0'] = /^(\S+ )(\d+)$/.exec(text) ?? [];
      for (const step of STEPS) if (Number(digits) + step >= 1) candidates.push(`${label}${Number(digits) + step}`);
      break;
    }
    default: {
      const numbers = [...text.matchAll(new RegExp(NUM, 'gu'))];
      const first = numbers[0];
      if (first === undefined) break;
      const percent = new RegExp(PERCENT, 'u').test(text);
      const value = parseDigits(first[0]);
      const isSmall = Number.isInteger(value) && value <= 12 && numbers.length === 1;
      for (const other of otherValues(value, percent, numbers.length > 1, first[0], span.shape === 'plain')) {
        const factor = other / value;
        let i = 0;
        candidates.push(
          text.replace(new RegExp(NUM, 'gu'), (digits) => {
            const next = i++ === 0 || isSmall ? other : parseDigits(digits) * factor;
            return formatLike(next, digits);
          }),
        );
      }
    }
  }
  const unique = [...new Set(candidates.filter((c) => c !== text))];
  const startAt = unique.length === 0 ? 0 : pick(Math.min(unique.length, 3));
  return [...unique.slice(startAt), ...unique.slice(0, startAt)].slice(0, count);
}

/** The patterns and their gates, for the test that holds each gate to be needed by its pattern. */
export const NUMBER_PATTERNS: readonly { regex: RegExp; gates: readonly RegExp[] }[] = PATTERNS.map(({ regex, gates }) => ({ regex, gates }));
