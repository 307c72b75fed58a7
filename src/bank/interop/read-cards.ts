// Card text (Anki's text format, CSV, TSV) -> cards with the line each came from, and every problem with
// its line. Pure; never throws on input.
//
// What is read:
// - Anki's file headers (https://docs.ankiweb.net/importing/text-files.html#file-headers): `#key:value`
//   lines at the top, after an optional legacy `tags:` line. Honoured: `separator` (Comma, Semicolon,
//   Tab, Space, Pipe, Colon or the character itself), `html` (true: tags stripped, entities decoded),
//   `tags` (tags for every card), `tags column`, `deck` (the title), `columns` (the first row is then a
//   card, never a header row), and `guid`, `notetype` and `deck` columns (skipped: they are not card
//   text). A bad value (`#separator:Dash`, `#html:maybe`) is a problem at its line, where Anki would
//   silently guess. Other `#` lines are comments, there and (as Anki reads them) anywhere in a file that
//   has them at its top.
// - Without headers the separator is guessed from the first line: a tab, else a comma in a .csv file,
//   else the first of `;` `,` `|` found (Anki's manual: "if Anki finds a ';' on the first line it will
//   use that, if it finds a comma it'll use that").
// - Columns: front, back, then tags (or the `#tags column`). A first row naming its columns
//   (front/question, back/answer, tags) is a header row and is skipped. More fields (a note type with
//   three or more) are left out: the first two are the card, and the rows are listed in `extraFields`.
// - A front holding Anki cloze markup ({{c1::...}}) is a cloze card; its back (Anki's "Back Extra") may
//   be empty.
// - Without an `#html` header, a file whose fields hold HTML (line breaks as <br>, <div>s, &nbsp;: an
//   export from an Anki older than 2.1.55 with "Include HTML" on) is read as HTML; Anki's exports with
//   "Include HTML" off hold plain text and are read as they are.
// - Fields are trimmed (except for leading spaces that keep a formula-like cell inert, formula-cells.ts;
//   a leading apostrophe that marks a cell as text is kept) and their line breaks made LF.
//
// Row problems (a missing back, text after a closing quote...) leave the other rows readable; `fatal` is
// set when nothing can be trusted (a bad header, a quote never closed, no card at all).

import { parseDelimited, stripBom, type LineProblem } from './delimited.js';
import { htmlToText } from './html-text.js';
import { trimKeepingInert } from './formula-cells.js';

export type CardFormat = 'anki' | 'csv' | 'tsv';

export interface ReadCard {
  /** The line the card's row starts on. */
  line: number;
  front: string;
  back: string;
  tags: string[];
  /** The front holds Anki cloze markup. */
  cloze?: boolean;
}

export interface CardText {
  format: CardFormat;
  /** From an Anki `#deck:` header, when there is one. */
  title: string | null;
  cards: ReadCard[];
  problems: LineProblem[];
  /** True when a problem concerns the whole file: no row can be imported. */
  fatal: boolean;
  /** Lines of rows with more than two fields (and tags), of which only the first two were read. */
  extraFields: number[];
}

const SEPARATOR_NAMES = new Map<string, string>([
  ['comma', ','],
  ['semicolon', ';'],
  ['tab', '\t'],
  ['space', ' '],
  ['pipe', '|'],
  ['colon', ':'],
]);
const SEPARATOR_CHARACTERS = new Set(SEPARATOR_NAMES.values());

const FRONT_LABELS = new Set(['front', 'question']);
const BACK_LABELS = new Set(['back', 'answer']);
const TAGS_LABELS = new Set(['tags', 'tag', '']);

interface Headers {
  separator: string | null;
  html: boolean;
  /** An `#html:` header was given (else HTML is recognised in the text). */
  htmlGiven: boolean;
  tags: string[];
  tagsColumn: number | null;
  /** 1-based columns that hold no card text: guid, notetype, deck. */
  skipColumns: Set<number>;
  columnLabels: boolean;
  title: string | null;
  /** True when the file starts with Anki headers or comments: `#` lines are comments throughout. */
  anki: boolean;
  /** Where the records start, and on which line. */
  bodyStart: number;
  bodyLine: number;
  problems: LineProblem[];
}

