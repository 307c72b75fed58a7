// Round 37 (REVIEW.md), from stop 36's regrade ("the key includes the title 'Rabbi', so the natural answer
// without it is not accepted"): a clergy title before a name is a title, as "Mayor" or "Bishop" is, never
// part of the name. Made-up names throughout.

import { describe, expect, it } from 'vitest';
import { article, build, typedOn } from './helpers.js';

const text = article(
  'Kellin congregation opens new shelter',
  'Rabbi Ana Varnosto opened a shelter for 40 homeless families in Kellin on Sunday.',
  'Imam Tomas Lindqvist and Pastor Piet Sorvik joined her at the opening, and the city gave 2 million dollars to the project.',
  'Varnosto said the shelter would stay open all winter.',
);

describe('a clergy title is no part of the name', () => {
  it('asks the name without the title and accepts it as the learner writes it', () => {
    const names = build(text).analysis.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(names).toContain('Ana Varnosto');
    for (const name of names) expect(name).not.toMatch(/^(?:Rabbi|Imam|Pastor)\b/);
    for (const q of typedOn(text, 'Ana Varnosto')) expect(q.answer).toBe('Ana Varnosto');
  });
});
