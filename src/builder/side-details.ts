// Round 8's last-look rules (from the outside graders' dev grades; written and tested on made-up sentences,
// test/builder/round8-rules.test.ts): keys a teacher cuts because the stem around them, or a reader's
// general knowledge, already tells them, or because they are a side detail of the story. They run in the
// last look (pruneMinor), after every question is drafted, so a cut leaves every other question as it was.

import { organisationKind } from './distractors.js';
import { demonymWord, landWord } from './names.js';
import type { QuestionDraft } from './questions.js';
import type { Tagger } from './tagger.js';
import type { Mention, SentenceInfo } from './types.js';

/** What these rules know of the article beside the draft. */
export interface SideContext {
  tagger?: Tagger;
  /** How many times the article names an entity. */
  mentions: (entity: Mention['entity']) => number;
  /** A sentence's place among the body's sentences (0 for the first after the headline). */
  bodyRank: (index: number) => number;
  /** The article reports a match (isMatchReport). */
  matchReport?: boolean;
}

/** The story's opening sentences: their keys are its substance, whatever their shape. */
const LEAD = 3;

function keyMention(draft: QuestionDraft): Mention | undefined {
  const key = draft.entity;
  if (key === null || draft.kind === 'order' || draft.kind === 'true-false' || draft.kind === 'multi-select') return undefined;
  return draft.fact.clause.sentence.mentions.find((m) => m.entity === key && m.pronoun !== true);
}

function around(sentence: SentenceInfo, mention: Mention): { before: string; after: string } {
  const text = sentence.text;
  const from = mention.start - sentence.start;
  const to = mention.end - sentence.start;
  return { before: text.slice(Math.max(0, from - 60), Math.max(0, from)), after: text.slice(Math.max(0, to), to + 60) };
}

/**
 * Rule placed-city: a city the lexicon knows, with its state or country right after it ("in _____,
 * Varnshire"): the state gives the city away. Past the story's opening, and unless it is where someone was
 * born or died, it is a detail the story does not turn on.
 */
