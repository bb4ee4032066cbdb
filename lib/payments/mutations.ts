import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, paymentWebhookEvents, payments } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { recordPayment } from '@/lib/orders/mutations';
import { recordPaymentFailure } from '@/lib/orders/payment-failure';
import type { PaymentProvider, PaymentWebhookEvent } from './provider';
import { testProvider } from './test-provider';

export interface StartedPayment {
  paymentId: string;
  providerReference: string;
  checkoutUrl: string;
  reused: boolean;
}

/**
 * Opens an online payment for a web order that waits for payment: a 'pending' payment row for the
 * order's total, and the provider's hosted page to send the shopper to. An attempt that is still
 * pending is reused, so a double click or a "Try again" after going back makes no second attempt.
 *
 * Errors (DomainError): notFound, invalidState (not a web order waiting for payment).
 */
export async function startPayment(
  db: DbOrTx,
  input: { orderId: string },
  provider: PaymentProvider = testProvider,
): Promise<StartedPayment> {
  return db.transaction(async (tx) => {
    // Lock the order: two "Pay" clicks are served one after the other, and the second reuses the first.
    const [order] = await tx
      .select({
        id: orders.id,
        number: orders.number,
        channel: orders.channel,
        status: orders.status,
        totalCents: orders.totalCents,
      })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) throw new DomainError('notFound');
    if (order.channel !== 'web' || order.status !== 'pending_payment') throw new DomainError('invalidState');

    const [open] = await tx
      .select({
        id: payments.id,
        providerReference: payments.providerReference,
        amountCents: payments.amountCents,
      })
      .from(payments)
      .where(
        and(
          eq(payments.orderId, order.id),
          eq(payments.method, provider.method),
          eq(payments.status, 'pending'),
        ),
      )
      .orderBy(desc(payments.createdAt))
      .limit(1);
    if (open?.providerReference && open.amountCents === order.totalCents) {
      return {
        paymentId: open.id,
        providerReference: open.providerReference,
        checkoutUrl: `/pay/${open.providerReference}`,
        reused: true,
      };
    }

    // The built-in provider answers at once; a provider over the network would be called before the
    // transaction (an unused payment at the provider simply expires there).
    const created = await provider.createPayment({
      amountCents: order.totalCents,
      description: order.number,
      returnUrl: `/orders/${order.id}`,
    });
    const [row] = await tx
      .insert(payments)
      .values({
        orderId: order.id,
        method: provider.method,
        status: 'pending',
        amountCents: order.totalCents,
        providerReference: created.providerReference,
        idempotencyKey: `online:${randomUUID()}`,
      })
      .returning({ id: payments.id });
    return {
      paymentId: row.id,
      providerReference: created.providerReference,
      checkoutUrl: created.checkoutUrl,
      reused: false,
    };
  });
}

export type SettleResult = 'succeeded' | 'failed' | 'duplicate' | 'ignored';

/**
 * Applies a verified webhook event in ONE transaction. Idempotent: the event id is recorded in
 * payment_webhook_events (primary key), and a repeated or concurrent delivery changes nothing.
 * - succeeded: the pending attempt becomes the recorded payment through recordPayment (order → 'paid'
 *   plus its event; whatever else recordPayment does for a paid order happens here too);
 * - failed: the attempt is marked failed and the order's timeline notes it; the order keeps waiting;
 * - an event for an attempt that is already settled is recorded and ignored.
 *
 * Errors (DomainError): notFound (unknown payment), paymentAmountMismatch, invalidState (order no
 * longer payable) — the transaction is rolled back and the webhook answers an error.
 */
export async function settlePayment(db: DbOrTx, event: PaymentWebhookEvent): Promise<SettleResult> {
  return db.transaction(async (tx) => {
    if (await eventSeen(tx, event.eventId)) return 'duplicate';
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
      .where(eq(payments.providerReference, event.providerReference))
      .for('update');
    // A concurrent delivery of the same event may have committed while this one waited for the lock:
    // then it is a duplicate.
    if (await eventSeen(tx, event.eventId)) return 'duplicate';
    if (!attempt) throw new DomainError('notFound');

    let paymentId = attempt.id;
    let result: SettleResult = 'ignored';
    if (attempt.status === 'pending') {
      if (event.amountCents !== attempt.amountCents) throw new DomainError('paymentAmountMismatch');
      if (event.outcome === 'failed') {
        await tx.update(payments).set({ status: 'failed' }).where(eq(payments.id, attempt.id));
        await recordPaymentFailure(tx, { orderId: attempt.orderId, note: attempt.method });
        result = 'failed';
      } else {
        // recordPayment is the one place where a payment makes an order paid; it settles this pending
        // attempt in place (found by its idempotency key).
        const recorded = await recordPayment(
          tx,
          {
            orderId: attempt.orderId,
            method: attempt.method,
            amountCents: attempt.amountCents,
            idempotencyKey: attempt.idempotencyKey,
            providerReference: attempt.providerReference,
          },
          null,
        );
        paymentId = recorded.paymentId;
        result = 'succeeded';
      }
    }
    await tx.insert(paymentWebhookEvents).values({ eventId: event.eventId, paymentId }).onConflictDoNothing();
    return result;
  });
}

async function eventSeen(db: DbOrTx, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: paymentWebhookEvents.eventId })
    .from(paymentWebhookEvents)
    .where(eq(paymentWebhookEvents.eventId, eventId));
  return !!row;
}
