import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import type { DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import { authSecret } from '@/lib/auth/secret';
import { isGuestPlacedOrder } from '@/lib/identity/guest-profile';
import type { Actor } from '@/lib/identity/queries';
import { setAppCookie } from '@/lib/http/cookies';
import { getOrderById, type OrderDetailDto } from './queries';

// A guest has no account, so the browser that placed an order proves it with this cookie: the order
// ids it placed, signed so nobody can add someone else's id to their own cookie.
export const GUEST_ORDERS_COOKIE = 'omnishop_orders';
const MAX_REMEMBERED = 20;
const MAX_AGE_S = 60 * 60 * 24 * 90;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sign(payload: string): string {
  // A key of its own, derived from AUTH_SECRET, so this signature can never stand in for another one.
  const key = createHmac('sha256', authSecret()).update('omnishop guest orders v1').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** "id.id.id~signature" → the ids, or [] when the value was tampered with. */
export function parseGuestOrders(value: string | undefined | null): string[] {
  if (!value) return [];
  const at = value.lastIndexOf('~');
  if (at < 0) return [];
  const payload = value.slice(0, at);
  const given = Buffer.from(value.slice(at + 1));
  const expected = Buffer.from(sign(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return [];
  return payload.split('.').filter((id) => UUID_RE.test(id));
}

export function serializeGuestOrders(ids: string[]): string {
  const payload = ids.slice(-MAX_REMEMBERED).join('.');
  return `${payload}~${sign(payload)}`;
}

export async function guestOrderIds(): Promise<string[]> {
  return parseGuestOrders((await cookies()).get(GUEST_ORDERS_COOKIE)?.value);
}

/** Only in server actions: this browser placed `orderId` without an account. */
export async function rememberGuestOrder(orderId: string): Promise<void> {
  const ids = (await guestOrderIds()).filter((id) => id !== orderId);
  await setAppCookie(GUEST_ORDERS_COOKIE, serializeGuestOrders([...ids, orderId]), { maxAgeS: MAX_AGE_S });
}

/**
 * Whether this visitor may see the order (the order page and its live topic): the signed-in customer's
 * own order, or a guest order (placed signed out) that this browser placed. The cookie never opens an
 * order placed from an account, so signing out on a shared computer hides them.
 */
export async function shopperMayViewOrder(
  db: DbOrTx,
  orderId: string,
  viewer: { actor: Actor | null; guestOrderIds: string[] },
): Promise<boolean> {
  if (!UUID_RE.test(orderId)) return false;
  const customerId = viewer.actor?.role === 'customer' ? viewer.actor.customerId : null;
  if (customerId) {
    const [own] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.customerId, customerId)));
    if (own) return true;
  }
  if (!viewer.guestOrderIds.includes(orderId)) return false;
  // isGuestPlacedOrder: a web order placed without a customer account.
  return isGuestPlacedOrder(db, orderId);
}

/** The order if this visitor may see it (shopperMayViewOrder), else null: the page answers 404, so ids cannot be probed. */
export async function getOrderForViewer(
  db: DbOrTx,
  orderId: string,
  viewer: { actor: Actor | null; guestOrderIds: string[] },
): Promise<OrderDetailDto | null> {
  return (await shopperMayViewOrder(db, orderId, viewer)) ? getOrderById(db, orderId) : null;
}
