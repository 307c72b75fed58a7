// Round 7 rules, from round 6's outside graders (REVIEW.md, "What the builder does about it"): descriptor
// words glued to a name, counts the stem gives away, unit conversions, a name plus a bare "s", relative time
// words, the title's name inside a longer key, and options that point to the key. Every article here is made
// up; the builder knows none of its names.

import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/builder/types.js';
import { pointingOption } from '../../src/builder/key-checks.js';
import { article, build } from './helpers.js';

/** The key candidates asking for `answer`: whether one was kept, and why the others were dropped. */
function about(text: string, answer: string): { kept: boolean; reasons: string[]; asked: boolean } {
  const { candidates } = build(text);
  const mine = candidates.filter((c: Candidate) => c.stage !== 'fact' && c.stage !== 'sentence' && (c.answer ?? '').replace(/^the /, '') === answer && c.kind !== 'true-false');
  return { kept: mine.some((c) => c.kept), reasons: mine.filter((c) => !c.kept).map((c) => c.reason ?? ''), asked: mine.length > 0 };
}

/** Every answer a candidate question (kept or not) of the article asks. */
function answersOf(text: string): string[] {
  return build(text).candidates.filter((c: Candidate) => c.stage === 'question' && c.kind !== 'true-false').map((c) => (c.answer ?? '').replace(/^the /, ''));
}

/** Every answer a kept question of the article asks. */
function keptAnswers(text: string): string[] {
  return build(text).candidates.filter((c: Candidate) => c.kept && c.stage === 'question' && c.kind !== 'true-false').map((c) => (c.answer ?? '').replace(/^the /, ''));
}

describe('descriptor: an occupation, faith or nationality word before a name is not part of it', () => {
  it('does not glue an occupation noun to the person after it', () => {
    const text = article('Harbour plan criticised in Varno', 'Conservationist Tomas Brandt said on Monday that the harbour plan of Varno would destroy the wetlands of the Kellin estuary.', 'The city council of Varno approved the plan by nine votes to four.');
    const answers = answersOf(text);
    expect(answers.some((a) => /Conservationist/.test(a)), answers.join(' | ')).toBe(false);
  });

  it('does not glue a faith noun to the person after it', () => {
    const text = article('Kestrel Church opens a centre in Varno', 'Kestrelist Ada Okafor opened the new centre of the Kestrel Church in the city of Varno on Monday.', 'The centre cost 40 million dollars, the church said.');
    const answers = answersOf(text);
    expect(answers.some((a) => /Kestrelist/.test(a)), answers.join(' | ')).toBe(false);
  });

  it('does not glue a sentence-initial "Born" to a birth name', () => {
    const text = article('Guru of Varno dies at 84', 'Born Ostravan Kellinath Rao in a village near Varno, the guru founded an ashram in the hills above the city in 1950.', 'He died in hospital in Varno on Sunday.');
    const answers = answersOf(text);
    expect(answers.some((a) => /^Born\b/.test(a)), answers.join(' | ')).toBe(false);
  });

  it('never asks a nationality word standing for a person', () => {
    const text = article('Varno Rovers win the Harbour Cup', 'The Dutchman scored twice in the second half as Varno Rovers beat Kellin United 3-1 in the final of the Harbour Cup on Sunday.', 'Coach Lena Park praised the Dutchman after the match.');
    const { kept } = about(text, 'Dutchman');
    expect(kept).toBe(false);
  });
});

