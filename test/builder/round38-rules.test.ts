// Round 38 (REVIEW.md), from the development part's missed key facts: sentences dropped because a pronoun
// seemed to point outside them ("Columbia was lost when it broke up", "189 of those who died", "A couple
// ... They planned"), key phrases never found (what someone was charged with, a race time), and two
// "When ...?" questions that asked the wrong thing. Made-up names throughout.

import { describe, expect, it } from 'vitest';
import { findNumbers, numberVariants } from '../../src/builder/numbers.js';
import type { Entity } from '../../src/builder/types.js';
import { boundBefore } from '../../src/builder/distractors.js';
import { afterInitials, givenWhereSurnameShared, kindShortForms, nationalBody, writtenSpellings, writtenSubForms } from '../../src/builder/questions.js';
import { article, build, theTagger } from './helpers.js';

const questionsOf = (text: string, seeds: readonly number[] = [1, 2, 3, 4]) => seeds.flatMap((seed) => build(text, seed).deck.questions);
/** Every key the builder asks of `text` with six seeds (a seed may draw another kind, or another key). */
const keysOf = (text: string): string[] => questionsOf(text, [1, 2, 3, 4, 5, 6]).map((q) => String(q.answer));
const factsOf = (text: string) => build(text).deck.facts.map((f) => f.statement);

describe('a pronoun whose thing the sentence itself names', () => {
  it('keeps "it" as the subject of a clause of time after a named thing', () => {
    const text = article(
      'Space agency remembers lost craft',
      'The agency held a ceremony at its Kellin centre on Monday.',
      'Varnost Explorer was lost on March 3, 1994 when it broke up during re-entry, killing all five crew members.',
    );
    expect(factsOf(text).some((f) => f.startsWith('Varnost Explorer was lost'))).toBe(true);
    expect(questionsOf(text).some((q) => q.prompt.includes('Varnost Explorer') && (q.answer === 'March 3, 1994' || q.answer === 'five'))).toBe(true);
  });

  it('still drops an "it" that is the object of the subject’s own verb', () => {
    const text = article('Browser news', 'The Osterby browser was released in 2001.', 'Kellin Software has replaced it with three newer browsers since 2009.');
    expect(factsOf(text).some((f) => f.startsWith('Kellin Software has replaced it'))).toBe(false);
  });

  it('reads "those who died" and "those killed in ..." as naming their people, not pointing back', () => {
    const text = article(
      'Kellin ferry disaster remembered',
      'The sinking of the Varno ferry in 1987 killed 193 people, including 40 children.',
      '120 of those who died in the sinking were residents of Osterby.',
      'A memorial to those killed in the sinking was unveiled by Mayor Ana Lindqvist on Sunday.',
      'Nearly 30 of those injuries were caused by the cold water.',
    );
    const facts = factsOf(text);
    expect(facts.some((f) => f.includes('of those who died in the sinking were residents of Osterby'))).toBe(true);
    expect(facts.some((f) => f.includes('those killed in the sinking'))).toBe(true);
    // "those injuries" points back to injuries the sentence does not name.
    expect(facts.some((f) => f.includes('those injuries'))).toBe(false);
  });

  it('resolves "They" after "A ... couple ..." to "the couple", without the words that describe it', () => {
    const text = article('Couple rescued in the desert', 'A Varnish couple in their 70s had rented a small car and were touring the Kellin valley. They planned to drive from Osterby to Sorvik on a dirt road.');
    const facts = factsOf(text);
    expect(facts).toContain('The couple planned to drive from Osterby to Sorvik on a dirt road.');
    // The describing word is a key of the sentence before: it is not repeated in this fact.
    expect(facts.some((f) => f.startsWith('The Varnish couple planned'))).toBe(false);
  });

  it('does not resolve "They" after an indefinite subject that is no group', () => {
    const text = article('Storm news', 'A Varnish truck in the left lane hit the barrier near Kellin on Monday. They planned to reopen the road to Osterby on Tuesday.');
    expect(factsOf(text).some((f) => f.includes('planned to reopen the road'))).toBe(false);
  });
});

