// The held-out part's grades (test/builder/REVIEW.md, "Test part") are evidence only if the file is whole:
// every line graded with the rubric's three grades and a reason, every article of the test part present,
// and no question of the development part mixed in.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusPart } from './corpus-measure.js';
import { build } from './helpers.js';
import { TEST_GRADES_FILE, questionText, readGrades } from './review.js';

const CORPUS = new URL('./corpus/', import.meta.url).pathname;

describe('grades-test.tsv', () => {
  const grades = readGrades(TEST_GRADES_FILE);

  it('grades every question OK, WEAK or WRONG, each with a reason and an id', () => {
    expect(grades.length).toBeGreaterThan(0);
    for (const g of grades) {
      expect(['OK', 'WEAK', 'WRONG'], `${g.article} ${g.id}`).toContain(g.grade);
      expect(g.reason.trim(), `${g.article} ${g.id}`).not.toBe('');
      expect(g.id).toMatch(/^[\w-]+$/);
    }
  });

  it('covers every article of the test part, and only those', () => {
    const articles = new Set(grades.map((g) => g.article));
    expect([...articles].sort()).toEqual(readdirSync(join(CORPUS, 'test')).sort());
    for (const dev of readdirSync(join(CORPUS, 'dev'))) expect(articles.has(dev)).toBe(false);
  });

  it('names each question once', () => {
    const ids = grades.map((g) => `${g.article}/${g.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // The grades are of the drafts the builder makes today: a change to the builder that alters a question of
  // the test part makes this fail until that part is graded again (with fresh eyes: REVIEW.md, "Test part").
  it('grades exactly the questions the builder drafts today (seed 1)', () => {
    const graded = new Set(grades.map((g) => `${g.article}\u0000${g.kind}\u0000${g.text}`));
    const drafted: string[] = [];
    for (const entry of loadCorpusPart('test')) {
      const { deck } = build(entry.article, 1, entry.id);
      for (const q of deck.questions) drafted.push(`${entry.id}\u0000${q.kind}\u0000${questionText(q)}`);
    }
    const ungraded = drafted.filter((d) => !graded.has(d)).map((d) => d.replaceAll('\u0000', ' / '));
    expect(ungraded, 'questions drafted today with no grade: grade the test part again').toEqual([]);
    expect(drafted.length, 'lines for questions the builder no longer drafts').toBe(grades.length);
  });
});
