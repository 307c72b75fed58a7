// Round 12 (REVIEW.md, "Round 12"), from the outside graders' WRONG and WEAK grades on dev: an ordering
// question's events dated by their own verb, not by a noun's date in the same clause; a prison is a place,
// never a person (nor made one by the subject after a fronted phrase's comma); a fronted participle phrase
// and a lone "that" are no subject of a wh-question. Every article here is made up; the builder knows none
// of its names.

import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/domain/deck.js';
import { analyseArticle } from '../../src/builder/analyse.js';
import { article, build, theTagger, whOn as wh } from './helpers.js';

function orderItems(text: string): string[][] {
  return build(text)
    .deck.questions.filter((q: Question): q is Extract<Question, { kind: 'order' }> => q.kind === 'order')
    .map((q) => q.answer);
}

describe('ordering: an event is placed by the date of its own verb', () => {
  const events = [
    'Tomas Varga was elected mayor of Ostra in March 1990.',
    'Tomas Varga opened the new harbour bridge in June 1996.',
    'Tomas Varga stepped down as mayor in April 2004.',
  ];

  it('leaves out an event whose date belongs to a noun after "of" ("the fire of 1988")', () => {
    const text = article('Former Ostra mayor Tomas Varga remembered', 'Tomas Varga was the only official blamed for the harbour fire of 1988.', ...events);
    const orders = orderItems(text);
    expect(orders.length).toBe(1);
    expect(orders.flat().some((item) => /blamed/.test(item)), orders.flat().join('\n')).toBe(false);
  });

  it('keeps an event dated through a stretch of time, without the words that lead into it', () => {
    for (const when of ['in the summer of 1988', 'at the end of 1988', 'in May of 1988']) {
      const items = orderItems(article('Former Ostra mayor Tomas Varga remembered', `Tomas Varga moved to Ostra from Kellin ${when}.`, ...events)).flat();
      expect(items, when).toContain('Tomas Varga moved to Ostra from Kellin');
    }
  });
});

/** The type each entity named `name` is given, with whether it is sure. */
function typeOf(text: string, name: string): string[] {
  return analyseArticle(text, theTagger())
    .entities.filter((e) => e.name === name)
    .map((e) => `${e.type}${e.sure ? '' : '?'}`);
}

describe('an institution is no person', () => {
  it('types a name holding a prison word, first or last, as a place', () => {
    const text = article('Ostra inmate moved', 'Omar Haddad was first held in HM Prison Kellmoor in 2001.', 'Lena Ruiz visited Varno Jail on Monday.');
    expect(typeOf(text, 'HM Prison Kellmoor')).toEqual(['place']);
    expect(typeOf(text, 'Varno Jail')).toEqual(['place']);
  });

  it('makes no person of a name whose own words type it, through a comma before the subject', () => {
    const text = article('Ostra inmate moved', 'Having been held in Kellmoor, Omar Haddad was moved to Varno in 2005.');
    expect(typeOf(text, 'Kellmoor')[0]).toMatch(/^place/);
  });
});


describe('a fronted participle phrase is not the subject of a question', () => {
  it('asks of the clause after it, never "Where did Having be ...?"', () => {
    expect(wh('Having been held in HM Prison Kellmoor, Omar Haddad was moved to Varno in 2005.', '2005')).toBe('When was Omar Haddad moved to Varno?');
    expect(wh('Having been held in HM Prison Kellmoor, Omar Haddad was moved to Varno in 2005.', 'HM Prison Kellmoor')).toBeNull();
  });
});

describe('a demonstrative alone as a subject', () => {
  it('asks no question whose subject is "that"', () => {
    expect(wh('According to the council, that is an estimated 1,200 riders daily.', '1,200')).toBeNull();
  });
});

describe('two names joined by "and" stay two', () => {
  it('splits an organisation from the person named after it with their own "of ..."', () => {
    const text = article(
      'Varno council election results',
      'Councillors Ana Okoro of the Harbour Party and Wong Tai-lok of the Kellin Party were re-elected.',
      'The Varno Union and Omar Haddad of the Kellin Party signed the pact.',
    );
    const names = analyseArticle(text, theTagger()).entities.map((e) => `${e.type}:${e.name}`);
    expect(names).toContain('person:Wong Tai-lok');
    expect(names).toContain('organisation:Harbour Party');
    expect(names.some((n) => / and /.test(n)), names.join(', ')).toBe(false);
  });
});

describe('an institution named with its head noun is never a person', () => {
  it('types a name holding an infirmary, a sanatorium or a seminary as no person, listed with people or not', () => {
    const text = article(
      'Ostra clinics merge',
      'Omar Haddad, Royal Varno Infirmary and Lena Ruiz signed the letter on Monday.',
      'Brenna Okafor, of Kellmoor Sanatorium, said the merger was overdue.',
      'Dale Ruiz and Ostra Seminary were named in the report.',
    );
    for (const name of ['Royal Varno Infirmary', 'Kellmoor Sanatorium']) {
      const types = typeOf(text, name);
      expect(types.length, name).toBeGreaterThan(0);
      for (const type of types) expect(type, name).not.toMatch(/^person/);
    }
    expect(typeOf(text, 'Omar Haddad')).toEqual(['person']);
  });
});

describe('a person and an institution joined by "and" are two names', () => {
  it('splits "Omar Haddad and Kellmoor Hospital" into a person and an organisation', () => {
    const text = article('Kellmoor case settled', 'Omar Haddad and Kellmoor Hospital settled the case on Monday.', 'Lena Ruiz, Dale Kessler and Varno College signed the letter.');
    expect(typeOf(text, 'Omar Haddad')).toEqual(['person']);
    expect(typeOf(text, 'Kellmoor Hospital')).toEqual(['organisation']);
    expect(typeOf(text, 'Dale Kessler')).toEqual(['person']);
    expect(typeOf(text, 'Varno College')).toEqual(['organisation']);
  });
});

describe('an institution named after a royal', () => {
  it('is a name of its own, not a title before no one', () => {
    const text = article('Kellmoor patients moved', 'Lena Ruiz was taken to King Edward Hospital on Monday.', 'Omar Haddad studied at Queen Mary University for two years.');
    expect(typeOf(text, 'King Edward Hospital')).toEqual(['organisation']);
    expect(typeOf(text, 'Queen Mary University')).toEqual(['organisation']);
  });
});
