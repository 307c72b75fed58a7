// `factdeck build ARTICLE`: draft a deck from a plain-text article, offline. Reads and checks the article,
// loads the tagger (compromise, only here: no other command pays for it), asks the builder for a deck,
// writes the article (byte for byte) and deck.json into the deck folder, then validates what it wrote with
// the same code `factdeck check` runs. `--explain` shows every candidate kept or dropped, with the reason.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { ARTICLE_FILE, DECK_FILE, loadDeck } from '../bank/load-decks.js';
import { detectHeadline } from '../builder/analyse.js';
import { buildDeck, type BuildResult } from '../builder/build-deck.js';
import { DECK_ID, slugify, titleFromFileName } from '../builder/slug.js';
import { createCompromiseTagger, type CompromiseLike, type Tagger } from '../builder/tagger.js';
import { neutralTitle } from '../builder/title.js';
import { englishWordCheck } from '../english-words.js';
import type { Candidate } from '../builder/types.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { QUESTION_KINDS } from '../domain/deck.js';
import { DeckError, UsageError } from '../errors.js';
import { builtInQuestionsDir } from '../paths.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { checkNewDeckId } from '../bank/library.js';
import { deckArgument, openLibrary } from './open-deck.js';
import { keepReplacedDeck } from '../bank/keep-replaced.js';

export interface BuildOptions {
  out?: string;
  data?: string;
  title?: string;
  seed?: number;
  explain?: boolean;
  force?: boolean;
  json?: boolean;
}

/** An article is a few pages of text; far beyond that is not an article. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_SEED = 1;
const SCHEMA_FILE = 'deck.schema.json';

function display(context: Context, path: string): string {
  return relative(context.cwd, path) || path;
}

/** The article's bytes (copied as they are) and its text, or a clear refusal. */
export async function readArticle(context: Context, file: string): Promise<{ bytes: Buffer; text: string }> {
  const shown = printable(display(context, file), { singleLine: true });
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Said as import says it: the whole path, so a wrong folder shows.
    if (code === 'ENOENT') throw new UsageError(`no file at ${printable(file, { singleLine: true })}`, 'give the path of a plain-text article, e.g. factdeck build article.txt');
    throw new UsageError(`${shown} cannot be read (${code ?? (error as Error).message})`, 'check the path and its permissions');
  }
  if (info.isDirectory()) throw new UsageError(`${shown} is a folder, not an article`, 'give the path of a plain-text file inside it');
  if (!info.isFile()) throw new UsageError(`${shown} is not a regular file`, 'give the path of a plain-text article');
  if (info.size > MAX_ARTICLE_BYTES) {
    const mb = (info.size / 1024 / 1024).toFixed(1);
    throw new UsageError(`${shown} is too large (${mb} MB; the limit is ${MAX_ARTICLE_BYTES / 1024 / 1024} MB)`, 'build from one article as plain text');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UsageError(`${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'check the path and its permissions');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DeckError(`${shown} is not UTF-8 text`, 'save the article as UTF-8 plain text (not a PDF or a Word file) and try again');
  }
  if (text.includes('\u0000')) throw new DeckError(`${shown} is a binary file, not text`, 'save the article as UTF-8 plain text and try again');
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new DeckError(`${shown} is empty`, 'put the text of an article in it: a headline on the first line, then its paragraphs');
  return { bytes, text };
}

/**
 * Where the deck goes, and its id: the learner's decks folder unless --out says where. The id is the
 * folder's name, or made from the title when that name cannot be an id (`--out My_Deck`), which is said.
 */
function deckFolder(context: Context, title: string, out: string | undefined, libraryDir: string): { dir: string; id: string; note: string | null } {
  const dir = out === undefined ? join(libraryDir, slugify(title)) : resolve(context.cwd, out);
  const name = basename(dir);
  if (DECK_ID.test(name)) return { dir, id: name, note: null };
  const id = slugify(title);
  return { dir, id, note: `The folder name "${printable(name, { singleLine: true })}" cannot be a deck id (lowercase letters, digits, hyphens): the deck's id is "${id}", made from its title.` };
}

async function exists(path: string): Promise<'file' | 'dir' | null> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/** Writes a file whole or not at all: a temporary file, then a rename. */
async function writeWhole(path: string, data: string | Buffer): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function countKinds(result: BuildResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of QUESTION_KINDS) {
    const n = result.deck.questions.filter((q) => q.kind === kind).length;
    if (n > 0) counts[kind] = n;
  }
  return counts;
}

