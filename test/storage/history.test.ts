import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEEP_SESSIONS, type HistoryEvent, applyEvents, parseLog, serializeEach, serializeEvents } from '../../src/storage/history.js';
import { settingsEvent, suspendEvent } from '../../src/storage/progress.js';
import { MAX_LINE_BYTES } from '../../src/storage/log-lines.js';
import { type DatabaseData, emptyDatabase } from '../../src/storage/schema.js';
import { studyDay } from '../../src/scheduling/study-day.js';
import {
  DECK,
  aDayTally,
  aFactProgress,
  aKindTally,
  aSession,
  anAlias,
  attemptEvent,
  claimEvent,
  resetEvent,
  reviewEvent,
  sessionEvent,
  undoOf,
} from '../helpers/store-records.js';

/** A local wall-clock time on 2024-06-01 (study days follow the local time zone), as an ISO string. */
const local = (hour: number, minute = 0, day = 1): string => new Date(2024, 5, day, hour, minute).toISOString();

function applied(events: HistoryEvent[], start: DatabaseData = emptyDatabase()): DatabaseData {
  const data = structuredClone(start);
  applyEvents(data, events);
  return data;
}

describe('applyEvents: answers', () => {
  it('adds attempts up per fact, per kind and per study day', () => {
    const data = applied([
      attemptEvent({ id: 'a1', factId: 'f1', kind: 'choice', questionId: 'q1', correct: true, at: local(9, 0) }),
      attemptEvent({ id: 'a2', factId: 'f1', kind: 'cloze', questionId: 'q2', correct: false, at: local(9, 1) }),
      attemptEvent({ id: 'a3', factId: 'f2', kind: 'choice', questionId: 'q3', correct: true, at: local(9, 2) }),
      // Before 04:00 it still counts for the day before.
      attemptEvent({ id: 'a4', factId: 'f2', kind: 'choice', questionId: 'q3', correct: false, at: local(3, 30, 2) }),
    ]);
    expect(data.facts).toEqual([
      aFactProgress({ factId: 'f1', attempts: 2, correct: 1, lastCorrect: false, lastAt: local(9, 1), lastKind: 'cloze', lastQuestionId: 'q2', lastAttemptId: 'a2' }),
      aFactProgress({ factId: 'f2', attempts: 2, correct: 1, lastCorrect: false, lastAt: local(3, 30, 2), lastKind: 'choice', lastQuestionId: 'q3', lastAttemptId: 'a4' }),
    ]);
    expect(data.kinds).toEqual([aKindTally({ kind: 'choice', attempts: 3, correct: 2 }), aKindTally({ kind: 'cloze', attempts: 1, correct: 0 })]);
    expect(data.days).toEqual([aDayTally({ day: '2024-06-01', answers: 4, studied: 0 })]);
    expect(data.sessions).toEqual([]);
    expect(data.cards).toEqual([]);
  });

  it('keeps the latest attempt as "last" when an older one arrives later', () => {
    const data = applied([
      attemptEvent({ id: 'late', correct: false, at: local(9, 5) }),
      attemptEvent({ id: 'early', correct: true, at: local(9, 0) }),
    ]);
    expect(data.facts).toEqual([aFactProgress({ attempts: 2, correct: 1, lastCorrect: false, lastAt: local(9, 5), lastAttemptId: 'late' })]);
  });

  it('keeps profiles and decks apart, including "__proto__" and "constructor"', () => {
    const data = applied([
      attemptEvent({ id: 'a1', profile: '__proto__', deckId: 'constructor', factId: '__proto__', at: local(9) }),
      attemptEvent({ id: 'a2', profile: 'constructor', deckId: '__proto__', factId: 'constructor', at: local(9) }),
      attemptEvent({ id: 'a3', profile: '__proto__', deckId: 'constructor', factId: '__proto__', correct: false, at: local(10) }),
    ]);
    expect(data.facts.map((f) => [f.profile, f.deckId, f.factId, f.attempts])).toEqual([
      ['__proto__', 'constructor', '__proto__', 2],
      ['constructor', '__proto__', 'constructor', 1],
    ]);
    expect(Object.getPrototypeOf(data.facts[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).attempts).toBeUndefined();
  });

  it('counts answers in their session, and ignores a session it does not hold', () => {
    const data = applied([
      sessionEvent({ id: 's1' }),
      attemptEvent({ id: 'a1', sessionId: 's1', correct: true }),
      attemptEvent({ id: 'a2', sessionId: 's1', correct: false }),
      attemptEvent({ id: 'a3', sessionId: 'gone', correct: true }),
    ]);
    expect(data.sessions).toEqual([aSession({ id: 's1', answered: 2, correct: 1 })]);
  });

  it('replaces a session with a later session event (its end)', () => {
    const ended = aSession({ status: 'finished', endedAt: local(9, 30), answered: 3, correct: 2 });
    const data = applied([sessionEvent(), attemptEvent(), { type: 'session', session: ended }]);
    expect(data.sessions).toEqual([ended]);
  });
});

describe('applyEvents: "I was right"', () => {
  const wrong = (id: string, at: string) => attemptEvent({ id, kind: 'short', correct: false, at, given: 'US' });

  it('counts the claimed answer as right, keeps the alias, and flips lastCorrect for the latest attempt', () => {
    const data = applied([sessionEvent(), wrong('a1', local(9, 0)), claimEvent({ attemptId: 'a1', kind: 'short', text: 'US', at: local(9, 1) })]);
    expect(data.facts).toEqual([aFactProgress({ attempts: 1, correct: 1, lastCorrect: true, lastAt: local(9, 0), lastKind: 'short', lastAttemptId: 'a1' })]);
    expect(data.kinds).toEqual([aKindTally({ kind: 'short', attempts: 1, correct: 1 })]);
    expect(data.aliases).toEqual([anAlias({ text: 'US', at: local(9, 1) })]);
    expect(data.sessions).toEqual([aSession({ answered: 1, correct: 1 })]);
  });

  it('leaves lastCorrect alone when the claimed attempt is not the latest', () => {
    const data = applied([wrong('a1', local(9, 0)), wrong('a2', local(9, 2)), claimEvent({ attemptId: 'a1', kind: 'short', at: local(9, 3) })]);
    expect(data.facts).toEqual([aFactProgress({ attempts: 2, correct: 1, lastCorrect: false, lastAt: local(9, 2), lastKind: 'short', lastAttemptId: 'a2' })]);
  });
});

describe('applyEvents: cards', () => {
  const day0 = new Date(local(9));
  const day1 = new Date(local(9, 0, 2));

  it('creates a card on the first rating, with firstSeen, and updates it on the next', () => {
    const first = reviewEvent(emptyDatabase(), { id: 'r1', now: day0, source: 'study' });
    const afterFirst = applied([first]);
    expect(afterFirst.cards).toEqual([{ profile: 'default', deckId: DECK, factId: 'f1', firstSeen: day0.toISOString(), firstSource: first.review.source, ...first.review.after }]);
    expect(afterFirst.days).toEqual([aDayTally({ day: '2024-06-01', answers: 0, studied: 1 })]);

    const second = reviewEvent(afterFirst, { id: 'r2', now: day1, rating: 'easy', source: 'quiz' });
    const afterSecond = applied([second], afterFirst);
    expect(second.review.before).toEqual(first.review.after);
    expect(afterSecond.cards).toEqual([{ profile: 'default', deckId: DECK, factId: 'f1', firstSeen: day0.toISOString(), firstSource: first.review.source, ...second.review.after }]);
    expect(afterSecond.cards[0]?.reps).toBe(2);
    // A quiz rating is an answer's, not a flashcard's: it is not counted as studied.
    expect(afterSecond.days).toEqual(afterFirst.days);
  });

  it('undoes a rating back to the card before it, and removes a card rated once', () => {
    const first = reviewEvent(emptyDatabase(), { id: 'r1', now: day0 });
    const once = applied([first]);
    const second = reviewEvent(once, { id: 'r2', now: day1, rating: 'again' });
    const twice = applied([second], once);

    const undoneSecond = applied([undoOf(second.review, day1)], twice);
    expect(undoneSecond.cards).toEqual(once.cards);
    const undoneBoth = applied([undoOf(first.review, day1)], undoneSecond);
    expect(undoneBoth.cards).toEqual([]);
  });

  it('takes a study rating off the day it is undone on, never below zero', () => {
    const first = reviewEvent(emptyDatabase(), { id: 'r1', now: day0 });
    const data = applied([first, undoOf(first.review, day0), undoOf(first.review, day0)]);
    expect(data.days).toEqual([aDayTally({ day: '2024-06-01', answers: 0, studied: 0 })]);
  });

  it('changes no card for a rating carried over without its card (database version 2)', () => {
    const { review } = reviewEvent(emptyDatabase());
    expect(applied([{ type: 'review', review: { ...review, after: null } }]).cards).toEqual([]);
  });
});

describe('applyEvents: settings and reset', () => {
  it('adds a profile, then replaces it; its day start hour decides the study day of later answers', () => {
    const settings = { desiredRetention: 0.8, newPerDay: 5, dayStartHour: 0 };
    const data = applied([
      attemptEvent({ id: 'a1', at: local(3, 30) }),
      settingsEvent('default', { ...settings, dayStartHour: 4 }, new Date(local(8))),
      settingsEvent('default', settings, new Date(local(8, 1))),
      attemptEvent({ id: 'a2', at: local(3, 30, 2) }),
    ]);
    expect(data.profiles).toEqual([{ name: 'default', ...settings }]);
    expect(data.days).toEqual([aDayTally({ day: '2024-05-31', answers: 1 }), aDayTally({ day: '2024-06-02', answers: 1 })]);
  });

  it("removes every record of the profile and nothing of another's; later events in the batch still apply", () => {
    const events = (profile: string): HistoryEvent[] => [
      settingsEvent(profile, { desiredRetention: 0.8, newPerDay: 5, dayStartHour: 4 }, new Date(local(8))),
      sessionEvent({ id: `s-${profile}`, profile }),
      attemptEvent({ id: `a-${profile}`, sessionId: `s-${profile}`, profile, kind: 'short', correct: false }),
      claimEvent({ attemptId: `a-${profile}`, sessionId: `s-${profile}`, profile, kind: 'short' }),
      reviewEvent(emptyDatabase(), { id: `r-${profile}`, profile }),
    ];
    const bobOnly = applied(events('bob'));
    const both = applied([...events('ann'), ...events('bob')]);
    const data = applied([resetEvent('ann'), attemptEvent({ id: 'a-after', profile: 'ann', factId: 'f9' })], both);

    const { logBytes: _l, ...rest } = data;
    for (const [name, list] of Object.entries(rest)) {
      if (!Array.isArray(list)) continue;
      const bobs = (list as Array<{ profile?: string; name?: string }>).filter((r) => (r.profile ?? r.name) === 'bob');
      expect(bobs, name).toEqual((bobOnly as unknown as Record<string, unknown[]>)[name]);
    }
    expect(data.facts.filter((f) => f.profile === 'ann')).toEqual([aFactProgress({ profile: 'ann', factId: 'f9', lastAttemptId: 'a-after' })]);
    expect(data.kinds.filter((k) => k.profile === 'ann')).toEqual([aKindTally({ profile: 'ann' })]);
    expect(data.sessions.some((s) => s.profile === 'ann')).toBe(false);
    expect(data.aliases.some((a) => a.profile === 'ann')).toBe(false);
    expect(data.cards.some((c) => c.profile === 'ann')).toBe(false);
    expect(data.profiles.map((p) => p.name)).toEqual(['bob']);
  });
});

describe('applyEvents: suspended questions', () => {
  const suspend = (type: 'suspend' | 'unsuspend', profile: string, questionId: string, at: string): HistoryEvent => suspendEvent(type, profile, DECK, { id: questionId, factId: 'f1' }, new Date(at));

  it('keeps one record per profile, deck and question; unsuspend removes it; a reset removes the profile\'s only', () => {
    const data = applied([
      suspend('suspend', 'ann', 'q1', local(9)),
      suspend('suspend', 'ann', 'q1', local(10)),
      suspend('suspend', 'ann', 'q2', local(10)),
      suspend('suspend', 'bob', 'q1', local(11)),
      suspend('unsuspend', 'ann', 'q2', local(12)),
    ]);
    expect(data.suspended).toEqual([
      { profile: 'ann', deckId: DECK, questionId: 'q1', factId: 'f1', at: local(10) },
      { profile: 'bob', deckId: DECK, questionId: 'q1', factId: 'f1', at: local(11) },
    ]);
    expect(applied([resetEvent('ann')], data).suspended).toEqual([{ profile: 'bob', deckId: DECK, questionId: 'q1', factId: 'f1', at: local(11) }]);
  });

  it('reads a suspension back from the log as it was written', () => {
    const event = suspend('suspend', 'ann', 'q1', local(9));
    expect(parseLog(Buffer.from(serializeEvents([event])))).toMatchObject({ ok: true, events: [event] });
  });
});

describe('applyEvents: sessions kept', () => {
  it(`keeps active sessions and the ${KEEP_SESSIONS} most recently started ended ones`, () => {
    const minute = (n: number): string => new Date(Date.UTC(2024, 5, 1, 0, n)).toISOString();
    const active = aSession({ id: 'active', startedAt: minute(0) });
    // Ended sessions arrive out of order, so "most recent" must come from startedAt, not arrival.
    const ended = Array.from({ length: KEEP_SESSIONS + 3 }, (_, i) => aSession({ id: `e${i}`, status: 'finished', endedAt: minute(i + 2), startedAt: minute(i + 1) }));
    const order = [...ended.slice(100), ...ended.slice(0, 100)];
    const data = applied([{ type: 'session', session: active }, ...order.map((session): HistoryEvent => ({ type: 'session', session }))]);
    expect(data.sessions).toHaveLength(KEEP_SESSIONS + 1);
    expect(data.sessions.map((s) => s.id).sort()).toEqual(['active', ...ended.slice(3).map((s) => s.id)].sort());
  });
});

describe('applyEvents: one batch or many', () => {
  const anEvent: fc.Arbitrary<HistoryEvent> = fc.oneof(
    fc.record({ id: fc.constantFrom('a1', 'a2', 'a3'), factId: fc.constantFrom('f1', 'f2', '__proto__'), correct: fc.boolean(), minute: fc.nat(59), sessionId: fc.constantFrom('s1', 's2') }).map(({ minute, ...rest }) => attemptEvent({ ...rest, at: local(9, minute) })),
    fc.record({ attemptId: fc.constantFrom('a1', 'a2', 'a3'), factId: fc.constantFrom('f1', 'f2') }).map((claim) => claimEvent(claim)),
    fc.record({ id: fc.constantFrom('s1', 's2'), status: fc.constantFrom('active' as const, 'finished' as const) }).map((session) => sessionEvent(session)),
    fc.constantFrom('default', 'bob').map((profile) => resetEvent(profile)),
  );

  it('adds up to the same state whether the log is replayed at once or event by event', () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 30 }), fc.nat(30), (events, cut) => {
        const atOnce = applied(events);
        const inTwo = applied(events.slice(cut), applied(events.slice(0, cut)));
        const oneByOne = events.reduce((data, event) => applied([event], data), emptyDatabase());
        expect(inTwo).toEqual(atOnce);
        expect(oneByOne).toEqual(atOnce);
      }),
    );
  });

  it('adds up the same in one database kept across saves (lists searched item by item, then by their keys) as replayed at once', () => {
    // Lookups in a database kept from save to save scan its lists until a map of their keys pays, then use
    // it: the state must not depend on which. Many facts, so both happen; undos remove cards.
    const facts = Array.from({ length: 12 }, (_, i) => `f${i}`);
    const step = fc.oneof(
      fc.record({ n: fc.nat(999), fact: fc.constantFrom(...facts), correct: fc.boolean(), day: fc.integer({ min: 1, max: 9 }) }).map((a) => ({ kind: 'attempt' as const, ...a })),
      fc.record({ fact: fc.constantFrom(...facts), rating: fc.constantFrom('again' as const, 'good' as const), undo: fc.boolean() }).map((r) => ({ kind: 'review' as const, ...r })),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 120 }), (steps) => {
        const kept = emptyDatabase();
        const log: HistoryEvent[] = [];
        for (const [i, s] of steps.entries()) {
          const events: HistoryEvent[] =
            s.kind === 'attempt'
              ? [attemptEvent({ id: `a${i}`, factId: s.fact, correct: s.correct, at: local(9, s.n % 60, s.day) })]
              : [reviewEvent(kept, { id: `r${i}`, factId: s.fact, rating: s.rating })];
          applyEvents(kept, events);
          log.push(...events);
          const review = events[0]?.type === 'review' ? events[0].review : undefined;
          if (s.kind === 'review' && s.undo && review !== undefined) {
            const undo = [undoOf(review, new Date('2024-06-01T10:00:00.000Z'))];
            applyEvents(kept, undo);
            log.push(...undo);
          }
        }
        expect(kept).toEqual(applied(log));
      }),
      { numRuns: 60 },
    );
  });

  it('counts every attempt once per fact', () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 30 }), (events) => {
        const data = applied(events);
        const lastReset = events.map((e) => e.type === 'reset').lastIndexOf(true);
        const counted = events.slice(lastReset + 1).filter((e) => e.type === 'attempt').length;
        const survivingBefore = events
          .slice(0, lastReset + 1)
          .filter((e, i) => e.type === 'attempt' && !events.slice(i + 1, lastReset + 1).some((r) => r.type === 'reset' && r.profile === e.attempt.profile)).length;
        expect(data.facts.reduce((sum, f) => sum + f.attempts, 0)).toBe(counted + survivingBefore);
      }),
    );
  });
});

