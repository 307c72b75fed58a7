// What can be left at the lock's path, against the REAL program (the lock-enotempty script and the rest of
// F11): a stale lock folder with a stray file in it (a Finder's .DS_Store, a sync tool's file) is taken
// over with whatever it holds, by the first run that finds it stale, so no run after it waits or fails;
// a plain file where the lock folder goes is not factdeck's, so it is refused at once (no 10 s wait)
// with the file named and what to do, and left as it is.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { thisProcess } from '../../src/storage/process-identity.js';
import { STACK_TRACE, runCli, type CliResult } from '../helpers/cli-run.js';
import { LOCK_DIR, attemptsIn, readLogStrict, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const suite = useFaultSuite('factdeck-lock-leftovers-');

const quiz = (dataDir: string): Promise<CliResult> => runCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', '1', '--data', dataDir], { input: 'true\n' });

/** A data folder with one answer in it. */
async function folder(): Promise<string> {
  const dataDir = join(await suite.dirs.make(), 'data');
  const first = await quiz(dataDir);
  expect(first.code, first.stderr).toBe(0);
  return dataDir;
}

/** A pid that was a process of this machine a moment ago and is not any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid as number;
}

function expectSaved(run: CliResult, message: string): void {
  expect(run.code, `${message}\n${run.stderr}`).toBe(0);
  expect(verdictCount(run.stdout)).toBe(1);
  expect(run.stderr).not.toMatch(/ENOTEMPTY|could not lock/);
}

describe('a stale lock folder with something else in it', () => {
  test('left by a holder that is gone, with a .DS_Store beside its note: taken over at once, by every run', async () => {
    const dataDir = await folder();
    const me = thisProcess();
    await mkdir(join(dataDir, LOCK_DIR));
    await writeFile(join(dataDir, LOCK_DIR, 'owner'), `${deadPid()} ${me.host}\nscope ${me.scope}\n`);
    await writeFile(join(dataDir, LOCK_DIR, '.DS_Store'), 'Bud1');
    for (const which of ['first', 'second']) {
      const run = await quiz(dataDir);
      expectSaved(run, `${which} run`);
      expect(run.ms, `${which} run waited`).toBeLessThan(5_000);
      expect(run.stderr).toBe('');
      expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
    }
    expect(attemptsIn((await readLogStrict(dataDir)).events)).toHaveLength(3);
  });

  test('the script\'s case: a note that cannot be checked (no scope) and a stray file: outlived once, then gone for good', async () => {
    const dataDir = await folder();
    await mkdir(join(dataDir, LOCK_DIR));
    await writeFile(join(dataDir, LOCK_DIR, 'owner'), `999999 ${hostname()}\n`);
    await writeFile(join(dataDir, LOCK_DIR, '.DS_Store'), 'Bud1');
    // Left 30 s ago: as old as a lock of a run killed before the last one gets.
    const old = new Date(Date.now() - 30_000);
    await utimes(join(dataDir, LOCK_DIR), old, old);
    for (const which of ['first', 'second']) {
      const run = await quiz(dataDir);
      expectSaved(run, `${which} run`);
      expect(run.ms, `${which} run waited`).toBeLessThan(5_000);
      expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
    }
  });

  test('no note at all, old, holding a folder of its own (a sync tool\'s): taken over with its contents', async () => {
    const dataDir = await folder();
    await mkdir(join(dataDir, LOCK_DIR, '.sync', 'deep'), { recursive: true });
    await writeFile(join(dataDir, LOCK_DIR, '.sync', 'deep', 'state'), 'x');
    const old = new Date(Date.now() - 30_000);
    await utimes(join(dataDir, LOCK_DIR), old, old);
    const run = await quiz(dataDir);
    expectSaved(run, 'the run');
    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
  });
});

test('a plain file where the lock folder goes: refused at once, named, with what to do; left as it is', async () => {
  const dataDir = await folder();
  const lock = join(dataDir, LOCK_DIR);
  await writeFile(lock, 'held by another program\n');
  const run = await quiz(dataDir);
  expect(run.code).toBe(1);
  expect(run.ms).toBeLessThan(5_000);
  expect(verdictCount(run.stdout)).toBe(0);
  const said = run.stderr.trim();
  expect(said).not.toMatch(STACK_TRACE);
  expect(said).not.toMatch(/Waiting|ENOTDIR|folder is missing/);
  expect(said).toBe(
    `factdeck: could not lock ${join(dataDir, 'factdeck.json')} for saving: ${lock} is a file, not the lock folder factdeck makes. Nothing was saved; ` +
      `factdeck never makes a file there (its lock is a folder), so no factdeck run can save until it is gone: if no other program uses it, delete it (rm ${lock}) and run again.`,
  );
  expect(await readFile(lock, 'utf8')).toBe('held by another program\n');

  const doctor = await runCli(['doctor', '--data', dataDir]);
  expect(doctor.code).toBe(1);
  expect(doctor.stdout).toMatch(new RegExp(`error +${lock.replaceAll('.', '\\.')} is a file, not the lock folder factdeck makes.*if no other program uses it, delete it`));
});
