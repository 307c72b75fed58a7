// `doctor` against the REAL program on the damage it is there to diagnose (the doctor-crashes script and
// the rest of the tester's list): malformed last log lines, a folder where a file should be and a file
// where a folder should be, files it may not read, invalid UTF-8 and a far too large database, a line of
// hundreds of MB, a lock left behind. Never "unexpected error", never a stack trace; and doctor agrees
// with what a run accepts: an error from doctor exactly when a quiz refuses, with the same words.

import { spawnSync } from 'node:child_process';
import { chmod, mkdir, open, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { thisProcess } from '../../src/storage/process-identity.js';
import { DB_FILE, HISTORY_FILE, STACK_TRACE, runCli, type CliRunOptions } from '../helpers/cli-run.js';
import { copyDataDir, LOCK_DIR, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const suite = useFaultSuite('factdeck-doctor-agrees-');

const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const canDropPrivileges = process.getuid?.() === 0 && spawnSync(NOBODY[0] as string, [...NOBODY.slice(1), 'true']).status === 0;

let good: string | undefined;
const copies: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(copies.map((remove) => remove()));
});

/** A folder after two quizzes (so it has a backup), copied fresh for each case. */
async function folder(): Promise<string> {
  if (good === undefined) {
    good = join(await suite.dirs.make(), 'good');
    for (let i = 0; i < 2; i++) {
      const run = await runCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', '2', '--data', good], { input: 'true\ntrue\n' });
      expect(run.code, run.stderr).toBe(0);
    }
  }
  const copy = await copyDataDir(good);
  copies.push(copy.remove);
  return copy.dir;
}

interface Verdicts {
  doctor: { code: number | null; out: string };
  quiz: { code: number | null; err: string; verdicts: number };
}

async function verdicts(dataDir: string, options: Pick<CliRunOptions, 'wrap'> = {}): Promise<Verdicts> {
  const doctor = await runCli(['doctor', '--data', dataDir], options);
  const quiz = await runCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', '1', '--data', dataDir], { ...options, input: 'true\n' });
  for (const text of [doctor.stdout, doctor.stderr, quiz.stdout, quiz.stderr]) {
    expect(text).not.toMatch(STACK_TRACE);
    expect(text).not.toMatch(/unexpected error/);
  }
  return { doctor: { code: doctor.code, out: doctor.stdout + doctor.stderr }, quiz: { code: quiz.code, err: quiz.stderr, verdicts: verdictCount(quiz.stdout) } };
}

/** Both refuse, and doctor's error line is what the quiz said (doctor's lines are one finding each). */
function expectBothRefuse(seen: Verdicts, words: RegExp): void {
  expect(seen.doctor.code, seen.doctor.out).toBe(1);
  expect(seen.quiz.code, seen.quiz.err).toBe(1);
  expect(seen.quiz.verdicts).toBe(0);
  const said = seen.quiz.err.replace(/^factdeck: /, '').trim();
  expect(said).toMatch(words);
  const errors = seen.doctor.out.split('\n').filter((line) => line.startsWith('error'));
  expect(errors.length, seen.doctor.out).toBeGreaterThan(0);
  // The quiz's message names a problem doctor names the same way (the hint may be worded for a run).
  const core = said.split(/\. |; /)[0] as string;
  expect(errors.some((line) => line.includes(core)), `doctor:\n${seen.doctor.out}\nquiz:\n${said}`).toBe(true);
}

describe('a malformed last line of the log', () => {
  test.each(['[{"type":"attempt"}]', '[{"type":"review"}]', '[{"type":"session"}]', '[{"type":"claim"}]', '{"attempt":{}}', '{"session":null}'])('%s: doctor and quiz both refuse it, naming the line', async (line) => {
    const dataDir = await folder();
    await writeFile(join(dataDir, HISTORY_FILE), `${await readFile(join(dataDir, HISTORY_FILE), 'utf8')}${line}\n`);
    expectBothRefuse(await verdicts(dataDir), /history\.jsonl: .* \(line \d+\)/);
  });
});

