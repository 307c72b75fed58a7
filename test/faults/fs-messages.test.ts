// The messages of F12, against the REAL program: each names the real cause. A data folder that cannot be
// made on a read-only file system (a real read-only tmpfs, mounted in a mount namespace of the run's own,
// root only: Node's recursive mkdir says ENOENT there), a data folder that is a file, a `backups` that is
// a file, a history log that is a folder, and a disk that fills up after answers were saved (the message
// says how many were saved, not "Nothing was saved").

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DB_FILE, HISTORY_FILE, STACK_TRACE, runCli, type CliResult } from '../helpers/cli-run.js';
import { attemptsIn, dryRunTrace, parseTrace, readLogStrict, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const DISK_FULL = fileURLToPath(new URL('./fixtures/disk-full.mjs', import.meta.url));
const suite = useFaultSuite('factdeck-fs-messages-');

const quizArgs = (dataDir: string, count = 1): string[] => ['quiz', '--plain', '--deck', suite.deckDir, '--count', String(count), '--seed', '5', '--data', dataDir];
const quiz = (dataDir: string, options: { wrap?: string[]; count?: number } = {}): Promise<CliResult> =>
  runCli(quizArgs(dataDir, options.count), { input: 'true\n'.repeat(options.count ?? 1), ...(options.wrap ? { wrap: options.wrap } : {}) });

function expectRefused(run: CliResult, words: string): string {
  expect(run.code, run.stderr).toBe(1);
  expect(verdictCount(run.stdout)).toBe(0);
  const said = run.stderr.trim();
  expect(said).not.toMatch(STACK_TRACE);
  expect(said).not.toMatch(/unexpected error|folder is missing|ENOENT|check that .* exists|shorter than/);
  expect(said).toContain(words);
  return said;
}

const mountPoint = join(tmpdir(), `factdeck-ro-${process.pid}`);
/** `unshare --mount`, a read-only tmpfs at mountPoint, then node: only that run sees the mount. */
const READ_ONLY = ['unshare', '--mount', 'sh', '-c', `mount -t tmpfs -o ro,size=1m none ${mountPoint} && exec "$0" "$@"`];
const canMount = ((): boolean => {
  if (process.getuid?.() !== 0) return false;
  spawnSync('mkdir', ['-p', mountPoint]);
  return spawnSync(READ_ONLY[0] as string, [...READ_ONLY.slice(1), 'true']).status === 0;
})();
if (!canMount) console.log('fs-messages: a read-only tmpfs cannot be mounted here (not root, or no unshare): the read-only case is skipped');

describe.skipIf(!canMount)('a read-only file system (a real read-only tmpfs)', () => {
  test('a data folder to be made there: "read-only (EROFS)", not "the folder is missing"', async () => {
    const dataDir = join(mountPoint, 'data', 'deeper');
    const run = await quiz(dataDir, { wrap: READ_ONLY });
    const said = expectRefused(run, `could not create the data folder ${dataDir}: the file system is read-only (EROFS)`);
    expect(said).toMatch(/choose a writable folder with --data DIR or FACTDECK_DATA/i);
    await rm(mountPoint, { recursive: true, force: true });
  });
});

describe('the wrong kind of thing where a folder or file goes', () => {
  test('the data folder is a file: named as a file, for the quiz and for stats', async () => {
    const file = join(await suite.dirs.make(), 'afile');
    await writeFile(file, 'x\n');
    expectRefused(await quiz(file), `${file} is a file, not a folder (ENOTDIR)`);
    expectRefused(await runCli(['stats', '--data', file]), `${file} is a file, not a folder (ENOTDIR)`);
    expectRefused(await quiz(join(file, 'sub')), `${file} is a file, not a folder (ENOTDIR)`);
    expect(await readFile(file, 'utf8')).toBe('x\n');
  });

  test('backups is a file: the folder of backups is named, not the data folder', async () => {
    const dataDir = join(await suite.dirs.make(), 'data');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'backups'), 'x\n');
    const said = expectRefused(await quiz(dataDir), `could not create the folder of backups ${join(dataDir, 'backups')}: ${join(dataDir, 'backups')} is a file, not a folder`);
    expect(said).not.toContain('could not create the data folder');
    expect(said).toMatch(/move that file away/i);
  });

  test('history.jsonl is a folder: said so, not "the log is shorter"', async () => {
    const dataDir = join(await suite.dirs.make(), 'data');
    expect((await quiz(dataDir)).code).toBe(0);
    await rm(join(dataDir, HISTORY_FILE));
    await mkdir(join(dataDir, HISTORY_FILE));
    expectRefused(await quiz(dataDir), `${join(dataDir, HISTORY_FILE)} is a folder, not a file (EISDIR)`);
  });
});

test('a disk that fills up after two answers of a run: the message says the two are saved', async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  expect((await quiz(dataDir)).code).toBe(0);
  const db = await readFile(join(dataDir, DB_FILE));
  const before = attemptsIn((await readLogStrict(dataDir)).events).length;
  // Writes allowed: everything before the third answer's append (the first append starts the session).
  const writes = parseTrace(await dryRunTrace(dataDir, (dir) => quizArgs(dir, 3), 'true\n'.repeat(3))).filter((s) => s.step === 'begin' && (s.op === 'append' || s.op === 'writeFile'));
  const third = writes.filter((s) => s.op === 'append')[3];
  const allowed = writes.indexOf(third as (typeof writes)[number]);
  const run = await runCli(quizArgs(dataDir, 3), { input: 'true\n'.repeat(3), env: { NODE_OPTIONS: `--import=${DISK_FULL}`, DISK_FULL_AFTER: String(allowed) } });
  expect(run.code).toBe(1);
  expect(verdictCount(run.stdout)).toBe(2);
  const said = run.stderr.trim();
  expect(said).toContain(`could not save progress to ${join(dataDir, HISTORY_FILE)}: no space left on device (ENOSPC). This answer was not saved; the 2 answers before it are saved; free some space and try again.`);
  expect(said).not.toMatch(/Nothing was saved/);
  expect(attemptsIn((await readLogStrict(dataDir)).events)).toHaveLength(before + 2);
  expect((await readFile(join(dataDir, DB_FILE))).equals(db)).toBe(true);
  expect(existsSync(join(dataDir, 'factdeck.json.lock'))).toBe(false);
});

