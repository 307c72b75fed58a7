// Where values are in a JSON text (locateValues), for problems that point at a line and column: every
// location is a real place in the text, also when a path is met twice (a key given twice, or the key ""
// whose path is the document's own), where the later value is the one JSON.parse keeps.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateValues } from '../../src/bank/json-location.js';

/** The offset in `text` of a 1-based line and column. */
function offsetOf(text: string, location: { line: number; column: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, location.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + location.column - 1;
}

describe('locateValues', () => {
  it('points at each value', () => {
    const text = '{\n  "id": "a",\n  "facts": [\n    {"x": 1}\n  ]\n}';
    const found = locateValues(text);
    expect(found.get('id')).toEqual({ line: 2, column: 9 });
    expect(found.get('facts[0].x')).toEqual({ line: 4, column: 11 });
    expect(text.slice(offsetOf(text, found.get('facts') ?? { line: 0, column: 0 }))).toMatch(/^\[/);
  });

  it('with the key "" (the same path as the document), still only places in the text, each value found', () => {
    const text = '{\n  "{schemaVersion": 1,\n  "": "base",\n  "title": "T"\n}';
    const found = locateValues(text);
    for (const location of found.values()) {
      expect(location.line).toBeGreaterThanOrEqual(1);
      expect(location.column).toBeGreaterThanOrEqual(1);
    }
    expect(found.get('{schemaVersion')).toEqual({ line: 2, column: 21 });
    expect(found.get('title')).toEqual({ line: 4, column: 12 });
  });

  it('with a key given twice, at the later value (the one JSON.parse keeps), and the values after it right', () => {
    const text = '{\n  "a": 1,\n  "b": 2,\n  "a": 3,\n  "c": 4\n}';
    const found = locateValues(text);
    expect(found.get('a')).toEqual({ line: 4, column: 8 });
    expect(found.get('b')).toEqual({ line: 3, column: 8 });
    expect(found.get('c')).toEqual({ line: 5, column: 8 });
  });

  it('gives every value of any JSON document a place where that value is written', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, indented) => {
        const text = JSON.stringify(value, null, indented ? 2 : undefined);
        for (const location of locateValues(text).values()) {
          expect(location.line).toBeGreaterThanOrEqual(1);
          expect(location.column).toBeGreaterThanOrEqual(1);
          const offset = offsetOf(text, location);
          expect(offset).toBeLessThan(text.length);
          expect(text.charAt(offset)).toMatch(/[[{"\d\-tfn]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
