// Checks on a key and the stem around it (round 7's rules, from round 6's outside graders; written and
// tested on made-up sentences, test/builder/round7-rules.test.ts): a count the stem gives away (rule
// given-count), a value beside its own conversion (rule conversion), a name with a bare "s" (rule
// plural-name), relative time words (rule relative-time) and the only option sharing a name with the
// title or the stem (rule pointer).

import { valueOf } from './fixed-by-stem.js';
import { hasTag } from './tokens.js';
import { editDistance, foldName } from './text.js';
import { isGenericNameWord, ORDINAL_WORDS } from './vocabulary.js';
import type { Clause, Mention } from './types.js';

const RELATIVE_TIME = /^(?:yesterday|today|tonight|tomorrow|now|recently|currently|(?:last|next|this|earlier this|later this)\s+(?:week|weekend|month|year|season|night|morning|afternoon|evening|time))$/i;

/** "yesterday", "last week": a time word that means nothing without the day the article was written. */
export function relativeTime(mention: Mention): string | null {
  return mention.pronoun !== true && RELATIVE_TIME.test(mention.text.trim()) ? `relative-time: "${mention.text.trim()}" means nothing without the day the article was written` : null;
}

/** Words that give a count: "both" and "pair" say two, "trio" three. */
const COUNT_WORDS: readonly [RegExp, number][] = [
  [/\b(?:both|the pair|a pair|the duo|twins?|the couple)\b/i, 2],
  [/\b(?:the trio|a trio)\b/i, 3],
  [/\b(?:the quartet|a quartet)\b/i, 4],
];

/** Count words as a headline writes them, without an article. */
const TITLE_COUNT_WORDS: readonly [RegExp, number][] = [
  [/\b(?:both|pair|duo|twins?|couple)\b/i, 2],
  [/\b(?:trio|triplets)\b/i, 3],
  [/\b(?:quartet|quadruplets)\b/i, 4],
];

/**
 * The ordinal in `text` ("seventh", "7th") that says `key`, or null; with `noun`, only one right before that
 * noun ("sixteenth goal" for "sixteen goals"; an empty `noun`, one with no noun after it). A place in a run
 * of days or rounds ("enters third day") counts no wins, and is no such ordinal.
 */
function ordinalSaying(text: string, key: number, noun?: string): string | null {
  for (const m of text.matchAll(/(?<![\p{L}\d])(\d+)(?:st|nd|rd|th)\b|\b(\p{Ll}+)\b/giu)) {
    const value = m[1] !== undefined ? Number(m[1]) : ordinalValue((m[2] ?? '').toLowerCase());
    if (value !== key) continue;
    const next = text.slice((m.index ?? 0) + m[0].length);
    const unit = /^\s+(?:(?:straight|consecutive|successive)\s+)?(?:day|night|week|weekend|month|round|stage|leg|session|quarter|edition)s?\b/i.test(next);
    const following = /^\s+(\p{L}+)/u.exec(next)?.[1];
    const same = noun === '' ? ELLIPSIS.test(next) : following !== undefined && noun !== undefined && singular(following) === singular(noun);
    if (!unit && (noun === undefined || same)) return m[0];
  }
  return null;
}

/** A noun without its plural ending, in lower case ("satellites" -> "satellit", matched with an optional "es"). */
const singular = (word: string): string => word.toLowerCase().replace(/e?s$/, '');

/** One name as a headline writes it: capitalised words or figures ("Kellin-1", "Varno Star 6"). */
const TITLE_NAME = String.raw`[\p{Lu}\d][\p{L}\d'’.-]*(?:\s+[\p{Lu}\d][\p{L}\d'’.-]*)*`;

/** What follows a number or an ordinal standing without its noun: a preposition or a mark. */
const ELLIPSIS = /^(?:\s+(?:in|of|for|at|on|during|this|that|with|since)\b|\s*[,.;:!?])/u;

/** The number an ordinal word says ("seventh" 7, "sixteenth" 16, "twentieth" 20), or null. */
function ordinalValue(word: string): number | null {
  const known = ORDINAL_WORDS.get(word);
  if (known !== undefined) return known;
  if (word.endsWith('ieth')) return valueOf(`${word.slice(0, -4)}y`);
  return word.endsWith('teenth') ? valueOf(word.slice(0, -2)) : null;
}

