// export and import end to end: the commands as cli.ts will call them, on temp folders. The real
// questions/ folder is only ever read; every write goes to a temp root holding a copy of it.

import { cp, mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/bank/load-decks.js';
import { parseDelimited } from '../../src/bank/interop/delimited.js';
import { exportCommand } from '../../src/commands/export.js';
import { importCommand } from '../../src/commands/import.js';
import { DeckError, ReportedFailure, UsageError } from '../../src/errors.js';
import type { Deck } from '../../src/domain/deck.js';
import { tempDirs } from '../helpers/cli-run.js';
import { copyOfProjectRoot, makeContext as makeTestContext, type TestContext } from '../helpers/command-context.js';

const REAL_ROOT = new URL('../../', import.meta.url).pathname;
const SEED_ID = 'blinken-visit-beijing';
const FIXTURES = new URL('../fixtures/interop/', import.meta.url).pathname;

const dirs = tempDirs('factdeck-interop-');
afterEach(() => dirs.removeAll());
const tempDir = dirs.make;

async function tempRoot(): Promise<string> {
  return copyOfProjectRoot(await tempDir());
}

/** Progress and the learner's decks go to the working folder's data/ (never the real checkout's). */
function makeContext(root: string, cwd: string): TestContext {
  const context = makeTestContext(root, cwd);
  context.env = { FACTDECK_DATA: join(cwd, 'data') };
  return context;
}

/** The rows of an Anki or CSV export (header lines and the CSV header row left out), sorted. */
function exportedRows(text: string, format: 'anki' | 'csv'): string[][] {
  if (format === 'csv') {
    const records = parseDelimited(text, { separator: ',' }).records.map((record) => record.fields);
    return records.slice(1).sort(compareRows);
  }
  return parseDelimited(text, { separator: '\t', comment: '#' })
    .records.map((record) => record.fields)
    .sort(compareRows);
}

function compareRows(a: readonly string[], b: readonly string[]): number {
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
}

async function readDeck(dir: string): Promise<Deck> {
  return JSON.parse(await readFile(join(dir, 'deck.json'), 'utf8')) as Deck;
}

describe('factdeck export', () => {
  it('writes the only deck to stdout in Anki format', async () => {
    const context = makeContext(await tempRoot(), await tempDir());
    await exportCommand(context, { format: 'anki' });
    const lines = context.out().split('\n');
    expect(lines.slice(0, 5)).toEqual(['#separator:tab', '#html:false', '#notetype:Basic', '#tags column:3', '#deck:Blinken’s planned trip']);
    const { loaded } = await loadDeck(join(REAL_ROOT, 'questions', SEED_ID));
    expect(exportedRows(context.out(), 'anki')).toHaveLength(loaded?.deck.facts.length ?? -1);
  });

  it('writes CSV to --out, relative to the working folder, and says so', async () => {
    const cwd = await tempDir();
    const context = makeContext(REAL_ROOT, cwd);
    await exportCommand(context, { deck: SEED_ID, format: 'csv', out: 'seed.csv' });
    const text = await readFile(join(cwd, 'seed.csv'), 'utf8');
    expect(text.startsWith('front,back,tags\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const { loaded } = await loadDeck(join(REAL_ROOT, 'questions', SEED_ID));
    expect(context.out()).toBe(`Exported ${loaded?.deck.facts.length ?? -1} cards of "Blinken’s planned trip" to seed.csv (csv).\n`);
  });

  it('JSON is the deck.json, byte for byte; --deck may be a folder path', async () => {
    const context = makeContext(REAL_ROOT, await tempDir());
    await exportCommand(context, { deck: join(REAL_ROOT, 'questions', SEED_ID), format: 'json' });
    expect(context.out()).toBe(await readFile(join(REAL_ROOT, 'questions', SEED_ID, 'deck.json'), 'utf8'));
  });

  it('refuses an unknown format, and several decks without --deck (listing them)', async () => {
    const root = await tempRoot();
    const context = makeContext(root, root);
    await expect(exportCommand(context, { format: 'xlsx' })).rejects.toThrow(UsageError);
    await expect(exportCommand(context, {} as { format: string })).rejects.toThrow('export needs --format');
    await importCommand(context, join(FIXTURES, 'cards.csv'), {});
    const several = exportCommand(context, { format: 'csv' });
    await expect(several).rejects.toThrow(UsageError);
    // The learner's decks first, then the built-in ones.
    await expect(several).rejects.toMatchObject({ message: 'several decks: choose one with --deck', hint: `the decks are: cards, ${SEED_ID}` });
  });

  it('refuses a folder as --out', async () => {
    const cwd = await tempDir();
    await expect(exportCommand(makeContext(REAL_ROOT, cwd), { format: 'csv', out: '.' })).rejects.toThrow(UsageError);
  });
});

describe('factdeck import', () => {
  it("turns a CSV file into <data>/decks/<slug>/deck.json (the learner's decks), with no article, that check accepts", async () => {
    const root = await tempRoot();
    const context = makeContext(root, root);
    await importCommand(context, join(FIXTURES, 'cards.csv'), { title: 'Geography, Europe' });
    const dir = join(root, 'data', 'decks', 'geography-europe');
    expect(await readdir(dir)).toEqual(['deck.json']);
    const report = await loadDeck(dir);
    expect(report.problems).toEqual([]);
    expect(report.loaded?.deck).toMatchObject({ id: 'geography-europe', title: 'Geography, Europe', origin: 'imported' });
    expect(report.loaded?.deck).not.toHaveProperty('$schema');
    expect(report.loaded?.deck.facts).toHaveLength(3);
    expect(context.out()).toContain('Imported 3 cards (csv) into data/decks/geography-europe.');
    expect(context.out()).toContain('factdeck quiz --deck geography-europe');
  });

  it('reads an Anki notes export (HTML, guid/notetype/deck columns) into a deck', async () => {
    const root = await tempRoot();
    const context = makeContext(root, root);
    await importCommand(context, join(FIXTURES, 'anki-notes-export.txt'), {});
    const deck = await readDeck(join(root, 'data', 'decks', 'anki-notes-export'));
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['Capital of France?', 'Paris'],
      ['What does "&" read as?', '<and>'],
      ['Longest river,\nin Africa?', 'Nile'],
    ]);
    expect(deck.facts.map((f) => f.topic)).toEqual(['europe', 'symbols', 'imported']);
  });

  it('gives the same ids when the same file is imported again (with --force)', async () => {
    const root = await tempRoot();
    const context = makeContext(root, root);
    await importCommand(context, join(FIXTURES, 'cards.csv'), {});
    const first = await readDeck(join(root, 'data', 'decks', 'cards'));
    await importCommand(context, join(FIXTURES, 'cards.csv'), { force: true });
    expect(await readDeck(join(root, 'data', 'decks', 'cards'))).toEqual(first);
    expect(context.out()).toContain('(replaced)');
  });

  it('never overwrites a deck without --force; with it, keeps the old deck aside and replaces it, with no stale article', async () => {
    const root = await tempRoot();
    const context = makeContext(root, root);
    // One of the learner's decks, with an article: the seed deck under another id.
    const seedDir = join(root, 'data', 'decks', 'my-seed');
    await cp(join(root, 'questions', SEED_ID), seedDir, { recursive: true });
    await writeFile(join(seedDir, 'deck.json'), (await readFile(join(seedDir, 'deck.json'), 'utf8')).replace(`"id": "${SEED_ID}"`, '"id": "my-seed"'));
    const before = await readFile(join(seedDir, 'deck.json'), 'utf8');
    const clash = importCommand(context, join(FIXTURES, 'cards.csv'), { title: 'my-seed' });
    await expect(clash).rejects.toThrow(UsageError);
    await expect(clash).rejects.toThrow(/already exists/);
    expect(await readFile(join(seedDir, 'deck.json'), 'utf8')).toBe(before);

    const article = await readFile(join(seedDir, 'article.txt'), 'utf8');
    await importCommand(context, join(FIXTURES, 'cards.csv'), { title: 'my-seed', force: true });
    expect((await readdir(seedDir)).sort()).toEqual(['.replaced', 'deck.json']);
    expect((await loadDeck(seedDir)).problems).toEqual([]);
    // The replaced deck is kept whole, beside it.
    const [kept] = await readdir(join(seedDir, '.replaced'));
    expect(await readFile(join(seedDir, '.replaced', kept!, 'deck.json'), 'utf8')).toBe(before);
    expect(await readFile(join(seedDir, '.replaced', kept!, 'article.txt'), 'utf8')).toBe(article);
    expect(context.out()).toMatch(/the deck it replaced is kept in .*\.replaced/);
  });

  it('--out is the user\'s folder: anywhere, but not an existing non-empty one without --force, and named like a deck id', async () => {
    const root = await tempRoot();
    const cwd = await tempDir();
    const context = makeContext(root, cwd);
    await importCommand(context, join(FIXTURES, 'cards.csv'), { out: 'decks/my-cards' });
    expect((await loadDeck(join(cwd, 'decks', 'my-cards'))).problems).toEqual([]);
    expect(context.out()).toContain('factdeck quiz --deck ./decks/my-cards');
    expect(await readDeck(join(cwd, 'decks', 'my-cards'))).not.toHaveProperty('$schema');

    await mkdir(join(cwd, 'full'));
    await writeFile(join(cwd, 'full', 'notes.txt'), 'mine');
    await expect(importCommand(context, join(FIXTURES, 'cards.csv'), { out: 'full' })).rejects.toThrow(/already exists/);
    // A folder name that cannot be an id: the id comes from the title (here the file's name), and is said.
    await importCommand(context, join(FIXTURES, 'cards.csv'), { out: 'My Cards' });
    expect(await readDeck(join(cwd, 'My Cards'))).toMatchObject({ id: 'cards' });
    expect(context.out()).toContain('note: the folder name "My Cards" cannot be a deck id (lowercase letters, digits, hyphens): the deck\'s id is "cards"');

    await mkdir(join(cwd, 'empty'));
    await importCommand(context, join(FIXTURES, 'cards.csv'), { out: 'empty' });
    expect(await readdir(join(cwd, 'empty'))).toEqual(['deck.json']);
  });

  it("a title like \"../../etc\" stays inside the learner's decks folder", async () => {
    const root = await tempRoot();
    const context = makeContext(root, root);
    await importCommand(context, join(FIXTURES, 'cards.csv'), { title: '../../etc' });
    expect(existsSync(join(root, 'data', 'decks', 'etc', 'deck.json'))).toBe(true);
    expect((await readdir(root)).sort()).toEqual(['data', 'questions']);
    expect(await readdir(join(root, 'data'))).toEqual(['decks']);
  });

  it('a folder that cannot be made is a deck error, and leaves nothing behind', async () => {
    const root = await tempRoot();
    const cwd = await tempDir();
    await writeFile(join(cwd, 'a-file'), 'not a folder');
    const context = makeContext(root, cwd);
    await expect(importCommand(context, join(FIXTURES, 'cards.csv'), { out: 'a-file/deck' })).rejects.toThrow(DeckError);
    expect(await readdir(cwd)).toEqual(['a-file']);
  });

  it('a missing file or an empty --title is a usage error', async () => {
    const root = await tempRoot();
    const context = makeContext(root, root);
    await expect(importCommand(context, 'nope.csv', {})).rejects.toThrow(UsageError);
    await expect(importCommand(context, join(FIXTURES, 'cards.csv'), { title: '  ' })).rejects.toThrow(UsageError);
  });
});

describe('malformed files: every bad line reported, nothing written, exit 1', () => {
  const cases: { name: string; file: string; content: () => Promise<string | Uint8Array | null>; lines: (number | null)[]; says: RegExp }[] = [
    {
      name: 'bad rows (one field, empty front, empty back, an unclosed quote)',
      file: 'bad.csv',
      content: () => readFile(join(FIXTURES, 'malformed.csv')),
      lines: [3, 4, 5, 6],
      says: /never closed/,
    },
    { name: 'invalid UTF-8', file: 'latin1.csv', content: async () => Uint8Array.from([...Buffer.from('front,back\nok,fine\ncaf'), 0xe9, ...Buffer.from(',x\n')]), lines: [3], says: /not valid UTF-8/ },
    { name: 'a binary file', file: 'image.txt', content: async () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00, 0x01]), lines: [2], says: /binary/ },
    { name: 'an unknown separator', file: 'cards.txt', content: async () => '#separator:Dash\nQ-A\n', lines: [1], says: /unknown separator/ },
    { name: 'a front that gives its answer away (and no other card)', file: 'cards.csv', content: async () => 'Who is Dana Ortiz?,Dana Ortiz\n', lines: [1], says: /gives away its answer/ },
    { name: 'a JSON deck with a problem', file: 'deck.json', content: async () => '{\n  "schemaVersion": 1,\n  "title": "T",\n  "source": 3\n}\n', lines: [1, 4, 1, 1, 1], says: /missing field "id"/ },
    { name: 'no cards at all', file: 'empty.csv', content: async () => '', lines: [null], says: /no cards/ },
    { name: 'a file over 20 MB', file: 'huge.csv', content: async () => null, lines: [null], says: /too large/ },
  ];

  it.each(cases)('$name', async ({ file, content, lines, says }) => {
    const root = await tempRoot();
    const cwd = await tempDir();
    const path = join(cwd, file);
    const bytes = await content();
    if (bytes === null) {
      await writeFile(path, 'front,back\n');
      await truncate(path, 20 * 1024 * 1024 + 1);
    } else {
      await writeFile(path, bytes);
    }
    const before = await readdir(join(root, 'questions'));
    const context = makeContext(root, cwd);

    await expect(importCommand(context, path, { out: join(cwd, 'target') })).rejects.toBeInstanceOf(ReportedFailure);
    await expect(importCommand(context, path, { title: 'target' })).rejects.toBeInstanceOf(ReportedFailure);

    expect(existsSync(join(cwd, 'target'))).toBe(false);
    expect(existsSync(join(root, 'questions', 'target'))).toBe(false);
    expect(existsSync(join(cwd, 'data', 'decks', 'target'))).toBe(false);
    expect(await readdir(join(root, 'questions'))).toEqual(before);
    const errors = context.err();
    expect(errors).toMatch(says);
    const reported = [...errors.matchAll(new RegExp(`^error {2}${file.replace('.', '\\.')}(?::(\\d+))?`, 'gm'))].map((match) => (match[1] === undefined ? null : Number(match[1])));
    expect(reported).toEqual([...lines, ...lines]);
    expect(errors).toContain('nothing was imported');
    expect(context.out()).toBe('');
  });
});

