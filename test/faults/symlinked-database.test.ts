// A factdeck.json that is a symbolic link (kept in a synced folder, say), against the REAL program (the
// tester's O1): every save is written where the link points, and the link stays a link. Before, the first
// checkpoint put a plain file in the link's place and the file it pointed to was never written again.

import { lstat, mkdir, readFile, rename, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DB_FILE, runCli } from '../helpers/cli-run.js';
import { statsJson, useFaultSuite } from '../helpers/fault-run.js';
import { answersIn } from '../helpers/store-files.js';

const suite = useFaultSuite('factdeck-symlinked-db-');
const quizArgs = (dataDir: string): string[] => ['quiz', '--plain', '--deck', suite.deckDir, '--count', '3', '--data', dataDir];
const INPUT = 'true\ntrue\ntrue\n';

test.each([
  ['a relative link', (target: string, dataDir: string) => target.replace(`${join(dataDir, '..')}/`, '../')],
  ['an absolute link', (target: string) => target],
])('%s: saves go through it, at every checkpoint, and it stays a link', async (_name, linkText) => {
  const root = await suite.dirs.make();
  const dataDir = join(root, 'data');
  expect((await runCli(quizArgs(dataDir), { input: INPUT })).code).toBe(0);
  const target = join(root, 'synced', DB_FILE);
  await mkdir(join(root, 'synced'));
  await rename(join(dataDir, DB_FILE), target);
  await symlink(linkText(target, dataDir), join(dataDir, DB_FILE));

  for (let run = 0; run < 2; run++) {
    const quiz = await runCli(quizArgs(dataDir), { input: INPUT, env: { FACTDECK_CHECKPOINT_EVERY: '1' } });
    expect(quiz.code, quiz.stderr).toBe(0);
    expect((await lstat(join(dataDir, DB_FILE))).isSymbolicLink()).toBe(true);
  }
  // The file pointed to holds every answer (the log is moved away, so nothing is replayed from it).
  expect(answersIn(await readFile(target, 'utf8'))).toBe(9);
  await rename(join(dataDir, 'history.jsonl'), join(root, 'history.jsonl.moved'));
  expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(9);
});
