// REAL factdeck processes on one data folder from different PID namespaces of one machine (as containers
// sharing the host's name, `docker --network host`, or `unshare --pid`): a process cannot see another
// namespace's pids, so "no such process" there must not be taken for "the holder is dead". A waiter
// outlives such a holder by its refresh, says why it waits, and never takes a live holder's lock; runs
// mixed across namespaces lose nothing and none aborts. Needs `unshare` and the right to use it (root):
// skipped, saying so, where it cannot run.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { BIN, DB_FILE, ROOT, STACK_TRACE, cliEnv, runCli, type CliResult } from '../helpers/cli-run.js';
import { attemptsIn, LOCK_DIR, readLogStrict, statsJson, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const HOLD_LOCK = fileURLToPath(new URL('./fixtures/hold-lock.mjs', import.meta.url));
const UNSHARE = ['--pid', '--fork', '--mount-proc', '--kill-child'];
const canUnshare = spawnSync('unshare', [...UNSHARE, 'true']).status === 0;
if (!canUnshare) console.log('pid-namespaces: `unshare --pid --fork --mount-proc` cannot run here (not root, or no util-linux): skipped');

const suite = useFaultSuite('factdeck-pidns-');

interface Running {
  stdout(): string;
  stderr(): string;
  write(text: string): void;
  end(text?: string): void;
  /** Resolves once `pattern` has appeared on the stream; rejects if the process ends first. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp): Promise<void>;
  readonly result: Promise<CliResult>;
}

/** `node <script> ...args`, in a PID namespace of its own when `ownNamespace`. */
function start(script: string, args: readonly string[], ownNamespace: boolean): Running {
  const command = ownNamespace ? ['unshare', [...UNSHARE, process.execPath, script, ...args]] : [process.execPath, [script, ...args]];
  const child = spawn(command[0] as string, command[1] as string[], { cwd: ROOT, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  const text = { stdout: '', stderr: '' };
  const watchers = new Set<() => void>();
  let ended = false;
  const started = Date.now();
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].setEncoding('utf8').on('data', (chunk: string) => {
      text[stream] += chunk;
      for (const watch of [...watchers]) watch();
    });
  }
  child.stdin.on('error', () => undefined);
  const result = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      ended = true;
      for (const watch of [...watchers]) watch();
      resolve({ code, signal, stdout: text.stdout, stderr: text.stderr, ms: Date.now() - started });
    });
  });
  return {
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    write: (chunk) => child.stdin.write(chunk),
    end: (chunk) => child.stdin.end(chunk ?? ''),
    waitFor: (stream, pattern) =>
      new Promise<void>((resolve, reject) => {
        const watch = (): void => {
          if (pattern.test(text[stream])) {
            watchers.delete(watch);
            resolve();
          } else if (ended) {
            watchers.delete(watch);
            reject(new Error(`ended without ${String(pattern)} on ${stream}:\n${text.stdout}\n${text.stderr}`));
          }
        };
        watchers.add(watch);
        watch();
      }),
    result,
  };
}

const quizArgs = (dataDir: string, count: number, seed: number): string[] => ['quiz', '--plain', '--deck', suite.deckDir, '--count', String(count), '--seed', String(seed), '--data', dataDir];

test.skipIf(!canUnshare)('a live holder in another PID namespace keeps its lock: the waiter says it cannot see it, and goes on when it is released', { timeout: 60_000 }, async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  expect((await runCli(quizArgs(dataDir, 1, 1), { input: 'true\n' })).code).toBe(0);
  const holder = start(HOLD_LOCK, [join(dataDir, DB_FILE)], false);
  await holder.waitFor('stdout', /^locked$/m);
  const note = await readFile(join(dataDir, LOCK_DIR, 'owner'), 'utf8');

  const waiter = start(BIN, quizArgs(dataDir, 1, 2), true);
  waiter.end('true\n');
  await waiter.waitFor('stderr', /^Waiting for the lock /m);
  expect(waiter.stderr()).toContain(`Waiting for the lock ${join(dataDir, DB_FILE)}.lock: its holder, process ${note.split(' ')[0]} of this machine, cannot be seen from here (it runs in another PID namespace, such as another container)`);
  // Before the fix the lock was taken at once (0.25 s). Three seconds on, the holder's lock is still its own.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(verdictCount(waiter.stdout())).toBe(0);
  expect(await readFile(join(dataDir, LOCK_DIR, 'owner'), 'utf8')).toBe(note);

  holder.end();
  await holder.waitFor('stdout', /^(released|lost)$/m);
  expect(holder.stdout()).toMatch(/^released$/m);
  const done = await waiter.result;
  expect(done.code, done.stderr).toBe(0);
  expect(verdictCount(done.stdout)).toBe(1);
  expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(2);
});

test.skipIf(!canUnshare)('runs mixed across PID namespaces on one folder: none aborts, nothing is lost or counted twice', { timeout: 90_000 }, async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  expect((await runCli(quizArgs(dataDir, 1, 1), { input: 'true\n' })).code).toBe(0);
  const ANSWERS = 25;
  const runs = [false, true, false, true].map((own, i) => start(BIN, quizArgs(dataDir, ANSWERS, 100 + i), own));
  for (const run of runs) run.end('true\n'.repeat(ANSWERS));
  const results = await Promise.all(runs.map((run) => run.result));
  for (const [i, result] of results.entries()) {
    // A wait for another run's turn may be mentioned (a busy machine); nothing else may be said.
    expect(result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('Waiting for ')), `run ${i}`).toEqual([]);
    expect(STACK_TRACE.test(result.stdout), `run ${i}`).toBe(false);
    expect(result.code, `run ${i}`).toBe(0);
    expect(verdictCount(result.stdout), `run ${i}`).toBe(ANSWERS);
  }
  const attempts = attemptsIn((await readLogStrict(dataDir)).events);
  expect(attempts).toHaveLength(1 + runs.length * ANSWERS);
  expect(new Set(attempts.map((a) => a.id)).size).toBe(attempts.length);
  expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(1 + runs.length * ANSWERS);
  expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
});
