import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeEvents } from '../../src/storage/history.js';
import { HISTORY_FILE } from '../../src/storage/history-log.js';
import { settingsEvent } from '../../src/storage/progress.js';
import { DB_SCHEMA_VERSION, emptyDatabase, thisWriter } from '../../src/storage/schema.js';
import { BACKUP_EVERY_MS, BACKUPS_KEPT, Store } from '../../src/storage/store.js';
import { thisProcess } from '../../src/storage/process-identity.js';
import { eventId, factCounts, freshData, logEvents, logLines, logSaves, readDatabaseFile, readOnlyData, snapshot, storageRejection } from '../helpers/store-files.js';
import { DECK, aCard, aDayTally, aFactProgress, aSession, aVersion2Database, anAttempt, attemptEvent, claimEvent, resetEvent, reviewEvent, sessionEvent } from '../helpers/store-records.js';
import { ScriptedFileSystem } from '../helpers/store-scripted-fs.js';
import { tempFilesIn, useStoreTempDirs } from '../helpers/store-temp-dir.js';

const at = (iso: string) => () => new Date(iso);
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
/** Never reached in a test: the database file is then only what open wrote, and progress comes from the log. */
const NEVER = 1_000_000;

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

describe('Store.open', () => {
  const tempDir = useStoreTempDirs();

  it('creates the database, durably written, on first open, and no log until something is recorded', async () => {
    const dataDir = join(await tempDir(), 'nested', 'data');
    const store = await Store.open(dataDir);
    expect(store.file).toBe(join(dataDir, 'factdeck.json'));
    expect(store.historyFile).toBe(join(dataDir, HISTORY_FILE));
    expect(store.dataDir).toBe(dataDir);
    // The data, led by the SHA-256 of the data's own JSON (the checksum line left out), which starts with
    // the build that wrote it.
    // Each deck's cards, facts and tallies go in its section of "decks", last (none yet).
    const { cards: _cards, facts: _facts, kinds: _kinds, days: _days, ...rest } = emptyDatabase();
    const body = json({ writtenBy: thisWriter(), ...rest, decks: [] });
    expect(await readFile(store.file, 'utf8')).toBe(`{\n  "checksum": "sha256:${createHash('sha256').update(body).digest('hex')}",\n${body.slice(2)}`);
    expect(store.data()).toEqual(emptyDatabase());
    expect(await readdir(store.backupsDir)).toEqual([]);
    expect(await logLines(store.historyFile)).toEqual([]);
    await store.close();
  });

  it('names the history log after a database with another name, and takes only a plain file name', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { fileName: 'alt.json' });
    await store.record(() => [attemptEvent()]);
    await store.close();
    expect(store.historyFile).toBe(join(dataDir, 'alt.history.jsonl'));
    expect((await logEvents(store.historyFile)).map((e) => e.type)).toEqual(['attempt']);
    expect(factCounts(await freshData(dataDir, { fileName: 'alt.json' }))).toEqual(['default/blinken-beijing/f1=1/1']);
    expect(factCounts(await freshData(dataDir))).toEqual([]);
    for (const fileName of ['../x.json', '', '.hidden.json']) {
      await expect(Store.open(dataDir, { fileName })).rejects.toThrow(TypeError);
    }
  });

  it('says which folder it could not create', async () => {
    const fs = new ScriptedFileSystem();
    fs.failNext('mkdir', 'EACCES');
    const dataDir = join(await tempDir(), 'data');
    const error = await storageRejection(Store.open(dataDir, { fs }));
    expect(error.code).toBe('EACCES');
    expect(error.message).toBe(
      `could not create the data folder ${dataDir}: permission denied (EACCES). Check that you may read and write files in ${dataDir}, or choose another folder with --data DIR or FACTDECK_DATA.`,
    );
  });
});

