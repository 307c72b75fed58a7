// Round 8 rules (side-details.ts), from the outside graders' dev grades (REVIEW.md, "Round 8"): keys the
// stem or a reader's general knowledge gives away, the play of a match, someone's quoted words, and keys the
// deck asks twice. They run in the last look, so each test finds the rule's name among the reasons a key
// was dropped. Every article here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import type { QuestionDraft } from '../../src/builder/questions.js';
import { stemEcho } from '../../src/builder/side-details.js';
import { article, expectCut, keyCandidates } from './helpers.js';

function expectKept(text: string, answer: string): void {
  const { kept, reasons } = keyCandidates(text, answer);
  expect(kept, `${answer}: ${reasons.join(' | ')}`).toBe(true);
}

/** Three opening sentences: what follows is past the story's lead. */
const LEAD = [
  'The Varno Harbour Trust opened its new museum of ships on Monday after six years of building work.',
  'The museum cost 48 million dollars and holds 212 boats from the history of the harbour.',
  'About 9,000 visitors came on the first day, the trust said.',
];

describe('placed-city: a city the lexicon knows, before its state', () => {
  it('does not ask a known city that its state, shown in the stem, gives away', () => {
    // No institution before the city: after one ("... Museum in Chicago"), round 13's placed-institution
    // makes the city give way before this rule looks.
    const text = article('Harbour museum opens in Varno', ...LEAD, 'A second ship from the trust will go on show in Chicago, Illinois, next spring.');
    expectCut(text, 'Chicago', 'placed-city');
  });

  it('still asks where the article’s subject was born', () => {
    const text = article('Singer Ada Varnell dies at 76', 'Singer Ada Varnell died at her home on Thursday, her family said.', 'She had been ill for two years.', 'Her last concert was in 2029.', 'Ada Varnell was born in Chicago, Illinois, to a family of teachers and moved to the city of Varno as a child.');
    expectKept(text, 'Chicago');
  });
});

describe('famous-office: the holder of a country’s top office', () => {
  it('does not ask who was "US President"', () => {
    const text = article('Varno student wins science prize', ...LEAD, 'The student received messages of support from US President Barack Obama and from the mayor of Varno, Lena Okafor.');
    expectCut(text, 'Barack Obama', 'famous-office');
  });

  it('still asks a president of a body, not of a country', () => {
    const text = article('Varno student wins science prize', ...LEAD, 'The prize was handed over by the president of the Kellin Academy, Tomas Brandt, in front of 300 guests.');
    expectKept(text, 'Tomas Brandt');
  });
});

describe('nationality-key: a nationality word before a noun', () => {
  it('does not ask "the _____ singer"', () => {
    const text = article('Varno choir records an album', ...LEAD, 'In 2030 the choir recorded a song with the British singer Tomas Kellan in a studio of Varno.');
    expectCut(text, 'British', 'nationality-key');
  });
});

describe('outlet: who reported it, not what happened', () => {
  it('does not ask the newspaper that "noted" something', () => {
    const text = article('Varno student wins science prize', ...LEAD, 'The Kellin Daily News noted that messages of support for the student had come from 40 countries.');
    expectCut(text, 'Kellin Daily News', 'outlet');
  });

  it('does not ask the press agency that carried the words', () => {
    const text = article('Varno student wins science prize', ...LEAD, 'The mayor of Varno, Lena Okafor, sent the student her warm greetings, according to the Kellin press agency Ostra Nova.');
    expectCut(text, 'Ostra Nova', 'outlet');
  });
});

/** A match report: enough of the words of a game. */
const MATCH = [
  'Varno Rovers beat Kellin United 3-1 in the final of the Harbour Cup at the Ostra Stadium on Sunday.',
  'Rovers striker Tomas Brandt scored twice in the match, and the referee gave one penalty.',
  'Kellin goalkeeper Ben Okafor made six saves in the first half.',
];

describe('play-support: a player named for a supporting move of a match', () => {
  it('does not ask who gave the assist', () => {
    const text = article('Varno Rovers win the Harbour Cup', ...MATCH, 'In the 69th minute, Tomas Brandt doubled the lead for Varno, scoring a header from Ivo Brennan’s assist.');
    expectCut(text, 'Ivo Brennan', 'play-support');
  });

  it('does not ask who came on as a substitute', () => {
    const text = article('Varno Rovers win the Harbour Cup', ...MATCH, 'Kellin captain Omar Reyes was injured and was replaced by Dario Velt before the break.');
    expectCut(text, 'Dario Velt', 'play-support');
  });

  it('does not ask who was booked, though the article names him again (the older play-by-play rule would keep him)', () => {
    const text = article('Varno Rovers win the Harbour Cup', ...MATCH, 'In the second half, Kellin defender Omar Reyes was booked for a bad foul.', 'Omar Reyes later apologised to the fans of Varno.');
    expectCut(text, 'Omar Reyes', 'play-support');
  });
});

describe('interim-score: the score at a step of a match', () => {
  it('does not ask the score at half-time', () => {
    const text = article('Varno Rovers win the Harbour Cup', ...MATCH, 'The half ended with Varno Rovers leading 2–1 after a late goal.');
    expectCut(text, '2–1', 'interim-score');
  });
});

describe('minute-offset: the minutes between two moves', () => {
  it('does not ask "_____ later"', () => {
    const text = article('Varno Rovers win the Harbour Cup', ...MATCH, 'Six minutes later, Tomas Brandt scored a third goal for Varno Rovers from close range.');
    expectCut(text, 'Six minutes', 'minute-offset');
  });
});

