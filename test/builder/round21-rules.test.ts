// Round 21 (REVIEW.md, "Round 21"): typed answers accept the short forms a teacher marks right, from the
// regrade's "equally right, not accepted" grades. Every article and sentence here is made up, and the
// builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { fullerNames, initialsOf, personShortForms } from '../../src/builder/questions.js';
import type { Entity } from '../../src/builder/types.js';
import type { ClozeQuestion, ShortAnswerQuestion } from '../../src/domain/deck.js';
import { isLenientMatch } from '../../src/grading/grade-answer.js';
import { article, build, judgeLastClause, theTagger } from './helpers.js';

/** The typed questions (cloze, short answer) asking for `answer`, with what each accepts. */
type Typed = ClozeQuestion | ShortAnswerQuestion;
function typedOn(text: string, answer: string): Typed[] {
  return build(text).deck.questions.filter((q): q is Typed => (q.kind === 'cloze' || q.kind === 'short-answer') && q.answer === answer);
}

const accepted = (q: Typed): string[] => [q.answer, ...(q.accept ?? [])];

describe('a person asked by full name', () => {
  const text = article(
    'Kellin Osterby wins the Sorvik marathon',
    'Kellin Osterby won the Sorvik marathon on Sunday, finishing in two hours and nine minutes.',
    'Dale Varno, Jr. finished third for the third year in a row, a minute behind the winner.',
    'The race drew 14,000 runners this year, a record for the city of Sorvik.',
  );

  it('accepts the surname and the name without "Jr." that the article never writes alone', () => {
    const questions = typedOn(text, 'Dale Varno, Jr.');
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      expect(q.accept).toEqual(expect.arrayContaining(['Dale Varno', 'Varno']));
      expect(isLenientMatch('Varno', accepted(q)).match).toBe(true);
      expect(isLenientMatch('Varno Jr', accepted(q)).match).toBe(false);
    }
  });

  it('does not accept a surname another person of the article shares', () => {
    const shared = article(
      'Kellin Osterby wins the Sorvik marathon',
      'Kellin Osterby won the Sorvik marathon on Sunday, finishing in two hours and nine minutes.',
      'Ana Varno finished third for the third year in a row, a minute behind the winner.',
      'Her brother Piet Varno led the race for 30 kilometres before he fell back to ninth.',
    );
    const questions = [...typedOn(shared, 'Ana Varno'), ...typedOn(shared, 'Piet Varno')];
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(q.accept ?? []).not.toContain('Varno');
  });
});

describe('an organisation asked by its full name', () => {
  it('accepts initials the article writes, and no made-up ones', () => {
    const text = article(
      'Record crowd at the Sorvik final',
      'The Kellin Football League said the Sorvik final drew 94,000 fans this year, a record for the city.',
      'The Federal Bureau of Athletics said the Sorvik marathon drew 14,000 runners on the same day.',
      'Kellin Osterby won the race on Sunday in two hours and nine minutes, the KFL said.',
    );
    const league = typedOn(text, 'Kellin Football League');
    const bureau = typedOn(text, 'Federal Bureau of Athletics');
    expect(league.length + bureau.length).toBeGreaterThan(0);
    for (const q of league) expect(isLenientMatch('KFL', accepted(q)).match).toBe(true);
    for (const q of bureau) expect(q.accept ?? []).not.toContain('FBA');
  });

  it('reads initials only off a name of three to five capitalised words', () => {
    expect(initialsOf('National Lindqvist Service')).toBe('NLS');
    expect(initialsOf('the Bank of Kellin Harbour')).toBe('BKH');
    // Two words make initials nobody writes; six are no acronym either.
    expect(initialsOf('the Bank of the Harbour')).toBeNull();
    expect(initialsOf('Varno Kellin Harbour Sorvik Osterby Board')).toBeNull();
    expect(initialsOf('Varno city council')).toBeNull();
  });
});

describe('a date asked with its day of the week', () => {
  it('accepts the date alone', () => {
    const text = article(
      'Kellin Osterby wins the Sorvik marathon',
      'Kellin Osterby won the Sorvik marathon in two hours and nine minutes.',
      'The new bridge over the river opened on Saturday, June 27th.',
    );
    const questions = typedOn(text, 'Saturday, June 27th');
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(isLenientMatch('June 27', accepted(q)).match).toBe(true);
  });
});

