// Round 16 (REVIEW.md, "Round 16"): four faults of the kind the stop-27 graders named (a question made of
// two sentences, a date found inside a name, the same day twice among the choices), each a bug in a piece
// of text handling rather than a matter of taste. Every article and sentence here is made up; the builder
// knows none of its names.

import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/domain/article.js';
import { findTemporals, sameDay } from '../../src/builder/dates.js';
import { article, build, keyCandidates } from './helpers.js';

const texts = (text: string, finer: boolean): string[] => splitSentences(text, { finer }).map((s) => s.text);

describe('the builder\'s sentences end where a reader\'s do', () => {
  it('ends a sentence after a word with letters beyond ASCII', () => {
    const text = 'Varno were without Ana Ruiz, who was replaced by Raúl. Kellin played a strong side. She died at Hospital Sírio Libanês. His park is the largest.';
    expect(texts(text, true)).toEqual(['Varno were without Ana Ruiz, who was replaced by Raúl.', 'Kellin played a strong side.', 'She died at Hospital Sírio Libanês.', 'His park is the largest.']);
  });

  it('ends a sentence after "Sun." when no date follows, and keeps a weekday\'s abbreviation before one', () => {
    expect(texts('The planet is nearly as hot as the Sun. The planet takes a day to orbit.', true)).toHaveLength(2);
    expect(texts('The fair opens Sat. Oct. 4 in Varno and closes Sun. 12 October.', true)).toHaveLength(1);
  });

  it('keeps the full stop of "the Sun." out of the word', () => {
    const text = article('Hottest planet found', 'Astronomers at the Varno Institute found the hottest planet yet. Its surface is more than 4000 degrees, nearly as hot as the Sun. The planet takes about 30 hours to orbit its star, Kellin-9.');
    const { deck, analysis } = build(text);
    expect(deck.questions.length).toBeGreaterThan(0);
    for (const q of deck.questions) expect(JSON.stringify(q.answer)).not.toMatch(/Sun\./);
    for (const e of analysis.entities) expect(e.forms.join(' | ')).not.toMatch(/Sun\./);
  });

  it('still treats initials and abbreviations as before', () => {
    const text = 'Officer K. Lund of Varno, Fla. spoke to Dr. Ana Ruiz. The ferry sails at 5 p.m. Monday.';
    expect(texts(text, true)).toEqual(texts(text, false));
    expect(texts(text, true)).toHaveLength(2);
  });

  it('leaves the split decks are checked with as it was, so a deck drafted before still loads', () => {
    const text = 'He was replaced by Raúl. Kellin played a strong side.';
    expect(texts(text, false)).toHaveLength(1);
  });

  it('drafts no question from two sentences at once', () => {
    const text = article(
      'Kellin beat Varno in the cup',
      'Varno were without Ana Ruiz for the final, and she was replaced in midfield by Raúl. Kellin played a strong side, with Lena Brandt up front in Osterby.',
      'The club\'s founder, Tomas Berglund, died at Hospital São Libanês. His stadium in Osterby is the largest in the region.',
    );
    const deck = build(text).deck;
    expect(deck.questions.length).toBeGreaterThan(0);
    for (const q of deck.questions) expect(q.prompt).not.toMatch(/(?:Raúl|Libanês)\. \p{Lu}/u);
    for (const f of deck.facts) expect(f.quote).not.toMatch(/(?:Raúl|Libanês)\. \p{Lu}/u);
  });
});

describe('a day number does not run into a name', () => {
  it('finds no date in "Long March 3B", and still finds "March 3rd" and "March 3, 2008"', () => {
    expect(findTemporals('It flew on a Long March 3B rocket.').map((s) => s.text)).toEqual([]);
    expect(findTemporals('It flew on March 3rd.').map((s) => s.text)).toEqual(['March 3rd']);
    expect(findTemporals('It flew on March 3, 2008, from Varno.').map((s) => s.text)).toEqual(['March 3, 2008']);
  });

  it('asks no "Long _____B" question', () => {
    const text = article('Varno satellite launched', 'The Varno-2 satellite was launched on a Long March 3B carrier rocket by the Kellin Space Agency on 7 July 2008. It weighs 2,300 kilograms.');
    for (const q of build(text).deck.questions) expect(q.prompt).not.toMatch(/_____B/);
  });
});