describe('Store.record', () => {
  const tempDir = useStoreTempDirs();

  it.each([
    ['the history log (no checkpoint yet)', NEVER],
    ['the database file (a checkpoint after every event)', 1],
  ])('saves events that a new store, reading both files afresh, adds up the same: from %s', async (_from, checkpointEvery) => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery });
    const recorded = await store.record((data) => [
      sessionEvent(),
      attemptEvent({ id: 'a1', kind: 'short', correct: false, given: 'US' }),
      reviewEvent(data, { id: 'r1', attemptId: 'a1', rating: 'again', source: 'quiz' }),
    ]);
    await store.record(() => [claimEvent({ attemptId: 'a1', kind: 'short', text: 'US' })]);
    await store.record((data) => [attemptEvent({ id: 'a2', factId: 'f2' }), reviewEvent(data, { id: 'r2', factId: 'f2', now: new Date('2024-06-01T09:05:00.000Z') })]);
    expect(recorded.map((e) => e.type)).toEqual(['session', 'attempt', 'review']);

    const inMemory = structuredClone(store.data());
    expect(factCounts(inMemory)).toEqual(['default/blinken-beijing/f1=1/1', 'default/blinken-beijing/f2=1/1']);
    expect(inMemory.facts.find((f) => f.factId === 'f1')?.lastCorrect).toBe(true);
    expect(inMemory.cards.map((c) => [c.factId, c.reps])).toEqual([
      ['f1', 1],
      ['f2', 1],
    ]);
    expect(inMemory.aliases.map((a) => a.text)).toEqual(['US']);
    // a1 (wrong, then claimed) and a2 (right) were both answered in session s1.
    expect(inMemory.sessions).toEqual([aSession({ answered: 2, correct: 2 })]);

    const logBytes = (await stat(store.historyFile)).size;
    expect(inMemory.logBytes).toBe(checkpointEvery === 1 ? logBytes : 0);
    const onDisk = await readDatabaseFile(store.file);
    if (checkpointEvery === 1) {
      // The file alone holds it all: nothing is left to replay.
      expect(onDisk).toEqual(inMemory);
    } else {
      expect(onDisk).toEqual(emptyDatabase());
    }

    // The first store is still open and has not closed: the new one reads only what is on the disk (and
    // writes no checkpoint of what it replays, which is not due: logBytes stays what the file includes).
    expect(await freshData(dataDir)).toEqual(inMemory);
    expect(await readOnlyData(dataDir)).toEqual(inMemory);
    expect((await logEvents(store.historyFile)).map((e) => e.type)).toEqual(['session', 'attempt', 'review', 'claim', 'attempt', 'review']);
    await store.close();
  });

  it('writes one save as one line, its events listed exactly as recorded', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    const events = await store.record((data) => [attemptEvent({ given: ['a', 'b "c"\n'] }), reviewEvent(data)]);
    expect(await readFile(store.historyFile, 'utf8')).toBe(serializeEvents(events));
    const [line, ...more] = await logLines(store.historyFile);
    expect(more).toEqual([]);
    expect(JSON.parse(line ?? '')).toEqual(events);
    const next = await store.record(() => [attemptEvent({ id: 'a2' })]);
    expect(await readFile(store.historyFile, 'utf8')).toBe(serializeEvents(events) + serializeEvents(next));
    await store.close();
  });

  it('checkpoints the database file every checkpointEvery events, not before', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 3 });
    await store.record(() => [attemptEvent({ id: 'a1' })]);
    await store.record(() => [attemptEvent({ id: 'a2' })]);
    expect((await readDatabaseFile(store.file)).facts).toEqual([]);
    await store.record(() => [attemptEvent({ id: 'a3' })]);
    const file = await readDatabaseFile(store.file);
    expect(factCounts(file)).toEqual(['default/blinken-beijing/f1=3/3']);
    expect(file.logBytes).toBe((await stat(store.historyFile)).size);
    await store.record(() => [attemptEvent({ id: 'a4' })]);
    expect(factCounts(await readDatabaseFile(store.file))).toEqual(['default/blinken-beijing/f1=3/3']);
    await store.close();
  });

  it('records nothing for an empty list of events', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    const before = await snapshot(store.file, store.historyFile);
    expect(await store.record(() => [])).toEqual([]);
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
    await store.close();
  });

  it('catches up under the lock, so two stores on one folder see and keep each other’s events', async () => {
    const dataDir = await tempDir();
    const first = await Store.open(dataDir, { checkpointEvery: 2 });
    const second = await Store.open(dataDir, { checkpointEvery: 2 });
    await first.record(() => [attemptEvent({ id: 'from-first', factId: 'f1' })]);
    let seen: string[] = [];
    await second.record((data) => {
      seen = factCounts(data);
      return [attemptEvent({ id: 'from-second', factId: 'f2' })];
    });
    expect(seen).toEqual(['default/blinken-beijing/f1=1/1']);
    await Promise.all([
      first.record(() => [attemptEvent({ id: 'x', factId: 'f1' })]),
      second.record(() => [attemptEvent({ id: 'y', factId: 'f2' })]),
      first.record(() => [attemptEvent({ id: 'z', factId: 'f3' })]),
      second.checkpoint(),
    ]);
    await Promise.all([first.close(), second.close()]);
    const expected = ['default/blinken-beijing/f1=2/2', 'default/blinken-beijing/f2=2/2', 'default/blinken-beijing/f3=1/1'];
    expect(factCounts(await readDatabaseFile(first.file))).toEqual(expected);
    expect(factCounts(await freshData(dataDir))).toEqual(expected);
    const ids = (await logEvents(first.historyFile)).map((e) => (e.type === 'attempt' ? e.attempt.id : e.type));
    expect(ids.sort()).toEqual(['from-first', 'from-second', 'x', 'y', 'z']);
  });

  it('stores "__proto__" and "constructor" as profile, deck and fact ids, as plain data', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    const ids = [
      { profile: '__proto__', deckId: 'constructor', factId: '__proto__' },
      { profile: 'constructor', deckId: '__proto__', factId: 'constructor' },
    ];
    for (const id of ids) {
      await store.record((data) => [
        settingsEvent(id.profile, { desiredRetention: 0.8, newPerDay: 3, dayStartHour: 4 }, new Date('2024-06-01T08:00:00.000Z')),
        attemptEvent({ ...id, id: `${id.profile}-a`, questionId: '__proto__', given: ['__proto__', 'constructor'] }),
        reviewEvent(data, { ...id, id: `${id.profile}-r` }),
      ]);
    }
    const fresh = await freshData(dataDir);
    expect(fresh).toEqual({ ...store.data(), logBytes: fresh.logBytes });
    expect(factCounts(fresh)).toEqual(['__proto__/constructor/__proto__=1/1', 'constructor/__proto__/constructor=1/1']);
    expect(fresh.cards.map((c) => [c.profile, c.deckId, c.factId])).toEqual(ids.map((id) => [id.profile, id.deckId, id.factId]));
    expect(fresh.profiles.map((p) => p.name)).toEqual(['__proto__', 'constructor']);
    for (const record of [...fresh.facts, ...fresh.cards, ...fresh.kinds, ...fresh.days, ...fresh.profiles]) {
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    }
    expect(Object.prototype).not.toHaveProperty('desiredRetention');
    expect(Object.prototype).not.toHaveProperty('attempts');
    await store.close();
  });

  it('saves nothing when build throws, and records the next change', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    await store.record(() => [attemptEvent({ id: 'kept' })]);
    const before = await snapshot(store.file, store.historyFile);
    const state = structuredClone(store.data());
    await expect(
      store.record(() => {
        throw new Error('bug in a command');
      }),
    ).rejects.toThrow('bug in a command');
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
    expect(store.data()).toEqual(state);
    await store.record(() => [attemptEvent({ id: 'next', factId: 'f2' })]);
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=1/1', 'default/blinken-beijing/f2=1/1']);
    await store.close();
  });

  it('refuses an asynchronous build, so the lock is never held across an await', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    const before = await snapshot(store.file, store.historyFile);
    const build = (async () => [attemptEvent()]) as unknown as () => [];
    await expect(store.record(build)).rejects.toThrow(new TypeError('Store.record() takes a synchronous change: the lock must not be held across an await'));
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
    expect(store.data()).toEqual(emptyDatabase());
    await store.close();
  });

  it('refuses events that would leave the database invalid, appending nothing', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    await store.record(() => [attemptEvent({ id: 'kept' })]);
    const before = await snapshot(store.file, store.historyFile);
    const error = await storageRejection(store.record(() => [attemptEvent({ id: 'bad', factId: 'f2', at: 'March 7' })]));
    expect(error.code).toBe('EINVALID');
    expect(error.message).toMatch(/^refused to save progress to .*must be an ISO time, not the string "March 7".*Nothing was saved; this is a bug in factdeck, please report it\.$/);
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
    expect(factCounts(store.data())).toEqual(['default/blinken-beijing/f1=1/1']);
    await store.close();
  });

  it.each([
    ['an answer time that is no number', attemptEvent({ id: 'bad', ms: Number.NaN })],
    ['an answer given as an object', attemptEvent({ id: 'bad', given: { text: 'x' } as unknown as string })],
    ['an unknown rating', { ...reviewEvent(emptyDatabase()), review: { ...reviewEvent(emptyDatabase()).review, rating: 'meh' as 'good' } }],
  ])('refuses an event the log could not be read back with (%s), appending nothing', async (_name, event) => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    await store.record(() => [attemptEvent({ id: 'kept' })]);
    const before = await snapshot(store.file, store.historyFile);
    const error = await storageRejection(store.record(() => [event]));
    expect(error.code).toBe('EINVALID');
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
    // The next process can still read the log.
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=1/1']);
    await store.close();
  });
});