/** The items of a list written "A, B and C" (or "A, B, and C"). */
function listItems(list: string): string[] {
  return list.split(/,\s*(?:and\s+)?|\s+and\s+/);
}

/**
 * A count the stem gives away (rule given-count): "down by _____ goals, both struck by" (two), "found the
 * _____ climbers, and the pair" (two), "win all _____ trophies – A, B and C" (three: the list after the
 * blank counts them).
 */
export function givenCount(mention: Mention, clause: Clause, article: string, header = ''): string | null {
  if (mention.pronoun === true || mention.entity.type !== 'number') return null;
  const key = valueOf(mention.text);
  if (key === null || key < 2) return null;
  const rest = `${article.slice(clause.sentence.start, mention.start)} ${article.slice(mention.end, clause.sentence.end)}`;
  for (const [word, value] of COUNT_WORDS) {
    const m = word.exec(rest);
    if (m !== null && value === key) return `given-count: "${m[0]}" in the stem says ${key}`;
  }
  // Round 17: "cleared _____ men" under the title "Judge clears pair of ...": a headline drops its
  // articles, so its bare "pair", "duo", "trio" count the key too, above every question.
  for (const [word, value] of TITLE_COUNT_WORDS) {
    const m = word.exec(header);
    if (m !== null && value === key) return `given-count: "${m[0]}" in the deck's title says ${key}`;
  }
  const after = article.slice(mention.end, clause.sentence.end);
  // Round 19: "win _____ titles" under "Kellin wins seventh title": the title's ordinal ("seventh", "7th")
  // says the count. Round 20: so does one in the stem before the key's own noun ("his sixteenth goal, the
  // first to net _____ goals"; a "third" quarter says nothing of "three" throws), or with no noun after
  // either ("his sixteenth in the tournament, the first to net _____ in one tournament").
  const titleOrdinal = ordinalSaying(header, key);
  if (titleOrdinal !== null) return `given-count: "${titleOrdinal}" in the deck's title says ${key}`;
  const noun = /^\s+(\p{Ll}{3,})/u.exec(after)?.[1];
  const keyNoun = ELLIPSIS.test(after) ? '' : noun;
  const stemOrdinal = keyNoun === undefined ? null : ordinalSaying(rest, key, keyNoun);
  if (stemOrdinal !== null) return `given-count: "${stemOrdinal}" in the stem says ${key}`;
  // Round 19: "launched _____ satellites" under "... launches Kellin-1 and Varno-6 satellites": the names
  // the title lists before the same noun count the key.
  // (Only where the title has "and" and the noun: the pattern, new for each noun, is costly to compile.)
  if (noun !== undefined && /\sand\s/.test(header) && header.includes(singular(noun))) {
    const listed = new RegExp(`(?<![\\p{L}\\d'’.-])(${TITLE_NAME}(?:,\\s+${TITLE_NAME})*,?\\s+and\\s+${TITLE_NAME})\\s+${singular(noun)}(?:e?s)?\\b`, 'u').exec(header)?.[1];
    if (listed !== undefined && listItems(listed).length === key) return `given-count: the deck's title lists ${key} ${noun} by name`;
  }
  // A list right after the blank's noun phrase, after a dash or a colon: its items count the key.
  const list = /^[^–—:;(]{0,60}?(?:\s[–—-]\s|:\s)(.+?)[.!?]?$/u.exec(after)?.[1];
  if (list !== undefined && /\band\b/.test(list)) {
    const all = listItems(list);
    const items = all.filter((item) => /^(?:the\s+)?\p{Lu}/u.test(item.trim()));
    if (items.length === key && items.length === all.length) return `given-count: the list after the blank names ${key} items`;
  }
  // Round 17: "compete in _____ events, the 5,000 metres and the marathon.": a list after a comma that
  // ends the sentence, opening with "the", names the key's items one by one.
  // (A number's thousands separator is no comma of the list.)
  const unseparated = after.replace(/(\d),(\d{3})\b/g, '$1$2');
  const appositive = /^\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?,\s+(the\s+[^,;:()]+?(?:,\s+[^,;:()]+?)*(?:,)?\s+and\s+[^,;:()]+?)[.!?]?$/u.exec(unseparated)?.[1];
  if (appositive !== undefined && listItems(appositive).filter((item) => item.trim() !== '').length === key) return `given-count: the list after the blank names ${key} items`;
  // Round 15: "_____ veteran politicians Ana Ruiz of the Harbour Party and Tomas Berg of Kellin were
  // defeated": the people named right after the count, one by one, count it.
  const people = clause.mentions.filter((m) => m.entity.type === 'person' && m.pronoun !== true && m.outerStart >= mention.end).sort((a, b) => a.start - b.start);
  const firstPerson = people[0];
  if (firstPerson !== undefined && firstPerson.outerStart - mention.end <= 60 && !/[,;:.]|\b(?:and|were|was|are|is|had|have|has)\b/.test(article.slice(mention.end, firstPerson.outerStart))) {
    let run = 1;
    for (let i = 1; i < people.length; i++) {
      const gap = article.slice((people[i - 1] as Mention).end, (people[i] as Mention).outerStart);
      if (gap.length > 60 || !/(?:,|\band\b)/.test(gap) || /\b(?:were|was|are|is|had|have|has|who|which|said|says)\b/.test(gap)) break;
      run++;
    }
    if (run === key) return `given-count: the ${key} people named right after the blank count it`;
  }
  // Round 18: "_____ of the dead are players, Ana Ruiz and Tomas Berg, who ...", "showed two women,
  // reportedly Ana and Eva, walking ...": people listed after a comma later in the sentence count the key.
  const named = clause.mentions
    .filter((m) => m.pronoun !== true && m.start >= mention.end && (m.entity.type === 'person' || (!m.entity.sure && /\p{Lu}\S*\s+\p{Lu}/u.test(m.text))))
    .sort((a, b) => a.start - b.start);
  for (let i = 0; i < named.length; i++) {
    const first = named[i] as Mention;
    const lead = article.slice(mention.end, first.outerStart);
    if (lead.length > 100 || !/,\s+(?:\p{Ll}+\s+)?$/u.test(lead)) continue;
    let run = 1;
    while (i + run < named.length && /^(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(article.slice((named[i + run - 1] as Mention).end, (named[i + run] as Mention).outerStart))) run++;
    const closes = /^\s*(?:[,.;:!?)]|$)/.test(article.slice((named[i + run - 1] as Mention).end, clause.sentence.end));
    if (run >= 2 && run === key && closes) return `given-count: the ${key} people listed after a comma count the key`;
  }
  return null;
}

/** Units of a dimension, in a base unit each. */
const UNITS: readonly { pattern: RegExp; dimension: string; factor: number }[] = [
  { pattern: /^(?:metres?|meters?|m)$/i, dimension: 'length', factor: 1 },
  { pattern: /^(?:kilometres?|kilometers?|km)$/i, dimension: 'length', factor: 1000 },
  { pattern: /^(?:centimetres?|centimeters?|cm)$/i, dimension: 'length', factor: 0.01 },
  { pattern: /^(?:millimetres?|millimeters?|mm)$/i, dimension: 'length', factor: 0.001 },
  { pattern: /^(?:feet|foot|ft)$/i, dimension: 'length', factor: 0.3048 },
  { pattern: /^(?:inch|inches|in)$/i, dimension: 'length', factor: 0.0254 },
  { pattern: /^(?:yards?|yd)$/i, dimension: 'length', factor: 0.9144 },
  { pattern: /^(?:miles?|mi)$/i, dimension: 'length', factor: 1609.34 },
  { pattern: /^(?:nautical miles?)$/i, dimension: 'length', factor: 1852 },
  { pattern: /^(?:kilograms?|kilos?|kg)$/i, dimension: 'mass', factor: 1 },
  { pattern: /^(?:grams?|g)$/i, dimension: 'mass', factor: 0.001 },
  { pattern: /^(?:tonnes?|metric tons?)$/i, dimension: 'mass', factor: 1000 },
  { pattern: /^(?:tons?)$/i, dimension: 'mass', factor: 950 },
  { pattern: /^(?:pounds?|lbs?)$/i, dimension: 'mass', factor: 0.4536 },
  { pattern: /^(?:ounces?|oz)$/i, dimension: 'mass', factor: 0.02835 },
  { pattern: /^(?:litres?|liters?|l)$/i, dimension: 'volume', factor: 1 },
  { pattern: /^(?:gallons?)$/i, dimension: 'volume', factor: 4.2 },
  { pattern: /^(?:hectares?|ha)$/i, dimension: 'area', factor: 10000 },
  { pattern: /^(?:acres?)$/i, dimension: 'area', factor: 4047 },
  { pattern: /^(?:km\/h|kph|kilometres per hour|kilometers per hour)$/i, dimension: 'speed', factor: 1 },
  { pattern: /^(?:mph|miles per hour)$/i, dimension: 'speed', factor: 1.609 },
  { pattern: /^(?:knots?)$/i, dimension: 'speed', factor: 1.852 },
  { pattern: /^(?:°\s?C|degrees Celsius|Celsius|C)$/i, dimension: 'temperature-c', factor: 1 },
  { pattern: /^(?:°\s?F|degrees Fahrenheit|Fahrenheit|F)$/i, dimension: 'temperature-f', factor: 1 },
];
const UNIT_WORDS = String.raw`(?:kilometres per hour|kilometers per hour|miles per hour|nautical miles?|metric tons?|degrees (?:Celsius|Fahrenheit)|°\s?[CF]|km\/h|kph|mph|[\p{L}]+)`;
const MEASURE = new RegExp(String.raw`(?<![\p{L}\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}]+(?:-[\p{L}]+)?)[\s-]?(${UNIT_WORDS})(?![\p{L}])`, 'giu');

interface Measure { start: number; end: number; dimension: string; base: number }

function measuresIn(text: string, offset: number): Measure[] {
  const out: Measure[] = [];
  for (const m of text.matchAll(MEASURE)) {
    const raw = (m[1] ?? '').replace(/,/g, '');
    const value = /^\d/.test(raw) ? Number(raw) : valueOf(raw);
    const unit = UNITS.find((u) => u.pattern.test(m[2] ?? ''));
    if (value === null || Number.isNaN(value) || unit === undefined) continue;
    const dimension = unit.dimension.startsWith('temperature') ? 'temperature' : unit.dimension;
    const base = unit.dimension === 'temperature-f' ? (value - 32) / 1.8 : value * unit.factor;
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, dimension, base });
  }
  return out;
}

