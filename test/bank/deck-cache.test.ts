import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DECK_CHECKS_KEPT, DeckCache } from '../../src/bank/deck-cache.js';
import { loadDeck, type DeckReport } from '../../src/bank/load-decks.js';
import { userCacheDir } from '../../src/paths.js';
import { ROOT, tempDirs } from '../helpers/cli-run.js';

const MINI = join(ROOT, 'test', 'fixtures', 'decks', 'mini');
const dirs = tempDirs('factdeck-deck-cache-');
afterAll(() => dirs.removeAll());

/** A copy of the mini deck in a folder of its own name, and an empty cache folder. */
async function setUp(): Promise<{ deck: string; cache: DeckCache; cacheDir: string }> {
  const root = await dirs.make();
  const deck = join(root, 'mini');
  await cp(MINI, deck, { recursive: true });
  const cacheDir = join(root, 'cache', 'decks');
  return { deck, cache: new DeckCache(cacheDir), cacheDir };
}

async function entries(cacheDir: string): Promise<string[]> {
  return (await readdir(cacheDir).catch(() => [])).filter((name) => name.endsWith('.check'));
}

/** Rewrites an entry's body and gives it a header that proves it, as a well-formed entry would have. */
async function forge(file: string, body: string): Promise<void> {
  const [magic, version, key] = (await readFile(file, 'latin1')).split('\n', 1)[0]!.split(' ');
  const sha = createHash('sha256').update(body, 'latin1').digest('hex');
  await writeFile(file, `${magic} ${version} ${key} ${sha}\n${body}`, 'latin1');
}

const sentencesOf = (report: DeckReport): Record<string, string> =>
  Object.fromEntries([...(report.loaded?.sources ?? new Map())].map(([id, span]) => [id, report.loaded!.article!.slice(span.start, span.end)]));

