// Where the program's own files are: the package root, its built-in decks.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found from this module's location (dist/ or src/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('factdeck cannot find its package.json');
    dir = parent;
  }
  return dir;
}

export function builtInQuestionsDir(root: string = packageRoot()): string {
  return join(root, 'questions');
}
