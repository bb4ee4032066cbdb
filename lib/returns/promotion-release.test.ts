// Promotion usage comes back when an order is fully returned (issue #10), not on a partial return,
// not while a return is still on its way, not for an exchange — and only once.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { promotionCodes, promotionCustomerUsage, promotionRedemptions, promotions } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { registerPromotionUsage } from '@/lib/promotions/candidates';
import { generateCampaignCodes } from '@/lib/promotions/campaign-codes';
import { createCustomerActor, createPromotionRow, createShop, createStaff, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { createReturn, exchangeAtCounter, receiveReturn } from './mutations';
import { releasePromotionsIfFullyReturned } from './promotion-release';
import { insertOrder } from './test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerkB: Actor;
let eva: Actor;
let promotionId: number;
let campaignCode: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 120_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 2 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerkB = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
  eva = await createCustomerActor(db, 'eva@example.com');
  const promotion = await createPromotionRow(db, { name: 'Ten', kind: 'percentage', value: 10, code: 'TEN', perCustomerLimit: 5 });
  promotionId = promotion.id;
  await generateCampaignCodes(db, { promotionId, count: 1, prefix: 'RET' }, admin);
  [{ code: campaignCode }] = await db.select({ code: promotionCodes.code }).from(promotionCodes);
});

/** A completed counter order of 2 + 1 units that used the promotion through the campaign code (€ 15 off). */
async function orderWithPromotion() {
  const order = await insertOrder(db, {
    stockLocationId: shop.storeB.id,
    customerId: eva.customerId,
    lines: [
      { variantId: shop.variant.id, quantity: 2, unitPriceCents: 5000, discountCents: 1000 },
      { variantId: shop.variant.id, quantity: 1, unitPriceCents: 5000, discountCents: 500 },
    ],
  });
  const applied = { id: promotionId, name: 'Ten', title: { en: 'Ten', nl: 'Ten' }, code: campaignCode, scope: 'item' as const, discountCents: 1500, shippingDiscountCents: 0 };
  await db.transaction((tx) => registerPromotionUsage(tx, { orderId: order.id, customerId: eva.customerId!, priced: { appliedPromotions: [applied] }, candidates: [] }));
  return order;
}

async function usage() {
  const [p] = await db.select({ used: promotions.usedCount, given: promotions.discountGivenCents }).from(promotions).where(eq(promotions.id, promotionId));
  const [c] = await db.select({ used: promotionCodes.usedCount }).from(promotionCodes);
  const [mine] = await db.select({ used: promotionCustomerUsage.usedCount }).from(promotionCustomerUsage);
  return { promotion: p.used, givenCents: p.given, code: c.used, customer: mine.used };
}

const counterReturn = (orderId: string, orderLineId: number, quantity: number) =>
  createReturn(db, { orderId, method: 'counter', locationId: shop.storeB.id, lines: [{ orderLineId, quantity, reason: 'too_small' }], receiveNow: true, actor: clerkB, idempotencyKey: randomUUID() });

describe('promotion usage on a full return', () => {
  it('a partial return keeps the use; a posted rest keeps it until it arrives; its arrival gives everything back, once', async () => {
    const order = await orderWithPromotion();
    const used = { promotion: 1, givenCents: 1500, code: 1, customer: 1 };
    expect(await usage()).toEqual(used);

    await counterReturn(order.id, order.lineIds[0], 1);
    expect(await usage(), 'one of three units back').toEqual(used);

    // The rest by post: every unit is now on a return, but the parcel may yet be cancelled.
    const posted = await createReturn(db, {
      orderId: order.id,
      method: 'post',
      locationId: shop.warehouse.id,
      lines: [
        { orderLineId: order.lineIds[0], quantity: 1, reason: 'too_small' },
        { orderLineId: order.lineIds[1], quantity: 1, reason: 'too_small' },
      ],
      receiveNow: false,
      actor: eva,
      idempotencyKey: randomUUID(),
    });
    expect(await usage(), 'requested, not received').toEqual(used);

    await receiveReturn(db, { returnId: posted.returnId, locationId: shop.warehouse.id, conditions: [], actor: admin });
    expect(await usage(), 'the whole order is back').toEqual({ promotion: 0, givenCents: 0, code: 0, customer: 0 });
    const [redemption] = await db.select({ releasedAt: promotionRedemptions.releasedAt }).from(promotionRedemptions);
    expect(redemption.releasedAt).toBeInstanceOf(Date);

    // Once: another order's use of the same promotion is not taken back by a second call.
    await orderWithPromotionOfAnotherCustomer();
    expect(await db.transaction((tx) => releasePromotionsIfFullyReturned(tx, order.id))).toBe(false);
    const [p] = await db.select({ used: promotions.usedCount }).from(promotions).where(eq(promotions.id, promotionId));
    expect(p.used).toBe(1);
  });

  it('a counter return of the last units gives the use back at once', async () => {
    const order = await orderWithPromotion();
    await counterReturn(order.id, order.lineIds[1], 1);
    expect((await usage()).promotion).toBe(1);
    await counterReturn(order.id, order.lineIds[0], 2);
    expect(await usage()).toEqual({ promotion: 0, givenCents: 0, code: 0, customer: 0 });
  });

  it('an order exchanged in full keeps its use (the discount lives on in the exchange order)', async () => {
    const size43 = await createVariant(db, { productId: shop.product.id, sku: 'TR-43-BLK', priceCents: 5000, size: '43' });
    await receiveStock(db, size43.id, shop.storeB.id, 5);
    const order = await orderWithPromotion();
    await exchangeAtCounter(db, {
      orderId: order.id,
      returnLines: [
        { orderLineId: order.lineIds[0], quantity: 2, reason: 'too_small' },
        { orderLineId: order.lineIds[1], quantity: 1, reason: 'too_small' },
      ],
      replacements: [
        { variantId: size43.id, quantity: 2, replacesOrderLineId: order.lineIds[0] },
        { variantId: size43.id, quantity: 1, replacesOrderLineId: order.lineIds[1] },
      ],
      locationId: shop.storeB.id,
      tillSessionId: null,
      actor: clerkB,
      idempotencyKey: randomUUID(),
    });
    expect(await usage()).toEqual({ promotion: 1, givenCents: 1500, code: 1, customer: 1 });
  });
});

/** A second order on the same promotion (its own code, another customer), so a double release would show. */
async function orderWithPromotionOfAnotherCustomer() {
  const piet = await createCustomerActor(db, 'piet@example.com');
  const order = await insertOrder(db, { stockLocationId: shop.storeB.id, customerId: piet.customerId, lines: [{ variantId: shop.variant.id, quantity: 1, unitPriceCents: 5000, discountCents: 500 }] });
  const applied = { id: promotionId, name: 'Ten', title: { en: 'Ten', nl: 'Ten' }, code: 'TEN', scope: 'item' as const, discountCents: 500, shippingDiscountCents: 0 };
  await db.transaction((tx) => registerPromotionUsage(tx, { orderId: order.id, customerId: piet.customerId!, priced: { appliedPromotions: [applied] }, candidates: [] }));
}
