/**
 * What the shop needs from an online payment provider (a hosted payment page plus webhooks). The
 * built-in test provider implements it; a real one (Mollie, Adyen, Stripe…) would sit beside it.
 */
export interface PaymentProvider {
  readonly method: 'test_provider';
  /**
   * Opens a payment at the provider. Returns the provider's id for it (stored as the payment's
   * providerReference) and the hosted page to send the shopper to.
   */
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /**
   * Verifies a webhook delivery (signature over the raw body) and returns the event it carries.
   * Throws WebhookRejected when it is not genuine or not understood.
   */
  handleWebhook(request: { rawBody: string; headers: Headers; now?: Date }): Promise<PaymentWebhookEvent>;
}

export interface CreatePaymentInput {
  amountCents: number;
  /** Shown on the hosted page, e.g. "Order W-100123". */
  description: string;
  /** Where the provider sends the shopper back to (absolute or same-origin path). */
  returnUrl: string;
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
