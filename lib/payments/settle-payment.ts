import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { orders, paymentAnomalies, paymentWebhookEvents, payments, type PaymentMethod } from '@/db/schema';
import { recordPayment } from '@/lib/orders/mutations';
import { paidCents } from '@/lib/orders/record-payment';
import { noteRefundDue, recordPaymentFailure } from '@/lib/orders/payment-failure';
import type { PaymentWebhookEvent } from './provider';

/**
 * - succeeded: the order is paid;
 * - failed: the attempt failed, the order keeps waiting;
 * - refund_due: money was captured for an order that could no longer take it; recorded, owed back;
 * - anomaly: recorded in payment_anomalies for an admin (e.g. an amount that does not match);
 * - unknown: no payment has this reference (yet) — the only outcome a retry can change;
 * - duplicate / ignored: nothing to do (seen before; a failure after the attempt was settled).
 */
export type SettleResult =
  'succeeded' | 'failed' | 'refund_due' | 'anomaly' | 'unknown' | 'duplicate' | 'ignored';

type AnomalyKind = (typeof paymentAnomalies.$inferInsert)['kind'];

interface LockedAttempt {
  id: string;
  orderId: string;
  method: PaymentMethod;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  amountCents: number;
  idempotencyKey: string;
  providerReference: string | null;
}

interface LockedOrder {
  id: string;
  channel: 'web' | 'store';
  status: string;
  totalCents: number;
}

/**
 * Applies a verified webhook event in ONE transaction. Idempotent: the event id is recorded in
 * payment_webhook_events (primary key), and a repeated or concurrent delivery changes nothing.
 *
 * Money that the provider captured is never dropped: a success counts whatever the attempt's state
 * (pending, failed, or closed by a cancel), because providers deliver out of order.
 * - success, order still waiting for payment: recordPayment settles the attempt (order → 'paid') and
 *   closes the order's other open attempts;
 * - success, order cancelled or already paid: the attempt is recorded as succeeded with
 *   `refundDue`, a 'refund_due' event goes on the order's timeline and an anomaly row tells admins;
 * - success with an amount other than the attempt's (or the order's): an 'amount_mismatch' anomaly,
 *   nothing else changes — an admin decides;
 * - failure of a pending attempt: marked failed and noted on the timeline; a failure after a success
 *   (or of a closed attempt) is ignored. A failure moves no money, so its amount is not checked.
 * - unknown reference: 'unknown' (the webhook answers 404 so the provider retries: the attempt may
 *   not be committed yet); a success is also noted as an 'unknown_payment' anomaly, in case the
 *   retries run out, and marked resolved once a delivery of the same event finds its payment.
 */
export async function settlePayment(db: DbOrTx, event: PaymentWebhookEvent): Promise<SettleResult> {
  return db.transaction(async (tx) => {
    if (await eventSeen(tx, event.eventId)) return 'duplicate';
    const [found] = await tx
      .select({ id: payments.id, orderId: payments.orderId })
      .from(payments)
      .where(eq(payments.providerReference, event.providerReference));
    if (!found) {
      if (event.outcome === 'succeeded') {
        await recordAnomaly(tx, event, { kind: 'unknown_payment', paymentId: null, orderId: null });
      }
      return 'unknown';
    }

    // Order first, then the attempt: the same order as a cancel (transitionOrder) and recordPayment
    // take their locks in, so a cancel racing with this webhook waits instead of deadlocking.
    const [order] = await tx
      .select({
        id: orders.id,
        channel: orders.channel,
        status: orders.status,
        totalCents: orders.totalCents,
      })
      .from(orders)
      .where(eq(orders.id, found.orderId))
      .for('update');
    const [attempt] = await tx
      .select({
        id: payments.id,
        orderId: payments.orderId,
        method: payments.method,
        status: payments.status,
        amountCents: payments.amountCents,
        idempotencyKey: payments.idempotencyKey,
        providerReference: payments.providerReference,
      })
      .from(payments)
      .where(eq(payments.id, found.id))
      .for('update');
    // A concurrent delivery of the same event may have committed while this one waited for the locks.
    if (await eventSeen(tx, event.eventId)) return 'duplicate';

    const result =
      event.outcome === 'failed'
        ? await applyFailure(tx, attempt)
        : await applySuccess(tx, attempt, order, event);
    await tx
      .insert(paymentWebhookEvents)
      .values({ eventId: event.eventId, paymentId: attempt.id })
      .onConflictDoNothing();
    await tx
      .update(paymentAnomalies)
      .set({ resolvedAt: new Date() })
      .where(
        and(
          eq(paymentAnomalies.eventId, event.eventId),
          eq(paymentAnomalies.kind, 'unknown_payment'),
          isNull(paymentAnomalies.resolvedAt),
        ),
      );
    return result;
  });
}