describe('Store.close', () => {
  const tempDir = useStoreTempDirs();

  it('leaves the file as it is when no checkpoint is due (the log holds what was recorded), then refuses changes', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: NEVER });
    await store.record(() => [attemptEvent({ id: 'a1' }), attemptEvent({ id: 'a2', correct: false })]);
    const beforeClose = await readFile(store.file);
    await store.close();
    expect(await readFile(store.file)).toEqual(beforeClose);
    expect((await readDatabaseFile(store.file)).facts).toEqual([]);
    // Every answer is there as the program reads it: replayed from the log by a reader and by the next open.
    expect(factCounts(await readOnlyData(dataDir))).toEqual(['default/blinken-beijing/f1=2/1']);
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=2/1']);

    const before = await snapshot(store.file, store.historyFile);
    const error = await storageRejection(store.record(() => [attemptEvent({ id: 'late' })]));
    expect(error.code).toBe('ECLOSED');
    expect(error.message).toBe(`the database ${store.file} was already closed; nothing was saved.`);
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
    await store.close();
  });

  it.each([
    ['in the log only (no checkpoint due)', NEVER],
    ['checkpointed too (one due at every event)', 1],
  ])('waits for changes already asked for: they are saved, %s', async (_how, checkpointEvery) => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery });
    const pending = store.record(() => [attemptEvent({ id: 'a1' })]);
    await store.close();
    await expect(pending).resolves.toHaveLength(1);
    expect(factCounts(await readOnlyData(dataDir))).toEqual(['default/blinken-beijing/f1=1/1']);
    expect(factCounts(await readDatabaseFile(store.file))).toEqual(checkpointEvery === 1 ? ['default/blinken-beijing/f1=1/1'] : []);
  });

  it('leaves the file alone when nothing is pending', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    await store.record(() => [attemptEvent()]);
    const fs = new ScriptedFileSystem();
    const again = await Store.open(dataDir, { fs });
    await again.backedUp();
    const seen = fs.steps.length;
    await again.close();
    expect(fs.steps.slice(seen)).toEqual([]);
    await store.close();
  });
});

describe('checkpoints when due, not at every close', () => {
  const tempDir = useStoreTempDirs();

  /** A folder whose database file sums up one answer, and that file's bytes and modification time. */
  async function checkpointedFolder(): Promise<{ dataDir: string; file: string; bytes: Buffer; mtimeMs: number }> {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    await store.record(() => [attemptEvent({ id: 'a0', factId: 'f0' })]);
    await store.close();
    // Back-dated, so that a rewrite within the same clock tick would still show in the time.
    const past = new Date(Date.now() - 3_600_000);
    await utimes(store.file, past, past);
    return { dataDir, file: store.file, bytes: await readFile(store.file), mtimeMs: (await stat(store.file)).mtimeMs };
  }

  it('runs of one answer each leave factdeck.json as it was, byte for byte, yet every answer is seen on reopen and by a reader', async () => {
    const { dataDir, file, bytes, mtimeMs } = await checkpointedFolder();
    for (let run = 1; run <= 5; run += 1) {
      const store = await Store.open(dataDir);
      await store.record(() => [attemptEvent({ id: `a${run}`, factId: `f${run}` })]);
      await store.close();
      expect(await readFile(file)).toEqual(bytes);
      expect((await stat(file)).mtimeMs).toBe(mtimeMs);
      const expected = Array.from({ length: run + 1 }, (_, i) => `default/blinken-beijing/f${i}=1/1`);
      expect(factCounts(await readOnlyData(dataDir))).toEqual(expected);
      expect(factCounts(await freshData(dataDir))).toEqual(expected);
    }
    // The file still sums up only the first answer; the log holds the five runs' after it.
    expect(factCounts(await readDatabaseFile(file))).toEqual(['default/blinken-beijing/f0=1/1']);
    expect(await readdir(join(dataDir, 'backups'))).toHaveLength(1);
  });

  it('checkpoints once the events beyond the file reach checkpointEvery, counting those replayed from earlier runs', async () => {
    const { dataDir, file, bytes } = await checkpointedFolder();
    const run = async (id: string): Promise<void> => {
      const store = await Store.open(dataDir, { checkpointEvery: 3 });
      await store.record(() => [attemptEvent({ id })]);
      await store.close();
    };
    await run('b1');
    await run('b2');
    expect(await readFile(file)).toEqual(bytes);
    // The third event beyond the file (two replayed at open, one recorded) makes a checkpoint due.
    await run('b3');
    const checkpointed = await readDatabaseFile(file);
    expect(factCounts(checkpointed)).toEqual(['default/blinken-beijing/f0=1/1', 'default/blinken-beijing/f1=3/3']);
    expect(checkpointed.logBytes).toBe((await stat(join(dataDir, HISTORY_FILE))).size);
    const after = await readFile(file);
    await run('b4');
    expect(await readFile(file)).toEqual(after);
  });

  it('checkpoints once the log beyond the file reaches checkpointBytes, however few the events', async () => {
    const { dataDir, file, bytes } = await checkpointedFolder();
    const logSize = async (): Promise<number> => (await stat(join(dataDir, HISTORY_FILE))).size;
    const start = await logSize();
    const run = async (id: string): Promise<void> => {
      const store = await Store.open(dataDir, { checkpointBytes: 1500 });
      // A long typed answer: a save of about 1 KB.
      await store.record(() => [attemptEvent({ id, kind: 'short', correct: false, given: 'x'.repeat(800) })]);
      await store.close();
    };
    await run('c1');
    expect((await logSize()) - start).toBeLessThan(1500);
    expect(await readFile(file)).toEqual(bytes);
    await run('c2');
    expect((await logSize()) - start).toBeGreaterThanOrEqual(1500);
    const checkpointed = await readDatabaseFile(file);
    expect(checkpointed.logBytes).toBe(await logSize());
    expect(factCounts(checkpointed)).toEqual(['default/blinken-beijing/f0=1/1', 'default/blinken-beijing/f1=2/0']);
  });

  it('checkpoints at open what the log holds beyond the file once it is due', async () => {
    const { dataDir, file, bytes } = await checkpointedFolder();
    const writer = await Store.open(dataDir, { checkpointEvery: NEVER, now: at('2024-06-05T08:00:00.000Z') });
    for (const id of ['d1', 'd2', 'd3']) await writer.record(() => [attemptEvent({ id })]);
    await writer.close();
    expect(await readFile(file)).toEqual(bytes);
    const store = await Store.open(dataDir, { checkpointEvery: 3, now: at('2024-06-05T09:00:00.000Z') });
    // Done before open returned: the file sums up the three.
    expect(factCounts(await readDatabaseFile(file))).toEqual(['default/blinken-beijing/f0=1/1', 'default/blinken-beijing/f1=3/3']);
    // The copy of the bytes it wrote over: taken by the writer's start (an hour ago, so due again now, but
    // the same bytes are not copied twice).
    expect(await readdir(join(dataDir, 'backups'))).toEqual(['factdeck-000001-2024-06-05T08-00-00.000Z.json']);
    expect(await readFile(join(dataDir, 'backups', 'factdeck-000001-2024-06-05T08-00-00.000Z.json'))).toEqual(bytes);
    await store.close();
  });

  it('loses nothing when the process dies between the log append and a checkpoint: the next open and a reader replay it', async () => {
    const { dataDir, file, bytes } = await checkpointedFolder();
    const store = await Store.open(dataDir);
    await store.record(() => [attemptEvent({ id: 'e1', factId: 'f-e' })]);
    // Dropped without close(), as a killed process is: its answer is in the fsynced log only.
    expect(await readFile(file)).toEqual(bytes);
    expect(factCounts(await readOnlyData(dataDir))).toEqual(['default/blinken-beijing/f-e=1/1', 'default/blinken-beijing/f0=1/1']);
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f-e=1/1', 'default/blinken-beijing/f0=1/1']);
    // Replayed, not written back: one event is no checkpoint due.
    expect(await readFile(file)).toEqual(bytes);
  });
});

