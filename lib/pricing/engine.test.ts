import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from './allocation';
import { amsterdamClock } from './amsterdam';
import { priceCart } from './price-cart';
import { ctx, line, promo } from './test-helpers';

// One test group per rule of the engine, at its boundaries. Figures in cents, VAT included.

describe('item promotions', () => {
  it('fixed per line: € 5 off the line once, not per unit; capped at the line', () => {
    const cart = priceCart([line({ quantity: 3, unitPriceCents: 1000 }), line({ variantId: 2, unitPriceCents: 300 })], [promo({ kind: 'fixed_per_line', value: 500 })], ctx());
    expect(cart.lines.map((l) => l.discountCents)).toEqual([500, 300]);
  });

  it('maximum discounted units per line: 20% on at most 2 of 5 units', () => {
    const cart = priceCart([line({ quantity: 5, unitPriceCents: 1000 })], [promo({ value: 20, maxUnitsPerLine: 2 })], ctx());
    expect(cart.lines[0].discountCents).toBe(400);
    // exactly at the maximum: all units
    const two = priceCart([line({ quantity: 2, unitPriceCents: 1000 })], [promo({ value: 20, maxUnitsPerLine: 2 })], ctx());
    expect(two.lines[0].discountCents).toBe(400);
  });

  it('several targets and exclusions: categories 100 and 200 except product 11', () => {
    const p = promo({ target: 'category', targetId: 100, additionalTargets: [{ type: 'category', id: 200 }], exclusions: [{ type: 'product', id: 11 }] });
    const cart = priceCart(
      [
        line({ variantId: 1, productId: 10, categoryId: 100 }),
        line({ variantId: 2, productId: 11, categoryId: 100 }),
        line({ variantId: 3, productId: 12, categoryId: 200 }),
        line({ variantId: 4, productId: 13, categoryId: 300 }),
      ],
      [p],
      ctx(),
    );
    expect(cart.lines.map((l) => l.discountCents)).toEqual([100, 0, 100, 0]);
  });

  it('not on items already reduced: skipReducedLines leaves lines an earlier promotion reduced', () => {
    const sale = promo({ id: 1, target: 'product', targetId: 10, value: 50, combination: 'combinable', priority: 10 });
    const extra = promo({ id: 2, value: 10, combination: 'combinable', skipReducedLines: true });
    const cart = priceCart([line({ variantId: 1, productId: 10 }), line({ variantId: 2, productId: 20 })], [sale, extra], ctx());
    expect(cart.lines.map((l) => l.discountCents)).toEqual([500, 100]);
  });

  it('once per order, on the cheapest targeted line', () => {
    const p = promo({ value: 50, application: 'cheapest_line', maxUnitsPerLine: 1 });
    const cart = priceCart([line({ variantId: 1, unitPriceCents: 3000, quantity: 2 }), line({ variantId: 2, unitPriceCents: 1200, quantity: 3 })], [p], ctx());
    expect(cart.lines.map((l) => l.discountCents)).toEqual([0, 600]);
  });
});

describe('order promotions and allocation', () => {
  const tenOff75 = promo({ id: 7, name: '€10 off over €75', scope: 'order', kind: 'fixed_amount', value: 1000, minSubtotalCents: 7500, code: 'TEN' });

  it('minimum exactly met applies; one cent below is refused with the reason', () => {
    const met = priceCart([line({ unitPriceCents: 2500, quantity: 3 })], [tenOff75], ctx({ codes: ['ten'] }));
    expect(met.discountCents).toBe(1000);
    expect(met.codes.accepted).toEqual(['TEN']);
    const below = priceCart([line({ unitPriceCents: 7499 })], [tenOff75], ctx({ codes: ['ten'] }));
    expect(below.discountCents).toBe(0);
    expect(below.codes.refusals).toEqual([{ code: 'TEN', reason: 'minimum_not_reached', minSubtotalCents: 7500, minItems: null }]);
  });

  it('allocates pro rata by largest remainder: 1000 over 3333/3333/3334 → 333/333/334, summing exactly', () => {
    const cart = priceCart(
      [line({ variantId: 1, unitPriceCents: 3333 }), line({ variantId: 2, unitPriceCents: 3333 }), line({ variantId: 3, unitPriceCents: 3334 })],
      [tenOff75],
      ctx({ codes: ['TEN'] }),
    );
    expect(cart.lines.map((l) => l.discountCents)).toEqual([333, 333, 334]);
    expect(cart.lines.every((l) => l.savings[0].scope === 'order')).toBe(true);
    expect(cart.totalCents).toBe(9000);
  });

  it('equal remainders go to the larger line, then the lower variant id — whatever the line order', () => {
    expect(allocateLargestRemainder(2, [1, 1, 1], [3, 1, 2])).toEqual([0, 1, 1]);
    expect(allocateLargestRemainder(1, [100, 200], [1, 2])).toEqual([0, 1]);
    expect(allocateLargestRemainder(7, [0, 0])).toEqual([0, 0]);
  });

  it('percentage off the order is rounded once, then allocated', () => {
    const p = promo({ scope: 'order', value: 15 });
    const cart = priceCart([line({ variantId: 1, unitPriceCents: 999 }), line({ variantId: 2, unitPriceCents: 1 })], [p], ctx());
    expect(cart.discountCents).toBe(150);
    expect(cart.lines.map((l) => l.discountCents)).toEqual([150, 0]);
  });
});

