// Several REAL factdeck processes answering into one database at the same time: nothing lost, nothing
// counted twice, nobody crashes on the lock; and a lock whose holder was SIGKILLed is taken over in time.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { DB_FILE, STACK_TRACE, readDb, runCli, startCli, stopAllCli } from '../helpers/cli-run.js';
import { attemptsIn, LOCK_DIR, readLogStrict, sessionsIn, statsJson, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const HOLD_LOCK = fileURLToPath(new URL('./fixtures/hold-lock.mjs', import.meta.url));
const WRITERS = 4;
const ANSWERS = 250;

const suite = useFaultSuite('factdeck-concurrent-');
const { dirs } = suite;

afterEach(async () => {
  await stopAllCli();
});

describe('concurrent writers', () => {
  test(`${WRITERS} processes x ${ANSWERS} answers on one database: exactly ${WRITERS * ANSWERS} attempts`, { timeout: 60_000 }, async () => {
    const dataDir = join(await dirs.make(), 'data');
    // The answers: mostly right, every seventh wrong, so both kinds of verdict are saved.
    const answers = Array.from({ length: ANSWERS }, (_, i) => (i % 7 === 3 ? 'false' : 'true'));
    const right = answers.filter((a) => a === 'true').length;
    const input = `${answers.join('\n')}\n`;
    const runs = Array.from({ length: WRITERS }, (_, w) =>
      startCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', String(ANSWERS), '--seed', String(7000 + w), '--data', dataDir], { timeoutMs: 50_000 }),
    );
    // All started before any is fed, then all fed at once: their saves contend for the lock throughout.
    for (const run of runs) run.end(input);
    const results = await Promise.all(runs.map((run) => run.result));

    for (const [w, result] of results.entries()) {
      // On a busy machine a turn can take over a second, and the wait is then mentioned: nothing else may be said.
      expect(result.stderr.split('\n').filter((line) => line !== '' && !/^Waiting for another factdeck \(process \d+\) to finish saving\.\.\.$/.test(line)), `writer ${w}`).toEqual([]);
      expect(result.code, `writer ${w}`).toBe(0);
      expect(STACK_TRACE.test(result.stdout), `writer ${w}`).toBe(false);
      expect(verdictCount(result.stdout), `writer ${w}`).toBe(ANSWERS);
      expect(result.stdout, `writer ${w}`).toMatch(new RegExp(`Score: ${right}/${ANSWERS} `));
    }

    const log = await readLogStrict(dataDir);
    expect(log.tornBytes).toBe(0);
    const attempts = attemptsIn(log.events);
    expect(attempts).toHaveLength(WRITERS * ANSWERS);
    expect(new Set(attempts.map((a) => a.id)).size).toBe(WRITERS * ANSWERS);
    const sessions = [...sessionsIn(log.events).values()];
    expect(sessions).toHaveLength(WRITERS);
    for (const session of sessions) {
      expect(session.status).toBe('finished');
      expect(attempts.filter((a) => a.sessionId === session.id)).toHaveLength(ANSWERS);
    }
    // They really ran at the same time: the sessions' answers are interleaved in the log.
    let switches = 0;
    attempts.forEach((a, i) => {
      if (i > 0 && a.sessionId !== attempts[i - 1]?.sessionId) switches++;
    });
    expect(switches).toBeGreaterThanOrEqual(WRITERS);

    // A fresh process sees the same: the checkpoint, the plain reader, and stats.
    const db = await readDb(dataDir);
    expect(db.attempts).toHaveLength(WRITERS * ANSWERS);
    expect(db.sessions.filter((s) => s.status === 'finished').map((s) => s.answered)).toEqual(Array(WRITERS).fill(ANSWERS));
    const stats = await statsJson(dataDir, suite.deckDir);
    expect(stats.attempts).toBe(WRITERS * ANSWERS);
    expect(stats.accuracy.correct).toBe(attempts.filter((a) => a.correct).length);
    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
  });

  /** A folder with one answer saved and a lock left by a holder killed with SIGKILL. */
  async function lockLeftByAKilledHolder(): Promise<{ dataDir: string; args: string[] }> {
    const dataDir = join(await dirs.make(), 'data');
    const args = ['quiz', '--plain', '--deck', suite.deckDir, '--count', '1', '--data', dataDir];
    const first = await runCli(args, { input: 'true\n' });
    expect(first.code).toBe(0);

    const holder = spawn(process.execPath, [HOLD_LOCK, join(dataDir, DB_FILE)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let said = '';
    let complaint = '';
    holder.stderr.setEncoding('utf8').on('data', (chunk: string) => (complaint += chunk));
    await new Promise<void>((resolve, reject) => {
      holder.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        said += chunk;
        if (said.includes('locked')) resolve();
      });
      holder.on('close', (code) => reject(new Error(`the lock holder exited (${code}) without taking the lock: ${complaint}`)));
    });
    const killed = new Promise((resolve) => holder.on('close', resolve));
    holder.kill('SIGKILL');
    await killed;
    // The holder died holding the lock: it is still there for the next process to deal with.
    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(true);
    return { dataDir, args };
  }

  test('a lock holder killed with SIGKILL does not hold the next process up: the lock names a process that is gone', { timeout: 60_000 }, async () => {
    const { dataDir, args } = await lockLeftByAKilledHolder();
    const next = await runCli(args, { input: 'true\n', timeoutMs: 40_000 });
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(verdictCount(next.stdout)).toBe(1);
    console.log(`after a SIGKILLed lock holder, the next quiz answered one question in ${(next.ms / 1000).toFixed(1)} s`);
    expect(next.ms).toBeLessThan(15_000);
    expect((await readDb(dataDir)).attempts).toHaveLength(2);
  });

  test('a killed holder that cannot be told gone (its note lost) blocks the next process less than 15 s, which says why it waits', { timeout: 60_000 }, async () => {
    const { dataDir, args } = await lockLeftByAKilledHolder();
    await rm(join(dataDir, LOCK_DIR, 'owner'));
    const next = await runCli(args, { input: 'true\n', timeoutMs: 40_000 });
    // While it waits for the lock to go stale, it says why nothing happens (one line).
    expect(next.stderr).toMatch(/^Waiting for another factdeck to finish saving [^\n]*\n$/);
    expect(next.code).toBe(0);
    expect(verdictCount(next.stdout)).toBe(1);
    console.log(`after a SIGKILLed lock holder of unknown pid, the next quiz answered one question in ${(next.ms / 1000).toFixed(1)} s`);
    expect(next.ms).toBeLessThan(15_000);
    expect((await readDb(dataDir)).attempts).toHaveLength(2);
  });
});