describe('the backup taken at open', () => {
  const tempDir = useStoreTempDirs();

  /** A folder whose database holds one answer, not yet backed up as it is now. */
  async function folderWithAnAnswer(): Promise<string> {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    await store.record(() => [attemptEvent({ id: 'old', factId: 'f-old' })]);
    await store.close();
    return dataDir;
  }

  it('is made after open returns (while the first question is read), and whole before the file is written over', async () => {
    const dataDir = await folderWithAnAnswer();
    const before = await readFile(join(dataDir, 'factdeck.json'));
    const fs = new ScriptedFileSystem();
    const store = await Store.open(dataDir, { fs, checkpointEvery: 1 });
    const atOpen = fs.steps.length;
    await store.record(() => [attemptEvent({ id: 'new', factId: 'f-new' })]);
    await store.close();
    const steps = fs.steps.slice(atOpen);
    const inBackups = (path: string): boolean => path.startsWith(join(dataDir, 'backups'));
    const lastBackupStep = steps.findLastIndex((step) => inBackups(step.path));
    const firstCheckpointStep = steps.findIndex((step) => !inBackups(step.path) && step.path.includes('.factdeck.json.'));
    expect(lastBackupStep).toBeGreaterThanOrEqual(0);
    expect(firstCheckpointStep).toBeGreaterThan(lastBackupStep);
    const backups = (await readdir(join(dataDir, 'backups'))).filter((name) => name.endsWith('.json'));
    expect(await readFile(join(dataDir, 'backups', backups.sort().at(-1) as string))).toEqual(before);
  });

  it('when it fails, refuses the changes after it, as a failed open would: nothing saved, the files as they were', async () => {
    const dataDir = await folderWithAnAnswer();
    const before = await snapshot(join(dataDir, 'factdeck.json'), join(dataDir, HISTORY_FILE));
    const fs = new ScriptedFileSystem();
    const inBackups = (path: string): boolean => path.startsWith(join(dataDir, 'backups'));
    fs.failNext('copy', 'ENOSPC', inBackups);
    fs.failNext('writeFile', 'ENOSPC', inBackups);
    const store = await Store.open(dataDir, { fs, checkpointEvery: 1 });
    const refused = await storageRejection(store.record(() => [attemptEvent({ id: 'new', factId: 'f-new' })]));
    expect(refused.code).toBe('ENOSPC');
    expect(refused.message).toMatch(/backup/);
    await expect(store.backedUp()).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(store.close()).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await snapshot(join(dataDir, 'factdeck.json'), join(dataDir, HISTORY_FILE))).toEqual(before);
    expect(await tempFilesIn(join(dataDir, 'backups'))).toEqual([]);
  });
});

describe('Store with a damaged or foreign database file', () => {
  const tempDir = useStoreTempDirs();

  it.each([
    ['garbage', 'this is not JSON\n', 'invalid JSON at line 1, column 1'],
    ['an empty file', '', 'empty file'],
    ['a truncated file', '{\n  "schemaVersion": 3,\n  "facts": [\n', 'invalid JSON at line 4, column 1'],
    ['NUL bytes', '\0'.repeat(300), 'the file holds only zero bytes'],
    ['a wrong shape', json({ ...emptyDatabase(), facts: [{ factId: 'f1' }] }), 'facts[0].profile must be a string, not missing'],
  ])('refuses %s, leaves it byte for byte, and says there is no backup yet', async (_name, content, problem) => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'factdeck.json');
    await writeFile(file, content);
    const before = await readFile(file);
    const error = await storageRejection(Store.open(dataDir));
    expect(error.code).toBe('ECORRUPT');
    expect(error.file).toBe(file);
    expect(error.message).toContain(`cannot open ${file}: ${problem}`);
    expect(error.message).toContain('The file was left exactly as it is; there is no backup yet');
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(join(dataDir, 'backups'))).toEqual([]);
  });

  it('names the newest backup, which holds the last good state', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { now: at('2024-06-01T09:00:00.000Z'), checkpointEvery: 1 });
    await store.record(() => [attemptEvent()]);
    await store.close();
    await (await Store.open(dataDir, { now: at('2024-06-02T09:00:00.000Z') })).close();
    const backup = join(dataDir, 'backups', 'factdeck-000001-2024-06-02T09-00-00.000Z.json');

    const file = join(dataDir, 'factdeck.json');
    await writeFile(file, '{"schemaVersion": 3, "facts": [');
    const before = await snapshot(file, store.historyFile);
    const error = await storageRejection(Store.open(dataDir, { now: at('2024-06-03T09:00:00.000Z') }));
    expect(error.code).toBe('ECORRUPT');
    expect(error.message).toContain(`cannot open ${file}: invalid JSON`);
    expect(error.hint).toContain(`the last good copy is ${backup}`);
    expect(error.message.endsWith(`The file was left exactly as it is; ${error.hint}`)).toBe(true);
    expect(await snapshot(file, store.historyFile)).toEqual(before);
    expect(factCounts(await readDatabaseFile(backup))).toEqual(['default/blinken-beijing/f1=1/1']);
    expect(await readdir(join(dataDir, 'backups'))).toEqual(['factdeck-000001-2024-06-02T09-00-00.000Z.json']);
  });

  it('refuses a database from a newer factdeck and leaves it alone', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'factdeck.json');
    await writeFile(file, json({ ...emptyDatabase(), schemaVersion: DB_SCHEMA_VERSION + 1, decks: [] }));
    const before = await readFile(file);
    const error = await storageRejection(Store.open(dataDir));
    expect(error.code).toBe('ENEWER');
    expect(error.message).toMatch(/newer factdeck .*upgrade factdeck/);
    expect(await readFile(file)).toEqual(before);
  });

  it('refuses a history log shorter than the database says, changing neither; moved away as advised, the log starts anew', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    await store.record(() => [attemptEvent({ id: 'a1' })]);
    await store.record(() => [attemptEvent({ id: 'a2' })]);
    await store.close();
    const [first] = await logLines(store.historyFile);
    await writeFile(store.historyFile, `${first}\n`);
    const before = await snapshot(store.file, store.historyFile);
    const error = await storageRejection(Store.open(dataDir));
    expect(error.code).toBe('ECORRUPT');
    expect(error.file).toBe(store.historyFile);
    const size = Buffer.byteLength(`${first}\n`);
    expect(error.message).toContain(`the history log ${store.historyFile} is shorter than ${store.file} says (${size} of ${store.data().logBytes} bytes)`);
    expect(error.message.endsWith(`Nothing was changed; ${error.hint}`)).toBe(true);
    expect(error.hint).toMatch(/^restore the history log from a backup\b.*, or move it away to keep only the progress summed up in factdeck\.json\.$/);
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);

    // As advised: moved away, the log starts anew, and the file keeps every answer it added up.
    await rename(store.historyFile, `${store.historyFile}.short`);
    const reopened = await Store.open(dataDir);
    expect(factCounts(reopened.data())).toEqual(['default/blinken-beijing/f1=2/2']);
    await reopened.close();
  });
});

