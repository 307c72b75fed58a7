// Dates and times in a sentence: what they say (for putting events in order) and wrong-but-plausible
// variants of the same shape (for wrong choices): "May 3 to 8" -> "May 10 to 15". Pure regular
// expressions over the text; the longest match wins where patterns overlap.

import { gateTester } from './text.js';
import { MONTHS, WEEKDAYS } from './vocabulary.js';

export type DateShape =
  | 'day'
  | 'day-range'
  | 'month'
  | 'month-year'
  | 'year'
  | 'year-range'
  | 'weekday'
  | 'weekday-range'
  | 'season'
  | 'decade'
  | 'relative'
  | 'time'
  | 'time-range';

export interface TemporalSpan {
  type: 'date' | 'time';
  shape: DateShape;
  /** Offsets into the text searched. */
  start: number;
  end: number;
  text: string;
  /** A sortable value (yyyymmdd, with 0 for what is unknown) when the date is absolute, else null. */
  sortKey: number | null;
  /** The year it names, when it names one. */
  year: number | null;
}

const MONTH_NAME =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)';
// "Kestrel March 3B": a day number runs into no letter (a rocket's, a model's name).
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\d:\\p{L}])';
const YEAR = '(?:1[89]\\d{2}|20\\d{2})(?![\\d])';
const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
const MONTH_DAY = `(?:${WEEKDAY},? )?${MONTH_NAME} ${DAY}(?:,? ${YEAR})?`;
const DAY_MONTH = `${DAY} ${MONTH_NAME}(?:,? ${YEAR})?`;
const RANGE = '\\s*(?:-|–|—|to|through|until|till)\\s*';
const ZONE = '(?: (?:[ECMP][DS]?T|UTC|GMT))?';
const CLOCK = `(?:\\d{1,2}(?::\\d{2})? ?(?:a\\.m\\.|p\\.m\\.|am|pm|AM|PM)(?![\\p{L}])${ZONE}|(?<=\\b(?:at|by|until|before|after|from|to|and) )(?:noon|midnight))`;

interface Pattern {
  shape: DateShape;
  type: 'date' | 'time';
  regex: RegExp;
  /** What a text must hold for the pattern to be tried on it, quick to test (see `gateOf`). */
  gate: RegExp | null;
}

// What each kind of pattern needs, tested once per text: most sentences name no month, and the patterns
// with a month's name, the most, are skipped there.
const HAS_MONTH = new RegExp(MONTH_NAME);
const HAS_YEAR = /(?:1[89]|20)\d\d/;
const HAS_WEEKDAY = new RegExp(WEEKDAY);
const HAS_RELATIVE = /last|next|this|yesterday|tomorrow|ago/;
const HAS_CLOCK = /\d|noon|midnight/;
const HAS_DIGIT = /\d/;

/** The gate of a pattern by what its source asks for, or null (none: always tried). */
function gateOf(source: string): RegExp | null {
  if (source.includes(MONTH_NAME)) return HAS_MONTH;
  if (source.includes(YEAR)) return HAS_YEAR;
  if (source.includes(WEEKDAY)) return HAS_WEEKDAY;
  if (source.includes(CLOCK)) return HAS_CLOCK;
  return null;
}

const pattern = (shape: DateShape, source: string, type: 'date' | 'time' = 'date', flags = 'gu'): Pattern => ({
  shape,
  type,
  regex: new RegExp(source, flags),
  gate: shape === 'relative' ? HAS_RELATIVE : shape === 'decade' ? HAS_DIGIT : gateOf(source),
});

