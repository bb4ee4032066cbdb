import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { mergeCustomers } from '@/lib/customers/mutations';
import type { Actor } from '@/lib/identity/queries';
import { transitionOrder } from '@/lib/orders/mutations';
import { priceCart } from '@/lib/pricing';
import { loadPricingFacts } from '@/lib/promotions/candidates';
import { createCustomerActor, createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { counterSale, createProfile, webOrder } from '@/lib/testing/orders';
import { getCustomerSegments, recomputeAllSegments, recomputeCustomerSegments } from './segments';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;
let admin: Actor;
const DAY = 24 * 60 * 60_000;
const now = new Date();

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 100, storeA: 100 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

/** Moves an order back in time (the fixture's history). */
async function placedDaysAgo(orderId: string, days: number) {
  await db.update(orders).set({ placedAt: new Date(now.getTime() - days * DAY) }).where(eq(orders.id, orderId));
}

describe('[INSIGHT][S14] customer segments', () => {
  it('computes each segment from the non-cancelled orders of every channel', async () => {
    const webNew = await createCustomerActor(db, 'webnew@example.com');
    await webOrder(db, shop, { fulfilment: 'delivery', actor: webNew });

    const omni = await createCustomerActor(db, 'omni@example.com');
    const o1 = await webOrder(db, shop, { fulfilment: 'delivery', actor: omni });
    const o2 = await counterSale(db, shop, clerk, omni.customerId);
    await placedDaysAgo(o1.orderId, 90);
    await placedDaysAgo(o2.orderId, 60);

    const storeLapsed = await createProfile(db, { name: 'Sam', email: 'sam@example.com' });
    for (const days of [400, 200]) await placedDaysAgo((await counterSale(db, shop, clerk, storeLapsed.id)).orderId, days);

    const webLapsed = await createCustomerActor(db, 'gone@example.com');
    await placedDaysAgo((await webOrder(db, shop, { fulfilment: 'delivery', actor: webLapsed })).orderId, 200);

    const newRepeat = await createCustomerActor(db, 'repeat@example.com');
    for (const days of [10, 2]) await placedDaysAgo((await webOrder(db, shop, { fulfilment: 'delivery', actor: newRepeat })).orderId, days);

    const cancelledOnly = await createCustomerActor(db, 'cancel@example.com');
    const c = await webOrder(db, shop, { fulfilment: 'delivery', actor: cancelledOnly });
    await transitionOrder(db, { orderId: c.orderId, to: 'cancelled', actor: admin });

    // Time moved the history: the job's pass brings every stored segment up to date.
    expect(await recomputeAllSegments(db, now)).toBeGreaterThan(0);
    expect(await getCustomerSegments(db, webNew.customerId!)).toEqual(['web_only', 'new']);
    expect(await getCustomerSegments(db, omni.customerId!)).toEqual(['omnichannel', 'loyal']);
    expect(await getCustomerSegments(db, storeLapsed.id)).toEqual(['store_only', 'loyal', 'lapsed']);
    expect(await getCustomerSegments(db, webLapsed.customerId!)).toEqual(['web_only', 'lapsed']);
    expect(await getCustomerSegments(db, newRepeat.customerId!)).toEqual(['web_only', 'new', 'loyal']);
    expect(await getCustomerSegments(db, cancelledOnly.customerId!)).toEqual([]);
    // A second pass finds nothing changed.
    expect(await recomputeAllSegments(db, now)).toBe(0);
  });

  it('is recomputed in the transaction of each purchase, web and counter, and on a merge', async () => {
    const eva = await createCustomerActor(db, 'eva@example.com');
    expect(await getCustomerSegments(db, eva.customerId!)).toEqual([]);
    await webOrder(db, shop, { fulfilment: 'pickup', actor: eva });
    expect(await getCustomerSegments(db, eva.customerId!)).toEqual(['web_only', 'new']);
    await counterSale(db, shop, clerk, eva.customerId);
    expect(await getCustomerSegments(db, eva.customerId!)).toEqual(['omnichannel', 'new', 'loyal']);

    const twin = await createProfile(db, { name: 'Eva (counter)', phone: '+31612345678' });
    await counterSale(db, shop, clerk, twin.id);
    expect(await getCustomerSegments(db, twin.id)).toEqual(['store_only', 'new']);
    const ben = await createCustomerActor(db, 'ben@example.com');
    await webOrder(db, shop, { fulfilment: 'delivery', actor: ben });
    await mergeCustomers(db, { keepId: ben.customerId!, mergeId: twin.id }, admin);
    expect(await getCustomerSegments(db, ben.customerId!)).toEqual(['omnichannel', 'new', 'loyal']);
    expect(await getCustomerSegments(db, twin.id)).toEqual([]);
  });

  it('a cancellation recomputes; one statement works without any order', async () => {
    const eva = await createCustomerActor(db, 'eva@example.com');
    const first = await webOrder(db, shop, { fulfilment: 'delivery', actor: eva });
    await webOrder(db, shop, { fulfilment: 'delivery', actor: eva });
    expect(await getCustomerSegments(db, eva.customerId!)).toEqual(['web_only', 'new', 'loyal']);
    await transitionOrder(db, { orderId: first.orderId, to: 'cancelled', actor: admin });
    expect(await getCustomerSegments(db, eva.customerId!)).toEqual(['web_only', 'new']);
    const nobody = await createProfile(db, { name: 'Nobody' });
    expect(await recomputeCustomerSegments(db, nobody.id)).toEqual([]);
  });
});

describe('[INSIGHT][S14][PROMOTIONS] a promotion for a customer segment', () => {
  it('applies only to customers in that segment, on the same price function', async () => {
    await createPromotionRow(db, { name: 'Loyal 10%', kind: 'percentage', value: 10, customerSegment: 'loyal' });
    const loyal = await createCustomerActor(db, 'loyal@example.com');
    for (let i = 0; i < 2; i++) await webOrder(db, shop, { fulfilment: 'delivery', actor: loyal });
    const once = await createCustomerActor(db, 'once@example.com');
    await webOrder(db, shop, { fulfilment: 'delivery', actor: once });

    const priceFor = async (customerId: number | null) => {
      const { cartId } = await getOrCreateWebCart(db, { customerId });
      await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
      const facts = await loadPricingFacts(db, new Date(), customerId);
      const line = { variantId: shop.variant.id, productId: shop.product.id, categoryId: shop.category.id, quantity: 1, unitPriceCents: 5000, taxClass: 'standard' as const };
      return priceCart([line], facts.promotions, { channel: 'web', now: new Date(), customerId, customer: facts.customer });
    };
    expect((await priceFor(loyal.customerId)).totalCents).toBe(4500);
    expect((await priceFor(once.customerId)).totalCents).toBe(5000);
    expect((await priceFor(null)).totalCents).toBe(5000);
  });
});