describe('conditions', () => {
  it('minimum number of items: exactly met applies, one fewer does not', () => {
    const p = promo({ value: 10, minItems: 3 });
    expect(priceCart([line({ quantity: 3 })], [p], ctx()).discountCents).toBe(300);
    expect(priceCart([line({ quantity: 2 })], [p], ctx()).discountCents).toBe(0);
  });

  it('customer conditions read the facts passed in; a guest is not signed in', () => {
    const signedIn = promo({ id: 1, code: 'MEMBERS', customerCondition: 'signed_in' });
    const loyal = promo({ id: 2, code: 'LOYAL', customerCondition: 'loyalty_member' });
    const first = promo({ id: 3, code: 'WELCOME', customerCondition: 'first_order' });
    const guest = priceCart([line()], [signedIn, loyal, first], ctx({ codes: ['MEMBERS', 'LOYAL', 'WELCOME'] }));
    expect(guest.codes.refusals.map((r) => [r.code, r.reason])).toEqual([
      ['MEMBERS', 'not_for_customer'],
      ['LOYAL', 'not_for_customer'],
    ]);
    expect(guest.codes.accepted).toEqual(['WELCOME']);
    const returning = priceCart([line()], [first], ctx({ codes: ['WELCOME'], customerId: 5, customer: { signedIn: true, firstOrder: false, loyaltyMember: true } }));
    expect(returning.codes.refusals).toEqual([{ code: 'WELCOME', reason: 'not_for_customer' }]);
  });

  it('channel restriction is kept', () => {
    const p = promo({ code: 'WEB', channels: ['web'] });
    expect(priceCart([line()], [p], ctx({ channel: 'store', codes: ['WEB'] })).codes.refusals[0].reason).toBe('wrong_channel');
  });

  describe('weekly hours in Europe/Amsterdam (happy hour Fri 17:00–19:00 local)', () => {
    const happy = promo({ weekdays: [5], dailyStartMinute: 17 * 60, dailyEndMinute: 19 * 60, value: 20 });
    const at = (iso: string) => priceCart([line()], [happy], ctx({ now: new Date(iso) })).discountCents;
    it('summer time (UTC+2): 15:00Z is 17:00 local → applies; 14:59:59Z → not; 17:00Z = 19:00 local → not', () => {
      expect(at('2026-07-03T15:00:00Z')).toBe(200);
      expect(at('2026-07-03T14:59:59Z')).toBe(0);
      expect(at('2026-07-03T16:59:59Z')).toBe(200);
      expect(at('2026-07-03T17:00:00Z')).toBe(0);
    });
    it('winter time (UTC+1): 16:00Z is 17:00 local → applies; 15:59Z → not', () => {
      expect(at('2026-12-04T16:00:00Z')).toBe(200);
      expect(at('2026-12-04T15:59:00Z')).toBe(0);
    });
    it('the clock follows the DST switches (last Sunday of March and October)', () => {
      expect(amsterdamClock(new Date('2026-03-29T00:59:00Z'))).toEqual({ weekday: 7, minute: 1 * 60 + 59 }); // 01:59 CET
      expect(amsterdamClock(new Date('2026-03-29T01:00:00Z'))).toEqual({ weekday: 7, minute: 3 * 60 }); // 03:00 CEST
      expect(amsterdamClock(new Date('2026-10-25T00:30:00Z'))).toEqual({ weekday: 7, minute: 2 * 60 + 30 }); // 02:30 CEST
      expect(amsterdamClock(new Date('2026-10-25T01:30:00Z'))).toEqual({ weekday: 7, minute: 2 * 60 + 30 }); // 02:30 CET again
      expect(amsterdamClock(new Date('2026-07-05T22:00:00Z'))).toEqual({ weekday: 1, minute: 0 }); // Monday 00:00 local
    });
    it('outside the hours a code says not_now', () => {
      const coded = { ...happy, code: 'HAPPY' };
      const cart = priceCart([line()], [coded], ctx({ now: new Date('2026-07-03T10:00:00Z'), codes: ['HAPPY'] }));
      expect(cart.codes.refusals).toEqual([{ code: 'HAPPY', reason: 'not_now' }]);
    });
  });
});

