import { describe, it, expect } from 'vitest';
import { roundDiv } from './rounding';
import { VAT_RATES_BP, vatIncluded } from './vat';

describe('VAT_RATES_BP', () => {
  it('has the Dutch rates in basis points', () => {
    expect(VAT_RATES_BP).toEqual({ standard: 2100, reduced: 900, zero: 0 });
  });
});

describe('vatIncluded', () => {
  it('21%: 1210 × 2100 / 12100 = 210 exactly', () => {
    expect(vatIncluded(1210, 2100)).toBe(210);
  });
  it('21%: 1000 × 2100 / 12100 = 173.55… → 174', () => {
    expect(vatIncluded(1000, 2100)).toBe(174);
  });
  it('21%: 999 × 2100 / 12100 = 173.38… → 173', () => {
    expect(vatIncluded(999, 2100)).toBe(173);
  });
  it('9%: 1090 × 900 / 10900 = 90 exactly; 1000 → 82.57… → 83; 399 → 32.94… → 33', () => {
    expect(vatIncluded(1090, 900)).toBe(90);
    expect(vatIncluded(1000, 900)).toBe(83);
    expect(vatIncluded(399, 900)).toBe(33);
  });
  it('0%: always 0', () => {
    expect(vatIncluded(1000, 0)).toBe(0);
    expect(vatIncluded(0, 2100)).toBe(0);
  });
  it('rounds an exact half away from zero (rate 100%: 5 × 10000 / 20000 = 2.5 → 3)', () => {
    expect(vatIncluded(5, 10000)).toBe(3);
  });
});

describe('roundDiv', () => {
  it('rounds half away from zero, exactly', () => {
    expect(roundDiv(5, 2)).toBe(3); // 2.5
    expect(roundDiv(-5, 2)).toBe(-3); // −2.5
    expect(roundDiv(7, 4)).toBe(2); // 1.75
    expect(roundDiv(5, 4)).toBe(1); // 1.25
    expect(roundDiv(0, 7)).toBe(0);
    expect(Object.is(roundDiv(-1, 4), 0)).toBe(true); // −0.25 → 0, not −0
  });
  it('rejects non-integers and division by zero', () => {
    expect(() => roundDiv(1.5, 2)).toThrow(RangeError);
    expect(() => roundDiv(1, 0)).toThrow(RangeError);
  });
});
