// Answer keys on literal sentences: people with their titles, places, organisations, dates and ranges,
// times, numbers and amounts, named works; and the made-up variants wrong choices come from.

import { describe, expect, it } from 'vitest';
import { analyseArticle, detectHeadline, findDateline } from '../../src/builder/analyse.js';
import { findTemporals, temporalVariants } from '../../src/builder/dates.js';
import { findNumbers, numberVariants } from '../../src/builder/numbers.js';
import type { KeyType } from '../../src/builder/types.js';
import { theTagger } from './helpers.js';

/** The keys of an article as "text (type)", in order, without the modifiers before titles. */
function keys(article: string): string[] {
  return analyseArticle(article, theTagger())
    .sentences.flatMap((s) => s.mentions)
    .filter((m) => m.modifier !== true)
    .map((m) => `${m.text} (${m.entity.type})`);
}

function entity(article: string, text: string): { type: KeyType; name: string; titles: string[]; forms: string[] } | undefined {
  return analyseArticle(article, theTagger()).entities.find((e) => e.forms.includes(text));
}

const first = (n: number): number => n - n;

describe('people', () => {
  it.each([
    ['a title of several words before the name', 'Harbour Town Opens Library\nSecretary of Energy Maria Lindqvist visited the plant on Monday.', 'Maria Lindqvist', 'Secretary of Energy'],
    ['a title with a possessor', 'Talks Resume\nThe minister met Norway’s Foreign Minister Ola Brekke in Oslo on Friday.', 'Ola Brekke', 'Norway’s Foreign Minister'],
    ['a title with a place before it', 'Storm Nears\nOregon Governor Tina Kotek declared an emergency on Sunday.', 'Tina Kotek', 'Oregon Governor'],
    ['an ambassador "to" a country', 'Visit Ends\nU.S. Ambassador to Peru Laura Marsh toured Lima on Friday.', 'Laura Marsh', 'U.S. Ambassador to Peru'],
    ['a name the lexicon has never seen, after a title', 'Talks Resume\nForeign Minister Tuvok Zhrann spoke with reporters in Geneva on Monday.', 'Tuvok Zhrann', 'Foreign Minister'],
    ['a lower-case title', 'Launch Delayed\nThe delay was confirmed by astronaut Rhea Vallin at the press briefing on Tuesday.', 'Rhea Vallin', 'astronaut'],
  ])('%s', (_name, article, name, title) => {
    const person = entity(article, name);
    expect(person?.type).toBe('person');
    expect(person?.titles).toContain(title);
  });

  it('is one person however often, and however briefly, the article names them', () => {
    const article = 'Talks Resume\nSecretary of State Maria Lindqvist will visit Jakarta on Monday. Lindqvist will meet officials there.';
    const person = entity(article, 'Maria Lindqvist');
    expect(person?.forms).toEqual(['Maria Lindqvist', 'Lindqvist']);
    expect(keys(article)).toEqual(['Maria Lindqvist (person)', 'Jakarta (place)', 'Monday (date)', 'Lindqvist (person)']);
  });

  it('finds a person by a known first name, or by "said" beside an unknown one', () => {
    expect(entity('Report Out\nThe report was written by Laura Chen of the agency in June.', 'Laura Chen')?.type).toBe('person');
    expect(entity('Report Out\n“We are ready,” said Obi Nwankwo, the project manager for the dam, on Monday.', 'Obi Nwankwo')?.type).toBe('person');
  });

  it('takes a headline for a headline, not for names', () => {
    expect(keys('Jones Says Storm Will Pass Quickly\nThe storm reached Tampa on Monday.')).toEqual(['Tampa (place)', 'Monday (date)']);
  });
});

