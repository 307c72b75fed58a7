// Round 9's last-look rules (test/builder/round9-rules.test.ts; REVIEW.md, "Round 9"): keys of what the
// article's story is not about, read from the article's shape (its lead, its interview turns, where a
// sentence stands), not from words of any topic. Each was written from one half of the dev grades and kept
// only because it did as well on the other half, measured before any change to it. They run in the last
// look (pruneMinor), after every question is drafted, so a cut leaves every other question as it was.

import { foldName } from './text.js';
import type { QuestionDraft } from './questions.js';
import type { Entity, Mention } from './types.js';

/** What these rules know of the article beside the draft. */
export interface StoryShape {
  /** The article's lead: its first body sentences, which say what the story is about. */
  lead?: string;
  /** A sentence's place among the body's sentences (0 for the first after the headline). */
  bodyRank: (index: number) => number;
  /** How many times the article names an entity. */
  mentions: (entity: Entity) => number;
  /** The body rank of the first sentence that names an entity. */
  firstRank: (entity: Entity) => number;
}

/** The story's opening sentences: their keys are its substance, whatever their shape. */
const OPENING = 3;
/** The lead the article's topic is read from: its first body sentences. */
export const LEAD_SENTENCES = 2;
/** An interview this far in (body sentences) has left its subject's main story (the reach of side-matter). */
export const LATE_TURN_RANK = 20;

const TOPIC_FILLER = new Set(['that', 'this', 'with', 'from', 'have', 'were', 'said', 'says', 'they', 'their', 'there', 'which', 'would', 'been', 'about', 'after', 'also', 'when', 'will', 'into', 'more', 'than', 'some', 'other', 'while', 'where', 'what', 'them', 'then', 'these', 'those', 'only', 'over', 'such', 'very', 'most', 'many', 'could', 'before', 'being', 'just', 'each', 'since', 'under', 'during', 'both', 'does']);

/** The words of a text that say what it is about: folded, four letters or more, cut to five letters. */
export function topicWords(text: string): Set<string> {
  return new Set((foldName(text).match(/[\p{L}\p{N}]{4,}/gu) ?? []).filter((w) => !TOPIC_FILLER.has(w)).map((w) => w.slice(0, 5)));
}

function keyMention(draft: QuestionDraft): Mention | undefined {
  const key = draft.entity;
  if (key === null || draft.kind === 'order' || draft.kind === 'true-false' || draft.kind === 'multi-select') return undefined;
  return draft.fact.clause.sentence.mentions.find((m) => m.entity === key && m.pronoun !== true);
}

/** A key the article names again, or names in its opening, is part of its story: no rule here cuts it. */
function sideKey(entity: Entity, story: StoryShape): boolean {
  return story.mentions(entity) < 2 && story.firstRank(entity) >= OPENING;
}

/**
 * Rule off-lead-date: a date named once, past the opening, in a sentence that shares no word with the
 * article's lead ("The archive was opened in _____" in a story about a lost file): when a side event
 * happened, not what the story is about.
 */
export function offLeadDate(draft: QuestionDraft, story: StoryShape): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || mention.entity.type !== 'date' || story.lead === undefined || !sideKey(mention.entity, story)) return null;
  const lead = topicWords(story.lead);
  if ([...topicWords(draft.fact.clause.sentence.text)].some((w) => lead.has(w))) return null;
  return `off-lead-date: "${mention.text.trim()}" dates a sentence that shares no word with the article's lead, and is named nowhere else`;
}

/**
 * Rule late-turn: an interview's turn (the speaker's own words) past its 20th body sentence: the talk has
 * moved on to asides, and a key named only there is one of them.
 */
export function lateTurn(draft: QuestionDraft, story: StoryShape): string | null {
  const mention = keyMention(draft);
  const sentence = draft.fact.clause.sentence;
  if (mention === undefined || sentence.speaker === undefined || !sideKey(mention.entity, story)) return null;
  const rank = story.bodyRank(sentence.index);
  if (rank < LATE_TURN_RANK) return null;
  return `late-turn: "${mention.text.trim()}" is in ${sentence.speaker}'s words at sentence ${rank + 1} of the interview, and is named nowhere else`;
}
