// `factdeck suspended` lists the questions a profile suspended (x after the feedback), and
// `factdeck unsuspend` brings them back: by question id (or a unique beginning of one), or --all.

import type { LoadedDeck, Question } from '../domain/deck.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { suspendEvent } from '../storage/progress.js';
import type { SuspendRecord } from '../storage/schema.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { openDeck, openLibrary } from './open-deck.js';
import { usableDecks } from '../bank/library.js';
import { checkProfile, openStore, readStore, type ProgressOptions } from './run-session.js';

export interface SuspendedOptions extends ProgressOptions {
  deck?: string;
  json?: boolean;
}

interface Listed {
  record: SuspendRecord;
  question: Question | null;
  deckTitle: string | null;
}

/** The decks by id, for showing suspended questions with their prompts. */
// Read by their outlines: only the suspended questions are parsed in full.
async function decksById(context: Context, options: SuspendedOptions): Promise<Map<string, LoadedDeck>> {
  if (options.deck !== undefined) {
    const loaded = await openDeck(context, options.deck, null, options);
    return new Map([[loaded.outline.id, loaded]]);
  }
  const library = await openLibrary(context, options);
  const decks = usableDecks(library).flatMap((entry) => (entry.report.loaded === null ? [] : [entry.report.loaded]));
  return new Map(decks.map((loaded) => [loaded.outline.id, loaded]));
}

function listed(records: readonly SuspendRecord[], decks: Map<string, LoadedDeck>, profile: string, onlyDeck: boolean): Listed[] {
  return records
    .filter((r) => r.profile === profile && (!onlyDeck || decks.has(r.deckId)))
    .map((record) => {
      const deck = decks.get(record.deckId);
      return { record, question: deck?.question(record.questionId) ?? null, deckTitle: deck?.outline.title ?? null };
    });
}

function clip(text: string, max: number): string {
  const line = printable(text, { singleLine: true });
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export async function suspendedCommand(context: Context, options: SuspendedOptions): Promise<void> {
  const profile = checkProfile(options.profile);
  const decks = await decksById(context, options);
  const store = await readStore(context, options);
  const data = store.data();
  await store.close();
  const items = listed(data.suspended, decks, profile, options.deck !== undefined);
  if (options.json) {
    const rows = items.map(({ record, question }) => ({ ...record, prompt: question?.prompt ?? null, inDeck: question !== null }));
    writeJson(context, { profile, suspended: rows });
    return;
  }
  if (items.length === 0) {
    writeLine(context.stdout, `No suspended questions for profile ${printable(profile, { singleLine: true })}. After the feedback in a quiz, review or study, x suspends a wrong or unfair question.`);
    return;
  }
  let deckId = '';
  for (const { record, question, deckTitle } of items.sort((a, b) => (a.record.deckId < b.record.deckId ? -1 : a.record.deckId > b.record.deckId ? 1 : 0))) {
    if (record.deckId !== deckId) {
      deckId = record.deckId;
      writeLine(context.stdout, `${printable(deckId, { singleLine: true })}${deckTitle === null ? ' (not in any deck now)' : `  ${clip(deckTitle, 70)}`}`);
    }
    const prompt = question === null ? '(no longer in the deck)' : clip(question.prompt, 80);
    writeLine(context.stdout, `  ${printable(record.questionId, { singleLine: true })}  ${record.at.slice(0, 10)}  ${prompt}`);
  }
  writeLine(context.stdout, `\n${items.length} suspended. \`factdeck unsuspend ID\` brings one back (the start of its id is enough), \`factdeck unsuspend --all\` every one.`);
}

export async function unsuspendCommand(context: Context, ids: readonly string[], options: SuspendedOptions & { all?: boolean }): Promise<void> {
  const profile = checkProfile(options.profile);
  if (ids.length === 0 && options.all !== true) {
    throw new UsageError('say which questions to bring back: their ids, or --all', '`factdeck suspended` lists them with their ids');
  }
  const decks = options.deck === undefined ? null : await decksById(context, options);
  const store = await openStore(context, options);
  try {
    const mine = store.data().suspended.filter((r) => r.profile === profile && (decks === null || decks.has(r.deckId)));
    const chosen: SuspendRecord[] = [];
    if (options.all === true) chosen.push(...mine);
    for (const id of ids) {
      const matches = mine.filter((r) => r.questionId === id || (id.length >= 3 && r.questionId.startsWith(id)));
      const exact = matches.filter((r) => r.questionId === id);
      const found = exact.length > 0 ? exact : matches;
      if (found.length === 0) throw new UsageError(`no suspended question "${printable(id, { singleLine: true })}" for profile ${printable(profile, { singleLine: true })}`, '`factdeck suspended` lists them with their ids');
      if (new Set(found.map((r) => `${r.deckId}\u0000${r.questionId}`)).size > 1) {
        throw new UsageError(`"${printable(id, { singleLine: true })}" is the start of several suspended questions' ids`, 'give more of the id, or add --deck');
      }
      chosen.push(...found);
    }
    const unique = [...new Map(chosen.map((r) => [`${r.deckId}\u0000${r.questionId}`, r])).values()];
    if (unique.length === 0) {
      writeLine(context.stdout, 'No suspended questions: nothing to bring back.');
      return;
    }
    const now = context.now();
    await store.record(() => unique.map((r) => suspendEvent('unsuspend', profile, r.deckId, { id: r.questionId, factId: r.factId }, now)));
    writeLine(context.stdout, `Brought back ${unique.length} question${unique.length === 1 ? '' : 's'}: ${unique.length === 1 ? 'it is' : 'they are'} asked again from the next run.`);
  } finally {
    await store.close();
  }
}
