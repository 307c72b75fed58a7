// The shape of the progress database, and the one gate every byte read from disk passes through:
// parse -> migrate -> validate. Past parseDatabase the data is trusted; nothing else checks it again.
// Everything is an array of records (never an object keyed by user data), so ids such as "__proto__"
// or "constructor" are plain string values and never object keys.

import { locateJsonError } from '../bank/json-location.js';

export const DB_SCHEMA_VERSION = 2;

/** What the learner gave: typed text, a true/false pick, chosen or ordered items, or nothing (skipped). */
import type { Given } from '../domain/deck.js';
import type { MemoryCard, ReviewEntry } from '../scheduling/fsrs.js';

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
}

/** One rating of a card, kept with the attempt that caused it (none for flashcard study). */
export interface ReviewRecord extends ReviewEntry {
  id: string;
  profile: string;
  deckId: string;
  factId: string;
  attemptId: string | null;
  source: 'quiz' | 'review' | 'study';
}

/** Per-profile settings (`factdeck config`); a profile without a record uses the defaults. */
export interface ProfileRecord {
  name: string;
  desiredRetention: number;
  newPerDay: number;
  /** The hour (local time) at which a new study day starts, as in Anki. */
  dayStartHour: number;
}

export interface DatabaseData {
  schemaVersion: number;
  attempts: Attempt[];
  sessions: SessionRecord[];
  aliases: AliasRecord[];
  cards: CardRecord[];
  reviews: ReviewRecord[];
  profiles: ProfileRecord[];
}

export type ParseResult =
  | { ok: true; data: DatabaseData; migrated: boolean }
  /** `newer` is set when the file comes from a later factdeck: it is not damaged, this program is old. */
  | { ok: false; problem: string; newer?: boolean };

export function emptyDatabase(): DatabaseData {
  return { schemaVersion: DB_SCHEMA_VERSION, attempts: [], sessions: [], aliases: [], cards: [], reviews: [], profiles: [] };
}

type JsonObject = Record<string, unknown>;

/**
 * One step per old version, applied in order. A step sees the raw object of its version (not yet
 * validated) and returns the next version's; validation runs once, on the result.
 */
const MIGRATIONS: ReadonlyArray<{ from: number; migrate: (old: JsonObject) => JsonObject }> = [
  // Version 0: the first files carried no schemaVersion; the records were already today's.
  { from: 0, migrate: (old) => ({ schemaVersion: 1, ...old }) },
  // Version 2 adds spaced repetition: memory cards, their review log, and per-profile settings.
  { from: 1, migrate: (old) => ({ ...old, schemaVersion: 2, cards: old.cards ?? [], reviews: old.reviews ?? [], profiles: old.profiles ?? [] }) },
];

const MAX_LISTED_PROBLEMS = 5;

/** Date.parse alone accepts "March 7"; stored times are what Date#toISOString writes (or an offset form). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseDatabase(text: string): ParseResult {
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

  let current: JsonObject = value;
  for (let from = version; from < DB_SCHEMA_VERSION; from += 1) {
    const step = MIGRATIONS.find((migration) => migration.from === from);
    if (step === undefined) return { ok: false, problem: `no migration from database version ${from}` };
    current = step.migrate(current);
  }

  const problems = validateDatabase(current);
  if (problems.length > 0) return { ok: false, problem: summarize(problems) };
  return { ok: true, data: current as unknown as DatabaseData, migrated: version !== DB_SCHEMA_VERSION };
}

/**
 * Every problem with a current-version database value, each with its JSON path. The store also runs
 * this before saving, so a bug elsewhere can never write a file that the next run refuses to open.
 */
export function validateDatabase(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return [`the top level must be an object, not ${typeName(value)}`];
  if (value.schemaVersion !== DB_SCHEMA_VERSION) {
    problems.push(`schemaVersion must be ${DB_SCHEMA_VERSION}, not ${JSON.stringify(value.schemaVersion)}`);
  }
  checkList(value, 'attempts', checkAttempt, problems);
  checkList(value, 'sessions', checkSession, problems);
  checkList(value, 'aliases', checkAlias, problems);
  checkList(value, 'cards', checkCard, problems);
  checkList(value, 'reviews', checkReview, problems);
  checkList(value, 'profiles', checkProfile, problems);
  return problems;
}

function summarize(problems: string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return more > 0 ? `${listed}; and ${more} more problem${more === 1 ? '' : 's'}` : listed;
}

type Check = (record: JsonObject, path: string, problems: string[]) => void;

function checkList(top: JsonObject, key: string, check: Check, problems: string[]): void {
  const list = top[key];
  if (!Array.isArray(list)) {
    problems.push(list === undefined ? `${key} is missing (it must be a list)` : `${key} must be a list, not ${typeName(list)}`);
    return;
  }
  list.forEach((record: unknown, index) => {
    const path = `${key}[${index}]`;
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
  checkMemory(record, path, problems);
};

const checkReview: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('id');
  field.string('profile');
  field.string('deckId');
  field.string('factId');
  if (record.attemptId !== null) field.string('attemptId');
  field.oneOf('source', ['quiz', 'review', 'study']);
  field.oneOf('rating', ['again', 'hard', 'good', 'easy']);
  field.time('at');
  if (record.before !== null) {
    if (isObject(record.before)) checkMemory(record.before, `${path}.before`, problems);
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

const checkProfile: Check = (record, path, problems) => {
  const field = fieldChecker(record, path, problems);
  field.string('name');
  field.number('desiredRetention');
  field.count('newPerDay');
  field.count('dayStartHour');
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
      if (typeof value !== 'string' || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) bad(key, wanted);
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
