// The history of progress as events: every answer, claim, rating, undo, session, reset and suspension is one line of
// the append-only history log, and the database file holds what those events add up to (cards, per-fact
// progress, tallies for stats). applyEvents is that addition: the same code runs when an event is first
// recorded and when a log tail is replayed after a crash, so the two can never disagree.

import { studyDay } from '../scheduling/study-day.js';
import type { MemoryCard, RatingName } from '../scheduling/fsrs.js';
import type { Attempt, CardRecord, DatabaseData, DayTally, FactProgress, KindTally, ProfileRecord, ReviewRecord, SessionRecord, SuspendRecord } from './schema.js';
import { DEFAULT_DAY_START_HOUR } from '../scheduling/study-day.js';
import { byCodeUnits } from '../domain/order.js';
import { LineEnds, MAX_LINE_BYTES, isCutSave, lineText } from './log-lines.js';

/** Finished and abandoned sessions kept in the database (all of them stay in the history log). */
export const KEEP_SESSIONS = 200;

export type HistoryEvent =
  | { type: 'attempt'; attempt: Attempt }
  | { type: 'claim'; attemptId: string; sessionId: string; profile: string; deckId: string; questionId: string; factId: string; kind: string; text: string; at: string }
  | { type: 'review'; review: ReviewRecord }
  | { type: 'undo'; reviewId: string; profile: string; deckId: string; factId: string; source: ReviewRecord['source']; before: MemoryCard | null; at: string; rating?: RatingName; attempt?: UndoneAttempt }
  | { type: 'session'; session: SessionRecord }
  | { type: 'settings'; profile: string; settings: Omit<ProfileRecord, 'name'>; at: string }
  | { type: 'reset'; profile: string; at: string }
  | { type: 'suspend' | 'unsuspend'; profile: string; deckId: string; questionId: string; factId: string; at: string };

/**
 * A quiz or review answer taken back with its rating (an undo event's `attempt`): what the answer added
 * is taken away again, and the fact's progress is put back as it was before it, exactly.
 */
export interface UndoneAttempt {
  id: string;
  sessionId: string;
  kind: string;
  correct: boolean;
  /** When the answer was given: its day's tally loses it. */
  at: string;
  /** The fact's progress before the answer (null: the answer was the fact's first). */
  factBefore: FactProgress | null;
}

const key = (...parts: string[]): string => parts.join('\u0000');

/**
 * Lookups over the database's lists, kept from one call to the next (by list). A list is searched item by
 * item until that has cost a few passes over it; only then is a map of its keys built. So one save (an
 * answer: a handful of lookups) never pays for indexing years of cards and days, and a long replay
 * still stays linear. Only applyEvents changes the indexed lists; a list replaced by a new array gets a
 * new index.
 */
