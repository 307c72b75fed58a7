// Round 6 rules, from the test graders' remaining classes (REVIEW.md, "What the builder does about it"):
// a number the stem fixes by arithmetic, a count word standing for its noun, names of shapes the finder has
// no list for. Every article here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/builder/types.js';
import { createRandom } from '../../src/domain/random.js';
import { createDistractorSource, pickDistractors } from '../../src/builder/distractors.js';
import { roleOf, withRole } from '../../src/builder/questions.js';
import { article, build } from './helpers.js';

/** The candidates asking for `answer` (as a key question), and whether any of them was kept. */
function about(article: string, answer: string): { kept: boolean; reasons: string[]; asked: boolean } {
  const { candidates } = build(article);
  const mine = candidates.filter((c: Candidate) => c.stage !== 'fact' && c.stage !== 'sentence' && (c.answer ?? '').replace(/^the /, '') === answer && c.kind !== 'true-false');
  return { kept: mine.some((c) => c.kept), reasons: mine.filter((c) => !c.kept).map((c) => c.reason), asked: mine.length > 0 };
}

/** Whether any kept question's answer is `part` or has it as a word run, and none names `whole`. */
function keptAnswers(article: string): string[] {
  return build(article)
    .candidates.filter((c: Candidate) => c.kept && c.stage === 'question' && c.kind !== 'true-false')
    .map((c) => (c.answer ?? '').replace(/^the /, ''));
}

