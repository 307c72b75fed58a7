import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/bank/json-location.js';
import { studyDay } from '../../src/scheduling/study-day.js';
import type { HistoryEvent } from '../../src/storage/history.js';
import { createHash } from 'node:crypto';
import { DB_SCHEMA_VERSION, type DatabaseData, emptyDatabase, isIsoTime, parseDatabase, serializeDatabase, thisWriter, validateDatabase, validateEvent, eventProblems } from '../../src/storage/schema.js';
import {
  DECK,
  aCard,
  aDatabase,
  aDayTally,
  aFactProgress,
  aKindTally,
  aProfile,
  aSession,
  aVersion2Database,
  anAlias,
  anAttempt,
  attemptEvent,
  claimEvent,
  resetEvent,
  reviewEvent,
  sessionEvent,
} from '../helpers/store-records.js';

const valid = aDatabase({
  logBytes: 1234,
  sessions: [aSession()],
  aliases: [anAlias()],
  cards: [aCard()],
  facts: [aFactProgress()],
  kinds: [aKindTally()],
  days: [aDayTally()],
  profiles: [aProfile()],
});
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe('parseDatabase', () => {
  it('accepts a valid database as it is, with no history to move', () => {
    expect(parseDatabase(text(valid))).toEqual({ ok: true, data: valid, migrated: false, history: [], trusted: false });
  });

  it('accepts an empty database and a byte-order mark', () => {
    expect(parseDatabase(`\uFEFF${text(emptyDatabase())}`)).toEqual({ ok: true, data: emptyDatabase(), migrated: false, history: [], trusted: false });
  });

  it.each([
    ['an empty file', '', 'empty file'],
    ['only NUL bytes', '\0'.repeat(64), 'the file holds only zero bytes (a crash or power loss during a save can do this)'],
    ['truncated JSON', '{\n  "schemaVersion": 3,\n  "facts": [\n    {"profile": "a', 'invalid JSON at line 4, column 19: the text ends too soon (was the file cut short?)'],
    ['a missing comma', '{\n  "schemaVersion": 3\n  "facts": []\n}', 'invalid JSON at line 3, column 3: unexpected "\\"", expected "," or "}"'],
    ['a stray word', '{"schemaVersion": tru}', 'invalid JSON at line 1, column 19: unexpected "tru", expected a value'],
    ['junk after the data', '{}\n\nxyz', 'invalid JSON at line 3, column 1: unexpected "x" after the end of the data'],
    ['a control character in a string', '{"a": "b\u0007"}', 'invalid JSON at line 1, column 9: unexpected control character U+0007 inside a string'],
    ['a list at the top', '[]', 'the top level must be an object, not a list'],
    ['a bad schemaVersion', text({ ...valid, schemaVersion: '3' }), 'schemaVersion must be a whole number, not "3"'],
    ['no facts list', text({ ...valid, facts: undefined }), 'facts is missing (it must be a list)'],
    ['kinds that are no list', text({ ...valid, kinds: {} }), 'kinds must be a list, not an object'],
    ['a negative logBytes', text({ ...valid, logBytes: -1 }), 'logBytes must be a whole number, 0 or more, not -1'],
    ['no logBytes', text({ ...valid, logBytes: undefined }), 'logBytes must be a whole number, 0 or more, not undefined'],
  ])('reports %s', (_name, input, problem) => {
    expect(parseDatabase(input)).toEqual({ ok: false, problem });
  });

  it.each<[string, Partial<Record<keyof DatabaseData, unknown[]>>, string]>([
    ['a fact count', { facts: [aFactProgress(), aFactProgress({ attempts: 1.5 })] }, 'facts[1].attempts must be a whole number, 0 or more, not 1.5'],
    ['lastCorrect', { facts: [aFactProgress({ lastCorrect: 'yes' as unknown as boolean })] }, 'facts[0].lastCorrect must be a boolean, not the string "yes"'],
    ['a missing field', { facts: [{ ...aFactProgress(), lastAttemptId: undefined }] }, 'facts[0].lastAttemptId must be a string, not missing'],
    ['a time', { facts: [aFactProgress({ lastAt: 'March 7' })] }, 'facts[0].lastAt must be an ISO time, not the string "March 7"'],
    ['a card state', { cards: [aCard({ state: 'forgotten' as 'new' })] }, 'cards[0].state must be one of "new", "learning", "review", "relearning", not the string "forgotten"'],
    ['a card without firstSeen', { cards: [{ ...aCard(), firstSeen: undefined }] }, 'cards[0].firstSeen must be an ISO time, not missing'],
    ['a day', { days: [aDayTally({ day: '2024-6-1' })] }, 'days[0].day must be a date YYYY-MM-DD, not the string "2024-6-1"'],
    ['a kind tally', { kinds: [aKindTally({ correct: -1 })] }, 'kinds[0].correct must be a whole number, 0 or more, not -1'],
    ['a profile', { profiles: [aProfile({ desiredRetention: Number.NaN })] }, 'profiles[0].desiredRetention must be a number, not null'],
    ['a session mode', { sessions: [aSession({ mode: 'exam' as 'quiz' })] }, 'sessions[0].mode must be one of "quiz", "review", not the string "exam"'],
    ['endedAt', { sessions: [aSession({ endedAt: 5 as unknown as string })] }, 'sessions[0].endedAt must be an ISO time or null, not 5'],
    ['an alias that is not an object', { aliases: [null] }, 'aliases[0] must be an object, not null'],
  ])('reports the JSON path of a wrong shape: %s', (_name, overrides, problem) => {
    expect(parseDatabase(text(aDatabase(overrides as Partial<DatabaseData>)))).toEqual({ ok: false, problem });
  });

  it('lists the first five problems and counts the rest', () => {
    const facts = Array.from({ length: 7 }, (_, i) => aFactProgress({ factId: `f${i}`, lastCorrect: null as unknown as boolean }));
    const result = parseDatabase(text(aDatabase({ facts })));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/^facts\[0\]\.lastCorrect must be a boolean, not null; .*facts\[4\]\.lastCorrect .*; and 2 more problems$/);
  });

  it('refuses a newer schemaVersion, telling the user to upgrade', () => {
    const result = parseDatabase(text({ ...valid, schemaVersion: DB_SCHEMA_VERSION + 1 }));
    expect(result).toEqual({
      ok: false,
      newer: true,
      problem: expect.stringContaining(`newer factdeck (database version ${DB_SCHEMA_VERSION + 1}; this factdeck reads up to version ${DB_SCHEMA_VERSION}). Upgrade factdeck`),
    });
  });

  it('keeps "__proto__" and "constructor" as plain string values', () => {
    const tricky = aDatabase({
      facts: [aFactProgress({ profile: '__proto__', deckId: 'constructor', factId: '__proto__', lastQuestionId: 'prototype' })],
      cards: [aCard({ profile: 'constructor', factId: '__proto__' })],
      aliases: [anAlias({ profile: '__proto__', text: 'constructor' })],
      profiles: [aProfile({ name: '__proto__' })],
    });
    expect(parseDatabase(text(tricky))).toEqual({ ok: true, data: tricky, migrated: false, history: [], trusted: false });
  });

  it('does not pollute Object.prototype from a "__proto__" key', () => {
    const fact = text(aFactProgress()).trim().slice(1);
    const hostile = `{"__proto__": {"polluted": true}, "schemaVersion": 3, "logBytes": 0, "facts": [{"__proto__": {"polluted": true}, ${fact}], "sessions": [], "aliases": [], "cards": [], "kinds": [], "days": [], "profiles": []}`;
    const result = parseDatabase(hostile);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(result.data.facts[0]?.attempts).toBe(1);
    expect(Object.getPrototypeOf(result.data.facts[0])).toBe(Object.prototype);
  });
});

