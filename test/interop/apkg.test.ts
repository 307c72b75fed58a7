// Anki packages both ways, in the test process: a deck with every question kind and a learner's schedule
// goes out as .apkg and comes back the same; the package is read by anki-reader (a reader of the format
// that is not ours) and its tables match Anki's own schema 11; packages made by Anki itself import with
// the right counts, in both the older format and the current one (zstd, schema 18); corrupt, truncated
// and hostile packages are refused and nothing is written.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readAnkiPackage as readWithAnkiReader } from 'anki-reader';
import { memoryFromAnki, planApkgExport, revlogEntry, planApkgImport, type AnkiCollection } from '../../src/bank/interop/anki-package.js';
import { readAnkiPackage, writeAnkiPackage } from '../../src/commands/anki-package-file.js';
import { exportCommand } from '../../src/commands/export.js';
import { importCommand } from '../../src/commands/import.js';
import type { Deck } from '../../src/domain/deck.js';
import { ReportedFailure } from '../../src/errors.js';
import { rateCard, type MemoryCard } from '../../src/scheduling/fsrs.js';
import { tempDirs } from '../helpers/cli-run.js';
import { copyOfProjectRoot, makeContext } from '../helpers/command-context.js';

const require = createRequire(import.meta.url);
const FIXTURES = new URL('../fixtures/anki/', import.meta.url).pathname;
const dirs = tempDirs('factdeck-apkg-');
afterEach(() => dirs.removeAll());

const NOW = new Date('2026-06-01T09:00:00Z');
const DAY = 86_400_000;

const DECK: Deck = {
  schemaVersion: 1,
  id: 'harbour-storm',
  title: 'The harbour storm',
  source: { headline: 'The harbour storm', dateline: '', date: '' },
  origin: 'imported',
  facts: [
    { id: 'f1', statement: 'Storm Helena struck Portugal on Tuesday.', quote: 'Storm Helena struck Portugal on Tuesday.', topic: 'the storm' },
    { id: 'f2', statement: 'Lisbon opened 40 shelters.', quote: 'Lisbon opened 40 shelters.', topic: 'response' },
    { id: 'f3', statement: 'Winds reached 140 km/h near Porto.', quote: 'Winds reached 140 km/h near Porto.', topic: 'the storm' },
  ],
  questions: [
    { id: 'q1', factId: 'f1', kind: 'cloze', prompt: 'Storm Helena struck _____ on Tuesday.', answer: 'Portugal', accept: ['Portuguese coast'], explanation: 'It struck Portugal.' },
    { id: 'q2', factId: 'f1', kind: 'true-false', prompt: 'True or false: Helena struck Spain.', answer: false, explanation: 'Portugal, not Spain.' },
    { id: 'q3', factId: 'f2', kind: 'choice', prompt: 'How many shelters did Lisbon open?', choices: ['20', '40', '60', '80'], answer: '40', explanation: 'Forty & <more>.' },
    { id: 'q4', factId: 'f2', kind: 'multi-select', prompt: 'Which did the city open?', choices: ['shelters', 'schools', 'bridges'], answer: ['shelters'], explanation: 'Shelters.' },
    { id: 'q5', factId: 'f3', kind: 'short-answer', prompt: 'Near which city were the winds strongest?', answer: 'Porto', accept: [], explanation: '140 km/h near Porto.' },
    { id: 'q6', factId: 'f3', kind: 'order', prompt: 'Put in order.', items: ['b', 'a'], answer: ['a', 'b'], explanation: 'a, then b.', relatedFactIds: ['f1'] },
  ],
};

