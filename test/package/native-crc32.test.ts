// The bundle gives yazl bin/native-crc32.cjs in place of buffer-crc32 (bin/bundle.mjs): it must answer
// exactly as buffer-crc32 does, for every input form and when continuing from an earlier CRC.

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Crc = ((input: Buffer | string | number, previous?: number | Buffer) => Buffer) & {
  signed: (input: Buffer | string | number, previous?: number | Buffer) => number;
  unsigned: (input: Buffer | string | number, previous?: number | Buffer) => number;
};
const native = require('../../bin/native-crc32.cjs') as Crc;
// yazl's own dependency, as installed beside it.
const reference = require(require.resolve('buffer-crc32', { paths: [require.resolve('yazl')] })) as Crc;

describe('the native CRC-32 the bundle gives yazl', () => {
  const inputs: (Buffer | string | number)[] = [Buffer.alloc(0), Buffer.from('collection.anki2'), 'héllo wörld', 0, 7, randomBytes(1), randomBytes(4097), randomBytes(100_003)];

  it('gives buffer-crc32\'s results: as a Buffer, signed and unsigned', () => {
    for (const input of inputs) {
      expect(native(input).equals(reference(input))).toBe(true);
      expect(native.signed(input)).toBe(reference.signed(input));
      expect(native.unsigned(input)).toBe(reference.unsigned(input));
    }
  });

  it('continues from an earlier CRC given as a number or as its Buffer', () => {
    const [a, b] = [randomBytes(5000), randomBytes(3000)];
    const whole = reference.unsigned(Buffer.concat([a, b]));
    expect(native.unsigned(b, native.unsigned(a))).toBe(whole);
    expect(native.unsigned(b, native(a))).toBe(whole);
    expect(native.signed(b, reference.signed(a))).toBe(reference.signed(b, reference.signed(a)));
  });

  it('refuses what buffer-crc32 refuses', () => {
    expect(() => native({} as unknown as Buffer)).toThrow(/input must be buffer, number, or string/);
  });
});
