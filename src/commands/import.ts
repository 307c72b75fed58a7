// `factdeck import FILE [--out DIR] [--title T] [--force]`: an Anki text export, a CSV/TSV file or a
// factdeck deck.json -> a deck folder (questions/<slug>/ unless --out says where) holding deck.json.
// Read, decode and plan everything first; when anything is wrong, print every problem with its line and
// write nothing (exit 1). An existing non-empty folder is only replaced with --force.

import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { decodeImportBytes, MAX_IMPORT_BYTES, tooLargeProblem } from '../bank/interop/decode-text.js';
import { planImport, type ImportProblem } from '../bank/interop/import-deck.js';
import { isDeckId } from '../bank/interop/slug.js';
import { keepReplacedDeck } from '../bank/keep-replaced.js';
import { DECK_FILE } from '../bank/load-decks.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { DeckError, ReportedFailure, UsageError } from '../errors.js';
import { checkNewDeckId } from '../bank/library.js';
import { deckArgument, openLibrary } from './open-deck.js';
import { serialize, writeFileDurably } from '../storage/durable-file.js';
import { printable } from '../ui/printable.js';
import { createStyle } from '../ui/style.js';

export interface ImportCommandOptions {
  out?: string;
  data?: string;
  title?: string;
  force?: boolean;
}

const SCHEMA_REF = '../deck.schema.json';

function oneLine(text: string): string {
  return printable(text, { singleLine: true });
}

/** A path as the user would type it from here: relative below the working folder, else absolute. */
function display(context: Context, path: string): string {
  const near = relative(context.cwd, path);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? path : near;
}

