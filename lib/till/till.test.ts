import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, payments, refunds } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart } from '@/lib/carts/mutations';
import { findCounterCartId, getCart } from '@/lib/carts/queries';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { createShop, createStaff, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { getExpectedCash } from './cash';
import { closeTillSession, openTillSession, recordCashMovement } from './mutations';
import { getStoreDaySummary, getTillSalesSummary, storeDayBounds } from './reports';
import { closeTillSchema, countedCents } from './schemas';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { storeA: 20 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
});

/** Sells `quantity` × the € 50 variant at store A on `tillSessionId` (null: without a till). */
async function sell(tillSessionId: number | null, method: 'cash' | 'card_terminal', quantity = 1, tenderedCents?: number) {
  const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity });
  return completeCounterSale(
    db,
    { idempotencyKey: randomUUID(), method, tenderedCents: method === 'cash' ? (tenderedCents ?? quantity * 5000) : null, cartId, storeId: shop.storeA.id },
    clerk,
  );
}

const open = (tillName = 'Till 1', openingFloatCents = 10000) =>
  openTillSession(db, { locationId: shop.storeA.id, tillName, openingFloatCents }, clerk);

describe('till sessions', () => {
  it('expects float + cash taken (tendered − change) + cash in − cash out, and closes with the difference to the count', async () => {
    const till = await open('Till 1', 10000);
    const sale = await sell(till.id, 'cash', 1, 6000); // € 60 handed over for € 50: € 10 change
    expect(sale.changeCents).toBe(1000);
    await sell(till.id, 'card_terminal', 2); // card: not in the drawer
    await sell(null, 'cash', 1); // another cart, no till: not this drawer's
    await recordCashMovement(db, { tillSessionId: till.id, locationId: shop.storeA.id, kind: 'cash_in', amountCents: 2000, reason: 'Change from the bank' }, clerk);
    await recordCashMovement(db, { tillSessionId: till.id, locationId: shop.storeA.id, kind: 'cash_out', amountCents: 1500, reason: 'To the safe' }, clerk);

    expect(await getExpectedCash(db, till.id)).toEqual({
      openingFloatCents: 10000,
      cashSalesCents: 5000,
      cashRefundsCents: 0,
      cashInCents: 2000,
      cashOutCents: 1500,
      expectedCents: 15500,
    });

    // Counted € 155,00 minus 5 cents: 3 × € 50, 2 × € 2, 1 × € 0,50, 2 × € 0,20, 1 × € 0,05
    const count = closeTillSchema.parse({ count_5000: '3', count_200: '2', count_50: '1', count_20: '2', count_5: '1', count_1000: '' });
    expect(countedCents(count.denominations)).toBe(15495);
    const closed = await closeTillSession(db, { ...count, tillSessionId: till.id, locationId: shop.storeA.id }, clerk);
    expect(closed).toMatchObject({ expectedCents: 15500, countedCents: 15495, differenceCents: -5 });

    const audit = await db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).orderBy(asc(auditLog.id));
    expect(audit.filter((a) => a.action.startsWith('till.'))).toEqual(
      ['till.opened', 'till.cash_in', 'till.cash_out', 'till.closed'].map((action) => ({ action, entityId: String(till.id) })),
    );
  });

  it('refuses what a till cannot do: a second open "Till 1", taking out more than the drawer, closing twice, another store', async () => {
    const till = await open('Till 1', 5000);
    await expect(open('Till 1', 0)).rejects.toMatchObject({ code: 'till.alreadyOpen', field: 'tillName' });
    await expect(
      recordCashMovement(db, { tillSessionId: till.id, locationId: shop.storeA.id, kind: 'cash_out', amountCents: 5001, reason: 'Too much' }, clerk),
    ).rejects.toMatchObject({ code: 'till.notEnoughCash', field: 'amount' });
    await expect(
      recordCashMovement(db, { tillSessionId: till.id, locationId: shop.storeB.id, kind: 'cash_in', amountCents: 100, reason: 'Wrong store' }, clerk),
    ).rejects.toMatchObject({ code: 'notFound' });
    await closeTillSession(db, { denominations: { '5000': 1 }, closingNote: null, tillSessionId: till.id, locationId: shop.storeA.id }, clerk);
    await expect(
      closeTillSession(db, { denominations: {}, closingNote: null, tillSessionId: till.id, locationId: shop.storeA.id }, clerk),
    ).rejects.toMatchObject({ code: 'till.closed' });
    // Closed, the name is free again.
    expect((await open('Till 1', 0)).id).not.toBe(till.id);
  });

  it('gives each till session its own counter cart, so two tablets on one login do not share one', async () => {
    const one = await open('Till 1');
    const two = await open('Till 2');
    const a = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: one.id });
    const b = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: two.id });
    const none = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: null });
    expect(new Set([a.cartId, b.cartId, none.cartId]).size).toBe(3);
    expect((await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: one.id })).cartId).toBe(a.cartId);
    expect(await findCounterCartId(db, clerk.userId, one.id)).toBe(a.cartId);
    expect(await findCounterCartId(db, clerk.userId, two.id)).toBe(b.cartId);
    // Outside a request there is no till cookie: the clerk's cart without a till, as before tills.
    expect(await findCounterCartId(db, clerk.userId)).toBe(none.cartId);
    expect((await getCart(db, a.cartId))?.tillSessionId).toBe(one.id);

    // A till at another store does not take a cart of this store.
    const elsewhere = await openTillSession(db, { locationId: shop.storeB.id, tillName: 'Till 1', openingFloatCents: 0 }, clerk);
    expect((await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: elsewhere.id })).cartId).toBe(none.cartId);
  });

  it('books a sale on the cart’s till; the open cart goes back to the clerk when the till closes', async () => {
    const till = await open();
    const sale = await sell(till.id, 'card_terminal');
    const [payment] = await db.select({ tillSessionId: payments.tillSessionId }).from(payments).where(eq(payments.orderId, sale.orderId));
    expect(payment.tillSessionId).toBe(till.id);
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: till.id });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await closeTillSession(db, { denominations: {}, closingNote: null, tillSessionId: till.id, locationId: shop.storeA.id }, clerk);
    expect((await getCart(db, cartId))?.tillSessionId).toBeNull();
    expect(await findCounterCartId(db, clerk.userId, null)).toBe(cartId);
  });

  it('opening a till leaves a cart without a till alone (it may be another tablet’s on the same login)', async () => {
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: null });
    const till = await open();
    expect((await getCart(db, cartId))?.tillSessionId).toBeNull();
    expect(await findCounterCartId(db, clerk.userId, till.id)).toBeNull();
    expect(await findCounterCartId(db, clerk.userId, null)).toBe(cartId);
  });
});

