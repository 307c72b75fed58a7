// The builder must find an article's names by itself: no name, place or date of the seed article may be
// written into its code (a gazetteer that knew them would make the seed article's test meaningless).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BUILDER = join(ROOT, 'src', 'builder');
// Calendar words ("June", "Wednesday") are not on the list: every date pattern needs all of them.
const FORBIDDEN = [
  'Blinken', 'Antony', 'Beijing', 'Qin', 'Gang', 'Bali', 'Jinping', 'Biden', 'Joe', 'Xi', 'Russia', 'Russian',
  'China', 'Chinese', 'Washington', 'United States', 'US', 'State Department', 'June 16', '16 to 21', 'last year',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('src/builder knows nothing of the seed article', () => {
  const files = sources(BUILDER);

  it('has source files to scan', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(FORBIDDEN)('never mentions %s', (name) => {
    const pattern = new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u');
    const hits = files.filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(hits).toEqual([]);
  });
});