describe('"When ...?" questions', () => {
  it('leaves out "back" with the date it goes with ("lost back on ...")', () => {
    const text = article(
      'Space agency remembers lost craft',
      'The agency held a ceremony at its Kellin centre on Monday.',
      'The Varnost Explorer was lost tragically back on March 3, 1994 after a fire in its engine.',
    );
    const when = questionsOf(text, [1, 2, 3, 4, 5, 6, 7, 8]).filter((q) => q.prompt.startsWith('When was the Varnost Explorer') || q.prompt.startsWith('When was Varnost Explorer'));
    expect(when.length).toBeGreaterThan(0);
    for (const q of when) expect(q.prompt).not.toMatch(/\bback\b/);
  });

  it('never asks "When ...?" of a date that belongs to a phrase with "until" ("until his trial on May 3")', () => {
    const text = article('Kellin man sentenced', 'Tomas Varno of Kellin was arrested at the Osterby station on January 9.', 'Varno remained in federal custody until his scheduled trial on May 3.', 'He was sentenced to six months in prison.');
    for (const q of questionsOf(text, [1, 2, 3, 4, 5, 6, 7, 8])) expect(q.prompt).not.toMatch(/^When did Varno remain/);
  });
});

describe('a month', () => {
  it('is no date inside a longer word ("by Mayor ...")', () => {
    const text = article('Kellin memorial opens', 'The memorial was unveiled by Mayor Ana Lindqvist on Sunday in front of 300 people.', 'It cost 2 million dollars, and work began in March.');
    const dates = build(text).analysis.entities.filter((e) => e.type === 'date').map((e) => e.name);
    expect(dates).not.toContain('May');
    expect(dates).toContain('March');
  });
});

describe('what someone was charged with', () => {
  it('is a key: the first charge of a list, of two words or more', () => {
    const text = article(
      'Kellin man charged',
      'Police in Kellin arrested Tomas Varno on Saturday night after a chase through the town centre.',
      'Varno was charged with reckless driving and resisting arrest.',
    );
    expect(questionsOf(text).some((q) => q.answer === 'reckless driving')).toBe(true);
  });

  it('is no key when it is one common word ("charged with murder")', () => {
    const text = article('Kellin man charged', 'Police in Kellin arrested Tomas Varno on Saturday night after a chase through the town centre.', 'Varno was charged with murder.');
    expect(questionsOf(text).some((q) => q.answer === 'murder')).toBe(false);
  });
});

describe('race times', () => {
  it('finds a time of hours, minutes and seconds, and one of minutes and hundredths, not a clock time', () => {
    const found = (text: string) => findNumbers(text).map((n) => `${n.shape}:${n.text}`);
    expect(found('Ana Varno won the marathon in 2:11:37, a course record.')).toContain('duration:2:11:37');
    expect(found('Lars Osterby ran 1:45.32 to win the 800 metres.')).toContain('duration:1:45.32');
    expect(found('The race started at 9:30 a.m. and the gates opened at 08:15:00 GMT.').some((n) => n.startsWith('duration'))).toBe(false);
  });

  it('offers wrong times written the same way, none of them the key', () => {
    for (const key of ['2:11:37', '1:45.32', '0:59:58']) {
      const shape = new RegExp(`^${key.replace(/\d/g, '\\d').replace(/\./g, '\\.')}$`);
      const others = numberVariants({ shape: 'duration', text: key }, 3, () => 0);
      expect(others).toHaveLength(3);
      for (const other of others) {
        expect(other).not.toBe(key);
        expect(other).toMatch(shape);
      }
    }
  });

  it('asks the winning time of a race', () => {
    const text = article('Varno wins in Kellin', 'Ana Varno of Sorvik won the Kellin marathon on Sunday with a time of 2:11:37, a course record.', 'Mika Osterby finished second, and Tove Lindqvist was third.');
    expect(questionsOf(text).some((q) => q.answer === '2:11:37')).toBe(true);
  });
});

describe('an office named by the title of who heads it', () => {
  it('is one organisation: "Varno County Sheriff’s Office", "Kellin District Attorney’s Office"', () => {
    const text = article(
      'Hikers found in Kellin park',
      "The Varno County Sheriff's Office assisted the park with the search on Monday.",
      "The Kellin District Attorney's Office charged Tomas Lindqvist with arson on Friday.",
    );
    const organisations = build(text).analysis.entities.filter((e) => e.type === 'organisation').map((e) => e.name);
    expect(organisations).toContain("Varno County Sheriff's Office");
    expect(organisations).toContain("Kellin District Attorney's Office");
  });

  it('leaves a sheriff before a name a title', () => {
    const text = article('Road to reopen', 'Varno County Sheriff Ana Sorvik said the road to Kellin would reopen on Monday after 3 days.');
    const people = build(text).analysis.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toContain('Ana Sorvik');
  });
});

