// A problem with a deck or an imported file, as `check` and `import` print it: where it is (file, line,
// column), the JSON path and the id, then what is wrong and what to do. Every piece is data (a folder's
// name, a field name a deck's author typed, an id, a message quoting a value), so every piece goes
// through printable(); only the styling around them is ours.

import { printable } from './printable.js';
import type { Style } from './style.js';

export interface ShownProblem {
  /** The file, with `:line:column` when known. */
  where: string;
  /** The JSON path (`questions[3].answer`), or '' for the whole file. */
  path?: string;
  id?: string;
  message: string;
  hint: string;
}

export function renderProblem(problem: ShownProblem, style: Style): string[] {
  const shown = (text: string): string => printable(text, { singleLine: true });
  const path = problem.path === undefined || problem.path === '' ? '' : `  ${shown(problem.path)}`;
  const id = problem.id === undefined ? '' : `  [${shown(problem.id)}]`;
  return [`${style.red('error')}  ${shown(problem.where)}${path}${id}`, `       ${shown(problem.message)}`, `       ${style.dim(`hint: ${shown(problem.hint)}`)}`];
}
