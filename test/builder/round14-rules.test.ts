// Round 14 (REVIEW.md, "Round 14"), from the test graders' summary of the regrade: keys the headline gives
// away in part or in other words, and wrong years that cannot be right. Every article and sentence here is
// made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { createDistractorSource, pickDistractors } from '../../src/builder/distractors.js';
import { giveaway, titleSharedWord } from '../../src/builder/questions.js';
import type { Entity, Mention } from '../../src/builder/types.js';
import { createRandom } from '../../src/domain/random.js';
import { build, withHeadlineTitle } from './helpers.js';

const entity = (name: string, type: Entity['type'], subtype: string = type): Entity =>
  ({ id: name, type, name, forms: [name], subtype, first: 1, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true }) as Entity;
const key = (text: string, type: Entity['type'], subtype: string = type): Mention =>
  ({ text, start: 0, end: text.length, outerStart: 0, sentence: 1, title: null, entity: entity(text, type, subtype) }) as Mention;

describe('giveaway: a word of the key that tells it is in the deck title', () => {
  it('gives away a name whose first telling word the title shows, not at its opening', () => {
    const header = 'Pell United lose to Kestrel in the Harbour Cup final';
    const article = `${header}\n\nKestrel Rovers beat Pell United 2-0 on Saturday.`;
    expect(giveaway('_____ beat Pell United 2-0 on Saturday.', key('Kestrel Rovers', 'organisation'), 'Kestrel Rovers', header, [], article)).toMatch(/^giveaway: "Kestrel" of the answer/);
  });

  it('gives away a common-noun key whose content word the title shows in other words', () => {
    const header = 'Varn man given life term for harbour fire';
    expect(giveaway('A court in Varn handed Tomas Brandt a _____ on Monday.', key('life sentence', 'other'), 'life sentence', header)).toMatch(/^giveaway: "life" of the answer/);
  });

  it('gives away a date whose year the title shows', () => {
    expect(giveaway('The bridge reopened in _____ after two years of work.', key('March 2031', 'date', 'month-year'), 'March 2031', 'Varn bridge reopened in 2031')).toMatch(/^giveaway: "2031" of the answer/);
  });

  it('leaves a name whose shared word another name of the article holds too', () => {
    const header = 'Varno Star ships to be moved to new museums';
    const article = `${header}\n\nThe Varno Star Adelaide will go to Ostra, and the Varno Star Mathilde to Kellin.`;
    expect(titleSharedWord('Varno Star Adelaide', header, 'other', article)).toBeNull();
  });

  it('leaves a later word of a name, a count\'s unit word, a figure inside a name, and a month', () => {
    expect(titleSharedWord('Better Days of Kellin Girls', 'All-girl Kellin team wins prize', 'other', 'Better Days of Kellin Girls won.')).toBeNull();
    expect(titleSharedWord('300 people', 'People flee Varn floods', 'number')).toBeNull();
    expect(titleSharedWord('The Varn 5 Countdown', 'Harbour waits for end of Varn 5', 'other', 'Varn 5 and Varn 6 are ships.')).toBeNull();
    expect(titleSharedWord('March 3', 'Thousands March in Varn', 'date')).toBeNull();
  });
});

describe('year-span: no wrong year after the latest year the article names', () => {
  const article = 'Varn bridge reopened\n\nVARN, 2031 - The bridge, built in 2024, reopened in 2029 after two years of work, the council said in 2031.';
  const years = ['2024', '2029', '2031'].map((y) => entity(y, 'date', 'year'));

  it('takes made-up years within the span when there are enough', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const source = createDistractorSource([years[2] as Entity], createRandom(seed), new Map(), article);
      const mention = { ...key('2031', 'date', 'year'), entity: years[2] as Entity, dateShape: 'year' } as Mention;
      const wrong = pickDistractors(source, mention, '2031', 'When did the council speak? _____', 3);
      expect(wrong.length, `seed ${seed}`).toBe(3);
      for (const w of wrong) expect(Number(w), `seed ${seed}: ${wrong.join(', ')}`).toBeLessThanOrEqual(2031);
    }
  });

  // A guard, not a test of the rule: the rule never leaves a year question without wrong choices.
  it('still offers wrong years for a key at the edge of a one-year article', () => {
    const source = createDistractorSource([], createRandom(1), new Map(), 'In 2031 the bridge opened.');
    const mention = { ...key('2031-2032', 'date', 'year-range'), dateShape: 'year-range' } as Mention;
    expect(pickDistractors(source, mention, '2031-2032', 'The work ran over _____.', 3).length).toBeGreaterThan(0);
  });
});

describe('giveaway by a word of the key, in a whole deck', () => {
  it('does not ask the club the title names by its first word, however the article runs its name on', () =>
      withHeadlineTitle(() => {
      const header = 'Pell United lose to Kestrel in the Harbour Cup final';
      const text = [header, '', 'On Saturday Kestrel Rovers beat Pell United 2-0 in the Harbour Cup final at Varn Park.', '', 'Ana Ruiz scored both goals for the winners in the second half, in front of 30,000 fans.'].join('\n');
      const answers = build(text).deck.questions.flatMap((q) => (Array.isArray(q.answer) ? q.answer : [String(q.answer)]));
      expect(answers).not.toContain('Kestrel Rovers');
    }));
});
