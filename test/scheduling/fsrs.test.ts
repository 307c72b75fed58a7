import { describe, expect, it } from 'vitest';
import { formatInterval, newCard, previewRatings, rateCard, ratingForAnswer } from '../../src/scheduling/fsrs.js';
import { isDueForStudy } from '../../src/scheduling/study-queue.js';

// Local times, so the study day (which follows the local time zone) is the same wherever the test runs.
const day0 = new Date(2026, 5, 1, 9, 0, 0);
const at = (days: number, hours = 9): Date => new Date(2026, 5, 1 + days, hours, 0, 0);

describe('one memory card per fact (FSRS)', () => {
  it('schedules a new card rated Easy about a week out: not due tomorrow, due once the interval has passed', () => {
    const { card } = rateCard(null, 'easy', day0);
    expect(card.state).toBe('review');
    expect(card.scheduledDays).toBeGreaterThanOrEqual(5);
    expect(card.scheduledDays).toBeLessThanOrEqual(10);
    expect(isDueForStudy(card, at(1), 4)).toBe(false);
    expect(isDueForStudy(card, at(card.scheduledDays - 1), 4)).toBe(false);
    expect(isDueForStudy(card, at(card.scheduledDays), 4)).toBe(true);
  });

  it('brings a card rated Again back within minutes (a learning step), so it returns within the run', () => {
    const { card } = rateCard(null, 'again', day0);
    const waitMs = Date.parse(card.due) - day0.getTime();
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(10 * 60_000);
    expect(card.state).toBe('learning');
  });

  it('is a pure function of (card, now, rating): the same input gives the same card and log', () => {
    const first = rateCard(newCard(day0), 'good', at(0, 10));
    const second = rateCard(newCard(day0), 'good', at(0, 10));
    expect(second).toEqual(first);
  });

  it('keeps the card as it was before each rating, so an undo can restore it exactly', () => {
    const once = rateCard(null, 'good', day0);
    const twice = rateCard(once.card, 'good', at(1));
    expect(twice.entry.before).toEqual(once.card);
    expect(once.entry.before).toBeNull();
    expect(twice.entry.rating).toBe('good');
    expect(twice.entry.at).toBe(at(1).toISOString());
  });

  it('grows intervals with repeated Good ratings and shrinks them after a lapse', () => {
    let card = rateCard(null, 'good', day0).card;
    card = rateCard(card, 'good', new Date(Date.parse(card.due))).card;
    const reviewInterval = card.scheduledDays;
    const later = rateCard(card, 'good', new Date(Date.parse(card.due))).card;
    expect(later.scheduledDays).toBeGreaterThan(reviewInterval);
    const lapsed = rateCard(later, 'again', new Date(Date.parse(later.due))).card;
    expect(lapsed.state).toBe('relearning');
    expect(lapsed.lapses).toBe(1);
  });

  it('previews the interval of each rating for the buttons', () => {
    const preview = previewRatings(null, day0);
    expect(preview).toEqual({ again: '1m', hard: '6m', good: '10m', easy: expect.stringMatching(/^\d+d$/) });
  });

  it('asks for more retention with shorter intervals', () => {
    const relaxed = rateCard(null, 'easy', day0, 0.8).card.scheduledDays;
    const strict = rateCard(null, 'easy', day0, 0.97).card.scheduledDays;
    expect(strict).toBeLessThan(relaxed);
  });

  it.each([
    [false, false, 1000, 'again'],
    [false, true, 1000, 'again'],
    [true, false, 1000, 'good'],
    [true, true, 1000, 'hard'],
    [true, false, 60_000, 'hard'],
  ] as const)('rates an answer correct=%s typo=%s in %i ms as %s', (correct, typo, ms, rating) => {
    expect(ratingForAnswer(correct, typo, ms)).toBe(rating);
  });

  it.each([
    [30_000, '1m'],
    [10 * 60_000, '10m'],
    [3 * 3_600_000, '3h'],
    [4 * 86_400_000, '4d'],
    [90 * 86_400_000, '3mo'],
    [500 * 86_400_000, '1.4y'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});
