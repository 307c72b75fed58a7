// The program's clock. FACTDECK_NOW (an ISO time) sets where it starts, for demos and tests of
// scheduling; time then runs on from it. Everything that needs "now" gets it from here.

import { UsageError } from './errors.js';

export type Clock = () => Date;

export function createClock(env: Record<string, string | undefined>, realNow: () => number = Date.now): Clock {
  const fixed = env.FACTDECK_NOW;
  if (fixed === undefined || fixed.trim() === '') return () => new Date(realNow());
  const start = Date.parse(fixed);
  if (Number.isNaN(start)) {
    throw new UsageError(`FACTDECK_NOW is not a time: ${JSON.stringify(fixed)}`, 'use an ISO time such as 2026-06-01T09:00:00Z, or unset it');
  }
  const realStart = realNow();
  return () => new Date(start + (realNow() - realStart));
}
