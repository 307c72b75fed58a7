// The hand-built seed deck (questions/blinken-visit-beijing) against its article: every sentence taught,
// every fact asked in two kinds, no give-aways, and a deck whose references all hold together.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuoteSentence, splitSentences } from '../../src/domain/article.js';
import { CLOZE_BLANK, QUESTION_KINDS, type Deck, type Question } from '../../src/domain/deck.js';

const folder = new URL('../../questions/blinken-visit-beijing/', import.meta.url);
const article = readFileSync(new URL('article.txt', folder), 'utf8');
const deck = JSON.parse(readFileSync(new URL('deck.json', folder), 'utf8')) as Deck;
const sentences = splitSentences(article);
const factById = new Map(deck.facts.map((fact) => [fact.id, fact]));

/** The answer a typed or single-choice question expects, as text; null for the other kinds. */
function textAnswer(question: Question): string | null {
  return question.kind === 'choice' || question.kind === 'cloze' || question.kind === 'short-answer' ? question.answer : null;
}

describe('seed deck: blinken-visit-beijing', () => {
  it('is the deck of its folder, and its headline is the first line of the article', () => {
    expect(deck.id).toBe('blinken-visit-beijing');
    expect(deck.schemaVersion).toBe(1);
    expect(deck.origin).toBe('hand');
    expect(deck.source.headline).toBe(article.split('\n')[0]);
    expect(deck.source.dateline).toBe('Washington');
  });

  it('quotes every fact from within one sentence of the article', () => {
    const unfound = deck.facts.filter((fact) => findQuoteSentence(sentences, fact.quote) === null).map((fact) => fact.quote);
    expect(unfound).toEqual([]);
  });

  it('draws at least one fact from every sentence, the headline included', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(13);
    const covered = new Set(deck.facts.map((fact) => findQuoteSentence(sentences, fact.quote)?.start));
    const untaught = sentences.filter((sentence) => !covered.has(sentence.start)).map((sentence) => sentence.text);
    expect(untaught).toEqual([]);
  });

  it('has at least 25 facts, 60 questions and every question kind', () => {
    expect(deck.facts.length).toBeGreaterThanOrEqual(25);
    expect(deck.questions.length).toBeGreaterThanOrEqual(60);
    expect(new Set(deck.questions.map((question) => question.kind))).toEqual(new Set(QUESTION_KINDS));
  });

  it('uses a small, consistent set of topics', () => {
    const topics = new Set(deck.facts.map((fact) => fact.topic));
    expect(topics.size).toBeGreaterThanOrEqual(4);
    expect(topics.size).toBeLessThanOrEqual(6);
    for (const topic of topics) expect(topic).toMatch(/^[a-z][a-z -]*$/);
  });

  it('asks every fact in at least two different kinds', () => {
    const kinds = new Map<string, Set<string>>(deck.facts.map((fact) => [fact.id, new Set()]));
    for (const question of deck.questions) kinds.get(question.factId)?.add(question.kind);
    const thin = [...kinds].filter(([, set]) => set.size < 2).map(([id]) => factById.get(id)?.statement);
    expect(thin).toEqual([]);
  });

  it('makes 40% to 60% of true/false statements false', () => {
    const answers = deck.questions.flatMap((question) => (question.kind === 'true-false' ? [question.answer] : []));
    expect(answers.length).toBeGreaterThan(0);
    const falseShare = answers.filter((answer) => !answer).length / answers.length;
    expect(falseShare).toBeGreaterThanOrEqual(0.4);
    expect(falseShare).toBeLessThanOrEqual(0.6);
  });

  it('finds the answer of every cloze and short-answer question in its fact’s quote', () => {
    const stray = deck.questions
      .filter((question) => question.kind === 'cloze' || question.kind === 'short-answer')
      .filter((question) => {
        const quote = factById.get(question.factId)?.quote ?? '';
        return !quote.toLowerCase().includes((textAnswer(question) ?? '').toLowerCase());
      })
      .map((question) => question.id);
    expect(stray).toEqual([]);
  });

  it('never gives an answer away in its own prompt', () => {
    const giveaways = deck.questions
      .filter((question) => {
        const answer = textAnswer(question);
        return answer !== null && question.prompt.toLowerCase().includes(answer.toLowerCase());
      })
      .map((question) => `${question.id}: ${question.prompt}`);
    expect(giveaways).toEqual([]);
  });

  it('gives every fact and question its own id, and refers only to facts that exist', () => {
    const ids = [...deck.facts.map((fact) => fact.id), ...deck.questions.map((question) => question.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
    const dangling = deck.questions.flatMap((question) =>
      [question.factId, ...(question.relatedFactIds ?? [])].filter((id) => !factById.has(id)).map((id) => `${question.id} -> ${id}`),
    );
    expect(dangling).toEqual([]);
  });

  it('keeps every question consistent with its kind', () => {
    for (const question of deck.questions) {
      const where = `question ${question.id}`;
      expect(question.explanation.trim(), where).not.toBe('');
      switch (question.kind) {
        case 'choice':
          expect(question.choices, where).toHaveLength(4);
          expect(question.choices, where).toContain(question.answer);
          expect(new Set(question.choices).size, where).toBe(question.choices.length);
          break;
        case 'true-false':
          expect(typeof question.answer, where).toBe('boolean');
          break;
        case 'cloze':
          expect(question.prompt, where).toMatch(CLOZE_BLANK);
          expect(Array.isArray(question.accept), where).toBe(true);
          break;
        case 'short-answer':
          expect(Array.isArray(question.accept), where).toBe(true);
          break;
        case 'order':
          expect(new Set(question.items).size, where).toBe(question.items.length);
          expect([...question.answer].sort(), where).toEqual([...question.items].sort());
          break;
        case 'multi-select': {
          expect(new Set(question.choices).size, where).toBe(question.choices.length);
          for (const picked of question.answer) expect(question.choices, where).toContain(picked);
          expect(new Set(question.answer).size, where).toBe(question.answer.length);
          expect(question.answer.length, where).toBeLessThan(question.choices.length);
          break;
        }
      }
    }
  });

  it('has at least 3 ordering and 4 multi-select questions, each multi-select with 2+ right and 2+ wrong options', () => {
    const orders = deck.questions.filter((question) => question.kind === 'order');
    const multis = deck.questions.filter((question) => question.kind === 'multi-select');
    expect(orders.length).toBeGreaterThanOrEqual(3);
    expect(multis.length).toBeGreaterThanOrEqual(4);
    for (const question of multis) {
      expect(question.answer.length, question.id).toBeGreaterThanOrEqual(2);
      expect(question.choices.length - question.answer.length, question.id).toBeGreaterThanOrEqual(2);
    }
  });
});
