// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderEvents, payments, refunds } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { startPayment } from './mutations';
import { deliverOutcome, placePendingOrder } from './payment-test-helpers';
import { refundPayment } from './refunds';
import { SIGNATURE_HEADER } from './signature';
import { createTestProvider } from './test-provider';
import { handlePaymentWebhook } from './webhook';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
const sent: { rawBody: string; signature: string }[] = [];
const provider = createTestProvider({ deliver: (w) => sent.push(w) });

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  sent.length = 0;
  await resetDatabase(db);
  shop = await createShop(db, { storeA: 5 });
});

async function paidOrder() {
  const order = await placePendingOrder(db, shop);
  const started = await startPayment(db, { orderId: order.orderId }, provider);
  await deliverOutcome(db, { providerReference: started.providerReference, outcome: 'succeeded', amountCents: order.totalCents });
  return { order, paymentId: started.paymentId };
}

describe('refunds under concurrency (PostgreSQL)', () => {
  it('10 simultaneous refunds of 40% each: exactly two go through, never more than was paid', async () => {
    const { order, paymentId } = await paidOrder();
    const part = Math.floor(order.totalCents * 0.4);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => refundPayment(db, { paymentId, amountCents: part, refundId: randomUUID() }, provider)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(2);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason?.code === 'refund.exceedsPaid')).toBe(true);
    const [row] = await db.select({ refundedCents: payments.refundedCents }).from(payments).where(eq(payments.id, paymentId));
    expect(row.refundedCents).toBe(2 * part);
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, paymentId))).toHaveLength(2);
  });

  it('one refund webhook delivered 8 times at once settles it once', async () => {
    const { order, paymentId } = await paidOrder();
    await refundPayment(db, { paymentId, amountCents: 1000, refundId: randomUUID() }, provider);
    const webhook = sent[0];
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => handlePaymentWebhook(db, { rawBody: webhook.rawBody, headers: new Headers({ [SIGNATURE_HEADER]: webhook.signature }) }, provider)),
    );
    const applied = answers.filter((a) => 'refunds' in a.body && a.body.refunds?.[0] === 'succeeded');
    expect(applied).toHaveLength(1);
    const events = await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, order.orderId));
    expect(events.filter((e) => e.type === 'refunded')).toHaveLength(1);
    const [row] = await db.select({ refundedCents: payments.refundedCents }).from(payments).where(eq(payments.id, paymentId));
    expect(row.refundedCents).toBe(1000);
  });
});
