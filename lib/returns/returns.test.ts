import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, invoices, loyaltyAccounts, loyaltyEntries, notifications, orderEvents, orderLines, orders, payments, refunds, returns, stockLevels, stockMovements } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { recordPayment } from '@/lib/orders/record-payment';
import { setSetting } from '@/lib/settings/settings';
import { getStoreCreditBalance, sumOfStoreCreditEntries } from '@/lib/store-credit/ledger';
import { createCustomerActor, createProduct, createShop, createStaff, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { cancelReturn, createReturn, exchangeAtCounter, markReturnInTransit, receiveReturn, refundReturn, type ProviderRefunder } from './mutations';
import { findOrderForReturn, getReturnableOrder, getReturnView, listReturns } from './queries';
import { insertOrder, openTill } from './test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerkA: Actor;
let clerkB: Actor;
let eva: Actor;
let size43: { id: number };
let shirt: { id: number };

const NOW = new Date('2026-06-10T10:00:00Z');
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 240_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 2 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerkA = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
  clerkB = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
  eva = await createCustomerActor(db, 'eva@example.com');
  size43 = await createVariant(db, { productId: shop.product.id, sku: 'TR-43-BLK', priceCents: 5000, size: '43' });
  const other = await createProduct(db, { categoryId: shop.category.id, slug: 'shirt' });
  shirt = await createVariant(db, { productId: other.id, sku: 'SH-M', priceCents: 3000, size: 'M' });
  for (const v of [size43.id, shirt.id]) {
    await receiveStock(db, v, shop.storeB.id, 2);
    await receiveStock(db, v, shop.storeA.id, 2);
  }
});

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

async function onHand(variantId: number, locationId: number) {
  const [row] = await db.select({ onHand: stockLevels.onHand }).from(stockLevels).where(and(eq(stockLevels.variantId, variantId), eq(stockLevels.locationId, locationId)));
  return row?.onHand ?? 0;
}

/** A web order with a 10% promotion (2 × € 50,00 − € 10,00) and € 4,95 shipping, delivered 3 days ago. */
async function webOrder(extra: Partial<Parameters<typeof insertOrder>[1]> = {}) {
  return insertOrder(db, {
    channel: 'web',
    stockLocationId: shop.warehouse.id,
    customerId: eva.customerId,
    email: 'eva@example.com',
    shippingCents: 495,
    lines: [{ variantId: shop.variant.id, quantity: 2, unitPriceCents: 5000, discountCents: 1000 }],
    handedOverAt: new Date(NOW.getTime() - 3 * DAY),
    ...extra,
  });
}

const counterReturn = (orderId: string, lineId: number, quantity = 1, over: Partial<Parameters<typeof createReturn>[1]> = {}) =>
  createReturn(db, {
    orderId,
    method: 'counter',
    locationId: shop.storeB.id,
    lines: [{ orderLineId: lineId, quantity, reason: 'too_small' }],
    receiveNow: true,
    actor: clerkB,
    idempotencyKey: randomUUID(),
    now: NOW,
    ...over,
  });

