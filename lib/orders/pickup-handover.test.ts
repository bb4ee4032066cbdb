import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, type Db, type DbHandle } from '@/db/client';
import { orderEvents, orders, stockLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { placeOrder } from './place-order';
import { handOverPickup, markPickupReady, PICKUP_CODE_ATTEMPTS, pickupCodeMatches, undoHandover } from './pickup-mutations';
import { recordPayment } from './record-payment';
import { HANDOVER_UNDO_WINDOW_MS } from './shared';

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
  shop = await createShop(db, { warehouse: 10, storeA: 5, storeB: 2 });
  clerkA = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
  clerkB = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

/** A click & collect order of two units at store A, paid and marked ready; with its pickup code. */
async function readyPickup() {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 2 });
  const placed = await placeOrder(
    db,
    { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id, email: 'eva@example.com', customerName: 'Eva' },
    null,
  );
  await recordPayment(db, { orderId: placed.orderId, method: 'test_provider', amountCents: placed.totalCents, idempotencyKey: randomUUID() }, null);
  await markPickupReady(db, { orderId: placed.orderId, storeId: shop.storeA.id, actor: clerkA });
  const [row] = await db.select({ code: orders.pickupCode }).from(orders).where(eq(orders.id, placed.orderId));
  return { ...placed, code: row.code! };
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

