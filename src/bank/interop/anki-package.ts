// Anki packages (.apkg), the pure half: a deck (and a learner's schedule) -> the notes, cards and review
// log of an Anki collection; the notes, cards and review log read from a package -> a deck, what was
// skipped and why, and each fact's schedule. The command reads and writes the package itself (zip,
// zstd, SQLite); nothing here does I/O.
//
// Export: one note per question, of a note type with the fields Front, Back, Source (the article's
// sentence) and Fact, plus a collapsed "factdeck" field that holds the question as JSON so that a
// round trip gives the deck back exactly; cloze questions become notes of a cloze note type. Tags: the
// topic as `factdeck::topic::<topic>` and the deck id. The fact's schedule (due, interval, FSRS memory)
// and review log go on the card of its main question (the one the text export shows); its other
// questions are new cards in Anki.
//
// Import: factdeck's own notes come back as they were; a cloze note gives a fact per cloze number (one
// card each in Anki, so each keeps its own schedule); any other note gives a fact from its first two
// fields (front and back), as the text import does. Field HTML becomes plain text by the text import's rules.

import { isoString, isoTime } from '../../clock.js';
import { findQuoteSentence, splitSentences } from '../../domain/article.js';
import { CLOZE_BLANK, DECK_SCHEMA_VERSION, describeAnswer, isTypedQuestion, type Deck, type Fact, type Question } from '../../domain/deck.js';
import type { CardTimes, MemoryCard, RatingName } from '../../scheduling/fsrs.js';
import { contentId } from './content-id.js';
import { statementCard, toTag } from './export-deck.js';
import { htmlToText } from './html-text.js';
import { isDeckId, slugify } from './slug.js';
import { TOPIC_TAG_PREFIX, topicFromTags } from './topic-tag.js';
import { validateDeck } from '../validate-deck.js';

export const FIELD_SEPARATOR = '\u001f';
export const BASIC_NOTE_TYPE_ID = 1_712_300_000_001;
export const CLOZE_NOTE_TYPE_ID = 1_712_300_000_002;
const DAY_MS = 86_400_000;

/** A note type as a package holds it (either schema). */
export interface AnkiNoteType {
  id: number;
  name: string;
  cloze: boolean;
  fields: string[];
}

/** One card of a package, with its review log (oldest first). */
export interface AnkiCard {
  id: number;
  noteId: number;
  deckId: number;
  ord: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  odue: number;
  odid: number;
  data: string;
  reviews: AnkiReview[];
}

export interface AnkiReview {
  id: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

export interface AnkiNote {
  id: number;
  guid: string;
  noteTypeId: number;
  tags: string[];
  fields: string[];
}

/** What the command read from a package's collection. */
export interface AnkiCollection {
  /** The collection's creation time (seconds): review cards are due in days counted from it. */
  crt: number;
  noteTypes: AnkiNoteType[];
  decks: { id: number; name: string }[];
  notes: AnkiNote[];
  cards: AnkiCard[];
}

/** A learner's schedule for one fact, as factdeck keeps it. */
export interface FactSchedule {
  card: MemoryCard;
  reviews: { at: string; rating: RatingName; before: MemoryCard | null; after: MemoryCard | null; source: string }[];
}

// ---------------------------------------------------------------------------------------------------
// Export

export interface ExportNote {
  id: number;
  guid: string;
  noteTypeId: number;
  fields: string[];
  tags: string[];
  card: ExportCard;
  /** The fact whose review log goes on this note's card (its main question's, with progress), else null. */
  revlogFact: string | null;
}

export interface ExportCard {
  id: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
  reviews: AnkiReview[];
}

export interface ExportPlan {
  crt: number;
  deckId: number;
  deckName: string;
  deckConfigId: number;
  noteTypes: AnkiNoteType[];
  notes: ExportNote[];
}

export interface ExportProgress {
  /** The learner's card per fact id. */
  cards: ReadonlyMap<string, MemoryCard>;
  /**
   * The learner's ratings per fact id as Anki's review log holds them, oldest first (see revlogEntry);
   * absent when they are added to the plan later, with addRevlog.
   */
  reviews?: ReadonlyMap<string, readonly RevlogEntry[]>;
  desiredRetention: number;
  /** The start of the study day of the export (ms): review cards are due in days counted from a day start. */
  dayStart: number;
}

const HTML_SPECIAL = /[&<>\r\n]/;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape: it is returned as it is, not copied four times.
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r\n?|\n/g, '<br>');
}