describe('createReturn', () => {
  it('a counter return of a web order at any store: refund = what was paid (10% honoured), restocked here, events on the timeline', async () => {
    const order = await webOrder();
    const before = await onHand(shop.variant.id, shop.storeB.id);
    const { returnId, number } = await counterReturn(order.id, order.lineIds[0]);
    expect(number).toMatch(/^R-\d+$/);
    const view = (await getReturnView(db, returnId))!;
    expect(view).toMatchObject({ status: 'received', method: 'counter', locationId: shop.storeB.id, refundTotalCents: 4500, shippingRefundCents: 0 });
    expect(view.lines[0]).toMatchObject({ quantity: 1, refundCents: 4500, vatRateBp: 2100, condition: 'resellable' });
    expect(await onHand(shop.variant.id, shop.storeB.id)).toBe(before + 1);
    const events = await db.select({ type: orderEvents.type, note: orderEvents.note }).from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events).toEqual(expect.arrayContaining([{ type: 'return_requested', note: number }, { type: 'return_received', note: number }]));
    const [line] = await db.select({ returned: orderLines.returnedQuantity }).from(orderLines).where(eq(orderLines.id, order.lineIds[0]));
    expect(line.returned).toBe(1);
    expect(await db.select({ action: auditLog.action }).from(auditLog)).toEqual([{ action: 'return.created' }]);
    const [mail] = await db.select({ templateKey: notifications.templateKey, recipient: notifications.recipient }).from(notifications);
    expect(mail).toEqual({ templateKey: 'return_received', recipient: 'eva@example.com' });
  });

  it('never more returned than bought, across returns; a damaged unit is written off, not restocked', async () => {
    const order = await webOrder();
    await counterReturn(order.id, order.lineIds[0], 1, { lines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'damaged', condition: 'damaged' }] });
    const error = await errorOf(counterReturn(order.id, order.lineIds[0], 2));
    expect(error.code).toBe('returnQuantityTooHigh');
    expect(error.values).toMatchObject({ available: 1 });
    expect(await onHand(shop.variant.id, shop.storeB.id)).toBe(2);
    const moves = await db.select({ reason: stockMovements.reason, delta: stockMovements.onHandDelta }).from(stockMovements).where(eq(stockMovements.reason, 'write_off'));
    expect(moves).toEqual([{ reason: 'write_off', delta: 0 }]);
    expect(await db.select().from(returns)).toHaveLength(1);
  });

  it('refuses a cancelled order, a line of another order, a forged order id, and nothing changes', async () => {
    const cancelled = await webOrder({ status: 'cancelled' });
    expect((await errorOf(counterReturn(cancelled.id, cancelled.lineIds[0]))).code).toBe('returnOrderCancelled');
    const a = await webOrder();
    const b = await webOrder();
    expect((await errorOf(counterReturn(a.id, b.lineIds[0]))).code).toBe('returnLineNotOnOrder');
    expect((await errorOf(counterReturn(randomUUID(), a.lineIds[0]))).code).toBe('returnOrderNotFound');
    expect((await errorOf(counterReturn(a.id, a.lineIds[0], 1, { lines: [{ orderLineId: a.lineIds[0], quantity: 0, reason: 'other' }] }))).code).toBe('returnQuantityInvalid');
    expect(await db.select().from(returns)).toHaveLength(0);
    expect((await db.select({ r: orderLines.returnedQuantity }).from(orderLines)).every((l) => l.r === 0)).toBe(true);
  });

  it('a customer returns only their own order (another customer: not found), by post, then in transit / cancel gives the units back', async () => {
    const order = await webOrder();
    const other = await createCustomerActor(db, 'piet@example.com');
    const input = { orderId: order.id, method: 'post' as const, locationId: shop.warehouse.id, lines: [{ orderLineId: order.lineIds[0], quantity: 2, reason: 'too_small' as const }], receiveNow: false, now: NOW };
    expect((await errorOf(createReturn(db, { ...input, actor: other, idempotencyKey: randomUUID() }))).code).toBe('returnOrderNotFound');
    expect((await errorOf(createReturn(db, { ...input, receiveNow: true, actor: eva, idempotencyKey: randomUUID() }))).code).toBe('forbidden');
    const key = randomUUID();
    const made = await createReturn(db, { ...input, actor: eva, idempotencyKey: key });
    expect(await createReturn(db, { ...input, actor: eva, idempotencyKey: key })).toEqual(made);
    expect((await errorOf(createReturn(db, { ...input, lines: [{ ...input.lines[0], quantity: 1 }], actor: eva, idempotencyKey: key }))).code).toBe('conflict');
    await markReturnInTransit(db, { returnId: made.returnId, actor: eva });
    expect((await getReturnView(db, made.returnId))!.status).toBe('in_transit');
    expect((await errorOf(markReturnInTransit(db, { returnId: made.returnId, actor: other }))).code).toBe('returnNotFound');
    await cancelReturn(db, { returnId: made.returnId, actor: eva });
    const [line] = await db.select({ returned: orderLines.returnedQuantity }).from(orderLines).where(eq(orderLines.id, order.lineIds[0]));
    expect(line.returned).toBe(0);
    expect((await getReturnableOrder(db, order.id, NOW))!.lines[0].returnableQuantity).toBe(2);
  });

  it('outside the window: refused, an admin override with a reason is allowed and audited; clerks cannot override', async () => {
    const order = await webOrder({ handedOverAt: new Date(NOW.getTime() - 31 * DAY) });
    const dto = (await getReturnableOrder(db, order.id, NOW))!;
    expect(dto).toMatchObject({ returnable: false, refusal: 'returnWindowClosed', window: { open: false } });
    expect((await errorOf(counterReturn(order.id, order.lineIds[0]))).code).toBe('returnWindowClosed');
    expect((await errorOf(counterReturn(order.id, order.lineIds[0], 1, { windowOverride: { reason: 'Faulty seam' } }))).code).toBe('forbidden');
    const made = await counterReturn(order.id, order.lineIds[0], 1, { actor: admin, windowOverride: { reason: 'Faulty seam' } });
    const [ret] = await db.select({ by: returns.windowOverrideByUserId, reason: returns.windowOverrideReason }).from(returns).where(eq(returns.id, made.returnId));
    expect(ret).toEqual({ by: admin.userId, reason: 'Faulty seam' });
    const audit = await db.select({ action: auditLog.action, summary: auditLog.summary }).from(auditLog).where(eq(auditLog.action, 'return.window_overridden'));
    expect(audit[0].summary).toContain('Faulty seam');
    // The window is a setting.
    await setSetting(db, 'returns', { windowDays: 60 }, null);
    expect((await getReturnableOrder(db, order.id, NOW))!.window.open).toBe(true);
  });

  it('shipping is refunded only when the whole order came back, and only when the setting says so', async () => {
    const order = await webOrder();
    const first = await counterReturn(order.id, order.lineIds[0], 1);
    expect((await getReturnView(db, first.returnId))!.shippingRefundCents).toBe(0);
    const last = await counterReturn(order.id, order.lineIds[0], 1);
    expect((await getReturnView(db, last.returnId))!).toMatchObject({ shippingRefundCents: 495, refundTotalCents: 4500 + 495 });
    await setSetting(db, 'returns', { windowDays: 30, refundShippingOnFullReturn: false }, null);
    const other = await webOrder();
    const all = await counterReturn(other.id, other.lineIds[0], 2);
    expect((await getReturnView(db, all.returnId))!).toMatchObject({ shippingRefundCents: 0, refundTotalCents: 9000 });
  });

  it('finds the order by its number, a scanned code, an RMA number; lists returns with filters', async () => {
    const order = await webOrder();
    const made = await counterReturn(order.id, order.lineIds[0]);
    expect(await findOrderForReturn(db, order.number.toLowerCase())).toBe(order.id);
    expect(await findOrderForReturn(db, ` ${order.number}\n`)).toBe(order.id);
    expect(await findOrderForReturn(db, made.number)).toBe(order.id);
    expect(await findOrderForReturn(db, 'W-999999')).toBeNull();
    expect((await listReturns(db, { status: 'received', locationId: shop.storeB.id })).rows.map((r) => r.number)).toEqual([made.number]);
    expect((await listReturns(db, { q: order.number })).total).toBe(1);
    expect((await listReturns(db, { status: 'refunded' })).total).toBe(0);
  });
});

