import { describe, expect, it } from 'vitest';
import { rateCard, type MemoryCard } from '../../src/scheduling/fsrs.js';
import { addDays, daysBetween, nextDayStart, studyDay } from '../../src/scheduling/study-day.js';
import { buildStudyQueue } from '../../src/scheduling/study-queue.js';
import { deck, fact, facts } from '../helpers/builders.js';

const settings = { newPerDay: 2, dayStartHour: 4 };

describe('study days', () => {
  it.each([
    [new Date(2026, 5, 1, 3, 59), '2026-05-31'],
    [new Date(2026, 5, 1, 4, 0), '2026-06-01'],
    [new Date(2026, 5, 1, 23, 30), '2026-06-01'],
    [new Date(2026, 5, 2, 1, 0), '2026-06-01'],
  ])('counts %s as the study day %s (days start at 04:00 local time)', (at, day) => {
    expect(studyDay(at, 4)).toBe(day);
  });

  it('knows when the next study day starts', () => {
    expect(nextDayStart(new Date(2026, 5, 1, 23, 0), 4)).toEqual(new Date(2026, 5, 2, 4, 0));
    expect(nextDayStart(new Date(2026, 5, 2, 2, 0), 4)).toEqual(new Date(2026, 5, 2, 4, 0));
  });

  it('does calendar arithmetic on day strings', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-05-30', '2026-06-02')).toBe(3);
  });
});

describe('the study queue', () => {
  const now = new Date(2026, 5, 10, 9, 0);
  const cardDue = (due: Date, state: MemoryCard['state'] = 'review'): MemoryCard => ({ ...rateCard(null, 'good', new Date(2026, 5, 1)).card, due: due.toISOString(), state });

  it('puts due cards first, earliest due first, then new facts up to the day limit', () => {
    const d = deck({ facts: facts(5), questions: [] });
    const [f1, f2, f3] = d.facts;
    const cards = new Map([
      [f1!.id, cardDue(new Date(2026, 5, 9))],
      [f2!.id, cardDue(new Date(2026, 5, 8))],
      [f3!.id, cardDue(new Date(2026, 5, 20))],
    ]);
    const queue = buildStudyQueue(d, cards, [], now, settings);
    expect(queue.due).toEqual([f2!.id, f1!.id]);
    expect(queue.fresh).toEqual([d.facts[3]!.id, d.facts[4]!.id]);
  });

  it('counts a review due later today (before the next 04:00) as due, but a learning step only once its time has come', () => {
    const d = deck({ facts: [fact({ id: 'a' }), fact({ id: 'b' })], questions: [] });
    const cards = new Map([
      ['a', cardDue(new Date(2026, 5, 11, 2, 0), 'review')],
      ['b', cardDue(new Date(2026, 5, 10, 9, 30), 'learning')],
    ]);
    expect(buildStudyQueue(d, cards, [], now, settings).due).toEqual(['a']);
    expect(buildStudyQueue(d, cards, [], new Date(2026, 5, 10, 9, 31), settings).due).toEqual(['b', 'a']);
  });

  it('counts new cards begun today against the limit', () => {
    const d = deck({ facts: facts(5), questions: [] });
    const startedToday = [new Date(2026, 5, 10, 8, 0).toISOString()];
    const startedYesterday = [new Date(2026, 5, 9, 8, 0).toISOString()];
    expect(buildStudyQueue(d, new Map(), startedToday, now, settings).fresh).toHaveLength(1);
    expect(buildStudyQueue(d, new Map(), startedYesterday, now, settings).fresh).toHaveLength(2);
  });
});
