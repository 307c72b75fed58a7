// Which of the sound candidate questions make the deck. Fewer, better questions beat many: every candidate
// first passes the self-check; then each sentence gets at most three questions, each on a different key
// not asked anywhere before (the most worth remembering first: counts and amounts, dates, people,
// organisations, places), the kind of question taking turns across the deck. A sentence that lists two or
// more new keys is asked as one select-all question, and a sentence with nothing new is closed by one
// true/false statement: either shows the whole sentence, so it stands alone. The rest are dropped with the
// rule that decided. Then a last look over the drafted deck (pruneMinor) cuts what outside graders cut
// most: the statements, the moves of a match, the keys of a side story far from the headline.

import type { QuestionKind } from '../domain/deck.js';
import type { FactDraft } from './facts.js';
import type { Considered, QuestionDraft } from './questions.js';
import { selfCheck } from './self-check.js';
import type { Tagger } from './tagger.js';
import { foldName, wordFinder } from './text.js';
import type { Entity, SentenceInfo } from './types.js';
import { institutionName } from './analyse.js';
import { ageDetail, continentByNationality, famousOffice, shorterNameAsked, interimScore, ordinalSlot, quotedDetail, relativeDate, seatPlace, stemEcho, titlePart, minuteOffset, nationalityKey, outletKey, placedCity, playSupport, subjectless, relativeInterval, initialsKey, titleInitials, crossEcho, tellingDate } from './side-details.js';

/** Questions on one sentence of the article. */
export const MAX_PER_SENTENCE = 3;
const KIND_ROTATION: readonly QuestionKind[][] = [
  ['choice', 'short-answer', 'cloze'],
  ['short-answer', 'cloze', 'choice'],
  ['cloze', 'choice', 'short-answer'],
];

export interface Selection {
  kept: QuestionDraft[];
  /** Every candidate, with `dropped` filled in for those not kept. */
  considered: Considered[];
}

function dedupeKey(draft: QuestionDraft): string {
  return `${draft.kind}\u0000${draft.prompt.toLowerCase()}\u0000${JSON.stringify(draft.answer)}`;
}

/** How much a key is worth asking by its kind: what a reader of the article should remember first. */
function kindWorth(entity: Entity): number {
  switch (entity.type) {
    case 'number':
      return ['plain', 'scaled', 'money', 'percent', 'range', 'measure', 'duration'].includes(entity.subtype) ? 6 : entity.subtype === 'word' ? 4 : 1;
    case 'date':
      return entity.subtype === 'relative' ? 1 : entity.subtype === 'weekday' || entity.subtype === 'weekday-range' ? 3 : 5;
    case 'person':
      return entity.sure ? 5 : 4;
    case 'organisation':
    case 'place':
      return entity.sure ? 4 : 3;
    case 'time':
      return 2;
    default:
      return entity.subtype.startsWith('phrase') ? 4 : 3;
  }
}

/**
 * What a key is worth: its kind, and how much the article makes of it (named in the headline, named more
 * than once). A key written only in brackets ("(IE9)") is a gloss, worth little.
 */
export function createWorth(
  headline: string,
  mentionCounts: ReadonlyMap<Entity, number>,
  bracketed: ReadonlySet<Entity>,
  tagger?: Tagger,
  tails: ReadonlySet<Entity> = new Set(),
): (entity: Entity) => number {
  const inHeadline = wordFinder(headline);
  return (entity: Entity): number => {
    // "the House", "some Representatives": a common noun written with a capital names nothing to learn.
    // A phrase found by its frame ("was awarded a bronze medal", "died of kidney failure") is common words by
    // nature: the frame, not a capital, makes it a key (round 6).
    const framed = entity.subtype === 'phrase:award' || entity.subtype === 'phrase:cause' || entity.subtype === 'phrase:charge';
    if (tagger !== undefined && !entity.sure && !framed && ['other', 'organisation', 'place'].includes(entity.type)) {
      const common = (word: string): boolean => {
        // An abbreviation in capitals ("NWS") is no common word, even where its letters spell one.
        if (/^\p{Lu}{2,}$/u.test(word.replace(/\./g, ''))) return false;
        const tags = tagger.lexicon(word.toLowerCase());
        return tags.length > 0 && !tags.some((t) => t === 'ProperNoun' || t === 'Person' || t === 'Place' || t === 'Organization' || t === 'Country' || t === 'City' || t === 'Region' || t.endsWith('Name'));
      };
      if (entity.name.split(/\s+/).every(common)) return 1;
    }
    let value = kindWorth(entity);
    // Named in the headline: the article is about it (though the title gives it away where it is shown).
    if (entity.forms.some((form) => inHeadline(form))) value += 1;
    if ((mentionCounts.get(entity) ?? 0) > 1) value += 1;
    if (bracketed.has(entity)) value -= 2;
    // "Salem, Oregon": the state only places the city.
    if (tails.has(entity)) value -= 2;
    return value;
  };
}

