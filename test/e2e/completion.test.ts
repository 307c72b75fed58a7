// Shell completion: what `factdeck __complete` offers, decided from the same command definitions as
// --help, and the scripts of `factdeck completion bash|zsh|fish` driven by the real shells: bash (always
// installed) typed at in a pseudo-terminal, Tab by Tab; zsh and fish the same way when they are installed.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { describeProgram } from '../../src/cli.js';
import { planCompletion } from '../../src/commands/completion.js';
import { BIN, ROOT, requireBuild, runCli, tempDirs } from '../helpers/cli-run.js';
import { PtySession } from '../helpers/pty-session.js';

const DECK_ID = 'blinken-visit-beijing';
const DECK_TITLE = (JSON.parse(readFileSync(join(ROOT, 'questions', DECK_ID, 'deck.json'), 'utf8')) as { title: string }).title;
const program = describeProgram(ROOT);
const offered = (...words: string[]): string[] => planCompletion(program, words).candidates.map((candidate) => candidate.value);

describe('what is offered, from the command definitions', () => {
  test.each([
    ['the commands, at the start', [''], ['check', 'decks', 'rm', 'learn', 'edit', 'suspended', 'unsuspend', 'quiz', 'review', 'study', 'build', 'export', 'import', 'doctor', 'stats', 'config', 'optimize', 'profiles', 'reset', 'completion']],
    ['the commands that start with what is typed', ['st'], ['study', 'stats']],
    ['a command\'s options', ['stats', '--'], ['--data', '--profile', '--deck', '--plain', '--json', '--help']],
    ['the options that start with what is typed', ['quiz', '--d'], ['--data', '--deck']],
    ['the program\'s own options before a command', ['--d'], ['--debug', '--data', '--deck']],
    ['question kinds for --kind', ['review', '--kind', 'c'], ['choice', 'cloze']],
    ['orders for --order', ['quiz', '--order', ''], ['due', 'new', 'hardest', 'random']],
    ['learn mode: --learn for quiz, --no-learn for review', ['quiz', '--le'], ['--learn']],
    ['review turns learn mode off', ['review', '--no'], ['--no-learn']],
    ['export formats for --format', ['export', '--format', ''], ['anki', 'csv', 'json', 'apkg']],
    ['export formats in --format=...', ['export', '--format=j'], ['--format=json']],
    ['shells for completion', ['completion', ''], ['bash', 'zsh', 'fish']],
    ['nothing for a value with no list (--count)', ['quiz', '--count', ''], []],
    ['the command after `help`', ['help', 'qu'], ['quiz']],
    ['a command found after global options', ['--debug', 'stats', '--j'], ['--json']],
  ])('%s', (_what, words, expected) => {
    expect(offered(...words)).toEqual(expected);
  });

  test.each([
    ['deck ids for --deck', ['quiz', '--deck', ''], 'decks'],
    ['profiles for --profile', ['stats', '--profile', 'a'], 'profiles'],
    ['folders for --data', ['doctor', '--data', ''], 'dirs'],
    ['files for build\'s article', ['build', ''], 'files'],
    ['files for import', ['import', 'car'], 'files'],
    ['files for --out of export', ['export', '--out', ''], 'files'],
  ])('%s', (_what, words, source) => {
    expect(planCompletion(program, words).source).toBe(source);
  });

  test('remembers --data typed earlier, to list that folder\'s profiles', () => {
    expect(planCompletion(program, ['quiz', '--data', '/somewhere', '--profile', '']).data).toBe('/somewhere');
    expect(planCompletion(program, ['quiz', '--data=/elsewhere', '--profile', '']).data).toBe('/elsewhere');
  });
});

