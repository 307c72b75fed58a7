// Files that are not what they claim: bytes that are not UTF-8 in deck.json, article.txt and a file to
// import (a clear message naming the file and the line, exit 1); and 100 MB files as deck.json, as
// article.txt, as a file to import and as the progress database (a clear refusal, quick, and, where the
// size is checked before reading, without the memory of reading it). A probe loaded with `node --import`
// reports the peak memory of each run (test/fixtures/hostile/rss-probe.mjs).

import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck, MAX_FILE_BYTES } from '../../src/bank/load-decks.js';
import { STACK_TRACE } from '../helpers/cli-run.js';
import { hostileDeck } from './helpers/hostile-deck.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';

const RSS_PROBE = pathToFileURL(new URL('../fixtures/hostile/rss-probe.mjs', import.meta.url).pathname).href;
const HUNDRED_MB = 100 * 1024 * 1024;
/** Node itself and factdeck's modules stay well under this; reading a 100 MB file does not. */
const NOT_READ_RSS_KB = 150 * 1024;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await makeSandbox();
});
afterAll(async () => {
  await sandbox.remove();
});
afterEach(() => {
  killLeftovers();
});

interface ProbedResult extends RawResult {
  maxRssKb: number;
  /** stderr without the probe's line. */
  message: string;
}

async function run(args: readonly string[], input?: string): Promise<ProbedResult> {
  const result = await runRaw(args, { bin: sandbox.bin, cwd: sandbox.root, input, env: { NODE_OPTIONS: `--import=${RSS_PROBE}` }, timeoutMs: 30_000 });
  const rss = /^MAXRSS (\d+)$/m.exec(result.err);
  expect(rss, 'the memory probe reported').not.toBeNull();
  const message = result.err.replace(/^MAXRSS \d+\n/m, '');
  expect(message).not.toMatch(STACK_TRACE);
  return { ...result, maxRssKb: Number(rss?.[1]), message };
}

/** A deck folder holding the valid deck of hostile-deck.ts with plain text, to spoil one file of. */
async function deckFolder(name: string): Promise<string> {
  const dir = join(await sandbox.dataDir(), name);
  const { deck, article } = hostileDeck({ id: name, payload: 'plain' });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'deck.json'), `${JSON.stringify(deck, null, 2)}\n`);
  await writeFile(join(dir, 'article.txt'), article);
  return dir;
}

/** A sparse file of `size` zero bytes: instant, and it takes no disk space. */
async function sparseFile(path: string, size = HUNDRED_MB): Promise<void> {
  const handle = await open(path, 'w');
  await handle.truncate(size);
  await handle.close();
}

/** `text` with one byte that cannot start a UTF-8 character (a Latin-1 "é") right after `marker`. */
function withLatin1(text: string, marker: string): Buffer {
  const at = Buffer.from(text.slice(0, text.indexOf(marker) + marker.length), 'utf8').length;
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]);
}

describe('bytes that are not UTF-8', () => {
  it('in deck.json: the file, the line and the column of the first bad byte', async () => {
    const dir = await deckFolder('latin-deck');
    const text = `${JSON.stringify(hostileDeck({ id: 'latin-deck', payload: 'plain' }).deck, null, 2)}\n`;
    await writeFile(join(dir, 'deck.json'), withLatin1(text, '"title": "Hostile pl'));
    const report = await loadDeck(dir);
    expect(report.loaded).toBeNull();
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'unreadable', message: `${join(dir, 'deck.json')} is not UTF-8 text (the first bad byte is at line 4, column 23)`, hint: expect.stringMatching(/UTF-8/) as string }),
    ]);
    const result = await run(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('deck.json is not UTF-8 text (the first bad byte is at line 4, column 23)');
  });

  it('in deck.json, after multi-byte characters on the same line: the column counts characters', async () => {
    const dir = await deckFolder('multi-byte');
    await writeFile(join(dir, 'deck.json'), Buffer.concat([Buffer.from('{\n  "title": "北京’s ', 'utf8'), Buffer.from([0xff, 0x22, 0x7d])]));
    const report = await loadDeck(dir);
    expect(report.problems[0]?.message).toMatch(/is not UTF-8 text \(the first bad byte is at line 2, column 18\)$/);
  });

  it('a deck.json saved as UTF-16 is named as such', async () => {
    const dir = await deckFolder('utf-sixteen');
    await writeFile(join(dir, 'deck.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"id": "x"}', 'utf16le')]));
    const report = await loadDeck(dir);
    expect(report.problems).toEqual([expect.objectContaining({ message: `${join(dir, 'deck.json')} is UTF-16 text, not UTF-8` })]);
  });

  it('in article.txt: check names the article and its line; a quiz on the deck refuses in one line', async () => {
    const dir = await deckFolder('latin-article');
    const { article } = hostileDeck({ id: 'latin-article', payload: 'plain' });
    await writeFile(join(dir, 'article.txt'), withLatin1(article, 'The talks'));
    const check = await run(['check', dir]);
    expect(check.code).toBe(1);
    expect(check.out).toContain('article.txt is not UTF-8 text (the first bad byte is at line 3, column ');
    const quiz = await run(['quiz', '--plain', '--deck', dir, '--data', await sandbox.dataDir()], '\n');
    expect(quiz.code).toBe(1);
    expect(quiz.message).toMatch(/^factdeck: the deck .*deck\.json has 1 problem, first: .*article\.txt is not UTF-8 text/);
  });

  it('in a file to import: every bad line named, nothing imported', async () => {
    const file = join(await sandbox.dataDir(), 'cards.csv');
    await writeFile(file, Buffer.concat([Buffer.from('front,back\r\nCapital of France,Paris\r\nCaf', 'utf8'), Buffer.from([0xe9]), Buffer.from(',coffee\r\nok,fine\r\n\xff\r\n', 'latin1')]));
    const result = await run(['import', file, '--title', 'latin cards']);
    expect(result.code).toBe(1);
    expect(result.message).toMatch(/cards\.csv:3\n\s+this line is not valid UTF-8 text/);
    expect(result.message).toMatch(/cards\.csv:5\n\s+this line is not valid UTF-8 text/);
    expect(result.message).toContain('2 problems on 2 lines: nothing was imported.');
  });

  it('a file to import that is not there: exit 2, and the hint names every format import reads', async () => {
    const result = await run(['import', join(await sandbox.dataDir(), 'missing.apkg')]);
    expect(result.code).toBe(2);
    expect(result.message).toMatch(/no file at .*missing\.apkg/);
    expect(result.message).toContain('an Anki package (.apkg) or text export (.txt), a CSV/TSV file or a deck.json');
  });
});

