// `factdeck quiz`: N questions of mixed kinds from one deck, feedback after each, a score at the end.

import { randomInt } from 'node:crypto';
import type { Deck, DeckOutline, LoadedDeck, Question, QuestionKind } from '../domain/deck.js';
import type { LearnPool } from '../session/run-state.js';
import { outlineWithoutSuspended, suspendedIds, withoutSuspended, type Suspension } from '../domain/suspension.js';
import { QUESTION_KINDS } from '../domain/deck.js';
import { historyFromProgress } from '../domain/history.js';
import { factProgressFor } from '../storage/progress.js';
import { createRandom } from '../domain/random.js';
import { eligibleQuestions, FACT_ORDERS, selectQuestions, type FactOrder, type SelectionOptions } from '../domain/selection.js';
import { cardsFor } from '../storage/progress.js';
import type { DatabaseData } from '../storage/schema.js';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { printable } from '../ui/printable.js';
import { openDeck, type OpenedDeck } from './open-deck.js';
import { checkProfile, createAsker, scopeOf, requireTerminalOrPlain, runSession, withStore, type ProgressOptions, type SessionPlan } from './run-session.js';

export interface QuizOptions extends ProgressOptions {
  count: number;
  deck?: string;
  kind?: string[];
  topic?: string;
  seed?: number;
  /** Learn mode: recognition first, recall once answered right (quiz: off unless asked; review: on). */
  learn?: boolean;
  /** --order: due, new, hardest or random (the default). */
  order?: string;
}

/** --order's value, checked: `allowed` are the orders that make sense for the command. */
export function checkOrder(order: string | undefined, allowed: readonly FactOrder[] = FACT_ORDERS, note = ''): FactOrder {
  if (order === undefined) return 'random';
  if (!(allowed as readonly string[]).includes(order)) {
    throw new UsageError(`--order ${JSON.stringify(printable(order, { singleLine: true }))} is not an order here`, `the orders are: ${allowed.join(', ')}${note}`);
  }
  return order as FactOrder;
}

/** For --order due: when each fact's memory card is due, and now. */
export function dueTimes(data: DatabaseData, profile: string, deckId: string, now: Date): NonNullable<SelectionOptions['due']> {
  const at = new Map<string, number>();
  for (const [factId, card] of cardsFor(data, profile, deckId)) at.set(factId, Date.parse(card.due));
  return { at, now: now.getTime() };
}

/** The run's learn mode and order, for its header: " · learn · order hardest", or nothing. */
export function runTags(learn: boolean, order: FactOrder): string {
  return `${learn ? ' · learn' : ''}${order === 'random' ? '' : ` · order ${order}`}`;
}

/** What quiz and review hand the run: the plan, with learn mode's pool (the questions it may ask, by fact) and the header's tags. */
export function sessionPlan(
  context: Context,
  options: QuizOptions | Omit<QuizOptions, 'count'>,
  run: Omit<SessionPlan, 'scope' | 'learn' | 'tags' | 'deck'> & { loaded: OpenedDeck; deck: DeckOutline; learn: boolean; order: FactOrder; filters: { kinds?: readonly QuestionKind[]; topic?: string } },
): SessionPlan {
  const { loaded, deck, learn, order, filters, ...plan } = run;
  return { ...plan, deck: loaded, scope: scopeOf(context, options, loaded), learn: learn ? learnPool(loaded, deck, filters) : undefined, tags: runTags(learn, order) };
}

/**
 * Learn mode's pool, chosen from the deck's outline: a fact's questions are read in full only when the run
 * asks for them (when an answer moves the fact up), not every question of the deck at the start.
 */
function learnPool(loaded: LoadedDeck, deck: DeckOutline, filters: { kinds?: readonly QuestionKind[]; topic?: string }): LearnPool {
  const outlines = eligibleQuestions(deck, filters);
  const read = new Map<string, Question[]>();
  return {
    size: outlines.size,
    keys: () => outlines.keys(),
    get: (factId) => {
      const ofFact = outlines.get(factId);
      if (ofFact === undefined) return undefined;
      let questions = read.get(factId);
      if (questions === undefined) {
        questions = ofFact.flatMap((q) => loaded.question(q.id) ?? []);
        read.set(factId, questions);
      }
      return questions;
    },
  };
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
  const order = checkOrder(options.order);
  const learn = options.learn === true;
  // A wrong --deck is said before a missing terminal: it is the first thing to fix.
  const loaded = await openDeck(context, options.deck, deckPicker(context, options), options);
  requireTerminalOrPlain(context, options, 'quiz');
  await withStore(context, options, async (store) => {
    // Chosen from the deck's outline; only the questions asked are read in full.
    const deck = activeOutline(store, profile, loaded);
    const progress = factProgressFor(store.data(), profile, deck.id);
    const seed = pickSeed(options.seed);
    const random = createRandom(seed);
    const filters = { kinds, topic: options.topic };
    const due = order === 'due' ? dueTimes(store.data(), profile, deck.id, context.now()) : undefined;
    const chosen = selectQuestions(deck, historyFromProgress(deck, progress), { count: options.count, ...filters, learn, order, due }, random);
    if (deck.questions.length === 0 && loaded.outline.questions.length > 0) {
      throw new UsageError('every question of this deck is suspended', `\`factdeck suspended --deck ${deck.id}\` lists them; \`factdeck unsuspend\` brings them back`);
    }
    const questions = chosen.flatMap((q) => loaded.question(q.id) ?? []);
    if (questions.length === 0) {
      const topics = [...new Set(deck.facts.map((f) => printable(f.topic, { singleLine: true })))].join(', ');
      throw new UsageError('no questions match --kind/--topic in this deck', `the topics are: ${topics}`);
    }
    await runSession(context, store, createAsker(context, options), sessionPlan(context, options, { mode: 'quiz', loaded, deck, questions, seed, random, profile, learn, order, filters }));
  }, loaded.outline.id);
  writeLine(context.stdout);
}