describe('parseLog', () => {
  const a1 = attemptEvent({ id: 'a1' });
  const a2 = attemptEvent({ id: 'a2', given: 'Pékin' });
  const line = (event: unknown): string => `${JSON.stringify(event)}\n`;
  const bytes = (text: string): number => Buffer.byteLength(text);
  const parse = (text: string | Buffer, options?: Parameters<typeof parseLog>[1]): ReturnType<typeof parseLog> => parseLog(Buffer.isBuffer(text) ? text : Buffer.from(text), options);
  const whole = (events: HistoryEvent[], lines: number[], text: string): ReturnType<typeof parseLog> => ({ ok: true, events, lines, bytes: bytes(text), torn: 0, unterminated: false });
  const notAnEvent = (n: number): ReturnType<typeof parseLog> => ({ ok: false, line: n, problem: 'a line of the history log is not an event' });
  const damagedLast = (n: number): ReturnType<typeof parseLog> => ({ ok: false, line: n, problem: 'the last line of the history log is damaged: it has no line end, and it is not a save cut short by a crash' });

  it.each<[string, string, ReturnType<typeof parseLog>]>([
    ['an empty log', '', whole([], [], '')],
    ['saves, one line each (bytes counted in UTF-8)', line([a1]) + line([a2]), whole([a1, a2], [1, 2], line([a1]) + line([a2]))],
    ['a save of two events on one line', line([a1, a2]), whole([a1, a2], [1, 1], line([a1, a2]))],
    ['single events, as written by hand', line(a1) + line(a2), whole([a1, a2], [1, 2], line(a1) + line(a2))],
    ['saves and single events mixed', line(a1) + line([a2, a1]), whole([a1, a2, a1], [1, 2, 2], line(a1) + line([a2, a1]))],
    ['an empty save', line([]) + line([a1]), whole([a1], [2], line([]) + line([a1]))],
    ['blank lines, skipped', `\n${line([a1])}   \n\n${line(a2)}`, whole([a1, a2], [2, 5], `\n${line([a1])}   \n\n${line(a2)}`)],
    ['Windows line ends (CRLF)', `${JSON.stringify([a1])}\r\n${JSON.stringify([a2])}\r\n`, whole([a1, a2], [1, 2], `${JSON.stringify([a1])}\r\n${JSON.stringify([a2])}\r\n`)],
    ['old Mac line ends (CR alone)', `${JSON.stringify([a1])}\r${JSON.stringify([a2])}\r`, whole([a1, a2], [1, 2], `${JSON.stringify([a1])}\r${JSON.stringify([a2])}\r`)],
    ['LF, CRLF and CR mixed, blank lines counted once each', `${JSON.stringify([a1])}\r\r\n${JSON.stringify([a2])}\n\r${JSON.stringify([a1])}\r`, whole([a1, a2, a1], [1, 3, 5], `${JSON.stringify([a1])}\r\r\n${JSON.stringify([a2])}\n\r${JSON.stringify([a1])}\r`)],
    ['a torn last line, left out', line([a1]) + line([a2]).slice(0, 40), { ok: true, events: [a1], lines: [1], bytes: bytes(line([a1])), torn: 40, unterminated: false }],
    ['a torn last line after CR line ends, left out', `${JSON.stringify([a1])}\r${line([a2]).slice(0, 40)}`, { ok: true, events: [a1], lines: [1], bytes: bytes(JSON.stringify([a1])) + 1, torn: 40, unterminated: false }],
    ['a torn last line followed by the zero bytes of a power cut, left out', `${line([a1])}[{"type":"att\0\0\0`, { ok: true, events: [a1], lines: [1], bytes: bytes(line([a1])), torn: 16, unterminated: false }],
    ['a last line of zero bytes only, left out', `${line([a1])}\0\0\0\0`, { ok: true, events: [a1], lines: [1], bytes: bytes(line([a1])), torn: 4, unterminated: false }],
    ['a whole last line without its line end, counted', line([a1]) + JSON.stringify([a2]), { ok: true, events: [a1, a2], lines: [1, 2], bytes: bytes(line([a1]) + JSON.stringify([a2])), torn: 0, unterminated: true }],
    ['a last line of spaces, nothing to end', `${line([a1])}   `, { ok: true, events: [a1], lines: [1], bytes: bytes(`${line([a1])}   `), torn: 0, unterminated: false }],
    // The first event of a torn save is whole on the disk: it is left out with the rest of its save.
    ['a save torn right after its first event, left out whole', line([a1]) + JSON.stringify([a1, a2]).slice(0, JSON.stringify([a1]).length), { ok: true, events: [a1], lines: [1], bytes: bytes(line([a1])), torn: JSON.stringify([a1]).length, unterminated: false }],
    // Two saves run together (the line end between them lost): not one save cut short, so not cut off.
    ['two saves without the line end between them, refused', JSON.stringify([a1]) + JSON.stringify([a2]), damagedLast(1)],
    ['a last save whose line end was changed into another byte, refused', `${line([a1])}${JSON.stringify([a2])}*`, damagedLast(2)],
    ['a last line of garbage, refused', `${line([a1])}hello`, damagedLast(2)],
    ['a last line that is a number, refused', `${line([a1])}42`, notAnEvent(2)],
    ['a bad line in the middle, with its number', `${line([a1])}\n{"type": "attempt", \n${line([a2])}`, { ok: false, line: 3, problem: 'a line of the history log is not valid JSON' }],
    ['a bad line in the middle after CR line ends, with its number', `${JSON.stringify([a1])}\r\r{"type": "attempt", \r${line([a2])}`, { ok: false, line: 3, problem: 'a line of the history log is not valid JSON' }],
    ['an object that is no event', `${line([a1])}{"kind": "attempt"}\n`, notAnEvent(2)],
    ['a save holding something that is no event', `${line([a1])}${line([a2, { kind: 'attempt' }])}`, notAnEvent(2)],
    ['a save holding null', line([a1, null]), notAnEvent(1)],
    ['a save holding a save', line([[a1]]), notAnEvent(1)],
    ['an unknown event type', `{"type": "delete"}\n`, notAnEvent(1)],
    ['null', 'null\n', notAnEvent(1)],
    ['a number', '42\n', notAnEvent(1)],
  ])('reads %s', (_name, text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it('numbers lines from the line it starts at', () => {
    expect(parse(`${line([a1])}oops\n`, { firstLine: 41 })).toEqual({ ok: false, line: 42, problem: 'a line of the history log is not valid JSON' });
  });

  it('counts file bytes, never decoded characters', () => {
    const text = line([a2]) + line([a1]);
    // "Pékin": 5 characters, 6 bytes.
    expect(bytes(text)).toBe(text.length + 1);
    expect(parse(text)).toEqual(whole([a2, a1], [1, 2], text));
    expect(parse(text.slice(0, line([a2]).length) + line([a1]).slice(0, 30))).toMatchObject({ ok: true, bytes: bytes(line([a2])), torn: 30 });
  });

  it('refuses a line with a byte that is not UTF-8, whole or last, and never counts it as a replacement character', () => {
    const bad = Buffer.from(line([a2]));
    bad[bad.indexOf('Pékin') + 1] = 0xff;
    const problem = 'a line of the history log is not UTF-8 text';
    expect(parse(Buffer.concat([Buffer.from(line([a1])), bad, Buffer.from(line([a1]))]))).toEqual({ ok: false, line: 2, problem });
    // A save cut short inside it is no crash's torn write either: the byte was there before the cut.
    expect(parse(Buffer.concat([Buffer.from(line([a1])), bad.subarray(0, bad.length - 10)]))).toMatchObject({ ok: false, line: 2 });
  });

  it('bytes that stop short of the file: what follows the last line end is not judged, nor a CR that may be half a CRLF', () => {
    const first = `${JSON.stringify([a1])}\r\n`;
    expect(parse(`${first}garbage`, { atEnd: false })).toEqual(whole([a1], [1], first));
    expect(parse(`${JSON.stringify([a1])}\r`, { atEnd: false })).toEqual(whole([], [], ''));
  });

  it('refuses a line longer than any save before decoding it', () => {
    const long = Buffer.alloc(MAX_LINE_BYTES + 1, 0x61);
    const problem = 'a line of the history log is longer than any save factdeck writes (over 16 MB)';
    expect(parse(Buffer.concat([Buffer.from(line([a1])), long, Buffer.from('\n')]))).toEqual({ ok: false, line: 2, problem });
    expect(parse(Buffer.concat([Buffer.from(line([a1])), long]), { atEnd: false })).toEqual({ ok: false, line: 2, problem });
  });

  const events = [a1, a2, claimEvent(), sessionEvent(), resetEvent('__proto__')];

  it('reads back what serializeEvents writes: one save, one line holding its events as a list', () => {
    const text = serializeEvents(events);
    expect(text.split('\n')).toEqual([expect.any(String), '']);
    expect(JSON.parse(text)).toEqual(events);
    expect(parse(text)).toEqual(whole(events, events.map(() => 1), text));
  });

  it('reads back what serializeEach writes: each event a save of its own, on its own line', () => {
    const text = serializeEach(events);
    expect(text).toBe(events.map((event) => serializeEvents([event])).join(''));
    expect(text.split('\n')).toHaveLength(events.length + 1);
    expect(parse(text)).toEqual(whole(events, events.map((_, i) => i + 1), text));
  });

  it('leaves out the whole of a save torn at any byte (even inside a character), keeps every save before it, and counts it once only its line end is missing', () => {
    const kept = Buffer.from(serializeEach([a1]));
    const save = Buffer.from(serializeEvents([a2, claimEvent({ text: 'Pékin ✓ 🐉' }), sessionEvent()]));
    for (let cut = 0; cut < save.length - 1; cut += 1) {
      expect(parse(Buffer.concat([kept, save.subarray(0, cut)])), `cut at ${cut}`).toEqual({ ok: true, events: [a1], lines: [1], bytes: kept.length, torn: cut, unterminated: false });
    }
    expect(parse(Buffer.concat([kept, save.subarray(0, save.length - 1)]))).toMatchObject({ ok: true, events: [a1, ...JSON.parse(save.toString()) as HistoryEvent[]], torn: 0, unterminated: true });
  });
});

describe('studyDay in these tests', () => {
  it('puts the local times used above on the days they expect', () => {
    expect([studyDay(new Date(local(9))), studyDay(new Date(local(3, 30))), studyDay(new Date(local(3, 30)), 0)]).toEqual(['2024-06-01', '2024-05-31', '2024-06-01']);
  });
});
