// Learn mode's pure parts: the stage a fact's answers put it at, selection by stage, the --order
// rankings, and a fact moving up within a run.

import { describe, expect, it } from 'vitest';
import type { Question, QuestionKind } from '../../src/domain/deck.js';
import { historyFromProgress, type FactHistory } from '../../src/domain/history.js';
import { learnStage, stageCounts, stageOfKind } from '../../src/domain/learn.js';
import { createRandom } from '../../src/domain/random.js';
import { eligibleQuestions, rankFacts, selectQuestions, selectReviewQuestions } from '../../src/domain/selection.js';
import { currentItem, recordAnswer, startRun, undoLastAnswer, type RunState } from '../../src/session/run-state.js';
import { deck, facts, progress, questionsOfKinds, runResult } from '../helpers/builders.js';

const SEEDS = Array.from({ length: 30 }, (_, i) => i * 104_729 + 3);
const NO_HISTORY = new Map<string, FactHistory>();
const RECOGNITION: QuestionKind[] = ['choice', 'true-false', 'order', 'multi-select'];

/** Six facts, each with a question of every kind. */
const six = deck({ facts: facts(6), questions: facts(6).flatMap((f) => questionsOfKinds(f.id)) });

describe('the stage of a fact', () => {
  it('sorts the kinds: typed ones are recall, the rest (the answer is shown) recognition', () => {
    expect(['cloze', 'short-answer'].map(stageOfKind)).toEqual(['recall', 'recall']);
    expect(RECOGNITION.map(stageOfKind)).toEqual(['recognition', 'recognition', 'recognition', 'recognition']);
  });

  it('is recognition until answered right, then recall; a miss at recognition sends it back, a miss at recall does not', () => {
    expect(learnStage(undefined)).toBe('recognition');
    expect(learnStage({ correct: 0, lastCorrect: false, lastKind: 'cloze' })).toBe('recognition');
    expect(learnStage({ correct: 0, lastCorrect: false, lastKind: 'choice' })).toBe('recognition');
    expect(learnStage({ correct: 1, lastCorrect: true, lastKind: 'choice' })).toBe('recall');
    expect(learnStage({ correct: 1, lastCorrect: true, lastKind: 'cloze' })).toBe('recall');
    expect(learnStage({ correct: 2, lastCorrect: false, lastKind: 'short-answer' })).toBe('recall');
    expect(learnStage({ correct: 2, lastCorrect: false, lastKind: 'true-false' })).toBe('recognition');
  });

  it('counts the facts at each stage', () => {
    const history = historyFromProgress(six, [progress({ factId: 'f1' }), progress({ factId: 'f2', lastCorrect: false })]);
    expect(stageCounts(six.facts.map((f) => f.id), history)).toEqual({ recognition: 5, recall: 1 });
  });
});

describe('learn mode picks each fact\'s stage', () => {
  const history = historyFromProgress(six, [
    progress({ factId: 'f1', attempts: 1, lastKind: 'choice' }), // right at recognition: recall
    progress({ factId: 'f2', attempts: 2, correct: 1, lastCorrect: false, lastKind: 'cloze' }), // missed typed: recall
    progress({ factId: 'f3', attempts: 2, correct: 1, lastCorrect: false, lastKind: 'choice' }), // missed shown: recognition
  ]);

  it('in a quiz: recall for facts answered right, recognition for the others, whatever the seed', () => {
    for (const seed of SEEDS) {
      const questions = selectQuestions(six, history, { count: 6, learn: true }, createRandom(seed));
      expect(questions).toHaveLength(6);
      for (const q of questions) expect([q.factId, stageOfKind(q.kind)]).toEqual([q.factId, ['f1', 'f2'].includes(q.factId) ? 'recall' : 'recognition']);
    }
  });

  it('without learn mode, the same facts are asked in every kind (it is learn mode that decides)', () => {
    const kinds = new Set(SEEDS.flatMap((seed) => selectQuestions(six, NO_HISTORY, { count: 6 }, createRandom(seed)).map((q) => q.kind)));
    expect(kinds.has('cloze') || kinds.has('short-answer')).toBe(true);
  });

  it('a fact with no question of its stage (or none --kind leaves) is asked in the other', () => {
    const questions = selectQuestions(six, NO_HISTORY, { count: 6, learn: true, kinds: ['cloze'] }, createRandom(5));
    expect(questions.map((q) => q.kind)).toEqual(Array(6).fill('cloze'));
  });

  it('is deterministic by seed', () => {
    const ids = (seed: number): string[] => selectQuestions(six, history, { count: 12, learn: true }, createRandom(seed)).map((q) => q.id);
    expect(ids(42)).toEqual(ids(42));
    expect(new Set(SEEDS.map((seed) => ids(seed).join())).size).toBeGreaterThan(1);
  });

  it('in review: a fact missed at recognition is asked at recognition, one missed typed after a right answer is typed again', () => {
    for (const seed of SEEDS) {
      const questions = selectReviewQuestions(six, ['f2', 'f3'], history, { learn: true }, createRandom(seed));
      const byFact = new Map(questions.map((q) => [q.factId, q]));
      expect(byFact.get('f2')?.kind).toBe('short-answer'); // recall, and not the kind last missed
      expect(stageOfKind(byFact.get('f3')?.kind ?? '')).toBe('recognition');
      expect(byFact.get('f3')?.kind).not.toBe('choice');
    }
  });
});

