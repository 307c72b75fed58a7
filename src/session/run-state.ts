// The pure state of one quiz or review run: what is asked next, what was answered, what is still missed.
// Commands ask it what to do, do the I/O, and tell it what happened.
//
// In review, a fact answered wrong comes back later in the same run, in another question where one
// exists, after up to RETRY_GAP other questions (at least one); if no other question is left, it is
// not re-asked straight after its answer was shown, and stays on the missed list for next time.
//
// In learn mode a fact moves up within the run too: answered right at recognition, its later questions
// in the run are recall questions where it has ones not yet asked; a review's re-ask after a miss is of
// the stage the miss leaves the fact at (learn.ts).

import type { Deck, Fact, Given, Question } from '../domain/deck.js';
import { pickAnotherQuestion } from '../domain/selection.js';
import { byLabel } from '../domain/order.js';
import type { Random } from '../domain/random.js';
import { stageOfKind, type LearnStage } from '../domain/learn.js';

export const RETRY_GAP = 2;

export type RunMode = 'quiz' | 'review';

export interface RunItem {
  question: Question;
  /** Re-asked in review after a miss earlier in the run. */
  retry: boolean;
}

export interface RunResult {
  question: Question;
  given: Given;
  correct: boolean;
  ms: number;
  attemptId: string;
  /** Judged wrong, then claimed right by the learner ("I was right"). */
  claimed: boolean;
  /** The question this answer put later in the run (review's retry), taken out again if it is undone. */
  inserted?: RunItem;
  /** Learn mode: the queue as it was before this answer changed the stage of later questions (for undo). */
  restagedFrom?: RunItem[];
}

export interface RunState {
  mode: RunMode;
  queue: RunItem[];
  /** Index into queue of the next question. */
  index: number;
  results: RunResult[];
  /** Learn mode: the questions the run may ask (after --kind and --topic), by fact. */
  learn?: LearnPool;
}

/** Learn mode's questions by fact: a Map, or one that reads each fact's questions when first asked. */
export type LearnPool = Pick<ReadonlyMap<string, readonly Question[]>, 'get' | 'keys' | 'size'>;

export function startRun(mode: RunMode, questions: readonly Question[], learn?: LearnPool): RunState {
  const state: RunState = { mode, queue: questions.map((question) => ({ question, retry: false })), index: 0, results: [] };
  return learn === undefined ? state : { ...state, learn };
}

/** The stage an answer in this run leaves its fact at: right moves it to recall; a miss keeps its stage. */
function stageAfter(result: Pick<RunResult, 'question' | 'correct'>): LearnStage {
  return result.correct ? 'recall' : stageOfKind(result.question.kind);
}

/**
 * Learn mode: the fact's questions later in the queue (from `from`) that are not of its stage now become
 * questions of that stage not yet asked or queued, where it has such; a new array, or the same one.
 */
function restage(queue: RunItem[], from: number, factId: string, stage: LearnStage, pool: readonly Question[], random: Random): RunItem[] {
  const taken = new Set(queue.map((item) => item.question.id));
  let out = queue;
  for (let i = from; i < queue.length; i++) {
    const item = queue[i] as RunItem;
    if (item.question.factId !== factId || stageOfKind(item.question.kind) === stage) continue;
    const fresh = pool.filter((q) => stageOfKind(q.kind) === stage && !taken.has(q.id));
    if (fresh.length === 0) break;
    const question = fresh[random.int(fresh.length)] as Question;
    taken.add(question.id);
    if (out === queue) out = [...queue];
    out[i] = { ...item, question };
  }
  return out;
}

export function currentItem(state: RunState): RunItem | null {
  return state.queue[state.index] ?? null;
}

export function isFinished(state: RunState): boolean {
  return state.index >= state.queue.length;
}

export interface Progress {
  /** 1-based number of the current question. */
  number: number;
  total: number;
}

export function progress(state: RunState): Progress {
  return { number: Math.min(state.index + 1, state.queue.length), total: state.queue.length };
}

