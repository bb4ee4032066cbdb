import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

// The guest's way back to an order from another browser (the confirmation email's link): a signed,
// expiring token for ONE order. Valid, it adds that order to the browser's signed guest-orders cookie
// (app/(shop)/orders/[id]/open/route.ts); it never opens an order that belongs to a customer account.

/** How long a link in a message works. */
export const GUEST_LINK_TTL_MS = 30 * 24 * 60 * 60_000;

function sign(payload: string): string {
  // A key of its own, derived from AUTH_SECRET, so this signature can never stand in for another one
  // (the guest-orders cookie, sessions).
  const key = createHmac('sha256', authSecret()).update('omnishop guest order link v1').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** "<expiry in epoch seconds, base 36>.<signature over order id and expiry>". */
export function createGuestOrderToken(orderId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${expires}.${sign(`${orderId.toLowerCase()}.${expires}`)}`;
}

/** Whether `token` was made for `orderId` by this shop and has not expired at `now`. */
export function verifyGuestOrderToken(orderId: string, token: string | null | undefined, now: Date = new Date()): boolean {
  if (!token || token.length > 200) return false;
  const dot = token.indexOf('.');
  if (dot <= 0) return false;
  const expires = token.slice(0, dot);
  if (!/^[0-9a-z]{1,12}$/.test(expires)) return false;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(`${orderId.toLowerCase()}.${expires}`));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  return parseInt(expires, 36) * 1000 > now.getTime();
}

/** The path a guest's message links to: it opens the order in any browser until the link expires. */
export function guestOrderLinkPath(orderId: string, now: Date = new Date()): { path: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + GUEST_LINK_TTL_MS);
  return { path: `/orders/${orderId}/open?access=${createGuestOrderToken(orderId, expiresAt)}`, expiresAt };
}
