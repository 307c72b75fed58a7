import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question, QuestionKind } from '../../src/domain/deck.js';
import { historyFromProgress, type FactHistory } from '../../src/domain/history.js';
import { createRandom } from '../../src/domain/random.js';
import { eligibleQuestions, orderFacts, pickAnotherQuestion, presentQuestion, selectQuestions, selectReviewQuestions } from '../../src/domain/selection.js';
import { choiceQuestion, cloze, deck, facts, multiSelect, orderQuestion, progress, questionsOfKinds, shortAnswer, trueFalse } from '../helpers/builders.js';
import type { Deck } from '../../src/domain/deck.js';
import type { Random } from '../../src/domain/random.js';

const ALL_KINDS: QuestionKind[] = ['choice', 'true-false', 'cloze', 'short-answer', 'order', 'multi-select'];
const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7919 + 1);
const NO_HISTORY = new Map<string, FactHistory>();

const ids = (questions: readonly Question[]): string[] => questions.map((q) => q.id);
const factIdsOf = (questions: readonly Question[]): string[] => questions.map((q) => q.factId);

/** Eight facts in two topics, each asked as choice, true/false and cloze. */
const eight = deck({
  facts: facts(8, ['people', 'money']),
  questions: facts(8).flatMap((f) => questionsOfKinds(f.id, ['choice', 'true-false', 'cloze'])),
});

/** Six facts, each with a question of every kind. */
const everyKind = deck({ facts: facts(6), questions: facts(6).flatMap((f) => questionsOfKinds(f.id)) });

