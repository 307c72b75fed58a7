// `--json` output, for scripts: one JSON document on standard output per run, written through
// printableJson (data from decks and the database may hold control characters). Every document starts
// with "version", the version of that command's shape; docs/json.md describes each shape (a JSON Schema
// per command, which test/json-shapes.test.ts holds every command's output to). A shape's version goes up
// when a key is removed, renamed or changes its type; new keys keep it.

import { writeLine, type Context } from '../context.js';
import { printableJson } from '../ui/printable.js';

export function writeJson(context: Pick<Context, 'stdout'>, value: Record<string, unknown>, version = 1): void {
  writeLine(context.stdout, printableJson({ version, ...value }));
}
