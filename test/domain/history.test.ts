import { describe, expect, it } from 'vitest';
import { missedFactIds, summarizeHistory } from '../../src/domain/history.js';
import { attempt, choiceQuestion, cloze, deck, facts, trueFalse } from '../helpers/builders.js';

const harbour = deck({
  facts: facts(3),
  questions: [
    choiceQuestion({ factId: 'f1' }),
    cloze({ factId: 'f1' }),
    trueFalse({ factId: 'f2' }),
    cloze({ factId: 'f3' }),
  ],
});

describe('summarizeHistory', () => {
  it('takes the latest attempt per fact by time, whatever the order of the attempts', () => {
    const history = summarizeHistory(harbour, [
      attempt({ factId: 'f1', kind: 'cloze', correct: true, at: '2024-06-03T10:00:00.000Z' }),
      attempt({ factId: 'f1', kind: 'choice', correct: false, at: '2024-06-01T09:00:00.000Z' }),
      attempt({ factId: 'f1', kind: 'choice', correct: false, at: '2024-06-02T09:00:00.000Z' }),
      attempt({ factId: 'f2', kind: 'true-false', correct: true, at: '2024-06-01T09:00:00.000Z' }),
      attempt({ factId: 'f2', kind: 'true-false', correct: false, at: '2024-06-05T08:30:00.000Z' }),
    ]);
    expect(history.get('f1')).toEqual({ factId: 'f1', attempts: 3, lastCorrect: true, lastAt: '2024-06-03T10:00:00.000Z', lastKind: 'cloze' });
    expect(history.get('f2')).toEqual({ factId: 'f2', attempts: 2, lastCorrect: false, lastAt: '2024-06-05T08:30:00.000Z', lastKind: 'true-false' });
    expect(history.has('f3')).toBe(false);
  });

  it.each([
    ['a question no longer in the deck', attempt({ factId: 'f1', questionId: 'f1-order', kind: 'order', correct: false, at: '2024-06-09T00:00:00.000Z' })],
    ['a fact no longer in the deck', attempt({ factId: 'f9', questionId: 'f1-choice', correct: false, at: '2024-06-09T00:00:00.000Z' })],
  ])('ignores an attempt on %s', (_name, gone) => {
    const kept = attempt({ factId: 'f1', kind: 'choice', correct: true, at: '2024-06-01T09:00:00.000Z' });
    const history = summarizeHistory(harbour, [kept, gone]);
    expect([...history.keys()]).toEqual(['f1']);
    expect(history.get('f1')).toMatchObject({ attempts: 1, lastCorrect: true, lastAt: '2024-06-01T09:00:00.000Z' });
  });

  it('is empty without attempts', () => {
    expect(summarizeHistory(harbour, []).size).toBe(0);
  });
});

describe('missedFactIds', () => {
  it('lists the facts whose latest attempt was wrong, in deck order', () => {
    const history = summarizeHistory(harbour, [
      attempt({ factId: 'f3', kind: 'cloze', correct: false, at: '2024-06-01T09:00:00.000Z' }),
      attempt({ factId: 'f1', kind: 'choice', correct: false, at: '2024-06-01T09:00:00.000Z' }),
      attempt({ factId: 'f2', kind: 'true-false', correct: false, at: '2024-06-01T09:00:00.000Z' }),
      attempt({ factId: 'f2', kind: 'true-false', correct: true, at: '2024-06-02T09:00:00.000Z' }),
    ]);
    expect(missedFactIds(harbour, history)).toEqual(['f1', 'f3']);
  });

  it('forgets a miss once a later attempt is right, and keeps a right fact missed after a later miss', () => {
    const history = summarizeHistory(harbour, [
      attempt({ factId: 'f1', kind: 'choice', correct: true, at: '2024-06-01T09:00:00.000Z' }),
      attempt({ factId: 'f1', kind: 'cloze', correct: false, at: '2024-06-01T09:00:01.000Z' }),
      attempt({ factId: 'f2', kind: 'true-false', correct: false, at: '2024-06-01T09:00:00.000Z' }),
      attempt({ factId: 'f2', kind: 'true-false', correct: true, at: '2024-06-01T09:00:01.000Z' }),
    ]);
    expect(missedFactIds(harbour, history)).toEqual(['f1']);
  });

  it('does not count never-seen facts as missed', () => {
    expect(missedFactIds(harbour, new Map())).toEqual([]);
  });
});
