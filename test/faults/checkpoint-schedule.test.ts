// When the REAL program writes factdeck.json and when it backs it up. A run of a few answers appends them
// to the fsynced history log and leaves the database file alone (a checkpoint is written every 500 events
// or 1 MiB of log, FACTDECK_CHECKPOINT_EVERY overriding the count); every later run and reader replays
// the log beyond it. A whole copy goes to backups/ at the start of a run when the newest is 30 minutes old
// by the program's clock (FACTDECK_NOW here), not at every start. A run killed between its answers' log
// appends and any checkpoint loses none of them.

import { readdir, readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DB_FILE, runCli } from '../helpers/cli-run.js';
import { statsJson, quizKilledAfter, useFaultSuite, verdictCount } from '../helpers/fault-run.js';
import { answersIn } from '../helpers/store-files.js';

const suite = useFaultSuite('factdeck-checkpoint-schedule-');

const quiz = async (dataDir: string, now: string, env: Record<string, string> = {}): Promise<void> => {
  const run = await runCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', '1', '--data', dataDir], { input: 'true\n', env: { FACTDECK_NOW: now, ...env } });
  expect(run.code, run.stderr).toBe(0);
  expect(verdictCount(run.stdout)).toBe(1);
};

test('runs of one answer each leave factdeck.json byte for byte as it was, and stats and the next run see every answer', { timeout: 60_000 }, async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  await quiz(dataDir, '2026-06-01T09:00:00Z');
  const file = join(dataDir, DB_FILE);
  // Back-dated, so that a rewrite within the same clock tick would still show in the time.
  const past = new Date(Date.now() - 3_600_000);
  await utimes(file, past, past);
  const bytes = await readFile(file);
  const { mtimeMs } = await stat(file);
  for (let run = 2; run <= 5; run++) {
    await quiz(dataDir, `2026-06-01T09:0${run}:00Z`);
    expect(await readFile(file)).toEqual(bytes);
    expect((await stat(file)).mtimeMs).toBe(mtimeMs);
    expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(run);
  }
  const doctor = await runCli(['doctor', '--json', '--data', dataDir]);
  expect(doctor.code, doctor.stderr).toBe(0);
  expect((JSON.parse(doctor.stdout) as { events: number }).events).toBeGreaterThanOrEqual(5);
});

test('the checkpoint comes when due: FACTDECK_CHECKPOINT_EVERY events beyond the file, counting those earlier runs left', { timeout: 60_000 }, async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  const file = join(dataDir, DB_FILE);
  await quiz(dataDir, '2026-06-01T09:00:00Z');
  const logBytes = async (): Promise<number> => (JSON.parse(await readFile(file, 'utf8')) as { logBytes: number }).logBytes;
  expect(await logBytes()).toBe(0);
  // A one-question quiz saves four events (the session's start, the answer with its rating, the session's
  // end): after two runs eight wait in the log, and the third run's last save makes the twelfth.
  const every = { FACTDECK_CHECKPOINT_EVERY: '12' };
  await quiz(dataDir, '2026-06-01T09:01:00Z', every);
  expect(await logBytes()).toBe(0);
  await quiz(dataDir, '2026-06-01T09:02:00Z', every);
  expect(await logBytes()).toBe((await stat(join(dataDir, 'history.jsonl'))).size);
  expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(3);
});

test('a backup at the first start that finds a database, none again within 30 minutes, one after', { timeout: 60_000 }, async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  const backups = async (): Promise<string[]> => (await readdir(join(dataDir, 'backups'))).sort();
  // A checkpoint at every answer, so that each run finds the file changed since the last copy.
  const env = { FACTDECK_CHECKPOINT_EVERY: '1' };
  await quiz(dataDir, '2026-06-01T09:00:00Z', env);
  expect(await backups()).toEqual([]);
  await quiz(dataDir, '2026-06-01T09:05:00Z', env);
  expect(await backups()).toEqual([expect.stringMatching(/^factdeck-000001-2026-06-01T09-05-00\.\d+Z\.json$/)]);
  await quiz(dataDir, '2026-06-01T09:20:00Z', env);
  await quiz(dataDir, '2026-06-01T09:34:00Z', env);
  expect(await backups()).toHaveLength(1);
  await quiz(dataDir, '2026-06-01T09:36:00Z', env);
  const names = await backups();
  expect(names).toEqual([names[0], expect.stringMatching(/^factdeck-000002-2026-06-01T09-36-00\.\d+Z\.json$/)]);
  // A good whole copy: what the four runs before it saved, and `doctor --restore latest` puts it back.
  const copy = await readFile(join(dataDir, 'backups', names[1] as string), 'utf8');
  expect(answersIn(copy)).toBe(4);
  const restore = await runCli(['doctor', '--restore', 'latest', '--yes', '--data', dataDir]);
  expect(restore.code, restore.stderr).toBe(0);
  expect(await readFile(join(dataDir, DB_FILE), 'utf8')).toBe(copy);
  // The fifth answer, saved after that copy, is added back from the log.
  expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(5);
});

test('a run killed after its answers were acknowledged, before any checkpoint, loses none of them', { timeout: 60_000 }, async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  await quiz(dataDir, '2026-06-01T09:00:00Z');
  const file = join(dataDir, DB_FILE);
  const bytes = await readFile(file);
  const run = await quizKilledAfter(['quiz', '--plain', '--deck', suite.deckDir, '--count', '5', '--data', dataDir], { FACTDECK_NOW: '2026-06-01T10:00:00Z' }, 3);
  expect(verdictCount(run.stdout())).toBe(3);
  expect(await readFile(file)).toEqual(bytes);
  // Three acknowledged answers of the killed run, and the first run's one.
  expect((await statsJson(dataDir, suite.deckDir)).attempts).toBeGreaterThanOrEqual(4);
  const next = await runCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', '1', '--data', dataDir], { input: 'true\n', env: { FACTDECK_NOW: '2026-06-01T10:10:00Z' } });
  expect(next.code, next.stderr).toBe(0);
  expect((await statsJson(dataDir, suite.deckDir)).attempts).toBeGreaterThanOrEqual(5);
  // The next run replayed them (no checkpoint was due): the file is still the one the first run left.
  expect(await readFile(file)).toEqual(bytes);
});
