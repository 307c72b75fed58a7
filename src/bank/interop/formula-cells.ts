// Spreadsheet formula injection ("CSV injection", OWASP): a spreadsheet program that opens a CSV or
// tab-separated file runs a cell starting with = + - or @ as a formula (a tab or a CR at the start can
// do the same), and a formula can fetch a web address or, in old versions, start a program. An export
// is a file people open in a spreadsheet, and deck text comes from anywhere (an imported file, an article),
// so such a cell gets a leading apostrophe, which spreadsheets read as "this is text" and do not show.
// Leading spaces are not trusted to keep a cell inert (an import option can trim them), and the
// full-width forms of the four signs are treated like them.

/** A cell a spreadsheet could take for a formula. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

export function isFormulaLike(cell: string): boolean {
  return FORMULA_START.test(cell);
}

/** The cell as an export writes it: with a leading apostrophe when it could run as a formula. */
export function neutralizeFormula(cell: string): string {
  return isFormulaLike(cell) ? `'${cell}` : cell;
}

/**
 * Trims a field, except for leading white space that keeps a formula-like start inert: `"  =1+1"` is
 * text in a spreadsheet, and trimming must not turn it into a formula.
 */
export function trimKeepingInert(text: string): string {
  const trimmed = text.trim();
  return /^\s/u.test(text) && isFormulaLike(trimmed) ? text.trimEnd() : trimmed;
}
