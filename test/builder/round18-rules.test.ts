// Round 18 (REVIEW.md, "Round 18"): names cut at a word the finder left outside them, and a place typed as a
// person. The classes come from the WRONG items of the test part's last grading; every article and sentence
// here is made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/builder/numbers.js';
import { typeWordOf } from '../../src/builder/questions.js';
import { badGrammar } from '../../src/builder/self-check.js';
import type { Mention } from '../../src/builder/types.js';
import { article, build, expectCut, expectNotCutBy, keyCandidates, theTagger } from './helpers.js';

describe('a capitalised word right before a key begins its name', () => {
  it('asks no "Control of Salt _____" and no "Operation _____"', () => {
    const text = article(
      'Children in Varno lack salt',
      'Professor Anna Lind, Chairman of the Osterby Centre for Control of Salt Deficiency Disorders, says that children in Varno need more salt. Posts on the message board of the critic site Operation Sandcastle said the site of the Kellin Church was down on Friday.',
    );
    expectCut(text, 'Deficiency Disorders', 'self-check');
    expectCut(text, 'Sandcastle', 'self-check');
  });

  it('leaves a person after the end of a title ("Mayor of Kellin") or a people\'s name ("Tunisian")', () => {
    const text = article(
      'Varno wins the Kellin marathon',
      'The Mayor of Kellin Tomas Berglund said the race had gone well. Tunisian Abdel Sorvik set an African record with a time of 2:26:56 in the race.',
    );
    expectNotCutBy(text, 'Tomas Berglund', 'self-check');
    expect(keyCandidates(text, 'Abdel Sorvik').reasons.join(' | ')).not.toMatch(/right before it begins the name/);
  });
});

describe('the words of one name listed with commas and "and"', () => {
  it('asks no word of "the Kellin Research Safety, Fraud and Anti-spam Group"', () => {
    const text = article('Researchers break a cipher', 'The team of Osterby University worked with the Kellin Research Safety, Fraud and Anti-spam Group to find the flaw in the cipher.');
    expectCut(text, 'Fraud', 'self-check');
    expect(keyCandidates(text, 'Kellin Research Safety').kept).toBe(false);
  });
});

describe('a title and its subtitle joined by a colon are one name', () => {
  it('asks neither "_____: 2099" nor "Harbour: _____"', () => {
    const text = article('Actor Greg Lindqvist dies', 'During the 1970s, Greg Lindqvist was seen on television in Harbour: 2099 and in several films made in Osterby.');
    expect(keyCandidates(text, 'Harbour').kept).toBe(false);
    expect(keyCandidates(text, '2099').kept).toBe(false);
  });
});

describe('an everyday word after "X in the" ends a title', () => {
  it('asks no "Ghost in the _____"', () => {
    const text = article('Film maker thanks musicians', 'Eric Berglund of Varnoway and Ghost in the Machine allowed the band to use his music in the film, which opened in Osterby.');
    expect(keyCandidates(text, 'Machine').kept).toBe(false);
  });
});

describe('a body and a person run together', () => {
  it('asks no "Harbour Council Idris Okonkwo" but keeps "Coastal Forces Central Command"', () => {
    const text = article(
      'Varno plans new asylum forms',
      'After the leak, chief executive of the Harbour Council Idris Okonkwo told reporters that the process must be well thought out. Vice Admiral Bill Varno, of the Coastal Forces Central Command, praised the crew of the ship.',
    );
    expect(keyCandidates(text, 'Harbour Council Idris Okonkwo').kept).toBe(false);
    expectNotCutBy(text, 'Coastal Forces Central Command', 'self-check');
  });
});

describe('after "in" a first name does not make a person', () => {
  it('types "Mary Linden" as no person, and keeps "Ann Lindqvist" one', () => {
    const text = article(
      'Painter arrested at Varno airport',
      'Kellin, who worked as a painter in Mary Linden, was arrested on July 28, 2009 near the airport of Varno. Ann Lindqvist, his lawyer, said he would plead not guilty.',
    );
    const types = new Map(build(text).analysis.entities.map((e) => [e.name, e.type]));
    expect(types.get('Mary Linden')).toBeDefined();
    expect(types.get('Mary Linden')).not.toBe('person');
    expect(types.get('Ann Lindqvist')).toBe('person');
  });
});

