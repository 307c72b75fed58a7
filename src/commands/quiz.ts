// `factdeck quiz`: N questions of mixed kinds from one deck, feedback after each, a score at the end.

import { randomInt } from 'node:crypto';
import type { Deck, DeckOutline, LoadedDeck, QuestionKind } from '../domain/deck.js';
import { outlineWithoutSuspended, suspendedIds, withoutSuspended, type Suspension } from '../domain/suspension.js';
import { QUESTION_KINDS } from '../domain/deck.js';
import { historyFromProgress } from '../domain/history.js';
import { factProgressFor } from '../storage/progress.js';
import { createRandom } from '../domain/random.js';
import { selectQuestions } from '../domain/selection.js';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { printable } from '../ui/printable.js';
import { openDeck } from './open-deck.js';
import { checkProfile, createAsker, scopeOf, requireTerminalOrPlain, runSession, withStore, type ProgressOptions } from './run-session.js';

export interface QuizOptions extends ProgressOptions {
  count: number;
  deck?: string;
  kind?: string[];
  topic?: string;
  seed?: number;
}

export function checkKinds(kinds: readonly string[] | undefined): QuestionKind[] | undefined {
  if (kinds === undefined) return undefined;
  for (const kind of kinds) {
    if (!(QUESTION_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind ${JSON.stringify(kind)} is not a question kind`, `the kinds are: ${QUESTION_KINDS.join(', ')}`);
    }
  }
  return kinds as QuestionKind[];
}

/** In a terminal, several decks and no --deck: ask which (q or Esc: none, and the command leaves). */
export function deckPicker(context: Context, options: { plain?: boolean }): ((decks: LoadedDeck[]) => Promise<LoadedDeck | null>) | null {
  if (options.plain || !context.interactive) return null;
  return async (decks) => {
    const { askSelect } = await import('../ui/prompts.js');
    return askSelect<LoadedDeck | null>(
      {
        message: 'Which deck?',
        choices: decks.map((loaded) => ({ name: loaded.outline.title, value: loaded, description: `${loaded.outline.id} · ${loaded.outline.facts.length} facts, ${loaded.outline.questions.length} questions` })),
        quitValue: null,
      },
      promptContext(context),
    );
  };
}

export function pickSeed(seed: number | undefined): number {
  return seed ?? randomInt(1, 1_000_000);
}

/** The deck as this profile's runs see it: without the questions it suspended. */
export function activeDeck(store: { data(): { suspended: readonly Suspension[] } }, profile: string, deck: Deck): Deck {
  return withoutSuspended(deck, suspendedIds(store.data().suspended, profile, deck.id));
}

/** The same, read from the deck's outline (the whole deck is read only when a suspension needs it). */
export function activeOutline(store: { data(): { suspended: readonly Suspension[] } }, profile: string, loaded: LoadedDeck): DeckOutline {
  return outlineWithoutSuspended(loaded, suspendedIds(store.data().suspended, profile, loaded.outline.id));
}

export async function quizCommand(context: Context, options: QuizOptions): Promise<void> {
  const profile = checkProfile(options.profile);
  const kinds = checkKinds(options.kind);
  // A wrong --deck is said before a missing terminal: it is the first thing to fix.
  const loaded = await openDeck(context, options.deck, deckPicker(context, options), options);
  requireTerminalOrPlain(context, options, 'quiz');
  await withStore(context, options, async (store) => {
    // Chosen from the deck's outline; only the questions asked are read in full.
    const deck = activeOutline(store, profile, loaded);
    const progress = factProgressFor(store.data(), profile, deck.id);
    const seed = pickSeed(options.seed);
    const random = createRandom(seed);
    const chosen = selectQuestions(deck, historyFromProgress(deck, progress), { count: options.count, kinds, topic: options.topic }, random);
    if (deck.questions.length === 0 && loaded.outline.questions.length > 0) {
      throw new UsageError('every question of this deck is suspended', `\`factdeck suspended --deck ${deck.id}\` lists them; \`factdeck unsuspend\` brings them back`);
    }
    const questions = chosen.flatMap((q) => loaded.question(q.id) ?? []);
    if (questions.length === 0) {
      const topics = [...new Set(deck.facts.map((f) => printable(f.topic, { singleLine: true })))].join(', ');
      throw new UsageError('no questions match --kind/--topic in this deck', `the topics are: ${topics}`);
    }
    await runSession(context, store, createAsker(context, options), { mode: 'quiz', deck: loaded, questions, seed, random, profile, scope: scopeOf(context, options, loaded) });
  });
  writeLine(context.stdout);
}
