import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodeUnits, byLabel } from '../../src/domain/order.js';

describe('byCodeUnits', () => {
  it('puts ISO times in time order, milliseconds and all', () => {
    const times = ['2026-06-01T09:00:00.010Z', '2025-12-31T23:59:59.999Z', '2026-06-01T09:00:00.002Z', '2026-01-01T00:00:00.000Z'];
    expect([...times].sort(byCodeUnits)).toEqual(['2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z', '2026-06-01T09:00:00.002Z', '2026-06-01T09:00:00.010Z']);
  });

  it('orders ids by code unit, the same in every locale (capitals first, then lower case)', () => {
    expect(['b', 'Z', 'a', '_x', 'A'].sort(byCodeUnits)).toEqual(['A', 'Z', '_x', 'a', 'b']);
  });

  it('is 0 for equal strings, and antisymmetric', () => {
    expect(byCodeUnits('same', 'same')).toBe(0);
    expect(byCodeUnits('a', 'b')).toBe(-1);
    expect(byCodeUnits('b', 'a')).toBe(1);
  });
});

describe('byLabel', () => {
  it('orders plain lower-case labels as localeCompare does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 -]{0,8}$/), fc.stringMatching(/^[a-z0-9 -]{0,8}$/), (a, b) => {
        expect(Math.sign(byLabel(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 2000 },
    );
    expect(['topic 10', 'the visit', 'topic 2', 'multi-select', 'background', 'true-false'].sort(byLabel)).toEqual(['background', 'multi-select', 'the visit', 'topic 10', 'topic 2', 'true-false']);
  });

  it('leaves every other label to localeCompare', () => {
    expect(['Zebra', 'apple', 'Éclair', 'banana'].sort(byLabel)).toEqual(['Zebra', 'apple', 'Éclair', 'banana'].sort((a, b) => a.localeCompare(b)));
    expect(byLabel('apple', 'Zebra')).toBe(Math.sign('apple'.localeCompare('Zebra')));
  });
});
