import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { invoices, orderEvents, paymentAnomalies, payments, refunds } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { cancelOrderByAdmin } from '@/lib/order-admin/mutations';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { listPaymentAnomalies } from './anomaly-queries';
import { startPayment } from './mutations';
import { deliverOutcome, placePendingOrder } from './payment-test-helpers';
import { refundOwedPayments } from './refund-due';
import { refundPayment, reserveRefund } from './refunds';
import { SIGNATURE_HEADER } from './signature';
import { createTestProvider } from './test-provider';
import { handlePaymentWebhook } from './webhook';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;

// The test provider's refund webhooks, captured instead of sent over HTTP: the test delivers them.
const sent: { rawBody: string; signature: string }[] = [];
const provider = createTestProvider({ deliver: (w) => sent.push(w) });
const deliver = (w: { rawBody: string; signature: string }) =>
  handlePaymentWebhook(db, { rawBody: w.rawBody, headers: new Headers({ [SIGNATURE_HEADER]: w.signature }) }, provider);

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  sent.length = 0;
  await resetDatabase(db);
  shop = await createShop(db);
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

async function paidOrder() {
  const order = await placePendingOrder(db, shop);
  const started = await startPayment(db, { orderId: order.orderId }, provider);
  await deliverOutcome(db, { providerReference: started.providerReference, outcome: 'succeeded', amountCents: order.totalCents });
  return { order, paymentId: started.paymentId };
}

const paymentRow = async (id: string) =>
  (await db.select({ refundedCents: payments.refundedCents, refundDue: payments.refundDue }).from(payments).where(eq(payments.id, id)))[0];

describe('refunds through the test provider', () => {
  it('refund flow: pending, then succeeded by the signed webhook; a replayed webhook changes nothing', async () => {
    const { order, paymentId } = await paidOrder();
    const outcome = await refundPayment(db, { paymentId, amountCents: 1500, refundId: randomUUID() }, provider);
    expect(outcome.status).toBe('pending');
    expect(await paymentRow(paymentId)).toEqual({ refundedCents: 1500, refundDue: false });
    expect(sent).toHaveLength(1);

    expect((await deliver(sent[0])).body).toEqual({ received: true, result: 'none', refunds: ['succeeded'] });
    for (let i = 0; i < 3; i++) expect((await deliver(sent[0])).body).toEqual({ received: true, result: 'none', refunds: ['duplicate'] });
    const [refund] = await db.select({ status: refunds.status }).from(refunds).where(eq(refunds.id, outcome.refundId));
    expect(refund.status).toBe('succeeded');
    expect(await paymentRow(paymentId)).toEqual({ refundedCents: 1500, refundDue: false });
    const events = await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, order.orderId));
    expect(events.filter((e) => e.type === 'refunded')).toHaveLength(1);
  });

  it('a failed refund gives the amount back and is on the timeline', async () => {
    const { order, paymentId } = await paidOrder();
    await refundPayment(db, { paymentId, amountCents: 900, refundId: randomUUID(), description: 'try [fail]' }, provider);
    expect((await deliver(sent[0])).body).toMatchObject({ refunds: ['failed'] });
    expect(await paymentRow(paymentId)).toEqual({ refundedCents: 0, refundDue: false });
    const events = await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, order.orderId));
    expect(events.map((e) => e.type)).toContain('refund_failed');
  });

  it('never refunds more than was paid, across refunds; bad amounts change nothing', async () => {
    const { order, paymentId } = await paidOrder();
    await refundPayment(db, { paymentId, amountCents: order.totalCents - 100, refundId: randomUUID() }, provider);
    await expect(refundPayment(db, { paymentId, amountCents: 101, refundId: randomUUID() }, provider)).rejects.toMatchObject({ code: 'refund.exceedsPaid' });
    await expect(refundPayment(db, { paymentId, amountCents: 0, refundId: randomUUID() }, provider)).rejects.toMatchObject({ code: 'refund.invalidAmount' });
    await expect(refundPayment(db, { paymentId, amountCents: -5, refundId: randomUUID() }, provider)).rejects.toMatchObject({ code: 'refund.invalidAmount' });
    await refundPayment(db, { paymentId, amountCents: 100, refundId: randomUUID() }, provider);
    expect((await paymentRow(paymentId)).refundedCents).toBe(order.totalCents);
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, paymentId))).toHaveLength(2);
  });

  it('reserveRefund in the caller transaction is rolled back with it', async () => {
    const { paymentId } = await paidOrder();
    await expect(
      db.transaction(async (tx) => {
        await reserveRefund(tx, { paymentId, amountCents: 500, refundId: randomUUID() });
        throw new Error('injected');
      }),
    ).rejects.toThrow('injected');
    expect((await paymentRow(paymentId)).refundedCents).toBe(0);
    expect(await db.select().from(refunds)).toEqual([]);
  });

  it('a pending payment cannot be refunded; a webhook for an unknown refund is retried (404)', async () => {
    const order = await placePendingOrder(db, shop);
    const started = await startPayment(db, { orderId: order.orderId }, provider);
    await expect(refundPayment(db, { paymentId: started.paymentId, amountCents: 100, refundId: randomUUID() }, provider)).rejects.toMatchObject({ code: 'refund.notRefundable' });
    const { buildTestRefundWebhook } = await import('./test-provider');
    expect((await deliver(buildTestRefundWebhook({ refundReference: 'tpr_nothere', outcome: 'succeeded', amountCents: 100 }))).status).toBe(404);
  });
});

