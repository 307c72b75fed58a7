// SIGKILL at random moments while the REAL program (the built CLI, --plain, fed through a pipe) commits
// answers: one data folder, run after run, each child killed somewhere in the middle. Most kills are aimed
// at a file-system step by watching the child's FACTDECK_TRACE_FS trace: the moment a "begin <op>" line
// appears, the child is killed (a tmpfs or a slow disk only changes how often the kill lands before the
// step ends). Others come after a random number of verdict lines plus a random small delay, or at a random
// time. After every kill the files must parse; at the end, a fresh process must see every answer whose
// "Correct"/"Wrong" line was printed. FAULT_SEED=<n> replays a run's choices.

import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, watch, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DB_FILE, HISTORY_FILE, STACK_TRACE, readDb, runCli } from '../helpers/cli-run.js';
import { thisProcess } from '../../src/storage/process-identity.js';
import {
  LOCK_DIR,
  LOCK_TAKEOVER_DIR,
  answeredBlocks,
  attemptsIn,
  checkBackupsParse,
  fileKind,
  landingOf,
  leftoverTempFiles,
  readLogStrict,
  seededRandom,
  sessionsIn,
  spawnFactdeck,
  statsJson,
  useFaultSuite,
  verdictCount,
} from '../helpers/fault-run.js';

const RUNS = 60;
const QUESTIONS_PER_RUN = 20;
const MIN_COMMITS = 500;
const SEED = Number(process.env.FAULT_SEED ?? randomBytes(4).readUInt32LE(0));
/** The steps kills are aimed at: the write (log append, temp write), the fsync, the rename. */
const AIMED_OPS = ['append', 'sync', 'rename', 'writeFile'] as const;

const suite = useFaultSuite('factdeck-kill-');
const { dirs } = suite;

type Plan =
  | { mode: 'step'; op: (typeof AIMED_OPS)[number]; armAtQuestion: number; nth: number }
  | { mode: 'verdicts'; afterVerdicts: number; delay: 'now' | 'microtask' | 'immediate' | number }
  | { mode: 'time'; ms: number };

interface RunRecord {
  index: number;
  seed: number;
  every: number;
  plan: Plan;
  killed: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  landing: string;
  answers: string[];
  leftLock: boolean;
  tornAfter: number;
  tempsAfter: number;
}

function planFor(index: number, random: () => number): Plan {
  const r = random();
  // 70% of runs aim at a step; which one goes round by run index, so each is aimed at about 10 times.
  // The n-th such step after arming: the 2nd fsync of an answer is its checkpoint's, when one is due.
  if (r < 0.7) {
    const op = AIMED_OPS[index % AIMED_OPS.length] ?? 'sync';
    return { mode: 'step', op, armAtQuestion: 4 + Math.floor(random() * (QUESTIONS_PER_RUN - 3)), nth: op === 'sync' ? 1 + Math.floor(random() * 2) : 1 };
  }
  if (r < 0.85) {
    const d = random();
    const delay = d < 0.25 ? 'now' : d < 0.5 ? 'microtask' : d < 0.75 ? 'immediate' : Math.floor(random() * 5);
    return { mode: 'verdicts', afterVerdicts: 1 + Math.floor(random() * QUESTIONS_PER_RUN), delay };
  }
  return { mode: 'time', ms: 150 + Math.floor(random() * 700) };
}

/** Reads a growing trace file line by line, from where it was last read. */
function traceReader(file: string): { read: () => string[]; close: () => void } {
  const fd = openSync(file, 'r');
  let position = 0;
  let partial = '';
  const chunk = Buffer.alloc(64 * 1024);
  return {
    read: () => {
      let text = partial;
      for (;;) {
        const n = readSync(fd, chunk, 0, chunk.length, position);
        if (n === 0) break;
        position += n;
        text += chunk.toString('utf8', 0, n);
      }
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      return lines;
    },
    close: () => closeSync(fd),
  };
}

