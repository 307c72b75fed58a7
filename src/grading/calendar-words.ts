// Names of months and weekdays: their usual abbreviations, and which words name a date at all
// (a date answered with another month or weekday is a different date, never a typo).

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['jan', 'january'], ['feb', 'february'], ['mar', 'march'], ['apr', 'april'], ['jun', 'june'],
  ['jul', 'july'], ['aug', 'august'], ['sep', 'september'], ['sept', 'september'], ['oct', 'october'],
  ['nov', 'november'], ['dec', 'december'],
  ['mon', 'monday'], ['tue', 'tuesday'], ['tues', 'tuesday'], ['wed', 'wednesday'], ['weds', 'wednesday'],
  ['thu', 'thursday'], ['thur', 'thursday'], ['thurs', 'thursday'], ['fri', 'friday'], ['sat', 'saturday'],
  ['sun', 'sunday'],
]);

const MONTH_SET: ReadonlySet<string> = new Set(MONTHS);
const CALENDAR_SET: ReadonlySet<string> = new Set([...MONTHS, ...WEEKDAYS]);

/** The full name for an abbreviated month or weekday ("sept" -> "september"); other words unchanged. */
export function expandCalendarAbbreviation(token: string): string {
  return ABBREVIATIONS.get(token) ?? token;
}

/** True for a lower-case full month name. */
export function isMonth(token: string): boolean {
  return MONTH_SET.has(token);
}

/** True for a lower-case full month or weekday name. */
export function isCalendarWord(token: string): boolean {
  return CALENDAR_SET.has(token);
}
