// Rounds 23 to 25 (REVIEW.md): names cut at "of"/"from"/"for", a role glued to the body it serves, two
// people's names run together, and a ruler's name without his land, from the stop-32 regrade's WRONG items;
// then the fifteenth batch's (round 24) and the stop-33 regrade's (round 25). Every article and sentence here
// is made up, and the builder knows none of its names, but for one country's (marked where it stands).

import { describe, expect, it } from 'vitest';
import { aloneForms, longerByOneWord, shorterWritten } from '../../src/builder/questions.js';
import { accepts, article, build, expectDropped, expectNotDroppedFor, typedOn, withHeadlineTitle } from './helpers.js';

describe('everyday words with capitals on both sides of "of", "from" or "for"', () => {
  const novel = article(
    'Actress Ana Osterby dies at 60',
    'Ana Osterby, the actress, died on Tuesday in Varno aged 60.',
    'Her most noted written work was the novel Postcards from the Edge, made into a film of the same name starring Piet Lindqvist.',
  );

  it('asks neither half of a title ("_____ from the Edge")', () => {
    for (const half of ['Postcards', 'Edge']) expectDropped(novel, half, /one title, joined by/);
  });

  it('asks no law cut after "of Children from"', () => {
    const law = article(
      'Arrest in Varno',
      'Police charged the man under Section 4 of the Protection of Children from Sexual Offenses Act and Section 376 of the Varno Penal Code.',
      'The girl was taken to hospital in Kellin on Monday.',
    );
    expectDropped(law, 'Sexual Offenses Act', /one title, joined by/);
  });

  it('still asks a subject named before a university ("a degree in _____ from the University of Sorvik")', () => {
    const degree = article(
      'Varno names new director',
      'Ana Osterby was named director of the Kellin Space Centre on Monday.',
      'She holds a Bachelor of Science degree in Chemical Engineering from the University of Sorvik and has worked at the centre since 1998.',
    );
    expectNotDroppedFor(degree, 'Chemical Engineering', /one title, joined by/);
  });

});

describe('a party label glued to the body it serves', () => {
  it('asks no "a _____ committee" for "Democrat on the Senate Judiciary"', () => {
    const text = article(
      'Judge blocks the ban',
      'The judge in Varno blocked the order on Friday.',
      'Piet Lindqvist, a Democrat on the Senate Judiciary committee, said the order was a threat to the rule of law.',
    );
    expectDropped(text, 'Democrat on the Senate Judiciary', /glues the role "Democrat"/);
  });
});

describe("two people's names run together", () => {
  const text = article(
    'Three sentenced in Varno trial',
    'Piet Lindqvist, Ana Osterby and two others were sentenced to death on Sunday by the court in Varno.',
    'Life terms were given to the head of the regional office Jon Berglund and one for the director of intelligence under Piet Lindqvist Tomas al-Sorvik.',
  );

  it('asks neither as one person when the first is named alone elsewhere', () => {
    expectDropped(text, 'Piet Lindqvist Tomas al-Sorvik', /"Piet Lindqvist", named alone elsewhere/);
  });

  it('leaves a club named after a name written alone elsewhere ("Kellin United Football Club")', () => {
    const club = article(
      'Varno club sold',
      'Kellin United won the Sorvik cup in May.',
      'On Monday the owners of Kellin United Football Club sold it to Piet Lindqvist for 40 million kroner.',
    );
    expectNotDroppedFor(club, 'Kellin United Football Club', /named alone elsewhere/);
  });
});

describe('a ruler named with his land', () => {
  it('accepts "Varno" for "King _____" asked as "Varno of Sorvikia"', () => {
    const text = article(
      'Cables show Gulf fears over Kellinstan',
      'The cables show that King Varno of Sorvikia, who argued for the strike, said the danger of letting it go on is greater than the danger of stopping it.',
      'Officials in Sorvikia declined to comment on Tuesday.',
    );
    const typed = typedOn(text, 'Varno of Sorvikia', [1]);
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) {
      expect(accepts(q, 'Varno')).toBe(true);
      expect(accepts(q, 'Sorvikia')).toBe(false);
    }
  });
});

