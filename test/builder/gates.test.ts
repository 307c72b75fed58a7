// The quality gates: each drops what a teacher would not ask, and says why (the reason `--explain` shows).

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import { clauseGate, clausesOf, leadingPronoun } from '../../src/builder/facts.js';
import type { Candidate } from '../../src/builder/types.js';
import { build, theTagger } from './helpers.js';

/** The reason the one body sentence of `sentence` was dropped as a fact, or null when kept. */
function factGate(sentence: string): string | null {
  const article = `Headline Here\n${sentence}`;
  const analysis = analyseArticle(article, theTagger());
  const body = analysis.sentences[1];
  if (body === undefined) throw new Error('no body');
  const [clause] = clausesOf(body, article);
  if (clause === undefined) throw new Error('no clause');
  const verdict = clauseGate(clause);
  return verdict === null ? null : `${verdict.rule}: ${verdict.reason}`;
}

const dropped = (candidates: Candidate[]): Candidate[] => candidates.filter((c) => !c.kept);

describe('fact gates', () => {
  it.each([
    ['a sentence starting with an unresolved pronoun', 'It will reach Lima on Monday, officials said.', /starts with "It"/],
    ['an opener, then a pronoun', 'Instead, they will meet in Lima on Monday.', /starts with "they"/],
    ['a demonstrative standing for a sentence', 'This is a dangerous storm for Tampa, forecasters said on Monday.', /starts with "This"/],
    ['a fragment without a verb', 'The Lima office of the agency, in Peru, on Monday.', /fragment \(no verb\)/],
    ['a fragment of few words', 'Lima, Peru.', /fragment \(fewer than five words\)/],
    ['a sentence with nothing to ask', 'Diplomacy involves dialogue and does not necessarily imply agreement.', /no answer key/],
    ['contact details', 'For more information, visit www.example.gov or call 202-555-0100 on Monday.', /contact details or a link/],
    ['a sentence too long to ask about', `Ana Ruiz visited Lima on Monday ${'and met many people there '.repeat(12)}before leaving.`, /too long/],
  ])('drops %s', (_name, sentence, reason) => {
    expect(factGate(sentence)).toMatch(reason);
  });

  it.each([
    ['a named subject', 'Ana Ruiz will reach Lima on Monday.'],
    ['a demonstrative before a noun', 'This visit follows an agreement signed in Lima last year.'],
    ['"Her" when the sentence names one person', 'Her staff met Governor Ana Ruiz in Lima on Monday.'],
  ])('keeps %s', (_name, sentence) => {
    expect(factGate(sentence)).toBeNull();
  });

  it('leaves "His" unresolved when the sentence names no one', () => {
    const article = 'Headline Here\nHis staff contacted 150 people in Lima on Monday.';
    const body = analyseArticle(article, theTagger()).sentences[1];
    const clause = body === undefined ? undefined : clausesOf(body, article)[0];
    expect(clause === undefined ? null : leadingPronoun(clause)).toBe('His');
  });

  it('drops the headline, saying its facts are asked from the body', () => {
    const candidates = build('Storm Nears Tampa\nThe storm reached Tampa on Monday.').candidates;
    expect(candidates[0]).toMatchObject({ stage: 'sentence', kept: false, reason: expect.stringMatching(/headline/) });
  });
});

describe('question gates', () => {
  it('drops a question whose prompt gives its answer away', () => {
    const candidates = build('Talks\nGovernor Ana Ruiz said Ruiz would visit Lima on Monday.').candidates;
    const reasons = dropped(candidates).filter((c) => c.kind === 'cloze' && c.answer === 'Ana Ruiz').map((c) => c.reason);
    expect(reasons).toEqual([expect.stringMatching(/the answer "Ruiz" also appears in the prompt/)]);
  });

  it('drops a multiple-choice question with fewer than two good wrong choices, and asks a cloze instead', () => {
    const result = build('Launch\nThe Zorblax probe launched from its pad on Monday.');
    const choice = result.candidates.find((c) => c.kind === 'choice' && c.answer === 'Zorblax');
    expect(choice).toMatchObject({ kept: false, reason: expect.stringMatching(/fewer than two good wrong choices/) });
    expect(result.deck.questions.some((q) => q.kind === 'cloze' && q.answer === 'Zorblax')).toBe(true);
  });

  it('says why no who/where/when question fits a clause', () => {
    const candidates = build('Talks\nThe visit follows an agreement between Ana Ruiz and Tomas Brandt in Lima last year.').candidates;
    expect(candidates.some((c) => c.kind === 'short-answer' && !c.kept && /no plain subject-verb shape/.test(c.reason))).toBe(true);
  });

  it('keeps a few questions per fact and says so for the rest', () => {
    const article = 'Talks\nThe State Department announced on Wednesday that Secretary Ana Ruiz will visit Lima and Quito as part of talks with Peru and Ecuador.';
    const candidates = build(article).candidates;
    expect(candidates.some((c) => !c.kept && /^not needed: /.test(c.reason))).toBe(true);
  });

  it('keeps no question that the deck already has', () => {
    const article = 'Trip\nAna Ruiz will visit Lima on Monday.\nAna Ruiz will visit Lima on Monday.';
    const prompts = build(article).deck.questions.map((q) => `${q.kind}|${q.prompt}`);
    expect(new Set(prompts).size).toBe(prompts.length);
  });
});
