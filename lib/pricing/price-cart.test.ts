import { describe, it, expect } from 'vitest';
import { priceCart } from './price-cart';
import { ctx, line, promo } from './test-helpers';

describe('priceCart — totals and VAT', () => {
  it('prices an empty cart as all zeros, even for delivery', () => {
    expect(priceCart([], [promo()], ctx({ fulfilment: 'delivery' }))).toEqual({
      lines: [],
      subtotalCents: 0,
      discountCents: 0,
      shippingCents: 0,
      totalCents: 0,
      vat: [],
      vatCents: 0,
      appliedPromotions: [],
      codes: { accepted: [], rejected: [], refusals: [] },
      savings: [],
      shippingBeforeDiscountCents: 0,
      shippingDiscountCents: 0,
    });
  });

  it('rounds VAT once per line at 21%, 9% and 0%', () => {
    const cart = priceCart(
      [
        line({ variantId: 1, unitPriceCents: 1000, taxClass: 'standard' }), // 1000 × 21/121 = 173.55 → 174
        line({ variantId: 2, unitPriceCents: 1000, taxClass: 'reduced' }), // 1000 × 9/109 = 82.57 → 83
        line({ variantId: 3, unitPriceCents: 1000, taxClass: 'zero' }), // 0
      ],
      [],
      ctx(),
    );
    expect(cart.lines.map((l) => [l.vatRateBp, l.vatCents])).toEqual([
      [2100, 174],
      [900, 83],
      [0, 0],
    ]);
    expect(cart.vatCents).toBe(257); // 174 + 83 + 0
    expect(cart.totalCents).toBe(3000);
  });

  it('rounds per line, not per unit and not over the cart', () => {
    // one line of 3 × 1000: 3000 × 21/121 = 520.66 → 521 (per unit would give 3 × 174 = 522)
    const oneLine = priceCart([line({ quantity: 3, unitPriceCents: 1000 })], [], ctx());
    expect(oneLine.lines[0].vatCents).toBe(521);
    expect(oneLine.vatCents).toBe(521);
    // three lines of 1000: 174 each = 522, although the unrounded sum 3 × 173.55 = 520.66 would round to 521
    const threeLines = priceCart(
      [line({ variantId: 1 }), line({ variantId: 2 }), line({ variantId: 3 })],
      [],
      ctx(),
    );
    expect(threeLines.vatCents).toBe(522);
    expect(threeLines.vat).toEqual([{ rateBp: 2100, grossCents: 3000, vatCents: 522 }]);
  });

  it('breaks a mixed-rate cart down per rate, highest rate first', () => {
    const cart = priceCart(
      [
        line({ variantId: 3, quantity: 1, unitPriceCents: 1500, taxClass: 'zero' }), // 1500, VAT 0
        line({ variantId: 1, quantity: 2, unitPriceCents: 1250, taxClass: 'standard' }), // 2500 × 21/121 = 433.88 → 434
        line({ variantId: 2, quantity: 3, unitPriceCents: 399, taxClass: 'reduced' }), // 1197 × 9/109 = 98.83 → 99
      ],
      [],
      ctx(),
    );
    expect(cart.vat).toEqual([
      { rateBp: 2100, grossCents: 2500, vatCents: 434 },
      { rateBp: 900, grossCents: 1197, vatCents: 99 },
      { rateBp: 0, grossCents: 1500, vatCents: 0 },
    ]);
    expect(cart.vatCents).toBe(533); // 434 + 99
    expect(cart.subtotalCents).toBe(5197); // 2500 + 1197 + 1500
    expect(cart.totalCents).toBe(5197);
    expect(cart.shippingCents).toBe(0); // no fulfilment given
  });

  it('adds shipping to the standard rate', () => {
    // goods 2500 + 1197 = 3697 < 5000 → shipping 495, VAT 495 × 21/121 = 85.91 → 86
    const cart = priceCart(
      [
        line({ variantId: 1, quantity: 2, unitPriceCents: 1250, taxClass: 'standard' }),
        line({ variantId: 2, quantity: 3, unitPriceCents: 399, taxClass: 'reduced' }),
      ],
      [],
      ctx({ fulfilment: 'delivery' }),
    );
    expect(cart.shippingCents).toBe(495);
    expect(cart.totalCents).toBe(4192); // 3697 + 495
    expect(cart.vat).toEqual([
      { rateBp: 2100, grossCents: 2995, vatCents: 520 }, // 2500 + 495; 434 + 86
      { rateBp: 900, grossCents: 1197, vatCents: 99 },
    ]);
    expect(cart.vatCents).toBe(619);
  });

  it('creates a standard-rate entry for shipping in a zero-rated cart', () => {
    const cart = priceCart([line({ unitPriceCents: 1500, taxClass: 'zero' })], [], ctx({ fulfilment: 'delivery' }));
    expect(cart.vat).toEqual([
      { rateBp: 2100, grossCents: 495, vatCents: 86 },
      { rateBp: 0, grossCents: 1500, vatCents: 0 },
    ]);
    expect(cart.totalCents).toBe(1995);
  });
});

