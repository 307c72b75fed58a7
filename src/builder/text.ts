// Small text helpers shared by the builder: folding for comparisons, whole-word search, casing.

const folded = new Map<string, string>();

/** Lower case, straight apostrophes, no diacritics, single spaces, no leading "the": for comparing names. */
export function foldName(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = fold(text);
    if (folded.size > 50000) folded.clear();
    folded.set(text, out);
  }
  return out;
}

function fold(text: string): string {
  // Diacritics only need stripping outside ASCII (most English text is ASCII but for its quotes).
  const plain = /^[\u0020-\u007e\s‘’“”—–]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    // "5–4" under a title that writes "5-4": every dash between two characters is one hyphen.
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `needle` occurs in `haystack` as whole words, compared folded. */
export function containsWords(haystack: string, needle: string): boolean {
  return wordFinder(haystack)(needle);
}

/** A test of "does this text hold these words", folding the text once for many needles. */
export function wordFinder(haystack: string): (needle: string) => boolean {
  const h = foldName(haystack);
  return (needle: string): boolean => {
    const n = foldName(needle);
    if (n.length < 2) return false;
    for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + 1)) {
      const before = at === 0 ? '' : h.charAt(at - 1);
      const after = h.charAt(at + n.length);
      if ((before === '' || !WORD_CHAR.test(before)) && (after === '' || !WORD_CHAR.test(after))) return true;
    }
    return false;
  };
}

/**
 * The first place from `from` on where `text` holds `literal` with `before` true at its start and `after`
 * matching at its end, or null. Both are sticky patterns ("y"): `before` of lookbehinds, `after` of what
 * may or must follow (its match is returned). The same as searching with
 * `new RegExp(before.source + escapeRegExp(literal) + after.source, 'u')`, without compiling a pattern for
 * each literal: V8 compiles every new source afresh, and one with Unicode classes costs about a
 * millisecond, many times over in a long article's build.
 */
export function findLiteral(text: string, literal: string, before: RegExp, after: RegExp, from = 0): { index: number; after: RegExpExecArray } | null {
  if (literal === '') return null;
  for (let at = text.indexOf(literal, from); at >= 0; at = text.indexOf(literal, at + 1)) {
    before.lastIndex = at;
    if (!before.test(text)) continue;
    after.lastIndex = at + literal.length;
    const found = after.exec(text);
    if (found !== null) return { index: at, after: found };
  }
  return null;
}

/**
 * A test of `text` by quick patterns (the gates of the number and date finders), each tried at most once
 * however many patterns share it.
 */
export function gateTester(text: string): (gate: RegExp) => boolean {
  const holds = new Map<RegExp, boolean>();
  return (gate) => {
    let passes = holds.get(gate);
    if (passes === undefined) {
      passes = gate.test(text);
      holds.set(gate, passes);
    }
    return passes;
  };
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** "PASADENA" -> "Pasadena"; words already in mixed case stay as they are. */
export function titleCaseShouting(text: string): string {
  return text.replace(/\p{Lu}{2,}/gu, (word) => (word.length <= 3 && /^[A-Z]+$/.test(word) && text === word ? word : word.charAt(0) + word.slice(1).toLowerCase()));
}

/** Folds runs of white space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Tidies text after words were cut out of it: doubled spaces, space before punctuation, stray commas. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?’”)])/g, '$1')
    .replace(/([(“‘])\s+/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/^[\s,;:]+/, '')
    .replace(/[\s,;:]+$/, '')
    .trim();
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/**
 * The words of a name that tell it from others: capitalised, three letters or more, and none of the
 * words many names share (`common` holds those, lower case): "Hapsburg" of "Hapsburg Empire", "Kellin" of
 * "University of Kellin Pasteur Centre".
 */
export function distinctiveWords(name: string, common: (lower: string) => boolean): string[] {
  return name
    .replace(/^the /i, '')
    .split(/[\s,]+/)
    .filter((word) => /^\p{Lu}[\p{L}'’.-]{2,}$/u.test(word) && !common(word.toLowerCase()));
}

/** The edit (Levenshtein) distance of two short words: "Kelinor" and "Kellinor" are 1 apart. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] ?? Math.max(a.length, b.length);
}
