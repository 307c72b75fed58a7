// The title a drafted deck shows the learner. A headline tells the story's outcome ("Varno Rovers beat
// Kellin City 3-1 in the cup final"), and the rubric counts a key the title shows as given away: titled so,
// a deck could ask none of the facts its headline tells, which are the facts most worth learning (on the
// development part, gold facts were missed so, "giveaway: ... in the deck's title"). The deck is titled instead
// with what the story is about, without what happened: the headline's name before a colon ("Kellin Cup
// final: ..."), the subject before its first verb ("Varno Rovers"), or the event it happened in ("the cup
// final in Kellin"). Where none of these makes a title that names something (an interview, "Rangers rescue
// ..."), the headline stays the title, as before.

import { landWord } from './names.js';
import type { Tagger } from './tagger.js';

/** Words that say what kind of piece a headline heads, not what it is about. */
const PIECE_WORDS = 'interviews?|exclusive|update|breaking|analysis|opinion|editorial|obituary|correction';

/** A first word that is a publisher or a kind of piece ("Wikinews interviews ..."): no topic. */
const PUBLISHER = new RegExp(`^(?:wikinews|reuters|ap|afp|bbc|cnn|${PIECE_WORDS})$`, 'i');

/** Words before a colon that say what kind of piece it is ("Breaking news: ..."). */
const KIND_OF_PIECE = new RegExp(`^(?:${PIECE_WORDS}|breaking\\s+news|wikinews\\s+interviews?)$`, 'i');

/** The deck's title for an article whose headline is `headline`: what the story is about, not its outcome. */
export function neutralTitle(headline: string, tagger: Tagger): string {
  const whole = headline.trim();
  const colon = /^([^:]{3,80}?):\s+(\S.*)$/u.exec(whole);
  if (colon !== null) {
    const [, before = '', after = ''] = colon;
    if (KIND_OF_PIECE.test(before.trim())) return whole;
    // "Reports: ...", "Officials: ...": one common word before the colon is a source, not a topic.
    if (!/\s/.test(before.trim()) && tagger.englishWord(before.trim().toLowerCase())) return topicOf(after, tagger) ?? whole;
    // "Kellin Cup final: Varno beat ...": a name with no verb before the colon is the topic. A land alone
    // ("Kellin: two killed in ...") only says where: the story after it is read instead.
    if (!landWord(before, tagger) && firstVerb(before, tagger) === null) return tidy(before);
    if (landWord(before, tagger)) return topicOf(after, tagger) ?? whole;
    // "Ana Varno recovering after surgery: officials": the story before the colon, its source after.
    return topicOf(before, tagger) ?? whole;
  }
  return topicOf(whole, tagger) ?? whole;
}

/** The topic of a headline without a colon, or null when it has none worth a title. */
function topicOf(text: string, tagger: Tagger): string | null {
  const verb = firstVerb(text, tagger);
  if (verb === null) return null;
  // (A fronted phrase, "After visa snags, the team ...", is no part of the subject, nor a description in
  // quotes after it, "Ana Varno, 'queen of song', dies"; a relative clause, "Man who ...", ends it.)
  // (So is one that opens on a verb's "-ing" or "-ed" form, "Changing course, the minister ...".)
  const fronted = /^(\p{L}+)\s[^,]*,\s+(?=\S)/u.exec(text);
  const opener = (fronted?.[1] ?? '').toLowerCase();
  const start = fronted !== null && (tagger.lexicon(opener).some((tag) => tag === 'Preposition' || tag === 'Conjunction') || /^\p{L}{3,}(?:ing|ed)$/u.test(opener)) ? fronted[0].length : 0;
  // (And an adverb before the verb, "Kellin Air successfully launches", is the verb's.)
  const subject = tidy(
    text
      .slice(start, verb)
      .replace(/,\s*['‘"“][^,]*['’"”],?\s*$/u, '')
      .replace(/\s+(?:who|which|that)\b.*$/iu, '')
      .replace(/(?:\s+\p{Ll}+ly)+\s*$/u, ''),
  );
  const words = subject.split(/\s+/).filter((w) => w !== '');
  const rest = text.slice(verb);
  const titleCase = isTitleCase(text);
  // "Kellin wins the Varno Cup in Osterby": a land that wins or loses is one side; the contest it won is the
  // topic (not the side it beat: that is a key too).
  if (landWord(subject, tagger)) {
    const object = /^\S+\s+((?:the\s+)?\p{Lu}[^,;]*?)(?:\s+(?:in|at|on|over|against|after)\s+\p{Lu}[^,;]*)?$/u.exec(rest)?.[1];
    return object !== undefined && CONTEST_HEAD.test(object) ? tidy(object) : null;
  }
  // A name: a capital after the first word, or a first word that is a name's or no English word. (In a
  // headline in title case every word has a capital: only a word no English list knows is a name.)
  const properWord = (word: string, i: number): boolean => {
    const lower = word.toLowerCase().replace(/[’']s$/, '');
    if (!/^\p{Lu}/u.test(word)) return false;
    if (titleCase) return !tagger.englishWord(lower);
    return i > 0 || !tagger.englishWord(lower) || tagger.lexicon(lower).some((tag) => tag === 'ProperNoun' || tag === 'Demonym' || tag === 'Country');
  };
  const named = words.some(properWord);
  // A count in the subject ("Two killed") is a key; a number inside a name ("Kellin Flight 208") is not.
  const counted = words.some((w, i) => (/^\d/.test(w) || tagger.lexicon(w.toLowerCase()).includes('Value')) && !(i > 0 && /^\p{Lu}/u.test(words[i - 1] ?? '') && /^\d/.test(w)));
  // (A subject that runs into a preposition was cut at a word the tagger misread: "police clamp down on".)
  const runsOn = words.slice(1).some((w) => /^(?:on|in|at|against|over|for|from|with|to|after|before)$/.test(w));
  if (words.length > 0 && words.length <= 8 && named && !counted && !runsOn && !PUBLISHER.test(words[0] ?? '')) return subject;
  // "Athletics concludes at the Kellin Games": a subject of common words; the event it happened at is the topic.
  const event = /\s(?:in|at|during)\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}'’.&-]*(?:\s+(?:[\p{L}\p{N}'’.&-]+))*?)(?=\s+(?:with|after|as|for|on|over|to|from|by)\s|[,;]|$)/u.exec(` ${rest}`)?.[1];
  if (event !== undefined && !titleCase && event.split(/\s+/).length >= 2 && !landWord(event.replace(/^the\s+/i, ''), tagger)) return tidy(event);
  return null;
}

