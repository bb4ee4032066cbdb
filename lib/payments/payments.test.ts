import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderEvents, orders, paymentAnomalies, paymentWebhookEvents, payments } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import { placeOrder } from '@/lib/orders/mutations';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { startPayment } from './mutations';
import { signPayload, SIGNATURE_HEADER, verifySignature } from './signature';
import { buildTestWebhook, webhookKey } from './test-provider';
import { handlePaymentWebhook } from './webhook';

// The webhook key derives from AUTH_SECRET; the test sets its own so nothing is written to .data/.
process.env.AUTH_SECRET ??= 'test-secret-for-payments-0123456789';

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

/** A guest web order for one unit (€ 50,00, free delivery), waiting for payment. */
async function pendingOrder() {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  return placeOrder(
    db,
    {
      idempotencyKey: randomUUID(),
      channel: 'web',
      fulfilment: 'delivery',
      cartId,
      email: 'guest@example.com',
      customerName: 'Guest',
      shippingAddress: {
        name: 'Guest',
        street: 'Damrak 1',
        postcode: '1012 LG',
        city: 'Amsterdam',
        country: 'NL',
      },
    },
    null,
  );
}

function deliver(webhook: { rawBody: string; signature: string }) {
  return handlePaymentWebhook(db, {
    rawBody: webhook.rawBody,
    headers: new Headers({ [SIGNATURE_HEADER]: webhook.signature }),
  });
}

async function orderState(orderId: string) {
  const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  const events = await db
    .select({ type: orderEvents.type })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId));
  const rows = await db
    .select({ status: payments.status, reference: payments.providerReference })
    .from(payments)
    .where(eq(payments.orderId, orderId));
  return { status: order.status, events: events.map((e) => e.type), payments: rows };
}

describe('webhook signatures', () => {
  const body = JSON.stringify({ hello: 'world' });
  const now = new Date('2026-05-01T10:00:00Z');

  it('accepts its own signature and refuses a wrong key, another body, a stale timestamp or none', () => {
    const header = signPayload('key-a', body, now);
    expect(verifySignature('key-a', body, header, now)).toBe(true);
    expect(verifySignature('key-b', body, header, now)).toBe(false);
    expect(verifySignature('key-a', body.replace('world', 'w0rld'), header, now)).toBe(false);
    expect(verifySignature('key-a', body, header, new Date(now.getTime() + 10 * 60_000))).toBe(false);
    expect(verifySignature('key-a', body, null, now)).toBe(false);
    expect(verifySignature('key-a', body, 't=abc,v1=zz', now)).toBe(false);
  });
});