describe('buy X get Y', () => {
  const threeForTwo = promo({ id: 3, name: '3 for 2', scope: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, value: 100, target: 'category', targetId: 100 });

  it('3 for 2: the cheapest unit is free; 5 units → 1 application, 6 → 2', () => {
    const cart = priceCart([line({ variantId: 1, unitPriceCents: 1000, quantity: 2 }), line({ variantId: 2, unitPriceCents: 600, quantity: 1 })], [threeForTwo], ctx());
    expect(cart.lines.map((l) => l.discountCents)).toEqual([0, 600]);
    expect(cart.lines[1].savings[0]).toMatchObject({ scope: 'buy_x_get_y', title: { en: '3 for 2', nl: '3 for 2' } });
    expect(priceCart([line({ quantity: 5 })], [threeForTwo], ctx()).discountCents).toBe(1000);
    expect(priceCart([line({ quantity: 6 })], [threeForTwo], ctx()).discountCents).toBe(2000);
    expect(priceCart([line({ quantity: 2 })], [threeForTwo], ctx()).discountCents).toBe(0);
  });

  it('maximum number of applications reached exactly', () => {
    const once = { ...threeForTwo, maxApplications: 1 };
    expect(priceCart([line({ quantity: 9 })], [once], ctx()).discountCents).toBe(1000);
  });

  it('second at 50%: 3 units → one half price', () => {
    const second = promo({ scope: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, value: 50 });
    expect(priceCart([line({ quantity: 3, unitPriceCents: 999 })], [second], ctx()).discountCents).toBe(500); // round(999 × 50%) = 499.5 → 500
  });

  it('buy shoes get socks free: socks never count as the buy, cheapest socks first', () => {
    const p = promo({ scope: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, value: 100, target: 'category', targetId: 1, getTargets: [{ type: 'category', id: 2 }] });
    const shoes = line({ variantId: 1, categoryId: 1, unitPriceCents: 8000 });
    const socks = [line({ variantId: 2, categoryId: 2, unitPriceCents: 900 }), line({ variantId: 3, categoryId: 2, unitPriceCents: 500 })];
    const cart = priceCart([shoes, ...socks], [p], ctx());
    expect(cart.lines.map((l) => l.discountCents)).toEqual([0, 0, 500]);
    expect(priceCart(socks, [p], ctx()).discountCents).toBe(0);
  });
});

describe('shipping promotions', () => {
  const free = promo({ id: 4, name: 'Free delivery', scope: 'shipping', value: 100, code: 'SHIPFREE' });
  it('free delivery by code, only for delivery', () => {
    const cart = priceCart([line({ unitPriceCents: 2000 })], [free], ctx({ fulfilment: 'delivery', codes: ['SHIPFREE'] }));
    expect(cart.shippingBeforeDiscountCents).toBe(495);
    expect(cart.shippingCents).toBe(0);
    expect(cart.shippingDiscountCents).toBe(495);
    expect(cart.totalCents).toBe(2000);
    expect(cart.savings).toEqual([{ source: 'promotion', promotionId: 4, scope: 'shipping', title: { en: 'Free delivery', nl: 'Free delivery' }, code: 'SHIPFREE', amountCents: 495 }]);
    expect(cart.vat).toEqual([{ rateBp: 2100, grossCents: 2000, vatCents: 347 }]);
  });
  it('an amount off delivery, with a minimum', () => {
    const off = promo({ scope: 'shipping', kind: 'fixed_amount', value: 200, minSubtotalCents: 3000 });
    expect(priceCart([line({ unitPriceCents: 3000 })], [off], ctx({ fulfilment: 'delivery' })).shippingCents).toBe(295);
    expect(priceCart([line({ unitPriceCents: 2999 })], [off], ctx({ fulfilment: 'delivery' })).shippingCents).toBe(495);
  });
});

