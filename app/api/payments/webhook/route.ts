import { after } from 'next/server';
import { getDb } from '@/lib/db';
import { withRequestLogContext } from '@/lib/logging/route';
import { refundOwedPaymentsQuietly } from '@/lib/payments/refund-due';
import { providerFor } from '@/lib/payments/select';
import { handlePaymentWebhookRequest } from '@/lib/payments/webhook';

// The payment provider's webhook: a plain HTTP endpoint (no session, no CSRF token) whose only
// credential is the provider's signature, checked in handlePaymentWebhook before anything happens.
// The body is read through a size limit (handlePaymentWebhookRequest), never whole first.
// Mollie's deliveries carry ?provider=mollie (the webhookUrl the adapter gives it); they are verified by
// fetching the payment from Mollie, not by anything in the request.
export const POST = withRequestLogContext(async (request: Request) => {
  try {
    const mollie = new URL(request.url).searchParams.get('provider') === 'mollie';
    if (mollie && !process.env.MOLLIE_API_KEY) return Response.json({ error: 'notFound' }, { status: 404 });
    const provider = providerFor(mollie ? 'mollie' : 'test_provider');
    const { status, body, refundOwedOn } = await handlePaymentWebhookRequest(getDb(), request, provider);
    // Captured for an order that could not take it: paid back through the provider after answering.
    if (refundOwedOn) after(() => refundOwedPaymentsQuietly(getDb(), { providerReference: refundOwedOn }));
    return Response.json(body, { status });
  } catch (error) {
    console.error('[payments] webhook failed', error);
    return Response.json({ error: 'internal' }, { status: 500 });
  }
});
