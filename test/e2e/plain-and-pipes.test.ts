// The built CLI without a terminal: --plain quizzes fed from a pipe, refusals and usage errors, a corrupt
// database, NO_COLOR, and two processes answering into one database at the same time.

import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DB_FILE, ROOT, STACK_TRACE, readDb, requireBuild, runCli, stopAllCli, startCli, tempDirs } from '../helpers/cli-run.js';
import {
  expectedGiven,
  parseShownOptions,
  planAnswer,
  plainBlocks,
  plainLine,
  plainQuestion,
  resolveOptions,
  theBuiltInDeck,
  writeTrueFalseDeck,
  type DeckFile,
} from '../helpers/cli-deck.js';
import { startPty, type PtySession } from '../helpers/pty-session.js';

const ESC = '\u001b';
const VERDICT_LINE = /^(Correct|Wrong)/;

let deck: DeckFile;
const dirs = tempDirs();
const sessions: PtySession[] = [];

beforeAll(async () => {
  requireBuild();
  deck = await theBuiltInDeck();
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
  await stopAllCli();
  await dirs.removeAll();
});

function verdictLines(text: string): string[] {
  return text.split('\n').filter((line) => VERDICT_LINE.test(line));
}

describe('--plain from a pipe', () => {
  test('answers read line by line, each followed by one verdict line; at end of input what was answered is saved', async () => {
    const args = ['quiz', '--plain', '--count', '5', '--seed', '9'];
    // Learn what seed 9 asks on fresh progress (every answer "don't know")...
    const scout = await runCli([...args, '--data', await dirs.make()], { input: '\n'.repeat(5) });
    expect(scout.code).toBe(0);
    const shown = plainBlocks(scout.stdout);
    expect(shown.map((b) => b.number)).toEqual([1, 2, 3, 4, 5]);

    // ...then, on other fresh progress, the same quiz answered: right, wrong, right, and input ends.
    const planned = shown.slice(0, 3).map((block, i) => {
      const question = plainQuestion(deck, block);
      const options = resolveOptions(question, parseShownOptions(block.asked));
      return { question, options, plan: planAnswer(question, options, i !== 1) };
    });
    const dir = await dirs.make();
    const run = await runCli([...args, '--data', dir], { input: planned.map((p) => `${plainLine(p.plan)}\n`).join('') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const blocks = plainBlocks(run.stdout);
    // The same seed on the same (empty) progress: the same questions, in the same order.
    expect(blocks.map((b) => b.asked)).toEqual(shown.slice(0, 4).map((b) => b.asked));
    expect(blocks).toHaveLength(4);
    expect(blocks.slice(0, 3).map((b) => verdictLines(b.text))).toEqual([
      [expect.stringMatching(/^Correct\./)],
      [expect.stringMatching(/^Wrong\. The answer: /)],
      [expect.stringMatching(/^Correct\./)],
    ]);
    // The fourth question was shown, then the input ended: no verdict, nothing more asked.
    expect(verdictLines(blocks[3]?.text ?? '')).toEqual([]);
    expect(run.stdout).toMatch(/Score: 2\/3 \(67%\)/);

    const db = await readDb(dir);
    expect(db.attempts).toHaveLength(3);
    db.attempts.forEach((attempt, i) => {
      const { question, options, plan } = planned[i] as (typeof planned)[number];
      expect(attempt).toMatchObject({ questionId: question.id, kind: question.kind, given: expectedGiven(plan, options), correct: i !== 1 });
    });
    expect(db.sessions).toEqual([expect.objectContaining({ status: 'abandoned', answered: 3, correct: 2, planned: 5 })]);
  });

  test('an answer that does not fit ("9" for a choice of four) gets a hint and is read again, not graded', async () => {
    const dir = await dirs.make();
    const run = await runCli(['quiz', '--deck', 'blinken-visit-beijing', '--plain', '--kind', 'choice', '--count', '1', '--seed', '1', '--data', dir], { input: '9\n1\n' });
    expect(run.code).toBe(0);
    const [block] = plainBlocks(run.stdout);
    const options = parseShownOptions(block?.asked ?? '');
    expect(options.size).toBeGreaterThanOrEqual(2);
    expect(options.size).toBeLessThan(9);
    expect(block?.text).toContain(`Answer with one number from 1 to ${options.size}, or an empty line for don't know.`);
    expect(verdictLines(block?.text ?? '')).toHaveLength(1);
    const hintAt = block?.text.indexOf('Answer with one number from') ?? -1;
    const verdictAt = block?.text.search(/^(Correct|Wrong)/m) ?? -1;
    expect(hintAt).toBeLessThan(verdictAt);

    const db = await readDb(dir);
    expect(db.attempts).toHaveLength(1);
    expect(db.attempts[0]?.given).toBe(options.get(1));
  });
});

describe('typed answers through the built program', () => {
  test('a slip is forgiven and the nearest accepted spelling named; a real word that differs is wrong', async () => {
    const parent = await dirs.make();
    const deckDir = join(parent, 'one-call');
    await mkdir(deckDir);
    const article = 'Talks\nBlinken recently spoke with China’s Foreign Minister Qin Gang.\n';
    await writeFile(join(deckDir, 'article.txt'), article);
    const question = { id: 'q-call', factId: 'f-call', kind: 'short-answer', prompt: 'Whom did Blinken speak with?', answer: 'Qin Gang', accept: ['China’s Foreign Minister Qin Gang'], explanation: 'He spoke with Qin Gang.' };
    const fact = { id: 'f-call', statement: 'Blinken spoke with Qin Gang.', quote: 'Blinken recently spoke with China’s Foreign Minister Qin Gang', topic: 'talks' };
    const deckJson = { schemaVersion: 1, id: 'one-call', title: 'One call', source: { headline: 'Talks', dateline: '', date: '' }, origin: 'hand', facts: [fact], questions: [question] };
    await writeFile(join(deckDir, 'deck.json'), JSON.stringify(deckJson));
    const answer = async (given: string): Promise<string> => {
      const result = await runCli(['quiz', '--plain', '--deck', deckDir, '--count', '1', '--data', await dirs.make()], { input: `${given}\n` });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return verdictLines(result.stdout).join('\n');
    };
    expect(await answer('Chinese Foriegn Minister Qin Gang')).toBe('Correct. (mind the spelling: China’s Foreign Minister Qin Gang)');
    expect(await answer('Chinese Foreign Ministry Qin Gang')).toBe('Wrong. The answer: Qin Gang');
    expect(await answer('Qin Gong')).toBe('Wrong. The answer: Qin Gang');
  });
});

describe('without a terminal and without --plain', () => {
  test.each([
    ['quiz', 'pipe'],
    ['quiz', 'devnull'],
    ['review', 'pipe'],
    ['review', 'devnull'],
  ] as const)('%s with stdin from a %s: exit 2 at once, one line suggesting --plain', async (command, stdin) => {
    const dir = await dirs.make();
    const run = await runCli([command, '--data', dir], { stdin, input: stdin === 'pipe' ? 't\n' : undefined, timeoutMs: 10_000 });
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^factdeck: .*factdeck ${command} --plain`));
    expect(run.stdout).toBe('');
    expect(run.ms).toBeLessThan(5000);
    expect(existsSync(join(dir, DB_FILE))).toBe(false);
  });
});

describe('usage errors and help', () => {
  test.each([
    ['an unknown flag', ['quiz', '--plain', '--bogus'], /unknown option '--bogus'/],
    ['--count 0', ['quiz', '--plain', '--count', '0'], /--count must be a whole number of 1 or more, not "0"/],
    ['--count abc', ['quiz', '--plain', '--count', 'abc'], /--count must be a whole number of 1 or more, not "abc"/],
    ['--kind essay', ['quiz', '--plain', '--kind', 'essay'], /--kind "essay" is not a question kind[\s\S]*the kinds are: choice, true-false/],
    ['--deck nope', ['quiz', '--plain', '--deck', 'nope'], /no deck "nope"/],
    ['an unknown command', ['quizz'], /too many arguments|unknown command/],
  ])('%s: exit 2 with a message, no stack trace', async (_what, args, message) => {
    const dir = await dirs.make();
    const run = await runCli([...args, '--data', dir], { input: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^factdeck: /);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(join(dir, DB_FILE))).toBe(false);
  });

  test('--version prints the version of package.json, exit 0', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  test('--help of the program and of every command: exit 0; quiz and review say where progress lives', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    const commands = [...(top.stdout.split(/^Commands:$/m)[1] ?? '').matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['quiz', 'review', 'decks', 'check']));
    const runs = await Promise.all(commands.map((command) => runCli([command, '--help'])));
    runs.forEach((run, i) => {
      const command = commands[i] as string;
      expect(run.code, `${command} --help`).toBe(0);
      expect(run.stdout, `${command} --help`).toMatch(new RegExp(`^Usage: factdeck ${command}`));
    });
    for (const command of ['quiz', 'review']) {
      const run = await runCli([command, '--help']);
      expect(run.stdout).toMatch(/Where progress and your own decks \(decks\/\) live: --data DIR, else \$FACTDECK_DATA/);
      expect(run.stdout).toMatch(/--data <dir>/);
    }
    // Two dozen commands, each a process of its own: more than the default 30 s on a loaded machine.
  }, 120_000);
});

describe('a corrupt database', () => {
  test('quiz --plain exits 1 naming the file, without a stack trace, and leaves the file byte for byte', async () => {
    const dir = await dirs.make();
    const file = join(dir, DB_FILE);
    const broken = Buffer.from('{"schemaVersion": 1, "attempts": [', 'utf8');
    await writeFile(file, broken);
    const run = await runCli(['quiz', '--deck', 'blinken-visit-beijing', '--plain', '--data', dir], { input: 't\n1\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/invalid JSON/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).not.toMatch(/Question 1 of/);
    expect((await readFile(file)).equals(broken)).toBe(true);
  });
});

describe('decks already checked', () => {
  test('a quiz remembers a deck that passed its check in the user cache folder, and checks it again once it changes', async () => {
    const root = await dirs.make();
    const cacheHome = join(root, 'cache');
    const deckDir = join(root, 'mini');
    await cp(join(ROOT, 'test', 'fixtures', 'decks', 'mini'), deckDir, { recursive: true });
    const quiz = (): ReturnType<typeof runCli> =>
      runCli(['quiz', '--plain', '--deck', deckDir, '--data', join(root, 'data'), '-n', '1', '--seed', '1'], { input: '\n', env: { XDG_CACHE_HOME: cacheHome } });
    const first = await quiz();
    expect(first.code).toBe(0);
    const entries = await readdir(join(cacheHome, 'factdeck', 'decks'));
    expect(entries.filter((name) => /^[0-9a-f]{64}\.check$/.test(name))).toHaveLength(1);
    const again = await quiz();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Question 1 of 1/);
    expect(await readdir(join(cacheHome, 'factdeck', 'decks'))).toEqual(entries);
    // Broken after it was remembered: its new bytes are checked, and the quiz refuses it.
    const text = await readFile(join(deckDir, 'deck.json'), 'utf8');
    await writeFile(join(deckDir, 'deck.json'), text.replace('"schemaVersion": 1', '"schemaVersion": 7'));
    const broken = await quiz();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/schemaVersion/);
    expect(broken.stdout).not.toMatch(/Question 1 of/);
  });
});

describe('NO_COLOR', () => {
  test('decks and a plain quiz print no escape character, through a pipe', async () => {
    const decks = await runCli(['decks', '--data', await dirs.make()]);
    expect(decks.code).toBe(0);
    expect(decks.stdout).toContain(deck.id);
    expect(decks.stdout).not.toContain(ESC);
    const quiz = await runCli(['quiz', '--deck', 'blinken-visit-beijing', '--plain', '--count', '2', '--seed', '1', '--data', await dirs.make()], { input: '\n\n' });
    expect(quiz.code).toBe(0);
    expect(quiz.stdout).toMatch(/Score: 0\/2/);
    expect(quiz.stdout + quiz.stderr).not.toContain(ESC);
  });

  test('in a terminal, where colour is otherwise on: NO_COLOR=1 takes every escape out of decks and a plain quiz', async () => {
    const run = async (args: string[], env: Record<string, string | undefined>, done: RegExp, input = ''): Promise<string> => {
      const session = startPty(args, { env });
      sessions.push(session);
      if (input !== '') {
        await session.waitFor(/An empty line: don't know\./);
        session.write(input);
      }
      await session.waitFor(done);
      expect((await session.waitForExit()).exitCode).toBe(0);
      return session.rawOutput();
    };
    const coloured = await run(['decks'], { NO_COLOR: undefined }, /topics:/);
    expect(coloured, 'without NO_COLOR a terminal gets colour (else this test proves nothing)').toContain(ESC);
    expect(await run(['decks'], { NO_COLOR: '1' }, /topics:/)).not.toContain(ESC);
    const quiz = await run(['quiz', '--plain', '--count', '1', '--seed', '1', '--data', await dirs.make()], { NO_COLOR: '1' }, /Score: 0\/1/, '\r');
    expect(quiz).not.toContain(ESC);
  });
});

describe('two processes, one database', () => {
  test('two overlapping runs of 200 answers each: 400 attempts with unique ids, both sessions finished', { timeout: 60_000 }, async () => {
    const fixtures = await dirs.make();
    const deckDir = await writeTrueFalseDeck(fixtures, 'two-hundred-crates', 200);
    const check = await runCli(['check', deckDir]);
    expect(check.stdout).toMatch(/ok .*\(200 facts, 200 questions\)/);
    expect(check.code).toBe(0);

    const dir = await dirs.make();
    const args = ['quiz', '--plain', '--deck', deckDir, '--count', '200', '--data', dir];
    const runs = [startCli([...args, '--seed', '1'], { timeoutMs: 50_000 }), startCli([...args, '--seed', '2'], { timeoutMs: 50_000 })];
    // Both have opened the database and started their session before either gets an answer: they overlap.
    await Promise.all(runs.map((run) => run.waitForStdout(/^Question 1 of 200/m)));
    for (const run of runs) run.end('t\n'.repeat(200));
    const results = await Promise.all(runs.map((run) => run.result));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Score: 200\/200 \(100%\)/);
    }

    const db = await readDb(dir);
    expect(db.attempts).toHaveLength(400);
    expect(new Set(db.attempts.map((attempt) => attempt.id)).size).toBe(400);
    expect(db.sessions).toHaveLength(2);
    for (const session of db.sessions) {
      expect(session).toMatchObject({ status: 'finished', answered: 200, correct: 200, planned: 200 });
      const mine = db.attempts.filter((attempt) => attempt.sessionId === session.id);
      expect(mine).toHaveLength(200);
      expect(new Set(mine.map((attempt) => attempt.questionId)).size).toBe(200);
    }
    // They really overlapped: each started before the other ended.
    const [first, second] = db.sessions as [(typeof db.sessions)[number], (typeof db.sessions)[number]];
    expect(first.startedAt < (second.endedAt ?? ''), JSON.stringify(db.sessions)).toBe(true);
    expect(second.startedAt < (first.endedAt ?? ''), JSON.stringify(db.sessions)).toBe(true);
  });
});

describe('a run killed outright', () => {
  test('its session is closed as abandoned by the next run of the profile; its answer is kept', async () => {
    const dir = await dirs.make();
    const killed = startCli(['quiz', '--deck', 'blinken-visit-beijing', '--plain', '--kind', 'true-false', '--count', '3', '--seed', '4', '--data', dir]);
    killed.write('true\n');
    await killed.waitForStdout(/^(Correct|Wrong)/m);
    process.kill(killed.pid as number, 'SIGKILL');
    await killed.result.catch(() => undefined);
    const before = await readDb(dir);
    expect(before.sessions.map((s) => s.status)).toEqual(['active']);

    const next = await runCli(['quiz', '--deck', 'blinken-visit-beijing', '--plain', '--kind', 'true-false', '--count', '1', '--seed', '5', '--data', dir], { input: 'true\n', timeoutMs: 30_000 });
    expect(next.code, next.stderr).toBe(0);
    const after = await readDb(dir);
    const first = after.sessions.find((s) => s.id === before.sessions[0]!.id);
    expect(first).toMatchObject({ status: 'abandoned', answered: 1 });
    expect(first?.endedAt).not.toBeNull();
    expect(after.sessions.filter((s) => s.status === 'finished')).toHaveLength(1);
    expect(after.attempts).toHaveLength(2);
  });
});
