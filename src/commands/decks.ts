// `factdeck decks`: the decks factdeck knows, with their fact and question counts and the kinds present.

import { relative } from 'node:path';
import { loadAllDecks } from '../bank/load-decks.js';
import { QUESTION_KINDS } from '../domain/deck.js';
import { builtInQuestionsDir } from '../paths.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { createStyle } from '../ui/style.js';

export async function decksCommand(context: Context, options: { json?: boolean }): Promise<void> {
  const dir = builtInQuestionsDir(context.root);
  // A folder's name is data: it may hold escape sequences.
  const shown = (path: string): string => printable(relative(context.cwd, path) || path, { singleLine: true });
  const reports = await loadAllDecks(dir);
  const rows = reports.map((report) => {
    const deck = report.loaded?.deck;
    const kinds = deck ? QUESTION_KINDS.filter((kind) => deck.questions.some((q) => q.kind === kind)) : [];
    return {
      id: deck?.id ?? relative(dir, report.dir),
      title: deck?.title ?? null,
      origin: deck?.origin ?? null,
      facts: deck?.facts.length ?? 0,
      questions: deck?.questions.length ?? 0,
      kinds,
      topics: deck ? [...new Set(deck.facts.map((fact) => fact.topic))] : [],
      problems: report.problems.length,
      path: report.dir,
    };
  });
  if (options.json) {
    writeJson(context, { decks: rows });
    return;
  }
  if (rows.length === 0) {
    writeLine(context.stdout, `No decks in ${shown(dir)}. Write one (see README) or run \`factdeck build ARTICLE\`.`);
    return;
  }
  const style = createStyle(context.color);
  for (const row of rows) {
    writeLine(context.stdout, `${style.bold(printable(row.id, { singleLine: true }))}  ${printable(row.title ?? '(unreadable)', { singleLine: true })}`);
    if (row.problems > 0) {
      writeLine(context.stdout, `  ${style.red(`${row.problems} problem${row.problems === 1 ? '' : 's'}`)}: run \`factdeck check ${shown(row.path)}\``);
    }
    writeLine(context.stdout, `  ${row.facts} facts, ${row.questions} questions; kinds: ${row.kinds.join(', ') || 'none'}`);
    if (row.topics.length > 0) writeLine(context.stdout, `  topics: ${row.topics.map((t) => printable(t, { singleLine: true })).join(', ')}`);
  }
}
