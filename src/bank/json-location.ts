// Where things are in a JSON text: the line and column of a syntax error, and of every value by its path.
// JSON.parse reports only a character position (or nothing, at the end of the input); people need lines.

export interface TextLocation {
  line: number;
  column: number;
}

export function locationAt(text: string, offset: number): TextLocation {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** The position in a JSON.parse error message, or the end of the text when it names none. */
export function syntaxErrorLocation(text: string, message: string): TextLocation {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return locationAt(text, Number(position));
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  return locationAt(text, text.length);
}

/** A short reason from a JSON.parse message, without Node's position suffix. */
export function syntaxErrorReason(message: string): string {
  return message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^JSON\.parse: /, '')
    .trim();
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
  let line = 0;
  // Offsets were recorded in increasing order, so one pass over the line starts suffices.
  for (const [path, { offset }] of found) {
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= offset) line++;
    lines.set(path, { line: line + 1, column: offset - (lineStarts[line] as number) + 1 });
  }
  return lines;
}
