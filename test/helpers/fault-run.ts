// What the fault suites (test/faults) share: the built program started in a child process that the test
// can feed and SIGKILL at a chosen moment, the file-system trace it writes (FACTDECK_TRACE_FS), and plain
// readers of the data folder that know nothing of factdeck's code: the history log read strictly (every
// complete line must parse), the whole folder as bytes, leftover temp files.

import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { BIN, DB_FILE, HISTORY_FILE, ROOT, cliEnv, requireBuild, runCli, tempDirs, type CliResult, type DbAttempt, type DbSession, type EnvOverrides } from './cli-run.js';
import { plainBlocks, writeTrueFalseDeck } from './cli-deck.js';

export const LOCK_DIR = `${DB_FILE}.lock`;
/** The gate a waiter holds while it takes a stale lock over (database-lock.ts). */
export const LOCK_TAKEOVER_DIR = `${DB_FILE}.lock-takeover`;
export const VERDICT_LINE = /^(Correct|Wrong)\b/;
/** A temp file of the durable writer: `.<target>.<pid>-<scope>.<random hex>.tmp`. */
export const TEMP_FILE = /^\..+\.(\d+)(?:-[0-9a-f]{8})?\.[0-9a-f]+\.tmp$/;

export interface FaultSuite {
  /** Temp folders, removed after the file's tests. */
  dirs: ReturnType<typeof tempDirs>;
  /** A deck of 300 true/false questions, made once before the file's tests. */
  readonly deckDir: string;
}

/**
 * What every fault suite sets up, called at the top of its file: temp folders, the deck its runs quiz on,
 * and no child process left behind by a failed test.
 */
export function useFaultSuite(prefix: string): FaultSuite {
  const dirs = tempDirs(prefix);
  let deckDir: string | undefined;
  beforeAll(async () => {
    requireBuild();
    deckDir = await writeTrueFalseDeck(await dirs.make(), 'crates', 300);
  });
  afterEach(async () => {
    await killLeftoverChildren();
  });
  afterAll(async () => {
    await dirs.removeAll();
  });
  return {
    dirs,
    get deckDir(): string {
      if (deckDir === undefined) throw new Error('the fault suite deck is made in beforeAll: use it inside a test');
      return deckDir;
    },
  };
}

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type LogEvent =
  | { type: 'attempt'; attempt: DbAttempt }
  | { type: 'session'; session: DbSession }
  | { type: string; [key: string]: unknown };

export interface LogRead {
  events: LogEvent[];
  /** Complete lines (each one save). */
  lines: number;
  size: number;
  /** Bytes after the last newline: a save torn by a crash. */
  tornBytes: number;
}

/**
 * history.jsonl as a fresh reader sees it: every complete line must be a JSON array of events (or one
 * event); a last line without its newline is torn and left out. Throws naming the line otherwise.
 */
export async function readLogStrict(dataDir: string): Promise<LogRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dataDir, HISTORY_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], lines: 0, size: 0, tornBytes: 0 };
    throw error;
  }
  const events: LogEvent[] = [];
  let offset = 0;
  let lines = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, offset)) {
    lines++;
    const text = bytes.subarray(offset, end).toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error(`${HISTORY_FILE} line ${lines} (bytes ${offset}-${end}) does not parse: ${JSON.stringify(text.slice(0, 200))}`);
    }
    for (const event of Array.isArray(value) ? value : [value]) {
      if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
        throw new Error(`${HISTORY_FILE} line ${lines} holds something that is not an event: ${JSON.stringify(event)}`);
      }
      events.push(event as LogEvent);
    }
    offset = end + 1;
  }
  return { events, lines, size: bytes.length, tornBytes: bytes.length - offset };
}

export function attemptsIn(events: readonly LogEvent[]): DbAttempt[] {
  return events.filter((e): e is { type: 'attempt'; attempt: DbAttempt } => e.type === 'attempt').map((e) => e.attempt);
}

/** Each session as its last event in the log says it is. */
export function sessionsIn(events: readonly LogEvent[]): Map<string, DbSession> {
  const sessions = new Map<string, DbSession>();
  for (const event of events) {
    if (event.type === 'session') {
      const session = (event as { session: DbSession }).session;
      sessions.set(session.id, session);
    }
  }
  return sessions;
}

