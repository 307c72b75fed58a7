// What the builder tests share: one compromise tagger (loaded once per test file), building a deck from
// text, the fixtures with their hand-labelled keys, and the recall/precision measure (REVIEW.md says
// what it counts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { analyseArticle, detectHeadline } from '../../src/builder/analyse.js';
import { clauseGate, clausesOf, renderClause } from '../../src/builder/facts.js';
import { buildDeck, type BuildResult } from '../../src/builder/build-deck.js';
import { createCompromiseTagger, type CompromiseLike, type Tagger } from '../../src/builder/tagger.js';
import { whQuestion } from '../../src/builder/wh.js';
import { neutralTitle } from '../../src/builder/title.js';
import { englishWordCheck } from '../../src/english-words.js';
import type { Candidate } from '../../src/builder/types.js';
import type { ClozeQuestion, Deck, ShortAnswerQuestion } from '../../src/domain/deck.js';
import { isLenientMatch } from '../../src/grading/grade-answer.js';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'articles');
export const SEED_ARTICLE_FILE = join(ROOT, 'questions', 'blinken-visit-beijing', 'article.txt');

let tagger: Tagger | undefined;
export function theTagger(): Tagger {
  // As `factdeck build` makes it: with the English word list the shell reads.
  tagger ??= createCompromiseTagger(nlp as unknown as CompromiseLike, englishWordCheck(ROOT, (error) => {
    throw error;
  }));
  return tagger;
}

let titledByHeadline = false;

/**
 * Runs `run` with every deck titled with its whole headline, as `--title "<the headline>"` titles it: for
 * the rules that read what a deck's title gives away (a learner's own title may tell the outcome).
 */
export function withHeadlineTitle(run: () => void): void {
  titledByHeadline = true;
  try {
    run();
  } finally {
    titledByHeadline = false;
  }
}

/** Drafts a deck as `factdeck build` does: titled with what its headline is about, when it has one. */
export function build(article: string, seed = 1, id = 'test-deck'): BuildResult {
  const headline = detectHeadline(article);
  const title = headline === null ? 'Test deck' : titledByHeadline ? headline : neutralTitle(headline, theTagger());
  return buildDeck(article, theTagger(), { id, title, seed });
}

/** A made-up article: its headline, then each paragraph. */
export const article = (title: string, ...body: string[]): string => [title, '', ...body].join('\n\n');

/** The typed questions (cloze, short answer) of `text` whose key is `answer`, built with each of `seeds` (a seed may draw another kind). */
export function typedOn(text: string, answer: string, seeds: readonly number[] = [1, 2, 3, 4]): (ClozeQuestion | ShortAnswerQuestion)[] {
  return seeds
    .flatMap((seed) => build(text, seed).deck.questions)
    .filter((q): q is ClozeQuestion | ShortAnswerQuestion => (q.kind === 'cloze' || q.kind === 'short-answer') && q.answer === answer);
}

/** Whether the quiz marks `typed` right for a typed question (its key and accepted forms, as the matcher folds them). */
export const accepts = (q: ClozeQuestion | ShortAnswerQuestion, typed: string): boolean => isLenientMatch(typed, [q.answer, ...(q.accept ?? [])]).match;

/**
 * Asserts that the article drafts at least one typed question on `answer`, and that each of them takes every
 * form of `right` and none of `wrong`.
 */
export function expectTypedAccepts(text: string, answer: string, right: readonly string[], wrong: readonly string[] = []): void {
  const typed = typedOn(text, answer);
  expect(typed.length).toBeGreaterThan(0);
  for (const q of typed) {
    for (const form of right) expect(accepts(q, form), `"${form}" for "${answer}"`).toBe(true);
    for (const form of wrong) expect(accepts(q, form), `"${form}" for "${answer}"`).toBe(false);
  }
}

/**
 * The key candidates asking for `answer` (a leading "the" aside): how many there are, whether one was kept,
 * and why the others were dropped.
 */
