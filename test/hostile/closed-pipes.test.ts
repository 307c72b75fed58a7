// No terminal, no input, and a reader that goes away: `factdeck ... | head -1` closes the pipe after the
// first line, and the program's next writes fail with EPIPE. It must then end at once and quietly (no
// stack trace, no hang); without a terminal, the interactive commands refuse in one line (exit 2).

import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, STACK_TRACE } from '../helpers/cli-run.js';
import { writeTrueFalseDeck } from '../helpers/cli-deck.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';

let sandbox: Sandbox;
let data: string;

beforeAll(async () => {
  sandbox = await makeSandbox();
  // Output far larger than a pipe's buffer (64 KiB), so writes are still to come when the reader leaves:
  // a deck of 3,000 facts to export, and 1,500 broken decks for `decks` and `check` to list.
  await writeTrueFalseDeck(sandbox.questions, 'apples', 3000);
  for (let i = 0; i < 1500; i++) {
    const dir = join(sandbox.questions, `broken-${String(i).padStart(4, '0')}`);
    await mkdir(dir);
    await writeFile(join(dir, 'deck.json'), '{"schemaVersion": 1}');
  }
  data = await sandbox.dataDir();
  // Some progress, for stats.
  const quiz = await runRaw(['quiz', '--plain', '--deck', 'apples', '--count', '20', '--seed', '1', '--data', data], { bin: sandbox.bin, cwd: sandbox.root, input: 'f\n'.repeat(20) });
  expect(quiz.code).toBe(0);
}, 60_000);
afterAll(async () => {
  await sandbox.remove();
});
afterEach(() => {
  killLeftovers();
});

function expectQuietEnd(result: RawResult): void {
  expect(result.signal).toBeNull();
  expect(result.code === 0 || result.code === 1).toBe(true);
  expect(result.err).not.toMatch(STACK_TRACE);
  expect(result.err).not.toMatch(/EPIPE|unexpected error/);
  expect(result.ms).toBeLessThan(10_000);
}

describe('stdout closed by the reader after the first chunk (EPIPE)', () => {
  it.each([
    ['decks', ['decks']],
    ['check', ['check']],
    ['export --format csv', ['export', '--format', 'csv', '--deck', 'apples']],
    ['export --format anki', ['export', '--format', 'anki', '--deck', 'apples']],
    ['stats', ['stats', '--deck', 'apples', '--data', '<data>']],
    ['stats --json', ['stats', '--json', '--deck', 'apples', '--data', '<data>']],
  ])('%s: ends quickly and quietly', async (_name, args) => {
    const result = await runRaw(args.map((arg) => (arg === '<data>' ? data : arg)), {
      bin: sandbox.bin,
      cwd: sandbox.root,
      closeStdoutAfterFirstChunk: true,
      timeoutMs: 20_000,
    });
    expect(result.stdout.length).toBeGreaterThan(0);
    expectQuietEnd(result);
  });

  // EPIPE winds the run down as SIGTERM does (a save under way finishes and releases its lock), then
  // exits 0.
  it('quiz --plain: the reader leaves after the first question, answers keep coming: it ends quickly and quietly', async () => {
    const started = Date.now();
    const child = spawn(process.execPath, [sandbox.bin, 'quiz', '--plain', '--deck', 'apples', '--count', '50', '--seed', '2', '--data', await sandbox.dataDir()], {
      cwd: sandbox.root,
      env: cliEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => undefined);
    const firstChunk = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await firstChunk;
    child.stdout.destroy();
    // The answers arrive after the reader is gone: the feedback to each has nowhere to go.
    for (let i = 0; i < 50 && child.exitCode === null; i++) child.stdin.write('t\n');
    child.stdin.end();
    const { code, signal } = await closed;
    clearTimeout(timer);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr).not.toMatch(/EPIPE|unexpected error/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('no terminal, no input', () => {
  it.each([
    ['quiz', ['quiz', '--deck', 'apples']],
    ['review', ['review', '--deck', 'apples']],
    ['study', ['study', '--deck', 'apples']],
    ['the menu (no command)', []],
  ])('%s without --plain, stdin </dev/null: exit 2 at once with a one-line message', async (_name, args) => {
    const result = await runRaw([...args, '--data', await sandbox.dataDir()], { bin: sandbox.bin, cwd: sandbox.root, input: 'devnull', timeoutMs: 10_000 });
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    const lines = result.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^factdeck: .*(--plain|terminal)/);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(result.ms).toBeLessThan(5_000);
  });

  it.each([
    ['quiz --plain', ['quiz', '--plain', '--deck', 'apples']],
    ['review --plain', ['review', '--plain', '--deck', 'apples']],
    ['study --plain', ['study', '--plain', '--deck', 'apples']],
  ])('%s with stdin </dev/null: ends at once (the input is over), exit 0, nothing saved as answered', async (_name, args) => {
    const result = await runRaw([...args, '--data', await sandbox.dataDir()], { bin: sandbox.bin, cwd: sandbox.root, input: 'devnull', timeoutMs: 10_000 });
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).not.toMatch(/^(Correct|Wrong)/m);
    expect(result.ms).toBeLessThan(5_000);
  });

  it('reset without --yes and without a terminal: refused, nothing deleted', async () => {
    const result = await runRaw(['reset', '--profile', 'default', '--data', data], { bin: sandbox.bin, cwd: sandbox.root, input: 'devnull', timeoutMs: 10_000 });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^factdeck: reset needs a confirmation/);
    const stats = await runRaw(['stats', '--deck', 'apples', '--data', data], { bin: sandbox.bin, cwd: sandbox.root });
    expect(stats.out).toContain('20 answers');
  });
});
