// Coreference for the pronoun a sentence starts with: "She said ..." after "..., said Dr. Ana Ruiz" is a
// fact about Ana Ruiz. Narrative news puts a third of its facts in such sentences; without this they are
// lost or unreadable on their own. The rules are few and cautious, because a wrong antecedent makes a
// wrong question: he/she is the most recent person of a compatible gender when only one fits (the subject
// or the speaker wins a tie); "it"/"they" are the plain subject of the sentence before ("The quake ...")
// or, for "it", an organisation that was that subject. Anything else stays unresolved, and the sentence
// is dropped with its reason.

import { wordFinder } from './text.js';
import { hasTag, type Token } from './tokens.js';
import type { Entity, Mention, SentenceInfo } from './types.js';
import { AUXILIARIES, OPENERS } from './vocabulary.js';

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
  /** It stands for people ("the scientists"): only other people compete with them for a later "they". */
  people?: boolean;
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
  // "The scientists quickly adapted ...": an adverb before the verb is not part of the subject.
  while (words.length > 1 && hasTag(words[words.length - 1], 'Adverb') && !hasTag(words[words.length - 1], 'Noun')) words.pop();
  const group = indefiniteGroup(words);
  if (group !== null) return { text: group, entity: null, plural: true };
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

/**
 * Round 38: "A Varnish couple in their 60s had rented a car": a group named with "a" ("a couple", "a family
 * of four", "a group of hikers") is "the couple", "the family of four", "the group of hikers" for a "they"
 * that follows. The words before the group's noun ("Varnish") are left out, so that the fact does not
 * show a key of the sentence before; so is a phrase after it other than one with "of" ("in their 60s").
 * Null for anything else.
 */
function indefiniteGroup(words: readonly Token[]): string | null {
  const first = words[0];
  if (first === undefined || (first.lower !== 'a' && first.lower !== 'an')) return null;
  const headAt = words.findIndex((t, i) => i > 0 && COLLECTIVE.test(t.text));
  if (headAt < 1 || headAt > 4) return null;
  const before = words.slice(1, headAt);
  if (before.some((t) => !t.isWord || hasTag(t, 'Pronoun') || hasTag(t, 'Verb'))) return null;
  let end = headAt;
  const after = words.slice(headAt + 1);
  if (after.length > 0) {
    if (!hasTag(after[0], 'Preposition')) return null;
    if (after[0]?.lower === 'of' && after.length <= 4 && after.slice(1).every((t) => t.isWord && !hasTag(t, 'Pronoun', 'Verb'))) end = words.length - 1;
  }
  return `the ${words
    .slice(headAt, end + 1)
    .map((t) => t.text)
    .join(' ')}`;
}

/** How many sentences before the one before a rival subject is looked for (rule one-candidate). */
const RIVAL_LOOK_BACK = 2;

