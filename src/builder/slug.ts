// Deck folder names from titles: "U.S. Ambassador Visits Flood-Hit Counties" -> "us-ambassador-visits-flood-hit-counties".
// A deck's id is its folder's name, so a slug obeys the deck id rule: lowercase letters, digits, hyphens,
// at most 64 characters.

export const DECK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_SLUG = 64;

export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // "6.0 magnitude" -> "6-0-magnitude", not "60-magnitude"; "U.S." -> "us".
    .replace(/(\d)\.(?=\d)/g, '$1-')
    .replace(/[’'.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  if (slug === '' && words[0] !== undefined) slug = words[0].slice(0, MAX_SLUG);
  return slug === '' ? 'deck' : slug;
}

/** A title from a file name when the article has no headline: "hurricane-update.txt" -> "Hurricane update". */
export function titleFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '').replace(/[-_]+/g, ' ').trim();
  return stem === '' ? 'Untitled article' : stem.charAt(0).toUpperCase() + stem.slice(1);
}