function clip(text: string, max = 150): string {
  const line = printable(text, { singleLine: true });
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function explainLines(result: BuildResult): string[] {
  const lines: string[] = [];
  let sentence = -1;
  for (const candidate of result.candidates) {
    if (candidate.sentence !== sentence) {
      sentence = candidate.sentence;
      const text = result.analysis.sentences[sentence]?.text ?? '';
      lines.push('', `sentence ${sentence + 1}: ${clip(text, 120)}`);
    }
    lines.push(explainLine(candidate));
  }
  return lines;
}

function explainLine(candidate: Candidate): string {
  const verdict = candidate.kept ? 'kept   ' : 'dropped';
  const what = (candidate.kind ?? candidate.stage).padEnd(12);
  const answer = candidate.answer === undefined ? '' : `  -> ${clip(candidate.answer, 60)}`;
  const reason = candidate.kept && candidate.stage === 'question' ? '' : `  (${clip(candidate.reason, 160)})`;
  return `  ${verdict} ${what} ${clip(candidate.text)}${answer}${reason}`;
}

export interface Draft {
  dir: string;
  id: string;
  title: string;
  seed: number;
  result: BuildResult;
  /** Where a deck replaced by --force was kept. */
  kept: string | null;
  /** Said when the folder's name could not be the id. */
  note: string | null;
}

/** The title an article gives itself: --title, its headline, or its file name. */
export function articleTitle(text: string, fileName: string, title: string | undefined): string {
  return title?.trim() || detectHeadline(text) || titleFromFileName(fileName);
}

/**
 * The title a drafted deck shows: --title, else what its headline is about without the outcome the headline
 * tells (builder/title.ts: "Kellin Cup final", not "Varno beat Osterby 3-1 in the Kellin Cup final"), else its
 * file name. The deck's id and folder are made from it, so they give away nothing either.
 */
export function deckTitle(text: string, fileName: string, title: string | undefined, tagger: Tagger): string {
  const headline = detectHeadline(text);
  return title?.trim() || (headline === null ? null : neutralTitle(headline, tagger)) || titleFromFileName(fileName);
}

/** The builder's tagger: compromise, loaded here (by the commands that draft decks only), with the English word list. */
export async function loadTagger(context: Context): Promise<Tagger> {
  const { default: nlp } = await import('compromise');
  // The English word list tells a name made of everyday words ("Search and Rescue"); unreadable, it only
  // means no word is known as English.
  return createCompromiseTagger(nlp as unknown as CompromiseLike, englishWordCheck(context.root, () => undefined));
}

/**
 * Builds the deck of an article and writes it (the article's bytes and deck.json) into its folder, which
 * must not hold a deck unless `force`; what was written must pass `check`. `file` names the article in
 * messages.
 */
export async function draftDeck(context: Context, file: string, article: { bytes: Buffer | string; text: string }, options: BuildOptions & { tagger?: Tagger }): Promise<Draft> {
  const { text, bytes } = article;
  // The tagger is heavy: it is loaded here, by this command only (first, as the title needs it).
  const tagger = options.tagger ?? (await loadTagger(context));
  const title = deckTitle(text, basename(file), options.title, tagger);
  const library = await openLibrary(context, options);
  const { dir, id, note } = deckFolder(context, title, options.out, library.libraryDir);
  checkNewDeckId(library, dir, id);
  const shownDir = printable(display(context, dir), { singleLine: true });

  const found = await exists(dir);
  if (found === 'file') throw new UsageError(`${shownDir} is a file, not a folder`, 'give --out a folder for the deck');
  if (found === 'dir' && !options.force && ((await exists(join(dir, DECK_FILE))) !== null || (await exists(join(dir, ARTICLE_FILE))) !== null)) {
    throw new UsageError(`${shownDir} already holds a deck`, 'add --force to replace it, or choose another folder with --out DIR (or another --title)');
  }

  const parent = dirname(dir);
  const underQuestions = parent === builtInQuestionsDir(context.root) || (await exists(join(parent, SCHEMA_FILE))) === 'file';
  const seed = options.seed ?? DEFAULT_SEED;
  const result = buildDeck(text, tagger, { id, title, seed, ...(underQuestions ? { schema: `../${SCHEMA_FILE}` } : {}) });
  if (result.deck.facts.length === 0) {
    throw new DeckError(
      `${printable(display(context, file), { singleLine: true })} has no usable sentences (${result.bodySentences} read; none names a person, place, organisation, date or number a question could ask about)`,
      'build from a news article in plain text: a headline on the first line, then full sentences; run with --explain to see why each sentence was dropped',
    );
  }

  await mkdir(dir, { recursive: true });
  // --force over a deck: its files are kept aside first, never lost.
  const kept = await keepReplacedDeck(dir, context.now());
  await writeWhole(join(dir, ARTICLE_FILE), bytes);
  await writeWhole(join(dir, DECK_FILE), `${JSON.stringify(result.deck, null, 2)}\n`);

  // What was written must pass `factdeck check`; if not, that is a bug in the builder, said loudly.
  const report = await loadDeck(dir);
  if (report.problems.length > 0) {
    const first = report.problems
      .slice(0, 5)
      .map((problem) => `${problem.path || '(deck)'}: ${problem.message}`)
      .join('; ');
    throw new Error(`the deck written to ${display(context, dir)} does not pass \`factdeck check\` (${report.problems.length} problems: ${first}). This is a bug in factdeck build.`);
  }
  return { dir, id, title, seed, result, kept, note };
}

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1000));
}