export function placedCity(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || mention.entity.type !== 'place' || mention.tailEnd === undefined || context.tagger === undefined) return null;
  const sentence = draft.fact.clause.sentence;
  if (context.bodyRank(sentence.index) < LEAD || context.mentions(mention.entity) >= 2) return null;
  if (!context.tagger.lexicon(mention.text.trim().toLowerCase()).includes('City')) return null;
  // The tail is one place, and the words go on after it (not a possessive: "Europe's largest").
  const tail = sentence.mentions.find((m) => m.end === mention.tailEnd && m !== mention);
  if (tail === undefined || tail.entity.type !== 'place' || /^['’]s\b/.test(sentence.text.slice(mention.tailEnd - sentence.start))) return null;
  // Where someone was born, died or lies is a fact of their life, however well known the city.
  if (/\b(?:born|died|dies|buried|raised)\b[^,;]*$/.test(around(sentence, mention).before)) return null;
  return `placed-city: "${mention.text}" stands before "${tail.text}", which the stem shows and which gives the city away`;
}

/** The head of a named country's state or government: "<country> President", "<nationality> leader", "<nationality> Prime Minister". */
const FAMOUS_OFFICE = /(?:^|\s)(\p{Lu}[\p{L}.]*)\s+(?:President|Prime Minister|Premier|Chancellor|leader)\s*$/u;

/**
 * Rule famous-office: a person named once, right after the title of a head of state or government ("Varnese
 * President _____"), is general knowledge for the time of the article, not what it is about.
 */
export function famousOffice(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || mention.entity.type !== 'person' || context.tagger === undefined) return null;
  const { before: rawBefore, after } = around(draft.fact.clause.sentence, mention);
  // In the story's opening sentences the office holder is a party to what happens, not a passing name;
  // round 38: unless the sentence names them only as the owner of something ("critics of Varnese President
  // Ana Ruiz's policies"), which is a passing name anywhere.
  if (context.bodyRank(draft.fact.clause.sentence.index) < LEAD && !/^['’]s\b/.test(after)) return null;
  const before = rawBefore.trim();
  // Round 38: an office a nation has one of, named without the nation ("Secretary of State _____"), and a head
  // of state or government named after the person ("_____, president of Varnia").
  const national = NATIONAL_OFFICE.exec(before)?.[0];
  if (national !== undefined) return `famous-office: "${mention.text}" is the holder of "${national.trim()}", known without the article`;
  const land = OFFICE_OF_LAND.exec(after)?.[1];
  if (land !== undefined && landWord(land, context.tagger)) return `famous-office: "${mention.text}" is the head of "${land}" named after them, known without the article`;
  const country = FAMOUS_OFFICE.exec(before)?.[1];
  if (country === undefined) return null;
  // The office must be a country's: an acronym of one (two letters, dotted or not) or a nationality word.
  if (!/^(?:U\.?S\.?|U\.?K\.?)$/.test(country) && demonymWord(country, context.tagger) === null) return null;
  return `famous-office: "${mention.text}" is the holder of "${before.slice(before.lastIndexOf(country))}", known without the article`;
}

/** Offices a nation has one holder of at a time, named without the nation (round 38). */
const NATIONAL_OFFICE = /(?:^|\s)(?:Secretary of State|Secretary[- ]General|Senate Majority Leader|House Speaker|Speaker of the House)\s*$/u;
/** "_____, president of Varnia" (round 38): the head of a land's state or government, named after the person. */
const OFFICE_OF_LAND = /^,\s+(?:the\s+)?(?:[Pp]resident|[Pp]rime [Mm]inister|[Pp]remier|[Cc]hancellor|[Kk]ing|[Qq]ueen|[Ll]eader)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?)/u;

/**
 * Rule nationality-key: a nationality word as the key ("the _____ singer" -> British): the names around it
 * or a reader's general knowledge give it, and it is never the story's point.
 */
export function nationalityKey(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  const tagger = context.tagger;
  if (mention === undefined || tagger === undefined || ['number', 'date', 'time', 'person'].includes(mention.entity.type)) return null;
  const text = mention.text.trim();
  const { after } = around(draft.fact.clause.sentence, mention);
  // Used as a modifier: a lower-case noun, or "and" and another such word, comes next ("_____ singer", "the _____ and Varnese teams").
  const nextWord = /^\s+(?:and\s+\p{Lu}\p{L}+\s+)?(\p{Ll}+)/u.exec(after)?.[1];
  if (nextWord === undefined || tagger.lexicon(nextWord).some((t) => ['Verb', 'Preposition', 'Conjunction', 'Determiner', 'Adverb', 'Pronoun', 'Copula', 'Auxiliary', 'Modal'].includes(t))) return null;
  const lower = text.toLowerCase();
  const nationality = !/\s/.test(text) && (demonymWord(text, tagger) !== null || tagger.lexicon(lower).includes('Adjective') || /^\p{Lu}\p{Ll}+(?:ese|ish)$/u.test(text));
  const country = mention.entity.type === 'place' && mention.entity.subtype === 'country';
  if (!nationality && !country) return null;
  return `nationality-key: "${text}" before "${nextWord}" says where someone or something is from, which the names around it give away`;
}

/** Verbs of a publication's account: what it observed, noted, wrote. */
const ACCOUNT_VERBS = /^\s+(?:observed|noted|notes|describes|described|reported|reports|wrote|writes|called|calls|quoted|quotes)\b/;

/**
 * Rule outlet: the newspaper, agency or broadcaster that carried or observed something ("The _____ noted
 * that", "according to press agency _____", "told the network's _____ service"): who reported, not what happened.
 */
export function outletKey(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  if (mention === undefined) return null;
  const { before, after } = around(draft.fact.clause.sentence, mention);
  // Round 15: "news agency Yonhap reported": named as an outlet and reporting, it is one, whatever the finder
  // took the name for and however often the article quotes it.
  if (/\b(?:press agency|news agency|newspaper|news service|broadcaster)\s+$/i.test(before) && ACCOUNT_VERBS.test(after)) return `outlet: "${mention.text}" is the outlet that reported it, not what happened`;
  if (!['organisation', 'work', 'other'].includes(mention.entity.type) || context.mentions(mention.entity) >= 2) return null;
  const media = organisationKind(mention.entity.name) === 'media' || /\b(?:press agency|news agency|agency|newspaper|daily|magazine|broadcaster)\s+$/i.test(before);
  if (media && (ACCOUNT_VERBS.test(after) || /\baccording to\s+[\p{L}\s]*$/iu.test(before))) return `outlet: "${mention.text}" is the outlet that reported it, not what happened`;
  // "told the network's _____ service": which arm of an outlet.
  if (/^\s+(?:service|edition|desk|channel)\b/.test(after)) return `outlet: "${mention.text}" names which service of an outlet carried the words`;
  return null;
}

/** Words of a match report: enough of them and the article reports a game, move by move. */
const MATCH_WORDS = /\b(?:goals?|match|minutes?|half|penalty|touchdowns?|quarter(?:back)?|kick(?:er|off)?|striker|midfielder|defender|goalkeeper|referee|booked|substitut\w*)\b/gi;
/** How many such words make an article a match report. */
const MATCH_REPORT_WORDS = 6;

/** Whether an article reports a match (rules play-support, interim-score, minute-offset). */
export function isMatchReport(article: string): boolean {
  let count = 0;
  for (const _ of article.matchAll(MATCH_WORDS)) if (++count >= MATCH_REPORT_WORDS) return true;
  return false;
}

/** Phrases that make the key a player who only helped or left the play: a substitute, an assist, a booking, a tackle. */
const SUPPORT_BEFORE = /\b(?:replaced by|in place of|at the expense of|came on for|came off for|addition of|give and go with|assist(?:ed)? (?:from|by)|pass from|cross from|ball by|sacked by|tackled by|recovered by|fouled by|booked|cautioned)\s+$/i;
const SUPPORT_AFTER = /^(?:(?:['’]s?)?\s+(?:assist|pass|cross|corner|free kick)|\s+(?:was|were)\s+(?:booked|cautioned|sent off|substituted|sacked|replaced|taken off)|\s+at the expense of)\b/i;

/**
 * Rule play-support: in a match report, a player whose part in the sentence is a supporting move (who
 * came on or went off, who gave the assist, who was booked or sacked): the play-by-play graders cut,
 * however often the player is named.
 */
export function playSupport(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  // A player the finder could not type surely ("Ealy", or a name it took for a place) is still a player in these phrases.
  if (mention === undefined || context.matchReport !== true || ['number', 'date', 'time'].includes(mention.entity.type)) return null;
  if (mention.entity.type !== 'person' && mention.entity.type !== 'other' && mention.entity.sure) return null;
  const { before, after } = around(draft.fact.clause.sentence, mention);
  const move = SUPPORT_BEFORE.exec(before)?.[0] ?? SUPPORT_AFTER.exec(after)?.[0];
  if (move === undefined) return null;
  return `play-support: "${mention.text}" is named for a supporting move of the match ("${move.trim()}"), not its result`;
}

/** A score: two numbers joined by a dash ("13–7", "1 – 0"). */
const SCORE = /^\d{1,3}\s*[-–—]\s*\d{1,3}$/;

/**
 * Rule interim-score: in a match report, a score at half-time or after a quarter or a kick ("the half
 * ended with the Harbour side leading _____", "to make the score _____"): a step of the game, not its result.
 */
export function interimScore(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || context.matchReport !== true || mention.entity.type !== 'number' || !SCORE.test(mention.text.trim())) return null;
  const text = draft.fact.clause.sentence.text;
  const step = /\b(?:half|quarter|interval|make the score|made the score|made it|to make it)\b/i.exec(text)?.[0];
  if (step === undefined) return null;
  return `interim-score: "${mention.text}" is the score at a step of the match ("${step}"), not its result`;
}

/**
 * Rule minute-offset: in a match report, the minutes between two moves ("_____ later", "just _____ into
 * the second half"): a timing of the play, not a fact of the game.
 */
export function minuteOffset(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || context.matchReport !== true || mention.entity.type !== 'number' || !/\b(?:minutes?|seconds?)$/i.test(mention.text.trim())) return null;
  const { before, after } = around(draft.fact.clause.sentence, mention);
  if (/^\s+(?:later|after|afterwards|in(?:to)? the (?:first|second) half)\b/i.test(after) || /\b(?:just|only)\s+$/i.test(before)) return `minute-offset: "${mention.text}" is the time between two moves of the match`;
  return null;
}

/** The spans of a sentence inside quotation marks, as offsets into its text: a quote opened before the sentence runs from its start, one left open runs to its end. */
function quotedSpans(text: string, inQuote: boolean): [number, number][] {
  const spans: [number, number][] = [];
  let open: number | null = inQuote ? 0 : null;
  for (const m of text.matchAll(/["“”]/g)) {
    const at = m.index ?? 0;
    // A straight mark after a space (or at the start) before a word opens; any other closes.
    const opens = m[0] === '“' || (m[0] === '"' && /^$|[\s([]$/.test(text.charAt(at - 1)) && /\S/.test(text.charAt(at + 1)));
    // An opening mark where a quote was thought open from an earlier sentence: that quote had closed.
    if (opens) open = at + 1;
    else if (open !== null) {
      spans.push([open, at]);
      open = null;
    }
  }
  if (open !== null) spans.push([open, text.length]);
  return spans;
}

/**
 * Rule quoted-detail: a key inside someone's quoted words ("... over the past _____ it's been third"): the
 * quote is their view or their way of putting it, and the key a detail of how they said it, not a fact the
 * article reports. Interview answers (a speaker's turn) are the article's substance and stay, and so does a
 * title in quotation marks (the key is the whole quoted span).
 */
export function quotedDetail(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  const sentence = draft.fact.clause.sentence;
  if (mention === undefined || sentence.speaker !== undefined || context.bodyRank(sentence.index) < LEAD) return null;
  const from = mention.start - sentence.start;
  const to = mention.end - sentence.start;
  for (const [start, end] of quotedSpans(sentence.text, sentence.inQuote)) {
    if (start > from || to > end) continue;
    // A title: the quotation marks hold the key and at most a comma or a full stop.
    if (sentence.text.slice(start, end).replace(/[,.!?\s]+$/, '').trim() === mention.text.trim()) return null;
    return `quoted-detail: "${mention.text}" stands inside someone's quoted words, a detail of how they put it`;
  }
  return null;
}

/** A time word inside a longer key ("November" of the year before the article's): the key means nothing without the article's date. */
const RELATIVE_PART = /\b(?:last|next|this)\s+(?:week|weekend|month|year|season)\b|\b(?:yesterday|today|tomorrow)\b/i;

/**
 * Rule relative-time (round 8: inside a key): a date whose words count from the day the article was
 * written (a month "of" the year before the article's, said so) is no date a learner can keep.
 */
export function relativeDate(draft: QuestionDraft): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || mention.entity.type !== 'date' || !RELATIVE_PART.test(mention.text)) return null;
  return `relative-time: "${mention.text}" counts from the day the article was written`;
}

/**
 * Rule age-detail: past the story's opening, the age at which someone did a thing of their youth ("when she
 * was _____", "before age _____"): a biography's detail, not what the article is about.
 */
export function ageDetail(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  const sentence = draft.fact.clause.sentence;
  if (mention === undefined || mention.entity.type !== 'number' || context.bodyRank(sentence.index) < LEAD) return null;
  const { before } = around(sentence, mention);
  if (!/\b(?:when (?:he|she|they) (?:was|were)(?: about| only| just)?|(?:before|by|after|until|from) (?:the )?age(?: of)?)\s+$/i.test(before)) return null;
  return `age-detail: "${mention.text}" is the age of a step of someone's youth, a biography's detail`;
}

/**
 * Rule seat: the city of an organisation's headquarters or of a country's capital ("Kestrel Systems' headquarters in
 * _____", "the capital in _____"): known without the article, and never its point.
 */
export function seatPlace(draft: QuestionDraft): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || mention.entity.type !== 'place') return null;
  const { before } = around(draft.fact.clause.sentence, mention);
  const seat = /\b(?:headquarters|head office|capital)(?:,)?(?:\s+(?:located|based|situated))?\s+(?:in|of|at)\s+$/i.exec(before)?.[0];
  return seat === undefined ? null : `seat: "${mention.text}" is the seat named by "${seat.trim()}", known without the article`;
}

/**
 * Rule stem-echo: a word of the key that the stem shows in another form ("after the 2031 _____" for "Harbour
 * Games" beside "a Harbour Game medalist"; "_____" for "Ostra Free Republic" beside "the O.F.R."): the stem
 * gives the key away.
 */
export function stemEcho(draft: QuestionDraft): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || ['number', 'date', 'time', 'person'].includes(mention.entity.type) || !draft.prompt.includes('_____')) return null;
  const stem = draft.prompt.replace(/_{3,}/g, ' ');
  const key = mention.text.trim();
  const words = key.split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}{4,}$/u.test(w));
  for (const word of words) {
    const root = word.replace(/s$/, '');
    if (root !== word && standsAlone(stem, root)) return `stem-echo: the stem shows "${root}", a form of the key's "${word}"`;
  }
  // Initials of the key written in the stem ("O.F.R." beside "Ostra Free Republic").
  const initials = initialsShown(stem, key);
  return initials === null ? null : `stem-echo: the stem shows "${initials}", the key's initials`;
}

