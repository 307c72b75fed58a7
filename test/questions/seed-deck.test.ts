// The hand-built seed deck (questions/blinken-visit-beijing) against its article: every sentence taught,
// every fact asked in two kinds, no give-aways, and a deck whose references all hold together. Then its
// typed questions through the grader as a quiz runs it (the English word list and the deck's own words):
// every accepted form right, every other option of the same fact wrong. test/questions/REVIEW.md says what
// became of each item the two outside reviews named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuoteSentence, splitSentences } from '../../src/domain/article.js';
import { CLOZE_BLANK, QUESTION_KINDS, isTypedQuestion, type Deck, type Question, type TypedQuestion } from '../../src/domain/deck.js';
import { englishWordCheck } from '../../src/english-words.js';
import { gradeAnswer } from '../../src/grading/grade-answer.js';
import { normalizeAnswer } from '../../src/grading/normalize-answer.js';
import { deckVocabulary, eitherWordCheck } from '../../src/grading/real-words.js';

const folder = new URL('../../questions/blinken-visit-beijing/', import.meta.url);
const article = readFileSync(new URL('article.txt', folder), 'utf8');
const deck = JSON.parse(readFileSync(new URL('deck.json', folder), 'utf8')) as Deck;
const sentences = splitSentences(article);
const factById = new Map(deck.facts.map((fact) => [fact.id, fact]));
const ROOT = new URL('../../', import.meta.url).pathname;
/** What a quiz on this deck counts as a real word (see run-session.ts). */
const isRealWord = eitherWordCheck(
  () => {
    const vocabulary = deckVocabulary(deck, article);
    return (word) => vocabulary.has(word);
  },
  englishWordCheck(ROOT, (error) => {
    throw error;
  }),
);
const typedQuestions = deck.questions.filter(isTypedQuestion);

function question(id: string): Question {
  const found = deck.questions.find((q) => q.id === id);
  if (found === undefined) throw new Error(`no question ${id} in the seed deck`);
  return found;
}

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

