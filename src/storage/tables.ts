// The database file's tables. The lists that grow with the facts a learner meets (a memory card and a
// progress record per fact, a tally per day and per kind) are written as a table: the field names once,
// then one row of values per record, in the order of the names:
//
//   "cards": {"fields": ["profile", "deckId", ...], "rows": [
//     ["default", "blinken-visit-beijing", ...],
//     ...
//   ]},
//
// Still JSON, a line per record, to read, search and edit by hand, at half the bytes of a record's
// object (its keys are not repeated on every line): half to read, hash and parse at every open. Optional
// fields come last and are left off the end of a row when absent. A record that does not fit its table
// (a field absent in the middle, a field the table does not know) is written as its object, in place;
// a list of objects (how version 4 wrote them) reads as well. Only this module knows the layout: past
// decodeTables, the data is lists of records as before.

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

/** The file's value with its large lists as tables. */
export function withTables<T extends object>(data: T): T {
  const out: JsonObject = { ...(data as JsonObject) };
  for (const name of TABLE_NAMES) {
    const list = out[name];
    if (Array.isArray(list)) out[name] = tableOf(name, list as object[]);
  }
  return out as T;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return typeof value === 'object' ? 'an object' : String(value);
}

/** The records of a table (or a list of them, as it is); problems are added with their JSON paths. */
function decodeTable(name: TableName, value: TableValue, problems: string[]): unknown[] {
  const table = TABLES[name];
  const fields = value.fields;
  const known = new Set(table.fields);
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    if (typeof field !== 'string' || !known.has(field)) {
      problems.push(`${name}.fields[${i}] must be one of ${table.fields.map((f) => JSON.stringify(f)).join(', ')}, not ${describe(field)}`);
    } else if (seen.has(field)) {
      problems.push(`${name}.fields[${i}] names "${field}" a second time`);
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
      problems.push(`${name}.rows[${i}] has ${row.length} values for ${fields.length} fields`);
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
