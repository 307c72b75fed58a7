// The loop shared by `quiz` and `review`: ask, grade, save the attempt, and only then show feedback.
// Every answer is on disk before the learner sees whether it was right, so Ctrl+C, a closed terminal or a
// killed process loses nothing acknowledged. Decisions are the core's (selection, grading, run state);
// this module does the I/O around them.

import { homedir } from 'node:os';
import { nanoid } from 'nanoid';
import { findQuoteSentence, splitSentences } from '../domain/article.js';
import { factsById, isTypedQuestion, type LoadedDeck, type Question } from '../domain/deck.js';
import type { Random } from '../domain/random.js';
import { presentQuestion } from '../domain/selection.js';
import { gradeAnswer, type Given } from '../grading/grade-answer.js';
import {
  claimLastAnswer,
  currentItem,
  dropQuestion,
  progress,
  recordAnswer,
  startRun,
  stopRun,
  summarizeRun,
  type RunMode,
  type RunState,
} from '../session/run-state.js';
import { resolveDataDir } from '../storage/data-dir.js';
import { ratingEvent, reRatedEvent, suspendEvent, undoEvent } from '../storage/progress.js';
import { isLastOfFact, suspendedIds, withoutSuspended } from '../domain/suspension.js';
import type { HistoryEvent } from '../storage/history.js';
import { ratingForAnswer } from '../scheduling/fsrs.js';
import type { DatabaseData, ReviewRecord, SessionRecord } from '../storage/schema.js';
import { isProcessAlive } from '../storage/durable-file.js';
import { fileSystemFor } from '../storage/instrumented-fs.js';
import { Store } from '../storage/store.js';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { StoppedError, UsageError } from '../errors.js';
import { createPlainAsker, createTerminalAsker, END, SUSPEND_LAST, type Asker } from '../ui/asker.js';
import { DONT_KNOW } from '../ui/dont-know.js';
import { printable } from '../ui/printable.js';
import { isPromptExit } from '../ui/prompt-exit.js';
import { renderFeedback, renderHeader, renderProgress, renderSummary } from '../ui/render-quiz.js';
import { createStyle } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';

export interface ProgressOptions {
  data?: string;
  profile: string;
  plain?: boolean;
}

export function checkProfile(profile: string): string {
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u.test(profile)) {
    throw new UsageError(`--profile ${JSON.stringify(printable(profile, { singleLine: true }))} is not a usable name`, 'use up to 40 letters, digits, spaces, dots, hyphens or underscores');
  }
  return profile;
}

export function dataDirFor(context: Context, options: { data?: string }): string {
  return resolveDataDir({ flag: options.data, env: context.env, packageRoot: context.root, homeDir: homedir(), cwd: context.cwd }).dir;
}

/** The store of a command that only looks: nothing written (see StoreOptions.readOnly). */
export async function readStore(context: Context, options: { data?: string }): Promise<Store> {
  return Store.open(dataDirFor(context, options), { readOnly: true, fs: fileSystemFor(context.env) });
}

export async function openStore(context: Context, options: { data?: string }): Promise<Store> {
  const checkpointEvery = Number(context.env.FACTDECK_CHECKPOINT_EVERY);
  return Store.open(dataDirFor(context, options), {
    now: context.now,
    onLockWait: (lockFile) => {
      context.stderr.write(`Waiting for another factdeck to finish saving (or for the lock ${lockFile}, left by one that was killed, to go stale: up to 10 s)...\n`);
    },
    fs: fileSystemFor(context.env),
    ...(Number.isSafeInteger(checkpointEvery) && checkpointEvery > 0 ? { checkpointEvery } : {}),
  });
}

/**
 * Opens the store, runs `work`, and closes the store. When `work` fails, its error is the one reported:
 * a close that fails too (a full disk fails both) must not replace it with a different story.
 */
export async function withStore<R>(context: Context, options: { data?: string }, work: (store: Store) => Promise<R>): Promise<R> {
  const store = await openStore(context, options);
  let result: R;
  try {
    result = await work(store);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  await store.close();
  return result;
}

/** Refuses an interactive run without a terminal, at once, instead of hanging on a prompt. */
export function requireTerminalOrPlain(context: Context, options: { plain?: boolean }, command: string): void {
  if (!options.plain && !context.interactive) {
    throw new UsageError(`${command} needs a terminal; for pipes and scripts use \`factdeck ${command} --plain\``);
  }
}

export function createAsker(context: Context, options: { plain?: boolean }): Asker {
  const streams = promptContext(context);
  return options.plain ? createPlainAsker(streams) : createTerminalAsker(streams);
}

/** The learner's own accepted answers for each question of a deck ("I was right" claims). */
function aliasesFor(store: Store, profile: string, deckId: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const alias of store.data().aliases) {
    if (alias.profile !== profile || alias.deckId !== deckId) continue;
    map.set(alias.questionId, [...(map.get(alias.questionId) ?? []), alias.text]);
  }
  return map;
}

