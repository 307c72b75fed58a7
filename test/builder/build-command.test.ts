// `factdeck build` end to end, as cli.ts will call it: on temp folders (a temp root with a copy of the
// questions/ folder, so the real one is never written), with a Context built here.

import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/bank/load-decks.js';
import { buildCommand, MAX_ARTICLE_BYTES } from '../../src/commands/build.js';
import type { Context } from '../../src/context.js';
import type { Deck } from '../../src/domain/deck.js';
import { DeckError, UsageError } from '../../src/errors.js';
import { tempDirs } from '../helpers/cli-run.js';
import { FIXTURES, ROOT, SEED_ARTICLE_FILE } from './helpers.js';

const dirs = tempDirs('factdeck-build-');
afterEach(() => dirs.removeAll());
const tempDir = dirs.make;

interface TestContext extends Context {
  out: () => string;
}

function makeContext(root: string, cwd: string): TestContext {
  const chunks: string[] = [];
  const stdout = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    stdin: new PassThrough(),
    stdout,
    stderr: new Writable({ write: (_c, _e, done) => done() }),
    env: {},
    interactive: false,
    color: false,
    now: () => new Date('2026-06-01T09:00:00Z'),
    cwd,
    root,
    out: () => chunks.join(''),
  };
}

/** A temp project root with a copy of questions/ (the schema and the seed deck), and a working folder. */
async function setup(): Promise<{ root: string; cwd: string; context: TestContext }> {
  const root = await tempDir();
  await cp(join(ROOT, 'questions'), join(root, 'questions'), { recursive: true });
  const cwd = await tempDir();
  return { root, cwd, context: makeContext(root, cwd) };
}

const SLUG = 'us-secretary-of-state-blinken';
/** The deck's title: what the headline is about, without what it tells (round 40). */
const TITLE = 'US Secretary of State Blinken';

