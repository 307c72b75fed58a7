// Which build of factdeck is running, for what it remembers having checked (decks in the user cache
// folder, the database file it wrote): the file its code was loaded from (the bundle, or this module
// under the tests), by size, modification time and inode. Any build, install or upgrade makes a new one.

import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let stamp: string | undefined;

export function programStamp(): string {
  if (stamp === undefined) {
    try {
      const info = statSync(fileURLToPath(import.meta.url));
      stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
    } catch {
      stamp = 'unknown';
    }
  }
  return stamp;
}
