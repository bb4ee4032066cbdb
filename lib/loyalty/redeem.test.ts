import { randomUUID } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orders, payments } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { transitionOrder } from '@/lib/orders/mutations';
import { startPayment } from '@/lib/payments/mutations';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { redeemPointsForOrder } from './redeem';
import { counterCart, grantPoints, ledgerOf, payOnline, placeWebOrder, type Shop } from './test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Shop;
let eva: Actor;
let noor: Actor;
let clerk: Actor;
let otherClerk: Actor;
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
  noor = await createCustomerActor(db, 'noor@example.com');
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  otherClerk = await createStaff(db, {
    role: 'clerk',
    email: 'clerk-b@example.com',
    locationId: shop.storeB.id,
  });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  await grantPoints(db, eva.customerId!, 2_500);
});

async function paymentsOf(orderId: string) {
  return db
    .select({
      method: payments.method,
      status: payments.status,
      amountCents: payments.amountCents,
      changeCents: payments.changeCents,
    })
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(asc(payments.createdAt), desc(payments.method)); // one transaction, one timestamp: points (last in the enum) first
}
async function orderOf(orderId: string) {
  const [row] = await db
    .select({ status: orders.status, totalCents: orders.totalCents })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row;
}
const sumSucceeded = (rows: { status: string; amountCents: number }[]) =>
  rows.filter((r) => r.status === 'succeeded').reduce((s, r) => s + r.amountCents, 0);
const sale = (cartId: string, extra: Partial<Parameters<typeof completeCounterSale>[1]>) =>
  completeCounterSale(
    db,
    { idempotencyKey: randomUUID(), method: 'card_terminal', cartId, storeId: shop.storeA.id, ...extra },
    clerk,
  );