describe('quoted-detail: a key inside someone’s quoted words', () => {
  it('does not ask a detail of a quotation', () => {
    const text = article('Harbour museum opens in Varno', ...LEAD, 'Mayor Lena Okafor said, "Over the past 30 days the museum has been busier than the Kellin Aquarium."');
    expectCut(text, 'Kellin Aquarium', 'quoted-detail');
  });

  it('still asks a title in quotation marks', () => {
    const text = article('Harbour museum opens in Varno', ...LEAD, 'The trust named its oldest boat "Morning Star of Varno" after a song of the harbour.');
    expectKept(text, 'Morning Star of Varno');
  });
});

describe('relative-time inside a key', () => {
  it('does not ask "November of last year"', () => {
    const text = article('Singer Ada Varnell dies at 76', 'Singer Ada Varnell died at her home in Varno on Thursday, her family said.', 'She had been ill for two years.', 'Her first record came out in 1969.', 'Her last public concert was in November of last year, at a charity event of the Kellin Trust.');
    expectCut(text, 'November of last year', 'relative-time');
  });
});

describe('age-detail: the age of a step of someone’s youth', () => {
  it('does not ask "when she was _____"', () => {
    const text = article('Singer Ada Varnell dies at 76', 'Singer Ada Varnell died at her home in Varno on Thursday, her family said.', 'She had been ill for two years.', 'Her first record came out in 1969.', 'Ada Varnell sang in the choir of the Kellin school when she was 11, and later studied music in Ostra.');
    expectCut(text, '11', 'age-detail');
  });
});

describe('seat: the city of a headquarters or a capital', () => {
  it('does not ask where a company has its headquarters', () => {
    const text = article('Varno student wins science prize', ...LEAD, 'The student met engineers at the Kellin Systems headquarters in Ostrava on Saturday.');
    expectCut(text, 'Ostrava', 'seat');
  });
});

describe('stem-echo: the stem shows the key in another form', () => {
  it('does not ask "Paralympics" beside "Paralympic"', () => {
    const text = article('Varno player retires', 'Lena Okafor, a Paralympic medalist in wheelchair tennis, retired after the 2031 Summer Paralympics in Kellin.', 'She won 14 titles in her career.');
    expectCut(text, 'Summer Paralympics', 'stem-echo');
  });

  it('does not ask a name whose initials the stem writes (where the finder did not make them a form of it)', () => {
    const sentenceText = 'The team had been denied visas to enter the Ostra Free Republic until May, drawing notice from critics of O.F.R. policy.';
    const entity = { id: 'place:ostra free republic', type: 'place', name: 'Ostra Free Republic', forms: ['Ostra Free Republic'], subtype: 'country', first: 1, sortKey: null, titles: [], takesThe: true, onlyAsModifier: false, sure: true } as const;
    const start = sentenceText.indexOf('Ostra');
    const mention = { entity, sentence: 1, start, end: start + 19, text: 'Ostra Free Republic', outerStart: start, title: null };
    const sentence = { index: 1, text: sentenceText, start: 0, end: sentenceText.length, tokens: [], mentions: [mention], isHeadline: false, isDateLine: false, dateline: null, paragraph: 1, inQuote: false, bodyStart: 0 };
    const draft = { kind: 'cloze', fact: { clause: { sentence } }, related: [], prompt: sentenceText.replace('Ostra Free Republic', '_____'), explanation: '', answer: 'Ostra Free Republic', entity } as unknown as QuestionDraft;
    expect(stemEcho(draft)).toMatch(/^stem-echo: the stem shows "OFR"/);
    expect(stemEcho({ ...draft, prompt: draft.prompt.replace('O.F.R.', 'its') })).toBeNull();
  });
});

describe('ordinal-slot: "first" or "second" before "half"', () => {
  it('does not ask "In the _____ half"', () => {
    const text = article('Varno Rovers win the Harbour Cup', ...MATCH, 'Okafor was hurt early in the second half.', 'In the second half, both sides had attempts for goals, but none crossing the goal line.');
    expectCut(text, 'second', 'ordinal-slot');
  });
});

describe('title-part: the headline shows the end of the key', () => {
  it('does not ask a name whose end is the headline’s name', () => {
    const text = article('Rovers beat United in Harbour Cup', 'A heated final took place in the all Varno Harbour Cup final on Sunday at the Ostra Stadium.', 'Rovers won 2-1 after extra time.');
    expectCut(text, 'Varno Harbour Cup', 'title-part');
  });
});

describe('near-duplicate: a name that opens a longer name the deck asks', () => {
  it('cuts the shorter name', () => {
    const text = article(
      'Varno team wins a medal',
      'A team of students from Varno won a silver medal on Tuesday in the KESTREL Global Robot Olympics in the Ostra Hall in Kellin.',
      'The team has six members and a coach.',
      'The KESTREL Global competition (Kids Engineering Science and Technology) was founded by Lena Okafor in 2019 to encourage interest in engineering.',
    );
    expectCut(text, 'KESTREL Global', 'near-duplicate');
    // The rule of round 8, not the older one for names of one type.
    expect(keyCandidates(text, 'KESTREL Global').reasons.some((r) => / opens "KESTREL Global Robot Olympics"/.test(r))).toBe(true);
  });
});

describe('misspelt: a name one letter from one the article writes more often', () => {
  it('does not ask the slip', () => {
    const text = article(
      'Activist Ada Marlow dies',
      'Activist Ada Marlow died in Varno on Saturday at the age of 88.',
      'Ada Marlow was the wife of the physicist Tomas Brandtov.',
      'Brandtov won the Kellin Prize in 1975.',
      'Brandtov died in 1989.',
      'The authorities accused her of being an agent who turned Brandtove against his country.',
    );
    expectCut(text, 'Brandtove', 'misspelt');
  });
});
