// Round 26 (REVIEW.md), from the stop-33 regrade's WRONG items: a score the article writes loser first, a
// person's name written with a post before it or letters after it, and a verb of saying whose clause was
// cut away. Every article and sentence here is made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { bareNameForms, fullerNames, withCompanyWord } from '../../src/builder/questions.js';
import { accepts, article, build, theTagger, typedOn } from './helpers.js';

describe('a score written loser first', () => {
  const match = article(
    'Varno through to the semi-finals',
    'In the morning session, Varno lost to Kellin in the eighth end by a score of 5–7, Sorvik lost to Lindqvist 2–7 in seven ends, Berglund edged out Osterby 6–8 in extra ends.',
    'The semi-finals are on Sunday at the Osterby Curling Centre.',
  );

  it('accepts the score the other way round, and no other', () => {
    const typed = ['5–7', '2–7', '6–8'].flatMap((score) => typedOn(match, score));
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) {
      const [a, b] = q.answer.split('–');
      expect(accepts(q, `${b}–${a}`), q.answer).toBe(true);
      expect(accepts(q, `${b}-${a}`), q.answer).toBe(true);
      expect(accepts(q, '5–3'), q.answer).toBe(false);
    }
  });
});

describe('a name with its post before it or letters after it', () => {
  it('gives the name alone', () => {
    expect(bareNameForms('National Security Adviser Ana Varno')).toEqual(['Ana Varno']);
    expect(bareNameForms('Piet Lindqvist QC')).toEqual(['Piet Lindqvist']);
    expect(bareNameForms('Professor Piet Lindqvist MBE')).toEqual(['Professor Piet Lindqvist', 'Piet Lindqvist']);
    // Nothing to take off, or too little left to be a name.
    expect(bareNameForms('Ana Varno')).toEqual([]);
    expect(bareNameForms('Mayor Varno')).toEqual([]);
    expect(bareNameForms('Varno QC')).toEqual([]);
  });

  it('leaves an adviser\'s post out of the blank ("National Security Adviser _____")', () => {
    const text = article(
      'Kellin to sell fuel to Varno',
      'In a press briefing on Monday, National Security Adviser Ana Osterby said the agreement would bring Varno into the mainstream.',
      'The deal must still be approved by the Kellin parliament, which meets in Sorvik in March.',
    );
    const questions = [1, 2, 3].flatMap((seed) => build(text, seed).deck.questions);
    const onHer = questions.filter((q) => (q as { answer?: unknown }).answer === 'Ana Osterby');
    expect(onHer.length).toBeGreaterThan(0);
    expect(questions.some((q) => (q as { answer?: unknown }).answer === 'National Security Adviser Ana Osterby')).toBe(false);
  });

  it('accepts the barrister without "QC" where the article names him so', () => {
    const text = article(
      'Kellin child abuse ring: six charged',
      'Police in Kellin charged six men on Tuesday after a two-year inquiry into an online network.',
      'Piet Lindqvist QC, a barrister from Varno, was refused bail by the court in Sorvik on Wednesday.',
      'The men appear in court in Sorvik on Friday.',
    );
    const typed = typedOn(text, 'Piet Lindqvist QC');
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) {
      expect(accepts(q, 'Piet Lindqvist')).toBe(true);
      expect(accepts(q, 'Lindqvist')).toBe(true);
    }
  });
});

describe('a verb of saying with its clause cut off', () => {
  it('keeps no question that ends "told the BBC that."', () => {
    const text = article(
      'Kellin emperor to step down',
      'The Kellin parliament passed a law on Friday that lets Emperor Varno step down within three years.',
      'Sorvik University professor Ana Osterby told the BBC that, while the emperor and his wife have been active in social causes, the heir has done little in this regard.',
      'The emperor is 83 and has had heart surgery.',
    );
    const deck = build(text).deck;
    const prompts = deck.questions.map((q) => q.prompt);
    expect(prompts.length).toBeGreaterThan(0);
    for (const prompt of prompts) expect(prompt).not.toMatch(/\bthat\.[”"]?$/);
    const candidates = build(text).candidates.filter((c) => c.stage === 'question' && /told the BBC that\.?[”"]?$/.test(c.text));
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(c.kept).toBe(false);
    expect(candidates.some((c) => /verb of saying/.test(c.reason))).toBe(true);
  });
});

describe('a fuller name whose given name is also an English word', () => {
  it('accepts "Frank Varno" for "Varno" where a sentence writes him so', () => {
    const text = 'The second goal was scored by Frank Varno in extra time. Varno had come on as a substitute.';
    expect(fullerNames('Varno', text, theTagger())).toContain('Frank Varno');
  });

  it('takes no word that opens a sentence for a given name', () => {
    const text = 'Unlike Varno, the other players stayed on the bench. Varno had come on as a substitute.';
    expect(fullerNames('Varno', text, theTagger())).not.toContain('Unlike Varno');
  });
});

describe("a company's name with the word of its trade", () => {
  it('finds "Osterby Media" for "Osterby", and not a place or a person after it', () => {
    const text = 'Osterby Media will merge the two titles. The deal leaves Osterby with a third of the market. Osterby Media Group owns both. Osterby Kellin, a reporter, wrote it.';
    expect(withCompanyWord('Osterby', text).sort()).toEqual(['Osterby Media', 'Osterby Media Group']);
  });

  it('takes no body of it for the same name ("Kellin Union Commission")', () => {
    const text = 'Troops from the Kellin Union keep the peace. The Kellin Union Commission met on Monday.';
    expect(withCompanyWord('Kellin Union', text)).toEqual([]);
  });
});
