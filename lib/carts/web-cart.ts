import 'server-only';
import { cookies } from 'next/headers';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { setAppCookie } from '@/lib/http/cookies';
import type { Actor } from '@/lib/identity/queries';
import type { CatalogLocale } from '@/lib/catalog/queries';
import { getOrCreateWebCart, type DroppedLine } from './mutations';
import { assertCartAccess, findBrowserCart, findCustomerCart, findWebCartId, getCart, headerCart } from './queries';

// The web cart lives in the database; the browser only holds an unguessable key in an httpOnly cookie:
// its first cart's id, handed on to each later anonymous cart of that browser (carts.browserKey).
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
async function writeCartCookie(browserKey: string): Promise<void> {
  await setAppCookie(CART_COOKIE, browserKey, { maxAgeS: CART_MAX_AGE_S });
}

/** For pages: the visitor's open web cart id, or null. Never creates one. */
export async function currentWebCartId(db: DbOrTx, actor: Actor | null): Promise<string | null> {
  return findWebCartId(db, { cartId: await readCartCookie(), customerId: shopperCustomerId(actor) });
}

/**
 * The visitor's most recent web cart in any state — the one a checkout just converted — or null: the
 * signed-in customer's, else the anonymous one of the cookie's browser key. For a repeated checkout submit.
 */
export async function latestWebCartId(db: DbOrTx, actor: Actor | null): Promise<string | null> {
  const customerId = shopperCustomerId(actor);
  const latest = customerId === null ? await findBrowserCart(db, await readCartCookie(), { openOnly: false }) : await findCustomerCart(db, customerId, { openOnly: false });
  return latest?.id ?? null;
}

/**
 * For actions: the visitor's open web cart, created when there is none (and, for a customer, an
 * anonymous cookie cart merged into theirs). An anonymous visitor's cookie is set when it did not hold
 * their browser key yet (a customer's cart needs none: the session proves it), and ownership is asserted
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
  const cookie = await readCartCookie();
  const { cartId, dropped, browserKey } = await getOrCreateWebCart(db, {
    cartId: cookie,
    customerId: shopperCustomerId(actor),
    locale,
  });
  if (browserKey && browserKey !== cookie) await writeCartCookie(browserKey);
  await assertOwnCart(db, cartId, actor, browserKey ?? cookie);
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
  // A customer's own cart is proven by the session, an anonymous one by the cookie's browser key.
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
 * The header's cart badge: the number of items (sum of quantities) in the visitor's cart, and whether a
 * signed-in customer still holds an anonymous cart in their cookie that should be merged into their own
 * (the header then triggers claimCartAction once). One query.
 */
export async function headerCartState(db: DbOrTx, actor: Actor | null): Promise<{ count: number; unclaimed: boolean }> {
  return headerCart(db, { cartId: await readCartCookie(), customerId: shopperCustomerId(actor) });
}
