// Where the program's own files are: the package root, its built-in decks.

import { join } from 'node:path';
import { findPackageRoot } from './storage/data-dir.js';

/** The folder holding factdeck's package.json, found from this module's location (dist/ or src/). */
export function packageRoot(): string {
  return findPackageRoot(import.meta.url);
}

export function builtInQuestionsDir(root: string = packageRoot()): string {
  return join(root, 'questions');
}
