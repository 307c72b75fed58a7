// Sentences and clauses: abbreviations do not end a sentence, the headline is the first line, a long
// sentence is cut into its clauses, and ids are derived from the seed and the content.

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import { clausesOf } from '../../src/builder/facts.js';
import { createIdMaker } from '../../src/builder/ids.js';
import { slugify, titleFromFileName } from '../../src/builder/slug.js';
import { tokenize } from '../../src/builder/tokens.js';
import { splitSentences } from '../../src/domain/article.js';
import { theTagger } from './helpers.js';

const texts = (article: string): string[] => splitSentences(article).map((s) => s.text);

describe('sentences', () => {
  it.each([
    ['U.S.', 'The U.S. Census Bureau released data. It was late.', ['The U.S. Census Bureau released data.', 'It was late.']],
    ['Calif.', 'PASADENA, Calif. — NASA said so. Engineers agreed.', ['PASADENA, Calif. — NASA said so.', 'Engineers agreed.']],
    ['p.m.', 'The webinar starts at 2 p.m. Eastern time. Sign up now.', ['The webinar starts at 2 p.m. Eastern time.', 'Sign up now.']],
    ['Aug.', 'The park opens Aug. 25 to visitors. Entry is free.', ['The park opens Aug. 25 to visitors.', 'Entry is free.']],
    ['Dr.', 'Dr. Elena Vasquez spoke. Reporters listened.', ['Dr. Elena Vasquez spoke.', 'Reporters listened.']],
    ['a state abbreviation mid-sentence', 'It was 300 miles south of Pensacola, Fla. The storm moved on.', ['It was 300 miles south of Pensacola, Fla. The storm moved on.']],
    ['Ft. and Mt.', 'Crews reached Ft. Myers and Mt. Hood. Both were safe.', ['Crews reached Ft. Myers and Mt. Hood.', 'Both were safe.']],
  ])('%s does not end a sentence', (_name, article, expected) => {
    expect(texts(article)).toEqual(expected);
  });

  it('keeps abbreviations whole as words: "Calif.", "U.S.", "p.m." and possessives apart', () => {
    const words = tokenize('NASA’s team in Pasadena, Calif., met U.S. officials at 2 p.m.', 0, theTagger()).map((t) => t.text);
    expect(words).toEqual(['NASA', '’s', 'team', 'in', 'Pasadena', ',', 'Calif.', ',', 'met', 'U.S.', 'officials', 'at', '2', 'p.m.']);
  });

  it('takes the first line for the headline and leaves it out of the facts', () => {
    const analysis = analyseArticle('Storm Nears Coast\nThe storm reached Tampa on Monday.', theTagger());
    expect(analysis.headline).toBe('Storm Nears Coast');
    expect(analysis.sentences.map((s) => s.isHeadline)).toEqual([true, false]);
  });
});

describe('clauses', () => {
  const clauses = (article: string): string[] => {
    const analysis = analyseArticle(article, theTagger());
    return analysis.sentences.filter((s) => !s.isHeadline).flatMap((s) => clausesOf(s, article).map((c) => c.text));
  };

  it('cuts at "; " and at ", and" before a new subject and verb', () => {
    expect(clauses('Storm\nA warning is in effect for Tampa, and forecasters expect landfall late Tuesday; crews are ready in Miami.')).toEqual([
      'A warning is in effect for Tampa',
      'forecasters expect landfall late Tuesday',
      'crews are ready in Miami.',
    ]);
  });

  it('does not cut off a clause whose pronoun points back into the sentence', () => {
    expect(clauses('Quake\nShaking was felt in Reno on Saturday, and more than 3,000 people reported it online.')).toHaveLength(1);
  });

  it('does not cut a list, a date range or a quotation', () => {
    expect(clauses('Talks\nThe talks will cover trade, energy, and the potential for cooperation in Oslo.')).toHaveLength(1);
    expect(clauses('Data\nCities grew between July 1, 2023, and July 1, 2024, in the South.')).toHaveLength(1);
    expect(clauses('Quote\n“We are ready, and we will act,” said Ana Ruiz in Lima on Monday.')).toHaveLength(1);
  });

  it('starts a sentence after its dateline', () => {
    expect(clauses('Storm\nMIAMI — The storm reached Tampa on Monday.')).toEqual(['The storm reached Tampa on Monday.']);
  });
});

describe('ids and slugs', () => {
  it('gives the same ids for the same seed and content, other ids for another seed', () => {
    const a = createIdMaker(7);
    const b = createIdMaker(7);
    const c = createIdMaker(8);
    const ids = ['fact one', 'fact two'].map((content) => a.make(content));
    expect(['fact one', 'fact two'].map((content) => b.make(content))).toEqual(ids);
    expect(c.make('fact one')).not.toBe(ids[0]);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
  });

  it('never gives the same id twice, even for the same content', () => {
    const maker = createIdMaker(1);
    expect(maker.make('same')).not.toBe(maker.make('same'));
  });

  it.each([
    ['U.S. Ambassador Visits Flood-Hit Counties in Kenya', 'us-ambassador-visits-flood-hit-counties-in-kenya'],
    ['Café Owners’ Strike Ends', 'cafe-owners-strike-ends'],
    ['6.0 magnitude earthquake rocks eastern Turkey', '6-0-magnitude-earthquake-rocks-eastern-turkey'],
    ['!!!', 'deck'],
    ['A very long headline that goes on and on about many things for far more than sixty characters', 'a-very-long-headline-that-goes-on-and-on-about-many-things-for'],
  ])('slug of %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slug).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  it('titles an article without a headline from its file name', () => {
    expect(titleFromFileName('hurricane-update.txt')).toBe('Hurricane update');
  });
});
