import { describe, expect, it } from 'vitest';
import { maxStaffDiscountPercent, withinStaffDiscountLimit } from './limits';

const limits = { clerkMaxPercent: 10, adminMaxPercent: 100 };

describe('staff discount limits', () => {
  it('reads the maximum per role', () => {
    expect(maxStaffDiscountPercent(limits, 'clerk')).toBe(10);
    expect(maxStaffDiscountPercent(limits, 'admin')).toBe(100);
  });

  it('a percentage is allowed up to and including the maximum', () => {
    expect(withinStaffDiscountLimit({ kind: 'percentage', value: 10, baseCents: 5000 }, 10)).toBe(true);
    expect(withinStaffDiscountLimit({ kind: 'percentage', value: 11, baseCents: 5000 }, 10)).toBe(false);
  });

  it('an amount counts by the share of the base it takes, exactly at the boundary', () => {
    expect(withinStaffDiscountLimit({ kind: 'fixed_amount', value: 1000, baseCents: 10000 }, 10)).toBe(true);
    expect(withinStaffDiscountLimit({ kind: 'fixed_amount', value: 1001, baseCents: 10000 }, 10)).toBe(false);
    expect(withinStaffDiscountLimit({ kind: 'fixed_amount', value: 333, baseCents: 3333 }, 10)).toBe(true);
    expect(withinStaffDiscountLimit({ kind: 'fixed_amount', value: 334, baseCents: 3333 }, 10)).toBe(false);
  });

  it('never more than the base, never zero or fractional, and a maximum of 0 allows nothing', () => {
    expect(withinStaffDiscountLimit({ kind: 'fixed_amount', value: 5001, baseCents: 5000 }, 100)).toBe(false);
    expect(withinStaffDiscountLimit({ kind: 'fixed_amount', value: 5000, baseCents: 5000 }, 100)).toBe(true);
    expect(withinStaffDiscountLimit({ kind: 'percentage', value: 0, baseCents: 5000 }, 10)).toBe(false);
    expect(withinStaffDiscountLimit({ kind: 'percentage', value: 2.5, baseCents: 5000 }, 10)).toBe(false);
    expect(withinStaffDiscountLimit({ kind: 'percentage', value: 1, baseCents: 5000 }, 0)).toBe(false);
  });
});
