// Round 13 (REVIEW.md, "Round 13"), from the dev part's missed gold key facts and round 12's "Left" list.
// Every article here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import { echoedKeys } from '../../src/builder/select.js';
import { article, build, theTagger } from './helpers.js';

/** The answers of every question of the deck, choices' keys and clozes alike. */
function answers(text: string): string[] {
  return build(text).deck.questions.flatMap((q) => (Array.isArray(q.answer) ? q.answer : [String(q.answer)]));
}

describe('shared-words: a key another name of its sentence all but spells gives way', () => {
  const sentence = 'With the help of over ten local agencies, State Forest Service crews rescued four missing hikers at Kellin State Forest early on Tuesday, April 14th.';
  const text = article('Hikers found after long search', sentence, 'The hikers were taken to Ostra General Hospital in stable condition.');

  it('finds the name that only adds a common noun to the words another name ends in', () => {
    const analysis = analyseArticle(text, theTagger());
    const info = analysis.sentences.find((s) => s.text.startsWith('With the help'));
    expect(info).toBeDefined();
    const names = [...echoedKeys(info!, theTagger())].map((e) => e.name);
    expect(names).toEqual(['State Forest Service']);
  });

  it('leaves two names of one kind that share their first words', () => {
    const other = article('Two ships moved', 'The museum ship Harbour Queen Adelaide will be moved next to the Harbour Queen Mathilde in Ostra on May 3.');
    const info = analyseArticle(other, theTagger()).sentences.find((s) => s.text.startsWith('The museum'));
    expect([...echoedKeys(info!, theTagger())].map((e) => e.name)).toEqual([]);
  });

  it('asks the sentence’s other keys in its place', () => {
    const asked = answers(text);
    expect(asked).not.toContain('State Forest Service');
    expect(asked.some((a) => /^(four|Kellin State Forest)$/.test(a)), asked.join(' | ')).toBe(true);
  });
});

describe('placed-institution: the place that only places an institution gives way', () => {
  const sentence = 'The ferry, which left Varno Harbour Airport in Norland at 9:15 on Friday, was last seen at 11:40 near Kellby, a village in the Ostra district.';
  const text = article('Ferry lost at sea', sentence, 'A search began on Saturday.');

  it('finds the place named after an institution and "in"', () => {
    const info = analyseArticle(text, theTagger()).sentences.find((s) => s.text.startsWith('The ferry'));
    expect([...echoedKeys(info!, theTagger())].map((e) => e.name)).toEqual(['Norland']);
  });

  it('finds the place named after an institution and "at"', () => {
    const at = article('Old ship moved', 'The old ship Marta will be moved from the Varno Maritime Museum at Kellby to the Ostra Harbour Museum on May 3.');
    const info = analyseArticle(at, theTagger()).sentences.find((s) => s.text.startsWith('The old ship'));
    expect([...echoedKeys(info!, theTagger())].map((e) => e.name)).toEqual(['Kellby']);
  });

  it('asks a later place of the sentence in its place', () => {
    const asked = answers(text);
    expect(asked).not.toContain('Norland');
    expect(asked).toContain('Kellby');
  });
});

