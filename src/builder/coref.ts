// Coreference for the pronoun a sentence starts with: "She said ..." after "..., said Dr. Ana Ruiz" is a
// fact about Ana Ruiz. Narrative news puts a third of its facts in such sentences; without this they are
// lost or unreadable on their own. The rules are few and cautious, because a wrong antecedent makes a
// wrong question: he/she is the most recent person of a compatible gender when only one fits (the subject
// or the speaker wins a tie); "it"/"they" are the plain subject of the sentence before ("The quake ...")
// or, for "it", an organisation that was that subject. Anything else stays unresolved, and the sentence
// is dropped with its reason.

import { hasTag, type Token } from './tokens.js';
import type { Entity, Mention, SentenceInfo } from './types.js';
import { AUXILIARIES, OPENERS, REPORTING_VERBS } from './vocabulary.js';

export type Gender = 'female' | 'male' | null;

export interface Resolution {
  /** The pronoun as written, and its place in the article. */
  pronoun: Token;
  /** What it stands for, as the fact should read: "Ana Ruiz", "the quake". */
  text: string;
  /** The person or organisation it names, when it names one (then it can be asked about). */
  entity: Entity | null;
  /** The rule that decided, for `--explain`. */
  rule: string;
}

/** Nouns for groups, which "they" may stand for: "The team ... They ...". */
const COLLECTIVE = /^(team|group|family|crew|couple|pair|squad|club|band|company|government|police|staff|board|panel|committee|council|party|delegation|agency|department|firm|government|jury|public|audience|class)$/i;
const LOOK_BACK = 3;
const FEMALE_HONORIFICS = /^(mrs|ms|miss|madam|dame|lady|queen|princess|sister)\.?$/i;
const MALE_HONORIFICS = /^(mr|sir|lord|king|prince|father|brother)\.?$/i;

/** A person's gender as far as the article's words show it (a first name, an honorific), or null. */
export function genderOf(entity: Entity, lexicon: (word: string) => readonly string[]): Gender {
  if (entity.gender !== undefined) return entity.gender;
  for (const title of entity.titles) {
    const word = title.split(/\s+/).pop() ?? '';
    if (FEMALE_HONORIFICS.test(word)) return 'female';
    if (MALE_HONORIFICS.test(word)) return 'male';
  }
  const first = entity.name.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (entity.name.split(/\s+/).length < 2) return null;
  const tags = lexicon(first);
  const female = tags.includes('FemaleName');
  const male = tags.includes('MaleName');
  return female === male ? null : female ? 'female' : 'male';
}

