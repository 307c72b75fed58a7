// Round 37 (REVIEW.md), from stop 36's regrade ("the key includes the title 'Rabbi', so the natural answer
// without it is not accepted"): a clergy title before a name is a title, as "Mayor" or "Bishop" is, never
// part of the name. From the same regrade ("the natural 'Home Affairs Ministry' would be rejected", "'Liverpool
// Horse Show'", "'Charlton'"): a ministry "of" what it deals with is also written before it, "International"
// inside an event's name is left off, and a club is called by its town. Made-up names throughout.

import { describe, expect, it } from 'vitest';
import type { DistractorSource } from '../../src/builder/distractors.js';
import { acceptFor, kindShortForms, ownNameForms, roleAnswers } from '../../src/builder/questions.js';
import type { Entity, Mention } from '../../src/builder/types.js';
import { article, build, theTagger, typedOn } from './helpers.js';

const text = article(
  'Kellin congregation opens new shelter',
  'Rabbi Ana Varnosto opened a shelter for 40 homeless families in Kellin on Sunday.',
  'Imam Tomas Lindqvist and Pastor Piet Sorvik joined her at the opening, and the city gave 2 million dollars to the project.',
  'Varnosto said the shelter would stay open all winter.',
);

describe('a clergy title is no part of the name', () => {
  it('asks the name without the title and accepts it as the learner writes it', () => {
    const names = build(text).analysis.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(names).toContain('Ana Varnosto');
    for (const name of names) expect(name).not.toMatch(/^(?:Rabbi|Imam|Pastor)\b/);
    for (const q of typedOn(text, 'Ana Varnosto')) expect(q.answer).toBe('Ana Varnosto');
  });
});

describe('short forms of bodies, events and clubs', () => {
  const english = (word: string): boolean => theTagger().englishWord(word);
  it('writes a ministry, department or office "of" something the other way round', () => {
    expect(kindShortForms('Ministry of Varnish Affairs', english)).toContain('Varnish Affairs Ministry');
    expect(kindShortForms('the Department of Kellin Security', english)).toContain('Kellin Security Department');
    // Not the other way: a town's fire department is no department "of" the town's fire.
    expect(kindShortForms('Osterby Fire Department', english)).not.toContain('Department of Osterby Fire');
  });
  it('leaves "International" out of a show’s or a festival’s name, not out of other names', () => {
    expect(kindShortForms('Kellin International Horse Show', english)).toContain('Kellin Horse Show');
    expect(kindShortForms('the Varno International Film Festival', english)).toContain('Varno Film Festival');
    expect(kindShortForms('Osterby International Bank', english).some((form) => form.includes('Osterby Bank'))).toBe(false);
  });
  it('calls a club by its town where the rest only says it is a club', () => {
    expect(ownNameForms('Kellin Athletic', theTagger(), true)).toContain('Kellin');
    expect(ownNameForms('Varno Rovers FC', theTagger(), true)).toContain('Varno');
    expect(ownNameForms('Kellin United', theTagger(), true)).not.toContain('Kellin');
    expect(ownNameForms('Kellin Athletic', theTagger(), false)).not.toContain('Kellin');
  });
});

