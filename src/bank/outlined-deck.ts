// A deck remembered as checked (deck-cache.ts), read without parsing it whole: its outline (ids, topics,
// kinds) comes from the cache entry, and a fact or question is parsed alone from where it stands in
// deck.json's bytes when it is first asked for. Parsing 10,000 facts costs more than starting Node; a quiz
// shows ten of them.
//
// The entry's body is made here (describeDeck, after a full check) and read here (outlinedDeck), and
// nothing in it is taken on trust beyond its checksum: every list must fit the deck's bytes and the
// article, a fact or question parsed alone must carry the id it was asked for, and anything that does not
// fit means the whole deck is parsed (or checked again) instead.

import type { Deck, DeckOrigin, DeckOutline, Fact, LoadedDeck, Question, QuestionKind, SentenceSpan } from '../domain/deck.js';
import { DECK_ORIGINS, QUESTION_KINDS, factsById } from '../domain/deck.js';
import type { EntryBody } from './deck-cache.js';
import { locateArrayItems } from './json-items.js';

/** Items read alone from deck.json before the rest of its bytes are read at once. */
const READS_BEFORE_WHOLE = 64;

/** What a cache entry says of a deck that passed every check: its data part. */
interface DeckData {
  id: string;
  title: string;
  origin: DeckOrigin;
  /** Each topic once; facts name theirs by its place here. */
  topics: string[];
  facts: string[];
  questions: string[];
  /** Whether the entry says where each fact and question stands in deck.json. */
  located: boolean;
}

/**
 * Its numbers, one list after another: each fact's topic (its place in `topics`); each fact's start and
 * end in deck.json's bytes; each fact's quote sentence's start and end in the article (-1, -1 for none);
 * each question's fact (its place in `facts`); each question's kind (its place in QUESTION_KINDS); each
 * question's start and end in deck.json's bytes. Offsets are -1 where the entry is not `located`.
 */
function sections(n: number, m: number): { factTopics: number; factAt: number; spans: number; questionFacts: number; questionKinds: number; questionAt: number; total: number } {
  const factTopics = 0;
  const factAt = factTopics + n;
  const spans = factAt + 2 * n;
  const questionFacts = spans + 2 * n;
  const questionKinds = questionFacts + m;
  const questionAt = questionKinds + m;
  return { factTopics, factAt, spans, questionFacts, questionKinds, questionAt, total: questionAt + 2 * m };
}

/** UTF-8 text (already checked) without its byte order mark, as a strict TextDecoder gives it. */
export function utf8Text(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Where each item stands, if there is one object's worth of bytes for each (json-items.ts is tested
 * against JSON.parse; each item read alone is still checked for its id); null otherwise.
 */
function itemOffsets(bytes: Buffer, items: readonly unknown[], located: number[] | undefined): number[] | null {
  if (located === undefined || located.length !== items.length * 2) return null;
  for (let i = 0; i < located.length; i += 2) {
    if (bytes[located[i] as number] !== 0x7b || bytes[(located[i + 1] as number) - 1] !== 0x7d) return null;
  }
  return located;
}

