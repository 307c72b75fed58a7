// The rules on sentences and facts that keep a drafted question true and readable on its own, each named
// in `--explain`: one-candidate (a pronoun is resolved only when exactly one fitting person is in scope),
// stand-alone (no "This decision ...", "the latter"), markup (wiki marks never shown), minor-detail
// (broadcasts, the next event, caution laps), statement-trim (a true statement cut to its fact's clause),
// kind-check (a kind the self-check often flags on an article is not asked there). Short articles of our own; names and places invented.

import { describe, expect, it } from 'vitest';
import type { FactDraft } from '../../src/builder/facts.js';
import { trimToFact, type Considered, type QuestionDraft } from '../../src/builder/questions.js';
import { untrustedKinds } from '../../src/builder/select.js';
import type { QuestionKind } from '../../src/domain/deck.js';
import { judgeLastClause } from './helpers.js';

const judge = judgeLastClause;

describe('one-candidate: a pronoun is resolved only when one fitting person is in scope', () => {
  it('does not give "He" to the teammate the sentence before names, when it also speaks of another man', () => {
    const { verdict } = judge('Crash in Lima\nDriver Tomas Brandt crashed at the Lima circuit on Sunday.\nHis teammate Marco Ode finished the race in fifth place.\nHe was moved to a hospital in Quito.');
    expect(verdict).toMatch(/^pronoun: one-candidate: "he" could be any of .*Marco Ode/);
    expect(verdict).toMatch(/Tomas Brandt/);
  });

  it('lets the person the headline names compete with a man named in passing', () => {
    const { verdict } = judge('Tomas Brandt hurt in Lima crash\nTomas Brandt crashed at the Lima circuit on Sunday.\nTeammate Marco Ode finished the race in fifth place.\nHe was moved to a hospital in Quito.');
    expect(verdict).toMatch(/^pronoun: one-candidate: "he" could be any of (?:Teammate )?Marco Ode, Tomas Brandt/);
  });

  it('does not give a son’s career to the father named in the sentence before', () => {
    const { verdict } = judge('Racing\nCarlos Ruiz joined the Lima team on Monday.\nHis father, Pedro Ruiz, raced in Quito in the 1980s.\nHe won his first race in 1998.');
    expect(verdict).toMatch(/^pronoun: one-candidate: "he" could be any of/);
  });

  it('resolves "she" when the only other person of the sentence before is an unnamed relative of the article’s subject', () => {
    const article = 'Ana Ruiz dies at 80\nAna Ruiz was born in Lima in 1942, and she grew up there.\nHer mother died in 1950, when she was eight.\nShe became a nurse in Quito in 1961.';
    expect(judge(article).fact).toBe('Ana Ruiz became a nurse in Quito in 1961.');
  });

  it('leaves "she" unresolved beside an unnamed relative when the article is about no one in particular', () => {
    const { verdict } = judge('Obituaries\nAna Ruiz was born in Lima in 1942.\nHer mother died in 1950.\nShe became a nurse in Quito in 1961.');
    expect(verdict).toMatch(/^pronoun: one-candidate: "she" could be Ana Ruiz or the mother/);
  });

  it('resolves a "he" inside the sentence when one man fits, and shows the name', () => {
    expect(judge('Crash\nTomas Brandt crashed at the Lima circuit on Sunday.\nDoctors in Quito said he was stable on Monday.').fact).toBe('Doctors in Quito said Tomas Brandt was stable on Monday.');
  });

  it('drops a sentence whose inner "he" could be either of two men', () => {
    const { verdict } = judge('Crash\nTomas Brandt and Marco Ode crashed at the Lima circuit on Sunday.\nDoctors in Quito said he was stable on Monday.');
    expect(verdict).toMatch(/^pronoun: one-candidate: "he" could be any of Tomas Brandt, Marco Ode/);
  });

  it('keeps a fronted "his" that the subject after it names', () => {
    expect(judge('Trip\nThe Lima office announced a trip on Monday.\nDuring his visit to Quito, Tomas Brandt will meet the mayor on June 3.').fact).toBe(
      'During his visit to Quito, Tomas Brandt will meet the mayor on June 3.',
    );
  });

  it('keeps a "his" that a relative named without a name in the clause stands for', () => {
    const article = 'Obituary: Ana Ruiz\nAna Ruiz was born in Lima in 1942, and she grew up there with her family.\nHer father was a preacher, and she sang at his church in Quito.';
    expect(judge(article).fact).toBe('Ana Ruiz’s father was a preacher, and she sang at his church in Quito.');
  });
});

