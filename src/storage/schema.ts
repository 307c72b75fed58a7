// The shape of the progress database, and the one gate every byte read from disk passes through:
// parse -> checksum -> migrate -> validate (skipped for a file this very build wrote: it validated it
// before writing). Past parseDatabase the data is trusted; nothing else checks it again.
// Everything is an array of records (never an object keyed by user data), so ids such as "__proto__"
// or "constructor" are plain string values and never object keys. On disk, the lists that grow with the
// facts met (cards, facts, kinds, days) are kept per deck, as tables (see tables.ts): half the bytes of
// records' objects, and a command on one deck parses only that deck's part of the file.

import { createHash } from 'node:crypto';
import { locateJsonError } from '../bank/json-location.js';
import { programStamp } from '../program-stamp.js';
import { type DeckLists, type SectionSpan, type TableName, decodeTables, emptyLists, fileValue, findSections, flattenSections, isTableValue, layoutSection, takeSection } from './tables.js';

export const DB_SCHEMA_VERSION = 5;

/** What the learner gave: typed text, a true/false pick, chosen or ordered items, or nothing (skipped). */
import type { Given } from '../domain/deck.js';
import { isParameterList, PARAMETER_COUNT, type MemoryCard, type ReviewEntry } from '../scheduling/fsrs.js';
import { applyEvents, type HistoryEvent } from './history.js';

export type { Given };

export interface Attempt {
  id: string;
  sessionId: string;
  profile: string;
  deckId: string;
  questionId: string;
  factId: string;
  kind: string;
  given: Given;
  correct: boolean;
  /** ISO time. */
  at: string;
  ms: number;
  /** Re-graded as right by "I was right". */
  claimed?: boolean;
}

export interface SessionRecord {
  id: string;
  profile: string;
  deckId: string;
  mode: 'quiz' | 'review';
  startedAt: string;
  endedAt: string | null;
  status: 'active' | 'finished' | 'abandoned';
  correct: number;
  answered: number;
  planned: number;
  seed: number;
  /** The process running it, while active: a run whose process is gone was killed, and is abandoned. */
  pid?: number;
  /** Where that pid means something (this machine and PID namespace; see process-identity.ts). */
  pidScope?: string;
}

export interface AliasRecord {
  profile: string;
  deckId: string;
  questionId: string;
  text: string;
  at: string;
}

/** The memory of one fact for one profile (FSRS), created the first time the fact is seen. */
export interface CardRecord extends MemoryCard {
  profile: string;
  deckId: string;
  factId: string;
  /** When the fact was first rated. */
  firstSeen: string;
  /** Where it was first rated: `study`'s new cards a day count those it introduced itself. */
  firstSource?: ReviewRecord['source'];
}

/** One rating of a card, kept with the attempt that caused it (none for flashcard study). */
export interface ReviewRecord extends ReviewEntry {
  id: string;
  profile: string;
  deckId: string;
  factId: string;
  attemptId: string | null;
  source: 'quiz' | 'review' | 'study';
  /** The card after the rating (null only for reviews carried over from database version 2). */
  after: MemoryCard | null;
}

/** What a profile's answers say about one fact: counts and the latest attempt. */
export interface FactProgress {
  profile: string;
  deckId: string;
  factId: string;
  attempts: number;
  correct: number;
  lastCorrect: boolean;
  lastAt: string;
  lastKind: string;
  lastQuestionId: string;
  lastAttemptId: string;
}

/** Answers per question kind, for stats. */
export interface KindTally {
  profile: string;
  deckId: string;
  kind: string;
  attempts: number;
  correct: number;
}

/** Activity per study day (YYYY-MM-DD), for the heatmap and the streak. */
export interface DayTally {
  profile: string;
  deckId: string;
  day: string;
  answers: number;
  studied: number;
  /** Ratings of cards that were in review (Anki's true retention counts these), and how many were not Again. */
  reviewed?: number;
  recalled?: number;
}

/** A question the learner took out of their runs ("wrong or unfair"): never asked again until unsuspended. */
export interface SuspendRecord {
  profile: string;
  deckId: string;
  questionId: string;
  factId: string;
  at: string;
}

/** Per-profile settings (`factdeck config`); a profile without a record uses the defaults. */
export interface ProfileRecord {
  name: string;
  desiredRetention: number;
  newPerDay: number;
  /** The hour (local time) at which a new study day starts, as in Anki. */
  dayStartHour: number;
  /** FSRS parameters fitted to this profile's reviews by `factdeck optimize`; absent: the defaults. */
  fsrsParameters?: number[];
}