/** What a cache entry says of a deck that just passed every check. */
export function describeDeck(deck: Deck, bytes: Buffer, sources: ReadonlyMap<string, SentenceSpan> | undefined): EntryBody {
  const n = deck.facts.length;
  const m = deck.questions.length;
  const at = sections(n, m);
  const numbers = new Int32Array(at.total);
  const topics: string[] = [];
  const topicAt = new Map<string, number>();
  const factAtId = new Map<string, number>();
  const located = locateArrayItems(bytes, ['facts', 'questions']);
  const factAt = itemOffsets(bytes, deck.facts, located?.get('facts'));
  const questionAt = itemOffsets(bytes, deck.questions, located?.get('questions'));
  const isLocated = factAt !== null && questionAt !== null;
  deck.facts.forEach((fact, i) => {
    let topic = topicAt.get(fact.topic);
    if (topic === undefined) {
      topic = topics.push(fact.topic) - 1;
      topicAt.set(fact.topic, topic);
    }
    if (!factAtId.has(fact.id)) factAtId.set(fact.id, i);
    numbers[at.factTopics + i] = topic;
    numbers[at.factAt + 2 * i] = isLocated ? (factAt[2 * i] as number) : -1;
    numbers[at.factAt + 2 * i + 1] = isLocated ? (factAt[2 * i + 1] as number) : -1;
    const span = sources?.get(fact.id);
    numbers[at.spans + 2 * i] = span?.start ?? -1;
    numbers[at.spans + 2 * i + 1] = span?.end ?? -1;
  });
  deck.questions.forEach((question, j) => {
    numbers[at.questionFacts + j] = factAtId.get(question.factId) ?? -1;
    numbers[at.questionKinds + j] = QUESTION_KINDS.indexOf(question.kind);
    numbers[at.questionAt + 2 * j] = isLocated ? (questionAt[2 * j] as number) : -1;
    numbers[at.questionAt + 2 * j + 1] = isLocated ? (questionAt[2 * j + 1] as number) : -1;
  });
  const data: DeckData = { id: deck.id, title: deck.title, origin: deck.origin, topics, facts: deck.facts.map((f) => f.id), questions: deck.questions.map((q) => q.id), located: isLocated };
  return { data, numbers };
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** The data part, when it is what describeDeck writes; otherwise null. */
function checkedData(data: unknown): DeckData | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Partial<Record<keyof DeckData, unknown>>;
  if (!isString(d.id) || !isString(d.title) || !(DECK_ORIGINS as readonly unknown[]).includes(d.origin) || typeof d.located !== 'boolean') return null;
  if (!Array.isArray(d.topics) || !d.topics.every(isString)) return null;
  if (!Array.isArray(d.facts) || !d.facts.every(isString) || !Array.isArray(d.questions) || !d.questions.every(isString)) return null;
  return d as DeckData;
}

/** Whether every number is in range: places within their lists, offsets in order and within their text. */
function numbersFit(d: DeckData, numbers: Int32Array, deckLength: number, articleLength: number | null): boolean {
  const n = d.facts.length;
  const m = d.questions.length;
  const at = sections(n, m);
  if (numbers.length !== at.total) return false;
  const pairs = (from: number, count: number, length: number, noneAllowed: boolean): boolean => {
    for (let i = from; i < from + 2 * count; i += 2) {
      const start = numbers[i] as number;
      const end = numbers[i + 1] as number;
      if (noneAllowed && start === -1 && end === -1) continue;
      if (start < 0 || start > end || end > length) return false;
    }
    return true;
  };
  for (let i = 0; i < n; i++) if ((numbers[at.factTopics + i] as number) < 0 || (numbers[at.factTopics + i] as number) >= d.topics.length) return false;
  for (let j = 0; j < m; j++) {
    const fact = numbers[at.questionFacts + j] as number;
    const kind = numbers[at.questionKinds + j] as number;
    if (fact < 0 || fact >= n || kind < 0 || kind >= QUESTION_KINDS.length) return false;
  }
  return pairs(at.factAt, n, deckLength, !d.located) && pairs(at.questionAt, m, deckLength, !d.located) && pairs(at.spans, n, articleLength ?? -1, true);
}

/** Where a remembered deck's bytes are read from: only where asked, or all of them. */
export interface DeckBytesReader {
  size: number;
  read(start: number, end: number): Buffer;
  all(): Buffer;
}

/**
 * The deck of these bytes (deck.json) as its cache entry describes it, parsed only where asked; null
 * when the description does not fit them.
 */