export function keyCandidates(text: string, answer: string): { count: number; kept: boolean; reasons: string[] } {
  const { candidates } = build(text);
  const mine = candidates.filter((c: Candidate) => c.stage === 'question' && c.kind !== 'true-false' && (c.answer ?? '').replace(/^the /, '') === answer);
  return { count: mine.length, kept: mine.some((c) => c.kept), reasons: mine.filter((c) => !c.kept).map((c) => c.reason) };
}

/** `answer` is a key candidate of `text` that no question asks, dropped (by one question at least) for `reason`. */
export function expectDropped(text: string, answer: string, reason: RegExp): void {
  const { count, kept, reasons } = keyCandidates(text, answer);
  expect(count, answer).toBeGreaterThan(0);
  expect(kept, answer).toBe(false);
  expect(reasons.join(' | ')).toMatch(reason);
}

/** `answer` is a key candidate of `text`, and no question on it is dropped for `reason`. */
export function expectNotDroppedFor(text: string, answer: string, reason: RegExp): void {
  const { count, reasons } = keyCandidates(text, answer);
  expect(count, answer).toBeGreaterThan(0);
  expect(reasons.join(' | ')).not.toMatch(reason);
}

/** The last-look rule `rule` dropped every question asking for `answer`. */
export function expectCut(text: string, answer: string, rule: string): void {
  const { kept, reasons } = keyCandidates(text, answer);
  expect(reasons.some((r) => r.startsWith(`${rule}:`)), `${answer}: ${reasons.join(' | ')}`).toBe(true);
  expect(kept, answer).toBe(false);
}

/** A question asking for `answer` is kept, and `rule` dropped none. */
export function expectNotCutBy(text: string, answer: string, rule: string): void {
  const { kept, reasons } = keyCandidates(text, answer);
  expect(reasons.some((r) => r.startsWith(`${rule}:`)), `${answer}: ${reasons.join(' | ')}`).toBe(false);
  expect(kept, `${answer}: ${reasons.join(' | ')}`).toBe(true);
}

/**
 * The gates' word on the first clause of an article's last sentence: its verdict ("rule: reason"), or when
 * it is kept, how it reads as a fact (pronouns resolved). `fact` is null when the sentence has no clause.
 */
export function judgeLastClause(article: string): { verdict: string | null; fact: string | null } {
  const analysis = analyseArticle(article, theTagger());
  const body = analysis.sentences[analysis.sentences.length - 1];
  if (body === undefined) throw new Error('no body');
  const [clause] = clausesOf(body, article);
  if (clause === undefined) return { verdict: null, fact: null };
  const verdict = clauseGate(clause, { sentences: analysis.sentences, tagger: theTagger() });
  return verdict === null ? { verdict: null, fact: renderClause(clause) } : { verdict: `${verdict.rule}: ${verdict.reason}`, fact: null };
}

export const KEY_LISTS = ['people', 'places', 'organisations', 'dates', 'numbers', 'works'] as const;
export type KeyList = (typeof KEY_LISTS)[number];

export interface Fixture {
  name: string;
  article: string;
  keys: Record<KeyList, string[]>;
  /** Legitimate names and values a question may ask for, though a reader need not learn them. */
  other: string[];
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES, entry.name, 'keys.json')))
    .map((entry) => {
      const raw = JSON.parse(readFileSync(join(FIXTURES, entry.name, 'keys.json'), 'utf8')) as Partial<Record<KeyList | 'other', string[]>> & { article?: string };
      const articleFile = raw.article === undefined ? join(FIXTURES, entry.name, 'article.txt') : join(ROOT, raw.article);
      const keys = Object.fromEntries(KEY_LISTS.map((list) => [list, raw[list] ?? []])) as Record<KeyList, string[]>;
      return { name: entry.name, article: readFileSync(articleFile, 'utf8'), keys, other: raw.other ?? [] };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Lower case, straight quotes, no leading "the", single spaces: how answers and keys are compared. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[,;:?!“”"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const words = (text: string): string[] => normalise(text).split(' ').filter((w) => w !== '');

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((word, j) => haystack[i + j] === word)) return true;
  }
  return false;
}

