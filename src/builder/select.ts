// Which of the sound candidate questions make the deck. Fewer, better questions beat many: every candidate
// first passes the self-check; then each sentence gets at most three questions, each on a different key,
// the keys not yet asked anywhere first (the most worth remembering first: counts and amounts, dates,
// people, organisations, places), the kind of question taking turns across the deck, then one true/false
// or select-all; a key is asked at most twice in the deck. The rest are dropped with the rule that decided.

import type { QuestionKind } from '../domain/deck.js';
import type { FactDraft } from './facts.js';
import type { Considered, QuestionDraft } from './questions.js';
import { selfCheck } from './self-check.js';
import type { Tagger } from './tagger.js';
import { wordFinder } from './text.js';
import type { Entity } from './types.js';

/** Questions on one sentence of the article. */
export const MAX_PER_SENTENCE = 3;
/** Questions with the same answer across the deck. */
export const MAX_PER_KEY = 2;
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
      return ['plain', 'scaled', 'money', 'percent', 'range', 'measure'].includes(entity.subtype) ? 6 : entity.subtype === 'word' ? 4 : 1;
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
export function createWorth(headline: string, mentionCounts: ReadonlyMap<Entity, number>, bracketed: ReadonlySet<Entity>): (entity: Entity) => number {
  const inHeadline = wordFinder(headline);
  return (entity: Entity): number => {
    let value = kindWorth(entity);
    if (entity.forms.some((form) => inHeadline(form))) value += 1;
    if ((mentionCounts.get(entity) ?? 0) > 1) value += 1;
    if (bracketed.has(entity)) value -= 2;
    return value;
  };
}

export function selectQuestions(facts: readonly FactDraft[], considered: readonly Considered[], tagger: Tagger, worth: (entity: Entity) => number = kindWorth): Selection {
  const out = considered.map((c) => ({ ...c }));
  for (const c of out) {
    if (c.draft === null) continue;
    const problem = selfCheck(c.draft, tagger);
    if (problem !== null) {
      c.dropped = problem;
      c.draft = null;
    }
  }
  const bySentence = new Map<number, Considered[]>();
  const factOrder = new Map(facts.map((f, i) => [f, i]));
  for (const c of out) {
    const index = c.fact.clause.sentence.index;
    const list = bySentence.get(index) ?? [];
    list.push(c);
    bySentence.set(index, list);
  }
  const asked = new Map<Entity, number>();
  const seen = new Set<string>();
  const kept: QuestionDraft[] = [];
  let rotation = 0;

  for (const index of [...bySentence.keys()].sort((a, b) => a - b)) {
    const list = (bySentence.get(index) ?? []).filter((c) => c.draft !== null);
    const chosen: Considered[] = [];
    const entitiesHere = new Set<Entity>();
    let statements = 0;
    const take = (c: Considered): boolean => {
      const draft = c.draft as QuestionDraft;
      const key = dedupeKey(draft);
      if (seen.has(key)) {
        c.dropped = 'duplicate: the same question is already in the deck';
        return false;
      }
      seen.add(key);
      chosen.push(c);
      if (draft.entity !== null) {
        entitiesHere.add(draft.entity);
        asked.set(draft.entity, (asked.get(draft.entity) ?? 0) + 1);
      }
      if (c.kind === 'true-false' || c.kind === 'multi-select') statements++;
      return true;
    };
    const keyOf = (c: Considered): Entity | null => (c.kind === 'multi-select' || c.kind === 'true-false' ? null : (c.draft?.entity ?? null));

    // 1. The keys of this sentence not yet asked anywhere, most worth first: one question each, the kind
    // taking turns across the deck.
    const fresh = [...new Set(list.map(keyOf).filter((e): e is Entity => e !== null && (asked.get(e) ?? 0) === 0))].sort((a, b) => worth(b) - worth(a));
    for (const [n, entity] of fresh.entries()) {
      // The best key always; others only if they are worth remembering.
      if (chosen.length >= MAX_PER_SENTENCE || (n >= 1 && worth(entity) < 2)) continue;
      const kinds = KIND_ROTATION[rotation % KIND_ROTATION.length] ?? [];
      rotation++;
      for (const kind of kinds) {
        const c = list.find((x) => x.kind === kind && keyOf(x) === entity && !chosen.includes(x));
        if (c !== undefined && take(c)) break;
      }
    }
    // 2. Then one true/false or select-all, then keys asked before elsewhere: up to the sentence's cap.
    const rank = (c: Considered): number => {
      if (c.kind === 'multi-select') return 0;
      if (c.kind === 'true-false') return 1;
      if (c.fact.origin === 'role') return 2;
      return 3 + (asked.get(keyOf(c) as Entity) ?? 0);
    };
    const rest = list.filter((c) => !chosen.includes(c)).sort((a, b) => rank(a) - rank(b) || (factOrder.get(a.fact) ?? 0) - (factOrder.get(b.fact) ?? 0));
    for (const c of rest) {
      const entity = keyOf(c);
      if (chosen.length >= MAX_PER_SENTENCE) {
        c.dropped = `per-sentence: this sentence already has ${chosen.length} questions`;
        continue;
      }
      if ((c.kind === 'true-false' || c.kind === 'multi-select') && statements >= 1) {
        c.dropped = 'per-sentence: this sentence already has a true/false or select-all question';
        continue;
      }
      if (entity !== null && entitiesHere.has(entity)) {
        c.dropped = `near-duplicate: "${c.answer}" is already asked on this sentence`;
        continue;
      }
      if (entity !== null && (asked.get(entity) ?? 0) >= MAX_PER_KEY) {
        c.dropped = `per-key: "${c.answer}" is already asked ${asked.get(entity)} times`;
        continue;
      }
      if (entity !== null && chosen.length >= 1 && ((asked.get(entity) ?? 0) > 0 || worth(entity) < 4)) {
        c.dropped = `fewer-better: "${c.answer}" is asked elsewhere or worth little, and this sentence has a question`;
        continue;
      }
      take(c);
    }
    for (const c of list) {
      if (chosen.includes(c)) kept.push(c.draft as QuestionDraft);
      else c.dropped ??= `per-sentence: this sentence already has ${chosen.length} questions`;
    }
  }
  return { kept, considered: out };
}