/** The index of the word a clause's subject starts at, after quotation marks and an opener ("However,"). */
export function subjectIndex(tokens: readonly Token[], from = 0): number {
  let i = from;
  while (i < tokens.length && /^[“"‘]$/.test(tokens[i]?.text ?? '')) i++;
  for (let look = i; look < Math.min(tokens.length, i + 4); look++) {
    if (tokens[look]?.text === ',' && tokens.slice(i, look).every((t) => OPENERS.has(t.lower) || t.lower === 'in' || t.lower === 'addition')) return look + 1;
  }
  return i;
}

/** Whether "It ..." is the empty subject of "It is clear that ...", "It was not known whether ...". */
function isExpletive(tokens: readonly Token[], at: number): boolean {
  const verb = tokens[at + 1];
  if (verb === undefined || !['is', 'was', 'has', 'had', 'remains', 'seems', 'appears', 'will', 'would', "’s", "'s"].includes(verb.lower)) return false;
  for (let i = at + 2; i < Math.min(tokens.length, at + 8); i++) {
    const word = tokens[i] as Token;
    if (['that', 'whether', 'if', 'how', 'why', 'what', 'when', 'unclear', 'clear', 'time', 'likely', 'unlikely', 'possible', 'important', 'necessary', 'hard', 'difficult', 'easy'].includes(word.lower)) return true;
    if (word.text === ',' || word.isCap) return false;
  }
  return false;
}

interface Subject {
  text: string;
  entity: Entity | null;
  plural: boolean;
}

/**
 * The plain subject of a sentence: a short noun phrase ("The quake", "Federal investigators") or a name,
 * right before its first verb, with no comma or clause of its own in between.
 */
function plainSubject(sentence: SentenceInfo, isVerb: (token: Token) => boolean): Subject | null {
  const bodyStart = sentence.bodyStart;
  const tokens = sentence.tokens.filter((t) => t.start >= bodyStart);
  let from = subjectIndex(tokens);
  // "On a new website, ..., Microsoft has launched ...": past a fronted phrase to the subject.
  if (hasTag(tokens[from], 'Preposition') || /^(after|before|during|since|following|with|on|in|at)$/i.test(tokens[from]?.text ?? '')) {
    // The last comma before the first verb closes the phrase ("On a new site, “Countdown”, Microsoft ...").
    const verbAt = tokens.findIndex((t, i) => i > from && isVerb(t));
    let comma = -1;
    tokens.forEach((t, i) => {
      if (i > from && i < from + 20 && (verbAt < 0 || i < verbAt) && t.text === ',') comma = i;
    });
    if (comma > 0) from = comma + 1;
  }
  const first = tokens[from];
  if (first === undefined) return null;
  let verb = -1;
  for (let i = from + 1; i < Math.min(tokens.length, from + 8); i++) {
    const token = tokens[i] as Token;
    if (!token.isWord) return null;
    if (isVerb(token)) {
      verb = i;
      break;
    }
  }
  if (verb < 0) return null;
  const words = tokens.slice(from, verb);
  if (words.some((t) => hasTag(t, 'Pronoun') || t.lower === 'who' || t.lower === 'which' || t.lower === 'that')) return null;
  const start = (words[0] as Token).start;
  const end = (words[words.length - 1] as Token).end;
  const mention = sentence.mentions.find((m) => m.outerStart <= start && m.end >= end && m.modifier !== true);
  if (mention !== undefined) {
    const type = mention.entity.type;
    if (type !== 'organisation' && type !== 'person' && type !== 'work') return null;
    return { text: mention.entity.name, entity: mention.entity, plural: false };
  }
  // A common noun phrase: a determiner, then words, the last a noun.
  if (!hasTag(first, 'Determiner') || !['the', 'this', 'that', 'these', 'those'].includes(first.lower) || words.length < 2 || words.length > 5) return null;
  const head = words[words.length - 1] as Token;
  if (!hasTag(head, 'Noun') || hasTag(head, 'Pronoun')) return null;
  const text = words.map((t) => t.text).join(' ').replace(/ (['’]s)\b/g, '$1');
  return { text: `the ${text.slice(first.text.length + 1)}`, entity: null, plural: hasTag(head, 'Plural') };
}

function personMentions(sentence: SentenceInfo): Mention[] {
  return sentence.mentions.filter((m) => m.entity.type === 'person' && m.modifier !== true);
}

/** Whether a person is named before a sentence's first verb, outside a fronted phrase: its subject. */
function isSubject(sentence: SentenceInfo, mention: Mention, isVerb: (token: Token) => boolean): boolean {
  const bodyStart = sentence.bodyStart;
  const tokens = sentence.tokens.filter((t) => t.start >= bodyStart);
  const verb = tokens.findIndex((t) => isVerb(t));
  if (verb < 0 || (tokens[verb] as Token).start < mention.end) return false;
  // Nothing but the mention's title and modifiers, or a fronted phrase closed by a comma, before it.
  const before = tokens.filter((t) => t.end <= mention.outerStart);
  const comma = before.map((t) => t.text).lastIndexOf(',');
  const lead = before.slice(comma + 1).filter((t) => t.isWord);
  return lead.length <= 4;
}

/** Whether a person is what a sentence is about: its subject, or the one quoted ("..., said Ana Ruiz"). */
function isSubjectOrSpeaker(sentence: SentenceInfo, mention: Mention): boolean {
  const bodyStart = sentence.bodyStart;
  const tokens = sentence.tokens.filter((t) => t.start >= bodyStart);
  const first = tokens[subjectIndex(tokens)];
  if (first !== undefined && first.start >= mention.outerStart && first.start < mention.end) return true;
  const at = tokens.findIndex((t) => t.start === mention.outerStart);
  const before = tokens[at - 1];
  const after = tokens.find((t) => t.start >= mention.end && t.isWord);
  return (before !== undefined && REPORTING_VERBS.has(before.lower)) || (after !== undefined && REPORTING_VERBS.has(after.lower));
}

const SAME_PERSON: Record<string, RegExp> = {
  he: /^(he|him|his|himself)$/,
  she: /^(she|her|hers|herself)$/,
};

/** The word a sentence's subject starts with (after quotation marks and an opener), or undefined. */
function leadingWord(sentence: SentenceInfo): Token | undefined {
  const bodyStart = sentence.bodyStart;
  const tokens = sentence.tokens.filter((t) => t.start >= bodyStart && (t.isWord || t.text === ',' || /^[“"‘]$/.test(t.text)));
  return tokens[subjectIndex(tokens)];
}

/**
 * The person "he" or "she" at the start of `sentences[index]` stands for: the most recent person of a
 * compatible gender, when one is clearly meant. A sentence before that itself says "he" before naming
 * anyone passes the question on to the sentences before it (the topic continues).
 */
function resolvePerson(
  sentences: readonly SentenceInfo[],
  index: number,
  word: 'he' | 'she',
  lexicon: (word: string) => readonly string[],
  isVerb: (token: Token) => boolean,
  depth: number,
): { entity: Entity; rule: string } | string {
  const wanted: Gender = word === 'she' ? 'female' : 'male';
  const same = SAME_PERSON[word] as RegExp;
  for (let k = 1; k <= LOOK_BACK; k++) {
    const before = sentences[index - k];
    if (before === undefined || before.isHeadline) break;
    const people = personMentions(before).filter((m) => {
      const gender = genderOf(m.entity, lexicon);
      return gender === null || gender === wanted;
    });
    const firstPerson = people[0]?.outerStart ?? Infinity;
    const pronounFirst = before.tokens.some((t) => t.start < firstPerson && same.test(t.lower));
    // "He went to see Bush": the "he" before is someone named earlier still.
    if (pronounFirst) {
      if (depth >= 12) return `"${word}" follows a chain of pronouns too long to trust`;
      const chained = resolvePerson(sentences, index - k, word, lexicon, isVerb, depth + 1);
      const note = ` (the sentences between say "${word}" of them too)`;
      return typeof chained === 'string' ? chained : { entity: chained.entity, rule: chained.rule.endsWith(note) ? chained.rule : `${chained.rule}${note}` };
    }
    const distinct = [...new Set(people.map((m) => m.entity))];
    // Only people of the other gender (known by their first names) in between: look further back.
    if (distinct.length === 0) continue;
    if (distinct.length === 1) return { entity: distinct[0] as Entity, rule: `"${word}" is ${(distinct[0] as Entity).name}, the only fitting person named just before` };
    // "X died ..., her daughter Y said. She had been ...": the subject before the speaker.
    const subjects = [...new Set(people.filter((m) => isSubject(before, m, isVerb)).map((m) => m.entity))];
    if (subjects.length === 1) return { entity: subjects[0] as Entity, rule: `"${word}" is ${(subjects[0] as Entity).name}, the subject of the sentence before` };
    if (subjects.length > 1) return `"${word}" could be any of ${subjects.map((e) => e.name).join(', ')}`;
    const main = [...new Set(people.filter((m) => isSubjectOrSpeaker(before, m)).map((m) => m.entity))];
    if (main.length === 1) return { entity: main[0] as Entity, rule: `"${word}" is ${(main[0] as Entity).name}, the subject or speaker of the sentence before` };
    return `"${word}" could be any of ${distinct.map((e) => e.name).join(', ')}`;
  }
  return `"${word}" names no one the sentences before name`;
}

/**
 * What the pronoun at the start of `sentences[index]` stands for, or a reason it cannot be said. `isVerb`
 * tells a verb from other words (the facts module's own test).
 */
export function resolveLeadingPronoun(
  sentences: readonly SentenceInfo[],
  index: number,
  pronoun: Token,
  isVerb: (token: Token) => boolean,
  lexicon: (word: string) => readonly string[],
  possessive = false,
): Resolution | string {
  const word = pronoun.lower;
  const sentence = sentences[index] as SentenceInfo;
  if (word === 'he' || word === 'she') {
    const person = resolvePerson(sentences, index, word, lexicon, isVerb, 0);
    if (typeof person === 'string') return person;
    return { pronoun, text: person.entity.name, entity: person.entity, rule: person.rule };
  }
  if (word === 'it' || word === 'they') {
    const tokens = sentence.tokens;
    const at = tokens.findIndex((t) => t.start === pronoun.start);
    if (word === 'it' && !possessive && isExpletive(tokens, at)) return `"It" here stands for nothing ("it is clear that ...")`;
    const next = tokens[at + 1];
    if (possessive) {
      // "Its goal is ...": the possessive stands before the subject's noun.
    } else if (next === undefined || !(isVerb(next) || AUXILIARIES.has(next.lower) || hasTag(next, 'Adverb') || /^['’]s$/.test(next.text))) return `"${pronoun.text}" is not the subject of a verb`;
    const before = sentences[index - 1];
    if (before === undefined || before.isHeadline) return `"${pronoun.text}" opens the article`;
    if (before.paragraph !== sentence.paragraph && leadingWord(sentence)?.start === pronoun.start) {
      // A new paragraph that opens with "It" rarely means the last sentence's subject.
      return `"${pronoun.text}" opens a paragraph; what it stands for is not clear`;
    }
    const subject = plainSubject(before, isVerb);
    if (subject === null) return `"${pronoun.text}" has no plain subject in the sentence before to stand for`;
    if (word === 'it' && (subject.plural || subject.entity?.type === 'person')) return `"It" cannot stand for "${subject.text}"`;
    if (word === 'they' && !subject.plural && !COLLECTIVE.test(subject.text.split(' ').pop() ?? '')) return `"They" cannot stand for "${subject.text}"`;
    // "Rangers found the climbers. They were flown out": another plural in the sentence before could be meant.
    // A plural inside a phrase ("after many difficulties") is not one.
    const otherGroup = before.tokens.some((t, i) => hasTag(t, 'Plural') && !hasTag(t, 'Date', 'Duration') && !subject.text.toLowerCase().includes(t.lower) && !before.tokens.slice(Math.max(0, i - 3), i).some((u) => hasTag(u, 'Preposition')));
    if (word === 'they' && otherGroup) return `"They" could stand for more than one group in the sentence before`;
    return { pronoun, text: subject.text, entity: subject.entity, rule: `"${pronoun.text}" is "${subject.text}", the subject of the sentence before` };
  }
  return `"${pronoun.text}" points to something outside the sentence`;
}
