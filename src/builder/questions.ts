// Facts -> candidate questions of every kind, each with the rule that dropped it when a gate stops it:
// cloze, multiple choice and who/where/when/how-many on every key; one true/false per fact (true, or false
// by a same-type swap the article makes false); select-all where a clause lists several keys of one kind;
// role questions for titled people. Which candidates make the deck is decided later (select.ts), after
// the self-check (self-check.ts); here every candidate is judged on its own.

import { countWordAsNoun, cutUnlistedName, fixedByArithmetic } from './fixed-by-stem.js';
import { adjectiveKey, convertedMeasure, givenCount, misspeltKey, pluralName, pointingOption, relativeTime, teamNickname } from './key-checks.js';
import type { QuestionKind } from '../domain/deck.js';
import type { Random } from '../domain/random.js';
import { fineType, pickDistractors, type DistractorSource } from './distractors.js';
import { isAskable, renderClause, type FactDraft } from './facts.js';
import { gluedNeighbour, landWord, untrustedTypeWord } from './names.js';
import type { Tagger } from './tagger.js';
import { capitalise, distinctiveWords, editDistance, escapeRegExp, findLiteral, foldName, squash, tidy, wordCount, wordFinder } from './text.js';
import type { Token } from './tokens.js';
import type { Clause, Entity, KeyType, Mention } from './types.js';
import { ADJECTIVE_OF, EVENT_HEADS, GENERIC_NAME_WORDS, INSTITUTION_WORDS, isGenericNameWord, LEGAL_FORMS, MONTHS, NAME_CONNECTORS, NAME_PARTICLES, NAME_SUFFIX, NUMBER_WORDS, ORGANISATION_WORDS, PLACE_WORDS, TITLE_HEADS, TITLE_MODIFIERS, WEEKDAYS } from './vocabulary.js';
import { whQuestion, type Source } from './wh.js';

export const BLANK = '_____';
/** A true statement longer than this copies too much of the article to test anything. */
export const MAX_STATEMENT_WORDS = 25;

export interface QuestionDraft {
  kind: QuestionKind;
  fact: FactDraft;
  related: FactDraft[];
  prompt: string;
  explanation: string;
  answer: string | boolean | string[];
  choices?: string[];
  items?: string[];
  accept?: string[];
  /** The entity the question asks for, when one: each entity should be asked at least once. */
  entity: Entity | null;
  /** A select-all question's right answers, one entity each. */
  entities?: Entity[];
  /** The type word the prompt names for its answer ("person" in "Which person ...?"), or null. */
  typeWord?: string | null;
  /** The article's words right around the key asked, for the self-check's test of a name cut in two. */
  around?: { before: string; after: string };
}

/** What drafting a question lazily gives: the draft, or the rule that stopped it. */
export type Drafted = { draft: QuestionDraft; text: string; answer: string } | { dropped: string; text?: string };

/** A question the builder considered: the draft, or why there is none. */
export interface Considered {
  kind: QuestionKind;
  fact: FactDraft;
  /** What the question would ask, for `--explain`. */
  text: string;
  answer: string;
  draft: QuestionDraft | null;
  /** "rule: reason" when dropped. */
  dropped: string | null;
  /** The key it asks (for a select-all question, the first of its keys). */
  entity: Entity | null;
  /** A select-all question's keys. */
  entities?: Entity[];
  /**
   * Drafts the question when the selection wants it: wrong choices and swapped statements cost time, and
   * most candidates are never needed.
   */
  lazy?: () => Drafted;
}

export interface QuestionContext {
  article: string;
  /** The deck's title, which a learner sees above every question: no answer may be in it. */
  header: string;
  tagger: Tagger;
  source: DistractorSource;
  random: Random;
  /** Alternates true and false statements, from a seeded start: about half are false. */
  nextFalse: () => boolean;
  /** How many people hold each title (folded): a shared title cannot identify a person. */
  roleCounts: ReadonlyMap<string, number>;
  /** How many people of the article have each (folded) word in their full names. */
  peopleByNameWord?: ReadonlyMap<string, number>;
  /** A sentence's place among the body's sentences (0 for the first): the opening says what matters. */
  bodyRank?: (sentenceIndex: number) => number;
}

/** The last word of a body that is also a building: "Centre", "Hall", "Museum", "Library". */
const VENUE_HEADS = /\b(?:Centre|Center|Hall|Museum|Library|Hospital|Church|Cathedral|Club|Station|College|School|University|Institute|Theatre|Theater|Gallery|Hotel|Academy)$/;

/** The word a stem may name its answer's type with, when the type is sure; null to name none. */
export function typeWordOf(mention: Mention, article = ''): string | null {
  const { entity } = mention;
  if (!entity.sure || entity.typeTrusted === false) return null;
  switch (entity.type) {
    case 'person':
      return 'person';
    case 'organisation':
      // Round 18: "took place at the Kellin Convention Centre": a body named for its building, where
      // something happens, is a place as much as an organisation; no type word says which.
      if (VENUE_HEADS.test(entity.name) && /\b(?:at|in|inside|outside)\s+(?:the\s+)?$/i.test(article.slice(Math.max(0, mention.outerStart - 12), mention.outerStart))) return null;
      return 'organisation';
    case 'place': {
      const fine = fineType(entity);
      return fine === 'country' ? 'country' : fine === 'city' ? 'city' : fine === 'county' ? 'county' : 'place';
    }
    case 'date': {
      const shape = mention.dateShape ?? entity.subtype;
      if (shape === 'day' || shape === 'day-range') return 'date';
      if (shape === 'weekday' || shape === 'weekday-range') return 'day';
      if (shape === 'month' || shape === 'month-year') return 'month';
      if (shape === 'year') return 'year';
      return null;
    }
    case 'time':
      return 'time';
    case 'number': {
      const shape = mention.numberShape ?? entity.subtype;
      if (shape === 'money') return 'amount';
      if (shape === 'percent') return 'percentage';
      if (shape === 'plain' || shape === 'scaled' || shape === 'word' || shape === 'range') return 'number';
      return null;
    }
    default:
      return null;
  }
}

/** The sentence a question comes from, without its dateline: what feedback shows. */
function sourceText(fact: FactDraft, article: string): string {
  const sentence = fact.clause.sentence;
  return squash(article.slice(sentence.bodyStart, sentence.end));
}

function explanationOf(fact: FactDraft, article: string): string {
  return `The article says: “${sourceText(fact, article)}”`;
}

