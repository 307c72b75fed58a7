import { describe, expect, it } from 'vitest';
import { historyFromProgress, missedFactIds } from '../../src/domain/history.js';
import { choiceQuestion, cloze, deck, facts, progress, trueFalse } from '../helpers/builders.js';

const harbour = deck({
  facts: facts(3),
  questions: [
    choiceQuestion({ factId: 'f1' }),
    cloze({ factId: 'f1' }),
    trueFalse({ factId: 'f2' }),
    cloze({ factId: 'f3' }),
  ],
});

describe('historyFromProgress', () => {
  it('keeps each fact\'s counts and latest answer', () => {
    const history = historyFromProgress(harbour, [
      progress({ factId: 'f1', attempts: 3, lastKind: 'cloze', lastAt: '2024-06-03T10:00:00.000Z' }),
      progress({ factId: 'f2', attempts: 2, lastKind: 'true-false', lastCorrect: false, lastAt: '2024-06-05T08:30:00.000Z' }),
    ]);
    expect(history.get('f1')).toEqual({ factId: 'f1', attempts: 3, correct: 3, lastCorrect: true, lastAt: '2024-06-03T10:00:00.000Z', lastKind: 'cloze' });
    expect(history.get('f2')).toEqual({ factId: 'f2', attempts: 2, correct: 0, lastCorrect: false, lastAt: '2024-06-05T08:30:00.000Z', lastKind: 'true-false' });
    expect(history.has('f3')).toBe(false);
  });

  it('ignores progress on a fact no longer in the deck (the database keeps it)', () => {
    const history = historyFromProgress(harbour, [progress({ factId: 'f1' }), progress({ factId: 'f9', lastCorrect: false })]);
    expect([...history.keys()]).toEqual(['f1']);
  });

  it('is empty without progress', () => {
    expect(historyFromProgress(harbour, []).size).toBe(0);
  });
});

describe('missedFactIds', () => {
  it('lists the facts whose latest answer was wrong, in deck order', () => {
    const history = historyFromProgress(harbour, [
      progress({ factId: 'f3', lastKind: 'cloze', lastCorrect: false }),
      progress({ factId: 'f1', lastCorrect: false }),
      progress({ factId: 'f2', attempts: 2, lastKind: 'true-false' }),
    ]);
    expect(missedFactIds(harbour, history)).toEqual(['f1', 'f3']);
  });

  it('does not count never-seen facts as missed', () => {
    expect(missedFactIds(harbour, new Map())).toEqual([]);
  });
});