describe('points as a payment at the counter', () => {
  it('points pay part, the card the rest: the order total is the sum of its payments; the rest earns points', async () => {
    const cartId = await counterCart(db, shop, clerk, { customerId: eva.customerId });
    const done = await sale(cartId, { loyaltyPoints: 2_000 });
    expect(await orderOf(done.orderId)).toEqual({ status: 'completed', totalCents: 5_000 });
    const rows = await paymentsOf(done.orderId);
    expect(rows.map((r) => [r.method, r.status, r.amountCents])).toEqual([
      ['loyalty_points', 'succeeded', 2_000],
      ['card_terminal', 'succeeded', 3_000],
    ]);
    expect(sumSucceeded(rows)).toBe(5_000);
    // 2 500 − 2 000 redeemed + 30 earned on the € 30 paid by card.
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 530, sum: 530 });
  });

  it('cash for the rest: tendered against the rest, change from the rest', async () => {
    const cartId = await counterCart(db, shop, clerk, { customerId: eva.customerId });
    const done = await sale(cartId, {
      method: 'cash',
      tenderedCents: 4_000,
      expectedTotalCents: 5_000,
      loyaltyPoints: 1_500,
    });
    expect(done.changeCents).toBe(500);
    expect((await paymentsOf(done.orderId)).map((r) => [r.method, r.amountCents])).toEqual([
      ['loyalty_points', 1_500],
      ['cash', 3_500],
    ]);
  });

  it('points alone can pay the whole sale (method loyalty_points); it earns nothing', async () => {
    await grantPoints(db, eva.customerId!, 2_500);
    const cartId = await counterCart(db, shop, clerk, { customerId: eva.customerId });
    const done = await sale(cartId, { method: 'loyalty_points', loyaltyPoints: 5_000 });
    expect(await orderOf(done.orderId)).toEqual({ status: 'completed', totalCents: 5_000 });
    expect(sumSucceeded(await paymentsOf(done.orderId))).toBe(5_000);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 0, sum: 0 });
  });

  it('refuses more than the balance, more than the total, part of a step, or no customer — and keeps nothing', async () => {
    const cartId = await counterCart(db, shop, clerk, { customerId: eva.customerId });
    await expect(sale(cartId, { loyaltyPoints: 3_000 })).rejects.toMatchObject({
      code: 'loyaltyInsufficientPoints',
      values: { balance: 2_500 },
      field: 'loyaltyPoints',
    });
    await grantPoints(db, eva.customerId!, 10_000);
    await expect(sale(cartId, { loyaltyPoints: 6_000 })).rejects.toMatchObject({
      code: 'loyaltyAboveTotal',
      values: { max: 5_000 },
    });
    await expect(sale(cartId, { loyaltyPoints: 150 })).rejects.toMatchObject({
      code: 'loyaltyStep',
      values: { step: 100 },
    });
    await expect(sale(cartId, { method: 'loyalty_points', loyaltyPoints: 1_000 })).rejects.toMatchObject({
      code: 'loyaltyNotWholeTotal',
    });
    expect(await db.select({ id: orders.id }).from(orders)).toEqual([]);
    expect((await ledgerOf(db, eva.customerId!)).balance).toBe(12_500);

    const colleague = await createStaff(db, {
      role: 'clerk',
      email: 'clerk-2@example.com',
      locationId: shop.storeA.id,
    });
    const anonymous = await counterCart(db, shop, colleague);
    await expect(
      completeCounterSale(
        db,
        {
          idempotencyKey: randomUUID(),
          method: 'card_terminal',
          cartId: anonymous,
          storeId: shop.storeA.id,
          loyaltyPoints: 100,
        },
        colleague,
      ),
    ).rejects.toMatchObject({ code: 'loyaltyNoCustomer' });
  });

  it('a double tap (the same key) takes the points once', async () => {
    const cartId = await counterCart(db, shop, clerk, { customerId: eva.customerId });
    const key = randomUUID();
    const first = await sale(cartId, { idempotencyKey: key, loyaltyPoints: 1_000 });
    const again = await sale(cartId, { idempotencyKey: key, loyaltyPoints: 1_000 });
    expect(again.orderId).toBe(first.orderId);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 1_540, sum: 1_540 });
    // The same key with other points is not the same request.
    await expect(sale(cartId, { idempotencyKey: key, loyaltyPoints: 2_000 })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('points at web checkout', () => {
  it('points pay part; the provider is asked for the rest; paid, the order earns on the rest only', async () => {
    const order = await placeWebOrder(db, shop, eva);
    const redeemed = await redeemPointsForOrder(
      db,
      { orderId: order.orderId, points: 1_000, idempotencyKey: randomUUID() },
      eva,
    );
    expect(redeemed).toMatchObject({ points: 1_000, amountCents: 1_000, orderStatus: 'pending_payment' });
    const [attempt] = await db
      .select({ amountCents: payments.amountCents })
      .from(payments)
      .where(eq(payments.id, (await startPayment(db, { orderId: order.orderId })).paymentId));
    expect(attempt.amountCents).toBe(4_000);
    await payOnline(db, order.orderId);
    expect((await orderOf(order.orderId)).status).toBe('paid');
    expect(sumSucceeded(await paymentsOf(order.orderId))).toBe(5_000);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 1_540, sum: 1_540 });
  });

  it('points that cover the total pay the order alone', async () => {
    await grantPoints(db, eva.customerId!, 2_500);
    const order = await placeWebOrder(db, shop, eva);
    const redeemed = await redeemPointsForOrder(
      db,
      { orderId: order.orderId, points: 5_000, idempotencyKey: randomUUID() },
      eva,
    );
    expect(redeemed.orderStatus).toBe('paid');
    await expect(startPayment(db, { orderId: order.orderId })).rejects.toMatchObject({
      code: 'invalidState',
    });
  });

  it('a cancelled order gives its redeemed points back', async () => {
    const order = await placeWebOrder(db, shop, eva);
    await redeemPointsForOrder(
      db,
      { orderId: order.orderId, points: 2_000, idempotencyKey: randomUUID() },
      eva,
    );
    expect((await ledgerOf(db, eva.customerId!)).balance).toBe(500);
    await transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: 'system' });
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 2_500, sum: 2_500 });
  });

  it('a paid then cancelled order: redeemed points back, earned points taken back', async () => {
    const order = await placeWebOrder(db, shop, eva);
    await redeemPointsForOrder(
      db,
      { orderId: order.orderId, points: 1_000, idempotencyKey: randomUUID() },
      eva,
    );
    await payOnline(db, order.orderId);
    await transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: admin });
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 2_500, sum: 2_500 });
  });

  it("only the order's own customer or staff of its store may redeem for it", async () => {
    await grantPoints(db, noor.customerId!, 1_000);
    const order = await placeWebOrder(db, shop, eva);
    await expect(
      redeemPointsForOrder(db, { orderId: order.orderId, points: 100, idempotencyKey: randomUUID() }, noor),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      redeemPointsForOrder(
        db,
        { orderId: order.orderId, points: 100, idempotencyKey: randomUUID() },
        otherClerk,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await ledgerOf(db, noor.customerId!)).balance).toBe(1_000);
    expect((await ledgerOf(db, eva.customerId!)).balance).toBe(2_500);
  });
});
