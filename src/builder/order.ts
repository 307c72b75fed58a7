// Ordering questions: when three or more facts carry an absolute date ("on March 1", "in April 2030"),
// the learner puts those events in time order. Each event is its clause without its date, so the item
// does not give its place away.

import type { Random } from '../domain/random.js';
import { renderClause, type FactDraft } from './facts.js';
import type { QuestionDraft } from './questions.js';
import { capitalise, tidy, wordCount } from './text.js';
import type { Mention } from './types.js';

const ORDERABLE = new Set(['day', 'day-range', 'month', 'month-year', 'year', 'season', 'decade']);
const LEAD_WORDS = /(?:\b(?:on|in|from|between|by|during|until|since|through|of|at|for|around|about|circa|in about|in around|as early as|as late as)\s+)?$/i;
const MAX_EVENTS = 4;
const MAX_QUESTIONS = 3;

interface Event {
  fact: FactDraft;
  mention: Mention;
  sortKey: number;
  item: string;
}

/**
 * Dates that leave out the year ("June 28") are placed only when every dated event leaves it out (they are
 * then all in the article's own year): mixed with dated years, a guessed year could put them out of order.
 */
function withYears(dated: { fact: FactDraft; mention: Mention }[]): { fact: FactDraft; mention: Mention; sortKey: number }[] {
  const hasYear = (d: { mention: Mention }): boolean => Math.floor((d.mention.entity.sortKey ?? 0) / 10000) > 0;
  const withYear = dated.filter(hasYear);
  const usable = withYear.length > 0 ? withYear : dated;
  return usable.map((d) => ({ ...d, sortKey: d.mention.entity.sortKey ?? 0 }));
}

function itemOf(fact: FactDraft, mention: Mention): string | null {
  const clause = fact.clause;
  // An interview answer ("No, I captained in 2010") without its date says too little to order.
  if (clause.rewrites.some((r) => r.start === r.end)) return null;
  // The clause as the fact reads it ("She became ..." -> "Ana Ruiz became ..."), without its date.
  const before = renderClause(clause, null, clause.start, mention.start).replace(SPAN_LEAD, '').replace(LEAD_WORDS, '');
  // "on Oct. 14, 2024, from ...": the comma closing a year goes with the date.
  const after = renderClause(clause, null, mention.end, clause.end).replace(/^,/, /\d, \d{4}$/.test(mention.text) ? '' : ',');
  // "But as she ..., they lost ...": no opening conjunction, and no pronoun the item cannot explain.
  const joined = tidy(`${before} ${after}`).replace(/^(?:but|and|yet|so|however|also|then|finally)\b,?\s*/i, '');
  if (/\b(?:he|she|it|they|him|her|them|his|their|its)\b/i.test(joined.replace(/“[^”]*”|"[^"]*"/g, ''))) return null;
  // Taking the date out must leave a sentence: not "... which launches" or "... lost back killing all six".
  const left = before.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
  if (/^(back|which|that|who|when|launches|launched|was|were|is|are|will|be|been|since|until|as|of|the|a)$/.test(left) && after.trim() !== '' && !/^[,.;]/.test(after.trim())) return null;
  if (/\b(which|that|who|when|will|was|is|launches|back|on|in|at|of|by|the|a|an|and|to)[.!?]?$/i.test(joined)) return null;
  // The sentence's full stop goes; an abbreviation's ("2 p.m.") stays.
  const item = capitalise(/(?:\b\p{L}\.){2}$|\b\p{Lu}\p{Ll}{1,4}\.$/u.test(joined) ? joined : joined.replace(/[.!?]+$/, ''));
  const words = wordCount(item);
  return words >= 4 && words <= 20 ? item : null;
}

/** Words that name a stretch of time: "the summer of 1988", "the end of 2004" date what the clause says. */
const TIME_SPANS = /^(?:spring|summer|autumn|fall|winter|end|beginning|start|middle|half|part|course|months?|weeks?|years?|season|quarter|decade|century|january|february|march|april|may|june|july|august|september|october|november|december)$/;
/** "at the end of", "in the": the words that lead into a date through a stretch of time go with the date. */
const SPAN_LEAD = /\b(?:on|in|at|by|during|until|since|from|through|throughout|around|before|after|towards?)\s+the\s+(?:(?:early\s+|late\s+)?(?:spring|summer|autumn|fall|winter|end|beginning|start|middle|course)\s+of\s+)?$/i;

/**
 * Round 12: whether a date dates a noun of the clause rather than its verb: "the only man convicted of
 * the bombing of 1988" says when the bombing was, not when he was convicted, and an ordering question that
 * placed the conviction in 1988 would put it before his trial. A date after "of" belongs to the noun before
 * it unless that noun is a stretch of time ("the summer of 1988", "May of 1988"). Such an event is left out
 * of the ordering: when the date may be another clause's, the event is not placed at all.
 */
export function datesANoun(clause: { text: string; start: number }, mention: Mention): boolean {
  const before = clause.text.slice(0, mention.start - clause.start).trimEnd().split(/\s+/);
  const word = (i: number): string => (before[before.length - 1 - i] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  return word(0) === 'of' && word(1) !== '' && !TIME_SPANS.test(word(1));
}

/** Ordering questions over the dated facts, in groups of up to four events. */
export function orderQuestions(facts: readonly FactDraft[], random: Random): QuestionDraft[] {
  const dated: { fact: FactDraft; mention: Mention }[] = [];
  for (const fact of facts) {
    if (fact.origin !== 'clause') continue;
    const dates = fact.clause.mentions.filter((m) => m.entity.type === 'date' && m.entity.sortKey !== null && ORDERABLE.has(m.entity.subtype));
    const only = dates[0];
    if (dates.length === 1 && only !== undefined && !datesANoun(fact.clause, only)) dated.push({ fact, mention: only });
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
