// `factdeck import FILE [--out DIR] [--title T] [--force] [--json]`: an Anki text export, a CSV/TSV file
// or a factdeck deck.json -> a deck folder (questions/<slug>/ unless --out says where) holding deck.json.
// Read, decode and plan everything first; when anything is wrong, print every problem with its line and
// write nothing (exit 1). An existing non-empty folder is only replaced with --force. With --json, the
// outcome (the deck written, or every problem) is one JSON document on stdout (docs/json.md).

import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { decodeImportBytes, MAX_IMPORT_BYTES, tooLargeProblem } from '../bank/interop/decode-text.js';
import { planImport, type ImportProblem } from '../bank/interop/import-deck.js';
import { isDeckId } from '../bank/interop/slug.js';
import { keepReplacedDeck } from '../bank/keep-replaced.js';
import type { Deck } from '../domain/deck.js';
import { DECK_FILE } from '../bank/load-decks.js';
import { MAX_DECK_FILE_BYTES, megabytes } from '../bank/limits.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { DeckError, ReportedFailure, UsageError } from '../errors.js';
import { checkNewDeckId } from '../bank/library.js';
import { deckArgument, openLibrary } from './open-deck.js';
import { serialize, writeFileDurably } from '../storage/durable-file.js';
import { printable } from '../ui/printable.js';
import { renderProblem } from '../ui/render-problems.js';
import { createStyle } from '../ui/style.js';
import { writeJson } from './json-output.js';

export interface ImportCommandOptions {
  out?: string;
  title?: string;
  force?: boolean;
  json?: boolean;
  strict?: boolean;
  withProgress?: boolean;
  profile?: string;
  data?: string;
}

export const SCHEMA_REF = '../deck.schema.json';
/** An Anki package may be larger than a text file: the media it carries are not read. */
const MAX_PACKAGE_FILE_BYTES = 100 * 1024 * 1024;

function oneLine(text: string): string {
  return printable(text, { singleLine: true });
}

/** A path as the user would type it from here: relative below the working folder, else absolute. */
export function display(context: Context, path: string): string {
  const near = relative(context.cwd, path);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? path : near;
}

