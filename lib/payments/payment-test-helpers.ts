// Helpers for the payment tests (imported by *.test.ts only; never by app code).
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orderEvents, orders, paymentAnomalies, payments } from '@/db/schema';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { placeOrder } from '@/lib/orders/mutations';
import type { createShop } from '@/lib/testing/fixtures';
import { SIGNATURE_HEADER } from './signature';
import { buildTestWebhook } from './test-provider';
import { handlePaymentWebhook } from './webhook';

// The webhook key derives from AUTH_SECRET; the tests set their own so nothing is written to .data/.
process.env.AUTH_SECRET ??= 'test-secret-for-payments-0123456789';

/** A guest web order for one unit, picked up in store A, waiting for payment. */
export async function placePendingOrder(db: Db, shop: Awaited<ReturnType<typeof createShop>>) {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  return placeOrder(
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
}

/** Delivers a signed test-provider event to the webhook logic, as the provider would. */
export function deliverOutcome(
  db: Db,
  input: { providerReference: string; outcome: 'succeeded' | 'failed'; amountCents: number },
) {
  const webhook = buildTestWebhook(input);
  return handlePaymentWebhook(db, {
    rawBody: webhook.rawBody,
    headers: new Headers({ [SIGNATURE_HEADER]: webhook.signature }),
  });
}

/** The order's status, its timeline event types and its payment rows (oldest first). */
export async function paymentState(db: Db, orderId: string) {
  const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  const events = await db
    .select({ type: orderEvents.type })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.id));
  const rows = await db
    .select({ id: payments.id, status: payments.status, refundDue: payments.refundDue })
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  const anomalies = await db
    .select({
      kind: paymentAnomalies.kind,
      paymentId: paymentAnomalies.paymentId,
      resolved: paymentAnomalies.resolvedAt,
    })
    .from(paymentAnomalies)
    .where(eq(paymentAnomalies.orderId, orderId));
  return {
    status: order.status,
    events: events.map((e) => e.type),
    payments: rows,
    anomalies: anomalies.map((a) => ({
      kind: a.kind,
      paymentId: a.paymentId,
      resolved: a.resolved !== null,
    })),
  };
}