// Ordered longest-first where two could start at the same place.
const PATTERNS: readonly Pattern[] = [
  pattern('day-range', `${MONTH_DAY}${RANGE}(?:${MONTH_NAME} )?${DAY}(?:,? ${YEAR})?`),
  pattern('day-range', `(?<=\\bbetween )${MONTH_DAY},? and (?:${MONTH_NAME} )?${DAY}(?:,? ${YEAR})?`),
  pattern('day-range', `${DAY}${RANGE}${DAY_MONTH}`),
  pattern('day', MONTH_DAY),
  pattern('day', DAY_MONTH),
  pattern('month-year', `${MONTH_NAME},? (?:of )?${YEAR}`),
  pattern('year-range', `(?<![\\d$€£.,])${YEAR}${RANGE}${YEAR}`),
  pattern('year-range', `(?<=\\bbetween )${YEAR} and ${YEAR}`),
  pattern('weekday-range', `${WEEKDAY}${RANGE}${WEEKDAY}`),
  pattern('weekday-range', `(?<=\\bbetween )${WEEKDAY} and ${WEEKDAY}`),
  pattern('weekday', `(?:(?:[Ll]ate|[Ee]arly|[Ll]ast|[Nn]ext|[Tt]his) )?${WEEKDAY}(?: (?:morning|afternoon|evening|night))?`),
  pattern('season', `(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter),? (?:of )?${YEAR}`),
  pattern('decade', `(?<![\\d$])(?:1[89]|20)\\d0s\\b`),
  pattern(
    'relative',
    '\\b(?:(?:last|next|this|earlier this|later this|early next|late last|early last) (?:year|month|week|weekend|spring|summer|fall|autumn|winter|decade)|yesterday|tomorrow|(?:two|three|four|five|six|several|\\d+) (?:days|weeks|months|years) ago)\\b',
  ),
  // Round 38: a month's name runs into no letter ("by Mayor Lund" names no May).
  pattern('month', `(?<=\\b(?:in|since|by|until|from|through|during|last|next|this|of|before|after|throughout) )(?:(?:early|late|mid-) ?)?${MONTH_NAME}(?!\\p{L}| \\d)(?: of (?:last|this|next) year)?`),
  pattern('month', `\\b(?:[Ee]arly|[Ll]ate|[Mm]id-) ?${MONTH_NAME}(?!\\p{L}| \\d)`),
  // "October is National Magic Month": a month that opens a sentence.
  pattern('month', `^${MONTH_NAME}(?= (?:is|was|will|has|saw|brought|marks)\\b)`),
  // "a 2000 year old tradition" counts years; it is no date.
  pattern('year', `(?<![\\d$€£.,:-])${YEAR}(?!%| percent|,\\d|\\.\\d|[- ]years?\\b)`),
  pattern('time-range', `${CLOCK}\\s*(?:-|–|to|and|until)\\s*${CLOCK}`, 'time'),
  pattern('time', CLOCK, 'time'),
];

