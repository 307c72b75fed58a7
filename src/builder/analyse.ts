// Article -> sentences with their answer keys: names (people, places, organisations, works), dates,
// times and numbers, each tied to the entity it names across the article ("Lindqvist" and "Secretary of
// State Maria Lindqvist" are one person). One pass over the sentences, then one over the names found:
// linear in the article's length.

import { splitSentences } from '../domain/article.js';
import { findTemporals } from './dates.js';
import { findNames, personShaped, quotedTitleSpans, trustTypeWords, type NameCandidate, type NameType } from './names.js';
import { findNumbers } from './numbers.js';
import { findPhrases } from './phrases.js';
import type { TaggedTerm, Tagger } from './tagger.js';
import { foldName, titleCaseShouting } from './text.js';
import { hasTag, tokenizeTagged, type Token } from './tokens.js';
import type { Dateline, Entity, KeyType, Mention, SentenceInfo } from './types.js';
import { INSTITUTION_WORDS, ORGANISATION_WORDS } from './vocabulary.js';
import { byCodeUnits } from '../domain/order.js';

export interface Analysis {
  article: string;
  headline: string | null;
  sentences: SentenceInfo[];
  entities: Entity[];
}

/** A headline's last word that is an abbreviation with its full stop: letters with dots ("D.C."), "Inc.", "Jr.". */
const HEADLINE_ABBREVIATION_END = /(?:^|\s)(?:(?:\p{L}\.){2,}|Inc\.|Co\.|Corp\.|Ltd\.|Jr\.|Sr\.|St\.)$/u;

/**
 * The article's first line when it reads as a headline: short, with text after it, and no full stop but an
 * abbreviation's.
 */
export function detectHeadline(article: string): string | null {
  const text = article.replace(/^\uFEFF/, '');
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  const first = text.slice(0, newline).trim();
  const rest = text.slice(newline + 1).trim();
  if (first === '' || rest === '') return null;
  const words = first.split(/\s+/).length;
  // A first line that ends like a sentence is the article's first sentence, not its headline; one that ends
  // in an abbreviation's full stop ("... in Varno, K.V.", "... buys Kellin Inc.") is still a headline.
  if (words > 25 || first.length > 200 || (/[.,;:]$/.test(first) && !HEADLINE_ABBREVIATION_END.test(first))) return null;
  return first;
}

const DATELINE = /^((?:[\p{Lu}][\p{L}.'’-]*)(?:[ ,]+[\p{Lu}\d][\p{L}\d.'’-]*){0,6},?)\s*(—|–|--|-|:)\s+(?=\S)/u;

/** "PASADENA, Calif. — NASA’s ...": where the article was filed, at the start of its first sentence. */
export function findDateline(sentence: { text: string; start: number }): Dateline | null {
  const match = DATELINE.exec(sentence.text);
  if (match === null) return null;
  const text = (match[1] ?? '').replace(/,$/, '');
  if (text.length > 50) return null;
  // "Ottawa: The Foreign Office ..." or an all-capitals place: not a sentence that merely has a colon.
  const shouting = /^\p{Lu}{2,}/u.test(text);
  if (!shouting && match[2] !== ':' && !/^[\p{Lu}][\p{L}]+(?:,? [\p{Lu}][\p{L}.]*)*$/u.test(text)) return null;
  return { text, start: sentence.start, end: sentence.start + text.length, bodyStart: sentence.start + match[0].length };
}

