// A small seeded random generator (mulberry32): the same seed gives the same quiz. The core never calls
// Math.random; the shell picks a seed and passes a generator in.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** A shuffled copy (it draws items.length - 1 numbers). */
  shuffle<T>(items: readonly T[]): T[];
  /** Moves on as if `draws` numbers had been drawn, without drawing them. */
  skip(draws: number): void;
  /** A generator that draws what this one would draw next (and leaves this one where it is). */
  fork(): Random;
}

/** mulberry32's state advances by this at each draw: where it stands after n draws is known at once. */
const STEP = 0x6d2b79f5;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + STEP) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      // A swap through a variable, not a destructuring (which makes two arrays a step): a quiz's first
      // shuffle of 10,000 facts runs before the code is optimised, where that cost several milliseconds.
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const item = out[i] as T;
        out[i] = out[j] as T;
        out[j] = item;
      }
      return out;
    },
    skip(draws: number): void {
      // (state + draws * STEP) mod 2^32, without losing precision on large counts.
      state = (state + Math.imul(draws >>> 0, STEP)) >>> 0;
    },
    fork(): Random {
      return createRandom(state);
    },
  };
}
