import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_CONFIG } from './config';
import { priceCart } from './price-cart';
import { shippingCents } from './shipping';
import { ctx, line } from './test-helpers';

const CHANGED = {
  vatRatesBp: { standard: 2000, reduced: 1000, zero: 0 },
  deliveryFeeCents: 695,
  freeDeliveryThresholdCents: 7500,
};

describe('priceCart with the rates and fees from settings (ctx.pricing)', () => {
  it('without ctx.pricing charges exactly what the defaults give', () => {
    const cart = [line({ unitPriceCents: 1000 }), line({ variantId: 2, unitPriceCents: 1000, taxClass: 'reduced' })];
    expect(priceCart(cart, [], ctx({ fulfilment: 'delivery' }))).toEqual(
      priceCart(cart, [], ctx({ fulfilment: 'delivery', pricing: DEFAULT_PRICING_CONFIG })),
    );
  });

  it('uses the configured VAT rate per tax class, and the standard rate for shipping', () => {
    const priced = priceCart(
      [line({ unitPriceCents: 1200 }), line({ variantId: 2, unitPriceCents: 1100, taxClass: 'reduced' })],
      [],
      ctx({ fulfilment: 'delivery', pricing: CHANGED }),
    );
    // 1200 × 20/120 = 200; 1100 × 10/110 = 100; shipping 695 × 20/120 = 115.83 → 116
    expect(priced.lines.map((l) => [l.vatRateBp, l.vatCents])).toEqual([
      [2000, 200],
      [1000, 100],
    ]);
    expect(priced.shippingCents).toBe(695);
    expect(priced.vat).toEqual([
      { rateBp: 2000, grossCents: 1895, vatCents: 316 },
      { rateBp: 1000, grossCents: 1100, vatCents: 100 },
    ]);
    expect(priced.totalCents).toBe(2995);
  });

  it('charges the configured delivery fee below the configured threshold and nothing from it', () => {
    expect(shippingCents({ fulfilment: 'delivery', goodsTotalCents: 7499, lineCount: 1 }, CHANGED)).toBe(695);
    expect(shippingCents({ fulfilment: 'delivery', goodsTotalCents: 7500, lineCount: 1 }, CHANGED)).toBe(0);
    // 60 euros: free by default, charged with the higher threshold
    const sixty = [line({ unitPriceCents: 6000 })];
    expect(priceCart(sixty, [], ctx({ fulfilment: 'delivery' })).shippingCents).toBe(0);
    expect(priceCart(sixty, [], ctx({ fulfilment: 'delivery', pricing: CHANGED })).shippingCents).toBe(695);
  });

  it('a free delivery fee adds no shipping VAT line', () => {
    const priced = priceCart([line()], [], ctx({ fulfilment: 'delivery', pricing: { ...CHANGED, deliveryFeeCents: 0 } }));
    expect(priced.shippingCents).toBe(0);
    expect(priced.vat).toEqual([{ rateBp: 2000, grossCents: 1000, vatCents: 167 }]);
  });
});
