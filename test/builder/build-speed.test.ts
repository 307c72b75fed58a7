// What was changed to make `factdeck build` of a long article quick (issue 17) must give what the slower
// way gave: the tagger's document made with the text normalised once holds the same terms and tags as
// compromise's own tokenize(); facts worked out once per article are worked out afresh for another article;
// the index of names' tails answers as the search over every name did.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { tailIndex, unlearnableKey } from '../../src/builder/questions.js';
import { createCompromiseTagger, type CompromiseLike } from '../../src/builder/tagger.js';
import { DATE_PATTERNS } from '../../src/builder/dates.js';
import { findNumbers, NUMBER_PATTERNS } from '../../src/builder/numbers.js';
import { escapeRegExp, findLiteral } from '../../src/builder/text.js';
import { splitSentences } from '../../src/domain/article.js';
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

describe('what a long article’s build does without compiling a pattern per name or per sentence', () => {
  const texts = [readFileSync(SEED_ARTICLE_FILE, 'utf8'), ...readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'article.txt'))).map((name) => readFileSync(join(FIXTURES, name, 'article.txt'), 'utf8'))];
  // Made-up edge cases: a name after a capitalised word, a particle, an apostrophe, a hyphen, figures,
  // a literal with a pattern's special characters.
  texts.push('Ana Varno met Varno. Varno-Kellin said Kellin. O’Varno and Varno de Sorvik. 3Varno Varno4. St. Kellin (Osterby) Inc. St. Kellin (Osterby) Inc said. Kellin Media Group. Kellin Media Group Holdings. Kellin Air');

  it('findLiteral finds what the one pattern with the literal inside finds', () => {
    const edges: [RegExp, RegExp][] = [
      [/(?<![\p{L}\p{N}'’-])/uy, /(?![\p{L}\p{N}'’-])(?!\s+\p{Lu})/uy],
      [/(?<![\p{L}\p{N}'’-])(?<!\p{Lu}[\p{L}'’-]*\s)/uy, /(?![\p{L}\p{N}'’-])(?!\s+(?:\p{Lu}|(?:de|of)\s+\p{Lu}))/uy],
      [/(?<![\p{L}])/uy, /(?![\p{L}])/uy],
      [/(?<![\p{L}\p{N}'’-])/uy, /((?:\s+\p{Lu}[\p{L}.]*){1,2})(?![\p{L}\p{N}'’-])(?!\s+\p{Lu})/uy],
    ];
    let found = 0;
    let checked = 0;
    for (const text of texts) {
      const literals = new Set([...(text.match(/\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?/gu) ?? []).slice(0, 60), 'St. Kellin (Osterby) Inc', 'Varno', 'varno']);
      for (const literal of literals) {
        for (const [before, after] of edges) {
          const whole = new RegExp(`${before.source}${escapeRegExp(literal)}${after.source}`, 'u').exec(text);
          const ours = findLiteral(text, literal, before, after);
          expect(ours?.index ?? null, `${literal} / ${after.source}`).toBe(whole?.index ?? null);
          if (whole !== null) expect(ours?.after[0]).toBe(whole[0].slice(literal.length));
          if (whole !== null) found++;
          checked++;
        }
      }
    }
    // Both outcomes are exercised.
    expect(found).toBeGreaterThan(50);
    expect(checked - found).toBeGreaterThan(50);
  });

  it('a number or date pattern matches only in text that passes its gates', () => {
    const sentences = texts.flatMap((text) => splitSentences(text, { finer: true }).map((s) => s.text));
    sentences.push('It cost a trillion dollars.', 'Twenty-five people came, one in five of them twice.', 'Fifth place went to Kellin.');
    let matched = 0;
    for (const { regex, gates } of [...NUMBER_PATTERNS, ...DATE_PATTERNS]) {
      for (const sentence of sentences) {
        regex.lastIndex = 0;
        if (!regex.test(sentence)) continue;
        matched++;
        for (const gate of gates) expect(gate.test(sentence), `${gate.source} for ${regex.source.slice(0, 40)} in "${sentence}"`).toBe(true);
      }
      regex.lastIndex = 0;
    }
    expect(matched).toBeGreaterThan(100);
  });

  it('finds "a trillion" in a sentence with no other number word (the old shared gate missed it)', () => {
    expect(findNumbers('It cost a trillion dollars.').map((n) => n.text)).toEqual(['a trillion']);
  });
});