/**
 * The database file: what the history log adds up to. It grows with the facts a learner has met, never
 * with the number of answers: those go to the history log beside it.
 */
export interface DatabaseData {
  schemaVersion: number;
  /** How many bytes of the history log this file already includes; the rest is replayed on open. */
  logBytes: number;
  /** Active sessions and the most recent ended ones. */
  sessions: SessionRecord[];
  aliases: AliasRecord[];
  cards: CardRecord[];
  facts: FactProgress[];
  kinds: KindTally[];
  days: DayTally[];
  profiles: ProfileRecord[];
  suspended: SuspendRecord[];
}

export type ParseResult =
  /**
   * `history`: events a migration moved out of the file, for the store to append to the history log.
   * `trusted`: written by this build with a matching checksum, so not validated again (see parseDatabase);
   * a file that is not is validated on each read until this build next writes it (a checkpoint, or the
   * store's close, which rewrites such a file once).
   */
  | {
      ok: true;
      data: DatabaseData;
      migrated: boolean;
      history: HistoryEvent[];
      trusted: boolean;
      /**
       * Read with `decks`: `data` holds those decks' cards, facts and tallies only (with all the rest), and
       * this gives the other decks' records, parsed when called (see parseDatabaseFile).
       */
      rest?: () => DeckLists;
    }
  /** `newer` is set when the file comes from a later factdeck: it is not damaged, this program is old. */
  | { ok: false; problem: string; newer?: boolean };

export function emptyDatabase(): DatabaseData {
  return { schemaVersion: DB_SCHEMA_VERSION, logBytes: 0, sessions: [], aliases: [], cards: [], facts: [], kinds: [], days: [], profiles: [], suspended: [] };
}

type JsonObject = Record<string, unknown>;

/**
 * One step per old version, applied in order. A step sees the raw object of its version (not yet
 * validated) and returns the next version's; validation runs once, on the result.
 */
const MIGRATIONS: ReadonlyArray<{ from: number; migrate: (old: JsonObject, history: HistoryEvent[], problems: string[]) => JsonObject }> = [
  // Version 0: the first files carried no schemaVersion; the records were already today's.
  { from: 0, migrate: (old) => ({ schemaVersion: 1, ...old }) },
  // Version 2 adds spaced repetition: memory cards, their review log, and per-profile settings.
  { from: 1, migrate: (old) => ({ ...old, schemaVersion: 2, cards: old.cards ?? [], reviews: old.reviews ?? [], profiles: old.profiles ?? [] }) },
  // Version 3 moves answers and ratings to the history log and keeps what they add up to.
  { from: 2, migrate: migrateToHistoryLog },
  // Version 4 adds suspended questions.
  { from: 3, migrate: (old) => ({ ...old, schemaVersion: 4, suspended: old.suspended ?? [] }) },
  // Version 5 writes the large lists as tables (the records themselves are version 4's).
  { from: 4, migrate: (old) => ({ ...old, schemaVersion: 5 }) },
];

function listOf(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function migrateToHistoryLog(old: JsonObject, history: HistoryEvent[], problems: string[]): JsonObject {
  // Answers and ratings become history events, which the log is read back through validateEvent: a
  // damaged record is refused here, with its path, rather than written into a log that cannot be read.
  checkList(old, 'attempts', checkAttempt, problems);
  checkList(old, 'reviews', checkReview, problems);
  if (problems.length > 0) return old;
  const attempts = listOf(old.attempts);
  const next = {
    schemaVersion: 3,
    logBytes: 0,
    sessions: [] as unknown[],
    aliases: old.aliases,
    cards: listOf(old.cards).map((card) => ({ firstSeen: card.lastReview ?? card.due, ...card })),
    facts: [],
    kinds: [],
    days: [],
    profiles: old.profiles,
  };
  const events: HistoryEvent[] = attempts.map((attempt) => ({ type: 'attempt', attempt: attempt as unknown as Attempt }));
  // Sessions already count their answers: they join after the attempts are added up.
  applyEvents(next as unknown as DatabaseData, events);
  next.sessions = listOf(old.sessions);
  history.push(...events);
  for (const review of listOf(old.reviews)) history.push({ type: 'review', review: { ...(review as unknown as ReviewRecord), after: null } });
  for (const session of listOf(old.sessions)) history.push({ type: 'session', session: session as unknown as SessionRecord });
  return next;
}

const MAX_LISTED_PROBLEMS = 5;

/** Date.parse alone accepts "March 7"; stored times are what Date#toISOString writes (or an offset form). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A stored time: of the form of the regular expression, and one Date.parse reads. */
export function isIsoTime(value: unknown): boolean {
  return typeof value === 'string' && (isPlainIsoTime(value) || (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))));
}

