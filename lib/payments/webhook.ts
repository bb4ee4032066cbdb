import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { settleRefunds, type RefundSettleResult } from './refunds';
import { settlePayment, type SettleResult } from './settle-payment';
import { WebhookRejected, type PaymentProvider, type ProviderWebhook } from './provider';
import { testProvider } from './test-provider';

/** A provider's event is a few hundred bytes; anything near this is not one. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

export interface WebhookResponse {
  status: number;
  body:
    | { received: true; result: Exclude<SettleResult, 'unknown'> | 'none'; refunds?: Exclude<RefundSettleResult, 'unknown'>[] }
    | { error: string };
  /** Money was captured for an order that cannot take it: the caller refunds it after responding (refundOwedPayments). */
  refundOwedOn?: string;
}

/**
 * The webhook route's logic for a raw HTTP request: refuses a body over MAX_WEBHOOK_BODY_BYTES
 * (413) — by its Content-Length at once, else while streaming it, so an oversized body is never
 * held in memory — then handles it as handlePaymentWebhook does.
 */
export async function handlePaymentWebhookRequest(
  db: DbOrTx,
  request: Request,
  provider: PaymentProvider = testProvider,
): Promise<WebhookResponse> {
  const rawBody = await readBodyWithLimit(request, MAX_WEBHOOK_BODY_BYTES);
  if (rawBody === null) return { status: 413, body: { error: 'too_large' } };
  return handlePaymentWebhook(db, { rawBody, headers: request.headers }, provider);
}

/**
 * The request body as text, or null once it is longer than `maxBytes` (reading stops there and the
 * rest of the stream is cancelled). A declared Content-Length over the limit is refused unread.
 */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  // As request.text() would: UTF-8, the bytes the provider signed.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * The payment webhook endpoint's logic: verify the provider's signature over the raw body, then
 * settle the payment idempotently. The status tells the provider whether to retry:
 * - 200 for everything a retry cannot change — applied, duplicate, ignored, and outcomes that need
 *   a person (amount mismatch, money for a cancelled order), which settlePayment has recorded in
 *   payment_anomalies (once per event id) for an admin;
 * - 404 for an unknown payment reference: the one case a retry can fix, since the shop opens the
 *   payment at the provider before its own row commits (see startPayment);
 * - 401/400: not genuine / not understood (final); 413: too large; 409: a conflict (retry).
 */
export async function handlePaymentWebhook(
  db: DbOrTx,
  request: { rawBody: string; headers: Headers; now?: Date },
  provider: PaymentProvider = testProvider,
): Promise<WebhookResponse> {
  if (Buffer.byteLength(request.rawBody) > MAX_WEBHOOK_BODY_BYTES)
    return { status: 413, body: { error: 'too_large' } };
  let delivery: ProviderWebhook;
  try {
    delivery = await provider.handleWebhook(request);
  } catch (error) {
    if (error instanceof WebhookRejected)
      return { status: error.reason === 'signature' ? 401 : 400, body: { error: error.reason } };
    throw error;
  }
  const event = delivery.payment;
  try {
    const result = event ? await settlePayment(db, event) : 'none';
    if (result === 'unknown') {
      console.warn(`[payments] webhook ${event?.eventId}: no payment ${event?.providerReference} (yet)`);
      return { status: 404, body: { error: 'notFound' } };
    }
    const refunds = await settleRefunds(db, delivery.refunds);
    // A refund the shop has not recorded its reference for yet (the provider answered before the
    // shop's short transaction committed): 404 so the provider retries.
    if (refunds.includes('unknown')) return { status: 404, body: { error: 'notFound' } };
    return {
      status: 200,
      ...(result === 'refund_due' && event ? { refundOwedOn: event.providerReference } : {}),
      body: {
        received: true,
        result,
        ...(refunds.length ? { refunds: refunds as Exclude<RefundSettleResult, 'unknown'>[] } : {}),
      },
    };
  } catch (error) {
    if (error instanceof DomainError) {
      console.warn(`[payments] webhook ${event?.eventId ?? 'refunds'} not applied: ${error.code}`);
      return { status: 409, body: { error: error.code } };
    }
    throw error;
  }
}
