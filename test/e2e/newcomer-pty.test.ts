// What a newcomer reaches for in a real terminal (issue 12): Ctrl+C at a deck picker and in the menu exits
// 130, q and Esc go back one level, a double-tapped Enter is not an answer, u takes an answer back, and
// --deck takes a unique prefix. Against a sandbox install with two decks of its own (never the real
// questions/ folder), in a pseudo-terminal.

import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, STACK_TRACE, readDb, tempDirs } from '../helpers/cli-run.js';
import { readOnlyData } from '../helpers/store-files.js';
import { makeSandbox, runRaw, type Sandbox } from '../helpers/sandbox.js';
import { KEYS, startPty, type PtySession } from '../helpers/pty-session.js';

const SEED = 'blinken-visit-beijing';
const COPY = 'blinken-copy-for-the-picker';
const dirs = tempDirs();
const sessions: PtySession[] = [];
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await makeSandbox();
  await cp(join(ROOT, 'questions', SEED), join(sandbox.questions, SEED), { recursive: true });
  await mkdir(join(sandbox.questions, COPY));
  await cp(join(ROOT, 'questions', SEED, 'article.txt'), join(sandbox.questions, COPY, 'article.txt'));
  const deck = JSON.parse(await readFile(join(ROOT, 'questions', SEED, 'deck.json'), 'utf8')) as { id: string; title: string };
  await writeFile(join(sandbox.questions, COPY, 'deck.json'), JSON.stringify({ ...deck, id: COPY, title: 'A copy for the picker' }));
});

afterAll(async () => {
  await sandbox.remove();
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
  await dirs.removeAll();
});

function start(args: string[], env: Record<string, string> = {}): PtySession {
  const session = startPty(args, { bin: sandbox.bin, cwd: sandbox.root, env });
  sessions.push(session);
  return session;
}

describe('leaving: one rule', () => {
  test.each(['quiz', 'study', 'review'])('Ctrl+C at the "Which deck?" picker of %s: exit 130, no internal error', async (command) => {
    const session = start([command, '--data', await dirs.make()]);
    await session.waitFor(/Which deck\?[\s\S]*q quit/);
    session.write(KEYS.ctrlC);
    expect((await session.waitForExit()).exitCode).toBe(130);
    expect(session.output()).not.toMatch(/unexpected error|ExitPromptError/);
    expect(session.output()).not.toMatch(STACK_TRACE);
  });

  test.each(['q', '\u001b'])('%j at the picker leaves quietly: exit 0', async (key) => {
    const session = start(['quiz', '--data', await dirs.make()]);
    await session.waitFor(/Which deck\?[\s\S]*q quit/);
    session.write(key);
    expect((await session.waitForExit()).exitCode).toBe(0);
    expect(session.output()).not.toMatch(/Question 1/);
  });

  test('the menu: Esc at a question goes back to the menu; Ctrl+C in a quiz from the menu ends the program (130), not the quiz only', async () => {
    const session = start(['--deck', SEED, '--data', await dirs.make()]);
    await session.press('', /factdeck · Blinken[\s\S]*q quit/);
    await session.press('1', /Question 1 of 10[\s\S]*(q quit|Esc: quit)/);
    session.mark();
    session.write(KEYS.escape);
    await session.waitFor(/Stopped: 0 answers saved\.[\s\S]*factdeck · Blinken[\s\S]*q quit/);
    await session.press('1', /Question 1 of 10[\s\S]*(q quit|Esc: quit)/);
    session.mark();
    session.write(KEYS.ctrlC);
    expect((await session.waitForExit()).exitCode).toBe(130);
    expect(session.since()).toMatch(/Stopped: 0 answers saved\./);
    // Nothing typed after Ctrl+C could start a new quiz: the program is gone.
    expect(session.since()).not.toMatch(/Question 1 of 10/);
  });

  test('Ctrl+C in the menu itself: exit 130; q: exit 0', async () => {
    const first = start(['--deck', SEED, '--data', await dirs.make()]);
    await first.waitFor(/factdeck · Blinken[\s\S]*q quit/);
    first.write(KEYS.ctrlC);
    expect((await first.waitForExit()).exitCode).toBe(130);
    const second = start(['--deck', SEED, '--data', await dirs.make()]);
    await second.waitFor(/factdeck · Blinken[\s\S]*q quit/);
    second.write('q');
    expect((await second.waitForExit()).exitCode).toBe(0);
  });
});

