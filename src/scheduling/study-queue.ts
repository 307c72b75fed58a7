// What `study` shows, in order: cards that are due (earliest first), then facts never studied, up to the
// new cards a day allows. Pure: cards, the clock and the settings are passed in.

import type { MemoryCard } from './fsrs.js';
import { nextDayStart, studyDay } from './study-day.js';

export interface StudySettings {
  newPerDay: number;
  dayStartHour: number;
}

export interface StudyQueue {
  /** Fact ids of cards due now (learning steps) or today (reviews), earliest due first. */
  due: string[];
  /** Fact ids never studied nor answered, in deck order, up to what today still allows. */
  fresh: string[];
  /** New cards already begun today (they count against the daily limit). */
  newToday: number;
}

/** A card is due for study: learning steps by the minute, reviews by the day. */
export function isDueForStudy(card: MemoryCard, now: Date, dayStartHour: number): boolean {
  const due = Date.parse(card.due);
  if (card.state === 'review') return due < nextDayStart(now, dayStartHour).getTime();
  return due <= now.getTime();
}

export function buildStudyQueue(
  deck: { facts: readonly { id: string }[] },
  cards: ReadonlyMap<string, MemoryCard>,
  firstReviews: readonly string[],
  now: Date,
  settings: StudySettings,
): StudyQueue {
  const today = studyDay(now, settings.dayStartHour);
  const newToday = firstReviews.filter((at) => studyDay(new Date(at), settings.dayStartHour) === today).length;
  // Each card's due time read once (not at every comparison of the sort); the sort is stable.
  const reviewsBefore = nextDayStart(now, settings.dayStartHour).getTime();
  const dueCards: { id: string; at: number }[] = [];
  for (const fact of deck.facts) {
    const card = cards.get(fact.id);
    if (card === undefined || card.state === 'new') continue;
    const at = Date.parse(card.due);
    if (card.state === 'review' ? at < reviewsBefore : at <= now.getTime()) dueCards.push({ id: fact.id, at });
  }
  const due = dueCards.sort((a, b) => a.at - b.at).map((card) => card.id);
  const room = Math.max(0, settings.newPerDay - newToday);
  const fresh = deck.facts.filter((fact) => !cards.has(fact.id)).slice(0, room).map((fact) => fact.id);
  return { due, fresh, newToday };
}

/**
 * Cards of the deck that are not due yet but will be before the study day ends (learning steps, minutes
 * away): "0 due" beside a forecast of "today 13" needs them named. Earliest first, with when each is due.
 */
export function dueLaterToday(deck: { facts: readonly { id: string }[] }, cards: ReadonlyMap<string, MemoryCard>, now: Date, dayStartHour: number): { factId: string; due: number }[] {
  const end = nextDayStart(now, dayStartHour).getTime();
  return deck.facts
    .flatMap((fact) => {
      const card = cards.get(fact.id);
      if (card === undefined || card.state === 'new' || isDueForStudy(card, now, dayStartHour)) return [];
      const due = Date.parse(card.due);
      return due < end ? [{ factId: fact.id, due }] : [];
    })
    .sort((a, b) => a.due - b.due);
}
