// Deterministic ids for a generated deck: the same article and seed give the same ids, and an id depends
// on what it names (not on how many things came before), so a small edit to an article moves few ids.
// Ten characters from nanoid's alphabet, like the ids of hand-built decks. No Math.random: a string hash
// seeds a small generator.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** FNV-1a, 32 bits. */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface IdMaker {
  /** A fresh id for this content; never the same id twice from one maker. */
  make(content: string): string;
}

export function createIdMaker(seed: number): IdMaker {
  const used = new Set<string>();
  return {
    make(content: string): string {
      for (let attempt = 0; ; attempt++) {
        let state = hashString(`${seed}\u0000${attempt}\u0000${content}`);
        let id = '';
        for (let i = 0; i < 10; i++) {
          // mulberry32 step
          state = (state + 0x6d2b79f5) >>> 0;
          let t = state;
          t = Math.imul(t ^ (t >>> 15), t | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          id += ALPHABET[((t ^ (t >>> 14)) >>> 0) % 64] ?? '0';
        }
        if (!used.has(id)) {
          used.add(id);
          return id;
        }
      }
    },
  };
}
