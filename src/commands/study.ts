// `factdeck study`: spaced-repetition flashcards. Due cards first (earliest first), then new facts up to the
// day's limit; flip, rate Again/Hard/Good/Easy, undo the last rating exactly. Each rating is saved as it is
// given. --cram goes through cards without touching the schedule. The run's seed orders --cram and shuffles
// the choices and items on card fronts, as a quiz's seed does.

import { newId } from '../new-id.js';
import { sentenceFinder } from '../domain/article.js';
import type { Fact, LoadedDeck } from '../domain/deck.js';
import { createRandom } from '../domain/random.js';
import { presentQuestion, type PresentedQuestion } from '../domain/selection.js';
import { formatInterval, previewRatings, type RatingName } from '../scheduling/fsrs.js';
import { buildStudyQueue, dueLaterToday } from '../scheduling/study-queue.js';
import { cardOf, cardsFor, firstReviewTimes, ratingEvent, schedulerSettings, settingsFor, suspendEvent, undoEvent } from '../storage/progress.js';
import { isLastOfFact, suspendedIds } from '../domain/suspension.js';
import type { ReviewRecord } from '../storage/schema.js';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { StoppedError } from '../errors.js';
import { savedSoFar } from '../storage/errors.js';
import { END } from '../ui/asker.js';
import { isPromptExit } from '../ui/prompt-exit.js';
import { frontQuestion, renderCardSides } from '../ui/render-study.js';
import { renderHeader } from '../ui/render-quiz.js';
import { createPlainStudyAsker, createTerminalStudyAsker, type StudyAsker } from '../ui/study-asker.js';
import { createStyle } from '../ui/style.js';
import { printable } from '../ui/printable.js';
import { wrapText } from '../ui/wrap.js';
import { openDeck } from './open-deck.js';
import { activeOutline, deckPicker, pickSeed } from './quiz.js';
import { checkProfile, keyGuardMs, requireTerminalOrPlain, terminalWidth, withStore, type ProgressOptions } from './run-session.js';
import type { Store } from '../storage/store.js';

export interface StudyOptions extends ProgressOptions {
  deck?: string;
  new?: number;
  cram?: boolean;
  seed?: number;
}

const RATING_LABEL: Record<RatingName, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

