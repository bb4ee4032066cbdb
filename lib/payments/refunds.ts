import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { orderEvents, paymentAnomalies, paymentWebhookEvents, payments, refunds, type PaymentMethod } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { log } from '@/lib/logging/logger';
import { RefundRefused, type PaymentProvider, type RefundWebhookEvent } from './provider';
import { providerFor } from './select';

/** Payments whose money goes back through their provider (refundPayment); others are refunded by their room. */
export const PROVIDER_METHODS: readonly PaymentMethod[] = ['test_provider', 'mollie'];

export interface ReserveRefundInput {
  paymentId: string;
  amountCents: number;
  /** The refunds row's id (the caller's, e.g. generated with randomUUID()); repeated = the same refund. */
  refundId: string;
  returnId?: string | null;
  actorUserId?: number | null;
  /** Defaults to `refund:<refundId>`. */
  idempotencyKey?: string;
  /** 'pending' for provider refunds (settled later); 'succeeded' for money handed back at once (card terminal…). */
  status?: 'pending' | 'succeeded';
}

/**
 * Reserves a refund against a payment IN THE CALLER'S TRANSACTION: raises payments.refundedCents with
 * ONE conditional UPDATE (`refunded + amount <= amount paid`, payment succeeded) and inserts the refunds
 * row. Two refunds of the same payment at once: the second waits for the first's row lock and is refused
 * if both would exceed what was paid. Idempotent by refundId: a repeat returns the existing row.
 *
 * Errors (DomainError): notFound, refund.invalidAmount, refund.notRefundable (payment not succeeded),
 * refund.exceedsPaid (values.remaining in cents).
 */
export async function reserveRefund(tx: DbOrTx, input: ReserveRefundInput): Promise<{ refundId: string; created: boolean }> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw new DomainError('refund.invalidAmount');
  const [existing] = await tx.select({ id: refunds.id, paymentId: refunds.paymentId, amountCents: refunds.amountCents }).from(refunds).where(eq(refunds.id, input.refundId));
  if (existing) {
    if (existing.paymentId !== input.paymentId || existing.amountCents !== input.amountCents) throw new DomainError('conflict');
    return { refundId: existing.id, created: false };
  }
  const [raised] = await tx
    .update(payments)
    .set({ refundedCents: sql`${payments.refundedCents} + ${input.amountCents}` })
    .where(
      and(
        eq(payments.id, input.paymentId),
        eq(payments.status, 'succeeded'),
        sql`${payments.refundedCents} + ${input.amountCents} <= ${payments.amountCents} - ${payments.roundingCents}`,
      ),
    )
    .returning({ orderId: payments.orderId, method: payments.method });
  if (!raised) {
    const [payment] = await tx
      .select({ status: payments.status, amountCents: payments.amountCents, roundingCents: payments.roundingCents, refundedCents: payments.refundedCents })
      .from(payments)
      .where(eq(payments.id, input.paymentId));
    if (!payment) throw new DomainError('notFound');
    if (payment.status !== 'succeeded') throw new DomainError('refund.notRefundable');
    throw new DomainError('refund.exceedsPaid', {
      remaining: Math.max(0, payment.amountCents - payment.roundingCents - payment.refundedCents),
    });
  }
  await tx.insert(refunds).values({
    id: input.refundId,
    orderId: raised.orderId,
    returnId: input.returnId ?? null,
    paymentId: input.paymentId,
    method: raised.method,
    status: input.status ?? 'pending',
    amountCents: input.amountCents,
    actorUserId: input.actorUserId ?? null,
    idempotencyKey: input.idempotencyKey ?? `refund:${input.refundId}`,
  });
  return { refundId: input.refundId, created: true };
}

export interface RefundOutcome {
  refundId: string;
  status: 'pending' | 'succeeded' | 'failed';
  providerReference: string | null;
}

/**
 * Refunds (part of) an online payment through its provider. Call it OUTSIDE any transaction:
 * 1. a short transaction reserves the amount (reserveRefund: conditional UPDATE, never more than was
 *    paid) unless the caller already reserved `refundId` in its own transaction;
 * 2. the provider is called with no lock held, with the refund's idempotency key (a retry after a lost
 *    answer is the same refund at the provider);
 * 3. a short transaction records the provider's refund id and status. A definite refusal marks the
 *    refund failed and gives the reserved amount back; an unknown outcome (network) leaves it pending
 *    without a reference, and calling refundPayment again with the same refundId retries it.
 * The final status arrives by webhook (settleRefunds), replay-safe.
 *
 * Errors (DomainError): see reserveRefund; refund.notProviderPayment for cash/card/points payments.
 */
