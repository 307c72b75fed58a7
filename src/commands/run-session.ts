// The loop shared by `quiz` and `review`: ask, grade, save the attempt, and only then show feedback.
// Every answer is on disk before the learner sees whether it was right, so Ctrl+C, a closed terminal or a
// killed process loses nothing acknowledged. Decisions are the core's (selection, grading, run state);
// this module does the I/O around them.

import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { newId } from '../new-id.js';
import { sentenceFinder } from '../domain/article.js';
import { isTypedQuestion, type Fact, type LoadedDeck, type Question } from '../domain/deck.js';
import type { Random } from '../domain/random.js';
import { presentQuestion, type PresentedQuestion } from '../domain/selection.js';
import { gradeAnswer, type Given } from '../grading/grade-answer.js';
import { deckVocabulary, eitherWordCheck } from '../grading/real-words.js';
import { englishWordCheck } from '../english-words.js';
import {
  claimLastAnswer,
  currentItem,
  dropQuestion,
  progress,
  recordAnswer,
  startRun,
  stopRun,
  summarizeRun,
  undoLastAnswer,
  type LearnPool,
  type RunItem,
  type RunMode,
  type RunState,
} from '../session/run-state.js';
import { resolveDataDir } from '../storage/data-dir.js';
import { factProgressBefore, factProgressFor, ratingEvent, reRatedEvent, suspendEvent, undoAnswerEvent, undoEvent, type AnswerUndo } from '../storage/progress.js';
import { historyFromProgress, missedFactIds } from '../domain/history.js';
import { stageCounts } from '../domain/learn.js';
import { commandLine, type CommandScope } from '../command-line.js';
import { isLastOfFact, suspendedIds } from '../domain/suspension.js';
import type { HistoryEvent } from '../storage/history.js';
import { ratingForAnswer } from '../scheduling/fsrs.js';
import type { DatabaseData, FactProgress, ReviewRecord, SessionRecord } from '../storage/schema.js';
import type { LockHolder } from '../storage/database-lock.js';
import { livenessOf, thisProcess } from '../storage/process-identity.js';
import { fileSystemFor } from '../storage/instrumented-fs.js';
import { savedSoFar } from '../storage/errors.js';
import { Store, type StoreOptions } from '../storage/store.js';
import type { Context } from '../context.js';
import type { OpenedDeck } from './open-deck.js';
import { promptContext, writeLine } from '../context.js';
import { StoppedError, UsageError } from '../errors.js';
import { createPlainAsker, createTerminalAsker, END, SUSPEND_LAST, type Asker } from '../ui/asker.js';
import { DONT_KNOW, LEAVE } from '../ui/dont-know.js';
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

/**
 * The store of a command that only looks: nothing written (see StoreOptions.readOnly). `decks`: only these
 * decks' lists are wanted (a file this build wrote then parses their sections only).
 */
export async function readStore(context: Context, options: { data?: string }, decks?: readonly string[]): Promise<Store> {
  return Store.open(dataDirFor(context, options), { readOnly: true, fs: fileSystemFor(context.env), ...(decks === undefined ? {} : { decks }) });
}

/**
 * `tuning`: a command that records a great many events at once (an import) checkpoints less often (its
 * `checkpointEvery` is a default, FACTDECK_CHECKPOINT_EVERY wins); one that deletes progress takes a
 * backup whatever the schedule (`backupEveryMs: 0`).
 */
export async function openStore(context: Context, options: { data?: string }, tuning: Pick<StoreOptions, 'checkpointEvery' | 'checkpointBytes' | 'backupEveryMs' | 'decks'> = {}): Promise<Store> {
  const checkpointEvery = Number(context.env.FACTDECK_CHECKPOINT_EVERY);
  const defaultCheckpointEvery = tuning.checkpointEvery;
  return Store.open(dataDirFor(context, options), {
    ...(tuning.checkpointBytes === undefined ? {} : { checkpointBytes: tuning.checkpointBytes }),
    ...(tuning.backupEveryMs === undefined ? {} : { backupEveryMs: tuning.backupEveryMs }),
    ...(tuning.decks === undefined ? {} : { decks: tuning.decks }),
    now: context.now,
    onLockWait: (lockFile, holder) => {
      context.stderr.write(`${lockWaitNotice(lockFile, holder)}\n`);
    },
    onWarning: (message) => {
      context.stderr.write(`factdeck: warning: ${printable(message, { singleLine: true })}\n`);
    },
    fs: fileSystemFor(context.env),
    ...(Number.isSafeInteger(checkpointEvery) && checkpointEvery > 0 ? { checkpointEvery } : defaultCheckpointEvery === undefined ? {} : { checkpointEvery: defaultCheckpointEvery }),
  });
}