describe('the same day written two ways is never two choices', () => {
  it('knows "October 5, 2014" and "5th October 2014" for one day, and other days for others', () => {
    expect(sameDay('October 5, 2014', '5th October 2014')).toBe(true);
    expect(sameDay('Oct. 5', '5 October 2014')).toBe(true);
    expect(sameDay('October 5, 2014', 'October 5, 2015')).toBe(false);
    expect(sameDay('October 5, 2014', 'October 8, 2014')).toBe(false);
    expect(sameDay('October 2014', 'October 2014')).toBe(false);
  });

  it('offers no day twice among a choice question\'s options, the answer\'s or another', () => {
    const text = article(
      'Racing driver Ana Ruiz dies aged 25',
      'Racing driver Ana Ruiz died on Friday in Varno, nine months after a crash at the Kellin Grand Prix on October 5, 2014.',
      'Ruiz crashed into a recovery vehicle on 5th October 2014 and never woke from her coma. She was moved to a hospital in Osterby on October 12, 2014. Her team announced on October 8, 2014 that she had suffered a severe head injury.',
    );
    let asked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      for (const q of build(text, seed).deck.questions) {
        if (q.kind !== 'choice' || !sameDay(String(q.answer), String(q.answer))) continue;
        asked++;
        for (const [i, one] of q.choices.entries()) {
          const same = q.choices.filter((other, j) => j !== i && sameDay(one, other));
          expect(same, `${q.prompt} [${q.choices.join(' | ')}]`).toEqual([]);
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});

describe('a name standing in for a pronoun keeps its capital', () => {
  it('asks "When did Ana Ruiz’s team ...", not "ana Ruiz’s"', () => {
    const text = article(
      'Racing driver Ana Ruiz dies aged 25',
      'Racing driver Ana Ruiz died on Friday in Varno, nine months after a crash at the Kellin Grand Prix.',
      'Her team announced on October 8, 2014 that she had suffered a severe head injury.',
    );
    const asked = build(text).deck.questions.map((q) => q.prompt);
    expect(asked.some((p) => /Ana Ruiz’s team/.test(p))).toBe(true);
    for (const p of asked) expect(p).not.toMatch(/\bana Ruiz/);
  });
});

describe('a question closes what its words opened', () => {
  it('ends "... Center (WAC)?" with its bracket', () => {
    const text = article('Man who threatened bus riders sentenced', 'On May 21st, park dispatch received a report that a man was threatening passengers on a tour bus at the Varno Access Center (VAC). Ranger Lena Brandt arrested him near the bridge.');
    const asked = build(text).deck.questions.map((q) => q.prompt);
    expect(asked.some((p) => /\(VAC\)\?$/.test(p))).toBe(true);
    for (const p of asked) expect((p.match(/\(/g) ?? []).length, p).toBe((p.match(/\)/g) ?? []).length);
  });
});

describe('a past participle after a noun is not the clause\'s verb', () => {
  it('asks no "When did a study publish suggests ...?"', () => {
    const text = article(
      'Varno residents wary of the new ferry',
      'A Kellin Research Center study published in June suggests that residents of Varno are the least willing to use the ferry of nine towns surveyed.',
      'Since the beginning of October, seven of the eight ferries seized by the harbour board have been in the port of Osterby.',
    );
    const asked = build(text).deck.questions.map((q) => q.prompt);
    expect(asked.length).toBeGreaterThan(0);
    for (const p of asked) expect(p).not.toMatch(/\bdid (?:a|the|seven)\b.*\b(?:publish|seize)\b/);
  });

  it('still asks of a past tense verb in -ed followed by a preposition', () => {
    const text = article('Varno inspector on tour', 'Lena Brandt arrived in Osterby on Monday. Ranger Tomas Berglund rescued the crew.');
    expect(build(text).deck.questions.some((q) => /^(?:Where did Lena Brandt arrive|Who arrived in Osterby)/.test(q.prompt))).toBe(true);
  });

  it('ends a question before "and" that opens a clause of its own', () => {
    const text = article('Varno inspector on tour', 'Lena Brandt arrived in Osterby on Monday and the harbour was closed for a week. Ranger Tomas Berglund rescued the crew.');
    const asked = build(text).deck.questions.map((q) => q.prompt);
    expect(asked.some((p) => /^(?:Where did Lena Brandt arrive|Who arrived in Osterby)/.test(p))).toBe(true);
    for (const p of asked) if (/^(?:Where|When|Who)\b/.test(p)) expect(p).not.toMatch(/harbour was closed/);
  });
});

describe('"How many ...?" asks for a count, not a measure', () => {
  it('asks no "How many magnitude earthquake ...?"', () => {
    const text = article('Strong earthquake off Varno', 'An 8.6 magnitude earthquake occurred off the Varno coast at 08:38 UTC today, causing a tsunami watch to be issued over the entire Kellin Sea. A 7 magnitude quake followed two hours later. About 27 people were hurt in Osterby.');
    for (let seed = 1; seed <= 6; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/^How many magnitude/);
  });

  it('still asks "How many people ...?" of a count', () => {
    const text = article('Storm hits Varno', 'A storm hit the Varno coast on Monday and destroyed the old pier. About 27 people were hurt in Osterby, the harbour town.');
    const asked = [1, 2, 3, 4, 5, 6].flatMap((seed) => build(text, seed).deck.questions.map((q) => q.prompt));
    expect(asked.some((p) => /^How many people were hurt/.test(p))).toBe(true);
  });
});

describe('a word after a preposition is no verb', () => {
  it('asks no "Where does homicide behind bar is unusual?"', () => {
    const text = article('Inmate charged with murder at Varno prison', 'Tomas Berglund appeared at Varno Sheriff Court on Friday charged with murdering his cellmate. Homicide behind bars is unusual in Scotland, though there have been cases in 2006 and 1996. Neighbouring England has seen a spate recently, including four last year.');
    for (let seed = 1; seed <= 6; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/\bbehind bar\b/);
  });
});

describe('a capitalised adjective before a noun is no name (rule modifier)', () => {
  it('asks no "_____ spokesperson Ana Ruiz" answered "Norwegian Presidential"', () => {
    const text = article('Kellin warns Varno over troops', 'Earlier this week about 4,000 troops crossed into Varno from Osterby. Norwegian Presidential spokesperson Ana Ruiz said the troops were a threat. Kellin Deputy Foreign Minister Tomas Berglund said the troops were destabilising the region.');
    expect(keyCandidates(text, 'Norwegian Presidential').reasons.join(' ')).toMatch(/modifier/);
    for (const q of build(text).deck.questions) expect(JSON.stringify(q.answer)).not.toMatch(/Presidential/);
    expect(keyCandidates(text, 'Ana Ruiz').kept).toBe(true);
  });
});

describe('an ampersand joins a firm\'s partners, never a person\'s names', () => {
  it('types "Tomas Kellin & Sons" as an organisation, and the people beside it as people', () => {
    const text = article('Varno council chair resigns', 'Ana Ruiz, the vice-chair of the Varno Council, resigned on Saturday. The firm Tomas Kellin & Sons said it would audit the council. Tomas Lund, a councillor, said the audit was welcome.');
    const { entities } = build(text).analysis;
    expect(entities.find((e) => e.name === 'Tomas Kellin & Sons')?.type).toBe('organisation');
    expect(entities.find((e) => e.name === 'Tomas Lund')?.type).toBe('person');
  });
});

describe('"Dr", "Mr", "Mrs" without a full stop are titles, as with one', () => {
  it('keeps them out of the names', () => {
    const text = article('Varno parliament backs marriage bill', 'The Church of Varno and the Kellin Church both oppose the Bill. Reverend Dr William Hamsworth from the Church of Varno said the Church stands against hatred. Mr Tomas Lund, a councillor, said the vote was welcome. Mrs Ana Ruiz disagreed.');
    const people = build(text).analysis.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['William Hamsworth', 'Tomas Lund', 'Ana Ruiz']));
    for (const name of people) expect(name).not.toMatch(/^(?:Dr|Mr|Mrs) /);
  });
});

describe('a clause that ends where its list begins is a fragment', () => {
  it('asks no "... for _____ countries, including."', () => {
    const text = article('Tsunami watch after Varno earthquake', 'A strong earthquake struck off the Varno coast on Monday. In its report, the Kellin Tsunami Centre issued a tsunami watch for 28 countries, including, but not limited to Varno, Osterby and Lindholm. The watch was lifted for Osterby on Tuesday.');
    for (let seed = 1; seed <= 4; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/including[.?]?$/);
  });
});

describe('a question\'s subject does not start with a preposition', () => {
  it('asks no "When did in the village of Osterby a traffic accident escalate ...?"', () => {
    const text = article('Riots in Varno', 'A state of emergency remained in effect in Varno on Monday. On March 4, in the village of Osterby a traffic accident escalated into a fight in which a man was beaten, according to the Kellin Herald. On March 5, hundreds of people took to the streets of Lindholm.');
    for (let seed = 1; seed <= 4; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/^(?:When|Where|Who) did in\b/);
  });
});

describe('a nationality before a surname the article gives in full elsewhere', () => {
  it('reads "the Australian Lindqvist" as Lindqvist, not a person called "Australian Lindqvist"', () => {
    const text = article(
      'Varno beat Kellin in the cup replay',
      'Varno started with Mark Lindqvist in goal. Rooney was given a break away on net, but he was again stopped by the Australian Lindqvist. Tomas Berglund scored the winner in the 76th minute.',
    );
    const people = build(text).analysis.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).not.toContain('Australian Lindqvist');
    for (const q of build(text).deck.questions) expect(JSON.stringify(q)).not.toMatch(/Australian Lindqvist/);
  });

  it('leaves "the Australian Steelers" and "the 1959 Cuban Revolution" whole', () => {
    const text = article('Varno beat the Steelers', 'Game Four was played between the Varno Wheel Blacks and the Australian Steelers before a lunchtime crowd. Mark Lindqvist had led Varno since the 1959 Cuban Revolution.');
    const names = build(text).analysis.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Australian Steelers']));
    expect(names).not.toContain('Steelers');
  });
});

describe('"Secretary-General" is a title', () => {
  it('keeps "Secretaries-General" out of the names after it', () => {
    const text = article('Leaders criticise Varno government', 'On Friday, forty prominent leaders, including former UN Secretaries-General Ana Lindqvist and Tomas Berglund, criticized the government of Varno in an open letter. The Secretary-General of the Varno Party, Mira Osk, appeared in court today.');
    const people = build(text).analysis.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['Ana Lindqvist', 'Mira Osk']));
    for (const name of people) expect(name).not.toMatch(/Secretar/);
  });
});

