// Round 12 (REVIEW.md, "Round 12"), from the outside graders' WRONG and WEAK grades on dev: an ordering
// question's events dated by their own verb, not by a noun's date in the same clause. Every article here is
// made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/domain/deck.js';
import { build } from './helpers.js';

const article = (title: string, ...body: string[]): string => [title, '', ...body].join('\n\n');

function orderItems(text: string): string[][] {
  return build(text)
    .deck.questions.filter((q: Question): q is Extract<Question, { kind: 'order' }> => q.kind === 'order')
    .map((q) => q.answer);
}

describe('ordering: an event is placed by the date of its own verb', () => {
  const events = [
    'Tomas Varga was elected mayor of Ostra in March 1990.',
    'Tomas Varga opened the new harbour bridge in June 1996.',
    'Tomas Varga stepped down as mayor in April 2004.',
  ];

  it('leaves out an event whose date belongs to a noun after "of" ("the fire of 1988")', () => {
    const text = article('Former Ostra mayor Tomas Varga remembered', 'Tomas Varga was the only official blamed for the harbour fire of 1988.', ...events);
    const orders = orderItems(text);
    expect(orders.length).toBe(1);
    expect(orders.flat().some((item) => /blamed/.test(item)), orders.flat().join('\n')).toBe(false);
  });

  it('keeps an event dated through a stretch of time, without the words that lead into it', () => {
    for (const when of ['in the summer of 1988', 'at the end of 1988', 'in May of 1988']) {
      const items = orderItems(article('Former Ostra mayor Tomas Varga remembered', `Tomas Varga moved to Ostra from Kellin ${when}.`, ...events)).flat();
      expect(items, when).toContain('Tomas Varga moved to Ostra from Kellin');
    }
  });
});
