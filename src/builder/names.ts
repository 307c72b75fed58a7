// Names in a sentence: runs of capitalised words ("Harbour Space Center", "Secretary of State Ana Ruiz"),
// split where a title ends and a name starts, with the evidence of what each is: a person (a title
// before it, a known first name, "said" beside it), a place (a place word, a place the lexicon knows,
// "in"/"to"/"visit" before it), an organisation (an organisation word, an acronym) or a named work.
// Rules first, the tagger's lexicon second: a tagger alone misses most names it has not seen.

import type { Tagger } from './tagger.js';
import { hasTag, type Token } from './tokens.js';
import type { Entity, KeyType, Mention } from './types.js';
import {
  EVENT_HEADS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  NAME_CONNECTORS,
  NAME_PARTICLES,
  NAME_SUFFIX,
  GENERIC_NAME_WORDS,
  INSTITUTION_PLACE_WORDS,
  ORGANISATION_WORDS,
  PLACE_CUES,
  PLACE_WORDS,
  RECIPIENT_VERBS,
  REPORTING_VERBS,
  TITLE_HEADS,
  TITLE_LINKS,
  TITLE_MODIFIERS,
  WORK_WORDS,
} from './vocabulary.js';

export type NameType = Exclude<KeyType, 'date' | 'time' | 'number'>;
export type Evidence = Record<NameType, number>;

export interface NameCandidate {
  sentence: number;
  tokens: Token[];
  start: number;
  end: number;
  /** The name as written. */
  text: string;
  /** The title in front of a person's name, from its first modifier (or possessor) to its last word. */
  title: { start: number; end: number; text: string } | null;
  /** Set when a rule decides the type outright (a title before a name, an organisation word...). */
  strong: NameType | null;
  evidence: Evidence;
  /** The name with an event's head word: "Hurricane Delia" for the name "Delia". */
  fullText: string;
  /** Stands before a title, as a modifier: "Louisiana" in "Louisiana Governor Ana Ruiz". */
  modifier: boolean;
}

export interface NameContext {
  tagger: Tagger;
  /** Lower-case words the article writes capitalised in mid-sentence. */
  capitalisedMidSentence: ReadonlySet<string>;
  /** Lower-case words the article writes in lower case. */
  lowercaseSeen: ReadonlySet<string>;
  /** Lower-case words the article writes right after a first name the lexicon knows: surnames. */
  afterFirstName?: ReadonlySet<string>;
}

