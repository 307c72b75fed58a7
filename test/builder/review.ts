// The grading tool for the corpus's development part (run it with `node bench/review-builder.mjs`): builds
// every article of test/builder/corpus/dev/, prints each question with its choices, answer and source
// sentence and its grade from the grades file, the key-fact recall against gold.json, and the totals.
// With --carry it rewrites the grades file for the current drafts: a grade is carried over when the same
// question (article, kind, prompt, answer, choices) was graded before; a new question gets "?" to grade.
// It reads dev/ unless given `--part test`: the test part is graded by someone else (into grades-test.tsv)
// and must not be looked at while tuning.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findQuoteSentence, splitSentences } from '../../src/domain/article.js';
import type { Question } from '../../src/domain/deck.js';
import { loadCorpusPart, recallOf } from './corpus-measure.js';
import { build, ROOT } from './helpers.js';

export const GRADES_FILE = join(ROOT, 'test', 'builder', 'grades-dev.tsv');
/** The test part's grades, written by a grader who did not tune the builder (`--part test`). */
export const TEST_GRADES_FILE = join(ROOT, 'test', 'builder', 'grades-test.tsv');
const GRADES = ['OK', 'WEAK', 'WRONG'] as const;

interface Grade {
  article: string;
  id: string;
  grade: string;
  reason: string;
  kind: string;
  text: string;
}

/** One line of text that says what a question asks and answers, to match grades across builds. */
export function questionText(q: Question): string {
  const flat = (s: string): string => s.replace(/[\t\n]+/g, ' ');
  switch (q.kind) {
    case 'choice':
    case 'multi-select':
      return flat(`${q.prompt} [${[...q.choices].sort().join(' | ')}] -> ${Array.isArray(q.answer) ? q.answer.join(' | ') : q.answer}`);
    case 'order':
      return flat(`${q.prompt} -> ${q.answer.join(' | ')}`);
    default:
      return flat(`${q.prompt} -> ${String(q.answer)}`);
  }
}

export function readGrades(file = GRADES_FILE): Grade[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [article = '', id = '', grade = '', reason = '', kind = '', text = ''] = line.split('\t');
      return { article, id, grade, reason, kind, text };
    });
}

