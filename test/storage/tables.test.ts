// The database file's tables (src/storage/tables.ts): the large lists written as field names once and a
// row of values per record. What is written reads back as the very same records, whatever they hold;
// what does not fit a row is kept as its object; a damaged table is refused with its place.

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DB_SCHEMA_VERSION, type DatabaseData, parseDatabase, parseDatabaseFile, serializeDatabase, thisWriter } from '../../src/storage/schema.js';
import { DECK, aCard, aDatabase, aDayTally, aFactProgress, aKindTally, aSession } from '../helpers/store-records.js';

/** A file with this body under a right checksum, as if this build wrote it. */
function withChecksum(value: object, writer = thisWriter()): string {
  const body = `${JSON.stringify({ writtenBy: writer, ...value }, null, 2)}\n`;
  return `{\n  "checksum": "sha256:${createHash('sha256').update(body).digest('hex')}",\n${body.slice(2)}`;
}

const TABLE_FIELDS = {
  cards: ['profile', 'deckId', 'factId', 'firstSeen', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview', 'firstSource'],
  days: ['profile', 'deckId', 'day', 'answers', 'studied', 'reviewed', 'recalled'],
};

const iso = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString());
const id = fc.string({ minLength: 1, maxLength: 12 });
const count = fc.nat({ max: 100_000 });

