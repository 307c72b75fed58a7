import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { computeStats, FORECAST_DAYS, type StatsCard, type StatsInput } from '../../src/domain/stats.js';
import { daysBetween, studyDay } from '../../src/scheduling/study-day.js';
import { rateCard } from '../../src/scheduling/fsrs.js';
import { cloze, deck, fact, trueFalse } from '../helpers/builders.js';

const now = new Date(2026, 5, 10, 12, 0);
const local = (day: number, hour = 10): string => new Date(2026, 5, day, hour, 0).toISOString();

const theDeck = deck({
  id: 'd',
  facts: [fact({ id: 'f1', topic: 'people' }), fact({ id: 'f2', topic: 'people' }), fact({ id: 'f3', topic: 'places' }), fact({ id: 'f4', topic: 'places' })],
  questions: [cloze({ id: 'q1', factId: 'f1' }), trueFalse({ id: 'q2', factId: 'f2' }), cloze({ id: 'q3', factId: 'f3' }), trueFalse({ id: 'q4', factId: 'f4' })],
});

function card(factId: string, dueDay: number, state: StatsCard['state'] = 'review'): StatsCard {
  return { ...rateCard(null, 'good', new Date(2026, 5, 1)).card, deckId: 'd', factId, due: new Date(2026, 5, dueDay, 9).toISOString(), state };
}

// What these answers add up to: f1 missed on the 8th then right on the 9th; f2 missed on the 9th;
// f3 right on the 10th; f9 is no longer in the deck.
const input: StatsInput = {
  decks: [theDeck],
  facts: [
    { deckId: 'd', factId: 'f1', attempts: 2, correct: 1, lastCorrect: true },
    { deckId: 'd', factId: 'f2', attempts: 1, correct: 0, lastCorrect: false },
    { deckId: 'd', factId: 'f3', attempts: 1, correct: 1, lastCorrect: true },
    { deckId: 'd', factId: 'f9', attempts: 5, correct: 0, lastCorrect: false },
  ],
  kinds: [
    { deckId: 'd', kind: 'cloze', attempts: 3, correct: 2 },
    { deckId: 'd', kind: 'true-false', attempts: 1, correct: 0 },
    { deckId: 'other', kind: 'order', attempts: 4, correct: 4 },
  ],
  days: [
    { deckId: 'd', day: '2026-06-07', answers: 0, studied: 1 },
    { deckId: 'd', day: '2026-06-08', answers: 1, studied: 0 },
    { deckId: 'd', day: '2026-06-09', answers: 2, studied: 0, reviewed: 3, recalled: 2 },
    { deckId: 'd', day: '2026-06-10', answers: 2, studied: 0, reviewed: 1, recalled: 1 },
    { deckId: 'other', day: '2026-06-10', answers: 9, studied: 0, reviewed: 9, recalled: 0 },
  ],
  sessions: [
    { deckId: 'd', mode: 'quiz', startedAt: local(9), correct: 1, answered: 2 },
    { deckId: 'd', mode: 'quiz', startedAt: local(8), correct: 0, answered: 1 },
    { deckId: 'd', mode: 'review', startedAt: local(10), correct: 1, answered: 1 },
  ],
  cards: [card('f1', 9), card('f2', 10, 'learning'), card('f3', 13)],
  now,
  dayStartHour: 4,
  desiredRetention: 0.9,
};