/**
 * Whether an answer names a key: the same words; or the answer holds the key's words in a row ("late
 * Tuesday" names "Tuesday"); or the answer is the key's first two or more words ("Kenya Red Cross" of
 * "Kenya Red Cross Society"); or a one-word answer is the first or last word of a person's or a named
 * work's name ("Blinken", "Delia" of "Hurricane Delia").
 */
export function answerNamesKey(answer: string, key: string, isPerson: boolean): boolean {
  const a = words(answer);
  const k = words(key);
  if (a.join(' ') === k.join(' ')) return true;
  if (containsRun(a, k)) return true;
  if (a.length >= 2 && a.every((word, i) => k[i] === word)) return true;
  return isPerson && a.length === 1 && k.length >= 2 && (a[0] === k[0] || a[0] === k[k.length - 1]);
}

/** The answers a deck asks for: of choice, cloze, short-answer and multi-select, not titles. */
export function entityAnswers(deck: Deck): string[] {
  const answers = new Set<string>();
  for (const q of deck.questions) {
    if (q.kind === 'choice' && /title in the article\?$/.test(q.prompt)) continue;
    if (q.kind === 'choice' || q.kind === 'cloze' || q.kind === 'short-answer') answers.add(q.answer);
    if (q.kind === 'multi-select') for (const a of q.answer) answers.add(a);
  }
  return [...answers];
}

export interface Measure {
  name: string;
  keys: number;
  found: number;
  recall: number;
  answers: number;
  legitimate: number;
  precision: number;
  missed: string[];
  unlabelled: string[];
}

export function measure(fixture: Fixture, deck: Deck): Measure {
  const answers = entityAnswers(deck);
  // A key the deck's title names cannot be asked (the title, shown above every question, would give it
  // away): it is left out of the count rather than counted as missed.
  const title = ` ${normalise(deck.title)} `;
  const inTitle = (key: string, person: boolean): boolean => {
    const words = normalise(key).split(' ');
    return title.includes(` ${words.join(' ')} `) || (person && title.includes(` ${words[words.length - 1]} `));
  };
  // Nor are the days of the week and clock times the labels list: outside graders judged them trivia, and
  // the builder asks none (rule trivia).
  const trivia = (key: string): boolean => /^(?:(?:last|next|this|early|late) )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:and|or|to) \w+day)?(?: (?:morning|afternoon|evening|night))?$/i.test(key) || /^\d{1,2}(?::\d\d)? ?[ap]\.?m\.?(?: (?:and|to) \d{1,2}(?::\d\d)? ?[ap]\.?m\.?)?$|^noon$/i.test(key);
  const labelled: { key: string; person: boolean }[] = KEY_LISTS.flatMap((list) => fixture.keys[list].map((key) => ({ key, person: list === 'people' || list === 'works' }))).filter(({ key, person }) => !inTitle(key, person) && !trivia(key));
  const missed = labelled.filter(({ key, person }) => !answers.some((a) => answerNamesKey(a, key, person))).map(({ key }) => key);
  const all = [...labelled, ...fixture.other.map((key) => ({ key, person: false }))];
  const unlabelled = answers.filter((a) => !all.some(({ key, person }) => answerNamesKey(a, key, person)));
  const found = labelled.length - missed.length;
  return {
    name: fixture.name,
    keys: labelled.length,
    found,
    recall: labelled.length === 0 ? 1 : found / labelled.length,
    answers: answers.length,
    legitimate: answers.length - unlabelled.length,
    precision: answers.length === 0 ? 1 : (answers.length - unlabelled.length) / answers.length,
    missed,
    unlabelled,
  };
}

/** The wh-question for the key written `key` in a one-sentence article under a bland headline, or null. */
export function whOn(sentence: string, key: string): string | null {
  const text = `Headline Here\n${sentence}`;
  const body = analyseArticle(text, theTagger()).sentences[1];
  const mention = body?.mentions.find((m) => m.text === key);
  if (body === undefined || mention === undefined) throw new Error(`no key "${key}" in ${JSON.stringify(sentence)}`);
  return whQuestion({ article: text, tokens: body.tokens, end: body.end, mentions: body.mentions, mention, tagger: theTagger() });
}
