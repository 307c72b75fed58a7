// Round 34 (REVIEW.md), from the nineteenth batch's misses: a "he" or "she" after a fronted phrase whose own
// subject is the only person it names stands for that person ("As Ana Varno led the team, she equalled the
// record"). Every article and sentence here is made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { article, build, keyCandidates } from './helpers.js';

describe('a pronoun after a fronted phrase that names one person', () => {
  it('asks the sentence, with the record and the person who equalled it', () => {
    const text = article(
      'Kellin and Varnia draw in the cup',
      'Kellin drew 1 – 1 with Varnia on Tuesday in front of a crowd of 40,000 at the Osterby ground.',
      'As Maria Varnosto led Kellin, she equalled the record of Piet Lindqvist\'s 127 caps for the nation.',
    );
    expect(keyCandidates(text, '127').kept).toBe(true);
    const { deck } = build(text);
    expect(deck.facts.some((f) => /^As Maria Varnosto led Kellin, she equalled/.test(f.statement))).toBe(true);
  });
  it('leaves it alone when the fronted phrase speaks of someone else, or of two people', () => {
    const other = article(
      'Kellin and Varnia draw in the cup',
      'Kellin drew 1 – 1 with Varnia on Tuesday in front of a crowd of 40,000 at the Osterby ground.',
      'After the coach praised Maria Varnosto, she equalled the record of 127 caps for the nation.',
    );
    expect(keyCandidates(other, '127').kept).toBe(false);
    const two = article(
      'Kellin and Varnia draw in the cup',
      'Kellin drew 1 – 1 with Varnia on Tuesday in front of a crowd of 40,000 at the Osterby ground.',
      'As Maria Varnosto and Ana Sorvik led Kellin, she equalled the record of 127 caps for the nation.',
    );
    expect(keyCandidates(two, '127').kept).toBe(false);
  });
});
