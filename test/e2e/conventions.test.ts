// The conventions of well-liked command-line programs, as a user meets them: global options anywhere on
// the line, a dumb terminal treated as one, no file overwritten without --force. Run against the built
// program, through pipes and in a real pseudo-terminal.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, STACK_TRACE, requireBuild, runCli, tempDirs } from '../helpers/cli-run.js';
import { PtySession } from '../helpers/pty-session.js';

const DECK = join(ROOT, 'questions', 'blinken-visit-beijing');
const BROKEN = join(ROOT, 'test', 'fixtures', 'decks', 'broken-json-syntax');
const VERSION = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
// eslint-disable-next-line no-control-regex -- any escape sequence at all
const ESCAPE = /\u001b/;

const dirs = tempDirs('factdeck-conventions-');
const sessions: PtySession[] = [];
beforeAll(() => requireBuild());
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
  await dirs.removeAll();
});

function pty(args: string[], env: Record<string, string | undefined> = {}, cols = 100): PtySession {
  const session = new PtySession(args, { env: { NO_COLOR: undefined, ...env }, cols });
  sessions.push(session);
  return session;
}

describe('--version, -v and -V print the version, before or after the command name', () => {
  const lines = [['-v'], ['-V'], ['--version'], ['decks', '-v'], ['quiz', '--plain', '-v'], ['stats', '--version'], ['doctor', '-V'], ['completion', 'bash', '-v']];
  test.each(lines.map((args) => [args.join(' '), args] as const))(
    'factdeck %s',
    async (_line, args) => {
      const result = await runCli(args);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(`${VERSION}\n`);
      expect(result.code).toBe(0);
    },
  );

  test('the help lists -v, --version and --no-color', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toMatch(/^ {2}-v, --version +print the version$/m);
    expect(result.stdout).toMatch(/^ {2}--no-color +no colours/m);
  });
});

describe('--debug after the command name', () => {
  test('is accepted where the error message says to use it, and adds the details', async () => {
    const data = await dirs.make();
    const without = await runCli(['quiz', '--plain', '--deck', BROKEN, '--data', data]);
    expect(without.code).toBe(1);
    expect(without.stderr).not.toMatch(STACK_TRACE);
    for (const args of [
      ['quiz', '--plain', '--deck', BROKEN, '--data', data, '--debug'],
      ['--debug', 'quiz', '--plain', '--deck', BROKEN, '--data', data],
    ]) {
      const result = await runCli(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(without.stderr.split('\n')[0]);
      expect(result.stderr).toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }
  });

  test('doctor --debug works (it was refused as an unknown option)', async () => {
    const result = await runCli(['doctor', '--data', await dirs.make(), '--debug']);
    expect(result.stderr).not.toMatch(/unknown option/);
    expect(result.code).toBe(0);
  });

  test('after --, it is an argument like any other', async () => {
    const result = await runCli(['check', '--', '--debug']);
    expect(result.stdout + result.stderr).toMatch(/--debug/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('colour and the terminal', () => {
  test('a terminal gets colour; --no-color before or after the command name turns it off', async () => {
    const coloured = pty(['decks']);
    await coloured.waitForExit();
    expect(coloured.rawOutput()).toMatch(ESCAPE);
    for (const args of [['decks', '--no-color'], ['--no-color', 'decks']]) {
      const session = pty(args);
      expect((await session.waitForExit()).exitCode).toBe(0);
      expect(session.output()).toMatch(/blinken-visit-beijing/);
      expect(session.rawOutput()).not.toMatch(ESCAPE);
    }
  });

  test('TERM=dumb: no colour, as with NO_COLOR', async () => {
    const session = pty(['decks'], { TERM: 'dumb' });
    expect((await session.waitForExit()).exitCode).toBe(0);
    expect(session.output()).toMatch(/blinken-visit-beijing/);
    expect(session.rawOutput()).not.toMatch(ESCAPE);
  });

  test('TERM=dumb: a quiz runs in plain mode without being asked (no cursor movement), one answer a line', async () => {
    const data = await dirs.make();
    const session = pty(['quiz', '--deck', DECK, '--data', data, '-n', '2', '--seed', '4'], { TERM: 'dumb' });
    await session.waitFor(/Question 1 of 2/);
    await session.waitFor(/don't know/);
    session.write('\r');
    await session.waitFor(/Question 2 of 2/);
    await session.waitFor(/don't know/);
    session.write('\r');
    await session.waitFor(/Score: 0\/2/);
    expect((await session.waitForExit()).exitCode).toBe(0);
    expect(session.rawOutput()).not.toMatch(ESCAPE);
  });

  test('TERM=dumb: no menu, and a message that says why', async () => {
    const session = pty(['--data', await dirs.make()], { TERM: 'dumb' });
    expect((await session.waitForExit()).exitCode).toBe(2);
    expect(session.output()).toMatch(/dumb terminal \(TERM=dumb\) has no menu/);
    expect(session.rawOutput()).not.toMatch(ESCAPE);
  });
});

describe('export --out', () => {
  test('refuses to overwrite a file without --force, and replaces it with --force', async () => {
    const file = join(await dirs.make(), 'deck.csv');
    await writeFile(file, 'mine, not to be lost\n');
    const refused = await runCli(['export', '--deck', DECK, '--format', 'csv', '--out', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists/);
    expect(refused.stderr).toMatch(/--force/);
    expect(await readFile(file, 'utf8')).toBe('mine, not to be lost\n');

    const forced = await runCli(['export', '--deck', DECK, '--format', 'csv', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^front,back,tags/);
  });

  test('--json without --out is a usage error: the export itself is the output', async () => {
    const result = await runCli(['export', '--deck', DECK, '--format', 'csv', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--json describes the file written with --out/);
    expect(result.stdout).toBe('');
  });
});