describe('kind-check: the lead of an article is asked whatever kind the self-check distrusts there', () => {
  // An election round-up: a lead in full sentences, then lists of candidates whose names trip the self-check.
  const lead = [
    'The Varno regional election was held on Sunday, with a turnout of around 900,000 voters and a turnout rate of 61%.',
    'The results show the reform camp kept a majority of the seats in the assembly.',
    'Young candidates won many seats, as older politicians stepped down across the region.',
  ];
  const lists = [
    'In the Kellin North constituency, independent reformer Tam Ka-ming was elected with 41,210 votes, the most of any list.',
    "Other reform candidates elected there were harbour camp's Lau Wai-kit of Open Varno, reform camp's Ho Siu-fan and Mak Chi-lun of respectively Varno Civic and the Labour League.",
    "The Ostra camp candidates elected were New Harbour League's Chan Kwok-wai, RFA's Yip Man-kit and Cheung Lok-yin, VTU's Ng Mei-ling and Ostra independent Lo Ka-fai.",
    'Two reform veterans Sze Ka-lok of the Labour League and Kwan Yiu-man of ADV were defeated in this constituency, with Lo Ka-fai defeating Sze Ka-lok by around four thousand votes.',
    'In the Kellin East constituency, reform camp councillors Tse Wing-ho from Varno Civic, Fung Ka-yan of the Labour League, Lam Siu-wai of People First, and Ko Chi-ming of PLD were successfully elected.',
    "Reformer Lui Ka-wing from the Labour League and harbour group Newgen's Poon Hoi-yan were successfully elected newcomers.",
    'For the Ostra camp, Wan Mei-yee of RFA was elected with 38,825 votes, the highest in the constituency.',
    "Other Ostra members elected were VTU's Kwok Chi-keung and RFA's Ho Man-kit.",
    // (Round 30 read "Reformer" before a name as no part of it, which mended one of the flagged questions; one
    // more list line keeps the share the kind-check needs.)
    "Also elected were harbour camp's Yau Siu-ming of Open Kellin and reform camp's Chow Ka-lun of People First.",
    // (Round 38 accepted more short forms, which changed how many choice questions the self-check sees; one
    // more list line keeps the share.)
    "Newly elected too were harbour camp's Siu Wai-lam of Open Ostra and reform camp's Kam Ka-ho of People First.",
  ];
  const result = build(article('Varno election: new faces', ...lead, ...lists));
  // The sentences of the lead, by the facts drafted from them.
  const leadSentences = new Set(result.candidates.filter((c) => c.stage === 'fact' && lead.some((s) => c.text.startsWith(s.slice(0, 40)))).map((c) => c.sentence));
  const onLead = (c: { sentence: number }): boolean => leadSentences.has(c.sentence);

  it('leaves the distrusted kind out after the lead only', () => {
    const checked = result.candidates.filter((c) => c.stage === 'question' && c.reason.startsWith('kind-check'));
    expect(leadSentences.size).toBe(3);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.filter(onLead).map((c) => `${c.kind}: ${c.answer ?? ''}`)).toEqual([]);
    const asked = result.deck.questions.flatMap((q) => (Array.isArray(q.answer) ? q.answer : [String(q.answer)]));
    expect(asked).toEqual(expect.arrayContaining(['900,000', '61%']));
  });
});

describe('record-claim: "This was X\'s first ... since ..." reads alone', () => {
  const text = article(
    'Ostra Rovers beat Kellin Town',
    'Ostra Rovers beat Kellin Town 2–0 at the Varno Ground on Saturday, with two goals from Lena Haddad.',
    'This was the Rovers’ first win against Kellin in the league since 1987.',
    "This was Ostra's first victory at the Varno Ground since 1990.",
    'This was a good day for the club.',
  );
  const result = build(text);

  it('keeps the claim as a fact and asks its reference point', () => {
    const asked = result.deck.questions.flatMap((q) => (Array.isArray(q.answer) ? q.answer : [String(q.answer)]));
    expect(asked).toContain('1990');
  });

  it('still drops a "This" that claims no record', () => {
    const fact = result.candidates.find((c) => c.stage === 'fact' && c.text.startsWith('This was a good day'));
    expect(fact?.kept).toBe(false);
  });
});

describe('a performing organisation gets no type word', () => {
  const text = article(
    'Ostra wins the cup',
    'After the first half, the Varno Dance Company performed the halftime show with singer Ada Okafor.',
    'The Varno Dance Company was founded in 1990 and works with the Kellin Arts Company.',
  );

  it('distrusts the type of an organisation that performed', () => {
    const entity = analyseArticle(text, theTagger()).entities.find((e) => e.name.endsWith('Varno Dance Company'));
    expect(entity?.type).toBe('organisation');
    expect(entity?.typeTrusted).toBe(false);
  });

  it('asks it without "Which organisation"', () => {
    const prompts = build(text).deck.questions.filter((q) => String(q.answer).includes('Varno Dance Company')).map((q) => q.prompt);
    expect(prompts.filter((p) => /organisation/i.test(p))).toEqual([]);
  });
});