// Round 24 (stop 33), from the fifteenth batch's untuned grades: a currency's letters, a share the title
// writes another way, a group of people glued to a name, a name cut at a foreign particle, a form of address
// asked as a role, and a name the article writes with one more word.
describe('round 24: keys cut from what they belong to', () => {
  it('asks no "a _____$20,000 prize" for the letters before a currency sign', () => {
    const text = article(
      'Kellin surfer wins Varno title',
      'Surfers from Kellin, Sorvik and the United States took part in the Varno final on Sunday.',
      'The surfers competed for a US$20,000 prize, the largest in the history of the event.',
    );
    const asked = build(text).candidates.filter((c) => c.stage === 'question' && c.answer === 'United States' && /currency|\$20,000/.test(`${c.text ?? ''} ${c.reason ?? ''}`));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.some((c) => c.kept)).toBe(false);
    expect(asked.map((c) => c.reason).join(' | ')).toMatch(/part of the currency "US\$"/);
  });

  it('asks no share the title writes as "percent"', () =>
      withHeadlineTitle(() => {
      const text = article(
        'Varno prices rise as food prices soar 12.8 percent',
        'The Varno statistics office said on Saturday that consumer prices rose 5.2% in June from a year ago.',
        'The major factor behind this figure was the steep rise in food prices, which climbed 12.8%.',
      );
      expectDropped(text, '12.8%', /title writes the share "12.8%" another way/);
    }));

  it('takes no group of people ("Varnovians") for part of a name', () => {
    const text = article(
      'Kellin surfer wins Varno title',
      'Twenty surfers from Kellin, Sorvik and Osterby took part, including Varnovians Piet Lindqvist and Jon Berglund, and Kellinese Ana Osterby.',
      'Lindqvist won the final on Sunday.',
    );
    const result = build(text);
    for (const q of result.deck.questions) {
      const forms = [typeof q.answer === 'string' ? q.answer : '', ...((q as { accept?: string[] }).accept ?? [])];
      expect(forms.some((f) => f.includes('Varnovians')), forms.join(' | ')).toBe(false);
    }
  });

  it('asks neither side of a name joined by a foreign particle ("Medecins sans _____")', () => {
    const text = article(
      'Varno outbreak declared an emergency',
      'The Kellin Health Organisation declared the outbreak an emergency on Friday.',
      'Medecins sans Frontieres (MSF) said the health system in Varno was "falling apart".',
    );
    expectDropped(text, 'Frontieres', /ends a name joined by "sans"/);
  });

  it('asks no role that is a form of address ("Who is the KHO Dr ...?")', () => {
    const text = article(
      'Varno outbreak declared an emergency',
      'The Kellin Health Organisation declared the outbreak an emergency on Friday.',
      'Director-General of KHO Dr Ana Lindqvist appealed for an international response to the outbreak, calling it the largest in the history of the disease.',
    );
    const role = build(text).candidates.filter((c) => c.stage === 'question' && /Who is the KHO Dr/.test(c.text ?? ''));
    expect(role.length).toBeGreaterThan(0);
    expect(role.some((c) => c.kept)).toBe(false);
    expect(role.map((c) => c.reason).join(' | ')).toMatch(/"Dr" is a form of address/);
  });

  it('accepts the name the article writes with one more word inside it', () => {
    const text = 'The event was confirmed by Ana Osterby, the Varno Big Wave World Tour Contest Director. The Varno Big World Tour visits Sorvik next.';
    expect(longerByOneWord('Varno Big World Tour', text)).toEqual(['Varno Big Wave World Tour']);
    expect(longerByOneWord('Varno Big World Tour', 'The Varno Big World Tour Finals and the Big World Tour Kellin.')).toEqual([]);
  });
});

describe('round 24: a fronted phrase that points back', () => {
  it('leaves no relative clause as a fact of its own ("Which was the largest since ...")', () => {
    const text = article(
      'Varno prices rise',
      'The Varno statistics office said on Saturday that consumer prices rose 6.1% in June from a year ago.',
      'That compares with a 5.2% rise in May, which was the largest since a 5.9% increase in July 2009.',
    );
    const { deck } = build(text);
    expect(deck.facts.length).toBeGreaterThan(0);
    for (const fact of deck.facts) expect(fact.statement).not.toMatch(/^Which\b/);
    for (const q of deck.questions) expect(q.prompt).not.toMatch(/(?:^|“)Which was the largest/);
  });
});

describe('round 24: forms a teacher marks right, and a body cut from its title', () => {
  it('accepts the month alone for "from April to _____" asked as "June 2010"', () => {
    const text = article(
      'Varno ants protect trees',
      'Researchers from Kellin studied the trees from April to June 2010 in the Sorvik Reserve.',
      'They found that the ants kept beetles away from the fruit.',
    );
    const typed = typedOn(text, 'June 2010', [1]);
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) expect(accepts(q, 'June')).toBe(true);
  });

  it('accepts a shorter form of a long name that the article writes on its own', () => {
    const text = 'The Kellin Ceremonial Punta de Varno Big Wave Invitational took place on Saturday. The Kellin Ceremonial Punta de Varno has been a tradition since 1998.';
    expect(shorterWritten('Kellin Ceremonial Punta de Varno Big Wave Invitational', text)).toEqual(['Kellin Ceremonial Punta de Varno']);
    // A head the article writes only inside the longer name, or one that ends in a word many names share, is none.
    expect(shorterWritten('Kellin Ceremonial Punta de Varno Big Wave Invitational', 'The Kellin Ceremonial Punta de Varno Big Wave Invitational began.')).toEqual([]);
    expect(shorterWritten('Kellin Surf Association Board', 'The Kellin Surf Association Board met. The Kellin Surf Association said no.')).toEqual([]);
  });

  it('asks no body cut from the title before a name ("the _____ Minister Ana Varno")', () => {
    const text = article(
      'Conference on Sorvik aid',
      'The meeting was opened on Tuesday by the Kellin Foreign Office Minister Ana Varno, who called for more aid to Sorvik.',
      'Delegates from 20 countries attended.',
    );
    expectDropped(text, 'Kellin Foreign Office', /part of the title "Kellin Foreign Office Minister"/);
  });
});

