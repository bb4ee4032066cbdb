// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderEvents, orders, payments } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { placeOrder, transitionOrder } from '@/lib/orders/mutations';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { startPayment } from './mutations';
import { deliverOutcome, paymentState, placePendingOrder } from './payment-test-helpers';
import { SIGNATURE_HEADER } from './signature';
import { buildTestWebhook } from './test-provider';
import { handlePaymentWebhook } from './webhook';

process.env.AUTH_SECRET ??= 'test-secret-for-payments-0123456789';

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
  // Enough at the pickup store for every round of the race below, whichever side wins.
  shop = await createShop(db, { storeA: 10 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

describe('payment webhook under concurrency (PostgreSQL)', () => {
  it('applies one of 10 simultaneous deliveries of the same event; the others are duplicates', async () => {
    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const order = await placeOrder(
      db,
      {
        idempotencyKey: randomUUID(),
        channel: 'web',
        fulfilment: 'pickup',
        pickupLocationId: shop.storeA.id,
        cartId,
        email: 'guest@example.com',
      },
      null,
    );
    const { providerReference } = await startPayment(db, { orderId: order.orderId });
    const webhook = buildTestWebhook({
      providerReference,
      outcome: 'succeeded',
      amountCents: order.totalCents,
    });
    const headers = new Headers({ [SIGNATURE_HEADER]: webhook.signature });

    const results = await Promise.all(
      Array.from({ length: 10 }, () => handlePaymentWebhook(db, { rawBody: webhook.rawBody, headers })),
    );
    const outcomes = results.map((r) => ('result' in r.body ? r.body.result : `${r.status}:${r.body.error}`));
    // The attempt is settled in place under the order's lock: one applies, the others are duplicates.
    expect(outcomes.filter((o) => o === 'succeeded')).toHaveLength(1);
    expect(outcomes.every((o) => o === 'succeeded' || o === 'duplicate')).toBe(true);

    const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId));
    expect(row.status).toBe('paid');
    const paid = await db.select().from(orderEvents).where(eq(orderEvents.type, 'paid'));
    expect(paid).toHaveLength(1);
    expect(await db.select().from(payments)).toHaveLength(1);
  });
});

describe('starting and cancelling payments under concurrency (PostgreSQL)', () => {
  it('10 simultaneous "Pay" clicks make one attempt, all sent to the same page', async () => {
    const order = await placePendingOrder(db, shop);
    const started = await Promise.all(
      Array.from({ length: 10 }, () => startPayment(db, { orderId: order.orderId })),
    );
    expect(new Set(started.map((s) => s.providerReference)).size).toBe(1);
    expect(started.filter((s) => !s.reused)).toHaveLength(1);
    expect(await db.select({ id: payments.id }).from(payments)).toHaveLength(1);
  });

  it('a cancel racing with a success webhook: no deadlock, and the money is either the payment or owed back', async () => {
    for (let round = 0; round < 5; round++) {
      const order = await placePendingOrder(db, shop);
      const { providerReference } = await startPayment(db, { orderId: order.orderId });
      const [cancel, webhook] = await Promise.allSettled([
        transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: admin }),
        deliverOutcome(db, { providerReference, outcome: 'succeeded', amountCents: order.totalCents }),
      ]);
      expect(webhook.status).toBe('fulfilled');
      const answer = webhook.status === 'fulfilled' ? webhook.value : null;
      expect(answer?.status).toBe(200);
      const state = await paymentState(db, order.orderId);
      expect(state.payments.map((p) => p.status)).toEqual(['succeeded']);
      if (state.status === 'cancelled') {
        // The cancel won: the success is recorded and owed back.
        expect(cancel.status).toBe('fulfilled');
        expect(answer?.body).toEqual({ received: true, result: 'refund_due' });
        expect(state.payments[0].refundDue).toBe(true);
        expect(state.anomalies.map((a) => a.kind)).toEqual(['paid_after_cancel']);
      } else {
        // The payment won: cancelling a paid order is a separate step (and refunds are).
        expect(state.status).toBe('paid');
        expect(answer?.body).toEqual({ received: true, result: 'succeeded' });
        if (cancel.status === 'rejected') expect((cancel.reason as { code?: string }).code).toBe('conflict');
      }
    }
  });
});