class Index<T extends object> {
  #map: Map<string, number> | undefined;
  /** Items looked at one by one so far: past SCANS_BEFORE_MAP passes over the list, the map pays. */
  #scanned = 0;
  /**
   * Where the last lookup found its key, or -1 (a get is often followed by a put of the same key, and a
   * replay's events come card by card): that item is compared field by field, with no key string made.
   */
  #last = -1;
  constructor(
    readonly list: T[],
    readonly keyOf: (item: T) => string,
    /**
     * Whether the item has the key of these parts, field by field: a scan makes no key strings (and reads
     * the parts by index: destructuring them would cost more than the comparison, uncompiled).
     */
    readonly is: (item: T, parts: readonly string[]) => boolean,
  ) {}
  /** Whether the list still matches what the index knows (nobody else pushed or removed). */
  fits(): boolean {
    return this.#map === undefined || this.#map.size === this.list.length;
  }
  #find(parts: readonly string[]): number {
    const last = this.#last;
    if (last !== -1 && last < this.list.length && this.is(this.list[last] as T, parts)) return last;
    let at = -1;
    if (this.#map === undefined && this.#scanned > SCANS_BEFORE_MAP * this.list.length) {
      const map = new Map<string, number>();
      this.list.forEach((item, i) => map.set(this.keyOf(item), i));
      this.#map = map;
    }
    if (this.#map !== undefined) at = this.#map.get(key(...parts)) ?? -1;
    else {
      const list = this.list;
      const is = this.is;
      this.#scanned += list.length;
      // The last of equal keys, as the map would have it.
      for (let i = list.length - 1; i >= 0; i--) {
        if (is(list[i] as T, parts)) {
          at = i;
          break;
        }
      }
    }
    this.#last = at;
    return at;
  }
  get(...parts: string[]): T | undefined {
    const i = this.#find(parts);
    return i === -1 ? undefined : this.list[i];
  }
  put(item: T, parts: readonly string[]): void {
    const i = this.#find(parts);
    if (i === -1) {
      this.#map?.set(key(...parts), this.list.length);
      this.#last = this.list.length;
      this.list.push(item);
    } else {
      this.list[i] = item;
    }
  }
  remove(...parts: string[]): void {
    const i = this.#find(parts);
    if (i === -1) return;
    this.list.splice(i, 1);
    this.#last = -1;
    if (this.#map === undefined) return;
    const map = this.#map;
    map.clear();
    this.list.forEach((item, j) => map.set(this.keyOf(item), j));
  }
}

/** Passes over a list made item by item before its keys are put in a map (see Index). */
const SCANS_BEFORE_MAP = 4;

const indexes = new WeakMap<object, Index<never>>();

function indexFor<T extends object>(list: T[], keyOf: (item: T) => string, is: (item: T, parts: readonly string[]) => boolean): Index<T> {
  const known = indexes.get(list) as Index<T> | undefined;
  if (known !== undefined && known.fits()) return known;
  const index = new Index(list, keyOf, is);
  indexes.set(list, index as unknown as Index<never>);
  return index;
}

function dayStartOf(data: DatabaseData, profile: string): number {
  return data.profiles.find((p) => p.name === profile)?.dayStartHour ?? DEFAULT_DAY_START_HOUR;
}

function pruneSessions(data: DatabaseData): void {
  const ended = data.sessions.filter((s) => s.status !== 'active');
  if (ended.length <= KEEP_SESSIONS) return;
  const drop = new Set(
    ended
      .sort((a, b) => byCodeUnits(a.startedAt, b.startedAt))
      .slice(0, ended.length - KEEP_SESSIONS)
      .map((s) => s.id),
  );
  data.sessions = data.sessions.filter((s) => !drop.has(s.id));
}

/** deckChangedBy's answer for an event that changes every deck's records (of one profile). */
export const ALL_DECKS = Symbol('all decks');

/**
 * Whose cards, facts' progress or tallies an event changes: a deck's id, ALL_DECKS, or null when it changes
 * none of them (sessions, settings, suspensions and aliases are not kept per deck).
 */
export function deckChangedBy(event: HistoryEvent): string | typeof ALL_DECKS | null {
  switch (event.type) {
    case 'attempt':
      return event.attempt.deckId;
    case 'review':
      return event.review.deckId;
    case 'claim':
    case 'undo':
      return event.deckId;
    case 'reset':
      return ALL_DECKS;
    case 'session':
    case 'settings':
    case 'suspend':
    case 'unsuspend':
      return null;
  }
}

/** Adds events to the database's state, in order. */
export function applyEvents(data: DatabaseData, events: readonly HistoryEvent[]): void {
  const facts = indexFor<FactProgress>(data.facts, (f) => key(f.profile, f.deckId, f.factId), (f, k) => f.factId === k[2] && f.deckId === k[1] && f.profile === k[0]);
  const kinds = indexFor<KindTally>(data.kinds, (k) => key(k.profile, k.deckId, k.kind), (t, k) => t.kind === k[2] && t.deckId === k[1] && t.profile === k[0]);
  const days = indexFor<DayTally>(data.days, (t) => key(t.profile, t.deckId, t.day), (t, k) => t.day === k[2] && t.deckId === k[1] && t.profile === k[0]);
  const cards = indexFor<CardRecord>(data.cards, (c) => key(c.profile, c.deckId, c.factId), (c, k) => c.factId === k[2] && c.deckId === k[1] && c.profile === k[0]);
  const sessions = indexFor<SessionRecord>(data.sessions, (s) => s.id, (s, k) => s.id === k[0]);
  const day = (profile: string, deckId: string, at: string): DayTally => {
    const d = studyDay(new Date(at), dayStartOf(data, profile));
    let tally = days.get(profile, deckId, d);
    if (!tally) {
      tally = { profile, deckId, day: d, answers: 0, studied: 0 };
      days.put(tally, [profile, deckId, d]);
    }
    return tally;
  };
  const kind = (profile: string, deckId: string, k: string): KindTally => {
    let tally = kinds.get(profile, deckId, k);
    if (!tally) {
      tally = { profile, deckId, kind: k, attempts: 0, correct: 0 };
      kinds.put(tally, [profile, deckId, k]);
    }
    return tally;
  };
  let sessionsChanged = false;

  for (const event of events) {
    switch (event.type) {
      case 'attempt': {
        const a = event.attempt;
        const known = facts.get(a.profile, a.deckId, a.factId);
        const progress: FactProgress = known ?? { profile: a.profile, deckId: a.deckId, factId: a.factId, attempts: 0, correct: 0, lastCorrect: a.correct, lastAt: a.at, lastKind: a.kind, lastQuestionId: a.questionId, lastAttemptId: a.id };
        progress.attempts++;
        if (a.correct) progress.correct++;
        if (!known || progress.lastAt <= a.at) {
          Object.assign(progress, { lastCorrect: a.correct, lastAt: a.at, lastKind: a.kind, lastQuestionId: a.questionId, lastAttemptId: a.id });
        }
        facts.put(progress, [a.profile, a.deckId, a.factId]);
        const k = kind(a.profile, a.deckId, a.kind);
        k.attempts++;
        if (a.correct) k.correct++;
        day(a.profile, a.deckId, a.at).answers++;
        const session = sessions.get(a.sessionId);
        if (session) {
          session.answered++;
          if (a.correct) session.correct++;
        }
        break;
      }
      case 'claim': {
        const progress = facts.get(event.profile, event.deckId, event.factId);
        if (progress) {
          progress.correct++;
          if (progress.lastAttemptId === event.attemptId) progress.lastCorrect = true;
        }
        kind(event.profile, event.deckId, event.kind).correct++;
        data.aliases.push({ profile: event.profile, deckId: event.deckId, questionId: event.questionId, text: event.text, at: event.at });
        const session = sessions.get(event.sessionId);
        if (session) session.correct++;
        break;
      }
      case 'review': {
        const r = event.review;
        if (r.after !== null) {
          const known = cards.get(r.profile, r.deckId, r.factId);
          const first = known ? { firstSeen: known.firstSeen, firstSource: known.firstSource } : { firstSeen: r.at, firstSource: r.source };
          cards.put({ profile: r.profile, deckId: r.deckId, factId: r.factId, ...first, ...r.after }, [r.profile, r.deckId, r.factId]);
        }
        const tally = r.source === 'study' || r.before?.state === 'review' ? day(r.profile, r.deckId, r.at) : null;
        if (r.source === 'study' && tally) tally.studied++;
        if (r.before?.state === 'review' && tally) {
          tally.reviewed = (tally.reviewed ?? 0) + 1;
          if (r.rating !== 'again') tally.recalled = (tally.recalled ?? 0) + 1;
        }
        break;
      }
      case 'undo': {
        const k = [event.profile, event.deckId, event.factId];
        if (event.before === null) cards.remove(...k);
        else {
          const known = cards.get(...k);
          cards.put({ profile: event.profile, deckId: event.deckId, factId: event.factId, firstSeen: known?.firstSeen ?? event.at, firstSource: known?.firstSource ?? event.source, ...event.before }, k);
        }
        if (event.source === 'study') {
          const tally = day(event.profile, event.deckId, event.at);
          tally.studied = Math.max(0, tally.studied - 1);
        }
        // Undone on the day it was rated (study's undo, "I was right", a quiz answer taken back): the
        // rating leaves the true retention.
        if (event.before?.state === 'review' && event.rating !== undefined) {
          const tally = day(event.profile, event.deckId, event.at);
          tally.reviewed = Math.max(0, (tally.reviewed ?? 0) - 1);
          if (event.rating !== 'again') tally.recalled = Math.max(0, (tally.recalled ?? 0) - 1);
        }
        // A quiz or review answer taken back: what the answer added goes too.
        if (event.attempt !== undefined) {
          const a = event.attempt;
          const factKey = [event.profile, event.deckId, event.factId];
          if (a.factBefore === null) facts.remove(...factKey);
          else facts.put({ ...a.factBefore }, [a.factBefore.profile, a.factBefore.deckId, a.factBefore.factId]);
          const k = kind(event.profile, event.deckId, a.kind);
          k.attempts = Math.max(0, k.attempts - 1);
          if (a.correct) k.correct = Math.max(0, k.correct - 1);
          const tally = day(event.profile, event.deckId, a.at);
          tally.answers = Math.max(0, tally.answers - 1);
          const session = sessions.get(a.sessionId);
          if (session) {
            session.answered = Math.max(0, session.answered - 1);
            if (a.correct) session.correct = Math.max(0, session.correct - 1);
          }
        }
        break;
      }
      case 'settings': {
        const record: ProfileRecord = { name: event.profile, ...event.settings };
        const at = data.profiles.findIndex((p) => p.name === event.profile);
        if (at === -1) data.profiles.push(record);
        else data.profiles[at] = record;
        break;
      }
      case 'session':
        sessions.put({ ...event.session }, [event.session.id]);
        sessionsChanged = true;
        break;
      case 'suspend':
      case 'unsuspend': {
        const same = (r: SuspendRecord): boolean => r.profile === event.profile && r.deckId === event.deckId && r.questionId === event.questionId;
        data.suspended = data.suspended.filter((r) => !same(r));
        if (event.type === 'suspend') data.suspended.push({ profile: event.profile, deckId: event.deckId, questionId: event.questionId, factId: event.factId, at: event.at });
        break;
      }
      case 'reset': {
        const other = (record: { profile: string }): boolean => record.profile !== event.profile;
        data.sessions = data.sessions.filter(other);
        data.aliases = data.aliases.filter(other);
        data.cards = data.cards.filter(other);
        data.facts = data.facts.filter(other);
        data.kinds = data.kinds.filter(other);
        data.days = data.days.filter(other);
        data.profiles = data.profiles.filter((p) => p.name !== event.profile);
        data.suspended = data.suspended.filter(other);
        // Lists were replaced: later events in this batch need fresh lookups.
        applyEvents(data, events.slice(events.indexOf(event) + 1));
        return;
      }
    }
  }
  if (sessionsChanged) pruneSessions(data);
}

/**
 * One save as one log line: the events of a record() call, as a JSON array, so a crash mid-write tears
 * the whole save (never an answer without its card's rating).
 */
export function serializeEvents(events: readonly HistoryEvent[]): string {
  return `${JSON.stringify(events)}\n`;
}

/** Each event as a save of its own (carrying old answers over in a migration). */
export function serializeEach(events: readonly HistoryEvent[]): string {
  return events.map((event) => serializeEvents([event])).join('');
}

export type LogParse =
  | {
      ok: true;
      events: HistoryEvent[];
      /** The line (counted from the first line given) each event stands on. */
      lines: number[];
      /** Bytes of the lines read (file bytes, never decoded characters). */
      bytes: number;
      /** Bytes after those of a save cut short by a crash (never acknowledged: to be cut off). */
      torn: number;
      /** The last line read is whole but has no line end: one must be added before anything is appended. */
      unterminated: boolean;
    }
  | { ok: false; line: number; problem: string };

const EVENT_TYPES = new Set(['attempt', 'claim', 'review', 'undo', 'session', 'settings', 'reset', 'suspend', 'unsuspend']);

const NOT_AN_EVENT = 'a line of the history log is not an event';

type LineRead = { ok: true; events: HistoryEvent[] } | { ok: false; problem: string };

/** The events of one line (none for a blank one), or what is wrong with it. */
function readLine(bytes: Buffer): LineRead {
  const text = lineText(bytes);
  if (text === null) return { ok: false, problem: 'a line of the history log is not UTF-8 text' };
  if (text.trim() === '') return { ok: true, events: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'a line of the history log is not valid JSON' };
  }
  // A line is one save: an array of events (or, written by hand, a single event).
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const type = (item as { type?: unknown } | null)?.type;
    if (typeof item !== 'object' || item === null || Array.isArray(item) || typeof type !== 'string' || !EVENT_TYPES.has(type)) {
      return { ok: false, problem: NOT_AN_EVENT };
    }
  }
  return { ok: true, events: items as HistoryEvent[] };
}

