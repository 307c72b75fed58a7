import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/domain/deck.js';
import { createRandom } from '../../src/domain/random.js';
import {
  RETRY_GAP,
  claimLastAnswer,
  currentItem,
  isFinished,
  progress,
  recordAnswer,
  startRun,
  stopRun,
  summarizeRun,
  undoLastAnswer,
  type RunState,
} from '../../src/session/run-state.js';
import { deck, facts, questionsOfKinds, runResult } from '../helpers/builders.js';

// Five facts in three topics, each asked as choice and as cloze.
const harbour = deck({
  facts: facts(5, ['people', 'building', 'money']),
  questions: facts(5).flatMap((f) => questionsOfKinds(f.id, ['choice', 'cloze'])),
});
const question = (id: string): Question => {
  const found = harbour.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id} in the test deck`);
  return found;
};
const choices = (...factIds: string[]): Question[] => factIds.map((id) => question(`${id}-choice`));

/** Answers the current question of `state` right or wrong. */
function answer(state: RunState, correct: boolean, seed = 1): RunState {
  const item = currentItem(state);
  if (!item) throw new Error('the run is finished');
  return recordAnswer(state, runResult(item.question, { correct }), harbour, createRandom(seed));
}

const queueIds = (state: RunState): string[] => state.queue.map((item) => item.question.id);
const factIdsOf = (list: readonly { id: string }[]): string[] => list.map((f) => f.id);

describe('a quiz run', () => {
  it('asks the questions in order and advances with every answer', () => {
    let state = startRun('quiz', choices('f1', 'f2', 'f3'));
    expect(currentItem(state)).toEqual({ question: question('f1-choice'), retry: false });
    expect(progress(state)).toEqual({ number: 1, total: 3 });
    state = answer(state, true);
    expect(currentItem(state)?.question.id).toBe('f2-choice');
    expect(progress(state)).toEqual({ number: 2, total: 3 });
    state = answer(state, false);
    expect(currentItem(state)?.question.id).toBe('f3-choice');
    expect(isFinished(state)).toBe(false);
    state = answer(state, true);
    expect(isFinished(state)).toBe(true);
    expect(currentItem(state)).toBeNull();
    expect(progress(state)).toEqual({ number: 3, total: 3 });
    expect(state.results.map((r) => [r.question.id, r.correct])).toEqual([
      ['f1-choice', true],
      ['f2-choice', false],
      ['f3-choice', true],
    ]);
  });

  it('does not re-queue a wrong answer', () => {
    const state = answer(startRun('quiz', choices('f1', 'f2', 'f3')), false);
    expect(queueIds(state)).toEqual(['f1-choice', 'f2-choice', 'f3-choice']);
  });

  it('leaves the state it was given alone', () => {
    const before = startRun('review', choices('f1', 'f2', 'f3', 'f4'));
    answer(before, false);
    expect(before.index).toBe(0);
    expect(before.results).toEqual([]);
    expect(queueIds(before)).toEqual(['f1-choice', 'f2-choice', 'f3-choice', 'f4-choice']);
  });

  it('sums up score, percent, topics and missed facts', () => {
    let state = startRun('quiz', choices('f1', 'f2', 'f3', 'f4'));
    for (const correct of [true, false, true, true]) state = answer(state, correct);
    const summary = summarizeRun(state, harbour, 95_000);
    expect(summary).toEqual({
      correct: 3,
      total: 4,
      percent: 75,
      ms: 95_000,
      byTopic: [
        { topic: 'building', correct: 0, total: 1 },
        { topic: 'money', correct: 1, total: 1 },
        { topic: 'people', correct: 2, total: 2 },
      ],
      missed: [harbour.facts[1]],
      cleared: [],
    });
  });

  it.each([
    [[true, true, false], 67],
    [[false, false, true], 33],
    [[false, false, false], 0],
    [[true, true, true], 100],
  ])('rounds the percent of %j to %d', (answers, percent) => {
    let state = startRun('quiz', choices('f1', 'f2', 'f3'));
    for (const correct of answers) state = answer(state, correct);
    expect(summarizeRun(state, harbour, 0).percent).toBe(percent);
  });

  it('sums up an empty run as 0 of 0', () => {
    expect(summarizeRun(startRun('quiz', []), harbour, 0)).toMatchObject({ correct: 0, total: 0, percent: 0, byTopic: [], missed: [] });
  });
});

describe('a review run', () => {
  it(`re-queues a missed fact in its other question, ${RETRY_GAP} questions later and not straight after`, () => {
    const state = answer(startRun('review', choices('f1', 'f2', 'f3', 'f4')), false);
    expect(queueIds(state)).toEqual(['f1-choice', 'f2-choice', 'f3-choice', 'f1-cloze', 'f4-choice']);
    const retryAt = state.queue.findIndex((item) => item.retry);
    expect(retryAt - 0 - 1).toBeGreaterThanOrEqual(RETRY_GAP);
    expect(state.queue[retryAt]).toEqual({ question: question('f1-cloze'), retry: true });
    expect(progress(state)).toEqual({ number: 2, total: 5 });
  });

  it('asks the retry when its turn comes, marked as a retry', () => {
    let state = answer(startRun('review', choices('f1', 'f2', 'f3', 'f4')), false);
    state = answer(answer(state, true), true);
    expect(currentItem(state)).toEqual({ question: question('f1-cloze'), retry: true });
  });

  it('re-queues after the one question left when only one is left, never straight after', () => {
    const state = answer(startRun('review', choices('f1', 'f2')), false);
    expect(queueIds(state)).toEqual(['f1-choice', 'f2-choice', 'f1-cloze']);
    expect(currentItem(state)?.question.id).toBe('f2-choice');
  });

  it('does not re-queue a miss on the last question; the fact stays missed', () => {
    let state = startRun('review', choices('f1', 'f2'));
    state = answer(answer(state, true), false);
    expect(queueIds(state)).toEqual(['f1-choice', 'f2-choice']);
    expect(isFinished(state)).toBe(true);
    const summary = summarizeRun(state, harbour, 0);
    expect(factIdsOf(summary.missed)).toEqual(['f2']);
    expect(factIdsOf(summary.cleared)).toEqual(['f1']);
  });

  it('re-asks the same question when the fact has no other', () => {
    const lone = deck({ facts: facts(3), questions: facts(3).flatMap((f) => questionsOfKinds(f.id, ['cloze'])) });
    let state = startRun('review', lone.questions);
    state = recordAnswer(state, runResult(lone.questions[0] as Question, { correct: false }), lone, createRandom(1));
    expect(queueIds(state)).toEqual(['f1-cloze', 'f2-cloze', 'f3-cloze', 'f1-cloze']);
  });

  it('clears a fact answered right on its retry', () => {
    let state = startRun('review', choices('f1', 'f2', 'f3', 'f4'));
    state = answer(state, false); // f1 missed, f1-cloze comes back after f3
    for (const correct of [true, true, true, true]) state = answer(state, correct); // f2, f3, f1-cloze, f4
    expect(isFinished(state)).toBe(true);
    expect(state.results.map((r) => r.question.id)).toEqual(['f1-choice', 'f2-choice', 'f3-choice', 'f1-cloze', 'f4-choice']);
    const summary = summarizeRun(state, harbour, 0);
    expect(factIdsOf(summary.cleared)).toContain('f1');
    expect(summary.missed).toEqual([]);
    expect(summary).toMatchObject({ correct: 4, total: 5, percent: 80 });
  });

  it('re-queues a fact again when its retry is missed too, and clears it when the next one is right', () => {
    let state = startRun('review', choices('f1', 'f2', 'f3', 'f4', 'f5'));
    state = answer(state, false);
    state = answer(answer(state, true), true); // f2, f3
    expect(currentItem(state)?.question.id).toBe('f1-cloze');
    state = answer(state, false);
    expect(queueIds(state).slice(4, 6)).toEqual(['f4-choice', 'f5-choice']);
    expect(state.queue[6]).toMatchObject({ retry: true, question: { factId: 'f1' } });
    while (!isFinished(state)) state = answer(state, true);
    const summary = summarizeRun(state, harbour, 0);
    expect(factIdsOf(summary.missed)).toEqual([]);
    expect(factIdsOf(summary.cleared)).toContain('f1');
    expect(state.results.filter((r) => r.question.factId === 'f1').map((r) => r.correct)).toEqual([false, false, true]);
  });
});

describe('claimLastAnswer', () => {
  it('flips the last wrong answer to right and marks it claimed', () => {
    let state = startRun('quiz', choices('f1', 'f2'));
    state = claimLastAnswer(answer(state, false));
    expect(state.results).toEqual([runResult(question('f1-choice'), { correct: true, claimed: true })]);
    expect(summarizeRun(state, harbour, 0)).toMatchObject({ correct: 1, total: 1, missed: [] });
  });

  it('removes the retry that the claimed miss queued in review', () => {
    let state = startRun('review', choices('f1', 'f2', 'f3', 'f4'));
    state = claimLastAnswer(answer(state, false));
    expect(queueIds(state)).toEqual(['f1-choice', 'f2-choice', 'f3-choice', 'f4-choice']);
    expect(state.queue.some((item) => item.retry)).toBe(false);
    expect(state.results[0]).toMatchObject({ correct: true, claimed: true });
    while (!isFinished(state)) state = answer(state, true);
    expect(summarizeRun(state, harbour, 0)).toMatchObject({ correct: 4, total: 4, missed: [] });
  });

  it('removes only the retry of the claimed fact', () => {
    let state = startRun('review', choices('f1', 'f2', 'f3', 'f4', 'f5'));
    state = answer(state, false); // f1 comes back after f2 and f3
    state = claimLastAnswer(answer(state, false)); // f2 missed, then claimed
    expect(queueIds(state)).toEqual(['f1-choice', 'f2-choice', 'f3-choice', 'f1-cloze', 'f4-choice', 'f5-choice']);
  });

  it('changes nothing when the last answer was right or nothing was answered', () => {
    const fresh = startRun('review', choices('f1', 'f2'));
    expect(claimLastAnswer(fresh)).toBe(fresh);
    const right = answer(fresh, true);
    expect(claimLastAnswer(right)).toBe(right);
  });
});

describe('stopRun', () => {
  it('ends the run: nothing further is asked, and the summary counts what was answered', () => {
    let state = startRun('quiz', choices('f1', 'f2', 'f3', 'f4'));
    state = stopRun(answer(answer(state, true), false));
    expect(isFinished(state)).toBe(true);
    expect(currentItem(state)).toBeNull();
    expect(progress(state)).toEqual({ number: 2, total: 2 });
    expect(summarizeRun(state, harbour, 0)).toMatchObject({ correct: 1, total: 2, percent: 50 });
  });

  it('drops a pending retry in review', () => {
    const state = stopRun(answer(startRun('review', choices('f1', 'f2', 'f3')), false));
    expect(isFinished(state)).toBe(true);
    expect(factIdsOf(summarizeRun(state, harbour, 0).missed)).toEqual(['f1']);
  });

  it('stops a run before its first answer', () => {
    const state = stopRun(startRun('quiz', choices('f1')));
    expect(isFinished(state)).toBe(true);
    expect(summarizeRun(state, harbour, 0).total).toBe(0);
  });
});

describe('undoing the last answer', () => {
  it('in a quiz: the answer is gone and its question is next again', () => {
    let state = startRun('quiz', choices('f1', 'f2', 'f3'));
    state = answer(state, true);
    state = answer(state, false);
    const undone = undoLastAnswer(state);
    expect(undone.results).toHaveLength(1);
    expect(currentItem(undone)?.question.id).toBe('f2-choice');
    expect(queueIds(undone)).toEqual(queueIds(state));
  });

  it('in a review: the retry that the miss put later in the run goes too', () => {
    let state = startRun('review', choices('f1', 'f2', 'f3'));
    const before = queueIds(state);
    state = answer(state, false);
    expect(state.queue).toHaveLength(4);
    const undone = undoLastAnswer(state);
    expect(queueIds(undone)).toEqual(before);
    expect(undone.index).toBe(0);
    expect(undone.results).toEqual([]);
  });

  it('with nothing answered, changes nothing', () => {
    const state = startRun('quiz', choices('f1'));
    expect(undoLastAnswer(state)).toBe(state);
  });
});