/** One quiz run into `dataDir`, answered as it asks, killed as `plan` says (unless it finishes first). */
async function killRun(index: number, dataDir: string, traceDir: string, random: () => number): Promise<RunRecord> {
  const every = 1 + (index % 3);
  const plan = planFor(index, random);
  const seed = 100_000 + index;
  const trace = join(traceDir, `run-${index}.trace`);
  writeFileSync(trace, '');
  const reader = traceReader(trace);
  const answers: string[] = [];
  let killed = false;
  let armed = false;
  let questions = 0;
  let verdicts = 0;
  let aimedSeen = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const kill = (): void => {
    if (killed) return;
    killed = true;
    run.child.kill('SIGKILL');
  };
  const watchTrace = (): void => {
    if (killed) return;
    const lines = reader.read();
    if (!armed || plan.mode !== 'step') return;
    aimedSeen += lines.filter((line) => line.startsWith(`begin ${plan.op} `)).length;
    if (aimedSeen >= plan.nth) kill();
  };

  const run = spawnFactdeck(
    ['quiz', '--plain', '--deck', suite.deckDir, '--count', String(QUESTIONS_PER_RUN), '--seed', String(seed), '--data', dataDir],
    { FACTDECK_CHECKPOINT_EVERY: String(every), FACTDECK_TRACE_FS: trace },
    (_chunk, all) => {
      if (killed) return;
      const asked = (all.match(/^Question \d+ of \d+/gm) ?? []).length;
      const seen = all.split('\n').filter((line) => /^(Correct|Wrong)\b/.test(line)).length;
      if (plan.mode === 'verdicts' && verdicts < plan.afterVerdicts && seen >= plan.afterVerdicts) {
        const { delay } = plan;
        if (delay === 'now') kill();
        else if (delay === 'microtask') queueMicrotask(kill);
        else if (delay === 'immediate') setImmediate(kill);
        else timer = setTimeout(kill, delay);
      }
      verdicts = seen;
      while (questions < asked) {
        questions++;
        if (plan.mode === 'step' && questions >= plan.armAtQuestion && !armed) {
          // Only steps after this answer count: what the trace holds so far is passed over.
          reader.read();
          armed = true;
        }
        const answer = random() < 0.75 ? 'true' : 'false';
        answers.push(answer);
        run.child.stdin?.write(`${answer}\n`);
      }
    },
  );
  const watcher = watch(trace, watchTrace);
  const poll = setInterval(watchTrace, 1);
  if (plan.mode === 'time') timer = setTimeout(kill, plan.ms);

  const deadline = setTimeout(kill, 20_000);
  const exit = await run.closed;
  clearTimeout(deadline);
  if (timer !== undefined) clearTimeout(timer);
  clearInterval(poll);
  watcher.close();
  reader.close();

  const traced = await readFile(trace, 'utf8');
  const where = landingOf(traced);
  const landing = !killed ? 'not killed (finished)' : where === null ? 'between steps' : `${where.op} (${fileKind(where.file)})`;

  // A lock left by a killed holder is taken over once it is stale (10 s without a refresh). Rather than
  // wait that long after each kill, the test ages it, as if the learner came back later; the wait itself
  // is measured in concurrent-writers.test.ts.
  const lock = join(dataDir, LOCK_DIR);
  const leftLock = existsSync(lock);
  const past = new Date(Date.now() - 60_000);
  if (leftLock) await utimes(lock, past, past);
  // So is the gate of a takeover the kill landed in (a waiter holds it for a moment while it replaces a
  // stale lock; it goes stale after 2 s): the next run would wait that out, and say so on stderr.
  const gate = join(dataDir, LOCK_TAKEOVER_DIR);
  if (existsSync(gate)) await utimes(gate, past, past);

  // Right after the kill, before anything else runs: every file parses (a torn last log line aside).
  const db = existsSync(join(dataDir, DB_FILE)) ? await readFile(join(dataDir, DB_FILE), 'utf8') : null;
  if (db !== null) {
    try {
      JSON.parse(db);
    } catch (error) {
      throw new Error(`run ${index} (seed ${SEED}): after a kill landing in ${landing}, ${DB_FILE} does not parse: ${(error as Error).message}`);
    }
  }
  const log = await readLogStrict(dataDir);
  await checkBackupsParse(dataDir);

  return {
    index,
    seed,
    every,
    plan,
    killed,
    code: exit.code,
    stdout: run.stdout(),
    stderr: run.stderr(),
    landing,
    answers,
    leftLock,
    tornAfter: log.tornBytes,
    tempsAfter: (await leftoverTempFiles(dataDir)).length,
  };
}

