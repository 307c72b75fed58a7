// The builder's own vocabulary: answer keys (what a question can ask for), the things they name, and the
// candidates the pipeline keeps or drops (what `--explain` prints).

import type { QuestionKind } from '../domain/deck.js';
import type { DateShape } from './dates.js';
import type { NumberShape } from './numbers.js';
import type { Token } from './tokens.js';

export const KEY_TYPES = ['person', 'place', 'organisation', 'date', 'time', 'number', 'work', 'other'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/** One thing the article names: a person, a place, a date... however many times and ways it is written. */
export interface Entity {
  /** Stable within one build: type and folded name. */
  id: string;
  type: KeyType;
  /** How answers and choices write it: the fullest name ("Maria Lindqvist"), the date as written. */
  name: string;
  /** Every way the article writes it, for accepted answers and for "does the prompt give it away". */
  forms: string[];
  /** Places: city, country, region or place; dates and numbers: their shape. */
  subtype: string;
  /** The first sentence it appears in. */
  first: number;
  /** Dates: a sortable yyyymmdd (0 for what is unknown), when absolute. */
  sortKey: number | null;
  /** People: their titles as written ("Norway’s Foreign Minister"). */
  titles: string[];
  /** Written "the ..." in the article ("the United Kingdom"), so choices show it with "the". */
  takesThe: boolean;
  /** Written only as a modifier before a title ("Louisiana Governor"): then that is where it is asked. */
  onlyAsModifier: boolean;
  /** A person's gender as the article's own words show it (pronouns, "a 14-year-old boy"), when they do. */
  gender?: 'female' | 'male';
  /**
   * Whether the type is sure: a rule decided it (a title before a name, an organisation word) or several
   * signals agree. A question names the type ("Which person ...?") only when it is.
   */
  sure: boolean;
  /**
   * Whether a stem may print the type word ("Which person ...?", "Who ...?"): false when fewer than two
   * signals agree on a person (a title, a first name, a gender, a full name used again by its surname...)
   * or nothing but the tally says it is an organisation or a place. Unset means trusted.
   */
  typeTrusted?: boolean;
  /** People: how many of those signals agree (a wrong choice among people needs at least one). */
  typeSignals?: number;
  /** People: the gender the lexicon gives their first name ("Julie", "John"), for wrong choices only. */
  nameGender?: 'female' | 'male';
}

/** One place in the article where an entity is written. */
export interface Mention {
  entity: Entity;
  sentence: number;
  /** The words themselves, as offsets into the article. */
  start: number;
  end: number;
  text: string;
  /** Where the mention starts with its title and possessor in front ("Norway’s Foreign Minister Ola Brekke"). */
  outerStart: number;
  /** The title in front of a person's name, as written, or null. */
  title: string | null;
  /** Written only as a modifier before a title ("Louisiana" in "Louisiana Governor Ana Ruiz"). */
  modifier?: boolean;
  /** Where a city's state ends: "Pensacola, Fla." (the state is not a key of its own). */
  tailEnd?: number;
  /** Preceded by "the". */
  afterThe?: boolean;
  /** A pronoun standing for the entity (coreference): `text` is then the entity's name. */
  pronoun?: boolean;
  /** Inside brackets with other words ("(For Inspiration and Recognition ...)"): a gloss, not a key. */
  inBrackets?: boolean;
  dateShape?: DateShape;
  numberShape?: NumberShape;
}

export interface Dateline {
  /** As written: "PASADENA, Calif." */
  text: string;
  start: number;
  end: number;
  /** Where the sentence's own words start, after the dateline and its dash. */
  bodyStart: number;
}

export interface SentenceInfo {
  index: number;
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  mentions: Mention[];
  isHeadline: boolean;
  /** A line that only dates the article ("Friday, July 21, 2017"): no fact, no key. */
  isDateLine: boolean;
  dateline: Dateline | null;
  /** The paragraph it belongs to (0 for the headline's). */
  paragraph: number;
  /** It starts inside a quotation opened by an earlier sentence of its paragraph. */
  inQuote: boolean;
  /** Where the sentence's own words start: after a dateline ("PASADENA, Calif. —") or a speaker's label. */
  bodyStart: number;
  /** In an interview, who speaks: the label that opens the paragraph ("Ana Ruiz: ..."). */
  speaker?: string;
  /** In a release's trailer (a contact line, an "About the agency" paragraph and what follows). */
  trailer?: boolean;
}

/** Words of a clause shown otherwise than written: a pronoun as what it stands for ("She" -> "Ana Ruiz"). */
export interface Rewrite {
  /** Offsets into the article. */
  start: number;
  end: number;
  text: string;
  /** Why, for `--explain`. */
  rule: string;
  /** It also spells out a contraction ("He’s" -> "Ana Ruiz has"): the words no longer match the tags. */
  expands?: boolean;
}

/** A clause of a sentence the builder may make a fact of. */
export interface Clause {
  sentence: SentenceInfo;
  /** Offsets into the article. */
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  mentions: Mention[];
  /** Pronouns resolved by coreference: the fact and its questions read the antecedent instead. */
  rewrites: Rewrite[];
}

export type CandidateStage = 'sentence' | 'fact' | 'question';

/** Something the pipeline considered, and what it decided: what `--explain` prints. */
export interface Candidate {
  stage: CandidateStage;
  sentence: number;
  kept: boolean;
  /** Why it was dropped, or what it is when kept. */
  reason: string;
  text: string;
  kind?: QuestionKind;
  answer?: string;
}