describe('a subordinate clause is no question\'s subject', () => {
  it('asks no "When did ever since a war come to an end, relations ...?"', () => {
    const text = article('State of emergency in Sri Lanka', 'A state of emergency remained in effect in Sri Lanka on Monday. Ever since a nearly three decade long civil war came to an end in 2009, relations between Sri Lanka\'s Sinhalese Buddhist majority and Tamil Sunni Muslim minority have remained tense, with the hardline groups blamed for the attacks. Police reported 230 arrests.');
    for (let seed = 1; seed <= 4; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/^(?:When|Where|Who|How many) (?:did|does|do|was|were) ever since/i);
  });
});

describe('words that describe the key go with it', () => {
  it('asks no "Where did the press conference take place located on ...?"', () => {
    const text = article('Bars boycott vodka', 'The press conference announcing the New York City boycott took place at Desmonds Steakhouse located on the 38th Street and 7th Avenue. LGBT activists and models attended the event.');
    for (let seed = 1; seed <= 4; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/take place located/);
  });
});

describe('no verb right after "the"', () => {
  it('asks no "Where did the confirm death toll ...?"', () => {
    const text = article('Attacks in Varno', 'The confirmed death toll of 178 in co-ordinated attacks against government targets in Osterby on Friday, with police and soldiers amongst the many dead and wounded, has risen. The Kellin Herald reported the attacks.');
    for (let seed = 1; seed <= 4; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/\bthe confirm\b/);
  });
});

