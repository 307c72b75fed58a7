// Round 17 (REVIEW.md, "Round 17"): faults the four search-corpus graders named that survived round 16,
// each a bug in handling text: a number written in words cut in two, a name of two places sharing one plural
// head cut at its "and", a count or a key the title gives away in other words, a surname shown inside
// another name, a second defensible choice, an option that does not read with the "a" or "an" before the
// blank. Every article and sentence here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { findNumbers, numberVariants } from '../../src/builder/numbers.js';
import { createDistractorSource, pickDistractors, takesAn } from '../../src/builder/distractors.js';
import type { Entity } from '../../src/builder/types.js';
import { createRandom } from '../../src/domain/random.js';
import { article, build, keyCandidates, withHeadlineTitle } from './helpers.js';

/**
 * Every wrong choice pickDistractors offers, over `seeds` seeds, for the key `key` where the text first
 * writes it at or after `after`: the source reads the article (its "a"/"an", its other descriptions) unless
 * `withArticle` is false, and holds `extra` entities beside the article's own.
 */
function offeredFor(text: string, key: string, options: { after?: string; withArticle?: boolean; seeds?: number; prompt?: string; extra?: (found: Entity) => Entity[] } = {}): string[] {
  const { analysis } = build(text);
  const entity = analysis.entities.find((e) => e.name === key) as Entity;
  expect(entity, key).toBeDefined();
  const start = text.indexOf(key, options.after === undefined ? 0 : text.indexOf(options.after));
  const mention = { entity, sentence: 1, start, end: start + key.length, text: key, outerStart: start, title: null };
  const entities = [...analysis.entities, ...(options.extra?.(entity) ?? [])];
  const offered = new Set<string>();
  for (let seed = 1; seed <= (options.seeds ?? 8); seed++) {
    const source = createDistractorSource(entities, createRandom(seed), new Map(), options.withArticle === false ? '' : text);
    for (const choice of pickDistractors(source, mention, key, options.prompt ?? 'x _____ y', 3)) offered.add(choice);
  }
  return [...offered];
}

describe('a number of tens and units in words is one number', () => {
  it('finds "Thirty five percent", "twenty-five thousand" and "thirty-five-foot" whole', () => {
    const found = (text: string): string[] => findNumbers(text).map((n) => n.text);
    expect(found('Thirty five percent of the oil passes through the strait.')).toEqual(['Thirty five percent']);
    expect(found('About twenty-five thousand people came to Varno.')).toEqual(['twenty-five thousand']);
    expect(found('It raised a thirty-five-foot wave.')).toEqual(['thirty-five-foot']);
    expect(found('He had twenty five goats and served two one-year terms.')).toEqual(['twenty five', 'two', 'one-year']);
  });

  it('offers other numbers written the same way', () => {
    const [span] = findNumbers('Some thirty five people died.');
    expect(span).toBeDefined();
    expect(numberVariants(span as NonNullable<typeof span>, 3, () => 0)).toEqual(['thirty six', 'thirty four', 'thirty seven']);
    const [hyphened] = findNumbers('Twenty-one people died.');
    expect(numberVariants(hyphened as NonNullable<typeof hyphened>, 3, () => 0)).toEqual(['Twenty-two', 'Twenty', 'Twenty-three']);
  });

  it('asks no "_____ five percent" and no "Thirty _____"', () => {
    const text = article('Varno threatens to close the strait', 'Thirty five percent of the oil of the region passes through the Strait of Kellin. The navy of Varno held drills there on Sunday.');
    expect(keyCandidates(text, 'Thirty').kept).toBe(false);
    expect(keyCandidates(text, 'five percent').kept).toBe(false);
    for (let seed = 1; seed <= 3; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/_____ five|Thirty _____/);
  });
});

describe('two names sharing one plural head are one name', () => {
  it('cuts no "Varno" out of "the Varno and Sorvik Islands", nor "Sorvik Islands"', () => {
    const text = article('Earthquake off Kellin', 'The Kellin Centre for Ocean Studies issued a warning for the Varno and Sorvik Islands on Monday. The quake struck 400 kilometres off the coast of Osterby.');
    expect(keyCandidates(text, 'Varno').kept).toBe(false);
    expect(keyCandidates(text, 'Sorvik Islands').kept).toBe(false);
  });

  it('still asks of two places joined by "and" that do not share a head', () => {
    const text = article('Storm hits Varno', 'The storm was felt in Varno and the Sorvik Islands on Monday. Researchers of the Kellin Institute measured it in Osterby.');
    expect(keyCandidates(text, 'Sorvik Islands').reasons.join(' ')).not.toMatch(/is one name/);
    expect(keyCandidates(text, 'Varno').reasons.join(' ')).not.toMatch(/is one name/);
  });
});

