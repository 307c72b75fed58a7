import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, rateCard } from '../../src/scheduling/fsrs.js';
import {
  DEFAULT_SETTINGS,
  type RatingInput,
  cardsFor,
  factProgressFor,
  firstReviewTimes,
  ratingEvent,
  reRatedEvent,
  settingsEvent,
  settingsFor,
  undoEvent,
  cardUnchangedSince,
  factProgressBefore,
  undoAnswerEvent,
  type AnswerUndo,
} from '../../src/storage/progress.js';
import { applyEvents, type HistoryEvent } from '../../src/storage/history.js';
import { emptyDatabase } from '../../src/storage/schema.js';
import { Store } from '../../src/storage/store.js';
import { freshData } from '../helpers/store-files.js';
import { aCard, aDatabase, aFactProgress, attemptEvent, claimEvent, resetEvent, sessionEvent } from '../helpers/store-records.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

const day = (n: number): Date => new Date(Date.UTC(2026, 5, 1 + n, 9));
const rating = (id: string, r: RatingInput['rating'], now: Date, overrides: Partial<RatingInput> = {}): RatingInput => ({
  id,
  profile: 'ann',
  deckId: 'd',
  factId: 'f1',
  rating: r,
  now,
  attemptId: null,
  source: 'study',
  ...overrides,
});

describe('rating events', () => {
  it('rates a fact never seen from a new card, with the card after it and none before', () => {
    const { card } = rateCard(null, 'good', day(0));
    expect(ratingEvent(emptyDatabase(), rating('r1', 'good', day(0), { attemptId: 'a1', source: 'quiz' }))).toEqual({
      type: 'review',
      review: { id: 'r1', profile: 'ann', deckId: 'd', factId: 'f1', attemptId: 'a1', source: 'quiz', rating: 'good', at: day(0).toISOString(), before: null, log: expect.any(Object), after: card },
    });
  });

  it('rates a known card from where it is, for this profile and deck only', () => {
    const known = aCard({ profile: 'ann', deckId: 'd', factId: 'f1' });
    const { profile: _p, deckId: _d, factId: _f, firstSeen: _s, firstSource: _o, ...memory } = known;
    const data = aDatabase({ cards: [aCard({ profile: 'bob', deckId: 'd', factId: 'f1', reps: 9 }), known] });
    const { review } = ratingEvent(data, rating('r2', 'hard', day(5)));
    expect(review.before).toEqual(memory);
    expect(review.after).toEqual(rateCard(memory, 'hard', day(5)).card);
  });

  it('re-rates a review from the card before it, keeping its time ("I was right")', () => {
    const first = ratingEvent(emptyDatabase(), rating('r1', 'again', day(0), { attemptId: 'a1', source: 'quiz' }));
    const again = reRatedEvent(emptyDatabase(), first.review, 'good', 'r1b');
    expect(again.review).toMatchObject({ id: 'r1b', attemptId: 'a1', source: 'quiz', rating: 'good', at: day(0).toISOString(), before: null });
    expect(again.review.after).toEqual(rateCard(null, 'good', day(0)).card);
  });

  it('undoes a review back to its card before, or to no card', () => {
    const event = ratingEvent(emptyDatabase(), rating('r1', 'good', day(0)));
    const data = emptyDatabase();
    applyEvents(data, [event]);
    expect(undoEvent(data, event.review, day(1))).toEqual({ type: 'undo', reviewId: 'r1', profile: 'ann', deckId: 'd', factId: 'f1', source: 'study', before: null, at: day(1).toISOString(), rating: 'good' });
  });

  it('does not undo a review once the card was rated since (by another process): that rating stands', () => {
    const data = emptyDatabase();
    const mine = ratingEvent(data, rating('r1', 'good', day(0)));
    applyEvents(data, [mine]);
    const theirs = ratingEvent(data, rating('r2', 'easy', day(0)));
    applyEvents(data, [theirs]);
    expect(undoEvent(data, mine.review, day(1))).toBeNull();
    // Theirs, the latest, can still be undone; and once it is, mine again.
    const undoTheirs = undoEvent(data, theirs.review, day(1));
    expect(undoTheirs).not.toBeNull();
    applyEvents(data, [undoTheirs as HistoryEvent]);
    expect(undoEvent(data, mine.review, day(1))).not.toBeNull();
    // A card that is gone (reset, or its first rating undone) has nothing to undo.
    expect(undoEvent(emptyDatabase(), mine.review, day(1))).toBeNull();
  });
});