/** Whether `entity` is the plain subject of a sentence ("Tomas Brandt said ..."), not named in passing. */
function isSubjectOf(sentence: SentenceInfo, entity: Entity, isVerb: (token: Token) => boolean): boolean {
  const subject = plainSubject(sentence, isVerb);
  if (subject?.entity !== null && subject?.entity !== undefined && samePerson(subject.entity, entity)) return true;
  // "Team boss Tomas Brandt said ...": the person named before the sentence's first verb, with no comma between.
  const body = sentence.tokens.filter((t) => t.start >= sentence.bodyStart);
  const verb = body.find((t) => isVerb(t));
  if (verb === undefined) return false;
  const mention = personMentions(sentence).find((m) => samePerson(m.entity, entity) && m.end <= verb.start);
  return mention !== undefined && !body.some((t) => t.start >= mention.end && t.end <= verb.start && /^[,;:(“”"]$/.test(t.text));
}

/**
 * Whether a person of a sentence is the one asking an interview's questions: "reporter Ana Ruiz", "Ana Ruiz
 * interviewed ...", "Ana Ruiz, of the Harbour Weekly, spoke with ...".
 */
function asksQuestions(sentence: SentenceInfo, mention: Mention): boolean {
  const text = sentence.text;
  const at = mention.outerStart - sentence.start;
  const end = mention.end - sentence.start;
  const before = text.slice(Math.max(0, at - 30), Math.max(0, mention.start - sentence.start));
  const after = text.slice(end, end + 90);
  if (/\b(?:reporter|correspondent|interviewer|journalist)s?\s+$/i.test(before)) return true;
  return /^\s*(?:,[^,]{1,60},\s*)?(?:interviewed|asked|questioned|spoke (?:with|to)|talked (?:with|to)|caught up with|sat down with)\b/i.test(after);
}

function personMentions(sentence: SentenceInfo): Mention[] {
  return sentence.mentions.filter((m) => m.entity.type === 'person' && m.modifier !== true);
}

/**
 * Whether a mention stands in a clause about something else: after ", which" or ", whose" ("Ana Ruiz's
 * roots are in Lima, which Rosa Quispe's were not"). Such a person is not who the next sentence is about
 * when the sentence's main clause names someone.
 */
function inRelativeClause(sentence: SentenceInfo, mention: Mention): boolean {
  const tokens = sentence.tokens.filter((t) => t.end <= mention.outerStart);
  for (let i = tokens.length - 1; i > 0; i--) {
    const token = tokens[i] as Token;
    if (/^[;:“”"]$/.test(token.text)) return false;
    if (/^(which|whose)$/.test(token.lower) && tokens[i - 1]?.text === ',') return true;
    if (token.text === ',') return false;
  }
  return false;
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

/** Words for a person of one gender that the article need not name: "his father", "a teammate's wife". */
const KIN: Record<'female' | 'male', RegExp> = {
  male: /^(father|son|brother|husband|boyfriend|grandfather|grandson|uncle|nephew|stepfather|stepson|dad)$/,
  female: /^(mother|daughter|sister|wife|girlfriend|grandmother|granddaughter|aunt|niece|stepmother|stepdaughter|mom|mum|widow)$/,
};

const GENDERED: Record<'female' | 'male', RegExp> = {
  male: /^(man|boy|gentleman|businessman|chairman|spokesman|policeman|fireman|king|prince)$/,
  female: /^(woman|girl|lady|businesswoman|chairwoman|spokeswoman|policewoman|actress|queen|princess)$/,
};

/** Whether a word names a person of one gender without a name: a relative ("father", "wife") or "a woman". */
export function isKinWord(word: string, gender: 'female' | 'male'): boolean {
  return KIN[gender].test(word) || GENDERED[gender].test(word);
}

/**
 * A person of the wanted gender the sentence speaks of without naming ("his father", "her husband"): a
 * kinship word outside quotation marks not followed by the person's name. Such a person is a candidate for
 * "he"/"she" too, so the pronoun is not resolved to the one who is named (rule one-candidate).
 */
export function unnamedKin(sentence: SentenceInfo, wanted: 'female' | 'male'): string | null {
  let depth = sentence.inQuote ? 1 : 0;
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.text === '“') depth++;
    else if (token.text === '”') depth = Math.max(0, depth - 1);
    else if (token.text === '"') depth = depth > 0 ? 0 : 1;
    if (depth > 0 || !KIN[wanted].test(token.lower)) continue;
    // "he's a son of the manse": said of someone, not someone else.
    if (/^(a|an)$/.test(tokens[i - 1]?.lower ?? '') && /^(is|was|['’]s|became|remains|be)$/.test(tokens[i - 2]?.lower ?? '')) continue;
    // "her daughter Rosa Quispe", "his father, Tomas Brandt,": the kin is the person named next.
    const next = tokens.slice(i + 1, i + 3).find((t) => t.text !== ',');
    const named = next !== undefined && sentence.mentions.some((m) => m.entity.type === 'person' && m.outerStart <= next.start && next.start < m.end);
    if (!named) return token.lower;
  }
  return null;
}

/** Whether a token of a sentence stands inside quotation marks. */
function quotedToken(sentence: SentenceInfo, token: Token): boolean {
  let depth = sentence.inQuote ? 1 : 0;
  for (const t of sentence.tokens) {
    if (t === token) return depth > 0;
    if (t.text === '“') depth++;
    else if (t.text === '”') depth = Math.max(0, depth - 1);
    else if (t.text === '"') depth = depth > 0 ? 0 : 1;
  }
  return false;
}

/**
 * The person an article is about: the one person its headline names, else one named far more often than
 * anyone else (three times or more, and more than twice the next). "He" after a sentence that names
 * someone else may still mean this person, so they compete with the one named there.
 */
const topics = new WeakMap<readonly SentenceInfo[], { entity: Entity; gender: Gender } | null>();

export function articleTopic(sentences: readonly SentenceInfo[], lexicon: (word: string) => readonly string[]): { entity: Entity; gender: Gender } | null {
  const known = topics.get(sentences);
  if (known !== undefined) return known;
  const entity = topicPerson(sentences);
  let topic: { entity: Entity; gender: Gender } | null = null;
  if (entity !== null) {
    let gender = genderOf(entity, lexicon);
    if (gender === null) {
      // An article about one person calls them "she" (or "he") far more than anything else.
      let male = 0;
      let female = 0;
      for (const sentence of sentences) {
        let depth = sentence.inQuote ? 1 : 0;
        for (const token of sentence.tokens) {
          if (token.text === '“') depth++;
          else if (token.text === '”') depth = Math.max(0, depth - 1);
          else if (token.text === '"') depth = depth > 0 ? 0 : 1;
          if (depth > 0) continue;
          if (SAME_PERSON.he?.test(token.lower) === true) male++;
          if (SAME_PERSON.she?.test(token.lower) === true) female++;
        }
      }
      if (female >= 3 && female > 3 * male) gender = 'female';
      else if (male >= 3 && male > 3 * female) gender = 'male';
    }
    topic = { entity, gender };
  }
  topics.set(sentences, topic);
  return topic;
}

function topicPerson(sentences: readonly SentenceInfo[]): Entity | null {
  const headline = sentences.find((s) => s.isHeadline);
  const counts = new Map<Entity, number>();
  for (const sentence of sentences) for (const m of sentence.mentions) if (m.entity.type === 'person' && m.modifier !== true && m.entity.sure) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  // The headline's words name them (its own sentence holds no keys: they are asked from the body).
  const inHeadline = headline === undefined ? [] : [...counts.keys()].filter((e) => e.forms.some((form) => /\s/.test(form) && wordFinder(headline.text)(form)));
  if (inHeadline.length === 1) return inHeadline[0] as Entity;
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < 3 || (second !== undefined && first[1] <= 2 * second[1])) return null;
  return first[0];
}

/**
 * The person "he" or "she" at the start of `sentences[index]` stands for (rule one-candidate): resolved
 * only when exactly one person of a compatible gender is in scope. The scope is the nearest sentence before
 * that speaks of a person of that gender: the people it names, a person it speaks of unnamed ("his
 * father"), the person its own "he" stands for when it says "he" before naming anyone (the topic goes on),
 * and, when it names someone, the person the whole article is about. Two or more: not resolved, because a
 * wrong antecedent makes a false fact, worse than a dropped sentence.
 */
function resolvePerson(
  sentences: readonly SentenceInfo[],
  index: number,
  word: 'he' | 'she',
  lexicon: (word: string) => readonly string[],
  isVerb: (token: Token) => boolean,
  depth: number,
): { entity: Entity; rule: string } | string {
  const wanted: 'female' | 'male' = word === 'she' ? 'female' : 'male';
  const same = SAME_PERSON[word] as RegExp;
  const fits = (entity: Entity): boolean => {
    const gender = genderOf(entity, lexicon);
    return gender === null || gender === wanted;
  };
  const topicInfo = articleTopic(sentences, lexicon);
  const topic = topicInfo?.entity ?? null;
  const topicGender = topicInfo?.gender ?? null;
  const here = sentences[index] as SentenceInfo;
  for (let k = 1; k <= LOOK_BACK; k++) {
    const before = sentences[index - k];
    if (before === undefined || before.isHeadline) break;
    // Past the sentence right before, only within the paragraph.
    if (k > 1 && before.paragraph !== here.paragraph) break;
    const fitting = personMentions(before).filter((m) => fits(m.entity) && mayBePerson(m.entity, lexicon));
    const main = fitting.filter((m) => !inRelativeClause(before, m));
    const people = main.length > 0 ? main : fitting;
    const candidates = new Set<Entity>();
    // "Aretha Franklin" and "Aretha Louise Franklin": one person under two forms.
    for (const m of people) if (![...candidates].some((c) => samePerson(c, m.entity))) candidates.add(m.entity);
    const notes: string[] = [];
    const firstPerson = people[0]?.outerStart ?? Infinity;
    const pronounFirst = before.tokens.some((t) => t.start < firstPerson && same.test(t.lower) && !quotedToken(before, t));
    // "He went to see Varno": the "he" before is someone named earlier still, and a candidate too.
    if (pronounFirst) {
      if (depth >= 12) return `"${word}" follows a chain of pronouns too long to trust`;
      const chained = resolvePerson(sentences, index - k, word, lexicon, isVerb, depth + 1);
      if (typeof chained === 'string') return chained;
      if (![...candidates].some((c) => samePerson(c, chained.entity))) candidates.add(chained.entity);
      notes.push(` (the sentences between say "${word}" of them too)`);
      // Round 40: "She was held when her husband plotted against Varno. She ...": the "she" before goes on;
      // someone it names in passing, of no gender the article shows and not the subject, does not compete.
      for (const c of [...candidates]) if (!samePerson(c, chained.entity) && genderOf(c, lexicon) === null && !isSubjectOf(before, c, isVerb)) candidates.delete(c);
    }
    const kin = unnamedKin(before, wanted);
    // A name that may or may not be a person's ("Teammate Ode"), and no one else: no telling who is meant.
    const unsure = personMentions(before).filter((m) => fits(m.entity) && !mayBePerson(m.entity, lexicon));
    if (candidates.size === 0 && kin === null && unsure.length > 0) return `one-candidate: "${word}" could be ${(unsure[0] as Mention).entity.name}, if that is a person`;
    // Only people of the other gender in between (known by their names): look further back.
    if (candidates.size === 0 && kin === null) continue;
    // The person the article is about competes with one named in passing ("... teammate Max Ode. He was moved ...").
    // Not in a paragraph where someone speaks as "I" (an interview's answer): there the one the article is
    // about is "I", not "he".
    if (topic !== null && people.length > 0 && ![...candidates].some((c) => samePerson(c, topic)) && (topicGender === null || topicGender === wanted) && !speaksAsI(sentences, here)) candidates.add(topic);
    const names = [...candidates].map((e) => e.name);
    // "Her mother died in 1950. She became a nurse": beside the person the article is about, a relative it
    // does not name is rarely the subject of the next sentence.
    const onlyTopic = topic !== null && candidates.size === 1 && samePerson([...candidates][0] as Entity, topic) && topicGender === wanted;
    if (kin !== null && onlyTopic) return { entity: topic, rule: `one-candidate: "${word}" is ${topic.name}, whom the article is about; the ${kin} the sentence before speaks of is not named` };
    if (kin !== null) return `one-candidate: "${word}" could be ${names.length > 0 ? `${names.join(', ')} or ` : ''}the ${kin} the sentence before speaks of`;
    if (candidates.size > 1) return `one-candidate: "${word}" could be any of ${names.join(', ')}`;
    const entity = [...candidates][0] as Entity;
    // "Reporter Ana Ruiz spoke with the singer. She said ...": in an interview the one who answers is as
    // likely as the one who asks, and the answerer is often named elsewhere or not at all.
    const asker = people.find((m) => samePerson(m.entity, entity) && asksQuestions(before, m));
    if (asker !== undefined) return `one-candidate: "${word}" could be ${entity.name}, who asks the questions, or the person answering them`;
    // "Ben Okafor joined the team. The other driver is Tomas Brandt. His name ...": the sentence before names
    // someone only in passing, while the paragraph was about another person of that gender; no telling which.
    if (k === 1 && !pronounFirst && !isSubjectOf(before, entity, isVerb)) {
      const earlier = sentences.slice(Math.max(0, index - 1 - RIVAL_LOOK_BACK), index - 1).filter((s) => !s.isHeadline && s.paragraph >= before.paragraph - 1);
      const rival = earlier.map((s) => plainSubject(s, isVerb)?.entity ?? null).find((e) => e !== null && e !== undefined && e.type === 'person' && !samePerson(e, entity) && fits(e) && mayBePerson(e, lexicon));
      if (rival !== undefined && rival !== null) return `one-candidate: "${word}" could be ${entity.name}, named in passing just before, or ${rival.name}, of whom the sentences before speak`;
    }
    const note = notes[0] ?? '';
    return { entity, rule: `one-candidate: "${word}" is ${entity.name}, the only fitting person in scope${note}` };
  }
  // No one in scope: the person the article is about, when their gender is known to fit and no one else
  // of that gender is named in the paragraph so far.
  if (topic !== null && topicGender === wanted) {
    const others = sentences.filter((s) => s.paragraph === here.paragraph && s.index < index).flatMap((s) => personMentions(s)).filter((m) => !samePerson(m.entity, topic) && fits(m.entity) && mayBePerson(m.entity, lexicon));
    if (others.length === 0) return { entity: topic, rule: `one-candidate: "${word}" is ${topic.name}, whom the article is about, and no one else in the paragraph fits` };
  }
  return `one-candidate: "${word}" names no one the sentences before name`;
}

/** Whether the paragraph of a sentence says "I" or "my" outside quotation marks, up to the sentence. */
function speaksAsI(sentences: readonly SentenceInfo[], sentence: SentenceInfo): boolean {
  return sentences.some((s) => {
    if (s.paragraph !== sentence.paragraph || s.index > sentence.index) return false;
    let depth = s.inQuote ? 1 : 0;
    return s.tokens.some((t) => {
      if (t.text === '“') depth++;
      else if (t.text === '”') depth = Math.max(0, depth - 1);
      else if (t.text === '"') depth = depth > 0 ? 0 : 1;
      return depth === 0 && /^(I|I['’](?:m|ve|d|ll)|my)$/.test(t.text);
    });
  });
}

/** Two entities that are one person: every word of the shorter name is in the longer, the surname last in both. */
function samePerson(a: Entity, b: Entity): boolean {
  if (a === b) return true;
  const wa = a.name.split(/\s+/);
  const wb = b.name.split(/\s+/);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.length >= 2 && short[short.length - 1] === long[long.length - 1] && short.every((w) => long.includes(w));
}

/**
 * Whether an entity typed a person may really be one: not a title with "I" or "You" in it ("I Knew You
 * Were Waiting"), not an unsure name ending in a common noun ("JVB Records").
 */
function mayBePerson(entity: Entity, lexicon: (word: string) => readonly string[]): boolean {
  const words = entity.name.split(/\s+/);
  if (words.some((w) => /^(I|You|We|Me|My|Your|Our)$/.test(w))) return false;
  if (entity.sure) return true;
  const tags = lexicon((words[words.length - 1] ?? '').toLowerCase());
  return tags.length === 0 || tags.some((t) => t.endsWith('Name') || t === 'Person' || t === 'ProperNoun');
}

/**
 * Whether a sentence names a group besides `subject` that "they" could stand for (rule one-candidate).
 * "Rangers found the climbers. They were flown out": the climbers could be meant. A plural inside a phrase
 * ("after many difficulties") is not one, nor one in a clause of time or cause after the main verb ("...
 * when the first cases emerged"). When the subject is people ("the scientists"), only other people count.
 */
function otherGroup(before: SentenceInfo, subject: string, isVerb: (token: Token) => boolean, people: boolean): boolean {
  const tokens = before.tokens;
  const subordinate = tokens.findIndex((t, i) => i > 2 && /^(when|after|before|because|while|since|until|once|as)$/.test(t.lower) && tokens.slice(0, i).some((u) => isVerb(u)));
  return tokens.some((t, i) => {
    if (!hasTag(t, 'Plural') || hasTag(t, 'Date', 'Duration', 'Pronoun') || subject.toLowerCase().includes(t.lower)) return false;
    if (tokens.slice(Math.max(0, i - 3), i).some((u) => hasTag(u, 'Preposition'))) return false;
    if (subordinate >= 0 && i > subordinate) return false;
    return !people || hasTag(t, 'Actor', 'Person');
  });
}

/**
 * Round 34: "As Ana Varno led the team, she equalled the record": a "he" or "she" after a fronted phrase that
 * names exactly one person of a fitting gender, and no other person's pronoun, is that person. Null when the
 * pronoun opens the sentence, or when the words before it name no one or more than one.
 */
function personBefore(sentence: SentenceInfo, pronoun: Token, word: 'he' | 'she', lexicon: (word: string) => readonly string[]): Entity | null {
  const wanted: 'female' | 'male' = word === 'she' ? 'female' : 'male';
  const before = sentence.tokens.filter((t) => t.end <= pronoun.start);
  if (!before.some((t) => t.isWord)) return null;
  // "After Varno criticised him, he resigned": another person's pronoun before it, another person.
  if (before.some((t) => /^(?:he|she|him|her|his|hers|they|them|their|i|we|you)$/.test(t.lower))) return null;
  // Not inside a quotation: whose words they are is another question.
  if (before.some((t) => /^[“"‘]$/.test(t.text))) return null;
  const people: Entity[] = [];
  for (const m of personMentions(sentence)) {
    if (m.end > pronoun.start || m.pronoun === true) continue;
    if (!mayBePerson(m.entity, lexicon)) continue;
    const gender = genderOf(m.entity, lexicon);
    if (gender !== null && gender !== wanted) return null;
    if (!people.some((p) => samePerson(p, m.entity))) people.push(m.entity);
  }
  const only = people[0];
  if (people.length !== 1 || only === undefined) return null;
  // The person is the fronted phrase's own subject, right after its opening word ("As Varno led ...", "When
  // Dr Varno arrived ..."), not someone it speaks of ("After the coach praised Varno, he ..." is the coach).
  const words = before.filter((t) => t.isWord);
  const first = personMentions(sentence).find((m) => m.entity === only && m.end <= pronoun.start);
  const at = first === undefined ? -1 : words.findIndex((t) => t.start >= first.outerStart);
  return at === 1 ? only : null;
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
  depth = 0,
): Resolution | string {
  const word = pronoun.lower;
  const sentence = sentences[index] as SentenceInfo;
  if (word === 'he' || word === 'she') {
    const fronted = personBefore(sentence, pronoun, word, lexicon);
    if (fronted !== null) return { pronoun, text: fronted.name, entity: fronted, rule: `one-candidate: "${word}" is ${fronted.name}, the only person the words before it in the sentence name` };
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
    // "They showed ... They then conducted ...": the same pronoun going on stands for the same thing.
    const lead = leadingWord(before);
    if (lead !== undefined && lead.lower === word && !possessive && depth < 6) {
      const chained = resolveLeadingPronoun(sentences, index - 1, lead, isVerb, lexicon, false, depth + 1);
      if (typeof chained === 'string') return chained;
      if (word === 'they' && otherGroup(before, chained.text, isVerb, chained.people === true)) return `"They" could stand for more than one group in the sentences before`;
      return { ...chained, pronoun, rule: `${chained.rule} (the sentences between say "${word}" of it too)` };
    }
    const subject = plainSubject(before, isVerb);
    if (subject === null) return `"${pronoun.text}" has no plain subject in the sentence before to stand for`;
    if (word === 'it' && (subject.plural || subject.entity?.type === 'person')) return `"It" cannot stand for "${subject.text}"`;
    if (word === 'they' && !subject.plural && !COLLECTIVE.test(subject.text.split(' ').pop() ?? '')) return `"They" cannot stand for "${subject.text}"`;
    const head = before.tokens.find((t) => t.lower === (subject.text.split(' ').pop() ?? '').toLowerCase());
    const people = head !== undefined && hasTag(head, 'Actor');
    if (word === 'they' && otherGroup(before, subject.text, isVerb, people)) return `"They" could stand for more than one group in the sentence before`;
    return { pronoun, text: subject.text, entity: subject.entity, rule: `one-candidate: "${pronoun.text}" is "${subject.text}", the subject of the sentence before`, ...(people ? { people } : {}) };
  }
  return `"${pronoun.text}" points to something outside the sentence`;
}