export function outlinedDeck(body: EntryBody, file: DeckBytesReader, article: string | null, where: { dir: string; file: string }): LoadedDeck | null {
  const d = checkedData(body.data);
  if (d === null || !numbersFit(d, body.numbers, file.size, article === null ? null : article.length)) return null;
  const numbers = body.numbers;
  const at = sections(d.facts.length, d.questions.length);
  const factIds = d.facts;
  // The questions' outline is made when first asked for (stats does not need it).
  let questions: DeckOutline['questions'] | undefined;
  const outline: DeckOutline = {
    id: d.id,
    title: d.title,
    origin: d.origin,
    facts: factIds.map((id, i) => ({ id, topic: d.topics[numbers[at.factTopics + i] as number] as string })),
    get questions() {
      return (questions ??= d.questions.map((id, j) => ({
        id,
        factId: factIds[numbers[at.questionFacts + j] as number] as string,
        kind: QUESTION_KINDS[numbers[at.questionKinds + j] as number] as QuestionKind,
      })));
    },
  };
  let whole: Deck | undefined;
  let wholeFacts: Map<string, Fact> | undefined;
  let wholeQuestions: Map<string, Question> | undefined;
  const parseWhole = (): Deck => (whole ??= JSON.parse(utf8Text(file.all())) as Deck);
  const places = new Map<readonly string[], Map<string, number>>();
  const placeOf = (ids: readonly string[], id: string): number | undefined => {
    let found = places.get(ids);
    if (found === undefined) {
      found = new Map<string, number>();
      ids.forEach((each, i) => found?.set(each, i));
      places.set(ids, found);
    }
    return found.get(id);
  };
  let readsAlone = 0;
  /** One item parsed alone, if it is where the entry says and is the one asked for; otherwise from the whole deck. */
  const one = <T extends { id: string }>(ids: readonly string[], offsets: number, id: string, fromWhole: () => Map<string, T>): T | undefined => {
    if (whole === undefined && d.located) {
      const i = placeOf(ids, id);
      if (i === undefined) return undefined;
      // A command that reads many items (stats: every missed fact's statement) reads the file once, whole,
      // rather than one read per item; each is still parsed alone.
      if (++readsAlone === READS_BEFORE_WHOLE) file.all();
      try {
        const item = JSON.parse(file.read(numbers[offsets + 2 * i] as number, numbers[offsets + 2 * i + 1] as number).toString('utf8')) as T;
        if (typeof item === 'object' && item !== null && item.id === id) return item;
      } catch {
        // Not where the entry said: the whole deck tells.
      }
    }
    return fromWhole().get(id);
  };
  const parsedFacts = new Map<string, Fact | undefined>();
  const parsedQuestions = new Map<string, Question | undefined>();
  return {
    get deck() {
      return parseWhole();
    },
    outline,
    fact(id) {
      if (!parsedFacts.has(id)) parsedFacts.set(id, one(factIds, at.factAt, id, () => (wholeFacts ??= factsById(parseWhole()))));
      return parsedFacts.get(id);
    },
    question(id) {
      if (!parsedQuestions.has(id)) {
        parsedQuestions.set(id, one(d.questions, at.questionAt, id, () => (wholeQuestions ??= new Map(parseWhole().questions.map((q) => [q.id, q])))));
      }
      return parsedQuestions.get(id);
    },
    dir: where.dir,
    file: where.file,
    questionsOf(factId) {
      const fact = placeOf(factIds, factId);
      const found: Question[] = [];
      if (fact === undefined) return found;
      for (let j = 0; j < d.questions.length; j++) {
        if (numbers[at.questionFacts + j] !== fact) continue;
        const question = this.question(d.questions[j] as string);
        if (question !== undefined) found.push(question);
      }
      return found;
    },
    sourceOf(factId) {
      const i = placeOf(factIds, factId);
      const start = i === undefined ? -1 : (numbers[at.spans + 2 * i] as number);
      return i === undefined || start === -1 ? undefined : { start, end: numbers[at.spans + 2 * i + 1] as number };
    },
    article,
  };
}
