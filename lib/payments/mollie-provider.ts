import { createMollieClient, type Payment, type Refund } from '@mollie/api-client';
import { publicBaseUrl } from '@/lib/notifications/config';
import {
  RefundRefused,
  WebhookRejected,
  type CreatedRefund,
  type PaymentProvider,
  type ProviderWebhook,
  type RefundWebhookEvent,
} from './provider';

/**
 * Mollie (iDEAL, card, Bancontact…) through the official client, v4. Mollie's webhook carries only the
 * payment's id (`id=tr_…`, form-encoded) and no signature: the adapter fetches the payment — and its
 * refunds — from Mollie with the API key, and only what Mollie answers counts. Amounts are EUR strings
 * ("12.34") at Mollie and integer cents here; a payment in another currency is refused.
 * See https://docs.mollie.com/reference/webhooks and https://docs.mollie.com/reference/create-refund
 */
export interface MollieConfig {
  apiKey: string;
  /** For the local fake of Mollie's API (tests); defaults to https://api.mollie.com/v2/. */
  apiEndpoint?: string;
  /** Where Mollie posts status changes; defaults to <APP_URL>/api/payments/webhook?provider=mollie. */
  webhookUrl?: string;
  /** Base for the shopper's return URL (a same-origin path is made absolute with it). */
  baseUrl?: string;
}

const MOLLIE_ID = /^tr_[A-Za-z0-9]{4,40}$/;

export function createMollieProvider(config: MollieConfig): PaymentProvider {
  const client = createMollieClient({ apiKey: config.apiKey, ...(config.apiEndpoint ? { apiEndpoint: config.apiEndpoint } : {}) });
  const base = (config.baseUrl ?? publicBaseUrl()).replace(/\/+$/, '');
  const webhookUrl = config.webhookUrl ?? `${base}/api/payments/webhook?provider=mollie`;

  return {
    method: 'mollie',
    async createPayment(input) {
      const payment = await client.payments.create({
        amount: { currency: 'EUR', value: centsToValue(input.amountCents) },
        description: input.description,
        redirectUrl: input.returnUrl.startsWith('/') ? `${base}${input.returnUrl}` : input.returnUrl,
        webhookUrl,
        ...(input.method ? { method: input.method as never } : {}),
        metadata: { orderId: input.orderId ?? null },
      });
      const checkoutUrl = payment.getCheckoutUrl();
      if (!checkoutUrl) throw new Error(`Mollie payment ${payment.id} has no checkout URL`);
      return { providerReference: payment.id, checkoutUrl };
    },

    async handleWebhook({ rawBody }) {
      const id = new URLSearchParams(rawBody).get('id') ?? '';
      if (!MOLLIE_ID.test(id)) throw new WebhookRejected('payload', 'not a Mollie payment id');
      let payment: Payment;
      try {
        payment = await client.payments.get(id);
      } catch (error) {
        // An id Mollie does not know (404) is not genuine; anything else (network, 5xx) is retried by Mollie.
        if (statusOf(error) === 404) throw new WebhookRejected('signature', 'unknown Mollie payment');
        throw error;
      }
      if (payment.amount.currency !== 'EUR') throw new WebhookRejected('payload', 'not a EUR payment');
      const amountCents = valueToCents(payment.amount.value);
      const outcome =
        payment.status === 'paid' ? 'succeeded' : ['failed', 'canceled', 'expired'].includes(payment.status) ? 'failed' : null;
      const refunds: RefundWebhookEvent[] = [];
      if (payment.status === 'paid') {
        // Mollie calls the payment's webhook for its refunds' changes too.
        const page = await client.paymentRefunds.page({ paymentId: payment.id });
        for (const refund of page) {
          const state = refundOutcome(refund);
          if (state === 'pending') continue;
          refunds.push({ eventId: `mollie:${refund.id}:${refund.status}`, refundReference: refund.id, outcome: state, amountCents: valueToCents(refund.amount.value) });
        }
      }
      return {
        payment: outcome
          ? { eventId: `mollie:${payment.id}:${payment.status}`, providerReference: payment.id, outcome, amountCents, providerMethod: payment.method ?? null }
          : null,
        refunds,
      } satisfies ProviderWebhook;
    },

    async refund(input): Promise<CreatedRefund> {
      try {
        const refund = await client.paymentRefunds.create({
          paymentId: input.providerReference,
          amount: { currency: 'EUR', value: centsToValue(input.amountCents) },
          description: input.description.slice(0, 140),
          idempotencyKey: input.idempotencyKey,
        });
        return { refundReference: refund.id, status: refundOutcome(refund) };
      } catch (error) {
        const status = statusOf(error);
        // 4xx: Mollie declined (amount above what is left, payment not refundable…) — a retry will not help.
        if (status !== undefined && status >= 400 && status < 500 && status !== 429) throw new RefundRefused(messageOf(error));
        throw error;
      }
    },
  };
}

function refundOutcome(refund: Refund): CreatedRefund['status'] {
  if (refund.status === 'refunded') return 'succeeded';
  if (refund.status === 'failed' || refund.status === 'canceled') return 'failed';
  return 'pending';
}

/** 1234 → "12.34" (Mollie wants exactly two decimals). */
export function centsToValue(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError('amount in cents must be a non-negative integer');
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** "12.34" → 1234, without floats; anything else is not a Mollie amount. */
export function valueToCents(value: string): number {
  const match = /^(\d{1,9})\.(\d{2})$/.exec(value);
  if (!match) throw new WebhookRejected('payload', `not a Mollie amount: ${value}`);
  return Number(match[1]) * 100 + Number(match[2]);
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error ? (error as { statusCode?: number }).statusCode : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