/** The initials of a name of two or more capitalised words, when `text` shows them ("VFR" or "V.F.R."); else null. */
function initialsShown(text: string, name: string): string | null {
  const capitals = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (capitals.length < 2) return null;
  const initials = capitals.map((w) => w.charAt(0)).join('');
  const dotted = capitals.map((w) => `${w.charAt(0)}.`).join('');
  return standsAlone(text, initials, LETTER_OR_DOT) || standsAlone(text, dotted, LETTER_OR_DOT) ? initials : null;
}

/**
 * Rule ordinal-slot: "first" or "second" before "half", "quarter", "round", "leg" or "set" ("In the _____
 * half, both sides ..."): the other fits the blank as well.
 */
export function ordinalSlot(draft: QuestionDraft): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || mention.entity.type !== 'number' || !/^(?:first|second|third|fourth|final|last)$/i.test(mention.text.trim())) return null;
  const { after } = around(draft.fact.clause.sentence, mention);
  return /^\s+(?:half|quarter|period|round|leg|set|innings|inning)\b/i.test(after) ? `ordinal-slot: another ordinal fits "_____ ${after.trim().split(/\s+/)[0] ?? ''}" as well` : null;
}

/**
 * Rule title-part: a name of several words whose last words are a name the headline shows ("the all _____
 * final" for "Varno Harbour Cup" under "... in Harbour Cup"): the title gives most of it away, and the
 * rest is a word glued to it.
 */
