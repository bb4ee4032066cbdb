import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderEvents, orders, stockLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import {
  createPromotionRow,
  createShop,
  createStaff,
  receiveStock,
  resetDatabase,
} from '@/lib/testing/fixtures';
import { getCounterReceipt, resolveCounterStore, searchCounterProducts } from './counter-queries';
import { completeCounterSale } from './counter-sale';
import { placeOrder } from './place-order';
import { handOverPickup, markPickupReady } from './pickup-mutations';
import { findCounterPickup, listCounterPickups, startOfShopDay } from './pickup-queries';
import { recordPayment } from './record-payment';
import { getOrCreateCounterCart } from '@/lib/carts/mutations';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerkA: Actor;
let clerkB: Actor;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 2 });
  clerkA = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
  clerkB = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

/** A paid click & collect order, as the web checkout and the payment provider leave it. */
async function paidPickup(storeId: number, name = 'Eva Visser') {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  const placed = await placeOrder(
    db,
    {
      idempotencyKey: randomUUID(),
      channel: 'web',
      fulfilment: 'pickup',
      cartId,
      pickupLocationId: storeId,
      email: 'eva@example.com',
      customerName: name,
    },
    null,
  );
  await recordPayment(
    db,
    {
      orderId: placed.orderId,
      method: 'test_provider',
      amountCents: placed.totalCents,
      idempotencyKey: randomUUID(),
    },
    null,
  );
  return placed;
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

async function codeOf(orderId: string) {
  const [row] = await db.select({ code: orders.pickupCode }).from(orders).where(eq(orders.id, orderId));
  return row.code;
}

async function level(locationId: number) {
  const [row] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, locationId)));
  return row;
}

describe('counter pickups', () => {
  it('lists a store’s pickups per step, and only that store’s', async () => {
    const a = await paidPickup(shop.storeA.id, 'Eva Visser');
    const b = await paidPickup(shop.storeB.id, 'Sem de Wit');
    const lists = await listCounterPickups(db, shop.storeA.id, new Date());
    expect(lists.prepare.map((p) => p.number)).toEqual([a.number]);
    expect(lists.prepare[0]).toMatchObject({
      customerName: 'Eva Visser',
      itemCount: 1,
      items: [{ productName: 'Trailloper', quantity: 1 }],
    });
    expect(lists.ready).toEqual([]);
    expect((await listCounterPickups(db, shop.storeB.id, new Date())).prepare.map((p) => p.number)).toEqual([
      b.number,
    ]);
  });

  it('marks ready, hands over (committing the reserved stock) and lists it as collected today', async () => {
    const a = await paidPickup(shop.storeA.id);
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 1 });
    await markPickupReady(db, { orderId: a.orderId, storeId: shop.storeA.id, actor: clerkA });
    expect((await listCounterPickups(db, shop.storeA.id, new Date())).ready.map((p) => p.number)).toEqual([
      a.number,
    ]);
    const done = await handOverPickup(db, { orderId: a.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: await codeOf(a.orderId) });
    expect(done).toMatchObject({ number: a.number, status: 'collected' });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 2, reserved: 0 });
    const lists = await listCounterPickups(db, shop.storeA.id, new Date());
    expect(lists.collected.map((p) => p.number)).toEqual([a.number]);
    expect(lists.collected[0].collectedAt).toBeInstanceOf(Date);
    // Tomorrow it is no longer "collected today".
    expect(
      (await listCounterPickups(db, shop.storeA.id, new Date(Date.now() + 86_400_000))).collected,
    ).toEqual([]);
  });

  it('does not let a clerk of another store see or change the order — nor an admin working in another store', async () => {
    const a = await paidPickup(shop.storeA.id);
    for (const [actor, storeId] of [
      [clerkB, shop.storeB.id],
      [clerkB, shop.storeA.id], // a forged store: transitionOrder still checks the clerk's own store
      [admin, shop.storeB.id],
    ] as const) {
      const error = await errorOf(
        markPickupReady(db, { orderId: a.orderId, storeId, actor }),
      );
      expect(['notFound', 'forbidden']).toContain(error.code);
    }
    expect(
      await db
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, a.orderId), eq(orderEvents.type, 'ready_for_pickup'))),
    ).toEqual([]);
    expect(await findCounterPickup(db, shop.storeB.id, a.number)).toBeNull();
    expect(await findCounterPickup(db, shop.storeA.id, a.number.toLowerCase())).toMatchObject({
      id: a.orderId,
    });
  });

  it('refuses to skip a step or to hand over twice', async () => {
    const a = await paidPickup(shop.storeA.id);
    expect(
      (
        await errorOf(
          handOverPickup(db, { orderId: a.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: await codeOf(a.orderId) }),
        )
      ).code,
    ).toBe('invalidState');
    await markPickupReady(db, { orderId: a.orderId, storeId: shop.storeA.id, actor: clerkA });
    await handOverPickup(db, { orderId: a.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: await codeOf(a.orderId) });
    expect(
      (
        await errorOf(
          handOverPickup(db, { orderId: a.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: await codeOf(a.orderId) }),
        )
      ).code,
    ).toBe('invalidState');
    expect(await level(shop.storeA.id)).toEqual({ onHand: 2, reserved: 0 });
  });

  it('finds a pickup by its code at its own store only', async () => {
    const a = await paidPickup(shop.storeA.id);
    const card = await findCounterPickup(db, shop.storeA.id, a.number);
    expect(card?.pickupCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(await findCounterPickup(db, shop.storeA.id, ` ${card!.pickupCode!.toLowerCase()} `)).toMatchObject(
      { id: a.orderId },
    );
    expect(await findCounterPickup(db, shop.storeB.id, card!.pickupCode!)).toBeNull();
    expect(await findCounterPickup(db, shop.storeA.id, 'nothing')).toBeNull();
  });

  it('starts the shop day at midnight in Amsterdam', () => {
    // 00:30 on 2 July in Amsterdam is still 1 July in UTC.
    expect(startOfShopDay(new Date('2026-07-01T22:30:00Z')).toISOString()).toBe('2026-07-01T22:00:00.000Z');
    expect(startOfShopDay(new Date('2026-07-01T21:30:00Z')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfShopDay(new Date('2026-01-15T10:00:00Z')).toISOString()).toBe('2026-01-14T23:00:00.000Z');
  });
});