export function selectQuestions(facts: readonly FactDraft[], considered: readonly Considered[], tagger: Tagger, worth: (entity: Entity) => number = kindWorth): Selection {
  const out = considered.map((c) => ({ ...c }));
  const bySentence = new Map<number, Considered[]>();
  for (const c of out) {
    const index = c.fact.clause.sentence.index;
    const list = bySentence.get(index) ?? [];
    list.push(c);
    bySentence.set(index, list);
  }
  // The sentences where each key has a sound question.
  const askableIn = new Map<Entity, number[]>();
  for (const c of out) {
    if (c.entity === null || c.dropped !== null || c.kind === 'true-false' || c.kind === 'multi-select') continue;
    const list = askableIn.get(c.entity) ?? [];
    list.push(c.fact.clause.sentence.index);
    askableIn.set(c.entity, list);
  }
  const asked = new Map<Entity, number>();
  // Each name's words, split once: every new key is compared with every key asked before it.
  const wordsOf = new Map<Entity, string[]>();
  const nameWords = (entity: Entity): string[] => {
    let words = wordsOf.get(entity);
    if (words === undefined) {
      words = entity.name.replace(/^the /i, '').split(/\s+/);
      wordsOf.set(entity, words);
    }
    return words;
  };
  const seen = new Set<string>();
  const kept: QuestionDraft[] = [];
  let rotation = 0;

  for (const index of [...bySentence.keys()].sort((a, b) => a - b)) {
    const list = (bySentence.get(index) ?? []).filter((c) => c.dropped === null);
    const chosen: Considered[] = [];
    let closed: string | null = null;
    // A candidate is drafted (wrong choices found, a statement swapped) and read again only when wanted.
    const take = (c: Considered): boolean => {
      if (c.draft === null && c.lazy !== undefined) {
        const drafted = c.lazy();
        if ('dropped' in drafted) {
          c.dropped = drafted.dropped;
          if (drafted.text !== undefined) c.text = drafted.text;
          return false;
        }
        c.draft = drafted.draft;
        c.text = drafted.text;
        c.answer = drafted.answer;
      }
      if (c.draft === null) return false;
      const problem = selfCheck(c.draft, tagger);
      if (problem !== null) {
        c.dropped = problem;
        c.draft = null;
        return false;
      }
      const draft = c.draft;
      const key = dedupeKey(draft);
      if (seen.has(key)) {
        c.dropped = 'duplicate: the same question is already in the deck';
        return false;
      }
      seen.add(key);
      chosen.push(c);
      for (const entity of draft.entities ?? (draft.entity === null ? [] : [draft.entity])) asked.set(entity, (asked.get(entity) ?? 0) + 1);
      return true;
    };
    // "KTV" after "KTV News", "Bay Marina" after "Salt Creek Bay Marina": the same name asked again.
    const overlapping = (entity: Entity): Entity | null => {
      if (!['organisation', 'place', 'work', 'other'].includes(entity.type)) return null;
      const words = nameWords(entity);
      for (const other of asked.keys()) {
        if (other === entity || other.type !== entity.type) continue;
        const theirs = nameWords(other);
        const [short, long] = words.length <= theirs.length ? [words, theirs] : [theirs, words];
        if (short.length === long.length) continue;
        const head = long.slice(0, short.length).join(' ') === short.join(' ');
        const tail = long.slice(long.length - short.length).join(' ') === short.join(' ');
        if (head || tail) return other;
      }
      return null;
    };
    const keyOf = (c: Considered): Entity | null => (c.kind === 'multi-select' || c.kind === 'true-false' ? null : c.entity);
    // A key that a later sentence can ask as well gives way here to one that only this sentence holds.
    const sentenceInfo = list[0]?.fact.clause.sentence;
    const echoed = sentenceInfo === undefined ? new Set<Entity>() : echoedKeys(sentenceInfo, tagger);
    const worthHere = (entity: Entity): number => worth(entity) - (echoed.has(entity) ? ECHO_PENALTY : 0);
    const here = (entity: Entity): number => worthHere(entity) - ((askableIn.get(entity) ?? []).some((i) => i > index) ? 1.5 : 0);
    const fresh = [...new Set(list.map(keyOf).filter((e): e is Entity => e !== null && (asked.get(e) ?? 0) === 0 && overlapping(e) === null))].sort((a, b) => here(b) - here(a));

    // 1. A list of two or more keys not asked yet: one select-all question, alone (every other question
    // on the sentence would show its answers).
    // A list of two is asked as one only when the sentence holds no other new key worth asking.
    const listed = (c: Considered): Entity[] => (c.entities ?? []).filter((e) => (asked.get(e) ?? 0) === 0);
    const list_ = list.find((c) => {
      if (c.kind !== 'multi-select' || listed(c).length < 2) return false;
      return listed(c).length >= 3 || fresh.every((e) => listed(c).includes(e) || worth(e) < 3);
    });
    if (list_ !== undefined && take(list_)) closed = 'the sentence is asked as one select-all question, which shows its other words';

    // 2. The keys of this sentence not yet asked anywhere, most worth first: one question each, the kind
    // taking turns across the deck.
    // Keys the sentence lists together ("including A, B, C and D"): one blank in the list is a question,
    // a second asks the list's order and shows the first's answer.
    const lists = (bySentence.get(index) ?? []).filter((c) => c.kind === 'multi-select').map((c) => c.entities ?? []);
    const slotted = new Set<Entity>();
    // A short sentence holds few facts: each question on it would show the answers of the others.
    const sentence = list[0]?.fact.clause.sentence;
    const wordsIn = sentence === undefined ? 0 : sentence.tokens.filter((t) => t.isWord).length;
    const cap = wordsIn < 12 ? 1 : MAX_PER_SENTENCE;
    if (closed === null) {
      for (const [n, entity] of fresh.entries()) {
        // The best key if it is worth asking at all; others only if they are worth remembering.
        if (chosen.length >= cap || worthHere(entity) < 2 || (n >= 1 && worthHere(entity) < 3)) continue;
        if (lists.some((l) => l.includes(entity) && chosen.some((x) => { const k = keyOf(x); return k !== null && l.includes(k); }))) {
          slotted.add(entity);
          continue;
        }
        const kinds = KIND_ROTATION[rotation % KIND_ROTATION.length] ?? [];
        rotation++;
        for (const kind of kinds) {
          const c = list.find((x) => x.kind === kind && keyOf(x) === entity && !chosen.includes(x) && x.dropped === null);
          if (c !== undefined && take(c)) break;
        }
      }
    }

    // 3. A sentence whose keys are all asked already, or worth little: a true/false statement, alone (a
    // statement shows every key of its sentence).
    if (closed === null && chosen.length === 0) {
      const statement = list.find((c) => c.kind === 'true-false' && c.dropped === null);
      if (statement !== undefined && take(statement)) closed = 'the sentence is asked as a true/false statement, which shows all its words';
    }
    for (const c of list) {
      if (chosen.includes(c)) kept.push(c.draft as QuestionDraft);
      else if (c.dropped !== null) continue;
      else if (closed !== null) c.dropped = `per-sentence: ${closed}`;
      else if (c.kind === 'true-false') c.dropped = 'per-sentence: a true/false statement would show the answers of the questions kept on this sentence';
      else if (c.kind === 'multi-select') c.dropped = 'per-sentence: its keys are asked on their own or elsewhere';
      else if (chosen.length >= cap) c.dropped = `per-sentence: this sentence already has ${chosen.length} question${chosen.length === 1 ? '' : 's'}${cap < MAX_PER_SENTENCE ? ` (a sentence of ${wordsIn} words)` : ''}`;
      else if (keyOf(c) !== null && slotted.has(keyOf(c) as Entity)) c.dropped = `list-slot: "${c.answer}" is listed with a key already asked on this sentence`;
      else if (keyOf(c) !== null && chosen.some((x) => keyOf(x) === keyOf(c))) c.dropped = `near-duplicate: "${c.answer}" is already asked on this sentence`;
      else if (keyOf(c) !== null && (asked.get(keyOf(c) as Entity) ?? 0) === 0 && overlapping(keyOf(c) as Entity) !== null) c.dropped = `near-duplicate: "${c.answer}" and "${overlapping(keyOf(c) as Entity)?.name ?? ''}", asked already, name the same thing`;
      else if ((asked.get(keyOf(c) as Entity) ?? 0) > 0) c.dropped = `per-key: "${c.answer}" is asked elsewhere in the deck`;
      else c.dropped = `fewer-better: "${c.answer}" is worth little beside this sentence's other keys`;
    }
  }
  return { kept, considered: out };
}