export function titlePart(draft: QuestionDraft, headline: string): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || ['number', 'date', 'time', 'person'].includes(mention.entity.type)) return null;
  const words = mention.text.trim().split(/\s+/);
  if (words.length < 3) return null;
  for (let from = 1; from <= words.length - 2; from++) {
    const tail = words.slice(from).join(' ');
    if (standsAlone(headline, tail)) return `title-part: the headline shows "${tail}" of "${mention.text}"`;
  }
  return null;
}

const LETTER = /^\p{L}$/u;
const LETTER_OR_DOT = /^[\p{L}.]$/u;

/**
 * Whether `word` stands in `text` with no letter right after it and nothing `refused` right before it (a
 * letter, by default): what `(?<!...)word(?!\p{L})` finds, without making a regular expression for each
 * word (a rule asks it of every draft: building and compiling one each time was a tenth of a long build).
 */
function standsAlone(text: string, word: string, refused: RegExp = LETTER): boolean {
  if (word === '') return false;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = codePointBefore(text, at);
    const after = text.codePointAt(at + word.length);
    if ((before === undefined || !refused.test(String.fromCodePoint(before))) && (after === undefined || !LETTER.test(String.fromCodePoint(after)))) return true;
  }
  return false;
}

/** The code point that ends right before `at` (a surrogate pair read whole), if any. */
function codePointBefore(text: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2);
  }
  return low;
}

