// Where things are in a JSON text: the line and column of a syntax error, and of every value by its path.
// Decks and the database are files people may repair by hand, so problems point at lines and columns.

export interface TextLocation {
  line: number;
  column: number;
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/**
 * Maps every value's path (`questions[12].answer`) to where the value starts. Only called on text that
 * JSON.parse accepted, so the scanner can be simple.
 */
export function locateValues(text: string): Map<string, TextLocation> {
  const found = new Map<string, { offset: number }>();
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: (string | number)[]): void => {
    skipSpace();
    found.set(formatPath(path), { offset: i });
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      while (text[i] !== '}' && i < text.length) {
        skipSpace();
        const key = readString();
        skipSpace();
        i++; // colon
        readValue([...path, key]);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '[') {
      i++;
      skipSpace();
      let index = 0;
      while (text[i] !== ']' && i < text.length) {
        readValue([...path, index++]);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && /[^\s,\]}]/.test(text[i] as string)) i++;
    }
  };
  readValue([]);
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lines = new Map<string, TextLocation>();
  // Offsets are not always in the map's order: a path met twice (a key given twice, or the key "" whose
  // path is the whole document's) keeps its first place with the later offset, as JSON.parse keeps the
  // later value. So each offset's line is found by a search of the line starts.
  for (const [path, { offset }] of found) {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    lines.set(path, { line: low + 1, column: offset - (lineStarts[low] as number) + 1 });
  }
  return lines;
}

// JSON.parse says where it failed differently in every Node version (and sometimes not at all), so after
// it fails we walk the text once ourselves to point at the spot.

export interface JsonErrorLocation {
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  reason: string;
}

class Stop {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {}
}

/** The first syntax error in `text`, or null when it is valid JSON. Only called on text JSON.parse refused. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;

  const describe = (index: number): string => {
    if (index >= text.length) return 'the text ends too soon (was the file cut short?)';
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return `unexpected control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return `unexpected ${JSON.stringify(text.charAt(index))}`;
  };
  const fail = (reason?: string): never => {
    throw new Stop(i, reason ?? describe(i));
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const expect = (char: string, what: string): void => {
    if (text.charAt(i) !== char) fail(`${describe(i)}, expected ${what}`);
    i += 1;
  };

  const string = (): void => {
    expect('"', 'a double-quoted string');
    for (;;) {
      if (i >= text.length) fail();
      const char = text.charAt(i);
      const code = text.charCodeAt(i);
      if (char === '"') {
        i += 1;
        return;
      }
      if (code < 0x20) fail(`${describe(i)} inside a string`);
      if (char === '\\') {
        i += 1;
        const escape = text.charAt(i);
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape in a string');
          i += 5;
        } else if ('"\\/bfnrt'.includes(escape) && escape !== '') {
          i += 1;
        } else {
          fail('bad escape in a string');
        }
      } else {
        i += 1;
      }
    }
  };

  const number = (): void => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (match === null || match[0] === '-' || match[0] === '') fail();
    i += (match as RegExpExecArray)[0].length;
  };

  const literal = (word: string): void => {
    const rest = text.slice(i, i + word.length);
    if (rest === word) {
      i += word.length;
      return;
    }
    if (word.startsWith(rest) && i + rest.length >= text.length) {
      i = text.length;
      fail();
    }
    badToken();
  };

  /** Something that is no JSON value at all: name the whole word, not its first wrong letter. */
  const badToken = (): never => {
    const token = /^[^\s,:[\]{}"]{1,20}/.exec(text.slice(i))?.[0] ?? text.charAt(i);
    return fail(`unexpected ${JSON.stringify(token)}, expected a value`);
  };

  const value = (): void => {
    skipSpace();
    const char = text.charAt(i);
    if (char === '{') {
      i += 1;
      skipSpace();
      if (text.charAt(i) === '}') {
        i += 1;
        return;
      }
      for (;;) {
        skipSpace();
        string();
        skipSpace();
        expect(':', '":"');
        value();
        skipSpace();
        if (text.charAt(i) === ',') {
          i += 1;
          continue;
        }
        expect('}', '"," or "}"');
        return;
      }
    }
    if (char === '[') {
      i += 1;
      skipSpace();
      if (text.charAt(i) === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text.charAt(i) === ',') {
          i += 1;
          continue;
        }
        expect(']', '"," or "]"');
        return;
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char >= '0' && char <= '9')) return number();
    if (i >= text.length) fail();
    badToken();
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail(`${describe(i)} after the end of the data`);
    return null;
  } catch (error) {
    // Nesting deep enough to exhaust the stack: the caller still reports the JSON as invalid, without a place.
    if (error instanceof RangeError) return null;
    if (!(error instanceof Stop)) throw error;
    return { ...lineAndColumn(text, error.index), reason: error.reason };
  }
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < index && k < text.length; k += 1) {
    if (text.charAt(k) === '\n') {
      line += 1;
      lineStart = k + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
