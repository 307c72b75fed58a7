// `factdeck export [--deck ID|PATH] --format anki|csv|json [--out FILE [--force] [--json]] [--raw]`: a deck
// as Anki's text import format, CSV or its JSON, to stdout or to a file. CSV and Anki cells that a
// spreadsheet would run as formulas get a leading apostrophe unless --raw. The deck is chosen as for quiz,
// except that several decks and no --deck is a usage error listing them (an export is for scripts as much
// as for people). An existing file is only replaced with --force, as import and build do with decks.

import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { EXPORT_FORMATS, exportDeck, isExportFormat } from '../bank/interop/export-deck.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { writeFileDurably } from '../storage/durable-file.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { openDeck } from './open-deck.js';

export interface ExportOptions {
  deck?: string;
  format: string;
  out?: string;
  /** Cells as the deck has them, even those a spreadsheet would run as formulas. */
  raw?: boolean;
  force?: boolean;
  json?: boolean;
}

export async function exportCommand(context: Context, options: ExportOptions): Promise<void> {
  const format = typeof options.format === 'string' ? options.format.trim().toLowerCase() : '';
  if (!isExportFormat(format)) {
    const given = typeof options.format === 'string' ? `--format ${JSON.stringify(printable(options.format, { singleLine: true }))} is not a format factdeck exports` : 'export needs --format';
    throw new UsageError(given, `use one of: ${EXPORT_FORMATS.join(', ')}`);
  }
  const target = options.out === undefined ? null : resolve(context.cwd, options.out);
  if (target === null && options.json) {
    throw new UsageError('--json describes the file written with --out; without --out the export itself is the output', 'add --out FILE, or leave out --json');
  }
  if (target !== null) {
    const info = await stat(target).catch(() => null);
    if (info?.isDirectory()) throw new UsageError(`--out ${printable(target, { singleLine: true })} is a folder`, 'give the path of a file to write, e.g. --out deck.txt');
    if (info && !options.force) {
      throw new UsageError(`${printable(target, { singleLine: true })} already exists`, 'add --force to replace it, or choose another file with --out');
    }
  }

  const { deck, article } = await openDeck(context, options.deck, null);
  const text = exportDeck(deck, article, format, { raw: options.raw === true });

  if (target === null) {
    // Exact bytes for a pipe; a terminal gets them through printable(), as all deck text does.
    context.stdout.write(context.stdout.isTTY ? printable(text) : text);
    return;
  }
  await writeFileDurably(target, text, { what: `the ${format} export` });
  if (options.json) {
    writeJson(context, { ok: true, file: target, format, deckId: deck.id, title: deck.title, facts: deck.facts.length, bytes: Buffer.byteLength(text) });
    return;
  }
  const near = relative(context.cwd, target);
  const shown = near === '' || near.startsWith('..') || isAbsolute(near) ? target : near;
  const what = format === 'json' ? 'the deck' : `${deck.facts.length} card${deck.facts.length === 1 ? '' : 's'}`;
  writeLine(context.stdout, `Exported ${what} of "${printable(deck.title, { singleLine: true })}" to ${printable(shown, { singleLine: true })} (${format}).`);
}
