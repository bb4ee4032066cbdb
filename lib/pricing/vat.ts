import { roundDiv } from './rounding';
import type { TaxClass } from './types';

/** Dutch VAT rates in basis points per product tax class (2100 = 21%). */
export const VAT_RATES_BP: Record<TaxClass, number> = {
  standard: 2100,
  reduced: 900,
  zero: 0,
};

/**
 * VAT contained in a VAT-inclusive amount: round(gross × rate / (10000 + rate)), rounded half away
 * from zero. Called once per line (and once for shipping), never per unit.
 */
export function vatIncluded(grossCents: number, rateBp: number): number {
  if (rateBp === 0) return 0;
  return roundDiv(grossCents * rateBp, 10000 + rateBp);
}
