// Deck folder names and deck ids made of escape sequences: the validator refuses such an id, and every
// message that names the folder, the file or the id prints it through printable(). Also deck.json text
// with raw control and bidi characters where JSON does not allow them: the syntax error is reported
// without echoing them.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDeckText } from '../../src/bank/parse-deck.js';
import { BEL, ESC, firstForbidden, forbiddenBytes, hostileDeck, writeHostileDeck } from './helpers/hostile-deck.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';
import { expectClean } from './helpers/expect-clean.js';

const BAD_FOLDER = `bad${ESC}]0;pwned${BEL}${ESC}[2J\u202ename`;
const BAD_ID = `${ESC}[31mred\u009b2J\u2066`;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await makeSandbox();
  // The folder's name is not a deck id (the deck says the same id); another folder is fine but its deck's id is not.
  await writeHostileDeck(sandbox.questions, { id: BAD_FOLDER, payload: 'plain' });
  await writeHostileDeck(sandbox.questions, { id: 'fine-folder', deckId: BAD_ID, payload: 'plain' });
});
afterAll(async () => {
  await sandbox.remove();
});
afterEach(() => {
  killLeftovers();
});

function run(args: readonly string[], input?: string): Promise<RawResult> {
  return runRaw(args, { bin: sandbox.bin, cwd: sandbox.root, input });
}


describe('the validator and deck ids', () => {
  it.each([BAD_ID, BAD_FOLDER, '../../etc', '__proto__', 'has_underscore', 'A-Capital', '-leading-hyphen', 'x'.repeat(65)])('refuses the deck id %j', (id) => {
    const { deck, article } = hostileDeck({ id, payload: 'plain' });
    const result = parseDeckText(JSON.stringify(deck), { folderName: id, article });
    expect(result.deck).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ code: 'schema', path: 'id', message: expect.stringContaining('is not a simple name') })]);
  });
});

describe('hostile folder names and deck ids, through the built program (NO_COLOR=1)', () => {
  it('check: both decks refused, every line clean', async () => {
    const result = await run(['check']);
    expect(result.code).toBe(1);
    expect(result.out.match(/is not a simple name/g)).toHaveLength(2);
    expect(result.out).toContain('2 problems in 2 of 2 decks.');
    expectClean(result);
  });

  it('check --json: the bad names are JSON-escaped data, no raw control or bidi character', async () => {
    const result = await run(['check', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { decks: { problems: unknown[] }[] };
    expect(report.decks).toHaveLength(2);
    expect(JSON.stringify(report)).toContain('pwned');
    expectCleanJson(result);
  });

  it('decks: both listed with their problems, clean', async () => {
    const result = await run(['decks']);
    expect(result.code).toBe(0);
    expect(result.out.match(/1 problem: run `factdeck check /g)).toHaveLength(2);
    expectClean(result);
  });

  it('decks --json: clean', async () => {
    const result = await run(['decks', '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as { decks: unknown[] }).decks).toHaveLength(2);
    expectCleanJson(result);
  });

  it('quiz --plain with no usable deck: a one-line refusal naming the deck, clean', async () => {
    const result = await run(['quiz', '--plain', '--data', await sandbox.dataDir()], '\n');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^factdeck: the deck .*deck\.json(:\d+:\d+)? has 1 problem, first: deck id .* is not a simple name\n/);
    expectClean(result);
  });

  it('quiz --plain --deck <the bad folder, as a path>: refused, clean', async () => {
    const result = await run(['quiz', '--plain', '--deck', `./questions/${BAD_FOLDER}`, '--data', await sandbox.dataDir()], '\n');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^factdeck: the deck /);
    expectClean(result);
  });

  it('quiz --plain --deck <an escape sequence>: a usage error that does not echo it raw', async () => {
    const result = await run(['quiz', '--plain', '--deck', BAD_ID, '--data', await sandbox.dataDir()], '\n');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/is not a deck id/);
    expectClean(result);
  });

  it('quiz --plain --deck <an id one character too long>: the hint says how long an id may be', async () => {
    const result = await run(['quiz', '--plain', '--deck', 'a'.repeat(65), '--data', await sandbox.dataDir()], '\n');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/is not a deck id/);
    expect(result.err).toContain('lowercase letters, digits and hyphens, 64 at most');
  });

  it('export --deck <the bad folder>: refused, clean', async () => {
    const result = await run(['export', '--format', 'csv', '--deck', `./questions/${BAD_FOLDER}`]);
    expect(result.code).toBe(1);
    expectClean(result);
  });
});

/** --json output: any control or bidi character is a \u escape inside a JSON string, never the raw character. */
function expectCleanJson(result: RawResult): void {
  expect(forbiddenBytes(result.stdout), 'stdout bytes').toEqual([]);
  expect(firstForbidden(result.out), 'stdout').toBeNull();
  expect(result.err).toBe('');
}

describe('raw control and bidi characters in deck.json text (JSON forbids them in strings)', () => {
  it.each([
    ['ESC inside a string', `{"id": "a${ESC}]0;pwned${BEL}"}`],
    ['C1 CSI outside a string', '{"id": \u009b2J}'],
    ['RLO outside a string', '{"id": \u202e"x"}'],
    ['NUL', '{"id": "a\u0000"}'],
  ])('%s: a syntax error with its line and column, clean', async (_name, text) => {
    const dir = join(await sandbox.dataDir(), 'raw-json');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'deck.json'), text);
    await writeFile(join(dir, 'article.txt'), 'An article.\n');
    const result = await run(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/deck\.json:1:\d+\n\s+invalid JSON: /);
    expectClean(result);
  });
});
