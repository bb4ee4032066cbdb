import { getDb } from '@/lib/db';
import { handlePaymentWebhook } from '@/lib/payments/webhook';

// The payment provider's webhook: a plain HTTP endpoint (no session, no CSRF token) whose only
// credential is the provider's signature, checked in handlePaymentWebhook before anything happens.
export async function POST(request: Request) {
  const rawBody = await request.text();
  try {
    const { status, body } = await handlePaymentWebhook(getDb(), { rawBody, headers: request.headers });
    return Response.json(body, { status });
  } catch (error) {
    console.error('[payments] webhook failed', error);
    return Response.json({ error: 'internal' }, { status: 500 });
  }
}