/** The words of a name, without a leading "the", folded to lower case. */
function nameWordsOf(text: string): string[] {
  return text.replace(/^the\s+/i, '').toLowerCase().split(/\s+/).filter((w) => w !== '');
}

/**
 * Rule near-duplicate (round 8: across types): a name whose words open a longer name the deck asks as well
 * ("KESTREL Global" beside "KESTREL Global Robot Games", one typed a name, the other an event): the two
 * questions ask the same thing, and the shorter one is cut.
 */
export function shorterNameAsked(draft: QuestionDraft, kept: readonly QuestionDraft[]): string | null {
  const mention = keyMention(draft);
  // A place that opens an organisation's name ("Varno" of "Varno School District") is another thing.
  if (mention === undefined || ['number', 'date', 'time', 'person', 'place'].includes(mention.entity.type)) return null;
  const words = nameWordsOf(mention.entity.name);
  if (words.length === 0) return null;
  for (const other of kept) {
    const entity = other.entity;
    if (other === draft || entity === null || entity === mention.entity || ['number', 'date', 'time', 'person'].includes(entity.type)) continue;
    if (other.kind === 'true-false' || other.kind === 'order' || other.kind === 'multi-select') continue;
    const theirs = nameWordsOf(entity.name);
    if (theirs.length > words.length && words.every((w, i) => theirs[i] === w)) return `near-duplicate: "${mention.entity.name}" opens "${entity.name}", which the deck asks as well`;
  }
  return null;
}