/**
 * A value beside its own conversion in another unit (rule conversion): "six feet, or about _____" for
 * "1.8 metres", or the reverse. Either side shows the other, so neither is asked.
 */
export function convertedMeasure(mention: Mention, clause: Clause, article: string): string | null {
  if (mention.pronoun === true || mention.entity.type !== 'number') return null;
  const from = clause.sentence.start;
  const measures = measuresIn(article.slice(from, clause.sentence.end), from);
  const key = measures.find((m) => m.start <= mention.start + 1 && m.end >= mention.end - 1 && m.start < mention.end);
  if (key === undefined) return null;
  for (const other of measures) {
    if (other === key || other.dimension !== key.dimension || Math.abs(other.start - key.start) > 80) continue;
    const near = key.dimension === 'temperature' ? Math.abs(other.base - key.base) <= 1.5 : key.base > 0 && Math.abs(other.base - key.base) / key.base <= 0.12;
    const unitOf = (m: Measure): string => article.slice(m.start, m.end).replace(/^[\d.,\s]+|^[\p{L}-]+\s/u, '');
    if (near && unitOf(other).toLowerCase() !== unitOf(key).toLowerCase()) return `conversion: "${article.slice(other.start, other.end)}" in the stem is the same measure as "${article.slice(key.start, key.end)}" in another unit`;
  }
  return null;
}