/**
 * The common case, Date#toISOString's own form (`2026-01-31T08:00:00.000Z`) with a day no later than the
 * 28th, checked digit by digit: a subset of what the regular expression and Date.parse accept, at a
 * fraction of their cost (a history holds millions). Anything else goes the slow way.
 */
function isPlainIsoTime(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46 || v.charCodeAt(23) !== 90) return false;
  for (let k = 0; k < DIGIT_PLACES.length; k++) {
    const c = v.charCodeAt(DIGIT_PLACES[k] as number);
    if (c < 48 || c > 57) return false;
  }
  const month = twoDigits(v, 5);
  const day = twoDigits(v, 8);
  return month >= 1 && month <= 12 && day >= 1 && day <= 28 && twoDigits(v, 11) <= 23 && twoDigits(v, 14) <= 59 && twoDigits(v, 17) <= 59;
}

function twoDigits(v: string, i: number): number {
  return (v.charCodeAt(i) - 48) * 10 + v.charCodeAt(i + 1) - 48;
}

const DIGIT_PLACES = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * Reads the database file's text. A file this build of factdeck wrote (its `writtenBy`) whose checksum
 * matches was validated in full before it was written (the store validates every checkpoint), so it is
 * not validated again: only a file without a checksum, of another database version or written by another
 * build (an older or newer factdeck, another install) is. `full` validates every file (doctor). `bytes`,
 * the file's bytes that `text` was decoded from (as strict UTF-8), spare the checksum encoding the text
 * again. With `decks`, a file this build wrote is read in part (see parseDatabaseFile).
 */
export function parseDatabase(text: string, options: { full?: boolean; bytes?: Uint8Array; decks?: ReadonlySet<string> } = {}): ParseResult {
  if (options.decks !== undefined && options.full !== true) {
    const bytes = options.bytes ?? Buffer.from(text, 'utf8');
    const scoped = parseScoped(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options.decks);
    if (scoped !== null) return scoped;
  }
  if (text.length === 0) return { ok: false, problem: 'empty file' };
  if (/^\0+$/.test(text)) {
    return { ok: false, problem: 'the file holds only zero bytes (a crash or power loss during a save can do this)' };
  }
  // Editors on Windows may add a byte-order mark; it is not part of the data.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const where = locateJsonError(body);
    return {
      ok: false,
      problem: where === null ? 'invalid JSON' : `invalid JSON at line ${where.line}, column ${where.column}: ${where.reason}`,
    };
  }

  if (!isObject(value)) return { ok: false, problem: `the top level must be an object, not ${typeName(value)}` };

  const version = value.schemaVersion === undefined ? 0 : value.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: `schemaVersion must be a whole number, not ${JSON.stringify(version)}` };
  }
  if (version > DB_SCHEMA_VERSION) {
    return {
      ok: false,
      newer: true,
      problem:
        `it was saved by a newer factdeck (database version ${version}; this factdeck reads up to version ${DB_SCHEMA_VERSION}). ` +
        'Upgrade factdeck to use it',
    };
  }

  // After the version: a newer factdeck's file is "upgrade", whatever it sums up.
  let summed = false;
  if (Object.hasOwn(value, 'checksum')) {
    const problem = checksumProblem(body, value, body === text ? withoutByteOrderMark(options.bytes) : undefined);
    if (problem !== null) return { ok: false, problem };
    delete value.checksum;
    summed = true;
  }
  const writtenBy = value.writtenBy;
  delete value.writtenBy;
  let paths: Record<TableName, string[]> | undefined;
  if (version >= 5) {
    const tableProblems: string[] = [];
    decodeTables(value, tableProblems);
    paths = flattenSections(value, tableProblems);
    if (tableProblems.length > 0) return { ok: false, problem: summarize(tableProblems) };
  }

  let current: JsonObject = value;
  const history: HistoryEvent[] = [];
  const migrationProblems: string[] = [];
  for (let from = version; from < DB_SCHEMA_VERSION; from += 1) {
    const step = MIGRATIONS.find((migration) => migration.from === from);
    if (step === undefined) return { ok: false, problem: `no migration from database version ${from}` };
    current = step.migrate(current, history, migrationProblems);
    if (migrationProblems.length > 0) return { ok: false, problem: summarize(migrationProblems) };
  }

  const ours = summed && version === DB_SCHEMA_VERSION && writtenBy === thisWriter() && programStamp() !== 'unknown' && options.full !== true;
  const problems = ours ? [] : validateDatabase(current, version === DB_SCHEMA_VERSION ? paths : undefined);
  if (problems.length > 0) return { ok: false, problem: summarize(problems) };
  return { ok: true, data: current as unknown as DatabaseData, migrated: version !== DB_SCHEMA_VERSION, history, trusted: ours };
}

