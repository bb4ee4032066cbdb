import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from './allocation';
import { priceCart } from './price-cart';
import type { PriceContext, PriceLineInput, PromotionCandidate } from './types';
import { vatIncluded } from './vat';

// Properties of priceCart over random carts and random mixes of every promotion kind.

const lineArb = (variantId: number) =>
  fc.record({
    productId: fc.integer({ min: 1, max: 6 }),
    categoryId: fc.integer({ min: 1, max: 3 }),
    quantity: fc.integer({ min: 1, max: 6 }),
    unitPriceCents: fc.integer({ min: 0, max: 20_000 }),
    taxClass: fc.constantFrom('standard' as const, 'reduced' as const, 'zero' as const),
  }).map((l): PriceLineInput => ({ variantId, ...l }));

// Unique variant ids (a cart has one line per variant).
const cartArb = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineArb(100 + i))));

const refArb = fc.oneof(
  fc.record({ type: fc.constant('category' as const), id: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constant('product' as const), id: fc.integer({ min: 1, max: 6 }) }),
);

const promoArb = (id: number) =>
  fc
    .record({
      scope: fc.constantFrom('item' as const, 'order' as const, 'shipping' as const, 'buy_x_get_y' as const),
      kind: fc.constantFrom('percentage' as const, 'fixed_amount' as const, 'fixed_per_line' as const),
      pct: fc.integer({ min: 1, max: 100 }),
      cents: fc.integer({ min: 1, max: 30_000 }),
      target: fc.option(refArb, { nil: null }),
      exclusions: fc.array(refArb, { maxLength: 1 }),
      combination: fc.constantFrom('exclusive' as const, 'combinable' as const, 'with_codes' as const),
      priority: fc.integer({ min: 0, max: 3 }),
      minSubtotalCents: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
      maxUnitsPerLine: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      application: fc.constantFrom('each_line' as const, 'cheapest_line' as const),
      skipReducedLines: fc.boolean(),
      buy: fc.integer({ min: 1, max: 3 }),
      get: fc.integer({ min: 1, max: 2 }),
      getTarget: fc.option(refArb, { nil: null }),
      coded: fc.boolean(),
      budgetCents: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: null }),
    })
    .map((r): PromotionCandidate => {
      const kind = r.kind === 'fixed_per_line' && r.scope !== 'item' ? 'fixed_amount' : r.kind;
      return {
        id,
        name: `P${id}`,
        kind,
        value: kind === 'percentage' ? r.pct : r.cents,
        target: r.target ? r.target.type : 'all',
        targetId: r.target ? r.target.id : null,
        startsAt: null,
        endsAt: null,
        code: r.coded ? `CODE${id}` : null,
        channels: null,
        scope: r.scope,
        exclusions: r.exclusions,
        combination: r.combination,
        priority: r.priority,
        minSubtotalCents: r.minSubtotalCents,
        maxUnitsPerLine: r.maxUnitsPerLine,
        application: r.application,
        skipReducedLines: r.skipReducedLines,
        buyQuantity: r.buy,
        getQuantity: r.get,
        getTargets: r.getTarget ? [r.getTarget] : [],
        budgetCents: r.budgetCents,
      };
    });

const promosArb = fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => promoArb(i + 1))));

const ctxArb = fc.record({
  fulfilment: fc.constantFrom('delivery' as const, 'pickup' as const, undefined),
  staffCart: fc.option(fc.record({ kind: fc.constantFrom('percentage' as const, 'fixed_amount' as const), value: fc.integer({ min: 1, max: 100 }) }), { nil: null }),
});

function context(promos: PromotionCandidate[], c: { fulfilment: PriceContext['fulfilment']; staffCart: { kind: 'percentage' | 'fixed_amount'; value: number } | null }): PriceContext {
  return {
    channel: 'web',
    now: new Date('2026-05-01T10:00:00Z'),
    fulfilment: c.fulfilment,
    codes: promos.filter((p) => p.code).map((p) => p.code as string),
    staffDiscounts: c.staffCart ? { cart: { ...c.staffCart, reason: 'test' } } : undefined,
  };
}

const RUNS = { numRuns: 400 };

