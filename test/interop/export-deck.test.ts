import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/bank/load-decks.js';
import { deckCards, exportDeck, formatAnki, formatCsvCards, toTag } from '../../src/bank/interop/export-deck.js';
import { parseDelimited } from '../../src/bank/interop/delimited.js';
import type { LoadedDeck } from '../../src/domain/deck.js';
import { choiceQuestion, cloze, deck, fact, multiSelect, orderQuestion, shortAnswer, trueFalse } from '../helpers/builders.js';

const SEED_DIR = new URL('../../questions/blinken-visit-beijing/', import.meta.url).pathname;

async function seed(): Promise<LoadedDeck> {
  const report = await loadDeck(SEED_DIR);
  if (report.loaded === null) throw new Error('the seed deck does not load');
  return report.loaded;
}

const ARTICLE = 'Harbour Town Opens New Library\nThe mayor of Harbour Town, Dana Ortiz, opened a new public library on Monday. It holds books.';
const f1 = fact();

describe('the cards of a deck', () => {
  it('makes one card per fact of the seed deck, each with a front, a back and two tags', async () => {
    const { deck: seedDeck, article } = await seed();
    const cards = deckCards(seedDeck, article);
    expect(cards).toHaveLength(seedDeck.facts.length);
    for (const card of cards) {
      expect(card.front.trim()).not.toBe('');
      expect(card.back.split('\n')).toHaveLength(2);
      expect(card.tags).toHaveLength(2);
      expect(card.tags[1]).toBe('blinken-visit-beijing');
    }
  });

  it('back: the answer, then the whole sentence of the article holding the quote', async () => {
    const { deck: seedDeck, article } = await seed();
    const visit = deckCards(seedDeck, article)[seedDeck.facts.findIndex((f) => f.id === 'k-uTXmwnM2')];
    expect(visit).toEqual({
      front: 'According to the article, Secretary of State Antony Blinken will visit _____.',
      back: 'Beijing\nWashington: The State Department announced on Wednesday that Secretary of State Antony Blinken will visit Beijing as part of the ongoing commitment to maintain open lines of communication between the United States and China.',
      tags: ['factdeck::topic::the_visit', 'blinken-visit-beijing'],
    });
  });

  it.each([
    { name: 'the first typed question (a short answer before a later cloze)', questions: [choiceQuestion(), shortAnswer(), cloze()], front: 'Who is the mayor of Harbour Town?', answer: 'Dana Ortiz' },
    { name: 'a cloze', questions: [trueFalse(), cloze()], front: 'The library was opened by _____.', answer: 'Dana Ortiz' },
    { name: 'else a choice question', questions: [trueFalse(), choiceQuestion()], front: 'Who opened the new library?', answer: 'Dana Ortiz' },
    { name: 'else a multi-select question', questions: [orderQuestion(), multiSelect()], front: 'What does the building hold?', answer: 'books; a small theatre' },
  ])('front: $name', ({ questions, front, answer }) => {
    const [card] = deckCards(deck({ facts: [f1], questions }), ARTICLE);
    expect(card?.front).toBe(front);
    expect(card?.back).toBe(`${answer}\nThe mayor of Harbour Town, Dana Ortiz, opened a new public library on Monday.`);
  });

  it('front: else the statement as a fill-in-the-blank, else as a yes-or-no question', () => {
    const named = fact({ statement: 'Dana Ortiz opened the library in 2024.' });
    const [blank] = deckCards(deck({ facts: [named], questions: [trueFalse()] }), ARTICLE);
    expect(blank?.front).toBe('Fill in the blank: Dana Ortiz opened the library in _____.');
    expect(blank?.back.split('\n')[0]).toBe('2024');
    const plain = fact({ statement: 'the library opened.' });
    const [yes] = deckCards(deck({ facts: [plain], questions: [] }), ARTICLE);
    expect(yes?.front).toBe('Does the article say this? the library opened.');
    expect(yes?.back.split('\n')[0]).toBe('Yes');
  });

  it('a deck without an article (imported) shows the answer and the statement as the back, once', () => {
    const [card] = deckCards(deck({ origin: 'imported', facts: [fact({ statement: 'Paris\non the Seine' })], questions: [shortAnswer({ answer: 'Paris' })] }), null);
    expect(card?.back).toBe('Paris\non the Seine');
    // Imported since backs are split: the answer, then what the statement says.
    const [split] = deckCards(deck({ origin: 'imported', facts: [fact({ statement: 'on the Seine' })], questions: [shortAnswer({ answer: 'Paris' })] }), null);
    expect(split?.back).toBe('Paris\non the Seine');
  });

  it('tags: white space becomes underscores; the topic is marked as factdeck::topic::, so a topic equal to the deck id stays apart', () => {
    expect(toTag(' the  visit\tday ')).toBe('the_visit_day');
    const [card] = deckCards(deck({ id: 'people', facts: [f1], questions: [shortAnswer()] }), ARTICLE);
    expect(card?.tags).toEqual(['factdeck::topic::people', 'people']);
  });
});

describe('the Anki text format', () => {
  const cards = [
    { front: 'has\ttab', back: 'two\nlines', tags: ['a', 'b'] },
    { front: 'say "hi"', back: '#1', tags: [] },
    { front: 'plain, with comma', back: 'x', tags: ['t'] },
  ];

  it('writes the headers Anki reads, then one tab-separated note per line, quoted where needed', () => {
    const text = formatAnki(deck({ title: 'A\ttitle\nhere', facts: [], questions: [] }), cards);
    expect(text).toBe(
      [
        '#separator:tab',
        '#html:false',
        '#notetype:Basic',
        '#tags column:3',
        '#deck:A title here',
        '"has\ttab"\t"two\nlines"\ta b',
        '"say ""hi"""\t"#1"\t',
        'plain, with comma\tx\tt',
        '',
      ].join('\n'),
    );
  });

  it('reads back with the same fields', () => {
    const text = formatAnki(deck({ facts: [], questions: [] }), cards);
    const body = text.split('\n').slice(4).join('\n');
    expect(parseDelimited(body, { separator: '\t', comment: '#' }).records.map((record) => record.fields)).toEqual(
      cards.map((card) => [card.front, card.back, card.tags.join(' ')]),
    );
  });
});

describe('CSV and JSON exports', () => {
  it('CSV: a header row, CRLF line ends, RFC 4180 quoting', () => {
    expect(formatCsvCards([{ front: 'a,b', back: 'x\ny', tags: ['t1', 't2'] }])).toBe('front,back,tags\r\n"a,b","x\ny",t1 t2\r\n');
  });

  it('JSON: the deck.json of the seed deck, byte for byte', async () => {
    const { deck: seedDeck, article } = await seed();
    expect(exportDeck(seedDeck, article, 'json')).toBe(readFileSync(`${SEED_DIR}deck.json`, 'utf8'));
  });
});