describe('seed deck: what a learner sees', () => {
  it('stores no choice key and no select-all key first (a card front or an export showed the key at 1)', () => {
    const first = deck.questions.flatMap((q) => {
      if (q.kind === 'choice') return q.choices[0] === q.answer ? [q.id] : [];
      if (q.kind === 'multi-select') return q.answer.includes(q.choices[0] ?? '') ? [q.id] : [];
      if (q.kind === 'order') return q.items.every((item, i) => item === q.answer[i]) ? [q.id] : [];
      return [];
    });
    expect(first).toEqual([]);
  });

  it('gives every question its own prompt (two the same would read as one question asked twice)', () => {
    const prompts = deck.questions.map((q) => q.prompt);
    expect(prompts.filter((prompt, i) => prompts.indexOf(prompt) !== i)).toEqual([]);
  });

  it('has a title, the header of every run, that names no answer', () => {
    const title = ` ${normalizeAnswer(deck.title)} `;
    const answers = deck.questions.flatMap((q) => {
      if (q.kind === 'choice') return [q.answer];
      if (q.kind === 'multi-select') return q.answer;
      if (isTypedQuestion(q)) return [q.answer, ...q.accept];
      return [];
    });
    expect(answers.filter((answer) => title.includes(` ${normalizeAnswer(answer)} `))).toEqual([]);
  });

  it('states every fact so that it reads on its own (it is printed alone after an answer and on cards)', () => {
    const leaning = /^(?:(?:that|this|these|those|it|its|they|he|she|another|also|in that)\b|instead,|the reasons?:)/i;
    expect(deck.facts.filter((fact) => leaning.test(fact.statement)).map((fact) => fact.statement)).toEqual([]);
    for (const fact of deck.facts) expect(fact.statement, fact.id).toMatch(/^[A-Z"“].*[.!?]$/);
  });
});

describe('seed deck: typed questions through the grader', () => {
  it('accepts every accepted form of every typed question, exactly (not as a typo)', () => {
    const refused = typedQuestions.flatMap((q) =>
      [q.answer, ...q.accept].filter((form) => {
        const verdict = gradeAnswer(q, form, [], isRealWord);
        return !verdict.correct || verdict.typo;
      }).map((form) => `${q.id}: ${form}`),
    );
    expect(typedQuestions.length).toBeGreaterThan(20);
    expect(refused).toEqual([]);
  });

  it('refuses every wrong option of the same fact typed as the answer, and takes a right one only exactly', () => {
    const problems: string[] = [];
    for (const typed of typedQuestions) {
      for (const other of deck.questions) {
        if (other.factId !== typed.factId || (other.kind !== 'choice' && other.kind !== 'multi-select')) continue;
        for (const option of other.choices) {
          const rightThere = other.kind === 'choice' ? option === other.answer : other.answer.includes(option);
          const verdict = gradeAnswer(typed, option, [], isRealWord);
          if (verdict.correct && (!rightThere || verdict.typo)) problems.push(`${typed.id} took ${JSON.stringify(option)} from ${other.id}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // [question id, typed]: the article's own wordings and the usual ways of writing them.
  it.each<[string, string]>([
    ['7cNO6kD8FE', 'China’s Foreign Minister Qin Gang'],
    ['7cNO6kD8FE', "China's FM"],
    ['7cNO6kD8FE', 'Chinese Foreign Minister'],
    ['7cNO6kD8FE', 'FM Qin Gang'],
    ['GWR1zB4t4S', 'China’s Foreign Minister Qin Gang'],
    ['GWR1zB4t4S', 'Chinese Foreign Minister Qin Gang'],
    ['9xmm-Q0Ep-', 'Chinese President Xi Jinping'],
    ['9xmm-Q0Ep-', 'President Xi'],
    ['mH9rfxn7nX', 'US President Joe Biden'],
    ['mH9rfxn7nX', 'President Biden'],
    ['aGScEV_WOR', 'on Wednesday'],
    ['aGScEV_WOR', 'Weds'],
    ['aGScEV_WOR', 'Wed.'],
    ['NeHzxiS059', 'June 16 through 21'],
    ['NeHzxiS059', 'June 16 - June 21'],
    ['NeHzxiS059', 'from June 16 to June 21'],
    ['NeHzxiS059', 'between June 16 and 21'],
    ['NeHzxiS059', '16-21 June'],
    ['6KHtYcD4T9', 'to Russia'],
    ['lR1ix9jQ_F', 'in its national defense and security strategies'],
    ['lR1ix9jQ_F', 'national security and defense strategies'],
    ['lR1ix9jQ_F', 'the National Security Strategy and the National Defense Strategy'],
    ['fCq_64R74f', 'Department of State'],
    ['fuugIZ7mCA', 'FM'],
    ['0vzyiUds-C', 'pushed back'],
    ['c7FKfwrkmN', 'shared transnational challenges'],
  ])('%s takes %j', (id, typed) => {
    expect(gradeAnswer(question(id), typed, [], isRealWord)).toMatchObject({ correct: true, typo: false });
  });

  // [question id, typed]: real words one slip away from the answer, other options, and what the article does not say.
  it.each<[string, string]>([
    ['7cNO6kD8FE', 'China’s Foreign Ministry'],
    ['7cNO6kD8FE', 'Chinese president'],
    ['fuugIZ7mCA', 'Foreign Ministry'],
    ['c7FKfwrkmN', 'transitional challenges'],
    ['AaYRaBMrrh', 'draft'],
    ['Qapr3hNH0p', 'rest'],
    ['Qapr3hNH0p', 'resent'],
    ['ECfA2yj0SB', 'form'],
    ['ECfA2yj0SB', 'fire'],
    ['khB2MVr4Lx', 'Diplomats'],
    ['6KHtYcD4T9', 'from Russia'],
    ['6KHtYcD4T9', 'China'],
    ['hkwOirc6bG', 'Bali'],
    ['NeHzxiS059', 'June 16 - June 22'],
    ['aGScEV_WOR', 'Thurs'],
    ['pg4VCLZrgf', 'Bail'],
  ])('%s refuses %j', (id, typed) => {
    expect(gradeAnswer(question(id), typed, [], isRealWord)).toEqual({ correct: false, typo: false });
  });

  it('still forgives a slip that lands on no word, and names the nearest accepted form', () => {
    expect(gradeAnswer(question('GWR1zB4t4S'), 'Chinese Foriegn Minister Qin Gang', [], isRealWord)).toMatchObject({
      correct: true,
      typo: true,
      spelling: 'Chinese Foreign Minister Qin Gang',
    });
    expect(gradeAnswer(question('NxbradWUqI'), 'survelance', [], isRealWord)).toMatchObject({ correct: true, typo: true, spelling: 'surveillance' });
    expect((question('hkwOirc6bG') as TypedQuestion).answer).toBe('Beijing');
    expect(gradeAnswer(question('hkwOirc6bG'), 'Bejing', [], isRealWord)).toMatchObject({ correct: true, typo: true });
  });
});
