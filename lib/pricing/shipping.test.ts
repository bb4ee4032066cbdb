import { describe, it, expect } from 'vitest';
import { DELIVERY_FEE_CENTS, FREE_DELIVERY_THRESHOLD_CENTS, shippingCents } from './shipping';

describe('shippingCents', () => {
  it('has the documented constants', () => {
    expect(DELIVERY_FEE_CENTS).toBe(495);
    expect(FREE_DELIVERY_THRESHOLD_CENTS).toBe(5000);
  });
  it('charges 495 for delivery below 5000, free from 5000 inclusive', () => {
    expect(shippingCents({ fulfilment: 'delivery', goodsTotalCents: 4999, lineCount: 1 })).toBe(495);
    expect(shippingCents({ fulfilment: 'delivery', goodsTotalCents: 5000, lineCount: 1 })).toBe(0);
    expect(shippingCents({ fulfilment: 'delivery', goodsTotalCents: 12000, lineCount: 3 })).toBe(0);
  });
  it('pickup, in_store and no fulfilment are free', () => {
    expect(shippingCents({ fulfilment: 'pickup', goodsTotalCents: 100, lineCount: 1 })).toBe(0);
    expect(shippingCents({ fulfilment: 'in_store', goodsTotalCents: 100, lineCount: 1 })).toBe(0);
    expect(shippingCents({ fulfilment: undefined, goodsTotalCents: 100, lineCount: 1 })).toBe(0);
  });
  it('an empty cart ships nothing', () => {
    expect(shippingCents({ fulfilment: 'delivery', goodsTotalCents: 0, lineCount: 0 })).toBe(0);
  });
});
