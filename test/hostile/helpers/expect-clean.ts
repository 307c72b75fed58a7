// The check every plain-mode hostile test makes: nothing forbidden in the raw bytes or the decoded text of
// stdout and stderr, and no stack trace.

import { expect } from 'vitest';
import { STACK_TRACE } from '../../helpers/cli-run.js';
import { firstForbidden, forbiddenBytes } from './hostile-deck.js';
import type { RawResult } from '../../helpers/sandbox.js';

export function expectClean(result: RawResult): void {
  expect(forbiddenBytes(result.stdout), 'stdout bytes').toEqual([]);
  expect(forbiddenBytes(result.stderr), 'stderr bytes').toEqual([]);
  expect(firstForbidden(result.out), 'stdout').toBeNull();
  expect(firstForbidden(result.err), 'stderr').toBeNull();
  expect(result.err).not.toMatch(STACK_TRACE);
}
