// Each question kind, on literal sentences: cloze, choice (three wrong choices of the same kind),
// true/false (a key swapped, about half the time), who/where/when/how-many, ordering, multi-select, and
// the role and dateline questions.

import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/domain/deck.js';
import { build, whOn as wh } from './helpers.js';

const questions = (article: string, seed = 1): Question[] => build(article, seed).deck.questions;
const ofKind = <K extends Question['kind']>(list: Question[], kind: K): Extract<Question, { kind: K }>[] => list.filter((q): q is Extract<Question, { kind: K }> => q.kind === kind);


const STORM = [
  'Storm Nears the Coast',
  'MIAMI — Hurricane Delia strengthened on Sunday, the National Hurricane Center said.',
  'Governor Ana Ruiz ordered the evacuation of 14 coastal towns in Tampa on Saturday.',
  'The storm will reach Pensacola and Mobile late Tuesday.',
  'Forecasters at the National Weather Service expect up to 10 inches of rain in Jackson.',
  'Crews from the state restored power to 2,300 homes in the northern suburbs of Tampa on Monday.',
  'Officials in Orlando opened 40 shelters for families from the coast.',
  'Schools in Savannah will stay closed for 3 days, the district said.',
].join('\n');

describe('cloze', () => {
  it('blanks a key in its clause, answers it as written and accepts its other forms', () => {
    const cloze = ofKind(questions(STORM), 'cloze');
    expect(cloze.length).toBeGreaterThan(0);
    for (const q of cloze) {
      expect(q.prompt).toMatch(/_{3,}/);
      expect(q.prompt.toLowerCase()).not.toContain(q.answer.toLowerCase());
    }
  });
});

