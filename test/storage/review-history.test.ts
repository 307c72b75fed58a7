// readReviewHistory reads a profile's ratings from a real history log on disk, skipping lines by searching
// their bytes before parsing: these tests hold that the skipping never changes what is read.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../src/storage/history.js';
import { serializeEvents } from '../../src/storage/history.js';
import { HISTORY_FILE } from '../../src/storage/history-log.js';
import { readReviewHistory } from '../../src/storage/review-history.js';
import type { ReviewRecord } from '../../src/storage/schema.js';

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
