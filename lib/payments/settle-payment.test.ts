import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { paymentAnomalies } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { recordPayment, transitionOrder } from '@/lib/orders/mutations';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { startPayment } from './mutations';
import { deliverOutcome, paymentState, placePendingOrder } from './payment-test-helpers';
import type { PaymentProvider } from './provider';
import { testProvider } from './test-provider';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

async function orderWithAttempt() {
  const order = await placePendingOrder(db, shop);
  const attempt = await startPayment(db, { orderId: order.orderId });
  const outcome = (o: 'succeeded' | 'failed', ref = attempt.providerReference) =>
    deliverOutcome(db, { providerReference: ref, outcome: o, amountCents: order.totalCents });
  return { order, attempt, outcome };
}

describe('payment outcomes in any order', () => {
  it('failure, then success for the same attempt: the success counts and the order is paid', async () => {
    const { order, attempt, outcome } = await orderWithAttempt();
    expect((await outcome('failed')).body).toEqual({ received: true, result: 'failed' });
    expect((await outcome('succeeded')).body).toEqual({ received: true, result: 'succeeded' });

    const state = await paymentState(db, order.orderId);
    expect(state.status).toBe('paid');
    expect(state.events).toEqual(['placed', 'payment_failed', 'paid']);
    expect(state.payments).toEqual([{ id: attempt.paymentId, status: 'succeeded', refundDue: false }]);
    expect(state.anomalies).toEqual([]);
  });

  it('success, then failure for the same attempt: the failure is ignored', async () => {
    const { order, outcome } = await orderWithAttempt();
    expect((await outcome('succeeded')).body).toEqual({ received: true, result: 'succeeded' });
    expect(await outcome('failed')).toEqual({ status: 200, body: { received: true, result: 'ignored' } });

    const state = await paymentState(db, order.orderId);
    expect(state.status).toBe('paid');
    expect(state.events).toEqual(['placed', 'paid']);
    expect(state.payments.map((p) => p.status)).toEqual(['succeeded']);
  });

  it('cancel closes the open attempt; a success that still arrives is recorded as owed back (200, once)', async () => {
    const { order, attempt, outcome } = await orderWithAttempt();
    await transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: admin });
    expect((await paymentState(db, order.orderId)).payments).toEqual([
      { id: attempt.paymentId, status: 'cancelled', refundDue: false },
    ]);

    expect(await outcome('succeeded')).toEqual({
      status: 200,
      body: { received: true, result: 'refund_due' },
      // The route refunds it through the provider after answering (refundOwedPayments).
      refundOwedOn: attempt.providerReference,
    });
    // The provider redelivers: nothing more is recorded.
    expect((await outcome('succeeded')).body).toEqual({ received: true, result: 'duplicate' });

    const state = await paymentState(db, order.orderId);
    expect(state.status).toBe('cancelled');
    expect(state.events).toEqual(['placed', 'cancelled', 'refund_due']);
    expect(state.payments).toEqual([{ id: attempt.paymentId, status: 'succeeded', refundDue: true }]);
    expect(state.anomalies).toEqual([
      { kind: 'paid_after_cancel', paymentId: attempt.paymentId, resolved: false },
    ]);
  });

  it('cancel, then a failure: ignored, nothing owed', async () => {
    const { order, outcome } = await orderWithAttempt();
    await transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: admin });
    expect((await outcome('failed')).body).toEqual({ received: true, result: 'ignored' });
    const state = await paymentState(db, order.orderId);
    expect(state.payments.map((p) => [p.status, p.refundDue])).toEqual([['cancelled', false]]);
    expect(state.anomalies).toEqual([]);
  });

  it('a late success for a failed attempt pays the order and closes the retry; a success for that one is owed back', async () => {
    const { order, attempt: first, outcome } = await orderWithAttempt();
    await outcome('failed');
    const retry = await startPayment(db, { orderId: order.orderId });
    expect(retry.reused).toBe(false);

    expect((await outcome('succeeded')).body).toEqual({ received: true, result: 'succeeded' });
    let state = await paymentState(db, order.orderId);
    expect(state.status).toBe('paid');
    expect(state.payments).toEqual([
      { id: first.paymentId, status: 'succeeded', refundDue: false },
      { id: retry.paymentId, status: 'cancelled', refundDue: false },
    ]);

    // The shopper had paid on the retry's page as well: the order is paid already, so it is owed back.
    expect((await outcome('succeeded', retry.providerReference)).body).toEqual({
      received: true,
      result: 'refund_due',
    });
    state = await paymentState(db, order.orderId);
    expect(state.status).toBe('paid');
    expect(state.events).toEqual(['placed', 'payment_failed', 'paid', 'refund_due']);
    expect(state.payments[1]).toEqual({ id: retry.paymentId, status: 'succeeded', refundDue: true });
    expect(state.anomalies).toEqual([
      { kind: 'order_not_payable', paymentId: retry.paymentId, resolved: false },
    ]);
  });
});

describe('paid at the counter while an online attempt is open', () => {
  it('closes the online attempt; its success that still arrives is owed back', async () => {
    const { order, attempt, outcome } = await orderWithAttempt();
    const clerk = await createStaff(db, {
      role: 'clerk',
      email: 'clerk@example.com',
      locationId: shop.storeA.id,
    });
    const cash = await recordPayment(
      db,
      {
        orderId: order.orderId,
        method: 'cash',
        amountCents: order.totalCents,
        tenderedCents: order.totalCents,
        idempotencyKey: 'counter-cash-1',
      },
      clerk,
    );
    let state = await paymentState(db, order.orderId);
    expect(state.status).toBe('paid');
    expect(state.payments).toEqual([
      { id: attempt.paymentId, status: 'cancelled', refundDue: false },
      { id: cash.paymentId, status: 'succeeded', refundDue: false },
    ]);

    expect((await outcome('succeeded')).body).toEqual({ received: true, result: 'refund_due' });
    state = await paymentState(db, order.orderId);
    expect(state.payments[0]).toEqual({ id: attempt.paymentId, status: 'succeeded', refundDue: true });
    expect(state.anomalies).toEqual([
      { kind: 'order_not_payable', paymentId: attempt.paymentId, resolved: false },
    ]);
  });
});

describe('a success for a payment reference that is not known (yet)', () => {
  it('answers 404 so the provider retries, notes it once for an admin, and resolves it once applied', async () => {
    const order = await placePendingOrder(db, shop);
    const reference = 'tp_committedlater0000';
    const early = () =>
      deliverOutcome(db, {
        providerReference: reference,
        outcome: 'succeeded',
        amountCents: order.totalCents,
      });
    expect(await early()).toEqual({ status: 404, body: { error: 'notFound' } });
    expect(await early()).toEqual({ status: 404, body: { error: 'notFound' } });
    const noted = await db
      .select({ kind: paymentAnomalies.kind, resolvedAt: paymentAnomalies.resolvedAt })
      .from(paymentAnomalies);
    expect(noted).toEqual([{ kind: 'unknown_payment', resolvedAt: null }]);

    // The attempt commits after all (the provider's reference was handed out before the insert).
    const fixed: PaymentProvider = {
      ...testProvider,
      createPayment: async () => ({ providerReference: reference, checkoutUrl: `/pay/${reference}` }),
    };
    await startPayment(db, { orderId: order.orderId }, fixed);
    expect((await early()).body).toEqual({ received: true, result: 'succeeded' });

    expect((await paymentState(db, order.orderId)).status).toBe('paid');
    const [resolved] = await db.select({ resolvedAt: paymentAnomalies.resolvedAt }).from(paymentAnomalies);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
  });
});
