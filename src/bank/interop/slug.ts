// Folder names from titles: what `import` calls a deck when the user gives only a title or a file name.
// The result is always a valid deck id (lowercase letters, digits, hyphens, at most 64 characters), so a
// title like "../../etc" can never name a folder outside questions/.

export const DECK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const FALLBACK = 'imported-deck';

export function isDeckId(text: string): boolean {
  return DECK_ID_PATTERN.test(text);
}

/** "Blinken’s visit, Beijing" -> "blinkens-visit-beijing"; "../../etc" -> "etc"; "" -> "imported-deck". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents go, their letters stay: "Zürich" -> "zurich"
    .toLowerCase()
    .replace(/['’‘`]/g, '') // "Blinken’s" -> "blinkens", not "blinken-s"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? FALLBACK : slug;
}

/** A file name without its folder and last extension: "/tmp/My cards.csv" -> "My cards". */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
