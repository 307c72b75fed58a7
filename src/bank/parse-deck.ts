// deck.json text -> a validated deck, or every problem with its line and column. Pure.

import { locateJsonError, locateValues, type TextLocation } from './json-location.js';
import { validateDeck, type DeckProblem, type ValidationContext, type ValidationResult } from './validate-deck.js';

export interface LocatedProblem extends DeckProblem {
  /** Where in the file, when known. */
  location?: TextLocation;
}

export interface ParseResult extends ValidationResult {
  problems: LocatedProblem[];
}

/** The nearest located ancestor of a path: a missing field is reported where its object starts. */
export function nearestLocation(locations: Map<string, TextLocation>, path: string): TextLocation | undefined {
  for (let current = path; ; ) {
    const found = locations.get(current);
    if (found !== undefined || current === '') return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut <= 0 ? '' : current.slice(0, cut);
  }
}

/** A deck nests four deep (questions[3].choices[1]); past this, nothing can be right anyway. */
const MAX_LOCATED_DEPTH = 32;
/** Far more values than a real deck holds (the seed deck has about a thousand). */
const MAX_LOCATED_VALUES = 250_000;

/**
 * Whether the locator would take too long on `value`: nesting deeper than MAX_LOCATED_DEPTH or more than
 * MAX_LOCATED_VALUES values. Walked without recursion, stopping as soon as it knows.
 */
function tooLargeToLocate(value: unknown): boolean {
  const stack: [object, number][] = typeof value === 'object' && value !== null ? [[value, 0]] : [];
  let seen = 1;
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [container, depth] = top;
    if (depth >= MAX_LOCATED_DEPTH) return true;
    const children: unknown[] = Array.isArray(container) ? container : Object.values(container);
    seen += children.length;
    if (seen > MAX_LOCATED_VALUES) return true;
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Where each value starts. Not for hostile shapes (JSON.parse takes any depth and size): the locator
 * recurses and records every value's path, so thousands of levels cost seconds or exhaust the stack, and
 * millions of values gigabytes. Such a file's problems are reported without their line and column.
 */
export function locateProblemValues(body: string, raw: unknown): Map<string, TextLocation> {
  if (tooLargeToLocate(raw)) return new Map();
  try {
    return locateValues(body);
  } catch (error) {
    if (error instanceof RangeError) return new Map();
    throw error;
  }
}

export function parseDeckText(text: string, context: ValidationContext): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    const found = locateJsonError(body);
    const location = found === null ? { line: 1, column: 1 } : { line: found.line, column: found.column };
    return {
      deck: null,
      problems: [
        {
          code: 'json-syntax',
          path: '',
          location,
          message: body.trim() === '' ? 'the file is empty' : `invalid JSON: ${found?.reason ?? 'not valid JSON'}`,
          hint: 'fix the JSON at that line and column (a missing comma or quote is the usual cause)',
        },
      ],
    };
  }
  const result = validateDeck(raw, context);
  if (result.problems.length === 0) return result;
  const locations = locateProblemValues(body, raw);
  return {
    deck: result.deck,
    problems: result.problems.map((problem) => {
      const location = nearestLocation(locations, problem.path);
      return location === undefined ? problem : { ...problem, location };
    }),
  };
}