function landingTable(records: readonly RunRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.landing, (counts.get(r.landing) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1]);
  const width = Math.max(...rows.map(([name]) => name.length), 20);
  return rows.map(([name, n]) => `  ${name.padEnd(width)}  ${String(n).padStart(3)}`).join('\n');
}

describe('SIGKILL during answer commits', () => {
  test(`${RUNS} runs killed at random moments: files always parse, every acknowledged answer is on disk`, { timeout: 150_000 }, async () => {
    const dataDir = join(await dirs.make(), 'data');
    const traceDir = await dirs.make();
    const random = seededRandom(SEED);
    const records: RunRecord[] = [];
    const started = Date.now();

    for (let i = 0; i < RUNS; i++) {
      const record = await killRun(i, dataDir, traceDir, random);
      records.push(record);
      const where = `run ${i} (FAULT_SEED=${SEED}, plan ${JSON.stringify(record.plan)}, landing ${record.landing})`;
      // A killed child says nothing on stderr before it dies; one that finished exits 0.
      expect(record.stderr, where).toBe('');
      if (!record.killed) expect(record.code, where).toBe(0);
      // After the previous kill, this child started normally: it got to its first question (unless a
      // time-aimed kill came before it could).
      if (!(record.plan.mode === 'time' && record.killed)) expect(record.stdout, where).toMatch(/^Question 1 of \d+/m);
    }

    // A final run without faults starts normally, finishes, and cleans up what the killed ones left.
    const final = await runCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', '3', '--seed', '999999', '--data', dataDir], { input: 'true\ntrue\nfalse\n' });
    expect(final.stderr).toBe('');
    expect(final.code).toBe(0);
    expect(verdictCount(final.stdout)).toBe(3);

    // Every file parses; no torn line is left, since a process ran after the last kill.
    const dbText = await readFile(join(dataDir, DB_FILE), 'utf8');
    const db = JSON.parse(dbText) as { logBytes: number };
    const log = await readLogStrict(dataDir);
    expect(log.tornBytes).toBe(0);
    // The file sums up the log up to its last checkpoint (a whole number of lines); a run of a few
    // answers writes no checkpoint, so the rest is replayed by every run and reader (as checked below).
    expect(db.logBytes).toBeLessThanOrEqual(log.size);
    const logBytes = await readFile(join(dataDir, HISTORY_FILE));
    if (db.logBytes > 0) expect(logBytes[db.logBytes - 1]).toBe(0x0a);
    expect(await checkBackupsParse(dataDir)).toBeGreaterThan(0);
    expect(await leftoverTempFiles(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);

    // Every answer whose verdict line was printed is in the log, in the order asked, with what was
    // answered; at most one more (saved, then killed before its verdict was printed).
    const attempts = attemptsIn(log.events);
    const sessions = [...sessionsIn(log.events).values()];
    let acknowledged = 0;
    for (const record of records) {
      const where = `run ${record.index} (FAULT_SEED=${SEED}, landing ${record.landing})`;
      const blocks = answeredBlocks(record.stdout);
      const printed = blocks.filter((b) => b.verdict !== null);
      // Verdicts come in order: no question is answered before the one before it.
      expect(blocks.slice(0, printed.length).every((b) => b.verdict !== null), where).toBe(true);
      acknowledged += printed.length;
      const session = sessions.find((s) => s.seed === record.seed);
      if (session === undefined) {
        expect(printed.length, `${where}: no session in the log, yet verdicts were printed`).toBe(0);
        continue;
      }
      const saved = attempts.filter((a) => a.sessionId === session.id);
      expect(saved.length, where).toBeGreaterThanOrEqual(printed.length);
      expect(saved.length, where).toBeLessThanOrEqual(Math.min(printed.length + 1, blocks.length));
      saved.forEach((attempt, n) => {
        const block = blocks[n];
        expect(attempt.questionId, where).toBe(block?.questionId);
        expect(attempt.given, where).toBe(record.answers[n] === 'true');
        if (block?.verdict != null) expect(attempt.correct, where).toBe(block.verdict === 'Correct');
      });
      if (!record.killed) expect(session.status, where).toBe('finished');
    }
    expect(acknowledged).toBeGreaterThanOrEqual(MIN_COMMITS);

    // A fresh process adds up the same: stats from a new process, and the plain reader of the folder.
    const all = attempts.filter((a) => a.deckId === 'crates' && a.profile === 'default');
    const stats = await statsJson(dataDir, suite.deckDir);
    expect(stats.attempts).toBe(all.length);
    expect(stats.accuracy.correct).toBe(all.filter((a) => a.correct).length);
    expect((await readDb(dataDir)).attempts).toHaveLength(all.length);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);

    const landed = (op: string): number => records.filter((r) => r.killed && r.landing.startsWith(`${op} `)).length;
    const summary = [
      `kill landings (FAULT_SEED=${SEED}; ${RUNS} runs, ${acknowledged} answers acknowledged, ${all.length} in the log; ${((Date.now() - started) / 1000).toFixed(1)} s):`,
      landingTable(records),
      `  stale locks left by a killed holder (aged, then taken over): ${records.filter((r) => r.leftLock).length}`,
      `  runs that left temp files (cleaned at the next start): ${records.filter((r) => r.tempsAfter > 0).length}`,
      `  torn last log lines seen after a kill: ${records.filter((r) => r.tornAfter > 0).length}`,
    ].join('\n');
    console.log(summary);

    expect(landed('append') + landed('writeFile'), summary).toBeGreaterThanOrEqual(1);
    expect(landed('sync'), summary).toBeGreaterThanOrEqual(1);
    expect(landed('rename'), summary).toBeGreaterThanOrEqual(1);
  });
});