/** Indices of the tokens that start a sentence or a quotation, where capitals say nothing of a name. */
function startIndices(tokens: readonly Token[], bodyStart: number): Set<number> {
  const starts = new Set<number>();
  let expectStart = true;
  tokens.forEach((token, i) => {
    if (token.start < bodyStart) return;
    if (token.isWord) {
      if (expectStart) starts.add(i);
      expectStart = false;
      return;
    }
    if (/^[“"‘(:—–]$/.test(token.text)) expectStart = true;
  });
  return starts;
}

const STATE_ABBREVIATION = /^[A-Z][a-z]{1,4}\.$/;

interface Collected {
  candidate: NameCandidate;
  mention: Omit<Mention, 'entity'>;
}

/**
 * Picks the type with the most evidence, or the type a rule decided; sure when a rule decided it, or when
 * the evidence is strong and nothing else comes near it.
 */
function decideType(group: readonly NameCandidate[]): { type: NameType; sure: boolean } {
  const strong = new Map<NameType, number>();
  for (const c of group) if (c.strong !== null) strong.set(c.strong, (strong.get(c.strong) ?? 0) + 1);
  if (strong.size > 0) {
    const ranked = [...strong.entries()].sort((a, b) => b[1] - a[1]);
    const [best, count] = ranked[0] ?? ['other', 0];
    return { type: best, sure: ranked.length === 1 || (ranked[1]?.[1] ?? 0) * 3 <= count };
  }
  const total = { person: 0, place: 0, organisation: 0, work: 0, other: 0 };
  for (const c of group) for (const type of Object.keys(total) as NameType[]) total[type] += c.evidence[type];
  const order: NameType[] = ['place', 'organisation', 'person', 'work'];
  let best: NameType = 'other';
  let score = 0;
  for (const type of order) {
    if (total[type] > score) {
      best = type;
      score = total[type];
    }
  }
  const second = Math.max(...order.filter((t) => t !== best).map((t) => total[t]));
  // "Senate Democrats and Republicans": a name that ends in a plural names a group, whatever it looks like.
  const plural = group.some((c) => c.tokens.length > 1 && hasTag(c.tokens[c.tokens.length - 1], 'Plural'));
  return { type: best, sure: best !== 'other' && score >= 3 && second * 2 <= score && !plural };
}

/** Whether the words around a place say it is a province, a state or a region ("Varno province", "the province of Varno"). */
function regionWord(article: string, start: number, end: number): boolean {
  const kinds = 'province|provinces|region|state|prefecture|district|territory|governorate|oblast|canton';
  return new RegExp(`^\\s+(?:${kinds})\\b`, 'i').test(article.slice(end, end + 20)) || new RegExp(`\\b(?:${kinds}) of\\s+(?:the\\s+)?$`, 'i').test(article.slice(Math.max(0, start - 30), start));
}

/** A continent or a part of one. */
const WORLD_REGION = /^(?:(?:Latin|South|North|Central|East|West|Eastern|Western|Southern|Northern|Southeast|South-East|Southeastern|Sub-Saharan|Continental)\s+(?:America|Europe|Asia|Africa)|Middle East|Near East|Far East|Caribbean|Balkans|Scandinavia|Europe|Asia|Africa|Oceania|Antarctica)$/i;

/** A place's kind: a country, a region (a state, a province), a city, a county, or just a place. */
function placeSubtype(name: string, tagger: Tagger): string {
  const words = name.replace(/^the\s+/i, '').split(/\s+/);
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/\.$/, '');
  if (/^(county|counties|parish|borough|shire)$/.test(last)) return 'county';
  if (/^(river|lake|lakes|sea|ocean|gulf|bay|strait|channel)$/.test(last)) return 'water';
  if (/^(park|forest|reserve|stadium|arena|palace|cathedral|abbey|temple|mosque|cemetery|castle|airport|bridge|square|plaza)$/.test(last)) return 'site';
  if (/^(street|avenue|road|boulevard|highway|lane)$/.test(last)) return 'road';
  // Round 24: "Latin America", "Western Europe", "the Middle East": a part of the world, not a country, whatever
  // it is listed with ("Varnia and Latin America").
  if (WORLD_REGION.test(words.join(' '))) return 'region';
  // The whole name first: "Nova Scotia" is a province, "Quebec City" a city.
  const whole = tagger.lexicon(words.join(' ').toLowerCase());
  const tags = whole.length > 0 || words.length > 1 ? whole : tagger.lexicon(words[0] ?? '');
  if (tags.includes('Country')) return 'country';
  if (tags.includes('Region')) return 'region';
  if (tags.includes('City')) return 'city';
  if (words.length > 1 && /^(city|town|village)$/.test(last)) return 'city';
  return 'place';
}

const INITIAL_SKIP = new Set(['of', 'and', 'the', 'for', 'on', 'in', '&']);

/** Points every mention of a merged entity at the entity it was merged into. */
function retarget(sentences: readonly SentenceInfo[], replaced: ReadonlyMap<Entity, Entity>): void {
  if (replaced.size === 0) return;
  for (const sentence of sentences) {
    sentence.mentions = sentence.mentions.map((m) => {
      const target = replaced.get(m.entity);
      return target === undefined ? m : { ...m, entity: target };
    });
  }
}

/**
 * "UK" is the "United Kingdom", "FEMA" the "Federal Emergency Management Agency": an acronym that spells the
 * initials of another name in the article is that name.
 */
function mergeInitials(entities: Map<string, Entity>, sentences: readonly SentenceInfo[]): void {
  const byInitials = new Map<string, Entity>();
  for (const entity of entities.values()) {
    if (entity.type !== 'place' && entity.type !== 'organisation') continue;
    const words = entity.name.split(/\s+/).filter((w) => !INITIAL_SKIP.has(w.toLowerCase()));
    if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) continue;
    // "U.S. Geological Survey" -> "USGS": a dotted acronym gives all its letters.
    byInitials.set(words.map((w) => (/^(?:\p{Lu}\.){2,}$/u.test(w) ? w.replace(/\./g, '') : w.charAt(0))).join(''), entity);
  }
  const replaced = new Map<Entity, Entity>();
  for (const entity of entities.values()) {
    const letters = entity.name.replace(/\./g, '');
    if (!/^\p{Lu}{2,5}$/u.test(letters)) continue;
    const target = byInitials.get(letters);
    if (target === undefined || target === entity) continue;
    replaced.set(entity, target);
    for (const form of entity.forms) if (!target.forms.includes(form)) target.forms.push(form);
    entities.delete(entity.id);
  }
  retarget(sentences, replaced);
}

const MALE = /^(he|him|his|himself|boy|man|father|husband|son|brother|king|prince|mr\.?|sir|grandfather|uncle|nephew|businessman|chairman|spokesman)$/;
const FEMALE = /^(she|her|hers|herself|girl|woman|mother|wife|daughter|sister|queen|princess|mrs\.?|ms\.?|grandmother|aunt|niece|businesswoman|chairwoman|spokeswoman|actress)$/;

/**
 * People's genders from the article's own words: in a sentence that names one person, the pronouns after
 * the name ("... was arrested after he brought ...") and the nouns right after it (", a 14-year-old boy").
 * Coreference uses it to tell "she" from "he" where first names say nothing.
 */
function genderPeople(sentences: readonly SentenceInfo[]): void {
  const votes = new Map<Entity, [number, number]>();
  sentences.forEach((sentence, index) => {
    const people = [...new Set(sentence.mentions.filter((m) => m.entity.type === 'person' && m.modifier !== true).map((m) => m.entity))];
    if (people.length !== 1) return;
    const person = people[0] as Entity;
    const first = sentence.mentions.find((m) => m.entity === person) as Mention;
    const next = sentences[index + 1];
    const nextAlone = next !== undefined && next.paragraph === sentence.paragraph && !next.mentions.some((m) => m.entity.type === 'person');
    // The sentence's own words first; the next sentence's opening only when they say nothing.
    // "Her father brought her in contact with Ada Lund, with whom she toured": a pronoun before the name
    // is someone else's, and so may the ones after it be.
    // Only the other gender's pronouns after it can be the named person's ("against her ... turned Ode
    // against his country").
    const earlier = sentence.tokens.filter((t) => t.end <= first.outerStart && /^(he|him|his|himself|she|her|hers|herself)$/.test(t.lower));
    const earlierMale = earlier.some((t) => MALE.test(t.lower));
    const earlierFemale = earlier.some((t) => FEMALE.test(t.lower));
    if (earlierMale && earlierFemale) return;
    const own = sentence.tokens.filter((t) => t.start >= first.end && !(earlierMale && MALE.test(t.lower)) && !(earlierFemale && FEMALE.test(t.lower)));
    const saysGender = own.some((t) => MALE.test(t.lower) || FEMALE.test(t.lower));
    const words = [...own, ...(nextAlone && !saysGender ? next.tokens.slice(0, 6) : [])];
    const count = votes.get(person) ?? [0, 0];
    for (const word of words) {
      if (MALE.test(word.lower)) count[0]++;
      if (FEMALE.test(word.lower)) count[1]++;
    }
    votes.set(person, count);
  });
  for (const [person, [male, female]] of votes) {
    if (male > 2 * female) person.gender = 'male';
    else if (female > 2 * male) person.gender = 'female';
  }
}