// From the development part's regrade by two outside graders (stop 38): most WRONG items were a natural
// answer the quiz refused, often the article's own shorter name for the thing.
describe('the shorter names the article itself writes', () => {
  const thing = (type: 'person' | 'organisation' | 'place' | 'other', name: string, sure = true) => ({ name, forms: [name], type, sure });
  const options = (type: 'person' | 'organisation' | 'place' | 'other') => ({ englishWord: (w: string) => ['chrome', 'fame', 'global'].includes(w), land: (w: string) => ['Kellin', 'Varnia'].includes(w), demonym: (w: string) => w === 'Varnish', type });

  it('accepts a person’s name written short as the article writes it, any of its words', () => {
    const text = 'Ana Tove Lindqvist was tried beside Osterby Varno. Lindqvist was cleared, while Osterby was jailed.';
    expect(writtenSubForms('Ana Tove Lindqvist', text, [thing('person', 'Osterby Varno')], options('person'))).toContain('Lindqvist');
    expect(writtenSubForms('Osterby Varno', text, [thing('person', 'Ana Tove Lindqvist')], options('person'))).toContain('Osterby');
  });

  it('accepts the end of a thing’s name, never its first words nor a word another name holds', () => {
    const text = 'The Kellin Chrome browser is new. Users of Chrome like it. The Kellin Clipper left for Kellin. Fidel Varno and Raul Varno spoke; Varno said so.';
    expect(writtenSubForms('Kellin Chrome', text, [], options('organisation'))).toEqual(['Chrome']);
    expect(writtenSubForms('Kellin Clipper', text, [], options('other'))).toEqual([]);
    expect(writtenSubForms('Raul Varno', text, [thing('person', 'Fidel Varno')], options('person'))).not.toContain('Varno');
  });

  it('never takes a part a small word joins to the rest, a people’s word, or a land for a thing', () => {
    const text = 'She entered the Kellin Hall of Fame in 1990; Fame came late. The Varnish Film Festival opened; Varnish films won. The Kellin Airport reopened in Kellin.';
    expect(writtenSubForms('Kellin Hall of Fame', text, [], options('organisation'))).not.toContain('Fame');
    expect(writtenSubForms('Varnish Film Festival', text, [], options('other'))).not.toContain('Varnish');
    expect(writtenSubForms('Kellin Airport', text, [], options('place'))).not.toContain('Kellin');
  });

  it('accepts the article’s other spelling of a name, one letter off in a word', () => {
    const text = 'Cleopatra and Mark Antony were buried together, archaeologists think; Marc Antony died in 30 BC.';
    expect(writtenSpellings('Marc Antony', text)).toEqual(['Mark Antony']);
    expect(writtenSpellings('Ana Varno', 'Ana Varno met Ana Kellin.')).toEqual([]);
  });
});

describe('kinds of names written short', () => {
  const english = (word: string): boolean => ['atlantic', 'academy', 'peace'].includes(word);
  it('a firm by its own name before its trade, an award by its own name, a law by the name it goes by', () => {
    expect(kindShortForms('Varnolia Records', english)).toContain('Varnolia');
    expect(kindShortForms('Kellinmy Award', english)).toContain('Kellinmy');
    expect(kindShortForms('Academy Award', english)).not.toContain('Academy');
    expect(kindShortForms('Varnel Peace Prize', english).some((form) => form.startsWith('Varnel Peace'))).toBe(false);
    expect(kindShortForms('Osterman Antitrust Act', english)).toContain('Osterman Act');
  });
  it('a craft by its own name, a station by what it is named after', () => {
    expect(kindShortForms('Space Shuttle Kellinor', english)).toContain('Kellinor');
    expect(kindShortForms('HMS Varnolia', english)).toContain('Varnolia');
    expect(kindShortForms('Osterby Memorial Hall Station', english)).toContain('Osterby Memorial Hall');
  });

  it('a park without its kind, a capital without "D.C.", a nation’s service or amendment without the nation', () => {
    const text = article(
      'Boat sinks on lake',
      'Rangers at Kellin Lake NRA rescued six people on Monday after their boat sank near Varno Cove.',
      'The US Border Patrol helped rangers in Varno D.C. search the lake with 2 boats.',
    );
    const accepted = (answer: string) => questionsOf(text, [1, 2, 3, 4, 5, 6]).filter((q) => q.answer === answer).flatMap((q) => ('accept' in q ? (q.accept ?? []) : []));
    expect(accepted('US Border Patrol')).toContain('Border Patrol');
    expect(nationalBody('US Second Amendment', theTagger())).toBe('Second Amendment');
  });
});

