// Test helpers: patterns for what must never reach the screen from data (colour codes, OSC strings, BEL).
// Built from char codes so the patterns stay readable and the linter's control-character rule stays on.

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);

/** Any SGR sequence (colour, bold, dim ...). */
export const SGR = new RegExp(`${ESC}\\[[0-9;]*m`);

/** Whether raw output contains an OSC string (hyperlink, title) or a BEL. */
export function hasOscOrBel(raw: string): boolean {
  return raw.includes(`${ESC}]`) || raw.includes(BEL);
}
