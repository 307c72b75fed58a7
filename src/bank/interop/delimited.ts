// Delimiter-separated text, the one grammar under CSV (RFC 4180), TSV and Anki's text files: records of
// fields; a field in double quotes may hold the separator, line breaks and doubled quotes. Pure, and it
// never throws on input: every problem comes back as a value with the line it was found on.
//
// Reading is lenient where the formats in the wild disagree and strict where guessing would corrupt data:
// - a record ends at CRLF, LF or a lone CR; blank lines are skipped (as Anki does);
// - a quote inside an unquoted field is an ordinary character (`5" screen`);
// - text after a closing quote (`"Hello," she said`) is a problem, not silently joined;
// - a quote left open is a problem reported at the line where it opened, and ends the reading (what
//   follows is all inside the quote, so no later line can be trusted).

import { neutralizeFormula } from './formula-cells.js';

export interface DelimitedRecord {
  /** The line the record starts on, 1-based, counted in the whole file. */
  line: number;
  fields: string[];
}

export interface LineProblem {
  /** 1-based line in the file; null for a problem of the whole file. */
  line: number | null;
  message: string;
  hint: string;
}

export interface DelimitedParse {
  records: DelimitedRecord[];
  problems: LineProblem[];
}

export interface ParseOptions {
  separator: string;
  /** Records starting with this character are comments (Anki's `#`). None by default. */
  comment?: string;
  /** The line number of the text's first line (when headers were cut off before it). Default 1. */
  firstLine?: number;
}

export interface FormatOptions {
  separator: string;
  /** Ends every record, the last one included. */
  lineEnd: '\r\n' | '\n';
  /** Quote fields that start with `#`, so a reader that takes `#` lines as comments keeps them. */
  quoteLeadingHash?: boolean;
  /** Give a field a spreadsheet could run as a formula a leading apostrophe (see formula-cells.ts). */
  neutralizeFormulas?: boolean;
}

const QUOTE = '"';
const LF = 10;
const CR = 13;

/** Line breaks in a piece of text: CRLF counts once, as do a lone LF and a lone CR. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/** Index just past the line break at `i` (CRLF, LF or CR). */
function pastLineBreak(text: string, i: number): number {
  return text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
}

function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

/** Index of the next line break at or after `i`, or the text's length. */
function lineEndFrom(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isLineBreak(text.charCodeAt(j))) j++;
  return j;
}

export function parseDelimited(text: string, options: ParseOptions): DelimitedParse {
  const separator = options.separator.charCodeAt(0);
  const comment = options.comment?.charCodeAt(0);
  const records: DelimitedRecord[] = [];
  const problems: LineProblem[] = [];
  const n = text.length;
  let line = options.firstLine ?? 1;
  let i = 0;

  while (i < n) {
    const first = text.charCodeAt(i);
    if (isLineBreak(first)) {
      i = pastLineBreak(text, i);
      line++;
      continue;
    }
    if (comment !== undefined && first === comment) {
      i = lineEndFrom(text, i);
      continue;
    }

    const recordLine = line;
    const fields: string[] = [];
    let trouble: string | null = null;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE.charCodeAt(0)) {
        const openedOn = line;
        let value = '';
        let from = i + 1;
        let closed = false;
        for (;;) {
          const q = text.indexOf(QUOTE, from);
          if (q === -1) break;
          const chunk = text.slice(from, q);
          value += chunk;
          line += countLineBreaks(chunk);
          if (text[q + 1] === QUOTE) {
            value += QUOTE;
            from = q + 2;
            continue;
          }
          i = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          problems.push({
            line: openedOn,
            message: 'a quoted field is never closed: the quote that opens it has no closing quote',
            hint: 'close the field with " (and write a quote inside a quoted field as "")',
          });
          return { records, problems };
        }
        fields.push(value);
        if (i < n && text.charCodeAt(i) !== separator && !isLineBreak(text.charCodeAt(i))) {
          trouble = 'text follows the closing quote of a field';
          i = lineEndFrom(text, i);
          break;
        }
      } else {
        const start = i;
        while (i < n && text.charCodeAt(i) !== separator && !isLineBreak(text.charCodeAt(i))) i++;
        fields.push(text.slice(start, i));
      }
      if (i < n && text.charCodeAt(i) === separator) {
        i++;
        continue;
      }
      break;
    }
    if (i < n) {
      i = pastLineBreak(text, i);
      line++;
    }
    if (trouble !== null) {
      problems.push({ line: recordLine, message: trouble, hint: 'put the whole field in quotes and double the quotes inside it: "say ""hi"" twice"' });
    } else {
      records.push({ line: recordLine, fields });
    }
  }
  return { records, problems };
}

export function formatField(field: string, options: FormatOptions): string {
  const value = options.neutralizeFormulas === true ? neutralizeFormula(field) : field;
  const needsQuotes =
    value.includes(options.separator) ||
    value.includes(QUOTE) ||
    value.includes('\n') ||
    value.includes('\r') ||
    (options.quoteLeadingHash === true && value.startsWith('#'));
  return needsQuotes ? `${QUOTE}${value.replaceAll(QUOTE, QUOTE + QUOTE)}${QUOTE}` : value;
}

/** One record per row. A row of one empty field is written `""` so it does not read as a blank line. */
export function formatDelimited(rows: readonly (readonly string[])[], options: FormatOptions): string {
  let out = '';
  for (const row of rows) {
    const record = row.length === 1 && row[0] === '' ? '""' : row.map((field) => formatField(field, options)).join(options.separator);
    out += record + options.lineEnd;
  }
  return out;
}

/** RFC 4180: comma-separated, CRLF after every record. Fields starting with `#` are quoted too (allowed by
 * the RFC) so the file survives Anki, which reads `#` lines as comments. */
export const CSV_FORMAT: FormatOptions = { separator: ',', lineEnd: '\r\n', quoteLeadingHash: true };

/** Anki's text format as its own exporter writes it: tab-separated, LF, `#` fields quoted. */
export const ANKI_FORMAT: FormatOptions = { separator: '\t', lineEnd: '\n', quoteLeadingHash: true };

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return formatDelimited(rows, CSV_FORMAT);
}

export function parseCsv(text: string): DelimitedParse {
  return parseDelimited(stripBom(text), { separator: ',' });
}

/** A leading byte order mark is not content. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
