// Who / where / when / how-many questions from a clause, by moving words rather than by understanding
// them: "Ana Ruiz will meet officials in Lisbon" -> "Where will Ana Ruiz meet officials?". A question is
// made only when the clause has a plain shape (a subject, then a verb, with the key attached to that
// verb); anything else returns null and the key is asked as a cloze instead. Wrong-but-grammatical is
// worse than nothing.

import type { Tagger } from './tagger.js';
import { lowerFirst, tidy } from './text.js';
import { hasTag, type Token } from './tokens.js';
import type { Mention } from './types.js';
import { AUXILIARIES, DEMONSTRATIVES, POSSESSIVE_PRONOUNS, RECIPIENT_VERBS, SUBJECT_PRONOUNS, THAT_VERBS } from './vocabulary.js';

/** Text to cut question words from: the article itself, or the article with a clause's rewrites applied. */
export interface Source {
  slice(start: number, end: number): string;
}

export interface WhRequest {
  article: Source;
  /** Tokens a rewrite stands in for (a resolved pronoun): they may open the clause as its subject. */
  rewritten?: (token: Token) => boolean;
  /** The clause's tokens, in order. */
  tokens: readonly Token[];
  /** Where the clause ends in the article. */
  end: number;
  /** Every mention in the clause (so names are never taken for verbs). */
  mentions: readonly Mention[];
  mention: Mention;
  tagger: Tagger;
}

const FRONT_STARTERS = new Set(
  'during after before on in at since following earlier later last meanwhile instead however also additionally separately today yesterday as throughout until by over within when while because although though if once whereas unless despite'.split(
    ' ',
  ),
);
const CLAUSE_BREAKS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'because', 'although', 'though', 'if', 'unless', 'whether', 'and', 'but', 'or']);
const NEGATIONS = new Set(['not', "n't", 'n’t', 'never', 'no']);
const PLACE_PREPOSITIONS = new Set('in at near from to into across throughout outside toward towards off inside around over'.split(' '));
const DIRECTIONAL = new Set(['to', 'from', 'into', 'toward', 'towards']);
const PREPOSITIONS = new Set('of over about for with by on in at under after before across against among through during'.split(' '));
const PLACE_VERBS = new Set('visit tour reach enter leave hit strike cross approach'.split(' '));
const DATE_PREPOSITIONS = new Set(['on', 'in', 'during', 'from', 'between']);
const RANGE_SHAPES = new Set(['day-range', 'year-range', 'weekday-range']);
const AMOUNT_MODIFIERS = new Set('about nearly some roughly approximately almost over around an estimated more than at least up to fewer less'.split(' '));
/**
 * Round 15: "over 200", "at least 116", "up to 40": a bound, not the count, so "How many ...?" would take the
 * bound for the number (the cloze keeps the word: "Over _____ protesters").
 */
const BOUND_WORDS = new Set(['over', 'more', 'least', 'up', 'fewer', 'less', 'under']);
const VERB_TAGS = ['PastTense', 'PresentTense', 'Modal', 'Copula', 'Auxiliary'];
/** Words that open a phrase describing the name before it ("..., located on ...", "..., director of ..."). */
const PARTICIPLE_OPENERS = new Set('located based situated headquartered'.split(' '));
const APPOSITIVE_OPENERS = new Set([...PARTICIPLE_OPENERS, ...'known called named owned founded a an the director president chairman chairwoman chair head chief leader founder spokesman spokeswoman spokesperson secretary minister professor'.split(' ')]);
/** Words that open talk, not a clause: "Hi, this is ...", "Yes we did", "Well it was ...". */
const INTERJECTIONS = new Set(['hi', 'hello', 'hey', 'yes', 'yeah', 'no', 'well', 'oh', 'ah', 'thanks', 'okay', 'ok', 'um', 'er']);
/** Words that open a subordinate clause ("Ever since ...", "Although ..."). */
const SUBORDINATORS = new Set('ever since although though because unless whereas whether once until'.split(' '));
/** Prepositions the tagger may read as something else ("behind" as an adjective): the word after one is a noun. */
const NOUN_PREPOSITIONS = new Set('behind beyond beneath below above among amid inside outside within without near beside between toward towards upon via throughout despite'.split(' '));