/** Records the answer to the current question and moves on; in review a miss is re-queued. */
export function recordAnswer(state: RunState, result: RunResult, deck: Pick<Deck, 'questions'>, random: Random): RunState {
  const index = state.index + 1;
  const pool = state.learn?.get(result.question.factId);
  const stage = stageAfter(result);
  const restaged = pool === undefined ? state.queue : restage(state.queue, index, result.question.factId, stage, pool, random);
  const queue = [...restaged];
  if (restaged !== state.queue) result = { ...result, restagedFrom: state.queue };
  if (state.mode === 'review' && !result.correct) {
    const after = queue.length - index;
    if (after >= 1) {
      const asked = queue.filter((item) => item.question.factId === result.question.factId).map((item) => item.question);
      const again = pickAnotherQuestion(deck, result.question.factId, asked, random, pool === undefined ? undefined : (q) => pool.some((p) => p.id === q.id) && stageOfKind(q.kind) === stage);
      const at = index + Math.min(RETRY_GAP, after);
      const inserted: RunItem = { question: again, retry: true };
      queue.splice(at, 0, inserted);
      return { ...state, queue, index, results: [...state.results, { ...result, inserted }] };
    }
  }
  return { ...state, queue, index, results: [...state.results, result] };
}

/** "I was right": the last answer counts as right after all. */
export function claimLastAnswer(state: RunState): RunState {
  const last = state.results[state.results.length - 1];
  if (!last || last.correct) return state;
  // A question the miss put later in the run is no longer needed.
  const { inserted, ...claimed } = last;
  const results = [...state.results.slice(0, -1), { ...claimed, correct: true, claimed: true }];
  const queue = inserted === undefined ? state.queue : state.queue.filter((item) => item !== inserted);
  return { ...state, queue, results };
}

/**
 * Takes back the last answer (undo): it is as if it had not been given, and its question is asked again
 * next. A review re-queue that the answer caused goes with it.
 */
export function undoLastAnswer(state: RunState): RunState {
  const last = state.results[state.results.length - 1];
  if (!last || state.index === 0) return state;
  const queue = last.restagedFrom ?? (last.inserted === undefined ? state.queue : state.queue.filter((item) => item !== last.inserted));
  return { ...state, queue, index: state.index - 1, results: state.results.slice(0, -1) };
}

/** A question suspended during the run: it is not asked again in it (a review's re-ask included). */
export function dropQuestion(state: RunState, questionId: string): RunState {
  const queue = state.queue.filter((item, i) => i < state.index || item.question.id !== questionId);
  return queue.length === state.queue.length ? state : { ...state, queue };
}

/** Stops the run early: nothing further is asked. */
export function stopRun(state: RunState): RunState {
  return { ...state, queue: state.queue.slice(0, state.index) };
}

export interface TopicScore {
  topic: string;
  correct: number;
  total: number;
}

export interface RunSummary {
  correct: number;
  total: number;
  percent: number;
  ms: number;
  byTopic: TopicScore[];
  /** Facts whose last answer in this run was wrong. */
  missed: Fact[];
  /** Review: facts answered right in this run after a miss (they leave the missed list). */
  cleared: Fact[];
}

export function summarizeRun(state: RunState, deck: { facts: readonly Fact[] }, ms: number): RunSummary {
  const facts = new Map(deck.facts.map((fact) => [fact.id, fact]));
  const lastByFact = new Map<string, boolean>();
  const topics = new Map<string, TopicScore>();
  for (const result of state.results) {
    lastByFact.set(result.question.factId, result.correct);
    const topic = facts.get(result.question.factId)?.topic ?? 'other';
    const score = topics.get(topic) ?? { topic, correct: 0, total: 0 };
    score.total++;
    if (result.correct) score.correct++;
    topics.set(topic, score);
  }
  const correct = state.results.filter((result) => result.correct).length;
  const total = state.results.length;
  const pick = (wanted: boolean): Fact[] =>
    [...lastByFact].filter(([, right]) => right === wanted).map(([id]) => facts.get(id)).filter((fact): fact is Fact => fact !== undefined);
  return {
    correct,
    total,
    percent: total === 0 ? 0 : Math.round((correct / total) * 100),
    ms,
    byTopic: [...topics.values()].sort((a, b) => byLabel(a.topic, b.topic)),
    missed: pick(false),
    cleared: state.mode === 'review' ? pick(true) : [],
  };
}
