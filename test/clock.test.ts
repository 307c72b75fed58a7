import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock, isoString, isoTime, parseStartTime } from '../src/clock.js';
import { UsageError } from '../src/errors.js';

describe('FACTDECK_NOW', () => {
  it.each([
    ['2026-06-01T09:00:00Z', Date.UTC(2026, 5, 1, 9)],
    ['2026-06-01T09:00:00.123Z', Date.UTC(2026, 5, 1, 9, 0, 0, 123)],
    ['2026-06-01T11:00+02:00', Date.UTC(2026, 5, 1, 9)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['1970-01-01T00:00:00Z', 0],
    ['9999-12-30T12:00:00Z', Date.UTC(9999, 11, 30, 12)],
  ])('takes %s', (text, time) => {
    expect(parseStartTime(text)).toEqual({ ok: true, time });
  });

  it('takes a date, or a time without a zone, as local time (as Date.parse does)', () => {
    expect(parseStartTime('2026-06-01')).toEqual({ ok: true, time: Date.parse('2026-06-01') });
    expect(parseStartTime('2026-06-01T09:00')).toEqual({ ok: true, time: new Date(2026, 5, 1, 9).getTime() });
  });

  it.each([
    ['0999-06-01T12:00:00Z', 'it is outside the years 1970 to 9999'],
    ['1000-01-01T02:00Z', 'it is outside the years 1970 to 9999'],
    ['0001-01-01T00:00:00Z', 'it is outside the years 1970 to 9999'],
    ['9999-12-31T23:00:00Z', 'it is outside the years 1970 to 9999'],
    ['+275760-09-13T00:00:00Z', 'it is not an ISO date or time'],
    ['-000001-01-01T00:00:00Z', 'it is not an ISO date or time'],
    ['2024-02-30', '2024-02-30 is not a day of the calendar'],
    ['2023-02-29T10:00:00Z', '2023-02-29 is not a day of the calendar'],
    ['2024-13-01T10:00:00Z', '2024-13-01 is not a day of the calendar'],
    ['2024-06-01T24:00:00Z', 'the time of day is not a time'],
    ['2024-06-01T10:60:00Z', 'the time of day is not a time'],
    ['March 7', 'it is not an ISO date or time'],
    ['1717232400000', 'it is not an ISO date or time'],
  ])('refuses %s: %s', (text, why) => {
    expect(parseStartTime(text)).toEqual({ ok: false, why });
  });

  it('is a usage error naming the value and what to do', () => {
    let error: unknown;
    try {
      createClock({ FACTDECK_NOW: '0999-06-01T12:00:00Z' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'FACTDECK_NOW="0999-06-01T12:00:00Z" cannot be used: it is outside the years 1970 to 9999', hint: 'use an ISO time between the years 1970 and 9999, such as 2026-06-01T09:00:00Z, or unset it' });
  });

  it('runs on from the time it names', () => {
    let real = 1_000;
    const clock = createClock({ FACTDECK_NOW: '2026-06-01T09:00:00Z' }, () => real);
    real += 5_000;
    expect(clock().toISOString()).toBe('2026-06-01T09:00:05.000Z');
  });
});

describe('isoTime', () => {
  it('is Date.parse for every time toISOString writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (time) => {
        const text = new Date(time).toISOString();
        expect(isoTime(text)).toBe(time);
        expect(isoTime(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('is Date.parse for text of the same length that is not such a time, or is at its edges', () => {
    // A time as toISOString writes it with one character changed: most are still of the form, some not.
    const changed = fc
      .tuple(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), fc.nat({ max: 23 }), fc.constantFrom(...'0123456789-:.TZ+ '))
      .map(([time, at, char]) => {
        const text = new Date(time).toISOString();
        return `${text.slice(0, at)}${char}${text.slice(at + 1)}`;
      });
    fc.assert(
      fc.property(changed, (text) => {
        expect(Object.is(isoTime(text), Date.parse(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    for (const text of ['2021-02-30T00:00:00.000Z', '2021-01-01T24:00:00.000Z', '2021-01-00T10:00:00.000Z', '0050-01-01T00:00:00.000Z', '2021-13-01T00:00:00.000Z', '2021-01-01T23:59:60.000Z', '2021-01-01T10:00:00.000+', '2021-01-01 10:00:00.000Z', '2021-01-01T10:00:00Z']) {
      expect(Object.is(isoTime(text), Date.parse(text)), text).toBe(true);
    }
  });
});

describe('isoString', () => {
  it('is what toISOString gives, for any whole ms from 1970 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(isoString(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['the epoch', 0],
    ['a leap day', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
    ['the day after a leap day', Date.UTC(2024, 2, 1)],
    ['1900 is no leap year: 2100 neither', Date.UTC(2100, 1, 28, 12)],
    ['2000 is one', Date.UTC(2000, 1, 29, 1, 2, 3, 4)],
    ['a new year', Date.UTC(2027, 0, 1)],
    ['the last ms before 10000', 253_402_300_799_999],
  ])('%s', (_name, ms) => {
    expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });

  it('leaves other times to toISOString: before 1970, from 10000 on, fractions of a ms; throws as it does for no time', () => {
    for (const ms of [-1, -62_198_755_200_000, 253_402_300_800_000, 8.64e15, 1_700_000_000_000.5]) expect(isoString(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoString(Number.NaN)).toThrow(RangeError);
  });
});