/**
 * "Kestrelvilles" where the article writes "Kestrelville" (rule plural-name): a name with a bare "s" (a
 * possessive without its apostrophe, or a plural) is no form of the name to learn.
 */
export function pluralName(mention: Mention, article: string): string | null {
  if (mention.pronoun === true || ['number', 'date', 'time'].includes(mention.entity.type)) return null;
  const text = mention.text.trim();
  const m = /^(\p{Lu}\p{Ll}{2,})s$/u.exec(text);
  if (m === null || text.endsWith('ss')) return null;
  const name = m[1] ?? '';
  // The article writes the name with an apostrophe ("Marlowe's"), or alone before a punctuation mark
  // ("beat Marlowe."): not as a word before another ("Paralympic medalist" says nothing of "Paralympics").
  const possessive = new RegExp(String.raw`(?<![\p{L}])${name}['’]s(?![\p{L}])`, 'u').test(article);
  const alone = new RegExp(String.raw`(?<![\p{L}])${name}(?=[,.;:!?)]|\s+(?:and|or)\s)`, 'u').test(article);
  if (!possessive && (!alone || mention.entity.type === 'person')) return null;
  return `plural-name: "${text}" is "${name}" with a bare "s"; the article writes the name without it`;
}

/** Capitalised words (3 letters or more, no generic name words) of a text. */
function nameWords(text: string): Set<string> {
  return new Set((text.match(/\p{Lu}[\p{L}'’-]{2,}/gu) ?? []).map((w) => w.replace(/['’]s$/, '')).filter((w) => !isGenericNameWord(w)));
}