describe('receiveReturn', () => {
  it('the warehouse receives a posted return with a condition per line; staff of another location may not', async () => {
    const order = await webOrder();
    const made = await createReturn(db, { orderId: order.id, method: 'post', locationId: shop.warehouse.id, lines: [{ orderLineId: order.lineIds[0], quantity: 2, reason: 'too_small' }], receiveNow: false, actor: eva, idempotencyKey: randomUUID(), now: NOW });
    const view = (await getReturnView(db, made.returnId))!;
    expect((await errorOf(receiveReturn(db, { returnId: made.returnId, locationId: shop.warehouse.id, conditions: [], actor: clerkA }))).code).toBe('forbidden');
    expect((await errorOf(refundReturn(db, { returnId: made.returnId, to: 'original', actor: admin, idempotencyKey: randomUUID() }))).code).toBe('returnNotReceived');
    const before = await onHand(shop.variant.id, shop.warehouse.id);
    await receiveReturn(db, { returnId: made.returnId, locationId: shop.warehouse.id, conditions: [{ returnLineId: view.lines[0].id, condition: 'resellable' }], actor: admin });
    expect(await onHand(shop.variant.id, shop.warehouse.id)).toBe(before + 2);
    expect((await errorOf(receiveReturn(db, { returnId: made.returnId, locationId: shop.warehouse.id, conditions: [], actor: admin }))).code).toBe('returnInvalidState');
  });
});

