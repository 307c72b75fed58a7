// What predicts a WEAK or WRONG grade (run it with `node bench/weak-features.mjs [--tsv]`): builds every
// article of the corpus's development part with seed 1, joins each drafted question to its grade in
// test/builder/grades-dev.tsv, computes features the builder itself can compute (where the sentence
// stands, how often the answer's entity is named, its type, the question kind, how many questions its
// sentence has, the sentence's length, "also", quotes, figures) and prints, per feature bucket, the count
// and OK/WEAK/WRONG shares for half A (articles at even places in alphabetical order) and half B (odd).
// It reads dev/ only. `--tsv` prints one line per question instead.

import { loadCorpusPart } from '../test/builder/corpus-measure.js';
import { answerNamesKey, build, ROOT } from '../test/builder/helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question } from '../src/domain/deck.js';

function questionText(q: Question): string {
  const flat = (s: string): string => s.replace(/[\t\n]+/g, ' ');
  if (q.kind === 'choice' || q.kind === 'multi-select') return flat(`${q.prompt} [${[...q.choices].sort().join(' | ')}] -> ${Array.isArray(q.answer) ? q.answer.join(' | ') : q.answer}`);
  if (q.kind === 'order') return flat(`${q.prompt} -> ${q.answer.join(' | ')}`);
  return flat(`${q.prompt} -> ${String(q.answer)}`);
}

const STOP = new Set('that this with from have were said they their there which would been about after also when will into more than some other while where what them then these those only over such very most many could before being your just because each since under during both does said'.split(' '));

