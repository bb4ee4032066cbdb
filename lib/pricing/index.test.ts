import { describe, it, expect } from 'vitest';
import { priceCart, priceUnit } from './index';
import type { PromotionCandidate } from './types';
import { ctx, line, promo } from './test-helpers';

describe('priceUnit', () => {
  const { quantity: _q, ...unit } = line({ unitPriceCents: 1999, variantId: 5, productId: 50, categoryId: 500 });

  it('gives the unit price after the best promotion (1999 − 15% = 1999 − 299.85 → 300 = 1699)', () => {
    expect(priceUnit(unit, [promo({ id: 3, name: 'Sale', value: 15 })], ctx())).toEqual({
      unitPriceCents: 1999,
      finalUnitCents: 1699,
      discountCents: 300,
      promotion: { id: 3, name: 'Sale', title: { en: 'Sale', nl: 'Sale' }, code: null },
    });
  });

  it('without a promotion the final price is the catalog price', () => {
    expect(priceUnit(unit, [], ctx())).toEqual({ unitPriceCents: 1999, finalUnitCents: 1999, discountCents: 0, promotion: null });
  });

  const scenarios: [string, PromotionCandidate[], Parameters<typeof ctx>[0]][] = [
    ['percentage', [promo({ value: 15 })], {}],
    ['fixed', [promo({ kind: 'fixed_amount', value: 250 })], {}],
    ['best of two', [promo({ id: 1, value: 10 }), promo({ id: 2, kind: 'fixed_amount', value: 250 })], {}],
    ['coded, with code', [promo({ code: 'X' })], { codes: ['x'] }],
    ['coded, without code', [promo({ code: 'X' })], {}],
    ['store-only on web', [promo({ channels: ['store'] })], { channel: 'web' }],
    ['store-only in store', [promo({ channels: ['store'] })], { channel: 'store', fulfilment: 'in_store' }],
    ['other variant', [promo({ target: 'variant', targetId: 6 })], { fulfilment: 'delivery' }],
  ];

  it.each(scenarios)('equals priceCart with quantity 1 (%s)', (_name, promos, overrides) => {
    const c = ctx(overrides);
    const fromCart = priceCart([{ ...unit, quantity: 1 }], promos, c).lines[0];
    expect(priceUnit(unit, promos, c)).toEqual({
      unitPriceCents: fromCart.unitPriceCents,
      finalUnitCents: fromCart.lineTotalCents,
      discountCents: fromCart.discountCents,
      promotion: fromCart.promotion,
    });
  });
});