/** A number for the deck (Anki's ids are times in ms): made from its id, so a re-export updates the same deck. */
function numericId(text: string): number {
  const id = contentId(text);
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 64 + 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.indexOf(id[i] as string);
  return 1_500_000_000_000 + (n % 100_000_000_000);
}

function frontOf(question: Question): string {
  const list = (items: readonly string[], ordered: boolean): string => `<${ordered ? 'ol' : 'ul'}>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`;
  switch (question.kind) {
    case 'choice':
    case 'multi-select':
      return `${escapeHtml(question.prompt)}${list(question.choices, true)}`;
    case 'order':
      return `${escapeHtml(question.prompt)}${list(question.items, false)}`;
    default:
      return escapeHtml(question.prompt);
  }
}

/** A cloze question as Anki cloze text, or null when its prompt or answer does not fit Anki's syntax. */
export function clozeText(question: Question): string | null {
  if (question.kind !== 'cloze') return null;
  const blanks = question.prompt.match(new RegExp(CLOZE_BLANK.source, 'g')) ?? [];
  if (blanks.length !== 1 || /::|\}\}|\{\{/.test(question.answer) || /\{\{|\}\}/.test(question.prompt)) return null;
  const [before, after] = question.prompt.split(CLOZE_BLANK) as [string, string];
  return `${escapeHtml(before)}{{c1::${escapeHtml(question.answer)}}}${escapeHtml(after)}`;
}

/** The question a fact's schedule goes with: the first typed one, else choice, else multi-select, else the first. */
function mainQuestion(questions: readonly Question[]): Question | undefined {
  return questions.find(isTypedQuestion) ?? questions.find((q) => q.kind === 'choice') ?? questions.find((q) => q.kind === 'multi-select') ?? questions[0];
}

const RATING_EASE: Record<RatingName, number> = { again: 1, hard: 2, good: 3, easy: 4 };
const STATE_TYPE = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

/** One rating as a line of Anki's review log, but for its id: `at` is its time (ms), made unique in the plan. */
export interface RevlogEntry {
  at: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  type: number;
}

/** A saved rating as a line of Anki's review log (it needs nothing but the rating). */
export function revlogEntry(review: { at: string; rating: RatingName; before: CardTimes | null; after: CardTimes | null }): RevlogEntry {
  const at = isoTime(review.at);
  const stateBefore = review.before?.state ?? 'new';
  return {
    at,
    ease: RATING_EASE[review.rating],
    ivl: revlogInterval(review.after, at),
    lastIvl: revlogInterval(review.before, at),
    factor: review.after === null ? 0 : Math.round(((review.after.difficulty - 1) / 9 + 0.1) * 1000),
    type: stateBefore === 'review' ? 1 : stateBefore === 'relearning' ? 2 : 0,
  };
}

/** Anki's revlog interval: whole days when a day or more, else negative seconds. */
function revlogInterval(card: CardTimes | null, from: number): number {
  if (card === null || card.state === 'new') return 0;
  if (card.state === 'review') return Math.max(1, Math.round(card.scheduledDays));
  return -Math.max(1, Math.round((isoTime(card.due) - from) / 1000));
}

function scheduledCard(card: MemoryCard, progress: ExportProgress, position: number): Omit<ExportCard, 'id' | 'reviews'> {
  const data = JSON.stringify({ s: round(card.stability, 4), d: round(card.difficulty, 3), dr: progress.desiredRetention, ...(card.lastReview === null ? {} : { lrt: Math.floor(isoTime(card.lastReview) / 1000) }) });
  const common = { reps: card.reps, lapses: card.lapses, factor: 2500, data };
  const due = isoTime(card.due);
  switch (card.state) {
    case 'new':
      return newCardRow(position);
    case 'review':
      return { type: 2, queue: 2, due: Math.max(0, Math.round((due - progress.dayStart) / DAY_MS)), ivl: Math.max(1, Math.round(card.scheduledDays)), left: 0, ...common };
    default: {
      // Learning and relearning steps: due as a time (seconds), one step left to do.
      const left = 1001;
      return { type: STATE_TYPE[card.state], queue: 1, due: Math.floor(due / 1000), ivl: card.state === 'relearning' ? Math.max(1, Math.round(card.scheduledDays)) : 0, left, ...common };
    }
  }
}

