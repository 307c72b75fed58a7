// Sentences -> facts: each sentence cut into its clauses ("..., and forecasters expect landfall late
// Tuesday" is a fact of its own), each clause kept only if a teacher would ask about it. Each gate is a
// named rule, and its name and reason are what `--explain` shows. A clause that opens with a pronoun is
// kept when coreference says what the pronoun stands for: the fact then reads on its own ("Ana Ruiz said
// ..." for "She said ..."), with the article's own words still as its quote. People's titles make facts of
// their own.

import { genderOf, isKinWord, resolveLeadingPronoun, subjectIndex } from './coref.js';
import { isPersonInitials } from './names.js';
import type { Tagger } from './tagger.js';
import { capitalise, escapeRegExp, squash, wordCount } from './text.js';
import { hasTag, type Token } from './tokens.js';
import type { Clause, Entity, KeyType, Mention, Rewrite, SentenceInfo } from './types.js';
import { AUXILIARIES, DEMONSTRATIVES, POSSESSIVE_PRONOUNS, SUBJECT_PRONOUNS, THAT_VERBS } from './vocabulary.js';

export type FactOrigin = 'clause' | 'role' | 'unit';

/** A gate's verdict: the rule that dropped something and why. `--explain` prints "rule: reason". */
export interface Verdict {
  rule: string;
  reason: string;
}

export function verdictText(verdict: Verdict): string {
  return `${verdict.rule}: ${verdict.reason}`;
}

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
  /** For a unit fact: the park unit the report comes from, as its line names it, and written out. */
  unit?: { name: string; full: string };
}

export const MAX_CLAUSE_WORDS = 60;