function inMention(token: Token, mentions: readonly Mention[]): boolean {
  return mentions.some((m) => token.start >= m.outerStart && token.end <= m.end);
}

function isVerb(token: Token, mentions: readonly Mention[]): boolean {
  if (!token.isWord || token.isCap || token.isNumber || inMention(token, mentions)) return false;
  if (AUXILIARIES.has(token.lower)) return true;
  return hasTag(token, ...VERB_TAGS) && !hasTag(token, 'Gerund', 'Noun', 'Adjective', 'Preposition', 'Determiner');
}

interface Shape {
  /** Index of the first token of the subject. */
  subjectFrom: number;
  /** Index just past the subject (adverbs excluded). */
  subjectTo: number;
  /** Adverbs between subject and verb: "recently". */
  adverbs: string;
  /** Index of the verb (the auxiliary when there is one). */
  verb: number;
  /** The auxiliary moved before the subject, and the verb's form after it. */
  aux: string;
  /** The main verb's text after inversion ("speak" for "spoke"); '' when the auxiliary stays as written. */
  base: string;
  /** Index just past the verb word that `base` replaces (for an auxiliary: just past it). */
  restFrom: number;
  /** Index where the main verb's object would start, and the main verb's base form. */
  objectAt: number;
  lemma: string;
}

/**
 * Whether token `i` (not the clause's first) can be its verb: a verb the tagger found, but not the noun
 * after "the", "a" or "an" ("The confirmed death toll") nor after a preposition ("homicide behind bars is
 * unusual"), unless an auxiliary.
 */
function clauseVerbAt(tokens: readonly Token[], i: number, mentions: readonly Mention[]): boolean {
  const token = tokens[i] as Token;
  const previous = tokens[i - 1] as Token;
  if (!isVerb(token, mentions) || ['the', 'a', 'an'].includes(previous.lower)) return false;
  const afterPreposition = previous.lower !== 'to' && (PREPOSITIONS.has(previous.lower) || NOUN_PREPOSITIONS.has(previous.lower) || hasTag(previous, 'Preposition'));
  return !afterPreposition || AUXILIARIES.has(token.lower);
}

