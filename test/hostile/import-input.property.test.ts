// The importer's input, beyond what test/interop covers: arbitrary bytes through the decoder (never a
// throw; every problem has a line), and hostile JSON shapes through planImport.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeImportBytes, MAX_IMPORT_BYTES } from '../../src/bank/interop/decode-text.js';
import { planImport } from '../../src/bank/interop/import-deck.js';

describe('decodeImportBytes', () => {
  it('never throws on arbitrary bytes; text or problems with lines inside the file', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.array(fc.constantFrom(0x0a, 0xc3, 0xa9, 0xe9, 0xff, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x41), { maxLength: 60 }).map((list) => Uint8Array.from(list)));
    fc.assert(
      fc.property(bytes, (input) => {
        const result = decodeImportBytes(input);
        if (result.ok) {
          expect(Buffer.from(result.text, 'utf8').equals(Buffer.from(input).subarray(input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0))).toBe(true);
          return;
        }
        const lines = input.filter((b) => b === 0x0a).length + 1;
        for (const problem of result.problems) {
          expect(problem.message).not.toBe('');
          expect(problem.hint).not.toBe('');
          expect(problem.line === null || (problem.line >= 1 && problem.line <= lines)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses more than the limit without looking at the bytes', () => {
    const result = decodeImportBytes(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ line: null, message: expect.stringMatching(/too large/) as string })] });
  });
});

describe('planImport on hostile JSON shapes', () => {
  it('a deck JSON with a thousand levels of nesting: problems, no throw', () => {
    const plan = planImport(`{"facts": ${'['.repeat(1000)}${']'.repeat(1000)}}`, { fileName: 'deck.json' });
    expect(plan.deck).toBeNull();
    expect(plan.problems.length).toBeGreaterThan(0);
  });

  // The value locator recurses: importJson() uses the same guard as the deck parser (no line numbers
  // past 32 levels or 250,000 values), so deep nesting is reported, never a crash.
  it(
    'a deck JSON with 20,000 levels of nesting: problems, no throw',
    () => {
      const depth = 20_000;
      const plan = planImport(`{"facts": ${'['.repeat(depth)}${']'.repeat(depth)}}`, { fileName: 'deck.json' });
      expect(plan.problems.length).toBeGreaterThan(0);
    },
    60_000,
  );
});
