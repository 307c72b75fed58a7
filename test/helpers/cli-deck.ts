// What the end-to-end tests know about decks, read straight from the deck files (no factdeck code): which
// question the screen shows, which number stands for which shown option, and what to answer to be right
// or wrong on purpose. Also a generated fixture deck of many true/false questions.

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './cli-run.js';

export interface DeckQuestion {
  id: string;
  factId: string;
  kind: 'choice' | 'true-false' | 'cloze' | 'short-answer' | 'order' | 'multi-select';
  prompt: string;
  answer: string | boolean | string[];
  choices?: string[];
  items?: string[];
  accept?: string[];
  explanation: string;
}

export interface DeckFact {
  id: string;
  statement: string;
  quote: string;
  topic: string;
}

export interface DeckFile {
  id: string;
  title: string;
  facts: DeckFact[];
  questions: DeckQuestion[];
}

export const QUESTIONS_DIR = join(ROOT, 'questions');

/** Every deck under questions/ (folders holding a deck.json), parsed. */
export async function builtInDecks(): Promise<DeckFile[]> {
  const entries = await readdir(QUESTIONS_DIR, { withFileTypes: true });
  const decks: DeckFile[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    try {
      decks.push(JSON.parse(await readFile(join(QUESTIONS_DIR, entry.name, 'deck.json'), 'utf8')) as DeckFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return decks;
}

/** The one built-in deck the tests run against (they omit --deck, as a new user would). */
export async function theBuiltInDeck(): Promise<DeckFile> {
  const decks = await builtInDecks();
  if (decks.length !== 1) {
    throw new Error(`the end-to-end tests expect exactly one deck under ${QUESTIONS_DIR}, found ${decks.length}: ${decks.map((d) => d.id).join(', ')}`);
  }
  return decks[0] as DeckFile;
}

/** Whitespace removed: terminal wrapping may break a line anywhere between words. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The deck question whose prompt the screen text shows (the longest, when one prompt contains another). */
export function findShownQuestion(deck: DeckFile, shown: string): DeckQuestion {
  const screen = squash(shown);
  const found = deck.questions.filter((q) => screen.includes(squash(q.prompt))).sort((a, b) => b.prompt.length - a.prompt.length);
  const question = found[0];
  if (question === undefined) throw new Error(`no question of deck ${deck.id} is shown in:\n${shown}`);
  return question;
}

/**
 * The numbered options on screen ("  2) Bali", "> 1) Tokyo", "  [x] 3) ...", "↕ 1) ... (moving)"), by
 * number, as first shown. 0 ("Don't know") is left out.
 */
export function parseShownOptions(shown: string): Map<number, string> {
  const options = new Map<number, string>();
  for (const line of shown.split('\n')) {
    const match = /^(?:>|↕)?\s*(?:\[[ x]\]\s)?(\d+)\)\s(.*?)(?:\s{2}\(moving\))?\s*$/.exec(line);
    if (match === null) continue;
    const number = Number(match[1]);
    if (number >= 1 && !options.has(number)) options.set(number, match[2] as string);
  }
  return options;
}

/** The number shown for an option text. */
export function numberOf(options: ReadonlyMap<number, string>, wanted: string): number {
  for (const [number, text] of options) {
    if (text === wanted || squash(text) === squash(wanted)) return number;
  }
  throw new Error(`${JSON.stringify(wanted)} is not among the options shown: ${JSON.stringify([...options])}`);
}

/**
 * The options shown, each replaced by the deck's text it stands for (a line cut by the terminal's width
 * shows only the start of a long option). Fails when the screen does not show all of the question's options.
 */
export function resolveOptions(question: DeckQuestion, shown: ReadonlyMap<number, string>): Map<number, string> {
  const texts = question.kind === 'order' ? (question.items ?? []) : question.kind === 'choice' || question.kind === 'multi-select' ? (question.choices ?? []) : [];
  const resolved = new Map<number, string>();
  for (const [number, text] of shown) {
    const exact = texts.find((t) => t === text || squash(t) === squash(text));
    const started = texts.filter((t) => squash(t).startsWith(squash(text)));
    const match = exact ?? (started.length === 1 ? started[0] : undefined);
    if (match !== undefined) resolved.set(number, match);
  }
  if (resolved.size !== texts.length || new Set(resolved.values()).size !== texts.length) {
    throw new Error(`question ${question.id}: the options shown ${JSON.stringify([...shown])} are not its ${JSON.stringify(texts)}`);
  }
  return resolved;
}

/** A text no question accepts. */
export const WRONG_TEXT = 'xyzzy';

export type PlannedAnswer =
  | { kind: 'choice'; number: number }
  | { kind: 'true-false'; value: boolean }
  | { kind: 'typed'; text: string }
  | { kind: 'order'; numbers: number[] }
  | { kind: 'multi-select'; numbers: number[] };

/** What to answer to `question`, shown with `options`, to be right (or wrong on purpose). */
export function planAnswer(question: DeckQuestion, options: ReadonlyMap<number, string>, right: boolean): PlannedAnswer {
  switch (question.kind) {
    case 'choice': {
      const answer = numberOf(options, question.answer as string);
      const other = [...options.keys()].find((n) => n !== answer);
      if (other === undefined) throw new Error(`question ${question.id} shows no wrong choice`);
      return { kind: 'choice', number: right ? answer : other };
    }
    case 'true-false':
      return { kind: 'true-false', value: right ? (question.answer as boolean) : !(question.answer as boolean) };
    case 'cloze':
    case 'short-answer':
      return { kind: 'typed', text: right ? (question.answer as string) : WRONG_TEXT };
    case 'order': {
      const numbers = (question.answer as string[]).map((item) => numberOf(options, item));
      return { kind: 'order', numbers: right ? numbers : [...numbers].reverse() };
    }
    case 'multi-select': {
      const answer = (question.answer as string[]).map((choice) => numberOf(options, choice)).sort((a, b) => a - b);
      if (right) return { kind: 'multi-select', numbers: answer };
      const others = [...options.keys()].filter((n) => !answer.includes(n)).sort((a, b) => a - b);
      return { kind: 'multi-select', numbers: others.length > 0 ? others : answer.slice(0, answer.length - 1) };
    }
  }
}

/** The plan as one line of --plain input. */
export function plainLine(plan: PlannedAnswer): string {
  switch (plan.kind) {
    case 'choice':
      return String(plan.number);
    case 'true-false':
      return plan.value ? 'true' : 'false';
    case 'typed':
      return plan.text;
    case 'order':
      return plan.numbers.join(' ');
    case 'multi-select':
      return plan.numbers.join(',');
  }
}

/** What the database should record as `given` for the plan. */
export function expectedGiven(plan: PlannedAnswer, options: ReadonlyMap<number, string>): string | boolean | string[] {
  const text = (n: number): string => options.get(n) as string;
  switch (plan.kind) {
    case 'choice':
      return text(plan.number);
    case 'true-false':
      return plan.value;
    case 'typed':
      return plan.text;
    case 'order':
      return plan.numbers.map(text);
    case 'multi-select':
      // Ticked choices are given in the order shown.
      return [...plan.numbers].sort((a, b) => a - b).map(text);
  }
}

/** One question of --plain output: its header line, the prompt and options, and what followed it. */
export interface PlainBlock {
  number: number;
  total: number;
  retry: boolean;
  label: string;
  /** The prompt line as printed. */
  prompt: string;
  /** From the header to the "... An empty line: don't know." line: the question as asked. */
  asked: string;
  /** The whole block, up to the next question's header. */
  text: string;
}

/** --plain output cut at each "Question n of m [kind]" line. */
export function plainBlocks(stdout: string): PlainBlock[] {
  const parts = stdout.split(/^(?=Question \d+ of \d+)/m).slice(1);
  return parts.map((text) => {
    const head = /^Question (\d+) of (\d+)( \(again\))? \[([^\]]+)\]/.exec(text);
    if (head === null) throw new Error(`not a plain question block:\n${text}`);
    const lines = text.split('\n');
    const end = lines.findIndex((line) => line.endsWith("An empty line: don't know."));
    return {
      number: Number(head[1]),
      total: Number(head[2]),
      retry: head[3] !== undefined,
      label: head[4] as string,
      prompt: lines[1] ?? '',
      asked: lines.slice(0, end === -1 ? lines.length : end + 1).join('\n'),
      text,
    };
  });
}

/** The deck question a --plain block asks. */
export function plainQuestion(deck: DeckFile, block: PlainBlock): DeckQuestion {
  const question = deck.questions.find((q) => squash(q.prompt) === squash(block.prompt));
  if (question === undefined) throw new Error(`no question of deck ${deck.id} has the prompt ${JSON.stringify(block.prompt)}`);
  return question;
}

/**
 * A deck of `count` facts, each with one true/false question (answer: true), in `<parent>/<id>/`: the
 * folder name is the deck id, as factdeck requires.
 */
export async function writeTrueFalseDeck(parent: string, id: string, count: number): Promise<string> {
  const dir = join(parent, id);
  await mkdir(dir, { recursive: true });
  const sentences: string[] = [];
  const facts: DeckFact[] = [];
  const questions: DeckQuestion[] = [];
  for (let i = 1; i <= count; i++) {
    const claim = `Crate ${i} holds ${i * 3} apples`;
    sentences.push(`${claim}.`);
    facts.push({ id: `f${i}`, statement: `${claim}.`, quote: claim, topic: i % 2 === 0 ? 'even crates' : 'odd crates' });
    questions.push({
      id: `q${i}`,
      factId: `f${i}`,
      kind: 'true-false',
      prompt: `True or false: crate ${i} holds ${i * 3} apples.`,
      answer: true,
      explanation: `The article says crate ${i} holds ${i * 3} apples.`,
    });
  }
  const deck = {
    schemaVersion: 1,
    id,
    title: `${count} crates of apples`,
    source: { headline: 'Crates', dateline: '', date: '' },
    origin: 'hand',
    facts,
    questions,
  };
  await writeFile(join(dir, 'article.txt'), `${sentences.join(' ')}\n`);
  await writeFile(join(dir, 'deck.json'), `${JSON.stringify(deck, null, 2)}\n`);
  return dir;
}
