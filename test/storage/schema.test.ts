import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/bank/json-location.js';
import { DB_SCHEMA_VERSION, emptyDatabase, parseDatabase, validateDatabase } from '../../src/storage/schema.js';
import { aDatabase, aSession, anAlias, anAttempt } from '../helpers/store-records.js';

const valid = aDatabase({ attempts: [anAttempt()], sessions: [aSession()], aliases: [anAlias()] });
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe('parseDatabase', () => {
  it('accepts a valid database as it is', () => {
    expect(parseDatabase(text(valid))).toEqual({ ok: true, data: valid, migrated: false });
  });

  it('accepts an empty database and a byte-order mark', () => {
    expect(parseDatabase(`\uFEFF${text(emptyDatabase())}`)).toEqual({ ok: true, data: emptyDatabase(), migrated: false });
  });

  it.each([
    ['an empty file', '', 'empty file'],
    ['only NUL bytes', '\0'.repeat(64), 'the file holds only zero bytes (a crash or power loss during a save can do this)'],
    ['truncated JSON', '{\n  "schemaVersion": 1,\n  "attempts": [\n    {"id": "a', 'invalid JSON at line 4, column 14: the text ends too soon (was the file cut short?)'],
    ['a missing comma', '{\n  "schemaVersion": 1\n  "attempts": []\n}', 'invalid JSON at line 3, column 3: unexpected "\\"", expected "," or "}"'],
    ['a stray word', '{"schemaVersion": tru}', 'invalid JSON at line 1, column 19: unexpected "tru", expected a value'],
    ['a word cut short at the end', '{"schemaVersion": 1, "x": fal', 'invalid JSON at line 1, column 30: the text ends too soon (was the file cut short?)'],
    ['junk after the data', '{}\n\nxyz', 'invalid JSON at line 3, column 1: unexpected "x" after the end of the data'],
    ['a control character in a string', '{"a": "b\u0007"}', 'invalid JSON at line 1, column 9: unexpected control character U+0007 inside a string'],
    ['a list at the top', '[]', 'the top level must be an object, not a list'],
    ['no attempts list', text({ schemaVersion: 1, sessions: [], aliases: [] }), 'attempts is missing (it must be a list)'],
    ['a bad schemaVersion', text({ ...valid, schemaVersion: '1' }), 'schemaVersion must be a whole number, not "1"'],
  ])('reports %s', (_name, input, problem) => {
    expect(parseDatabase(input)).toEqual({ ok: false, problem });
  });

  it.each([
    ['attempts[0].correct', { attempts: [anAttempt({ correct: 'yes' as unknown as boolean })] }, 'attempts[0].correct must be a boolean, not the string "yes"'],
    ['a missing field', { attempts: [anAttempt(), { ...anAttempt(), id: undefined }] }, 'attempts[1].id must be a string, not missing'],
    ['given', { attempts: [anAttempt({ given: ['a', 3] as unknown as string[] })] }, 'attempts[0].given[1] must be a string, not 3'],
    ['a time', { attempts: [anAttempt({ at: 'March 7' })] }, 'attempts[0].at must be an ISO time, not the string "March 7"'],
    ['ms', { attempts: [anAttempt({ ms: -1 })] }, 'attempts[0].ms must be a whole number, 0 or more, not -1'],
    ['a session mode', { sessions: [aSession({ mode: 'exam' as 'quiz' })] }, 'sessions[0].mode must be one of "quiz", "review", not the string "exam"'],
    ['endedAt', { sessions: [aSession({ endedAt: 5 as unknown as string })] }, 'sessions[0].endedAt must be an ISO time or null, not 5'],
    ['an alias that is not an object', { aliases: [null] }, 'aliases[0] must be an object, not null'],
  ])('reports the JSON path of a wrong shape: %s', (_name, overrides, problem) => {
    expect(parseDatabase(text(aDatabase(overrides as object)))).toEqual({ ok: false, problem });
  });

  it('lists the first five problems and counts the rest', () => {
    const attempts = Array.from({ length: 7 }, (_, i) => anAttempt({ id: `a${i}`, correct: null as unknown as boolean }));
    const result = parseDatabase(text(aDatabase({ attempts })));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/^attempts\[0\]\.correct must be a boolean, not null; .*attempts\[4\]\.correct .*; and 2 more problems$/);
  });

  it('refuses a newer schemaVersion, telling the user to upgrade', () => {
    const result = parseDatabase(text({ ...valid, schemaVersion: DB_SCHEMA_VERSION + 1 }));
    expect(result).toEqual({
      ok: false,
      newer: true,
      problem: expect.stringContaining(`newer factdeck (database version ${DB_SCHEMA_VERSION + 1}; this factdeck reads up to version ${DB_SCHEMA_VERSION}). Upgrade factdeck`),
    });
  });

  it('migrates version 0 (no schemaVersion) to the current version', () => {
    const { schemaVersion: _dropped, ...version0 } = valid;
    expect(parseDatabase(text(version0))).toEqual({ ok: true, data: valid, migrated: true });
  });

  it('migrates version 1 (before spaced repetition) by adding empty cards, reviews and profiles', () => {
    const { cards: _c, reviews: _r, profiles: _p, ...version1 } = valid;
    expect(parseDatabase(text({ ...version1, schemaVersion: 1 }))).toEqual({ ok: true, data: valid, migrated: true });
  });

  it('does not migrate a version 0 file whose records are wrong', () => {
    expect(parseDatabase(text({ attempts: [{}], sessions: [], aliases: [] }))).toMatchObject({ ok: false, problem: expect.stringMatching(/^attempts\[0\]\.id must be a string/) });
  });

  it('keeps "__proto__" and "constructor" as plain string values', () => {
    const tricky = aDatabase({
      attempts: [anAttempt({ id: '__proto__', profile: 'constructor', questionId: 'prototype' })],
      aliases: [anAlias({ profile: '__proto__', text: 'constructor' })],
    });
    const result = parseDatabase(text(tricky));
    expect(result).toEqual({ ok: true, data: tricky, migrated: false });
  });

  it('does not pollute Object.prototype from a "__proto__" key', () => {
    const hostile = `{"__proto__": {"polluted": true}, "schemaVersion": 1, "attempts": [{"__proto__": {"polluted": true}, ${text(anAttempt()).trim().slice(1)}], "sessions": [], "aliases": []}`;
    const result = parseDatabase(hostile);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(result.data.attempts[0]?.correct).toBe(true);
    expect(Object.getPrototypeOf(result.data.attempts[0])).toBe(Object.prototype);
  });
});

describe('validateDatabase', () => {
  it('finds nothing wrong with a valid database and every problem in a bad one', () => {
    expect(validateDatabase(valid)).toEqual([]);
    expect(validateDatabase({ ...valid, schemaVersion: 0, sessions: [aSession({ planned: 1.5 })] })).toEqual([
      `schemaVersion must be ${DB_SCHEMA_VERSION}, not 0`,
      'sessions[0].planned must be a whole number, 0 or more, not 1.5',
    ]);
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{}', null],
    ['{"a": [1, 2,]}', { line: 1, column: 13, reason: 'unexpected "]", expected a value' }],
    ['{\r\n"a": nul}', { line: 2, column: 6, reason: 'unexpected "nul", expected a value' }],
    ['\u0000\u0000', { line: 1, column: 1, reason: 'unexpected "\\u0000\\u0000", expected a value' }],
    ['"\\x"', { line: 1, column: 3, reason: 'bad escape in a string' }],
    ['-', { line: 1, column: 1, reason: 'unexpected "-"' }],
    ['x'.repeat(30), { line: 1, column: 1, reason: `unexpected "${'x'.repeat(20)}", expected a value` }],
  ])('%j', (input, expected) => {
    expect(locateJsonError(input)).toEqual(expected);
  });
});
