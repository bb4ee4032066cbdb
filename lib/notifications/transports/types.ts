import type { NotificationAttachment } from '../templates/types';

/** One rendered message on its way to a provider. */
export interface OutgoingMessage {
  /** The outbox row's id: providers that support it get it as an idempotency key / reference. */
  id: string;
  channel: 'email' | 'sms';
  /** An email address, or a phone number (normalised to E.164 again by the SMS transport). */
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: NotificationAttachment[];
}

/** A provider: SMTP, the HTTP SMS API or the development outbox. */
export interface Transport {
  /** Shown in logs; 'dev-outbox' is also stored as the provider message id of undelivered dev messages. */
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
  /** Closes pooled connections (shutdown, tests). */
  close?(): void;
}

/**
 * A failure that trying again cannot fix (an invalid phone number, a provider that rejected the message
 * as malformed, an unknown template): the row goes to 'dead' at once instead of after every retry.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

/** The provider id of messages that were kept in the development outbox instead of being delivered. */
export const DEV_OUTBOX_PROVIDER = 'dev-outbox';
