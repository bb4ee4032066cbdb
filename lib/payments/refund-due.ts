import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, orders, payments, refunds } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { issueCreditNote } from '@/lib/invoices/credit-note';
import { log } from '@/lib/logging/logger';
import type { PaymentProvider } from './provider';
import { PROVIDER_METHODS, refundPayment, type RefundOutcome } from './refunds';

/**
 * Pays back money owed on online payments (`refundDue`: a paid order was cancelled, or a payment arrived
 * for an order that could no longer take it): the rest of each such payment is refunded through its
 * provider (refundPayment). Call it outside any transaction — after a cancel commits, after a webhook
 * recorded refund_due, or from the admin's Retry. A payment whose refund is still pending is left alone,
 * and two callers at once cannot refund more than was paid (reserveRefund's conditional update).
 * Cash, card-terminal and points payments are not refunded here: they stay listed for a person.
 */
export async function refundOwedPayments(
  db: DbOrTx,
  scope: { orderId?: string; paymentId?: string; providerReference?: string },
  provider?: PaymentProvider,
): Promise<RefundOutcome[]> {
  if (!scope.orderId && !scope.paymentId && !scope.providerReference) return [];
  const owed = await db
    .select({ id: payments.id, orderId: payments.orderId, remaining: sql<number>`${payments.amountCents} - ${payments.roundingCents} - ${payments.refundedCents}`.mapWith(Number) })
    .from(payments)
    .where(
      and(
        scope.paymentId ? eq(payments.id, scope.paymentId) : scope.providerReference ? eq(payments.providerReference, scope.providerReference) : eq(payments.orderId, scope.orderId!),
        eq(payments.refundDue, true),
        eq(payments.status, 'succeeded'),
        inArray(payments.method, [...PROVIDER_METHODS]),
        sql`not exists (select 1 from ${refunds} r where r.payment_id = ${payments.id} and r.status = 'pending')`,
      ),
    );
  const outcomes: RefundOutcome[] = [];
  if (owed.some((p) => p.remaining > 0)) await creditCancelledSale(db, owed[0].orderId);
  for (const payment of owed) {
    if (payment.remaining <= 0) continue;
    try {
      outcomes.push(await refundPayment(db, { paymentId: payment.id, amountCents: payment.remaining, refundId: randomUUID(), description: 'Refund of a cancelled order' }, provider));
    } catch (error) {
      // Another caller reserved it first: its refund is the one.
      if (error instanceof DomainError && error.code === 'refund.exceedsPaid') continue;
      throw error;
    }
  }
  return outcomes;
}

/**
 * A paid order that was cancelled is a sale undone: a credit note for all of it (lines and shipping,
 * issueCreditNote — one per order, so a second refund trigger issues none). Money that arrived for an
 * order cancelled before it was paid was never a sale: no credit note.
 */
async function creditCancelledSale(db: DbOrTx, orderId: string): Promise<void> {
  const [order] = await db.select({ status: orders.status, shippingCents: orders.shippingCents }).from(orders).where(eq(orders.id, orderId));
  if (order?.status !== 'cancelled') return;
  const [wasPaid] = await db.select({ id: orderEvents.id }).from(orderEvents).where(and(eq(orderEvents.orderId, orderId), inArray(orderEvents.type, ['paid', 'completed']))).limit(1);
  if (!wasPaid) return;
  await db.transaction((tx) => issueCreditNote(tx, { orderId, returnId: null, shippingCents: order.shippingCents }));
}

/** refundOwedPayments for after a response (next/server `after`): logged, never thrown. */
export async function refundOwedPaymentsQuietly(db: DbOrTx, scope: { orderId?: string; paymentId?: string; providerReference?: string }): Promise<void> {
  try {
    await refundOwedPayments(db, scope);
  } catch (error) {
    log.error({ err: error, module: 'payments', ...scope }, 'automatic refund of money owed back failed; listed for an admin');
  }
}