describe('the cache of decks already checked', () => {
  it('remembers a deck that passed every check, and gives the same deck from it', async () => {
    const { deck, cache, cacheDir } = await setUp();
    const first = await loadDeck(deck, { cache });
    expect(first.problems).toEqual([]);
    const [entry] = await entries(cacheDir);
    expect(entry).toMatch(/^[0-9a-f]{64}\.check$/);
    const second = await loadDeck(deck, { cache });
    expect(second.problems).toEqual([]);
    expect(second.loaded?.deck).toEqual(first.loaded?.deck);
    expect(second.loaded?.article).toBe(first.loaded?.article);
    expect(second.loaded?.sources).toEqual(first.loaded?.sources);
    // Each fact's sentence is the one its quote stands in.
    const sentences = sentencesOf(second);
    const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();
    for (const fact of second.loaded!.deck.facts) expect(fold(sentences[fact.id] ?? '')).toContain(fold(fact.quote));
    expect(await entries(cacheDir)).toEqual([entry]);
  });

  it('is what a load uses when the entry proves itself (so it is read, not checked again)', async () => {
    const { deck, cache, cacheDir } = await setUp();
    const first = await loadDeck(deck, { cache });
    const facts = first.loaded!.deck.facts;
    const [entry] = await entries(cacheDir);
    // Every sentence said to be the article's first ten characters: only a load that reads the entry says so.
    await forge(join(cacheDir, entry!), JSON.stringify({ spans: facts.flatMap(() => [0, 10]) }));
    const second = await loadDeck(deck, { cache });
    expect(Object.values(sentencesOf(second))).toEqual(facts.map(() => first.loaded!.article!.slice(0, 10)));
  });

  it('never trusts an entry that does not prove itself: a changed byte, a cut file, spans that do not fit', async () => {
    const { deck, cache, cacheDir } = await setUp();
    const first = await loadDeck(deck, { cache });
    const [name] = await entries(cacheDir);
    const entry = join(cacheDir, name!);
    const good = await readFile(entry);
    const damaged = [
      Buffer.concat([good.subarray(0, good.length - 3), Buffer.from('9]}')]),
      good.subarray(0, good.length - 5),
      good.subarray(0, 40),
      Buffer.alloc(0),
    ];
    for (const bytes of damaged) {
      await writeFile(entry, bytes);
      const report = await loadDeck(deck, { cache });
      expect(report.problems).toEqual([]);
      expect(report.loaded?.sources).toEqual(first.loaded?.sources);
      // Checked again in full, and remembered afresh.
      expect(await readFile(entry)).toEqual(good);
    }
    const facts = first.loaded!.deck.facts;
    const articleLength = first.loaded!.article!.length;
    for (const spans of [facts.flatMap(() => [0, 10]).slice(2), facts.flatMap(() => [5, 2]), facts.flatMap(() => [0, articleLength + 1]), facts.flatMap(() => [0.5, 3])]) {
      await forge(entry, JSON.stringify({ spans }));
      const report = await loadDeck(deck, { cache });
      expect(report.loaded?.sources).toEqual(first.loaded?.sources);
    }
  });

  it('checks a deck again in full when its bytes, its article or its folder changed', async () => {
    const { deck, cache, cacheDir } = await setUp();
    expect((await loadDeck(deck, { cache })).problems).toEqual([]);
    const deckText = await readFile(join(deck, 'deck.json'), 'utf8');
    const parsed = JSON.parse(deckText) as { facts: { quote: string }[] };

    // A quote no longer in the article.
    parsed.facts[0]!.quote = 'words the article never had';
    await writeFile(join(deck, 'deck.json'), JSON.stringify(parsed, null, 2));
    expect((await loadDeck(deck, { cache })).problems.map((p) => p.code)).toEqual(['quote-not-found']);
    await writeFile(join(deck, 'deck.json'), deckText);
    expect((await loadDeck(deck, { cache })).problems).toEqual([]);

    // The article changed under an unchanged deck.
    const article = await readFile(join(deck, 'article.txt'), 'utf8');
    await writeFile(join(deck, 'article.txt'), article.replace(/[A-Za-z]/g, 'x'));
    expect((await loadDeck(deck, { cache })).problems.filter((p) => p.code === 'quote-not-found').length).toBeGreaterThan(0);
    await writeFile(join(deck, 'article.txt'), article);

    // The same bytes in a folder of another name: the id no longer matches the folder.
    const moved = join(deck, '..', 'renamed');
    await cp(deck, moved, { recursive: true });
    expect((await loadDeck(moved, { cache })).problems.map((p) => p.code)).toEqual(['id-mismatch']);

    // A deck with problems is never remembered: one entry, for the good deck.
    expect(await entries(cacheDir)).toHaveLength(1);
  });

  it('is not read when a check in full is asked for (factdeck check), which still remembers a good deck', async () => {
    const { deck, cache, cacheDir } = await setUp();
    const first = await loadDeck(deck, { cache, checkInFull: true });
    const [entry] = await entries(cacheDir);
    expect(entry).toBeDefined();
    await forge(join(cacheDir, entry!), JSON.stringify({ spans: first.loaded!.deck.facts.flatMap(() => [0, 10]) }));
    expect((await loadDeck(deck, { cache, checkInFull: true })).loaded?.sources).toEqual(first.loaded?.sources);
  });

  it('keeps the newest entries only, and clears a temp file a killed run left', async () => {
    const { deck, cache, cacheDir } = await setUp();
    const text = await readFile(join(deck, 'deck.json'), 'utf8');
    await mkdir(cacheDir, { recursive: true });
    const leftover = join(cacheDir, `${'0'.repeat(64)}.check.123.tmp`);
    await writeFile(leftover, 'half');
    await utimes(leftover, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    for (let i = 0; i < DECK_CHECKS_KEPT + 3; i++) {
      // The same deck, told apart by the white space at its end.
      await writeFile(join(deck, 'deck.json'), `${text}${' '.repeat(i)}`);
      expect((await loadDeck(deck, { cache })).problems).toEqual([]);
    }
    expect(await entries(cacheDir)).toHaveLength(DECK_CHECKS_KEPT);
    expect(await readdir(cacheDir)).not.toContain(`${'0'.repeat(64)}.check.123.tmp`);
  });

  it('loads as before when the cache cannot be written', async () => {
    const { deck, cacheDir } = await setUp();
    // A file where the folder would be.
    await mkdir(join(cacheDir, '..'), { recursive: true });
    await writeFile(cacheDir, 'not a folder');
    const cache = new DeckCache(cacheDir);
    for (let i = 0; i < 2; i++) {
      const report = await loadDeck(deck, { cache });
      expect(report.problems).toEqual([]);
      expect(report.loaded?.sources?.size).toBe(report.loaded?.deck.facts.length);
    }
    expect(await readFile(cacheDir, 'utf8')).toBe('not a folder');
  });
});

describe('the user cache folder', () => {
  const home = () => '/home/ada';
  it('is $XDG_CACHE_HOME/factdeck when that is absolute, else ~/.cache/factdeck', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/var/cache/ada' }, home)).toBe('/var/cache/ada/factdeck');
    expect(userCacheDir({ XDG_CACHE_HOME: 'relative/cache' }, home)).toBe('/home/ada/.cache/factdeck');
    expect(userCacheDir({ XDG_CACHE_HOME: '' }, home)).toBe('/home/ada/.cache/factdeck');
    expect(userCacheDir({}, home)).toBe('/home/ada/.cache/factdeck');
  });

  it('is none without a home folder', () => {
    expect(userCacheDir({}, () => '')).toBeNull();
    expect(
      userCacheDir({}, () => {
        throw new Error('no home');
      }),
    ).toBeNull();
  });
});
