// Round 29 (REVIEW.md), from the regrade of stop 34, whose graders marked WRONG a typed question that refused
// an equally right short form: a person's surname where a pronoun stood for the person or the finder was
// unsure of the name, a company without its trade word, a nation's body or law without the nation, a feast
// without "Day". Every article and sentence here is made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { nationalBody, personShapedName, withCompanyWord } from '../../src/builder/questions.js';
import { accepts, article, expectTypedAccepts, theTagger, typedOn } from './helpers.js';

describe('a surname where a pronoun stood for the person', () => {
  it('accepts "Osterby" for a question asked of "He"', () => {
    const text = article(
      'Kellin Motors chief quits over test scandal',
      'Kellin Motors admitted on Tuesday that it had cheated on emission tests in 480,000 cars sold since 2009.',
      'The scandal began with revelations that the carmaker had used illegal software. This led to a public apology on September 20 by then-chief executive Martin Osterby and the promise of an outside inquiry. He then resigned on September 23, and was replaced by Tomas Lindqvist.',
    );
    const typed = typedOn(text, 'Martin Osterby').filter((q) => /resign/.test(q.prompt));
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) {
      expect(accepts(q, 'Osterby')).toBe(true);
      expect(accepts(q, 'Kellin')).toBe(false);
    }
  });
});

describe('a name shaped as a person\'s, though the finder was unsure of it', () => {
  const tagger = theTagger();
  it('reads made-up names of two or three words as a person\'s', () => {
    expect(personShapedName('Mwelo Tarkanen', tagger)).toBe(true);
    expect(personShapedName('Farvo Mutlek Tarkanen', tagger)).toBe(true);
  });
  it('does not read a kind of thing, a place, an English word or a plural as a surname', () => {
    expect(personShapedName('Tarkanen Agency', tagger)).toBe(false);
    expect(personShapedName('Range Rover', tagger)).toBe(false);
    expect(personShapedName('Varno Holdings', tagger)).toBe(false);
    expect(personShapedName('Tarkanen Lisbon', tagger)).toBe(false);
    expect(personShapedName('Mwelo', tagger)).toBe(false);
    expect(personShapedName('Mwelo Varno Kellin Tarkanen', tagger)).toBe(false);
  });
});

describe('the surname of a name the finder was unsure of', () => {
  const match = (third: string): string => article(
    'Kellin knock Varno out of the cup',
    'An epic contest between Kellin and Varno was won by a work of genius from Mwelo Tarkanen on Saturday.',
    'The winner came in extra time, when a long ball found its way to the left back.',
    third,
  );
  it('accepts "Maskelli" for "Tovan Maskelli"', () => {
    expectTypedAccepts(match('Tovan Maskelli adjudged the Varno captain to be the last defender and spared him the red card.'), 'Tovan Maskelli', ['Maskelli'], ['Tovan']);
  });
  it('not of a name the article writes after "the", a thing\'s', () => {
    expectTypedAccepts(match('Kellin also won the Coppa Maskelli in 2015, beating Sorvik 2–0 in the final.'), 'Coppa Maskelli', [], ['Maskelli']);
  });
});

describe('a company without its trade word', () => {
  it('accepts "Osterby" for "Osterby Airlines" where the article writes "Osterby" alone', () => {
    const text = 'The Osterby Airlines jet turned away in time. "We are proud of our crew," an Osterby spokeswoman said.';
    expect(withCompanyWord('Osterby Airlines', text)).toContain('Osterby');
  });
  it('does not where the article never writes it alone', () => {
    expect(withCompanyWord('Osterby Airlines', 'The Osterby Airlines jet turned away in time.')).toEqual([]);
  });
});

describe('a nation\'s body or law without the nation', () => {
  it('accepts "Parliament" for the parliament of a country of two words', () => {
    const text = article(
      'Kellin troops to stay abroad',
      'On Wednesday, the New Zealand Parliament voted 97 to 23 to keep 150 soldiers in Varno for another year.',
      'The vote followed a long debate, in which the opposition leader Ana Osterby called the mission a mistake.',
    );
    expectTypedAccepts(text, 'New Zealand Parliament', ['Parliament'], ['Zealand']);
  });
  it('accepts a law\'s name without its nation', () => {
    const text = article(
      'Carmaker faces fines',
      'Kellin Motors said on Monday that it would fight the fines in court.',
      'The fines were set under the New Zealand Clean Water Act, which the Varno council passed in 1990 after a long campaign by farmers.',
    );
    expectTypedAccepts(text, 'New Zealand Clean Water Act', ['Clean Water Act'], ['Water Act']);
  });
  it('takes a law\'s name or a nation\'s body without the nation before it', () => {
    const tagger = theTagger();
    expect(nationalBody('K.V. Clean Water Act', tagger)).toBe('Clean Water Act');
    expect(nationalBody('New Zealand Parliament', tagger)).toBe('Parliament');
    // One word that is no nation's body, or a name that is no law's, stays whole.
    expect(nationalBody('New Zealand Open', tagger)).toBeNull();
    expect(nationalBody('K.V. Clean Water', tagger)).toBeNull();
  });
});

describe('a feast without "Day"', () => {
  it('accepts "Christmas" for "Christmas Day"', () => {
    const text = article(
      'Kellin airport plot foiled',
      'Police in Kellin said on Friday that they had foiled a plot to blow up a plane at Varno airport on Christmas Day.',
      'Three men were arrested in Sorvik after a tip from a taxi driver, the police chief Ana Osterby said.',
    );
    expectTypedAccepts(text, 'Christmas Day', ['Christmas'], ['Easter']);
  });
});
