import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { getAdminOrderDetail } from '@/lib/order-admin/detail-queries';
import { listAdminOrders } from '@/lib/order-admin/queries';
import { orderListFilterSchema } from '@/lib/order-admin/schemas';
import { createShop, createStaff, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { cancelReturn, createReturn, exchangeAtCounter } from './mutations';
import { insertOrder } from './test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerk: Actor;
let size43: { id: number };

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 240_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { storeA: 5 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  size43 = await createVariant(db, { productId: shop.product.id, sku: 'TR-43-BLK', priceCents: 5000, size: '43' });
  await receiveStock(db, size43.id, shop.storeA.id, 5);
});

/** A delivered web order of 2 × € 50. */
const webOrder = () => insertOrder(db, { channel: 'web', stockLocationId: shop.warehouse.id, lines: [{ variantId: shop.variant.id, quantity: 2, unitPriceCents: 5000 }] });

const back = (orderId: string, orderLineId: number, quantity: number, receiveNow = true) =>
  createReturn(db, {
    orderId,
    method: 'counter',
    locationId: receiveNow ? shop.storeA.id : null,
    lines: [{ orderLineId, quantity, reason: 'too_small' }],
    receiveNow,
    actor: clerk,
    idempotencyKey: randomUUID(),
  });

const exchange = (orderId: string, orderLineId: number, quantity: number) =>
  exchangeAtCounter(db, {
    orderId,
    returnLines: [{ orderLineId, quantity, reason: 'too_small' }],
    replacements: [{ variantId: size43.id, quantity, replacesOrderLineId: orderLineId }],
    locationId: shop.storeA.id,
    tillSessionId: null,
    actor: clerk,
    idempotencyKey: randomUUID(),
  });

async function stateInList(orderId: string) {
  const { rows } = await listAdminOrders(db, admin, orderListFilterSchema.parse({}));
  return rows.find((r) => r.id === orderId)?.afterSales;
}

async function states(orderId: string) {
  return { list: await stateInList(orderId), detail: (await getAdminOrderDetail(db, admin, orderId))?.afterSales };
}

describe('after-sales state of an order (admin list and detail)', () => {
  it('reads from the returns that arrived: nothing back, requested only, partly returned, then returned', async () => {
    const order = await webOrder();
    expect(await states(order.id)).toEqual({ list: null, detail: null });
    // On its way back (requested, not received): still as it was; cancelled: likewise.
    const requested = await back(order.id, order.lineIds[0], 1, false);
    expect(await states(order.id)).toEqual({ list: null, detail: null });
    await cancelReturn(db, { returnId: requested.returnId, actor: clerk });
    await back(order.id, order.lineIds[0], 1);
    expect(await states(order.id)).toEqual({ list: 'partly_returned', detail: 'partly_returned' });
    // The rest comes back in an exchange: a mix of a refund and an exchange reads as returned.
    await exchange(order.id, order.lineIds[0], 1);
    expect(await states(order.id)).toEqual({ list: 'returned', detail: 'returned' });
    // Its status is still what the order went through.
    expect((await getAdminOrderDetail(db, admin, order.id))?.status).toBe('delivered');
  });

  it('an exchange reads as exchanged (partly, then wholly); the exchange order itself has nothing back, and its payment is the exchange, not store credit', async () => {
    const order = await webOrder();
    const first = await exchange(order.id, order.lineIds[0], 1);
    expect(await states(order.id)).toEqual({ list: 'partly_exchanged', detail: 'partly_exchanged' });
    await exchange(order.id, order.lineIds[0], 1);
    expect(await states(order.id)).toEqual({ list: 'exchanged', detail: 'exchanged' });

    const replacement = await getAdminOrderDetail(db, admin, first.exchangeOrderId);
    expect(replacement?.afterSales).toBeNull();
    expect(replacement?.payments).toEqual([expect.objectContaining({ method: 'store_credit', exchange: true, amountCents: 5000, status: 'succeeded' })]);
    // The original order's own payment is a real one.
    expect((await getAdminOrderDetail(db, admin, order.id))?.payments).toEqual([expect.objectContaining({ method: 'test_provider', exchange: false })]);
  });
});
