// Terminal styling without a dependency: a handful of ANSI SGR wrappers that turn into the identity when
// colour is off (NO_COLOR, FORCE_COLOR=0, TERM=dumb, or output that is not a terminal). Free of Inquirer
// on purpose: plain-mode output and error messages use it without paying for the prompt library.

export type StyleName = 'bold' | 'dim' | 'green' | 'red' | 'yellow' | 'cyan' | 'inverse' | 'underline';

export type Style = Readonly<Record<StyleName, (text: string) => string>>;

/** Open and close SGR codes; closing with the specific code (not 0) lets styles nest. */
const CODES: Readonly<Record<StyleName, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  green: [32, 39],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  inverse: [7, 27],
  underline: [4, 24],
};

const identity = (text: string): string => text;

export function createStyle(enabled: boolean): Style {
  const entries = (Object.keys(CODES) as StyleName[]).map((name) => {
    const [open, close] = CODES[name];
    const wrap = enabled ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : identity;
    return [name, wrap] as const;
  });
  return Object.fromEntries(entries) as Record<StyleName, (text: string) => string>;
}

/**
 * Whether to colour output: never with NO_COLOR set (non-empty, per no-color.org), FORCE_COLOR=0 or a
 * dumb terminal (TERM=dumb), otherwise only on a terminal. FORCE_COLOR=1 does not colour a pipe: pipes get
 * plain text.
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): boolean {
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY === true;
}

/** The style for writing to `stream`, decided from the process environment. */
export function styleFor(stream: NodeJS.WritableStream, env: Readonly<Record<string, string | undefined>> = process.env): Style {
  return createStyle(colorEnabled(env, (stream as { isTTY?: boolean }).isTTY));
}