describe('Z reports', () => {
  it('per till session: sales per method and channel, VAT per rate, number of sales, refunds 0', async () => {
    const till = await open();
    const other = await open('Till 2');
    await sell(till.id, 'cash', 1, 5000);
    await sell(till.id, 'card_terminal', 3);
    await sell(other.id, 'cash', 2); // the other till's
    const z = await getTillSalesSummary(db, till.id);
    expect(z).toEqual({
      salesCount: 2,
      totalCents: 20000,
      byMethod: [
        { method: 'card_terminal', count: 1, amountCents: 15000 },
        { method: 'cash', count: 1, amountCents: 5000 },
      ],
      byChannel: [{ channel: 'store', count: 2, amountCents: 20000 }],
      // 5000 × 21/121 = 867.77 → 868; 15000 × 21/121 = 2603.31 → 2603 (rounded per order line)
      vat: [{ rateBp: 2100, grossCents: 20000, vatCents: 868 + 2603 }],
      exchanges: { count: 0, amountCents: 0 },
      refunds: { count: 0, amountCents: 0, byMethod: [] },
    });
  });

  it('per store and day: all tills of the store plus counter sales without a till; not another store’s', async () => {
    await receiveStock(db, shop.variant.id, shop.storeB.id, 5);
    const till = await open();
    await sell(till.id, 'cash');
    await sell(null, 'card_terminal', 2);
    const clerkB = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerkB.userId, locationId: shop.storeB.id, tillSessionId: null });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await completeCounterSale(db, { idempotencyKey: randomUUID(), method: 'card_terminal', cartId, storeId: shop.storeB.id }, clerkB);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const day = await getStoreDaySummary(db, shop.storeA.id, today);
    expect(day.summary).toMatchObject({
      salesCount: 2,
      totalCents: 15000,
      byMethod: [
        { method: 'card_terminal', count: 1, amountCents: 10000 },
        { method: 'cash', count: 1, amountCents: 5000 },
      ],
    });
    expect(day.paymentsWithoutTill).toBe(1);
    expect(day.sessions.map((s) => s.tillName)).toEqual(['Till 1']);
    // Yesterday: nothing.
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() - 86_400_000));
    expect((await getStoreDaySummary(db, shop.storeA.id, yesterday)).summary.salesCount).toBe(0);
  });

  it('cash refunds leave the drawer: expected cash goes down and the Z reports list refunds per method', async () => {
    const till = await open('Till 1', 10000);
    const sale = await sell(till.id, 'cash', 2, 10000);
    const refund = (method: 'cash' | 'card_terminal' | 'store_credit', amountCents: number, status: 'succeeded' | 'failed' = 'succeeded', tillSessionId: number | null = till.id) =>
      db.insert(refunds).values({ orderId: sale.orderId, method, status, amountCents, tillSessionId, idempotencyKey: randomUUID() });
    await refund('cash', 5000);
    await refund('cash', 1250);
    await refund('cash', 999, 'failed'); // not paid out
    await refund('card_terminal', 2000);
    await refund('store_credit', 700);
    const expected = await getExpectedCash(db, till.id);
    expect(expected).toMatchObject({ cashSalesCents: 10000, cashRefundsCents: 6250, expectedCents: 10000 + 10000 - 6250 });

    const z = await getTillSalesSummary(db, till.id);
    expect(z.refunds).toEqual({
      count: 4,
      amountCents: 8950,
      byMethod: [
        { method: 'card_terminal', count: 1, amountCents: 2000 },
        { method: 'cash', count: 2, amountCents: 6250 },
        { method: 'store_credit', count: 1, amountCents: 700 },
      ],
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    expect((await getStoreDaySummary(db, shop.storeA.id, today)).summary.refunds.amountCents).toBe(8950);
    // A closed till pays nothing out any more; the close counted the refunds.
    const count = closeTillSchema.parse({ count_5000: '2', count_1000: '1', count_200: '1', count_50: '1' });
    const closed = await closeTillSession(db, { ...count, tillSessionId: till.id, locationId: shop.storeA.id }, clerk);
    expect(closed.expectedCents).toBe(13750);
  });

  it('an Amsterdam day is 23 or 25 hours around the clock changes', () => {
    const span = (d: string) => {
      const { from, to } = storeDayBounds(d);
      return (to.getTime() - from.getTime()) / 3_600_000;
    };
    expect(storeDayBounds('2026-12-01').from.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(span('2026-03-29')).toBe(23);
    expect(span('2026-10-25')).toBe(25);
    expect(span('2026-12-01')).toBe(24);
  });
});
