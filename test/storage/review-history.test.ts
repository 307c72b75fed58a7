// readReviewHistory reads a profile's ratings from a real history log on disk, skipping lines by searching
// their bytes before parsing: these tests hold that the skipping never changes what is read.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../src/storage/history.js';
import { serializeEvents } from '../../src/storage/history.js';
import { HISTORY_FILE } from '../../src/storage/history-log.js';
import { quickRating, readRatingTimes, readReviewHistory, type RatingTimes } from '../../src/storage/review-history.js';
import { emptyDatabase, type ReviewRecord } from '../../src/storage/schema.js';
import { applyEvents } from '../../src/storage/history.js';
import { ratingEvent } from '../../src/storage/progress.js';
import { RATINGS, type MemoryCard } from '../../src/scheduling/fsrs.js';
import fc from 'fast-check';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdeck-review-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function review(id: string, profile = 'default', deckId = 'deck', given = 'x'): HistoryEvent[] {
  const at = '2026-01-01T08:00:00.000Z';
  const record: ReviewRecord = {
    id,
    profile,
    deckId,
    factId: `f-${id}`,
    attemptId: `a-${id}`,
    source: 'quiz',
    rating: 'good',
    at,
    before: null,
    log: { state: 'new', due: at, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0 },
    after: { due: at, stability: 2.3, difficulty: 2.1, elapsedDays: 0, scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, state: 'learning', lastReview: at },
  };
  const attempt = { type: 'attempt', attempt: { id: `a-${id}`, sessionId: 's', profile, deckId, questionId: `q-${id}`, factId: `f-${id}`, kind: 'short', given, correct: true, at, ms: 1000 } };
  return [attempt as HistoryEvent, { type: 'review', review: record }];
}

function undo(reviewId: string, profile = 'default'): HistoryEvent {
  return { type: 'undo', reviewId, profile, deckId: 'deck', factId: `f-${reviewId}`, source: 'quiz', before: null, at: '2026-01-01T09:00:00.000Z' };
}

function writeLog(lines: HistoryEvent[][], tail = ''): void {
  writeFileSync(join(dir, HISTORY_FILE), lines.map(serializeEvents).join('') + tail);
}

const ids = (records: ReviewRecord[]): string[] => records.map((r) => r.id);

