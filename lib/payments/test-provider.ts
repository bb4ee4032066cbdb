import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { authSecret } from '@/lib/auth/secret';
import { log } from '@/lib/logging/logger';
import { WebhookRejected, type PaymentProvider, type PaymentWebhookEvent } from './provider';
import { SIGNATURE_HEADER, signPayload, verifySignature } from './signature';

/**
 * "Omnipay", the built-in test provider. It behaves like a hosted payment page: the shop sends the
 * shopper to /pay/<reference>, the shopper chooses Pay or Fail payment, is sent back to the shop, and
 * the outcome arrives separately as a signed webhook POST — so the shop's code path is the same as
 * with a real provider. Being built in, it keeps no state of its own: the shop's payment row
 * (found by providerReference) is its record of the payment.
 */
export const TEST_PROVIDER_NAME = 'Omnipay';

/** The webhook key, derived from AUTH_SECRET so no extra configuration is needed and it is never reused. */
export function webhookKey(): Buffer {
  return createHmac('sha256', authSecret()).update('omnipay test provider webhook v1').digest();
}

const webhookBodySchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(['payment.succeeded', 'payment.failed']),
  data: z.object({ paymentId: z.string().min(1).max(200), amountCents: z.number().int().nonnegative() }),
  createdAt: z.string(),
});

export type TestWebhookBody = z.infer<typeof webhookBodySchema>;

export const testProvider: PaymentProvider = {
  method: 'test_provider',
  async createPayment() {
    const providerReference = `tp_${randomBytes(16).toString('base64url')}`;
    return { providerReference, checkoutUrl: `/pay/${providerReference}` };
  },
  async handleWebhook({ rawBody, headers, now }) {
    if (!verifySignature(webhookKey(), rawBody, headers.get(SIGNATURE_HEADER), now)) {
      throw new WebhookRejected('signature', 'invalid webhook signature');
    }
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new WebhookRejected('payload', 'webhook body is not JSON');
    }
    const parsed = webhookBodySchema.safeParse(json);
    if (!parsed.success) throw new WebhookRejected('payload', 'unexpected webhook body');
    const { id, type, data } = parsed.data;
    return {
      eventId: id,
      providerReference: data.paymentId,
      outcome: type === 'payment.succeeded' ? 'succeeded' : 'failed',
      amountCents: data.amountCents,
    } satisfies PaymentWebhookEvent;
  },
};

/**
 * The webhook the provider sends for a decision on its hosted page. The event id is derived from the
 * payment and the outcome, so pressing Pay twice sends the same event (and changes state once).
 */
export function buildTestWebhook(
  input: { providerReference: string; outcome: 'succeeded' | 'failed'; amountCents: number },
  now: Date = new Date(),
): { rawBody: string; signature: string } {
  const body: TestWebhookBody = {
    id: `evt_${input.providerReference}_${input.outcome}`,
    type: input.outcome === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
    data: { paymentId: input.providerReference, amountCents: input.amountCents },
    createdAt: now.toISOString(),
  };
  const rawBody = JSON.stringify(body);
  return { rawBody, signature: signPayload(webhookKey(), rawBody, now) };
}

const RETRY_DELAYS_MS = [0, 1_000, 3_000, 10_000];

/**
 * Delivers a webhook like a provider does: POST, retried with back-off until the shop answers 2xx
 * (or a 4xx that a retry cannot fix). Runs after the response (next/server `after`), never awaited
 * by the shopper's request.
 */
export async function deliverTestWebhook(
  url: string,
  webhook: { rawBody: string; signature: string },
): Promise<boolean> {
  for (const delay of RETRY_DELAYS_MS) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: webhook.signature },
        body: webhook.rawBody,
      });
      if (response.ok) return true;
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 404 &&
        response.status !== 409
      ) {
        log.error({ module: 'omnipay', status: response.status }, 'webhook refused');
        return false;
      }
    } catch (error) {
      log.warn({ err: error, module: 'omnipay' }, 'webhook delivery failed, will retry');
    }
  }
  log.error({ module: 'omnipay', url }, 'webhook not delivered after retries');
  return false;
}
