// Keys that are no names: the short noun phrase a sentence turns on. "The cause of the fire was
// faulty wiring", "This year's motto was clean rivers", "was awarded a bronze plaque", "died of kidney
// failure". Only a few frames, where the phrase is plainly what the sentence says: a complement of "was"
// at the end of the sentence, the thing won or awarded, a cause of death or illness, what someone was
// charged with or convicted of.

import { hasTag, type Token } from './tokens.js';

export interface PhraseSpan {
  /** Indices of the first and last token of the phrase. */
  from: number;
  to: number;
  /** Which frame found it: wrong choices come only from phrases of the same frame. */
  frame: 'complement' | 'award' | 'cause' | 'charge';
}

const COPULAS = new Set(['was', 'is', 'were', 'are']);
const AWARD_VERBS = new Set(['awarded', 'won', 'received', 'earned', 'given', 'granted', 'claimed', 'wins', 'receives']);
const CAUSE_LEADS: readonly [string, string][] = [
  ['died', 'of'],
  ['died', 'from'],
  ['dies', 'of'],
  ['surgery', 'for'],
  ['diagnosed', 'with'],
  ['treated', 'for'],
  ['suffering', 'from'],
  ['suffered', 'from'],
];
/**
 * Round 38: what a court or the police say someone did: "charged with reckless driving", "convicted of
 * arson", "pleaded guilty to fraud". The first charge of a list ("with trespass and theft") is one.
 */
const CHARGE_LEADS: readonly [string, string][] = [
  ['charged', 'with'],
  ['convicted', 'of'],
  ['accused', 'of'],
  ['guilty', 'of'],
  ['guilty', 'to'],
  ['arrested', 'for'],
  ['indicted', 'on'],
  ['indicted', 'for'],
  ['cited', 'for'],
  ['jailed', 'for'],
];
const DETERMINERS = new Set(['a', 'an', 'the']);
/** What is won or awarded: the last word of an award phrase. */
const AWARD_NOUNS = new Set(
  'medal medals prize prizes award awards trophy trophies title titles cup cups championship championships honour honours honor honors degree degrees doctorate scholarship scholarships fellowship fellowships grant grants gold silver bronze belt crown pennant jersey knighthood'.split(' '),
);

function isPhraseWord(token: Token): boolean {
  if (!token.isWord || token.isCap || token.isNumber) return false;
  if (hasTag(token, 'Verb', 'Adverb', 'Pronoun', 'Preposition', 'Conjunction', 'Determiner', 'Modal', 'Copula', 'QuestionWord')) return hasTag(token, 'Noun', 'Adjective') && !hasTag(token, 'Adverb', 'Pronoun', 'Preposition', 'Conjunction', 'Determiner', 'Copula');
  return hasTag(token, 'Noun', 'Adjective', 'Singular', 'Plural', 'Uncountable') || token.tags.size === 0;
}

/**
 * The phrase of one to three words starting at `at` (after an article) and ending in a noun, or null. It must
 * end its clause (`mustEnd`), or be followed by a preposition other than "of" ("a bronze plaque for ...").
 */
function nounPhrase(tokens: readonly Token[], at: number, mustEnd: boolean, beforeAnd = false): [number, number] | null {
  let from = at;
  if (DETERMINERS.has(tokens[from]?.lower ?? '')) from++;
  let to = from - 1;
  while (to + 1 < tokens.length && to + 1 - from < 3 && isPhraseWord(tokens[to + 1] as Token)) to++;
  if (to < from) return null;
  const last = tokens[to] as Token;
  // "won bronze": a medal's metal names the medal (round 6).
  if (!hasTag(last, 'Noun', 'Singular', 'Plural', 'Uncountable') && last.tags.size > 0 && !(from === to && /^(?:gold|silver|bronze)$/.test(last.lower))) return null;
  const after = tokens[to + 1];
  if (after === undefined || /^[.,;!?”")]$/.test(after.text) || (beforeAnd && after.lower === 'and')) return [from, to];
  if (mustEnd || after.lower === 'of' || !hasTag(after, 'Preposition')) return null;
  return [from, to];
}

/** The phrase keys of a sentence's tokens, none overlapping `taken` (a token already in a key). */
export function findPhrases(tokens: readonly Token[], taken: (token: Token) => boolean): PhraseSpan[] {
  const out: PhraseSpan[] = [];
  const push = (span: [number, number] | null, frame: PhraseSpan['frame']): void => {
    if (span === null) return;
    for (let i = span[0]; i <= span[1]; i++) if (taken(tokens[i] as Token)) return;
    out.push({ from: span[0], to: span[1], frame });
  };
  tokens.forEach((token, i) => {
    const lower = token.lower;
    if (COPULAS.has(lower) && i >= 2) {
      const subject = tokens[i - 1] as Token;
      if (!hasTag(subject, 'Pronoun') && subject.isWord && !['it', 'this', 'that', 'there', 'which', 'who'].includes(subject.lower)) {
        const next = tokens[i + 1];
        const span = next !== undefined && !['not', 'also', 'still'].includes(next.lower) ? nounPhrase(tokens, i + 1, true) : null;
        // One word after "was" is rarely the point ("was a success"); two or three are ("was faulty wiring").
        if (span !== null && span[1] > span[0]) push(span, 'complement');
      }
    }
    if (AWARD_VERBS.has(lower)) {
      const span = nounPhrase(tokens, i + 1, false);
      // Round 15: "received a request for help", "received a call": a message received is no award, and
      // "call", "report" would fill the blank as well. Round 38: only a thing that is won or awarded ("a
      // silver medal", "the title"): "won a surprise victory", "received the materials", "received decorations
      // for valour", "claimed responsibility" have no one right word (the development part's outside graders).
      if (span !== null && AWARD_NOUNS.has((tokens[span[1]] as Token).lower)) push(span, 'award');
    }
    for (const [lead, preposition] of CAUSE_LEADS) {
      if (lower !== lead) continue;
      // "surgery last Monday for intestinal bleeding": a key of its own (a date) may stand between (round 6).
      let at = i + 1;
      while (at < i + 4 && tokens[at] !== undefined && tokens[at]?.lower !== preposition && (tokens[at] as Token).isWord && (taken(tokens[at] as Token) || hasTag(tokens[at] as Token, 'Date') || /^(?:last|next|this|on)$/.test(tokens[at]?.lower ?? ''))) at++;
      if (tokens[at]?.lower !== preposition) continue;
      const span = nounPhrase(tokens, at + 1, false);
      // "for intestinal bleeding": an adjective and an "-ing" word name an illness as a noun phrase does.
      const [adjective, gerund, after] = [tokens[at + 1], tokens[at + 2], tokens[at + 3]];
      const illness = adjective !== undefined && gerund !== undefined && !adjective.isCap && hasTag(adjective, 'Adjective') && hasTag(gerund, 'Gerund') && (after === undefined || !hasTag(after, 'Noun'));
      push(span ?? (illness ? [at + 1, at + 2] : null), 'cause');
    }
    for (const [lead, preposition] of CHARGE_LEADS) {
      if (lower !== lead || tokens[i + 1]?.lower !== preposition) continue;
      // Two words at least ("disorderly conduct"): one ("charged with murder") is a common word the frame
      // gives away as often as not.
      const span = nounPhrase(tokens, i + 2, false, true);
      if (span !== null && span[1] > span[0]) push(span, 'charge');
    }
  });
  return out;
}
