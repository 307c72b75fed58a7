import { cp, mkdir, readFile, readdir, rename, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DECK_CHECKS_KEPT, DeckCache } from '../../src/bank/deck-cache.js';
import { loadDeck, type DeckReport } from '../../src/bank/load-decks.js';
import type { SentenceSpan } from '../../src/domain/deck.js';
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

interface Sections {
  factTopics: number[];
  factAt: number[];
  spans: number[];
  questionFacts: number[];
  questionKinds: number[];
  questionAt: number[];
}

/**
 * Changes what an entry says (its data and its numbers, by section) and writes it back with a header
 * that proves it, as a well-formed entry would have.
 */
async function forge(file: string, change: (data: Record<string, unknown>, numbers: Sections) => void): Promise<void> {
  const key = basename(file, '.check');
  const cache = new DeckCache(dirname(file));
  const body = cache.lookup(key);
  if (body === null) throw new Error('no entry to forge');
  const data = body.data as Record<string, unknown> & { facts: string[]; questions: string[] };
  const all = [...body.numbers];
  const n = data.facts.length;
  const m = data.questions.length;
  const cut = (from: number, count: number): number[] => all.slice(from, from + count);
  const numbers: Sections = {
    factTopics: cut(0, n),
    factAt: cut(n, 2 * n),
    spans: cut(3 * n, 2 * n),
    questionFacts: cut(5 * n, m),
    questionKinds: cut(5 * n + m, m),
    questionAt: cut(5 * n + 2 * m, 2 * m),
  };
  change(data, numbers);
  const joined = [...numbers.factTopics, ...numbers.factAt, ...numbers.spans, ...numbers.questionFacts, ...numbers.questionKinds, ...numbers.questionAt];
  cache.write(key, { data, numbers: Int32Array.from(joined) });
}

/** A deck's outline as plain data: what choosing questions sees of it. */
const outlineOf = (report: DeckReport): unknown => {
  const { id, title, origin, facts, questions } = report.loaded!.outline;
  return { id, title, origin, facts: facts.map(({ id, topic }) => ({ id, topic })), questions: questions.map(({ id, factId, kind }) => ({ id, factId, kind })) };
};

/** Where each fact's sentence stands, as the loaded deck says. */
function sourcesOf(report: DeckReport): Map<string, SentenceSpan> {
  const sources = new Map<string, SentenceSpan>();
  for (const fact of report.loaded?.outline.facts ?? []) {
    const span = report.loaded!.sourceOf(fact.id);
    if (span !== undefined) sources.set(fact.id, span);
  }
  return sources;
}

