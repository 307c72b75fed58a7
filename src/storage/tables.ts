// The database file's layout of the records that grow with the facts a learner meets (a memory card and
// a progress record per fact, a tally per day and per kind). They are kept per deck, each deck a section
// of the file's last field, "decks", and each list in it a table: the field names once, then one row of
// values per record, in the order of the names:
//
//   "decks": [
//     {"deckId": "blinken-visit-beijing",
//       "cards": {"fields": ["profile", "deckId", ...], "rows": [
//         ["default", "blinken-visit-beijing", ...],
//         ...
//       ]},
//       "facts": ...,
//       "kinds": ...,
//       "days": ...},
//     {"deckId": ...}
//   ]
//
// Still JSON, a line per record, to read, search and edit by hand, at half the bytes of a record's object
// (its keys are not repeated on every line). And a command on one deck parses only that deck's section
// of a file this build wrote (findSections, then parseDatabase), decoding no other part of it: a learner's
// other decks cost it nothing until it needs them.
// Optional fields come last and are left off the end of a row when absent. A record that does not fit its
// table (a field absent in the middle, a field the table does not know) is written as its object, in
// place; lists of objects (how version 4 wrote them, at the top level) read as well. Only this module
// knows the layout: past it, the data is lists of records as before.

type JsonObject = Record<string, unknown>;
type Row = readonly unknown[];

interface Table {
  /** The field names: the required ones, then the optional ones (present only as a prefix of them). */
  fields: readonly string[];
  required: number;
  /** The record of a row in `fields`' order, as one object literal per length (one shape each); null: another length. */
  make(row: Row): JsonObject | null;
}

export const TABLE_NAMES = ['cards', 'facts', 'kinds', 'days'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const TABLES: Readonly<Record<TableName, Table>> = {
  cards: {
    fields: ['profile', 'deckId', 'factId', 'firstSeen', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview', 'firstSource'],
    required: 14,
    make: (r) => {
      if (r.length === 14) {
        return { profile: r[0], deckId: r[1], factId: r[2], firstSeen: r[3], due: r[4], stability: r[5], difficulty: r[6], elapsedDays: r[7], scheduledDays: r[8], learningSteps: r[9], reps: r[10], lapses: r[11], state: r[12], lastReview: r[13] };
      }
      if (r.length === 15) {
        return { profile: r[0], deckId: r[1], factId: r[2], firstSeen: r[3], due: r[4], stability: r[5], difficulty: r[6], elapsedDays: r[7], scheduledDays: r[8], learningSteps: r[9], reps: r[10], lapses: r[11], state: r[12], lastReview: r[13], firstSource: r[14] };
      }
      return null;
    },
  },
  facts: {
    fields: ['profile', 'deckId', 'factId', 'attempts', 'correct', 'lastCorrect', 'lastAt', 'lastKind', 'lastQuestionId', 'lastAttemptId'],
    required: 10,
    make: (r) =>
      r.length === 10 ? { profile: r[0], deckId: r[1], factId: r[2], attempts: r[3], correct: r[4], lastCorrect: r[5], lastAt: r[6], lastKind: r[7], lastQuestionId: r[8], lastAttemptId: r[9] } : null,
  },
  kinds: {
    fields: ['profile', 'deckId', 'kind', 'attempts', 'correct'],
    required: 5,
    make: (r) => (r.length === 5 ? { profile: r[0], deckId: r[1], kind: r[2], attempts: r[3], correct: r[4] } : null),
  },
  days: {
    fields: ['profile', 'deckId', 'day', 'answers', 'studied', 'reviewed', 'recalled'],
    required: 5,
    make: (r) => {
      if (r.length === 5) return { profile: r[0], deckId: r[1], day: r[2], answers: r[3], studied: r[4] };
      if (r.length === 7) return { profile: r[0], deckId: r[1], day: r[2], answers: r[3], studied: r[4], reviewed: r[5], recalled: r[6] };
      return null;
    },
  },
};

/** A table as the file holds it. */
export interface TableValue {
  fields: string[];
  rows: (unknown[] | object)[];
}

export function isTableValue(value: unknown): value is TableValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as TableValue).fields) && Array.isArray((value as TableValue).rows);
}

