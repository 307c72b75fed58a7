// Round 36 (REVIEW.md), from stop 36's regrade ("6,300, 3,800 and 4,000 meters are not standard race
// distances, so 5,000 meters is guessable"): a number's wrong values are as round as the number.

import { describe, expect, it } from 'vitest';
import { numberVariants } from '../../src/builder/numbers.js';

const first = (): number => 0;
const zeros = (text: string): number => /0*$/.exec(text.replace(/\D/g, ''))?.[0].length ?? 0;

describe('wrong values as round as the key', () => {
  it('gives a round key round wrong values', () => {
    for (const text of ['5,000 meters', '500', '20,000', '90,000', '70']) {
      const variants = numberVariants({ text, shape: text.includes(' ') ? 'measure' : 'plain' }, 3, first);
      expect(variants.length, text).toBe(3);
      for (const v of variants) expect(zeros(v), `${v} beside ${text}`).toBeGreaterThanOrEqual(zeros(text));
    }
  });
  it('keeps a precise key\'s wrong values precise', () => {
    const variants = numberVariants({ text: '127', shape: 'plain' }, 3, first);
    expect(variants.some((v) => zeros(v) === 0)).toBe(true);
  });
});
