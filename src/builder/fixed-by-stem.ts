// Round 6 rules (from the test graders' classes; written and tested on made-up sentences,
// test/builder/round6-rules.test.ts): a number the rest of the stem fixes by arithmetic (rule arithmetic),
// a count word standing for its noun (rule second-answer), and names of shapes the finder has no list for
// kept whole (rule cut).

import type { Token } from './tokens.js';
import type { Clause, Mention } from './types.js';
import type { Tagger } from './tagger.js';
import { NUMBER_WORDS } from './vocabulary.js';

const UNITS = new Map<string, number>([['one', 1], ...[...NUMBER_WORDS].filter(([, v]) => v < 10)]);
const TENS = new Map([...NUMBER_WORDS].filter(([, v]) => v >= 20 && v <= 90));
const WORD_NUMBER = new RegExp(
  String.raw`(?<![\p{L}-])(${[...NUMBER_WORDS.keys(), 'one'].filter((w) => w !== 'hundred' && w !== 'dozen').join('|')})(?:[- ](${[...UNITS.keys()].join('|')}))?(?![\p{L}])`,
  'giu',
);

/** WORD_NUMBER as the whole of a text. */
const WHOLE_WORD_NUMBER = new RegExp(`^${WORD_NUMBER.source}$`, 'iu');

/** The value a number key names ("200", "1,200", "two", "twenty-one", "twice", "three times"), or null. */
export function valueOf(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (t === 'once') return 1;
  if (t === 'twice') return 2;
  const times = /^(.+?)\s+times$/.exec(t)?.[1];
  if (times !== undefined) return valueOf(times);
  const m = WHOLE_WORD_NUMBER.exec(t);
  if (m === null) return null;
  const head = (m[1] ?? '').toLowerCase();
  const base = head === 'one' ? 1 : (NUMBER_WORDS.get(head) ?? null);
  if (base === null) return null;
  const unit = m[2] === undefined ? 0 : (UNITS.get(m[2].toLowerCase()) ?? 0);
  return unit > 0 && !TENS.has(head) ? null : base + unit;
}

interface Figure {
  value: number;
  start: number;
  end: number;
  /** A four-digit year (1500-2100). */
  year: boolean;
  /** A span of years: "twenty-year", "20 years", "20th anniversary". */
  years: boolean;
}

/** The figures written in `text` (offsets relative to it): digits and number words. */
function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  const spanAfter = (end: number): boolean => /^(?:st|nd|rd|th)?[- ](?:years?\b|anniversary\b)/i.test(text.slice(end, end + 14));
  for (const m of text.matchAll(/(?<![\p{L}\d.,$€£])(\d{1,3}(?:,\d{3})+|\d+)(?![\d]|[.,]\d|%)/gu)) {
    const value = Number((m[1] ?? '').replace(/,/g, ''));
    const end = m.index + m[0].length;
    out.push({ value, start: m.index, end, year: /^\d{4}$/.test(m[1] ?? '') && value >= 1500 && value <= 2100, years: spanAfter(end) });
  }
  for (const m of text.matchAll(WORD_NUMBER)) {
    const value = valueOf(m[0]);
    if (value === null) continue;
    const end = m.index + m[0].length;
    out.push({ value, start: m.index, end, year: false, years: spanAfter(end) });
  }
  return out;
}

/**
 * A number or year the rest of the stem fixes by arithmetic (rule arithmetic): "Over 900 rescued" above
 * "700 were taken to Varno and _____ to Ostra" (200); "the twenty-year anniversary of his _____ win" under
 * a 2014 title (1994); "won 3-2, but the _____ away goals" (two, a side of the score); "turned around _____,
 * toward Varno and then toward Ostra" (twice: the sentence lists the turns). Other figures count only
 * from the sentence and the deck's title, which the learner sees with the blank.
 */
