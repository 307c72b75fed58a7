// Checking a data folder without changing it (`factdeck doctor`): does factdeck.json parse and validate,
// does every line of the history log, does the database file add up to what the log says, and which
// backups are there. The log is read as a stream, so a history of years does not have to fit in memory.
// Also: putting a backup back, under the same lock as every save.

import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { acquireLock } from './database-lock.js';
import { writeFileDurably } from './durable-file.js';
import { StorageError } from './errors.js';
import { applyEvents, parseLog, type HistoryEvent } from './history.js';
import { HISTORY_FILE } from './history-log.js';
import { emptyDatabase, parseDatabase, validateEvent, type DatabaseData } from './schema.js';
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

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const dir = join(dataDir, 'backups');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    const file = join(dir, name);
    const text = await readText(file);
    const parsed = text === null ? null : parseDatabase(text);
    backups.push({ file, bytes: (await stat(file)).size, problem: parsed === null ? 'unreadable' : parsed.ok ? null : parsed.problem });
  }
  return backups;
}

/** Streams the log; returns the state it adds up to from nothing, and its problems. */
async function replayLog(file: string, findings: Finding[]): Promise<{ data: DatabaseData; events: number; bytes: number } | null> {
  const data = emptyDatabase();
  let events = 0;
  let bytes = 0;
  let lineNumber = 0;
  let batch: HistoryEvent[] = [];
  let pendingLine: string | null = null;
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (pendingLine !== null) {
        const parsed = parseLog(`${pendingLine}\n`);
        if (!parsed.ok) {
          findings.push({ level: 'error', what: `${file}, line ${lineNumber}: ${parsed.problem}` });
          return null;
        }
        for (const event of parsed.events) {
          const problems = validateEvent(event as unknown as Record<string, unknown>);
          if (problems.length > 0) {
            findings.push({ level: 'error', what: `${file}, line ${lineNumber}: an event is malformed: ${problems.slice(0, 2).join('; ')}` });
            return null;
          }
        }
        batch.push(...parsed.events);
        events += parsed.events.length;
        bytes += Buffer.byteLength(pendingLine) + 1;
        if (batch.length >= 5_000) {
          applyEvents(data, batch);
          batch = [];
        }
      }
      pendingLine = line;
      lineNumber++;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  applyEvents(data, batch);
  // The last line: whole when the file ends with a newline, else torn by a crash.
  const size = (await stat(file)).size;
  if (pendingLine !== null) {
    const whole = bytes + Buffer.byteLength(pendingLine) + 1 === size;
    const parsed = parseLog(whole ? `${pendingLine}\n` : pendingLine);
    if (!parsed.ok) {
      findings.push({ level: 'error', what: `${file}, line ${lineNumber}: ${parsed.problem}` });
      return null;
    }
    if (whole) {
      applyEvents(data, parsed.events);
      events += parsed.events.length;
      bytes = size;
    } else {
      findings.push({ level: 'warning', what: `${file}: the last line was cut short by a crash (never acknowledged); the next save cuts it off` });
    }
  }
  return { data, events, bytes };
}

export async function inspectDataDir(dataDir: string): Promise<Inspection> {
  const findings: Finding[] = [];
  const file = join(dataDir, DEFAULT_FILE_NAME);
  const logFile = join(dataDir, HISTORY_FILE);
  const text = await readText(file);
  let database: DatabaseData | null = null;
  if (text === null) {
    findings.push({ level: 'warning', what: `${file} does not exist yet (it is made by the first run)` });
  } else {
    const parsed = parseDatabase(text);
    if (parsed.ok) {
      database = parsed.data;
      findings.push({ level: parsed.migrated ? 'warning' : 'ok', what: `${file} parses and is valid${parsed.migrated ? ' (an older version: the next run upgrades it)' : ''}` });
    } else {
      findings.push({ level: 'error', what: `${file}: ${parsed.problem}` });
    }
  }
  const replay = await replayLog(logFile, findings);
  let events = 0;
  if (replay === null) {
    if (!findings.some((f) => f.level === 'error' && f.what.startsWith(logFile))) findings.push({ level: 'ok', what: `${logFile} does not exist yet` });
  } else {
    events = replay.events;
    findings.push({ level: 'ok', what: `${logFile}: ${replay.events} events, every line valid` });
    if (database !== null) {
      if (database.logBytes > replay.bytes) {
        findings.push({ level: 'error', what: `${file} says the log holds ${database.logBytes} bytes, but it holds ${replay.bytes}: the log was cut or replaced` });
      } else if (database.logBytes === replay.bytes && database.schemaVersion === emptyDatabase().schemaVersion) {
        // Answers are all in the log, so what it adds up to must match the file's per-fact counts.
        const counts = (d: DatabaseData): string =>
          d.facts
            .map((f) => `${f.profile}\u0000${f.deckId}\u0000${f.factId}\u0000${f.attempts}\u0000${f.correct}`)
            .sort()
            .join('\n');
        if (counts(database) === counts(replay.data)) findings.push({ level: 'ok', what: `${file} agrees with the history log (${answersAndCards(replay.data)}, as \`factdeck profiles\` counts them)` });
        else findings.push({ level: 'warning', what: `${file} does not add up to what the history log holds (a database carried over from an older version can differ)` });
      } else {
        findings.push({ level: 'ok', what: `${replay.bytes - database.logBytes} bytes of the log are newer than ${file}: the next run adds them` });
      }
    }
  }
  return { dataDir, findings, backups: await listBackups(dataDir), events };
}

/**
 * Puts a backup back as factdeck.json (the current file, if any, is kept beside it first). Answers saved
 * after the backup was taken are still in the history log and are added again on the next run.
 */
export async function restoreBackup(dataDir: string, backup: string, now: Date): Promise<{ keptAs: string | null }> {
  const file = join(dataDir, DEFAULT_FILE_NAME);
  const text = await readText(backup);
  if (text === null) throw new StorageError(`there is no backup ${backup}`, { file: backup, code: 'ENOENT' });
  const parsed = parseDatabase(text);
  if (!parsed.ok) throw new StorageError(`the backup ${backup} cannot be used: ${parsed.problem}`, { file: backup, code: 'ECORRUPT' });
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
