import { DEFAULT_PRICING_CONFIG } from './config';
import { roundDiv } from './rounding';
import type { TaxClass } from './types';

/** The default Dutch VAT rates in basis points per product tax class (2100 = 21%); settings may change them. */
export const VAT_RATES_BP: Readonly<Record<TaxClass, number>> = DEFAULT_PRICING_CONFIG.vatRatesBp;

/**
 * VAT contained in a VAT-inclusive amount: round(gross × rate / (10000 + rate)), rounded half away
 * from zero. Called once per line (and once for shipping), never per unit.
 */
export function vatIncluded(grossCents: number, rateBp: number): number {
  if (rateBp === 0) return 0;
  return roundDiv(grossCents * rateBp, 10000 + rateBp);
}
