// The schedule through Anki and FSRS fitted to a learner, end to end with the built program: study on the
// built-in deck over a week, export it as an Anki package with the progress, import that into another
// data folder, and the cards, their reviews and the true retention are the same; a learner with months of
// history (a package from Anki with its review log) gets parameters fitted by `optimize`, shown by
// `config` and taken back by `config --reset-parameters`; one with too little history is told how much
// more it takes.

import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planApkgExport, revlogEntry } from '../../src/bank/interop/anki-package.js';
import { writeAnkiPackage } from '../../src/commands/anki-package-file.js';
import { DEFAULT_PARAMETERS, safeParameters } from '../../src/scheduling/fsrs.js';
import type { CardRecord } from '../../src/storage/schema.js';
import { requireBuild, runCli, stopAllCli, tempDirs } from '../helpers/cli-run.js';
import { readOnlyData } from '../helpers/store-files.js';
import { learnerDeck, simulateLearner } from '../helpers/synthetic-learner.js';

beforeAll(requireBuild);
const dirs = tempDirs('factdeck-anki-e2e-');
afterEach(async () => {
  await stopAllCli();
  await dirs.removeAll();
});

const DECK = 'blinken-visit-beijing';
/** One card per fact of the built-in deck. */
const FACTS = (JSON.parse(readFileSync(new URL(`../../questions/${DECK}/deck.json`, import.meta.url), 'utf8')) as { facts: unknown[] }).facts.length;
const at = (day: number, hour = 9): string => new Date(Date.UTC(2026, 5, 1 + day, hour)).toISOString();

/** The cards as the program reads them: factdeck.json and the history log beyond it (a reader, nothing written). */
async function cardsOf(data: string, deckId: string): Promise<Map<string, CardRecord>> {
  const db = await readOnlyData(data);
  return new Map(db.cards.filter((c) => c.deckId === deckId).map((c) => [c.factId, c]));
}