export async function fromPage(name: string, html: string): Promise<{ text: string }> {
  const { extractArticle } = await import('../bank/html-article.js');
  const article = await extractArticle(html);
  if (article === null) {
    throw new DeckError(`found no article in the page ${printable(name, { singleLine: true })}`, 'save the page as "Web Page, HTML only" from the article itself, or copy its text into a .txt file');
  }
  return { text: article.text };
}

/**
 * An article file: plain text as it is, or a page saved from a browser (by its extension, or its first
 * bytes), whose article is found and kept as text.
 */
export async function readArticleFile(context: Context, file: string): Promise<{ bytes: Buffer | string; text: string; fromPage: boolean }> {
  if (PAGE_EXTENSIONS.has(extname(file).toLowerCase())) {
    // Checked as an article is (there, a file, not too large), then read as a page.
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile() || info.size > MAX_ARTICLE_BYTES) return { ...(await readArticle(context, file)), fromPage: false };
    const { text } = await fromPage(basename(file), (await readFile(file)).toString('utf8'));
    return { bytes: text, text, fromPage: true };
  }
  const { bytes, text } = await readArticle(context, file);
  if (!looksLikeHtml(text)) return { bytes, text, fromPage: false };
  const page = await fromPage(basename(file), text);
  return { bytes: page.text, text: page.text, fromPage: true };
}

export async function buildCommand(context: Context, articlePath: string, options: BuildOptions): Promise<void> {
  const file = resolve(context.cwd, articlePath);
  const article = await readArticleFile(context, file);
  const { dir, id, title, seed, result, kept, note } = await draftDeck(context, file, article, options);
  const shownDir = printable(display(context, dir), { singleLine: true });
  if (!options.json) {
    if (note !== null) writeLine(context.stdout, note);
    if (kept !== null) writeLine(context.stdout, `The deck it replaces is kept in ${printable(display(context, kept), { singleLine: true })}.`);
  }

  const kinds = countKinds(result);
  if (options.json) {
    const summary = {
      ok: true,
      dir,
      deckId: id,
      title,
      seed,
      facts: result.deck.facts.length,
      questions: result.deck.questions.length,
      kinds,
      ...(options.explain ? { candidates: result.candidates } : {}),
    };
    writeJson(context, summary);
    return;
  }
  if (options.explain) for (const line of explainLines(result)) writeLine(context.stdout, line);
  const byKind = Object.entries(kinds)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  if (options.explain) writeLine(context.stdout);
  writeLine(context.stdout, `Drafted "${printable(title, { singleLine: true })}": ${result.deck.facts.length} facts, ${result.deck.questions.length} questions (${byKind}).`);
  writeLine(context.stdout, `Wrote ${shownDir}/${ARTICLE_FILE} and ${shownDir}/${DECK_FILE} (seed ${seed}).`);
  const deck = printable(await deckArgument(context, dir, id, options), { singleLine: true });
  writeLine(context.stdout, `It is a draft: go through it with \`factdeck edit ${deck}\`, then \`factdeck quiz --deck ${deck}\`.`);
}