describe('priceCart — discounts per line', () => {
  it('applies a percentage discount to the whole line, rounded once', () => {
    // 3 × 1999 = 5997; 15% = 899.55 → 900; 5097 left = 3 × 1699; VAT 5097 × 21/121 = 884.60 → 885
    const cart = priceCart([line({ quantity: 3, unitPriceCents: 1999 })], [promo({ id: 4, name: 'Spring', value: 15 })], ctx());
    expect(cart.lines[0]).toMatchObject({
      unitPriceCents: 1999,
      discountCents: 900,
      lineTotalCents: 5097,
      unitNetPriceCents: 1699,
      vatCents: 885,
      promotion: { id: 4, name: 'Spring', title: { en: 'Spring', nl: 'Spring' }, code: null },
    });
    expect(cart.subtotalCents).toBe(5997);
    expect(cart.discountCents).toBe(900);
    expect(cart.totalCents).toBe(5097);
    expect(cart.appliedPromotions).toEqual([{ id: 4, name: 'Spring', title: { en: 'Spring', nl: 'Spring' }, code: null, scope: 'item', discountCents: 900, shippingDiscountCents: 0 }]);
  });

  it('rounds the unit net price for display when the line does not divide', () => {
    // 3 × 333 = 999; 50% = 499.5 → 500; 499 left; 499 / 3 = 166.33 → 166; VAT 499 × 21/121 = 86.60 → 87
    const cart = priceCart([line({ quantity: 3, unitPriceCents: 333 })], [promo({ value: 50 })], ctx());
    expect(cart.lines[0]).toMatchObject({ discountCents: 500, lineTotalCents: 499, unitNetPriceCents: 166, vatCents: 87 });
  });

  it('applies a fixed amount per unit', () => {
    // 2 × 1500 − 2 × 300 = 2400; 2400 / 2 = 1200; VAT 2400 × 21/121 = 416.53 → 417
    const cart = priceCart([line({ quantity: 2, unitPriceCents: 1500 })], [promo({ kind: 'fixed_amount', value: 300 })], ctx());
    expect(cart.lines[0]).toMatchObject({ discountCents: 600, lineTotalCents: 2400, unitNetPriceCents: 1200, vatCents: 417 });
  });

  it('caps a fixed amount at the unit price (never negative)', () => {
    // 2 × min(300, 250) = 500 → the line is free
    const cart = priceCart([line({ quantity: 2, unitPriceCents: 250 })], [promo({ kind: 'fixed_amount', value: 300 })], ctx());
    expect(cart.lines[0]).toMatchObject({ discountCents: 500, lineTotalCents: 0, unitNetPriceCents: 0, vatCents: 0 });
    expect(cart.totalCents).toBe(0);
  });

  it('sums one promotion over the lines it wins', () => {
    // 10% of 1000 = 100, 10% of 2 × 500 = 100
    const cart = priceCart(
      [line({ variantId: 1, unitPriceCents: 1000 }), line({ variantId: 2, quantity: 2, unitPriceCents: 500 })],
      [promo({ id: 9, name: 'All 10' })],
      ctx(),
    );
    expect(cart.appliedPromotions).toEqual([{ id: 9, name: 'All 10', title: { en: 'All 10', nl: 'All 10' }, code: null, scope: 'item', discountCents: 200, shippingDiscountCents: 0 }]);
    expect(cart.totalCents).toBe(1800);
  });

  it('does not apply a promotion whose discount rounds to 0', () => {
    // 1% of 10 cents = 0.1 → 0
    const cart = priceCart([line({ unitPriceCents: 10 })], [promo({ value: 1 })], ctx());
    expect(cart.lines[0].promotion).toBeNull();
    expect(cart.appliedPromotions).toEqual([]);
  });

  it('prices a free (0 cent) line', () => {
    const cart = priceCart([line({ unitPriceCents: 0 })], [promo()], ctx());
    expect(cart.lines[0]).toMatchObject({ lineTotalCents: 0, discountCents: 0, vatCents: 0, promotion: null });
  });
});

describe('priceCart — shipping on the discounted total', () => {
  it('charges delivery when a discount takes the goods below 5000', () => {
    // 5500 − 10% (550) = 4950 < 5000 → 495; total 5445; VAT 4950 × 21/121 = 859.09 → 859, + 86 = 945
    const cart = priceCart([line({ unitPriceCents: 5500 })], [promo()], ctx({ fulfilment: 'delivery' }));
    expect(cart.shippingCents).toBe(495);
    expect(cart.totalCents).toBe(5445);
    expect(cart.vat).toEqual([{ rateBp: 2100, grossCents: 5445, vatCents: 945 }]);
  });

  it('delivers free from exactly 5000 after discount', () => {
    expect(priceCart([line({ unitPriceCents: 5500 })], [], ctx({ fulfilment: 'delivery' })).shippingCents).toBe(0);
    // 6250 − 20% (1250) = 5000 → free
    const cart = priceCart([line({ unitPriceCents: 6250 })], [promo({ value: 20 })], ctx({ fulfilment: 'delivery' }));
    expect(cart.shippingCents).toBe(0);
    expect(cart.totalCents).toBe(5000);
    // 4999 → charged
    expect(priceCart([line({ unitPriceCents: 4999 })], [], ctx({ fulfilment: 'delivery' })).totalCents).toBe(5494);
  });

  it('pickup, in_store and no fulfilment cost nothing', () => {
    for (const fulfilment of ['pickup', 'in_store', undefined] as const) {
      const cart = priceCart([line({ unitPriceCents: 1000 })], [], ctx({ fulfilment }));
      expect(cart.shippingCents).toBe(0);
      expect(cart.totalCents).toBe(1000);
    }
  });
});

describe('priceCart — input safety net', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for quantity %s', (quantity) => {
    expect(() => priceCart([line({ quantity })], [], ctx())).toThrow(RangeError);
  });

  it.each([-1, 10.5, Number.NaN])('throws RangeError for unitPriceCents %s', (unitPriceCents) => {
    expect(() => priceCart([line({ unitPriceCents })], [], ctx())).toThrow(RangeError);
  });

  it('throws RangeError for an unknown tax class', () => {
    // @ts-expect-error — deliberately invalid input
    expect(() => priceCart([line({ taxClass: 'toString' })], [], ctx())).toThrow(RangeError);
  });
});