describe('factdeck build', () => {
  it("writes the article byte for byte and a deck that passes check, in the learner's decks folder (data/decks/<slug-of-its-title>/)", async () => {
    const { root, context } = await setup();
    const builtIn = await readdir(join(root, 'questions'));
    await buildCommand(context, SEED_ARTICLE_FILE, {});
    // A source checkout keeps progress, and so the learner's decks, in data/; the built-in decks are not touched.
    const dir = join(root, 'data', 'decks', SLUG);
    expect(await readdir(join(root, 'questions'))).toEqual(builtIn);
    expect(await readFile(join(dir, 'article.txt'))).toEqual(await readFile(SEED_ARTICLE_FILE));
    const deck = JSON.parse(await readFile(join(dir, 'deck.json'), 'utf8')) as Deck;
    expect(deck).toMatchObject({ schemaVersion: 1, id: SLUG, origin: 'generated' });
    expect(deck.title).toBe(TITLE);
    expect(deck.source.headline).toBe('US Secretary of State Blinken Engages in Talks with Chinese FM, Plans Visit to Beijing');
    expect((await loadDeck(dir)).problems).toEqual([]);
    const out = context.out();
    expect(out).toMatch(new RegExp(`^Drafted ".*": ${deck.facts.length} facts, ${deck.questions.length} questions \\(`, 'm'));
    expect(out).toContain(`go through it with \`factdeck edit ${SLUG}\`, then \`factdeck quiz --deck ${SLUG}\`.\n`);
  });

  it('--data says whose decks folder; a title whose id a built-in deck has is refused there, writing nothing', async () => {
    const { root, cwd, context } = await setup();
    await buildCommand(context, SEED_ARTICLE_FILE, { data: 'elsewhere' });
    expect(existsSync(join(cwd, 'elsewhere', 'decks', SLUG, 'deck.json'))).toBe(true);
    const refused = buildCommand(context, SEED_ARTICLE_FILE, { title: 'Blinken visit Beijing' });
    await expect(refused).rejects.toMatchObject({ name: 'UsageError', message: expect.stringContaining('a built-in deck already has the id "blinken-visit-beijing"'), hint: expect.stringContaining('--title') });
    expect(existsSync(join(root, 'data', 'decks', 'blinken-visit-beijing'))).toBe(false);
  });

  it('writes where --out says, with the title given, and no $schema outside questions/', async () => {
    const { cwd, context } = await setup();
    await buildCommand(context, SEED_ARTICLE_FILE, { out: 'my-deck', title: 'My own title', seed: 5 });
    const deck = JSON.parse(await readFile(join(cwd, 'my-deck', 'deck.json'), 'utf8')) as Deck;
    expect(deck.id).toBe('my-deck');
    expect(deck.title).toBe('My own title');
    expect(deck.$schema).toBeUndefined();
    expect(context.out()).toContain('Wrote my-deck/article.txt and my-deck/deck.json (seed 5).');
  });

  it('gives the same deck.json, byte for byte, for the same article and seed', async () => {
    const { cwd, context } = await setup();
    await buildCommand(context, SEED_ARTICLE_FILE, { out: 'a', seed: 3 });
    await buildCommand(context, SEED_ARTICLE_FILE, { out: join('b', 'a'), seed: 3 });
    expect(await readFile(join(cwd, 'b', 'a', 'deck.json'), 'utf8')).toBe(await readFile(join(cwd, 'a', 'deck.json'), 'utf8'));
  });

  it('never overwrites a deck without --force, and says how', async () => {
    const { cwd, context } = await setup();
    await buildCommand(context, SEED_ARTICLE_FILE, { out: 'deck' });
    await writeFile(join(cwd, 'deck', 'deck.json'), '{"edited": true}');
    const refused = buildCommand(context, SEED_ARTICLE_FILE, { out: 'deck' });
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toMatchObject({ message: 'deck already holds a deck', hint: expect.stringContaining('--force') });
    expect(await readFile(join(cwd, 'deck', 'deck.json'), 'utf8')).toBe('{"edited": true}');
    await buildCommand(context, SEED_ARTICLE_FILE, { out: 'deck', force: true });
    expect((await loadDeck(join(cwd, 'deck'))).problems).toEqual([]);
  });

  it('--explain lists every candidate kept or dropped, with the reason', async () => {
    const { context } = await setup();
    await buildCommand(context, SEED_ARTICLE_FILE, { out: 'deck', explain: true });
    const out = context.out();
    expect(out).toMatch(/^sentence 1: US Secretary of State Blinken/m);
    // Every line names the rule that decided: "rule: reason".
    expect(out).toMatch(/^ {2}dropped sentence {5}US Secretary .* \(headline: its facts are asked from the body\)$/m);
    expect(out).toMatch(/^ {2}kept {4}fact {9}The State Department announced/m);
    expect(out).toMatch(/^ {2}dropped fact {9}The discussions will cover .* \(no-key: /m);
    expect(out).toMatch(/^ {2}kept {4}(?:cloze|choice|short-answer) .* -> June 16 to 21$/m);
    expect(out).toMatch(/^ {2}dropped (?:cloze|choice|short-answer) .* -> Blinken {2}\(giveaway: the (?:answer|surname) "Blinken" (?:of the answer )?is in the deck's title/m);
    expect(out).toMatch(/^ {2}dropped (choice|cloze|short-answer) .* \((per-sentence|per-key|giveaway|distractors|no-wh-shape|self-check|near-duplicate): /m);
  });

  it('--json prints a summary a script can read', async () => {
    const { cwd, context } = await setup();
    await buildCommand(context, SEED_ARTICLE_FILE, { out: 'deck', json: true });
    const summary = JSON.parse(context.out()) as { ok: boolean; dir: string; deckId: string; facts: number; questions: number; kinds: Record<string, number> };
    expect(summary).toMatchObject({ ok: true, dir: join(cwd, 'deck'), deckId: 'deck' });
    expect(Object.values(summary.kinds).reduce((a, b) => a + b, 0)).toBe(summary.questions);
  });

  it('reads Windows line endings and a byte-order mark, and still copies the bytes as they are', async () => {
    const { cwd, context } = await setup();
    const text = `\uFEFF${(await readFile(SEED_ARTICLE_FILE, 'utf8')).replace(/\n/g, '\r\n')}`;
    await writeFile(join(cwd, 'crlf.txt'), text);
    await buildCommand(context, 'crlf.txt', { out: 'crlf' });
    expect(await readFile(join(cwd, 'crlf', 'article.txt'), 'utf8')).toBe(text);
    const deck = JSON.parse(await readFile(join(cwd, 'crlf', 'deck.json'), 'utf8')) as Deck;
    expect(deck.title).toBe(TITLE);
    expect((await loadDeck(join(cwd, 'crlf'))).problems).toEqual([]);
  });

  it('titles an article without a headline from its file name', async () => {
    const { root, cwd, context } = await setup();
    await writeFile(join(cwd, 'port-news.txt'), 'The port of Valletta reopened on Monday after a storm, officials said. About 300 ships waited in the bay.');
    await buildCommand(context, 'port-news.txt', {});
    expect(existsSync(join(root, 'data', 'decks', 'port-news', 'deck.json'))).toBe(true);
  });

  it.each([
    ['a missing file', async (cwd: string) => join(cwd, 'nope.txt'), UsageError, /^no file at \/.*nope\.txt$/],
    ['a folder', async (cwd: string) => cwd, UsageError, /is a folder, not an article/],
    ['an empty file', async (cwd: string) => write(cwd, 'empty.txt', '  \n\n'), DeckError, /empty\.txt is empty/],
    ['a file that is not UTF-8', async (cwd: string) => write(cwd, 'latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])), DeckError, /is not UTF-8 text/],
    ['a binary file', async (cwd: string) => write(cwd, 'bin.txt', Buffer.from([0x00, 0x01, 0x02])), DeckError, /is a binary file/],
    ['a file over 5 MB', async (cwd: string) => write(cwd, 'big.txt', 'a'.repeat(MAX_ARTICLE_BYTES + 1)), UsageError, /is too large \(5\.0 MB; the limit is 5 MB\)/],
    ['an article with no usable sentences', async (cwd: string) => write(cwd, 'words.txt', 'Notes\nthings and stuff\nmore of it here'), DeckError, /has no usable sentences/],
  ] as const)('refuses %s clearly, writing nothing', async (_name, make, type, message) => {
    const { root, cwd, context } = await setup();
    const path = await make(cwd);
    const attempt = buildCommand(context, path, { out: 'deck' });
    await expect(attempt).rejects.toBeInstanceOf(type);
    await expect(attempt).rejects.toMatchObject({ message: expect.stringMatching(message), hint: expect.any(String) });
    expect(existsSync(join(cwd, 'deck'))).toBe(false);
    expect(existsSync(join(root, 'questions', 'deck'))).toBe(false);
    expect(existsSync(join(root, 'data', 'decks'))).toBe(false);
  });

  it('makes the id from the title when the folder name cannot be one, and says so; check accepts the folder', async () => {
    const { cwd, context } = await setup();
    await buildCommand(context, SEED_ARTICLE_FILE, { out: 'My_Deck', title: 'Blinken in Beijing' });
    const deck = JSON.parse(await readFile(join(cwd, 'My_Deck', 'deck.json'), 'utf8')) as Deck;
    expect(deck.id).toBe('blinken-in-beijing');
    expect(context.out()).toContain('The folder name "My_Deck" cannot be a deck id (lowercase letters, digits, hyphens): the deck\'s id is "blinken-in-beijing", made from its title.');
    expect((await loadDeck(join(cwd, 'My_Deck'))).problems).toEqual([]);
  });

  it('builds every fixture article into a deck that passes check', async () => {
    const { cwd, context } = await setup();
    for (const name of ['census-population-estimates', 'embassy-flood-aid', 'nasa-europa-flyby', 'noaa-hurricane-delia', 'ohio-measles-notice']) {
      await buildCommand(context, join(FIXTURES, name, 'article.txt'), { out: name });
      expect((await loadDeck(join(cwd, name))).problems, name).toEqual([]);
    }
  });
});

async function write(dir: string, name: string, data: string | Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), data);
  return join(dir, name);
}
