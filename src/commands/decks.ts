// `factdeck decks`: the learner's decks and the built-in ones, each with its origin, fact and question
// counts, suspended questions, and the profile's progress on it (facts seen, cards due, the last score).

import { isAbsolute, relative } from 'node:path';
import type { LibraryDeck } from '../bank/library.js';
import { QUESTION_KINDS } from '../domain/deck.js';
import { outlineWithoutSuspended, suspendedIds } from '../domain/suspension.js';
import { buildStudyQueue } from '../scheduling/study-queue.js';
import { cardsFor, firstReviewTimes, settingsFor } from '../storage/progress.js';
import type { DatabaseData } from '../storage/schema.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { createStyle } from '../ui/style.js';
import { openLibrary } from './open-deck.js';
import { checkProfile, readStore, terminalWidth } from './run-session.js';
import { wrapText } from '../ui/wrap.js';
import { byCodeUnits } from '../domain/order.js';

export interface DecksOptions {
  data?: string;
  profile?: string;
  json?: boolean;
}

interface DeckProgress {
  seen: number;
  due: number;
  lastScore: { correct: number; answered: number; percent: number; at: string } | null;
}

function progressOf(entry: LibraryDeck, data: DatabaseData, profile: string, now: Date): { progress: DeckProgress; suspended: number } {
  const loaded = entry.report.loaded;
  if (loaded === null) return { progress: { seen: 0, due: 0, lastScore: null }, suspended: 0 };
  const deck = loaded.outline;
  const suspended = suspendedIds(data.suspended, profile, deck.id);
  const active = outlineWithoutSuspended(loaded, suspended);
  const factIds = new Set(deck.facts.map((f) => f.id));
  const seen = new Set([
    ...data.facts.filter((f) => f.profile === profile && f.deckId === deck.id && factIds.has(f.factId)).map((f) => f.factId),
    ...data.cards.filter((c) => c.profile === profile && c.deckId === deck.id && factIds.has(c.factId)).map((c) => c.factId),
  ]).size;
  const settings = settingsFor(data, profile);
  const due = buildStudyQueue(active, cardsFor(data, profile, deck.id), firstReviewTimes(data, profile, deck.id), now, settings).due.length;
  const last = data.sessions
    .filter((s) => s.profile === profile && s.deckId === deck.id && s.mode === 'quiz' && s.status !== 'active' && s.answered > 0)
    .sort((a, b) => byCodeUnits(a.startedAt, b.startedAt))
    .at(-1);
  const lastScore = last === undefined ? null : { correct: last.correct, answered: last.answered, percent: Math.round((last.correct / last.answered) * 100), at: last.endedAt ?? last.startedAt };
  return { progress: { seen, due, lastScore }, suspended: deck.questions.filter((q) => suspended.has(q.id)).length };
}

export async function decksCommand(context: Context, options: DecksOptions): Promise<void> {
  const profile = checkProfile(options.profile ?? 'default');
  const library = await openLibrary(context, options);
  const store = await readStore(context, options);
  const data = store.data();
  await store.close();
  const now = context.now();
  // A folder's name is data: it may hold escape sequences.
  const shown = (path: string): string => {
    const near = relative(context.cwd, path);
    return printable(near === '' || near.startsWith('..') || isAbsolute(near) ? path : near, { singleLine: true });
  };
  // Wrapped between words at the terminal's width, as everything shown is; a pipe gets whole lines.
  const width = context.stdout.isTTY ? terminalWidth(context) : undefined;
  const say = (line = ''): void => writeLine(context.stdout, width === undefined ? line : wrapText(line, width));
  const rows = library.decks.map((entry) => {
    const { report } = entry;
    // Counted from the deck's outline: no question is read in full.
    const deck = report.loaded?.outline;
    const kinds = deck ? QUESTION_KINDS.filter((kind) => deck.questions.some((q) => q.kind === kind)) : [];
    const { progress, suspended } = progressOf(entry, data, profile, now);
    return {
      id: entry.id,
      title: deck?.title ?? null,
      place: entry.place,
      /** A built-in deck the learner has an edited copy of (the copy is used). */
      replacedByYours: entry.shadowed,
      origin: deck?.origin ?? null,
      facts: deck?.facts.length ?? 0,
      questions: deck?.questions.length ?? 0,
      suspended,
      kinds,
      topics: deck ? [...new Set(deck.facts.map((fact) => fact.topic))] : [],
      problems: report.problems.length,
      path: report.dir,
      progress,
    };
  });
  if (options.json) {
    writeJson(context, { profile, libraryDir: library.libraryDir, builtInDir: library.builtInDir, decks: rows });
    return;
  }
  const style = createStyle(context.color);
  const section = (place: LibraryDeck['place']): void => {
    const mine = rows.filter((row) => row.place === place);
    const heading = place === 'yours' ? `Your decks (${shown(library.libraryDir)})` : `Built-in decks (read-only; \`factdeck edit\` makes your own copy)`;
    say(style.bold(heading));
    if (mine.length === 0) {
      say(place === 'yours' ? '  none yet: `factdeck learn ARTICLE` makes one from an article (.txt or a saved .html page)' : '  none');
      return;
    }
    for (const row of mine) {
      const title = printable(row.title ?? '(unreadable)', { singleLine: true });
      say(`  ${style.bold(printable(row.id, { singleLine: true }))}  ${title}${row.replacedByYours ? style.dim('  (your edited copy is used)') : ''}`);
      if (row.problems > 0) {
        say(`    ${style.red(`${row.problems} problem${row.problems === 1 ? '' : 's'}`)}: run \`factdeck check ${shown(row.path)}\``);
      }
      const suspended = row.suspended > 0 ? `, ${row.suspended} suspended` : '';
      const origin = row.origin === null ? '' : `${row.origin} · `;
      say(`    ${origin}${row.facts} facts, ${row.questions} questions${suspended}; kinds: ${row.kinds.join(', ') || 'none'}`);
      if (row.topics.length > 0) say(`    topics: ${row.topics.map((t) => printable(t, { singleLine: true })).join(', ')}`);
      const { seen, due, lastScore } = row.progress;
      const score = lastScore === null ? 'no quiz yet' : `last quiz ${lastScore.correct}/${lastScore.answered} (${lastScore.percent}%)`;
      say(`    ${style.dim(`you: ${seen} of ${row.facts} facts seen, ${due} due, ${score}`)}`);
    }
  };
  section('yours');
  say();
  section('built-in');
}
