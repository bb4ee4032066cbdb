/**
 * What the shop needs from an online payment provider (a hosted payment page, webhooks, refunds). The
 * built-in test provider and the Mollie adapter implement it; `getPaymentProvider()` (./select.ts)
 * chooses one from the configuration.
 */
export interface PaymentProvider {
  /** The payments.method its payments are recorded with. */
  readonly method: ProviderPaymentMethod;
  /**
   * Opens a payment at the provider. Returns the provider's id for it (stored as the payment's
   * providerReference) and the hosted page to send the shopper to.
   */
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /**
   * Verifies a webhook delivery and returns what it reports: a payment's outcome and/or the status of
   * the payment's refunds. Throws WebhookRejected when it is not genuine or not understood.
   * (The test provider checks a signature over the raw body; Mollie sends only an id, so its adapter
   * fetches the payment from Mollie — the fetched state is what counts, never the request.)
   */
  handleWebhook(request: { rawBody: string; headers: Headers; now?: Date }): Promise<ProviderWebhook>;
  /**
   * Refunds (part of) a captured payment. Idempotent at the provider by `idempotencyKey`, so a retry
   * after a lost answer does not refund twice. The final status usually arrives later by webhook.
   * Throws RefundRefused when the provider definitely declines (a retry cannot help); any other error
   * means "unknown, try again".
   */
  refund(input: RefundInput): Promise<CreatedRefund>;
}

export type ProviderPaymentMethod = 'test_provider' | 'mollie';

/** The methods the shopper can pick on our checkout (Mollie's method ids). */
export const CHECKOUT_METHODS = ['ideal', 'creditcard', 'bancontact'] as const;
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number];

export interface CreatePaymentInput {
  amountCents: number;
  /** Shown on the hosted page, e.g. "Order W-100123". */
  description: string;
  /** Where the provider sends the shopper back to (absolute or same-origin path). */
  returnUrl: string;
  /** The method the shopper chose on our checkout; none = the provider's page offers its choice. */
  method?: CheckoutMethod | null;
  /** The shop's order, for the provider's dashboard. */
  orderId?: string;
}

export interface CreatedPayment {
  providerReference: string;
  checkoutUrl: string;
}

export interface PaymentWebhookEvent {
  /** Unique per event: a repeated delivery carries the same id. */
  eventId: string;
  providerReference: string;
  outcome: 'succeeded' | 'failed';
  amountCents: number;
  /** The method the shopper paid with at the provider (e.g. 'ideal'), when it says. */
  providerMethod?: string | null;
}

export interface RefundWebhookEvent {
  /** Unique per refund state: a repeated delivery carries the same id. */
  eventId: string;
  /** The provider's id of the refund (refunds.providerReference). */
  refundReference: string;
  outcome: 'succeeded' | 'failed';
  amountCents: number;
}

/** One webhook delivery: a payment's final outcome (none while it is still open) and its refunds' final states. */
export interface ProviderWebhook {
  payment: PaymentWebhookEvent | null;
  refunds: RefundWebhookEvent[];
}

export interface RefundInput {
  providerReference: string;
  amountCents: number;
  idempotencyKey: string;
  description: string;
}

export interface CreatedRefund {
  refundReference: string;
  status: 'pending' | 'succeeded' | 'failed';
}

export class WebhookRejected extends Error {
  constructor(
    readonly reason: 'signature' | 'payload',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

/** The provider declined a refund for good (e.g. more than is left on the payment). */
export class RefundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefundRefused';
  }
}
