// The builder's pipeline: article -> sentences and keys -> facts -> candidate questions -> the questions a
// teacher would keep -> a deck that `factdeck check` accepts. Pure and deterministic: the tagger is passed
// in, randomness comes from the seed, ids from the seed and the content.

import { DECK_SCHEMA_VERSION, type Deck, type Fact, type Question } from '../domain/deck.js';
import { createRandom } from '../domain/random.js';
import { analyseArticle, type Analysis } from './analyse.js';
import { createDistractorSource } from './distractors.js';
import { clauseFact, clauseGate, clausesOf, datelineFact, roleFacts, type FactDraft } from './facts.js';
import { createIdMaker } from './ids.js';
import { orderQuestions } from './order.js';
import { clauseQuestions, datelineQuestions, roleQuestions, type Considered, type QuestionContext, type QuestionDraft } from './questions.js';
import { selectQuestions } from './select.js';
import type { Tagger } from './tagger.js';
import { foldName, squash } from './text.js';
import type { Candidate } from './types.js';

export interface BuildDeckOptions {
  /** The deck's id: the name of the folder it goes in. */
  id: string;
  title: string;
  seed: number;
  /** The `$schema` reference, when the deck goes where the schema is. */
  schema?: string;
}

export interface BuildResult {
  deck: Deck;
  /** Everything considered, kept or dropped with a reason, in article order. */
  candidates: Candidate[];
  analysis: Analysis;
  /** Sentences that were not the headline. */
  bodySentences: number;
}

function toQuestion(draft: QuestionDraft, id: string, factId: string, relatedIds: string[]): Question {
  const base = { id, factId, ...(relatedIds.length > 0 ? { relatedFactIds: relatedIds } : {}), prompt: draft.prompt, explanation: draft.explanation };
  switch (draft.kind) {
    case 'choice':
      return { ...base, kind: 'choice', choices: draft.choices ?? [], answer: String(draft.answer) };
    case 'true-false':
      return { ...base, kind: 'true-false', answer: draft.answer === true };
    case 'cloze':
      return { ...base, kind: 'cloze', answer: String(draft.answer), accept: draft.accept ?? [] };
    case 'short-answer':
      return { ...base, kind: 'short-answer', answer: String(draft.answer), accept: draft.accept ?? [] };
    case 'order':
      return { ...base, kind: 'order', items: draft.items ?? [], answer: Array.isArray(draft.answer) ? draft.answer : [] };
    case 'multi-select':
      return { ...base, kind: 'multi-select', choices: draft.choices ?? [], answer: Array.isArray(draft.answer) ? draft.answer : [] };
  }
}

function describe(considered: Considered): Candidate {
  return {
    stage: 'question',
    sentence: considered.fact.clause.sentence.index,
    kept: considered.dropped === null,
    reason: considered.dropped ?? 'kept',
    text: considered.text,
    kind: considered.kind,
    answer: considered.answer,
  };
}

