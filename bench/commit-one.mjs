// Answers committed to a data folder the way `quiz` does it: an attempt and its card's rating recorded as
// one fsynced append. Six answers in one process, as in a quiz; the first pays for building the store's
// lookups once per run, so the figure is the median of the other five. Writes it (ms) to <data>/commit-ms.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir] = process.argv.slice(2);
const root = new URL('..', import.meta.url).pathname;
const { Store } = await import(join(root, 'dist', 'storage', 'store.js'));
const { ratingEvent } = await import(join(root, 'dist', 'storage', 'progress.js'));

const store = await Store.open(dataDir);
const times = [];
for (let i = 0; i < 6; i++) {
  const now = new Date();
  const attemptId = `bench-${process.pid}-${i}`;
  const factId = `f${(1 + i * 37).toString(36).padStart(8, '0')}`;
  const start = process.hrtime.bigint();
  await store.record((data) => [
    {
      type: 'attempt',
      attempt: { id: attemptId, sessionId: 'bench', profile: 'default', deckId: 'deck-10k', questionId: `c${factId.slice(1)}`, factId, kind: 'cloze', given: 'x', correct: true, at: now.toISOString(), ms: 1000 },
    },
    ratingEvent(data, { id: `r-${attemptId}`, profile: 'default', deckId: 'deck-10k', factId, rating: 'good', now, attemptId, source: 'quiz' }),
  ]);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const rest = times.slice(1).sort((a, b) => a - b);
writeFileSync(join(dataDir, 'commit-ms'), String(rest[Math.floor(rest.length / 2)]));
await store.close();
