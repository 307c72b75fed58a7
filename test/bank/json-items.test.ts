import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateArrayItems } from '../../src/bank/json-items.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Each located item parsed alone. */
function itemsAt(buffer: Buffer, offsets: number[] | undefined): unknown[] {
  const items: unknown[] = [];
  for (let i = 0; offsets !== undefined && i < offsets.length; i += 2) items.push(JSON.parse(buffer.toString('utf8', offsets[i], offsets[i + 1])));
  return items;
}

describe('where the items of top-level arrays stand', () => {
  it('finds each item, whatever strings, escapes and nesting it holds', () => {
    const text = '\ufeff{ "title": "a } ] tricky \\" title", "facts" : [ {"id": "a", "quote": "x\\"]},{"}, 3 , [1, [2, {"k": "]"}]], "\u00e9t\u00e9 \ud83d\ude00", null ,true],\n"other": {"facts": [9]} }';
    const buffer = bytes(text);
    const found = locateArrayItems(buffer, ['facts', 'questions']);
    expect(found).not.toBeNull();
    expect(itemsAt(buffer, found?.get('facts'))).toEqual(JSON.parse(text.slice(1)).facts);
    expect(found?.has('questions')).toBe(false);
  });

  it('takes the last of a repeated key, as JSON.parse does, and nothing for a key that is not an array', () => {
    const buffer = bytes('{"facts": [1, 2], "questions": {"a": 1}, "facts": [3]}');
    const found = locateArrayItems(buffer, ['facts', 'questions']);
    expect(itemsAt(buffer, found?.get('facts'))).toEqual([3]);
    expect(found?.has('questions')).toBe(false);
    expect(itemsAt(bytes('{"facts": []}'), locateArrayItems(bytes('{"facts": []}'), ['facts'])?.get('facts'))).toEqual([]);
  });

  it('names a key written with escapes by what it says', () => {
    const buffer = bytes('{"f\\u0061cts": ["x"]}');
    expect(itemsAt(buffer, locateArrayItems(buffer, ['facts'])?.get('facts'))).toEqual(['x']);
  });

  it('gives null for what is not an object it can follow', () => {
    for (const text of ['[1, 2]', '"facts"', '{"facts": [1, 2', '{"facts" [1]}', '{"a": 1 "b": 2}', '']) {
      expect(locateArrayItems(bytes(text), ['facts'])).toBeNull();
    }
  });

  it('agrees with JSON.parse on any document, however it is laid out', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.constantFrom(undefined, 0, 1, 2, '\t'),
        (rest, facts, questions, indent) => {
          const text = JSON.stringify({ ...rest, facts, questions }, null, indent);
          const buffer = bytes(text);
          const found = locateArrayItems(buffer, ['facts', 'questions']);
          const parsed = JSON.parse(text) as { facts: unknown; questions: unknown };
          expect(itemsAt(buffer, found?.get('facts'))).toEqual(parsed.facts);
          expect(itemsAt(buffer, found?.get('questions'))).toEqual(parsed.questions);
        },
      ),
      { numRuns: 300 },
    );
  });
});