export function buildDeck(article: string, tagger: Tagger, options: BuildDeckOptions): BuildResult {
  const analysis = analyseArticle(article, tagger);
  const random = createRandom(options.seed);
  const candidates: Candidate[] = [];

  // Facts: the clauses that pass the gates, people's titles, the dateline.
  const facts: FactDraft[] = [];
  for (const sentence of analysis.sentences) {
    if (sentence.isHeadline) {
      candidates.push({ stage: 'sentence', sentence: sentence.index, kept: false, reason: 'the headline: its facts are asked from the body', text: sentence.text });
      continue;
    }
    for (const clause of clausesOf(sentence, article)) {
      const dropped = clauseGate(clause);
      const keys = clause.mentions.map((m) => `${m.text} (${m.entity.type}${m.modifier === true ? ', modifier' : ''})`).join(', ');
      candidates.push({ stage: 'fact', sentence: sentence.index, kept: dropped === null, reason: dropped ?? `keys: ${keys}`, text: squash(clause.text) });
      if (dropped === null) facts.push(clauseFact(clause));
    }
  }
  const extra = [...roleFacts(analysis.sentences, article)];
  const dateline = datelineFact(analysis.sentences);
  if (dateline !== null) extra.push(dateline);
  for (const fact of extra) {
    candidates.push({ stage: 'fact', sentence: fact.clause.sentence.index, kept: true, reason: fact.origin === 'role' ? 'a person and their title' : 'the dateline', text: fact.statement });
  }
  const allFacts = [...facts, ...extra].sort((a, b) => a.clause.sentence.index - b.clause.sentence.index || a.clause.start - b.clause.start);

  // Candidate questions, each judged by the gates.
  const roleCounts = new Map<string, number>();
  for (const entity of analysis.entities) {
    if (entity.type !== 'person') continue;
    for (const title of new Set(entity.titles.map(foldName))) roleCounts.set(title, (roleCounts.get(title) ?? 0) + 1);
  }
  let falseNext = random.next() < 0.5;
  const context: QuestionContext = {
    article,
    tagger,
    source: createDistractorSource(analysis.entities, random),
    random,
    nextFalse: () => {
      falseNext = !falseNext;
      return !falseNext;
    },
    roleCounts,
  };
  const considered: Considered[] = [];
  for (const fact of allFacts) {
    if (fact.origin === 'clause') considered.push(...clauseQuestions(fact, context));
    else if (fact.origin === 'role') considered.push(...roleQuestions(fact, context));
    else considered.push(...datelineQuestions(fact, context));
  }

  // The questions a teacher would keep: every key asked, a few questions per fact, no repeats.
  const selection = selectQuestions(allFacts, considered);
  const orders = orderQuestions(facts, random);
  for (const considered_ of selection.considered) candidates.push(describe(considered_));
  for (const order of orders) {
    candidates.push({ stage: 'question', sentence: order.fact.clause.sentence.index, kept: true, reason: 'kept', text: order.prompt, kind: 'order', answer: (order.answer as string[]).join(' | ') });
  }

  // The deck: facts that have questions, ids from the seed and the content.
  const ids = createIdMaker(options.seed);
  const kept = [...selection.kept, ...orders];
  const usedFacts = new Set<FactDraft>();
  for (const draft of kept) {
    usedFacts.add(draft.fact);
    for (const related of draft.related) usedFacts.add(related);
  }
  const factIds = new Map<FactDraft, string>();
  const deckFacts: Fact[] = [];
  for (const fact of allFacts) {
    if (!usedFacts.has(fact)) continue;
    const id = ids.make(`fact\u0000${fact.origin}\u0000${fact.clause.start}\u0000${fact.quote}`);
    factIds.set(fact, id);
    deckFacts.push({ id, statement: fact.statement, quote: fact.quote, topic: fact.topic });
  }
  const order = new Map(allFacts.map((fact, i) => [fact, i]));
  const sorted = kept
    .map((draft, i) => ({ draft, i }))
    .sort((a, b) => (order.get(a.draft.fact) ?? 0) - (order.get(b.draft.fact) ?? 0) || a.i - b.i)
    .map(({ draft }) => draft);
  const questions = sorted.map((draft) =>
    toQuestion(
      draft,
      ids.make(`question\u0000${draft.kind}\u0000${draft.prompt}\u0000${JSON.stringify(draft.answer)}`),
      factIds.get(draft.fact) ?? '',
      draft.related.map((fact) => factIds.get(fact) ?? ''),
    ),
  );

  const datelineText = analysis.sentences.find((s) => s.dateline !== null)?.dateline?.text ?? '';
  const deck: Deck = {
    ...(options.schema === undefined ? {} : { $schema: options.schema }),
    schemaVersion: DECK_SCHEMA_VERSION,
    id: options.id,
    title: options.title,
    source: { headline: analysis.headline ?? '', dateline: datelineText, date: '' },
    origin: 'generated',
    facts: deckFacts,
    questions,
  };
  candidates.sort((a, b) => a.sentence - b.sentence || stageRank(a) - stageRank(b));
  return { deck, candidates, analysis, bodySentences: analysis.sentences.filter((s) => !s.isHeadline).length };
}

function stageRank(candidate: Candidate): number {
  return candidate.stage === 'sentence' ? 0 : candidate.stage === 'fact' ? 1 : 2;
}
