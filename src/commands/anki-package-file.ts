// Anki package files (.apkg): a zip holding a SQLite collection. Reads both the older collection
// (collection.anki2 / collection.anki21: schema 11, note types as JSON in the col table) and the one
// current Anki writes by default (collection.anki21b: zstd-compressed, schema 18, note types and decks in
// tables of their own); writes the schema-11 collection.anki2 that every Anki version, AnkiDroid included,
// imports. The zip is read by yauzl and written by yazl (both maintained zip libraries that inflate and
// deflate with Node's own zlib: native, several times as fast as in JavaScript for a collection of tens of
// megabytes); they and fzstd are inside the bundle (this module is itself loaded only by the apkg import
// and export); sql.js is required at the point of use, from node_modules, since its WebAssembly is read
// from disk.
//
// Hostile packages are refused before they cost much: entry names must be plain (no folders, no ".."),
// every size is checked against a limit before anything is inflated (and inflating never goes past the
// declared size), the zstd stream is counted as it comes, and SQLite only ever sees bytes in memory.

import { hash } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { type Entry, type ZipFile, fromBufferPromise } from 'yauzl';
import { ZipFile as ZipWriter } from 'yazl';
import { createRequire } from 'node:module';
import { Decompress } from 'fzstd';
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import { FIELD_SEPARATOR, type AnkiCard, type AnkiCollection, type AnkiNote, type AnkiNoteType, type AnkiReview, type ExportPlan } from '../bank/interop/anki-package.js';
import { htmlToText } from '../bank/interop/html-text.js';
import { DeckError } from '../errors.js';

const require = createRequire(import.meta.url);

/** A package larger than this is refused unread. */
export const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;
/** The collection inside, uncompressed. */
export const MAX_COLLECTION_BYTES = 256 * 1024 * 1024;
const MAX_SMALL_ENTRY_BYTES = 1024 * 1024;

const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

let sqlJs: Promise<SqlJsStatic> | undefined;

function loadSql(): Promise<SqlJsStatic> {
  const init = require('sql.js') as (config: { locateFile: (file: string) => string }) => Promise<SqlJsStatic>;
  sqlJs ??= init({ locateFile: (file) => require.resolve(`sql.js/dist/${file}`) });
  return sqlJs;
}

function refuse(message: string, hint = 'export the deck again from Anki (File > Export, "Anki Deck Package"), or check that the file is whole'): never {
  throw new DeckError(message, hint);
}

/** The version in a package's `meta` entry (a protobuf message whose field 1 is the version). */
function metaVersion(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  if (bytes[0] !== 0x08) return -1;
  let value = 0;
  for (let i = 1, shift = 0; i < bytes.length && shift < 28; i++, shift += 7) {
    const byte = bytes[i] as number;
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return value;
  }
  return -1;
}

interface Entries {
  names: string[];
  files: Record<string, Uint8Array>;
}

/**
 * The wanted entries of a zip (meta and the collection). The zip is read by yauzl, from its central
 * directory, and inflated by Node's zlib (native: several times as fast as inflating in JavaScript,
 * which counts for a collection of tens of megabytes). Every entry's name is checked before anything
 * else, every declared size against the limits before inflating, inflating stops once it passes the
 * declared size (yauzl's size check), and the bytes must match the entry's CRC-32 (which yauzl leaves to
 * its user).
 */
