// Round 20 (REVIEW.md, "Round 20"): a few WRONG classes of the eleventh batch's untuned grading. Every article
// and sentence here is made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { article, build, expectCut, expectNotCutBy, keyCandidates, whOn as wh, withHeadlineTitle } from './helpers.js';

describe('an ordinal in the stem says the count', () => {
  it('asks no "the first to net _____ goals" after "his sixteenth goal", but asks it without the ordinal', () => {
    const said = article('Kellin Varno retires from Osterby football', 'Kellin Varno scored his sixteenth goal for Osterby on Friday, the first player of the club to net sixteen goals in one season.');
    expectCut(said, 'sixteen', 'given-count');
    const unsaid = article('Kellin Varno retires from Osterby football', 'Kellin Varno scored again for Osterby on Friday, the first player of the club to net sixteen goals in one season.');
    expectNotCutBy(unsaid, 'sixteen', 'given-count');
    // Both without their noun.
    const elliptic = article('Kellin Varno retires from Osterby football', 'Kellin Varno scored a goal against Sorvik, his sixteenth in the qualifying stage, becoming the first player to net sixteen in one qualifying tournament.');
    expectCut(elliptic, 'sixteen', 'given-count');
  });
});

describe('the subject of a title after a label and a colon', () => {
  it('gives away "Osterby Rovers" under "Kellin Bowl LVII: Rovers defeat Varno, 34-31"', () =>
      withHeadlineTitle(() => {
      const text = article('Kellin Bowl LVII: Rovers defeat Varno, 34-31', 'The Osterby Rovers won the Kellin Bowl on Sunday in Sorvik, holding off a late drive by Varno.');
      expect(keyCandidates(text, 'Osterby Rovers').reasons.join(' | ')).toMatch(/title opens with "Rovers"/);
      expect(keyCandidates(text, 'Osterby Rovers').kept).toBe(false);
    }));
});

describe('a referee\'s title is no part of the name', () => {
  it('asks "Ana Lindqvist", never "Referee Ana Lindqvist"', () => {
    const text = article('Osterby Rovers win the Kellin Bowl', 'The game was stopped for 34 minutes after a power cut, and Referee Ana Lindqvist restarted it at Sorvik Stadium.');
    const answers = build(text).candidates.filter((c) => c.stage === 'question').map((c) => c.answer ?? '');
    expect(answers.some((a) => /^Referee\b/.test(a))).toBe(false);
    expect(answers).toContain('Ana Lindqvist');
  });
});

describe('a "when" on a clause with another time in it', () => {
  it('asks no "When did a court clear her ...?" for the year of the attack when the court ruled "yesterday"', () => {
    expect(wh('A court in Kellin yesterday cleared Ana Varno of killing seven people in a bomb attack in 1998.', '1998')).toBeNull();
    expect(wh('A court in Kellin cleared Ana Varno on Monday of killing seven people in a bomb attack in 1998.', '1998')).toBeNull();
    expect(wh('A court in Kellin recently cleared Ana Varno of killing seven people in a bomb attack in 1998.', '1998')).toBeNull();
    expect(wh('A court in Kellin cleared Ana Varno of the charges in 2014 after a long trial.', '2014')).toMatch(/^When did a court in Kellin clear Ana Varno/);
  });
});
