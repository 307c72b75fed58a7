// printableJson(): --json output of untrusted data. The same value (it parses back equal), with no raw
// control, C1 or bidi character: JSON.stringify escapes only the C0 controls.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printableJson } from '../../src/ui/printable.js';
import { FORBIDDEN_PLAIN, HOSTILE } from './helpers/hostile-deck.js';

describe('printableJson', () => {
  it('escapes what JSON.stringify leaves raw, and nothing else changes', () => {
    const value = { title: HOSTILE, list: ['\u009b2J', '\u202eabc\u2066', '\u2028\u2029', 'caf\u00e9 北京 ’'] };
    expect(JSON.stringify(value)).toMatch(FORBIDDEN_PLAIN);
    const text = printableJson(value);
    expect(text).not.toMatch(FORBIDDEN_PLAIN);
    expect(text).toContain('\\u009b2J');
    expect(text).toContain('\\u202eabc\\u2066');
    expect(text).toContain('caf\u00e9 北京 ’');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('keeps the indent it is given, and the plain JSON of safe data', () => {
    expect(printableJson({ a: [1, 'b'] })).toBe(JSON.stringify({ a: [1, 'b'] }, null, 2));
    expect(printableJson({ a: 1 }, 0)).toBe('{"a":1}');
  });

  it('parses back equal and holds no raw control or bidi character, for any JSON value (property)', () => {
    const unit = fc.oneof(fc.constantFrom('\u001b', '\u0007', '\u009b', '\u009d', '\u202e', '\u2066', '\u2028', '\u061c', '\u200f', '\u007f', '"', '\\', 'a'), fc.string({ unit: 'binary', maxLength: 2 }));
    const text = fc.string({ unit });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(text, text), (value, record) => {
        for (const input of [value, record]) {
          const out = printableJson(input);
          expect(out).not.toMatch(FORBIDDEN_PLAIN);
          expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(input)));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
