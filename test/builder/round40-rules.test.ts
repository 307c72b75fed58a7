// Round 40 (REVIEW.md), from the development part's refusals: a natural right answer the quiz refused, which
// the outside graders count as WRONG. Names the finder mistyped ("Kellin's Ana Varno and Osterby's Piet
// Lind" read as a list of places), a surname the article writes alone that stayed nobody's, a date without
// its year, and a thing by the own name inside its full name; and a "she" that the joined surname would have
// left unresolved. Made-up names throughout (and two real lands).

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import { familyNameFirst, initialsTwins, kindShortForms, ownNameInside, personShortForms, universityForms, yearlessDates } from '../../src/builder/questions.js';
import type { Entity } from '../../src/builder/types.js';
import { article, build, expectTypedAccepts, theTagger } from './helpers.js';

const entitiesOf = (text: string) => analyseArticle(text, theTagger()).entities;
const checks = {
  englishWord: (word: string) => theTagger().englishWord(word),
  land: (words: string) => ['kellin', 'new varnia', 'osterby'].includes(words.toLowerCase()),
  demonym: (word: string) => word === 'Kellinese',
  others: [],
};

describe('people the finder took for something else', () => {
  const match = article(
    'Kellin beat Osterby in the final',
    'Kellin won the final 58-54 against Osterby on Sunday night in Sorvik.',
    "The game featured a duel between two fast players, Kellin's Tavio Brannick and Osterby's Mirek Soltan.",
    'Kellin once again played John Sorvaag, Brannick, Peter Lindqvist and Maria Holm together.',
    'The players voted for the best player of the series, which went to Tavio Brannick.',
  );

  it('makes a person of the one full name that a surname sure to be a person’s ends', () => {
    const brannick = entitiesOf(match).find((e) => e.name === 'Tavio Brannick');
    expect(brannick?.type).toBe('person');
    // ...and the surname the article writes alone is the same person, not someone else.
    expect(entitiesOf(match).some((e) => e.name === 'Brannick')).toBe(false);
  });

  it('reads a name before "and" and a possessor as no item of a list of places', () => {
    const text = article('Kellin beat Osterby', "Kellin won the final against Osterby on Sunday in Sorvik. The game featured a duel between two fast players, Norway's Tavio Brannick and Sweden's Mirek Soltan.");
    const brannick = entitiesOf(text).find((e) => e.name === 'Tavio Brannick');
    expect(brannick?.type).not.toBe('place');
  });

  it('accepts that surname for the full name', () => {
    expectTypedAccepts(match, 'Tavio Brannick', ['Brannick', 'Tavio Brannick'], ['Soltan']);
  });

  it('joins a one-word name of no sure kind to the one person whose name ends in it', () => {
    const text = article(
      'Varno wins in Kellin',
      "Osterby's gold medal was earned by Piet Varno, and was Varno's fourth gold medal earned in Kellin. This put Varno at the top of the gold medal count for Kellin alongside Jon Berglund of Sorvik. Tatyana McMarrow of Sorvik had a chance at four gold medals in Kellin, but was unable to compete after a pair of tire punctures mid-race that slowed her down. McMarrow conveyed her experiences in the race to the media, saying, \"At 18 or 19 miles it went again, this always seems to happen to me in Kellin. I just wanted to sit and cry.\"",
    );
    const people = entitiesOf(text).filter((e) => /McMarrow/.test(e.name));
    expect(people.map((e) => e.name)).toEqual(['Tatyana McMarrow']);
    expect(people[0]?.forms).toContain('McMarrow');
  });

  it('does not join a one-word name that two people’s names end in', () => {
    const text = article(
      'Brothers in court in Kellin',
      'Piet Harrowgate and Jens Harrowgate appeared in court in Kellin on Monday.',
      'Harrowgate told the court that he had been at home in Osterby that night.',
    );
    expect(entitiesOf(text).filter((e) => /Harrowgate/.test(e.name)).map((e) => e.name)).not.toEqual(['Piet Harrowgate']);
  });
});

describe('"she" after a sentence that said "she" first', () => {
  it('goes on with that person past someone named in passing, of no gender the article shows', () => {
    const text = article(
      'Last princess of Kellin dies at 91',
      'Princess Ana Lindqvist of Kellin died on Saturday in Osterby at the age of 91.',
      'She had married Prince Jon Berglund, who led the regency before the revolution in which Peter Soltan and Tavio Brannick removed the monarchy from power.',
      'She was briefly under arrest when her husband was accused of plotting against Brannick.',
      'As an exile in Sorvik, she longed to return to Osterby.',
    );
    const facts = build(text).deck.facts.map((f) => f.statement);
    expect(facts).toContain('Ana Lindqvist was briefly under arrest when her husband was accused of plotting against Brannick.');
    expect(facts).toContain('As an exile in Sorvik, Ana Lindqvist longed to return to Osterby.');
  });
});

describe('a surname the article also writes as a word', () => {
  const day = (typeTrusted: boolean): Entity => ({ id: 'person:john day', type: 'person', name: 'John Day', forms: ['John Day'], subtype: 'person', first: 0, sortKey: null, titles: ['Foreign Minister'], takesThe: false, onlyAsModifier: false, sure: true, typeTrusted });
  const text = 'Foreign Minister John Day visited Kellin on Monday, the first day of a tour.';

  it('is accepted for a person several signals make one', () => {
    expect(personShortForms(day(true), [], text)).toEqual(['Day']);
  });

  it('is not for a name that may be misread', () => {
    expect(personShortForms(day(false), [], text)).toEqual([]);
  });
});

