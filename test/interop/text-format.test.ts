// The text format against what Anki really writes: a note export mixing Basic, Cloze, an image-only note
// and a three-field note imports what can be imported and lists the rest with its line (--strict: all
// or nothing); HTML entities beyond a small table decode; "Include HTML" off, or an old export with HTML
// and no header, gives clean text; the topic survives Anki's sorting of tags.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deckCards, formatAnki } from '../../src/bank/interop/export-deck.js';
import { htmlToText } from '../../src/bank/interop/html-text.js';
import { planImport } from '../../src/bank/interop/import-deck.js';
import { readCards } from '../../src/bank/interop/read-cards.js';
import type { Deck } from '../../src/domain/deck.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/interop/${name}`, import.meta.url), 'utf8');

describe('an Anki note export of several note types', () => {
  const plan = planImport(fixture('anki-mixed-notes.txt'), { fileName: 'anki-mixed-notes.txt' });

  it('imports the Basic notes, a fact per cloze of the Cloze note, and the first two fields of a three-field note', () => {
    const deck = plan.deck as Deck;
    expect(deck.questions.map((q) => [q.kind, q.prompt, 'answer' in q ? q.answer : null])).toEqual([
      ['short-answer', 'Capital of France?', 'Paris'],
      ['cloze', '_____ is on the Seine.', 'Paris'],
      ['cloze', 'Paris is on the _____.', 'Seine'],
      ['short-answer', 'Largest ocean?', 'Pacific'],
      ['short-answer', 'Price of a baguette in €?', '1€ & 20 cents ♥'],
    ]);
    expect(deck.facts[1]?.statement).toBe('Paris is on the Seine.');
    expect(deck.questions[1]?.explanation).toBe('Paris is on the Seine.\nThe river runs through it.');
  });

  it('lists the image-only note as skipped, with its line, and the three-field row in a note', () => {
    expect(plan.skipped).toEqual([expect.objectContaining({ line: 9, message: expect.stringContaining('only an image') })]);
    expect(plan.notes).toEqual([expect.stringMatching(/^1 row had more fields.*\(line 10\)$/)]);
  });

  it('reads the topic from its factdeck::topic:: tag wherever it stands, else the first tag', () => {
    expect(plan.deck?.facts.map((f) => f.topic)).toEqual(['capitals', 'europe', 'europe', 'oceans', 'prices']);
  });

  it('with --strict, imports nothing and names the line that cannot be imported', () => {
    const strict = planImport(fixture('anki-mixed-notes.txt'), { fileName: 'anki-mixed-notes.txt', strict: true });
    expect(strict.deck).toBeNull();
    expect(strict.problems.map((p) => p.line)).toEqual([9]);
  });
});

describe('HTML entities and clean text', () => {
  it.each([
    ['5&euro; &pound;3 &yen;', '5€ £3 ¥'],
    ['&#8364;&#x20AC; &hearts; &frac12; &Omega;', '€€ ♥ ½ Ω'],
    ['a&nbsp;b', 'a b'],
    ['R&D and AT&T stay', 'R&D and AT&T stay'],
    ['&notanentity;', '&notanentity;'],
  ])('%s -> %s', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('"Include HTML" off: the text is taken as written, < and & included', () => {
    const read = readCards('#separator:tab\n#html:false\n1 < 2 & 3 > 2\tyes\n', 'x.txt');
    expect(read.cards.map((c) => [c.front, c.back])).toEqual([['1 < 2 & 3 > 2', 'yes']]);
  });

  it('an old export (no #html header) holding HTML is read as HTML; plain text without markup is left alone', () => {
    const old = readCards('Capital of <b>France</b>?\tParis<br>on the Seine&nbsp;river\n', 'old.txt');
    expect(old.cards.map((c) => [c.front, c.back])).toEqual([['Capital of France?', 'Paris\non the Seine river']]);
    const plain = readCards('1 < 2\ttrue\n', 'plain.txt');
    expect(plain.cards.map((c) => c.front)).toEqual(['1 < 2']);
  });
});

describe('the text export', () => {
  const deck: Deck = {
    schemaVersion: 1,
    id: 'blinken-talks',
    title: 'Talks',
    source: { headline: 'Talks', dateline: '', date: '' },
    origin: 'imported',
    facts: [
      { id: 'f1', statement: 'They met in Beijing.', quote: 'They met in Beijing.', topic: 'the visit' },
      { id: 'f2', statement: 'Qin Gang hosted.', quote: 'Qin Gang hosted.', topic: 'people' },
    ],
    questions: [
      { id: 'q1', factId: 'f1', kind: 'short-answer', prompt: 'Where did they meet?', answer: 'Beijing', accept: [], explanation: 'Beijing.' },
      { id: 'q2', factId: 'f2', kind: 'short-answer', prompt: 'Who hosted?', answer: 'Qin Gang', accept: [], explanation: 'Qin.' },
    ],
  };

  it('has the #notetype:Basic header', () => {
    expect(formatAnki(deck, deckCards(deck, null)).split('\n').slice(0, 5)).toContain('#notetype:Basic');
  });

  it('keeps every topic through Anki, which sorts a note\'s tags', () => {
    const text = formatAnki(deck, deckCards(deck, null));
    // What Anki's exporter writes back: the same rows with each note's tags sorted.
    const sorted = text
      .split('\n')
      .map((line) => (line.startsWith('#') || line === '' ? line : line.replace(/\t([^\t]*)$/, (_m, tags: string) => `\t${tags.split(' ').sort().join(' ')}`)))
      .join('\n');
    expect(sorted).toContain('blinken-talks factdeck::topic::the_visit');
    expect(planImport(sorted, { fileName: 'talks.txt' }).deck?.facts.map((f) => f.topic)).toEqual(['the visit', 'people']);
  });
});
