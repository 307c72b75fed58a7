// What issue 14 calls done, in a real pseudo-terminal: a new user goes from a saved news page to answering
// its first question with one command, and from a 20-question draft to a deck with its 5 worst questions
// removed in under a minute. Also: an article pasted into `learn -` (Ctrl+D ends it, and the prompts after
// it still work), x after the feedback, and the menu's "Learn a new article...".

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Deck } from '../../src/domain/deck.js';
import { ROOT, requireBuild, runCli, stopAllCli, tempDirs } from '../helpers/cli-run.js';
import type { DeckFile } from '../helpers/cli-deck.js';
import { KEYS, startPty, type PtySession } from '../helpers/pty-session.js';
import { answerNext } from '../helpers/pty-quiz.js';

const PAGE = join(ROOT, 'test', 'fixtures', 'html', 'wire-service.html');
const STORM = 'storm-helena';

const dirs = tempDirs('factdeck-library-pty-');
const sessions: PtySession[] = [];

function start(args: string[], cwd?: string): PtySession {
  const session = startPty(args, cwd === undefined ? {} : { cwd });
  sessions.push(session);
  return session;
}

beforeAll(() => requireBuild());
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
  await stopAllCli();
  await dirs.removeAll();
});

async function readDeck(dir: string): Promise<Deck> {
  return JSON.parse(await readFile(join(dir, 'deck.json'), 'utf8')) as Deck;
}

describe('learn in a terminal', () => {
  test('one command: a saved news page, the summary screen, "Start the quiz", and its first question answered and judged', async () => {
    const data = await dirs.make();
    const session = start(['learn', PAGE, '--data', data, '--seed', '2']);
    const summary = await session.waitFor(/What now\?[\s\S]*1\) Start the quiz[\s\S]*2\) Go through the questions first[\s\S]*3\) Later/, 30_000);
    expect(summary.text).toMatch(/"Storm Helena"\n +\d+ facts, \d+ questions: /);
    expect(summary.text).toContain('Left out, and why:');
    const deck = (await readDeck(join(data, 'decks', STORM))) as unknown as DeckFile;
    await session.press('1', /Question 1 of 10/);
    const first = await answerNext(session, deck, true);
    expect(first.correct).toBe(true);
    await session.waitFor(/Enter: next question · .*x: suspend question · q: quit/);
    await session.press('q', /Stopped: 1 answer saved\./);
    expect((await session.waitForExit()).exitCode).toBe(0);
  }, 60_000);

  test('- in a terminal: the pasted article ends with Ctrl+D, and the prompts after it work', async () => {
    const data = await dirs.make();
    const session = start(['learn', '-', '--data', data]);
    await session.waitFor('Paste the article (its headline on the first line), then press Ctrl+D:');
    const article = await readFile(join(ROOT, 'questions', 'blinken-visit-beijing', 'article.txt'), 'utf8');
    // The article's last line has no line break: Ctrl+D right after it ends the paste, that line included.
    expect(article.endsWith('\n')).toBe(false);
    session.write(article.replace(/\n/g, '\r'));
    await session.waitFor('according to officials familiar with the matter.');
    session.write(KEYS.ctrlD);
    await session.waitFor(/What now\?/, 30_000);
    await session.press('3', /It is in your decks: factdeck quiz --deck us-secretary-of-state-blinken\b/);
    expect((await session.waitForExit()).exitCode).toBe(0);
    const kept = await readFile(join(data, 'decks', 'us-secretary-of-state-blinken', 'article.txt'), 'utf8');
    expect(kept.trim()).toBe(article.trim());
  }, 60_000);

  test('the menu: "Learn a new article..." asks for the path, learns it, and the menu comes back on the new deck', async () => {
    const data = await dirs.make();
    const session = start(['--data', data, '--deck', 'blinken-visit-beijing']);
    await session.waitFor(/Learn a new article\.\.\./);
    await session.press('4', /The article to learn/);
    await session.press(`${PAGE}\r`, /What now\?/, 30_000);
    await session.press('3', /factdeck · Storm Helena\b/);
    await session.press('q', /./);
    expect((await session.waitForExit()).exitCode).toBe(0);
  }, 60_000);
});

describe('edit in a terminal', () => {
  test('a 20-question draft to a deck with its 5 worst questions dropped, in under a minute; saved after each key', async () => {
    const data = await dirs.make();
    const made = await runCli(['learn', PAGE, '--plain', '--data', data], { input: '' });
    expect(made.code).toBe(0);
    // The draft, cut to 20 questions (and the facts they ask about).
    const dir = join(data, 'decks', STORM);
    const full = await readDeck(dir);
    const questions = full.questions.slice(0, 20);
    // The builder drafts fewer, better questions than it did: as many as it gives, up to 20.
    const total = questions.length;
    expect(total).toBeGreaterThanOrEqual(10);
    const asked = new Set(questions.flatMap((q) => [q.factId, ...(q.relatedFactIds ?? [])]));
    await writeFile(join(dir, 'deck.json'), JSON.stringify({ ...full, facts: full.facts.filter((f) => asked.has(f.id)), questions }, null, 2));

    // Five to drop, never the last (the last is left with q).
    const worst = new Set(total >= 19 ? [2, 5, 9, 14, 18] : total >= 14 ? [2, 5, 9, 11, 13] : [1, 3, 5, 7, 9]);
    const started = Date.now();
    const session = start(['edit', STORM, '--data', data]);
    let shown = total;
    for (let n = 1; n <= total; n++) {
      // Each question on its own screen: its number, the key, and the keys to press.
      const dropped = [...worst].filter((w) => w < n).length;
      await session.waitFor(new RegExp(`Question ${n - dropped} of ${shown} ·[\\s\\S]*Key: [\\s\\S]*Enter keep, next · d drop`));
      session.mark();
      if (worst.has(n)) {
        session.write('d');
        shown--;
        await session.waitFor(/Dropped question \d+\. Saved \(u undoes\)\./);
      } else if (n < total) {
        session.write(KEYS.enter);
      } else {
        session.write('q');
      }
    }
    await session.waitFor(new RegExp(`5 changes saved in .*: ${total - 5} questions \\(5 dropped\\)`));
    expect((await session.waitForExit()).exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);

    const after = await readDeck(dir);
    expect(after.questions.map((q) => q.id)).toEqual(questions.filter((_, i) => !worst.has(i + 1)).map((q) => q.id));
    expect((await runCli(['check', dir])).code).toBe(0);
  }, 90_000);
});
