import { parsePhone } from '../phone';
import { PermanentDeliveryError, type Transport } from './types';

const TIMEOUT_MS = 15_000;

/**
 * SMS through an HTTP provider: `POST SMS_URL` with `Authorization: Bearer SMS_TOKEN` and the JSON body
 * `{ from, to: [E.164], body, client_reference }` — the shape of the common providers' send-message
 * APIs (Sinch's batches, MessageBird-style REST). The provider's id is read from `id` (or `message_id`,
 * `sid`). The number is normalised to E.164 first (default region NL) and an invalid or landline number
 * is refused without calling the provider.
 */
export function httpSmsTransport(options: { url: string; token: string; from: string }): Transport {
  return {
    name: 'sms-http',
    async send(message) {
      const phone = parsePhone(message.to);
      if (!phone) throw new PermanentDeliveryError(`Invalid phone number "${message.to.slice(0, 40)}": not a valid number (default region NL)`);
      if (phone.type === 'FIXED_LINE') throw new PermanentDeliveryError(`Phone number ${phone.e164} is a landline: it cannot receive SMS`);
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ from: options.from, to: [phone.e164], body: message.text, client_reference: message.id }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok) {
        const detail = `SMS provider answered ${response.status}: ${text.slice(0, 300)}`;
        // The provider rejected this message as such (bad number, bad body): the same request fails again.
        // Anything else (5xx, 429, auth or URL trouble) may pass later or once the configuration is fixed.
        throw response.status === 400 || response.status === 422 ? new PermanentDeliveryError(detail) : new Error(detail);
      }
      return { providerMessageId: providerId(text) ?? `sms:${message.id}` };
    },
  };
}

function providerId(body: string): string | null {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const id = json.id ?? json.message_id ?? json.sid;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null; // 2xx without JSON: sent all the same
  }
}