export function reportProblems(context: Context, file: string, problems: readonly ImportProblem[], json?: boolean): never {
  if (json) {
    const listed = problems.map((problem) => ({ line: problem.line, column: problem.column ?? null, path: problem.path ?? null, message: problem.message, hint: problem.hint }));
    writeJson(context, { ok: false, file, problems: listed });
    throw new ReportedFailure();
  }
  const style = createStyle(context.color);
  for (const problem of problems) {
    const where = problem.line === null ? file : `${file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
    for (const line of renderProblem({ where, path: problem.path, message: problem.message, hint: problem.hint }, style)) writeLine(context.stderr, line);
  }
  const rows = new Set(problems.map((problem) => problem.line).filter((line) => line !== null)).size;
  const where = rows > 0 ? ` on ${rows} line${rows === 1 ? '' : 's'}` : '';
  writeLine(context.stderr, `\n${problems.length} problem${problems.length === 1 ? '' : 's'}${where}: nothing was imported.`);
  throw new ReportedFailure();
}

async function readInput(context: Context, path: string, shown: string, json: boolean | undefined, limit = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UsageError(`no file at ${oneLine(path)}`, 'give the path of an Anki package (.apkg) or text export (.txt), a CSV/TSV file or a deck.json');
    throw new UsageError(`cannot read ${oneLine(path)} (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new UsageError(`${oneLine(path)} is not a file`, 'give the path of an Anki package (.apkg) or text export (.txt), a CSV/TSV file or a deck.json');
  if (info.size > limit) reportProblems(context, shown, [limit === MAX_IMPORT_BYTES ? tooLargeProblem(info.size) : { line: null, message: `the package is too large (${Math.round(info.size / 1024 / 1024)} MB; the limit is ${Math.round(limit / 1024 / 1024)} MB)`, hint: 'split the deck in Anki and export the parts' }], json);
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${oneLine(path)} (${error.code ?? error.message})`);
  });
}

/**
 * The one limit of a deck (limits.ts), checked before anything is written: a deck.json larger than it would
 * be refused by every command that opens it.
 */
export function refuseDeckOverLimit(context: Context, shown: string, text: string, hint: string, json?: boolean): void {
  const deckBytes = Buffer.byteLength(text);
  if (deckBytes <= MAX_DECK_FILE_BYTES) return;
  reportProblems(context, shown, [{ line: null, message: `the deck it makes would be ${megabytes(deckBytes)}, over the ${megabytes(MAX_DECK_FILE_BYTES)} a deck may be (no command would open it)`, hint }], json);
}

/** What is in the way at the target: nothing, an empty folder, or something only --force may replace. */
export async function targetState(target: string): Promise<'absent' | 'empty' | 'full'> {
  const info = await stat(target).catch(() => null);
  if (info === null) return 'absent';
  if (!info.isDirectory()) throw new UsageError(`${oneLine(target)} exists and is not a folder`, 'choose another folder with --out');
  return (await readdir(target)).length === 0 ? 'empty' : 'full';
}

/**
 * A new deck folder appears whole or not at all: it is written as a hidden sibling (which the deck
 * loader skips) and renamed into place.
 */
export async function writeNewDeckFolder(target: string, text: string): Promise<void> {
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
export async function replaceDeck(target: string, text: string, now: Date): Promise<string | null> {
  try {
    const kept = await keepReplacedDeck(target, now);
    await writeFileDurably(join(target, DECK_FILE), text, { what: 'the imported deck' });
    return kept;
  } catch (error) {
    throw explainWriteError(error, target, false);
  }
}

/** What an import brought in, for `--json` (docs/json.md, "import"): one shape for every kind of file. */
export interface ImportDocument {
  file: string;
  format: string;
  dir: string;
  deck: Deck;
  /** An existing deck was replaced (--force). */
  replaced: boolean;
  /** Where the deck it replaced was kept, if anywhere. */
  keptIn: string | null;
  notes: readonly string[];
  skipped: readonly { line: number | null; message: string }[];
  deckOption: string;
  /** An Anki package's schedule brought in with --with-progress; null otherwise. */
  schedule: { cards: number; ratings: number; kept: number } | null;
}

export function writeImportDocument(context: Context, doc: ImportDocument): void {
  writeJson(context, {
    ok: true,
    file: doc.file,
    format: doc.format,
    dir: doc.dir,
    deckId: doc.deck.id,
    title: doc.deck.title,
    facts: doc.deck.facts.length,
    questions: doc.deck.questions.length,
    replaced: doc.replaced,
    keptIn: doc.keptIn,
    notes: doc.notes,
    skipped: doc.skipped.map((problem) => ({ line: problem.line, message: problem.message })),
    deckOption: doc.deckOption,
    schedule: doc.schedule,
  });
}

export async function importCommand(context: Context, file: string, options: ImportCommandOptions): Promise<void> {
  if (options.title !== undefined && options.title.trim() === '') throw new UsageError('--title is empty', 'give the deck a title, e.g. --title "Capitals of Europe"');
  const library = await openLibrary(context, options);
  const chosen = options.out === undefined ? null : resolve(context.cwd, options.out);
  // A folder name that cannot be an id does not name the deck: its id comes from the title (and is said).
  const usableName = chosen !== null && isDeckId(basename(chosen));

  const path = resolve(context.cwd, file);
  const shown = display(context, path);
  const isPackage = /\.(apkg|colpkg)$/i.test(path);
  const bytes = await readInput(context, path, shown, options.json, isPackage ? MAX_PACKAGE_FILE_BYTES : MAX_IMPORT_BYTES);
  // A zip is a package whatever its name (an Anki text file never starts with "PK\x03\x04").
  if (isPackage || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    const { importPackage } = await import('./import-package.js');
    return importPackage(context, bytes, { path, shown, chosen, library, options });
  }
  if (options.withProgress) throw new UsageError('--with-progress goes with an Anki package (.apkg)', 'a text file carries no schedule');
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) reportProblems(context, shown, decoded.problems, options.json);

  const underQuestions = chosen !== null && dirname(chosen) === library.builtInDir;
  const plan = planImport(decoded.text, {
    fileName: basename(path),
    title: options.title,
    folderName: chosen === null || !usableName ? undefined : basename(chosen),
    schemaRef: underQuestions ? SCHEMA_REF : undefined,
    strict: options.strict === true,
  });
  if (plan.deck === null) reportProblems(context, shown, plan.problems, options.json);
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
  refuseDeckOverLimit(context, shown, text, 'split the file into smaller ones and import them one by one', options.json);
  const kept = state === 'full' ? await replaceDeck(target, text, context.now()) : null;
  if (state !== 'full') await writeNewDeckFolder(target, text);

  const where = display(context, target);
  // openDeck takes a bare name for an id: a folder elsewhere is given as a path.
  const deckOption = await deckArgument(context, target, deck.id, options);
  if (options.json) {
    writeImportDocument(context, { file: path, format: plan.format, dir: target, deck, replaced: state === 'full', keptIn: kept, notes: plan.notes, skipped: plan.skipped, deckOption, schedule: null });
    return;
  }
  const count = plan.format === 'json' ? `a deck of ${deck.facts.length} facts` : `${deck.facts.length} card${deck.facts.length === 1 ? '' : 's'}`;
  writeLine(context.stdout, `Imported ${count} (${plan.format}) into ${oneLine(where)}${state === 'full' ? ' (replaced)' : ''}.`);
  if (chosen !== null && !usableName) {
    writeLine(context.stdout, `  note: the folder name "${oneLine(basename(chosen))}" cannot be a deck id (lowercase letters, digits, hyphens): the deck's id is "${oneLine(deck.id)}"`);
  }
  if (kept !== null) writeLine(context.stdout, `  the deck it replaced is kept in ${oneLine(display(context, kept))}`);
  for (const note of plan.notes) writeLine(context.stdout, `  note: ${oneLine(note)}`);
  if (plan.skipped.length > 0) {
    const rows = new Set(plan.skipped.map((problem) => problem.line)).size;
    writeLine(context.stdout, `  skipped ${rows} row${rows === 1 ? '' : 's'} (\`--strict\` imports nothing instead):`);
    for (const problem of plan.skipped.slice(0, 30)) writeLine(context.stdout, `    ${oneLine(`${shown}${problem.line === null ? '' : `:${problem.line}`}`)}  ${oneLine(problem.message)}`);
    if (plan.skipped.length > 30) writeLine(context.stdout, `    ... and ${plan.skipped.length - 30} more`);
  }
  writeLine(context.stdout, `Start with: factdeck quiz --deck ${oneLine(deckOption)}`);
}