describe('round trips', () => {
  it.each(['anki', 'csv'] as const)('%s: export, import, export gives the same rows (front, back, tags)', async (format) => {
    const root = await tempRoot();
    const cwd = await tempDir();
    const context = makeContext(root, cwd);
    await exportCommand(context, { deck: SEED_ID, format, out: 'first' });
    const first = await readFile(join(cwd, 'first'), 'utf8');

    // Into another folder: the same rows, the deck tag now naming the new deck.
    await importCommand(context, join(cwd, 'first'), { title: 'Copy' });
    await exportCommand(context, { deck: 'copy', format, out: 'second' });
    const second = await readFile(join(cwd, 'second'), 'utf8');
    const renamed = exportedRows(first, format).map((row) => [row[0] ?? '', row[1] ?? '', (row[2] ?? '').replace(SEED_ID, 'copy')]);
    expect(exportedRows(second, format)).toEqual(renamed.sort(compareRows));

    // Into a folder of the same name: the same file, byte for byte.
    await importCommand(context, join(cwd, 'first'), { out: join(cwd, 'elsewhere', SEED_ID) });
    await exportCommand(context, { deck: `./elsewhere/${SEED_ID}`, format, out: 'third' });
    expect(await readFile(join(cwd, 'third'), 'utf8')).toBe(first);
  });

  it('json: export then import gives the same deck, origin "imported" aside', async () => {
    const root = await tempRoot();
    const cwd = await tempDir();
    const context = makeContext(root, cwd);
    await exportCommand(context, { deck: SEED_ID, format: 'json', out: 'deck.json' });
    await importCommand(context, join(cwd, 'deck.json'), { out: join(cwd, 'copy', SEED_ID) });
    const original = JSON.parse(await readFile(join(root, 'questions', SEED_ID, 'deck.json'), 'utf8')) as Deck;
    const copy = await readDeck(join(cwd, 'copy', SEED_ID));
    expect(copy).toEqual({ ...original, origin: 'imported' });
    expect((await loadDeck(join(cwd, 'copy', SEED_ID))).problems).toEqual([]);
    expect(context.out()).toContain('note: its origin "hand" is now "imported"');

    // An imported deck comes back exactly.
    await exportCommand(context, { deck: `./copy/${SEED_ID}`, format: 'json', out: 'again.json' });
    await importCommand(context, join(cwd, 'again.json'), { out: join(cwd, 'again', SEED_ID) });
    expect(await readDeck(join(cwd, 'again', SEED_ID))).toEqual(copy);
  });
});

describe('export to a terminal', () => {
  it('passes deck text through printable(): no escape sequence from an imported card reaches the screen', async () => {
    const root = await tempRoot();
    const cwd = await tempDir();
    await writeFile(join(cwd, 'evil.csv'), 'Q\u001b[2J\u001b]0;owned\u0007?,A\u001b[31mred\r\n');
    const context = makeContext(root, cwd);
    await importCommand(context, join(cwd, 'evil.csv'), { out: join(cwd, 'evil') });

    const piped = makeContext(root, cwd);
    await exportCommand(piped, { deck: './evil', format: 'csv' });
    expect(piped.out()).toContain('\u001b[31m'); // a pipe gets the exact bytes

    const terminal = makeContext(root, cwd);
    Object.assign(terminal.stdout, { isTTY: true });
    await exportCommand(terminal, { deck: './evil', format: 'csv' });
    expect(terminal.out()).not.toContain('\u001b');
    expect(terminal.out()).toContain('Q?,Ared');
  });
});