describe('"and" at the end of a list is no clause break', () => {
  it('keeps "... and foreign athletes, journalists and spectators will be subject to them" whole or asks nothing of it', () => {
    const text = article('Varno to enforce its laws at the Games', 'Sports minister Tomas Berglund reaffirmed the country will enforce these laws during the Games and foreign athletes, journalists and spectators will be subject to them. The Games open in Osterby in February.');
    for (let seed = 1; seed <= 4; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/journalists\?$/);
  });
});

describe('round 16, from the graded search articles', () => {
  it('asks no "When has ...?" of a date after "since"', () => {
    const text = article('Varno director quits the Games', 'Since 2003, fighting between militia and rebels in Kellin has led to the death of more than 200,000 people. Director Tomas Berglund withdrew on Wednesday.');
    for (let seed = 1; seed <= 4; seed++) for (const q of build(text, seed).deck.questions) expect(q.prompt).not.toMatch(/^When (?:has|have|did) fighting/);
  });

  it('cuts no "P5" out of "P5+1" and no "Boro" out of "\'Boro"', () => {
    expect(keyCandidates(article('Varno talks', 'Tomas Berglund spoke after talks this week with the P5+1 group of countries in Osterby.'), 'P5').kept).toBe(false);
    const text = article('Varno win the cup replay', "Ronaldo again threatened 'Boro, but he saw his shot bang off the post. Varno won the replay in Osterby.");
    expect(keyCandidates(text, 'Boro').kept).toBe(false);
  });
});

