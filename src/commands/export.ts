// `factdeck export [--deck ID|PATH] --format anki|csv|json|apkg [--out FILE [--force] [--json]] [--raw]`:
// a deck as Anki's text import format, CSV or its JSON, to stdout or to a file; or as an Anki package
// (.apkg, to a file: by default <deck id>.apkg here), with `--with-progress` the profile's schedule and
// review log in it. CSV and Anki cells that a spreadsheet would run as formulas get a leading apostrophe
// unless --raw. The deck is chosen as for quiz, except that several decks and no --deck is a usage error
// listing them (an export is for scripts as much as for people). An existing file is only replaced with
// --force, as import and build do with decks.

import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { EXPORT_FORMATS, exportDeck, isExportFormat } from '../bank/interop/export-deck.js';
import type { Deck } from '../domain/deck.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { writeFileDurably } from '../storage/durable-file.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { addRevlog, planApkgExport, type ExportProgress } from '../bank/interop/anki-package.js';
import { nextDayStart } from '../scheduling/study-day.js';
import { cardsFor, settingsFor, type ProfileSettings } from '../storage/progress.js';
import type { DatabaseData } from '../storage/schema.js';
import { startRevlogRead, type RevlogRead } from './export-revlog.js';
import { openDeck } from './open-deck.js';
import { activeDeck } from './quiz.js';
import { checkProfile, dataDirFor, readStore } from './run-session.js';

/** What --format takes: the text formats and the Anki package. */
export const EXPORT_COMMAND_FORMATS = [...EXPORT_FORMATS, 'apkg'] as const;

export interface ExportOptions {
  deck?: string;
  data?: string;
  profile?: string;
  /** Include the questions this profile suspended (left out otherwise). */
  all?: boolean;
  format: string;
  out?: string;
  /** Cells as the deck has them, even those a spreadsheet would run as formulas. */
  raw?: boolean;
  force?: boolean;
  json?: boolean;
  withProgress?: boolean;
}

/**
 * The deck to export and its article: without --all, the questions this profile suspended are left out
 * (said on stderr, as stdout may be the export itself). `data`: the profile's store, when the caller has
 * read it already (an Anki package with its schedule reads it once for both).
 */
async function exportedDeck(context: Context, options: ExportOptions, data?: DatabaseData): Promise<{ deck: Deck; article: string | null }> {
  const loaded = await openDeck(context, options.deck, null, options);
  if (options.all === true) return { deck: loaded.deck, article: loaded.article };
  const stored = data ?? (await readData(context, options));
  const deck = activeDeck({ data: () => stored }, checkProfile(options.profile ?? 'default'), loaded.deck);
  const left = loaded.deck.questions.length - deck.questions.length;
  if (left > 0) writeLine(context.stderr, `(${left} suspended question${left === 1 ? ' is' : 's are'} left out; --all includes ${left === 1 ? 'it' : 'them'})`);
  return { deck, article: loaded.article };
}

/** The profiles' progress as it is on disk (read only). */
async function readData(context: Context, options: ExportOptions): Promise<DatabaseData> {
  const store = await readStore(context, options);
  const data = store.data();
  await store.close();
  return data;
}

export async function exportCommand(context: Context, options: ExportOptions): Promise<void> {
  const format = typeof options.format === 'string' ? options.format.trim().toLowerCase() : '';
  if (format === 'apkg') return exportPackage(context, options);
  if (options.withProgress) throw new UsageError('--with-progress goes with --format apkg', 'only an Anki package carries a schedule');
  if (!isExportFormat(format)) {
    const given = typeof options.format === 'string' ? `--format ${JSON.stringify(printable(options.format, { singleLine: true }))} is not a format factdeck exports` : 'export needs --format';
    throw new UsageError(given, `use one of: ${EXPORT_COMMAND_FORMATS.join(', ')}`);
  }
  const target = options.out === undefined ? null : resolve(context.cwd, options.out);
  if (target === null && options.json) {
    throw new UsageError('--json describes the file written with --out; without --out the export itself is the output', 'add --out FILE, or leave out --json');
  }
  if (target !== null) {
    const info = await stat(target).catch(() => null);
    if (info?.isDirectory()) throw new UsageError(`--out ${printable(target, { singleLine: true })} is a folder`, 'give the path of a file to write, e.g. --out deck.txt');
    if (info && !options.force) {
      throw new UsageError(`${printable(target, { singleLine: true })} already exists`, 'add --force to replace it, or choose another file with --out');
    }
  }

  const { deck, article } = await exportedDeck(context, options);
  const text = exportDeck(deck, article, format, { raw: options.raw === true });

  if (target === null) {
    // Exact bytes for a pipe; a terminal gets them through printable(), as all deck text does.
    context.stdout.write(context.stdout.isTTY ? printable(text) : text);
    return;
  }
  await writeFileDurably(target, text, { what: `the ${format} export` });
  if (options.json) {
    writeJson(context, { ok: true, file: target, format, deckId: deck.id, title: deck.title, facts: deck.facts.length, bytes: Buffer.byteLength(text) });
    return;
  }
  const shown = shownPath(context, target);
  const what = format === 'json' ? 'the deck' : `${deck.facts.length} card${deck.facts.length === 1 ? '' : 's'}`;
  writeLine(context.stdout, `Exported ${what} of "${printable(deck.title, { singleLine: true })}" to ${printable(shown, { singleLine: true })} (${format}).`);
}

