import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeck } from '../../src/bank/validate-deck.js';
import { exportDeck, formatAnki, formatCsvCards, type Card } from '../../src/bank/interop/export-deck.js';
import { planImport, topicFromTags } from '../../src/bank/interop/import-deck.js';
import { readCards } from '../../src/bank/interop/read-cards.js';
import { isFormulaLike, neutralizeFormula } from '../../src/bank/interop/formula-cells.js';
import { slugify } from '../../src/bank/interop/slug.js';
import type { Deck } from '../../src/domain/deck.js';
import { deck as buildDeck } from '../helpers/builders.js';

const SEED_JSON = readFileSync(new URL('../../questions/blinken-visit-beijing/deck.json', import.meta.url), 'utf8');
const CSV = 'front,back,tags\r\nCapital of France?,"Paris\non the Seine",europe capitals\r\nLongest river?,Nile,\r\n';

function imported(text: string, options: Partial<Parameters<typeof planImport>[1]> = {}): Deck {
  const plan = planImport(text, { fileName: 'cards.csv', ...options });
  expect(plan.problems).toEqual([]);
  if (plan.deck === null) throw new Error('no deck');
  return plan.deck;
}

describe('importing cards', () => {
  it('makes one fact (the back) and one short-answer question (the front) per card; a back of several lines is the answer, then what explains it', () => {
    const deck = imported(CSV, { fileName: 'Geography quiz.csv' });
    expect(deck).toMatchObject({ id: 'geography-quiz', title: 'Geography quiz', origin: 'imported', schemaVersion: 1 });
    expect(deck.facts).toEqual([
      { id: expect.stringMatching(/^[\w-]{10}$/), statement: 'on the Seine', quote: 'on the Seine', topic: 'europe' },
      { id: expect.stringMatching(/^[\w-]{10}$/), statement: 'Nile', quote: 'Nile', topic: 'imported' },
    ]);
    expect(deck.questions[0]).toEqual({
      id: expect.stringMatching(/^[\w-]{10}$/),
      factId: deck.facts[0]?.id,
      kind: 'short-answer',
      prompt: 'Capital of France?',
      answer: 'Paris',
      accept: [],
      explanation: 'on the Seine',
    });
    expect(validateDeck(deck, { folderName: deck.id, article: null }).problems).toEqual([]);
  });

  it("factdeck's own Anki export comes back without saying the answer twice (no \"Mayor Mayor ...\")", () => {
    const seed = JSON.parse(SEED_JSON) as Deck;
    const article = readFileSync(new URL('../../questions/blinken-visit-beijing/article.txt', import.meta.url), 'utf8');
    const back = imported(exportDeck(seed, article, 'anki'), { fileName: 'x.txt' });
    for (const [i, question] of back.questions.entries()) {
      if (question.kind !== 'short-answer') continue;
      const fact = back.facts[i];
      expect(fact?.statement.startsWith(`${question.answer}\n`)).toBe(false);
      expect(question.explanation.split('\n')[0]).not.toBe(question.answer);
      // The statement is the article's sentence, which the original deck's fact quotes.
      expect(article.replace(/\s+/g, ' ')).toContain(fact?.statement.replace(/\s+/g, ' '));
    }
  });

  it('gives the same ids to the same file, and different ids to repeated cards', () => {
    const twice = `${CSV}Longest river?,Nile,\r\n`;
    const first = imported(twice);
    const second = imported(twice);
    expect(second).toEqual(first);
    const ids = [...first.facts.map((f) => f.id), ...first.questions.map((q) => q.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ids depend on content, not on the row order', () => {
    const swapped = 'Longest river?,Nile,\r\nCapital of France?,"Paris\non the Seine",europe capitals\r\n';
    expect(new Set(imported(swapped).facts.map((f) => f.id))).toEqual(new Set(imported(CSV).facts.map((f) => f.id)));
  });

  it('takes the title from --title, else an Anki #deck header, else the file name', () => {
    const anki = '#separator:tab\n#deck:From header\nQ\tA\n';
    expect(imported(anki, { fileName: 'x.txt' }).title).toBe('From header');
    expect(imported(anki, { fileName: 'x.txt', title: 'Given' })).toMatchObject({ id: 'given', title: 'Given' });
    expect(imported('Q,A\n', { fileName: '/some/dir/My Cards.csv' })).toMatchObject({ id: 'my-cards', title: 'My Cards' });
    expect(imported('Q,A\n', { folderName: 'chosen' }).id).toBe('chosen');
  });

  it.each([
    ['../../etc', 'etc'],
    ['..', 'imported-deck'],
    ['/etc/passwd', 'etc-passwd'],
    ['Blinken’s visit: Beijing', 'blinkens-visit-beijing'],
    ['Zürich Ålesund', 'zurich-alesund'],
    ['北京', 'imported-deck'],
    ['a'.repeat(100), 'a'.repeat(64)],
  ])('a title like %j gets the safe folder %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(imported('Q,A\n', { title }).id).toBe(slug);
  });

  it('keeps __proto__ and constructor as ordinary text, polluting nothing', () => {
    const deck = imported('__proto__,constructor,__proto__ constructor\r\nconstructor,__proto__,constructor\r\n');
    expect(deck.facts.map((f) => f.topic)).toEqual(['__proto__', 'constructor']);
    expect(deck.questions.map((q) => q.prompt)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'statement')).toBe(false);
  });

  it('reads a tag with underscores as a topic with spaces', () => {
    expect(topicFromTags(['the_visit', 'deck'])).toBe('the visit');
    // Anki sorts tags: the marked topic is found wherever it stands, in any case.
    expect(topicFromTags(['blinken-visit-beijing', 'factdeck::topic::the_visit'])).toBe('the visit');
    expect(topicFromTags(['a-deck', 'FactDeck::Topic::talks::round_2'])).toBe('talks::round 2');
    expect(topicFromTags(['__x__'])).toBe('__x__');
    expect(topicFromTags([])).toBe('imported');
  });

  it('skips a front that gives its answer away, listed at its line; --strict refuses the file for it', () => {
    const text = 'front,back\nok,fine\nWho is Dana Ortiz?,Dana Ortiz\n';
    const plan = planImport(text, { fileName: 'x.csv' });
    expect(plan.deck?.questions.map((q) => q.prompt)).toEqual(['ok']);
    expect(plan.skipped).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('gives away its answer "Dana Ortiz"') })]);
    const strict = planImport(text, { fileName: 'x.csv', strict: true });
    expect(strict.deck).toBeNull();
    expect(strict.problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('gives away its answer "Dana Ortiz"') })]);
  });
});

