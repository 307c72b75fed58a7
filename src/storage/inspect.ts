// Checking a data folder without changing it (`factdeck doctor`): does factdeck.json parse and validate,
// does every line of the history log, does the database file add up to what the log says, and which
// backups are there. The log is read by the store's own reader, a chunk at a time, so doctor splits and
// judges its lines exactly as every run does, and a history of years does not have to fit in memory.
// Also: putting a backup back, under the same lock as every save.

import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { backupNames } from './backups.js';
import { acquireLock, inspectLock } from './database-lock.js';
import { DurableJsonFile, writeFileDurably } from './durable-file.js';
import { StorageError, describeFsError, errorCode } from './errors.js';
import { realFileSystem } from './file-system.js';
import { applyEvents } from './history.js';
import { HISTORY_FILE, LOG_CHUNK_BYTES, readLogFrom } from './history-log.js';
import { emptyDatabase, parseDatabase, type DatabaseData, type ParseResult } from './schema.js';
import { DEFAULT_FILE_NAME } from './store.js';

export interface Finding {
  level: 'ok' | 'warning' | 'error';
  what: string;
}

export interface BackupInfo {
  file: string;
  bytes: number;
  /** null when it parses; else what is wrong with it. */
  problem: string | null;
}

export interface Inspection {
  dataDir: string;
  findings: Finding[];
  backups: BackupInfo[];
  events: number;
}

/**
 * A database file read exactly as the store reads it (refused unread when far too large, refused when not
 * UTF-8, then parsed, migrated and validated, in full whoever wrote it): null when it does not exist. Throws a StorageError when it
 * cannot be read at all (a folder in its place, no permission).
 */
async function readDatabase(file: string): Promise<ParseResult | null> {
  return new DurableJsonFile<ParseResult>(file, { parse: (_bytes, text) => parseDatabase(text(), { full: true }) }).read();
}

/** What a file-system failure means, said as the store says it. */
function unreadable(file: string, error: unknown, dir: string): string {
  if (error instanceof StorageError) return error.message;
  const problem = describeFsError(error, dir);
  return `could not use ${file}: ${problem.what}; ${problem.hint}`;
}

export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const dir = join(dataDir, 'backups');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  // Backups in their order (backups.ts), after any other JSON file put there by hand.
  const order = backupNames(DEFAULT_FILE_NAME.replace(/\.json$/, ''));
  const others = names.filter((n) => n.endsWith('.json') && !n.startsWith('.') && !order.matches(n)).sort();
  const backups: BackupInfo[] = [];
  for (const name of [...others, ...order.order(names)]) {
    const file = join(dir, name);
    let problem: string | null;
    let bytes = 0;
    try {
      bytes = (await stat(file)).size;
      const parsed = await readDatabase(file);
      problem = parsed === null ? 'it is gone' : parsed.ok ? null : parsed.problem;
    } catch (error) {
      problem = unreadable(file, error, dir);
    }
    backups.push({ file, bytes, problem });
  }
  return backups;
}

interface Replay {
  data: DatabaseData;
  events: number;
  /** Where the lines read end. */
  bytes: number;
}

/**
 * Reads the log from `from` to `to` (or its end) as the store reads it (the same lines, the same
 * judgement of a last line), a chunk at a time, adding its events to `data`. Throws the store's
 * StorageError for a line the store refuses.
 */
async function replayLog(file: string, data: DatabaseData, from: number, to: number, findings: Finding[]): Promise<Replay> {
  let events = 0;
  let end = from;
  for (;;) {
    const tail = await readLogFrom(realFileSystem, file, end, Math.min(LOG_CHUNK_BYTES, to - end));
    applyEvents(data, tail.events);
    events += tail.events.length;
    const progressed = tail.end > end;
    end = tail.end;
    if (tail.tornBytes > 0) findings.push({ level: 'warning', what: `${file}: the last line was cut short by a crash (never acknowledged); the next save cuts it off` });
    if (tail.unterminated) findings.push({ level: 'warning', what: `${file}: the last line has no line end; it counts, and the next save adds one` });
    if (!tail.more || end >= to || !progressed) return { data, events, bytes: end };
  }
}

