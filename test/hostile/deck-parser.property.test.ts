// Property tests of the deck parser (parseDeckText): it never throws, whatever the text; every problem
// it reports has a message and a hint; and a valid deck spoiled in one place (a field dropped, renamed or
// given another type) is always reported, at a path that exists in the spoiled document or at the place
// of the missing field. Also hostile shapes that JSON.parse accepts: deep nesting, millions of values,
// huge lists of choices: answered in bounded time and memory.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeckText, type LocatedProblem } from '../../src/bank/parse-deck.js';
import { MAX_PROBLEMS, type ValidationContext } from '../../src/bank/validate-deck.js';
import { hostileDeck } from './helpers/hostile-deck.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BASE = hostileDeck({ id: 'base', payload: 'plain' });
const BASE_DECK = BASE.deck as unknown as Json;
const CONTEXT = { folderName: 'base', article: BASE.article };

function expectWellFormed(problems: readonly LocatedProblem[]): void {
  for (const problem of problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message.trim()).not.toBe('');
    expect(problem.hint.trim()).not.toBe('');
    if (problem.location !== undefined) {
      expect(problem.location.line).toBeGreaterThanOrEqual(1);
      expect(problem.location.column).toBeGreaterThanOrEqual(1);
    }
  }
}

/** parseDeckText must not throw; its problems are well formed; a deck comes back only without problems of shape. */
function parseSafely(text: string, context: ValidationContext = CONTEXT): ReturnType<typeof parseDeckText> {
  const result = parseDeckText(text, context);
  expectWellFormed(result.problems);
  if (result.deck === null) expect(result.problems.length).toBeGreaterThan(0);
  return result;
}

