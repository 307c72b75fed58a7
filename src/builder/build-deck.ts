// The builder's pipeline: article -> sentences and keys -> facts -> candidate questions -> the questions a
// teacher would keep -> a deck that `factdeck check` accepts. Pure and deterministic: the tagger is passed
// in, randomness comes from the seed, ids from the seed and the content.

import { findQuoteSentence, splitSentences } from '../domain/article.js';
import { DECK_SCHEMA_VERSION, type Deck, type Fact, type Question } from '../domain/deck.js';
import { createRandom } from '../domain/random.js';
import { analyseArticle, type Analysis } from './analyse.js';
import { createDistractorSource } from './distractors.js';
import { clauseFact, clauseGate, clausesOf, renderClause, roleFacts, unitFacts, verdictText, type FactDraft } from './facts.js';
import { createIdMaker } from './ids.js';
import { orderQuestions } from './order.js';
import { clauseQuestions, roleQuestions, unitQuestions, type Considered, type QuestionContext, type QuestionDraft } from './questions.js';
import { createWorth, selectTrusted } from './select.js';
import { selfCheck } from './self-check.js';
import { isMatchReport } from './side-details.js';
import type { Tagger } from './tagger.js';
import { foldName, squash } from './text.js';
import { hasTag } from './tokens.js';
import type { Candidate, Entity, SentenceInfo } from './types.js';

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

/** The word a number counts ("people" in "3,000 people"; "magnitude" in "a magnitude 4.2"): wrong choices count the same. */
function numberUnits(sentences: readonly SentenceInfo[]): Map<Entity, string> {
  const units = new Map<Entity, string>();
  for (const sentence of sentences) {
    for (const mention of sentence.mentions) {
      if (mention.entity.type !== 'number' || units.has(mention.entity)) continue;
      const shape = mention.numberShape ?? '';
      if (shape === 'money' || shape === 'percent') {
        units.set(mention.entity, shape);
        continue;
      }
      const at = sentence.tokens.findIndex((t) => t.start >= mention.end);
      const after = sentence.tokens[at];
      const before = sentence.tokens[sentence.tokens.findIndex((t) => t.start >= mention.start) - 1];
      const isNoun = (t: typeof after): boolean => t !== undefined && t.isWord && !t.isCap && !t.isNumber && !hasTag(t, 'Preposition', 'Determiner', 'Conjunction', 'Adverb', 'Verb', 'Pronoun');
      if (isNoun(after)) units.set(mention.entity, (after?.lower ?? '').replace(/s$/, ''));
      else if (isNoun(before)) units.set(mention.entity, before?.lower ?? '');
    }
  }
  return units;
}