describe('a double Enter and undo', () => {
  test('a double-tapped Enter at the feedback answers nothing while the guard holds (held long here, to be sure); a bare Enter at a fresh question is not "don\'t know"', async () => {
    const dir = await dirs.make();
    const session = start(['quiz', '--deck', SEED, '--kind', 'cloze', '--count', '2', '--seed', '1', '--data', dir], { FACTDECK_KEY_GUARD_MS: '60000' });
    await session.waitFor(/Question 1 of 2[\s\S]*Esc: quit/);
    // The question's own guard: a bare Enter is ignored; typed text and Enter is an answer.
    session.write('\r');
    await session.press('xyz', /xyz/);
    await session.press('\r', /✘ Wrong[\s\S]*…/);
    // The feedback takes no key for the guard's time: a double tap changes nothing.
    session.write('\r\r');
    await session.waitFor(/✘ Wrong/);
    expect(session.since()).not.toMatch(/Question 2 of 2/);
    session.kill('SIGTERM');
    await session.waitForExit();
    expect((await readDb(dir)).attempts).toHaveLength(1);
  });

  test('u after the feedback takes the answer back exactly (an undo event), and the question comes again as it was shown', async () => {
    const dir = await dirs.make();
    const session = start(['quiz', '--deck', SEED, '--kind', 'choice', '--count', '1', '--seed', '7', '--data', dir]);
    const shown = await session.waitFor(/Question 1 of 1[\s\S]*pick at once/);
    const choices = shown.text.slice(shown.text.lastIndexOf('Question 1 of 1')).match(/[1-4]\) [^\n]+/g);
    await session.press('0', /✘ Wrong \(don't know\)[\s\S]*u: undo the answer/);
    await session.press('u', /Undone: that answer was taken back[\s\S]*Question 1 of 1[\s\S]*pick at once/);
    const again = session.since().slice(session.since().lastIndexOf('Question 1 of 1')).match(/[1-4]\) [^\n]+/g);
    expect(again).toEqual(choices);
    await session.press('0', /✘ Wrong \(don't know\)[\s\S]*q: quit/);
    await session.press('q', /Score: 0\/1/);
    expect((await session.waitForExit()).exitCode).toBe(0);

    // As the program reads it: factdeck.json and the history log beyond it.
    const db = await readOnlyData(dir);
    // Two answers given, one taken back: the fact, the kind and the session count one.
    expect(db.facts.map((f) => f.attempts)).toEqual([1]);
    expect(db.kinds.map((k) => k.attempts)).toEqual([1]);
    expect(db.sessions.map((s) => s.answered)).toEqual([1]);
    const log = await readFile(join(dir, 'history.jsonl'), 'utf8');
    expect(log.match(/"type":"undo"[^\]]*"attempt":\{/g)).toHaveLength(1);
  });
});

describe('--deck by a unique prefix', () => {
  test('a unique prefix picks the deck; an ambiguous one lists the decks; a near miss says "did you mean"', async () => {
    const bin = sandbox.bin;
    const data = await dirs.make();
    const byPrefix = await runRaw(['quiz', '--plain', '--deck', 'blinken-c', '--count', '1', '--data', data], { bin, cwd: sandbox.root, input: '\n' });
    expect(byPrefix.code, byPrefix.err).toBe(0);
    expect(byPrefix.out).toContain('A copy for the picker');
    const ambiguous = await runRaw(['quiz', '--plain', '--deck', 'blinken', '--data', data], { bin, cwd: sandbox.root, input: '\n' });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain(`factdeck: --deck blinken could be any of 2 decks\n  give more of the id: ${COPY}, ${SEED}`);
    const near = await runRaw(['quiz', '--plain', '--deck', 'blinken-vist-beijing', '--data', data], { bin, cwd: sandbox.root, input: '\n' });
    expect(near.code).toBe(2);
    expect(near.err).toContain(`no deck "blinken-vist-beijing" (did you mean ${SEED}?)`);
  });
});

describe('decks, in a narrow terminal', () => {
  test('every line wraps between words at the width, and the folder is named as a path that works here', async () => {
    const data = await dirs.make();
    const session = startPty(['decks', '--data', data], { bin: sandbox.bin, cwd: sandbox.root, cols: 50 });
    sessions.push(session);
    expect((await session.waitForExit()).exitCode).toBe(0);
    const lines = session.output().split(/\r?\n/).filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    // No word is cut at the edge: every line ends at the end of a word.
    expect(session.output()).toMatch(/kinds: choice,\s*\n\s+true-false, cloze/);
    expect(session.output()).toContain(`Your decks (${join(data, 'decks')})`);
  });
});
