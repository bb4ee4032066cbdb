// Pure: no database, no Next. The rule for how large a manual counter discount a role may give.

export type StaffRole = 'clerk' | 'admin';

export interface StaffDiscountLimits {
  clerkMaxPercent: number;
  adminMaxPercent: number;
}

export interface StaffDiscountAsked {
  kind: 'percentage' | 'fixed_amount';
  /** percentage: whole percent 1..100; amount: cents off. */
  value: number;
  /** What the discount is given on, VAT included: the line's total, or the cart's goods total. */
  baseCents: number;
}

/** The largest discount `role` may give, in whole percent of what it is given on. */
export function maxStaffDiscountPercent(limits: StaffDiscountLimits, role: StaffRole): number {
  return role === 'admin' ? limits.adminMaxPercent : limits.clerkMaxPercent;
}

/**
 * Whether the discount stays within `maxPercent`: a percentage compares directly; an amount compares
 * by the share of the base it takes (amount × 100 ≤ max × base, integer math, so €10 on €100 at a
 * 10 % maximum is allowed exactly). An amount larger than the base is never allowed.
 */
export function withinStaffDiscountLimit(asked: StaffDiscountAsked, maxPercent: number): boolean {
  if (!Number.isSafeInteger(asked.value) || asked.value < 1) return false;
  if (asked.kind === 'percentage') return asked.value <= Math.min(maxPercent, 100);
  if (asked.value > asked.baseCents) return false;
  return asked.value * 100 <= maxPercent * asked.baseCents;
}
