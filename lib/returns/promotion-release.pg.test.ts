// The last two returns of an order arriving at the same moment: runs only in the 'postgres' vitest project.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { promotionRedemptions, promotions } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { registerPromotionUsage } from '@/lib/promotions/candidates';
import { createCustomerActor, createPromotionRow, createShop, createStaff, createVariant, resetDatabase } from '@/lib/testing/fixtures';
import { createReturn, receiveReturn } from './mutations';
import { insertOrder } from './test-helpers';

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
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 3 });
});

describe('promotion release under concurrency (PostgreSQL)', () => {
  it('two posted returns that together complete the order, received at once: the use comes back exactly once', async () => {
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    const eva = await createCustomerActor(db, 'eva@example.com');
    const promotion = await createPromotionRow(db, { name: 'Ten', kind: 'percentage', value: 10, code: 'TEN' });
    const applied = { id: promotion.id, name: 'Ten', title: { en: 'Ten', nl: 'Ten' }, code: 'TEN', scope: 'item' as const, discountCents: 500, shippingDiscountCents: 0 };
    // Two variants, so the two receipts do not wait for each other on one stock row.
    const other = await createVariant(db, { productId: shop.product.id, sku: 'TR-43-BLK', priceCents: 5000, size: '43' });
    for (let round = 0; round < 5; round++) {
      // Another order keeps one use, so a double release would show as 0.
      const kept = await insertOrder(db, { stockLocationId: shop.storeA.id, lines: [{ variantId: shop.variant.id, quantity: 1, unitPriceCents: 5000, discountCents: 500 }] });
      const order = await insertOrder(db, {
        channel: 'web',
        stockLocationId: shop.warehouse.id,
        customerId: eva.customerId,
        lines: [
          { variantId: shop.variant.id, quantity: 1, unitPriceCents: 5000, discountCents: 250 },
          { variantId: other.id, quantity: 1, unitPriceCents: 5000, discountCents: 250 },
        ],
      });
      for (const orderId of [kept.id, order.id]) {
        await db.transaction((tx) => registerPromotionUsage(tx, { orderId, customerId: null, priced: { appliedPromotions: [applied] }, candidates: [] }));
      }
      const posted = [];
      for (const orderLineId of order.lineIds) {
        posted.push(await createReturn(db, { orderId: order.id, method: 'post', locationId: shop.warehouse.id, lines: [{ orderLineId, quantity: 1, reason: 'too_small' }], receiveNow: false, actor: eva, idempotencyKey: randomUUID() }));
      }
      const [before] = await db.select({ used: promotions.usedCount }).from(promotions).where(eq(promotions.id, promotion.id));
      await Promise.all(posted.map((p) => receiveReturn(db, { returnId: p.returnId, locationId: shop.warehouse.id, conditions: [], actor: admin })));
      const [after] = await db.select({ used: promotions.usedCount }).from(promotions).where(eq(promotions.id, promotion.id));
      expect(after.used, `round ${round}`).toBe(before.used - 1);
      const [redemption] = await db.select({ releasedAt: promotionRedemptions.releasedAt }).from(promotionRedemptions).where(eq(promotionRedemptions.orderId, order.id));
      expect(redemption.releasedAt).toBeInstanceOf(Date);
    }
  }, 120_000);
});
