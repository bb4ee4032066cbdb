import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, payments } from '@/db/schema';

export interface HostedPaymentDto {
  providerReference: string;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  amountCents: number;
  orderId: string;
  orderNumber: string;
}

/**
 * What the test provider's hosted page shows for a payment: amount, the merchant's order number and
 * whether it is still open. The reference is an unguessable provider id, as with a real provider.
 */
export async function getHostedPayment(
  db: DbOrTx,
  providerReference: string,
): Promise<HostedPaymentDto | null> {
  if (!/^tp_[A-Za-z0-9_-]{10,60}$/.test(providerReference)) return null;
  const [row] = await db
    .select({
      providerReference: payments.providerReference,
      status: payments.status,
      amountCents: payments.amountCents,
      orderId: orders.id,
      orderNumber: orders.number,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(eq(payments.providerReference, providerReference));
  return row && row.providerReference ? { ...row, providerReference: row.providerReference } : null;
}

/** Where an order's online payment stands, from its payment rows (oldest first), for the order page. */
export function onlinePaymentState(order: {
  status: string;
  payments: { method: string; status: string; createdAt: Date }[];
}): 'settled' | 'confirming' | 'failed' | 'none' {
  // Once the order has moved on (paid, cancelled…), its status says it all.
  if (order.status !== 'pending_payment') return 'settled';
  const online = order.payments.filter((p) => p.method === 'test_provider' || p.method === 'mollie');
  const last = online.at(-1);
  if (!last) return 'none';
  if (last.status === 'pending') return 'confirming';
  if (last.status === 'succeeded') return 'confirming'; // paid, order about to move on
  return 'failed';
}
