// "__proto__", "constructor", "toString" and "hasOwnProperty" as ids, topics, choices, JSON keys, import
// tags and fields, and profile names: stored as plain data or refused with a message, never a polluted
// prototype. In-process checks look at Object.prototype after each step; the built program runs with a
// probe (test/fixtures/hostile/pollution-probe.mjs) that reports on stderr any change to the built-in
// prototypes when the process exits.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDeckText } from '../../src/bank/parse-deck.js';
import { planImport } from '../../src/bank/interop/import-deck.js';
import { summarizeProfiles } from '../../src/commands/profiles.js';
import { factsById, type Deck } from '../../src/domain/deck.js';
import { applyEvents } from '../../src/storage/history.js';
import { parseDatabase } from '../../src/storage/schema.js';
import { STACK_TRACE } from '../helpers/cli-run.js';
import { databaseWithProfiles } from './helpers/database.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;
const PROBE = pathToFileURL(new URL('../fixtures/hostile/pollution-probe.mjs', import.meta.url).pathname).href;

/** The own keys of the built-in prototypes, to compare after each step. */
function prototypeKeys(): string {
  return JSON.stringify([Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) => Reflect.ownKeys(proto).map(String).sort()));
}
const PRISTINE = prototypeKeys();

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(prototypeKeys()).toBe(PRISTINE);
}

/**
 * A valid deck whose ids, topics, choices and texts are the names of Object.prototype's members (facts and
 * questions share one id space, so the questions take other members' names).
 */
function prototypeDeck(id = 'constructor'): { deck: Deck; article: string } {
  const sentence = (name: string): string => `The word ${name} names a member of every object.`;
  const article = `${NAMES.map(sentence).join(' ')}\n`;
  const deck: Deck = {
    schemaVersion: 1,
    id,
    title: 'constructor',
    source: { headline: '__proto__', dateline: 'toString', date: 'hasOwnProperty' },
    origin: 'hand',
    facts: NAMES.map((name) => ({ id: name, statement: sentence(name), quote: `The word ${name} names a member`, topic: name })),
    questions: [
      { id: 'valueOf', factId: '__proto__', kind: 'choice', prompt: 'Which member holds the prototype?', choices: ['__proto__', 'constructor', 'toString'], answer: '__proto__', explanation: 'constructor' },
      { id: 'isPrototypeOf', factId: 'constructor', kind: 'true-false', prompt: 'True or false: constructor is a member of every object', answer: true, explanation: 'toString' },
      { id: 'propertyIsEnumerable', factId: 'toString', kind: 'short-answer', prompt: 'Which member turns an object into text?', answer: 'toString', accept: ['__proto__', 'constructor'], explanation: 'hasOwnProperty' },
      { id: 'toLocaleString', factId: 'hasOwnProperty', relatedFactIds: ['toString', '__proto__'], kind: 'multi-select', prompt: 'Which are members?', choices: ['hasOwnProperty', 'valueOf', 'nothing'], answer: ['hasOwnProperty', 'valueOf'], explanation: '__proto__' },
      { id: '__defineGetter__', factId: 'toString', kind: 'order', prompt: 'Put them in order', items: ['constructor', '__proto__'], answer: ['__proto__', 'constructor'], explanation: 'valueOf' },
      { id: '__lookupGetter__', factId: 'constructor', kind: 'cloze', prompt: 'The word _____ names a member of every object', answer: 'constructor', accept: ['toString'], explanation: '__proto__' },
    ],
  };
  return { deck, article };
}

afterEach(() => {
  expectUnpolluted();
});