/** A learner's schedule: f1 in review after three good days, f2 learning after a lapse, f3 never seen. */
function progress(): { cards: Map<string, MemoryCard>; reviews: Map<string, { at: string; rating: 'again' | 'hard' | 'good' | 'easy'; before: MemoryCard | null; after: MemoryCard | null }[]> } {
  const cards = new Map<string, MemoryCard>();
  const reviews = new Map<string, { at: string; rating: 'again' | 'hard' | 'good' | 'easy'; before: MemoryCard | null; after: MemoryCard | null }[]>();
  const rate = (factId: string, plan: ['again' | 'hard' | 'good' | 'easy', number][]): void => {
    let card: MemoryCard | null = null;
    for (const [rating, daysAgo] of plan) {
      const at = new Date(NOW.getTime() - daysAgo * DAY);
      const next: MemoryCard = rateCard(card, rating, at).card;
      reviews.set(factId, [...(reviews.get(factId) ?? []), { at: at.toISOString(), rating, before: card, after: next }]);
      card = next;
    }
    if (card !== null) cards.set(factId, card);
  };
  rate('f1', [['good', 20], ['good', 19], ['good', 12], ['easy', 3]]);
  rate('f2', [['good', 9], ['good', 8], ['again', 0.01]]);
  return { cards, reviews };
}

async function exportedPackage(withProgress: boolean): Promise<Uint8Array> {
  const learner = progress();
  const plan = planApkgExport(DECK, null, withProgress ? { cards: learner.cards, reviews: new Map([...learner.reviews].map(([id, list]) => [id, list.map(revlogEntry)])), desiredRetention: 0.9, dayStart: Date.parse('2026-06-01T04:00:00Z') } : null, NOW);
  return writeAnkiPackage(plan, NOW, null);
}

/** The zip with a field of every local header (at `local`) and central directory entry (at `central`) changed. */
function withHeaders(zip: Uint8Array, change: (bytes: Buffer, at: number) => void, local: number, central: number): Uint8Array {
  const bytes = Buffer.from(zip);
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at !== -1; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) change(bytes, at + local);
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) change(bytes, at + central);
  return new Uint8Array(bytes);
}