/** The row of a record, or null when it does not fit the table (it is then written as its object). */
function rowOf(record: JsonObject, table: Table): unknown[] | null {
  const count = Object.keys(record).length;
  if (count < table.required || count > table.fields.length) return null;
  const row = new Array<unknown>(count);
  for (let i = 0; i < count; i++) {
    const name = table.fields[i] as string;
    const value = record[name];
    if (value === undefined || !Object.hasOwn(record, name)) return null;
    row[i] = value;
  }
  return row;
}

/** The list as the file writes it: a table, or (empty) the empty list. */
export function tableOf(name: TableName, records: readonly object[]): TableValue | [] {
  if (records.length === 0) return [];
  const table = TABLES[name];
  return { fields: [...table.fields], rows: records.map((record) => rowOf(record as JsonObject, table) ?? record) };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return typeof value === 'object' ? 'an object' : String(value);
}

/** The records of a table (or a list of them, as it is); problems are added with their JSON paths. */
function decodeTable(name: TableName, value: TableValue, problems: string[], path: string = name): unknown[] {
  const table = TABLES[name];
  const fields = value.fields;
  const known = new Set(table.fields);
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    if (typeof field !== 'string' || !known.has(field)) {
      problems.push(`${path}.fields[${i}] must be one of ${table.fields.map((f) => JSON.stringify(f)).join(', ')}, not ${describe(field)}`);
    } else if (seen.has(field)) {
      problems.push(`${path}.fields[${i}] names "${field}" a second time`);
    }
    seen.add(field as string);
  });
  if (problems.length > 0) return [];
  const canonical = fields.length === table.fields.length && fields.every((field, i) => field === table.fields[i]);
  const records = new Array<unknown>(value.rows.length);
  for (let i = 0; i < value.rows.length; i++) {
    const row = value.rows[i];
    if (!Array.isArray(row)) {
      // A record that did not fit (or a hand-written one): its object, checked as any record is.
      records[i] = row;
      continue;
    }
    const made = canonical ? table.make(row) : null;
    if (made !== null) {
      records[i] = made;
      continue;
    }
    if (row.length > fields.length) {
      problems.push(`${path}.rows[${i}] has ${row.length} values for ${fields.length} fields`);
      continue;
    }
    // Field names are known ones (checked above), never "__proto__": plain assignment is safe.
    const record: JsonObject = {};
    for (let j = 0; j < row.length; j++) record[fields[j] as string] = row[j];
    records[i] = record;
  }
  return records;
}

/**
 * Turns the file's tables back into lists of records, in place. A table's problems (an unknown field,
 * a row too long) are added to `problems`; what is not a table is left for validation to judge.
 */
export function decodeTables(value: JsonObject, problems: string[]): void {
  for (const name of TABLE_NAMES) {
    const field = value[name];
    if (isTableValue(field)) value[name] = decodeTable(name, field, problems);
  }
}

/** The lists kept per deck, as records. */
export type DeckLists = Record<TableName, unknown[]>;

/** An empty list per table name (of records, or of anything else kept per record). */
export function emptyLists<T = unknown>(): Record<TableName, T[]> {
  return { cards: [], facts: [], kinds: [], days: [] };
}

