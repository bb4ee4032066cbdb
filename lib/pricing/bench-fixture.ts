/**
 * The benchmark's cart for priceCart (issue #10): 50 lines and 200 mixed candidate promotions — item
 * (percentage, fixed per unit, fixed per line, max units, cheapest line, several targets and
 * exclusions), order (with minimums), BXGY (3 for 2, second half price, shoes → socks), shipping,
 * customer conditions, Amsterdam weekly hours, limits and budgets, all three combination policies and
 * codes. Deterministic (no randomness), pure data: `npm run bench` (e2e/bench/price-cart.ts) imports it.
 */
import type { PriceContext, PriceLineInput, PromotionCandidate, PromotionCombination, PromotionKind, PromotionScope } from './types';

const CATEGORIES = 8;
const PRODUCTS = 30;

/** 50 lines over 8 categories and 30 products, prices € 1,99 … € 149,99, quantities 1–4, mixed VAT. */
export function buildBenchCart(): PriceLineInput[] {
  return Array.from({ length: 50 }, (_, i) => ({
    variantId: 1000 + i,
    productId: 100 + (i % PRODUCTS),
    categoryId: 1 + (i % CATEGORIES),
    quantity: 1 + (i % 4),
    unitPriceCents: 199 + ((i * 7919) % 14800),
    taxClass: i % 5 === 0 ? 'reduced' : i % 17 === 0 ? 'zero' : 'standard',
  }));
}

/** 200 candidates of every kind; 20 of them have a code (the codes in benchContext are entered). */
export function buildBenchPromotions(): PromotionCandidate[] {
  const scopes: PromotionScope[] = ['item', 'item', 'item', 'order', 'buy_x_get_y', 'shipping'];
  const combos: PromotionCombination[] = ['exclusive', 'combinable', 'with_codes'];
  return Array.from({ length: 200 }, (_, i): PromotionCandidate => {
    const scope = scopes[i % scopes.length];
    const kind: PromotionKind = scope === 'item' && i % 7 === 0 ? 'fixed_per_line' : i % 3 === 0 ? 'fixed_amount' : 'percentage';
    const value = kind === 'percentage' ? 5 + (i % 45) : 100 + (i % 20) * 50;
    const targetKind = i % 4;
    const target = scope === 'order' || scope === 'shipping' ? 'all' : (['all', 'category', 'product', 'variant'] as const)[targetKind];
    const targetId = target === 'all' ? null : target === 'category' ? 1 + (i % CATEGORIES) : target === 'product' ? 100 + (i % PRODUCTS) : 1000 + (i % 50);
    return {
      id: i + 1,
      name: `Bench ${scope} ${i + 1}`,
      title: { en: `Bench ${i + 1}`, nl: `Bench ${i + 1}` },
      kind,
      value: scope === 'shipping' && kind === 'percentage' ? 100 : value,
      target,
      targetId,
      scope,
      additionalTargets: i % 5 === 0 ? [{ type: 'category', id: 1 + ((i + 3) % CATEGORIES) }] : [],
      exclusions: i % 6 === 0 ? [{ type: 'product', id: 100 + ((i + 1) % PRODUCTS) }] : [],
      skipReducedLines: i % 11 === 0,
      maxUnitsPerLine: i % 9 === 0 ? 2 : null,
      application: i % 13 === 0 ? 'cheapest_line' : 'each_line',
      buyQuantity: scope === 'buy_x_get_y' ? 1 + (i % 2) : null,
      getQuantity: scope === 'buy_x_get_y' ? 1 : null,
      getTargets: scope === 'buy_x_get_y' && i % 4 === 0 ? [{ type: 'category', id: 1 + ((i + 1) % CATEGORIES) }] : [],
      maxApplications: scope === 'buy_x_get_y' && i % 3 === 0 ? 2 : null,
      minSubtotalCents: scope === 'order' || i % 8 === 0 ? 5000 + (i % 10) * 1000 : null,
      minItems: i % 19 === 0 ? 3 : null,
      customerCondition: (['any', 'any', 'signed_in', 'loyalty_member', 'first_order'] as const)[i % 5],
      weekdays: i % 23 === 0 ? [1, 2, 3, 4, 5] : null,
      dailyStartMinute: i % 29 === 0 ? 9 * 60 : null,
      dailyEndMinute: i % 29 === 0 ? 18 * 60 : null,
      startsAt: i % 31 === 0 ? new Date('2026-01-01T00:00:00Z') : null,
      endsAt: i % 37 === 0 ? new Date('2027-01-01T00:00:00Z') : null,
      priority: i % 10,
      combination: combos[i % combos.length],
      code: i % 10 === 0 ? `BENCH${i}` : null,
      channels: i % 41 === 0 ? ['web'] : null,
      usageLimit: i % 12 === 0 ? 1000 : null,
      perCustomerLimit: i % 25 === 0 ? 3 : null,
      budgetCents: i % 15 === 0 ? 1_000_000 : null,
      usage: { usedCount: i, discountGivenCents: i * 100, usedByCustomer: 0 },
    };
  });
}

/** The context: web delivery, a known loyalty customer, every bench code entered, on a weekday afternoon. */
export function buildBenchContext(): PriceContext {
  return {
    channel: 'web',
    now: new Date('2026-05-06T12:00:00Z'),
    fulfilment: 'delivery',
    customerId: 42,
    customer: { signedIn: true, firstOrder: false, loyaltyMember: true },
    codes: Array.from({ length: 20 }, (_, k) => `BENCH${k * 10}`),
  };
}
