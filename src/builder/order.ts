// Ordering questions: when three or more facts carry an absolute date ("on March 1", "in April 2030"),
// the learner puts those events in time order. Each event is its clause without its date, so the item
// does not give its place away.

import type { Random } from '../domain/random.js';
import type { FactDraft } from './facts.js';
import type { QuestionDraft } from './questions.js';
import { capitalise, tidy, wordCount } from './text.js';
import type { Mention } from './types.js';

const ORDERABLE = new Set(['day', 'day-range', 'month', 'month-year', 'year', 'season', 'decade']);
const LEAD_WORDS = /(?:\b(?:on|in|from|between|by|during|until|since|through|of|at|for)\s+)?$/i;
const MAX_EVENTS = 4;
const MAX_QUESTIONS = 3;

interface Event {
  fact: FactDraft;
  mention: Mention;
  sortKey: number;
  item: string;
}

/** Fills in the year a date leaves out ("March 3") from the nearest year the article gave before it. */
function withYears(dated: { fact: FactDraft; mention: Mention }[]): { fact: FactDraft; mention: Mention; sortKey: number }[] {
  const years = dated.map((d) => Math.floor((d.mention.entity.sortKey ?? 0) / 10000));
  const firstYear = years.find((y) => y > 0) ?? 0;
  let lastYear = firstYear;
  return dated.map((d, i) => {
    const key = d.mention.entity.sortKey ?? 0;
    const year = years[i] ?? 0;
    if (year > 0) lastYear = year;
    return { ...d, sortKey: year > 0 ? key : lastYear * 10000 + key };
  });
}

function itemOf(fact: FactDraft, mention: Mention): string | null {
  const clause = fact.clause;
  const before = clause.text.slice(0, mention.start - clause.start).replace(LEAD_WORDS, '');
  // "on Oct. 14, 2024, from ...": the comma closing a year goes with the date.
  const after = clause.text.slice(mention.end - clause.start).replace(/^,/, /\d, \d{4}$/.test(mention.text) ? '' : ',');
  const joined = tidy(`${before} ${after}`);
  // The sentence's full stop goes; an abbreviation's ("2 p.m.") stays.
  const item = capitalise(/(?:\b\p{L}\.){2}$|\b\p{Lu}\p{Ll}{1,4}\.$/u.test(joined) ? joined : joined.replace(/[.!?]+$/, ''));
  const words = wordCount(item);
  return words >= 4 && words <= 20 ? item : null;
}

/** Ordering questions over the dated facts, in groups of up to four events. */
export function orderQuestions(facts: readonly FactDraft[], random: Random): QuestionDraft[] {
  const dated: { fact: FactDraft; mention: Mention }[] = [];
  for (const fact of facts) {
    if (fact.origin !== 'clause') continue;
    const dates = fact.clause.mentions.filter((m) => m.entity.type === 'date' && m.entity.sortKey !== null && ORDERABLE.has(m.entity.subtype));
    const only = dates[0];
    if (dates.length === 1 && only !== undefined) dated.push({ fact, mention: only });
  }
  const events: Event[] = [];
  const seenKeys = new Set<number>();
  const seenItems = new Set<string>();
  for (const event of withYears(dated)) {
    const item = itemOf(event.fact, event.mention);
    if (item === null || seenKeys.has(event.sortKey) || seenItems.has(item.toLowerCase())) continue;
    seenKeys.add(event.sortKey);
    seenItems.add(item.toLowerCase());
    events.push({ ...event, item });
  }
  if (events.length < 3) return [];
  const groups: Event[][] = [];
  for (let i = 0; i < events.length && groups.length < MAX_QUESTIONS; i += MAX_EVENTS) {
    const group = events.slice(i, i + MAX_EVENTS);
    if (group.length >= 3) groups.push(group);
  }
  return groups.map((group) => {
    const sorted = [...group].sort((a, b) => a.sortKey - b.sortKey);
    const answer = sorted.map((e) => e.item);
    let items = random.shuffle(answer);
    if (items.every((item, i) => item === answer[i])) items = [...answer.slice(1), answer[0] as string];
    const first = sorted[0] as Event;
    return {
      kind: 'order',
      fact: first.fact,
      related: sorted.slice(1).map((e) => e.fact),
      prompt: 'Put these events from the article in time order, earliest first.',
      explanation: `The article dates them: ${sorted.map((e) => `${e.mention.text}: ${e.item}`).join('; ')}.`,
      answer,
      items,
      entity: null,
    } satisfies QuestionDraft;
  });
}