describe('stale temp files', () => {
  test('are removed at the next start when their writer is dead, never when it is alive', async () => {
    const dataDir = join(await dirs.make(), 'data');
    const args = ['quiz', '--plain', '--deck', suite.deckDir, '--count', '2', '--data', dataDir];
    const first = await runCli(args, { input: 'true\ntrue\n' });
    expect(first.code).toBe(0);

    // A pid that certainly belonged to a process that has exited.
    const gone = spawn(process.execPath, ['-e', '']);
    const deadPid = gone.pid as number;
    await new Promise((resolve) => gone.on('close', resolve));
    // This test runner is alive: a temp file with its pid may be a save in progress.
    const livePid = process.pid;
    await mkdir(join(dataDir, 'backups'), { recursive: true });
    // Temp names carry their writer's pid and scope (this machine and PID namespace): the child runs in ours.
    const { scope } = thisProcess();
    const files = {
      dead: join(dataDir, `.${DB_FILE}.${deadPid}-${scope}.0123456789ab.tmp`),
      deadBackup: join(dataDir, 'backups', `.factdeck-2020-01-01T00-00-00.000Z.json.${deadPid}-${scope}.abcdef012345.tmp`),
      live: join(dataDir, `.${DB_FILE}.${livePid}-${scope}.ba9876543210.tmp`),
      liveBackup: join(dataDir, 'backups', `.factdeck-2020-01-01T00-00-00.000Z.json.${livePid}-${scope}.fedcba987654.tmp`),
      // The same dead pid, from another PID namespace (another container): it cannot be checked, so it stays.
      unseen: join(dataDir, `.${DB_FILE}.${deadPid}-0badc0de.0123456789ab.tmp`),
    };
    for (const [name, file] of Object.entries(files)) await writeFile(file, `{"half": "${name}`);

    const second = await runCli(args, { input: 'true\nfalse\n' });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(existsSync(files.dead)).toBe(false);
    expect(existsSync(files.deadBackup)).toBe(false);
    expect(await readFile(files.live, 'utf8')).toBe('{"half": "live');
    expect(await readFile(files.liveBackup, 'utf8')).toBe('{"half": "liveBackup');
    const left = [...(await readdir(dataDir)), ...(await readdir(join(dataDir, 'backups')))].filter((name) => name.endsWith('.tmp'));
    expect(await readFile(files.unseen, 'utf8')).toBe('{"half": "unseen');
    expect(left.sort()).toEqual([files.live, files.liveBackup, files.unseen].map((f) => f.split('/').at(-1)).sort());
    expect(STACK_TRACE.test(second.stdout)).toBe(false);
    expect((await readLogStrict(dataDir)).tornBytes).toBe(0);
  });
});