/** What a key loses on a sentence where another name all but gives it away (rules shared-words, placed-institution). */
const ECHO_PENALTY = 2;

/**
 * The keys of a sentence that another name in it all but gives away. Rule placed-institution: a place
 * named just after an institution and "in" or "at" ("Kellin Airport in Norland") only places it. Rule
 * shared-words: "National Park Service" beside "Cedar National Park" opens with the words the other name
 * ends in, and what is left, "Service", is a common word, so the blank is guessed from the other name. The other way round ("_____"
 * for "Cedar National Park") the word left, "Cedar", is the fact, and the key stands; two names of one
 * kind ("Space Shuttle Enterprise", "Space Shuttle Endeavour") share their first words, not a head.
 */
export function echoedKeys(sentence: SentenceInfo, tagger: Tagger): Set<Entity> {
  const out = new Set<Entity>();
  const mentions = sentence.mentions.filter((m) => m.pronoun !== true);
  const common = (word: string): boolean => {
    const tags = tagger.lexicon(word.toLowerCase());
    return tags.length > 0 && !tags.some((t) => t === 'ProperNoun' || t === 'Person' || t === 'Place' || t === 'Organization' || t === 'Country' || t === 'City' || t === 'Region' || t.endsWith('Name'));
  };
  for (const [i, mention] of mentions.entries()) {
    // "Kellin Airport in Norland", "Varno Museum at Kellby": the place only places the institution before
    // it, and the two give each other away.
    const before = mentions[i - 1];
    if (mention.entity.type === 'place' && before !== undefined && before.entity !== mention.entity && institutionName(before.entity.name) && /^ (?:in|at) (?:the )?$/i.test(sentence.text.slice(before.end - sentence.start, mention.start - sentence.start))) {
      out.add(mention.entity);
      continue;
    }
    if (!['organisation', 'place', 'other'].includes(mention.entity.type)) continue;
    const words = mention.entity.name.split(/\s+/).filter((w) => w.toLowerCase() !== 'the');
    if (words.length < 2) continue;
    for (const other of mentions) {
      if (other.entity === mention.entity) continue;
      // The other name ends in words this one opens with ("Cedar National Park", "National Park Service"):
      // it is a thing of that kind, and this one adds only a common noun after it.
      const theirs = other.entity.name.split(/\s+/);
      for (let n = Math.min(words.length - 1, theirs.length - 1); n >= 2; n--) {
        const shared = words.slice(0, n);
        if (shared.join(' ') !== theirs.slice(theirs.length - n).join(' ') || !shared.every((w) => /^\p{Lu}/u.test(w))) continue;
        if (words.slice(n).every(common)) out.add(mention.entity);
        break;
      }
      if (out.has(mention.entity)) break;
    }
  }
  return out;
}

