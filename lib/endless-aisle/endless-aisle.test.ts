import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, notifications, orderEvents, orders, payments, stockLevels, stockTransferLines, stockTransfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { handOverPickup } from '@/lib/orders/pickup-mutations';
import { listPickupsForStore } from '@/lib/orders/queries';
import { transitionOrder } from '@/lib/orders/transition-order';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { getExpectedCash } from '@/lib/till/cash';
import { openTillSession } from '@/lib/till/mutations';
import { receiveTransfer, shipTransfer } from '@/lib/transfers/mutations';
import { placeEndlessAisleOrder } from './place-order';
import { endlessAisleOrderSchema } from './schemas';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerkA: Actor;
let clerkB: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  // Store B (Utrecht) has none; the warehouse 10, store A 3.
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 0 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerkA = await createStaff(db, { role: 'clerk', email: 'a@example.com', locationId: shop.storeA.id });
  clerkB = await createStaff(db, { role: 'clerk', email: 'b@example.com', locationId: shop.storeB.id });
});

async function level(locationId: number) {
  const [row] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, locationId)));
  return row ?? { onHand: 0, reserved: 0 };
}

function input(overrides: Record<string, unknown> = {}) {
  return endlessAisleOrderSchema.parse({
    idempotencyKey: randomUUID(),
    variantId: String(shop.variant.id),
    quantity: '1',
    sourceLocationId: String(shop.warehouse.id),
    fulfilment: 'pickup',
    name: 'Sanne de Vries',
    email: 'sanne@example.com',
    method: 'card_terminal',
    ...overrides,
  });
}

async function refused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

const templatesOf = async (orderId: string) =>
  (await db.select({ template: notifications.templateKey }).from(notifications).where(eq(notifications.orderId, orderId))).map((n) => n.template);

describe('endless aisle: order for pickup here', () => {
  it('requests a transfer from the warehouse, is paid at the counter, and becomes ready when the transfer is received', async () => {
    const placed = await placeEndlessAisleOrder(db, { ...input({ quantity: '2' }), storeId: shop.storeB.id }, clerkB);
    expect(placed.transferNumber).toMatch(/^T-/);
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ channel: 'store', fulfilment: 'pickup', status: 'paid', pickupLocationId: shop.storeB.id, stockLocationId: shop.storeB.id, placedByUserId: clerkB.userId, totalCents: 10000 });
    expect(await db.select({ method: payments.method, amount: payments.amountCents }).from(payments)).toEqual([{ method: 'card_terminal', amount: 10000 }]);
    // Reserved at the origin for the transfer; nothing at Utrecht yet.
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 2 });
    expect(await templatesOf(placed.orderId)).toEqual(expect.arrayContaining(['order_confirmation']));
    const [transfer] = await db.select().from(stockTransfers);
    expect(transfer).toMatchObject({ orderId: placed.orderId, fromLocationId: shop.warehouse.id, toLocationId: shop.storeB.id, status: 'requested' });
    // Waiting: not yet in Utrecht's ready list.
    expect(await listPickupsForStore(db, shop.storeB.id, { statuses: ['ready_for_pickup'] })).toEqual([]);

    await shipTransfer(db, transfer.id, admin);
    const [line] = await db.select({ id: stockTransferLines.id }).from(stockTransferLines);
    await receiveTransfer(db, { transferId: transfer.id, counts: [{ lineId: line.id, received: 2 }] }, clerkB);

    const [after] = await db.select({ status: orders.status, pickupCode: orders.pickupCode }).from(orders).where(eq(orders.id, placed.orderId));
    expect(after.status).toBe('ready_for_pickup');
    expect(await level(shop.storeB.id)).toEqual({ onHand: 2, reserved: 2 });
    expect((await listPickupsForStore(db, shop.storeB.id, { statuses: ['ready_for_pickup'] })).map((p) => p.number)).toEqual([placed.number]);
    expect(await templatesOf(placed.orderId)).toEqual(expect.arrayContaining(['ready_for_pickup']));
    const events = (await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, placed.orderId))).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['placed', 'transfer_requested', 'paid', 'transfer_received', 'ready_for_pickup']));

    // Handed over with the code: the reserved units leave Utrecht.
    await handOverPickup(db, { orderId: placed.orderId, storeId: shop.storeB.id, actor: clerkB, pickupCode: after.pickupCode!, identityChecked: false });
    expect(await level(shop.storeB.id)).toEqual({ onHand: 0, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
    expect((await db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['transfer.requested', 'order.endless_aisle_placed', 'transfer.shipped', 'transfer.received']),
    );
  });

  it('with a shortfall the order keeps waiting and nothing is invented', async () => {
    const placed = await placeEndlessAisleOrder(db, { ...input({ quantity: '2' }), storeId: shop.storeB.id }, clerkB);
    const [transfer] = await db.select().from(stockTransfers);
    await shipTransfer(db, transfer.id, admin);
    const [line] = await db.select({ id: stockTransferLines.id }).from(stockTransferLines);
    await receiveTransfer(db, { transferId: transfer.id, counts: [{ lineId: line.id, received: 1 }] }, clerkB);
    const [after] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, placed.orderId));
    expect(after.status).toBe('paid');
    expect(await level(shop.storeB.id)).toEqual({ onHand: 1, reserved: 0 });
  });
});

