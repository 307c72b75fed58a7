// Recall of hand-labelled entities as answers, and precision of the answers, over the fixture articles
// (test/fixtures/articles/*/keys.json): articles the project wrote itself, kept as unit fixtures, not as
// evidence of quality (that is the real-news corpus, corpus-recall.test.ts). Their labels list every
// entity, minor ones included (datelines, weekdays, times), while the builder now asks a few questions a
// sentence on the keys worth remembering: this guards against a fall, it is not a target.

import { describe, expect, it } from 'vitest';
import { build, loadFixtures, measure, type Measure } from './helpers.js';

const fixtures = loadFixtures();
const results: Measure[] = fixtures.map((fixture) => measure(fixture, build(fixture.article).deck));

function table(rows: readonly Measure[]): string {
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(30) : c.padStart(10))).join('');
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const total = rows.reduce((t, r) => ({ keys: t.keys + r.keys, found: t.found + r.found, answers: t.answers + r.answers, legitimate: t.legitimate + r.legitimate }), { keys: 0, found: 0, answers: 0, legitimate: 0 });
  return [
    line(['fixture', 'keys', 'asked', 'recall', 'answers', 'labelled', 'precision']),
    ...rows.map((r) => line([r.name, String(r.keys), String(r.found), pct(r.recall), String(r.answers), String(r.legitimate), pct(r.precision)])),
    line(['all', String(total.keys), String(total.found), pct(total.found / total.keys), String(total.answers), String(total.legitimate), pct(total.legitimate / total.answers)]),
    ...rows.filter((r) => r.missed.length > 0).map((r) => `missed in ${r.name}: ${r.missed.join(' | ')}`),
    ...rows.filter((r) => r.unlabelled.length > 0).map((r) => `unlabelled answers in ${r.name}: ${r.unlabelled.join(' | ')}`),
  ].join('\n');
}

describe('recall of key entities over the fixture articles', () => {
  it('has at least four fixtures besides the seed article', () => {
    expect(fixtures.filter((f) => f.name !== 'blinken-visit-beijing').length).toBeGreaterThanOrEqual(4);
  });

  it('asks about at least 70% of the labelled entities overall, 55% in each article', () => {
    console.log(`\n${table(results)}\n`);
    const keys = results.reduce((n, r) => n + r.keys, 0);
    const found = results.reduce((n, r) => n + r.found, 0);
    // 69%: since round 40 a drafted deck's title no longer names what its headline tells, so the keys the
    // headline names count too (3 more of 200; the measure leaves out only keys the title spells).
    expect(found / keys).toBeGreaterThanOrEqual(0.69);
    // 55%: the seed article's headline names the United States and China as "US" and "Chinese", which give
    // those keys away too (the measure leaves out only keys the title spells whole).
    for (const r of results) expect(r.recall, r.name).toBeGreaterThanOrEqual(0.55);
  });

  it('keeps its answers to labelled names and values (precision >= 95%)', () => {
    const answers = results.reduce((n, r) => n + r.answers, 0);
    const legitimate = results.reduce((n, r) => n + r.legitimate, 0);
    expect(legitimate / answers).toBeGreaterThanOrEqual(0.95);
  });
});
