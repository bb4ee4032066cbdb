import { DEFAULT_PRICING_CONFIG } from './config';
import type { Fulfilment, PricingConfig } from './types';

/** Default home delivery fee, VAT included (taxed at the standard rate); settings may change it. */
export const DELIVERY_FEE_CENTS = DEFAULT_PRICING_CONFIG.deliveryFeeCents;
/** Default: delivery is free from this discounted goods total (inclusive). */
export const FREE_DELIVERY_THRESHOLD_CENTS = DEFAULT_PRICING_CONFIG.freeDeliveryThresholdCents;

export interface ShippingInput {
  /** undefined = not chosen yet: no shipping is charged. */
  fulfilment: Fulfilment | undefined;
  /** Goods total after discounts, VAT included. */
  goodsTotalCents: number;
  /** Number of cart lines; an empty cart ships nothing. */
  lineCount: number;
}

/**
 * Shipping rule: 'delivery' costs the delivery fee unless the discounted goods total reaches the
 * free-delivery threshold (both from `config`, default DEFAULT_PRICING_CONFIG); 'pickup' and
 * 'in_store' are free; no fulfilment or an empty cart → 0.
 */
export function shippingCents(
  { fulfilment, goodsTotalCents, lineCount }: ShippingInput,
  config: Pick<PricingConfig, 'deliveryFeeCents' | 'freeDeliveryThresholdCents'> = DEFAULT_PRICING_CONFIG,
): number {
  if (fulfilment !== 'delivery' || lineCount === 0) return 0;
  return goodsTotalCents >= config.freeDeliveryThresholdCents ? 0 : config.deliveryFeeCents;
}