describe('endless aisle: an order waiting for its transfer', () => {
  it('cannot be made ready by hand; cancelling it cancels the transfer and releases the origin', async () => {
    const placed = await placeEndlessAisleOrder(db, { ...input({ quantity: '2' }), storeId: shop.storeB.id }, clerkB);
    await refused(transitionOrder(db, { orderId: placed.orderId, to: 'ready_for_pickup', actor: clerkB }), 'orderAwaitingTransfer');
    await transitionOrder(db, { orderId: placed.orderId, to: 'cancelled', actor: admin });
    const [transfer] = await db.select({ status: stockTransfers.status }).from(stockTransfers);
    expect(transfer.status).toBe('cancelled');
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 0 });
    expect(await level(shop.storeB.id)).toEqual({ onHand: 0, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('is not cancelled while its transfer is on its way', async () => {
    const placed = await placeEndlessAisleOrder(db, { ...input(), storeId: shop.storeB.id }, clerkB);
    const [transfer] = await db.select().from(stockTransfers);
    await shipTransfer(db, transfer.id, admin);
    await refused(transitionOrder(db, { orderId: placed.orderId, to: 'cancelled', actor: admin }), 'orderTransferInTransit');
    const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, placed.orderId));
    expect(order.status).toBe('paid');
  });
});

describe('endless aisle: order for delivery', () => {
  it('reserves at the source location, is paid in cash, and shipping commits the reservation there', async () => {
    const placed = await placeEndlessAisleOrder(
      db,
      { ...input({ fulfilment: 'delivery', sourceLocationId: String(shop.storeA.id), street: 'Oudegracht 1', postcode: '3511ab', city: 'Utrecht', method: 'cash', tendered: '60' }), storeId: shop.storeB.id },
      clerkB,
    );
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    // 50,00 + delivery fee (below the free-delivery threshold).
    expect(order).toMatchObject({ fulfilment: 'delivery', status: 'paid', stockLocationId: shop.storeA.id, pickupLocationId: null, shippingAddress: { postcode: '3511 AB' } });
    expect(placed.changeCents).toBe(6000 - order.totalCents);
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 1 });
    expect(await db.select().from(stockTransfers)).toEqual([]);
    await transitionOrder(db, { orderId: placed.orderId, to: 'shipped', actor: admin });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 2, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it("cash taken on the device's open till counts in that drawer's expected cash", async () => {
    const till = await openTillSession(db, { locationId: shop.storeB.id, tillName: 'Till 1', openingFloatCents: 10000 }, clerkB);
    const placed = await placeEndlessAisleOrder(
      db,
      { ...input({ fulfilment: 'delivery', street: 'Oudegracht 1', postcode: '3511ab', city: 'Utrecht', method: 'cash', tendered: '60' }), storeId: shop.storeB.id, tillSessionId: till.id },
      clerkB,
    );
    const [payment] = await db.select({ tillSessionId: payments.tillSessionId }).from(payments).where(eq(payments.orderId, placed.orderId));
    expect(payment.tillSessionId).toBe(till.id);
    const [order] = await db.select({ totalCents: orders.totalCents }).from(orders).where(eq(orders.id, placed.orderId));
    expect((await getExpectedCash(db, till.id))?.expectedCents).toBe(10000 + order.totalCents);
  });

  it('a cancelled delivery order releases its reservation at the source', async () => {
    const placed = await placeEndlessAisleOrder(
      db,
      { ...input({ fulfilment: 'delivery', street: 'Oudegracht 1', postcode: '3511 AB', city: 'Utrecht' }), storeId: shop.storeB.id },
      clerkB,
    );
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 1 });
    await transitionOrder(db, { orderId: placed.orderId, to: 'cancelled', actor: admin });
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 0 });
  });
});

describe('endless aisle: refusals', () => {
  it('a clerk may only order from their own store; more than available leaves nothing behind', async () => {
    await refused(placeEndlessAisleOrder(db, { ...input(), storeId: shop.storeB.id }, clerkA), 'forbidden');
    await refused(placeEndlessAisleOrder(db, { ...input({ quantity: '11' }), storeId: shop.storeB.id }, clerkB), 'transferOutOfStock');
    await refused(
      placeEndlessAisleOrder(db, { ...input({ quantity: '4', fulfilment: 'delivery', sourceLocationId: String(shop.storeA.id), street: 'X 1', postcode: '3511 AB', city: 'Utrecht' }), storeId: shop.storeB.id }, clerkB),
      'endlessAisleOutOfStock',
    );
    await refused(placeEndlessAisleOrder(db, { ...input({ sourceLocationId: String(shop.storeB.id) }), storeId: shop.storeB.id }, clerkB), 'endlessAisleSameStore');
    await refused(placeEndlessAisleOrder(db, { ...input({ method: 'cash', tendered: '10' }), storeId: shop.storeB.id }, clerkB), 'tenderedTooLow');
    expect(await db.select().from(orders)).toEqual([]);
    expect(await db.select().from(stockTransfers)).toEqual([]);
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 0 });
    expect(endlessAisleOrderSchema.safeParse({ ...input(), email: undefined }).success).toBe(false);
  });

  it('the same key is one order', async () => {
    const request = { ...input(), storeId: shop.storeB.id };
    const first = await placeEndlessAisleOrder(db, request, clerkB);
    const again = await placeEndlessAisleOrder(db, request, clerkB);
    expect(again.orderId).toBe(first.orderId);
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(1);
    await refused(placeEndlessAisleOrder(db, { ...request, quantity: 2 }, clerkB), 'conflict');
  });
});
