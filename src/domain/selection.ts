// Which questions a quiz asks, and how each is shown (choice order). Pure and seeded: the same deck,
// progress, options and seed give the same quiz.
//
// The rules: one question per fact until every fact has one, then more questions of the same facts in
// other kinds; facts never seen come first, then facts last missed, then the rest (longest unseen first);
// kinds are mixed by always taking the kind used least so far. --order due|new|hardest puts the facts in
// that order instead, and asks them in it (see factOrder); learn mode prefers each fact's stage (learn.ts).

import type { Deck, FactOutline, Question, QuestionKind, QuestionOutline } from './deck.js';
import type { FactHistory } from './history.js';
import type { Random } from './random.js';
import { byCodeUnits } from './order.js';
import { learnStage, stageOfKind } from './learn.js';

export const FACT_ORDERS = ['due', 'new', 'hardest', 'random'] as const;
export type FactOrder = (typeof FACT_ORDERS)[number];

export interface SelectionOptions {
  count: number;
  kinds?: readonly QuestionKind[];
  topic?: string;
  /** Learn mode: each fact is asked at its stage (recognition, then recall) where it has such a question. */
  learn?: boolean;
  /** Which facts come first, and are asked first; 'random' (the default) is the usual mix, asked shuffled. */
  order?: FactOrder;
  /** For order 'due': when each fact's memory card is due (ms since 1970), and the time it is now. */
  due?: { at: ReadonlyMap<string, number>; now: number };
}

/** A question as it will be shown: choices and items in their shown order. */
export interface PresentedQuestion {
  question: Question;
  /** Shown choices (choice, multi-select), items (order), or empty for typed kinds and true/false. */
  options: string[];
}

/** What selection needs of a deck: its outline (a Deck is one), whose questions it hands back. */
export interface SelectionDeck<Q extends QuestionOutline> {
  facts: readonly FactOutline[];
  questions: readonly Q[];
}

/** Questions that match the filters, grouped by their main fact, in deck order of facts. */
export function eligibleQuestions<Q extends QuestionOutline>(deck: SelectionDeck<Q>, options: Omit<SelectionOptions, 'count'>): Map<string, Q[]> {
  const topic = options.topic?.trim().toLowerCase();
  const kinds = options.kinds && options.kinds.length > 0 ? new Set<string>(options.kinds) : null;
  const inTopic = topic ? new Set(deck.facts.filter((fact) => fact.topic.toLowerCase() === topic).map((fact) => fact.id)) : null;
  const found = new Map<string, Q[]>();
  for (const question of deck.questions) {
    if (kinds !== null && !kinds.has(question.kind)) continue;
    if (inTopic !== null && !inTopic.has(question.factId)) continue;
    const list = found.get(question.factId);
    if (list === undefined) found.set(question.factId, [question]);
    else list.push(question);
  }
  const byFact = new Map<string, Q[]>();
  for (const fact of deck.facts) {
    const list = found.get(fact.id);
    if (list !== undefined && !byFact.has(fact.id)) byFact.set(fact.id, list);
  }
  return byFact;
}

/**
 * Facts ranked for --order (not 'random'): ties keep the shuffled order, so the seed still decides them.
 *   due:     cards due now (the longest overdue first), then facts with no card yet, then the cards due
 *            later (the soonest first);
 *   new:     facts never answered first, then the usual order (last missed, then longest unseen);
 *   hardest: the lowest share of right answers first (more answers first among equals), then the facts
 *            never answered.
 */
