// Round 33 (REVIEW.md), from stop 35's regrade and this round's graders: a person written by the surname alone
// after a title ("Professor Varno") is the person the article named in full, and that surname is accepted for
// the full name; a number with its unit is accepted as the number alone; a people's word made of a place the
// lexicon knows ("Hawaiian") is no part of the name after it; no "Where" of a name the finder is not sure is a
// place; a name the finder is unsure of gets the forms of every kind it may be (a person's surname, a firm
// without its trade word). The matcher's initials of well-known bodies are in test/grading. Every article and sentence here is
// made up, and the builder knows none of its names; the places in the people's words are ones every lexicon
// has, which is the point of that rule.

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import { numberWithoutUnit, withCompanyWord } from '../../src/builder/questions.js';
import { demonymWord } from '../../src/builder/names.js';
import { article, build, expectTypedAccepts, theTagger } from './helpers.js';

const study = article(
  'Kellin astronomers find a hotter world',
  'According to Aleksi Varnosto, a professor of physics at Kellin University, the planet will swell within a few hundred million years.',
  'The planet circles its star every 36 hours, the team wrote in a paper published on Monday.',
  'Professor Varnosto directed the study with Piet Lindqvist, who leads the observatory on Mount Osterby.',
  'The team used two small telescopes built in 2004 to find it.',
);

describe('a surname after a title is the person named in full', () => {
  it('makes one person of "Aleksi Varnosto" and "Professor Varnosto"', () => {
    const people = analyseArticle(study, theTagger()).entities.filter((e) => e.type === 'person');
    expect(people.filter((p) => p.name.includes('Varnosto')).map((p) => p.name)).toEqual(['Aleksi Varnosto']);
    expect(people.find((p) => p.name === 'Aleksi Varnosto')?.forms).toContain('Varnosto');
  });
  it('accepts the surname for the full name', () => {
    expectTypedAccepts(study, 'Aleksi Varnosto', ['Varnosto', 'Aleksi Varnosto'], ['Lindqvist']);
  });
  it('keeps a surname two full names share no one\'s', () => {
    const two = article(
      'Kellin astronomers find a hotter world',
      'According to Aleksi Varnosto, a professor of physics at Kellin University, the planet will swell within a few hundred million years.',
      'Her brother Jorma Varnosto, who leads the observatory on Mount Osterby, built the two small telescopes in 2004.',
      'Professor Varnosto directed the study with Piet Lindqvist.',
    );
    const people = analyseArticle(two, theTagger()).entities.filter((e) => e.type === 'person' && e.name.includes('Varnosto'));
    expect(people.find((p) => p.name === 'Aleksi Varnosto')?.forms ?? []).not.toContain('Varnosto');
    expect(people.find((p) => p.name === 'Jorma Varnosto')?.forms ?? []).not.toContain('Varnosto');
  });
});

describe('a number with its unit, typed as the number alone', () => {
  it('takes the number of a measure or a count, never of a scale or a share', () => {
    expect(numberWithoutUnit('53 minutes')).toBe('53');
    expect(numberWithoutUnit('seven months')).toBe('seven');
    expect(numberWithoutUnit('32,000 feet')).toBe('32,000');
    for (const kept of ['3 million', 'two hundred', '5 percent', 'dozen eggs', 'the team', '53', '2 km north']) expect(numberWithoutUnit(kept), kept).toBeNull();
  });
  it('accepts "14" for "14 yards" and "7" for "seven months" in a drafted deck', () => {
    const match = article(
      'Varno edge Kellin in the cup final',
      'Varno beat Kellin 2–1 in the cup final at the Osterby ground on Saturday in front of a crowd of 30,000.',
      'On 53 minutes Ana Lindqvist saved a shot from Piet Sorvik that had been struck from 14 yards out.',
      'The club said the new stand had cost 3 million euros and had taken seven months to build.',
    );
    expectTypedAccepts(match, '14 yards', ['14', '14 yards'], ['15']);
    expectTypedAccepts(match, 'seven months', ['7', 'seven'], ['8']);
  });
});

describe('a people\'s word made of a place\'s name', () => {
  const tagger = theTagger();
  it('reads "Hawaiian", "Floridian" and "Bostonian" as peoples\' words', () => {
    for (const word of ['Hawaiian', 'Floridian', 'Bostonian']) expect(demonymWord(word, tagger), word).toEqual({ person: false });
  });
  it('leaves given names and words the lexicon knows alone', () => {
    for (const word of ['Keivan', 'Varnosian', 'Christian', 'Jordan']) expect(demonymWord(word, tagger), word).toBeNull();
  });
  it('keeps "Hawaiian" out of the surfer\'s name', () => {
    const contest = article(
      'Varno surf contest draws a record crowd',
      'In this year\'s contest, 24 surfers took part, including Hawaiian Aleksi Varnosto and Piet Lindqvist.',
      'Aleksi Varnosto won the contest in 2009 and has taken part in it every year since then.',
    );
    const names = analyseArticle(contest, tagger).entities.map((e) => e.name);
    expect(names).toContain('Aleksi Varnosto');
    expect(names.some((n) => n.startsWith('Hawaiian'))).toBe(false);
  });
});

describe('no "Where" of a name the finder is not sure is a place', () => {
  it('asks "Punta de Osterby" in its sentence, not "Where did many people visit?"', () => {
    const contest = article(
      'Varno surf contest draws a record crowd',
      'The Kellin Open was broadcast live in HD quality for the first time in the contest\'s history through its website.',
      'Many people visited Punta de Osterby on Friday, as the surfers were practicing.',
    );
    const { candidates } = build(contest);
    const where = candidates.filter((c) => c.stage === 'question' && c.kind === 'short-answer' && c.kept && /^Where\b/.test(c.text ?? ''));
    expect(where).toEqual([]);
    expect(candidates.some((c) => c.stage === 'question' && c.kept && c.answer === 'Punta de Osterby')).toBe(true);
  });
});

describe('a name the finder is unsure of, by the forms of every kind it may be', () => {
  it('accepts the surname of a person it took for a place, as the article writes it', () => {
    const game = article(
      'Kellin Ravens win the bowl',
      'The Ravens first play on offense was a pass from quarterback Piet Lindqvist to Vonto Reed for an 8 yard gain.',
      'A run by Bernard Sorvik, and then Reed left the Ravens with a 4th and 7.',
    );
    expectTypedAccepts(game, 'Vonto Reed', ['Reed'], ['Vonto', 'Lindqvist']);
    // Not a word the article also writes in lower case: that is a common word, no surname.
    const show = article(
      'Kellin Ravens win the bowl',
      'The Ravens first play on offense was a pass from quarterback Piet Lindqvist to Vonto Magic for an 8 yard gain.',
      'A run by Bernard Sorvik, and then Magic left the Ravens with a 4th and 7, and the magic of the night was gone.',
    );
    expectTypedAccepts(show, 'Vonto Magic', [], ['Magic']);
  });
  it('never takes a land for a firm\'s own name', () => {
    const tagger = theTagger();
    const land = (word: string): boolean => tagger.lexicon(word.toLowerCase()).some((t) => t === 'Country' || t === 'City' || t === 'Region');
    const text = 'Osterby Airlines and Norway Airlines cut flights. Osterby said fuel cost too much, and Norway agreed.';
    expect(withCompanyWord('Osterby Airlines', text, land)).toContain('Osterby');
    expect(withCompanyWord('Norway Airlines', text, land)).toEqual([]);
  });
});
