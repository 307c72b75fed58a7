import { describe, expect, it } from 'vitest';
import { urlAlphabet } from 'nanoid';
import { newId } from '../src/new-id.js';

describe('newId', () => {
  it('makes ids as nanoid does: 21 characters of its URL-safe alphabet, never the same twice', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    for (const id of ids) {
      expect(id).toHaveLength(21);
      for (const char of id) expect(urlAlphabet).toContain(char);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every character of the alphabet', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => newId()).join(''));
    expect(seen.size).toBe(urlAlphabet.length);
  });
});