describe('a 100 MB file: refused quickly, before it is read', () => {
  it.each([
    ['deck.json', 'deck.json'],
    ['article.txt', 'article.txt'],
  ])('as %s: check refuses it, naming the file and the limit', async (_name, spoiled) => {
    const dir = await deckFolder(`huge-${spoiled.replace('.', '-')}`);
    await sparseFile(join(dir, spoiled));
    const started = Date.now();
    const result = await run(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${spoiled} is too large (100 MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.maxRssKb).toBeLessThan(NOT_READ_RSS_KB);
  });

  it('as deck.json given to quiz --deck: a one-line refusal', async () => {
    const dir = await deckFolder('huge-quiz');
    await sparseFile(join(dir, 'deck.json'));
    const result = await run(['quiz', '--plain', '--deck', dir, '--data', await sandbox.dataDir()], '\n');
    expect(result.code).toBe(1);
    expect(result.message).toMatch(/^factdeck: the deck .*deck\.json has 1 problem, first: .*deck\.json is too large \(100 MB; the limit is 8 MB\)\n/);
    expect(result.maxRssKb).toBeLessThan(NOT_READ_RSS_KB);
  });

  it('as a file to import: refused with the limit, nothing imported', async () => {
    const file = join(await sandbox.dataDir(), 'huge.csv');
    await writeFile(file, Buffer.alloc(HUNDRED_MB, 0x20));
    const result = await run(['import', file]);
    expect(result.code).toBe(1);
    expect(result.message).toMatch(new RegExp(`huge\\.csv\\n\\s+the file is too large \\(100 MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB\\)`));
    expect(result.maxRssKb).toBeLessThan(NOT_READ_RSS_KB);
  });

  it.each([
    ['spaces', (path: string) => writeFile(path, Buffer.alloc(HUNDRED_MB, 0x20)), /it is 100 MB, far larger than a database of progress \(the limit is 64 MB\)/],
    ['zero bytes (sparse)', (path: string) => sparseFile(path), /it is 100 MB, far larger than a database of progress/],
  ])('as factdeck.json (%s): refused with a message naming the file, no crash', async (_name, make, reason) => {
    const data = await sandbox.dataDir();
    await make(join(data, 'factdeck.json'));
    const started = Date.now();
    const result = await run(['stats', '--data', data]);
    expect(result.code).toBe(1);
    expect(result.message).toMatch(/^factdeck: cannot open .*factdeck\.json: /);
    expect(result.message).toMatch(reason);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  // The database file's size is checked before it is read (MAX_DATABASE_BYTES in durable-file.ts).
  it('as factdeck.json: refused before it is read (memory stays low)', async () => {
    const data = await sandbox.dataDir();
    await writeFile(join(data, 'factdeck.json'), Buffer.alloc(HUNDRED_MB, 0x20));
    const result = await run(['stats', '--data', data]);
    expect(result.code).toBe(1);
    expect(result.maxRssKb).toBeLessThan(NOT_READ_RSS_KB);
  });
});