/** A question kind the self-check flags this often on one article is not trusted there (rule kind-check). */
const KIND_FLAGS = 3;
const KIND_FLAG_SHARE = 0.4;

/**
 * The selection, with a question kind left out of the article when the self-check flags many of its
 * drafts there (KIND_FLAGS or more, and KIND_FLAG_SHARE of those drafted): what it gets wrong on this
 * article it may get wrong unseen, so its keys are asked by the other kinds (rule kind-check), but for
 * the article's lead sentences.
 */
export function selectTrusted(facts: readonly FactDraft[], considered: readonly Considered[], tagger: Tagger, worth?: (entity: Entity) => number, story?: Story): Selection {
  const prune = (selection: Selection): Selection => (story === undefined ? selection : pruneMinor(selection, story));
  const first = selectQuestions(facts, considered, tagger, worth);
  const untrusted = untrustedKinds(first.considered);
  if (untrusted.size === 0) return prune(first);
  const reason = (kind: QuestionKind): string => `kind-check: the self-check flagged ${untrusted.get(kind) ?? ''} of the ${kind} questions drafted on this article, so none is asked here past its lead`;
  // The lead of a news article states its story in full sentences before the lists and tallies that trip
  // the self-check come: its questions, each passing the self-check, are kept (rule kind-check, round 13).
  const inLead = (c: Considered): boolean => story !== undefined && story.bodyRank(c.fact.clause.sentence.index) < LEAD_SENTENCES;
  const narrowed = considered.map((c) => (untrusted.has(c.kind) && c.dropped === null && !inLead(c) ? { ...c, dropped: reason(c.kind), lazy: undefined } : c)) as Considered[];
  return prune(selectQuestions(facts, narrowed, tagger, worth));
}

