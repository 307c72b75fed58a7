// The store when the disk fails (an errno at one call) and when the process dies at one call (the
// ScriptedFileSystem "crashes": that call and every later one fail). After either, a fresh Store on the
// real file system must find the old state or the new one, whole, and never refuse to open.

import { appendFile, copyFile, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/errors.js';
import { realFileSystem } from '../../src/storage/file-system.js';
import { serializeEvents } from '../../src/storage/history.js';
import { HISTORY_FILE } from '../../src/storage/history-log.js';
import { parseDatabase } from '../../src/storage/schema.js';
import { Store } from '../../src/storage/store.js';
import { eventId, factCounts, freshData, logEvents, logSaves, readDatabaseFile, readOnlyData, snapshot, storageRejection } from '../helpers/store-files.js';
import { aVersion2Database, attemptEvent, reviewEvent } from '../helpers/store-records.js';
import { type CrashTiming, ScriptedFileSystem, SimulatedCrash, type WriteStep } from '../helpers/store-scripted-fs.js';
import { tempFilesIn, useStoreTempDirs } from '../helpers/store-temp-dir.js';

const OLD = ['default/blinken-beijing/f-old=1/1'];
const NEW = ['default/blinken-beijing/f-new=1/1', 'default/blinken-beijing/f-old=1/1'];
const isLog = (path: string): boolean => basename(path) === HISTORY_FILE;
const isTemp = (path: string): boolean => path.endsWith('.tmp');
/** The database's own temp file (a checkpoint), not a backup's. */
const isCheckpointTemp =
  (dataDir: string) =>
  (path: string): boolean =>
    isTemp(path) && dirname(path) === dataDir;
/** What a learner is told when factdeck.json cannot be checkpointed: the progress is safe in the log. */
const savedInLog = (store: Store): string => `your progress is saved in ${store.historyFile}, but ${store.file} could not be brought up to date: `;

/**
 * A folder with one answer saved (so the history log exists) and checkpointed (so the database file holds
 * it: the old state is in both files), and a store on it with a scripted fs.
 */
async function setUp(dataDir: string, checkpointEvery = 1): Promise<{ store: Store; fs: ScriptedFileSystem }> {
  const setup = await Store.open(dataDir);
  await setup.record(() => [attemptEvent({ id: 'old', factId: 'f-old' })]);
  await setup.checkpoint();
  await setup.close();
  const fs = new ScriptedFileSystem();
  const store = await Store.open(dataDir, { fs, checkpointEvery });
  // The open's backup is written in the background: from here on, every step is the test's save's.
  await store.backedUp();
  return { store, fs };
}

const recordNew = (store: Store) => store.record(() => [attemptEvent({ id: 'new', factId: 'f-new' })]);

describe('a save when the disk fails', () => {
  const tempDir = useStoreTempDirs();

  it.each<[string, WriteStep, string, string]>([
    ['the log append', 'writeFile', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['the log append', 'sync', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['the log append', 'open', 'EROFS', 'the file system is read-only (EROFS). Nothing was saved; choose a writable folder with --data DIR or FACTDECK_DATA.'],
    ['the log append', 'close', 'EIO', 'input/output error (EIO). Nothing was saved; the disk may be failing: copy the data folder somewhere safe.'],
  ])('%s failing at %s with %s: nothing saved, no trace in the log, the next save goes through', async (_what, step, code, said) => {
    const dataDir = await tempDir();
    const { store, fs } = await setUp(dataDir);
    const before = await snapshot(store.file, store.historyFile);
    const state = structuredClone(store.data());

    fs.failNext(step, code, isLog);
    const error = await storageRejection(recordNew(store));
    expect(error.code).toBe(code);
    expect(error.message).toBe(`could not save progress to ${store.historyFile}: ${said}`);
    expect(await snapshot(store.file, store.historyFile)).toEqual(before);
    expect(store.data()).toEqual(state);
    expect(await tempFilesIn(dataDir)).toEqual([]);
    expect(factCounts(await freshData(dataDir))).toEqual(OLD);

    // The failure was one call: the next save goes through, on a line of its own.
    await recordNew(store);
    expect(factCounts(await freshData(dataDir))).toEqual(NEW);
    expect((await logSaves(store.historyFile)).map((save) => save.map(eventId))).toEqual([['old'], ['new']]);
    await store.close();
  });

  const CHECKPOINT_FAILURES: Array<[WriteStep, string]> = [
    ['open', 'EROFS'],
    ['writeFile', 'ENOSPC'],
    ['sync', 'EIO'],
    ['close', 'EIO'],
    ['rename', 'ENOSPC'],
    ['syncDir', 'EIO'],
  ];

  it.each(CHECKPOINT_FAILURES)('a checkpoint failing at %s with %s inside a save: the save resolves (it is in the log), a fresh store finds it, and close() checkpoints it', async (step, code) => {
    const dataDir = await tempDir();
    const { store, fs } = await setUp(dataDir);
    const logBefore = await readFile(store.historyFile);

    fs.failNext(step, code, step === 'syncDir' ? (path) => path === dataDir : isCheckpointTemp(dataDir));
    await expect(recordNew(store)).resolves.toEqual([attemptEvent({ id: 'new', factId: 'f-new' })]);
    expect(store.data().logBytes).toBe((await stat(store.historyFile)).size);
    expect(await tempFilesIn(dataDir)).toEqual([]);
    // The save is one fsynced line of the log, after what was there.
    expect((await readFile(store.historyFile)).subarray(0, logBefore.length)).toEqual(logBefore);
    expect((await logSaves(store.historyFile)).map((save) => save.map(eventId))).toEqual([['old'], ['new']]);
    if (step !== 'syncDir') {
      // The file was not replaced: it still adds up to the old state (the log holds the rest).
      expect(factCounts(await readDatabaseFile(store.file))).toEqual(OLD);
    }

    // The checkpoint is tried again at close (before any fresh store, which would replay and checkpoint).
    await store.close();
    const file = await readDatabaseFile(store.file);
    expect(factCounts(file)).toEqual(NEW);
    expect(file.logBytes).toBe((await stat(store.historyFile)).size);
    expect(factCounts(await freshData(dataDir))).toEqual(NEW);
  });

  it('a checkpoint that failed inside a save is tried again at the next save', async () => {
    const dataDir = await tempDir();
    const { store, fs } = await setUp(dataDir, 2);
    await store.record(() => [attemptEvent({ id: 'n1', factId: 'f-new' })]);
    fs.failNext('rename', 'ENOSPC', isCheckpointTemp(dataDir));
    // The second event makes a checkpoint due; it fails, and the save still resolves.
    await store.record(() => [attemptEvent({ id: 'n2', factId: 'f-new' })]);
    expect(factCounts(await readDatabaseFile(store.file))).toEqual(OLD);
    // The third is not a multiple of 2: only the failed checkpoint being still due brings it about.
    await store.record(() => [attemptEvent({ id: 'n3', factId: 'f-new' })]);
    const file = await readDatabaseFile(store.file);
    expect(factCounts(file)).toEqual(['default/blinken-beijing/f-new=3/3', ...OLD]);
    expect(file.logBytes).toBe((await stat(store.historyFile)).size);
    await store.close();
  });

  it.each(CHECKPOINT_FAILURES)(
    'a checkpoint failing at %s with %s at every try: saves resolve, close() and checkpoint() say the progress is in the log, and a fresh store brings the file up to date',
    async (step, code) => {
      const dataDir = await tempDir();
      const { store, fs } = await setUp(dataDir);
      fs.failNext(step, code, step === 'syncDir' ? (path) => path === dataDir : isCheckpointTemp(dataDir), 3);
      await recordNew(store);

      const byCheckpoint = await storageRejection(store.checkpoint());
      const byClose = await storageRejection(store.close());
      for (const error of [byCheckpoint, byClose]) {
        expect(error.code).toBe(code);
        expect(error.file).toBe(store.file);
        expect(error.message.startsWith(savedInLog(store))).toBe(true);
        expect(error.message).toContain(`(${code})`);
        expect(error.message).toContain('Nothing is lost: factdeck brings it up to date from the log next time; ');
        expect(error.message).not.toMatch(/nothing (was|is) saved|not saved/i);
      }
      expect(await tempFilesIn(dataDir)).toEqual([]);

      // As told: the progress is there (a reader replays it from the log), and the next open, to which
      // the checkpoint is still due (as it was to this store), brings factdeck.json up to date from the log.
      expect(factCounts(await readOnlyData(dataDir))).toEqual(NEW);
      expect(factCounts(await freshData(dataDir, { checkpointEvery: 1 }))).toEqual(NEW);
      const file = await readDatabaseFile(store.file);
      expect(factCounts(file)).toEqual(NEW);
      expect(file.logBytes).toBe((await stat(store.historyFile)).size);
    },
  );
});

describe('a crash at any step of a save', () => {
  const tempDir = useStoreTempDirs();
  const APPEND: WriteStep[] = ['open', 'writeFile', 'sync', 'close'];
  const CHECKPOINT: WriteStep[] = ['open', 'writeFile', 'sync', 'close', 'rename', 'syncDir'];

  it('follows the write path this test crashes in: the log append, then the checkpoint', async () => {
    const dataDir = await tempDir();
    const { store, fs } = await setUp(dataDir);
    const seen = fs.steps.length;
    await recordNew(store);
    const name = (path: string): string => (isTemp(path) ? 'temp' : path === dataDir ? 'dir' : basename(path));
    expect(fs.stepsSince(seen, name)).toEqual([
      ...APPEND.map((step) => (step === 'open' ? `open a ${HISTORY_FILE}` : `${step} ${HISTORY_FILE}`)),
      'open wx temp',
      'writeFile temp',
      'sync temp',
      'close temp',
      'rename temp',
      'syncDir dir',
    ]);
    await store.close();
  });

  const steps = [...APPEND.map((step, index) => ({ phase: 'append', step, index })), ...CHECKPOINT.map((step, index) => ({ phase: 'checkpoint', step, index: APPEND.length + index }))];
  const cases = steps.flatMap((s) => (s.step === 'writeFile' ? ['before', 'torn', 'after'] : ['before', 'after']).map((timing) => ({ ...s, timing: timing as CrashTiming })));

  it.each(cases)('leaves the old or the new state, whole: crash $timing $phase $step', async ({ index, timing, phase, step }) => {
    const dataDir = await tempDir();
    const { store, fs } = await setUp(dataDir);
    fs.crashAt(index, timing);
    const outcome = await recordNew(store).then(
      () => 'resolved',
      (reason: unknown) => reason,
    );
    expect(fs.crashed).toBe(true);
    if (phase === 'append') {
      expect(outcome).toBeInstanceOf(StorageError);
      expect((outcome as StorageError).cause).toBeInstanceOf(SimulatedCrash);
    } else {
      // The save was in the log, fsynced, before the checkpoint began: record() had nothing to take back.
      expect(outcome).toBe('resolved');
    }

    // The line reached the file once its bytes were written whole (a dead process's writes stay).
    const landed = phase === 'checkpoint' || APPEND.indexOf(step) > APPEND.indexOf('writeFile') || (step === 'writeFile' && timing === 'after');
    // As the program reads it (the file plus the log beyond it), without writing anything.
    expect(factCounts(await readOnlyData(dataDir))).toEqual(landed ? NEW : OLD);
    // An open that replays a save makes a checkpoint due (checkpointEvery 1), to check what it writes.
    const next = await Store.open(dataDir, { checkpointEvery: 1 });
    expect(factCounts(next.data())).toEqual(landed ? NEW : OLD);
    // Whatever the crash left is readable and consistent: the file plus the log add up to the same.
    expect(await readDatabaseFile(next.file)).toEqual(next.data());
    expect((await stat(next.historyFile)).size).toBe(next.data().logBytes);
    await next.record(() => [attemptEvent({ id: 'after', factId: 'f-after' })]);
    await next.close();
    // One save, one line: a torn one was cut off, and the next save has a line of its own.
    const saves = await logSaves(next.historyFile);
    expect(saves.map((save) => save.map(eventId))).toEqual(landed ? [['old'], ['new'], ['after']] : [['old'], ['after']]);
  });

  it('tears the whole save, never an answer without its rating: a crash mid-line leaves neither counted', async () => {
    const dataDir = await tempDir();
    const { store, fs } = await setUp(dataDir);
    const logBefore = await readFile(store.historyFile, 'utf8');
    fs.crashAt(APPEND.indexOf('writeFile'), 'torn');
    const answer = attemptEvent({ id: 'new', factId: 'f-new' });
    const error = await storageRejection(store.record((data) => [answer, reviewEvent(data, { id: 'r-new', factId: 'f-new' })]));
    expect(fs.crashed).toBe(true);
    expect(error.cause).toBeInstanceOf(SimulatedCrash);
    // The answer's bytes did reach the disk, whole, as the start of a line that never got its end.
    const torn = (await readFile(store.historyFile, 'utf8')).slice(logBefore.length);
    expect(torn).toContain(JSON.stringify(answer));
    expect(torn).not.toContain('\n');

    const fresh = await freshData(dataDir);
    expect(fresh.facts.some((f) => f.factId === 'f-new')).toBe(false);
    expect(fresh.cards.some((c) => c.factId === 'f-new')).toBe(false);
    expect(factCounts(fresh)).toEqual(OLD);
    // The fresh store cut the torn save off: the log is as it was before the save.
    expect(await readFile(store.historyFile, 'utf8')).toBe(logBefore);
  });

  it('leaves out a save torn right after its first event (the answer whole, its rating cut), and appends after it', async () => {
    const dataDir = await tempDir();
    const { store } = await setUp(dataDir);
    await store.close();
    const answer = attemptEvent({ id: 'new', factId: 'f-new' });
    const line = serializeEvents([answer, reviewEvent(store.data(), { id: 'r-new', factId: 'f-new' })]);
    const firstEventEnd = `[${JSON.stringify(answer)},`.length;
    expect(line.slice(0, firstEventEnd)).toBe(`[${JSON.stringify(answer)},`);
    for (const cut of [firstEventEnd - 1, firstEventEnd, line.length - 3, line.length - 2]) {
      const logBefore = await readFile(store.historyFile, 'utf8');
      await appendFile(store.historyFile, line.slice(0, cut));
      const next = await Store.open(dataDir);
      expect(factCounts(next.data()), `cut at ${cut} of ${line.length}`).toEqual(OLD);
      expect(next.data().cards).toEqual([]);
      expect(await readFile(store.historyFile, 'utf8')).toBe(logBefore);
      await next.close();
    }
    const next = await Store.open(dataDir);
    await next.record(() => [attemptEvent({ id: 'after', factId: 'f-after' })]);
    await next.close();
    expect((await logSaves(store.historyFile)).map((save) => save.map(eventId))).toEqual([['old'], ['after']]);
  });

  it('counts a whole save that lacks only its line end, and ends its line before appending after it', async () => {
    const dataDir = await tempDir();
    const { store } = await setUp(dataDir);
    await store.close();
    const answer = attemptEvent({ id: 'new', factId: 'f-new' });
    const line = serializeEvents([answer]);
    const logBefore = await readFile(store.historyFile, 'utf8');
    await appendFile(store.historyFile, line.slice(0, -1));
    const next = await Store.open(dataDir);
    expect(factCounts(next.data())).toEqual([...OLD, 'default/blinken-beijing/f-new=1/1'].sort());
    expect(await readFile(store.historyFile, 'utf8')).toBe(logBefore + line);
    await next.record(() => [attemptEvent({ id: 'after', factId: 'f-after' })]);
    await next.close();
    expect((await logSaves(store.historyFile)).map((save) => save.map(eventId))).toEqual([['old'], ['new'], ['after']]);
  });

  /** A folder whose log holds two answers the database file does not: the next open replays them. */
  async function withUnreplayedLog(dataDir: string): Promise<void> {
    const writer = await Store.open(dataDir, { checkpointEvery: 1_000_000 });
    await writer.record(() => [attemptEvent({ id: 'old', factId: 'f-old' })]);
    await writer.record(() => [attemptEvent({ id: 'new', factId: 'f-new' })]);
    // Dropped without close(), as a killed process would: its answers are in the log only.
  }

  it('opens with the state whole after a crash at any step of an open that replays the log', async () => {
    const dry = await tempDir();
    await withUnreplayedLog(dry);
    const dryFs = new ScriptedFileSystem();
    // Two events replayed make a checkpoint due at open with checkpointEvery 2.
    await (await Store.open(dry, { fs: dryFs, checkpointEvery: 2 })).close();
    // A backup (a copy to a temp name, renamed into backups/), then the checkpoint of what was replayed.
    expect(dryFs.steps.map((s) => s.step)).toEqual(['copy', 'rename', 'syncDir', ...CHECKPOINT]);
    expect(dirname(dryFs.steps[0]?.path ?? '')).toBe(join(dry, 'backups'));

    for (const [index, { step }] of dryFs.steps.entries()) {
      for (const timing of step === 'writeFile' || step === 'copy' ? (['before', 'torn', 'after'] as const) : (['before', 'after'] as const)) {
        const dataDir = await tempDir();
        await withUnreplayedLog(dataDir);
        const fs = new ScriptedFileSystem();
        fs.crashAt(index, timing);
        await expect(Store.open(dataDir, { fs, checkpointEvery: 2 })).rejects.toThrow();
        expect(fs.crashed).toBe(true);
        expect(factCounts(await freshData(dataDir)), `crash ${timing} ${step} (step ${index})`).toEqual(NEW);
        // Whatever is under a backup's name is whole (a half copy only ever has a temp name).
        for (const name of (await readdir(join(dataDir, 'backups'))).filter((n) => !isTemp(n))) {
          expect(parseDatabase(await readFile(join(dataDir, 'backups', name), 'utf8')).ok, `${name} after a crash ${timing} ${step}`).toBe(true);
        }
      }
    }
  });
});

describe('a crash while migrating an older database', () => {
  const tempDir = useStoreTempDirs();
  const name =
    (dataDir: string) =>
    (path: string): string =>
      isTemp(path) ? 'temp' : path === dataDir ? 'dir' : basename(path);
  const THEN_MIGRATE = [
    // The old answers go to the log, a line each, and the log's new name is fsynced.
    `open a ${HISTORY_FILE}`,
    `writeFile ${HISTORY_FILE}`,
    `sync ${HISTORY_FILE}`,
    `close ${HISTORY_FILE}`,
    'syncDir dir',
    // Then the file is rewritten as today's.
    'open wx temp',
    'writeFile temp',
    'sync temp',
    'close temp',
    'rename temp',
    'syncDir dir',
  ];
  /** The backup first: a copy made by the file system, or, where it cannot copy, the bytes written. */
  const BACKUP = { copy: ['copy temp', 'rename temp', 'syncDir backups'], write: ['open wx temp', 'writeFile temp', 'sync temp', 'close temp', 'rename temp', 'syncDir backups'] };

  it.each(['copy', 'write'] as const)('follows the migration write path: the backup (%s), the log append, the new file', async (backup) => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'factdeck.json'), JSON.stringify(aVersion2Database()));
    const fs = new ScriptedFileSystem();
    if (backup === 'write') fs.failNext('copy', 'EXDEV');
    const store = await Store.open(dataDir, { fs });
    expect(fs.stepsSince(0, name(dataDir))).toEqual([...BACKUP[backup], ...THEN_MIGRATE]);
    await store.close();
  });

  const migrated = ['default/blinken-beijing/f1=2/1', 'default/blinken-beijing/f2=1/1'];
  const steps = [...BACKUP.copy, ...THEN_MIGRATE];
  const cases = steps.flatMap((step, index) =>
    (step.startsWith('writeFile') || step.startsWith('copy') ? ['before', 'torn', 'after'] : ['before', 'after']).map((timing) => ({ index, step: `#${index} ${step}`, timing: timing as CrashTiming })),
  );

  it.each(cases)('counts every old answer once after a crash $timing migration step $step', async ({ index, timing }) => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'factdeck.json'), JSON.stringify(aVersion2Database()));
    const fs = new ScriptedFileSystem();
    fs.crashAt(index, timing);
    await Store.open(dataDir, { fs }).catch(() => undefined);
    expect(fs.crashed).toBe(true);

    const fresh = await freshData(dataDir);
    expect(factCounts(fresh)).toEqual(migrated);
    expect(fresh.sessions).toHaveLength(1);
    // Each old answer and rating is a save of its own, carried over once.
    const saves = await logSaves(join(dataDir, HISTORY_FILE));
    expect(saves.every((save) => save.length === 1)).toBe(true);
    expect(saves.flat().map(eventId)).toEqual(['a1', 'a2', 'a3', 'r1', 'session']);
    expect(factCounts(await freshData(dataDir))).toEqual(migrated);
  });
});