describe('places', () => {
  it.each([
    ['after "in"', 'Meeting Held\nThe ministers met in Valletta on Monday.', 'Valletta'],
    ['after "to"', 'Aid Sent\nThe agency sent tents to Tarnowa last week.', 'Tarnowa'],
    ['after "visit"', 'Trip Planned\nThe envoy will visit Kortessa in June.', 'Kortessa'],
    ['a place word', 'Flood Warning\nThe Brenner River rose two feet overnight, officials said on Monday.', 'Brenner River'],
    ['a city and its state', 'Storm Nears\nThe storm was 300 miles south of Pensacola, Fla., on Sunday.', 'Pensacola'],
    ['a name listed with a place', 'Aid Arrives\nTrucks reached Baton Rouge and Hattiesburg on Monday.', 'Hattiesburg'],
    ['a dateline', 'Storm Nears\nMIAMI — Forecasters expect the storm to strengthen on Sunday.', 'MIAMI'],
  ])('%s', (_name, article, name) => {
    expect(entity(article, name)?.type).toBe('place');
  });

  it('does not take a nationality or a word that starts a sentence for a place', () => {
    const found = keys('Talks Resume\nChinese officials met Canadian envoys in Ottawa on Monday. Diplomacy takes time, officials said.');
    expect(found).toEqual(['Ottawa (place)', 'Monday (date)']);
  });

  it('knows an acronym for the name whose initials it spells', () => {
    const article = 'Talks Resume\nThe United States and Canada signed a deal on Monday. The US hopes for more.';
    expect(entity(article, 'US')?.name).toBe('United States');
  });
});

describe('organisations and named works', () => {
  it.each([
    ['Department of Health and Human Services', 'organisation'],
    ['National Oceanic and Atmospheric Administration', 'organisation'],
    ['Kenya Red Cross Society', 'organisation'],
    ['Nationwide Children’s Hospital', 'organisation'],
    ['Great American Outdoors Act', 'work'],
  ])('%s is one name of kind %s', (name, type) => {
    const article = `Report Out\nThe plan was backed by the ${name} on Monday, officials said.`;
    expect(entity(article, name)?.type).toBe(type);
  });

  it('takes an acronym for an organisation, and an event for a named work', () => {
    expect(entity('Launch Set\nNASA will launch the probe in May.', 'NASA')?.type).toBe('organisation');
    expect(entity('Storm Nears\nHurricane Delia strengthened on Sunday. Delia is the fourth storm this year.', 'Delia')?.name).toBe('Hurricane Delia');
  });

  it('splits names joined by "and" unless the name itself has an "and"', () => {
    expect(keys('Talks Resume\nThe deal between the United States and Canada was signed on Monday.')).toEqual(['United States (place)', 'Canada (place)', 'Monday (date)']);
  });
});

describe('dates and times', () => {
  it.each([
    ['June 16 to 21', 'day-range'],
    ['Feb. 10 to Feb. 12', 'day-range'],
    ['Oct. 14, 2024', 'day'],
    ['16 June 2023', 'day'],
    ['April 2030', 'month-year'],
    ['2010 to 2020', 'year-range'],
    ['late Tuesday', 'weekday'],
    ['last year', 'relative'],
    ['the 1990s', 'decade'],
    ['11 a.m.', 'time'],
    ['1 p.m. and 5 p.m.', 'time-range'],
  ])('finds "%s" (%s)', (text, shape) => {
    const found = findTemporals(`It happened ${text === '1 p.m. and 5 p.m.' ? 'between ' : 'on '}${text} here.`);
    expect(found.map((t) => [t.text.replace(/^the /, ''), t.shape])).toEqual([[text.replace(/^the /, ''), shape]]);
  });

  it('reads "between July 1, 2023, and July 1, 2024" as one range', () => {
    expect(findTemporals('cities that grew between July 1, 2023, and July 1, 2024, were in the South').map((t) => t.text)).toEqual(['July 1, 2023, and July 1, 2024']);
  });

  it('does not take the modal "may" or a lone number for a date', () => {
    expect(findTemporals('People may have been exposed to 2 or 3 cases.')).toEqual([]);
  });

  it('gives dates a sortable value, for ordering events', () => {
    const [a, b] = findTemporals('on Oct. 14, 2024, and in April 2030');
    expect(a?.sortKey).toBe(20241014);
    expect(b?.sortKey).toBe(20300400);
  });

  it.each([
    ['June 16 to 21', 'day-range', ['June 23 to 28', 'June 9 to 14']],
    ['Oct. 14, 2024', 'day', ['Oct. 21, 2024', 'Oct. 7, 2024']],
    ['Wednesday', 'weekday', ['Thursday', 'Tuesday']],
    ['2024', 'year', ['2025', '2023']],
    ['11 a.m.', 'time', ['1 p.m.', '9 a.m.']],
  ] as const)('makes variants of "%s" in the same style', (text, shape, some) => {
    const variants = temporalVariants({ text, shape }, 5, first);
    expect(variants).not.toContain(text);
    for (const variant of some) expect(variants).toContain(variant);
  });
});

