// Sentences -> facts: each sentence cut into its clauses ("..., and forecasters expect landfall late
// Tuesday" is a fact of its own), each clause kept only if a teacher would ask about it. The gates and
// their reasons are what `--explain` shows. People's titles and the dateline make facts of their own.

import { capitalise, squash, wordCount } from './text.js';
import { hasTag, type Token } from './tokens.js';
import type { Clause, Entity, KeyType, Mention, SentenceInfo } from './types.js';
import { AUXILIARIES, DEMONSTRATIVES, OPENERS, POSSESSIVE_PRONOUNS, SUBJECT_PRONOUNS } from './vocabulary.js';

export type FactOrigin = 'clause' | 'role' | 'dateline';

export interface FactDraft {
  origin: FactOrigin;
  clause: Clause;
  statement: string;
  /** Verbatim words of the article, within one sentence. */
  quote: string;
  topic: string;
  /** For a role fact: the person and the title as written. */
  person?: Entity;
  role?: string;
  mention?: Mention;
}

export const MAX_CLAUSE_WORDS = 60;

/** Titles that only say how to address someone ("Dr.", "Ms."): no role question comes of them. */
export function isHonorificTitle(title: string): boolean {
  return /^(dr|mr|mrs|ms|mx|prof|rev|sir|dame|lord|lady|doctor|professor)\.?$/i.test(title.trim());
}
const BACK_POINTERS = /^(it|they|them|he|she|him|its|their)$/;
const CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas', 'although', 'though', 'yet']);
const BOILERPLATE = /https?:\/\/|www\.|\S+@\S+\.\w|\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}|^#+$|\bfor more information\b|\bmedia contact\b|\bfollow us\b/i;
const TOPICS: Record<KeyType, string> = {
  person: 'people',
  place: 'places',
  organisation: 'organisations',
  date: 'dates',
  time: 'times',
  number: 'numbers',
  work: 'names',
  other: 'names',
};

function isVerbToken(token: Token, mentions: readonly Mention[]): boolean {
  if (!token.isWord || token.isNumber || mentions.some((m) => token.start >= m.outerStart && token.end <= m.end)) return false;
  if (token.isCap && !AUXILIARIES.has(token.lower)) return false;
  return AUXILIARIES.has(token.lower) || hasTag(token, 'Verb');
}

function makeClause(sentence: SentenceInfo, article: string, from: number, to: number): Clause | null {
  const tokens = sentence.tokens.slice(from, to + 1);
  // Trim punctuation that only joined the clause to the next: "..., and" / ";".
  while (tokens.length > 0 && /^[,;:—–-]$/.test(tokens[tokens.length - 1]?.text ?? '')) tokens.pop();
  while (tokens.length > 0 && /^[,;:—–-]$/.test(tokens[0]?.text ?? '')) tokens.shift();
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return null;
  const start = first.start;
  const end = last.end;
  return { sentence, start, end, text: article.slice(start, end), tokens, mentions: sentence.mentions.filter((m) => m.start >= start && m.end <= end) };
}