function newCardRow(position: number): Omit<ExportCard, 'id' | 'reviews'> {
  return { type: 0, queue: 0, due: position, ivl: 0, left: 0, reps: 0, lapses: 0, factor: 0, data: '{}' };
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

export function planApkgExport(deck: Deck, article: string | null, progress: ExportProgress | null, now: Date): ExportPlan {
  const sentences = article === null ? [] : splitSentences(article);
  const byFact = new Map<string, Question[]>();
  for (const question of deck.questions) {
    const list = byFact.get(question.factId);
    if (list === undefined) byFact.set(question.factId, [question]);
    else list.push(question);
  }
  const deckId = numericId(`deck\u0000${deck.id}`);
  // Review cards are due in days from the collection's creation: it is a day start no later than any of them.
  let crtMs = progress?.dayStart ?? now.getTime();
  if (progress !== null) {
    for (const card of progress.cards.values()) {
      if (card.state !== 'review') continue;
      const due = isoTime(card.due);
      if (due < crtMs) crtMs -= Math.ceil((crtMs - due) / DAY_MS) * DAY_MS;
    }
  }
  const crt = Math.floor(crtMs / 1000);
  const withCrt = progress === null ? null : { ...progress, dayStart: crtMs };
  const deckTag = toTag(deck.id);
  const notes: ExportNote[] = [];
  const idBase = Math.floor(now.getTime() / 1000) * 1000;
  const factIndex = new Map(deck.facts.map((fact, i) => [fact.id, i]));
  const mains = new Map<string, Question | undefined>();
  for (const [factId, questions] of byFact) mains.set(factId, mainQuestion(questions));
  // One note per question, in the deck's order of questions; a fact without questions gets a note of its own.
  const entries: { fact: Fact; question: Question | null; questionIndex: number }[] = deck.questions.flatMap((question, questionIndex) => {
    const fact = deck.facts[factIndex.get(question.factId) ?? -1];
    return fact === undefined ? [] : [{ fact, question, questionIndex }];
  });
  for (const fact of deck.facts) if (!byFact.has(fact.id)) entries.push({ fact, question: null, questionIndex: -1 });
  // A fact's sentence is looked up once, however many questions it has.
  const sentenceOf = new Map<Fact, string>();
  for (const { fact, question, questionIndex } of entries) {
    let sentence = sentenceOf.get(fact);
    if (sentence === undefined) {
      sentence = escapeHtml(article === null ? fact.quote : (findQuoteSentence(sentences, fact.quote)?.text ?? fact.quote));
      sentenceOf.set(fact, sentence);
    }
    const topicTag = toTag(fact.topic);
    const tags = [topicTag === '' ? '' : `${TOPIC_TAG_PREFIX}${topicTag}`, deckTag].filter((tag) => tag !== '');
    const cloze = question === null ? null : clozeText(question);
    let front: string;
    let back: string;
    if (question === null) {
      const card = statementCard(fact);
      front = escapeHtml(card.front);
      back = escapeHtml(card.answer);
    } else {
      front = cloze ?? frontOf(question);
      const answer = escapeHtml(describeAnswer(question));
      const explanation = question.explanation.trim() === '' ? '' : escapeHtml(question.explanation);
      back = cloze === null ? `${answer}${explanation === '' ? '' : `<br><br>${explanation}`}` : explanation;
    }
    const json = escapeHtml(JSON.stringify({ v: 1, deck: { id: deck.id, title: deck.title }, fact, factIndex: factIndex.get(fact.id), question, questionIndex }));
    const position = notes.length + 1;
    const main = question === null || mains.get(fact.id) === question;
    const memory = main ? withCrt?.cards.get(fact.id) : undefined;
    const schedule = memory === undefined || withCrt === null ? newCardRow(position) : scheduledCard(memory, withCrt, position);
    notes.push({
      id: idBase + position,
      guid: `factdeck:${deck.id}:${question?.id ?? `fact:${fact.id}`}`,
      noteTypeId: cloze === null ? BASIC_NOTE_TYPE_ID : CLOZE_NOTE_TYPE_ID,
      fields: [front, back, sentence, escapeHtml(fact.statement), json],
      tags,
      card: { id: idBase + position, ...schedule, reviews: [] },
      revlogFact: main && withCrt !== null ? fact.id : null,
    });
  }
  const plan: ExportPlan = {
    crt,
    deckId,
    deckName: deck.title.replace(/\s+/g, ' ').trim() || deck.id,
    deckConfigId: deckId + 1,
    noteTypes: [
      { id: BASIC_NOTE_TYPE_ID, name: 'factdeck', cloze: false, fields: ['Front', 'Back', 'Source', 'Fact', 'factdeck'] },
      { id: CLOZE_NOTE_TYPE_ID, name: 'factdeck cloze', cloze: true, fields: ['Text', 'Back', 'Source', 'Fact', 'factdeck'] },
    ],
    notes,
  };
  if (progress?.reviews !== undefined) addRevlog(plan, progress.reviews);
  return plan;
}

/**
 * Puts each fact's ratings on the card of its note (see ExportNote.revlogFact), as Anki's review log:
 * for a plan made without them, when they are read after the notes are planned (an export reads the
 * history log meanwhile).
 */
export function addRevlog(plan: ExportPlan, reviews: ReadonlyMap<string, readonly RevlogEntry[]>): void {
  // Every review of the package, to make their ids unique once all are known.
  const allReviews: AnkiReview[] = [];
  for (const note of plan.notes) {
    if (note.revlogFact === null) continue;
    const entries = reviews.get(note.revlogFact) ?? [];
    note.card.reviews = entries.map((entry) => ({ id: entry.at, ease: entry.ease, ivl: entry.ivl, lastIvl: entry.lastIvl, factor: entry.factor, time: 0, type: entry.type }));
    for (const review of note.card.reviews) allReviews.push(review);
  }
  // Anki's review ids are the times of the reviews in ms, and unique: in order of time, one that clashes
  // with the one before moves on by a ms (so each card's reviews stay in their order).
  allReviews.sort((a, b) => a.id - b.id);
  for (let i = 1; i < allReviews.length; i++) {
    const review = allReviews[i] as AnkiReview;
    const before = (allReviews[i - 1] as AnkiReview).id;
    if (review.id <= before) review.id = before + 1;
  }
}

// ---------------------------------------------------------------------------------------------------
// Import

export interface SkippedNote {
  /** 1-based position of the note in the package, and its first field as text (shortened). */
  note: number;
  excerpt: string;
  reason: string;
}

export interface ApkgImportPlan {
  deck: Deck | null;
  /** Notes (or cloze cards) left out, with why; with `strict`, any of these refuses the whole import. */
  skipped: SkippedNote[];
  /** A problem of the whole package (nothing importable). */
  problem: string | null;
  /** The schedule of each fact that Anki had studied. */
  schedules: Map<string, AnkiCard>;
  notes: string[];
}

export interface ApkgImportOptions {
  title?: string;
  folderName?: string;
  schemaRef?: string;
  fileStem: string;
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** A cloze note's text for one cloze number: that cloze blanked, the others shown; null when it has none. */
export function clozeCard(html: string, number: number, toText: (html: string) => string = htmlToText): { prompt: string; answer: string } | null {
  const answers: string[] = [];
  const prompt = html.replace(CLOZE, (_whole, n: string, text: string) => {
    if (Number(n) !== number) return text;
    answers.push(text);
    return '_____';
  });
  if (answers.length === 0) return null;
  return { prompt: toText(prompt), answer: answers.map((answer) => toText(answer)).join(', ') };
}

/** The text with every cloze shown (Anki's answer side), as a fact's statement. */
export function clozeShown(html: string): string {
  return html.replace(CLOZE, (_whole, _n, shown: string) => shown);
}

export function clozeNumbers(html: string): number[] {
  return [...new Set([...html.matchAll(CLOZE)].map((match) => Number(match[1])))].sort((a, b) => a - b);
}

function excerpt(html: string): string {
  const text = htmlToText(html).replace(/\s+/g, ' ');
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

interface FactdeckNote {
  deck: { id: string; title: string };
  fact: Fact;
  factIndex?: number;
  question: Question | null;
  questionIndex?: number;
}

function readFactdeckField(field: string | undefined): FactdeckNote | null {
  if (field === undefined || field.trim() === '') return null;
  try {
    const value = JSON.parse(htmlToText(field.replace(/<br>/g, '\n'))) as { v?: unknown; deck?: unknown; fact?: unknown; question?: unknown };
    if (value.v !== 1 || typeof value.deck !== 'object' || value.deck === null || typeof value.fact !== 'object' || value.fact === null || typeof value.question !== 'object') return null;
    return value as FactdeckNote;
  } catch {
    return null;
  }
}

/** A field as text: its HTML as the text import reads it, sounds ([sound:x.mp3]) left out as Anki's text export does. */
function fieldText(html: string): string {
  return htmlToText(html.replace(/\[sound:[^\]]*\]/g, ''));
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text.trim();
}

/**
 * The name of the deck the package's cards are in (Default, id 1, only when there is no other). Cards
 * spread over subdecks ("Music::1 Easy", "Music::2 Hard") give the parent they share ("Music"); decks
 * with nothing in common give the first of them.
 */
function packageDeckName(collection: AnkiCollection): string | undefined {
  const used = new Set(collection.cards.map((card) => card.deckId));
  const named = collection.decks.filter((d) => d.id !== 1);
  const holding = named.filter((d) => used.has(d.id)).map((d) => d.name);
  if (holding.length === 0) return named[0]?.name;
  let shared = (holding[0] as string).split('::');
  for (const name of holding.slice(1)) {
    const parts = name.split('::');
    let same = 0;
    while (same < shared.length && same < parts.length && shared[same] === parts[same]) same++;
    shared = shared.slice(0, same);
  }
  return shared.length > 0 ? shared.join('::') : holding[0];
}

/** The last card of a list that Anki had studied, by its latest review (a card studied most recently wins). */
function studiedCard(cards: readonly AnkiCard[]): AnkiCard | undefined {
  const studied = cards.filter((card) => card.type !== 0 || card.reviews.length > 0);
  const last = (card: AnkiCard): number => card.reviews.at(-1)?.id ?? 0;
  return studied.sort((a, b) => last(b) - last(a))[0];
}

export function planApkgImport(collection: AnkiCollection, options: ApkgImportOptions & { strict?: boolean }): ApkgImportPlan {
  const types = new Map(collection.noteTypes.map((type) => [type.id, type]));
  const cardsByNote = new Map<number, AnkiCard[]>();
  for (const card of collection.cards) {
    const list = cardsByNote.get(card.noteId);
    if (list === undefined) cardsByNote.set(card.noteId, [card]);
    else list.push(card);
  }
  const skipped: SkippedNote[] = [];
  const facts: Fact[] = [];
  const questions: Question[] = [];
  const schedules = new Map<string, AnkiCard>();
  const usedIds = new Set<string>();
  const nextId = (seed: string): string => {
    for (let n = 0; ; n++) {
      const id = contentId(n === 0 ? seed : `${seed}\u0000${n}`);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  let ownDeck: { id: string; title: string } | null = null;
  const ownFacts = new Map<string, Fact>();
  const ownCards = new Map<string, AnkiCard[]>();
  // factdeck's own notes carry their places in the deck: a round trip keeps the order of facts and questions.
  const factOrder = new Map<Fact, number>();
  const questionOrder = new Map<Question, number>();

  collection.notes.forEach((note, index) => {
    const position = index + 1;
    const type = types.get(note.noteTypeId);
    const cards = (cardsByNote.get(note.id) ?? []).sort((a, b) => a.ord - b.ord);
    const skip = (reason: string): void => {
      skipped.push({ note: position, excerpt: excerpt(note.fields[0] ?? ''), reason });
    };
    const own = readFactdeckField(note.fields[4]);
    if (own !== null && (type?.fields[4] === 'factdeck' || type === undefined)) {
      ownDeck ??= own.deck;
      if (typeof own.fact.id !== 'string' || (own.question !== null && (typeof own.question.id !== 'string' || usedIds.has(`q:${own.question.id}`)))) return;
      if (!ownFacts.has(own.fact.id)) {
        ownFacts.set(own.fact.id, own.fact);
        facts.push(own.fact);
        factOrder.set(own.fact, own.factIndex ?? Number.MAX_SAFE_INTEGER);
      }
      if (own.question !== null) {
        usedIds.add(`q:${own.question.id}`);
        questions.push(own.question);
        questionOrder.set(own.question, own.questionIndex ?? Number.MAX_SAFE_INTEGER);
      }
      ownCards.set(own.fact.id, [...(ownCards.get(own.fact.id) ?? []), ...cards]);
      return;
    }
    const topic = topicFromTags(note.tags);
    if (type?.cloze === true) {
      const text = note.fields[0] ?? '';
      const numbers = clozeNumbers(text);
      if (numbers.length === 0) return skip('a cloze note without a cloze ({{c1::...}})');
      const extra = htmlToText(note.fields[1] ?? '');
      const statement = htmlToText(clozeShown(text));
      for (const number of numbers) {
        const made = clozeCard(text, number);
        if (made === null || made.prompt === '' || made.answer === '') {
          skip(`cloze ${number} has no text to ask (an image or sound only?)`);
          continue;
        }
        const content = `${made.prompt}\u0000${made.answer}\u0000${topic}`;
        const factId = nextId(`fact\u0000${content}`);
        facts.push({ id: factId, statement, quote: statement, topic });
        questions.push({ id: nextId(`question\u0000${content}`), factId, kind: 'cloze', prompt: made.prompt, answer: made.answer, accept: [], explanation: extra === '' ? statement : `${statement}\n${extra}` });
        const card = cards.find((c) => c.ord === number - 1);
        if (card !== undefined) schedules.set(factId, card);
      }
      return;
    }
    if (note.fields.length < 2) return skip('a note with one field: factdeck needs a front and a back');
    const front = fieldText(note.fields[0] ?? '');
    const back = fieldText(note.fields[1] ?? '');
    if (front === '') return skip(/<img|\[sound:/i.test(note.fields[0] ?? '') ? 'the front is only an image or a sound: factdeck shows text' : 'the front is empty');
    if (back === '') return skip(/<img|\[sound:/i.test(note.fields[1] ?? '') ? 'the back is only an image or a sound: factdeck shows text' : 'the back is empty');
    const content = `${front}\u0000${back}\u0000${topic}`;
    const factId = nextId(`fact\u0000${content}`);
    facts.push({ id: factId, statement: back, quote: back, topic });
    questions.push({ id: nextId(`question\u0000${content}`), factId, kind: 'short-answer', prompt: front, answer: firstLine(back), accept: [], explanation: back });
    const card = studiedCard(cards.filter((c) => c.ord === 0)) ?? cards[0];
    if (card !== undefined) schedules.set(factId, card);
  });
  for (const [factId, cards] of ownCards) {
    const card = studiedCard(cards);
    if (card !== undefined) schedules.set(factId, card);
  }
  if (factOrder.size === facts.length) facts.sort((a, b) => (factOrder.get(a) ?? 0) - (factOrder.get(b) ?? 0));
  if (questionOrder.size === questions.length) questions.sort((a, b) => (questionOrder.get(a) ?? 0) - (questionOrder.get(b) ?? 0));

  const notes: string[] = [];
  const own = ownDeck as { id: string; title: string } | null;
  const deckName = packageDeckName(collection);
  const title = (options.title ?? own?.title ?? deckName ?? options.fileStem).replace(/\s+/g, ' ').trim() || 'Imported deck';
  const id = options.folderName ?? (options.title === undefined && own !== null && isDeckId(own.id) ? own.id : slugify(title));
  if (facts.length === 0) {
    return { deck: null, skipped, problem: collection.notes.length === 0 ? 'the package holds no notes' : 'no note in the package has text that factdeck can ask', schedules, notes };
  }
  let deck: Deck = { schemaVersion: DECK_SCHEMA_VERSION, id, title, source: { headline: title, dateline: '', date: '' }, origin: 'imported', facts, questions };
  if (options.schemaRef !== undefined) deck = { $schema: options.schemaRef, ...deck };

  // The validator of `check` has the last word: a fact it finds fault with is left out, with why.
  const problems = validateDeck(deck, { folderName: id, article: null }).problems;
  if (problems.length > 0) {
    const badFacts = new Set<string>();
    for (const problem of problems) {
      const match = /^(facts|questions)\[(\d+)\]/.exec(problem.path);
      const factId = match === null ? undefined : match[1] === 'facts' ? deck.facts[Number(match[2])]?.id : deck.questions[Number(match[2])]?.factId;
      if (factId === undefined) return { deck: null, skipped, problem: `${problem.message} (${problem.path})`, schedules, notes };
      if (!badFacts.has(factId)) {
        badFacts.add(factId);
        const question = deck.questions.find((q) => q.factId === factId);
        skipped.push({ note: 0, excerpt: excerpt(escapeHtml(question?.prompt ?? '')), reason: problem.message });
      }
    }
    deck = { ...deck, facts: deck.facts.filter((f) => !badFacts.has(f.id)), questions: deck.questions.filter((q) => !badFacts.has(q.factId)) };
    for (const factId of badFacts) schedules.delete(factId);
    if (deck.facts.length === 0) return { deck: null, skipped, problem: 'no note in the package makes a question factdeck can ask', schedules, notes };
  }
  if (own !== null && id !== own.id) notes.push(`the deck's id "${own.id}" is now "${id}", the name of its folder`);
  return { deck, skipped, problem: null, schedules, notes };
}

// ---------------------------------------------------------------------------------------------------
// Schedules: an Anki card -> factdeck's memory card

/** Anki's card data column: FSRS memory state and the last review time, when Anki kept them. */
function cardData(data: string): { s?: number; d?: number; lrt?: number } {
  try {
    const value = JSON.parse(data) as Record<string, unknown>;
    const num = (key: string): number | undefined => (typeof value[key] === 'number' && Number.isFinite(value[key]) ? (value[key] as number) : undefined);
    return { s: num('s'), d: num('d'), lrt: num('lrt') };
  } catch {
    return {};
  }
}

const EASE_RATING: Record<number, RatingName> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

/** The ratings of a card's review log that count (no manual rescheduling, no cramming), oldest first. */
export function ankiRatings(card: AnkiCard): { at: string; rating: RatingName }[] {
  return card.reviews
    .filter((review) => review.ease >= 1 && review.ease <= 4 && review.type <= 3 && !(review.type === 3 && review.factor === 0) && review.id > 0)
    .map((review) => ({ at: isoString(review.id), rating: EASE_RATING[review.ease] as RatingName }));
}

/**
 * The memory card a studied Anki card becomes: its due time and state as Anki had them, and its FSRS
 * memory (Anki's when it kept one, else `replayed`, the scheduler's reading of the review log).
 */
export function memoryFromAnki(card: AnkiCard, crt: number, replayed: MemoryCard | null, now: Date, ratings = ankiRatings(card)): MemoryCard | null {
  if (card.type === 0 && card.reviews.length === 0) return null;
  const data = cardData(card.data);
  const dueValue = card.odid !== 0 && card.odue !== 0 ? card.odue : card.due;
  const state = card.type === 1 ? 'learning' : card.type === 2 ? 'review' : card.type === 3 ? 'relearning' : 'learning';
  // Review cards (and day-learning cards, queue 3) are due in days from the collection's creation; the
  // others at a time in seconds.
  const inDays = card.type === 2 || card.queue === 3 || card.queue === -3 || (card.type === 3 && dueValue < 1_000_000_000);
  let due = inDays ? crt * 1000 + dueValue * DAY_MS : dueValue * 1000;
  if (!Number.isFinite(due) || due < Date.UTC(2000, 0, 1) || due > now.getTime() + 200 * 365 * DAY_MS) due = now.getTime();
  const ivl = Math.max(0, card.ivl);
  const lastReview = data.lrt !== undefined ? isoString(data.lrt * 1000) : (ratings.at(-1)?.at ?? (state === 'review' ? isoString(due - ivl * DAY_MS) : null));
  const stability = data.s !== undefined && data.s > 0 ? data.s : (replayed?.stability ?? Math.max(0.1, ivl));
  const difficulty = data.d !== undefined && data.d >= 1 && data.d <= 10 ? data.d : (replayed?.difficulty ?? 5);
  return {
    due: isoString(due),
    stability,
    difficulty,
    elapsedDays: 0,
    scheduledDays: state === 'review' ? ivl : 0,
    learningSteps: 0,
    reps: Math.max(card.reps, ratings.length, 1),
    lapses: Math.max(0, card.lapses),
    state,
    lastReview,
  };
}