/** The kinds whose drafts the self-check flagged often, with "flagged of drafted" for `--explain`. */
export function untrustedKinds(considered: readonly Considered[]): Map<QuestionKind, string> {
  const counts = new Map<QuestionKind, { flagged: number; drafted: number }>();
  for (const c of considered) {
    const count = counts.get(c.kind) ?? { flagged: 0, drafted: 0 };
    const flagged = c.dropped?.startsWith('self-check') === true;
    if (flagged || c.draft !== null) count.drafted++;
    if (flagged) count.flagged++;
    counts.set(c.kind, count);
  }
  const out = new Map<QuestionKind, string>();
  for (const [kind, { flagged, drafted }] of counts) if (flagged >= KIND_FLAGS && flagged >= KIND_FLAG_SHARE * drafted) out.set(kind, `${flagged} of ${drafted}`);
  return out;
}

/** What the last look over the deck knows of the article: where a sentence stands, how often a key is named. */
export interface Story {
  headline: string;
  /** A sentence's place among the body's sentences (0 for the first after the headline). */
  bodyRank: (index: number) => number;
  /** How many times the article names an entity. */
  mentions: (entity: Entity) => number;
  /** The body rank of the first sentence that names an entity. */
  firstRank: (entity: Entity) => number;
  /** The tagger, for the words a rule must look up (round 8). */
  tagger?: Tagger;
  /** The article reports a match, move by move (round 8). */
  matchReport?: boolean;
  /** Every entity the article names (round 8). */
  entities?: readonly Entity[];
}

/** A sentence this far into the body, sharing no word with the headline, tells a side story (rule side-matter). */
export const SIDE_MATTER_RANK = 20;
/** A key named in the article's first sentences is part of its story, whatever its sentence is like. */
const LEAD_SENTENCES = 3;
/** A sentence that names something the article names this often is part of its story (rule side-matter). */
const RECURRING = 3;

/** Words of the play in a match report: who was booked, substituted, saved, fumbled, at which minute. */
const MATCH_EVENT = /\b(?:substitut\w*|booked|bookings?|yellow cards?|red cards?|possession|assist(?:s|ed)?|save[sd]?|chances?|woodwork|crossbar|fumbl\w*|sack(?:s|ed)?|intercept\w*|punt(?:s|ed)?|field goals?|yard line|\d+(?:st|nd|rd|th) minute|on \d+ minutes|minutes? later)\b/gi;
/** What a match report is for: a goal, a score, a win. A sentence that tells one is no move-by-move detail. */
const MATCH_RESULT = /\b(?:scor\w*|goals?|won|wins?|beat|beats|defeat\w*|victory|champions?\w*)\b/i;
/** How near the blank (in characters) a word of the play must stand to make the key a detail of the play. */
const PLAY_REACH = 60;

/** The words of a text that say what it is about: folded, four letters or more, cut to five letters. */
function topicWords(text: string): Set<string> {
  return new Set((foldName(text).match(/[\p{L}\p{N}]{4,}/gu) ?? []).filter((w) => !TOPIC_FILLER.has(w)).map((w) => w.slice(0, 5)));
}
const TOPIC_FILLER = new Set(['that', 'this', 'with', 'from', 'have', 'were', 'said', 'says', 'they', 'their', 'there', 'which', 'would', 'been', 'about', 'after', 'also', 'when', 'will', 'into', 'more', 'than', 'some', 'other', 'while', 'where', 'what', 'them', 'then', 'these', 'those', 'only', 'over', 'such', 'very', 'most', 'many', 'could', 'before', 'being', 'just', 'each', 'since', 'under', 'during', 'both', 'does']);

/**
 * Why a teacher would cut a kept question as a minor detail, or null to keep it: the rules of round 4
 * first, then round 8's (side-details.ts), each with its own reach.
 */
