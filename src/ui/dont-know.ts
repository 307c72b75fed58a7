// The answer "I don't know", as a value every quiz prompt can resolve. Its own module, free of Inquirer,
// so a command can compare against it without loading the prompt library.

export const DONT_KNOW: unique symbol = Symbol('dont-know');

export type DontKnow = typeof DONT_KNOW;

export function isDontKnow(value: unknown): value is DontKnow {
  return value === DONT_KNOW;
}
