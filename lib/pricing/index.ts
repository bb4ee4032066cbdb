/** Public API of the pure pricing module: the only place a price, discount, shipping or VAT is computed. */
import { priceCart } from './price-cart';
import type { PriceContext, PriceLineInput, PricedUnit, PromotionCandidate } from './types';

export * from './types';
export { priceCart } from './price-cart';
export { VAT_RATES_BP, vatIncluded } from './vat';
export { DEFAULT_PRICING_CONFIG } from './config';
export {
  isPromotionActive,
  isPromotionValueValid,
  normalizeCode,
  promotionAppliesToChannel,
  promotionCode,
  promotionDiscountForLine,
  promotionStatus,
  promotionTargetsLine,
} from './promotions';
export { DELIVERY_FEE_CENTS, FREE_DELIVERY_THRESHOLD_CENTS, shippingCents } from './shipping';
export type { ShippingInput } from './shipping';

/**
 * Price of one unit for product pages and listings. Goes through priceCart with quantity 1 and no
 * fulfilment, so a listing can never show a price the cart would not charge.
 */
export function priceUnit(
  line: Omit<PriceLineInput, 'quantity'>,
  promotions: PromotionCandidate[],
  ctx: PriceContext,
): PricedUnit {
  const [priced] = priceCart([{ ...line, quantity: 1 }], promotions, { ...ctx, fulfilment: undefined }).lines;
  if (!priced) throw new Error('priceCart returned no line'); // unreachable: one line in, one line out
  return {
    unitPriceCents: priced.unitPriceCents,
    finalUnitCents: priced.lineTotalCents,
    discountCents: priced.discountCents,
    promotion: priced.promotion,
  };
}
