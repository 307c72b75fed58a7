// Write failures in the REAL program, injected at its file-system layer (FACTDECK_FAIL_FS; root ignores
// permissions, so a read-only folder cannot be made for real): a full disk, a read-only file system, a
// permission refused, at the log append, its fsync, the log's open, and the checkpoint's temp write and
// rename. Which call to fail is read from the trace of a dry run on a copy of the folder, so the test
// aims at "the first answer's fsync", not at a call count that changes with the code.
//
// A save that fails in the history log was not made: no verdict line for it, exit 1, a one-paragraph
// message (what, which file, what to do), and the files as they were. A failed checkpoint of
// factdeck.json loses nothing (the answers are in the log): the message must not say otherwise.

import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DB_FILE, HISTORY_FILE, STACK_TRACE, readDb, runCli, type CliResult } from '../helpers/cli-run.js';
import { answeredBlocks, attemptsIn, callNumber, dryRunTrace, leftoverTempFiles, LOCK_DIR, nthCall, parseTrace, readLogStrict, sessionsIn, statsJson, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const DISK_FULL = fileURLToPath(new URL('./fixtures/disk-full.mjs', import.meta.url));
const ANSWERS = ['true', 'false', 'true'];
const INPUT = `${ANSWERS.join('\n')}\n`;
const isLog = (file: string): boolean => file === HISTORY_FILE;
const isDb = (file: string): boolean => file === DB_FILE;
const isCheckpointTemp = (file: string): boolean => /^\.factdeck\.json\.\d+(?:-[0-9a-f]{8})?\.[0-9a-f]+\.tmp$/.test(file);

const suite = useFaultSuite('factdeck-write-fail-');
const { dirs } = suite;

const quizArgs = (dataDir: string, seed = 4242): string[] => ['quiz', '--plain', '--deck', suite.deckDir, '--count', String(ANSWERS.length), '--seed', String(seed), '--data', dataDir];

interface Before {
  dataDir: string;
  db: Buffer;
  log: Buffer;
  attempts: number;
}

/** A data folder with earlier answers in it (one normal quiz), and its bytes. */
async function folderWithHistory(): Promise<Before> {
  const dataDir = join(await dirs.make(), 'data');
  const first = await runCli(quizArgs(dataDir, 11), { input: INPUT });
  expect(first.code).toBe(0);
  return {
    dataDir,
    db: await readFile(join(dataDir, DB_FILE)),
    log: await readFile(join(dataDir, HISTORY_FILE)),
    attempts: attemptsIn((await readLogStrict(dataDir)).events).length,
  };
}

/**
 * Runs the quiz with FACTDECK_FAIL_FS=`spec`, traced, and checks that each injected call failed where it
 * was aimed: on a file that `aimed` accepts, begun and never ended.
 */
async function runFailing(dataDir: string, spec: string, aimed: (file: string) => boolean, env: Record<string, string> = {}): Promise<CliResult> {
  const trace = join(dataDir, '..', 'failing-run.trace');
  const run = await runCli(quizArgs(dataDir), { input: INPUT, env: { ...env, FACTDECK_FAIL_FS: spec, FACTDECK_TRACE_FS: trace } });
  const traced = await readFile(trace, 'utf8');
  for (const one of spec.split(',')) {
    const [op, , n] = one.split(':');
    const call = nthCall(traced, op as string, Number(n));
    expect(call, `${one}: the call was never made`).not.toBeNull();
    expect(aimed(call?.file ?? ''), `${one} hit ${call?.file}`).toBe(true);
    expect(call?.ended, `${one}: the injected failure did not happen`).toBe(false);
  }
  await rm(trace);
  return run;
}

/** A clear one-paragraph message: no stack trace, names `file`, says what went wrong and what to do. */
function expectClearMessage(result: CliResult, file: string, what: RegExp): string {
  const text = result.stderr.trim();
  expect(text).toMatch(/^factdeck: /);
  expect(text).not.toMatch(/\n\s*\n/);
  expect(STACK_TRACE.test(result.stderr)).toBe(false);
  expect(STACK_TRACE.test(result.stdout)).toBe(false);
  expect(text).toContain(file);
  expect(text).toMatch(what);
  expect(text).toMatch(/try again|choose|free some space|check that|next time/i);
  return text;
}

/** After the failure, a normal run works and a fresh process sees every answer saved so far. */
async function expectNormalRunSeesAll(dataDir: string, expectedAttempts: number): Promise<void> {
  const next = await runCli(quizArgs(dataDir, 77), { input: INPUT });
  expect(next.stderr).toBe('');
  expect(next.code).toBe(0);
  expect(verdictCount(next.stdout)).toBe(ANSWERS.length);
  const log = await readLogStrict(dataDir);
  expect(log.tornBytes).toBe(0);
  const attempts = attemptsIn(log.events);
  expect(attempts).toHaveLength(expectedAttempts + ANSWERS.length);
  expect((await readDb(dataDir)).attempts).toHaveLength(expectedAttempts + ANSWERS.length);
  expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(expectedAttempts + ANSWERS.length);
  expect(await leftoverTempFiles(dataDir)).toEqual([]);
}

interface LogFailure {
  name: string;
  /** FACTDECK_FAIL_FS for the dry run's trace. */
  spec: (trace: string) => string;
  /** Answers acknowledged before the one whose save fails. */
  before: number;
  what: RegExp;
}

const LOG_FAILURES: LogFailure[] = [
  {
    name: "append:ENOSPC:2, the first answer's log write (the first append starts the session)",
    // As the issue says (every append is to the log): the 1st starts the session, the 2nd is the first answer.
    spec: (trace) => `append:ENOSPC:${callNumber(trace, 'append', isLog, 2)}`,
    before: 0,
    what: /no space left on device/,
  },
  {
    name: "sync:ENOSPC, the first answer's fsync of the log",
    spec: (trace) => `sync:ENOSPC:${callNumber(trace, 'sync', isLog, 1, { op: 'append', file: isLog, k: 2 })}`,
    before: 0,
    what: /no space left on device/,
  },
  {
    name: "sync:ENOSPC, the second answer's fsync of the log (the first answer stays saved)",
    spec: (trace) => `sync:ENOSPC:${callNumber(trace, 'sync', isLog, 1, { op: 'append', file: isLog, k: 3 })}`,
    before: 1,
    what: /no space left on device/,
  },
  {
    // The session is saved while the first question is on screen; its failure ends the run there.
    name: 'open:EROFS, the log on a read-only file system (the session cannot even start)',
    spec: (trace) => `open:EROFS:${callNumber(trace, 'open', isLog, 1)}`,
    before: 0,
    what: /read-only/,
  },
];

describe('a failed save in the history log', () => {
  test.each(LOG_FAILURES)('$name: exit 1, no verdict for it, a clear message, the files as they were', async (failure) => {
    const before = await folderWithHistory();
    const { dataDir } = before;
    const spec = failure.spec(await dryRunTrace(dataDir, quizArgs, INPUT));
    const run = await runFailing(dataDir, spec, isLog);

    expect(run.code, `${spec}\n${run.stderr}`).toBe(1);
    const message = expectClearMessage(run, join(dataDir, HISTORY_FILE), failure.what);
    // "Nothing was saved" only when nothing of the run was; else how many answers were (F12).
    if (failure.before === 0) expect(message).toMatch(/Nothing was saved/);
    else expect(message).toMatch(new RegExp(`This answer was not saved; the ${failure.before === 1 ? 'answer before it is' : `${failure.before} answers before it are`} saved`));
    expect(message).not.toMatch(/progress is saved|Nothing is lost/);
    // No verdict for the answer that failed to save; those before it were saved and said so.
    const blocks = answeredBlocks(run.stdout);
    expect(verdictCount(run.stdout)).toBe(failure.before);
    expect(blocks).toHaveLength(failure.before + 1);

    // factdeck.json exactly as it was; the log as it was plus only the saves that succeeded, whole lines.
    expect((await readFile(join(dataDir, DB_FILE))).equals(before.db), `${DB_FILE} changed after a failed save (${spec})`).toBe(true);
    const logNow = await readFile(join(dataDir, HISTORY_FILE));
    expect(logNow.subarray(0, before.log.length).equals(before.log)).toBe(true);
    const log = await readLogStrict(dataDir);
    expect(log.tornBytes).toBe(0);
    const added = attemptsIn(log.events).slice(before.attempts);
    expect(added.map((a) => a.questionId)).toEqual(blocks.slice(0, failure.before).map((b) => b.questionId));
    expect(await leftoverTempFiles(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);

    await expectNormalRunSeesAll(dataDir, before.attempts + failure.before);
  });

  test('a disk that stays full after the first answer: the failed answer is not reported as saved', async () => {
    const before = await folderWithHistory();
    const { dataDir } = before;
    // Writes allowed before the second answer's: every append and temp write before its append.
    const writes = parseTrace(await dryRunTrace(dataDir, quizArgs, INPUT)).filter((s) => s.step === 'begin' && (s.op === 'append' || s.op === 'writeFile'));
    const secondAnswer = writes.filter((s) => s.op === 'append')[2];
    const allowed = writes.indexOf(secondAnswer as (typeof writes)[number]);
    expect(allowed).toBeGreaterThan(0);
    const run = await runCli(quizArgs(dataDir), { input: INPUT, env: { NODE_OPTIONS: `--import=${DISK_FULL}`, DISK_FULL_AFTER: String(allowed) } });

    expect(run.code).toBe(1);
    expect(verdictCount(run.stdout)).toBe(1);
    const message = expectClearMessage(run, join(dataDir, HISTORY_FILE), /no space left on device/);
    // The second answer was not saved, the first was: the message says both (F12).
    expect(message).toMatch(/This answer was not saved; the answer before it is saved/);
    expect(message).not.toMatch(/Nothing was saved/);
    expect(message).not.toMatch(/progress is saved|Nothing is lost/);
    expect((await readFile(join(dataDir, DB_FILE))).equals(before.db)).toBe(true);
    expect(attemptsIn((await readLogStrict(dataDir)).events)).toHaveLength(before.attempts + 1);
    expect(await leftoverTempFiles(dataDir)).toEqual([]);

    await expectNormalRunSeesAll(dataDir, before.attempts + 1);
  });
});

interface CheckpointFailure {
  name: string;
  every?: number;
  spec: (trace: string) => string;
  /** Whether the failure is the last checkpoint of the run and its retry at close, so nothing later retries it. */
  atClose: boolean;
  what: RegExp;
}

const CHECKPOINT_FAILURES: CheckpointFailure[] = [
  {
    name: "rename:EACCES, the first answer's checkpoint (FACTDECK_CHECKPOINT_EVERY=1)",
    every: 1,
    spec: (trace) => `rename:EACCES:${callNumber(trace, 'rename', isDb, 1, { op: 'append', file: isLog, k: 2 })}`,
    atClose: false,
    what: /permission denied/,
  },
  {
    name: "writeFile:ENOSPC, the first answer's checkpoint (FACTDECK_CHECKPOINT_EVERY=1)",
    every: 1,
    spec: (trace) => `writeFile:ENOSPC:${callNumber(trace, 'writeFile', isCheckpointTemp, 1, { op: 'append', file: isLog, k: 2 })}`,
    atClose: false,
    what: /no space left on device/,
  },
  // A run of a few answers checkpoints only when one is due (FACTDECK_CHECKPOINT_EVERY=1: at every save);
  // close() checkpoints only to retry one that failed. The last save's checkpoint fails, then its retry.
  {
    name: "rename:EACCES, the last save's checkpoint and its retry at the end of the run",
    every: 1,
    spec: (trace) => {
      const last = callNumber(trace, 'rename', isDb, -1);
      return `rename:EACCES:${last},rename:EACCES:${last + 1}`;
    },
    atClose: true,
    what: /permission denied/,
  },
  {
    name: "writeFile:ENOSPC, the last save's checkpoint and its retry at the end of the run",
    every: 1,
    spec: (trace) => {
      const last = callNumber(trace, 'writeFile', isCheckpointTemp, -1);
      return `writeFile:ENOSPC:${last},writeFile:ENOSPC:${last + 1}`;
    },
    atClose: true,
    what: /no space left on device/,
  },
];

describe('a failed checkpoint of factdeck.json', () => {
  test.each(CHECKPOINT_FAILURES)('$name: the answers are saved (in the log), and nothing claims otherwise', async (failure) => {
    const before = await folderWithHistory();
    const { dataDir } = before;
    const env: Record<string, string> = failure.every === undefined ? {} : { FACTDECK_CHECKPOINT_EVERY: String(failure.every) };
    const spec = failure.spec(await dryRunTrace(dataDir, quizArgs, INPUT, env));
    const run = await runFailing(dataDir, spec, spec.startsWith('rename') ? isDb : isCheckpointTemp, env);

    // Every answer was saved in the log before its verdict was shown.
    expect(verdictCount(run.stdout)).toBe(ANSWERS.length);
    const log = await readLogStrict(dataDir);
    expect(log.tornBytes).toBe(0);
    const added = attemptsIn(log.events).slice(before.attempts);
    expect(added.map((a) => a.questionId)).toEqual(answeredBlocks(run.stdout).map((b) => b.questionId));
    expect([...sessionsIn(log.events).values()].filter((s) => s.status === 'finished')).toHaveLength(2);

    const db = JSON.parse(await readFile(join(dataDir, DB_FILE), 'utf8')) as { logBytes: number };
    if (failure.atClose) {
      // Nothing retried the last checkpoint: the run says so, truthfully, and exits 1.
      expect(run.code, `${spec}\n${run.stderr}`).toBe(1);
      const message = expectClearMessage(run, join(dataDir, DB_FILE), failure.what);
      expect(message).not.toMatch(/Nothing was saved|not saved/i);
      expect(message).toContain(join(dataDir, HISTORY_FILE));
      expect(message).toMatch(/saved/);
      // The checkpoint before stays, whole (it parsed above), short of the last save; the next open
      // brings it up to date from the log.
      expect(db.logBytes).toBeLessThan(log.size);
      expect(db.logBytes).toBeGreaterThan(before.log.length);
    } else {
      // The failed checkpoint was tried again at the next save and succeeded: nothing to report.
      expect(run.stderr, spec).toBe('');
      expect(run.code).toBe(0);
      expect(db.logBytes).toBe(log.size);
    }
    expect(await leftoverTempFiles(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);

    await expectNormalRunSeesAll(dataDir, before.attempts + ANSWERS.length);
  });
});