describe('importing a factdeck JSON deck', () => {
  it('keeps the deck as it is, but for its origin: no article comes with it', () => {
    const plan = planImport(SEED_JSON, { fileName: 'deck.json' });
    expect(plan.problems).toEqual([]);
    expect(plan.format).toBe('json');
    expect(plan.deck).toEqual({ ...(JSON.parse(SEED_JSON) as Deck), origin: 'imported' });
    expect(plan.notes).toEqual([expect.stringContaining('origin "hand" is now "imported"')]);
  });

  it('an imported deck comes back exactly, and its id follows the folder chosen', () => {
    const deck = imported(CSV);
    const json = `${JSON.stringify(deck, null, 2)}\n`;
    expect(imported(json, { fileName: 'deck.json' })).toEqual(deck);
    const moved = planImport(json, { fileName: 'deck.json', folderName: 'elsewhere' });
    expect(moved.deck).toEqual({ ...deck, id: 'elsewhere' });
    expect(moved.notes).toEqual([expect.stringContaining('now "elsewhere"')]);
  });

  it('is told from its first character, whatever the file is called', () => {
    expect(planImport(SEED_JSON, { fileName: 'export.txt' }).format).toBe('json');
    expect(planImport('[sound:a.mp3],b\n', { fileName: 'x.txt' }).format).toBe('csv');
  });

  it('reports a syntax error with its line and column', () => {
    const plan = planImport('{\n  "id": "x",\n  "title" "no colon"\n}\n', { fileName: 'deck.json' });
    expect(plan.problems).toEqual([expect.objectContaining({ line: 3, column: expect.any(Number), message: expect.stringContaining('invalid JSON') })]);
  });

  it('reports what the validator of `check` finds, with the JSON path and line', () => {
    const broken = JSON.parse(SEED_JSON) as { questions: { kind: string }[] };
    broken.questions[1] = { ...broken.questions[1], kind: 'essay' } as { kind: string };
    const plan = planImport(JSON.stringify(broken, null, 2), { fileName: 'deck.json' });
    expect(plan.deck).toBeNull();
    expect(plan.problems).toEqual([expect.objectContaining({ path: 'questions[1].kind', line: expect.any(Number) })]);
  });

  it('treats a __proto__ key as an unknown field, not as a prototype', () => {
    const raw = { ...buildDeck({ origin: 'imported', facts: [], questions: [] }), id: 'x' };
    const text = JSON.stringify(raw).replace('{', '{"__proto__":{"polluted":true},');
    const plan = planImport(text, { fileName: 'deck.json' });
    expect(plan.problems).toEqual([expect.objectContaining({ path: '__proto__', message: expect.stringContaining('unknown field') })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// Card text a person could have typed: no surrounding white space, LF line breaks only.
const cardText = fc
  .string({ unit: fc.oneof(fc.constantFrom('"', ',', '\t', '\n', '#', ' ', ';', '<', '&'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) })
  .map((text) => text.replace(/\r/g, '').trim())
  .filter((text) => text !== '');
const tag = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((text) => !/\s/.test(text));
const cards = fc.array(fc.record({ front: cardText, back: cardText, tags: fc.array(tag, { maxLength: 3 }) }), { minLength: 1, maxLength: 6 });

describe('properties', () => {
  const strip = (read: ReturnType<typeof readCards>): Card[] => read.cards.map(({ front, back, tags }) => ({ front, back, tags }));
  const anki = (input: readonly Card[], options?: { raw?: boolean }): string => formatAnki(buildDeck({ facts: [], questions: [] }), input, options);

  it('cards exported raw to CSV or Anki read back the same', () => {
    fc.assert(
      fc.property(cards, (input: Card[]) => {
        expect(strip(readCards(formatCsvCards(input, { raw: true }), 'x.csv'))).toEqual(input);
        expect(strip(readCards(anki(input, { raw: true }), 'x.txt'))).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });

  it('cards exported to CSV or Anki read back with formula-like cells kept inert, and export again to the same bytes', () => {
    const formulaLike = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\uFF1D', '  ='), cardText).map(([sign, rest]) => `${sign}${rest}`);
    const risky = fc.array(fc.record({ front: fc.oneof(cardText, formulaLike), back: fc.oneof(cardText, formulaLike), tags: fc.array(tag, { maxLength: 3 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(risky, (input: Card[]) => {
        const expected = input.map(({ front, back, tags }) => ({ front: neutralizeFormula(front), back: neutralizeFormula(back), tags: tags.length === 0 ? [] : neutralizeFormula(tags.join(' ')).split(' ') }));
        for (const [text, name, again] of [
          [formatCsvCards(input), 'x.csv', formatCsvCards],
          [anki(input), 'x.txt', anki],
        ] as const) {
          const read = strip(readCards(text, name));
          expect(read).toEqual(expected);
          expect(read.every(({ front, back, tags }) => [front, back, tags.join(' ')].every((cell) => !isFormulaLike(cell)))).toBe(true);
          expect(again(read)).toBe(text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a tags cell that starts with a formula character gets its apostrophe like any other cell (decks from elsewhere need no topic tag)', () => {
    const input: Card[] = [{ front: 'Q?', back: 'A', tags: ['@SUM', 'x'] }];
    expect(formatCsvCards(input)).toBe("front,back,tags\r\nQ?,A,'@SUM x\r\n");
    expect(anki(input).split('\n').at(-2)).toBe("Q?\tA\t'@SUM x");
    expect(formatCsvCards(input, { raw: true })).toBe('front,back,tags\r\nQ?,A,@SUM x\r\n');
  });

  it('the importer never throws on arbitrary text, and gives a deck or problems', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('"', ',', '\t', '\n', '\r', '#', ':', 'a', '<', '>', '&', ';', '{', '}', '_') }),
      fc.string({ unit: 'grapheme' }).map((body) => `#separator:${body}\n#html:true\n${body}`),
      fc.json(),
    );
    const fileName = fc.constantFrom('x.csv', 'x.txt', 'x.tsv', 'x.json', 'noext');
    fc.assert(
      fc.property(text, fileName, fc.option(fc.string(), { nil: undefined }), (input, name, title) => {
        const plan = planImport(input, { fileName: name, title });
        expect(plan.deck === null).toBe(plan.problems.length > 0);
        if (plan.deck !== null) expect(validateDeck(plan.deck, { folderName: plan.deck.id, article: null }).problems).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
