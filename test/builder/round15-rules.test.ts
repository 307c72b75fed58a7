// Round 15 (REVIEW.md, "Round 15"), from the outside graders' grades of the sixth batch of dev articles,
// given before any rule was written from them: initials that stand for a person, titles glued to names,
// names cut by "of", values given away by their conversion, and the rest. Every article and sentence here is
// made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { intervieweeOf } from '../../src/builder/analyse.js';
import { article, build, keyCandidates, theTagger } from './helpers.js';

/** Every question of the deck drafted from `text`, as "prompt -> answer". */
function questions(text: string): string[] {
  return build(text).deck.questions.map((q) => `${q.prompt} -> ${JSON.stringify(q.answer)}`);
}

/** The facts' statements of the deck drafted from `text`. */
function statements(text: string): string[] {
  return build(text).deck.facts.map((f) => f.statement);
}

describe('initials that stand for a person a report does not name', () => {
  const report = article(
    'Man who threatened ferry riders fined in court',
    'On the morning of May 2nd, harbour dispatch received a report that a man was threatening riders on the Varno ferry. Officer Lena Brandt found the man, later identified as K.T., sitting on a bench near the pier. K.T. was charged with disorderly conduct and threatening officers. He remained in custody until his trial on June 23rd. K.T. pled guilty; he was placed on six months of probation.',
  );

  it('asks no question whose answer is the initials', () => {
    for (const q of questions(report)) expect(q).not.toMatch(/-> "K\.T\."/);
  });

  it('reads "he" after them as that person, so the facts about him are asked', () => {
    expect(statements(report).some((s) => s.startsWith('K.T. remained in custody'))).toBe(true);
    expect(keyCandidates(report, 'June 23rd').kept).toBe(true);
    expect(keyCandidates(report, 'six months').kept).toBe(true);
  });

  it('leaves dotted abbreviations that are no one\'s initials as they were', () => {
    const text = article('Varno ferry line opens', 'The U.S. Coast Guard inspected the Varno ferry on Monday. The ferry will sail to Kellin twice a day.');
    expect(keyCandidates(text, 'U.S. Coast Guard').reasons.join(' ')).not.toMatch(/initials/);
  });
});

