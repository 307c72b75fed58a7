// Runs the BUILT command (bin/factdeck.cjs -> dist/) as a user would from a shell, with stdin from a pipe
// (or /dev/null): no terminal. Also what every end-to-end test shares: where things are, a clean
// environment, fresh temp folders, and a plain reader of the progress database.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'factdeck.cjs');
export const DIST_CLI = join(ROOT, 'dist', 'cli.js');
/** What bin/factdeck.cjs runs: the program bundled into one file by `npm run build`. */
export const BUNDLE = join(ROOT, 'dist', 'factdeck.cjs');
export const DB_FILE = 'factdeck.json';

/** For a beforeAll: end-to-end tests run the compiled program, so say clearly when there is none. */
export function requireBuild(): void {
  for (const built of [DIST_CLI, BUNDLE]) {
    if (!existsSync(built)) {
      throw new Error(`${built} is missing: the end-to-end tests run the built CLI. Run \`npm run build\` first (npm test does).`);
    }
  }
}

export type EnvOverrides = Record<string, string | undefined>;

/**
 * The environment of a user's shell, minus what would change the program's behaviour behind a test's
 * back: the test runner's NODE_ENV/VITEST flags, colour forcing, and factdeck's own variables. NO_COLOR=1
 * unless the overrides say otherwise (pass NO_COLOR: undefined for colour). XDG_CACHE_HOME is the test
 * run's throw-away one (vitest.config.ts), unless the overrides give another.
 */
export function cliEnv(overrides: EnvOverrides = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(VITEST|NODE_ENV$|NODE_OPTIONS$|FORCE_COLOR$|NO_COLOR$|FACTDECK_|TEST$)/.test(key)) continue;
    env[key] = value;
  }
  env.NO_COLOR = '1';
  env.TERM = 'xterm-256color';
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  // The program writes its start-up cache to $XDG_CACHE_HOME/factdeck (else ~/.cache): never the real one.
  if (!('XDG_CACHE_HOME' in overrides) && !(env.XDG_CACHE_HOME ?? '').startsWith(tmpdir())) {
    throw new Error('XDG_CACHE_HOME is not a temp folder: run the tests with vitest (vitest.config.ts sets it), or set it');
  }
  return env;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliRunOptions {
  /** Written to stdin, which is then closed. Without it stdin is an empty pipe, closed at once. */
  input?: string;
  /** 'devnull': stdin is /dev/null (as with `</dev/null`) instead of a pipe. */
  stdin?: 'pipe' | 'devnull';
  env?: EnvOverrides;
  cwd?: string;
  /** Killed (SIGKILL) and failed after this long: a test never hangs on the program. */
  timeoutMs?: number;
  /** A command that runs node for it (`setpriv --reuid=65534 ...`, `unshare --pid ...`): its argv before node's. */
  wrap?: readonly string[];
}

/** A running CLI process with piped stdin, for tests that feed it while it runs. */
export interface CliProcess {
  readonly pid: number | undefined;
  /** Writes to its stdin. */
  write(text: string): void;
  /** Closes its stdin (end of input). */
  end(text?: string): void;
  /** Resolves when stdout (so far or later) matches; rejects if the process ends first. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Its exit, once stdout and stderr are fully read; rejects (after killing it) on the overall timeout. */
  readonly result: Promise<CliResult>;
}

const running = new Set<{ kill: () => void; closed: Promise<unknown> }>();

/** For an afterEach: kills (SIGKILL) every CLI process a test started and left running, and waits for them. */
export async function stopAllCli(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill();
  await Promise.all(left.map((child) => child.closed));
}

/** Starts `node bin/factdeck.cjs ...args` without a terminal (stdin a pipe, or /dev/null). */
export function startCli(args: readonly string[], options: Omit<CliRunOptions, 'input'> = {}): CliProcess {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const started = Date.now();
  const [command, ...wrapArgs] = [...(options.wrap ?? []), process.execPath];
  const child = spawn(command as string, [...wrapArgs, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    stdio: [options.stdin === 'devnull' ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let closed = false;
  const watchers = new Set<() => void>();
  const notify = (): void => {
    for (const watcher of [...watchers]) watcher();
  };
  if (child.stdout === null || child.stderr === null) throw new Error('spawn gave no stdout/stderr pipes');
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    notify();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // The program may exit before reading all of its input (a usage error): that is not our failure.
  child.stdin?.on('error', () => undefined);
  const describe = (what: string): Error =>
    new Error(`factdeck ${args.join(' ')}: ${what}.\n--- stdout (end) ---\n${stdout.slice(-3000)}\n--- stderr (end) ---\n${stderr.slice(-3000)}`);

  const result = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(describe(`did not finish within ${timeoutMs} ms (killed)`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close', not 'exit': all of stdout and stderr has been read by then.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      closed = true;
      notify();
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });

  const entry = { kill: () => child.kill('SIGKILL'), closed: result.catch(() => undefined) };
  running.add(entry);
  void entry.closed.then(() => running.delete(entry));

  return {
    pid: child.pid,
    write: (text) => {
      child.stdin?.write(text);
    },
    end: (text) => {
      child.stdin?.end(text ?? '');
    },
    waitForStdout: (pattern, waitMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(describe(`timed out after ${waitMs} ms waiting for ${String(pattern)} on stdout`));
        }, waitMs);
        const watch = (): void => {
          const done = pattern.test(stdout);
          if (!done && !closed) return;
          watchers.delete(watch);
          clearTimeout(timer);
          if (done) resolve();
          else reject(describe(`ended without printing ${String(pattern)}`));
        };
        watchers.add(watch);
        watch();
      }),
    result,
  };
}

