'use server';

import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { getOrderForViewer, guestOrderIds } from '@/lib/orders/guest-orders';
import { enforceRateLimits, requestClientAddress } from '@/lib/rate-limit/public-limits';
import { startPayment } from './mutations';
import { getHostedPayment } from './queries';
import { buildTestWebhook, deliverTestWebhook } from './test-provider';
import { testWebhookUrl } from './webhook-url';

/**
 * The test provider's hosted page: the shopper pays or lets the payment fail. Like a real provider it
 * sends the shopper back to the shop at once and reports the outcome separately, by a signed webhook
 * delivered after this response (the shop's order page waits for it). Anyone holding the unguessable
 * payment link may decide, as on a real hosted page.
 */
export const decideTestPaymentAction = action(
  {
    schema: z
      .object({ paymentId: z.string().trim().min(1).max(100), outcome: z.enum(['succeeded', 'failed']) })
      .strict(),
    access: access.public,
  },
  async (input) => {
    const payment = await getHostedPayment(getDb(), input.paymentId);
    if (!payment) throw new DomainError('notFound');
    if (payment.status === 'pending') {
      const webhook = buildTestWebhook({
        providerReference: payment.providerReference,
        outcome: input.outcome,
        amountCents: payment.amountCents,
      });
      after(() => deliverTestWebhook(testWebhookUrl(), webhook));
    }
    redirect(`/orders/${payment.orderId}`);
  },
);

/** "Try again" / "Pay now" on the order page: a new payment attempt (or the open one) for the order. */
export const retryPaymentAction = action(
  { schema: z.object({ orderId: z.uuid('validation.invalid') }).strict(), access: access.public },
  async (input, { actor }) => {
    const db = getDb();
    // Only whoever may see the order may pay for it: its customer, or the browser that placed it.
    const order = await getOrderForViewer(db, input.orderId, { actor, guestOrderIds: await guestOrderIds() });
    if (!order) throw new DomainError('notFound');
    // Each attempt opens a payment at the provider: bounded per order and per address.
    await enforceRateLimits(db, [
      ['paymentRetryPerOrder', order.id],
      ['paymentRetryPerAddress', await requestClientAddress()],
    ]);
    const { checkoutUrl } = await startPayment(db, { orderId: order.id });
    redirect(checkoutUrl);
  },
);
