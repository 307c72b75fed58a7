// Round 31 (REVIEW.md), from stop 34's regrade: a stadium, an airport or a circuit accepted by its own name, a
// broadcaster by its initials, an operation or a team by its name; and a capital the lexicon knows, after words
// that say whose capital it is, left unasked as general knowledge. The articles are made up; the one real
// place is a capital every lexicon has, which is the point of the rule.

import { describe, expect, it } from 'vitest';
import { kindShortForms } from '../../src/builder/questions.js';
import { article, expectDropped, expectTypedAccepts, keyCandidates, theTagger } from './helpers.js';

describe('short forms of places and bodies', () => {
  const english = theTagger();
  const forms = (answer: string): string[] => kindShortForms(answer, (word) => english.englishWord(word));
  it('takes a stadium, an airport or a circuit by its own name', () => {
    expect(forms('Varnoby Stadium')).toEqual(['Varnoby']);
    expect(forms('the Kellinsk Circuit')).toEqual(['Kellinsk']);
    expect(forms('Osterholm Airport')).toEqual(['Osterholm']);
  });
  it('not where its name is an English word', () => {
    expect(forms('National Stadium')).toEqual([]);
    expect(forms('International Airport')).toEqual([]);
  });
  it('takes a broadcaster by its initials, an operation or a team by its name', () => {
    expect(forms('KBC Television')).toEqual(['KBC']);
    expect(forms('Operation Lindhaven')).toEqual(['Lindhaven']);
    expect(forms('Team Osterbia')).toEqual(['Osterbia']);
    expect(forms('Kellin Television')).toEqual([]);
  });
  it('reaches a typed question\'s accepted answers', () => {
    const text = article(
      'Kellin fans fly home',
      'About 3,000 Kellin fans flew home from Varnoby Airport on Sunday after the final.',
      'The airport said that 14 extra flights had been added for the fans.',
    );
    expectTypedAccepts(text, 'Varnoby Airport', ['Varnoby']);
  });
});

describe('a capital every reader knows', () => {
  it('is not asked after words that say whose capital it is', () => {
    const text = article(
      'Kellin singer wins song contest',
      'Kellin singer Ana Osterby won this year\'s song contest in the Norwegian capital Oslo on Saturday, with 529 points.',
      'She beat Tomas Lindqvist of Sorvik, who came second with 436 points.',
    );
    expectDropped(text, 'Oslo', /trivial: "Oslo" is a capital every reader knows/);
  });
  it('is asked where no lexicon knows the capital', () => {
    const text = article(
      'Troops land on Kellin island',
      'Around 450 troops landed in the Kellinese capital Mutsovo at dawn on Tuesday, where a crowd cheered for them.',
      'The island\'s leader, Tomas Osterby, fled by boat from the port city of Mutsovo, the government of Sorvik said.',
    );
    expect(keyCandidates(text, 'Mutsovo').reasons.some((r) => /capital every reader knows/.test(r))).toBe(false);
    expect(keyCandidates(text, 'Mutsovo').count).toBeGreaterThan(0);
  });
});
