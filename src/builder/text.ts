// Small text helpers shared by the builder: folding for comparisons, whole-word search, casing.

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower case, straight apostrophes, no diacritics, single spaces, no leading "the": for comparing names. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Whether `needle` occurs in `haystack` as whole words, compared folded. */
export function containsWords(haystack: string, needle: string): boolean {
  const n = foldName(needle);
  if (n.length < 2) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(n)}($|[^\\p{L}\\p{N}])`, 'u').test(foldName(haystack));
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