describe('a count the title gives in other words', () => {
  it('asks no "cleared _____ men" under "Judge clears pair of ..."', () =>
    withHeadlineTitle(() => {
      const text = article('Varno judge clears pair of murdering six soldiers', 'A judge in Varno has cleared two men of murdering six soldiers from Kellin. The men were arrested in Osterby in 2008.');
      expect(keyCandidates(text, 'two').kept).toBe(false);
      expect(keyCandidates(text, 'two').reasons.join(' ')).toMatch(/given-count: "pair" in the deck's title/);
      expect(keyCandidates(text, 'six').reasons.join(' ')).not.toMatch(/given-count/);
    }));
});

describe('a key the title or the prompt writes another way', () => {
  it('asks no "the _____ or ... of the Kellinics" answered "Kellinic Games"', () => {
    const text = article('Varno confirms protesters will be arrested at Kellinics', 'The statement said that nobody would be stopped from taking part in the Kellinic Games or the events of the Kellinics. The police of Varno will enforce the law in Osterby.');
    expect(keyCandidates(text, 'Kellinic Games').reasons.join(' ')).toMatch(/"Kellinics" in the (?:prompt|deck's title) is "Kellinic" of the answer written another way/);
  });

  it('asks no "the 2008 _____ in Osterby" answered "Summer Olympics" under "... Osterby Olympics"', () =>
    withHeadlineTitle(() => {
      const text = article('Tomas Berglund quits 2008 Osterby Olympics', 'On Wednesday, film director Tomas Berglund withdrew from his post as adviser to the 2008 Summer Olympics in Osterby. He said the Varno government had done too little.');
      expect(keyCandidates(text, 'Summer Olympics').reasons.join(' ')).toMatch(/the deck's title names the "Olympics"/);
    }));

  it('still asks of a name whose later word the title writes another way ("Environment Varno" under "Varnese document")', () => {
    const text = article('Sensitive Varnese document found on rainy street', 'A sensitive Environment Varno document was found wet on an Osterby street on Monday. Minister Tomas Berglund asked how it got there.');
    expect(keyCandidates(text, 'Environment Varno').reasons.join(' ')).not.toMatch(/written another way/);
  });
});

describe('no wrong choice the article describes as it describes the key', () => {
  const text = article(
    'Six dead in shooting at Varno college',
    'The coroner of Kellin County released the names of the dead on Friday. In addition to the gunman, those killed included Tomas Berglund, 20; Ana Lindqvist, 20; Erik Osterby, 19, and Lena Brandt, 32. Police chief Jonas Varga said the gunman acted alone. Witness Maria Holm said the shots lasted a minute.',
  );
  const choicesFor = (name: string, withArticle: boolean): string[] =>
    offeredFor(text, name, { after: 'included', withArticle, seeds: 12, prompt: 'In addition to the gunman, those killed included _____, 20.' });

  it('offers no one else "20" beside "those killed included _____, 20"', () => {
    const offered = choicesFor('Tomas Berglund', true);
    expect(offered.length).toBeGreaterThanOrEqual(3);
    expect(offered).not.toContain('Ana Lindqvist');
    // Without the article to look in, she is offered: the test can tell.
    expect(choicesFor('Tomas Berglund', false)).toContain('Ana Lindqvist');
  });
});

describe('a surname shown in the prompt inside another name', () => {
  it('asks no "_____, manager of T Berglund Productions" answered "Tomas Berglund"', () => {
    const text = article('Varno bars boycott Kellin vodka', 'Tomas Berglund, manager of T Berglund Productions, told the Osterby Daily that the bars would go on. The boycott began in Varno on Monday.');
    expect(keyCandidates(text, 'Tomas Berglund').reasons.join(' ')).toMatch(/the surname "Berglund" of the answer is in another name in the prompt/);
  });

  it('still asks of a person whose relative the prompt names', () => {
    const text = article('Varno couple honoured', 'Ana Berglund and her husband Tomas Berglund were honoured in Osterby on Monday for their work with the Kellin Trust.');
    expect(keyCandidates(text, 'Tomas Berglund').reasons.join(' ')).not.toMatch(/in another name in the prompt/);
  });
});

describe('wrong choices read with the "a" or "an" before the blank', () => {
  it('knows which numbers, words and acronyms take "an"', () => {
    for (const yes of ['8.6', '11', '18,000', '80 percent', 'Osterby', 'FBI', 'hour', 'NFL']) expect(takesAn(yes), yes).toBe(true);
    for (const no of ['9.2', '110', '1,800', 'Varno', 'European', 'one-day', 'university', 'NATO', 'UN']) expect(takesAn(no), no).toBe(false);
  });

  it('offers no "8.6" after "a _____-magnitude", nor "9.2" after "an _____", and keeps near values for a magnitude', () => {
    const text = article('Earthquake off Varno', 'On Monday a 9.2-magnitude earthquake struck off the coast of Varno. In 2004 an 8.6 magnitude quake had struck off Kellin, and a 7.9-magnitude quake hit Osterby in 2010.');
    const offered = (key: string, withArticle: boolean): string[] => offeredFor(text, key, { withArticle });
    const afterA = offered('9.2', true);
    expect(afterA.length).toBeGreaterThanOrEqual(3);
    for (const choice of afterA) expect(takesAn(choice), choice).toBe(false);
    // Without the article to read the "a" from, values read "eight ..." are offered: the test can tell.
    expect(offered('9.2', false).some((choice) => takesAn(choice))).toBe(true);
    for (const choice of offered('8.6', true)) expect(takesAn(choice), choice).toBe(true);
    for (const other of afterA) expect(Math.abs(Number(other) - 9.2), other).toBeLessThan(2);
    expect(afterA.every((other) => /^\d+\.\d$/.test(other))).toBe(true);
  });
});

describe('a group of people in the possessive inside a name', () => {
  it('cuts no "Chorus" out of "the Varno Gay Men\'s Chorus", nor "Trade Treaty" out of "the People\'s Trade Treaty"', () => {
    const text = article(
      'Varno lords approve the bill',
      'The celebrations included music by the Varno Big Band and the Varno Gay Men\'s Chorus, and Kellin & Berg\'s provided free ice cream. Leaders praised the People\'s Trade Treaty of Osterby, Lindholm and Kellin.',
    );
    for (const part of ['Chorus', 'Varno Gay Men', 'Trade Treaty', 'Kellin & Berg']) expect(keyCandidates(text, part).kept, part).toBe(false);
  });

  it('still asks of an owner in the possessive ("Osterby\'s perceived lack", "Varno\'s Kellin Institute")', () => {
    const text = article('Varno frustrated', 'The public of Kellin has grown frustrated with Osterby\'s perceived lack of action. Researchers at Varno\'s Kellin Institute agreed on Monday.');
    expect(keyCandidates(text, 'Osterby').reasons.join(' ')).not.toMatch(/possessive|its verb/);
    expect(keyCandidates(text, 'Kellin Institute').reasons.join(' ')).not.toMatch(/possessive/);
  });
});

describe('a pronoun after a name the finder did not know', () => {
  it('leaves "Varnosi, 24, says he survived" as written, not "says Tomas Berglund survived"', () => {
    const text = article(
      'Bridge collapses in Kellin',
      'Some people swam ashore after the bridge fell. Forty-year-old Tomas Berglund describes swimming 300 metres with one arm. Varnosi, 24, says he survived by clinging to empty plastic containers when he fell from the bridge.',
    );
    const { deck } = build(text);
    for (const f of deck.facts) expect(f.statement).not.toMatch(/says Tomas Berglund survived/);
    expect(deck.facts.some((f) => /Varnosi, 24, says he survived/.test(f.statement))).toBe(true);
  });
});

describe('a count the list after a comma gives', () => {
  it('asks no "compete in _____ events, the 5,000 metres and marathon events"', () => {
    const text = article('Varno runner ready for the championships', 'Tomas Berglund is scheduled to compete in two events, the T12 5,000 metres and marathon events. He trained in Osterby for a year.');
    expect(keyCandidates(text, 'two').reasons.join(' ')).toMatch(/given-count: the list after the blank names 2 items/);
  });

  it('still asks a count the list does not match', () => {
    const text = article('Varno striker scores', 'Tomas Berglund scored three goals, a header and a penalty, in the final in Osterby on Monday.');
    expect(keyCandidates(text, 'three').reasons.join(' ')).not.toMatch(/given-count/);
  });
});

describe('a plural noun opening a sentence is no part of the name after it', () => {
  it('reads "Teammates Lindqvist and Berg" as Lindqvist and Berg', () => {
    const text = article(
      'Varno win curling gold',
      'Team Varno includes skip Tomas Lindqvist and Ana Berg of Osterby. Teammates Lindqvist and Berg were part of the 2010 gold medal winning team. Kellin finished second.',
    );
    const { deck, analysis } = build(text);
    expect(analysis.entities.some((e) => /^Teammates/.test(e.name))).toBe(false);
    for (const q of deck.questions) expect(JSON.stringify([q.answer, 'choices' in q ? q.choices : []])).not.toMatch(/Teammates/);
  });
});

describe('an interview\'s "((Wikinews))" label, and a greeting', () => {
  it('asks no "Who is ((Wikinews)) Hi this?"', () => {
    const text = article(
      'Wikinews interviews Varno runner Tomas Berglund',
      'Wikinews interviewed runner Tomas Berglund in Osterby on Monday.',
      '((Wikinews)) Hi this is Ana Lindqvist. I am interviewing Tomas Berglund.',
      '((WN)) How is your training?',
      'Tomas Berglund: For the last three weeks I have been doing gym only.',
      '((WN)) Good luck in Kellin.',
    );
    for (let seed = 1; seed <= 3; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/\(\(|Who is Hi/);
  });

  it('asks no "Who is Hi this?" of a greeting', () => {
    const text = article('Varno radio show begins', 'The show began in Osterby on Monday. Hi this is Ana Lindqvist of Varno Radio. Hello this is Tomas Berglund of Kellin Radio.');
    for (let seed = 1; seed <= 4; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/^Who is (?:Hi|Hello)/);
  });
});

describe('a name joined by a dash', () => {
  it('cuts neither "Varno" nor "Kellin Airport" out of "Varno – Kellin Airport"', () => {
    const text = article('Varno runner leaves for the championships', 'Wikinews met runner Tomas Berglund at Varno – Kellin Airport on Monday before he left for Osterby.');
    expect(keyCandidates(text, 'Varno').kept).toBe(false);
    expect(keyCandidates(text, 'Kellin Airport').kept).toBe(false);
  });
});

describe('round 17, from the ninth batch\'s graders', () => {
  it('cuts no "Kellin Loan Servicing" out of "Kellin Loan Servicing, LLC", and offers no "LLC and ..." as a choice', () => {
    const text = article(
      'Varno records fewer complaints',
      'Kellin Loan Servicing, LLC and Osterby Bank have 7 complaints each. Lindholm Bank, Varno Savings and Berg Bank have 4 each. Citibank and Norra Bank have 2 complaints each.',
    );
    expect(keyCandidates(text, 'Kellin Loan Servicing').kept).toBe(false);
    // An entity the finder made of the legal form and the next name, offered beside a bank: never.
    const junk = (bank: Entity): Entity[] => [{ ...bank, name: 'LLC and Osterby Bank', forms: ['LLC and Osterby Bank'] }];
    expect(offeredFor(text, 'Lindholm Bank', { extra: junk, seeds: 6 })).not.toContain('LLC and Osterby Bank');
  });

  it('asks no name that opens with an auxiliary verb ("Had TCAS not activated, ...")', () => {
    const text = article('Two airliners nearly collide over Varno', 'The planes came within seconds of each other over Varno on Monday. Had TCAS not activated, it is believed the jets would have struck each other. The pilots reported it to Kellin Centre.');
    expect(keyCandidates(text, 'Had TCAS').kept).toBe(false);
  });

  it('asks no key that a long word of the prompt spells in lower case ("the _____ attacks ... trypanosome factor")', () => {
    const text = article('Parasite evades defences', 'Researchers in Varno knew that the Kellinosoma attacks are repelled by the kellinosome lytic factor of the blood. The study was published in Osterby on Monday.');
    expect(keyCandidates(text, 'Kellinosoma').reasons.join(' ')).toMatch(/"kellinosome" in the prompt/);
  });
});