async function unzip(bytes: Uint8Array): Promise<Entries> {
  const notZip = (why: string): never => refuse(`this is not an Anki package: it is not a zip file that can be read (${why})`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Names are decoded here (decodeStrings off), so that a hostile one is refused with our own message.
  const zip = await fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }).catch((error: unknown) => notZip(zipProblem(error)));
  const names: string[] = [];
  const wanted: { name: string; entry: Entry }[] = [];
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = new TextDecoder().decode(entry.fileName as unknown as Uint8Array);
      names.push(name);
      if (name.includes('/') || name.includes('\\') || name.includes('..') || name.includes('\0') || name === '') {
        refuse(`the package holds an entry named ${JSON.stringify(name)}: an Anki package has no folders, so it is refused`, 'import only packages exported by Anki');
      }
      if (name !== 'meta' && !(COLLECTIONS as readonly string[]).includes(name)) continue;
      const limit = name === 'meta' ? MAX_SMALL_ENTRY_BYTES : MAX_COLLECTION_BYTES;
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limit || total > MAX_COLLECTION_BYTES) {
        refuse(`the package's ${name} would unpack to ${megabytes(entry.uncompressedSize)} (the limit is ${megabytes(limit)}): refused`, 'split the deck in Anki and export the parts');
      }
      wanted.push({ name, entry });
    }
  } catch (error) {
    if (error instanceof DeckError) throw error;
    notZip(zipProblem(error));
  }
  const files: Record<string, Uint8Array> = {};
  for (const { name, entry } of wanted) {
    if (entry.isEncrypted()) refuse(`the package's ${name} is encrypted: refused`, 'export the deck again from Anki, without a password');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) refuse(`the package's ${name} is compressed with method ${entry.compressionMethod}, which Anki does not use: refused`);
    const out = await entryBytes(zip, entry).catch((error: unknown) => {
      if (/too many bytes/i.test(zipProblem(error))) refuse(`the package's ${name} unpacks to more than the ${entry.uncompressedSize} bytes it declares: refused`);
      return notZip(`${name} cannot be read: ${zipProblem(error)}`);
    });
    if (out.length !== entry.uncompressedSize) refuse(`the package's ${name} is damaged: it unpacks to ${out.length} bytes, not the ${entry.uncompressedSize} it declares`);
    if (crc32(out) !== entry.crc32) refuse(`the package's ${name} is damaged: its checksum does not match`);
    files[name] = out;
  }
  return { names, files };
}

/**
 * An entry's bytes, read whole (its declared size, within the limits, was checked before): its stored
 * bytes, inflated in one call that stops past the declared size (a zip bomb costs no more than that).
 * One call, not yauzl's stream: inflating a collection of tens of megabytes through a stream's small
 * chunks was mostly waiting between them (three times as long).
 */
async function entryBytes(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const deflated = entry.compressionMethod === 8;
  // (yauzl takes `decompress` only for a compressed entry.)
  const stream = await zip.openReadStreamPromise(entry, deflated ? { decompress: false } : {});
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const stored = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  if (!deflated) return stored;
  try {
    return inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    // Node's words for output past maxOutputLength; yauzl's for the same, which the caller knows.
    if (error instanceof RangeError) throw new Error('too many bytes in the stream');
    throw error;
  }
}