describe('selectQuestions', () => {
  it('gives the same questions in the same order, shown the same way, for the same seed', () => {
    const history = historyFromProgress(eight, [progress({ factId: 'f2', lastKind: 'cloze', lastCorrect: false })]);
    const run = (seed: number): { questions: string[]; shown: string[][] } => {
      const random = createRandom(seed);
      const questions = selectQuestions(eight, history, { count: 6 }, random);
      return { questions: ids(questions), shown: questions.map((q) => presentQuestion(q, random).options) };
    };
    const first = run(2024);
    expect(first.questions).toHaveLength(6);
    expect(run(2024)).toEqual(first);
  });

  it('gives a different quiz for a different seed', () => {
    const quiz = (seed: number): string[] => ids(selectQuestions(eight, NO_HISTORY, { count: 6 }, createRandom(seed)));
    expect(quiz(1)).not.toEqual(quiz(2));
    expect(new Set(SEEDS.map((seed) => quiz(seed).join())).size).toBeGreaterThan(SEEDS.length / 2);
  });

  it.each([1, 5, 8])('asks %d distinct facts, one question each, when the count is at most the number of facts', (count) => {
    for (const seed of SEEDS) {
      const questions = selectQuestions(eight, NO_HISTORY, { count }, createRandom(seed));
      expect(questions).toHaveLength(count);
      expect(new Set(factIdsOf(questions)).size).toBe(count);
    }
  });

  it('asks more questions of the same facts in other kinds when the count exceeds the facts', () => {
    for (const seed of SEEDS) {
      const questions = selectQuestions(eight, NO_HISTORY, { count: 20 }, createRandom(seed));
      expect(questions).toHaveLength(20);
      expect(new Set(ids(questions)).size).toBe(20);
      const kindsByFact = new Map<string, QuestionKind[]>();
      for (const q of questions) kindsByFact.set(q.factId, [...(kindsByFact.get(q.factId) ?? []), q.kind]);
      expect([...kindsByFact.keys()].sort()).toEqual(eight.facts.map((f) => f.id).sort());
      for (const kinds of kindsByFact.values()) {
        expect(kinds.length).toBeGreaterThanOrEqual(2);
        expect(kinds.length).toBeLessThanOrEqual(3);
        expect(new Set(kinds).size).toBe(kinds.length);
      }
    }
  });

  it('asks a fact again in another kind even when that kind is the most used in the quiz', () => {
    const lopsided = deck({
      facts: facts(3),
      questions: [
        cloze({ factId: 'f1' }),
        cloze({ factId: 'f1', id: 'f1-cloze-2' }),
        choiceQuestion({ factId: 'f1' }),
        choiceQuestion({ factId: 'f2' }),
        choiceQuestion({ factId: 'f3' }),
      ],
    });
    // f1 never seen comes first, so it is the fact that gets the fourth question.
    const history = historyFromProgress(lopsided, [progress({ factId: 'f2' }), progress({ factId: 'f3' })]);
    for (const seed of SEEDS) {
      const kinds = selectQuestions(lopsided, history, { count: 4 }, createRandom(seed))
        .filter((q) => q.factId === 'f1')
        .map((q) => q.kind);
      expect(kinds.sort()).toEqual(['choice', 'cloze']);
    }
  });

  it('asks every question once, and no more, when the count exceeds the deck', () => {
    const questions = selectQuestions(eight, NO_HISTORY, { count: 100 }, createRandom(3));
    expect(ids(questions).sort()).toEqual(ids(eight.questions).sort());
  });

  describe('asks never-seen facts before last-missed facts, before last-right facts (oldest first)', () => {
    const six = deck({ facts: facts(6), questions: facts(6).flatMap((f) => questionsOfKinds(f.id, ['choice', 'cloze'])) });
    // f1, f2: never seen. f3, f4: last missed. f5: right long ago. f6: right recently.
    const history = historyFromProgress(six, [
      progress({ factId: 'f3', attempts: 2, lastCorrect: false, lastAt: '2024-06-01T09:00:00.000Z' }),
      progress({ factId: 'f4', lastKind: 'cloze', lastCorrect: false, lastAt: '2024-06-02T09:00:00.000Z' }),
      progress({ factId: 'f5', lastAt: '2024-05-20T09:00:00.000Z' }),
      progress({ factId: 'f6', attempts: 2, lastKind: 'cloze', lastAt: '2024-06-03T09:00:00.000Z' }),
    ]);

    it.each([
      [2, ['f1', 'f2']],
      [4, ['f1', 'f2', 'f3', 'f4']],
      [5, ['f1', 'f2', 'f3', 'f4', 'f5']],
    ])('count %d asks %j', (count, expected) => {
      for (const seed of SEEDS) {
        expect(factIdsOf(selectQuestions(six, history, { count }, createRandom(seed))).sort()).toEqual(expected);
      }
    });
  });

  it('mixes kinds: six facts of six kinds give a six-question quiz of at least four kinds', () => {
    for (const seed of SEEDS) {
      const kinds = new Set(selectQuestions(everyKind, NO_HISTORY, { count: 6 }, createRandom(seed)).map((q) => q.kind));
      expect(kinds.size).toBeGreaterThanOrEqual(4);
    }
  });

  it.each([
    [['cloze'], ['cloze']],
    [['order', 'multi-select'], ['multi-select', 'order']],
  ] as const)('asks only the kinds given with --kind %j', (kinds, expected) => {
    for (const seed of SEEDS.slice(0, 10)) {
      const questions = selectQuestions(everyKind, NO_HISTORY, { count: 6, kinds }, createRandom(seed));
      expect(questions).toHaveLength(6);
      expect([...new Set(questions.map((q) => q.kind))].sort()).toEqual(expected);
    }
  });

  it.each(['money', ' Money ', 'MONEY'])('asks only facts of the topic given with --topic %j', (topic) => {
    const questions = selectQuestions(eight, NO_HISTORY, { count: 8, topic }, createRandom(11));
    expect(questions).toHaveLength(8);
    expect([...new Set(factIdsOf(questions))].sort()).toEqual(['f2', 'f4', 'f6', 'f8']);
  });

  it('asks nothing for a topic no fact has', () => {
    expect(selectQuestions(eight, NO_HISTORY, { count: 5, topic: 'sports' }, createRandom(1))).toEqual([]);
  });

  it('combines --kind and --topic', () => {
    const questions = selectQuestions(eight, NO_HISTORY, { count: 10, kinds: ['true-false'], topic: 'people' }, createRandom(1));
    expect(ids(questions).sort()).toEqual(['f1-true-false', 'f3-true-false', 'f5-true-false', 'f7-true-false']);
  });
});

describe('eligibleQuestions', () => {
  it('groups matching questions by fact in deck order and leaves out facts with none', () => {
    const small = deck({
      facts: facts(3),
      questions: [cloze({ factId: 'f3' }), choiceQuestion({ factId: 'f1' }), cloze({ factId: 'f1' }), trueFalse({ factId: 'f2' })],
    });
    const byFact = eligibleQuestions(small, { kinds: ['cloze'] });
    expect([...byFact].map(([factId, questions]) => [factId, ids(questions)])).toEqual([
      ['f1', ['f1-cloze']],
      ['f3', ['f3-cloze']],
    ]);
  });
});