describe('settings', () => {
  it('uses the defaults until a profile has its own', () => {
    const data = aDatabase({ profiles: [{ name: 'bob', desiredRetention: 0.8, newPerDay: 3, dayStartHour: 6 }] });
    expect(settingsFor(data, 'ann')).toEqual(DEFAULT_SETTINGS);
    expect(settingsFor(data, 'bob')).toEqual({ desiredRetention: 0.8, newPerDay: 3, dayStartHour: 6 });
    // A copy: changing it changes no default.
    settingsFor(data, 'ann').newPerDay = 99;
    expect(DEFAULT_SETTINGS.newPerDay).not.toBe(99);
  });

  it('makes a settings event', () => {
    expect(settingsEvent('ann', { desiredRetention: 0.8, newPerDay: 5, dayStartHour: 3 }, day(0))).toEqual({
      type: 'settings',
      profile: 'ann',
      settings: { desiredRetention: 0.8, newPerDay: 5, dayStartHour: 3 },
      at: day(0).toISOString(),
    });
  });
});

describe('lookups', () => {
  const data = aDatabase({
    cards: [aCard({ profile: 'ann', deckId: 'd', factId: 'f1', firstSeen: day(0).toISOString() }), aCard({ profile: 'ann', deckId: 'e', factId: 'f1' }), aCard({ profile: 'bob', deckId: 'd', factId: 'f2' })],
    facts: [aFactProgress({ profile: 'ann', deckId: 'd' }), aFactProgress({ profile: 'ann', deckId: 'e' }), aFactProgress({ profile: 'bob', deckId: 'd' })],
  });

  it('finds a profile’s cards, first-seen times and progress in one deck', () => {
    expect([...cardsFor(data, 'ann', 'd').keys()]).toEqual(['f1']);
    expect(cardsFor(data, 'ann', 'd').get('f1')).not.toHaveProperty('profile');
    expect(firstReviewTimes(data, 'ann', 'd')).toEqual([day(0).toISOString()]);
    expect(factProgressFor(data, 'ann', 'd')).toEqual([aFactProgress({ profile: 'ann', deckId: 'd' })]);
    expect(cardsFor(data, 'carl', 'd').size).toBe(0);
  });

  it("counts against study's new cards a day only the cards study introduced (not those a quiz met first)", () => {
    const mixed = aDatabase({
      cards: [
        aCard({ profile: 'ann', deckId: 'd', factId: 'f1', firstSeen: day(0).toISOString(), firstSource: 'study' }),
        aCard({ profile: 'ann', deckId: 'd', factId: 'f2', firstSeen: day(1).toISOString(), firstSource: 'quiz' }),
        aCard({ profile: 'ann', deckId: 'd', factId: 'f3', firstSeen: day(2).toISOString(), firstSource: 'review' }),
      ],
    });
    expect(firstReviewTimes(mixed, 'ann', 'd')).toEqual([day(0).toISOString()]);
  });
});

