import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/errors.js';
import { DB_SCHEMA_VERSION, emptyDatabase, parseDatabase } from '../../src/storage/schema.js';
import { Store } from '../../src/storage/store.js';
import { aDatabase, anAttempt } from '../helpers/store-records.js';
import { ScriptedFileSystem } from '../helpers/store-scripted-fs.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

const at = (iso: string) => () => new Date(iso);
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function readDatabase(file: string) {
  const result = parseDatabase(await readFile(file, 'utf8'));
  if (!result.ok) throw new Error(result.problem);
  return result.data;
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}

describe('Store', () => {
  const tempDir = useStoreTempDirs();

  it('creates the database, durably written, on first open', async () => {
    const dataDir = join(await tempDir(), 'nested', 'data');
    const store = await Store.open(dataDir);
    expect(store.file).toBe(join(dataDir, 'factdeck.json'));
    expect(store.dataDir).toBe(dataDir);
    expect(await readFile(store.file, 'utf8')).toBe(json(emptyDatabase()));
    expect(store.data()).toEqual(emptyDatabase());
    expect(await readdir(store.backupsDir)).toEqual([]);
    await store.close();
  });

  it('saves an update that a new store, reading afresh, sees', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    const result = await store.update((data) => {
      data.attempts.push(anAttempt());
      return data.attempts.length;
    });
    expect(result).toBe(1);
    expect(store.data().attempts).toEqual([anAttempt()]);
    await store.close();

    const reopened = await Store.open(dataDir);
    expect(reopened.data()).toEqual(aDatabase({ attempts: [anAttempt()] }));
    expect(JSON.parse(await readFile(reopened.file, 'utf8'))).toMatchObject({ schemaVersion: DB_SCHEMA_VERSION });
    await reopened.update((data) => data.attempts.push(anAttempt({ id: 'a2' })));
    await reopened.close();
    expect((await readDatabase(reopened.file)).attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('re-reads under the lock, so two stores on one file lose nothing', async () => {
    const dataDir = await tempDir();
    const first = await Store.open(dataDir);
    const second = await Store.open(dataDir);
    await first.update((data) => data.attempts.push(anAttempt({ id: 'from-first' })));
    await second.update((data) => data.attempts.push(anAttempt({ id: 'from-second' })));
    expect(second.data().attempts.map((a) => a.id)).toEqual(['from-first', 'from-second']);
    await Promise.all([
      first.update((data) => data.attempts.push(anAttempt({ id: 'x' }))),
      second.update((data) => data.attempts.push(anAttempt({ id: 'y' }))),
      first.update((data) => data.attempts.push(anAttempt({ id: 'z' }))),
    ]);
    expect((await readDatabase(first.file)).attempts.map((a) => a.id).sort()).toEqual(['from-first', 'from-second', 'x', 'y', 'z']);
    await Promise.all([first.close(), second.close()]);
  });

  it('stores "__proto__" and "constructor" as plain values', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    const tricky = anAttempt({ id: '__proto__', profile: 'constructor', deckId: '__proto__', given: ['__proto__'] });
    await store.update((data) => data.attempts.push(tricky));
    const reopened = await Store.open(dataDir);
    expect(reopened.data().attempts).toEqual([tricky]);
    expect(Object.prototype).not.toHaveProperty('profile');
  });

  it('saves nothing when the change throws', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    await store.update((data) => data.attempts.push(anAttempt()));
    const before = await readFile(store.file);
    await expect(
      store.update((data) => {
        data.attempts.length = 0;
        throw new Error('bug in a command');
      }),
    ).rejects.toThrow('bug in a command');
    expect(await readFile(store.file)).toEqual(before);
    expect(store.data().attempts).toEqual([anAttempt()]);
  });

  it('refuses an asynchronous change, so the lock is never held across an await', async () => {
    const store = await Store.open(await tempDir());
    const before = await readFile(store.file);
    await expect(
      store.update(async (data) => {
        data.attempts.push(anAttempt());
      }),
    ).rejects.toThrow(/synchronous change/);
    expect(await readFile(store.file)).toEqual(before);
  });

  it('refuses to save a change that would make the file unreadable next time', async () => {
    const store = await Store.open(await tempDir());
    const before = await readFile(store.file);
    const error = await rejection(store.update((data) => data.attempts.push(anAttempt({ ms: Number.NaN }))));
    expect(error.code).toBe('EINVALID');
    expect(error.message).toContain('attempts[0].ms must be a whole number');
    expect(await readFile(store.file)).toEqual(before);
  });

  it('refuses updates after close, and close waits for the pending ones', async () => {
    const store = await Store.open(await tempDir());
    const pending = store.update((data) => data.attempts.push(anAttempt()));
    await store.close();
    expect((await readDatabase(store.file)).attempts).toHaveLength(1);
    await pending;
    const error = await rejection(store.update(() => undefined));
    expect(error.code).toBe('ECLOSED');
  });

  it('says which folder it could not create', async () => {
    const fs = new ScriptedFileSystem();
    fs.failNext('mkdir', 'EACCES');
    const dataDir = await tempDir();
    const error = await rejection(Store.open(join(dataDir, 'data'), { fs }));
    expect(error.message).toBe(
      `could not create the data folder ${join(dataDir, 'data')}: permission denied (EACCES). Check that you may read and write files in ${join(dataDir, 'data')}, or choose another folder with --data DIR or FACTDECK_DATA.`,
    );
  });
});

