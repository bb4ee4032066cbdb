// A single-use campaign code under real concurrency: runs only in the 'postgres' vitest project.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { carts, orders, promotionCodes, promotionRedemptions } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import { placeOrder } from '@/lib/orders/mutations';
import { createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { generateCampaignCodes } from './campaign-codes';

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

describe('campaign codes under concurrency (PostgreSQL)', () => {
  it('two checkouts at once (web and counter) with one single-use code: exactly one gets it, the other is told it is used up', async () => {
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    const clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
    const promotion = await createPromotionRow(db, { name: 'Newsletter', kind: 'percentage', value: 10 });
    await generateCampaignCodes(db, { promotionId: promotion.id, count: 1, prefix: 'RACE' }, admin);
    const [{ code }] = await db.select({ code: promotionCodes.code }).from(promotionCodes);

    // Both carts took the code while it was still free.
    const web = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId: web.cartId, variantId: shop.variant.id, quantity: 1 });
    const counter = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId: counter.cartId, variantId: shop.variant.id, quantity: 1 });
    for (const cartId of [web.cartId, counter.cartId]) await db.update(carts).set({ promotionCodes: [code] }).where(eq(carts.id, cartId));

    const results = await Promise.allSettled([
      placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId: web.cartId, pickupLocationId: shop.storeA.id, email: 'eva@example.com' }, null),
      placeOrder(db, { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId: counter.cartId, stockLocationId: shop.storeA.id }, clerk),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(won[0].status === 'fulfilled' && won[0].value.totalCents).toBe(4500);
    expect(lost.map((r) => (r.reason instanceof DomainError ? r.reason.code : String(r.reason)))).toEqual(['codeRefused.used_up']);
    expect(await db.select({ usedCount: promotionCodes.usedCount }).from(promotionCodes)).toEqual([{ usedCount: 1 }]);
    expect(await db.select().from(promotionRedemptions)).toHaveLength(1);
    expect(await db.select().from(orders)).toHaveLength(1);
  }, 120_000);
});
