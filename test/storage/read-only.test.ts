import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/storage/store.js';
import { snapshot } from '../helpers/store-files.js';
import { attemptEvent } from '../helpers/store-records.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

describe('a store opened read-only (stats, profiles, the menu)', () => {
  const tempDir = useStoreTempDirs();

  it('adds up the log beyond the last checkpoint, leaves a torn line alone, and writes nothing', async () => {
    const dir = await tempDir();
    const writer = await Store.open(dir, { checkpointEvery: 1_000 });
    await writer.record(() => [attemptEvent({ id: 'a1' })]);
    await writer.record(() => [attemptEvent({ id: 'a2' })]);
    // Killed before its checkpoint, and mid-way through a third save.
    await appendFile(writer.historyFile, '[{"type":"attempt","attem');
    const files = [writer.file, writer.historyFile];
    const before = await snapshot(...files);
    const backups = await readdir(join(dir, 'backups'));

    const reader = await Store.open(dir, { readOnly: true });
    expect(reader.data().facts.reduce((sum, fact) => sum + fact.attempts, 0)).toBe(2);
    await expect(reader.record(() => [attemptEvent({ id: 'a3' })])).rejects.toThrow(TypeError);
    await reader.close();

    expect(await snapshot(...files)).toEqual(before);
    expect(await readdir(join(dir, 'backups'))).toEqual(backups);
    expect((await readdir(dir)).filter((name) => name.endsWith('.lock') || name.endsWith('.lock-owner'))).toEqual([]);
  });

  it('reads a folder that does not exist as no progress, without making it', async () => {
    const dir = join(await tempDir(), 'never-made');
    const reader = await Store.open(dir, { readOnly: true });
    expect(reader.data().facts).toEqual([]);
    await reader.close();
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
