// Round 32 (REVIEW.md), from stop 35's regrade: a club or a firm by its own name, a month without "early" or
// "late", a bay by its name. The matcher's currency words are in
// test/grading. Every article and sentence here is made up, and the builder knows none of its names; the towns
// and lands after a firm's name are ones every lexicon has, which is the point of the rule.

import { describe, expect, it } from 'vitest';
import { kindShortForms, ownNameForms } from '../../src/builder/questions.js';
import { article, expectTypedAccepts, theTagger } from './helpers.js';

describe('a club or a firm by its own name', () => {
  const tagger = theTagger();
  it('leaves off a club\'s or a firm\'s marks', () => {
    expect(ownNameForms('Varnoby FC', tagger, true)).toEqual(['Varnoby']);
    expect(ownNameForms('FC Kellinos', tagger, false)).toEqual(['Kellinos']);
    expect(ownNameForms('PT Osterby Karya', tagger, true)).toEqual(['Osterby Karya']);
  });
  it('leaves off the land or town after an organisation\'s name', () => {
    expect(ownNameForms('Varnoby Munich', tagger, true)).toEqual(['Varnoby']);
    expect(ownNameForms('Kellinwise Chile', tagger, true)).toEqual(['Kellinwise']);
    // Not of a name the finder did not take for an organisation, nor a land's.
    expect(ownNameForms('Varnoby Munich', tagger, false)).toEqual([]);
    expect(ownNameForms('Paris Berlin', tagger, true)).toEqual([]);
  });
});

describe('a bay by its name', () => {
  it('takes "Kellinamo" for "Kellinamo Bay", not "Red" for "Red Bay"', () => {
    const english = theTagger();
    expect(kindShortForms('Kellinamo Bay', (w) => english.englishWord(w))).toEqual(['Kellinamo']);
    expect(kindShortForms('Red Bay', (w) => english.englishWord(w))).toEqual([]);
  });
});

describe('dates a learner writes shorter', () => {
  it('accepts the month for "mid-December"', () => {
    const text = article(
      'Leaked notes show Kellin fears over Varno',
      'Leaked notes released on Sunday show wide concern in Kellin over the plans of Varno to build a new dam on the Osterby river.',
      'Early November last year, General Ana Osterby discussed the dam with King Tomas of Sorvik, who argued for the use of force to stop it.',
      'A mid-December meeting between the crown prince of Kellin and the Sorvik envoy Piet Lindqvist saw the subject brought up again.',
    );
    expectTypedAccepts(text, 'mid-December', ['December'], ['November']);
  });
});
