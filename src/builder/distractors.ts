// Wrong choices that could be right: the same fine type as the answer (other people for a person, other
// cities for a city, other counts of the same thing for a count) and from the article's own world. Names
// come only from the article (a stock name from outside it is a giveaway); dates, times and numbers may
// also be made up in the answer's own style ("May 3 to 8" -> "May 10 to 15"). No option may hold or be
// held by another, and none may stand out from the rest by its form or length.

import type { Random } from '../domain/random.js';
import { sameDay, shiftYears, temporalVariants, type DateShape } from './dates.js';
import { numberVariants, type NumberShape } from './numbers.js';
import { distinctiveWords, editDistance, foldName, wordFinder } from './text.js';
import { isGenericNameWord, LEGAL_FORMS } from './vocabulary.js';
import type { Entity, KeyType, Mention } from './types.js';

export interface DistractorSource {
  /** The article's entities by type, in order of first appearance. */
  byType: ReadonlyMap<KeyType, readonly Entity[]>;
  /** Every form of every entity in the article, folded. */
  allForms: ReadonlySet<string>;
  /** The word a number counts ("people" for "300 people"), by the number's entity. */
  units: ReadonlyMap<Entity, string>;
  random: Random;
  /** The latest year the article names (its text or dateline), or null: no wrong year may come after it. */
  latestYear?: number | null;
  /** The article's text (mentions' offsets point into it). */
  article?: string;
}

/** The years (1600 to 2099) a text names as four figures. */
function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<![\d,.])(1[6-9]\d\d|20\d\d)(?![\d,]|\.\d)/g)].map((m) => Number(m[1]));
}

export function createDistractorSource(entities: readonly Entity[], random: Random, units: ReadonlyMap<Entity, string> = new Map(), article = ''): DistractorSource {
  const byType = new Map<KeyType, Entity[]>();
  const allForms = new Set<string>();
  for (const entity of entities) {
    const list = byType.get(entity.type) ?? [];
    list.push(entity);
    byType.set(entity.type, list);
    for (const form of entity.forms) allForms.add(foldName(form));
  }
  const years = yearsIn(article);
  return { byType, allForms, units, random, latestYear: years.length === 0 ? null : Math.max(...years), article };
}

function numericValue(text: string): number | null {
  const match = /\d[\d,]*(?:\.\d+)?/.exec(text);
  if (match === null) return null;
  const scale = /billion/.test(text) ? 1e9 : /million/.test(text) ? 1e6 : /thousand/.test(text) ? 1e3 : 1;
  return Number(match[0].replace(/,/g, '')) * scale;
}

const LEGAL_FORM_FIRST = new RegExp(`^(?:${LEGAL_FORMS})(?![\\p{L}])`, 'u');

/**
 * Whether "an" goes before a text, as it is read aloud: a vowel letter ("an Osterby", not "a European", "a
 * one-day", "a university"), a number read "eight", "eleven" or "eighteen" ("an 8.6", "an 11,000", "an
 * 18-hole"), or an acronym spelt out from a letter read with a vowel ("an FBI", not "a NATO").
 */
