// Round 4 rules, from the test graders' WRONG classes (REVIEW.md, "What the builder does about it"): each
// keeps a kind of draft a grader called WRONG out of the deck and names itself in the reason `--explain`
// shows. Every article here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { giveaway, spelledOutIn, tailOfLongerName, titleFreeSwaps, unlearnableKey } from '../../src/builder/questions.js';
import { badGrammar } from '../../src/builder/self-check.js';
import type { Candidate, Entity, Mention } from '../../src/builder/types.js';
import { build, judgeLastClause, theTagger } from './helpers.js';

/** The candidates asking for `answer` (as a key question), and whether any of them was kept. */
function about(article: string, answer: string): { kept: boolean; reasons: string[] } {
  const { candidates } = build(article);
  const mine = candidates.filter((c: Candidate) => c.stage !== 'fact' && c.stage !== 'sentence' && (c.answer ?? '').replace(/^the /, '') === answer && c.kind !== 'true-false');
  return { kept: mine.some((c) => c.kept), reasons: mine.filter((c) => !c.kept).map((c) => c.reason) };
}

const article = (...body: string[]): string => ['Harbour Town Weekly Notes', '', ...body].join('\n\n');

describe('giveaway: an acronym spelt out anywhere in the stem', () => {
  const key = (text: string): Mention =>
    ({ text, start: 0, end: text.length, outerStart: 0, sentence: 1, title: null, entity: { id: text, type: 'organisation', name: text, forms: [text], subtype: 'organisation', first: 1, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true } }) as Mention;
  it('does not ask the acronym when its words, a number among them, stand earlier in the stem', () => {
    const prompt = 'The party Unione 7 Vele won most seats in Ostra, and _____ leader Marta Pell became mayor of the town.';
    expect(giveaway(prompt, key('U7V'), 'U7V')).toMatch(/^giveaway: "Unione 7 Vele" in the prompt spell out "U7V"/);
  });

  it('skips the small words of the name ("Bank of the Harbour")', () => {
    expect(spelledOutIn('Savers at the Bank of the Varn Harbour said _____ had closed.', 'BVH')).toBe('Bank of the Varn Harbour');
  });

  it('still asks an acronym the stem does not spell out', () => {
    expect(giveaway('The party won most seats in Ostra, and _____ leader Marta Pell became mayor of the town.', key('UVS'), 'UVS')).toBeNull();
  });
});

describe('giveaway: the sentence fixes the blank', () => {
  it('does not ask a year that "the following year" beside another year fixes', () => {
    const text = article('The harbour school of Kestrel Bay opened its doors to pupils in 1961, and the following year, in 1962, it won the regional prize.');
    for (const year of ['1961', '1962']) {
      const { kept, reasons } = about(text, year);
      expect(kept, year).toBe(false);
      expect(reasons.some((r) => /^giveaway: .*the following year/.test(r)), reasons.join(' | ')).toBe(true);
    }
  });
});

describe('cut: a sentence boundary or a glued letter inside a key', () => {
  it('does not ask a number written into the letters after it', () => {
    const text = article('Astronomers at the Varn observatory said the asteroid 2031QX will pass close to the planet Ostra in the year 2880.');
    const { kept, reasons } = about(text, '2031');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^cut: /.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('does not ask two organisations joined by "and the" as one name', () => {
    const text = article('The probe was built by engineers of the Varn Institute of Science and the ORBA in a hall near Kestrel Bay in 2011.');
    const { candidates } = build(text);
    const glued = candidates.filter((c) => c.stage === 'question' && /Science and the ORBA/.test(c.answer ?? ''));
    expect(glued.every((c) => !c.kept)).toBe(true);
  });
});

describe('self-check: "How many ...?" stems cut from relative clauses', () => {
  const tagger = theTagger();
  it.each([
    ['How many asylum seekers whose did fishermen rescue boat sank?'],
    ['How many senior has the harbour board warned Varnish officials about the storm?'],
  ])('%s', (prompt) => {
    expect(badGrammar(prompt, 'short-answer', tagger)).toMatch(/How many/);
  });

  it('keeps a plain "How many ...?" stem', () => {
    expect(badGrammar('How many asylum seekers did fishermen rescue near the harbour?', 'short-answer', tagger)).toBeNull();
  });
});

describe('fragment: a clause with no main verb', () => {
  it('drops "On the final restart with 12 laps remaining."', () => {
    const { verdict } = judgeLastClause('Race report\nAda Lund won the race at Kestrel Bay on Sunday.\nOn the final restart with 12 laps remaining.');
    expect(verdict).toMatch(/^fragment: /);
  });
});

describe('true/false: no statement whose falsity the title shows', () => {
  const number = (text: string): Mention =>
    ({ text, start: 0, end: text.length, outerStart: 0, sentence: 1, title: null, numberShape: 'plain', entity: { id: text, type: 'number', name: text, forms: [text], subtype: 'plain', first: 1, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true } }) as Mention;
  it('does not swap the age the title gives, and swaps another value instead', () => {
    const age = number('71');
    const books = number('14');
    expect(titleFreeSwaps([age, books], 'Harbour poet Ada Lund dies aged 71')).toEqual([books]);
  });

  it('drops a statement that turns only on a value the title shows', () => {
    expect(titleFreeSwaps([number('71')], 'Harbour poet Ada Lund dies aged 71')).toBeNull();
    expect(titleFreeSwaps([number('71')], 'Harbour poet Ada Lund dies')).toHaveLength(1);
  });
});

describe('initialism never spelt out', () => {
  it('does not ask letters the article never spells out', () => {
    const text = article('The study was paid for by the KVB and published in Kestrel Bay in March 2019 by the harbour school.');
    const { kept, reasons } = about(text, 'KVB');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^initialism: /.test(r)), reasons.join(' | ')).toBe(true);
  });
});