describe('the deck parser', () => {
  it('takes prototype member names as fact and question ids, topics, choices and answers: a valid deck, data kept as is', () => {
    const { deck, article } = prototypeDeck();
    const result = parseDeckText(JSON.stringify(deck), { folderName: 'constructor', article });
    expect(result.problems).toEqual([]);
    expect(result.deck?.facts.map((fact) => fact.id)).toEqual([...NAMES]);
    const byId = factsById(result.deck as Deck);
    for (const name of NAMES) expect(byId.get(name)?.topic).toBe(name);
    expect(byId.get('valueOf')).toBeUndefined();
  });

  it('finds a duplicate "valueOf" id and a factId "toString" that names no fact', () => {
    const { deck, article } = prototypeDeck();
    deck.facts = deck.facts.filter((fact) => fact.id !== 'toString');
    deck.questions.push({ ...(deck.questions[0] as Deck['questions'][number]) }); // a second "valueOf"
    const result = parseDeckText(JSON.stringify(deck), { folderName: 'constructor', article });
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'duplicate-id', id: 'valueOf', path: 'questions[6].id' }));
    expect(result.problems.filter((problem) => problem.code === 'unknown-fact')).toEqual([
      expect.objectContaining({ path: 'questions[2].factId', id: 'propertyIsEnumerable', message: 'factId "toString" names no fact of this deck' }),
      expect.objectContaining({ path: 'questions[3].relatedFactIds[0]', id: 'toLocaleString' }),
      expect.objectContaining({ path: 'questions[4].factId', id: '__defineGetter__' }),
    ]);
  });

  it.each([
    ['a top-level "__proto__" key', '{"__proto__": {"polluted": true}, ', '__proto__'],
    ['a top-level "constructor" key', '{"constructor": {"prototype": {"polluted": true}}, ', 'constructor'],
  ])('refuses %s as an unknown field, with its path', (_name, head, path) => {
    const { deck, article } = prototypeDeck();
    const text = head + JSON.stringify(deck).slice(1);
    const result = parseDeckText(text, { folderName: 'constructor', article });
    expect(result.deck).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ code: 'schema', path, message: `unknown field "${path}"`, location: { line: 1, column: expect.any(Number) as number } })]);
  });

  it('refuses "__proto__" and "constructor" keys inside a fact, a question and the source', () => {
    const { deck, article } = prototypeDeck();
    const text = JSON.stringify(deck)
      .replace('"facts":[{', '"facts":[{"__proto__":{"polluted":true},')
      .replace('"questions":[{', '"questions":[{"constructor":{"prototype":{"polluted":true}},')
      .replace('"source":{', '"source":{"__proto__":null,');
    const result = parseDeckText(text, { folderName: 'constructor', article });
    expect(result.deck).toBeNull();
    expect(result.problems.map((problem) => problem.path).sort()).toEqual(['facts[0].__proto__', 'questions[0].constructor', 'source.__proto__']);
  });

  it('refuses "__proto__" as a deck id, and a "__proto__" value of the wrong type', () => {
    const { deck, article } = prototypeDeck('__proto__');
    expect(parseDeckText(JSON.stringify(deck), { folderName: '__proto__', article }).problems).toEqual([expect.objectContaining({ path: 'id' })]);
    const text = JSON.stringify({ ...prototypeDeck().deck, facts: { __proto__: [] } }).replace('"facts":{}', '"facts":{"__proto__":[]}');
    expect(parseDeckText(text, { folderName: 'constructor', article }).problems).toEqual([expect.objectContaining({ path: 'facts', message: '"facts" must be an array, found an object' })]);
  });
});