describe('readReviewHistory', () => {
  it('reads the profile\'s ratings in order, and no other profile\'s', async () => {
    writeLog([review('r1'), review('r2', 'other'), review('r3'), [{ type: 'reset', profile: 'other', at: '2026-01-02T00:00:00.000Z' }], review('r4', 'other')]);
    expect(ids(await readReviewHistory(dir, { profile: 'default' }))).toEqual(['r1', 'r3']);
    expect(ids(await readReviewHistory(dir, { profile: 'other' }))).toEqual(['r4']);
  });

  it('drops an undone rating and everything before a reset of the profile', async () => {
    writeLog([review('r1'), review('r2'), [undo('r2')], review('r3'), [undo('r1', 'other')]]);
    expect(ids(await readReviewHistory(dir, { profile: 'default' }))).toEqual(['r1', 'r3']);
    writeLog([review('r1'), [{ type: 'reset', profile: 'default', at: '2026-01-02T00:00:00.000Z' }], review('r2')]);
    expect(ids(await readReviewHistory(dir, { profile: 'default' }))).toEqual(['r2']);
  });

  it('does not take words that look like event types inside answers for events', async () => {
    // "undo" and "reset" as the learner's typed answers, with and without their quotes: still ratings.
    writeLog([review('r1', 'default', 'deck', 'undo'), review('r2', 'default', 'deck', 'reset'), review('r3', 'default', 'deck', 'to undo"'), review('r4')]);
    expect(ids(await readReviewHistory(dir, { profile: 'default' }))).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('finds an undo event wherever it stands in a line, however its fields are ordered', async () => {
    const reordered = JSON.stringify([{ reviewId: 'r1', profile: 'default', type: 'undo' }]);
    writeFileSync(join(dir, HISTORY_FILE), `${serializeEvents(review('r1'))}${reordered}\n${serializeEvents(review('r2'))}`);
    expect(ids(await readReviewHistory(dir, { profile: 'default' }))).toEqual(['r2']);
  });

  it('keeps only the decks asked for', async () => {
    writeLog([review('r1', 'default', 'a'), review('r2', 'default', 'b'), review('r3', 'default', 'a')]);
    expect(ids(await readReviewHistory(dir, { profile: 'default', deckIds: new Set(['a']) }))).toEqual(['r1', 'r3']);
  });

  it('leaves out a last line torn by a crash, and reads lines longer than its buffer', async () => {
    const long = review('r2', 'default', 'deck', 'y'.repeat(5 * 1024 * 1024));
    writeLog([review('r1'), long], serializeEvents(review('r3')).slice(0, 40));
    expect(ids(await readReviewHistory(dir, { profile: 'default' }))).toEqual(['r1', 'r2']);
  });

  it('refuses a damaged line with its number', async () => {
    writeFileSync(join(dir, HISTORY_FILE), `${serializeEvents(review('r1'))}{"type":"review","profile":"default" oops\n`);
    await expect(readReviewHistory(dir, { profile: 'default' })).rejects.toThrow(/line 2/);
  });

  it('reads nothing from a data folder without a log', async () => {
    expect(await readReviewHistory(dir, { profile: 'default' })).toEqual([]);
  });
});

/** What a line of Anki's review log needs of a rating, taken from the whole record. */
function timesOf(record: ReviewRecord): RatingTimes {
  const card = (c: MemoryCard | null): RatingTimes['before'] => (c === null ? null : { due: c.due, difficulty: c.difficulty, scheduledDays: c.scheduledDays, state: c.state });
  return { id: record.id, profile: record.profile, deckId: record.deckId, factId: record.factId, rating: record.rating, at: record.at, before: card(record.before), after: card(record.after) };
}

describe('quickRating: a rating as the program saves it, read without parsing it whole', () => {
  it('reads what JSON.parse reads, for ratings made by the program (quiz and study, new cards and reviewed ones)', () => {
    const data = emptyDatabase();
    const texts: string[] = [];
    let now = Date.parse('2026-01-01T08:00:00.000Z');
    for (let i = 0; i < 60; i++) {
      const event = ratingEvent(data, { id: `r${i}`, profile: i % 7 === 0 ? 'Zoë' : 'default', deckId: 'deck', factId: `f${i % 5}`, rating: RATINGS[(i * 7) % 4] as ReviewRecord['rating'], now: new Date(now), attemptId: i % 2 === 0 ? `a${i}` : null, source: i % 2 === 0 ? 'quiz' : 'study' });
      applyEvents(data, [event]);
      texts.push(JSON.stringify(event));
      now += (i % 3) * 86_400_000 + 61_234;
    }
    expect(texts.some((text) => text.includes('"before":{'))).toBe(true);
    for (const text of texts) {
      const parsed = JSON.parse(text) as { review: ReviewRecord };
      expect(quickRating(text)).toEqual({ type: 'review', review: timesOf(parsed.review) });
    }
  });

  it('reads any field values JSON.parse reads the same way: numbers in every JSON form, text in any script', () => {
    // Text JSON writes without an escape: no quote, backslash or control character.
    const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => [...s].every((ch) => ch !== '"' && ch !== '\\' && ch.charCodeAt(0) >= 0x20));
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(0, -0, 1e-7, 1e21, 123.5e-3));
    const card = fc.record({ due: text, stability: number, difficulty: number, elapsedDays: number, scheduledDays: number, learningSteps: number, reps: number, lapses: number, state: text, lastReview: fc.option(text) });
    fc.assert(
      fc.property(text, text, text, text, fc.option(text), text, text, text, fc.option(card), card, fc.option(card), (id, profile, deckId, factId, attemptId, source, rating, at, before, log, after) => {
        const { elapsedDays: _e, reps: _r, lapses: _l, lastReview: _lr, ...logFields } = log;
        const event = { type: 'review', review: { id, profile, deckId, factId, attemptId, source, rating, at, before, log: { state: logFields.state, due: logFields.due, stability: logFields.stability, difficulty: logFields.difficulty, scheduledDays: logFields.scheduledDays, learningSteps: logFields.learningSteps }, after } };
        const json = JSON.stringify(event);
        expect(quickRating(json)).toEqual({ type: 'review', review: timesOf((JSON.parse(json) as { review: ReviewRecord }).review) });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves anything else to JSON.parse: escapes, other key orders, extra keys, what is not JSON', () => {
    const [, saved] = review('r1');
    const text = JSON.stringify(saved);
    expect(quickRating(text)).not.toBeNull();
    const changed = [
      text.replace('"profile":"default"', '"profile":"de\\"fault"'),
      text.replace('"profile":"default"', '"profile":"d\\u00e9fault"'),
      text.replace('"id":"r1","profile":"default"', '"profile":"default","id":"r1"'),
      text.replace('"rating":"good"', '"rating":"good","extra":1'),
      text.replace('"difficulty":2.1', '"difficulty":02.1'),
      text.replace('"difficulty":2.1', '"difficulty":2.'),
      text.replace('"difficulty":2.1', '"difficulty":"2.1"'),
      text.replace('"before":null', '"before":{}'),
      `${text} `,
      text.slice(0, -1),
    ];
    for (const other of changed) {
      expect(other).not.toBe(text);
      expect(quickRating(other), other).toBeNull();
    }
  });

  it('readRatingTimes reads the same ratings as readReviewHistory, undone and reset ones left out alike', async () => {
    const reordered = JSON.stringify([{ reviewId: 'r2', profile: 'default', type: 'undo' }]);
    const lone = JSON.stringify([review('r5')[1]]);
    writeFileSync(join(dir, HISTORY_FILE), [review('r1'), review('r2'), review('r3', 'other'), review('r4', 'default', 'deck', 'undo')].map(serializeEvents).join('') + `${reordered}\n${lone}\n`);
    const whole = await readReviewHistory(dir, { profile: 'default' });
    expect(ids(whole)).toEqual(['r1', 'r4', 'r5']);
    // A line not read quickly (here the one whose answer is "undo") gives its whole record: the same fields, and more.
    const pick = (r: RatingTimes): RatingTimes => ({ id: r.id, profile: r.profile, deckId: r.deckId, factId: r.factId, rating: r.rating, at: r.at, before: r.before === null ? null : { due: r.before.due, difficulty: r.before.difficulty, scheduledDays: r.before.scheduledDays, state: r.before.state }, after: r.after === null ? null : { due: r.after.due, difficulty: r.after.difficulty, scheduledDays: r.after.scheduledDays, state: r.after.state } });
    expect(await readRatingTimes(dir, { profile: 'default' }, pick)).toEqual(whole.map(timesOf));
  });
});