describe('stats from literal logs', () => {
  const stats = computeStats(input);

  it('counts cards by state, new being the facts never studied nor answered', () => {
    expect(stats.cards).toEqual({ new: 1, learning: 1, review: 2, relearning: 0 });
  });

  it('counts cards due now, not new ones', () => {
    expect(stats.due).toBe(2);
  });

  it('gives accuracy overall, by topic and by kind, ignoring facts and decks not shown', () => {
    expect(stats.attempts).toBe(4);
    expect(stats.accuracy).toMatchObject({ correct: 2, total: 4, percent: 50 });
    expect(stats.byTopic).toEqual([
      { label: 'people', correct: 1, total: 3, percent: 33 },
      { label: 'places', correct: 1, total: 1, percent: 100 },
    ]);
    expect(stats.byKind.map((k) => [k.label, k.percent])).toEqual([
      ['cloze', 67],
      ['true-false', 0],
    ]);
  });

  it('gives the true retention of the decks shown (reviews of learnt cards not rated Again) beside the desired one', () => {
    expect(stats.retention).toEqual({ reviewed: 4, recalled: 3, percent: 75, desired: 0.9 });
    expect(computeStats({ ...input, days: [] }).retention.percent).toBeNull();
  });

  it('lists as missed the facts whose latest attempt was wrong', () => {
    expect(stats.missed.map((m) => m.factId)).toEqual(['f2']);
  });

  it('gives quiz scores in time order, reviews left out', () => {
    expect(stats.scores.map((s) => s.percent)).toEqual([0, 50]);
  });

  it('forecasts due cards for 14 days, overdue ones counted today', () => {
    expect(stats.forecast).toHaveLength(14);
    expect(stats.forecast[0]).toEqual({ day: '2026-06-10', count: 2 });
    expect(stats.forecast[3]).toEqual({ day: '2026-06-13', count: 1 });
    expect(stats.forecast.reduce((sum, d) => sum + d.count, 0)).toBe(3);
  });

  it('counts activity per day for 12 weeks and the current streak', () => {
    expect(stats.activity).toHaveLength(84);
    expect(stats.activity[83]).toEqual({ day: '2026-06-10', count: 2 });
    const byDay = new Map(stats.activity.map((d) => [d.day, d.count]));
    expect(byDay.get('2026-06-09')).toBe(2);
    expect(byDay.get('2026-06-08')).toBe(1);
    expect(byDay.get('2026-06-07')).toBe(1);
    expect(byDay.get('2026-06-06')).toBe(0);
    expect(stats.streak).toBe(4);
  });

  it('keeps a streak alive through today while nothing is done yet today', () => {
    const tomorrow = computeStats({ ...input, now: new Date(2026, 5, 11, 12, 0) });
    expect(tomorrow.streak).toBe(4);
    const dayAfter = computeStats({ ...input, now: new Date(2026, 5, 12, 12, 0) });
    expect(dayAfter.streak).toBe(0);
  });
});

describe('the due forecast', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('puts each card on the study day it falls due (overdue ones today), across clock changes', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']) {
      process.env.TZ = tz;
      fc.assert(
        fc.property(
          fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }),
          fc.integer({ min: 0, max: 23 }),
          fc.array(fc.integer({ min: -5 * 86_400_000, max: 20 * 86_400_000 }), { maxLength: 30 }),
          (at, dayStartHour, offsets) => {
            const cards = offsets.map((offset, i) => ({ ...card(`f${i}`, 1), due: new Date(at.getTime() + offset).toISOString() }));
            const deckOf = { id: 'd', facts: cards.map((c) => ({ id: c.factId, topic: 't' })) };
            const stats = computeStats({ ...input, decks: [deckOf], facts: [], cards, now: at, dayStartHour });
            // As the forecast was first written: day by day, with dates as text.
            const today = studyDay(at, dayStartHour);
            const expected = Array.from({ length: FORECAST_DAYS }, () => 0);
            for (const c of cards) {
              const slot = Math.max(0, daysBetween(today, studyDay(new Date(c.due), dayStartHour)));
              if (slot < FORECAST_DAYS) expected[slot]!++;
            }
            expect(stats.forecast.map((d) => d.count)).toEqual(expected);
            expect(stats.due).toBe(cards.filter((c) => Date.parse(c.due) <= at.getTime()).length);
          },
        ),
        { numRuns: 100 },
      );
    }
  });
});