export function fixedByArithmetic(mention: Mention, clause: Clause, article: string, header: string): string | null {
  if (mention.pronoun === true || (mention.entity.type !== 'number' && mention.entity.type !== 'date')) return null;
  const sentenceStart = clause.sentence.start;
  const sentence = article.slice(sentenceStart, clause.sentence.end);
  const keyStart = mention.start - sentenceStart;
  const keyEnd = mention.end - sentenceStart;
  const others = [...figuresIn(sentence).filter((f) => f.end <= keyStart || f.start >= keyEnd), ...figuresIn(header)];
  const after = sentence.slice(keyEnd);
  // Round 30: "managed the team for _____, from 1988 to 1996": a span of years two years of the stem give.
  const span = /^(.+?)\s+years?$/i.exec(mention.text.trim())?.[1] ?? (/^\s+years?\b/i.test(after) ? mention.text : undefined);
  const spanValue = span === undefined || mention.entity.type !== 'number' ? null : valueOf(span);
  if (spanValue !== null) {
    const years = others.filter((f) => f.year);
    for (const a of years) for (const b of years) if (b.value - a.value === spanValue) return `arithmetic: the years ${a.value} and ${b.value} in the stem or title give ${spanValue} years`;
  }
  // Round 30: "scores only goal" over "defeated Kellin _____": the one goal is the score, 1–0.
  if (/^(?:1\s*[–—-]\s*0|0\s*[–—-]\s*1)$/.test(mention.text.trim()) && /\b(?:only|lone|sole|single)\s+goal\b/i.test(`${header} ${sentence}`)) return `arithmetic: "only goal" in the stem or title gives ${mention.text.trim()}`;
  const key = valueOf(mention.text);
  if (key === null) return null;
  const keyIsYear = /^\d{4}$/.test(mention.text.trim()) && key >= 1500 && key <= 2100;
  if (keyIsYear) {
    // A year another year and a span of years fix: "twenty years" after 1994 is 2014.
    for (const year of others.filter((f) => f.year)) {
      for (const span of others.filter((f) => f.years && !f.year)) {
        if (year.value - span.value === key || year.value + span.value === key) return `arithmetic: the year ${year.value} and the span of ${span.value} years in the stem or title give ${key}`;
      }
    }
    return null;
  }
  if (mention.entity.type !== 'number') return null;
  // "won 3-2, but the _____ away goals": a count of goals that a side of the score shows.
  if (/^\s+(?:\p{Ll}+\s+)?(?:goals?|points?|runs?|tries|sets?|games?)\b/u.test(after)) {
    for (const m of `${sentence} ${header}`.matchAll(/(?<![\d.])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d.])/g)) {
      if (Number(m[1]) === key || Number(m[2]) === key) return `arithmetic: the score ${m[0]} in the stem or title shows ${key}`;
    }
  }
  // "turned around _____, toward Varno and then toward Ostra": the sentence lists the times counted.
  if (/^(?:once|twice|.+\s+times)$/i.test(mention.text.trim()) && key >= 2) {
    const word = /^,?\s*(\p{Ll}{2,})\b/u.exec(after)?.[1];
    if (word !== undefined) {
      const count = [...after.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].length;
      if (count === key) return `arithmetic: the sentence lists the ${key} times ("${word} ...") it counts`;
    }
  }
  // Round 30: "booked six players – _____ players of each side": half of a figure, shared between two sides.
  if (/\beach\s+(?:side|team)\b|\bboth\s+(?:sides|teams)\b/i.test(after) && others.some((f) => !f.year && f.value === 2 * key)) {
    return `arithmetic: ${2 * key} in the stem, shared between two sides, gives ${key}`;
  }
  // A sum or a difference of two other figures: "Over 900" and "700" give 200.
  if (key < 2) return null;
  const plain = others.filter((f) => !f.year && !f.years && f.value !== key);
  const telling = /\b(?:more|other|others|rest|remaining|remainder|another|in all|in total|total|left|besides|apart from|of them|of whom|while)\b/i.test(sentence);
  if (key < 10 && !telling) return null;
  for (let i = 0; i < plain.length; i++) {
    for (let j = 0; j < plain.length; j++) {
      const a = plain[i];
      const b = plain[j];
      if (i === j || a === undefined || b === undefined || a.value === b.value) continue;
      if (a.value - b.value === key || (i < j && a.value + b.value === key)) return `arithmetic: ${a.value} and ${b.value} in the stem or title give ${key}`;
    }
  }
  return null;
}

/**
 * "The _____ walked from the house" for "three": a count word standing for its noun ("three men") heads
 * its noun phrase, so a noun ("men", "boys") fills the blank as well as the number (rule second-answer).
 */
export function countWordAsNoun(mention: Mention, clause: Clause, article: string): string | null {
  if (mention.pronoun === true || mention.entity.type !== 'number') return null;
  const text = mention.text.trim();
  if (!/^\p{L}+$/u.test(text) || !NUMBER_WORDS.has(text.toLowerCase())) return null;
  const before = article.slice(Math.max(clause.sentence.start, mention.start - 12), mention.start);
  if (!/(?:^|\b)(?:the|these|those|all)\s+$/i.test(before)) return null;
  const next: Token | undefined = clause.sentence.tokens.find((t) => t.start >= mention.end);
  const heads = next === undefined || !next.isWord || (hasAny(next, 'Verb', 'Adverb', 'Preposition', 'Conjunction', 'Determiner') && !hasAny(next, 'Noun', 'Adjective', 'Plural'));
  return heads ? `second-answer: "${text}" stands for its noun here ("the ${text.toLowerCase()} ..."), so a noun fills the blank as well` : null;
}

function hasAny(token: Token, ...tags: string[]): boolean {
  return tags.some((t) => token.tags.has(t));
}

/** Words that end the name of a law, a treaty or a code. */
const LAW_WORD = String.raw`(?:Act|Law|Bill|Code|Treaty|Convention|Charter|Accord|Amendment|Statute|Ordinance|Directive)`;

