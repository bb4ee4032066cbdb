// The sales figures after returns, refunds, exchanges and store credit, against hand-computed numbers:
// the admin dashboard (per channel, today) and the Z reports (per till session, per store and day).
// Every flow runs through the domain functions a counter or the admin uses.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderLines, refunds } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, setCartCustomer } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { ordersPerChannelSince } from '@/lib/orders/dashboard-queries';
import { recordPayment } from '@/lib/orders/record-payment';
import { setSetting } from '@/lib/settings/settings';
import { getStoreCreditBalance, sumOfStoreCreditEntries } from '@/lib/store-credit/ledger';
import { createCustomerActor, createProduct, createShop, createStaff, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { getExpectedCash } from '@/lib/till/cash';
import { openTillSession } from '@/lib/till/mutations';
import { getStoreDaySummary, getTillSalesSummary } from '@/lib/till/reports';
import { createReturn, exchangeAtCounter, refundReturn, type ProviderRefunder } from './mutations';
import { insertOrder } from './test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;
let eva: Actor;
let size43: { id: number };
let shirt: { id: number };
/** The dashboard's "today" starts just before each test; "yesterday" is a day before that. */
let since: Date;
const DAY = 24 * 3600 * 1000;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 240_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 5 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
  eva = await createCustomerActor(db, 'eva@example.com');
  size43 = await createVariant(db, { productId: shop.product.id, sku: 'TR-43-BLK', priceCents: 5000, size: '43' });
  const other = await createProduct(db, { categoryId: shop.category.id, slug: 'shirt' });
  shirt = await createVariant(db, { productId: other.id, sku: 'SH-M', priceCents: 3000, size: 'M' });
  await receiveStock(db, size43.id, shop.storeA.id, 5);
  await receiveStock(db, shirt.id, shop.storeA.id, 5);
  since = new Date(Date.now() - 60_000);
});

const providerSucceeds: ProviderRefunder = async (d, input) => {
  await d.update(refunds).set({ status: 'succeeded', providerReference: `re_${input.refundId}` }).where(eq(refunds.id, input.refundId));
  return { status: 'succeeded' };
};

const none = { orders: 0, exchanges: 0, revenueCents: 0, refundedCents: 0, exchangedCents: 0 };
const figures = () => ordersPerChannelSince(db, since);

/** Eva's web order: 2 × € 50,00 with 10 % off (€ 90,00) + € 4,95 shipping = € 94,95, paid online, delivered. */
function webOrder(over: { shippingCents?: number; quantity?: number; discountCents?: number; placedAt?: Date } = {}) {
  const quantity = over.quantity ?? 2;
  return insertOrder(db, {
    channel: 'web',
    stockLocationId: shop.warehouse.id,
    customerId: eva.customerId,
    email: 'eva@example.com',
    shippingCents: over.shippingCents ?? 495,
    lines: [{ variantId: shop.variant.id, quantity, unitPriceCents: 5000, discountCents: over.discountCents ?? quantity * 500 }],
    handedOverAt: over.placedAt ?? new Date(),
  });
}

/** A return taken back at store A's counter now. */
const takeBack = (orderId: string, orderLineId: number, quantity: number) =>
  createReturn(db, { orderId, method: 'counter', locationId: shop.storeA.id, lines: [{ orderLineId, quantity, reason: 'too_small' }], receiveNow: true, actor: clerk, idempotencyKey: randomUUID() });

async function counterSale(input: { tillSessionId: number | null; variantId: number; quantity: number; method: 'cash' | 'card_terminal'; tenderedCents?: number; customerId?: number; storeCreditCents?: number }) {
  const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: input.tillSessionId });
  await addToCart(db, { cartId, variantId: input.variantId, quantity: input.quantity });
  if (input.customerId) await setCartCustomer(db, { cartId, customerId: input.customerId });
  return completeCounterSale(
    db,
    { idempotencyKey: randomUUID(), method: input.method, tenderedCents: input.tenderedCents ?? null, storeCreditCents: input.storeCreditCents, cartId, storeId: shop.storeA.id },
    clerk,
  );
}

