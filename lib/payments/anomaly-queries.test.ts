import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { paymentAnomalies, payments } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { transitionOrder } from '@/lib/orders/mutations';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { listPaymentAnomalies } from './anomaly-queries';
import { startPayment } from './mutations';
import { deliverOutcome, placePendingOrder } from './payment-test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
});

describe('listPaymentAnomalies', () => {
  it('lists open anomalies and refund-due payments once each, newest first, without resolved ones', async () => {
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    // 1. Paid after cancel: an anomaly whose payment is owed back (listed once, not twice).
    const cancelled = await placePendingOrder(db, shop);
    const late = await startPayment(db, { orderId: cancelled.orderId });
    await transitionOrder(db, { orderId: cancelled.orderId, to: 'cancelled', actor: admin });
    await deliverOutcome(db, {
      providerReference: late.providerReference,
      outcome: 'succeeded',
      amountCents: cancelled.totalCents,
    });
    // 2. A wrong amount: listed with what the provider reported.
    const short = await placePendingOrder(db, shop);
    const shortAttempt = await startPayment(db, { orderId: short.orderId });
    await deliverOutcome(db, {
      providerReference: shortAttempt.providerReference,
      outcome: 'succeeded',
      amountCents: 1,
    });
    // 3. Owed back with its anomaly resolved: still listed, as refund due.
    const settled = await placePendingOrder(db, shop);
    const settledAttempt = await startPayment(db, { orderId: settled.orderId });
    await transitionOrder(db, { orderId: settled.orderId, to: 'cancelled', actor: admin });
    await deliverOutcome(db, {
      providerReference: settledAttempt.providerReference,
      outcome: 'succeeded',
      amountCents: settled.totalCents,
    });
    await db
      .update(paymentAnomalies)
      .set({ resolvedAt: new Date() })
      .where(eq(paymentAnomalies.paymentId, settledAttempt.paymentId));
    // 4. Resolved and not owed: not listed.
    const done = await placePendingOrder(db, shop);
    const doneAttempt = await startPayment(db, { orderId: done.orderId });
    await deliverOutcome(db, {
      providerReference: doneAttempt.providerReference,
      outcome: 'succeeded',
      amountCents: 2,
    });
    await db
      .update(paymentAnomalies)
      .set({ resolvedAt: new Date() })
      .where(eq(paymentAnomalies.paymentId, doneAttempt.paymentId));
    await db.update(payments).set({ refundDue: false }).where(eq(payments.id, doneAttempt.paymentId));

    const list = await listPaymentAnomalies(db);
    expect(list.map(({ key: _key, createdAt: _at, ...item }) => item)).toMatchObject([
      {
        kind: 'refund_due',
        orderId: settled.orderId,
        orderNumber: settled.number,
        providerReference: settledAttempt.providerReference,
        amountCents: settled.totalCents,
        refundDue: true,
      },
      {
        kind: 'amount_mismatch',
        orderId: short.orderId,
        orderNumber: short.number,
        providerReference: shortAttempt.providerReference,
        amountCents: 1,
        refundDue: false,
      },
      {
        kind: 'paid_after_cancel',
        orderId: cancelled.orderId,
        orderNumber: cancelled.number,
        providerReference: late.providerReference,
        amountCents: cancelled.totalCents,
        refundDue: true,
      },
    ]);
    expect(new Set(list.map((item) => item.key)).size).toBe(3);
  });

  it('lists a success for an unknown payment without an order', async () => {
    await deliverOutcome(db, {
      providerReference: 'tp_neverseenbefore00',
      outcome: 'succeeded',
      amountCents: 4990,
    });
    const [item] = await listPaymentAnomalies(db);
    expect(item).toMatchObject({
      kind: 'unknown_payment',
      orderId: null,
      orderNumber: null,
      amountCents: 4990,
      refundDue: false,
    });
  });
});
