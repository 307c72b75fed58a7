import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/domain/random.js';

const draws = (seed: number, n = 8): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it.each([0, 1, 42, 2024, 0xffffffff])('gives the same sequence for the same seed (%d)', (seed) => {
    expect(draws(seed)).toEqual(draws(seed));
  });

  it.each([
    [1, 2],
    [42, 43],
    [0, 0x7fffffff],
  ])('gives different sequences for seeds %d and %d', (a, b) => {
    expect(draws(a)).not.toEqual(draws(b));
  });

  it('does not repeat its first draw within a short sequence', () => {
    expect(new Set(draws(7, 100)).size).toBe(100);
  });

  it('draws floats in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        for (const value of draws(seed, 20)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
        }
      }),
    );
  });

  it('draws whole numbers in [0, n) and reaches every one of them', () => {
    const random = createRandom(99);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const value = random.int(6);
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(6);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('int(1) is always 0', () => {
    const random = createRandom(5);
    expect(Array.from({ length: 20 }, () => random.int(1))).toEqual(Array(20).fill(0));
  });

  it('shuffles into a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.array(fc.string(), { maxLength: 12 }), (seed, items) => {
        const before = [...items];
        const shuffled = createRandom(seed).shuffle(items);
        expect(items).toEqual(before);
        expect(shuffled).not.toBe(items);
        expect([...shuffled].sort()).toEqual([...items].sort());
      }),
    );
  });

  it('shuffles the same way for the same seed, and differently for another', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    expect(createRandom(3).shuffle(items)).toEqual(createRandom(3).shuffle(items));
    expect(createRandom(3).shuffle(items)).not.toEqual(createRandom(4).shuffle(items));
  });

  it('moves items: over seeds, the first item lands in every position', () => {
    const positions = new Set<number>();
    for (let seed = 0; seed < 200; seed++) positions.add(createRandom(seed).shuffle(['x', 'a', 'b', 'c']).indexOf('x'));
    expect([...positions].sort()).toEqual([0, 1, 2, 3]);
  });

  it('skips draws as if they had been drawn, and forks from where it stands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 5000 }), (seed, draws) => {
        const drawn = createRandom(seed);
        for (let i = 0; i < draws; i++) drawn.next();
        const skipped = createRandom(seed);
        skipped.skip(draws);
        const fork = skipped.fork();
        const next = [drawn.next(), drawn.next()];
        expect([fork.next(), fork.next()]).toEqual(next);
        expect([skipped.next(), skipped.next()]).toEqual(next);
      }),
      { numRuns: 50 },
    );
  });
});