describe('a person’s title as the answer to "Who ...?"', () => {
  const visit = article(
    'Storm survivors get help in Kellin',
    'Health Minister Ana Varnosto visited 40 survivors in Kellin General Hospital on Tuesday.',
    'Mayor Piet Lindqvist said the city would rebuild 300 homes by March.',
    'Rescue teams from Osterby reached the valley on Monday, and the storm killed 12 people.',
  );

  it('accepts a title of two words or more that only that person holds', () => {
    const who = [1, 2, 3, 4, 5, 6].flatMap((seed) => build(visit, seed).deck.questions).filter((q) => q.kind === 'short-answer' && q.answer === 'Ana Varnosto');
    expect(who.length).toBeGreaterThan(0);
    for (const q of who) {
      if (q.kind !== 'short-answer') continue;
      if (q.prompt.includes('Health Minister')) continue;
      expect(q.accept).toContain('Health Minister');
    }
  });

  it('leaves out a title others hold, a one-word title, and one the prompt shows', () => {
    const person = build(visit).analysis.entities.find((e) => e.name === 'Ana Varnosto');
    expect(person).toBeDefined();
    if (person === undefined) return;
    const context = { roleCounts: new Map([['health minister', 1], ['mayor', 1]]), article: visit, header: 'Storm survivors get help in Kellin' };
    expect(roleAnswers(person, 'Who visited survivors?', context)).toEqual(['Health Minister']);
    expect(roleAnswers(person, 'Who visited survivors?', { ...context, roleCounts: new Map([['health minister', 2]]) })).toEqual([]);
    expect(roleAnswers(person, 'Which Health Minister visited survivors?', context)).toEqual([]);
    // Nor when the prompt or the deck's title names the office.
    expect(roleAnswers(person, 'Which minister visited survivors?', context)).toEqual([]);
    expect(roleAnswers(person, 'Who visited survivors?', { ...context, header: 'Kellin minister visits storm survivors' })).toEqual([]);
    // The office of "Secretary of the Interior" is "Secretary", not the land it is of.
    const secretary = { ...person, titles: ['Secretary of the Interior'] };
    const counts = { ...context, roleCounts: new Map([['secretary of the interior', 1]]) };
    expect(roleAnswers(secretary, 'Who visited the Interior park?', counts)).toEqual(['Secretary of the Interior']);
    expect(roleAnswers(secretary, 'Which secretary visited the park?', counts)).toEqual([]);
    expect(roleAnswers({ ...person, titles: ['Mayor'] }, 'Who visited survivors?', context)).toEqual([]);
  });
});

describe('a body by its own name', () => {
  const english = (word: string): boolean => theTagger().englishWord(word);
  const land = (words: string): boolean => ['kellin', 'osterby', 'new varno'].includes(words.toLowerCase());
  const demonym = (words: string): boolean => words.toLowerCase() === 'kellinese';
  it('leaves off what an institute is "for" after its own name', () => {
    expect(kindShortForms('Varno Institute for Kellin Studies', english, { land })).toContain('Varno Institute');
    // Not after English words, a land's name or its people's.
    expect(kindShortForms('National Institute for Kellin Studies', english, { land })).not.toContain('National Institute');
    expect(kindShortForms('Kellin Institute for Varno Studies', english, { land })).not.toContain('Kellin Institute');
    expect(kindShortForms('Kellinese Institute for Defence Studies', english, { land, demonym })).not.toContain('Kellinese Institute');
  });
  it('leaves off the land a body of two words or more is "of"', () => {
    expect(kindShortForms('Supreme Court of Kellin', english, { land })).toContain('Supreme Court');
    expect(kindShortForms('Supreme Court of Varno', english, { land })).not.toContain('Supreme Court');
  });
  it('calls a venue, a firm or a contest by its own name after its town’s, not a place', () => {
    expect(kindShortForms('New Varno Sorvikdome', english, { land, ownAfterLand: true })).toContain('Sorvikdome');
    expect(kindShortForms('Osterby Lindqvist', english, { land, ownAfterLand: true })).toContain('Lindqvist');
    expect(kindShortForms('Osterby Lindqvist', english, { land, ownAfterLand: false })).not.toContain('Lindqvist');
    expect(kindShortForms('Osterby Centre', english, { land, ownAfterLand: true })).not.toContain('Centre');
    expect(kindShortForms('Osterby Globe', english, { land, ownAfterLand: true })).not.toContain('Globe');
  });
});

describe('two names joined by "and", either way round', () => {
  const keyed = (text: string, key: string): string[] => {
    const start = text.indexOf(key);
    const entity: Entity = { id: `organisation:${key}`, type: 'organisation', name: key, forms: [key], subtype: 'organisation', first: 1, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true };
    const mention: Mention = { text: key, start, end: start + key.length, outerStart: start, sentence: 1, title: null, entity };
    return acceptFor(mention, key, { article: text, tagger: theTagger(), source: { byType: new Map() } as unknown as DistractorSource });
  };
  it('accepts the other order where the article writes each name alone too', () => {
    const text = 'Kellin Rovers and Osterby Athletic drew 2-2. Kellin Rovers scored first. Osterby Athletic levelled late.';
    expect(keyed(text, 'Kellin Rovers and Osterby Athletic')).toContain('Osterby Athletic and Kellin Rovers');
  });
  it('does not turn round an "and" inside one name', () => {
    const text = 'The Kellin Food and Farming Office said prices rose. Farming Office staff were told on Monday.';
    expect(keyed(text, 'Kellin Food and Farming Office')).not.toContain('Farming Office and Kellin Food');
  });
});