describe('a file damaged while a store is running', () => {
  const tempDir = useStoreTempDirs();
  const at = (iso: string) => () => new Date(iso);

  it.each([
    ['the real file system', () => realFileSystem],
    ['the scripted one, which passes identity through', () => new ScriptedFileSystem()],
  ])('is not written over by a checkpoint (%s): saves go to the log, checkpoint() and close() refuse as open does', async (_fs, makeFs) => {
    const dataDir = await tempDir();
    const first = await Store.open(dataDir, { now: at('2024-06-01T09:00:00.000Z') });
    await first.record(() => [attemptEvent({ id: 'a1' })]);
    await first.close();
    // This open backs up the file holding a1.
    const store = await Store.open(dataDir, { fs: makeFs(), checkpointEvery: 1, now: at('2024-06-02T09:00:00.000Z') });
    const backup = join(dataDir, 'backups', 'factdeck-000001-2024-06-02T09-00-00.000Z.json');
    await store.record(() => [attemptEvent({ id: 'a2' })]);
    expect(factCounts(await readDatabaseFile(store.file))).toEqual(['default/blinken-beijing/f1=2/2']);

    // Damaged in place (same inode), as an editor or a failing disk would.
    const inode = (await stat(store.file)).ino;
    await writeFile(store.file, '{"schemaVersion": 3, "fac');
    expect((await stat(store.file)).ino).toBe(inode);
    const damaged = await snapshot(store.file);

    // The save is in the log, so it resolves; its checkpoint is refused, and the file left alone.
    await expect(store.record(() => [attemptEvent({ id: 'a3' })])).resolves.toHaveLength(1);
    expect(await snapshot(store.file)).toEqual(damaged);
    expect((await logEvents(store.historyFile)).map(eventId)).toEqual(['a1', 'a2', 'a3']);

    const byCheckpoint = await storageRejection(store.checkpoint());
    const byClose = await storageRejection(store.close());
    const byOpen = await storageRejection(Store.open(dataDir));
    for (const error of [byCheckpoint, byClose]) {
      expect(error.code).toBe('ECORRUPT');
      expect(error.file).toBe(store.file);
      expect(error.message).toBe(byOpen.message);
    }
    expect(byOpen.message).toContain(`cannot open ${store.file}: invalid JSON`);
    expect(byOpen.hint).toContain(`the last good copy is ${backup}`);
    expect(byOpen.message.endsWith(byOpen.hint ?? '')).toBe(true);
    expect(await snapshot(store.file)).toEqual(damaged);

    // Going back to that copy (what `factdeck doctor --restore` does) brings back every save that
    // resolved: the backup, plus the log past it.
    await copyFile(backup, store.file);
    expect(factCounts(await freshData(dataDir))).toEqual(['default/blinken-beijing/f1=3/3']);
  });

  it('is written over when it changed but still parses (another process checkpointed it)', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { checkpointEvery: 1 });
    const other = await Store.open(dataDir, { checkpointEvery: 1 });
    await store.record(() => [attemptEvent({ id: 'a1' })]);
    await other.record(() => [attemptEvent({ id: 'a2', factId: 'f2' })]);
    await store.record(() => [attemptEvent({ id: 'a3' })]);
    await Promise.all([store.close(), other.close()]);
    expect(factCounts(await readDatabaseFile(store.file))).toEqual(['default/blinken-beijing/f1=2/2', 'default/blinken-beijing/f2=1/1']);
  });
});
