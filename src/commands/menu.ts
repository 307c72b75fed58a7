// `factdeck` with no command: in a terminal, a menu of what there is to do; it comes back after each.

import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { openDeck } from './open-deck.js';
import { decksCommand } from './decks.js';
import { deckPicker, quizCommand } from './quiz.js';
import { reviewCommand } from './review.js';
import { checkProfile, openStore, type ProgressOptions } from './run-session.js';
import { isPromptExit } from '../ui/prompt-exit.js';
import { missedFactIds, summarizeHistory } from '../domain/history.js';

type Item = 'quiz' | 'review' | 'decks' | 'quit';

async function missedCount(context: Context, options: ProgressOptions & { deck?: string }, deckId: string, deck: Parameters<typeof summarizeHistory>[0]): Promise<number> {
  const store = await openStore(context, options);
  try {
    const attempts = store.data().attempts.filter((a) => a.profile === options.profile && a.deckId === deckId);
    return missedFactIds(deck, summarizeHistory(deck, attempts)).length;
  } finally {
    await store.close();
  }
}

export async function menuCommand(context: Context, options: ProgressOptions & { deck?: string }): Promise<void> {
  checkProfile(options.profile);
  if (options.plain || !context.interactive) {
    throw new UsageError('no command given; without a terminal there is no menu', 'try `factdeck quiz --plain`, or `factdeck --help` for the commands');
  }
  const { askSelect } = await import('../ui/prompts.js');
  const loaded = await openDeck(context, options.deck, deckPicker(context, options));
  const deck = loaded.dir;
  for (;;) {
    const missed = await missedCount(context, options, loaded.deck.id, loaded.deck);
    writeLine(context.stdout);
    const item = await askSelect<Item>(
      {
        message: `factdeck · ${loaded.deck.title}`,
        choices: [
          { name: 'Quiz', value: 'quiz', description: '10 questions of mixed kinds' },
          { name: `Review missed (${missed})`, value: 'review', description: 'the facts you got wrong, until they stick' },
          { name: 'Decks', value: 'decks', description: 'the decks factdeck knows' },
          { name: 'Quit', value: 'quit' },
        ],
        quitValue: 'quit',
      },
      { input: context.stdin, output: context.stdout },
    ).catch((error: unknown) => {
      if (isPromptExit(error)) return 'quit' as const;
      throw error;
    });
    if (item === 'quit') return;
    if (item === 'quiz') await quizCommand(context, { ...options, deck, count: 10 });
    if (item === 'review') await reviewCommand(context, { ...options, deck });
    if (item === 'decks') await decksCommand(context, {});
  }
}
