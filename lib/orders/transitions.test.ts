import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orders, payments, stockLevels, stockMovements } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { nextStatuses, placeOrder, recordPayment, transitionOrder } from './mutations';
import { findOrderByNumber, getOrderById, getOrderForCustomer, listOrdersForCustomer, listPickupsForStore } from './queries';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerkA: Actor;
let clerkB: Actor;
let admin: Actor;
let customer: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 0 });
  clerkA = await createStaff(db, { role: 'clerk', email: 'a@example.com', locationId: shop.storeA.id });
  clerkB = await createStaff(db, { role: 'clerk', email: 'b@example.com', locationId: shop.storeB.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  customer = await createCustomerActor(db, 'eva@example.com');
});

async function webOrder(fulfilment: 'delivery' | 'pickup', quantity = 1) {
  const { cartId } = await getOrCreateWebCart(db, { customerId: customer.customerId });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity });
  return placeOrder(
    db,
    {
      idempotencyKey: randomUUID(),
      channel: 'web',
      fulfilment,
      cartId,
      customerName: 'Eva',
      shippingAddress: fulfilment === 'delivery' ? { name: 'Eva', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' } : null,
      pickupLocationId: fulfilment === 'pickup' ? shop.storeA.id : null,
    },
    customer,
  );
}

async function counterSale(quantity = 1) {
  const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerkA.userId, locationId: shop.storeA.id });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity });
  return placeOrder(db, { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId, stockLocationId: shop.storeA.id }, clerkA);
}

async function pay(orderId: string, totalCents: number) {
  return recordPayment(db, { orderId, method: 'test_provider', amountCents: totalCents, idempotencyKey: randomUUID() }, null);
}

async function level(locationId: number) {
  const [row] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, locationId)));
  return row;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

describe('transitionOrder', () => {
  it('runs a pickup from payment to collection and commits the reserved stock', async () => {
    const order = await webOrder('pickup', 2);
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 2 });
    expect((await pay(order.orderId, order.totalCents)).orderStatus).toBe('paid');
    await transitionOrder(db, { orderId: order.orderId, to: 'ready_for_pickup', actor: clerkA });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 2 });
    await transitionOrder(db, { orderId: order.orderId, to: 'collected', actor: clerkA, note: 'ID checked' });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 1, reserved: 0 });

    const detail = await getOrderById(db, order.orderId);
    expect(detail?.status).toBe('collected');
    expect(detail?.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['placed', null, 'pending_payment'],
      ['paid', 'pending_payment', 'paid'],
      ['ready_for_pickup', 'paid', 'ready_for_pickup'],
      ['collected', 'ready_for_pickup', 'collected'],
    ]);
    expect(detail?.events.at(-1)?.note).toBe('ID checked');
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('ships a delivery from the warehouse stock and then delivers it', async () => {
    const order = await webOrder('delivery', 3);
    await pay(order.orderId, order.totalCents);
    await transitionOrder(db, { orderId: order.orderId, to: 'shipped', actor: admin });
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 7, reserved: 0 });
    await transitionOrder(db, { orderId: order.orderId, to: 'delivered', actor: admin });
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 7, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('refuses transitions outside the table and changes nothing', async () => {
    const pickup = await webOrder('pickup');
    expect(await codeOf(transitionOrder(db, { orderId: pickup.orderId, to: 'collected', actor: clerkA }))).toBe('invalidState');
    expect(await codeOf(transitionOrder(db, { orderId: pickup.orderId, to: 'ready_for_pickup', actor: clerkA }))).toBe('invalidState');
    await pay(pickup.orderId, pickup.totalCents);
    expect(await codeOf(transitionOrder(db, { orderId: pickup.orderId, to: 'shipped', actor: admin }))).toBe('invalidState');
    const delivery = await webOrder('delivery');
    await pay(delivery.orderId, delivery.totalCents);
    expect(await codeOf(transitionOrder(db, { orderId: delivery.orderId, to: 'ready_for_pickup', actor: admin }))).toBe('invalidState');
    await transitionOrder(db, { orderId: delivery.orderId, to: 'shipped', actor: admin });
    expect(await codeOf(transitionOrder(db, { orderId: delivery.orderId, to: 'cancelled', actor: admin }))).toBe('invalidState');
    expect(nextStatuses({ status: 'paid', fulfilment: 'pickup', channel: 'web' })).toEqual(['ready_for_pickup', 'cancelled']);
    const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, pickup.orderId));
    expect(row.status).toBe('paid');
  });

  it('releases the reservation when a web order is cancelled', async () => {
    const order = await webOrder('pickup', 2);
    await pay(order.orderId, order.totalCents);
    await transitionOrder(db, { orderId: order.orderId, to: 'ready_for_pickup', actor: clerkA });
    await transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: clerkA });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('puts an unpaid counter sale back on the shelf when it is cancelled', async () => {
    const sale = await counterSale(2);
    expect(await level(shop.storeA.id)).toEqual({ onHand: 1, reserved: 0 });
    await transitionOrder(db, { orderId: sale.orderId, to: 'cancelled', actor: clerkA });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 0 });
    const reasons = await db.select({ reason: stockMovements.reason }).from(stockMovements).where(eq(stockMovements.reference, sale.number));
    expect(reasons.map((r) => r.reason)).toEqual(['sale', 'return']);
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('refuses a clerk of another store and customers', async () => {
    const order = await webOrder('pickup');
    await pay(order.orderId, order.totalCents);
    expect(await codeOf(transitionOrder(db, { orderId: order.orderId, to: 'ready_for_pickup', actor: clerkB }))).toBe('forbidden');
    expect(await codeOf(transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: customer }))).toBe('forbidden');
    // Warehouse deliveries are not a store clerk's to ship.
    const delivery = await webOrder('delivery');
    await pay(delivery.orderId, delivery.totalCents);
    expect(await codeOf(transitionOrder(db, { orderId: delivery.orderId, to: 'shipped', actor: clerkA }))).toBe('forbidden');
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 1 });
  });
});