function splitTags(text: string): string[] {
  return text.split(/\s+/).filter((tag) => tag !== '');
}

function positive(value: string): number | null {
  return /^\s*[1-9][0-9]{0,5}\s*$/.test(value) ? Number(value) : null;
}

function readHeaders(text: string): Headers {
  const headers: Headers = {
    separator: null,
    html: false,
    htmlGiven: false,
    tags: [],
    tagsColumn: null,
    skipColumns: new Set(),
    columnLabels: false,
    title: null,
    anki: false,
    bodyStart: 0,
    bodyLine: 1,
    problems: [],
  };
  let at = 0;
  let line = 1;
  const nextLine = (): { text: string; end: number } => {
    const lf = text.indexOf('\n', at);
    const end = lf === -1 ? text.length : lf + 1;
    return { text: text.slice(at, lf === -1 ? text.length : lf).replace(/\r$/, ''), end };
  };
  const bad = (message: string, hint: string): void => {
    headers.problems.push({ line, message, hint });
  };

  for (let first = true; at < text.length; first = false) {
    const current = nextLine();
    if (first && current.text.startsWith('tags:')) {
      headers.tags.push(...splitTags(current.text.slice('tags:'.length)));
    } else if (current.text.startsWith('#')) {
      const colon = current.text.indexOf(':');
      if (colon !== -1) {
        const key = current.text.slice(1, colon).trim().toLowerCase();
        const value = current.text.slice(colon + 1);
        readHeader(headers, key, value, bad);
      }
    } else {
      break;
    }
    headers.anki = true;
    at = current.end;
    line++;
  }
  headers.bodyStart = at;
  headers.bodyLine = line;
  return headers;
}