describe('Store with a damaged history log', () => {
  const tempDir = useStoreTempDirs();

  async function withThreeAnswers(checkpointEvery: number): Promise<{ dataDir: string; store: Store }> {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery });
    for (const id of ['a1', 'a2', 'a3']) await store.record(() => [attemptEvent({ id })]);
    return { dataDir, store };
  }

  it('refuses to open when a line in the middle is damaged, naming the line and leaving both files alone', async () => {
    const { dataDir, store } = await withThreeAnswers(NEVER);
    const lines = await logLines(store.historyFile);
    await writeFile(store.historyFile, `${[lines[0], '{"type": "attempt", "att', lines[2]].join('\n')}\n`);
    const before = await snapshot(store.file, store.historyFile);
    const error = await storageRejection(Store.open(dataDir));
    expect(error.code).toBe('ECORRUPT');
    expect(error.file).toBe(store.historyFile);
    expect(error.message).toContain(`cannot read ${store.historyFile}: a line of the history log is not valid JSON (line 2)`);
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
  });

  it('opens with the progress summed up in the database file once the damaged log is moved away, as its message says', async () => {
    // Checkpointed after a2; a3 is only in the log (the process was killed before closing).
    const { dataDir, store } = await withThreeAnswers(2);
    const lines = await logLines(store.historyFile);
    await writeFile(store.historyFile, `${[lines[0], lines[1], '[{"type": "attempt", "att'].join('\n')}\n`);
    const error = await storageRejection(Store.open(dataDir));
    expect(error.code).toBe('ECORRUPT');
    expect(error.message).toContain(`cannot read ${store.historyFile}: a line of the history log is not valid JSON (line 3)`);
    expect(error.hint).toBe('the history log was left as it is; repair or delete that line, or move the log away to keep only the progress summed up in factdeck.json.');

    await rename(store.historyFile, `${store.historyFile}.damaged`);
    const reopened = await Store.open(dataDir);
    // What the file summed up (a1, a2); a3 was only in the damaged log.
    expect(factCounts(reopened.data())).toEqual(['default/blinken-beijing/f1=2/2']);
    // The file no longer points into the log it was moved away from: at once, before any new save.
    const file = await readDatabaseFile(store.file);
    expect(file.logBytes).toBe(0);
    expect(factCounts(file)).toEqual(['default/blinken-beijing/f1=2/2']);
    expect(await logLines(store.historyFile)).toEqual([]);

    await reopened.record(() => [attemptEvent({ id: 'a4' })]);
    await reopened.close();
    expect((await logEvents(store.historyFile)).map(eventId)).toEqual(['a4']);
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=3/3']);
    expect(factCounts(await readOnlyData(dataDir))).toEqual(['default/blinken-beijing/f1=3/3']);
  });

  it('starts a new log when the log is moved away while a store is running, keeping what the file summed up', async () => {
    const { dataDir, store } = await withThreeAnswers(1);
    await rename(store.historyFile, `${store.historyFile}.moved`);
    await store.record(() => [attemptEvent({ id: 'a4', factId: 'f2' })]);
    expect((await logSaves(store.historyFile)).map((save) => save.map(eventId))).toEqual([['a4']]);
    const file = await readDatabaseFile(store.file);
    expect(file.logBytes).toBe((await stat(store.historyFile)).size);
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=3/3', 'default/blinken-beijing/f2=1/1']);
    await store.close();
  });

  it('counts damaged lines from the start of the log, even past the last checkpoint', async () => {
    const { dataDir, store } = await withThreeAnswers(2);
    await appendFile(store.historyFile, `${JSON.stringify({ type: 'attempt', attempt: { ...anAttempt(), correct: 'yes' } })}\n`);
    const error = await storageRejection(Store.open(dataDir));
    expect(error.message).toContain('an event is malformed: attempt.correct must be a boolean, not the string "yes" (line 4)');
  });

  it('leaves out a torn last line on open and cuts it off; the next event gets a line of its own', async () => {
    const { dataDir, store } = await withThreeAnswers(NEVER);
    await store.close();
    const whole = await readFile(store.historyFile, 'utf8');
    await appendFile(store.historyFile, serializeEvents([attemptEvent({ id: 'torn' })]).slice(0, 60));

    const reopened = await Store.open(dataDir);
    expect(factCounts(reopened.data())).toEqual(['default/blinken-beijing/f1=3/3']);
    expect(await readFile(store.historyFile, 'utf8')).toBe(whole);
    await reopened.record(() => [attemptEvent({ id: 'a4' })]);
    await reopened.close();
    expect((await logSaves(store.historyFile)).map((save) => save.map(eventId))).toEqual([['a1'], ['a2'], ['a3'], ['a4']]);
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=4/4']);
  });

  it('cuts off a line another process tore while this one was running, before appending', async () => {
    const { dataDir, store } = await withThreeAnswers(NEVER);
    const torn = serializeEvents([attemptEvent({ id: 'torn', factId: 'f2' })]).slice(0, 60);
    await appendFile(store.historyFile, torn);
    // Not counted by another process in the meantime either.
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=3/3']);
    await appendFile(store.historyFile, torn);

    await store.record(() => [attemptEvent({ id: 'a4' })]);
    const lines = await logLines(store.historyFile);
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => !line.includes('torn'))).toBe(true);
    expect(JSON.parse(lines[3] ?? '')).toEqual([attemptEvent({ id: 'a4' })]);
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=4/4']);
    await store.close();
  });

  it('rebuilds the database from the whole log when the database file is missing', async () => {
    const { dataDir, store } = await withThreeAnswers(1);
    await store.close();
    const expected = structuredClone(store.data());
    await rm(store.file);
    expect(await freshData(dataDir)).toEqual(expected);
    expect(await readDatabaseFile(store.file)).toEqual(expected);
  });
});