describe('a one-word name the article writes in full elsewhere', () => {
  const lexicon = theTagger();

  it('accepts the full name, without the title or the opener before it', () => {
    const text = 'The party said its deputy, Information Minister Tendo Kellinu, was charged. When Tendo Kellinu left, Kellinu said nothing.';
    expect(fullerNames('Kellinu', text, lexicon)).toEqual(['Tendo Kellinu']);
    expect(fullerNames('Tendo', text, lexicon)).toEqual(['Tendo Kellinu']);
  });

  it('takes no word that is no name: a name word of an organisation, a preposition, a possessive, a day', () => {
    expect(fullerNames('Kellinu', 'Kellinu National Bank said so.', lexicon)).toEqual([]);
    expect(fullerNames('Kellinu', 'Unlike Kellinu, the others stayed.', lexicon)).toEqual([]);
    expect(fullerNames('Kellinu', "Sorvik's Kellinu won.", lexicon)).toEqual([]);
    expect(fullerNames('Kellinu', 'It was Kellinu Sunday again.', lexicon)).toEqual([]);
    expect(fullerNames('Kellinu', 'the Kellinu Prize-winning crew', lexicon)).toEqual([]);
  });

  it('takes nothing for a key that is a common word ("Democrat")', () => {
    expect(fullerNames('Democrat', 'Democrat Kellin Osterby of Sorvik voted against it.', lexicon)).toEqual([]);
  });
});

describe('surnames a teacher would accept, and those he would not', () => {
  const person = (name: string, sure = true): Entity => ({ id: `person:${name}`, type: 'person', name, forms: [name], subtype: '', first: 0, sortKey: null, titles: [], sure }) as unknown as Entity;
  const article = 'Harbour master {} said the repairs cost 40,000 euros.';

  it('takes a surname with its particle', () => {
    expect(personShortForms(person('Ana van Osterby'), [], article)).toEqual(['van Osterby']);
  });

  it('takes no hyphenated given name written after the family name', () => {
    expect(personShortForms(person('Kim Ha-neul'), [], article)).toEqual([]);
  });

  it('takes no surname another person of the article shares', () => {
    const ana = person('Ana Varno');
    expect(personShortForms(ana, [ana, person('Piet Varno')], article)).toEqual([]);
    expect(personShortForms(ana, [ana, person('Piet Kellin')], article)).toEqual(['Varno']);
  });

  it('takes a common word for a surname only from a name the builder is sure of', () => {
    expect(personShortForms(person('Kellin Movie Database', false), [], article, theTagger())).toEqual([]);
    expect(personShortForms(person('Ana Hill'), [], article, theTagger())).toEqual(['Hill']);
  });

  it('takes no common word the article writes in lower case too', () => {
    expect(personShortForms(person('Ana Anchor'), [], 'Ana Anchor said the anchor of the ferry was lost.')).toEqual([]);
  });
});

describe('"her" before a word the tagger reads as a verb', () => {
  const lead = 'The opposition leader Ana Osterby said on Monday she was open to talks with the government.';

  it('is a possessive after a preposition or before "\'s"', () => {
    expect(judgeLastClause(article('Ana Osterby open to talks', lead, "During her campaign, her party's deputy, Tendo Kellinu, was charged with treason.")).fact).toBe(
      "During Ana Osterby’s campaign, Ana Osterby’s party's deputy, Tendo Kellinu, was charged with treason.",
    );
  });

  it('is an object before a verb after a verb', () => {
    expect(judgeLastClause(article('Ana Osterby open to talks', lead, 'Police saw her leave the harbour at 9 p.m.')).fact).toBe('Police saw Ana Osterby leave the harbour at 9 p.m.');
  });
});

