// A damaged database met by the REAL program: factdeck.json empty, cut short, NUL-filled, the wrong shape,
// or from a newer factdeck; a history log with a garbage line in the part not yet summed up. Each is
// refused with exit 1 and a message naming the file (and, for a damaged factdeck.json, the backup that is
// the last good copy), no stack trace, and not one byte of the data folder changed.

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DB_FILE, HISTORY_FILE, STACK_TRACE, runCli, type CliResult } from '../helpers/cli-run.js';
import { checkBackupsParse, LOCK_DIR, readLogStrict, snapshotDir, quizKilledAfter, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const suite = useFaultSuite('factdeck-corrupt-');
const { dirs } = suite;

const quizArgs = (dataDir: string): string[] => ['quiz', '--plain', '--deck', suite.deckDir, '--count', '3', '--data', dataDir];
const INPUT = 'true\ntrue\ntrue\n';

/** A folder after two normal quizzes: the second start backed up the first one's database. */
async function folderWithBackup(): Promise<string> {
  const dataDir = join(await dirs.make(), 'data');
  for (let i = 0; i < 2; i++) {
    const run = await runCli(quizArgs(dataDir), { input: INPUT });
    expect(run.code).toBe(0);
  }
  expect(await checkBackupsParse(dataDir)).toBeGreaterThan(0);
  return dataDir;
}

/** Refused: exit 1, a message naming `file`, no stack trace, nothing asked. Returns the message. */
function expectRefusal(result: CliResult, file: string): string {
  expect(result.code, result.stderr).toBe(1);
  const text = result.stderr.trim();
  expect(text).toMatch(/^factdeck: /);
  expect(text).toContain(file);
  expect(STACK_TRACE.test(result.stderr)).toBe(false);
  expect(STACK_TRACE.test(result.stdout)).toBe(false);
  expect(verdictCount(result.stdout)).toBe(0);
  expect(result.stdout).not.toMatch(/^Question \d/m);
  return text;
}

async function expectUntouched(dataDir: string, before: Map<string, Buffer>): Promise<void> {
  const after = await snapshotDir(dataDir);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), `${name} changed`).toBe(true);
  expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
}

interface Damage {
  name: string;
  damage: (good: Buffer) => Buffer;
  /** A newer file is not damaged: no backup is offered in its place. */
  newer?: boolean;
}

const DAMAGES: Damage[] = [
  { name: 'empty', damage: () => Buffer.alloc(0) },
  { name: 'truncated', damage: (good) => good.subarray(0, Math.floor(good.length / 2)) },
  { name: 'NUL-filled', damage: (good) => Buffer.alloc(good.length) },
  { name: 'the wrong shape (a list)', damage: () => Buffer.from('[]\n') },
  { name: 'the wrong shape (an unrelated object)', damage: () => Buffer.from('{"hello": "world"}\n') },
  {
    name: 'the wrong shape (facts is not a list)',
    damage: (good) => Buffer.from(JSON.stringify({ ...(JSON.parse(good.toString('utf8')) as object), facts: 'none' }, null, 2)),
  },
  {
    name: 'a newer schemaVersion (99)',
    damage: (good) => Buffer.from(JSON.stringify({ ...(JSON.parse(good.toString('utf8')) as object), schemaVersion: 99 }, null, 2)),
    newer: true,
  },
];

describe('a damaged factdeck.json', () => {
  test.each(DAMAGES)('$name: refused, the file named, the last good copy pointed to, no byte changed', async ({ damage, newer }) => {
    const dataDir = await folderWithBackup();
    const file = join(dataDir, DB_FILE);
    await writeFile(file, damage(await readFile(file)));
    const before = await snapshotDir(dataDir);

    const quiz = await runCli(quizArgs(dataDir), { input: INPUT });
    const message = expectRefusal(quiz, file);
    if (newer === true) {
      expect(message).toMatch(/newer|99/);
    } else {
      // Where the last good copy is: a backup that exists and parses.
      const named = message.match(/\S*backups\/factdeck-[^\s;,]+\.json/)?.[0];
      expect(named, message).toBeDefined();
      expect(existsSync(named as string)).toBe(true);
      JSON.parse(await readFile(named as string, 'utf8'));
    }
    await expectUntouched(dataDir, before);

    // Another command that opens the database refuses the same way, and changes nothing either.
    const stats = await runCli(['stats', '--json', '--deck', suite.deckDir, '--data', dataDir]);
    expectRefusal(stats, file);
    await expectUntouched(dataDir, before);
  });
});

describe('a damaged history.jsonl', () => {
  test('a garbage line in the middle of what a crash left to replay: refused with its line number, no byte changed', async () => {
    const dataDir = await folderWithBackup();
    const log = join(dataDir, HISTORY_FILE);
    const checkpointed = (JSON.parse(await readFile(join(dataDir, DB_FILE), 'utf8')) as { logBytes: number }).logBytes;
    const linesBefore = (await readFile(log, 'utf8')).split('\n').length - 1;

    // A quiz killed after three answers (no checkpoint due): its lines are past what factdeck.json sums up.
    const run = await quizKilledAfter(['quiz', '--plain', '--deck', suite.deckDir, '--count', '5', '--data', dataDir], { FACTDECK_CHECKPOINT_EVERY: '100000' }, 3);
    expect(verdictCount(run.stdout())).toBe(3);

    const text = await readFile(log, 'utf8');
    const lines = text.split('\n');
    const tailStart = text.slice(0, checkpointed).split('\n').length - 1;
    // The killed run's lines: the session's start and three answers; garbage replaces the second answer,
    // in the tail past what factdeck.json sums up (the earlier runs' lines may be in that tail too: a
    // checkpoint is not due at 3 answers a run).
    expect(lines.length - 1 - linesBefore).toBe(4);
    const garbageLine = linesBefore + 2;
    expect(garbageLine).toBeGreaterThanOrEqual(tailStart);
    lines[garbageLine] = '{"type": "attempt", "attempt": {"id": "x", garbage';
    await writeFile(log, lines.join('\n'));
    const before = await snapshotDir(dataDir);

    const quiz = await runCli(quizArgs(dataDir), { input: INPUT });
    const message = expectRefusal(quiz, log);
    expect(message).toMatch(new RegExp(`line ${garbageLine + 1}\\b`));
    await expectUntouched(dataDir, before);
    // The log still reads as it did: damaged at that line, not cut or rewritten.
    await expect(readLogStrict(dataDir)).rejects.toThrow(`line ${garbageLine + 1}`);
  });
});