/**
 * parseDatabase's way for a command on some decks: a file this build wrote, its checksum right (so laid
 * out exactly as layoutDatabase lays it out), is parsed but for the sections of other decks, which
 * `rest` parses when called. null for any other file, which is read in full.
 */
/**
 * The database file as its bytes, `text` decoding them all (as strict UTF-8) when called. With `decks`, a
 * file this build wrote with a right checksum is read in part: its head and those decks' sections are
 * decoded and parsed, the other sections when `rest` is called (a learner's other decks cost a command on
 * one deck nothing; decoding a whole file of 3 MB to read a small deck's section was most of its read).
 * Any other file is read whole, as parseDatabase reads it.
 */
export function parseDatabaseFile(bytes: Buffer, text: () => string, options: { decks?: ReadonlySet<string> } = {}): ParseResult {
  if (options.decks !== undefined) {
    const scoped = parseScoped(bytes, options.decks);
    if (scoped !== null) return scoped;
  }
  return parseDatabase(text(), { bytes });
}

const CHECKSUM_START = Buffer.from('{\n  "checksum": "sha256:', 'latin1');

/** See parseDatabaseFile: null when the file is not one this build wrote, laid out as it lays it out. */
function parseScoped(file: Buffer, decks: ReadonlySet<string>): ParseResult | null {
  const bytes = withoutByteOrderMark(file);
  if (programStamp() === 'unknown' || !bytes.subarray(0, CHECKSUM_START.length).equals(CHECKSUM_START)) return null;
  const found = findSections(bytes);
  if (found === null) return null;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let head: unknown;
  try {
    head = JSON.parse(`${utf8.decode(bytes.subarray(0, found.headEnd))}\n}`);
  } catch {
    return null;
  }
  if (!isObject(head) || head.schemaVersion !== DB_SCHEMA_VERSION || head.writtenBy !== thisWriter()) return null;
  const sum = head.checksum;
  if (typeof sum !== 'string' || !CHECKSUM.test(sum)) return null;
  const headLine = Buffer.from(`{\n  "checksum": ${JSON.stringify(sum)},\n`, 'utf8');
  if (!bytes.subarray(0, headLine.length).equals(headLine) || digest('{\n', bytes.subarray(headLine.length)) !== sum) return null;
  delete head.checksum;
  delete head.writtenBy;
  const take = (spans: readonly SectionSpan[]): DeckLists => {
    const lists = emptyLists();
    const problems: string[] = [];
    for (const span of spans) takeSection(JSON.parse(utf8.decode(bytes.subarray(span.from, span.to))), span.deckId, lists, problems);
    // The file's checksum is right and this build wrote it: its sections are as it laid them out.
    if (problems.length > 0) throw new Error(`factdeck wrote a deck section it cannot read back: ${summarize(problems)}`);
    return lists;
  };
  let lists: DeckLists;
  try {
    lists = take(found.spans.filter((span) => decks.has(span.deckId)));
  } catch {
    return null;
  }
  const others = found.spans.filter((span) => !decks.has(span.deckId));
  const data = { ...head, ...lists } as unknown as DatabaseData;
  return { ok: true, data, migrated: false, history: [], trusted: true, ...(others.length > 0 ? { rest: () => take(others) } : {}) };
}

const CHECKSUM = /^sha256:[0-9a-f]{64}$/;

/** A strict UTF-8 decoder drops a leading byte-order mark: the bytes of the text it gives start after it. */
function withoutByteOrderMark<B extends Uint8Array | undefined>(bytes: B): B {
  return bytes !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? (bytes.subarray(3) as B) : bytes;
}

let writer: string | undefined;

/**
 * This build of factdeck as the database file names its writer: a hash of the program's stamp (its file's
 * size, time and inode; see program-stamp.ts), so no path or inode is written into the learner's file.
 */
export function thisWriter(): string {
  writer ??= `factdeck ${createHash('sha256').update(programStamp()).digest('hex').slice(0, 16)}`;
  return writer;
}