describe('Store with a damaged or foreign database', () => {
  const tempDir = useStoreTempDirs();

  it.each([
    ['garbage', 'this is not JSON\n', 'invalid JSON at line 1, column 1'],
    ['an empty file', '', 'empty file'],
    ['a truncated file', '{\n  "schemaVersion": 1,\n  "attempts": [\n', 'invalid JSON at line 4, column 1'],
    ['NUL bytes', '\0'.repeat(300), 'the file holds only zero bytes'],
    ['a wrong shape', json({ ...emptyDatabase(), attempts: [{ ...anAttempt(), correct: 1 }] }), 'attempts[0].correct must be a boolean'],
  ])('refuses %s, leaves it byte for byte, and says there is no backup yet', async (_name, content, problem) => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'factdeck.json');
    await writeFile(file, content);
    const before = await readFile(file);
    const error = await rejection(Store.open(dataDir));
    expect(error.code).toBe('ECORRUPT');
    expect(error.file).toBe(file);
    expect(error.message).toContain(`cannot open ${file}: ${problem}`);
    expect(error.message).toContain('The file was left exactly as it is; there is no backup yet');
    expect(await readFile(file)).toEqual(before);
  });

  it('names the newest backup, which holds the last good state', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { now: at('2024-06-01T09:00:00.000Z') });
    await store.update((data) => data.attempts.push(anAttempt()));
    await store.close();
    await (await Store.open(dataDir, { now: at('2024-06-02T09:00:00.000Z') })).close();
    const backup = join(dataDir, 'backups', 'factdeck-2024-06-02T09-00-00.000Z.json');

    const file = join(dataDir, 'factdeck.json');
    await writeFile(file, '{"schemaVersion": 1, "attempts": [');
    const before = await readFile(file);
    const error = await rejection(Store.open(dataDir, { now: at('2024-06-03T09:00:00.000Z') }));
    expect(error.message).toContain(file);
    expect(error.message).toContain(`the last good copy is ${backup}; to go back to it, copy it over ${file}.`);
    expect(error.hint).toBe(`the last good copy is ${backup}; to go back to it, copy it over ${file}.`);
    expect(await readFile(file)).toEqual(before);
    expect((await readDatabase(backup)).attempts).toEqual([anAttempt()]);
  });

  it('refuses a file damaged while running, without writing over it', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    await store.update((data) => data.attempts.push(anAttempt()));
    await writeFile(store.file, '{"schemaVersion": 1, "attem');
    const before = await readFile(store.file);
    const error = await rejection(store.update((data) => data.attempts.push(anAttempt({ id: 'a2' }))));
    expect(error.code).toBe('ECORRUPT');
    expect(await readFile(store.file)).toEqual(before);
  });

  it('refuses a database from a newer factdeck and leaves it alone', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'factdeck.json');
    await writeFile(file, json({ ...emptyDatabase(), schemaVersion: DB_SCHEMA_VERSION + 1, decks: [] }));
    const before = await readFile(file);
    const error = await rejection(Store.open(dataDir));
    expect(error.code).toBe('ENEWER');
    expect(error.message).toMatch(/newer factdeck .*upgrade factdeck/);
    expect(await readFile(file)).toEqual(before);
  });

  it('migrates an old database after backing up its old bytes', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'factdeck.json');
    const oldBytes = JSON.stringify({ attempts: [anAttempt()], sessions: [], aliases: [] });
    await writeFile(file, oldBytes);
    const store = await Store.open(dataDir, { now: at('2024-06-01T09:00:00.000Z') });
    expect(store.data()).toEqual(aDatabase({ attempts: [anAttempt()] }));
    expect(await readFile(join(dataDir, 'backups', 'factdeck-2024-06-01T09-00-00.000Z.json'), 'utf8')).toBe(oldBytes);
    expect(await readFile(file, 'utf8')).toBe(json(aDatabase({ attempts: [anAttempt()] })));
  });
});

