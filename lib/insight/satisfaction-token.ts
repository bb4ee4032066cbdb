import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

// The survey link of one order (S12): "<order id>.<signature>", HMAC-SHA256 over the order id with a
// key derived from AUTH_SECRET — the same mechanism as the guest order link (lib/order-messages/
// guest-link.ts), with a key of its own so neither signature can stand in for the other. It does not
// expire: the survey can be answered once, whenever; the answer itself is what the uniqueness guards.

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(orderId: string): string {
  const key = createHmac('sha256', authSecret()).update('omnishop satisfaction survey v1').digest();
  return createHmac('sha256', key).update(orderId).digest('base64url');
}

/** The token of `orderId`'s survey. */
export function createSurveyToken(orderId: string): string {
  const id = orderId.toLowerCase();
  return `${id}.${sign(id)}`;
}

/** The order id a token was made for by this shop, or null when it is forged, tampered with or malformed. */
export function verifySurveyToken(token: string | null | undefined): string | null {
  if (!token || token.length > 200) return null;
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const orderId = token.slice(0, dot);
  if (!UUID_RE.test(orderId)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(orderId));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return orderId;
}

/** The path of the survey page of `orderId` (the email, the receipt's QR and the order page link here). */
export function surveyPath(orderId: string): string {
  return `/survey/${createSurveyToken(orderId)}`;
}