function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * The database file's text: the data as JSON, led by a checksum of that JSON (without the checksum line),
 * so that a flipped bit that leaves the JSON valid (a digit, a letter of an id) is noticed on reading.
 */
export function serializeDatabase(data: DatabaseData): string {
  return encodeDatabase(data).toString('utf8');
}

/**
 * The database file's bytes (serializeDatabase's text as UTF-8). The text is encoded once: its checksum is
 * taken on those bytes, and written into the space its line keeps for it.
 */
export function encodeDatabase(data: DatabaseData): Buffer {
  const body = layoutDatabase(fileValue({ writtenBy: thisWriter(), ...data }));
  const head = `{\n  "checksum": "sha256:`;
  const bytes = Buffer.from(`${head}${'0'.repeat(64)}",\n${body.slice(2)}`, 'utf8');
  // Everything before the body's first record is ASCII: as many bytes as characters.
  const bodyAt = head.length + 64 + 3;
  const sum = createHash('sha256').update('{\n').update(bytes.subarray(bodyAt)).digest('hex');
  bytes.write(sum, head.length, 'latin1');
  return bytes;
}

/**
 * The database's JSON as the file lays it out: each top-level field on a line of its own, and each record
 * of a list (a session, a suspension...) or row of a table (a card, a fact's progress, a day's tally; see
 * tables.ts) on one line. Still JSON to read and to edit by hand, a line per record: fewer bytes to read,
 * hash, parse and write at every open and checkpoint of a large history than indentation.
 */
