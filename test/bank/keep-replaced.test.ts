import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPLACED_DIR, REPLACED_KEPT, keepReplacedDeck } from '../../src/bank/keep-replaced.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('keeping a replaced deck', () => {
  it('moves deck.json and article.txt aside, keeping only the newest few', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'factdeck-replaced-'));
    dirs.push(dir);
    for (let i = 0; i < REPLACED_KEPT + 2; i++) {
      await writeFile(join(dir, 'deck.json'), `deck ${i}`);
      await writeFile(join(dir, 'article.txt'), `article ${i}`);
      const kept = await keepReplacedDeck(dir, new Date(Date.UTC(2026, 5, 1, 9, i)));
      expect(kept).not.toBeNull();
      expect(await readFile(join(kept!, 'deck.json'), 'utf8')).toBe(`deck ${i}`);
      expect((await readdir(dir)).filter((name) => name !== REPLACED_DIR)).toEqual([]);
    }
    const kept = (await readdir(join(dir, REPLACED_DIR))).sort();
    expect(kept).toHaveLength(REPLACED_KEPT);
    expect(await readFile(join(dir, REPLACED_DIR, kept.at(-1)!, 'article.txt'), 'utf8')).toBe(`article ${REPLACED_KEPT + 1}`);
    expect(await readFile(join(dir, REPLACED_DIR, kept[0]!, 'article.txt'), 'utf8')).toBe('article 2');
  });

  it('keeps nothing when there is no deck yet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'factdeck-replaced-'));
    dirs.push(dir);
    await writeFile(join(dir, 'notes.txt'), 'mine');
    expect(await keepReplacedDeck(dir, new Date())).toBeNull();
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
