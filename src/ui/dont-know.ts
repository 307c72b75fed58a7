// The answers "I don't know" and "let me out" as values every quiz prompt can resolve. Their own module,
// free of Inquirer, so a command can compare against them without loading the prompt library.

export const DONT_KNOW: unique symbol = Symbol('dont-know');

export type DontKnow = typeof DONT_KNOW;

export function isDontKnow(value: unknown): value is DontKnow {
  return value === DONT_KNOW;
}

/** q or Esc at a question: leave the run (one level back: to the menu, or out), asking nothing. */
export const LEAVE: unique symbol = Symbol('leave');

export type Leave = typeof LEAVE;
