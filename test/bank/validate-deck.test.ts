import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/bank/load-decks.js';
import { parseDeckText } from '../../src/bank/parse-deck.js';
import { validateDeck } from '../../src/bank/validate-deck.js';

const fixtures = new URL('../fixtures/decks/', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(new URL('../../questions/deck.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const schemaAccepts = ajv.compile(schema);

// One broken copy of the mini deck per problem kind: the code and JSON path the validator must report,
// and whether the published JSON Schema alone can see it.
const broken: { name: string; code: string; path: string; id?: string; schemaProblem: boolean }[] = [
  { name: 'missing-field', code: 'schema', path: 'facts[1].quote', id: 'f-books', schemaProblem: true },
  { name: 'wrong-type', code: 'schema', path: 'questions[1].answer', id: 'q-mayor-tf', schemaProblem: true },
  { name: 'unknown-kind', code: 'schema', path: 'questions[2].kind', id: 'q-books-cloze', schemaProblem: true },
  { name: 'unknown-field', code: 'schema', path: 'questions[0].anwser', id: 'q-mayor-choice', schemaProblem: true },
  { name: 'cloze-blank', code: 'cloze-without-blank', path: 'questions[2].prompt', id: 'q-books-cloze', schemaProblem: true },
  { name: 'duplicate-id', code: 'duplicate-id', path: 'questions[3].id', id: 'q-mayor-tf', schemaProblem: false },
  { name: 'unknown-fact', code: 'unknown-fact', path: 'questions[4].factId', id: 'q-cost-short', schemaProblem: false },
  { name: 'id-mismatch', code: 'id-mismatch', path: 'id', schemaProblem: false },
  { name: 'no-article', code: 'missing-article', path: '', schemaProblem: false },
  { name: 'quote-not-found', code: 'quote-not-found', path: 'facts[2].quote', id: 'f-cost', schemaProblem: false },
  { name: 'quote-spans', code: 'quote-not-found', path: 'facts[1].quote', id: 'f-books', schemaProblem: false },
  { name: 'choice-answer', code: 'answer-not-in-choices', path: 'questions[0].answer', id: 'q-mayor-choice', schemaProblem: false },
  { name: 'order-answer', code: 'order-not-permutation', path: 'questions[5].answer', id: 'q-cost-order', schemaProblem: false },
  { name: 'multi-subset', code: 'multi-select-not-subset', path: 'questions[3].answer', id: 'q-books-multi', schemaProblem: false },
  { name: 'answer-in-prompt', code: 'answer-in-prompt', path: 'questions[4].prompt', id: 'q-cost-short', schemaProblem: false },
  { name: 'duplicate-choice', code: 'duplicate-choice', path: 'questions[0].choices', id: 'q-mayor-choice', schemaProblem: false },
];

describe('the deck validator', () => {
  it('finds nothing wrong with the mini fixture, nor does the JSON Schema', async () => {
    const report = await loadDeck(`${fixtures}mini`);
    expect(report.problems).toEqual([]);
    expect(report.loaded?.deck.questions).toHaveLength(6);
    expect(schemaAccepts(JSON.parse(readFileSync(`${fixtures}mini/deck.json`, 'utf8')))).toBe(true);
  });

  it.each(broken)('reports $code at $path in broken-$name', async ({ name, code, path, id }) => {
    const report = await loadDeck(`${fixtures}broken-${name}`);
    expect(report.problems).toHaveLength(1);
    const [problem] = report.problems;
    expect(problem).toMatchObject({ code, path });
    if (id !== undefined) expect(problem?.id).toBe(id);
    expect(problem?.hint.length).toBeGreaterThan(5);
    if (path !== '') expect(problem?.location?.line).toBeGreaterThan(1);
  });

  it.each(broken.filter((b) => b.schemaProblem))('the published schema rejects broken-$name too', ({ name }) => {
    const deck = JSON.parse(readFileSync(`${fixtures}broken-${name}/deck.json`, 'utf8')) as unknown;
    expect(schemaAccepts(deck)).toBe(false);
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const report = await loadDeck(`${fixtures}broken-json-syntax`);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ code: 'json-syntax', location: { line: 6, column: 3 } });
    expect(report.problems[0]?.message).toMatch(/invalid JSON/);
  });

  it('reports every problem, not just the first', () => {
    const text = readFileSync(`${fixtures}mini/deck.json`, 'utf8');
    const deck = JSON.parse(text) as { questions: Record<string, unknown>[]; facts: Record<string, unknown>[] };
    deck.questions[0]!.answer = 'Nobody';
    deck.questions[1]!.factId = 'missing';
    deck.facts[0]!.quote = 'not in the article';
    const { problems } = validateDeck(deck, { folderName: 'mini', article: readFileSync(`${fixtures}mini/article.txt`, 'utf8') });
    expect(problems.map((p) => p.path).sort()).toEqual(['facts[0].quote', 'questions[0].answer', 'questions[1].factId']);
  });

  it('locates a problem in a file by line', () => {
    const text = readFileSync(`${fixtures}broken-choice-answer/deck.json`, 'utf8');
    const result = parseDeckText(text, { folderName: 'broken-choice-answer', article: readFileSync(`${fixtures}mini/article.txt`, 'utf8') });
    const line = result.problems[0]?.location?.line ?? 0;
    expect(text.split('\n')[line - 1]).toContain('"answer": "Dana Ortez"');
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a JSON array', '[]', /must be a JSON object/],
    ['truncated JSON', '{"id": "x", "facts": [', /invalid JSON/],
  ])('refuses %s with a message', (_name, text, message) => {
    const result = parseDeckText(text, { article: null });
    expect(result.deck).toBeNull();
    expect(result.problems[0]?.message).toMatch(message);
  });

  it('does not let __proto__ keys pollute objects', () => {
    const text = '{"__proto__": {"polluted": true}, "schemaVersion": 1}';
    const result = parseDeckText(text, { article: null });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.problems.some((p) => p.path === '__proto__' && /unknown field/.test(p.message))).toBe(true);
  });

  it('lets an imported deck go without an article', () => {
    const deck = JSON.parse(readFileSync(`${fixtures}mini/deck.json`, 'utf8')) as Record<string, unknown>;
    deck.origin = 'imported';
    const { problems } = validateDeck(deck, { folderName: 'mini', article: null });
    expect(problems).toEqual([]);
  });

  it('reports a folder without deck.json as unreadable', async () => {
    const report = await loadDeck(`${fixtures}does-not-exist`);
    expect(report.problems[0]).toMatchObject({ code: 'unreadable' });
    expect(report.problems[0]?.message).toMatch(/does not exist/);
  });
});

describe('every problem in one run', () => {
  it('schema errors do not hide the content checks: a deck broken four ways is reported whole at once', () => {
    const deck = JSON.parse(readFileSync(`${fixtures}mini/deck.json`, 'utf8')) as { id: string; questions: Record<string, unknown>[] };
    deck.id = 'not-the-folder';
    const [choice, tf, cloze, , short] = deck.questions as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, unknown, Record<string, unknown>];
    tf.answer = 1; // a number where a boolean belongs: a schema problem
    short.factId = 'nope'; // names no fact
    cloze.prompt = `The library holds ${String(cloze.answer)} books.`; // no blank, and it gives its answer away
    choice.choices = [...(choice.choices as string[]), (choice.choices as string[])[1]]; // a choice listed twice
    const article = readFileSync(`${fixtures}mini/article.txt`, 'utf8');
    const codes = validateDeck(deck, { folderName: 'mini', article }).problems.map((problem) => problem.code).sort();
    expect(codes).toEqual(['answer-in-prompt', 'cloze-without-blank', 'duplicate-choice', 'id-mismatch', 'schema', 'unknown-fact']);
  });
});
