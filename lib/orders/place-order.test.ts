import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { carts, orderEvents, orderLines, orders, promotions, stockLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, applyPromotionCode, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { getPricedCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { createCustomerActor, createPromotionRow, createShop, createStaff, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { placeOrder, type PlaceOrderInput } from './mutations';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerkA: Actor;

const NOW = new Date('2026-05-01T10:00:00Z');
const ADDRESS = { name: 'Eva', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' };

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 0 });
  clerkA = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
});

async function webCart(quantity = 1, variantId = shop.variant.id) {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId, quantity });
  return cartId;
}

function webInput(cartId: string, overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    idempotencyKey: randomUUID(),
    channel: 'web',
    fulfilment: 'delivery',
    cartId,
    email: 'eva@example.com',
    customerName: 'Eva',
    shippingAddress: ADDRESS,
    now: NOW,
    ...overrides,
  };
}

async function level(locationId: number) {
  const [row] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, locationId)));
  return row ?? null;
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('placeOrder', () => {
  it('is idempotent: the same key twice gives one order and the first result', async () => {
    const cartId = await webCart(2);
    const input = webInput(cartId);
    const first = await placeOrder(db, input, null);
    const second = await placeOrder(db, input, null);
    expect(second).toEqual(first);
    expect(first.number).toMatch(/^W-\d+$/);
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(1);
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 2 });
  });

  it('refuses an idempotency key that belongs to another cart', async () => {
    const input = webInput(await webCart());
    await placeOrder(db, input, null);
    const other = await webCart();
    expect((await errorOf(placeOrder(db, { ...input, cartId: other }, null))).code).toBe('conflict');
  });

  it('refuses the same key with another request (pickup instead of delivery, another email) and keeps the first order', async () => {
    const cartId = await webCart();
    const input = webInput(cartId);
    const first = await placeOrder(db, input, null);
    const probes: Partial<PlaceOrderInput>[] = [
      { fulfilment: 'pickup', pickupLocationId: shop.storeA.id, shippingAddress: null },
      { email: 'mallory@example.com' },
      { shippingAddress: { ...ADDRESS, city: 'Utrecht' } },
    ];
    for (const probe of probes) {
      expect((await errorOf(placeOrder(db, { ...input, ...probe }, null))).code).toBe('conflict');
    }
    // The very same request is still answered with the first order.
    expect(await placeOrder(db, input, null)).toEqual(first);
    const rows = await db.select({ fulfilment: orders.fulfilment, email: orders.email }).from(orders);
    expect(rows).toEqual([{ fulfilment: 'delivery', email: 'eva@example.com' }]);
  });

  it('authorizes before it replays: another customer with the key and cart of an order gets nothing', async () => {
    const owner = await createCustomerActor(db, 'owner@example.com');
    const { cartId } = await getOrCreateWebCart(db, { customerId: owner.customerId });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const input = webInput(cartId, { email: null });
    await placeOrder(db, input, owner);
    const stranger = await createCustomerActor(db, 'stranger@example.com');
    expect((await errorOf(placeOrder(db, input, stranger))).code).toBe('notFound');
    expect((await errorOf(placeOrder(db, input, null))).code).toBe('notFound');
    expect((await errorOf(placeOrder(db, input, clerkA))).code).toBe('notFound');
  });

  it('reserves a web delivery at the warehouse, closes the cart and writes the placed event', async () => {
    const cartId = await webCart(2);
    const placed = await placeOrder(db, webInput(cartId), null);
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 2 });
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({
      channel: 'web',
      fulfilment: 'delivery',
      status: 'pending_payment',
      stockLocationId: shop.warehouse.id,
      pickupLocationId: null,
      pickupCode: null,
      shippingAddress: ADDRESS,
      email: 'eva@example.com',
    });
    const [cart] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId));
    expect(cart.status).toBe('converted');
    const events = await db.select({ type: orderEvents.type, toStatus: orderEvents.toStatus }).from(orderEvents);
    expect(events).toEqual([{ type: 'placed', toStatus: 'pending_payment' }]);
    // A converted cart cannot be ordered again with a new key.
    expect((await errorOf(placeOrder(db, webInput(cartId), null))).code).toBe('invalidState');
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('reserves a pickup at the chosen store and gives it a pickup code', async () => {
    const placed = await placeOrder(db, webInput(await webCart(2), { fulfilment: 'pickup', pickupLocationId: shop.storeA.id, shippingAddress: null }), null);
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 2 });
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 0 });
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ stockLocationId: shop.storeA.id, pickupLocationId: shop.storeA.id, shippingCents: 0 });
    expect(order.pickupCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
  });

  it('says which pickup store is out of stock, so delivery can be offered', async () => {
    const cartId = await webCart(1);
    const error = await errorOf(placeOrder(db, webInput(cartId, { fulfilment: 'pickup', pickupLocationId: shop.storeB.id }), null));
    expect(error.code).toBe('pickupStoreOutOfStock');
    expect(error.values).toEqual({ name: 'Trailloper (42 / black)', store: 'Store Utrecht', available: 0 });
    // Nothing was written: the cart is still open and can be delivered instead.
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(0);
    const placed = await placeOrder(db, webInput(cartId), null);
    expect(placed.number).toMatch(/^W-/);
  });

  it('refuses pickup at a location that does not offer it', async () => {
    const error = await errorOf(placeOrder(db, webInput(await webCart(), { fulfilment: 'pickup', pickupLocationId: shop.warehouse.id }), null));
    expect(error.code).toBe('pickupUnavailable');
    expect(error.field).toBe('pickupLocationId');
  });

  it('refuses a delivery the warehouse cannot fill and leaves everything as it was', async () => {
    const error = await errorOf(placeOrder(db, webInput(await webCart(11)), null));
    expect(error.code).toBe('outOfStock');
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 0 });
  });

  it('sells a counter sale from the clerk’s store', async () => {
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerkA.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 2 });
    const input: PlaceOrderInput = { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId, stockLocationId: shop.storeA.id, now: NOW };
    const placed = await placeOrder(db, input, clerkA);
    expect(placed).toMatchObject({ number: expect.stringMatching(/^S-\d+$/), totalCents: 10_000 });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 1, reserved: 0 });
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ status: 'pending_payment', placedByUserId: clerkA.userId, stockLocationId: shop.storeA.id });
  });

  it('refuses a counter sale for another store or by someone else', async () => {
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerkA.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const base: PlaceOrderInput = { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId, now: NOW };
    expect((await errorOf(placeOrder(db, { ...base, stockLocationId: shop.storeB.id }, clerkA))).code).toBe('forbidden');
    const clerkB = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
    expect((await errorOf(placeOrder(db, { ...base, stockLocationId: shop.storeB.id }, clerkB))).code).toBe('forbidden');
    expect((await errorOf(placeOrder(db, { ...base, stockLocationId: shop.storeA.id }, null))).code).toBe('forbidden');
  });

  it('charges what priceCart computes and snapshots the promotion on the line', async () => {
    const promo = await createPromotionRow(db, { name: 'Spring 20%', kind: 'percentage', value: 20, target: 'product', targetId: shop.product.id });
    await createPromotionRow(db, { name: 'Code 5', kind: 'fixed_amount', value: 500, target: 'all', code: 'FIVE' });
    const cheap = await createVariant(db, { productId: shop.product.id, sku: 'TR-43-BLK', priceCents: 1999, size: '43' });
    await receiveStock(db, cheap.id, shop.warehouse.id, 5);
    const cartId = await webCart(1);
    await addToCart(db, { cartId, variantId: cheap.id, quantity: 3 });
    await applyPromotionCode(db, cartId, 'five', NOW);

    const preview = await getPricedCart(db, cartId, { now: NOW, fulfilment: 'delivery' });
    const placed = await placeOrder(db, webInput(cartId, { expectedTotalCents: preview!.totals.totalCents }), null);
    expect(placed.totalCents).toBe(preview!.totals.totalCents);

    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({
      subtotalCents: preview!.totals.subtotalCents,
      discountCents: preview!.totals.discountCents,
      shippingCents: preview!.totals.shippingCents,
      vatCents: preview!.totals.vatCents,
      vatBreakdown: preview!.totals.vat,
      promotionCodes: ['FIVE'],
    });
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, placed.orderId)).orderBy(orderLines.variantId);
    expect(lines).toHaveLength(2);
    // 50,00: 20% (10,00) beats 5,00 off. 3 × 19,99: 5,00 off per unit (15,00) beats 20% (11,99).
    expect(lines[0]).toMatchObject({
      sku: 'TR-42-BLK',
      productName: 'Trailloper',
      variantLabel: '42 / black',
      unitPriceCents: 5000,
      discountCents: 1000,
      lineTotalCents: 4000,
      vatRateBp: 2100,
      promotionId: promo.id,
      promotionName: 'Spring 20%',
    });
    expect(lines[1]).toMatchObject({
      sku: 'TR-43-BLK',
      quantity: 3,
      unitPriceCents: 1999,
      discountCents: 1500,
      lineTotalCents: 4497,
      promotionName: 'Code 5',
    });

    // The snapshot stays when the promotion is renamed afterwards.
    await db.update(promotions).set({ name: 'Renamed' }).where(eq(promotions.id, promo.id));
    const [again] = await db.select({ name: orderLines.promotionName }).from(orderLines).where(eq(orderLines.id, lines[0].id));
    expect(again.name).toBe('Spring 20%');
  });

  it('refuses when the price changed since the shopper saw it', async () => {
    const error = await errorOf(placeOrder(db, webInput(await webCart(1), { expectedTotalCents: 1 }), null));
    expect(error.code).toBe('priceChanged');
  });

  it('refuses an empty cart', async () => {
    const { cartId } = await getOrCreateWebCart(db, {});
    expect((await errorOf(placeOrder(db, webInput(cartId), null))).code).toBe('cartEmpty');
  });

  it('refuses a cart that belongs to another customer', async () => {
    const owner = await createCustomerActor(db, 'owner@example.com');
    const other = await createCustomerActor(db, 'other@example.com');
    const { cartId } = await getOrCreateWebCart(db, { customerId: owner.customerId });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    expect((await errorOf(placeOrder(db, webInput(cartId), other))).code).toBe('notFound');
    expect((await errorOf(placeOrder(db, webInput(cartId), null))).code).toBe('notFound');
    const placed = await placeOrder(db, webInput(cartId, { email: null }), owner);
    const [order] = await db.select({ customerId: orders.customerId, email: orders.email }).from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toEqual({ customerId: owner.customerId, email: 'owner@example.com' });
  });
});