// Round 10's rules (from the fifth batch's WRONG grades; test/builder/round10-rules.test.ts). Cut-only.

/**
 * Rule subjectless: the blank's sentence opens with a past-tense verb and a preposition and no other
 * verb follows ("Lost to _____, Varno and Kellin respectively."): a fragment that has lost its subject,
 * neither a fact nor a question.
 */
export function subjectless(draft: QuestionDraft, context: SideContext): string | null {
  if (context.tagger === undefined || draft.kind === 'order' || draft.kind === 'true-false') return null;
  // The stem as the learner reads it (a clause split off its sentence at ";" keeps no subject).
  const quoted = draft.prompt.lastIndexOf('“');
  const own = (quoted >= 0 ? draft.prompt.slice(quoted + 1) : draft.prompt).trim();
  const m = /^(\p{Lu}\p{Ll}+)\s+(?:to|by|with|against|from|for|at|in|on)\s/u.exec(own);
  if (m === null) return null;
  const first = m[1]!.toLowerCase();
  const tagger = context.tagger;
  const tags = tagger.lexicon(first);
  const base = tagger.infinitive(first, 'PastTense').toLowerCase();
  const past = tags.includes('PastTense') || tags.includes('Participle') || (base !== first && tagger.lexicon(base).some((t) => t === 'Infinitive' || t === 'Verb'));
  if (!past) return null;
  // Any other verb of the sentence may have a subject before it ("Born in Varno, she moved ...").
  const rest = own.slice(m[0].length).split(/[^\p{L}'’-]+/u).filter((w) => /^\p{Ll}/u.test(w));
  if (rest.some((w) => context.tagger!.lexicon(w).some((t) => t === 'Verb' || t === 'PastTense' || t === 'PresentTense' || t === 'Copula'))) return null;
  return `subjectless: the sentence opens with "${m[1]}" and has no subject: a fragment`;
}

/**
 * Rule relative-interval: a span of time right before "later" or "earlier" ("_____ later, the court
 * ..."): the key counts from an event the stem does not show, so it cannot be told from the sentence.
 * (Round 8's minute-offset does this for minutes in a match report; this is any duration, anywhere.)
 */
export function relativeInterval(draft: QuestionDraft): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || !['number', 'date', 'time'].includes(mention.entity.type)) return null;
  if (!/\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i.test(mention.text.trim())) return null;
  const { after } = around(draft.fact.clause.sentence, mention);
  return /^\s+(?:later|earlier)\b/i.test(after) ? `relative-interval: "${mention.text} ${after.trim().split(/\s+/)[0] ?? ''}" counts from an event the stem does not show` : null;
}

/**
 * Rule initials-key: a key of capital letters and full stops only, with two stops or more ("J.K.", "TR.M."):
 * a person's initials, which the rubric never lets be an answer. A place or group so written (U.S., U.K.)
 * is not a person and stays.
 */
