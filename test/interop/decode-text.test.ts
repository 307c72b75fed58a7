import { describe, expect, it } from 'vitest';
import { decodeImportBytes, invalidUtf8Lines, MAX_IMPORT_BYTES } from '../../src/bank/interop/decode-text.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));

describe('decoding a file to import', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeImportBytes(bytes([0xef, 0xbb, 0xbf], 'Zürich,北京\n'))).toEqual({ ok: true, text: 'Zürich,北京\n' });
  });

  it('reports every line that is not UTF-8 (Latin-1 é here), each once', () => {
    const latin1 = bytes('ok,fine\n', 'caf', [0xe9], ',x', [0xe9], '\n', 'good\n', [0xff], '\n');
    const result = decodeImportBytes(latin1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.line)).toEqual([2, 4]);
    expect(result.problems[0]?.message).toContain('not valid UTF-8');
  });

  it.each([
    ['an overlong slash', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
    ['a sequence cut short at the end', [0xe4, 0xb8]],
  ])('rejects %s', (_name, sequence) => {
    expect(invalidUtf8Lines(bytes('a\n', sequence))).toEqual([2]);
  });

  it('accepts the largest valid sequences', () => {
    expect(invalidUtf8Lines(bytes('\u{10FFFF}\uFFFD\u0800\u0080'))).toEqual([]);
  });

  it('calls a file with a NUL byte binary, at the line of the first one', () => {
    const result = decodeImportBytes(bytes('a,b\nc', [0], 'd\n'));
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ line: 2, message: expect.stringContaining('binary') })] });
  });

  it('refuses more than a deck may be (8 MB)', () => {
    expect(MAX_IMPORT_BYTES).toBe(8 * 1024 * 1024);
    const result = decodeImportBytes(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ line: null, message: expect.stringContaining('too large') })] });
  });
});
