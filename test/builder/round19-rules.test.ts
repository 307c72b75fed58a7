// Round 19 (REVIEW.md, "Round 19"): the WRONG classes of the tenth batch's untuned grading and of round 18's
// regrade. Every article and sentence here is made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { badGrammar } from '../../src/builder/self-check.js';
import { splitSentences } from '../../src/domain/article.js';
import { article, build, expectCut, expectNotCutBy, keyCandidates, theTagger, whOn as wh, withHeadlineTitle } from './helpers.js';


describe('a full stop inside a bracket that closes soon after ends no sentence', () => {
  it('keeps "Varno (1968. Ratified by Kellin), Osterby (1970)" in one sentence, in the builder\'s split only', () => {
    const text = 'The pact names three states: Sorvik (signed 1992), Varno (1968. Duties taken over by Kellin), Osterby (1970), and Lindqvist (1968). The pact came into force in 1970.';
    const finer = splitSentences(text, { finer: true }).map((s) => s.text);
    expect(finer).toHaveLength(2);
    expect(finer[0]).toMatch(/^The pact names .* Lindqvist \(1968\)\.$/);
    // The split decks are checked and shown with is unchanged.
    expect(splitSentences(text).length).toBe(3);
    // A bracket that does not close on the line is no reason to go on.
    expect(splitSentences('Varno won (the first time. Kellin lost the final.', { finer: true })).toHaveLength(2);
  });

  it('cuts no clause at a semicolon inside brackets: no "Duties taken over by Kellin), the _____ (1968)" fragment', () => {
    const text = article(
      'Varno will sell no ore to Kellin',
      'The pact lets five states hold the ore: Sorvik (signed 1992), the People\'s Republic of Osterby (1992), the Varnian Union (1968; duties taken over by Kellin), the Lindqvist Kingdom (1968), and the Berglund States (1968).',
    );
    const prompts = build(text).candidates.filter((c) => c.stage === 'question').map((c) => c.text);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.join(' | ')).not.toMatch(/\(1968;?(?:”|")?(?: \||$)|Duties taken over/);
  });

  it('asks no "the _____ (1968." fragment', () => {
    const text = article(
      'Varno will sell no ore to Kellin',
      'The pact lets five states hold the ore: Sorvik (signed 1992), the People\'s Republic of Osterby (1992), the Varnian Union (1968. Duties taken over by Kellin), the Lindqvist Kingdom (1968), and the Berglund States (1968).',
    );
    const prompts = build(text).candidates.filter((c) => c.stage === 'question' && c.kept).map((c) => c.text);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.join(' | ')).not.toMatch(/\(1968\.(?:”|")?(?: \[| \||$)|^Duties taken over/m);
  });
});

describe('a name and its epithet are one name', () => {
  it('asks no "Drax the _____" for "Destroyer"', () => {
    const text = article(
      'Studio fires film director Kellin Varno',
      'Actor Tomas Berglund, who plays Osterby the Destroyer in the Sorvik films, said the director was a kind man. The studio fired Kellin Varno on Friday.',
    );
    expect(keyCandidates(text, 'Destroyer').kept).toBe(false);
    expect(keyCandidates(text, 'Destroyer').reasons.join(' | ')).toMatch(/epithet/);
  });
});

describe('a plural in the possessive inside a name', () => {
  it('asks no "the _____\' Association" for "Kellin Airline Pilots"', () => {
    const text = article(
      'Varno Air sues newspapers',
      'Varno Air uses many short contracts, which the Kellin Airline Pilots\' Association describe as some of the worst in the trade. The airline said it would sue the Osterby Times.',
    );
    expect(keyCandidates(text, 'Kellin Airline Pilots').kept).toBe(false);
    expectNotCutBy(text, 'Osterby Times', 'self-check');
  });
});

describe('a count the deck\'s title gives', () => {
  it('asks no "win _____ titles" -> seven under "... wins seventh title", nor "7th"', () =>
    withHeadlineTitle(() => {
      for (const title of ['Kellin Varno wins seventh Osterby Cup title', 'Kellin Varno wins 7th Osterby Cup title']) {
        const text = article(title, 'At the age of 41, Kellin Varno became the youngest driver to win seven titles in the Osterby Cup.');
        expectCut(text, 'seven', 'given-count');
      }
      // A place in a run of days counts nothing; another count is still asked.
      expectNotCutBy(article('Osterby Cup enters third day at Sorvik', 'Kellin Varno scored points in the next three ends of the final at Sorvik.'), 'three', 'given-count');
      const other = article('Kellin Varno wins seventh Osterby Cup title', 'At the age of 41, Kellin Varno became the youngest driver to win six titles in the Osterby Cup.');
      expectNotCutBy(other, 'six', 'given-count');
    }));

  it('asks no "launched _____ satellites" under "... launches Kellin-1 and Varno-6 satellites"', () =>
    withHeadlineTitle(() => {
      const text = article('Osterby rocket launches Kellin-1 and Varno-6 satellites', 'An Osterby rocket has launched two satellites from the Sorvik Space Centre on Friday.');
      expectCut(text, 'two', 'given-count');
      const none = article('Osterby rocket launches satellites', 'An Osterby rocket has launched two satellites from the Sorvik Space Centre on Friday.');
      expectNotCutBy(none, 'two', 'given-count');
    }));
});

describe('"also" says others did the same', () => {
  it('asks no "Which organisation was also sued?", but "Which organisation was sued?"', () => {
    expect(wh('The Sorvik Telegraph was also sued but the action has been dropped.', 'Sorvik Telegraph')).toBeNull();
    expect(wh('The Sorvik Telegraph was sued as well.', 'Sorvik Telegraph')).toBeNull();
    expect(wh('The Sorvik Telegraph was sued but the action has been dropped.', 'Sorvik Telegraph')).toMatch(/^Which organisation was sued/);
    expect(wh('Also on Thursday, the Sorvik Telegraph won a prize for the story.', 'Sorvik Telegraph')).toMatch(/^Which organisation won a prize/);
  });
});

describe('an adjective that does not spell its name gives it away', () => {
  it('asks no "in _____" -> Switzerland under "Swiss police ...", but does under "Police ..."', () => {
    const body = 'Police arrested Kellin Varno at his home in Switzerland on Friday, after a search of three weeks.';
    expectCut(article('Swiss police arrest Kellin Varno', body), 'Switzerland', 'giveaway');
    expectNotCutBy(article('Police arrest Kellin Varno', body), 'Switzerland', 'giveaway');
  });
});

describe('a person\'s name begins before the word the finder took for its start', () => {
  it('asks no "the Refugee Council Ulvar _____" nor "defence minister Sultan _____", but "Mayor of Kellin _____"', () => {
    const text = article(
      'Varno plans new asylum forms',
      'After the leak, CEO of the Kellin Refugee Council Ulvar Thomas told reporters that the new forms must be well thought out. Former defence minister Sultan Hashim Lindqvist was also sentenced on Monday. The Mayor of Kellin Tomas Osterby said the town would help.',
    );
    expect(keyCandidates(text, 'Thomas').reasons.join(' | ')).toMatch(/"Ulvar" right before it begins the name/);
    expect(keyCandidates(text, 'Thomas').kept).toBe(false);
    expect(keyCandidates(text, 'Hashim Lindqvist').reasons.join(' | ')).toMatch(/after the title "minister" begins the name/);
    expectNotCutBy(text, 'Tomas Osterby', 'self-check');
  });
});

describe('a name goes on into "to" and a capitalised verb, or a hyphen', () => {
  it('asks no "the _____ to Prevent Gun Violence" nor "_____- NATO Joint Jet Pilot Training"', () => {
    const text = article(
      'Kellin campaigner Ana Berglund dies',
      'Ana Berglund’s death was announced by the Berglund Campaign and Center to Prevent Gun Violence. As a young woman she was chosen to attend a pilot training programme called Euro- NATO Joint Jet Pilot Training in Osterby.',
    );
    expect(keyCandidates(text, 'Berglund Campaign and Center').reasons.join(' | ')).toMatch(/goes on into "to Prevent"/);
    expect(keyCandidates(text, 'Euro').reasons.join(' | ')).toMatch(/joined to the next by a hyphen/);
    expect(keyCandidates(text, 'Euro').kept).toBe(false);
    expect(keyCandidates(text, 'Osterby').kept).toBe(true);
  });
});

describe('a singular "which" with a plural verb', () => {
  it('finds "Which organisation have 3 each?" garbled, and "Which organisation has 3?" not', () => {
    expect(badGrammar('Which organisation have 3 each?', 'short-answer', theTagger())).toMatch(/plural verb/);
    expect(badGrammar('Which organisation has 3 complaints?', 'short-answer', theTagger())).toBeNull();
  });
});
