// Reads the real-news corpus (README.md beside this file): one folder per article under dev/ and test/,
// each with article.txt, source.json and gold.json. No builder code here: the corpus is data, and
// corpus.test.ts only checks that it is well formed.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('.', import.meta.url));
export const PARTS = ['dev', 'test'] as const;
export type Part = (typeof PARTS)[number];

export const KINDS = ['government', 'science', 'sport', 'business', 'local', 'obituary', 'interview'] as const;
export const LICENCES = ['CC BY 2.5', 'CC BY 4.0', 'Public domain (US federal government work)'] as const;
export const FACT_TYPES = [
  'person', 'place', 'organisation', 'date', 'time', 'number', 'amount', 'title', 'work', 'event', 'group', 'other',
] as const;

export interface Source {
  title: string;
  url: string;
  publisher: string;
  published: string;
  licence: string;
  kind: string;
  words: number;
  retrieved: string;
  via: string;
}

export interface GoldFact {
  fact: string;
  answers: string[];
  type: string;
}

export interface CorpusArticle {
  id: string;
  part: Part;
  dir: string;
  /** The raw bytes of article.txt, so encoding and line ends can be checked. */
  bytes: Buffer;
  source: Source;
  gold: GoldFact[];
}

export function loadCorpus(root = CORPUS_DIR): CorpusArticle[] {
  const articles: CorpusArticle[] = [];
  for (const part of PARTS) {
    const partDir = join(root, part);
    for (const id of readdirSync(partDir).sort()) {
      const dir = join(partDir, id);
      articles.push({
        id,
        part,
        dir,
        bytes: readFileSync(join(dir, 'article.txt')),
        source: JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8')) as Source,
        gold: JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as GoldFact[],
      });
    }
  }
  return articles;
}

/** How answers are matched against the article: case-insensitive, curly and straight quotes alike. */
export function foldForMatch(text: string): string {
  return text.replace(/[\u2018\u2019\u201b]/g, "'").replace(/[\u201c\u201d\u201f]/g, '"').toLowerCase();
}