/**
 * The only option sharing a name word with the title or the stem points to the key (rule pointer): "the
 * Varno Kestrel Trust" among three bodies of other cities, under a title about Varno. Null when another
 * option shares it too, or the key shares none.
 */
export function pointingOption(answer: string, wrong: readonly string[], prompt: string, header: string): string | null {
  const seen = new Set([...nameWords(prompt.replace(/_{3,}/g, ' ')), ...nameWords(header)]);
  const shared = [...nameWords(answer)].filter((w) => seen.has(w));
  if (shared.length === 0) return null;
  if (wrong.some((option) => [...nameWords(option)].some((w) => seen.has(w)))) return null;
  return `pointer: "${answer}" is the only option that shares "${shared.join(' ')}" with the title or the stem; a typed question asks it instead`;
}

/**
 * "Kellin Presidential spokesperson", "Her Presidential campaign": a capitalised run that ends in an
 * adjective, every word before it a possessive or a nationality, and a lower-case noun right after it,
 * describes that noun and names nothing (rule modifier). A word the lexicon does not know makes it a name
 * ("Kestrel Global competition"); a nationality alone is left to rule nationality-key.
 */
export function adjectiveKey(mention: Mention, clause: Clause, lexicon: (word: string) => readonly string[]): string | null {
  if (mention.pronoun === true || ['person', 'number', 'date', 'time'].includes(mention.entity.type)) return null;
  const words = clause.tokens.filter((t) => t.isWord);
  const inKey = words.filter((t) => t.start >= mention.start && t.end <= mention.end);
  const last = inKey[inKey.length - 1];
  const next = words[words.findIndex((t) => t === last) + 1];
  if (last === undefined || next === undefined || inKey.length < 2 || !hasTag(last, 'Adjective') || hasTag(last, 'Noun', 'ProperNoun', 'Place', 'Organization', 'Person', 'Demonym')) return null;
  if (!inKey.slice(0, -1).every((t) => lexicon(t.lower).some((tag) => tag === 'Demonym' || tag === 'Possessive'))) return null;
  if (next.isCap || next.isNumber || !hasTag(next, 'Noun') || hasTag(next, 'Verb')) return null;
  return `modifier: "${mention.text}" describes the "${next.text}" after it and names nothing`;
}

