import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { loyaltyEntries, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { transitionOrder } from '@/lib/orders/mutations';
import { placePendingOrder } from '@/lib/payments/payment-test-helpers';
import { setSetting } from '@/lib/settings/settings';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { earnOnOrder } from './order-events';
import {
  cardOf,
  counterCart,
  grantPoints,
  ledgerOf,
  payOnline,
  placeWebOrder,
  type Shop,
} from './test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Shop;
let eva: Actor;
let clerk: Actor;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 5 });
  eva = await createCustomerActor(db, 'eva@example.com');
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

const entriesOf = (orderId: string) =>
  db
    .select({ kind: loyaltyEntries.kind, points: loyaltyEntries.points, key: loyaltyEntries.idempotencyKey })
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.orderId, orderId));

describe('earning points', () => {
  it('a web order earns 1 point per whole euro of goods when it becomes paid — not before, and not for shipping', async () => {
    const order = await placeWebOrder(db, shop, eva, { fulfilment: 'delivery' }); // € 50,00 + € 4,95 delivery
    expect((await ledgerOf(db, eva.customerId!)).balance).toBe(0);
    expect(await payOnline(db, order.orderId)).toMatchObject({ body: { result: 'succeeded' } });
    expect(await entriesOf(order.orderId)).toEqual([
      { kind: 'earn', points: 50, key: `earn:${order.orderId}` },
    ]);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 50, sum: 50 });
    // The first points come with a card number, so the counter can find the customer by it.
    expect(await cardOf(db, eva.customerId!)).toMatch(/^29\d{11}$/);
  });

  it('uses the rate from the settings', async () => {
    await setSetting(db, 'loyalty', { pointsPerEuro: 3, redeemStepPoints: 100, redeemStepCents: 100 }, null);
    const order = await placeWebOrder(db, shop, eva, { quantity: 2 });
    await payOnline(db, order.orderId);
    expect((await ledgerOf(db, eva.customerId!)).balance).toBe(300);
  });

  it('a completed counter sale with an attached customer earns, one without earns nothing', async () => {
    const cartId = await counterCart(db, shop, clerk, { customerId: eva.customerId });
    const sale = await completeCounterSale(
      db,
      { idempotencyKey: randomUUID(), method: 'card_terminal', cartId, storeId: shop.storeA.id },
      clerk,
    );
    expect(await entriesOf(sale.orderId)).toEqual([
      { kind: 'earn', points: 50, key: `earn:${sale.orderId}` },
    ]);
    const anonymousCart = await counterCart(db, shop, clerk);
    const anonymous = await completeCounterSale(
      db,
      {
        idempotencyKey: randomUUID(),
        method: 'card_terminal',
        cartId: anonymousCart,
        storeId: shop.storeA.id,
      },
      clerk,
    );
    expect(await entriesOf(anonymous.orderId)).toEqual([]);
  });

  it('a web order without a customer profile earns nothing', async () => {
    const order = await placePendingOrder(db, shop);
    // (A guest checkout may link a profile by email; this order has none.)
    await db.update(orders).set({ customerId: null }).where(eq(orders.id, order.orderId));
    await payOnline(db, order.orderId);
    expect(await entriesOf(order.orderId)).toEqual([]);
  });

  it('earning twice for the same order is a no-op', async () => {
    const order = await placeWebOrder(db, shop, eva);
    await payOnline(db, order.orderId);
    expect(await db.transaction((tx) => earnOnOrder(tx, order.orderId))).toBe(0);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 50, sum: 50 });
  });
});

describe('reversal on cancel', () => {
  it('a paid web order that is cancelled takes its earned points back', async () => {
    const order = await placeWebOrder(db, shop, eva);
    await payOnline(db, order.orderId);
    await transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: admin });
    expect(await entriesOf(order.orderId)).toEqual(
      expect.arrayContaining([
        { kind: 'earn', points: 50, key: `earn:${order.orderId}` },
        { kind: 'reversal', points: -50, key: `reverse:${order.orderId}` },
      ]),
    );
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 0, sum: 0 });
  });

  it('takes back no more than the balance still holds (points spent meanwhile): never below zero', async () => {
    const order = await placeWebOrder(db, shop, eva);
    await payOnline(db, order.orderId);
    await grantPoints(db, eva.customerId!, -30);
    await transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: admin });
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 0, sum: 0 });
  });

  it('an unpaid order that is cancelled changes no points', async () => {
    await grantPoints(db, eva.customerId!, 70);
    const order = await placeWebOrder(db, shop, eva);
    await transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: admin });
    expect(await entriesOf(order.orderId)).toEqual([]);
    expect((await ledgerOf(db, eva.customerId!)).balance).toBe(70);
  });
});