async function applyFailure(tx: Tx, attempt: LockedAttempt): Promise<SettleResult> {
  if (attempt.status !== 'pending') return 'ignored';
  await tx.update(payments).set({ status: 'failed' }).where(eq(payments.id, attempt.id));
  await recordPaymentFailure(tx, { orderId: attempt.orderId, note: attempt.method });
  return 'failed';
}

async function applySuccess(
  tx: Tx,
  attempt: LockedAttempt,
  order: LockedOrder,
  event: PaymentWebhookEvent,
): Promise<SettleResult> {
  if (attempt.status === 'succeeded') return 'ignored';
  const ids = { paymentId: attempt.id, orderId: order.id };
  if (event.amountCents !== attempt.amountCents) {
    await recordAnomaly(tx, event, { kind: 'amount_mismatch', ...ids });
    return 'anomaly';
  }

  if (order.status === 'pending_payment' && order.channel === 'web') {
    // What is due: the total less points redeemed for the order before the shopper went to pay.
    if (attempt.amountCents !== order.totalCents - (await paidCents(tx, order.id))) {
      await recordAnomaly(tx, event, { kind: 'amount_mismatch', ...ids });
      return 'anomaly';
    }
    // recordPayment is the one place where a payment makes an order paid; it settles this attempt in
    // place (found by its idempotency key) and closes the order's other open attempts.
    await recordPayment(
      tx,
      {
        orderId: order.id,
        method: attempt.method,
        amountCents: attempt.amountCents,
        idempotencyKey: attempt.idempotencyKey,
        providerReference: attempt.providerReference,
      },
      null,
    );
    if (event.providerMethod) await tx.update(payments).set({ providerMethod: event.providerMethod }).where(eq(payments.id, attempt.id));
    return 'succeeded';
  }

  // Captured, but the order cannot take it (cancelled meanwhile, or paid by another attempt): record
  // the money and owe it back. Refunding it is the refunds' job; until then admins see it.
  await tx.update(payments).set({ status: 'succeeded', refundDue: true }).where(eq(payments.id, attempt.id));
  await noteRefundDue(tx, { orderId: order.id, note: attempt.method });
  await recordAnomaly(tx, event, {
    kind: order.status === 'cancelled' ? 'paid_after_cancel' : 'order_not_payable',
    ...ids,
  });
  return 'refund_due';
}

/** One row per event id (unique index), so a redelivery records nothing more. */
async function recordAnomaly(
  tx: Tx,
  event: PaymentWebhookEvent,
  input: { kind: AnomalyKind; paymentId: string | null; orderId: string | null },
): Promise<void> {
  console.warn(`[payments] webhook ${event.eventId}: ${input.kind}`);
  await tx
    .insert(paymentAnomalies)
    .values({
      eventId: event.eventId,
      providerReference: event.providerReference,
      paymentId: input.paymentId,
      orderId: input.orderId,
      kind: input.kind,
      // What the provider reported, for the admin list (see listPaymentAnomalies).
      detail: JSON.stringify({ outcome: event.outcome, receivedCents: event.amountCents }),
    })
    .onConflictDoNothing({ target: paymentAnomalies.eventId });
}

async function eventSeen(db: DbOrTx, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: paymentWebhookEvents.eventId })
    .from(paymentWebhookEvents)
    .where(eq(paymentWebhookEvents.eventId, eventId));
  return !!row;
}
