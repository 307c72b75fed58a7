// A throwaway install of the BUILT program: package.json, bin/ and dist/ copied into a temp folder (its
// package root, so its questions/ folder is the one `decks`, `check` and a quiz without --deck read),
// node_modules linked to the real one. Hostile decks go in there, never in the real questions/ folder.
// Runs capture stdout and stderr as raw bytes: what a terminal would be sent, before any decoding.

import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, cliEnv, requireBuild, type EnvOverrides } from './cli-run.js';

export interface Sandbox {
  /** The sandbox's package root. */
  root: string;
  bin: string;
  questions: string;
  /** A fresh data folder for one run's progress. */
  dataDir(name?: string): Promise<string>;
  remove(): Promise<void>;
}

export async function makeSandbox(): Promise<Sandbox> {
  requireBuild();
  const root = await mkdtemp(join(tmpdir(), 'factdeck-hostile-'));
  await cp(join(ROOT, 'package.json'), join(root, 'package.json'));
  await cp(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  await cp(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const questions = join(root, 'questions');
  await mkdir(questions);
  let made = 0;
  return {
    root,
    bin: join(root, 'bin', 'factdeck.cjs'),
    questions,
    dataDir: async (name) => {
      const dir = join(root, 'data-runs', name ?? `run-${++made}`);
      await mkdir(dir, { recursive: true });
      return dir;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export interface RawResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
  /** The same, decoded (for messages and text assertions). */
  out: string;
  err: string;
  ms: number;
}

export interface RawRunOptions {
  bin?: string;
  cwd?: string;
  env?: EnvOverrides;
  /** Written to stdin, then stdin is closed; 'devnull' for </dev/null. Default: an empty pipe. */
  input?: string | Buffer | 'devnull';
  timeoutMs?: number;
  /**
   * Destroys our end of the stdout pipe as soon as the first chunk arrives (a reader such as `head -1`
   * going away): the program's next writes fail with EPIPE.
   */
  closeStdoutAfterFirstChunk?: boolean;
}

const running = new Set<() => void>();

/** For an afterEach: no process a failed test started is left behind. */
export function killLeftovers(): void {
  for (const kill of running) kill();
  running.clear();
}

/** Runs `node <bin> ...args` without a terminal and resolves with its raw output when it has exited. */
export function runRaw(args: readonly string[], options: RawRunOptions = {}): Promise<RawResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [options.bin ?? join(ROOT, 'bin', 'factdeck.cjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    stdio: [options.input === 'devnull' ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  running.add(kill);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  if (child.stdout === null || child.stderr === null) throw new Error('spawn gave no stdout/stderr pipes');
  const stdout = child.stdout;
  stdout.on('data', (chunk: Buffer) => {
    out.push(chunk);
    if (options.closeStdoutAfterFirstChunk === true) stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  if (child.stdin !== null) {
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input === undefined || options.input === 'devnull' ? '' : options.input);
  }
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise<RawResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      const text = Buffer.concat(err).toString('utf8');
      reject(new Error(`factdeck ${args.join(' ')} did not finish within ${timeoutMs} ms (killed); stderr: ${text.slice(-2000)}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(kill);
      const stdoutBytes = Buffer.concat(out);
      const stderrBytes = Buffer.concat(err);
      resolve({
        code,
        signal,
        stdout: stdoutBytes,
        stderr: stderrBytes,
        out: stdoutBytes.toString('utf8'),
        err: stderrBytes.toString('utf8'),
        ms: Date.now() - started,
      });
    });
  });
}