/** The file's "decks": a section per deck, in code-unit order of their ids, each list a table. */
export function sectionsOf(data: Readonly<Record<TableName, readonly object[]>>): object[] {
  const byDeck = new Map<string, Record<TableName, object[]>>();
  for (const name of TABLE_NAMES) {
    for (const record of data[name]) {
      // Every record was validated before a write: its deckId is a string.
      const deckId = String((record as { deckId?: unknown }).deckId);
      let lists = byDeck.get(deckId);
      if (lists === undefined) {
        lists = emptyLists<object>();
        byDeck.set(deckId, lists);
      }
      lists[name].push(record);
    }
  }
  return [...byDeck.keys()].sort().map((deckId) => {
    const lists = byDeck.get(deckId) as Record<TableName, object[]>;
    return { deckId, cards: tableOf('cards', lists.cards), facts: tableOf('facts', lists.facts), kinds: tableOf('kinds', lists.kinds), days: tableOf('days', lists.days) };
  });
}

/** The file's value: its own fields, then the per-deck lists as sections of tables, last. */
export function fileValue(data: object): JsonObject {
  const out: JsonObject = { ...(data as JsonObject) };
  const lists = {} as Record<TableName, object[]>;
  for (const name of TABLE_NAMES) {
    lists[name] = Array.isArray(out[name]) ? (out[name] as object[]) : [];
    delete out[name];
  }
  out.decks = sectionsOf(lists);
  return out;
}

/**
 * A deck's section as layoutDatabase writes it: its first field on the opening line, every other on its
 * own line, a table's or list's records each on a line of their own.
 */
export function layoutSection(section: unknown, last: boolean, lines: string[]): void {
  const end = last ? '' : ',';
  const entries = typeof section === 'object' && section !== null && !Array.isArray(section) ? Object.entries(section).filter(([, value]) => value !== undefined) : [];
  if (entries.length === 0) {
    lines.push(`    ${JSON.stringify(section) ?? 'null'}${end}`);
    return;
  }
  const records = (list: readonly unknown[]): void => {
    list.forEach((record, i) => lines.push(`        ${JSON.stringify(record) ?? 'null'}${i === list.length - 1 ? '' : ','}`));
  };
  entries.forEach(([name, value], i) => {
    const key = JSON.stringify(name);
    const close = i === entries.length - 1 ? `}${end}` : ',';
    if (i === 0) {
      lines.push(`    {${key}: ${JSON.stringify(value)}${i === entries.length - 1 ? `}${end}` : ','}`);
    } else if (isTableValue(value) && Object.keys(value).length === 2 && value.rows.length > 0) {
      lines.push(`      ${key}: {"fields": ${JSON.stringify(value.fields)}, "rows": [`);
      records(value.rows);
      lines.push(`      ]}${close}`);
    } else if (Array.isArray(value) && value.length > 0) {
      lines.push(`      ${key}: [`);
      records(value);
      lines.push(`      ]${close}`);
    } else {
      lines.push(`      ${key}: ${JSON.stringify(value)}${close}`);
    }
  });
}

/** Where each deck's section lies in a file's bytes, found without parsing it. */
export interface SectionSpan {
  deckId: string;
  from: number;
  to: number;
}

const SECTION_MARK = '\n    {"deckId": ';
const DECKS_LINE = '\n  "decks": [';
const DECKS_END = '\n  ]\n}';

/**
 * The sections of a file laid out as layoutDatabase lays it out ("decks" its last field), found in its
 * bytes by their opening lines, and the end of what comes before them (the file's other fields); null when
 * the file is not laid out so. Records sit deeper than a section's opening line, and hold no line ends.
 * Offsets are of bytes: a command decodes the head and its own decks' sections only, never the whole file.
 */