export async function refundPayment(
  db: DbOrTx,
  input: { paymentId: string; amountCents: number; refundId: string; returnId?: string | null; actorUserId?: number | null; description?: string },
  provider?: PaymentProvider,
): Promise<RefundOutcome> {
  const [payment] = await db
    .select({ method: payments.method, providerReference: payments.providerReference })
    .from(payments)
    .where(eq(payments.id, input.paymentId));
  if (!payment) throw new DomainError('notFound');
  if (!PROVIDER_METHODS.includes(payment.method) || !payment.providerReference) throw new DomainError('refund.notProviderPayment');
  const chosen = provider ?? providerFor(payment.method);

  await db.transaction((tx) => reserveRefund(tx, input));
  const [refund] = await db
    .select({ status: refunds.status, providerReference: refunds.providerReference, idempotencyKey: refunds.idempotencyKey, amountCents: refunds.amountCents })
    .from(refunds)
    .where(eq(refunds.id, input.refundId));
  // Already sent (or settled): nothing to do again.
  if (refund.status !== 'pending' || refund.providerReference) {
    return { refundId: input.refundId, status: refund.status, providerReference: refund.providerReference };
  }

  let created;
  try {
    created = await chosen.refund({
      providerReference: payment.providerReference,
      amountCents: refund.amountCents,
      idempotencyKey: refund.idempotencyKey,
      description: input.description ?? `Refund ${input.refundId.slice(0, 8)}`,
    });
  } catch (error) {
    if (error instanceof RefundRefused) {
      await db.transaction((tx) => failRefund(tx, input.refundId, error.message));
      return { refundId: input.refundId, status: 'failed', providerReference: null };
    }
    log.warn({ err: error, module: 'payments', refundId: input.refundId }, 'refund outcome unknown; left pending for a retry');
    await db.update(refunds).set({ failureReason: 'provider_unreachable' }).where(and(eq(refunds.id, input.refundId), eq(refunds.status, 'pending')));
    return { refundId: input.refundId, status: 'pending', providerReference: null };
  }

  return db.transaction(async (tx) => {
    await tx
      .update(refunds)
      .set({ providerReference: created.refundReference, failureReason: null })
      .where(and(eq(refunds.id, input.refundId), eq(refunds.status, 'pending')));
    if (created.status !== 'pending') {
      await applyRefundOutcome(tx, input.refundId, created.status, created.status === 'failed' ? 'provider_declined' : null);
    }
    return { refundId: input.refundId, status: created.status, providerReference: created.refundReference };
  });
}

export type RefundSettleResult = 'succeeded' | 'failed' | 'duplicate' | 'ignored' | 'unknown' | 'anomaly';

/**
 * Applies refund states reported by a verified webhook, each in one transaction. Replay-safe: the event
 * id is recorded in payment_webhook_events, and only a pending refund moves (a replay, or a delivery
 * after the refund settled, changes nothing). An amount other than the refund's is not applied.
 */
export async function settleRefunds(db: DbOrTx, events: RefundWebhookEvent[]): Promise<RefundSettleResult[]> {
  const results: RefundSettleResult[] = [];
  for (const event of events) results.push(await settleRefund(db, event));
  return results;
}

async function settleRefund(db: DbOrTx, event: RefundWebhookEvent): Promise<RefundSettleResult> {
  return db.transaction(async (tx) => {
    const [refund] = await tx
      .select({ id: refunds.id, paymentId: refunds.paymentId, status: refunds.status, amountCents: refunds.amountCents })
      .from(refunds)
      .where(eq(refunds.providerReference, event.refundReference))
      .for('update');
    if (!refund || !refund.paymentId) return 'unknown';
    const [seen] = await tx.select({ id: paymentWebhookEvents.eventId }).from(paymentWebhookEvents).where(eq(paymentWebhookEvents.eventId, event.eventId));
    if (seen) return 'duplicate';
    await tx.insert(paymentWebhookEvents).values({ eventId: event.eventId, paymentId: refund.paymentId }).onConflictDoNothing();
    if (event.amountCents !== refund.amountCents) {
      log.warn({ module: 'payments', eventId: event.eventId }, 'refund webhook amount differs from the refund; not applied');
      return 'anomaly';
    }
    if (refund.status !== 'pending') return 'ignored';
    await applyRefundOutcome(tx, refund.id, event.outcome, event.outcome === 'failed' ? 'provider_failed' : null);
    return event.outcome;
  });
}

/**
 * Moves a pending refund to its final state (locks it; a settled one is left alone). A failure gives the
 * reserved amount back to the payment; a success that completes the refund of money owed back clears
 * the payment's refundDue. Either way an event goes on the order's timeline.
 */
async function applyRefundOutcome(tx: Tx, refundId: string, outcome: 'succeeded' | 'failed', reason: string | null): Promise<void> {
  const [moved] = await tx
    .update(refunds)
    .set({ status: outcome, failureReason: reason })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, 'pending')))
    .returning({ orderId: refunds.orderId, paymentId: refunds.paymentId, amountCents: refunds.amountCents, method: refunds.method });
  if (!moved) return;
  if (moved.paymentId) {
    if (outcome === 'failed') {
      await tx
        .update(payments)
        .set({ refundedCents: sql`greatest(${payments.refundedCents} - ${moved.amountCents}, 0)` })
        .where(eq(payments.id, moved.paymentId));
    } else {
      // Paid back in full: no longer owed, and the anomaly that reported it is resolved.
      const cleared = await tx
        .update(payments)
        .set({ refundDue: false })
        .where(and(eq(payments.id, moved.paymentId), eq(payments.refundDue, true), sql`${payments.refundedCents} >= ${payments.amountCents} - ${payments.roundingCents}`, sql`not exists (select 1 from ${refunds} r where r.payment_id = ${payments.id} and r.status = 'pending')`))
        .returning({ id: payments.id });
      if (cleared.length) {
        await tx.update(paymentAnomalies).set({ resolvedAt: new Date() }).where(and(eq(paymentAnomalies.paymentId, moved.paymentId), sql`${paymentAnomalies.resolvedAt} is null`));
      }
    }
  }
  await tx.insert(orderEvents).values({ orderId: moved.orderId, type: outcome === 'succeeded' ? 'refunded' : 'refund_failed', note: `${moved.method} ${moved.amountCents}` });
}

async function failRefund(tx: Tx, refundId: string, reason: string): Promise<void> {
  await applyRefundOutcome(tx, refundId, 'failed', reason.slice(0, 200));
}