/** Every file under `dir` (recursively) as bytes, by relative path; the lock folder is left out. */
export async function snapshotDir(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
      const path = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.name.endsWith('.lock')) continue;
      if (entry.isDirectory()) await walk(path);
      else files.set(path, await readFile(join(dir, path)));
    }
  };
  await walk('');
  return files;
}

/** Temp files of the durable writer left in the data folder or its backups folder. */
export async function leftoverTempFiles(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const sub of ['', 'backups']) {
    let names: string[];
    try {
      names = await readdir(join(dataDir, sub));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const name of names) if (TEMP_FILE.test(name)) found.push(sub === '' ? name : `${sub}/${name}`);
  }
  return found.sort();
}

/** Every backups/*.json parses (the "last good copy" must be good). Returns how many there are. */
export async function checkBackupsParse(dataDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, 'backups'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const backups = names.filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  for (const name of backups) {
    const text = await readFile(join(dataDir, 'backups', name), 'utf8');
    try {
      JSON.parse(text);
    } catch (error) {
      throw new Error(`backup ${name} does not parse: ${(error as Error).message}`);
    }
  }
  return backups.length;
}

export interface TraceStep {
  step: 'begin' | 'end';
  op: string;
  file: string;
}

export function parseTrace(text: string): TraceStep[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [step, op, ...rest] = line.split(' ');
      return { step: step as 'begin' | 'end', op: op as string, file: rest.join(' ') };
    });
}

/** Where a process killed with this trace was: inside the last step begun and not ended, or between steps. */
export function landingOf(trace: string): { op: string; file: string } | null {
  const open: TraceStep[] = [];
  for (const step of parseTrace(trace)) {
    if (step.step === 'begin') open.push(step);
    else {
      const at = open.findLastIndex((s) => s.op === step.op && s.file === step.file);
      if (at !== -1) open.splice(at, 1);
    }
  }
  const last = open.at(-1);
  return last === undefined ? null : { op: last.op, file: last.file };
}

/** What a traced file name is, for the landing table. */
export function fileKind(file: string): string {
  if (file === HISTORY_FILE) return 'history log';
  if (file === DB_FILE) return 'factdeck.json';
  if (/^\.factdeck\.json\.\d+(?:-[0-9a-f]{8})?\.[0-9a-f]+\.tmp$/.test(file)) return 'checkpoint temp';
  if (/^factdeck-.*\.json$/.test(file) || /^\.factdeck-.*\.tmp$/.test(file)) return 'backup';
  return 'data folder';
}

/**
 * The number FACTDECK_FAIL_FS=<op>:<CODE>:<n> needs to fail the `k`-th (1-based; -1: the last) call of
 * `op` on a file that `which` accepts, counted among all calls of op, as a trace shows them.
 */
export function callNumber(trace: string, op: string, which: (file: string) => boolean, k: number, after?: { op: string; file: (f: string) => boolean; k: number }): number {
  const steps = parseTrace(trace);
  let start = 0;
  if (after !== undefined) {
    let seen = 0;
    start = steps.findIndex((s) => s.step === 'end' && s.op === after.op && after.file(s.file) && ++seen === after.k);
    if (start === -1) throw new Error(`the trace has no end #${after.k} of ${after.op}`);
  }
  const calls: Array<{ index: number; file: string }> = [];
  steps.forEach((s, i) => {
    if (s.step === 'begin' && s.op === op) calls.push({ index: i, file: s.file });
  });
  const matching = calls.map((c, n) => ({ ...c, n: n + 1 })).filter((c) => c.index > start && which(c.file));
  const chosen = k === -1 ? matching.at(-1) : matching[k - 1];
  if (chosen === undefined) throw new Error(`the trace has no call #${k} of ${op} on a matching file:\n${trace}`);
  return chosen.n;
}

/** A copy of `dataDir` in a fresh temp folder (for a dry run whose trace tells which call to fail). */
export async function copyDataDir(dataDir: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'factdeck-fault-copy-'));
  const dir = join(parent, 'data');
  await cp(dataDir, dir, { recursive: true });
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

