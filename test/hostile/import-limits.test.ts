// One size limit for a deck, with the REAL program (the import-unusable script): import used to take up
// to 20 MB and write decks of 33 MB that every other command refused (decks are limited to 8 MB). Now a
// file or a deck over the limit is refused before anything is written, and a deck import writes is one
// `check` and `quiz` open.

import { existsSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MAX_DECK_FILE_BYTES } from '../../src/bank/limits.js';
import { STACK_TRACE, requireBuild, runCli, tempDirs } from '../helpers/cli-run.js';

const dirs = tempDirs('factdeck-import-limits-');
beforeAll(() => {
  requireBuild();
});
afterAll(async () => {
  await dirs.removeAll();
});

async function csvOf(rows: number): Promise<{ file: string; root: string }> {
  const root = await dirs.make();
  const file = join(root, 'cards.csv');
  const lines = ['front,back'];
  for (let i = 0; i < rows; i++) lines.push(`Question ${i}?,Answer ${i}`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return { file, root };
}

test('100,000 rows (a 3 MB file, a 33 MB deck): refused before writing, naming the limit', async () => {
  const { file, root } = await csvOf(100_000);
  const out = join(root, 'deck');
  const run = await runCli(['import', file, '--out', out], { timeoutMs: 60_000 });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/the deck it makes would be 3\d\.\d MB, over the 8 MB a deck may be \(no command would open it\)/);
  expect(run.stderr).toMatch(/split the file into smaller ones/);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  expect(await readdir(root)).toEqual(['cards.csv']);
});

test('a file over the limit is refused unread', async () => {
  const root = await dirs.make();
  const file = join(root, 'big.csv');
  await writeFile(file, `front,back\nq,"${'a'.repeat(MAX_DECK_FILE_BYTES)}"\n`);
  const run = await runCli(['import', file, '--out', join(root, 'deck')]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/the file is too large \(8 MB; the limit is 8 MB\)/);
  expect(existsSync(join(root, 'deck'))).toBe(false);
});

test('a deck under the limit that import writes is one check and quiz open', { timeout: 60_000 }, async () => {
  const { file, root } = await csvOf(15_000);
  const out = join(root, 'deck');
  const imported = await runCli(['import', file, '--out', out], { timeoutMs: 60_000 });
  expect(imported.code, imported.stderr).toBe(0);
  const size = (await stat(join(out, 'deck.json'))).size;
  expect(size).toBeGreaterThan(MAX_DECK_FILE_BYTES / 4);
  expect(size).toBeLessThanOrEqual(MAX_DECK_FILE_BYTES);
  const check = await runCli(['check', out], { timeoutMs: 60_000 });
  expect(check.code, check.stdout + check.stderr).toBe(0);
  const quiz = await runCli(['quiz', '--plain', '--count', '1', '--deck', out, '--data', join(root, 'data')], { input: 'Answer 1\n', timeoutMs: 60_000 });
  expect(quiz.code, quiz.stderr).toBe(0);
});