/** Runs `node bin/factdeck.cjs ...args` without a terminal, `input` on stdin, and resolves when it has exited. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  const run = startCli(args, options);
  if (options.stdin !== 'devnull') run.end(options.input ?? '');
  return run.result;
}

/** Fresh folders under the system temp folder; `removeAll` in an afterEach. */
export function tempDirs(prefix = 'factdeck-e2e-'): { make: () => Promise<string>; removeAll: () => Promise<void> } {
  const made: string[] = [];
  return {
    make: async () => {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll: async () => {
      await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/**
 * The progress database as the tests read it: straight from the files, no factdeck code involved (only
 * its types, which run nothing).
 */
export type { Attempt as DbAttempt, SessionRecord as DbSession, AliasRecord as DbAlias } from '../../src/storage/schema.js';
import type { Attempt as DbAttempt, SessionRecord as DbSession, AliasRecord as DbAlias } from '../../src/storage/schema.js';

export interface Db {
  schemaVersion: number;
  attempts: DbAttempt[];
  sessions: DbSession[];
  aliases: DbAlias[];
}

export const HISTORY_FILE = 'history.jsonl';

type LogEvent =
  | { type: 'attempt'; attempt: DbAttempt }
  | { type: 'claim'; attemptId: string; sessionId: string; profile: string; deckId: string; questionId: string; text: string; at: string }
  | { type: 'session'; session: DbSession }
  | { type: string };

/** The history log's events, whole lines only (a last line without its newline was never acknowledged). */
async function readLog(dataDir: string): Promise<{ events: LogEvent[]; offsets: number[] }> {
  let text: string;
  try {
    text = await readFile(join(dataDir, HISTORY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], offsets: [] };
    throw error;
  }
  const events: LogEvent[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', offset)) {
    const line = text.slice(offset, end);
    if (line.trim() !== '') {
      // A line is one save: an array of events (a single event in hand-written logs).
      const value = JSON.parse(line) as LogEvent | LogEvent[];
      for (const event of Array.isArray(value) ? value : [value]) {
        events.push(event);
        offsets.push(Buffer.byteLength(text.slice(0, offset)));
      }
    }
    offset = end + 1;
  }
  return { events, offsets };
}

/**
 * Reads <dataDir>/factdeck.json (throws when it is missing or is not JSON). Answers live in it (database
 * versions 1-2) or, from version 3, in the append-only history.jsonl beside it: then every attempt comes
 * from the log with its "I was right" claim applied, and the sessions and aliases of factdeck.json are
 * brought up to date with the log lines it does not include yet (its `logBytes`), as a fresh factdeck
 * process does when it opens the folder.
 */
export async function readDb(dataDir: string): Promise<Db> {
  const file = JSON.parse(await readFile(join(dataDir, DB_FILE), 'utf8')) as Partial<Db> & { schemaVersion: number; logBytes?: number };
  if (Array.isArray(file.attempts)) {
    return { schemaVersion: file.schemaVersion, attempts: file.attempts, sessions: file.sessions ?? [], aliases: file.aliases ?? [] };
  }
  const { events, offsets } = await readLog(dataDir);
  const attempts: DbAttempt[] = [];
  const sessions = new Map((file.sessions ?? []).map((session) => [session.id, { ...session }]));
  const aliases = [...(file.aliases ?? [])];
  const included = file.logBytes ?? 0;
  events.forEach((event, i) => {
    const unseen = (offsets[i] ?? 0) >= included;
    if (event.type === 'attempt' && 'attempt' in event) {
      attempts.push({ ...event.attempt });
      const session = sessions.get(event.attempt.sessionId);
      if (unseen && session) {
        session.answered++;
        if (event.attempt.correct) session.correct++;
      }
    } else if (event.type === 'claim' && 'attemptId' in event) {
      const attempt = attempts.find((a) => a.id === event.attemptId);
      if (attempt) Object.assign(attempt, { correct: true, claimed: true });
      const session = sessions.get(event.sessionId);
      if (unseen && session) session.correct++;
      if (unseen) aliases.push({ profile: event.profile, deckId: event.deckId, questionId: event.questionId, text: event.text, at: event.at });
    } else if (event.type === 'session' && 'session' in event && unseen) {
      sessions.set(event.session.id, { ...event.session });
    }
  });
  return { schemaVersion: file.schemaVersion, attempts, sessions: [...sessions.values()], aliases };
}

/** A stack trace line ("    at fn (file:1:2)") or an error's "Error: ..."/"TypeError: ..." head line. */
export const STACK_TRACE = /^\s*at .+:\d+:\d+\)?\s*$|Error: /m;