describe('Store backups', () => {
  const tempDir = useStoreTempDirs();

  it('backs up the database at open, once per distinct content', async () => {
    const dataDir = await tempDir();
    const backups = join(dataDir, 'backups');
    const first = await Store.open(dataDir, { now: at('2024-06-01T09:00:00.000Z') });
    await first.record(() => [attemptEvent()]);
    await first.close();
    const closedBytes = await readFile(first.file);

    await (await Store.open(dataDir, { now: at('2024-06-02T09:00:00.000Z') })).close();
    await (await Store.open(dataDir, { now: at('2024-06-03T09:00:00.000Z') })).close();
    expect(await readdir(backups)).toEqual(['factdeck-000001-2024-06-02T09-00-00.000Z.json']);
    expect(await readFile(join(backups, 'factdeck-000001-2024-06-02T09-00-00.000Z.json'))).toEqual(closedBytes);
  });

  it('backs up the bytes as they were, before replaying the log into the file', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: NEVER });
    await store.record(() => [attemptEvent()]);
    const unreplayed = await readFile(store.file);
    // The event replayed makes a checkpoint due at open (checkpointEvery 1): the file is written over.
    const reopened = await Store.open(dataDir, { now: at('2024-06-02T09:00:00.000Z'), checkpointEvery: 1 });
    expect(await readFile(join(dataDir, 'backups', 'factdeck-000001-2024-06-02T09-00-00.000Z.json'))).toEqual(unreplayed);
    expect(factCounts(await readDatabaseFile(store.file))).toEqual(['default/blinken-beijing/f1=1/1']);
    await Promise.all([store.close(), reopened.close()]);
  });

  it(`keeps only the newest ${BACKUPS_KEPT}`, async () => {
    const dataDir = await tempDir();
    for (let day = 1; day <= 8; day += 1) {
      // A checkpoint at every answer: each day's backup differs from the one before.
      const store = await Store.open(dataDir, { now: at(`2024-06-0${day}T09:00:00.000Z`), checkpointEvery: 1 });
      await store.record(() => [attemptEvent({ id: `a${day}` })]);
      await store.close();
    }
    const names = await readdir(join(dataDir, 'backups'));
    // Day 1 had nothing to back up: days 2 to 8 made backups 1 to 7.
    expect(names.sort()).toEqual([4, 5, 6, 7, 8].map((day) => `factdeck-00000${day - 1}-2024-06-0${day}T09-00-00.000Z.json`));
    // The backup taken on day 8 holds what days 1 to 7 saved.
    const newest = await readDatabaseFile(join(dataDir, 'backups', 'factdeck-000007-2024-06-08T09-00-00.000Z.json'));
    expect(factCounts(newest)).toEqual(['default/blinken-beijing/f1=7/7']);
  });

  it(`keeps the newest ${BACKUPS_KEPT} by the order they were taken in, whatever the clock said: a clock set back prunes the old, not the new`, async () => {
    const dataDir = await tempDir();
    // A clock that was years ahead, then set right; and backups left by an older factdeck, named by time only.
    await mkdir(join(dataDir, 'backups'), { recursive: true });
    await writeFile(join(dataDir, 'backups', 'factdeck-2031-01-01T09-00-00.000Z.json'), '{}');
    const days = ['2030-01-01', '2030-01-02', '2030-01-03', '2030-01-04', '2024-06-01', '2024-06-02', '2024-06-03'];
    for (const [i, day] of days.entries()) {
      const store = await Store.open(dataDir, { now: at(`${day}T09:00:00.000Z`), checkpointEvery: 1 });
      await store.record(() => [attemptEvent({ id: `a${i}` })]);
      await store.close();
    }
    // Six backups (the first open had no database to copy) after the old one: the newest five stand.
    const names = await readdir(join(dataDir, 'backups'));
    expect(names.sort()).toEqual(['factdeck-000002-2030-01-03T09-00-00.000Z.json', 'factdeck-000003-2030-01-04T09-00-00.000Z.json', 'factdeck-000004-2024-06-01T09-00-00.000Z.json', 'factdeck-000005-2024-06-02T09-00-00.000Z.json', 'factdeck-000006-2024-06-03T09-00-00.000Z.json']);
    // The last taken holds the most: what the six runs before it saved.
    const newest = await readDatabaseFile(join(dataDir, 'backups', 'factdeck-000006-2024-06-03T09-00-00.000Z.json'));
    expect(factCounts(newest)).toEqual(['default/blinken-beijing/f1=6/6']);
  });

  it('fails the open when the backup cannot be written, leaving the database and the log alone', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    await store.record(() => [attemptEvent()]);
    const before = await snapshot(store.file, store.historyFile);
    const fs = new ScriptedFileSystem();
    // Make the file system's copy fail too, so the backup is written.
    fs.failNext('copy', 'EXDEV');
    fs.failNext('writeFile', 'ENOSPC');
    // The event replayed makes a checkpoint due at open: the backup is taken first, before open returns.
    const error = await storageRejection(Store.open(dataDir, { fs, checkpointEvery: 1 }));
    expect(error.message).toMatch(/^could not save a backup of your progress to .*backups.*no space left on device \(ENOSPC\)/);
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
    expect(await readdir(join(dataDir, 'backups'))).toEqual([]);
    await store.close();
  });

  it('makes a backup a copy, not a link: the database damaged in place leaves the newest backup whole', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { now: at('2024-06-01T09:00:00.000Z'), checkpointEvery: 1 });
    await store.record(() => [attemptEvent()]);
    await store.close();
    // Nothing to checkpoint at this close: the backup and the file hold the same bytes afterwards.
    await (await Store.open(dataDir, { now: at('2024-06-02T09:00:00.000Z') })).close();
    const backup = join(dataDir, 'backups', 'factdeck-000001-2024-06-02T09-00-00.000Z.json');
    expect(await readFile(backup)).toEqual(await readFile(store.file));
    expect((await stat(backup)).ino).not.toBe((await stat(store.file)).ino);
    expect((await stat(store.file)).nlink).toBe(1);

    // Written over in place (same inode), as an editor that truncates and rewrites would.
    const inode = (await stat(store.file)).ino;
    await writeFile(store.file, 'garbage, not JSON');
    expect((await stat(store.file)).ino).toBe(inode);
    const error = await storageRejection(Store.open(dataDir, { now: at('2024-06-03T09:00:00.000Z') }));
    expect(error.code).toBe('ECORRUPT');
    expect(error.hint).toContain(backup);
    const named = /the last good copy is (\S+?);/.exec(error.hint ?? '')?.[1];
    expect(named).toBe(backup);
    expect(factCounts(await readDatabaseFile(named ?? ''))).toEqual(['default/blinken-beijing/f1=1/1']);
  });

  it(`takes a backup at the first run, not again within ${BACKUP_EVERY_MS / 60_000} minutes by the store's clock, and again after`, async () => {
    const dataDir = await tempDir();
    const backups = join(dataDir, 'backups');
    // A checkpoint at every answer, so that each run finds the file changed since the last copy.
    const run = async (time: string): Promise<void> => {
      const store = await Store.open(dataDir, { now: at(`2024-06-01T${time}Z`), checkpointEvery: 1 });
      await store.record(() => [attemptEvent({ id: `a-${time}` })]);
      await store.close();
    };
    await run('09:00:00.000');
    // The first run made the database: nothing to copy yet. The next run copies it.
    expect(await readdir(backups)).toEqual([]);
    await run('09:10:00.000');
    expect(await readdir(backups)).toEqual(['factdeck-000001-2024-06-01T09-10-00.000Z.json']);
    await run('09:20:00.000');
    await run('09:39:59.999');
    expect(await readdir(backups)).toEqual(['factdeck-000001-2024-06-01T09-10-00.000Z.json']);
    await run('09:40:00.000');
    expect((await readdir(backups)).sort()).toEqual(['factdeck-000001-2024-06-01T09-10-00.000Z.json', 'factdeck-000002-2024-06-01T09-40-00.000Z.json']);
    // That copy is the file as the runs before it left it: four answers.
    expect(factCounts(await readDatabaseFile(join(backups, 'factdeck-000002-2024-06-01T09-40-00.000Z.json')))).toEqual(['default/blinken-beijing/f1=4/4']);
  });

  it('takes a backup when the newest is dated after the clock (set back): how old it is cannot be told', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { now: at('2030-01-01T09:00:00.000Z'), checkpointEvery: 1 });
    await store.record(() => [attemptEvent()]);
    await store.close();
    await (await Store.open(dataDir, { now: at('2030-01-01T10:00:00.000Z') })).close();
    const changing = await Store.open(dataDir, { now: at('2030-01-01T10:00:00.000Z'), checkpointEvery: 1 });
    await changing.record(() => [attemptEvent({ id: 'a2' })]);
    await changing.close();
    await (await Store.open(dataDir, { now: at('2024-06-01T09:00:00.000Z') })).close();
    expect((await readdir(join(dataDir, 'backups'))).sort()).toEqual(['factdeck-000001-2030-01-01T10-00-00.000Z.json', 'factdeck-000002-2024-06-01T09-00-00.000Z.json']);
    // From then on, the schedule runs on the clock as it is: the file changed, but 10 minutes is not due.
    const later = await Store.open(dataDir, { now: at('2024-06-01T09:05:00.000Z'), checkpointEvery: 1 });
    await later.record(() => [attemptEvent({ id: 'a3' })]);
    await later.close();
    await (await Store.open(dataDir, { now: at('2024-06-01T09:10:00.000Z') })).close();
    expect(await readdir(join(dataDir, 'backups'))).toHaveLength(2);
  });

  it('takes a backup at every open with backupEveryMs 0 (before a command that deletes progress)', async () => {
    const dataDir = await tempDir();
    const now = at('2024-06-01T09:00:00.000Z');
    // The file changes at every run; the second and the fourth open ask for a backup whatever the schedule.
    for (const [id, backupEveryMs] of [['a1', 0], ['a2', 0], ['a3', undefined], ['a4', 0]] as const) {
      const store = await Store.open(dataDir, { now, checkpointEvery: 1, ...(backupEveryMs === undefined ? {} : { backupEveryMs }) });
      await store.record(() => [attemptEvent({ id })]);
      await store.close();
    }
    // The first open had nothing to copy; the third, minutes after a backup, took none.
    expect((await readdir(join(dataDir, 'backups'))).sort()).toEqual(['factdeck-000001-2024-06-01T09-00-00.000Z.json', 'factdeck-000002-2024-06-01T09-00-00.000Z.json']);
    expect(factCounts(await readDatabaseFile(join(dataDir, 'backups', 'factdeck-000002-2024-06-01T09-00-00.000Z.json')))).toEqual(['default/blinken-beijing/f1=3/3']);
  });

  it('writes the backup itself where the file system cannot copy, leaving no temp file behind', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    await store.record(() => [attemptEvent()]);
    await store.close();
    const bytes = await readFile(store.file);
    const fs = new ScriptedFileSystem();
    fs.failNext('copy', 'EXDEV');
    await (await Store.open(dataDir, { fs, now: at('2024-06-02T09:00:00.000Z') })).close();
    expect(fs.steps.map((s) => s.step)).toEqual(['open', 'writeFile', 'sync', 'close', 'rename', 'syncDir']);
    expect(await readdir(join(dataDir, 'backups'))).toEqual(['factdeck-000001-2024-06-02T09-00-00.000Z.json']);
    expect(await readFile(join(dataDir, 'backups', 'factdeck-000001-2024-06-02T09-00-00.000Z.json'))).toEqual(bytes);
    expect(await tempFilesIn(join(dataDir, 'backups'))).toEqual([]);
  });

  it('removes the temp copy when renaming it into place fails, and writes the backup instead', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    await store.record(() => [attemptEvent()]);
    await store.close();
    const bytes = await readFile(store.file);
    const fs = new ScriptedFileSystem();
    fs.failNext('rename', 'EIO');
    await (await Store.open(dataDir, { fs, now: at('2024-06-02T09:00:00.000Z') })).close();
    expect(fs.steps.map((s) => s.step)).toEqual(['copy', 'open', 'writeFile', 'sync', 'close', 'rename', 'syncDir']);
    expect(await readdir(join(dataDir, 'backups'))).toEqual(['factdeck-000001-2024-06-02T09-00-00.000Z.json']);
    expect(await readFile(join(dataDir, 'backups', 'factdeck-000001-2024-06-02T09-00-00.000Z.json'))).toEqual(bytes);
  });
});