/** A sentence's clauses: cut at ";" and at ", and" / ", but" / ", while" before a new subject and verb. */
export function clausesOf(sentence: SentenceInfo, article: string): Clause[] {
  const tokens = sentence.tokens;
  const bodyStart = sentence.dateline?.bodyStart ?? sentence.start;
  let from = tokens.findIndex((t) => t.start >= bodyStart);
  if (from < 0) return [];
  const clauses: Clause[] = [];
  const verbWithin = (a: number, b: number): boolean => tokens.slice(a, b).some((t) => isVerbToken(t, sentence.mentions));
  let quoteDepth = 0;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (/^[“"]$/.test(token.text)) quoteDepth = token.text === '“' ? quoteDepth + 1 : quoteDepth === 0 ? 1 : 0;
    if (token.text === '”') quoteDepth = Math.max(0, quoteDepth - 1);
    if (quoteDepth > 0) continue;
    let cut = -1;
    let next = -1;
    if (token.text === ';') {
      cut = i;
      next = i + 1;
    } else if (token.text === ',' && CONJUNCTIONS.has(tokens[i + 1]?.lower ?? '')) {
      const after = i + 2;
      const firstAfter = tokens[after];
      // A new clause has a subject, then a verb: "..., and forecasters expect ...".
      // "in Gary, Ind., Flint, Mich., and Toledo, Ohio, ...": a list goes on, no new clause starts.
      const before = sentence.mentions.filter((m) => (m.tailEnd ?? m.end) <= token.start).pop();
      const following = sentence.mentions.find((m) => m.outerStart === firstAfter?.start);
      const listGoesOn = before !== undefined && following !== undefined && before.entity.type === following.entity.type && !/[a-z]/.test(article.slice(before.tailEnd ?? before.end, token.start));
      if (firstAfter !== undefined && !listGoesOn && !isVerbToken(firstAfter, sentence.mentions) && verbWithin(after + 1, after + 9) && verbWithin(from, i) && i - from >= 4) {
        cut = i;
        next = after;
      }
    }
    if (cut < 0) continue;
    // A clause whose pronoun points back ("..., and 3,000 people reported it") stays with its sentence.
    const end = tokens.findIndex((t, k) => k > next && t.text === ';');
    if (tokens.slice(next, end < 0 ? tokens.length : end).some((t) => BACK_POINTERS.test(t.lower))) continue;
    // Never inside a key: "between July 1, 2023, and July 1, 2024" is one date.
    if (sentence.mentions.some((m) => m.outerStart <= token.start && token.end <= (m.tailEnd ?? m.end))) continue;
    const clause = makeClause(sentence, article, from, cut - 1);
    if (clause !== null) clauses.push(clause);
    from = next;
  }
  const clause = makeClause(sentence, article, from, tokens.length - 1);
  if (clause !== null) clauses.push(clause);
  return clauses;
}

/** Why a clause would not make a fair fact, or null when it would. */
export function clauseGate(clause: Clause): string | null {
  if (BOILERPLATE.test(clause.text)) return 'contact details or a link, not a fact';
  const words = clause.tokens.filter((t) => t.isWord);
  if (words.length < 5) return 'a fragment (fewer than five words)';
  if (!clause.tokens.some((t) => isVerbToken(t, clause.mentions))) return 'a fragment (no verb)';
  const pronoun = leadingPronoun(clause);
  if (pronoun !== null) return `starts with "${pronoun}", which points to something outside the sentence`;
  if (!clause.mentions.some(isAskable)) return 'no answer key (no name, place, organisation, date or number)';
  if (wordCount(clause.text) > MAX_CLAUSE_WORDS) return `too long to ask about (over ${MAX_CLAUSE_WORDS} words)`;
  return null;
}

/**
 * A mention that can be the answer of a question: not a modifier before a title ("U.S." in "U.S.
 * Ambassador"), unless the article names it nowhere else ("Louisiana" in "Louisiana Governor").
 */
export function isAskable(mention: Mention): boolean {
  return mention.modifier !== true || mention.entity.onlyAsModifier;
}

/**
 * The pronoun a clause starts with, when nothing in the clause says what it stands for: "It", "They",
 * "This" + verb. "His"/"Her" count as resolved when the clause names exactly one person.
 */
export function leadingPronoun(clause: Clause): string | null {
  const words = clause.tokens.filter((t) => t.isWord || t.text === ',');
  let i = 0;
  while (i < words.length && /^[“"‘]$/.test(words[i]?.text ?? '')) i++;
  // Openers: "However, it ...", "In addition, they ...".
  for (let look = i; look < Math.min(words.length, i + 3); look++) {
    if (words[look]?.text === ',' && words.slice(i, look).every((t) => OPENERS.has(t.lower) || t.lower === 'in' || t.lower === 'addition')) {
      i = look + 1;
      break;
    }
  }
  const first = words[i];
  if (first === undefined) return null;
  const next = words[i + 1];
  if (SUBJECT_PRONOUNS.has(first.lower)) return first.text;
  if (POSSESSIVE_PRONOUNS.has(first.lower)) {
    const people = new Set(clause.mentions.filter((m) => m.entity.type === 'person').map((m) => m.entity));
    const resolved = (first.lower === 'his' || first.lower === 'her') && people.size === 1;
    return resolved ? null : first.text;
  }
  if (DEMONSTRATIVES.has(first.lower) && (next === undefined || next.text === ',' || AUXILIARIES.has(next.lower) || hasTag(next, 'Verb', 'Adverb'))) {
    return first.text;
  }
  return null;
}

function statementOf(text: string): string {
  const trimmed = squash(text).replace(/[,;:]+$/, '');
  return /[.!?”"’]$/.test(trimmed) ? capitalise(trimmed) : `${capitalise(trimmed)}.`;
}

export function clauseFact(clause: Clause): FactDraft {
  const main = clause.mentions.find(isAskable);
  return {
    origin: 'clause',
    clause,
    statement: statementOf(clause.text),
    quote: clause.text.replace(/[,;:]+$/, ''),
    topic: TOPICS[main?.entity.type ?? 'other'],
  };
}

/** "Ola Brekke is Norway’s Foreign Minister": one fact per titled person, from their fullest title. */
export function roleFacts(sentences: readonly SentenceInfo[], article: string): FactDraft[] {
  const best = new Map<Entity, Mention>();
  for (const sentence of sentences) {
    for (const mention of sentence.mentions) {
      if (mention.entity.type !== 'person' || mention.title === null || isHonorificTitle(mention.title)) continue;
      const known = best.get(mention.entity);
      if (known === undefined || (known.title ?? '').length < mention.title.length) best.set(mention.entity, mention);
    }
  }
  const facts: FactDraft[] = [];
  for (const [person, mention] of best) {
    const sentence = sentences[mention.sentence];
    if (sentence === undefined || mention.title === null) continue;
    const role = mention.title;
    const clause: Clause = {
      sentence,
      start: mention.outerStart,
      end: mention.end,
      text: article.slice(mention.outerStart, mention.end),
      tokens: sentence.tokens.filter((t) => t.start >= mention.outerStart && t.end <= mention.end),
      mentions: [mention],
    };
    const article_ = /[’']s\b/.test(role) || /^(the|a|an)\s/i.test(role) ? '' : 'the ';
    facts.push({ origin: 'role', clause, statement: `${person.name} is ${article_}${role}.`, quote: clause.text, topic: 'people', person, role, mention });
  }
  return facts.sort((a, b) => a.clause.start - b.clause.start);
}

/** "The article is datelined PASADENA, Calif.": where the story was filed. */
export function datelineFact(sentences: readonly SentenceInfo[]): FactDraft | null {
  const sentence = sentences.find((s) => s.dateline !== null);
  const dateline = sentence?.dateline;
  if (sentence === undefined || dateline === null || dateline === undefined) return null;
  const mention = sentence.mentions.find((m) => m.start === dateline.start && m.entity.type === 'place');
  if (mention === undefined) return null;
  const clause: Clause = {
    sentence,
    start: dateline.start,
    end: dateline.end,
    text: dateline.text,
    tokens: sentence.tokens.filter((t) => t.end <= dateline.end),
    mentions: [mention],
  };
  return { origin: 'dateline', clause, statement: `The article is datelined ${dateline.text}.`, quote: dateline.text, topic: 'places', mention };
}