function asSentence(text: string): string {
  // "by 4 p.m." swapped in before the sentence's own full stop makes one full stop, not two.
  const trimmed = tidy(text).replace(/[,;:]+$/, '').replace(/(?<!\.)\.\.(?!\.)/g, '.');
  const sentence = /[.!?”"’]$/.test(trimmed) ? capitalise(trimmed) : `${capitalise(trimmed)}.`;
  return closeQuotes(sentence);
}

/**
 * A clause cut from a quotation that goes on into the next sentence (or opens in the one before) has one
 * quotation mark without its partner: the missing one is put at the end (or the start).
 */
function closeQuotes(text: string): string {
  const opens = (text.match(/“/g) ?? []).length;
  const closes = (text.match(/”/g) ?? []).length;
  let out = text;
  if (opens > closes) out = `${out}${'”'.repeat(opens - closes)}`;
  else if (closes > opens) out = `${'“'.repeat(closes - opens)}${out}`;
  if ((out.match(/"/g) ?? []).length % 2 === 1) {
    // The first straight mark closes a quotation when a word stands right before it.
    const at = out.indexOf('"');
    const closing = at > 0 && /[\p{L}\p{N}.,!?]/u.test(out.charAt(at - 1));
    out = closing ? `"${out}` : `${out}"`;
  }
  return out;
}

/** The text a question shows as the answer: people, places and organisations by their fullest name. */
export function answerTextOf(mention: Mention): string {
  const { entity } = mention;
  return entity.type === 'person' || entity.type === 'place' || entity.type === 'organisation' || entity.type === 'work' ? entity.name : mention.text;
}

/**
 * Other accepted answers: every other way the article writes it, and the forms a teacher marks right though
 * the article may not write them just so (round 21, from the regrade's "equally right, not accepted"):
 * - a person's surname, and the name without "Jr." ("Dale Varno, Jr." -> "Dale Varno", "Varno");
 * - a one-word key's fuller name where the article writes one ("Varno" -> "Ana Varno");
 * - an organisation's initials, where the article writes them ("National Kellin Service" -> "NKS");
 * - a date without its day of the week ("Sunday, June 28th" -> "June 28th").
 * Number words and digits, the built-in aliases ("UK") and slips of a letter need no form here: the quiz's
 * matcher accepts them (src/grading).
 */
export function acceptFor(mention: Mention, answer: string, context: Pick<QuestionContext, 'article' | 'source' | 'tagger'>): string[] {
  const { article, tagger } = context;
  const people = context.source.byType.get('person') ?? [];
  // The article's other names, for the rules of names that must not take a form another of them holds.
  const others = ['number', 'date', 'time'].includes(mention.entity.type) ? [] : [...context.source.byType.values()].flat().filter((e) => e !== mention.entity);
  const folded = foldName(answer);
  const accept: string[] = [];
  const add = (form: string): void => {
    if (foldName(form) !== folded && !accept.some((a) => foldName(a) === foldName(form))) accept.push(form);
  };
  for (const form of [mention.text, ...mention.entity.forms]) add(form);
  const entity = mention.entity;
  // (Round 29: also where a pronoun stood for the person, "Who then resigned?": the typed answer is the name.)
  const named = entity.type === 'person' || (entity.type === 'other' && !entity.sure);
  if (entity.type === 'person') for (const form of personShortForms(entity, people, article, tagger)) add(form);
  const family = entity.type === 'person' && mention.pronoun !== true ? familyNameFirst(answer, people, tagger) : null;
  if (family !== null) add(family);
  // Round 39: a surname after initials ("AS Varno", "J.R. Kellin"), whatever the finder took the name for, and
  // a given name where another person of the article has the surname too ("Piet" for "Piet Varno" beside "Ana
  // Varno").
  if (['person', 'other', 'organisation'].includes(entity.type) && mention.pronoun !== true) {
    for (const form of [afterInitials(answer, others, (word) => tagger.englishWord(word)), entity.type === 'person' ? givenWhereSurnameShared(answer, people.filter((p) => p !== entity)) : null]) if (form !== null) add(form);
  }
  // Round 27: a name the finder is unsure of, shaped as a person's ("Coco Varno"), by its last word as a
  // person's would be (round 29: also one it took for a place, "a pass to Coco Varno"); and a person's first
  // and last names without the middle one ("Ana Maria Varno" -> "Ana Varno"), as anyone writes them.
  const givenFirst = givenName(answer.split(/\s+/)[0] ?? '', tagger);
  // (Never one the article writes after "the": "the Coppa Varno" is a thing's name.)
  const personShaped = !entity.sure && (entity.type === 'other' || entity.type === 'place') && personShapedName(answer, tagger) && !new RegExp(String.raw`\bthe\s+${escapeRegExp(answer)}`, 'iu').test(article);
  // (One taken for a place, by its last word only where the article writes that alone, below.)
  if (personShaped && entity.type === 'other') for (const form of personShortForms({ ...entity, type: 'person' }, people, article, tagger)) add(form);
  const firstLast = entity.type === 'person' && entity.sure && givenFirst ? firstAndLastName(answer, (word) => tagger.englishWord(word)) : null;
  if (firstLast !== null) add(firstLast);
  // Round 26: the name alone, without a title before it or letters after it ("National Security Adviser Ana
  // Varno", "Piet Lindqvist QC").
  if (named) {
    for (const form of bareNameForms(answer)) {
      add(form);
      // ...and its surname, as for any person's name ("Varno").
      for (const short of personShortForms({ ...entity, name: form }, people, article, tagger)) add(short);
    }
  }
  if (named && /^\p{Lu}[\p{Ll}'’-]+$/u.test(answer)) for (const form of fullerNames(answer, article, tagger)) add(form);
  // Round 33: a name the finder is unsure of is given the forms of every kind it may be: a place it is not sure
  // of may be a person ("a pass to Vonto Varno", then "Varno left"), a person a firm ("Osterby Media ... Osterby").
  const unsure = !entity.sure && ['person', 'place', 'other'].includes(entity.type) && mention.pronoun !== true;
  const placeMayBePerson = unsure && entity.type === 'place' && !named && !personShaped;
  if (named || personShaped || placeMayBePerson) {
    for (const form of aloneForms(answer, article, people.filter((p) => p !== entity).map((p) => p.name), entity.type === 'person' || personShaped)) {
      // (Not a word the article also writes in lower case, as "Magic" of "Varno Magic": a common word.)
      if (!placeMayBePerson || !new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(form.toLowerCase())}(?![\p{L}])`, 'u').test(article)) add(form);
    }
  }
  // Round 25: "K.V. Foreign Office", "Kellinese BND": a country's initials or its people before a body's name
  // are no part of what a learner types for it ("Foreign Office", "BND"); round 29, a law's or a work's too.
  // (Round 38: also one the finder took for a place, "Kellin Frontier Patrol".)
  if (['organisation', 'work', 'other', 'event', 'place'].includes(entity.type)) {
    const body = nationalBody(answer, tagger);
    if (body !== null) add(body);
  }
  // Round 24: "the Varno Open Tour" where the article also writes "the Varno Open Surf Tour": the name with
  // one more word inside it is the same name (one of the two a slip), and is accepted.
  if (!['person', 'number', 'date', 'time'].includes(entity.type) && mention.pronoun !== true) for (const form of longerByOneWord(answer, article)) add(form);
  // Round 26: "Osterby" where the article also writes "Osterby Media": the company's name with the word of
  // its trade after it is the same company.
  if ((entity.type === 'organisation' || unsure) && mention.pronoun !== true) for (const form of withCompanyWord(answer, article, (word) => landWord(word, tagger))) add(form);
  // Round 24: "the Kellin Open Surf Invitational" where the article also writes "the Kellin Open" alone: a
  // shorter form the article itself uses (three words or more) is accepted.
  if ((['organisation', 'event', 'work', 'other'].includes(entity.type) || unsure) && mention.pronoun !== true) for (const form of shorterWritten(answer, article)) add(form);
  // Round 24: "from April to _____" for "June 2010": the year belongs to both months, the month alone is right.
  const monthYear = entity.type === 'date' ? /^(\p{Lu}\p{Ll}+)\s+\d{4}$/u.exec(answer.trim())?.[1] : undefined;
  if (monthYear !== undefined && (MONTHS as readonly string[]).includes(monthYear) && MONTH_RANGE_OPEN.test(article.slice(Math.max(0, mention.start - 30), mention.start))) add(monthYear);
  // A name the finder is unsure of, after a ruler's title ("King _____" for "Tomas of Sorvikia").
  const ruler = named && entity.type !== 'person' ? rulerName(answer) : null;
  const titleBefore = ruler === null ? undefined : /([\p{L}.-]+)\s+$/u.exec(article.slice(Math.max(0, mention.start - 30), mention.start))?.[1];
  if (ruler !== null && titleBefore !== undefined && TITLE_HEADS.has(titleBefore.toLowerCase())) add(ruler);
  if (entity.type === 'organisation') {
    // Only initials the article writes: made-up ones ("FBKA") are no answer anyone types, and graders count
    // them against the question; initials the tagger knows may be another body's ("BBC" of "Bellvarno
    // Basketball Centre").
    const initials = initialsOf(entity.name);
    if (initials !== null && wordFinder(article)(initials)) add(initials);
  }
  // Round 27: "the River Varno" -> "Varno", "Lake Kellin" -> "Kellin": the name without its kind of place.
  if (entity.type === 'place' && mention.pronoun !== true) {
    const bare = PLACE_KIND.exec(answer.replace(/^the\s+/i, ''));
    const name = bare?.[1] ?? bare?.[2];
    if (name !== undefined && name.length >= 3) add(name);
    // Round 38: "Varno, D.C." -> "Varno"; a park by its own name, without what kind of park it is ("Kellin
    // Lake National Recreation Area", "Kellin Lake NRA" -> "Kellin Lake").
    const capital = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?),?\s+D\.?C\.?$/u.exec(answer.trim())?.[1];
    if (capital !== undefined) add(capital);
  }
  if (['place', 'organisation', 'other'].includes(entity.type) && mention.pronoun !== true) {
    const park = PARK_KIND.exec(answer.trim().replace(/^the\s+/i, ''))?.[1];
    if (park !== undefined && park.length >= 4) add(park);
  }
  // (A land's people: "the Kellinese Institute for ..." is no "Kellinese Institute".)
  const demonym = (words: string): boolean => tagger.lexicon(words.toLowerCase()).includes('Demonym');
  const ownAfterLand = ['organisation', 'event', 'work'].includes(entity.type);
  if (!['person', 'number', 'date', 'time'].includes(entity.type)) for (const form of kindShortForms(answer, (word) => tagger.englishWord(word), { land: (words) => landWord(words, tagger), demonym, ownAfterLand })) add(form);
  // Round 32: a club or a firm by its own name ("Varno FC" -> "Varno", "Kellin Munich" -> "Kellin", "Osterby
  // Chile" -> "Osterby").
  if (['organisation', 'other'].includes(entity.type)) for (const form of ownNameForms(answer, tagger, entity.type === 'organisation')) add(form);
  // (Of a name the finder is unsure of, only where the article writes the shorter name alone too: "Ana
  // Lincoln" is no "Ana".)
  else if (unsure) for (const form of ownNameForms(answer, tagger, true)) if (standsAlone(form, article, { notAfterName: true })) add(form);
  // Round 32: "early November", "mid-December" -> the month.
  const month = entity.type === 'date' ? /^(?:early|mid|late)[-\s]+(\p{Lu}\p{Ll}+(?:\s+\d{4})?)$/iu.exec(answer.trim())?.[1] : undefined;
  if (month !== undefined && (MONTHS as readonly string[]).includes(month.split(/\s+/)[0] ?? '')) add(month);
  // Round 27: "UEFA Kellin League" -> "Kellin League": a body's or a contest's name after the initials of
  // the body that runs it.
  const contest = /^(?:the\s+)?\p{Lu}{2,6}\s+(\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)+)$/u.exec(answer)?.[1];
  if (contest !== undefined && ['organisation', 'event', 'other'].includes(entity.type) && contest.split(/\s+/).some((w) => CONTEST_WORDS.has(w.toLowerCase()))) add(contest);
  // Round 27: "the Varno War" -> "Varno": a war is asked by the land or people it is named for.
  const war = entity.type === 'place' || entity.type === 'person' ? null : /^(?:the\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+War$/u.exec(answer);
  // (Not "the Dirty War", "the Cold War": an English word names no land.)
  if (war?.[1] !== undefined && !war[1].split(/\s+/).some((w) => tagger.englishWord(w.toLowerCase()))) add(war[1]);
  // Round 27: "Varno University", "the University of Kellin": a university is asked by its town as well, and
  // "Kellin University" for "the University of Kellin".
  if (entity.type === 'organisation' && mention.pronoun !== true) for (const form of universityForms(answer)) add(form);
  // Round 28: "a gold medal" -> "gold": the medal is told by its metal.
  const medal = /^(?:an?\s+)?(gold|silver|bronze)\s+medals?$/i.exec(answer.trim())?.[1];
  if (medal !== undefined) add(medal);
  // Round 29: "Christmas Day" -> "Christmas": a feast is its day.
  const feast = /^(Christmas|Easter)\s+Day$/i.exec(answer.trim())?.[1];
  if (feast !== undefined) add(feast);
  // Round 26: a score the article writes loser first ("Varno edged out Kellin 6–8") is the same score the
  // other way round, as a learner writes it after the winner.
  const score = SCORE_KEY.exec(answer.trim());
  if (score !== null && score[1] !== score[3]) add(`${score[3]}${score[2]}${score[1]}`);
  // Round 37: "Kellin and Osterby" is as right as "Osterby and Kellin": two names joined by "and", either way
  // round, where the article also writes each of them without the other (else the "and" is likely inside one
  // name: "the Kellin Food and Farming Office"). Not people's ("Ana and Piet Varno" share the surname), nor dates.
  const pair = ['person', 'date', 'time', 'number'].includes(entity.type) || named || mention.pronoun === true ? null : NAME_PAIR.exec(answer.trim());
  if (pair !== null) {
    const [, first = '', second = ''] = pair;
    const together = timesAlone(article, answer.trim().replace(/^the\s+/i, ''));
    if (timesAlone(article, first) > together && timesAlone(article, second) > together) add(`${second} and ${first}`);
  }
  // Round 38: the article's own other spellings of the name.
  if (['person', 'organisation', 'other', 'place', 'event', 'work'].includes(entity.type) && mention.pronoun !== true) for (const form of writtenSpellings(answer, article)) add(form);
  // Round 38: any shorter run of the name's words that the article writes alone (writtenSubForms).
  if (!['number', 'date', 'time'].includes(entity.type) && mention.pronoun !== true) {
    for (const form of writtenSubForms(answer, article, others, { englishWord: (word) => tagger.englishWord(word), land: (words) => landWord(words, tagger), demonym, type: entity.type })) add(form);
  }
  // Round 40: a date without its year, a month's date without the month or the year where the article dates
  // nothing else so (yearlessDates); a thing by the own name inside it (ownNameInside).
  if (entity.type === 'date' && mention.pronoun !== true) for (const form of yearlessDates(answer, article)) add(form);
  if (['organisation', 'place', 'event', 'work', 'other'].includes(entity.type) && !personShaped && mention.pronoun !== true) {
    for (const form of ownNameInside(answer, { englishWord: (word) => tagger.englishWord(word), land: (words) => landWord(words, tagger), demonym, others })) add(form);
  }
  // Round 40: initials and the name they spell, either way, where one other name of the article is the
  // other ("KB" for "Kellin Broadcasting", and back), whatever the finder took either for.
  if (!['person', 'number', 'date', 'time'].includes(entity.type) && mention.pronoun !== true) for (const form of initialsTwins(answer, others)) add(form);
  // Round 33: "53 minutes", "14 yard": the number alone.
  const bare = entity.type === 'number' ? numberWithoutUnit(answer) : null;
  if (bare !== null) add(bare);
  const dated = entity.type === 'date' ? WEEKDAY_BEFORE_DATE.exec(answer) : null;
  if (dated !== null && dated[1] !== undefined) add(dated[1]);
  return accept;
}

/** How many times `text` writes `name` standing alone (no letter or figure on either side, no capital after). */
function timesAlone(text: string, name: string): number {
  let count = 0;
  for (let m = findLiteral(text, name, ALONE_BEFORE, ALONE_AFTER); m !== null; m = findLiteral(text, name, ALONE_BEFORE, ALONE_AFTER, m.index + 1)) count++;
  return count;
}

/** Two names joined by "and" or "&" (no comma: a list of more is another matter). */
const NAME_PAIR = /^(?:the\s+)?(\p{Lu}[^,]*?)\s+(?:and|&)\s+(?:the\s+)?(\p{Lu}[^,]*)$/u;

/** Words after a number that make it another number, or a share of something: never dropped from a key. */
const SCALE_OR_SHARE = /^(?:hundred|thousand|million|billion|trillion|dozen|percent|per|pc|times|fold)$/;

/**
 * Round 33: the number of a measure or a count written with one word after it ("53 minutes", "14 yard",
 * "seven months"), which is what a learner types for it; null for anything else, and for a scale or a share
 * ("3 million", "5 percent"), where the number alone is another number.
 */
export function numberWithoutUnit(answer: string): string | null {
  const measure = /^(\d[\d,.]*|[a-z]+)\s+([a-z]+)$/.exec(answer.trim());
  const [, number, unit] = measure ?? [];
  if (number === undefined || unit === undefined || SCALE_OR_SHARE.test(unit)) return null;
  return /\d/.test(number) || number === 'one' || (NUMBER_WORDS.has(number) && !SCALE_OR_SHARE.test(number)) ? number : null;
}

/**
 * A thing's own name without the word of its kind: round 30, a sea or a house of worship ("the Varnean Sea" ->
 * "Varnean", "Kellin Shrine" -> "Kellin"), round 31, a stadium, an airport or a circuit, where that name is no
 * English word ("North Sea", "National Stadium" are not "North", "National"); round 31, a broadcaster's initials
 * ("KBC Television" -> "KBC") and an operation's or a team's name ("Operation Varno", "Team Kellin"); round 35,
 * an own name of two words, a desert, an island or a prefecture, an international airport without
 * "International" (by its one-word name where that is no English word, and since round 40 by its town), and a company without its
 * legal form; round 37, a ministry "of" something written before it, an event without "International", an
 * institute without what it is "for", a body without the land it is "of", and (`ownAfterLand`) an own name
 * after its town's.
 */
export function kindShortForms(answer: string, englishWord: (word: string) => boolean, names: KindNames = {}): string[] {
  const { land = () => false, demonym = () => false, ownAfterLand = false } = names;
  const out: string[] = [];
  const bare = answer.trim().replace(/^the\s+/i, '');
  const own = KIND_AFTER.exec(bare)?.[1];
  // Round 35: an own name of two words too ("Santiago Varno Stadium" -> "Santiago Varno"), when one of them is
  // no English word.
  if (own !== undefined && own.length >= 4 && !own.split(/\s+/).every((w) => englishWord(w.toLowerCase()))) out.push(own);
  // Round 35: "Varno International Airport" -> "Varno Airport", and a one-word "Varno" (two words may be the
  // person it is named after).
  const airport = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+International\s+Airport$/u.exec(bare)?.[1];
  if (airport !== undefined) {
    out.push(`${airport} Airport`);
    // (Round 40: and the town, as people say they flew from it: round 35 refused a town's name here, which the
    // development part's graders called WRONG.)
    if (land(airport) || (!/\s/.test(airport) && airport.length >= 4 && !englishWord(airport.toLowerCase()))) out.push(airport);
  }
  // Round 35: a company without its legal form ("Kellin Varno Company" -> "Kellin Varno"): no other company
  // has its name.
  const company = COMPANY_FORM.exec(bare)?.[1];
  if (company !== undefined && company.length >= 4 && /^\p{Lu}/u.test(company) && !company.split(/\s+/).every((w) => englishWord(w.toLowerCase()))) out.push(company);
  // Round 37: "the Ministry of Varnish Affairs" is "the Varnish Affairs Ministry". (Not the other way round:
  // "the Kellin Fire Department" is no "Department of Kellin Fire".)
  const ofBody = BODY_OF.exec(bare);
  if (ofBody !== null) out.push(`${ofBody[2] ?? ''} ${ofBody[1] ?? ''}`);
  // Round 37: "International" inside a show's, a festival's or a contest's name is left off as the airport's is
  // ("the Kellin International Horse Show" -> "the Kellin Horse Show").
  const international = INTERNATIONAL_INSIDE.exec(bare);
  if (international !== null) out.push(`${international[1] ?? ''} ${international[2] ?? ''}`);
  // Round 37: "the Varno Institute for Kellin Studies" -> "the Varno Institute": a body's own name before what
  // it is "for" or "of", where that name is neither English words nor a land's (not "National Institute", not
  // "Kellin Society", which may be another).
  const headed = HEADED_BODY.exec(bare);
  if (headed !== null && !(headed[1] ?? '').split(/\s+/).every((w) => englishWord(w.toLowerCase())) && !land(headed[1] ?? '') && !demonym(headed[1] ?? '')) out.push(`${headed[1] ?? ''} ${headed[2] ?? ''}`);
  // Round 37: "the Supreme Court of Kellin" -> "the Supreme Court": a body of two words or more "of" a land.
  const ofLand = BODY_OF_LAND.exec(bare);
  if (ofLand !== null && land(ofLand[2] ?? '')) out.push(ofLand[1] ?? '');
  // Round 37: "the Kellin Varnodome" -> "the Varnodome": a venue's, a firm's or a contest's own name of one word
  // after the town or land it stands in, where that word is no English word (nor a kind of body, "Centre"), and
  // no land's. (Only of a body, an event or a work: "Rio Grande" is one place's name.)
  const words = bare.split(/\s+/);
  for (const cut of ownAfterLand ? [1, 2] : []) {
    const own = words[cut];
    if (words.length !== cut + 1 || own === undefined || !/^\p{Lu}\p{Ll}{4,}$/u.test(own)) continue;
    const kind = ORGANISATION_WORDS.has(own.toLowerCase()) || INSTITUTION_WORDS.has(own.toLowerCase()) || PLACE_WORDS.has(own.toLowerCase());
    if (land(words.slice(0, cut).join(' ')) && !englishWord(own.toLowerCase()) && !kind && !land(own)) out.push(own);
  }
  // Round 38: a firm by its own name before the word of its trade ("Varno Records" -> "Varno"), an award or a
  // prize by its own name ("the Kellin Award" -> "Kellin"), where that name is no English word; a law by the
  // names it is known by ("Varno Antitrust Act" -> "Varno Act"); a craft by its own name ("Space Shuttle
  // Kellin", "HMS Varno" -> "Kellin", "Varno"); a station by the place it is named after.
  const tradeMatch = TRADE_AFTER.exec(bare);
  const trade = tradeMatch?.[1] ?? tradeMatch?.[2];
  if (trade !== undefined && trade.length >= 3 && !trade.split(/\s+/).every((w) => englishWord(w.toLowerCase())) && !land(trade) && !demonym(trade)) out.push(trade);
  const law = /^(\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?)\s+(?:\p{Lu}\p{Ll}+\s+){1,3}Act$/u.exec(bare)?.[1];
  if (law !== undefined && !englishWord(law.toLowerCase()) && !land(law) && !demonym(law)) out.push(`${law} Act`);
  const craft = /^(?:Space\s+Shuttle|Shuttle|HMS|USS|RMS|HMAS|HMCS|MV|MS|SS)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)$/u.exec(bare)?.[1];
  if (craft !== undefined && craft.length >= 3) out.push(craft);
  const station = /^(\p{Lu}.*\S)\s+(?:MRT\s+|Metro\s+|Subway\s+|Railway\s+|Train\s+)?Station$/u.exec(bare)?.[1];
  if (station !== undefined && station.split(/\s+/).length >= 2) out.push(station);
  const broadcaster = BROADCASTER.exec(answer.trim())?.[1];
  if (broadcaster !== undefined) out.push(broadcaster);
  const named = NAMED_AFTER.exec(answer.trim())?.[1];
  if (named !== undefined && named.length >= 3) out.push(named);
  return out;
}

/** What kindShortForms may ask of a name's words, and whether an own name after a town's is taken. */
export interface KindNames {
  /** A land's or a town's name (none by default). */
  land?: (words: string) => boolean;
  /** A land's people's word (none by default). */
  demonym?: (words: string) => boolean;
  /** A body's, an event's or a work's name: its own name after its town's is taken too. */
  ownAfterLand?: boolean;
}

/** A company's name and its legal form, written out or short ("Kellin Varno Company", "Osterby Ltd."). */
const COMPANY_FORM = new RegExp(String.raw`^(.+?)\s+(?:Company|Corporation|Incorporated|Limited|Corp\.?|${LEGAL_FORMS})$`, 'u');
/** A firm's legal form after a comma ("Varno, Inc."), and one a text starts with. */
const LEGAL_FORM_AFTER_COMMA = new RegExp(`^,\\s+(?:${LEGAL_FORMS})(?![\\p{L}])`, 'u');
const LEGAL_FORM_FIRST = new RegExp(`^(?:${LEGAL_FORMS})(?![\\p{L}])`, 'u');

/** A park's own name, then the kind of park it is, written out or as the initials parks use ("NRA", "NP"). */
const PARK_KIND = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+(?:National\s+(?:Park|Recreation\s+Area|Monument|Forest|Seashore|Lakeshore|Preserve|Historic\s+Site|Historical\s+Park|Wildlife\s+Refuge|Memorial)|NRA|NP|NM|NHP|NHS|NWR|NS|NL)$/u;

/** A firm's or an award's own name, then the word of its trade or kind ("Varno Records", "the Kellin Prize"). */
const TRADE_AFTER = /^(?:(\p{Lu}[\p{L}'’&-]*(?:\s+\p{Lu}[\p{L}'’&-]*)?)\s+(?:Records|Studios|Pictures|Films|Entertainment|Airlines|Airways|Pharmaceuticals|Publishing|Publishers|Software|Motors)|(\p{Lu}[\p{L}'’-]*)\s+(?:Awards?|Prize|Medal|Trophy))$/u;

/** A sea, a house of worship or a ground after its one- or two-word name ("Varnean Sea", "Kellin Shrine"). */
const KIND_AFTER = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(?:Sea|Ocean|Bay|Shrine|Temple|Mosque|Cathedral|Abbey|Basilica|Monastery|Stadium|Airport|Circuit|Racecourse|Raceway|Desert|Island|Prefecture)$/u;

/** A club's name: its town, then a word that only says it is a club. */
const CLUB_SUFFIX = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(?:Athletic|Rovers|Wanderers|Albion|Hotspur|Argyle|Alexandra)(?:\s+(?:FC|F\.C\.|AFC))?$/u;

/** A club's or a firm's marks of kind before or after its name ("FC Varno", "Varno AFC", "PT Kellin Karya"). */
const CLUB_MARK = /^(?:(?:FC|AFC|CF|SC|AC|PT)\s+(\p{Lu}.*)|(\p{Lu}.*?)\s+(?:FC|AFC|CF|SC|F\.C\.))$/u;

/**
 * Round 32: a club's or a firm's own name without its marks ("FC Varno" -> "Varno"), and (`organisation`) an
 * organisation's without the land or town after it ("Osterby Chile" -> "Osterby", "Kellin Munich" ->
 * "Kellin"). ("North Kellinia" is not "Kellinia": a side of a land may be another land.)
 */
export function ownNameForms(answer: string, tagger: NameWords, organisation: boolean): string[] {
  const out: string[] = [];
  const bare = answer.trim().replace(/^the\s+/i, '');
  const club = CLUB_MARK.exec(bare);
  const unmarked = club?.[1] ?? club?.[2];
  if (unmarked !== undefined && unmarked.length >= 3) out.push(unmarked);
  // Round 37: a club by its town, where the word after it only says it is a club ("Kellin Athletic", "Varno
  // Rovers"); not "United" or "City", which tell two clubs of one town apart.
  const town = organisation ? CLUB_SUFFIX.exec(bare)?.[1] : undefined;
  if (town !== undefined && town.length >= 4) out.push(town);
  const words = bare.split(/\s+/);
  const land = (w: string): boolean => landWord(w, tagger);
  if (organisation && words.length === 2 && land(words[1] as string) && !land(words[0] as string) && (words[0] as string).length >= 4) out.push(words[0] as string);
  return out;
}

/** A ministry, department or office "of" what it deals with ("Ministry of Varnish Affairs"). */
const BODY_OF = /^(Ministry|Department|Office)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’-]+){0,3})$/u;

/** A body's own name, its kind, then "for" or "of" what it does ("Varno Institute for Kellin Studies"). */
const HEADED_BODY = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(Institute|Center|Centre|Foundation|Society|Museum|Academy|Laboratory)\s+(?:for|of)\s+\S/u;

/** A body of two words or more "of" a land ("Supreme Court of Kellin"). */
const BODY_OF_LAND = new RegExp(String.raw`^((?:\p{Lu}[\p{L}'’-]+\s+)+(?:${[...ORGANISATION_WORDS].filter((w) => /^\p{L}+$/u.test(w)).map(capitalise).join('|')}))\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)$`, 'u');

/** "International" between a name and the kind of event or venue it names ("Kellin International Film Festival"). */
const INTERNATIONAL_INSIDE = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+International\s+((?:\p{Lu}[\p{L}'’-]+\s+)?(?:Show|Festival|Fair|Exhibition|Expo|Conference|Summit|Forum|Tournament|Championships?|Marathon|Cup|Trophy|Games|Competition|Regatta|Rally))$/u;

/** A broadcaster's initials before the word of its medium ("KBC Television" -> "KBC"). */
const BROADCASTER = /^(?:the\s+)?(\p{Lu}{2,5})\s+(?:Television|TV|Radio|News|Online)$/u;

/** A name after the word of its kind that a learner leaves off ("Operation Varno", "Team Kellin"). */
const NAMED_AFTER = /^(?:the\s+)?(?:Operation|Team|Project|Mission)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)$/u;

/** A kind of place before or after its name ("River Varno", "Varno River"): the name alone is the place. */
const PLACE_KIND = /^(?:River|Lake|Mount|Mt\.?|Loch)\s+(\p{Lu}[\p{L}'’-]+)$|^(\p{Lu}[\p{L}'’-]+)\s+(?:River|Lake)$/u;

/**
 * Round 27: a name of three capitalised words without its middle one ("Ana Maria Varno" -> "Ana Varno"; round
 * 35, also of four words, and a middle initial, "Ana G. Varno"), or null; a first name of three letters or fewer ("Kim Jong Un", "Ali Varno Nur") is taken for a family name or
 * a name of another tradition, and left whole. Asked only of a name whose first word is a given name
 * (`givenName`): where the family name comes first, or a father's name in the middle, first and last are not
 * how the person is called.
 */
export function firstAndLastName(name: string, englishWord: (word: string) => boolean = () => false): string | null {
  // Round 35: one or two middle names or initials ("Ana G. Varno", "Ana Kellin Osterby Varno").
  const words = withoutSuffix(name).split(/\s+/);
  if (words.length < 3 || words.length > 4) return null;
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  const middles = words.slice(1, -1);
  if (!/^\p{Lu}[\p{L}'’-]{3,}$/u.test(first) || !/^\p{Lu}\p{Ll}[\p{L}'’-]+$/u.test(last)) return null;
  // Not "David De Varno" (a particle belongs to the family name), nor "Kellin Sound Studios" (a common word ends no name).
  if (!middles.every((m) => /^\p{Lu}\.$/u.test(m) || (/^\p{Lu}[\p{L}'’-]+$/u.test(m) && !NAME_PARTICLES.has(m.toLowerCase())))) return null;
  if (englishWord(last.toLowerCase())) return null;
  return `${first} ${last}`;
}

/**
 * Round 29: a name of two or three capitalised words that reads as a person's, though the finder took it for
 * something else or was unsure ("Coco Varno", "Ana Kellin Osterby"): no word names a kind of thing or a
 * place, the last is no English word, and the first is a given name, or the last a family name the lexicon
 * knows, or every word is one no dictionary has ("Mwelo Tarkanen").
 */
export function personShapedName(name: string, tagger: NameWords): boolean {
  if (!namesNoKind(name, tagger)) return false;
  const words = name.split(/\s+/);
  const last = (words[words.length - 1] as string).toLowerCase();
  // (Nor an English word in the plural: "Varno Motorsports".)
  if (last.length < 3 || tagger.englishWord(last) || (last.endsWith('s') && tagger.englishWord(last.slice(0, -1)))) return false;
  const unknown = (w: string): boolean => tagger.lexicon(w.toLowerCase()).length === 0 && !tagger.englishWord(w.toLowerCase());
  return givenName(words[0] as string, tagger) || tagger.lexicon(last).some((t) => t === 'LastName' || t === 'Person') || words.every(unknown);
}

/** Two or three capitalised words, none of them a kind of thing ("Agency", "Park") or a place the lexicon knows. */
function namesNoKind(name: string, tagger: NameWords): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(w))) return false;
  const placeOrKind = (w: string): boolean => isGenericNameWord(w.toLowerCase()) || tagger.lexicon(w.toLowerCase()).some((t) => t === 'Place' || t === 'City' || t === 'Country' || t === 'Region' || t === 'Demonym' || t === 'Organization');
  return !words.some(placeOrKind);
}

/** A word the lexicon knows as a given name ("Reginald", "Penny"). */
function givenName(word: string, tagger: NameWords): boolean {
  return tagger.lexicon(word.toLowerCase()).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

/**
 * "Varno University" -> "Varno", "University of Varno"; "the University of Varno" -> "Varno University", "Varno": a university of a
 * one-word town, by the town ("University of Varno State" is no university's name).
 */
export function universityForms(name: string): string[] {
  const bare = name.replace(/^the\s+/i, '');
  const after = /^(\p{Lu}[\p{L}'’-]+)\s+University$/u.exec(bare)?.[1];
  // (Round 40: and "the University of Varno" for "Varno University", as the other way round.)
  if (after !== undefined) return [after, `University of ${after}`];
  const of = /^University\s+of\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(bare)?.[1];
  return of === undefined ? [] : [`${of} University`, of];
}

/** A date's month, day and year as the article may write them: "May 4, 2006", "4 May 2006", "May 2006". */
const FULL_DATE = /^(?:(\p{Lu}\p{Ll}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(\p{Lu}\p{Ll}+),?\s+(\d{4}))$/u;
const MONTH_OF_YEAR = /^(\p{Lu}\p{Ll}+)(?:\s+of)?,?\s+(\d{4})$/u;

/**
 * Round 40: a date as a learner writes it when the year goes without saying: "May 4" for "May 4, 2006"; for
 * "May 2006" the month, "May", and the year, "2006". Each only where the article dates nothing else with it
 * (no "May 4, 2005", no "May" of another year, no other month of 2006): then it names the one date. The
 * development part's outside graders counted the refusal of these as WRONG.
 */
export function yearlessDates(answer: string, article: string): string[] {
  const bare = answer.trim();
  const full = FULL_DATE.exec(bare);
  const years = (text: string): string[] => [...text.matchAll(/(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)/g)].map((m) => m[1] ?? '');
  if (full !== null) {
    const month = full[1] ?? full[5] ?? '';
    const day = full[2] ?? full[4] ?? '';
    const year = full[3] ?? full[6] ?? '';
    if (!(MONTHS as readonly string[]).includes(month)) return [];
    // Every place the article writes this month and day: each must carry this year, or none.
    const sameDay = new RegExp(String.raw`(?:\b${month}\.?\s+${day}(?:st|nd|rd|th)?\b|\b${day}(?:st|nd|rd|th)?\s+(?:of\s+)?${month}\b)[^.;]{0,12}`, 'g');
    const other = [...article.matchAll(sameDay)].some((m) => years(m[0]).some((y) => y !== year));
    return other ? [] : [`${month} ${day}`];
  }
  const monthYear = MONTH_OF_YEAR.exec(bare);
  if (monthYear === null) return [];
  const [, month = '', year = ''] = monthYear;
  if (!(MONTHS as readonly string[]).includes(month)) return [];
  const out: string[] = [];
  const monthWith = [...article.matchAll(new RegExp(String.raw`\b${month}\b[^.;]{0,16}`, 'g'))];
  if (!monthWith.some((m) => years(m[0]).some((y) => y !== year))) out.push(month);
  const yearWith = [...article.matchAll(new RegExp(String.raw`(\p{Lu}\p{Ll}+)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?${year}\b`, 'gu'))];
  if (!yearWith.some((m) => (MONTHS as readonly string[]).includes(m[1] ?? '') && m[1] !== month)) out.push(year);
  return out;
}

/** What ownNameInside needs to know: English words, lands' names, peoples' words, the article's other names. */
interface OwnNameChecks {
  englishWord: (word: string) => boolean;
  land: (words: string) => boolean;
  demonym: (word: string) => boolean;
  others: readonly OtherName[];
}

/** Kinds of building or site written before the own name ("HM Prison Varno", "the Temple of Kellin"). */
const KIND_BEFORE = /^(?:HM\s+Prison|Prison|Temple\s+of|Tomb\s+of|Church\s+of|Cathedral\s+of|Basilica\s+of|Castle\s+of|Palace\s+of|Fort|Camp|Mount|Port\s+of)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)$/u;

/**
 * Round 40: a thing by the own name inside its full name, as people say it: "Varno" for "HM Prison Varno" or
 * "the Temple of Varno"; "Kellin" and "Kellin Airport" for "Kellin Airport Varno" (the town for "Kellin
 * International Airport" is kindShortForms'); "Wheel Varnos" for "Kellin
 * Wheel Varnos", a team's or a body's name of two words or more after its land's. The own name is no English
 * word, no people's word, and holds no other name of the article. (From the development part's refusals of
 * a prison's, an airport's, a temple's and a team's own names.)
 */
export function ownNameInside(answer: string, checks: OwnNameChecks): string[] {
  const bare = answer.trim().replace(/^the\s+/i, '');
  const out: string[] = [];
  // (English words make an own name only as two or more, after a land's name, and not ending in the word of a
  // body's kind: "Wheel Varnos", "Red Cross", not "Rugby Union".)
  const own = (name: string, afterLand = false): boolean => {
    const words = name.split(/\s+/);
    if (name.length < 3 || checks.demonym(name) || (words.length === 1 && checks.englishWord(name.toLowerCase()))) return false;
    const last = (words[words.length - 1] ?? '').toLowerCase();
    const kindLast = ORGANISATION_WORDS.has(last) || INSTITUTION_WORDS.has(last) || ORGANISATION_WORDS.has(last.replace(/s$/, ''));
    if (words.every((w) => checks.englishWord(w.toLowerCase()) || isGenericNameWord(w.toLowerCase())) && !(afterLand && words.length >= 2 && !kindLast)) return false;
    const folded = ` ${foldName(name)} `;
    // (Another name that holds it and more is someone else's: "Varno" of "Ana Varno". The same name alone is
    // the article's own short form of this one.)
    return !checks.others.some((other) => [other.name, ...other.forms].some((form) => ` ${foldName(form)} ` !== folded && ` ${foldName(form)} `.includes(folded)));
  };
  const before = KIND_BEFORE.exec(bare)?.[1];
  if (before !== undefined && own(before)) out.push(before);
  const airport = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+Airport\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(bare);
  if (airport !== null) {
    const [, town = '', name = ''] = airport;
    if (own(name)) out.push(name);
    out.push(`${town} Airport`);
    if (checks.land(town)) out.push(town);
  }
  const words = bare.split(/\s+/);
  for (const cut of [1, 2]) {
    const rest = words.slice(cut);
    if (rest.length < 2 || rest.length > 4 || !rest.every((w) => /^\p{Lu}/u.test(w))) continue;
    if (!checks.land(words.slice(0, cut).join(' ')) || rest.some((w) => NAME_CONNECTORS.has(w.toLowerCase()))) continue;
    const head = (rest[0] ?? '').toLowerCase();
    if (TRADE_WORDS.test(rest[rest.length - 1] ?? '') || checks.land(rest.join(' ')) || PLACE_WORDS.has(head) || ORGANISATION_WORDS.has(head) || INSTITUTION_WORDS.has(head)) continue;
    if (own(rest.join(' '), true)) out.push(rest.join(' '));
  }
  return out;
}

/** Last words of a firm's name that another firm of another land shares ("Eastern Airlines", "National Bank"). */
const TRADE_WORDS = /^(?:Airlines?|Airways|Air|Bank|Railways?|Telecom|Post|Television|TV|Radio|Broadcasting|Corporation|Company|Group|News|Times|Party|Government|Police|Army|Navy)$/;

/** Words of a contest's name ("Kellin League", "World Cup"). */
const CONTEST_WORDS = new Set(['league', 'cup', 'championship', 'championships', 'tournament', 'trophy', 'open', 'games', 'series']);

/** A score: two counts joined by a dash ("6–8", "2-1"); years ("2006–2009") are not scores. */
const SCORE_KEY = /^(\d{1,3})(\s*[–—-]\s*)(\d{1,3})$/;

/** Letters after a person's name that are no part of it: a rank, an honour, a seat, a degree. */
const POST_NOMINALS = /,?\s+(?:QC|KC|SC|MP|MEP|MSP|MLA|MBE|OBE|CBE|KBE|DBE|PhD|MD)\.?$/;

/**
 * Round 26: a person's name without the letters after it ("Piet Lindqvist QC" -> "Piet Lindqvist") and without
 * the post written before it ("National Security Adviser Ana Varno" -> "Ana Varno"); a name left of fewer
 * than two words is none.
 */
export function bareNameForms(name: string): string[] {
  const out: string[] = [];
  const bare = name.replace(POST_NOMINALS, '');
  if (bare !== name && bare.split(/\s+/).length >= 2) out.push(bare);
  const words = bare.split(/\s+/);
  let post = -1;
  words.forEach((word, i) => {
    if (TITLE_HEADS.has(word.toLowerCase())) post = i;
  });
  const rest = words.slice(post + 1);
  if (post >= 0 && rest.length >= 2 && rest.every((w) => /^\p{Lu}/u.test(w))) out.push(rest.join(' '));
  return out;
}

/** The first month of a range, before its last: "from April to", "May-". */
const MONTH_RANGE_OPEN = new RegExp(`\\b(?:${MONTHS.join('|')})\\s+(?:to|and|through|until|[-–])\\s*$`);

/** What acceptFor asks of the tagger: its lexicon, and whether a word is an English word. */
export type NameWords = Pick<Tagger, 'lexicon' | 'englishWord'>;

/**
 * A word that may be part of a person's name: one the tagger knows as a name, or one it does not know at all
 * and no dictionary has ("Kellinu"). "Database", "Democrat", "Sunday", a possessive ("Varno's") are not.
 */
function nameLike(word: string, words: NameWords): boolean {
  if (/['’]s$/.test(word) || PLURAL_DEMONYM.test(word)) return false;
  // "Prize-winning": a hyphen before an English word in lower case.
  if (word.split('-').slice(1).some((part) => /^\p{Ll}/u.test(part) && words.englishWord(part))) return false;
  const lower = word.toLowerCase();
  const tags = words.lexicon(lower);
  if (tags.some((t) => /Name$|^Person$/.test(t))) return true;
  return tags.length === 0 && !words.englishWord(lower);
}

/** Round 24: people of a place in the plural ("Varnovians", "Kelleans"): a group, never a word of a name. */
const PLURAL_DEMONYM = /^\p{Lu}\p{Ll}{3,}(?:ians|eans)$/u;

/** A day of the week before a date that carries a number: "Sunday, June 28th", "Tuesday 12 August". */
const WEEKDAY_BEFORE_DATE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?=.*\d)(.+)$/;

/** A person's name without its closing generation mark (vocabulary's NAME_SUFFIX): "Dale Varno, Jr." -> "Dale Varno". */
function withoutSuffix(name: string): string {
  const words = name.split(/\s+/);
  const last = words[words.length - 1];
  return words.length > 1 && last !== undefined && NAME_SUFFIX.test(last) ? words.slice(0, -1).join(' ').replace(/,$/, '') : name;
}

/**
 * A person's surname (with its particles: "van Horne", "Al Sabah") and the name without its generation mark.
 * No surname where another person of the article shares it, where the last word is hyphenated (a given name
 * written after the family name: "Kim Ha-neul"), or where the article writes the word in lower case too (a
 * common word, the name likely misread: "Harbour Database").
 */
export function personShortForms(person: Entity, people: readonly Entity[], article: string, tagger?: NameWords): string[] {
  const full = withoutSuffix(person.name);
  const bare = rulerName(full) ?? full;
  const out = bare === person.name ? [] : [bare];
  const words = bare.split(/\s+/);
  if (words.length < 2) return out;
  let first = words.length - 1;
  while (first > 1 && NAME_PARTICLES.has((words[first - 1] ?? '').toLowerCase())) first--;
  const surname = words.slice(first).join(' ');
  const last = words[words.length - 1] ?? '';
  // Round 35: a double-barrelled surname ("Ana Varno-Kellin", not a given name after the family name, "Kim
  // Ha-neul") and one with its Arabic article ("Ana al-Varno") are surnames too; the checks below read the
  // word after the hyphen.
  // (Both halves of four letters or more: "Kim Varno-Bak" ends in a given name.)
  const core = /^(?:\p{Lu}[\p{L}'’]{3,}-(?=\p{Lu}[\p{L}'’]{3,}$)|(?:al|el|Al|El)-)(\p{Lu}[\p{L}'’]{2,})$/u.exec(last)?.[1] ?? last;
  // A surname that is a common word ("Database") is taken only from a name the builder is sure of ("Ana
  // M. Varno"): one it is not sure of may be a title it misread as a person's ("Kellin Movie Database").
  if (!/^\p{Lu}[\p{L}'’]{2,}$/u.test(core) || isGenericNameWord(core.toLowerCase()) || (tagger !== undefined && !person.sure && !nameLike(core, tagger))) return out;
  // (Round 40: a person several signals make one, a title, a gender, a known given name, keeps the surname
  // though the article writes the word in lower case too: "Foreign Minister Ana Day" ... "the next day".)
  if (person.typeTrusted !== true && findLiteral(article, last.toLowerCase(), NO_LETTER_BEFORE, NO_LETTER_AFTER) !== null) return out;
  const shared = people.some((other) => other !== person && withoutSuffix(other.name).split(/\s+/).pop() === last);
  return shared ? out : [...out, surname];
}

const NO_LETTER_BEFORE = /(?<![\p{L}])/uy;
const NO_LETTER_AFTER = /(?![\p{L}])/uy;

/**
 * Round 40: the family name of a name written family name first, which is what a reader calls the person:
 * "Kwan" for "Kwan Ka-lok" (a given name of two syllables joined by a hyphen, the second in lower case), and
 * "Zhang" for "Zhang Meiling" where the lexicon knows the first word as a family name and the second as no
 * name or word at all. None where another person of the article opens their name with the same word, or where
 * the word is an English one.
 */
export function familyNameFirst(name: string, people: readonly Entity[], tagger: NameWords): string | null {
  const words = withoutSuffix(name.trim()).split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  const [family = '', ...given] = words;
  if (!/^\p{Lu}\p{Ll}{1,7}$/u.test(family) || tagger.englishWord(family.toLowerCase())) return null;
  const tags = (word: string): readonly string[] => tagger.lexicon(word.toLowerCase());
  const syllables = given.length === 1 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(given[0] ?? '');
  const known = given.length === 1 && tags(family).includes('LastName') && !tags(family).some((t) => t === 'FirstName' || t.endsWith('Name') && t !== 'LastName') && tags(given[0] ?? '').length === 0 && !tagger.englishWord((given[0] ?? '').toLowerCase());
  if (!syllables && !known) return null;
  const shared = people.some((other) => other.name !== name && withoutSuffix(other.name).split(/\s+/)[0] === family);
  return shared ? null : family;
}

/**
 * Round 23: "King Tomas of Sorvikia": the land a ruler is "of" is no part of the name, which is accepted
 * alone ("Tomas"); null for a name with no "of".
 */
function rulerName(name: string): string | null {
  return /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)\s+of\s+(?:the\s+)?\p{Lu}/u.exec(name)?.[1] ?? null;
}

/**
 * The article's names that are `name` with one capitalised word added inside it (not at either end), also
 * where they stand inside a longer run of capitals ("the Big Wave World Tour Contest Director").
 */
export function longerByOneWord(name: string, article: string): string[] {
  const words = name.replace(/^the\s+/i, '').split(/\s+/);
  if (words.length < 2) return [];
  const found = new Set<string>();
  for (const run of nameRuns(article)) {
    const all = run.split(/\s+/);
    for (let from = 0; from + words.length < all.length; from++) {
      const other = all.slice(from, from + words.length + 1);
      const extra = other.findIndex((w, i) => w !== words[i]);
      if (extra > 0 && extra < other.length - 1 && /^\p{Lu}/u.test(other[extra] ?? '') && other.slice(extra + 1).join(' ') === words.slice(extra).join(' ')) found.add(other.join(' '));
    }
  }
  return [...found];
}

/**
 * Whether the article writes `form` standing alone: no letter or figure right before or after it, and no
 * capitalised word after it. With `notAfterName`, no capitalised word before it either ("Kellin. Ana Varno
 * said": a full stop ends the word before, which is then no part of the name); with `notBeforeParticle`, no
 * small word that joins a name after it ("Punta de Varno").
 */
function standsAlone(form: string, article: string, options: { notAfterName?: boolean; notBeforeParticle?: boolean } = {}): boolean {
  const before = options.notAfterName === true ? ALONE_NOT_AFTER_NAME : ALONE_BEFORE;
  const after = options.notBeforeParticle === true ? ALONE_NOT_BEFORE_PARTICLE : ALONE_AFTER;
  return findLiteral(article, form, before, after) !== null;
}

// standsAlone's edges, as sticky patterns tried where the form occurs (findLiteral).
const ALONE_BEFORE = /(?<![\p{L}\p{N}'’-])/uy;
const ALONE_NOT_AFTER_NAME = /(?<![\p{L}\p{N}'’-])(?<!\p{Lu}[\p{L}'’-]*\s)/uy;
const ALONE_AFTER = /(?![\p{L}\p{N}'’-])(?!\s+\p{Lu})/uy;

/**
 * Round 38: the shorter forms of a name that the article itself writes standing alone, any run of its words
 * ("Lindqvist" for "Ana Tove Lindqvist", "Wheel Varnos" for "Kellin Wheel Varnos", "Osterby" for "HM
 * Prison Osterby", "Sorvik" for "Sorvik Tae Min", "Chrome" for "Varno Chrome"): what the article calls the
 * thing is what a learner types for it (the development part's outside graders counted such refusals as the
 * commonest WRONG). The run starts and ends with a capital; none that another name of the article holds
 * (`others`: "Varno" of "Piet Varno" where "Ana Varno" is named too) unless it is that whole other name;
 * no land's name for anything but a place (`land`: "Kellin" is no "Kellin Airport"); one English word
 * (`englishWord`: "Chrome", "Venture") only where the article writes it with a capital inside a sentence,
 * as a name; no title, and no word of three letters or fewer unless in capitals.
 */
export function writtenSubForms(name: string, article: string, others: readonly OtherName[], options: { englishWord: (word: string) => boolean; land: (words: string) => boolean; demonym: (word: string) => boolean; type: KeyType }): string[] {
  const words = withoutSuffix(name.trim().replace(/^the\s+/i, '')).split(/\s+/);
  if (words.length < 2 || words.length > 6) return [];
  const out: string[] = [];
  const otherWords = others.flatMap((other) => [other.name, ...other.forms].map((form) => ({ folded: ` ${foldName(form)} `, other })));
  for (let from = 0; from < words.length; from++) {
    for (let to = from + 1; to <= words.length; to++) {
      if (to - from === words.length) continue;
      const run = words.slice(from, to);
      const form = run.join(' ');
      const first = run[0] as string;
      const last = run[run.length - 1] as string;
      if (!/^\p{Lu}/u.test(first) || !/^\p{Lu}/u.test(last)) continue;
      if (run.length === 1 && form.length <= 3 && !/^\p{Lu}{2,}$/u.test(form)) continue;
      if (run.some((w) => TITLE_HEADS.has(w.toLowerCase())) || run.every((w) => TITLE_MODIFIERS.has(w.toLowerCase()))) continue;
      if (run.length === 1 && (isGenericNameWord(form.toLowerCase()) || NAME_PARTICLES.has(form.toLowerCase()) || options.demonym(form))) continue;
      // (Of a thing's name, only a run that ends it, "Chrome" of "Varno Chrome", "Wheel Varnos" of "Kellin Wheel
      // Varnos": its first words name what it is named for or made by, often another thing of the article,
      // "Kellin" of "Kellin Clipper", "Varno Explorer" of "the Varno Explorer 6 Countdown".)
      if (options.type !== 'person' && (from === 0 || to !== words.length)) continue;
      // (Not a run that opens on an initial inside the name: "J. Varno" of "A. J. Varno" is someone else.)
      if (from > 0 && /^\p{Lu}\.$/u.test(first)) continue;
      // (Not a run that a word of the name joins to the rest, "Fame" of "Hall of Fame", "Security
      // Departments" of "State and Security Departments": that is part of a phrase, no name of its own.)
      if (CONNECTOR_WORDS.has(words[from - 1] ?? '') || CONNECTOR_WORDS.has(words[to] ?? '')) continue;
      const folded = ` ${foldName(form)} `;
      // Another name holds the run ("Varno" of "Ana Varno"); or it is the whole name of another thing the
      // finder is sure of, of another kind ("Ana Varno" of "the Ana Varno Foundation").
      if (otherWords.some(({ folded: other, other: entity }) => (other !== folded && other.includes(folded)) || (other === folded && entity.sure && entity.type !== options.type))) continue;
      // (A place's town or state written short, "Varno" for "Varno D.C." or "Varno City", is the place.)
      const rest = words.filter((_, i) => i < from || i >= to);
      if (options.land(form) && !(options.type === 'place' && from === 0 && rest.length === 1 && /^(?:City|\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}{2})$/u.test(rest[0] as string))) continue;
      if (findLiteral(article, form, notAfterOtherName(), ALONE_NOT_BEFORE_PARTICLE) === null) continue;
      // (One English word only as a name inside a sentence, and never one the article also writes in lower
      // case, "the magic of the night": a common word.)
      if (run.length === 1 && options.englishWord(form.toLowerCase()) && (!insideSentence(form, article) || findLiteral(article, form.toLowerCase(), ALONE_BEFORE, NO_LETTER_AFTER) !== null)) continue;
      out.push(form);
    }
  }
  return out;
}

/**
 * Round 38: the article's other spellings of a name ("Marko Varno" where the key is its "Marco Varno", "Selna
 * Kellino" beside "Selena Kellina"): a run of as many capitalised words, each the key's word or one letter
 * off it with the same first letter (words of four letters or more), and at least one the same. A learner who
 * writes the name as the article also does is right, and the quiz's typo rule refuses a real word ("Marko").
 */
export function writtenSpellings(name: string, article: string): string[] {
  const words = name.trim().replace(/^the\s+/i, '').split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return [];
  const out: string[] = [];
  const windows = nameRuns(article).flatMap((run) => {
    const all = run.split(/\s+/);
    return all.length < words.length ? [] : Array.from({ length: all.length - words.length + 1 }, (_, i) => all.slice(i, i + words.length).join(' '));
  });
  for (const run of new Set(windows)) {
    const other = run.split(/\s+/);
    if (run === words.join(' ') || other.some((w, i) => w !== words[i] && !/^\p{Lu}(?:[\p{L}'’-]*\p{L})?$/u.test(w))) continue;
    let same = 0;
    const close = other.every((w, i) => {
      const mine = words[i] as string;
      if (w === mine) {
        same++;
        return true;
      }
      return mine.length >= 4 && w.length >= 4 && w[0] === mine[0] && editDistance(w.toLowerCase(), mine.toLowerCase()) === 1;
    });
    if (close && same >= 1) out.push(run);
  }
  return out;
}

/**
 * Round 39: the surname of a name written with initials before it ("AS Varno", "A. S. Varno", "J.R. Kellin"),
 * or null: initials are no part of what a learner types for the person, nor are they of a club ("AC Varno").
 * Not an English word ("KV Senate" -> no "Senate"), nor a word another name of the article holds.
 */
export function afterInitials(name: string, others: readonly OtherName[], englishWord: (word: string) => boolean): string | null {
  const surname = /^(?:\p{Lu}\.?\s?){1,3}\s(\p{Lu}\p{Ll}[\p{L}'’-]+)$/u.exec(name.trim())?.[1];
  if (surname === undefined || englishWord(surname.toLowerCase())) return null;
  const folded = ` ${foldName(surname)} `;
  if (others.some((other) => [other.name, ...other.forms].some((form) => ` ${foldName(form)} `.includes(folded)))) return null;
  return surname;
}

/**
 * Round 39: a person's given name, where another person of the article (`others`) has the same surname and
 * none the same given name ("Piet" for "Piet Varno" beside "Ana Varno": how the article tells them apart),
 * or null.
 */
export function givenWhereSurnameShared(name: string, others: readonly Entity[]): string | null {
  const words = withoutSuffix(name.trim()).split(/\s+/);
  if (words.length !== 2) return null;
  const [given = '', surname = ''] = words;
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(given)) return null;
  const split = others.map((other) => withoutSuffix(other.name).split(/\s+/));
  // (Not one whose given name is this one spelt a letter off: "Marko Varno" beside "Marco Varno" is one person.)
  const namesake = (w: readonly string[]): boolean => w.length >= 2 && w[w.length - 1] === surname && !(w[0] !== undefined && w[0][0] === given[0] && editDistance(w[0].toLowerCase(), given.toLowerCase()) <= 1);
  if (!split.some(namesake)) return null;
  if (split.some((w) => w[0] === given)) return null;
  return given;
}

/** What writtenSubForms needs to know of the article's other names. */
export interface OtherName {
  name: string;
  forms: readonly string[];
  type: KeyType;
  sure: boolean;
}

/** Small words that join the words of a name into a phrase ("Hall of Fame", "Food and Drug"). */
const CONNECTOR_WORDS = new Set(['of', 'and', 'for', 'the', 'de', 'del', 'la', 'le', 'du', 'von', 'van', '&', 'on', 'in', 'at', 'to', '-', '–', '—']);

/** Whether the article writes `word` standing alone after a word in lower case or a comma: a name, not a sentence's first word. */
function insideSentence(word: string, article: string): boolean {
  return findLiteral(article, word, INSIDE_BEFORE, ALONE_AFTER) !== null;
}

const INSIDE_BEFORE = /(?<=[\p{Ll},;]\s+)/uy;
/** No capitalised word right before, except a word that opens a sentence or a clause ("While Varno was ..."). */
let aloneNotAfterOtherName: RegExp | undefined;
function notAfterOtherName(): RegExp {
  aloneNotAfterOtherName ??= new RegExp(String.raw`(?<![\p{L}\p{N}'’-])(?:(?<!\p{Lu}[\p{L}'’-]*\s)|(?<=(?:^|[\s“"‘(])(?:${[...BEFORE_NAME].join('|')}|Although|Though|Since|Until|Once|Where|Because|Meanwhile|Also)\s))`, 'uy');
  return aloneNotAfterOtherName;
}

/**
 * Round 25: shorter forms of a name of two words or more that the article itself writes standing alone: its
 * last word ("Klopp" for "Jürgen Klopp"), and for a `person` its first and last words ("Ana Varno" for "Ana
 * Maria Varno") and its first two ("Ana Maria" for "Ana Maria Varno", a name before marriage). A last word
 * another name of the article ends in (`others`), or one many names share, is none.
 */
export function aloneForms(name: string, article: string, others: readonly string[], person: boolean): string[] {
  const words = withoutSuffix(name).split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return [];
  const last = words[words.length - 1] ?? '';
  const out: string[] = [];
  // (The surname alone, "Klopp", is the same person written short, not another who shares it.)
  const shared = others.some((other) => other !== last && other.split(/\s+/).pop() === last);
  if (last.length >= 3 && !shared && !isGenericNameWord(last.toLowerCase()) && standsAlone(last, article, { notAfterName: true })) out.push(last);
  // (Of a person only: "Space Shuttle" is no form of "Space Shuttle Kellin".)
  if (person && words.length >= 3) {
    for (const form of [`${words[0]} ${last}`, words.slice(0, 2).join(' ')]) if (standsAlone(form, article, { notAfterName: true })) out.push(form);
  }
  return out;
}

/**
 * "K.V. Foreign Office" -> "Foreign Office", "Kellinese BND" -> "BND": a body's name after a country's
 * initials (two letters, dotted or not) or its people's name.
 */
export function nationalBody(name: string, tagger: NameWords): string | null {
  const one = /^(?:the\s+)?(\p{Lu}\.?\p{Lu}\.?|\p{Lu}\p{Ll}+)\s+(\S.*)$/u.exec(name);
  // (Round 29: also a country of two words, "New Kellinia Congress".)
  const two = /^(?:the\s+)?(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)\s+(\S.*)$/u.exec(name);
  const isNation = (prefix: string): boolean => /^\p{Lu}\.?\p{Lu}\.?$/u.test(prefix) || tagger.lexicon(prefix.toLowerCase()).some((t) => t === 'Demonym' || t === 'Country');
  const m = one !== null && isNation(one[1] ?? '') ? one : two !== null && isNation(two[1] ?? '') ? two : null;
  if (m === null) return null;
  const [, , rest = ''] = m;
  // The rest names the body on its own: initials ("BND"), two words or more with a body's word in them
  // ("Transportation Ministry") or a law's ("Clean Water Act", round 29), or a nation's body in one word
  // ("Congress", "Parliament", round 29); not "Airways" of "British Airways", nor "News International" of
  // "Kellin News International", which may be another's.
  const words = rest.split(/\s+/);
  const body = words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()) || INSTITUTION_WORDS.has(w.toLowerCase())) || SERVICE_HEADS.has((words[words.length - 1] ?? '').toLowerCase());
  const law = words.length >= 2 && LAW_HEADS.has((words[words.length - 1] ?? '').toLowerCase());
  const named = /^\p{Lu}{2,}$/u.test(rest) || (words.length >= 2 && /^\p{Lu}/u.test(rest) && (body || law)) || (words.length === 1 && NATIONAL_BODIES.has(rest.toLowerCase()));
  return named ? rest : null;
}

/** The last word of a law's name ("the Clean Water Act"). */
const LAW_HEADS = new Set(['act', 'acts', 'law', 'code', 'constitution', 'treaty', 'charter', 'amendment']);
/** Round 38: a nation's service named by what it does ("Kellin Frontier Patrol", "Kellin Coast Guard"). */
const SERVICE_HEADS = new Set(['patrol', 'guard', 'marshals', 'rangers']);

/** A nation's body named by one word after the nation ("the Kellinian Parliament" -> "Parliament"). */
const NATIONAL_BODIES = new Set(['congress', 'senate', 'parliament', 'government', 'army', 'navy', 'constitution', 'cabinet', 'legislature']);

/**
 * Words of a company's trade or kind, written after its name ("Osterby Media", "Varno Holdings"); not a body's
 * ("Commission", "Council"), which after a name may be another body of it.
 */
const COMPANY_WORDS = new Set(['media', 'newspaper', 'newspapers', 'group', 'holdings', 'industries', 'publishing', 'publications', 'airlines', 'airways', 'motors', 'entertainment', 'studios', 'records', 'pictures', 'energy', 'pharmaceuticals', 'news', 'company', 'corporation', 'inc', 'inc.', 'corp', 'corp.', 'ltd', 'ltd.', 'llc', 'plc']);

/** One or two capitalised words after a name, and no third. */
const TWO_WORDS_AFTER = /((?:\s+\p{Lu}[\p{L}.]*){1,2})(?![\p{L}\p{N}'’-])(?!\s+\p{Lu})/uy;

/**
 * Round 26: the article's names that are an organisation's name with one or two words of a company's kind
 * after it ("Osterby" -> "Osterby Media", "Osterby Media Group").
 */
export function withCompanyWord(name: string, article: string, land: (word: string) => boolean = () => false): string[] {
  const found = new Set<string>();
  const bare = name.replace(/^the\s+/i, '');
  for (let m = findLiteral(article, bare, ALONE_BEFORE, TWO_WORDS_AFTER); m !== null; m = findLiteral(article, bare, ALONE_BEFORE, TWO_WORDS_AFTER, m.index + bare.length + m.after[0].length)) {
    const tail = (m.after[1] ?? '').trim().split(/\s+/);
    if (tail.every((w) => COMPANY_WORDS.has(w.toLowerCase()))) found.add(`${bare} ${tail.join(' ')}`);
  }
  // Round 29, the other way: "Osterby Airlines" where the article also writes "Osterby" alone.
  const words = bare.split(/\s+/);
  let cut = words.length;
  while (cut > 1 && COMPANY_WORDS.has((words[cut - 1] ?? '').toLowerCase())) cut--;
  const head = words.slice(0, cut).join(' ');
  // (Never a land's name: "Varnia Airlines" is no "Varnia".)
  if (cut < words.length && head.length >= 3 && !land(head) && standsAlone(head, article, { notAfterName: true })) found.add(head);
  return [...found];
}

/** Small words of other languages that join the words of one name ("Medecins sans Frontieres", "Rio de Janeiro"). */
const FOREIGN_PARTICLES = 'sans|des|du|de|del|della|di|da|dos|das|do|y|et|und|von|van|der|la|le';
const PARTICLE_BEFORE = new RegExp(String.raw`(?:^|\s)\p{Lu}[\p{L}'’-]*\s(${FOREIGN_PARTICLES})\s$`, 'u');
const PARTICLE_AFTER = new RegExp(String.raw`^\s(${FOREIGN_PARTICLES})\s\p{Lu}`, 'u');

/** NAME_CONNECTORS written in letters, as a regular expression's alternatives. */
const JOINERS = [...NAME_CONNECTORS].filter((w) => /^\p{L}+$/u.test(w)).join('|');
const ALONE_NOT_BEFORE_PARTICLE = new RegExp(String.raw`(?![\p{L}\p{N}'’-])(?!\s+(?:\p{Lu}|(?:${JOINERS})\s+\p{Lu}))`, 'uy');

/** The leading parts of a long name (three words or more) that the article writes on their own. */
export function shorterWritten(name: string, article: string): string[] {
  const words = name.replace(/^the\s+/i, '').split(/\s+/);
  const out: string[] = [];
  for (let k = 3; k < words.length; k++) {
    const head = words.slice(0, k).join(' ');
    if (!isGenericNameWord((words[k - 1] ?? '').toLowerCase()) && /^\p{Lu}/u.test(words[k - 1] ?? '') && standsAlone(head, article, { notBeforeParticle: true })) out.push(head);
  }
  return out;
}

/** Words that open a sentence or a title before a name, not part of it. */
const BEFORE_NAME = new Set(['The', 'A', 'An', 'But', 'And', 'When', 'After', 'Before', 'In', 'On', 'At', 'As', 'If', 'While', 'Then', 'So', 'For', 'With', 'By']);

/**
 * The fuller names the article writes with a one-word key at their end or start ("Ana Varno" for "Varno",
 * "Ana Varno" for "Ana"), titles and sentence openers left off: two to four capitalised words.
 */
export function fullerNames(word: string, article: string, tagger?: NameWords): string[] {
  const named = (w: string): boolean => tagger === undefined || nameLike(w, tagger);
  if (!named(word)) return [];
  const out = new Set<string>();
  // Round 26: a given name that is also an English word ("Frank Varno", "Rose Varno") is a name where the
  // article writes it right before the key inside a sentence, after a small word or a comma: its capital is
  // not the sentence's.
  const givenInside = (given: string): boolean =>
    /^\p{Lu}\p{Ll}+$/u.test(given) && !isGenericNameWord(given.toLowerCase()) && new RegExp(String.raw`[\p{Ll},;:]\s+${escapeRegExp(given)}\s+${escapeRegExp(word)}(?![\p{L}\p{N}])`, 'u').test(article);
  for (const run of nameRuns(article)) {
    const words = run.split(/\s+/);
    const at = words.indexOf(word);
    if (at < 0) continue;
    const nameWord = (w: string, i: number): boolean => named(w) || (i === at - 1 && givenInside(w));
    // What stands before a title ("Information Minister"), a word that is no name ("Unlike"), a number or the
    // end of a sentence ("Sorvik. Ana Varno": a run of nameRuns may cross one) is left off.
    let from = 0;
    for (let i = 0; i < at; i++) {
      const w = words[i] ?? '';
      if (BEFORE_NAME.has(w) || TITLE_HEADS.has(w.toLowerCase()) || TITLE_MODIFIERS.has(w.toLowerCase()) || SENTENCE_END.test(w) || /^\p{N}/u.test(w) || !nameWord(w, i)) from = i + 1;
    }
    // After the key, a name ends at a sentence's end (kept, without its full stop) or before a number ("Ana
    // Varno 400", a race named after her).
    const stop = words.findIndex((w, i) => i > at && /^\p{N}/u.test(w));
    const end = words.findIndex((w, i) => i >= at && SENTENCE_END.test(w));
    const last = end >= 0 && (stop < 0 || end < stop) ? end + 1 : stop >= 0 ? stop : words.length;
    const name = words.slice(from, last).map((w) => w.replace(SENTENCE_END, '$1'));
    if (name.length < 2 || name.length > 4 || (name[0] !== word && name[name.length - 1] !== word)) continue;
    // "Varno National Bank", "Kellin Sunday": a word that is no name's makes it no person's name.
    if (name.some((w, i) => w !== word && (isGenericNameWord(w.toLowerCase()) || !nameWord(w, from + i)))) continue;
    out.add(name.join(' '));
  }
  return [...out];
}

/** A word that ends a sentence inside a run of capitalised words: a full stop after two small letters ("Sorvik."), not an initial ("G."). */
const SENTENCE_END = /(\p{Ll}{2})\.$/u;

/**
 * An organisation's initials ("National Kellin Service" -> "NKS"), or null: three to five words besides the
 * small ones (ACRONYM_SKIPS), each capitalised. Two words make initials nobody writes ("Harbour Times": "HT").
 */
export function initialsOf(name: string): string | null {
  return wordCapitals(name, /\s+/, 3, 5);
}

/** The first letters of a name's words but its small ones (`split` cuts the words), when it has `min` to `max` words, each capitalised. */
function wordCapitals(name: string, split: RegExp, min: number, max: number): string | null {
  const words = name.replace(/^the\s+/i, '').split(split).filter((w) => w !== '' && !ACRONYM_SKIPS.test(w));
  if (words.length < min || words.length > max || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return null;
  return words.map((w) => w.charAt(0)).join('');
}

/** The capitals of a name's words, hyphens splitting too ("Kellin Broadcasting" -> "KB", "Council on Varno - Kellin Relations" -> "CVKR"), or null. */
function capitalsOf(name: string): string | null {
  return wordCapitals(name, /[\s-]+/, 2, 6);
}

/**
 * Round 40: the other half of a pair of initials and the name they spell, both written by the article: for
 * "KB" the one other name whose words' capitals are K and B, "Kellin Broadcasting"; for "Kellin
 * Broadcasting", the one other name that is "KB". None where two names fit.
 */
export function initialsTwins(answer: string, others: readonly OtherName[]): string[] {
  const bare = answer.trim().replace(/^the\s+/i, '');
  if (/^\p{Lu}{2,6}$/u.test(bare)) {
    const spelled = others.filter((other) => capitalsOf(other.name) === bare);
    return spelled.length === 1 ? [(spelled[0] as OtherName).name] : [];
  }
  const capitals = capitalsOf(bare);
  if (capitals === null) return [];
  const twins = others.filter((other) => other.name === capitals || other.forms.includes(capitals));
  return twins.length === 1 ? [capitals] : [];
}

/** Whether the article writes a title in the plural ("Republican Senators" for "Republican Senator"). */
function pluralRole(role: string, article: string): boolean {
  const bare = role.replace(/^.*[’']s\s+/, '').trim();
  if (bare === '' || /s$/i.test(bare)) return false;
  const form = /(?:wo)?man$/i.test(bare) ? bare.replace(/an$/i, 'en') : /[^aeiou]y$/i.test(bare) ? bare.replace(/y$/i, 'ies') : `${bare}s`;
  return wordFinder(article)(form);
}

/** Words an acronym skips: "Bank of the Harbour" is "BH". */
const ACRONYM_SKIPS = /^(?:of|and|the|for|on|in|to|a|an|&|de|del|della|di|du|des|la|le|y|et|und|für|für)$/i;

/**
 * The run of a text's words whose initials (a number counting whole) spell `acronym` ("Unione 7 Vele" for
 * "U7V", "Movimento 5 Stelle" for "M5S"), or null. Only for an answer written in capitals (two or more
 * letters, digits allowed): names are never acronyms of other words.
 */
export function spelledOutIn(text: string, acronym: string): string | null {
  if (!/^(?=(?:.*\p{Lu}){2})[\p{Lu}\d]{2,8}$/u.test(acronym)) return null;
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|&/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    let built = '';
    const run: string[] = [];
    for (let j = i; j < words.length && built.length < acronym.length; j++) {
      const word = words[j] ?? '';
      if (run.length > 0 && ACRONYM_SKIPS.test(word)) {
        run.push(word);
        continue;
      }
      const piece = /^\d+$/.test(word) ? word : /^\p{Lu}/u.test(word) ? word.charAt(0) : null;
      if (piece === null || word === acronym) break;
      built += piece;
      run.push(word);
      if (!acronym.startsWith(built)) break;
    }
    if (built === acronym && run.length >= 2) return run.join(' ');
  }
  return null;
}

/** The article last searched by spelledOutInArticle, and what it gave for each acronym. */
let spelledArticle: string | null = null;
const spelledInArticle = new Map<string, string | null>();

/**
 * spelledOutIn on the whole article, worked out once per acronym: the article's every word is read for
 * each, and a long article has many keys in capitals.
 */
function spelledOutInArticle(article: string, acronym: string): string | null {
  if (spelledArticle !== article) {
    spelledArticle = article;
    spelledInArticle.clear();
  }
  let found = spelledInArticle.get(acronym);
  if (found === undefined) {
    found = spelledOutIn(article, acronym);
    spelledInArticle.set(acronym, found);
  }
  return found;
}

const LETTER = /^\p{L}$/u;

/**
 * Whether `word` is in `text` with no letter right before or after it (the characters beside it are read
 * whole, a surrogate pair as one).
 */
function writtenAsWord(text: string, word: string): boolean {
  if (word === '') return true;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const pairBefore = at >= 2 && /[\uDC00-\uDFFF]/.test(text.charAt(at - 1)) && /[\uD800-\uDBFF]/.test(text.charAt(at - 2));
    const before = at === 0 ? '' : pairBefore ? text.slice(at - 2, at) : text.charAt(at - 1);
    const end = at + word.length;
    const after = end >= text.length ? '' : String.fromCodePoint(text.codePointAt(end) ?? 0);
    if (!LETTER.test(before) && !LETTER.test(after)) return true;
  }
  return false;
}

/** A capitalised word of the title one letter away from a long name word of the answer, the title holding its other such words, or null. */
function titleMisspelling(answer: string, header: string, type: string): string | null {
  if (['number', 'date', 'time'].includes(type)) return null;
  const long = (text: string): string[] => (text.match(/\p{Lu}[\p{L}'’-]{4,}/gu) ?? []).filter((word) => !isGenericNameWord(word.toLowerCase()));
  const titleWords = long(header);
  const words = long(answer);
  const near = (word: string): string | undefined => titleWords.find((t) => t !== word && Math.abs(t.length - word.length) <= 1 && editDistance(foldName(t), foldName(word)) === 1);
  // Every such word of the answer is in the title, one of them spelt otherwise.
  if (words.length === 0 || !words.every((word) => titleWords.includes(word) || near(word) !== undefined)) return null;
  return words.map(near).find((t) => t !== undefined) ?? null;
}

/**
 * Round 25: a typed question whose accepted answer ("Ebola" for "West African Ebola") the prompt or the deck's
 * title writes gives that answer away, as the key itself would.
 */
function acceptedGiveaway(prompt: string, accept: readonly string[], header: string): string | null {
  const inPrompt = wordFinder(prompt.replace(/_{3,}/g, ' '));
  const inHeader = wordFinder(header);
  for (const form of accept) {
    if (form.length < 3) continue;
    if (inPrompt(form)) return `giveaway: "${form}", an accepted answer, is in the prompt`;
    if (inHeader(form)) return `giveaway: "${form}", an accepted answer, is in the deck's title, which the learner sees`;
  }
  return null;
}

/** Why a prompt gives its answer away (the answer, or another way of writing it, is in it), or null. */
export function giveaway(prompt: string, mention: Mention, answer: string, header = '', people: readonly Entity[] = [], article = ''): string | null {
  const inPrompt = wordFinder(prompt);
  for (const form of [answer, mention.text, ...mention.entity.forms]) {
    if (inPrompt(form)) return `giveaway: the answer "${form}" also appears in the prompt`;
  }
  // "reach _____ by phone, Ada Lund replied ..." for "Ms Lund": a titled surname the prompt shows.
  if (mention.entity.type === 'person') {
    const surname = answer.trim().split(/\s+/).pop() ?? '';
    // "Ana Maria Ruiz" under the title "Ana Ruiz dies": a person the title names by surname, unless someone
    // else of that surname is named before them ("Tomas Ruiz", her brother, under a title on her: the first
    // of a surname is the one the title means; "Ana Ruiz" named first is the same person, not someone else).
    const first = answer.trim().split(/\s+/)[0];
    const shared = people.some((p) => p !== mention.entity && p.name.split(/\s+/).pop() === surname && p.first <= mention.entity.first && p.name.split(/\s+/)[0] !== first);
    if (surname.length >= 3 && /^\p{Lu}/u.test(surname) && /\s/.test(answer.trim()) && !shared && wordFinder(header)(surname)) return `giveaway: the surname "${surname}" of the answer is in the deck's title`;
    if (surname.length >= 3 && /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s/.test(answer.trim())) {
      if (inPrompt(surname)) return `giveaway: the surname "${surname}" of the answer is in the prompt`;
      if (wordFinder(header)(surname)) return `giveaway: the surname "${surname}" of the answer is in the deck's title`;
    }
  }
  // "IE6" under the title "... Internet Explorer 6": the title's words spell the acronym.
  if (/^[A-Z]{2,}\d*$/.test(answer.trim())) {
    const initials = header
      .split(/\s+/)
      .map((word) => (/^\d+$/.test(word) ? word : /^\p{Lu}/u.test(word) ? word.charAt(0) : '|'))
      .join('');
    if (initials.includes(answer.trim())) return `giveaway: the deck's title spells out "${answer.trim()}"`;
  }
  // "Unione 7 Vele won ..., and _____ leader ..." for "UVS": the stem writes out the words the acronym
  // stands for anywhere, not only in brackets beside the blank (rule giveaway).
  const spelt = spelledOutIn(prompt, answer.trim());
  if (spelt !== null) return `giveaway: "${spelt}" in the prompt spell out "${answer.trim()}"`;
  // Round 24: "12.8%" under the title "... food prices soar 12.8 percent": a share written another way.
  const share = /^(\d[\d.,]*)\s*(?:%|percent|per cent)$/i.exec(answer.trim())?.[1];
  if (share !== undefined) {
    const written = new RegExp(`(?<![\\d.,])${escapeRegExp(share)}\\s*(?:%|percent\\b|per cent\\b)`, 'i');
    if (written.test(header)) return `giveaway: the deck's title writes the share "${answer.trim()}" another way`;
    if (written.test(prompt)) return `giveaway: the prompt writes the share "${answer.trim()}" another way`;
  }
  // The deck's title heads every question a learner sees.
  const inHeader = wordFinder(header);
  for (const form of [answer, mention.text, ...mention.entity.forms]) {
    // ("Wi-Fi" is written "WiFi" too.)
    if (inHeader(form) || (form.includes('-') && inHeader(form.replace(/-/g, '')))) return `giveaway: the answer "${form}" is in the deck's title, which the learner sees`;
  }
  // Round 7: "Varno Munich" under the title "Varno beat ...": the name the title opens with (its subject,
  // the one who won or did the headline's action) stands inside the key, so the title gives it away too.
  // (A person the title names by surname is the surname rule above's: a relative of that surname stays.)
  const subject = titleSubject(header);
  if (subject !== null && !['number', 'date', 'time', 'person'].includes(mention.entity.type) && /\s/.test(answer.trim()) && wordFinder(answer)(subject)) return `giveaway: the deck's title opens with "${subject}", a shorter form of the answer "${answer.trim()}"`;
  // "the last Hapsburg heir born during the _____" for "Hapsburg Empire": a word that tells the name from
  // others is in the prompt or the title.
  if (mention.entity.type !== 'person' && /\s/.test(answer.trim())) {
    const words = distinctiveWords(answer, isGenericNameWord);
    // ("Wi-Fi" is written "WiFi" too.)
    const written = (text: string) => (word: string): boolean => writtenAsWord(text, word) || (word.includes('-') && writtenAsWord(text, word.replace(/-/g, '')));
    if (words.length > 0 && words.every(written(prompt))) return `giveaway: "${words.join(' ')}" of the answer "${answer}" is in the prompt`;
    if (words.length > 0 && words.every(written(header))) return `giveaway: "${words.join(' ')}" of the answer "${answer}" is in the deck's title`;
  }
  // Round 14: "a life sentence" under the title "... given life term", "Tropical Cyclone Osterby" under
  // "Osterby nears ...": a word of the key that tells it (a content word, or a number the title shows) is in
  // the title, which gives the key away in part or in other words.
  const sharedWord = titleSharedWord(answer, header, mention.entity.type, article);
  if (sharedWord !== null) return `giveaway: "${sharedWord}" of the answer "${answer.trim()}" is in the deck's title`;
  // "Afghan Ambassador ... progress in _____" for "Afghanistan": a word of the prompt spells the answer
  // ("Parks" of "National Parks" is only the plural of "Park Service"'s first word, and spells nothing).
  if (mention.entity.type === 'place' || mention.entity.type === 'organisation' || mention.entity.type === 'other') {
    const head = answer.replace(/^the /i, '').split(/\s+/)[0] ?? '';
    if (head.length >= 4) {
      const stem = head.slice(0, Math.min(4, head.length - 1)).toLowerCase();
      const spelling = (text: string): string | undefined => (text.match(/\p{Lu}\p{Ll}+/gu) ?? []).find((word) => word.toLowerCase().startsWith(stem) && word !== head && !(word === `${head}s` && /\s/.test(answer.trim())));
      const near = spelling(prompt);
      if (near !== undefined) return `giveaway: "${near}" in the prompt spells the answer "${answer}"`;
      const title = spelling(header);
      if (title !== undefined) return `giveaway: "${title}" in the deck's title spells the answer "${answer}"`;
    }
  }
  const type = mention.entity.type;
  // Round 17: "_____, manager of A Berg Productions" -> "Ana Berg": the surname stands in the prompt, in
  // another name.
  if (type === 'person') {
    const surname = answer.trim().split(/\s+/).pop() ?? '';
    const inName = (at: number): boolean => at >= 0 && !/\p{L}/u.test(prompt.charAt(at - 1)) && /^ \p{Lu}/u.test(prompt.slice(at + surname.length, at + surname.length + 2));
    for (let at = prompt.indexOf(surname); surname.length >= 3 && /\s/.test(answer.trim()) && at >= 0; at = prompt.indexOf(surname, at + 1)) {
      if (inName(at)) return `giveaway: the surname "${surname}" of the answer is in another name in the prompt`;
    }
  }
  // Round 17: "the _____ government" -> "Sri Lankan" under "... in Sri Lanka", "the _____" -> "Olympic
  // Games" beside "the Olympics": a word of the key written another way (a nationality, a plural) in the
  // title or the prompt gives it away. (A person the finder is sure of is left to the surname rules.)
  if (type !== 'number' && type !== 'date' && type !== 'time' && !(type === 'person' && mention.entity.sure)) {
    for (const [where, text] of [['prompt', prompt], ["deck's title", header]] as const) {
      const form = otherForm(answer, text, where === 'prompt');
      if (form !== null) return `giveaway: "${form.seen}" in the ${where} is "${form.word}" of the answer written another way`;
    }
  }
  // Round 18: "Kellinor" under the title "... on Cyclone Kelinor": a name the title spells a letter otherwise
  // (after the rule above, which judges other forms of a word).
  const misspelt = titleMisspelling(answer, header, mention.entity.type);
  if (misspelt !== null) return `giveaway: the deck's title writes "${misspelt}", the answer spelt a letter otherwise`;
  // "the 2008 _____ in Kellin" -> "Summer Olympics" under "... Kellin Olympics": the title names the
  // event, and the key adds only its season or year.
  const keyWords = answer.replace(/^the\s+/i, '').trim().split(/\s+/);
  const head = keyWords.at(-1) ?? '';
  if (type !== 'person' && keyWords.length >= 2 && EVENT_HEADS.has(head.toLowerCase()) && keyWords.slice(0, -1).every((w) => SEASON_OR_YEAR.test(w)) && writtenAsWord(header, head)) {
    return `giveaway: the deck's title names the "${head}" of the answer "${answer.trim()}"`;
  }
  return null;
}

const SEASON_OR_YEAR = /^(?:Summer|Winter|Spring|Autumn|\d{4})$/;

/**
 * A capitalised word of `text` that is the word telling the key, written another way, or null. The word
 * that tells a key is its first of four letters or more that is no generic name word ("Lankan" of "Sri
 * Lankan", "Olympic" of "Olympic Games"; "Harbour" of "Harbour Varno", whose "Varno" tells nothing of
 * it). The two share all but the last letter of the shorter, four letters at least, and differ
 * in length by three letters at most ("Lanka" / "Lankan", "Olympics" / "Olympic"; not "Mars" / "Marseille").
 */
function otherForm(answer: string, text: string, lowerToo = false): { seen: string; word: string } | null {
  const word = answer
    .split(/[\s/–—-]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/, ''))
    .find((w) => w.length >= 4 && !isGenericNameWord(w.toLowerCase()));
  if (word === undefined || !/^\p{Lu}\p{Ll}+$/u.test(word)) return null;
  for (const seen of new Set(text.match(/\p{Lu}\p{Ll}{3,}/gu) ?? [])) if (anotherWay(seen, word, 4) || ADJECTIVE_OF.get(seen) === word) return { seen, word };
  // Round 17: "the _____ attacks ... the kellinome lytic factor" for "Kellinoma": a word of the prompt
  // in lower case spells a long key word too (eight letters shared at least: "athlete" spells no "Athletics").
  if (!lowerToo) return null;
  for (const seen of new Set(text.match(/(?<![\p{L}])\p{Ll}{8,}/gu) ?? [])) if (anotherWay(seen, word.toLowerCase(), 8)) return { seen, word };
  return null;
}

/** Two words, one written another way: all but the last letter of the shorter shared (`least` at least), and at most three letters more. */
function anotherWay(seen: string, word: string, least: number): boolean {
  if (seen === word || Math.abs(seen.length - word.length) > 3) return false;
  let shared = 0;
  while (shared < seen.length && shared < word.length && seen[shared] === word[shared]) shared++;
  return shared >= Math.max(least, Math.min(seen.length, word.length) - 1);
}

/** Words too common to tell a key from others, whatever the title says. */
const TITLE_STOP_WORDS = new Set(
  `about above after again against also among been before being below between both could does down during each
  from further have having here into just like made make many more most much must only other over same should
  some such than that their them then there these they this those through under until very were what when
  where which while will with within would year years people percent time times week weeks month months day
  days first last next said says news report reports`.split(/\s+/),
);
const CALENDAR_WORDS = new Set([...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()));

/**
 * A word of the key that tells it and that the deck's title shows, or null (rule giveaway, round 14): for a
 * value (a number, a date, a time) only a figure the title also shows ("2008" of "March 2008" under "...
 * in 2008"); for a person, none (the surname rules above); else a capitalised word of three letters or more
 * that many names do not share and no other name of the article holds ("Varno" of "Varno Munich"), or,
 * for a key with no capitalised word, a lower-case content word of four letters or more ("life" of "a life
 * sentence" under "... life term"), a plural "s" aside. Month and weekday names are no such word.
 */
export function titleSharedWord(answer: string, header: string, type: string, article = ''): string | null {
  if (header.trim() === '' || type === 'person') return null;
  const isValue = type === 'number' || type === 'date' || type === 'time';
  const headerWords = new Set(
    header
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '')
      .flatMap((w) => (/\p{L}s$/u.test(w) ? [w, w.slice(0, -1)] : [w])),
  );
  // A name's own words tell it; the lower-case words of a name ("of", "for") do not.
  const named = /\p{Lu}/u.test(answer.replace(/^the\s+/i, '').replace(/\d/g, ''));
  let firstDistinctive = true;
  // "Shuttle" of "Space Shuttle Columbia" under "... of the Space Shuttle": a word another name of the
  // article holds too ("Space Shuttle Discovery") tells this key from none of them.
  // A run that holds the key itself ("Saturday Kestrel Rovers") counts only for its other words.
  const key = answer.replace(/^the\s+/i, '').trim();
  const inAnswer = wordFinder(answer);
  const namedElsewhere = (word: string): boolean => nameRuns(article).some((run) => writtenAsWord(run.split(key).join(' | '), word) && !inAnswer(run));
  for (const raw of answer.replace(/^the\s+/i, '').split(/[\s/–—-]+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/, '');
    if (word === '') continue;
    const lower = word.toLowerCase();
    if (/^\d[\d,.]*$/.test(word)) {
      if (isValue && headerWords.has(lower)) return word;
      continue;
    }
    if (isValue || !/^\p{L}[\p{L}'’.]*$/u.test(word) || CALENDAR_WORDS.has(lower)) continue;
    const capitalised = /^\p{Lu}/u.test(word);
    if (capitalised ? word.length < 3 || isGenericNameWord(lower) : named || word.length < 4 || TITLE_STOP_WORDS.has(lower) || isGenericNameWord(lower)) continue;
    // A name is told by its first word that tells it ("Varno" of "Varno Munich", "Osterby" of "Cyclone
    // Osterby"); a later word ("Girls" of "Brighter Future of Kellin Girls") is no short form of it.
    if (capitalised) {
      if (firstDistinctive) {
        firstDistinctive = false;
        if (writtenAsWord(header, word)) return namedElsewhere(word) ? null : word;
      }
      continue;
    }
    const singular = /\p{L}s$/u.test(lower) ? lower.slice(0, -1) : lower;
    if (!headerWords.has(lower) && !headerWords.has(singular)) continue;
    return word;
  }
  return null;
}

let runsOf: { article: string; runs: string[] } = { article: '', runs: [] };
/** An article's runs of capitalised words and figures (its names, roughly), a leading function word left out. */
function nameRuns(article: string): string[] {
  if (runsOf.article !== article) {
    const runs = (article.match(/(?:\p{Lu}[\p{L}\p{N}'’.&-]*|\p{N}+)(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}'’.&-]*|\p{N}+))*/gu) ?? [])
      .map((run) => run.replace(/^(?:The|A|An|In|On|At|Of|For|And|But|After|Before|When|While|As|By|From|To|With)\s+/, '').replace(/['’]s$|[.]$/, ''))
      .filter((run) => run !== '');
    runsOf = { article, runs: [...new Set(runs)] };
  }
  return runsOf.runs;
}

/**
 * The name a headline opens with ("Varno" of "Varno beat Kellin in the Cup"): its capitalised words
 * before the first lower-case word, when one of them tells a name (no generic name word alone), else null.
 */
export function titleSubject(header: string): string | null {
  // Round 20: "Kellin Bowl XII: Varno defeat Sorvik": a label before a colon is no subject; the one after is.
  const labelled = /^[^:]{1,40}:\s+(\S.*)$/u.exec(header.trim())?.[1];
  const words = (labelled !== undefined && labelled.split(/\s+/).length >= 3 ? labelled : header.trim()).replace(/^(?:The|A)\s+/, '').split(/\s+/);
  const run: string[] = [];
  for (const word of words) {
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(word)) break;
    run.push(word.replace(/['’]s$/, ''));
  }
  // A headline in title case has no lower-case word to end its subject: no subject is read from it.
  if (run.length === 0 || run.length === words.length || run.length > 3) return null;
  if (!run.some((w) => w.length >= 3 && !isGenericNameWord(w))) return null;
  return run.join(' ');
}

/** Where the "the" before a mention starts, when the clause has one right before it. */
function theBefore(clause: Clause, mention: Mention): number | null {
  const index = clause.tokens.findIndex((t) => t.start === mention.outerStart);
  const the = clause.tokens[index - 1];
  return the !== undefined && the.lower === 'the' ? the.start : null;
}

/** A sentence shown inside a prompt: in quotation marks, unless it has its own. */
function quoted(sentence: string): string {
  return /[“”"]/.test(sentence) ? sentence : `“${sentence}”`;
}

function considered(kind: QuestionKind, fact: FactDraft, text: string, answer: string, draft: QuestionDraft | null, dropped: string | null, entity: Entity | null = draft?.entity ?? null): Considered {
  return { kind, fact, text, answer, draft, dropped, entity };
}

function lazily(kind: QuestionKind, fact: FactDraft, text: string, answer: string, entity: Entity | null, lazy: () => Drafted, entities?: Entity[]): Considered {
  return { kind, fact, text, answer, draft: null, dropped: null, entity, lazy, ...(entities === undefined ? {} : { entities }) };
}

/** The clause with its rewrites, as wh-questions cut it: resolved pronouns read as what they stand for. */
function sourceOf(clause: Clause, article: string): Source {
  if (clause.rewrites.length === 0) return article;
  return {
    slice(start: number, end: number): string {
      const edits = clause.rewrites.filter((r) => r.start >= start && r.end <= end);
      if (edits.length === 0) return article.slice(start, end);
      let out = '';
      let at = start;
      for (const edit of edits) {
        out += article.slice(at, edit.start) + edit.text;
        at = edit.end;
      }
      return out + article.slice(at, end);
    },
  };
}

/** The span a key's blank covers: a city with its state ("Pensacola, Fla.") goes whole. */
function blankSpan(mention: Mention): { start: number; end: number } {
  return { start: mention.start, end: mention.end };
}

/** Computes once, when first asked. */
function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return (): T => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

/**
 * The questions on one key of a clause: cloze, short answer (when a wh-question fits) and choice. Each is
 * drafted only when the selection asks for it; what they share (the blanked clause, the wh-question) is
 * worked out once.
 */
/** A month or a weekday, written whole or short ("Sept", "Oct"). */
const MONTH_OR_DAY = new RegExp(`^(?:${[...MONTHS, ...WEEKDAYS].join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$`);

/**
 * Why a name, blanked, would be cut from the rest of it, or null: "Quorvo" of "Quorvo.net", "West
 * Nile" of "West Nile fever virus (WNFV)", one half of "... Records System and Archive System" (two
 * runs with the same last word joined by "and", or a run with "and" on both sides), "Dakota State
 * College of the UK" (a name run into "of the" and a country's initials).
 */
export function cutName(mention: Mention, article: string, mentions: readonly Mention[] = [], lexiconVerb?: (word: string) => boolean, englishWord?: (word: string) => boolean): string | null {
  const { entity } = mention;
  if (mention.pronoun === true) return null;
  const text = article.slice(mention.start, mention.end);
  const after = article.slice(mention.end, mention.end + 60);
  const before = article.slice(Math.max(0, mention.start - 60), mention.start);
  // Round 25: "May" of "Mayor": a month read inside a longer word is cut from it.
  if (entity.type === 'date' || entity.type === 'time') return /^\p{L}/u.test(after) || /\p{L}$/u.test(before) ? `cut: "${text}" runs on into the next characters` : null;
  // "Zenith 80", "Route 66": a number right after a capitalised word (not a month or a day) is part of a name.
  if (entity.type === 'number') {
    const word = /^\d+$/.test(text) ? /(\p{Lu}[\p{L}]+)\s$/u.exec(before)?.[1] : undefined;
    const opensSentence = word !== undefined && /(?:^|[.!?]["”]?)\s*$/.test(before.slice(0, before.length - word.length - 1));
    if (word !== undefined && !opensSentence && !MONTH_OR_DAY.test(word)) return `cut: "${text}" is part of the name "${word} ${text}"`;
    return null;
  }
  if (/^(?:\.[\p{L}\p{N}]|[\p{L}\p{N}])/u.test(after) || /[\p{L}\p{N}]$/u.test(before)) return `cut: "${text}" runs on into the next characters`;
  // Round 24: "a KD$20,000 prize": letters written onto a currency sign name the currency, not a place.
  if (/^\p{Sc}/u.test(after)) return `cut: "${text}" is part of the currency "${text}${after.charAt(0)}"`;
  // Round 24: "the Kellin Foreign Office Minister Ana Varno": a body before a title and a name is part of the
  // title, which a blank would cut.
  const titleAfter = /^\s+(\p{Lu}[\p{L}.-]*)\s+\p{Lu}/u.exec(after)?.[1];
  if (entity.type === 'organisation' && titleAfter !== undefined && TITLE_HEADS.has(titleAfter.toLowerCase())) return `cut: "${text}" is part of the title "${text} ${titleAfter}"`;
  // Round 24: "including Varnovians Piet Lindqvist and ...": the people of a place, glued to a name.
  const group = /^(\p{Lu}\p{L}+)\s+\p{Lu}\S*\s+\p{Lu}/u.exec(text)?.[1];
  if (group !== undefined && PLURAL_DEMONYM.test(group)) return `cut: "${group}" names a group of people, glued to the name after it`;
  // Round 24: "Medecins sans _____", "Rio de _____": a name's lower-case particle between capitals joins one
  // name, cut at the particle.
  const particleBefore = PARTICLE_BEFORE.exec(before)?.[1];
  if (particleBefore !== undefined && /^\p{Lu}/u.test(text)) return `cut: "${text}" ends a name joined by "${particleBefore}"`;
  const particleAfter = PARTICLE_AFTER.exec(after)?.[1];
  if (particleAfter !== undefined && entity.type !== 'person') return `cut: "${text}" starts a name joined by "${particleAfter}"`;
  // "the P5+1 group": a name goes on after a plus sign.
  if (/^\+[\p{L}\p{N}]/u.test(after)) return `cut: "${text}" runs on into "+${after.slice(1).split(/\s/)[0] ?? ''}"`;
  // "threatened 'Boro, but": a word shortened with an apostrophe is cut at it, unless the mark closes after it.
  if (/(?:^|\s)['’]$/u.test(before) && !/^['’]/u.test(after)) return `cut: "${text}" is the rest of a word shortened with an apostrophe`;
  const acronym = /^((?:\s+[\p{L}'’-]+){1,4})\s*\((\p{Lu}{2,8})\)/u.exec(after);
  if (acronym !== null) {
    const initials = (words: string): string =>
      words
        .split(/\s+/)
        .filter((w) => w !== '' && !['of', 'and', 'the', 'for', 'on', 'in'].includes(w.toLowerCase()))
        .map((w) => w.charAt(0).toUpperCase())
        .join('');
    const own = initials(text);
    if (initials(`${text} ${acronym[1] ?? ''}`) === acronym[2] && own !== acronym[2]) return `cut: "${text}" is only the start of the name that "(${acronym[2] ?? ''})" abbreviates`;
  }
  // Round 17: "Varno – Kellin Airport" (an airport named for two places, its dash spaced or not): a key on
  // either side of the dash is cut.
  const dashedAfter = /^\s?[–—-]\s?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/u.exec(after)?.[1];
  const dashedBefore = /(?:^|\s)\p{Lu}[\p{L}'’-]*\s?[–—-]\s?$/u.test(before);
  const headed = (run: string): boolean => run.split(/\s+/).slice(1).some((word) => PLACE_WORDS.has(word.toLowerCase()));
  if ((dashedAfter !== undefined && !/\s/.test(text.trim()) && headed(dashedAfter)) || (dashedBefore && headed(text.trim()))) {
    return `cut: "${text}" is one side of a name joined by a dash`;
  }
  // Round 17: "the Kellin Gay Men's Chorus", "the Workers' Party", "the People's Trade Treaty": a group of
  // people in the possessive, written with a capital, is inside a name, not its owner; a key is cut at it.
  if (entity.type !== 'person') {
    const groupBefore = GROUP_POSSESSIVE_BEFORE.test(before);
    const groupEnds = GROUP_POSSESSIVE_ENDS.test(text) && /^(?:['’]s|['’])\s+\p{Lu}/u.test(after);
    if (groupBefore || groupEnds) return `cut: "${text}" is part of a name with a group's possessive in it`;
    // "Varno & Kellin's provided ice cream", "Osterby's said": a name ending in "'s" (a firm's), its verb
    // right after it. (After any other name, "-ed" is as often a participle: "Varno's perceived lack".)
    const next = /^['’]s\s+(\p{Ll}+)/u.exec(after)?.[1];
    if (next !== undefined && (/^(?:is|was|has|had|will|would|said|says)$/.test(next) || (text.includes('&') && next.endsWith('ed') && lexiconVerb?.(next) === true))) return `cut: "${text}'s" is the name, and "${next}" its verb`;
  }
  // Round 23: "under Piet Lindqvist Tomas Sorvik": two names of two words or more run together, the first
  // one the article writes elsewhere on its own ("Piet Lindqvist, Ana Osterby and ..."), are two people.
  // Every word capitalised, and none an English word or one many names share ("Kellin States Senate
  // Committee", "Kellin United Football Club" are one name each).
  const names = text.trim().split(/\s+/);
  const personal = (w: string): boolean => (/^\p{Lu}/u.test(w) || /^(?:al|el|ad|as|an|ibn|bin|abu)-\p{Lu}/u.test(w)) && !isGenericNameWord(w.toLowerCase()) && englishWord?.(w.toLowerCase()) === false;
  if (names.length >= 4 && names.every(personal)) {
    for (let k = 2; k <= names.length - 2; k++) {
      const head = names.slice(0, k).join(' ');
      if (standsAlone(head, article)) return `cut: "${text}" runs "${head}", named alone elsewhere, into the next name`;
    }
  }
  // Round 23: "a Democrat on the Senate Judiciary committee": a title or a party, a small word, then a body is
  // a role glued to the body it serves, and the body's name may go on in lower case after it.
  const role = /^(\p{Lu}[\p{L}.-]*)\s+(?:on|of|for|in|at|to|with)\s/u.exec(text)?.[1];
  const runsOn = /^\s+(?:committee|subcommittee|council|commission|board|panel|department|caucus|delegation)\b/.test(after);
  if (role !== undefined && entity.type !== 'person' && TITLE_HEADS.has(role.toLowerCase()) && (/^(?:Democrat|Republican)$/.test(role) || runsOn)) return `cut: "${text}" glues the role "${role}" to the body it serves`;
  // Round 17: "Kellin Loan Servicing, LLC": a firm's legal form after a comma is part of its name.
  if (LEGAL_FORM_AFTER_COMMA.test(after)) return `cut: "${text}" goes on into its legal form "${after.split(',')[1]?.trim().split(/\s+/)[0] ?? ''}"`;
  if (/\p{Lu}[\p{L}'’-]*,\s+$/u.test(before) && LEGAL_FORM_FIRST.test(text.trim())) return `cut: "${text}" starts with the legal form of the name before it`;
  // Round 17: "Had KVAS not activated, ...": a name does not start with an auxiliary verb.
  const auxiliary = /^(?:Had|Has|Have|Was|Were|Is|Are|Did|Does|Do|Would|Could|Should|Will|Can|May|Might|Must)\s+\S/u.exec(text);
  if (auxiliary !== null && entity.type !== 'person') return `cut: "${text}" starts with a verb`;
  // "Yesterday Ada received ...": a name does not start with a word of time.
  const opening = /^(\p{Lu}\p{Ll}+)\s+\S/u.exec(text)?.[1];
  if (opening !== undefined && !(entity.type === 'person' && /^(?:April|May|June|August)$/.test(opening)) && (MONTH_OR_DAY.test(opening) || /^(?:Yesterday|Today|Tomorrow|Tonight|Overnight|Earlier|Later|Meanwhile)$/.test(opening))) return `cut: "${text}" starts with "${opening}", a word of time, not of the name`;
  // "Pushing TV makers ...": a name does not start with a verb's "-ing" form.
  const first = /^\p{Lu}\p{Ll}+ing\b/u.exec(text)?.[0];
  if (first !== undefined && lexiconVerb !== undefined && lexiconVerb(first.toLowerCase())) return `cut: "${text}" starts with a verb`;
  // "Zenith 80 launch": a name followed by a number goes on into it.
  // "HD 482011b", "NGC 1300": a catalogue's letters and the number after them are one designation.
  if (/^ \d+(?:(?!st\b|nd\b|rd\b|th\b)[a-z]{1,2})?\b(?![.,]\d|\s*(?:percent|per cent|%|million|billion|people|years?|days?))/.test(after)) return `cut: "${text}" runs on into the number after it`;
  if (entity.type !== 'person') {
    const lastWord = (run: string): string => (run.trim().split(/\s+/).pop() ?? '').toLowerCase();
    const own = lastWord(text);
    const runAfter = /^\s+and\s+((?:\p{Lu}[\p{L}'’-]*\s?)+)/u.exec(after)?.[1];
    const runBefore = /((?:\p{Lu}[\p{L}'’-]*\s)+)and\s+$/u.exec(before)?.[1];
    if ((runAfter !== undefined && lastWord(runAfter) === own) || (runBefore !== undefined && lastWord(runBefore) === own) || (runAfter !== undefined && runBefore !== undefined)) {
      return `cut: "${text}" is joined by "and" to a run of the same name`;
    }
    // "A Office and B Unit and C Service" with no commas: one name with "and" in it, not a list.
    if (/^\s+and\s+(?:\p{Lu}[\p{L}'’-]*\s)+and\s+\p{Lu}/u.test(after)) return `cut: "${text}" is the start of a name with "and" in it`;
    // "Pine Ridge Search and Rescue": one capitalised word after "and" that is no sure name itself.
    if (runAfter !== undefined && !/\s\S/.test(runAfter.trim()) && /\s/.test(text.trim())) {
      const at = mention.end + after.indexOf(runAfter);
      const own_ = mentions.find((m) => m.start === at);
      if (own_ === undefined || !own_.entity.sure) return `cut: "${text}" and "${runAfter.trim()}" are one name`;
    }
    // Round 16: "Occupational Safety and Health Inspectorate", "Search and Rescue", "Computer and _____
    // conference": everyday English words written with capitals on both sides of "and" are one name.
    const everyday = (run: string, plurals = false): boolean => {
      const words = run.split(/[\s-]+/).filter((w) => w !== '');
      const known = (word: string): boolean => englishWord !== undefined && (englishWord(word) || (plurals && /s$/.test(word) && (englishWord(word.slice(0, -1)) || englishWord(word.replace(/es$/, '')))));
      // ("the Northern Alliance and Western Union": a name that opens with a generic word is a name of its own.)
      return words.length > 0 && englishWord !== undefined && !GENERIC_NAME_WORDS.has((words[0] ?? '').toLowerCase()) && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && known(w.toLowerCase()));
    };
    if (((runAfter !== undefined && everyday(runAfter)) || (runBefore !== undefined && everyday(runBefore))) && everyday(text.replace(/^the\s+/i, ''))) {
      return `cut: "${text}" and the everyday words joined to it by "and" are one name`;
    }
    // Round 23: "Letters from the Shore", "the Protection of Children from _____": everyday words written
    // with capitals on both sides of "of", "from" or "for" are one title (a book's, a law's), cut at the
    // joining word; not after a capital that only opens the sentence ("Officials from the _____").
    const joinedAfter = /^\s+(?:of|from|for)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s?)+)/u.exec(after)?.[1];
    const joinedBefore = /(?<=(\S)\s+)((?:\p{Lu}[\p{L}'’-]*\s)+)(?:of|from|for)\s+(?:the\s+)?$/u.exec(before);
    const runBeforeJoin = joinedBefore !== null && !/[.!?"”’]/.test(joinedBefore[1] ?? '') ? joinedBefore[2] : undefined;
    // ("a degree in _____ from the University of Kellin": a body named after the key is a name of its own.)
    const bodyWord = (joinedAfter?.trim().split(/\s+/)[0] ?? '').toLowerCase();
    const body = INSTITUTION_WORDS.has(bodyWord) || ORGANISATION_WORDS.has(bodyWord);
    const joined = [body ? undefined : joinedAfter, runBeforeJoin].find((run) => run !== undefined && everyday(run.trim(), true));
    const bareKey = text.replace(/^the\s+/i, '').trim();
    const lawTail = /^(?:\p{Lu}[\p{L}'’-]*\s)+(?:Act|Code|Law|Bill|Treaty|Convention)$/u.test(bareKey);
    if (joined !== undefined && (everyday(bareKey, true) || lawTail)) {
      return `cut: "${text}" and "${joined.trim()}" are one title, joined by "of", "from" or "for"`;
    }
    // Round 17: "the _____ and Sorvik Islands", "the Varno and _____": two names sharing one plural head
    // ("Islands", "Mountains", "Provinces") are one name, cut at its "and".
    const sharedHead = (run: string): boolean => {
      const words = run.trim().split(/\s+/);
      const head = (words.at(-1) ?? '').toLowerCase();
      return words.length === 2 && /\p{L}s$/u.test(head) && (PLACE_WORDS.has(head) || PLACE_WORDS.has(head.slice(0, -1))) && !isGenericNameWord((words[0] ?? '').toLowerCase());
    };
    const bare = text.replace(/^the\s+/i, '').trim();
    if (runAfter !== undefined && sharedHead(runAfter) && !/\s/.test(bare) && !PLACE_WORDS.has(bare.toLowerCase())) return `cut: "${text} and ${runAfter.trim()}" is one name`;
    const oneBefore = /(?:^|[\s(“"])(\p{Lu}[\p{L}'’-]*) and $/u.exec(before)?.[1];
    if (oneBefore !== undefined && sharedHead(bare) && !isGenericNameWord(oneBefore.toLowerCase())) return `cut: "${oneBefore} and ${text}" is one name`;
    // Round 15: "Pride and _____": one capitalised word, "and", one more, neither a name the finder is sure
    // of, is one title ("Pride and Prejudice", "War and Peace").
    const wordBefore = /(?:^|[\s(“"])(\p{Lu}[\p{L}'’-]*) and $/u.exec(before)?.[1];
    if (wordBefore !== undefined && !/\s/.test(text.trim()) && !entity.sure) {
      const at = mention.outerStart - ` and `.length - wordBefore.length;
      const own_ = mentions.find((m) => m.start === at);
      if (own_ === undefined || !own_.entity.sure) return `cut: "${wordBefore} and ${text}" is one name`;
    }
    if (/\bof the (?:U\.?S\.?|U\.?K\.?|UAE|EU)$/.test(text)) return `cut: "${text}" runs a name into the country it is in`;
  }
  return null;
}

/** Groups of people whose possessive, capitalised, belongs to a name ("Women's Hospital", "Workers' Party"). */
const GROUP_POSSESSIVES = 'Men|Women|Children|People|Peoples|Workers|Veterans|Farmers|Teachers|Nurses|Girls|Boys|Ladies|Gentlemen|Mothers|Fathers|Students|Citizens|Families|Soldiers|Sailors|Seamen|Miners|Writers|Artists|Players|Pensioners|Lawyers|Doctors';
const GROUP_POSSESSIVE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${GROUP_POSSESSIVES})(?:['’]s|s?['’])\\s$`, 'u');
const GROUP_POSSESSIVE_ENDS = new RegExp(`(?:^|\\s)(?:${GROUP_POSSESSIVES})$`, 'u');

/** "the height of the Empire": a one-word answer the lexicon knows only as a common word names nothing to learn. */
function commonWordAnswer(answer: string, entity: Entity, tagger: Tagger): string | null {
  // "Much like the _____ is to the Earth": the Sun, the Moon and the Earth are known to every reader, so the
  // words around the blank give them away (rule trivial).
  if (/^(?:the\s+)?(?:Sun|Moon|Earth)$/i.test(answer.trim())) return `trivial: "${answer.trim()}" is known to every reader; the words around the blank give it away`;
  // Places are left alone: many towns are common words too ("Mobile", "Reading").
  if (entity.type === 'person' || entity.type === 'place' || entity.type === 'number' || entity.type === 'date' || entity.type === 'time') return null;
  const word = answer.replace(/^the /i, '');
  if (/\s/.test(word) || !/^\p{Lu}\p{Ll}+$/u.test(word)) return null;
  const tags = tagger.lexicon(word.toLowerCase());
  if (tags.length === 0 || tags.some((t) => t === 'ProperNoun' || t === 'Person' || t === 'Place' || t === 'Organization' || t === 'Country' || t === 'City' || t === 'Region' || t.endsWith('Name'))) return null;
  return `trivial: "${word}" is a common word, not a name to learn`;
}

/** "Italy in November, back home in December, Mexico in January": a date among three or more is given away by its neighbours. */
function datesInSequence(mention: Mention, clause: Clause): string | null {
  if (mention.pronoun === true) return null;
  const dates = new Set(clause.mentions.filter((m) => m.entity.type === 'date' && m.pronoun !== true).map((m) => m.entity));
  // Four dates or more: a schedule, each stop of it trivia.
  if (dates.size >= 4) return `trivia: one item of a schedule of ${dates.size} dates`;
  if (mention.entity.type !== 'date') return null;
  return dates.size >= 3 ? `trivial: one of ${dates.size} dates in a row, which its neighbours give away` : null;
}

/** "one or two", "two or three": a rough pair whose other half gives the number away. */
function roughPair(mention: Mention, article: string): string | null {
  if (mention.entity.type !== 'number' || mention.pronoun === true) return null;
  const count = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)`;
  const before = article.slice(Math.max(0, mention.start - 12), mention.start);
  const after = article.slice(mention.end, mention.end + 12);
  if (new RegExp(`\\b${count} or $`, 'i').test(before) || new RegExp(`^ or ${count}\\b`, 'i').test(after)) return 'trivial: one half of a rough pair ("one or two")';
  return null;
}

/**
 * A value and up to two unit words, then an open bracket: "about 10 meters (", "5 km (". Round 15: the value may
 * be written in words ("about ten miles (").
 */
const VALUE_BEFORE_BRACKET = /(?:\d[\p{L}%.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)(?=\s))(?:\s+[\p{L}.]+){0,2}\s*\(\s*(?:about |some |around |roughly |nearly )?$/iu;

/** A score as a report writes it: "62-45", "24–10". */
const SCORE = /\b\d{1,3}\s?[-–]\s?\d{1,3}\b/g;

/**
 * Round 15: "Ostra won handily, _____." in a report of several games: a score whose clause names neither
 * the game nor both sides could be any of the article's scores.
 */
function unplacedScore(mention: Mention, clause: Clause, article: string): string | null {
  if (mention.entity.type !== 'number' || !/^\d{1,3}\s?[-–]\s?\d{1,3}$/.test(mention.text)) return null;
  const scores = new Set([...article.matchAll(SCORE)].map((m) => m[0].replace(/\s/g, '').replace('–', '-')));
  if (scores.size < 3) return null;
  if (/\b(?:game|match|final|semi-?final|quarter-?final|round|leg|fixture|tie)\b/i.test(clause.text)) return null;
  const sides = new Set(clause.mentions.filter((m) => m !== mention && (m.entity.type === 'place' || m.entity.type === 'organisation')).map((m) => m.entity));
  return sides.size >= 2 ? null : `ambiguous: "${mention.text}" is one of ${scores.size} scores in the article, and its sentence names neither the game nor both sides`;
}

/** Round 15: "a call routed through 911", "dialled 999": an emergency number is known to everyone, no fact to learn. */
function emergencyNumber(mention: Mention, article: string): string | null {
  if (mention.entity.type !== 'number' || !/^(?:911|999|112|000|111)$/.test(mention.text)) return null;
  const before = article.slice(Math.max(0, mention.start - 24), mention.start);
  return /\b(?:call(?:ed|s|ing)?|dial(?:l?ed|s|l?ing)?|through|via|to|by)\s+$/i.test(before) ? `trivial: "${mention.text}" is the emergency number, known to every reader` : null;
}

/**
 * Round 15: "_____ warned ..." for "Park" where the article names Park Sung Ho and Park Tae-seok: one word that
 * two people's names share is no answer; either of them fills the blank.
 */
function sharedNameWord(mention: Mention, context: QuestionContext): string | null {
  if (mention.entity.type !== 'person' || mention.pronoun === true) return null;
  const answer = answerTextOf(mention);
  if (/\s/.test(answer.trim())) return null;
  const people = context.peopleByNameWord?.get(foldName(answer)) ?? 0;
  return people >= 2 ? `ambiguous: "${answer}" is a word of the names of ${people} people of the article` : null;
}

/** "about 500 miles (800 km)": a value and its conversion in brackets give each other away. */
function convertedValue(mention: Mention, article: string): string | null {
  if (mention.entity.type !== 'number' || mention.pronoun === true) return null;
  const after = article.slice(mention.end, mention.end + 30);
  const before = article.slice(Math.max(0, mention.start - 30), mention.start);
  // "about 10 meters (_____)": the value before the bracket, with its unit, shows the conversion too.
  if (/^\s*\(\s*(?:about |some |around )?[$€£]?\d/.test(after) || (VALUE_BEFORE_BRACKET.test(before) && /^[^()]*\)/.test(after))) {
    return 'giveaway: a value given with its conversion in brackets, each showing the other';
  }
  return null;
}


/**
 * "_____ (lysergic acid diethylamide)", "harbour lung syndrome (_____)": an acronym and the words it stands
 * for, side by side, give each other away (rule giveaway). A bracket of words after an acronym whose first
 * word starts with the acronym's first letter spells it out; a bracketed acronym after the key, or the key
 * in brackets after the words, is spelt out by them when their initials match.
 */
function spelledOutBeside(mention: Mention, article: string): string | null {
  if (mention.pronoun === true || ['date', 'time', 'number'].includes(mention.entity.type)) return null;
  const text = article.slice(mention.start, mention.end).trim();
  const after = article.slice(mention.end, mention.end + 80);
  const before = article.slice(Math.max(0, mention.start - 80), mention.start);
  const acronym = /^\p{Lu}{2,8}s?$/u.test(text) ? text.replace(/s$/, '') : null;
  const initials = (words: readonly string[]): string => words.filter((w) => !/^(?:of|and|the|for|on|in|to|a|an|&)$/i.test(w)).map((w) => w.charAt(0).toUpperCase()).join('');
  if (acronym !== null) {
    // "LSD (lysergic acid diethylamide)": the words in the bracket after the acronym.
    const gloss = /^\s*\(([\p{L}'’ -]+)\)/u.exec(after)?.[1]?.trim().split(/[\s-]+/);
    if (gloss !== undefined && gloss.length >= 2 && gloss[0]?.charAt(0).toUpperCase() === acronym.charAt(0)) return `giveaway: the words "${gloss.join(' ')}" in brackets beside the answer spell out "${acronym}"`;
    // "harbour lung syndrome (HLS)": the acronym in brackets after the words it abbreviates.
    if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
      const words = (before.replace(/\s*\(\s*$/, '').split(/[^\p{L}'’-]+/u).filter((w) => w !== '')).flatMap((w) => w.split('-'));
      for (let n = acronym.length; n <= acronym.length + 3 && n <= words.length; n++) {
        if (initials(words.slice(words.length - n)) === acronym) return `giveaway: the words before the brackets spell out "${acronym}"`;
      }
    }
    return null;
  }
  // "Harbour Lung Syndrome (HLS)": the acronym in brackets after the key shows its initials.
  const beside = /^\s*\(\s*(\p{Lu}{2,8})\s*\)/u.exec(after)?.[1];
  if (beside !== undefined && /\s/.test(text) && initials(text.split(/[\s-]+/)) === beside) return `giveaway: the acronym "${beside}" in brackets beside the answer gives its initials`;
  return null;
}

/**
 * "opened in 1961, and the following year, in 1962, ...": a year the sentence ties to another year it names
 * ("the following year", "a year later", "the year before") is given away by that other year (rule giveaway).
 */
export function yearFixedBySentence(mention: Mention, clause: Clause, article: string): string | null {
  if (mention.pronoun === true || mention.entity.type !== 'date' || !/^\d{4}$/.test(mention.text.trim())) return null;
  const sentence = article.slice(clause.sentence.start, clause.sentence.end);
  const tie = /\b(?:the\s+(?:following|next|previous|preceding)\s+year|an?\s+year\s+(?:later|earlier|before|after|on)|(?:one|a)\s+year\s+(?:later|earlier)|the\s+year\s+(?:before|after))\b/i.exec(sentence)?.[0];
  if (tie === undefined) return null;
  const others = (sentence.match(/\b(?:1[5-9]|20)\d\d\b/g) ?? []).filter((year) => year !== mention.text.trim());
  return others.length > 0 ? `giveaway: "${tie}" beside the year ${others[0] ?? ''} fixes the year asked` : null;
}

/**
 * Keys no reader could learn or the blank cuts from its name (rule cut / glued / initialism): a number
 * written into letters ("2031QX", "P7"), two organisations joined by "and the" taken for one ("the Varn
 * Institute and the ORBA"), a sentence boundary inside a key ("Sun. The"), and letters in capitals that
 * the article never spells out ("the KVB"): a learner cannot tell what they stand for.
 */
export function unlearnableKey(mention: Mention, article: string, tagger: Tagger): string | null {
  if (mention.pronoun === true) return null;
  const text = article.slice(mention.start, mention.end);
  const before = article.slice(Math.max(0, mention.start - 1), mention.start);
  const after = article.slice(mention.end, mention.end + 1);
  if (mention.entity.type === 'number' || mention.entity.type === 'date') {
    if (/^\d/.test(text) && (/^\p{Lu}/u.test(after) || /\p{L}$/u.test(before))) return `cut: "${text}" is written into the letters beside it, one designation`;
    return null;
  }
  // "Sun. The": the key runs over the end of a sentence into the next one's first word.
  const boundary = /(\p{L}{3,})\.\s+(\p{Lu}\p{Ll}*)/u.exec(text);
  if (boundary !== null && !/^(?:Inc|Corp|Ltd|Bros|Gen|Col|Sgt|Capt|Lt|Gov|Sen|Rep|Rev|Prof|Mrs|Mass|Calif|Wash|Penn|Ariz|Colo|Conn|Minn|Tenn|Wisc|Okla|Nev|Ore)$/.test(boundary[1] ?? '')) {
    const next = (boundary[2] ?? '').toLowerCase();
    if (tagger.lexicon(next).some((t) => t === 'Determiner' || t === 'Pronoun' || t === 'Preposition' || t === 'Conjunction')) return `cut: "${text}" runs over the end of a sentence`;
  }
  // "the Varn Institute of Science and the ORBA": two names, not one.
  if (mention.entity.type !== 'work' && /\s+and\s+the\s+\p{Lu}/u.test(text)) return `glued: "${text}" is two names joined by "and the"`;
  // "the KVB": letters the article never spells out mean nothing to a learner.
  const letters = text.trim();
  if (/^\p{Lu}{2,4}$/u.test(letters) && mention.entity.type !== 'place') {
    const known = tagger.lexicon(letters.toLowerCase()).length > 0;
    if (!known && spelledOutInArticle(article, letters) === null) return `initialism: "${letters}" is never spelt out in the article, so a learner cannot tell what it names`;
  }
  return null;
}

/**
 * "Deficiency Disorders" of "Harbour Centre for Control of Salt Deficiency Disorders", "Ostra Bay" of "Food
 * Standards Varn Ostra Bay": a key the article writes, right here, as the end of a longer name it knows is
 * that name's tail, not a name of its own (rule cut).
 */
export function tailOfLongerName(mention: Mention, article: string, entities: Iterable<Entity>): string | null {
  return tailIndex(entities)(mention, article);
}

/**
 * tailOfLongerName's search made once for a whole article: every longer name's tails ("Deficiency
 * Disorders", "Salt Deficiency Disorders", ... of "Harbour Centre for Control of Salt Deficiency
 * Disorders"), each with the names it ends, in the order tailOfLongerName reads them. Asked with a key's
 * text, it gives the same answer as tailOfLongerName over the same entities, without reading them all.
 */
export function tailIndex(entities: Iterable<Entity>): (mention: Mention, article: string) => string | null {
  const tails = new Map<string, { entity: Entity; form: string; head: string }[]>();
  for (const entity of entities) {
    if (entity.type === 'person') continue;
    for (const form of [entity.name, ...entity.forms]) {
      for (let at = form.indexOf(' '); at >= 0; at = form.indexOf(' ', at + 1)) {
        const tail = form.slice(at + 1);
        const list = tails.get(tail) ?? [];
        list.push({ entity, form, head: form.slice(0, at + 1) });
        tails.set(tail, list);
      }
    }
  }
  return (mention: Mention, article: string): string | null => {
    if (mention.pronoun === true || ['date', 'time', 'number'].includes(mention.entity.type)) return null;
    const text = article.slice(mention.start, mention.end);
    for (const { entity, form, head } of tails.get(text) ?? []) {
      if (entity === mention.entity) continue;
      if (article.slice(Math.max(0, mention.start - head.length), mention.start) === head) return `cut: "${text}" is the end of the name "${form}"`;
    }
    return null;
  };
}

/** The opening sentences of a news article carry its substance: details there are worth asking. */
const OPENING_SENTENCES = 2;

/**
 * Details a reader is not expected to remember (rule trivia): the day of the week or the clock time of an
 * event; past the article's opening, a measure made an adjective ("a 34-yard field goal"), a count the
 * grammar gives ("the two teams"), a figure of a stat line (three numbers or more in one sentence); anywhere:
 * the state or country that only places a city named before it, the outlet that carried someone's words,
 * one item of a list of three or more of its kind.
 */
function minorKey(mention: Mention, clause: Clause, context: QuestionContext): string | null {
  if (mention.pronoun === true) return null;
  const { entity } = mention;
  const { article } = context;
  const rank = context.bodyRank?.(clause.sentence.index) ?? 0;
  const before = article.slice(Math.max(clause.sentence.start, mention.start - 40), mention.start);
  // "Pensacola, Florida": the state after a city only places it (the analysis made it the city's tail).
  if (clause.mentions.some((m) => m !== mention && m.tailEnd === mention.end)) return 'trivia: the state or country that places a city named just before';
  // "told KTV", "in an interview with the Daily Courier": who carried the words, not what happened.
  if (entity.type === 'organisation' || entity.type === 'work' || entity.type === 'other') {
    if (/\b(?:told|to|with|according to|reported by|broadcast (?:on|by)|aired on|televised (?:on|by)|interviewed by|interview with)\s+(?:the\s+)?$/i.test(before) && /\b(?:told|interview|according|reported|broadcast|aired|televised)\b/i.test(before)) return 'trivia: the outlet that carried what someone said';
  }
  // Round 31: "the Varnish capital _____", "Kellin's capital, _____": a capital the lexicon knows is known to
  // readers, whom the words before the blank tell which one (an island's capital no lexicon has stays).
  if (entity.type === 'place' && /\bcapital(?:\s+city)?(?:\s+of\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)?,?\s+$/u.test(before) && context.tagger.lexicon(mention.text.trim().toLowerCase()).some((t) => t === 'City' || t === 'Country')) {
    return `trivial: "${mention.text.trim()}" is a capital every reader knows, and the words before the blank say which`;
  }
  // One item of a list of three or more of its kind ("A, B, C and D").
  if (['person', 'place', 'organisation', 'work', 'other'].includes(entity.type)) {
    const same = clause.mentions.filter((m) => m.entity.type === entity.type && m.pronoun !== true).sort((a, b) => a.start - b.start);
    const at = same.indexOf(mention);
    let run = 1;
    for (let i = at; i > 0 && /^(?:,\s*|,?\s+and\s+|,?\s+or\s+)$/.test(article.slice(same[i - 1]?.end ?? 0, same[i]?.start ?? 0)); i--) run++;
    for (let i = at; i < same.length - 1 && /^(?:,\s*|,?\s+and\s+|,?\s+or\s+)$/.test(article.slice(same[i]?.end ?? 0, same[i + 1]?.start ?? 0)); i++) run++;
    if (run >= 3) return `trivia: one item of a list of ${run}`;
  }
  if (entity.type === 'date' && (entity.subtype === 'weekday' || entity.subtype === 'weekday-range')) return 'trivia: the day of the week of an event';
  if (entity.type === 'time') return 'trivia: the time of day of an event';
  if (rank < OPENING_SENTENCES) return null;
  if (entity.type !== 'number') return null;
  const shape = mention.numberShape ?? entity.subtype;
  // "a 34-yard field goal", "the 28-yard line": a measure made an adjective, the play-by-play of a story.
  if (shape === 'measure' && /^(?:\p{L}+|\d[\d.,]*)-\p{L}+$/u.test(mention.text.trim())) return 'trivia: a measure in the detail of the article';
  // "The two teams": a count the grammar gives.
  if (shape === 'word' && /\b(?:the|both)\s+$/i.test(before) && /^(?:two|both)$/i.test(mention.text.trim())) return 'trivial: a count the sentence gives ("the two teams")';
  const numbers = clause.mentions.filter((m) => m.entity.type === 'number' && m.pronoun !== true).length;
  if (numbers >= 3 && (shape === 'plain' || shape === 'word') && !/\b(?:aged?|age of)\s+$/i.test(before)) return `trivia: one figure of ${numbers} in a line of figures`;
  return null;
}

/** Each distractor source's tailIndex over all its entities, made when first asked. */
const tailIndexes = new WeakMap<DistractorSource, (mention: Mention, article: string) => string | null>();
function tailsOf(source: DistractorSource): (mention: Mention, article: string) => string | null {
  let index = tailIndexes.get(source);
  if (index === undefined) {
    index = tailIndex([...source.byType.values()].flat());
    tailIndexes.set(source, index);
  }
  return index;
}

/**
 * The article's words right around a key, for the self-check's test of a name cut in two. Round 15: "engineer
 * Ana Ruiz of Varno, Kellin", "Tomas Lund of the Harbour Party": "of" between a person and a place or an
 * organisation says where the person is from or belongs, so neither name goes on into the other there.
 */
function originAround(mention: Mention, clause: Clause, article: string): { before: string; after: string } {
  let before = article.slice(Math.max(clause.sentence.start, mention.start - 30), mention.start);
  let after = article.slice(mention.end, Math.min(clause.sentence.end, mention.end + 30));
  const person = (m: Mention | undefined): boolean => m !== undefined && m.entity.type === 'person' && m.entity.sure && m.pronoun !== true;
  const home = (m: Mention | undefined): boolean => m !== undefined && (m.entity.type === 'place' || m.entity.type === 'organisation') && m.pronoun !== true;
  const link = / of (?:the )?$/.exec(before)?.[0];
  const next = /^ of (?:the )?/.exec(after)?.[0];
  if (person(mention) && next !== undefined && home(clause.mentions.find((m) => m.outerStart === mention.end + next.length || m.start === mention.end + next.length))) after = '';
  if (home(mention) && link !== undefined && person(clause.mentions.find((m) => m.end === mention.outerStart - link.length || m.end === mention.start - link.length))) before = '';
  return { before, after };
}

function keyQuestions(fact: FactDraft, mention: Mention, context: QuestionContext): Considered[] {
  const { article } = context;
  const clause = fact.clause;
  const entity = mention.entity;
  const answer = answerTextOf(mention);
  const unfit = minorKey(mention, clause, context) ?? datesInSequence(mention, clause) ?? roughPair(mention, article) ?? cutName(mention, article, clause.mentions, (word) => context.tagger.lexicon(word).some((t) => t === 'Gerund' || t === 'Verb' || t === 'Infinitive'), (word) => context.tagger.englishWord(word)) ?? commonWordAnswer(mention.text, entity, context.tagger) ?? convertedValue(mention, article) ?? spelledOutBeside(mention, article) ?? gluedNeighbour(mention, article, clause.sentence.bodyStart, clause.sentence.end, context.tagger, clause.mentions) ?? yearFixedBySentence(mention, clause, article) ?? unlearnableKey(mention, article, context.tagger) ?? tailsOf(context.source)(mention, article) ?? cutUnlistedName(mention, article, context.tagger) ?? fixedByArithmetic(mention, clause, article, context.header) ?? countWordAsNoun(mention, clause, article) ?? relativeTime(mention) ?? givenCount(mention, clause, article, context.header) ?? convertedMeasure(mention, clause, article) ?? pluralName(mention, article) ?? sharedNameWord(mention, context) ?? emergencyNumber(mention, article) ?? teamNickname(mention, article, (word) => context.tagger.englishWord(word)) ?? unplacedScore(mention, clause, article) ?? adjectiveKey(mention, clause, (word) => context.tagger.lexicon(word)) ?? misspeltKey(mention, article, (word) => context.tagger.lexicon(word.toLowerCase()).length > 0 || context.tagger.englishWord(word.toLowerCase()));
  if (unfit !== null) return (['cloze', 'short-answer', 'choice'] as const).map((kind) => considered(kind, fact, `(${kind} on “${answer}”)`, answer, null, unfit, entity));
  const typedAnswer = entity.type === 'number' || entity.type === 'date' || entity.type === 'time' ? mention.text : answer;
  const clozeAnswer = mention.pronoun === true ? answer : mention.text;
  const around = mention.pronoun === true ? undefined : originAround(mention, clause, article);
  const extra = around === undefined ? {} : { around };
  const explanation = once(() => explanationOf(fact, article));
  // A typed question's accepted answers, or why one of them gives the answer away in its prompt or the title.
  const typedAccept = (prompt: string, typed: string): string[] | string => {
    const accept = acceptFor(mention, typed, context);
    return acceptedGiveaway(prompt, accept, context.header) ?? accept;
  };
  const span = blankSpan(mention);
  const blanked = once(() => asSentence(renderClause(clause, { ...span, text: BLANK })));
  const wh = once(() => {
    const rewritten = new Set(clause.rewrites.filter((r) => r.expands !== true).map((r) => r.start));
    return whQuestion({
      article: sourceOf(clause, article),
      rewritten: (token: Token) => rewritten.has(token.start),
      tokens: clause.tokens,
      end: clause.end,
      mentions: clause.mentions,
      mention,
      tagger: context.tagger,
    });
  });
  const whType = entity.type === 'person' ? 'person' : entity.type === 'organisation' ? 'organisation' : entity.type === 'place' ? 'place' : null;
  const out: Considered[] = [];

  // Cloze: the clause with the key blanked.
  out.push(
    lazily('cloze', fact, `(cloze on “${clozeAnswer}”)`, clozeAnswer, entity, (): Drafted => {
      const prompt = blanked();
      const reason = giveaway(prompt, mention, clozeAnswer, context.header, context.source.byType.get('person'), context.article);
      if (reason !== null) return { dropped: reason, text: prompt };
      const accept = typedAccept(prompt, clozeAnswer);
      if (typeof accept === 'string') return { dropped: accept, text: prompt };
      return { draft: { kind: 'cloze', fact, related: [], prompt, explanation: explanation(), answer: clozeAnswer, accept, entity, typeWord: null, ...extra }, text: prompt, answer: clozeAnswer };
    }),
  );

  // Who / where / when / how many.
  out.push(
    lazily('short-answer', fact, `(who/what/when question on “${typedAnswer}”)`, typedAnswer, entity, (): Drafted => {
      const prompt = wh();
      if (prompt === null) return { dropped: untrustedTypeWord(entity) ?? 'no-wh-shape: the clause has no plain subject-verb shape to turn into a question' };
      const reason = giveaway(prompt, mention, typedAnswer, context.header, context.source.byType.get('person'), context.article);
      if (reason !== null) return { dropped: reason, text: prompt };
      const accept = typedAccept(prompt, typedAnswer);
      if (typeof accept === 'string') return { dropped: accept, text: prompt };
      const roles = entity.type === 'person' && mention.pronoun !== true ? roleAnswers(entity, prompt, context) : [];
      const all = [...accept, ...roles.filter((role) => !accept.some((form) => foldName(form) === foldName(role)))];
      return { draft: { kind: 'short-answer', fact, related: [], prompt, explanation: explanation(), answer: typedAnswer, accept: all, entity, typeWord: whType, ...extra }, text: prompt, answer: typedAnswer };
    }),
  );

  // Multiple choice: the wh-question when there is one, else "complete the sentence". A name written
  // "the ..." is blanked with its "the", so every choice reads well in the blank.
  out.push(
    lazily('choice', fact, `(multiple choice on “${answer}”)`, answer, entity, (): Drafted => {
      // Wrong choices "of the same kind" need a kind: a name of unsure type is asked typed.
      if (!entity.sure && !['date', 'time', 'number'].includes(entity.type)) {
        return { dropped: 'distractors: the type of the answer is unsure, so no wrong choices can be said to be of its kind' };
      }
      const question = wh();
      const named = entity.type === 'place' || entity.type === 'organisation';
      const theStart = named && mention.afterThe === true ? theBefore(clause, mention) : null;
      const withThe = question === null && theStart !== null;
      const choiceAnswer = withThe ? `the ${answer}` : answer;
      const typeWord = typeWordOf(mention, article);
      const choiceBlanked = withThe ? asSentence(renderClause(clause, { start: theStart ?? mention.start, end: span.end, text: BLANK })) : blanked();
      const stem = typeWord === null ? 'Which of these completes this sentence from the article?' : `Which ${typeWord} completes this sentence from the article?`;
      const prompt = question ?? `${stem} ${quoted(choiceBlanked)}`;
      const reason = giveaway(prompt, mention, answer, context.header, context.source.byType.get('person'), context.article);
      if (reason !== null) return { dropped: reason, text: prompt };
      // Round 6 (same-role): a person asked by a role the sentence gives them ("coach _____") has wrong choices of
      // that role only; with fewer than three in the article, a typed question asks it.
      const role = entity.type === 'person' ? roleOf(mention, article) : null;
      const source = role === null ? context.source : withRole(context.source, role);
      const wrong = pickDistractors(source, mention, choiceAnswer, `${prompt} ${clause.text}`, 3, withThe);
      if (wrong.length < 3 && role !== null) return { dropped: `same-role: the answer is the ${role} of the sentence, and the article names ${wrong.length === 0 ? 'no other' : `only ${wrong.length} other`} ${role}${wrong.length === 1 ? '' : 's'} to offer as wrong choices; a typed question asks it instead`, text: prompt };
      // Round 7 (pointer): the key alone shares a name word with the title or the stem.
      const pointer = wrong.length >= 3 ? pointingOption(answer, wrong, prompt, context.header) : null;
      if (pointer !== null) return { dropped: pointer, text: prompt };
      if (wrong.length < 3) return { dropped: `distractors: fewer than three good wrong choices of the same kind from the article (${wrong.length}); a typed question asks it instead`, text: prompt };
      const choices = context.random.shuffle([choiceAnswer, ...wrong]);
      return { draft: { kind: 'choice', fact, related: [], prompt, explanation: explanation(), answer: choiceAnswer, choices, entity, typeWord: question === null ? typeWord : whType, ...extra }, text: prompt, answer: choiceAnswer };
    }),
  );
  return out;
}

/** Roles a sentence gives a person that wrong choices must share (rule same-role). */
const ROLE_WORDS = /^(?:coach|manager|mayor|judge|driver|referee|umpire|goalkeeper|keeper|captain|president|premier|minister|governor|senator|congressman|congresswoman|ambassador|prosecutor|attorney|lawyer|chancellor|sheriff|astronaut|pilot|commander|singer|actor|actress|director|chairman|chairwoman|spokesman|spokeswoman|spokesperson)$/;

/** The role word right before a person's name ("coach", "Varno mayor"), folded, or null. */
export function roleOf(mention: Mention, article: string): string | null {
  if (mention.pronoun === true) return null;
  const fromTitle = mention.title?.trim().split(/\s+/).pop()?.toLowerCase();
  if (fromTitle !== undefined && ROLE_WORDS.test(fromTitle)) return fromTitle;
  const before = /([\p{L}-]+)\s+$/u.exec(article.slice(Math.max(0, mention.start - 30), mention.start))?.[1]?.toLowerCase().replace(/^.*-/, '');
  return before !== undefined && ROLE_WORDS.test(before) ? before : null;
}

/** The distractor source with only the people the article gives `role` (by their titles). */
export function withRole(source: DistractorSource, role: string): DistractorSource {
  const people = (source.byType.get('person') ?? []).filter((p) => p.titles.some((t) => t.toLowerCase().split(/[\s-]+/).includes(role)));
  return { ...source, byType: new Map([...source.byType, ['person', people]]) };
}

/**
 * The clause as a short true statement: its rewrites applied, an apposition after a name (", a research
 * geophysicist with ...,") and a trailing attribution (", the agency said.") cut when it is too long.
 * Null when it stays over MAX_STATEMENT_WORDS.
 */
function shortStatement(clause: Clause, replace: { start: number; end: number; text: string } | null): string | null {
  // "But IE6 has ...": a statement on its own opens with no word that ties it to the sentence before.
  const full = asSentence(renderClause(clause, replace).replace(/^(?:but|and|yet|so|also|however|still|meanwhile|instead|then)\b,?\s+/i, ''));
  if (wordCount(full) <= TRIMMED_WORDS) return full;
  let text = full;
  // ", a research geophysicist with the Earthquake Science Center," after a name.
  if (wordCount(text) > MAX_STATEMENT_WORDS) text = text.replace(/(\p{Lu}[\p{L}.’'-]+), (?:an? |the )[^,;“”"]{3,80}?, /gu, '$1 ');
  return trimToFact(text, replace?.text ?? null);
}

/** A true/false statement trimmed this far reads as the fact itself; longer ones copy the article. */
const TRIMMED_WORDS = 20;

/**
 * A long statement cut to the clause that carries its fact (rule statement-trim): a trailing attribution
 * (", the agency said.", ", according to ..."), a trailing "-ing" phrase (", leaving ..."), a clause about a
 * name (", which ..."), a fronted clause of time ("After ..., "). Each cut is tried in turn until the
 * statement has at most TRIMMED_WORDS words; a cut that would lose `keep` (a swapped key) is not made.
 * Null when no cut brings it to MAX_STATEMENT_WORDS.
 */
export function trimToFact(statement: string, keep: string | null): string | null {
  const cuts: ((text: string) => string)[] = [
    (text) => text.replace(/,\s+(?:according to [^,;“”"]+|(?:the |an? )?[\p{L} .’'-]{2,60}? (?:said|says|added|noted|stated|told [^,;“”"]+|reported|announced))\.$/u, '.'),
    (text) => text.replace(/,\s+(?:leaving|making|bringing|giving|adding|saying|forcing|including|following|citing|prompting|causing|ending)\b[^;“”"]*\.$/u, '.'),
    (text) => text.replace(/,\s+(?:which|who|whose|where)\b[^,;“”"]*(?:,\s+|\.$)/u, (match) => (match.endsWith('.') ? '.' : ' ')),
    (text) => text.replace(/^(?:After|Before|When|While|Although|Though|Since|As|Because|Despite|Following|During|With|Until|Once)\b[^,;“”"]{3,120},\s+(\p{L})/u, (_m, first: string) => first.toUpperCase()),
  ];
  let text = statement;
  for (const cut of cuts) {
    if (wordCount(text) <= TRIMMED_WORDS) break;
    const next = tidy(cut(text));
    if (next === text || wordCount(next) < 6) continue;
    if (keep !== null && !next.includes(keep)) continue;
    text = /[.!?”"’]$/.test(next) ? next : `${next}.`;
  }
  return wordCount(text) <= MAX_STATEMENT_WORDS ? capitalise(text) : null;
}

/**
 * Keys whose swap the article decides: a count, an amount, a measure, a date, a time. A person or an
 * organisation swapped in says something the article need not deny ("Nokia withdrew" is not false because
 * "Philips withdrew"), so names are never swapped.
 */
function swappable(mention: Mention): boolean {
  const { entity } = mention;
  if (mention.pronoun === true || mention.inBrackets === true) return false;
  if (entity.type === 'number') return ['plain', 'scaled', 'money', 'percent', 'word', 'measure'].includes(mention.numberShape ?? '');
  if (entity.type === 'date') return ['day', 'day-range', 'month', 'month-year', 'year', 'weekday'].includes(mention.dateShape ?? '');
  return entity.type === 'time';
}

/** One true/false statement per fact: the clause as written, or with a key swapped so the article makes it false. */
/** A statement that can only be true is kept when this short: it states one point, it does not copy a sentence. */
const SHORT_TRUE_WORDS = 14;
const HEDGED = /^(not|n['’]t|never|no|nor|may|might|could|reportedly|rumored|rumoured|allegedly|possibly|perhaps|if|unless|whether)$/;

function trueFalse(fact: FactDraft, keys: readonly Mention[], context: QuestionContext): Considered {
  return lazily('true-false', fact, asSentence(renderClause(fact.clause)), 'true or false', null, () => draftTrueFalse(fact, keys, context));
}

/** Whether the paragraph of a sentence speaks in the first person outside quotation marks: a speaker's own words. */
function firstPersonParagraph(article: string, at: number): boolean {
  const start = article.lastIndexOf('\n', at) + 1;
  const next = article.indexOf('\n', at);
  const paragraph = article.slice(start, next < 0 ? article.length : next).replace(/“[^”]*”|"[^"]*"/g, ' ');
  return /(?:^|[^\p{L}])(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Ww]e|[Oo]ur)(?:[^\p{L}'’]|$)/u.test(paragraph);
}

/** Words too common to tell one claim from another. */
const CLAIM_FILLER = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'by', 'with', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'its', 'his', 'her', 'their', 'after', 'over', 'says', 'said', 'new']);

/** The words of a text that carry its claim, folded, each cut to its first five letters ("beats", "beat"). */
function claimWords(text: string): string[] {
  return (foldName(text).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).filter((w) => !CLAIM_FILLER.has(w) && (w.length >= 3 || /\d/.test(w))).map((w) => w.slice(0, 5));
}

/**
 * Whether a clause states what the deck's title states (rule giveaway): three or more of the title's
 * words, and at least two thirds of them, in the clause. A statement of it is true by the title alone,
 * and a false one is false by it.
 */
export function restatesTitle(clauseText: string, header: string): boolean {
  const title = [...new Set(claimWords(header))];
  if (title.length < 3) return false;
  const own = new Set(claimWords(clauseText));
  const shared = title.filter((w) => own.has(w)).length;
  return shared >= 3 && shared * 3 >= title.length * 2;
}

/**
 * The keys a false statement may swap, leaving out a value the deck's title shows ("was 56" under "...
 * dies aged 70": the title, not the article, shows it false). Null when every value the statement turns on
 * is in the title: true or false, the title decides it (rule giveaway).
 */
export function titleFreeSwaps(keys: readonly Mention[], header: string): Mention[] | null {
  const inTitle = wordFinder(header);
  const all = keys.filter(swappable);
  const free = all.filter((m) => !inTitle(m.text.trim()));
  return all.length > 0 && free.length === 0 ? null : free;
}

function draftTrueFalse(fact: FactDraft, keys: readonly Mention[], context: QuestionContext): Drafted {
  const clause = fact.clause;
  if (restatesTitle(renderClause(clause), context.header)) return { dropped: "giveaway: the statement says what the deck's title says, which the learner sees" };
  // "Blair victories have not really been Labour victories": in a speaker's own paragraph, a statement is
  // their opinion, not the article's fact.
  if (firstPersonParagraph(context.article, clause.start)) return { dropped: 'opinion: the statement is a speaker\'s own words (the paragraph says "I"), not a fact the article states' };
  // A swap in "did not ..." or "may ..." makes a statement the article does not decide.
  const hedged = clause.tokens.some((t) => HEDGED.test(t.lower) || /n['’]t$/.test(t.lower));
  // A statement with no value the article decides (a number, a date) can only be true: past a short line it
  // copies the sentence, and a deck of statements that are all true teaches the learner to answer "true".
  const swaps = titleFreeSwaps(keys, context.header);
  if (swaps === null) return { dropped: "giveaway: the statement turns on a value the deck's title shows, so the title decides it" };
  const onlyTrue = hedged || swaps.length === 0;
  const trueStatement = once(() => shortStatement(clause, null));
  if (onlyTrue) {
    const statement = trueStatement();
    const words = statement === null ? null : wordCount(statement);
    if (words === null || words > SHORT_TRUE_WORDS || /\b(?:also|subsequently|then|however|too|as well)\b/i.test(statement ?? '')) return { dropped: `statement: no number or date could make it false, and a true statement of ${words ?? 'many'} words would copy the sentence` };
  }
  const makeFalse = context.nextFalse() && !onlyTrue;
  const source = sourceText(fact, context.article);
  if (makeFalse) {
    const candidates = swaps;
    const mention = candidates[context.random.int(Math.max(1, candidates.length))];
    if (mention !== undefined) {
      const named = mention.entity.type === 'person' || mention.entity.type === 'organisation';
      const [swap] = pickDistractors(context.source, mention, answerTextOf(mention), clause.sentence.text, 1, false, true);
      if (swap !== undefined) {
        // A person is swapped with their title ("Sheriff Ana Ruiz" -> "Tomas Brandt"); a surname for a surname.
        const shown = named && mention.entity.type === 'person' && !mention.text.includes(' ') && mention.title === null ? shortName(context, swap) : swap;
        const from = named ? mention.outerStart : mention.start;
        const statement = shortStatement(clause, { start: from, end: mention.end, text: shown });
        if (statement !== null) {
          const prompt = `True or false: ${statement}`;
          const explanation = `False: the article says “${source}”`;
          return { draft: { kind: 'true-false', fact, related: [], prompt, explanation, answer: false, entity: null, typeWord: null }, text: prompt, answer: 'false' };
        }
      }
    }
  }
  const statement = trueStatement();
  if (statement === null) {
    return { dropped: `statement-trim: no cut brings the true statement to ${MAX_STATEMENT_WORDS} words; it would copy the article` };
  }
  const prompt = `True or false: ${statement}`;
  return { draft: { kind: 'true-false', fact, related: [], prompt, explanation: `True: the article says “${source}”`, answer: true, entity: null, typeWord: null }, text: prompt, answer: 'true' };
}

/** How the article names a person in one word ("Ruiz", "Okafor"); the last word for a name it never shortens. */
function shortName(context: QuestionContext, name: string): string {
  const person = (context.source.byType.get('person') ?? []).find((p) => p.name === name);
  const single = person?.forms.find((form) => !form.includes(' '));
  return single ?? name.split(' ').pop() ?? name;
}

const LIST_GAP = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/;

/** "in Baton Rouge and Hattiesburg": keys of one kind listed together make a select-all question. */
function multiSelect(fact: FactDraft, keys: readonly Mention[], context: QuestionContext): Considered[] {
  const { article } = context;
  const clause = fact.clause;
  const out: Considered[] = [];
  let run: Mention[] = [];
  const flush = (): void => {
    // "Princeton, Texas" is a city and its state, not a list: a list ends with "and" or "or".
    const last = run[run.length - 1];
    const beforeLast = run[run.length - 2];
    const joined = last !== undefined && beforeLast !== undefined && /\b(and|or)\b/.test(article.slice(beforeLast.end, last.outerStart));
    if (run.length >= 2 && joined && new Set(run.map((m) => m.entity)).size === run.length && run.every((m) => m.entity.sure)) {
      const first = run[0] as Mention;
      const final = run[run.length - 1] as Mention;
      // "between the United Kingdom and Canada": the blank takes the "the", the choices carry their own.
      const theStart = first.afterThe === true ? theBefore(clause, first) : null;
      const withThe = theStart !== null;
      const blanked = asSentence(renderClause(clause, { start: theStart ?? first.outerStart, end: final.end, text: BLANK }));
      const prompt = `Which of these complete this sentence from the article? ${quoted(blanked)} Select all that apply.`;
      const answer = run.map((m) => (withThe && m.entity.takesThe ? `the ${answerTextOf(m)}` : answerTextOf(m)));
      const label = answer.join('; ');
      const entities = run.map((m) => m.entity);
      // "Varnish growers sell apples in _____": a right answer the stem spells ("Varnia") is given away, in a
      // select-all question as in any other (rule giveaway).
      const people = context.source.byType.get('person');
      const given = run.map((m) => giveaway(prompt.replace(/ Select all that apply\.$/, ''), m, answerTextOf(m), context.header, people, context.article)).find((r) => r !== null);
      if (given !== undefined && given !== null) {
        out.push(considered('multi-select', fact, prompt, label, null, given, first.entity));
        run = [];
        return;
      }
      out.push(
        lazily(
          'multi-select',
          fact,
          prompt,
          label,
          first.entity,
          (): Drafted => {
            const wrong: string[] = [];
            for (const text of pickDistractors(context.source, first, answer[0] ?? '', `${prompt} ${clause.text}`, 6, withThe)) {
              if (!answer.some((a) => foldName(a) === foldName(text)) && wrong.length < Math.min(3, Math.max(2, 5 - answer.length))) wrong.push(text);
            }
            if (wrong.length < 2) return { dropped: `distractors: fewer than two wrong choices of the same kind from the article (${wrong.length})` };
            const choices = context.random.shuffle([...answer, ...wrong]);
            return { draft: { kind: 'multi-select', fact, related: [], prompt, explanation: explanationOf(fact, article), answer, choices, entity: first.entity, entities, typeWord: null }, text: prompt, answer: label };
          },
          entities,
        ),
      );
    }
    run = [];
  };
  for (const mention of keys) {
    const previous = run[run.length - 1];
    const listable = ['person', 'place', 'organisation'].includes(mention.entity.type) && mention.pronoun !== true;
    if (previous !== undefined && listable && previous.entity.type === mention.entity.type && fineType(previous.entity) === fineType(mention.entity) && LIST_GAP.test(article.slice(previous.tailEnd ?? previous.end, mention.outerStart))) {
      run.push(mention);
      continue;
    }
    flush();
    if (listable) run = [mention];
  }
  flush();
  return out;
}

/** The keys of a clause a question may ask for: each entity once, its first askable mention. */
export function clauseKeys(clause: Clause): Mention[] {
  const keys: Mention[] = [];
  for (const mention of clause.mentions) {
    if (!isAskable(mention)) continue;
    if (keys.some((k) => k.entity === mention.entity)) continue;
    keys.push(mention);
  }
  return keys;
}

/** The candidate questions on a fact drawn from a clause. */
export function clauseQuestions(fact: FactDraft, context: QuestionContext): Considered[] {
  const keys = clauseKeys(fact.clause);
  const out: Considered[] = [];
  for (const mention of keys) out.push(...keyQuestions(fact, mention, context));
  out.push(trueFalse(fact, keys, context));
  out.push(...multiSelect(fact, fact.clause.mentions.filter((m) => isAskable(m)), context));
  return out;
}

/** A title that ends in a form of address ("WHO Dr"), not an office. */
const HONORIFIC_END = /(?:^|\s)(Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sir|Dame|Rev|Revd)\.?$/;

/**
 * Round 37: "Who visited the survivors?" is answered as rightly by "the Harbour Minister" as by her name, where
 * the article gives her that title and no one else holds it: her titles, and each without the land or body it
 * belongs to ("Foreign Minister" of "Kellin's Foreign Minister"), of two words or more. Not a form of address
 * ("Dr"), not a title others hold in the plural, and none whose office ("Minister") the prompt or the deck's
 * title shows.
 */
export function roleAnswers(person: Entity, prompt: string, context: Pick<QuestionContext, 'roleCounts' | 'article' | 'header'>): string[] {
  const inPrompt = wordFinder(prompt);
  const inHeader = wordFinder(context.header);
  const out: string[] = [];
  for (const title of person.titles) {
    if ((context.roleCounts.get(foldName(title)) ?? 0) !== 1 || HONORIFIC_END.test(title) || pluralRole(title, context.article)) continue;
    const bare = title.replace(/^.*[’']s\s+/, '').trim();
    for (const form of [title, bare]) {
      // (Two words at least: "the Harbour Minister", not a bare "Director", which says little of who it was.)
      if (form.split(/\s+/).length < 2) continue;
      // (Nor one whose office the prompt or the deck's title names: "the Lord Mayor" under "Kellin mayor
      // resigns" is read off the title. The office is the word before "of" or "to": "Secretary of the Interior".)
      const office = form.replace(/\s+(?:of|to|for|in|at)\s.*$/, '').split(/\s+/).pop() ?? form;
      if (form.length < 4 || inPrompt(office) || inHeader(office) || out.some((o) => foldName(o) === foldName(form))) continue;
      out.push(form);
    }
  }
  return out;
}

/** "Who is Norway’s Foreign Minister?": the person a title names. */
export function roleQuestions(fact: FactDraft, context: QuestionContext): Considered[] {
  const person = fact.person;
  const role = fact.role;
  const mention = fact.mention;
  if (person === undefined || role === undefined || mention === undefined) return [];
  const explanation = explanationOf(fact, context.article);
  const out: Considered[] = [];
  const theRole = /[’']s\b/.test(role) ? role : `the ${role}`;
  const who = `Who is ${theRole} named in the article?`;
  const honorific = HONORIFIC_END.exec(role)?.[1];
  if (honorific !== undefined) {
    // Round 24: "Director-General of WHO Dr Ana Varno": "Dr" is how she is addressed, no office she holds.
    out.push(considered('short-answer', fact, who, person.name, null, `role: "${honorific}" is a form of address, not a role`));
  } else if ((context.roleCounts.get(foldName(role)) ?? 0) > 1) {
    out.push(considered('short-answer', fact, who, person.name, null, 'ambiguous: more than one person in the article holds this title'));
  } else if (pluralRole(role, context.article)) {
    // Round 22: "Republican Senators Ana Varno of Kellin, Piet Sorvik of ..." beside "Republican Senator
    // Tomas Lindqvist": the title in the plural names others who hold it.
    out.push(considered('short-answer', fact, who, person.name, null, 'ambiguous: the article names others with this title, in the plural'));
  } else {
    const reason = giveaway(who, mention, person.name, context.header, context.source.byType.get('person'), context.article);
    out.push(considered('short-answer', fact, who, person.name, reason === null ? { kind: 'short-answer', fact, related: [], prompt: who, explanation, answer: person.name, accept: acceptFor(mention, person.name, context), entity: person, typeWord: 'person' } : null, reason));
  }
  return out;
}

/** "Which park unit filed this report?": the park unit a report's heading line names (rule unit). */
export function unitQuestions(fact: FactDraft, context: QuestionContext): Considered[] {
  const unit = fact.unit;
  if (unit === undefined) return [];
  const prompt = 'Which park unit filed this report?';
  // The article's own entity when its body names the park too, so that it is asked once.
  const named = [...context.source.byType.values()].flat().find((e) => [unit.name, unit.full].some((form) => foldName(e.name) === foldName(form)));
  const entity: Entity = named ?? { id: `unit:${unit.name}`, type: 'place', name: unit.name, forms: [unit.name, unit.full], subtype: 'place', first: fact.clause.sentence.index, sortKey: null, titles: [], takesThe: false, onlyAsModifier: false, sure: true };
  const place = foldName(unit.full.replace(/\s+National\s+.*$/, ''));
  if (foldName(context.header).includes(place)) return [considered('short-answer', fact, prompt, unit.name, null, `giveaway: "${unit.name}" is in the deck's title, which the learner sees`, entity)];
  // (Round 38: also the park's own name, "Kellin Lake" of "Kellin Lake NRA", as anyone calls it.)
  const accept = [...new Set([unit.full, unit.full.replace(/\s+National\s+.*$/, ''), PARK_KIND.exec(unit.name)?.[1] ?? unit.name])].filter((form) => form !== unit.name);
  return [considered('short-answer', fact, prompt, unit.name, { kind: 'short-answer', fact, related: [], prompt, explanation: `The report was filed by ${unit.full}.`, answer: unit.name, accept, entity, typeWord: null }, null)];
}
