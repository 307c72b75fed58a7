// src/bank/interop/ is format code and must stay pure like the rest of bank/'s parsers (DESIGN.md): the
// lint rule that holds that line covers src/bank/parse-*.ts and validate-*.ts only, so this test holds it
// for the interop folder.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/bank/interop/', import.meta.url);
const PURE_PACKAGES = new Set(['entities/decode']);
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));

describe('src/bank/interop is pure', () => {
  it('has modules to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s imports no I/O, clock, randomness or shell module', (name) => {
    const source = readFileSync(new URL(name, dir), 'utf8');
    const imports = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => match[1] ?? match[2] ?? '');
    for (const spec of imports) {
      // Pure libraries only: HTML entities.
      if (PURE_PACKAGES.has(spec)) continue;
      expect(spec, `${name} imports ${spec}`).toMatch(/^\.\.?\//);
      expect(spec, `${name} imports ${spec}`).not.toMatch(/\/(storage|ui|commands)\//);
    }
    expect(source).not.toMatch(/Math\.random|Date\.now|new Date\(\)|\bprocess\./);
  });
});
