// One answer committed to a data folder, the way `quiz` does it: an attempt and its card's rating recorded
// as one fsynced append. Writes the time record() took (ms) to <data>/commit-ms.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir] = process.argv.slice(2);
const root = new URL('..', import.meta.url).pathname;
const { Store } = await import(join(root, 'dist', 'storage', 'store.js'));
const { ratingEvent } = await import(join(root, 'dist', 'storage', 'progress.js'));

const store = await Store.open(dataDir);
const now = new Date();
const start = process.hrtime.bigint();
await store.record((data) => [
  {
    type: 'attempt',
    attempt: { id: `bench-${process.pid}`, sessionId: 'bench', profile: 'default', deckId: 'deck-10k', questionId: 'c00000001', factId: 'f00000001', kind: 'cloze', given: 'x', correct: true, at: now.toISOString(), ms: 1000 },
  },
  ratingEvent(data, { id: `bench-r-${process.pid}`, profile: 'default', deckId: 'deck-10k', factId: 'f00000001', rating: 'good', now, attemptId: `bench-${process.pid}`, source: 'quiz' }),
]);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
writeFileSync(join(dataDir, 'commit-ms'), String(ms));
await store.close();