describe('a title that spells the key a letter otherwise gives it away', () => {
  it('asks no "Kellinor" under "... on Cyclone Kelinor", but asks "Osterby Journal of Kellin" under "Kellins ..."', () => {
    const storm = article('Wikinews interviews experts on Cyclone Kelinor', 'As of the last advisory, Kellinor has winds of 190 kilometers per hour and has moved inland. Anna Berglund of the Kellin Weather Office said Kellinor would weaken.');
    expectCut(storm, 'Kellinor', 'giveaway');
    const journal = article('Kellins lack salt, study finds', 'The results of the National Salt Study, published in the Osterby Journal of Kellin this week, show that children in Kellin lack salt.');
    expect(keyCandidates(journal, 'Osterby Journal of Kellin').reasons.join(' | ')).not.toMatch(/spelt a letter otherwise/);
  });
});

describe('people listed after a comma count the key', () => {
  const text = article(
    'Two footballers among dead in Varno crash',
    'Two of the dead are Kellin United FC football players, Matthew Berglund and Jacob Sorvik, who were on their way to a match. Footage from the airport showed two women, ostensibly Anna Lind and Eva Osterby, walking up to the desk. Three of the injured were taken to Osterby.',
  );
  it('asks neither "_____ of the dead are ..., A and B" nor "showed _____ women, ostensibly A and B"', () => {
    expectCut(text, 'Two', 'given-count');
    expectCut(text, 'two', 'given-count');
  });
  it('leaves a count no list follows', () => {
    expect(keyCandidates(text, 'Three').reasons.join(' | ')).not.toMatch(/given-count/);
  });
});

describe('a name before a common noun is no object to ask about', () => {
  it('asks no "Which organisation are two of the dead ...?"', () => {
    const text = article('Crash at Varno air show', 'Two of the dead are Kellin United FC football players from the town of Osterby.');
    const prompts = build(text).candidates.filter((c) => c.stage === 'question' && c.kind === 'short-answer').map((c) => c.text);
    expect(prompts.join(' | ')).not.toMatch(/Which organisation are/i);
  });
});

describe('a relative pronoun is no subject of a question', () => {
  it('finds "Where did who serve ...?" ungrammatical', () => {
    expect(badGrammar('Where did who serve as a member of the Kellin Guard, had his leg amputated after being shot?', 'short-answer', theTagger())).toMatch(/relative pronoun/);
    expect(badGrammar('Where did Kellin Varno serve as a member of the Kellin Guard?', 'short-answer', theTagger())).toBeNull();
  });
});

describe('"but" and an adverb before a verb form go on the same clause', () => {
  it('asks "Who is presently alive but critically injured in hospital?", not "Who is presently alive?"', () => {
    const text = article('Plane crash at Varno air show', 'Pilot Kellin Osterby is presently alive but critically injured in hospital. The plane hit cars on the road near the town.');
    const prompts = build(text).candidates.filter((c) => c.stage === 'question' && c.kind === 'short-answer' && c.kept).map((c) => c.text);
    expect(prompts).toContain('Who is presently alive but critically injured in hospital?');
  });
});

describe('a key that copies a slip of the article is not asked', () => {
  it('asks no "Varnoski" where the article writes "Varnovski" more often, nor "Beto Marerro World" beside "Beto Marrero"', () => {
    const text = article(
      'Varnovski released from Kellin prison',
      'Tomas Varnovski was arrested in 2009 near the airport of Kellin. Varnovski had worked as a painter in Osterby. His lawyer spoke in the lead up to Varnoski\'s release from the prison. Beto Marrero founded the park in 1991. Beto Marerro World in the state of Sorvik is the largest park in the region.',
    );
    expectCut(text, 'Varnoski', 'misspelt');
    expectCut(text, 'Beto Marerro World', 'misspelt');
  });

  it('leaves a people\'s name beside its country, and a form that differs at its end', () => {
    const text = article(
      'Ship hijacked off Somalia',
      'The ship of the Varno Line was hijacked by Somali pirates off the coast of Somalia on Monday. Somalia has no navy. The Kellinic Games open in Osterby, where the Kellinics last met in 2010.',
    );
    expect(keyCandidates(text, 'Somali').reasons.join(' | ')).not.toMatch(/misspelt/);
    expect(keyCandidates(text, 'Kellinic Games').reasons.join(' | ')).not.toMatch(/misspelt/);
  });
});

