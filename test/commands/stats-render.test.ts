import { describe, expect, it } from 'vitest';
import { renderStats, type StatsView } from '../../src/commands/stats.js';
import type { Stats } from '../../src/domain/stats.js';

const stats = (overrides: Partial<Stats> = {}): Stats => ({
  due: 0,
  cards: { new: 0, learning: 13, review: 2, relearning: 0 },
  attempts: 6,
  accuracy: { label: 'all', correct: 4, total: 6, percent: 67 },
  scores: [
    { at: '2026-12-05T09:00:00.000Z', deckId: 'd', correct: 2, answered: 3, percent: 67 },
    { at: '2026-12-05T10:00:00.000Z', deckId: 'd', correct: 7, answered: 10, percent: 70 },
  ],
  byTopic: [
    { label: 'background', correct: 4, total: 6, percent: 67 },
    { label: 'relationship', correct: 1, total: 2, percent: 50 },
  ],
  byKind: [{ label: 'cloze', correct: 1, total: 1, percent: 100 }],
  missed: [],
  forecast: Array.from({ length: 14 }, (_, i) => ({ day: `2026-12-${String(5 + i).padStart(2, '0')}`, count: i === 0 ? 13 : 0 })),
  activity: [],
  streak: 1,
  today: '2026-12-05',
  retention: { reviewed: 0, recalled: 0, percent: null, desired: 0.9 },
  ...overrides,
});

const view = (overrides: Partial<StatsView> = {}): StatsView => ({
  profile: 'default',
  scope: 'deck Blinken',
  ascii: false,
  color: false,
  quiz: 'factdeck quiz --data /tmp/d',
  review: 'factdeck review --data /tmp/d',
  ...overrides,
});

describe('stats as a person reads them', () => {
  it('bars use the width: nothing wraps at 50 columns, and 120 columns draw longer bars than 60', () => {
    const at = (width: number): string => renderStats(stats(), view({ width }));
    for (const line of at(49).split('\n')) expect([...line].length).toBeLessThanOrEqual(49);
    const bar = (text: string): number => (/background\s+(█+)/.exec(text)?.[1] ?? '').length;
    expect(bar(at(119))).toBeGreaterThan(bar(at(59)));
  });

  it('names its scope, says what falls due later today, and pastes its hints with the data folder', () => {
    const text = renderStats(stats({ scores: [] }), view());
    expect(text.split('\n')[0]).toBe('factdeck stats · profile default · deck Blinken · 2026-12-05');
    expect(text).toContain("0 cards due now (13 more later today: learning steps and today's reviews)");
    expect(text).toContain('no quizzes yet: `factdeck quiz --data /tmp/d`');
  });

  it('with nothing answered: "no answers yet", not "0 answers, 0% right"; plurals agree', () => {
    const text = renderStats(stats({ attempts: 0, streak: 1, due: 1 }), view());
    expect(text).toContain('no answers yet · 1 card due now');
    expect(text).toContain('streak 1 day');
    expect(text).not.toContain('0 answers');
  });

  it('--plain (ASCII) gives the scores as percentages, not a row of digits that reads as a number', () => {
    const text = renderStats(stats(), view({ ascii: true }));
    expect(text).toContain('  67% 70%  (last 7/10 (70%), the last 2 of 2)');
  });
});