describe('Store finding a file another build wrote', () => {
  const tempDir = useStoreTempDirs();

  it('rewrites it once at close, stamped by this build, so the next open need not check every record', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'factdeck.json');
    const first = await Store.open(dataDir, { checkpointEvery: 1 });
    await first.record(() => [attemptEvent()]);
    await first.close();
    // An upgrade: the same data, stamped by another build (its checksum no longer matches either).
    const ours = await readFile(file, 'utf8');
    expect(ours).toContain(JSON.stringify(thisWriter()));
    const body = `{\n${ours.slice(ours.indexOf('\n', 2) + 1)}`.replace(JSON.stringify(thisWriter()), '"factdeck 0000000000000000"');
    await writeFile(file, `{\n  "checksum": "sha256:${createHash('sha256').update(body).digest('hex')}",\n${body.slice(2)}`);
    const upgraded = await Store.open(dataDir);
    expect(factCounts(upgraded.data())).toEqual(['default/blinken-beijing/f1=1/1']);
    await upgraded.close();
    const rewritten = await readFile(file, 'utf8');
    expect(rewritten).toBe(ours);
    // Its own file again: a run that changes nothing leaves it as it is (the same inode, not renamed over).
    const before = await stat(file);
    const again = await Store.open(dataDir);
    await again.close();
    expect((await stat(file)).ino).toBe(before.ino);
  });
});