function minorDetail(draft: QuestionDraft, story: Story, headlineWords: ReadonlySet<string>, kept: readonly QuestionDraft[]): string | null {
  return (
    minorByPlace(draft, story, headlineWords) ??
    placedCity(draft, story) ??
    famousOffice(draft, story) ??
    nationalityKey(draft, story) ??
    outletKey(draft, story) ??
    playSupport(draft, story) ??
    interimScore(draft, story) ??
    minuteOffset(draft, story) ??
    quotedDetail(draft, story) ??
    relativeDate(draft) ??
    ageDetail(draft, story) ??
    seatPlace(draft) ??
    stemEcho(draft) ??
    ordinalSlot(draft) ??
    titlePart(draft, story.headline) ??
    shorterNameAsked(draft, kept) ??
    subjectless(draft, story) ??
    relativeInterval(draft) ??
    initialsKey(draft) ??
    titleInitials(draft, story.headline) ??
    tellingDate(draft, story) ??
    continentByNationality(draft, story)
  );
}

/** Round 4's rules: statements, the moves of a match, a side story far from the headline. */
function minorByPlace(draft: QuestionDraft, story: Story, headlineWords: ReadonlySet<string>): string | null {
  // Rule statement: a sentence is closed by a true/false statement only when its keys are asked elsewhere
  // or worth little, so the statement asks nothing of its own; graders cut three in four of them.
  if (draft.kind === 'true-false') return 'statement: a true/false statement asks no key of its own (its sentence’s keys are asked elsewhere or worth little) and copies the sentence';
  const key = draft.kind === 'order' ? null : draft.entity;
  if (key === null) return null;
  // A key the article names again, or names in its first sentences, is part of its story.
  if (story.mentions(key) >= 2 || story.firstRank(key) < LEAD_SENTENCES) return null;
  const sentence: SentenceInfo = draft.fact.clause.sentence;
  // Rule play-by-play: the key stands beside a move of a match (a booking, a substitution, a save, a
  // fumble, a minute) in a sentence that tells no goal, score or win.
  const mention = sentence.mentions.find((m) => m.entity === key && m.pronoun !== true);
  if (mention !== undefined && !MATCH_RESULT.test(sentence.text)) {
    for (const event of sentence.text.matchAll(MATCH_EVENT)) {
      const start = sentence.start + (event.index ?? 0);
      const gap = start >= mention.end ? start - mention.end : mention.start - (start + event[0].length);
      if (gap <= PLAY_REACH) return `play-by-play: "${event[0]}" beside "${key.name}" is a move of the match, not its result, and the article names "${key.name}" nowhere else`;
    }
  }
  // Rule side-matter: far into the body, a sentence that shares no word with the headline and names
  // nothing the article keeps returning to tells a side story.
  const rank = story.bodyRank(sentence.index);
  if (rank >= SIDE_MATTER_RANK && ![...topicWords(sentence.text)].some((w) => headlineWords.has(w)) && !sentence.mentions.some((m) => m.entity !== key && story.mentions(m.entity) >= RECURRING)) {
    return `side-matter: sentence ${rank + 1} of the body shares no word with the headline and names nothing the article returns to, and "${key.name}" is named nowhere else`;
  }
  return null;
}

/**
 * The last look over the deck, as a teacher cuts a draft (rules statement, play-by-play, side-matter): no
 * true/false statement, no move of a match, no key of a side story far from the headline. A key the
 * article names twice or in its first sentences is never cut as a detail. It runs after every question is
 * drafted, so a cut leaves every other question (its kind, its seeded wrong choices) as it was.
 */
export function pruneMinor(selection: Selection, story: Story): Selection {
  const headlineWords = topicWords(story.headline);
  const cut = new Map<QuestionDraft, string>();
  for (const draft of selection.kept) {
    const reason = minorDetail(draft, story, headlineWords, selection.kept);
    if (reason !== null) cut.set(draft, reason);
  }
  // Rule cross-echo: one question shows another's key in the same words. Read in article order against the
  // questions still kept, so of two that show each other's key the earlier goes and the later stays.
  for (const draft of selection.kept) {
    if (cut.has(draft)) continue;
    const reason = crossEcho(draft, selection.kept.filter((d) => !cut.has(d)));
    if (reason !== null) cut.set(draft, reason);
  }
  if (cut.size === 0) return selection;
  const considered = selection.considered.map((c) => (c.draft !== null && c.dropped === null && cut.has(c.draft) ? { ...c, dropped: cut.get(c.draft) ?? null, draft: null } : c));
  return { kept: selection.kept.filter((d) => !cut.has(d)), considered };
}