describe('the wrong kind of thing in the data folder', () => {
  test('history.jsonl is a folder', async () => {
    const dataDir = await folder();
    await rm(join(dataDir, HISTORY_FILE));
    await mkdir(join(dataDir, HISTORY_FILE));
    expectBothRefuse(await verdicts(dataDir), /history\.jsonl is a folder, not a file \(EISDIR\)/);
  });

  test('factdeck.json is a folder', async () => {
    const dataDir = await folder();
    await rm(join(dataDir, DB_FILE));
    await mkdir(join(dataDir, DB_FILE));
    expectBothRefuse(await verdicts(dataDir), /factdeck\.json is a folder, not a file \(EISDIR\)/);
  });

  test('the data folder is a file', async () => {
    const file = join(await suite.dirs.make(), 'afile');
    await writeFile(file, 'x\n');
    const seen = await verdicts(file);
    expect(seen.doctor.code).toBe(1);
    expect(seen.doctor.out).toContain(`${file} is a file, not a folder`);
    expect(seen.quiz.code).toBe(1);
    expect(seen.quiz.err).toContain(`${file} is a file, not a folder (ENOTDIR)`);
    expect(await readFile(file, 'utf8')).toBe('x\n');
  });
});

describe('a database the store refuses', () => {
  test('an invalid UTF-8 byte inside a string', async () => {
    const dataDir = await folder();
    const bytes = await readFile(join(dataDir, DB_FILE));
    bytes[bytes.indexOf('default') + 1] = 0xff;
    await writeFile(join(dataDir, DB_FILE), bytes);
    expectBothRefuse(await verdicts(dataDir), /factdeck\.json: it is not UTF-8 text/);
  });

  test('a database over the size limit (95 MB)', async () => {
    const dataDir = await folder();
    await truncate(join(dataDir, DB_FILE), 95 * 1024 * 1024);
    expectBothRefuse(await verdicts(dataDir), /factdeck\.json: it is 95 MB, far larger than a database of progress/);
  });
});

test('a line of 100 MB appended to the log: both refuse it unread, with its line number', async () => {
  const dataDir = await folder();
  const log = join(dataDir, HISTORY_FILE);
  const size = (await readFile(log)).length;
  // Sparse: zero bytes that take no disk space, and no line end among them.
  const handle = await open(log, 'r+');
  await handle.truncate(size + 100 * 1024 * 1024);
  await handle.close();
  expectBothRefuse(await verdicts(dataDir), /history\.jsonl: a line of the history log is longer than any save factdeck writes \(over 16 MB\) \(line \d+\)/);
});

test('a lock left by a killed run is mentioned, and the next run takes it over', async () => {
  const dataDir = await folder();
  const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
  const me = thisProcess();
  await mkdir(join(dataDir, LOCK_DIR));
  await writeFile(join(dataDir, LOCK_DIR, 'owner'), `${dead} ${me.host}\nscope ${me.scope}\n`);
  const seen = await verdicts(dataDir);
  expect(seen.doctor.code).toBe(0);
  expect(seen.doctor.out).toMatch(new RegExp(`warning +\\S*factdeck\\.json\\.lock: left by process ${dead}, which is gone \\(killed while saving\\); the next run takes it over at once`));
  expect(seen.quiz.code, seen.quiz.err).toBe(0);
  expect(seen.quiz.verdicts).toBe(1);
});

describe.skipIf(!canDropPrivileges)('files it may not read (run as nobody)', () => {
  test.each([DB_FILE, HISTORY_FILE])('%s unreadable: both refuse with "permission denied", naming it', async (name) => {
    const dataDir = await folder();
    // The folders above (and the deck) must let nobody through; the file itself must not.
    for (const start of [dataDir, suite.deckDir]) {
      for (let dir = start; dir.startsWith(`${tmpdir()}/`); dir = dirname(dir)) await chmod(dir, 0o777);
    }
    await chmod(join(dataDir, 'backups'), 0o777);
    await chmod(join(dataDir, name), 0o600);
    const seen = await verdicts(dataDir, { wrap: NOBODY });
    // doctor cannot read it; the quiz cannot read it (factdeck.json) or append to it (history.jsonl).
    const said = new RegExp(`${name.replace('.', '\\.')}: permission denied \\(EACCES\\)`);
    expect(seen.doctor.code).toBe(1);
    expect(seen.doctor.out.split('\n').filter((line) => line.startsWith('error')).join('\n')).toMatch(said);
    expect(seen.quiz.code).toBe(1);
    expect(seen.quiz.err).toMatch(said);
    expect(seen.quiz.verdicts).toBe(0);
  });
});
