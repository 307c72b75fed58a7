// Round 11 (REVIEW.md, "Round 11"), from the outside graders' findings on dev's fifth batch: two people who
// share a family name kept apart (a pronoun and a bare surname go to the one the article has named, never
// to a relative named later), names kept whole (a romanised given name, a name its bracketed acronym
// spells, a politician's standing before a name), and a question whose key another question of the deck
// shows in the same words. Every article here is made up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/builder/analyse.js';
import type { Candidate } from '../../src/builder/types.js';
import { article, build, theTagger } from './helpers.js';

/** The entity each mention of `text` is given, by the entity's name. */
function mentionsOf(text: string, name: string): string[] {
  const analysis = analyseArticle(text, theTagger());
  return analysis.sentences.flatMap((s) => s.mentions.filter((m) => m.text === name).map((m) => `${m.entity.type}:${m.entity.name}`));
}

function keptQuestions(text: string): Candidate[] {
  return build(text).candidates.filter((c: Candidate) => c.stage === 'question' && c.kept);
}

const OBITUARY = article(
  'Varno fire convict Zayyed Adel al-Nadir buried',
  'Zayyed al-Nadir has been buried in the town of Ostra, west of the capital Kellin. He was the only person convicted of the Varno harbour fire of 1991. He died at his home on Sunday, aged 71.',
  'Zayyed al-Nadir was placed on trial in May 1994 in Kellin. He was sentenced to 30 years in prison.',
  'Zayyed al-Nadir always denied any part in the fire. His brother Samir al-Nadir said al-Nadir was "at peace now".',
);

describe('family names: two people of one surname stay two', () => {
  it('reads "He" as the man the article is about, not the brother named at its end', () => {
    const kept = keptQuestions(OBITUARY).map((c) => c.text).join('\n');
    expect(kept).not.toMatch(/Samir al-Nadir (?:was the only|died)/);
    const facts = build(OBITUARY).candidates.filter((c: Candidate) => c.stage === 'fact' && c.kept).map((c) => c.text);
    expect(facts.some((f) => /^Zayyed al-Nadir died at his home/.test(f)), facts.join('\n')).toBe(true);
  });

  it('keeps a sentence-initial first name the lexicon does not know with its particle surname', () => {
    expect(mentionsOf(OBITUARY, 'Zayyed al-Nadir')[0]).toBe('person:Zayyed al-Nadir');
    expect(mentionsOf(OBITUARY, 'Samir al-Nadir')).toEqual(['person:Samir al-Nadir']);
  });

  it('gives the bare surname to the one named before it, and to no one once both are named', () => {
    const text = article(
      'Ostra rowers win the harbour cup',
      'Okwui Brandt won the single sculls on Saturday in Varno.',
      'Brandt finished in 7 minutes and 2 seconds, a course record.',
      'His sister Ilse Brandt, who coached him, said Brandt had trained for four years.',
    );
    const bare = mentionsOf(text, 'Brandt');
    expect(bare[0]).toBe('person:Okwui Brandt');
    expect(bare.slice(1).every((e) => e !== 'person:Ilse Brandt' && e !== 'person:Okwui Brandt'), bare.join(', ')).toBe(true);
  });

  it('takes a fuller form of one person’s name for no relative', () => {
    const text = article('Okoro wins the Varno prize', 'Lena Okoro won the Varno prize for poetry on Monday.', 'Lena Ada Okoro was born in Kellin in 1950.', 'Okoro said she was surprised.');
    expect(mentionsOf(text, 'Okoro')).toEqual(['person:Lena Okoro']);
  });
});

describe('names kept whole', () => {
  it('keeps a romanised given name with its family name', () => {
    const text = article('Varno council elected', 'Lam Kwok-kin of the Harbour Party was elected to the Varno council on Sunday.', 'Lam Kwok-kin won 40,000 votes, and Chan Siu-lai won 32,000.');
    expect(mentionsOf(text, 'Lam Kwok-kin')[0]).toBe('person:Lam Kwok-kin');
    expect(mentionsOf(text, 'Chan Siu-lai')).toEqual(['person:Chan Siu-lai']);
    expect(mentionsOf(text, 'Lam')).toEqual([]);
  });

  it('does not join a compound of a place to the name before it', () => {
    const text = article('Varno firm grows', 'The Ostra Kellin-based firm Harbour Tools hired 300 people in Varno on Monday.');
    const analysis = analyseArticle(text, theTagger());
    const names = analysis.sentences.flatMap((s) => s.mentions.map((m) => m.text));
    expect(names.some((n) => /Kellin-based/.test(n)), names.join(', ')).toBe(false);
  });

  it('keeps a name its acronym in brackets spells across a short word', () => {
    const text = article('Varno airspace closed', 'The Varno Aviation Office issued a Warning to Pilots (WATOP) closing the airspace over Ostra on Monday.');
    expect(mentionsOf(text, 'Warning to Pilots').length).toBe(1);
    expect(mentionsOf(text, 'Pilots')).toEqual([]);
  });

  it('leaves a politician’s standing out of the name', () => {
    const text = article('Varno council elected', 'The Harbour Party won 12 seats in the Varno council election on Sunday.', 'Nonpartisan Paul Okafor was re-elected with 9,000 votes.');
    expect(mentionsOf(text, 'Paul Okafor')).toEqual(['person:Paul Okafor']);
  });
});

describe('cross-echo: another question shows the key in the same words', () => {
  it('does not ask "Over _____ decades" when another stem reads "over the two decades"', () => {
    const text = article(
      'Falling shelves hurt children in Varno, study finds',
      'Over two decades, a child in Varno was hurt by a falling shop shelf every 40 minutes, according to a study released on Monday by the Harbour Institute.',
      'The study was led by Dr. Ana Ruiz of Kellin University.',
      'The study looked at over 9,000 cases over the two decades.',
      'Most of the children were under five years old, the study found.',
    );
    const { candidates } = build(text);
    const two = candidates.filter((c: Candidate) => c.stage === 'question' && c.answer === 'two');
    expect(two.some((c) => c.kept)).toBe(false);
    expect(two.some((c) => c.reason.startsWith('cross-echo:')), two.map((c) => c.reason).join(' | ')).toBe(true);
  });

  it('does not cut a person the deck names again beside the same title', () => {
    const text = article(
      'Varno and Ostra leaders meet in Kellin',
      'Varno President Ana Ruiz met Ostra President Tomas Brandt in Kellin on Monday for four hours of talks.',
      'The talks follow a promise made by President Ruiz and President Brandt in 2021 to keep talking.',
      'The two leaders signed a fishing agreement worth 40 million dollars.',
    );
    const reasons = build(text).candidates.filter((c: Candidate) => c.stage === 'question').map((c) => c.reason);
    expect(reasons.some((r) => r.startsWith('cross-echo:') && /Ruiz|Brandt/.test(r)), reasons.join(' | ')).toBe(false);
  });
});
