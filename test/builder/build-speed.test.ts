// What was changed to make `factdeck build` of a long article quick (issue 17) must give what the slower
// way gave: the tagger's document made with the text normalised once holds the same terms and tags as
// compromise's own tokenize(); facts worked out once per article are worked out afresh for another article;
// the index of names' tails answers as the search over every name did.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { tailIndex, unlearnableKey } from '../../src/builder/questions.js';
import { createCompromiseTagger, type CompromiseLike } from '../../src/builder/tagger.js';
import type { Entity, Mention } from '../../src/builder/types.js';
import { FIXTURES, SEED_ARTICLE_FILE, theTagger } from './helpers.js';

/** The terms as compromise's tokenize() and the same steps give them: offsets and tags. */
function throughTokenize(text: string): string[] {
  const lib = nlp as unknown as CompromiseLike;
  const out: string[] = [];
  for (const sentence of lib.tokenize(text).compute(['lexicon', 'preTagger', 'offset']).docs) {
    for (const term of sentence) {
      if (term.offset === undefined) continue;
      out.push(`${term.offset.start}-${term.offset.start + term.offset.length} ${[...(term.tags ?? [])].sort().join(',')}`);
    }
  }
  return out;
}

function throughAdapter(text: string): string[] {
  return createCompromiseTagger(nlp as unknown as CompromiseLike)
    .tagText(text)
    .map((term) => `${term.start}-${term.end} ${[...term.tags].sort().join(',')}`);
}

describe('the tagger normalises the text once', () => {
  it('gives every term and tag that compromise’s tokenize() gives, on real articles', () => {
    const texts = [readFileSync(SEED_ARTICLE_FILE, 'utf8'), readFileSync(join(FIXTURES, 'noaa-hurricane-delia', 'article.txt'), 'utf8')];
    // Contractions ("didn't", "it's") and initials are what the steps after the split change.
    texts.push("It's 5 p.m. and the U.S. team didn't arrive; they'd said they'll be there by 6, Ms. Ruiz said.");
    for (const text of texts) {
      const expected = throughTokenize(text);
      expect(expected.length).toBeGreaterThan(10);
      expect(throughAdapter(text)).toEqual(expected);
    }
  });

  it('tags an empty text as nothing', () => {
    expect(throughAdapter('')).toEqual([]);
  });
});

const entity = (name: string, type: Entity['type'] = 'organisation', forms: string[] = [name]): Entity => ({ id: `${type}:${name}`, type, name, forms, subtype: type, first: 1, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true });

function mentionOf(text: string, key: string, of: Entity, from = 0): Mention {
  const start = text.indexOf(key, from);
  return { text: key, start, end: start + key.length, outerStart: start, sentence: 1, title: null, entity: of };
}

describe('what is worked out once per article', () => {
  it('an initialism spelt out in one article is not taken as spelt out in the next', () => {
    const spelt = 'Harbour Town Notes\n\nThe Kestrel Valley Board met on Monday. The KVB approved the budget.';
    const unspelt = 'Harbour Town Notes\n\nThe board met on Monday. The KVB approved the budget.';
    const key = entity('KVB');
    expect(unlearnableKey(mentionOf(spelt, 'KVB', key), spelt, theTagger())).toBeNull();
    expect(unlearnableKey(mentionOf(unspelt, 'KVB', key), unspelt, theTagger())).toMatch(/^initialism: "KVB" is never spelt out/);
    expect(unlearnableKey(mentionOf(spelt, 'KVB', key), spelt, theTagger())).toBeNull();
  });

  it('the tails index finds the longer name a key ends, skipping people and the key’s own name', () => {
    const text = 'The Centre for Salt Deficiency Disorders opened. Deficiency Disorders rose. Ana Deficiency Disorders spoke.';
    const long = entity('Centre for Salt Deficiency Disorders');
    const person = entity('Ana Deficiency Disorders', 'person');
    const tail = entity('Deficiency Disorders');
    const index = tailIndex([person, tail, long]);
    // Written right after its longer name's head: the tail of that name.
    expect(index(mentionOf(text, 'Deficiency Disorders', tail), text)).toBe('cut: "Deficiency Disorders" is the end of the name "Centre for Salt Deficiency Disorders"');
    // On its own, or after a person's first name: a name of its own.
    expect(index(mentionOf(text, 'Deficiency Disorders', tail, text.indexOf('opened')), text)).toBeNull();
    expect(index(mentionOf(text, 'Deficiency Disorders', tail, text.indexOf('Ana')), text)).toBeNull();
    // A name is not the tail of itself.
    const named = 'The Centre for Salt Deficiency Disorders';
    expect(tailIndex([long])(mentionOf(named, 'Salt Deficiency Disorders', long), named)).toBeNull();
    expect(tailIndex([long])(mentionOf(named, 'Salt Deficiency Disorders', tail), named)).toBe('cut: "Salt Deficiency Disorders" is the end of the name "Centre for Salt Deficiency Disorders"');
  });
});
