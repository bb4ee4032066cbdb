// Usage limits under real concurrency: runs only in the 'postgres' vitest project (see vitest.config.mts).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { carts, orderLines, orders, promotionCustomerUsage, promotionRedemptions, promotions } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { placeOrder, transitionOrder, type PlaceOrderInput } from '@/lib/orders/mutations';
import { priceCart } from '@/lib/pricing';
import { createCustomerActor, createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { loadCustomerFacts, loadPromotionCandidates } from './candidates';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 120_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 100, storeA: 100, storeB: 0 });
});

async function withCode(cartId: string, code: string) {
  await db.update(carts).set({ promotionCodes: [code] }).where(eq(carts.id, cartId));
}

describe('promotion usage limits (PostgreSQL)', () => {
  it('20 simultaneous checkouts (web and counter) with a code limited to 5 uses: exactly 5 get it, the rest are told it is used up', async () => {
    const promo = await createPromotionRow(db, { name: 'Five', kind: 'percentage', value: 10, code: 'FIVE', usageLimit: 5 });
    const attempts: { input: PlaceOrderInput; actor: Actor | null }[] = [];
    for (let i = 0; i < 10; i++) {
      const { cartId } = await getOrCreateWebCart(db, {});
      await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
      await withCode(cartId, 'FIVE');
      attempts.push({ input: { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id, email: `s${i}@example.com` }, actor: null });
      const clerk = await createStaff(db, { role: 'clerk', email: `clerk${i}@example.com`, locationId: shop.storeA.id });
      const counter = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
      await addToCart(db, { cartId: counter.cartId, variantId: shop.variant.id, quantity: 1 });
      await withCode(counter.cartId, 'FIVE');
      attempts.push({ input: { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId: counter.cartId, stockLocationId: shop.storeA.id }, actor: clerk });
    }
    const results = await Promise.allSettled(attempts.map(({ input, actor }) => placeOrder(db, input, actor)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof DomainError ? r.reason.code : String(r.reason)] : []));
    expect(won).toHaveLength(5);
    expect(codes).toEqual(Array(15).fill('codeRefused.used_up'));
    const [row] = await db.select({ usedCount: promotions.usedCount, given: promotions.discountGivenCents }).from(promotions).where(eq(promotions.id, promo.id));
    expect(row).toEqual({ usedCount: 5, given: 5 * 500 });
    expect(await db.select().from(promotionRedemptions)).toHaveLength(5);
    expect(await db.select().from(orders)).toHaveLength(5);

    // The losers' carts stay open; priced again they now say "used up" before paying.
    const candidates = await loadPromotionCandidates(db, new Date());
    const again = priceCart([{ variantId: shop.variant.id, productId: shop.product.id, categoryId: shop.category.id, quantity: 1, unitPriceCents: 5000, taxClass: 'standard' }], candidates, { channel: 'web', now: new Date(), codes: ['FIVE'] });
    expect(again.codes.refusals).toEqual([{ code: 'FIVE', reason: 'used_up' }]);
  }, 120_000);

  it('a code once per customer: used online, refused the second time at the counter; cancelling gives the use back', async () => {
    const promo = await createPromotionRow(db, { name: 'Welcome', kind: 'percentage', value: 10, code: 'ONCE', perCustomerLimit: 1 });
    const anna = await createCustomerActor(db, 'anna@example.com');
    const customerId = anna.customerId as number;

    const web = await getOrCreateWebCart(db, { customerId });
    await addToCart(db, { cartId: web.cartId, variantId: shop.variant.id, quantity: 1 });
    await withCode(web.cartId, 'ONCE');
    const first = await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId: web.cartId, pickupLocationId: shop.storeA.id }, anna);
    expect(first.totalCents).toBe(4500);
    const [line] = await db.select({ savings: orderLines.savings, promotionName: orderLines.promotionName }).from(orderLines);
    expect(line.savings).toEqual([{ source: 'promotion', promotionId: promo.id, scope: 'item', title: { en: 'Welcome', nl: 'Welcome' }, code: 'ONCE', amountCents: 500 }]);
    expect(await db.select({ usedCount: promotionCustomerUsage.usedCount }).from(promotionCustomerUsage)).toEqual([{ usedCount: 1 }]);

    // At the counter the clerk links Anna: the price already refuses the code …
    const clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
    const counter = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId: counter.cartId, variantId: shop.variant.id, quantity: 1 });
    await withCode(counter.cartId, 'ONCE');
    const candidates = await loadPromotionCandidates(db, new Date(), { customerId });
    const priced = priceCart(
      [{ variantId: shop.variant.id, productId: shop.product.id, categoryId: shop.category.id, quantity: 1, unitPriceCents: 5000, taxClass: 'standard' }],
      candidates,
      { channel: 'store', now: new Date(), codes: ['ONCE'], customerId, customer: await loadCustomerFacts(db, customerId) },
    );
    expect(priced.codes.refusals).toEqual([{ code: 'ONCE', reason: 'already_used' }]);
    // … and placing the sale says so before paying (the clerk removes the code and sells at full price).
    await expect(placeOrder(db, { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId: counter.cartId, stockLocationId: shop.storeA.id, customerId }, clerk)).rejects.toMatchObject({ code: 'codeRefused.already_used' });
    await db.update(carts).set({ promotionCodes: [] }).where(eq(carts.id, counter.cartId));
    const second = await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId: counter.cartId, stockLocationId: shop.storeA.id, customerId }, clerk);
    expect(second.totalCents).toBe(5000);

    // Cancelling the web order gives Anna's use back.
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    await transitionOrder(db, { orderId: first.orderId, to: 'cancelled', actor: admin });
    expect(await db.select({ usedCount: promotionCustomerUsage.usedCount }).from(promotionCustomerUsage)).toEqual([{ usedCount: 0 }]);
    const [after] = await db.select({ usedCount: promotions.usedCount }).from(promotions).where(eq(promotions.id, promo.id));
    expect(after.usedCount).toBe(0);
  }, 120_000);

  it('two orders of one customer racing for a once-per-customer code: one gets it', async () => {
    await createPromotionRow(db, { name: 'Welcome', kind: 'percentage', value: 10, code: 'ONCE', perCustomerLimit: 1 });
    const anna = await createCustomerActor(db, 'anna@example.com');
    const customerId = anna.customerId as number;
    const clerks = await Promise.all([0, 1].map((i) => createStaff(db, { role: 'clerk', email: `c${i}@example.com`, locationId: shop.storeA.id })));
    const inputs: { input: PlaceOrderInput; actor: Actor }[] = [];
    for (const clerk of clerks) {
      const counter = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
      await addToCart(db, { cartId: counter.cartId, variantId: shop.variant.id, quantity: 1 });
      await withCode(counter.cartId, 'ONCE');
      inputs.push({ input: { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId: counter.cartId, stockLocationId: shop.storeA.id, customerId }, actor: clerk });
    }
    const results = await Promise.allSettled(inputs.map(({ input, actor }) => placeOrder(db, input, actor)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((lost?.reason as DomainError).code).toBe('codeRefused.used_up');
  }, 120_000);
});