export function findSections(bytes: Buffer): { headEnd: number; spans: SectionSpan[] } | null {
  // A raw line end is never inside a JSON string, and only the top level's fields sit two spaces in: the
  // first such line is the field (searched forwards; backwards, through every section, it cost more).
  const decksAt = bytes.indexOf(DECKS_LINE);
  if (decksAt < 1 || bytes[decksAt - 1] !== 44 /* , */) return null;
  const closeAt = bytes.lastIndexOf(DECKS_END);
  const spans: SectionSpan[] = [];
  let at = nextSection(bytes, decksAt);
  while (at >= 0 && at < closeAt) {
    const idEnd = bytes.indexOf(',\n', at + SECTION_MARK.length);
    if (idEnd < 0) return null;
    let deckId: unknown;
    try {
      deckId = JSON.parse(bytes.toString('utf8', at + SECTION_MARK.length, idEnd));
    } catch {
      return null;
    }
    if (typeof deckId !== 'string') return null;
    const next = nextSection(bytes, idEnd);
    // A section ends before the comma that leads to the next one, or at the close of the list.
    const to = next >= 0 && next < closeAt ? next - 1 : closeAt;
    spans.push({ deckId, from: at + 1, to });
    at = next;
  }
  const rest = decksAt + DECKS_LINE.length;
  if (spans.length === 0 && !(bytes[rest] === 0x5b /* [ */ && bytes[rest + 1] === 0x5d) /* ] */) return null;
  return { headEnd: decksAt - 1, spans };
}

const SECTION_OPEN = Buffer.from(SECTION_MARK.trimStart(), 'utf8');
const SECTION_INDENT = SECTION_MARK.length - SECTION_OPEN.length;

/**
 * Where the next section's opening line starts at or after `from` (-1: none). Searched by its brace, rare
 * in the file (a row is an array), not by its line end, which starts every row: the search skips ahead on
 * the needle's first byte, so this is several times faster through a section of ten thousand rows.
 */
function nextSection(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf(SECTION_OPEN, from + SECTION_INDENT); at >= 0; at = bytes.indexOf(SECTION_OPEN, at + 1)) {
    if (bytes.toString('latin1', at - SECTION_INDENT, at) === SECTION_MARK.slice(0, SECTION_INDENT)) return at - SECTION_INDENT;
  }
  return -1;
}

/**
 * Adds a deck section's records to `into` (and, when given, each record's JSON path to `paths`);
 * problems of its shape go to `problems`.
 */
export function takeSection(section: unknown, path: string, into: DeckLists, problems: string[], paths?: Record<TableName, string[]>): void {
  if (typeof section !== 'object' || section === null || Array.isArray(section) || typeof (section as JsonObject).deckId !== 'string') {
    problems.push(`${path} must be a deck's section ({"deckId": "...", "cards": ..., "facts": ..., "kinds": ..., "days": ...}), not ${describe(section)}`);
    return;
  }
  for (const name of TABLE_NAMES) {
    const value = (section as JsonObject)[name];
    if (value === undefined) continue;
    let records: unknown[];
    const where = `${path}.${name}`;
    const table = isTableValue(value);
    if (table) records = decodeTable(name, value, problems, where);
    else if (Array.isArray(value)) records = value;
    else {
      problems.push(`${where} must be a list or a table ({"fields": [...], "rows": [...]}), not ${describe(value)}`);
      continue;
    }
    const list = into[name];
    for (const record of records) list.push(record);
    if (paths !== undefined) for (let i = 0; i < records.length; i++) paths[name].push(table ? `${where}.rows[${i}]` : `${where}[${i}]`);
  }
}

/**
 * Turns a parsed file's "decks" into lists of records at the top level, in place (after any lists already
 * there), and returns each record's JSON path in the file, for problems to name.
 */
export function flattenSections(value: JsonObject, problems: string[]): Record<TableName, string[]> {
  const paths = emptyLists<string>();
  for (const name of TABLE_NAMES) {
    const list = value[name];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) paths[name].push(`${name}[${i}]`);
  }
  const decks = value.decks;
  if (decks === undefined) return paths;
  delete value.decks;
  if (!Array.isArray(decks)) {
    problems.push(`decks must be a list of deck sections, not ${describe(decks)}`);
    return paths;
  }
  const into = emptyLists();
  decks.forEach((section, i) => takeSection(section, `decks[${i}]`, into, problems, paths));
  for (const name of TABLE_NAMES) {
    const list = value[name];
    if (list === undefined) value[name] = into[name];
    else if (Array.isArray(list)) for (const record of into[name]) list.push(record);
  }
  return paths;
}