describe('online payment with the test provider', () => {
  it('opens one pending payment and reuses it while it is open (double click → one attempt)', async () => {
    const order = await pendingOrder();
    const [first, second] = [
      await startPayment(db, { orderId: order.orderId }),
      await startPayment(db, { orderId: order.orderId }),
    ];
    expect(second.providerReference).toBe(first.providerReference);
    expect(second.reused).toBe(true);
    expect(first.checkoutUrl).toBe(`/pay/${first.providerReference}`);
    expect((await orderState(order.orderId)).payments).toEqual([
      { status: 'pending', reference: first.providerReference },
    ]);
  });

  it('marks the order paid once, however often the same event is delivered', async () => {
    const order = await pendingOrder();
    const { providerReference } = await startPayment(db, { orderId: order.orderId });
    const webhook = buildTestWebhook({
      providerReference,
      outcome: 'succeeded',
      amountCents: order.totalCents,
    });

    expect(await deliver(webhook)).toEqual({ status: 200, body: { received: true, result: 'succeeded' } });
    expect(await deliver(webhook)).toEqual({ status: 200, body: { received: true, result: 'duplicate' } });
    // Concurrent repeats as well.
    const repeats = await Promise.all([deliver(webhook), deliver(webhook)]);
    expect(repeats.map((r) => r.status)).toEqual([200, 200]);

    const state = await orderState(order.orderId);
    expect(state.status).toBe('paid');
    expect(state.events.filter((e) => e === 'paid')).toHaveLength(1);
    // One row for the attempt, now succeeded, still found by the provider's reference.
    expect(state.payments).toEqual([{ status: 'succeeded', reference: providerReference }]);
    expect(await db.select().from(paymentWebhookEvents)).toHaveLength(1);
  });

  it('refuses a delivery with a wrong signature and changes nothing', async () => {
    const order = await pendingOrder();
    const { providerReference } = await startPayment(db, { orderId: order.orderId });
    const genuine = buildTestWebhook({
      providerReference,
      outcome: 'succeeded',
      amountCents: order.totalCents,
    });

    const forged = { rawBody: genuine.rawBody, signature: signPayload('not-the-key', genuine.rawBody) };
    expect((await deliver(forged)).status).toBe(401);
    const tampered = {
      rawBody: genuine.rawBody.replace(String(order.totalCents), '1'),
      signature: genuine.signature,
    };
    expect((await deliver(tampered)).status).toBe(401);
    expect((await deliver({ rawBody: genuine.rawBody, signature: '' })).status).toBe(401);

    const state = await orderState(order.orderId);
    expect(state.status).toBe('pending_payment');
    expect(state.payments).toEqual([{ status: 'pending', reference: providerReference }]);
    expect(await db.select().from(paymentWebhookEvents)).toHaveLength(0);
  });

  it('refuses a signed body it does not understand, and an unknown payment', async () => {
    const rawBody = JSON.stringify({ id: 'evt_x', type: 'payment.refunded', data: {} });
    expect((await deliver({ rawBody, signature: signPayload(webhookKey(), rawBody) })).status).toBe(400);
    const unknown = buildTestWebhook({
      providerReference: 'tp_doesnotexist0000',
      outcome: 'succeeded',
      amountCents: 100,
    });
    expect((await deliver(unknown)).status).toBe(404);
  });

  it('a failed payment leaves the order waiting; "try again" opens a new attempt that can succeed', async () => {
    const order = await pendingOrder();
    const first = await startPayment(db, { orderId: order.orderId });
    const failed = await deliver(
      buildTestWebhook({
        providerReference: first.providerReference,
        outcome: 'failed',
        amountCents: order.totalCents,
      }),
    );
    expect(failed.body).toEqual({ received: true, result: 'failed' });
    let state = await orderState(order.orderId);
    expect(state.status).toBe('pending_payment');
    expect(state.events).toEqual(['placed', 'payment_failed']);

    const retry = await startPayment(db, { orderId: order.orderId });
    expect(retry.reused).toBe(false);
    expect(retry.providerReference).not.toBe(first.providerReference);
    await deliver(
      buildTestWebhook({
        providerReference: retry.providerReference,
        outcome: 'succeeded',
        amountCents: order.totalCents,
      }),
    );
    state = await orderState(order.orderId);
    expect(state.status).toBe('paid');
    expect(state.payments.map((p) => p.status).sort()).toEqual(['failed', 'succeeded']);
  });

  it('records an amount that differs from the payment for an admin (200, once), and refuses to pay a paid order', async () => {
    const order = await pendingOrder();
    const { providerReference, paymentId } = await startPayment(db, { orderId: order.orderId });
    const wrongWebhook = buildTestWebhook({
      providerReference,
      outcome: 'succeeded',
      amountCents: order.totalCents - 1,
    });
    // A retry cannot fix it: the provider is told to stop, and an admin is told instead.
    const wrong = await deliver(wrongWebhook);
    expect(wrong).toEqual({ status: 200, body: { received: true, result: 'anomaly' } });
    expect(await deliver(wrongWebhook)).toEqual({
      status: 200,
      body: { received: true, result: 'duplicate' },
    });
    expect((await orderState(order.orderId)).status).toBe('pending_payment');
    const anomalies = await db
      .select({
        kind: paymentAnomalies.kind,
        paymentId: paymentAnomalies.paymentId,
        orderId: paymentAnomalies.orderId,
      })
      .from(paymentAnomalies);
    expect(anomalies).toEqual([{ kind: 'amount_mismatch', paymentId, orderId: order.orderId }]);

    // Another order, paid: no new attempt can be opened for it.
    const paid = await pendingOrder();
    const attempt = await startPayment(db, { orderId: paid.orderId });
    await deliver(
      buildTestWebhook({
        providerReference: attempt.providerReference,
        outcome: 'succeeded',
        amountCents: paid.totalCents,
      }),
    );
    const error = await startPayment(db, { orderId: paid.orderId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalidState');
  });
});
