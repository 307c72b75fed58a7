// Round 13 (REVIEW.md, "Round 13"), from the dev part's missed gold key facts and round 12's "Left" list.
// Every article here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import { sharedWordKeys } from '../../src/builder/select.js';
import { build, theTagger } from './helpers.js';

const article = (title: string, ...body: string[]): string => [title, '', ...body].join('\n\n');

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
    const names = [...sharedWordKeys(info!, theTagger())].map((e) => e.name);
    expect(names).toEqual(['State Forest Service']);
  });

  it('leaves two names of one kind that share their first words', () => {
    const other = article('Two ships moved', 'The museum ship Harbour Queen Adelaide will be moved next to the Harbour Queen Mathilde in Ostra on May 3.');
    const info = analyseArticle(other, theTagger()).sentences.find((s) => s.text.startsWith('The museum'));
    expect([...sharedWordKeys(info!, theTagger())].map((e) => e.name)).toEqual([]);
  });

  it('asks the sentence’s other keys in its place', () => {
    const asked = answers(text);
    expect(asked).not.toContain('State Forest Service');
    expect(asked.some((a) => /^(four|Kellin State Forest)$/.test(a)), asked.join(' | ')).toBe(true);
  });
});