function shownPath(context: Context, target: string): string {
  const near = relative(context.cwd, target);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? target : near;
}

/** The profile's schedule of a deck, for a package exported --with-progress. */
function progressOf(data: DatabaseData, profile: string, deckId: string, now: Date): { progress: ExportProgress; settings: ProfileSettings } {
  const settings = settingsFor(data, profile);
  const dayStart = nextDayStart(now, settings.dayStartHour).getTime() - 86_400_000;
  return { progress: { cards: cardsFor(data, profile, deckId), desiredRetention: settings.desiredRetention, dayStart }, settings };
}

async function exportPackage(context: Context, options: ExportOptions): Promise<void> {
  // The review log, the longest read, goes on (in a thread of its own) while the rest is read.
  const profile = checkProfile(options.profile ?? 'default');
  const revlog = options.withProgress === true ? startRevlogRead({ dataDir: dataDirFor(context, options), profile }, context.env) : null;
  try {
    await writePackage(context, options, profile, revlog);
  } finally {
    revlog?.cancel();
  }
}

async function writePackage(context: Context, options: ExportOptions, profile: string, revlog: RevlogRead | null): Promise<void> {
  // The progress is read once: for the questions the profile suspended and for its schedule.
  const data = options.all === true && options.withProgress !== true ? undefined : await readData(context, options);
  const { deck, article } = await exportedDeck(context, options, data);
  const target = resolve(context.cwd, options.out ?? `${deck.id}.apkg`);
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) throw new UsageError(`--out ${printable(target, { singleLine: true })} is a folder`, 'give the path of a file to write, e.g. --out deck.apkg');
  if (info && !options.force) {
    throw new UsageError(`${printable(target, { singleLine: true })} already exists`, 'add --force to replace it, or choose another file with --out');
  }
  const now = context.now();
  const withProgress = revlog !== null && data !== undefined ? progressOf(data, profile, deck.id, now) : null;
  // The notes and cards are planned and written while the review log is still being read; it is added last.
  const plan = planApkgExport(deck, article, withProgress?.progress ?? null, now);
  const { writeAnkiPackage } = await import('./anki-package-file.js');
  const fsrs = withProgress === null ? null : { retention: withProgress.settings.desiredRetention, parameters: withProgress.settings.fsrsParameters ?? null };
  const bytes = await writeAnkiPackage(plan, now, fsrs, withProgress === null || revlog === null ? undefined : async () => addRevlog(plan, await revlog.entries(deck.id)));
  await writeFileDurably(target, Buffer.from(bytes), { what: 'the Anki package' });
  const scheduled = plan.notes.filter((note) => note.card.type !== 0).length;
  const reviews = plan.notes.reduce((sum, note) => sum + note.card.reviews.length, 0);
  if (options.json) {
    writeJson(context, { ok: true, file: target, format: 'apkg', deckId: deck.id, title: deck.title, facts: deck.facts.length, bytes: bytes.length, notes: plan.notes.length, scheduled, reviews });
    return;
  }
  const progress = withProgress === null ? '' : `, with the schedule of ${scheduled} card${scheduled === 1 ? '' : 's'} and ${reviews} review${reviews === 1 ? '' : 's'}`;
  writeLine(context.stdout, `Exported ${plan.notes.length} note${plan.notes.length === 1 ? '' : 's'} of "${printable(deck.title, { singleLine: true })}" to ${printable(shownPath(context, target), { singleLine: true })} (Anki package${progress}).`);
  writeLine(context.stdout, '  In Anki: File > Import; on a phone, open the file with AnkiDroid.');
}