/** Why a save waits for the lock, in one line: who holds it, and how long the wait can last. */
export function lockWaitNotice(lockFile: string, holder: LockHolder): string {
  const owner = holder.owner;
  const stale = 'it is taken over once it goes 10 s without a refresh';
  switch (holder.liveness) {
    case 'alive':
      return `Waiting for another factdeck (process ${owner?.pid ?? '?'}) to finish saving...`;
    case 'unseen':
      return `Waiting for the lock ${printable(lockFile, { singleLine: true })}: its holder, process ${owner?.pid ?? '?'} of this machine, cannot be seen from here (it runs in another PID namespace, such as another container), so whether it is still running cannot be told; ${stale}...`;
    case 'other-host':
      return `Waiting for the lock ${printable(lockFile, { singleLine: true })}, held by factdeck on ${printable(owner?.host ?? '?', { singleLine: true })} (a shared folder): ${stale}...`;
    default:
      return `Waiting for another factdeck to finish saving (or for the lock ${printable(lockFile, { singleLine: true })}, left by one that was killed, to go stale: up to 10 s)...`;
  }
}

/**
 * Opens the store, runs `work`, and closes the store. When `work` fails, its error is the one reported:
 * a close that fails too (a full disk fails both) must not replace it with a different story. `deck`: the
 * one deck a run looks at (quiz, review, study), whose records alone are read at open (StoreOptions.decks).
 */