/** Titles that only say how to address someone ("Dr.", "Ms."): no role question comes of them. */
export function isHonorificTitle(title: string): boolean {
  return /^(dr|mr|mrs|ms|mx|prof|rev|sir|dame|lord|lady|doctor|professor)\.?$/i.test(title.trim());
}
const BACK_POINTERS = /^(it|they|them|he|she|him|its|their)$/;
// (Round 38: "Due to ...", "Owing to ...", "Amid ...", "Thanks to ...": "Due to an illness, he was released".)
const FRONTED = new Set(['during', 'after', 'before', 'in', 'on', 'at', 'since', 'until', 'when', 'while', 'following', 'later', 'earlier', 'last', 'this', 'next', 'then', 'over', 'throughout', 'within', 'by', 'for', 'from', 'as', 'unlike', 'like', 'despite', 'although', 'though', 'because', 'once', 'upon', 'with', 'without', 'due', 'owing', 'amid', 'amidst', 'thanks', 'besides']);
const CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas', 'although', 'though', 'yet']);
/** Contact lines, links, credits, calls to action and press logistics: not what an article is about. */
const BOILERPLATE: readonly [RegExp, string][] = [
  [/https?:\/\/|www\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|com|org|net|edu|int)\b/, 'a web address'],
  [/\S+@\S+\.\w/, 'an e-mail address'],
  [/\(?\b\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}\b|\b1-8\d\d-/, 'a telephone number'],
  [/^(?:#+|-+\s*30\s*-+|\*+|end)$/i, 'an end-of-release mark'],
  [/\b(?:(?:is|are) available (?:to (?:comment|speak|discuss)|for (?:comment|interviews?))|to (?:schedule|arrange|request) (?:an? )?interviews?)\b/i, 'a contact line or a call to action'],
  [/\bet al\.(?:\s|$)/, 'a reference to a paper'],
  [/\b(?:for more information|more information (?:is|can be|about)|media (?:contact|inquiries)|press (?:contact|office|inquiries)|contact:|follow us|click here|learn more|to learn more|read more|read the full|find out more|visit (?:our|the \w+ website)|(?:you|readers) (?:can|may|should) (?:visit|call|contact|find|learn|sign|register|apply|read|watch|download|follow|email|e-mail))\b/i, 'a contact line or a call to action'],
  [/(?:all rights reserved|copyright|©|®|\bthis (?:press |news )?release\b|\bphoto (?:by|credit|courtesy)|\bimage (?:by|credit|courtesy)|\bcourtesy of\b|\bcredit:|\bgetty images\b|\bfile photo\b|\bcontributed to this (?:report|story)|\bthis (?:story|article) (?:was|has been|is) (?:originally|first|updated|corrected)|\beditor[’']s note|\bfor immediate release\b|\bnews release\b)/i, 'a credit, copyright or publishing note'],
  [/\b(?:livestream|live stream|streamed live|webcast|RSVP|media credentials|media accreditation)\b|\b(?:news conference|press conference|briefing|teleconference|press call|media call|media availability)\b.*\b(?:will (?:be )?(?:hold|held|begin|start|stream|air)|is scheduled|are invited|at \d{1,2}(?::\d\d)? ?[ap]\.?m\b)/i, 'press logistics'],
]
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

/** A verb that makes a clause a sentence: a past or present tense, a modal or an auxiliary (not "-ing" alone). */
function isFiniteVerb(token: Token, mentions: readonly Mention[]): boolean {
  if (!isVerbToken(token, mentions)) return false;
  return AUXILIARIES.has(token.lower) || (hasTag(token, 'PastTense', 'PresentTense', 'Modal', 'Copula') && !hasTag(token, 'Gerund'));
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
  return { sentence, start, end, text: article.slice(start, end), tokens, mentions: sentence.mentions.filter((m) => m.start >= start && m.end <= end), rewrites: [] };
}

/** A sentence's clauses: cut at ";" and at ", and" / ", but" / ", while" before a new subject and verb. */
export function clausesOf(sentence: SentenceInfo, article: string): Clause[] {
  const tokens = sentence.tokens;
  const bodyStart = sentence.bodyStart;
  let from = tokens.findIndex((t) => t.start >= bodyStart);
  if (from < 0) return [];
  const clauses: Clause[] = [];
  const verbWithin = (a: number, b: number): boolean => tokens.slice(a, b).some((t) => isVerbToken(t, sentence.mentions));
  let quoteDepth = 0;
  // Round 19: "the Varnian Union (1968; duties taken over by Kellin), the ...": no clause ends inside brackets.
  let bracketDepth = 0;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (/^[“"]$/.test(token.text)) quoteDepth = token.text === '“' ? quoteDepth + 1 : quoteDepth === 0 ? 1 : 0;
    if (token.text === '”') quoteDepth = Math.max(0, quoteDepth - 1);
    if (token.text.includes('(')) bracketDepth++;
    if (token.text.includes(')')) bracketDepth = Math.max(0, bracketDepth - 1);
    if (quoteDepth > 0 || bracketDepth > 0) continue;
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
      // "basic, clinical, and translational research": a list of words goes on; a clause needs a subject.
      const listOfWords = firstAfter !== undefined && !firstAfter.isCap && hasTag(firstAfter, 'Adjective') && !hasTag(firstAfter, 'Noun', 'Determiner', 'Pronoun');
      // Round 18: "accounts belonging to Ana Ruiz, the spokeswoman, and leader Tomas Berg, were hacked": a
      // part with no verb but an "-ing" form is no clause, and a verb right after a comma ends a list of
      // subjects, not a new clause.
      const finiteBefore = tokens.slice(from, i).some((t) => isVerbToken(t, sentence.mentions) && !/ing$/.test(t.lower));
      const firstVerb = tokens.findIndex((t, k) => k > after && k < after + 9 && isVerbToken(t, sentence.mentions));
      const afterComma = firstVerb > 0 && tokens[firstVerb - 1]?.text === ',';
      if (firstAfter !== undefined && !listGoesOn && !listOfWords && !isVerbToken(firstAfter, sentence.mentions) && verbWithin(after + 1, after + 9) && finiteBefore && !afterComma && i - from >= 4) {
        cut = i;
        next = after;
      }
    }
    if (cut < 0) continue;
    // A clause whose pronoun points back ("..., and 3,000 people reported it") stays with its sentence.
    const end = tokens.findIndex((t, k) => k > next && t.text === ';');
    if (tokens.slice(next, end < 0 ? tokens.length : end).some((t) => BACK_POINTERS.test(t.lower))) continue;
    // "...277 flaws; 39 percent of these are rated critical": a share of what the clause before counts
    // points back to it, and stays with it (round 6, stand-alone).
    const rest = tokens.slice(next, end < 0 ? tokens.length : end);
    if (rest.some((t, k) => /^(?:these|those)$/.test(t.lower) && /^(?:of|among)$/.test(rest[k - 1]?.lower ?? '') && (rest[k + 1] === undefined || !hasTag(rest[k + 1], 'Noun', 'Adjective')))) continue;
    // "...; this has dropped to 56 percent": a demonstrative subject points back to the clause before (stand-alone).
    const opening = tokens[next];
    const verb = tokens[next + 1];
    if (opening !== undefined && /^(this|that|these|those)$/.test(opening.lower) && verb !== undefined && (AUXILIARIES.has(verb.lower) || hasTag(verb, 'Verb', 'Adverb'))) continue;
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

/** What a gate needs besides the clause: the article's sentences (for coreference) and the tagger's lexicon. */
export interface GateContext {
  sentences: readonly SentenceInfo[];
  tagger: Tagger;
}

/** Why a clause's words are not a fact a teacher would ask about, or null. */
export function boilerplateOf(text: string): string | null {
  for (const [pattern, what] of BOILERPLATE) if (pattern.test(text)) return what;
  return null;
}

/** "Visit the website ...", "Register by Friday": the clause opens with a verb in the imperative. */
function isInstruction(clause: Clause): boolean {
  const words = clause.tokens.filter((t) => t.isWord);
  let first = words[0];
  if (first?.lower === 'please') first = words[1];
  if (first === undefined || first.isNumber) return false;
  if (clause.mentions.some((m) => m.outerStart <= first.start && first.end <= m.end)) return false;
  // "Sunrise, and others of his songs, became hits": a name before a comma, then the sentence's verb.
  const next = clause.tokens[clause.tokens.indexOf(first) + 1];
  if (next !== undefined && (next.text === ',' || ['and', 'or', 'of'].includes(next.lower))) return false;
  if (clause.tokens.some((t) => t !== first && hasTag(t, 'PastTense') && !hasTag(t, 'Participle', 'Adjective'))) return false;
  if (hasTag(first, 'Imperative') || (hasTag(first, 'Infinitive') && !hasTag(first, 'Noun', 'Pronoun', 'Determiner', 'PastTense', 'Gerund', 'Adjective', 'Modal'))) return true;
  // "Wait until the fifth day ...": a verb that is also a noun, then a word no subject is followed by.
  return hasTag(first, 'Infinitive') && !hasTag(first, 'PastTense', 'Plural') && next !== undefined && hasTag(next, 'Preposition', 'Determiner') && !hasTag(next, 'Verb');
}

/**
 * Why a clause would not make a fair fact, or null when it would. A clause that opens with a pronoun is
 * resolved here: on success its rewrite (and, for a person or an organisation, a mention that can be
 * asked) is added to the clause.
 */
export function clauseGate(clause: Clause, context?: GateContext): Verdict | null {
  const sentenceText = clause.sentence.text;
  // Boilerplate anywhere in the sentence taints all of it: "For more information, call ..., or visit ...".
  const boilerplate = boilerplateOf(clause.sentence.text.slice(firstBodyStart(clause.sentence) - clause.sentence.start));
  if (boilerplate !== null) return { rule: 'boilerplate', reason: `${boilerplate}, not a fact of the article` };
  if (/^\p{Lu}[\p{Lu}\d\s,.:&'’-]+$/u.test(sentenceText) && sentenceText.length < 120) return { rule: 'heading', reason: 'a heading in capitals, not a sentence' };
  const markup = markupOf(clause);
  if (markup !== null) return { rule: 'markup', reason: markup };
  const words = clause.tokens.filter((t) => t.isWord);
  if (words.length < 5) {
    // "Wikinews: Which governor do you admire? / Ana Ruiz: Omar Haddad.": a short answer reads with the
    // question it answers (rule interview-answer).
    const question = context === undefined ? null : answeredQuestion(clause, context);
    if (question === null || !clause.mentions.some(isAskable)) return { rule: 'fragment', reason: 'fewer than five words' };
    const speaker = clause.sentence.speaker ?? '';
    clause.rewrites.push({ start: clause.start, end: clause.start, text: `Asked “${question}”, ${speaker} said: “`, rule: `the answer of ${speaker} to the question before` });
    clause.rewrites.push({ start: clause.end, end: clause.end, text: '”', rule: 'the end of the answer' });
    return null;
  }
  if (isInstruction(clause)) return { rule: 'not-a-statement', reason: 'an instruction to the reader, neither true nor false' };
  const minor = minorDetailOf(clause.text);
  if (minor !== null) return { rule: 'minor-detail', reason: `${minor}, not a point worth remembering` };
  if (!clause.tokens.some((t) => isFiniteVerb(t, clause.mentions))) return { rule: 'fragment', reason: 'no verb in a tense' };
  // "On the final restart with 12 laps remaining.": every word taken for a verb follows "the" or a number
  // (or those and an adjective), so it is a noun, and the clause says nothing of a subject.
  const nounAfterDeterminer = (i: number): boolean => {
    const back = clause.tokens[i - 1];
    const back2 = clause.tokens[i - 2];
    const determiner = (t: Token | undefined): boolean => t !== undefined && (t.isNumber || /^(?:the|a|an|this|these|those|its|their|our|my|your)$/.test(t.lower));
    const token = clause.tokens[i] as Token;
    // "at 82 is still ...": an auxiliary, a copula or a past tense is a verb wherever it stands.
    if (AUXILIARIES.has(token.lower) || hasTag(token, 'Copula', 'Modal', 'PastTense')) return false;
    return determiner(back) || (back !== undefined && hasTag(back, 'Adjective') && !AUXILIARIES.has(back.lower) && determiner(back2));
  };
  if (clause.tokens.every((t, i) => !isFiniteVerb(t, clause.mentions) || nounAfterDeterminer(i))) return { rule: 'fragment', reason: 'no verb in a tense (its verb-like words are nouns after "the" or a number)' };
  // "and Abdul Rahman II, who was the last caliph": the only verb is in a clause about a name.
  // "... a leader of a group that monitored ...": "that" after a noun opens a clause about it too.
  const relative = clause.tokens.findIndex((t, i) => /^(who|which|whose|whom)$/.test(t.lower) || (t.lower === 'that' && i > 0 && hasTag(clause.tokens[i - 1] as Token, 'Noun') && !hasTag(clause.tokens[i - 1] as Token, 'Pronoun')));
  if (relative >= 0 && !clause.tokens.slice(0, relative).some((t) => isFiniteVerb(t, clause.mentions))) {
    const close = clause.tokens.findIndex((t, i) => i > relative && t.text === ',');
    // "The document which had the stamp ... detailed ...": with no comma, a second verb in a tense, not
    // joined by "and"/"or", is the sentence's own.
    const verbs = clause.tokens.map((t, i) => ({ t, i })).filter(({ t, i }) => i > relative && isFiniteVerb(t, clause.mentions));
    const second = verbs[1];
    const own = close < 0 && second !== undefined && !['and', 'or', 'but', 'who', 'which', 'that', ','].includes(clause.tokens[second.i - 1]?.lower ?? '') && !AUXILIARIES.has(clause.tokens[second.i - 1]?.lower ?? '') && second.i - (verbs[0]?.i ?? 0) > 2;
    if (!own && (close < 0 || !clause.tokens.slice(close).some((t) => isFiniteVerb(t, clause.mentions)))) return { rule: 'fragment', reason: 'its only verb is in a "who"/"which" clause' };
  }
  if (/:\s*$/.test(sentenceText)) return { rule: 'fragment', reason: 'it only introduces a list (it ends with a colon)' };
  // "a watch for 28 countries, including, but not limited to ...": a clause that ends on the word that
  // opens its list has lost the list.
  if (/\b(?:including|such as|namely|notably|among them)[\s,.:;]*$/i.test(clause.text.trim())) return { rule: 'fragment', reason: 'it stops where its list should begin' };
  // "... species, such as soybean, cotton": a list cut before its "and", so the clause stops mid-list.
  if (/\b(?:such as|including|like)\s+[^,;]+(?:,\s*[^,;]+)+[.!]?\s*$/.test(clause.text.trim()) && !/\b(?:and|or)\s+[^,;]+[.!]?\s*$/.test(clause.text.trim())) {
    return { rule: 'fragment', reason: 'it stops in the middle of a list' };
  }
  const opening = words[0];
  if (opening !== undefined && opening.isCap && hasTag(opening, 'Gerund') && !clause.mentions.some((m) => m.outerStart <= opening.start && opening.end <= m.end) && !clause.tokens.some((t) => t !== opening && isFiniteVerb(t, clause.mentions))) {
    return { rule: 'fragment', reason: 'a list item with no subject ("Forcing ...")' };
  }
  // The same when the tagger takes the "-ing" word for part of a name, or a bare verb for a finite one:
  // no auxiliary and no past tense anywhere, so nothing is said of a subject.
  if (opening !== undefined && opening.isCap && context !== undefined && context.tagger.lexicon(opening.lower).includes('Gerund') && !clause.tokens.some((t) => t !== opening && (AUXILIARIES.has(t.lower) || (hasTag(t, 'PastTense') && !hasTag(t, 'Adjective'))))) {
    return { rule: 'fragment', reason: 'a list item with no subject ("Forcing ...")' };
  }
  if (/\?[”"’)]*$/.test(clause.text.trim()) && !/[“"]/.test(clause.text)) return { rule: 'not-a-statement', reason: 'a question, neither true nor false' };
  const firstPerson = firstPersonWord(clause);
  if (firstPerson !== null) {
    const speaker = clause.sentence.speaker;
    if (speaker === undefined || context === undefined) return { rule: 'first-person', reason: `"${firstPerson}" outside quotation marks: the speaker's own view, not a fact the article states` };
    // An interview turn: "I am 61 now ..." is what its speaker said, and reads so.
    if (/[“”"]/.test(clause.text)) return { rule: 'first-person', reason: `"${firstPerson}" in an answer that quotes someone else` };
    clause.rewrites.push({ start: clause.start, end: clause.start, text: `${speaker} said: “`, rule: `the words of ${speaker}, who speaks in this part of the interview` });
    clause.rewrites.push({ start: clause.end, end: clause.end, text: '”', rule: 'the end of the quotation' });
  }
  const quotation = clause.sentence.inQuote || /^[“"]/.test(sentenceText.slice(firstBodyStart(clause.sentence) - clause.sentence.start));
  if (quotation && !hasAttribution(clause.sentence)) return { rule: 'unattributed-quote', reason: 'a quotation whose speaker this sentence does not name' };
  const quotedSpeaker = clause.rewrites.some((r) => r.start === r.end);
  const pronoun = leadingPronounToken(clause);
  // In an interview turn read as its speaker's words, "I" and "my" are the speaker.
  if (pronoun !== null && !(quotedSpeaker && /^(i|we|my|our|i['’](m|ve|d|ll))$/.test(pronoun.lower))) {
    if (context === undefined || !isFirstClause(clause)) return { rule: 'pronoun', reason: `starts with "${pronoun.text}", which points to something outside the clause` };
    const estimate = estimateReport(clause, pronoun);
    if (estimate !== null) clause.rewrites.push(estimate);
    else {
      const resolved = resolvePronoun(clause, pronoun, context);
      if (typeof resolved === 'string') return { rule: 'pronoun', reason: resolved };
    }
  }
  const notAlone = standAloneProblem(clause, context);
  if (notAlone !== null) return { rule: 'stand-alone', reason: notAlone };
  if (context !== undefined) {
    const dangling = resolveInnerPronoun(clause, context);
    if (dangling !== null) return { rule: 'pronoun', reason: dangling };
  }
  clause.rewrites.sort((a, b) => a.start - b.start);
  const pointer = outsidePointer(clause);
  if (pointer !== null) return { rule: 'pronoun', reason: `"${pointer}" points to something the clause does not name` };
  if (!clause.mentions.some(isAskable)) return { rule: 'no-key', reason: 'no name, place, organisation, date or number to ask about' };
  if (wordCount(clause.text) > MAX_CLAUSE_WORDS) return { rule: 'too-long', reason: `over ${MAX_CLAUSE_WORDS} words` };
  return null;
}

/**
 * Wiki markup left in a pasted article (rule markup): "[[Nice|Nice, France]]", "'''bold'''", "{{cite}}".
 * A line that is only markup ("File:...", "Category:...") is dropped; in a sentence, the marks are shown
 * as the words they wrap (rewrites, so the quote stays the article's own words). Returns why the clause
 * is dropped, or null.
 */
export function markupOf(clause: Clause): string | null {
  const text = clause.sentence.text;
  if (/^\s*(?:\[\[)?(?:File|Image|Category|Template|Media):/i.test(text.slice(clause.sentence.bodyStart - clause.sentence.start)) || /\|\s*(?:thumb|thumbnail|right|left|upright)\s*[|\]]/i.test(text)) return 'wiki markup (a file, image or category line), not a sentence';
  if (/\{\{|\}\}|<ref|<\/ref>/.test(clause.text) && !/\{\{[^{}]*\}\}|<ref[^>]*\/>|<ref[^>]*>[^<]*<\/ref>/.test(clause.text)) return 'wiki markup cut in two by the sentence';
  const base = clause.sentence.start;
  const local = text.slice(clause.start - base, clause.end - base);
  const marks: { start: number; end: number }[] = [];
  const add = (from: number, length: number): void => {
    marks.push({ start: clause.start + from, end: clause.start + from + length });
  };
  // "[[target|label]]": the target and its bar go, the label stays; "[[label]]": the brackets go.
  for (const m of local.matchAll(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g)) {
    const at = m.index ?? 0;
    add(at, 2 + (m[1]?.length ?? 0));
    add(at + m[0].length - 2, 2);
  }
  for (const m of local.matchAll(/'{2,}/g)) add(m.index ?? 0, m[0].length);
  for (const m of local.matchAll(/\s?\{\{[^{}]*\}\}|\s?<ref[^>]*\/>|\s?<ref[^>]*>[^<]*<\/ref>/g)) add(m.index ?? 0, m[0].length);
  if (/\[\[|\]\]/.test(local.replace(/\[\[[^\]]*\]\]/g, ''))) return 'wiki markup cut in two by the sentence';
  for (const mark of marks) {
    // A link's target is not shown, nor asked; a key cut by the marks cannot be shown without them.
    clause.mentions = clause.mentions.filter((m) => !(mark.start <= m.outerStart && m.end <= mark.end));
    if (clause.mentions.some((m) => m.outerStart < mark.end && mark.start < m.end)) return 'wiki markup inside a name';
    clause.rewrites.push({ start: mark.start, end: mark.end, text: '', rule: 'markup: wiki marks shown as the words they wrap' });
  }
  return null;
}

/**
 * Details a teacher would not ask (rule minor-detail): how an event is broadcast or streamed, the
 * schedule of the next one, laps run under caution, the article or interview itself ("this is the first
 * article ...", "reporter Ana Ruiz started ...", "to contact her via email"). Returns what the clause is, or null.
 */
export function minorDetailOf(text: string): string | null {
  if (/\b(?:(?:will|to) be (?:broadcast|televised|aired|shown live|streamed)|(?:is|are|was|were) (?:broadcast|televised|aired|streamed)\b|broadcast (?:live )?(?:on|by)\b|(?:broadcast|shown|streamed|aired) live\b|(?:coverage|telecast|highlights) (?:on|from) (?:\p{Lu}|TV|television|radio)|TV (?:channel|coverage)|television (?:channel|coverage))/u.test(text)) return 'how an event is broadcast';
  if (/\b(?:the next|next (?:week|month|year)[’']s) (?:race|round|match|game|event|stage|leg|fixture|grand prix|meeting|session)\b/i.test(text)) return 'the schedule of the next event';
  if (/\bthis (?:is the (?:first|second|third|last|final|next) )?(?:article|interview|report|story|piece|series)\b|\b(?:first|second|third|last|final|next) (?:article|part|instalment|installment) (?:of|from|in) (?:this|the|our)\b|\b(?:reporter|correspondent|interviewer) \p{Lu}\p{L}+ \p{Lu}\p{L}+ (?:started|began|asked|put)\b/u.test(text)) return 'about the article or the interview itself';
  if (/\b(?:to (?:contact|reach) \S+(?: \S+)? (?:via|by) (?:e-?mail|phone|telephone))|\bfor the purpose of (?:doing )?an interview\b|\bforwarded (?:a|his|her) (?:telephone|phone) number\b/i.test(text)) return 'how the interview was arranged';
  if (/\bcaution (?:laps?|periods?|flags?)\b|\blaps? (?:under|behind the) (?:caution|yellow|safety car|pace car)\b|\bcautions?\b[^.]{0,40}\blaps?\b/i.test(text)) return 'laps run under caution';
  return null;
}

const TIME_NOUNS = /^(year|years|week|weeks|month|months|morning|afternoon|evening|night|day|days|season|summer|winter|spring|autumn|fall|weekend|time|decade|century)$/;

/**
 * A clause that does not read on its own (rule stand-alone): it opens with "This decision", "These
 * findings", "Such cases", "In that conversation", or speaks of "the latter", "the former", "in the second
 * case". Times ("This year", "that day") are kept. Returns why, or null.
 */
export function standAloneProblem(clause: Clause, context?: GateContext): string | null {
  const plain = clause.text.replace(/“[^”]*”|"[^"]*"/g, '');
  const pointing = /\b(?:the latter|the former(?= *[,.;]| (?:is|was|has|had|said|will|would)\b)|(?:in )?the (?:first|second|third|other|last) (?:case|instance)|in (?:both|either|neither|each|such|this|that) cases?)\b/i.exec(plain);
  if (pointing !== null) return `"${pointing[0]}" points to something the clause does not name`;
  // Round 24: "During those six years", "In the same year": a span or a time the sentence before gave.
  const before = /^(?:\p{L}+\s+){0,3}?(?:(?:those|these)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|few|several)\s+(?:years|months|weeks|days|seasons|decades|hours)|the same (?:year|month|week|day|night|season|time|period))\b/iu.exec(plain.trim());
  if (before !== null) return `"${before[0].split(/\s+/).slice(-3).join(' ')}" points to a time the clause does not name`;
  const words = clause.tokens.filter((t) => t.isWord);
  // "And Varn lost 1-2 ...", "But Ada Lund said ...": a conjunction that joins the sentence to the one
  // before is left out, and the fact starts with the next word.
  const [opening, second] = words;
  if (opening !== undefined && second !== undefined && opening.start === clause.start && /^(?:and|but|so|yet|or)$/i.test(opening.text) && !insideQuotation(clause.sentence.tokens, opening)) {
    clause.rewrites.push({ start: opening.start, end: second.start, text: '', rule: `stand-alone: "${opening.text}", which joins the sentence to the one before, is left out` });
  }
  for (let i = 0; i < Math.min(4, words.length - 1); i++) {
    const word = words[i] as Token;
    const next = words[i + 1] as Token;
    if (!/^(this|that|these|those|such)$/.test(word.lower)) continue;
    if (insideQuotation(clause.sentence.tokens, word)) continue;
    // "that" after a verb opens a clause ("said that ..."), not a pointer; after a verb that takes no such
    // clause ("won that championship") it points (round 24).
    const verbBefore = words[i - 1];
    if (word.lower === 'that' && verbBefore !== undefined && !hasTag(verbBefore, 'Preposition') && (THAT_VERBS.has(verbBefore.lower) || !hasTag(verbBefore, 'PastTense') || hasTag(next, 'Verb', 'Pronoun', 'Determiner'))) continue;
    if (TIME_NOUNS.test(next.lower) || hasTag(next, 'Date') || next.isNumber) continue;
    if (clause.mentions.some((m) => m.outerStart <= next.start && next.start < m.end)) continue;
    if (!hasTag(next, 'Noun', 'Adjective') || hasTag(next, 'Pronoun')) continue;
    // "The centerpiece of this performance is ...": inside a phrase, "this" reads as "the".
    const previous = words[i - 1];
    if (previous !== undefined && /^(this|that)$/.test(word.lower) && hasTag(previous, 'Preposition') && i >= 2) {
      clause.rewrites.push({ start: word.start, end: word.end, text: word.text === word.lower ? 'the' : 'The', rule: `stand-alone: "${word.text} ${next.text}" read as "the ${next.text}"` });
      continue;
    }
    // "This visit follows ..." under the headline "... Plans Visit to Lima": the title, shown above every
    // question, says which.
    const headline = context?.sentences.find((s) => s.isHeadline);
    if (headline !== undefined && new RegExp(`\\b${escapeRegExp(next.lower.replace(/s$/, ''))}`, 'i').test(headline.text)) continue;
    // "Based on these data, a trial began ...": a fronted phrase that points back is left out of the fact.
    const comma = clause.tokens.findIndex((t) => t.text === ',');
    const after = clause.tokens[comma + 1];
    // Round 24: not when what is left opens with "which", "who" or "and" ("That compares with a 5.5% rise in
    // May, which was the largest ...", "Ana won that title in 2010, and came second ..."): a relative clause
    // or the second half of a sentence is no sentence of its own.
    const relative = after !== undefined && /^(?:which|who|whom|whose|where|and|but|or|so|yet)$/.test(after.lower);
    if (comma > 0 && comma < 12 && !relative && (clause.tokens[comma] as Token).start > word.start && after !== undefined && !clause.mentions.some((m) => m.outerStart < after.start && after.start < m.end)) {
      clause.rewrites.push({ start: clause.start, end: after.start, text: '', rule: `stand-alone: "${spanText(clause, clause.start, (clause.tokens[comma] as Token).start)}" points back, and is left out` });
      return null;
    }
    return `"${word.text} ${next.text}" points to something the clause does not name`;
  }
  return null;
}

function spanText(clause: Clause, start: number, end: number): string {
  return clause.sentence.text.slice(start - clause.sentence.start, end - clause.sentence.start);
}

/**
 * "Doctors said he was stable": a "he"/"she"/"him"/"his"/"her" inside the clause, outside quotation marks,
 * that no person named before it in the clause can stand for. It is resolved as a leading pronoun is
 * (rule one-candidate) and shown as the name; when it cannot be, the clause is dropped (returns why), since
 * its questions would mean something else without knowing who.
 */
function resolveInnerPronoun(clause: Clause, context: GateContext): string | null {
  const lexicon = (word: string): readonly string[] => context.tagger.lexicon(word);
  for (const token of clause.tokens) {
    if (!/^(he|she|him|his|her|himself|herself)$/.test(token.lower)) continue;
    if (clause.rewrites.some((r) => r.start <= token.start && token.end <= r.end)) continue;
    if (insideQuotation(clause.sentence.tokens, token)) continue;
    const female = /^(she|her|herself)$/.test(token.lower);
    const named = clause.mentions.filter((m) => m.entity.type === 'person' && m.end <= token.start).filter((m) => {
      const gender = genderOf(m.entity, lexicon);
      return gender === null || gender === (female ? 'female' : 'male');
    });
    if (named.length > 0) continue;
    // "Manning, who ..., played his final game": a name before it of a type not sure, or of a person of
    // unknown gender, may be who is meant: left as written.
    if (clause.mentions.some((m) => m.end <= token.start && (m.entity.type === 'person' || !m.entity.sure) && !['date', 'time', 'number'].includes(m.entity.type))) continue;
    const before = clause.tokens.slice(0, clause.tokens.indexOf(token));
    // "During his visit, Ana Ruiz will meet ...": a fronted phrase's pronoun is the subject named after it.
    const comma = clause.tokens.findIndex((t, i) => t.text === ',' && i > before.length);
    const subject = comma < 0 ? undefined : clause.tokens[comma + 1];
    if (!before.some((t) => t.text === ',') && subject !== undefined && clause.mentions.some((m) => m.entity.type === 'person' && m.outerStart === subject.start)) continue;
    // "Her father ... at his church", "The driver said he ...": a person the clause speaks of without a
    // name, before the pronoun, is what it most likely stands for; the clause reads on its own.
    if (before.some((t) => isKinWord(t.lower, female ? 'female' : 'male'))) continue;
    const firstVerb = before.findIndex((t) => isVerbToken(t, clause.mentions));
    if (firstVerb > 0 && before.slice(0, firstVerb).some((t) => t.isWord && !t.isCap && hasTag(t, 'Noun') && !hasTag(t, 'Plural', 'Pronoun', 'Date', 'Value'))) continue;
    // Round 17: "Varnosi, 24, says he survived ...": a capitalised word before the verb that no name found
    // covers, with an age after it or a verb of saying, is someone the finder did not know; the pronoun is
    // most likely them, not anyone named before.
    if (firstVerb > 0) {
      const head = before.slice(0, firstVerb);
      // (A word the lexicon knows as something other than a name, "Doctors", "The", is no one's name.)
      const unknownName = (t: Token): boolean => t.isWord && t.isCap && lexicon(t.lower).every((tag) => /Name$/.test(tag)) && !clause.mentions.some((m) => m.outerStart <= t.start && t.end <= m.end);
      const aged = head.some((t, i) => unknownName(t) && head[i + 1]?.text === ',' && /^\d{1,3}$/.test(head[i + 2]?.text ?? ''));
      if (aged || (SAYING.test(before[firstVerb]?.lower ?? '') && head.some(unknownName))) continue;
    }
    const word = female ? 'she' : 'he';
    const resolution = resolveLeadingPronoun(context.sentences, clause.sentence.index, { ...token, lower: word }, (t) => isVerbToken(t, clause.sentence.mentions), lexicon, false);
    if (typeof resolution === 'string') return resolution;
    if (resolution.entity === null) return `"${token.text}" stands for no one the clause names`;
    if (/self$/.test(token.lower)) continue;
    // "his" -> "Ana Ruiz's"; "her" before a noun is a possessive too. A word the tagger reads as a verb
    // is a noun still after a preposition ("during her campaign") or before "'s" ("her party's"): only a
    // verb's object is followed by a verb ("let her go").
    const at = clause.tokens.indexOf(token);
    const next = clause.tokens[at + 1];
    const nounAfterAll = next !== undefined && (hasTag(clause.tokens[at - 1], 'Preposition') || /^['’]s$/.test(clause.tokens[at + 2]?.text ?? ''));
    const possessive = token.lower === 'his' || (token.lower === 'her' && next !== undefined && next.isWord && !hasTag(next, 'Preposition', 'Determiner', 'Conjunction', 'Adverb') && (!hasTag(next, 'Verb') || nounAfterAll) && !AUXILIARIES.has(next.lower));
    const name = resolution.entity.name;
    const shown = possessive ? `${name}${name.endsWith('s') ? '’' : '’s'}` : name;
    clause.rewrites.push({ start: token.start, end: token.end, text: /^\p{Lu}/u.test(token.text) ? capitalise(shown) : shown, rule: resolution.rule });
    if (!possessive) {
      const mention: Mention = { entity: resolution.entity, sentence: clause.sentence.index, start: token.start, end: token.end, text: name, outerStart: token.start, title: null, pronoun: true };
      clause.mentions = [...clause.mentions, mention].sort((a, b) => a.start - b.start);
    }
  }
  return null;
}

function firstBodyStart(sentence: SentenceInfo): number {
  return sentence.bodyStart;
}

/** Verbs that report a figure worked out: what follows is the estimate, whoever made it. */
const ESTIMATED = /^(?:estimated|predicted|calculated|projected|forecast)$/;

/**
 * "They estimated by 2050, ... would increase ... by 50 percent": a pronoun that only says who made an
 * estimate. The clause reads "It was estimated that ...", which needs no one named (rule estimate-report).
 */
function estimateReport(clause: Clause, pronoun: Token): Rewrite | null {
  if (!/^(?:they|he|she)$/.test(pronoun.lower)) return null;
  const tokens = clause.sentence.tokens;
  const at = tokens.indexOf(pronoun);
  const verb = tokens[at + 1];
  if (verb === undefined || !ESTIMATED.test(verb.lower)) return null;
  // What is reported must be a clause of its own, with a verb of its own ("would increase").
  const rest = tokens.slice(at + 2).filter((t) => t.end <= clause.end);
  if (!rest.some((t) => AUXILIARIES.has(t.lower) || /^(?:would|will|could|might|may)$/.test(t.lower))) return null;
  const that = tokens[at + 2]?.lower === 'that' ? tokens[at + 2] : undefined;
  const capital = /^\p{Lu}/u.test(pronoun.text);
  return { start: pronoun.start, end: (that ?? verb).end, text: `${capital ? 'It' : 'it'} was ${verb.lower} that`, rule: `estimate-report: "${pronoun.text} ${verb.text}" only says who made the estimate` };
}

/** The longest question an interview answer is asked with: a longer one makes a stem nobody reads. */
const MAX_QUESTION_WORDS = 20;

/**
 * The question a short interview answer replies to, or null: the clause is the whole first sentence of a
 * speaker's turn, written without "I", "he" or "it", and the turn before, another speaker's, ends with
 * that question.
 */
function answeredQuestion(clause: Clause, context: GateContext): string | null {
  const sentence = clause.sentence;
  if (sentence.speaker === undefined || clause.start !== sentence.bodyStart || clause.end < sentence.end - 1) return null;
  if (clause.tokens.some((t) => /^(?:i|me|my|we|our|us|he|she|it|they|him|her|them|his|its|their|this|that|yes|no)$/.test(t.lower))) return null;
  const before = context.sentences[sentence.index - 1];
  if (before === undefined || before.speaker === undefined || before.speaker === sentence.speaker || before.paragraph === sentence.paragraph) return null;
  const question = before.text.slice(before.bodyStart - before.start).trim();
  if (!/\?$/.test(question) || /[“”"]/.test(question)) return null;
  const count = question.split(/\s+/).length;
  return count >= 3 && count <= MAX_QUESTION_WORDS ? question : null;
}

function isFirstClause(clause: Clause): boolean {
  const first = clause.sentence.tokens.find((t) => t.start >= firstBodyStart(clause.sentence));
  return first !== undefined && first.start === clause.start;
}

const SAYING = /^(said|says|told|tells|added|adds|noted|explained|stated|announced|wrote|asked|commented|recalled|insisted|according)$/;

/** Whether a sentence names who speaks: a verb of saying beside a named person or organisation, or "he"/"she". */
function hasAttribution(sentence: SentenceInfo): boolean {
  const tokens = sentence.tokens;
  return tokens.some((token, i) => {
    if (!SAYING.test(token.lower)) return false;
    const near = tokens.slice(Math.max(0, i - 4), i + 5);
    return near.some((t) => /^(he|she|they)$/.test(t.lower) || sentence.mentions.some((m) => (m.entity.type === 'person' || m.entity.type === 'organisation') && t.start >= m.outerStart && t.end <= m.end));
  });
}

const FIRST_PERSON = /^(i|me|my|mine|myself|we|us|our|ours|ourselves|i[’']m|i[’']ve|i[’']d|i[’']ll|we[’']re|we[’']ve|we[’']d|we[’']ll)$/;

/** A first-person word of the clause outside quotation marks ("I think ..."), or null. */
function firstPersonWord(clause: Clause): string | null {
  let depth = clause.sentence.inQuote ? 1 : 0;
  for (const token of clause.sentence.tokens) {
    if (token.text === '“') depth++;
    else if (token.text === '”') depth = Math.max(0, depth - 1);
    else if (token.text === '"') depth = depth > 0 ? 0 : 1;
    else if (depth === 0 && token.start >= clause.start && token.end <= clause.end && FIRST_PERSON.test(token.lower) && !isNotFirstPerson(token, clause.sentence.tokens)) return token.text;
  }
  return null;
}

/** Whether a token stands between quotation marks of its sentence. */
function insideQuotation(tokens: readonly Token[], token: Token): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t === token) return depth > 0;
    if (t.text === '“') depth++;
    else if (t.text === '”') depth = Math.max(0, depth - 1);
    else if (t.text === '"') depth = depth > 0 ? 0 : 1;
  }
  return false;
}

/** A country written in capitals is no pronoun; "I Will Remember" is a title, its "I" no speaker. */
function isNotFirstPerson(token: Token, tokens: readonly Token[]): boolean {
  if (token.lower === 'us') return token.text !== 'us';
  // "Waiting (for Me)": a capitalised "Me" or "My" inside a sentence belongs to a title.
  if (token.text !== 'I' && token.isCap && tokens.indexOf(token) > 0 && /^[\p{L}(“"‘]/u.test(tokens[tokens.indexOf(token) - 1]?.text ?? '')) return true;
  if (token.text !== 'I') return false;
  const next = tokens[tokens.indexOf(token) + 1];
  return next !== undefined && next.isCap && next.isWord;
}

const CONTRACTIONS: Record<string, string> = { ll: 'will', re: 'are', ve: 'have' };

/** "This was X's first ... since ...", "This is the only ... since ...": a record with its reference point. */
const RECORD_CLAIM = /^This (?:was|is) (?:the |\p{Lu}[\p{L}-]*['’]s )(?:first|only)\b[^,;:]*\bsince\b/u;

/**
 * Resolves the pronoun a clause opens with, adding the rewrite (and the mention of a named antecedent) to
 * the clause; returns the reason when it cannot.
 */
function resolvePronoun(clause: Clause, pronoun: Token, context: GateContext): Rewrite | string {
  const possessive = POSSESSIVE_PRONOUNS.has(pronoun.lower);
  const subjectForm = possessive ? ({ his: 'he', her: 'she', its: 'it', their: 'they' } as Record<string, string>)[pronoun.lower] : pronoun.lower.replace(/['’](ll|re|ve|d)$/, '');
  // "This was Ostra's first win at home since 1990": a record claimed of what the sentence before told. The
  // claim names its own holder and its reference point ("since ..."), so it reads alone (rule record-claim).
  if (pronoun.lower === 'this' && RECORD_CLAIM.test(clause.text.trim())) return { start: pronoun.start, end: pronoun.start, text: '', rule: 'record-claim' };
  if (subjectForm === undefined) return `starts with "${pronoun.text}", which points to something outside the sentence`;
  // 'Saying "he had a gun to his head," he told ...': a quotation keeps its own words.
  if (insideQuotation(clause.sentence.tokens, pronoun)) return `"${pronoun.text}" is inside a quotation, whose words are not changed`;
  const lexicon = (word: string): readonly string[] => context.tagger.lexicon(word);
  const asSubject: Token = { ...pronoun, lower: subjectForm };
  const resolution = resolveLeadingPronoun(context.sentences, clause.sentence.index, asSubject, (t) => isVerbToken(t, clause.sentence.mentions), lexicon, possessive);
  if (typeof resolution === 'string') return resolution;
  if (resolution.entity !== null && clause.mentions.some((m) => m.entity === resolution.entity && !m.pronoun)) {
    // "After Ana Ruiz arrived, she said ...": the clause already says who.
    if (clause.mentions.some((m) => m.entity === resolution.entity && m.end <= pronoun.start)) return { start: pronoun.start, end: pronoun.start, text: '', rule: 'named earlier in the clause' };
    return `"${pronoun.text}" would stand for ${resolution.text}, whom the clause names as well`;
  }
  let shown = possessive ? `${resolution.text}${resolution.text.endsWith('s') ? '’' : '’s'}` : resolution.text;
  // "It was felt ..." -> "The quake was felt ...": a capital where the pronoun had one.
  if (/^\p{Lu}/u.test(pronoun.text) && pronoun.text !== 'I') shown = capitalise(shown);
  let end = pronoun.end;
  let expands = false;
  // "He’s resigned" -> "Tomas Brandt has resigned"; "They’re" -> "... are".
  const glued = /^\p{L}+['’](ll|re|ve|d)$/u.exec(pronoun.text)?.[1];
  const tokens = clause.sentence.tokens;
  const next = tokens[tokens.indexOf(pronoun) + 1];
  if (glued !== undefined) {
    const word = CONTRACTIONS[glued];
    if (word === undefined) return `"${pronoun.text}" may mean "would" or "had"`;
    shown = `${shown} ${word}`;
    expands = true;
  } else if (!possessive && next !== undefined && /^['’]s$/.test(next.text) && next.start === pronoun.end) {
    // "He’s also made ...": past the adverbs to the verb, whose form says "has" or "is".
    let at = tokens.indexOf(next) + 1;
    while (tokens[at] !== undefined && hasTag(tokens[at], 'Adverb') && !hasTag(tokens[at], 'Verb')) at++;
    const after = tokens[at];
    const participle = after !== undefined && hasTag(after, 'PastTense', 'Participle') && !hasTag(after, 'Adjective');
    shown = `${shown} ${participle ? 'has' : 'is'}`;
    end = next.end;
    expands = true;
  }
  const rewrite: Rewrite = { start: pronoun.start, end, text: shown, rule: resolution.rule, ...(expands ? { expands } : {}) };
  clause.rewrites.push(rewrite);
  if (resolution.entity !== null && !possessive) {
    const mention: Mention = { entity: resolution.entity, sentence: clause.sentence.index, start: pronoun.start, end: pronoun.end, text: resolution.entity.name, outerStart: pronoun.start, title: null, pronoun: true };
    clause.mentions = [mention, ...clause.mentions];
  }
  return rewrite;
}

/**
 * A mention that can be the answer of a question: not a modifier before a title ("U.S." in "U.S.
 * Ambassador"), unless the article names it nowhere else ("Louisiana" in "Louisiana Governor").
 */
export function isAskable(mention: Mention): boolean {
  if (mention.inBrackets === true) return false;
  // Round 15: a person a report names only by initials ("M.C.") is no key; "he" may still stand for them.
  if (mention.entity.type === 'person' && isPersonInitials(mention.entity.name)) return false;
  if (mention.modifier !== true) return true;
  // A word before a title is asked only when it surely names a place or an organisation ("Louisiana" in
  // "Louisiana Governor", not "Environment" in "Environment Minister") and the article names it nowhere else.
  const { entity } = mention;
  return entity.onlyAsModifier && entity.sure && (entity.type === 'place' || entity.type === 'organisation');
}

/**
 * A pronoun or demonstrative in the clause that nothing before it in the clause can stand for: "Microsoft
 * has replaced it with three newer versions", "39 percent of these are rated critical".
 */
function outsidePointer(clause: Clause): string | null {
  // Round 38: "those who died", "those killed in the crash": "those" with its own clause names its people.
  const demonstrative = /\b(?:of|among|in|all|both|each|many|some|none|most) (?:these|those)\b(?! (?:who|whom|whose)\b| \p{Ll}+(?:ed|en) (?:in|by|on|at|during|when|after)\b)/iu.exec(clause.text);
  // "IE6 has 277 flaws; 39 percent of these ...": the clause before the semicolon counts what "these" are.
  const semicolon = clause.text.lastIndexOf(';', demonstrative?.index ?? 0);
  const counted = demonstrative !== null && semicolon > 0 && clause.mentions.some((m) => m.entity.type === 'number' && m.pronoun !== true && m.end - clause.start <= semicolon);
  if (demonstrative !== null && !counted) return demonstrative[0];
  let nounSeen = false;
  const firstWord = clause.tokens.find((t) => t.isWord);
  for (const token of clause.tokens) {
    const mention = clause.mentions.find((m) => token.start >= m.outerStart && token.end <= m.end);
    if (mention !== undefined) {
      // The clause's own subject is rarely what its object pronoun means ("Harbour Bank has replaced it").
      const subject = firstWord !== undefined && mention.outerStart === firstWord.start;
      if (!subject && mention.entity.type !== 'date' && mention.entity.type !== 'time' && mention.entity.type !== 'number') nounSeen = true;
      continue;
    }
    if (/^(it|them|him)$/.test(token.lower) && !nounSeen && clause.rewrites.every((r) => r.start !== token.start)) {
      const at = clause.tokens.indexOf(token);
      const next = clause.tokens[at + 1];
      // Round 38: "Varnost was lost when it broke up on re-entry": "it", the subject of a clause of time or
      // cause after the main verb, is the main clause's own subject, named in the clause.
      if (token.lower === 'it' && subjectNamesThing(clause, firstWord) && SUBORDINATE_OPENERS.has(clause.tokens[at - 1]?.lower ?? '') && next !== undefined && (hasTag(next, 'Verb') || AUXILIARIES.has(next.lower))) continue;
      // "It is clear that ...", "it was the first time": no pointer.
      if (token.lower === 'it' && next !== undefined && /^(is|was|has|had|will|would|seems|appears|remains|['’]s)$/.test(next.lower)) continue;
      return token.text;
    }
    if (token.isWord && !token.isCap && hasTag(token, 'Noun') && !hasTag(token, 'Pronoun')) nounSeen = true;
  }
  return null;
}

/** Words that open a clause of time or cause inside a sentence ("... when it broke up"). */
const SUBORDINATE_OPENERS = new Set(['when', 'after', 'before', 'because', 'as', 'while', 'until', 'since', 'once', 'although', 'though']);

/** Whether the clause opens with the name of a thing (not a person, a date or a figure), which a later "it" may mean. */
function subjectNamesThing(clause: Clause, firstWord: Token | undefined): boolean {
  if (firstWord === undefined) return false;
  const mention = clause.mentions.find((m) => m.outerStart === firstWord.start && m.pronoun !== true);
  return mention !== undefined && ['organisation', 'work', 'event', 'other'].includes(mention.entity.type);
}

/** The pronoun token a clause opens with (after quotation marks and an opener), or null. */
export function leadingPronounToken(clause: Clause): Token | null {
  const tokens = clause.tokens.filter((t) => t.isWord || t.text === ',' || /^[“"‘]$/.test(t.text));
  const i = subjectIndex(tokens);
  const first = tokens[i];
  if (first === undefined) return null;
  // "“We are ready,” she said": a pronoun inside the quotation is its speaker's, said in the sentence.
  if (i > 0 && /^[“"‘]$/.test(tokens[i - 1]?.text ?? '')) return null;
  const next = tokens.slice(i + 1).find((t) => t.isWord || t.text === ',');
  const bare = first.lower.replace(/['’](ll|re|ve|d)$/, '');
  // A country in capitals ("UK") is never the pronoun "us".
  if (first.isAcronym && first.text !== 'I') return null;
  if (SUBJECT_PRONOUNS.has(bare)) return first;
  // "During the 1970s he served ...", "As her health failed, she moved ...": a subject pronoun after a
  // fronted phrase, before any verb, or right after the comma that closes it.
  if (hasTag(first, 'Preposition', 'Adverb', 'Conjunction', 'Gerund') || FRONTED.has(first.lower)) {
    for (const token of tokens.slice(i + 1, i + 12)) {
      if (isVerbToken(token, clause.mentions)) break;
      if (/^(he|she|it|they)$/.test(token.lower)) return token;
    }
    const comma = tokens.findIndex((t, k) => k > i && k < i + 16 && t.text === ',');
    const afterComma = comma < 0 ? undefined : tokens[comma + 1];
    if (afterComma !== undefined && /^(he|she|it|they)$/.test(afterComma.lower)) return afterComma;
  }
  if (POSSESSIVE_PRONOUNS.has(first.lower)) return first;
  if (DEMONSTRATIVES.has(first.lower) && (next === undefined || next.text === ',' || AUXILIARIES.has(next.lower) || hasTag(next, 'Verb', 'Adverb'))) return first;
  return null;
}

/** The pronoun a clause starts with, as written, or null. */
export function leadingPronoun(clause: Clause): string | null {
  return leadingPronounToken(clause)?.text ?? null;
}

/** A clause's words as a fact shows them: its rewrites applied, and one span replaced when given. */
export function renderClause(clause: Clause, replace: { start: number; end: number; text: string } | null = null, from = clause.start, to = clause.end): string {
  const edits = [...clause.rewrites.filter((r) => replace === null || r.end <= replace.start || r.start >= replace.end), ...(replace === null ? [] : [replace])]
    .filter((e) => e.start >= from && e.end <= to)
    .sort((a, b) => a.start - b.start);
  const text = clause.sentence.text;
  const base = clause.sentence.start;
  let out = '';
  let at = from;
  for (const edit of edits) {
    out += text.slice(at - base, edit.start - base) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at - base, to - base);
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
    statement: statementOf(renderClause(clause)),
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
    // "the speaker", "the president": one word names no one in particular.
    if (role.trim().split(/\s+/).length < 2) continue;
    const clause: Clause = {
      sentence,
      start: mention.outerStart,
      end: mention.end,
      text: article.slice(mention.outerStart, mention.end),
      tokens: sentence.tokens.filter((t) => t.start >= mention.outerStart && t.end <= mention.end),
      mentions: [mention],
      rewrites: [],
    };
    const article_ = /[’']s\b/.test(role) || /^(the|a|an)\s/i.test(role) ? '' : 'the ';
    facts.push({ origin: 'role', clause, statement: `${person.name} is ${article_}${role}.`, quote: clause.text, topic: 'people', person, role, mention });
  }
  return facts.sort((a, b) => a.clause.start - b.clause.start);
}

/** The National Park Service's short names of its kinds of unit, as a report's heading line writes them. */
const PARK_UNITS: readonly [string, string][] = [
  ['NP&P', 'National Park and Preserve'],
  ['NPres', 'National Preserve'],
  ['NRA', 'National Recreation Area'],
  ['NHP', 'National Historical Park'],
  ['NHS', 'National Historic Site'],
  ['NMP', 'National Military Park'],
  ['NBP', 'National Battlefield Park'],
  ['NM', 'National Monument'],
  ['NS', 'National Seashore'],
  ['NL', 'National Lakeshore'],
  ['NB', 'National Battlefield'],
  ['NP', 'National Park'],
];
const PARK_UNIT_LINE = /^(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|of|the|and)){0,5})\s+(NP&P|NPres|NRA|NHP|NHS|NMP|NBP|NM|NS|NL|NB|NP|National (?:Park and Preserve|Park|Preserve|Recreation Area|Historical Park|Historic Site|Military Park|Monument|Seashore|Lakeshore|Battlefield))$/u;

/**
 * Round 15 (rule unit): a report's heading line that names only the park unit it comes from ("Varno Peaks
 * NP", "Kellin Bay NRA", after the date line of a park service's morning report). It is no sentence, but it
 * says which park filed the report (not always where things happened: "next to the park"), a fact of its
 * own, "The report was filed by ...".
 */
export function unitFacts(sentences: readonly SentenceInfo[], article: string): FactDraft[] {
  const body = sentences.filter((s) => !s.isHeadline && !s.isDateLine).slice(0, 2);
  for (const sentence of body) {
    const text = sentence.text.trim();
    // The line must be the sentence alone: a heading, not the start of a paragraph.
    const lineEnd = article.indexOf('\n', sentence.end);
    const line = article.slice(article.lastIndexOf('\n', sentence.start - 1) + 1, lineEnd < 0 ? article.length : lineEnd).trim();
    const match = PARK_UNIT_LINE.exec(text);
    if (match === null || line !== text) continue;
    const [, place, kind] = match as unknown as [string, string, string];
    const full = `${place} ${PARK_UNITS.find(([short]) => short === kind)?.[1] ?? kind}`;
    const clause: Clause = { sentence, start: sentence.start, end: sentence.end, text, tokens: sentence.tokens, mentions: [], rewrites: [] };
    return [{ origin: 'unit', clause, statement: `The report was filed by ${full === text ? text : `${text} (${full})`}.`, quote: text, topic: 'places', unit: { name: text, full } }];
  }
  return [];
}
