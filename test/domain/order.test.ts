import { describe, expect, it } from 'vitest';
import { byCodeUnits } from '../../src/domain/order.js';

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
