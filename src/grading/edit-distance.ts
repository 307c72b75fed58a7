// Edit distance between two short strings: the Damerau-Levenshtein distance in its "optimal string
// alignment" form, where an adjacent transposition ("Bejiing" -> "Beijing") costs one edit, like a typo does.

/** The number of insertions, deletions, substitutions and adjacent transpositions that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  const width = t.length + 1;
  // Rows i-2, i-1 and i of the usual matrix, kept flat.
  let previous2 = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= s.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (previous2[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[t.length] ?? 0;
}
