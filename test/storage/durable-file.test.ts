import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile, cleanStaleTempFiles, isProcessAlive } from '../../src/storage/durable-file.js';
import { StorageError } from '../../src/storage/errors.js';
import { parseDatabase } from '../../src/storage/schema.js';
import { Store } from '../../src/storage/store.js';
import { aDatabase, anAttempt } from '../helpers/store-records.js';
import { type CrashTiming, ScriptedFileSystem, SimulatedCrash, type WriteStep } from '../helpers/store-scripted-fs.js';
import { tempFilesIn, useStoreTempDirs } from '../helpers/store-temp-dir.js';

async function attemptIds(file: string): Promise<string[]> {
  const result = parseDatabase(await readFile(file, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.problem}`);
  return result.data.attempts.map((attempt) => attempt.id);
}

describe('DurableJsonFile', () => {
  const tempDir = useStoreTempDirs();
  const parseJson = (text: string): unknown => JSON.parse(text);

  it('reads null when there is no file', async () => {
    const adapter = new DurableJsonFile(join(await tempDir(), 'none.json'), { parse: parseJson });
    expect(await adapter.read()).toBeNull();
  });

  it('writes JSON with a 2-space indent and a trailing newline, and reads it back', async () => {
    const file = join(await tempDir(), 'data.json');
    const adapter = new DurableJsonFile(file, { parse: parseJson });
    await adapter.write({ list: [1, 'two'] });
    expect(await readFile(file, 'utf8')).toBe('{\n  "list": [\n    1,\n    "two"\n  ]\n}\n');
    expect(await adapter.read()).toEqual({ list: [1, 'two'] });
  });

  it('turns a read failure other than a missing file into a StorageError', async () => {
    const dir = await tempDir();
    const file = join(dir, 'data.json');
    await writeFile(file, '{}');
    const fs = new ScriptedFileSystem();
    fs.failNext('readFile', 'EACCES');
    const adapter = new DurableJsonFile(file, { parse: parseJson, fs });
    await expect(adapter.read()).rejects.toMatchObject({
      name: 'StorageError',
      code: 'EACCES',
      file,
      message: `could not read ${file}: permission denied (EACCES). Nothing was changed; check that you may read and write files in ${dir}, or choose another folder with --data DIR or FACTDECK_DATA.`,
    });
  });

  it('wraps a parse failure in a StorageError and leaves the file alone', async () => {
    const file = join(await tempDir(), 'data.json');
    await writeFile(file, '{oops');
    const adapter = new DurableJsonFile(file, { parse: parseJson });
    const error = await adapter.read().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('ECORRUPT');
    expect((error as StorageError).message).toMatch(new RegExp(`^could not read ${file}: .*JSON`));
    expect(await readFile(file, 'utf8')).toBe('{oops');
  });
});

describe('saving when the disk fails', () => {
  const tempDir = useStoreTempDirs();

  it.each<[WriteStep, string, string]>([
    ['writeFile', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['sync', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['rename', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['open', 'EROFS', 'the file system is read-only (EROFS). Nothing was saved; choose a writable folder with --data DIR or FACTDECK_DATA.'],
    ['close', 'EIO', 'input/output error (EIO). Nothing was saved; the disk may be failing: copy the data folder somewhere safe.'],
  ])('%s failing with %s: a clear StorageError, the old file intact, no temp file left', async (step, code, said) => {
    const dataDir = await tempDir();
    const fs = new ScriptedFileSystem();
    const store = await Store.open(dataDir, { fs });
    await store.update((data) => data.attempts.push(anAttempt({ id: 'kept' })));
    const before = await readFile(store.file);

    fs.failNext(step, code);
    const error = await store.update((data) => data.attempts.push(anAttempt({ id: 'lost' }))).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toBe(`could not save progress to ${store.file}: ${said}`);
    expect((error as StorageError).code).toBe(code);
    expect(await readFile(store.file)).toEqual(before);
    expect(await tempFilesIn(dataDir)).toEqual([]);
    expect(store.data().attempts.map((a) => a.id)).toEqual(['kept']);

    // The failure was one call: the next save goes through.
    await store.update((data) => data.attempts.push(anAttempt({ id: 'later' })));
    expect(await attemptIds(store.file)).toEqual(['kept', 'later']);
  });

  it('says the save happened when only the folder fsync fails', async () => {
    const dataDir = await tempDir();
    const fs = new ScriptedFileSystem();
    const store = await Store.open(dataDir, { fs });
    fs.failNext('syncDir', 'EIO');
    const error = await store.update((data) => data.attempts.push(anAttempt())).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toMatch(/^saved progress to .*factdeck\.json, but could not make sure it reached the disk: input\/output error \(EIO\)/);
    expect(await attemptIds(store.file)).toEqual(['a1']);
  });
});

describe('a crash at any step of a save', () => {
  const tempDir = useStoreTempDirs();
  const path: WriteStep[] = ['open', 'writeFile', 'sync', 'close', 'rename', 'syncDir'];

  it('follows the write path this test crashes in', async () => {
    const fs = new ScriptedFileSystem();
    const store = await Store.open(await tempDir(), { fs });
    const seen = fs.steps.length;
    await store.update((data) => data.attempts.push(anAttempt()));
    expect(fs.steps.slice(seen).map((s) => s.step)).toEqual(path);
  });

  const cases = path.flatMap((step, index) =>
    (step === 'writeFile' ? ['before', 'torn', 'after'] : ['before', 'after']).map((timing) => ({ step, index, timing: timing as CrashTiming })),
  );

  it.each(cases)('leaves the old or the new state, whole: crash $timing $step', async ({ index, timing, step }) => {
    const dataDir = await tempDir();
    const setup = await Store.open(dataDir);
    await setup.update((data) => data.attempts.push(anAttempt({ id: 'old' })));
    await setup.close();

    const fs = new ScriptedFileSystem();
    const store = await Store.open(dataDir, { fs });
    fs.crashAt(index, timing);
    const error = await store.update((data) => data.attempts.push(anAttempt({ id: 'new' }))).catch((reason: unknown) => reason);
    expect(fs.crashed).toBe(true);
    expect((error as Error).cause ?? error).toBeInstanceOf(SimulatedCrash);

    const renamed = index > path.indexOf('rename') || (step === 'rename' && timing === 'after');
    expect(await attemptIds(join(dataDir, 'factdeck.json'))).toEqual(renamed ? ['old', 'new'] : ['old']);
    // The next run opens it without trouble.
    const next = await Store.open(dataDir);
    expect(next.data().attempts).toHaveLength(renamed ? 2 : 1);
  });
});

describe('cleanStaleTempFiles', () => {
  const tempDir = useStoreTempDirs();

  it('removes only temp files whose writer is gone', async () => {
    const dir = await tempDir();
    const names = [
      '.factdeck.json.111.abc123.tmp',
      '.factdeck.json.222.def456.tmp',
      '.factdeck-2024-06-01T09-00-00.000Z.json.111.0f0f.tmp',
      '.factdeck.json.notapid.abc.tmp',
      '.factdeck.json.0.abc.tmp',
      'factdeck.json',
      '.hidden',
    ];
    await Promise.all(names.map((name) => writeFile(join(dir, name), 'x')));
    const removed = await cleanStaleTempFiles(dir, { isAlive: (pid) => pid === 222 });
    expect(removed.sort()).toEqual(['.factdeck-2024-06-01T09-00-00.000Z.json.111.0f0f.tmp', '.factdeck.json.111.abc123.tmp']);
    expect((await readdir(dir)).sort()).toEqual(names.filter((name) => !removed.includes(name)).sort());
  });

  it('finds nothing to do in a folder that does not exist', async () => {
    expect(await cleanStaleTempFiles(join(await tempDir(), 'missing'))).toEqual([]);
  });

  it('knows a live process from a dead one', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(spawnSync(process.execPath, ['-e', '']).pid)).toBe(false);
  });
});

describe('aDatabase', () => {
  it('builds a valid database for the tests above', () => {
    expect(parseDatabase(JSON.stringify(aDatabase({ attempts: [anAttempt()] })))).toMatchObject({ ok: true });
  });
});