describe('Store opened on some decks (StoreOptions.decks)', () => {
  const tempDir = useStoreTempDirs();

  /** A folder whose file, checkpointed, holds progress on DECK and on "other". */
  async function twoDecks(): Promise<string> {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    await store.record(() => [attemptEvent(), attemptEvent({ id: 'a2', deckId: 'other', factId: 'g1' }), attemptEvent({ id: 'a3', deckId: 'other', factId: 'g2', correct: false })]);
    await store.close();
    return dataDir;
  }

  it("reads only those decks' records, and the rest when another process changes one of theirs", async () => {
    const dataDir = await twoDecks();
    const scoped = await Store.open(dataDir, { decks: [DECK] });
    expect(factCounts(scoped.data())).toEqual(['default/blinken-beijing/f1=1/1']);
    // Another process answers on the other deck; this one catches up at its next change.
    const other = await Store.open(dataDir);
    await other.record(() => [attemptEvent({ id: 'a4', deckId: 'other', factId: 'g1' })]);
    await other.close();
    await scoped.record(() => [attemptEvent({ id: 'a5' })]);
    expect(factCounts(scoped.data())).toEqual(['default/blinken-beijing/f1=2/2', 'default/other/g1=2/2', 'default/other/g2=1/0']);
    await scoped.close();
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=2/2', 'default/other/g1=2/2', 'default/other/g2=1/0']);
  });

  it('read-only (stats): those decks only, and the others too when the log beyond the file changed one of them', async () => {
    const dataDir = await twoDecks();
    const reader = await Store.open(dataDir, { readOnly: true, decks: [DECK] });
    expect(factCounts(reader.data())).toEqual(['default/blinken-beijing/f1=1/1']);
    await reader.close();
    // An answer on the other deck left in the log, not yet checkpointed: replaying it needs that deck's records.
    const other = await Store.open(dataDir);
    await other.record(() => [attemptEvent({ id: 'a4', deckId: 'other', factId: 'g2' })]);
    await other.close();
    const again = await Store.open(dataDir, { readOnly: true, decks: [DECK] });
    expect(factCounts(again.data())).toEqual(['default/blinken-beijing/f1=1/1', 'default/other/g1=1/1', 'default/other/g2=2/1']);
    await again.close();
  });

  it("writes every deck's records at a checkpoint, not only its own", async () => {
    const dataDir = await twoDecks();
    const scoped = await Store.open(dataDir, { decks: [DECK], checkpointEvery: 1 });
    await scoped.record(() => [attemptEvent({ id: 'a5', correct: false })]);
    await scoped.close();
    const onDisk = await readDatabaseFile(join(dataDir, 'factdeck.json'));
    expect(onDisk.logBytes).toBe((await stat(join(dataDir, HISTORY_FILE))).size);
    expect(factCounts(onDisk)).toEqual(['default/blinken-beijing/f1=2/1', 'default/other/g1=1/1', 'default/other/g2=1/0']);
    expect(onDisk.kinds.map((k) => `${k.deckId}:${k.attempts}`).sort()).toEqual([`${DECK}:2`, 'other:2']);
  });

  it("reads every deck's records before a profile's reset, which takes them all", async () => {
    const dataDir = await twoDecks();
    const scoped = await Store.open(dataDir, { decks: [DECK], checkpointEvery: 1 });
    await scoped.record(() => [resetEvent(), attemptEvent({ id: 'a6', deckId: 'other', factId: 'g9' })]);
    expect(factCounts(scoped.data())).toEqual(['default/other/g9=1/1']);
    await scoped.close();
    // Checkpointed: the other deck's records from before the reset did not come back with the file.
    expect(factCounts(await readDatabaseFile(join(dataDir, 'factdeck.json')))).toEqual(['default/other/g9=1/1']);
  });
});

describe('Store migrating an older database', () => {
  const tempDir = useStoreTempDirs();

  it('backs up the old bytes first, moves version 2 answers into the log, and rewrites the file as the current version', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'factdeck.json');
    const oldBytes = JSON.stringify(aVersion2Database());
    await writeFile(file, oldBytes);
    const store = await Store.open(dataDir, { now: at('2024-06-05T09:00:00.000Z') });
    expect(await readFile(join(dataDir, 'backups', 'factdeck-000001-2024-06-05T09-00-00.000Z.json'), 'utf8')).toBe(oldBytes);

    expect(factCounts(store.data())).toEqual(['default/blinken-beijing/f1=2/1', 'default/blinken-beijing/f2=1/1']);
    expect((await logEvents(store.historyFile)).map((e) => e.type)).toEqual(['attempt', 'attempt', 'attempt', 'review', 'session']);
    const onDisk = await readDatabaseFile(file);
    expect(onDisk.schemaVersion).toBe(DB_SCHEMA_VERSION);
    expect(onDisk).toEqual(store.data());
    expect(onDisk.logBytes).toBe((await stat(store.historyFile)).size);
    await store.close();

    // Opened again: nothing is migrated or appended twice.
    const again = await freshData(dataDir);
    expect(again).toEqual(onDisk);
    // A save per old answer or rating, carried over once.
    expect((await logSaves(store.historyFile)).map((save) => save.map(eventId))).toEqual([['a1'], ['a2'], ['a3'], ['r1'], ['session']]);
  });

  it('rewrites a version 4 file (records as objects) as tables after backing it up, the log untouched', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'factdeck.json');
    const v4 = { ...emptyDatabase(), schemaVersion: 4, cards: [aCard()], facts: [aFactProgress(), aFactProgress({ factId: 'f2', attempts: 3 })], days: [aDayTally()] };
    const oldBytes = `${JSON.stringify(v4, null, 2)}\n`;
    await writeFile(file, oldBytes);
    const store = await Store.open(dataDir, { now: at('2024-06-05T09:00:00.000Z') });
    expect(await readFile(join(dataDir, 'backups', 'factdeck-000001-2024-06-05T09-00-00.000Z.json'), 'utf8')).toBe(oldBytes);
    expect(store.data()).toEqual({ ...v4, schemaVersion: DB_SCHEMA_VERSION });
    await store.close();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"schemaVersion": 5,');
    expect(text).toContain('  "facts": {"fields": ["profile","deckId","factId","attempts"');
    expect(await readDatabaseFile(file)).toEqual({ ...v4, schemaVersion: DB_SCHEMA_VERSION });
    expect(await logLines(join(dataDir, HISTORY_FILE))).toEqual([]);
  });

  it('migrates a version 0 file (no schemaVersion), keeping its answers', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'factdeck.json'), JSON.stringify({ attempts: [anAttempt()], sessions: [], aliases: [] }));
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=1/1']);
    expect(await logEvents(join(dataDir, HISTORY_FILE))).toEqual([attemptEvent()]);
  });
});

describe('Store and stale temp files', () => {
  const tempDir = useStoreTempDirs();

  it("removes a dead writer's temp files on open and keeps a live one's", async () => {
    const dataDir = await tempDir();
    await (await Store.open(dataDir)).close();
    const scope = thisProcess().scope;
    const dead = `.factdeck.json.${deadPid()}-${scope}.0a1b2c.tmp`;
    const live = `.factdeck.json.${process.pid}-${scope}.3d4e5f.tmp`;
    const deadBackup = `.factdeck-2024-06-01T09-00-00.000Z.json.${deadPid()}-${scope}.0a1b2c.tmp`;
    await writeFile(join(dataDir, dead), '{"half": ');
    await writeFile(join(dataDir, live), '{"half": ');
    await writeFile(join(dataDir, 'backups', deadBackup), '{');
    await (await Store.open(dataDir)).close();
    const names = await readdir(dataDir);
    expect(names).not.toContain(dead);
    expect(names).toContain(live);
    expect(await readdir(join(dataDir, 'backups'))).not.toContain(deadBackup);
  });
});