describe('cut: a key that runs over the end of a sentence', () => {
  it('does not ask "Sun. The" and still asks a name with an abbreviation in it', () => {
    const text = 'The probe went round the Sun. The crew of the Gen. Ada Lund watched from Kestrel Bay.';
    const at = (key: string): Mention => {
      const start = text.indexOf(key);
      return { text: key, start, end: start + key.length, outerStart: start, sentence: 1, title: null, entity: { id: key, type: 'other', name: key, forms: [key], subtype: 'other', first: 1, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true } } as Mention;
    };
    expect(unlearnableKey(at('Sun. The'), text, theTagger())).toMatch(/^cut: .*end of a sentence/);
    expect(unlearnableKey(at('Gen. Ada Lund'), text, theTagger())).toBeNull();
  });
});

describe('giveaway: a select-all question whose stem spells a right answer', () => {
  it('does not ask "in Chile and Peru" beside "Peruvian growers"', () => {
    const text = article('Peruvian growers sold most of their apples in Chile and Peru last year, the harbour union of Kestrel Bay said.');
    const { candidates } = build(text);
    const multi = candidates.filter((c) => c.kind === 'multi-select');
    expect(multi.length).toBeGreaterThan(0);
    expect(multi.every((c) => !c.kept && /^giveaway: "Peruvian"/.test(c.reason)), multi.map((c) => c.reason).join(' | ')).toBe(true);
  });
});

describe('one-candidate: no pronoun pinned on someone uncertain', () => {
  it('does not give an interview answer to the reporter who asks', () => {
    const { verdict } = judgeLastClause('Harbour singers speak about the new season\nWikinews reporter Ana Ruiz spoke with the singer in Lima on Monday.\nShe said the tour would start in Quito in May.');
    expect(verdict).toMatch(/^pronoun: one-candidate: "she" could be Ana Ruiz, who asks the questions/);
  });

  it('still gives it to the one interviewed', () => {
    const { fact } = judgeLastClause('Harbour singers speak about the new season\nWikinews interviewed Mara Ode, a singer from Lima, on Monday.\nShe said the tour would start in Quito in May.');
    expect(fact).toBe('Mara Ode said the tour would start in Quito in May.');
  });

  it('does not give "His" to a man named in passing when the sentences before were about another man', () => {
    const { verdict } = judgeLastClause('Harbour drivers get new names\nBen Okafor joined the Lima team in May after two years in Quito.\nThe team’s other driver is Tomas Brandt, who won in Lima in 2019.\nHis name was chosen for the Lima race in 2019 by the fans.');
    expect(verdict).toMatch(/^pronoun: one-candidate: "he" could be Tomas Brandt, named in passing just before, or Ben Okafor/);
  });

  it('still gives "He" to the subject of the sentence before', () => {
    const { fact } = judgeLastClause('Harbour drivers get new names\nBen Okafor joined the Lima team in May after two years in Quito.\nTeam boss Tomas Brandt said the car was ready for the race.\nHe said the Lima race would start in 2019.');
    expect(fact).toBe('Tomas Brandt said the Lima race would start in 2019.');
  });
});

describe('type-word: a province is not a country', () => {
  const kindOf = (text: string, name: string): string | undefined => build(text).analysis.entities.find((e) => e.name === name)?.subtype;
  it('does not take a place before its country ("Varno, Indonesia") for a country', () => {
    expect(kindOf(article('Fishermen rescued 40 people off the coast of Varno, Indonesia, on Monday after their boat sank in a storm.'), 'Varno')).not.toBe('country');
  });

  it('takes "Varno province" for a region', () => {
    expect(kindOf(article('The governor of Varno province said the people came from Lima and Ostra in Peru and Chile.'), 'Varno')).toBe('region');
  });
});

describe('cut: the tail of a longer name', () => {
  const entity = (name: string, type: Entity['type']): Entity => ({ id: name, type, name, forms: [name], subtype: type, first: 1, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true }) as Entity;
  const text = 'The Harbour Centre for Control of Salt Deficiency Disorders said Deficiency Disorders were rare in Ostra Bay.';
  const long = entity('Harbour Centre for Control of Salt Deficiency Disorders', 'organisation');
  const tail = entity('Deficiency Disorders', 'other');
  const at = (from: number): Mention => ({ text: 'Deficiency Disorders', start: from, end: from + 'Deficiency Disorders'.length, outerStart: from, sentence: 1, title: null, entity: tail }) as Mention;
  it('does not ask the end of a longer name where the article writes the whole name', () => {
    expect(tailOfLongerName(at(text.indexOf('Deficiency Disorders')), text, [long, tail])).toMatch(/^cut: "Deficiency Disorders" is the end of the name/);
  });
  it('asks the same words where they stand alone', () => {
    expect(tailOfLongerName(at(text.lastIndexOf('Deficiency Disorders')), text, [long, tail])).toBeNull();
  });
});