/**
 * "A student at Harbour State University Lena Okoro said ...": an organisation's name run into a
 * person's, with nothing between. When the article names the person alone elsewhere ("Okoro said ..."),
 * or the first of the two words is a first name, the last two words are that person.
 */
function splitTrailingPeople(collected: Collected[], article: string, tagger: Tagger): void {
  const singles = new Set(collected.filter((c) => c.candidate.tokens.length === 1).map((c) => foldName(c.candidate.text)));
  for (let i = 0; i < collected.length; i++) {
    const item = collected[i] as Collected;
    const { candidate } = item;
    const tokens = candidate.tokens;
    if (tokens.length < 4 || candidate.strong === 'person' || candidate.title !== null) continue;
    const last = tokens[tokens.length - 1] as Token;
    const given = tokens[tokens.length - 2] as Token;
    const firstName = tagger.lexicon(given.lower).some((tag) => tag === 'FemaleName' || tag === 'MaleName' || tag === 'FirstName');
    if (!(singles.has(foldName(last.text)) || firstName) || !given.isCap || ORGANISATION_WORDS.has(given.lower) || ORGANISATION_WORDS.has(last.lower)) continue;
    if (!tokens.slice(0, -2).some((t) => ORGANISATION_WORDS.has(t.lower.replace(/s$/, '')))) continue;
    const head = tokens.slice(0, -2);
    const headEnd = (head[head.length - 1] as Token).end;
    const text = article.slice(candidate.start, headEnd);
    const personText = article.slice(given.start, last.end);
    const organisation: Collected = {
      candidate: { ...candidate, tokens: head, end: headEnd, text, fullText: text, strong: 'organisation' },
      mention: { ...item.mention, end: headEnd, text },
    };
    const person: Collected = {
      candidate: { ...candidate, tokens: [given, last], start: given.start, text: personText, fullText: personText, strong: 'person', title: null, modifier: false },
      mention: { ...item.mention, start: given.start, outerStart: given.start, text: personText, title: null },
    };
    collected.splice(i, 1, organisation, person);
    i++;
  }
}

/**
 * Round 33: "Professor Varno" where the article named "Ana Varno" before: a person named by one word that is
 * the last word of exactly one person's full name is that person (a title before the surname can make it a
 * name of its own before the full name is known to be a person's). Where two full names end in it, it stays
 * no one's.
 */
function mergeSurnames(entities: Map<string, Entity>, sentences: readonly SentenceInfo[], tagger: Tagger): void {
  const names = [...entities.values()].filter((e) => e.type === 'person' || e.type === 'other' || e.type === 'place');
  // The names of two words or more by their last word, read once. (A name the finder did not take for a
  // person's may be one too: "her brother Jorma Varno".)
  const byLastWord = new Map<string, Entity[]>();
  for (const other of names) {
    if (!/\s/.test(other.name)) continue;
    const last = foldName(other.name).split(/\s+/).pop() ?? '';
    byLastWord.set(last, [...(byLastWord.get(last) ?? []), other]);
  }
  const replaced = new Map<Entity, Entity>();
  for (const entity of names) {
    if (/\s/.test(entity.name) || entity.name.length < 3) continue;
    const owners = byLastWord.get(foldName(entity.name)) ?? [];
    const distinct = owners.filter((o, i) => !owners.slice(0, i).some((p) => oneName(p.name, o.name)));
    const owner = distinct[0];
    if (distinct.length !== 1 || owner === undefined) continue;
    // Round 40: a one-word name of no sure kind and no English word is the surname of the one person whose
    // name ends in it ("Ana Varno ... Varno won"); and a surname sure to be a person's makes the one
    // unsure full name it ends a person's ("Kellin's Ana Varno" taken for a place, then "Lind and Varno
    // played").
    // (Not into a name that may have a people's word glued before it, "Varnovians Ana Varno": the one word
    // was then left alone for a reason.)
    const opener = owner.name.split(/\s+/)[0] ?? '';
    const gluedPeople = /(?:ans|ers|ese)$/.test(opener) || tagger.lexicon(opener.toLowerCase()).some((tag) => tag === 'Demonym' || tag === 'Plural');
    const ownerPerson = owner.type === 'person' && (entity.type === 'person' || (entity.type === 'other' && !entity.sure && !gluedPeople && !tagger.englishWord(entity.name.toLowerCase())));
    const personOwner = entity.type === 'person' && entity.sure && !owner.sure && owner.type !== 'person' && !institutionName(owner.name) && /^\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+$/u.test(owner.name);
    if (!ownerPerson && !personOwner) continue;
    if (personOwner) {
      owner.type = 'person';
      owner.subtype = 'person';
    }
    replaced.set(entity, owner);
    for (const form of entity.forms) if (!owner.forms.includes(form)) owner.forms.push(form);
    for (const title of entity.titles) if (!owner.titles.includes(title)) owner.titles.push(title);
    owner.first = Math.min(owner.first, entity.first);
    owner.sure = owner.sure || entity.sure;
    entities.delete(entity.id);
  }
  retarget(sentences, replaced);
}