describe('priceCart properties', () => {
  it('the total discount never exceeds the goods total, no line goes below zero, totals add up', () => {
    fc.assert(
      fc.property(cartArb, promosArb, ctxArb, (lines, promos, c) => {
        const cart = priceCart(lines, promos, context(promos, c));
        expect(cart.discountCents).toBeGreaterThanOrEqual(0);
        expect(cart.discountCents).toBeLessThanOrEqual(cart.subtotalCents);
        for (const l of cart.lines) {
          expect(l.lineTotalCents).toBeGreaterThanOrEqual(0);
          expect(l.lineTotalCents).toBe(l.unitPriceCents * l.quantity - l.discountCents);
          // the savings on a line explain its whole discount
          expect(l.savings.reduce((a, s) => a + s.amountCents, 0)).toBe(l.discountCents);
        }
        expect(cart.shippingCents).toBeGreaterThanOrEqual(0);
        expect(cart.shippingCents).toBe(cart.shippingBeforeDiscountCents - cart.shippingDiscountCents);
        expect(cart.totalCents).toBe(cart.subtotalCents - cart.discountCents + cart.shippingCents);
        // per order: the savings add up to the goods discount plus the delivery discount
        expect(cart.savings.reduce((a, s) => a + s.amountCents, 0)).toBe(cart.discountCents + cart.shippingDiscountCents);
      }),
      RUNS,
    );
  });

  it('order-level allocations sum exactly to the discount and never exceed a line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 30 }), (amount, weights) => {
        const total = weights.reduce((a, w) => a + w, 0);
        const capped = Math.min(amount, total);
        const parts = allocateLargestRemainder(capped, weights, weights.map((_, i) => i));
        expect(parts.reduce((a, p) => a + p, 0)).toBe(total === 0 ? 0 : capped);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(weights[i]);
        });
      }),
      RUNS,
    );
    fc.assert(
      fc.property(cartArb, fc.integer({ min: 1, max: 100 }), (lines, pct) => {
        const order: PromotionCandidate = { id: 1, name: 'O', kind: 'percentage', value: pct, target: 'all', targetId: null, startsAt: null, endsAt: null, code: null, channels: null, scope: 'order' };
        const cart = priceCart(lines, [order], { channel: 'web', now: new Date() });
        const applied = cart.appliedPromotions[0]?.discountCents ?? 0;
        expect(cart.lines.reduce((a, l) => a + l.discountCents, 0)).toBe(applied);
        expect(applied).toBe(Math.round((cart.subtotalCents * pct) / 100));
      }),
      RUNS,
    );
  });

  it('is deterministic and independent of the order of lines and of promotions', () => {
    fc.assert(
      fc.property(cartArb, promosArb, ctxArb, fc.integer(), (lines, promos, c, seed) => {
        const ctx = context(promos, c);
        const a = priceCart(lines, promos, ctx);
        expect(priceCart(lines, promos, ctx)).toEqual(a);
        const shuffle = <T,>(xs: T[]) => xs.map((x, i) => ({ x, k: Math.imul(i + 1, seed | 1) ^ (seed >>> 3) })).sort((p, q) => p.k - q.k).map((p) => p.x);
        const b = priceCart(shuffle([...lines]), shuffle([...promos]), ctx);
        const byVariant = (cart: typeof a) => Object.fromEntries(cart.lines.map((l) => [l.variantId, [l.discountCents, l.lineTotalCents, l.vatCents]]));
        expect(b.totalCents).toBe(a.totalCents);
        expect(b.shippingCents).toBe(a.shippingCents);
        expect(byVariant(b)).toEqual(byVariant(a));
        expect(b.vat).toEqual(a.vat);
      }),
      RUNS,
    );
  });

  it('VAT per rate is consistent with the line totals (and shipping at the standard rate)', () => {
    fc.assert(
      fc.property(cartArb, promosArb, ctxArb, (lines, promos, c) => {
        const cart = priceCart(lines, promos, context(promos, c));
        for (const l of cart.lines) expect(l.vatCents).toBe(vatIncluded(l.lineTotalCents, l.vatRateBp));
        for (const v of cart.vat) {
          const ofRate = cart.lines.filter((l) => l.vatRateBp === v.rateBp);
          const shipping = v.rateBp === 2100 ? cart.shippingCents : 0;
          expect(v.grossCents).toBe(ofRate.reduce((a, l) => a + l.lineTotalCents, 0) + shipping);
          expect(v.vatCents).toBe(ofRate.reduce((a, l) => a + l.vatCents, 0) + (shipping > 0 ? vatIncluded(shipping, 2100) : 0));
        }
        expect(cart.vat.reduce((a, v) => a + v.grossCents, 0)).toBe(cart.totalCents);
        expect(cart.vatCents).toBe(cart.vat.reduce((a, v) => a + v.vatCents, 0));
      }),
      RUNS,
    );
  });
});
