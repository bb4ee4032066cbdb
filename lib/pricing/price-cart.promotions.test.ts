import { describe, it, expect } from 'vitest';
import { priceCart } from './price-cart';
import { NOW, ctx, line, promo } from './test-helpers';

describe('priceCart — promotion window', () => {
  const start = new Date('2026-03-01T00:00:00Z');
  const end = new Date('2026-04-01T00:00:00Z');
  const p = promo({ value: 20, startsAt: start, endsAt: end });
  const totalAt = (ms: number) => priceCart([line({ unitPriceCents: 1000 })], [p], ctx({ now: new Date(ms) })).totalCents;

  it('1 ms before the start → normal price', () => expect(totalAt(start.getTime() - 1)).toBe(1000));
  it('exactly at the start → discounted (1000 − 20%)', () => expect(totalAt(start.getTime())).toBe(800));
  it('1 ms before the end → discounted', () => expect(totalAt(end.getTime() - 1)).toBe(800));
  it('exactly at the end → normal price', () => expect(totalAt(end.getTime())).toBe(1000));
});

describe('priceCart — codes', () => {
  const promos = [
    promo({ id: 1, name: 'Spring', code: 'Spring10', value: 10 }),
    promo({ id: 2, name: 'Old', code: 'OLD5', value: 5, endsAt: new Date('2026-04-01T00:00:00Z') }), // ended before NOW
    promo({ id: 3, name: 'Summer', code: 'SUMMER', value: 30, startsAt: new Date('2026-06-01T00:00:00Z') }), // not yet
    promo({ id: 4, name: 'Store', code: 'STOREONLY', value: 40, channels: ['store'] }),
  ];
  const cartLine = line({ unitPriceCents: 2000 });

  it('accepts a code case-insensitively and applies it (2000 − 10% = 1800)', () => {
    const cart = priceCart([cartLine], promos, ctx({ codes: ['  spring10 '] }));
    expect(cart.codes).toEqual({ accepted: ['SPRING10'], rejected: [], refusals: [] });
    expect(cart.lines[0].promotion).toEqual({ id: 1, name: 'Spring', title: { en: 'Spring', nl: 'Spring' }, code: 'SPRING10' });
    expect(cart.totalCents).toBe(1800);
    expect(cart.appliedPromotions).toEqual([{ id: 1, name: 'Spring', title: { en: 'Spring', nl: 'Spring' }, code: 'SPRING10', scope: 'item', discountCents: 200, shippingDiscountCents: 0 }]);
  });

  it('rejects unknown, expired, not-yet-valid and wrong-channel codes, de-duplicated in input order', () => {
    const cart = priceCart(
      [cartLine],
      promos,
      ctx({ codes: ['nope', 'old5', 'Summer', 'storeonly', 'SPRING10', 'spring10', ''] }),
    );
    expect(cart.codes).toEqual({
      accepted: ['SPRING10'],
      rejected: ['NOPE', 'OLD5', 'SUMMER', 'STOREONLY'],
      refusals: [
        { code: 'NOPE', reason: 'unknown' },
        { code: 'OLD5', reason: 'expired' },
        { code: 'SUMMER', reason: 'not_yet_valid' },
        { code: 'STOREONLY', reason: 'wrong_channel' },
      ],
    });
    expect(cart.totalCents).toBe(1800); // only Spring applies
  });

  it('accepts a channel-restricted code in its own channel (2000 − 40% = 1200)', () => {
    const cart = priceCart([cartLine], promos, ctx({ channel: 'store', codes: ['storeonly'] }));
    expect(cart.codes).toEqual({ accepted: ['STOREONLY'], rejected: [], refusals: [] });
    expect(cart.totalCents).toBe(1200);
  });

  it('does not apply a coded promotion without its code', () => {
    const cart = priceCart([cartLine], promos, ctx());
    expect(cart.totalCents).toBe(2000);
    expect(cart.appliedPromotions).toEqual([]);
    expect(cart.codes).toEqual({ accepted: [], rejected: [], refusals: [] });
  });

  it('accepts a valid code even when an automatic promotion beats it', () => {
    // automatic 25% = 500 beats SPRING10 = 200
    const cart = priceCart([cartLine], [...promos, promo({ id: 5, name: 'Auto', value: 25 })], ctx({ codes: ['spring10'] }));
    expect(cart.codes.accepted).toEqual(['SPRING10']);
    expect(cart.lines[0].promotion?.id).toBe(5);
    expect(cart.appliedPromotions).toEqual([{ id: 5, name: 'Auto', title: { en: 'Auto', nl: 'Auto' }, code: null, scope: 'item', discountCents: 500, shippingDiscountCents: 0 }]);
    expect(cart.totalCents).toBe(1500);
  });
});

describe('priceCart — best promotion, no stacking', () => {
  const pct = promo({ id: 1, name: '10%', value: 10 });
  const fixed = promo({ id: 2, name: '150 off', kind: 'fixed_amount', value: 150 });

  it('gives each line the larger discount, never both', () => {
    // line 1: 10% of 1000 = 100 < 150 → fixed; line 2: 10% of 2000 = 200 > 150 → percentage
    const cart = priceCart(
      [line({ variantId: 1, unitPriceCents: 1000 }), line({ variantId: 2, unitPriceCents: 2000 })],
      [pct, fixed],
      ctx(),
    );
    expect(cart.lines.map((l) => [l.promotion?.id, l.discountCents])).toEqual([
      [2, 150],
      [1, 200],
    ]);
    expect(cart.discountCents).toBe(350);
    expect(cart.totalCents).toBe(2650); // 3000 − 350
    expect(cart.appliedPromotions).toEqual([
      { id: 2, name: '150 off', title: { en: '150 off', nl: '150 off' }, code: null, scope: 'item', discountCents: 150, shippingDiscountCents: 0 },
      { id: 1, name: '10%', title: { en: '10%', nl: '10%' }, code: null, scope: 'item', discountCents: 200, shippingDiscountCents: 0 },
    ]);
  });

  it('breaks a tie with the lower promotion id, whatever the input order', () => {
    // 10% of 1000 = 100 = fixed 100
    const a = promo({ id: 7, value: 10 });
    const b = promo({ id: 3, kind: 'fixed_amount', value: 100 });
    for (const order of [[a, b], [b, a]]) {
      const cart = priceCart([line({ unitPriceCents: 1000 })], order, ctx());
      expect(cart.lines[0].promotion?.id).toBe(3);
      expect(cart.totalCents).toBe(900);
    }
  });
});