describe('counts the stem gives away', () => {
  it('does not ask a count that "both" beside the blank gives', () => {
    const text = article('Kestrel Rovers lose in Varno', 'Kestrel Rovers were soon down by two goals, both struck by the Varno striker Tomas Brandt before the half-hour mark.');
    const { kept, reasons } = about(text, 'two');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^given-count:/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('does not ask a count that the list after the blank spells out', () => {
    const text = article('Kestrel Rovers celebrate a season in Varno', 'In 2031 Kestrel Rovers became the first club to win all three major harbour trophies – the Varno Cup, the Kellin Shield and the Ostra Plate.');
    const { kept, reasons } = about(text, 'three');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^given-count:/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('does not ask a count that "each of the" or "the pair" gives', () => {
    const text = article('Climbers rescued near Varno', 'Rangers of the Varno park found the two climbers on Monday, and the pair were flown to the hospital of Ostra by helicopter.');
    const { kept, reasons } = about(text, 'two');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^given-count:/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('still asks a count nothing in the stem gives', () => {
    const text = article('Kestrel Rovers lose in Varno', 'Kestrel Rovers were soon down by two goals after the Varno striker Tomas Brandt scored before the half-hour mark.');
    const { reasons } = about(text, 'two');
    expect(reasons.filter((r) => /^given-count:/.test(r))).toEqual([]);
  });
});

describe('conversion: a value and its conversion in the stem give each other', () => {
  it('does not ask a metric value whose imperial measure the stem states', () => {
    const text = article('Giant sturgeon caught in Varno', 'The sturgeon caught near Varno on Monday was six feet, or about 1.8 metres, long and weighed more than 90 kilograms, the park said.');
    const { kept, reasons } = about(text, '1.8 metres');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^conversion:/.test(r)), reasons.join(' | ')).toBe(true);
  });

  it('does not ask the imperial side either', () => {
    const text = article('Giant sturgeon caught in Varno', 'The sturgeon caught near Varno on Monday was six feet, or about 1.8 metres, long and weighed more than 90 kilograms, the park said.');
    const { kept } = about(text, 'six feet');
    expect(kept).toBe(false);
  });

  it('still asks a measure with no conversion beside it', () => {
    const text = article('Giant sturgeon caught in Varno', 'The sturgeon caught near Varno on Monday was about 1.8 metres long and weighed more than 90 kilograms, the park said.');
    const { reasons } = about(text, '1.8 metres');
    expect(reasons.filter((r) => /^conversion:/.test(r))).toEqual([]);
  });
});

describe('plural-name: a name with a bare "s" the article writes without it', () => {
  it('does not ask "Marlowes" where the article writes "Marlowe"', () => {
    const text = article('Cup final ends in Ostra', 'Varno Rovers lost the Harbour Cup final on Sunday in the city of Ostra to Marlowe.', 'The final gave Marlowes supporters a third trophy since 2020, the club of Ostra said on Monday.');
    const { kept, reasons, asked } = about(text, 'Marlowes');
    expect(kept).toBe(false);
    if (asked) expect(reasons.some((r) => /^plural-name:/.test(r)), reasons.join(' | ')).toBe(true);
    expect(keptAnswers(text).filter((a) => /Marlowes/.test(a))).toEqual([]);
  });
});

describe('relative-time: "yesterday", "today", "last week" are not keys', () => {
  it('does not ask "yesterday"', () => {
    const text = article('Ferry sinks off Varno', 'The ferry Kestrel sank off the coast of Varno yesterday with 300 passengers on board, the coast guard of Ostra said.');
    const { kept, reasons } = about(text, 'yesterday');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^relative-time:/.test(r)), reasons.join(' | ')).toBe(true);
    expect(keptAnswers(text).filter((a) => /^(?:yesterday|today|last week)$/i.test(a))).toEqual([]);
  });
  it('does not ask "last week"', () => {
    const text = article('Ferry sinks off Varno', 'The ferry Kestrel sank off the coast of Varno last week with 300 passengers on board, the coast guard of Ostra said.');
    expect(keptAnswers(text).filter((a) => /^(?:last week)$/i.test(a))).toEqual([]);
  });
});

describe('giveaway: the title names the key in a shorter form', () => {
  it('does not ask "Kestrel Varno" under a title that names "Kestrel"', () => {
    const text = article('Kestrel win the Harbour Supercup', 'Kestrel Varno beat Ostra Harbour 5-4 on penalties in the Harbour Supercup on Saturday in the city of Kellin.', 'Kestrel Varno coach Lena Park praised her goalkeeper.');
    const { kept, reasons } = about(text, 'Kestrel Varno');
    expect(kept).toBe(false);
    expect(reasons.some((r) => /^giveaway: .*title/.test(r)), reasons.join(' | ')).toBe(true);
  });
});

describe('pointer: the only option sharing a word with the title', () => {
  it('names the one option that shares a name word with the title, and lets options that share it too pass', () => {
    const header = 'Crane collapse kills 20 in Varno';
    const prompt = 'Which organisation owned the crane that collapsed on Friday?';
    const reason = pointingOption('the Varno Kestrel Trust', ['the Ostra Building Company', 'the Kellin Engineering Institute', 'the Lantern Insurance Group'], prompt, header);
    expect(reason ?? '').toMatch(/^pointer: .*"Varno"/);
    expect(pointingOption('the Varno Kestrel Trust', ['the Varno Building Company', 'the Kellin Engineering Institute', 'the Lantern Insurance Group'], prompt, header)).toBeNull();
    expect(pointingOption('the Ostra Building Company', ['the Lantern Insurance Group', 'the Kellin Engineering Institute', 'the Marlow Trust'], prompt, header)).toBeNull();
  });
});
