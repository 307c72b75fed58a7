// `factdeck` with no command: in a terminal, a menu of what there is to do, with the counts that matter
// (facts to review, cards due); it comes back after each and quits on q or the Quit item.

import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { StoppedError, UsageError } from '../errors.js';
import { historyFromProgress, missedFactIds } from '../domain/history.js';
import type { LoadedDeck } from '../domain/deck.js';
import { buildStudyQueue } from '../scheduling/study-queue.js';
import { cardsFor, factProgressFor, firstReviewTimes, settingsFor } from '../storage/progress.js';
import { isPromptExit } from '../ui/prompt-exit.js';
import { printable } from '../ui/printable.js';
import { openDeck } from './open-deck.js';
import { decksCommand } from './decks.js';
import { activeDeck, deckPicker, quizCommand } from './quiz.js';
import { reviewCommand } from './review.js';
import { checkProfile, readStore, type ProgressOptions } from './run-session.js';
import { statsCommand } from './stats.js';
import { learnCommand } from './learn.js';
import { studyCommand } from './study.js';

type Item = 'quiz' | 'review' | 'study' | 'learn' | 'stats' | 'decks' | 'quit';

async function counts(context: Context, options: ProgressOptions, loaded: LoadedDeck): Promise<{ missed: number; due: number; fresh: number }> {
  const store = await readStore(context, options);
  try {
    const data = store.data();
    const deck = activeDeck(store, options.profile, loaded.deck);
    const progress = factProgressFor(data, options.profile, deck.id);
    const settings = settingsFor(data, options.profile);
    const queue = buildStudyQueue(deck, cardsFor(data, options.profile, deck.id), firstReviewTimes(data, options.profile, deck.id), context.now(), settings);
    return { missed: missedFactIds(deck, historyFromProgress(deck, progress)).length, due: queue.due.length, fresh: queue.fresh.length };
  } finally {
    await store.close();
  }
}

/** Asks for the article's path, then learns it; the id of its deck, or null when none was given. */
async function learnFromMenu(context: Context, options: ProgressOptions): Promise<string | null> {
  const { askEditLine } = await import('../ui/prompts.js');
  const path = await askEditLine({ message: 'The article to learn (a .txt or saved .html file; - to paste it):', initial: '' }, promptContext(context)).catch((error: unknown) => {
    if (isPromptExit(error)) return null;
    throw error;
  });
  if (path === null || path.trim() === '') return null;
  // A path dragged into a terminal comes quoted, or with its spaces escaped.
  const unquoted = path.trim().replace(/^(['"])(.*)\1$/, '$2').replace(/\\ /g, ' ');
  try {
    return await learnCommand(context, unquoted, options);
  } catch (error) {
    // A wrong path or an unusable article is said, and the menu comes back.
    if (!(error instanceof UsageError) && (error as { name?: string }).name !== 'DeckError') throw error;
    writeLine(context.stdout, printable(`factdeck: ${(error as Error).message}`));
    const hint = (error as { hint?: string }).hint;
    if (hint !== undefined) writeLine(context.stdout, printable(`  ${hint}`));
    return null;
  }
}

export async function menuCommand(context: Context, options: ProgressOptions & { deck?: string }): Promise<void> {
  checkProfile(options.profile);
  if (options.plain || !context.interactive) {
    throw new UsageError('no command given; without a terminal there is no menu', 'try `factdeck quiz --plain`, or `factdeck --help` for the commands');
  }
  const { askSelect } = await import('../ui/prompts.js');
  let loaded = await openDeck(context, options.deck, deckPicker(context, options), options);
  for (;;) {
    const { missed, due, fresh } = await counts(context, options, loaded);
    writeLine(context.stdout);
    const item = await askSelect<Item>(
      {
        message: `factdeck · ${loaded.deck.title}`,
        choices: [
          { name: 'Quiz', value: 'quiz', description: '10 questions of mixed kinds, feedback after each' },
          { name: `Review missed (${missed})`, value: 'review', description: 'the facts you got wrong, until they stick' },
          { name: `Study (${due} due, ${fresh} new)`, value: 'study', description: 'spaced-repetition flashcards: flip, rate 1-4' },
          { name: 'Learn a new article...', value: 'learn', description: 'a .txt or saved .html article (or - to paste) to a deck of yours and its quiz' },
          { name: 'Stats', value: 'stats', description: 'scores, accuracy, due forecast, activity' },
          { name: 'Decks', value: 'decks', description: 'the decks factdeck knows' },
          { name: 'Quit', value: 'quit' },
        ],
        quitValue: 'quit',
      },
      promptContext(context),
    ).catch((error: unknown) => {
      if (isPromptExit(error)) return 'quit' as const;
      throw error;
    });
    if (item === 'quit') return;
    const deck = loaded.dir;
    try {
      if (item === 'quiz') await quizCommand(context, { ...options, deck, count: 10 });
      if (item === 'review') await reviewCommand(context, { ...options, deck });
      if (item === 'study') await studyCommand(context, { ...options, deck });
      if (item === 'learn') {
        const learned = await learnFromMenu(context, options);
        if (learned !== null) loaded = await openDeck(context, learned, null, options);
      }
      if (item === 'stats') await statsCommand(context, { ...options, deck });
      if (item === 'decks') await decksCommand(context, { data: options.data, profile: options.profile });
    } catch (error) {
      // Ctrl+C inside a quiz or study run ends that run (its answers are saved) and returns to the menu.
      if (!(error instanceof StoppedError)) throw error;
      writeLine(context.stdout, error.message.trim());
    }
  }
}