describe('numbers and amounts', () => {
  it('finds amounts, percentages, ranges, counts in words and labelled numbers', () => {
    const text = 'Category 3 winds of 120 mph cost $4.5 million, 30.6 percent more; surge of 8 to 12 feet hit four towns, the fourth storm; 2.4 million people and 22,000 homes.';
    expect(findNumbers(text).map((n) => `${n.text} (${n.shape})`)).toEqual([
      'Category 3 (label)',
      '120 mph (measure)',
      '$4.5 million (money)',
      '30.6 percent (percent)',
      '8 to 12 (range)',
      'four (word)',
      'fourth (ordinal)',
      '2.4 million (scaled)',
      '22,000 (plain)',
    ]);
  });

  it('leaves numbers that are parts of names or dates alone', () => {
    expect(findNumbers('COVID-19 and F-35 jets flew on', [])).toEqual([]);
    const text = 'on June 16 at 3 p.m.';
    const taken = findTemporals(text);
    expect(findNumbers(text, taken)).toEqual([]);
  });

  it.each([
    ['22,000', 'plain', ['33,000', '11,000']],
    ['$4.5 million', 'money', ['$6.8 million', '$2.3 million']],
    ['30.6 percent', 'percent', ['45.9 percent', '15.3 percent']],
    ['four', 'word', ['five', 'three']],
    ['fourth', 'ordinal', ['fifth', 'third']],
    ['8 to 12', 'range', ['12 to 18', '4 to 6']],
    ['Category 3', 'label', ['Category 4', 'Category 2']],
  ] as const)('makes variants of "%s" in the same style', (text, shape, some) => {
    const variants = numberVariants({ text, shape }, 6, first);
    expect(variants).not.toContain(text);
    for (const variant of some) expect(variants).toContain(variant);
  });

  it('keeps percentages at or under 100', () => {
    expect(numberVariants({ text: '97 percent', shape: 'percent' }, 6, first).every((v) => Number.parseFloat(v) <= 100)).toBe(true);
  });
});

describe('headline and dateline', () => {
  it.each([
    ['Harbour Town Opens New Library\nThe mayor opened it.', 'Harbour Town Opens New Library'],
    ['The mayor opened the library on Monday.\nIt holds books.', null],
    ['Thousands march in Varno, K.V.\nThey came by bus.', 'Thousands march in Varno, K.V.'],
    ['Sorvik buys Kellin Inc.\nThe deal is worth $2 billion.', 'Sorvik buys Kellin Inc.'],
    ['Only one line, no body', null],
  ])('headline of %j', (article, headline) => {
    expect(detectHeadline(article)).toBe(headline);
  });

  it.each([
    ['PASADENA, Calif. — NASA said.', 'PASADENA, Calif.'],
    ['Washington: The State Department said.', 'Washington'],
    ['MIAMI — Forecasters said.', 'MIAMI'],
    ['The storm: a review of the facts.', null],
  ])('dateline of %j', (text, dateline) => {
    expect(findDateline({ text, start: 0 })?.text ?? null).toBe(dateline);
  });
});