describe('round 24: a part of the world listed with a country', () => {
  // (A real country's name here: the rule is about a name the tagger knows as a country.)
  it('reads "Latin America" listed with a country as a region, not a country', () => {
    const text = article(
      'Varno speech at the Kellin assembly',
      'When pushing his agenda of free trade in Latin America, Ana Varno accused the president of Sorvik of being a liar.',
      'As a senator of Kellin, Piet Lindqvist, put it: "Bolivia and Latin America are no longer the servile democracies that tolerated it."',
    );
    const entities = build(text).analysis.entities;
    expect(entities.find((e) => e.name === 'Bolivia')?.subtype).toBe('country');
    expect(entities.find((e) => e.name === 'Latin America')?.subtype).toBe('region');
  });
});

// Round 25 (stop 33), from the stop-33 regrade's WRONG items: typed keys that refused a form the article
// itself writes.
describe('round 25: forms the article itself writes', () => {
  it('accepts the last word of a name the article writes alone, unless another name ends in it', () => {
    const text = 'After the match, Jon Kellerberg spoke of the injury. Kellerberg said it was serious. Ana Varno and Piet Varno scored.';
    expect(aloneForms('Jon Kellerberg', text, ['Ana Varno', 'Piet Varno'], false)).toEqual(['Kellerberg']);
    // Written only inside the full name, or another person's surname too: no.
    expect(aloneForms('Jon Kellerberg', 'Jon Kellerberg spoke. Then Jon Kellerberg left.', [], false)).toEqual([]);
    expect(aloneForms('Ana Varno', text, ['Piet Varno'], true)).toEqual([]);
  });

  it("accepts a person's first and last names, or a name before marriage, that the article writes", () => {
    const text = 'Candidates include Ana Maria Osterby, who was born Ana Maria in Kellin. Ana Osterby said she would run.';
    expect(aloneForms('Ana Maria Osterby', text, [], true)).toEqual(['Ana Osterby', 'Ana Maria']);
    // Not of a thing's name: "Space Shuttle" is no form of "Space Shuttle Kellin".
    expect(aloneForms('Space Shuttle Kellin', 'The Space Shuttle Kellin flew. The Space Shuttle was retired. Kellin is in a museum.', [], false)).toEqual(['Kellin']);
  });

  it('accepts a body named without the country before it ("U.S. State Department" -> "State Department")', () => {
    const text = article(
      'Varno visas suspended',
      'The U.S. State Department suspended the visas on Monday, a spokesman for Ana Varno said.',
      'The German BND had warned of the plan in May, the Kellin Post reported on Tuesday; the BND would not comment.',
    );
    const typed = ['U.S. State Department', 'German BND'].flatMap((answer) => typedOn(text, answer, [1]));
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) expect(q.accept ?? []).toEqual(expect.arrayContaining([String(q.answer).replace(/^(?:U\.S\.|German) /, '')]));
  });
});

describe('round 25: a month inside a longer word', () => {
  it('asks no "_____or Ana Varno" for the "May" of "Mayor"', () => {
    const text = article(
      'Kellin celebrates its bicentennial',
      'The official fonda of Kellin, La Varnera, was inaugurated on Thursday night by Mayor Ana Varno, who danced with people who attended the event.',
      'According to Varno, at least 30,000 people have arrived at Kellin as of Friday.',
    );
    const cut = build(text).candidates.filter((c) => c.stage === 'question' && c.answer === 'May');
    expect(cut.some((c) => c.kept)).toBe(false);
  });
});

describe('round 25: an accepted answer the title or the prompt shows', () => {
  it('asks no "the _____ outbreak" whose accepted "Varnovirus" the title names', () =>
      withHeadlineTitle(() => {
      const text = article(
        'KHO declares Varnovirus outbreak an international emergency',
        'On Friday, the Kellin Health Organisation stated the West Sorvikian Varnovirus outbreak is now an international health emergency.',
        'Varnovirus has killed nearly 1,000 people in Osterby since March, the organisation said.',
      );
      const asked = build(text).candidates.filter((c) => c.stage === 'question' && c.answer === 'West Sorvikian Varnovirus' && (c.kind === 'cloze' || c.kind === 'short-answer'));
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.some((c) => c.kept)).toBe(false);
      expect(asked.map((c) => c.reason).join(' | ')).toMatch(/"Varnovirus", an accepted answer, is in the deck's title/);
    }));
});
