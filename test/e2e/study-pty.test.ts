// Spaced repetition end to end: `study` in a real pseudo-terminal with the clock set by FACTDECK_NOW (flip,
// rate, Again coming back in the run, undo, quit), and a simulated week of study in plain mode, watching
// the forecast and the activity heatmap move as they should.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { STACK_TRACE, requireBuild, runCli, stopAllCli, tempDirs } from '../helpers/cli-run.js';
import { readOnlyData } from '../helpers/store-files.js';
import { startPty, type PtySession } from '../helpers/pty-session.js';

const dirs = tempDirs();
const sessions: PtySession[] = [];

beforeAll(() => {
  requireBuild();
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
  await stopAllCli();
  await dirs.removeAll();
});

interface Card {
  factId: string;
  state: string;
  due: string;
  reps: number;
}

/** The cards as a fresh process sees them: `stats --json` reads the files from scratch. */
async function stats(dir: string, now: string): Promise<{ due: number; cards: Record<string, number>; forecast: { day: string; count: number }[]; activity: { day: string; count: number }[]; streak: number }> {
  const result = await runCli(['stats', '--json', '--data', dir], { env: { FACTDECK_NOW: now } });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/**
 * The cards as a fresh process finds them: factdeck.json and whatever the history log holds beyond it,
 * added up by a reader's store (as `stats` reads them; nothing is written).
 */
async function cardsOnDisk(dir: string): Promise<Card[]> {
  const fresh = await runCli(['stats', '--json', '--data', dir], { env: { FACTDECK_NOW: '2026-06-01T09:00:00Z' } });
  expect(fresh.code, fresh.stderr).toBe(0);
  return (await readOnlyData(dir)).cards;
}

describe('factdeck study in a terminal', () => {
  test('flip, rate, Again comes back within the run, undo restores exactly, q quits with all saved', async () => {
    const dir = await dirs.make();
    const now = '2026-06-01T09:00:00Z';
    const session = startPty(['study', '--deck', 'blinken-visit-beijing', '--data', dir, '--new', '3'], { env: { FACTDECK_NOW: now } });
    sessions.push(session);

    const first = await session.waitFor(/Card 1 of 3 · new[\s\S]*Space\/Enter: show answer/);
    expect(first.text).toContain('Study · 0 due · 3 new');
    await session.press(' ', /1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy \d+d/);
    // Again: the card is due again in a minute, and comes back later in this run.
    await session.press('1', /Again: next in 1m \(saved\)[\s\S]*Card 2 of 4 · new/);
    await session.press('\r', /1 Again/);
    await session.press('3', /Good: next in 10m \(saved\)[\s\S]*Card 3 of 4 · new/);
    const beforeUndo = await cardsOnDisk(dir);
    await session.press(' ', /1 Again/);
    await session.press('4', /Easy: next in \d+d \(saved\)[\s\S]*Card 4 of 4 · learning/);
    // u takes the Easy back: the same card again, as it was.
    await session.press('u', /Undone: the last rating was taken back\.[\s\S]*Card 3 of 4 · new/);
    await session.press(' ', /1 Again/);
    await session.press('3', /Good: next in 10m \(saved\)[\s\S]*Card 4 of 4 · learning/);
    session.write('q');
    const exit = await session.waitForExit();
    expect(exit.exitCode).toBe(0);
    expect(session.output()).toMatch(/Stopped: 3 cards rated \(again 1, hard 0, good 2, easy 0\), all saved\./);
    expect(session.output()).not.toMatch(STACK_TRACE);

    const cards = await cardsOnDisk(dir);
    expect(cards).toHaveLength(3);
    expect(cards.map((c) => c.state).sort()).toEqual(['learning', 'learning', 'learning']);
    // The undone Easy left no trace: the third card is exactly what one Good rating makes of a new card.
    const third = cards.find((c) => !beforeUndo.some((b) => b.factId === c.factId));
    expect(third?.reps).toBe(1);
    expect(Date.parse(third!.due) - Date.parse(now)).toBeLessThan(11 * 60_000);
    const log = (await readFile(join(dir, 'history.jsonl'), 'utf8')).trim().split('\n');
    expect(log.filter((line) => line.includes('"type":"undo"'))).toHaveLength(1);
  });
});

describe('a simulated week of study', () => {
  test('cards move out through the forecast, the heatmap fills day by day, the streak counts', async () => {
    const dir = await dirs.make();
    const day = (n: number): string => `2026-06-0${1 + n}T09:00:00Z`;
    // Day 0: three new cards, each rated Good twice (the second after its 10-minute step).
    const first = await runCli(['study', '--deck', 'blinken-visit-beijing', '--plain', '--data', dir, '--new', '3'], { env: { FACTDECK_NOW: day(0) }, input: '\n3\n\n3\n\n3\n' });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Done: 3 cards rated/);
    const later = await runCli(['study', '--deck', 'blinken-visit-beijing', '--plain', '--data', dir, '--new', '0'], { env: { FACTDECK_NOW: '2026-06-01T09:30:00Z' }, input: '\n3\n\n3\n\n3\n' });
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toMatch(/Study · 3 due · 0 new/);

    const after0 = await stats(dir, day(0));
    expect(after0.cards.review).toBe(3);
    expect(after0.due).toBe(0);
    // Nothing due today or tomorrow; the three cards fall due together a few days out.
    expect(after0.forecast[0]!.count + after0.forecast[1]!.count).toBe(0);
    const dueDay = after0.forecast.findIndex((d) => d.count > 0);
    expect(dueDay).toBeGreaterThanOrEqual(2);
    expect(after0.forecast[dueDay]!.count).toBe(3);
    expect(after0.activity.at(-1)).toEqual({ day: '2026-06-01', count: 6 });
    expect(after0.streak).toBe(1);

    // The next day: nothing due yet, so study offers new cards only; the streak grows with them.
    const next = await runCli(['study', '--deck', 'blinken-visit-beijing', '--plain', '--data', dir, '--new', '1'], { env: { FACTDECK_NOW: day(1) }, input: '\n4\n' });
    expect(next.stdout).toMatch(/Study · 0 due · 1 new/);
    const after1 = await stats(dir, day(1));
    expect(after1.streak).toBe(2);
    expect(after1.activity.at(-1)).toEqual({ day: '2026-06-02', count: 1 });

    // On the day they were forecast, the three cards are due (by the evening: "due now" is to the minute);
    // studying them empties that day's bar.
    const onDue = `2026-06-0${1 + dueDay}T18:00:00Z`;
    const due = await stats(dir, onDue);
    expect(due.due).toBe(3);
    expect(due.forecast[0]!.count).toBeGreaterThanOrEqual(3);
    const review = await runCli(['study', '--deck', 'blinken-visit-beijing', '--plain', '--data', dir, '--new', '0'], { env: { FACTDECK_NOW: onDue }, input: '\n3\n\n3\n\n3\n' });
    expect(review.stdout).toMatch(/Study · 3 due · 0 new/);
    const reviewed = await stats(dir, onDue);
    expect(reviewed.due).toBe(0);
    expect(reviewed.forecast[0]!.count).toBe(0);
    expect(reviewed.activity.at(-1)!.count).toBe(3);
  });
});