describe('import', () => {
  it('a CSV whose tags and fields are prototype member names: a deck with those topics and texts', () => {
    const csv = 'front,back,tags\r\n__proto__,constructor,__proto__\r\ntoString,hasOwnProperty,constructor\r\nhasOwnProperty,toString,toString other\r\n';
    const plan = planImport(csv, { fileName: 'cards.csv' });
    expect(plan.problems).toEqual([]);
    expect(plan.deck?.facts.map((fact) => fact.topic)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(plan.deck?.questions.map((question) => question.prompt)).toEqual(['__proto__', 'toString', 'hasOwnProperty']);
  });

  it('an Anki file with a "__proto__" header and tags: kept as data', () => {
    const text = '#separator:tab\n#html:false\n#tags column:3\n#deck:__proto__\nconstructor\ttoString\t__proto__\n';
    const plan = planImport(text, { fileName: 'cards.txt' });
    expect(plan.problems).toEqual([]);
    expect(plan.deck?.title).toBe('__proto__');
    expect(plan.deck?.id).toBe('proto');
  });

  it('a JSON deck with "__proto__" keys: refused with the key\'s path and line', () => {
    const { deck } = prototypeDeck();
    const text = JSON.stringify(deck, null, 2).replace('"facts": [\n    {', '"facts": [\n    {\n      "__proto__": {"polluted": true},');
    const plan = planImport(text, { fileName: 'deck.json' });
    expect(plan.deck).toBeNull();
    expect(plan.problems).toContainEqual(expect.objectContaining({ path: 'facts[0].__proto__', line: expect.any(Number) as number }));
  });

  it('a JSON deck whose ids are prototype member names: imported as is', () => {
    const { deck } = prototypeDeck();
    const plan = planImport(JSON.stringify(deck), { fileName: 'deck.json' });
    expect(plan.problems).toEqual([]);
    expect(plan.deck?.id).toBe('constructor');
    expect(plan.deck?.questions.map((question) => question.id)).toEqual(deck.questions.map((question) => question.id));
  });
});

describe('the database', () => {
  it('profiles named after prototype members are plain data: parsed, summarised, given settings', () => {
    const text = JSON.stringify(databaseWithProfiles(NAMES));
    const parsed = parseDatabase(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(summarizeProfiles(parsed.data).map((profile) => [profile.name, profile.attempts])).toEqual([...NAMES].sort((a, b) => a.localeCompare(b)).map((name) => [name, 2]));
    applyEvents(parsed.data, [{ type: 'settings', profile: '__proto__', settings: { desiredRetention: 0.8, newPerDay: 3, dayStartHour: 5 }, at: '2026-05-02T10:00:00.000Z' }]);
    expect(parsed.data.profiles.find((profile) => profile.name === '__proto__')).toEqual({ name: '__proto__', desiredRetention: 0.8, newPerDay: 3, dayStartHour: 5 });
  });

  it('"__proto__" keys in the file, at the top and in records: no pollution, and the file is accepted or refused with a message', () => {
    const base = JSON.stringify(databaseWithProfiles(['alice']));
    const texts = [
      `{"__proto__": {"polluted": true}, ${base.slice(1)}`,
      base.replace('"profiles":[{', '"profiles":[{"__proto__":{"polluted":true},'),
      base.replace('"facts":[{', '"facts":[{"constructor":{"prototype":{"polluted":true}},'),
      base.replace('"profiles":[', '"profiles":{"__proto__":[]},"x":['),
    ];
    for (const text of texts) {
      const parsed = parseDatabase(text);
      if (!parsed.ok) expect(parsed.problem).not.toBe('');
      expectUnpolluted();
    }
  });
});

describe('the built program, with a probe for polluted prototypes', () => {
  let sandbox: Sandbox;
  let deckDir: string;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    deckDir = join(sandbox.questions, 'constructor');
    const { deck, article } = prototypeDeck();
    await mkdir(deckDir, { recursive: true });
    await writeFile(join(deckDir, 'deck.json'), `${JSON.stringify(deck, null, 2)}\n`);
    await writeFile(join(deckDir, 'article.txt'), article);
  });
  afterAll(async () => {
    await sandbox.remove();
  });
  afterEach(() => {
    killLeftovers();
  });

  async function run(args: readonly string[], input?: string): Promise<RawResult> {
    const result = await runRaw(args, { bin: sandbox.bin, cwd: sandbox.root, input, env: { NODE_OPTIONS: `--import=${PROBE}` } });
    expect(result.err).not.toMatch(/POLLUTED/);
    expect(result.err).not.toMatch(STACK_TRACE);
    return result;
  }

  it('the probe itself notices a polluted prototype (so its silence means something)', async () => {
    // `node --import=<probe> -e <code>`: runRaw's "bin" is simply node's first argument.
    const polluting = await runRaw(['-e', 'Object.prototype.polluted = true;'], { bin: `--import=${PROBE}` });
    expect(polluting.err).toMatch(/^POLLUTED: Object\.prototype\.polluted added/m);
    const clean = await runRaw(['-e', 'JSON.parse(\'{"__proto__": {"polluted": true}}\');'], { bin: `--import=${PROBE}` });
    expect(clean.err).toBe('');
  });

  it('check and decks: the deck "constructor" is valid and listed', async () => {
    const check = await run(['check']);
    expect(check.out).toContain('ok  questions/constructor/deck.json  (4 facts, 6 questions)');
    expect(check.code).toBe(0);
    const decks = await run(['decks']);
    expect(decks.out).toMatch(/^ {2}constructor {2}constructor\n/m);
    expect(decks.out).toContain('topics: __proto__, constructor, toString, hasOwnProperty');
  });

  it('quiz --plain (answered), review --plain, study --plain and stats on that deck', async () => {
    const data = await sandbox.dataDir();
    const quiz = await run(['quiz', '--plain', '--count', '6', '--seed', '2', '--data', data], '\n'.repeat(6));
    expect(quiz.code).toBe(0);
    expect(quiz.out).toMatch(/Score: 0\/6/);
    expect(quiz.out).toMatch(/^ {2}__proto__ +0\/\d$/m);
    const review = await run(['review', '--plain', '--data', data], 'constructor\n'.repeat(20));
    expect(review.code).toBe(0);
    const study = await run(['study', '--plain', '--data', data], '\n3\n'.repeat(4));
    expect(study.code).toBe(0);
    const stats = await run(['stats', '--plain', '--data', data]);
    expect(stats.code).toBe(0);
    expect(stats.out).toMatch(/__proto__ /);
    const json = await run(['stats', '--json', '--data', data]);
    expect(JSON.parse(json.out)).toMatchObject({ decks: ['constructor'] });
  });

  it.each([...NAMES, 'valueOf'])('quiz --plain --topic %s: the topic\'s questions, or a clear "no questions" message', async (topic) => {
    const result = await run(['quiz', '--plain', '--topic', topic, '--seed', '1', '--data', await sandbox.dataDir()], '\n'.repeat(6));
    if (topic === 'valueOf') {
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^factdeck: no questions match --kind\/--topic in this deck\n {2}the topics are: __proto__, constructor, toString, hasOwnProperty\n$/);
    } else {
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^Question 1 of \d/m);
    }
  });

  it('--profile constructor / toString / hasOwnProperty work; --profile __proto__ is refused as a name', async () => {
    const data = await sandbox.dataDir();
    for (const profile of ['constructor', 'toString', 'hasOwnProperty']) {
      const quiz = await run(['quiz', '--plain', '--count', '1', '--seed', '1', '--profile', profile, '--data', data], 't\n');
      expect(quiz.code).toBe(0);
      const config = await run(['config', '--profile', profile, '--new-per-day', '3', '--data', data]);
      expect(config.out).toContain(`Profile ${profile}:`);
    }
    const refused = await run(['quiz', '--plain', '--profile', '__proto__', '--data', data], '\n');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^factdeck: --profile "__proto__" is not a usable name/);
    const profiles = await run(['profiles', '--data', data]);
    expect(profiles.out.split('\n').map((line) => line.split(' ')[0])).toEqual(['constructor', 'hasOwnProperty', 'toString', '']);
  });

  it('a hand-written database with a "__proto__" profile and "__proto__" keys: profiles lists it as data', async () => {
    const data = await sandbox.dataDir();
    const text = JSON.stringify(databaseWithProfiles(NAMES)).replace('{', '{"__proto__":{"polluted":true},');
    await writeFile(join(data, 'factdeck.json'), text);
    const profiles = await run(['profiles', '--data', data]);
    expect(profiles.code).toBe(0);
    expect(profiles.out).toMatch(/^__proto__ +2 answers/m);
    const json = await run(['profiles', '--json', '--data', data]);
    expect((JSON.parse(json.out) as { profiles: { name: string }[] }).profiles.map((p) => p.name).sort()).toEqual([...NAMES].sort());
    const stats = await run(['stats', '--profile', 'constructor', '--data', data]);
    expect(stats.code).toBe(0);
    expect(stats.out).toContain('2 answers, 50% right');
  });

  it('export csv and json of the deck, and import of the CSV back: the same topics, no pollution', async () => {
    const csv = await run(['export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.out).toContain(',factdeck::topic::__proto__ constructor\r\n');
    const json = await run(['export', '--format', 'json']);
    expect(json.out).toBe(await readFile(join(deckDir, 'deck.json'), 'utf8'));
    const file = join(await sandbox.dataDir(), 'proto cards.csv');
    await writeFile(file, csv.out);
    const imported = await run(['import', file, '--title', '__proto__']);
    expect(imported.code).toBe(0);
    // Into the learner's decks: the sandbox is a source checkout, so data/decks/.
    expect(imported.out).toMatch(/^Imported 4 cards \(csv\) into data\/decks\/proto\.$/m);
    const deck = JSON.parse(await readFile(join(sandbox.root, 'data', 'decks', 'proto', 'deck.json'), 'utf8')) as Deck;
    expect(deck.facts.map((fact) => fact.topic).sort()).toEqual([...NAMES].sort());
    const check = await run(['check', join(sandbox.root, 'data', 'decks', 'proto')]);
    expect(check.code).toBe(0);
  });
});