describe('recordPayment', () => {
  it('takes cash at the counter, gives change, completes the sale and is idempotent', async () => {
    const sale = await counterSale(1);
    const input = { orderId: sale.orderId, method: 'cash' as const, amountCents: 5000, tenderedCents: 7000, idempotencyKey: randomUUID() };
    const first = await recordPayment(db, input, clerkA);
    expect(first).toMatchObject({ orderStatus: 'completed', changeCents: 2000, amountCents: 5000 });
    expect(await recordPayment(db, input, clerkA)).toEqual(first);
    expect(await db.select({ id: payments.id }).from(payments)).toHaveLength(1);
    // A second payment with a new key finds the sale already completed.
    expect(await codeOf(recordPayment(db, { ...input, idempotencyKey: randomUUID() }, clerkA))).toBe('invalidState');
    const detail = await getOrderById(db, sale.orderId);
    expect(detail?.events.map((e) => e.type)).toEqual(['placed', 'completed']);
    expect(detail?.payments).toMatchObject([{ method: 'cash', tenderedCents: 7000, changeCents: 2000 }]);
  });

  it('answers a repeated key only with the same request, and only to staff of the order’s store', async () => {
    const sale = await counterSale(1);
    const input = { orderId: sale.orderId, method: 'cash' as const, amountCents: 5000, tenderedCents: 7000, idempotencyKey: randomUUID() };
    const first = await recordPayment(db, input, clerkA);
    expect(await codeOf(recordPayment(db, { ...input, tenderedCents: 10_000 }, clerkA))).toBe('conflict');
    expect(await codeOf(recordPayment(db, { ...input, method: 'card_terminal' }, clerkA))).toBe('conflict');
    expect(await codeOf(recordPayment(db, input, clerkB))).toBe('forbidden');
    expect(await codeOf(recordPayment(db, input, null))).toBe('forbidden');
    expect(await recordPayment(db, input, clerkA)).toEqual(first);
    expect(await db.select({ tenderedCents: payments.tenderedCents }).from(payments)).toEqual([{ tenderedCents: 7000 }]);
  });

  it('refuses too little cash, a wrong amount and a clerk of another store', async () => {
    const sale = await counterSale(1);
    const base = { orderId: sale.orderId, amountCents: 5000, idempotencyKey: randomUUID() };
    expect(await codeOf(recordPayment(db, { ...base, method: 'cash', tenderedCents: 4999 }, clerkA))).toBe('tenderedTooLow');
    expect(await codeOf(recordPayment(db, { ...base, method: 'card_terminal', amountCents: 4000 }, clerkA))).toBe('paymentAmountMismatch');
    expect(await codeOf(recordPayment(db, { ...base, method: 'card_terminal' }, clerkB))).toBe('forbidden');
    expect(await codeOf(recordPayment(db, { ...base, method: 'test_provider' }, null))).toBe('invalidState');
    expect((await recordPayment(db, { ...base, method: 'card_terminal' }, clerkA)).changeCents).toBeNull();
  });
});

describe('order queries', () => {
  it('shows customers only their own orders and lists pickups per store', async () => {
    const order = await webOrder('pickup');
    const stranger = await createCustomerActor(db, 'x@example.com');
    expect(await getOrderForCustomer(db, order.orderId, stranger.customerId!)).toBeNull();
    expect(await getOrderForCustomer(db, 'not-a-uuid', customer.customerId!)).toBeNull();
    const mine = await getOrderForCustomer(db, order.orderId, customer.customerId!);
    expect(mine).toMatchObject({ number: order.number, pickupLocation: { name: 'Store Amsterdam' }, lines: [{ sku: 'TR-42-BLK', quantity: 1 }] });
    expect(await listOrdersForCustomer(db, customer.customerId!)).toMatchObject([{ id: order.orderId, itemCount: 1 }]);
    expect(await listOrdersForCustomer(db, stranger.customerId!)).toEqual([]);

    expect(await listPickupsForStore(db, shop.storeA.id, { statuses: ['paid', 'ready_for_pickup'] })).toEqual([]);
    await pay(order.orderId, order.totalCents);
    const pickups = await listPickupsForStore(db, shop.storeA.id, { statuses: ['paid', 'ready_for_pickup'] });
    expect(pickups).toMatchObject([{ number: order.number, customerName: 'Eva', status: 'paid' }]);
    expect(pickups[0].pickupCode).toHaveLength(6);
    expect(await listPickupsForStore(db, shop.storeB.id, { statuses: ['paid'] })).toEqual([]);
    expect((await findOrderByNumber(db, order.number.toLowerCase()))?.id).toBe(order.orderId);
  });
});
