// `factdeck check [PATH]`: validate one deck or every deck (built-in and the learner's), print every problem with its
// file, line and column, JSON path, id and a hint; exit 1 if there are any.

import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DECK_FILE, listDeckDirs, loadAllDecks, loadDeck, type DeckReport } from '../bank/load-decks.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { ReportedFailure } from '../errors.js';
import { printable } from '../ui/printable.js';
import { renderProblem } from '../ui/render-problems.js';
import { writeJson } from './json-output.js';
import { createStyle } from '../ui/style.js';
import { deckLoading, openLibrary } from './open-deck.js';

export async function readReports(context: Context, path: string | undefined, options: { data?: string } = {}): Promise<DeckReport[]> {
  // Every deck is checked in full; one that passes is remembered, so the next quiz need not check it.
  const loading = { ...deckLoading(context), checkInFull: true };
  if (path === undefined) {
    const library = await openLibrary(context, options, loading);
    return library.decks.map((entry) => entry.report);
  }
  const target = resolve(context.cwd, path);
  // A folder without deck.json but with deck folders inside (like questions/) is checked deck by deck.
  if (!existsSync(join(target, DECK_FILE)) && (await listDeckDirs(target).catch(() => [])).length > 0) {
    return loadAllDecks(target, loading);
  }
  return [await loadDeck(target, loading)];
}

export async function checkCommand(context: Context, path: string | undefined, options: { json?: boolean; data?: string }): Promise<void> {
  const reports = await readReports(context, path, options);
  // Paths hold folder names, which are data too: a folder may be named with escape sequences.
  const display = (file: string): string => printable(relative(context.cwd, file) || file, { singleLine: true });
  const total = reports.reduce((sum, report) => sum + report.problems.length, 0);

  if (options.json) {
    const decks = reports.map((report) => ({
      file: report.file,
      deckId: report.loaded?.deck.id ?? null,
      ok: report.problems.length === 0,
      facts: report.loaded?.deck.facts.length ?? null,
      questions: report.loaded?.deck.questions.length ?? null,
      problems: report.problems.map((problem) => ({
        file: report.file,
        line: problem.location?.line ?? null,
        column: problem.location?.column ?? null,
        path: problem.path,
        id: problem.id ?? null,
        code: problem.code,
        message: problem.message,
        hint: problem.hint,
      })),
    }));
    writeJson(context, { ok: total === 0, problems: total, decks });
    if (total > 0) throw new ReportedFailure();
    return;
  }

  const style = createStyle(context.color);
  if (reports.length === 0) {
    writeLine(context.stdout, `No decks found in ${path === undefined ? 'the built-in decks or yours' : display(resolve(context.cwd, path))}.`);
    return;
  }
  for (const report of reports) {
    const file = display(report.file);
    if (report.problems.length === 0 && report.loaded) {
      const { deck } = report.loaded;
      writeLine(context.stdout, `${style.green('ok')}  ${file}  (${deck.facts.length} facts, ${deck.questions.length} questions)`);
      continue;
    }
    for (const problem of report.problems) {
      const where = problem.location ? `${file}:${problem.location.line}:${problem.location.column}` : file;
      for (const line of renderProblem({ where, path: problem.path, id: problem.id, message: problem.message, hint: problem.hint }, style)) writeLine(context.stdout, line);
    }
  }
  const bad = reports.filter((report) => report.problems.length > 0).length;
  if (total > 0) {
    writeLine(context.stdout, `\n${total} problem${total === 1 ? '' : 's'} in ${bad} of ${reports.length} deck${reports.length === 1 ? '' : 's'}.`);
    throw new ReportedFailure();
  }
  writeLine(context.stdout, `\n${reports.length} deck${reports.length === 1 ? '' : 's'} checked: no problems.`);
}