const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula'];
const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region'];
const ORGANISATION_TAGS = ['Organization', 'Company', 'School', 'SportsTeam'];
const FIRST_NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName'];
const COMMON_TAGS = ['Adjective', 'Verb', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Plural', 'Uncountable', 'Singular', 'Actor', ...FUNCTION_TAGS];
/** Heads whose complement may follow with "to": "Ambassador to Kenya". */
const TO_TITLES = new Set(['ambassador', 'envoy', 'delegate', 'representative', 'adviser', 'advisor', 'consul']);

const bare = (token: Token): string => token.lower.replace(/[’']s$/, '');
/**
 * Titles whose plural stands before the names it covers ("Presidents Ana Varno and Piet Kellin"). Not every
 * title: "Directors" ends "Board of Directors", "Pilots" is part of "Airline Pilots Association".
 */
const PLURAL_TITLES = new Set(['presidents', 'ministers', 'governors', 'mayors', 'kings', 'queens', 'princes', 'princesses', 'emperors', 'generals', 'judges', 'justices', 'ambassadors', 'chancellors', 'premiers', 'congressmen', 'congresswomen', 'representatives']);
export const isTitleHead = (token: Token): boolean => TITLE_HEADS.has(bare(token)) || PLURAL_TITLES.has(bare(token));
const isOrganisationWord = (token: Token): boolean => ORGANISATION_WORDS.has(bare(token)) || (/s$/.test(bare(token)) && ORGANISATION_WORDS.has(bare(token).replace(/s$/, '')));
const isPlaceWord = (token: Token): boolean => PLACE_WORDS.has(bare(token));

function emptyEvidence(): Evidence {
  return { person: 0, place: 0, organisation: 0, work: 0, other: 0 };
}

function lexiconHas(context: NameContext, token: Token, tags: readonly string[]): boolean {
  if (hasTag(token, ...tags)) return true;
  const known = context.tagger.lexicon(token.lower.replace(/\.$/, ''));
  return tags.some((tag) => known.includes(tag));
}

function isFirstName(context: NameContext, token: Token): boolean {
  return !token.isAcronym && context.tagger.lexicon(token.lower).some((tag) => FIRST_NAME_TAGS.includes(tag));
}

/** A word that could be part of a person's name: not a common word the lexicon knows, not a title. */
function isNameLike(context: NameContext, token: Token): boolean {
  if (isTitleHead(token) || TITLE_MODIFIERS.has(token.lower) || isOrganisationWord(token) || isPlaceWord(token)) return false;
  const known = context.tagger.lexicon(token.lower);
  if (known.some((tag) => PERSON_TAGS.includes(tag))) return true;
  return !known.some((tag) => COMMON_TAGS.includes(tag) || PLACE_TAGS.includes(tag));
}

function isTitleWord(context: NameContext, token: Token): boolean {
  if (isTitleHead(token) || TITLE_MODIFIERS.has(token.lower)) return true;
  const known = context.tagger.lexicon(token.lower);
  return known.includes('Demonym') || (known.includes('Adjective') && !known.some((tag) => PLACE_TAGS.includes(tag)));
}

/** Runs of capitalised words, with connectors ("of", "and", "for the") only between two of them. */
function capitalisedRuns(tokens: readonly Token[], usable: (token: Token) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(tokens[i] as Token)) continue;
    let j = i;
    for (;;) {
      const next = tokens[j + 1];
      if (next !== undefined && usable(next)) {
        j++;
        continue;
      }
      let k = j + 1;
      while (k < tokens.length && k <= j + 2 && NAME_CONNECTORS.has(tokens[k]?.lower ?? '') && !(tokens[k] as Token).isCap) k++;
      if (k > j + 1 && tokens[k] !== undefined && usable(tokens[k] as Token)) {
        j = k;
        continue;
      }
      // "Warning to Pilots (WATOP)": a short word joins two parts of a name its acronym in brackets spells.
      if (acronymSpans(tokens, i, j + 2, usable)) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/**
 * Whether the run of capitalised words from `from`, joined to the one at `next` by the one lower-case word
 * before it, is a name the acronym in brackets right after it spells ("Warning to Pilots (WATOP)", "Rules
 * in Force (RIF)"): the acronym's letters in order in the words, its first the name's first.
 */
function acronymSpans(tokens: readonly Token[], from: number, next: number, usable: (token: Token) => boolean): boolean {
  const link = tokens[next - 1];
  if (link === undefined || link.isCap || !link.isWord || !/^(?:to|in|on|at|by|with|from|against|without)$/.test(link.lower) || tokens[next] === undefined || !usable(tokens[next] as Token)) return false;
  let end = next;
  while (tokens[end + 1] !== undefined && usable(tokens[end + 1] as Token)) end++;
  const acronym = tokens[end + 2];
  if (tokens[end + 1]?.text !== '(' || acronym === undefined || tokens[end + 3]?.text !== ')' || !/^\p{Lu}{3,8}$/u.test(acronym.text)) return false;
  const letters = tokens.slice(from, end + 1).map((t) => t.text).join('').toUpperCase();
  if (letters[0] !== acronym.text[0]) return false;
  let at = 0;
  for (const letter of acronym.text) {
    at = letters.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  // A word after the short one gives a letter: "Warning to Pilots" spells WATOP, "Warning" alone would not.
  return tokens.slice(next, end + 1).some((t) => acronym.text.slice(1).includes(t.text.charAt(0).toUpperCase()));
}

/**
 * Splits a run at connectors that do not belong to a name: "Department of Health and Human Services"
 * stays whole, "the United Kingdom and Canada" is two names.
 */
function splitAtConnectors(tokens: readonly Token[], from: number, to: number, context: NameContext): [number, number][] {
  const parts: [number, number][] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const token = tokens[i] as Token;
    if (token.isCap || !NAME_CONNECTORS.has(token.lower)) continue;
    const left = tokens.slice(start, i);
    let right = i + 1;
    while (right <= to && NAME_CONNECTORS.has(tokens[right]?.lower ?? '') && !(tokens[right] as Token).isCap) right++;
    const rightTokens = tokens.slice(right, to + 1);
    // "President of the Harbour Society": a title heads what its "of" names. "Senator Ana Okoro of the
    // Harbour Party": after the title a person is named, and the "of" names what that person belongs to.
    const titleAt = left.findLastIndex((t) => isTitleHead(t));
    const personAfterTitle = titleAt >= 0 && left.length - titleAt - 1 >= 2 && (token.lower === 'of' || token.lower === 'from') && personShaped(left.slice(titleAt + 1), context);
    const headOnLeft = !personAfterTitle && left.some((t) => isOrganisationWord(t) || isPlaceWord(t) || isTitleHead(t) || WORK_WORDS.has(bare(t)));
    let keep: boolean;
    const leftEndsName = left.length > 0 && (isOrganisationWord(left[left.length - 1] as Token) || isPlaceWord(left[left.length - 1] as Token));
    const rightHasName = rightTokens.some((t) => isOrganisationWord(t) || isPlaceWord(t));
    const rightStartsPlace = rightTokens.length > 1 && lexiconHas(context, rightTokens[0] as Token, PLACE_TAGS);
    const ofIn = (part: readonly Token[]): boolean => part.some((t) => !t.isCap && (t.lower === 'of' || t.lower === 'for'));
    if (token.lower === '&' && left.length > 0 && rightTokens.length > 0) {
      // "Mossgrove & Pellam", "Soil Science & Harbour Medicine": an ampersand joins the words of one name
      // (a firm, a journal); prose joins two names with "and".
      keep = true;
    } else if (NAME_PARTICLES.has(token.lower) && particleJoins(left, rightTokens, context)) {
      // "Ada van Horne", "van Horne": a particle is part of the name it stands in.
      keep = true;
    } else if (token.lower === 'and' && ofIn(left) && ofIn(rightTokens)) {
      // "the University of Kellin and Master of Fine Arts": each side names its own "of": two names.
      keep = false;
    } else if (token.lower === 'and' && twoCompleteNames(left, rightTokens, tokens[right - 1]?.lower === 'the')) {
      // "the Marlow Times and Harbour Herald", "the Party for Freedom and the Harbour Union": two names.
      keep = false;
    } else if ((token.lower === 'and' || token.lower === '&') && (publicationJoins(left, rightTokens) || (PUBLICATION_CUES.has(tokens[from - 1]?.lower ?? '') && tokens[right - 1]?.lower !== 'the'))) {
      // "Journal of Soil and Water", "Science and Health Review": one publication's name.
      keep = true;
    } else if (token.lower === 'and' && rightHasName && (tokens[right - 1]?.lower === 'the' || (left.some(isOrganisationWord) && rightStartsPlace) || leftEndsName && tokens[right - 1]?.lower === 'the')) {
      // "the Lakeside School District and the Lakeside Police Department": two whole names.
      keep = false;
    } else if (token.lower === 'and' && leftEndsName && personBeforeOf(rightTokens, context)) {
      // Round 12: "Claudia Mo of the Civic Party and Wong Pik-wan of the Democratic Party": after a whole
      // organisation's name, a person's name with its own "of ..." starts a second name (and below, after
      // any name an organisation word is in: "the Harbour Union and Omar Haddad of the Kellin Party").
      keep = false;
    } else if (token.lower === 'and' || token.lower === '&') {
      const organisation = [...left, ...rightTokens].some(isOrganisationWord);
      // "the agency and Ana Ruiz": a person right after the "and" ("Maria L. Okafor-Ruiz Center" is no person).
      const personOnRight = rightTokens.length > 0 && (isTitleHead(rightTokens[0] as Token) || (isFirstName(context, rightTokens[0] as Token) && !rightTokens.some(isOrganisationWord)) || personBeforeOf(rightTokens, context));
      // Round 12: "Omar Haddad and Kellmoor Hospital": a person named in full (a known first name first), then
      // an institution's whole name of its own, are two names, not one organisation.
      const personOnLeft = left.length >= 2 && left.length <= 3 && isFirstName(context, left[0] as Token) && personShaped(left, context);
      const institutionOnRight = rightTokens.length >= 2 && rightTokens.some(isOrganisationWord) && !isFirstName(context, rightTokens[0] as Token);
      keep = organisation && !personOnRight && !(personOnLeft && institutionOnRight);
    } else {
      keep = headOnLeft;
    }
    if (!keep) {
      if (i - 1 >= start) parts.push([start, i - 1]);
      start = right;
    }
    i = right - 1;
  }
  if (start <= to) parts.push([start, to]);
  return parts;
}

/** "Wong Pik-wan of the Democratic Party": person-shaped words, then "of" or "from" and what they belong to. */
function personBeforeOf(right: readonly Token[], context: NameContext): boolean {
  const link = right.findIndex((t) => !t.isCap && (t.lower === 'of' || t.lower === 'from'));
  return link >= 2 && personShaped(right.slice(0, link), context);
}

/**
 * Whether a lower-case particle ("van", "de", "bin") joins the words around it into one name: a name word
 * follows it, and what stands before it (if anything) is a person's or a place's words, not an
 * organisation's ("Bank of ...") or a title.
 */
function particleJoins(left: readonly Token[], right: readonly Token[], context: NameContext): boolean {
  const next = right[0];
  if (next === undefined || !next.isCap || next.isAcronym || isOrganisationWord(next) || isTitleHead(next)) return false;
  if (left.some((t) => isOrganisationWord(t) || isTitleHead(t) || WORK_WORDS.has(bare(t)))) return false;
  return left.length > 0 || isNameLike(context, next) || context.tagger.lexicon(next.lower).length === 0;
}

/**
 * Whether the words on each side of an "and" are a whole name of their own: each ends with its own kind
 * word ("Marlow Times and Harbour Herald"), or the left one has its kind word and the right one opens with
 * "the" ("the Party for Freedom and the Harbour Union").
 */
function twoCompleteNames(left: readonly Token[], right: readonly Token[], rightAfterThe: boolean): boolean {
  const kind = (t: Token): boolean => isOrganisationWord(t) || WORK_WORDS.has(bare(t));
  const capitals = (part: readonly Token[]): Token[] => part.filter((t) => t.isCap);
  if (left.length === 0 || right.length === 0) return false;
  if (rightAfterThe && left.some(kind) && capitals(right).length >= 2) return true;
  const leftLast = left[left.length - 1] as Token;
  const rightLast = right[right.length - 1] as Token;
  return capitals(left).length >= 2 && capitals(right).length >= 2 && kind(leftLast) && kind(rightLast) && bare(leftLast) !== bare(rightLast) && !kind(right[0] as Token);
}

/** "Journal of Soil and Water", "Science and Health Review": a publication's name holds its "and". */
function publicationJoins(left: readonly Token[], right: readonly Token[]): boolean {
  if (right.length === 0 || right.some((t) => isOrganisationWord(t) || isPlaceWord(t))) return false;
  const headOf = left.findIndex((t, i) => WORK_WORDS.has(bare(t)) && left[i + 1]?.lower === 'of');
  if (headOf === 0 && !right.some((t) => !t.isCap)) return true;
  const last = right[right.length - 1] as Token;
  return WORK_WORDS.has(bare(last)) && left.length <= 2 && !left.some((t) => isOrganisationWord(t) || isPlaceWord(t) || WORK_WORDS.has(bare(t)) || isTitleHead(t));
}

/**
 * Round 17: a sentence's first word that is a plural noun (the lexicon's, or a noun's plural in "-s"), no
 * name's word, before a word the article writes elsewhere after a first name: "Teammates" of "Teammates
 * Lindqvist and Berg".
 */
function pluralNounOpener(token: Token, next: Token, context: NameContext): boolean {
  if (token.isAcronym || isTitleHead(token) || isOrganisationWord(token) || isPlaceWord(token)) return false;
  const known = [...context.tagger.lexicon(token.lower), ...token.tags];
  const singular = /\p{L}{3}s$/u.test(token.lower) ? context.tagger.lexicon(token.lower.slice(0, -1)) : [];
  const plural = known.includes('Plural') || (singular.includes('Noun') && !singular.some((tag) => PERSON_TAGS.includes(tag)));
  return plural && !known.some((tag) => PERSON_TAGS.includes(tag) || PLACE_TAGS.includes(tag) || ORGANISATION_TAGS.includes(tag)) && context.afterFirstName?.has(next.lower) === true;
}

/** Whether a sentence-initial capitalised word is capitalised only because it starts the sentence. */
function isCapitalisedOnlyByPosition(token: Token, runLength: number, context: NameContext): boolean {
  if (token.isAcronym) return false;
  // "Secretary of Energy Ana Ruiz", "Department of Health": a title or a name's head word stays.
  if (isTitleHead(token) || isOrganisationWord(token) || isPlaceWord(token)) return false;
  const known = [...context.tagger.lexicon(token.lower.replace(/\.$/, '')), ...token.tags];
  if (known.some((tag) => FUNCTION_TAGS.includes(tag))) return true;
  const seenCapitalised = context.capitalisedMidSentence.has(token.lower);
  const seenLower = context.lowercaseSeen.has(token.lower);
  if (runLength > 1) return false; // "New York", "Hurricane Delia": a run of capitals in a body is a name
  const proper = known.some((tag) => PERSON_TAGS.includes(tag) || PLACE_TAGS.includes(tag) || ORGANISATION_TAGS.includes(tag));
  return !((seenCapitalised || proper) && !seenLower);
}

interface Split {
  prefix: [number, number] | null;
  title: [number, number] | null;
  name: [number, number] | null;
  strong: NameType | null;
  /** "President of the Harbour Society of Engineers": the organisation a title names. */
  complement?: [number, number];
}

/** Where the title of a run ends and the name starts: [Louisiana] [Governor] [Ana Ruiz]. */
function splitTitle(tokens: readonly Token[], from: number, to: number, context: NameContext): Split {
  let head = -1;
  for (let i = to - 1; i >= from; i--) {
    // "Martin Luther King Jr.": a title word before "Jr." is a surname.
    if (/^(jr|sr)\.?$|^(ii|iii|iv)$/i.test(tokens[i + 1]?.text ?? '')) continue;
    if (isTitleHead(tokens[i] as Token)) {
      head = i;
      break;
    }
  }
  const first = tokens[from] as Token;
  if (head < 0) {
    if (EVENT_HEADS.has(first.lower) && to > from) return { prefix: null, title: [from, from], name: [from + 1, to], strong: 'work' };
    // "Kenya Ana Ruiz": a place, then a person known by a first name.
    for (let i = from; i < to; i++) {
      const token = tokens[i] as Token;
      if (!isFirstName(context, token)) continue;
      const before = tokens.slice(from, i);
      const after = tokens.slice(i + 1, to + 1);
      if (after.some((t) => isOrganisationWord(t) || isPlaceWord(t) || WORK_WORDS.has(bare(t)))) break;
      if (before.length > 0 && !before.every((t) => t.isAcronym || lexiconHas(context, t, PLACE_TAGS))) break;
      // Round 18: "a painter in Mary Osterby": after "in" a first name does not make the run a person; the
      // evidence decides.
      const placeCue = i === from && STRONG_PLACE_CUES.has(tokens[from - 1]?.lower ?? '');
      return { prefix: i > from ? [from, i - 1] : null, title: null, name: [i, to], strong: after.length > 0 && !placeCue ? 'person' : null };
    }
    return { prefix: null, title: null, name: [from, to], strong: null };
  }
  // The name after the title; a title's complement ("of State", "for Interior") comes first.
  let nameStart = head + 1;
  let titleEnd = head;
  const link = tokens[head + 1] as Token;
  if (TITLE_LINKS.has(link.lower) && !link.isCap) {
    const rest = tokens.slice(head + 2, to + 1);
    const firstNameAt = rest.findIndex((t, i) => i > 0 && isFirstName(context, t));
    let nameLength = 0;
    if (firstNameAt > 0) nameLength = rest.length - firstNameAt;
    else if (rest.length >= 3 && isNameLike(context, rest[rest.length - 1] as Token) && isNameLike(context, rest[rest.length - 2] as Token)) nameLength = 2;
    else if (rest.length >= 2 && isNameLike(context, rest[rest.length - 1] as Token)) nameLength = 1;
    // "Secretary of State Ana Bell": a title's one-word complement, then a name of words the lexicon knows.
    const complementWord = rest[0];
    if (nameLength === 0 && complementWord !== undefined && TITLE_MODIFIERS.has(complementWord.lower) && rest.length >= 3 && rest.length <= 4 && rest.slice(1).every((t) => t.isCap && !isOrganisationWord(t) && !isPlaceWord(t) && !isTitleHead(t))) {
      nameLength = rest.length - 1;
    }
    // "Secretary of State for Industry": a word right after a connector ends the title, it names no one.
    const beforeName = rest[rest.length - nameLength - 1];
    if (nameLength > 0 && beforeName !== undefined && !beforeName.isCap) nameLength = 0;
    if (nameLength === 0) {
      // The complement is an organisation when it reads as one: an organisation word in it, or two or more
      // capitalised words none of which only qualifies a title ("State", "Energy").
      const complement = rest.filter((t) => t.isCap);
      const organisation = rest.some(isOrganisationWord) || (complement.length >= 2 && complement.every((t) => !TITLE_MODIFIERS.has(t.lower) && !isTitleHead(t)));
      const first = head + 2 + rest.findIndex((t) => t.isCap);
      return { prefix: null, title: [from, to], name: null, strong: null, ...(organisation && first <= to ? { complement: [first, to] as [number, number] } : {}) };
    }
    nameStart = to - nameLength + 1;
    titleEnd = nameStart - 1;
  }
  const nameTokens = tokens.slice(nameStart, to + 1);
  // "Lady Marlowe", "Lord Ashby": a lone honorific before one word is part of a stage or peer's name.
  if (head === from && nameTokens.length === 1 && /^(lady|lord|dame|sir)$/.test(bare(tokens[head] as Token))) return { prefix: null, title: null, name: [from, to], strong: 'person' };
  // "Senator Lena Park": a place word can end a person's name; "Director Space Center" is no person.
  const placeInside = nameTokens.some((t, i) => isPlaceWord(t) && (i < nameTokens.length - 1 || nameTokens.length === 1));
  // "Most Valuable Player Award": a lone word the lexicon knows as a thing is no name after a title.
  // Round 21: "Kellin Press International": a lone word many names share ("International") is no one's name.
  const lone = nameTokens.length === 1 && ((!isNameLike(context, nameTokens[0] as Token) && !lexiconHas(context, nameTokens[0] as Token, PERSON_TAGS)) || GENERIC_NAME_WORDS.has(bare(nameTokens[0] as Token)));
  // Round 12: "King Edward Hospital", "Queen Mary University": an institution named after a royal is a name
  // of its own, not a title before no one.
  const lastName = nameTokens[nameTokens.length - 1];
  if (head === from && ROYAL_HEADS.has(bare(tokens[head] as Token)) && nameTokens.length >= 2 && lastName !== undefined && (isOrganisationWord(lastName) || isPlaceWord(lastName)) && !nameTokens.slice(0, -1).some((t) => isOrganisationWord(t) || isTitleHead(t))) {
    return { prefix: null, title: null, name: [from, to], strong: null };
  }
  // Round 22: a party label is a title before a person ("Democrat Ana Varno"), and part of a party's name
  // before an organisation word ("Republican Party").
  if (PARTY_LABELS.has(bare(tokens[head] as Token)) && nameTokens.some(isOrganisationWord)) return { prefix: null, title: null, name: [from, to], strong: null };
  if (nameTokens.length === 0 || nameTokens.length > 4 || placeInside || lone || nameTokens.some((t) => isOrganisationWord(t) || isTitleHead(t))) {
    return { prefix: null, title: [from, to], name: null, strong: null };
  }
  const titleStart = walkTitleStart(tokens, from, head, context);
  return {
    prefix: titleStart > from ? [from, titleStart - 1] : null,
    title: [titleStart, titleEnd],
    name: [nameStart, to],
    strong: 'person',
  };
}

/** Party labels that stand before a person's name as a title does (vocabulary.ts, TITLE_HEADS). */
const PARTY_LABELS = new Set(['democrat', 'republican']);

/** Titles of royals, after whom institutions are named ("King Edward Hospital"). */
const ROYAL_HEADS = new Set(['king', 'queen', 'prince', 'princess', 'emperor', 'empress']);

/**
 * Where a title starts, walking left from its head over modifiers: "Deputy Foreign Minister". A place
 * word after a name stays with the name: "Marlow County | Health Commissioner".
 */
function walkTitleStart(tokens: readonly Token[], from: number, head: number, context: NameContext): number {
  let start = head;
  while (start - 1 >= from) {
    const token = tokens[start - 1] as Token;
    if (!isTitleWord(context, token)) break;
    const before = tokens[start - 2];
    if (isPlaceWord(token) && start - 2 >= from && before !== undefined && !isTitleWord(context, before)) break;
    start--;
  }
  return start;
}

function textOf(article: string, tokens: readonly Token[], from: number, to: number): string {
  return article.slice((tokens[from] as Token).start, (tokens[to] as Token).end);
}

/**
 * "Varn & Lund", "Kellin & Sons Nordic": an ampersand between words joins the partners of a firm, never a
 * person's names, whatever the first of them looks like ("R&B", written solid, is no firm).
 */
function firmName(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.text === '&' && (tokens[i - 1] as Token).end < t.start && t.end < (tokens[i + 1] as Token).start) return true;
  }
  return false;
}

/** Words after which a name is a place far more often than a person. */
const STRONG_PLACE_CUES = new Set(['in', 'near', 'outside', 'throughout']);

/** Evidence from the words around a name and from the tagger's lexicon. */
function weigh(tokens: readonly Token[], from: number, to: number, context: NameContext, evidence: Evidence): NameType | null {
  const words = tokens.slice(from, to + 1);
  const last = words[words.length - 1] as Token;
  const first = words[0] as Token;
  // What the lexicon knows of the whole name: "Harbour Hawks" is a team, "Nova Scotia" a province.
  if (words.length >= 2) {
    const whole = context.tagger.lexicon(words.map((t) => t.lower).join(' '));
    if (whole.some((tag) => ORGANISATION_TAGS.includes(tag))) return 'organisation';
    if (whole.some((tag) => PLACE_TAGS.includes(tag))) return 'place';
  }
  // "the journal Soil and Water": a publication, named by the word before it.
  if (['journal', 'magazine', 'periodical'].includes(tokens[from - 1]?.lower ?? '')) return 'work';
  // "Journal of Soil Science", "Proceedings of the Harbour Academy": a publication, whatever it names.
  if (words.length > 2 && WORK_WORDS.has(bare(first)) && words[1]?.lower === 'of') return 'work';
  if (words.some(isOrganisationWord)) return 'organisation';
  if (isPlaceWord(last)) return 'place';
  if (words.length >= 2 && words.some((t) => INSTITUTION_PLACE_WORDS.has(bare(t)))) return 'place';
  if (WORK_WORDS.has(bare(last)) && words.length > 1) return 'work';
  // Round 15: "identified as M.C.", "J.P., 44, of Varno": dotted initials the lexicon does not know stand
  // for a person a report will not name. They are no key to ask (a learner cannot learn initials), but
  // "he" after them is that person.
  if (words.length === 1 && isPersonInitials(first.text) && !lexiconHas(context, first, [...PLACE_TAGS, ...ORGANISATION_TAGS])) return 'person';
  if (words.length === 1 && first.isAcronym) {
    if (lexiconHas(context, first, PLACE_TAGS)) evidence.place += 1;
    else evidence.organisation += 2;
  }
  if (words.some((t) => lexiconHas(context, t, ORGANISATION_TAGS))) evidence.organisation += 2;
  if (words.some((t) => lexiconHas(context, t, PLACE_TAGS) && !isFirstName(context, t))) evidence.place += 2;
  if (words.some((t) => lexiconHas(context, t, PERSON_TAGS))) evidence.person += words.length > 1 ? 2 : 1;
  if (words.length >= 2 && isFirstName(context, first)) evidence.person += 2;
  // "Lam Siu-ting": a family name and a romanised given name is how a person is written.
  if (words.length === 2 && romanisedGivenName(tokens, to)) evidence.person += 3;

  const previous = tokens[from - 1];
  const beforeThe = previous?.lower === 'the' ? tokens[from - 2] : previous;
  if (beforeThe !== undefined && PLACE_CUES.has(beforeThe.lower)) {
    const recipient = tokens.slice(Math.max(0, from - 4), from).some((t) => RECIPIENT_VERBS.has(t.lower));
    if (beforeThe.lower === 'to' && recipient) evidence.person += 2;
    else evidence.place += 2;
    // Round 18: "a painter in Mary Osterby": after "in" or "near", a first name is no sign of a person; people
    // are seldom "in" anyone.
    if (beforeThe === previous && STRONG_PLACE_CUES.has(beforeThe.lower) && words.length >= 2 && isFirstName(context, first)) evidence.person -= 2;
  }
  // "as far inland as Jackson"
  if (previous?.lower === 'as' && /^(inland|far|north|south|east|west|northward|southward|eastward|westward)$/.test(tokens[from - 2]?.lower ?? '')) evidence.place += 3;
  // "Pensacola, Fla." / "San Antonio, Texas": a city, then its state.
  const comma = tokens[to + 1];
  const state = tokens[to + 2];
  if (comma?.text === ',' && state !== undefined && state.isCap && (lexiconHas(context, state, ['Region']) || /^[A-Z][a-z]{1,4}\.$/.test(state.text))) {
    evidence.place += 3;
  }
  const beforeComma = tokens[from - 1];
  const city = tokens[from - 2];
  if (beforeComma?.text === ',' && city !== undefined && city.isCap && words.length === 1 && (lexiconHas(context, first, ['Region']) || /^[A-Z][a-z]{1,4}\.$/.test(first.text))) {
    evidence.place += 2;
  }
  // "the Harbour Hawks", "the Hawks": a person's name takes no "the", and a plural name is a group.
  const plural = words.length === 1 && /s$/.test(last.lower) && !lexiconHas(context, last, PERSON_TAGS) && (hasTag(last, 'Plural') || context.tagger.lexicon(last.lower.replace(/s$/, '')).length > 0);
  if (beforeThe !== previous || plural) evidence.person = -10;
  if (plural) evidence.organisation += 1;
  const next = tokens[to + 1];
  // "the daily Marlow Courier", "Kestrel Rovers coach": a newspaper or a team, named by the word beside it.
  if ((beforeThe !== undefined && MEDIA_CUES.has(beforeThe.lower)) || (next !== undefined && !next.isCap && (MEDIA_CUES.has(next.lower) || TEAM_CUES.has(next.lower)))) {
    evidence.organisation += 3;
    evidence.person = -10;
  }
  const reporting = (previous !== undefined && REPORTING_VERBS.has(previous.lower)) || (next !== undefined && REPORTING_VERBS.has(next.lower) && next.lower !== 'according');
  if (reporting) evidence.person += words.length >= 2 ? 2 : 1;
  // "Ana Ruiz, project manager for ...": a role right after a name.
  if (comma?.text === ',' && words.length >= 2 && words.length <= 3) {
    const role = tokens.slice(to + 2, to + 8);
    const stop = role.findIndex((t) => !t.isWord);
    const phrase = stop < 0 ? role : role.slice(0, stop);
    if (phrase.some((t) => isTitleHead(t) || hasTag(t, 'Actor'))) evidence.person += 3;
  }
  return null;
}

/** Initials written with a full stop after each letter, two or three of them ("M.C.", "J.P.R."). */
export const isPersonInitials = (text: string): boolean => /^(?:\p{Lu}\.){2,3}$/u.test(text) && !DOTTED_ABBREVIATIONS.has(text);

/** Dotted letters that are no one's initials: countries, unions, times of day, a capital's district. */
const DOTTED_ABBREVIATIONS = new Set(['U.S.', 'U.K.', 'U.N.', 'E.U.', 'D.C.', 'A.M.', 'P.M.', 'U.S.A.', 'U.A.E.', 'N.Y.', 'L.A.', 'B.C.', 'A.D.', 'R.I.P.', 'P.S.', 'N.B.', 'I.D.', 'T.V.', 'F.C.', 'S.C.', 'N.C.', 'N.H.', 'N.J.', 'N.M.', 'N.D.', 'S.D.', 'W.V.', 'P.R.', 'U.S.S.R.', 'G.B.']);

/**
 * "Dutchman Ada van Horne", "German Lena Park": whether the first word of a run is a nationality before a
 * person's name, and no part of it (a word that only names a person, or a first name the lexicon knows
 * after it, and a person-shaped name of two words or more).
 */
function nationalityBefore(tokens: readonly Token[], from: number, to: number, context: NameContext): boolean {
  const nationality = demonymWord((tokens[from] as Token).text, context.tagger);
  if (nationality === null || to - from < 1) return false;
  const rest = tokens.slice(from + 1, to + 1);
  // Round 16: "stopped by the Swedish Lindqvist": one word after the nationality that the article writes
  // elsewhere after a first name ("Ana Lindqvist") is that person's surname.
  if (to - from === 1) {
    const word = rest[0] as Token;
    return context.afterFirstName?.has(word.lower) === true && !isOrganisationWord(word) && !isPlaceWord(word) && !isTitleHead(word);
  }
  // Round 15: "Tunisian Abderrahim Zhiou": two or three words the lexicon knows as nothing but names (or
  // not at all) make a person's name after a nationality too, unless a place's possessive stands before it
  // ("Colombia's German Naranjo": there "German" is a given name).
  const plainName = (t: Token): boolean => {
    const tags = context.tagger.lexicon(t.lower);
    return tags.length === 0 || tags.some((tag) => PERSON_TAGS.includes(tag));
  };
  const possessed = /['’]s$/.test(tokens[from - 1]?.text ?? '');
  // (Round 30: also two words whose first no dictionary has, "Sorvikian Kirsa Bristol", though the second
  // names a place.)
  const unheard = (t: Token): boolean => context.tagger.lexicon(t.lower).length === 0 && !context.tagger.englishWord(t.lower);
  const named = nationality.person || isFirstName(context, rest[0] as Token) || (!possessed && rest.length <= 3 && rest.every(plainName)) || (!possessed && rest.length === 2 && unheard(rest[0] as Token));
  // "Briton Lena Park": a known first name makes a person of a name that ends like a place.
  const firstNamed = rest.length === 2 && isFirstName(context, rest[0] as Token) && !isOrganisationWord(rest[1] as Token);
  return named && (rest[0] as Token).isCap && (firstNamed || (personShaped(rest, context) && !rest.some((t) => isOrganisationWord(t) || isPlaceWord(t) || isTitleHead(t) || WORK_WORDS.has(bare(t)))));
}

/**
 * Round 7 (rule descriptor): "Environmentalist Ada Lund", "Buddhist Lena Park", a sentence-initial "Born
 * Ana Maria Ruiz": an occupation, faith or ideology noun (a word in "-ist", a faith word, or a singular noun
 * the lexicon knows and not as a name) before a person-shaped name of two words or more is no part of it.
 */
function descriptorBefore(tokens: readonly Token[], from: number, to: number, context: NameContext, atStart: boolean): boolean {
  if (to - from < 2) return false;
  const word = tokens[from] as Token;
  const rest = tokens.slice(from + 1, to + 1);
  if (!(rest[0] as Token).isCap || rest.some((t) => isOrganisationWord(t) || isPlaceWord(t) || isTitleHead(t) || WORK_WORDS.has(bare(t)))) return false;
  const lower = word.lower;
  const known = context.tagger.lexicon(lower);
  const nameLike = known.some((tag) => tag === 'FirstName' || tag === 'LastName' || tag === 'Person' || tag === 'Place' || tag === 'Organization' || tag === 'ProperNoun');
  const born = atStart && /^born$/.test(lower);
  // "Nonpartisan Ana Ruiz", "Independent Tomas Brandt": a politician's standing, no part of the name.
  const standing = /^(?:non-?partisan|bipartisan|independent|localist)$/.test(lower) && isFirstName(context, rest[0] as Token);
  // (Round 30: also a noun of that shape the lexicon does not tag but the dictionary has, "Swimmer Ana Ruiz",
  // or tags as an actor, "Goalkeeper Ana Ruiz".)
  const noun = known.includes('Singular') || (!isTitleHead(word) && (known.includes('Actor') || (known.length === 0 && context.tagger.englishWord(lower))));
  const descriptor = born || standing || /^(?:muslim|christian|catholic|protestant|hindu|jewish|jew|sikh|mormon|evangelical|anglican|methodist|baptist|lutheran|orthodox)$/.test(lower) || (/\p{L}{4,}ists?$/u.test(lower) && !nameLike) || (noun && /(?:er|or|ian|ist|ant|ent)$/.test(lower) && !nameLike && !isFirstName(context, word));
  return descriptor && (born || isFirstName(context, rest[0] as Token) || personShaped(rest, context));
}

/**
 * The names in one sentence's tokens. `usable` says which tokens may be part of a name (not inside a date
 * or a number, not in the dateline); `starts` holds the indices where a sentence or quotation starts.
 */
export function findNames(
  article: string,
  sentence: number,
  tokens: readonly Token[],
  usable: (token: Token, index: number) => boolean,
  starts: ReadonlySet<number>,
  context: NameContext,
): NameCandidate[] {
  const indexOf = new Map(tokens.map((token, i) => [token, i]));
  // "Ji-Woo", "Okafor-Ruiz" are name words; "Lima-based", "Nokia-made" are not; nor are "Five", "Seventeen".
  const isNameWord = (token: Token): boolean =>
    token.isWord &&
    (token.isCap || ARABIC_PARTICLE.test(token.text)) &&
    !token.isNumber &&
    (!/[-‐‑]/.test(token.text) || ARABIC_PARTICLE.test(token.text) || token.text.split(/[-‐‑]/).every((part) => /^\p{Lu}/u.test(part)) || romanisedGivenName(tokens, indexOf.get(token) ?? -1)) &&
    // "Five players ..." opens a sentence with a count; "Three Rivers" mid-sentence is a name.
    !((NUMBER_WORDS.has(token.lower) || ORDINAL_WORDS.has(token.lower) || token.lower === 'one') && (starts.has(indexOf.get(token) ?? -1) || !tokens[(indexOf.get(token) ?? -2) + 1]?.isCap)) &&
    usable(token, indexOf.get(token) ?? -1);
  const out: NameCandidate[] = [];

  const emit = (from: number, to: number, title: [number, number] | null, strong: NameType | null, possessorStart: number | null, modifier = false): void => {
    if (from > to) return;
    const evidence = emptyEvidence();
    let ruled = firmName(tokens, from, to) ? 'organisation' : (strong ?? weigh(tokens, from, to, context, evidence));
    // "Nutrient Deficiency Disorders" after a title is no person: a person's name must look like one.
    if (!personShaped(tokens.slice(from, to + 1), context) && !(from === to && ruled === 'person' && isPersonInitials((tokens[from] as Token).text))) {
      evidence.person = Math.min(evidence.person, -10);
      if (ruled === 'person') ruled = null;
    }
    const titleInfo =
      title === null
        ? null
        : {
            start: possessorStart ?? (tokens[title[0]] as Token).start,
            end: (tokens[title[1]] as Token).end,
            text: article.slice(possessorStart ?? (tokens[title[0]] as Token).start, (tokens[title[1]] as Token).end),
          };
    const text = textOf(article, tokens, from, to);
    out.push({
      sentence,
      tokens: tokens.slice(from, to + 1),
      start: (tokens[from] as Token).start,
      end: (tokens[to] as Token).end,
      text,
      title: titleInfo,
      strong: ruled,
      evidence,
      fullText: ruled === 'work' && title !== null ? article.slice((tokens[title[0]] as Token).start, (tokens[to] as Token).end) : text,
      modifier,
    });
  };

  // Titles in quotation marks ("Noche de Luz", "The Harbour 5 Challenge") are one name each.
  const titles = quotedTitles(tokens, usable, indexOf);
  const inTitle = new Set<Token>();
  for (const [from, to] of titles) {
    for (let i = from; i <= to; i++) inTitle.add(tokens[i] as Token);
    emit(from, to, null, 'work', null);
  }
  for (const [from, to] of colonTitles(tokens, (token) => !inTitle.has(token) && (isNameWord(token) || (token.isNumber && usable(token, indexOf.get(token) ?? -1))))) {
    for (let i = from; i <= to; i++) inTitle.add(tokens[i] as Token);
    emit(from, to, null, 'work', null);
  }
  const isRunWord = (token: Token): boolean => !inTitle.has(token) && isNameWord(token);
  for (const [runFrom, runTo] of capitalisedRuns(tokens, isRunWord)) {
    let from = leadingParticles(tokens, runFrom, runTo, (token, i) => usable(token, i) && !starts.has(i), context);
    // Only the capitalised words before a connector count: "Visit the Lima museum" opens with a verb. A
    // particle's surname ("Karim al-Nadir") counts as one: the first name is no sentence opener.
    let capitals = 0;
    while (runFrom + capitals <= runTo && ((tokens[runFrom + capitals] as Token).isCap || ARABIC_PARTICLE.test((tokens[runFrom + capitals] as Token).text))) capitals++;
    if (starts.has(from) && isCapitalisedOnlyByPosition(tokens[from] as Token, capitals, context)) from++;
    // Round 17: "Teammates Lindqvist and Berg were ...": a plural noun opening the sentence, before a word
    // the article writes elsewhere after a first name ("Ana Lindqvist"), is no part of that person's name.
    else if (starts.has(from) && from < runTo && pluralNounOpener(tokens[from] as Token, tokens[from + 1] as Token, context)) from++;
    if (from > runTo) continue;
    // "Acting Peruvian leader", "Deputy Foreign minister": words that only qualify a title are no name.
    if (tokens.slice(from, runTo + 1).every((t) => TITLE_MODIFIERS.has(t.lower) || context.tagger.lexicon(t.lower).includes('Demonym') || isTitleHead(t))) continue;
    for (const [partStart, partTo] of splitAtConnectors(tokens, from, runTo, context)) {
      const partFrom = partStart + (nationalityBefore(tokens, partStart, partTo, context) || descriptorBefore(tokens, partStart, partTo, context, starts.has(partStart)) ? 1 : 0);
      // A title with no name after it ("the Louisiana Governor said", "U.S. Ambassador to ..."): only what
      // stands before the title can be a name.
      if (isTitleHead(tokens[partTo] as Token)) {
        const titleStart = walkTitleStart(tokens, partFrom, partTo, context);
        if (titleStart > partFrom) emit(partFrom, titleStart - 1, null, null, null, true);
        continue;
      }
      const split = splitTitle(tokens, partFrom, partTo, context);
      // "Norway’s Foreign Minister": the possessor belongs to the title.
      const apostrophe = tokens[partFrom - 1];
      const possessorStart =
        split.title !== null && split.prefix === null && split.title[0] === partFrom && apostrophe !== undefined && /^['’]s$/.test(apostrophe.text) && tokens[partFrom - 2]?.isCap
          ? findRunStart(tokens, partFrom - 2, isNameWord)
          : null;
      // "Ambassador to Kenya Ana Ruiz": the title runs across "to" and ends with the place.
      const toHead = tokens[partFrom - 2];
      if (split.name !== null && split.title === null && split.prefix !== null && tokens[partFrom - 1]?.lower === 'to' && toHead !== undefined && TO_TITLES.has(bare(toHead))) {
        emit(split.prefix[0], split.prefix[1], null, null, null, true);
        const titleFrom = findRunStart(tokens, partFrom - 2, isNameWord);
        const titleEnd = (tokens[split.prefix[1]] as Token).end;
        const name = split.name;
        emit(name[0], name[1], null, 'person', null);
        const last = out[out.length - 1] as NameCandidate;
        last.title = { start: titleFrom, end: titleEnd, text: article.slice(titleFrom, titleEnd) };
        continue;
      }
      // "astronaut Rhea Vallin", "project manager Ana Ruiz": a title in lower case.
      const lowerTitle = tokens[partFrom - 1];
      if (split.title === null && split.prefix === null && split.name !== null && lowerTitle !== undefined && !lowerTitle.isCap && isTitleHead(lowerTitle)) {
        const words = tokens.slice(partFrom, partTo + 1);
        // "coach Lena Park": a first name makes a person of a name that ends like a place.
        const firstNamed = words.length === 2 && isFirstName(context, words[0] as Token) && !isOrganisationWord(words[1] as Token);
        if (words.length <= 3 && (firstNamed || !words.some((t) => isOrganisationWord(t) || isPlaceWord(t)))) {
          let titleFrom = partFrom - 1;
          while (titleFrom - 1 >= 0 && !(tokens[titleFrom - 1] as Token).isCap && TITLE_MODIFIERS.has((tokens[titleFrom - 1] as Token).lower)) titleFrom--;
          emit(partFrom, partTo, [titleFrom, partFrom - 1], 'person', null);
          continue;
        }
      }
      if (split.prefix !== null) emit(split.prefix[0], split.prefix[1], null, null, null, true);
      if (split.name !== null) {
        const prefixStart = split.prefix === null ? null : (tokens[split.prefix[0]] as Token).start;
        emit(split.name[0], split.name[1], split.title, split.strong, possessorStart ?? prefixStart);
      } else if (split.title === null) {
        emit(partFrom, partTo, null, split.strong, null);
      } else if (split.complement !== undefined) {
        emit(split.complement[0], split.complement[1], null, 'organisation', null);
      }
    }
  }
  return resolveToTitles(article, tokens, withNameSuffix(article, tokens, mergePossessives(article, tokens, out)), context).filter((candidate) => {
    // "Canadian", "Americans": a nationality is not a name to ask for.
    if (candidate.tokens.length === 1 && (context.tagger.lexicon(candidate.tokens[0]?.lower ?? '').includes('Demonym') || demonymWord(candidate.tokens[0]?.text ?? '', context.tagger)?.person === true)) return false;
    // "I", "I'd", "A": a pronoun or a letter is never a name.
    if (candidate.tokens.length === 1 && (candidate.text.replace(/\./g, '').length <= 1 || /^I['’]/.test(candidate.text) || (candidate.tokens[0]?.isAcronym !== true && context.tagger.lexicon(candidate.tokens[0]?.lower ?? '').includes('Pronoun')))) return false;
    // "Bureau", "Agency": a generic word alone names nothing in particular.
    const only = candidate.tokens[0] as Token;
    return !(candidate.tokens.length === 1 && (isOrganisationWord(only) || isPlaceWord(only) || isTitleHead(only) || TITLE_MODIFIERS.has(only.lower)));
  });
}

const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'la', 'le', 'de', 'del', 'el', 'du', 'des', 'y', '&']);
const TITLE_CUES = new Set(['song', 'songs', 'album', 'single', 'film', 'movie', 'book', 'novel', 'play', 'show', 'series', 'titled', 'entitled', 'called', 'named', 'dubbed', 'hit', 'anthem', 'website', 'campaign', 'programme', 'program', 'report', 'poem', 'opera', 'musical', 'painting']);

/** The spans (offsets into the article) of the titles in quotation marks among `tokens`. */
export function quotedTitleSpans(tokens: readonly Token[], from: number): { start: number; end: number }[] {
  const indexOf = new Map(tokens.map((token, i) => [token, i]));
  return quotedTitles(tokens, (token) => token.start >= from && token.isWord, indexOf).map(([a, b]) => ({ start: (tokens[a] as Token).start, end: (tokens[b] as Token).end }));
}

/**
 * Titles in quotation marks: up to six words, each capitalised (or a number, or a small word such as "la"
 * or "of"); a one-word title only after a word such as "song" or "titled", or listed with another title.
 */
function quotedTitles(tokens: readonly Token[], usable: (token: Token, index: number) => boolean, indexOf: ReadonlyMap<Token, number>): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!/^[“"]$/.test(tokens[i]?.text ?? '')) continue;
    let j = i + 1;
    while (j < tokens.length && j <= i + 10 && !/^[”"]$/.test(tokens[j]?.text ?? '')) j++;
    if (j >= tokens.length || j > i + 10) continue;
    let last = j - 1;
    while (last > i && /^[,.!?;:]$/.test(tokens[last]?.text ?? '')) last--;
    const inner = tokens.slice(i + 1, last + 1);
    const words = inner.filter((t) => t.isWord);
    const first = inner[0];
    if (first === undefined || words.length === 0 || words.length > 6 || !first.isCap || inner.some((t) => !t.isWord && !/^['’&:-]$|^['’]s$/.test(t.text))) {
      i = j;
      continue;
    }
    if (!words.every((t, k) => (t.isCap || t.isNumber || (k > 0 && TITLE_SMALL_WORDS.has(t.lower))) && usable(t, indexOf.get(t) ?? -1))) {
      i = j;
      continue;
    }
    if (words.length === 1) {
      const cue = tokens.slice(Math.max(0, i - 3), i).some((t) => TITLE_CUES.has(t.lower));
      const listed = found.length > 0 && (found[found.length - 1]?.[1] ?? -10) >= i - 4;
      const nextOpen = tokens.slice(j + 1, j + 3).some((t) => /^[“"]$/.test(t.text)) && tokens.slice(j + 1, j + 3).some((t) => t.lower === 'and' || t.text === ',');
      if (!cue && !listed && !nextOpen) {
        i = j;
        continue;
      }
    }
    found.push([i + 1, last]);
    i = j;
  }
  return found;
}

/** Beside a title with a colon in it: "the game Lantern Knight: Harbour Siege". */
const COLON_TITLE_CUES = new Set([...TITLE_CUES, 'game', 'games', 'documentary', 'episode', 'sequel', 'comic', 'franchise', 'title', 'edition', 'expansion']);

/**
 * Titles with a colon between two capitalised parts ("the game Lantern Knight: Harbour Siege VR"), where
 * a word such as "game", "film" or "book" stands right before or after them: one name each.
 */
function colonTitles(tokens: readonly Token[], isWordOfTitle: (token: Token) => boolean): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 1; i < tokens.length - 1; i++) {
    const colon = tokens[i] as Token;
    const left = tokens[i - 1] as Token;
    if (colon.text !== ':' || colon.start !== left.end || !isWordOfTitle(left) || !isWordOfTitle(tokens[i + 1] as Token)) continue;
    let from = i - 1;
    while (from - 1 >= 0 && isWordOfTitle(tokens[from - 1] as Token)) from--;
    let to = i + 1;
    for (;;) {
      if (to + 1 < tokens.length && isWordOfTitle(tokens[to + 1] as Token)) to++;
      else if (to + 2 < tokens.length && TITLE_SMALL_WORDS.has(tokens[to + 1]?.lower ?? '') && !['and', 'for', 'to', 'by', 'with', 'from', 'in', 'on', 'at'].includes(tokens[to + 1]?.lower ?? '') && isWordOfTitle(tokens[to + 2] as Token)) to += 2;
      else break;
    }
    const cue = (token: Token | undefined): boolean => token !== undefined && COLON_TITLE_CUES.has(token.lower);
    if (cue(tokens[from - 1]) || cue(tokens[to + 1]) || (tokens[from - 1]?.lower === 'the' && cue(tokens[from - 2]))) found.push([from, to]);
    i = to;
  }
  return found;
}

/** Before a publication's name, which then keeps its "and": "the journal Soil and Water". */
const PUBLICATION_CUES = new Set(['journal', 'magazine', 'newspaper', 'periodical', 'quarterly', 'review']);

/** Words that name a newspaper, a broadcaster or a team beside its name: "the daily X", "X newspaper". */
const MEDIA_CUES = new Set(['newspaper', 'daily', 'weekly', 'tabloid', 'magazine', 'broadcaster', 'channel', 'network', 'paper', 'website', 'club', 'team', 'side']);
/** After a team's name: "Kestrel Rovers coach", "Harbourside fans" (a title after a person's name is rare). */
const TEAM_CUES = new Set(['coach', 'manager', 'fans', 'supporters', 'squad', 'midfielder', 'striker', 'defender', 'goalkeeper', 'forward', 'winger', 'teammate', 'teammates', 'driver', 'drivers']);

/** "al-Rashid", "bin-Saleh", "el-Amin": a particle joined to a capitalised name by a hyphen is a name word. */
const ARABIC_PARTICLE = /^(?:al|el|ad|ar|as|at|an|az|ash|bin|ibn|ben|abu|abd)[-‐‑]\p{Lu}/u;

/**
 * "Lam Siu-ting", "Pak Chol-un": a given name of two romanised syllables joined by a hyphen, the second in
 * lower case, right after a capitalised family name. Without it the family name would stand alone and the
 * given name be lost ("_____ Siu-ting"). "Lima-based", "Co-founder", "Smoke-free" are no syllables of one.
 */
const ROMANISED_SYLLABLE = /^[bcdfghjklmnpqrstvwxyz]{0,3}[aeiou]{1,3}(?:ng|n|m|p|t|k|h)?$/;
const NOT_SYLLABLES = new Set(['free', 'run', 'due', 'up', 'in', 'on', 'to', 'so', 'go', 'two', 'ten', 'one', 'new', 'old', 'man', 'men', 'fan']);
function romanisedGivenName(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (token === undefined || previous === undefined || !previous.isCap || !previous.isWord || /[-‐‑]/.test(previous.text) || previous.end + 1 !== token.start) return false;
  const parts = token.text.split(/[-‐‑]/);
  if (parts.length !== 2) return false;
  const [first, second] = parts as [string, string];
  return /^\p{Lu}\p{Ll}{1,5}$/u.test(first) && ROMANISED_SYLLABLE.test(first.toLowerCase()) && ROMANISED_SYLLABLE.test(second) && !NOT_SYLLABLES.has(second);
}

/** Common-noun endings no person's name has: "Deficiency", "Disorders" is no one. */
const COMMON_NOUN_ENDING = /(?:tion|sion|ness|ment|ency|ancy|ity|ism|ology|ics|ship|hood|ders|ities|tions)$|^(?:affairs|relations|services|operations|resources|studies|sciences|arts|works|games|sports|rights|diseases|systems|products|industries|technologies|solutions|holdings|airlines|motors|foods|records)$/;

/** Round 18: words that end the name of a made thing, never a person's ("Kellin Fighting Vehicle", "Varno Rifle"). */
const ARTEFACT_HEADS = new Set(['vehicle', 'vehicles', 'tank', 'tanks', 'aircraft', 'helicopter', 'missile', 'missiles', 'rifle', 'rifles', 'rocket', 'satellite', 'engine', 'truck', 'tractor', 'launcher', 'drone', 'howitzer', 'carrier', 'submarine', 'destroyer', 'frigate']);

/**
 * Whether words can be a person's name: one to five words (particles and "Jr." aside), no digits, no word
 * of an organisation, a place, a work or a title, no common-noun ending, not all initials, not a phrase
 * the lexicon knows as a place or an organisation.
 */
export function personShaped(words: readonly Token[], context: NameContext): boolean {
  const core = words.filter((t) => t.isWord && !NAME_PARTICLES.has(t.lower) && !NAME_SUFFIX.test(t.text));
  if (core.length === 0 || core.length > 4) return false;
  // "Lena Park", "Tom Hill": after a known first name, a surname may be a place word.
  const given = core.length >= 2 && isFirstName(context, core[0] as Token);
  if (core.some((t) => t.isNumber || /\d/.test(t.text) || isOrganisationWord(t) || (isPlaceWord(t) && !given) || WORK_WORDS.has(bare(t)) || COMMON_NOUN_ENDING.test(bare(t)))) return false;
  if (core.every((t) => t.isAcronym)) return false;
  if (core.length >= 2 && ARTEFACT_HEADS.has(bare(core[core.length - 1] as Token))) return false;
  // "Regional Affairs", "Central Planning": a first word the lexicon knows as an adjective, not a name.
  const opener = core[0] as Token;
  if (core.length >= 2 && !isFirstName(context, opener) && context.tagger.lexicon(opener.lower).includes('Adjective') && !context.tagger.lexicon(opener.lower).some((tag) => PERSON_TAGS.includes(tag))) return false;
  // "I Thought You Knew": a pronoun or a function word makes a phrase, a song's title, not a name.
  if (core.some((t) => t.lower === 'i' || context.tagger.lexicon(t.lower).some((tag) => ['Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Copula'].includes(tag)))) return false;
  const whole = core.length >= 2 ? context.tagger.lexicon(core.map((t) => t.lower).join(' ')) : [];
  if (whole.some((tag) => PLACE_TAGS.includes(tag) || ORGANISATION_TAGS.includes(tag))) return false;
  return true;
}

/**
 * Where a run of capitalised words starts once the particles before it are counted: "van Horne", "de la
 * Vega", "bin Rashid" (up to two lower-case particles, not "ten", which counts more often than it names).
 */
function leadingParticles(tokens: readonly Token[], from: number, to: number, usable: (token: Token, index: number) => boolean, context: NameContext): number {
  let start = from;
  while (start - 1 >= 0 && from - start < 2) {
    const particle = tokens[start - 1] as Token;
    if (particle.isCap || particle.lower === 'ten' || !NAME_PARTICLES.has(particle.lower) || !usable(particle, start - 1)) break;
    start--;
  }
  if (start === from || !particleJoins([], tokens.slice(from, to + 1), context)) return from;
  return start;
}

/** "Dale Ruiz, Jr.": a suffix after a comma belongs to the name before it, which is a person's. */
function withNameSuffix(article: string, tokens: readonly Token[], candidates: NameCandidate[]): NameCandidate[] {
  const absorbed = new Set<Token>();
  const out = candidates.map((candidate) => {
    const at = tokens.indexOf(candidate.tokens[candidate.tokens.length - 1] as Token);
    const comma = tokens[at + 1];
    const suffix = tokens[at + 2];
    if (comma?.text !== ',' || suffix === undefined || !NAME_SUFFIX.test(suffix.text) || comma.start !== candidate.end) return candidate;
    if (candidate.strong !== null && candidate.strong !== 'person') return candidate;
    absorbed.add(suffix);
    const text = article.slice(candidate.start, suffix.end);
    return { ...candidate, tokens: [...candidate.tokens, comma, suffix], end: suffix.end, text, fullText: text, strong: 'person' as const };
  });
  return out.filter((candidate) => !(candidate.tokens.length === 1 && absorbed.has(candidate.tokens[0] as Token)));
}

/**
 * "Nationwide Children’s Hospital": a name, a possessive, and one organisation or place word are one name.
 * Round 38: so is "Varno County Sheriff’s Office", "Kellin District Attorney’s Office": an office named by
 * the title of who heads it (one or two capitalised words, a title among them) between the name and "’s".
 */
function mergePossessives(article: string, tokens: readonly Token[], candidates: NameCandidate[]): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (const candidate of candidates) {
    const previous = out[out.length - 1];
    const word = candidate.tokens[0] as Token;
    const at = tokens.indexOf(word);
    const apostrophe = tokens[at - 1];
    const between = previous === undefined || apostrophe === undefined ? [] : tokens.filter((t) => t.start >= previous.end && t.end <= apostrophe.start);
    const officeTitle = between.length >= 1 && between.length <= 2 && between.every((t) => t.isCap && t.isWord) && between.some(isTitleHead) && isOrganisationWord(word);
    if (
      previous !== undefined &&
      candidate.tokens.length === 1 &&
      candidate.title === null &&
      (isOrganisationWord(word) || isPlaceWord(word)) &&
      apostrophe !== undefined &&
      /^['’]s$/.test(apostrophe.text) &&
      (apostrophe.start === previous.end || (officeTitle && article.slice(previous.end, apostrophe.start).trim() === between.map((t) => t.text).join(' '))) &&
      !(previous.tokens.length === 1 && (previous.tokens[0] as Token).isAcronym)
    ) {
      const text = article.slice(previous.start, candidate.end);
      out[out.length - 1] = { ...previous, tokens: [...previous.tokens, ...between, word], end: candidate.end, text, fullText: text, strong: candidate.strong ?? previous.strong, modifier: false };
      continue;
    }
    out.push(candidate);
  }
  return out;
}

function findRunStart(tokens: readonly Token[], index: number, isNameWord: (token: Token) => boolean): number {
  let i = index;
  while (i - 1 >= 0 && isNameWord(tokens[i - 1] as Token)) i--;
  return (tokens[i] as Token).start;
}

/**
 * "U.S. Ambassador to Kenya Ana Ruiz": the run after "to" starts with the place and ends with the person.
 * Splits such a candidate into the place and the person, whose title runs from "U.S." to "Kenya".
 */
function resolveToTitles(article: string, tokens: readonly Token[], candidates: NameCandidate[], context: NameContext): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (const candidate of candidates) {
    const firstIndex = tokens.indexOf(candidate.tokens[0] as Token);
    // "Ambassador to the United Kingdom Rosa Quispe": "the" may stand between "to" and the place.
    const skip = tokens[firstIndex - 1]?.lower === 'the' ? 1 : 0;
    const to = tokens[firstIndex - 1 - skip];
    const head = tokens[firstIndex - 2 - skip];
    if (candidate.title !== null || to?.lower !== 'to' || head === undefined || !TO_TITLES.has(bare(head)) || candidate.tokens.length < 2) {
      out.push(candidate);
      continue;
    }
    const words = candidate.tokens;
    let nameAt = words.findIndex((t, i) => i > 0 && isFirstName(context, t));
    if (nameAt < 0) nameAt = words.length >= 3 ? words.length - 2 : -1;
    if (nameAt <= 0) {
      out.push(candidate);
      continue;
    }
    let titleStart = firstIndex - 2 - skip;
    while (titleStart - 1 >= 0 && (tokens[titleStart - 1] as Token).isCap && (tokens[titleStart - 1] as Token).isWord) titleStart--;
    const place = words.slice(0, nameAt);
    const person = words.slice(nameAt);
    const placeEvidence = emptyEvidence();
    placeEvidence.place = 3;
    out.push({
      sentence: candidate.sentence,
      tokens: place,
      start: (place[0] as Token).start,
      end: (place[place.length - 1] as Token).end,
      text: article.slice((place[0] as Token).start, (place[place.length - 1] as Token).end),
      title: null,
      strong: null,
      evidence: placeEvidence,
      fullText: article.slice((place[0] as Token).start, (place[place.length - 1] as Token).end),
      modifier: true,
    });
    const titleFrom = (tokens[titleStart] as Token).start;
    const titleTo = (place[place.length - 1] as Token).end;
    const personText = article.slice((person[0] as Token).start, (person[person.length - 1] as Token).end);
    out.push({
      sentence: candidate.sentence,
      tokens: person,
      start: (person[0] as Token).start,
      end: (person[person.length - 1] as Token).end,
      text: personText,
      title: { start: titleFrom, end: titleTo, text: article.slice(titleFrom, titleTo) },
      strong: 'person',
      evidence: emptyEvidence(),
      fullText: personText,
      modifier: false,
    });
  }
  return out;
}

const CALENDAR_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/;
const FUNCTION_WORD_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Pronoun', 'QuestionWord', 'Modal', 'Copula', 'Auxiliary'];

/**
 * A word for a nationality: one the lexicon tags so ("German", "Swede"), or such a word made a person
 * ("Dutchman", "Frenchwoman", "Briton"). `person` says the word can only name a person.
 */
export function demonymWord(word: string, tagger: Tagger): { person: boolean } | null {
  const lower = word.toLowerCase();
  if (/^(?:briton|britons|scotsman|scotswoman|scotsmen|scotswomen)$/.test(lower)) return { person: true };
  const stem = /^(\p{L}{3,}?)(?:man|woman|men|women)$/u.exec(lower)?.[1];
  if (stem !== undefined && tagger.lexicon(stem).includes('Demonym')) return { person: true };
  const tags = tagger.lexicon(lower);
  if (tags.includes('Demonym')) return { person: /(?:man|woman|men|women)$/.test(lower) };
  // Round 33: "Hawaiian", "Floridian", "Bostonian": a word the lexicon does not know, made of a land's or a
  // town's name it does know and "-an" or "-ian" (ending "a" or "o" dropped), is its people's word too.
  if (tags.length > 0 || !/^\p{Lu}\p{Ll}{4,}n$/u.test(word)) return null;
  for (const suffix of ['ian', 'an', 'n']) {
    if (!lower.endsWith(suffix)) continue;
    const stem = lower.slice(0, -suffix.length);
    if (stem.length < 3) continue;
    if (['', 'a', 'o', 'ia'].some((end) => landWord(stem + end, tagger))) return { person: false };
  }
  return null;
}

/** Whether the lexicon knows `word` (or words) as a country, a city or a region. */
export function landWord(word: string, tagger: Pick<Tagger, 'lexicon'>): boolean {
  return tagger.lexicon(word.toLowerCase()).some((t) => t === 'Country' || t === 'City' || t === 'Region');
}

/** Whether a capitalised word beside a name can stand there without being part of it. */
function freeNeighbour(word: string, tagger: Tagger): boolean {
  const lower = word.toLowerCase().replace(/[’']s$/, '');
  if (CALENDAR_WORD.test(word) || word === 'I' || TITLE_HEADS.has(lower) || TITLE_MODIFIERS.has(lower) || demonymWord(lower, tagger) !== null) return true;
  const known = tagger.lexicon(lower.replace(/\.$/, ''));
  return known.some((tag) => FUNCTION_WORD_TAGS.includes(tag) || tag === 'Demonym');
}

/**
 * Why a key, blanked, would leave a piece of its own name beside the blank, or null: a particle right
 * before or after it ("van _____" for the surname of "Ada van Horne"), a capitalised word glued to it by
 * a space alone ("Harbour _____" of a name the finder split), a number standing inside a name
 * ("Partito 9 _____"), or a catalogue designation ("2031 _____", "_____ QX" of "2031 QX"). Titles,
 * dates, demonyms and function words ("In", "The") beside a name are no part of it. Rule "glued".
 */
export function gluedNeighbour(mention: Mention, article: string, sentenceStart: number, sentenceEnd: number, tagger: Tagger, mentions: readonly Mention[] = []): string | null {
  if (mention.pronoun === true || mention.entity.type === 'time') return null;
  const text = article.slice(mention.start, mention.end);
  const before = article.slice(Math.max(sentenceStart, mention.outerStart - 40), mention.outerStart);
  const after = article.slice(mention.end, Math.min(sentenceEnd, (mention.tailEnd ?? mention.end) + 40));
  const previous = / ([^\s]+) $/.exec(` ${before}`)?.[1] ?? '';
  const next = /^ ([^\s]+)/.exec(after)?.[1] ?? '';
  const nextBare = next.replace(/[,;:!?)”"]+$/, '').replace(/\.$/, (dot) => (/^(?:\p{Lu}\.)+$/u.test(next) ? dot : ''));
  const isValue = mention.entity.type === 'date' || mention.entity.type === 'number';
  // "2031 QX", "2017 KT4": a year and two capitals are one designation; "in 2013 UN ..." is a date.
  // "P/2031 K7": a comet's year with its letter and number.
  const designation = (year: string, code: string, lead: string): boolean =>
    (/^\d{4}$/.test(year) ? /^\p{Lu}{2}\d{0,3}$/u.test(code) && !tagger.lexicon(lead.toLowerCase()).includes('Preposition') : /^\p{Lu}{1,2}\/\d{4}$/u.test(year) && /^\p{Lu}{1,2}\d{0,3}$/u.test(code)) && tagger.lexicon(code.toLowerCase()).length === 0;
  // "P/2031 K7", "C/1995 O1": a designation written with a slash is one name, its year no date to ask.
  if (/^\/[\p{L}\p{N}]/u.test(after) || /[\p{L}\p{N}]\/$/u.test(before)) return `glued: "${text}" is part of a catalogue designation written with a slash`;
  // "Mossgrove & Pellam": an ampersand joins one name; neither side is asked alone.
  if (/&\s*$/.test(before) || /^\s*&/.test(after)) return `glued: "${text}" is part of a name joined by "&"`;
  // "Lantern Knight: Harbour Siege": a title with a colon between capitalised parts is one name.
  if ((/\p{Lu}[\p{L}\p{N}'’.-]*: $/u.test(before) && /^\p{Lu}/u.test(text)) || (/^: \p{Lu}/u.test(after) && /\p{Lu}[\p{L}\p{N}'’.-]*$/u.test(text))) return `glued: "${text}" is one part of a title with a colon`;
  if (isValue) {
    const lead = / ([^\s]+) $/.exec(` ${before}`)?.[1] ?? '';
    if (designation(text, nextBare, lead) && next === nextBare) return `glued: "${text} ${nextBare}" is one designation`;
    // "the No. 48 car", "#12": a number that labels something is part of its label.
    if (mention.entity.type === 'number' && /^(?:No|Nos|Nr|no)\.$|^#$/.test(lead)) return `glued: "${lead} ${text}" is a label, not a count`;
    return null;
  }
  // "You Never Called (for Me)": a bracket that goes on in lower case is the rest of the title.
  if (/^ \((?:for|of|and|the|a|an|in|on|with|to|from)\b/i.test(after)) return `glued: "${text}" goes on into the bracket after it`;
  if (ARABIC_PARTICLE.test(next)) return `glued: "${text} ${next}" is one name`;
  if (ARABIC_PARTICLE.test(previous) && mention.title === null) return `glued: "${previous} ${text}" is one name`;
  const previousIsParticle = NAME_PARTICLES.has(previous) && previous !== 'ten';
  if (previousIsParticle && mention.title === null) return `glued: "${previous}" before "${text}" is part of the same name`;
  if (NAME_PARTICLES.has(next) && next !== 'ten' && /^ \S+ \p{Lu}/u.test(after)) return `glued: "${text} ${next} ..." goes on after "${next}"`;
  // "Partito 9 _____": a number between capitalised words stands inside a name.
  const numbered = /(\p{Lu}[\p{L}'’-]*) (\d{1,3}) $/u.exec(before);
  if (numbered !== null && mention.title === null && !CALENDAR_WORD.test(numbered[1] ?? '')) return `glued: "${numbered[1]} ${numbered[2]} ${text}" is one name`;
  const twoBack = /(\S+) \S+ $/.exec(before)?.[1] ?? '';
  if (designation(previous, text, twoBack)) return `glued: "${previous} ${text}" is one designation`;
  if (/^ \d{1,3} \p{Lu}/u.test(after) && !/^ \d{1,3} (?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after)) return `glued: "${text}" runs on into "${after.trim().split(/\s+/).slice(0, 2).join(' ')}"`;
  // "... Student Association Ana Ruiz said": two names of different, trusted kinds the finder told apart.
  const other = (at: (m: Mention) => boolean): boolean => {
    const found = mentions.find((m) => m !== mention && at(m));
    const own = mention.entity;
    return found !== undefined && found.entity.type !== own.type && found.entity.sure && own.sure && found.entity.typeTrusted !== false && own.typeTrusted !== false;
  };
  const toldApart = (side: 'before' | 'after'): boolean => (side === 'before' ? other((m) => m.end === mention.outerStart - 1) : other((m) => m.outerStart === mention.end + 1));
  // Round 15: "Colombia's German _____": a nationality after a place's possessive is no nationality (the
  // place already says where the person is from) but a given name.
  if (mention.entity.type === 'person' && mention.title === null && demonymWord(previous, tagger) !== null && /\p{Lu}[\p{L}.-]*['’]s $/u.test(before.slice(0, before.length - previous.length - 1))) {
    return `glued: "${previous}" after a place's possessive is a given name, part of "${previous} ${text}"`;
  }
  // Round 30: "Swimmer _____" at a sentence's start: an occupation noun the finder left out of a person's
  // name (descriptorBefore) stands free of it.
  const opensSentence = before.trim() === previous && mention.outerStart - previous.length - 1 <= sentenceStart;
  const occupation = mention.entity.type === 'person' && opensSentence && !TITLE_HEADS.has(previous.toLowerCase()) && /(?:er|or|ian|ist|ant|ent)$/.test(previous.toLowerCase()) && tagger.englishWord(previous.toLowerCase()) && !tagger.lexicon(previous.toLowerCase()).some((t) => /Name$|^Person$|^Place$|^ProperNoun$/.test(t));
  // A capitalised word right before the name (with no title between) or right after it.
  if (mention.title === null && !occupation && !toldApart('before') && /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(previous) && !/[’']s$/.test(previous) && !freeNeighbour(previous, tagger)) {
    return `glued: "${previous}" right before "${text}" reads as part of the same name`;
  }
  const nextWord = nextBare.replace(/[’']s$/, '');
  if (mention.modifier !== true && !toldApart('after') && /^\p{Lu}[\p{L}\p{M}\p{N}'’-]*$/u.test(nextWord) && !freeNeighbour(nextWord, tagger)) {
    return `glued: "${nextWord}" right after "${text}" reads as part of the same name`;
  }
  return null;
}

/**
 * The signals that a person is a person: a title, a gender the article shows, a known first name, a word
 * the lexicon knows as a name, a full name of two to four name-shaped words, the surname used alone.
 */
function personSignals(entity: Entity, tagger: Tagger): number {
  const words = entity.name.split(/[\s,]+/).filter((w) => w !== '' && !NAME_PARTICLES.has(w) && !NAME_SUFFIX.test(w));
  const lexicon = (word: string): readonly string[] => tagger.lexicon(word.toLowerCase().replace(/[.’']/g, ''));
  let signals = 0;
  if (entity.titles.length > 0) signals++;
  if (entity.gender !== undefined) signals++;
  if (words.length >= 2 && lexicon(words[0] ?? '').some((tag) => FIRST_NAME_TAGS.includes(tag))) signals++;
  if (words.some((w) => lexicon(w).some((tag) => tag === 'LastName' || tag === 'Person'))) signals++;
  const shaped = words.every((w) => /^\p{Lu}[\p{Ll}\p{M}'’.-]*(?:-\p{Lu}[\p{Ll}\p{M}]*)?$/u.test(w) && !COMMON_NOUN_ENDING.test(w.toLowerCase()) && !ORGANISATION_WORDS.has(w.toLowerCase()) && !PLACE_WORDS.has(w.toLowerCase()) && !WORK_WORDS.has(w.toLowerCase()));
  // "Civic Affairs", "Lady Marlowe": a first word the lexicon knows as an adjective or a role is no given name.
  const common = lexicon(words[0] ?? '').some((tag) => tag === 'Adjective' || tag === 'Actor');
  if (words.length >= 2 && words.length <= 4 && shaped && !common) signals++;
  const surname = words[words.length - 1];
  if (words.length >= 2 && surname !== undefined && entity.forms.some((form) => form === surname)) signals++;
  return signals;
}

/**
 * Rule "type-word": a stem names the type of its answer ("Which person ...?", "Who ...?", "Which
 * organisation ...?") only when several signals agree; otherwise it asks "Which of these completes ...?".
 * A person needs two signals; an organisation a word or lexicon entry that makes it one (not only the
 * tally of the words around it); a place a kind the gazetteer knows or a place word.
 */
export function trustTypeWords(entities: Iterable<Entity>, tagger: Tagger): void {
  for (const entity of entities) {
    const words = entity.name.replace(/^the\s+/i, '').split(/\s+/);
    const lower = words.map((w) => w.toLowerCase().replace(/[’']s$/, ''));
    switch (entity.type) {
      case 'person':
        entity.typeSignals = personSignals(entity, tagger);
        {
          const given = tagger.lexicon((entity.name.split(/\s+/)[0] ?? '').toLowerCase());
          const female = given.includes('FemaleName');
          const male = given.includes('MaleName');
          if (female !== male) entity.nameGender = female ? 'female' : 'male';
        }
        entity.typeTrusted = entity.typeSignals >= 2;
        break;
      case 'organisation': {
        const known = [lower.join(' '), ...lower].some((w) => tagger.lexicon(w).some((tag) => ORGANISATION_TAGS.includes(tag)));
        const acronym = entity.forms.some((form) => /^\p{Lu}[\p{Lu}&.]{1,7}$/u.test(form));
        // "the Varnish Union", a country known to the lexicon: a country is no organisation to name as one.
        const country = [entity.name, ...entity.forms].some((form) => tagger.lexicon(form.toLowerCase().replace(/^the\s+/, '')).some((tag) => PLACE_TAGS.includes(tag)));
        const state = lower.length === 2 && /^(?:union|federation|republic|states|kingdom|emirates)$/.test(lower[1] ?? '') && tagger.lexicon(lower[0] ?? '').some((tag) => tag === 'Demonym' || tag === 'Adjective' || tag === 'Verb' || tag === 'PastTense');
        entity.typeTrusted = !country && !state && (known || acronym || lower.some((w) => ORGANISATION_WORDS.has(w) || ORGANISATION_WORDS.has(w.replace(/s$/, ''))));
        break;
      }
      case 'place':
        entity.typeTrusted = entity.subtype !== 'place' || lower.some((w) => PLACE_WORDS.has(w)) || tagger.lexicon(lower.join(' ')).some((tag) => PLACE_TAGS.includes(tag));
        break;
      default:
        break;
    }
  }
}

/** Why a stem may not name the type of `entity` (rule "type-word"), or null when it may. */
export function untrustedTypeWord(entity: Entity): string | null {
  if (entity.typeTrusted !== false) return null;
  const what = entity.type === 'person' ? `${entity.typeSignals ?? 0} of the two signals needed say "${entity.name}" is a person` : `nothing but the words around it says "${entity.name}" is ${entity.type === 'organisation' ? 'an organisation' : 'a place'}`;
  return `type-word: ${what}, so no stem names its type ("Which of these completes ...?" instead)`;
}
