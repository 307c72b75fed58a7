// quiz --learn, review's learn mode (and --no-learn), and --order, end to end in --plain mode: the built
// program on real data folders, answers fed from a pipe, what was asked read back from the database.

import { cp } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readDb, requireBuild, runCli, stopAllCli, tempDirs, type DbAttempt } from '../helpers/cli-run.js';
import { parseShownOptions, planAnswer, plainBlocks, plainLine, plainQuestion, resolveOptions, theBuiltInDeck, type DeckFile } from '../helpers/cli-deck.js';

const RECALL = ['cloze', 'short-answer'];
const NOW = '2026-06-01T09:00:00Z';
const FIVE_MINUTES_LATER = '2026-06-01T09:05:00Z';

let deck: DeckFile;
const dirs = tempDirs();

beforeAll(async () => {
  requireBuild();
  deck = await theBuiltInDeck();
});

afterEach(async () => {
  await stopAllCli();
  await dirs.removeAll();
});

/**
 * Runs `args` on the progress in `dir`, answering question i right when `right(i)`: what the run asks is
 * learnt first on a copy of the folder (every answer "don't know"), then answered for real.
 */
async function answered(dir: string, args: readonly string[], right: (i: number) => boolean, now = NOW): Promise<DbAttempt[]> {
  const env = { FACTDECK_NOW: now };
  const copy = await dirs.make();
  await cp(dir, copy, { recursive: true });
  const scout = await runCli([...args, '--plain', '--data', copy], { input: '\n'.repeat(60), env });
  expect(scout.code, scout.stderr).toBe(0);
  const lines = plainBlocks(scout.stdout).map((block, i) => {
    const question = plainQuestion(deck, block);
    return plainLine(planAnswer(question, resolveOptions(question, parseShownOptions(block.asked)), right(i)));
  });
  const before = (await readDb(dir).catch(() => ({ attempts: [] as DbAttempt[] }))).attempts.length;
  const run = await runCli([...args, '--plain', '--data', dir], { input: lines.map((line) => `${line}\n`).join(''), env });
  expect(run.code, run.stderr).toBe(0);
  return (await readDb(dir)).attempts.slice(before);
}

const hasRecall = (factId: string): boolean => deck.questions.some((q) => q.factId === factId && RECALL.includes(q.kind));

describe('quiz --learn', () => {
  test('asks new facts with choices; once answered right they are asked typed; the same seed asks the same', async () => {
    const dir = await dirs.make();
    const first = await answered(dir, ['quiz', '--learn', '--count', '5', '--seed', '11'], () => true);
    expect(first).toHaveLength(5);
    expect(first.filter((a) => RECALL.includes(a.kind))).toEqual([]);
    expect(first.every((a) => a.correct)).toBe(true);
    const learnt = new Set(first.map((a) => a.factId));

    const all = deck.facts.length;
    const second = await runCli(['quiz', '--learn', '--count', String(all), '--seed', '12', '--plain', '--data', dir], { input: '\n'.repeat(all) });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/seed 12 · learn/);
    const asked = (await readDb(dir)).attempts.slice(5);
    expect(asked).toHaveLength(all);
    for (const attempt of asked) {
      const typed = RECALL.includes(attempt.kind);
      if (learnt.has(attempt.factId) && hasRecall(attempt.factId)) expect(typed, attempt.factId).toBe(true);
      if (!learnt.has(attempt.factId)) expect(typed, attempt.factId).toBe(false);
    }
    expect(second.stdout).toMatch(new RegExp(`Learn: \\d+ of ${all} facts now asked typed \\(recall\\), \\d+ with choices \\(recognition\\)\\.`));

    const again = await runCli(['quiz', '--learn', '--count', '3', '--seed', '12', '--plain', '--data', await dirs.make()], { input: '\n'.repeat(3) });
    const twice = await runCli(['quiz', '--learn', '--count', '3', '--seed', '12', '--plain', '--data', await dirs.make()], { input: '\n'.repeat(3) });
    expect(plainBlocks(again.stdout).map((b) => b.asked)).toEqual(plainBlocks(twice.stdout).map((b) => b.asked));
  });
});

