// `factdeck learn ARTICLE`: from an article to its first question in one step. The article is a text
// file, a page saved from a browser (.html: its article is found and kept as text), or `-` (pasted in a
// terminal, then Ctrl+D; or piped). The draft deck goes into the learner's decks; one screen says what was
// made and what was left out and why; then the learner goes through the questions (keep, drop, fix) or
// starts the quiz at once. The same article learned again reuses its deck (and the learner's edits).

import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename, join, relative, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { ARTICLE_FILE } from '../bank/load-decks.js';
import { slugify } from '../builder/slug.js';
import type { BuildResult } from '../builder/build-deck.js';
import { QUESTION_KINDS } from '../domain/deck.js';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { DeckError, StoppedError, UsageError } from '../errors.js';
import { printable } from '../ui/printable.js';
import { isPromptExit } from '../ui/prompt-exit.js';
import { kindLabel } from '../ui/render-quiz.js';
import { createStyle, type Style } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import { articleTitle, deckTitle, draftDeck, fromPage, loadTagger, looksLikeHtml, MAX_ARTICLE_BYTES, readArticleFile } from './build.js';
import { editCommand } from './edit.js';
import { openLibrary } from './open-deck.js';
import { quizCommand } from './quiz.js';
import { checkProfile, requireTerminalOrPlain, type ProgressOptions } from './run-session.js';
import { isDeckId } from '../bank/interop/slug.js';

export interface LearnOptions extends ProgressOptions {
  title?: string;
  seed?: number;
  count?: number;
  /** What to do once the deck is made: ask (a terminal), or go straight to the quiz. */
  then?: 'ask' | 'quiz' | 'edit' | 'nothing';
}

interface Article {
  /** Names the article in messages and titles. */
  name: string;
  text: string;
  /** What the deck keeps as article.txt: the file's bytes, or the text found in a page. */
  bytes: Buffer | string;
  fromPage: boolean;
  /** Read from standard input that is not a terminal: no answers can follow on it. */
  pipedIn: boolean;
}

/** A terminal: the pasted lines until Ctrl+D on an empty line (Ctrl+C gives up). */
async function readPasted(context: Context): Promise<string> {
  // The terminal is in raw mode (readline's) before the learner is asked: a paste that comes at once is
  // read by readline, and Ctrl+D ends it without ending standard input, which the prompts after need.
  const rl = createInterface({ input: context.stdin, output: context.stdout, terminal: true });
  writeLine(context.stdout, 'Paste the article (its headline on the first line), then press Ctrl+D:');
  const lines: string[] = [];
  let cancelled = false;
  rl.on('line', (line) => lines.push(line));
  rl.on('SIGINT', () => {
    cancelled = true;
    rl.close();
  });
  // A paste whose last line has no line break: Ctrl+D after it ends the article too (readline alone
  // would take it as "delete").
  const onKey = (_text: string, key: { ctrl?: boolean; name?: string } | undefined): void => {
    if (key?.ctrl === true && key.name === 'd' && rl.line !== '') {
      lines.push(rl.line);
      rl.close();
    }
  };
  context.stdin.on('keypress', onKey);
  await new Promise<void>((done) => rl.once('close', done));
  context.stdin.removeListener('keypress', onKey);
  if (cancelled) throw new StoppedError('\nStopped: nothing was learned.');
  return `${lines.join('\n')}\n`;
}

async function readPiped(context: Context): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of context.stdin as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_ARTICLE_BYTES) throw new UsageError(`the article on standard input is over ${MAX_ARTICLE_BYTES / 1024 / 1024} MB`, 'learn from one article as plain text');
    chunks.push(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new DeckError('the article on standard input is not UTF-8 text', 'give it as UTF-8 plain text');
  }
}

async function readLearnArticle(context: Context, path: string): Promise<Article> {
  if (path === '-') {
    const pipedIn = !context.interactive;
    const text = pipedIn ? await readPiped(context) : await readPasted(context);
    if (text.trim() === '') throw new UsageError('no article was given on standard input', 'paste an article, or give the path of one: factdeck learn article.txt');
    if (looksLikeHtml(text)) {
      const page = await fromPage('(standard input)', text);
      return { name: 'article.html', text: page.text, bytes: page.text, fromPage: true, pipedIn };
    }
    return { name: 'article.txt', text, bytes: text, fromPage: false, pipedIn };
  }
  const file = resolve(context.cwd, path);
  const read = await readArticleFile(context, file);
  return { name: basename(file), ...read, pipedIn: false };
}

/**
 * The id for the article's deck: the slug of its title, or the first free `-2`, `-3`... A deck of the
 * learner's holding the same article is reused (`existing`); a built-in deck's id is never taken.
 */
async function chooseId(context: Context, options: LearnOptions, title: string, text: string, earlierTitle: string): Promise<{ id: string; existing: boolean }> {
  const library = await openLibrary(context, options);
  const sameArticle = async (id: string): Promise<boolean> => {
    const mine = library.decks.find((entry) => entry.id === id && entry.place === 'yours');
    if (mine === undefined) return false;
    const kept = mine.report.loaded?.article ?? (await readFile(join(mine.report.dir, ARTICLE_FILE), 'utf8').catch(() => null));
    return kept !== null && kept === text && mine.report.problems.length === 0;
  };
  // The n-th id of a title: its slug, then `-2`, `-3`...
  const idAt = (base: string, n: number): string => (n === 1 ? base : `${base.slice(0, 60).replace(/-+$/, '')}-${n}`);
  const earlier = slugify(earlierTitle);
  for (let n = 1; earlier !== slugify(title) && n < 100; n++) {
    const id = idAt(earlier, n);
    if (!isDeckId(id) || !library.decks.some((entry) => entry.id === id)) break;
    if (await sameArticle(id)) return { id, existing: true };
  }
  const base = slugify(title);
  for (let n = 1; n < 100; n++) {
    const id = idAt(base, n);
    if (!isDeckId(id)) continue;
    const taken = library.decks.filter((entry) => entry.id === id);
    if (taken.length === 0) return { id, existing: false };
    if (taken.some((entry) => entry.place === 'built-in')) continue;
    if (await sameArticle(id)) return { id, existing: true };
  }
  throw new UsageError(`too many decks are called "${base}"`, 'give this one a title of its own with --title "..."');
}