/** What `doctor` says of a lock found in the folder: factdeck.json.lock is made and removed by every save. */
function lockFinding(file: string): Finding | null {
  const lock = `${file}.lock`;
  const state = inspectLock(file);
  if (state.kind === 'none') return null;
  if (state.kind === 'not-a-folder') {
    return { level: 'error', what: `${lock} is a file, not the lock folder factdeck makes: no run can save until it is gone; if no other program uses it, delete it` };
  }
  const { owner, liveness } = state.holder;
  const age = `last refreshed ${Math.round(state.ageMs / 1000)} s ago`;
  const strays = state.strays.length === 0 ? '' : `; it also holds ${state.strays.map((name) => JSON.stringify(name)).join(', ')}, which the run that takes it over removes`;
  const who = owner === null ? '' : `process ${owner.pid}${liveness === 'other-host' ? ` on ${owner.host}` : ''}`;
  switch (liveness) {
    case 'alive':
      return { level: 'ok', what: `${lock}: held by ${who}, running now (a save in progress)${strays}` };
    case 'gone':
      return { level: 'warning', what: `${lock}: left by ${who}, which is gone (killed while saving); the next run takes it over at once${strays}` };
    case 'unnamed':
      return { level: 'warning', what: `${lock}: left without the note naming its holder (${age}); the next run takes it over once it is 10 s old${strays}` };
    default:
      return {
        level: 'warning',
        what: `${lock}: held by ${who}, which cannot be checked from here (${liveness === 'other-host' ? 'another machine' : 'another PID namespace, such as another container'}; ${age}); a run waits until it goes 10 s without a refresh${strays}`,
      };
  }
}

export async function inspectDataDir(dataDir: string): Promise<Inspection> {
  const findings: Finding[] = [];
  const file = join(dataDir, DEFAULT_FILE_NAME);
  const logFile = join(dataDir, HISTORY_FILE);
  const done = (events = 0, backups: BackupInfo[] = []): Inspection => ({ dataDir, findings, backups, events });

  try {
    if (!(await stat(dataDir)).isDirectory()) {
      findings.push({ level: 'error', what: `${dataDir} is a file, not a folder: factdeck cannot keep progress there; move it away, or choose another folder with --data DIR or FACTDECK_DATA` });
      return done();
    }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      findings.push({ level: 'warning', what: `${dataDir} does not exist yet (it is made by the first run)` });
      return done();
    }
    findings.push({ level: 'error', what: unreadable(dataDir, error, dataDir) });
    return done();
  }

  let database: DatabaseData | null = null;
  try {
    const parsed = await readDatabase(file);
    if (parsed === null) findings.push({ level: 'warning', what: `${file} does not exist yet (it is made by the first run)` });
    else if (parsed.ok) {
      database = parsed.data;
      findings.push({ level: parsed.migrated ? 'warning' : 'ok', what: `${file} parses and is valid${parsed.migrated ? ' (an older version: the next run upgrades it)' : ''}` });
    } else {
      findings.push({ level: 'error', what: `${file}: ${parsed.problem}` });
    }
  } catch (error) {
    findings.push({ level: 'error', what: unreadable(file, error, dataDir) });
  }

  let events = 0;
  let size: number | null = null;
  try {
    size = await realFileSystem.size(logFile);
    if (size === null) findings.push({ level: 'ok', what: `${logFile} does not exist yet` });
  } catch (error) {
    findings.push({ level: 'error', what: unreadable(logFile, error, dataDir) });
  }
  if (size !== null) events = await inspectLog(logFile, size, file, database, findings);

  const lock = lockFinding(file);
  if (lock !== null) findings.push(lock);
  const backupsDir = join(dataDir, 'backups');
  const backupsInfo = await stat(backupsDir).catch(() => null);
  if (backupsInfo !== null && !backupsInfo.isDirectory()) {
    findings.push({ level: 'error', what: `${backupsDir} is a file, not a folder: no run can start until it is moved away (factdeck keeps its backups there)` });
  }
  return done(events, await listBackups(dataDir));
}

/**
 * The log, read as the store reads it: the part factdeck.json already sums up (damage there does not stop
 * a run, which never reads it again, but would stop a restore that replays it), then the rest (which every
 * run reads: damage there stops them all). Returns the number of events read.
 */
