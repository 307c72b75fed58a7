// Round 28 (REVIEW.md), from the seventeenth batch's untuned grades (stop 34): a medal told by its metal,
// and a headline that ends in an abbreviation (keys.test.ts). The matcher's short units are in
// test/grading. Every article and sentence here is made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { accepts, article, typedOn } from './helpers.js';

describe('a medal told by its metal', () => {
  it('accepts "gold" for "gold medal"', () => {
    const text = article(
      'Kellin swimmers at the Varno Games',
      'Ana Osterby of Kellin won the gold medal in the 200 metre freestyle at the Varno Games on Sunday.',
      'Piet Lindqvist of Sorvik finished second, almost two seconds behind her, and Berglund came third.',
    );
    const typed = typedOn(text, 'gold medal');
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) {
      expect(accepts(q, 'gold')).toBe(true);
      expect(accepts(q, 'silver')).toBe(false);
    }
  });
});