describe('stand-alone: a fact that needs the sentence before is not asked', () => {
  it.each([
    ['a demonstrative subject', 'Those caps gave Harbour Bank 90 percent of the market in Lima.', /^stand-alone: "Those caps"/],
    ['"the latter"', 'The latter was sold to Harbour Bank in Lima in 2004.', /^stand-alone: "The latter"/],
    ['"in the second case"', 'In the second case, the court in Lima fined Harbour Bank $40 million.', /^stand-alone: "In the second case"/],
  ])('drops %s', (_name, sentence, reason) => {
    expect(judge(`Headline Here\n${sentence}`).verdict).toMatch(reason);
  });

  it('leaves out a fronted phrase that points back, keeping the rest', () => {
    expect(judge('Vaccine\nBased on these data, a trial of the vaccine began in Lima on April 23.').fact).toBe('a trial of the vaccine began in Lima on April 23.');
  });

  it('keeps "This visit" when the headline, shown above every question, says which', () => {
    expect(judge('Ana Ruiz plans visit to Lima\nThis visit follows an agreement signed in Quito last year.').verdict).toBeNull();
  });

  it('keeps a clause that opens with "this" with the clause it points back to', () => {
    expect(judge('Banks\nHarbour Bank held 70 percent of the market in 2009; this has dropped to 56 percent today.').fact).toBe(
      'Harbour Bank held 70 percent of the market in 2009; this has dropped to 56 percent today.',
    );
  });

  it('keeps "the former Soviet Union"', () => {
    expect(judge('Prize\nAna Ruiz received the Harbour Prize in 1991 for her work in the former Soviet Union.').verdict).toBeNull();
  });
});

describe('markup: wiki marks are never shown', () => {
  it('shows a link and bold text as the words they wrap', () => {
    const { fact } = judge("Crash\nTomas Brandt was moved to a hospital in [[Quito|the city of Quito]] on '''Monday''', June 3.");
    expect(fact).toBe('Tomas Brandt was moved to a hospital in the city of Quito on Monday, June 3.');
  });

  it('drops a file line', () => {
    expect(judge('Crash\nFile:Lima circuit 2014.jpg|thumb|The Lima circuit, where Tomas Brandt crashed on Sunday.').verdict).toMatch(/^markup: /);
  });
});

describe('minor-detail: logistics and trivia are not asked', () => {
  it.each([
    ['a broadcast', 'The race will be broadcast live on Canal 5 in Lima on Sunday.', /^minor-detail: how an event is broadcast/],
    ['the next event', 'The next race takes place in Quito on June 3.', /^minor-detail: the schedule of the next event/],
    ['caution laps', 'The race in Lima had six caution periods for 28 laps.', /^minor-detail: laps run under caution/],
    ['the article itself', 'Ana Ruiz speaks at length on many topics, this is the first article from the interview in Lima.', /^minor-detail: about the article or the interview itself/],
    ['how an interview was arranged', 'After attempts to contact Ms Ruiz via email, she sent a telephone number on Monday.', /^minor-detail: how the interview was arranged/],
  ])('drops %s', (_name, sentence, reason) => {
    expect(judge(`Headline Here\n${sentence}`).verdict).toMatch(reason);
  });
});

describe('statement-trim: a true/false statement is cut to the clause that carries its fact', () => {
  it('cuts a trailing attribution', () => {
    expect(trimToFact('The Harbour Council approved a budget of $40 million for the new port in Lima on Monday, the council’s spokesman Tomas Brandt said.', null)).toBe(
      'The Harbour Council approved a budget of $40 million for the new port in Lima on Monday.',
    );
  });

  it('cuts a clause about a name', () => {
    expect(trimToFact('Harbour Bank designed its loans, which are sold in twelve countries across the region, to favour customers in Lima over those in Quito.', null)).toBe(
      'Harbour Bank designed its loans to favour customers in Lima over those in Quito.',
    );
  });

  it('keeps a cut from losing the swapped key of a false statement', () => {
    const long = 'After a long meeting with the mayor and the council, the Harbour Council approved a budget of $40 million for the port in Lima, which opened in 1990.';
    expect(trimToFact(long, 'in 1990')).toBe('The Harbour Council approved a budget of $40 million for the port in Lima, which opened in 1990.');
  });

  it('gives no statement when no cut brings it to 25 words', () => {
    const long = `Ana Ruiz ${'met the mayor and the council and the press '.repeat(4)}in Lima.`;
    expect(trimToFact(long, null)).toBeNull();
  });
});

describe('kind-check: a kind the self-check flags often on an article is left out there', () => {
  const make = (kind: QuestionKind, flagged: boolean): Considered =>
    ({ kind, fact: {} as FactDraft, text: '', answer: '', entity: null, dropped: flagged ? 'self-check: no verb' : null, draft: flagged ? null : ({} as QuestionDraft) }) as Considered;

  it('names the kind when three or more of its drafts, and 40% of them, were flagged', () => {
    const considered = [...[1, 2, 3].map(() => make('short-answer', true)), ...[1, 2, 3, 4].map(() => make('short-answer', false)), ...[1, 2, 3].map(() => make('cloze', true)), ...Array.from({ length: 10 }, () => make('cloze', false))];
    expect([...untrustedKinds(considered)]).toEqual([['short-answer', '3 of 7']]);
  });
});