describe('cards in the database', () => {
  const tempDir = useStoreTempDirs();

  it('creates a card on the first rating and updates it on the second, firstSeen kept', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    const [first] = await store.record((data) => [ratingEvent(data, rating('r1', 'good', day(0)))]);
    expect(store.data().cards).toEqual([{ profile: 'ann', deckId: 'd', factId: 'f1', firstSeen: day(0).toISOString(), firstSource: 'study', ...(first?.type === 'review' ? first.review.after : {}) }]);
    await store.record((data) => [ratingEvent(data, rating('r2', 'good', day(3)))]);
    await store.close();

    const fresh = await freshData(dir);
    expect(fresh.cards).toHaveLength(1);
    expect(fresh.cards[0]).toMatchObject({ firstSeen: day(0).toISOString(), reps: 2, lastReview: day(3).toISOString() });
  });

  it('undoes a rating exactly, as a fresh process reads it from disk', async () => {
    const dir = await tempDir();
    const first = await Store.open(dir);
    await first.record((data) => [ratingEvent(data, rating('r1', 'good', day(0)))]);
    await first.close();
    const before = await freshData(dir);

    const second = await Store.open(dir);
    const [event] = await second.record((data) => [ratingEvent(data, rating('r2', 'easy', day(1)))]);
    if (event?.type !== 'review') throw new Error('expected a review');
    expect(cardsFor(second.data(), 'ann', 'd').get('f1')).not.toEqual(cardsFor(before, 'ann', 'd').get('f1'));
    await second.record((data) => [undoEvent(data, event.review, day(1)) as HistoryEvent]);
    await second.close();

    const fresh = await freshData(dir);
    expect(fresh.cards).toEqual(before.cards);
    // Undone in another process than the one that rated: the same.
    const third = await Store.open(dir);
    const [again] = await third.record((data) => [ratingEvent(data, rating('r3', 'hard', day(2)))]);
    await third.close();
    const fourth = await Store.open(dir);
    if (again?.type !== 'review') throw new Error('expected a review');
    await fourth.record((data) => [undoEvent(data, again.review, day(2)) as HistoryEvent]);
    await fourth.close();
    expect((await freshData(dir)).cards).toEqual(before.cards);
  });

  it('removes the card when the first rating of a fact is undone', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    const [event] = await store.record((data) => [ratingEvent(data, rating('r1', 'again', day(0)))]);
    expect(store.data().cards).toHaveLength(1);
    if (event?.type !== 'review') throw new Error('expected a review');
    await store.record((data) => [undoEvent(data, event.review, day(0)) as HistoryEvent]);
    expect(store.data().cards).toEqual([]);
    await store.close();
    expect((await freshData(dir)).cards).toEqual([]);
  });

  it('keeps one card per profile, deck and fact', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    await store.record((data) => [ratingEvent(data, rating('r1', 'good', day(0)))]);
    await store.record((data) => [ratingEvent(data, rating('r2', 'good', day(1))), ratingEvent(data, rating('r3', 'good', day(1), { profile: 'bob' }))]);
    await store.close();
    const fresh = await freshData(dir);
    expect(fresh.cards).toHaveLength(2);
    expect(cardsFor(fresh, 'ann', 'd').get('f1')?.reps).toBe(2);
    expect(cardsFor(fresh, 'bob', 'd').get('f1')?.reps).toBe(1);
  });

  it('rates with each profile’s retention: a higher retention brings a card back sooner', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    await store.record(() => [
      settingsEvent('ann', { desiredRetention: 0.8, newPerDay: 5, dayStartHour: 3 }, day(0)),
      settingsEvent('bob', { desiredRetention: 0.97, newPerDay: 5, dayStartHour: 3 }, day(0)),
    ]);
    expect(settingsFor(store.data(), 'ann')).toEqual({ desiredRetention: 0.8, newPerDay: 5, dayStartHour: 3 });
    // Rated twice, so the second rating is a review whose interval depends on the retention.
    for (const [id, now] of [
      ['1', day(0)],
      ['2', day(4)],
    ] as const) {
      await store.record((data) => [ratingEvent(data, rating(`ann-${id}`, 'good', now)), ratingEvent(data, rating(`bob-${id}`, 'good', now, { profile: 'bob' }))]);
    }
    await store.close();
    const fresh = await freshData(dir);
    const ann = cardsFor(fresh, 'ann', 'd').get('f1');
    const bob = cardsFor(fresh, 'bob', 'd').get('f1');
    expect(ann?.reps).toBe(2);
    expect(bob?.scheduledDays).toBeLessThan(ann?.scheduledDays ?? 0);
    expect(Date.parse(bob?.due ?? '')).toBeLessThan(Date.parse(ann?.due ?? ''));
    expect(settingsFor(fresh, 'bob').desiredRetention).toBe(0.97);
  });

  it('schedules with a profile\'s fitted parameters, kept on disk; other profiles keep the defaults', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    // A learner who remembers four times longer after a first Good than the defaults assume.
    const fitted = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 4 : w));
    await store.record(() => [settingsEvent('ann', { ...DEFAULT_SETTINGS, fsrsParameters: fitted }, day(0))]);
    for (const [id, now] of [['1', day(0)], ['2', day(0)], ['3', day(3)]] as const) {
      await store.record((data) => [ratingEvent(data, rating(`ann-${id}`, 'good', now)), ratingEvent(data, rating(`bob-${id}`, 'good', now, { profile: 'bob' }))]);
    }
    await store.close();
    const fresh = await freshData(dir);
    expect(settingsFor(fresh, 'ann').fsrsParameters).toEqual(fitted);
    expect(cardsFor(fresh, 'ann', 'd').get('f1')?.stability).toBeGreaterThan(cardsFor(fresh, 'bob', 'd').get('f1')?.stability ?? Infinity);
  });

  it('counts true retention per day: ratings of cards in review, those not Again, and takes an undone one back', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    // Learnt on day 0 (new, then learning: not counted), then in review from day 2 on.
    for (const [id, r, now] of [['1', 'good', day(0)], ['2', 'good', day(0)], ['3', 'good', day(2)], ['4', 'again', day(9)]] as const) {
      await store.record((data) => [ratingEvent(data, rating(id, r, now))]);
    }
    const tally = (d: Date) => store.data().days.find((t) => t.day === d.toISOString().slice(0, 10));
    expect([tally(day(0))?.reviewed ?? 0, tally(day(2))?.reviewed, tally(day(2))?.recalled, tally(day(9))?.reviewed, tally(day(9))?.recalled ?? 0]).toEqual([0, 1, 1, 1, 0]);
    // Relearnt on day 10 (not counted), reviewed on day 30 and undone there.
    await store.record((data) => [ratingEvent(data, rating('5', 'good', day(10)))]);
    expect(tally(day(10))?.reviewed ?? 0).toBe(0);
    const [review] = await store.record((data) => [ratingEvent(data, rating('6', 'hard', day(30)))]);
    expect(tally(day(30))).toMatchObject({ reviewed: 1, recalled: 1 });
    if (review?.type === 'review') await store.record((data) => [undoEvent(data, review.review, day(30)) as HistoryEvent]);
    expect(tally(day(30))).toMatchObject({ reviewed: 0, recalled: 0 });
    await store.close();
  });

  it('forgets everything of a reset profile, and nothing of another', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    for (const profile of ['ann', 'bob']) {
      await store.record((data) => [
        settingsEvent(profile, { desiredRetention: 0.85, newPerDay: 4, dayStartHour: 4 }, day(0)),
        sessionEvent({ id: `s-${profile}`, profile }),
        attemptEvent({ id: `a-${profile}`, sessionId: `s-${profile}`, profile, kind: 'short', correct: false }),
        claimEvent({ attemptId: `a-${profile}`, sessionId: `s-${profile}`, profile }),
        ratingEvent(data, rating(`r-${profile}`, 'good', day(0), { profile })),
      ]);
    }
    const bobBefore = structuredClone(store.data());
    await store.record(() => [resetEvent('ann', day(1).toISOString())]);
    await store.close();

    const fresh = await freshData(dir);
    for (const list of [fresh.sessions, fresh.aliases, fresh.cards, fresh.facts, fresh.kinds, fresh.days]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((record) => record.profile === 'bob')).toBe(true);
    }
    expect(fresh.profiles.map((p) => p.name)).toEqual(['bob']);
    expect(fresh.facts).toEqual(bobBefore.facts.filter((f) => f.profile === 'bob'));
    expect(fresh.cards).toEqual(bobBefore.cards.filter((c) => c.profile === 'bob'));
    expect(settingsFor(fresh, 'ann')).toEqual(DEFAULT_SETTINGS);
  });
});