describe('titles before names', () => {
  it('keeps a ranger\'s title out of the name, also in the plural', () => {
    const text = article('Rangers rescue two hikers at Varno Lake', 'On Sunday, rangers were called to the Varno Lake rim. Rangers Ana Lindqvist and Tomas Berglund rappelled down to the two hikers and raised them to the rim. Ranger Michael Okonkwo coordinated the rescue.');
    const asked = questions(text).join('\n');
    expect(asked).not.toMatch(/-> "Rangers? /);
    expect(keyCandidates(text, 'Michael Okonkwo').kept || keyCandidates(text, 'Ana Lindqvist').kept).toBe(true);
  });

  it('keeps "Emeritus" with the title, not the name', () => {
    const text = article('Varno panel to pick a new harbour flag', 'According to the Varno Herald, Emeritus Professor John Varnsworth, the chairman of the panel of twelve, said the flag had never been open to public choice.');
    expect(questions(text).join('\n')).not.toMatch(/-> "Emeritus/);
    expect(keyCandidates(text, 'John Varnsworth').kept).toBe(true);
  });
});

describe('"of" between a person and where they come from', () => {
  it('asks a person named with their town, and the town, as whole names', () => {
    const text = article('Two crew members killed in Varno rail crash', 'The two killed were 54-year-old engineer Michael Kestrelton of Savannah, Georgia, and 36-year-old conductor Ana Lindqvist of Orange Park, Florida.');
    const { kept, reasons } = keyCandidates(text, 'Michael Kestrelton');
    expect(reasons.join(' ')).not.toMatch(/part of a longer name/);
    expect(kept).toBe(true);
  });

  it('asks a person named with their party', () => {
    const text = article('Harbour council election held in Varno', 'Veteran councillors Lena Marsh of the Harbour Party and Omar Vantongeren of the Coast Alliance were defeated in the northern district on Sunday.');
    expect(keyCandidates(text, 'Lena Marsh').reasons.join(' ')).not.toMatch(/part of a longer name/);
  });
});

describe('values and counts that are not what they seem', () => {
  it('does not ask a conversion in brackets after a value written in words', () => {
    const text = article('Ferry runs aground near Varno', 'The ferry ran aground about ten miles (16 km) south of Varno, the capital of the Kellin province.');
    expect(keyCandidates(text, '16 km').kept).toBe(false);
  });

  it('asks no "How many" of a bound ("Over 200"), which would take the bound for the count', () => {
    const text = article('Clashes in Varno square', 'Police blocked the square in Varno. Over 200 protesters and police officers were injured in Saturday\'s protests.');
    for (const q of questions(text)) expect(q).not.toMatch(/^How many .* -> "200"$/);
  });

  it('does not ask an emergency number', () => {
    const text = article('Couple rescued after four days in Varno desert', 'The couple flagged down a passing rider, who called 911 on his phone on June 3rd.');
    expect(keyCandidates(text, '911').kept).toBe(false);
  });

  it('does not ask a score that could be any game of a series', () => {
    const text = article(
      'Varno wins the Harbour Series',
      'In Game One, Varno beat Kellin 36-62. In Game Two, Ostra beat Kellin 40-52.',
      'Game Three followed at 19:30. Ostra won handily, 62-45.',
    );
    const { kept, reasons } = keyCandidates(text, '62-45');
    expect(kept).toBe(false);
    expect(reasons.some((r) => r.startsWith('ambiguous:'))).toBe(true);
    expect(keyCandidates(text, '40-52').reasons.some((r) => r.startsWith('ambiguous:'))).toBe(false);
  });
});

describe('names', () => {
  it('asks neither of two people by the word their names share', () => {
    const text = article('Varno police clamp down on protests', 'Justice Minister Kim Sung Ho said the protests had turned violent. One protester, Kim Tae-seok, said the police were too harsh. Kim warned that water cannon might be used against the crowds on Saturday.');
    const { kept, reasons } = keyCandidates(text, 'Kim');
    expect(kept).toBe(false);
    expect(reasons.some((r) => r.startsWith('ambiguous:'))).toBe(true);
  });

  it('splits a nationality from a name the lexicon does not know, but not after a place\'s possessive', () => {
    const text = article('Marathon ends the Varno Games', 'In the same race, Tunisian Kelvaro Dressini set an African record with a time of 2:26:56.', "Kellin's German Varo Jelantes served as the runner's guide for the length of the marathon.");
    expect(keyCandidates(text, 'Kelvaro Dressini').kept).toBe(true);
    expect(keyCandidates(text, 'Varo Jelantes').kept).toBe(false);
  });

  it('does not ask one word of a title joined by "and"', () => {
    const text = article('Varno library records its hundredth book', 'While Pride and Prejudice will attract many listeners, the library said on Monday that its recordings of Kellin Press books would also grow.');
    expect(keyCandidates(text, 'Prejudice').kept).toBe(false);
  });

  it('does not ask a received message as an award', () => {
    const text = article('Hikers rescued at Varno Lake', 'On Sunday, June 10th, rangers received a request for help from a visitor who spotted two hikers stuck in deep snow at Varno Lake.');
    expect(keyCandidates(text, 'request').kept).toBe(false);
  });

  it('does not ask the news agency that reported something', () => {
    const text = article('Police detain protesters in Varno', 'Around 70 people were detained by police for occupying roads, the news agency Kelnap reported on Sunday. The leader of the protest group was arrested on Monday, Kelnap reported.');
    expect(keyCandidates(text, 'Kelnap').kept).toBe(false);
  });
});

describe('questions', () => {
  it('makes no question that runs into a second sentence after a semicolon', () => {
    const text = article('Varno rail line has a year of accidents', 'On December 18, a new train derailed at high speed near Varno, killing three; on January 31, a truck driver was killed in Kellin when he hit a train.');
    for (const q of questions(text)) expect(q.split(' -> ')[0]).not.toMatch(/;.*\?$/);
  });
});

describe('an interview printed without speakers\' labels', () => {
  it('finds the one person the headline names', () => {
    const tagger = theTagger();
    expect(intervieweeOf('Interview with Varno founder Hugh Kellerman', tagger)).toBe('Hugh Kellerman');
    expect(intervieweeOf('Wikinews interviews academic Simon Varnsworth about harbour policy', tagger)).toBe('Simon Varnsworth');
    expect(intervieweeOf('Wikinews interviews Mario J. Varno and Isabel Kellin of Harbour Games', tagger)).toBeNull();
    expect(intervieweeOf('Varno wins the Harbour Series', tagger)).toBeNull();
  });

  it('reads the answers as the interviewee\'s words, so their facts can be asked', () => {
    const text = article(
      'Interview with Varno Audio founder Hugh Kellerman',
      'Sunday, May 28, 2031',
      'How did you start the project?',
      'I launched Varno Audio in 2029 and invited some friends to record a chapter of Kellin Tales.',
      'Do you record books yourself?',
      'My personal favourite recording is The Harbour Clock by Ana Ostrova.',
    );
    expect(statements(text).some((s) => s.startsWith('Hugh Kellerman said: “I launched Varno Audio'))).toBe(true);
    expect(keyCandidates(text, '2029').kept).toBe(true);
  });
});

describe('side details of the sixth batch', () => {
  it('cuts a continent the nationality in the stem tells', () => {
    const text = article('Marathon ends the Varno Games', 'In the women\'s race, Australian Ana Kestrelton set an Oceania record with a time of 1:49:37.');
    const { kept, reasons } = keyCandidates(text, 'Oceania');
    expect(kept).toBe(false);
    expect(reasons.some((r) => r.startsWith('continent:'))).toBe(true);
  });
});

describe('the park unit that filed a report', () => {
  const report = [
    'Hikers Found After Three Days',
    '',
    'Tuesday, October 16, 2031',
    '',
    'Varno Peaks NP',
    '',
    'Searchers found two missing hikers in good condition yesterday afternoon after a three-day search of the east side of the park.',
  ].join('\n');

  it('asks it, accepting the written-out name', () => {
    const q = build(report).deck.questions.find((x) => x.prompt === 'Which park unit filed this report?');
    expect(q?.answer).toBe('Varno Peaks NP');
    expect(q?.kind === 'short-answer' ? q.accept : []).toContain('Varno Peaks National Park');
    expect(statements(report)).toContain('The report was filed by Varno Peaks NP (Varno Peaks National Park).');
  });

  it('asks nothing of a short line that names no park unit', () => {
    const text = report.replace('Varno Peaks NP', 'Varno Peaks');
    expect(questions(text).join('\n')).not.toMatch(/Which park unit/);
  });
});

describe('a count the people named after it give', () => {
  it('does not ask "Two" before two people named one by one', () => {
    const text = article(
      'Harbour council election held in Varno',
      'Two veteran councillors Lena Marsh of the Harbour Party and Omar Vantongeren of the Coast Alliance were defeated in the northern district, with Ana Kestrel winning by five hundred votes.',
    );
    const { kept, reasons } = keyCandidates(text, 'Two');
    expect(kept).toBe(false);
    expect(reasons.some((r) => r.startsWith('given-count:'))).toBe(true);
  });

  it('still asks a count that the names after it do not give', () => {
    const text = article('Harbour council election held in Varno', 'Three veteran councillors, among them Lena Marsh of the Harbour Party, were defeated in the northern district on Sunday.');
    expect(keyCandidates(text, 'Three').reasons.some((r) => r.startsWith('given-count:'))).toBe(false);
  });
});
