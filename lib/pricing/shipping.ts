import type { Fulfilment } from './types';

/** Home delivery fee, VAT included (taxed at the standard rate). */
export const DELIVERY_FEE_CENTS = 495;
/** Delivery is free from this discounted goods total (inclusive). */
export const FREE_DELIVERY_THRESHOLD_CENTS = 5000;

export interface ShippingInput {
  /** undefined = not chosen yet: no shipping is charged. */
  fulfilment: Fulfilment | undefined;
  /** Goods total after discounts, VAT included. */
  goodsTotalCents: number;
  /** Number of cart lines; an empty cart ships nothing. */
  lineCount: number;
}

/**
 * Shipping rule: 'delivery' costs DELIVERY_FEE_CENTS unless the discounted goods total reaches
 * FREE_DELIVERY_THRESHOLD_CENTS; 'pickup' and 'in_store' are free; no fulfilment or an empty cart → 0.
 */
export function shippingCents({ fulfilment, goodsTotalCents, lineCount }: ShippingInput): number {
  if (fulfilment !== 'delivery' || lineCount === 0) return 0;
  return goodsTotalCents >= FREE_DELIVERY_THRESHOLD_CENTS ? 0 : DELIVERY_FEE_CENTS;
}