describe('a date without its year', () => {
  it('takes the month and day where the article dates nothing else on them', () => {
    expect(yearlessDates('September 20, 2006', 'He spoke on September 20, 2006, in Kellin.')).toEqual(['September 20']);
    expect(yearlessDates('4 May 2010', 'It opened on 4 May 2010.')).toEqual(['May 4']);
  });

  it('does not where the article writes that day of another year', () => {
    expect(yearlessDates('September 20, 2006', 'He spoke on September 20, 2006. A year later, on September 20, 2007, he spoke again.')).toEqual([]);
  });

  it('takes the month or the year of a month of a year where each names it alone', () => {
    expect(yearlessDates('April 2003', 'He made his debut in April 2003 and retired in 2017.')).toEqual(['April', '2003']);
    // Another April: the month alone is no answer; another month of 2003: nor is the year.
    expect(yearlessDates('April 2003', 'He made his debut in April 2003 and retired in April 2017.')).toEqual(['2003']);
    expect(yearlessDates('April 2003', 'He was picked in March 2003 and made his debut in April 2003.')).toEqual(['April']);
  });

});

describe('a thing by the own name inside its full name', () => {
  it('drops the kind of building written before the name', () => {
    expect(ownNameInside('HM Prison Varnock', checks)).toEqual(['Varnock']);
    expect(ownNameInside('the Temple of Sorvik Magna', checks)).toEqual(['Sorvik Magna']);
  });

  it('takes an airport by its own name, its town’s airport and its town', () => {
    expect(ownNameInside('Kellin Airport Varnhol', checks)).toEqual(['Varnhol', 'Kellin Airport', 'Kellin']);
    expect(kindShortForms('Osterby International Airport', checks.englishWord, { land: checks.land })).toContain('Osterby');
    // A place that is no town's name: not the name alone.
    expect(kindShortForms('Brisk International Airport', checks.englishWord, { land: checks.land })).not.toContain('Brisk');
  });

  it('takes a team’s or a body’s name of two words after its land’s, but not a kind of body', () => {
    expect(ownNameInside('New Varnia Wheel Blacks', checks)).toEqual(['Wheel Blacks']);
    expect(ownNameInside('Kellin Rugby Union', checks)).toEqual([]);
    expect(ownNameInside('Kellin Eastern Airlines', checks)).toEqual([]);
  });

  it('never takes a part that another name of the article holds', () => {
    const others = [{ name: 'Ana Varnock', forms: ['Ana Varnock'], type: 'person' as const, sure: true }];
    expect(ownNameInside('HM Prison Varnock', { ...checks, others })).toEqual([]);
  });

  it('takes a university either way round', () => {
    expect(universityForms('Osterby University')).toEqual(['Osterby', 'University of Osterby']);
    expect(universityForms('the University of Osterby')).toEqual(['Osterby University', 'Osterby']);
  });
});

describe('initials and the name they spell', () => {
  const other = (name: string) => ({ name, forms: [name], type: 'other' as const, sure: false });

  it('accepts the name for the initials, and the initials for the name, where the article writes both', () => {
    expect(initialsTwins('KB', [other('Kellin Broadcasting'), other('Ana Varno')])).toEqual(['Kellin Broadcasting']);
    expect(initialsTwins('Council on Varno - Kellin Relations', [other('CVKR')])).toEqual(['CVKR']);
  });

  it('accepts neither where two names fit, or the article writes only one of them', () => {
    expect(initialsTwins('KB', [other('Kellin Broadcasting'), other('Kellin Bank')])).toEqual([]);
    expect(initialsTwins('KB', [other('Osterby Radio')])).toEqual([]);
  });
});

describe('a name written family name first', () => {
  const person = (name: string): Entity => ({ id: `person:${name.toLowerCase()}`, type: 'person', name, forms: [name], subtype: 'person', first: 0, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true });

  it('is accepted by its family name: a hyphenated given name after it, or a family name the lexicon knows', () => {
    expect(familyNameFirst('Kwan Ka-lok', [], theTagger())).toBe('Kwan');
    expect(familyNameFirst('Zhang Meiling', [], theTagger())).toBe('Zhang');
  });

  it('is not where another person opens their name with it, for a double-barrelled surname, or a Western order', () => {
    expect(familyNameFirst('Kwan Ka-lok', [person('Kwan Wai-man')], theTagger())).toBeNull();
    expect(familyNameFirst('Ana Varno-Kellin', [], theTagger())).toBeNull();
    expect(familyNameFirst('Tavio Brannick', [], theTagger())).toBeNull();
  });

  it('is accepted in a drafted deck', () => {
    const text = article(
      'Kellin council election results',
      'In the Osterby district, Kwan Ka-lok of the Kellin Party was elected with 45,000 votes on Sunday.',
      'The Kellin Party said the result showed that voters wanted change in Osterby.',
    );
    expectTypedAccepts(text, 'Kwan Ka-lok', ['Kwan']);
  });
});
