import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orders, payments, variants } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, setCartCustomer } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { getStoreCreditBalance, issueStoreCredit } from '@/lib/store-credit/ledger';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { completeCounterSale, splitTender } from './counter-sale';
import { paidCents } from './record-payment';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 240_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { storeA: 5 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
});

/** A counter cart at store A holding one unit at `priceCents`. */
async function cartAt(priceCents: number, customerId?: number) {
  await db.update(variants).set({ priceCents }).where(eq(variants.id, shop.variant.id));
  const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  if (customerId) await setCartCustomer(db, { cartId, customerId });
  return cartId;
}

const sell = (cartId: string, input: Partial<Parameters<typeof completeCounterSale>[1]>) =>
  completeCounterSale(db, { idempotencyKey: randomUUID(), method: 'cash', cartId, storeId: shop.storeA.id, ...input }, clerk);

// Payments of one sale share their transaction's timestamp: listed in tender order, as the receipt does.
const RANK = ['loyalty_points', 'store_credit', 'card_terminal', 'cash'];
const paymentsOf = async (orderId: string) =>
  (await db
    .select({ method: payments.method, amountCents: payments.amountCents, roundingCents: payments.roundingCents, tenderedCents: payments.tenderedCents, changeCents: payments.changeCents })
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(asc(payments.createdAt), asc(payments.id))).sort((a, b) => RANK.indexOf(a.method) - RANK.indexOf(b.method));

describe('counter cash rounding (5 cents)', () => {
  it('cash € 49,99 → € 50,00 taken, rounding +1; the order counts € 49,99 as paid', async () => {
    const done = await sell(await cartAt(4999), { tenderedCents: 5000, expectedTotalCents: 4999 });
    expect(done).toMatchObject({ totalCents: 4999, changeCents: 0 });
    expect(await paymentsOf(done.orderId)).toEqual([{ method: 'cash', amountCents: 5000, roundingCents: 1, tenderedCents: 5000, changeCents: 0 }]);
    expect(await paidCents(db, done.orderId)).toBe(4999);
  });

  it('cash € 49,97 → € 49,95 (rounding −2): € 49,95 is enough, € 49,94 is not', async () => {
    const cartId = await cartAt(4997);
    await expect(sell(cartId, { tenderedCents: 4994, expectedTotalCents: 4997 })).rejects.toMatchObject({ code: 'tenderedTooLow' });
    const done = await sell(cartId, { tenderedCents: 4995, expectedTotalCents: 4997 });
    expect(await paymentsOf(done.orderId)).toEqual([{ method: 'cash', amountCents: 4995, roundingCents: -2, tenderedCents: 4995, changeCents: 0 }]);
  });

  it('card is never rounded', async () => {
    const done = await sell(await cartAt(4999), { method: 'card_terminal', expectedTotalCents: 4999 });
    expect(await paymentsOf(done.orderId)).toEqual([{ method: 'card_terminal', amountCents: 4999, roundingCents: 0, tenderedCents: null, changeCents: null }]);
  });
});

describe('counter split tender', () => {
  it('part card, rest cash: card € 20,00 exact, cash € 29,99 → € 30,00; the parts sum to the total', async () => {
    const done = await sell(await cartAt(4999), { cardPartCents: 2000, tenderedCents: 5000, expectedTotalCents: 4999 });
    expect(done.changeCents).toBe(2000);
    expect(await paymentsOf(done.orderId)).toEqual([
      { method: 'card_terminal', amountCents: 2000, roundingCents: 0, tenderedCents: null, changeCents: null },
      { method: 'cash', amountCents: 3000, roundingCents: 1, tenderedCents: 5000, changeCents: 2000 },
    ]);
    const [order] = await db.select({ status: orders.status, totalCents: orders.totalCents }).from(orders).where(eq(orders.id, done.orderId));
    expect(order).toEqual({ status: 'completed', totalCents: 4999 });
    expect(await paidCents(db, done.orderId)).toBe(4999);
  });

  it('store credit, then card, then cash; the credit is spent once even when the tap is repeated', async () => {
    const customer = await createCustomerActor(db, 'anna@example.com');
    await issueStoreCredit(db, { customerId: customer.customerId!, amountCents: 1000, idempotencyKey: randomUUID(), reason: 'test' });
    const cartId = await cartAt(4999, customer.customerId!);
    const key = randomUUID();
    const input = { idempotencyKey: key, storeCreditCents: 1000, cardPartCents: 1000, tenderedCents: 3000, expectedTotalCents: 4999 };
    const done = await sell(cartId, input);
    const again = await sell(cartId, input);
    expect(again.orderId).toBe(done.orderId);
    expect((await paymentsOf(done.orderId)).map((p) => [p.method, p.amountCents, p.roundingCents])).toEqual([
      ['store_credit', 1000, 0],
      ['card_terminal', 1000, 0],
      ['cash', 3000, 1],
    ]);
    expect(await getStoreCreditBalance(db, customer.customerId!)).toBe(0);
  });

  it('store credit paying it all completes the sale; more than the balance is refused and changes nothing', async () => {
    const customer = await createCustomerActor(db, 'ben@example.com');
    await issueStoreCredit(db, { customerId: customer.customerId!, amountCents: 4000, idempotencyKey: randomUUID(), reason: 'test' });
    const cartId = await cartAt(4999, customer.customerId!);
    await expect(sell(cartId, { storeCreditCents: 4500, tenderedCents: 500, expectedTotalCents: 4999 })).rejects.toMatchObject({ code: 'storeCreditInsufficient' });
    expect(await getStoreCreditBalance(db, customer.customerId!)).toBe(4000);
    expect(await db.select().from(orders)).toEqual([]);

    await db.update(variants).set({ priceCents: 4000 }).where(eq(variants.id, shop.variant.id));
    const done = await sell(cartId, { method: 'card_terminal', storeCreditCents: 4000, expectedTotalCents: 4000 });
    expect((await paymentsOf(done.orderId)).map((p) => p.method)).toEqual(['store_credit']);
    const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, done.orderId));
    expect(order.status).toBe('completed');
  });

  it('a part that leaves nothing for the rest is refused before anything is sold', async () => {
    const cartId = await cartAt(4999);
    await expect(sell(cartId, { cardPartCents: 4999, tenderedCents: 0, expectedTotalCents: 4999 })).rejects.toMatchObject({ code: 'splitPartTooHigh', field: 'cardPart' });
    expect(await db.select().from(orders)).toEqual([]);
  });

  it('splitTender: the parts in order, cash rounded, card not', () => {
    expect(splitTender({ totalCents: 4999, pointsCents: 500, storeCreditCents: 1000, cardPartCents: 1000, rest: 'cash' })).toEqual({
      pointsCents: 500, storeCreditCents: 1000, cardPartCents: 1000, restDueCents: 2499, restToPayCents: 2500, roundingCents: 1,
    });
    expect(splitTender({ totalCents: 4999, pointsCents: 0, storeCreditCents: 0, cardPartCents: 0, rest: 'card_terminal' })).toMatchObject({ restToPayCents: 4999, roundingCents: 0 });
    expect(() => splitTender({ totalCents: 1000, pointsCents: 0, storeCreditCents: 1001, cardPartCents: 0, rest: 'cash' })).toThrow();
  });
});
