// The quality gates: each drops what a teacher would not ask, and names the rule that decided (what
// `--explain` shows as "rule: reason"). Coreference lets a sentence that opens with a pronoun through when
// the sentences before say who or what it is.

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import { clauseGate, clausesOf, renderClause } from '../../src/builder/facts.js';
import type { Candidate } from '../../src/builder/types.js';
import { build, judgeLastClause, theTagger } from './helpers.js';

/** The verdict ("rule: reason") on the last sentence of `article`'s first clause, or null when kept. */
const verdictOn = (article: string): string | null => judgeLastClause(article).verdict;

/** How the last sentence of `article` reads as a fact, its pronoun resolved; null when it is dropped. */
const factOf = (article: string): string | null => judgeLastClause(article).fact;

const dropped = (candidates: Candidate[]): Candidate[] => candidates.filter((c) => !c.kept);

describe('fact gates', () => {
  it.each([
    ['a fragment without a verb in a tense', 'The Lima office of the agency, in Peru, on Monday.', /^fragment: no verb/],
    ['a fragment of few words', 'Lima, Peru.', /^fragment: fewer than five words/],
    ['a sentence with nothing to ask', 'Diplomacy involves dialogue and does not necessarily imply agreement.', /^no-key: /],
    ['a web address', 'For more information, visit www.example.gov or call 202-555-0100 on Monday.', /^boilerplate: /],
    ['a call to action', 'Readers can sign up for alerts from the Lima office on Monday.', /^boilerplate: a contact line or a call to action/],
    ['a credit', 'Photo by Ana Ruiz for the Lima Times, 2024.', /^boilerplate: a credit/],
    ['press logistics', 'The mayor will hold a news conference at 2 p.m. in Lima on Monday.', /^boilerplate: press logistics/],
    ['an instruction to the reader', 'Visit the Lima museum before the end of June.', /^not-a-statement: an instruction/],
    ['a question', 'Will the storm reach Lima before Monday?', /^not-a-statement: a question/],
    ['a first-person view', 'I think Lima will recover by June, officials agree.', /^first-person: /],
    ['a list item with no subject', 'Forcing retailers such as Lima Stores to stock only one brand in 2004.', /^fragment: /],
    ['a sentence too long to ask about', `Ana Ruiz visited Lima on Monday ${'and met many people there '.repeat(12)}before leaving.`, /^too-long: /],
    ['a pointer outside the clause', 'Harbour Bank has replaced it with three newer offices in Lima.', /^pronoun: "it" points to something/],
  ])('drops %s', (_name, sentence, reason) => {
    expect(verdictOn(`Headline Here\n${sentence}`)).toMatch(reason);
  });

  it.each([
    ['a named subject', 'Ana Ruiz will reach Lima on Monday.'],
    ['a demonstrative before a time', 'This year the festival in Lima was visited by 40,000 people.'],
    ['a quotation with its speaker', '“We are ready for the storm,” Governor Ana Ruiz said in Lima on Monday.'],
  ])('keeps %s', (_name, sentence) => {
    expect(verdictOn(`Headline Here\n${sentence}`)).toBeNull();
  });

  it('drops a sentence from a release trailer and the line that dates the article', () => {
    const article = 'Harbour Plan Approved\nMonday, June 3, 2024\nThe council approved the Harbour Plan on Monday.\nAbout the Harbour Council: The council has 12 members in Lima.';
    const reasons = build(article).candidates.filter((c) => c.stage === 'sentence').map((c) => c.reason);
    expect(reasons).toEqual([expect.stringMatching(/^headline/), expect.stringMatching(/dates the article/), expect.stringMatching(/trailer/)]);
  });

  it('drops a quotation whose speaker the sentence does not name', () => {
    const article = 'Talks\nGovernor Ana Ruiz spoke in Lima on Monday. "We will rebuild the port by 2026 and more."';
    expect(verdictOn(article)).toMatch(/^unattributed-quote: /);
  });
});