const openTill = () => openTillSession(db, { locationId: shop.storeA.id, tillName: 'Till 1', openingFloatCents: 10_000 }, clerk);

describe('sales net of returns (admin dashboard, Z reports)', () => {
  it('(a) a web order partly returned and refunded to the original payment: web sales 9495 − 4500', async () => {
    const order = await webOrder();
    const ret = await takeBack(order.id, order.lineIds[0], 1);
    const refund = await refundReturn(db, { returnId: ret.returnId, to: 'original', actor: clerk, idempotencyKey: randomUUID(), refundProvider: providerSucceeds });
    expect(refund.refunds).toEqual([expect.objectContaining({ method: 'test_provider', amountCents: 4500, status: 'succeeded' })]);
    expect(await figures()).toEqual({
      web: { ...none, orders: 1, revenueCents: 9495 - 4500, refundedCents: 4500 },
      store: none,
    });
  });

  it('(b) a counter sale returned for cash: store sales 0; the till pays both refunds out and the Z reports agree with its drawer', async () => {
    const till = await openTill();
    const sale = await counterSale({ tillSessionId: till.id, variantId: shop.variant.id, quantity: 2, method: 'cash', tenderedCents: 10_000 });
    const [{ id: lineId }] = await db.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.orderId, sale.orderId));
    // One unit back to the original payment (cash: out of the drawer), one for cash outright.
    const first = await takeBack(sale.orderId, lineId, 1);
    await refundReturn(db, { returnId: first.returnId, to: 'original', tillSessionId: till.id, actor: clerk, idempotencyKey: randomUUID() });
    const second = await takeBack(sale.orderId, lineId, 1);
    await refundReturn(db, { returnId: second.returnId, to: 'cash', tillSessionId: till.id, actor: clerk, idempotencyKey: randomUUID() });

    expect(await figures()).toEqual({ web: none, store: { ...none, orders: 1, revenueCents: 0, refundedCents: 10_000 } });
    const cash = await getExpectedCash(db, till.id);
    expect(cash).toMatchObject({ openingFloatCents: 10_000, cashSalesCents: 10_000, cashRefundsCents: 10_000, expectedCents: 10_000 });
    const z = await getTillSalesSummary(db, till.id);
    expect(z).toMatchObject({
      salesCount: 1,
      totalCents: 10_000,
      byMethod: [{ method: 'cash', count: 1, amountCents: 10_000 }],
      exchanges: { count: 0, amountCents: 0 },
      refunds: { count: 2, amountCents: 10_000, byMethod: [{ method: 'cash', count: 2, amountCents: 10_000 }] },
    });
    // The drawer's cash refunds are the Z report's cash refunds.
    expect(z.refunds.byMethod.find((m) => m.method === 'cash')?.amountCents).toBe(cash!.cashRefundsCents);
    const day = await getStoreDaySummary(db, shop.storeA.id, today());
    expect(day.summary).toEqual(z);
  });

  it('(c) an exchange for the same shoe in another size at the counter: the sale counts once (web credited, store sells), no money, no store credit', async () => {
    const till = await openTill();
    const order = await webOrder();
    const exchange = await exchangeAtCounter(db, {
      orderId: order.id,
      returnLines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'too_small', condition: 'resellable' }],
      replacements: [{ variantId: size43.id, quantity: 1, replacesOrderLineId: order.lineIds[0] }],
      locationId: shop.storeA.id,
      tillSessionId: till.id,
      actor: clerk,
      idempotencyKey: randomUUID(),
    });
    expect(exchange.differenceCents).toBe(0);
    const day = await figures();
    expect(day).toEqual({
      // The returned unit (€ 45 paid) is credited to the web sale ...
      web: { ...none, orders: 1, revenueCents: 9495 - 4500, exchangedCents: 4500 },
      // ... and the replacement is sold in the store at that price: not a new order, an exchange.
      store: { ...none, exchanges: 1, revenueCents: 4500 },
    });
    expect(day.web.revenueCents + day.store.revenueCents).toBe(9495);

    // Nothing was taken at the till: the exchange is listed as such, not as store credit spent.
    expect(await getTillSalesSummary(db, till.id)).toEqual({
      salesCount: 0,
      totalCents: 0,
      byMethod: [],
      byChannel: [],
      vat: [],
      exchanges: { count: 1, amountCents: 4500 },
      refunds: { count: 0, amountCents: 0, byMethod: [] },
    });
    expect(await getExpectedCash(db, till.id)).toMatchObject({ expectedCents: 10_000 });
    // The customer never had store credit, and has none now.
    expect(await getStoreCreditBalance(db, eva.customerId!)).toBe(0);
    expect(await sumOfStoreCreditEntries(db, eva.customerId!)).toBe(0);
  });

  it('(c) exchanging yesterday’s web sale moves nothing today in total; a cheaper product refunds the difference in cash from the till', async () => {
    const till = await openTill();
    const yesterday = await webOrder({ placedAt: new Date(since.getTime() - DAY) });
    await exchangeAtCounter(db, {
      orderId: yesterday.id,
      returnLines: [{ orderLineId: yesterday.lineIds[0], quantity: 1, reason: 'too_small' }],
      replacements: [{ variantId: size43.id, quantity: 1, replacesOrderLineId: yesterday.lineIds[0] }],
      locationId: shop.storeA.id,
      tillSessionId: till.id,
      actor: clerk,
      idempotencyKey: randomUUID(),
    });
    let day = await figures();
    expect(day).toEqual({ web: { ...none, revenueCents: -4500, exchangedCents: 4500 }, store: { ...none, exchanges: 1, revenueCents: 4500 } });
    expect(day.web.revenueCents + day.store.revenueCents).toBe(0);

    // The other shoe (€ 45 paid) for a € 30 shirt: € 15 back in cash.
    const cheaper = await exchangeAtCounter(db, {
      orderId: yesterday.id,
      returnLines: [{ orderLineId: yesterday.lineIds[0], quantity: 1, reason: 'not_as_expected' }],
      replacements: [{ variantId: shirt.id, quantity: 1 }],
      locationId: shop.storeA.id,
      tillSessionId: till.id,
      actor: clerk,
      idempotencyKey: randomUUID(),
    });
    // The whole order is back now, so its shipping (€ 4,95) is refunded with it.
    expect(cheaper.differenceCents).toBe(3000 - 4500 - 495);
    await refundReturn(db, { returnId: cheaper.returnId, to: 'cash', tillSessionId: till.id, actor: clerk, idempotencyKey: randomUUID() });
    day = await figures();
    expect(day).toEqual({
      web: { ...none, revenueCents: -4500 - 3000 - 1995, refundedCents: 1995, exchangedCents: 4500 + 3000 },
      store: { ...none, exchanges: 2, revenueCents: 4500 + 3000 },
    });
    // Today, in total, the shop gave back € 19,95 in cash and nothing else changed hands.
    expect(day.web.revenueCents + day.store.revenueCents).toBe(-1995);
    expect(await getExpectedCash(db, till.id)).toMatchObject({ cashRefundsCents: 1995, expectedCents: 10_000 - 1995 });
    expect(await getTillSalesSummary(db, till.id)).toMatchObject({
      salesCount: 0,
      totalCents: 0,
      byMethod: [],
      exchanges: { count: 2, amountCents: 4500 + 3000 },
      refunds: { count: 1, amountCents: 1995, byMethod: [{ method: 'cash', count: 1, amountCents: 1995 }] },
    });
  });

  it('(c) a dearer product: only the difference is taken, on the card terminal', async () => {
    const order = await webOrder({ shippingCents: 0 });
    const dearer = await exchangeAtCounter(db, {
      orderId: order.id,
      returnLines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'not_as_expected' }],
      replacements: [{ variantId: shirt.id, quantity: 2 }],
      locationId: shop.storeA.id,
      tillSessionId: null,
      actor: clerk,
      idempotencyKey: randomUUID(),
    });
    expect(dearer.differenceCents).toBe(6000 - 4500);
    await recordPayment(db, { orderId: dearer.exchangeOrderId, method: 'card_terminal', amountCents: dearer.differenceCents, idempotencyKey: randomUUID() }, clerk);
    const day = await figures();
    expect(day).toEqual({ web: { ...none, orders: 1, revenueCents: 9000 - 4500, exchangedCents: 4500 }, store: { ...none, exchanges: 1, revenueCents: 6000 } });
    expect(day.web.revenueCents + day.store.revenueCents).toBe(9000 + 1500);
    expect((await getStoreDaySummary(db, shop.storeA.id, today())).summary).toMatchObject({
      salesCount: 1,
      totalCents: 1500,
      byMethod: [{ method: 'card_terminal', count: 1, amountCents: 1500 }],
      // The exchange order's VAT (6000 → 1041) less its returned shoe's credit note (4500 → 781).
      vat: [{ rateBp: 2100, grossCents: 1500, vatCents: 1041 - 781 }],
      exchanges: { count: 1, amountCents: 4500 },
    });
  });

  it('(d) a refund to store credit and a later purchase paid with it: sales = goods kept (5000 − 5000 + 3000), the credit is counted nowhere', async () => {
    const order = await webOrder({ quantity: 1, discountCents: 0, shippingCents: 0 });
    const ret = await takeBack(order.id, order.lineIds[0], 1);
    const refund = await refundReturn(db, { returnId: ret.returnId, to: 'store_credit', actor: clerk, idempotencyKey: randomUUID() });
    expect(refund.storeCreditIssuedCents).toBe(5000);
    // A shirt at store A's counter (no till open), paid with € 30 of the credit.
    await counterSale({ tillSessionId: null, variantId: shirt.id, quantity: 1, method: 'card_terminal', customerId: eva.customerId!, storeCreditCents: 3000 });

    const day = await figures();
    expect(day).toEqual({
      web: { ...none, orders: 1, revenueCents: 0, refundedCents: 5000 },
      store: { ...none, orders: 1, revenueCents: 3000 },
    });
    expect(day.web.revenueCents + day.store.revenueCents).toBe(3000);
    expect(await getStoreCreditBalance(db, eva.customerId!)).toBe(2000);
    expect(await sumOfStoreCreditEntries(db, eva.customerId!)).toBe(2000);
    // The store's day: the credit taken as a tender and the credit issued for the return.
    expect((await getStoreDaySummary(db, shop.storeA.id, today())).summary).toMatchObject({
      salesCount: 1,
      totalCents: 3000,
      byMethod: [{ method: 'store_credit', count: 1, amountCents: 3000 }],
      exchanges: { count: 0, amountCents: 0 },
      refunds: { count: 1, amountCents: 5000, byMethod: [{ method: 'store_credit', count: 1, amountCents: 5000 }] },
    });
  });

  it('(e) a full return refunds the shipping too: web sales 0; without the setting the shipping stays sold', async () => {
    const order = await webOrder({ quantity: 1, discountCents: 0 });
    const ret = await takeBack(order.id, order.lineIds[0], 1);
    await refundReturn(db, { returnId: ret.returnId, to: 'original', actor: clerk, idempotencyKey: randomUUID(), refundProvider: providerSucceeds });
    expect(await figures()).toEqual({ web: { ...none, orders: 1, revenueCents: 0, refundedCents: 5495 }, store: none });

    await setSetting(db, 'returns', { windowDays: 30, refundShippingOnFullReturn: false }, null);
    const kept = await webOrder({ quantity: 1, discountCents: 0 });
    const back = await takeBack(kept.id, kept.lineIds[0], 1);
    await refundReturn(db, { returnId: back.returnId, to: 'original', actor: clerk, idempotencyKey: randomUUID(), refundProvider: providerSucceeds });
    expect((await figures()).web).toEqual({ ...none, orders: 2, revenueCents: 495, refundedCents: 5495 + 5000 });
  });
});