describe('choice', () => {
  it('offers the answer and wrong choices of the same kind, all different', () => {
    // A short article: which keys are asked by choice depends on the seed.
    const choice = [1, 2, 3, 4, 5].flatMap((seed) => ofKind(questions(STORM, seed), 'choice'));
    expect(choice.length).toBeGreaterThan(0);
    for (const q of choice) {
      expect(q.choices).toContain(q.answer);
      expect(new Set(q.choices).size).toBe(q.choices.length);
      expect(q.choices.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('takes wrong people only from the article, never a stock name', () => {
    const article = [
      'Talks',
      // One role for all (a wrong choice for a senator is another senator: rule same-role).
      'Senator Ana Ruiz met Senator Tomas Brandt in Tampa on Monday.',
      'Senator Lena Park spoke with Senator Omar Haddad in Orlando on Tuesday.',
      'Ruiz later met Park and Brandt in Miami with Haddad.',
      'Senator Rosa Quispe and Senator Ken Ito joined them in Miami on Friday.',
    ].join('\n');
    const people = ['Ana Ruiz', 'Tomas Brandt', 'Lena Park', 'Omar Haddad', 'Rosa Quispe', 'Ken Ito'];
    let seen = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const q of ofKind(questions(article, seed), 'choice').filter((x) => people.includes(x.answer))) {
        seen++;
        for (const c of q.choices) expect(people).toContain(c);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('true/false', () => {
  // The second sentence of each pair names only keys the first one asks: it is asked as a statement.
  const pairs = (n: number): string =>
    [
      'Storm',
      ...Array.from({ length: n }, (_, i) => [`The slow storm killed ${12 + i} people in the small town of Town${String.fromCharCode(65 + i)} on March ${3 + i}, 2024.`, `Officials in Town${String.fromCharCode(65 + i)} confirmed the ${12 + i} deaths on March ${3 + i}, 2024.`]).flat(),
    ].join('\n');

  // The statements are drafted (the self-check reads them; a kind it flags often is not trusted), and the
  // last look over the deck cuts them all (rule statement, select.ts): the candidates show them.
  const statements = (article: string, seed = 1): { text: string; answer?: string; reason: string }[] =>
    build(article, seed).candidates.filter((c) => c.kind === 'true-false' && c.text.startsWith('True or false: ') && c.reason.startsWith('statement: a true/false statement asks no key'));

  it('drafts a statement of a sentence whose keys are asked already, true or false about half the time, and asks none', () => {
    expect(ofKind(questions(pairs(6)), 'true-false')).toEqual([]);
    const tf = statements(pairs(6));
    expect(tf.length).toBeGreaterThanOrEqual(4);
    const falses = tf.filter((c) => c.answer === 'false');
    expect(falses.length).toBeGreaterThanOrEqual(1);
    expect(falses.length).toBeLessThan(tf.length);
  });

  it('makes a statement false only by changing a value the article gives, never a name', () => {
    const article = pairs(6);
    let checked = 0;
    for (const seed of [1, 2, 3]) {
      for (const c of statements(article, seed).filter((x) => x.answer === 'false')) {
        const statement = c.text.replace('True or false: ', '').replace(/\.$/, '');
        expect(article).not.toContain(statement);
        // Only the digits differ from a sentence of the article.
        const shape = statement.replace(/\d+/g, '#');
        expect(article.split('\n').some((line) => line.replace(/\d+/g, '#').replace(/\.$/, '') === shape)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('who / where / when / how many', () => {
  it.each([
    ['Ana Ruiz will visit Lisbon as part of the talks.', 'Ana Ruiz', 'Who will visit Lisbon as part of the talks?'],
    ['Ana Ruiz will meet officials in Lisbon to discuss trade.', 'Lisbon', 'Where will Ana Ruiz meet officials to discuss trade?'],
    ['During her visit from June 16 to 21, Ana Ruiz will meet officials in Lisbon.', 'June 16 to 21', 'When will Ana Ruiz meet officials in Lisbon?'],
    ['The agency hired 300 engineers in Ohio last year.', '300', 'How many engineers did the agency hire in Ohio last year?'],
    ['The ambassador announced $4.5 million in new aid.', '$4.5 million', 'How much did the ambassador announce in new aid?'],
    ['Ana Ruiz recently spoke with Mayor Tomas Brandt about the port.', 'Tomas Brandt', 'Who did Ana Ruiz recently speak with about the port?'],
    ['The Federal Aviation Administration approved the plan on Monday.', 'Federal Aviation Administration', 'Which organisation approved the plan on Monday?'],
    ['The Census Bureau said on Thursday that Ana Ruiz will lead the count.', 'Ana Ruiz', 'According to the article, who will lead the count?'],
    ['Hurricane Delia strengthened on Sunday, the National Hurricane Center said.', 'Sunday', 'When did Hurricane Delia strengthen?'],
    ['About 2,300 residents were evacuated from the coast.', '2,300', 'How many residents were evacuated from the coast?'],
  ])('%s', (sentence, key, question) => {
    expect(wh(sentence, key)).toBe(question);
  });

  it.each([
    ['a key in a list', 'Trucks reached Baton Rouge and Hattiesburg on Monday.', 'Baton Rouge'],
    ['half of a range of places', 'A warning is in effect from Morgan City to Mobile.', 'Morgan City'],
    ['a place that belongs to a noun, not to the verb', 'The trip was postponed over arms transfers to Belarus.', 'Belarus'],
    ['a quotation', '“We are ready,” said Ana Ruiz in Lima.', 'Ana Ruiz'],
    ['a negated verb', 'Ana Ruiz did not visit Lisbon.', 'Lisbon'],
  ])('asks nothing of %s', (_name, sentence, key) => {
    expect(wh(sentence, key)).toBeNull();
  });
});

describe('ordering', () => {
  it('puts three or more dated events in time order, items without their dates', () => {
    const article = [
      'Mission Timeline',
      'The probe launched from Florida on Oct. 14, 2024.',
      'It flew past Mars in March 2025.',
      'The probe will reach Jupiter in April 2030.',
      'Engineers tested the radar at Goldstone on June 3, 2023.',
    ].join('\n');
    const [order] = ofKind(questions(article), 'order');
    expect(order).toBeDefined();
    if (order === undefined) return;
    expect(order.answer).toEqual(['Engineers tested the radar at Goldstone', 'The probe launched from Florida', 'The probe will reach Jupiter']);
    expect([...order.items].sort()).toEqual([...order.answer].sort());
    expect(order.items).not.toEqual(order.answer);
    expect(order.relatedFactIds?.length).toBe(2);
  });

  it('makes none with fewer than three dated events', () => {
    expect(ofKind(questions('Trip\nAna Ruiz will visit Lisbon on June 3, 2025.\nShe will return to Quito in July 2025.'), 'order')).toEqual([]);
  });
});

describe('multi-select', () => {
  it('asks which of the listed names complete the sentence, the wrong ones from the article', () => {
    const article = 'Aid Arrives\nThe agency positioned water at staging areas in Houston, Dallas and Austin on Monday.\nCrews also worked in Denver and Miami on Tuesday.';
    const [q] = ofKind(build(article).deck.questions, 'multi-select');
    expect(q).toBeDefined();
    if (q === undefined) return;
    expect(q.answer).toEqual(['Houston', 'Dallas', 'Austin']);
    expect(q.choices.length).toBeGreaterThan(3);
    for (const c of q.choices) expect(['Houston', 'Dallas', 'Austin', 'Denver', 'Miami']).toContain(c);
    expect(q.prompt).toContain('_____');
  });

  it('takes a city and its state for a place, not a list', () => {
    const article = 'Data\nPrinceton, Texas, grew the fastest of any city in 2024.';
    expect(build(article).candidates.filter((c) => c.kind === 'multi-select')).toEqual([]);
  });
});

describe('people and their titles', () => {
  it('asks who holds a title', () => {
    const article = 'Talks\nNorway’s Foreign Minister Ola Brekke met Peru’s Finance Minister Rosa Quispe in Oslo on Monday.';
    const who = build(article).candidates.find((c) => c.text === 'Who is Norway’s Foreign Minister named in the article?');
    expect(who?.answer).toBe('Ola Brekke');
  });

  it('does not ask who holds a one-word title, which names no one in particular', () => {
    const article = 'Talks\nThe speaker Ola Brekke met Rosa Quispe in Oslo on Monday.';
    expect(build(article).candidates.some((c) => /^Who is the speaker/.test(c.text))).toBe(false);
  });
});