describe('stacking', () => {
  const sale = promo({ id: 1, name: 'Sale', value: 20, combination: 'with_codes' });
  const code = promo({ id: 2, name: '€10 off', scope: 'order', kind: 'fixed_amount', value: 1000, code: 'TEN', combination: 'combinable' });

  it('an automatic sale combinable with codes stacks with a code, the code on what the sale left', () => {
    const cart = priceCart([line({ unitPriceCents: 10000 })], [sale, code], ctx({ codes: ['TEN'] }));
    expect(cart.lines[0].savings.map((s) => [s.promotionId, s.amountCents])).toEqual([[1, 2000], [2, 1000]]);
    expect(cart.totalCents).toBe(7000);
    expect(cart.appliedPromotions.map((a) => a.id)).toEqual([1, 2]);
  });

  it('two automatic with_codes promotions do not stack with each other: the higher priority stays', () => {
    const other = promo({ id: 3, value: 50, combination: 'with_codes', priority: 5 });
    const cart = priceCart([line({ unitPriceCents: 10000 })], [sale, other], ctx());
    expect(cart.appliedPromotions.map((a) => a.id)).toEqual([3]);
    expect(cart.totalCents).toBe(5000);
  });

  it('exclusive: the best single option wins over a weaker stack', () => {
    const big = promo({ id: 9, scope: 'order', value: 40 });
    const cart = priceCart([line({ unitPriceCents: 10000 })], [sale, code, big], ctx({ codes: ['TEN'] }));
    expect(cart.totalCents).toBe(6000);
    expect(cart.appliedPromotions.map((a) => a.id)).toEqual([9]);
    expect(cart.codes.accepted).toEqual(['TEN']); // usable, but a better option won
  });

  it('a limited number of codes per cart', () => {
    const a = promo({ id: 1, code: 'AAA' });
    const b = promo({ id: 2, code: 'BBB' });
    const cart = priceCart([line()], [a, b], ctx({ codes: ['AAA', 'BBB'], maxCodes: 1 }));
    expect(cart.codes.accepted).toEqual(['AAA']);
    expect(cart.codes.refusals).toEqual([{ code: 'BBB', reason: 'too_many_codes' }]);
  });
});

describe('usage limits (as loaded with the candidates)', () => {
  it('total limit exactly reached → used_up; one below → applies', () => {
    const p = promo({ code: 'ONCE', usageLimit: 5, usage: { usedCount: 5, discountGivenCents: 0, usedByCustomer: 0 } });
    expect(priceCart([line()], [p], ctx({ codes: ['ONCE'] })).codes.refusals).toEqual([{ code: 'ONCE', reason: 'used_up' }]);
    const left = { ...p, usage: { usedCount: 4, discountGivenCents: 0, usedByCustomer: 0 } };
    expect(priceCart([line()], [left], ctx({ codes: ['ONCE'] })).discountCents).toBe(100);
  });

  it('per customer: needs a known customer, refused once their uses reach the limit', () => {
    const p = promo({ code: 'ONEEACH', perCustomerLimit: 1, usage: { usedCount: 3, discountGivenCents: 0, usedByCustomer: 1 } });
    expect(priceCart([line()], [p], ctx({ codes: ['ONEEACH'] })).codes.refusals[0].reason).toBe('not_for_customer');
    expect(priceCart([line()], [p], ctx({ codes: ['ONEEACH'], customerId: 8 })).codes.refusals[0].reason).toBe('already_used');
  });

  it('budget: the discount is capped at what is left of it, spread over the lines', () => {
    const p = promo({ value: 50, budgetCents: 10000, usage: { usedCount: 10, discountGivenCents: 9700, usedByCustomer: 0 } });
    const cart = priceCart([line({ variantId: 1, unitPriceCents: 1000 }), line({ variantId: 2, unitPriceCents: 1000 })], [p], ctx());
    expect(cart.discountCents).toBe(300);
    const spent = { ...p, usage: { usedCount: 10, discountGivenCents: 10000, usedByCustomer: 0 } };
    expect(priceCart([line()], [spent], ctx()).discountCents).toBe(0);
  });
});

describe('staff discounts (explicit inputs)', () => {
  it('a line discount after the promotions, then a cart discount on what is left, with the reason', () => {
    const cart = priceCart(
      [line({ variantId: 1, unitPriceCents: 10000 }), line({ variantId: 2, unitPriceCents: 5000 })],
      [promo({ value: 10 })],
      ctx({ channel: 'store', staffDiscounts: { lines: { 1: { kind: 'fixed_amount', value: 1000, reason: 'scratch' } }, cart: { kind: 'percentage', value: 10, reason: 'regular' } } }),
    );
    // line 1: 10000 − 1000 (promo) − 1000 (staff) = 8000; line 2: 5000 − 500 = 4500; cart 10% of 12500 = 1250
    expect(cart.totalCents).toBe(11250);
    expect(cart.lines.map((l) => l.lineTotalCents)).toEqual([7200, 4050]);
    expect(cart.savings.filter((s) => s.source === 'staff').map((s) => [s.scope, s.amountCents, s.reason])).toEqual([
      ['staff_line', 1000, 'scratch'],
      ['staff_cart', 1250, 'regular'],
    ]);
  });
  it('a malformed staff discount is a RangeError (validated before)', () => {
    expect(() => priceCart([line()], [], ctx({ staffDiscounts: { cart: { kind: 'percentage', value: 101, reason: 'x' } } }))).toThrow(RangeError);
  });
});

describe('Amsterdam clock agrees with the time-zone data', () => {
  it('every 37 minutes over 2025–2027 (DST switches included)', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const days: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 37 * 60_000 * 7) {
      const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
      expect(amsterdamClock(new Date(t))).toEqual({ weekday: days[parts.weekday], minute: Number(parts.hour) * 60 + Number(parts.minute) });
    }
  });
});
