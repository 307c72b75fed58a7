// Which deck `--deck WORD` means: its id, or the one id that begins with WORD (built decks have ids of up
// to 64 characters), or, when none does, the ids WORD nearly spells, for a "did you mean". Pure.

import { editDistance } from '../grading/edit-distance.js';

export type DeckMatch = { id: string } | { ambiguous: string[] } | { near: string[] };

/** Edits allowed for a near miss: a slip of one or two keys, a few more in a long id. */
function slack(length: number): number {
  return Math.max(2, Math.floor(length / 6));
}

export function matchDeckId(ids: readonly string[], wanted: string): DeckMatch {
  if (ids.includes(wanted)) return { id: wanted };
  const starting = ids.filter((id) => id.startsWith(wanted));
  if (starting.length === 1) return { id: starting[0] as string };
  if (starting.length > 1) return { ambiguous: starting };
  // A misspelt id, or a misspelt beginning of one.
  const near = ids.filter((id) => editDistance(id, wanted) <= slack(wanted.length) || (wanted.length >= 3 && editDistance(id.slice(0, wanted.length), wanted) <= slack(wanted.length) - 1));
  return { near };
}