describe('presentQuestion', () => {
  it('shows the choices of a choice question shuffled, the same way for the same seed', () => {
    const question = choiceQuestion({ choices: ['a', 'b', 'c', 'd', 'e', 'f'], answer: 'a' });
    const shown = presentQuestion(question, createRandom(8)).options;
    expect([...shown].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(presentQuestion(question, createRandom(8)).options).toEqual(shown);
    const orders = new Set(SEEDS.map((seed) => presentQuestion(question, createRandom(seed)).options.join()));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('shows the choices of a multi-select question, all of them', () => {
    const question = multiSelect();
    expect([...presentQuestion(question, createRandom(1)).options].sort()).toEqual([...question.choices].sort());
  });

  it.each([trueFalse(), cloze(), shortAnswer()])('shows no options for a $kind question', (question) => {
    expect(presentQuestion(question, createRandom(1))).toEqual({ question, options: [] });
  });

  it('never shows an order question already in the right order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (answer, itemsSeed, seed) => {
          const question = orderQuestion({ items: createRandom(itemsSeed).shuffle(answer), answer });
          const shown = presentQuestion(question, createRandom(seed)).options;
          expect([...shown].sort()).toEqual([...answer].sort());
          expect(shown).not.toEqual(answer);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not show a two-item order question in the right order, even when authored that way', () => {
    for (const seed of SEEDS) {
      const question = orderQuestion({ items: ['first', 'second'], answer: ['first', 'second'] });
      expect(presentQuestion(question, createRandom(seed)).options).toEqual(['second', 'first']);
    }
  });
});

describe('selectReviewQuestions', () => {
  const review = deck({
    facts: facts(4),
    questions: [
      ...questionsOfKinds('f1', ['choice', 'cloze', 'true-false']),
      ...questionsOfKinds('f2', ['cloze']),
      ...questionsOfKinds('f3', ['order', 'multi-select']),
      ...questionsOfKinds('f4', ['choice']),
    ],
  });
  const history = historyFromProgress(review, [
    progress({ factId: 'f1', lastKind: 'cloze', lastCorrect: false }),
    progress({ factId: 'f2', lastKind: 'cloze', lastCorrect: false }),
    progress({ factId: 'f3', lastKind: 'order', lastCorrect: false }),
    progress({ factId: 'f4', lastKind: 'choice' }),
  ]);
  const missed = ['f1', 'f2', 'f3'];

  it('asks one question per missed fact, in a kind other than the one last missed where one exists', () => {
    const kindsSeenForF1 = new Set<QuestionKind>();
    for (const seed of SEEDS) {
      const questions = selectReviewQuestions(review, missed, history, {}, createRandom(seed));
      expect(factIdsOf(questions).sort()).toEqual(['f1', 'f2', 'f3']);
      const byFact = new Map(questions.map((q) => [q.factId, q]));
      expect(byFact.get('f1')?.kind).not.toBe('cloze');
      expect(byFact.get('f2')?.kind).toBe('cloze'); // the only question it has
      expect(byFact.get('f3')?.kind).toBe('multi-select');
      kindsSeenForF1.add(byFact.get('f1')?.kind ?? 'cloze');
    }
    expect([...kindsSeenForF1].sort()).toEqual(['choice', 'true-false']);
  });

  it('keeps to --count and the filters', () => {
    expect(selectReviewQuestions(review, missed, history, { count: 2 }, createRandom(1))).toHaveLength(2);
    const onlyCloze = selectReviewQuestions(review, missed, history, { kinds: ['cloze'] }, createRandom(1));
    expect(ids(onlyCloze).sort()).toEqual(['f1-cloze', 'f2-cloze']);
  });

  it('is the same for the same seed', () => {
    const pick = (): string[] => ids(selectReviewQuestions(review, missed, history, {}, createRandom(77)));
    expect(pick()).toEqual(pick());
  });
});

describe('pickAnotherQuestion', () => {
  const one = deck({
    facts: facts(2),
    questions: [
      choiceQuestion({ factId: 'f1' }),
      cloze({ factId: 'f1' }),
      cloze({ factId: 'f1', id: 'f1-cloze-2', prompt: 'The mayor is _____.' }),
      trueFalse({ factId: 'f1' }),
      trueFalse({ factId: 'f2' }),
    ],
  });

  it.each([
    ['a question neither asked nor of an asked kind', ['f1-cloze', 'f1-choice'], ['f1-true-false']],
    ['a question not asked, when every kind was asked', ['f1-cloze', 'f1-choice', 'f1-true-false'], ['f1-cloze-2']],
    ['any question of the fact, when every one was asked', ['f1-cloze', 'f1-cloze-2', 'f1-choice', 'f1-true-false'], ['f1-choice', 'f1-cloze', 'f1-cloze-2', 'f1-true-false']],
  ])('picks %s', (_name, askedIds, allowed) => {
    const asked = one.questions.filter((q) => askedIds.includes(q.id));
    const picked = new Set<string>();
    for (const seed of SEEDS) {
      const question = pickAnotherQuestion(one, 'f1', asked, createRandom(seed));
      expect(question.factId).toBe('f1');
      picked.add(question.id);
    }
    expect([...picked].sort()).toEqual(allowed);
  });

  it('avoids the kind of an asked question, not only the question itself', () => {
    const asked = one.questions.filter((q) => q.id === 'f1-cloze');
    for (const seed of SEEDS) {
      expect(pickAnotherQuestion(one, 'f1', asked, createRandom(seed)).kind).not.toBe('cloze');
    }
  });
});

it('lists every question kind in ALL_KINDS, so the fixtures above cover them', () => {
  expect(new Set(everyKind.questions.map((q) => q.kind))).toEqual(new Set(ALL_KINDS));
});

/**
 * selectQuestions as it was written first: every fact's questions shuffled up front, the facts sorted in
 * one go. The quicker one (only the facts reached are shuffled) must give the very same quiz.
 */
function selectEagerly(d: Deck, history: Map<string, FactHistory>, options: { count: number; kinds?: QuestionKind[]; topic?: string }, random: Random): Question[] {
  const byFact = eligibleQuestions(d, options);
  const rank = (id: string): number => (history.get(id) === undefined ? 0 : history.get(id)?.lastCorrect ? 2 : 1);
  const factOrder = random
    .shuffle([...byFact.keys()])
    .map((id, index) => ({ id, index, rank: rank(id), at: history.get(id)?.lastAt ?? '' }))
    .sort((a, b) => a.rank - b.rank || (a.rank === 2 ? (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) : 0) || a.index - b.index)
    .map((entry) => entry.id);
  const remaining = new Map([...byFact].map(([id, questions]) => [id, random.shuffle(questions)]));
  const kindUse = new Map<string, number>();
  const chosen: Question[] = [];
  const used = new Map<string, Set<string>>();
  while (chosen.length < options.count) {
    let added = false;
    for (const factId of factOrder) {
      if (chosen.length >= options.count) break;
      const pool = remaining.get(factId) ?? [];
      if (pool.length === 0) continue;
      const here = used.get(factId) ?? new Set<string>();
      const score = (q: Question): number => (here.has(q.kind) ? 1000 : 0) + (kindUse.get(q.kind) ?? 0);
      let best = 0;
      for (let i = 1; i < pool.length; i++) if (score(pool[i] as Question) < score(pool[best] as Question)) best = i;
      const [question] = pool.splice(best, 1) as [Question];
      chosen.push(question);
      here.add(question.kind);
      used.set(factId, here);
      kindUse.set(question.kind, (kindUse.get(question.kind) ?? 0) + 1);
      added = true;
    }
    if (!added) break;
  }
  return random.shuffle(chosen);
}

describe('selectQuestions shuffles only the facts it reaches', () => {
  it('gives the same quiz, and leaves the generator in the same place, as shuffling every fact first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.subarray(ALL_KINDS, { minLength: 0, maxLength: 6 }), { minLength: 30, maxLength: 30 }),
        fc.array(fc.option(fc.record({ correct: fc.boolean(), day: fc.integer({ min: 1, max: 9 }) })), { minLength: 30, maxLength: 30 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (factCount, kindsOf, seen, count, seed) => {
          const all = facts(factCount, ['people', 'money']);
          const d = deck({ facts: all, questions: all.flatMap((f, i) => questionsOfKinds(f.id, kindsOf[i] ?? [])) });
          const history = historyFromProgress(
            d,
            all.flatMap((f, i) => {
              const s = seen[i];
              return s ? [progress({ factId: f.id, lastCorrect: s.correct, lastAt: `2024-01-0${s.day}T10:00:00.000Z` })] : [];
            }),
          );
          for (const options of [{ count }, { count, kinds: ['cloze', 'choice'] as QuestionKind[] }, { count, topic: 'money' }]) {
            const quick = createRandom(seed);
            const eager = createRandom(seed);
            expect(ids(selectQuestions(d, history, options, quick))).toEqual(ids(selectEagerly(d, history, options, eager)));
            expect(quick.next()).toBe(eager.next());
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('orderFacts with only the first facts wanted', () => {
  it('gives exactly the front of the whole order, for any history, seed and count (ties in time included)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.constantFrom('none', 'missed', 'right'), { minLength: 400, maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 400, maxLength: 400 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 90 }),
        (size, states, minutes, seed, needed) => {
          const ids = Array.from({ length: size }, (_, i) => `f${i}`);
          const history = new Map<string, FactHistory>();
          ids.forEach((id, i) => {
            if (states[i] === 'none') return;
            // Few distinct times, so that many facts tie and the tie order (the shuffle's) is tested.
            const at = `2025-01-01T00:${String(minutes[i]).padStart(2, '0')}:00.000Z`;
            history.set(id, { factId: id, attempts: 1, correct: states[i] === 'right' ? 1 : 0, lastCorrect: states[i] === 'right', lastAt: at, lastKind: 'cloze' });
          });
          const whole = orderFacts(ids, history, createRandom(seed));
          const front = orderFacts(ids, history, createRandom(seed), needed);
          expect(front.slice(0, needed)).toEqual(whole.slice(0, needed));
          expect(front.length).toBeGreaterThanOrEqual(Math.min(needed, size));
        },
      ),
      { numRuns: 300 },
    );
  });
});