export function initialsKey(draft: QuestionDraft): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || mention.entity.type === 'place') return null;
  const key = mention.text.trim();
  if (!/^(?:\p{Lu}{1,3}\.){2,}$/u.test(key) && !/^(?:\p{Lu}{1,3}\.)+\p{Lu}$/u.test(key)) return null;
  return `initials-key: "${key}" is a person's initials, not a name`;
}

/**
 * Rule title-initials: a name of two or more capitalised words whose initials the headline shows ("_____"
 * for "Varno Free Republic" under "... in VFR"): the title the learner sees gives the key away, as
 * stem-echo does for the stem.
 */
export function titleInitials(draft: QuestionDraft, headline: string): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || ['number', 'date', 'time', 'person'].includes(mention.entity.type)) return null;
  const initials = initialsShown(headline, mention.text.trim());
  return initials === null ? null : `title-initials: the headline shows "${initials}", the key's initials`;
}

/** Words that say nothing of their own beside a key: "in the _____" is no phrase of it. */
const FILLER_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'and', 'or', 'for', 'by', 'with', 'from', 'is', 'was', 'were', 'are', 'be', 'his', 'her', 'their', 'its', 'that', 'this', 'as', 'over']);

function lowerWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The words a question shows, lower-cased, and where each word stands among them (in order). */
interface ShownWords {
  text: string;
  words: string[];
  places: Map<string, number[]>;
}

/** Each question's shown words, as cross-echo last read them (with the text they were read from). */
const SHOWN_WORDS = new WeakMap<QuestionDraft, ShownWords>();

/**
 * The words a question shows (its prompt, or an ordering's items). Cross-echo looks for each question's
 * key in every other question: each is read once, not once per pair, and the key is looked up where its
 * first word stands, not at every word (a long article's last look was a tenth of its build). Read again
 * should the text have changed.
 */
function shownWords(draft: QuestionDraft): ShownWords {
  const text = draft.kind === 'order' ? (draft.items ?? []).join(' . ') : draft.prompt;
  const known = SHOWN_WORDS.get(draft);
  if (known?.text === text) return known;
  const words = lowerWords(text);
  const places = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = places.get(word);
    if (list === undefined) places.set(word, [i]);
    else list.push(i);
  });
  const shown = { text, words, places };
  SHOWN_WORDS.set(draft, shown);
  return shown;
}

/**
 * Rule cross-echo (round 11): another question of the deck, on another sentence, shows this one's key in the
 * same words, so the learner reads the answer there: the key beside the word the blank stands beside
 * ("Over _____ decades" -> three, where another stem reads "over the three decades"; "Varno is a _____ port
 * town" -> Kellin beside "Varno is a Kellin fishing town"). A person is never cut so. A shared word must be
 * one of substance: "in the _____" beside "in the 1970s" is no echo.
 */
export function crossEcho(draft: QuestionDraft, others: readonly QuestionDraft[]): string | null {
  if (draft.kind === 'order' || draft.kind === 'true-false' || draft.kind === 'multi-select' || typeof draft.answer !== 'string') return null;
  // A person named again across the deck ("President _____" beside "President Ana Ruiz") is one of the
  // story's people, not a phrase another question gives away.
  if (draft.entity?.type === 'person') return null;
  const blank = draft.prompt.indexOf('_____');
  if (blank < 0) return null;
  const key = lowerWords(draft.answer.replace(/^the /i, ''));
  if (key.length === 0) return null;
  const stem = draft.prompt.replace(/^Which [^?]*\? “/, '').replace(/”$/, '');
  const [head = '', tail = ''] = stem.split('_____');
  const before = lowerWords(head).slice(-2);
  // "Varno is a _____": three words in a row the same are a phrase, whatever they are.
  const lead = lowerWords(head).slice(-3, -2)[0];
  const after = lowerWords(tail).slice(0, 1);
  const sentence = draft.fact.clause.sentence.index;
  for (const other of others) {
    if (other === draft || other.fact.clause.sentence.index === sentence) continue;
    const { words, places } = shownWords(other);
    for (const i of places.get(key[0] as string) ?? []) {
      if (i + key.length > words.length || key.some((w, k) => words[i + k] !== w)) continue;
      const next = words[i + key.length];
      const prev = words.slice(Math.max(0, i - 2), i);
      const sameAfter = after[0] !== undefined && next === after[0] && !FILLER_WORDS.has(after[0]);
      // The word before the same and of substance; or the two before the same, the first of substance or
      // the word before them the same too (three in a row).
      const last = before[before.length - 1];
      const twoSame = before.length === 2 && prev.length === 2 && prev[0] === before[0];
      const twoCount = twoSame && (!FILLER_WORDS.has(before[0] as string) || (lead !== undefined && words[i - 3] === lead));
      const sameBefore = last !== undefined && prev[prev.length - 1] === last && (!FILLER_WORDS.has(last) || twoCount);
      if (sameAfter || sameBefore) {
        const phrase = sameAfter ? `${draft.answer} ${next}` : `${prev.join(' ')} ${draft.answer}`;
        return `cross-echo: another question of the deck shows the key in the same words ("${phrase.trim()}")`;
      }
    }
  }
  return null;
}