describe('priceCart — channels', () => {
  const priceIn = (channels: ('web' | 'store')[] | null, channel: 'web' | 'store') =>
    priceCart([line({ unitPriceCents: 1000 })], [promo({ channels })], ctx({ channel })).totalCents;

  it('a store-only promotion does not apply on the web', () => {
    expect(priceIn(['store'], 'web')).toBe(1000);
    expect(priceIn(['store'], 'store')).toBe(900);
  });

  it('null and [] channels apply everywhere', () => {
    for (const channels of [null, []]) {
      expect(priceIn(channels, 'web')).toBe(900);
      expect(priceIn(channels, 'store')).toBe(900);
    }
  });
});

describe('priceCart — targets', () => {
  const lines = [
    line({ variantId: 1, productId: 10, categoryId: 100 }),
    line({ variantId: 2, productId: 10, categoryId: 100 }),
    line({ variantId: 3, productId: 20, categoryId: 100 }),
    line({ variantId: 4, productId: 30, categoryId: 200 }),
  ];
  // every line is 1 × 1000, so 10% = 100 where the promotion targets it
  const discounts = (target: 'all' | 'category' | 'product' | 'variant', targetId: number | null) =>
    priceCart(lines, [promo({ target, targetId })], ctx()).lines.map((l) => l.discountCents);

  it('all', () => expect(discounts('all', null)).toEqual([100, 100, 100, 100]));
  it('category', () => expect(discounts('category', 100)).toEqual([100, 100, 100, 0]));
  it('product', () => expect(discounts('product', 10)).toEqual([100, 100, 0, 0]));
  it('variant', () => expect(discounts('variant', 2)).toEqual([0, 100, 0, 0]));
});

describe('priceCart — purity', () => {
  it('does not mutate its inputs and is deterministic', () => {
    const lines = [line({ quantity: 2 })];
    const promos = [promo({ id: 2 }), promo({ id: 1, value: 20 })];
    const snapshot = JSON.stringify({ lines, promos });
    const a = priceCart(lines, promos, ctx({ now: NOW }));
    const b = priceCart(lines, promos, ctx({ now: NOW }));
    expect(a).toEqual(b);
    expect(JSON.stringify({ lines, promos })).toBe(snapshot);
  });
});

describe('priceCart — campaign codes (one promotion, many codes)', () => {
  // lib/promotions hands the engine one candidate per entered campaign code: the promotion with that
  // code as `code` and the code's own uses left.
  const spring = promo({ id: 7, name: 'Spring', code: 'SPRING', value: 10, combination: 'combinable' });
  const campaign = (code: string, codeUsesLeft: number) => ({ ...spring, code, codeUsesLeft });
  const cartLine = line({ unitPriceCents: 2000 });

  it('a campaign code prices exactly like the promotion’s own code (2000 − 10% = 1800)', () => {
    const own = priceCart([cartLine], [spring], ctx({ codes: ['SPRING'] }));
    const generated = priceCart([cartLine], [campaign('NEWS-ABCD2345', 1)], ctx({ codes: ['news-abcd2345'] }));
    expect(generated.totalCents).toBe(1800);
    expect(generated.totalCents).toBe(own.totalCents);
    expect(generated.codes).toEqual({ accepted: ['NEWS-ABCD2345'], rejected: [], refusals: [] });
    expect(generated.appliedPromotions).toMatchObject([{ id: 7, code: 'NEWS-ABCD2345', discountCents: 200 }]);
  });

  it('a campaign code with no uses left is refused as used up', () => {
    const cart = priceCart([cartLine], [campaign('NEWS-USED2345', 0)], ctx({ codes: ['NEWS-USED2345'] }));
    expect(cart.codes.refusals).toEqual([{ code: 'NEWS-USED2345', reason: 'used_up' }]);
    expect(cart.totalCents).toBe(2000);
  });

  it('two codes of one (combinable) promotion: it applies once, the second code is refused as same_promotion', () => {
    const cart = priceCart([cartLine], [spring, campaign('NEWS-ABCD2345', 1)], ctx({ codes: ['SPRING', 'NEWS-ABCD2345'] }));
    expect(cart.totalCents).toBe(1800);
    expect(cart.codes).toEqual({ accepted: ['SPRING'], rejected: ['NEWS-ABCD2345'], refusals: [{ code: 'NEWS-ABCD2345', reason: 'same_promotion' }] });
  });

  it('a used-up campaign code does not block another usable code of the same promotion', () => {
    const cart = priceCart([cartLine], [campaign('NEWS-USED2345', 0), campaign('NEWS-FRESH234', 1)], ctx({ codes: ['NEWS-USED2345', 'NEWS-FRESH234'] }));
    expect(cart.totalCents).toBe(1800);
    expect(cart.codes.accepted).toEqual(['NEWS-FRESH234']);
    expect(cart.codes.refusals).toEqual([{ code: 'NEWS-USED2345', reason: 'used_up' }]);
  });
});
