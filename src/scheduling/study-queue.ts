// What `study` shows, in order: cards that are due (earliest first), then facts never studied, up to the
// new cards a day allows. Pure: cards, the clock and the settings are passed in.

import type { Deck } from '../domain/deck.js';
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
  deck: Deck,
  cards: ReadonlyMap<string, MemoryCard>,
  firstReviews: readonly string[],
  now: Date,
  settings: StudySettings,
): StudyQueue {
  const today = studyDay(now, settings.dayStartHour);
  const newToday = firstReviews.filter((at) => studyDay(new Date(at), settings.dayStartHour) === today).length;
  const due = deck.facts
    .filter((fact) => {
      const card = cards.get(fact.id);
      return card !== undefined && card.state !== 'new' && isDueForStudy(card, now, settings.dayStartHour);
    })
    .sort((a, b) => Date.parse((cards.get(a.id) as MemoryCard).due) - Date.parse((cards.get(b.id) as MemoryCard).due))
    .map((fact) => fact.id);
  const room = Math.max(0, settings.newPerDay - newToday);
  const fresh = deck.facts.filter((fact) => !cards.has(fact.id)).slice(0, room).map((fact) => fact.id);
  return { due, fresh, newToday };
}

/**
 * Cards of the deck that are not due yet but will be before the study day ends (learning steps, minutes
 * away): "0 due" beside a forecast of "today 13" needs them named. Earliest first, with when each is due.
 */
export function dueLaterToday(deck: Deck, cards: ReadonlyMap<string, MemoryCard>, now: Date, dayStartHour: number): { factId: string; due: number }[] {
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