describe('review: learn mode by default, --no-learn', () => {
  test('facts missed with choices and never right are asked with choices again; --no-learn may ask them typed', async () => {
    const dir = await dirs.make();
    // Missed at recognition (learn mode asks new facts with choices).
    await answered(dir, ['quiz', '--learn', '--count', '6', '--seed', '3'], () => false);
    const review = await runCli(['review', '--seed', '5', '--plain', '--data', dir], { input: '\n'.repeat(30) });
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toMatch(/Review of missed facts · 6 questions · profile default · seed 5 · learn/);
    const asked = (await readDb(dir)).attempts.slice(6);
    expect(asked.length).toBeGreaterThanOrEqual(6);
    expect(asked.filter((a) => RECALL.includes(a.kind))).toEqual([]);

    // The same missed facts without learn mode: over a few seeds, typed questions come up.
    const kinds = new Set<string>();
    for (const seed of [1, 2, 3, 4]) {
      const copy = await dirs.make();
      await cp(dir, copy, { recursive: true });
      const plain = await runCli(['review', '--no-learn', '--seed', String(seed), '--plain', '--data', copy], { input: '\n'.repeat(30) });
      expect(plain.code, plain.stderr).toBe(0);
      expect(plain.stdout).not.toMatch(/· learn/);
      for (const block of plainBlocks(plain.stdout)) kinds.add(plainQuestion(deck, block).kind);
    }
    expect([...kinds].some((kind) => RECALL.includes(kind))).toBe(true);
  });
});

describe('--order', () => {
  /** A quiz of 5 on fresh progress at NOW: the 2nd and 4th answered wrong, the rest right. */
  async function missedTwo(): Promise<{ dir: string; missed: string[]; right: string[] }> {
    const dir = await dirs.make();
    const attempts = await answered(dir, ['quiz', '--count', '5', '--seed', '21'], (i) => i !== 1 && i !== 3);
    return { dir, missed: attempts.filter((a) => !a.correct).map((a) => a.factId), right: attempts.filter((a) => a.correct).map((a) => a.factId) };
  }

  const askedFacts = (stdout: string): string[] => plainBlocks(stdout).map((block) => plainQuestion(deck, block).factId);

  test('hardest: the facts with the lowest share right come first, in that order', async () => {
    const { dir, missed } = await missedTwo();
    const run = await runCli(['quiz', '--order', 'hardest', '--count', '4', '--seed', '1', '--plain', '--data', dir], { input: '\n'.repeat(4) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/seed 1 · order hardest/);
    expect(askedFacts(run.stdout).slice(0, 2).sort()).toEqual([...missed].sort());
  });

  test('new: facts never answered come first; due: cards due now, then facts without a card, then the rest', async () => {
    const { dir, missed, right } = await missedTwo();
    const fresh = await runCli(['quiz', '--order', 'new', '--count', '8', '--seed', '2', '--plain', '--data', dir], { input: '' });
    expect(fresh.code, fresh.stderr).toBe(0);
    const newFirst = askedFacts(fresh.stdout);
    expect(newFirst).toHaveLength(1); // input ended after the first question
    expect([...missed, ...right]).not.toContain(newFirst[0]);

    // Five minutes later the missed facts' cards (Again: 1 minute) are due; the right ones' (10 minutes or
    // more) are not, and come after the facts that have no card yet.
    const all = deck.facts.length;
    const due = await runCli(['quiz', '--order', 'due', '--count', String(all), '--seed', '2', '--plain', '--data', dir], { input: '\n'.repeat(all), env: { FACTDECK_NOW: FIVE_MINUTES_LATER } });
    expect(due.code, due.stderr).toBe(0);
    const order = askedFacts(due.stdout);
    expect(order.slice(0, 2).sort()).toEqual([...missed].sort());
    expect(order.slice(-3).sort()).toEqual([...right].sort());
  });

  test('a value that is no order is a usage error (exit 2) naming the orders; review has no "new"', async () => {
    const dir = await dirs.make();
    const bad = await runCli(['quiz', '--order', 'easiest', '--plain', '--data', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--order "easiest" is not an order here');
    expect(bad.stderr).toContain('the orders are: due, new, hardest, random');
    const review = await runCli(['review', '--order', 'new', '--plain', '--data', dir]);
    expect(review.code).toBe(2);
    expect(review.stderr).toContain('the orders are: due, hardest, random (new is for quiz');
  });
});
