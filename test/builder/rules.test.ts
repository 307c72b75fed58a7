// The rules added from grading real news (REVIEW.md, "What the builder does about it"): each drops a kind
// of draft a reader graded WEAK or WRONG, and names itself in the reason `--explain` shows. Every article
// here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { giveaway, restatesTitle } from '../../src/builder/questions.js';
import type { Candidate, Entity, Mention } from '../../src/builder/types.js';
import { build, withHeadlineTitle } from './helpers.js';

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
  it('does not ask an acronym the title spells out', () =>
      withHeadlineTitle(() => {
      const text = ['Varnsoft waits for the end of Harbour Browser 6', '', 'Varnsoft said on Friday that it is time for HB6 users to move on from the old browser at last.'].join('\n');
      const { kept, reasons } = about(text, 'HB6');
      expect(kept).toBe(false);
      expect(reasons.some((r) => /^giveaway: the deck's title spells out/.test(r))).toBe(true);
    }));

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

describe('trivia: details a reader is not expected to remember', () => {
  const opening = [
    'The Kestrel Bay council approved a new harbour wall worth 4 million dollars after a vote of its members.',
    'The wall will protect 300 homes in the old town of Kestrel Bay from winter storms.',
  ];
  it.each([
    ['the day of the week', article(...opening, 'Mayor Ada Lund signed the order on Tuesday at the town hall in Varn.'), 'Tuesday', /^trivia: the day of the week/],
    ['a measure made an adjective, past the opening', article(...opening, 'Workers will first dig a 40-metre trench along the old pier of the harbour.'), '40-metre', /^trivia: a measure/],
    ['a count the grammar gives', article(...opening, 'The two councils had argued about the cost of the wall for years before the vote.'), 'two', /^trivial: a count the sentence gives/],
    ['a figure of a line of figures', article(...opening, 'The vote went 14 to 6, with 3 members away and 2 seats empty after the spring.'), '3', /^trivia: one figure of/],
    ['the state after its city', article(...opening, 'Engineers from Pell, Ostrania, designed the wall for the harbour board.'), 'Ostrania', /^trivia: the state or country/],
    ['the outlet that carried the words', article(...opening, 'Ada Lund told the Harbour Courier that the work would start in the spring of 2027.'), 'Harbour Courier', /^trivia: the outlet/],
    ['one item of a list of three or more', article(...opening, 'Stone will come from Pell, Ostra, Varn and Tolle, the mayor said after the vote.'), 'Ostra', /^trivia: one item of a list/],
  ])('%s', (_, text, answer, rule) => {
    const { kept, reasons } = about(text, answer);
    expect(kept).toBe(false);
    expect(reasons.some((r) => rule.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('still asks a measure or a count in the opening, where the article puts its substance', () => {
    const text = article('Rangers rescued six members of a family from a 30-foot boat that sank in Lake Varn on Sunday.', 'The family had been in the water for about an hour before the rangers reached them.');
    expect(about(text, 'six').kept || about(text, '30-foot').kept).toBe(true);
  });
});

describe('true/false statements', () => {
  it('drafts no long true statement that no number or date could make false', () => {
    const { candidates } = build(article(
      'The Kestrel Bay council approved a new harbour wall worth 4 million dollars after a long vote of its members.',
      'Residents of Kestrel Bay across the river had long asked the council for better protection against the storms of the winter months.',
    ));
    const statement = candidates.find((c) => c.kind === 'true-false' && c.text.startsWith('Residents'));
    expect(statement?.kept).toBe(false);
    expect(statement?.reason).toMatch(/^statement: /);
  });
});

describe('a person the title names', () => {
  it('does not ask a person whose surname the title shows, unless another person has that surname', () => {
    const alone = ['Ada Lund dies at 90', '', 'Ada Maria Lund was born in Varn in 1935 and worked at the harbour office of Kestrel Bay.'].join('\n');
    const { kept, reasons } = about(alone, 'Ada Maria Lund');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^giveaway: the surname "Lund"/.test(r)), reasons.join(' | ')).toBe(true);
    const shared = ['Ada Lund dies at 90', '', 'Ada Lund handed the harbour office of Kestrel Bay to her brother, Tomas Lund, in 1990 after a long career.'].join('\n');
    expect(about(shared, 'Tomas Lund').reasons.some((r) => /^giveaway: the surname/.test(r))).toBe(false);
  });
});

describe('stand-alone facts', () => {
  it('leaves out a conjunction that joins a clause to the one before', () => {
    const { deck } = build(article('On Sunday Varn beat Ostra 2 - 0 in the harbour cup; and Pell lost 1 - 3 to Tolle, with a late goal from captain Ada Lund.'));
    const statements = deck.facts.map((f) => f.statement);
    expect(statements.some((s) => s.startsWith('Pell lost')), statements.join(' | ')).toBe(true);
    expect(statements.some((s) => /^(?:And|and) /.test(s))).toBe(false);
  });
});

describe('a word of the prompt that spells the answer', () => {
  const key = (text: string, type: Entity['type']): Mention =>
    ({ text, start: 0, end: text.length, outerStart: 0, sentence: 1, title: null, entity: { id: text, type, name: text, forms: [text], subtype: type, first: 1, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true } }) as Mention;
  it('gives away a one-word answer whose plural the prompt shows', () => {
    expect(giveaway('Ada Lund, a gold _____ medalist, retired after the 2019 Lanterns in Varn.', key('Lantern', 'other'), 'Lantern')).toMatch(/^giveaway: "Lanterns"/);
  });
  it('does not take the plural of a longer name\'s first word for it', () => {
    expect(giveaway('Officials of the United Parks met the _____ in Varn on its new rules.', key('Park Service', 'organisation'), 'Park Service')).toBeNull();
  });
});

describe('giveaways by the title or the words beside the blank (round 3)', () => {
  it('does not ask a score the title shows, whatever dash either writes', () =>
      withHeadlineTitle(() => {
      const text = ['Varn Rovers beat Pell United 5-4 on penalties in the Harbour Cup', '', 'Varn Rovers beat Pell United 5–4 in a penalty shootout on Saturday to win the cup in Kestrel Bay.'].join('\n');
      const { kept, reasons } = about(text, '5–4');
      expect(kept).toBe(false);
      expect(reasons.some((r) => /^giveaway: .*title/.test(r)), reasons.join(' | ')).toBe(true);
    }));

  it('makes no true/false statement of a clause that says what the title says', () => {
    expect(restatesTitle('The Kestrel Bay council approved a new harbour wall after a long vote on Monday.', 'Kestrel Bay council approves harbour wall')).toBe(true);
    expect(restatesTitle('The harbour wall will protect 300 homes in the old town from winter storms.', 'Kestrel Bay council approves harbour wall')).toBe(false);
    const text = ['Kestrel Bay council approves harbour wall', '', 'The Kestrel Bay council approved the harbour wall at last.', 'The wall will protect 300 homes in the old town of Varn from the storms of the winter.'].join('\n');
    const statements = build(text).candidates.filter((c) => c.kind === 'true-false' && /approved/.test(c.text));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((c) => !c.kept && /^giveaway: the statement says what the deck's title says/.test(c.reason)), statements.map((c) => c.reason).join(' | ')).toBe(true);
  });

  it('does not ask an acronym whose words stand in brackets beside it, nor the reverse', () => {
    const drug = article('The drug KTX (kestrel tide extract) was first made in a laboratory in Varn in 1938 by the chemist Tomas Berg.');
    const acronym = about(drug, 'KTX');
    expect(acronym.kept).toBe(false);
    expect(acronym.reasons.some((r) => /^giveaway: .*spell out "KTX"/.test(r)), acronym.reasons.join(' | ')).toBe(true);
    const disease = article('The town tested the dock workers for Harbour Lung Syndrome (HLS) in 2015 after an outbreak in Kestrel Bay.');
    const name = about(disease, 'Harbour Lung Syndrome');
    expect(name.kept).toBe(false);
    expect(name.reasons.some((r) => /^giveaway: the acronym "HLS"/.test(r)), name.reasons.join(' | ')).toBe(true);
  });

  it('does not ask the conversion in brackets after a value with its unit', () => {
    const { kept, reasons } = about(article('The wave reached about 10 meters (33 feet) in height when it struck the harbour wall near Varn on Monday night.'), '33 feet');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^giveaway: .*conversion/.test(r)), reasons.join(' | ')).toBe(true);
  });
});

describe('guessable from what every reader knows (round 3)', () => {
  it('does not ask the Sun, the Moon or the Earth', () => {
    const text = article('The comet Varnis passed close to the Sun in 2031, the observatory in Kestrel Bay said after a long survey.');
    const { kept, reasons } = about(text, 'Sun');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^trivial: .*every reader/.test(r)), reasons.join(' | ')).toBe(true);
  });
});