/** Learning cards due within this long are waited for, with a countdown (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** "14:05": a local time of day, to come back at. */
function clockTime(ms: number): string {
  const at = new Date(ms);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

export async function studyCommand(context: Context, options: StudyOptions): Promise<void> {
  const profile = checkProfile(options.profile);
  // A wrong --deck is said before a missing terminal: it is the first thing to fix.
  const loaded = await openDeck(context, options.deck, deckPicker(context, options), options);
  requireTerminalOrPlain(context, options, 'study');
  await withStore(context, options, (store) => studyRun(context, options, profile, loaded, store), loaded.outline.id);
}

async function studyRun(context: Context, options: StudyOptions, profile: string, loaded: LoadedDeck, store: Store): Promise<void> {
  // Queued from the deck's outline; each card's fact and questions are read in full when it is shown.
  // Suspended questions (and the cards of facts left with none) stay out; one suspended here leaves too.
  let deck = activeOutline(store, profile, loaded);
  let suspended = suspendedIds(store.data().suspended, profile, deck.id);
  const style = createStyle(context.color && !options.plain);
  const width = options.plain ? undefined : terminalWidth(context);
  const asker: StudyAsker = options.plain
    ? createPlainStudyAsker(promptContext(context))
    : createTerminalStudyAsker(promptContext(context), keyGuardMs(context));
  const sentenceOf = sentenceFinder(loaded.article, (id) => loaded.sourceOf(id));
  const settings = settingsFor(store.data(), profile);
  const newPerDay = options.new ?? settings.newPerDay;

  const seed = pickSeed(options.seed);
  const random = createRandom(seed);
  let queue: string[];
  if (options.cram) {
    const asked = new Set(deck.questions.map((q) => q.factId));
    const withQuestions = deck.facts.filter((fact) => asked.has(fact.id)).map((fact) => fact.id);
    queue = random.shuffle(withQuestions);
  } else {
    const planned = buildStudyQueue(deck, cardsFor(store.data(), profile, deck.id), firstReviewTimes(store.data(), profile, deck.id), context.now(), {
      newPerDay,
      dayStartHour: settings.dayStartHour,
    });
    queue = [...planned.due, ...planned.fresh];
    writeLine(context.stdout, renderHeader(printable(deck.title, { singleLine: true }), `Study · ${planned.due.length} due · ${planned.fresh.length} new · profile ${profile} · seed ${seed}`, style, width));
  }
  if (options.cram) writeLine(context.stdout, renderHeader(printable(deck.title, { singleLine: true }), `Cram · ${queue.length} cards · the schedule is not changed · seed ${seed}`, style, width));
  // Each card's front, shuffled once: a card shown again (after Again or an undo) keeps its order.
  const fronts = new Map<string, PresentedQuestion | null>();
  const frontOf = (factId: string, fact: Fact): PresentedQuestion | null => {
    if (!fronts.has(factId)) {
      const question = frontQuestion(fact, loaded.questionsOf(factId).filter((q) => !suspended.has(q.id)));
      fronts.set(factId, question === null ? null : presentQuestion(question, random));
    }
    return fronts.get(factId) ?? null;
  };

  /** The next card due today within the learn-ahead limit, if any. */
  const nextLearning = (): { factId: string; due: number } | undefined => {
    if (options.cram) return undefined;
    const now = context.now().getTime();
    return dueLaterToday(deck, cardsFor(store.data(), profile, deck.id), context.now(), settings.dayStartHour).find((card) => card.due - now <= LEARN_AHEAD_MS);
  };
  /** "The next card is due in 3h (at 14:05)." or nothing. */
  const comeBack = (): string => {
    const cards = [...cardsFor(store.data(), profile, deck.id).values()];
    const next = cards.map((c) => Date.parse(c.due)).sort((a, b) => a - b)[0];
    const now = context.now().getTime();
    if (next === undefined) return '';
    if (next <= now) return ' More cards are due now: run study again.';
    return ` The next card is due in ${formatInterval(next - now)}${next - now < 86_400_000 ? ` (at ${clockTime(next)})` : ''}: come back then.`;
  };

  if (queue.length === 0 && nextLearning() === undefined) {
    const fresh = newPerDay === 0 ? 'no new cards today (--new 0)' : `today's ${newPerDay} new card${newPerDay === 1 ? ' is' : 's are'} done`;
    writeLine(context.stdout, wrapText(`Nothing to study now: no card is due and ${fresh}.${comeBack()}`, width));
    return;
  }

  const undoStack: { review: ReviewRecord | null; factId: string; rating: RatingName; requeued: boolean }[] = [];
  /** Ratings that can no longer be undone (the card was rated since by another process). */
  let settled = 0;
  const tally: Record<RatingName, number> = { again: 0, hard: 0, good: 0, easy: 0 };
  let stopped: 'quit' | 'interrupt' | null = null;
  try {
    for (;;) {
      if (queue.length === 0) {
        // Only learning steps minutes away are left: wait for the next one, as Anki does.
        const next = nextLearning();
        if (next === undefined) break;
        writeLine(context.stdout);
        const waited = await asker.wait('The next card (learning)', Math.max(0, next.due - context.now().getTime()));
        if (waited === null) break;
        if (waited === 'quit') {
          stopped = 'quit';
          break;
        }
        queue.push(next.factId);
      }
      const factId = queue.shift() as string;
      const fact = loaded.fact(factId);
      if (!fact) continue;
      const now = context.now();
      const card = cardOf(store.data(), profile, deck.id, factId);
      const sentence = sentenceOf(fact);
      const shown = frontOf(factId, fact);
      const front = shown?.question ?? null;
      const sides = renderCardSides(fact, shown, sentence, style, asker.plain || !context.color);
      const done = undoStack.length + settled;
      const label = options.cram ? 'cram' : card === null ? 'new' : card.state;
      writeLine(context.stdout);
      const action = await asker.show({
        header: `Card ${done + 1} of ${done + queue.length + 1} · ${label}`,
        front: sides.front,
        back: sides.back,
        intervals: previewRatings(card, now, schedulerSettings(settings)),
        canUndo: undoStack.length > 0,
        canSuspend: front !== null,
        cram: options.cram === true,
      });
      if (action === END) break;
      if (action.action === 'quit') {
        stopped = 'quit';
        break;
      }
      if (action.action === 'undo') {
        const last = undoStack.pop();
        if (!last) {
          queue.unshift(factId);
          continue;
        }
        const review = last.review;
        if (review !== null) {
          const undone = await store.record((data) => {
            const undo = undoEvent(data, review, context.now());
            return undo === null ? [] : [undo];
          });
          if (undone.length === 0) {
            // Another factdeck rated this card since: its saved rating must stand, so this one stays too.
            settled++;
            queue.unshift(factId);
            writeLine(context.stdout, style.yellow('Not undone: this card was rated again since, in another factdeck window; that rating stands.'));
            continue;
          }
        }
        tally[last.rating]--;
        if (last.requeued) {
          const again = queue.lastIndexOf(last.factId);
          if (again !== -1) queue.splice(again, 1);
        }
        queue.unshift(last.factId, factId);
        writeLine(context.stdout, style.yellow('Undone: the last rating was taken back.'));
        continue;
      }
      if (action.action === 'suspend') {
        if (front === null) continue;
        const last = isLastOfFact(loaded.outline, suspended, front);
        await store.record(() => [suspendEvent('suspend', profile, deck.id, front, context.now())]);
        deck = activeOutline(store, profile, loaded);
        suspended = suspendedIds(store.data().suspended, profile, deck.id);
        fronts.delete(factId);
        // Its other questions may come back another day; this run moves on.
        const card = last ? " It was its fact's last question: the card is suspended too." : ' The card stays, with its other questions.';
        writeLine(context.stdout, style.yellow(`Suspended: this question will not be asked again (\`factdeck unsuspend\` brings it back).${card}`));
        continue;
      }
      const { rating } = action;
      tally[rating]++;
      let review: ReviewRecord | null = null;
      if (!options.cram) {
        const [event] = await store.record((data) => [ratingEvent(data, { id: newId(), profile, deckId: deck.id, factId, rating, now, attemptId: null, source: 'study' })]);
        review = event?.type === 'review' ? event.review : null;
      }
      // Again: the card comes back later in this run (its learning step), after a few others.
      const requeued = rating === 'again';
      if (requeued) queue.splice(Math.min(3, queue.length), 0, factId);
      undoStack.push({ review, factId, rating, requeued });
      const after = cardOf(store.data(), profile, deck.id, factId);
      const next = options.cram || !after ? '' : `: next in ${formatInterval(Date.parse(after.due) - now.getTime())}`;
      writeLine(context.stdout, `${RATING_LABEL[rating]}${next}${options.cram ? '' : ' (saved)'}`);
    }
  } catch (error) {
    // A failed save after ratings were saved says how many were (each rating is saved when given).
    if (!isPromptExit(error)) throw options.cram ? error : savedSoFar(error, undoStack.filter((entry) => entry.review !== null).length + settled, 'rating', 'This change');
    stopped = 'interrupt';
  } finally {
    asker.close();
  }
  const rated = undoStack.length + settled;
  const summary = `${rated} card${rated === 1 ? '' : 's'} rated (again ${tally.again}, hard ${tally.hard}, good ${tally.good}, easy ${tally.easy})${options.cram ? ', schedule unchanged' : ', all saved'}.`;
  if (stopped === 'interrupt') throw new StoppedError(`\nStopped: ${summary}`);
  writeLine(context.stdout);
  writeLine(context.stdout, wrapText(`${stopped === 'quit' ? 'Stopped' : 'Done'}: ${summary}${options.cram ? '' : comeBack()}`, width));
}
