// The history log's bytes as the REAL program meets them after an editor, a file transfer or a bad disk
// has been at them: lines ended by CR or CRLF instead of LF, a last line that lost its line end, an
// invalid UTF-8 byte in the part not yet summed up in factdeck.json, with and without a torn last line.
// What is whole is read; only a save cut short by a crash is ever cut off; damage is refused with the
// file and line named and not one byte changed; and `doctor` reads every case as the store does.

import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DB_FILE, HISTORY_FILE, STACK_TRACE, runCli } from '../helpers/cli-run.js';
import { snapshotDir, statsJson, quizKilledAfter, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const suite = useFaultSuite('factdeck-log-bytes-');
const { dirs } = suite;

const quizArgs = (dataDir: string, count: number): string[] => ['quiz', '--plain', '--deck', suite.deckDir, '--count', String(count), '--data', dataDir];
const answers = (n: number): string => 'true\n'.repeat(n);

async function folderWithAnswers(count: number): Promise<string> {
  const dataDir = join(await dirs.make(), 'data');
  const run = await runCli(quizArgs(dataDir, count), { input: answers(count) });
  expect(run.code, run.stderr).toBe(0);
  return dataDir;
}

async function doctor(dataDir: string): Promise<{ code: number | null; out: string }> {
  const run = await runCli(['doctor', '--data', dataDir]);
  expect(STACK_TRACE.test(run.stdout + run.stderr), run.stdout + run.stderr).toBe(false);
  return { code: run.code, out: run.stdout };
}

/** The log's line for a finding of doctor about it. */
const logFinding = (out: string): string[] => out.split('\n').filter((line) => line.includes(HISTORY_FILE));

describe('line ends other than LF', () => {
  test.each([
    ['CR alone', '\r'],
    ['CRLF', '\r\n'],
  ])('%s, with factdeck.json moved away: every answer is replayed, nothing is cut, and doctor agrees', async (_name, ending) => {
    const dataDir = await folderWithAnswers(12);
    const logFile = join(dataDir, HISTORY_FILE);
    const converted = Buffer.from((await readFile(logFile, 'utf8')).replaceAll('\n', ending));
    await writeFile(logFile, converted);
    await rename(join(dataDir, DB_FILE), join(dataDir, '..', 'factdeck.json.moved'));

    const before = await doctor(dataDir);
    expect(before.code).toBe(0);
    expect(logFinding(before.out).join('\n')).toMatch(/ok {6}\S+history\.jsonl: \d+ events, every line valid/);

    const quiz = await runCli(quizArgs(dataDir, 1), { input: answers(1) });
    expect(quiz.code, quiz.stderr).toBe(0);
    expect(verdictCount(quiz.stdout)).toBe(1);
    // Not one byte of the old log cut: the new save is appended after it.
    const after = await readFile(logFile);
    expect(after.subarray(0, converted.length).equals(converted)).toBe(true);
    expect(after.length).toBeGreaterThan(converted.length);
    expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(13);
    expect(await doctor(dataDir)).toMatchObject({ code: 0 });
  });

  test('a log whose last line end was changed into another byte: refused with the line named, nothing cut, doctor says the same', async () => {
    const dataDir = await folderWithAnswers(3);
    const logFile = join(dataDir, HISTORY_FILE);
    const bytes = await readFile(logFile);
    // A bit flip in the last "\n" (0x0a -> 0x0b): two whole saves run together, or one with garbage after it.
    bytes[bytes.length - 1] = 0x0b;
    await writeFile(logFile, bytes);
    // factdeck.json away, so the whole log is read again, as in a restore.
    await rename(join(dataDir, DB_FILE), join(dataDir, '..', 'factdeck.json.moved'));
    const lines = bytes.toString('utf8').split('\n').length;
    const snapshot = await snapshotDir(dataDir);

    const quiz = await runCli(quizArgs(dataDir, 1), { input: answers(1) });
    expect(quiz.code).toBe(1);
    expect(quiz.stderr).toContain(`cannot read ${logFile}: the last line of the history log is damaged: it has no line end, and it is not a save cut short by a crash (line ${lines})`);
    expect(STACK_TRACE.test(quiz.stderr)).toBe(false);
    expect(verdictCount(quiz.stdout)).toBe(0);
    const left = await snapshotDir(dataDir);
    expect(left.get(HISTORY_FILE)?.equals(snapshot.get(HISTORY_FILE) as Buffer)).toBe(true);
    expect(existsSync(join(dataDir, DB_FILE))).toBe(false);

    const checked = await doctor(dataDir);
    expect(checked.code).toBe(1);
    expect(logFinding(checked.out).join('\n')).toContain(`(line ${lines})`);
  });
});

describe('an invalid UTF-8 byte in the part of the log not yet in factdeck.json', () => {
  /**
   * A folder whose log ends with answers factdeck.json does not sum up yet (the quiz was killed before its
   * closing checkpoint), one byte of one of them changed to 0xff (the line keeps its length).
   */
  async function folderWithBadByte(): Promise<{ dataDir: string; logFile: string; line: number }> {
    const dataDir = await folderWithAnswers(1);
    const run = await quizKilledAfter(quizArgs(dataDir, 5), { FACTDECK_CHECKPOINT_EVERY: '100000' }, 2);
    expect(verdictCount(run.stdout())).toBe(2);
    const logFile = join(dataDir, HISTORY_FILE);
    const bytes = await readFile(logFile);
    const logBytes = (JSON.parse(await readFile(join(dataDir, DB_FILE), 'utf8')) as { logBytes: number }).logBytes;
    // In the first line past the checkpoint: the session's start, then two answers follow it.
    const at = bytes.indexOf('"id":"', logBytes);
    expect(at).toBeGreaterThan(logBytes);
    expect(bytes.subarray(at).toString('latin1').split('\n').length).toBeGreaterThan(2);
    bytes[at + 7] = 0xff;
    await writeFile(logFile, bytes);
    return { dataDir, logFile, line: bytes.subarray(0, at).toString('latin1').split('\n').length };
  }

  async function expectRefused(dataDir: string, logFile: string, line: number): Promise<void> {
    const snapshot = await snapshotDir(dataDir);
    for (let i = 0; i < 2; i++) {
      const quiz = await runCli(quizArgs(dataDir, 1), { input: answers(1) });
      expect(quiz.code).toBe(1);
      expect(quiz.stderr).toContain(`cannot read ${logFile}: a line of the history log is not UTF-8 text (line ${line})`);
      expect(STACK_TRACE.test(quiz.stderr)).toBe(false);
      expect(verdictCount(quiz.stdout)).toBe(0);
    }
    const left = await snapshotDir(dataDir);
    expect([...left.keys()].sort()).toEqual([...snapshot.keys()].sort());
    for (const [name, bytes] of snapshot) expect(left.get(name)?.equals(bytes), `${name} changed`).toBe(true);
    const checked = await doctor(dataDir);
    expect(checked.code).toBe(1);
    expect(logFinding(checked.out).join('\n')).toContain(`not UTF-8 text (line ${line})`);
    expect(checked.out).not.toMatch(/every line valid|cut short by a crash/);
  }

  test('is refused with the line named, and factdeck.json keeps the true size of the log it sums up', async () => {
    const { dataDir, logFile, line } = await folderWithBadByte();
    await expectRefused(dataDir, logFile, line);
  });

  test('with a torn last line after it: nothing is cut, not the torn line either, until the damage is dealt with', async () => {
    const { dataDir, logFile, line } = await folderWithBadByte();
    const bytes = await readFile(logFile);
    await writeFile(logFile, bytes.subarray(0, bytes.length - 40));
    await expectRefused(dataDir, logFile, line);
  });
});