describe('refundReturn', () => {
  const fakeProvider: ProviderRefunder = async (d, input) => {
    await d.update(refunds).set({ status: 'succeeded', providerReference: `re_${input.refundId}` }).where(eq(refunds.id, input.refundId));
    return { status: 'succeeded' };
  };

  it("to the original payment: online through the provider outside the transaction; credit note 'C', negative, VAT mirrored; 'refunded' event; customer told", async () => {
    const order = await webOrder();
    const made = await counterReturn(order.id, order.lineIds[0], 2);
    const calls: unknown[] = [];
    const result = await refundReturn(db, {
      returnId: made.returnId,
      to: 'original',
      actor: clerkB,
      idempotencyKey: 'refund-1',
      now: NOW,
      refundProvider: async (d, input) => {
        calls.push(input);
        return fakeProvider(d, input);
      },
    });
    expect(result.refunds).toEqual([expect.objectContaining({ method: 'test_provider', amountCents: 9495, status: 'succeeded' })]);
    expect(calls).toHaveLength(1);
    const [payment] = await db.select({ refunded: payments.refundedCents }).from(payments).where(eq(payments.orderId, order.id));
    expect(payment.refunded).toBe(9495);
    const [note] = await db.select().from(invoices).where(eq(invoices.kind, 'credit_note'));
    const [invoice] = await db.select().from(invoices).where(eq(invoices.kind, 'invoice'));
    expect(note.number).toMatch(/^C-\d{4}-000001$/);
    expect(note).toMatchObject({ totalCents: -9495, correctsInvoiceId: invoice.id, returnId: made.returnId });
    expect(note.vatCents).toBe(-invoice.vatCents);
    const [o] = await db.select({ vat: orders.vatBreakdown }).from(orders).where(eq(orders.id, order.id));
    expect(note.vatBreakdown).toEqual(o.vat.map((v) => ({ rateBp: v.rateBp, grossCents: -v.grossCents, vatCents: -v.vatCents })));
    expect((await getReturnView(db, made.returnId))!).toMatchObject({ status: 'refunded', refundedCents: 9495, creditNote: { number: note.number } });
    // Replay: nothing new; a second refund with another key: nothing left.
    expect((await refundReturn(db, { returnId: made.returnId, to: 'original', actor: clerkB, idempotencyKey: 'refund-1', refundProvider: fakeProvider })).replayed).toBe(true);
    expect((await errorOf(refundReturn(db, { returnId: made.returnId, to: 'cash', actor: clerkB, idempotencyKey: 'refund-2' }))).code).toBe('returnAlreadyRefunded');
    expect(await db.select().from(refunds)).toHaveLength(1);
    expect((await db.select({ t: notifications.templateKey }).from(notifications)).map((n) => n.t)).toContain('refund_issued');
    expect((await db.select({ a: auditLog.action }).from(auditLog)).map((a) => a.a)).toContain('return.refunded');
  });

  it('split over points + card: points go back as points, the card share as a card refund; never more than paid', async () => {
    const order = await insertOrder(db, {
      stockLocationId: shop.storeA.id,
      customerId: eva.customerId,
      lines: [{ variantId: shop.variant.id, quantity: 2, unitPriceCents: 5000 }],
      payments: [
        { method: 'loyalty_points', amountCents: 2000 },
        { method: 'card_terminal', amountCents: 8000 },
      ],
      redeemedPoints: 2000,
      earnedPoints: 80,
      handedOverAt: new Date(NOW.getTime() - DAY),
    });
    const [before] = await db.select({ balance: loyaltyAccounts.balance }).from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, eva.customerId!));
    const made = await createReturn(db, { orderId: order.id, method: 'counter', locationId: shop.storeA.id, lines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'changed_mind' }], receiveNow: true, actor: clerkA, idempotencyKey: randomUUID(), now: NOW });
    const result = await refundReturn(db, { returnId: made.returnId, to: 'original', actor: clerkA, idempotencyKey: randomUUID(), now: NOW });
    expect(result.refunds.map((r) => [r.method, r.amountCents, r.status])).toEqual([
      ['loyalty_points', 1000, 'succeeded'],
      ['card_terminal', 4000, 'succeeded'],
    ]);
    // 1000 cents of the 2000-cent points payment: half the 2000 points back; half the 80 earned taken back.
    expect(result.pointsReversed).toBe(40);
    const [after] = await db.select({ balance: loyaltyAccounts.balance }).from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, eva.customerId!));
    expect(after.balance - before.balance).toBe(1000 - 40);
    const paid = await db.select({ method: payments.method, refunded: payments.refundedCents }).from(payments).where(eq(payments.orderId, order.id));
    expect(paid.find((p) => p.method === 'loyalty_points')!.refunded).toBe(1000);
    expect(paid.find((p) => p.method === 'card_terminal')!.refunded).toBe(4000);
  });

  it('cash from an open till of this store; store credit needs a customer and is issued; till required for cash', async () => {
    const order = await webOrder();
    const r1 = await counterReturn(order.id, order.lineIds[0], 1);
    expect((await errorOf(refundReturn(db, { returnId: r1.returnId, to: 'cash', actor: clerkB, idempotencyKey: randomUUID() }))).code).toBe('refundTillRequired');
    const tillA = await openTill(db, shop.storeA.id, clerkA.userId);
    expect((await errorOf(refundReturn(db, { returnId: r1.returnId, to: 'cash', tillSessionId: tillA, actor: clerkB, idempotencyKey: randomUUID() }))).code).toBe('forbidden');
    const tillB = await openTill(db, shop.storeB.id, clerkB.userId);
    const cash = await refundReturn(db, { returnId: r1.returnId, to: 'cash', tillSessionId: tillB, actor: clerkB, idempotencyKey: randomUUID() });
    expect(cash.refunds).toEqual([expect.objectContaining({ method: 'cash', amountCents: 4500, status: 'succeeded' })]);
    const [row] = await db.select({ till: refunds.tillSessionId }).from(refunds);
    expect(row.till).toBe(tillB);

    const r2 = await counterReturn(order.id, order.lineIds[0], 1);
    const credit = await refundReturn(db, { returnId: r2.returnId, to: 'store_credit', actor: clerkB, idempotencyKey: randomUUID(), now: NOW });
    expect(credit.storeCreditIssuedCents).toBe(4500 + 495);
    expect(await getStoreCreditBalance(db, eva.customerId!)).toBe(4995);
    expect(await sumOfStoreCreditEntries(db, eva.customerId!)).toBe(4995);
    // Two returns, two credit notes, consecutive in their own series.
    const notes = await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.kind, 'credit_note')).orderBy(invoices.id);
    expect(notes.map((n) => n.number.slice(-6))).toEqual(['000001', '000002']);

    const anonymous = await insertOrder(db, { stockLocationId: shop.storeB.id, lines: [{ variantId: shop.variant.id, quantity: 1, unitPriceCents: 5000 }], handedOverAt: NOW });
    const r3 = await counterReturn(anonymous.id, anonymous.lineIds[0], 1);
    expect((await errorOf(refundReturn(db, { returnId: r3.returnId, to: 'store_credit', actor: clerkB, idempotencyKey: randomUUID() }))).code).toBe('refundNeedsCustomer');
    expect((await errorOf(refundReturn(db, { returnId: r3.returnId, to: 'card_terminal', actor: clerkA, idempotencyKey: randomUUID() }))).code).toBe('forbidden');
  });

  it('a provider refund that fails leaves the remainder to refund again', async () => {
    const order = await webOrder();
    const made = await counterReturn(order.id, order.lineIds[0], 1);
    const failing: ProviderRefunder = async (d, input) => {
      await d.update(refunds).set({ status: 'failed' }).where(eq(refunds.id, input.refundId));
      await d.update(payments).set({ refundedCents: 0 }).where(eq(payments.id, input.paymentId));
      return { status: 'failed' };
    };
    const first = await refundReturn(db, { returnId: made.returnId, to: 'original', actor: clerkB, idempotencyKey: randomUUID(), refundProvider: failing });
    expect(first.refunds[0].status).toBe('failed');
    const second = await refundReturn(db, { returnId: made.returnId, to: 'card_terminal', actor: clerkB, idempotencyKey: randomUUID() });
    expect(second.refunds).toEqual([expect.objectContaining({ method: 'card_terminal', amountCents: 4500 })]);
    expect(await db.select().from(invoices).where(eq(invoices.kind, 'credit_note'))).toHaveLength(1);
  });
});