const card = fc.record(
  {
    profile: id,
    deckId: id,
    factId: id,
    firstSeen: iso,
    firstSource: fc.constantFrom('quiz' as const, 'review' as const, 'study' as const),
    due: iso,
    stability: fc.double({ min: 0.001, max: 36500, noNaN: true }),
    difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
    elapsedDays: count,
    scheduledDays: count,
    learningSteps: fc.nat({ max: 5 }),
    reps: count,
    lapses: count,
    state: fc.constantFrom('new' as const, 'learning' as const, 'review' as const, 'relearning' as const),
    lastReview: fc.option(iso, { nil: null }),
  },
  { requiredKeys: ['profile', 'deckId', 'factId', 'firstSeen', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview'] },
);
const fact = fc.record({
  profile: id,
  deckId: id,
  factId: id,
  attempts: count,
  correct: count,
  lastCorrect: fc.boolean(),
  lastAt: iso,
  lastKind: id,
  lastQuestionId: id,
  lastAttemptId: id,
});
const kind = fc.record({ profile: id, deckId: id, kind: id, attempts: count, correct: count });
const day = fc.record(
  {
    profile: id,
    deckId: id,
    day: iso.map((time) => time.slice(0, 10)),
    answers: count,
    studied: count,
    reviewed: count,
    recalled: count,
  },
  // Absent or present in any combination: a tally with only `recalled` does not fit a row, and is kept whole.
  { requiredKeys: ['profile', 'deckId', 'day', 'answers', 'studied'] },
);

/** A stable sort by deck id, in code units: the order the file keeps records in. */
function byDeck<T extends { deckId: string }>(records: readonly T[]): T[] {
  return records
    .map((record, i) => ({ record, i }))
    .sort((a, b) => (a.record.deckId < b.record.deckId ? -1 : a.record.deckId > b.record.deckId ? 1 : a.i - b.i))
    .map(({ record }) => record);
}

describe('the database file writes its large lists as tables', () => {
  it('reads back every record exactly as it was, whatever fields it has (property)', () => {
    fc.assert(
      fc.property(fc.array(card, { maxLength: 8 }), fc.array(fact, { maxLength: 8 }), fc.array(kind, { maxLength: 4 }), fc.array(day, { maxLength: 8 }), (cards, facts, kinds, days) => {
        const data = aDatabase({ cards, facts, kinds, days, sessions: [aSession()] });
        const read = parseDatabase(serializeDatabase(data), { full: true });
        // Grouped by deck (in code-unit order of their ids), each deck's records in their order.
        const grouped = { ...data, cards: byDeck(cards), facts: byDeck(facts), kinds: byDeck(kinds), days: byDeck(days) };
        expect(read).toEqual({ ok: true, data: grouped, migrated: false, history: [], trusted: false });
        // Not only equal: no field is added (an absent optional field stays absent, not undefined or null).
        if (read.ok) {
          for (const name of ['cards', 'facts', 'kinds', 'days'] as const) {
            read.data[name].forEach((record, i) => expect(Object.keys(record).sort()).toEqual(Object.keys(grouped[name][i] as object).sort()));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lays each deck out as a section of "decks", last: a table per list, its field names, then a row per record on a line', () => {
    const other = 'another-deck';
    const file = serializeDatabase(
      aDatabase({
        cards: [aCard({ deckId: other }), aCard(), aCard({ factId: 'f2', firstSource: 'study' })],
        days: [aDayTally(), aDayTally({ day: '2024-06-02', reviewed: 2, recalled: 1 })],
      }),
    );
    const lines = file.split('\n');
    const decksAt = lines.indexOf('  "decks": [');
    expect(decksAt).toBeGreaterThan(0);
    expect(lines.slice(decksAt).join('\n')).toBe(
      [
        '  "decks": [',
        `    {"deckId": "${other}",`,
        `      "cards": {"fields": ${JSON.stringify(TABLE_FIELDS.cards)}, "rows": [`,
        `        ["default","${other}","f1","2024-06-01T09:00:00.000Z","2024-06-04T09:00:00.000Z",3.17,5.28,0,3,0,1,0,"review","2024-06-01T09:00:00.000Z"]`,
        '      ]},',
        '      "facts": [],',
        '      "kinds": [],',
        '      "days": []},',
        `    {"deckId": "${DECK}",`,
        `      "cards": {"fields": ${JSON.stringify(TABLE_FIELDS.cards)}, "rows": [`,
        `        ["default","${DECK}","f1","2024-06-01T09:00:00.000Z","2024-06-04T09:00:00.000Z",3.17,5.28,0,3,0,1,0,"review","2024-06-01T09:00:00.000Z"],`,
        `        ["default","${DECK}","f2","2024-06-01T09:00:00.000Z","2024-06-04T09:00:00.000Z",3.17,5.28,0,3,0,1,0,"review","2024-06-01T09:00:00.000Z","study"]`,
        '      ]},',
        '      "facts": [],',
        '      "kinds": [],',
        `      "days": {"fields": ${JSON.stringify(TABLE_FIELDS.days)}, "rows": [`,
        `        ["default","${DECK}","2024-06-01",1,0],`,
        `        ["default","${DECK}","2024-06-02",1,0,2,1]`,
        '      ]}}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps a record that does not fit a row as its object, in its place', () => {
    // recalled without reviewed; an optional field null; a field the table does not know.
    const odd = [aDayTally(), { ...aDayTally({ day: '2024-06-02' }), recalled: 3 }, aDayTally({ day: '2024-06-03' })];
    const cards = [{ ...aCard(), firstSource: null }, { ...aCard({ factId: 'f2' }), extra: 1 }] as unknown as DatabaseData['cards'];
    const data = aDatabase({ days: odd, cards });
    const file = serializeDatabase(data);
    expect(file).toContain(`    ${JSON.stringify(odd[1])},\n`);
    expect(file).toContain('"extra":1');
    const read = parseDatabase(file);
    expect(read).toMatchObject({ ok: true, trusted: true });
    if (read.ok) {
      expect(read.data.days).toEqual(odd);
      expect(read.data.cards).toEqual(cards);
    }
  });

  it('reads a table whose fields were reordered or shortened by hand, and a list of records as version 4 wrote it', () => {
    const reordered = { fields: ['day', 'deckId', 'profile', 'studied', 'answers'], rows: [['2024-06-01', DECK, 'default', 0, 1]] };
    const read = parseDatabase(withChecksum({ ...aDatabase(), days: reordered }));
    expect(read).toMatchObject({ ok: true, data: { days: [aDayTally()] } });
    const lists = parseDatabase(withChecksum(aDatabase({ cards: [aCard()], facts: [aFactProgress()], kinds: [aKindTally()] })));
    expect(lists).toMatchObject({ ok: true, data: { cards: [aCard()], facts: [aFactProgress()], kinds: [aKindTally()] } });
  });

  it('migrates a version 4 file (lists of records) to this version, records unchanged', () => {
    const v4 = { ...aDatabase({ cards: [aCard()], facts: [aFactProgress()], days: [aDayTally()] }), schemaVersion: 4 };
    expect(DB_SCHEMA_VERSION).toBe(5);
    expect(parseDatabase(withChecksum(v4))).toEqual({ ok: true, data: { ...v4, schemaVersion: 5 }, migrated: true, history: [], trusted: false });
  });

  it('refuses a damaged table with its place: a field it does not know or named twice, a row too long, a row neither list nor record', () => {
    // Written by another build, so validated in full as it is read.
    const table = (fields: unknown[], rows: unknown[]): string => withChecksum({ ...aDatabase(), kinds: { fields, rows } }, 'factdeck 0000000000000000');
    const fields = ['profile', 'deckId', 'kind', 'attempts', 'correct'];
    expect(parseDatabase(table(['profile', 'deckId', '__proto__'], [['default', 'd', 1]]))).toMatchObject({ ok: false, problem: expect.stringContaining('kinds.fields[2] must be one of') as unknown });
    expect(parseDatabase(table(['profile', 'profile'], [['a', 'b']]))).toMatchObject({ ok: false, problem: expect.stringContaining('kinds.fields[1] names "profile" a second time') as unknown });
    expect(parseDatabase(table(fields, [['default', 'd', 'choice', 1, 1, 9]]))).toMatchObject({ ok: false, problem: expect.stringContaining('kinds.rows[0] has 6 values for 5 fields') as unknown });
    expect(parseDatabase(table(fields, [['default', 'd', 'choice', 1, 1], 'x']))).toMatchObject({ ok: false, problem: expect.stringContaining('kinds[1] must be an object') as unknown });
    // A row short of a required field is a record without it: validation names the field.
    expect(parseDatabase(table(fields, [['default', 'd', 'choice', 1]]))).toMatchObject({ ok: false, problem: expect.stringContaining('kinds[0].correct must be a whole number') as unknown });
  });

  it('takes about half the bytes of the records written as objects', () => {
    const many = <T>(make: (i: number) => T): T[] => Array.from({ length: 500 }, (_, i) => make(i));
    const data = aDatabase({
      cards: many((i) => aCard({ factId: `f${i}`, firstSource: 'quiz' })),
      facts: many((i) => aFactProgress({ factId: `f${i}` })),
      days: many((i) => aDayTally({ day: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10) })),
    });
    const asObjects = withChecksum({ ...data }).replace(/\n\s+/g, '');
    expect(Buffer.byteLength(serializeDatabase(data))).toBeLessThan(0.6 * Buffer.byteLength(asObjects));
  });

  it('names a problem inside a deck\'s section by where it is: the section, the table, the row', () => {
    const other = 'factdeck 0000000000000000';
    const facts = { fields: ['profile', 'deckId', 'factId', 'attempts', 'correct', 'lastCorrect', 'lastAt', 'lastKind', 'lastQuestionId', 'lastAttemptId'], rows: [['default', DECK, 'f1', -1, 0, true, '2024-06-01T09:00:00.000Z', 'choice', 'q1', 'a1']] };
    const file = (decks: unknown): string => withChecksum({ ...withoutLists(aDatabase()), decks }, other);
    expect(parseDatabase(file([{ deckId: 'x' }, { deckId: DECK, facts }]))).toMatchObject({ ok: false, problem: expect.stringContaining('decks[1].facts.rows[0].attempts must be a whole number') as unknown });
    expect(parseDatabase(file([5]))).toMatchObject({ ok: false, problem: expect.stringContaining("decks[0] must be a deck's section") as unknown });
    expect(parseDatabase(file([{ deckId: DECK, kinds: { fields: ['nope'], rows: [] } }]))).toMatchObject({ ok: false, problem: expect.stringContaining('decks[0].kinds.fields[0] must be one of') as unknown });
    expect(parseDatabase(file([{ deckId: DECK, days: 'none' }]))).toMatchObject({ ok: false, problem: expect.stringContaining('decks[0].days must be a list or a table') as unknown });
    expect(parseDatabase(file('all'))).toMatchObject({ ok: false, problem: expect.stringContaining('decks must be a list of deck sections') as unknown });
  });
});

/** The database without its per-deck lists (a file keeps them in "decks"). */
function withoutLists(data: DatabaseData): object {
  const { cards: _cards, facts: _facts, kinds: _kinds, days: _days, ...rest } = data;
  return rest;
}

describe('a command on one deck reads only that deck\'s section of a file this build wrote', () => {
  const tricky = 'a",\n    {"deckId": "b\u2028';
  const data = aDatabase({
    sessions: [aSession()],
    cards: [aCard(), aCard({ deckId: 'other' }), aCard({ deckId: tricky })],
    facts: [aFactProgress({ deckId: 'other' }), aFactProgress()],
    kinds: [aKindTally({ deckId: tricky })],
    days: [aDayTally(), aDayTally({ deckId: 'other' })],
  });
  const file = serializeDatabase(data);
  const only = (deckId: string) => (record: { deckId: string }) => record.deckId === deckId;

  it('parses the others only when asked, and together they are the whole', () => {
    const read = parseDatabase(file, { decks: new Set([DECK]), bytes: Buffer.from(file) });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.trusted).toBe(true);
    expect(read.data).toEqual({ ...data, cards: [aCard()], facts: [aFactProgress()], kinds: [], days: [aDayTally()] });
    const rest = read.rest?.();
    expect(rest).toEqual({ cards: byDeck(data.cards.filter((c) => c.deckId !== DECK)), facts: [aFactProgress({ deckId: 'other' })], kinds: [aKindTally({ deckId: tricky })], days: [aDayTally({ deckId: 'other' })] });
    // A deck id made to look like a section's opening line is only a string.
    const trickyRead = parseDatabase(file, { decks: new Set([tricky]) });
    expect(trickyRead).toMatchObject({ ok: true, data: { cards: data.cards.filter(only(tricky)), kinds: data.kinds, facts: [] } });
  });

  it('decodes none of the file but its head and the wanted sections: the whole text is asked for only for a file read whole', () => {
    let decoded = 0;
    const text = (source: string) => () => {
      decoded += 1;
      return source;
    };
    const read = parseDatabaseFile(Buffer.from(file), text(file), { decks: new Set([tricky]) });
    expect(read).toMatchObject({ ok: true, trusted: true, data: { cards: data.cards.filter(only(tricky)), kinds: data.kinds } });
    expect(read.ok && read.rest?.().cards).toEqual(byDeck(data.cards.filter((c) => c.deckId !== tricky)));
    expect(decoded).toBe(0);
    const theirs = withChecksum({ ...withoutLists(data), decks: JSON.parse(file).decks as unknown }, 'factdeck 0000000000000000');
    expect(parseDatabaseFile(Buffer.from(theirs), text(theirs), { decks: new Set([DECK]) })).toMatchObject({ ok: true, trusted: false });
    expect(decoded).toBe(1);
    // A byte-order mark before a file this build wrote (an editor's) changes nothing of the above.
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file)]);
    expect(parseDatabaseFile(marked, text(file), { decks: new Set([DECK]) })).toMatchObject({ ok: true, trusted: true, data: { cards: [aCard()] } });
    expect(decoded).toBe(1);
  });

  it('reads in full a file another build wrote, one laid out again, or one whose checksum is wrong (refused as ever)', () => {
    const theirs = withChecksum({ ...withoutLists(data), decks: JSON.parse(file).decks as unknown }, 'factdeck 0000000000000000');
    const read = parseDatabase(theirs, { decks: new Set([DECK]) });
    expect(read).toMatchObject({ ok: true, trusted: false });
    expect(read.ok && read.rest).toBe(undefined);
    expect(read.ok && read.data.cards).toHaveLength(3);
    const relaid = JSON.stringify(JSON.parse(file), null, 2);
    expect(parseDatabase(relaid, { decks: new Set([DECK]) })).toMatchObject({ ok: true, data: { cards: byDeck(data.cards) } });
    const flipped = file.replace('"answers":1', '"answers":2').replace('["default","other","2024-06-01",1,0]', '["default","other","2024-06-01",2,0]');
    expect(flipped).not.toBe(file);
    expect(parseDatabase(flipped, { decks: new Set([DECK]) })).toMatchObject({ ok: false, problem: expect.stringContaining('checksum does not match') as unknown });
  });
});