const sentencesOf = (report: DeckReport): Record<string, string> =>
  Object.fromEntries([...sourcesOf(report)].map(([id, span]) => [id, report.loaded!.article!.slice(span.start, span.end)]));

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
    expect(sourcesOf(second)).toEqual(sourcesOf(first));
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
    await forge(join(cacheDir, entry!), (_, numbers) => {
      numbers.spans = facts.flatMap(() => [0, 10]);
    });
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
      expect(sourcesOf(report)).toEqual(sourcesOf(first));
      // Checked again in full, and remembered afresh.
      expect(await readFile(entry)).toEqual(good);
    }
    const facts = first.loaded!.deck.facts;
    const articleLength = first.loaded!.article!.length;
    const misfits: ((data: Record<string, unknown>, numbers: Sections) => void)[] = [
      (_, numbers) => (numbers.spans = facts.flatMap(() => [0, 10]).slice(2)),
      (_, numbers) => (numbers.spans = facts.flatMap(() => [5, 2])),
      (_, numbers) => (numbers.spans = facts.flatMap(() => [0, articleLength + 1])),
      (data) => (data.facts = (data.facts as string[]).slice(1)),
      (_, numbers) => (numbers.questionFacts = numbers.questionFacts.map(() => facts.length)),
      (_, numbers) => (numbers.questionKinds = numbers.questionKinds.map(() => 9)),
      (_, numbers) => (numbers.factTopics = numbers.factTopics.map(() => -1)),
      (_, numbers) => (numbers.factAt = numbers.factAt.map((n) => n + 100_000)),
      (_, numbers) => (numbers.questionAt = numbers.questionAt.map(() => -1)),
      (data) => (data.origin = 'stolen'),
      (data) => (data.located = 'yes'),
      (data) => delete data.title,
    ];
    for (const misfit of misfits) {
      await writeFile(entry, good);
      await forge(entry, misfit);
      const report = await loadDeck(deck, { cache });
      expect(sourcesOf(report)).toEqual(sourcesOf(first));
      expect(outlineOf(report)).toEqual(outlineOf(first));
      // Not trusted: checked again and remembered afresh.
      expect(await readFile(entry)).toEqual(good);
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

  it('reads a remembered deck by its outline, each fact and question alone, the whole only when asked', async () => {
    const { deck, cache } = await setUp();
    const first = await loadDeck(deck, { cache });
    const whole = first.loaded!.deck;
    const second = (await loadDeck(deck, { cache })).loaded!;
    expect(outlineOf({ ...first, loaded: second })).toEqual(outlineOf(first));
    for (const fact of whole.facts) expect(second.fact(fact.id)).toEqual(fact);
    for (const question of whole.questions) expect(second.question(question.id)).toEqual(question);
    for (const fact of whole.facts) expect(second.questionsOf(fact.id)).toEqual(whole.questions.filter((q) => q.factId === fact.id));
    expect(second.questionsOf('no such fact')).toEqual([]);
    expect(second.fact('no such fact')).toBeUndefined();
    expect(second.question(whole.facts[0]!.id)).toBeUndefined();
    expect(second.deck).toEqual(whole);
  });

  it('reads facts from the deck.json it recognised, even when an editor saves a new one meanwhile', async () => {
    const { deck, cache } = await setUp();
    const whole = (await loadDeck(deck, { cache })).loaded!.deck;
    const loaded = (await loadDeck(deck, { cache })).loaded!;
    const edited = JSON.parse(JSON.stringify(whole)) as typeof whole;
    edited.facts = edited.facts.map((fact) => ({ ...fact, statement: 'Saved later.' }));
    await writeFile(join(deck, 'deck.json.new'), JSON.stringify(edited));
    await rename(join(deck, 'deck.json.new'), join(deck, 'deck.json'));
    expect(loaded.fact(whole.facts[2]!.id)).toEqual(whole.facts[2]);
    expect(loaded.deck).toEqual(whole);
  });

  it('reads a deck whole once many of its items were asked for, still the bytes it recognised', async () => {
    // A deck of 200 facts, each quoting its own sentence: more than are read alone before the rest is read.
    const root = await dirs.make();
    const deck = join(root, 'many');
    await mkdir(deck);
    const sentences = Array.from({ length: 200 }, (_, i) => `Delegate ${i + 1} arrived in Oslo in May`);
    await writeFile(join(deck, 'article.txt'), `Many Delegates\n${sentences.map((s) => `${s} with aides.`).join(' ')}\n`);
    const facts = sentences.map((quote, i) => ({ id: `f${i}`, statement: `${quote}.`, quote, topic: `topic ${i % 3}` }));
    const questions = facts.map((fact, i) => ({ id: `q${i}`, factId: fact.id, kind: 'cloze', prompt: `Delegate ${i + 1} arrived in _____ in May.`, answer: 'Oslo', accept: [], explanation: 'Oslo.' }));
    const source = { headline: 'Many Delegates', dateline: '', date: '' };
    await writeFile(join(deck, 'deck.json'), JSON.stringify({ schemaVersion: 1, id: 'many', title: 'Many', source, origin: 'generated', facts, questions }));
    const cache = new DeckCache(join(root, 'cache'));
    const first = await loadDeck(deck, { cache });
    expect(first.problems).toEqual([]);
    const loaded = (await loadDeck(deck, { cache })).loaded!;
    expect(loaded.fact('f0')).toEqual(facts[0]);
    // An editor saves another deck.json meanwhile: what is read is still the file that was recognised.
    await writeFile(join(deck, 'deck.json.new'), JSON.stringify({ schemaVersion: 1, id: 'many', title: 'Many', source, origin: 'generated', facts: [], questions: [] }));
    await rename(join(deck, 'deck.json.new'), join(deck, 'deck.json'));
    for (const fact of facts) expect(loaded.fact(fact.id)).toEqual(fact);
    for (const question of questions) expect(loaded.question(question.id)).toEqual(question);
  });

  it('finds a fact in the whole deck when the entry says it stands where another one does', async () => {
    const { deck, cache, cacheDir } = await setUp();
    const whole = (await loadDeck(deck, { cache })).loaded!.deck;
    const [entry] = await entries(cacheDir);
    await forge(join(cacheDir, entry!), (_, numbers) => {
      const at = numbers.factAt;
      // The first fact's offsets given for the second: it parses, but it is not the fact asked for.
      numbers.factAt = [at[0]!, at[1]!, at[0]!, at[1]!, ...at.slice(4)];
    });
    const loaded = (await loadDeck(deck, { cache })).loaded!;
    expect(loaded.fact(whole.facts[1]!.id)).toEqual(whole.facts[1]);
    expect(loaded.fact(whole.facts[0]!.id)).toEqual(whole.facts[0]);
  });

  it('is not read when a check in full is asked for (factdeck check), which still remembers a good deck', async () => {
    const { deck, cache, cacheDir } = await setUp();
    const first = await loadDeck(deck, { cache, checkInFull: true });
    const [entry] = await entries(cacheDir);
    expect(entry).toBeDefined();
    await forge(join(cacheDir, entry!), (_, numbers) => {
      numbers.spans = first.loaded!.deck.facts.flatMap(() => [0, 10]);
    });
    expect(sourcesOf(await loadDeck(deck, { cache, checkInFull: true }))).toEqual(sourcesOf(first));
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
      expect(sourcesOf(report).size).toBe(report.loaded?.deck.facts.length);
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