describe('counter queries', () => {
  it('resolves the counter’s store: a clerk’s own, an admin’s chosen store, never the warehouse', async () => {
    expect((await resolveCounterStore(db, clerkA, shop.storeB.id))?.id).toBe(shop.storeA.id);
    expect((await resolveCounterStore(db, admin, shop.storeB.id))?.id).toBe(shop.storeB.id);
    expect(await resolveCounterStore(db, admin, null)).toBeNull();
    expect(await resolveCounterStore(db, admin, shop.warehouse.id)).toBeNull();
    expect(await resolveCounterStore(db, { role: 'customer', locationId: null }, shop.storeA.id)).toBeNull();
  });

  it('finds products with the store price (promotions included) and the stock here and elsewhere', async () => {
    await createPromotionRow(db, {
      name: 'Store week',
      kind: 'percentage',
      value: 10,
      target: 'product',
      targetId: shop.product.id,
      channels: ['store'],
    });
    await receiveStock(db, shop.variant.id, shop.storeB.id, 1);
    const [hit] = await searchCounterProducts(db, {
      query: 'TR-42',
      locale: 'en',
      storeId: shop.storeA.id,
      now: new Date(),
    });
    expect(hit).toMatchObject({ productName: 'Trail Runner', sku: 'TR-42-BLK', stockHere: 3 });
    expect(hit.price).toMatchObject({
      unitPriceCents: 5_000,
      finalUnitCents: 4_500,
      promotion: { name: 'Store week' },
    });
    expect(hit.elsewhere).toEqual([
      { locationId: shop.warehouse.id, city: 'Amsterdam', kind: 'warehouse', available: 10 },
      { locationId: shop.storeB.id, city: 'Utrecht', kind: 'store', available: 3 },
    ]);
    expect(
      await searchCounterProducts(db, {
        query: 'nothing-like-this',
        locale: 'en',
        storeId: shop.storeA.id,
        now: new Date(),
      }),
    ).toEqual([]);
  });

  it('shows a receipt to staff of its store and to admins only', async () => {
    const { cartId } = await getOrCreateCounterCart(db, {
      clerkUserId: clerkA.userId,
      locationId: shop.storeA.id,
    });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const done = await completeCounterSale(
      db,
      { idempotencyKey: randomUUID(), method: 'cash', tenderedCents: 5_000, cartId, storeId: shop.storeA.id },
      clerkA,
    );
    const receipt = await getCounterReceipt(db, done.orderId, clerkA);
    expect(receipt?.store.id).toBe(shop.storeA.id);
    expect(receipt?.order.payments[0]).toMatchObject({
      method: 'cash',
      tenderedCents: 5_000,
      changeCents: 0,
    });
    expect(await getCounterReceipt(db, done.orderId, admin)).not.toBeNull();
    expect(await getCounterReceipt(db, done.orderId, clerkB)).toBeNull();
    expect(await getCounterReceipt(db, done.orderId, null)).toBeNull();
    const web = await paidPickup(shop.storeA.id);
    expect(await getCounterReceipt(db, web.orderId, clerkA)).toBeNull();
  });
});