describe('Store backups', () => {
  const tempDir = useStoreTempDirs();

  it('backs up the database at the start of a run, once per distinct content', async () => {
    const dataDir = await tempDir();
    const backups = join(dataDir, 'backups');
    const first = await Store.open(dataDir, { now: at('2024-06-01T09:00:00.000Z') });
    await first.update((data) => data.attempts.push(anAttempt()));
    await first.close();

    await (await Store.open(dataDir, { now: at('2024-06-02T09:00:00.000Z') })).close();
    await (await Store.open(dataDir, { now: at('2024-06-03T09:00:00.000Z') })).close();
    expect(await readdir(backups)).toEqual(['factdeck-2024-06-02T09-00-00.000Z.json']);
    expect(await readFile(join(backups, 'factdeck-2024-06-02T09-00-00.000Z.json'))).toEqual(await readFile(first.file));
  });

  it('keeps only the newest five', async () => {
    const dataDir = await tempDir();
    for (let day = 1; day <= 8; day += 1) {
      const store = await Store.open(dataDir, { now: at(`2024-06-0${day}T09:00:00.000Z`) });
      await store.update((data) => data.attempts.push(anAttempt({ id: `a${day}` })));
      await store.close();
    }
    const names = await readdir(join(dataDir, 'backups'));
    expect(names.sort()).toEqual([4, 5, 6, 7, 8].map((day) => `factdeck-2024-06-0${day}T09-00-00.000Z.json`));
    // The backup taken on day 8 holds what days 1 to 7 saved.
    const newest = await readDatabase(join(dataDir, 'backups', 'factdeck-2024-06-08T09-00-00.000Z.json'));
    expect(newest.attempts.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
  });

  it('fails the open when the backup cannot be written, leaving the database alone', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir);
    await store.update((data) => data.attempts.push(anAttempt()));
    const before = await readFile(store.file);
    const fs = new ScriptedFileSystem();
    fs.failNext('writeFile', 'ENOSPC');
    const error = await rejection(Store.open(dataDir, { fs }));
    expect(error.message).toMatch(/^could not save a backup of your progress to .*backups.*no space left on device \(ENOSPC\)/);
    expect(await readFile(store.file)).toEqual(before);
    expect(await readdir(join(dataDir, 'backups'))).toEqual([]);
  });
});

describe('Store and stale temp files', () => {
  const tempDir = useStoreTempDirs();

  it("removes a dead writer's temp files on open and keeps a live one's", async () => {
    const dataDir = await tempDir();
    await (await Store.open(dataDir)).close();
    const dead = `.factdeck.json.${deadPid()}.0a1b2c.tmp`;
    const live = `.factdeck.json.${process.pid}.3d4e5f.tmp`;
    const deadBackup = `.factdeck-2024-06-01T09-00-00.000Z.json.${deadPid()}.0a1b2c.tmp`;
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