/** How often each capitalised word is written in an article (the last article asked about, cached). */
let spellingsOf: { article: string; counts: Map<string, number> } | null = null;
function capitalisedCounts(article: string): Map<string, number> {
  if (spellingsOf?.article !== article) {
    const counts = new Map<string, number>();
    for (const m of article.matchAll(/\p{Lu}[\p{L}]+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    spellingsOf = { article, counts };
  }
  return spellingsOf.counts;
}

/**
 * Whether two words of six letters or more are one slip apart: a letter changed, added or dropped, or two
 * neighbours swapped; long words (eight letters or more) ending in the same letter may be two slips apart.
 */
function slipApart(a: string, b: string): boolean {
  const x = foldName(a);
  const y = foldName(b);
  if (x === y || Math.min(x.length, y.length) < 6) return false;
  const swapped = x.length === y.length && [...x].some((_, i) => i + 1 < x.length && x.slice(0, i) + (x[i + 1] ?? '') + (x[i] ?? '') + x.slice(i + 2) === y);
  const distance = editDistance(x, y);
  return swapped || distance === 1 || (distance === 2 && Math.min(x.length, y.length) >= 8 && x.at(-1) === y.at(-1));
}

/**
 * Round 18: "Varnoski's release", "Kellin Marerro World" where the article writes the name otherwise as
 * often or more: the key copies a slip of the article's, and a learner who spells it right is marked wrong
 * (rule misspelt). A word the tagger knows as it is written ("Sweden" beside "Swedes") is no slip.
 */
export function misspeltKey(mention: Mention, article: string, known: (word: string) => boolean): string | null {
  if (mention.pronoun === true || ['number', 'date', 'time'].includes(mention.entity.type)) return null;
  const counts = capitalisedCounts(article);
  const words = mention.text.match(/\p{Lu}[\p{L}]+/gu) ?? [];
  for (const word of words) {
    if (known(word)) continue;
    const own = counts.get(word) ?? 0;
    for (const [other, count] of counts) {
      if (count < own || other.charAt(0) !== word.charAt(0) || !slipApart(word, other)) continue;
      // "Varnoli" and "Varnolia", "Kellinome" and "Kellinoma": forms that differ only at the end are often
      // both right. A key one letter longer than a form the tagger knows ("Stockholms" for "Stockholm") is a
      // slip, as is one whose added letter makes no plural or people's name while the other form is written
      // more often ("Varnovskie" for "Varnovski").
      const stem = (w: string): string => foldName(w).slice(0, Math.min(word.length, other.length) - 1);
      const longer = word.length === other.length + 1 && foldName(word).startsWith(foldName(other));
      if (stem(word) === stem(other) && !(longer && (known(other) || (!/[san]$/i.test(word) && count > own)))) continue;
      // In a name of several words, the other spelling must stand beside one of its other words ("Beto
      // Marrero" for "Beto Marerro World"); "Al Varnoliya" is no spelling of "North Varnolia".
      const neighbours = words.filter((w) => w !== word);
      if (neighbours.length > 0 && !neighbours.some((n) => new RegExp(`(?:^|[^\\p{L}])(?:${n}\\s+${other}|${other}\\s+${n})(?![\\p{L}])`, 'u').test(article))) continue;
      return `misspelt: the article writes "${word}" here and "${other}" elsewhere; the key copies one spelling`;
    }
  }
  return null;
}

/** Words of a match report: an article with several of them reports on teams. */
const MATCH_WORDS = /\b(?:FC|club|match|goal|goals|league|cup|final|season|striker|midfielder|defender|goalkeeper|half-time|kick-off|scored|score|coach|manager)\b/gi;

/**
 * Round 27: "a 1–0 lead for the _____" asked as "Blues", "the _____ had six shots" as "Varnoners": in a match
 * report, a team written by its nickname (one capitalised word in the plural, an English word's or a town's
 * people's, after "the"). The team's own name fits the blank as well and is refused, and no learner can know
 * which of its names the blank wants.
 */
export function teamNickname(mention: Mention, article: string, englishWord: (word: string) => boolean): string | null {
  if (mention.pronoun === true || ['person', 'place', 'number', 'date', 'time'].includes(mention.entity.type)) return null;
  const text = mention.text.trim().replace(/^the\s+/i, '');
  if (!/^\p{Lu}\p{Ll}{2,}s$/u.test(text) || text.endsWith('ss')) return null;
  const lower = text.toLowerCase();
  if (!englishWord(lower) && !/(?:ers|ians|eans|ites)$/.test(lower)) return null;
  const before = article.slice(Math.max(0, mention.start - 30), mention.start);
  if (!/\bthe\s+$/i.test(before) && !/^the\s/i.test(mention.text)) return null;
  // "known as the _____", "nicknamed the _____": the nickname is the fact asked.
  if (/\b(?:known|nicknamed|called|dubbed|named)\s+(?:as\s+)?the\s+$/i.test(before)) return null;
  if ((article.match(MATCH_WORDS) ?? []).length < 3) return null;
  return `nickname: "${text}" is a team's nickname in a match report; its own name fits the blank as well`;
}
