// Ids made from content: importing the same file twice gives the same ids, so progress recorded against
// an imported deck survives a re-import. A small pure hash (two 32-bit lanes of a multiply-xorshift mix,
// in the manner of cyrb53) is plenty: these ids only need to differ within one deck, and a collision is
// caught and resolved by the caller.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** 64 bits of hash of a string, as two unsigned 32-bit halves. */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** A 10-character id (60 bits, nanoid's alphabet) derived from `text` alone. */
export function contentId(text: string): string {
  const [high, low] = hash64(text);
  let id = '';
  // 5 characters of 6 bits from each half (30 of its 32 bits).
  for (const half of [high, low]) {
    for (let shift = 0; shift < 30; shift += 6) id += ALPHABET[(half >>> shift) & 63];
  }
  return id;
}
