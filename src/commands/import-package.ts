// `factdeck import deck.apkg [--with-progress]`: an Anki package -> a deck folder, and with
// --with-progress the package's schedule and review log -> the profile's progress. Everything is read
// and planned first; a package that cannot be read, or (with --strict) one with a note that cannot be
// imported, writes nothing. The deck folder appears whole (as for text imports); the schedule is then
// saved through the store, a card's reviews in one save with its card, so a failure part way leaves each
// card either as it was or whole.

import { checkNewDeckId, type Library } from '../bank/library.js';
import { deckArgument } from './open-deck.js';
import { basename, dirname, join } from 'node:path';
import { ankiRatings, memoryFromAnki, planApkgImport, type AnkiCard } from '../bank/interop/anki-package.js';
import { contentId } from '../bank/interop/content-id.js';
import { fileStem } from '../bank/interop/slug.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { rateCard, type SchedulerSettings } from '../scheduling/fsrs.js';
import { replayRatings } from '../scheduling/replay.js';
import { serialize } from '../storage/durable-file.js';
import type { HistoryEvent } from '../storage/history.js';
import { schedulerSettings, settingsFor } from '../storage/progress.js';
import { printable } from '../ui/printable.js';
import { readAnkiPackage } from './anki-package-file.js';
import { display, refuseDeckOverLimit, replaceDeck, reportProblems, SCHEMA_REF, targetState, writeImportDocument, writeNewDeckFolder, type ImportCommandOptions } from './import.js';
import { checkProfile, openStore } from './run-session.js';

/** Far above the ratings of any deck: the database file is checkpointed once, when the ratings are all saved. */
const IMPORT_CHECKPOINT_EVERY = 10_000_000;

/** Ratings brought in per save of the import (the cards' whole review logs, a card never split). */
const RATINGS_PER_SAVE = 8000;
/** Cards whose ratings are worked out between two turns of the event loop, while a save is synced. */
const CARDS_PER_SLICE = 50;

interface Where {
  path: string;
  shown: string;
  chosen: string | null;
  library: Library;
  options: ImportCommandOptions;
}

function oneLine(text: string): string {
  return printable(text, { singleLine: true });
}

/** Review events that give the fact the Anki card's schedule: its ratings replayed, the last one ending on Anki's state. */
export function scheduleEvents(settings: SchedulerSettings, profile: string, deckId: string, factId: string, card: AnkiCard, crt: number, now: Date): HistoryEvent[] {
  const ratings = ankiRatings(card);
  const events: Extract<HistoryEvent, { type: 'review' }>[] = [];
  // The whole log at once: the replay's arithmetic gives what rateCard would, rating after rating.
  const replayed = replayRatings(ratings, settings);
  const idPrefix = `anki\u0000${deckId}\u0000${factId}\u0000${card.id}\u0000`;
  for (const [i, { card: after, entry }] of replayed.entries()) {
    const at = (ratings[i] as { at: string }).at;
    events.push({
      type: 'review',
      review: { id: contentId(`${idPrefix}${at}\u0000${i}`), profile, deckId, factId, attemptId: null, source: 'study', rating: entry.rating, at: entry.at, before: entry.before, log: entry.log, after },
    });
  }
  const final = memoryFromAnki(card, crt, replayed.at(-1)?.card ?? null, now, ratings);
  if (final === null) return [];
  const last = events.at(-1);
  if (last !== undefined) {
    last.review.after = final;
    return events;
  }
  // Scheduled in Anki without a review log (a shared deck with its schedule): one rating carries the state.
  const at = final.lastReview ?? now.toISOString();
  const { entry } = rateCard(null, 'good', new Date(at), settings);
  return [{ type: 'review', review: { id: contentId(`anki\u0000${deckId}\u0000${factId}\u0000${card.id}`), profile, deckId, factId, attemptId: null, source: 'study', ...entry, after: final } }];
}