/** A database file as factdecks before this one wrote it (two-space indentation), led by its checksum. */
function writtenBy(writer: string, data: unknown): string {
  const body = `${JSON.stringify({ writtenBy: writer, ...(data as object) }, null, 2)}\n`;
  return `{\n  "checksum": "sha256:${createHash('sha256').update(body).digest('hex')}",\n${body.slice(2)}`;
}

/** The tables of a version 5 file: their field names in order (optional ones last). */
const TABLE_FIELDS: Record<string, string[]> = {
  cards: ['profile', 'deckId', 'factId', 'firstSeen', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview', 'firstSource'],
  facts: ['profile', 'deckId', 'factId', 'attempts', 'correct', 'lastCorrect', 'lastAt', 'lastKind', 'lastQuestionId', 'lastAttemptId'],
  kinds: ['profile', 'deckId', 'kind', 'attempts', 'correct'],
  days: ['profile', 'deckId', 'day', 'answers', 'studied', 'reviewed', 'recalled'],
};

/**
 * A database file as this factdeck writes it: a line per top-level field, a line per record of a list,
 * and each deck's large lists in its section of "decks" (last), as tables (their field names, then a row
 * of values per record on a line).
 */
function writtenNow(writer: string, data: DatabaseData): string {
  const { cards, facts, kinds, days, ...rest } = data;
  const lists: Record<string, { deckId: string }[]> = { cards, facts, kinds, days };
  const fields = Object.entries({ writtenBy: writer, ...rest }).map(([name, value]) =>
    Array.isArray(value) && value.length > 0 ? `  "${name}": [\n${value.map((record) => `    ${JSON.stringify(record)}`).join(',\n')}\n  ]` : `  "${name}": ${JSON.stringify(value)}`,
  );
  const deckIds = [...new Set(Object.values(lists).flatMap((list) => list.map((record) => record.deckId)))].sort();
  const sections = deckIds.map((deckId) => {
    const tables = Object.entries(TABLE_FIELDS).map(([name, table]) => {
      const rows = (lists[name] ?? []).filter((record) => record.deckId === deckId).map((record) => table.filter((field) => field in record).map((field) => (record as unknown as Record<string, unknown>)[field]));
      return rows.length === 0 ? `      "${name}": []` : `      "${name}": {"fields": ${JSON.stringify(table)}, "rows": [\n${rows.map((row) => `        ${JSON.stringify(row)}`).join(',\n')}\n      ]}`;
    });
    return `    {"deckId": ${JSON.stringify(deckId)},\n${tables.join(',\n')}}`;
  });
  fields.push(sections.length === 0 ? '  "decks": []' : `  "decks": [\n${sections.join(',\n')}\n  ]`);
  const body = `{\n${fields.join(',\n')}\n}\n`;
  return `{\n  "checksum": "sha256:${createHash('sha256').update(body).digest('hex')}",\n${body.slice(2)}`;
}

describe('parseDatabase of a file this build wrote', () => {
  // Data no store would write (validateDatabase refuses it before every checkpoint): it shows which files
  // are validated in full on reading and which are trusted.
  const invalid = aDatabase({ facts: [aFactProgress({ attempts: -1 })] });
  const problem = validateDatabase(invalid)[0] ?? '';

  it('names its writer, whose name is no part of the data read back', () => {
    const file = serializeDatabase(valid);
    expect(file.split('\n')[2]).toBe(`  "writtenBy": ${JSON.stringify(thisWriter())},`);
    expect(thisWriter()).toMatch(/^factdeck [0-9a-f]{16}$/);
    expect(parseDatabase(file)).toEqual({ ok: true, data: valid, migrated: false, history: [], trusted: true });
    expect(file).toBe(writtenNow(thisWriter(), valid));
    expect(file.split('\n').filter((line) => line.includes('"factId"'))).toHaveLength(valid.facts.length + valid.cards.length);
  });

  it('reads a file in the layout earlier factdecks wrote (two-space indentation), its checksum matching', () => {
    expect(writtenBy(thisWriter(), valid)).not.toBe(serializeDatabase(valid));
    expect(parseDatabase(writtenBy(thisWriter(), valid))).toEqual({ ok: true, data: valid, migrated: false, history: [], trusted: true });
    // Re-laid out by an editor either way, the data's checksum still holds.
    const relaid = (file: string): string => {
      const { checksum, ...rest } = JSON.parse(file) as Record<string, unknown>;
      return JSON.stringify({ checksum, ...rest }, null, 4).replace(/\n/g, '\r\n');
    };
    expect(parseDatabase(relaid(serializeDatabase(valid)))).toMatchObject({ ok: true });
    expect(parseDatabase(relaid(writtenBy(thisWriter(), valid)))).toMatchObject({ ok: true });
    expect(parseDatabase(relaid(serializeDatabase(valid)).replace('"planned": 10', '"planned": 17'))).toMatchObject({ ok: false, problem: expect.stringContaining('checksum does not match') as unknown });
  });

  it('is not validated again when its checksum matches: it was validated before it was written', () => {
    expect(problem).toMatch(/facts\[0\]\.attempts/);
    expect(parseDatabase(writtenBy(thisWriter(), invalid))).toMatchObject({ ok: true, trusted: true });
  });

  it('is validated in full when written by another build, without a checksum, at another version, or when asked (doctor)', () => {
    const refused = { ok: false, problem: expect.stringContaining(problem) as unknown };
    expect(parseDatabase(writtenBy('factdeck 0000000000000000', invalid))).toMatchObject(refused);
    expect(parseDatabase(writtenBy(thisWriter(), invalid).split('\n').filter((line) => !line.includes('"checksum"')).join('\n'))).toMatchObject(refused);
    expect(parseDatabase(`${JSON.stringify(invalid, null, 2)}\n`)).toMatchObject(refused);
    expect(parseDatabase(writtenBy(thisWriter(), invalid), { full: true })).toMatchObject(refused);
    // An older version's file is migrated, then validated.
    expect(parseDatabase(writtenBy(thisWriter(), { ...invalid, schemaVersion: 3, suspended: undefined }))).toMatchObject(refused);
  });

  it('fails its checksum when a byte changes, as any file does', () => {
    const file = writtenBy(thisWriter(), valid).replace('"attempts": 1', '"attempts": 7');
    expect(parseDatabase(file)).toMatchObject({ ok: false, problem: expect.stringContaining('checksum does not match') as unknown });
  });

  it('checks the checksum on the bytes read when given them (a byte-order mark left out), as on the text', () => {
    const file = writtenBy(thisWriter(), valid);
    const bytes = Buffer.from(file, 'utf8');
    expect(parseDatabase(file, { bytes })).toEqual({ ok: true, data: valid, migrated: false, history: [], trusted: true });
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    // A strict decoder gives the text without its mark; the text given with it is read the same.
    expect(parseDatabase(file, { bytes: marked })).toMatchObject({ ok: true, trusted: true });
    expect(parseDatabase(`\uFEFF${file}`, { bytes: marked })).toMatchObject({ ok: true, trusted: true });
    const flipped = file.replace('"attempts": 1', '"attempts": 7');
    expect(parseDatabase(flipped, { bytes: Buffer.from(flipped, 'utf8') })).toMatchObject({ ok: false, problem: expect.stringContaining('checksum does not match') as unknown });
  });
});

describe('parseDatabase migrations', () => {
  const version2 = aVersion2Database();
  const day = studyDay(new Date('2024-06-01T09:00:00.000Z'));
  const v2Attempts = version2.attempts as ReturnType<typeof anAttempt>[];
  const [v2Card = {}] = version2.cards as Array<Record<string, unknown>>;

  it('moves version 2 answers and ratings into history events, and adds them up', () => {
    const result = parseDatabase(text(version2));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrated).toBe(true);
    expect(result.data).toEqual({
      // Through version 3 to today's, which adds suspended questions (none yet).
      schemaVersion: DB_SCHEMA_VERSION,
      logBytes: 0,
      // Sessions counted their answers already: not counted again.
      sessions: version2.sessions,
      aliases: version2.aliases,
      // A version 2 card never said when it was first seen: its last review stands in.
      cards: [{ ...v2Card, firstSeen: '2024-06-01T09:00:00.000Z' }],
      facts: [
        aFactProgress({ factId: 'f1', attempts: 2, correct: 1, lastCorrect: false, lastAt: '2024-06-01T09:01:00.000Z', lastKind: 'cloze', lastQuestionId: 'q2', lastAttemptId: 'a2' }),
        aFactProgress({ factId: 'f2', attempts: 1, correct: 1, lastAt: '2024-06-01T09:02:00.000Z', lastQuestionId: 'q3', lastAttemptId: 'a3' }),
      ],
      kinds: [aKindTally({ kind: 'choice', attempts: 2, correct: 2 }), aKindTally({ kind: 'cloze', attempts: 1, correct: 0 })],
      days: [aDayTally({ day, answers: 3 })],
      profiles: version2.profiles,
      suspended: [],
    });
    const reviews = version2.reviews as Array<Record<string, unknown>>;
    expect(result.history).toEqual([
      ...v2Attempts.map((attempt) => ({ type: 'attempt', attempt })),
      { type: 'review', review: { ...reviews[0], after: null } },
      ...(version2.sessions as unknown[]).map((session) => ({ type: 'session', session })),
    ]);
    // What the store will append must pass the check the log is read back through.
    for (const event of result.history) expect(validateEvent(event as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('takes a card due date as firstSeen when it was never reviewed', () => {
    const card = { ...v2Card, lastReview: null, state: 'new' };
    const result = parseDatabase(text({ ...version2, cards: [card] }));
    expect(result).toMatchObject({ ok: true, data: { cards: [{ ...card, firstSeen: v2Card.due }] } });
  });

  it('migrates version 1 (before spaced repetition) and version 0 (no schemaVersion) through version 2', () => {
    const { cards: _c, reviews: _r, profiles: _p, schemaVersion: _v, ...version0 } = version2;
    const expected = parseDatabase(text({ ...version2, cards: [], reviews: [], profiles: [] }));
    expect(expected.ok).toBe(true);
    expect(parseDatabase(text({ ...version0, schemaVersion: 1 }))).toEqual(expected);
    expect(parseDatabase(text(version0))).toEqual(expected);
  });

  it('migrates version 3 by adding an empty list of suspended questions, and nothing else', () => {
    const { suspended: _none, ...version3 } = { ...emptyDatabase(), schemaVersion: 3, logBytes: 12, profiles: [{ name: 'ann', desiredRetention: 0.9, newPerDay: 5, dayStartHour: 4 }] };
    expect(parseDatabase(text(version3))).toEqual({ ok: true, data: { ...version3, schemaVersion: DB_SCHEMA_VERSION, suspended: [] }, migrated: true, history: [], trusted: false });
  });

  it('refuses a suspended question without its deck', () => {
    const result = parseDatabase(text({ ...emptyDatabase(), suspended: [{ profile: 'ann', questionId: 'q', factId: 'f', at: '2024-06-01T09:00:00Z' }] }));
    expect(result).toEqual({ ok: false, problem: 'suspended[0].deckId must be a string, not missing' });
  });

  it('migrates an old file with no answers to an empty history', () => {
    expect(parseDatabase(text({ attempts: [], sessions: [], aliases: [] }))).toEqual({ ok: true, data: emptyDatabase(), migrated: true, history: [], trusted: false });
  });

  it.each([
    ['a version 0 file with a broken answer', { attempts: [{}], sessions: [], aliases: [] }, /^attempts\[0\]\.id must be a string, not missing; attempts\[0\]\.sessionId/],
    ['a version 2 answer', { ...version2, attempts: [anAttempt(), anAttempt({ correct: 'yes' as unknown as boolean })] }, /^attempts\[1\]\.correct must be a boolean, not the string "yes"$/],
    ['a version 2 rating', { ...version2, reviews: [{ ...(version2.reviews as object[])[0], rating: 'meh' }] }, /^reviews\[0\]\.rating must be one of "again", "hard", "good", "easy", not the string "meh"$/],
    ['a version 1 file without answers', { schemaVersion: 1, sessions: [], aliases: [] }, /^attempts is missing \(it must be a list\)$/],
  ])('refuses to migrate %s, naming the damaged record', (_name, old, problem) => {
    const result = parseDatabase(text(old));
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(problem) });
  });
});

describe('validateDatabase', () => {
  it('finds nothing wrong with a valid database and every problem in a bad one', () => {
    expect(validateDatabase(valid)).toEqual([]);
    expect(validateDatabase({ ...valid, schemaVersion: 2, sessions: [aSession({ planned: 1.5 })] })).toEqual([
      `schemaVersion must be ${DB_SCHEMA_VERSION}, not 2`,
      'sessions[0].planned must be a whole number, 0 or more, not 1.5',
    ]);
  });

  it('takes fitted FSRS parameters only as 21 numbers, and retention tallies only as counts', () => {
    const profile = { name: 'ann', desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 };
    expect(validateDatabase({ ...valid, profiles: [{ ...profile, fsrsParameters: Array.from({ length: 21 }, () => 0.5) }] })).toEqual([]);
    expect(validateDatabase({ ...valid, profiles: [{ ...profile, fsrsParameters: [1, 2, 3] }] })).toEqual(['profiles[0].fsrsParameters must be a list of 21 numbers, not a list']);
    expect(validateDatabase({ ...valid, days: [{ profile: 'ann', deckId: 'd', day: '2026-06-01', answers: 0, studied: 0, reviewed: -1 }] })).toEqual(['days[0].reviewed must be a whole number, 0 or more, not -1']);
  });
});

describe('validateEvent', () => {
  const review = reviewEvent(emptyDatabase());

  it.each<[string, HistoryEvent]>([
    ['an attempt', attemptEvent()],
    ['a skipped answer', attemptEvent({ given: null })],
    ['a claim', claimEvent()],
    ['a first rating', review],
    ['a rating carried over from version 2', { type: 'review', review: { ...review.review, after: null } }],
    ['an undo', { type: 'undo', reviewId: 'r1', profile: 'default', deckId: DECK, factId: 'f1', source: 'study', before: null, at: '2024-06-01T09:00:00.000Z' }],
    ['a session', sessionEvent()],
    ['settings', { type: 'settings', profile: 'ann', settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 }, at: '2024-06-01T09:00:00.000Z' }],
    ['a reset', resetEvent()],
    ['a suspension', { type: 'suspend', profile: 'ann', deckId: DECK, questionId: 'q1', factId: 'f1', at: '2024-06-01T09:00:00.000Z' }],
    ['an unsuspension', { type: 'unsuspend', profile: 'ann', deckId: DECK, questionId: 'q1', factId: 'f1', at: '2024-06-01T09:00:00.000Z' }],
  ])('accepts %s', (_name, event) => {
    expect(validateEvent(event as unknown as Record<string, unknown>)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown type', { type: 'delete' }, ['unknown event type the string "delete"']],
    ['an attempt without its record', { type: 'attempt' }, ['attempt must be an object, not undefined']],
    ['an attempt with a bad answer', { type: 'attempt', attempt: { ...anAttempt(), given: 7 } }, ['attempt.given must be a string, a boolean, a list of strings or null, not 7']],
    ['a claim without a time', { ...claimEvent(), at: undefined }, ['event.at must be an ISO time, not missing']],
    ['a rating with a bad rating', { type: 'review', review: { ...review.review, rating: 'meh' } }, ['review.rating must be one of "again", "hard", "good", "easy", not the string "meh"']],
    ['a rating with a bad card after', { type: 'review', review: { ...review.review, after: 'card' } }, ['review.after must be a card or null, not the string "card"']],
    ['an undo to a bad card', { type: 'undo', reviewId: 'r1', profile: 'p', deckId: 'd', factId: 'f', source: 'study', before: { due: 'x' }, at: '2024-06-01T09:00:00Z' }, ['before.due must be an ISO time, not the string "x"']],
    ['settings with a bad hour', { type: 'settings', profile: 'ann', settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: -1 }, at: '2024-06-01T09:00:00Z' }, ['settings.dayStartHour must be a whole number, 0 or more, not -1']],
    ['a suspension without its question', { type: 'suspend', profile: 'ann', deckId: 'd', factId: 'f', at: '2024-06-01T09:00:00Z' }, ['event.questionId must be a string, not missing']],
  ])('refuses %s, saying what is wrong', (_name, event, problems) => {
    const found = validateEvent(event);
    expect(found.slice(0, problems.length)).toEqual(problems);
  });

  it('checks a card shared by two reviews of a batch once when it is sound, and refuses it every time when it is not', () => {
    const card = review.review.after as unknown as Record<string, unknown>;
    const next = (before: unknown): Record<string, unknown> => ({ type: 'review', review: { ...review.review, before, after: before } });
    const sound = new WeakSet<object>();
    expect(validateEvent(next(card), sound)).toEqual([]);
    expect(sound.has(card)).toBe(true);
    const bad = { ...card, stability: 'high' };
    const seen = new WeakSet<object>();
    expect(validateEvent(next(bad), seen)).toEqual(['review.after.stability must be a number, not the string "high"', 'review.before.stability must be a number, not the string "high"']);
    expect(validateEvent(next(bad), seen)).toHaveLength(2);
    expect(seen.has(bad)).toBe(false);
  });
});

describe('validateEvent, its fast path for sound ratings', () => {
  // A second rating: its card before is a card, not null.
  const first = reviewEvent(emptyDatabase());
  const second = reviewEvent(emptyDatabase(), { id: 'r2', now: new Date('2024-06-03T09:00:00.000Z') });
  second.review.before = first.review.after;
  const sound = JSON.parse(JSON.stringify(second)) as Record<string, Record<string, unknown>>;
  const bad: unknown[] = [undefined, null, '', 'x', 'study', 'good', 'review', -1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, '2024-06-01T09:00:00.000Z', '2024-06-01T09:00:00+02:00', '2024-02-30T09:00:00.000Z'];

  it('passes exactly what the full check passes, field by field', () => {
    const review = sound.review as Record<string, unknown>;
    const paths: string[][] = [];
    for (const key of [...Object.keys(review), 'extra']) paths.push([key]);
    for (const inner of ['before', 'after', 'log']) for (const key of [...Object.keys(review[inner] as object), 'extra']) paths.push([inner, key]);
    let refused = 0;
    for (const path of paths) {
      for (const value of bad) {
        const event = structuredClone(sound);
        let at = event.review as Record<string, unknown>;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
        if (value === undefined) delete at[path.at(-1) as string];
        else at[path.at(-1) as string] = value;
        const full = eventProblems(event);
        if (full.length > 0) refused++;
        expect(validateEvent(event), `${path.join('.')} = ${String(value)}`).toEqual(full);
        expect(validateEvent(event, new WeakSet()), `${path.join('.')} = ${String(value)}, checked in a batch`).toEqual(full);
      }
    }
    // The cases hold many a refusal, and the sound rating itself passes.
    expect(refused).toBeGreaterThan(300);
    expect(validateEvent(sound)).toEqual([]);
  });
});

describe('isIsoTime', () => {
  // The fast path for Date#toISOString's form must decide exactly as the regular expression and Date.parse do.
  const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const slow = (v: unknown): boolean => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v));

  it('agrees with the slow check on real times and on every kind of near miss', () => {
    const cases: unknown[] = [
      '2026-02-30T00:00:00.000Z', '2026-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-12-31T23:59:59.999Z',
      '2026-13-01T00:00:00.000Z', '2026-00-10T00:00:00.000Z', '2026-01-00T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:00:60.000Z', '2026-01-01T08:00:00Z', '2026-01-01T08:00Z', '2026-01-01T08:00:00.000+02:00', '2026-01-01 08:00:00.000Z',
      '2026-01-0aT08:00:00.000Z', '20x6-01-01T08:00:00.000Z', '2026-01-01T08:00:00.00xZ', '2026-01-01T08:00:00.000z', 'March 7', '', 7, null,
    ];
    for (let i = 0; i < 2000; i++) cases.push(new Date(Date.UTC(1990, 0, 1) + i * 86_400_000 * 7.3 + i * 3_600_123).toISOString());
    // Every digit of a real time replaced by each digit in turn.
    const base = '2026-01-27T19:48:37.123Z';
    for (let at = 0; at < base.length; at++) for (const c of '0123456789') cases.push(base.slice(0, at) + c + base.slice(at + 1));
    for (const value of cases) expect(isIsoTime(value), String(value)).toBe(slow(value));
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
