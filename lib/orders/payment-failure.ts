import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, orders } from '@/db/schema';

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
  return true;
}