const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((month, i) => {
  MONTH_INDEX.set(month.toLowerCase(), i + 1);
  MONTH_INDEX.set(month.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_INDEX.set('sept', 9);

function monthNumber(word: string): number {
  return MONTH_INDEX.get(word.replace(/\.$/, '').toLowerCase()) ?? 0;
}

/** The first absolute date a span names, as yyyymmdd with zeros for what it leaves out. */
function sortKeyOf(shape: DateShape, text: string): { sortKey: number | null; year: number | null } {
  const yearMatch = new RegExp(YEAR, 'u').exec(text);
  const year = yearMatch === null ? null : Number(yearMatch[0]);
  if (shape === 'weekday' || shape === 'weekday-range' || shape === 'relative' || shape === 'time' || shape === 'time-range') {
    return { sortKey: null, year: null };
  }
  if (shape === 'decade') return { sortKey: Number(text.slice(0, 4)) * 10000, year: null };
  const monthMatch = new RegExp(MONTH_NAME, 'u').exec(text);
  const month = monthMatch === null ? 0 : monthNumber(monthMatch[0]);
  let day = 0;
  if (shape === 'day' || shape === 'day-range') {
    const withoutYear = text.replace(new RegExp(YEAR, 'gu'), '');
    const dayMatch = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(withoutYear);
    day = dayMatch === null ? 0 : Number(dayMatch[1]);
  }
  return { sortKey: (year ?? 0) * 10000 + month * 100 + day, year };
}

/** Every date and time in `text`, in order, not overlapping. */
/** What any date or time needs: a digit, or a month, day, season or relative word. */
const MAY_HOLD_DATE = new RegExp(`\\d|${MONTH_NAME}|${WEEKDAY}|spring|summer|fall|autumn|winter|last|next|this|yesterday|tomorrow|ago|noon|midnight`, 'iu');

export function findTemporals(text: string): TemporalSpan[] {
  const found: TemporalSpan[] = [];
  if (!MAY_HOLD_DATE.test(text)) return found;
  const open = gateTester(text);
  for (const { shape, type, regex, gate } of PATTERNS) {
    if (gate !== null && !open(gate)) continue;
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      const { sortKey, year } = sortKeyOf(shape, match[0]);
      found.push({ type, shape, start, end, text: match[0], sortKey, year });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: TemporalSpan[] = [];
  for (const span of found) {
    const last = kept[kept.length - 1];
    if (last !== undefined && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

/** The one day a text names, whole ("9th March 2011", "Mar. 9"), as its year (if named) and month * 100 + day; null for anything else. */
function dayOf(text: string): { year: number | null; monthDay: number } | null {
  const trimmed = text.trim();
  const spans = findTemporals(trimmed);
  const span = spans[0];
  if (spans.length !== 1 || span === undefined || span.shape !== 'day' || span.sortKey === null || span.start !== 0 || span.end !== trimmed.length) return null;
  const monthDay = span.sortKey % 10000;
  return monthDay % 100 === 0 ? null : { year: span.year, monthDay };
}

/** "March 9, 2011" and "9th March 2011": two ways of writing one day, so never two options of one question. */
export function sameDay(a: string, b: string): boolean {
  const one = dayOf(a);
  const other = dayOf(b);
  return one !== null && other !== null && one.monthDay === other.monthDay && (one.year === null || other.year === null || one.year === other.year);
}

// ---------------------------------------------------------------------------------------------------
// Variants: the same shape, other values.

const ABBREVIATED = new Map([
  [1, 'Jan.'], [2, 'Feb.'], [3, 'March'], [4, 'April'], [5, 'May'], [6, 'June'],
  [7, 'July'], [8, 'Aug.'], [9, 'Sept.'], [10, 'Oct.'], [11, 'Nov.'], [12, 'Dec.'],
]);

function monthName(month: number, abbreviated: boolean): string {
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return abbreviated ? (ABBREVIATED.get(m) ?? '') : (MONTHS[m - 1] ?? '');
}

const DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Replaces each month name in `text` by the one `shift` months on, in the text's style (abbreviated as
 * news style has it, when any month is), or null when a day would not exist in the new month.
 */
function shiftMonths(text: string, shift: number): string | null {
  const abbreviated = /\b(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\./.test(text);
  let ok = true;
  const out = text.replace(new RegExp(`${MONTH_NAME}(?: (\\d{1,2})\\b)?`, 'gu'), (all: string, day: string | undefined) => {
    const word = all.split(' ')[0] ?? all;
    const month = ((((monthNumber(word) + shift - 1) % 12) + 12) % 12) + 1;
    if (day !== undefined && Number(day) > (DAYS_IN[month - 1] ?? 28)) ok = false;
    return monthName(month, abbreviated) + (day === undefined ? '' : ` ${day}`);
  });
  return ok ? out : null;
}

/** Replaces the day numbers (not the years) in `text`, or null when one would leave 1..28. */
function shiftDays(text: string, shift: number): string | null {
  let ok = true;
  const out = text.replace(/\b(\d{1,2})(st|nd|rd|th)?\b(?!:)/g, (_all, day: string, suffix: string | undefined) => {
    const next = Number(day) + shift;
    if (next < 1 || next > 28) ok = false;
    return `${next}${suffix === undefined ? '' : ordinalSuffix(next)}`;
  });
  return ok ? out : null;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

export function shiftYears(text: string, shift: number): string {
  return text.replace(new RegExp(YEAR, 'gu'), (year) => String(Number(year) + shift));
}

function shiftWeekdays(text: string, shift: number): string {
  return text.replace(new RegExp(WEEKDAY, 'gu'), (day) => WEEKDAYS[(WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]) + shift + 7) % 7] ?? day);
}

function shiftClock(text: string, shift: number): string {
  return text.replace(/\b(\d{1,2})(:\d{2})? ?(a\.m\.|p\.m\.|am|pm|AM|PM)/g, (_all, hour: string, minutes: string | undefined, half: string) => {
    const pm = half.toLowerCase().startsWith('p');
    const h24 = ((Number(hour) % 12) + (pm ? 12 : 0) + shift + 24) % 24;
    const nextPm = h24 >= 12;
    const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
    const nextHalf = half.includes('.') ? (nextPm ? 'p.m.' : 'a.m.') : half === half.toUpperCase() ? (nextPm ? 'PM' : 'AM') : nextPm ? 'pm' : 'am';
    const space = /\d [ap]/i.test(_all) ? ' ' : '';
    return `${h12}${minutes ?? ''}${space}${nextHalf}`;
  });
}

/** The day of the week of a date, 0 for Monday (as WEEKDAYS has them). Pure: no clock is read. */
export function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/**
 * A shifted date keeps its day of the week true: "Tuesday, April 1, 2025" moved on three days is "Friday,
 * April 4, 2025". With a year the weekday is worked out from the date; without one it moves with the days
 * (`shift`), and a shift it cannot follow (a month on) gives no variant.
 */
function withWeekday(text: string | null, shift: number | null): string | null {
  if (text === null || !new RegExp(WEEKDAY, 'u').test(text)) return text;
  const weekdays = text.match(new RegExp(WEEKDAY, 'gu')) ?? [];
  const year = new RegExp(YEAR, 'u').exec(text);
  const date = new RegExp(`${MONTH_NAME} (\\d{1,2})`, 'u').exec(text);
  if (weekdays.length === 1 && year !== null && date !== null) {
    const weekday = WEEKDAYS[weekdayOf(Number(year[0]), monthNumber(date[0].split(' ')[0] ?? ''), Number(date[1]))] ?? '';
    return text.replace(new RegExp(WEEKDAY, 'u'), weekday);
  }
  if (shift === null) return null;
  return shiftWeekdays(text, ((shift % 7) + 7) % 7);
}

const SEASONS = ['spring', 'summer', 'fall', 'winter'];

/**
 * Up to `count` other dates of the same shape as `span`, different from it and from each other. Which
 * shifts are tried first depends on `pick` (a seeded choice), so two seeds can give different variants.
 */
export function temporalVariants(span: Pick<TemporalSpan, 'shape' | 'text'>, count: number, pick: (n: number) => number): string[] {
  const text = span.text;
  const candidates: (string | null)[] = [];
  switch (span.shape) {
    case 'day':
    case 'day-range':
      for (const shift of [7, -7, 3, -4, 14, -10]) candidates.push(withWeekday(shiftDays(text, shift), shift));
      candidates.push(withWeekday(shiftMonths(text, 1), null), withWeekday(shiftMonths(text, -1), null));
      break;
    case 'month':
    case 'month-year':
      candidates.push(shiftMonths(text, 1), shiftMonths(text, -2), shiftMonths(text, 3), shiftMonths(text, -1));
      if (span.shape === 'month-year') candidates.push(shiftYears(text, 1), shiftYears(text, -1));
      break;
    case 'year':
    case 'year-range':
    case 'decade':
      for (const shift of span.shape === 'decade' ? [10, -10, 20, -20] : [1, -1, 2, -2, 3]) {
        candidates.push(span.shape === 'decade' ? text.replace(/\d{4}/, (y) => String(Number(y) + shift)) : shiftYears(text, shift));
      }
      break;
    case 'weekday':
    case 'weekday-range':
      for (const shift of [1, -1, 2, -2, 3]) candidates.push(shiftWeekdays(text, shift));
      break;
    case 'season': {
      const season = SEASONS.findIndex((s) => text.toLowerCase().startsWith(s) || (s === 'fall' && text.toLowerCase().startsWith('autumn')));
      for (const shift of [1, 2, 3]) {
        const next = SEASONS[(season + shift) % 4] ?? 'spring';
        candidates.push(text.replace(/^\p{L}+/u, (word) => (word.charAt(0) === word.charAt(0).toUpperCase() ? next.charAt(0).toUpperCase() + next.slice(1) : next)));
      }
      candidates.push(shiftYears(text, 1));
      break;
    }
    case 'time':
    case 'time-range':
      for (const shift of [2, -2, 3, -1, 4]) candidates.push(shiftClock(text, shift));
      break;
    case 'relative':
      break;
  }
  const unique = [...new Set(candidates.filter((c): c is string => c !== null && c !== text))];
  // Keep the order stable but start at a seeded place, so seeds vary the picks.
  const startAt = unique.length === 0 ? 0 : pick(Math.min(unique.length, 3));
  const rotated = [...unique.slice(startAt), ...unique.slice(0, startAt)];
  return rotated.slice(0, count);
}

/** The patterns and their gates, for the test that holds each gate to be needed by its pattern. */
export const DATE_PATTERNS: readonly { regex: RegExp; gates: readonly RegExp[] }[] = PATTERNS.map(({ regex, gate }) => ({ regex, gates: gate === null ? [] : [gate] }));
