import type { DbOrTx } from '../../db/client';
import type { PricingConfig } from '../pricing/types';
import { getSetting } from './settings';

// Relative imports only: the seed prices its historical orders with this.

/**
 * The VAT rates and delivery fee that priceCart charges, from settings. Every caller of priceCart that
 * sells (web cart, checkout, counter, the seed) reads it once and passes it in `ctx.pricing`, so a
 * changed rate is charged identically on every surface from the moment it is saved.
 */
export async function getPricingConfig(db: DbOrTx): Promise<PricingConfig> {
  const [vat, shipping] = await Promise.all([getSetting(db, 'vat'), getSetting(db, 'shipping')]);
  return {
    vatRatesBp: { standard: vat.standard, reduced: vat.reduced, zero: vat.zero },
    deliveryFeeCents: shipping.deliveryFeeCents,
    freeDeliveryThresholdCents: shipping.freeDeliveryThresholdCents,
  };
}
