// Measuring the builder on the real-news corpus (test/builder/corpus/, see its README): the text and gold
// facts of one part of it, and key-fact recall of a drafted deck against an article's gold facts. The
// builder is tuned on `dev` only; `test` is graded by someone else, and only the whole-corpus mechanical
// test (corpus-mechanics.test.ts) may build it. One part is read at a time, so a tool that measures the
// development part never reads the test part (the corpus's own loadCorpus reads both).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deck } from '../../src/domain/deck.js';
import type { GoldFact } from './corpus/corpus.js';
import { answerNamesKey, ROOT } from './helpers.js';

export type { GoldFact };

/** Found from the project's root (not from this file), so the grading tool can run compiled elsewhere. */
const CORPUS_DIR = join(ROOT, 'test', 'builder', 'corpus');

export interface CorpusArticle {
  id: string;
  part: 'dev' | 'test';
  article: string;
  gold: GoldFact[];
}

/** The articles of one part of the corpus, by id. */
export function loadCorpusPart(part: 'dev' | 'test'): CorpusArticle[] {
  const dir = join(CORPUS_DIR, part);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'article.txt')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => {
      const goldFile = join(dir, id, 'gold.json');
      return {
        id,
        part,
        article: readFileSync(join(dir, id, 'article.txt'), 'utf8'),
        gold: existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFact[]) : [],
      };
    });
}

/**
 * The answers a deck asks a learner for: of choice, cloze and short-answer questions (titles included),
 * and each right answer of a select-all question. True/false and ordering answer no key by themselves.
 */
export function deckAnswers(deck: Deck): string[] {
  const answers = new Set<string>();
  for (const q of deck.questions) {
    if (q.kind === 'choice' || q.kind === 'cloze' || q.kind === 'short-answer') answers.add(q.answer);
    if (q.kind === 'multi-select') for (const a of q.answer) answers.add(a);
  }
  return [...answers];
}

export interface Recall {
  facts: number;
  found: number;
  /** For each gold fact, the deck answer that names it, or null. */
  matches: { fact: GoldFact; by: string | null }[];
}

/**
 * Key-fact recall: a gold fact counts as asked when some answer of the deck names one of its answers, as
 * `answerNamesKey` compares (the same words, the key's words in a row, the first words of a longer name,
 * or a surname of a person).
 */
export function recallOf(deck: Deck, gold: readonly GoldFact[]): Recall {
  const answers = deckAnswers(deck);
  const matches = gold.map((fact) => {
    const person = fact.type === 'person' || fact.type === 'work' || fact.type === 'event';
    const by = answers.find((answer) => fact.answers.some((key) => answerNamesKey(answer, key, person))) ?? null;
    return { fact, by };
  });
  return { facts: gold.length, found: matches.filter((m) => m.by !== null).length, matches };
}
