// Before --force replaces a deck (import, build), its files are kept: moved into the deck folder's
// `.replaced/<time>/`, the newest three kept. A deck someone edited by hand is never lost to a re-import.

import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTICLE_FILE, DECK_FILE } from './load-decks.js';

export const REPLACED_DIR = '.replaced';
export const REPLACED_KEPT = 3;

/** Moves the deck's files aside; returns where they went, or null when there was nothing to keep. */
export async function keepReplacedDeck(dir: string, now: Date): Promise<string | null> {
  const present = (await readdir(dir).catch(() => [] as string[])).filter((name) => name === DECK_FILE || name === ARTICLE_FILE);
  if (present.length === 0) return null;
  const keptRoot = join(dir, REPLACED_DIR);
  const kept = join(keptRoot, now.toISOString().replaceAll(':', '-'));
  await mkdir(kept, { recursive: true });
  for (const name of present) await rename(join(dir, name), join(kept, name));
  const all = (await readdir(keptRoot)).sort();
  for (const old of all.slice(0, Math.max(0, all.length - REPLACED_KEPT))) await rm(join(keptRoot, old), { recursive: true, force: true });
  return kept;
}