export async function importPackage(context: Context, bytes: Uint8Array, where: Where): Promise<void> {
  const { options, chosen, library, shown } = where;
  const profile = options.withProgress ? checkProfile(options.profile ?? 'default') : null;
  const collection = await readAnkiPackage(bytes).catch((error: unknown) => {
    if ((error as { name?: string }).name === 'DeckError') reportProblems(context, shown, [{ line: null, message: (error as Error).message, hint: (error as { hint?: string }).hint ?? '' }], options.json);
    throw error;
  });
  const underQuestions = chosen !== null && dirname(chosen) === library.builtInDir;
  const plan = planApkgImport(collection, {
    title: options.title,
    folderName: chosen === null ? undefined : basename(chosen),
    schemaRef: underQuestions ? SCHEMA_REF : undefined,
    fileStem: fileStem(basename(where.path)),
  });
  const skippedProblems = plan.skipped.map((skip) => ({
    line: null,
    message: `${skip.note > 0 ? `note ${skip.note}` : 'a note'}${skip.excerpt === '' ? '' : ` ("${skip.excerpt}")`}: ${skip.reason}`,
    hint: 'left out; fix it in Anki and export again to bring it in',
  }));
  if (plan.deck === null) reportProblems(context, shown, [...skippedProblems, { line: null, message: plan.problem ?? 'nothing to import', hint: 'import a package with notes of text (Basic, Cloze, or any note type whose first two fields are the question and the answer)' }], options.json);
  if (options.strict && skippedProblems.length > 0) reportProblems(context, shown, skippedProblems, options.json);
  const deck = plan.deck;
  const text = serialize(deck);
  refuseDeckOverLimit(context, shown, text, 'split the deck in Anki and export the parts', options.json);

  const target = chosen ?? join(library.libraryDir, deck.id);
  checkNewDeckId(library, target, deck.id);
  const state = await targetState(target);
  if (state === 'full' && options.force !== true) {
    throw new UsageError(
      `${oneLine(display(context, target))} already exists: nothing was imported`,
      chosen === null ? 'add --force to replace it, or give another --title or --out DIR' : 'add --force to replace it, or choose another --out DIR',
    );
  }
  // The schedule is planned (and the store opened, so a damaged database stops us) before the deck is written.
  // Every card's ratings are saved to the log as they are recorded; the database file is rewritten once, at the end.
  const store = profile === null ? null : await openStore(context, options, { checkpointEvery: IMPORT_CHECKPOINT_EVERY, checkpointBytes: Number.POSITIVE_INFINITY });
  try {
    const keptDeck = state === 'full' ? await replaceDeck(target, text, context.now()) : null;
    if (state !== 'full') await writeNewDeckFolder(target, text);
    let scheduled: { cards: number; ratings: number; kept: number } | null = null;
    const whereShown = display(context, target);
    // With --json the document below is the whole output.
    const say = (line: string): void => {
      if (options.json !== true) writeLine(context.stdout, line);
    };
    say(`Imported ${deck.facts.length} card${deck.facts.length === 1 ? '' : 's'} (Anki package${collection.latest ? '' : ', older format'}) into ${oneLine(whereShown)}${state === 'full' ? ' (replaced)' : ''}.`);
    if (keptDeck !== null) say(`  the deck it replaced is kept in ${oneLine(display(context, keptDeck))}`);
    for (const note of plan.notes) say(`  note: ${oneLine(note)}`);
    if (skippedProblems.length > 0) {
      say(`  skipped ${skippedProblems.length} (\`--strict\` imports nothing instead):`);
      for (const problem of skippedProblems.slice(0, 20)) say(`    - ${oneLine(problem.message)}`);
      if (skippedProblems.length > 20) say(`    ... and ${skippedProblems.length - 20} more`);
    }
    if (store !== null && profile !== null) {
      const now = context.now();
      let cards = 0;
      let reviews = 0;
      let kept = 0;
      const facts = [...plan.schedules.entries()];
      // One settings object for the whole import: the scheduler made from it is reused rating after rating.
      const settings = schedulerSettings(settingsFor(store.data(), profile));
      // A batch of cards per save: each card whole in one save, and no save too large for the log (a
      // rating is under a kilobyte of it; the log takes lines of up to 16 MB). Each save is synced to disk,
      // and the next batch's ratings are worked out meanwhile, a few cards at a time so that the save goes
      // on between them. Whether a card already has progress here is decided in the save, on the data as
      // it is then.
      let saving: Promise<unknown> = Promise.resolve();
      for (let i = 0; i < facts.length; ) {
        const batch: { factId: string; card: AnkiCard; events: HistoryEvent[] }[] = [];
        let size = 0;
        while (i < facts.length && size < RATINGS_PER_SAVE) {
          const [factId, card] = facts[i++] as [string, AnkiCard];
          batch.push({ factId, card, events: scheduleEvents(settings, profile, deck.id, factId, card, collection.crt, now) });
          size += card.reviews.length + 1;
          if (batch.length % CARDS_PER_SLICE === 0) await new Promise((resume) => setImmediate(resume));
        }
        await saving;
        saving = store.record((data) => {
          const events: HistoryEvent[] = [];
          const known = new Set(data.cards.filter((c) => c.profile === profile && c.deckId === deck.id).map((c) => c.factId));
          for (const made of batch) {
            if (known.has(made.factId)) {
              if (made.card.type !== 0) kept++;
              continue;
            }
            if (made.events.length > 0) cards++;
            reviews += made.events.length;
            events.push(...made.events);
          }
          return events;
        });
        // Awaited before the next save (or after the last); until then a failure must not count as unhandled.
        saving.catch(() => undefined);
      }
      await saving;
      // Years of ratings are not left for every later run to replay from the log.
      if (reviews > 0) await store.checkpoint();
      scheduled = { cards, ratings: reviews, kept };
      const keptNote = kept > 0 ? `; ${kept} card${kept === 1 ? '' : 's'} already had progress here and kept it` : '';
      say(`  schedule: ${cards} card${cards === 1 ? '' : 's'} with ${reviews} rating${reviews === 1 ? '' : 's'} for profile ${oneLine(profile)}${keptNote}.`);
    }
    const deckOption = await deckArgument(context, target, deck.id, options);
    if (options.json === true) {
      writeImportDocument(context, { file: where.path, format: collection.latest ? 'apkg' : 'apkg (older format)', dir: target, deck, replaced: state === 'full', keptIn: keptDeck, notes: plan.notes, skipped: skippedProblems, deckOption, schedule: scheduled });
      return;
    }
    say(`Start with: factdeck ${profile === null ? 'quiz' : 'study'} --deck ${oneLine(deckOption)}`);
  } finally {
    await store?.close();
  }
}
