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

/**
 * Where each value starts; empty for nesting deep enough to exhaust the stack (JSON.parse takes any depth,
 * the locator recurses): the problems are still reported, without their line and column.
 */
function locateValuesIfShallow(body: string): Map<string, TextLocation> {
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
  const locations = locateValuesIfShallow(body);
  return {
    deck: result.deck,
    problems: result.problems.map((problem) => {
      const location = nearestLocation(locations, problem.path);
      return location === undefined ? problem : { ...problem, location };
    }),
  };
}