function toGiven(answer: unknown): Given {
  return answer === DONT_KNOW ? null : (answer as Given);
}

export interface SessionPlan {
  mode: RunMode;
  deck: LoadedDeck;
  questions: Question[];
  seed: number;
  random: Random;
  profile: string;
}

/** `work`, unless `first` fails before it is done: then `first`'s error. */
function unlessFails<T>(work: Promise<T>, first: Promise<unknown>): Promise<T> {
  work.catch(() => undefined); // Left unawaited when `first` fails first.
  return Promise.race([work, first.then(() => work)]);
}

/** Runs a planned quiz or review to its end (or until input ends or the learner quits). */
export async function runSession(context: Context, store: Store, asker: Asker, plan: SessionPlan): Promise<void> {
  const style = createStyle(context.color && !asker.plain);
  // Without colour, quotes and answers are marked with «» and ** so they still stand out.
  const markPlain = asker.plain || !context.color;
  // In a terminal, paragraphs are wrapped at its width; plain mode leaves lines whole for readers.
  const fit = (text: string): string => (asker.plain ? text : wrapText(text, Math.min(context.stdout.columns ?? 100, 100) - 1));
  const { deck } = plan.deck;
  const facts = factsById(deck);
  const sentences = plan.deck.article === null ? [] : splitSentences(plan.deck.article);
  const aliases = aliasesFor(store, plan.profile, deck.id);
  const sessionId = nanoid();
  const startedAt = context.now();

  const session: SessionRecord = {
    id: sessionId,
    profile: plan.profile,
    deckId: deck.id,
    mode: plan.mode,
    startedAt: startedAt.toISOString(),
    endedAt: null,
    status: 'active',
    correct: 0,
    answered: 0,
    planned: plan.questions.length,
    seed: plan.seed,
    pid: process.pid,
  };
  // The session is saved while the learner reads the first question (the first question comes sooner);
  // every later save waits for it first, so a failure here is reported before anything else is claimed.
  const sessionSaved = store.record((data) => [
    // Runs of this profile left active by a killed process (their answers are saved) are closed now.
    ...data.sessions
      .filter((s) => s.status === 'active' && s.profile === plan.profile && s.pid !== undefined && s.pid !== process.pid && !isProcessAlive(s.pid))
      .map((s): HistoryEvent => ({ type: 'session', session: { ...s, status: 'abandoned', endedAt: s.endedAt ?? startedAt.toISOString() } })),
    { type: 'session', session },
  ]);
  sessionSaved.catch(() => undefined); // Reported where awaited: the first question and every save.
  const save = async (build: (data: DatabaseData) => HistoryEvent[]): Promise<HistoryEvent[]> => {
    await sessionSaved;
    return store.record(build);
  };
  const endSession = (data: { sessions: SessionRecord[] }, status: SessionRecord['status']): HistoryEvent[] => {
    const current = data.sessions.find((s) => s.id === sessionId) ?? session;
    const { pid: _pid, ...ended } = current;
    return [{ type: 'session', session: { ...ended, status, endedAt: context.now().toISOString() } }];
  };

  // Questions suspended for this profile stay out of the run, and so does one suspended during it.
  const suspended = suspendedIds(store.data().suspended, plan.profile, deck.id);
  let runDeck = withoutSuspended(deck, suspended);
  const suspend = async (question: Question): Promise<void> => {
    if (suspended.has(question.id)) {
      writeLine(context.stdout, 'That question is already suspended.');
      return;
    }
    const last = isLastOfFact(deck, suspended, question);
    await save(() => [suspendEvent('suspend', plan.profile, deck.id, question, context.now())]);
    suspended.add(question.id);
    runDeck = withoutSuspended(deck, suspended);
    state = dropQuestion(state, question.id);
    const card = last ? " It was its fact's last question: the fact's card is suspended too." : '';
    writeLine(context.stdout, style.yellow(fit(`Suspended: this question will not be asked again (\`factdeck unsuspend\` brings it back).${card}`)));
  };

  const cardOf = (question: Question): { profile: string; deckId: string; factId: string } => ({ profile: plan.profile, deckId: deck.id, factId: question.factId });
  let state: RunState = startRun(plan.mode, plan.questions);
  const title = printable(deck.title, { singleLine: true });
  const what = plan.mode === 'quiz' ? 'Quiz' : 'Review of missed facts';
  writeLine(context.stdout, renderHeader(title, `${what} · ${plan.questions.length} question${plan.questions.length === 1 ? '' : 's'} · profile ${plan.profile} · seed ${plan.seed}`, style));

  let stopped: 'quit' | 'interrupt' | null = null;
  const finish = async (status: 'finished' | 'abandoned'): Promise<void> => {
    await save((data) => endSession(data, status));
  };

  try {
    for (let item = currentItem(state); item !== null; item = currentItem(state)) {
      const presented = presentQuestion(item.question, plan.random);
      const { number, total } = progress(state);
      writeLine(context.stdout);
      if (!asker.plain) writeLine(context.stdout, renderProgress(number, total, style, item.retry));
      const askedAt = context.now().getTime();
      // Until the session is known to be saved, its failure ends the wait for an answer at once.
      const answer = await unlessFails(asker.ask(presented, number, total, item.retry), sessionSaved);
      if (answer === END) {
        state = stopRun(state);
        break;
      }
      if (answer === SUSPEND_LAST) {
        // Plain mode's `:x`: the question answered before this one; then this one is asked again.
        const last = state.results.at(-1);
        if (last === undefined) writeLine(context.stdout, 'Nothing to suspend yet: `:x` suspends the question answered just before.');
        else await suspend(last.question);
        continue;
      }
      const given = toGiven(answer);
      const ms = Math.max(0, context.now().getTime() - askedAt);
      const question = item.question;
      const verdict = gradeAnswer(question, given, aliases.get(question.id) ?? []);
      const attemptId = nanoid();
      const answeredAt = context.now();
      const recorded = await save((data) => [
        {
          type: 'attempt',
          attempt: {
            id: attemptId,
            sessionId,
            profile: plan.profile,
            deckId: deck.id,
            questionId: question.id,
            factId: question.factId,
            kind: question.kind,
            given,
            correct: verdict.correct,
            at: answeredAt.toISOString(),
            ms,
          },
        },
        // The fact's memory card learns from the answer in the same save.
        ratingEvent(data, { ...cardOf(question), id: nanoid(), rating: ratingForAnswer(verdict.correct, verdict.typo, ms), now: answeredAt, attemptId, source: plan.mode }),
      ]);
      const review = recorded.find((event): event is Extract<HistoryEvent, { type: 'review' }> => event.type === 'review')?.review as ReviewRecord;
      state = recordAnswer(state, { question, given, correct: verdict.correct, ms, attemptId, claimed: false }, runDeck, plan.random);

      const fact = facts.get(question.factId);
      const sentence = fact ? findQuoteSentence(sentences, fact.quote)?.text ?? null : null;
      writeLine(context.stdout, fit(renderFeedback({ correct: verdict.correct, typo: verdict.typo, dontKnow: given === null, question, fact, sentence }, style, asker.plain, markPlain)));

      const canClaim = isTypedQuestion(question) && !verdict.correct && typeof given === 'string' && given.trim() !== '';
      const next = await asker.afterFeedback(canClaim);
      if (next === 'claim' && canClaim) {
        await save((data) => [
          { type: 'claim', attemptId, sessionId, profile: plan.profile, deckId: deck.id, questionId: question.id, factId: question.factId, kind: question.kind, text: given as string, at: context.now().toISOString() },
          // Re-rate the card as if the answer had been judged right in the first place.
          undoEvent(review, context.now()),
          reRatedEvent(data, review, 'good', nanoid()),
        ]);
        aliases.set(question.id, [...(aliases.get(question.id) ?? []), given as string]);
        state = claimLastAnswer(state);
        writeLine(context.stdout, style.green(`Counted as right. "${printable(given as string, { singleLine: true })}" will be accepted from now on.`));
      } else if (next === 'suspend') {
        await suspend(question);
      } else if (next === 'quit') {
        stopped = 'quit';
        state = stopRun(state);
        break;
      }
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    stopped = 'interrupt';
  } finally {
    asker.close();
  }

  const answered = state.results.length;
  if (stopped === 'interrupt') {
    await finish('abandoned');
    throw new StoppedError(`\nStopped: ${answered} answer${answered === 1 ? '' : 's'} saved.`);
  }
  await finish(stopped === 'quit' || answered < plan.questions.length ? 'abandoned' : 'finished');
  const summary = summarizeRun(state, deck, context.now().getTime() - startedAt.getTime());
  writeLine(context.stdout);
  if (stopped === 'quit') writeLine(context.stdout, `Stopped: ${answered} answer${answered === 1 ? '' : 's'} saved.`);
  writeLine(context.stdout, fit(renderSummary(summary, plan.mode, style)));
}
