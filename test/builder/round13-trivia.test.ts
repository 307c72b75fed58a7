// Round 13 (REVIEW.md, "Round 13: side details"), from the dev graders' "trivia" and "minor detail" WEAK
// grades: a date that only says when something was said or counted, cut in the last look (side-details.ts),
// so no other question changes. (The round's part-label, middle-step and side-age rules were not kept; they
// and their tests are in the history, REVIEW.md says where.) Cut-only: each test finds the rule's name among the reasons a key was dropped, and a guard shows
// what the rule leaves. Every article here is made up; the builder knows none of its names.

import { describe, it } from 'vitest';
import { article, expectCut, expectNotCutBy } from './helpers.js';

const LEAD = [
  'The Varno Harbour Trust opened its new museum of ships on Monday after six years of building work.',
  'The museum cost 48 million dollars and holds 212 boats from the history of the harbour.',
  'About 9,000 visitors came on the first day, the trust said.',
];

describe('telling-date: a date that only says when something was said or counted', () => {
  it('does not ask the year someone told an outlet something', () => {
    const text = article('Harbour museum opens in Varno', ...LEAD, 'Trust director Ana Ruiz told the Kellin Gazette in 2019 that the old sheds could not hold the boats.', 'The boats were moved by barge over two winters.');
    expectCut(text, '2019', 'telling-date');
  });

  it('does not ask the year a claim was said', () => {
    const text = article('Harbour museum opens in Varno', ...LEAD, 'Former trust chairman Tomas Brandt said in 2011 that the council had blocked the plan for years.', 'The council denied it.');
    expectCut(text, '2011', 'telling-date');
  });

  it('does not ask the day a figure was counted ("as of ...")', () => {
    const text = article('Harbour museum opens in Varno', ...LEAD, 'The trust has said that as of March 4, 2024, the museum has 318 volunteers; 40 percent of these are students.', 'Volunteers give tours in four languages.');
    expectCut(text, 'March 4, 2024', 'telling-date');
  });

  it('does not ask a date that glosses a day of the week in brackets', () => {
    const text = article('Harbour museum opens in Varno', ...LEAD, 'A sudden storm on Sunday night (March 9) sent the crowd running for the station.', 'The museum closed early.');
    expectCut(text, 'March 9', 'telling-date');
  });

  it('keeps the date of what happened, and any date in the opening sentences', () => {
    const late = article('Harbour museum opens in Varno', ...LEAD, 'The trust bought the old shipyard from the city in 2011 for one dollar.', 'The yard had been empty for decades.');
    expectNotCutBy(late, '2011', 'telling-date');
    const opening = article('Harbour museum opens in Varno', 'Trust director Ana Ruiz told the Kellin Gazette in 2019 that the harbour needed a museum of ships.', ...LEAD);
    expectNotCutBy(opening, '2019', 'telling-date');
  });
});