export async function withStore<R>(context: Context, options: { data?: string }, work: (store: Store) => Promise<R>, deck?: string): Promise<R> {
  const store = await openStore(context, options, deck === undefined ? {} : { decks: [deck] });
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

/** The width to wrap a terminal's text at, read each time (the window can be resized): at most 100. */
export function terminalWidth(context: Context): number {
  return Math.min(context.stdout.columns ?? 100, 100) - 1;
}

/** Refuses an interactive run without a terminal, at once, instead of hanging on a prompt. */
export function requireTerminalOrPlain(context: Context, options: { plain?: boolean }, command: string): void {
  if (!options.plain && !context.interactive) {
    throw new UsageError(`${command} needs a terminal; for pipes and scripts use \`factdeck ${command} --plain\``);
  }
}

/** The --data, --deck and --profile of a run, for the commands it suggests (so they work when pasted). */
export function scopeOf(context: Context, options: { data?: string; profile: string }, deck?: Pick<OpenedDeck, 'argument'>): CommandScope {
  return { data: options.data === undefined ? undefined : resolve(context.cwd, options.data), deck: deck?.argument, profile: options.profile };
}

/** FACTDECK_KEY_GUARD_MS: tests set the key guard long, to show deterministically what it ignores. */
export function keyGuardMs(context: Context): number | undefined {
  const guard = Number(context.env.FACTDECK_KEY_GUARD_MS);
  return context.env.FACTDECK_KEY_GUARD_MS !== undefined && Number.isSafeInteger(guard) && guard >= 0 ? guard : undefined;
}

export function createAsker(context: Context, options: { plain?: boolean }): Asker {
  const streams = promptContext(context);
  return options.plain ? createPlainAsker(streams) : createTerminalAsker(streams, keyGuardMs(context));
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
  /** The --data, --deck and --profile of this run, for the commands the summary suggests. */
  scope: CommandScope;
  /** Learn mode: the questions the run may ask, by fact (its facts move up to recall within the run). */
  learn?: LearnPool;
  /** Said in the header after the seed (learn mode, --order). */
  tags?: string;
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
  const width = (): number | undefined => (asker.plain ? undefined : terminalWidth(context));
  const fit = (text: string): string => wrapText(text, width());
  // The deck's outline; each fact is read in full when its feedback is shown.
  const deck = plan.deck.outline;
  const factOf = (id: string): Fact | undefined => plan.deck.fact(id);
  const sentenceOf = sentenceFinder(plan.deck.article, (id) => plan.deck.sourceOf(id));
  const aliases = aliasesFor(store, plan.profile, deck.id);
  // A typo is forgiven only when the typed word is no real word: the deck's own words, then English. Both
  // are made at the first typo, so a run that meets none never reads the word list.
  const isRealWord = eitherWordCheck(
    () => {
      // The deck's own words need its texts: the whole deck is read at the first typo only.
      const vocabulary = deckVocabulary(plan.deck.deck, plan.deck.article);
      return (word) => vocabulary.has(word);
    },
    englishWordCheck(context.root, (error) => {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      context.stderr.write(`factdeck: the English word list could not be read (${printable(why ?? '', { singleLine: true })}); typos are checked against this deck's words only. Reinstall factdeck (npm install) to bring it back.\n`);
    }),
  );
  const sessionId = newId();
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
    pidScope: thisProcess().scope,
  };
  // The session is saved while the learner reads the first question (the first question comes sooner);
  // every later save waits for it first, so a failure here is reported before anything else is claimed.
  const sessionSaved = store.record((data) => [
    // Runs of this profile left active by a killed process (their answers are saved) are closed now.
    ...data.sessions
      .filter((s) => s.status === 'active' && s.profile === plan.profile && s.pid !== undefined && livenessOf({ pid: s.pid, scope: s.pidScope }) === 'gone')
      .map((s): HistoryEvent => ({ type: 'session', session: { ...s, status: 'abandoned', endedAt: s.endedAt ?? startedAt.toISOString() } })),
    { type: 'session', session },
  ]);
  sessionSaved.catch(() => undefined); // Reported where awaited: the first question and every save.
  /** `what`: the save, for a failure after answers of this run were saved ("This answer was not saved; the 2 answers before it are"). */
  const save = async (build: (data: DatabaseData) => HistoryEvent[], what = 'This change'): Promise<HistoryEvent[]> => {
    await sessionSaved;
    try {
      return await store.record(build);
    } catch (error) {
      throw savedSoFar(error, state.results.length, 'answer', what);
    }
  };
  const endSession = (data: { sessions: SessionRecord[] }, status: SessionRecord['status']): HistoryEvent[] => {
    const current = data.sessions.find((s) => s.id === sessionId) ?? session;
    const { pid: _pid, pidScope: _scope, ...ended } = current;
    return [{ type: 'session', session: { ...ended, status, endedAt: context.now().toISOString() } }];
  };

  // Questions suspended for this profile stay out of the run, and so does one suspended during it.
  const suspended = suspendedIds(store.data().suspended, plan.profile, deck.id);
  const suspend = async (question: Question): Promise<void> => {
    if (suspended.has(question.id)) {
      writeLine(context.stdout, 'That question is already suspended.');
      return;
    }
    const last = isLastOfFact(deck, suspended, question);
    await save(() => [suspendEvent('suspend', plan.profile, deck.id, question, context.now())]);
    suspended.add(question.id);
    state = dropQuestion(state, question.id);
    const card = last ? " It was its fact's last question: the fact's card is suspended too." : '';
    writeLine(context.stdout, style.yellow(fit(`Suspended: this question will not be asked again (\`factdeck unsuspend\` brings it back).${card}`)));
  };

  const cardOf = (question: Question): { profile: string; deckId: string; factId: string } => ({ profile: plan.profile, deckId: deck.id, factId: question.factId });
  let state: RunState = startRun(plan.mode, plan.questions, plan.learn);
  const title = printable(deck.title, { singleLine: true });
  const what = plan.mode === 'quiz' ? 'Quiz' : 'Review of missed facts';
  writeLine(context.stdout, renderHeader(title, `${what} · ${plan.questions.length} question${plan.questions.length === 1 ? '' : 's'} · profile ${plan.profile} · seed ${plan.seed}${plan.tags ?? ''}`, style, width()));

  let stopped: 'quit' | 'interrupt' | null = null;
  const finish = async (status: 'finished' | 'abandoned'): Promise<void> => {
    await save((data) => endSession(data, status), 'The end of the run');
  };

  try {
    // An answer taken back is asked again as it was shown (the same choices in the same order).
    const shown = new Map<RunItem, PresentedQuestion>();
    for (let item = currentItem(state); item !== null; item = currentItem(state)) {
      const presented = shown.get(item) ?? presentQuestion(item.question, plan.random);
      shown.set(item, presented);
      const { number, total } = progress(state);
      writeLine(context.stdout);
      if (!asker.plain) writeLine(context.stdout, renderProgress(number, total, style, item.retry, width()));
      const askedAt = context.now().getTime();
      // Until the session is known to be saved, its failure ends the wait for an answer at once.
      const answer = await unlessFails(asker.ask(presented, number, total, item.retry), sessionSaved);
      if (answer === END || answer === LEAVE) {
        if (answer === LEAVE) stopped = 'quit';
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
      const verdict = gradeAnswer(question, given, aliases.get(question.id) ?? [], isRealWord);
      const attemptId = newId();
      const answeredAt = context.now();
      let factBefore: FactProgress | null = null;
      const recorded = await save((data) => {
        factBefore = factProgressBefore(data, plan.profile, deck.id, question.factId);
        return [
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
          ratingEvent(data, { ...cardOf(question), id: newId(), rating: ratingForAnswer(verdict.correct, verdict.typo, ms), now: answeredAt, attemptId, source: plan.mode }),
        ];
      }, 'This answer');
      const review = recorded.find((event): event is Extract<HistoryEvent, { type: 'review' }> => event.type === 'review')?.review as ReviewRecord;
      // A review asks a missed fact again in another question of it (not a suspended one): only that fact's
      // questions are read.
      const sameFact = { get questions() { return plan.deck.questionsOf(question.factId).filter((q) => !suspended.has(q.id)); } };
      state = recordAnswer(state, { question, given, correct: verdict.correct, ms, attemptId, claimed: false }, sameFact, plan.random);

      const fact = factOf(question.factId);
      const sentence = fact ? sentenceOf(fact) : null;
      writeLine(
        context.stdout,
        fit(renderFeedback({ correct: verdict.correct, typo: verdict.typo, spelling: verdict.spelling, dontKnow: given === null, question, fact, sentence, given, options: presented.options }, style, asker.plain, markPlain)),
      );

      const canClaim = isTypedQuestion(question) && !verdict.correct && typeof given === 'string' && given.trim() !== '';
      const next = await asker.afterFeedback({ claim: canClaim, undo: true, suspend: true });
      if (next === 'claim' && canClaim) {
        await save((data) => {
          const claim: HistoryEvent = { type: 'claim', attemptId, sessionId, profile: plan.profile, deckId: deck.id, questionId: question.id, factId: question.factId, kind: question.kind, text: given as string, at: context.now().toISOString() };
          // Re-rate the card as if the answer had been judged right in the first place, unless another
          // process rated it since: its saved rating stands.
          const undo = undoEvent(data, review, context.now());
          return undo === null ? [claim] : [claim, undo, reRatedEvent(data, review, 'good', newId())];
        });
        aliases.set(question.id, [...(aliases.get(question.id) ?? []), given as string]);
        state = claimLastAnswer(state);
        writeLine(context.stdout, style.green(`Counted as right. "${printable(given as string, { singleLine: true })}" will be accepted from now on.`));
      } else if (next === 'undo') {
        const undo: AnswerUndo = { review, attempt: { id: attemptId, sessionId, kind: question.kind, correct: verdict.correct, at: answeredAt.toISOString() }, factBefore };
        let refused: string | null = null;
        await save((data) => {
          const made = undoAnswerEvent(data, undo, context.now());
          if ('refused' in made) {
            refused = made.refused;
            return [];
          }
          return [made.event];
        });
        if (refused === null) {
          state = undoLastAnswer(state);
          writeLine(context.stdout, fit(style.yellow('Undone: that answer was taken back, and its question comes again.')));
        } else {
          writeLine(context.stdout, fit(style.yellow(`Not undone: ${refused as string}.`)));
        }
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
  const answeredFacts = [...new Set(state.results.map((result) => result.question.factId))].flatMap((id) => factOf(id) ?? []);
  const summary = summarizeRun(state, { facts: answeredFacts }, context.now().getTime() - startedAt.getTime());
  // What is still missed after this run (review says so instead of "well done" when it stopped early).
  const after = historyFromProgress(deck, factProgressFor(store.data(), plan.profile, deck.id));
  const stillMissed = missedFactIds(deck, after).length;
  writeLine(context.stdout);
  if (stopped === 'quit') writeLine(context.stdout, `Stopped: ${answered} answer${answered === 1 ? '' : 's'} saved.`);
  writeLine(context.stdout, fit(renderSummary(summary, plan.mode, style, { stillMissed, review: commandLine('review', plan.scope) })));
  if (plan.learn !== undefined) {
    // Where learn mode has the deck's facts now: the ones this run took.
    const stages = stageCounts([...plan.learn.keys()], after);
    writeLine(context.stdout, fit(`Learn: ${stages.recall} of ${plan.learn.size} fact${plan.learn.size === 1 ? '' : 's'} now asked typed (recall), ${stages.recognition} with choices (recognition).`));
  }
}
