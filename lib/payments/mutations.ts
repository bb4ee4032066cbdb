import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, payments } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { paidCents, paidCentsOfOrder } from '@/lib/orders/record-payment';
import type { CheckoutMethod, PaymentProvider } from './provider';
import { getPaymentProvider } from './select';

export { settlePayment, type SettleResult } from './settle-payment';

export interface StartedPayment {
  paymentId: string;
  providerReference: string;
  checkoutUrl: string;
  reused: boolean;
}

/**
 * Opens an online payment for a web order that waits for payment: a 'pending' payment row for what
 * is due (the total less points redeemed at checkout), and the provider's hosted page to send the shopper to. An attempt that is still
 * pending is reused, so a double click or a "Try again" after going back makes no second attempt.
 *
 * The provider is called outside any transaction (a call over the network must not hold a lock on
 * the order); its answer is recorded in a short transaction that locks the order, checks it again and
 * reuses an attempt that a concurrent click opened meanwhile. The provider's payment that is then
 * left unused is never shown to anyone and expires at the provider.
 *
 * Errors (DomainError): notFound, invalidState (not a web order waiting for payment).
 */
export async function startPayment(
  db: DbOrTx,
  input: { orderId: string; method?: CheckoutMethod | null },
  provider: PaymentProvider = getPaymentProvider(),
): Promise<StartedPayment> {
  const order = await payableOrder(db, input.orderId);
  const open = await openAttempt(db, order, provider, input.method ?? null);
  if (open) return open;

  const created = await provider.createPayment({
    amountCents: order.dueCents,
    description: order.number,
    returnUrl: `/orders/${order.id}`,
    method: input.method ?? null,
    orderId: order.id,
  });

  return db.transaction(async (tx) => {
    // Lock the order: two "Pay" clicks are recorded one after the other, and the second reuses the first.
    const locked = await payableOrder(tx, order.id, { lock: true });
    const raced = await openAttempt(tx, locked, provider, input.method ?? null);
    if (raced) return raced;
    const [row] = await tx
      .insert(payments)
      .values({
        orderId: locked.id,
        method: provider.method,
        status: 'pending',
        amountCents: locked.dueCents,
        providerReference: created.providerReference,
        // The shopper's choice on our checkout; the webhook replaces it with what they paid with.
        providerMethod: input.method ?? null,
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

interface PayableOrder {
  id: string;
  number: string;
  totalCents: number;
  /** The total less what is paid already (points redeemed at checkout): what the provider is asked for. */
  dueCents: number;
}

async function payableOrder(
  db: DbOrTx,
  orderId: string,
  options: { lock?: boolean } = {},
): Promise<PayableOrder> {
  const query = db
    .select({
      id: orders.id,
      number: orders.number,
      channel: orders.channel,
      status: orders.status,
      totalCents: orders.totalCents,
      paidCents: paidCentsOfOrder,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  const [order] = options.lock ? await query.for('update') : await query;
  if (!order) throw new DomainError('notFound');
  if (order.channel !== 'web' || order.status !== 'pending_payment') throw new DomainError('invalidState');
  // Locked: read what is paid after the lock is ours (the statement that waited for it read its payments
  // before the wait, so a payment the lock holder committed would be missing). Unlocked: with the order.
  const paid = options.lock ? await paidCents(db, order.id) : order.paidCents;
  return { id: order.id, number: order.number, totalCents: order.totalCents, dueCents: order.totalCents - paid };
}

/**
 * The order's open attempt with the test provider for what is due, if any. (A Mollie attempt is not
 * reused: its hosted page's URL is Mollie's and is not kept; a second click opens a new one.)
 */
async function openAttempt(
  db: DbOrTx,
  order: PayableOrder,
  provider: PaymentProvider,
  method: CheckoutMethod | null,
): Promise<StartedPayment | null> {
  if (provider.method !== 'test_provider') return null;
  const [open] = await db
    .select({
      id: payments.id,
      providerReference: payments.providerReference,
      amountCents: payments.amountCents,
      providerMethod: payments.providerMethod,
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
  if (!open?.providerReference || open.amountCents !== order.dueCents || (open.providerMethod ?? null) !== method) return null;
  return {
    paymentId: open.id,
    providerReference: open.providerReference,
    checkoutUrl: `/pay/${open.providerReference}`,
    reused: true,
  };
}