export function rankFacts(
  factIds: readonly string[],
  history: ReadonlyMap<string, FactHistory>,
  order: Exclude<FactOrder, 'random'>,
  random: Random,
  due?: SelectionOptions['due'],
): string[] {
  if (order === 'new') return orderFacts(factIds, history, random);
  const shuffled = random.shuffle(factIds);
  /** Group, then ascending within it, then ascending again. */
  const key = (id: string): [number, number, number] => {
    if (order === 'due') {
      const at = due?.at.get(id);
      if (at === undefined) return [1, 0, 0];
      return at <= (due?.now ?? 0) ? [0, at, 0] : [2, at, 0];
    }
    const h = history.get(id);
    if (h === undefined || h.attempts === 0) return [1, 0, 0];
    return [0, h.correct / h.attempts, -h.attempts];
  };
  return shuffled
    .map((id, index) => ({ id, index, key: key(id) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.index - b.index)
    .map((entry) => entry.id);
}

function priority(history: FactHistory | undefined): number {
  if (history === undefined) return 0;
  return history.lastCorrect ? 2 : 1;
}

/**
 * Facts in the order they should be asked: never seen, then last missed, then the rest, oldest first.
 * `needed`: only that many from the front are wanted (a quiz of 10 on a deck of 10,000 facts seen): the
 * facts answered right are then picked, not all sorted; the first `needed` are the same either way.
 */
export function orderFacts(factIds: readonly string[], history: ReadonlyMap<string, FactHistory>, random: Random, needed = Infinity): string[] {
  const shuffled = random.shuffle(factIds);
  // In shuffled order within each rank; the facts last answered right by time, ties in shuffled order.
  const ranks: [string[], string[], { id: string; at: string }[]] = [[], [], []];
  for (const id of shuffled) {
    const seen = history.get(id);
    const rank = priority(seen);
    if (rank === 2) ranks[2].push({ id, at: seen?.lastAt ?? '' });
    else ranks[rank as 0 | 1].push(id);
  }
  const wanted = needed - ranks[0].length - ranks[1].length;
  const right = wanted <= PICK_AT_MOST && wanted * 4 < ranks[2].length ? earliest(ranks[2], Math.max(0, wanted)) : ranks[2].sort((a, b) => byCodeUnits(a.at, b.at));
  return [...ranks[0], ...ranks[1], ...right.map((entry) => entry.id)];
}

/** Beyond this many wanted, the facts answered right are sorted whole (the pick is k passes at worst). */
const PICK_AT_MOST = 64;

/**
 * The first `k` entries by time, ties in their order in `entries`: what a stable sort would put first, in
 * one pass that keeps the best k so far (k is small next to the entries).
 */
function earliest<T extends { at: string }>(entries: readonly T[], k: number): T[] {
  const best: T[] = [];
  if (k === 0) return best;
  for (const entry of entries) {
    if (best.length === k && byCodeUnits(entry.at, (best[k - 1] as T).at) >= 0) continue;
    // After every kept entry at the same time or earlier: ties keep their order.
    let i = best.length;
    while (i > 0 && byCodeUnits(entry.at, (best[i - 1] as T).at) < 0) i--;
    best.splice(i, 0, entry);
    if (best.length > k) best.pop();
  }
  return best;
}

export function selectQuestions<Q extends QuestionOutline>(
  deck: SelectionDeck<Q>,
  history: Map<string, FactHistory>,
  options: SelectionOptions,
  random: Random,
): Q[] {
  const byFact = eligibleQuestions(deck, options);
  const order = options.order ?? 'random';
  // On the first pass over the facts each gives one question, so a quiz of at most one question per fact
  // is the first facts of the order: only those are ranked in full.
  const factOrder = order === 'random' ? orderFacts([...byFact.keys()], history, random, options.count <= byFact.size ? options.count : Infinity) : rankFacts([...byFact.keys()], history, order, random, options.due);
  // Each fact's questions are shuffled in deck order of facts, one after another from the same
  // generator; only the facts reached are shuffled, each from where its turn would have left the
  // generator (a shuffle of n items draws n - 1 numbers), so the quiz is the same as if all had been.
  const poolsFrom = random.fork();
  const drawsBefore = new Map<string, number>();
  let draws = 0;
  for (const [factId, questions] of byFact) {
    drawsBefore.set(factId, draws);
    draws += Math.max(0, questions.length - 1);
  }
  random.skip(draws);
  const remaining = new Map<string, Q[]>();
  const poolOf = (factId: string): Q[] => {
    let pool = remaining.get(factId);
    if (pool === undefined) {
      const from = poolsFrom.fork();
      from.skip(drawsBefore.get(factId) ?? 0);
      pool = from.shuffle(byFact.get(factId) ?? []);
      remaining.set(factId, pool);
    }
    return pool;
  };
  const kindUse = new Map<string, number>();
  const chosen: Q[] = [];
  const usedKindsByFact = new Map<string, Set<string>>();

  while (chosen.length < options.count) {
    let added = false;
    for (const factId of factOrder) {
      if (chosen.length >= options.count) break;
      const pool = poolOf(factId);
      if (pool.length === 0) continue;
      const usedHere = usedKindsByFact.get(factId) ?? new Set<string>();
      // Learn mode: a kind of the fact's stage first, whatever else.
      const stage = options.learn === true ? learnStage(history.get(factId)) : null;
      // Prefer a kind this fact has not been asked in, then the kind least used in the quiz so far.
      let best = 0;
      for (let i = 1; i < pool.length; i++) {
        const a = pool[i] as Q;
        const b = pool[best] as Q;
        const score = (q: Q): number => (stage !== null && stageOfKind(q.kind) !== stage ? 1_000_000 : 0) + (usedHere.has(q.kind) ? 1000 : 0) + (kindUse.get(q.kind) ?? 0);
        if (score(a) < score(b)) best = i;
      }
      const [question] = pool.splice(best, 1) as [Q];
      chosen.push(question);
      usedHere.add(question.kind);
      usedKindsByFact.set(factId, usedHere);
      kindUse.set(question.kind, (kindUse.get(question.kind) ?? 0) + 1);
      added = true;
    }
    if (!added) break;
  }
  return order === 'random' ? random.shuffle(chosen) : chosen;
}

/** Shuffles what a question shows; an ordering is never shown already in the right order. */
export function presentQuestion(question: Question, random: Random): PresentedQuestion {
  switch (question.kind) {
    case 'choice':
    case 'multi-select':
      return { question, options: random.shuffle(question.choices) };
    case 'order': {
      let items = random.shuffle(question.items);
      for (let tries = 0; tries < 10 && items.every((item, i) => item === question.answer[i]); tries++) {
        items = random.shuffle(question.items);
      }
      if (items.every((item, i) => item === question.answer[i])) items = [...question.answer].reverse();
      return { question, options: items };
    }
    default:
      return { question, options: [] };
  }
}

/**
 * For review: one question per missed fact, in a kind other than the one last missed where one exists
 * (in learn mode, of the fact's stage where one exists). With --order other than random, the facts are
 * asked in that order (and --count takes the first ones); otherwise shuffled.
 */
export function selectReviewQuestions<Q extends QuestionOutline>(
  deck: SelectionDeck<Q>,
  missed: readonly string[],
  history: Map<string, FactHistory>,
  options: Omit<SelectionOptions, 'count'> & { count?: number },
  random: Random,
): Q[] {
  const byFact = eligibleQuestions(deck, options);
  const order = options.order ?? 'random';
  const factIds = order === 'random' ? missed : rankFacts(missed, history, order, random, options.due);
  const chosen: Q[] = [];
  for (const factId of factIds) {
    const all = byFact.get(factId);
    if (!all || all.length === 0) continue;
    const stage = options.learn === true ? learnStage(history.get(factId)) : null;
    const atStage = stage === null ? all : all.filter((q) => stageOfKind(q.kind) === stage);
    const pool = atStage.length > 0 ? atStage : all;
    const lastKind = history.get(factId)?.lastKind;
    const other = pool.filter((q) => q.kind !== lastKind);
    const from = other.length > 0 ? other : pool;
    chosen.push(from[random.int(from.length)] as Q);
  }
  const ordered = order === 'random' ? random.shuffle(chosen) : chosen;
  return options.count === undefined ? ordered : ordered.slice(0, options.count);
}

/**
 * Another question on the same fact, avoiding the kinds just asked where possible; `prefer`, when given,
 * limits it to the questions it accepts where the fact has any.
 */
export function pickAnotherQuestion(deck: Pick<Deck, 'questions'>, factId: string, avoid: readonly Question[], random: Random, prefer?: (question: Question) => boolean): Question {
  const ofFact = deck.questions.filter((q) => q.factId === factId);
  const wanted = prefer === undefined ? ofFact : ofFact.filter(prefer);
  const pool = wanted.length > 0 ? wanted : ofFact;
  const avoidIds = new Set(avoid.map((q) => q.id));
  const avoidKinds = new Set(avoid.map((q) => q.kind));
  const fresh = pool.filter((q) => !avoidIds.has(q.id) && !avoidKinds.has(q.kind));
  const unseen = pool.filter((q) => !avoidIds.has(q.id));
  const from = fresh.length > 0 ? fresh : unseen.length > 0 ? unseen : pool;
  return from[random.int(from.length)] as Question;
}