function main(argv: readonly string[]): void {
  const only = argv.includes('--article') ? argv[argv.indexOf('--article') + 1] : undefined;
  const seed = argv.includes('--seed') ? Number(argv[argv.indexOf('--seed') + 1]) : 1;
  const carry = argv.includes('--carry');
  const quiet = argv.includes('--summary');
  // The test part is for the independent grader only: never run it while tuning.
  const part = argv.includes('--part') && argv[argv.indexOf('--part') + 1] === 'test' ? 'test' : 'dev';
  const gradesFile = part === 'test' ? TEST_GRADES_FILE : GRADES_FILE;
  const previous = readGrades(gradesFile);
  const byText = new Map(previous.map((g) => [`${g.article}\u0000${g.kind}\u0000${g.text}`, g]));
  const lines: string[] = ['# article\tquestion id\tgrade\treason\tkind\tquestion -> answer'];
  const totals = { facts: 0, found: 0, questions: 0, OK: 0, WEAK: 0, WRONG: 0, ungraded: 0 };
  const rows: string[] = [];
  for (const entry of loadCorpusPart(part)) {
    if (only !== undefined && entry.id !== only) continue;
    const { deck, candidates, analysis } = build(entry.article, seed, entry.id);
    const sentences = splitSentences(entry.article);
    const facts = new Map(deck.facts.map((f) => [f.id, f]));
    const counts = { OK: 0, WEAK: 0, WRONG: 0, ungraded: 0 };
    if (!quiet) console.log(`\n=== ${entry.id}: ${deck.questions.length} questions, ${deck.facts.length} facts`);
    for (const q of deck.questions) {
      const text = questionText(q);
      const known = byText.get(`${entry.id}\u0000${q.kind}\u0000${text}`);
      const grade = known?.grade ?? '?';
      if ((GRADES as readonly string[]).includes(grade)) counts[grade as (typeof GRADES)[number]]++;
      else counts.ungraded++;
      lines.push([entry.id, q.id, grade, known?.reason ?? '', q.kind, text].join('\t'));
      if (quiet) continue;
      const fact = facts.get(q.factId);
      const source = fact === undefined ? '' : (findQuoteSentence(sentences, fact.quote)?.text ?? fact.quote);
      console.log(`\n[${grade}] ${q.id} ${q.kind}: ${q.prompt}`);
      if (q.kind === 'choice' || q.kind === 'multi-select') console.log(`    choices: ${q.choices.join(' | ')}`);
      if (q.kind === 'order') console.log(`    items: ${q.items.join(' | ')}`);
      console.log(`    answer: ${Array.isArray(q.answer) ? q.answer.join(' | ') : String(q.answer)}`);
      console.log(`    source: ${source.replace(/\s+/g, ' ')}`);
      if (known?.reason) console.log(`    graded: ${known.reason}`);
    }
    if (argv.includes('--explain')) {
      for (const c of candidates) console.log(`  s${c.sentence} ${c.kept ? 'kept' : 'drop'} ${c.kind ?? c.stage}: ${c.text}${c.answer === undefined ? '' : ` -> ${c.answer}`} (${c.reason})`);
    }
    const recall = recallOf(deck, entry.gold);
    if (!quiet) {
      console.log(`\n  recall ${recall.found}/${recall.facts}`);
      for (const m of recall.matches) {
        console.log(`    ${m.by === null ? 'MISSED' : 'found '} ${m.fact.fact}  [${m.fact.answers.join(' | ')}]${m.by === null ? '' : ` by "${m.by}"`}`);
        if (m.by !== null || !argv.includes('--why')) continue;
        // Why: what the builder decided about the sentences that hold an answer.
        const holders = analysis.sentences.filter((s) => m.fact.answers.some((a) => s.text.toLowerCase().includes(a.toLowerCase())));
        for (const sentence of holders.slice(0, 2)) {
          console.log(`        sentence ${sentence.index}: ${sentence.text.slice(0, 160)}`);
          for (const c of candidates.filter((c) => c.sentence === sentence.index && (c.stage !== 'question' || m.fact.answers.some((a) => (c.answer ?? '').toLowerCase().includes(a.toLowerCase()))))) {
            console.log(`          ${c.kept ? 'kept' : 'drop'} ${c.kind ?? c.stage}: ${c.text.slice(0, 100)} -> ${c.answer ?? ''} (${c.reason.slice(0, 200)})`);
          }
        }
      }
    }
    const pct = (n: number): string => (deck.questions.length === 0 ? '-' : `${((100 * n) / deck.questions.length).toFixed(0)}%`);
    rows.push(
      `| ${entry.id} | ${recall.facts} | ${deck.questions.length} | ${recall.found}/${recall.facts} | ${counts.OK} (${pct(counts.OK)}) | ${counts.WEAK} (${pct(counts.WEAK)}) | ${counts.WRONG} (${pct(counts.WRONG)}) |${counts.ungraded > 0 ? ` ${counts.ungraded} ungraded` : ''}`,
    );
    totals.facts += recall.facts;
    totals.found += recall.found;
    totals.questions += deck.questions.length;
    totals.OK += counts.OK;
    totals.WEAK += counts.WEAK;
    totals.WRONG += counts.WRONG;
    totals.ungraded += counts.ungraded;
  }
  const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  console.log('\n| article | facts | questions | recall | OK | WEAK | WRONG |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log(
    `| **${part} total** | ${totals.facts} | ${totals.questions} | ${totals.found}/${totals.facts} (${pct(totals.found, totals.facts)}) | ${totals.OK} (${pct(totals.OK, totals.questions)}) | ${totals.WEAK} (${pct(totals.WEAK, totals.questions)}) | ${totals.WRONG} (${pct(totals.WRONG, totals.questions)}) |${totals.ungraded > 0 ? ` ${totals.ungraded} ungraded` : ''}`,
  );
  if (carry) {
    if (only !== undefined) {
      // Keep the other articles' lines as they are.
      for (const g of previous) if (g.article !== only) lines.push([g.article, g.id, g.grade, g.reason, g.kind, g.text].join('\t'));
    }
    const [header, ...body] = lines;
    body.sort((a, b) => (a.split('\t')[0] ?? '').localeCompare(b.split('\t')[0] ?? ''));
    writeFileSync(gradesFile, `${[header, ...body].join('\n')}\n`);
    console.log(`\nwrote ${gradesFile} (${body.length} questions)`);
  }
}

main(process.argv.slice(2));
