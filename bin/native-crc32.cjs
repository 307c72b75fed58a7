// What the bundle gives yazl (the zip writer of Anki packages) for its dependency buffer-crc32: the same
// three functions on Node's native zlib.crc32 (Node 20.15 and later), instead of a byte-by-byte loop in
// JavaScript, which took about 150 ms of a 25 MB collection's export. bin/bundle.mjs aliases the package
// to this file; test/package/native-crc32.test.ts holds it to buffer-crc32's results.

'use strict';

const { crc32: zlibCrc32 } = require('node:zlib');

/** buffer-crc32's inputs: a Buffer, a string (UTF-8), or a number (that many zero bytes). */
function bytes(input) {
  if (Buffer.isBuffer(input)) return input;
  if (typeof input === 'number') return Buffer.alloc(input);
  if (typeof input === 'string') return Buffer.from(input);
  throw new Error(`input must be buffer, number, or string, received ${typeof input}`);
}

/** The CRC-32 of `input` continued from `previous` (a number, or a 4-byte big-endian Buffer), unsigned. */
function unsigned(input, previous) {
  const start = Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : ~~previous >>> 0;
  return zlibCrc32(bytes(input), start);
}

function crc32(input, previous) {
  const out = Buffer.alloc(4);
  out.writeInt32BE(unsigned(input, previous) | 0, 0);
  return out;
}
crc32.signed = (input, previous) => unsigned(input, previous) | 0;
crc32.unsigned = unsigned;

module.exports = crc32;