/**
 * Parses log bytes (from a line start). Lines end at LF, CRLF or CR. A line that does not parse is damage,
 * reported with its line number (counted from `firstLine`), except a last line without its line end that
 * is a save cut short by a crash: it was never acknowledged, so it is left out (and later cut off). A last
 * line without its line end that is whole counts. `atEnd: false` says the bytes stop before the end of the
 * file: what follows the last line end there is read next time, not judged.
 */
export function parseLog(bytes: Buffer, options: { firstLine?: number; atEnd?: boolean } = {}): LogParse {
  const atEnd = options.atEnd ?? true;
  const events: HistoryEvent[] = [];
  const lines: number[] = [];
  const ends = new LineEnds(bytes);
  let offset = 0;
  let line = options.firstLine ?? 1;
  const add = (read: Extract<LineRead, { ok: true }>): void => {
    for (const event of read.events) {
      events.push(event);
      lines.push(line);
    }
  };
  while (offset < bytes.length) {
    const found = ends.next(offset);
    // No line end: the last line. (A CR that ends bytes stopping short of the file may be half a CRLF.)
    const lineEnd = found === null || (!atEnd && found.next === bytes.length && bytes[found.end] === 0x0d) ? null : found;
    if ((lineEnd?.end ?? bytes.length) - offset > MAX_LINE_BYTES) {
      return { ok: false, line, problem: `a line of the history log is longer than any save factdeck writes (over ${MAX_LINE_BYTES / 1024 / 1024} MB)` };
    }
    if (lineEnd === null) {
      if (!atEnd) break;
      const rest = bytes.subarray(offset);
      const read = readLine(rest);
      if (read.ok) {
        add(read);
        return { ok: true, events, lines, bytes: bytes.length, torn: 0, unterminated: lineText(rest)?.trim() !== '' };
      }
      if (read.problem === NOT_AN_EVENT) return { ok: false, line, problem: read.problem };
      if (isCutSave(rest)) return { ok: true, events, lines, bytes: offset, torn: rest.length, unterminated: false };
      return { ok: false, line, problem: 'the last line of the history log is damaged: it has no line end, and it is not a save cut short by a crash' };
    }
    const read = readLine(bytes.subarray(offset, lineEnd.end));
    if (!read.ok) return { ok: false, line, problem: read.problem };
    add(read);
    offset = lineEnd.next;
    line++;
  }
  return { ok: true, events, lines, bytes: offset, torn: 0, unterminated: false };
}