describe('--order', () => {
  const ids = six.facts.map((f) => f.id);
  const history = historyFromProgress(six, [
    progress({ factId: 'f1', attempts: 4, correct: 1, lastCorrect: false }),
    progress({ factId: 'f2', attempts: 2, correct: 2, lastCorrect: true }),
    progress({ factId: 'f3', attempts: 2, correct: 0, lastCorrect: false }),
    progress({ factId: 'f4', attempts: 4, correct: 2, lastCorrect: true }),
    progress({ factId: 'f5', attempts: 2, correct: 1, lastCorrect: true }),
  ]);

  it('hardest: the lowest share right first, more answers first among equals, facts never answered last', () => {
    for (const seed of SEEDS) expect(rankFacts(ids, history, 'hardest', createRandom(seed))).toEqual(['f3', 'f1', 'f4', 'f5', 'f2', 'f6']);
  });

  it('new: facts never answered first', () => {
    for (const seed of SEEDS) expect(rankFacts(ids, history, 'new', createRandom(seed))[0]).toBe('f6');
  });

  it('due: cards due now (longest overdue first), then facts with no card, then cards due later (soonest first)', () => {
    const now = Date.parse('2026-06-01T09:00:00Z');
    const at = new Map([
      ['f1', now + 3_600_000],
      ['f2', now - 60_000],
      ['f3', now - 86_400_000],
      ['f4', now + 60_000],
    ]);
    for (const seed of SEEDS) {
      const ranked = rankFacts(ids, history, 'due', createRandom(seed), { at, now });
      expect(ranked.slice(0, 2)).toEqual(['f3', 'f2']);
      expect(ranked.slice(2, 4).sort()).toEqual(['f5', 'f6']);
      expect(ranked.slice(4)).toEqual(['f4', 'f1']);
    }
  });

  it('asks the facts in that order (not shuffled), round by round', () => {
    const questions = selectQuestions(six, history, { count: 8, order: 'hardest' }, createRandom(9));
    expect(questions.map((q) => q.factId)).toEqual(['f3', 'f1', 'f4', 'f5', 'f2', 'f6', 'f3', 'f1']);
  });

  it('review: --count takes the first of the order', () => {
    const questions = selectReviewQuestions(six, ['f1', 'f3', 'f5'], history, { order: 'hardest', count: 2 }, createRandom(9));
    expect(questions.map((q) => q.factId)).toEqual(['f3', 'f1']);
  });

  it('random (the default) is the mix of before: the same questions as no --order for the same seed', () => {
    for (const seed of SEEDS.slice(0, 5)) {
      expect(selectQuestions(six, history, { count: 8, order: 'random' }, createRandom(seed))).toEqual(selectQuestions(six, history, { count: 8 }, createRandom(seed)));
    }
  });
});

describe('a learn run: facts move up within it', () => {
  const pool = eligibleQuestions(six, {});
  const q = (factId: string, kind: QuestionKind): Question => (pool.get(factId) ?? []).find((x) => x.kind === kind) as Question;
  const answer = (state: RunState, correct: boolean): RunState => {
    const item = currentItem(state);
    if (!item) throw new Error('the run is finished');
    return recordAnswer(state, runResult(item.question, { correct }), six, createRandom(1));
  };

  it('right at recognition: the fact\'s later recognition questions become recall; undo puts them back', () => {
    const start = startRun('quiz', [q('f1', 'choice'), q('f2', 'choice'), q('f1', 'true-false')], pool);
    const after = answer(start, true);
    expect(after.queue[2]?.question.factId).toBe('f1');
    expect(stageOfKind(after.queue[2]?.question.kind ?? '')).toBe('recall');
    expect(after.queue[1]?.question.id).toBe(q('f2', 'choice').id);
    expect(undoLastAnswer(after).queue).toEqual(start.queue);
  });

  it('a miss at recognition keeps the fact there; without learn mode nothing changes', () => {
    const start = startRun('quiz', [q('f1', 'choice'), q('f1', 'true-false')], pool);
    expect(answer(start, false).queue[1]?.question.kind).toBe('true-false');
    expect(answer(startRun('quiz', start.queue.map((i) => i.question)), true).queue[1]?.question.kind).toBe('true-false');
  });

  it('review: a re-ask after a miss is of the stage the miss leaves the fact at', () => {
    for (const seed of SEEDS) {
      const state = recordAnswer(startRun('review', [q('f1', 'cloze'), q('f2', 'choice'), q('f3', 'choice')], pool), runResult(q('f1', 'cloze'), { correct: false }), six, createRandom(seed));
      const retry = state.queue.find((item) => item.retry);
      expect(retry?.question.kind).toBe('short-answer');
      const missedShown = recordAnswer(startRun('review', [q('f1', 'choice'), q('f2', 'choice'), q('f3', 'choice')], pool), runResult(q('f1', 'choice'), { correct: false }), six, createRandom(seed));
      expect(stageOfKind(missedShown.queue.find((item) => item.retry)?.question.kind ?? '')).toBe('recognition');
    }
  });
});
