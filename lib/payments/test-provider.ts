import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { authSecret } from '@/lib/auth/secret';
import { log } from '@/lib/logging/logger';
import { RefundRefused, WebhookRejected, type PaymentProvider, type ProviderWebhook } from './provider';
import { SIGNATURE_HEADER, signPayload, verifySignature } from './signature';
import { testWebhookUrl } from './webhook-url';

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

const paymentBodySchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(['payment.succeeded', 'payment.failed']),
  data: z.object({ paymentId: z.string().min(1).max(200), amountCents: z.number().int().nonnegative() }),
  createdAt: z.string(),
});
const refundBodySchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(['refund.succeeded', 'refund.failed']),
  data: z.object({ refundId: z.string().min(1).max(200), amountCents: z.number().int().positive() }),
  createdAt: z.string(),
});
const webhookBodySchema = z.union([paymentBodySchema, refundBodySchema]);

export type TestWebhookBody = z.infer<typeof paymentBodySchema>;

/**
 * The test provider's refund flow: a refund is accepted 'pending' and its outcome arrives as a signed
 * webhook, like a real provider's. A refund whose description contains "[fail]" fails (to try the
 * failure path by hand). `deliver` sends that webhook; by default over loopback to this app after
 * the call returns — not under vitest (NODE_ENV=test), where tests deliver it themselves.
 */
export function createTestProvider(
  options: { deliver?: (webhook: { rawBody: string; signature: string }) => void } = {},
): PaymentProvider {
  const deliver =
    options.deliver ??
    ((webhook) => {
      if (process.env.NODE_ENV === 'test') return;
      setImmediate(() => void deliverTestWebhook(testWebhookUrl(), webhook));
    });
  return {
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
      const body = parsed.data;
      if ('refundId' in body.data) {
        return {
          payment: null,
          refunds: [
            {
              eventId: body.id,
              refundReference: body.data.refundId,
              outcome: body.type === 'refund.succeeded' ? 'succeeded' : 'failed',
              amountCents: body.data.amountCents,
            },
          ],
        } satisfies ProviderWebhook;
      }
      return {
        payment: {
          eventId: body.id,
          providerReference: body.data.paymentId,
          outcome: body.type === 'payment.succeeded' ? 'succeeded' : 'failed',
          amountCents: body.data.amountCents,
        },
        refunds: [],
      } satisfies ProviderWebhook;
    },
    async refund(input) {
      if (!/^tp_[A-Za-z0-9_-]{10,60}$/.test(input.providerReference)) throw new RefundRefused('not a test provider payment');
      // Derived from the idempotency key: a retry is the same refund.
      const refundReference = `tpr_${createHmac('sha256', webhookKey()).update(input.idempotencyKey).digest('base64url').slice(0, 24)}`;
      const outcome = input.description.includes('[fail]') ? 'failed' : 'succeeded';
      deliver(buildTestRefundWebhook({ refundReference, outcome, amountCents: input.amountCents }));
      return { refundReference, status: 'pending' };
    },
  };
}

export const testProvider: PaymentProvider = createTestProvider();

/** The signed webhook that settles a test-provider refund (event id per refund and outcome). */
export function buildTestRefundWebhook(
  input: { refundReference: string; outcome: 'succeeded' | 'failed'; amountCents: number },
  now: Date = new Date(),
): { rawBody: string; signature: string } {
  const body = {
    id: `evt_${input.refundReference}_${input.outcome}`,
    type: input.outcome === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
    data: { refundId: input.refundReference, amountCents: input.amountCents },
    createdAt: now.toISOString(),
  };
  const rawBody = JSON.stringify(body);
  return { rawBody, signature: signPayload(webhookKey(), rawBody, now) };
}

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
