// Ids of sessions, answers and ratings: nanoid's ids (its URL-safe alphabet, 21 characters), with random
// bytes from node:crypto's randomFillSync. nanoid() itself reads them through WebCrypto, whose first use
// loads Node's WebCrypto layer: a few milliseconds of every quiz's start, before its first question.

import { randomFillSync } from 'node:crypto';
import { customRandom, urlAlphabet } from 'nanoid';

/** A new random id, as nanoid() makes them. */
export const newId: () => string = customRandom(urlAlphabet, 21, (size) => randomFillSync(new Uint8Array(size)));