describe('what is won or received', () => {
  it('is a key only when it is an award ("a silver medal"), not a victory, materials or decorations', () => {
    const text = article(
      'Kellin team honoured',
      'The Kellin robotics team was awarded a silver medal on Tuesday in the Varno Games in Osterby.',
      'Ana Lindqvist earned a surprise victory in the second round, the organisers said on Monday.',
      'Officials said they have not received the materials from the Sorvik club since March.',
    );
    const answers = keysOf(text);
    expect(answers).toContain('silver medal');
    expect(answers).not.toContain('surprise victory');
    expect(answers).not.toContain('materials');
  });
});

describe('an office holder named in passing is general knowledge', () => {
  it('drops the holder of a nation’s one office, of a land’s head named after them, and of a passing possessive', () => {
    const text = article(
      'Kellin team wins robotics prize',
      'The Kellin robotics team of six girls won a silver medal on Tuesday at the Osterby Games, drawing notice from critics of U.S. President Ana Lindqvist’s policies.',
      'The team had been denied visas until last week, the organisers said on Monday.',
      'The girls built a robot that sorts plastic from paper in 40 seconds.',
      'Their coach Mika Osterby said the team trained for 300 hours.',
      'Secretary of State Piet Sorvik told reporters on Friday that the visas were granted in error.',
      'The prize ceremony took place near the summer home of Tove Varno, president of Egypt, on the coast.',
    );
    const answers = keysOf(text);
    expect(answers).toContain('silver medal');
    for (const name of ['Ana Lindqvist', 'Piet Sorvik', 'Tove Varno']) expect(answers).not.toContain(name);
  });
});

describe('a pronoun after "Due to ..."', () => {
  it('is resolved as after any fronted phrase', () => {
    const text = article(
      'Kellin prisoner released',
      'Tomas Varno was jailed in Osterby in 2001 for the bombing of a Kellin ferry.',
      'Due to suffering from heart disease, he was released from prison on Monday.',
    );
    const facts = factsOf(text);
    expect(facts.some((f) => f.includes('Tomas Varno was released from prison on Monday'))).toBe(true);
    expect(facts.some((f) => /, he was released/.test(f))).toBe(false);
  });
});

// Round 39, from the development part's regrade (stop 38): two more person names the quiz refused.
describe('a person’s name typed short (round 39)', () => {
  it('accepts the surname after initials, not an English word nor a word another name holds', () => {
    expect(afterInitials('AS Varnolt', [], () => false)).toBe('Varnolt');
    expect(afterInitials('J. R. Kellinor', [], () => false)).toBe('Kellinor');
    expect(afterInitials('US Senate', [], (w) => w === 'senate')).toBeNull();
    expect(afterInitials('AS Varnolt', [{ name: 'Tove Varnolt', forms: [], type: 'person', sure: true }], () => false)).toBeNull();
  });

  it('accepts the given name where another person has the surname, unless that is the same name spelt otherwise', () => {
    const person = (name: string): Entity => ({ id: name, type: 'person', name, forms: [name], subtype: 'person', first: 0, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true });
    expect(givenWhereSurnameShared('Piet Varno', [person('Ana Varno')])).toBe('Piet');
    expect(givenWhereSurnameShared('Piet Varno', [person('Ana Kellin')])).toBeNull();
    expect(givenWhereSurnameShared('Piet Varno', [person('Piet Varno'), person('Pieter Varno')])).toBeNull();
    expect(givenWhereSurnameShared('Marco Varno', [person('Marko Varno')])).toBeNull();
  });
});

describe('wrong choices for a count the article gives as a bound (round 39)', () => {
  it('reads "at least", "more than", "over" as a lower bound, "fewer than", "within" as an upper one, "up to" as neither', () => {
    expect(boundBefore('were killed and at least ')).toBe('lower');
    expect(boundBefore('with gusts over ')).toBe('lower');
    expect(boundBefore('in fewer than ')).toBe('upper');
    expect(boundBefore('airspace was closed up to ')).toBeNull();
    expect(boundBefore('a total of ')).toBeNull();
  });

  it('asks such a count typed, never as a choice or a swapped statement', () => {
    const text = article(
      'Storm hits Kellin',
      'At least 116 people were injured when the storm hit Kellin on Sunday, the Varno hospital said.',
      'The storm destroyed 40 homes in Osterby and 12 in Sorvik.',
    );
    const asked = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => build(text, seed).deck.questions).filter((q) => q.answer === '116' || (q.kind === 'true-false' && q.prompt.includes('injured')));
    expect(asked.length).toBeGreaterThan(0);
    for (const q of asked) expect(q.kind === 'cloze' || q.kind === 'short-answer', `${q.kind}: ${q.prompt}`).toBe(true);
  });
});
