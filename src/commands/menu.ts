// `factdeck` with no command: in a terminal, a menu of what there is to do, with the counts that matter
// (facts to review, cards due now and later today); it comes back after each and quits on q, Esc or the
// Quit item.
//
// One rule for leaving, here and in every command started from here: q or Esc goes back one level (from
// a question or a card to the menu, from the menu out, exit 0); Ctrl+C leaves the program at once, with
// what was answered saved, exit 130.

import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { LeftError, UsageError } from '../errors.js';
import { historyFromProgress, missedFactIds } from '../domain/history.js';
import type { LoadedDeck } from '../domain/deck.js';
import { buildStudyQueue, dueLaterToday } from '../scheduling/study-queue.js';
import { cardsFor, factProgressFor, firstReviewTimes, settingsFor } from '../storage/progress.js';
import { printable } from '../ui/printable.js';
import { openDeck } from './open-deck.js';
import { decksCommand } from './decks.js';
import { activeOutline, deckPicker, quizCommand } from './quiz.js';
import { reviewCommand } from './review.js';
import { checkProfile, readStore, type ProgressOptions } from './run-session.js';
import { statsCommand } from './stats.js';
import { learnCommand } from './learn.js';
import { studyCommand } from './study.js';

type Item = 'quiz' | 'review' | 'study' | 'learn' | 'stats' | 'decks' | 'quit';

interface Counts {
  missed: number;
  due: number;
  later: number;
  fresh: number;
}

async function counts(context: Context, options: ProgressOptions, loaded: LoadedDeck): Promise<Counts> {
  const store = await readStore(context, options);
  try {
    const data = store.data();
    // Counted from the deck's outline, without the questions this profile suspended.
    const deck = activeOutline(store, options.profile, loaded);
    const progress = factProgressFor(data, options.profile, deck.id);
    const settings = settingsFor(data, options.profile);
    const cards = cardsFor(data, options.profile, deck.id);
    const now = context.now();
    const queue = buildStudyQueue(deck, cards, firstReviewTimes(data, options.profile, deck.id), now, settings);
    return {
      missed: missedFactIds(deck, historyFromProgress(deck, progress)).length,
      due: queue.due.length,
      later: dueLaterToday(deck, cards, now, settings.dayStartHour).length,
      fresh: queue.fresh.length,
    };
  } finally {
    await store.close();
  }
}

export function studyLabel({ due, later, fresh }: Counts): string {
  return `Study (${due} due now${later > 0 ? `, ${later} later today` : ''}, ${fresh} new)`;
}

/** Asks for the article's path, then learns it; the id of its deck, or null when none was given. */
async function learnFromMenu(context: Context, options: ProgressOptions): Promise<string | null> {
  const { askEditLine } = await import('../ui/prompts.js');
  // Enter on an empty line goes back to the menu; Ctrl+C leaves the program, as everywhere.
  const path = await askEditLine({ message: 'The article to learn (a .txt or saved .html file; - to paste it; Enter alone: back):', initial: '' }, promptContext(context));
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
  if (options.plain && context.env.TERM !== 'dumb') {
    throw new UsageError('the menu needs the terminal: --plain has no menu', 'give a command, e.g. `factdeck quiz --plain`, or see `factdeck --help`');
  }
  if (!context.interactive) {
    const why = context.env.TERM === 'dumb' ? 'a dumb terminal (TERM=dumb) has no menu' : 'without a terminal there is no menu';
    throw new UsageError(`no command given; ${why}`, 'try `factdeck quiz --plain`, or `factdeck --help` for the commands');
  }
  const { askSelect, askAfterFeedback } = await import('../ui/prompts.js');
  let loaded = await openDeck(context, options.deck, deckPicker(context, options), options);
  for (;;) {
    const count = await counts(context, options, loaded);
    writeLine(context.stdout);
    // Ctrl+C here rejects, and the program ends with exit 130 (cli.ts); q and Esc quit.
    const item = await askSelect<Item>(
      {
        message: `factdeck · ${loaded.outline.title}`,
        choices: [
          { name: 'Quiz', value: 'quiz', description: '10 questions of mixed kinds, feedback after each' },
          { name: `Review missed (${count.missed})`, value: 'review', description: 'the facts you got wrong, until they stick' },
          {
            name: studyLabel(count),
            value: 'study',
            description: count.later > 0 ? 'spaced-repetition flashcards; "later today": cards in their learning steps, minutes away' : 'spaced-repetition flashcards: flip, rate 1-4',
          },
          { name: 'Learn a new article...', value: 'learn', description: 'a .txt or saved .html article (or - to paste) to a deck of yours and its quiz' },
          { name: 'Stats', value: 'stats', description: 'scores, accuracy, due forecast, activity' },
          { name: 'Decks', value: 'decks', description: 'the decks factdeck knows' },
          { name: 'Quit', value: 'quit' },
        ],
        quitValue: 'quit',
      },
      promptContext(context),
    );
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
      // q or Esc inside a command is one level back: here. Anything else (Ctrl+C: StoppedError) ends the program.
      if (!(error instanceof LeftError)) throw error;
    }
    // What stats and decks print stays on screen until the learner is done reading it.
    if (item === 'stats' || item === 'decks') {
      await askAfterFeedback({ offer: { claim: false, undo: false, back: 'back to the menu' } }, { ...promptContext(context), clearPromptOnDone: true });
    }
  }
}