describe('factdeck __complete, the built program', () => {
  const dirs = tempDirs('factdeck-complete-');
  afterAll(() => dirs.removeAll());
  beforeAll(() => requireBuild());

  test('lists deck ids, with their titles for shells that show descriptions', async () => {
    const result = await runCli(['__complete', 'zsh', '--', 'quiz', '--deck', '']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${DECK_ID}\t${DECK_TITLE}\n`);
  });

  test('lists the profiles of the data folder given on the line', async () => {
    const data = await dirs.make();
    for (const profile of ['ana', 'ben']) {
      expect((await runCli(['quiz', '--plain', '--deck', DECK_ID, '--data', data, '--profile', profile, '-n', '1'], { input: '\n' })).code).toBe(0);
    }
    const result = await runCli(['__complete', 'bash', '--', 'stats', '--data', data, '--profile', '']);
    expect(result.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(['ana', 'ben', '']);
  });

  test('never prints an error, even for a data folder it cannot read', async () => {
    const file = join(await dirs.make(), 'not-a-folder');
    await writeFile(file, 'x');
    const result = await runCli(['__complete', 'bash', '--', 'stats', '--data', file, '--profile', '']);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  test('asks the shell for files where a file is wanted', async () => {
    expect((await runCli(['__complete', 'bash', '--', 'build', ''])).stdout).toBe(':files\n');
  });

  test('`factdeck completion` for a shell it does not know: a usage error naming the ones it does', async () => {
    const result = await runCli(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no completion for "powershell"/);
    expect(result.stderr).toMatch(/bash, zsh, fish/);
  });
});

/** A folder holding a `factdeck` command that runs the built program: what an installed one puts on PATH. */
async function commandOnPath(dir: string): Promise<string> {
  const bin = join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'factdeck'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  await chmod(join(bin, 'factdeck'), 0o755);
  return bin;
}

function installed(shell: string): string | null {
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin']) if (existsSync(join(dir, shell))) return join(dir, shell);
  return null;
}

describe('the completion scripts in the real shells, Tab by Tab', () => {
  const dirs = tempDirs('factdeck-shell-');
  let sessions: PtySession[] = [];
  let bin: string;
  let home: string;
  beforeAll(async () => {
    requireBuild();
    home = await dirs.make();
    bin = await commandOnPath(home);
  });
  afterEach(async () => {
    await Promise.all(sessions.map((session) => session.dispose()));
    sessions = [];
  });
  afterAll(() => dirs.removeAll());

  function shell(path: string, args: string[], prompt: string): PtySession {
    const session = new PtySession(args, {
      program: path,
      cwd: home,
      env: { HOME: home, PATH: `${bin}:/usr/bin:/bin`, PS1: prompt, NO_COLOR: undefined, FACTDECK_DATA: join(home, 'data') },
      cols: 200,
    });
    sessions.push(session);
    return session;
  }

  /** Types `keys`, then Tab(s), and waits until the line being edited, as the terminal shows it, ends with `expected` (spaces at its end not counted). */
  async function complete(session: PtySession, keys: string, tabs: string, expected: RegExp): Promise<void> {
    session.write(`${keys}${tabs}`);
    await session.waitForCursorRow(new RegExp(`${expected.source}\\s*$`), 15_000);
  }

  test('bash', async () => {
    const bash = installed('bash');
    expect(bash, 'bash is always installed').not.toBeNull();
    const session = shell(bash as string, ['--norc', '--noprofile', '-i'], 'READY$ ');
    await session.waitFor('READY$');
    await session.press('source <(factdeck completion bash)\r', /READY\$ $/);
    await complete(session, 'factdeck qu', '\t', /factdeck quiz/);
    await complete(session, '--de', '\t', /factdeck quiz --deck/);
    await complete(session, '', '\t', new RegExp(`factdeck quiz --deck ${DECK_ID}`));
    await complete(session, '--ki', '\t', /--kind/);
    await complete(session, 'tr', '\t', /--kind true-false/);
    // Two candidates: the first Tab completes what they share, the second lists them.
    session.mark();
    session.write('\x15factdeck export --format \t\t');
    await session.waitFor(/anki\s+apkg\s+csv\s+json/, 15_000);
    await session.waitForCursorRow(/^READY\$ factdeck export --format\s*$/);
    session.write('\x15');
    await complete(session, 'factdeck export --format=cs', '\t', /--format=csv/);
    session.write('\x15exit\r');
    await session.waitForExit();
  }, 60_000);

  test.skipIf(installed('zsh') === null)('zsh (when installed)', async () => {
    const session = shell(installed('zsh') as string, ['-f', '-i'], 'READY%% ');
    await session.waitFor('READY%');
    await session.press('autoload -Uz compinit && compinit -u && source <(factdeck completion zsh); print load""ed\r', /loaded[\s\S]*READY% $/, 15_000);
    await complete(session, 'factdeck qu', '\t', /factdeck quiz/);
    await complete(session, '--de', '\t', /factdeck quiz --deck/);
    await complete(session, '', '\t', new RegExp(`factdeck quiz --deck ${DECK_ID}`));
    session.write('\x15');
    await complete(session, 'factdeck stats --', '\t', /READY% factdeck stats --/);
    await session.waitFor(/--json +-- the numbers as JSON/);
    session.write('\x15exit\r');
    await session.waitForExit();
  }, 60_000);

  test.skipIf(installed('fish') === null)('fish (when installed), through its own completion engine', () => {
    const run = (line: string): string =>
      execFileSync(installed('fish') as string, ['--no-config', '-c', `factdeck completion fish | source; complete -C '${line}'`], {
        env: { HOME: home, PATH: `${bin}:/usr/bin:/bin`, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, FACTDECK_DATA: join(home, 'data') },
        encoding: 'utf8',
      });
    expect(run('factdeck qu')).toMatch(/^quiz\ta quiz of mixed kinds/m);
    expect(run('factdeck quiz --deck ')).toBe(`${DECK_ID}\t${DECK_TITLE}\n`);
    expect(run('factdeck review --kind m')).toBe('multi-select\n');
  });
});
