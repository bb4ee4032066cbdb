import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderEvents, orders, stockLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { placeOrder, recordPayment } from './mutations';
import { expireUnpaidOrders, RESERVATION_EXPIRED_NOTE } from './reservation-expiry';
import { SYSTEM_ACTOR, transitionOrder } from './transition-order';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

const PLACED = new Date('2026-05-01T10:00:00Z');
const minutesLater = (m: number) => new Date(PLACED.getTime() + m * 60_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3 });
});

async function webPickup(at = PLACED) {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  return placeOrder(
    db,
    { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id, email: 'e@example.com', now: at },
    null,
  );
}

async function statusOf(orderId: string) {
  const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return row.status;
}

async function reservedInStoreA() {
  const [row] = await db
    .select({ reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, shop.storeA.id)));
  return row.reserved;
}

describe('reservation expiry', () => {
  it('cancels an unpaid web order once its hold time (30 minutes by default) has passed and releases its stock', async () => {
    const order = await webPickup();
    expect(await reservedInStoreA()).toBe(1);
    expect(await expireUnpaidOrders(db, minutesLater(29))).toMatchObject({ handled: 0, nextDueAt: minutesLater(30) });
    expect(await statusOf(order.orderId)).toBe('pending_payment');

    expect((await expireUnpaidOrders(db, minutesLater(31))).handled).toBe(1);
    expect(await statusOf(order.orderId)).toBe('cancelled');
    expect(await reservedInStoreA()).toBe(0);
    expect(await ledgerMismatches(db)).toEqual([]);
    const events = await db.select({ type: orderEvents.type, actor: orderEvents.actorUserId, note: orderEvents.note }).from(orderEvents).where(eq(orderEvents.orderId, order.orderId));
    expect(events).toEqual([
      { type: 'placed', actor: null, note: null },
      { type: 'cancelled', actor: null, note: RESERVATION_EXPIRED_NOTE },
    ]);
  });

  it('leaves paid web orders and counter sales alone', async () => {
    const paid = await webPickup();
    await recordPayment(db, { orderId: paid.orderId, method: 'test_provider', amountCents: paid.totalCents, idempotencyKey: randomUUID() }, null);
    const clerk = await createStaff(db, { role: 'clerk', email: 'c@example.com', locationId: shop.storeA.id });
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const sale = await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId, stockLocationId: shop.storeA.id, now: PLACED }, clerk);
    expect((await expireUnpaidOrders(db, minutesLater(120))).handled).toBe(0);
    expect(await statusOf(paid.orderId)).toBe('paid');
    expect(await statusOf(sale.orderId)).toBe('pending_payment');
  });

  it('lets the system actor do nothing but cancel an unpaid web order', async () => {
    const order = await webPickup();
    await recordPayment(db, { orderId: order.orderId, method: 'test_provider', amountCents: order.totalCents, idempotencyKey: randomUUID() }, null);
    await expect(transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: SYSTEM_ACTOR })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(transitionOrder(db, { orderId: order.orderId, to: 'ready_for_pickup', actor: SYSTEM_ACTOR })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await statusOf(order.orderId)).toBe('paid');
  });

  it('cancels each due order exactly once when several instances run the job at the same moment', async () => {
    const placed = [await webPickup(), await webPickup(), await webPickup()];
    const results = await Promise.all([0, 1, 2, 3].map(() => expireUnpaidOrders(db, minutesLater(45))));
    expect(results.reduce((sum, r) => sum + r.handled, 0)).toBe(placed.length);
    const cancelled = await db.select({ id: orderEvents.id }).from(orderEvents).where(eq(orderEvents.type, 'cancelled'));
    expect(cancelled).toHaveLength(placed.length);
    expect(await reservedInStoreA()).toBe(0);
    expect(await ledgerMismatches(db)).toEqual([]);
  });
});
