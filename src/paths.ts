// Where the program's own files are (the package root, its built-in decks) and the user's cache folder.

import { isAbsolute, join } from 'node:path';
import { findPackageRoot } from './storage/data-dir.js';

/** The folder holding factdeck's package.json, found from this module's location (dist/ or src/). */
export function packageRoot(): string {
  return findPackageRoot(import.meta.url);
}

export function builtInQuestionsDir(root: string = packageRoot()): string {
  return join(root, 'questions');
}

/**
 * The user's cache folder for factdeck: $XDG_CACHE_HOME/factdeck (a relative one is ignored, as the XDG
 * spec says), else ~/.cache/factdeck; null without a home folder. The same rule as bin/factdeck.cjs's
 * folder for the start-up code cache: what may be thrown away and made again, never progress.
 */
export function userCacheDir(env: Record<string, string | undefined>, homeDir: () => string): string | null {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'factdeck');
  let home: string;
  try {
    home = homeDir();
  } catch {
    return null;
  }
  return home ? join(home, '.cache', 'factdeck') : null;
}