/** Where the first verb of a headline starts (after at least one word), or null. */
function firstVerb(text: string, tagger: Tagger): number | null {
  // A headline in title case ("Rangers Rescue Six Hikers") is tagged in lower case: its capitals say nothing.
  // Its verb is then one that tells the news, "-s" or "-ed" ("State" of "Secretary of State" is no verb).
  const titleCase = isTitleCase(text);
  const terms = tagger.tagText(titleCase ? text.toLowerCase() : text);
  const verbal = (i: number): boolean => {
    const term = terms[i];
    if (term === undefined) return false;
    const word = text.slice(term.start, term.end).toLowerCase();
    if (HEADLINE_VERBS.has(word) || MODALS.has(word)) return true;
    if (NOT_VERBS.has(word) || (titleCase && !/(?:s|ed)$/.test(word) && !IRREGULAR_PAST.has(word))) return false;
    return (term.tags.has('PresentTense') || term.tags.has('PastTense')) && !term.tags.has('Noun') && !term.tags.has('Adjective') && !term.tags.has('Gerund');
  };
  for (let i = 1; i < terms.length; i++) if (verbal(i)) return terms[i]?.start ?? null;
  return null;
}

/**
 * Whether a headline is in title case, "Rangers Rescue Six Hikers From Lake": a small word after its first
 * with a capital. (Names alone do not make it so: "Kellin wins Varno Rugby Series in Osterby".)
 */
function isTitleCase(text: string): boolean {
  return /\s(?:In|From|To|After|For|With|Of|On|At|The|And|As|By|Into|Over|Near|Amid)\s/u.test(text);
}

/** Verbs a headline tells its story with that a tagger may read as plural nouns ("wins", "files"). */
const HEADLINE_VERBS = new Set(['wins', 'beats', 'defeats', 'loses', 'files', 'signs', 'sues', 'dies', 'leads', 'plans', 'names', 'calls', 'faces', 'claims', 'backs', 'opens', 'ends', 'rules', 'hits', 'tops', 'visits', 'awards', 'reports', 'warns', 'hosts', 'launches', 'seeks', 'urges', 'cuts', 'sets', 'marks', 'returns']);

/** Past forms a headline tells its news with that end in neither "-s" nor "-ed". */
const IRREGULAR_PAST = new Set(['found', 'shot', 'hit', 'won', 'lost', 'sent', 'held', 'led', 'built', 'left', 'made', 'taken', 'seen', 'struck', 'killed', 'caught', 'sold', 'bought', 'freed', 'given', 'stolen', 'sworn']);

/** Words that open a headline's predicate before its verb: a modal ("Kellin scandal may cost ...") or the "to" of its future ("Kellin to host ..."). */
const MODALS = new Set(['may', 'might', 'could', 'would', 'will', 'can', 'should', 'must', 'to']);

/** Nouns for a person a tagger may read as verbs ("Kellin convict Ana Varno"). */
const NOT_VERBS = new Set(['convict', 'suspect', 'veteran', 'rebel', 'hopeful', 'graduate', 'police']);

/** The last word of a contest's or an event's name. */
const CONTEST_HEAD = /\b(?:Series|Cup|Championships?|League|Games|Olympics|Paralympics|Open|Tournament|Trophy|Grand Prix|Classic|Marathon|Rally|Festival|Election|Awards?)\b/u;

/** A title without the punctuation a cut leaves, its first letter a capital. */
function tidy(text: string): string {
  let trimmed = text.trim().replace(/[\s,;:—–-]+$/u, '');
  // A quotation mark the cut left alone goes; one that closes a quotation the title opens stays ("Kellin's
  // 'Iron Lady'").
  const opens = (trimmed.match(/(?:^|\s)['‘"“]/gu) ?? []).length;
  const closes = (trimmed.match(/['’"”](?=$|\s)/gu) ?? []).length;
  if (/^['‘"“]/u.test(trimmed) && opens > closes) trimmed = trimmed.slice(1);
  if (/['’"”]$/u.test(trimmed) && closes > opens) trimmed = trimmed.slice(0, -1);
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