type Row = Record<string, string | number>;
const rows: Row[] = [];
const grades = new Map(
  readFileSync(join(ROOT, 'test', 'builder', 'grades-dev.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .map(([article = '', , grade = '', , kind = '', text = '']) => [`${article}\u0000${kind}\u0000${text}`, grade]),
);
const articles = loadCorpusPart('dev');
for (const [n, entry] of articles.entries()) {
  const { deck, analysis } = build(entry.article, 1, entry.id);
  const body = analysis.sentences.filter((s) => !s.isHeadline && !s.isDateLine && s.trailer !== true);
  const perSentence = new Map<number, number>();
  const sentenceOf = (q: Question): number => {
    const fact = deck.facts.find((f) => f.id === q.factId);
    const at = fact === undefined ? -1 : entry.article.indexOf(fact.quote);
    return analysis.sentences.find((s) => s.start <= at && at < s.end)?.index ?? -1;
  };
  for (const q of deck.questions) perSentence.set(sentenceOf(q), (perSentence.get(sentenceOf(q)) ?? 0) + 1);
  const answersOf = (q: Question): string[] => (q.kind === 'choice' || q.kind === 'cloze' || q.kind === 'short-answer' ? [q.answer] : q.kind === 'multi-select' ? q.answer : []);
  for (const q of deck.questions) {
    const index = sentenceOf(q);
    const sentence = analysis.sentences.find((s) => s.index === index);
    const rank = body.findIndex((s) => s.index === index);
    const answer = answersOf(q)[0] ?? '';
    const entity = analysis.entities.find((e) => e.name === answer || e.forms.includes(answer));
    const mentions = entity === undefined ? 0 : analysis.sentences.reduce((sum, s) => sum + s.mentions.filter((m) => m.entity === entity).length, 0);
    const gold = entry.gold.filter((g) => answersOf(q).some((a) => g.answers.some((k) => answerNamesKey(a, k, ['person', 'work', 'event'].includes(g.type)))));
    const text = sentence?.text ?? '';
    // Content words: what the sentence is about, by the words it shares with the headline, the lead and the rest.
    const contentOf = (t: string): Set<string> => new Set((t.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).filter((w) => w.length > 3 && !STOP.has(w)).map((w) => w.replace(/(ing|ed|es|s)$/, '')));
    const mine = contentOf(text);
    const headWords = contentOf(analysis.headline ?? '');
    const leadWords = contentOf(body.slice(0, 2).map((s) => s.text).join(' '));
    const others = body.filter((s) => s.index !== index).map((s) => contentOf(s.text));
    const shared = [...mine].filter((w) => others.filter((o) => o.has(w)).length >= 2).length;
    const count = (e: (typeof analysis.entities)[number]): number => analysis.sentences.reduce((sum, s) => sum + s.mentions.filter((m) => m.entity === e).length, 0);
    const inHeadline = (e: (typeof analysis.entities)[number]): boolean => e.forms.some((f) => (analysis.headline ?? '').includes(f));
    const central = new Set((sentence?.mentions ?? []).map((m) => m.entity).filter((e) => e !== entity && (count(e) >= 3 || inHeadline(e))));
    const firstRank = entity === undefined ? -1 : body.findIndex((s) => s.mentions.some((m) => m.entity === entity));
    const words = text.split(/\s+/).length;
    rows.push({
      half: n % 2 === 0 ? 'A' : 'B',
      article: entry.id,
      grade: grades.get(`${entry.id}\u0000${q.kind}\u0000${questionText(q)}`) ?? '?',
      kind: q.kind,
      rank: rank < 0 ? 'none' : rank < 2 ? '0-1' : rank < 5 ? '2-4' : rank < 10 ? '5-9' : rank < 20 ? '10-19' : '20+',
      share: rank < 0 ? 'none' : `${Math.min(4, Math.floor((4 * rank) / body.length))}/4`,
      paragraph: sentence === undefined ? '?' : sentence.paragraph <= 2 ? String(sentence.paragraph) : sentence.paragraph <= 5 ? '3-5' : '6+',
      type: entity === undefined ? (q.kind === 'true-false' || q.kind === 'order' || q.kind === 'multi-select' ? q.kind : 'unknown') : `${entity.type}`,
      subtype: entity === undefined ? '-' : `${entity.type}:${entity.subtype}`,
      mentions: mentions >= 3 ? '3+' : String(mentions),
      perSentence: String(perSentence.get(index) ?? 0),
      words: words < 15 ? '<15' : words < 25 ? '15-24' : words < 35 ? '25-34' : '35+',
      also: /\balso\b/i.test(text) ? 'also' : '-',
      quote: /["“”]/.test(text) || sentence?.inQuote === true ? 'quote' : '-',
      speaker: sentence?.speaker === undefined ? '-' : 'turn',
      figures: String(Math.min(3, (text.match(/\d+/g) ?? []).length)),
      head: String(Math.min(3, [...mine].filter((w) => headWords.has(w)).length)),
      lead: rank < 2 ? 'lead' : String(Math.min(3, [...mine].filter((w) => leadWords.has(w)).length)),
      shared: shared >= 6 ? '6+' : shared >= 3 ? '3-5' : String(shared),
      sharedShare: mine.size === 0 ? '-' : `${Math.min(4, Math.floor((4 * shared) / mine.size))}/4`,
      firstRank: firstRank < 0 ? 'none' : firstRank < 3 ? '0-2' : firstRank < 8 ? '3-7' : '8+',
      inHead: entity !== undefined && entity.forms.some((f) => (analysis.headline ?? '').includes(f)) ? 'head' : '-',
      gold: gold.length > 0 ? 'gold' : '-',
      goldIds: gold.map((g) => entry.gold.indexOf(g)).join(',') || '-',
      nRank: rank,
      nBody: body.length,
      nHead: [...mine].filter((w) => headWords.has(w)).length,
      nLead: [...mine].filter((w) => leadWords.has(w)).length,
      nShared: shared,
      nMentions: mentions,
      nFirst: firstRank,
      nWords: words,
      nCentral: central.size,
      nKeys: new Set((sentence?.mentions ?? []).map((m) => m.entity)).size,
      nPerSentence: perSentence.get(index) ?? 0,
      sentence: index,
      stext: text.replace(/\s+/g, ' '),
      question: questionText(q),
    });
  }
}

const pct = (n: number, of: number): string => (of === 0 ? '  -' : `${Math.round((100 * n) / of)}`.padStart(3));
const cell = (list: Row[]): string => {
  const count = (g: string): number => list.filter((r) => r.grade === g).length;
  return `${String(list.length).padStart(4)} ok${pct(count('OK'), list.length)} wk${pct(count('WEAK'), list.length)} wr${pct(count('WRONG'), list.length)}`;
};
if (process.argv.includes('--tsv')) {
  const keys = Object.keys(rows[0] ?? {});
  console.log(keys.join('\t'));
  for (const r of rows) console.log(keys.map((k) => String(r[k])).join('\t'));
} else {
  console.log(`all        A: ${cell(rows.filter((r) => r.half === 'A'))}   B: ${cell(rows.filter((r) => r.half === 'B'))}`);
  for (const feature of ['kind', 'rank', 'share', 'paragraph', 'type', 'subtype', 'mentions', 'perSentence', 'words', 'also', 'quote', 'speaker', 'figures', 'head', 'lead', 'shared', 'sharedShare', 'firstRank', 'inHead', 'gold']) {
    console.log(`\n${feature}`);
    const values = [...new Set(rows.map((r) => String(r[feature])))].sort();
    for (const v of values) {
      const of = rows.filter((r) => String(r[feature]) === v);
      console.log(`  ${v.padEnd(22)} A: ${cell(of.filter((r) => r.half === 'A'))}   B: ${cell(of.filter((r) => r.half === 'B'))}`);
    }
  }
}
