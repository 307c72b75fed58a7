// Where the items of a JSON document's top-level arrays stand in its bytes, so that one item can later
// be parsed alone (JSON.parse of its bytes) instead of the whole document. Pure: bytes in, offsets out.
// Meant for a document JSON.parse has already accepted; anything else gives null.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

class Scanner {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  spaces(): void {
    while (isSpace(this.bytes[this.at])) this.at++;
  }

  /** Past a string that starts here (its escapes included); false when there is none. */
  string(): boolean {
    const bytes = this.bytes;
    if (bytes[this.at] !== QUOTE) return false;
    for (let i = this.at + 1; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) {
        this.at = i + 1;
        return true;
      }
    }
    return false;
  }

  /** Past the value that starts here, whatever it is; false when the document ends first. */
  value(): boolean {
    const bytes = this.bytes;
    const first = bytes[this.at];
    if (first === QUOTE) return this.string();
    if (first === 0x7b || first === 0x5b) {
      let depth = 0;
      while (this.at < bytes.length) {
        const byte = bytes[this.at];
        if (byte === QUOTE) {
          if (!this.string()) return false;
          continue;
        }
        if (byte === 0x7b || byte === 0x5b) depth++;
        else if (byte === 0x7d || byte === 0x5d) {
          depth--;
          if (depth === 0) {
            this.at++;
            return true;
          }
        }
        this.at++;
      }
      return false;
    }
    // A number, true, false or null: up to the next separator.
    const start = this.at;
    while (this.at < bytes.length) {
      const byte = bytes[this.at];
      if (byte === 0x2c || byte === 0x7d || byte === 0x5d || isSpace(byte)) break;
      this.at++;
    }
    return this.at > start;
  }

  expect(byte: number): boolean {
    this.spaces();
    if (this.bytes[this.at] !== byte) return false;
    this.at++;
    return true;
  }
}

/**
 * The [start, end) byte offsets of each item of the arrays under `keys` in the document's top-level
 * object (the last of a repeated key counts, as with JSON.parse), by key; a key that is missing or not an
 * array has none. Null when the document is not an object this scanner can follow.
 */
export function locateArrayItems(bytes: Uint8Array, keys: readonly string[]): Map<string, number[]> | null {
  const scan = new Scanner(bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) scan.at = 3;
  const found = new Map<string, number[]>();
  if (!scan.expect(0x7b)) return null;
  scan.spaces();
  if (bytes[scan.at] === 0x7d) return found;
  for (;;) {
    scan.spaces();
    const keyStart = scan.at;
    if (!scan.string()) return null;
    let key: unknown;
    try {
      key = JSON.parse(new TextDecoder().decode(bytes.subarray(keyStart, scan.at)));
    } catch {
      return null;
    }
    if (!scan.expect(0x3a)) return null;
    scan.spaces();
    if (typeof key === 'string' && keys.includes(key)) {
      found.delete(key);
      if (bytes[scan.at] === 0x5b) {
        const items: number[] = [];
        scan.at++;
        scan.spaces();
        if (bytes[scan.at] === 0x5d) scan.at++;
        else {
          for (;;) {
            scan.spaces();
            const start = scan.at;
            if (!scan.value()) return null;
            items.push(start, scan.at);
            scan.spaces();
            const next = bytes[scan.at++];
            if (next === 0x5d) break;
            if (next !== 0x2c) return null;
          }
        }
        found.set(key, items);
      } else if (!scan.value()) return null;
    } else if (!scan.value()) return null;
    scan.spaces();
    const next = bytes[scan.at++];
    if (next === 0x7d) return found;
    if (next !== 0x2c) return null;
  }
}