/** A capitalised word and the space after it. */
const CAP_RUN = String.raw`(?:\p{Lu}[\p{L}'’-]*\s+)`;
/** After a key: small words and capitalised ones running on to a law's word ("with Disabilities Act"). */
const LAW_AFTER = new RegExp(String.raw`^\s+(?:with|of|for|on|and|to|against)\s+(?:the\s+)?${CAP_RUN}*?\p{Lu}[\p{L}'’-]*\s+${LAW_WORD}\b`, 'u');
/** A text ending in a law's word. */
const ENDS_IN_LAW_WORD = new RegExp(String.raw`\b${LAW_WORD}$`, 'u');
/** Before a key: a capitalised word and a small word ("Americans with "). */
const LAW_BEFORE = new RegExp(String.raw`\p{Lu}[\p{L}'’-]*\s+(?:with|of|for|on|and|to|against)\s+(?:the\s+)?$`, 'u');

/**
 * Names of shapes the finder has no list for, kept whole (rule cut): a law's name ("Americans with
 * Disabilities Act": no part of it is asked), a Latin binomial ("Kellinia varnoi": neither the genus nor the
 * species alone), a first name before a surname with an apostrophe particle ("Prof. _____ d'Ettorre"), a
 * number that starts a name ("21 Varnia", "501st Legion"), a title with a colon and a year ("Harbour:
 * 2099").
 */
export function cutUnlistedName(mention: Mention, article: string, tagger: Tagger): string | null {
  if (mention.pronoun === true) return null;
  const text = article.slice(mention.start, mention.end).trim();
  const after = article.slice(mention.end, mention.end + 80);
  const before = article.slice(Math.max(0, mention.start - 80), mention.start);
  // A law: the key, or the key with the words after it, runs on to "... Act" through small words.
  if (mention.entity.type !== 'number' && mention.entity.type !== 'date') {
    if (LAW_AFTER.test(after) && !ENDS_IN_LAW_WORD.test(text)) {
      return `cut: "${text}" is only the start of the name of a law`;
    }
    if (ENDS_IN_LAW_WORD.test(text) && LAW_BEFORE.test(before)) {
      return `cut: "${text}" is only the end of the name of a law`;
    }
  }
  // A Latin binomial: a capitalised genus and a lower-case species word the lexicon does not know.
  if (/^\p{Lu}\p{Ll}+$/u.test(text)) {
    const species = /^\s+(\p{Ll}{3,})\b/u.exec(after)?.[1];
    if (species !== undefined && /(?:us|um|a|ae|is|ii|i|ensis|ata|ica|ans|ens|oides)$/.test(species) && tagger.lexicon(species).length === 0) return `cut: "${text} ${species}" is one Latin name (genus and species)`;
  }
  const genus = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+|\p{Lu}\.)\s+$/u.exec(before)?.[1];
  if (genus !== undefined && /^\p{Ll}{3,}$/u.test(text) && tagger.lexicon(text).length === 0) return `cut: "${genus} ${text}" is one Latin name (genus and species)`;
  // "Prof. _____ d'Ettorre": a first name before a surname with an apostrophe particle.
  if (mention.entity.type !== 'number' && mention.entity.type !== 'date' && /^\s+(?:d|l|D|L|dell|degli)['’]\p{Lu}/u.test(after)) return `cut: "${text}" is the first name of "${text}${/^\s+\S+/u.exec(after)?.[0] ?? ''}"`;
  // "21 Varnia", "501st Legion": a number that starts a name; neither the number nor the rest alone.
  if (mention.entity.type === 'number' || mention.entity.type === 'date') {
    const ordinal = /^\d+(?:st|nd|rd|th)$/.test(text);
    const name = /^ (\p{Lu}\p{Ll}+)(?: (\p{Lu}\p{Ll}+))?/u.exec(after);
    if (name !== null && /^\d+(?:st|nd|rd|th)?$/.test(text)) {
      const last = name[2] ?? name[1] ?? '';
      const month = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(name[1] ?? '');
      if (!month && (ordinal || (!/s$/.test(last) && !/^\d{4}$/.test(text)))) return `cut: "${text}" starts the name "${text} ${name[0].trim()}"`;
    }
  } else if (/^\p{Lu}/u.test(text) && mention.entity.type !== 'person') {
    const number = /(?:^|[^\p{L}\d,.])(\d+(?:st|nd|rd|th)?) $/u.exec(before)?.[1];
    if (number !== undefined && (/\D$/.test(number) || (!/s$/.test(text) && !/^\d{4}$/.test(number)))) {
      const atSentenceStart = /(?:^|[.!?]\s+)\d+(?:st|nd|rd|th)? $/.test(before);
      if (!atSentenceStart || /\D$/.test(number)) return `cut: "${text}" is the rest of the name "${number} ${text}"`;
    }
  }
  // "Harbour: 2099": a title with a colon and a year, beside a word for a work.
  const work = /\b(?:series|show|programme|program|film|movie|episode|sitcom|drama|novel|book|game|album)\b/i;
  const around = `${before} ${after}`;
  if (work.test(around)) {
    if (/^:\s+\d{4}\b/.test(after) && /^\p{Lu}/u.test(text)) return `cut: "${text}" is only the start of the title "${text}${/^:\s+\d{4}/.exec(after)?.[0] ?? ''}"`;
    if (/^\d{4}$/.test(text) && /\p{Lu}[\p{L}'’-]*:\s+$/u.test(before)) return `cut: "${text}" is only the end of a title with a colon`;
  }
  return null;
}