describe('coreference', () => {
  it('reads "She said" as the one person named just before', () => {
    expect(factOf('Quake\nThe quake was studied by geophysicist Sarah Lindqvist in Lima on Monday.\nShe said at least 18 aftershocks were recorded.')).toBe(
      'Sarah Lindqvist said at least 18 aftershocks were recorded.',
    );
  });

  it('leaves "she" unresolved when the sentence before names two women, subject and speaker', () => {
    expect(verdictOn('Obituary\nHuman rights activist Ana Ruiz died in Lima on Saturday, her daughter Rosa Quispe said.\nShe had been in hospital since February 21.')).toMatch(
      /^pronoun: one-candidate: "she" could be any of Ana Ruiz, Rosa Quispe/,
    );
  });

  it('follows a chain of sentences that say "she" of the same person', () => {
    const article = 'Obituary\nAna Ruiz was born in Lima in 1942.\nShe moved to Quito in 1950.\nShe joined Harbour Records in 1960.';
    expect(factOf(article)).toBe('Ana Ruiz joined Harbour Records in 1960.');
  });

  it('knows a man from a woman by the article’s own words', () => {
    const article = 'Court\nAhmed Okoro, a 14-year-old boy from Lima, was arrested after he brought a clock to school, said teacher Rosa Quispe.\nHe was released on Monday.';
    expect(factOf(article)).toBe('Ahmed Okoro was released on Monday.');
  });

  it('spells out a contraction with the name it stands for', () => {
    const article = 'Politics\nTomas Brandt became Prime Minister of Lima in 2007.\nHe’s distanced himself from President Ana Ruiz since 2008.';
    expect(factOf(article)).toBe('Tomas Brandt has distanced himself from President Ana Ruiz since 2008.');
  });

  it('reads "It" as the plain subject of the sentence before', () => {
    expect(factOf('Quake\nThe quake struck near Lima on Saturday. It was felt as far away as Quito.')).toBe('The quake was felt as far away as Quito.');
  });

  it('drops a pronoun that could stand for two people, saying who', () => {
    expect(verdictOn('Talks\nAna Ruiz and Rosa Quispe met in Lima on Monday.\nShe said the talks went well in June.')).toMatch(/^pronoun: one-candidate: "she" could be any of Ana Ruiz, Rosa Quispe/);
  });

  it('reads an interview answer as its speaker’s words', () => {
    const article = 'Interview\nWikinews spoke with magician Tom Avery in Lima.\nWikinews: How long have you performed?\nTom Avery: I am 61 now and I started in Lima in 1972.\nWikinews: Thank you.\nTom Avery: Thank you.';
    const analysis = analyseArticle(article, theTagger());
    const turn = analysis.sentences.find((s) => s.text.startsWith('Tom Avery: I am'));
    const [clause] = turn === undefined ? [] : clausesOf(turn, article);
    expect(clause).toBeDefined();
    if (clause === undefined) return;
    expect(clauseGate(clause, { sentences: analysis.sentences, tagger: theTagger() })).toBeNull();
    expect(renderClause(clause)).toBe('Tom Avery said: “I am 61 now and I started in Lima in 1972.”');
  });
});

describe('question gates', () => {
  it('drops a question whose prompt gives its answer away', () => {
    const candidates = build('Talks\nGovernor Ana Ruiz said Ruiz would visit Lima on Monday.').candidates;
    const reasons = dropped(candidates).filter((c) => c.kind === 'cloze' && c.answer === 'Ana Ruiz').map((c) => c.reason);
    expect(reasons).toEqual([expect.stringMatching(/^giveaway: the answer "Ruiz" also appears in the prompt/)]);
  });

  it('asks a key typed when fewer than three wrong choices of its kind come from the article', () => {
    for (const seed of [1, 2, 3]) {
      const result = build('Launch\nThe Zorblax Agency launched a probe from Lima on Monday.\nThe Zorblax Agency said the probe was fine.', seed);
      const asked = result.deck.questions.filter((q) => typeof q.answer === 'string' && q.answer.includes('Zorblax'));
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((q) => q.kind === 'cloze' || q.kind === 'short-answer')).toBe(true);
      const choice = result.candidates.find((c) => c.kind === 'choice' && (c.answer ?? '').includes('Zorblax') && /^distractors: /.test(c.reason));
      if (choice !== undefined) expect(choice.reason).toMatch(/fewer than three good wrong choices of the same kind from the article/);
    }
  });

  it('keeps at most three questions a sentence, each on its own key, and says why for the rest', () => {
    const article = 'Talks\nThe State Department announced on Wednesday that Secretary Ana Ruiz will visit Lima, Quito and Bogota with 40 aides for 12 days in June.';
    const result = build(article);
    expect(result.deck.questions.length).toBeLessThanOrEqual(3);
    expect(result.candidates.some((c) => !c.kept && /^per-sentence: /.test(c.reason))).toBe(true);
  });

  it('asks a true/false statement only where no other question on its sentence would be shown the answer', () => {
    const article = 'Storm\nHurricane Delia reached Tampa on Monday.\nForecasters in Tampa expect Hurricane Delia to weaken on Monday.';
    const { deck } = build(article);
    const bySentence = new Map<string, string[]>();
    for (const q of deck.questions) {
      const fact = deck.facts.find((f) => f.id === q.factId);
      const list = bySentence.get(fact?.quote ?? '') ?? [];
      list.push(q.kind);
      bySentence.set(fact?.quote ?? '', list);
    }
    for (const kinds of bySentence.values()) if (kinds.includes('true-false')) expect(kinds).toEqual(['true-false']);
  });

  it('keeps no question that the deck already has', () => {
    const article = 'Trip\nAna Ruiz will visit Lima on Monday.\nAna Ruiz will visit Lima on Monday.';
    const prompts = build(article).deck.questions.map((q) => `${q.kind}|${q.prompt}`);
    expect(new Set(prompts).size).toBe(prompts.length);
  });
});
