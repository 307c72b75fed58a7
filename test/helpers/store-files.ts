// Reading a data folder the way a fresh process would, for storage tests: the database file parsed on its
// own, the history log as lines, and a new Store's view of both.

import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { StorageError } from '../../src/storage/errors.js';
import type { HistoryEvent } from '../../src/storage/history.js';
import { type DatabaseData, parseDatabase } from '../../src/storage/schema.js';
import { Store, type StoreOptions } from '../../src/storage/store.js';

/** The database file alone, parsed (no log replay). */
export async function readDatabaseFile(file: string): Promise<DatabaseData> {
  const result = parseDatabase(await readFile(file, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.problem}`);
  return result.data;
}

/** The answers a database file's text sums up (its facts' attempts), read as factdeck reads it. */
export function answersIn(text: string): number {
  const result = parseDatabase(text, { full: true });
  if (!result.ok) throw new Error(result.problem);
  return result.data.facts.reduce((sum, fact) => sum + fact.attempts, 0);
}

/** The history log's lines (without their newlines); [] when there is no log. */
export async function logLines(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The saves in the history log, in order: each line is one save, a list of the events of one record()
 * (a line written by hand may hold a single event: it is read as a save of one).
 */
export async function logSaves(file: string): Promise<HistoryEvent[][]> {
  return (await logLines(file))
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const value = JSON.parse(line) as HistoryEvent | HistoryEvent[];
      return Array.isArray(value) ? value : [value];
    });
}

/** The events in the history log, in order, whichever save they were in. */
export async function logEvents(file: string): Promise<HistoryEvent[]> {
  return (await logSaves(file)).flat();
}

/** What identifies an event in asserts: an attempt's id, a review's id, or the event's type. */
export function eventId(event: HistoryEvent): string {
  if (event.type === 'attempt') return event.attempt.id;
  if (event.type === 'review') return event.review.id;
  return event.type;
}

/** What a new process sees: a fresh Store on the folder (both files read afresh), closed again. */
export async function freshData(dataDir: string, options: StoreOptions = {}): Promise<DatabaseData> {
  const store = await Store.open(dataDir, options);
  const data = structuredClone(store.data());
  await store.close();
  return data;
}

/** What a reader sees (stats): a read-only Store on the folder, the log beyond the file replayed, nothing written. */
export async function readOnlyData(dataDir: string): Promise<DatabaseData> {
  const store = await Store.open(dataDir, { readOnly: true });
  const data = structuredClone(store.data());
  await store.close();
  return data;
}

/** Both files' bytes, to show that something left them exactly as they were. */
export async function snapshot(...files: string[]): Promise<Array<Buffer | null>> {
  return Promise.all(files.map((file) => readFile(file).catch(() => null)));
}

/** The StorageError a promise rejects with (fails the test when it resolves or rejects otherwise). */
export async function storageRejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

/** Per-fact attempt counts, "profile/deck/fact=attempts/correct", sorted: a compact view of progress. */
export function factCounts(data: DatabaseData): string[] {
  return data.facts.map((f) => `${f.profile}/${f.deckId}/${f.factId}=${f.attempts}/${f.correct}`).sort();
}
