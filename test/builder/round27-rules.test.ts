// Round 27 (REVIEW.md), from the sixteenth batch's untuned grades (stop 34): a team asked by its nickname, and
// short forms a learner types for a river, a contest run by a body with initials, and a war. Every article and
// sentence here is made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { firstAndLastName, universityForms } from '../../src/builder/questions.js';
import { accepts, article, expectDropped, expectNotDroppedFor, typedOn } from './helpers.js';

describe('a team asked by its nickname', () => {
  const report = article(
    'Varno City win the Kellin Cup',
    'Varno City beat Sorvik United 1–0 in the Kellin Cup final on Saturday.',
    'Striker Ana Osterby scored after 22 minutes, which gave the Blues a lead they kept to the end of the match.',
    'The Sorvikers had just six shots in the whole game, and their coach Piet Lindqvist said the league season was not over.',
  );

  it('asks neither "the Blues" nor "the Sorvikers"', () => {
    for (const nickname of ['Blues', 'Sorvikers']) expectDropped(report, nickname, /nickname/);
  });

  it('asks a nickname the sentence names as one ("known as the _____")', () => {
    const named = article(
      'Varno City win the Kellin Cup',
      'Varno City beat Sorvik United 1–0 in the Kellin Cup final on Saturday, and their coach Ana Osterby said the league season was not over.',
      'Varno City, known as the Blues, scored through their striker Piet Lindqvist after 22 minutes of the match.',
    );
    expectNotDroppedFor(named, 'Blues', /nickname/);
  });

  it('leaves a party in a report on a vote', () => {
    const vote = article(
      'Kellin senate passes the budget',
      'The Kellin senate passed the budget on Tuesday by 52 votes to 48.',
      'The vote gave the Progressives their first win of the year, and Ana Osterby said the law would take effect in March.',
    );
    expectNotDroppedFor(vote, 'Progressives', /nickname/);
  });
});

describe('short forms of a river, a contest and a war', () => {
  it('accepts "Varno" for "the River Varno"', () => {
    const text = article(
      'Fire at Kellin car park',
      'The fire destroyed 1,300 cars on Sunday night at the Kellin car park, which stands beside the River Varno in Sorvik.',
      'Twenty fire engines were sent, and the car park will stay shut until March, Ana Osterby of the Kellin fire service said.',
    );
    const typed = typedOn(text, 'River Varno');
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) expect(accepts(q, 'Varno')).toBe(true);
  });

  it('accepts "Kellin League" for "KFA Kellin League", and "Varno" for "the Varno War"', () => {
    const text = article(
      'Sorvik United win their first title',
      'Sorvik United won the KFA Kellin League on Saturday, their first title since the Varno War ended in 1982.',
      'Coach Ana Osterby said the club would now play in the Nordic Cup, which starts in September in Berglund.',
    );
    const league = typedOn(text, 'KFA Kellin League');
    const war = typedOn(text, 'Varno War');
    expect(league.length + war.length).toBeGreaterThan(0);
    for (const q of league) expect(accepts(q, 'Kellin League')).toBe(true);
    for (const q of war) expect(accepts(q, 'Varno')).toBe(true);
  });
});

describe('a university by its town, and a person by first and last name', () => {
  it('writes a university either way, and by its town', () => {
    expect(universityForms('Varno University')).toEqual(['Varno', 'University of Varno']);
    expect(universityForms('the University of Kellin').sort()).toEqual(['Kellin', 'Kellin University'].sort());
    expect(universityForms('Kellin Institute')).toEqual([]);
    expect(universityForms('Varno State University')).toEqual([]);
  });

  it('writes a person of three names by the first and the last', () => {
    expect(firstAndLastName('Piet Johan Lindqvist')).toBe('Piet Lindqvist');
    expect(firstAndLastName('Piet Johan Lindqvist, Jr.')).toBe('Piet Lindqvist');
    expect(firstAndLastName('Piet Lindqvist')).toBeNull();
    expect(firstAndLastName('Ana de Varno')).toBeNull();
    expect(firstAndLastName('Kim Sun Varno')).toBeNull();
    expect(firstAndLastName('Piet De Varno')).toBeNull();
    expect(firstAndLastName('Piet Kellin SAR')).toBeNull();
    expect(firstAndLastName('Piet Varno II')).toBeNull();
  });
});