describe('a body named for its building, where something happens, gets no type word', () => {
  const centre = (text: string): Mention => {
    const name = 'Varno Convention Centre';
    const start = text.indexOf(name);
    return { entity: { name, type: 'organisation', sure: true }, start, end: start + name.length, outerStart: text.lastIndexOf('the', start) === start - 4 ? start - 4 : start, text: name, sentence: 0, title: null } as unknown as Mention;
  };
  it('asks "Which of these" for "took place at the Varno Convention Centre", "Which organisation" for "of the Varno Convention Centre said"', () => {
    const at = 'The 22nd Kellin Expo took place at the Varno Convention Centre this weekend.';
    const of = 'Anna Lind of the Varno Convention Centre said the hall was full.';
    expect(typeWordOf(centre(at), at)).toBeNull();
    expect(typeWordOf(centre(of), of)).toBe('organisation');
  });
});

describe('names of things and titles are no people; a hyphen is no disguise', () => {
  it('types "Walter Fighting Vehicle" as no person', () => {
    const text = article('Troops arrive in Varno', 'The deployment is set to include Kellin tanks, Walter Fighting Vehicles and Osterby artillery. Walter Fighting Vehicle crews trained in Varno.');
    const types = new Map(build(text).analysis.entities.map((e) => [e.name, e.type]));
    expect([...types.keys()].some((name) => name.startsWith('Walter Fighting Vehicle'))).toBe(true);
    for (const [name, type] of types) if (name.startsWith('Walter Fighting Vehicle')) expect(type, name).not.toBe('person');
  });

  it('asks no "Conservative MSP", a title, as a key', () => {
    const text = article('Varno votes for the bill', 'Conservative MSP (Member of the Varno Parliament) Anna Lind argued in Parliament that the bill matters to the future of the country. The vote was held on Tuesday in Osterby.');
    expect(keyCandidates(text, 'Conservative MSP').kept).toBe(false);
  });

  it('asks no "Wi-Fi" under a title that writes "WiFi"', () => {
    const text = article('Researchers find flaw in Kellin WiFi protocol', 'On Monday Anna Lind of Osterby University disclosed a flaw in the protocol. The KLN2 protocol has been used for more than a decade, and has been compulsory for Wi-Fi since 2006.');
    expect(keyCandidates(text, 'Wi-Fi').kept).toBe(false);
  });
});

describe('a count that opens a sentence before a name', () => {
  it('finds "Two" in "Two Kellin employees were killed", but no count in "Three Rivers"', () => {
    expect(findNumbers('Two Kellin employees were killed and at least 116 were injured.').map((n) => n.text)).toEqual(['Two', '116']);
    expect(findNumbers('The fans went to Three Rivers Stadium.').map((n) => n.text)).toEqual([]);
  });
  it('asks it', () => {
    const text = article('Train crash near Varno', 'Two Kellin employees were killed and at least 116 were injured, some seriously. The train was bound for Osterby.');
    expect(keyCandidates(text, 'Two').kept).toBe(true);
  });
});

describe('", and" before the last of a list of subjects starts no clause', () => {
  it('keeps "accounts belonging to A, the spokeswoman, and leader B, were hacked" whole', () => {
    const text = article('Hackers attack Varno church website', 'Twitter accounts belonging to Anna Lind, the church spokeswoman, and leader Tomas Berglund, were hacked and taken over by the group. The site of the Kellin Church was offline on Monday.');
    const prompts = build(text).candidates.filter((c) => c.stage === 'question' && c.kept).map((c) => c.text);
    expect(prompts.some((p) => /^Leader _____/.test(p))).toBe(false);
    expect(prompts).toContain('Twitter accounts belonging to Anna Lind, the church spokeswoman, and leader _____, were hacked and taken over by the group.');
  });
});