describe('a deck as an Anki package and back', () => {
  it('is the same bytes every time for the same deck, progress and time', async () => {
    const [a, b] = [await exportedPackage(true), await exportedPackage(true)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // A zip any reader opens: its entries, as an independent reader (fflate) finds them.
    expect(Object.keys((await import('fflate')).unzipSync(a)).sort()).toEqual(['collection.anki2', 'media']);
  });

  it('keeps every question and answer: kinds, choices, accepted answers, explanations, topics', async () => {
    const collection = await readAnkiPackage(await exportedPackage(false));
    const plan = planApkgImport(collection, { fileStem: 'x' });
    expect(plan.skipped).toEqual([]);
    expect(plan.deck?.id).toBe(DECK.id);
    expect(plan.deck?.title).toBe(DECK.title);
    expect(plan.deck?.facts).toEqual(DECK.facts);
    expect(plan.deck?.questions).toEqual(DECK.questions);
  });

  it('keeps text beyond ASCII as it is: accents, other scripts, symbols outside the BMP', async () => {
    const words = ['Zürich', 'Ελένη', '北京', 'São Tomé', 'naïve “quotes” — ok', 'rocket 🚀'];
    const deck: Deck = {
      ...DECK,
      title: 'Météo: 北京 🚀',
      facts: words.map((word, i) => ({ id: `w${i}`, statement: `The word is ${word}.`, quote: `The word is ${word}.`, topic: `tópico ${i}` })),
      questions: words.map((word, i) => ({ id: `wq${i}`, factId: `w${i}`, kind: 'cloze', prompt: 'The word is _____.', answer: word, accept: [], explanation: `Said: ${word}.` })),
    };
    const collection = await readAnkiPackage(await writeAnkiPackage(planApkgExport(deck, null, null, NOW), NOW, null));
    const plan = planApkgImport(collection, { fileStem: 'x' });
    expect(plan.deck?.title).toBe(deck.title);
    expect(plan.deck?.facts).toEqual(deck.facts);
    expect(plan.deck?.questions).toEqual(deck.questions);
  });

  it('keeps the schedule: each studied fact\'s state, due day, memory and review log', async () => {
    const learner = progress();
    const collection = await readAnkiPackage(await exportedPackage(true));
    const plan = planApkgImport(collection, { fileStem: 'x' });
    expect([...plan.schedules.keys()].sort()).toEqual(['f1', 'f2']);
    for (const factId of ['f1', 'f2']) {
      const original = learner.cards.get(factId) as MemoryCard;
      const card = plan.schedules.get(factId);
      expect(card?.reviews).toHaveLength(learner.reviews.get(factId)?.length ?? -1);
      const back = memoryFromAnki(card as NonNullable<typeof card>, collection.crt, null, NOW) as MemoryCard;
      expect(back.state).toBe(original.state);
      expect(back.stability).toBeCloseTo(original.stability, 3);
      expect(back.difficulty).toBeCloseTo(original.difficulty, 2);
      expect(back.reps).toBe(original.reps);
      expect(back.lapses).toBe(original.lapses);
      expect(back.lastReview?.slice(0, 19)).toBe(original.lastReview?.slice(0, 19));
      // Reviews are due by the day in Anki, learning steps to the second.
      if (original.state === 'review') expect(Math.abs(Date.parse(back.due) - Date.parse(original.due))).toBeLessThan(DAY);
      else expect(Math.abs(Date.parse(back.due) - Date.parse(original.due))).toBeLessThan(1000);
    }
    expect(plan.schedules.get('f1')?.reviews.map((r) => r.ease)).toEqual([3, 3, 3, 4]);
  });

  it('is read by anki-reader, a reader of the format that is not factdeck\'s: the deck, its notes and their fields', async () => {
    const bytes = await exportedPackage(true);
    const { collection } = await readWithAnkiReader(new Blob([bytes]));
    const decks = Object.values(collection.getDecks());
    const ours = decks.find((deck) => deck.getName() === DECK.title);
    expect(ours).toBeDefined();
    const cards = Object.values(ours?.getCards() ?? {});
    expect(cards).toHaveLength(DECK.questions.length);
    const fronts = cards.map((card) => card.getFields().Front ?? card.getFields().Text);
    expect(fronts).toContain('Storm Helena struck {{c1::Portugal}} on Tuesday.');
    expect(fronts).toContain('How many shelters did Lisbon open?<ol><li>20</li><li>40</li><li>60</li><li>80</li></ol>');
    const models = Object.values(collection.getModels()).map((model) => model.getName());
    expect(models.sort()).toEqual(['factdeck', 'factdeck cloze']);
  });

  it('has the tables and columns of Anki\'s own schema 11 (rslib/src/storage/schema11.sql)', async () => {
    // Transcribed from ankitects/anki, rslib/src/storage/schema11.sql: the collection every Anki reads.
    const anki = {
      col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
      notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
      cards: ['id', 'nid', 'did', 'ord', 'mod', 'usn', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'odue', 'odid', 'flags', 'data'],
      revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
      graves: ['usn', 'oid', 'type'],
    };
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await exportedPackage(true));
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(new TextDecoder().decode(files.media)).toBe('{}');
    const SQL = await (require('sql.js') as (c: object) => Promise<SqlJsStatic>)({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
    const db = new SQL.Database(files['collection.anki2']);
    try {
      for (const [table, columns] of Object.entries(anki)) {
        const found = db.exec(`PRAGMA table_info(${table})`)[0]?.values.map((row) => row[1]);
        expect(found, table).toEqual(columns);
      }
      // Whole, and exactly its pages long: the file it was written into was made larger, and is cut back.
      expect(db.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
      const [pages, pageSize] = [db.exec('PRAGMA page_count')[0]?.values[0]?.[0], db.exec('PRAGMA page_size')[0]?.values[0]?.[0]];
      expect(files['collection.anki2']?.length).toBe(Number(pages) * Number(pageSize));
      const [ver, conf] = db.exec('SELECT ver, conf FROM col')[0]?.values[0] ?? [];
      expect(ver).toBe(11);
      // The v2 scheduler, so Anki takes the schedule as it is rather than converting it from v1.
      expect(JSON.parse(String(conf))).toMatchObject({ schedVer: 2 });
      const notes = db.exec('SELECT guid, tags, csum FROM notes ORDER BY id')[0]?.values ?? [];
      expect(notes[0]).toEqual(['factdeck:harbour-storm:q1', ' factdeck::topic::the_storm harbour-storm ', expect.any(Number)]);
      // Anki's checksum of a note: the first 32 bits of the SHA-1 of its sort field, a number.
      for (const [sortField, csum] of db.exec('SELECT sfld, csum FROM notes')[0]?.values ?? []) {
        expect(csum).toBe(createHash('sha1').update(String(sortField)).digest().readUInt32BE(0));
      }
      // Text is stored as text (it is written as bytes cast to text: a blob here would not read as a
      // string in Anki), and as the deck has it, accents and all.
      expect(db.exec('SELECT DISTINCT typeof(guid), typeof(tags), typeof(flds), typeof(sfld) FROM notes')[0]?.values).toEqual([['text', 'text', 'text', 'text']]);
      expect(db.exec('SELECT DISTINCT typeof(data) FROM cards')[0]?.values).toEqual([['text']]);
      const fields = (db.exec('SELECT flds FROM notes')[0]?.values ?? []).map(([flds]) => String(flds));
      expect(fields.some((flds) => flds.includes('\u001f'))).toBe(true);
      const revlog = db.exec('SELECT ease, type FROM revlog ORDER BY id')[0]?.values ?? [];
      expect(revlog.length).toBe(7);
      const card = db.exec("SELECT type, queue, ivl, data FROM cards WHERE nid = (SELECT id FROM notes WHERE guid = 'factdeck:harbour-storm:q1')")[0]?.values[0] ?? [];
      expect(card.slice(0, 2)).toEqual([2, 2]);
      expect(JSON.parse(String(card[3]))).toEqual({ s: expect.any(Number), d: expect.any(Number), dr: 0.9, lrt: expect.any(Number) });
    } finally {
      db.close();
    }
  });
});

describe('packages made by Anki itself', () => {
  it.each([
    ['update1.apkg', [['hello', 'world']]],
    ['diffmodeltemplates-1.apkg', [['question?', 'answer!']]],
  ])('%s imports with the right count, its notes as short-answer questions', async (file, cards) => {
    const collection = await readAnkiPackage(await readFile(join(FIXTURES, file)));
    expect(collection.latest).toBe(false);
    const plan = planApkgImport(collection, { fileStem: 'x' });
    expect(plan.deck?.questions.map((q) => [q.prompt, q.kind === 'short-answer' ? q.answer : null])).toEqual(cards);
  });

  it.each([
    ['example_music_intervals.apkg', true, 340, 340],
    ['ap_gov_vocab_anki11.apkg', false, 242, 484],
  ])('%s, a shared deck, is read whole: its format, every note and every card', async (file, latest, notes, cards) => {
    const collection = await readAnkiPackage(await readFile(join(FIXTURES, file)));
    expect(collection.latest).toBe(latest);
    expect(collection.notes).toHaveLength(notes);
    expect(collection.cards).toHaveLength(cards);
    expect(planApkgImport(collection, { fileStem: 'x' }).deck?.questions).toHaveLength(notes);
  });

  it('media.apkg (a sound and nothing else) is refused: nothing in it can be asked in text', async () => {
    const plan = planApkgImport(await readAnkiPackage(await readFile(join(FIXTURES, 'media.apkg'))), { fileStem: 'x' });
    expect(plan.deck).toBeNull();
    expect(plan.skipped).toEqual([expect.objectContaining({ note: 1, reason: expect.stringContaining('only an image or a sound') })]);
  });
});

/** zstd frames of raw (stored) blocks: enough to wrap a collection as Anki's current format does. */
function zstdStored(bytes: Uint8Array): Uint8Array {
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]; // magic; no content size; window 128 KiB
  const block = 128 * 1024;
  for (let at = 0; at < bytes.length || at === 0; at += block) {
    const chunk = bytes.subarray(at, at + block);
    const last = at + block >= bytes.length ? 1 : 0;
    const header = last | (chunk.length << 3);
    parts.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, ...chunk);
    if (last) break;
  }
  return Uint8Array.from(parts);
}

/** A schema-18 collection as current Anki writes it: note types, fields and decks in their own tables. */
async function latestPackage(options: { meta?: number[] } = {}): Promise<Uint8Array> {
  const SQL = await (require('sql.js') as (c: object) => Promise<SqlJsStatic>)({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
  const db = new SQL.Database();
  db.exec(`
    CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
    CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
    CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE NOCASE, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
    CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE NOCASE, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
    CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE NOCASE, mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
  `);
  const crt = Date.parse('2026-01-01T04:00:00Z') / 1000;
  db.run("INSERT INTO col VALUES (1, ?, 0, 0, 18, 0, 0, 0, '', '', '', '', '')", [crt]);
  // Config protobufs: field 1 (kind) 1 = cloze; field 2 (sort field) 0. Field 3, a string, is skipped over.
  db.run('INSERT INTO notetypes VALUES (10, ?, 0, 0, ?)', ['Cloze', Uint8Array.from([0x1a, 0x02, 0x61, 0x62, 0x08, 0x01, 0x10, 0x00])]);
  db.run('INSERT INTO notetypes VALUES (11, ?, 0, 0, ?)', ['Basic', Uint8Array.from([0x10, 0x00])]);
  for (const [ntid, ord, name] of [[10, 0, 'Text'], [10, 1, 'Back Extra'], [11, 0, 'Front'], [11, 1, 'Back']] as const) db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [ntid, ord, name, new Uint8Array()]);
  db.run("INSERT INTO decks VALUES (1, 'Default', 0, 0, x'', x'')");
  db.run("INSERT INTO decks VALUES (77, 'Europe\u001fCapitals', 0, 0, x'', x'')");
  db.run("INSERT INTO notes VALUES (1, 'g1', 10, 0, 0, ' geo ', ?, '', 0, 0, '')", ['{{c1::Paris}} is the capital of {{c2::France}}.\u001f']);
  db.run("INSERT INTO notes VALUES (2, 'g2', 11, 0, 0, ' geo ', ?, '', 0, 0, '')", ['Capital of Italy?\u001fRome']);
  db.run("INSERT INTO cards VALUES (101, 1, 77, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  db.run("INSERT INTO cards VALUES (102, 1, 77, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  // Rome: a review card due 150 days after the collection was made, with Anki's FSRS memory and two reviews.
  db.run("INSERT INTO cards VALUES (103, 2, 77, 0, 0, 0, 2, 2, 150, 12, 2500, 2, 0, 0, 0, 0, 0, ?)", ['{"s":14.5,"d":4.2,"dr":0.9}']);
  db.run('INSERT INTO revlog VALUES (?, 103, 0, 3, -600, 0, 0, 5000, 0)', [Date.parse('2026-05-07T10:00:00Z')]);
  db.run('INSERT INTO revlog VALUES (?, 103, 0, 3, 12, -600, 0, 4000, 0)', [Date.parse('2026-05-08T10:00:00Z')]);
  const sqlite = db.export();
  db.close();
  return zipSync({ meta: Uint8Array.from(options.meta ?? [0x08, 0x03]), 'collection.anki21b': zstdStored(sqlite), 'collection.anki2': new Uint8Array([1, 2, 3]), media: new Uint8Array() });
}

describe('the current package format (collection.anki21b: zstd, schema 18)', () => {
  it('reads note types, fields and decks from their own tables: a fact per cloze, a Basic note, the deck\'s name', async () => {
    const collection = await readAnkiPackage(await latestPackage());
    expect(collection.latest).toBe(true);
    const plan = planApkgImport(collection, { fileStem: 'x' });
    expect(plan.deck?.title).toBe('Europe::Capitals');
    expect(plan.deck?.questions.map((q) => [q.kind, q.prompt])).toEqual([
      ['cloze', '_____ is the capital of France.'],
      ['cloze', 'Paris is the capital of _____.'],
      ['short-answer', 'Capital of Italy?'],
    ]);
    const rome = plan.deck?.facts[2]?.id as string;
    const card = memoryFromAnki(plan.schedules.get(rome) as NonNullable<ReturnType<typeof plan.schedules.get>>, collection.crt, null, NOW);
    expect(card).toMatchObject({ state: 'review', stability: 14.5, difficulty: 4.2, scheduledDays: 12, due: '2026-05-31T04:00:00.000Z' });
  });

  it('refuses a package from a newer Anki (an unknown version in meta)', async () => {
    await expect(readAnkiPackage(await latestPackage({ meta: [0x08, 0x07] }))).rejects.toThrow(/newer Anki/);
  });
});

describe('bad packages are refused, and nothing is written', () => {
  async function importing(name: string, bytes: Uint8Array): Promise<{ code: string; err: string; written: string[] }> {
    const root = await copyOfProjectRoot(await dirs.make());
    const cwd = await dirs.make();
    await writeFile(join(cwd, name), bytes);
    const context = makeContext(root, cwd, NOW);
    let code = 'ok';
    try {
      await importCommand(context, name, { withProgress: true, data: join(cwd, 'data') });
    } catch (error) {
      code = error instanceof ReportedFailure ? 'reported' : (error as Error).name;
    }
    const written = [...(await readdir(join(root, 'questions'))).filter((entry) => entry !== 'blinken-visit-beijing' && !entry.endsWith('.json')), ...(existsSync(join(cwd, 'data')) ? ['data'] : [])];
    return { code, err: context.err(), written };
  }

  const good = (): Promise<Uint8Array> => exportedPackage(false);

  it.each([
    ['a path in an entry name', async () => zipSync({ '../../evil.txt': strToU8('x'), 'collection.anki2': (await import('fflate')).unzipSync(await good())['collection.anki2'] as Uint8Array }), /entry named "..\/..\/evil.txt"/],
    ['a truncated package', async () => (await good()).subarray(0, 2000), /not a zip file that can be read|damaged/],
    ['a corrupt collection', async () => zipSync({ 'collection.anki2': strToU8('SQLite format 3\0 but not really') }), /damaged: SQLite cannot read it/],
    ['a zip that is no Anki package', async () => zipSync({ 'notes.txt': strToU8('hello') }), /holds no collection.anki2/],
    ['a file that is not a zip', async () => strToU8('front,back\nq,a\n'), /does not start like one|not a zip/],
    ['a zstd stream that is not one', async () => zipSync({ meta: Uint8Array.from([0x08, 0x03]), 'collection.anki21b': strToU8('not zstd at all') }), /zstd/],
    [
      'a collection whose bytes do not match its checksum',
      async () => {
        const bytes = Buffer.from(zipSync({ 'collection.anki2': (await import('fflate')).unzipSync(await good())['collection.anki2'] as Uint8Array }, { level: 0 }));
        const at = bytes.indexOf('SQLite format 3') + 200;
        bytes[at] = (bytes[at] as number) ^ 0xff;
        return new Uint8Array(bytes);
      },
      /collection\.anki2 is damaged: its checksum does not match/,
    ],
    [
      'an encrypted collection',
      async () => withHeaders(zipSync({ 'collection.anki2': strToU8('SQLite format 3') }), (header, at) => header.writeUInt16LE(header.readUInt16LE(at) | 1, at), 6, 8),
      /collection\.anki2 is encrypted/,
    ],
    [
      'a collection compressed with a method Anki never uses',
      async () => withHeaders(zipSync({ 'collection.anki2': strToU8('SQLite format 3') }, { level: 0 }), (header, at) => header.writeUInt16LE(12, at), 8, 10),
      /compressed with method 12/,
    ],
  ])('%s', async (_name, make, says) => {
    const result = await importing('deck.apkg', await make());
    expect(result.code).toBe('reported');
    expect(result.err).toMatch(says);
    expect(result.written).toEqual([]);
  });

  it('a package whose collection is stored, not deflated, is read as well', async () => {
    const stored = zipSync({ 'collection.anki2': (await import('fflate')).unzipSync(await good())['collection.anki2'] as Uint8Array }, { level: 0 });
    const collection = await readAnkiPackage(stored);
    expect(collection.notes.map((note) => note.guid)).toEqual(DECK.questions.map((q) => `factdeck:harbour-storm:${q.id}`));
  });

  it('a zip bomb: an entry that says it unpacks to gigabytes is refused before it is inflated', async () => {
    const bytes = Buffer.from(zipSync({ 'collection.anki2': new Uint8Array(1000) }));
    // The central directory's uncompressed size, set to 3 GB.
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(3_000_000_000, central + 24);
    bytes.writeUInt32LE(3_000_000_000, 22);
    const result = await importing('bomb.apkg', new Uint8Array(bytes));
    expect(result.code).toBe('reported');
    expect(result.err).toMatch(/would unpack to .*MB \(the limit is 256 MB\)/);
    expect(result.written).toEqual([]);
  });

  it('a zip bomb that lies small: inflating stops at the declared size, and the cut collection is refused', async () => {
    const real = (await import('fflate')).unzipSync(await good())['collection.anki2'] as Uint8Array;
    const padded = new Uint8Array(real.length + 5_000_000);
    padded.set(real);
    const bytes = Buffer.from(zipSync({ 'collection.anki2': padded }));
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(4096, central + 24);
    const result = await importing('liar.apkg', new Uint8Array(bytes));
    expect(result.code).toBe('reported');
    expect(result.err).toMatch(/collection\.anki2 unpacks to more than the 4096 bytes it declares/);
    expect(result.written).toEqual([]);
  });

  it('a huge field: a deck over the 8 MB that factdeck opens is refused, not written', async () => {
    const { unzipSync } = await import('fflate');
    const SQL = await (require('sql.js') as (c: object) => Promise<SqlJsStatic>)({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
    const db = new SQL.Database(unzipSync(await good())['collection.anki2']);
    // A 9 MB back, made by SQLite itself (binding one that large from JavaScript is slow in sql.js).
    db.run("UPDATE notes SET flds = 'Where?' || char(31) || replace(hex(zeroblob(9437184)), '00', 'x') WHERE guid = 'factdeck:harbour-storm:q5'");
    const bytes = zipSync({ 'collection.anki2': db.export() });
    db.close();
    const result = await importing('huge.apkg', bytes);
    expect(result.code).toBe('reported');
    expect(result.err).toMatch(/over the 8 MB/);
    expect(result.written).toEqual([]);
  });
});

describe('export --format apkg and import of it, through the commands', () => {
  it('writes <deck id>.apkg by default and imports it back, the same questions, into its own folder', async () => {
    const root = await copyOfProjectRoot(await dirs.make());
    const cwd = await dirs.make();
    const original = JSON.parse(await readFile(join(root, 'questions', 'blinken-visit-beijing', 'deck.json'), 'utf8')) as Deck;
    const context = makeContext(root, cwd, NOW);
    await exportCommand(context, { format: 'apkg' });
    // One note per question, one card per fact.
    expect(context.out()).toMatch(new RegExp(`Exported ${original.questions.length} notes .* to blinken-visit-beijing\\.apkg \\(Anki package\\)`));
    const importing = makeContext(root, cwd, NOW);
    await importCommand(importing, 'blinken-visit-beijing.apkg', { out: 'back' });
    expect(importing.out()).toMatch(new RegExp(`Imported ${original.facts.length} cards \\(Anki package, older format\\)`));
    const back = JSON.parse(await readFile(join(cwd, 'back', 'deck.json'), 'utf8')) as Deck;
    expect(back.questions).toEqual(original.questions);
    expect(back.facts).toEqual(original.facts);
  });

  it('--with-progress only goes with apkg', async () => {
    const context = makeContext(await copyOfProjectRoot(await dirs.make()), await dirs.make(), NOW);
    await expect(exportCommand(context, { format: 'csv', withProgress: true })).rejects.toThrow(/--with-progress goes with --format apkg/);
  });
});

describe('an Anki collection with nothing in it', () => {
  it('is refused: no notes', () => {
    const empty: AnkiCollection = { crt: 0, noteTypes: [], decks: [], notes: [], cards: [] };
    expect(planApkgImport(empty, { fileStem: 'x' })).toMatchObject({ deck: null, problem: 'the package holds no notes' });
  });
});