function reportProblems(context: Context, file: string, problems: readonly ImportProblem[]): never {
  const style = createStyle(context.color);
  for (const problem of problems) {
    const where = problem.line === null ? file : `${file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
    const path = problem.path === undefined || problem.path === '' ? '' : `  ${problem.path}`;
    writeLine(context.stderr, `${style.red('error')}  ${oneLine(where)}${oneLine(path)}`);
    writeLine(context.stderr, `       ${oneLine(problem.message)}`);
    writeLine(context.stderr, `       ${style.dim(`hint: ${oneLine(problem.hint)}`)}`);
  }
  const rows = new Set(problems.map((problem) => problem.line).filter((line) => line !== null)).size;
  const where = rows > 0 ? ` on ${rows} line${rows === 1 ? '' : 's'}` : '';
  writeLine(context.stderr, `\n${problems.length} problem${problems.length === 1 ? '' : 's'}${where}: nothing was imported.`);
  throw new ReportedFailure();
}

async function readInput(context: Context, path: string, shown: string): Promise<Uint8Array> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UsageError(`no file at ${oneLine(path)}`, 'give the path of an Anki text export (.txt), a CSV/TSV file or a deck.json');
    throw new UsageError(`cannot read ${oneLine(path)} (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new UsageError(`${oneLine(path)} is not a file`, 'give the path of an Anki text export (.txt), a CSV/TSV file or a deck.json');
  if (info.size > MAX_IMPORT_BYTES) reportProblems(context, shown, [tooLargeProblem(info.size)]);
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${oneLine(path)} (${error.code ?? error.message})`);
  });
}

/** What is in the way at the target: nothing, an empty folder, or something only --force may replace. */
async function targetState(target: string): Promise<'absent' | 'empty' | 'full'> {
  const info = await stat(target).catch(() => null);
  if (info === null) return 'absent';
  if (!info.isDirectory()) throw new UsageError(`${oneLine(target)} exists and is not a folder`, 'choose another folder with --out');
  return (await readdir(target)).length === 0 ? 'empty' : 'full';
}

/**
 * A new deck folder appears whole or not at all: it is written as a hidden sibling (which the deck
 * loader skips) and renamed into place.
 */
async function writeNewDeckFolder(target: string, text: string): Promise<void> {
  const parent = dirname(target);
  let temp: string | undefined;
  let renaming = false;
  try {
    await mkdir(parent, { recursive: true });
    temp = await mkdtemp(join(parent, `.${basename(target)}.import-`));
    await writeFileDurably(join(temp, DECK_FILE), text, { what: 'the imported deck' });
    renaming = true;
    await rename(temp, target);
  } catch (error) {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw explainWriteError(error, target, renaming);
  }
}

/** A StorageError already says what happened; a bare file-system error gets the same treatment. */
function explainWriteError(error: unknown, target: string, renaming: boolean): unknown {
  if ((error as { name?: string }).name === 'StorageError') return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (renaming && (code === 'ENOTEMPTY' || code === 'EEXIST')) {
    return new UsageError(`${oneLine(target)} appeared while importing (another import?): nothing was imported`, 'run the import again, with --force to replace it');
  }
  return new DeckError(`could not write the deck to ${oneLine(target)} (${code ?? (error as Error).message}): nothing was imported`, 'check that the folder can be made and written to, and that the disk is not full');
}

/**
 * --force over an existing deck folder: the old deck.json and article.txt are kept aside (in .replaced/),
 * then the new deck.json is written, with no stale article to check it against.
 */
async function replaceDeck(target: string, text: string, now: Date): Promise<string | null> {
  try {
    const kept = await keepReplacedDeck(target, now);
    await writeFileDurably(join(target, DECK_FILE), text, { what: 'the imported deck' });
    return kept;
  } catch (error) {
    throw explainWriteError(error, target, false);
  }
}

export async function importCommand(context: Context, file: string, options: ImportCommandOptions): Promise<void> {
  if (options.title !== undefined && options.title.trim() === '') throw new UsageError('--title is empty', 'give the deck a title, e.g. --title "Capitals of Europe"');
  const library = await openLibrary(context, options);
  const chosen = options.out === undefined ? null : resolve(context.cwd, options.out);
  // A folder name that cannot be an id does not name the deck: its id comes from the title (and is said).
  const usableName = chosen !== null && isDeckId(basename(chosen));

  const path = resolve(context.cwd, file);
  const shown = display(context, path);
  const decoded = decodeImportBytes(await readInput(context, path, shown));
  if (!decoded.ok) reportProblems(context, shown, decoded.problems);

  const underQuestions = chosen !== null && dirname(chosen) === library.builtInDir;
  const plan = planImport(decoded.text, {
    fileName: basename(path),
    title: options.title,
    folderName: chosen === null || !usableName ? undefined : basename(chosen),
    schemaRef: underQuestions ? SCHEMA_REF : undefined,
  });
  if (plan.deck === null) reportProblems(context, shown, plan.problems);
  const deck = plan.deck;

  const target = chosen ?? join(library.libraryDir, deck.id);
  checkNewDeckId(library, target, deck.id);
  const state = await targetState(target);
  if (state === 'full' && options.force !== true) {
    throw new UsageError(
      `${oneLine(display(context, target))} already exists: nothing was imported`,
      chosen === null ? 'add --force to replace it, or give another --title or --out DIR' : 'add --force to replace it, or choose another --out DIR',
    );
  }
  const text = serialize(deck);
  const kept = state === 'full' ? await replaceDeck(target, text, context.now()) : null;
  if (state !== 'full') await writeNewDeckFolder(target, text);

  const where = display(context, target);
  const count = plan.format === 'json' ? `a deck of ${deck.facts.length} facts` : `${deck.facts.length} card${deck.facts.length === 1 ? '' : 's'}`;
  writeLine(context.stdout, `Imported ${count} (${plan.format}) into ${oneLine(where)}${state === 'full' ? ' (replaced)' : ''}.`);
  if (chosen !== null && !usableName) {
    writeLine(context.stdout, `  note: the folder name "${oneLine(basename(chosen))}" cannot be a deck id (lowercase letters, digits, hyphens): the deck's id is "${oneLine(deck.id)}"`);
  }
  if (kept !== null) writeLine(context.stdout, `  the deck it replaced is kept in ${oneLine(display(context, kept))}`);
  for (const note of plan.notes) writeLine(context.stdout, `  note: ${oneLine(note)}`);
  const deckOption = await deckArgument(context, target, deck.id, options);
  writeLine(context.stdout, `Start with: factdeck quiz --deck ${oneLine(deckOption)}`);
}