describe('parseDeckText never throws', () => {
  it('on arbitrary strings (binary, graphemes, JSON-ish characters)', () => {
    const jsonish = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', 'u', '0', '1', '-', 'e', '.', ' ', '\n', 't', 'n', 'f', '\u2028', '\u0000', '\ufeff') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), jsonish), fc.option(fc.string(), { nil: null }), (text, article) => {
        parseSafely(text, { article });
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary JSON values (fc.json, and fc.anything stringified)', () => {
    const anything = fc.anything({ withBigInt: false, withMap: false, withSet: false, withTypedArray: false, withDate: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true });
    fc.assert(
      fc.property(fc.oneof(fc.json(), anything.map((value) => JSON.stringify(value) ?? 'undefined')), (text) => {
        parseSafely(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('on objects with deck keys holding any values, and prototype member names as keys', () => {
    const key = fc.constantFrom('schemaVersion', 'id', 'title', 'source', 'origin', 'facts', 'questions', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'kind', 'answer', 'choices');
    const value = fc.jsonValue({ maxDepth: 3 });
    const record = fc.dictionary(key, value, { maxKeys: 8 });
    const deckish = fc.record({ base: record, facts: fc.array(fc.oneof(record, value), { maxLength: 4 }), questions: fc.array(fc.oneof(record, value), { maxLength: 4 }) });
    fc.assert(
      fc.property(deckish, ({ base, facts, questions }) => {
        const text = JSON.stringify({ ...base, facts, questions }).replace('{', '{"__proto__":{"polluted":1},');
        parseSafely(text);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('on a valid deck.json with characters deleted, inserted or swapped at random', () => {
    const text = JSON.stringify(BASE_DECK, null, 2);
    const edit = fc.record({ at: fc.nat(text.length - 1), length: fc.integer({ min: 0, max: 3 }), insert: fc.string({ maxLength: 3, unit: fc.constantFrom('"', '{', '}', ',', ':', '[', ']', 'x', '1', ' ', '\\', '\n') }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let spoiled = text;
        for (const { at, length, insert } of edits) spoiled = spoiled.slice(0, at) + insert + spoiled.slice(at + length);
        const result = parseSafely(spoiled);
        for (const problem of result.problems) {
          if (problem.code === 'json-syntax') expect(problem.location?.line ?? 1).toBeLessThanOrEqual(spoiled.split('\n').length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** `questions[3].choices[1]` -> ['questions', 3, 'choices', 1]. */
function parsePath(path: string): (string | number)[] {
  if (path === '') return [];
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : (match[1] as string)));
}

function valueAt(document: Json, path: readonly (string | number)[]): { found: boolean; value?: Json } {
  let current: Json | undefined = document;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return { found: false };
    if (!Object.prototype.hasOwnProperty.call(current, part)) return { found: false };
    current = (current as Record<string | number, Json>)[part];
  }
  return { found: true, value: current };
}

/** Every (object) key path and every value path of a document. */
function pathsOf(document: Json): { keys: (string | number)[][]; values: (string | number)[][] } {
  const keys: (string | number)[][] = [];
  const values: (string | number)[][] = [];
  const walk = (value: Json, path: (string | number)[]): void => {
    if (path.length > 0) values.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        keys.push([...path, key]);
        walk(item, [...path, key]);
      }
    }
  };
  walk(document, []);
  return { keys, values };
}

/** Fields a valid deck may go without: dropping them spoils nothing. */
const OPTIONAL = new Set(['$schema', 'relatedFactIds']);

type Mutation = { kind: 'drop' | 'rename'; path: (string | number)[] } | { kind: 'retype'; path: (string | number)[]; to: Json };

function typeOf(value: Json | undefined): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function mutate(document: Json, mutation: Mutation): Json {
  const copy = structuredClone(document);
  const parent = valueAt(copy, mutation.path.slice(0, -1)).value as Record<string | number, Json>;
  const last = mutation.path[mutation.path.length - 1] as string | number;
  if (mutation.kind === 'retype') {
    parent[last] = mutation.to;
  } else {
    if (mutation.kind === 'rename') parent[`${String(last)}X`] = parent[last] as Json;
    delete parent[last];
  }
  return copy;
}

const { keys: KEY_PATHS, values: VALUE_PATHS } = pathsOf(BASE_DECK);
const REQUIRED_KEYS = KEY_PATHS.filter((path) => !OPTIONAL.has(String(path[path.length - 1])));
const OTHER_VALUES: Json[] = [null, true, 7, 'text', [], {}, ['a', 'b'], { a: 1 }];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...REQUIRED_KEYS).map((path): Mutation => ({ kind: 'drop', path })),
  fc.constantFrom(...KEY_PATHS).map((path): Mutation => ({ kind: 'rename', path })),
  fc
    .tuple(fc.constantFrom(...VALUE_PATHS), fc.constantFrom(...OTHER_VALUES))
    .filter(([path, to]) => typeOf(valueAt(BASE_DECK, path).value) !== typeOf(to))
    .map(([path, to]): Mutation => ({ kind: 'retype', path, to })),
);

describe('a valid deck spoiled in one place', () => {
  it('the base deck is valid', () => {
    expect(parseDeckText(JSON.stringify(BASE_DECK), CONTEXT).problems).toEqual([]);
  });

  it('is always reported, at a path that exists in the spoiled document or where a field is missing', () => {
    fc.assert(
      fc.property(mutation, fc.boolean(), (change, pretty) => {
        const spoiled = mutate(BASE_DECK, change);
        const result = parseSafely(JSON.stringify(spoiled, null, pretty ? 2 : undefined));
        expect(result.problems.length).toBeGreaterThan(0);
        const missing = change.kind === 'retype' ? null : change.path.join('.');
        for (const problem of result.problems) {
          const path = parsePath(problem.path);
          const exists = valueAt(spoiled, path).found;
          // A missing field: its parent is there (the missing one itself, or another field the change made
          // required, such as "accept" when "kind" became "cloze").
          const parentExists = path.length > 0 && valueAt(spoiled, path.slice(0, -1)).found;
          if (!exists && !parentExists) expect.fail(`problem at ${problem.path} (${problem.message}) is neither in the document nor a missing field of it`);
          if (!exists) expect(problem.message).toMatch(/missing|must be|needs/);
        }
        if (missing !== null && change.kind === 'drop') {
          // The dropped field itself is named (or its question can no longer be told apart: kind dropped).
          expect(result.problems.some((problem) => parsePath(problem.path).join('.') === missing)).toBe(true);
        }
        // Every located problem points inside the text.
        for (const problem of result.problems) if (problem.location) expect(problem.location.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hostile shapes JSON.parse accepts', () => {
  const time = (run: () => void): number => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };

  it.each([1_000, 10_000, 200_000])('nesting %i deep (arrays and objects, at the top and under "facts"): problems, quickly', (depth) => {
    const texts = ['['.repeat(depth) + ']'.repeat(depth), `{"facts": ${'['.repeat(depth)}${']'.repeat(depth)}}`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, '['.repeat(depth)];
    for (const text of texts) {
      const ms = time(() => {
        expect(parseSafely(text).problems.length).toBeGreaterThan(0);
      });
      expect(ms).toBeLessThan(3_000);
    }
  });

  it('four million facts that are numbers (8 MB): the first problems and a count of the rest', () => {
    const text = `{"facts":[${Array(4_000_000).fill('0').join(',')}]}`;
    let problems: LocatedProblem[] = [];
    const ms = time(() => {
      problems = parseSafely(text).problems;
    });
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    // Four million wrong facts and six missing fields, of which MAX_PROBLEMS are listed.
    expect(problems.at(-1)).toMatchObject({ code: 'too-many-problems', path: '', message: `and ${4_000_006 - MAX_PROBLEMS} more problems not listed` });
    expect(ms).toBeLessThan(10_000);
  });

  it('a question with 300,000 choices, two of them equal: found without a quadratic scan', () => {
    const deck = structuredClone(BASE.deck) as { questions: { kind: string; choices?: string[]; answer?: unknown }[] };
    const multi = deck.questions.find((question) => question.kind === 'multi-select');
    if (multi === undefined) throw new Error('the base deck has a multi-select question');
    const choices = Array.from({ length: 300_000 }, (_, i) => `choice ${i}`);
    choices.push('choice 7');
    multi.choices = choices;
    multi.answer = choices.slice(0, 150_000);
    let problems: LocatedProblem[] = [];
    const ms = time(() => {
      problems = parseSafely(JSON.stringify(deck)).problems;
    });
    expect(problems).toEqual([expect.objectContaining({ code: 'duplicate-choice', message: '"choice 7" is listed twice' })]);
    expect(ms).toBeLessThan(5_000);
  });
});
