// Every kind of message `check` prints, each made to quote hostile text: field names a deck's author
// typed (unknown fields at the top, in source, in a fact, in each kind of question: they reach the JSON
// path and the message), ids, answers, choices, folder names. The REAL program checks the decks, plain
// and --json; not one escape sequence, control or bidi character reaches stdout or stderr, and the run
// meets every problem code the validator has (so a new message cannot slip past this test unwalked).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { ProblemCode } from '../../src/bank/validate-deck.js';
import { killLeftovers, makeSandbox, runRaw, type Sandbox } from '../helpers/sandbox.js';
import { expectClean } from './helpers/expect-clean.js';
import { BEL, ESC, HOSTILE, hostileDeck } from './helpers/hostile-deck.js';

/** What the tester used: a clipboard write (OSC 52) and a screen clear, in a field name. */
const KEY = `x${ESC}]52;c;UFdORUQ=${BEL}${ESC}[2J\u202e`;
/** A folder name can hold anything but NUL and "/". */
const FOLDER = `deck${ESC}]0;title${BEL}${ESC}[31m\u202ered`;
const H = HOSTILE;

type Json = Record<string, unknown>;
/** The hostile deck: three facts, six questions (one of each kind, in hostile-deck.ts's order). */
type Deck = Json & { facts: [Json, Json, Json]; questions: [Json, Json, Json, Json, Json, Json]; source: Json };

/** Each deck breaks the valid hostile deck one way (a deck with schema errors is not checked further). */
const BREAKS: Record<string, (deck: Deck) => void> = {
  'unknown-fields': (deck) => {
    deck[KEY] = 1;
    deck.source[`${KEY}s`] = 1;
    deck.facts[0][`${KEY}f`] = 1;
    for (const [i, question] of deck.questions.entries()) question[`${KEY}q${i}`] = 1;
  },
  'wrong-types': (deck) => {
    deck.facts[0].statement = 5;
    deck.questions[0].kind = `essay ${H}`;
    deck.questions[1].answer = `yes ${H}`;
    delete deck.facts[1].topic;
    deck.origin = `by hand ${H}`;
    deck.questions[2].accept = [`ok ${H}`, 7];
  },
  'bad-id': (deck) => {
    deck.id = `id ${H}`;
  },
  semantics: (deck) => {
    const [choice, trueFalse, cloze, short, order, multi] = deck.questions;
    trueFalse.id = `q ${H}`;
    short.id = `q ${H}`;
    Object.assign(choice, { answer: `nowhere ${H}`, choices: [`same ${H}`, `same ${H}`, 'Paris'] });
    Object.assign(cloze, { prompt: `No blank here ${H}`, factId: `no such fact ${H}` });
    Object.assign(short, { prompt: `Is it three hours ${H}?` });
    Object.assign(order, { answer: [`talks ${H}`, `elsewhere ${H}`], relatedFactIds: [`no fact ${H}`] });
    Object.assign(multi, { answer: [`stray ${H}`] });
    deck.facts[1].quote = `not in the article ${H}`;
  },
  'id-mismatch': (deck) => {
    deck.id = 'another-name';
  },
};

let sandbox: Sandbox;
let folders: string[];

beforeAll(async () => {
  sandbox = await makeSandbox();
  folders = [];
  for (const [name, breakIt] of Object.entries(BREAKS)) {
    const { deck, article } = hostileDeck({ id: name });
    breakIt(deck as Deck);
    // A folder whose name cannot be an id does not name its deck (load-decks.ts), so the id mismatch has a
    // usable folder name; the hostile folder name is the deck without an article's, below.
    const dir = join(sandbox.questions, name);
    await mkdir(dir);
    await writeFile(join(dir, 'deck.json'), JSON.stringify(deck, null, 2));
    await writeFile(join(dir, 'article.txt'), article);
    folders.push(dir);
  }
  // No article beside it.
  const lonely = join(sandbox.questions, `no-article ${FOLDER}`);
  await mkdir(lonely);
  await writeFile(join(lonely, 'deck.json'), JSON.stringify(hostileDeck({ id: 'no-article' }).deck));
  // Not JSON, with the hostile key where the syntax breaks.
  const broken = join(sandbox.questions, 'broken');
  await mkdir(broken);
  await writeFile(join(broken, 'deck.json'), `{"${KEY}": ${KEY} }`);
  // So many unknown hostile fields that the list is cut.
  const crowded = join(sandbox.questions, 'crowded');
  await mkdir(crowded);
  const { deck, article } = hostileDeck({ id: 'crowded' });
  for (let i = 0; i < 600; i++) (deck as Json)[`${KEY}${i}`] = i;
  await writeFile(join(crowded, 'deck.json'), JSON.stringify(deck));
  await writeFile(join(crowded, 'article.txt'), article);
});
afterAll(async () => {
  await sandbox.remove();
});
afterEach(() => {
  killLeftovers();
});

/** Every code but 'unreadable' (a file that cannot be read at all: root reads everything). */
const CODES: ProblemCode[] = [
  'json-syntax',
  'schema',
  'duplicate-id',
  'unknown-fact',
  'id-mismatch',
  'missing-article',
  'quote-not-found',
  'answer-not-in-choices',
  'order-not-permutation',
  'multi-select-not-subset',
  'duplicate-choice',
  'answer-in-prompt',
  'cloze-without-blank',
  'too-many-problems',
];

test('check --json: every problem code met, nothing raw in the output', async () => {
  const result = await runRaw(['check', '--json'], { bin: sandbox.bin, cwd: sandbox.root });
  expect(result.code).toBe(1);
  expectClean(result);
  const report = JSON.parse(result.out) as { decks: { problems: { code: ProblemCode; path: string }[] }[] };
  const codes = new Set(report.decks.flatMap((deck) => deck.problems.map((problem) => problem.code)));
  expect([...codes].sort()).toEqual([...CODES].sort());
  // The field names are there, escaped (JSON) rather than dropped, so a script can still act on them.
  expect(report.decks.flatMap((deck) => deck.problems.map((problem) => problem.path))).toContain(KEY);
});

test('check, plain: every message, every path and every folder name printed clean', async () => {
  const result = await runRaw(['check'], { bin: sandbox.bin, cwd: sandbox.root });
  expect(result.code).toBe(1);
  expectClean(result);
  // Each unknown field is still named, its escape sequences taken out.
  expect(result.out).toMatch(/unknown field "x/);
  expect(result.out.split('\n').filter((line) => line.startsWith('error')).length).toBeGreaterThan(40);
  // The folders, their names as printable() leaves them (whole escape sequences and bidi marks taken out).
  for (const name of ['unknown-fields', 'wrong-types', 'bad-id', 'semantics', 'deckred', 'no-article deckred', 'broken', 'crowded']) expect(result.out).toContain(`${name}/deck.json`);
  expect(folders).toHaveLength(5);
});

test('check of one deck folder by path (the tester\'s way): the unknown field name printed clean', async () => {
  const result = await runRaw(['check', join(sandbox.questions, 'unknown-fields')], { bin: sandbox.bin, cwd: sandbox.root });
  expect(result.code).toBe(1);
  expectClean(result);
  expect(result.out).toMatch(/deck\.json:\d+:\d+ {2}x$/m);
});