describe('interview-answer: a short answer is asked with the question it answers', () => {
  const text = article(
    'Varno Post interviews harbour master Ana Ruiz',
    'Ana Ruiz has run the harbour of Ostra since 2011 and spoke to the Varno Post this week.',
    'Varno Post: Which harbour master of the past do you most admire?',
    'Ana Ruiz: Omar Haddad. He rebuilt the north pier after the storm and trained most of the pilots who work here now.',
    'Varno Post: How long have you worked on boats?',
    'Ana Ruiz: Over 30 years. I started as a deckhand on the ferries.',
    'Varno Post: Do you like the work?',
    'Ana Ruiz: Yes, very much.',
  );
  const result = build(text);

  it('keeps the answer as a fact, with its question', () => {
    const facts = result.candidates.filter((c) => c.stage === 'fact' && c.kept).map((c) => c.text);
    expect(facts).toContain('Asked “Which harbour master of the past do you most admire?”, Ana Ruiz said: “Omar Haddad.”');
    expect(facts).toContain('Asked “How long have you worked on boats?”, Ana Ruiz said: “Over 30 years.”');
  });

  it('leaves an answer with no key a fragment', () => {
    const yes = result.candidates.find((c) => c.stage === 'fact' && c.text.startsWith('Yes, very much'));
    expect(yes?.kept).toBe(false);
  });
});

describe('a title, a name and its own "of the ... Party"', () => {
  const text = article('Vote on harbour plan', 'Senator Ana Okoro of the Harbour Party said the vote was close.', 'President of the Harbour Society Omar Haddad disagreed on Monday.');
  const entities = analyseArticle(text, theTagger()).entities;

  it('yields the person, with the title, and the party', () => {
    expect(entities.filter((e) => e.name === 'Ana Okoro').map((e) => [e.type, e.titles])).toEqual([['person', ['Senator']]]);
    expect(entities.filter((e) => e.name === 'Harbour Party').map((e) => e.type)).toEqual(['organisation']);
  });

  it('still reads "President of the Harbour Society" as one title', () => {
    expect(entities.filter((e) => e.name === 'Omar Haddad').map((e) => e.titles)).toEqual([['President of the Harbour Society']]);
  });
});

describe('a plural title before two names', () => {
  it('is no part of the first name', () => {
    const text = article('Vote on harbour plan', 'Councillors Paul Okafor and Maria Lund voted against the plan on Monday.', 'Senators Ana Okoro and Tomas Brandt of the Harbour Party said the vote was close.');
    const people = analyseArticle(text, theTagger()).entities.filter((e) => e.type === 'person').map((e) => e.name).sort();
    expect(people).toEqual(['Ana Okoro', 'Maria Lund', 'Paul Okafor', 'Tomas Brandt']);
  });
});

describe('estimate-report: "They estimated ..." reads as "It was estimated that ..."', () => {
  const text = article(
    'Heat to cut rice yields in Varno',
    'Scientists at Kellin University studied rice farms across Varno for ten years.',
    'Several scenarios were considered because of uncertain rainfall.',
    'They estimated by 2040, rising heat would cut rice yields in Varno by 12 percent.',
  );
  const result = build(text);

  it('keeps the estimate as a fact, with no one named for "They"', () => {
    const facts = result.candidates.filter((c) => c.stage === 'fact' && c.kept).map((c) => c.text);
    expect(facts).toContain('It was estimated that by 2040, rising heat would cut rice yields in Varno by 12 percent.');
  });
});