/** What a hand-over or its undo may change: the order, its events, the stock and its ledger. */
async function snapshot(orderId: string) {
  const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  const events = await db
    .select({ type: orderEvents.type, actor: orderEvents.actorUserId })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.id));
  const [stock] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, shop.storeA.id)));
  const [ledger] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from stock_movements`));
  return { status: order.status, events, stock, movements: Number(ledger.n) };
}

const eventTypes = async (orderId: string) => (await snapshot(orderId)).events.map((e) => e.type);

describe('pickupCodeMatches', () => {
  it('ignores case and surrounding space, and nothing else', () => {
    expect(pickupCodeMatches(' k7p2qx\n', 'K7P2QX')).toBe(true);
    expect(pickupCodeMatches('K7P2QY', 'K7P2QX')).toBe(false);
    expect(pickupCodeMatches('K7P2Q', 'K7P2QX')).toBe(false);
    expect(pickupCodeMatches('K7P2QXX', 'K7P2QX')).toBe(false);
    expect(pickupCodeMatches('K7 P2QX', 'K7P2QX')).toBe(false);
    expect(pickupCodeMatches('', 'K7P2QX')).toBe(false);
    expect(pickupCodeMatches('K7P2QX', null)).toBe(false);
  });
});

describe('handOverPickup', () => {
  it('refuses a wrong code on the code field and changes nothing', async () => {
    const order = await readyPickup();
    const before = await snapshot(order.orderId);
    const wrong = order.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    const error = await errorOf(handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: wrong }));
    expect(error).toMatchObject({ code: 'pickupCodeWrong', field: 'pickupCode' });
    expect(await snapshot(order.orderId)).toEqual(before);
    expect(before).toMatchObject({ status: 'ready_for_pickup', stock: { onHand: 5, reserved: 2 } });
  });

  it('asks for a code or the identity check when neither is given', async () => {
    const order = await readyPickup();
    const before = await snapshot(order.orderId);
    for (const pickupCode of [undefined, '', '   ']) {
      const error = await errorOf(handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode }));
      expect(error).toMatchObject({ code: 'pickupCodeRequired', field: 'pickupCode' });
    }
    expect(await snapshot(order.orderId)).toEqual(before);
  });

  it('hands over with the right code, typed in lower case with spaces: the reserved units leave', async () => {
    const order = await readyPickup();
    const done = await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: ` ${order.code.toLowerCase()} ` });
    expect(done).toEqual({ orderId: order.orderId, number: order.number, status: 'collected' });
    const after = await snapshot(order.orderId);
    expect(after).toMatchObject({ status: 'collected', stock: { onHand: 3, reserved: 0 } });
    expect(after.events.at(-1)).toEqual({ type: 'collected', actor: clerkA.userId });
    expect(after.events.map((e) => e.type)).not.toContain('identity_checked');
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('hands over without a code after the clerk’s identity check, recorded with the clerk', async () => {
    const order = await readyPickup();
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, identityChecked: true });
    const after = await snapshot(order.orderId);
    expect(after.status).toBe('collected');
    expect(after.events.slice(-2)).toEqual([
      { type: 'identity_checked', actor: clerkA.userId },
      { type: 'collected', actor: clerkA.userId },
    ]);
  });

  it('locks the code after too many wrong ones — also for the right one — but not the identity check', async () => {
    const order = await readyPickup();
    const now = new Date();
    const attempt = (pickupCode: string, at = now) =>
      errorOf(handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode }, at));
    // Guesses in parallel are counted one by one: never more wrong answers than the limit.
    const guesses = await Promise.all(Array.from({ length: PICKUP_CODE_ATTEMPTS.limit + 3 }, (_, i) => attempt(`WRONG${i}`)));
    expect(guesses.filter((e) => e.code === 'pickupCodeWrong')).toHaveLength(PICKUP_CODE_ATTEMPTS.limit);
    expect(guesses.filter((e) => e.code === 'pickupCodeLocked')).toHaveLength(3);
    expect(await attempt(order.code)).toMatchObject({ code: 'pickupCodeLocked', field: 'pickupCode', values: { minutes: 15 } });
    expect((await snapshot(order.orderId)).status).toBe('ready_for_pickup');
    // Once the window has passed the right code works again.
    const later = new Date(now.getTime() + PICKUP_CODE_ATTEMPTS.windowMs + 1000);
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: order.code }, later);
    expect((await snapshot(order.orderId)).status).toBe('collected');
  });

  it('the identity check still works while the code is locked', async () => {
    const order = await readyPickup();
    for (let i = 0; i < PICKUP_CODE_ATTEMPTS.limit; i++) {
      await errorOf(handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: 'NOPE' }));
    }
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, identityChecked: true });
    expect(await eventTypes(order.orderId)).toContain('identity_checked');
  });

  it('refuses another store’s clerk, an admin at another counter, and an order that is not ready', async () => {
    const order = await readyPickup();
    const before = await snapshot(order.orderId);
    for (const [actor, storeId] of [
      [clerkB, shop.storeB.id],
      [clerkB, shop.storeA.id], // a forged store: the clerk's own store is checked too
      [admin, shop.storeB.id],
    ] as const) {
      const error = await errorOf(handOverPickup(db, { orderId: order.orderId, storeId, actor, pickupCode: order.code }));
      expect(['notFound', 'forbidden']).toContain(error.code);
      const override = await errorOf(handOverPickup(db, { orderId: order.orderId, storeId, actor, identityChecked: true }));
      expect(['notFound', 'forbidden']).toContain(override.code);
    }
    expect(await snapshot(order.orderId)).toEqual(before);
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: order.code });
    expect((await errorOf(handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: order.code }))).code).toBe(
      'invalidState',
    );
  });
});

describe('undoHandover', () => {
  it('within the window: back to ready for pickup, the stock and its ledger exactly as before the hand-over', async () => {
    const order = await readyPickup();
    const before = await snapshot(order.orderId);
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: order.code });
    const done = await undoHandover(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA }, new Date(Date.now() + HANDOVER_UNDO_WINDOW_MS - 5000));
    expect(done).toEqual({ orderId: order.orderId, number: order.number, status: 'ready_for_pickup' });

    const after = await snapshot(order.orderId);
    expect(after.status).toBe('ready_for_pickup');
    expect(after.stock).toEqual(before.stock);
    expect(await ledgerMismatches(db)).toEqual([]);
    // A state change with an event, not a delete: the hand-over stays in the history.
    expect(after.events.slice(-2)).toEqual([
      { type: 'collected', actor: clerkA.userId },
      { type: 'handover_undone', actor: clerkA.userId },
    ]);
    // It can be handed over again (with the code again), and the stock leaves once.
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: order.code });
    expect((await snapshot(order.orderId)).stock).toEqual({ onHand: 3, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('any staff of the store may undo (another clerk of the store, an admin at its counter)', async () => {
    const order = await readyPickup();
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, identityChecked: true });
    await undoHandover(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: admin });
    expect((await snapshot(order.orderId)).events.at(-1)).toEqual({ type: 'handover_undone', actor: admin.userId });
  });

  it('is refused after the window, and changes nothing', async () => {
    const order = await readyPickup();
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: order.code });
    const before = await snapshot(order.orderId);
    const late = new Date(Date.now() + HANDOVER_UNDO_WINDOW_MS + 60_000);
    const error = await errorOf(undoHandover(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA }, late));
    expect(error).toMatchObject({ code: 'handoverUndoExpired', values: { minutes: 10 } });
    expect(await snapshot(order.orderId)).toEqual(before);
  });

  it('is refused by another store (its clerk, an admin at its counter, a forged store id), and changes nothing', async () => {
    const order = await readyPickup();
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: order.code });
    const before = await snapshot(order.orderId);
    for (const [actor, storeId] of [
      [clerkB, shop.storeB.id],
      [clerkB, shop.storeA.id],
      [admin, shop.storeB.id],
    ] as const) {
      const error = await errorOf(undoHandover(db, { orderId: order.orderId, storeId, actor }));
      expect(['notFound', 'forbidden']).toContain(error.code);
    }
    expect(await snapshot(order.orderId)).toEqual(before);
  });

  it('only undoes a hand-over: not an order that is ready, and not twice', async () => {
    const order = await readyPickup();
    expect((await errorOf(undoHandover(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA }))).code).toBe('invalidState');
    await handOverPickup(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA, pickupCode: order.code });
    await undoHandover(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA });
    expect((await errorOf(undoHandover(db, { orderId: order.orderId, storeId: shop.storeA.id, actor: clerkA }))).code).toBe('invalidState');
    expect((await snapshot(order.orderId)).stock).toEqual({ onHand: 5, reserved: 2 });
  });
});
