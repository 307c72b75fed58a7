// The real-news corpus is well formed: every article has its three files, its source and licence are
// recorded, its gold facts are findable in its text, and the dev/test split keeps its promises. This test
// never runs the builder.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CORPUS_DIR, FACT_TYPES, KINDS, LICENCES, PARTS, foldForMatch, loadCorpus, type CorpusArticle,
} from './corpus.js';

const corpus = loadCorpus();
const decode = (a: CorpusArticle): string => new TextDecoder('utf-8', { fatal: true }).decode(a.bytes);
const PRONOUNS = new Set(['i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'it', 'they', 'them', 'this', 'that']);

describe('the real-news corpus', () => {
  it('holds at least 34 articles of all seven kinds', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(34);
    expect(new Set(corpus.map((a) => a.source.kind))).toEqual(new Set(KINDS));
  });

  it('gives every article folder exactly article.txt, source.json and gold.json', () => {
    for (const part of PARTS) {
      for (const id of readdirSync(join(CORPUS_DIR, part))) {
        expect(readdirSync(join(CORPUS_DIR, part, id)).sort(), `${part}/${id}`).toEqual(['article.txt', 'gold.json', 'source.json']);
      }
    }
  });

  it('names each article with a unique kebab-case id', () => {
    for (const a of corpus) expect(a.id, a.dir).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(corpus.map((a) => a.id)).size).toBe(corpus.length);
  });

  it('stores every article as valid UTF-8 with LF line ends, headline first, blocks split by blank lines', () => {
    for (const a of corpus) {
      const text = decode(a);
      expect(text.includes('\r'), `${a.id}: CR in article.txt`).toBe(false);
      expect(text.charCodeAt(0), `${a.id}: byte-order mark`).not.toBe(0xfeff);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), `${a.id}: ends with one newline`).toBe(true);
      const [headline, second] = text.split('\n');
      expect(headline?.trim(), `${a.id}: headline`).toBe(a.source.title);
      expect(second, `${a.id}: blank line after the headline`).toBe('');
      expect(/\n{3,}/.test(text), `${a.id}: more than one blank line in a row`).toBe(false);
    }
  });

  it('records every source field, a known licence and kind, and the true word count', () => {
    for (const a of corpus) {
      const s = a.source;
      expect(Object.keys(s).sort(), a.id).toEqual(['kind', 'licence', 'published', 'publisher', 'retrieved', 'title', 'url', 'via', 'words']);
      for (const key of ['title', 'url', 'publisher', 'via'] as const) expect(s[key].trim().length, `${a.id}.${key}`).toBeGreaterThan(0);
      expect(s.url, a.id).toMatch(/^https?:\/\/\S+$/);
      expect(LICENCES as readonly string[], `${a.id}: licence ${s.licence}`).toContain(s.licence);
      expect(KINDS as readonly string[], `${a.id}: kind ${s.kind}`).toContain(s.kind);
      expect(s.published, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(s.published)), `${a.id}: published`).toBe(false);
      expect(['2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08'], `${a.id}: retrieved ${s.retrieved}`).toContain(s.retrieved);
      expect(s.words, `${a.id}: words`).toBe(decode(a).split(/\s+/).filter(Boolean).length);
    }
  });

  it('gives every article 6 to 8 typed gold facts, each with an answer that occurs in the article', () => {
    for (const a of corpus) {
      const article = foldForMatch(decode(a));
      expect(a.gold.length, `${a.id}: number of facts`).toBeGreaterThanOrEqual(6);
      expect(a.gold.length, `${a.id}: number of facts`).toBeLessThanOrEqual(8);
      for (const f of a.gold) {
        expect(Object.keys(f).sort(), a.id).toEqual(['answers', 'fact', 'type']);
        expect(f.fact.trim().length, `${a.id}: empty fact`).toBeGreaterThan(0);
        expect(FACT_TYPES as readonly string[], `${a.id}: type ${f.type}`).toContain(f.type);
        expect(f.answers.length, `${a.id}: ${f.fact}`).toBeGreaterThan(0);
        for (const answer of f.answers) {
          expect(/^\s*(\S|\S\.)\s*$/.test(answer) && !/\d/.test(answer), `${a.id}: answer "${answer}" is a single letter or an initial`).toBe(false);
          expect(PRONOUNS.has(answer.trim().toLowerCase()), `${a.id}: answer "${answer}" is a pronoun`).toBe(false);
        }
        const found = f.answers.some((answer) => article.includes(foldForMatch(answer)));
        expect(found, `${a.id}: no answer of "${f.fact}" occurs in article.txt`).toBe(true);
      }
    }
  });

  it('puts at least a third of the articles in test/, with every kind in both parts', () => {
    const test = corpus.filter((a) => a.part === 'test');
    expect(test.length * 3).toBeGreaterThanOrEqual(corpus.length);
    for (const part of PARTS) {
      const kinds = new Set(corpus.filter((a) => a.part === part).map((a) => a.source.kind));
      expect(kinds, `kinds in ${part}/`).toEqual(new Set(KINDS));
    }
  });

  it('lists every article, with its split and licence, in the README table', () => {
    const readme = readFileSync(join(CORPUS_DIR, 'README.md'), 'utf8');
    for (const a of corpus) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${a.id}\` |`));
      expect(row, `${a.id} missing from README.md`).toBeDefined();
      expect(row?.endsWith(`| ${a.part} |`), `${a.id}: split in README.md`).toBe(true);
      expect(row?.includes(`| ${a.source.licence} |`), `${a.id}: licence in README.md`).toBe(true);
    }
  });
});
