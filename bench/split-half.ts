// What a builder change does to the graded dev drafts, per half of the dev part (run it with
// `node bench/split-half.mjs [-v]`): builds every dev article with seed 1, compares its drafts with the
// questions graded in test/builder/grades-dev.tsv (the drafts before the change, until `--carry` rewrites
// the file) and prints, for half A and half B, the questions no longer drafted by their old grade, the
// rule that cut each (from the last look's reasons), the questions new or changed (ungraded), and the gold
// key facts the graded drafts asked that the new drafts no longer ask. A cut is measured exactly by the
// grades already there; a changed question is not. Half A: the articles at even places in alphabetical
// order (0-based: afghan-robotics-team, aretha-franklin, ...); half B: the odd ones (REVIEW.md, "Round 9").
// It reads dev/ only.

import { loadCorpusPart, recallOf } from '../test/builder/corpus-measure.js';
import { build, ROOT } from '../test/builder/helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deck, Question } from '../src/domain/deck.js';

/** As test/builder/review.ts writes a question into the grades file (that module runs when imported). */
function questionText(q: Question): string {
  const flat = (s: string): string => s.replace(/[\t\n]+/g, ' ');
  if (q.kind === 'choice' || q.kind === 'multi-select') return flat(`${q.prompt} [${[...q.choices].sort().join(' | ')}] -> ${Array.isArray(q.answer) ? q.answer.join(' | ') : q.answer}`);
  if (q.kind === 'order') return flat(`${q.prompt} -> ${q.answer.join(' | ')}`);
  return flat(`${q.prompt} -> ${String(q.answer)}`);
}

function readGrades(): { article: string; grade: string; kind: string; text: string }[] {
  return readFileSync(join(ROOT, 'test', 'builder', 'grades-dev.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .map(([article = '', , grade = '', , kind = '', text = '']) => ({ article, grade, kind, text }));
}

const verbose = process.argv.includes('-v');
type Half = 'A' | 'B';
const totals = new Map<string, { A: Record<string, number>; B: Record<string, number> }>();
const count = (rule: string, half: Half, grade: string): void => {
  const row = totals.get(rule) ?? { A: {}, B: {} };
  row[half][grade] = (row[half][grade] ?? 0) + 1;
  totals.set(rule, row);
};
const lost: Record<Half, string[]> = { A: [], B: [] };
const added: Record<Half, number> = { A: 0, B: 0 };
const grades = readGrades();

/** The answer of a graded line ("prompt [choices] -> answer"), as a question a recall count reads. */
function gradedQuestion(kind: string, text: string): Question {
  const answer = text.slice(text.lastIndexOf(' -> ') + 4);
  if (kind === 'multi-select') return { kind, answer: answer.split(' | ') } as unknown as Question;
  return { kind, answer } as unknown as Question;
}

for (const [n, entry] of loadCorpusPart('dev').entries()) {
  const half: Half = n % 2 === 0 ? 'A' : 'B';
  const { deck, candidates } = build(entry.article, 1, entry.id);
  const now = new Set(deck.questions.map((q) => `${q.kind}\u0000${questionText(q)}`));
  const before = grades.filter((g) => g.article === entry.id);
  const was = new Set(before.map((g) => `${g.kind}\u0000${g.text}`));
  for (const g of before) {
    if (now.has(`${g.kind}\u0000${g.text}`)) continue;
    // The last look's reason for a draft it cut: the dropped candidate of that kind, prompt and answer.
    const answer = g.text.slice(g.text.lastIndexOf(' -> ') + 4);
    const cut = candidates.find((c) => c.stage === 'question' && !c.kept && c.kind === g.kind && c.answer === answer && g.text.startsWith(c.text.slice(0, 60)));
    const rule = cut === undefined ? '(changed or no longer drafted)' : (cut.reason.split(':')[0] ?? cut.reason);
    count(rule, half, g.grade);
    if (verbose) console.log(`${half} ${entry.id} cut [${g.grade}] by ${rule}: ${g.text.slice(0, 160)}`);
  }
  for (const q of deck.questions) {
    if (was.has(`${q.kind}\u0000${questionText(q)}`)) continue;
    added[half]++;
    if (verbose) console.log(`${half} ${entry.id} new [?]: ${questionText(q).slice(0, 160)}`);
  }
  const old = recallOf({ questions: before.map((g) => gradedQuestion(g.kind, g.text)) } as unknown as Deck, entry.gold);
  const fresh = recallOf(deck, entry.gold);
  for (const [i, m] of old.matches.entries()) if (m.by !== null && fresh.matches[i]?.by === null) lost[half].push(`${entry.id} #${i}: ${m.fact.fact}`);
}

const cell = (r: Record<string, number>): string => `${['OK', 'WEAK', 'WRONG'].map((g) => `${r[g] ?? 0} ${g}`).join(', ')}${r['?'] === undefined ? '' : `, ${r['?']} ungraded`}`;
console.log('| rule | half A: cut (old grade) | half B: cut (old grade) |');
console.log('|---|---|---|');
for (const [rule, row] of [...totals].sort()) console.log(`| ${rule} | ${cell(row.A)} | ${cell(row.B)} |`);
for (const half of ['A', 'B'] as const) {
  console.log(`\nhalf ${half}: ${added[half]} new or changed questions (ungraded); gold key facts lost: ${lost[half].length}`);
  for (const line of lost[half]) console.log(`  ${line}`);
}
