// Round 10 rules (side-details.ts), from the WRONG grades of dev's fifth batch (REVIEW.md, "Round 10"): a
// sentence that has lost its subject, a span of time counted from an event the stem does not show, and a
// person's initials as the key. Cut-only: each test finds the rule's name among the reasons a key was
// dropped. Every article here is made up; the builder knows none of its names.

import { describe, it } from 'vitest';
import { article, expectCut } from './helpers.js';

const LEAD = [
  'The Varno Harbour Trust opened its new museum of ships on Monday after six years of building work.',
  'The museum cost 48 million dollars and holds 212 boats from the history of the harbour.',
  'About 9,000 visitors came on the first day, the trust said.',
];

describe('subjectless: a sentence that opens with a past-tense verb and has no subject', () => {
  it('does not ask a fragment', () => {
    const text = article('Varno Rovers sign a new keeper', 'Varno Rovers signed the goalkeeper Tomas Brandt from Kellin Athletic on Monday.', 'Brandt played three cup finals for Kellin Athletic.', 'Brandt also reached a cup final; but lost to Ostra United.');
    expectCut(text, 'Ostra United', 'subjectless');
  });
});

describe('relative-interval: a span of time before "later"', () => {
  it('does not ask "_____ later" outside a match report', () => {
    const text = article('Harbour museum opens in Varno', ...LEAD, 'In 2002, the trust lost its first appeal to the council.', 'Five years later, judges in Kellin were to review the case, but the trust dropped it.');
    expectCut(text, 'Five years', 'relative-interval');
  });
});

describe('initials-key: a person’s initials as the key', () => {
  it('does not ask initials', () => {
    const text = article('Hikers found in Varno park', 'Rangers found three missing hikers in Varno National Park on Sunday.', 'JR.K., 43, and his two children, ages 10 and 6, had been missing since Saturday night.', 'The rangers said the family was cold but well.');
    expectCut(text, 'JR.K.', 'initials-key');
  });
});

describe('title-initials: a name whose initials the headline shows', () => {
  it('does not ask a name the headline gives as initials', () => {
    const text = article('Study shows harbour injuries rise after VFR safety rules set', 'A new study of harbour injuries in the Varno Free Republic was released this month by the Kellin Journal of Safety.', 'Injuries rose by 30 percent in the ten years after the safety rules were set, the study found.', 'The authors called for new rules.');
    expectCut(text, 'Varno Free Republic', 'title-initials');
  });
});