export function takesAn(text: string): boolean {
  const t = text.trim().replace(/^[“"‘'(]+/, '');
  const digits = /^\d[\d,]*/.exec(t)?.[0];
  if (digits !== undefined) {
    const group = digits.split(',')[0] ?? '';
    return group.startsWith('8') || group === '11' || group === '18';
  }
  if (/^[A-Z]{2,}\b/.test(t)) return /^[AEFHILMNORSX]/.test(t) && !/^(?:NATO|NASA|NASCAR|UNESCO|UNICEF|OPEC|AIDS|ASEAN|FIFA|FEMA|NAFTA|OFSTED|NICE|SARS|MERS)\b/.test(t);
  if (/^(?:uni|use|usu|uti|eu|ewe|one\b|once\b)/i.test(t)) return false;
  if (/^(?:hour|honou?r|honest|heir)/i.test(t)) return true;
  return /^[aeiou]/i.test(t);
}

/**
 * Round 17: "those killed included _____, 20" where the article lists "Ana Ruiz, 20" among the dead too: a
 * wrong choice the article describes with the very words that follow the key (an age after a comma, a
 * bracket such as "(D-Texas)") would be a second right answer.
 */
function describedAlike(article: string | undefined, mention: Mention, other: Entity): boolean {
  if (article === undefined || article === '') return false;
  const frame = /^(?:,\s*\d{1,3}\b|\s*\([^()\n]{1,30}\))/.exec(article.slice(mention.end, mention.end + 40))?.[0];
  if (frame === undefined) return false;
  return other.forms.some((form) => form !== '' && article.includes(`${form}${frame}`));
}

/** Whether a wrong choice is surely of its kind: a person with at least one person signal, a trusted type. */
export function distractorKindConfirmed(other: Entity): boolean {
  if (other.type === 'person') return (other.typeSignals ?? 1) >= 1;
  return other.typeTrusted !== false;
}

/** One word or several: how a person's name is written. */
function personForm(text: string): string {
  return /\S\s+\S/.test(text.replace(/^(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+/, '')) ? 'full' : 'single';
}

/** Whether two names differ in one last word by one or two letters ("Okonkwoe", "Okonkwo"). */
function nearSpelling(a: string, b: string): boolean {
  const last = (text: string): string => foldName(text.trim().split(/\s+/).pop() ?? '');
  const x = last(a);
  const y = last(b);
  if (x === y || Math.min(x.length, y.length) < 4 || Math.abs(x.length - y.length) > 2) return false;
  return editDistance(x, y) <= 2;
}

const ORGANISATION_KINDS: readonly [string, RegExp][] = [
  ['media', /\b(?:news|times|post|tribune|herald|chronicle|telegraph|gazette|journal|magazine|radio|television|tv|broadcasting|press|daily)\b/i],
  ['sport', /\b(?:fc|f\.c\.|afc|cf|club|united|rovers|athletic|team|racing|motorsports?)\b/i],
  ['education', /\b(?:university|college|school|academy|institute|polytechnic)\b/i],
  ['health', /\b(?:hospital|clinic|medical center|health service)\b/i],
  ['government', /\b(?:department|ministry|agency|office|bureau|commission|administration|council|senate|parliament|congress|police|army|navy|court)\b/i],
  ['company', /\b(?:inc\.?|corp\.?|corporation|company|co\.|ltd\.?|llc|plc|group|holdings|airlines?|bank)\b/i],
  ['party', /\b(?:party|movement|front|alliance|coalition)\b/i],
];

/** An organisation's kind by its words (a newspaper, a team, a university...), or null when they do not tell. */
export function organisationKind(name: string): string | null {
  for (const [kind, words] of ORGANISATION_KINDS) if (words.test(name)) return kind;
  return null;
}

/**
 * Whether `other` may stand as a wrong choice for the organisation `key`: of its kind when the key's is known;
 * when it is not, no newspaper and no team (they stand for nothing else).
 */
function sameOrganisationKind(key: string, other: string): boolean {
  const kind = organisationKind(key);
  const otherKind = organisationKind(other);
  return kind === null ? otherKind !== 'media' && otherKind !== 'sport' : otherKind === kind;
}

/** A place's fine type, from its subtype and its last word: a county is no wrong answer for a city. */
export function fineType(entity: Entity): string {
  if (entity.type !== 'place') return entity.type === 'date' || entity.type === 'time' || entity.type === 'number' || entity.type === 'other' ? `${entity.type}:${entity.subtype}` : entity.type;
  return entity.subtype;
}

/** A date's form: whether it names a weekday and a year ("Saturday, August 18, 2018" among "March 18, 1942"). */
function dateForm(text: string): string {
  return `${/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/.test(text)}:${/\b(?:1[89]|20)\d\d\b/.test(text)}`;
}

/** The gender a blank's own words give its person ("Mrs. _____", "father _____"), if any. */
function genderCue(prompt: string, answer: string): 'female' | 'male' | undefined {
  const before = /(\S+)\s+_____/.exec(prompt)?.[1]?.toLowerCase().replace(/^.*[-‐‑]/, '').replace(/[^a-z.]/g, '') ?? /^(?:mrs|ms|miss|mr|sir)\.?\s/i.exec(answer)?.[0].toLowerCase().trim() ?? '';
  // "spokeswoman _____", "chairman _____": a title that says the gender.
  if (/^(?:mrs\.?|ms\.?|miss|mother|wife|daughter|sister|widow|grandmother|aunt|actress|queen|princess|girlfriend|\w+woman)$/.test(before)) return 'female';
  if (/^(?:mr\.?|sir|father|husband|son|brother|widower|grandfather|uncle|king|prince|boyfriend|\w+(?<!wo)man)$/.test(before)) return 'male';
  return undefined;
}

/** How a value is written: its percent sign or word, its range dash or "to". */
function valueForm(text: string): string {
  return `${/%/.test(text) ? '%' : /\bper ?cent\b/.test(text) ? 'percent' : ''}:${/\d\s*[-–]\s*\d/.test(text) ? 'dash' : /\d\s+(?:to|and)\s+\d/.test(text) ? 'to' : ''}`;
}

/** Whether an option stands out from the others by its form: an acronym among names, a lone "$". */
function formOf(text: string): string {
  if (/^(?:the )?\p{Lu}[\p{Lu}.&]+$/u.test(text)) return 'acronym';
  if (/^\$/.test(text)) return 'money';
  if (/%|percent/.test(text)) return 'percent';
  return 'plain';
}

/** The answer is far longer or shorter than every wrong choice: a learner picks it by its length. */
export function standsOut(answer: string, wrong: readonly string[]): boolean {
  if (wrong.length === 0) return false;
  const length = (text: string): number => text.replace(/^the /, '').length;
  const own = length(answer);
  const lengths = wrong.map(length);
  const longest = Math.max(...lengths);
  const shortest = Math.min(...lengths);
  return (own > 2 * longest && own - longest > 8) || (own * 2 < shortest && shortest - own > 8);
}

/**
 * Up to `count` wrong choices for `mention`'s entity, none of which appears in `prompt` or is another way of
 * writing the answer. `answer` is the text the question will show as the right choice. `forSwap` asks for
 * one value to swap into a true statement to make it false: the same fine type, not in the sentence.
 */
/**
 * Whether the words right before a count make it a bound: "at least", "more than", "over" (a lower bound:
 * any smaller count is true as well) or "at most", "fewer than", "within" (an upper one), or null. Not "up
 * to", which often gives an extent ("closed up to 32,000 feet"), where neither side is clean.
 */
export function boundBefore(before: string): 'lower' | 'upper' | null {
  if (/\b(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than|a minimum of)\s*$/i.test(before)) return 'lower';
  if (/\b(?:at most|fewer than|less than|under|within|no more than|a maximum of)\s*$/i.test(before)) return 'upper';
  return null;
}

export function pickDistractors(source: DistractorSource, mention: Mention, answer: string, prompt: string, count: number, withThe = false, forSwap = false): string[] {
  const entity = mention.entity;
  const picked: string[] = [];
  const seen = new Set<string>([...entity.forms, answer].map(foldName));
  const inPrompt = wordFinder(prompt);
  const answerForms = [...entity.forms, answer.replace(/^the /, '')];
  const inAnswer = wordFinder(answerForms.join(' | '));
  const isValue = entity.type === 'date' || entity.type === 'time' || entity.type === 'number';
  const answerForm = formOf(answer);
  const wanted = forSwap ? count : count + 4;
  // The "a" or "an" right before the key, when there is one: every option must read with it.
  const indefinite = /\b(a|an)\s$/i.exec(source.article?.slice(Math.max(0, mention.outerStart - 4), mention.outerStart) ?? '')?.[1];
  // "Kellin University" is no wrong answer where the key is "the University of Kellin Pasteur Centre".
  const answerWords = new Set(entity.type === 'person' || isValue ? [] : distinctiveWords(answer, isGenericNameWord));
  // Round 39: "at least _____ explosions" -> four: "three" would be as true ("at least three"), and wrong
  // choices only on the side the bound rules out would make the key the smallest (or largest) every time, a
  // pattern a learner soon reads. A count the article gives as a bound has no wrong choices (nor a false
  // statement made by swapping it): it is asked typed.
  if (entity.type === 'number' && boundBefore(source.article?.slice(Math.max(0, mention.outerStart - 24), mention.outerStart) ?? '') !== null) return [];
  const offer = (text: string, takesThe = false, forms: readonly string[] = []): void => {
    if (picked.length >= wanted) return;
    const folded = foldName(text);
    if (seen.has(folded) || folded === '' || inPrompt(text)) return;
    // Named in the prompt by another of its forms ("Ines ... the wife of _____" for "Ines Varga"): not a wrong answer.
    if (forms.some((form) => inPrompt(form))) return;
    // "Ms Lund" where the prompt speaks of "Ada Lund": a person whose surname the prompt shows.
    if (entity.type === 'person' && /\s/.test(text) && inPrompt(text.split(/\s+/).pop() ?? '')) return;
    // "Brekke" among "Ana Ruiz", "Lena Park": a lone surname among full names (or the reverse) stands out.
    if (entity.type === 'person' && personForm(text) !== personForm(answer)) return;
    // "Okonkwoe" beside "Ada Okonkwo": a misspelling of the key (or of another option) is no other person.
    if (entity.type === 'person' && [answer, ...picked].some((other) => nearSpelling(text, other))) return;
    // "LLC and Kellin Bank": the legal form of the name before it, run into the next, is no option.
    if (LEGAL_FORM_FIRST.test(text)) return;
    // "Dakota State College of the UK": a name run into its country is no option either.
    if (/\bof the (?:U\.?S\.?|U\.?K\.?|UAE|EU)$/.test(text)) return;
    if (distinctiveWords(text, isGenericNameWord).some((word) => answerWords.has(word))) return;
    // "USGS Earthquake Science Center" is no wrong answer to "USGS": one name holds the other.
    if (!isValue) {
      const inText = wordFinder(text);
      if (inAnswer(text) || answerForms.some((form) => inText(form))) return;
      // "Ruiz" beside "Ana Ruiz": no two options where one holds the other.
      if (picked.some((other) => inText(other.replace(/^the /, '')) || wordFinder(other)(text))) return;
      if (formOf(text) !== answerForm && (answerForm === 'acronym' || formOf(text) === 'acronym')) return;
    }
    // "a _____-magnitude earthquake": "8.6" would read "an", so it could not be right (nor could "9.2"
    // beside "an _____").
    if (indefinite !== undefined && takesAn(text) !== takesAn(answer)) return;
    if (entity.type === 'date' && dateForm(text) !== dateForm(answer)) return;
    // "9th March 2011" beside "March 9, 2011": the same day written another way is a second right answer.
    if (entity.type === 'date' && [answer, ...picked].some((other) => sameDay(text, other))) return;
    // "10%" among "25 percent", "1980 to 2012" among "2000 - 2050": a value written another way stands out.
    if (isValue && valueForm(text) !== valueForm(answer)) return;
    seen.add(folded);
    picked.push(withThe && takesThe ? `the ${text}` : text);
  };

  // Rule "year-span" (round 14): a year after the latest the article names (its dateline's among them) cannot
  // be right for what the article reports ("2012" for an event of an article dated 2010). Such wrong choices
  // wait, and are taken only when too few others are found.
  const latest = source.latestYear ?? null;
  const answerYears = yearsIn(answer);
  const spanCheck = entity.type === 'date' && latest !== null && answerYears.length > 0 && answerYears.every((y) => y <= latest);
  const waiting: string[] = [];
  const offerInSpan = (text: string, takesThe = false, forms: readonly string[] = []): void => {
    if (spanCheck && yearsIn(text).some((y) => y > (latest ?? 0))) waiting.push(text);
    else offer(text, takesThe, forms);
  };

  // From the article: the same fine type, nearest in the text first.
  const fine = fineType(entity);
  const unit = source.units.get(entity);
  const value = entity.type === 'number' ? numericValue(answer) : null;
  // "Mrs. _____", "his father _____": no wrong choice of the other gender, when the article shows both.
  const gender = entity.type === 'person' ? (entity.gender ?? genderCue(prompt, answer)) : undefined;
  const fits = (other: Entity): boolean => {
    if (other === entity || fineType(other) !== fine) return false;
    // Rule "gender": a woman's first name is no wrong choice where the blank is a man ("his father _____").
    const otherGender = other.gender ?? other.nameGender;
    if (gender !== undefined && otherGender !== undefined && otherGender !== gender) return false;
    if (!isValue && !other.sure) return false;
    // Rule "junk-distractor": no "Harbourside" (a team), "Civic Affairs" (an office) among people, no
    // organisation or place of a kind nothing confirms.
    if (!distractorKindConfirmed(other)) return false;
    // "a psychology major at _____": no newspaper or team among universities.
    if (entity.type === 'organisation' && !sameOrganisationKind(entity.name, other.name)) return false;
    if (describedAlike(source.article, mention, other)) return false;
    if (entity.type === 'number') {
      const otherValue = numericValue(other.name);
      if (unit === undefined || source.units.get(other) !== unit) return false;
      return value !== null && otherValue !== null && otherValue / value <= 10 && value / otherValue <= 10;
    }
    return true;
  };
  const ranked = (source.byType.get(entity.type) ?? []).filter(fits).sort((a, b) => Math.abs(a.first - entity.first) - Math.abs(b.first - entity.first) || a.first - b.first);
  const theOf = (other: Entity): boolean => other.takesThe;
  // The nearest few in a seeded order (so seeds vary them), then the rest.
  for (const other of source.random.shuffle(ranked.slice(0, count + 2))) offer(other.name, theOf(other), other.forms);
  for (const other of ranked.slice(count + 2)) offer(other.name, theOf(other), other.forms);
  const fromArticle = picked.length;

  // Made up in the same style: dates, times and numbers only.
  const pick = (n: number): number => source.random.int(n);
  if (fromArticle < count && (entity.type === 'date' || entity.type === 'time')) {
    for (const text of temporalVariants({ shape: (mention.dateShape ?? entity.subtype) as DateShape, text: mention.text }, count + 3, pick)) offerInSpan(text);
  }
  // Too few within the span: years further back from the key, a few at most, before any later year.
  if (spanCheck && picked.length < count) for (const shift of [-3, -4, -5]) offerInSpan(shiftYears(mention.text, shift));
  if (picked.length < count) for (const text of waiting) offer(text);
  if (fromArticle < count && entity.type === 'number') {
    for (const text of numberVariants({ shape: (mention.numberShape ?? entity.subtype) as NumberShape, text: mention.text }, count + 3, pick)) offer(text);
  }
  if (forSwap) return picked;
  // No option may stand out by its length: if the first choices let the answer do so, take those nearest
  // to its length instead.
  const first = picked.slice(0, count);
  if (!standsOut(answer, first)) return first;
  const distance = (text: string): number => Math.abs(text.length - answer.length);
  const nearest = [...picked].sort((a, b) => distance(a) - distance(b)).slice(0, count);
  return standsOut(answer, nearest) ? [] : nearest;
}
