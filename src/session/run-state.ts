// The pure state of one quiz or review run: what is asked next, what was answered, what is still missed.
// Commands ask it what to do, do the I/O, and tell it what happened.
//
// In review, a fact answered wrong comes back later in the same run, in another question where one
// exists, after up to RETRY_GAP other questions (at least one); if no other question is left, it is
// not re-asked straight after its answer was shown, and stays on the missed list for next time.

import type { Deck, Fact, Given, Question } from '../domain/deck.js';
import { pickAnotherQuestion } from '../domain/selection.js';
import { byLabel } from '../domain/order.js';
import type { Random } from '../domain/random.js';

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
}

export interface RunState {
  mode: RunMode;
  queue: RunItem[];
  /** Index into queue of the next question. */
  index: number;
  results: RunResult[];
}

export function startRun(mode: RunMode, questions: readonly Question[]): RunState {
  return { mode, queue: questions.map((question) => ({ question, retry: false })), index: 0, results: [] };
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
  const queue = [...state.queue];
  const index = state.index + 1;
  if (state.mode === 'review' && !result.correct) {
    const after = queue.length - index;
    if (after >= 1) {
      const asked = queue.filter((item) => item.question.factId === result.question.factId).map((item) => item.question);
      const again = pickAnotherQuestion(deck, result.question.factId, asked, random);
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
  const queue = last.inserted === undefined ? state.queue : state.queue.filter((item) => item !== last.inserted);
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
