// Once per test run. vitest.config.ts gives every process the tests start a throw-away cache folder (as
// XDG_CACHE_HOME), so the real ~/.cache is never written. Here: before the tests, a short plain quiz of the
// built program fills it, as a user's first run fills theirs, so that test processes start as the
// program usually does (with its compiled code cached) rather than all compiling at once; after the
// tests, the folder is removed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export default function setup(): () => void {
  const cacheHome = process.env.FACTDECK_TEST_CACHE_HOME;
  const bin = join(ROOT, 'bin', 'factdeck.cjs');
  if (cacheHome !== undefined && existsSync(join(ROOT, 'dist', 'factdeck.cjs'))) {
    const data = mkdtempSync(join(tmpdir(), 'factdeck-warm-'));
    try {
      const deck = join(ROOT, 'questions', 'blinken-visit-beijing');
      spawnSync(process.execPath, [bin, 'quiz', '--plain', '-n', '3', '--seed', '1', '--deck', deck, '--data', data], {
        input: '\n\n\n',
        env: { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' },
        timeout: 30_000,
      });
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }
  return () => {
    if (cacheHome !== undefined && cacheHome.includes('factdeck-test-cache-')) rmSync(cacheHome, { recursive: true, force: true });
  };
}