export function layoutDatabase(value: object): string {
  const lines = ['{'];
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  const eachOnItsLine = (list: readonly unknown[]): void => {
    const last = list.length - 1;
    list.forEach((record: unknown, j) => lines.push(`    ${JSON.stringify(record) ?? 'null'}${j === last ? '' : ','}`));
  };
  entries.forEach(([name, field], i) => {
    const comma = i === entries.length - 1 ? '' : ',';
    if (name === 'decks' && Array.isArray(field) && field.length > 0) {
      lines.push(`  "decks": [`);
      field.forEach((section: unknown, j) => layoutSection(section, j === field.length - 1, lines));
      lines.push(`  ]${comma}`);
      return;
    }
    if (isTableValue(field) && Object.keys(field).length === 2 && field.rows.length > 0) {
      lines.push(`  ${JSON.stringify(name)}: {"fields": ${JSON.stringify(field.fields)}, "rows": [`);
      eachOnItsLine(field.rows);
      lines.push(`  ]}${comma}`);
      return;
    }
    if (!Array.isArray(field) || field.length === 0) {
      lines.push(`  ${JSON.stringify(name)}: ${JSON.stringify(field)}${comma}`);
      return;
    }
    lines.push(`  ${JSON.stringify(name)}: [`);
    eachOnItsLine(field);
    lines.push(`  ]${comma}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * null when the checksum matches: the text as serializeDatabase wrote it (the fast path), or the same data
 * laid out otherwise (an editor re-indented it, or changed its line ends). A file without a checksum (an
 * older factdeck's) is not checked; the next save adds one.
 */
function checksumProblem(body: string, value: JsonObject, bytes: Uint8Array | undefined): string | null {
  const sum = value.checksum;
  if (typeof sum !== 'string' || !CHECKSUM.test(sum)) return `checksum must be "sha256:" and 64 hex digits, not ${JSON.stringify(sum)}`;
  // The head is ASCII: as many bytes as characters. Hashing the bytes read is hashing the text's UTF-8.
  const head = `{\n  "checksum": ${JSON.stringify(sum)},\n`;
  if (body.startsWith(head) && (bytes === undefined ? digest(`{\n${body.slice(head.length)}`) : digest('{\n', bytes.subarray(head.length))) === sum) return null;
  const { checksum: _checksum, ...rest } = value;
  // Laid out as this factdeck writes it, or as factdecks before it did (two-space indentation).
  if (digest(layoutDatabase(rest)) === sum || digest(`${JSON.stringify(rest, null, 2)}\n`) === sum) return null;
  return 'its checksum does not match its contents: bytes changed on the disk (a failing disk, a damaged copy), or it was edited by hand (to keep a hand edit, delete its "checksum" line and the next save adds a new one)';
}

/**
 * Every problem with a current-version database value, each with its JSON path. The store also runs
 * this before saving, so a bug elsewhere can never write a file that the next run refuses to open.
 */
export function validateDatabase(value: unknown, paths?: Partial<Record<TableName, readonly string[]>>): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return [`the top level must be an object, not ${typeName(value)}`];
  if (value.schemaVersion !== DB_SCHEMA_VERSION) {
    problems.push(`schemaVersion must be ${DB_SCHEMA_VERSION}, not ${JSON.stringify(value.schemaVersion)}`);
  }
  if (typeof value.logBytes !== 'number' || !Number.isInteger(value.logBytes) || value.logBytes < 0) {
    problems.push(`logBytes must be a whole number, 0 or more, not ${typeName(value.logBytes)}`);
  }
  checkList(value, 'sessions', checkSession, problems);
  checkList(value, 'aliases', checkAlias, problems);
  checkList(value, 'cards', checkCard, problems, paths?.cards);
  checkList(value, 'facts', checkFactProgress, problems, paths?.facts);
  checkList(value, 'kinds', checkKindTally, problems, paths?.kinds);
  checkList(value, 'days', checkDayTally, problems, paths?.days);
  checkList(value, 'profiles', checkProfile, problems);
  checkList(value, 'suspended', checkSuspend, problems);
  return problems;
}

function summarize(problems: string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return more > 0 ? `${listed}; and ${more} more problem${more === 1 ? '' : 's'}` : listed;
}

type Check = (record: JsonObject, path: string, problems: string[]) => void;

/** `paths`, when given, names each record where the file holds it (a deck's table), for its problems. */
function checkList(top: JsonObject, key: string, check: Check, problems: string[], paths?: readonly string[]): void {
  const list = top[key];
  if (!Array.isArray(list)) {
    problems.push(list === undefined ? `${key} is missing (it must be a list)` : `${key} must be a list, not ${typeName(list)}`);
    return;
  }
  list.forEach((record: unknown, index) => {
    const path = paths?.[index] ?? `${key}[${index}]`;
    if (isObject(record)) check(record, path, problems);
    else problems.push(`${path} must be an object, not ${typeName(record)}`);
  });
}

const checkAttempt: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('id');
  field.string('sessionId');
  field.string('profile');
  field.string('deckId');
  field.string('questionId');
  field.string('factId');
  field.string('kind');
  const given = record.given;
  if (Array.isArray(given)) {
    given.forEach((item: unknown, index) => {
      if (typeof item !== 'string') problems.push(`${path}.given[${index}] must be a string, not ${typeName(item)}`);
    });
  } else if (!(given === null || typeof given === 'string' || typeof given === 'boolean')) {
    problems.push(`${path}.given must be a string, a boolean, a list of strings or null, not ${typeName(given)}`);
  }
  field.boolean('correct');
  field.time('at');
  field.count('ms');
  if (record.claimed !== undefined) field.boolean('claimed');
};

const checkSession: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('id');
  field.string('profile');
  field.string('deckId');
  field.oneOf('mode', ['quiz', 'review']);
  field.time('startedAt');
  if (record.endedAt !== null) field.time('endedAt', 'an ISO time or null');
  field.oneOf('status', ['active', 'finished', 'abandoned']);
  field.count('correct');
  field.count('answered');
  field.count('planned');
  field.number('seed');
  if (record.pid !== undefined) field.count('pid');
  if (record.pidScope !== undefined) field.string('pidScope');
};

const checkSuspend: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  for (const name of ['profile', 'deckId', 'questionId', 'factId']) field.string(name);
  field.time('at');
};

const checkAlias: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('profile');
  field.string('deckId');
  field.string('questionId');
  field.string('text');
  field.time('at');
};

const CARD_STATES = ['new', 'learning', 'review', 'relearning'];
const SOURCES = ['quiz', 'review', 'study'];
const RATING_NAMES = ['again', 'hard', 'good', 'easy'];

function checkMemory(record: JsonObject, path: string, problems: string[]): void {
  const field = fieldChecker(record, path, problems);
  field.time('due');
  field.number('stability');
  field.number('difficulty');
  field.number('elapsedDays');
  field.number('scheduledDays');
  field.count('learningSteps');
  field.count('reps');
  field.count('lapses');
  field.oneOf('state', CARD_STATES);
  if (record.lastReview !== null) field.time('lastReview', 'an ISO time or null');
}

const checkCard: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('profile');
  field.string('deckId');
  field.string('factId');
  field.time('firstSeen');
  if (record.firstSource !== undefined) field.oneOf('firstSource', SOURCES);
  checkMemory(record, path, problems);
};

/**
 * A card of a review that is already known to be sound (an event's card before is, as a rule, the card
 * the event before it left: one object, checked once per batch).
 */
function checkMemoryOnce(record: JsonObject, path: string, problems: string[], sound: WeakSet<object> | undefined): void {
  if (sound?.has(record)) return;
  const before = problems.length;
  checkMemory(record, path, problems);
  if (problems.length === before) sound?.add(record);
}

const checkReview = (record: JsonObject, path: string, problems: string[], sound?: WeakSet<object>): void => {
  const field = fieldChecker(record, path, problems);
  field.string('id');
  field.string('profile');
  field.string('deckId');
  field.string('factId');
  if (record.attemptId !== null) field.string('attemptId');
  field.oneOf('source', SOURCES);
  field.oneOf('rating', RATING_NAMES);
  field.time('at');
  if (record.after !== null && record.after !== undefined) {
    if (isObject(record.after)) checkMemoryOnce(record.after, `${path}.after`, problems, sound);
    else problems.push(`${path}.after must be a card or null, not ${typeName(record.after)}`);
  }
  if (record.before !== null) {
    if (isObject(record.before)) checkMemoryOnce(record.before, `${path}.before`, problems, sound);
    else problems.push(`${path}.before must be a card or null, not ${typeName(record.before)}`);
  }
  if (isObject(record.log)) {
    const log = fieldChecker(record.log, `${path}.log`, problems);
    log.oneOf('state', CARD_STATES);
    log.time('due');
    log.number('stability');
    log.number('difficulty');
    log.number('scheduledDays');
    log.count('learningSteps');
  } else {
    problems.push(`${path}.log must be an object, not ${typeName(record.log)}`);
  }
};

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isFiniteNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

/** checkMemory finds nothing wrong: the same checks, without building a checker or a message. */
function isSoundMemory(card: unknown, sound: WeakSet<object> | undefined): boolean {
  if (!isObject(card)) return false;
  if (sound?.has(card)) return true;
  const ok =
    isIsoTime(card.due) &&
    isFiniteNumber(card.stability) &&
    isFiniteNumber(card.difficulty) &&
    isFiniteNumber(card.elapsedDays) &&
    isFiniteNumber(card.scheduledDays) &&
    isCount(card.learningSteps) &&
    isCount(card.reps) &&
    isCount(card.lapses) &&
    typeof card.state === 'string' &&
    CARD_STATES.includes(card.state) &&
    (card.lastReview === null || isIsoTime(card.lastReview));
  if (ok) sound?.add(card);
  return ok;
}

/**
 * checkReview finds nothing wrong: the common case (every rating of a history, every rating an Anki
 * import brings in) answered by plain tests, with no checker built and no message; a review it does not
 * pass goes through checkReview for the problems' words. It must never pass what checkReview refuses
 * (test/storage/schema.test.ts holds the two together).
 */
function isSoundReview(record: JsonObject, sound: WeakSet<object> | undefined): boolean {
  const log = record.log;
  return (
    typeof record.id === 'string' &&
    typeof record.profile === 'string' &&
    typeof record.deckId === 'string' &&
    typeof record.factId === 'string' &&
    (record.attemptId === null || typeof record.attemptId === 'string') &&
    typeof record.source === 'string' &&
    SOURCES.includes(record.source) &&
    typeof record.rating === 'string' &&
    RATING_NAMES.includes(record.rating) &&
    isIsoTime(record.at) &&
    (record.after === null || record.after === undefined || isSoundMemory(record.after, sound)) &&
    (record.before === null || isSoundMemory(record.before, sound)) &&
    isObject(log) &&
    typeof log.state === 'string' &&
    CARD_STATES.includes(log.state) &&
    isIsoTime(log.due) &&
    isFiniteNumber(log.stability) &&
    isFiniteNumber(log.difficulty) &&
    isFiniteNumber(log.scheduledDays) &&
    isCount(log.learningSteps)
  );
}

const checkFactProgress: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('profile');
  field.string('deckId');
  field.string('factId');
  field.count('attempts');
  field.count('correct');
  field.boolean('lastCorrect');
  field.time('lastAt');
  field.string('lastKind');
  field.string('lastQuestionId');
  field.string('lastAttemptId');
};

/** An undo event's answer taken back (see history.ts's UndoneAttempt). */
const checkUndoneAttempt: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('id');
  field.string('sessionId');
  field.string('kind');
  field.boolean('correct');
  field.time('at');
  if (record.factBefore !== null) {
    if (isObject(record.factBefore)) checkFactProgress(record.factBefore, `${path}.factBefore`, problems);
    else problems.push(`${path}.factBefore must be the fact's progress or null, not ${typeName(record.factBefore)}`);
  }
};

const checkKindTally: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('profile');
  field.string('deckId');
  field.string('kind');
  field.count('attempts');
  field.count('correct');
};

const checkDayTally: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('profile');
  field.string('deckId');
  if (typeof record.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(record.day)) problems.push(`${path}.day must be a date YYYY-MM-DD, not ${typeName(record.day)}`);
  field.count('answers');
  field.count('studied');
  if (record.reviewed !== undefined) field.count('reviewed');
  if (record.recalled !== undefined) field.count('recalled');
};

/**
 * Problems with one history-log event (the log is read back through this, like the file). `sound` holds
 * the cards of reviews found sound so far in a batch of events: one met again is not checked again.
 */
export function validateEvent(event: JsonObject, sound?: WeakSet<object>): string[] {
  if (event.type === 'review' && isObject(event.review) && isSoundReview(event.review, sound)) return [];
  return eventProblems(event, sound);
}

/** validateEvent without its fast path for sound reviews (exported for the test that holds the two together). */
export function eventProblems(event: JsonObject, sound?: WeakSet<object>): string[] {
  const problems: string[] = [];
  const inner = (name: string, check: Check): void => {
    const value = event[name];
    if (isObject(value)) check(value, name, problems);
    else problems.push(`${name} must be an object, not ${typeName(value)}`);
  };
  const field = fieldChecker(event, 'event', problems);
  switch (event.type) {
    case 'attempt':
      inner('attempt', checkAttempt);
      break;
    case 'review':
      inner('review', (record, path) => checkReview(record, path, problems, sound));
      break;
    case 'session':
      inner('session', checkSession);
      break;
    case 'claim':
      for (const name of ['attemptId', 'sessionId', 'profile', 'deckId', 'questionId', 'factId', 'kind', 'text']) field.string(name);
      field.time('at');
      break;
    case 'undo':
      for (const name of ['reviewId', 'profile', 'deckId', 'factId']) field.string(name);
      field.oneOf('source', SOURCES);
      field.time('at');
      if (event.rating !== undefined) field.oneOf('rating', RATING_NAMES);
      if (event.before !== null) {
        if (isObject(event.before)) checkMemory(event.before, 'before', problems);
        else problems.push(`before must be a card or null, not ${typeName(event.before)}`);
      }
      if (event.attempt !== undefined) {
        if (isObject(event.attempt)) checkUndoneAttempt(event.attempt, 'attempt', problems);
        else problems.push(`attempt must be an object, not ${typeName(event.attempt)}`);
      }
      break;
    case 'reset':
      field.string('profile');
      field.time('at');
      break;
    case 'suspend':
    case 'unsuspend':
      checkSuspend(event, 'event', problems);
      break;
    case 'settings':
      field.string('profile');
      field.time('at');
      if (isObject(event.settings)) checkProfile({ name: event.profile, ...event.settings }, 'settings', problems);
      else problems.push(`settings must be an object, not ${typeName(event.settings)}`);
      break;
    default:
      problems.push(`unknown event type ${typeName(event.type)}`);
  }
  return problems;
}

const checkProfile: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('name');
  field.number('desiredRetention');
  field.count('newPerDay');
  field.count('dayStartHour');
  if (record.fsrsParameters !== undefined && !isParameterList(record.fsrsParameters)) {
    problems.push(`${path}.fsrsParameters must be a list of ${PARAMETER_COUNT} numbers, not ${typeName(record.fsrsParameters)}`);
  }
};

function fieldChecker(record: JsonObject, path: string, problems: string[]) {
  const bad = (key: string, wanted: string): void => {
    const value = record[key];
    problems.push(`${path}.${key} must be ${wanted}, not ${value === undefined ? 'missing' : typeName(value)}`);
  };
  return {
    string(key: string): void {
      if (typeof record[key] !== 'string') bad(key, 'a string');
    },
    boolean(key: string): void {
      if (typeof record[key] !== 'boolean') bad(key, 'a boolean');
    },
    number(key: string): void {
      const value = record[key];
      if (typeof value !== 'number' || !Number.isFinite(value)) bad(key, 'a number');
    },
    count(key: string): void {
      const value = record[key];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) bad(key, 'a whole number, 0 or more');
    },
    time(key: string, wanted = 'an ISO time'): void {
      const value = record[key];
      if (!isIsoTime(value)) bad(key, wanted);
    },
    oneOf(key: string, allowed: readonly string[]): void {
      const value = record[key];
      if (typeof value !== 'string' || !allowed.includes(value)) bad(key, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    },
  };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
