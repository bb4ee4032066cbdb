import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundCash } from './cash-rounding';

describe('Dutch cash rounding to 5 cents', () => {
  it.each([
    [1000, 1000, 0],
    [1001, 1000, -1],
    [1002, 1000, -2],
    [1003, 1005, 2],
    [1004, 1005, 1],
    [1005, 1005, 0],
    [1006, 1005, -1],
    [1007, 1005, -2],
    [1008, 1010, 2],
    [1009, 1010, 1],
  ])('%i cents due in cash → %i paid (rounding %i)', (due, rounded, rounding) => {
    expect(roundCash(due)).toEqual({ dueCents: due, roundedCents: rounded, roundingCents: rounding });
  });

  it('small amounts: 1–2 cents round to nothing, 3–4 to 5 cents', () => {
    expect([0, 1, 2, 3, 4].map((c) => roundCash(c).roundedCents)).toEqual([0, 0, 0, 5, 5]);
  });

  it('always a multiple of 5, at most 2 cents off, and the nearest such amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (due) => {
        const { roundedCents, roundingCents } = roundCash(due);
        expect(roundedCents % 5).toBe(0);
        expect(Math.abs(roundingCents)).toBeLessThanOrEqual(2);
        expect(roundedCents - due).toBe(roundingCents);
        expect(Math.abs(roundedCents - due)).toBeLessThanOrEqual(Math.abs(roundedCents + 5 - due));
        expect(Math.abs(roundedCents - due)).toBeLessThanOrEqual(Math.abs(roundedCents - 5 - due));
      }),
    );
  });

  it('refuses what is not an amount of cents', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => roundCash(bad)).toThrow(RangeError);
  });
});