function analyse(tokens: readonly Token[], from: number, mentions: readonly Mention[], tagger: Tagger, rewritten: (token: Token) => boolean): Shape | null {
  let verb = -1;
  for (let i = from; i < tokens.length && i < from + 14; i++) {
    const token = tokens[i] as Token;
    if (token.text === ',' || token.text === ';' || /^[“”"]$/.test(token.text)) return null;
    if (i > from && clauseVerbAt(tokens, i, mentions)) {
      verb = i;
      break;
    }
  }
  if (verb < 0) return null;
  const first = tokens[from] as Token;
  if ((SUBJECT_PRONOUNS.has(first.lower) || POSSESSIVE_PRONOUNS.has(first.lower)) && !rewritten(first)) return null;
  // "Ever since a war came to an end in 2009, relations ...": a clause opened by a subordinating word is not
  // the sentence's own, and its subject is no subject of a question.
  if (SUBORDINATORS.has(first.lower)) return null;
  // "in the village of Osterby a traffic accident escalated": a subject does not start with a preposition.
  // ("About 27 people", "Over 90 homes": a bound before a number is part of the subject.)
  if ((PREPOSITIONS.has(first.lower) || NOUN_PREPOSITIONS.has(first.lower) || PLACE_PREPOSITIONS.has(first.lower)) && !(AMOUNT_MODIFIERS.has(first.lower) && tokens[from + 1]?.isNumber === true)) return null;
  // "that is 24,000 children": a demonstrative alone as the subject points back to what the stem cannot show.
  if (DEMONSTRATIVES.has(first.lower) && verb === from + 1) return null;
  // Round 17: "Hi this is Ana Ruiz": a greeting or an answer word opens talk, not a subject ("Who is Hi this?").
  if (INTERJECTIONS.has(first.lower)) return null;
  // "No pictures have been released": a question on a negated subject asks about nothing.
  if (tokens.slice(from, verb).some((t) => ['no', 'none', 'neither', 'nobody', 'nothing', 'never'].includes(t.lower))) return null;
  let subjectTo = verb;
  while (subjectTo - 1 > from && hasTag(tokens[subjectTo - 1], 'Adverb') && !inMention(tokens[subjectTo - 1] as Token, mentions)) subjectTo--;
  const adverbs = tokens
    .slice(subjectTo, verb)
    .map((t) => t.text)
    .join(' ');
  const verbToken = tokens[verb] as Token;
  const next = tokens[verb + 1];
  if (next !== undefined && NEGATIONS.has(next.lower)) return null;
  const base = { subjectFrom: from, subjectTo, adverbs, verb, restFrom: verb + 1 };
  if (AUXILIARIES.has(verbToken.lower)) {
    let main = verb + 1;
    while (main < tokens.length && (hasTag(tokens[main], 'Adverb') || AUXILIARIES.has(tokens[main]?.lower ?? '') || tokens[main]?.lower === 'be' || tokens[main]?.lower === 'been')) main++;
    const mainToken = tokens[main];
    const isMain = mainToken !== undefined && mainToken.isWord && !mainToken.isCap && hasTag(mainToken, 'Verb', 'Infinitive', 'PastTense', 'Participle', 'PresentTense');
    const lemma = isMain ? tagger.infinitive(mainToken.text, hasTag(mainToken, 'PastTense', 'Participle') ? 'PastTense' : 'PresentTense') : verbToken.lower;
    return { ...base, aux: verbToken.lower, base: '', objectAt: isMain ? main + 1 : verb + 1, lemma };
  }
  if (hasTag(verbToken, 'PastTense')) {
    if (reducedRelative(tokens, verb, mentions)) return null;
    const lemma = tagger.infinitive(verbToken.text, 'PastTense');
    return { ...base, aux: 'did', base: lemma, objectAt: verb + 1, lemma };
  }
  if (hasTag(verbToken, 'PresentTense')) {
    const aux = verbToken.lower.endsWith('s') ? 'does' : 'do';
    const lemma = tagger.infinitive(verbToken.text, 'PresentTense');
    return { ...base, aux, base: lemma, objectAt: verb + 1, lemma };
  }
  return null;
}

/**
 * "A study published in June suggests ...", "vessels seized by pirates have been ...": a past participle
 * that qualifies the noun before it, with the clause's own verb still to come. Asked about, it would make
 * "When did a study publish suggests ...?".
 */
function reducedRelative(tokens: readonly Token[], verb: number, mentions: readonly Mention[]): boolean {
  const token = tokens[verb] as Token;
  if (!/ed$/.test(token.lower) || !PREPOSITIONS.has(tokens[verb + 1]?.lower ?? '')) return false;
  for (let i = verb + 2; i < tokens.length; i++) {
    const next = tokens[i] as Token;
    if (next.text === ',' || next.text === ';' || /^[“”"]$/.test(next.text) || CLAUSE_BREAKS.has(next.lower)) return false;
    if (isVerb(next, mentions) && (AUXILIARIES.has(next.lower) || hasTag(next, 'PresentTense', 'Modal', 'Copula'))) return true;
  }
  return false;
}

/** The index of the first and last token of a mention (with its title and possessor), or null. */
function span(tokens: readonly Token[], mention: Mention, outer: boolean): [number, number] | null {
  const from = tokens.findIndex((t) => t.start >= (outer ? mention.outerStart : mention.start));
  let to = -1;
  tokens.forEach((t, i) => {
    if (t.end <= mention.end) to = i;
  });
  return from < 0 || to < from ? null : [from, to];
}

function textBetween(article: Source, tokens: readonly Token[], from: number, to: number): string {
  if (from > to) return '';
  return article.slice((tokens[from] as Token).start, (tokens[to] as Token).end);
}

/** Keeps a proper name's capital, lowers a sentence's: "The storm" -> "the storm", "NASA" stays. */
function subjectText(article: Source, tokens: readonly Token[], shape: Shape, mentions: readonly Mention[], rewritten: (token: Token) => boolean): string {
  const text = textBetween(article, tokens, shape.subjectFrom, shape.subjectTo - 1);
  const first = tokens[shape.subjectFrom] as Token;
  // "Her team" read as "Ana Ruiz’s team": the words standing in for the pronoun are a name, kept as written.
  if (rewritten(first)) return text;
  // Only a word capitalised for starting the sentence is lowered: "The storm" -> "the storm", "Okafor’s" stays.
  const common = hasTag(first, 'Determiner', 'Pronoun', 'Adjective', 'Adverb', 'Preposition') || (hasTag(first, 'Noun') && !hasTag(first, 'ProperNoun', 'Person', 'Place', 'Organization'));
  return first.isAcronym || inMention(first, mentions) || !common ? text : lowerFirst(text);
}

/** The index of the last token to keep: closing punctuation and quotation marks go. */
function lastKept(tokens: readonly Token[]): number {
  let last = tokens.length - 1;
  while (last >= 0 && !(tokens[last] as Token).isWord) last--;
  return last;
}

/**
 * Where an inverted question should stop: before an attribution (", the agency said Tuesday") and before
 * a second verb joined by "and" ("confirmed ... and urged ..."), which "did ... confirm" cannot carry.
 */
function restEnd(tokens: readonly Token[], from: number, mentions: readonly Mention[]): number {
  let end = lastKept(tokens);
  for (let i = from; i <= end; i++) {
    const token = tokens[i] as Token;
    if (token.text === ',' && tokens.slice(i + 1, i + 9).some((t) => ['said', 'says', 'reported', 'announced', 'added', 'noted'].includes(t.lower))) {
      end = i - 1;
      break;
    }
    // "..., and the club's coach Ana Ruiz said ...": a second clause with its own subject and verb.
    if (token.text === ',' && ['and', 'but'].includes(tokens[i + 1]?.lower ?? '') && secondClause(tokens, i + 2, mentions)) {
      end = i - 1;
      break;
    }
    if ((token.lower === 'and' || token.lower === 'but') && isVerb(tokens[i + 1] ?? token, mentions) && hasTag(tokens[i + 1], 'PastTense') && !hasTag(tokens[i + 1], 'Participle')) {
      end = i - 1;
      break;
    }
    // "arrived in Osterby on Monday and the harbour was closed": "and" with no comma before a clause of its own.
    // (Not after a comma or another "and": "athletes, journalists and spectators will be" ends a list.)
    if ((token.lower === 'and' || token.lower === 'but') && !tokens.slice(from, i).some((t) => t.text === ',' || t.lower === 'and') && secondClause(tokens, i + 1, mentions) && !relativeBeforeVerb(tokens, i + 1, mentions)) {
      end = i - 1;
      break;
    }
  }
  return end;
}

/**
 * Whether the words from `from` open a clause of their own: a subject (no verb first), then within eight
 * words a past or present tense verb, before any comma.
 */
function secondClause(tokens: readonly Token[], from: number, mentions: readonly Mention[]): boolean {
  const first = tokens[from];
  if (first === undefined || isVerb(first, mentions)) return false;
  // Round 18: "alive but critically injured": an adverb and then a verb form go on the first clause.
  if (hasTag(first, 'Adverb') && tokens[from + 1] !== undefined && isVerb(tokens[from + 1] as Token, mentions)) return false;
  for (let i = from + 1; i < tokens.length && i < from + 9; i++) {
    const token = tokens[i] as Token;
    if (!token.isWord) return false;
    if (isVerb(token, mentions) && hasTag(token, 'PastTense', 'PresentTense') && !hasTag(token, 'Participle')) return true;
  }
  return false;
}

/** "and the harbour that was closed": a relative word before the verb makes it the noun's clause, not a new one. */
function relativeBeforeVerb(tokens: readonly Token[], from: number, mentions: readonly Mention[]): boolean {
  for (let i = from; i < tokens.length && i < from + 9; i++) {
    const token = tokens[i] as Token;
    if (['that', 'which', 'who', 'whom', 'whose', 'where'].includes(token.lower)) return true;
    if (isVerb(token, mentions)) return false;
  }
  return false;
}

/**
 * "An 8.6 magnitude earthquake", "a 7 magnitude quake": a measure, not a count, so no "How many ...?". A
 * number with a decimal point counts nothing, nor does one before two singular nouns (the first of them
 * naming a measure of the second); "11 crew" and "300 engineers" are counts.
 */
function aCount(mention: Mention, noun: readonly Token[]): boolean {
  if (/\d\.\d/.test(mention.text)) return false;
  const words = noun.filter((t) => t.lower !== 'of');
  return !(words.length >= 2 && hasTag(words[0], 'Singular') && hasTag(words[words.length - 1], 'Singular'));
}

/** The clause's text from token `from` to `to`, with [cutFrom, cutTo] taken out. */
function restText(article: Source, tokens: readonly Token[], from: number, cut: [number, number] | null, to = lastKept(tokens)): string {
  const parts: string[] = [];
  if (cut === null) parts.push(textBetween(article, tokens, from, to));
  else {
    parts.push(textBetween(article, tokens, from, cut[0] - 1));
    parts.push(textBetween(article, tokens, cut[1] + 1, to));
  }
  return parts.join(' ').replace(/[\s,;:]+$/u, '');
}

/** "... at the Harbour Visitor Center (HVC": the brackets and quotation marks the cut left open, closed. */
function closings(text: string): string {
  const count = (pattern: RegExp): number => text.match(pattern)?.length ?? 0;
  return ')'.repeat(Math.max(0, count(/\(/g) - count(/\)/g))) + '”'.repeat(Math.max(0, count(/“/g) - count(/”/g)));
}

function assemble(parts: readonly string[]): string | null {
  const text = tidy(parts.filter((p) => p.trim() !== '').join(' '));
  // Round 15: "When did the train derail, killing three; on January 31, a truck ...?": a semicolon opens a
  // second sentence, which a question cannot carry.
  if (text.split(/\s+/).length < 4 || text.includes(';')) return null;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${closings(text)}?`;
}

/** Whether nothing between the verb and token `index` starts another clause ("..., which", "to discuss"). */
function attachedToVerb(tokens: readonly Token[], verb: number, index: number, mentions: readonly Mention[]): boolean {
  for (let i = verb + 1; i < index; i++) {
    const token = tokens[i] as Token;
    if (token.text === ',' || token.text === ';' || CLAUSE_BREAKS.has(token.lower)) return false;
    if (hasTag(token, 'Gerund') && !inMention(token, mentions)) return false;
    if (token.lower === 'to' && isVerb(tokens[i + 1] ?? token, mentions) && hasTag(tokens[i + 1], 'Infinitive')) return false;
  }
  return true;
}

function whFor(entity: Mention['entity']): string | null {
  // "Who" of something that is not surely a person is worse than no question.
  if (!entity.sure || entity.typeTrusted === false) return null;
  switch (entity.type) {
    case 'person':
      return 'who';
    case 'organisation':
      return 'which organisation';
    case 'place':
      return 'which place';
    default:
      return null;
  }
}

function ask(request: WhRequest, tokens: readonly Token[], prefix: string): string | null {
  const { article, mention, mentions, tagger } = request;
  const type = mention.entity.type;
  const inner = span(tokens, mention, false);
  const outer = span(tokens, mention, true);
  if (inner === null || outer === null) return null;
  if (/^[“"‘]$/.test(tokens[0]?.text ?? '')) return null;
  // "Okafors' 12-point lead": a possessor is no answer to "who".
  if (/^['’]s?$/.test(tokens[inner[1] + 1]?.text ?? '')) return null;

  // A fronted phrase ("During the visit from June 3 to 5, ...") is dropped; a date in it can be asked.
  let coreFrom = 0;
  const first = tokens[0] as Token;
  const countFirst = AMOUNT_MODIFIERS.has(first.lower) && (tokens[1]?.isNumber === true || tokens[1]?.start === mention.start);
  // Round 12: "Having been held in Barlinnie, Ana Ruiz was ...", "Facing trial, ...": a participle opens a
  // fronted phrase too; read as the subject it made "Where did Having be held ...?".
  const participle = /ing$/.test(first.lower) && hasTag(first, 'Gerund', 'Verb') && tokens.slice(1, 16).some((t) => t.text === ',');
  if (!countFirst && (FRONT_STARTERS.has(first.lower) || hasTag(first, 'Preposition', 'Conjunction') || participle)) {
    const comma = tokens.findIndex((t, i) => i < 16 && t.text === ',');
    if (comma < 0) return null;
    coreFrom = comma + 1;
  }
  const shape = analyse(tokens, coreFrom, mentions, tagger, request.rewritten ?? (() => false));
  if (shape === null) return null;
  const subject = subjectText(article, tokens, shape, mentions, request.rewritten ?? (() => false));
  const verbPart = shape.base === '' ? '' : shape.base;
  const restFrom = shape.restFrom;
  const lead = (wh: string): string => (prefix === '' ? wh : `${prefix}${wh}`);

  // In the fronted phrase: only a date, and only when the phrase holds nothing else to keep.
  if (outer[1] < coreFrom) {
    if (type !== 'date') return null;
    // "Since 2003, fighting has ...": "When has fighting ...?" would ask for a start as if it were a time.
    if (['since', 'until', 'till', 'by', 'before', 'after'].includes(tokens[outer[0] - 1]?.lower ?? '')) return null;
    const others = mentions.filter((m) => m !== mention && m.start < (tokens[coreFrom] as Token).start && m.entity.type !== 'date');
    if (others.length > 0) return null;
    return assemble([lead('when'), shape.aux, subject, shape.adverbs, verbPart, restText(article, tokens, restFrom, null, restEnd(tokens, restFrom, mentions))]);
  }

  // In the subject: "Ana Ruiz will visit Lisbon" -> "Who will visit Lisbon?"
  if (outer[0] >= shape.subjectFrom && inner[1] < shape.subjectTo) {
    const verbText = textBetween(article, tokens, shape.verb, Math.max(shape.verb, restEnd(tokens, shape.verb + 1, mentions))).replace(/[\s,;:]+$/u, '');
    if (type === 'number') {
      const before = tokens.slice(shape.subjectFrom, outer[0]);
      const after = tokens.slice(inner[1] + 1, shape.subjectTo);
      if (!before.every((t) => AMOUNT_MODIFIERS.has(t.lower)) || before.some((t) => BOUND_WORDS.has(t.lower)) || after.length === 0 || after.length > 4) return null;
      if (!after.every((t) => t.isWord && !t.isCap && !t.isNumber) || !['plain', 'scaled', 'word'].includes(mention.numberShape ?? '')) return null;
      if (!aCount(mention, after)) return null;
      return assemble([lead('how many'), after.map((t) => t.text).join(' '), shape.adverbs, verbText]);
    }
    // A place does not act: "Which place faced England?" asks for a team. A country may: "Which country ...".
    const wh = type === 'place' ? (mention.entity.sure && mention.entity.subtype === 'country' ? 'which country' : null) : whFor(mention.entity);
    if (wh === null) return null;
    const before = tokens.slice(shape.subjectFrom, outer[0]);
    if (!before.every((t) => t.lower === 'the') || inner[1] !== shape.subjectTo - 1) return null;
    return assemble([lead(wh), shape.adverbs, verbText]);
  }
  if (inner[0] < shape.restFrom) return null;

  // After the verb: the key must belong to that verb, and must not be one of a list.
  const previous = tokens[outer[0] - 1];
  const following = tokens[inner[1] + 1];
  if (following !== undefined && (following.lower === 'and' || following.lower === 'or')) return null;
  // "in Austin, Denver and Miami": the first of a list is no more the place than the others.
  if (following?.text === ',' && mentions.some((m) => m !== mention && m.entity.type === type && m.outerStart === tokens[inner[1] + 2]?.start)) return null;
  if (previous !== undefined && (previous.lower === 'and' || previous.lower === 'or' || previous.text === ',')) return null;
  const objectAt = shape.objectAt;
  const directObject = outer[0] === objectAt || (outer[0] === objectAt + 1 && tokens[objectAt]?.lower === 'the');
  const build = (wh: string, cut: [number, number]): string | null => {
    // "on Oct. 14, 2024, from ...": the comma closing a year goes with the date.
    let [cutFrom, cutTo] = cut;
    if (/\d, \d{4}$/.test(mention.text) && tokens[cutTo + 1]?.text === ',') cutTo++;
    if (cutTo >= lastKept(tokens) && tokens[cutFrom - 1]?.text === ',') cutFrom--;
    const end = restEnd(tokens, restFrom, mentions);
    if (end < cutTo) return null;
    // "took place at _____, located on 38th Street": words that describe the key go with it, and the question
    // cannot carry them without it.
    if (cutTo < end && ((tokens[cutTo + 1]?.text === ',' && APPOSITIVE_OPENERS.has(tokens[cutTo + 2]?.lower ?? '')) || PARTICIPLE_OPENERS.has(tokens[cutTo + 1]?.lower ?? ''))) return null;
    return assemble([lead(wh), shape.aux, subject, shape.adverbs, verbPart, restText(article, tokens, restFrom, [cutFrom, cutTo], end)]);
  };
  // A city with its state: "from Morgan City, La., to ..." goes whole.
  let tail = inner[1];
  if (mention.tailEnd !== undefined) tokens.forEach((t, i) => {
    if (t.end <= (mention.tailEnd as number)) tail = Math.max(tail, i);
  });

  switch (type) {
    case 'place': {
      // Round 33: "Where" of a name the finder is not sure is a place ("broadcast live in HD quality") asks
      // for a place that may be none, as "Who" would of an unsure person.
      if (!mention.entity.sure) return null;
      // "from Morgan City to ...": half of a range is no place to ask about.
      if (previous?.lower === 'from' && tokens.slice(tail + 1, tail + 4).some((t) => t.lower === 'to')) return null;
      // "to"/"from" belong to the verb only near it: "traveled to X", not "arms transfers to X".
      const directional = previous !== undefined && DIRECTIONAL.has(previous.lower);
      const between = tokens.slice(shape.objectAt, outer[0] - 1);
      if (directional && (between.length > 3 || between.some((t) => hasTag(t, 'Preposition') || PREPOSITIONS.has(t.lower)))) return null;
      if (previous !== undefined && PLACE_PREPOSITIONS.has(previous.lower) && attachedToVerb(tokens, shape.verb, outer[0] - 1, mentions)) {
        return build('where', [outer[0] - 1, tail]);
      }
      if (directObject && PLACE_VERBS.has(shape.lemma)) return build('where', [outer[0], tail]);
      return null;
    }
    case 'date': {
      const shapeName = mention.dateShape ?? '';
      // Round 20: "A court yesterday cleared her of a bomb attack in 1998": a clause with another time in it
      // ("yesterday", "this year", another date) leaves "When did a court clear her ...?" asking for either.
      const otherTime = tokens.some((t, i) => (i < outer[0] || i > inner[1]) && OTHER_TIME.has(t.lower));
      const otherDate = mentions.some((m) => m !== mention && m.entity.type === 'date' && m.start >= first.start && m.end <= (tokens.at(-1) as Token).end);
      if (otherTime || otherDate) return null;
      if (previous !== undefined && DATE_PREPOSITIONS.has(previous.lower)) {
        if ((previous.lower === 'from' || previous.lower === 'between') && !RANGE_SHAPES.has(shapeName)) return null;
        if (!attachedToVerb(tokens, shape.verb, outer[0] - 1, mentions)) return null;
        // Round 38: "stayed in custody until his trial on May 3": the date is the trial's, not the verb's.
        if (tokens.slice(shape.verb + 1, outer[0] - 1).some((t) => /^(?:until|till|before|after|since|during|pending)$/.test(t.lower))) return null;
        // Round 38: "was lost back in 1998": "back" goes with the date, not with a verb it follows ("came back").
        const back = tokens[outer[0] - 2];
        const withBack = back?.lower === 'back' && tokens[outer[0] - 3] !== undefined && !isVerb(tokens[outer[0] - 3] as Token, mentions);
        return build('when', [outer[0] - (withBack ? 2 : 1), inner[1]]);
      }
      if ((shapeName === 'weekday' || shapeName === 'relative') && attachedToVerb(tokens, shape.verb, outer[0], mentions)) return build('when', [outer[0], inner[1]]);
      return null;
    }
    case 'time':
      if (previous?.lower === 'at' && attachedToVerb(tokens, shape.verb, outer[0] - 1, mentions)) return build('at what time', [outer[0] - 1, inner[1]]);
      return null;
    case 'number': {
      let from = outer[0];
      while (from - 1 >= objectAt && AMOUNT_MODIFIERS.has(tokens[from - 1]?.lower ?? '')) from--;
      if (from !== objectAt || tokens.slice(from, outer[0]).some((t) => BOUND_WORDS.has(t.lower))) return null;
      if (mention.numberShape === 'money') return build('how much', [from, inner[1]]);
      if (!['plain', 'scaled', 'word'].includes(mention.numberShape ?? '')) return null;
      let to = inner[1];
      const noun: string[] = [];
      let usedOf = false;
      while (noun.length < 4) {
        const token = tokens[to + 1];
        // Right after a number comes its noun, whatever the tagger thinks ("300 engineers").
        if (token === undefined || !token.isWord || token.isCap || token.isNumber || (noun.length > 0 && isVerb(token, mentions))) break;
        if (token.lower === 'of' && !usedOf && noun.length > 0) usedOf = true;
        else if (hasTag(token, 'Preposition', 'Conjunction', 'Determiner', 'Adverb')) break;
        noun.push(token.text);
        to++;
      }
      if (noun.length === 0 || noun[noun.length - 1] === 'of' || !aCount(mention, tokens.slice(inner[1] + 1, to + 1))) return null;
      // "400 responders and 1.2 million gallons": one of a list.
      const after = tokens[to + 1];
      if (after !== undefined && (after.lower === 'and' || after.lower === 'or')) return null;
      return build(`how many ${noun.join(' ')}`, [from, to]);
    }
    case 'person':
    case 'organisation': {
      const wh = whFor(mention.entity);
      if (wh === null) return null;
      const recipient = previous?.lower === 'to' && RECIPIENT_VERBS.has((tokens[shape.verb] as Token).lower);
      if (previous !== undefined && (previous.lower === 'with' || previous.lower === 'by' || recipient) && attachedToVerb(tokens, shape.verb, outer[0] - 1, mentions)) {
        const cutFrom = tokens[outer[0] - 1]?.lower === 'the' ? outer[0] - 1 : outer[0];
        return build(wh, [cutFrom, inner[1]]);
      }
      // Round 18: "are Kellin United football players": a name before a common noun describes it, and is no
      // object to ask about ("Which organisation are two of the dead?").
      if (following !== undefined && following.isWord && !following.isCap && hasTag(following, 'Noun') && !hasTag(following, 'Verb', 'Preposition', 'Conjunction', 'Determiner', 'Adverb', 'Pronoun')) return null;
      if (directObject) return build(wh, [objectAt, inner[1]]);
      return null;
    }
    default:
      return null;
  }
}

/**
 * Round 19: "Kellin Press was also sued": "also" says others did the same, so "Which organisation was also
 * sued?" has more than one right answer ("as well", "likewise" and a closing "too" alike). ("Also on
 * Thursday, Kellin won ...": opening the clause, it adds the sentence, not the subject.)
 */
function othersDidTheSame(tokens: readonly Token[]): boolean {
  const closes = (i: number): boolean => !/^\p{L}/u.test(tokens[i + 1]?.text ?? '');
  return tokens.some((t, i) => (t.lower === 'also' && i > 0) || t.lower === 'likewise' || (t.lower === 'well' && tokens[i - 1]?.lower === 'as' && closes(i)) || (t.lower === 'too' && closes(i)));
}

/** Words of time that, beside a date, leave a "when" asking for two times. */
const OTHER_TIME = new Set(['yesterday', 'today', 'tonight', 'tomorrow', 'ago', 'earlier', 'later', 'previously', 'recently', 'now', 'currently']);

/**
 * A who/where/when/how-many question asking for `request.mention`, or null when the clause's shape does
 * not allow one. Keys inside a reported clause ("announced that ...") are asked "According to the
 * article, ...".
 */
export function whQuestion(request: WhRequest): string | null {
  const tokens = request.tokens.filter((t) => t.end <= request.end);
  if (othersDidTheSame(tokens)) return null;
  const direct = ask(request, tokens, '');
  if (direct !== null) return direct;
  const that = tokens.findIndex((t, i) => t.lower === 'that' && tokens.slice(Math.max(0, i - 4), i).some((v) => THAT_VERBS.has(v.lower)));
  if (that < 0 || (tokens[that] as Token).start > request.mention.outerStart) return null;
  return ask(request, tokens.slice(that + 1), 'According to the article, ');
}