function readHeader(headers: Headers, key: string, value: string, bad: (message: string, hint: string) => void): void {
  const column = (what: string, set: (n: number) => void): void => {
    const n = positive(value);
    if (n === null) bad(`#${what}:${value.trim()} is not a column number`, `write #${what}:3 (columns count from 1)`);
    else set(n);
  };
  switch (key) {
    case 'separator': {
      const named = SEPARATOR_NAMES.get(value.trim().toLowerCase());
      const separator = named ?? (SEPARATOR_CHARACTERS.has(value) ? value : null);
      if (separator === null) bad(`unknown separator "${value}"`, 'use Comma, Semicolon, Tab, Space, Pipe or Colon, or the character itself');
      else headers.separator = separator;
      break;
    }
    case 'html': {
      const flag = value.trim().toLowerCase();
      if (flag === 'true' || flag === 'false') {
        headers.html = flag === 'true';
        headers.htmlGiven = true;
      }
      else bad(`#html:${value.trim()} is neither true nor false`, 'write #html:true or #html:false');
      break;
    }
    case 'tags':
      headers.tags.push(...splitTags(value));
      break;
    case 'deck':
      if (value.trim() !== '') headers.title = value.trim();
      break;
    case 'columns':
      headers.columnLabels = true;
      break;
    case 'tags column':
      column('tags column', (n) => (headers.tagsColumn = n));
      break;
    case 'guid column':
    case 'notetype column':
    case 'deck column':
      column(key, (n) => headers.skipColumns.add(n));
      break;
    default:
      break; // notetype, and keys of later Anki versions: nothing a factdeck deck can hold
  }
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function guessSeparator(firstLine: string, extension: string): string {
  if (extension === 'tsv' || extension === 'tab' || firstLine.includes('\t')) return '\t';
  if (extension === 'csv' && firstLine.includes(',')) return ',';
  for (const candidate of [';', ',', '|']) if (firstLine.includes(candidate)) return candidate;
  return extension === 'txt' ? '\t' : ',';
}

/** HTML an old Anki export (no `#html` header) would hold: line breaks, blocks, formatting, entities. */
const LOOKS_LIKE_HTML = /<(?:br|div|p|b|i|u|span|img|font|li|ul|ol|sub|sup)\b[^>]*>|<\/(?:div|p|b|i|u|span|font|li|sub|sup)>|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i;
const MEDIA = /<img\b|\[sound:/i;
const CLOZE_MARK = /\{\{c\d+::/;

function cleanField(value: string, html: boolean): string {
  const text = html ? htmlToText(value) : value;
  return trimKeepingInert(text.replace(/\r\n?/g, '\n'));
}

function isHeaderRow(front: string, back: string, tags: string | undefined): boolean {
  const fold = (text: string): string => text.trim().toLowerCase();
  return FRONT_LABELS.has(fold(front)) && BACK_LABELS.has(fold(back)) && (tags === undefined || TAGS_LABELS.has(fold(tags)));
}

export function readCards(input: string, fileName: string): CardText {
  const text = stripBom(input);
  const headers = readHeaders(text);
  const body = text.slice(headers.bodyStart);
  const firstLine = /^[^\r\n]*/.exec(body.replace(/^[\r\n]+/, ''))?.[0] ?? '';
  const separator = headers.separator ?? guessSeparator(firstLine, extensionOf(fileName));
  const format: CardFormat = headers.anki ? 'anki' : separator === '\t' ? 'tsv' : 'csv';
  // A broken header (an unknown separator, say) would make every row below look broken too.
  if (headers.problems.length > 0) return { format, title: headers.title, cards: [], problems: headers.problems, fatal: true, extraFields: [] };
  const parsed = parseDelimited(body, { separator, comment: headers.anki ? '#' : undefined, firstLine: headers.bodyLine });
  const problems: LineProblem[] = [...parsed.problems];
  const fatal = parsed.problems.some((problem) => problem.message.startsWith('a quoted field is never closed'));
  const html = headers.htmlGiven ? headers.html : LOOKS_LIKE_HTML.test(body);
  const cards: ReadCard[] = [];
  const extraFields: number[] = [];

  parsed.records.forEach((record, index) => {
    const regular: string[] = [];
    let tagsField: string | undefined;
    record.fields.forEach((field, i) => {
      const column = i + 1;
      if (column === headers.tagsColumn) tagsField = field;
      else if (!headers.skipColumns.has(column)) regular.push(field);
    });
    if (headers.tagsColumn === null && regular.length >= 3) tagsField = regular.splice(2, 1)[0];
    const [rawFront, rawBack, ...extra] = regular;
    if (index === 0 && !headers.columnLabels && rawFront !== undefined && rawBack !== undefined && isHeaderRow(rawFront, rawBack, tagsField)) return;

    const line = record.line;
    if (rawFront === undefined || rawBack === undefined) {
      const found = record.fields.length;
      problems.push({
        line,
        message: `this row has ${found} field${found === 1 ? '' : 's'}; a card needs a front and a back`,
        hint: `separate front, back and tags with ${describeSeparator(separator)}, and put a field that holds one in double quotes`,
      });
      return;
    }
    if (extra.some((field) => field.trim() !== '')) extraFields.push(line);
    const front = cleanField(rawFront, html);
    const back = cleanField(rawBack, html);
    const cloze = CLOZE_MARK.test(front);
    const empty = (side: 'front' | 'back', raw: string): LineProblem =>
      MEDIA.test(raw)
        ? { line, message: `the ${side} of this card is only an image or a sound: factdeck asks and answers in text`, hint: `write the ${side === 'front' ? 'question' : 'answer'} as text` }
        : { line, message: `the ${side} of this card is empty`, hint: `write the ${side === 'front' ? 'question in the first' : 'answer in the second'} field` };
    if (front === '') problems.push(empty('front', rawFront));
    if (back === '' && !cloze) problems.push(empty('back', rawBack));
    if (front === '' || (back === '' && !cloze)) return;
    cards.push({ line, front, back, tags: [...splitTags(tagsField ?? ''), ...headers.tags], ...(cloze ? { cloze: true } : {}) });
  });

  if (cards.length === 0 && problems.length === 0) {
    problems.push({ line: null, message: 'the file holds no cards', hint: 'write one card per line: front, back and (optionally) tags' });
  }
  return { format, title: headers.title, cards, problems, fatal: fatal || cards.length === 0, extraFields };
}

function describeSeparator(separator: string): string {
  switch (separator) {
    case '\t':
      return 'a tab';
    case ' ':
      return 'a space';
    default:
      return `"${separator}"`;
  }
}
