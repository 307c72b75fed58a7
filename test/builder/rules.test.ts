// The rules added from grading real news (REVIEW.md, "What the builder does about it"): each drops a kind
// of draft a reader graded WEAK or WRONG, and names itself in the reason `--explain` shows. Every article
// here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/builder/types.js';
import { build } from './helpers.js';

/** The candidates asking for `answer` (as a key question), and whether any of them was kept. */
function about(article: string, answer: string): { kept: boolean; reasons: string[] } {
  const { candidates } = build(article);
  const mine = candidates.filter((c: Candidate) => c.stage !== 'fact' && c.stage !== 'sentence' && c.answer === answer && c.kind !== 'true-false');
  return { kept: mine.some((c) => c.kept), reasons: mine.filter((c) => !c.kept).map((c) => c.reason) };
}

const article = (...body: string[]): string => ['Harbour Town Weekly Notes', '', ...body].join('\n\n');

describe('names cut or glued', () => {
  it.each([
    ['a name that runs on past the blank', article('The security firm Quorvo.net said on Monday that the browser had 277 flaws in all.'), 'Quorvo', /^cut: /],
    ['the start of a name its bracketed acronym abbreviates', article('The vaccine protects against a virus that causes West Nile lung syndrome (WNLS) in horses and in people.'), 'West Nile', /^cut: .*abbreviates/],
    ['half of a name with "and" in it', article('The agency named the new register the Port Records System and Archive System in 1999 after a long review.'), 'Archive System', /^cut: .*"and"/],
    ['a product name and its number', article('The chief of the firm threatened the retailer for backing the Zenith 80 launch in the autumn of 2003.'), 'Zenith', /^cut: .*number after it/],
    ['a name that starts with a word of time', article('Yesterday Ada Lund received a warm welcome at the harbour office in Kestrel Bay with her family.'), 'Yesterday Ada Lund', /^cut: .*word of time/],
  ])('%s', (_, text, answer, rule) => {
    const { kept, reasons } = about(text, answer);
    expect(kept).toBe(false);
    expect(reasons.some((r) => rule.test(r)), reasons.join(' | ')).toBe(true);
  });
});

describe('trivial keys', () => {
  it('does not ask a value given with its conversion in brackets', () => {
    const { kept, reasons } = about(article('The crew had to travel about 500 miles (800 km) from Kestrel Bay to the capital in Varn to file the forms.'), '500 miles');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^giveaway: .*conversion/.test(r))).toBe(true);
  });

  it('does not ask one half of a rough pair', () => {
    const { kept } = about(article('The harbour master said the storm had damaged one or two boats at the Kestrel Bay marina on Sunday night.'), 'two');
    expect(kept).toBe(false);
  });

  it('does not ask a date among three or more in a row, nor a stop of a schedule', () => {
    const text = article('The choir will sing in Varn in November, in Kestrel Bay in December, in Ostra in January and in Pell in March before the break.');
    for (const key of ['December', 'Ostra']) expect(about(text, key).kept, key).toBe(false);
  });

  it('asks a sentence under twelve words once', () => {
    const { deck } = build(article('October is Harbour Lantern Month in Varn.', 'The lanterns were first lit in Kestrel Bay in 1952 by the fishing families of the town.'));
    const onFirst = deck.questions.filter((q) => q.kind !== 'true-false' && q.explanation.includes('Harbour Lantern Month'));
    expect(onFirst.length).toBeLessThanOrEqual(1);
  });
});

describe('giveaways by the title', () => {
  it('does not ask an acronym the title spells out', () => {
    const text = ['Varnsoft waits for the end of Harbour Browser 6', '', 'Varnsoft said on Friday that it is time for HB6 users to move on from the old browser at last.'].join('\n');
    const { kept, reasons } = about(text, 'HB6');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^giveaway: the deck's title spells out/.test(r))).toBe(true);
  });

  it('does not ask a name whose telling words the prompt shows', () => {
    const text = article('The last Hapsburg heir born during the Hapsburg Empire died at age 91 on Monday in the town of Varn.');
    expect(about(text, 'Hapsburg Empire').kept).toBe(false);
  });
});

describe('statements', () => {
  it('makes no true/false statement of a speaker’s own first-person paragraph', () => {
    const text = article(
      'The new pier in Kestrel Bay cost 4 million dollars more than the harbour board had planned in 2019.',
      'I think the board failed us. The new pier in Kestrel Bay has cost 4 million dollars more than the board planned.',
    );
    const { candidates } = build(text);
    const statements = candidates.filter((c) => c.kind === 'true-false');
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((c) => !c.kept)).toBe(true);
    expect(statements.some((c) => /^opinion: /.test(c.reason))).toBe(true);
  });

  it('does not rewrite a pronoun inside a quotation', () => {
    const { deck } = build(article('The former chief of the port, Ada Lund, met the board on Monday in Varn.', 'Saying "he had no choice," she told the board she would stop buying from the yard.'));
    for (const q of deck.questions) expect(q.prompt).not.toMatch(/“Ada Lund had no choice|"Ada Lund had no choice/);
  });
});

describe('wrong choices', () => {
  it('writes "percent" without a plural and offers no value of another form', () => {
    for (const seed of [1, 2, 3]) {
      const { deck } = build(article('The agency aims to cut the share of old boilers in Varn to less than one percent by 2030, it said on Monday.', 'Old boilers made up 10% of all boilers in Kestrel Bay in 2020, against 25 percent in Ostra.'), seed);
      for (const q of deck.questions) if (q.kind === 'choice') for (const c of q.choices) expect(c).not.toMatch(/percents/);
    }
  });
});
