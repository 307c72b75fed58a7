// The last look over a drafted deck (select.ts, pruneMinor; REVIEW.md, round 4): what outside graders cut
// most as minor details, cut by rules the builder can compute. Every article here is made up; the builder
// knows none of its names.

import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/builder/types.js';
import { build } from './helpers.js';

/** The key questions (not statements) asking for `answer`: whether one was kept, and why the others were not. */
function about(article: string, answer: string): { kept: boolean; reasons: string[] } {
  const { candidates } = build(article);
  const mine = candidates.filter((c: Candidate) => c.stage === 'question' && c.answer === answer && c.kind !== 'true-false');
  return { kept: mine.some((c) => c.kept), reasons: mine.filter((c) => !c.kept).map((c) => c.reason) };
}

const titled = (title: string, ...body: string[]): string => [title, '', ...body].join('\n\n');

describe('statement: no true/false statement in a drafted deck', () => {
  it('leaves out the statement that would close a sentence whose keys are asked already', () => {
    const text = titled(
      'Harbour Town Weekly Notes',
      'The Kestrel Bay council approved a new harbour wall worth 4 million dollars on Monday after a long debate.',
      'Mayor Ada Lund said the wall would protect the old town of Kestrel Bay from the storms of the winter.',
      'Ada Lund said the new harbour wall of Kestrel Bay would cost 4 million dollars in all.',
    );
    const { deck, candidates } = build(text);
    expect(deck.questions.some((q) => q.kind === 'true-false')).toBe(false);
    const statements = candidates.filter((c) => c.kind === 'true-false' && /^statement: a true\/false statement asks no key/.test(c.reason));
    expect(statements.length, candidates.filter((c) => c.kind === 'true-false').map((c) => c.reason).join(' | ')).toBeGreaterThan(0);
  });
});

describe('play-by-play: the moves of a match', () => {
  const opening = [
    'Varn United beat Kestrel Rovers 2 – 1 on Saturday at the Harbour Stadium in Ostra to win the Coastal Cup.',
    'Captain Anders Holm scored both goals for Varn United, the second in stoppage time.',
    'It was the first Coastal Cup for Varn United since 1987.',
  ];

  it('does not ask who was booked or substituted, or at which minute, when the article names them once', () => {
    const text = titled('Varn United win the Coastal Cup', ...opening, 'Rovers defender Pieter Maas was booked for a late tackle on the halfway line in the first half.', 'In the 60th minute, the injured Rovers midfielder Jonas Brekke had to leave the pitch on a stretcher.');
    for (const answer of ['Pieter Maas', 'Jonas Brekke']) {
      const { kept, reasons } = about(text, answer);
      expect(kept, answer).toBe(false);
      expect(reasons.some((r) => /^play-by-play: /.test(r)), reasons.join(' | ')).toBe(true);
    }
  });

  it('still asks a goal, and a player the article returns to', () => {
    const text = titled(
      'Varn United win the Coastal Cup',
      ...opening,
      'In the 70th minute, Erik Sand scored a header for Rovers to level the match.',
      'Rovers defender Pieter Maas was booked for a late tackle on the halfway line in the first half.',
      'Pieter Maas later apologised to the Varn United fans for the tackle.',
    );
    expect(about(text, 'Erik Sand').kept).toBe(true);
    expect(about(text, 'Pieter Maas').reasons.some((r) => /^play-by-play: /.test(r))).toBe(false);
  });
});

describe('side-matter: a side story far from the headline', () => {
  // Twenty sentences on the headline's story, each naming a different year, then the side story.
  const story = Array.from({ length: 20 }, (_, i) => `The harbour wall of Kestrel Bay was inspected again in ${1950 + i} by the engineers of the port.`);

  it('does not ask a key named once, past the twentieth sentence, in a sentence that shares no word with the headline', () => {
    const text = titled('Harbour wall to be rebuilt', ...story, 'Meanwhile, a choir from Pell sang for visitors in the town of Ostrania during the spring festival.');
    const { kept, reasons } = about(text, 'Ostrania');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^side-matter: /.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('still asks it where the sentence shares a word with the headline', () => {
    const text = titled('Harbour wall to be rebuilt', ...story, 'Meanwhile, a choir from Pell sang for the wall builders in the town of Ostrania during the spring festival.');
    expect(about(text, 'Ostrania').reasons.some((r) => /^side-matter: /.test(r))).toBe(false);
  });

  it('still asks it where the sentence names what the article keeps returning to', () => {
    const text = titled('Harbour wall to be rebuilt', ...story, 'Meanwhile, a choir from Pell sang for visitors in Kestrel Bay and in the town of Ostrania during the spring festival.');
    expect(about(text, 'Ostrania').reasons.some((r) => /^side-matter: /.test(r))).toBe(false);
  });
});

describe('giveaway: the person the title names by surname', () => {
  it('does not ask the first person of the surname, though a relative shares it', () => {
    const text = titled(
      'Lund recovering after surgery',
      'Ada Lund is recovering well after surgery on Monday at the Varn clinic, her doctors said on Tuesday.',
      'Before the surgery, Ada Lund handed the harbour office of Kestrel Bay to her brother, Tomas Lund, for three weeks.',
    );
    const ada = about(text, 'Ada Lund');
    expect(ada.kept).toBe(false);
    expect(ada.reasons.some((r) => /^giveaway: the surname "Lund"/.test(r)), ada.reasons.join(' | ')).toBe(true);
    expect(about(text, 'Tomas Lund').reasons.some((r) => /^giveaway: the surname/.test(r))).toBe(false);
  });

  it('does not ask a fuller form of the title’s name as someone else', () => {
    const text = titled('Singer Ada Lund dies aged 90', 'Singer Ada Lund died on Monday at her home in Varn, her family said.', 'Ada Maria Lund was born in Kestrel Bay on March 3, 1935, to a family of fishermen.');
    const { kept, reasons } = about(text, 'Ada Maria Lund');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^giveaway: /.test(r)), reasons.join(' | ')).toBe(true);
  });
});
