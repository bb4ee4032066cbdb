import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { settlePayment, type SettleResult } from './mutations';
import { WebhookRejected, type PaymentProvider } from './provider';
import { testProvider } from './test-provider';

const MAX_BODY_BYTES = 64 * 1024;

export interface WebhookResponse {
  status: number;
  body: { received: true; result: SettleResult } | { error: string };
}

/**
 * The payment webhook endpoint's logic: verify the provider's signature over the raw body, then
 * settle the payment idempotently. 2xx tells the provider to stop retrying; 401/400 are final (not
 * genuine / not understood); 404/409 let it retry (e.g. the payment is not committed yet).
 */
export async function handlePaymentWebhook(
  db: DbOrTx,
  request: { rawBody: string; headers: Headers; now?: Date },
  provider: PaymentProvider = testProvider,
): Promise<WebhookResponse> {
  if (Buffer.byteLength(request.rawBody) > MAX_BODY_BYTES)
    return { status: 413, body: { error: 'too_large' } };
  let event;
  try {
    event = await provider.handleWebhook(request);
  } catch (error) {
    if (error instanceof WebhookRejected)
      return { status: error.reason === 'signature' ? 401 : 400, body: { error: error.reason } };
    throw error;
  }
  try {
    return { status: 200, body: { received: true, result: await settlePayment(db, event) } };
  } catch (error) {
    if (error instanceof DomainError) {
      console.warn(`[payments] webhook ${event.eventId} not applied: ${error.code}`);
      return { status: error.code === 'notFound' ? 404 : 409, body: { error: error.code } };
    }
    throw error;
  }
}