/** Whether a name that ends at `end` is followed by a possessive "'s" (it owns what comes after it). */
function possessorAt(article: string, end: number): boolean {
  return /^['’]s?\s/u.test(article.slice(end, end + 3));
}

/** Whether two full names may be one person's: every word of the shorter is in the longer. */
function oneName(a: string, b: string): boolean {
  const wa = foldName(a).split(/\s+/);
  const wb = foldName(b).split(/\s+/);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((w) => long.includes(w));
}

/**
 * "Pensacola, Florida", "Buffalo, New York": whether the place right after a city, with only a comma
 * between, just places it (its tail: asked with the city, never alone, rule trivia), and is not the next
 * item of a list ("Paris, Rome and Lima", "Paris, Rome, Lima").
 */
export function placesBefore(article: string, city: Mention, next: Mention, sentenceEnd: number): boolean {
  if (city.entity.type !== 'place' || next.entity.type !== 'place' || city.pronoun === true || next.pronoun === true) return false;
  const after = article.slice(next.end, Math.min(sentenceEnd, next.end + 40));
  return /^,\s*$/.test(article.slice(city.end, next.start)) && !/^\s*(?:,?\s*and|,\s*\p{Lu})/u.test(after);
}

/** Where `char` last is in `text` from `from` to `to` (both included), or -1. */
function lastCharBetween(text: string, char: string, from: number, to: number): number {
  for (let i = Math.min(to, text.length - 1); i >= from; i--) if (text.charAt(i) === char) return i;
  return -1;
}

/** Where `char` first is in `text` from `from` to `to` (both included), or -1. */
function firstCharBetween(text: string, char: string, from: number, to: number): number {
  for (let i = Math.max(0, from); i <= to && i < text.length; i++) if (text.charAt(i) === char) return i;
  return -1;
}

/**
 * The one person an interview's headline names, when it names one by a known first name: "Interview with
 * Varno Audio founder Hugh Kellerman", "Wikinews interviews academic Ana Ruiz about ...", "Ana Ruiz tells Wikinews
 * about ...". Null for anything else (two people, a role without a name).
 */
export function intervieweeOf(headline: string, tagger: Tagger): string | null {
  const tail = /\binterview(?:s|ed)?\s+(?:with\s+)?(.+)$/i.exec(headline)?.[1] ?? /^(.+?)\s+(?:tells|talks to|speaks to|speaks with)\s+\p{Lu}/iu.exec(headline)?.[1];
  if (tail === undefined) return null;
  const runs = [...tail.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*\.?(?:\s+\p{Lu}[\p{L}\p{M}'’-]*\.?){1,3}/gu)].map((m) => m[0].split(/\s+/));
  const named = runs.flatMap((words) => {
    const given = words.findIndex((w) => tagger.lexicon(w.toLowerCase()).some((tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName'));
    return given < 0 || words.length - given < 2 ? [] : [words.slice(given).join(' ')];
  });
  return named.length === 1 ? (named[0] as string) : null;
}

export function analyseArticle(article: string, tagger: Tagger): Analysis {
  const headline = detectHeadline(article);
  const raw = splitSentences(article, { finer: true });
  const sentences: SentenceInfo[] = [];
  let datelineFound = false;
  // One pass of the tagger over the article; each sentence then takes the terms inside it.
  const terms = tagger.tagText(article);
  let termAt = 0;
  const termsOf = (start: number, end: number): TaggedTerm[] => {
    while (termAt < terms.length && (terms[termAt] as TaggedTerm).start < start) termAt++;
    const out: TaggedTerm[] = [];
    for (let i = termAt; i < terms.length && (terms[i] as TaggedTerm).start < end; i++) {
      const term = terms[i] as TaggedTerm;
      out.push({ start: term.start - start, end: term.end - start, tags: term.tags });
    }
    return out;
  };
  // Interview turns: a paragraph that opens with a speaker's label ("Ana Ruiz: ..."), the same label more
  // than once in the article. The label's words are no fact; the turn is that speaker's own words.
  // Round 17: a wiki's "((Wikinews)) Hi, ..." is a label too, unmistakably, even once.
  const LABEL = /^(?:(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}):|\(\((\p{Lu}[^()\n]{0,40})\)\))\s+(?=\S)/u;
  const labelOf = (text: string): { name: string; length: number; sure: boolean } | null => {
    const found = LABEL.exec(text);
    return found === null ? null : { name: (found[1] ?? found[2]) as string, length: found[0].length, sure: found[2] !== undefined };
  };
  const labelCounts = new Map<string, number>();
  for (const line of article.split('\n')) {
    const label = labelOf(line.trim());
    if (label !== null) labelCounts.set(label.name, (labelCounts.get(label.name) ?? 0) + (label.sure ? 2 : 1));
  }
  // Round 15: an interview printed without labels ("Interview with Varno Audio founder Hugh Kellerman", then
  // question and answer paragraphs): after the first question, every paragraph that asks nothing is the
  // answer of the one person the headline names.
  const interviewee = [...labelCounts.values()].some((n) => n >= 2) || headline === null ? null : intervieweeOf(headline, tagger);
  const paragraphs = interviewee === null ? [] : article.split(/\n\s*\n/).map((p) => p.trim());
  const questionParagraphs = new Set(paragraphs.filter((p) => /\?["”’)]*$/.test(p)));
  let askedYet = false;
  let paragraph = 0;
  let quoteDepth = 0;
  let previousEnd = 0;
  let speaker: string | undefined;
  raw.forEach((sentence, index) => {
    let labelEnd: number | null = null;
    if (article.slice(previousEnd, sentence.start).includes('\n') || index === 0) {
      paragraph++;
      quoteDepth = 0;
      const label = labelOf(sentence.text);
      speaker = label !== null && (labelCounts.get(label.name) ?? 0) >= 2 ? label.name : undefined;
      if (speaker !== undefined && label !== null) labelEnd = sentence.start + label.length;
      if (interviewee !== null && questionParagraphs.size >= 2) {
        const end = article.indexOf('\n\n', sentence.start);
        const asks = questionParagraphs.has(article.slice(sentence.start, end < 0 ? article.length : end).trim());
        if (!asks && askedYet) speaker = interviewee;
        if (asks) askedYet = true;
      }
    }
    previousEnd = sentence.end;
    const inQuote = quoteDepth > 0;
    for (const char of sentence.text) {
      if (char === '“') quoteDepth++;
      else if (char === '”') quoteDepth = Math.max(0, quoteDepth - 1);
      else if (char === '"') quoteDepth = quoteDepth > 0 ? 0 : 1;
    }
    const isHeadline = index === 0 && headline !== null && sentence.text === headline;
    const dates = index <= 2 && !isHeadline ? findTemporals(sentence.text) : [];
    const isDateLine = dates.length === 1 && sentence.text.replace(/[.,\s]+$/, '') === dates[0]?.text;
    let dateline: Dateline | null = null;
    if (!isHeadline && !isDateLine && !datelineFound && labelEnd === null) {
      datelineFound = true;
      dateline = findDateline(sentence);
    }
    sentences.push({
      index,
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      tokens: isHeadline || isDateLine ? [] : tokenizeTagged(sentence.text, sentence.start, termsOf(sentence.start, sentence.end)),
      mentions: [],
      isHeadline,
      isDateLine,
      dateline,
      bodyStart: dateline?.bodyStart ?? labelEnd ?? sentence.start,
      ...(speaker === undefined ? {} : { speaker }),
      paragraph,
      inQuote,
    });
  });

  // A release's trailer: from a "Contact" or "About the agency" heading (or an "About X:" paragraph) to the
  // end, the lines are boilerplate, not the article's facts.
  let trailer = false;
  for (const sentence of sentences) {
    if (sentence.isHeadline) continue;
    const text = sentence.text.trim();
    if (/^(?:[Mm]edia\s+)?[Cc]ontacts?:?$|^(?:[Pp]ress|[Mm]edia) (?:[Cc]ontact|[Ii]nquiries|[Oo]ffice)\b|^###$|^-+\s*30\s*-+$|^About (?:the )?\p{Lu}[^.]{0,100}:?$/u.test(text)) trailer = true;
    const aboutParagraph = /^About (?:the )?\p{Lu}[^.:]{0,100}:/u.test(text);
    if (trailer || aboutParagraph) {
      sentence.trailer = true;
      if (aboutParagraph) {
        for (const other of sentences) if (other.paragraph === sentence.paragraph) other.trailer = true;
      }
    }
  }

  // What the article writes capitalised in mid-sentence, and what it writes in lower case.
  const capitalisedMidSentence = new Set<string>();
  const lowercaseSeen = new Set<string>();
  // Round 16: words written right after a first name the lexicon knows ("Ana Lindqvist"): surnames.
  const afterFirstName = new Set<string>();
  const startsOf = new Map<number, Set<number>>();
  for (const sentence of sentences) {
    const starts = startIndices(sentence.tokens, sentence.bodyStart);
    startsOf.set(sentence.index, starts);
    sentence.tokens.forEach((token, i) => {
      if (!token.isWord || token.isNumber || token.start < (sentence.bodyStart)) return;
      if (token.isCap && !starts.has(i)) capitalisedMidSentence.add(token.lower);
      else if (!token.isCap) lowercaseSeen.add(token.lower);
      const next = sentence.tokens[i + 1];
      if (token.isCap && next !== undefined && next.isCap && next.isWord && next.start === token.end + 1 && tagger.lexicon(token.lower).some((tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName')) afterFirstName.add(next.lower);
    });
  }
  const context = { tagger, capitalisedMidSentence, lowercaseSeen, afterFirstName };

  // Dates, times and numbers first; names only in what they leave.
  const collected: Collected[] = [];
  const valueMentions: { sentence: SentenceInfo; mention: Omit<Mention, 'entity'>; type: KeyType; sortKey: number | null; subtype: string }[] = [];
  const phraseMentions: { sentence: SentenceInfo; mention: Omit<Mention, 'entity'>; frame: string }[] = [];
  for (const sentence of sentences) {
    if (sentence.isHeadline || sentence.isDateLine || sentence.trailer === true) continue;
    const base = sentence.start;
    const bodyStart = sentence.bodyStart;
    const body = article.slice(bodyStart, sentence.end);
    // Titles in quotation marks first: "The Harbour 5 Challenge" holds no number to ask.
    const titles = quotedTitleSpans(sentence.tokens, bodyStart).map((t) => ({ start: t.start - base, end: t.end - base }));
    const outsideTitles = (span: { start: number; end: number }): boolean => !titles.some((t) => span.start < t.end && t.start < span.end);
    const temporals = findTemporals(body)
      .map((span) => ({ ...span, start: span.start + bodyStart - base, end: span.end + bodyStart - base }))
      .filter(outsideTitles);
    const numbers = findNumbers(body, temporals.map((t) => ({ start: t.start - (bodyStart - base), end: t.end - (bodyStart - base) })))
      .map((span) => ({
        ...span,
        start: span.start + bodyStart - base,
        end: span.end + bodyStart - base,
      }))
      .filter(outsideTitles);
    for (const span of temporals) {
      valueMentions.push({
        sentence,
        type: span.type,
        sortKey: span.sortKey,
        subtype: span.shape,
        mention: { sentence: sentence.index, start: base + span.start, end: base + span.end, text: span.text, outerStart: base + span.start, title: null, dateShape: span.shape },
      });
    }
    for (const span of numbers) {
      valueMentions.push({
        sentence,
        type: 'number',
        sortKey: null,
        subtype: span.shape,
        mention: { sentence: sentence.index, start: base + span.start, end: base + span.end, text: span.text, outerStart: base + span.start, title: null, numberShape: span.shape },
      });
    }
    const taken = [...temporals, ...numbers].map((span) => ({ start: base + span.start, end: base + span.end }));
    const usable = (token: Token): boolean => token.start >= bodyStart && !taken.some((span) => token.start < span.end && span.start < token.end);
    const names = findNames(article, sentence.index, sentence.tokens, usable, startsOf.get(sentence.index) ?? new Set(), context);
    // Phrase keys ("kidney failure") only where no name, date or number is.
    const named = names.map((n) => ({ start: n.title?.start ?? n.start, end: n.end }));
    for (const phrase of findPhrases(sentence.tokens, (token) => !usable(token) || named.some((n) => token.start < n.end && n.start < token.end))) {
      const first = sentence.tokens[phrase.from] as Token;
      const last = sentence.tokens[phrase.to] as Token;
      phraseMentions.push({
        sentence,
        frame: phrase.frame,
        mention: { sentence: sentence.index, start: first.start, end: last.end, text: article.slice(first.start, last.end), outerStart: first.start, title: null },
      });
    }
    for (const candidate of names) {
      // "Pensacola, Fla.": the state's abbreviation belongs to the city before it; it is not a key.
      const index = sentence.tokens.findIndex((t) => t.start === candidate.start);
      const city = collected[collected.length - 1];
      if (candidate.tokens.length === 1 && STATE_ABBREVIATION.test(candidate.text) && sentence.tokens[index - 1]?.text === ',') {
        if (city !== undefined && city.candidate.sentence === sentence.index && sentence.tokens[index - 1]?.start === city.candidate.end) city.mention.tailEnd = candidate.end;
        continue;
      }
      const before = sentence.tokens[sentence.tokens.findIndex((t) => t.start === (candidate.title?.start ?? candidate.start)) - 1];
      collected.push({
        candidate,
        mention: {
          sentence: sentence.index,
          start: candidate.start,
          end: candidate.end,
          text: candidate.text,
          outerStart: candidate.title?.start ?? candidate.start,
          title: candidate.title?.text ?? null,
          ...(before?.lower === 'the' ? { afterThe: true } : {}),
        },
      });
    }
  }

  splitTrailingPeople(collected, article, tagger);
  const entities = new Map<string, Entity>();
  const entityOf = (type: KeyType, name: string, first: number, subtype: string, sortKey: number | null, sure = true): Entity => {
    const id = `${type}:${foldName(name)}`;
    let entity = entities.get(id);
    if (entity === undefined) {
      entity = { id, type, name, forms: [], subtype, first, sortKey, titles: [], takesThe: false, onlyAsModifier: false, sure };
      entities.set(id, entity);
    } else if (sure) entity.sure = true;
    return entity;
  };
  const attach = (entity: Entity, mention: Omit<Mention, 'entity'>): void => {
    const full: Mention = { ...mention, entity };
    sentences[mention.sentence]?.mentions.push(full);
    if (!entity.forms.includes(mention.text)) entity.forms.push(mention.text);
    if (mention.title !== null && !entity.titles.includes(mention.title)) entity.titles.push(mention.title);
  };

  // The dateline's place, written as a name: "PASADENA" is Pasadena.
  for (const sentence of sentences) {
    if (sentence.dateline === null) continue;
    const placeText = sentence.dateline.text.split(',')[0]?.trim() ?? '';
    if (placeText === '') continue;
    const name = titleCaseShouting(placeText);
    const entity = entityOf('place', name, sentence.index, placeSubtype(name, tagger), null);
    if (!entity.forms.includes(name)) entity.forms.push(name);
    attach(entity, { sentence: sentence.index, start: sentence.dateline.start, end: sentence.dateline.start + placeText.length, text: placeText, outerStart: sentence.dateline.start, title: null });
  }

  // People named in full (with a title or a first name) first: their single names resolve to them.
  const byToken = new Map<string, Entity | null>();
  const index = (entity: Entity, words: readonly string[]): void => {
    for (const word of words) {
      const key = foldName(word);
      if (key.length < 2) continue;
      const known = byToken.get(key);
      byToken.set(key, known === undefined || known === entity ? entity : null);
    }
  };
  // "Karim al-Nadir" beside "Samir al-Nadir": a name of a first name the lexicon does not know and a
  // surname the article gives a person named in full is a person too, a relative or a namesake, and not
  // the other one (who would otherwise take its surname's mentions, and its pronouns, rule one-candidate).
  const surnameOf = (candidate: NameCandidate): string => foldName((candidate.tokens[candidate.tokens.length - 1] as Token).text);
  const fullNames = collected.filter(({ candidate }) => candidate.strong === 'person' && candidate.tokens.length >= 2).map(({ candidate }) => candidate.tokens.map((t) => foldName(t.text)));
  for (const { candidate } of collected) {
    if (candidate.strong !== null || candidate.modifier || candidate.tokens.length !== 2) continue;
    const words = candidate.tokens.map((t) => foldName(t.text));
    const kin = fullNames.filter((full) => full[full.length - 1] === words[words.length - 1]);
    // "De Vries" beside "Ada de Vries", "Ada Maria de Vries" beside "Ada de Vries": her, not a relative.
    if (kin.length === 0 || kin.some((full) => oneName(full.join(' '), words.join(' ')))) continue;
    if (candidate.evidence.organisation > 0 || candidate.evidence.place > 0 || !personShaped(candidate.tokens, context)) continue;
    candidate.strong = 'person';
  }
  // Where full names share a surname, the surname alone is the one of them named before it, when only one
  // was (one person under two forms counts once); otherwise it is no one's (a name of its own, never
  // merged into either).
  const namedBefore = new Map<string, { entity: Entity; start: number }[]>();
  for (const { candidate } of collected) {
    if (candidate.strong === 'person' && candidate.tokens.length >= 2) {
      const entity = entityOf('person', candidate.text, candidate.sentence, 'person', null);
      index(entity, candidate.tokens.map((t) => t.text));
      const owners = namedBefore.get(surnameOf(candidate)) ?? [];
      if (!owners.some((o) => o.entity === entity)) owners.push({ entity, start: candidate.start });
      namedBefore.set(surnameOf(candidate), owners);
    }
    if (candidate.strong === 'work' && candidate.fullText !== candidate.text) {
      const entity = entityOf('work', candidate.fullText, candidate.sentence, 'event', null);
      index(entity, candidate.tokens.map((t) => t.text));
    }
  }
  // Acronyms defined in brackets: "Federal Emergency Management Agency (FEMA)".
  const acronymOf = new Map<string, string>();
  for (const { candidate } of collected) {
    const after = article.slice(candidate.end, candidate.end + 12);
    const defined = /^ \((\p{Lu}[\p{Lu}\d&]{1,7})\)/u.exec(after);
    if (defined?.[1] !== undefined && candidate.tokens.length >= 2) acronymOf.set(defined[1], candidate.text);
  }

  // Everything else, grouped by its name; its type decided by all its mentions together.
  const groups = new Map<string, Collected[]>();
  const resolved: [Entity, Collected][] = [];
  for (const item of collected) {
    const { candidate } = item;
    const words = candidate.tokens.map((t) => foldName(t.text));
    const known = words.map((w) => byToken.get(w));
    const person = known[0];
    if (candidate.strong !== 'organisation' && candidate.strong !== 'place' && person !== undefined && person !== null && known.every((k) => k === person)) {
      resolved.push([person, item]);
      continue;
    }
    // Owners that are one person under two forms ("Ana Ruiz", "Ana Maria Ruiz") count once.
    const owners = candidate.tokens.length === 1 && person === null ? (namedBefore.get(words[0] as string) ?? []) : [];
    const distinct = owners.filter((o, i) => !owners.slice(0, i).some((p) => oneName(p.entity.name, o.entity.name)));
    const earlier = distinct.filter((o) => o.start < candidate.start);
    if (owners.length >= 2 && earlier.length === 1 && candidate.strong !== 'organisation' && candidate.strong !== 'place') {
      resolved.push([(earlier[0] as { entity: Entity }).entity, item]);
      continue;
    }
    if (candidate.strong === 'person' && candidate.tokens.length >= 2) {
      resolved.push([entityOf('person', candidate.text, candidate.sentence, 'person', null), item]);
      continue;
    }
    if (candidate.strong === 'work' && candidate.fullText !== candidate.text) {
      resolved.push([entityOf('work', candidate.fullText, candidate.sentence, 'event', null), item]);
      continue;
    }
    const expanded = acronymOf.get(candidate.text) ?? candidate.text;
    const key = foldName(expanded);
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  // Organisations by the words they start with: "Kenya Red Cross" is the "Kenya Red Cross Society".
  const typed = new Map<string, { type: NameType; sure: boolean }>();
  for (const [key, group] of groups) typed.set(key, decideType(group.map((g) => g.candidate)));
  const organisations = [...typed.entries()].filter(([, decided]) => decided.type === 'organisation').map(([key]) => key);
  for (const [key, group] of groups) {
    let type = typed.get(key)?.type ?? 'other';
    let sure = typed.get(key)?.sure ?? false;
    let nameKey = key;
    // ... and "U.S. Census Bureau" is the "Census Bureau" with a modifier in front.
    // "Kenya Red Cross" is the "Kenya Red Cross Society"; "Harbour State University", a name complete with
    // its organisation word, is not the "Harbour State University Chess Club".
    const complete = key.split(' ').some((word) => ORGANISATION_WORDS.has(word.replace(/s$/, '')) || ORGANISATION_WORDS.has(word));
    const longer =
      organisations.find((org) => org !== key && org.startsWith(`${key} `) && key.includes(' ') && !complete) ??
      (type === 'organisation'
        ? organisations.find((org) => org !== key && org.includes(' ') && key.endsWith(` ${org}`) && key.split(' ').length - org.split(' ').length <= 2)
        : undefined);
    if (longer !== undefined) {
      type = 'organisation';
      sure = typed.get(longer)?.sure ?? false;
      nameKey = longer;
    }
    const named = groups.get(nameKey) ?? group;
    const display =
      acronymOf.get(named[0]?.candidate.text ?? '') ??
      named.map((g) => g.candidate.text).sort((a, b) => b.length - a.length)[0] ??
      key;
    const first = Math.min(...group.map((g) => g.candidate.sentence));
    const entity = entityOf(type, display, first, type === 'place' ? placeSubtype(display, tagger) : type, null, sure);
    for (const item of group) resolved.push([entity, item]);
  }
  // "in Baton Rouge and Hattiesburg": a name of no known kind, listed with a place, is a place.
  const bySentence = new Map<number, [Entity, Collected][]>();
  for (const pair of resolved) {
    const list = bySentence.get(pair[1].candidate.sentence) ?? [];
    list.push(pair);
    bySentence.set(pair[1].candidate.sentence, list);
  }
  for (const list of bySentence.values()) {
    list.sort((a, b) => a[1].candidate.start - b[1].candidate.start);
    list.forEach(([entity, item], i) => {
      // "Houston and Dallas": a place of no known kind listed with a city is a city too.
      // "Varno province", "the province of Varno": a region, whatever it is listed with (type-word).
      if (entity.type === 'place' && entity.subtype === 'place' && regionWord(article, item.candidate.start, item.candidate.end)) entity.subtype = 'region';
      if (entity.type === 'place' && entity.subtype === 'place') {
        for (const neighbour of [list[i - 1], list[i + 1]]) {
          if (neighbour === undefined || neighbour[0].type !== 'place' || neighbour[0].subtype === 'place') continue;
          const [left, right] = neighbour[1].candidate.start < item.candidate.start ? [neighbour[1].candidate, item.candidate] : [item.candidate, neighbour[1].candidate];
          const gap = article.slice(left.end, right.start);
          // "Varno, Indonesia": a place before its country with only a comma between lies in it; it is no country.
          if (/^\s*,\s*$/.test(gap) && left === item.candidate && (neighbour[0].subtype === 'country' || neighbour[0].subtype === 'region')) continue;
          if (right !== item.candidate && possessorAt(article, right.end)) continue;
          if (/^(?:\s*,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|,\s+or\s+)$/.test(gap)) entity.subtype = neighbour[0].subtype;
        }
      }
      if (entity.type !== 'other' && entity.sure) return;
      for (const neighbour of [list[i - 1], list[i + 1]]) {
        if (neighbour === undefined || neighbour[0].type === 'other') continue;
        // An unsure name is of the kind of a sure one it is listed with ("Houston, Dallas and Austin").
        if (entity.type !== 'other' && !neighbour[0].sure) continue;
        const [left, right] = neighbour[1].candidate.start < item.candidate.start ? [neighbour[1].candidate, item.candidate] : [item.candidate, neighbour[1].candidate];
        const gap = article.slice(left.end, right.start);
        // Round 12: "Having been held in Barlinnie, Ana Ruiz was ...": a comma alone ends a fronted phrase as
        // often as it lists, so it makes no person of a name its own words already type otherwise.
        if (neighbour[0].type === 'person' && entity.type !== 'other' && entity.type !== 'person' && /^\s*,\s*$/.test(gap)) continue;
        // Round 12: "Ana Ruiz, Royal Varno Infirmary and Omar Haddad": an institution's head noun in a name makes
        // it no person, whoever it is listed with.
        if (neighbour[0].type === 'person' && institutionName(entity.name)) continue;
        // Round 40: "Kellin's Ana Varno and Osterby's Piet Lind": a name right before "'s" owns the next one,
        // and is no item of a list with the name before the "and".
        if (right !== item.candidate && possessorAt(article, right.end)) continue;
        if (/^(?:\s*,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|,\s+or\s+)$/.test(gap)) {
          entity.type = neighbour[0].type;
          const own = regionWord(article, item.candidate.start, item.candidate.end) ? 'region' : placeSubtype(entity.name, tagger);
          // "Varno, Indonesia": a place before its country with only a comma between lies in it.
          if (neighbour[0].type === 'place' && own === 'place' && left === item.candidate && /^\s*,\s*$/.test(article.slice(left.end, right.start)) && neighbour[0].subtype === 'country') {
            entity.subtype = 'place';
            entity.sure = neighbour[0].sure;
            return;
          }
          entity.subtype = neighbour[0].type === 'place' ? (own === 'place' ? neighbour[0].subtype : own) : neighbour[0].type;
          entity.sure = neighbour[0].sure;
          return;
        }
      }
    });
  }
  for (const [entity, item] of resolved) {
    // Modifiers before a title ("Louisiana Governor") are mentions, but a name seen only so is not a key.
    attach(entity, { ...item.mention, ...(item.candidate.modifier ? { modifier: true } : {}) });
  }
  // Acronyms and their long forms are one organisation.
  for (const [acronym, long] of acronymOf) {
    const entity = entities.get(`organisation:${foldName(long)}`);
    if (entity !== undefined && !entity.forms.includes(acronym)) entity.forms.push(acronym);
  }

  mergeInitials(entities, sentences);
  mergeSurnames(entities, sentences, tagger);

  for (const { sentence, mention, type, sortKey, subtype } of valueMentions) {
    attach(entityOf(type, mention.text, sentence.index, subtype, sortKey), mention);
  }
  for (const { sentence, mention, frame } of phraseMentions) {
    attach(entityOf('other', mention.text, sentence.index, `phrase:${frame}`, null, false), mention);
  }
  for (const sentence of sentences) {
    sentence.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    // "in Port Varno, Florida": a city's state or country goes with it where the city is asked.
    sentence.mentions.forEach((mention, i) => {
      const next = sentence.mentions[i + 1];
      if (next !== undefined && mention.tailEnd === undefined && placesBefore(article, mention, next, sentence.end)) mention.tailEnd = next.end;
    });
    // A name inside brackets that hold more than it ("(For Inspiration and Recognition of Science)") glosses
    // what stands before the brackets; a bracket holding just the name ("(HRL)") is its short form.
    // The brackets are looked for inside the sentence only: a search of the whole article from each
    // mention would make a long article's cost grow with its square.
    for (const mention of sentence.mentions) {
      const open = lastCharBetween(article, '(', sentence.start, mention.start);
      if (open < 0) continue;
      const close = firstCharBetween(article, ')', mention.end, sentence.end);
      if (close < 0 || lastCharBetween(article, ')', open + 1, mention.start) >= 0) continue;
      if (article.slice(open + 1, close).trim() !== mention.text) mention.inBrackets = true;
    }
  }

  // "the United Kingdom": places and organisations the article writes with "the".
  const withThe = new Map<Entity, [number, number]>();
  for (const sentence of sentences) {
    for (const mention of sentence.mentions) {
      const counts = withThe.get(mention.entity) ?? [0, 0];
      counts[0] += mention.afterThe === true ? 1 : 0;
      counts[1] += mention.modifier === true ? 0 : 1;
      withThe.set(mention.entity, counts);
    }
  }
  for (const [entity, [the, total]] of withThe) {
    entity.takesThe = (entity.type === 'place' || entity.type === 'organisation') && the > 0 && the * 2 >= total;
    entity.onlyAsModifier = total === 0;
  }

  // People: the fullest name is the one to answer with.
  for (const entity of entities.values()) {
    if (entity.type === 'person') {
      const longest = [...entity.forms].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length || b.length - a.length)[0];
      if (longest !== undefined) entity.name = longest;
    }
    if (!entity.forms.includes(entity.name)) entity.forms.unshift(entity.name);
  }
  genderPeople(sentences);
  trustTypeWords(entities.values(), tagger);
  distrustPerformers(sentences, article);
  const ordered = [...entities.values()].sort((a, b) => a.first - b.first || byCodeUnits(a.id, b.id));
  return { article, headline, sentences, entities: ordered };
}

/** Round 12: a name holding an institution's head noun ("Royal Varno Infirmary", "HM Prison Kellmoor"). */
export function institutionName(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/).map((w) => w.replace(/[^\p{L}'-]/gu, '').replace(/'s$/, ''));
  return words.length >= 2 && words.some((w) => INSTITUTION_WORDS.has(w));
}

/** What a band, a choir or a troupe does: an "organisation" doing it is a group of performers. */
const PERFORMED = /^\s+(?:also\s+)?(?:performed|performs|sang|sings|played|plays|headlined|headlines|toured|tours)\b/;

/**
 * An organisation that performs ("Varno Lights performed the halftime show") is a band or a choir: the
 * type word "organisation" reads wrong for it, so no stem names its type (round 13).
 */
function distrustPerformers(sentences: readonly SentenceInfo[], article: string): void {
  for (const sentence of sentences) {
    for (const mention of sentence.mentions) {
      if (mention.entity.type !== 'organisation' || mention.pronoun === true) continue;
      if (PERFORMED.test(article.slice(mention.end, Math.min(sentence.end, mention.end + 40)))) mention.entity.typeTrusted = false;
    }
  }
}
