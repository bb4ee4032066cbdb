import { getDb } from '@/lib/db';
import { handlePaymentWebhookRequest } from '@/lib/payments/webhook';

// The payment provider's webhook: a plain HTTP endpoint (no session, no CSRF token) whose only
// credential is the provider's signature, checked in handlePaymentWebhook before anything happens.
// The body is read through a size limit (handlePaymentWebhookRequest), never whole first.
export async function POST(request: Request) {
  try {
    const { status, body } = await handlePaymentWebhookRequest(getDb(), request);
    return Response.json(body, { status });
  } catch (error) {
    console.error('[payments] webhook failed', error);
    return Response.json({ error: 'internal' }, { status: 500 });
  }
}
