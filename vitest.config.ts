import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The program keeps its start-up cache in the user's cache folder ($XDG_CACHE_HOME/factdeck): every
// process the tests start uses a throw-away one instead (removed by test/global-setup.ts), never ~/.cache.
const cacheHome = process.env.FACTDECK_TEST_CACHE_HOME ?? mkdtempSync(join(tmpdir(), 'factdeck-test-cache-'));
process.env.FACTDECK_TEST_CACHE_HOME = cacheHome;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests start real processes; two cores are all a machine here has.
    maxWorkers: 2,
    env: { XDG_CACHE_HOME: cacheHome },
    globalSetup: ['test/global-setup.ts'],
  },
});