describe('loyalty reversal on returns', () => {
  it('points earned are taken back pro rata over several refunded returns, never more than earned', async () => {
    const order = await insertOrder(db, {
      stockLocationId: shop.storeA.id,
      customerId: eva.customerId,
      lines: [{ variantId: shop.variant.id, quantity: 3, unitPriceCents: 3333 }],
      earnedPoints: 99,
      handedOverAt: NOW,
    });
    const taken: number[] = [];
    for (const q of [1, 2]) {
      const made = await createReturn(db, { orderId: order.id, method: 'counter', locationId: shop.storeA.id, lines: [{ orderLineId: order.lineIds[0], quantity: q, reason: 'changed_mind' }], receiveNow: true, actor: clerkA, idempotencyKey: randomUUID(), now: NOW });
      taken.push((await refundReturn(db, { returnId: made.returnId, to: 'card_terminal', actor: clerkA, idempotencyKey: randomUUID(), now: NOW })).pointsReversed);
    }
    expect(taken).toEqual([33, 66]);
  });
});

describe('exchangeAtCounter', () => {
  it('S2: the same shoe one size up from this store, at the price paid (no difference); stock and history right', async () => {
    const order = await webOrder();
    const returnedBefore = await onHand(shop.variant.id, shop.storeB.id);
    const newBefore = await onHand(size43.id, shop.storeB.id);
    const result = await exchangeAtCounter(db, {
      orderId: order.id,
      returnLines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'too_small' }],
      replacements: [{ variantId: size43.id, quantity: 1, replacesOrderLineId: order.lineIds[0] }],
      locationId: shop.storeB.id,
      tillSessionId: null,
      actor: clerkB,
      idempotencyKey: 'exchange-1',
      now: NOW,
    });
    expect(result.differenceCents).toBe(0);
    expect(await onHand(shop.variant.id, shop.storeB.id)).toBe(returnedBefore + 1);
    expect(await onHand(size43.id, shop.storeB.id)).toBe(newBefore - 1);
    const [exchange] = await db.select().from(orders).where(eq(orders.id, result.exchangeOrderId));
    expect(exchange).toMatchObject({ channel: 'store', fulfilment: 'in_store', status: 'completed', totalCents: 4500, stockLocationId: shop.storeB.id, customerId: eva.customerId });
    const view = (await getReturnView(db, result.returnId))!;
    expect(view).toMatchObject({ status: 'closed', exchangeOrder: { id: result.exchangeOrderId } });
    expect(view.creditNote).not.toBeNull();
    const events = await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events.map((e) => e.type)).toContain('exchanged');
    // A replay is the same exchange.
    expect(await exchangeAtCounter(db, { orderId: order.id, returnLines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'too_small' }], replacements: [{ variantId: size43.id, quantity: 1, replacesOrderLineId: order.lineIds[0] }], locationId: shop.storeB.id, tillSessionId: null, actor: clerkB, idempotencyKey: 'exchange-1' })).toEqual(result);
  });

  it('a different product is priced now: the difference is due on the exchange order', async () => {
    const order = await webOrder();
    const result = await exchangeAtCounter(db, {
      orderId: order.id,
      returnLines: [{ orderLineId: order.lineIds[0], quantity: 2, reason: 'not_as_expected' }],
      replacements: [{ variantId: shirt.id, quantity: 2 }, { variantId: size43.id, quantity: 1 }],
      locationId: shop.storeB.id,
      tillSessionId: null,
      actor: clerkB,
      idempotencyKey: randomUUID(),
      now: NOW,
    });
    // Returned 9000 + 495 shipping (whole order back); bought 2 × 3000 + 5000.
    expect(result.differenceCents).toBe(11000 - 9495);
    const [exchange] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, result.exchangeOrderId));
    expect(exchange.status).toBe('pending_payment');
    const [paid] = await db.select({ amount: payments.amountCents, providerMethod: payments.providerMethod }).from(payments).where(eq(payments.orderId, result.exchangeOrderId));
    expect(paid).toEqual({ amount: 9495, providerMethod: 'exchange' });
    // The clerk takes the difference with the usual payment step; points are earned on that part only.
    const done = await recordPayment(db, { orderId: result.exchangeOrderId, method: 'card_terminal', amountCents: result.differenceCents, idempotencyKey: randomUUID() }, clerkB);
    expect(done.orderStatus).toBe('completed');
    const [earned] = await db.select({ points: loyaltyEntries.points }).from(loyaltyEntries).where(and(eq(loyaltyEntries.orderId, result.exchangeOrderId), eq(loyaltyEntries.kind, 'earn')));
    expect(earned.points).toBe(15);
  });

  it('atomic: a failure after the return and the sale leaves nothing behind (no return, no order, no stock change)', async () => {
    const order = await webOrder();
    const snapshot = async () => ({
      returns: (await db.select().from(returns)).length,
      orders: (await db.select().from(orders)).length,
      movements: (await db.select().from(stockMovements)).length,
      returned: (await db.select({ r: orderLines.returnedQuantity }).from(orderLines).where(eq(orderLines.id, order.lineIds[0])))[0].r,
      stock: [await onHand(shop.variant.id, shop.storeB.id), await onHand(size43.id, shop.storeB.id)],
      invoices: (await db.select().from(invoices)).length,
    });
    const before = await snapshot();
    const input = {
      orderId: order.id,
      returnLines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'too_small' as const }],
      replacements: [{ variantId: size43.id, quantity: 1, replacesOrderLineId: order.lineIds[0] }],
      locationId: shop.storeB.id,
      tillSessionId: null,
      actor: clerkB,
      idempotencyKey: randomUUID(),
      now: NOW,
    };
    await expect(exchangeAtCounter(db, { ...input, beforeCommit: async () => { throw new Error('injected failure'); } })).rejects.toThrow('injected failure');
    expect(await snapshot()).toEqual(before);
    // Not enough of the replacement in this store: refused, nothing changes either.
    expect((await errorOf(exchangeAtCounter(db, { ...input, replacements: [{ variantId: shirt.id, quantity: 3 }], idempotencyKey: randomUUID() }))).code).toBe('outOfStock');
    expect(await snapshot()).toEqual(before);
    // A same-product replacement must match the returned quantity.
    expect((await errorOf(exchangeAtCounter(db, { ...input, replacements: [{ variantId: size43.id, quantity: 2, replacesOrderLineId: order.lineIds[0] }], idempotencyKey: randomUUID() }))).code).toBe('exchangeReplacementMismatch');
    expect(await snapshot()).toEqual(before);
  });
});
