// One order for machine strings (ISO times, ids): by UTF-16 code units. Pure.

/**
 * Compares by code units: for ISO times that is time order, and for ids one fixed order, whatever the
 * user's locale. (localeCompare follows the locale, and its first call loads ICU's collator: about 5 ms,
 * paid before the first question when a quiz orders the facts already seen.)
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Labels whose code-unit order is the order localeCompare gives them (space, hyphen, digits, a-z). */
const PLAIN_LABEL = /^[a-z0-9 -]*$/;

/**
 * Compares labels shown to a person (topics, kinds, names) as localeCompare does, without loading ICU's
 * collator (about 10 ms at its first call) when both are plain lower-case labels, whose code-unit order
 * is the same.
 */
export function byLabel(a: string, b: string): number {
  return PLAIN_LABEL.test(a) && PLAIN_LABEL.test(b) ? byCodeUnits(a, b) : a.localeCompare(b);
}
