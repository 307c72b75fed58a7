// Undo in one process after another process rated the same card, with the REAL program: two `study
// --plain` runs on one profile, driven line by line. Run A rates card 1 Good, run B rates the same card
// Easy and is told "(saved)", then A presses u. B's rating was acknowledged, so it must stand: A says
// its rating can no longer be taken back, and the card is the one B's rating made.

import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Store } from '../../src/storage/store.js';
import { runCli, startCli } from '../helpers/cli-run.js';
import { useFaultSuite } from '../helpers/fault-run.js';

const suite = useFaultSuite('factdeck-undo-race-');

interface StoredCard {
  factId: string;
  state: string;
  reps: number;
  due: string;
}

/** The cards as the program reads them: factdeck.json and the log beyond it (a reader's store, nothing written). */
async function cards(dataDir: string): Promise<StoredCard[]> {
  const store = await Store.open(dataDir, { readOnly: true });
  const found = structuredClone(store.data().cards) as StoredCard[];
  await store.close();
  return found;
}

test("u in one study run does not take back another run's saved rating of the same card", async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  const args = ['study', '--plain', '--deck', suite.deckDir, '--data', dataDir];

  const a = startCli(args);
  const b = startCli(args);
  // Both show the same first card: the deck's first new fact.
  await a.waitForStdout(/^Card 1 of \d+ · new/m);
  await b.waitForStdout(/^Card 1 of \d+ · new/m);

  a.write('\n');
  await a.waitForStdout(/^Rate: /m);
  a.write('3\n');
  await a.waitForStdout(/^Good: next in .* \(saved\)$/m);

  b.write('\n');
  await b.waitForStdout(/^Rate: /m);
  b.write('4\n');
  await b.waitForStdout(/^Easy: next in .* \(saved\)$/m);

  a.write('u\n');
  await a.waitForStdout(/^(Undone|Not undone)\b/m);
  a.end('q\n');
  b.end('q\n');
  const [doneA, doneB] = await Promise.all([a.result, b.result]);
  expect(doneA.code, doneA.stderr).toBe(0);
  expect(doneB.code, doneB.stderr).toBe(0);

  expect(doneA.stdout).toMatch(/^Not undone: this card was rated again since, in another factdeck window; that rating stands\.$/m);
  expect(doneA.stdout).not.toMatch(/^Undone\b/m);
  // A's Good stays counted in its summary; nothing is lost on either side.
  expect(doneA.stdout).toMatch(/^Stopped: 1 card rated \(again 0, hard 0, good 1, easy 0\), all saved\.( |$)/m);
  const [card, ...others] = await cards(dataDir);
  expect(others).toEqual([]);
  // The card as B's Easy left it: rated twice (Good, then Easy), in review.
  expect(card).toMatchObject({ state: 'review', reps: 2 });
  const stats = JSON.parse((await runCli(['stats', '--json', '--data', dataDir, '--deck', suite.deckDir])).stdout) as { cards: Record<string, number> };
  expect(stats.cards).toMatchObject({ review: 1 });
});
