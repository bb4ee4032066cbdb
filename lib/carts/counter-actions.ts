'use server';

import { revalidatePath } from 'next/cache';
import type { Actor } from '@/lib/identity/queries';
import { access, action } from '@/lib/actions/action';
import { findVariantByCode, loadPriceLines } from '@/lib/catalog/queries';
import { getDb, type DbOrTx } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { requireCounterStore } from '@/lib/orders/counter-session';
import { addToCart, applyPromotionCode, getOrCreateCounterCart, removeCode, removeLine, setLineQuantity } from './mutations';
import { assertCartAccess, findCounterCartId, getCart } from './queries';
import { addToCartSchema, promotionCodeSchema, removeLineSchema, scanCodeSchema, setLineQuantitySchema } from './schemas';

// Counter cart actions. The cart is never part of the input: it is the signed-in clerk's one open
// counter cart, in the store of their session (an admin's chosen store), checked again here.

const refresh = () => revalidatePath('/counter', 'layout');

/** The clerk's open counter cart, created when `create` (adding) and there is none. */
async function counterCart(db: DbOrTx, actor: Actor, create: boolean): Promise<string> {
  const store = await requireCounterStore(db, actor);
  const cartId = create
    ? (await getOrCreateCounterCart(db, { clerkUserId: actor.userId, locationId: store.id })).cartId
    : await findCounterCartId(db, actor.userId);
  const cart = cartId ? await getCart(db, cartId) : null;
  if (!cart) throw new DomainError('notFound');
  assertCartAccess(cart, actor, null);
  return cart.id;
}

/** "Product (variant)" for messages; the variant is left out when a product has none. */
function itemName(item: { productName: string; variantLabel: string }): string {
  return item.variantLabel ? `${item.productName} (${item.variantLabel})` : item.productName;
}

/**
 * Enter in the scan field: an exact SKU or EAN adds one of that variant (data.added = true); anything
 * else adds nothing (data.added = false) and the screen shows search results instead.
 */
export const scanToCounterCartAction = action({ schema: scanCodeSchema, access: access.counter }, async (input, { actor, locale, t }) => {
  const db = getDb();
  const variant = await findVariantByCode(db, input.code, locale);
  if (!variant) return { data: { added: false } };
  const cartId = await counterCart(db, actor, true);
  await addToCart(db, { cartId, variantId: variant.variantId, quantity: 1 });
  refresh();
  return { message: t('counter.sale.added', { item: itemName(variant) }), data: { added: true } };
});

export const addToCounterCartAction = action({ schema: addToCartSchema, access: access.counter }, async (input, { actor, locale, t }) => {
  const db = getDb();
  const cartId = await counterCart(db, actor, true);
  await addToCart(db, { cartId, ...input });
  const [line] = await loadPriceLines(db, [{ variantId: input.variantId, quantity: 1 }], locale);
  refresh();
  return { message: t('counter.sale.added', { item: line ? itemName(line) : '' }), data: { added: true } };
});

export const setCounterLineQuantityAction = action({ schema: setLineQuantitySchema, access: access.counter }, async (input, { actor, t }) => {
  const db = getDb();
  await setLineQuantity(db, { cartId: await counterCart(db, actor, false), ...input });
  refresh();
  return { message: t('counter.cart.updated') };
});

export const removeCounterLineAction = action({ schema: removeLineSchema, access: access.counter }, async (input, { actor, t }) => {
  const db = getDb();
  await removeLine(db, { cartId: await counterCart(db, actor, false), ...input });
  refresh();
  return { message: t('counter.cart.removed') };
});

export const applyCounterCodeAction = action({ schema: promotionCodeSchema, access: access.counter }, async (input, { actor, t }) => {
  const db = getDb();
  await applyPromotionCode(db, await counterCart(db, actor, true), input.code);
  refresh();
  return { message: t('counter.cart.codeApplied', { code: input.code }) };
});

export const removeCounterCodeAction = action({ schema: promotionCodeSchema, access: access.counter }, async (input, { actor, t }) => {
  const db = getDb();
  await removeCode(db, await counterCart(db, actor, false), input.code);
  refresh();
  return { message: t('counter.cart.codeRemoved', { code: input.code }) };
});
