import { spawnSync } from 'node:child_process';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockFilePath, lockOwnerPath } from '../../src/storage/database-lock.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

/** A pid that was a process a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A lock left as a holder leaves it: the lock folder, last refreshed `ageMs` ago, and its owner note. */
async function leftLock(file: string, owner: number, ageMs: number): Promise<void> {
  await mkdir(lockFilePath(file));
  const when = new Date(Date.now() - ageMs);
  await utimes(lockFilePath(file), when, when);
  await writeFile(lockOwnerPath(file), `${owner}\n`);
}

describe('the database lock', () => {
  const tempDir = useStoreTempDirs();
  const timing = { staleMs: 10_000, updateMs: 2_500, waitMs: 1_500 };

  it('takes over at once a lock whose named holder is gone and which has not been refreshed for a while', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, deadPid(), 4_000);
    const started = Date.now();
    const held = await acquireLock(file, timing);
    expect(Date.now() - started).toBeLessThan(1_000);
    await held.release();
  });

  it('respects a lock whose holder is alive, however old its last refresh looks', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, process.ppid, 4_000);
    await expect(acquireLock(file, timing)).rejects.toMatchObject({ code: 'ELOCKED' });
  });

  it('respects a fresh lock even when the owner note still names a dead holder (a new holder has not written its own yet)', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, deadPid(), 0);
    await expect(acquireLock(file, timing)).rejects.toMatchObject({ code: 'ELOCKED' });
  });

  it('writes its own pid while held and removes the note before releasing', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    const held = await acquireLock(file, timing);
    expect(Number(await readFile(lockOwnerPath(file), 'utf8'))).toBe(process.pid);
    await held.release();
    await expect(readFile(lockOwnerPath(file), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