// Round 21's second part, from the thirteenth batch's untuned grades ("Presidents George W. Bush" as a key).
describe('a plural title before the names it covers', () => {
  it('asks "Presidents _____ and Piet Kellin" for the name alone', () => {
    const text = article(
      'Kellin correspondent Ana Osterby retires',
      'Ana Osterby, who covered the Varno presidency for 40 years, retired on Monday after a row over her remarks.',
      'Osterby did little to hide her views, with her questions to Presidents Tomas Lindqvist and Piet Sorvik often about the wars in the north.',
    );
    const answers = build(text).candidates.filter((c) => c.stage === 'question').map((c) => c.answer ?? '');
    expect(answers.some((a) => /^Presidents\b/.test(a)), answers.join(' | ')).toBe(false);
    expect(answers).toContain('Tomas Lindqvist');
  });

  it('leaves a plural that ends a name ("Board of Directors") as it is', () => {
    const text = article(
      'Varno harbour sold',
      'The Varno Harbour Board of Directors agreed on Monday to sell the harbour to Kellin Shipping for 40 million euros.',
    );
    const answers = build(text).candidates.filter((c) => c.stage === 'question').map((c) => c.answer ?? '');
    expect(answers.some((a) => /\bof$/.test(a)), answers.join(' | ')).toBe(false);
  });
});

describe('a lone word many names share after a title word', () => {
  it('reads "Varno Press International" as no title before a person "International"', () => {
    const text = article(
      'Kellin correspondent Ana Osterby retires',
      'Ana Osterby has been a correspondent for forty years, and she worked for decades as a harbour correspondent for Varno Press International before she became a columnist.',
    );
    const answers = build(text).candidates.filter((c) => c.stage === 'question').map((c) => c.answer ?? '');
    expect(answers, answers.join(' | ')).not.toContain('International');
  });
});

// Round 22 (stop 32), from the fourteenth batch's untuned grades ("Democrat Paul G. Kirk", "Congressmen Mike
// Capuano" as keys).
describe('a party label or a plural title before a name', () => {
  const answersOf = (text: string): string[] => build(text).candidates.filter((c) => c.stage === 'question').map((c) => c.answer ?? '');

  it('asks "Democrat _____" for the name alone', () => {
    const answers = answersOf(article(
      'Varno seat to be filled',
      'At the time, Kellin governor Ana Osterby named Democrat Piet Lindqvist as a temporary replacement for the seat.',
      'Lindqvist served for five months before a special election in Sorvik.',
    ));
    expect(answers.some((a) => /^Democrat\b/.test(a)), answers.join(' | ')).toBe(false);
    expect(answers).toContain('Piet Lindqvist');
  });

  it('keeps "Republican Party" an organisation', () => {
    const answers = answersOf(article(
      'Varno governor answers the speech',
      "The Republican Party's response to the speech came from the governor of Varno, Ana Osterby, on Tuesday night.",
    ));
    expect(answers.some((a) => /Republican Party/.test(a)), answers.join(' | ')).toBe(true);
  });

  it('asks "Congressmen _____ and Tomas Sorvik" for the name alone', () => {
    const answers = answersOf(article(
      'Varno poll',
      'A poll shows Ana Osterby ahead of potential nominees Piet Lindqvist, former Congressman Jon Berglund, and Congressmen Kellin Varno and Tomas Sorvik.',
    ));
    expect(answers.some((a) => /Congressmen/.test(a)), answers.join(' | ')).toBe(false);
  });
});

describe('a title the article also writes in the plural', () => {
  it('asks no "Who is the Republican Senator named in the article?" beside "Republican Senators Ana Varno, ..."', () => {
    const text = article(
      'Varno senator to run again',
      'Republican Senator Tomas Lindqvist said on Monday he would run again for his seat in Kellin next year.',
      'After the defeat, Republican Senators Ana Varno of Sorvik and Piet Osterby of Berglund each asked Lindqvist to run.',
    );
    const role = build(text).candidates.filter((c) => c.stage === 'question' && /Who is the Republican Senator/.test(c.text ?? ''));
    expect(role.length).toBeGreaterThan(0);
    expect(role.some((c) => c.kept)).toBe(false);
    expect(role.map((c) => c.reason).join(' | ')).toMatch(/ambiguous: the article names others with this title, in the plural/);
  });
});