describe('factdeck study: card fronts', () => {
  test('show choices shuffled by the run\'s seed (named in the header), the same for the same seed', async () => {
    const deckDir = join(await dirs.make(), 'one-choice');
    await mkdir(deckDir);
    await writeFile(join(deckDir, 'article.txt'), 'Trip\nBlinken will visit Beijing in June.\n');
    const deck = {
      schemaVersion: 1,
      id: 'one-choice',
      title: 'One choice',
      source: { headline: 'Trip', dateline: '', date: '' },
      origin: 'hand',
      facts: [{ id: 'f1', statement: 'Blinken will visit Beijing.', quote: 'Blinken will visit Beijing', topic: 'trip' }],
      // The answer stored first, as decks often have it.
      questions: [{ id: 'q1', factId: 'f1', kind: 'choice', prompt: 'Which city will Blinken visit?', choices: ['Beijing', 'Bali', 'Tokyo', 'Seoul'], answer: 'Beijing', explanation: 'He will visit Beijing.' }],
    };
    await writeFile(join(deckDir, 'deck.json'), JSON.stringify(deck));
    const front = async (seed: number): Promise<string[]> => {
      const result = await runCli(['study', '--plain', '--deck', deckDir, '--seed', String(seed), '--data', await dirs.make()], { env: { FACTDECK_NOW: '2026-06-01T09:00:00Z' }, input: '\n3\n' });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Study · 0 due · 1 new · profile default · seed ${seed}`);
      return result.stdout.split('\n').filter((line) => /^ {2}\d\) /.test(line));
    };
    const fronts = [];
    for (const seed of [1, 2, 3, 4, 5]) fronts.push(await front(seed));
    for (const shown of fronts) expect([...shown].map((line) => line.slice(5)).sort()).toEqual(['Bali', 'Beijing', 'Seoul', 'Tokyo']);
    expect(fronts.filter((shown) => shown[0] === '  1) Beijing').length).toBeLessThan(fronts.length);
    expect(await front(2)).toEqual(fronts[1]);
  });
});

describe('study: learn-ahead and Space/Enter for Good', () => {
  const now = '2026-06-01T09:00:00Z';

  test('only a learning card due within minutes left: a countdown waits for it; Enter takes it at once; q stops', async () => {
    const dir = await dirs.make();
    const session = startPty(['study', '--deck', 'blinken-visit-beijing', '--data', dir, '--new', '1'], { env: { FACTDECK_NOW: now } });
    sessions.push(session);
    await session.waitFor(/Card 1 of 1 · new/);
    await session.press(' ', /1 Again/);
    // Good: in learning, due in 10 minutes, and no other card: the run waits for it instead of ending.
    const waiting = await session.press('3', /Good: next in 10m \(saved\)[\s\S]*The next card \(learning\) in (9:5\d|10:00) {2}Enter: study it now · q: stop/);
    // The countdown runs (on the clock FACTDECK_NOW started): a second or more later it shows less.
    const [minutes, seconds] = (waiting.match[1] as string).split(':').map(Number) as [number, number];
    const shown = minutes * 60 + seconds;
    const lower = Array.from({ length: 8 }, (_, i) => shown - 1 - i).map((left) => `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
    await session.waitFor(new RegExp(`The next card \\(learning\\) in (${lower.join('|')})  `), 8_000);
    await session.press('\r', /Card 2 of 2 · learning/);
    await session.press(' ', /1 Again/);
    // Hard: due in 6 minutes: a countdown again; q stops, with when to come back.
    await session.press('2', /Hard: next in 6m \(saved\)[\s\S]*The next card \(learning\) in [56]:\d\d/);
    session.write('q');
    expect((await session.waitForExit()).exitCode).toBe(0);
    expect(session.output()).toMatch(/Stopped: 2 cards rated \(again 0, hard 1, good 1, easy 0\), all saved\. The next card is due in [56]m \(at\s+09:0[56]\): come back then\./);
    const [card] = await cardsOnDisk(dir);
    expect(card).toMatchObject({ state: 'learning', reps: 2 });
  });

  test('plain mode (scripts) does not wait for a learning card: it says when to come back', async () => {
    const dir = await dirs.make();
    // Good: in learning, due in 10 minutes; plain mode does not wait, and the run ends.
    const run = await runCli(['study', '--deck', 'blinken-visit-beijing', '--data', dir, '--new', '1', '--plain'], { input: '\n3\n', env: { FACTDECK_NOW: now } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/The next card \(learning\) in/);
    expect(run.stdout).toMatch(/The next card is due in 10m \(at 09:10\)/);
  });

  test('Space or Enter on the answer side rates Good once the key guard is over, and not before', async () => {
    const guarded = await dirs.make();
    // The guard held long: Space on the answer side does nothing; 1 still rates Again.
    const held = startPty(['study', '--deck', 'blinken-visit-beijing', '--data', guarded, '--new', '2'], { env: { FACTDECK_NOW: now, FACTDECK_KEY_GUARD_MS: '60000' } });
    sessions.push(held);
    await held.waitFor(/Card 1 of 2 · new/);
    const flipped = await held.press(' ', /1-4: rate · x: suspend/);
    expect(flipped.text).not.toContain('Space/Enter: Good');
    held.write(' ');
    held.write('\r');
    await held.press('1', /Again: next in 1m \(saved\)/);
    held.write('q');
    expect((await held.waitForExit()).exitCode).toBe(0);
    expect(held.output()).toMatch(/Stopped: 1 card rated \(again 1, hard 0, good 0, easy 0\)/);

    // A short guard: once "Space/Enter: Good" shows, Enter rates Good, and so does Space on the next card.
    const dir = await dirs.make();
    const session = startPty(['study', '--deck', 'blinken-visit-beijing', '--data', dir, '--new', '2'], { env: { FACTDECK_NOW: now, FACTDECK_KEY_GUARD_MS: '200' } });
    sessions.push(session);
    await session.waitFor(/Card 1 of 2 · new/);
    await session.press(' ', /1 Again/);
    await session.waitFor(/1-4: rate · Space\/Enter: Good/);
    await session.press('\r', /Good: next in 10m \(saved\)[\s\S]*Card 2 of 2 · new/);
    await session.press(' ', /1 Again/);
    await session.waitFor(/1-4: rate · Space\/Enter: Good/);
    await session.press(' ', /Good: next in 10m \(saved\)[\s\S]*The next card \(learning\) in/);
    session.write('q');
    expect((await session.waitForExit()).exitCode).toBe(0);
    expect(session.output()).toMatch(/Stopped: 2 cards rated \(again 0, hard 0, good 2, easy 0\)/);
    const cards = await cardsOnDisk(dir);
    expect(cards.map((c) => [c.state, c.reps])).toEqual([
      ['learning', 1],
      ['learning', 1],
    ]);
  });
});
