import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile, cleanStaleTempFiles, tempFileName, writeFileDurably } from '../../src/storage/durable-file.js';
import { livenessOf, scopeOf, thisProcess } from '../../src/storage/process-identity.js';
import { StorageError } from '../../src/storage/errors.js';
import { type CrashTiming, ScriptedFileSystem, SimulatedCrash, type WriteStep } from '../helpers/store-scripted-fs.js';
import { tempFilesIn, useStoreTempDirs } from '../helpers/store-temp-dir.js';

describe('DurableJsonFile', () => {
  const tempDir = useStoreTempDirs();
  const parseJson = (_bytes: Buffer, text: () => string): unknown => JSON.parse(text());

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

describe('writeFileDurably when the disk fails', () => {
  const tempDir = useStoreTempDirs();

  it.each<[WriteStep, string, string]>([
    ['writeFile', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['sync', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['rename', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['open', 'EROFS', 'the file system is read-only (EROFS). Nothing was saved; choose a writable folder with --data DIR or FACTDECK_DATA.'],
    ['close', 'EIO', 'input/output error (EIO). Nothing was saved; the disk may be failing: copy the data folder somewhere safe.'],
  ])('%s failing with %s: a clear StorageError, the old file intact, no temp file left', async (step, code, said) => {
    const dir = await tempDir();
    const file = join(dir, 'data.json');
    await writeFile(file, 'old\n');
    const fs = new ScriptedFileSystem();
    fs.failNext(step, code);
    const error = await writeFileDurably(file, 'new\n', { fs }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toBe(`could not save progress to ${file}: ${said}`);
    expect((error as StorageError).code).toBe(code);
    expect(await readFile(file, 'utf8')).toBe('old\n');
    expect(await tempFilesIn(dir)).toEqual([]);

    // The failure was one call: the next save goes through.
    await writeFileDurably(file, 'new\n', { fs });
    expect(await readFile(file, 'utf8')).toBe('new\n');
  });

  it('says the save happened when only the folder fsync fails', async () => {
    const dir = await tempDir();
    const file = join(dir, 'data.json');
    const fs = new ScriptedFileSystem();
    fs.failNext('syncDir', 'EIO');
    const error = await writeFileDurably(file, 'new\n', { fs, what: 'a backup' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toBe(
      `saved a backup to ${file}, but could not make sure it reached the disk: input/output error (EIO); it may be lost if the computer loses power now; check the disk and try again.`,
    );
    expect(await readFile(file, 'utf8')).toBe('new\n');
  });
});

describe('writeFileDurably and a crash at any step', () => {
  const tempDir = useStoreTempDirs();
  const path: WriteStep[] = ['open', 'writeFile', 'sync', 'close', 'rename', 'syncDir'];

  it('follows the write path this test crashes in', async () => {
    const dir = await tempDir();
    const fs = new ScriptedFileSystem();
    await writeFileDurably(join(dir, 'data.json'), 'x', { fs });
    expect(fs.steps.map((s) => s.step)).toEqual(path);
    expect(fs.steps[0]).toMatchObject({ flags: 'wx' });
  });

  const cases = path.flatMap((step, index) =>
    (step === 'writeFile' ? ['before', 'torn', 'after'] : ['before', 'after']).map((timing) => ({ step, index, timing: timing as CrashTiming })),
  );

  it.each(cases)('leaves the old bytes or the new ones, whole: crash $timing $step', async ({ index, timing, step }) => {
    const dir = await tempDir();
    const file = join(dir, 'data.json');
    const old = JSON.stringify({ list: Array.from({ length: 50 }, (_, i) => `old-${i}`) });
    const next = JSON.stringify({ list: Array.from({ length: 50 }, (_, i) => `new-${i}`) });
    await writeFile(file, old);
    const fs = new ScriptedFileSystem();
    fs.crashAt(index, timing);
    const error = await writeFileDurably(file, next, { fs }).catch((reason: unknown) => reason);
    expect(fs.crashed).toBe(true);
    expect((error as Error).cause ?? error).toBeInstanceOf(SimulatedCrash);
    const renamed = index > path.indexOf('rename') || (step === 'rename' && timing === 'after');
    expect(await readFile(file, 'utf8')).toBe(renamed ? next : old);
    // What a crash leaves besides is a temp file of this (dead) process, which a later open removes.
    expect((await tempFilesIn(dir)).every((name) => name.startsWith(`.data.json.${process.pid}-${thisProcess().scope}.`))).toBe(true);
  });
});

describe('cleanStaleTempFiles', () => {
  const tempDir = useStoreTempDirs();

  it('removes only temp files whose writer is gone', async () => {
    const dir = await tempDir();
    const names = [
      '.factdeck.json.111-0a0b0c0d.abc123.tmp',
      '.factdeck.json.222-0a0b0c0d.def456.tmp',
      '.factdeck-2024-06-01T09-00-00.000Z.json.111-0a0b0c0d.0f0f.tmp',
      '.factdeck.json.notapid.abc.tmp',
      '.factdeck.json.0-0a0b0c0d.abc.tmp',
      'factdeck.json',
      '.hidden',
    ];
    await Promise.all(names.map((name) => writeFile(join(dir, name), 'x')));
    const removed = await cleanStaleTempFiles(dir, { isGone: ({ pid, scope }) => pid !== 222 && scope === '0a0b0c0d' });
    expect(removed.sort()).toEqual(['.factdeck-2024-06-01T09-00-00.000Z.json.111-0a0b0c0d.0f0f.tmp', '.factdeck.json.111-0a0b0c0d.abc123.tmp']);
    expect((await readdir(dir)).sort()).toEqual(names.filter((name) => !removed.includes(name)).sort());
  });

  it('recognises the temp names writers make, with their pid and scope, and tells a gone writer from a live or unseen one', async () => {
    const dir = await tempDir();
    const me = thisProcess();
    const mine = tempFileName(join(dir, 'factdeck.json'));
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const gone = tempFileName(join(dir, 'factdeck.json'), { ...me, pid: dead });
    // The same dead pid, but written in another PID namespace (another container): it cannot be checked.
    const unseen = tempFileName(join(dir, 'factdeck.json'), { ...me, pid: dead, scope: scopeOf(me.host, 'pid:[1]') });
    // Written by an older factdeck, without a scope: cannot be checked either.
    const old = `.factdeck.json.${dead}.abcdef012345.tmp`;
    expect(mine).toMatch(new RegExp(`^\\.factdeck\\.json\\.${process.pid}-${me.scope}\\.[0-9a-f]{12}\\.tmp$`));
    expect(tempFileName(join(dir, 'factdeck.json'))).not.toBe(mine);
    await Promise.all([mine, gone, unseen, old].map((name) => writeFile(join(dir, name), 'x')));
    expect(await cleanStaleTempFiles(dir)).toEqual([gone]);
    expect((await readdir(dir)).sort()).toEqual([mine, unseen, old].sort());
  });

  it('finds nothing to do in a folder that does not exist', async () => {
    expect(await cleanStaleTempFiles(join(await tempDir(), 'missing'))).toEqual([]);
  });

  it('knows a live process from a dead one, and one it cannot see from one that is gone', () => {
    const me = thisProcess();
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    expect(livenessOf(me)).toBe('alive');
    expect(livenessOf({ ...me, pid: process.ppid })).toBe('alive');
    expect(livenessOf({ ...me, pid: dead })).toBe('gone');
    expect(livenessOf({ pid: dead, scope: scopeOf(me.host, 'pid:[1]') })).toBe('unseen');
    expect(livenessOf({ pid: dead })).toBe('unseen');
    expect(livenessOf({ ...me, pid: dead, host: `not-${me.host}` })).toBe('other-host');
  });
});
