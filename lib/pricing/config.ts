import type { PricingConfig } from './types';

/**
 * The rates and fees priceCart uses when the caller passes none: the shop's shipped defaults (Dutch VAT
 * 21 % / 9 % / 0 %, € 4,95 delivery, free from € 50). The app reads the admin's values from settings
 * (lib/settings/pricing-config.ts) and passes them in, so pricing stays pure.
 */
export const DEFAULT_PRICING_CONFIG: PricingConfig = Object.freeze({
  vatRatesBp: Object.freeze({ standard: 2100, reduced: 900, zero: 0 }),
  deliveryFeeCents: 495,
  freeDeliveryThresholdCents: 5000,
});