/** yauzl's message, for the learner's: what it says is wrong with the zip. */
function zipProblem(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** zstd, counted as it is decompressed: a stream that would pass the limit is refused, not inflated. */
function unzstd(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Decompress((chunk) => {
    size += chunk.length;
    if (size > MAX_COLLECTION_BYTES) refuse(`the package's collection would unpack to more than ${megabytes(MAX_COLLECTION_BYTES)}: refused`, 'split the deck in Anki and export the parts');
    chunks.push(chunk);
  });
  try {
    stream.push(bytes, true);
  } catch (error) {
    if (error instanceof DeckError) throw error;
    refuse(`the package's collection is damaged: its zstd compression cannot be read (${(error as Error).message})`);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The collection's SQLite bytes, and which format it is. */
function collectionBytes(entries: Entries): { bytes: Uint8Array; latest: boolean } {
  const meta = entries.files.meta;
  const version = meta === undefined ? null : metaVersion(meta);
  if (version !== null && (version < 1 || version > 3)) {
    refuse('this package was made by a newer Anki than factdeck knows', 'in Anki, export it again with "Support older Anki versions" ticked');
  }
  const name = version === 3 ? 'collection.anki21b' : version === 2 ? 'collection.anki21' : version === 1 ? 'collection.anki2' : COLLECTIONS.find((n) => entries.files[n] !== undefined);
  const found = name === undefined ? undefined : entries.files[name];
  if (name === undefined || found === undefined) {
    const looksLikeZip = entries.names.length > 0 ? ` (it holds ${entries.names.slice(0, 5).map((n) => JSON.stringify(n)).join(', ')}${entries.names.length > 5 ? ', ...' : ''})` : '';
    refuse(`this zip is not an Anki package: it holds no collection.anki2, collection.anki21 or collection.anki21b${looksLikeZip}`);
  }
  return name === 'collection.anki21b' ? { bytes: unzstd(found), latest: true } : { bytes: found, latest: false };
}

type Row = Record<string, unknown>;

/** Every row of a query, as an object by column name: for the small tables. */
function all(db: Database, sql: string): Row[] {
  const statement = db.prepare(sql);
  const rows: Row[] = [];
  try {
    while (statement.step()) rows.push(statement.getAsObject() as Row);
  } finally {
    statement.free();
  }
  return rows;
}

/**
 * Every row of a query as an array of its columns, in the order selected: for notes, cards and the review
 * log (sql.js names the columns afresh for each row an object is made of, ten times the cost of the row).
 */
function eachRow(db: Database, sql: string, take: (row: unknown[]) => void): void {
  const statement = db.prepare(sql);
  try {
    while (statement.step()) take(statement.get());
  } finally {
    statement.free();
  }
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : Number(value) || 0);
const str = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : value === null || value === undefined ? '' : String(value));

function parseJsonObject(text: string, what: string): Record<string, Record<string, unknown>> {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, Record<string, unknown>>;
  } catch {
    // refused below
  }
  return refuse(`the package's collection is damaged: its ${what} cannot be read`);
}

/** Field 1 of a protobuf message, as a varint (a note type's kind: 1 is cloze). */
function protobufKind(config: unknown): number {
  if (!(config instanceof Uint8Array)) return 0;
  let i = 0;
  while (i < config.length) {
    const key = config[i++] as number;
    const field = key >> 3;
    const wire = key & 7;
    let value = 0;
    if (wire === 0) {
      for (let shift = 0; i < config.length; shift += 7) {
        const byte = config[i++] as number;
        if (shift < 28) value |= (byte & 0x7f) << shift;
        if ((byte & 0x80) === 0) break;
      }
      if (field === 1) return value;
    } else if (wire === 2) {
      let length = 0;
      for (let shift = 0; i < config.length; shift += 7) {
        const byte = config[i++] as number;
        if (shift < 28) length |= (byte & 0x7f) << shift;
        if ((byte & 0x80) === 0) break;
      }
      i += length;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else return 0;
  }
  return 0;
}

function readCollection(db: Database): AnkiCollection {
  const tables = new Set(all(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => str(row.name)));
  for (const table of ['col', 'notes', 'cards']) if (!tables.has(table)) refuse(`the package's collection is not an Anki collection: it has no ${table} table`);
  const col = all(db, 'SELECT crt, models, decks FROM col LIMIT 1')[0];
  if (col === undefined) refuse("the package's collection is damaged: its col table is empty");
  let noteTypes: AnkiNoteType[];
  let decks: { id: number; name: string }[];
  if (tables.has('notetypes') && tables.has('fields')) {
    const fields = new Map<number, { ord: number; name: string }[]>();
    for (const row of all(db, 'SELECT ntid, ord, name FROM fields')) {
      const list = fields.get(num(row.ntid)) ?? [];
      list.push({ ord: num(row.ord), name: str(row.name) });
      fields.set(num(row.ntid), list);
    }
    noteTypes = all(db, 'SELECT id, name, config FROM notetypes').map((row) => ({
      id: num(row.id),
      name: str(row.name),
      cloze: protobufKind(row.config) === 1,
      fields: (fields.get(num(row.id)) ?? []).sort((a, b) => a.ord - b.ord).map((f) => f.name),
    }));
    decks = tables.has('decks') ? all(db, 'SELECT id, name FROM decks').map((row) => ({ id: num(row.id), name: str(row.name).split('\u001f').join('::') })) : [];
  } else {
    const models = parseJsonObject(str(col.models), 'note types');
    noteTypes = Object.values(models).map((model) => ({
      id: num(model.id),
      name: str(model.name),
      cloze: num(model.type) === 1,
      fields: (Array.isArray(model.flds) ? (model.flds as Row[]) : []).sort((a, b) => num(a.ord) - num(b.ord)).map((f) => str(f.name)),
    }));
    decks = Object.values(parseJsonObject(str(col.decks), 'decks')).map((deck) => ({ id: num(deck.id), name: str(deck.name) }));
  }
  const notes: AnkiNote[] = [];
  eachRow(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id', ([id, guid, mid, tags, flds]) => {
    notes.push({ id: num(id), guid: str(guid), noteTypeId: num(mid), tags: str(tags).split(/\s+/).filter((tag) => tag !== ''), fields: str(flds).split(FIELD_SEPARATOR) });
  });
  const reviews = new Map<number, AnkiReview[]>();
  if (tables.has('revlog')) {
    eachRow(db, 'SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id', ([id, cid, ease, ivl, lastIvl, factor, time, type]) => {
      const card = num(cid);
      let list = reviews.get(card);
      if (list === undefined) reviews.set(card, (list = []));
      list.push({ id: num(id), ease: num(ease), ivl: num(ivl), lastIvl: num(lastIvl), factor: num(factor), time: num(time), type: num(type) });
    });
  }
  const cards: AnkiCard[] = [];
  eachRow(db, 'SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, data FROM cards', (row) => {
    const [id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, data] = row;
    cards.push({
      id: num(id),
      noteId: num(nid),
      deckId: num(did),
      ord: num(ord),
      type: num(type),
      queue: num(queue),
      due: num(due),
      ivl: num(ivl),
      factor: num(factor),
      reps: num(reps),
      lapses: num(lapses),
      left: num(left),
      odue: num(odue),
      odid: num(odid),
      data: str(data),
      reviews: reviews.get(num(id)) ?? [],
    });
  });
  return { crt: num(col.crt), noteTypes, decks, notes, cards };
}

const UNICASE = /\bCOLLATE\s+unicase\b/gi;

function usesUnicase(db: Database): boolean {
  return all(db, "SELECT 1 AS found FROM sqlite_master WHERE sql LIKE '%unicase%' LIMIT 1").length > 0;
}

/**
 * The collection's bytes with its schema naming SQLite's NOCASE collation where Anki's names its own
 * "unicase" (current Anki's tables of note types, fields, templates, decks and tags). SQLite cannot read
 * a table whose collation it does not know (WITHOUT ROWID tables answer "no query solution"), and sql.js
 * cannot register one; reading every row does not depend on the collation, and nothing is written back.
 * The schema is read again only when the database is opened afresh, hence the copy.
 */
function withoutUnicase(db: Database): Uint8Array {
  const rows = all(db, "SELECT type, name, sql FROM sqlite_master WHERE sql LIKE '%unicase%'");
  db.exec('PRAGMA writable_schema = ON');
  const update = db.prepare('UPDATE sqlite_master SET sql = ? WHERE type = ? AND name = ?');
  try {
    for (const row of rows) update.run([str(row.sql).replace(UNICASE, 'COLLATE NOCASE'), str(row.type), str(row.name)]);
  } finally {
    update.free();
  }
  db.exec('PRAGMA writable_schema = OFF');
  return db.export();
}

/** Reads a package; a DeckError says what is wrong with one that cannot be read. */
export async function readAnkiPackage(bytes: Uint8Array): Promise<AnkiCollection & { latest: boolean }> {
  if (bytes.length > MAX_PACKAGE_BYTES) refuse(`the package is too large (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_PACKAGE_BYTES)})`, 'split the deck in Anki and export the parts');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse('this is not an Anki package: an .apkg file is a zip, and this one does not start like one');
  const { bytes: sqlite, latest } = collectionBytes(await unzip(bytes));
  const SQL = await loadSql();
  let db: Database | undefined;
  try {
    db = new SQL.Database(sqlite);
    if (usesUnicase(db)) {
      const copy = withoutUnicase(db);
      db.close();
      db = new SQL.Database(copy);
    }
    return { ...readCollection(db), latest };
  } catch (error) {
    if (error instanceof DeckError) throw error;
    return refuse(`the package's collection is damaged: SQLite cannot read it (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Writing: a schema-11 collection (as Anki's own legacy export writes it), zipped as collection.anki2.

const SCHEMA = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL,
  usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL,
  flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
  type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
  lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
  lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
`;

/**
 * Anki's indexes of schema 11, made once the rows are in (sorting once costs less than keeping them in
 * order row by row): those of the notes and cards while the review log may still be being read, then
 * the review log's.
 */
const NOTE_AND_CARD_INDEXES = `
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_notes_csum ON notes (csum);
`;
const REVLOG_INDEXES = `
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_revlog_cid ON revlog (cid);
`;

const CSS = '.card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.source, .fact { font-size: 16px; color: #555; margin-top: 1em; }';

function noteTypeJson(type: AnkiNoteType, deckId: number, mod: number): Record<string, unknown> {
  const field = (name: string, ord: number): Record<string, unknown> => ({
    name,
    ord,
    sticky: false,
    rtl: false,
    font: 'Arial',
    size: 20,
    media: [],
    ...(name === 'factdeck' ? { description: 'factdeck reads the note back from this; leave it as it is', collapsed: true, excludeFromSearch: true } : {}),
  });
  const extras = '{{#Source}}<div class=source>{{Source}}</div>{{/Source}}{{#Fact}}<div class=fact>{{Fact}}</div>{{/Fact}}';
  const template = type.cloze
    ? { name: 'Cloze', ord: 0, qfmt: '{{cloze:Text}}', afmt: `{{cloze:Text}}<br>{{Back}}${extras}`, bqfmt: '', bafmt: '', did: null }
    : { name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}${extras}`, bqfmt: '', bafmt: '', did: null };
  return {
    id: type.id,
    name: type.name,
    type: type.cloze ? 1 : 0,
    mod,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [template],
    flds: type.fields.map(field),
    css: CSS,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req: type.cloze ? [] : [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

function deckJson(id: number, name: string, conf: number, mod: number): Record<string, unknown> {
  return { id, mod, name, usn: -1, lrnToday: [0, 0], revToday: [0, 0], newToday: [0, 0], timeToday: [0, 0], collapsed: false, browserCollapsed: false, desc: '', dyn: 0, conf, extendNew: 0, extendRev: 0 };
}

function deckConfigJson(id: number, name: string, mod: number, fsrs: { parameters: readonly number[] | null; retention: number } | null): Record<string, unknown> {
  return {
    id,
    mod,
    name,
    usn: -1,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    ...(fsrs === null ? {} : { desiredRetention: fsrs.retention, ...(fsrs.parameters === null ? {} : { fsrsParams6: [...fsrs.parameters] }) }),
  };
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the first field's text. */
function checksum(text: string): number {
  // One call (no Hash object): a quarter of the time, for the 20,000 notes of a large deck.
  return Number.parseInt(hash('sha1', text).slice(0, 8), 16);
}

/**
 * zlib's level 3: a tenth larger than its default (6) for a collection of tens of megabytes, in less
 * than half the time.
 */
const ZIP_LEVEL = 3;

/** A zip of the files, written by yazl, each deflated by Node's zlib (as Anki's own packages are). */
async function zipFiles(files: readonly [string, Uint8Array][]): Promise<Uint8Array> {
  const zip = new ZipWriter();
  // No time (1980-01-01): two exports of the same deck and progress are the same bytes.
  const mtime = new Date(1980, 0, 1);
  for (const [name, data] of files) zip.addBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), name, { compressionLevel: ZIP_LEVEL, mtime, mode: 0o100644 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Rows of a table inserted a hundred to a statement: each run of a statement is a round of calls between
 * JavaScript and SQLite's WebAssembly, and for 135,000 rows those rounds, not SQLite, were most of the time.
 *
 * Text goes in as its UTF-8 bytes, cast back to text by SQLite: the row is written with `CAST(? AS TEXT)`
 * for each text value. sql.js copies a string into WebAssembly's memory character by character, in
 * JavaScript, three times over (its length, then its bytes); Node encodes it natively and the bytes are
 * copied in one call. For the tens of megabytes of an export's notes that was most of their inserts. A
 * blob cast to text is that text, byte for byte, as the column would have stored it.
 */
class RowInserter {
  static readonly ROWS = 100;
  private readonly full: Statement;
  /** For each value of a row: whether it is text (a `CAST(? AS TEXT)` of the row). */
  private readonly text: boolean[];
  private values: SqlValue[] = [];
  private rows = 0;

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly row: string,
  ) {
    this.text = row.split('?').slice(0, -1).map((before) => before.endsWith('CAST('));
    this.full = db.prepare(this.statement(RowInserter.ROWS));
  }

  private statement(rows: number): string {
    return `INSERT INTO ${this.table} VALUES ${Array.from({ length: rows }, () => this.row).join(', ')}`;
  }

  add(...values: (number | string)[]): void {
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number | string;
      if (this.text[i] === true) {
        if (typeof value !== 'string') throw new TypeError(`${this.table}: value ${i + 1} of a row must be text`);
        this.values.push(Buffer.from(value, 'utf8'));
      } else {
        if (typeof value === 'string') throw new TypeError(`${this.table}: value ${i + 1} of a row is text; write it as CAST(? AS TEXT)`);
        this.values.push(value);
      }
    }
    if (++this.rows === RowInserter.ROWS) {
      this.full.run(this.values);
      this.values = [];
      this.rows = 0;
    }
  }

  /** The rows still waiting, in one statement of their number. */
  flush(): void {
    if (this.rows === 0) return;
    const last = this.db.prepare(this.statement(this.rows));
    try {
      last.run(this.values);
    } finally {
      last.free();
    }
    this.values = [];
    this.rows = 0;
  }

  free(): void {
    this.full.free();
  }
}

/**
 * A new collection with its tables, in pages of 64 KiB (sql.js keeps the file in a JavaScript array, and
 * each write of a page is a call into it: a sixteenth of the calls of 4 KiB pages; any page size is a
 * valid collection for Anki), whose file is already `bytes` long. sql.js grows its in-memory file by an
 * eighth at a time, copying it whole each time: written page after page, a collection of tens of
 * megabytes is copied some thirty times over, which cost more than all its inserts. Opened from a file of
 * the size it will have, it is written in place; SQLite's header says how many pages are in use, and the
 * file is cut to them when the collection is committed.
 */
function presizedDatabase(SQL: SqlJsStatic, bytes: number): Database {
  const empty = new SQL.Database();
  let first: Uint8Array;
  try {
    empty.exec('PRAGMA page_size = 65536;');
    empty.exec(SCHEMA);
    first = empty.export();
  } finally {
    empty.close();
  }
  const file = new Uint8Array(Math.max(first.length, bytes));
  file.set(first);
  return new SQL.Database(file);
}

/** About the size of the collection for a plan (a little over: what is not used is cut off). */
function collectionSizeGuess(plan: ExportPlan): number {
  let bytes = 1024 * 1024;
  for (const note of plan.notes) {
    // Fields in UTF-8 (up to 3 bytes a UTF-16 unit), the sort field, the row, the card and its reviews.
    for (const field of note.fields) bytes += field.length * 1.2;
    // A card's reviews may be added to the plan only later (see writeAnkiPackage): its count of them then.
    bytes += (note.fields[0]?.length ?? 0) + 200 + note.card.data.length + Math.max(note.card.reviews.length, note.card.reps) * 64;
  }
  return Math.min(MAX_COLLECTION_BYTES, Math.ceil(bytes * 1.25));
}

/**
 * The package's bytes for an export plan. `beforeRevlog`, when given, is awaited once the notes and cards
 * are in the collection and before the review log is written from the plan: it may add the reviews to the
 * plan then (addRevlog), from a history read meanwhile.
 */
export async function writeAnkiPackage(plan: ExportPlan, now: Date, fsrs: { parameters: readonly number[] | null; retention: number } | null, beforeRevlog?: () => Promise<void>): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = presizedDatabase(SQL, collectionSizeGuess(plan));
  try {
    // All in memory: no journal, no syncs, every page kept in the cache until the one write at the end.
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000; PRAGMA locking_mode = EXCLUSIVE;');
    const mod = Math.floor(now.getTime() / 1000);
    const models: Record<string, unknown> = {};
    for (const type of plan.noteTypes) models[String(type.id)] = noteTypeJson(type, plan.deckId, mod);
    const decks = { '1': deckJson(1, 'Default', 1, mod), [String(plan.deckId)]: deckJson(plan.deckId, plan.deckName, plan.deckConfigId, mod) };
    const dconf = { '1': deckConfigJson(1, 'Default', mod, null), [String(plan.deckConfigId)]: deckConfigJson(plan.deckConfigId, 'factdeck', mod, fsrs) };
    const conf = {
      activeDecks: [plan.deckId],
      curDeck: plan.deckId,
      newSpread: 0,
      collapseTime: 1200,
      timeLim: 0,
      estTimes: true,
      dueCounts: true,
      curModel: plan.noteTypes[0]?.id ?? null,
      nextPos: plan.notes.length + 1,
      sortType: 'noteFld',
      sortBackwards: false,
      addToCur: true,
      schedVer: 2,
      sched2021: true,
      rollover: 4,
      creationOffset: new Date(plan.crt * 1000).getTimezoneOffset(),
    };
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [plan.crt, mod * 1000, mod * 1000, JSON.stringify(conf), JSON.stringify(models), JSON.stringify(decks), JSON.stringify(dconf), '{}']);
    db.exec('BEGIN');
    const note = new RowInserter(db, 'notes', "(?, CAST(? AS TEXT), ?, ?, -1, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, 0, '')");
    const card = new RowInserter(db, 'cards', '(?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, CAST(? AS TEXT))');
    const revlog = new RowInserter(db, 'revlog', '(?, ?, -1, ?, ?, ?, ?, ?, ?)');
    try {
      for (const n of plan.notes) {
        const sortField = htmlToText(n.fields[0] ?? '');
        note.add(n.id, n.guid, n.noteTypeId, mod, n.tags.length === 0 ? '' : ` ${n.tags.join(' ')} `, n.fields.join(FIELD_SEPARATOR), sortField, checksum(sortField));
        const c = n.card;
        card.add(c.id, n.id, plan.deckId, mod, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.data);
      }
      note.flush();
      card.flush();
      db.exec(NOTE_AND_CARD_INDEXES);
      if (beforeRevlog !== undefined) await beforeRevlog();
      for (const n of plan.notes) for (const r of n.card.reviews) revlog.add(r.id, n.card.id, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
      revlog.flush();
    } finally {
      for (const inserter of [note, card, revlog]) inserter.free();
    }
    db.exec(REVLOG_INDEXES);
    db.exec('COMMIT');
    return await zipFiles([
      ['collection.anki2', db.export()],
      ['media', new TextEncoder().encode('{}')],
    ]);
  } finally {
    db.close();
  }
}