export function buildDeck(article: string, tagger: Tagger, options: BuildDeckOptions): BuildResult {
  const analysis = analyseArticle(article, tagger);
  const random = createRandom(options.seed);
  const candidates: Candidate[] = [];

  // Facts: the clauses that pass the gates, and people's titles.
  const facts: FactDraft[] = [];
  const gateContext = { sentences: analysis.sentences, tagger };
  for (const sentence of analysis.sentences) {
    if (sentence.isHeadline) {
      candidates.push({ stage: 'sentence', sentence: sentence.index, kept: false, reason: 'headline: its facts are asked from the body', text: sentence.text });
      continue;
    }
    if (sentence.trailer === true) {
      candidates.push({ stage: 'sentence', sentence: sentence.index, kept: false, reason: 'boilerplate: the release’s trailer (contacts, “About” paragraphs)', text: sentence.text });
      continue;
    }
    if (sentence.isDateLine) {
      candidates.push({ stage: 'sentence', sentence: sentence.index, kept: false, reason: 'boilerplate: the line that dates the article', text: sentence.text });
      continue;
    }
    for (const clause of clausesOf(sentence, article)) {
      const verdict = clauseGate(clause, gateContext);
      const keys = clause.mentions.map((m) => `${m.text} (${m.entity.type}${m.entity.sure ? '' : ', type unsure'}${m.modifier === true ? ', modifier' : ''}${m.pronoun === true ? ', by coreference' : ''})`).join(', ');
      const rewrites = clause.rewrites.map((r) => `; ${r.rule}`).join('');
      candidates.push({ stage: 'fact', sentence: sentence.index, kept: verdict === null, reason: verdict === null ? `keys: ${keys}${rewrites}` : verdictText(verdict), text: squash(verdict === null ? renderClause(clause) : clause.text) });
      if (verdict === null) facts.push(clauseFact(clause));
    }
  }
  const extra = [...roleFacts(analysis.sentences, article), ...unitFacts(analysis.sentences, article)];
  for (const fact of extra) {
    candidates.push({ stage: 'fact', sentence: fact.clause.sentence.index, kept: true, reason: fact.origin === 'unit' ? 'unit: the park unit that filed the report, named on its own line' : 'role: a person and their title', text: fact.statement });
  }
  const allFacts = [...facts, ...extra].sort((a, b) => a.clause.sentence.index - b.clause.sentence.index || a.clause.start - b.clause.start);

  // Candidate questions, each judged by the gates.
  const roleCounts = new Map<string, number>();
  for (const entity of analysis.entities) {
    if (entity.type !== 'person') continue;
    for (const title of new Set(entity.titles.map(foldName))) roleCounts.set(title, (roleCounts.get(title) ?? 0) + 1);
  }
  // Round 15: how many people of the article have each word in their full names ("Park" of "Park Sung Ho"
  // and "Park Tae-seok"): a word two of them share names neither alone.
  const peopleByNameWord = new Map<string, number>();
  for (const entity of analysis.entities) {
    const words = entity.name.split(/\s+/);
    if (entity.type !== 'person' || words.length < 2) continue;
    for (const word of new Set(words.map(foldName))) peopleByNameWord.set(word, (peopleByNameWord.get(word) ?? 0) + 1);
  }
  const body = analysis.sentences.filter((s) => !s.isHeadline && !s.isDateLine && s.trailer !== true);
  const rankOf = new Map(body.map((s, i) => [s.index, i]));
  const bodyRank = (index: number): number => rankOf.get(index) ?? body.length;
  let falseNext = random.next() < 0.5;
  const context: QuestionContext = {
    article,
    header: options.title,
    tagger,
    source: createDistractorSource(analysis.entities, random, numberUnits(analysis.sentences), article),
    random,
    nextFalse: () => {
      falseNext = !falseNext;
      return !falseNext;
    },
    roleCounts,
    peopleByNameWord,
    bodyRank,
  };
  const considered: Considered[] = [];
  for (const fact of allFacts) {
    if (fact.origin === 'clause') considered.push(...clauseQuestions(fact, context));
    else if (fact.origin === 'unit') considered.push(...unitQuestions(fact, context));
    else considered.push(...roleQuestions(fact, context));
  }

  // The questions a teacher would keep: each passes the self-check, at most three a sentence, no repeats.
  const mentionCounts = new Map<Entity, number>();
  const bracketed = new Set<Entity>();
  const tails = new Set<Entity>();
  for (const sentence of analysis.sentences) {
    for (const mention of sentence.mentions) {
      if (mention.tailEnd !== undefined) for (const other of sentence.mentions) if (other.end === mention.tailEnd && other !== mention) tails.add(other.entity);
      mentionCounts.set(mention.entity, (mentionCounts.get(mention.entity) ?? 0) + 1);
      if (article.charAt(mention.start - 1) === '(' && article.charAt(mention.end) === ')') bracketed.add(mention.entity);
    }
  }
  const firstRanks = new Map<Entity, number>();
  for (const sentence of body) for (const mention of sentence.mentions) if (!firstRanks.has(mention.entity)) firstRanks.set(mention.entity, bodyRank(sentence.index));
  const story = { headline: analysis.headline ?? '', bodyRank, mentions: (entity: Entity) => mentionCounts.get(entity) ?? 0, firstRank: (entity: Entity) => firstRanks.get(entity) ?? body.length, tagger, matchReport: isMatchReport(article), entities: analysis.entities };
  const selection = selectTrusted(allFacts, considered, tagger, createWorth(analysis.headline ?? '', mentionCounts, bracketed, tagger, tails), story);
  const orders = orderQuestions(facts, random).filter((order) => {
    const problem = selfCheck(order, tagger);
    candidates.push({ stage: 'question', sentence: order.fact.clause.sentence.index, kept: problem === null, reason: problem ?? 'kept', text: order.prompt, kind: 'order', answer: (order.answer as string[]).join(' | ') });
    return problem === null;
  });
  for (const considered_ of selection.considered) candidates.push(describe(considered_));

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
  const articleSentences = splitSentences(article);
  for (const fact of allFacts) {
    if (!usedFacts.has(fact)) continue;
    const id = ids.make(`fact\u0000${fact.origin}\u0000${fact.clause.start}\u0000${fact.quote}`);
    factIds.set(fact, id);
    // Feedback shows the first sentence holding the quote: a short quote ("Sheriff Ana Ruiz") that the
    // headline holds too would show the headline. Such a quote becomes its whole sentence.
    const sentence = fact.clause.sentence;
    const found = findQuoteSentence(articleSentences, fact.quote);
    const quote = found !== null && found.start === sentence.start ? fact.quote : sentence.text.slice(sentence.bodyStart - sentence.start);
    deckFacts.push({ id, statement: fact.statement, quote, topic: fact.topic });
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
