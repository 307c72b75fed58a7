// `factdeck review`: only the facts whose latest attempt was wrong, asked again in another kind of question,
// re-asked later in the run when missed again, until answered right.

import { historyFromProgress, missedFactIds } from '../domain/history.js';
import { createRandom } from '../domain/random.js';
import { selectReviewQuestions } from '../domain/selection.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { commandLine } from '../command-line.js';
import { printable } from '../ui/printable.js';
import { openDeck } from './open-deck.js';
import { activeOutline, checkKinds, checkOrder, deckPicker, dueTimes, pickSeed, sessionPlan, type QuizOptions } from './quiz.js';
import { factProgressFor } from '../storage/progress.js';
import { checkProfile, createAsker, scopeOf, requireTerminalOrPlain, runSession, withStore } from './run-session.js';

export type ReviewOptions = Omit<QuizOptions, 'count'> & { count?: number };

export async function reviewCommand(context: Context, options: ReviewOptions): Promise<void> {
  const profile = checkProfile(options.profile);
  const kinds = checkKinds(options.kind);
  // Every missed fact was answered, so none is new: --order new would mean nothing here.
  const order = checkOrder(options.order, ['due', 'hardest', 'random'], ' (new is for quiz: every missed fact has been answered)');
  // Learn mode is review's default: --no-learn turns it off.
  const learn = options.learn !== false;
  // A wrong --deck is said before a missing terminal: it is the first thing to fix.
  const loaded = await openDeck(context, options.deck, deckPicker(context, options), options);
  requireTerminalOrPlain(context, options, 'review');
  await withStore(context, options, async (store) => {
    const deck = activeOutline(store, profile, loaded);
    const progress = factProgressFor(store.data(), profile, deck.id);
    const history = historyFromProgress(deck, progress);
    const missed = missedFactIds(deck, history);
    if (missed.length === 0) {
      writeLine(context.stdout, progress.length === 0 ? `Nothing to review yet: take a quiz first (\`${printable(commandLine('quiz', scopeOf(context, options, loaded)), { singleLine: true })}\`).` : 'Nothing missed: nothing to review. Well done.');
      return;
    }
    const seed = pickSeed(options.seed);
    const random = createRandom(seed);
    const filters = { kinds, topic: options.topic };
    const due = order === 'due' ? dueTimes(store.data(), profile, deck.id, context.now()) : undefined;
    const questions = selectReviewQuestions(deck, missed, history, { count: options.count, ...filters, learn, order, due }, random).flatMap((q) => loaded.question(q.id) ?? []);
    if (questions.length === 0) {
      writeLine(context.stdout, `${missed.length} missed fact${missed.length === 1 ? '' : 's'}, but none matches --kind/--topic.`);
      return;
    }
    await runSession(context, store, createAsker(context, options), sessionPlan(context, options, { mode: 'review', loaded, deck, questions, seed, random, profile, learn, order, filters }));
  }, loaded.outline.id);
  writeLine(context.stdout);
}