describe('taking back a quiz or review answer (u)', () => {
  /** A database after one session's answer on fact f1 with its rating; returns what undo needs. */
  function answered(data = emptyDatabase()): { data: typeof data; undo: AnswerUndo; snapshot: string } {
    applyEvents(data, [sessionEvent({ id: 's1', profile: 'ann', deckId: 'd' }), attemptEvent({ id: 'a0', sessionId: 's1', profile: 'ann', deckId: 'd', factId: 'f1', kind: 'cloze', correct: true, at: day(0).toISOString() })]);
    applyEvents(data, [ratingEvent(data, rating('r0', 'good', day(0), { attemptId: 'a0', source: 'quiz' }))]);
    const snapshot = JSON.stringify(data);
    const factBefore = factProgressBefore(data, 'ann', 'd', 'f1');
    const review = ratingEvent(data, rating('r1', 'again', day(1), { attemptId: 'a1', source: 'quiz' }));
    applyEvents(data, [attemptEvent({ id: 'a1', sessionId: 's1', profile: 'ann', deckId: 'd', factId: 'f1', kind: 'choice', correct: false, at: day(1).toISOString() }), review]);
    return { data, snapshot, undo: { review: review.review, attempt: { id: 'a1', sessionId: 's1', kind: 'choice', correct: false, at: day(1).toISOString() }, factBefore } };
  }

  it('puts the card, the fact, the kind, the day and the session back exactly as they were before the answer', () => {
    const { data, undo, snapshot } = answered();
    const made = undoAnswerEvent(data, undo, day(1));
    if (!('event' in made)) throw new Error(made.refused);
    applyEvents(data, [made.event]);
    const kinds = (text: string): unknown => (JSON.parse(text) as typeof data).kinds.filter((k) => k.attempts > 0);
    const { kinds: _k, days: _d, ...now } = JSON.parse(JSON.stringify(data)) as typeof data;
    const { kinds: _k0, days: _d0, ...then } = JSON.parse(snapshot) as typeof data;
    expect(now).toEqual(then);
    // The tallies of the answer taken back are back to zero.
    expect(kinds(JSON.stringify(data))).toEqual(kinds(snapshot));
    expect(data.days.find((d) => d.day === '2026-06-02')?.answers ?? 0).toBe(0);
  });

  it('a first answer taken back leaves no progress for the fact at all', () => {
    const data = emptyDatabase();
    applyEvents(data, [sessionEvent({ id: 's1', profile: 'ann', deckId: 'd' })]);
    const review = ratingEvent(data, rating('r1', 'good', day(0), { attemptId: 'a1', source: 'quiz' }));
    applyEvents(data, [attemptEvent({ id: 'a1', sessionId: 's1', profile: 'ann', deckId: 'd', factId: 'f1', kind: 'cloze', correct: true, at: day(0).toISOString() }), review]);
    const made = undoAnswerEvent(data, { review: review.review, attempt: { id: 'a1', sessionId: 's1', kind: 'cloze', correct: true, at: day(0).toISOString() }, factBefore: null }, day(0));
    if (!('event' in made)) throw new Error(made.refused);
    applyEvents(data, [made.event]);
    expect(data.facts).toEqual([]);
    expect(data.cards).toEqual([]);
    expect(data.sessions[0]).toMatchObject({ answered: 0, correct: 0 });
  });

  it('is refused when another process rated the card or answered the fact since: its answer stays', () => {
    const { data, undo } = answered();
    expect(cardUnchangedSince(data, undo.review)).toBe(true);
    applyEvents(data, [ratingEvent(data, rating('r2', 'easy', day(2), { source: 'study' }))]);
    expect(cardUnchangedSince(data, undo.review)).toBe(false);
    expect(undoAnswerEvent(data, undo, day(2))).toEqual({ refused: expect.stringMatching(/answered or studied since/) });

    const other = answered();
    applyEvents(other.data, [attemptEvent({ id: 'a9', sessionId: 's9', profile: 'ann', deckId: 'd', factId: 'f1', kind: 'cloze', correct: true, at: day(3).toISOString() })]);
    expect(undoAnswerEvent(other.data, other.undo, day(3))).toEqual({ refused: expect.any(String) });
  });
});
