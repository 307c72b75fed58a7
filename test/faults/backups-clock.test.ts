// Backups when the clock goes back, with the REAL program: six runs with the clock in 2030 (a machine
// whose clock was years ahead, or FACTDECK_NOW), then three with it set back to 2024, then one on the real
// clock. A backup is taken at the start of a run when the newest is 30 minutes old or more by the run's
// clock, or dated after it (a clock set back cannot say how old it is). The backups kept are the five
// taken last, and `doctor --restore latest` puts back the one taken last, not a stale 2030 copy.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DB_FILE, runCli } from '../helpers/cli-run.js';
import { useFaultSuite } from '../helpers/fault-run.js';
import { answersIn } from '../helpers/store-files.js';

const suite = useFaultSuite('factdeck-backup-clock-');

test('a clock set back neither prunes the newest backups nor makes an old one the latest', { timeout: 60_000 }, async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  const quiz = async (now?: string): Promise<void> => {
    // A checkpoint at every answer: each run's backup differs from the one before (an unchanged file is not copied again).
    const env = { FACTDECK_CHECKPOINT_EVERY: '1', ...(now === undefined ? {} : { FACTDECK_NOW: now }) };
    const run = await runCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', '1', '--data', dataDir], { input: 'true\n', env });
    expect(run.code, run.stderr).toBe(0);
  };
  for (let day = 1; day <= 6; day++) await quiz(`2030-01-0${day}T10:00:00Z`);
  // The newest backup is dated after this clock: one is taken. 20 minutes later: none. 31 minutes after that backup: one.
  for (const time of ['10:00', '10:20', '10:31']) await quiz(`2024-06-01T${time}:00Z`);
  await quiz();

  const names = (await readdir(join(dataDir, 'backups'))).sort();
  const today = new Date().toISOString().slice(0, 4);
  // Runs 2 to 7, 9 and 10 made backups 1 to 8 (the first run had no database to copy): 4 to 8 are kept.
  expect(names.map((name) => name.slice(0, 'factdeck-000000-2030'.length))).toEqual([
    'factdeck-000004-2030',
    'factdeck-000005-2030',
    'factdeck-000006-2024',
    'factdeck-000007-2024',
    `factdeck-000008-${today}`,
  ]);
  // (FACTDECK_NOW is where the run's clock starts: it runs on from there.)
  expect(names[2]).toMatch(/^factdeck-000006-2024-06-01T10-00-00\.\d+Z\.json$/);
  expect(names[3]).toMatch(/^factdeck-000007-2024-06-01T10-31-00\.\d+Z\.json$/);
  const newest = await readFile(join(dataDir, 'backups', names.at(-1) as string), 'utf8');

  const restore = await runCli(['doctor', '--restore', 'latest', '--yes', '--data', dataDir]);
  expect(restore.code, restore.stderr).toBe(0);
  expect(restore.stdout).toContain(`Restored ${join(dataDir, 'backups', names.at(-1) as string)}.`);
  expect(await readFile(join(dataDir, DB_FILE), 'utf8')).toBe(newest);
  // Nine answers on disk before the last run's start: the copy holds all of them.
  expect(answersIn(newest)).toBe(9);
});
