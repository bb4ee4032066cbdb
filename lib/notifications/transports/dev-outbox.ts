import { DEV_OUTBOX_PROVIDER, type Transport } from './types';

/**
 * Used for a channel without configuration (development, demos): nothing leaves the machine, the row
 * is marked sent by 'dev-outbox' with its rendered content, and /admin/outbox shows it.
 */
export function devOutboxTransport(): Transport {
  return {
    name: DEV_OUTBOX_PROVIDER,
    async send() {
      return { providerMessageId: DEV_OUTBOX_PROVIDER };
    },
  };
}
