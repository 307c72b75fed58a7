import { describe, expect, it } from 'vitest';
import { applyRating, cardsFor, settingsFor, undoReview, DEFAULT_SETTINGS } from '../../src/storage/progress.js';
import { Store } from '../../src/storage/store.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

const at = (days: number): Date => new Date(Date.UTC(2026, 5, 1 + days, 9));
const rating = (id: string, r: 'again' | 'hard' | 'good' | 'easy', now: Date) => ({ id, profile: 'ann', deckId: 'd', factId: 'f1', rating: r, now, attemptId: null, source: 'study' as const });

describe('cards and reviews in the database', () => {
  const tempDir = useStoreTempDirs();

  it('undoes a rating exactly, as a fresh process reads it from disk', async () => {
    const dir = await tempDir();
    const first = await Store.open(dir);
    await first.update((data) => {
      applyRating(data, rating('r1', 'good', at(0)));
    });
    await first.close();
    const before = structuredClone((await Store.open(dir)).data());

    const second = await Store.open(dir);
    await second.update((data) => {
      applyRating(data, rating('r2', 'easy', at(1)));
    });
    expect(second.data().reviews).toHaveLength(2);
    expect(cardsFor(second.data(), 'ann', 'd').get('f1')).not.toEqual(cardsFor(before, 'ann', 'd').get('f1'));
    await second.update((data) => undoReview(data, 'r2'));
    await second.close();

    const fresh = await Store.open(dir);
    expect(fresh.data().cards).toEqual(before.cards);
    expect(fresh.data().reviews).toEqual(before.reviews);
    await fresh.close();
  });

  it('removes the card again when the first rating of a fact is undone', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    await store.update((data) => {
      applyRating(data, rating('r1', 'again', at(0)));
    });
    expect(store.data().cards).toHaveLength(1);
    await store.update((data) => undoReview(data, 'r1'));
    expect(store.data().cards).toEqual([]);
    expect(store.data().reviews).toEqual([]);
    await store.close();
  });

  it('keeps one card per profile, deck and fact', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    await store.update((data) => {
      applyRating(data, rating('r1', 'good', at(0)));
      applyRating(data, rating('r2', 'good', at(1)));
      applyRating(data, { ...rating('r3', 'good', at(1)), profile: 'bob' });
    });
    expect(store.data().cards).toHaveLength(2);
    expect(cardsFor(store.data(), 'ann', 'd').get('f1')?.reps).toBe(2);
    expect(cardsFor(store.data(), 'bob', 'd').get('f1')?.reps).toBe(1);
    await store.close();
  });

  it('uses default settings until a profile sets its own, and rates with its retention', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    expect(settingsFor(store.data(), 'ann')).toEqual(DEFAULT_SETTINGS);
    await store.update((data) => {
      data.profiles.push({ name: 'ann', desiredRetention: 0.8, newPerDay: 5, dayStartHour: 3 });
      data.profiles.push({ name: 'bob', desiredRetention: 0.97, newPerDay: 5, dayStartHour: 3 });
      applyRating(data, rating('r1', 'easy', at(0)));
      applyRating(data, { ...rating('r2', 'easy', at(0)), profile: 'bob' });
    });
    expect(settingsFor(store.data(), 'ann').newPerDay).toBe(5);
    const ann = cardsFor(store.data(), 'ann', 'd').get('f1')!;
    const bob = cardsFor(store.data(), 'bob', 'd').get('f1')!;
    expect(bob.scheduledDays).toBeLessThan(ann.scheduledDays);
    await store.close();
  });
});
