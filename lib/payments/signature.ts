import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook signatures in the style of Stripe's: "t=<unix seconds>,v1=<hex HMAC-SHA256 of `t.body`>".
// The timestamp is signed too, so an old delivery cannot be replayed later with a fresh date; the
// event-id check in settlePayment makes a replay inside the window harmless anyway.

export const SIGNATURE_HEADER = 'omnipay-signature';
export const SIGNATURE_TOLERANCE_S = 5 * 60;

function hmac(key: Buffer | string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', key).update(`${timestamp}.${rawBody}`).digest('hex');
}

export function signPayload(key: Buffer | string, rawBody: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(key, timestamp, rawBody)}`;
}

/** True when `header` is a valid signature of `rawBody` made within the tolerance of `now`. */
export function verifySignature(
  key: Buffer | string,
  rawBody: string,
  header: string | null,
  now: Date = new Date(),
): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  const timestamp = Number(parts.t);
  if (!Number.isSafeInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(hmac(key, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}
