// Round 30 (REVIEW.md), from the regrade of stop 34 and the eighteenth batch's untuned grades (stop 35): an
// occupation or a nationality before a person's name is no part of it; a span of years, half of a figure
// shared by two sides, and the score of an "only goal" are given by their stem; a sea or a house of worship is
// accepted by its own name. The matcher's new aliases are in test/grading. Every article and sentence here is
// made up, and the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { accepts, article, expectDropped, expectTypedAccepts, keyCandidates, typedOn, withHeadlineTitle } from './helpers.js';

const GAMES = article(
  'Kellin swimmers shine at the Varno Games',
  'Swimmer Tomas Osterby won the gold medal for Kellin in the 400 metre medley on Sunday.',
  'The Hungarian Kirsa Bristol finished second and won the silver medal.',
  'Osterby managed the Kellin team for eight years, from 1988 to 1996.',
  'The referee booked six players – three players of each side received a yellow card.',
);

describe('an occupation or a nationality before a name', () => {
  it('leaves "Swimmer" out of the name at a sentence\'s start, and asks the name', () => {
    expect(keyCandidates(GAMES, 'Swimmer Tomas Osterby').count).toBe(0);
    const typed = typedOn(GAMES, 'Tomas Osterby').filter((q) => /gold medal/.test(q.prompt));
    expect(typed.length).toBeGreaterThan(0);
    for (const q of typed) {
      expect(q.prompt).toMatch(/^Swimmer _____ won/);
      expect(accepts(q, 'Tomas Osterby')).toBe(true);
    }
  });
  it('leaves a nationality out of a name whose first word no dictionary has', () => {
    expect(keyCandidates(GAMES, 'Hungarian Kirsa Bristol').count).toBe(0);
    expect(keyCandidates(GAMES, 'Kirsa Bristol').count).toBeGreaterThan(0);
  });
});

describe('figures the stem gives', () => {
  it('drops a span of years that two years of the stem give', () => {
    expectDropped(GAMES, 'eight years', /arithmetic: the years 1988 and 1996/);
  });
  it('drops half of a figure shared between two sides', () => {
    expectDropped(GAMES, 'three', /arithmetic: 6 in the stem, shared between two sides/);
  });
  it('drops the score that "only goal" in the title gives', () =>
    withHeadlineTitle(() => {
      const text = article(
        'Osterby scores only goal as Kellin beat Varno',
        'On Tuesday, Kellin defeated Varno 1–0 in the semifinals of the Sorvik Cup.',
        'Tomas Osterby headed in a corner in the 51st minute, and Kellin will play Lindqvist United in the final.',
      );
      expectDropped(text, '1–0', /arithmetic: "only goal"/);
    }));
  it('keeps a score no "only goal" gives', () => {
    const text = article(
      'Kellin beat Varno to reach the final',
      'On Tuesday, Kellin defeated Varno 1–0 in the semifinals of the Sorvik Cup.',
      'Tomas Osterby headed in a corner in the 51st minute, and Kellin will play Lindqvist United in the final.',
    );
    expect(keyCandidates(text, '1–0').reasons.some((r) => /only goal/.test(r))).toBe(false);
  });
});

describe('a sea or a house of worship by its own name', () => {
  it('accepts "Varnean" for "the Varnean Sea" and "Kellinji" for "Kellinji Shrine"', () => {
    const text = article(
      'Pilot dies after crash at sea',
      'A pilot from Sorvik has died in a plane crash in the Varnean Sea, but his nine passengers were rescued by fishermen.',
      'Days before, the pilot had visited Kellinji Shrine in Osterby with his family, his brother Tomas said on Monday.',
    );
    const sea = typedOn(text, 'Varnean Sea');
    const shrine = typedOn(text, 'Kellinji Shrine');
    expect(sea.length + shrine.length).toBeGreaterThan(0);
    for (const q of sea) expect(accepts(q, 'Varnean')).toBe(true);
    for (const q of shrine) expect(accepts(q, 'Kellinji')).toBe(true);
  });
  it('not where the name is an English word ("the North Sea" is not "North")', () => {
    const text = article(
      'Pilot dies after crash at sea',
      'A pilot from Sorvik has died in a plane crash in the North Sea, but his nine passengers were rescued by fishermen.',
      'His brother Tomas Osterby said on Monday that the family would hold a service in Kellin.',
    );
    expectTypedAccepts(text, 'North Sea', [], ['North']);
  });
});
