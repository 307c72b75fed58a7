// Which of the good candidate questions make the deck: every key asked at least once (the kind of
// question varying across the deck), a few questions per fact, no key asked over and over, no repeats.
// The rest are dropped with the reason, for `--explain`.

import type { QuestionKind } from '../domain/deck.js';
import type { FactDraft } from './facts.js';
import type { Considered, QuestionDraft } from './questions.js';
import type { Entity } from './types.js';

/** Questions a fact gets beyond the ones that ask a key for the first time. */
export const MAX_PER_FACT = 4;
/** Questions with the same answer across the deck, once the key has been asked. */
export const MAX_PER_KEY = 3;
const KIND_ROTATION: readonly QuestionKind[][] = [
  ['short-answer', 'choice', 'cloze'],
  ['choice', 'cloze', 'short-answer'],
  ['cloze', 'short-answer', 'choice'],
];

export interface Selection {
  kept: QuestionDraft[];
  /** Every candidate, with `dropped` filled in for those not kept. */
  considered: Considered[];
}

function dedupeKey(draft: QuestionDraft): string {
  return `${draft.kind}\u0000${draft.prompt.toLowerCase()}\u0000${JSON.stringify(draft.answer)}`;
}

export function selectQuestions(facts: readonly FactDraft[], considered: readonly Considered[]): Selection {
  const out = considered.map((c) => ({ ...c }));
  const byFact = new Map<FactDraft, Considered[]>();
  for (const c of out) {
    const list = byFact.get(c.fact) ?? [];
    list.push(c);
    byFact.set(c.fact, list);
  }
  const asked = new Map<Entity, number>();
  const seen = new Set<string>();
  const kept: QuestionDraft[] = [];
  let rotation = 0;

  for (const fact of facts) {
    const list = (byFact.get(fact) ?? []).filter((c) => c.draft !== null);
    const chosen = new Set<Considered>();
    const take = (c: Considered): boolean => {
      const draft = c.draft as QuestionDraft;
      const key = dedupeKey(draft);
      if (seen.has(key)) {
        c.dropped = 'the same question is already in the deck';
        return false;
      }
      seen.add(key);
      chosen.add(c);
      if (draft.entity !== null) asked.set(draft.entity, (asked.get(draft.entity) ?? 0) + 1);
      return true;
    };

    // 1. Each key of the fact not yet asked anywhere: one question, its kind taking turns.
    const entities: Entity[] = [];
    for (const c of list) if (c.draft?.entity != null && !entities.includes(c.draft.entity) && c.kind !== 'multi-select') entities.push(c.draft.entity);
    const firstTime = entities.filter((e) => (asked.get(e) ?? 0) === 0);
    for (const entity of firstTime) {
      const kinds = KIND_ROTATION[rotation % KIND_ROTATION.length] ?? [];
      rotation++;
      for (const kind of kinds) {
        const c = list.find((x) => x.kind === kind && x.draft?.entity === entity && !chosen.has(x));
        if (c !== undefined && take(c)) break;
      }
    }
    // A fact whose every key is new still gets one more question (a true/false, say).
    const cap = Math.max(MAX_PER_FACT, chosen.size + 1);
    // 2. Then true/false, a list, the role and dateline questions, then more on the keys: up to the cap.
    const rank = (c: Considered): number => {
      if (c.kind === 'true-false') return 0;
      if (c.kind === 'multi-select') return 1;
      if (fact.origin !== 'clause') return 2;
      return 3 + (asked.get(c.draft?.entity as Entity) ?? 0);
    };
    const rest = list.filter((c) => !chosen.has(c)).sort((a, b) => rank(a) - rank(b));
    for (const c of rest) {
      const draft = c.draft as QuestionDraft;
      if (chosen.size >= cap && fact.origin === 'clause') {
        c.dropped = `not needed: this fact already has ${chosen.size} questions`;
        continue;
      }
      if (draft.entity !== null && (asked.get(draft.entity) ?? 0) >= MAX_PER_KEY && c.kind !== 'multi-select') {
        c.dropped = `not needed: "${c.answer}" is already asked ${asked.get(draft.entity)} times`;
        continue;
      }
      take(c);
    }
    for (const c of list) if (chosen.has(c)) kept.push(c.draft as QuestionDraft);
  }
  return { kept, considered: out };
}