describe('everyday words joined by "and" in capitals are one name', () => {
  it('cuts no part of "Occupational Safety and Health Inspectorate", "Search and Rescue" or "Marriage and Civil Partnerships Bill"', () => {
    const text = article(
      'Diver dies at Varno aquarium',
      'The Varno Ministry of Manpower and its Occupational Safety and Health Inspectorate are investigating the death. Ranger Tomas Berglund was assisted by four members of Kellin County Search and Rescue. Members of the Varno Parliament voted 98 to 15 to approve the Marriage and Civil Partnerships Bill.',
    );
    for (const part of ['Occupational Safety', 'Health Inspectorate', 'Rescue', 'Civil Partnerships']) expect(keyCandidates(text, part).kept, part).toBe(false);
  });

  it('still asks of two names joined by "and"', () => {
    const text = article('Storm hits Varno', 'The storm was felt as far away as Osterby and Lindholm on Monday. Researchers Ana Lindqvist and Tomas Berglund of the Kellin Institute measured it.');
    expect(keyCandidates(text, 'Lindholm').kept || keyCandidates(text, 'Osterby').kept).toBe(true);
    expect(keyCandidates(text, 'Kellin Institute').kept).toBe(true);
  });
});

describe('two names of everyday words are still two', () => {
  it('asks of "the United Nations and United States" as two names', () => {
    const text = article('Boats turned away', 'Malaysia and Indonesia have turned away boats of migrants, which the United Nations and United States have both criticised. Thailand has recently cracked down on human trafficking.');
    expect(keyCandidates(text, 'United Nations').reasons.join(' ')).not.toMatch(/everyday words/);
  });
});

describe('titles of nobility are titles', () => {
  it('reads "Baroness Lindqvist" as Lindqvist, the person the headline names', () => {
    const text = article('Former Varno Prime Minister Ana Lindqvist dies aged 87', 'Former Varno Prime Minister Ana Lindqvist died on Monday. Baroness Lindqvist was the first woman Prime Minister and served between 1979 and 1990.');
    const people = build(text).analysis.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people.some((name) => /^Baroness/.test(name))).toBe(false);
    for (const q of build(text).deck.questions) expect(JSON.stringify(q.answer)).not.toMatch(/Lindqvist/);
  });
});
