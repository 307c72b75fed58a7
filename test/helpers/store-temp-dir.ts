// Real temp folders for storage tests, removed after each test.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** Call at the top of a describe: returns a maker of fresh temp folders, all removed after each test. */
export function useStoreTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'factdeck-storage-'));
    made.push(dir);
    return dir;
  };
}

/** The temp files (`.<name>.<pid>.<random>.tmp`) in a folder. */
export async function tempFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
}
