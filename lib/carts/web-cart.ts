import 'server-only';
import { cookies } from 'next/headers';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { setAppCookie } from '@/lib/http/cookies';
import type { Actor } from '@/lib/identity/queries';
import type { CatalogLocale } from '@/lib/catalog/queries';
import { getOrCreateWebCart, type DroppedLine } from './mutations';
import { assertCartAccess, findWebCartId, getCart, getCartLines } from './queries';

// The web cart lives in the database; the browser only holds its (unguessable) id in an httpOnly cookie.
export const CART_COOKIE = 'omnishop_cart';
const CART_MAX_AGE_S = 60 * 60 * 24 * 30;

/** The customer profile a signed-in shopper's cart belongs to; staff shop like anonymous visitors. */
export function shopperCustomerId(actor: Actor | null): number | null {
  return actor?.role === 'customer' ? actor.customerId : null;
}

export async function readCartCookie(): Promise<string | null> {
  return (await cookies()).get(CART_COOKIE)?.value ?? null;
}

/** Only in server actions and route handlers (pages cannot set cookies). */
async function writeCartCookie(cartId: string): Promise<void> {
  await setAppCookie(CART_COOKIE, cartId, { maxAgeS: CART_MAX_AGE_S });
}

/** For pages: the visitor's open web cart id, or null. Never creates one. */
export async function currentWebCartId(db: DbOrTx, actor: Actor | null): Promise<string | null> {
  return findWebCartId(db, { cartId: await readCartCookie(), customerId: shopperCustomerId(actor) });
}

/**
 * For actions: the visitor's open web cart, created when there is none (and, for a customer, an
 * anonymous cookie cart merged into theirs). The cookie is pointed at it and ownership is asserted
 * again here, so no action can touch a cart the caller does not hold.
 */
export async function openWebCart(db: DbOrTx, actor: Actor | null): Promise<string> {
  return (await claimWebCart(db, actor)).cartId;
}

/**
 * openWebCart, also saying which lines of a merged anonymous cart could not come along (no longer for
 * sale; names in `locale`) — for the one message after sign-in.
 */
export async function claimWebCart(db: DbOrTx, actor: Actor | null, locale?: CatalogLocale): Promise<{ cartId: string; dropped: DroppedLine[] }> {
  const cookieCartId = await readCartCookie();
  const { cartId, dropped } = await getOrCreateWebCart(db, {
    cartId: cookieCartId,
    customerId: shopperCustomerId(actor),
    locale,
  });
  if (cartId !== cookieCartId) await writeCartCookie(cartId);
  await assertOwnCart(db, cartId, actor, cartId);
  return { cartId, dropped: dropped ?? [] };
}

/**
 * For actions that change an existing cart (quantity, remove, codes): the caller's cart, or
 * DomainError('notFound') when they have none. Does not create a cart.
 */
export async function existingWebCart(db: DbOrTx, actor: Actor | null): Promise<string> {
  const cookieCartId = await readCartCookie();
  const cartId = await findWebCartId(db, { cartId: cookieCartId, customerId: shopperCustomerId(actor) });
  if (!cartId) {
    throw new DomainError('notFound');
  }
  // A customer's own cart is proven by the session, an anonymous one by the cookie.
  await assertOwnCart(db, cartId, actor, cookieCartId);
  return cartId;
}

async function assertOwnCart(
  db: DbOrTx,
  cartId: string,
  actor: Actor | null,
  cookieCartId: string | null,
): Promise<void> {
  const cart = await getCart(db, cartId);
  if (!cart) {
    throw new DomainError('notFound');
  }
  assertCartAccess(cart, actor, cookieCartId);
}

/**
 * True when a signed-in customer still holds an anonymous cart in their cookie: it should be merged
 * into their own (the header then triggers claimCartAction once).
 */
export async function hasUnclaimedCart(db: DbOrTx, actor: Actor | null): Promise<boolean> {
  if (!shopperCustomerId(actor)) return false;
  const cookieCartId = await readCartCookie();
  if (!cookieCartId) return false;
  const cart = await getCart(db, cookieCartId);
  return !!cart && cart.channel === 'web' && cart.status === 'open' && cart.customerId === null;
}

/** Number of items (sum of quantities) in a cart, for the header badge. */
export async function countCartItems(db: DbOrTx, cartId: string | null): Promise<number> {
  if (!cartId) return 0;
  const lines = await getCartLines(db, cartId);
  return lines.reduce((sum, l) => sum + l.quantity, 0);
}
