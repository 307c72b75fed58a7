// `factdeck export [--deck ID|PATH] --format anki|csv|json [--out FILE]`: a deck as Anki's text import
// format, CSV or its JSON, to stdout or to a file. The deck is chosen as for quiz, except that several
// decks and no --deck is a usage error listing them (an export is for scripts as much as for people).

import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { EXPORT_FORMATS, exportDeck, isExportFormat } from '../bank/interop/export-deck.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { writeFileDurably } from '../storage/durable-file.js';
import { printable } from '../ui/printable.js';
import { openDeck } from './open-deck.js';
import { activeDeck } from './quiz.js';
import { checkProfile, readStore } from './run-session.js';

export interface ExportOptions {
  deck?: string;
  data?: string;
  profile?: string;
  /** Include the questions this profile suspended (left out otherwise). */
  all?: boolean;
  format: string;
  out?: string;
}

export async function exportCommand(context: Context, options: ExportOptions): Promise<void> {
  const format = typeof options.format === 'string' ? options.format.trim().toLowerCase() : '';
  if (!isExportFormat(format)) {
    const given = typeof options.format === 'string' ? `--format ${JSON.stringify(printable(options.format, { singleLine: true }))} is not a format factdeck exports` : 'export needs --format';
    throw new UsageError(given, `use one of: ${EXPORT_FORMATS.join(', ')}`);
  }
  const target = options.out === undefined ? null : resolve(context.cwd, options.out);
  if (target !== null) {
    const info = await stat(target).catch(() => null);
    if (info?.isDirectory()) throw new UsageError(`--out ${target} is a folder`, 'give the path of a file to write, e.g. --out deck.txt');
  }

  const loaded = await openDeck(context, options.deck, null, options);
  const { article } = loaded;
  let deck = loaded.deck;
  let left = 0;
  if (options.all !== true) {
    const store = await readStore(context, options);
    deck = activeDeck(store, checkProfile(options.profile ?? 'default'), loaded.deck);
    await store.close();
    left = loaded.deck.questions.length - deck.questions.length;
  }
  const text = exportDeck(deck, article, format);
  // Said on stderr: stdout may be the export itself.
  if (left > 0) writeLine(context.stderr, `(${left} suspended question${left === 1 ? ' is' : 's are'} left out; --all includes ${left === 1 ? 'it' : 'them'})`);

  if (target === null) {
    // Exact bytes for a pipe; a terminal gets them through printable(), as all deck text does.
    context.stdout.write(context.stdout.isTTY ? printable(text) : text);
    return;
  }
  await writeFileDurably(target, text, { what: `the ${format} export` });
  const near = relative(context.cwd, target);
  const shown = near === '' || near.startsWith('..') || isAbsolute(near) ? target : near;
  const what = format === 'json' ? 'the deck' : `${deck.facts.length} card${deck.facts.length === 1 ? '' : 's'}`;
  writeLine(context.stdout, `Exported ${what} of "${printable(deck.title, { singleLine: true })}" to ${printable(shown, { singleLine: true })} (${format}).`);
}