/** "the answer "X" also appears in the prompt" -> "the answer … also appears in the prompt". */
function reasonGroup(reason: string): string {
  return reason
    .replace(/"[^"]*"|“[^”]*”/g, '…')
    .replace(/\s*\(\d+\)$/, '')
    .replace(/\d+/g, 'N')
    .trim();
}

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** The one screen after building: what was made, and what was left out and why. */
export function renderLearnSummary(result: BuildResult, where: string, style: Style): string {
  const { deck } = result;
  const kinds = QUESTION_KINDS.map((kind) => [kind, deck.questions.filter((q) => q.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kindLabel(kind)}`)
    .join(', ');
  const lines = [
    style.bold(`"${printable(deck.title, { singleLine: true })}"`),
    `  ${deck.facts.length} facts, ${deck.questions.length} questions: ${kinds}`,
    `  saved as your deck ${style.bold(deck.id)} in ${printable(where, { singleLine: true })}`,
  ];
  // The headline is not left out: its facts are asked from the body.
  const dropped = result.candidates.filter((c) => !c.kept && !c.reason.startsWith('the headline'));
  const sentences = countBy(
    dropped.filter((c) => c.stage !== 'question'),
    (c) => reasonGroup(c.reason),
  );
  const questions = countBy(
    dropped.filter((c) => c.stage === 'question'),
    (c) => reasonGroup(c.reason),
  );
  if (sentences.length + questions.length > 0) lines.push('', style.bold('Left out, and why:'));
  const shown = (groups: [string, number][], what: string): void => {
    for (const [reason, n] of groups.slice(0, 4)) lines.push(`  ${String(n).padStart(3)} ${what}${n === 1 ? '' : 's'}: ${printable(reason, { singleLine: true })}`);
    const rest = groups.slice(4).reduce((sum, [, n]) => sum + n, 0);
    if (rest > 0) lines.push(style.dim(`  ${String(rest).padStart(3)} ${what}${rest === 1 ? '' : 's'} for other reasons`));
  };
  shown(sentences, 'sentence');
  shown(questions, 'question');
  if (dropped.length > 0) lines.push(style.dim('  (factdeck build --explain lists each one)'));
  return lines.join('\n');
}

type Next = 'quiz' | 'edit' | 'nothing';

async function askNext(context: Context): Promise<Next> {
  const { askSelect } = await import('../ui/prompts.js');
  return askSelect<Next>(
    {
      message: 'What now?',
      choices: [
        { name: 'Start the quiz', value: 'quiz', description: '10 questions of mixed kinds, feedback after each' },
        { name: 'Go through the questions first', value: 'edit', description: 'one screen each: keep, drop (d) or fix; then the quiz' },
        { name: 'Later', value: 'nothing', description: 'the deck stays in your decks: factdeck quiz --deck ID' },
      ],
      quitValue: 'nothing',
    },
    promptContext(context),
  ).catch((error: unknown) => {
    if (isPromptExit(error)) return 'nothing' as const;
    throw error;
  });
}

/** Learns an article; resolves the id of its deck. */
export async function learnCommand(context: Context, path: string, options: LearnOptions): Promise<string> {
  const profile = checkProfile(options.profile);
  requireTerminalOrPlain(context, options, 'learn');
  const style = createStyle(context.color && !options.plain);
  const article = await readLearnArticle(context, path);
  const tagger = await loadTagger(context);
  const title = deckTitle(article.text, article.name, options.title, tagger);
  // (A deck learned before titles left the headline's outcome out is found under the headline's id.)
  const { id, existing } = await chooseId(context, options, title, article.text, articleTitle(article.text, article.name, options.title));
  const library = await openLibrary(context, options);
  const dir = join(library.libraryDir, id);
  const near = relative(context.cwd, dir);
  const where = near.startsWith('..') ? dir : near;
  if (existing) {
    writeLine(context.stdout, `You have learned this article before: it is your deck ${style.bold(id)} (${printable(where, { singleLine: true })}), with your edits and progress.`);
  } else {
    const draft = await draftDeck(context, article.name, { text: article.text, bytes: article.bytes }, { out: dir, title, seed: options.seed, data: options.data, tagger });
    const summary = renderLearnSummary(draft.result, where, style);
    writeLine(context.stdout, options.plain ? summary : wrapText(summary, Math.min(context.stdout.columns ?? 100, 100) - 1));
  }
  const deckOptions = { data: options.data, profile, plain: options.plain };
  if (article.pipedIn) {
    // Standard input held the article: no answers can follow on it.
    writeLine(context.stdout, `\nQuiz yourself on it: factdeck quiz --deck ${id}`);
    return id;
  }
  const next: Next = options.then === undefined || options.then === 'ask' ? (options.plain ? 'quiz' : await askNext(context)) : options.then;
  if (next === 'nothing') {
    writeLine(context.stdout, `It is in your decks: factdeck quiz --deck ${id} (or factdeck edit ${id} to go through it).`);
    return id;
  }
  if (next === 'edit') await editCommand(context, id, { ...deckOptions, thenQuiz: true });
  writeLine(context.stdout);
  await quizCommand(context, { ...deckOptions, deck: id, count: options.count ?? 10 });
  return id;
}