// Round 13's last-look rule (a side detail the outside graders called trivia; tested on made-up sentences in
// test/builder/round13-trivia.test.ts). It reads only the words right around the key, so a cut changes no
// other question.

/** A verb of telling, then who was told ("told the Harbour Gazette", "told reporters"), then "in" or "on". */
const TELLING_BEFORE = /\b(?:said|says|told|wrote|writes|stated|claimed|recalled|remarked|admitted)\b(?:\s+(?:the|a|an|his|her|their|magazine|newspaper|reporters?|journalists?|interviewers?|\p{Lu}[\p{L}'’.&-]*))*\s+(?:in|on|during)\s+$/u;
/** "as of <date>": the day a figure was counted. */
const AS_OF_BEFORE = /\bas of\s+$/i;
/** A day of the week, then an opening bracket: the date in it only glosses the day ("Sunday night (_____)"). */
const GLOSSED_DAY_BEFORE = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\s*\(\s*$/;

/**
 * Rule telling-date: past the story's opening, a date named once that only says when something was said or
 * counted ("told the Harbour Gazette in _____", "said in _____ that", "as of _____, the tool lists 40 faults")
 * or glosses a day of the week in brackets ("on Sunday night (_____)"): the words or the figure are the
 * fact, not the day they were spoken or counted.
 */
export function tellingDate(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || mention.entity.type !== 'date' || context.mentions(mention.entity) >= 2) return null;
  if (context.bodyRank(draft.fact.clause.sentence.index) < LEAD) return null;
  const { before, after } = around(draft.fact.clause.sentence, mention);
  if (TELLING_BEFORE.test(before)) return `telling-date: "${mention.text}" says when something was said, not when anything happened`;
  if (AS_OF_BEFORE.test(before)) return `telling-date: "${mention.text}" says when a figure was counted, not a fact of its own`;
  if (GLOSSED_DAY_BEFORE.test(before) && /^\s*\)/.test(after)) return `telling-date: "${mention.text}" only glosses the day of the week before it`;
  return null;
}

/** Continents and the records named after them ("an African record"). */
const CONTINENT = /^(?:Africa|African|Asia|Asian|Europe|European|Americas|Oceania|Oceanian|North American|South American|Pan American)$/;

/**
 * Round 15 (rule continent, from the sixth batch's grades: "Oceania guessable from 'Australian' in prompt"):
 * a continent asked where the stem names a person's nationality gives it away to anyone who knows where
 * that country lies.
 */
export function continentByNationality(draft: QuestionDraft, context: SideContext): string | null {
  const mention = keyMention(draft);
  if (mention === undefined || context.tagger === undefined || !CONTINENT.test(mention.text.trim())) return null;
  const tagger = context.tagger;
  const clause = draft.fact.clause;
  const nationality = clause.tokens.find((t) => t.isCap && (t.end <= mention.start || t.start >= mention.end) && demonymWord(t.text, tagger) !== null && !CONTINENT.test(t.text));
  return nationality === undefined ? null : `continent: "${nationality.text}" in the stem tells the continent "${mention.text}"`;
}
