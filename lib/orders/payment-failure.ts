import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, orders } from '@/db/schema';
import { publishLive } from '@/lib/live/publish';
import { orderTopic } from './live';

// Timeline notes for online payment outcomes that do not move the order on (recordPayment does that).

/**
 * Notes a failed online payment on the order's timeline. The order stays 'pending_payment' (its stock
 * stays reserved) so the shopper can try again; recordPayment moves it on once a payment succeeds.
 * Returns false when the order no longer waits for payment (nothing written).
 */
export async function recordPaymentFailure(
  db: DbOrTx,
  input: { orderId: string; note?: string | null },
): Promise<boolean> {
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.status, 'pending_payment')));
  if (!order) return false;
  await db
    .insert(orderEvents)
    .values({ orderId: order.id, type: 'payment_failed', note: input.note ?? null });
  // The order page stops showing "confirming" (its status, and so no pickups list, is unchanged).
  await publishLive(db, { topic: orderTopic(order.id) });
  return true;
}

/**
 * Notes on the order's timeline that a payment was captured although the order could no longer take
 * it (cancelled meanwhile, or already paid by another attempt): the money is owed back. The order's
 * status does not change; the payment row carries `refundDue`.
 */
export async function noteRefundDue(
  db: DbOrTx,
  input: { orderId: string; note?: string | null },
): Promise<void> {
  await db
    .insert(orderEvents)
    .values({ orderId: input.orderId, type: 'refund_due', note: input.note ?? null });
  await publishLive(db, { topic: orderTopic(input.orderId) });
}