async function reviewCount(data: string): Promise<number> {
  const text = await readFile(join(data, 'history.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .flatMap((line) => JSON.parse(line) as { type: string }[])
    .filter((event) => event.type === 'review').length;
}

async function ok(args: string[], options: Parameters<typeof runCli>[1] = {}): Promise<string> {
  const result = await runCli(args, { timeoutMs: 60_000, ...options });
  expect(result.stderr, `factdeck ${args.join(' ')}`).toBe('');
  expect(result.code, `factdeck ${args.join(' ')}\n${result.stdout}`).toBe(0);
  return result.stdout;
}

describe('a week of study, through an Anki package, into another data folder', () => {
  it('keeps every card (state, due day, memory) and every rating, and the true retention', async () => {
    const tmp = await dirs.make();
    const first = join(tmp, 'first');
    const second = join(tmp, 'second');
    // Day 0: eight new cards, Good; an hour later their learning steps, Good; days later, reviews.
    await ok(['study', '--plain', '--deck', DECK, '--data', first, '--new', '8'], { env: { FACTDECK_NOW: at(0) }, input: '\n3\n'.repeat(8) });
    await ok(['study', '--plain', '--deck', DECK, '--data', first, '--new', '0'], { env: { FACTDECK_NOW: at(0, 10) }, input: '\n3\n'.repeat(8) });
    await ok(['study', '--plain', '--deck', DECK, '--data', first, '--new', '0'], { env: { FACTDECK_NOW: at(6) }, input: '\n1\n\n3\n\n3\n\n4\n\n3\n\n3\n\n1\n\n3\n\n3\n\n3\n' });
    const before = await cardsOf(first, DECK);
    expect([...before.values()].some((card) => card.state === 'review')).toBe(true);

    const apkg = join(tmp, 'week.apkg');
    const exported = await ok(['export', '--format', 'apkg', '--deck', DECK, '--with-progress', '--data', first, '--out', apkg], { env: { FACTDECK_NOW: at(6, 12) } });
    expect(exported).toMatch(/with the schedule of 8 cards and \d+ reviews/);
    const imported = await ok(['import', apkg, '--with-progress', '--data', second, '--out', join(tmp, DECK)], { env: { FACTDECK_NOW: at(6, 12) } });
    expect(imported).toMatch(new RegExp(`Imported ${FACTS} cards`));
    expect(imported).toMatch(/schedule: 8 cards with \d+ ratings for profile default/);

    const after = await cardsOf(second, DECK);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [factId, card] of before) {
      const back = after.get(factId) as CardRecord;
      expect(back.state, factId).toBe(card.state);
      expect(back.reps, factId).toBe(card.reps);
      expect(back.lapses, factId).toBe(card.lapses);
      expect(back.stability, factId).toBeCloseTo(card.stability, 3);
      expect(back.difficulty, factId).toBeCloseTo(card.difficulty, 2);
      const slack = card.state === 'review' ? 86_400_000 : 1000;
      expect(Math.abs(Date.parse(back.due) - Date.parse(card.due)), factId).toBeLessThan(slack);
    }
    expect(await reviewCount(second)).toBe(await reviewCount(first));
    const stats = async (data: string, deck: string): Promise<unknown> =>
      (JSON.parse(await ok(['stats', '--json', '--data', data, '--deck', deck], { env: { FACTDECK_NOW: at(6, 12) } })) as { retention: unknown }).retention;
    const retention = await stats(first, DECK);
    expect(retention).toMatchObject({ reviewed: 8, recalled: 6, percent: 75, desired: 0.9 });
    expect(await stats(second, join(tmp, DECK))).toEqual(retention);

    // Imported again: the cards that have progress keep it, nothing is counted twice.
    const again = await ok(['import', apkg, '--with-progress', '--data', second, '--out', join(tmp, DECK), '--force'], { env: { FACTDECK_NOW: at(6, 12) } });
    expect(again).toMatch(/schedule: 0 cards with 0 ratings .* 8 cards already had progress here and kept it/);
    expect(await reviewCount(second)).toBe(await reviewCount(first));
  }, 120_000);
});

describe('factdeck optimize', () => {
  it('with too little history, says how many more reviews it takes and changes nothing', async () => {
    const data = join(await dirs.make(), 'data');
    await ok(['study', '--plain', '--deck', DECK, '--data', data, '--new', '3'], { env: { FACTDECK_NOW: at(0) }, input: '\n3\n'.repeat(3) });
    const out = await ok(['optimize', '--data', data]);
    expect(out).toMatch(/Not enough history to fit FSRS to profile default yet: nothing was changed/);
    expect(out).toMatch(/it needs 64 of them and this profile has 0 \(of 3 ratings in all\)/);
    expect(out).toMatch(/About 64 more such reviews/);
    expect(await ok(['config', '--data', data])).toMatch(/FSRS parameters {4}the defaults/);
  });

  it('fits a learner\'s months of history from Anki, saves with --yes, schedules with it, and goes back with --reset-parameters', async () => {
    const tmp = await dirs.make();
    const data = join(tmp, 'data');
    const truth = safeParameters(DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 4 : w)));
    const start = Date.UTC(2026, 0, 5, 12);
    const learner = simulateLearner(truth, 300, { start, days: 150, seed: 11 });
    const deck = learnerDeck('items', 300);
    const now = new Date(start + 150 * 86_400_000);
    const plan = planApkgExport(deck, null, { cards: learner.cards, reviews: new Map([...learner.reviews].map(([id, list]) => [id, list.map(revlogEntry)])), desiredRetention: 0.9, dayStart: now.getTime() - 5 * 3_600_000 }, now);
    const apkg = join(tmp, 'items.apkg');
    await writeFile(apkg, await writeAnkiPackage(plan, now, null));
    const env = { FACTDECK_NOW: now.toISOString() };
    expect(await ok(['import', apkg, '--with-progress', '--data', data, '--out', join(tmp, 'items')], { env })).toMatch(/schedule: 300 cards with \d+ ratings/);

    const shown = await ok(['optimize', '--plain', '--data', data], { env });
    expect(shown).toMatch(/FSRS fitted to \d+ reviews of profile default/);
    expect(shown).toMatch(/ now +log loss \d\.\d{4} {3}RMSE \d+\.\d\d%\n +fitted +log loss \d\.\d{4}/);
    expect(shown).toMatch(/Nothing was saved: run it in a terminal to be asked, or add --yes to save them/);
    expect(await ok(['config', '--data', data], { env })).toMatch(/the defaults/);

    const json = JSON.parse(await ok(['optimize', '--json', '--yes', '--data', data], { env })) as { saved: boolean; parameters: number[]; before: { logLoss: number }; after: { logLoss: number } };
    expect(json.saved).toBe(true);
    expect(json.after.logLoss).toBeLessThan(json.before.logLoss);
    const config = JSON.parse(await ok(['config', '--json', '--data', data], { env })) as { fsrsParameters: number[] | null };
    expect(config.fsrsParameters).toEqual(json.parameters);
    expect(await ok(['config', '--data', data], { env })).toMatch(/fitted to your reviews/);

    // The scheduler uses them: study rates a due card and shows sane intervals.
    const study = await ok(['study', '--plain', '--deck', join(tmp, 'items'), '--data', data, '--new', '0'], { env, input: '\n3\nq\n' });
    expect(study).toMatch(/Good \d+(d|mo|y)/);

    const reset = await ok(['config', '--reset-parameters', '--data', data], { env });
    expect(reset).toMatch(/^Saved\. /);
    expect(reset).toMatch(/the defaults/);
    expect((JSON.parse(await ok(['config', '--json', '--data', data], { env })) as { fsrsParameters: unknown }).fsrsParameters).toBeNull();
  }, 120_000);
});
