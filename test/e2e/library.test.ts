// The learner's own library, end to end through the built program without a terminal: learn (a saved web
// page, a piped article), decks, edit --plain (a built-in deck copied first), rm, and suspension (:x in a
// plain quiz, x in plain study; suspended, unsuspend, export without and with --all). Every run has a
// data folder of its own, so nothing depends on any other decks folder.

import { existsSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/domain/deck.js';
import { ROOT, requireBuild, runCli, stopAllCli, tempDirs } from '../helpers/cli-run.js';

const SEED = 'blinken-visit-beijing';
const PAGE = join(ROOT, 'test', 'fixtures', 'html', 'wire-service.html');
const STORM = 'storm-helena';

const dirs = tempDirs('factdeck-library-');
beforeAll(() => requireBuild());
afterEach(async () => {
  await stopAllCli();
  await dirs.removeAll();
});

async function readDeck(dir: string): Promise<Deck> {
  return JSON.parse(await readFile(join(dir, 'deck.json'), 'utf8')) as Deck;
}

interface DecksJson {
  libraryDir: string;
  decks: { id: string; place: string; origin: string; questions: number; suspended: number; replacedByYours: boolean; progress: { seen: number; due: number; lastScore: { correct: number; answered: number } | null } }[];
}

describe('learn', () => {
  it('a saved news page: its text kept as article.txt, the draft in decks/, one summary screen, then the quiz', async () => {
    const data = await dirs.make();
    const result = await runCli(['learn', PAGE, '--plain', '--data', data, '--seed', '3', '--count', '2'], { input: '\n1\n', cwd: data });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const dir = join(data, 'decks', STORM);
    const article = await readFile(join(dir, 'article.txt'), 'utf8');
    expect(article.split('\n')[0]).toBe('Storm Helena forces 12,000 from homes in Portugal');
    expect(article).toContain('LISBON, Portugal (AP) — A powerful storm named Helena');
    expect(article).not.toMatch(/Advertisement|Waves break|Share on|Related stories/);
    const deck = await readDeck(dir);
    expect(deck).toMatchObject({ id: STORM, origin: 'generated' });
    const out = result.stdout;
    expect(out).toContain(`${deck.facts.length} facts, ${deck.questions.length} questions: `);
    expect(out).toContain(`saved as your deck ${STORM} in decks/${STORM}`);
    expect(out).toMatch(/Left out, and why:\n +\d+ (sentence|question)s?: /);
    // Straight into the quiz on it: two questions, each answered and judged.
    expect(out).toMatch(/Quiz · 2 questions · profile default/);
    expect(out.match(/^(Correct|Wrong)/gm)).toHaveLength(2);

    // The same page again: the same deck, not a second one.
    const again = await runCli(['learn', PAGE, '--plain', '--data', data, '--count', '1'], { input: '\n', cwd: data });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`You have learned this article before: it is your deck ${STORM}`);
    expect(await readdir(join(data, 'decks'))).toEqual([STORM]);
  });

  it('finds an article learned before deck titles left out the headline’s outcome, under its older id', async () => {
    const data = await dirs.make();
    await runCli(['learn', PAGE, '--plain', '--data', data, '--count', '1'], { input: '\n', cwd: data });
    // As an older version named it: the slug of the whole headline.
    const older = 'storm-helena-forces-12-000-from-homes-in-portugal';
    await rename(join(data, 'decks', STORM), join(data, 'decks', older));
    const deck = await readDeck(join(data, 'decks', older));
    await writeFile(join(data, 'decks', older, 'deck.json'), `${JSON.stringify({ ...deck, id: older }, null, 2)}\n`);
    const again = await runCli(['learn', PAGE, '--plain', '--data', data, '--count', '1'], { input: '\n', cwd: data });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`You have learned this article before: it is your deck ${older}`);
    expect(await readdir(join(data, 'decks'))).toEqual([older]);
  });

  it('- reads a piped article; with stdin used up by it, the quiz is left for later and said how', async () => {
    const data = await dirs.make();
    const text = await readFile(join(ROOT, 'questions', SEED, 'article.txt'), 'utf8');
    const result = await runCli(['learn', '-', '--plain', '--data', data, '--title', 'Piped visit'], { input: text });
    expect(result.code).toBe(0);
    expect(await readFile(join(data, 'decks', 'piped-visit', 'article.txt'), 'utf8')).toBe(text);
    expect(result.stdout).toContain('Quiz yourself on it: factdeck quiz --deck piped-visit');
    expect(result.stdout).not.toMatch(/^Question 1/m);
  });

  it('refuses a page with no article, an empty stdin and no terminal without --plain, writing nothing', async () => {
    const data = await dirs.make();
    const empty = join(data, 'empty.html');
    await import('node:fs/promises').then((fs) => fs.writeFile(empty, '<html><body><nav>Home</nav></body></html>'));
    const page = await runCli(['learn', empty, '--plain', '--data', data]);
    expect(page.code).toBe(1);
    expect(page.stderr).toMatch(/^factdeck: found no article in the page empty\.html\n/);
    const stdin = await runCli(['learn', '-', '--plain', '--data', data], { input: '  \n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('no article was given on standard input');
    const noTerminal = await runCli(['learn', PAGE, '--data', data]);
    expect(noTerminal.code).toBe(2);
    expect(existsSync(join(data, 'decks'))).toBe(false);
  });
});

describe('decks, edit, rm', () => {
  it('edit --plain: drop, fix, a refused edit, undo; saved after each, check passes, ids and progress kept', async () => {
    const data = await dirs.make();
    await runCli(['learn', PAGE, '--plain', '--data', data, '--count', '1'], { input: '\n' });
    const dir = join(data, 'decks', STORM);
    const before = await readDeck(dir);
    const [first, second, third] = before.questions;
    // Drop the first two, set the (new) first one's prompt, try a prompt that gives its answer away, undo the prompt change.
    const answer = typeof third?.answer === 'string' ? third.answer : 'x';
    const script = ['d', 'd', `p ${third?.prompt ?? ''} Edited.`, `p ${third?.prompt ?? ''} ${answer}`, 'u', '', 'q'].join('\n');
    const result = await runCli(['edit', STORM, '--plain', '--data', data], { input: `${script}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dropped question 1. Saved (u undoes).');
    expect(result.stdout).toContain('Prompt changed. Saved (u undoes).');
    if (typeof third?.answer === 'string') expect(result.stdout).toMatch(/Refused, nothing changed: questions\[0\]\.prompt: the prompt gives away its answer/);
    expect(result.stdout).toContain('Undone. Saved.');
    const after = await readDeck(dir);
    expect(after.questions.map((q) => q.id)).toEqual(before.questions.slice(2).map((q) => q.id));
    expect(after.questions[0]?.prompt).toBe(third?.prompt);
    expect(after.questions.map((q) => q.id)).not.toContain(first?.id);
    expect(after.questions.map((q) => q.id)).not.toContain(second?.id);
    expect((await runCli(['check', dir])).code).toBe(0);
    // The answer given in learn is still counted: the deck's id did not change.
    const decks = JSON.parse((await runCli(['decks', '--json', '--data', data])).stdout) as DecksJson;
    const mine = decks.decks.find((d) => d.id === STORM);
    expect(mine).toMatchObject({ place: 'yours', origin: 'generated', questions: after.questions.length, progress: { lastScore: { answered: 1 } } });
  });

  it('edit of a built-in deck copies it to your decks first (same id: progress carries over); decks shows it used', async () => {
    const data = await dirs.make();
    const quiz = await runCli(['quiz', '--plain', '--deck', SEED, '--count', '1', '--seed', '1', '--data', data], { input: '\n' });
    expect(quiz.code).toBe(0);
    const builtIn = await readFile(join(ROOT, 'questions', SEED, 'deck.json'), 'utf8');
    const result = await runCli(['edit', SEED, '--plain', '--data', data], { input: 'd\nq\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`The built-in deck "${SEED}" is read-only: your copy, which is used from now on, is in`);
    expect(await readFile(join(ROOT, 'questions', SEED, 'deck.json'), 'utf8')).toBe(builtIn);
    const copy = await readDeck(join(data, 'decks', SEED));
    expect(copy.questions).toHaveLength((JSON.parse(builtIn) as Deck).questions.length - 1);
    const decks = JSON.parse((await runCli(['decks', '--json', '--data', data])).stdout) as DecksJson;
    expect(decks.decks.filter((d) => d.id === SEED).map((d) => [d.place, d.replacedByYours])).toEqual([
      ['yours', false],
      ['built-in', true],
    ]);
    expect(decks.decks.find((d) => d.place === 'yours')?.progress.seen).toBe(1);
    // A quiz without --deck now uses the copy: one deck of the id, no question to choose between.
    const next = await runCli(['quiz', '--plain', '--count', '1', '--data', data], { input: '\n' });
    expect(next.code).toBe(0);
  });

  it('rm: needs --yes without a terminal; keeps the deck in decks/.replaced/; built-in decks are refused; progress stays', async () => {
    const data = await dirs.make();
    await runCli(['learn', PAGE, '--plain', '--data', data, '--count', '1'], { input: '\n' });
    const refused = await runCli(['rm', STORM, '--data', data]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('rm needs a confirmation');
    expect(existsSync(join(data, 'decks', STORM))).toBe(true);
    const builtIn = await runCli(['rm', SEED, '--yes', '--data', data]);
    expect(builtIn.code).toBe(2);
    expect(builtIn.stderr).toContain('is a built-in deck: those are read-only');
    const removed = await runCli(['rm', STORM, '--yes', '--data', data]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`Removed your deck "${STORM}"`);
    expect(existsSync(join(data, 'decks', STORM))).toBe(false);
    const [kept] = await readdir(join(data, 'decks', '.replaced', STORM));
    expect(existsSync(join(data, 'decks', '.replaced', STORM, kept ?? '', 'deck.json'))).toBe(true);
    const decks = JSON.parse((await runCli(['decks', '--json', '--data', data])).stdout) as DecksJson;
    expect(decks.decks.map((d) => d.id)).toEqual([SEED]);
    const profiles = await runCli(['profiles', '--data', data]);
    expect(profiles.stdout).toMatch(/default +1 answer/);
  });

  it('build refuses a title whose id a built-in deck has; --deck finds a deck of yours by id', async () => {
    const data = await dirs.make();
    const article = join(ROOT, 'questions', SEED, 'article.txt');
    const clash = await runCli(['build', article, '--title', 'Blinken visit Beijing', '--data', data]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('a built-in deck already has the id "blinken-visit-beijing"');
    const built = await runCli(['build', article, '--title', 'My Beijing', '--data', data]);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('`factdeck edit my-beijing`, then `factdeck quiz --deck my-beijing`');
    const quiz = await runCli(['quiz', '--plain', '--deck', 'my-beijing', '--count', '1', '--data', data], { input: '\n' });
    expect(quiz.stdout).toMatch(/^My Beijing$/m);
  });
});

describe('suspension', () => {
  it(':x in a plain quiz suspends the question answered before; never asked again; listed, left out of export, brought back', async () => {
    const data = await dirs.make();
    const first = await runCli(['quiz', '--plain', '--deck', SEED, '--count', '2', '--seed', '4', '--data', data], { input: '\n:x\n\n' });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Suspended: this question will not be asked again (`factdeck unsuspend` brings it back).');
    // The second question is asked again after the suspension line, then answered.
    expect(first.stdout.match(/^Question 2 of 2/gm)).toHaveLength(2);
    const listed = JSON.parse((await runCli(['suspended', '--json', '--data', data])).stdout) as { suspended: { questionId: string; prompt: string; deckId: string }[] };
    expect(listed.suspended).toHaveLength(1);
    const [{ questionId, prompt } = { questionId: '', prompt: '' }] = listed.suspended;
    const firstPrompt = first.stdout.split('\n')[first.stdout.split('\n').findIndex((line) => line.startsWith('Question 1 of 2')) + 1];
    expect(firstPrompt).toBe(prompt);

    // Every other question of the deck, and never that one.
    const all = await runCli(['quiz', '--plain', '--deck', SEED, '--count', '500', '--seed', '4', '--data', data], { input: '\n'.repeat(200) });
    const total = (JSON.parse(await readFile(join(ROOT, 'questions', SEED, 'deck.json'), 'utf8')) as Deck).questions.length;
    expect(all.stdout).toMatch(new RegExp(`Quiz · ${total - 1} questions`));
    expect(all.stdout.split('\n')).not.toContain(prompt);

    const csv = await runCli(['export', '--format', 'json', '--deck', SEED, '--data', data]);
    expect((JSON.parse(csv.stdout) as Deck).questions.map((q) => q.id)).not.toContain(questionId);
    expect(csv.stderr).toContain('(1 suspended question is left out; --all includes it)');
    const everything = await runCli(['export', '--format', 'json', '--deck', SEED, '--all', '--data', data]);
    expect((JSON.parse(everything.stdout) as Deck).questions.map((q) => q.id)).toContain(questionId);
    const stats = JSON.parse((await runCli(['stats', '--json', '--deck', SEED, '--data', data])).stdout) as { suspended: number };
    expect(stats.suspended).toBe(1);

    const back = await runCli(['unsuspend', questionId.slice(0, 5), '--data', data]);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('Brought back 1 question');
    expect(JSON.parse((await runCli(['suspended', '--json', '--data', data])).stdout)).toMatchObject({ suspended: [] });
    const none = await runCli(['unsuspend', '--data', data]);
    expect(none.code).toBe(2);
  });

  it('x in plain study suspends the card\'s question, without rating it; the last question of a fact suspends its card', async () => {
    const data = await dirs.make();
    const deckDir = join(data, 'one');
    // A deck of one fact with one question: suspending it suspends the card.
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(deckDir, { recursive: true });
    await writeFile(join(deckDir, 'article.txt'), 'Lisbon opened 40 shelters on Tuesday.\n');
    const deck: Deck = {
      schemaVersion: 1,
      id: 'one',
      title: 'One',
      source: { headline: '', dateline: '', date: '' },
      origin: 'hand',
      facts: [{ id: 'f1', statement: 'Lisbon opened 40 shelters.', quote: 'Lisbon opened 40 shelters', topic: 'storm' }],
      questions: [{ id: 'q1', factId: 'f1', kind: 'cloze', prompt: 'Lisbon opened _____ shelters.', answer: '40', accept: [], explanation: 'Forty shelters.' }],
    };
    await writeFile(join(deckDir, 'deck.json'), JSON.stringify(deck));
    const study = await runCli(['study', '--plain', '--deck', deckDir, '--data', data], { input: '\nx\n' });
    expect(study.code).toBe(0);
    expect(study.stdout).toContain("It was its fact's last question: the card is suspended too.");
    expect(study.stdout).toContain('0 cards rated');
    const again = await runCli(['study', '--plain', '--deck', deckDir, '--data', data], { input: '\n' });
    expect(again.stdout).toMatch(/Study · 0 due · 0 new/);
  });
});
