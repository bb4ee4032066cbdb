/**
 * The payment webhook route (app/api/payments/webhook/route.ts) end to end, on a real database: a
 * success that arrives after the order was cancelled is answered 200 and then — in `after()`, run at
 * once here — paid back through the provider. The domain steps have their own tests (refunds.test.ts);
 * this one guards the route's wiring of them.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { paymentAnomalies, payments, refunds } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { cancelOrderByAdmin } from '@/lib/order-admin/mutations';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { settleAfterTasks } from '@/lib/testing/next-after';
import { placePendingOrder } from './payment-test-helpers';
import { startPayment } from './mutations';
import { SIGNATURE_HEADER } from './signature';
import { buildTestRefundWebhook, buildTestWebhook, testProvider } from './test-provider';

const state = vi.hoisted(() => ({ db: null as unknown as Db }));
vi.mock('@/lib/db', () => ({ getDb: () => state.db }));
// `after` runs its work at once (the refund owed); each test waits for it with settleAfterTasks.
vi.mock('next/server', async (original) => (await import('@/lib/testing/next-after')).nextServerAtOnce(await original<object>()));

const { POST } = await import('@/app/api/payments/webhook/route');

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await settleAfterTasks();
  await resetDatabase(db);
  shop = await createShop(db);
});

const post = (webhook: { rawBody: string; signature: string }) =>
  POST(
    new Request('http://127.0.0.1/api/payments/webhook', {
      method: 'POST',
      body: webhook.rawBody,
      headers: { [SIGNATURE_HEADER]: webhook.signature },
    }),
  );

describe('POST /api/payments/webhook', () => {
  it('a success after a cancel is answered 200 and refunded through the provider after the answer', async () => {
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    const order = await placePendingOrder(db, shop);
    const started = await startPayment(db, { orderId: order.orderId }, testProvider);
    await cancelOrderByAdmin(db, { orderId: order.orderId, reason: 'Customer asked' }, admin);

    const response = await post(buildTestWebhook({ providerReference: started.providerReference, outcome: 'succeeded', amountCents: order.totalCents }));
    expect(response.status).toBe(200);
    await settleAfterTasks();

    // The route's after() asked the provider for the refund: a pending refund of all of it.
    const [refund] = await db
      .select({ paymentId: refunds.paymentId, status: refunds.status, amountCents: refunds.amountCents, providerReference: refunds.providerReference })
      .from(refunds)
      .where(eq(refunds.orderId, order.orderId));
    expect(refund).toMatchObject({ paymentId: started.paymentId, status: 'pending', amountCents: order.totalCents });
    const [payment] = await db
      .select({ status: payments.status, refundedCents: payments.refundedCents, refundDue: payments.refundDue })
      .from(payments)
      .where(eq(payments.id, started.paymentId));
    // Still owed until the provider confirms: refundDue stays set while the refund is pending.
    expect(payment).toEqual({ status: 'succeeded', refundedCents: order.totalCents, refundDue: true });

    // The provider confirms the refund through the same route: the admin has nothing left to do.
    const confirmed = await post(buildTestRefundWebhook({ refundReference: refund.providerReference!, outcome: 'succeeded', amountCents: order.totalCents }));
    expect(confirmed.status).toBe(200);
    await settleAfterTasks();
    const [settled] = await db.select({ status: refunds.status }).from(refunds).where(eq(refunds.orderId, order.orderId));
    expect(settled.status).toBe('succeeded');
    const [paidBack] = await db.select({ refundDue: payments.refundDue }).from(payments).where(eq(payments.id, started.paymentId));
    expect(paidBack.refundDue).toBe(false);
    const anomalies = await db.select({ resolvedAt: paymentAnomalies.resolvedAt }).from(paymentAnomalies).where(eq(paymentAnomalies.paymentId, started.paymentId));
    expect(anomalies.length).toBeGreaterThan(0);
    expect(anomalies.every((a) => a.resolvedAt !== null)).toBe(true);
    // A repeat of the success webhook refunds nothing twice.
    expect((await post(buildTestWebhook({ providerReference: started.providerReference, outcome: 'succeeded', amountCents: order.totalCents }))).status).toBe(200);
    await settleAfterTasks();
    expect(await db.select({ id: refunds.id }).from(refunds).where(eq(refunds.orderId, order.orderId))).toHaveLength(1);
  });

  it('a success for a live order is not refunded', async () => {
    const order = await placePendingOrder(db, shop);
    const started = await startPayment(db, { orderId: order.orderId }, testProvider);
    const response = await post(buildTestWebhook({ providerReference: started.providerReference, outcome: 'succeeded', amountCents: order.totalCents }));
    expect(response.status).toBe(200);
    await settleAfterTasks();
    expect(await db.select({ id: refunds.id }).from(refunds).where(eq(refunds.orderId, order.orderId))).toEqual([]);
    const [payment] = await db.select({ status: payments.status, refundDue: payments.refundDue }).from(payments).where(eq(payments.id, started.paymentId));
    expect(payment).toEqual({ status: 'succeeded', refundDue: false });
  });
});