describe('arithmetic: the rest of the stem fixes a number', () => {
  it('does not ask a count that the title and another count of the sentence give by difference', () => {
    const text = article('Over 900 ferry passengers rescued off Varno', 'Coast guards of Varno said 700 passengers were taken to the port of Ostra and 200 others were flown to the island of Kellin on Monday night.');
    const { kept, reasons } = about(text, '200');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^arithmetic: 900 and 700/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('does not ask a year that the title year and a span of years give', () => {
    const text = article('2031 Harbour Cup won by Tomas Brandt', 'The race marked the twenty-year anniversary of his first win at the Harbour Cup in 2011, when he drove for the Kestrel team.');
    const { kept, reasons } = about(text, '2011');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^arithmetic: the year 2031 and the span of 20 years/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('does not ask a count of goals that a side of the score in the sentence shows', () => {
    const text = article('Kestrel Rovers go through in Varno', 'Kestrel Rovers lost the second leg in Varno, with the home side coming out on top 3-2, but the two away goals sent Kestrel Rovers through to the final.');
    const { kept, reasons } = about(text, 'two');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^arithmetic: the score 3-2/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('does not ask how many times when the sentence lists each time', () => {
    const text = article('Ferry with refugees turned away near Varno', 'The boat, which carried 300 people from the port of Ostra, turned around twice, toward Varno on Monday and then toward Kellin on Tuesday, before the navy reached it.');
    const { kept, reasons } = about(text, 'twice');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^arithmetic: the sentence lists the 2 times/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('still asks a count no other figure fixes', () => {
    const text = article('Ferry passengers rescued off Varno', 'Coast guards of Varno said 700 passengers were taken to the port of Ostra on Monday night after the ferry Kestrel ran aground near the island of Kellin.');
    const { reasons } = about(text, '700');
    expect(reasons.filter((r) => /^arithmetic/.test(r))).toEqual([]);
  });
});

describe('second-answer: a count word standing for its noun', () => {
  it('does not ask "three" where it stands for "three men"', () => {
    const text = article('Farmhouse fire in Varno', 'Police in Varno said a gang of men broke into the farmhouse of Ada Lund on Monday night.', 'The three walked from the house to the harbour of Ostra, where officers of the Varno police arrested them at dawn.');
    const { reasons, kept } = about(text, 'three');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^second-answer: "three" stands for its noun/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('still asks a count word before its noun', () => {
    const text = article('Farmhouse fire in Varno', 'Police in Varno said the three men walked from the house of Ada Lund to the harbour of Ostra on Monday night.');
    const { reasons } = about(text, 'three');
    expect(reasons.filter((r) => /^second-answer/.test(r))).toEqual([]);
  });
});

describe('cut: names of shapes the finder has no list for stay whole', () => {
  it('never asks part of a law\'s name', () => {
    const text = article('Varno council sued over harbour access', 'The Varno council was sued in March under the Sailors with Disabilities Act by Ada Lund, who uses a wheelchair and could not reach the harbour of Ostra.');
    const answers = keptAnswers(text);
    expect(answers.filter((a) => /Sailors|Disabilities/.test(a) && a !== 'Sailors with Disabilities Act'), answers.join(' | ')).toEqual([]);
  });

  it('never asks the genus or the species of a Latin name alone', () => {
    const text = article('Ants that heal themselves', 'Researchers at the University of Varno found that the ant Kestrelia varnensis eats harmful food when it is infected with a fungus, the team led by Ada Lund reported in March.');
    const answers = keptAnswers(text);
    expect(answers.filter((a) => /Kestrelia|varnensis/.test(a)), answers.join(' | ')).toEqual([]);
    const { reasons } = about(text, 'Kestrelia');
    expect(reasons.some((r) => /^cut: "Kestrelia varnensis" is one Latin name/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('never asks a first name alone before a surname with an apostrophe particle', () => {
    const text = article('Ants that heal themselves', 'The study was led by Prof. Marta d\'Ostrani of the University of Varno, who said the ants of the colony were found in March.');
    const answers = keptAnswers(text);
    expect(answers.filter((a) => a === 'Marta'), answers.join(' | ')).toEqual([]);
  });

  it('never asks the number or the rest of a name that starts with a number', () => {
    const text = article('Probe passes asteroid', 'The probe Kestrel passed the asteroid 21 Varnia in July on its way to the comet Ostra, the Varno space agency said.', 'Fans of the 501st Legion, a club of costume makers, met the probe\'s team at the Varno space agency in August.');
    const answers = keptAnswers(text);
    expect(answers.filter((a) => ['21', 'Varnia', '501st', 'Legion'].includes(a)), answers.join(' | ')).toEqual([]);
  });

  it('never asks half of a series title with a colon and a year', () => {
    const text = article('Actor Tomas Brandt dies', 'Tomas Brandt, who was born in the city of Varno, starred as a ship\'s pilot in the television series Harbour: 2099, the Varno Times said.');
    const answers = keptAnswers(text);
    expect(answers.filter((a) => a === 'Harbour' || a === '2099'), answers.join(' | ')).toEqual([]);
    expect(about(text, '2099').reasons.some((r) => /^cut: "2099" is only the end of a title/.test(r))).toBe(true);
  });
});

describe('recall (round 6): keys a rule dropped too broadly', () => {
  it('keeps "N percent of these" with the clause before the semicolon that counts them', () => {
    const text = article('Old harbour software still in use', 'The security firm Kestrel Labs said on Monday that the Varno harbour software has 412 known flaws; 27 percent of these are rated critical by the firm.');
    expect(about(text, '27 percent').kept).toBe(true);
  });

  it('still drops "of these" when nothing in the clause counts them', () => {
    const text = article('Old harbour software still in use', 'The security firm Kestrel Labs said on Monday that 27 percent of these are rated critical by the Varno harbour office.');
    const { kept, reasons } = about(text, '27 percent');
    expect(kept).toBe(false);
    expect(reasons.join(' | ')).not.toMatch(/kept/);
  });

  it('asks the body of several words after a role title and "of" ("Vice President of _____")', () => {
    const text = article('Harbour tax bill passes', 'Vice President of Sailors for Fair Harbours, Ada Lund, said the Varno harbour tax bill would cost each family of Ostra 300 dollars a year.');
    expect(about(text, 'Sailors for Fair Harbours').kept).toBe(true);
  });
});

describe('framed phrases (round 6): the thing awarded, the cause of an illness', () => {
  it('asks the thing awarded, though its words are common words ("a bronze medal")', () => {
    const text = article('Varno pupils honoured in Ostra', 'A group of pupils from the harbour school of Varno was awarded a bronze medal for "courageous achievement" in the Kestrel Robot Games in the city of Ostra.', 'The pupils built their robot in two weeks, said their teacher Ada Lund.');
    expect(about(text, 'bronze medal').kept).toBe(true);
  });

  it('asks what surgery was for, past a date between, and not as part of a name', () => {
    const text = article('Varno mayor recovering', 'Varno mayor Tomas Brandt is recovering after surgery last Monday for intestinal bleeding, his deputy Ada Lund said at the harbour office of Ostra.');
    expect(about(text, 'intestinal bleeding').kept).toBe(true);
  });

  it('reads "won bronze" as a medal won', () => {
    const { candidates } = build(article('Varno team at the Harbour Cup', 'At the Harbour Cup in Ostra the Varno team won bronze after a long final against Kellin.'));
    expect(candidates.some((c) => c.stage === 'question' && c.answer === 'bronze')).toBe(true);
  });

  it('still does not ask a capitalised common word', () => {
    const text = article('Varno tax bill passes', 'Passage of the Bill in the harbour council of Varno required a simple majority of the 40 members, Ada Lund said.');
    expect(about(text, 'Bill').kept).toBe(false);
  });
});

describe('same-role: wrong choices for a person of a role share it', () => {
  const players = 'Kestrel Rovers beat Varno United 2-1 in Ostra on Saturday, with goals from striker Tomas Brandt, midfielder Ben Okafor and defender Lars Hallen.';
  /** The wrong choices the builder would offer for `name` in `text`, with the role rule and without it. */
  const offered = (text: string, name: string): { role: string | null; withRule: string[]; without: string[] } => {
    const { analysis } = build(text);
    const mention = analysis.sentences.flatMap((s) => s.mentions).find((m) => m.text === name);
    if (mention === undefined) throw new Error(`no mention of ${name}`);
    const source = createDistractorSource(analysis.entities, createRandom(1));
    const role = roleOf(mention, text);
    const pick = (src: typeof source): string[] => pickDistractors(src, mention, name, 'Which person completes this sentence? _____ said.', 3);
    return { role, withRule: role === null ? pick(source) : pick(withRole(source, role)), without: pick(source) };
  };

  it('offers no players as wrong choices for a coach when the article names no other coach', () => {
    const text = article('Kestrel Rovers win in Ostra', players, 'After the match, Varno United coach Marek Solberg said his players had been tired after the long journey from Varno.');
    const { role, withRule, without } = offered(text, 'Marek Solberg');
    expect(role).toBe('coach');
    expect(without.length).toBeGreaterThan(0);
    expect(withRule).toEqual([]);
  });

  it('offers the other coaches the article names', () => {
    const text = article('Kestrel Rovers win in Ostra', players, 'Kestrel Rovers coach Erik Moss praised his side, and Kellin coach Piet Janssen watched from the stand.', 'Harbour Town coach John Berg and Ostra coach Karl Weber were also in the stand.', 'After the match, Varno United coach Marek Solberg said his players had been tired after the long journey from Varno.');
    const { withRule } = offered(text, 'Marek Solberg');
    expect(withRule.length).toBe(3);
    expect(withRule.every((name) => ['Erik Moss', 'Piet Janssen', 'John Berg', 'Karl Weber'].includes(name)), withRule.join(' | ')).toBe(true);
  });
});