/** Runs the command on a copy of the data folder with FACTDECK_TRACE_FS and returns the trace. */
export async function dryRunTrace(dataDir: string, args: (dir: string) => string[], input: string, env: EnvOverrides = {}): Promise<string> {
  const copy = await copyDataDir(dataDir);
  try {
    const trace = join(copy.dir, '..', 'trace.txt');
    const run = await runCli(args(copy.dir), { input, env: { ...env, FACTDECK_TRACE_FS: trace } });
    if (run.code !== 0 || run.stderr !== '') throw new Error(`the dry run failed (${run.code}): ${run.stderr}`);
    return await readFile(trace, 'utf8');
  } finally {
    await copy.remove();
  }
}

export interface AnsweredBlock {
  questionId: string;
  verdict: 'Correct' | 'Wrong' | null;
}

/** The --plain questions of a generated true/false deck as asked, each with its verdict line if one was printed. */
export function answeredBlocks(stdout: string): AnsweredBlock[] {
  return plainBlocks(stdout).map((block) => {
    const crate = /crate (\d+) holds/.exec(block.prompt);
    if (crate === null) throw new Error(`not a crate question: ${block.prompt}`);
    const verdict = block.text
      .split('\n')
      .map((line) => VERDICT_LINE.exec(line)?.[1])
      .find((v) => v !== undefined);
    return { questionId: `q${crate[1]}`, verdict: (verdict as AnsweredBlock['verdict'] | undefined) ?? null };
  });
}

export function verdictCount(stdout: string): number {
  return stdout.split('\n').filter((line) => VERDICT_LINE.test(line)).length;
}

export interface StatsJson {
  attempts: number;
  accuracy: { correct: number; total: number };
}

/** `factdeck stats --json` from a fresh process. */
export async function statsJson(dataDir: string, deckDir: string): Promise<StatsJson> {
  const run = await runCli(['stats', '--json', '--deck', deckDir, '--data', dataDir]);
  if (run.code !== 0 || run.stderr !== '') throw new Error(`stats failed (${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as StatsJson;
}

/** A factdeck child whose stdout the test watches chunk by chunk and which it may SIGKILL at any moment. */
export interface FactdeckChild {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited and its pipes are drained. */
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();

/** For an afterEach: SIGKILL whatever a test left running. */
export async function killLeftoverChildren(): Promise<void> {
  const left = [...children];
  await Promise.all(
    left.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

export function spawnFactdeck(args: readonly string[], env: EnvOverrides, onStdout: (chunk: string, all: string) => void = () => undefined, script: string = BIN): FactdeckChild {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: cliEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdin?.on('error', () => undefined);
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    onStdout(chunk, out);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, stdout: () => out, stderr: () => err, closed };
}

/**
 * A plain quiz that answers "true" to each question as it is asked and is SIGKILLed once `verdicts`
 * answers have their verdict on stdout (acknowledged, so saved): a crash at a known point of a run.
 */
export async function quizKilledAfter(args: readonly string[], env: EnvOverrides, verdicts: number): Promise<FactdeckChild> {
  let written = 0;
  const run = spawnFactdeck(args, env, (_chunk, all) => {
    if (verdictCount(all) >= verdicts) {
      run.child.kill('SIGKILL');
      return;
    }
    for (const asked = (all.match(/^Question \d+ of/gm) ?? []).length; written < asked; written++) run.child.stdin?.write('true\n');
  });
  await run.closed;
  return run;
}

export type { CliResult };

/** The n-th call of `op` in a trace (1-based): on which file, and whether it ended (an injected failure does not). */
export function nthCall(trace: string, op: string, n: number): { file: string; ended: boolean } | null {
  const steps = parseTrace(trace);
  let seen = 0;
  for (const [i, step] of steps.entries()) {
    if (step.step !== 'begin' || step.op !== op || ++seen !== n) continue;
    const next = steps[i + 1];
    return { file: step.file, ended: next !== undefined && next.step === 'end' && next.op === op && next.file === step.file };
  }
  return null;
}
