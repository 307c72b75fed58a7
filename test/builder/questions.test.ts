// Each question kind, on literal sentences: cloze, choice (three wrong choices of the same kind),
// true/false (a key swapped, about half the time), who/where/when/how-many, ordering, multi-select, and
// the role and dateline questions.

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import { whQuestion } from '../../src/builder/wh.js';
import type { Question } from '../../src/domain/deck.js';
import { build, theTagger } from './helpers.js';

const questions = (article: string, seed = 1): Question[] => build(article, seed).deck.questions;
const ofKind = <K extends Question['kind']>(list: Question[], kind: K): Extract<Question, { kind: K }>[] => list.filter((q): q is Extract<Question, { kind: K }> => q.kind === kind);

/** The wh-question for the key written `key` in a one-sentence article. */
function wh(sentence: string, key: string): string | null {
  const article = `Headline Here\n${sentence}`;
  const analysis = analyseArticle(article, theTagger());
  const body = analysis.sentences[1];
  const mention = body?.mentions.find((m) => m.text === key);
  if (body === undefined || mention === undefined) throw new Error(`no key "${key}" in ${JSON.stringify(sentence)}`);
  return whQuestion({ article, tokens: body.tokens, end: body.end, mentions: body.mentions, mention, tagger: theTagger() });
}

const STORM = [
  'Storm Nears the Coast',
  'MIAMI — Hurricane Delia strengthened on Sunday, the National Hurricane Center said.',
  'Governor Ana Ruiz ordered the evacuation of 14 coastal towns in Tampa on Saturday.',
  'The storm will reach Pensacola and Mobile late Tuesday.',
  'Forecasters at the National Weather Service expect up to 10 inches of rain in Jackson.',
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
    const choice = ofKind(questions(STORM), 'choice');
    expect(choice.length).toBeGreaterThan(0);
    for (const q of choice) {
      expect(q.choices).toContain(q.answer);
      expect(new Set(q.choices).size).toBe(q.choices.length);
      expect(q.choices.length).toBeGreaterThanOrEqual(3);
    }
    const date = choice.find((q) => q.answer === 'Saturday' || q.answer === 'late Tuesday' || q.answer === 'Sunday');
    if (date !== undefined) for (const c of date.choices) expect(c).toMatch(/day$/);
  });

  it('takes wrong people from the article first, then from a built-in pool', () => {
    const article = 'Talks\nGovernor Ana Ruiz met Mayor Tomas Brandt in Tampa on Monday.\nRuiz later spoke with Senator Lena Park in Orlando on Tuesday.';
    const choice = ofKind(questions(article), 'choice').filter((q) => ['Ana Ruiz', 'Tomas Brandt', 'Lena Park'].includes(q.answer));
    expect(choice.length).toBeGreaterThan(0);
    for (const q of choice) {
      const fromArticle = q.choices.filter((c) => ['Ana Ruiz', 'Tomas Brandt', 'Lena Park'].includes(c) && c !== q.answer);
      expect(fromArticle.length).toBeGreaterThan(0);
    }
  });
});

describe('true/false', () => {
  it('states the clause as written, or with a key swapped for another of its kind, about half of each', () => {
    const tf = ofKind(questions(STORM), 'true-false');
    expect(tf.length).toBeGreaterThanOrEqual(3);
    const falses = tf.filter((q) => !q.answer);
    expect(falses.length).toBeGreaterThanOrEqual(1);
    expect(falses.length).toBeLessThan(tf.length);
    for (const q of tf) {
      expect(q.prompt).toMatch(/^True or false: /);
      expect(q.explanation).toMatch(q.answer ? /^True: / : /^False: /);
    }
  });

  it('swaps in a name of the same kind that the sentence does not have', () => {
    const article = 'Trip\nAna Ruiz will visit Lisbon on Monday.\nTomas Brandt will visit Oslo on Friday.\nLena Park will visit Quito on Sunday.\nOmar Haddad will visit Lima on Tuesday.';
    for (const seed of [1, 2, 3, 4]) {
      for (const q of ofKind(questions(article, seed), 'true-false').filter((x) => !x.answer)) {
        const words = q.prompt.replace('True or false: ', '');
        expect(article).not.toContain(words.replace(/\.$/, ''));
      }
    }
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
  it('asks which of the listed names complete the sentence', () => {
    const article = 'Aid Arrives\nThe agency positioned water at staging areas in Baton Rouge and Hattiesburg on Monday.\nCrews also worked in Mobile on Tuesday.';
    const multi = ofKind(build(article).deck.questions, 'multi-select');
    const considered = build(article).candidates.filter((c) => c.kind === 'multi-select');
    expect(considered.length).toBe(1);
    const [q] = multi.length > 0 ? multi : [];
    if (q !== undefined) {
      expect(q.answer).toEqual(['Baton Rouge', 'Hattiesburg']);
      expect(q.choices.length).toBeGreaterThan(2);
      expect(q.prompt).toContain('_____');
    } else {
      expect(considered[0]?.reason).toMatch(/not needed|no wrong choices/);
    }
  });

  it('takes a city and its state for a place, not a list', () => {
    const article = 'Data\nPrinceton, Texas, grew the fastest of any city in 2024.';
    expect(build(article).candidates.filter((c) => c.kind === 'multi-select')).toEqual([]);
  });
});

describe('people and their titles', () => {
  it('asks who holds a title and which title a person holds', () => {
    const list = questions('Talks\nNorway’s Foreign Minister Ola Brekke met Peru’s Finance Minister Rosa Quispe in Oslo on Monday.');
    const who = ofKind(list, 'short-answer').find((q) => q.prompt === 'Who is Norway’s Foreign Minister named in the article?');
    expect(who?.answer).toBe('Ola Brekke');
    const title = ofKind(list, 'choice').find((q) => q.prompt === 'What is Ola Brekke’s title in the article?');
    expect(title?.answer).toBe('Norway’s Foreign Minister');
    expect(title?.choices).toContain('Peru’s Finance Minister');
  });
});