describe('money owed back (refund_due)', () => {
  it('a cancelled paid order is refunded in full automatically; once settled it leaves the attention list', async () => {
    const { order, paymentId } = await paidOrder();
    await cancelOrderByAdmin(db, { orderId: order.orderId, reason: 'Customer asked' }, admin);
    expect((await paymentRow(paymentId)).refundDue).toBe(true);

    const [outcome] = await refundOwedPayments(db, { orderId: order.orderId }, provider);
    expect(outcome.status).toBe('pending');
    // Called again (a second trigger): nothing more is refunded.
    expect(await refundOwedPayments(db, { orderId: order.orderId }, provider)).toEqual([]);
    let listed = (await listPaymentAnomalies(db)).find((i) => i.paymentId === paymentId);
    expect(listed).toMatchObject({ refund: { status: 'pending' }, retryable: false });

    await deliver(sent[0]);
    expect(await paymentRow(paymentId)).toEqual({ refundedCents: order.totalCents, refundDue: false });
    listed = (await listPaymentAnomalies(db)).find((i) => i.paymentId === paymentId);
    expect(listed).toBeUndefined();
    // The sale is undone on paper too: one credit note for the whole order, however often refunds were triggered.
    const notes = await db.select({ kind: invoices.kind, totalCents: invoices.totalCents }).from(invoices).where(eq(invoices.orderId, order.orderId));
    expect(notes.filter((n) => n.kind === 'credit_note')).toEqual([{ kind: 'credit_note', totalCents: -order.totalCents }]);
  });

  it('a failed automatic refund is listed as failed with a Retry, which refunds it', async () => {
    const { order, paymentId } = await paidOrder();
    await cancelOrderByAdmin(db, { orderId: order.orderId, reason: 'x' }, admin);
    const failing = createTestProvider({ deliver: (w) => sent.push(w) });
    await refundOwedPayments(db, { orderId: order.orderId }, { ...failing, refund: (input) => failing.refund({ ...input, description: '[fail]' }) });
    await deliver(sent[0]);
    expect((await listPaymentAnomalies(db)).find((i) => i.paymentId === paymentId)).toMatchObject({ refund: { status: 'failed' }, retryable: true, refundDue: true });

    const [retried] = await refundOwedPayments(db, { paymentId }, provider);
    await deliver(sent[1]);
    expect(retried.status).toBe('pending');
    expect(await paymentRow(paymentId)).toEqual({ refundedCents: order.totalCents, refundDue: false });
  });

  it('money captured after a cancel is refunded and its anomaly resolved', async () => {
    const order = await placePendingOrder(db, shop);
    const started = await startPayment(db, { orderId: order.orderId }, provider);
    await cancelOrderByAdmin(db, { orderId: order.orderId, reason: 'x' }, admin);
    await deliverOutcome(db, { providerReference: started.providerReference, outcome: 'succeeded', amountCents: order.totalCents });
    await refundOwedPayments(db, { orderId: order.orderId }, provider);
    await deliver(sent[0]);
    const open = await db.select({ resolvedAt: paymentAnomalies.resolvedAt }).from(paymentAnomalies).where(eq(paymentAnomalies.paymentId, started.paymentId));
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((a) => a.resolvedAt !== null)).toBe(true);
    // Never a sale (cancelled before it was paid): no credit note.
    expect(await db.select().from(invoices).where(eq(invoices.orderId, order.orderId))).toEqual([]);
  });
});