async function inspectLog(logFile: string, size: number, file: string, database: DatabaseData | null, findings: Finding[]): Promise<number> {
  const summed = database === null ? 0 : Math.min(database.logBytes, size);
  if (database !== null && database.logBytes > size) {
    findings.push({ level: 'error', what: `${file} says the log holds ${database.logBytes} bytes, but it holds ${size}: the log was cut or replaced` });
    return 0;
  }
  const data = emptyDatabase();
  let head: Replay | null = null;
  if (summed > 0) {
    try {
      head = await replayLog(logFile, data, 0, summed, findings);
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      findings.push({ level: 'warning', what: `${error.message} This part is already summed up in ${file}, so runs go on; a restore that replays the log would stop there.` });
    }
  }
  // Answers are all in the log, so what its part up to logBytes adds up to must match the file's per-fact
  // counts (taken now: the rest of the log is added to the same state below).
  const counts = (d: DatabaseData): string =>
    d.facts
      .map((f) => `${f.profile}\u0000${f.deckId}\u0000${f.factId}\u0000${f.attempts}\u0000${f.correct}`)
      .sort()
      .join('\n');
  const summedUp = head === null || database === null ? null : { counts: counts(data), said: answersAndCards(data) };
  let tail: Replay;
  try {
    // From where the file's sum ends (as every run reads it), on an empty state if the part before failed.
    tail = await replayLog(logFile, head === null ? emptyDatabase() : data, summed, Number.POSITIVE_INFINITY, findings);
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    findings.push({ level: 'error', what: error.message });
    return head?.events ?? 0;
  }
  const events = (head?.events ?? 0) + tail.events;
  if (head !== null || summed === 0) findings.push({ level: 'ok', what: `${logFile}: ${events} events, every line valid` });
  if (database === null) return events;
  if (summedUp !== null && database.schemaVersion === emptyDatabase().schemaVersion) {
    const part = tail.events === 0 ? 'the history log' : `the part of the history log it sums up (its first ${summed} bytes)`;
    if (counts(database) === summedUp.counts) findings.push({ level: 'ok', what: `${file} agrees with ${part} (${summedUp.said}, as \`factdeck profiles\` counts them)` });
    else findings.push({ level: 'warning', what: `${file} does not add up to what ${part} holds (a database carried over from an older version can differ)` });
  }
  if (tail.bytes > summed) {
    // Usual: the file is checkpointed now and then, not at the end of every run.
    findings.push({ level: 'ok', what: `${tail.bytes - summed} bytes of the log are newer than ${file}: every run adds them as it starts` });
  }
  return events;
}

/**
 * Puts a backup back as factdeck.json (the current file, if any, is kept beside it first). Answers saved
 * after the backup was taken are still in the history log and are added again on the next run.
 */
export async function restoreBackup(dataDir: string, backup: string, now: Date): Promise<{ keptAs: string | null }> {
  const file = join(dataDir, DEFAULT_FILE_NAME);
  const parsed = await readDatabase(backup);
  if (parsed === null) throw new StorageError(`there is no backup ${backup}`, { file: backup, code: 'ENOENT' });
  if (!parsed.ok) throw new StorageError(`the backup ${backup} cannot be used: ${parsed.problem}`, { file: backup, code: 'ECORRUPT' });
  const text = await readFile(backup);
  const held = await acquireLock(file);
  try {
    const current = await readFile(file).catch(() => null);
    let keptAs: string | null = null;
    if (current !== null) {
      keptAs = join(dataDir, 'backups', `factdeck-before-restore-${now.toISOString().replaceAll(':', '-')}.json.old`);
      await writeFileDurably(keptAs, current, { what: 'a copy of the current database' });
    }
    await writeFileDurably(file, text, { what: 'the restored database' });
    return { keptAs };
  } finally {
    await held.release().catch(() => undefined);
  }
}

/** "26 answers, 18 cards": the counts `factdeck profiles` shows, over every profile. */
function answersAndCards(data: { facts: { attempts: number }[]; cards: unknown[] }): string {
  const answers = data.facts.reduce((sum, fact) => sum + fact.attempts, 0);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(answers, 'answer')}, ${plural(data.cards.length, 'card')}`;
}
