// The program's clock. FACTDECK_NOW (an ISO time) sets where it starts, for demos and tests of
// scheduling; time then runs on from it. Everything that needs "now" gets it from here.
//
// FACTDECK_NOW is checked here, at the edge, as strictly as the database checks the times it stores: an
// ISO date or time that exists on the calendar (no 30 February rolled over into March), in the years
// 1970 to 9999. Outside them a time cannot be stored as YYYY-MM-DD, and one answer saved with it would
// stop every later run.

import { UsageError } from './errors.js';

export type Clock = () => Date;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;
const EARLIEST = Date.UTC(1970, 0, 1);
/** A day short of the year 10000: a time zone or a late day start must not push a study day past it. */
const LATEST = Date.UTC(9999, 11, 30, 23, 59, 59, 999);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The time FACTDECK_NOW names, or why it names none. */
export function parseStartTime(text: string): { ok: true; time: number } | { ok: false; why: string } {
  const match = ISO.exec(text.trim());
  if (match === null) return { ok: false, why: 'it is not an ISO date or time' };
  const part = (i: number): number => Number(match[i] ?? 0);
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 8, 9].map(part) as [number, number, number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { ok: false, why: `${match[1]}-${match[2]}-${match[3]} is not a day of the calendar` };
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return { ok: false, why: 'the time of day is not a time' };
  const time = Date.parse(text.trim());
  if (Number.isNaN(time)) return { ok: false, why: 'it is not an ISO date or time' };
  if (time < EARLIEST || time > LATEST) return { ok: false, why: 'it is outside the years 1970 to 9999' };
  return { ok: true, time };
}

export function createClock(env: Record<string, string | undefined>, realNow: () => number = Date.now): Clock {
  const fixed = env.FACTDECK_NOW;
  if (fixed === undefined || fixed.trim() === '') return () => new Date(realNow());
  const start = parseStartTime(fixed);
  if (!start.ok) {
    throw new UsageError(`FACTDECK_NOW=${JSON.stringify(fixed)} cannot be used: ${start.why}`, 'use an ISO time between the years 1970 and 9999, such as 2026-06-01T09:00:00Z, or unset it');
  }
  const realStart = realNow();
  return () => new Date(start.time + (realNow() - realStart));
}

/**
 * `Date.parse` of a time, read directly when it has the form `toISOString()` gives (what the program
 * stores): Date.parse costs microseconds, and an export or import reads hundreds of thousands of times.
 * Any other text goes to Date.parse, so the result is always Date.parse's.
 */
export function isoTime(text: string): number {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */) return Date.parse(text);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  for (let i = 0; i < 23; i++) {
    const code = text.charCodeAt(i);
    const separator = ISO_SEPARATORS[i];
    if (separator !== undefined) {
      if (code !== separator) return Date.parse(text);
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9) return Date.parse(text);
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else if (i < 10) day = day * 10 + digit;
    else if (i < 13) hour = hour * 10 + digit;
    else if (i < 16) minute = minute * 10 + digit;
    else if (i < 19) second = second * 10 + digit;
    else ms = ms * 10 + digit;
  }
  // Outside these, Date.parse has rules of its own (years below 100, 24:00, day 0): it decides.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return Date.parse(text);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** The separators of `YYYY-MM-DDTHH:MM:SS.sssZ` by position. */
const ISO_SEPARATORS: Readonly<Record<number, number>> = { 4: 45, 7: 45, 10: 84, 13: 58, 16: 58, 19: 46 };

/**
 * `new Date(ms).toISOString()`, worked out without a Date: toISOString costs most of a microsecond, and a
 * rating saves four such times (an import of years of reviews, hundreds of thousands). Whole ms in the
 * years 1970 to 9999 (every time the program stores); anything else goes to toISOString, which decides
 * (and throws for a time that is not one).
 */
export function isoString(ms: number): string {
  if (!(ms >= 0 && ms < YEAR_10000) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  // The civil date of a count of days since 1970-01-01, in eras of 400 years that start on 1 March
  // (Howard Hinnant's "days_from_civil" turned around).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  // One flat string from its character codes: a template would join a dozen pieces (each a heap object
  // until the string is first read), and an import keeps hundreds of thousands of these alive a while.
  return String.fromCharCode(
    ZERO + Math.floor(year / 1000),
    ZERO + (Math.floor(year / 100) % 10),
    ZERO + (Math.floor(year / 10) % 10),
    ZERO + (year % 10),
    45,
    ZERO + Math.floor(month / 10),
    ZERO + (month % 10),
    45,
    ZERO + Math.floor(day / 10),
    ZERO + (day % 10),
    84,
    ZERO + Math.floor(hour / 10),
    ZERO + (hour % 10),
    58,
    ZERO + Math.floor(minute / 10),
    ZERO + (minute % 10),
    58,
    ZERO + Math.floor(second / 10),
    ZERO + (second % 10),
    46,
    ZERO + Math.floor(milli / 100),
    ZERO + (Math.floor(milli / 10) % 10),
    ZERO + (milli % 10),
    90,
  );
}

/** The character code of the digit 0. */
const ZERO = 48;

const DAY = 86_400_000;
/** 10000-01-01T00:00:00.000Z. */
const YEAR_10000 = 253_402_300_800_000;
