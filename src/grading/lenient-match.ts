// Lenient comparison of one typed answer against the forms that are accepted for it (the question's answer,
// its accept list and the learner's own aliases), each widened by the built-in alias table.

import { aliasFormsOf } from './aliases.js';
import { editDistance } from './edit-distance.js';
import { answerTokens } from './normalize-answer.js';
import type { WordCheck } from './real-words.js';
import { typoDistance } from './typo-tolerance.js';

export interface LenientMatch {
  match: boolean;
  /** Right only within typo tolerance. */
  typo: boolean;
  /** The accepted form (as given in `accepted`) that matched. */
  matched?: string;
  /**
   * For a typo: the accepted spelling nearest to what was typed, the one to show ("mind the spelling").
   * The matched form itself, or the built-in alias of it that was nearer ("Department of State").
   */
  spelling?: string;
}

interface Candidate {
  form: string;
  spelled: string;
  tokens: readonly string[];
}

function candidatesOf(accepted: readonly string[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const form of accepted) {
    if (typeof form !== 'string') continue;
    const normalized = answerTokens(form).join(' ');
    if (normalized === '') continue;
    for (const alias of aliasFormsOf(normalized, form)) candidates.push({ form, spelled: alias.spelled, tokens: alias.normalized.split(' ') });
  }
  return candidates;
}

/**
 * Whether `given` is one of the `accepted` answers, leniently; exact matches win over typos, and of two
 * typos the nearer wins. `isRealWord` (see real-words.ts) keeps a typed real word from passing as a typo.
 */
export function isLenientMatch(given: string, accepted: readonly string[], isRealWord?: WordCheck): LenientMatch {
  if (typeof given !== 'string') return { match: false, typo: false };
  const tokens = answerTokens(given);
  if (tokens.length === 0) return { match: false, typo: false };
  const text = tokens.join(' ');
  const candidates = candidatesOf(accepted);
  const exact = candidates.find((candidate) => candidate.tokens.join(' ') === text);
  if (exact !== undefined) return { match: true, typo: false, matched: exact.form };
  // The nearest: fewest edits between normal forms, then (between forms that normalize alike, such as
  // "China’s Foreign Minister" and "Chinese Foreign Minister") fewest edits as written.
  let best: { candidate: Candidate; distance: number; written: number } | null = null;
  const typed = given.trim().toLowerCase();
  for (const candidate of candidates) {
    const distance = typoDistance(tokens, candidate.tokens, isRealWord);
    if (distance === null || (best !== null && distance > best.distance)) continue;
    const written = editDistance(typed, candidate.spelled.toLowerCase());
    if (best === null || distance < best.distance || written < best.written) best = { candidate, distance, written };
  }
  return best === null ? { match: false, typo: false } : { match: true, typo: true, matched: best.candidate.form, spelling: best.candidate.spelled };
}
